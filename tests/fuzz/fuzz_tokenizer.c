/* fuzz_tokenizer.c - encoding and decoding. The input is a vocabulary, a NUL
 * byte, then a text: the text is encoded and decoded back (which must give it
 * unchanged), read as a list of int32 ids and decoded (out-of-range ids must
 * be refused), and those ids fed through the public streaming decoder (whose
 * output, flush included, must equal the plain decode; the stream's own rule,
 * that a piece never ends in a character that could still be completed, is
 * not checked here: a later byte may have made it incompletable). */
#define _GNU_SOURCE /* memfd_create */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "runtime/tokenizer.h"

static void check_round_trip(const struct tokenizer *t, const uint8_t *text, size_t len)
{
	struct err e = { 0 };
	size_t n;
	enum rwkvc_status st = tokenizer_encode(&e, t, text, len, NULL, 0, &n);
	if (st) {
		FUZZ_CHECK(st == RWKVC_STATUS_UNSUPPORTED && e.msg[0]);
		return;
	}
	FUZZ_CHECK(n <= len);
	int32_t *ids = malloc((n ? n : 1) * sizeof *ids); /* exact size: overruns show under ASan */
	size_t n2, back_len;
	FUZZ_CHECK(tokenizer_encode(&e, t, text, len, ids, n, &n2) == RWKVC_STATUS_OK && n2 == n);
	FUZZ_CHECK(tokenizer_decoded_len(&e, t, ids, n, &back_len) == RWKVC_STATUS_OK);
	FUZZ_CHECK(back_len == len);
	char *back = malloc(len ? len : 1);
	tokenizer_decode_checked(t, ids, n, back);
	FUZZ_CHECK(memcmp(back, text, len) == 0);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(ids[i] > 0 && ids[i] < t->vocab.size);
	free(back);
	free(ids);
}

/* The streaming decoder lives behind the public API, which loads from a path:
 * the vocabulary goes to a memory file. Pushes the ids one by one; returns the
 * concatenated output in *out (malloc'd), or NULL when an id was refused. */
static char *stream_decode(const uint8_t *vocab, size_t vocab_len, const int32_t *ids, size_t n,
			   size_t *out_len)
{
	int fd = memfd_create("fuzz.vocab", 0);
	FUZZ_CHECK(fd >= 0);
	FUZZ_CHECK(write(fd, vocab, vocab_len) == (ssize_t)vocab_len);
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	rwkvc_ctx_t *ctx;
	rwkvc_tokenizer_t *tok;
	rwkvc_tokenizer_stream_t *s;
	FUZZ_CHECK(rwkvc_ctx_create(&ctx) == RWKVC_STATUS_OK);
	FUZZ_CHECK(rwkvc_tokenizer_load(ctx, path, &tok) == RWKVC_STATUS_OK);
	close(fd);
	FUZZ_CHECK(rwkvc_tokenizer_stream_create(tok, &s) == RWKVC_STATUS_OK);
	char *all = malloc(vocab_len + 4); /* n tokens of at most max_len bytes fit: see caller */
	size_t total = 0;
	int refused = 0;
	const char *piece;
	size_t len;
	for (size_t i = 0; i < n && !refused; i++) {
		if (rwkvc_tokenizer_stream_push(s, ids[i], &piece, &len)) {
			FUZZ_CHECK(len == 0 && rwkvc_errmsg(ctx)[0]);
			refused = 1;
			break;
		}
		FUZZ_CHECK(piece[len] == '\0');
		memcpy(all + total, piece, len);
		total += len;
	}
	rwkvc_tokenizer_stream_flush(s, &piece, &len);
	FUZZ_CHECK(len <= 3);
	memcpy(all + total, piece, len);
	total += len;
	rwkvc_tokenizer_stream_destroy(s);
	rwkvc_tokenizer_destroy(tok);
	rwkvc_ctx_destroy(ctx);
	*out_len = total;
	if (refused) {
		free(all);
		return NULL;
	}
	return all;
}

/* The text's bytes as int32 ids: any value, in range or not. */
static void check_ids(const struct tokenizer *t, const uint8_t *vocab, size_t vocab_len,
		      const uint8_t *text, size_t len)
{
	size_t n = len / sizeof(int32_t);
	int32_t *ids = malloc((n ? n : 1) * sizeof *ids);
	memcpy(ids, text, n * sizeof *ids);
	struct err e = { 0 };
	size_t out_len;
	enum rwkvc_status st = tokenizer_decoded_len(&e, t, ids, n, &out_len);
	int valid = 1;
	for (size_t i = 0; i < n; i++)
		valid &= ids[i] >= 0 && ids[i] < t->vocab.size && (ids[i] == 0 || t->vocab.len[ids[i]]);
	FUZZ_CHECK(valid == (st == RWKVC_STATUS_OK));
	if (st) {
		FUZZ_CHECK(st == RWKVC_STATUS_BAD_ARGUMENT && e.msg[0]);
	}
	char *out = NULL;
	if (valid) {
		/* every token's bytes came from one line of the vocabulary, hence the bound */
		FUZZ_CHECK(out_len <= n * (size_t)t->vocab.max_len);
		out = malloc(out_len ? out_len : 1);
		tokenizer_decode_checked(t, ids, n, out);
	}
	/* the stream is slow to set up (a second load): only for short lists that fit its buffer */
	if (n <= 64 && n * (size_t)t->vocab.max_len <= vocab_len) {
		size_t s_len;
		char *s_out = stream_decode(vocab, vocab_len, ids, n, &s_len);
		FUZZ_CHECK((s_out != NULL) == valid);
		if (valid)
			FUZZ_CHECK(s_len == out_len && memcmp(s_out, out, out_len) == 0);
		free(s_out);
	}
	free(out);
	free(ids);
}

FUZZ_ENTRY(tokenizer)
{
	size_t cut = fuzz_split(data, size);
	const uint8_t *text = cut < size ? data + cut + 1 : data + size;
	size_t len = cut < size ? size - cut - 1 : 0;
	struct err e = { 0 };
	struct tokenizer t;
	if (tokenizer_build(&e, "fuzz.vocab", (const char *)data, cut, &t))
		return 0;
	check_round_trip(&t, text, len);
	check_ids(&t, data, cut, text, len);
	tokenizer_free(&t);
	return 0;
}
