/*
 * dce.c - dead-op removal: ops whose results reach no graph output and no
 * state write are dropped, and weights only they read stop being required.
 *
 * Walks back from the outputs and the state writes, marking every op that
 * contributes; the graph keeps its tensors (names stay valid for messages),
 * but dead ops leave the op list and their results have no producer.
 */
#include "dce.h"

#include <string.h>

#include "base/mem.h"

static enum rwkvc_status mark_live(struct err *e, const struct graph *g, bool *live)
{
	int32_t *stack = mem_alloc(e, ((size_t)g->n_ops + 1) * sizeof *stack, "dead-op removal");
	if (!stack)
		return e->status;
	int32_t depth = 0;
	for (int o = 0; o < g->n_outputs; o++)
		if (g->tensors[g->outputs[o]].producer >= 0 && !live[g->tensors[g->outputs[o]].producer]) {
			live[g->tensors[g->outputs[o]].producer] = true;
			stack[depth++] = g->tensors[g->outputs[o]].producer;
		}
	for (int s = 0; s < g->n_states; s++)
		for (int l = 0; l < g->n_layers; l++) {
			int32_t p = g->tensors[g->states[s].write[l]].producer;
			if (p >= 0 && !live[p]) {
				live[p] = true;
				stack[depth++] = p;
			}
		}
	while (depth) {
		const struct op *op = &g->ops[stack[--depth]];
		for (int k = 0; k < op->n_in; k++) {
			int32_t p = g->tensors[op->in[k]].producer;
			if (p >= 0 && !live[p]) {
				live[p] = true;
				stack[depth++] = p;
			}
		}
	}
	mem_free(stack);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status pass_dce(struct err *e, struct graph *g, int32_t *out_removed)
{
	bool *live = mem_calloc(e, (size_t)g->n_ops + 1, sizeof *live, "dead-op removal");
	int32_t *renum = mem_alloc(e, ((size_t)g->n_ops + 1) * sizeof *renum, "dead-op removal");
	enum rwkvc_status st = live && renum ? mark_live(e, g, live) : e->status;
	int32_t kept = 0;
	if (!st) {
		for (int32_t i = 0; i < g->n_ops; i++) {
			renum[i] = live[i] ? kept : -1;
			if (live[i])
				g->ops[kept++] = g->ops[i];
		}
		if (out_removed)
			*out_removed = g->n_ops - kept;
		g->n_ops = kept;
		/* producers renumbered; what only dead ops read is no longer used */
		for (int32_t t = 0; t < g->n_tensors; t++) {
			struct tensor *tn = &g->tensors[t];
			if (tn->producer >= 0)
				tn->producer = renum[tn->producer];
			tn->used = false;
		}
		for (int32_t i = 0; i < g->n_ops; i++)
			for (int k = 0; k < g->ops[i].n_in; k++)
				g->tensors[g->ops[i].in[k]].used = true;
		for (int o = 0; o < g->n_outputs; o++)
			g->tensors[g->outputs[o]].used = true;
	}
	mem_free(live);
	mem_free(renum);
	return st;
}
