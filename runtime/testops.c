/*
 * testops.c - rwkvc_test_ops (see rwkvc.h, "Diagnostics"): the device, the
 * case loop, the target variants and the report.
 *
 * Each case is compiled for the device as it is. The quick cases are also
 * compiled for two other targets and run on the same device, so that code
 * paths the device would not pick are checked wherever the test runs: " [gpu]"
 * (the GPU configuration: multi-subgroup workgroups, shared-memory steps) and
 * " [no-subgroups]" (no subgroup arithmetic: shared-memory trees).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "runtime/ctx.h"
#include "runtime/testops.h"
#include "runtime/vk_kernel.h"

void testops_say(const struct testops_runner *r, const char *fmt, ...)
{
	if (!r->o->print)
		return;
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	r->o->print(r->o->user, line);
}

static bool selected(const struct testops_runner *r, const struct testops_case *c, int64_t T)
{
	if (c->perf_only && !r->o->perf)
		return false;
	if (r->o->quick && !c->quick && !c->perf_only)
		return false;
	if (!r->o->filter || !*r->o->filter)
		return true;
	/* a trailing space, so that "T=1 " selects T=1 and not T=16 */
	char label[160];
	snprintf(label, sizeof label, "%s T=%lld%s ", c->name, (long long)T, r->variant);
	return strstr(label, r->o->filter) != NULL;
}

/* The case for r->target at every selected T. */
static enum rwkvc_status run_target(struct testops_runner *r, const struct testops_case *c, uint64_t seed)
{
	int first = -1;
	for (int i = 0; i < c->n_T && first < 0; i++)
		if (selected(r, c, c->T[i]))
			first = i;
	if (first < 0)
		return RWKVC_STATUS_OK;
	if (r->o->list) {
		for (int i = first; i < c->n_T; i++)
			if (selected(r, c, c->T[i]))
				testops_say(r, "%s T=%lld%s", c->name, (long long)c->T[i], r->variant);
		return RWKVC_STATUS_OK;
	}
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int n = kernel_binding_info(&c->desc, info);
	for (int i = 0; i < n; i++)
		if (info[i].dtype == DTYPE_F16 && !r->target.f16_storage) {
			testops_say(r, "skip %s%s (the device has no 16-bit storage)", c->name, r->variant);
			r->sum->skipped += 1;
			return RWKVC_STATUS_OK;
		}
	struct vk_pipeline p;
	struct err ce = { 0 };
	enum rwkvc_status st = vk_kernel_pipeline(&ce, r->d, &r->cache, &c->desc, &r->target, c->name, &p, NULL);
	if (st == RWKVC_STATUS_NO_MEMORY || st == RWKVC_STATUS_DEVICE_LOST) {
		*r->e = ce;
		return st;
	}
	if (st != RWKVC_STATUS_OK) { /* a kernel that does not build is a failed case, not the end */
		testops_say(r, "FAIL %s%s: %s", c->name, r->variant, ce.msg);
		r->sum->cases += 1;
		r->sum->failed += 1;
		return RWKVC_STATUS_OK;
	}
	for (int i = first; i < c->n_T && st == RWKVC_STATUS_OK; i++)
		if (selected(r, c, c->T[i]))
			st = testops_run_one(r, c, &p, c->T[i], seed * 31 + (uint64_t)i);
	vk_pipeline_destroy(r->d, &p);
	return st;
}

/* The variants a case runs as: the device's target, then (quick cases) the
 * GPU configuration and no subgroup arithmetic. Head regions have one shape
 * on every target and reduce through the same wg_sum as the norms, which
 * the variants cover; they are also the slowest kernels to JIT on lavapipe. */
static int variants(const struct testops_case *c)
{
	return c->quick && c->desc.kind != KERNEL_HEAD_REGION ? 3 : 1;
}

/* Sets variant v up; false when it is the device's own target again (v > 0
 * on a GPU, or without subgroup arithmetic), which need not run twice. */
