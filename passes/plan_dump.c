/*
 * plan_dump.c - the numbers every dump format shares (traffic per kernel,
 * totals, the buffer order) and the text format; see plan_dump.h.
 */
#include "plan_dump.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "lower.h"

bool plan_dump_format_from_name(const char *name, enum plan_dump_format *out)
{
	static const char *const names[PLAN_DUMP_FORMAT_COUNT] = { "text", "yaml", "json", "dot" };
	for (int f = 0; f < PLAN_DUMP_FORMAT_COUNT; f++) {
		if (strcmp(names[f], name) == 0) {
			*out = (enum plan_dump_format)f;
			return true;
		}
	}
	return false;
}

struct plan_dump_input plan_dump_input_of(const struct plan *p, const struct pipeline_options *o, enum pass_id stage)
{
	struct plan_dump_input in = { p, o, stage, NULL, NULL };
	return in;
}

const char *place_kind_name(enum place_kind k)
{
	static const char *const names[] = { "none", "weight", "act", "state", "tokens" };
	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

/* ---- traffic and totals ---- */

/* Whether binding b of kernel k both reads and writes (a state updated in place). */
static bool reads_and_writes(const struct plan_kernel *pk, int b)
{
	return pk->desc.kind == KERNEL_HEAD_REGION && pk->desc.region.role[b] == REGION_BINDING_INOUT;
}

void plan_kernel_traffic(const struct plan *p, int32_t k, int64_t T, struct kernel_traffic *out)
{
	const struct plan_kernel *pk = &p->kernels[k];
	enum kernel_role roles[KERNEL_MAX_BINDINGS];
	int n = kernel_bindings(&pk->desc, roles);
	memset(out, 0, sizeof *out);
	for (int b = 0; b < pk->n_bind && b < n; b++) {
		int32_t t = pk->bind[b];
		const struct plan_place *pl = &p->place[t];
		uint64_t bytes = plan_tensor_bytes(p, t, T);
		switch (pl->kind) {
		case PLACE_NONE:
			break;
		case PLACE_WEIGHT:
			if (pk->desc.kind == KERNEL_EMBEDDING) /* a gather: T rows of the table */
				bytes = dtype_bytes(pl->dtype, (uint64_t)(T * pk->desc.width));
			out->weight_read += bytes;
			break;
		case PLACE_ACT:
		case PLACE_STATE:
		case PLACE_TOKENS:
			if (roles[b] == ROLE_INPUT || reads_and_writes(pk, b))
				out->act_read += bytes;
			if (roles[b] == ROLE_OUTPUT)
				out->act_written += bytes;
			break;
		}
	}
}

/* Activation memory if the plan were made for t_max = T: naive and planned. */
static enum rwkvc_status replan(struct err *e, const struct plan_dump_input *in, int64_t T, uint64_t *naive,
				uint64_t *planned)
{
	const struct plan *p = in->plan;
	struct plan tmp = *p;
	tmp.place = mem_alloc(e, (size_t)p->g->n_tensors * sizeof *tmp.place + 1, "dump");
	if (!tmp.place)
		return e->status;
	memcpy(tmp.place, p->place, (size_t)p->g->n_tensors * sizeof *tmp.place);
	tmp.t_max = T;
	/* the plan's own rules: reuse only across its barriers (see pipeline.c) */
	struct memplan_options mo = { in->opts ? in->opts->align : PIPELINE_DEFAULT_ALIGN,
				      !in->opts || in->opts->pass_on[PASS_MEMPLAN], NULL };
	int32_t *iv = NULL;
	enum rwkvc_status st = RWKVC_STATUS_OK;
	if (in->stage >= PASS_MEMPLAN && (!in->opts || in->opts->pass_on[PASS_SCHEDULE]))
		st = plan_barrier_intervals(e, p, &iv);
	mo.interval = iv;
	if (!st)
		st = plan_memplan_with(e, &tmp, &mo);
	mem_free(iv);
	*naive = tmp.act_bytes_naive;
	*planned = tmp.act_bytes;
	mem_free(tmp.place);
	return st;
}

enum rwkvc_status plan_totals_of(struct err *e, const struct plan_dump_input *in, struct plan_totals *out)
{
	const struct plan *p = in->plan;
	memset(out, 0, sizeof *out);
	out->dispatches = p->n_kernels;
	out->barriers = plan_barriers(p);
	out->barriers_per_layer = plan_barriers_per_layer(p);
	out->layers = p->g->n_layers;
	int32_t layer = -1, here = 0;
	for (int32_t k = 0; k < p->n_kernels; k++) {
		struct kernel_traffic tr;
		plan_kernel_traffic(p, k, 1, &tr);
		out->weight_bytes_per_token += tr.weight_read;
		out->act_read_per_token += tr.act_read;
		out->act_written_per_token += tr.act_written;
		if (p->kernels[k].layer != layer)
			layer = p->kernels[k].layer, here = 0;
		if (layer >= 0 && ++here > out->dispatches_per_layer)
			out->dispatches_per_layer = here;
	}
	TRY(replan(e, in, 1, &out->act_naive, &out->act_planned));
	if (in->stage >= PASS_MEMPLAN) {
		out->arena_naive = p->act_bytes_naive;
		out->arena_planned = p->act_bytes;
	} else {
		TRY(replan(e, in, p->t_max, &out->arena_naive, &out->arena_planned));
	}
	out->weight_bytes = p->weight_bytes;
	out->state_bytes = p->state_bytes;
	return RWKVC_STATUS_OK;
}

/* ---- labels and order ---- */

void plan_kernel_label(const struct plan_kernel *k, char *buf, size_t n)
{
	static const char *const epilogues[] = { "", "+tanh", "+sigmoid", "+relu_sq" };
	const struct kernel_desc *d = &k->desc;
	const char *kind = kernel_kind_name(d->kind);
	switch (d->kind) {
	case KERNEL_MATVEC:
		snprintf(buf, n, "%s%s%s", kind, (unsigned)d->epilogue < 4 ? epilogues[d->epilogue] : "+?",
			 d->residual ? "+residual" : "");
		break;
	case KERNEL_ELEMENTWISE:
		snprintf(buf, n, "%s(%d)", kind, d->ew.n_code);
		break;
	case KERNEL_MIX:
		snprintf(buf, n, "%s(%s%d%s)", kind, d->mix.layer_norm ? "ln," : "", d->mix.n_mix,
			 d->mix.state_out ? ",state" : "");
		break;
	case KERNEL_HEAD_REGION:
		snprintf(buf, n, "%s(%d ops)", kind, d->region.n_ops);
		break;
	default:
		snprintf(buf, n, "%s", kind);
		break;
	}
}

static const struct plan *sort_plan; /* qsort has no context argument; dumps run one at a time per plan */

static int buffer_cmp(const void *a, const void *b)
{
	static const int rank[] = { 9, 3, 0, 1, 2 }; /* none, weight, act, state, tokens */
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	const struct plan_place *px = &sort_plan->place[x], *py = &sort_plan->place[y];
	if (rank[px->kind] != rank[py->kind])
		return rank[px->kind] - rank[py->kind];
	int64_t kx = px->kind == PLACE_ACT ? px->first : (int64_t)px->offset;
	int64_t ky = py->kind == PLACE_ACT ? py->first : (int64_t)py->offset;
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x - y;
}

enum rwkvc_status plan_buffer_order(struct err *e, const struct plan *p, int32_t **out, int32_t *out_n)
{
	int32_t *v = mem_alloc(e, ((size_t)p->g->n_tensors + 1) * sizeof *v, "dump");
	if (!v)
		return e->status;
	int32_t n = 0;
	for (int32_t t = 0; t < p->g->n_tensors; t++) /* activations inside one fused kernel have no place */
		if (p->place[t].kind != PLACE_NONE && (p->place[t].kind != PLACE_ACT || p->place[t].first >= 0))
			v[n++] = t;
	sort_plan = p;
	qsort(v, (size_t)n, sizeof *v, buffer_cmp);
	sort_plan = NULL;
	*out = v;
	*out_n = n;
	return RWKVC_STATUS_OK;
}

/* ---- text ---- */

static void op_list(const struct graph *g, const int32_t *ops, int32_t n, struct strbuf *b)
{
	for (int32_t i = 0; i < n; i++) {
		const struct op *o = &g->ops[ops[i]];
		strbuf_printf(b, "%s%s", i ? ", " : "", g->tensors[o->out[0]].name);
		if (o->n_out > 1)
			strbuf_printf(b, " + %s", g->tensors[o->out[1]].name);
		strbuf_printf(b, " = %s", op_table[o->kind].name);
	}
}

static void binding_list(const struct plan *p, const struct plan_kernel *pk, bool outputs, struct strbuf *b)
{
	const struct graph *g = p->g;
	enum kernel_role roles[KERNEL_MAX_BINDINGS];
	int n = kernel_bindings(&pk->desc, roles);
	const char *sep = "";
	for (int i = 0; i < pk->n_bind && i < n; i++) {
		bool inout = reads_and_writes(pk, i);
		if ((roles[i] == ROLE_OUTPUT) != outputs && !inout)
			continue;
		int32_t t = pk->bind[i];
		const struct plan_place *pl = &p->place[t];
		char shape[96];
		strbuf_printf(b, "%s%s %s %s%s%s", sep, g->tensors[t].name, shape_str(g, &g->tensors[t].shape, shape, sizeof shape),
			      dtype_name(pl->dtype), pl->transposed ? " transposed" : "", inout ? " in-place" : "");
		sep = ", ";
	}
	if (!*sep)
		strbuf_append(b, "-");
}

static void text_header(const struct plan_dump_input *in, struct strbuf *b)
{
	const struct plan *p = in->plan;
	const struct graph *g = p->g;
	strbuf_printf(b, "# rwkvc plan dump; docs/plan-dump.md explains every field\n");
	strbuf_printf(b, "model    %s\n", g->name ? g->name : "?");
	strbuf_append(b, "symbols ");
	for (int32_t s = 0; s < g->n_syms; s++)
		if (s != g->sym_T && g->syms[s].bound)
			strbuf_printf(b, " %s=%lld", g->syms[s].name, (long long)g->syms[s].value);
	strbuf_printf(b, "\nt_max    %lld\ndtypes   activations %s, weights %s\nquant    %s\npasses   ", (long long)p->t_max,
		      dtype_name(p->act), dtype_name(p->weight), in->quant ? in->quant : "none");
	if (in->opts)
		pipeline_options_str(in->opts, b);
	else
		strbuf_append(b, "?");
	strbuf_printf(b, "\ntarget   %s\n", in->target ? in->target : "none (no SPIR-V)");
}

static void text_kernels(const struct plan_dump_input *in, struct strbuf *b)
{
	const struct plan *p = in->plan;
	strbuf_printf(b, "\nkernels: %d in dispatch order; bytes per token (T=1): weights read, activations read, "
			 "activations written\n", p->n_kernels);
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		if (pk->barrier_before && in->stage >= PASS_SCHEDULE)
			strbuf_append(b, "     ---- barrier ----\n");
		char label[64], layer[16];
		plan_kernel_label(pk, label, sizeof label);
		snprintf(layer, sizeof layer, pk->layer >= 0 ? "layer %d" : "-", pk->layer);
		struct kernel_traffic tr;
		plan_kernel_traffic(p, k, 1, &tr);
		strbuf_printf(b, "%5d  %-26s %-9s weights %9llu  read %7llu  written %7llu\n", k, label, layer,
			      (unsigned long long)tr.weight_read, (unsigned long long)tr.act_read,
			      (unsigned long long)tr.act_written);
		strbuf_append(b, "       ops  ");
		op_list(p->g, p->op_order + pk->first_op, pk->n_ops, b);
		strbuf_append(b, "\n       in   ");
		binding_list(p, pk, false, b);
		strbuf_append(b, "\n       out  ");
		binding_list(p, pk, true, b);
		strbuf_append(b, "\n");
	}
}

