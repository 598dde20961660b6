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

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static struct rwkvc_model_options model_a_options(enum rwkvc_backend backend)
{
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = test_shared_path("testdata/rwkv7/model_a.safetensors");
	o.backend = backend;
	return o;
}

/* Loads model A on `backend` and evaluates N_TOKENS tokens into `logits`
 * ([N_TOKENS, vocab]); frees everything whatever happens. *out_step names the
 * call that failed. */
static enum rwkvc_status load_and_run(rwkvc_ctx_t *ctx, enum rwkvc_backend backend, float *logits,
				      const char **out_step)
{
	struct rwkvc_model_options o = model_a_options(backend);
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
	if (!st && backend == RWKVC_BACKEND_VULKAN)
		test_assert_vk_quiet(model);
	rwkvc_session_destroy(s);
	rwkvc_model_destroy(model);
	return st;
}

/* Relative L2 error per position: 1e-5 on the CPU (float64 accumulation), 1e-4
 * on Vulkan (f32 throughout, as tests/test_vk_model.c allows). */
static void check_logits(const float *logits, double bound, const char *when)
{
	for (int t = 0; t < N_TOKENS; t++) {
		double err = test_rel_err(logits + t * ref_shape[1], ref_logits + t * ref_shape[1], (size_t)ref_shape[1]);
		if (!(err <= bound))
			fail_msg("%s: position %d: relative error %.3g against the official logits", when, t, err);
	}
}

/* ---- allocation failures ----
 * On the CPU every index is walked. On Vulkan one load + eval of model A on
 * lavapipe makes some 330 counted allocations and takes about 0.3 s with the
 * SPIR-V cache warm; every index, with the
 * device-lost walk, is 2.5 minutes plain and several sanitized, so `make test`
 * walks a sample: the first and last EDGE, SPREAD spread evenly over the
 * count, and every device allocation (vkAllocateMemory; few, and each with a
 * failure path of its own). RWKVC_SLOW_TESTS=1 walks every index. The
 * device-lost walk picks the submits of a load + two evals (most of them
 * weight uploads) by the same rule. */

enum { EDGE = 4, SPREAD = 20 };

static bool slow_tests(void)
{
	const char *v = getenv("RWKVC_SLOW_TESTS");
	return v && strcmp(v, "1") == 0;
}

/* Marks in pick[1..count] the indices to walk; returns how many. */
static int64_t pick_sample(int64_t count, const int64_t *device, int64_t n_device, bool *pick)
{
	for (int64_t k = 1; k <= count; k++)
		pick[k] = k <= EDGE || k > count - EDGE || slow_tests();
	for (int i = 1; i <= SPREAD; i++)
		pick[1 + (count - 1) * i / (SPREAD + 1)] = true;
	for (int64_t i = 0; i < n_device; i++)
		pick[device[i]] = true;
	int64_t n = 0;
	for (int64_t k = 1; k <= count; k++)
		n += pick[k];
	return n;
}

/* An injected allocation failure reads "out of memory: N bytes for X" (host)
 * or "... device memory for 'X' (injected fault): VK_ERROR_OUT_OF_DEVICE_MEMORY". */
static bool says_out_of_memory(const char *msg)
{
	return strstr(msg, "out of memory") || strstr(msg, "VK_ERROR_OUT_OF_DEVICE_MEMORY");
}


/* What a walk over the allocations of load_and_run found. */
struct alloc_walk {
	int64_t count;    /* allocations of a clean run */
	int64_t n_device; /* of them device allocations */
	int64_t n_walked; /* indices made to fail */
	int64_t failed;   /* clean NO_MEMORY failures */
	int64_t absorbed; /* runs that recovered, with the official logits */
};

/* Makes allocation k of a load + eval of model A on `backend` fail, for every
 * k or (sample) for pick_sample's; each run must fail with NO_MEMORY and an
 * out-of-memory message or give logits within `bound` of the official ones,
 * with no Vulkan validation message; then a clean run must still work. */
