/*
 * lower_fused.c - one kernel for each fusion group (see fuse.c for how the
 * groups are found, codegen/ for the kernels they become).
 */
#include <string.h>

#include "base/mem.h"
#include "lower_internal.h"

static const struct op *op_of(const struct lowering *lw, int32_t i) { return &lw->p->g->ops[i]; }

static enum rwkvc_status finish(struct lowering *lw, struct plan_kernel *k, const int32_t *ops, int n)
{
	for (int i = 0; i < n; i++)
		lw->p->op_order[lw->p->n_ops++] = ops[i];
	k->n_ops = n;
	return plan_add_kernel(lw->e, lw->p, k);
}

static int find_op(const struct lowering *lw, const int32_t *ops, int n, enum op_kind kind)
{
	for (int i = 0; i < n; i++)
		if (op_of(lw, ops[i])->kind == kind)
			return i;
	return -1;
}

/* ---- matvec + activation (+ residual) ---- */

static enum rwkvc_status lower_matvec(struct lowering *lw, const int32_t *ops, int n)
{
	const struct graph *g = lw->p->g;
	const struct op *m = op_of(lw, ops[0]);
	struct plan_kernel k;
	lower_begin_kernel(lw->p, m->layer, &k);
	k.desc.kind = KERNEL_MATVEC;
	k.desc.k = row_width(g, m->in[0]);
	k.desc.m = row_width(g, m->out[0]);
	k.bind[k.n_bind++] = m->in[0];
	k.bind[k.n_bind++] = m->in[1];
	if (m->kind == OP_MATMUL)
		lw->transposed[m->in[1]] = true;
	int32_t out = m->out[0];
	for (int i = 1; i < n; i++) {
		const struct op *o = op_of(lw, ops[i]);
		if (o->kind == OP_ADD) {
			k.desc.residual = true;
			k.bind[k.n_bind++] = o->in[0] == out ? o->in[1] : o->in[0];
		} else {
			k.desc.epilogue = o->kind == OP_TANH ? EPILOGUE_TANH : o->kind == OP_SIGMOID ? EPILOGUE_SIGMOID : EPILOGUE_RELU_SQ;
		}
		out = o->out[0];
	}
	k.bind[k.n_bind++] = out;
	return finish(lw, &k, ops, n);
}

/* ---- independent matvecs in one dispatch ---- */

/* The op of `ops` that reads tensor t, or -1. */
static int reader_in(const struct lowering *lw, const int32_t *ops, int n, int32_t t)
{
	for (int i = 0; i < n; i++)
		for (int a = 0; a < op_of(lw, ops[i])->n_in; a++)
			if (op_of(lw, ops[i])->in[a] == t)
				return i;
	return -1;
}

static enum rwkvc_status lower_matvec_set(struct lowering *lw, const int32_t *ops, int n)
{
	const struct graph *g = lw->p->g;
	struct plan_kernel k;
	lower_begin_kernel(lw->p, op_of(lw, ops[0])->layer, &k);
	k.desc.kind = KERNEL_MATVEC_SET;
	struct matvec_set *set = &k.desc.set;
	for (int i = 0; i < n; i++) {
		const struct op *m = op_of(lw, ops[i]);
		if (m->kind != OP_LINEAR && m->kind != OP_MATMUL)
			continue;
		struct matvec_part *pt = &set->part[set->n++];
		pt->k = row_width(g, m->in[0]);
		pt->m = row_width(g, m->out[0]);
		pt->weight = k.desc.weight; /* the plan's weight policy may change it */
		k.bind[k.n_bind++] = m->in[0];
		k.bind[k.n_bind++] = m->in[1];
		if (m->kind == OP_MATMUL)
			lw->transposed[m->in[1]] = true;
		int32_t out = m->out[0];
		int u = reader_in(lw, ops, n, out);
		if (u >= 0 && op_of(lw, ops[u])->kind != OP_ADD) {
			enum op_kind a = op_of(lw, ops[u])->kind;
			pt->epilogue = a == OP_TANH ? EPILOGUE_TANH : a == OP_SIGMOID ? EPILOGUE_SIGMOID : EPILOGUE_RELU_SQ;
			out = op_of(lw, ops[u])->out[0];
			u = reader_in(lw, ops, n, out);
		}
		if (u >= 0 && op_of(lw, ops[u])->kind == OP_ADD) {
			const struct op *add = op_of(lw, ops[u]);
			pt->residual = true;
			k.bind[k.n_bind++] = add->in[0] == out ? add->in[1] : add->in[0];
			out = add->out[0];
		}
		k.bind[k.n_bind++] = out;
	}
	k.desc.width = set->part[0].k;
	return finish(lw, &k, ops, n);
}

