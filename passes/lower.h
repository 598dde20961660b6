/* lower.h - the passes that turn a graph into a runnable plan. */
#ifndef RWKVC_PASSES_LOWER_H
#define RWKVC_PASSES_LOWER_H

#include "fuse.h"
#include "plan.h"

struct lower_options {
	int64_t t_max;      /* largest T per call (the prefill chunk) */
	enum dtype act;     /* activation storage */
	enum dtype weight;  /* weight storage: the default (f32 or f16) */
	enum dtype quant;   /* the matrices' storage as asked (weight_policy.h); DTYPE_COUNT: none */
	const enum dtype *file_dtype; /* [n_tensors]: the weights file's types, or NULL */
};

/* graph -> plan: one kernel per group of `part` (NULL: one kernel per op);
 * tensors classified but not yet placed. */
enum rwkvc_status plan_lower(struct err *e, const struct graph *g, const struct lower_options *o,
			     const struct partition *part, struct plan *out);

/* Places every tensor: weights one after another, activations in the arena
 * (each its own region for now), state slots in the flat state layout.
 * `align` is the offset alignment bindings need. */
enum rwkvc_status plan_memplan(struct err *e, struct plan *p, uint64_t align);

struct memplan_options {
	uint64_t align;
	/* false: every activation gets bytes of its own and no elementwise result
	 * is written in place (--disable-pass memplan; a state its kernel writes
	 * in place stays so) */
	bool reuse;
	/* NULL, or [n_kernels]: each kernel's barrier interval (kernels between
	 * two barriers share one). Lifetimes are then measured in intervals, so
	 * tensors share bytes only across a barrier and reuse adds no barrier. */
	const int32_t *interval;
};

/* plan_memplan with options; plan_memplan is { align, true, NULL }. */
enum rwkvc_status plan_memplan_with(struct err *e, struct plan *p, const struct memplan_options *o);

/* Sets barrier_before on every kernel that reads or overwrites bytes an
 * earlier kernel wrote (or reads) since the last barrier. Returns the count
 * through out_barriers (may be NULL). Needs placed tensors. */
enum rwkvc_status plan_schedule(struct err *e, struct plan *p, int32_t *out_barriers);

/* Bytes one element row of tensor t takes in its storage type, and its total bytes at T. */
uint64_t plan_tensor_bytes(const struct plan *p, int32_t t, int64_t T);

#endif
