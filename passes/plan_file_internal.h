/* plan_file_internal.h - what plan_file.c and plan_file_sections.c share:
 * little-endian writing into a strbuf, and a bounds-checked reader. */
#ifndef RWKVC_PASSES_PLAN_FILE_INTERNAL_H
#define RWKVC_PASSES_PLAN_FILE_INTERNAL_H

#include "plan_file.h"

/* ---- writing (a failed allocation is sticky in the strbuf) ---- */

void pf_put_u8(struct strbuf *b, uint8_t v);
void pf_put_u32(struct strbuf *b, uint32_t v);
void pf_put_u64(struct strbuf *b, uint64_t v);
void pf_put_i64(struct strbuf *b, int64_t v);
void pf_put_f64(struct strbuf *b, double v);
void pf_put_str(struct strbuf *b, const char *s); /* NULL writes "" */

/* ---- reading ---- */

/* One section's payload. The first failure is kept in `st` (and e); every
 * read after it returns zeros, so parsers check once per item. */
struct pf_reader {
	struct err *e;
	const char *what;    /* the file, for messages */
	char tag[5];         /* the section */
	const uint8_t *p;
	size_t n, at;
	size_t base;         /* the payload's offset in the file */
	enum rwkvc_status st;
	struct arena *arena; /* where strings go */
};

/* BAD_FORMAT "what: section 'KERN' (byte N): <message>"; returns the status. */
enum rwkvc_status pf_fail(struct pf_reader *r, const char *fmt, ...) ERR_PRINTF(2, 3);
uint8_t pf_u8(struct pf_reader *r);
uint32_t pf_u32(struct pf_reader *r);
uint64_t pf_u64(struct pf_reader *r);
int64_t pf_i64(struct pf_reader *r);
int32_t pf_i32(struct pf_reader *r);
double pf_f64(struct pf_reader *r);
bool pf_bool(struct pf_reader *r);
/* A string copied into r->arena, NUL-terminated ("" on failure). */
const char *pf_str(struct pf_reader *r);
/* A count of items of at least `item_bytes` each: fails when that many
 * cannot fit in what is left of the section or exceed `max`. */
uint32_t pf_count(struct pf_reader *r, size_t item_bytes, uint64_t max, const char *what);
/* An enum value below `limit`, else a failure naming `what`. */
uint32_t pf_enum(struct pf_reader *r, uint32_t limit, const char *what);
/* A tensor by name: its index in the rebuilt graph, else a failure. */
int32_t pf_tensor(struct pf_reader *r, const struct graph *g, const char *what);

/* ---- sections (plan_file_sections.c) ---- */

void pf_write_kernels(struct strbuf *b, const struct plan *p);
void pf_write_buffers(struct strbuf *b, const struct plan *p);
void pf_write_copies(struct strbuf *b, const struct plan *p);
void pf_write_code(struct strbuf *b, const struct plan_code *c, int32_t n_kernels);

/* p must be plan_init'ed on the rebuilt graph, with t_max, act, weight set. */
enum rwkvc_status pf_read_kernels(struct pf_reader *r, struct plan *p);
enum rwkvc_status pf_read_buffers(struct pf_reader *r, struct plan *p);
enum rwkvc_status pf_read_copies(struct pf_reader *r, struct plan *p);
enum rwkvc_status pf_read_code(struct pf_reader *r, struct plan_code *c, int32_t n_kernels);

/* kernel_desc field by field (plan_file_desc.c). */
void pf_write_desc(struct strbuf *b, const struct kernel_desc *d);
enum rwkvc_status pf_read_desc(struct pf_reader *r, struct kernel_desc *d);

#endif
