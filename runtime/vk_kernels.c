/*
 * vk_kernels.c - the plan's kernels on the device: one pipeline per distinct
 * kernel source (layers share them), one descriptor set per dispatch written
 * once, and the dispatches of a kernel appended to a program.
 *
 * A weight larger than one binding may hold (maxStorageBufferRange: 128 MiB
 * on lavapipe) is bound in chunks of rows, one dispatch per chunk.
 */
#include <stdio.h>
#include <string.h>

#include "vk_kernel.h"
#include "vk_model_internal.h"


static uint64_t hash_text(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* The name a kernel goes by in messages and profiles: its first output. */
static const char *kernel_label(const struct vk_model *m, int32_t k)
{
	const struct plan_kernel *pk = &m->plan.kernels[k];
	return m->plan.g->tensors[pk->bind[pk->n_bind - 1]].name;
}

/* Index of the pipeline for `glsl`, compiling it the first time (or taking
 * the SPIR-V of `blob`, a plan file's, when it has some). Takes `glsl`. */
static enum rwkvc_status pipeline_for(struct err *e, struct vk_model *m, char *glsl, const struct plan_code_blob *blob,
				      const struct kernel_desc *d, const char *label, int32_t *out_index)
{
	uint64_t h = hash_text(glsl);
	for (int i = 0; i < m->n_pipelines; i++) {
		if (m->source_hash[i] == h && strcmp(m->sources[i], glsl) == 0) {
			mem_free(glsl);
			*out_index = i;
			return RWKVC_STATUS_OK;
		}
	}
	int i = m->n_pipelines;
	m->sources[i] = glsl;
	m->source_hash[i] = h;
	m->n_pipelines++;
	char name[64];
	snprintf(name, sizeof name, "%s %s", kernel_kind_name(d->kind), label);
	uint32_t *words = NULL;
	size_t n_words;
	if (blob && blob->words)
		n_words = blob->n_words;
	else
		TRY(spirv_cache_get(e, &m->cache, glsl, name, NULL, &words, &n_words));
	enum kernel_role roles[KERNEL_MAX_BINDINGS];
	struct vk_pipeline_desc pd = { 0 };
	pd.name = name;
	pd.spirv = words ? words : blob->words;
	pd.n_words = n_words;
	pd.n_buffers = (uint32_t)kernel_bindings(d, roles);
	pd.push_bytes = sizeof(struct kernel_push);
	enum rwkvc_status st = vk_pipeline_create(e, m->dev, &pd, &m->pipelines[i]);
	mem_free(words);
	*out_index = i;
	return st;
}

/* Rows per chunk of a weight bound in chunks: as many as one binding may hold,
 * rounded down so that every chunk starts at an offset the device and the
 * kernels' 16-byte loads accept (a Q8_0 row of 34-byte blocks need not be a
 * multiple of 16 bytes). 0 when not even one step of rows fits. */
static int64_t rows_per_chunk(const struct vk_model *m, const struct vk_weight_loc *loc)
{
	VkDeviceSize limit = m->dev->caps.max_storage_buffer_range;
	if (loc->bytes <= limit)
		return loc->rows;
	uint64_t align = m->dev->caps.min_storage_offset_align > 16 ? m->dev->caps.min_storage_offset_align : 16;
	uint64_t a = align, b = loc->row_bytes; /* step = align / gcd(align, row_bytes) */
	while (b) {
		uint64_t r = a % b;
		a = b;
		b = r;
	}
	int64_t step = (int64_t)(align / a);
	return (int64_t)(limit / loc->row_bytes) / step * step;
}

/* The binding that holds a weight split in row chunks, or -1. */
static int chunked_binding(const struct plan_kernel *pk)
{
	return pk->desc.kind == KERNEL_MATVEC || pk->desc.kind == KERNEL_EMBEDDING ? 1 : -1;
}

static enum rwkvc_status plan_dispatches(struct err *e, struct vk_model *m, int32_t k)
{
	const struct plan_kernel *pk = &m->plan.kernels[k];
	struct vk_kernel_run *run = &m->runs[k];
	int wb = chunked_binding(pk);
	int64_t rows = 1, per_chunk = 1;
	if (wb >= 0 && m->plan.place[pk->bind[wb]].kind == PLACE_WEIGHT) {
		const struct vk_weight_loc *loc = &m->wloc[pk->bind[wb]];
		rows = loc->rows;
		per_chunk = rows_per_chunk(m, loc);
		if (per_chunk < 1)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "one row of '%s' is larger than a binding may be",
				       m->plan.g->tensors[pk->bind[wb]].name);
	} else {
		wb = -1;
	}
	run->n_dispatch = (int)((rows + per_chunk - 1) / per_chunk);
	run->dispatch = mem_calloc(e, (size_t)run->n_dispatch, sizeof *run->dispatch, "dispatches");
	if (!run->dispatch)
		return e->status;
	for (int c = 0; c < run->n_dispatch; c++) {
		struct vk_dispatch *dp = &run->dispatch[c];
		dp->row0 = (uint32_t)(c * per_chunk);
		dp->rows = (uint32_t)(rows - dp->row0 < per_chunk ? rows - dp->row0 : per_chunk);
		if (wb < 0)
			dp->rows = (uint32_t)(pk->desc.kind == KERNEL_MATVEC ? pk->desc.m : rows);
		struct vk_range ranges[KERNEL_MAX_BINDINGS];
		for (int b = 0; b < pk->n_bind; b++) {
			int32_t t = pk->bind[b];
			if (m->plan.place[t].kind == PLACE_WEIGHT)
				ranges[b] = b == wb ? vk_model_weight_range(m, t, dp->row0, dp->rows)
						    : vk_model_weight_range(m, t, 0, m->wloc[t].rows);
			else
				ranges[b] = vk_model_tensor_range(m, t, m->plan.t_max);
		}
		TRY(vk_descriptor_set_create(e, m->dev, &m->pool, &m->pipelines[run->pipeline], ranges, &dp->set));
	}
	return RWKVC_STATUS_OK;
}

