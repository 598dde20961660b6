/* quant.c - see quant.h. Dispatch, plain types, Q8_0 and the Q4_K scale packing. */
#include "quant.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "base/half.h"
#include "quant_internal.h"

/* ---- Q8_0: one f16 scale per 32 weights, d = amax / 127 ---- */

static void q8_0_quantize(const float *x, uint8_t *out, int64_t n_blocks)
{
	for (int64_t b = 0; b < n_blocks; b++, x += QUANT_Q8_0_BLOCK, out += QUANT_Q8_0_BYTES) {
		float amax = 0.0f;
		for (int j = 0; j < QUANT_Q8_0_BLOCK; j++) {
			float a = fabsf(x[j]);
			amax = amax > a ? amax : a;
		}
		/* the quants use the f32 scale; only the stored one is rounded to f16 */
		float d = amax / 127;
		float id = d != 0.0f ? 1.0f / d : 0.0f;
		quant_store_f16(out, d);
		/* roundf: halves away from zero, as ggml's reference does */
		for (int j = 0; j < QUANT_Q8_0_BLOCK; j++)
			out[2 + j] = (uint8_t)(int8_t)roundf(x[j] * id);
	}
}

static void q8_0_dequantize(const uint8_t *in, float *y, int64_t n_blocks)
{
	for (int64_t b = 0; b < n_blocks; b++, in += QUANT_Q8_0_BYTES, y += QUANT_Q8_0_BLOCK) {
		float d = quant_load_f16(in);
		for (int j = 0; j < QUANT_Q8_0_BLOCK; j++)
			y[j] = (float)(int8_t)in[2 + j] * d;
	}
}

/* ---- Q4_K scale/min packing ---- */

void quant_q4_k_pack_scales(const uint8_t scales[8], const uint8_t mins[8], uint8_t out[12])
{
	for (int j = 0; j < 4; j++) {
		assert(scales[j] < 64 && mins[j] < 64 && scales[j + 4] < 64 && mins[j + 4] < 64);
		out[j] = (uint8_t)(scales[j] | (scales[j + 4] >> 4) << 6);
		out[j + 4] = (uint8_t)(mins[j] | (mins[j + 4] >> 4) << 6);
		out[j + 8] = (uint8_t)((scales[j + 4] & 0xf) | (mins[j + 4] & 0xf) << 4);
	}
}

void quant_q4_k_unpack_scales(const uint8_t packed[12], uint8_t scales[8], uint8_t mins[8])
{
	for (int j = 0; j < 4; j++) {
		scales[j] = packed[j] & 63;
		mins[j] = packed[j + 4] & 63;
		scales[j + 4] = (uint8_t)((packed[j + 8] & 0xf) | (packed[j] >> 6) << 4);
		mins[j + 4] = (uint8_t)((packed[j + 8] >> 4) | (packed[j + 4] >> 6) << 4);
	}
}

/* ---- plain types ---- */

static void f32_decode(const uint8_t *in, float *y, int64_t n)
{
	memcpy(y, in, (size_t)n * sizeof(float));
}

static void f32_encode(const float *x, uint8_t *out, int64_t n)
{
	memcpy(out, x, (size_t)n * sizeof(float));
}

static void f16_decode(const uint8_t *in, float *y, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		y[i] = quant_load_f16(in + 2 * i);
}

static void f16_encode(const float *x, uint8_t *out, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		quant_store_f16(out + 2 * i, x[i]);
}

static void bf16_decode(const uint8_t *in, float *y, int64_t n)
{
	for (int64_t i = 0; i < n; i++)
		y[i] = bf16_to_float((uint16_t)(in[2 * i] | in[2 * i + 1] << 8));
}

static void bf16_encode(const float *x, uint8_t *out, int64_t n)
{
	for (int64_t i = 0; i < n; i++) {
		uint16_t b = float_to_bf16(x[i]);
		out[2 * i] = (uint8_t)b;
		out[2 * i + 1] = (uint8_t)(b >> 8);
	}
}

/* ---- dispatch ---- */

/* Per type, converting whole blocks (plain types: one element a block); none for I32. */
static const struct {
	void (*decode)(const uint8_t *in, float *y, int64_t n_blocks);
	void (*encode)(const float *x, uint8_t *out, int64_t n_blocks);
} codecs[DTYPE_COUNT] = {
	[DTYPE_F32] = { f32_decode, f32_encode },
	[DTYPE_F16] = { f16_decode, f16_encode },
	[DTYPE_BF16] = { bf16_decode, bf16_encode },
	[DTYPE_Q8_0] = { q8_0_dequantize, q8_0_quantize },
	[DTYPE_Q4_K] = { quant_q4_k_dequantize, quant_q4_k_quantize },
	[DTYPE_Q6_K] = { quant_q6_k_dequantize, quant_q6_k_quantize },
};

void quant_dequantize(enum dtype t, const void *src, float *dst, int64_t n)
{
	assert((unsigned)t < DTYPE_COUNT && codecs[t].decode);
	assert(n >= 0 && n % dtype_block(t) == 0);
	codecs[t].decode(src, dst, n / dtype_block(t));
}

enum rwkvc_status quant_quantize(struct err *e, enum dtype t, const float *src, void *dst,
				 int64_t n)
{
	if ((unsigned)t >= DTYPE_COUNT || !codecs[t].encode)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "cannot quantise to %s", dtype_name(t));
	if (n < 0 || n % dtype_block(t) != 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "cannot quantise %lld values to %s: not a multiple of its %u-value block",
			       (long long)n, dtype_name(t), dtype_block(t));
	if (dtype_block(t) > 1) {
		for (int64_t i = 0; i < n; i++) {
			if (!isfinite(src[i]))
				return err_set(e, RWKVC_STATUS_NOT_FINITE,
					       "cannot quantise to %s: value %lld is %g", dtype_name(t),
					       (long long)i, (double)src[i]);
		}
	}
	codecs[t].encode(src, dst, n / dtype_block(t));
	return RWKVC_STATUS_OK;
}
