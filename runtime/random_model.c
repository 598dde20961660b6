/*
 * random_model.c - rwkvc_random_model_write: a safetensors file with every
 * weight the graph uses, at scales like a trained RWKV-7's, for tests and
 * benchmarks of real shapes without a download.
 *
 * The ranges follow the official initialisation where it is not zero (decay
 * speeds from -6.5 to -1.5 across channels, mixes in (0, 1), k_k near 0.85),
 * and replace its zeros by small random values so every part of the network
 * (decay, in-context learning rate, value residual, gate, bonus) moves the
 * result. Each tensor's values depend only on the seed and its name.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/progress.h"
#include "base/half.h"
#include "ctx.h"
#include "graph/src.h"
#include "random_weights.h"
#include "safetensors.h"

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull); /* splitmix64 */
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static float uniform(struct rng *r, float lo, float hi)
{
	return lo + (hi - lo) * (float)((rng_next(r) >> 40) * (1.0 / 16777216.0));
}

static uint64_t name_seed(uint64_t seed, const char *name)
{
	uint64_t h = 1469598103934665603ull ^ seed;
	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 1099511628211ull;
	return h;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Fills one tensor. `rows`/`cols` are its last two dims (cols = innermost). */
static void fill_tensor(const char *name, float *x, int64_t numel, int64_t rows, int64_t cols, struct rng *r)
{
	(void)rows;
	float fan_in = (float)cols, a;
	if (ends_with(name, "emb.weight")) {
		for (int64_t i = 0; i < numel; i++)
			x[i] = uniform(r, -1.0f, 1.0f);
	} else if (ends_with(name, "ln_x.weight")) {
		for (int64_t i = 0; i < numel; i++)
			x[i] = uniform(r, 0.3f, 1.0f);
	} else if (ends_with(name, ".weight") && numel == cols) { /* layer norm gains */
		for (int64_t i = 0; i < numel; i++)
			x[i] = 1.0f + uniform(r, -0.2f, 0.2f);
	} else if (ends_with(name, ".bias")) {
		for (int64_t i = 0; i < numel; i++)
			x[i] = uniform(r, -0.1f, 0.1f);
	} else if (strstr(name, ".x_")) { /* token-shift mixes */
		for (int64_t i = 0; i < numel; i++)
			x[i] = uniform(r, 0.05f, 0.95f);
	} else if (ends_with(name, ".w0")) { /* decay speeds: slow to fast across channels */
		for (int64_t i = 0; i < numel; i++) {
			float ratio = numel > 1 ? (float)i / (float)(numel - 1) : 0.5f;
			x[i] = -6.5f + 5.0f * powf(ratio, 0.85f + 0.5f * uniform(r, 0, 1)) + uniform(r, -0.3f, 0.3f);
		}
	} else if (ends_with(name, ".a0")) {
		for (int64_t i = 0; i < numel; i++)
			x[i] = uniform(r, -1.0f, 1.0f);
	} else if (ends_with(name, ".v0")) {
		for (int64_t i = 0; i < numel; i++)
			x[i] = 1.0f + uniform(r, -0.5f, 0.5f);
	} else if (ends_with(name, ".k_k")) {
		for (int64_t i = 0; i < numel; i++)
			x[i] = 0.85f + uniform(r, -0.2f, 0.2f);
	} else if (ends_with(name, ".k_a")) {
		for (int64_t i = 0; i < numel; i++)
			x[i] = uniform(r, 0.5f, 1.2f);
	} else if (ends_with(name, ".r_k")) {
		for (int64_t i = 0; i < numel; i++)
			x[i] = uniform(r, -0.3f, 0.3f);
	} else {
		/* matrices: LoRA factors (used as x @ W, so the fan-in is the rows) and
		 * Linear weights [out, in] (fan-in = cols); unit-variance outputs, smaller
		 * for the two that write into the residual stream */
		bool lora = ends_with(name, "1") || ends_with(name, "2");
		fan_in = lora ? (float)rows : (float)cols;
		a = sqrtf(3.0f / fan_in);
		if (ends_with(name, "output.weight") || ends_with(name, "ffn.value.weight"))
			a *= 0.5f;
		if (ends_with(name, "head.weight"))
			a *= 2.0f;
		for (int64_t i = 0; i < numel; i++)
			x[i] = uniform(r, -a, a);
	}
}

/* A random model being made: its graph and the list of weights to fill. */
struct random_job {
	struct err *e;
	struct graph g;
	const struct rwkvc_random_model *spec;
	enum dtype dtype;
	struct weight_tensor *descs;
	size_t n;
	uint64_t total_bytes;
	int64_t biggest; /* elements of the largest tensor */
};

static enum rwkvc_status collect(struct random_job *j)
{
	const struct graph *g = &j->g;
	j->descs = mem_calloc(j->e, (size_t)g->n_tensors, sizeof *j->descs, "tensor list");
	if (!j->descs)
		return j->e->status;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct tensor *tn = &g->tensors[t];
		if (tn->kind != TENSOR_WEIGHT || !tn->used)
			continue;
		struct weight_tensor *d = &j->descs[j->n++];
		d->name = tn->name;
		d->dtype = j->dtype;
		d->rank = tn->shape.rank;
		for (int k = 0; k < tn->shape.rank; k++)
			d->shape[k] = dim_value(g, tn->shape.d[k], 0);
		d->nbytes = dtype_bytes(j->dtype, (uint64_t)weight_numel(d));
		j->total_bytes += d->nbytes;
		if (weight_numel(d) > j->biggest)
			j->biggest = weight_numel(d);
	}
	return RWKVC_STATUS_OK;
}

