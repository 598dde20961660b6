/*
 * interp.c - runs a graph op by op on the CPU (see interp.h). Intermediate
 * buffers are freed after their last reader unless the caller keeps them.
 */
#include "interp.h"

#include <string.h>

#include "interp_ops.h"

enum rwkvc_status state_layout_of(struct err *e, const struct graph *g, struct state_layout *out)
{
	memset(out, 0, sizeof *out);
	if (g->n_states > (int)(sizeof out->offset / sizeof out->offset[0]))
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: more than 8 state slots", g->file);
	out->n_slots = g->n_states;
	for (int s = 0; s < g->n_states; s++) {
		out->offset[s] = out->total;
		out->per_layer[s] = (size_t)shape_numel(g, &g->states[s].shape, 1);
		out->total += out->per_layer[s] * (size_t)g->n_layers;
	}
	return RWKVC_STATUS_OK;
}

/* Which state slot and layer a TENSOR_STATE tensor is, as a pointer into the flat state. */
static const float *state_data(const struct graph *g, const struct state_layout *sl, const float *state, int32_t t)
{
	int layer = g->tensors[t].layer;
	for (int s = 0; s < g->n_states; s++)
		if (layer >= 0 && g->states[s].read[layer] == t)
			return state + sl->offset[s] + sl->per_layer[s] * (size_t)layer;
	return NULL;
}

void interp_free_values(const struct graph *g, float **values)
{
	if (!values)
		return;
	for (int32_t t = 0; t < g->n_tensors; t++)
		mem_free(values[t]);
	mem_free(values);
}

struct exec {
	struct err *e;
	struct interp_run *run;
	const struct graph *g;
	struct state_layout sl;
	float **values;   /* [n_tensors] op outputs */
	float *consts;    /* [n_tensors] constant values as float */
	int32_t *last_use; /* [n_tensors] index of the last op reading it */
};

static enum rwkvc_status input_of(struct exec *x, int32_t t, struct ref_buf *out)
{
	const struct graph *g = x->g;
	const struct tensor *tn = &g->tensors[t];
	out->numel = shape_numel(g, &tn->shape, x->run->n_tokens);
	switch (tn->kind) {
	case TENSOR_VALUE:
		out->data = x->values[t];
		break;
	case TENSOR_WEIGHT:
		out->data = x->run->weights[t];
		break;
	case TENSOR_CONST:
		out->data = &x->consts[t];
		break;
	case TENSOR_STATE:
		out->data = state_data(g, &x->sl, x->run->state, t);
		break;
	case TENSOR_INPUT:
		out->data = NULL;
		break;
	}
	if (!out->data && tn->kind != TENSOR_INPUT)
		return err_set(x->e, RWKVC_STATUS_BAD_ARGUMENT, "no data for tensor '%s'", tn->name);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status run_op(struct exec *x, int32_t i)
{
	const struct graph *g = x->g;
	const struct op *op = &g->ops[i];
	struct ref_args a = { g, op, x->run->n_tokens, { { 0 } }, x->run->tokens, { 0 }, { 0 } };
	for (int k = 0; k < op->n_in; k++)
		TRY(input_of(x, op->in[k], &a.in[k]));
	for (int o = 0; o < op->n_out; o++) {
		int32_t t = op->out[o];
		a.out_numel[o] = shape_numel(g, &g->tensors[t].shape, x->run->n_tokens);
		x->values[t] = mem_alloc(x->e, (size_t)a.out_numel[o] * sizeof(float), g->tensors[t].name);
		if (!x->values[t])
			return x->e->status;
		a.out[o] = x->values[t];
	}
	TRY(ref_run_op(x->e, &a));
	if (!x->run->keep_values) {
		for (int k = 0; k < op->n_in; k++) {
			int32_t t = op->in[k];
			if (g->tensors[t].kind == TENSOR_VALUE && x->last_use[t] == i) {
				mem_free(x->values[t]);
				x->values[t] = NULL;
			}
		}
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status prepare(struct exec *x)
{
	const struct graph *g = x->g;
	size_t n = (size_t)g->n_tensors;
	TRY(state_layout_of(x->e, g, &x->sl));
	x->values = mem_calloc(x->e, n, sizeof *x->values, "interpreter values");
	x->consts = mem_calloc(x->e, n, sizeof *x->consts, "interpreter constants");
	x->last_use = mem_calloc(x->e, n, sizeof *x->last_use, "interpreter liveness");
	if (!x->values || !x->consts || !x->last_use)
		return x->e->status;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		x->consts[t] = (float)g->tensors[t].value;
		x->last_use[t] = g->n_ops; /* never read: keep (outputs, state writes) */
	}
	for (int32_t i = 0; i < g->n_ops; i++)
		for (int k = 0; k < g->ops[i].n_in; k++)
			x->last_use[g->ops[i].in[k]] = i;
	/* outputs and state writes are read after the last op */
	for (int o = 0; o < g->n_outputs; o++)
		x->last_use[g->outputs[o]] = g->n_ops;
	for (int s = 0; s < g->n_states; s++)
		for (int l = 0; l < g->n_layers; l++)
			x->last_use[g->states[s].write[l]] = g->n_ops;
	return RWKVC_STATUS_OK;
}

static void commit_state(struct exec *x)
{
	const struct graph *g = x->g;
	for (int s = 0; s < g->n_states; s++)
		for (int l = 0; l < g->n_layers; l++)
			memcpy(x->run->state + x->sl.offset[s] + x->sl.per_layer[s] * (size_t)l, x->values[g->states[s].write[l]],
			       x->sl.per_layer[s] * sizeof(float));
}

enum rwkvc_status interp_execute(struct err *e, struct interp_run *run)
{
	struct exec x = { e, run, run->g, { 0 }, NULL, NULL, NULL };
	enum rwkvc_status st;
	run->values = NULL;
	if (run->n_tokens < 1)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "no tokens to evaluate");
	TRY_GOTO(st, prepare(&x), done);
	for (int32_t i = 0; i < x.g->n_ops; i++)
		TRY_GOTO(st, run_op(&x, i), done);
	if (run->out && x.g->n_outputs) {
		int32_t o = x.g->outputs[0];
		memcpy(run->out, x.values[o], (size_t)shape_numel(x.g, &x.g->tensors[o].shape, run->n_tokens) * sizeof(float));
	}
	commit_state(&x);
	st = RWKVC_STATUS_OK;
done:
	if (!st && run->keep_values) {
		run->values = x.values;
		x.values = NULL;
	}
	interp_free_values(x.g, x.values);
	mem_free(x.consts);
	mem_free(x.last_use);
	return st;
}
