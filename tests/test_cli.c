/*
 * test_cli.c - `rwkvc logits` and `rwkvc mkmodel` as a user runs them: the
 * built binary, its output files checked against the official reference, and
 * its refusals (exit status and message).
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/mem.h"
#include "rwkvc.h"

static char model_a[1024], tokens_a[4096];

static int setup(void **state)
{
	(void)state;
	snprintf(model_a, sizeof model_a, "%s", test_shared_path("testdata/rwkv7/model_a.safetensors"));
	int32_t *t;
	size_t n;
	test_load_tokens_json(test_shared_path("testdata/rwkv7/model_a.tokens.json"), &t, &n);
	test_ids_csv(t, n, tokens_a, sizeof tokens_a);
	free(t);
	return 0;
}

static float *read_floats(const char *path, size_t *n)
{
	struct err e = { 0 };
	char *data;
	size_t len;
	if (file_read_all(&e, path, &data, &len))
		fail_msg("%s", e.msg);
	float *f = malloc(len);
	memcpy(f, data, len);
	mem_free(data);
	*n = len / sizeof *f;
	return f;
}

static void test_logits_file_matches_official(void **state)
{
	(void)state;
	char args[8192], out[1024];
	snprintf(out, sizeof out, "%s", test_tmp_path("a.logits"));
	snprintf(args, sizeof args, "logits --weights '%s' --tokens %s --backend cpu --out '%s'", model_a, tokens_a, out);
	char *so, *se;
	int rc = test_run_rwkvc(args, &so, NULL, &se);
	if (rc != 0)
		fail_msg("exit %d: %s", rc, se);
	size_t n;
	float *got = read_floats(out, &n);
	float *ref;
	int rank;
	int64_t shape[4];
	test_load_npy_f32(test_shared_path("testdata/rwkv7/model_a.logits.npy"), &ref, &rank, shape);
	assert_int_equal(n, (size_t)(shape[0] * shape[1]));
	double worst = 0;
	for (int64_t t = 0; t < shape[0]; t++) {
		double e = test_rel_err(got + t * shape[1], ref + t * shape[1], (size_t)shape[1]);
		worst = e > worst ? e : worst;
	}
	print_message("    rwkvc logits --backend cpu: worst relative error %.3g over %lld positions\n", worst,
		      (long long)shape[0]);
	assert_true(worst <= 1e-5);
	/* --last writes the last row only */
	snprintf(args, sizeof args, "logits --weights '%s' --tokens %s --backend cpu --last -o '%s'", model_a, tokens_a, out);
	assert_int_equal(test_run_rwkvc(args, NULL, NULL, NULL), 0);
	size_t n_last;
	float *last = read_floats(out, &n_last);
	assert_int_equal(n_last, (size_t)shape[1]);
	assert_memory_equal(last, got + (shape[0] - 1) * shape[1], n_last * sizeof *last);
	free(last);
	free(got);
	free(ref);
	free(so);
	free(se);
}

struct refusal {
	const char *args; /* %s: model_a */
	int status;
	const char *message;
};

