/*
 * test_reference.c - the CPU reference interpreter against the official RWKV-7
 * outputs in ../shared/testdata/rwkv7: logits at every position, the final
 * state, every intermediate of the first tokens; and sequence mode against
 * token-by-token mode.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/src.h"
#include "rwkvc.h"
#include "runtime/interp.h"
#include "runtime/model.h"
#include "runtime/weights.h"

struct fixture {
	const char *name;
	rwkvc_ctx_t *ctx;
	rwkvc_model_t *model;
	int32_t *tokens;
	size_t n;
	float *ref_logits;
	int64_t vocab;
};

static void fixture_open(struct fixture *f, const char *name, enum rwkvc_backend backend)
{
	char path[256];
	memset(f, 0, sizeof *f);
	f->name = name;
	assert_int_equal(rwkvc_ctx_create(&f->ctx), 0);
	struct rwkvc_model_options o = rwkvc_model_options_default();
	snprintf(path, sizeof path, "testdata/rwkv7/%s.safetensors", name);
	o.weights_path = strdup(test_shared_path(path));
	o.backend = backend;
	if (rwkvc_model_load(f->ctx, &o, &f->model))
		fail_msg("%s: %s", name, rwkvc_errmsg(f->ctx));
	free((void *)o.weights_path);
	snprintf(path, sizeof path, "testdata/rwkv7/%s.tokens.json", name);
	test_load_tokens_json(test_shared_path(path), &f->tokens, &f->n);
	snprintf(path, sizeof path, "testdata/rwkv7/%s.logits.npy", name);
	int rank;
	int64_t shape[4];
	test_load_npy_f32(test_shared_path(path), &f->ref_logits, &rank, shape);
	assert_int_equal(rank, 2);
	assert_int_equal((size_t)shape[0], f->n);
	f->vocab = shape[1];
	struct rwkvc_model_info info;
	rwkvc_model_get_info(f->model, &info);
	assert_int_equal(info.vocab, f->vocab);
}

static void fixture_close(struct fixture *f)
{
	rwkvc_model_destroy(f->model);
	rwkvc_ctx_destroy(f->ctx);
	free(f->tokens);
	free(f->ref_logits);
}

/* Worst per-position relative error of logits [n, V] against the reference. */
static double worst_row_error(const struct fixture *f, const float *logits)
{
	double worst = 0;
	for (size_t t = 0; t < f->n; t++) {
		double e = test_rel_err(logits + t * f->vocab, f->ref_logits + t * f->vocab, (size_t)f->vocab);
		if (!(e <= worst))
			worst = e;
	}
	return worst;
}

/* The official final state, flattened in the session's slot order. */
static float *load_ref_state(const struct fixture *f, rwkvc_session_t *s)
{
	char path[256];
	snprintf(path, sizeof path, "testdata/rwkv7/%s.state.safetensors", f->name);
	struct err e = { 0 };
	struct weight_file w;
	if (weights_open(&e, test_shared_path(path), &w))
		fail_msg("%s", e.msg);
	size_t total = rwkvc_state_size(s), at = 0;
	float *ref = malloc(total * sizeof *ref);
	for (int slot = 0; slot < rwkvc_state_slots(s); slot++) {
		const char *name;
		int rank;
		int64_t shape[4], numel = 1;
		rwkvc_state_slot(s, slot, &name, &rank, shape);
		for (int d = 0; d < rank; d++)
			numel *= shape[d];
		const struct weight_tensor *t = weights_find(&w, name);
		assert_non_null(t);
		assert_int_equal(weight_numel(t), numel);
		assert_int_equal(weights_to_f32(&e, t, ref + at), 0);
		at += (size_t)numel;
	}
	assert_int_equal(at, total);
	weights_close(&w);
	return ref;
}

static void check_against_official(const char *name)
{
	struct fixture f;
	fixture_open(&f, name, RWKVC_BACKEND_CPU);
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_session_create(f.model, &s), 0);
	float *logits = malloc(f.n * (size_t)f.vocab * sizeof *logits);
	test_poison(logits, f.n * (size_t)f.vocab);
	assert_int_equal(rwkvc_session_eval(s, f.tokens, f.n, RWKVC_EVAL_ALL, logits), 0);
	double worst = worst_row_error(&f, logits);
	float *ref_state = load_ref_state(&f, s);
	size_t ns = rwkvc_state_size(s);
	float *state = malloc(ns * sizeof *state);
	assert_int_equal(rwkvc_state_get(s, state, ns), 0);
	double state_err = test_rel_err(state, ref_state, ns);
	print_message("    %s: %zu positions, worst relative logits error %.3g, state error %.3g (limit 1e-5)\n", name,
		      f.n, worst, state_err);
	assert_true(worst <= 1e-5);
	assert_true(state_err <= 1e-5);
	free(state);
	free(ref_state);
	free(logits);
	rwkvc_session_destroy(s);
	fixture_close(&f);
}

