/*
 * vk_model.c - creating and running a plan on a Vulkan device (see vk_model.h).
 * Weights go through vk_weights.c; kernels through vk_kernels.c.
 */
#include "vk_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/half.h"
#include "passes/lower.h"
#include "passes/pipeline.h"
#include "plan_code.h"
#include "vk_kernel.h"
#include "vk_model_internal.h"

enum { DEFAULT_T_MAX = 16 };

#define NO_DEVICE "no usable Vulkan device"

bool vk_model_no_device(const struct err *e)
{
	return e->status == RWKVC_STATUS_UNSUPPORTED && strncmp(e->msg, NO_DEVICE, strlen(NO_DEVICE)) == 0;
}

static enum rwkvc_status make_buffers(struct err *e, struct vk_model *m)
{
	struct vk_device *d = m->dev;
	const struct plan *p = &m->plan;
	const struct graph *g = p->g;
	int32_t out = g->outputs[0];
	m->out_width = (size_t)shape_numel(g, &g->tensors[out].shape, 1);
	m->out_dtype = p->place[out].dtype;
	size_t out_bytes = (size_t)p->t_max * m->out_width * (m->out_dtype == DTYPE_F16 ? 2 : 4);
	TRY(vk_buffer_create(e, d, p->act_bytes ? p->act_bytes : 256, VK_MEMORY_DEVICE, "activations", &m->acts));
	TRY(vk_buffer_create(e, d, p->state_bytes ? p->state_bytes : 256, VK_MEMORY_DEVICE, "state", &m->state));
	TRY(vk_buffer_create(e, d, (VkDeviceSize)p->t_max * 4, VK_MEMORY_UPLOAD, "token ids", &m->tokens));
	TRY(vk_buffer_create(e, d, out_bytes, VK_MEMORY_READBACK, "logits", &m->logits));
	return vk_fill(e, d, vk_range_of(&m->state), 0);
}

/* The range a tensor is bound as (activations, state, tokens; weights: see vk_weights.c). */
struct vk_range vk_model_tensor_range(const struct vk_model *m, int32_t t, int64_t T)
{
	const struct plan_place *pl = &m->plan.place[t];
	const struct vk_buffer *b = pl->kind == PLACE_STATE ? &m->state : pl->kind == PLACE_TOKENS ? &m->tokens : &m->acts;
	(void)T;
	return vk_subrange(vk_range_of(b), pl->offset, pl->bytes);
}

/* The plan through the pass driver, so the runtime and `rwkvc compile` run the same passes. */
static enum rwkvc_status build_plan(struct err *e, struct vk_model *m, const struct graph *g,
				    const struct vk_model_options *o)
{
	struct pipeline_options po = pipeline_options_default();
	po.t_max = o->t_max > 0 ? o->t_max : DEFAULT_T_MAX;
	po.act = o->act;
	po.weight = o->weight;
	po.quant = o->quant;
	po.file_dtype = o->file_dtype;
	po.pass_on[PASS_FUSE] = o->fuse;
	po.align = m->dev->align;
	po.verbose = o->verbose;
	/* debugging aids: RWKVC_FUSE=region_lora folds the LoRA up-projections into
	 * the head regions; RWKVC_NO_FUSE=a,b switches passes or fusion rules off */
	const char *on = getenv("RWKVC_FUSE"), *off = getenv("RWKVC_NO_FUSE");
	if (on && strstr(on, "region_lora"))
		po.fuse.region_lora = true;
	while (off && *off) {
		char name[64];
		size_t n = strcspn(off, ",");
		snprintf(name, sizeof name, "%.*s", (int)(n < 63 ? n : 63), off);
		TRY(pipeline_disable(e, &po, name));
		off += n + (off[n] == ',');
	}
	struct strbuf report;
	strbuf_init(&report, e);
	enum rwkvc_status st = pipeline_run(e, g, &po, &m->plan, &report, NULL);
	if (o->verbose)
		fputs(strbuf_str(&report), stderr);
	strbuf_free(&report);
	return st;
}

static enum rwkvc_status open_device(struct err *e, const struct vk_model_options *o, struct vk_model **out_model)
{
	*out_model = NULL;
	struct vk_model *m = mem_calloc(e, 1, sizeof *m, "Vulkan model");
	if (!m)
		return e->status;
	*out_model = m;
	struct vk_device_options dopt = vk_device_options_default();
	dopt.verbose = o->verbose;
	enum rwkvc_status st = vk_device_create(e, &dopt, &m->dev);
	if (st == RWKVC_STATUS_UNSUPPORTED)
		err_context(e, NO_DEVICE);
	TRY(st);
	vk_kernel_target(m->dev, &m->target);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status check_dtypes(struct err *e, const struct vk_model *m, enum dtype act, enum dtype weight)
{
	if ((act == DTYPE_F16 || weight == DTYPE_F16) && !m->target.f16_storage)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s cannot store 16-bit floats in buffers; use --dtype f32",
			       m->dev->caps.props.deviceName);
	return RWKVC_STATUS_OK;
}

