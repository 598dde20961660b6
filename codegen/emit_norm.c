/*
 * emit_norm.c - per-group reductions: layer_norm (one group = one row),
 * group_norm, l2_norm, and rk_bonus (a head is a group: sum of r*k*r_k, then
 * scale v).
 *
 * One workgroup per group. Statistics are f32 and two-pass (mean, then the
 * sum of squared deviations), as the reference computes them, never
 * E[x^2] - E[x]^2, which cancels badly for rows with a large mean. Small
 * groups keep their values in registers between the passes; large ones read
 * them again (from cache).
 */
#include "emit.h"

#include <math.h>

enum { MAX_REGISTER_PER = 16 };

struct norm_cfg {
	uint32_t wg;   /* invocations, a power of two */
	uint32_t per;  /* elements per invocation: ceil(group / wg) */
	bool regs;     /* values kept in registers between passes */
	int64_t group; /* elements per group */
};

static int64_t group_of(const struct kernel_desc *k)
{
	return k->kind == KERNEL_LAYER_NORM && k->group <= 0 ? k->width : k->group;
}

static struct norm_cfg norm_config(const struct kernel_desc *k, const struct codegen_target *t)
{
	struct norm_cfg c = { .group = group_of(k) };
	uint32_t sg = emit_subgroup_size(t, 32);
	if (t->cpu) {
		/* one subgroup (no barrier) unless the group is long */
		c.wg = c.group <= 16 * (int64_t)sg ? sg : 64;
	} else {
		uint32_t want = emit_pow2_ceil((uint64_t)(c.group + 3) / 4);
		c.wg = want < 32 ? 32 : want > 256 ? 256 : want;
	}
	if (t->max_workgroup_invocations && c.wg > t->max_workgroup_invocations)
		c.wg = emit_pow2_ceil(t->max_workgroup_invocations + 1) / 2;
	c.per = (uint32_t)((c.group + c.wg - 1) / c.wg);
	c.regs = c.per <= MAX_REGISTER_PER;
	return c;
}

/* Opens a loop over the invocation's elements j of the group; the body may
 * use `j` and VAL (the element's x value, from registers when kept). */
static void loop_open(struct strbuf *b, const struct norm_cfg *c)
{
	if (c->regs)
		strbuf_printf(b,
			      "    [[unroll]] for (uint p = 0u; p < %uu; p++) {\n"
			      "        uint j = lid + p * %uu;\n"
			      "        if (j >= G) break;\n",
			      c->per, c->wg);
	else
		strbuf_printf(b, "    for (uint j = lid; j < G; j += %uu) {\n", c->wg);
}

static const char *val(const struct norm_cfg *c) { return c->regs ? "v[p]" : "float(x[base + j])"; }

static void body_norm(struct strbuf *b, const struct kernel_desc *k, const struct norm_cfg *c)
{
	const char *act = emit_scalar_type(k->act);
	if (c->regs) {
		strbuf_printf(b, "    float v[%u];\n", c->per);
		strbuf_printf(b, "    [[unroll]] for (uint p = 0u; p < %uu; p++) {\n"
				 "        uint j = lid + p * %uu;\n"
				 "        v[p] = j < G ? float(x[base + j]) : 0.0;\n"
				 "    }\n",
			      c->per, c->wg);
	}
	if (k->kind == KERNEL_L2_NORM) {
		strbuf_append(b, "    float q = 0.0;\n");
		loop_open(b, c);
		strbuf_printf(b, "        float d = %s;\n        q += d * d;\n    }\n", val(c));
		strbuf_append(b, "    float inv = 1.0 / max(sqrt(wg_sum(q)), EPS);\n");
		loop_open(b, c);
		strbuf_printf(b, "        y[base + j] = %s(%s * inv);\n    }\n", act, val(c));
		return;
	}
	strbuf_append(b, "    float s = 0.0;\n");
	loop_open(b, c);
	strbuf_printf(b, "        s += %s;\n    }\n", val(c));
	strbuf_append(b, "    float mean = wg_sum(s) / float(G);\n    float q = 0.0;\n");
	loop_open(b, c);
	strbuf_printf(b, "        float d = %s - mean;\n        q += d * d;\n    }\n", val(c));
	strbuf_append(b, "    float inv = 1.0 / sqrt(wg_sum(q) / float(G) + EPS);\n");
	loop_open(b, c);
	strbuf_printf(b, "        y[base + j] = %s((%s - mean) * inv * float(w[c0 + j]) + float(b[c0 + j]));\n    }\n",
		      act, val(c));
}

static void body_bonus(struct strbuf *b, const struct kernel_desc *k, const struct norm_cfg *c)
{
	struct norm_cfg direct = *c;
	direct.regs = false;
	strbuf_append(b, "    float s = 0.0;\n");
	loop_open(b, &direct);
	strbuf_append(b, "        s += float(r[base + j]) * float(k[base + j]) * float(r_k[c0 + j]);\n    }\n"
			 "    float total = wg_sum(s);\n");
	loop_open(b, &direct);
	strbuf_printf(b, "        y[base + j] = %s(total * float(v[base + j]));\n    }\n", emit_scalar_type(k->act));
}

enum rwkvc_status emit_norm(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			    const struct codegen_target *t, const char *name)
{
	struct norm_cfg c = norm_config(k, t);
	if (c.group < 1 || k->width % c.group != 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s' (%s): width %lld is not a multiple of group %lld",
			       name, kernel_kind_name(k->kind), (long long)k->width, (long long)c.group);
	bool has_eps = k->kind != KERNEL_RK_BONUS;
	if (has_eps && (!isfinite(k->eps) || k->eps < 0 || k->eps > 1e30))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s' (%s): eps %g", name, kernel_kind_name(k->kind),
			       k->eps);
	emit_preamble(b, name, k, t, c.wg, true);
	emit_buffers(b, k);
	emit_group_id(b);
	emit_wg_sum(b, t, c.wg);
	strbuf_printf(b, "const uint G = %lluu;\nconst uint GROUPS = %lluu; // per row\n", (unsigned long long)c.group,
		      (unsigned long long)(k->width / c.group));
	if (has_eps) {
		strbuf_append(b, "const float EPS = ");
		emit_float(b, k->eps);
		strbuf_append(b, ";\n");
	}
	strbuf_append(b, "void main() {\n"
			 "    uint gi = group_id();\n"
			 "    if (gi >= pc.T * GROUPS)\n"
			 "        return;\n"
			 "    uint base = gi * G;             // groups tile the rows\n"
			 "    uint c0 = (gi % GROUPS) * G;    // its first channel\n"
			 "    uint lid = gl_LocalInvocationID.x;\n");
	if (k->kind == KERNEL_RK_BONUS)
		body_bonus(b, k, &c);
	else
		body_norm(b, k, &c);
	strbuf_append(b, "}\n");
	return RWKVC_STATUS_OK;
}

void grid_norm(const struct kernel_desc *k, const struct codegen_target *t, int64_t T, uint32_t out_groups[3])
{
	(void)t;
	int64_t g = group_of(k);
	emit_grid_linear((uint64_t)(T * (g > 0 ? k->width / g : 1)), out_groups);
}
