/*
 * pipeline.c - the pass driver (see pipeline.h).
 *
 * Each pass reports its effect in one line, measured on what it produced, so
 * the line cannot drift from what the pass did.
 */
#include "pipeline.h"

#include <string.h>

#include "base/mem.h"
#include "lower.h"
#include "plan_dump.h"

static const char *const pass_names[PASS_COUNT] = { "fuse", "lower", "memplan", "schedule" };

const char *pass_name(enum pass_id p) { return (unsigned)p < PASS_COUNT ? pass_names[p] : "?"; }

struct pipeline_options pipeline_options_default(void)
{
	struct pipeline_options o;
	memset(&o, 0, sizeof o);
	o.t_max = PIPELINE_DEFAULT_T_MAX;
	o.act = o.weight = DTYPE_F32;
	o.quant = DTYPE_COUNT;
	for (int p = 0; p < PASS_COUNT; p++)
		o.pass_on[p] = true;
	o.fuse = fuse_options_all();
	o.align = PIPELINE_DEFAULT_ALIGN;
	o.print_after = -1;
	return o;
}

static bool pass_from_name(const char *name, enum pass_id *out)
{
	for (int p = 0; p < PASS_COUNT; p++) {
		if (strcmp(pass_names[p], name) == 0) {
			*out = (enum pass_id)p;
			return true;
		}
	}
	return false;
}

/* The rule names, in fuse.c's table order, found by asking fuse.h for each group kind's name. */
static void rule_names(struct strbuf *b)
{
	for (int k = 0; k < GROUP_KIND_COUNT; k++) {
		enum group_kind kind;
		if (fuse_rule_from_name(group_kind_name((enum group_kind)k), &kind))
			strbuf_printf(b, ", %s", group_kind_name((enum group_kind)k));
	}
}

enum rwkvc_status pipeline_disable(struct err *e, struct pipeline_options *o, const char *name)
{
	enum pass_id p;
	enum group_kind rule;
	if (pass_from_name(name, &p) && p != PASS_LOWER) {
		o->pass_on[p] = false;
		return RWKVC_STATUS_OK;
	}
	if (fuse_rule_from_name(name, &rule)) {
		o->fuse.enable[rule] = false;
		return RWKVC_STATUS_OK;
	}
	struct strbuf names;
	strbuf_init(&names, e);
	rule_names(&names);
	err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s '%s' (passes that can be off: fuse, memplan, schedule; fusion rules%s)",
		strcmp(name, "lower") == 0 ? "cannot disable the pass" : "no pass or fusion rule named", name,
		strbuf_str(&names));
	strbuf_free(&names);
	return RWKVC_STATUS_BAD_ARGUMENT;
}

enum rwkvc_status pipeline_set_print_after(struct err *e, struct pipeline_options *o, const char *name)
{
	enum pass_id p;
	if (!pass_from_name(name, &p))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "no pass named '%s' to print after (fuse, lower, memplan or schedule)", name);
	o->print_after = (int)p;
	return RWKVC_STATUS_OK;
}

void pipeline_options_str(const struct pipeline_options *o, struct strbuf *b)
{
	if (o->pass_on[PASS_FUSE]) {
		strbuf_append(b, "fuse(");
		const char *sep = "";
		for (int k = 0; k < GROUP_KIND_COUNT; k++) {
			enum group_kind kind;
			const char *n = group_kind_name((enum group_kind)k);
			if (fuse_rule_from_name(n, &kind) && o->fuse.enable[kind]) {
				strbuf_printf(b, "%s%s", sep, n);
				sep = ",";
			}
		}
		strbuf_append(b, ") ");
	} else {
		strbuf_append(b, "no-fuse ");
	}
	strbuf_append(b, "lower ");
	strbuf_append(b, o->pass_on[PASS_MEMPLAN] ? "memplan " : "memplan(no-reuse) ");
	strbuf_append(b, o->pass_on[PASS_SCHEDULE] ? "schedule" : "schedule(barrier-always)");
}

int32_t plan_barriers(const struct plan *p)
{
	int32_t n = 0;
	for (int32_t k = 0; k < p->n_kernels; k++)
		n += p->kernels[k].barrier_before;
	return n;
}

int32_t plan_barriers_per_layer(const struct plan *p)
{
	int32_t best = 0, layer = -1, here = 0;
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		if (pk->layer != layer) {
			layer = pk->layer;
			here = 0;
		}
		if (layer >= 0) {
			here += pk->barrier_before;
			best = here > best ? here : best;
		}
	}
	return best;
}

static void mib(struct strbuf *b, uint64_t bytes) { strbuf_printf(b, "%.1f MiB", (double)bytes / (1024.0 * 1024.0)); }

static void report_memplan(const struct plan *p, struct strbuf *b)
{
	int32_t n = 0;
	for (int32_t t = 0; t < p->g->n_tensors; t++)
		n += p->place[t].kind == PLACE_ACT && p->place[t].first >= 0;
	strbuf_printf(b, "memplan: %d buffers -> ", n);
	mib(b, p->act_bytes);
	strbuf_append(b, " (naive ");
	mib(b, p->act_bytes_naive);
	strbuf_append(b, ")\n");
}

/* A barrier before every kernel but the first: what --disable-pass schedule asks for. */
static void barrier_always(struct plan *p)
{
	for (int32_t k = 0; k < p->n_kernels; k++)
		p->kernels[k].barrier_before = k > 0;
}

