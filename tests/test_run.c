/*
 * test_run.c - `rwkvc run` as a user runs it (the built $BUILD/rwkvc): a run
 * split by --state-out / --state-in prints exactly what one run prints, the
 * greedy token is the official reference's argmax, seeds, stop strings,
 * prompt sources byte for byte, end of text, the speeds on stderr, and every
 * refusal with its exit status and message.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rwkvc.h"

static char g_model[1024], g_vocab[1024], g_model_a[1024], g_model_b[1024], g_tokens_a[4096];
static char *out, *err; /* of the last run */
static size_t out_len;

static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
	char args[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
	free(out);
	free(err);
	return test_run_rwkvc(args, &out, &out_len, &err);
}

/* Runs and fails the test unless the exit status is 0. */
#define RUN_OK(...)                                                              \
	do {                                                                     \
		if (run(__VA_ARGS__) != 0)                                       \
			fail_msg("rwkvc run failed:\n%s", err);                  \
	} while (0)

static char *take_out(void)
{
	char *s = out;
	out = NULL;
	return s;
}

static int setup(void **state)
{
	(void)state;
	unsetenv("RWKVC_VOCAB"); /* the tests say which vocabulary, or none */
	snprintf(g_vocab, sizeof g_vocab, "%s", test_shared_path("data/rwkv_vocab_v20230424.txt"));
	snprintf(g_model_a, sizeof g_model_a, "%s", test_shared_path("testdata/rwkv7/model_a.safetensors"));
	snprintf(g_model_b, sizeof g_model_b, "%s", test_shared_path("testdata/rwkv7/model_b.safetensors"));
	snprintf(g_model, sizeof g_model, "%s", test_tmp_path("world.safetensors"));
	int32_t *t;
	size_t n;
	test_load_tokens_json(test_shared_path("testdata/rwkv7/model_a.tokens.json"), &t, &n);
	test_ids_csv(t, n, g_tokens_a, sizeof g_tokens_a);
	free(t);
	/* a random model with the World tokenizer's vocabulary, so that its tokens are text */
	char args[2048];
	snprintf(args, sizeof args, "mkmodel --layers 2 --embd 128 --vocab 65536 --seed 5 -o '%s'", g_model);
	return test_run_rwkvc(args, NULL, NULL, NULL) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(out);
	free(err);
	return 0;
}

static void assert_contains(const char *what, const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("%s was\n%s\nexpected it to contain '%s'", what, text, want);
}

#define TEXT_RUN "run -w '%s' --vocab '%s' -b cpu"
#define SAMPLING "--seed 11 --top-p 0.8 --presence 0.4 --frequency 0.2 --penalty-decay 0.99"

/* The acceptance test: N tokens with --state-out, then M with --state-in,
 * print exactly what one run of N + M tokens prints; also split in three. */
