/*
 * vk_profile.c - where a call's time goes: the plan's kernels recorded once
 * more with a timestamp and a barrier after each, run a few times, summed by
 * kernel kind, the slowest listed by name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "vk_model_internal.h"

enum { PROFILE_RUNS = 5, PROFILE_TOP = 12 };

struct kernel_time {
	int32_t k;
	double us;
};

static int slowest_first(const void *a, const void *b)
{
	double x = ((const struct kernel_time *)a)->us, y = ((const struct kernel_time *)b)->us;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* Per kernel: the minimum over runs of the sum of its dispatches' times. */
static enum rwkvc_status time_kernels(struct err *e, struct vk_model *m, int64_t T, struct kernel_time *kt)
{
	const struct plan *p = &m->plan;
	struct vk_program *prog;
	TRY(vk_program_create(e, m->dev, "profile", VK_PROGRAM_TIMESTAMPS | VK_PROGRAM_SERIALIZE, &prog));
	enum rwkvc_status st = RWKVC_STATUS_OK;
	uint32_t *first_step = mem_calloc(e, (size_t)p->n_kernels + 1, sizeof *first_step, "profile");
	double *us = NULL;
	if (!first_step)
		st = e->status;
	for (int32_t k = 0; k < p->n_kernels && !st; k++) {
		first_step[k] = vk_program_steps(prog);
		st = vk_model_dispatch_kernel(e, m, prog, k, T);
	}
	uint32_t steps = vk_program_steps(prog);
	if (!st)
		st = vk_program_record(e, prog);
	if (!st && !(us = mem_calloc(e, steps + 1, sizeof *us, "profile")))
		st = e->status;
	for (int32_t k = 0; k < p->n_kernels; k++)
		kt[k] = (struct kernel_time){ k, 1e30 };
	for (int r = 0; r < PROFILE_RUNS && !st; r++) {
		st = vk_program_run(e, prog);
		if (!st)
			st = vk_program_timings(e, prog, us, NULL, steps);
		for (int32_t k = 0; k < p->n_kernels && !st; k++) {
			uint32_t end = k + 1 < p->n_kernels ? first_step[k + 1] : steps;
			double sum = 0;
			for (uint32_t s = first_step[k]; s < end; s++)
				sum += us[s];
			if (r > 0 && sum < kt[k].us) /* run 0 warms up */
				kt[k].us = sum;
		}
	}
	mem_free(us);
	mem_free(first_step);
	vk_program_destroy(prog);
	return st;
}

static const char *kernel_name(const struct vk_model *m, int32_t k)
{
	const struct plan_kernel *pk = &m->plan.kernels[k];
	return m->plan.g->tensors[pk->bind[pk->n_bind - 1]].name;
}

static void report(struct strbuf *b, const struct vk_model *m, int64_t T, struct kernel_time *kt)
{
	const struct plan *p = &m->plan;
	double by_kind[KERNEL_COUNT] = { 0 }, total = 0;
	int count[KERNEL_COUNT] = { 0 };
	for (int32_t k = 0; k < p->n_kernels; k++) {
		by_kind[p->kernels[k].desc.kind] += kt[k].us;
		count[p->kernels[k].desc.kind]++;
		total += kt[k].us;
	}
	strbuf_printf(b, "profile of one call, T = %lld, on %s: %d kernels, %.1f us serialized\n", (long long)T,
		      m->dev->caps.props.deviceName, p->n_kernels, total);
	strbuf_printf(b, "%-14s %8s %11s %7s\n", "kind", "kernels", "us", "share");
	for (int kind = 0; kind < KERNEL_COUNT; kind++)
		if (count[kind])
			strbuf_printf(b, "%-14s %8d %11.1f %6.1f%%\n", kernel_kind_name((enum kernel_kind)kind), count[kind],
				      by_kind[kind], 100 * by_kind[kind] / (total > 0 ? total : 1));
	qsort(kt, (size_t)p->n_kernels, sizeof *kt, slowest_first);
	strbuf_append(b, "slowest kernels:\n");
	for (int32_t i = 0; i < p->n_kernels && i < PROFILE_TOP; i++)
		strbuf_printf(b, "  %4d %-12s %9.1f us  %s\n", kt[i].k, kernel_kind_name(p->kernels[kt[i].k].desc.kind),
			      kt[i].us, kernel_name(m, kt[i].k));
}

static int32_t plan_barrier_count(const struct plan *p)
{
	int32_t n = 0;
	for (int32_t k = 0; k < p->n_kernels; k++)
		n += p->kernels[k].barrier_before;
	return n;
}

/* ---- as scheduled: one stamp per barrier interval, kernels overlapping as in a normal call ---- */

struct interval_kind {
	char sig[96]; /* the kernel kinds of an interval: "matvec x7", "head_region" */
	int count;
	double us;
};

