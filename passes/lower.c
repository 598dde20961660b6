/*
 * lower.c - graph -> plan with one kernel per op (the unfused plan).
 *
 * Each op kind maps onto one kernel kind; elementwise ops become one-step
 * expressions (constants become immediates, so they need no buffer), and a
 * matmul (x W with W stored [K, M], RWKV-7's LoRA factors) becomes a matvec
 * over W stored transposed, so one matvec kernel serves both layouts.
 */
#include "lower_internal.h"

#include <string.h>

#include "base/mem.h"
#include "weight_policy.h"

bool lower_has_T(const struct graph *g, int32_t t)
{
	const struct shape *s = &g->tensors[t].shape;
	for (int i = 0; i < s->rank; i++)
		if (s->d[i].sym >= 0 && s->d[i].sym == g->sym_T)
			return true;
	return false;
}

int64_t row_width(const struct graph *g, int32_t t)
{
	const struct shape *s = &g->tensors[t].shape;
	return dim_value(g, s->d[s->rank - 1], 1);
}

enum ew_bcast bcast_of(const struct graph *g, int32_t t, int64_t width)
{
	if (lower_has_T(g, t))
		return EW_FULL;
	int64_t n = shape_numel(g, &g->tensors[t].shape, 1);
	return n == 1 && width != 1 ? EW_ONE : EW_ROW;
}

void lower_begin_kernel(const struct plan *p, int32_t layer, struct plan_kernel *k)
{
	memset(k, 0, sizeof *k);
	k->first_op = p->n_ops;
	k->layer = layer;
	k->desc.act = p->act;
	k->desc.weight = p->weight;
	k->desc.t_max = p->t_max;
}

static enum rwkvc_status lower_elementwise(struct err *e, const struct graph *g, const struct op *op,
					   struct plan_kernel *k)
{
	struct kernel_desc *d = &k->desc;
	struct ew_program *p = &d->ew;
	d->kind = KERNEL_ELEMENTWISE;
	d->width = row_width(g, op->out[0]);
	struct ew_instr in = { op->kind, { { EW_OPERAND_IMM, 0 } } };
	for (int i = 0; i < op->n_in; i++) {
		const struct tensor *t = &g->tensors[op->in[i]];
		if (t->kind == TENSOR_CONST) {
			if (p->n_imm == EW_MAX_IMM)
				return err_set(e, RWKVC_STATUS_UNSUPPORTED, "too many constants in '%s'",
					       g->tensors[op->out[0]].name);
			p->imm[p->n_imm] = t->value;
			in.arg[i] = (struct ew_operand){ EW_OPERAND_IMM, p->n_imm++ };
			continue;
		}
		p->bcast[p->n_in] = bcast_of(g, op->in[i], d->width);
		in.arg[i] = (struct ew_operand){ EW_OPERAND_INPUT, p->n_in };
		k->bind[k->n_bind++] = op->in[i];
		p->n_in++;
	}
	p->code[p->n_code++] = in;
	return RWKVC_STATUS_OK;
}

static void bind_all(const struct op *op, struct plan_kernel *k)
{
	for (int i = 0; i < op->n_in; i++)
		k->bind[k->n_bind++] = op->in[i];
}

/* One op -> one kernel. */
enum rwkvc_status lower_op(struct lowering *lw, int32_t op_index)
{
	struct err *e = lw->e;
	struct plan *p = lw->p;
	const struct graph *g = p->g;
	const struct op *op = &g->ops[op_index];
	struct plan_kernel k;
	lower_begin_kernel(p, op->layer, &k);
	k.n_ops = 1;
	struct kernel_desc *d = &k.desc;
	switch (op->kind) {
	case OP_EMBEDDING:
		d->kind = KERNEL_EMBEDDING;
		d->width = row_width(g, op->out[0]);
		d->m = shape_numel(g, &g->tensors[op->in[1]].shape, 1) / d->width;
		bind_all(op, &k);
		break;
	case OP_LAYER_NORM:
	case OP_GROUP_NORM:
	case OP_L2_NORM:
		d->kind = op->kind == OP_LAYER_NORM ? KERNEL_LAYER_NORM : op->kind == OP_GROUP_NORM ? KERNEL_GROUP_NORM : KERNEL_L2_NORM;
		d->width = row_width(g, op->out[0]);
		d->group = op->kind == OP_LAYER_NORM ? d->width : (int64_t)op->param[0];
		d->eps = op->kind == OP_LAYER_NORM ? op->param[0] : op->param[1];
		bind_all(op, &k);
		break;
	case OP_LINEAR:
	case OP_MATMUL:
		d->kind = KERNEL_MATVEC;
		d->k = row_width(g, op->in[0]);
		d->m = row_width(g, op->out[0]);
		bind_all(op, &k);
		if (op->kind == OP_MATMUL)
			lw->transposed[op->in[1]] = true;
		break;
	case OP_TOKEN_SHIFT:
	case OP_LAST_ROW:
		d->kind = op->kind == OP_TOKEN_SHIFT ? KERNEL_TOKEN_SHIFT : KERNEL_LAST_ROW;
		d->width = row_width(g, op->in[0]);
		bind_all(op, &k);
		break;
	case OP_WKV7:
	case OP_RK_BONUS: {
		d->kind = op->kind == OP_WKV7 ? KERNEL_WKV7 : KERNEL_RK_BONUS;
		d->width = row_width(g, op->out[0]);
		const struct shape *s = &g->tensors[op->in[op->kind == OP_WKV7 ? 6 : 3]].shape;
		d->group = dim_value(g, s->d[s->rank - 1], 1);
		bind_all(op, &k);
		break;
	}
	case OP_ADD: case OP_SUB: case OP_MUL: case OP_LERP: case OP_TANH:
	case OP_SIGMOID: case OP_RELU_SQ: case OP_DECAY: case OP_COPY:
		TRY(lower_elementwise(e, g, op, &k));
		break;
	case OP_COUNT:
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "no kernel for op %d", (int)op->kind);
	}
	for (int o = 0; o < op->n_out; o++)
		k.bind[k.n_bind++] = op->out[o];
	p->op_order[p->n_ops++] = op_index;
	return plan_add_kernel(e, p, &k);
}