static void test_logits_refusals(void **state)
{
	(void)state;
	static const struct refusal cases[] = {
		{ "logits --tokens 1,2", 2, "--weights is required" },
		{ "logits --weights '%s'", 2, "--tokens is required" },
		{ "logits --weights '%s' --tokens 1,x,3", 2, "'1,x,3' is not a comma-separated list of integers" },
		{ "logits --weights '%s' --tokens 1,2,", 2, "trailing comma" },
		{ "logits --weights '%s' --tokens ''", 2, "--tokens is empty" },
		{ "logits --weights '%s' --tokens 1,256 --backend cpu", 1,
		  "token id 256 at position 1 is outside the vocabulary [0, 256)" },
		{ "logits --weights '%s' --tokens 1,-1 --backend cpu", 1, "token id -1 at position 1 is outside" },
		{ "logits --weights '%s' --tokens 1 --backend tpu", 2, "unknown backend 'tpu'" },
		{ "logits --weights '%s' --tokens 1 --dtype f8", 2, "unknown dtype 'f8'" },
		{ "logits --weights /nonexistent/m.safetensors --tokens 1 --backend cpu", 1,
		  "/nonexistent/m.safetensors: cannot open" },
		{ "logits --weights '%s' --tokens 1 --bogus", 2, "unknown option '--bogus'" },
		{ "logits --weights '%s' --tokens 1 --graph /nonexistent.yaml --backend cpu", 1, "/nonexistent.yaml: cannot open" },
		{ "mkmodel --preset 0.1b", 2, "-o FILE is required" },
		{ "mkmodel --preset 9b -o /tmp/x.safetensors", 1, "unknown preset '9b'" },
		{ "mkmodel --layers 2 -o /tmp/x.safetensors", 2, "give --preset, or all of --layers, --embd and --vocab" },
		{ "mkmodel --layers 2 --embd 100 --vocab 50 -o /tmp/x.safetensors", 1,
		  "the embedding width 100 is not a multiple of the head size 64" },
		{ "nosuchcommand", 2, "unknown command 'nosuchcommand'" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char args[2048], *so, *se;
		snprintf(args, sizeof args, cases[i].args, model_a);
		int rc = test_run_rwkvc(args, &so, NULL, &se);
		if (rc != cases[i].status || !strstr(se, cases[i].message))
			fail_msg("rwkvc %s: exit %d, stderr:\n%s\nexpected exit %d and \"%s\"", args, rc, se, cases[i].status,
				 cases[i].message);
		free(so);
		free(se);
	}
	/* every command answers --help with exit 0 and its usage */
	const char *cmds[] = { "logits", "mkmodel", "tokenize" };
	for (size_t i = 0; i < 3; i++) {
		char args[64], *so;
		snprintf(args, sizeof args, "%s --help", cmds[i]);
		assert_int_equal(test_run_rwkvc(args, &so, NULL, NULL), 0);
		assert_non_null(strstr(so, "usage: rwkvc"));
		free(so);
	}
}

static void test_mkmodel_makes_a_runnable_model(void **state)
{
	(void)state;
	char path[1024], args[2048], *so, *se;
	snprintf(path, sizeof path, "%s", test_tmp_path("random.safetensors"));
	snprintf(args, sizeof args, "mkmodel --layers 2 --embd 128 --vocab 300 --seed 3 --dtype bf16 -o '%s'", path);
	int rc = test_run_rwkvc(args, &so, NULL, &se);
	if (rc)
		fail_msg("%s", se);
	free(so);
	free(se);
	rwkvc_ctx_t *ctx;
	rwkvc_model_t *m;
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = path;
	o.backend = RWKVC_BACKEND_CPU;
	if (rwkvc_model_load(ctx, &o, &m))
		fail_msg("%s", rwkvc_errmsg(ctx));
	struct rwkvc_model_info info;
	rwkvc_model_get_info(m, &info);
	assert_int_equal(info.n_layer, 2);
	assert_int_equal(info.n_embd, 128);
	assert_int_equal(info.vocab, 300);
	assert_int_equal(info.ffn, 512);
	/* the official formula: 1.8 * sqrt(128) = 20.4 -> 32 (the minimum); 0.6 * 128^0.8 = 29.0 -> 32 */
	assert_int_equal(info.lora_decay, 32);
	assert_int_equal(info.lora_gate, 32);
	assert_int_equal(rwkvc_session_create(m, &s), 0);
	int32_t toks[4] = { 1, 299, 7, 42 };
	float logits[4 * 300];
	test_poison(logits, 4 * 300);
	assert_int_equal(rwkvc_session_eval(s, toks, 4, RWKVC_EVAL_ALL, logits), 0);
	/* realistic: finite, spread out, and different at different positions */
	double mean = 0, var = 0;
	for (int i = 0; i < 300; i++)
		mean += logits[3 * 300 + i] / 300.0;
	for (int i = 0; i < 300; i++)
		var += (logits[3 * 300 + i] - mean) * (logits[3 * 300 + i] - mean) / 300.0;
	for (int i = 0; i < 4 * 300; i++)
		assert_true(isfinite(logits[i]));
	print_message("    random model logits: std %.3f\n", sqrt(var));
	assert_true(sqrt(var) > 0.1 && sqrt(var) < 100);
	assert_true(test_rel_err(logits, logits + 300, 300) > 0.01);
	/* the state is non-zero and the same seed gives the same file */
	size_t ns = rwkvc_state_size(s);
	float *st = malloc(ns * sizeof *st);
	assert_int_equal(rwkvc_state_get(s, st, ns), 0);
	size_t nonzero = 0;
	for (size_t i = 0; i < ns; i++)
		nonzero += st[i] != 0;
	assert_true(nonzero > ns / 2);
	free(st);
	rwkvc_session_destroy(s);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
	char path2[1024];
	snprintf(path2, sizeof path2, "%s", test_tmp_path("random2.safetensors"));
	snprintf(args, sizeof args, "mkmodel --layers 2 --embd 128 --vocab 300 --seed 3 --dtype bf16 -o '%s'", path2);
	assert_int_equal(test_run_rwkvc(args, NULL, NULL, NULL), 0);
	struct err e = { 0 };
	char *d1, *d2;
	size_t n1, n2;
	assert_int_equal(file_read_all(&e, path, &d1, &n1), 0);
	assert_int_equal(file_read_all(&e, path2, &d2, &n2), 0);
	assert_int_equal(n1, n2);
	assert_memory_equal(d1, d2, n1);
	mem_free(d1);
	mem_free(d2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_logits_file_matches_official),
		cmocka_unit_test(test_logits_refusals),
		cmocka_unit_test(test_mkmodel_makes_a_runnable_model),
	};
	return cmocka_run_group_tests_name("cli", tests, setup, NULL);
}
