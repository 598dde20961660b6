/* weight_policy.c - storage types of weights; see weight_policy.h and docs/quantisation.md. */
#include "weight_policy.h"

bool dtype_is_quantised(enum dtype t) { return t == DTYPE_Q8_0 || t == DTYPE_Q4_K || t == DTYPE_Q6_K; }

enum rwkvc_status weight_policy_parse(struct err *e, const char *name, enum dtype *out)
{
	*out = DTYPE_COUNT;
	if (!name)
		return RWKVC_STATUS_OK;
	enum dtype t;
	if (!dtype_from_name(name, &t) || t == DTYPE_I32)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "unknown quantisation '%s' (f32, f16, q8_0 or q4_k)", name);
	if (t == DTYPE_BF16 || t == DTYPE_Q6_K)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "weights are not converted to %s on load (f32, f16, q8_0 or "
			       "q4_k); %s tensors of a GGUF file are read as they are", dtype_name(t), dtype_name(t));
	*out = t;
	return RWKVC_STATUS_OK;
}

bool weight_policy_is_matrix(const struct graph *g, int32_t t)
{
	if (g->tensors[t].kind != TENSOR_WEIGHT || g->tensors[t].shape.rank != 2)
		return false;
	bool used = false;
	for (int32_t i = 0; i < g->n_ops; i++) {
		const struct op *o = &g->ops[i];
		for (int a = 0; a < o->n_in; a++) {
			if (o->in[a] != t)
				continue;
			if (o->kind != OP_LINEAR || a != 1)
				return false;
			used = true;
		}
	}
	return used;
}

enum dtype weight_policy_choose(const struct weight_policy *wp, const struct graph *g, int32_t t)
{
	if (!weight_policy_is_matrix(g, t))
		return wp->dflt;
	enum dtype in_file = wp->file ? wp->file[t] : DTYPE_F32;
	bool file_quantised = (unsigned)in_file < DTYPE_COUNT && dtype_is_quantised(in_file);
	switch (wp->quant) {
	case DTYPE_F32:
	case DTYPE_F16:
		return wp->quant;
	case DTYPE_Q8_0:
	case DTYPE_Q4_K: {
		if (file_quantised)
			return in_file;
		const struct shape *s = &g->tensors[t].shape;
		int64_t k = dim_value(g, s->d[1], 1);
		return k % dtype_block(wp->quant) == 0 ? wp->quant : DTYPE_F16;
	}
	default:
		return file_quantised ? in_file : wp->dflt;
	}
}

void plan_apply_weight_policy(struct plan *p, const struct weight_policy *wp)
{
	const struct graph *g = p->g;
	for (int32_t t = 0; t < g->n_tensors; t++)
		if (p->place[t].kind == PLACE_WEIGHT)
			p->place[t].dtype = weight_policy_choose(wp, g, t);
	/* a fused kernel may read a matrix otherwise (a region's small product):
	 * it reads the default type */
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		for (int b = 0; b < pk->n_bind; b++) {
			struct plan_place *pl = &p->place[pk->bind[b]];
			if (pl->kind == PLACE_WEIGHT && !kernel_binding_is_matrix(&pk->desc, b))
				pl->dtype = wp->dflt;
		}
	}
	for (int32_t k = 0; k < p->n_kernels; k++) {
		struct plan_kernel *pk = &p->kernels[k];
		struct kernel_desc *d = &pk->desc;
		if (d->kind == KERNEL_MATVEC && p->place[pk->bind[1]].kind == PLACE_WEIGHT)
			d->weight = p->place[pk->bind[1]].dtype;
		for (int part = 0, b = 0; d->kind == KERNEL_MATVEC_SET && part < d->set.n; part++) {
			const struct plan_place *w = &p->place[pk->bind[b + 1]];
			if (w->kind == PLACE_WEIGHT)
				d->set.part[part].weight = w->dtype;
			b += 3 + d->set.part[part].residual;
		}
	}
}
