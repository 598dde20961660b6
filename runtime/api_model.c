/* api_model.c - rwkvc_model_load / destroy / info: graph + weights -> a runnable model. */
#include <stdio.h>
#include <string.h>

#include "base/progress.h"
#include "graph/shape_rules.h"
#include "graph/src.h"
#include "passes/dce.h"
#include "model.h"
#include "passes/plan_file.h"
#include "passes/weight_policy.h"
#include "random_weights.h"
#include "vk_bandwidth.h"
#include "weight_store.h"

struct rwkvc_model_options rwkvc_model_options_default(void)
{
	struct rwkvc_model_options o;
	memset(&o, 0, sizeof o);
	o.backend = RWKVC_BACKEND_AUTO;
	o.precision = RWKVC_PRECISION_F32;
	return o;
}

enum rwkvc_status model_bind_weights(struct err *e, struct graph_src *src, const struct weight_file *w)
{
	struct bind_tensor *bt = mem_calloc(e, w->n_tensors ? w->n_tensors : 1, sizeof *bt, "weight shapes");
	if (!bt)
		return e->status;
	for (size_t i = 0; i < w->n_tensors; i++) {
		bt[i].name = w->tensors[i].name;
		bt[i].rank = w->tensors[i].rank;
		for (int d = 0; d < w->tensors[i].rank && d < SHAPE_MAX_RANK; d++)
			bt[i].shape[d] = w->tensors[i].shape[d];
	}
	enum rwkvc_status st = graph_src_bind_weights(e, src, bt, w->n_tensors, w->path);
	mem_free(bt);
	return st;
}

enum rwkvc_status model_check_weights(struct err *e, const struct graph *g, const struct weight_file *w)
{
	char where[256], s1[96], s2[128];
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct tensor *tn = &g->tensors[t];
		if (tn->kind != TENSOR_WEIGHT || !tn->used)
			continue;
		const struct weight_tensor *wt = weights_find(w, tn->name);
		if (!wt)
			return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: missing weight '%s' (the graph uses it: %s)", w->path,
				       tn->name, srcpos_str(tn->pos, where, sizeof where));
		struct shape fs = { wt->rank, { { 0 } } };
		for (int d = 0; d < wt->rank && d < SHAPE_MAX_RANK; d++)
			fs.d[d] = (struct dim){ -1, wt->shape[d] };
		if (wt->rank > SHAPE_MAX_RANK || !shape_same_numel_layout(g, &fs, &tn->shape))
			return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: weight '%s' has shape %s, the graph (%s) needs %s", w->path,
				       tn->name, shape_str(g, &fs, s2, sizeof s2), srcpos_str(tn->pos, where, sizeof where),
				       shape_str(g, &tn->shape, s1, sizeof s1));
	}
	return RWKVC_STATUS_OK;
}

/*
 * CPU backend: every used weight as f32, with the values it has stored as
 * stored[t] (NULL: as the file holds it), so the interpreter sees the weights
 * the GPU would; pointing into the file where it already is f32.
 */
static enum rwkvc_status cpu_prepare(struct err *e, struct rwkvc_model *m, const enum dtype *stored)
{
	const struct graph *g = &m->graph;
	m->backend = RWKVC_BACKEND_CPU;
	m->f32 = mem_calloc(e, (size_t)g->n_tensors, sizeof *m->f32, "weight table");
	m->owned = mem_calloc(e, (size_t)g->n_tensors, sizeof *m->owned, "weight table");
	if (!m->f32 || !m->owned)
		return e->status;
	uint64_t total = 0, done = 0;
	bool converts = false;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct tensor *tn = &g->tensors[t];
		if (tn->kind != TENSOR_WEIGHT || !tn->used)
			continue;
		const struct weight_tensor *wt = weights_find(&m->weights, tn->name);
		total += (uint64_t)weight_numel(wt);
		converts = converts || (stored && stored[t] != wt->dtype && stored[t] != DTYPE_F32);
	}
	struct progress bar = progress_start(converts && m->ctx->progress, "quantising weights");
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct tensor *tn = &g->tensors[t];
		if (tn->kind != TENSOR_WEIGHT || !tn->used)
			continue;
		const struct weight_tensor *wt = weights_find(&m->weights, tn->name);
		enum dtype as = stored ? stored[t] : wt->dtype;
		if (wt->dtype == DTYPE_F32 && (as == DTYPE_F32) && ((uintptr_t)wt->data & 3) == 0) {
			m->f32[t] = wt->data;
			continue;
		}
		m->owned[t] = mem_alloc(e, (size_t)weight_numel(wt) * sizeof(float), tn->name);
		if (!m->owned[t])
			return e->status;
		if (weight_store_values(e, wt, as, m->owned[t]))
			return err_context(e, "%s", m->weights.path); /* the message names the tensor, not the file */
		m->f32[t] = m->owned[t];
		done += (uint64_t)weight_numel(wt);
		progress_show(&bar, done, total);
	}
	progress_show(&bar, total, total);
	return RWKVC_STATUS_OK;
}

