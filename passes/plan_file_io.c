/* plan_file_io.c - little-endian primitives of the plan file (see plan_file_internal.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "plan_file_internal.h"

/* ---- writing ---- */

static void put_le(struct strbuf *b, uint64_t v, int bytes)
{
	char buf[8];
	for (int i = 0; i < bytes; i++)
		buf[i] = (char)(v >> (8 * i));
	strbuf_append_n(b, buf, (size_t)bytes);
}

void pf_put_u8(struct strbuf *b, uint8_t v) { put_le(b, v, 1); }
void pf_put_u32(struct strbuf *b, uint32_t v) { put_le(b, v, 4); }
void pf_put_u64(struct strbuf *b, uint64_t v) { put_le(b, v, 8); }
void pf_put_i64(struct strbuf *b, int64_t v) { put_le(b, (uint64_t)v, 8); }

void pf_put_f64(struct strbuf *b, double v)
{
	uint64_t u;
	memcpy(&u, &v, sizeof u);
	put_le(b, u, 8);
}

void pf_put_str(struct strbuf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	pf_put_u32(b, (uint32_t)n);
	if (n)
		strbuf_append_n(b, s, n);
}

/* ---- reading ---- */

enum rwkvc_status pf_fail(struct pf_reader *r, const char *fmt, ...)
{
	if (r->st)
		return r->st;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->st = err_set(r->e, RWKVC_STATUS_BAD_FORMAT, "%s: section '%s' (byte %zu): %s", r->what, r->tag,
			r->base + r->at, msg);
	return r->st;
}

static uint64_t get_le(struct pf_reader *r, int bytes)
{
	if (r->st)
		return 0;
	if (r->n - r->at < (size_t)bytes) {
		pf_fail(r, "runs past the end of the section (%d more bytes needed, %zu left)", bytes, r->n - r->at);
		return 0;
	}
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++)
		v |= (uint64_t)r->p[r->at + (size_t)i] << (8 * i);
	r->at += (size_t)bytes;
	return v;
}

uint8_t pf_u8(struct pf_reader *r) { return (uint8_t)get_le(r, 1); }
uint32_t pf_u32(struct pf_reader *r) { return (uint32_t)get_le(r, 4); }
uint64_t pf_u64(struct pf_reader *r) { return get_le(r, 8); }
int64_t pf_i64(struct pf_reader *r) { return (int64_t)get_le(r, 8); }
int32_t pf_i32(struct pf_reader *r) { return (int32_t)(uint32_t)get_le(r, 4); }

double pf_f64(struct pf_reader *r)
{
	uint64_t u = get_le(r, 8);
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

bool pf_bool(struct pf_reader *r)
{
	uint8_t v = pf_u8(r);
	if (v > 1)
		pf_fail(r, "a flag holds %u (0 or 1 expected)", v);
	return v == 1;
}

const char *pf_str(struct pf_reader *r)
{
	uint32_t n = pf_u32(r);
	if (r->st)
		return "";
	if (r->n - r->at < n) {
		pf_fail(r, "a string of %u bytes runs past the end of the section (%zu left)", n, r->n - r->at);
		return "";
	}
	char *s = arena_strndup(r->arena, r->e, (const char *)r->p + r->at, n);
	if (!s) {
		r->st = r->e->status;
		return "";
	}
	if (strlen(s) != n) {
		pf_fail(r, "a string holds a NUL byte");
		return "";
	}
	r->at += n;
	return s;
}

uint32_t pf_count(struct pf_reader *r, size_t item_bytes, uint64_t max, const char *what)
{
	uint32_t n = pf_u32(r);
	if (r->st)
		return 0;
	if (n > max) {
		pf_fail(r, "%u %s (at most %llu)", n, what, (unsigned long long)max);
		return 0;
	}
	if (item_bytes && (uint64_t)n * item_bytes > r->n - r->at) {
		pf_fail(r, "%u %s run past the end of the section (%zu bytes left)", n, what, r->n - r->at);
		return 0;
	}
	return n;
}

uint32_t pf_enum(struct pf_reader *r, uint32_t limit, const char *what)
{
	uint32_t v = pf_u32(r);
	if (!r->st && v >= limit)
		pf_fail(r, "%s %u is out of range (below %u expected)", what, v, limit);
	return r->st ? 0 : v;
}

int32_t pf_tensor(struct pf_reader *r, const struct graph *g, const char *what)
{
	const char *name = pf_str(r);
	if (r->st)
		return -1;
	int32_t t = graph_find(g, name);
	if (t < 0)
		pf_fail(r, "%s names tensor '%s', which the plan's graph does not have", what, name);
	return r->st ? -1 : t;
}
