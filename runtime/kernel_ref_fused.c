/*
 * kernel_ref_fused.c - the references of the fused kinds (codegen/emit_fused.c):
 * the token-shift mix and head-local regions, as sequences of interp_ops calls
 * on whole [T, width] arrays. Intermediate values stay f32, as in the fused
 * kernels' registers; only what the kernel stores is rounded (by the caller).
 *
 * A region runs token by token on the GPU; op by op over all tokens here. The
 * two agree because nothing in a region reads another token's values except
 * wkv7, whose state carries the tokens in order either way.
 */
#include <string.h>

#include "base/mem.h"
#include "kernel_ref_internal.h"

/* a = [layer_norm](x); s = token_shift(a, prev); out_i = a + (s - a) * mix_i; [state = a[T-1]]. */
enum rwkvc_status ref_mix(struct err *e, const struct ref_kernel *r)
{
	const struct kernel_desc *k = r->k;
	const struct mix_desc *m = &k->mix;
	int64_t n = r->T * k->width;
	float *a = mem_alloc(e, (size_t)n * sizeof *a, "mix reference");
	float *s = mem_alloc(e, (size_t)n * sizeof *s, "mix reference");
	enum rwkvc_status st = a && s ? RWKVC_STATUS_OK : e->status;
	int at = 1; /* the binding after x (and the norm's w, b) */
	if (st == RWKVC_STATUS_OK && m->layer_norm) {
		struct op_call ln = { .kind = OP_LAYER_NORM, .param = { k->eps }, .rows = r->T, .n_in = 3,
				      .in = { ref_arg(r, 0), ref_arg(r, 1), ref_arg(r, 2) }, .out = { a }, .out_numel = { n } };
		st = ref_op(e, &ln);
		at = 3;
	} else if (st == RWKVC_STATUS_OK) {
		memcpy(a, r->in[0], (size_t)n * sizeof *a);
	}
	int prev = at++;
	if (st == RWKVC_STATUS_OK) {
		struct op_call sh = { .kind = OP_TOKEN_SHIFT, .rows = r->T, .n_in = 2,
				      .in = { { a, n }, ref_arg(r, prev) }, .out = { s }, .out_numel = { n } };
		st = ref_op(e, &sh);
	}
	for (int i = 0; st == RWKVC_STATUS_OK && i < m->n_mix; i++) {
		struct op_call lerp = { .kind = OP_LERP, .rows = r->T, .n_in = 3,
					.in = { { a, n }, { s, n }, ref_arg(r, at + i) },
					.out = { r->bufs[at + m->n_mix + i] }, .out_numel = { n } };
		st = ref_op(e, &lerp);
	}
	if (st == RWKVC_STATUS_OK && m->state_out) {
		struct op_call last = { .kind = OP_LAST_ROW, .rows = r->T, .n_in = 1, .in = { { a, n } },
					.out = { r->bufs[at + 2 * m->n_mix] }, .out_numel = { k->width } };
		st = ref_op(e, &last);
	}
	mem_free(a);
	mem_free(s);
	return st;
}

/* ---- head regions ---- */

struct region_run {
	const struct ref_kernel *r;
	const struct region_program *rp;
	float *val[REGION_MAX_VALUES];  /* each value as a whole array */
	int64_t numel[REGION_MAX_VALUES];
	bool owned[REGION_MAX_VALUES];  /* allocated here (else a binding's copy) */
	float konst[REGION_MAX_VALUES]; /* RV_CONST values */
};

/* The data behind an input value: the binding's private copy, or for an
 * in-out binding (the state) a copy of the caller's array. */
static enum rwkvc_status bind_value(struct err *e, struct region_run *g, int v)
{
	const struct region_value *rv = &g->rp->v[v];
	const struct ref_kernel *r = g->r;
	if (rv->kind == RV_CONST) {
		g->konst[v] = (float)rv->imm;
		g->val[v] = &g->konst[v];
		g->numel[v] = 1;
		return RWKVC_STATUS_OK;
	}
	if (rv->kind == RV_TEMP)
		return RWKVC_STATUS_OK; /* made by its op */
	if (rv->binding < 0 || rv->binding >= r->n)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "region reference: value %d has no binding", v);
	int b = rv->binding;
	g->numel[v] = r->numel[b];
	if (r->in[b]) {
		g->val[v] = r->in[b];
		return RWKVC_STATUS_OK;
	}
	g->val[v] = mem_alloc(e, (size_t)r->numel[b] * sizeof(float), "region reference");
	if (!g->val[v])
		return e->status;
	g->owned[v] = true;
	memcpy(g->val[v], r->bufs[b], (size_t)r->numel[b] * sizeof(float));
	return RWKVC_STATUS_OK;
}

