/* vocab.c - parsing the vocabulary file, one checked line at a time; see vocab.h. */
#include "vocab.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "base/utf8.h"

/* One line being read. Token bytes go to `out`, which has room for the whole
 * line: no escape is shorter than what it stands for. */
struct line_reader {
	struct err *e;
	const char *what;
	uint32_t line;
	const char *p, *end; /* the rest of the line, newline excluded */
	uint8_t *out;
	size_t n;     /* bytes in `out` so far, this line's and earlier lines' */
	size_t start; /* where this line's token starts in `out` */
};

/* One parsed line, kept until every line has been read and the tables can be sized. */
struct entry {
	int32_t id;
	uint32_t line, offset, len;
};

static enum rwkvc_status fail(struct line_reader *r, const char *fmt, ...) ERR_PRINTF(2, 3);
static enum rwkvc_status fail(struct line_reader *r, const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(r->e, RWKVC_STATUS_BAD_FORMAT, "%s:%u: %s", r->what, r->line, msg);
}

/* A decimal number of at most `max`; `name` says what was expected, for messages. */
static enum rwkvc_status read_uint(struct line_reader *r, const char *name, uint64_t max,
				   uint64_t *out)
{
	const char *start = r->p;
	uint64_t v = 0;
	while (r->p < r->end && *r->p >= '0' && *r->p <= '9') {
		v = v * 10 + (uint64_t)(*r->p++ - '0');
		if (v > max)
			return fail(r, "number too large for %s (at most %llu)", name,
				    (unsigned long long)max);
	}
	if (r->p == start)
		return fail(r, "expected %s, found %s", name,
			    r->p == r->end ? "the end of the line" : "other text");
	*out = v;
	return RWKVC_STATUS_OK;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The `digits` hex digits of a \x, \u or \U escape. */
static enum rwkvc_status read_hex(struct line_reader *r, char kind, int digits, uint32_t *out)
{
	uint32_t v = 0;
	for (int i = 0; i < digits; i++) {
		int d = r->p < r->end ? hex_value(*r->p) : -1;
		if (d < 0)
			return fail(r, "\\%c escape needs %d hex digits", kind, digits);
		v = v << 4 | (uint32_t)d;
		r->p++;
	}
	*out = v;
	return RWKVC_STATUS_OK;
}

/* A code point from a str literal's escape, written as UTF-8. */
static enum rwkvc_status put_code_point(struct line_reader *r, uint32_t cp)
{
	if (cp >= 0xd800 && cp <= 0xdfff)
		return fail(r, "escape U+%04X is a lone surrogate, which has no UTF-8 form", cp);
	if (cp > 0x10ffff)
		return fail(r, "escape U+%X is past U+10FFFF", cp);
	r->n += utf8_encode(cp, (char *)r->out + r->n);
	return RWKVC_STATUS_OK;
}

/* The escape after a backslash. In a str literal \x, \u and \U name code
 * points; in a bytes literal \x is one raw byte and \u, \U are not escapes. */
static enum rwkvc_status read_escape(struct line_reader *r, int is_bytes)
{
	static const char simple_from[] = "\\'\"ntrabfv";
	static const char simple_to[] = "\\'\"\n\t\r\a\b\f\v";
	if (r->p == r->end)
		return fail(r, "the literal has no closing quote");
	char c = *r->p++;
	const char *s = strchr(simple_from, c);
	if (s && c) {
		r->out[r->n++] = (uint8_t)simple_to[s - simple_from];
		return RWKVC_STATUS_OK;
	}
	uint32_t v = 0;
	switch (c) {
	case 'x':
		TRY(read_hex(r, c, 2, &v));
		if (is_bytes) {
			r->out[r->n++] = (uint8_t)v;
			return RWKVC_STATUS_OK;
		}
		return put_code_point(r, v);
	case 'u':
	case 'U':
		if (is_bytes)
			return fail(r, "\\%c is not an escape in a bytes literal", c);
		TRY(read_hex(r, c, c == 'u' ? 4 : 8, &v));
		return put_code_point(r, v);
	default:
		return fail(r, "unknown escape '\\%c'", c);
	}
}

/* Plain (unescaped) text inside a literal: a bytes literal allows only ASCII;
 * a str literal's text is the file's own UTF-8, which must be valid. */
static enum rwkvc_status read_plain(struct line_reader *r, int is_bytes)
{
	uint8_t c = (uint8_t)*r->p;
	if (c < 0x20 && c != '\t')
		return fail(r, "control byte 0x%02x inside the literal (it needs an escape)", c);
	if (c < 0x80) {
		r->out[r->n++] = c;
		r->p++;
		return RWKVC_STATUS_OK;
	}
	if (is_bytes)
		return fail(r, "non-ASCII byte 0x%02x in a bytes literal", c);
	size_t len = utf8_char_len((const uint8_t *)r->p, (size_t)(r->end - r->p));
	if (len == 0)
		return fail(r, "invalid UTF-8 (byte 0x%02x) inside the literal", c);
	memcpy(r->out + r->n, r->p, len);
	r->n += len;
	r->p += len;
	return RWKVC_STATUS_OK;
}

/* A Python str or bytes literal; its bytes are appended to r->out. */
static enum rwkvc_status read_literal(struct line_reader *r)
{
	int is_bytes = r->p < r->end && (*r->p == 'b' || *r->p == 'B');
	if (is_bytes)
		r->p++;
	if (r->p == r->end || (*r->p != '\'' && *r->p != '"'))
		return fail(r, "expected a quoted literal ('...', \"...\" or b'...') after the id");
	char quote = *r->p++;
	for (;;) {
		if (r->p == r->end)
			return fail(r, "the literal has no closing quote");
		if (*r->p == quote) {
			r->p++;
			return RWKVC_STATUS_OK;
		}
		if (*r->p == '\\') {
			r->p++;
			TRY(read_escape(r, is_bytes));
		} else {
			TRY(read_plain(r, is_bytes));
		}
	}
}

static enum rwkvc_status expect_space(struct line_reader *r, const char *after)
{
	if (r->p == r->end)
		return fail(r, "the line ends after the %s", after);
	if (*r->p != ' ')
		return fail(r, "expected one space after the %s", after);
	r->p++;
	return RWKVC_STATUS_OK;
}

/* `<id> <literal> <byte length>`: the token's bytes go to r->out[0..r->n). */
static enum rwkvc_status read_line(struct line_reader *r, int32_t *out_id)
{
	uint64_t id, declared;
	TRY(read_uint(r, "an id", VOCAB_MAX_ID, &id));
	if (id == 0)
		return fail(r, "id 0 is reserved for <|endoftext|> and cannot have a line");
	TRY(expect_space(r, "id"));
	TRY(read_literal(r));
	TRY(expect_space(r, "literal"));
	TRY(read_uint(r, "the byte length", UINT32_MAX, &declared));
	if (r->p != r->end)
		return fail(r, "unexpected text after the byte length");
	if (declared != r->n - r->start)
		return fail(r, "the line says %llu bytes but the literal has %zu",
			    (unsigned long long)declared, r->n - r->start);
	if (r->n == r->start)
		return fail(r, "empty token");
	*out_id = (int32_t)id;
	return RWKVC_STATUS_OK;
}

/* Reads every line into `entries`, token bytes into `pool`; *out_max_id is the largest id. */
static enum rwkvc_status read_lines(struct err *e, const char *what, const char *text,
				    size_t size, uint8_t *pool, struct entry **entries,
				    size_t *n_entries, int32_t *out_max_id)
{
	struct line_reader r = { .e = e, .what = what, .out = pool };
	size_t cap = 0;
	const char *p = text, *end = text + size;
	*out_max_id = 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		r.line++;
		r.p = p;
		r.end = eol > p && eol[-1] == '\r' ? eol - 1 : eol;
		r.start = r.n;
		int32_t id = 0;
		TRY(read_line(&r, &id));
		TRY(mem_grow(e, (void **)entries, &cap, *n_entries + 1, sizeof **entries,
			     "vocabulary lines"));
		(*entries)[(*n_entries)++] = (struct entry){ id, r.line, (uint32_t)r.start,
							     (uint32_t)(r.n - r.start) };
		if (id > *out_max_id)
			*out_max_id = id;
		p = eol < end ? eol + 1 : end;
	}
	return RWKVC_STATUS_OK;
}

