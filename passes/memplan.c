/*
 * memplan.c - where every tensor lives.
 *
 * Weights are laid out one after another in their storage type; the state
 * follows the flat state layout of the public API (slot-major, then layer),
 * in f32. Activations share one arena: each gets the interval of kernels that
 * touch it, and tensors whose intervals do not overlap may share bytes. An
 * elementwise kernel whose full-size input dies there writes its result in
 * place of that input. Offsets are chosen greedily, biggest tensor first,
 * each at the lowest offset that collides with no placed tensor alive at the
 * same time (the "greedy by size" planners of TFLite and XNNPACK do the same).
 */
#include "lower.h"

#include <stdlib.h>

#include "base/mem.h"

static uint64_t round_up(uint64_t x, uint64_t a) { return (x + a - 1) / a * a; }

uint64_t plan_tensor_bytes(const struct plan *p, int32_t t, int64_t T)
{
	const struct tensor *tn = &p->g->tensors[t];
	uint64_t n = (uint64_t)shape_numel(p->g, &tn->shape, T);
	size_t b = dtype_bytes(p->place[t].dtype, n);
	return b ? b : n * 4; /* a type that does not divide: the caller refuses it */
}

/* First and last kernel that touch each tensor. */
static void liveness(struct plan *p)
{
	for (int32_t t = 0; t < p->g->n_tensors; t++)
		p->place[t].first = p->place[t].last = -1;
	for (int32_t k = 0; k < p->n_kernels; k++) {
		for (int b = 0; b < p->kernels[k].n_bind; b++) {
			struct plan_place *pl = &p->place[p->kernels[k].bind[b]];
			if (pl->first < 0)
				pl->first = k;
			pl->last = k;
		}
	}
	/* state copies and the output readback happen after the last kernel */
	for (int32_t c = 0; c < p->n_copies; c++)
		p->place[p->copies[c].from].last = p->n_kernels;
	for (int o = 0; o < p->g->n_outputs; o++)
		p->place[p->g->outputs[o]].last = p->n_kernels;
}

/* The tensor whose place t shares (following aliases). */
static int32_t home(const struct plan *p, int32_t t)
{
	while (p->place[t].alias >= 0)
		t = p->place[t].alias;
	return t;
}

/* In-place elementwise results: the output takes the place of a full-size input that dies here. */
/* Whether a kernel other than k in k's barrier interval binds tensor t (then
 * writing over t in k would race with it). */
static bool shared_in_interval(const struct plan *p, const int32_t *interval, int32_t k, int32_t t)
{
	for (int32_t j = 0; interval && j < p->n_kernels; j++) {
		if (j == k || interval[j] != interval[k])
			continue;
		for (int b = 0; b < p->kernels[j].n_bind; b++)
			if (p->kernels[j].bind[b] == t)
				return true;
	}
	return false;
}

static void alias_in_place(struct plan *p, const int32_t *interval)
{
	const struct graph *g = p->g;
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		if (pk->desc.kind != KERNEL_ELEMENTWISE)
			continue;
		int32_t out = pk->bind[pk->n_bind - 1];
		struct plan_place *po = &p->place[out];
		if (po->kind != PLACE_ACT || po->alias >= 0 || po->last >= p->n_kernels)
			continue;
		for (int i = 0; i < pk->desc.ew.n_in; i++) {
			int32_t in = pk->bind[i];
			const struct plan_place *pi = &p->place[home(p, in)];
			if (pk->desc.ew.bcast[i] != EW_FULL || p->place[in].kind != PLACE_ACT || pi->kind != PLACE_ACT ||
			    p->place[in].last != k || p->place[in].dtype != po->dtype ||
			    shape_numel(g, &g->tensors[in].shape, 1) != shape_numel(g, &g->tensors[out].shape, 1) ||
			    shared_in_interval(p, interval, k, in))
				continue;
			po->alias = in;
			break;
		}
	}
}

struct interval {
	int32_t t;
	int32_t first, last;
	uint64_t bytes, offset;
};

static int by_size_desc(const void *a, const void *b)
{
	const struct interval *x = a, *y = b;
	if (x->bytes != y->bytes)
		return x->bytes < y->bytes ? 1 : -1;
	return x->t - y->t;
}