static void test_model_a_matches_official(void **state)
{
	(void)state;
	check_against_official("model_a");
}

static void test_model_b_matches_official(void **state)
{
	(void)state;
	/* model_b carries layer-0 v0/v1/v2, which inference must ignore */
	check_against_official("model_b");
}

/* Feeding the tokens in chunks of `chunk` must give bit-identical logits and state. */
static void check_chunking(struct fixture *f, size_t chunk, const float *seq_logits, const float *seq_state)
{
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_session_create(f->model, &s), 0);
	size_t V = (size_t)f->vocab;
	float *logits = malloc(f->n * V * sizeof *logits);
	test_poison(logits, f->n * V);
	for (size_t t = 0; t < f->n; t += chunk) {
		size_t k = f->n - t < chunk ? f->n - t : chunk;
		assert_int_equal(rwkvc_session_eval(s, f->tokens + t, k, RWKVC_EVAL_ALL, logits + t * V), 0);
	}
	assert_memory_equal(logits, seq_logits, f->n * V * sizeof *logits);
	size_t ns = rwkvc_state_size(s);
	float *st = malloc(ns * sizeof *st);
	assert_int_equal(rwkvc_state_get(s, st, ns), 0);
	assert_memory_equal(st, seq_state, ns * sizeof *st);
	free(st);
	free(logits);
	rwkvc_session_destroy(s);
}

static void test_sequence_equals_token_by_token(void **state)
{
	(void)state;
	struct fixture f;
	fixture_open(&f, "model_b", RWKVC_BACKEND_CPU);
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_session_create(f.model, &s), 0);
	size_t V = (size_t)f.vocab, ns = rwkvc_state_size(s);
	float *logits = malloc(f.n * V * sizeof *logits), *st = malloc(ns * sizeof *st);
	assert_int_equal(rwkvc_session_eval(s, f.tokens, f.n, RWKVC_EVAL_ALL, logits), 0);
	assert_int_equal(rwkvc_state_get(s, st, ns), 0);
	check_chunking(&f, 1, logits, st);
	check_chunking(&f, 7, logits, st);
	check_chunking(&f, 16, logits, st);
	/* EVAL_LAST gives the last row of EVAL_ALL */
	float *last = malloc(V * sizeof *last);
	assert_int_equal(rwkvc_state_reset(s), 0);
	assert_int_equal(rwkvc_session_eval(s, f.tokens, f.n, RWKVC_EVAL_LAST, last), 0);
	assert_memory_equal(last, logits + (f.n - 1) * V, V * sizeof *last);
	free(last);
	free(st);
	free(logits);
	rwkvc_session_destroy(s);
	fixture_close(&f);
}

static void test_state_save_and_resume(void **state)
{
	(void)state;
	struct fixture f;
	fixture_open(&f, "model_a", RWKVC_BACKEND_CPU);
	rwkvc_session_t *a, *b;
	assert_int_equal(rwkvc_session_create(f.model, &a), 0);
	assert_int_equal(rwkvc_session_create(f.model, &b), 0);
	size_t V = (size_t)f.vocab, ns = rwkvc_state_size(a), half = f.n / 2;
	float *st = malloc(ns * sizeof *st), *la = malloc(V * sizeof *la), *lb = malloc(V * sizeof *lb);
	assert_int_equal(rwkvc_session_eval(a, f.tokens, half, RWKVC_EVAL_LAST, NULL), 0);
	assert_int_equal(rwkvc_state_get(a, st, ns), 0);
	assert_int_equal(rwkvc_state_set(b, st, ns), 0);
	assert_int_equal(rwkvc_session_eval(a, f.tokens + half, f.n - half, RWKVC_EVAL_LAST, la), 0);
	assert_int_equal(rwkvc_session_eval(b, f.tokens + half, f.n - half, RWKVC_EVAL_LAST, lb), 0);
	assert_memory_equal(la, lb, V * sizeof *la);
	assert_true(test_rel_err(la, f.ref_logits + (f.n - 1) * V, V) <= 1e-5);
	/* bad calls are refused and leave the state alone */
	assert_int_equal(rwkvc_state_set(b, st, ns - 1), RWKVC_STATUS_BAD_ARGUMENT);
	st[3] = NAN;
	assert_int_equal(rwkvc_state_set(b, st, ns), RWKVC_STATUS_NOT_FINITE);
	assert_non_null(strstr(rwkvc_errmsg(f.ctx), "state value 3 is not finite"));
	int32_t bad[2] = { 5, (int32_t)V };
	float *before = malloc(ns * sizeof *before), *after = malloc(ns * sizeof *after);
	assert_int_equal(rwkvc_state_get(b, before, ns), 0);
	assert_int_equal(rwkvc_session_eval(b, bad, 2, RWKVC_EVAL_LAST, lb), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(rwkvc_errmsg(f.ctx), "token id 256 at position 1 is outside the vocabulary [0, 256)"));
	assert_int_equal(rwkvc_session_eval(b, bad, 0, RWKVC_EVAL_LAST, lb), RWKVC_STATUS_BAD_ARGUMENT);
	assert_int_equal(rwkvc_state_get(b, after, ns), 0);
	assert_memory_equal(before, after, ns * sizeof *before);
	free(before);
	free(after);
	free(st);
	free(la);
	free(lb);
	rwkvc_session_destroy(a);
	rwkvc_session_destroy(b);
	fixture_close(&f);
}