static void test_split_run_equals_one_run(void **state)
{
	(void)state;
	const char *s1 = test_tmp_path("part1.state");
	char st1[1024], st2[1024];
	snprintf(st1, sizeof st1, "%s", s1);
	snprintf(st2, sizeof st2, "%s", test_tmp_path("part2.state"));
	RUN_OK(TEXT_RUN " -p 'The quick brown fox' -n 20 " SAMPLING, g_model, g_vocab);
	size_t n_whole = out_len;
	char *whole = take_out();
	assert_true(n_whole > 20); /* random weights: gibberish, but text */
	assert_contains("stderr", err, "prompt: 4 tokens in");
	assert_contains("stderr", err, "generated 20 tokens in");
	assert_contains("stderr", err, "tok/s");

	RUN_OK(TEXT_RUN " -p 'The quick brown fox' -n 8 --state-out '%s' " SAMPLING, g_model, g_vocab, st1);
	char *a = take_out();
	size_t na = out_len;
	RUN_OK(TEXT_RUN " -n 12 --state-in '%s' --top-p 0.8 --presence 0.4 --frequency 0.2 --penalty-decay 0.99",
	       g_model, g_vocab, st1);
	assert_contains("stderr", err, "prompt: 1 token in"); /* the pending token */
	assert_int_equal(na + out_len, n_whole);
	assert_memory_equal(a, whole, na);
	assert_memory_equal(out, whole + na, out_len);

	/* three parts: 8 + 5 + 7, the middle one both reading and writing */
	RUN_OK(TEXT_RUN " -n 5 --state-in '%s' --state-out '%s' --top-p 0.8 --presence 0.4 --frequency 0.2 "
			"--penalty-decay 0.99", g_model, g_vocab, st1, st2);
	char *b = take_out();
	size_t nb = out_len;
	RUN_OK(TEXT_RUN " -n 7 --state-in '%s' --top-p 0.8 --presence 0.4 --frequency 0.2 --penalty-decay 0.99",
	       g_model, g_vocab, st2);
	assert_int_equal(na + nb + out_len, n_whole);
	assert_memory_equal(b, whole + na, nb);
	assert_memory_equal(out, whole + na + nb, out_len);

	/* an explicit --seed branches off: another continuation */
	RUN_OK(TEXT_RUN " -n 12 --state-in '%s' --seed 12 --top-p 0.8 --presence 0.4 --frequency 0.2 "
			"--penalty-decay 0.99", g_model, g_vocab, st1);
	assert_true(na + out_len != n_whole || memcmp(out, whole + na, out_len) != 0);
	/* and a prompt after the state is fed after the pending token */
	RUN_OK(TEXT_RUN " -n 3 --state-in '%s' -p ' jumps over'", g_model, g_vocab, st1);
	assert_contains("stderr", err, "prompt: 3 tokens in");
	free(a);
	free(b);
	free(whole);
}

/* The same with token ids on the official model A (vocab 256, no tokenizer). */
static void test_split_run_with_ids(void **state)
{
	(void)state;
	char st[1024];
	snprintf(st, sizeof st, "%s", test_tmp_path("ids.state"));
	const char *m = "run -w '%s' -b cpu --print-ids --prompt-ids 0,1,2,3,4 -t 1.3 --top-p 0.95 --seed 3";
	char fmt[512];
	snprintf(fmt, sizeof fmt, "%s -n 30", m);
	RUN_OK(fmt, g_model_a);
	char *whole = take_out();
	snprintf(fmt, sizeof fmt, "%s -n 13 --state-out '%%s'", m);
	RUN_OK(fmt, g_model_a, st);
	char *a = take_out();
	RUN_OK("run -w '%s' -b cpu --print-ids -t 1.3 --top-p 0.95 -n 17 --state-in '%s'", g_model_a, st);
	size_t lines = 0;
	for (const char *p = whole; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 30);
	assert_int_equal(strlen(a) + strlen(out), strlen(whole));
	assert_memory_equal(a, whole, strlen(a));
	assert_string_equal(out, whole + strlen(a));
	free(a);
	free(whole);
}

/* Greedy after model A's reference tokens is the argmax of the official last row. */
static void test_greedy_matches_reference(void **state)
{
	(void)state;
	float *ref;
	int rank;
	int64_t shape[4];
	test_load_npy_f32(test_shared_path("testdata/rwkv7/model_a.logits.npy"), &ref, &rank, shape);
	const float *last = ref + (shape[0] - 1) * shape[1];
	int best = 0;
	for (int i = 1; i < shape[1]; i++)
		if (last[i] > last[best])
			best = i;
	RUN_OK("run -w '%s' -b cpu --print-ids -t 0 -n 1 --prompt-ids %s", g_model_a, g_tokens_a);
	assert_int_equal(atoi(out), best);
	/* top-k 1 is greedy too, whatever the temperature */
	RUN_OK("run -w '%s' -b cpu --print-ids -t 5 --top-k 1 -n 1 --prompt-ids %s", g_model_a, g_tokens_a);
	assert_int_equal(atoi(out), best);
	free(ref);
}

static void test_seeds(void **state)
{
	(void)state;
	RUN_OK(TEXT_RUN " -p 'Hello' -n 10 --top-p 1 --seed 1", g_model, g_vocab);
	char *a = take_out();
	RUN_OK(TEXT_RUN " -p 'Hello' -n 10 --top-p 1 --seed 1", g_model, g_vocab);
	assert_string_equal(a, out);
	RUN_OK(TEXT_RUN " -p 'Hello' -n 10 --top-p 1 --seed 2", g_model, g_vocab);
	assert_string_not_equal(a, out);
	free(a);
}