static int by_offset(const void *a, const void *b)
{
	const struct interval *x = *(const struct interval *const *)a, *y = *(const struct interval *const *)b;
	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Greedy by size: each interval at the lowest offset free for its whole lifetime.
 * Without reuse, every interval gets bytes of its own (the naive plan). */
static enum rwkvc_status place_intervals(struct err *e, struct interval *iv, size_t n, uint64_t align, bool reuse,
					 uint64_t *out_bytes)
{
	qsort(iv, n, sizeof *iv, by_size_desc);
	if (!reuse) {
		uint64_t at = 0;
		for (size_t i = 0; i < n; i++) {
			iv[i].offset = at;
			at = round_up(at + iv[i].bytes, align);
		}
		*out_bytes = at;
		return RWKVC_STATUS_OK;
	}
	struct interval **live = mem_calloc(e, n + 1, sizeof *live, "memory plan");
	if (!live)
		return e->status;
	uint64_t top = 0;
	for (size_t i = 0; i < n; i++) {
		size_t m = 0;
		for (size_t j = 0; j < i; j++)
			if (iv[j].first <= iv[i].last && iv[i].first <= iv[j].last)
				live[m++] = &iv[j];
		qsort(live, m, sizeof *live, by_offset);
		uint64_t at = 0;
		for (size_t j = 0; j < m; j++) {
			if (at + iv[i].bytes <= live[j]->offset)
				break;
			uint64_t end = round_up(live[j]->offset + live[j]->bytes, align);
			at = end > at ? end : at;
		}
		iv[i].offset = at;
		top = round_up(at + iv[i].bytes, align) > top ? round_up(at + iv[i].bytes, align) : top;
	}
	mem_free(live);
	*out_bytes = top;
	return RWKVC_STATUS_OK;
}

/* A kernel's position in time: its barrier interval when given, else its index.
 * Uses after the last kernel (state copies, the output readback) come later still. */
static int32_t when(const struct plan *p, const int32_t *interval, int32_t k)
{
	if (!interval || k < 0 || !p->n_kernels)
		return k;
	return k >= p->n_kernels ? interval[p->n_kernels - 1] + 1 : interval[k];
}

static enum rwkvc_status place_activations(struct err *e, struct plan *p, const struct memplan_options *o)
{
	const struct graph *g = p->g;
	struct interval *iv = mem_calloc(e, (size_t)g->n_tensors + 1, sizeof *iv, "memory plan");
	int32_t *slot = mem_alloc(e, ((size_t)g->n_tensors + 1) * sizeof *slot, "memory plan");
	if (!iv || !slot) {
		mem_free(iv);
		mem_free(slot);
		return e->status;
	}
	size_t n = 0;
	p->act_bytes_naive = 0;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		slot[t] = -1;
		struct plan_place *pl = &p->place[t];
		/* a value written in place of a state lives in the state buffer (so
		 * memplan gives the same result when run again) */
		if (pl->kind != PLACE_ACT || p->place[home(p, t)].kind != PLACE_ACT)
			continue;
		pl->bytes = plan_tensor_bytes(p, t, p->t_max);
		if (pl->first < 0) /* made and used inside one fused kernel: never in memory */
			continue;
		p->act_bytes_naive += round_up(pl->bytes, o->align);
		if (pl->alias >= 0)
			continue;
		slot[t] = (int32_t)n;
		iv[n++] = (struct interval){ t, when(p, o->interval, pl->first), when(p, o->interval, pl->last), pl->bytes, 0 };
	}
	/* an alias extends the lifetime of the place it shares */
	for (int32_t t = 0; t < g->n_tensors; t++) {
		int32_t h = home(p, t);
		if (h == t || p->place[t].kind != PLACE_ACT || slot[h] < 0)
			continue;
		struct interval *x = &iv[slot[h]];
		int32_t last = when(p, o->interval, p->place[t].last);
		x->last = last > x->last ? last : x->last;
		x->bytes = p->place[t].bytes > x->bytes ? p->place[t].bytes : x->bytes;
	}
	enum rwkvc_status st = place_intervals(e, iv, n, o->align, o->reuse, &p->act_bytes);
	for (size_t i = 0; i < n && !st; i++)
		p->place[iv[i].t].offset = iv[i].offset;
	mem_free(iv);
	mem_free(slot);
	return st;
}

enum rwkvc_status plan_memplan_with(struct err *e, struct plan *p, const struct memplan_options *o)
{
	const struct graph *g = p->g;
	uint64_t align = o->align;
	p->weight_bytes = p->act_bytes = p->act_bytes_naive = p->state_bytes = 0;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		struct plan_place *pl = &p->place[t];
		if (pl->kind == PLACE_WEIGHT) {
			if (!dtype_bytes(pl->dtype, (uint64_t)shape_numel(g, &g->tensors[t].shape, 1)))
				return err_set(e, RWKVC_STATUS_UNSUPPORTED, "weight '%s' cannot be stored as %s: its size is "
					       "not a whole number of blocks", g->tensors[t].name, dtype_name(pl->dtype));
			pl->offset = p->weight_bytes;
			pl->bytes = plan_tensor_bytes(p, t, p->t_max);
			p->weight_bytes = round_up(p->weight_bytes + pl->bytes, align);
		} else if (pl->kind == PLACE_TOKENS) {
			pl->offset = 0;
			pl->bytes = (uint64_t)p->t_max * 4;
		}
	}
	/* the state: slot-major, then layer, as rwkvc_state_get() returns it */
	for (int s = 0; s < g->n_states; s++) {
		for (int l = 0; l < g->n_layers; l++) {
			struct plan_place *pl = &p->place[g->states[s].read[l]];
			pl->offset = p->state_bytes;
			pl->bytes = (uint64_t)shape_numel(g, &g->states[s].shape, 1) * 4;
			p->state_bytes += pl->bytes;
		}
	}
	liveness(p);
	if (o->reuse)
		alias_in_place(p, o->interval);
	TRY(place_activations(e, p, o));
	/* aliases live where their home lives (a state written in place, an in-place result) */
	for (int32_t t = 0; t < g->n_tensors; t++) {
		struct plan_place *pl = &p->place[t];
		if (pl->alias < 0)
			continue;
		const struct plan_place *to = &p->place[home(p, t)];
		pl->kind = to->kind;
		pl->offset = to->offset;
		if (pl->kind != PLACE_ACT)
			pl->bytes = to->bytes;
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status plan_memplan(struct err *e, struct plan *p, uint64_t align)
{
	struct memplan_options o = { align, true, NULL };
	return plan_memplan_with(e, p, &o);
}