/* Upper bounds for the descriptor pool. */
static void count_sets(const struct vk_model *m, uint32_t *sets, uint32_t *buffers)
{
	*sets = *buffers = 0;
	for (int32_t k = 0; k < m->plan.n_kernels; k++) {
		const struct plan_kernel *pk = &m->plan.kernels[k];
		uint32_t chunks = 1;
		int wb = chunked_binding(pk);
		if (wb >= 0 && m->plan.place[pk->bind[wb]].kind == PLACE_WEIGHT) {
			const struct vk_weight_loc *loc = &m->wloc[pk->bind[wb]];
			int64_t per = rows_per_chunk(m, loc);
			if (per > 0)
				chunks = (uint32_t)((loc->rows + per - 1) / per);
		}
		*sets += chunks;
		*buffers += chunks * (uint32_t)pk->n_bind;
	}
}

enum rwkvc_status vk_model_build_kernels(struct err *e, struct vk_model *m)
{
	const struct plan *p = &m->plan;
	size_t n = (size_t)p->n_kernels + 1;
	m->pipelines = mem_calloc(e, n, sizeof *m->pipelines, "pipelines");
	m->sources = mem_calloc(e, n, sizeof *m->sources, "pipelines");
	m->source_hash = mem_calloc(e, n, sizeof *m->source_hash, "pipelines");
	m->runs = mem_calloc(e, n, sizeof *m->runs, "kernel runs");
	if (!m->pipelines || !m->sources || !m->source_hash || !m->runs)
		return e->status;
	TRY(spirv_cache_open(e, NULL, false, &m->cache));
	uint32_t sets, buffers;
	count_sets(m, &sets, &buffers);
	TRY(vk_descriptor_pool_create(e, m->dev, sets, buffers, &m->pool));
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		const char *label = kernel_label(m, k);
		char *glsl;
		const struct plan_code_blob *blob = m->stored ? &m->stored->blobs[m->stored->kernel_blob[k]] : NULL;
		if (blob && !(glsl = mem_strdup(e, blob->glsl, "kernel source")))
			return e->status;
		if (!blob)
			TRY(codegen_emit(e, &pk->desc, &m->target, label, &glsl));
		enum rwkvc_status st = pipeline_for(e, m, glsl, blob, &pk->desc, label, &m->runs[k].pipeline);
		if (!st)
			st = plan_dispatches(e, m, k);
		if (st)
			return err_context(e, "kernel %d (%s)", k, label);
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_model_dispatch_kernel(struct err *e, struct vk_model *m, struct vk_program *prog, int32_t k,
					   int64_t T)
{
	const struct plan_kernel *pk = &m->plan.kernels[k];
	const struct vk_kernel_run *run = &m->runs[k];
	for (int c = 0; c < run->n_dispatch; c++) {
		const struct vk_dispatch *dp = &run->dispatch[c];
		struct kernel_push push = { (uint32_t)T, dp->row0, dp->rows, 0 };
		uint32_t groups[3];
		kernel_grid(&pk->desc, &m->target, T, dp->rows, groups);
		TRY(vk_program_dispatch(e, prog, &m->pipelines[run->pipeline], dp->set, groups, &push, kernel_label(m, k)));
	}
	return RWKVC_STATUS_OK;
}

void vk_model_free_kernels(struct vk_model *m)
{
	if (m->runs)
		for (int32_t k = 0; k < m->plan.n_kernels; k++)
			mem_free(m->runs[k].dispatch);
	mem_free(m->runs);
	if (m->dev) {
		for (int i = 0; i < m->n_pipelines; i++)
			vk_pipeline_destroy(m->dev, &m->pipelines[i]);
		vk_descriptor_pool_destroy(m->dev, &m->pool);
	}
	for (int i = 0; i < m->n_pipelines; i++)
		mem_free(m->sources[i]);
	mem_free(m->sources);
	mem_free(m->source_hash);
	mem_free(m->pipelines);
	spirv_cache_close(&m->cache);
	m->runs = NULL;
	m->sources = NULL;
	m->pipelines = NULL;
	m->source_hash = NULL;
	m->n_pipelines = 0;
}
