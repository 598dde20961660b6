/*
 * api_tokenizer.c - the public tokenizer calls of rwkvc.h: argument checks and
 * error messages into the context, over runtime/tokenizer.h; and the UTF-8
 * safe streaming decoder.
 */
#include <assert.h>
#include <string.h>

#include "base/mem.h"
#include "base/utf8.h"
#include "runtime/ctx.h"
#include "runtime/tokenizer.h"

struct rwkvc_tokenizer {
	struct rwkvc_ctx *ctx; /* where the messages of failing calls go */
	struct tokenizer t;
};

struct rwkvc_tokenizer_stream {
	rwkvc_tokenizer_t *tok;
	uint8_t held[3]; /* the start of a character whose other bytes are to come */
	size_t n_held;
	char *buf; /* what the last call returned: held bytes + one token + NUL */
};

enum rwkvc_status rwkvc_tokenizer_load(rwkvc_ctx_t *ctx, const char *vocab_path,
				       rwkvc_tokenizer_t **out_tok)
{
	assert(ctx && vocab_path && out_tok);
	struct err *e = &ctx->err;
	*out_tok = NULL;
	rwkvc_tokenizer_t *tok = mem_calloc(e, 1, sizeof *tok, "tokenizer");
	if (!tok)
		return e->status;
	tok->ctx = ctx;
	enum rwkvc_status st = tokenizer_load(e, vocab_path, &tok->t);
	if (st) {
		mem_free(tok);
		return st;
	}
	*out_tok = tok;
	return RWKVC_STATUS_OK;
}

void rwkvc_tokenizer_destroy(rwkvc_tokenizer_t *tok)
{
	if (!tok)
		return;
	tokenizer_free(&tok->t);
	mem_free(tok);
}

int32_t rwkvc_tokenizer_vocab_size(const rwkvc_tokenizer_t *tok) { return tok->t.vocab.size; }

enum rwkvc_status rwkvc_tokenizer_encode(rwkvc_tokenizer_t *tok, const char *text, size_t len,
					 int32_t *out_ids, size_t cap, size_t *out_n)
{
	struct err *e = &tok->ctx->err;
	*out_n = 0;
	if (!text && len)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "tokenizer encode: text is NULL but "
			       "its length is %zu", len);
	if (!out_ids)
		cap = 0;
	TRY(tokenizer_encode(e, &tok->t, (const uint8_t *)text, len, out_ids, cap, out_n));
	if (out_ids && *out_n > cap)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "tokenizer encode: the text needs %zu "
			       "ids but the output holds %zu", *out_n, cap);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_tokenizer_decode(rwkvc_tokenizer_t *tok, const int32_t *ids, size_t n,
					 char *out, size_t cap, size_t *out_len)
{
	struct err *e = &tok->ctx->err;
	*out_len = 0;
	if (!ids && n)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "tokenizer decode: ids is NULL but "
			       "their count is %zu", n);
	size_t len;
	if (tokenizer_decoded_len(e, &tok->t, ids, n, &len))
		return err_context(e, "tokenizer decode");
	*out_len = len;
	if (!out)
		return RWKVC_STATUS_OK;
	if (len > cap)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "tokenizer decode: the ids decode to "
			       "%zu bytes but the output holds %zu", len, cap);
	tokenizer_decode_checked(&tok->t, ids, n, out);
	if (cap > len)
		out[len] = '\0';
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_tokenizer_token_bytes(rwkvc_tokenizer_t *tok, int32_t id,
					      const char **out_bytes, size_t *out_len)
{
	const uint8_t *bytes;
	*out_len = 0;
	TRY(tokenizer_token(&tok->ctx->err, &tok->t, id, 0, &bytes, out_len));
	*out_bytes = (const char *)bytes;
	return RWKVC_STATUS_OK;
}

/* ---- the streaming decoder ---- */

enum rwkvc_status rwkvc_tokenizer_stream_create(rwkvc_tokenizer_t *tok,
						rwkvc_tokenizer_stream_t **out_stream)
{
	struct err *e = &tok->ctx->err;
	*out_stream = NULL;
	rwkvc_tokenizer_stream_t *s = mem_calloc(e, 1, sizeof *s, "tokenizer stream");
	if (!s)
		return e->status;
	/* sized once for the worst call, so pushing never allocates */
	s->buf = mem_alloc(e, sizeof s->held + tok->t.vocab.max_len + 1, "tokenizer stream");
	if (!s->buf) {
		mem_free(s);
		return e->status;
	}
	s->buf[0] = '\0';
	s->tok = tok;
	*out_stream = s;
	return RWKVC_STATUS_OK;
}

void rwkvc_tokenizer_stream_destroy(rwkvc_tokenizer_stream_t *stream)
{
	if (!stream)
		return;
	mem_free(stream->buf);
	mem_free(stream);
}

enum rwkvc_status rwkvc_tokenizer_stream_push(rwkvc_tokenizer_stream_t *stream, int32_t id,
					      const char **out_text, size_t *out_len)
{
	rwkvc_tokenizer_stream_t *s = stream;
	const uint8_t *bytes;
	size_t len;
	*out_text = "";
	*out_len = 0;
	if (tokenizer_token(&s->tok->ctx->err, &s->tok->t, id, 0, &bytes, &len))
		return err_context(&s->tok->ctx->err, "tokenizer stream");
	uint8_t *buf = (uint8_t *)s->buf;
	memcpy(buf, s->held, s->n_held);
	memcpy(buf + s->n_held, bytes, len);
	size_t total = s->n_held + len;
	size_t keep = utf8_incomplete_tail(buf, total);
	memcpy(s->held, buf + total - keep, keep);
	s->n_held = keep;
	buf[total - keep] = '\0';
	*out_text = s->buf;
	*out_len = total - keep;
	return RWKVC_STATUS_OK;
}

void rwkvc_tokenizer_stream_flush(rwkvc_tokenizer_stream_t *stream, const char **out_text,
				  size_t *out_len)
{
	memcpy(stream->buf, stream->held, stream->n_held);
	stream->buf[stream->n_held] = '\0';
	*out_text = stream->buf;
	*out_len = stream->n_held;
	stream->n_held = 0;
}
