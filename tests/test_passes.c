/*
 * test_passes.c - the compiler passes one by one and through the driver:
 * fusion groups on the RWKV-7 graph and where fusion must not happen, lowering
 * covers every op once, memory plans never overlap live tensors and add no
 * barriers, the scheduler puts barriers exactly where data flows, and the
 * driver's options, reports and printing.
 */
#include "testutil.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/src.h"
#include "passes/fuse.h"
#include "passes/lower.h"
#include "passes/pipeline.h"

/* ---- graphs ---- */

static void build_graph(const char *yaml, const char *preset, struct graph *g)
{
	struct err e = { 0 };
	struct graph_src *src;
	enum rwkvc_status st = yaml ? graph_src_parse(&e, yaml, strlen(yaml), "t.yaml", &src) : graph_src_load(&e, NULL, &src);
	if (st)
		fail_msg("%s", e.msg);
	if (graph_src_bind_preset(&e, src, preset) || graph_build(&e, src, g))
		fail_msg("%s", e.msg);
	graph_src_destroy(src);
}

static void compile(const struct graph *g, const struct pipeline_options *o, struct plan *p)
{
	struct err e = { 0 };
	if (pipeline_run(&e, g, o, p, NULL, NULL))
		fail_msg("%s", e.msg);
}

static int32_t tensor(const struct graph *g, const char *name)
{
	int32_t t = graph_find(g, name);
	if (t < 0)
		fail_msg("no tensor '%s'", name);
	return t;
}

/* The kernel that covers the op making tensor `name`. */
static int32_t kernel_of(const struct plan *p, const char *name)
{
	int32_t op = p->g->tensors[tensor(p->g, name)].producer;
	for (int32_t k = 0; k < p->n_kernels; k++)
		for (int32_t i = 0; i < p->kernels[k].n_ops; i++)
			if (p->op_order[p->kernels[k].first_op + i] == op)
				return k;
	fail_msg("no kernel covers '%s'", name);
	return -1;
}

/* A tiny graph with two traps for fusion: `.h` is read by the tanh and by the
 * mul, so the tanh must not fold into the linear (h would be lost); `.u` is
 * a second output-like use of the chain's middle value. */
static const char *no_fuse_yaml =
	"format: 1\n"
	"symbols: {T: tokens, V: vocab, C: width, L: layers}\n"
	"presets: {tiny: {V: 16, C: 8, L: 2}}\n"
	"inputs: {tokens: {shape: [T], dtype: i32}}\n"
	"weights: {emb: [V, C], head: [V, C]}\n"
	"prologue:\n"
	"  - x = embedding(tokens, emb)\n"
	"layers:\n"
	"  count: L\n"
	"  carry: {x: .out}\n"
	"  weights: {.w: [C, C], .w2: [C, C], .g: [1, 1, C]}\n"
	"  ops:\n"
	"    - .h = linear(x, .w)\n"
	"    - .a = tanh(.h)\n"
	"    - .b = mul(.a, .h)\n"
	"    - .s = sigmoid(.b)\n"
	"    - .u = linear(.b, .w2)\n"
	"    - .v = mul(.s, .g)\n"
	"    - .out = add(.v, .u)\n"
	"epilogue:\n"
	"  - logits = linear(x, head)\n"
	"outputs: [logits]\n";

/* ---- fuse ---- */

