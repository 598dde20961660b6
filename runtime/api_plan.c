/*
 * api_plan.c - rwkvc_plan_t: compile a graph into a plan (passes/pipeline.h),
 * give it code for a target (plan_code.h), save, load and dump it.
 */
#include <stdio.h>
#include <string.h>

#include "base/file.h"
#include "base/mem.h"
#include "graph/builtin.h"
#include "graph/src.h"
#include "model.h"
#include "passes/plan_dump.h"
#include "passes/plan_file.h"
#include "plan_code.h"
#include "vk_kernel.h"
#include "vk_model_internal.h"
#include "passes/weight_policy.h"
#include "weight_store.h"

struct rwkvc_plan {
	rwkvc_ctx_t *ctx;
	struct plan_file pf;
	struct strbuf report, printed;
	char target[192]; /* the code's target as text, "" without code */
};

struct rwkvc_plan_options rwkvc_plan_options_default(void)
{
	struct rwkvc_plan_options o;
	memset(&o, 0, sizeof o);
	o.precision = RWKVC_PRECISION_F32;
	return o;
}

static enum rwkvc_status plan_new(rwkvc_ctx_t *ctx, struct rwkvc_plan **out)
{
	struct rwkvc_plan *p = mem_calloc(&ctx->err, 1, sizeof *p, "plan");
	if (!(*out = p))
		return ctx->err.status;
	p->ctx = ctx;
	plan_file_init(&p->pf);
	strbuf_init(&p->report, &ctx->err);
	strbuf_init(&p->printed, &ctx->err);
	return RWKVC_STATUS_OK;
}

void rwkvc_plan_destroy(rwkvc_plan_t *p)
{
	if (!p)
		return;
	plan_file_destroy(&p->pf);
	strbuf_free(&p->report);
	strbuf_free(&p->printed);
	mem_free(p);
}

const char *rwkvc_plan_report(const rwkvc_plan_t *p) { return strbuf_str(&p->report); }
const char *rwkvc_plan_printed(const rwkvc_plan_t *p) { return strbuf_str(&p->printed); }

/* ---- compiling ---- */

static enum rwkvc_status pass_options(struct err *e, const struct rwkvc_plan_options *o, struct pipeline_options *po)
{
	*po = pipeline_options_default();
	po->t_max = o->t_max ? o->t_max : PIPELINE_DEFAULT_T_MAX;
	po->act = po->weight = o->precision == RWKVC_PRECISION_F16 ? DTYPE_F16 : DTYPE_F32;
	TRY(weight_policy_parse(e, o->quant, &po->quant));
	for (int i = 0; i < o->n_disable; i++)
		TRY(pipeline_disable(e, po, o->disable[i]));
	if (o->print_after)
		TRY(pipeline_set_print_after(e, po, o->print_after));
	po->verbose = o->verbose != 0;
	return RWKVC_STATUS_OK;
}

/* The graph's symbols, bound by a preset or a weights file. */
static enum rwkvc_status bind_symbols(struct err *e, struct graph_src *src, const struct rwkvc_plan_options *o)
{
	if (o->preset)
		return graph_src_bind_preset(e, src, o->preset);
	struct weight_file w;
	enum rwkvc_status st = weights_open(e, o->weights_path, &w);
	if (!st)
		st = model_bind_weights(e, src, &w);
	weights_close(&w);
	return st;
}

/* YAML text, its name, the symbols: into pf, which then holds the graph. */
static enum rwkvc_status build_graph(struct err *e, struct plan_file *pf, const struct rwkvc_plan_options *o)
{
	char *owned = NULL;
	size_t len;
	const char *text = o->graph_path ? NULL : builtin_rwkv7_yaml(&len);
	const char *file = o->graph_path ? o->graph_path : BUILTIN_RWKV7_NAME;
	if (!text) {
		TRY(file_read_all(e, o->graph_path, &owned, &len));
		text = owned;
	}
	struct graph_src *src = NULL;
	enum rwkvc_status st = graph_src_parse(e, text, len, file, &src);
	if (!st)
		st = bind_symbols(e, src, o);
	const char **names = NULL;
	int64_t *values = NULL;
	int n = 0;
	if (!st) {
		names = mem_calloc(e, (size_t)src->n_syms + 1, sizeof *names, "symbols");
		values = mem_calloc(e, (size_t)src->n_syms + 1, sizeof *values, "symbols");
		st = names && values ? RWKVC_STATUS_OK : e->status;
	}
	for (int32_t s = 0; !st && s < src->n_syms; s++) {
		if (s == src->sym_T || !src->syms[s].bound)
			continue;
		names[n] = src->syms[s].name;
		values[n++] = src->syms[s].value;
	}
	if (!st)
		st = plan_file_set_graph(e, pf, text, len, file, names, values, n);
	mem_free(names);
	mem_free(values);
	graph_src_destroy(src);
	mem_free(owned);
	return st;
}