/* Where each tensor lives, by kind; offsets come from memplan. */
static void classify(struct plan *p, const bool *transposed)
{
	const struct graph *g = p->g;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct tensor *tn = &g->tensors[t];
		struct plan_place *pl = &p->place[t];
		pl->first = pl->last = -1;
		pl->dtype = p->act;
		switch (tn->kind) {
		case TENSOR_WEIGHT:
			pl->kind = tn->used ? PLACE_WEIGHT : PLACE_NONE;
			pl->dtype = p->weight;
			pl->transposed = transposed[t];
			break;
		case TENSOR_STATE:
			pl->kind = PLACE_STATE;
			pl->dtype = DTYPE_F32;
			break;
		case TENSOR_INPUT:
			pl->kind = PLACE_TOKENS;
			pl->dtype = DTYPE_I32;
			break;
		case TENSOR_CONST:
			pl->kind = PLACE_NONE;
			break;
		case TENSOR_VALUE:
			pl->kind = PLACE_ACT;
			break;
		}
	}
	/* state is f32 whatever the activations are, and so is what becomes state
	 * (wkv7 and last_row write f32; see kernel.h) */
	for (int s = 0; s < g->n_states; s++)
		for (int l = 0; l < g->n_layers; l++)
			p->place[g->states[s].write[l]].dtype = DTYPE_F32;
}

/* The op-level state copies, except where a kernel writes the state in place. */
static void add_copies(struct plan *p)
{
	const struct graph *g = p->g;
	for (int s = 0; s < g->n_states; s++)
		for (int l = 0; l < g->n_layers; l++)
			if (p->place[g->states[s].write[l]].alias != g->states[s].read[l])
				p->copies[p->n_copies++] = (struct plan_state_copy){ g->states[s].write[l], g->states[s].read[l] };
}

static enum rwkvc_status lower_all(struct lowering *lw, const struct partition *part)
{
	const struct graph *g = lw->p->g;
	if (!part) {
		for (int32_t i = 0; i < g->n_ops; i++)
			TRY(lower_op(lw, i));
		return RWKVC_STATUS_OK;
	}
	/* groups in execution order: by the position of their first op */
	int32_t *at = mem_alloc(lw->e, ((size_t)g->n_ops + 1) * sizeof *at, "plan");
	if (!at)
		return lw->e->status;
	for (int32_t i = 0; i <= g->n_ops; i++)
		at[i] = -1;
	for (int32_t k = 0; k < part->n_groups; k++)
		at[part->groups[k].first] = k;
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (int32_t pos = 0; pos < g->n_ops && !st; pos++)
		if (at[pos] >= 0)
			st = lower_group(lw, &part->groups[at[pos]], part->ops + pos);
	mem_free(at);
	return st;
}

enum rwkvc_status plan_lower(struct err *e, const struct graph *g, const struct lower_options *o,
			     const struct partition *part, struct plan *out)
{
	plan_init(out, g);
	out->t_max = o->t_max > 0 ? o->t_max : 1;
	out->act = o->act;
	out->weight = o->weight;
	enum rwkvc_status st;
	struct lowering lw = { e, out, NULL, NULL, 0 };
	lw.transposed = mem_calloc(e, (size_t)g->n_tensors, sizeof *lw.transposed, "plan");
	lw.alias = mem_alloc(e, (size_t)g->n_tensors * sizeof *lw.alias, "plan");
	out->op_order = mem_calloc(e, (size_t)g->n_ops + 1, sizeof *out->op_order, "plan");
	out->place = mem_calloc(e, (size_t)g->n_tensors, sizeof *out->place, "plan");
	out->copies = mem_calloc(e, (size_t)(g->n_states * g->n_layers) + 1, sizeof *out->copies, "plan");
	if (!lw.transposed || !lw.alias || !out->op_order || !out->place || !out->copies) {
		st = e->status;
		goto fail;
	}
	for (int32_t t = 0; t < g->n_tensors; t++)
		lw.alias[t] = -1;
	TRY_GOTO(st, lower_all(&lw, part), fail);
	classify(out, lw.transposed);
	struct weight_policy wp = { o->weight, o->quant, o->file_dtype };
	plan_apply_weight_policy(out, &wp);
	for (int32_t t = 0; t < g->n_tensors; t++)
		out->place[t].alias = lw.alias[t];
	add_copies(out);
	mem_free(lw.transposed);
	mem_free(lw.alias);
	return RWKVC_STATUS_OK;
fail:
	mem_free(lw.transposed);
	mem_free(lw.alias);
	plan_destroy(out);
	return st;
}