static void walk_allocation_failures(enum rwkvc_backend backend, double bound, bool sample, struct alloc_walk *w)
{
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), RWKVC_STATUS_OK);
	size_t n_logits = (size_t)(N_TOKENS * ref_shape[1]);
	float *logits = malloc(n_logits * sizeof *logits);
	const char *step;
	uint64_t seen = 0;
	char when[96];
	memset(w, 0, sizeof *w);

	fault_alloc_arm(0); /* disarmed; counts from here */
	test_poison(logits, n_logits);
	assert_int_equal(load_and_run(ctx, backend, logits, &step), RWKVC_STATUS_OK);
	w->count = fault_alloc_count();
	int64_t device[FAULT_DEVICE_NOTES];
	w->n_device = fault_device_allocs(device, FAULT_DEVICE_NOTES);
	check_logits(logits, bound, "clean run");
	test_assert_vk_silent_since(&seen, "clean run");
	assert_true(w->count > 20 && w->n_device <= FAULT_DEVICE_NOTES);

	bool *pick = calloc((size_t)w->count + 1, sizeof *pick);
	if (sample) {
		w->n_walked = pick_sample(w->count, device, w->n_device, pick);
	} else {
		memset(pick, 1, ((size_t)w->count + 1) * sizeof *pick);
		w->n_walked = w->count;
	}
	for (int64_t k = 1; k <= w->count; k++) {
		if (!pick[k])
			continue;
		test_poison(logits, n_logits);
		fault_alloc_arm(k);
		enum rwkvc_status st = load_and_run(ctx, backend, logits, &step);
		fault_alloc_arm(0);
		snprintf(when, sizeof when, "allocation %lld of %lld failed", (long long)k, (long long)w->count);
		test_assert_vk_silent_since(&seen, when);
		if (st == RWKVC_STATUS_OK) {
			/* a failure the code recovered from must not change the result */
			check_logits(logits, bound, when);
			w->absorbed++;
			continue;
		}
		if (st != RWKVC_STATUS_NO_MEMORY || !says_out_of_memory(rwkvc_errmsg(ctx)))
			fail_msg("%s: %s returned %d: \"%s\"", when, step, st, rwkvc_errmsg(ctx));
		w->failed++;
	}
	assert_int_equal(w->failed + w->absorbed, w->n_walked);

	/* and the process is none the worse: load and run again */
	test_poison(logits, n_logits);
	assert_int_equal(load_and_run(ctx, backend, logits, &step), RWKVC_STATUS_OK);
	check_logits(logits, bound, "run after the walk");
	test_assert_vk_silent_since(&seen, "run after the walk");
	free(pick);
	free(logits);
	rwkvc_ctx_destroy(ctx);
}

static void test_model_every_allocation_fails(void **state)
{
	(void)state;
	struct alloc_walk w;
	walk_allocation_failures(RWKVC_BACKEND_CPU, 1e-5, false, &w);
	print_message("    model A, load + %d tokens: %lld allocations, each failed in turn: %lld clean NO_MEMORY "
		      "failures, %lld absorbed\n", N_TOKENS, (long long)w.count, (long long)w.failed,
		      (long long)w.absorbed);
	assert_int_equal(w.n_walked, w.count);
}

/* Relative L2 error 1e-4 on Vulkan (f32 throughout, as tests/test_vk_model.c
 * allows); every device allocation among those walked. */
static void test_vulkan_allocation_failures(void **state)
{
	(void)state;
	struct alloc_walk w;
	walk_allocation_failures(RWKVC_BACKEND_VULKAN, 1e-4, !slow_tests(), &w);
	print_message("    model A on Vulkan, load + %d tokens: %lld allocations (%lld on the device); %s %lld of them "
		      "failed in turn: %lld clean NO_MEMORY failures, %lld absorbed\n",
		      N_TOKENS, (long long)w.count, (long long)w.n_device,
		      slow_tests() ? "RWKVC_SLOW_TESTS=1:" : "a sample (RWKVC_SLOW_TESTS=1 walks all):",
		      (long long)w.n_walked, (long long)w.failed, (long long)w.absorbed);
	assert_true(w.count > 100 && w.n_device >= 4);
}

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


/* ---- device lost ---- */

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

enum { LOST_PREFILL = 3 }; /* then one token more: the prefill and the decode programs */

/* What a device-lost run built, and the call that failed. */
struct lost_run {
	rwkvc_model_t *model;
	rwkvc_session_t *s;
	const char *step;
};

/* Load, session, a LOST_PREFILL-token eval (every row into logits), one more
 * token (its row after them); stops at the first failure, keeping what it built. */
static enum rwkvc_status lost_run_steps(rwkvc_ctx_t *ctx, struct lost_run *r, float *logits)
{
	struct rwkvc_model_options o = model_a_options(RWKVC_BACKEND_VULKAN);
	memset(r, 0, sizeof *r);
	enum rwkvc_status st;
	r->step = "rwkvc_model_load";
	if ((st = rwkvc_model_load(ctx, &o, &r->model)))
		return st;
	r->step = "rwkvc_session_create";
	if ((st = rwkvc_session_create(r->model, &r->s)))
		return st;
	r->step = "rwkvc_session_eval (prefill)";
	if ((st = rwkvc_session_eval(r->s, tokens, LOST_PREFILL, RWKVC_EVAL_ALL, logits)))
		return st;
	r->step = "rwkvc_session_eval (decode)";
	return rwkvc_session_eval(r->s, tokens + LOST_PREFILL, 1, RWKVC_EVAL_LAST, logits + LOST_PREFILL * ref_shape[1]);
}