static enum rwkvc_status text_buffers(struct err *e, const struct plan *p, struct strbuf *b)
{
	int32_t *order, n;
	TRY(plan_buffer_order(e, p, &order, &n));
	strbuf_printf(b, "\nbuffers: %d tensors; place, offset, bytes at t_max, dtype, lifetime (first..last kernel), "
			 "tensor\n", n);
	for (int32_t i = 0; i < n; i++) {
		int32_t t = order[i];
		const struct plan_place *pl = &p->place[t];
		char life[32] = "-";
		if (pl->first >= 0)
			snprintf(life, sizeof life, "%d..%d", pl->first, pl->last);
		strbuf_printf(b, "  %-6s %12llu %11llu  %-4s %-9s  %s", place_kind_name(pl->kind),
			      (unsigned long long)pl->offset, (unsigned long long)pl->bytes, dtype_name(pl->dtype), life,
			      p->g->tensors[t].name);
		if (pl->alias >= 0)
			strbuf_printf(b, " (in place of %s)", p->g->tensors[pl->alias].name);
		if (pl->transposed)
			strbuf_append(b, " (transposed)");
		strbuf_append(b, "\n");
	}
	mem_free(order);
	return RWKVC_STATUS_OK;
}

static void text_totals(const struct plan_totals *t, int64_t t_max, struct strbuf *b)
{
	strbuf_printf(b, "\ntotals (decode, T=1)\n");
	strbuf_printf(b, "  dispatches per token        %12d  (per layer %d, %d layers)\n", t->dispatches,
		      t->dispatches_per_layer, t->layers);
	strbuf_printf(b, "  barriers per token          %12d  (per layer %d)\n", t->barriers, t->barriers_per_layer);
	strbuf_printf(b, "  weight bytes per token      %12llu\n", (unsigned long long)t->weight_bytes_per_token);
	strbuf_printf(b, "  activation bytes per token  %12llu  (read %llu, written %llu)\n",
		      (unsigned long long)(t->act_read_per_token + t->act_written_per_token),
		      (unsigned long long)t->act_read_per_token, (unsigned long long)t->act_written_per_token);
	strbuf_printf(b, "  peak activation memory      %12llu  planned (naive %llu)\n", (unsigned long long)t->act_planned,
		      (unsigned long long)t->act_naive);
	strbuf_printf(b, "  activation arena at t_max %lld %10llu  planned (naive %llu)\n", (long long)t_max,
		      (unsigned long long)t->arena_planned, (unsigned long long)t->arena_naive);
	strbuf_printf(b, "  weight buffer               %12llu\n  state buffer                %12llu\n",
		      (unsigned long long)t->weight_bytes, (unsigned long long)t->state_bytes);
}

