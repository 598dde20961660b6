/*
 * test_check_finite.c - RWKVC_EVAL_CHECK_FINITE and `--check-finite`: a NaN or
 * Inf planted in one weight of the reference model A is refused, and the
 * message names the token that made it and the layer it arose in, on the CPU
 * and on Vulkan; the state stays as it was; a clean model is unaffected.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>
#include "rwkvc.h"
#include "runtime/weights.h"

enum { N_TOK = 8, EMB_POS = 5 };

static int32_t toks[N_TOK];

/* What a planted value must be reported as. */
struct plant {
	const char *file;    /* under the test's temporary folder */
	const char *tensor;
	int64_t index;       /* element of the tensor (f32) */
	float value;
	const char *kind;    /* "NaN" or "Inf" */
	int first_token;     /* the token whose evaluation makes it */
	const char *where;   /* what the message says about the place */
};

/* model A's weights with value `p->value` at one element of one tensor. */
static void write_planted(const struct plant *p)
{
	struct err e = { 0 };
	struct weight_file w;
	if (weights_open(&e, test_shared_path("testdata/rwkv7/model_a.safetensors"), &w))
		fail_msg("%s", e.msg);
	const struct weight_tensor *t = weights_find(&w, p->tensor);
	assert_non_null(t);
	assert_int_equal(t->dtype, DTYPE_F32);
	assert_true((size_t)p->index * 4 < t->nbytes);
	size_t at = (size_t)((const uint8_t *)t->data - (const uint8_t *)w.map.data) + (size_t)p->index * 4;
	uint8_t *copy = malloc(w.map.size);
	memcpy(copy, w.map.data, w.map.size);
	memcpy(copy + at, &p->value, 4);
	test_write_file(test_tmp_path(p->file), copy, w.map.size);
	free(copy);
	weights_close(&w);
}

static const struct plant plants[] = {
	/* one row of layer 1's key matrix: k, then the wkv state, turn NaN */
	{ "key-nan.safetensors", "blocks.1.att.key.weight", 300, NAN, "NaN", 0,
	  "it arose in layer 1 (between its states 'att_x' and 'wkv')" },
	/* layer 0's FFN output: the first bad state is layer 1's input */
	{ "ffn-inf.safetensors", "blocks.0.ffn.value.weight", 777, INFINITY, "NaN", 0,
	  "it arose in layer 0, after its state 'ffn_x'" },
	/* the head: no state is touched */
	{ "head-nan.safetensors", "head.weight", 1000, NAN, "NaN", 0,
	  "it arose after the last layer, in its output or the head" },
	/* one embedding row: only the token with that id makes it */
	{ "emb-nan.safetensors", "emb.weight", 0, NAN, "NaN", EMB_POS,
	  "it arose in the embedding or the input of layer 0" },
};
enum { N_PLANTS = sizeof plants / sizeof plants[0] };

static struct plant emb_plant; /* plants[3] with the row of toks[EMB_POS] */

static int setup(void **state)
{
	(void)state;
	/* random ids of model A's vocabulary (256), toks[EMB_POS] appearing once */
	uint64_t s = 2026;
	for (int i = 0; i < N_TOK; i++) {
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		toks[i] = (int32_t)(1 + (s >> 33) % 200);
	}
	toks[EMB_POS] = 251;
	emb_plant = plants[3];
	emb_plant.index = (int64_t)toks[EMB_POS] * 128 + 17;
	for (int i = 0; i < N_PLANTS - 1; i++)
		write_planted(&plants[i]);
	write_planted(&emb_plant);
	return 0;
}

static const struct plant *plant_at(int i) { return i == 3 ? &emb_plant : &plants[i]; }

struct loaded {
	rwkvc_ctx_t *ctx;
	rwkvc_model_t *m;
	rwkvc_session_t *s;
};

