/*
 * test_vk_model.c - the whole model on the Vulkan device (lavapipe here), under
 * the validation layer with synchronization validation: logits and state
 * against the official reference, sequence mode against token by token, the
 * cost of a decode step, and the SPIR-V cache.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rwkvc.h"
#include "runtime/model.h"
#include "runtime/vk.h"
#include "runtime/vk_model_internal.h"
#include "runtime/weights.h"

struct ref {
	int32_t *tokens;
	size_t n;
	float *logits;
	int64_t vocab;
	float *state;
	size_t state_n;
};

static void load_ref(const char *name, struct ref *r)
{
	char path[256];
	snprintf(path, sizeof path, "testdata/rwkv7/%s.tokens.json", name);
	test_load_tokens_json(test_shared_path(path), &r->tokens, &r->n);
	snprintf(path, sizeof path, "testdata/rwkv7/%s.logits.npy", name);
	int rank;
	int64_t shape[4];
	test_load_npy_f32(test_shared_path(path), &r->logits, &rank, shape);
	r->vocab = shape[1];
	/* the official state, slot by slot: att_x, wkv, ffn_x */
	snprintf(path, sizeof path, "testdata/rwkv7/%s.state.safetensors", name);
	struct err e = { 0 };
	struct weight_file w;
	if (weights_open(&e, test_shared_path(path), &w))
		fail_msg("%s", e.msg);
	const char *slots[] = { "att_x", "wkv", "ffn_x" };
	r->state_n = 0;
	for (int s = 0; s < 3; s++)
		r->state_n += (size_t)weight_numel(weights_find(&w, slots[s]));
	r->state = malloc(r->state_n * sizeof *r->state);
	size_t at = 0;
	for (int s = 0; s < 3; s++) {
		const struct weight_tensor *t = weights_find(&w, slots[s]);
		assert_int_equal(weights_to_f32(&e, t, r->state + at), 0);
		at += (size_t)weight_numel(t);
	}
	weights_close(&w);
}

static void free_ref(struct ref *r)
{
	free(r->tokens);
	free(r->logits);
	free(r->state);
}

static rwkvc_model_t *load_vulkan(rwkvc_ctx_t *ctx, const char *name, enum rwkvc_precision prec)
{
	char path[256];
	snprintf(path, sizeof path, "testdata/rwkv7/%s.safetensors", name);
	struct rwkvc_model_options o = rwkvc_model_options_default();
	char *wp = strdup(test_shared_path(path));
	o.weights_path = wp;
	o.backend = RWKVC_BACKEND_VULKAN;
	o.precision = prec;
	rwkvc_model_t *m;
	if (rwkvc_model_load(ctx, &o, &m))
		fail_msg("%s: %s", name, rwkvc_errmsg(ctx));
	free(wp);
	return m;
}

/* Logits at every position and the final state against the official reference. */
static void check_model(const char *name, enum rwkvc_precision prec, double limit)
{
	struct ref r;
	load_ref(name, &r);
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_model_t *m = load_vulkan(ctx, name, prec);
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_session_create(m, &s), 0);
	size_t V = (size_t)r.vocab;
	float *logits = malloc(r.n * V * sizeof *logits);
	test_poison(logits, r.n * V);
	assert_int_equal(rwkvc_session_eval(s, r.tokens, r.n, RWKVC_EVAL_ALL, logits), 0);
	double worst = 0;
	for (size_t t = 0; t < r.n; t++) {
		double e = test_rel_err(logits + t * V, r.logits + t * V, V);
		worst = !(e <= worst) ? e : worst;
	}
	assert_int_equal(rwkvc_state_size(s), r.state_n);
	float *st = malloc(r.state_n * sizeof *st);
	assert_int_equal(rwkvc_state_get(s, st, r.state_n), 0);
	double state_err = test_rel_err(st, r.state, r.state_n);
	struct rwkvc_model_info info;
	rwkvc_model_get_info(m, &info);
	print_message("    %s %s on %s: worst relative logits error %.3g, state error %.3g (limit %g)\n", name,
		      prec == RWKVC_PRECISION_F16 ? "f16" : "f32", info.backend, worst, state_err, limit);
	assert_true(worst <= limit);
	assert_true(state_err <= limit);
	test_assert_vk_quiet(m);
	free(st);
	free(logits);
	rwkvc_session_destroy(s);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
	free_ref(&r);
}

