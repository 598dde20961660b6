/*
 * shape_rules.c - the shape rule of every op kind: check the inputs, set the
 * outputs. Activations are [T, X]; weights keep their declared shapes, with
 * leading 1s ignored ([1, 1, C] is a C-vector).
 */
#include "shape_rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct rule_ctx {
	struct graph *g;
	struct err *e;
	const struct op *op;
};

static bool dim_eq(struct dim a, struct dim b, const struct graph *g)
{
	bool at = a.sym >= 0 && a.sym == g->sym_T, bt = b.sym >= 0 && b.sym == g->sym_T;
	if (at || bt)
		return at && bt;
	return dim_value(g, a, 0) == dim_value(g, b, 0);
}

static int lead_ones(const struct graph *g, const struct shape *s)
{
	int lead = 0;
	while (lead < s->rank - 1 && s->d[lead].sym != g->sym_T && dim_value(g, s->d[lead], 0) == 1)
		lead++;
	return lead;
}

bool shape_same_numel_layout(const struct graph *g, const struct shape *a, const struct shape *b)
{
	int la = lead_ones(g, a), lb = lead_ones(g, b);
	if (a->rank - la != b->rank - lb)
		return false;
	for (int i = 0; i < a->rank - la; i++)
		if (!dim_eq(a->d[la + i], b->d[lb + i], g))
			return false;
	return true;
}

static const struct tensor *in(struct rule_ctx *c, int k) { return &c->g->tensors[c->op->in[k]]; }
static struct tensor *out(struct rule_ctx *c, int k) { return &c->g->tensors[c->op->out[k]]; }

static bool has_T(const struct graph *g, const struct shape *s)
{
	for (int i = 0; i < s->rank; i++)
		if (s->d[i].sym >= 0 && s->d[i].sym == g->sym_T)
			return true;
	return false;
}

/* Elements of a shape without T (T-free shapes only). */
static int64_t fixed_numel(const struct graph *g, const struct shape *s) { return shape_numel(g, s, 1); }