static void test_fuse_groups_of_rwkv7(void **state)
{
	(void)state;
	struct graph g;
	build_graph(NULL, "0.1b", &g);
	struct fuse_options fo = fuse_options_all();
	fo.enable[GROUP_MATVEC_SET] = false; /* the growing rules alone; sets are checked below */
	struct partition part;
	struct err e = { 0 };
	assert_int_equal(fuse_partition(&e, &g, &fo, &part), 0);
	/* per layer: the att and ffn mixes; matvec groups w_lo+tanh, g_lo+sigmoid,
	 * out+residual, ffn key+relu_sq, ffn value+residual; one head region; r, k,
	 * v, a_lo and the LoRA up-projections w_hi, a_hi, g alone (and v_lo, v_hi
	 * from layer 1, where the value residual starts) */
	int count[64][GROUP_KIND_COUNT] = { { 0 } };
	int outside[GROUP_KIND_COUNT] = { 0 };
	for (int32_t i = 0; i < part.n_groups; i++) {
		const struct op_group *grp = &part.groups[i];
		int32_t layer = g.ops[grp->anchor].layer;
		if (layer < 0)
			outside[grp->kind]++;
		else
			count[layer][grp->kind]++;
	}
	for (int32_t l = 0; l < g.n_layers; l++) {
		assert_int_equal(count[l][GROUP_MIX], 2);
		assert_int_equal(count[l][GROUP_MATVEC], 5);
		assert_int_equal(count[l][GROUP_HEAD_REGION], 1);
		assert_int_equal(count[l][GROUP_EW_CHAIN], 0);
		assert_int_equal(count[l][GROUP_SINGLE], l == 0 ? 7 : 9);
	}
	assert_int_equal(outside[GROUP_SINGLE], 4); /* embedding, ln0, ln_out, head */
	assert_int_equal(part.n_groups, 15 + 17 * (g.n_layers - 1) + 4);
	/* the partition: every op in exactly one group, groups in a valid order */
	int32_t *seen = calloc((size_t)g.n_ops, sizeof *seen);
	int32_t *pos = calloc((size_t)g.n_ops, sizeof *pos);
	for (int32_t i = 0; i < g.n_ops; i++) {
		seen[part.ops[i]]++;
		pos[part.ops[i]] = i;
	}
	for (int32_t i = 0; i < g.n_ops; i++) {
		assert_int_equal(seen[i], 1);
		for (int k = 0; k < g.ops[i].n_in; k++) { /* producers come first */
			int32_t prod = g.tensors[g.ops[i].in[k]].producer;
			if (prod >= 0)
				assert_true(pos[prod] < pos[i]);
		}
	}
	/* the head region of layer 1 holds wkv7 and the ops around it */
	int32_t wkv = g.tensors[tensor(&g, "blocks.1.att.wkv_y")].producer;
	const struct op_group *hr = &part.groups[part.group_of[wkv]];
	assert_int_equal(hr->kind, GROUP_HEAD_REGION);
	const char *inside[] = { "blocks.1.att.w", "blocks.1.att.kk", "blocks.1.att.ln_x", "blocks.1.att.y_gated" };
	for (size_t i = 0; i < sizeof inside / sizeof inside[0]; i++)
		assert_int_equal(part.group_of[g.tensors[tensor(&g, inside[i])].producer], part.group_of[wkv]);
	free(seen);
	free(pos);
	partition_destroy(&part);
	/* with matvec sets: r, k, v and the down-projections are one kernel, the
	 * up-projections another; Wo, FFN key and FFN value stay alone */
	fo.enable[GROUP_MATVEC_SET] = true;
	assert_int_equal(fuse_partition(&e, &g, &fo, &part), 0);
	int sets[64] = { 0 }, groups[64] = { 0 };
	for (int32_t i = 0; i < part.n_groups; i++) {
		int32_t layer = g.ops[part.groups[i].anchor].layer;
		if (layer >= 0) {
			groups[layer]++;
			sets[layer] += part.groups[i].kind == GROUP_MATVEC_SET;
		}
	}
	for (int32_t l = 0; l < g.n_layers; l++) {
		assert_int_equal(sets[l], 2);
		assert_int_equal(groups[l], 8);
	}
	partition_destroy(&part);
	graph_destroy(&g);
}

static void test_fuse_refuses_shared_intermediates(void **state)
{
	(void)state;
	struct graph g;
	build_graph(no_fuse_yaml, "tiny", &g);
	struct fuse_options fo = fuse_options_all();
	struct partition part;
	struct err e = { 0 };
	assert_int_equal(fuse_partition(&e, &g, &fo, &part), 0);
	for (int l = 0; l < 2; l++) {
		char h[32], a[32], b[32], s[32], u[32];
		snprintf(h, sizeof h, "blocks.%d.h", l);
		snprintf(a, sizeof a, "blocks.%d.a", l);
		snprintf(b, sizeof b, "blocks.%d.b", l);
		snprintf(s, sizeof s, "blocks.%d.s", l);
		snprintf(u, sizeof u, "blocks.%d.u", l);
		int32_t gh = part.group_of[g.tensors[tensor(&g, h)].producer];
		int32_t ga = part.group_of[g.tensors[tensor(&g, a)].producer];
		int32_t gb = part.group_of[g.tensors[tensor(&g, b)].producer];
		int32_t gs = part.group_of[g.tensors[tensor(&g, s)].producer];
		int32_t gu = part.group_of[g.tensors[tensor(&g, u)].producer];
		/* h is read twice: neither the tanh nor the mul may swallow the linear */
		assert_int_equal(part.groups[gh].kind, GROUP_SINGLE);
		assert_int_equal(part.groups[gh].n, 1);
		assert_int_not_equal(gh, ga);
		/* b feeds both the sigmoid and the second linear: it must stay a
		 * tensor, so neither reaches across it into b's group */
		assert_int_not_equal(gb, gs);
		assert_int_not_equal(gb, gu);
		/* where nothing is shared, fusion does happen: the tanh joins b's chain */
		assert_int_equal(ga, gb);
		assert_int_equal(part.groups[gb].kind, GROUP_EW_CHAIN);
	}
	/* with every rule off, nothing fuses at all */
	memset(fo.enable, 0, sizeof fo.enable);
	partition_destroy(&part);
	assert_int_equal(fuse_partition(&e, &g, &fo, &part), 0);
	assert_int_equal(part.n_groups, g.n_ops);
	partition_destroy(&part);
	graph_destroy(&g);
}