static enum rwkvc_status check_options(struct err *e, const struct pipeline_options *o)
{
	if (o->t_max < 1)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "t_max must be at least 1 (got %lld)", (long long)o->t_max);
	if ((o->act != DTYPE_F32 && o->act != DTYPE_F16) || (o->weight != DTYPE_F32 && o->weight != DTYPE_F16))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "plans store activations and weights as f32 or f16 (got %s and %s)",
			       dtype_name(o->act), dtype_name(o->weight));
	if (o->quant != DTYPE_COUNT && o->quant != DTYPE_F32 && o->quant != DTYPE_F16 && o->quant != DTYPE_Q8_0 &&
	    o->quant != DTYPE_Q4_K)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "plans quantise matrices to f32, f16, q8_0 or q4_k (got %s)",
			       dtype_name(o->quant));
	if (!o->align || (o->align & (o->align - 1)))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "alignment %llu is not a power of two",
			       (unsigned long long)o->align);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status fuse_and_lower(struct err *e, const struct graph *g, const struct pipeline_options *o,
					struct plan *out, struct strbuf *report, struct strbuf *printed)
{
	struct lower_options lo = { o->t_max, o->act, o->weight, o->quant, o->file_dtype };
	if (!o->pass_on[PASS_FUSE]) {
		if (o->verbose && report)
			strbuf_printf(report, "fuse: off, %d ops -> %d kernels\n", g->n_ops, g->n_ops);
		if (o->print_after == PASS_FUSE && printed)
			plan_dump_partition(g, NULL, printed);
		return plan_lower(e, g, &lo, NULL, out);
	}
	struct partition part;
	TRY(fuse_partition(e, g, &o->fuse, &part));
	if (o->verbose && report)
		strbuf_printf(report, "fuse: %d ops -> %d groups\n", g->n_ops, part.n_groups);
	if (o->print_after == PASS_FUSE && printed)
		plan_dump_partition(g, &part, printed);
	enum rwkvc_status st = plan_lower(e, g, &lo, &part, out);
	partition_destroy(&part);
	return st;
}

enum rwkvc_status plan_barrier_intervals(struct err *e, const struct plan *p, int32_t **out)
{
	int32_t *iv = mem_alloc(e, ((size_t)p->n_kernels + 1) * sizeof *iv, "barrier intervals");
	if (!(*out = iv))
		return e->status;
	int32_t at = 0;
	for (int32_t k = 0; k < p->n_kernels; k++)
		iv[k] = at += k > 0 && p->kernels[k].barrier_before;
	return RWKVC_STATUS_OK;
}

/*
 * Memory reuse must not add barriers: bytes shared by two tensors in the same
 * barrier interval would make the second kernel wait for the first. So the
 * barriers the data flow alone needs come first (a schedule over a plan
 * without reuse), and memplan measures lifetimes in those intervals. Without
 * the schedule pass every kernel gets a barrier anyway, so lifetimes stay in
 * kernels.
 */
static enum rwkvc_status run_memplan(struct err *e, struct plan *p, const struct pipeline_options *o)
{
	struct memplan_options mo = { o->align, o->pass_on[PASS_MEMPLAN], NULL };
	if (!mo.reuse || !o->pass_on[PASS_SCHEDULE])
		return plan_memplan_with(e, p, &mo);
	struct memplan_options naive = { o->align, false, NULL };
	TRY(plan_memplan_with(e, p, &naive));
	TRY(plan_schedule(e, p, NULL));
	int32_t *iv;
	TRY(plan_barrier_intervals(e, p, &iv));
	mo.interval = iv;
	enum rwkvc_status st = plan_memplan_with(e, p, &mo);
	mem_free(iv);
	return st;
}

static void print_plan(const struct plan *p, const struct pipeline_options *o, enum pass_id stage,
		       struct strbuf *printed)
{
	if (o->print_after != (int)stage || !printed)
		return;
	struct plan_dump_input in = plan_dump_input_of(p, o, stage);
	struct err e2 = { 0 };
	if (plan_dump(&e2, &in, PLAN_DUMP_TEXT, printed))
		strbuf_printf(printed, "(the plan could not be printed: %s)\n", e2.msg);
}

enum rwkvc_status pipeline_run(struct err *e, const struct graph *g, const struct pipeline_options *o,
			       struct plan *out, struct strbuf *report, struct strbuf *printed)
{
	memset(out, 0, sizeof *out);
	TRY(check_options(e, o));
	TRY(fuse_and_lower(e, g, o, out, report, printed));
	if (o->verbose && report)
		strbuf_printf(report, "lower: %d kernels\n", out->n_kernels);
	print_plan(out, o, PASS_LOWER, printed);
	enum rwkvc_status st = run_memplan(e, out, o);
	if (st) {
		plan_destroy(out);
		return st;
	}
	if (o->verbose && report)
		report_memplan(out, report);
	print_plan(out, o, PASS_MEMPLAN, printed);
	if (o->pass_on[PASS_SCHEDULE]) {
		if ((st = plan_schedule(e, out, NULL))) {
			plan_destroy(out);
			return st;
		}
	} else {
		barrier_always(out);
	}
	if (o->verbose && report)
		strbuf_printf(report, "schedule: %d barriers, %d per layer%s\n", plan_barriers(out),
			      plan_barriers_per_layer(out), o->pass_on[PASS_SCHEDULE] ? "" : " (off: one before every kernel)");
	print_plan(out, o, PASS_SCHEDULE, printed);
	return RWKVC_STATUS_OK;
}