/* ---- elementwise chains ---- */

static enum rwkvc_status lower_ew_chain(struct lowering *lw, const int32_t *ops, int n)
{
	const struct graph *g = lw->p->g;
	const struct op *last = op_of(lw, ops[n - 1]);
	int consts = 0;
	for (int i = 0; i < n; i++)
		for (int a = 0; a < op_of(lw, ops[i])->n_in; a++)
			consts += g->tensors[op_of(lw, ops[i])->in[a]].kind == TENSOR_CONST;
	if (consts > EW_MAX_IMM) { /* more constants than one expression holds: one kernel per op */
		for (int i = 0; i < n; i++)
			TRY(lower_op(lw, ops[i]));
		return RWKVC_STATUS_OK;
	}
	struct plan_kernel k;
	lower_begin_kernel(lw->p, last->layer, &k);
	struct ew_program *p = &k.desc.ew;
	k.desc.kind = KERNEL_ELEMENTWISE;
	k.desc.width = row_width(g, last->out[0]);
	for (int i = 0; i < n; i++) {
		const struct op *o = op_of(lw, ops[i]);
		struct ew_instr in = { o->kind, { { EW_OPERAND_IMM, 0 } } };
		for (int a = 0; a < o->n_in; a++) {
			int32_t t = o->in[a];
			int made = -1, bound = -1;
			for (int j = 0; j < i; j++)
				if (op_of(lw, ops[j])->out[0] == t)
					made = j;
			for (int b = 0; b < k.n_bind; b++)
				if (k.bind[b] == t)
					bound = b;
			if (made >= 0) {
				in.arg[a] = (struct ew_operand){ EW_OPERAND_RESULT, made };
			} else if (g->tensors[t].kind == TENSOR_CONST) {
				p->imm[p->n_imm] = g->tensors[t].value;
				in.arg[a] = (struct ew_operand){ EW_OPERAND_IMM, p->n_imm++ };
			} else {
				if (bound < 0) {
					bound = k.n_bind++;
					k.bind[bound] = t;
					p->bcast[p->n_in++] = bcast_of(g, t, k.desc.width);
				}
				in.arg[a] = (struct ew_operand){ EW_OPERAND_INPUT, bound };
			}
		}
		p->code[p->n_code++] = in;
	}
	k.bind[k.n_bind++] = last->out[0];
	return finish(lw, &k, ops, n);
}

/* ---- layer norm + token shift + lerps ---- */

static enum rwkvc_status lower_mix(struct lowering *lw, const int32_t *ops, int n)
{
	const struct graph *g = lw->p->g;
	const struct op *shift = op_of(lw, ops[find_op(lw, ops, n, OP_TOKEN_SHIFT)]);
	int ln_at = find_op(lw, ops, n, OP_LAYER_NORM), last_at = find_op(lw, ops, n, OP_LAST_ROW);
	struct plan_kernel k;
	lower_begin_kernel(lw->p, shift->layer, &k);
	struct kernel_desc *d = &k.desc;
	d->kind = KERNEL_MIX;
	d->width = row_width(g, shift->in[0]);
	if (ln_at >= 0) {
		const struct op *ln = op_of(lw, ops[ln_at]);
		d->mix.layer_norm = true;
		d->eps = ln->param[0];
		k.bind[k.n_bind++] = ln->in[0];
		k.bind[k.n_bind++] = ln->in[1];
		k.bind[k.n_bind++] = ln->in[2];
	} else {
		k.bind[k.n_bind++] = shift->in[0];
	}
	k.bind[k.n_bind++] = shift->in[1];
	int32_t outs[MIX_MAX];
	for (int i = 0; i < n; i++) {
		const struct op *o = op_of(lw, ops[i]);
		if (o->kind != OP_LERP)
			continue;
		k.bind[k.n_bind++] = o->in[2];
		outs[d->mix.n_mix++] = o->out[0];
	}
	for (int i = 0; i < d->mix.n_mix; i++)
		k.bind[k.n_bind++] = outs[i];
	if (last_at >= 0) {
		d->mix.state_out = true;
		k.bind[k.n_bind++] = op_of(lw, ops[last_at])->out[0];
	}
	return finish(lw, &k, ops, n);
}

