/*
 * test_faults.c - allocation failure at every point of a real workload
 * (SQLite-style fault injection, base/fault.h): loading the reference model
 * A, evaluating a few tokens on the CPU backend, and loading the official
 * vocabulary. The allocations are counted on a clean run first; then the walk
 * makes each of them fail in turn. Every failure must come back as
 * RWKVC_STATUS_NO_MEMORY with a message (or, where the failing step reports
 * its own class, that status), the caller must be able to free what it holds,
 * and afterwards the process must load and run again with correct logits.
 * Under `make test SANITIZE=1` LeakSanitizer checks that no failure path leaks.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fault.h"
#include "rwkvc.h"

enum { N_TOKENS = 4 }; /* T > 1: the sequence path of the interpreter, and its temporaries */

static int32_t *tokens;
static float *ref_logits; /* official logits of model A: [64, vocab] */
static int64_t ref_shape[4];

static int setup(void **state)
{
	(void)state;
	size_t n;
	int rank;
	test_load_tokens_json(test_shared_path("testdata/rwkv7/model_a.tokens.json"), &tokens, &n);
	test_load_npy_f32(test_shared_path("testdata/rwkv7/model_a.logits.npy"), &ref_logits, &rank, ref_shape);
	assert_true(n >= N_TOKENS && rank == 2);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(tokens);
	free(ref_logits);
	return 0;
}

/* Loads model A on the CPU and evaluates N_TOKENS tokens into `logits`
 * ([N_TOKENS, vocab]); frees everything whatever happens. *out_step names the
 * call that failed. */
static enum rwkvc_status load_and_run(rwkvc_ctx_t *ctx, float *logits, const char **out_step)
{
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = test_shared_path("testdata/rwkv7/model_a.safetensors");
	o.backend = RWKVC_BACKEND_CPU;
	rwkvc_model_t *model = NULL;
	rwkvc_session_t *s = NULL;
	enum rwkvc_status st;
	*out_step = "rwkvc_model_load";
	st = rwkvc_model_load(ctx, &o, &model);
	if (!st) {
		*out_step = "rwkvc_session_create";
		st = rwkvc_session_create(model, &s);
	}
	if (!st) {
		*out_step = "rwkvc_session_eval";
		st = rwkvc_session_eval(s, tokens, N_TOKENS, RWKVC_EVAL_ALL, logits);
	}
	rwkvc_session_destroy(s);
	rwkvc_model_destroy(model);
	return st;
}

static void check_logits(const float *logits, const char *when)
{
	for (int t = 0; t < N_TOKENS; t++) {
		double err = test_rel_err(logits + t * ref_shape[1], ref_logits + t * ref_shape[1], (size_t)ref_shape[1]);
		if (!(err <= 1e-5))
			fail_msg("%s: position %d: relative error %.3g against the official logits", when, t, err);
	}
}

static void test_model_every_allocation_fails(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), RWKVC_STATUS_OK);
	size_t n_logits = (size_t)(N_TOKENS * ref_shape[1]);
	float *logits = malloc(n_logits * sizeof *logits);
	const char *step;

	fault_alloc_arm(0); /* disarmed; counts from here */
	test_poison(logits, n_logits);
	assert_int_equal(load_and_run(ctx, logits, &step), RWKVC_STATUS_OK);
	int64_t count = fault_alloc_count();
	check_logits(logits, "clean run");
	assert_true(count > 20);

	int64_t failed = 0, absorbed = 0;
	for (int64_t k = 1; k <= count; k++) {
		test_poison(logits, n_logits);
		fault_alloc_arm(k);
		enum rwkvc_status st = load_and_run(ctx, logits, &step);
		fault_alloc_arm(0);
		if (st == RWKVC_STATUS_OK) {
			/* a failure the code recovered from must not change the result */
			check_logits(logits, "run with an absorbed allocation failure");
			absorbed++;
			continue;
		}
		if (st != RWKVC_STATUS_NO_MEMORY || !strstr(rwkvc_errmsg(ctx), "out of memory"))
			fail_msg("allocation %lld of %lld: %s returned %d: \"%s\"", (long long)k, (long long)count, step, st,
				 rwkvc_errmsg(ctx));
		failed++;
	}
	print_message("    model A, load + %d tokens: %lld allocations, each failed in turn: %lld clean NO_MEMORY "
		      "failures, %lld absorbed\n", N_TOKENS, (long long)count, (long long)failed, (long long)absorbed);
	assert_int_equal(failed + absorbed, count);

	/* and the process is none the worse: load and run again */
	test_poison(logits, n_logits);
	assert_int_equal(load_and_run(ctx, logits, &step), RWKVC_STATUS_OK);
	check_logits(logits, "run after the walk");
	free(logits);
	rwkvc_ctx_destroy(ctx);
}

