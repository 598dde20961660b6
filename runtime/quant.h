/*
 * quant.h - ggml's block quantisation formats on the CPU: Q8_0, Q4_K, Q6_K.
 *
 * The byte layouts are ggml's, bit for bit, so GGUF files from llama.cpp can
 * be used as they are and what we quantise can be read by ggml:
 *
 *   Q8_0  32 weights in 34 bytes:   f16 d, int8 q[32];            w = d * q
 *   Q4_K  256 weights in 144 bytes: f16 d, f16 dmin, 12 bytes of 6-bit scales
 *         and mins for 8 sub-blocks of 32, 128 bytes of nibbles;
 *         w = d * sc[j] * q - dmin * m[j]
 *   Q6_K  256 weights in 210 bytes: ql[128] (low 4 bits), qh[64] (high 2 bits),
 *         int8 scales[16] (one per 16 weights), f16 d;  w = d * sc * (q - 32)
 *
 * Quantisers produce the same bytes as ggml's reference quantisers
 * (quantize_row_*_ref, used by llama-quantize when there is no importance
 * matrix); dequantisers the same floats as ggml's dequantize_row_*. Both only
 * hold when float arithmetic is not contracted into FMAs, which is why this
 * file's sources must be built without -ffp-contract=fast (our -std=c11 build
 * never contracts). Multi-byte fields are little-endian on every host.
 */
#ifndef RWKVC_RUNTIME_QUANT_H
#define RWKVC_RUNTIME_QUANT_H

#include <stdint.h>

#include "base/err.h"
#include "graph/graph.h"

enum {
	QUANT_Q8_0_BLOCK = 32,  /* weights per Q8_0 block */
	QUANT_Q8_0_BYTES = 34,
	QUANT_K_BLOCK = 256,    /* weights per Q4_K / Q6_K super-block */
	QUANT_Q4_K_BYTES = 144,
	QUANT_Q6_K_BYTES = 210,
};

/*
 * Converts `n` elements of type `t` at `src` to f32 at `dst`. `t` is F32, F16,
 * BF16, Q8_0, Q4_K or Q6_K; `n` must be a whole number of blocks (asserted:
 * callers size tensors with dtype_bytes, which refuses partial blocks).
 * `src` needs no alignment.
 */
void quant_dequantize(enum dtype t, const void *src, float *dst, int64_t n);

/*
 * Converts `n` f32 values to type `t` (F32, F16, BF16, Q8_0, Q4_K, Q6_K) into
 * `dst`, which must hold dtype_bytes(t, n) bytes and needs no alignment.
 * Errors: BAD_ARGUMENT when `t` cannot be produced or `n` is not a whole
 * number of blocks; NOT_FINITE (naming the index) when a value is NaN or
 * infinite, since ggml's search for scales has no defined answer there.
 */
enum rwkvc_status quant_quantize(struct err *e, enum dtype t, const float *src, void *dst,
				 int64_t n);

/*
 * Q4_K keeps eight 6-bit scales and eight 6-bit mins in 12 bytes: bytes 0-3
 * hold scales 0-3, bytes 4-7 mins 0-3 (low 6 bits each); bytes 8-11 hold the
 * low nibbles of scale 4+i (bits 0-3) and min 4+i (bits 4-7), whose top two
 * bits sit in bits 6-7 of bytes i (scale) and 4+i (min).
 */
void quant_q4_k_pack_scales(const uint8_t scales[8], const uint8_t mins[8], uint8_t out[12]);
void quant_q4_k_unpack_scales(const uint8_t packed[12], uint8_t scales[8], uint8_t mins[8]);

#endif
