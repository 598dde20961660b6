/* interp_ops.h - the reference math of each op kind, on float32 data (interp_ops.c). */
#ifndef RWKVC_RUNTIME_INTERP_OPS_H
#define RWKVC_RUNTIME_INTERP_OPS_H

#include <stdint.h>

#include "graph/graph.h"

/* An input or output as the kernels see it: data and element count. */
struct ref_buf {
	const float *data;
	int64_t numel;
};

/* Everything one op needs. `rows` is T; widths come from the shapes. */
struct ref_args {
	const struct graph *g;
	const struct op *op;
	int64_t rows;
	struct ref_buf in[OP_MAX_IN];
	const int32_t *tokens; /* OP_EMBEDDING */
	float *out[OP_MAX_OUT];
	int64_t out_numel[OP_MAX_OUT];
};

/* Runs op->kind. BAD_ARGUMENT for a token id outside the embedding table. */
enum rwkvc_status ref_run_op(struct err *e, const struct ref_args *a);

/* The wkv7 recurrence for one head and one token, shared with tests and codegen checks:
 * S (n x n, row = value channel) is updated in place, y gets S r. */
void ref_wkv7_head_step(float *S, int n, const float *r, const float *w, const float *k, const float *v,
			const float *kk, const float *a, float *y);

#endif
