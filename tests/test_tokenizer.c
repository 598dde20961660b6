/*
 * test_tokenizer.c - the RWKV World tokenizer: the official reference cases,
 * greedy matching against a naive oracle, byte-exact round trips of random
 * (invalid UTF-8, NUL-holding) text, the UTF-8 safe stream, and every way a
 * vocabulary file can be malformed, each with its message.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fault.h"
#include "base/file.h"
#include "base/json.h"
#include "base/mem.h"
#include "base/utf8.h"
#include "runtime/ctx.h"

/* The official vocabulary, loaded once for the whole group. */
static struct rwkvc_ctx g_ctx;
static rwkvc_tokenizer_t *g_tok;

static int setup(void **state)
{
	(void)state;
	const char *path = test_shared_path("data/rwkv_vocab_v20230424.txt");
	if (rwkvc_tokenizer_load(&g_ctx, path, &g_tok)) {
		fprintf(stderr, "cannot load the vocabulary: %s\n", g_ctx.err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rwkvc_tokenizer_destroy(g_tok);
	return 0;
}

static uint64_t rnd(uint64_t *s) /* splitmix64 */
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Encodes with a buffer of exactly `len` ids (the documented bound). Caller frees. */
static int32_t *encode(const char *text, size_t len, size_t *out_n)
{
	int32_t *ids = malloc((len ? len : 1) * sizeof *ids);
	assert_non_null(ids);
	if (rwkvc_tokenizer_encode(g_tok, text, len, ids, len, out_n))
		fail_msg("encode: %s", g_ctx.err.msg);
	return ids;
}

/* Decodes into a fresh buffer. Caller frees. */
static char *decode(const int32_t *ids, size_t n, size_t *out_len)
{
	size_t len;
	if (rwkvc_tokenizer_decode(g_tok, ids, n, NULL, 0, &len))
		fail_msg("decode: %s", g_ctx.err.msg);
	char *out = malloc(len + 1);
	assert_non_null(out);
	assert_int_equal(rwkvc_tokenizer_decode(g_tok, ids, n, out, len + 1, out_len), 0);
	assert_int_equal(*out_len, len);
	assert_int_equal(out[len], '\0');
	return out;
}

static void test_reference_cases(void **state)
{
	(void)state;
	struct err e = { 0 };
	char *text;
	size_t size, n_cases = 0;
	const char *path = test_shared_path("testdata/tokenizer/world_tokenizer_cases.jsonl");
	if (file_read_all(&e, path, &text, &size))
		fail_msg("%s", e.msg);
	struct arena a;
	arena_init(&a);
	for (char *line = text, *nl; line < text + size; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(text + size - line));
		if (!nl)
			nl = text + size;
		struct json_value *v;
		if (json_parse(&e, &a, line, (size_t)(nl - line), path, &v))
			fail_msg("%s", e.msg);
		const struct json_value *t = json_get(v, "text"), *want = json_get(v, "ids");
		assert_true(t && t->type == JSON_STRING && want && want->type == JSON_ARRAY);
		size_t n, count, len;
		int32_t *ids = encode(t->string, t->string_len, &n);
		assert_int_equal(rwkvc_tokenizer_encode(g_tok, t->string, t->string_len, NULL, 0,
							&count), 0);
		assert_int_equal(count, n);
		if (n != want->count)
			fail_msg("case %zu: %zu ids, expected %zu", n_cases + 1, n, want->count);
		int32_t *want_ids = malloc((n ? n : 1) * sizeof *want_ids);
		for (size_t i = 0; i < n; i++) {
			want_ids[i] = (int32_t)want->items[i]->integer;
			if (ids[i] != want_ids[i])
				fail_msg("case %zu id %zu: %d, expected %d", n_cases + 1, i, ids[i],
					 want_ids[i]);
		}
		char *back = decode(want_ids, n, &len);
		assert_int_equal(len, t->string_len);
		assert_memory_equal(back, t->string, len);
		free(back);
		free(want_ids);
		free(ids);
		n_cases++;
	}
	assert_int_equal(n_cases, 44);
	arena_destroy(&a);
	mem_free(text);
}

/* ---- a naive greedy matcher over a sorted token list, as the oracle ---- */

struct token {
	const char *b;
	size_t n;
	int32_t id;
};

static int token_cmp(const void *pa, const void *pb)
{
	const struct token *a = pa, *b = pb;
	int c = memcmp(a->b, b->b, a->n < b->n ? a->n : b->n);
	return c ? c : (a->n > b->n) - (a->n < b->n);
}

static void naive_encode(const struct token *toks, size_t n_toks, size_t max_len,
			 const char *text, size_t len, int32_t *out, size_t *out_n)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		size_t l = len - i < max_len ? len - i : max_len;
		for (; l > 0; l--) {
			struct token key = { text + i, l, 0 };
			const struct token *t = bsearch(&key, toks, n_toks, sizeof *toks, token_cmp);
			if (t) {
				out[n++] = t->id;
				break;
			}
		}
		assert_true(l > 0);
		i += l;
	}
	*out_n = n;
}