/* "while submitting program 'forward T=3' (injected fault): VK_ERROR_DEVICE_LOST",
 * or, on a later call, "the GPU was lost earlier; load the model again". */
static bool says_device_lost(const char *msg)
{
	return strstr(msg, "VK_ERROR_DEVICE_LOST") || strstr(msg, "was lost earlier");
}

static void expect_lost(rwkvc_ctx_t *ctx, enum rwkvc_status st, const char *call, const char *when)
{
	if (st != RWKVC_STATUS_DEVICE_LOST || !says_device_lost(rwkvc_errmsg(ctx)))
		fail_msg("%s: then %s returned %d: \"%s\"", when, call, st, rwkvc_errmsg(ctx));
}

/* After a loss, every call that would touch the device answers DEVICE_LOST, at
 * once (none waits for a device that will never answer); a new session can
 * still be made (it is host memory) but not run. */
static void check_everything_lost(rwkvc_ctx_t *ctx, struct lost_run *r, float *logits, const char *when)
{
	if (!r->model)
		return;
	double t0 = seconds_now();
	if (!r->s)
		assert_int_equal(rwkvc_session_create(r->model, &r->s), RWKVC_STATUS_OK);
	size_t n = rwkvc_state_size(r->s);
	float *st = malloc(n * sizeof *st);
	test_fill_random(st, n, 7, -1, 1);
	expect_lost(ctx, rwkvc_session_eval(r->s, tokens, 2, RWKVC_EVAL_LAST, logits), "rwkvc_session_eval", when);
	expect_lost(ctx, rwkvc_state_get(r->s, st, n), "rwkvc_state_get", when);
	expect_lost(ctx, rwkvc_state_set(r->s, st, n), "rwkvc_state_set", when);
	expect_lost(ctx, rwkvc_state_reset(r->s), "rwkvc_state_reset", when);
	char *text = NULL;
	expect_lost(ctx, rwkvc_session_profile(r->s, 1, &text), "rwkvc_session_profile", when);
	assert_null(text);
	double gbps;
	expect_lost(ctx, rwkvc_model_measure_bandwidth(r->model, &gbps), "rwkvc_model_measure_bandwidth", when);
	rwkvc_session_t *s2;
	assert_int_equal(rwkvc_session_create(r->model, &s2), RWKVC_STATUS_OK);
	expect_lost(ctx, rwkvc_session_eval(s2, tokens, 1, RWKVC_EVAL_LAST, logits), "rwkvc_session_eval (new session)", when);
	expect_lost(ctx, rwkvc_state_get(s2, st, n), "rwkvc_state_get (new session)", when);
	rwkvc_session_destroy(s2);
	free(st);
	double took = seconds_now() - t0;
	if (took > 10)
		fail_msg("%s: the calls after the loss took %.1f s", when, took);
}

