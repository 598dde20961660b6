/*
 * testops_plan.c - test-ops cases taken from real plans: the fused kernels
 * (token-shift mixes, head-local regions) exactly as the fusion pass builds
 * them for the built-in RWKV-7 graph, at a small shape of two layers (layer 0
 * makes v_first, later layers mix it back in), with activations and weights
 * in f32 and in f16, and with the LoRA up-projections inside the regions
 * (region_lora) and outside.
 */
#include <stdio.h>
#include <string.h>

#include "graph/src.h"
#include "passes/pipeline.h"
#include "runtime/testops.h"

/* Two heads of 64; every LoRA rank different, so a mixed-up one shows. */
static const char *const SYMS[] = { "L", "C", "H", "N", "F", "V", "Dw", "Da", "Dv", "Dg" };
static const int64_t VALUES[] = { 2, 128, 2, 64, 256, 100, 32, 24, 16, 40 };

static bool same_desc_listed(const struct testops_case *c, int n, const struct kernel_desc *k)
{
	for (int i = 0; i < n; i++)
		if (memcmp(&c[i].desc, k, sizeof *k) == 0)
			return true;
	return false;
}

/* Appends the plan's distinct MIX and HEAD_REGION kernels. */
static int add_fused(const struct plan *p, const char *what, struct testops_case *out, int n, int cap)
{
	for (int32_t i = 0; i < p->n_kernels && n < cap; i++) {
		const struct plan_kernel *pk = &p->kernels[i];
		enum kernel_kind kind = pk->desc.kind;
		if ((kind != KERNEL_MIX && kind != KERNEL_HEAD_REGION) || same_desc_listed(out, n, &pk->desc))
			continue;
		struct testops_case *c = &out[n++];
		memset(c, 0, sizeof *c);
		c->desc = pk->desc;
		c->chunks = 1;
		/* the quick subset: every mix; the regions of a later layer (value
		 * residual) in f16, LoRA inside and outside */
		const char *label = p->g->tensors[pk->bind[pk->n_bind - 1]].name;
		c->quick = kind == KERNEL_MIX || (pk->desc.act == DTYPE_F16 && strncmp(label, "blocks.1.", 9) == 0);
		int64_t ts[3] = { 1, 3, pk->desc.t_max };
		for (int t = 0; t < 3; t++)
			if (ts[t] <= pk->desc.t_max && (c->n_T == 0 || c->T[c->n_T - 1] < ts[t]))
				c->T[c->n_T++] = ts[t];
		snprintf(c->name, sizeof c->name, "plan %s %s act=%s w=%s%s", kernel_kind_name(kind), label,
			 dtype_name(pk->desc.act), dtype_name(pk->desc.weight), what);
	}
	return n;
}

int testops_plan_cases(struct err *e, struct testops_case *out, int cap)
{
	struct graph_src *src = NULL;
	struct graph g;
	graph_init(&g);
	int n = 0;
	enum rwkvc_status st = graph_src_load(e, NULL, &src);
	if (st == RWKVC_STATUS_OK)
		st = graph_src_bind_values(e, src, SYMS, VALUES, (int)(sizeof VALUES / sizeof VALUES[0]));
	if (st == RWKVC_STATUS_OK)
		st = graph_build(e, src, &g);
	static const struct {
		enum dtype dt;
		bool lora;
	} configs[3] = { { DTYPE_F32, false }, { DTYPE_F16, false }, { DTYPE_F16, true } };
	for (int i = 0; st == RWKVC_STATUS_OK && i < 3; i++) {
		struct pipeline_options o = pipeline_options_default();
		o.act = o.weight = configs[i].dt;
		o.fuse.region_lora = configs[i].lora;
		struct plan p;
		st = pipeline_run(e, &g, &o, &p, NULL, NULL);
		if (st == RWKVC_STATUS_OK)
			n = add_fused(&p, configs[i].lora ? " region_lora" : "", out, n, cap);
		plan_destroy(&p);
	}
	graph_destroy(&g);
	graph_src_destroy(src);
	return st == RWKVC_STATUS_OK ? n : -1;
}