/* ---- lower ---- */

static void check_covers_every_op_once(const struct plan *p)
{
	const struct graph *g = p->g;
	assert_int_equal(p->n_ops, g->n_ops);
	int32_t *times = calloc((size_t)g->n_ops, sizeof *times);
	int32_t next = 0;
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		assert_int_equal(pk->first_op, next); /* kernels tile op_order in order */
		assert_true(pk->n_ops >= 1);
		next += pk->n_ops;
		for (int32_t i = 0; i < pk->n_ops; i++)
			times[p->op_order[pk->first_op + i]]++;
	}
	assert_int_equal(next, g->n_ops);
	for (int32_t i = 0; i < g->n_ops; i++)
		if (times[i] != 1)
			fail_msg("op '%s' is in %d kernels", g->tensors[g->ops[i].out[0]].name, times[i]);
	free(times);
}

static void test_lower_covers_every_op_once(void **state)
{
	(void)state;
	struct graph g;
	build_graph(NULL, "0.1b", &g);
	struct pipeline_options o = pipeline_options_default();
	const char *variants[] = { NULL, "fuse", "head_region", "mix", "matvec", "ew_chain" };
	for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
		struct pipeline_options ov = o;
		struct err e = { 0 };
		if (variants[v])
			assert_int_equal(pipeline_disable(&e, &ov, variants[v]), 0);
		struct plan p;
		compile(&g, &ov, &p);
		check_covers_every_op_once(&p);
		if (variants[v] && strcmp(variants[v], "fuse") == 0)
			assert_int_equal(p.n_kernels, g.n_ops);
		plan_destroy(&p);
	}
	graph_destroy(&g);
}

/* ---- memplan ---- */

static int32_t home_of(const struct plan *p, int32_t t)
{
	while (p->place[t].alias >= 0)
		t = p->place[t].alias;
	return t;
}

/* No two activations alive at the same kernel share a byte, unless one lives
 * in place of the other; every pair is checked. */
static void check_no_live_overlap(const struct plan *p, uint64_t align)
{
	const struct graph *g = p->g;
	int32_t n_act = 0;
	for (int32_t a = 0; a < g->n_tensors; a++) {
		const struct plan_place *pa = &p->place[a];
		if (pa->kind != PLACE_ACT || pa->first < 0) /* < 0: inside one fused kernel, never stored */
			continue;
		n_act++;
		assert_true(pa->first <= pa->last);
		assert_true(pa->offset + pa->bytes <= p->act_bytes);
		assert_int_equal(pa->offset % align, 0);
		for (int32_t b = a + 1; b < g->n_tensors; b++) {
			const struct plan_place *pb = &p->place[b];
			if (pb->kind != PLACE_ACT || pb->first < 0 || home_of(p, a) == home_of(p, b))
				continue;
			bool alive_together = pa->first <= pb->last && pb->first <= pa->last;
			bool share = pa->offset < pb->offset + pb->bytes && pb->offset < pa->offset + pa->bytes;
			if (alive_together && share)
				fail_msg("'%s' (kernels %d..%d, bytes %llu+%llu) and '%s' (kernels %d..%d, bytes %llu+%llu) overlap",
					 g->tensors[a].name, pa->first, pa->last, (unsigned long long)pa->offset,
					 (unsigned long long)pa->bytes, g->tensors[b].name, pb->first, pb->last,
					 (unsigned long long)pb->offset, (unsigned long long)pb->bytes);
		}
	}
	assert_true(n_act > 0);
	assert_true(p->act_bytes <= p->act_bytes_naive);
}