/* The environment route, RWKVC_FAIL_ALLOC=k, through the command: the k-th
 * allocation fails for k along a Fibonacci sequence until a run gets through;
 * each failing run exits 1 with "out of memory" and leaves no output file. */
static void test_command_under_fail_alloc(void **state)
{
	(void)state;
	char out[1024], args[2048];
	snprintf(out, sizeof out, "%s", test_tmp_path("fault.logits"));
	snprintf(args, sizeof args, "logits -w '%s' -t 0,219,244 -b cpu -o '%s'",
		 test_shared_path("testdata/rwkv7/model_a.safetensors"), out);
	int failures = 0;
	for (long k = 1, prev = 1;; ) {
		char v[32];
		snprintf(v, sizeof v, "%ld", k);
		setenv("RWKVC_FAIL_ALLOC", v, 1);
		char *err;
		int status = test_run_rwkvc(args, NULL, NULL, &err);
		unsetenv("RWKVC_FAIL_ALLOC");
		FILE *f = fopen(out, "rb");
		if (status == 0) {
			assert_non_null(f);
			fclose(f);
			free(err);
			break;
		}
		/* under SANITIZE=1 a leak on the failure path also exits 1: look for the report */
		if (status != 1 || !strstr(err, "out of memory") || strstr(err, "Sanitizer") || f)
			fail_msg("RWKVC_FAIL_ALLOC=%ld: exit status %d, %s output file: %s", k, status,
				 f ? "an" : "no", err);
		free(err);
		failures++;
		long next = k + prev;
		prev = k;
		k = next;
	}
	print_message("    rwkvc logits with RWKVC_FAIL_ALLOC: %d failing runs, then one that got through\n", failures);
	assert_true(failures >= 8);
}

/* ---- Vulkan backend: its walk goes here. The executor has landed
 * (runtime/vk_model.c); what is missing is a budget: one load + eval of model
 * A on lavapipe takes about 2 s here with the SPIR-V cache warm (much more
 * cold, and under ASan), and makes 452 counted allocations (2026-11-22), so a
 * walk over every one (15 minutes) does not fit `make test`. The plan:
 * the same load_and_run with o.backend = RWKVC_BACKEND_VULKAN, counting host
 * and device allocations alike (vk_memory.c asks fault_alloc_should_fail),
 * over a sample of k spread across the count, plus RWKVC_FAIL_SUBMIT over the
 * submits of a run (DEVICE_LOST, then a reload works); every k under an
 * opt-in (e.g. RWKVC_SLOW_TESTS=1). ---- */

static enum rwkvc_status load_vocab(rwkvc_ctx_t *ctx, const char *text, int32_t *out_ids, size_t *out_n)
{
	rwkvc_tokenizer_t *tok = NULL;
	enum rwkvc_status st = rwkvc_tokenizer_load(ctx, test_shared_path("data/rwkv_vocab_v20230424.txt"), &tok);
	if (!st)
		st = rwkvc_tokenizer_encode(tok, text, strlen(text), out_ids, 64, out_n);
	rwkvc_tokenizer_destroy(tok);
	return st;
}

static void test_vocabulary_every_allocation_fails(void **state)
{
	(void)state;
	const char *text = "Fault injection: every allocation fails once.";
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), RWKVC_STATUS_OK);
	int32_t want[64], got[64];
	size_t n_want, n_got;
	fault_alloc_arm(0);
	assert_int_equal(load_vocab(ctx, text, want, &n_want), RWKVC_STATUS_OK);
	int64_t count = fault_alloc_count();
	assert_true(count > 5 && n_want > 5);
	for (int64_t k = 1; k <= count; k++) {
		fault_alloc_arm(k);
		enum rwkvc_status st = load_vocab(ctx, text, got, &n_got);
		fault_alloc_arm(0);
		if (st == RWKVC_STATUS_OK) {
			assert_int_equal(n_got, n_want);
			assert_memory_equal(got, want, n_want * sizeof *want);
			continue;
		}
		if (st != RWKVC_STATUS_NO_MEMORY || !strstr(rwkvc_errmsg(ctx), "out of memory"))
			fail_msg("allocation %lld of %lld: status %d: \"%s\"", (long long)k, (long long)count, st,
				 rwkvc_errmsg(ctx));
	}
	print_message("    official vocabulary load + encode: %lld allocations, each failed in turn\n", (long long)count);
	assert_int_equal(load_vocab(ctx, text, got, &n_got), RWKVC_STATUS_OK);
	assert_int_equal(n_got, n_want);
	assert_memory_equal(got, want, n_want * sizeof *want);
	rwkvc_ctx_destroy(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_every_allocation_fails),
		cmocka_unit_test(test_vocabulary_every_allocation_fails),
		cmocka_unit_test(test_command_under_fail_alloc),
	};
	return cmocka_run_group_tests_name("faults", tests, setup, teardown);
}
