/*
 * gguf_rwkv7.c - llama.cpp's `rwkv7` GGUF tensors under official RWKV-7
 * names and shapes. docs/gguf-mapping.md has the table and the reasons.
 *
 * What llama.cpp's converter changes, and what undoes it here:
 *  - the six token-shift mixes x_r, x_w, x_k, x_v, x_a, x_g are one tensor,
 *    blk.N.time_mix_lerp_fused with ne {C, 1, 1, 6} in that order: each is one
 *    row of it, so the six tensors point into it;
 *  - LoRA factors w1/w2, a1/a2, v1/v2, g1/g2 are stored transposed (a ggml
 *    matrix with ne {in, out}): they are transposed back into the arena, in
 *    their own type when it is F32/F16/BF16, dequantised to F32 when not;
 *  - [1, 1, C] parameters are squeezed to [C] and r_k [H, N] flattened to
 *    [C]: only the shape changes;
 *  - layer 0 gets value-residual tensors v0/v1/v2 that are copies of a0/a1/a2
 *    (llama.cpp requires them, inference never reads them): dropped.
 * Nothing is negated or precomputed: w0, a0, v0, k_k, k_a, r_k and the
 * ln_x group norm are the checkpoint's values.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gguf.h"
#include "quant.h"

enum kind {
	KIND_VEC,   /* ne {C} -> [C] */
	KIND_VEC3,  /* ne {C} -> [1, 1, C] */
	KIND_MAT,   /* ne {in, out} -> [out, in], data as it is */
	KIND_LORA,  /* ne {a, b} -> [a, b], data transposed */
	KIND_RK,    /* C values -> [H, N] */
	KIND_LERP6, /* ne {C, 1, 1, 6} -> six [1, 1, C] */
};

struct rule {
	const char *gguf;     /* name after "blk.N." (layer rules) or whole */
	const char *official; /* name after "blocks.N." (layer rules) or whole */
	enum kind kind;
	bool dummy_in_layer0; /* llama.cpp's made-up layer-0 value residual */
};

static const struct rule layer_rules[] = {
	{ "attn_norm.weight", "ln1.weight", KIND_VEC, false },
	{ "attn_norm.bias", "ln1.bias", KIND_VEC, false },
	{ "attn_norm_2.weight", "ln2.weight", KIND_VEC, false },
	{ "attn_norm_2.bias", "ln2.bias", KIND_VEC, false },
	{ "time_mix_lerp_fused.weight", "att.x_", KIND_LERP6, false },
	{ "time_mix_w0.weight", "att.w0", KIND_VEC3, false },
	{ "time_mix_w1.weight", "att.w1", KIND_LORA, false },
	{ "time_mix_w2.weight", "att.w2", KIND_LORA, false },
	{ "time_mix_a0.weight", "att.a0", KIND_VEC3, false },
	{ "time_mix_a1.weight", "att.a1", KIND_LORA, false },
	{ "time_mix_a2.weight", "att.a2", KIND_LORA, false },
	{ "time_mix_v0.weight", "att.v0", KIND_VEC3, true },
	{ "time_mix_v1.weight", "att.v1", KIND_LORA, true },
	{ "time_mix_v2.weight", "att.v2", KIND_LORA, true },
	{ "time_mix_g1.weight", "att.g1", KIND_LORA, false },
	{ "time_mix_g2.weight", "att.g2", KIND_LORA, false },
	{ "time_mix_k_k.weight", "att.k_k", KIND_VEC3, false },
	{ "time_mix_k_a.weight", "att.k_a", KIND_VEC3, false },
	{ "time_mix_r_k.weight", "att.r_k", KIND_RK, false },
	{ "time_mix_receptance.weight", "att.receptance.weight", KIND_MAT, false },
	{ "time_mix_key.weight", "att.key.weight", KIND_MAT, false },
	{ "time_mix_value.weight", "att.value.weight", KIND_MAT, false },
	{ "time_mix_output.weight", "att.output.weight", KIND_MAT, false },
	{ "time_mix_ln.weight", "att.ln_x.weight", KIND_VEC, false },
	{ "time_mix_ln.bias", "att.ln_x.bias", KIND_VEC, false },
	{ "channel_mix_lerp_k.weight", "ffn.x_k", KIND_VEC3, false },
	{ "channel_mix_key.weight", "ffn.key.weight", KIND_MAT, false },
	{ "channel_mix_value.weight", "ffn.value.weight", KIND_MAT, false },
};