static void test_memplan_never_overlaps_live_tensors(void **state)
{
	(void)state;
	struct graph g;
	build_graph(NULL, "0.1b", &g);
	const char *variants[] = { NULL, "fuse", "schedule", "memplan" };
	int32_t barriers_no_reuse = -1;
	for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
		struct pipeline_options o = pipeline_options_default();
		o.t_max = 7; /* sizes not a power of two */
		struct err e = { 0 };
		if (variants[v])
			assert_int_equal(pipeline_disable(&e, &o, variants[v]), 0);
		struct plan p;
		compile(&g, &o, &p);
		check_no_live_overlap(&p, o.align);
		if (!variants[v]) /* reuse shrinks the fused plan's arena a lot */
			assert_true(p.act_bytes * 2 < p.act_bytes_naive);
		if (variants[v] && strcmp(variants[v], "memplan") == 0) {
			barriers_no_reuse = plan_barriers(&p);
			/* no reuse: the arena is the sum of the activations */
			assert_int_equal(p.act_bytes, p.act_bytes_naive);
		}
		plan_destroy(&p);
	}
	/* reuse adds no barrier: the fused plan has as many as without reuse */
	struct pipeline_options o = pipeline_options_default();
	o.t_max = 7;
	struct plan p;
	compile(&g, &o, &p);
	assert_int_equal(plan_barriers(&p), barriers_no_reuse);
	plan_destroy(&p);
	graph_destroy(&g);
}

static void test_memplan_in_place(void **state)
{
	(void)state;
	struct graph g;
	build_graph(no_fuse_yaml, "tiny", &g);
	/* elementwise ops one by one: .s = sigmoid(.b) cannot take b's place (b is
	 * read again by .u); .out = add(.v, .u) takes v's place (v dies there) */
	struct pipeline_options o = pipeline_options_default();
	struct err e = { 0 };
	assert_int_equal(pipeline_disable(&e, &o, "fuse"), 0);
	struct plan p;
	compile(&g, &o, &p);
	check_no_live_overlap(&p, o.align);
	int32_t out = tensor(&g, "blocks.0.out"), v = tensor(&g, "blocks.0.v"), s = tensor(&g, "blocks.0.s");
	assert_int_equal(p.place[out].alias, v);
	assert_int_equal(p.place[out].offset, p.place[v].offset);
	assert_int_equal(p.place[s].alias, -1);
	plan_destroy(&p);
	/* without reuse nothing is written in place */
	assert_int_equal(pipeline_disable(&e, &o, "memplan"), 0);
	compile(&g, &o, &p);
	assert_int_equal(p.place[out].alias, -1);
	assert_int_not_equal(p.place[out].offset, p.place[v].offset);
	plan_destroy(&p);
	graph_destroy(&g);
	/* RWKV-7's head region writes the wkv state in place: the new state lives in the state buffer */
	build_graph(NULL, "0.1b", &g);
	o = pipeline_options_default();
	compile(&g, &o, &p);
	int32_t w_in = tensor(&g, "blocks.3.att.wkv_in"), w_out = tensor(&g, "blocks.3.att.wkv_out");
	assert_int_equal(p.place[w_out].alias, w_in);
	assert_int_equal(p.place[w_out].kind, PLACE_STATE);
	assert_int_equal(p.place[w_out].offset, p.place[w_in].offset);
	for (int32_t c = 0; c < p.n_copies; c++) /* so there is no copy for it */
		assert_int_not_equal(p.copies[c].from, w_out);
	plan_destroy(&p);
	graph_destroy(&g);
}

/* ---- schedule ---- */

struct span {
	uint64_t lo, hi;
	enum place_kind kind;
};

static bool touches(const struct plan *p, int32_t t, struct span s)
{
	const struct plan_place *pl = &p->place[t];
	return pl->kind == s.kind && pl->offset < s.hi && s.lo < pl->offset + pl->bytes;
}

static bool tracked(const struct plan *p, int32_t t)
{
	enum place_kind k = p->place[t].kind;
	return k == PLACE_ACT || k == PLACE_STATE || k == PLACE_TOKENS;
}

/* Whether kernel k conflicts with kernel j (j earlier): k reads what j wrote,
 * or writes what j read or wrote. */