static enum rwkvc_status dump_text(struct err *e, const struct plan_dump_input *in, struct strbuf *b)
{
	text_header(in, b);
	text_kernels(in, b);
	if (in->stage >= PASS_MEMPLAN)
		TRY(text_buffers(e, in->plan, b));
	struct plan_totals t;
	TRY(plan_totals_of(e, in, &t));
	text_totals(&t, in->plan->t_max, b);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status plan_dump(struct err *e, const struct plan_dump_input *in, enum plan_dump_format f,
			    struct strbuf *out)
{
	enum rwkvc_status st = RWKVC_STATUS_OK;
	switch (f) {
	case PLAN_DUMP_TEXT:
		st = dump_text(e, in, out);
		break;
	case PLAN_DUMP_YAML:
	case PLAN_DUMP_JSON:
		st = plan_dump_doc(e, in, f == PLAN_DUMP_YAML, out);
		break;
	case PLAN_DUMP_DOT:
		st = plan_dump_dot(e, in, out);
		break;
	case PLAN_DUMP_FORMAT_COUNT:
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "unknown dump format %d", (int)f);
	}
	TRY(st);
	return strbuf_status(out);
}

void plan_dump_partition(const struct graph *g, const struct partition *part, struct strbuf *out)
{
	int32_t n = part ? part->n_groups : g->n_ops;
	strbuf_printf(out, "fusion groups: %d, in execution order\n", n);
	/* groups lie one after another in part->ops; find the one that starts at each position */
	int32_t pos = 0, shown = 0;
	while (pos < g->n_ops) {
		const struct op_group *grp = NULL;
		for (int32_t k = 0; part && k < part->n_groups && !grp; k++)
			if (part->groups[k].first == pos)
				grp = &part->groups[k];
		int32_t len = grp ? grp->n : 1;
		strbuf_printf(out, "%5d  %-12s ", shown++, grp ? group_kind_name(grp->kind) : "single");
		op_list(g, part ? part->ops + pos : &pos, len, out);
		strbuf_append(out, "\n");
		pos += len;
	}
}