static int sym_value(const struct graph *g, const char *name)
{
	int32_t s = graph_find_symbol(g, name);
	return s >= 0 && g->syms[s].bound ? (int)g->syms[s].value : 0;
}

static void fill_info(struct rwkvc_model *m)
{
	const struct graph *g = &m->graph;
	struct rwkvc_model_info *i = &m->info;
	i->n_layer = g->n_layers;
	i->n_embd = sym_value(g, "C");
	i->n_head = sym_value(g, "H");
	i->head_size = sym_value(g, "N");
	i->vocab = (int)m->vocab;
	i->ffn = sym_value(g, "F");
	i->lora_decay = sym_value(g, "Dw");
	i->lora_iclr = sym_value(g, "Da");
	i->lora_value = sym_value(g, "Dv");
	i->lora_gate = sym_value(g, "Dg");
	i->backend = m->vk ? vk_model_device_name(m->vk) : "cpu";
	if (m->vk) {
		vk_model_stats(m->vk, &i->kernels, &i->kernels_compiled, &i->kernels_cached);
		const struct plan *p = vk_model_plan(m->vk);
		i->weight_bytes = plan_weight_bytes_per_token(p);
		for (int32_t k = 0; k < p->n_kernels; k++)
			i->barriers += p->kernels[k].barrier_before;
	} else {
		for (int32_t t = 0; t < m->graph.n_tensors; t++)
			if (m->graph.tensors[t].kind == TENSOR_WEIGHT && m->graph.tensors[t].used)
				i->weight_bytes += (uint64_t)shape_numel(&m->graph, &m->graph.tensors[t].shape, 1) * 4;
	}
}

/* The vocabulary is the number of rows of the embedding table. */
static enum rwkvc_status find_vocab(struct err *e, struct rwkvc_model *m)
{
	const struct graph *g = &m->graph;
	for (int32_t i = 0; i < g->n_ops; i++) {
		if (g->ops[i].kind == OP_EMBEDDING) {
			const struct tensor *tab = &g->tensors[g->ops[i].in[1]];
			m->vocab = dim_value(g, tab->shape.d[0], 0);
		}
	}
	if (!g->n_outputs)
		return err_set(e, RWKVC_STATUS_BAD_GRAPH, "%s: the graph has no outputs", g->file);
	const struct tensor *out = &g->tensors[g->outputs[0]];
	m->out_width = shape_numel(g, &out->shape, 1);
	if (!m->vocab)
		return err_set(e, RWKVC_STATUS_BAD_GRAPH, "%s: the graph has no embedding op", g->file);
	return RWKVC_STATUS_OK;
}

/* The CPU's weights as the policy stores them, with f32 as the default (the
 * CPU computes in f32 and wider). */
static enum rwkvc_status cpu_with_storage(struct err *e, struct rwkvc_model *m, enum dtype quant,
					  const enum dtype *file_dtype)
{
	const struct graph *g = &m->graph;
	enum dtype *stored = mem_alloc(e, ((size_t)g->n_tensors + 1) * sizeof *stored, "weight types");
	if (!stored)
		return e->status;
	struct weight_policy wp = { DTYPE_F32, quant, file_dtype };
	for (int32_t t = 0; t < g->n_tensors; t++)
		stored[t] = g->tensors[t].kind == TENSOR_WEIGHT ? weight_policy_choose(&wp, g, t) : DTYPE_F32;
	enum rwkvc_status st = cpu_prepare(e, m, stored);
	mem_free(stored);
	return st;
}