/* Puts each entry at its id; a second line for one id is an error naming both lines. */
static enum rwkvc_status index_entries(struct err *e, const char *what,
				       const struct entry *entries, size_t n, struct vocab *v)
{
	for (size_t i = 0; i < n; i++) {
		const struct entry *en = &entries[i];
		if (v->len[en->id]) {
			uint32_t first = 0;
			for (size_t j = 0; j < i && !first; j++)
				if (entries[j].id == en->id)
					first = entries[j].line;
			return err_set(e, RWKVC_STATUS_BAD_FORMAT,
				       "%s:%u: id %d appears again (first on line %u)", what,
				       en->line, en->id, first);
		}
		v->offset[en->id] = en->offset;
		v->len[en->id] = en->len;
		if (en->len > v->max_len)
			v->max_len = en->len;
	}
	v->n_tokens = (int32_t)n;
	return RWKVC_STATUS_OK;
}

/* The pool was sized for the whole file; tokens use about a third of it. */
static enum rwkvc_status keep_used_bytes(struct err *e, struct vocab *v,
					 const struct entry *entries, size_t n)
{
	const struct entry *last = &entries[n - 1];
	size_t used = (size_t)last->offset + last->len;
	uint8_t *bytes = mem_alloc(e, used, "vocabulary bytes");
	if (!bytes)
		return e->status;
	memcpy(bytes, v->bytes, used);
	mem_free(v->bytes);
	v->bytes = bytes;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vocab_parse(struct err *e, const char *what, const char *text, size_t size,
			      struct vocab *out)
{
	memset(out, 0, sizeof *out);
	if (size > UINT32_MAX)
		return err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: %zu bytes is too large for a "
			       "vocabulary (at most 4 GiB)", what, size);
	struct vocab v = { 0 };
	struct entry *entries = NULL;
	size_t n_entries = 0;
	int32_t max_id;
	enum rwkvc_status st;
	v.bytes = mem_alloc(e, size, "vocabulary bytes");
	if (!v.bytes)
		return e->status;
	TRY_GOTO(st, read_lines(e, what, text, size, v.bytes, &entries, &n_entries, &max_id),
		 undo);
	if (n_entries == 0) {
		st = err_set(e, RWKVC_STATUS_BAD_FORMAT, "%s: no tokens in the file", what);
		goto undo;
	}
	v.size = max_id + 1;
	v.offset = mem_calloc(e, (size_t)v.size, sizeof *v.offset, "vocabulary offsets");
	v.len = v.offset ? mem_calloc(e, (size_t)v.size, sizeof *v.len, "vocabulary lengths") : NULL;
	if (!v.len) {
		st = e->status;
		goto undo;
	}
	TRY_GOTO(st, index_entries(e, what, entries, n_entries, &v), undo);
	TRY_GOTO(st, keep_used_bytes(e, &v, entries, n_entries), undo);
	mem_free(entries);
	*out = v;
	return RWKVC_STATUS_OK;
undo:
	mem_free(entries);
	vocab_free(&v);
	return st;
}

void vocab_free(struct vocab *v)
{
	mem_free(v->offset);
	mem_free(v->len);
	mem_free(v->bytes);
	memset(v, 0, sizeof *v);
}
