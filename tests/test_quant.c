/*
 * test_quant.c - ggml block formats: known answers derived by hand, layouts
 * decoded independently, error bounds, bytes against ggml's reference
 * quantisers, and f16 rounding.
 */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/half.h"
#include "runtime/quant.h"

/* ---- helpers ---- */

static uint64_t fnv1a(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

/* Values of many shapes, block by block (6 kinds of 256), from a fixed seed. */
static void varied_input(float *x, int n, uint64_t seed)
{
	static const float pow10[8] = { 1e-6f, 1e-5f, 1e-4f, 1e-3f, 1e-2f, 1e-1f, 1.0f, 10.0f };
	test_fill_random(x, (size_t)n, seed, -1.0f, 1.0f);
	for (int i = 0; i < n; i++) {
		int sub = (i / 32) % 8;
		float v = x[i];
		switch ((i / 256) % 6) {
		case 0: /* uniform */
			break;
		case 1: /* most values near zero */
			v = v * v * v;
			break;
		case 2: /* all positive: the Q4_K min clamps to 0 */
			v = 0.5f + 0.25f * v;
			break;
		case 3: /* sub-blocks from 1e-6 to 10: small ones get scale code 0 */
			v *= pow10[sub];
			break;
		case 4: /* outliers */
			v = i % 7 == 0 ? 4.0f * v : 0.01f * v;
			break;
		case 5: /* a zero sub-block, and f16-subnormal scales elsewhere */
			v = sub == 3 ? 0.0f : v * 1e-5f;
			break;
		}
		x[i] = v;
	}
}

/* ---- Q8_0 ---- */

static void test_q8_0_known_answers(void **state)
{
	(void)state;
	struct err e = { 0 };
	uint8_t out[QUANT_Q8_0_BYTES];
	/* amax 127 gives d = 1: the quants are roundf(x), halves away from zero */
	float x[32] = { 127, -0.5f, 0.5f, 1.5f, 2.5f, -2.5f, 126.5f, -126.49f };
	for (int j = 8; j < 32; j++)
		x[j] = (float)(j - 20);
	assert_int_equal(quant_quantize(&e, DTYPE_Q8_0, x, out, 32), 0);
	assert_int_equal(le16(out), 0x3c00); /* f16 1.0 */
	const int8_t head[8] = { 127, -1, 1, 2, 3, -3, 127, -126 };
	for (int j = 0; j < 8; j++)
		assert_int_equal((int8_t)out[2 + j], head[j]);
	for (int j = 8; j < 32; j++)
		assert_int_equal((int8_t)out[2 + j], j - 20);

	/* a negative extreme: amax 254, d = 2, quants roundf(j / 8) */
	for (int j = 0; j < 32; j++)
		x[j] = (float)j * 0.25f;
	x[5] = -254;
	const int8_t q2[32] = { 0, 0, 0, 0, 1, -127, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2,
				2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4 };
	assert_int_equal(quant_quantize(&e, DTYPE_Q8_0, x, out, 32), 0);
	assert_int_equal(le16(out), 0x4000); /* f16 2.0 */
	for (int j = 0; j < 32; j++)
		assert_int_equal((int8_t)out[2 + j], q2[j]);
	float y[32];
	quant_dequantize(DTYPE_Q8_0, out, y, 32);
	for (int j = 0; j < 32; j++)
		assert_true(y[j] == 2.0f * q2[j]);

	/* all zero: d = 0 and no division by it */
	memset(x, 0, sizeof x);
	memset(out, 0xee, sizeof out);
	assert_int_equal(quant_quantize(&e, DTYPE_Q8_0, x, out, 32), 0);
	for (int j = 0; j < QUANT_Q8_0_BYTES; j++)
		assert_int_equal(out[j], 0);
}

static void test_q8_0_error_within_half_step(void **state)
{
	(void)state;
	struct err e = { 0 };
	enum { N = 32 * 512 };
	float *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
	uint8_t *q = malloc(N / 32 * QUANT_Q8_0_BYTES);
	varied_input(x, N, 11);
	assert_int_equal(quant_quantize(&e, DTYPE_Q8_0, x, q, N), 0);
	test_poison(y, N);
	quant_dequantize(DTYPE_Q8_0, q, y, N);
	for (int b = 0; b < N / 32; b++) {
		float amax = 0;
		for (int j = 0; j < 32; j++)
			amax = fmaxf(amax, fabsf(x[32 * b + j]));
		float d = amax / 127;
		/* half a step, plus what storing d as f16 moves 127 steps by */
		float d16 = half_to_float(le16(q + b * QUANT_Q8_0_BYTES));
		float bound = d / 2 + 127 * fabsf(d16 - d) + 1e-30f;
		for (int j = 0; j < 32; j++)
			assert_true(fabsf(y[32 * b + j] - x[32 * b + j]) <= bound);
	}
	free(x);
	free(y);
	free(q);
}

/* ---- Q4_K ---- */

static void test_q4_k_scale_packing_round_trips(void **state)
{
	(void)state;
	uint8_t sc[8], mn[8], packed[12], sc2[8], mn2[8];
	/* every 6-bit value in every slot, the other slots pseudo-random */
	uint32_t r = 12345;
	for (int slot = 0; slot < 16; slot++) {
		for (int v = 0; v < 64; v++) {
			for (int k = 0; k < 8; k++) {
				r = r * 1664525u + 1013904223u;
				sc[k] = (uint8_t)(r >> 26);
				r = r * 1664525u + 1013904223u;
				mn[k] = (uint8_t)(r >> 26);
			}
			(slot < 8 ? sc : mn)[slot % 8] = (uint8_t)v;
			quant_q4_k_pack_scales(sc, mn, packed);
			quant_q4_k_unpack_scales(packed, sc2, mn2);
			assert_memory_equal(sc, sc2, 8);
			assert_memory_equal(mn, mn2, 8);
		}
	}
	/* the layout, by hand: slot 4 splits into a nibble byte and two top-bit pairs */
	memset(sc, 0, 8);
	memset(mn, 0, 8);
	sc[0] = 5;
	mn[0] = 9;
	sc[4] = 0x3f;
	mn[4] = 0x2a;
	quant_q4_k_pack_scales(sc, mn, packed);
	const uint8_t want[12] = { 5 | 0xc0, 0, 0, 0, 9 | 0x80, 0, 0, 0, 0xaf, 0, 0, 0 };
	assert_memory_equal(packed, want, 12);
}

static void test_q4_k_known_answer(void **state)
{
	(void)state;
	struct err e = { 0 };
	/* every sub-block is 0..15 twice: scale 1, min 0, quants equal to x */
	float x[256], y[256];
	uint8_t q[QUANT_Q4_K_BYTES];
	for (int i = 0; i < 256; i++)
		x[i] = (float)(i % 16);
	assert_int_equal(quant_quantize(&e, DTYPE_Q4_K, x, q, 256), 0);
	/* d = f16(1/63) = 2^-6 * (1 + 16/1024); dmin = 0 */
	assert_int_equal(le16(q), 0x2410);
	assert_int_equal(le16(q + 2), 0);
	for (int j = 0; j < 4; j++) {
		assert_int_equal(q[4 + j], 0xff);  /* scale 63, top bits of scale 4+j (3) */
		assert_int_equal(q[8 + j], 0x00);  /* min 0 */
		assert_int_equal(q[12 + j], 0x0f); /* low nibble of scale 4+j, min 4+j = 0 */
	}
	for (int i = 0; i < 128; i++)
		assert_int_equal(q[16 + i], (i % 16) * 0x11);
	/* d * 63 = 65520/65536 */
	quant_dequantize(DTYPE_Q4_K, q, y, 256);
	for (int i = 0; i < 256; i++)
		assert_true(y[i] == x[i] * (65520.0f / 65536.0f));
}

/* Weight i of a Q4_K block, decoded straight from the layout description. */
static float q4_k_weight(const uint8_t *blk, int i)
{
	uint8_t sc[8], mn[8];
	quant_q4_k_unpack_scales(blk + 4, sc, mn);
	int j = i / 32;
	uint8_t byte = blk[16 + (i / 64) * 32 + i % 32];
	int q = j % 2 ? byte >> 4 : byte & 0xf;
	return half_to_float(le16(blk)) * sc[j] * q - half_to_float(le16(blk + 2)) * mn[j];
}

/* Weight i of a Q6_K block, likewise. */
static float q6_k_weight(const uint8_t *blk, int i)
{
	int n = i / 128, r = i % 128, quarter = r / 32, l = r % 32;
	uint8_t lo = blk[n * 64 + l + (quarter & 1) * 32];
	int low4 = (quarter >= 2 ? lo >> 4 : lo) & 0xf;
	int high2 = (blk[128 + n * 32 + l] >> (2 * quarter)) & 3;
	int8_t sc = (int8_t)blk[192 + i / 16];
	return half_to_float(le16(blk + 208)) * sc * ((low4 | high2 << 4) - 32);
}

static void test_k_dequant_matches_layout(void **state)
{
	(void)state;
	/* arbitrary bytes are valid blocks (finite scales chosen) */
	uint8_t blk[QUANT_Q6_K_BYTES];
	float y[256];
	uint32_t r = 777;
	for (int trial = 0; trial < 50; trial++) {
		for (int i = 0; i < QUANT_Q6_K_BYTES; i++) {
			r = r * 1664525u + 1013904223u;
			blk[i] = (uint8_t)(r >> 24);
		}
		/* Q4_K: d and dmin as small positive halves */
		blk[1] = 0x1c;
		blk[3] = 0x18;
		quant_dequantize(DTYPE_Q4_K, blk, y, 256);
		for (int i = 0; i < 256; i++)
			assert_true(y[i] == q4_k_weight(blk, i));
		blk[209] = 0x9c; /* Q6_K: a negative d */
		quant_dequantize(DTYPE_Q6_K, blk, y, 256);
		for (int i = 0; i < 256; i++)
			assert_true(y[i] == q6_k_weight(blk, i));
	}
}

static void test_q6_k_known_answer(void **state)
{
	(void)state;
	struct err e = { 0 };
	/* each group of 16: -32 then -7..7; scale 1 everywhere, so d*sc = 1 */
	float x[256], y[256];
	uint8_t q[QUANT_Q6_K_BYTES];
	for (int i = 0; i < 256; i++)
		x[i] = i % 16 == 0 ? -32.0f : (float)(i % 16 - 8);
	assert_int_equal(quant_quantize(&e, DTYPE_Q6_K, x, q, 256), 0);
	assert_int_equal(le16(q + 208), 0xa000); /* d = 1/-128 */
	for (int i = 0; i < 16; i++)
		assert_int_equal(q[192 + i], 0x80); /* scale -128 */
	test_poison(y, 256);
	quant_dequantize(DTYPE_Q6_K, q, y, 256);
	assert_memory_equal(x, y, sizeof x);
	/* an all-zero block is all zero bytes */
	memset(x, 0, sizeof x);
	assert_int_equal(quant_quantize(&e, DTYPE_Q6_K, x, q, 256), 0);
	for (int i = 0; i < QUANT_Q6_K_BYTES; i++)
		assert_int_equal(q[i], 0);
}

static void check_k_error(enum dtype t, size_t bytes_per_block, double max_rel)
{
	struct err e = { 0 };
	enum { N = 256 * 64 };
	float *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
	uint8_t *q = malloc(N / 256 * bytes_per_block);
	test_fill_random(x, N, 5, -1.0f, 1.0f);
	assert_int_equal(quant_quantize(&e, t, x, q, N), 0);
	test_poison(y, N);
	quant_dequantize(t, q, y, N);
	double rel = test_rel_err(y, x, N);
	print_message("%s: relative rms error %.4f on uniform data\n", dtype_name(t), rel);
	assert_true(rel < max_rel);
	/* every value within a few steps of its sub-block's grid */
	assert_true(test_max_abs_err(y, x, N) < 8 * max_rel);
	free(x);
	free(y);
	free(q);
}

static void test_k_round_trip_error(void **state)
{
	(void)state;
	/* uniform [-1, 1): 4 bits give about range/15/sqrt(12) / 0.577 = 6.7% rms, 6 bits 1.6% */
	check_k_error(DTYPE_Q4_K, QUANT_Q4_K_BYTES, 0.075);
	check_k_error(DTYPE_Q6_K, QUANT_Q6_K_BYTES, 0.02);
}

/*
 * The bytes ggml's quantize_row_{q8_0,q4_K,q6_K}_ref produce for
 * varied_input(x, 256 * 48, 2024), hashed with FNV-1a. Recorded by running
 * ggml (github.com/ggml-org/ggml at d99724f2, ggml-quants.c built with gcc 12
 * -O3, x86-64 without FMA, as ggml-base is built) on this input; ggml's code
 * is not part of this repository.
 */
static void test_bytes_match_ggml_reference(void **state)
{
	(void)state;
	struct err e = { 0 };
	enum { N = 256 * 48 };
	float *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
	uint8_t *q = malloc(N / 32 * QUANT_Q8_0_BYTES); /* the largest of the three */
	varied_input(x, N, 2024);
	/* the input itself, so a changed generator is not mistaken for a changed quantiser */
	assert_true(fnv1a((const uint8_t *)x, N * sizeof *x) == 0x46570600296b3e47ull);
	static const struct {
		enum dtype t;
		uint64_t quant_hash, dequant_hash;
	} want[] = {
		{ DTYPE_Q8_0, 0x13d2ac7301166367ull, 0x08bf6242369910a2ull },
		{ DTYPE_Q4_K, 0x492b6a161a57c339ull, 0x01822606253f3445ull },
		{ DTYPE_Q6_K, 0x77558ca91e04f098ull, 0xf4cf9a5650a08be7ull },
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		size_t nb = dtype_bytes(want[k].t, N);
		assert_int_equal(quant_quantize(&e, want[k].t, x, q, N), 0);
		quant_dequantize(want[k].t, q, y, N);
		print_message("%s: %#018llx %#018llx\n", dtype_name(want[k].t),
			      (unsigned long long)fnv1a(q, nb),
			      (unsigned long long)fnv1a((const uint8_t *)y, N * sizeof *y));
		assert_true(fnv1a(q, nb) == want[k].quant_hash);
		assert_true(fnv1a((const uint8_t *)y, N * sizeof *y) == want[k].dequant_hash);
	}
	free(x);
	free(y);
	free(q);
}

/* ---- plain types, refusals, f16 rounding ---- */

static void test_plain_types_and_refusals(void **state)
{
	(void)state;
	struct err e = { 0 };
	float x[64], y[64];
	uint8_t buf[256];
	test_fill_random(x, 64, 3, -2.0f, 2.0f);
	assert_int_equal(quant_quantize(&e, DTYPE_F16, x, buf, 64), 0);
	quant_dequantize(DTYPE_F16, buf, y, 64);
	for (int i = 0; i < 64; i++)
		assert_true(y[i] == half_to_float(float_to_half(x[i])));
	assert_int_equal(quant_quantize(&e, DTYPE_BF16, x, buf, 64), 0);
	quant_dequantize(DTYPE_BF16, buf, y, 64);
	for (int i = 0; i < 64; i++)
		assert_true(y[i] == bf16_to_float(float_to_bf16(x[i])));
	assert_int_equal(quant_quantize(&e, DTYPE_F32, x, buf, 64), 0);
	quant_dequantize(DTYPE_F32, buf, y, 64);
	assert_memory_equal(x, y, sizeof x);

	x[37] = NAN;
	assert_int_equal(quant_quantize(&e, DTYPE_Q8_0, x, buf, 64), RWKVC_STATUS_NOT_FINITE);
	assert_string_equal(e.msg, "cannot quantise to q8_0: value 37 is nan");
	x[37] = INFINITY;
	assert_int_equal(quant_quantize(&e, DTYPE_Q4_K, x, buf, 0), 0); /* nothing to read */
	assert_int_equal(quant_quantize(&e, DTYPE_Q8_0, x, buf, 48), RWKVC_STATUS_BAD_ARGUMENT);
	assert_string_equal(e.msg,
			    "cannot quantise 48 values to q8_0: not a multiple of its 32-value block");
	assert_int_equal(quant_quantize(&e, DTYPE_I32, x, buf, 4), RWKVC_STATUS_BAD_ARGUMENT);
	assert_string_equal(e.msg, "cannot quantise to i32");
}

/* Round-to-nearest-even f16 computed independently in double arithmetic (finite input). */
static uint16_t half_oracle(float f)
{
	uint16_t sign = signbit(f) ? 0x8000 : 0;
	double a = fabs((double)f);
	if (a >= 65520.0)
		return sign | 0x7c00;
	if (a < 0x1p-14) /* subnormal; may round up to the smallest normal, 0x400 */
		return (uint16_t)(sign | (uint16_t)nearbyint(a * 0x1p24));
	int ex;
	frexp(a, &ex);
	int E = ex - 1; /* a in [2^E, 2^(E+1)) */
	int q = (int)nearbyint(ldexp(a, 10 - E)); /* 1024..2048; 2048 carries into the exponent */
	return (uint16_t)(sign | (((E + 15) << 10) + (q - 1024)));
}

/*
 * ggml's GGML_FP32_TO_FP16 rounds to nearest even (F16C, or its portable
 * version that ggml-quants.c uses); base/half.h must agree, or the stored
 * scales differ. Checked exhaustively over all 2^32 floats against ggml's
 * function once by hand; here: every half's neighbourhood and its halfway
 * points, plus random bit patterns.
 */
static void test_f16_rounding_matches_rne(void **state)
{
	(void)state;
	for (uint32_t h = 0; h < 0x7c00; h++) {
		float v = half_to_float((uint16_t)h);
		uint32_t u;
		memcpy(&u, &v, 4);
		for (int d = -3; d <= 3; d++) {
			/* around the value and around the halfway point above it */
			uint32_t bits[2] = { u + (uint32_t)d, u + 0x1000 + (uint32_t)d };
			for (int k = 0; k < 2; k++) {
				float f;
				memcpy(&f, &bits[k], 4);
				if (!isfinite(f))
					continue;
				assert_int_equal(float_to_half(f), half_oracle(f));
				assert_int_equal(float_to_half(-f), half_oracle(-f));
			}
		}
	}
	uint64_t s = 99;
	for (int i = 0; i < 1 << 20; i++) {
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		uint32_t u = (uint32_t)(s >> 32);
		float f;
		memcpy(&f, &u, 4);
		if (isfinite(f))
			assert_int_equal(float_to_half(f), half_oracle(f));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_q8_0_known_answers),
		cmocka_unit_test(test_q8_0_error_within_half_step),
		cmocka_unit_test(test_q4_k_scale_packing_round_trips),
		cmocka_unit_test(test_q4_k_known_answer),
		cmocka_unit_test(test_k_dequant_matches_layout),
		cmocka_unit_test(test_q6_k_known_answer),
		cmocka_unit_test(test_k_round_trip_error),
		cmocka_unit_test(test_bytes_match_ggml_reference),
		cmocka_unit_test(test_plain_types_and_refusals),
		cmocka_unit_test(test_f16_rounding_matches_rne),
	};
	return cmocka_run_group_tests_name("quant", tests, NULL, NULL);
}