/* A stop string ends the text just before it; the text before is all printed. */
static void test_stop_strings(void **state)
{
	(void)state;
	RUN_OK(TEXT_RUN " -p 'Once' -n 40 --top-p 0.9 --seed 4", g_model, g_vocab);
	char *whole = take_out();
	/* three printable ASCII characters well inside the text, at their first occurrence */
	size_t len = strlen(whole), p;
	char stop[4] = { 0 };
	for (p = 10; p + 3 < len; p++) {
		if (whole[p] < 'a' || whole[p] > 'z' || whole[p + 1] < ' ' || whole[p + 1] > '~' || whole[p + 2] < ' ' ||
		    whole[p + 2] > '~' || whole[p + 2] == '\'')
			continue;
		memcpy(stop, whole + p, 3);
		if (strstr(whole, stop) == whole + p)
			break;
	}
	if (p + 3 >= len)
		fail_msg("no usable stop string in '%s'", whole);
	RUN_OK(TEXT_RUN " -p 'Once' -n 40 --top-p 0.9 --seed 4 --stop 'zz-never' --stop '%s'", g_model, g_vocab, stop);
	assert_int_equal(out_len, p);
	assert_memory_equal(out, whole, p);
	assert_contains("stderr", err, "stopped at a --stop string");
	/* one that never comes changes nothing */
	RUN_OK(TEXT_RUN " -p 'Once' -n 40 --top-p 0.9 --seed 4 --stop '\\nzz-never'", g_model, g_vocab);
	assert_string_equal(out, whole);
	free(whole);
}

/* --prompt TEXT, --prompt - (stdin) and --prompt-file give the same tokens;
 * binary prompts (NULs, invalid UTF-8) go in byte for byte. */
static void test_prompt_sources(void **state)
{
	(void)state;
	static const char text[] = "caf\xc3\xa9 \xff\x00 bytes\r\n";
	char file[1024];
	snprintf(file, sizeof file, "%s", test_tmp_path("prompt.bin"));
	test_write_file(file, text, sizeof text - 1);
	/* the ids the library gives the same bytes */
	rwkvc_ctx_t *ctx;
	rwkvc_tokenizer_t *tok;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	if (rwkvc_tokenizer_load(ctx, g_vocab, &tok))
		fail_msg("%s", rwkvc_errmsg(ctx));
	int32_t ids[64];
	size_t n;
	assert_int_equal(rwkvc_tokenizer_encode(tok, text, sizeof text - 1, ids, 64, &n), 0);
	char list[512];
	test_ids_csv(ids, n, list, sizeof list);
	rwkvc_tokenizer_destroy(tok);
	rwkvc_ctx_destroy(ctx);

	RUN_OK(TEXT_RUN " --prompt-ids %s -n 6 --seed 8", g_model, g_vocab, list);
	char *want = take_out();
	RUN_OK(TEXT_RUN " --prompt-file '%s' -n 6 --seed 8", g_model, g_vocab, file);
	assert_string_equal(out, want);
	RUN_OK(TEXT_RUN " --prompt - -n 6 --seed 8 < '%s'", g_model, g_vocab, file);
	assert_string_equal(out, want);
	char prompt_msg[64];
	snprintf(prompt_msg, sizeof prompt_msg, "prompt: %zu tokens in", n);
	assert_contains("stderr", err, prompt_msg);
	/* and --prompt TEXT is the same as a file holding TEXT */
	test_write_file(file, "Hello there", 11);
	RUN_OK(TEXT_RUN " --prompt-file '%s' -n 6 --seed 8", g_model, g_vocab, file);
	free(want);
	want = take_out();
	RUN_OK(TEXT_RUN " --prompt 'Hello there' -n 6 --seed 8", g_model, g_vocab);
	assert_string_equal(out, want);
	/* the vocabulary from the environment */
	setenv("RWKVC_VOCAB", g_vocab, 1);
	RUN_OK("run -w '%s' -b cpu --prompt 'Hello there' -n 6 --seed 8", g_model);
	unsetenv("RWKVC_VOCAB");
	assert_string_equal(out, want);
	free(want);
}

