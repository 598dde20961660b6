/* strbuf.c - see strbuf.h. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"

void strbuf_init(struct strbuf *b, struct err *e)
{
	memset(b, 0, sizeof *b);
	b->err = e;
}

static int reserve(struct strbuf *b, size_t extra)
{
	if (b->status)
		return 0;
	if (mem_grow(b->err, (void **)&b->data, &b->cap, b->len + extra + 1, 1, "text buffer")) {
		b->status = b->err->status;
		return 0;
	}
	return 1;
}

void strbuf_append_n(struct strbuf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void strbuf_append(struct strbuf *b, const char *s) { strbuf_append_n(b, s, strlen(s)); }

void strbuf_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *strbuf_str(const struct strbuf *b) { return b->data ? b->data : ""; }

enum rwkvc_status strbuf_status(const struct strbuf *b) { return b->status; }

char *strbuf_take(struct strbuf *b)
{
	char *d = b->data;
	struct err *e = b->err;
	strbuf_init(b, e);
	return d;
}

void strbuf_free(struct strbuf *b)
{
	mem_free(b->data);
	strbuf_init(b, b->err);
}