/* ---- head-local regions ---- */

struct region_builder {
	struct lowering *lw;
	struct plan_kernel *k;
	struct region_program *rp;
	int16_t *value_of; /* [n_tensors] */
	const int32_t *ops;
	int n;
};

static bool in_ops(const struct region_builder *rb, int32_t op)
{
	for (int i = 0; i < rb->n; i++)
		if (rb->ops[i] == op)
			return true;
	return false;
}

/* A new binding for tensor t; -1 when the kernel has no room left. */
static int add_binding(struct region_builder *rb, int32_t t, enum region_binding role, enum dtype dt)
{
	if (rb->k->n_bind >= KERNEL_MAX_BINDINGS)
		return -1;
	int b = rb->k->n_bind++;
	rb->k->bind[b] = t;
	rb->rp->role[b] = role;
	rb->rp->binding_dtype[b] = dt;
	rb->rp->n_bindings = rb->k->n_bind;
	return b;
}

static int new_value(struct region_builder *rb, enum region_value_kind kind)
{
	if (rb->rp->n_values >= REGION_MAX_VALUES)
		return -1;
	int v = rb->rp->n_values++;
	rb->rp->v[v] = (struct region_value){ kind, -1, -1, 0, false, 0 };
	return v;
}

/* The value an op input reads: made by the region, or a new input. -1 when full. */
static int input_value(struct region_builder *rb, const struct op *o, int arg)
{
	const struct graph *g = rb->lw->p->g;
	const struct plan *p = rb->lw->p;
	int32_t t = o->in[arg];
	if (rb->value_of[t] >= 0)
		return rb->value_of[t];
	const struct tensor *tn = &g->tensors[t];
	bool product = (o->kind == OP_MATMUL || o->kind == OP_LINEAR);
	enum region_value_kind kind;
	enum region_binding role = REGION_BINDING_IN;
	enum dtype dt = p->act;
	if (tn->kind == TENSOR_CONST) {
		int v = new_value(rb, RV_CONST);
		if (v >= 0)
			rb->rp->v[v].imm = tn->value;
		return rb->value_of[t] = (int16_t)v;
	}
	if (tn->kind == TENSOR_STATE) {
		kind = RV_STATE;
		role = REGION_BINDING_INOUT;
		dt = DTYPE_F32;
	} else if (tn->kind == TENSOR_WEIGHT) {
		kind = product && arg == 1 ? RV_MATRIX : RV_CHANNEL;
		dt = p->weight;
	} else {
		kind = product && arg == 0 ? RV_VECTOR : RV_ROWS;
	}
	int v = new_value(rb, kind);
	if (v < 0)
		return -1;
	int b = add_binding(rb, t, role, dt);
	if (b < 0)
		return -1;
	rb->rp->v[v].binding = b;
	if (kind == RV_VECTOR || kind == RV_MATRIX)
		rb->rp->v[v].n = row_width(g, o->in[0]);
	/* a matmul's [K, C] weight stays as declared: a channel per invocation then reads
	 * consecutive bytes across the workgroup */
	rb->rp->v[v].k_major = kind == RV_MATRIX && o->kind == OP_MATMUL;
	if (kind == RV_CHANNEL)
		rb->rp->v[v].n = shape_numel(g, &tn->shape, 1);
	return rb->value_of[t] = (int16_t)v;
}

/* Outputs read outside the region (or graph outputs and state) get a binding. */
static bool needed_outside(const struct region_builder *rb, int32_t t)
{
	const struct graph *g = rb->lw->p->g;
	for (int o = 0; o < g->n_outputs; o++)
		if (g->outputs[o] == t)
			return true;
	for (int s = 0; s < g->n_states; s++)
		for (int l = 0; l < g->n_layers; l++)
			if (g->states[s].write[l] == t)
				return true;
	for (int32_t i = 0; i < g->n_ops; i++) {
		if (in_ops(rb, i))
			continue;
		for (int k = 0; k < g->ops[i].n_in; k++)
			if (g->ops[i].in[k] == t)
				return true;
	}
	return false;
}