static bool conflict(const struct plan *p, int32_t j, int32_t k)
{
	enum kernel_role rj[KERNEL_MAX_BINDINGS], rk[KERNEL_MAX_BINDINGS];
	int nj = kernel_bindings(&p->kernels[j].desc, rj), nk = kernel_bindings(&p->kernels[k].desc, rk);
	for (int a = 0; a < nj; a++) {
		int32_t tj = p->kernels[j].bind[a];
		if (!tracked(p, tj))
			continue;
		struct span sj = { p->place[tj].offset, p->place[tj].offset + p->place[tj].bytes, p->place[tj].kind };
		for (int b = 0; b < nk; b++) {
			int32_t tk = p->kernels[k].bind[b];
			if (tracked(p, tk) && touches(p, tk, sj) && (rj[a] == ROLE_OUTPUT || rk[b] == ROLE_OUTPUT))
				return true;
		}
	}
	return false;
}

/* The oracle: a barrier before k exactly when k conflicts with a kernel since the last barrier. */
static void check_barriers_exact(const struct plan *p)
{
	int32_t since = 0;
	for (int32_t k = 1; k < p->n_kernels; k++) {
		bool need = false;
		for (int32_t j = since; j < k && !need; j++)
			need = conflict(p, j, k);
		if (need != p->kernels[k].barrier_before)
			fail_msg("kernel %d: barrier %s, but it %s an earlier kernel of its interval", k,
				 p->kernels[k].barrier_before ? "set" : "missing", need ? "conflicts with" : "does not touch");
		if (need)
			since = k;
	}
}

static void test_schedule_barriers_exactly_where_data_flows(void **state)
{
	(void)state;
	struct graph g;
	build_graph(NULL, "0.1b", &g);
	const char *variants[] = { NULL, "fuse", "memplan", "head_region" };
	for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
		struct pipeline_options o = pipeline_options_default();
		struct err e = { 0 };
		if (variants[v])
			assert_int_equal(pipeline_disable(&e, &o, variants[v]), 0);
		struct plan p;
		compile(&g, &o, &p);
		check_barriers_exact(&p);
		plan_destroy(&p);
	}
	graph_destroy(&g);
}

static void test_schedule_independent_kernels_share_an_interval(void **state)
{
	(void)state;
	struct graph g;
	build_graph(NULL, "0.1b", &g);
	struct pipeline_options o = pipeline_options_default();
	o.fuse.enable[GROUP_MATVEC_SET] = false; /* separate kernels, to see where barriers go */
	struct plan p;
	compile(&g, &o, &p);
	/* r, k, v and the LoRA down-projections all read the mix's outputs only */
	int32_t r = kernel_of(&p, "blocks.2.att.r");
	const char *together[] = { "blocks.2.att.k", "blocks.2.att.v", "blocks.2.att.w_act", "blocks.2.att.a_lo",
				   "blocks.2.att.g_act", "blocks.2.att.v_lo" };
	assert_true(p.kernels[r].barrier_before);
	for (size_t i = 0; i < sizeof together / sizeof together[0]; i++) {
		int32_t k = kernel_of(&p, together[i]);
		assert_true(k > r);
		for (int32_t j = r + 1; j <= k; j++)
			if (p.kernels[j].barrier_before)
				fail_msg("a barrier before kernel %d separates %s from blocks.2.att.r", j, together[i]);
	}
	/* decode: at most 8 barriers per layer, and far fewer than one per kernel */
	int32_t per_layer = plan_barriers_per_layer(&p);
	print_message("    fused RWKV-7 0.1b: %d kernels, %d barriers, %d per layer\n", p.n_kernels, plan_barriers(&p),
		      per_layer);
	assert_true(per_layer <= 8);
	assert_true(plan_barriers(&p) < p.n_kernels - 1);
	plan_destroy(&p);
	/* switched off: a barrier before every kernel */
	struct err e = { 0 };
	assert_int_equal(pipeline_disable(&e, &o, "schedule"), 0);
	compile(&g, &o, &p);
	assert_int_equal(plan_barriers(&p), p.n_kernels - 1);
	plan_destroy(&p);
	graph_destroy(&g);
}

/* ---- the driver ---- */