static struct loaded open_model(const char *path, enum rwkvc_backend b)
{
	struct loaded l;
	assert_int_equal(rwkvc_ctx_create(&l.ctx), 0);
	rwkvc_ctx_set_progress(l.ctx, 0);
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = path;
	o.backend = b;
	if (rwkvc_model_load(l.ctx, &o, &l.m) || rwkvc_session_create(l.m, &l.s))
		fail_msg("%s: %s", path, rwkvc_errmsg(l.ctx));
	return l;
}

static void close_model(struct loaded *l)
{
	rwkvc_session_destroy(l->s);
	struct rwkvc_model_info info;
	rwkvc_model_get_info(l->m, &info);
	if (strcmp(info.backend, "cpu") != 0)
		test_assert_vk_quiet(l->m);
	rwkvc_model_destroy(l->m);
	rwkvc_ctx_destroy(l->ctx);
}

static float *state_of(struct loaded *l)
{
	size_t n = rwkvc_state_size(l->s);
	float *x = malloc(n * sizeof *x);
	assert_int_equal(rwkvc_state_get(l->s, x, n), 0);
	return x;
}

static const enum rwkvc_backend backends[2] = { RWKVC_BACKEND_CPU, RWKVC_BACKEND_VULKAN };

/* Each planted value: NOT_FINITE, the message names kind, token and layer,
 * and the state is the one before the call. */
static void test_planted_values_are_located(void **state)
{
	(void)state;
	for (int b = 0; b < 2; b++)
		for (int i = 0; i < N_PLANTS; i++) {
			const struct plant *p = plant_at(i);
			struct loaded l = open_model(test_tmp_path(p->file), backends[b]);
			float *out = malloc(N_TOK * 256 * sizeof *out);
			int32_t lead[2] = { 3, 9 }; /* a state that is not zero: it must survive the failure */
			int lead_ok = p->first_token > 0; /* where the first tokens are clean */
			if (lead_ok)
				assert_int_equal(rwkvc_session_eval(l.s, lead, 2, RWKVC_EVAL_CHECK_FINITE, out), 0);
			float *before = state_of(&l);
			test_poison(out, N_TOK * 256);
			assert_int_equal(rwkvc_session_eval(l.s, toks, N_TOK, RWKVC_EVAL_ALL | RWKVC_EVAL_CHECK_FINITE, out),
					 RWKVC_STATUS_NOT_FINITE);
			const char *msg = rwkvc_errmsg(l.ctx);
			print_message("    %s, %s: %s\n", b ? "vulkan" : "cpu", p->tensor, msg);
			char want[64];
			snprintf(want, sizeof want, "at token %d of %d (id %d)", p->first_token, N_TOK, toks[p->first_token]);
			test_assert_contains("message", msg, want);
			test_assert_contains("message", msg, p->where);
			test_assert_contains("message", msg, p->kind);
			float *after = state_of(&l);
			assert_memory_equal(after, before, rwkvc_state_size(l.s) * sizeof *after);
			free(after);
			free(before);
			free(out);
			close_model(&l);
		}
}

/* On a clean model the check changes nothing: same logits and state as an
 * unchecked run, bit for bit. */
static void test_clean_model_is_unchanged(void **state)
{
	(void)state;
	for (int b = 0; b < 2; b++) {
		struct loaded x = open_model(test_shared_path("testdata/rwkv7/model_a.safetensors"), backends[b]);
		struct loaded y = open_model(test_shared_path("testdata/rwkv7/model_a.safetensors"), backends[b]);
		float *lx = malloc(N_TOK * 256 * sizeof *lx), *ly = malloc(N_TOK * 256 * sizeof *ly);
		test_poison(lx, N_TOK * 256);
		test_poison(ly, N_TOK * 256);
		assert_int_equal(rwkvc_session_eval(x.s, toks, N_TOK, RWKVC_EVAL_ALL, lx), 0);
		assert_int_equal(rwkvc_session_eval(y.s, toks, N_TOK, RWKVC_EVAL_ALL | RWKVC_EVAL_CHECK_FINITE, ly), 0);
		assert_memory_equal(lx, ly, N_TOK * 256 * sizeof *lx);
		/* EVAL_LAST without an output buffer */
		assert_int_equal(rwkvc_session_eval(y.s, toks, 3, RWKVC_EVAL_CHECK_FINITE, NULL), 0);
		assert_int_equal(rwkvc_session_eval(x.s, toks, 3, RWKVC_EVAL_LAST, NULL), 0);
		float *sx = state_of(&x), *sy = state_of(&y);
		assert_memory_equal(sx, sy, rwkvc_state_size(x.s) * sizeof *sx);
		free(sx);
		free(sy);
		free(lx);
		free(ly);
		close_model(&x);
		close_model(&y);
	}
}

