/*
 * quant_k.c - ggml's Q4_K and Q6_K super-blocks (256 weights).
 *
 * The quantisers follow ggml's reference algorithm step by step, with every
 * float operation in the same order, because the search for scales compares
 * rounded errors: a different summation order or a fused multiply-add picks a
 * different scale now and then and the bytes stop matching llama-quantize.
 */
#include <math.h>
#include <string.h>

#include "quant.h"
#include "quant_internal.h"

enum { SUB4 = 32, NSUB4 = QUANT_K_BLOCK / SUB4, SUB6 = 16, NSUB6 = QUANT_K_BLOCK / SUB6 };

/* Below this largest |x|, ggml treats a group as all zero. */
static const float group_max_eps = 1e-15f;

/*
 * Fits x ~ scale * L - neg_min with L in [0, 15] for one sub-block of 32,
 * minimising the error weighted by w (ggml: make_qkx2_quants with nmax 15,
 * rmin -1, rdelta 0.1, 20 steps, squared error). Starts from the plain
 * min/max grid, then tries 21 slightly different grids and keeps the least
 * squares (scale, min) of whichever gives the smallest error. `min` is updated
 * inside the loop and later grids are built from the updated one, as in ggml.
 */
static float q4_k_fit(const float *x, const float *w, uint8_t *L, float *out_neg_min)
{
	const int nmax = 15, nstep = 20;
	const float rmin = -1.0f, rdelta = 0.1f;
	uint8_t Laux[SUB4];
	float min = x[0], max = x[0];
	float sum_w = w[0];
	float sum_x = sum_w * x[0];
	for (int i = 1; i < SUB4; i++) {
		if (x[i] < min)
			min = x[i];
		if (x[i] > max)
			max = x[i];
		sum_w += w[i];
		sum_x += w[i] * x[i];
	}
	if (min > 0)
		min = 0;
	if (max == min) {
		memset(L, 0, SUB4);
		*out_neg_min = -min;
		return 0.0f;
	}
	float iscale = nmax / (max - min);
	float scale = 1 / iscale;
	float best_error = 0;
	for (int i = 0; i < SUB4; i++) {
		L[i] = (uint8_t)quant_clamp(quant_nearest_int(iscale * (x[i] - min)), 0, nmax);
		float diff = scale * L[i] + min - x[i];
		best_error += w[i] * (diff * diff);
	}
	for (int is = 0; is <= nstep; is++) {
		iscale = (rmin + rdelta * is + nmax) / (max - min);
		float sum_l = 0, sum_l2 = 0, sum_xl = 0;
		for (int i = 0; i < SUB4; i++) {
			int l = quant_clamp(quant_nearest_int(iscale * (x[i] - min)), 0, nmax);
			Laux[i] = (uint8_t)l;
			float wl = w[i] * l;
			sum_l += wl;
			sum_l2 += wl * l;
			sum_xl += wl * x[i];
		}
		float D = sum_w * sum_l2 - sum_l * sum_l;
		if (!(D > 0))
			continue;
		float this_scale = (sum_w * sum_xl - sum_x * sum_l) / D;
		float this_min = (sum_l2 * sum_x - sum_l * sum_xl) / D;
		if (this_min > 0) {
			this_min = 0;
			this_scale = sum_xl / sum_l2;
		}
		float cur_error = 0;
		for (int i = 0; i < SUB4; i++) {
			float diff = this_scale * Laux[i] + this_min - x[i];
			cur_error += w[i] * (diff * diff);
		}
		if (cur_error < best_error) {
			memcpy(L, Laux, SUB4);
			best_error = cur_error;
			scale = this_scale;
			min = this_min;
		}
	}
	*out_neg_min = -min;
	return scale;
}

/* 6-bit code of v * inv (ggml converts the rounded int to uint8 first, wrapping). */
static uint8_t q4_k_code(float inv, float v)
{
	uint8_t c = (uint8_t)quant_nearest_int(inv * v);
	return c > 63 ? 63 : c;
}

