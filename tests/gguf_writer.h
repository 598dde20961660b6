/*
 * gguf_writer.h - test helper (not library): writes an rwkv7 GGUF file laid
 * out as llama.cpp's converter lays it out, from tensors in official RWKV-7
 * naming. It applies the inverse of runtime/gguf_rwkv7.c's mapping from its
 * own table, so a mistake in one is not mirrored by the other:
 *
 *   fuse x_r, x_w, x_k, x_v, x_a, x_g into blk.N.time_mix_lerp_fused {C,1,1,6};
 *   squeeze [1,1,C] parameters to {C}, flatten r_k; transpose LoRA factors;
 *   reverse every shape into ggml order; GGUF names; llama.cpp's metadata keys;
 *   replace layer 0's v0/v1/v2 by copies of a0/a1/a2 (as the converter does).
 *
 * Types: a tensor whose rows (ne[0]) are not whole blocks of the requested
 * type falls back: Q4_K -> Q8_0 (llama-quantize picks Q5_0, which rwkvc does
 * not read), Q6_K -> Q8_0 (as llama-quantize), Q8_0 -> F16 (as the converter),
 * and F16 when even Q8_0 does not fit.
 */
#ifndef RWKVC_TESTS_GGUF_WRITER_H
#define RWKVC_TESTS_GGUF_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "graph/graph.h"
#include "runtime/weights.h"

struct gguf_writer_options {
	enum dtype type; /* F32, F16, BF16, Q8_0, Q4_K or Q6_K */
	/*
	 * false: every tensor takes `type` where its rows allow it (vectors and
	 * the fused mixes included), to exercise the reader on every kind.
	 * true: as llama.cpp's tools choose: vectors, biases, w1/w2 and the fused
	 * mixes stay F32; the other LoRA factors take `type` unless it is a
	 * K-quant (llama-quantize never requantises them: F16 then).
	 */
	bool like_llama_cpp;
	uint32_t version;   /* 2 or 3; 0 means 3 */
	uint32_t alignment; /* 0: the default 32, and no general.alignment key */
};

/*
 * Writes `n` official tensors (F32 data) to `path`. When `out_types` is not
 * NULL, out_types[i] receives the type tensor i was stored as (DTYPE_COUNT
 * for tensors left out: layer 0's v0/v1/v2). Errors: BAD_ARGUMENT for names
 * the writer does not know or non-F32 input, plus write failures.
 */
enum rwkvc_status gguf_write_rwkv7(struct err *e, const char *path, const struct weight_tensor *in,
				   size_t n, const struct gguf_writer_options *opt,
				   enum dtype *out_types);

#endif
