/*
 * test_cmd_tokenize.c - `rwkvc tokenize` as a user runs it: the built binary
 * ($BUILD/rwkvc under the repository root, so `make test` must have built it),
 * its output compared byte for byte with the library's, and its exit statuses.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "base/file.h"
#include "base/mem.h"
#include "runtime/ctx.h"

static char g_rwkvc[4096], g_vocab[4096], g_out[4096], g_err[4096];

static int setup(void **state)
{
	(void)state;
	const char *build = getenv("BUILD");
	char rel[256];
	snprintf(rel, sizeof rel, "%s/rwkvc", build && *build ? build : "build");
	/* $BUILD is relative to the repository root (build, build-san) unless absolute */
	snprintf(g_rwkvc, sizeof g_rwkvc, "%s", rel[0] == '/' ? rel : test_root_path(rel));
	snprintf(g_vocab, sizeof g_vocab, "%s",
		 test_shared_path("data/rwkv_vocab_v20230424.txt"));
	snprintf(g_out, sizeof g_out, "%s", test_tmp_path("cli.out"));
	snprintf(g_err, sizeof g_err, "%s", test_tmp_path("cli.err"));
	return 0;
}

/* Runs `rwkvc tokenize <args>` through the shell, stdout and stderr to files;
 * returns the exit status. */
static int run(const char *args)
{
	size_t cap = strlen(args) + strlen(g_rwkvc) + strlen(g_out) + strlen(g_err) + 64;
	char *cmd = malloc(cap);
	assert_non_null(cmd);
	snprintf(cmd, cap, "'%s' tokenize %s >'%s' 2>'%s'", g_rwkvc, args, g_out, g_err);
	int r = system(cmd);
	if (r == -1 || !WIFEXITED(r))
		fail_msg("could not run: %s", cmd);
	free(cmd);
	return WEXITSTATUS(r);
}

/* Fails unless the file at `path` contains `want`. */
static void assert_file_contains(const char *path, const char *want)
{
	struct err e = { 0 };
	char *data;
	size_t n;
	if (file_read_all(&e, path, &data, &n))
		fail_msg("%s", e.msg);
	if (!strstr(data, want))
		fail_msg("%s was\n%s\nexpected it to contain\n%s", path, data, want);
	mem_free(data);
}

static void assert_stderr(const char *want) { assert_file_contains(g_err, want); }

/* Fails unless stdout was exactly want[0..want_len). */
static void assert_stdout(const char *want, size_t want_len)
{
	struct err e = { 0 };
	char *out;
	size_t n;
	if (file_read_all(&e, g_out, &out, &n))
		fail_msg("%s", e.msg);
	if (n != want_len || memcmp(out, want, n) != 0)
		fail_msg("stdout was %zu bytes '%s', expected %zu bytes '%s'", n, out, want_len,
			 want);
	mem_free(out);
}

static void test_text_and_decode(void **state)
{
	(void)state;
	char args[8192];
	snprintf(args, sizeof args, "--vocab '%s' --text 'Hello world'", g_vocab);
	assert_int_equal(run(args), 0);
	assert_stdout("33155,40213\n", 12);
	snprintf(args, sizeof args, "-v '%s' --text ''", g_vocab);
	assert_int_equal(run(args), 0);
	assert_stdout("\n", 1);
	snprintf(args, sizeof args, "--vocab '%s' --decode 3319,153,129,33,3319,144", g_vocab);
	assert_int_equal(run(args), 0); /* raw bytes out, a split emoji included */
	assert_stdout("\xf0\x9f\x98\x80 \xf0\x9f\x8f", 8);
	setenv("RWKVC_VOCAB", g_vocab, 1); /* the vocabulary from the environment */
	assert_int_equal(run("--text 'Hello world'"), 0);
	unsetenv("RWKVC_VOCAB");
	assert_stdout("33155,40213\n", 12);
}

/* Binary text on stdin (NULs, invalid UTF-8, CRLF, emoji) gives the library's
 * ids, and decoding those ids gives the same bytes back. */