/* The weights' types as plan pf stores them, for the CPU (NULL without a plan). */
static enum rwkvc_status plan_types_of(struct err *e, const struct graph *g, const struct plan_file *pf,
				       enum dtype **out)
{
	*out = NULL;
	if (!pf)
		return RWKVC_STATUS_OK;
	enum dtype *d = mem_alloc(e, ((size_t)g->n_tensors + 1) * sizeof *d, "weight types");
	if (!(*out = d))
		return e->status;
	for (int32_t t = 0; t < g->n_tensors; t++)
		d[t] = pf->plan.place[t].dtype;
	return RWKVC_STATUS_OK;
}

/* Vulkan, or for AUTO the CPU when there is no usable Vulkan device. The
 * policy (passes/weight_policy.h), or with a plan file (pf) the plan, says
 * how each weight is stored, on both; Vulkan runs the plan. */
static enum rwkvc_status backend_with(struct err *e, struct rwkvc_model *m, const struct rwkvc_model_options *o,
				      struct plan_file *pf, enum dtype quant, const enum dtype *file_dtype,
				      const enum dtype *plan_types)
{
	if (o->backend == RWKVC_BACKEND_CPU)
		return plan_types ? cpu_prepare(e, m, plan_types) : cpu_with_storage(e, m, quant, file_dtype);
	struct vk_model_options vo = { 0 };
	vo.t_max = o->t_max > 0 ? o->t_max : 16;
	vo.fuse = !o->no_fuse;
	vo.act = vo.weight = o->precision == RWKVC_PRECISION_F16 ? DTYPE_F16 : DTYPE_F32;
	vo.quant = quant;
	vo.file_dtype = file_dtype;
	vo.progress = m->ctx->progress;
	/* the model options have no verbose flag: with progress on, a plan says
	 * whether its stored SPIR-V runs or the kernels are made again */
	vo.verbose = pf && m->ctx->progress;
	enum rwkvc_status st = pf ? vk_model_create_from_plan(e, pf, &m->weights, &vo, &m->vk)
				  : vk_model_create(e, &m->graph, &m->weights, &vo, &m->vk);
	if (st == RWKVC_STATUS_UNSUPPORTED && o->backend == RWKVC_BACKEND_AUTO && vk_model_no_device(e))
		return plan_types ? cpu_prepare(e, m, plan_types) : cpu_with_storage(e, m, quant, file_dtype);
	TRY(st);
	m->backend = RWKVC_BACKEND_VULKAN;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status prepare_backend(struct err *e, struct rwkvc_model *m, const struct rwkvc_model_options *o,
					 struct plan_file *pf)
{
	enum dtype quant, *file_dtype = NULL, *plan_types = NULL;
	enum rwkvc_status st = weight_policy_parse(e, o->quant, &quant);
	if (!st)
		st = weight_store_file_dtypes(e, &m->graph, &m->weights, &file_dtype);
	if (!st) /* before vk_model_create_from_plan takes the plan */
		st = plan_types_of(e, &m->graph, pf, &plan_types);
	if (!st)
		st = backend_with(e, m, o, pf, quant, file_dtype, plan_types);
	mem_free(file_dtype);
	mem_free(plan_types);
	return st;
}

/* The symbols the weights file gives must be those the plan was compiled for. */
static enum rwkvc_status check_plan_symbols(struct err *e, const struct plan_file *pf, const struct weight_file *w,
					    const char *plan_path)
{
	struct graph_src *src;
	TRY(graph_src_parse(e, pf->yaml, pf->yaml_len, pf->yaml_file, &src));
	enum rwkvc_status st = model_bind_weights(e, src, w);
	if (st)
		err_context(e, "%s does not fit the graph of plan %s", w->path, plan_path);
	for (int32_t i = 0; i < pf->n_syms && !st; i++) {
		int32_t s = -1;
		for (int32_t k = 0; k < src->n_syms; k++)
			if (strcmp(src->syms[k].name, pf->sym_names[i]) == 0)
				s = k;
		if (s >= 0 && src->syms[s].bound && src->syms[s].value != pf->sym_values[i])
			st = err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: the weights have %s = %lld, but plan %s was compiled for "
				     "%s = %lld", w->path, pf->sym_names[i], (long long)src->syms[s].value, plan_path,
				     pf->sym_names[i], (long long)pf->sym_values[i]);
	}
	graph_src_destroy(src);
	return st;
}