static void q4_k_quantize_block(const float *x, uint8_t *out)
{
	uint8_t L[QUANT_K_BLOCK];
	float w[SUB4], scales[NSUB4], mins[NSUB4];
	float max_scale = 0, max_min = 0;
	for (int j = 0; j < NSUB4; j++) {
		const float *xs = x + SUB4 * j;
		/* weights favour large |x| and are shifted by the block's rms */
		float sum_x2 = 0;
		for (int l = 0; l < SUB4; l++)
			sum_x2 += xs[l] * xs[l];
		float av_x = sqrtf(sum_x2 / SUB4);
		for (int l = 0; l < SUB4; l++)
			w[l] = av_x + fabsf(xs[l]);
		scales[j] = q4_k_fit(xs, w, L + SUB4 * j, &mins[j]);
		if (scales[j] > max_scale)
			max_scale = scales[j];
		if (mins[j] > max_min)
			max_min = mins[j];
	}
	float inv_scale = max_scale > 0 ? 63.f / max_scale : 0.f;
	float inv_min = max_min > 0 ? 63.f / max_min : 0.f;
	uint8_t sc[NSUB4], mn[NSUB4];
	for (int j = 0; j < NSUB4; j++) {
		sc[j] = q4_k_code(inv_scale, scales[j]);
		mn[j] = q4_k_code(inv_min, mins[j]);
	}
	quant_store_f16(out, max_scale / 63.f);
	quant_store_f16(out + 2, max_min / 63.f);
	quant_q4_k_pack_scales(sc, mn, out + 4);

	/* requantise against the scales as stored (f16 times 6-bit code) */
	float d_all = quant_load_f16(out), dmin_all = quant_load_f16(out + 2);
	for (int j = 0; j < NSUB4; j++) {
		float d = d_all * sc[j];
		if (d == 0.0f)
			continue; /* keeps the fit's codes, as ggml does */
		float dm = dmin_all * mn[j];
		for (int i = 0; i < SUB4; i++) {
			int l = quant_nearest_int((x[SUB4 * j + i] + dm) / d);
			L[SUB4 * j + i] = (uint8_t)quant_clamp(l, 0, 15);
		}
	}
	/* each 32 bytes hold sub-block 2k in the low nibbles and 2k+1 in the high */
	uint8_t *q = out + 16;
	for (int j = 0; j < QUANT_K_BLOCK; j += 2 * SUB4, q += SUB4) {
		for (int l = 0; l < SUB4; l++)
			q[l] = (uint8_t)(L[j + l] | L[j + l + SUB4] << 4);
	}
}

void quant_q4_k_quantize(const float *x, uint8_t *out, int64_t n_blocks)
{
	for (int64_t b = 0; b < n_blocks; b++)
		q4_k_quantize_block(x + b * QUANT_K_BLOCK, out + b * QUANT_Q4_K_BYTES);
}

void quant_q4_k_dequantize(const uint8_t *in, float *y, int64_t n_blocks)
{
	for (int64_t b = 0; b < n_blocks; b++, in += QUANT_Q4_K_BYTES) {
		float d = quant_load_f16(in), dmin = quant_load_f16(in + 2);
		uint8_t sc[NSUB4], mn[NSUB4];
		quant_q4_k_unpack_scales(in + 4, sc, mn);
		const uint8_t *q = in + 16;
		for (int j = 0; j < NSUB4; j += 2, q += SUB4) {
			float d1 = d * sc[j], m1 = dmin * mn[j];
			float d2 = d * sc[j + 1], m2 = dmin * mn[j + 1];
			for (int l = 0; l < SUB4; l++)
				*y++ = d1 * (q[l] & 0xf) - m1;
			for (int l = 0; l < SUB4; l++)
				*y++ = d2 * (q[l] >> 4) - m2;
		}
	}
}

/*
 * Fits x ~ scale * (L - 32), L in [0, 63], for one group of 16 (ggml:
 * make_qx_quants with nmax 32 and weights x^2): the grid through the value of
 * largest magnitude first, then 18 grids 0.1 apart around it, keeping the
 * least-squares scale of the best. L holds codes + 32.
 */
static float q6_k_fit(const float *x, int8_t *L)
{
	const int nmax = 32;
	float max = 0, amax = 0;
	for (int i = 0; i < SUB6; i++) {
		float ax = fabsf(x[i]);
		if (ax > amax) {
			amax = ax;
			max = x[i];
		}
	}
	if (amax < group_max_eps) {
		memset(L, 0, SUB6);
		return 0.f;
	}
	float iscale = -nmax / max;
	float sumlx = 0, suml2 = 0;
	for (int i = 0; i < SUB6; i++) {
		int l = quant_clamp(quant_nearest_int(iscale * x[i]), -nmax, nmax - 1);
		L[i] = (int8_t)(l + nmax);
		float w = x[i] * x[i];
		sumlx += w * x[i] * l;
		suml2 += w * l * l;
	}
	float scale = suml2 != 0 ? sumlx / suml2 : 0.0f;
	float best = scale * sumlx;
	for (int is = -9; is <= 9; is++) {
		if (is == 0)
			continue;
		iscale = -(nmax + 0.1f * is) / max;
		sumlx = suml2 = 0;
		for (int i = 0; i < SUB6; i++) {
			int l = quant_clamp(quant_nearest_int(iscale * x[i]), -nmax, nmax - 1);
			float w = x[i] * x[i];
			sumlx += w * x[i] * l;
			suml2 += w * l * l;
		}
		if (suml2 > 0 && sumlx * sumlx > best * suml2) {
			for (int i = 0; i < SUB6; i++) {
				int l = quant_clamp(quant_nearest_int(iscale * x[i]), -nmax, nmax - 1);
				L[i] = (int8_t)(l + nmax);
			}
			scale = sumlx / suml2;
			best = scale * sumlx;
		}
	}
	return scale;
}