static const struct rule top_rules[] = {
	{ "token_embd.weight", "emb.weight", KIND_MAT, false },
	{ "token_embd_norm.weight", "blocks.0.ln0.weight", KIND_VEC, false },
	{ "token_embd_norm.bias", "blocks.0.ln0.bias", KIND_VEC, false },
	{ "output_norm.weight", "ln_out.weight", KIND_VEC, false },
	{ "output_norm.bias", "ln_out.bias", KIND_VEC, false },
	{ "output.weight", "head.weight", KIND_MAT, false },
};

/* The fused tensor's rows, in llama.cpp's order: x_r, x_w, x_k, x_v, x_a, x_g. */
static const char lerp_order[6] = { 'r', 'w', 'k', 'v', 'a', 'g' };

struct mapper {
	struct err *e;
	const struct gguf_file *g;
	struct weight_file *w;
	uint64_t n_embd, head_size, n_layer;
};

static const char *dims_str(const struct gguf_tensor *t, char *buf, size_t n)
{
	int k = snprintf(buf, n, "{%" PRIu64, t->ne[0]);
	for (uint32_t d = 1; d < t->n_dims && k > 0 && (size_t)k < n; d++)
		k += snprintf(buf + k, n - (size_t)k, ", %" PRIu64, t->ne[d]);
	if (k > 0 && (size_t)k < n)
		snprintf(buf + k, n - (size_t)k, "}");
	return buf;
}

static enum rwkvc_status bad_shape(struct mapper *m, const struct gguf_tensor *t,
				   const char *expected)
{
	char dims[128];
	return err_set(m->e, RWKVC_STATUS_BAD_SHAPE,
		       "%s: tensor '%s' has ggml dims %s; expected %s (n_embd %" PRIu64 ")",
		       m->g->what, t->name, dims_str(t, dims, sizeof dims), expected, m->n_embd);
}

static struct weight_tensor *add(struct mapper *m, const char *name, enum dtype dt, int rank,
				 const int64_t *shape, const void *data, size_t nbytes)
{
	struct weight_tensor *wt = &m->w->tensors[m->w->n_tensors++];
	wt->name = name;
	wt->dtype = dt;
	wt->rank = rank;
	for (int d = 0; d < rank; d++)
		wt->shape[d] = shape[d];
	wt->data = data;
	wt->nbytes = nbytes;
	return wt;
}

static const char *official_name(struct mapper *m, int layer, const char *suffix)
{
	char buf[160];
	if (layer < 0)
		snprintf(buf, sizeof buf, "%s", suffix);
	else
		snprintf(buf, sizeof buf, "blocks.%d.%s", layer, suffix);
	return arena_strdup(&m->w->arena, m->e, buf);
}

static bool is_vector(const struct gguf_tensor *t, uint64_t n)
{
	return t->ne[0] == n && t->ne[1] == 1 && t->ne[2] == 1 && t->ne[3] == 1;
}

