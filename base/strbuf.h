/*
 * strbuf.h - a growable text buffer for generated source, dumps and messages.
 *
 * A failed allocation is sticky: later appends do nothing and strbuf_status()
 * reports it, so long emitters check once at the end.
 */
#ifndef RWKVC_BASE_STRBUF_H
#define RWKVC_BASE_STRBUF_H

#include <stddef.h>

#include "err.h"

struct strbuf {
	char *data; /* NUL-terminated when len > 0 */
	size_t len, cap;
	struct err *err;
	enum rwkvc_status status;
};

void strbuf_init(struct strbuf *b, struct err *e);
void strbuf_append(struct strbuf *b, const char *s);
void strbuf_append_n(struct strbuf *b, const char *s, size_t n);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) ERR_PRINTF(2, 3);
/* The text so far; "" when empty. */
const char *strbuf_str(const struct strbuf *b);
enum rwkvc_status strbuf_status(const struct strbuf *b);
/* Hands the buffer to the caller (free with mem_free) and resets `b`. */
char *strbuf_take(struct strbuf *b);
void strbuf_free(struct strbuf *b);

#endif