static void test_f32_matches_official(void **state)
{
	(void)state;
	check_model("model_a", RWKVC_PRECISION_F32, 1e-4);
	check_model("model_b", RWKVC_PRECISION_F32, 1e-4);
}

static void test_f16_matches_official(void **state)
{
	(void)state;
	check_model("model_a", RWKVC_PRECISION_F16, 1e-2);
	check_model("model_b", RWKVC_PRECISION_F16, 1e-2);
}

static void test_sequence_equals_token_by_token(void **state)
{
	(void)state;
	struct ref r;
	load_ref("model_b", &r);
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_model_t *m = load_vulkan(ctx, "model_b", RWKVC_PRECISION_F32);
	rwkvc_session_t *seq, *one;
	assert_int_equal(rwkvc_session_create(m, &seq), 0);
	assert_int_equal(rwkvc_session_create(m, &one), 0);
	size_t V = (size_t)r.vocab, T = 16;
	float *a = malloc(T * V * sizeof *a), *b = malloc(T * V * sizeof *b);
	test_poison(a, T * V);
	test_poison(b, T * V);
	/* T = 16 at once, the prefill chunk, and one token at a time, interleaved on one device */
	assert_int_equal(rwkvc_session_eval(seq, r.tokens, T, RWKVC_EVAL_ALL, a), 0);
	for (size_t t = 0; t < T; t++)
		assert_int_equal(rwkvc_session_eval(one, r.tokens + t, 1, RWKVC_EVAL_LAST, b + t * V), 0);
	double worst = 0;
	for (size_t t = 0; t < T; t++) {
		double e = test_rel_err(b + t * V, a + t * V, V);
		worst = e > worst ? e : worst;
	}
	size_t n = rwkvc_state_size(seq);
	float *sa = malloc(n * sizeof *sa), *sb = malloc(n * sizeof *sb);
	assert_int_equal(rwkvc_state_get(seq, sa, n), 0);
	assert_int_equal(rwkvc_state_get(one, sb, n), 0);
	double state_err = test_rel_err(sb, sa, n);
	print_message("    T=16 vs token by token: logits %.3g, state %.3g\n", worst, state_err);
	assert_true(worst <= 1e-6);
	assert_true(state_err <= 1e-6);
	test_assert_vk_quiet(m);
	free(sa);
	free(sb);
	free(a);
	free(b);
	rwkvc_session_destroy(seq);
	rwkvc_session_destroy(one);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
	free_ref(&r);
}

static void test_decode_step_is_one_submit(void **state)
{
	(void)state;
	struct ref r;
	load_ref("model_a", &r);
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_model_t *m = load_vulkan(ctx, "model_a", RWKVC_PRECISION_F32);
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_session_create(m, &s), 0);
	float *logits = malloc((size_t)r.vocab * sizeof *logits);
	/* the first decode step records the T = 1 program; every later one only replays it */
	assert_int_equal(rwkvc_session_eval(s, r.tokens, 1, RWKVC_EVAL_LAST, logits), 0);
	struct vk_device *d = vk_model_device(m->vk);
	struct vk_counters before = d->counters;
	for (int t = 1; t < 9; t++)
		assert_int_equal(rwkvc_session_eval(s, r.tokens + t, 1, RWKVC_EVAL_LAST, logits), 0);
	assert_int_equal(d->counters.submits - before.submits, 8);
	assert_int_equal(d->counters.recordings - before.recordings, 0);
	assert_true(test_rel_err(logits, r.logits + 8 * r.vocab, (size_t)r.vocab) <= 1e-4);
	test_assert_vk_quiet(m);
	free(logits);
	rwkvc_session_destroy(s);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
	free_ref(&r);
}

