/* lower_internal.h - what lower.c and lower_fused.c share. */
#ifndef RWKVC_PASSES_LOWER_INTERNAL_H
#define RWKVC_PASSES_LOWER_INTERNAL_H

#include "lower.h"

struct lowering {
	struct err *e;
	struct plan *p;
	bool *transposed; /* [n_tensors]: weights stored [M, K] for a matmul */
	int32_t *alias;   /* [n_tensors]: tensors written in place of another */
	int32_t unused;
};

bool lower_has_T(const struct graph *g, int32_t t);
/* Elements per row of a [T, X] tensor (the last dim). */
int64_t row_width(const struct graph *g, int32_t t);
enum ew_bcast bcast_of(const struct graph *g, int32_t t, int64_t width);
/* A zeroed kernel with the plan's dtypes, starting at the plan's next op slot. */
void lower_begin_kernel(const struct plan *p, int32_t layer, struct plan_kernel *k);

/* One op -> one kernel (lower.c). */
enum rwkvc_status lower_op(struct lowering *lw, int32_t op_index);
/* One fusion group -> one kernel (lower_fused.c); ops in execution order. */
enum rwkvc_status lower_group(struct lowering *lw, const struct op_group *grp, const int32_t *ops);

#endif
