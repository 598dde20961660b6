/* mem.c - counted host allocation and arenas; see mem.h. */
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"

static enum rwkvc_status oom(struct err *e, size_t size, const char *what)
{
	return err_set(e, RWKVC_STATUS_NO_MEMORY, "out of memory: %zu bytes for %s", size,
		       what ? what : "?");
}

void *mem_alloc(struct err *e, size_t size, const char *what)
{
	void *p = fault_alloc_should_fail() ? NULL : malloc(size ? size : 1);
	if (!p)
		oom(e, size, what);
	return p;
}

void *mem_calloc(struct err *e, size_t count, size_t size, const char *what)
{
	if (size && count > SIZE_MAX / size) {
		err_set(e, RWKVC_STATUS_NO_MEMORY, "out of memory: %zu x %zu bytes for %s overflow",
			count, size, what ? what : "?");
		return NULL;
	}
	void *p = fault_alloc_should_fail() ? NULL : calloc(count ? count : 1, size ? size : 1);
	if (!p)
		oom(e, count * size, what);
	return p;
}

void *mem_realloc(struct err *e, void *p, size_t size, const char *what)
{
	void *q = fault_alloc_should_fail() ? NULL : realloc(p, size ? size : 1);
	if (!q)
		oom(e, size, what);
	return q;
}

char *mem_strdup(struct err *e, const char *s, const char *what)
{
	size_t n = strlen(s) + 1;
	char *d = mem_alloc(e, n, what);
	if (d)
		memcpy(d, s, n);
	return d;
}

void mem_free(void *p) { free(p); }

enum rwkvc_status mem_grow(struct err *e, void **items, size_t *cap, size_t need,
			   size_t item_size, const char *what)
{
	if (need <= *cap)
		return RWKVC_STATUS_OK;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / item_size)
		return oom(e, SIZE_MAX, what);
	void *q = mem_realloc(e, *items, n * item_size, what);
	if (!q)
		return e->status;
	*items = q;
	*cap = n;
	return RWKVC_STATUS_OK;
}

/* ---- arenas ---- */

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

enum { ARENA_BLOCK_MIN = 64 * 1024 };

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used_total = 0;
}

void *arena_alloc(struct arena *a, struct err *e, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t bs = size > ARENA_BLOCK_MIN ? size : ARENA_BLOCK_MIN;
		b = mem_alloc(e, sizeof *b + bs, "arena block");
		if (!b)
			return NULL;
		b->next = a->head;
		b->size = bs;
		b->used = 0;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	a->used_total += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *a, struct err *e, const char *s, size_t n)
{
	char *d = arena_alloc(a, e, n + 1);
	if (d)
		memcpy(d, s, n);
	return d;
}

char *arena_strdup(struct arena *a, struct err *e, const char *s)
{
	return arena_strndup(a, e, s, strlen(s));
}

void arena_destroy(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used_total = 0;
}