/* LoRA factors come as ne {a, b}: b rows of a values. Officially they are [a, b]. */
static enum rwkvc_status add_transposed(struct mapper *m, const struct gguf_tensor *t,
					const char *name)
{
	uint64_t a = t->ne[0], b = t->ne[1];
	bool blocked = dtype_block(t->dtype) > 1;
	enum dtype dt = blocked ? DTYPE_F32 : t->dtype;
	size_t es = dtype_bytes(dt, 1), row_bytes = dtype_bytes(t->dtype, a);
	uint8_t *dst = arena_alloc(&m->w->arena, m->e, (size_t)(a * b) * es);
	float *row = blocked ? mem_alloc(m->e, (size_t)a * sizeof *row, name) : NULL;
	if (!dst || (blocked && !row))
		return err_context(m->e, "%s: transposing '%s'", m->g->what, t->name);
	for (uint64_t j = 0; j < b; j++) {
		const uint8_t *src = t->data + j * row_bytes;
		if (blocked) {
			/* a quantised row cannot be split into columns: go through f32 */
			quant_dequantize(t->dtype, src, row, (int64_t)a);
			src = (const uint8_t *)row;
		}
		for (uint64_t i = 0; i < a; i++)
			memcpy(dst + (i * b + j) * es, src + i * es, es);
	}
	mem_free(row);
	int64_t shape[2] = { (int64_t)a, (int64_t)b };
	add(m, name, dt, 2, shape, dst, (size_t)(a * b) * es);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status map_one(struct mapper *m, const struct gguf_tensor *t, int layer,
				 const struct rule *r)
{
	uint64_t c = m->n_embd;
	switch (r->kind) {
	case KIND_VEC:
	case KIND_VEC3: {
		if (!is_vector(t, c))
			return bad_shape(m, t, "{n_embd}");
		const char *name = official_name(m, layer, r->official);
		int64_t shape[3] = { 1, 1, (int64_t)c };
		if (!name)
			return m->e->status;
		if (r->kind == KIND_VEC)
			add(m, name, t->dtype, 1, &shape[2], t->data, t->nbytes);
		else
			add(m, name, t->dtype, 3, shape, t->data, t->nbytes);
		return RWKVC_STATUS_OK;
	}
	case KIND_RK: {
		if (t->ne[0] * t->ne[1] * t->ne[2] * t->ne[3] != c)
			return bad_shape(m, t, "n_embd values");
		const char *name = official_name(m, layer, r->official);
		int64_t shape[2] = { (int64_t)(c / m->head_size), (int64_t)m->head_size };
		if (!name)
			return m->e->status;
		add(m, name, t->dtype, 2, shape, t->data, t->nbytes);
		return RWKVC_STATUS_OK;
	}
	case KIND_MAT:
	case KIND_LORA: {
		if (t->ne[2] != 1 || t->ne[3] != 1)
			return bad_shape(m, t, "a matrix");
		const char *name = official_name(m, layer, r->official);
		if (!name)
			return m->e->status;
		if (r->kind == KIND_LORA)
			return add_transposed(m, t, name);
		int64_t shape[2] = { (int64_t)t->ne[1], (int64_t)t->ne[0] };
		add(m, name, t->dtype, 2, shape, t->data, t->nbytes);
		return RWKVC_STATUS_OK;
	}
	case KIND_LERP6: {
		if (t->ne[0] != c || t->ne[1] * t->ne[2] * t->ne[3] != 6)
			return bad_shape(m, t, "{n_embd, 1, 1, 6} for x_r, x_w, x_k, x_v, x_a, x_g");
		size_t row = t->nbytes / 6;
		int64_t shape[3] = { 1, 1, (int64_t)c };
		for (int k = 0; k < 6; k++) {
			char suffix[16];
			snprintf(suffix, sizeof suffix, "%s%c", r->official, lerp_order[k]);
			const char *name = official_name(m, layer, suffix);
			if (!name)
				return m->e->status;
			add(m, name, t->dtype, 3, shape, t->data + k * row, row);
		}
		return RWKVC_STATUS_OK;
	}
	}
	return RWKVC_STATUS_OK;
}

/* A tensor of no rule keeps its GGUF name, dims reversed to outermost-first. */
static enum rwkvc_status pass_through(struct mapper *m, const struct gguf_tensor *t)
{
	int64_t shape[GGUF_MAX_DIMS];
	for (uint32_t d = 0; d < t->n_dims; d++)
		shape[d] = (int64_t)t->ne[t->n_dims - 1 - d];
	const char *name = arena_strdup(&m->w->arena, m->e, t->name);
	if (!name)
		return m->e->status;
	add(m, name, t->dtype, (int)t->n_dims, shape, t->data, t->nbytes);
	return RWKVC_STATUS_OK;
}

/* "blk.12.rest" -> 12 and "rest"; -1 when the name is not of that form. */
static int64_t split_layer(const char *name, const char **rest)
{
	if (strncmp(name, "blk.", 4) != 0)
		return -1;
	const char *p = name + 4;
	int64_t n = 0;
	int digits = 0;
	for (; *p >= '0' && *p <= '9' && digits < 10; p++, digits++)
		n = n * 10 + (*p - '0');
	if (digits == 0 || *p != '.')
		return -1;
	*rest = p + 1;
	return n;
}

static enum rwkvc_status map_tensor(struct mapper *m, const struct gguf_tensor *t)
{
	const char *rest;
	int64_t layer = split_layer(t->name, &rest);
	if (layer < 0) {
		for (size_t i = 0; i < sizeof top_rules / sizeof top_rules[0]; i++) {
			if (strcmp(t->name, top_rules[i].gguf) == 0)
				return map_one(m, t, -1, &top_rules[i]);
		}
		return pass_through(m, t);
	}
	for (size_t i = 0; i < sizeof layer_rules / sizeof layer_rules[0]; i++) {
		const struct rule *r = &layer_rules[i];
		if (strcmp(rest, r->gguf) != 0)
			continue;
		if ((uint64_t)layer >= m->n_layer)
			return err_set(m->e, RWKVC_STATUS_BAD_FORMAT,
				       "%s: tensor '%s' is for layer %" PRId64
				       ", but rwkv7.block_count is %" PRIu64,
				       m->g->what, t->name, layer, m->n_layer);
		if (layer == 0 && r->dummy_in_layer0)
			return RWKVC_STATUS_OK;
		return map_one(m, t, (int)layer, r);
	}
	return pass_through(m, t);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct weight_tensor *)a)->name,
		      ((const struct weight_tensor *)b)->name);
}