static bool set_variant(struct testops_runner *r, int v)
{
	static const char *const names[3] = { "", " [gpu]", " [no-subgroups]" };
	r->target = r->native;
	r->target.cpu = r->target.cpu && v == 0;
	r->target.subgroup_arithmetic = r->target.subgroup_arithmetic && v < 2;
	r->variant = names[v];
	if (v == 0)
		return true;
	bool prev_cpu = r->native.cpu && v - 1 == 0, prev_sg = r->native.subgroup_arithmetic && v - 1 < 2;
	return r->target.cpu != prev_cpu || r->target.subgroup_arithmetic != prev_sg;
}

static enum rwkvc_status run_case(struct testops_runner *r, const struct testops_case *c, uint64_t seed)
{
	for (int v = 0; v < variants(c); v++)
		if (set_variant(r, v))
			TRY(run_target(r, c, seed));
	return RWKVC_STATUS_OK;
}

/* Whether any run is selected (so a filter that matches nothing needs no device). */
static bool any_selected(struct testops_runner *r, const struct testops_case *cases, int n)
{
	for (int i = 0; i < n; i++)
		for (int v = 0; v < variants(&cases[i]); v++)
			for (int t = 0; set_variant(r, v) && t < cases[i].n_T; t++)
				if (selected(r, &cases[i], cases[i].T[t]))
					return true;
	return false;
}

static enum rwkvc_status open_device(struct testops_runner *r)
{
	struct vk_device_options dopt = vk_device_options_default();
	TRY(vk_device_create(r->e, &dopt, &r->d));
	TRY(spirv_cache_open(r->e, NULL, false, &r->cache));
	vk_kernel_target(r->d, &r->native);
	struct rwkvc_test_ops_summary *s = r->sum;
	snprintf(s->device, sizeof s->device, "%s", r->d->caps.props.deviceName);
	testops_say(r, "device: %s (%s, %s), subgroup %u%s%s", s->device, vk_device_type_name(r->d->caps.props.deviceType),
		    r->d->caps.driver_info, r->native.subgroup_size,
		    r->native.subgroup_arithmetic ? " with arithmetic" : ", no subgroup arithmetic",
		    r->d->inst->validation ? "; validation on" : "");
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_test_ops(rwkvc_ctx_t *ctx, const struct rwkvc_test_ops_options *opts,
				 struct rwkvc_test_ops_summary *out_summary)
{
	memset(out_summary, 0, sizeof *out_summary);
	struct err *e = &ctx->err;
	struct testops_case *cases = mem_calloc(e, TESTOPS_MAX_CASES, sizeof *cases, "test-ops cases");
	if (!cases)
		return e->status;
	int n = testops_cases(cases);
	int n_plan = testops_plan_cases(e, cases + n, TESTOPS_MAX_CASES - n);
	if (n_plan < 0) {
		mem_free(cases);
		return err_context(e, "while building the plans test-ops takes its fused kernels from");
	}
	n += n_plan;
	struct testops_runner r = { .e = e, .o = opts, .sum = out_summary };
	/* the device decides which variants exist, so --list opens it too */
	r.native = (struct codegen_target){ .cpu = true, .subgroup_arithmetic = true };
	enum rwkvc_status st = any_selected(&r, cases, n) ? open_device(&r) : RWKVC_STATUS_OK;
	for (int i = 0; st == RWKVC_STATUS_OK && i < n; i++)
		st = run_case(&r, &cases[i], (uint64_t)i + 1);
	if (r.d && !opts->list) {
		out_summary->validation_messages = vk_device_message_count(r.d);
		if (st == RWKVC_STATUS_OK)
			testops_say(&r, "%d runs, %d failed, %d cases skipped on %s; %llu validation messages",
				    out_summary->cases, out_summary->failed, out_summary->skipped, out_summary->device,
				    (unsigned long long)out_summary->validation_messages);
	}
	spirv_cache_close(&r.cache);
	vk_device_destroy(r.d);
	mem_free(cases);
	return st;
}