static void test_stdin_binary_round_trip(void **state)
{
	(void)state;
	char text[3000];
	uint64_t x = 0x243f6a8885a308d3u;
	for (size_t i = 0; i < sizeof text; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		static const char alphabet[] = "ab \n\r\0\xff\xc3\xa9\xf0\x9f\x98\x80\x80";
		text[i] = i % 3 ? alphabet[x % (sizeof alphabet - 1)] : "The cat "[i % 8];
	}
	const char *in = test_tmp_path("cli.in");
	char in_path[4096];
	snprintf(in_path, sizeof in_path, "%s", in);
	test_write_file(in_path, text, sizeof text);

	struct rwkvc_ctx ctx = { 0 };
	rwkvc_tokenizer_t *tok;
	if (rwkvc_tokenizer_load(&ctx, g_vocab, &tok))
		fail_msg("%s", ctx.err.msg);
	int32_t ids[sizeof text];
	size_t n;
	assert_int_equal(rwkvc_tokenizer_encode(tok, text, sizeof text, ids, sizeof text, &n), 0);
	rwkvc_tokenizer_destroy(tok);
	char *want = malloc(n * 12 + 2), *args = malloc(n * 12 + 8192);
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(want + len, i ? ",%d" : "%d", ids[i]);
	want[len++] = '\n';
	want[len] = '\0';

	sprintf(args, "--vocab '%s' --text - <'%s'", g_vocab, in_path);
	assert_int_equal(run(args), 0);
	assert_stdout(want, len);
	want[len - 1] = '\0';
	sprintf(args, "--vocab '%s' --decode %s", g_vocab, want);
	assert_int_equal(run(args), 0);
	assert_stdout(text, sizeof text);
	free(args);
	free(want);
}

static void test_errors_and_exit_statuses(void **state)
{
	(void)state;
	static const struct {
		int with_vocab; /* put --vocab <the official file> first */
		const char *args;
		int exit_status;
		const char *stderr_part;
	} cases[] = {
		{ 1, "--decode 33155,65530", 1, "rwkvc tokenize: tokenizer decode: token id 65530 "
		  "(at position 1) is out of range: the vocabulary has ids 0 to 65529" },
		{ 1, "--decode 1,x", 2, "--decode: '1,x' is not a comma-separated list of integers" },
		{ 1, "--decode ''", 2, "rwkvc tokenize: --decode: the id list is empty" },
		{ 1, "--decode 1,", 2, "trailing comma" },
		{ 1, "--text a --decode 1", 2, "give exactly one of --text and --decode" },
		{ 1, "", 2, "give exactly one of --text and --decode" },
		{ 1, "--text a --bogus", 2, "unknown option '--bogus'" },
		{ 0, "--vocab /nonexistent/vocab.txt --text a", 1,
		  "rwkvc tokenize: /nonexistent/vocab.txt: cannot open" },
		{ 0, "--text a", 2, "no vocabulary: pass --vocab FILE" },
	};
	unsetenv("RWKVC_VOCAB");
	char args[8192];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(args, sizeof args, "%s%s%s %s", cases[i].with_vocab ? "--vocab '" : "",
			 cases[i].with_vocab ? g_vocab : "", cases[i].with_vocab ? "'" : "",
			 cases[i].args);
		assert_int_equal(run(args), cases[i].exit_status);
		assert_stderr(cases[i].stderr_part);
		assert_stdout("", 0);
	}

	const char *bad = test_tmp_path("bad_vocab.txt");
	char bad_path[4096], want[8192];
	snprintf(bad_path, sizeof bad_path, "%s", bad);
	test_write_file(bad_path, "1 'a' 1\n2 'bc' 3\n", 17);
	snprintf(args, sizeof args, "--vocab '%s' --text a", bad_path);
	assert_int_equal(run(args), 1);
	snprintf(want, sizeof want, "%s:2: the line says 3 bytes but the literal has 2", bad_path);
	assert_stderr(want);

	assert_int_equal(run("--help"), 0);
	assert_file_contains(g_out, "usage: rwkvc tokenize");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_and_decode),
		cmocka_unit_test(test_stdin_binary_round_trip),
		cmocka_unit_test(test_errors_and_exit_statuses),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