/* Everything after the plan: buffers, weights, kernels. */
static enum rwkvc_status finish(struct err *e, struct vk_model *m, const struct weight_file *w,
			       const struct vk_model_options *o)
{
	TRY(make_buffers(e, m));
	TRY(vk_model_upload_weights(e, m, w, o->progress));
	return vk_model_build_kernels(e, m);
}

enum rwkvc_status vk_model_create(struct err *e, const struct graph *g, const struct weight_file *w,
				  const struct vk_model_options *o, struct vk_model **out_model)
{
	struct vk_model *m;
	enum rwkvc_status st;
	TRY_GOTO(st, open_device(e, o, &m), fail);
	TRY_GOTO(st, check_dtypes(e, m, o->act, o->weight), fail);
	TRY_GOTO(st, build_plan(e, m, g, o), fail);
	TRY_GOTO(st, finish(e, m, w, o), fail);
	*out_model = m;
	return RWKVC_STATUS_OK;
fail:
	vk_model_destroy(m);
	*out_model = NULL;
	return st;
}

enum rwkvc_status vk_model_create_from_plan(struct err *e, struct plan_file *pf, const struct weight_file *w,
					    const struct vk_model_options *o, struct vk_model **out_model)
{
	struct vk_model *m;
	enum rwkvc_status st;
	TRY_GOTO(st, open_device(e, o, &m), fail);
	m->plan = pf->plan; /* taken */
	memset(&pf->plan, 0, sizeof pf->plan);
	TRY_GOTO(st, check_dtypes(e, m, m->plan.act, m->plan.weight), fail);
	if (pf->opts.align % m->dev->align) {
		st = err_set(e, RWKVC_STATUS_UNSUPPORTED, "the plan places buffers at multiples of %llu bytes; %s needs %llu",
			     (unsigned long long)pf->opts.align, m->dev->caps.props.deviceName,
			     (unsigned long long)m->dev->align);
		goto fail;
	}
	const struct plan_code *c = &pf->code;
	bool stored = c->has_target && c->n_blobs > 0 && codegen_target_same(&c->target, &m->target);
	if (o->verbose) {
		char want[160], have[160];
		codegen_target_describe(&m->target, have, sizeof have);
		if (stored)
			fprintf(stderr, "plan: using its stored SPIR-V (made for this target: %s)\n", have);
		else if (c->has_target && c->n_blobs > 0)
			fprintf(stderr, "plan: regenerating the kernels: its SPIR-V is for %s; %s is %s\n",
				(codegen_target_describe(&c->target, want, sizeof want), want), m->dev->caps.props.deviceName,
				have);
		else
			fprintf(stderr, "plan: generating the kernels (the plan holds no code)\n");
	}
	m->stored = stored ? c : NULL;
	st = finish(e, m, w, o);
	m->stored = NULL;
	if (st)
		goto fail;
	*out_model = m;
	return RWKVC_STATUS_OK;
fail:
	vk_model_destroy(m);
	*out_model = NULL;
	return st;
}

void vk_model_destroy(struct vk_model *m)
{
	if (!m)
		return;
	for (int i = 0; i < VK_MODEL_PROGRAMS; i++)
		vk_program_destroy(m->programs[i].prog);
	vk_model_free_kernels(m);
	vk_model_free_weights(m);
	if (m->dev) {
		vk_buffer_destroy(m->dev, &m->acts);
		vk_buffer_destroy(m->dev, &m->state);
		vk_buffer_destroy(m->dev, &m->tokens);
		vk_buffer_destroy(m->dev, &m->logits);
	}
	vk_device_destroy(m->dev);
	plan_destroy(&m->plan);
	mem_free(m);
}

/* ---- recording ---- */

static enum rwkvc_status record(struct err *e, struct vk_model *m, int64_t T, bool all, struct vk_program *prog)
{
	const struct plan *p = &m->plan;
	for (int32_t k = 0; k < p->n_kernels; k++) {
		if (p->kernels[k].barrier_before)
			TRY(vk_program_barrier(e, prog));
		TRY(vk_model_dispatch_kernel(e, m, prog, k, T));
	}
	/* the new state into the state buffer, the logits into host-visible memory */
	TRY(vk_program_barrier(e, prog));
	for (int32_t c = 0; c < p->n_copies; c++) {
		const struct plan_place *to = &p->place[p->copies[c].to];
		TRY(vk_program_copy(e, prog, vk_model_tensor_range(m, p->copies[c].from, T), vk_model_tensor_range(m, p->copies[c].to, T),
				    to->bytes));
	}
	size_t row_bytes = m->out_width * (m->out_dtype == DTYPE_F16 ? 2 : 4);
	struct vk_range out = vk_model_tensor_range(m, p->g->outputs[0], T);
	VkDeviceSize first = all ? 0 : (VkDeviceSize)(T - 1) * row_bytes;
	VkDeviceSize bytes = (all ? (VkDeviceSize)T : 1) * row_bytes;
	TRY(vk_program_copy(e, prog, vk_subrange(out, first, bytes), vk_subrange(vk_range_of(&m->logits), 0, bytes), bytes));
	return vk_program_record(e, prog);
}