/* Token 0 ends the text: it is not printed and generation stops there. */
static void test_end_of_text(void **state)
{
	(void)state;
	int found = 0;
	for (int seed = 1; seed <= 40 && !found; seed++) {
		RUN_OK("run -w '%s' -b cpu --print-ids --prompt-ids 5 -t 3 --top-p 1 -n 120 --seed %d", g_model_a, seed);
		if (!strstr(err, "stopped at the end of the text (token 0)"))
			continue;
		found = seed;
		size_t lines = 0;
		for (const char *p = out; *p; p++)
			lines += *p == '\n';
		char want[64];
		snprintf(want, sizeof want, "generated %zu tokens", lines + 1);
		assert_contains("stderr", err, want);
		assert_true(lines < 119);
		assert_true(strncmp(out, "0\n", 2) != 0 && !strstr(out, "\n0\n"));
	}
	print_message("    seed %d reached token 0\n", found);
	assert_true(found); /* at temperature 3 over 256 ids, token 0 comes within 40 x 120 draws */
}

/* Copies `in` to out with each names[k][0] replaced by names[k][1]. */
static void expand(char *dst, size_t cap, const char *in, const char *const names[][2], int n)
{
	size_t o = 0;
	while (*in && o + 1 < cap) {
		int k = 0;
		while (k < n && strncmp(in, names[k][0], strlen(names[k][0])) != 0)
			k++;
		if (k == n) {
			dst[o++] = *in++;
			continue;
		}
		o += (size_t)snprintf(dst + o, cap - o, "%s", names[k][1]);
		in += strlen(names[k][0]);
	}
	dst[o < cap ? o : cap - 1] = 0;
}

struct refusal {
	const char *args; /* {M} the World model, {V} the vocabulary, {A} model A, {B} model B,
			   * {S} a state file of model A, {S0} one without a pending token */
	int status;
	const char *message;
};