/* Two GGUF tensors must not present the same official name. */
static enum rwkvc_status check_unique(struct mapper *m)
{
	size_t n = m->w->n_tensors;
	struct weight_tensor *sorted = mem_alloc(m->e, (n ? n : 1) * sizeof *sorted, "tensor names");
	if (!sorted)
		return m->e->status;
	memcpy(sorted, m->w->tensors, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_name);
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (size_t i = 1; i < n && st == RWKVC_STATUS_OK; i++) {
		if (strcmp(sorted[i - 1].name, sorted[i].name) == 0)
			st = err_set(m->e, RWKVC_STATUS_BAD_FORMAT,
				     "%s: two tensors are presented as '%s'", m->g->what,
				     sorted[i].name);
	}
	mem_free(sorted);
	return st;
}

static enum rwkvc_status read_hparams(struct mapper *m)
{
	const struct gguf_file *g = m->g;
	const struct gguf_kv *arch = gguf_find(g, "general.architecture");
	if (!arch || arch->value.type != GGUF_TYPE_STRING)
		return err_set(m->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: has no general.architecture string", g->what);
	if (arch->value.len != 5 || memcmp(arch->value.str, "rwkv7", 5) != 0)
		return err_set(m->e, RWKVC_STATUS_UNSUPPORTED,
			       "%s: architecture '%.*s' is not supported (rwkvc reads 'rwkv7')",
			       g->what, (int)(arch->value.len < 64 ? arch->value.len : 64),
			       arch->value.str);
	TRY(gguf_get_uint(m->e, g, "rwkv7.embedding_length", &m->n_embd));
	TRY(gguf_get_uint(m->e, g, "rwkv7.wkv.head_size", &m->head_size));
	TRY(gguf_get_uint(m->e, g, "rwkv7.block_count", &m->n_layer));
	if (m->n_embd == 0 || m->head_size == 0 || m->n_embd % m->head_size != 0 ||
	    m->n_embd > INT32_MAX || m->n_layer == 0 || m->n_layer > INT32_MAX)
		return err_set(m->e, RWKVC_STATUS_BAD_FORMAT,
			       "%s: rwkv7.embedding_length %" PRIu64 ", rwkv7.wkv.head_size %" PRIu64
			       " and rwkv7.block_count %" PRIu64
			       " do not describe a model (the first must be a multiple of the second)",
			       g->what, m->n_embd, m->head_size, m->n_layer);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status gguf_rwkv7_map(struct err *e, const struct gguf_file *g, struct weight_file *w)
{
	struct mapper m = { e, g, w, 0, 0, 0 };
	TRY(read_hparams(&m));
	/* at most six tensors come out of one (the fused mixes) */
	w->tensors = arena_alloc(&w->arena, e, (g->n_tensors * 6 + 1) * sizeof *w->tensors);
	if (!w->tensors)
		return e->status;
	w->n_tensors = 0;
	for (size_t i = 0; i < g->n_tensors; i++)
		TRY(map_tensor(&m, &g->tensors[i]));
	return check_unique(&m);
}