static void q6_k_quantize_block(const float *x, uint8_t *out)
{
	int8_t L[QUANT_K_BLOCK];
	float scales[NSUB6];
	float max_scale = 0, max_abs_scale = 0;
	for (int ib = 0; ib < NSUB6; ib++) {
		scales[ib] = q6_k_fit(x + SUB6 * ib, L + SUB6 * ib);
		float abs_scale = fabsf(scales[ib]);
		if (abs_scale > max_abs_scale) {
			max_abs_scale = abs_scale;
			max_scale = scales[ib];
		}
	}
	uint8_t *ql = out, *qh = out + 128;
	int8_t *sc = (int8_t *)(out + 192);
	if (max_abs_scale < group_max_eps) {
		memset(out, 0, QUANT_Q6_K_BYTES);
		return;
	}
	/* the group of largest scale gets code -128; d carries its sign */
	float iscale = -128.f / max_scale;
	quant_store_f16(out + 208, 1 / iscale);
	for (int ib = 0; ib < NSUB6; ib++) {
		int v = quant_nearest_int(iscale * scales[ib]);
		sc[ib] = (int8_t)(v < 127 ? v : 127);
	}
	float d_all = quant_load_f16(out + 208);
	for (int j = 0; j < NSUB6; j++) {
		float d = d_all * sc[j];
		if (d == 0.0f)
			continue; /* keeps the fit's codes, as ggml does */
		for (int i = 0; i < SUB6; i++) {
			int l = quant_clamp(quant_nearest_int(x[SUB6 * j + i] / d), -32, 31);
			L[SUB6 * j + i] = (int8_t)(l + 32);
		}
	}
	/* per 128 weights: 64 bytes of low nibbles (rows l, l+64 | l+32, l+96), 32 of top bits */
	for (int j = 0; j < QUANT_K_BLOCK; j += 128, ql += 64, qh += 32) {
		for (int l = 0; l < 32; l++) {
			uint8_t q1 = (uint8_t)L[j + l], q2 = (uint8_t)L[j + l + 32];
			uint8_t q3 = (uint8_t)L[j + l + 64], q4 = (uint8_t)L[j + l + 96];
			ql[l] = (uint8_t)((q1 & 0xf) | (q3 & 0xf) << 4);
			ql[l + 32] = (uint8_t)((q2 & 0xf) | (q4 & 0xf) << 4);
			qh[l] = (uint8_t)(q1 >> 4 | (q2 >> 4) << 2 | (q3 >> 4) << 4 | (q4 >> 4) << 6);
		}
	}
}

void quant_q6_k_quantize(const float *x, uint8_t *out, int64_t n_blocks)
{
	for (int64_t b = 0; b < n_blocks; b++)
		q6_k_quantize_block(x + b * QUANT_K_BLOCK, out + b * QUANT_Q6_K_BYTES);
}

void quant_q6_k_dequantize(const uint8_t *in, float *y, int64_t n_blocks)
{
	for (int64_t b = 0; b < n_blocks; b++, in += QUANT_Q6_K_BYTES) {
		float d = quant_load_f16(in + 208);
		const uint8_t *ql = in, *qh = in + 128;
		const int8_t *sc = (const int8_t *)(in + 192);
		for (int n = 0; n < QUANT_K_BLOCK; n += 128, y += 128, ql += 64, qh += 32, sc += 8) {
			for (int l = 0; l < 32; l++) {
				int is = l / 16;
				int q1 = ((ql[l] & 0xf) | ((qh[l] >> 0) & 3) << 4) - 32;
				int q2 = ((ql[l + 32] & 0xf) | ((qh[l] >> 2) & 3) << 4) - 32;
				int q3 = ((ql[l] >> 4) | ((qh[l] >> 4) & 3) << 4) - 32;
				int q4 = ((ql[l + 32] >> 4) | ((qh[l] >> 6) & 3) << 4) - 32;
				y[l] = d * sc[is] * q1;
				y[l + 32] = d * sc[is + 2] * q2;
				y[l + 64] = d * sc[is + 4] * q3;
				y[l + 96] = d * sc[is + 6] * q4;
			}
		}
	}
}