static void test_vulkan_device_lost(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), RWKVC_STATUS_OK);
	size_t n_logits = (size_t)(N_TOKENS * ref_shape[1]);
	float *logits = malloc(n_logits * sizeof *logits);
	uint64_t seen = 0;
	char when[96];
	struct lost_run r;
	const char *step;

	fault_submit_arm(0);
	test_poison(logits, n_logits);
	assert_int_equal(lost_run_steps(ctx, &r, logits), RWKVC_STATUS_OK);
	int64_t count = fault_submit_count();
	check_logits(logits, 1e-4, "clean run");
	test_assert_vk_quiet(r.model);
	rwkvc_session_destroy(r.s);
	rwkvc_model_destroy(r.model);
	test_assert_vk_silent_since(&seen, "clean run");
	assert_true(count >= 3); /* the state's clear, the state upload, the two evals at least */

	/* one submit per weight tensor while loading: a sample, as for allocations */
	bool *pick = calloc((size_t)count + 1, sizeof *pick);
	int64_t n_pick = pick_sample(count, NULL, 0, pick);
	int at_load = 0;
	for (int64_t k = 1; k <= count; k++) {
		if (!pick[k])
			continue;
		snprintf(when, sizeof when, "submit %lld of %lld lost the device", (long long)k, (long long)count);
		fault_submit_arm(k);
		enum rwkvc_status st = lost_run_steps(ctx, &r, logits);
		if (st != RWKVC_STATUS_DEVICE_LOST || !says_device_lost(rwkvc_errmsg(ctx)))
			fail_msg("%s: %s returned %d: \"%s\"", when, r.step, st, rwkvc_errmsg(ctx));
		at_load += r.model == NULL;
		check_everything_lost(ctx, &r, logits, when);
		fault_submit_arm(0);
		rwkvc_session_destroy(r.s);
		rwkvc_model_destroy(r.model);
		test_assert_vk_silent_since(&seen, when);
		/* the loss belonged to that model alone: a new one runs */
		test_poison(logits, n_logits);
		assert_int_equal(load_and_run(ctx, RWKVC_BACKEND_VULKAN, logits, &step), RWKVC_STATUS_OK);
		check_logits(logits, 1e-4, when);
		test_assert_vk_silent_since(&seen, when);
	}
	print_message("    model A on Vulkan, load + %d + 1 tokens: %lld submits; %s %lld of them lost the device in "
		      "turn (%d while loading): every later call said DEVICE_LOST, a new model ran\n",
		      LOST_PREFILL, (long long)count,
		      slow_tests() ? "RWKVC_SLOW_TESTS=1:" : "a sample (RWKVC_SLOW_TESTS=1 walks all):",
		      (long long)n_pick, at_load);
	assert_true(at_load >= 1 && at_load < n_pick);
	free(pick);
	free(logits);
	rwkvc_ctx_destroy(ctx);
}

/* The submits of `rwkvc logits -t 0,219,244`: a load and one eval call, as
 * load_and_run makes (an eval of up to t_max tokens is one submit). */
static int64_t count_cli_submits(void)
{
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), RWKVC_STATUS_OK);
	float *logits = malloc((size_t)(N_TOKENS * ref_shape[1]) * sizeof *logits);
	const char *step;
	fault_submit_arm(0);
	assert_int_equal(load_and_run(ctx, RWKVC_BACKEND_VULKAN, logits, &step), RWKVC_STATUS_OK);
	int64_t n = fault_submit_count();
	rwkvc_ctx_destroy(ctx);
	free(logits);
	return n;
}

/* The environment route, RWKVC_FAIL_SUBMIT=k, through the command, for the
 * first submit, one halfway through the load, the state upload and the eval
 * (the last two): each run exits 1 naming the loss and leaves no output file;
 * with k one past the last submit the run gets through. */
static void test_command_under_fail_submit(void **state)
{
	(void)state;
	char out[1024], args[2048];
	snprintf(out, sizeof out, "%s", test_tmp_path("lost.logits"));
	snprintf(args, sizeof args, "logits -w '%s' -t 0,219,244 -b vulkan -o '%s'",
		 test_shared_path("testdata/rwkv7/model_a.safetensors"), out);
	int64_t count = count_cli_submits();
	assert_true(count >= 4);
	int64_t ks[] = { 1, count / 2, count - 1, count, count + 1 };
	for (int i = 0; i < 5; i++) {
		char v[32];
		snprintf(v, sizeof v, "%lld", (long long)ks[i]);
		setenv("RWKVC_FAIL_SUBMIT", v, 1);
		char *err;
		int status = test_run_rwkvc(args, NULL, NULL, &err);
		unsetenv("RWKVC_FAIL_SUBMIT");
		FILE *f = fopen(out, "rb");
		bool ok = ks[i] > count ? status == 0 && f
					: status == 1 && strstr(err, "rwkvc logits: ") && says_device_lost(err) && !f;
		if (!ok || strstr(err, "Sanitizer") || strstr(err, "validation"))
			fail_msg("RWKVC_FAIL_SUBMIT=%lld of %lld submits: exit status %d, %s output file: %s",
				 (long long)ks[i], (long long)count, status, f ? "an" : "no", err);
		if (f)
			fclose(f);
		free(err);
	}
	print_message("    rwkvc logits -b vulkan: %lld submits; RWKVC_FAIL_SUBMIT=1, %lld, %lld and %lld each exit 1 "
		      "with a lost device and no output, %lld gets through\n", (long long)count, (long long)ks[1],
		      (long long)ks[2], (long long)ks[3], (long long)ks[4]);
}

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
		cmocka_unit_test(test_vulkan_allocation_failures),
		cmocka_unit_test(test_vulkan_device_lost),
		cmocka_unit_test(test_command_under_fail_submit),
	};
	return cmocka_run_group_tests_name("faults", tests, setup, teardown);
}