/* Fills tensor i into dst (its storage type); tmp holds its elements as f32 (may equal dst for f32). */
static void fill_one(const struct random_job *j, size_t i, float *tmp, void *dst)
{
	const struct weight_tensor *d = &j->descs[i];
	int64_t numel = weight_numel(d);
	int64_t cols = d->shape[d->rank - 1], rows = d->rank > 1 ? d->shape[d->rank - 2] : 1;
	struct rng r = { name_seed(j->spec->seed, d->name) };
	fill_tensor(d->name, tmp, numel, rows, cols, &r);
	if (j->dtype == DTYPE_F16 || j->dtype == DTYPE_BF16) {
		uint16_t *h = dst; /* may alias tmp: element k is read before slot k/2 is overwritten */
		for (int64_t k = 0; k < numel; k++)
			h[k] = j->dtype == DTYPE_F16 ? float_to_half(tmp[k]) : float_to_bf16(tmp[k]);
	} else if ((void *)tmp != dst) {
		memcpy(dst, tmp, (size_t)numel * sizeof *tmp);
	}
}

static enum rwkvc_status write_all(struct random_job *j, const char *path, int progress)
{
	char seed[32], shape_note[64], what[256];
	snprintf(seed, sizeof seed, "%llu", (unsigned long long)j->spec->seed);
	snprintf(shape_note, sizeof shape_note, "%s", j->spec->preset ? j->spec->preset : "custom");
	snprintf(what, sizeof what, "writing %s", path);
	const char *keys[] = { "format", "rwkvc.generator", "rwkvc.seed", "rwkvc.shape" };
	const char *vals[] = { "pt", "rwkvc random model (not a trained model)", seed, shape_note };
	struct safetensors_writer *w;
	TRY(safetensors_writer_begin(j->e, path, j->descs, j->n, keys, vals, 4, &w));
	float *buf = mem_alloc(j->e, (size_t)j->biggest * sizeof(float), "random tensor");
	if (!buf) {
		safetensors_writer_abort(w);
		return j->e->status;
	}
	uint64_t done = 0;
	struct progress bar = progress_start(progress, what);
	for (size_t i = 0; i < j->n; i++) {
		fill_one(j, i, buf, buf);
		if (safetensors_writer_put(j->e, w, i, buf, j->descs[i].nbytes)) {
			mem_free(buf);
			safetensors_writer_abort(w);
			return j->e->status;
		}
		done += j->descs[i].nbytes;
		progress_show(&bar, done, j->total_bytes);
	}
	mem_free(buf);
	return safetensors_writer_commit(j->e, w);
}

