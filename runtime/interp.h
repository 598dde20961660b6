/*
 * interp.h - the CPU reference interpreter: runs the unfused graph op by op.
 *
 * It is the oracle every GPU kernel and fused plan is checked against, so it
 * is written for clarity and accuracy, not speed: float32 storage (as the
 * official model), float64 accumulation in every reduction. Every op treats
 * each row (token) independently except wkv7, which runs token by token and
 * rounds its state to float32 after each token, so feeding T tokens at once
 * gives bit-identical results to feeding them one at a time.
 */
#ifndef RWKVC_RUNTIME_INTERP_H
#define RWKVC_RUNTIME_INTERP_H

#include <stddef.h>
#include <stdint.h>

#include "graph/graph.h"

/* Offsets of each state slot in the flat state vector (slot-major, then layer). */
struct state_layout {
	int n_slots;
	size_t total;          /* floats */
	size_t offset[8];      /* of slot s */
	size_t per_layer[8];   /* floats per layer of slot s */
};

enum rwkvc_status state_layout_of(struct err *e, const struct graph *g, struct state_layout *out);

struct interp_run {
	const struct graph *g;
	const float *const *weights; /* [n_tensors]: f32 data of every used weight, else NULL */
	const int32_t *tokens;
	int64_t n_tokens;
	float *state;          /* flat state (state_layout_of); read, and updated on success */
	float *out;            /* [T, numel of output 0 per row] for graph output 0, or NULL */
	int keep_values;       /* 1: keep every intermediate (for debugging and tests) */
	float **values;        /* out: [n_tensors] when keep_values (free with interp_free_values) */
};

/* Runs the whole graph for run->n_tokens tokens. On failure the state is unchanged. */
enum rwkvc_status interp_execute(struct err *e, struct interp_run *run);
void interp_free_values(const struct graph *g, float **values);

#endif
