/*
 * mem.h - host allocation that can fail on purpose, and arenas.
 *
 * All host allocations of the library go through mem_alloc & co. so that a
 * failure becomes a message ("out of memory: 402653184 bytes for weights of
 * blocks.3.att.key.weight") instead of a crash, and so that tests can make
 * the N-th allocation fail: RWKVC_FAIL_ALLOC=N (see fault.h).
 */
#ifndef RWKVC_BASE_MEM_H
#define RWKVC_BASE_MEM_H

#include <stddef.h>

#include "err.h"

/* malloc(size); on failure sets `e` and returns NULL. `what` names the use. */
void *mem_alloc(struct err *e, size_t size, const char *what);
/* calloc(count, size) with overflow check. */
void *mem_calloc(struct err *e, size_t count, size_t size, const char *what);
/* realloc; on failure `p` stays valid and NULL is returned. */
void *mem_realloc(struct err *e, void *p, size_t size, const char *what);
/* strdup through mem_alloc. */
char *mem_strdup(struct err *e, const char *s, const char *what);
void mem_free(void *p);

/* Grows *items (of `item_size` bytes each, *cap slots) so that `need` fit. */
enum rwkvc_status mem_grow(struct err *e, void **items, size_t *cap, size_t need,
			   size_t item_size, const char *what);

/*
 * Arena: bump allocation for memory that dies all at once (a graph, a plan
 * being built). Blocks are chained; arena_destroy frees everything.
 */
struct arena_block;
struct arena {
	struct arena_block *head;
	size_t used_total;
};

void arena_init(struct arena *a);
/* Zeroed, 16-byte aligned memory that lives until arena_destroy. */
void *arena_alloc(struct arena *a, struct err *e, size_t size);
char *arena_strdup(struct arena *a, struct err *e, const char *s);
char *arena_strndup(struct arena *a, struct err *e, const char *s, size_t n);
void arena_destroy(struct arena *a);

#endif
