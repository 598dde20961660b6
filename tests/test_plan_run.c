/*
 * test_plan_run.c - running a compiled plan on the Vulkan device (lavapipe
 * here), under the validation layer: a plan file gives the same logits as
 * compiling on load, uses its stored SPIR-V when made for this device and
 * generates the kernels again when not, and the fused plan matches the
 * official reference.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rwkvc.h"
#include "runtime/model.h"
#include "runtime/vk.h"

static char weights[1024];

static void make_plan(const char *path, const char *disable, const char *target)
{
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	struct rwkvc_plan_options o = rwkvc_plan_options_default();
	o.weights_path = weights;
	o.disable = &disable;
	o.n_disable = disable ? 1 : 0;
	o.target = target;
	rwkvc_plan_t *p;
	if (rwkvc_plan_compile(ctx, &o, &p) || rwkvc_plan_save(p, path))
		fail_msg("%s", rwkvc_errmsg(ctx));
	rwkvc_plan_destroy(p);
	rwkvc_ctx_destroy(ctx);
}

static rwkvc_model_t *load(rwkvc_ctx_t *ctx, const char *plan, int no_fuse)
{
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = weights;
	o.plan_path = plan;
	o.backend = RWKVC_BACKEND_VULKAN;
	o.no_fuse = no_fuse;
	rwkvc_model_t *m;
	if (rwkvc_model_load(ctx, &o, &m))
		fail_msg("%s", rwkvc_errmsg(ctx));
	return m;
}

/* Logits of every position of model_a's tokens (more than t_max of them). */
static float *run(rwkvc_model_t *m, const int32_t *tokens, size_t n, size_t vocab)
{
	float *logits = malloc(n * vocab * sizeof *logits);
	test_poison(logits, n * vocab);
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_session_create(m, &s), 0);
	assert_int_equal(rwkvc_session_eval(s, tokens, n, RWKVC_EVAL_ALL, logits), 0);
	rwkvc_session_destroy(s);
	return logits;
}

static void load_tokens(int32_t **tokens, size_t *n)
{
	test_load_tokens_json(test_shared_path("testdata/rwkv7/model_a.tokens.json"), tokens, n);
	assert_true(*n > 16);
}

/* A plan file runs exactly like the plan the runtime compiles on load, fused or not. */
static void check_equals_on_load(const char *disable, int no_fuse)
{
	char path[1024];
	snprintf(path, sizeof path, "%s", test_tmp_path(disable ? "nofuse.plan" : "fused.plan"));
	make_plan(path, disable, "auto");
	int32_t *tokens;
	size_t n;
	load_tokens(&tokens, &n);
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_model_t *from_plan = load(ctx, path, 0), *on_load = load(ctx, NULL, no_fuse);
	struct rwkvc_model_info ip, il;
	rwkvc_model_get_info(from_plan, &ip);
	rwkvc_model_get_info(on_load, &il);
	size_t V = (size_t)ip.vocab;
	float *a = run(from_plan, tokens, n, V), *b = run(on_load, tokens, n, V);
	/* the stored SPIR-V was made for this device: nothing compiled, nothing looked up */
	print_message("    %s from the plan: %d kernels, %d compiled, %d from the cache; on load: %d kernels, %d compiled, "
		      "%d cached\n", disable ? "unfused" : "fused", ip.kernels, ip.kernels_compiled, ip.kernels_cached,
		      il.kernels, il.kernels_compiled, il.kernels_cached);
	assert_int_equal(ip.kernels, il.kernels);
	assert_int_equal(ip.kernels_compiled, 0);
	assert_int_equal(ip.kernels_cached, 0);
	assert_memory_equal(a, b, n * V * sizeof *a);
	assert_true(test_max_abs_err(a, b, n * V) == 0 && a[0] == a[0]); /* and not NaN */
	test_assert_vk_quiet(from_plan);
	free(a);
	free(b);
	rwkvc_model_destroy(from_plan);
	rwkvc_model_destroy(on_load);
	rwkvc_ctx_destroy(ctx);
	free(tokens);
}

static void test_plan_equals_compiling_on_load(void **state)
{
	(void)state;
	check_equals_on_load(NULL, 0);
	check_equals_on_load("fuse", 1);
}

static void test_other_target_regenerates(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof path, "%s", test_tmp_path("generic.plan"));
	make_plan(path, "fuse", "generic"); /* lavapipe has subgroups of 8, not 32 */
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_model_t *m = load(ctx, path, 0);
	struct rwkvc_model_info info;
	rwkvc_model_get_info(m, &info);
	assert_true(info.kernels_compiled + info.kernels_cached > 0);
	test_assert_vk_quiet(m);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
}

static void test_fused_plan_matches_official(void **state)
{
	(void)state;
	char path[1024];
	snprintf(path, sizeof path, "%s", test_tmp_path("fused-ref.plan"));
	make_plan(path, NULL, "auto");
	int32_t *tokens;
	size_t n;
	load_tokens(&tokens, &n);
	float *ref;
	int rank;
	int64_t shape[4];
	test_load_npy_f32(test_shared_path("testdata/rwkv7/model_a.logits.npy"), &ref, &rank, shape);
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_model_t *m = load(ctx, path, 0);
	size_t V = (size_t)shape[1];
	float *a = run(m, tokens, n, V);
	double worst = 0;
	for (size_t t = 0; t < n; t++) {
		double e = test_rel_err(a + t * V, ref + t * V, V);
		worst = !(e <= worst) ? e : worst;
	}
	print_message("    fused plan on the device: worst relative logits error %.3g (limit 1e-4)\n", worst);
	test_assert_vk_quiet(m);
	free(a);
	free(ref);
	free(tokens);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
	assert_true(worst <= 1e-4); /* last, so that a failure leaks nothing */
}

int main(void)
{
	snprintf(weights, sizeof weights, "%s", test_shared_path("testdata/rwkv7/model_a.safetensors"));
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_equals_compiling_on_load),
		cmocka_unit_test(test_other_target_regenerates),
		cmocka_unit_test(test_fused_plan_matches_official),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