/* Sizes from the spec: a preset, or explicit values with the official formulas for the rest. */
static enum rwkvc_status bind_spec(struct err *e, struct graph_src *src, const struct rwkvc_random_model *s)
{
	if (s->preset)
		return graph_src_bind_preset(e, src, s->preset);
	if (s->n_layer <= 0 || s->n_embd <= 0 || s->vocab <= 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "a random model needs a preset, or layers, embedding width and vocabulary");
	int n = s->head_size ? s->head_size : 64;
	if (s->n_embd % n)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "the embedding width %d is not a multiple of the head size %d", s->n_embd,
			       n);
	double c = s->n_embd;
#define LORA(given, k, p) ((given) ? (given) : (int)fmax(32, round((k) * pow(c, p) / 32) * 32))
	const char *names[] = { "L", "C", "H", "N", "F", "V", "Dw", "Da", "Dv", "Dg" };
	int64_t values[] = { s->n_layer, s->n_embd, s->n_embd / n, n, s->ffn ? s->ffn : 4 * s->n_embd, s->vocab,
			     LORA(s->lora_decay, 1.8, 0.5), LORA(s->lora_iclr, 1.8, 0.5), LORA(s->lora_value, 1.3, 0.5),
			     LORA(s->lora_gate, 0.6, 0.8) };
#undef LORA
	return graph_src_bind_values(e, src, names, values, 10);
}

static enum rwkvc_status job_begin(struct err *e, const struct rwkvc_random_model *spec, struct random_job *j)
{
	memset(j, 0, sizeof *j);
	j->e = e;
	j->spec = spec;
	j->dtype = DTYPE_F32;
	graph_init(&j->g);
	if (spec->dtype &&
	    (!dtype_from_name(spec->dtype, &j->dtype) || (j->dtype != DTYPE_F32 && j->dtype != DTYPE_F16 && j->dtype != DTYPE_BF16)))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "unsupported storage dtype '%s' (f32, f16 or bf16)", spec->dtype);
	struct graph_src *src;
	TRY(graph_src_load(e, spec->graph_path, &src));
	enum rwkvc_status st = bind_spec(e, src, spec);
	if (!st)
		st = graph_build(e, src, &j->g);
	graph_src_destroy(src);
	TRY(st);
	return collect(j);
}

static void job_end(struct random_job *j)
{
	mem_free(j->descs);
	graph_destroy(&j->g);
}

enum rwkvc_status rwkvc_random_model_write(rwkvc_ctx_t *ctx, const struct rwkvc_random_model *spec, const char *path)
{
	struct random_job j;
	enum rwkvc_status st = job_begin(&ctx->err, spec, &j);
	if (!st)
		st = write_all(&j, path, ctx->progress);
	job_end(&j);
	return st;
}

enum rwkvc_status random_weights_make(struct err *e, const struct rwkvc_random_model *spec, int progress,
				      struct weight_file *out_w)
{
	memset(out_w, 0, sizeof *out_w);
	arena_init(&out_w->arena);
	struct random_job j;
	enum rwkvc_status st = job_begin(e, spec, &j);
	float *tmp = st ? NULL : mem_alloc(e, (size_t)j.biggest * sizeof(float) + 1, "random tensor");
	if (!st && !tmp)
		st = e->status;
	struct weight_tensor *table = st ? NULL : arena_alloc(&out_w->arena, e, (j.n + 1) * sizeof *table);
	if (!st && !table)
		st = e->status;
	uint64_t done = 0;
	struct progress bar = progress_start(progress, "making random weights");
	for (size_t i = 0; i < j.n && !st; i++) {
		table[i] = j.descs[i];
		table[i].name = arena_strdup(&out_w->arena, e, j.descs[i].name);
		void *data = table[i].name ? arena_alloc(&out_w->arena, e, table[i].nbytes) : NULL;
		if (!data) {
			st = e->status;
			break;
		}
		fill_one(&j, i, tmp, data);
		table[i].data = data;
		done += table[i].nbytes;
		progress_show(&bar, done, j.total_bytes);
	}
	if (!st) {
		out_w->tensors = table;
		out_w->n_tensors = j.n;
		out_w->path = arena_strdup(&out_w->arena, e, spec->preset ? spec->preset : "random weights");
		st = out_w->path ? weights_index_build(e, out_w) : e->status;
	}
	mem_free(tmp);
	job_end(&j);
	if (st)
		weights_close(out_w);
	return st;
}