/* Our tensor names for the reference's intermediate names (layer i, "t{tok}.l{i}.<name>"). */
static const char *const intermediate_names[][2] = {
	{ "ln1", "att.ln1" },     { "mix_r", "att.xr" },      { "mix_w", "att.xw" },       { "mix_k", "att.xk" },
	{ "mix_v", "att.xv" },    { "mix_a", "att.xa" },      { "mix_g", "att.xg" },       { "r", "att.r" },
	{ "k", "att.k" },         { "v", "att.v" },           { "w_decay", "att.w" },      { "a", "att.a" },
	{ "g", "att.g" },         { "kk", "att.kk" },         { "k_mod", "att.k_mod" },    { "v_mod", "att.v_mod" },
	{ "wkv_state", "att.wkv_out" }, { "wkv_out", "att.wkv_y" }, { "ln_x", "att.ln_x" }, { "bonus", "att.bonus" },
	{ "att_out", "att.out" }, { "x_after_att", "x_att" }, { "ln2", "ffn.ln2" },       { "ffn_mix_k", "ffn.xk" },
	{ "ffn_hidden", "ffn.hidden" }, { "x_after_ffn", "out" },
};

static void test_intermediates_match(void **state)
{
	(void)state;
	struct fixture f;
	fixture_open(&f, "model_a", RWKVC_BACKEND_CPU);
	const struct rwkvc_model *m = f.model;
	const struct graph *g = &m->graph;
	struct err e = { 0 };
	struct weight_file ref;
	if (weights_open(&e, test_shared_path("testdata/rwkv7/model_a.intermediates.safetensors"), &ref))
		fail_msg("%s", e.msg);
	float *st = calloc(m->state.total, sizeof *st);
	double worst = 0;
	const char *worst_name = "";
	for (int t = 0; t < 3; t++) {
		struct interp_run run = { g, m->f32, f.tokens + t, 1, st, NULL, 1, NULL };
		assert_int_equal(interp_execute(&e, &run), 0);
		for (int layer = 0; layer < g->n_layers; layer++) {
			for (size_t k = 0; k < sizeof intermediate_names / sizeof intermediate_names[0]; k++) {
				char rname[128], ours[128];
				snprintf(rname, sizeof rname, "t%d.l%d.%s", t, layer, intermediate_names[k][0]);
				snprintf(ours, sizeof ours, "blocks.%d.%s", layer, intermediate_names[k][1]);
				const struct weight_tensor *rt = weights_find(&ref, rname);
				int32_t ti = graph_find(g, ours);
				if (!rt || ti < 0)
					fail_msg("missing %s or %s", rname, ours);
				float *expect = malloc((size_t)weight_numel(rt) * sizeof *expect);
				assert_int_equal(weights_to_f32(&e, rt, expect), 0);
				double err = test_rel_err(run.values[ti], expect, (size_t)weight_numel(rt));
				if (err > worst) {
					worst = err;
					worst_name = intermediate_names[k][0];
				}
				if (!(err <= 1e-5))
					fail_msg("token %d layer %d: %s differs from the reference by %.3g", t, layer, rname, err);
				free(expect);
			}
		}
		interp_free_values(g, run.values);
	}
	print_message("    worst intermediate error %.3g (%s)\n", worst, worst_name);
	free(st);
	weights_close(&ref);
	fixture_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model_a_matches_official),
		cmocka_unit_test(test_model_b_matches_official),
		cmocka_unit_test(test_sequence_equals_token_by_token),
		cmocka_unit_test(test_state_save_and_resume),
		cmocka_unit_test(test_intermediates_match),
	};
	return cmocka_run_group_tests_name("reference", tests, NULL, NULL);
}