static void test_second_load_compiles_nothing(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_model_t *m = load_vulkan(ctx, "model_b", RWKVC_PRECISION_F32);
	rwkvc_model_destroy(m);
	m = load_vulkan(ctx, "model_b", RWKVC_PRECISION_F32);
	struct rwkvc_model_info info;
	rwkvc_model_get_info(m, &info);
	print_message("    second load: %d kernels compiled, %d from the cache\n", info.kernels_compiled,
		      info.kernels_cached);
	assert_int_equal(info.kernels_compiled, 0);
	assert_true(info.kernels_cached > 0);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
}

/* Logits of `n` tokens (one sequence) with the fused and the unfused plan. */
static double fused_vs_unfused(const struct rwkvc_model_options *base, const int32_t *tokens, size_t n, int *out_k_fused,
			       int *out_k_unfused)
{
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	float *out[2] = { NULL, NULL };
	int kernels[2];
	size_t V = 0;
	for (int fused = 0; fused < 2; fused++) {
		struct rwkvc_model_options o = *base;
		o.no_fuse = !fused;
		rwkvc_model_t *m;
		rwkvc_session_t *s;
		if (rwkvc_model_load(ctx, &o, &m))
			fail_msg("%s", rwkvc_errmsg(ctx));
		struct rwkvc_model_info info;
		rwkvc_model_get_info(m, &info);
		kernels[fused] = info.kernels;
		V = (size_t)info.vocab;
		out[fused] = malloc(n * V * sizeof(float));
		test_poison(out[fused], n * V);
		assert_int_equal(rwkvc_session_create(m, &s), 0);
		assert_int_equal(rwkvc_session_eval(s, tokens, n, RWKVC_EVAL_ALL, out[fused]), 0);
		test_assert_vk_quiet(m);
		rwkvc_session_destroy(s);
		rwkvc_model_destroy(m);
	}
	double worst = 0;
	for (size_t t = 0; t < n; t++) {
		double e = test_rel_err(out[1] + t * V, out[0] + t * V, V);
		worst = !(e <= worst) ? e : worst;
	}
	*out_k_fused = kernels[1];
	*out_k_unfused = kernels[0];
	free(out[0]);
	free(out[1]);
	rwkvc_ctx_destroy(ctx);
	return worst;
}

static void test_fused_equals_unfused(void **state)
{
	(void)state;
	const char *names[] = { "model_a", "model_b" };
	for (int i = 0; i < 2; i++) {
		struct ref r;
		load_ref(names[i], &r);
		char path[256];
		snprintf(path, sizeof path, "testdata/rwkv7/%s.safetensors", names[i]);
		char *wp = strdup(test_shared_path(path));
		struct rwkvc_model_options o = rwkvc_model_options_default();
		o.weights_path = wp;
		o.backend = RWKVC_BACKEND_VULKAN;
		int kf, ku;
		double e = fused_vs_unfused(&o, r.tokens, 24, &kf, &ku);
		print_message("    %s: fused (%d kernels) vs unfused (%d kernels): %.3g\n", names[i], kf, ku, e);
		assert_true(e <= 1e-5);
		assert_true(kf * 2 <= ku);
		free(wp);
		free_ref(&r);
	}
	/* a random model of the real 0.1B shape (12 x 768, vocab 65536) */
	struct rwkvc_random_model spec;
	memset(&spec, 0, sizeof spec);
	spec.preset = "0.1b";
	spec.seed = 11;
	spec.dtype = "f32";
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.random = &spec;
	o.backend = RWKVC_BACKEND_VULKAN;
	int32_t tokens[3] = { 33155, 40213, 11 };
	int kf, ku;
	double e = fused_vs_unfused(&o, tokens, 3, &kf, &ku);
	print_message("    random 0.1b: fused (%d kernels) vs unfused (%d kernels): %.3g\n", kf, ku, e);
	assert_true(e <= 1e-5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_f32_matches_official),
		cmocka_unit_test(test_f16_matches_official),
		cmocka_unit_test(test_sequence_equals_token_by_token),
		cmocka_unit_test(test_decode_step_is_one_submit),
		cmocka_unit_test(test_second_load_compiles_nothing),
		cmocka_unit_test(test_fused_equals_unfused),
	};
	return cmocka_run_group_tests_name("vk_model", tests, NULL, NULL);
}
