/*
 * plan.h - a compiled model: kernels in dispatch order, where every tensor
 * lives, and where the barriers go.
 *
 * The passes build it from a graph (lower.c: one kernel per op; fuse.c merges
 * kernels; memplan.c places tensors; schedule.c puts barriers), the executor
 * runs it, `rwkvc dump` prints it and plan files store it. It is plain data:
 * indices into the graph, no pointers to runtime objects.
 */
#ifndef RWKVC_PASSES_PLAN_H
#define RWKVC_PASSES_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "codegen/kernel.h"
#include "graph/graph.h"

/* Where a tensor lives at run time. */
enum place_kind {
	PLACE_NONE,     /* not needed at run time (consts inlined, unused weights) */
	PLACE_WEIGHT,   /* the weights buffer */
	PLACE_ACT,      /* the activation arena */
	PLACE_STATE,    /* the recurrent-state buffer (a slot of a layer) */
	PLACE_TOKENS,   /* the token-id input buffer */
};

struct plan_place {
	enum place_kind kind;
	uint64_t offset;     /* bytes, within its buffer */
	uint64_t bytes;      /* bytes at T = t_max */
	bool transposed;     /* weights: stored [M, K] for a matmul weight declared [K, M] */
	enum dtype dtype;    /* storage type */
	int32_t first, last; /* activations: first and last kernel that touch it */
	int32_t alias;       /* >= 0: lives where that tensor lives (a state written in place) */
};

struct plan_kernel {
	struct kernel_desc desc;
	int n_bind;
	int32_t bind[KERNEL_MAX_BINDINGS]; /* the tensor behind each binding */
	int32_t first_op, n_ops;           /* the graph ops it covers: ops[first_op .. first_op + n_ops) of plan.op_order */
	bool barrier_before;               /* set by the scheduler */
	int32_t layer;                     /* -1 outside the layers */
};

/* After every kernel: copy each state slot's new value into the state buffer. */
struct plan_state_copy {
	int32_t from; /* tensor (an op output) */
	int32_t to;   /* the TENSOR_STATE tensor it replaces */
};

struct plan {
	const struct graph *g;  /* borrowed: must outlive the plan */
	int64_t t_max;          /* the largest number of tokens per call */
	enum dtype act;         /* activation storage: f32 or f16 */
	enum dtype weight;      /* default weight storage */

	struct plan_kernel *kernels;
	int32_t n_kernels;
	size_t cap_kernels;
	int32_t *op_order;      /* graph op indices, grouped by kernel */
	int32_t n_ops;

	struct plan_place *place; /* [g->n_tensors] */
	uint64_t weight_bytes, act_bytes, act_bytes_naive, state_bytes;

	struct plan_state_copy *copies;
	int32_t n_copies;
};

void plan_init(struct plan *p, const struct graph *g);
/* Bytes of weights one decode step (T = 1) reads: every weight once, but only
 * one row of an embedding table. */
uint64_t plan_weight_bytes_per_token(const struct plan *p);
void plan_destroy(struct plan *p);
enum rwkvc_status plan_add_kernel(struct err *e, struct plan *p, const struct plan_kernel *k);

#endif