/* Loads a plan file: its graph becomes the model's, the plan goes to the backend. */
static enum rwkvc_status load_with_plan(struct err *e, struct rwkvc_model *m, const struct rwkvc_model_options *o)
{
	if (o->graph_path)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "a plan carries its own graph: give plan_path or graph_path, "
			       "not both");
	if (o->quant)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "a plan fixes the weight storage: quant must be NULL with a plan");
	struct plan_file *pf = mem_calloc(e, 1, sizeof *pf, "plan");
	if (!pf)
		return e->status;
	enum rwkvc_status st = plan_file_load(e, o->plan_path, pf);
	if (!st)
		st = o->weights_path ? weights_open(e, o->weights_path, &m->weights)
				     : random_weights_make(e, o->random, m->ctx->progress, &m->weights);
	if (!st)
		st = check_plan_symbols(e, pf, &m->weights, o->plan_path);
	if (!st) { /* the graph moves into the model; the plan follows it */
		m->graph = pf->graph;
		graph_init(&pf->graph);
		pf->plan.g = &m->graph;
		st = model_check_weights(e, &m->graph, &m->weights);
	}
	if (!st)
		st = find_vocab(e, m);
	if (!st)
		st = state_layout_of(e, &m->graph, &m->state);
	if (!st)
		st = prepare_backend(e, m, o, pf);
	plan_file_destroy(pf);
	mem_free(pf);
	TRY(st);
	fill_info(m);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status load(struct err *e, struct rwkvc_model *m, const struct rwkvc_model_options *o)
{
	if (!o->weights_path && !o->random)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "no weights file given");
	if (o->plan_path)
		return load_with_plan(e, m, o);
	enum dtype quant;
	TRY(weight_policy_parse(e, o->quant, &quant)); /* before the weights are read */
	struct graph_src *src;
	TRY(graph_src_load(e, o->graph_path, &src));
	enum rwkvc_status st = o->weights_path ? weights_open(e, o->weights_path, &m->weights)
					       : random_weights_make(e, o->random, m->ctx->progress, &m->weights);
	if (!st)
		st = model_bind_weights(e, src, &m->weights);
	if (!st)
		st = graph_build(e, src, &m->graph);
	graph_src_destroy(src);
	TRY(st);
	TRY(pass_dce(e, &m->graph, NULL));
	TRY(model_check_weights(e, &m->graph, &m->weights));
	TRY(find_vocab(e, m));
	TRY(state_layout_of(e, &m->graph, &m->state));
	TRY(prepare_backend(e, m, o, NULL));
	fill_info(m);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_model_load(rwkvc_ctx_t *ctx, const struct rwkvc_model_options *opts, rwkvc_model_t **out_model)
{
	struct err *e = &ctx->err;
	*out_model = NULL;
	struct rwkvc_model *m = mem_calloc(e, 1, sizeof *m, "model");
	if (!m)
		return e->status;
	m->ctx = ctx;
	graph_init(&m->graph);
	enum rwkvc_status st = load(e, m, opts);
	if (st) {
		rwkvc_model_destroy(m);
		return st;
	}
	*out_model = m;
	return RWKVC_STATUS_OK;
}

void rwkvc_model_destroy(rwkvc_model_t *m)
{
	if (!m)
		return;
	if (m->owned)
		for (int32_t t = 0; t < m->graph.n_tensors; t++)
			mem_free(m->owned[t]);
	mem_free(m->owned);
	mem_free((void *)m->f32);
	vk_model_destroy(m->vk);
	graph_destroy(&m->graph);
	weights_close(&m->weights);
	mem_free(m);
}

void rwkvc_model_get_info(const rwkvc_model_t *model, struct rwkvc_model_info *out_info) { *out_info = model->info; }

enum rwkvc_status rwkvc_model_measure_bandwidth(rwkvc_model_t *m, double *out_gbps)
{
	*out_gbps = 0;
	if (!m->vk)
		return err_set(&m->ctx->err, RWKVC_STATUS_UNSUPPORTED, "measuring bandwidth needs the Vulkan backend");
	TRY(vk_model_check_lost(&m->ctx->err, m->vk));
	return vk_measure_bandwidth(&m->ctx->err, vk_model_device(m->vk), out_gbps);
}