static void test_refusals(void **state)
{
	(void)state;
	char st[1024], st0[1024];
	snprintf(st, sizeof st, "%s", test_tmp_path("a.state"));
	snprintf(st0, sizeof st0, "%s", test_tmp_path("a0.state"));
	RUN_OK("run -w '%s' -b cpu --print-ids --prompt-ids 1,2 -n 2 --state-out '%s'", g_model_a, st);
	RUN_OK("run -w '%s' -b cpu --print-ids --prompt-ids 1,2 -n 0 --state-out '%s'", g_model_a, st0);
	assert_int_equal(out_len, 0);
	static const struct refusal cases[] = {
		{ "run --prompt hi", 2, "--weights is required" },
		{ "run -w '{M}' --prompt hi", 2, "no vocabulary: pass --vocab FILE" },
		{ "run -w '{M}' -v '{V}' --prompt ''", 2, "the prompt is empty: nothing to condition on" },
		{ "run -w '{M}' -v '{V}'", 2, "the prompt is empty: nothing to condition on" },
		{ "run -w '{M}' -v '{V}' -p a --prompt-file x", 2, "give at most one of --prompt, --prompt-file and --prompt-ids" },
		{ "run -w '{M}' -v '{V}' -p a --top-p 2", 2, "top_p 2: must be in [0, 1] (1 = off)" },
		{ "run -w '{M}' -v '{V}' -p a --temperature -1", 2, "temperature -1: must be 0 (greedy) or more" },
		{ "run -w '{M}' -v '{V}' -p a --top-k -1", 2, "--top-k -1: must be 0 (off)" },
		{ "run -w '{M}' -v '{V}' -p a --penalty-decay 3", 2, "penalty_decay 3: must be in [0, 1]" },
		{ "run -w '{M}' -v '{V}' -p a --seed -3", 2, "--seed expects an integer from 0 to 2^64-1, got '-3'" },
		{ "run -w '{M}' -v '{V}' -p a --seed 1x", 2, "--seed expects an integer" },
		{ "run -w '{M}' -v '{V}' -p a -n -1", 2, "-n -1: the number of tokens cannot be negative" },
		{ "run -w '{M}' -v '{V}' -p a --print-ids --stop x", 2, "--stop works on text" },
		{ "run -w '{M}' -v '{V}' -p a --stop ''", 2, "--stop: the stop string is empty" },
		{ "run -w '{M}' -v '{V}' -p a --stop 1 --stop 2 --stop 3 --stop 4 --stop 5 --stop 6 --stop 7 --stop 8 "
		  "--stop 9 --stop 10 --stop 11 --stop 12 --stop 13 --stop 14 --stop 15 --stop 16 --stop 17",
		  2, "--stop given more than 16 times" },
		{ "run -w '{M}' -v '{V}' -p a --backend tpu", 2, "unknown backend 'tpu'" },
		{ "run -w '{M}' -v '{V}' -p a -b cpu --plan /nonexistent/x.plan", 1, "/nonexistent/x.plan: cannot open" },
		{ "run -w '{M}' -v '{V}' -b cpu --prompt-file /dev/null", 1, "the prompt is empty: nothing to condition on" },
		{ "run -w '{M}' -v '{V}' -b cpu --prompt-file /nonexistent/p.txt", 1,
		  "cannot open /nonexistent/p.txt (the prompt)" },
		{ "run -w /nonexistent/m.safetensors -v '{V}' -p a -b cpu", 1, "/nonexistent/m.safetensors: cannot open" },
		{ "run -w '{A}' -b cpu --print-ids --prompt-ids 1,300", 1,
		  "token id 300 at position 1 is outside the vocabulary [0, 256)" },
		{ "run -w '{A}' -b cpu --print-ids --prompt-ids 1 --state-in /nonexistent/s.state", 1,
		  "/nonexistent/s.state: cannot open" },
		{ "run -w '{B}' -b cpu --print-ids --state-in '{S}'", 1,
		  "state was saved from a 2-layer x 128 model, this model is 3 x 256" },
		{ "run -w '{A}' -b cpu --print-ids --state-in '{S0}'", 1,
		  "has no pending token and the prompt is empty: nothing to condition on" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char args[4096];
		const char *const names[][2] = { { "{M}", g_model }, { "{V}", g_vocab }, { "{A}", g_model_a },
						 { "{B}", g_model_b }, { "{S}", st }, { "{S0}", st0 } };
		expand(args, sizeof args, cases[i].args, names, 6);
		int rc = run("%s", args);
		if (rc != cases[i].status || !strstr(err, cases[i].message) || strncmp(err, "rwkvc run: ", 11) != 0)
			fail_msg("rwkvc %s: exit %d, stderr:\n%s\nexpected exit %d and \"%s\"", args, rc, err,
				 cases[i].status, cases[i].message);
	}
	/* a state file continues with its pending token even without a prompt */
	RUN_OK("run -w '%s' -b cpu --print-ids --state-in '%s' -n 1", g_model_a, st);
	assert_contains("stderr", err, "prompt: 1 token in");
}

/* --help documents every option, with its default. */
static void test_help(void **state)
{
	(void)state;
	assert_int_equal(run("run --help"), 0);
	static const char *const want[] = {
		"usage: rwkvc run", "--weights FILE", "--plan FILE", "--vocab FILE", "default $RWKVC_VOCAB",
		"--prompt TEXT", "'-' reads it from stdin", "--prompt-file FILE", "--prompt-ids IDS",
		"-n, --max-tokens N", "(default 200)", "--temperature T", "0 = greedy (default 1.0)", "--top-p P",
		"(default 0.3)", "--top-k K", "--presence X", "--frequency X", "--penalty-decay D", "--seed S",
		"(default 42", "--stop STRING", "repeatable", "--state-in FILE", "--state-out FILE", "--print-ids",
		"--backend NAME", "(default auto)", "--dtype TYPE", "(vulkan; default f32)", "--graph FILE",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_contains("rwkvc run --help", out, want[i]);
	assert_int_equal(run("--help"), 0);
	assert_contains("rwkvc --help", out, "run ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_run_equals_one_run),
		cmocka_unit_test(test_split_run_with_ids),
		cmocka_unit_test(test_greedy_matches_reference),
		cmocka_unit_test(test_seeds),
		cmocka_unit_test(test_stop_strings),
		cmocka_unit_test(test_prompt_sources),
		cmocka_unit_test(test_end_of_text),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_help),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