static enum rwkvc_status fail(struct rule_ctx *c, const char *fmt, ...) ERR_PRINTF(2, 3);
static enum rwkvc_status fail(struct rule_ctx *c, const char *fmt, ...)
{
	char msg[700], where[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(c->e, RWKVC_STATUS_BAD_SHAPE, "%s: %s '%s': %s", srcpos_str(c->op->pos, where, sizeof where),
		       op_table[c->op->kind].name, out(c, 0)->name, msg);
}

/* Input k must be [T, X]; returns X through *width. */
static enum rwkvc_status want_rows(struct rule_ctx *c, int k, struct dim *width)
{
	const struct tensor *t = in(c, k);
	char s[96];
	if (t->shape.rank != 2 || !has_T(c->g, &t->shape) || t->shape.d[0].sym != c->g->sym_T)
		return fail(c, "input '%s' must be rows [T, X], found %s", t->name, shape_str(c->g, &t->shape, s, sizeof s));
	*width = t->shape.d[1];
	return RWKVC_STATUS_OK;
}

/* Input k must be a vector of `n` elements (any shape with that many, no T). */
static enum rwkvc_status want_vector(struct rule_ctx *c, int k, struct dim n)
{
	const struct tensor *t = in(c, k);
	char s[96];
	if (has_T(c->g, &t->shape) || fixed_numel(c->g, &t->shape) != dim_value(c->g, n, 0))
		return fail(c, "input '%s' must have %lld elements, found %s", t->name,
			    (long long)dim_value(c->g, n, 0), shape_str(c->g, &t->shape, s, sizeof s));
	return RWKVC_STATUS_OK;
}

static void set_rows(struct rule_ctx *c, int k, struct dim width)
{
	struct shape s = { 2, { { c->g->sym_T, 0 }, width } };
	out(c, k)->shape = s;
}

static enum rwkvc_status want_group(struct rule_ctx *c, struct dim width, double group)
{
	int64_t w = dim_value(c->g, width, 0);
	if (group < 1 || group != (double)(int64_t)group || w % (int64_t)group)
		return fail(c, "group=%g does not divide the width %lld", group, (long long)w);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status rule_matmul(struct rule_ctx *c, bool weight_out_in)
{
	struct dim k;
	TRY(want_rows(c, 0, &k));
	const struct tensor *w = in(c, 1);
	char s1[96], s2[96];
	int lead = lead_ones(c->g, &w->shape);
	if (w->shape.rank - lead != 2 || has_T(c->g, &w->shape))
		return fail(c, "weight '%s' must be a matrix, found %s", w->name, shape_str(c->g, &w->shape, s1, sizeof s1));
	struct dim rows = w->shape.d[lead], cols = w->shape.d[lead + 1];
	struct dim inner = weight_out_in ? cols : rows, outer = weight_out_in ? rows : cols;
	if (!dim_eq(inner, k, c->g))
		return fail(c, "input '%s' is %s but weight '%s' is %s (expected %s)", in(c, 0)->name,
			    shape_str(c->g, &in(c, 0)->shape, s1, sizeof s1), w->name,
			    shape_str(c->g, &w->shape, s2, sizeof s2),
			    weight_out_in ? "[M, K] with K the input width" : "[K, M] with K the input width");
	set_rows(c, 0, outer);
	return RWKVC_STATUS_OK;
}

/* Elementwise: the result has the shape of the largest input (the one with T,
 * if any); every other input has that shape, or one row of it, or 1 element. */
static enum rwkvc_status rule_elementwise(struct rule_ctx *c)
{
	int main = 0;
	for (int k = 0; k < c->op->n_in; k++) {
		const struct shape *s = &in(c, k)->shape;
		const struct shape *m = &in(c, main)->shape;
		if (has_T(c->g, s) && !has_T(c->g, m))
			main = k;
		else if (has_T(c->g, s) == has_T(c->g, m) && fixed_numel(c->g, s) > fixed_numel(c->g, m))
			main = k;
	}
	const struct shape *m = &in(c, main)->shape;
	int64_t row = dim_value(c->g, m->d[m->rank - 1], 1);
	char s1[96], s2[96];
	for (int k = 0; k < c->op->n_in; k++) {
		const struct shape *s = &in(c, k)->shape;
		if (shape_same_numel_layout(c->g, s, m))
			continue;
		if (!has_T(c->g, s) && (fixed_numel(c->g, s) == row || fixed_numel(c->g, s) == 1))
			continue;
		return fail(c, "input '%s' %s does not broadcast against '%s' %s", in(c, k)->name,
			    shape_str(c->g, s, s1, sizeof s1), in(c, main)->name, shape_str(c->g, m, s2, sizeof s2));
	}
	out(c, 0)->shape = *m;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status rule_wkv7(struct rule_ctx *c)
{
	struct dim width, w2;
	TRY(want_rows(c, 0, &width));
	for (int k = 1; k < 6; k++) {
		TRY(want_rows(c, k, &w2));
		if (!dim_eq(width, w2, c->g))
			return fail(c, "inputs '%s' and '%s' differ in width", in(c, 0)->name, in(c, k)->name);
	}
	const struct tensor *s = in(c, 6);
	char s1[96];
	int64_t C = dim_value(c->g, width, 0);
	if (s->shape.rank != 3 || has_T(c->g, &s->shape) || !dim_eq(s->shape.d[1], s->shape.d[2], c->g) ||
	    dim_value(c->g, s->shape.d[0], 0) * dim_value(c->g, s->shape.d[1], 0) != C)
		return fail(c, "state '%s' must be [H, N, N] with H * N = %lld, found %s", s->name, (long long)C,
			    shape_str(c->g, &s->shape, s1, sizeof s1));
	set_rows(c, 0, width);
	out(c, 1)->shape = s->shape;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status rule_rk_bonus(struct rule_ctx *c)
{
	struct dim width, w2;
	TRY(want_rows(c, 0, &width));
	for (int k = 1; k < 3; k++) {
		TRY(want_rows(c, k, &w2));
		if (!dim_eq(width, w2, c->g))
			return fail(c, "inputs '%s' and '%s' differ in width", in(c, 0)->name, in(c, k)->name);
	}
	const struct tensor *rk = in(c, 3);
	char s1[96];
	int lead = lead_ones(c->g, &rk->shape);
	if (rk->shape.rank - lead != 2 || has_T(c->g, &rk->shape) || fixed_numel(c->g, &rk->shape) != dim_value(c->g, width, 0))
		return fail(c, "'%s' must be [H, N] with H * N = %lld, found %s", rk->name,
			    (long long)dim_value(c->g, width, 0), shape_str(c->g, &rk->shape, s1, sizeof s1));
	set_rows(c, 0, width);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status infer_op_shapes(struct graph *g, struct err *e, int32_t op_index)
{
	struct rule_ctx c = { g, e, &g->ops[op_index] };
	const struct op *op = c.op;
	struct dim width;
	char s1[96];
	for (int k = 0; k < op->n_in; k++) {
		const struct tensor *t = in(&c, k);
		bool tokens_ok = op->kind == OP_EMBEDDING && k == 0;
		if ((t->dtype == DTYPE_I32) != tokens_ok)
			return fail(&c, "input '%s' has dtype %s, expected %s", t->name, dtype_name(t->dtype),
				    tokens_ok ? "i32" : "a float type");
	}
	switch (op->kind) {
	case OP_EMBEDDING: {
		const struct tensor *tok = in(&c, 0), *tab = in(&c, 1);
		if (tok->shape.rank != 1 || tok->shape.d[0].sym != g->sym_T)
			return fail(&c, "token ids '%s' must be [T]", tok->name);
		if (tab->shape.rank != 2 || has_T(g, &tab->shape))
			return fail(&c, "table '%s' must be [V, C], found %s", tab->name, shape_str(g, &tab->shape, s1, sizeof s1));
		set_rows(&c, 0, tab->shape.d[1]);
		return RWKVC_STATUS_OK;
	}
	case OP_LAYER_NORM:
	case OP_GROUP_NORM:
		TRY(want_rows(&c, 0, &width));
		TRY(want_vector(&c, 1, width));
		TRY(want_vector(&c, 2, width));
		if (op->kind == OP_GROUP_NORM)
			TRY(want_group(&c, width, op->param[0]));
		set_rows(&c, 0, width);
		return RWKVC_STATUS_OK;
	case OP_L2_NORM:
		TRY(want_rows(&c, 0, &width));
		TRY(want_group(&c, width, op->param[0]));
		set_rows(&c, 0, width);
		return RWKVC_STATUS_OK;
	case OP_LINEAR:
		return rule_matmul(&c, true);
	case OP_MATMUL:
		return rule_matmul(&c, false);
	case OP_ADD:
	case OP_SUB:
	case OP_MUL:
	case OP_LERP:
	case OP_TANH:
	case OP_SIGMOID:
	case OP_RELU_SQ:
	case OP_DECAY:
	case OP_COPY:
		return rule_elementwise(&c);
	case OP_TOKEN_SHIFT:
		TRY(want_rows(&c, 0, &width));
		TRY(want_vector(&c, 1, width));
		set_rows(&c, 0, width);
		return RWKVC_STATUS_OK;
	case OP_LAST_ROW: {
		TRY(want_rows(&c, 0, &width));
		struct shape s = { 1, { width } };
		out(&c, 0)->shape = s;
		return RWKVC_STATUS_OK;
	}
	case OP_WKV7:
		return rule_wkv7(&c);
	case OP_RK_BONUS:
		return rule_rk_bonus(&c);
	case OP_COUNT:
		break;
	}
	return fail(&c, "no shape rule");
}
