/*
 * schedule.c - barriers only where data flows.
 *
 * Walking the kernels in order, we keep the byte ranges written and read
 * since the last barrier. A kernel needs a barrier before it when it reads a
 * range written since then (read after write) or writes a range read or
 * written since then (write after read / write). Weights are never written,
 * so they never force one. Independent kernels therefore share an interval
 * and may run concurrently on the GPU.
 */
#include "lower.h"

#include "base/mem.h"

struct range {
	enum place_kind kind;
	uint64_t lo, hi;
};

struct range_set {
	struct range *r;
	size_t n, cap;
};

static bool overlaps(const struct range_set *s, struct range x)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->r[i].kind == x.kind && s->r[i].lo < x.hi && x.lo < s->r[i].hi)
			return true;
	return false;
}

static enum rwkvc_status add(struct err *e, struct range_set *s, struct range x)
{
	TRY(mem_grow(e, (void **)&s->r, &s->cap, s->n + 1, sizeof *s->r, "schedule"));
	s->r[s->n++] = x;
	return RWKVC_STATUS_OK;
}

static struct range range_of(const struct plan *p, int32_t t)
{
	const struct plan_place *pl = &p->place[t];
	struct range r = { pl->kind, pl->offset, pl->offset + pl->bytes };
	return r;
}

static bool tracked(const struct plan *p, int32_t t)
{
	enum place_kind k = p->place[t].kind;
	return k == PLACE_ACT || k == PLACE_STATE || k == PLACE_TOKENS;
}

enum rwkvc_status plan_schedule(struct err *e, struct plan *p, int32_t *out_barriers)
{
	struct range_set written = { 0 }, read = { 0 };
	enum kernel_role roles[KERNEL_MAX_BINDINGS];
	enum rwkvc_status st = RWKVC_STATUS_OK;
	int32_t barriers = 0;
	for (int32_t k = 0; k < p->n_kernels && !st; k++) {
		struct plan_kernel *pk = &p->kernels[k];
		int n = kernel_bindings(&pk->desc, roles);
		bool hazard = false;
		for (int b = 0; b < n && b < pk->n_bind; b++) {
			if (!tracked(p, pk->bind[b]))
				continue;
			struct range r = range_of(p, pk->bind[b]);
			hazard |= overlaps(&written, r) || (roles[b] == ROLE_OUTPUT && overlaps(&read, r));
		}
		pk->barrier_before = hazard && k > 0;
		if (hazard) {
			written.n = read.n = 0;
			barriers++;
		}
		for (int b = 0; b < n && b < pk->n_bind && !st; b++)
			if (tracked(p, pk->bind[b]))
				st = add(e, roles[b] == ROLE_OUTPUT ? &written : &read, range_of(p, pk->bind[b]));
	}
	mem_free(written.r);
	mem_free(read.r);
	if (out_barriers)
		*out_barriers = barriers;
	return st;
}
