/*
 * quant_internal.h - what quant.c and quant_k.c share: little-endian f16
 * fields and ggml's rounding of a float to the nearest integer.
 */
#ifndef RWKVC_RUNTIME_QUANT_INTERNAL_H
#define RWKVC_RUNTIME_QUANT_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "base/half.h"

static inline float quant_load_f16(const uint8_t *p)
{
	return half_to_float((uint16_t)(p[0] | p[1] << 8));
}

static inline void quant_store_f16(uint8_t *p, float f)
{
	uint16_t h = float_to_half(f);
	p[0] = (uint8_t)h;
	p[1] = (uint8_t)(h >> 8);
}

/*
 * ggml rounds with a magic number rather than rintf: adding 1.5 * 2^23 leaves
 * round-half-even(x) in the low mantissa bits. For |x| < 2^22 that equals
 * rintf(x); beyond it (ggml asserts, release builds do not) it still gives
 * ggml's answer, so we keep the trick rather than an equivalent.
 */
static inline int quant_nearest_int(float x)
{
	float v = x + 12582912.0f;
	int32_t i;
	memcpy(&i, &v, sizeof i);
	return (i & 0x007fffff) - 0x00400000;
}

static inline int quant_clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

void quant_q4_k_quantize(const float *x, uint8_t *out, int64_t n_blocks);
void quant_q4_k_dequantize(const uint8_t *in, float *y, int64_t n_blocks);
void quant_q6_k_quantize(const float *x, uint8_t *out, int64_t n_blocks);
void quant_q6_k_dequantize(const uint8_t *in, float *y, int64_t n_blocks);

#endif