/* Builds the program; false when it does not fit the kernel's limits. */
static bool build_region(struct region_builder *rb)
{
	const struct graph *g = rb->lw->p->g;
	struct region_program *rp = rb->rp;
	for (int i = 0; i < rb->n; i++) {
		const struct op *o = op_of(rb->lw, rb->ops[i]);
		if (rp->n_ops >= REGION_MAX_OPS)
			return false;
		struct region_op *ro = &rp->ops[rp->n_ops++];
		ro->op = o->kind;
		ro->n_in = o->n_in;
		ro->n_out = o->n_out;
		memcpy(ro->param, o->param, sizeof ro->param);
		for (int a = 0; a < o->n_in; a++) {
			int v = input_value(rb, o, a);
			if (v < 0)
				return false;
			ro->in[a] = (int8_t)v;
		}
		for (int r = 0; r < o->n_out; r++) {
			int32_t t = o->out[r];
			if (o->kind == OP_WKV7 && r == 1) { /* the new state: written where the old one was */
				ro->out[r] = ro->in[6];
				rb->value_of[t] = ro->in[6];
				rb->lw->alias[t] = o->in[6];
				continue;
			}
			int v = new_value(rb, RV_TEMP);
			if (v < 0)
				return false;
			ro->out[r] = (int8_t)v;
			rb->value_of[t] = (int16_t)v;
		}
	}
	for (int i = 0; i < rb->n; i++) {
		const struct op *o = op_of(rb->lw, rb->ops[i]);
		for (int r = 0; r < o->n_out; r++) {
			int v = rb->value_of[o->out[r]];
			if (rp->v[v].kind != RV_TEMP || !needed_outside(rb, o->out[r]))
				continue;
			int b = add_binding(rb, o->out[r], REGION_BINDING_OUT, rb->lw->p->act);
			if (b < 0)
				return false;
			rp->v[v].out_binding = b;
		}
	}
	(void)g;
	return true;
}

static enum rwkvc_status lower_head_region(struct lowering *lw, const struct op_group *grp, const int32_t *ops)
{
	const struct graph *g = lw->p->g;
	const struct op *w = op_of(lw, grp->anchor);
	struct plan_kernel *k = mem_calloc(lw->e, 1, sizeof *k, "region kernel");
	int16_t *value_of = mem_alloc(lw->e, (size_t)g->n_tensors * sizeof *value_of, "region kernel");
	int32_t *alias_saved = mem_alloc(lw->e, (size_t)g->n_tensors * sizeof *alias_saved, "region kernel");
	enum rwkvc_status st = k && value_of && alias_saved ? RWKVC_STATUS_OK : lw->e->status;
	if (st)
		goto done;
	lower_begin_kernel(lw->p, w->layer, k);
	k->desc.kind = KERNEL_HEAD_REGION;
	k->desc.width = row_width(g, w->out[0]);
	const struct shape *s = &g->tensors[w->in[6]].shape;
	k->desc.group = dim_value(g, s->d[s->rank - 1], 1);
	for (int32_t t = 0; t < g->n_tensors; t++)
		value_of[t] = -1;
	memcpy(alias_saved, lw->alias, (size_t)g->n_tensors * sizeof *alias_saved);
	struct region_builder rb = { lw, k, &k->desc.region, value_of, ops, grp->n };
	if (build_region(&rb)) {
		st = finish(lw, k, ops, grp->n);
	} else {
		/* too big for one kernel: run the ops one by one instead */
		memcpy(lw->alias, alias_saved, (size_t)g->n_tensors * sizeof *alias_saved);
		for (int i = 0; i < grp->n && !st; i++)
			st = lower_op(lw, ops[i]);
	}
done:
	mem_free(k);
	mem_free(value_of);
	mem_free(alias_saved);
	return st;
}

enum rwkvc_status lower_group(struct lowering *lw, const struct op_group *grp, const int32_t *ops)
{
	switch (grp->kind) {
	case GROUP_MATVEC:
		return lower_matvec(lw, ops, grp->n);
	case GROUP_EW_CHAIN:
		return lower_ew_chain(lw, ops, grp->n);
	case GROUP_MIX:
		return lower_mix(lw, ops, grp->n);
	case GROUP_HEAD_REGION:
		return lower_head_region(lw, grp, ops);
	case GROUP_MATVEC_SET:
		return lower_matvec_set(lw, ops, grp->n);
	case GROUP_SINGLE:
	case GROUP_KIND_COUNT:
		break;
	}
	for (int i = 0; i < grp->n; i++)
		TRY(lower_op(lw, ops[i]));
	return RWKVC_STATUS_OK;
}