/* A fresh [T, width] array for value v. */
static float *temp(struct err *e, struct region_run *g, int v)
{
	int64_t n = g->r->T * g->r->k->width;
	if (!g->val[v]) {
		g->val[v] = mem_alloc(e, (size_t)n * sizeof(float), "region reference");
		g->owned[v] = g->val[v] != NULL;
		g->numel[v] = n;
	}
	return g->val[v];
}

static enum rwkvc_status region_op(struct err *e, struct region_run *g, const struct region_op *o)
{
	const struct ref_kernel *r = g->r;
	int64_t n = r->T * r->k->width;
	struct op_call c = { .kind = o->op, .rows = r->T, .group = r->k->group, .n_in = o->n_in };
	memcpy(c.param, o->param, sizeof c.param);
	for (int i = 0; i < o->n_in; i++)
		c.in[i] = (struct ref_buf){ g->val[o->in[i]], g->numel[o->in[i]] };
	if (o->op == OP_MATMUL || o->op == OP_LINEAR) /* k_major: [n, width] as declared, else [width, n] */
		c.kind = g->rp->v[o->in[1]].k_major ? OP_MATMUL : OP_LINEAR;
	float *y = temp(e, g, o->out[0]);
	if (!y)
		return e->status;
	c.out[0] = y;
	c.out_numel[0] = n;
	int state = -1;
	for (int v = 0; o->op == OP_WKV7 && v < g->rp->n_values; v++)
		if (g->rp->v[v].kind == RV_STATE)
			state = v;
	if (o->op == OP_WKV7 && state < 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "region reference: wkv7 without a state value");
	if (state >= 0) {
		c.in[6] = (struct ref_buf){ g->val[state], g->numel[state] };
		c.n_in = 7;
	}
	float *s_new = NULL;
	if (state >= 0) { /* interp_ops copies S in to S out first: they must differ */
		s_new = mem_alloc(e, (size_t)g->numel[state] * sizeof(float), "region reference");
		if (!s_new)
			return e->status;
		c.out[1] = s_new;
		c.out_numel[1] = g->numel[state];
	}
	enum rwkvc_status st = ref_op(e, &c);
	if (st == RWKVC_STATUS_OK && state >= 0)
		memcpy(g->val[state], s_new, (size_t)g->numel[state] * sizeof(float));
	mem_free(s_new);
	const struct region_value *out = &g->rp->v[o->out[0]];
	if (st == RWKVC_STATUS_OK && out->kind == RV_TEMP && out->out_binding >= 0)
		memcpy(r->bufs[out->out_binding], y, (size_t)n * sizeof(float));
	return st;
}

enum rwkvc_status ref_region(struct err *e, const struct ref_kernel *r)
{
	struct region_run g;
	memset(&g, 0, sizeof g);
	g.r = r;
	g.rp = &r->k->region;
	if (g.rp->n_values > REGION_MAX_VALUES || g.rp->n_ops > REGION_MAX_OPS)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "region reference: %d values, %d ops", g.rp->n_values,
			       g.rp->n_ops);
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (int v = 0; st == RWKVC_STATUS_OK && v < g.rp->n_values; v++)
		st = bind_value(e, &g, v);
	for (int i = 0; st == RWKVC_STATUS_OK && i < g.rp->n_ops; i++)
		st = region_op(e, &g, &g.rp->ops[i]);
	for (int v = 0; st == RWKVC_STATUS_OK && v < g.rp->n_values; v++) /* the state, updated in place */
		if (g.rp->v[v].kind == RV_STATE)
			memcpy(r->bufs[g.rp->v[v].binding], g.val[v], (size_t)g.numel[v] * sizeof(float));
	for (int v = 0; v < g.rp->n_values; v++)
		if (g.owned[v])
			mem_free(g.val[v]);
	return st;
}