/* The target the code is made for: NULL when the plan gets none. */
static enum rwkvc_status resolve_target(struct err *e, const char *name, struct codegen_target *out, bool *out_some,
					struct strbuf *report, bool verbose)
{
	*out_some = true;
	if (name && strcmp(name, "none") == 0) {
		*out_some = false;
		return RWKVC_STATUS_OK;
	}
	if (name && strcmp(name, "generic") == 0) {
		*out = plan_code_generic_target();
		return RWKVC_STATUS_OK;
	}
	bool need = name && strcmp(name, "device") == 0;
	if (name && !need && strcmp(name, "auto") != 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "unknown target '%s' (auto, device, generic or none)", name);
	struct vk_device_options dopt = vk_device_options_default();
	struct vk_device *d;
	struct err e2 = { 0 };
	if (vk_device_create(&e2, &dopt, &d)) {
		if (need)
			return err_set(e, e2.status, "target 'device': %s", e2.msg);
		if (verbose)
			strbuf_printf(report, "target: no Vulkan device (%s); kernels for a generic GPU\n", e2.msg);
		*out = plan_code_generic_target();
		return RWKVC_STATUS_OK;
	}
	vk_kernel_target(d, out);
	if (verbose)
		strbuf_printf(report, "target: %s\n", d->caps.props.deviceName);
	vk_device_destroy(d);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status compile(struct err *e, struct rwkvc_plan *p, const struct rwkvc_plan_options *o)
{
	if (!o->preset == !o->weights_path)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "give the model's sizes by a weights file or a preset (one of them)");
	struct pipeline_options po;
	TRY(pass_options(e, o, &po));
	TRY(build_graph(e, &p->pf, o));
	if (o->quant && !(p->pf.quant = arena_strdup(&p->pf.arena, e, o->quant)))
		return e->status;
	/* matrices a GGUF holds quantised stay so (passes/weight_policy.h) */
	enum dtype *file_dtype = NULL;
	if (o->weights_path) {
		struct weight_file w;
		enum rwkvc_status st = weights_open(e, o->weights_path, &w);
		if (!st)
			st = weight_store_file_dtypes(e, &p->pf.graph, &w, &file_dtype);
		weights_close(&w);
		TRY(st);
	}
	po.file_dtype = file_dtype;
	enum rwkvc_status st = plan_file_compile(e, &p->pf, &po, &p->report, &p->printed);
	mem_free(file_dtype);
	TRY(st);
	struct codegen_target t;
	bool some;
	TRY(resolve_target(e, o->target, &t, &some, &p->report, po.verbose));
	if (!some)
		return RWKVC_STATUS_OK;
	TRY(plan_code_emit(e, &p->pf.plan, &t, &p->pf.code));
	codegen_target_describe(&t, p->target, sizeof p->target);
	if (po.verbose)
		strbuf_printf(&p->report, "codegen: %d kernels -> %d distinct (%s)\n", p->pf.plan.n_kernels,
			      p->pf.code.n_blobs, p->target);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_plan_compile(rwkvc_ctx_t *ctx, const struct rwkvc_plan_options *opts, rwkvc_plan_t **out_plan)
{
	*out_plan = NULL;
	struct rwkvc_plan *p;
	TRY(plan_new(ctx, &p));
	enum rwkvc_status st = compile(&ctx->err, p, opts);
	if (!st)
		st = strbuf_status(&p->report) ? strbuf_status(&p->report) : strbuf_status(&p->printed);
	if (st) {
		rwkvc_plan_destroy(p);
		return st;
	}
	*out_plan = p;
	return RWKVC_STATUS_OK;
}

/* ---- files ---- */

enum rwkvc_status rwkvc_plan_save(rwkvc_plan_t *p, const char *path)
{
	struct err *e = &p->ctx->err;
	if (p->pf.code.has_target)
		TRY(plan_code_compile(e, &p->pf.code));
	return plan_file_save(e, &p->pf, path);
}

enum rwkvc_status rwkvc_plan_load(rwkvc_ctx_t *ctx, const char *path, rwkvc_plan_t **out_plan)
{
	*out_plan = NULL;
	struct rwkvc_plan *p;
	TRY(plan_new(ctx, &p));
	enum rwkvc_status st = plan_file_load(&ctx->err, path, &p->pf);
	if (st) {
		rwkvc_plan_destroy(p);
		return st;
	}
	if (p->pf.code.has_target)
		codegen_target_describe(&p->pf.code.target, p->target, sizeof p->target);
	*out_plan = p;
	return RWKVC_STATUS_OK;
}

/* ---- dumps ---- */

/* Every distinct kernel's GLSL, each under a line naming the kernels that use it. */
static enum rwkvc_status dump_glsl(struct err *e, const struct rwkvc_plan *p, struct strbuf *b)
{
	const struct plan_code *c = &p->pf.code;
	if (!c->has_target || !c->n_blobs)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "the plan holds no kernel code (it was compiled with target 'none')");
	strbuf_printf(b, "// %d distinct kernels for: %s\n", c->n_blobs, p->target);
	for (int32_t i = 0; i < c->n_blobs; i++) {
		strbuf_printf(b, "\n// ==== kernel code %d, used by kernels", i);
		for (int32_t k = 0; k < p->pf.plan.n_kernels; k++)
			if (c->kernel_blob[k] == i)
				strbuf_printf(b, " %d", k);
		strbuf_printf(b, "\n%s", c->blobs[i].glsl);
	}
	return strbuf_status(b);
}

enum rwkvc_status rwkvc_plan_dump(rwkvc_plan_t *p, const char *format, char **out_text)
{
	struct err *e = &p->ctx->err;
	*out_text = NULL;
	enum plan_dump_format f = PLAN_DUMP_TEXT;
	bool glsl = format && strcmp(format, "glsl") == 0;
	if (format && !glsl && !plan_dump_format_from_name(format, &f))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "unknown dump format '%s' (text, yaml, json, dot or glsl)", format);
	struct plan_dump_input in = plan_dump_input_of(&p->pf.plan, &p->pf.opts, PASS_SCHEDULE);
	in.quant = p->pf.quant;
	in.target = p->target[0] ? p->target : NULL;
	struct strbuf b;
	strbuf_init(&b, e);
	enum rwkvc_status st = glsl ? dump_glsl(e, p, &b) : plan_dump(e, &in, f, &b);
	if (!st && !b.data) /* an empty dump still is a string */
		strbuf_append(&b, "");
	if (!st && !(st = strbuf_status(&b)))
		*out_text = strbuf_take(&b);
	strbuf_free(&b);
	return st;
}