/* Random text: pieces of real tokens (so long matches and near misses happen),
 * random bytes (invalid UTF-8, NULs) and runs of spaces and newlines. */
static size_t random_text(uint64_t *seed, char *buf, size_t cap)
{
	size_t len = 0;
	int32_t vocab = rwkvc_tokenizer_vocab_size(g_tok);
	while (len + 200 < cap) {
		uint64_t r = rnd(seed);
		const char *b;
		size_t n;
		switch (r % 4) {
		case 0: /* a whole token, or a prefix of one */
		case 1:
			assert_int_equal(rwkvc_tokenizer_token_bytes(g_tok, (int32_t)(1 + (r >> 8) %
				(uint64_t)(vocab - 1)), &b, &n), 0);
			if (r % 4 == 1 && n > 1)
				n = 1 + (r >> 40) % (n - 1);
			memcpy(buf + len, b, n);
			len += n;
			break;
		case 2:
			for (size_t k = 1 + (r >> 8) % 6; k > 0; k--)
				buf[len++] = (char)(rnd(seed) & 0xff);
			break;
		default:
			for (size_t k = 1 + (r >> 8) % 150; k > 0; k--)
				buf[len++] = (r >> 20) & 1 ? ' ' : '\n';
		}
	}
	return len;
}

static void test_greedy_matches_naive_oracle_and_round_trips(void **state)
{
	(void)state;
	int32_t vocab = rwkvc_tokenizer_vocab_size(g_tok);
	assert_int_equal(vocab, 65530);
	struct token *toks = malloc((size_t)vocab * sizeof *toks);
	size_t n_toks = 0, max_len = 0;
	for (int32_t id = 1; id < vocab; id++) {
		struct token *t = &toks[n_toks++];
		assert_int_equal(rwkvc_tokenizer_token_bytes(g_tok, id, &t->b, &t->n), 0);
		t->id = id;
		max_len = t->n > max_len ? t->n : max_len;
	}
	assert_int_equal(max_len, 128);
	qsort(toks, n_toks, sizeof *toks, token_cmp);
	enum { CAP = 6000 };
	char *text = malloc(CAP);
	int32_t *want = malloc(CAP * sizeof *want);
	uint64_t seed = 0x5eed;
	for (int round = 0; round < 20; round++) {
		size_t len = random_text(&seed, text, CAP), n, n_want, back_len;
		int32_t *ids = encode(text, len, &n);
		naive_encode(toks, n_toks, max_len, text, len, want, &n_want);
		assert_int_equal(n, n_want);
		assert_memory_equal(ids, want, n * sizeof *ids);
		for (size_t i = 0; i < n; i++)
			assert_true(ids[i] > 0 && ids[i] < vocab); /* never <|endoftext|> */
		char *back = decode(ids, n, &back_len);
		assert_int_equal(back_len, len);
		assert_memory_equal(back, text, len);
		free(back);
		free(ids);
	}
	free(want);
	free(text);
	free(toks);
}

static void test_round_trip_of_random_bytes(void **state)
{
	(void)state;
	uint64_t seed = 42;
	char buf[4096];
	for (int round = 0; round < 200; round++) {
		size_t len = rnd(&seed) % sizeof buf, n, back_len;
		for (size_t i = 0; i < len; i++) /* every byte value, NUL and 0xff included */
			buf[i] = (char)(round % 2 ? rnd(&seed) & 0xff : rnd(&seed) % 4);
		int32_t *ids = encode(buf, len, &n);
		char *back = decode(ids, n, &back_len);
		assert_int_equal(back_len, len);
		assert_memory_equal(back, buf, len);
		free(back);
		free(ids);
	}
}