/* A state made bad by an unchecked call is named, and nothing runs. */
static void test_bad_state_from_before_is_refused(void **state)
{
	(void)state;
	struct loaded l = open_model(test_tmp_path(plants[0].file), RWKVC_BACKEND_CPU);
	assert_int_equal(rwkvc_session_eval(l.s, toks, 2, RWKVC_EVAL_LAST, NULL), 0);
	assert_int_equal(rwkvc_session_eval(l.s, toks, 2, RWKVC_EVAL_CHECK_FINITE, NULL), RWKVC_STATUS_NOT_FINITE);
	test_assert_contains("message", rwkvc_errmsg(l.ctx), "the session's state holds NaN before this call (layer 1, "
							    "state 'wkv')");
	assert_int_equal(rwkvc_state_reset(l.s), 0);
	assert_int_equal(rwkvc_session_eval(l.s, toks, 2, RWKVC_EVAL_CHECK_FINITE, NULL), RWKVC_STATUS_NOT_FINITE);
	test_assert_contains("message", rwkvc_errmsg(l.ctx), "at token 0 of 2");
	close_model(&l);
}

/* The commands: `logits --check-finite` fails and writes nothing; without
 * the flag the logits are written with a warning; `run --check-finite` names
 * the layer. */
static void test_commands(void **state)
{
	(void)state;
	char ids[256];
	test_ids_csv(toks, N_TOK, ids, sizeof ids);
	char model[1024], out[1024]; /* test_tmp_path's buffer is reused */
	snprintf(model, sizeof model, "%s", test_tmp_path(plants[0].file));
	snprintf(out, sizeof out, "%s", test_tmp_path("logits.bin"));
	assert_int_equal(test_run("logits -w %s -t %s --check-finite -b cpu -o %s", model, ids, out), 1);
	test_assert_contains("stderr", test_err, "rwkvc logits: NaN at token 0 of 8");
	test_assert_contains("stderr", test_err, "layer 1 (between its states 'att_x' and 'wkv')");
	assert_int_equal(access(out, F_OK), -1);
	assert_int_equal(test_run("logits -w %s -t %s -b cpu -o %s", model, ids, out), 0);
	test_assert_contains("stderr", test_err, "warning: 2048 of 2048 logits are NaN or Inf; --check-finite");
	assert_int_equal(access(out, F_OK), 0);
	assert_int_equal(test_run("run -w %s --prompt-ids %s --print-ids -n 2 -b cpu --check-finite", model, ids), 1);
	test_assert_contains("stderr", test_err, "layer 1 (between its states 'att_x' and 'wkv')");
	assert_int_equal(test_run("run -w %s --prompt-ids %s --print-ids -n 2 -b cpu", model, ids), 1);
	test_assert_contains("stderr", test_err, "refusing to sample");
	assert_int_equal(test_run("logits -w %s -t %s --check-finite -b cpu", test_shared_path("testdata/rwkv7/model_a.safetensors"),
				  ids), 0);
	assert_true(strlen(test_err) == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_planted_values_are_located),
		cmocka_unit_test(test_clean_model_is_unchanged),
		cmocka_unit_test(test_bad_state_from_before_is_refused),
		cmocka_unit_test_teardown(test_commands, test_run_free),
	};
	return cmocka_run_group_tests_name("check_finite", tests, setup, NULL);
}