/* The recorded program for (T, all): made the first time, replayed after. */
static enum rwkvc_status program_for(struct err *e, struct vk_model *m, int64_t T, bool all, struct vk_program **out)
{
	int free_slot = -1;
	for (int i = 0; i < VK_MODEL_PROGRAMS; i++) {
		struct vk_model_program *pr = &m->programs[i];
		if (pr->prog && pr->T == T && pr->all == all) {
			pr->last_use = ++m->use_clock;
			*out = pr->prog;
			return RWKVC_STATUS_OK;
		}
		if (!pr->prog && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0) { /* evict the least recently used (decode stays: it is used every token) */
		free_slot = 0;
		for (int i = 1; i < VK_MODEL_PROGRAMS; i++)
			if (m->programs[i].last_use < m->programs[free_slot].last_use)
				free_slot = i;
		vk_program_destroy(m->programs[free_slot].prog);
		m->programs[free_slot].prog = NULL;
	}
	char name[64];
	snprintf(name, sizeof name, "forward T=%lld%s", (long long)T, all ? "" : " last");
	struct vk_program *prog;
	TRY(vk_program_create(e, m->dev, name, 0, &prog));
	enum rwkvc_status st = record(e, m, T, all, prog);
	if (st) {
		vk_program_destroy(prog);
		return st;
	}
	m->programs[free_slot] = (struct vk_model_program){ prog, T, all, ++m->use_clock };
	*out = prog;
	return RWKVC_STATUS_OK;
}

static void read_logits(const struct vk_model *m, size_t rows, float *out)
{
	size_t n = rows * m->out_width;
	if (m->out_dtype == DTYPE_F16) {
		const uint16_t *h = m->logits.mapped;
		for (size_t i = 0; i < n; i++)
			out[i] = half_to_float(h[i]);
	} else {
		memcpy(out, m->logits.mapped, n * sizeof *out);
	}
}

enum rwkvc_status vk_model_check_lost(struct err *e, const struct vk_model *m)
{
	if (m->dev->lost)
		return err_set(e, RWKVC_STATUS_DEVICE_LOST, "the GPU was lost earlier; load the model again");
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_model_eval(struct err *e, struct vk_model *m, const int32_t *tokens, size_t n, bool all, float *out)
{
	TRY(vk_model_check_lost(e, m));
	size_t t_max = (size_t)m->plan.t_max;
	for (size_t at = 0; at < n; at += t_max) {
		size_t T = n - at < t_max ? n - at : t_max;
		bool last_chunk = at + T == n;
		bool want_all = all && out;
		struct vk_program *prog;
		TRY(program_for(e, m, (int64_t)T, want_all, &prog));
		memcpy(m->tokens.mapped, tokens + at, T * sizeof *tokens);
		TRY(vk_program_run(e, prog));
		if (!out)
			continue;
		if (want_all)
			read_logits(m, T, out + at * m->out_width);
		else if (last_chunk)
			read_logits(m, 1, out);
	}
	return RWKVC_STATUS_OK;
}

/* ---- state ---- */

static enum rwkvc_status check_state_size(struct err *e, const struct vk_model *m, size_t n)
{
	if (n * 4 != m->plan.state_bytes)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "the state has %llu floats, %zu were given",
			       (unsigned long long)(m->plan.state_bytes / 4), n);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_model_state_get(struct err *e, struct vk_model *m, float *out, size_t n)
{
	TRY(check_state_size(e, m, n));
	return n ? vk_download(e, m->dev, vk_range_of(&m->state), out, n * 4) : RWKVC_STATUS_OK;
}

enum rwkvc_status vk_model_state_set(struct err *e, struct vk_model *m, const float *in, size_t n)
{
	TRY(check_state_size(e, m, n));
	return n ? vk_upload(e, m->dev, vk_range_of(&m->state), in, n * 4) : RWKVC_STATUS_OK;
}

enum rwkvc_status vk_model_state_reset(struct err *e, struct vk_model *m)
{
	return vk_fill(e, m->dev, vk_range_of(&m->state), 0);
}

const char *vk_model_device_name(const struct vk_model *m) { return m->dev->caps.props.deviceName; }
struct vk_device *vk_model_device(struct vk_model *m) { return m->dev; }
const struct plan *vk_model_plan(const struct vk_model *m) { return &m->plan; }

void vk_model_stats(const struct vk_model *m, int *out_kernels, int *out_compiled, int *out_cached)
{
	*out_kernels = m->plan.n_kernels;
	*out_compiled = (int)m->cache.n_compiles;
	*out_cached = (int)m->cache.n_hits;
}