static void test_encode_reports_short_buffer_and_bad_text(void **state)
{
	(void)state;
	const char *text = "The Eiffel tower is in the city of";
	int32_t ids[4] = { -7, -7, -7, -7 };
	size_t n = 99;
	assert_int_equal(rwkvc_tokenizer_encode(g_tok, text, strlen(text), ids, 3, &n),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_int_equal(n, 10);
	assert_int_equal(ids[0], 6699);
	assert_int_equal(ids[2], 25740);
	assert_int_equal(ids[3], -7);
	assert_string_equal(g_ctx.err.msg,
			    "tokenizer encode: the text needs 10 ids but the output holds 3");
	assert_int_equal(rwkvc_tokenizer_encode(g_tok, NULL, 5, ids, 4, &n),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_string_equal(g_ctx.err.msg, "tokenizer encode: text is NULL but its length is 5");
	assert_int_equal(rwkvc_tokenizer_encode(g_tok, NULL, 0, ids, 4, &n), 0);
	assert_int_equal(n, 0);
}

static void test_decode_rejects_bad_ids_and_short_buffer(void **state)
{
	(void)state;
	char out[16];
	size_t len = 99;
	const int32_t bad_hi[] = { 33155, 65530 }, bad_neg[] = { -1 };
	assert_int_equal(rwkvc_tokenizer_decode(g_tok, bad_hi, 2, out, sizeof out, &len),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_int_equal(len, 0);
	assert_string_equal(g_ctx.err.msg, "tokenizer decode: token id 65530 (at position 1) is "
			    "out of range: the vocabulary has ids 0 to 65529");
	assert_int_equal(rwkvc_tokenizer_decode(g_tok, bad_neg, 1, NULL, 0, &len),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(g_ctx.err.msg, "token id -1 (at position 0) is out of range"));

	const int32_t hello[] = { 33155, 0, 40213 }; /* id 0 stands for no bytes */
	memset(out, '#', sizeof out);
	assert_int_equal(rwkvc_tokenizer_decode(g_tok, hello, 3, out, 5, &len),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_int_equal(len, 11);
	assert_int_equal(out[0], '#'); /* nothing written */
	assert_string_equal(g_ctx.err.msg,
			    "tokenizer decode: the ids decode to 11 bytes but the output holds 5");
	assert_int_equal(rwkvc_tokenizer_decode(g_tok, hello, 3, out, 11, &len), 0);
	assert_memory_equal(out, "Hello world", 11);
	assert_int_equal(out[11], '#'); /* exactly full: no room for a NUL, none written */

	const char *b;
	size_t n;
	assert_int_equal(rwkvc_tokenizer_token_bytes(g_tok, 65529, &b, &n), 0);
	assert_int_equal(n, 128);
	assert_int_equal(rwkvc_tokenizer_token_bytes(g_tok, 70000, &b, &n),
			 RWKVC_STATUS_BAD_ARGUMENT);
}

/* ---- the streaming decoder ---- */

/* Pushes ids one at a time; appends what comes out to `acc`. Returns the chunk length. */
static size_t push(rwkvc_tokenizer_stream_t *s, int32_t id, char *acc, size_t *acc_len)
{
	const char *text;
	size_t n;
	if (rwkvc_tokenizer_stream_push(s, id, &text, &n))
		fail_msg("push %d: %s", id, g_ctx.err.msg);
	assert_int_equal(text[n], '\0');
	memcpy(acc + *acc_len, text, n);
	*acc_len += n;
	return n;
}

static void test_stream_holds_back_split_characters(void **state)
{
	(void)state;
	rwkvc_tokenizer_stream_t *s;
	assert_int_equal(rwkvc_tokenizer_stream_create(g_tok, &s), 0);
	char acc[64];
	size_t len = 0;
	/* 😀 = F0 9F 98 80 is encoded as 3319 (F0 9F), 153 (98), 129 (80) */
	assert_int_equal(push(s, 3319, acc, &len), 0);
	assert_int_equal(push(s, 153, acc, &len), 0);
	assert_int_equal(push(s, 129, acc, &len), 4);
	assert_memory_equal(acc, "\xf0\x9f\x98\x80", 4);
	/* byte tokens: id b + 1 is byte b. "é" = C3 A9 split, then a complete 'x' */
	assert_int_equal(push(s, 0xc3 + 1, acc, &len), 0);
	assert_int_equal(push(s, 0xa9 + 1, acc, &len), 2);
	assert_int_equal(push(s, 'x' + 1, acc, &len), 1);
	/* a bad id leaves held bytes where they were */
	assert_int_equal(push(s, 0xe4 + 1, acc, &len), 0);
	const char *text;
	size_t n;
	assert_int_equal(rwkvc_tokenizer_stream_push(s, 65530, &text, &n),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_int_equal(n, 0);
	assert_non_null(strstr(g_ctx.err.msg, "tokenizer stream: token id 65530"));
	assert_int_equal(push(s, 0xbd + 1, acc, &len), 0);
	assert_int_equal(push(s, 0xa0 + 1, acc, &len), 3); /* 你 = E4 BD A0 */
	/* a start that can never finish is let through as soon as that is known */
	assert_int_equal(push(s, 3319, acc, &len), 0);
	assert_int_equal(push(s, 'a' + 1, acc, &len), 3);
	/* flush hands over an unfinished character unchanged */
	assert_int_equal(push(s, 3319, acc, &len), 0);
	rwkvc_tokenizer_stream_flush(s, &text, &n);
	assert_int_equal(n, 2);
	memcpy(acc + len, text, n);
	len += n;
	assert_int_equal(len, 4 + 2 + 1 + 3 + 3 + 2);
	assert_memory_equal(acc + 4, "\xc3\xa9x\xe4\xbd\xa0\xf0\x9f" "a\xf0\x9f", len - 4);
	rwkvc_tokenizer_stream_flush(s, &text, &n); /* emptied by the first flush */
	assert_int_equal(n, 0);
	assert_int_equal(push(s, 0xc3 + 1, acc, &len), 0); /* usable again after flush */
	rwkvc_tokenizer_stream_destroy(s);
}

static int valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0, k; i < n; i += k)
		if (!(k = utf8_char_len((const uint8_t *)s + i, n - i)))
			return 0;
	return 1;
}

/* Valid UTF-8 text cut into byte-sized ids at random: every chunk must be
 * valid UTF-8 by itself, and the chunks must add up to the text. */
static void test_stream_chunks_are_whole_characters(void **state)
{
	(void)state;
	static const char *const pieces[] = { "a", "é", "你好", "😀", "👨‍👩‍👧", "🇫🇷", " ", "\n" };
	rwkvc_tokenizer_stream_t *s;
	assert_int_equal(rwkvc_tokenizer_stream_create(g_tok, &s), 0);
	uint64_t seed = 7;
	for (int round = 0; round < 50; round++) {
		char text[1024], acc[1100];
		size_t len = 0, acc_len = 0, n_ids;
		while (len < sizeof text - 32) {
			const char *p = pieces[rnd(&seed) % 8];
			memcpy(text + len, p, strlen(p));
			len += strlen(p);
		}
		int32_t *ids = encode(text, len, &n_ids);
		for (size_t i = 0; i < n_ids; i++) {
			size_t before = acc_len;
			if (rnd(&seed) % 3 == 0) { /* re-send this token as single bytes */
				const char *b;
				size_t bn;
				assert_int_equal(rwkvc_tokenizer_token_bytes(g_tok, ids[i], &b, &bn), 0);
				for (size_t k = 0; k < bn; k++)
					push(s, (uint8_t)b[k] + 1, acc, &acc_len);
			} else {
				push(s, ids[i], acc, &acc_len);
			}
			assert_true(valid_utf8(acc + before, acc_len - before));
		}
		const char *rest;
		size_t n_rest;
		rwkvc_tokenizer_stream_flush(s, &rest, &n_rest);
		assert_int_equal(n_rest, 0);
		assert_int_equal(acc_len, len);
		assert_memory_equal(acc, text, len);
		free(ids);
	}
	rwkvc_tokenizer_stream_destroy(s);
}

static void test_utf8_incomplete_tail_bounds(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t held;
	} cases[] = {
		{ "a", 0 }, { "\xc3", 1 }, { "\xc3\xa9", 0 }, { "\xe4\xbd", 2 },
		{ "\xf0\x9f\x98", 3 }, { "\xf0\x9f\x98\x80", 0 },
		{ "\xe0\x80", 0 },  /* overlong: can never be valid */
		{ "\xed\xa0", 0 },  /* a surrogate */
		{ "\xf4\x90", 0 },  /* past U+10FFFF */
		{ "\xc0", 0 }, { "\xf5", 0 }, { "\xff", 0 }, { "\x80\x80\x80", 0 },
		{ "x\xf0", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (utf8_incomplete_tail((const uint8_t *)cases[i].s, strlen(cases[i].s)) !=
		    cases[i].held)
			fail_msg("case %zu: expected %zu bytes held", i, cases[i].held);
}

/* ---- small vocabularies written by the tests ---- */

/* Loads a vocabulary from `content`; returns the status, the tokenizer in *out (or NULL). */
static enum rwkvc_status load_text(struct rwkvc_ctx *ctx, const char *content,
				   rwkvc_tokenizer_t **out)
{
	const char *path = test_tmp_path("vocab.txt");
	test_write_file(path, content, strlen(content));
	return rwkvc_tokenizer_load(ctx, path, out);
}

static void test_small_vocab_escapes_gaps_and_order(void **state)
{
	(void)state;
	struct rwkvc_ctx ctx = { 0 };
	rwkvc_tokenizer_t *tok;
	const char *v = "5 'ab' 2\r\n2 'a' 1\n3 \"b\" 1\n7 '\\x80' 2\n8 b'\\x80\\n' 2\n"
			"9 \"'\\\"\\\\\" 3\n10 '\\u00e9\\U0001F600' 6\n11 '\xe4\xbd\xa0\\t' 4";
	if (load_text(&ctx, v, &tok))
		fail_msg("%s", ctx.err.msg);
	assert_int_equal(rwkvc_tokenizer_vocab_size(tok), 12);
	static const struct {
		int32_t id;
		const char *bytes;
	} want[] = { { 5, "ab" }, { 2, "a" }, { 3, "b" }, { 7, "\xc2\x80" }, { 8, "\x80\n" },
		     { 9, "'\"\\" }, { 10, "\xc3\xa9\xf0\x9f\x98\x80" }, { 11, "\xe4\xbd\xa0\t" } };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const char *b;
		size_t n;
		assert_int_equal(rwkvc_tokenizer_token_bytes(tok, want[i].id, &b, &n), 0);
		assert_int_equal(n, strlen(want[i].bytes));
		assert_memory_equal(b, want[i].bytes, n);
	}
	int32_t ids[8];
	size_t n;
	assert_int_equal(rwkvc_tokenizer_encode(tok, "abbaab", 6, ids, 8, &n), 0);
	assert_int_equal(n, 4);
	assert_true(ids[0] == 5 && ids[1] == 3 && ids[2] == 2 && ids[3] == 5);
	assert_int_equal(rwkvc_tokenizer_encode(tok, "abc", 3, ids, 8, &n),
			 RWKVC_STATUS_UNSUPPORTED);
	assert_string_equal(ctx.err.msg,
			    "byte 0x63 at offset 2 starts no token of the vocabulary");
	const int32_t gap[] = { 2, 4 };
	char out[8];
	assert_int_equal(rwkvc_tokenizer_decode(tok, gap, 2, out, 8, &n),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_string_equal(ctx.err.msg, "tokenizer decode: token id 4 (at position 1) has no "
			    "line in the vocabulary");
	rwkvc_tokenizer_destroy(tok);
}

static void test_malformed_vocab_files_are_refused(void **state)
{
	(void)state;
	static const struct {
		const char *content, *msg; /* msg follows "<path>:" */
	} cases[] = {
		{ "1 'a' 1\n2 x 1\n", "2: expected a quoted literal ('...', \"...\" or b'...') "
				      "after the id" },
		{ "1 'a' 1\n2 '\xc3\xa9' 1\n", "2: the line says 1 bytes but the literal has 2" },
		{ "1 '\\x80' 1\n", "1: the line says 1 bytes but the literal has 2" },
		{ "1 'a' 1\n2 'b' 1\n1 'c' 1\n", "3: id 1 appears again (first on line 1)" },
		{ "1 'a' 1\n2 'b", "2: the literal has no closing quote" },
		{ "1 'a' 1\n2 'b'", "2: the line ends after the literal" },
		{ "1 'a' 1\n2 'b' ", "2: expected the byte length, found the end of the line" },
		{ "1", "1: the line ends after the id" },
		{ "1 'a' 1\n\n2 'b' 1\n", "2: expected an id, found the end of the line" },
		{ "x 'a' 1\n", "1: expected an id, found other text" },
		{ "1 'a' 1 \n", "1: unexpected text after the byte length" },
		{ "1  'a' 1\n", "1: expected a quoted literal ('...', \"...\" or b'...') after the id" },
		{ "0 'a' 1\n", "1: id 0 is reserved for <|endoftext|> and cannot have a line" },
		{ "99999999 'a' 1\n", "1: number too large for an id (at most 16777215)" },
		{ "1 '\\q' 1\n", "1: unknown escape '\\q'" },
		{ "1 '\\x4' 1\n", "1: \\x escape needs 2 hex digits" },
		{ "1 '\\ud800' 3\n", "1: escape U+D800 is a lone surrogate, which has no UTF-8 form" },
		{ "1 '\\U00110000' 4\n", "1: escape U+110000 is past U+10FFFF" },
		{ "1 b'\\u00e9' 2\n", "1: \\u is not an escape in a bytes literal" },
		{ "1 b'\xc3\xa9' 2\n", "1: non-ASCII byte 0xc3 in a bytes literal" },
		{ "1 '\xc3' 1\n", "1: invalid UTF-8 (byte 0xc3) inside the literal" },
		{ "1 'a\rb' 3\n", "1: control byte 0x0d inside the literal (it needs an escape)" },
		{ "1 '' 0\n", "1: empty token" },
		{ "1 'a' 1\n2 '\\x61' 1\n", " ids 1 and 2 are the same bytes, so encoding could "
					    "not choose" },
		{ "", " no tokens in the file" },
	};
	char want[512];
	const char *path = test_tmp_path("vocab.txt");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rwkvc_ctx ctx = { 0 };
		rwkvc_tokenizer_t *tok = (rwkvc_tokenizer_t *)&ctx; /* must come back NULL */
		enum rwkvc_status st = load_text(&ctx, cases[i].content, &tok);
		snprintf(want, sizeof want, "%s:%s", path, cases[i].msg);
		if (st != RWKVC_STATUS_BAD_FORMAT || strcmp(ctx.err.msg, want) != 0)
			fail_msg("case %zu: status %d, message\n  %s\nexpected\n  %s", i, st,
				 ctx.err.msg, want);
		assert_null(tok);
	}
	struct rwkvc_ctx ctx = { 0 };
	rwkvc_tokenizer_t *tok;
	assert_int_equal(rwkvc_tokenizer_load(&ctx, test_tmp_path("absent.txt"), &tok),
			 RWKVC_STATUS_IO);
	assert_non_null(strstr(ctx.err.msg, "absent.txt: cannot open"));
}

/* Every allocation of load and stream creation, failed in turn, gives
 * NO_MEMORY and leaks nothing (the sanitizer build checks the leaks). */
static void test_allocation_failures_are_clean(void **state)
{
	(void)state;
	int failures = 0;
	for (int64_t k = 1;; k++) {
		struct rwkvc_ctx ctx = { 0 };
		rwkvc_tokenizer_t *tok = NULL;
		rwkvc_tokenizer_stream_t *s = NULL;
		const char *v = "1 'a' 1\n2 'ab' 2\n3 'abc' 3\n4 b'\\xff' 1\n";
		test_write_file(test_tmp_path("vocab.txt"), v, strlen(v));
		fault_alloc_arm(k);
		enum rwkvc_status st = rwkvc_tokenizer_load(&ctx, test_tmp_path("vocab.txt"), &tok);
		if (!st)
			st = rwkvc_tokenizer_stream_create(tok, &s);
		fault_alloc_arm(0);
		rwkvc_tokenizer_stream_destroy(s);
		rwkvc_tokenizer_destroy(tok);
		if (st == RWKVC_STATUS_OK)
			break;
		assert_int_equal(st, RWKVC_STATUS_NO_MEMORY);
		assert_non_null(strstr(ctx.err.msg, "out of memory"));
		failures++;
	}
	assert_true(failures >= 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_cases),
		cmocka_unit_test(test_greedy_matches_naive_oracle_and_round_trips),
		cmocka_unit_test(test_round_trip_of_random_bytes),
		cmocka_unit_test(test_encode_reports_short_buffer_and_bad_text),
		cmocka_unit_test(test_decode_rejects_bad_ids_and_short_buffer),
		cmocka_unit_test(test_stream_holds_back_split_characters),
		cmocka_unit_test(test_stream_chunks_are_whole_characters),
		cmocka_unit_test(test_utf8_incomplete_tail_bounds),
		cmocka_unit_test(test_small_vocab_escapes_gaps_and_order),
		cmocka_unit_test(test_malformed_vocab_files_are_refused),
		cmocka_unit_test(test_allocation_failures_are_clean),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