static void test_driver_names_and_errors(void **state)
{
	(void)state;
	struct pipeline_options o = pipeline_options_default();
	struct err e = { 0 };
	assert_int_equal(pipeline_disable(&e, &o, "fusion"), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "no pass or fusion rule named 'fusion'"));
	assert_non_null(strstr(e.msg, "head_region"));
	assert_int_equal(pipeline_disable(&e, &o, "lower"), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "cannot disable the pass 'lower'"));
	assert_int_equal(pipeline_set_print_after(&e, &o, "fuze"), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "no pass named 'fuze'"));
	assert_int_equal(pipeline_disable(&e, &o, "mix"), 0);
	assert_false(o.fuse.enable[GROUP_MIX]);
	assert_true(o.pass_on[PASS_FUSE]);
	struct strbuf b;
	strbuf_init(&b, &e);
	pipeline_options_str(&o, &b);
	assert_string_equal(strbuf_str(&b), "fuse(ew_chain,matvec,head_region,matvec_set) lower memplan schedule");
	strbuf_free(&b);
	struct graph g;
	build_graph(no_fuse_yaml, "tiny", &g);
	struct plan p;
	o = pipeline_options_default();
	o.t_max = 0;
	assert_int_equal(pipeline_run(&e, &g, &o, &p, NULL, NULL), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "t_max must be at least 1"));
	o = pipeline_options_default();
	o.act = DTYPE_Q8_0;
	assert_int_equal(pipeline_run(&e, &g, &o, &p, NULL, NULL), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "f32 or f16"));
	graph_destroy(&g);
}

static void assert_matches(const char *text, const char *pattern)
{
	regex_t re;
	assert_int_equal(regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE), 0);
	int r = regexec(&re, text, 0, NULL, 0);
	regfree(&re);
	if (r)
		fail_msg("no line matches /%s/ in:\n%s", pattern, text);
}

static void test_driver_reports_and_prints(void **state)
{
	(void)state;
	struct graph g;
	build_graph(NULL, "0.1b", &g);
	struct err e = { 0 };
	struct pipeline_options o = pipeline_options_default();
	o.verbose = true;
	o.print_after = PASS_FUSE;
	struct strbuf report, printed;
	strbuf_init(&report, &e);
	strbuf_init(&printed, &e);
	struct plan p;
	assert_int_equal(pipeline_run(&e, &g, &o, &p, &report, &printed), 0);
	const char *r = strbuf_str(&report);
	assert_matches(r, "^fuse: 576 ops -> 100 groups$");
	assert_matches(r, "^lower: 100 kernels$");
	assert_matches(r, "^memplan: [0-9]+ buffers -> [0-9]+\\.[0-9] MiB \\(naive [0-9]+\\.[0-9] MiB\\)$");
	assert_matches(r, "^schedule: [0-9]+ barriers, [0-9]+ per layer$");
	int lines = 0;
	for (const char *c = r; *c; c++)
		lines += *c == '\n';
	assert_int_equal(lines, 4); /* one line per pass */
	/* after fuse: the groups, one per line, with their ops */
	assert_matches(strbuf_str(&printed), "^fusion groups: 100");
	assert_matches(strbuf_str(&printed), "head_region +blocks.0.att.w_pre = add");
	plan_destroy(&p);
	/* after schedule: the plan in the text dump format, barriers included */
	strbuf_free(&printed);
	o.print_after = PASS_SCHEDULE;
	o.verbose = false;
	assert_int_equal(pipeline_run(&e, &g, &o, &p, NULL, &printed), 0);
	assert_matches(strbuf_str(&printed), "^kernels: 100 in dispatch order");
	assert_matches(strbuf_str(&printed), "---- barrier ----");
	assert_matches(strbuf_str(&printed), "^buffers: ");
	plan_destroy(&p);
	/* after lower: kernels, but nothing placed yet */
	strbuf_free(&printed);
	o.print_after = PASS_LOWER;
	assert_int_equal(pipeline_run(&e, &g, &o, &p, NULL, &printed), 0);
	assert_matches(strbuf_str(&printed), "^kernels: 100");
	assert_null(strstr(strbuf_str(&printed), "---- barrier ----"));
	assert_null(strstr(strbuf_str(&printed), "\nbuffers: "));
	plan_destroy(&p);
	strbuf_free(&printed);
	strbuf_free(&report);
	graph_destroy(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fuse_groups_of_rwkv7),
		cmocka_unit_test(test_fuse_refuses_shared_intermediates),
		cmocka_unit_test(test_lower_covers_every_op_once),
		cmocka_unit_test(test_memplan_never_overlaps_live_tensors),
		cmocka_unit_test(test_memplan_in_place),
		cmocka_unit_test(test_schedule_barriers_exactly_where_data_flows),
		cmocka_unit_test(test_schedule_independent_kernels_share_an_interval),
		cmocka_unit_test(test_driver_names_and_errors),
		cmocka_unit_test(test_driver_reports_and_prints),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