static void interval_signature(const struct plan *p, int32_t first, int32_t last, char *out, size_t n)
{
	out[0] = '\0';
	for (int32_t k = first; k <= last; k++) {
		enum kernel_kind kind = p->kernels[k].desc.kind;
		if (k > first && p->kernels[k - 1].desc.kind == kind)
			continue;
		int32_t same = 0;
		for (int32_t j = k; j <= last && p->kernels[j].desc.kind == kind; j++)
			same++;
		size_t used = strlen(out);
		if (same > 1)
			snprintf(out + used, n - used, "%s%s x%d", used ? " + " : "", kernel_kind_name(kind), same);
		else
			snprintf(out + used, n - used, "%s%s", used ? " + " : "", kernel_kind_name(kind));
	}
}

static enum rwkvc_status time_intervals(struct err *e, struct vk_model *m, int64_t T, struct strbuf *b)
{
	const struct plan *p = &m->plan;
	struct vk_program *prog;
	TRY(vk_program_create(e, m->dev, "profile intervals", VK_PROGRAM_TIMESTAMPS | VK_PROGRAM_STAMP_INTERVALS,
			      &prog));
	enum rwkvc_status st = RWKVC_STATUS_OK;
	int32_t *last_step = mem_calloc(e, (size_t)p->n_kernels + 1, sizeof *last_step, "profile");
	struct interval_kind *kinds = mem_calloc(e, (size_t)p->n_kernels + 1, sizeof *kinds, "profile");
	double *us = NULL, *best = NULL;
	if (!last_step || !kinds)
		st = e->status;
	for (int32_t k = 0; k < p->n_kernels && !st; k++) {
		if (p->kernels[k].barrier_before)
			st = vk_program_barrier(e, prog);
		if (!st)
			st = vk_model_dispatch_kernel(e, m, prog, k, T);
		last_step[k] = (int32_t)vk_program_steps(prog) - 1;
	}
	uint32_t steps = vk_program_steps(prog);
	if (!st)
		st = vk_program_record(e, prog);
	if (!st && (!(us = mem_calloc(e, steps + 1, sizeof *us, "profile")) ||
		    !(best = mem_calloc(e, steps + 1, sizeof *best, "profile"))))
		st = e->status;
	for (int r = 0; r < PROFILE_RUNS && !st; r++) {
		st = vk_program_run(e, prog);
		if (!st)
			st = vk_program_timings(e, prog, us, NULL, steps);
		for (uint32_t i = 0; i < steps && !st && r > 0; i++)
			best[i] = r == 1 || us[i] < best[i] ? us[i] : best[i];
	}
	int n_kinds = 0;
	double total = 0;
	for (int32_t k = 0, first = 0; k < p->n_kernels && !st; k++) {
		bool closes = k + 1 == p->n_kernels || p->kernels[k + 1].barrier_before;
		if (!closes)
			continue;
		double t_us = best[last_step[k]];
		char sig[96];
		interval_signature(p, first, k, sig, sizeof sig);
		int i = 0;
		while (i < n_kinds && strcmp(kinds[i].sig, sig) != 0)
			i++;
		if (i == n_kinds)
			snprintf(kinds[n_kinds++].sig, sizeof kinds[i].sig, "%s", sig);
		kinds[i].count++;
		kinds[i].us += t_us;
		total += t_us;
		first = k + 1;
	}
	if (!st) {
		strbuf_printf(b, "\nas scheduled (kernels between two barriers overlap): %.1f us in %d intervals\n", total,
			      plan_barrier_count(p) + 1);
		strbuf_printf(b, "%-44s %6s %10s %9s\n", "interval", "count", "us", "us each");
		for (int i = 0; i < n_kinds; i++)
			strbuf_printf(b, "%-44s %6d %10.1f %9.2f\n", kinds[i].sig, kinds[i].count, kinds[i].us,
				      kinds[i].us / kinds[i].count);
	}
	mem_free(us);
	mem_free(best);
	mem_free(kinds);
	mem_free(last_step);
	vk_program_destroy(prog);
	return st;
}

enum rwkvc_status vk_model_profile(struct err *e, struct vk_model *m, int64_t T, char **out_text)
{
	*out_text = NULL;
	if (T < 1 || T > m->plan.t_max)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "profile: T = %lld outside [1, %lld]", (long long)T,
			       (long long)m->plan.t_max);
	struct kernel_time *kt = mem_calloc(e, (size_t)m->plan.n_kernels + 1, sizeof *kt, "profile");
	if (!kt)
		return e->status;
	enum rwkvc_status st = time_kernels(e, m, T, kt);
	if (!st) {
		struct strbuf b;
		strbuf_init(&b, e);
		report(&b, m, T, kt);
		st = time_intervals(e, m, T, &b);
		if (!st)
			st = strbuf_status(&b);
		*out_text = st ? NULL : strbuf_take(&b);
		strbuf_free(&b);
	}
	mem_free(kt);
	return st;
}
