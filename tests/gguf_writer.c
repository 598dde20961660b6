/* gguf_writer.c - see gguf_writer.h. Test helper: clarity over speed. */
#include "gguf_writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/mem.h"
#include "base/strbuf.h"
#include "runtime/quant.h"

enum how {
	AS_IS,     /* reverse the shape, keep the data */
	SQUEEZE,   /* [1, 1, C] or [H, N] -> {numel} */
	TRANSPOSE, /* LoRA [a, b] -> data [b][a], ne {a, b} */
	LERP,      /* one row of the fused token-shift tensor */
};

/* Official name (after "blocks.N." for layers) -> llama.cpp's (after "blk.N."). */
struct name_map {
	const char *official;
	const char *gguf;
	enum how how;
};

static const struct name_map layer_names[] = {
	{ "ln1.weight", "attn_norm.weight", AS_IS },
	{ "ln1.bias", "attn_norm.bias", AS_IS },
	{ "ln2.weight", "attn_norm_2.weight", AS_IS },
	{ "ln2.bias", "attn_norm_2.bias", AS_IS },
	{ "att.x_r", "0", LERP }, /* the row of time_mix_lerp_fused */
	{ "att.x_w", "1", LERP },
	{ "att.x_k", "2", LERP },
	{ "att.x_v", "3", LERP },
	{ "att.x_a", "4", LERP },
	{ "att.x_g", "5", LERP },
	{ "att.w0", "time_mix_w0.weight", SQUEEZE },
	{ "att.a0", "time_mix_a0.weight", SQUEEZE },
	{ "att.v0", "time_mix_v0.weight", SQUEEZE },
	{ "att.k_k", "time_mix_k_k.weight", SQUEEZE },
	{ "att.k_a", "time_mix_k_a.weight", SQUEEZE },
	{ "att.r_k", "time_mix_r_k.weight", SQUEEZE },
	{ "ffn.x_k", "channel_mix_lerp_k.weight", SQUEEZE },
	{ "att.w1", "time_mix_w1.weight", TRANSPOSE },
	{ "att.w2", "time_mix_w2.weight", TRANSPOSE },
	{ "att.a1", "time_mix_a1.weight", TRANSPOSE },
	{ "att.a2", "time_mix_a2.weight", TRANSPOSE },
	{ "att.v1", "time_mix_v1.weight", TRANSPOSE },
	{ "att.v2", "time_mix_v2.weight", TRANSPOSE },
	{ "att.g1", "time_mix_g1.weight", TRANSPOSE },
	{ "att.g2", "time_mix_g2.weight", TRANSPOSE },
	{ "att.receptance.weight", "time_mix_receptance.weight", AS_IS },
	{ "att.key.weight", "time_mix_key.weight", AS_IS },
	{ "att.value.weight", "time_mix_value.weight", AS_IS },
	{ "att.output.weight", "time_mix_output.weight", AS_IS },
	{ "att.ln_x.weight", "time_mix_ln.weight", AS_IS },
	{ "att.ln_x.bias", "time_mix_ln.bias", AS_IS },
	{ "ffn.key.weight", "channel_mix_key.weight", AS_IS },
	{ "ffn.value.weight", "channel_mix_value.weight", AS_IS },
};

static const struct name_map top_names[] = {
	{ "emb.weight", "token_embd.weight", AS_IS },
	{ "blocks.0.ln0.weight", "token_embd_norm.weight", AS_IS },
	{ "blocks.0.ln0.bias", "token_embd_norm.bias", AS_IS },
	{ "ln_out.weight", "output_norm.weight", AS_IS },
	{ "ln_out.bias", "output_norm.bias", AS_IS },
	{ "head.weight", "output.weight", AS_IS },
};

struct out_tensor {
	char name[96];
	uint32_t n_dims;
	uint64_t ne[4];
	float *data; /* f32 in file order, owned */
	enum dtype type;
	bool lora;
	uint64_t offset;
};

struct writer {
	struct err *e;
	const struct gguf_writer_options *opt;
	struct out_tensor *out;
	size_t n_out;
	int64_t n_embd;
};


static struct out_tensor *find_out(struct writer *w, const char *name)
{
	for (size_t i = 0; i < w->n_out; i++) {
		if (strcmp(w->out[i].name, name) == 0)
			return &w->out[i];
	}
	return NULL;
}

static struct out_tensor *new_out(struct writer *w, const char *name, uint32_t n_dims,
				  const uint64_t *ne)
{
	struct out_tensor *o = &w->out[w->n_out++];
	memset(o, 0, sizeof *o);
	snprintf(o->name, sizeof o->name, "%s", name);
	o->n_dims = n_dims;
	uint64_t n = 1;
	for (int d = 0; d < 4; d++) {
		o->ne[d] = (uint32_t)d < n_dims ? ne[d] : 1;
		n *= o->ne[d];
	}
	o->data = mem_calloc(w->e, (size_t)n, sizeof(float), name);
	return o->data ? o : NULL;
}

/* Adds tensor `t` (official) as GGUF tensor `gname` transformed by `how`; returns its index. */
static enum rwkvc_status add_one(struct writer *w, const struct weight_tensor *t, int layer,
				 const struct name_map *m, size_t *out_index)
{
	char gname[96];
	int64_t n = weight_numel(t);
	const float *src = t->data;
	uint64_t ne[4];
	if (m->how == LERP) {
		/* the six rows are gathered into one {C, 1, 1, 6} tensor */
		snprintf(gname, sizeof gname, "blk.%d.time_mix_lerp_fused.weight", layer);
		struct out_tensor *o = find_out(w, gname);
		uint64_t lne[4] = { (uint64_t)w->n_embd, 1, 1, 6 };
		if (!o && !(o = new_out(w, gname, 4, lne)))
			return w->e->status;
		memcpy(o->data + (m->gguf[0] - '0') * w->n_embd, src, (size_t)n * sizeof(float));
		*out_index = (size_t)(o - w->out);
		return RWKVC_STATUS_OK;
	}
	if (layer >= 0)
		snprintf(gname, sizeof gname, "blk.%d.%s", layer, m->gguf);
	else
		snprintf(gname, sizeof gname, "%s", m->gguf);
	uint32_t n_dims = (uint32_t)t->rank;
	for (int d = 0; d < t->rank; d++)
		ne[d] = (uint64_t)t->shape[t->rank - 1 - d];
	if (m->how == SQUEEZE) {
		n_dims = 1;
		ne[0] = (uint64_t)n;
	} else if (m->how == TRANSPOSE) {
		ne[0] = (uint64_t)t->shape[0];
		ne[1] = (uint64_t)t->shape[1];
	}
	struct out_tensor *o = new_out(w, gname, n_dims, ne);
	if (!o)
		return w->e->status;
	if (m->how == TRANSPOSE) {
		int64_t a = t->shape[0], b = t->shape[1];
		o->lora = true;
		for (int64_t i = 0; i < a; i++)
			for (int64_t j = 0; j < b; j++)
				o->data[j * a + i] = src[i * b + j];
	} else {
		memcpy(o->data, src, (size_t)n * sizeof(float));
	}
	*out_index = (size_t)(o - w->out);
	return RWKVC_STATUS_OK;
}

static const struct name_map *lookup(const char *name, int *layer)
{
	int n = -1;
	*layer = -1;
	for (size_t i = 0; i < sizeof top_names / sizeof top_names[0]; i++) {
		if (strcmp(name, top_names[i].official) == 0)
			return &top_names[i];
	}
	if (sscanf(name, "blocks.%d.%n", layer, &n) != 1 || n < 0)
		return NULL;
	for (size_t i = 0; i < sizeof layer_names / sizeof layer_names[0]; i++) {
		if (strcmp(name + n, layer_names[i].official) == 0)
			return &layer_names[i];
	}
	return NULL;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && strcmp(s + a - b, tail) == 0;
}

static enum dtype fit_rows(enum dtype t, uint64_t row)
{
	if (row % dtype_block(t) == 0)
		return t;
	if ((t == DTYPE_Q4_K || t == DTYPE_Q6_K) && row % dtype_block(DTYPE_Q8_0) == 0)
		return DTYPE_Q8_0;
	return DTYPE_F16;
}

static enum dtype pick_type(const struct gguf_writer_options *opt, const struct out_tensor *o)
{
	enum dtype t = opt->type;
	if (opt->like_llama_cpp) {
		bool k_quant = t == DTYPE_Q4_K || t == DTYPE_Q6_K;
		if (o->n_dims <= 1 || ends_with(o->name, ".bias") || ends_with(o->name, "_norm.weight") ||
		    ends_with(o->name, "time_mix_w1.weight") || ends_with(o->name, "time_mix_w2.weight") ||
		    ends_with(o->name, "time_mix_lerp_fused.weight"))
			t = DTYPE_F32;
		else if (o->lora && k_quant)
			t = DTYPE_F16;
	}
	return fit_rows(t, o->ne[0]);
}

/* ---- encoding ---- */

static void put_le(struct strbuf *b, uint64_t v, int n)
{
	char bytes[8];
	for (int i = 0; i < n; i++)
		bytes[i] = (char)(v >> (8 * i));
	strbuf_append_n(b, bytes, (size_t)n);
}

static void put_str(struct strbuf *b, const char *s)
{
	put_le(b, strlen(s), 8);
	strbuf_append_n(b, s, strlen(s));
}

static void kv_head(struct strbuf *b, const char *key, uint32_t type)
{
	put_str(b, key);
	put_le(b, type, 4);
}

static void kv_u32(struct strbuf *b, const char *key, uint32_t v)
{
	kv_head(b, key, 4);
	put_le(b, v, 4);
}

static void kv_str(struct strbuf *b, const char *key, const char *v)
{
	kv_head(b, key, 8);
	put_str(b, v);
}

static void kv_f(struct strbuf *b, const char *key, double v, bool f64)
{
	kv_head(b, key, f64 ? 12 : 6);
	if (f64) {
		uint64_t u;
		memcpy(&u, &v, 8);
		put_le(b, u, 8);
	} else {
		float f = (float)v;
		uint32_t u;
		memcpy(&u, &f, 4);
		put_le(b, u, 4);
	}
}

static void kv_int(struct strbuf *b, const char *key, uint32_t type, uint64_t bits, int n)
{
	kv_head(b, key, type);
	put_le(b, bits, n);
}

static uint32_t file_type(enum dtype t)
{
	/* llama.cpp's LLAMA_FTYPE values */
	switch (t) {
	case DTYPE_F16: return 1;
	case DTYPE_Q8_0: return 7;
	case DTYPE_Q4_K: return 14; /* MOSTLY_Q4_K_S: one type, no mix */
	case DTYPE_Q6_K: return 18;
	case DTYPE_BF16: return 32;
	default: return 0;
	}
}

/*
 * Metadata as llama.cpp's converter writes it, plus a key of every scalar
 * type (rwkvc.test.*). No nested arrays: the spec allows them, but ggml's own
 * reader refuses them, so no real file has one.
 */
static size_t put_metadata(struct strbuf *b, const struct gguf_writer_options *opt,
			   const uint32_t hp[8])
{
	size_t n = 0;
	kv_str(b, "general.architecture", "rwkv7"), n++;
	kv_str(b, "general.name", "rwkvc test model"), n++;
	if (opt->alignment)
		kv_u32(b, "general.alignment", opt->alignment), n++;
	if (dtype_block(opt->type) > 1)
		kv_u32(b, "general.quantization_version", 2), n++;
	kv_u32(b, "general.file_type", file_type(opt->type)), n++;
	kv_u32(b, "rwkv7.context_length", 1048576), n++;
	kv_u32(b, "rwkv7.embedding_length", hp[0]), n++;
	kv_u32(b, "rwkv7.block_count", hp[1]), n++;
	kv_f(b, "rwkv7.attention.layer_norm_epsilon", 1e-5, false), n++;
	kv_u32(b, "rwkv7.wkv.head_size", hp[2]), n++;
	kv_u32(b, "rwkv7.attention.decay_lora_rank", hp[3]), n++;
	kv_u32(b, "rwkv7.attention.iclr_lora_rank", hp[4]), n++;
	kv_u32(b, "rwkv7.attention.value_residual_mix_lora_rank", hp[5]), n++;
	kv_u32(b, "rwkv7.attention.gate_lora_rank", hp[6]), n++;
	kv_u32(b, "rwkv7.feed_forward_length", hp[7]), n++;
	kv_u32(b, "rwkv7.attention.head_count", 0), n++;
	kv_str(b, "tokenizer.ggml.model", "rwkv"), n++;
	static const char *const tokens[] = { "hello", " world", "tab\there", "quote\"" };
	kv_head(b, "tokenizer.ggml.tokens", 9), n++;
	put_le(b, 8, 4);
	put_le(b, 4, 8);
	for (int i = 0; i < 4; i++)
		put_str(b, tokens[i]);
	kv_int(b, "rwkvc.test.u8", 0, 200, 1), n++;
	kv_int(b, "rwkvc.test.i8", 1, (uint8_t)-5, 1), n++;
	kv_int(b, "rwkvc.test.u16", 2, 60000, 2), n++;
	kv_int(b, "rwkvc.test.i16", 3, (uint16_t)-30000, 2), n++;
	kv_int(b, "rwkvc.test.i32", 5, (uint32_t)-2000000000, 4), n++;
	kv_int(b, "rwkvc.test.u64", 10, 1ull << 40, 8), n++;
	kv_int(b, "rwkvc.test.i64", 11, (uint64_t)-(1ll << 40), 8), n++;
	kv_f(b, "rwkvc.test.f64", 0.1, true), n++;
	kv_int(b, "rwkvc.test.bool", 7, 1, 1), n++;
	return n;
}

static uint32_t ggml_type_of(enum dtype t)
{
	/* the file's numbering (ggml.h's enum ggml_type) */
	switch (t) {
	case DTYPE_F16: return 1;
	case DTYPE_Q8_0: return 8;
	case DTYPE_Q4_K: return 12;
	case DTYPE_Q6_K: return 14;
	case DTYPE_BF16: return 30;
	default: return 0;
	}
}

static const struct weight_tensor *find_in(const struct weight_tensor *in, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(in[i].name, name) == 0)
			return &in[i];
	}
	return NULL;
}

/* hp: n_embd, layers, head size, ranks Dw Da Dv Dg, ffn size; from the shapes, like a loader. */
static enum rwkvc_status find_hparams(struct err *e, const struct weight_tensor *in, size_t n,
				      uint32_t hp[8])
{
	int layers = 0, l;
	for (size_t i = 0; i < n; i++) {
		if (sscanf(in[i].name, "blocks.%d.ln1.weight", &l) == 1 && l + 1 > layers)
			layers = l + 1;
	}
	const struct weight_tensor *emb = find_in(in, n, "emb.weight");
	const struct weight_tensor *rk = find_in(in, n, "blocks.0.att.r_k");
	const struct weight_tensor *w1 = find_in(in, n, "blocks.0.att.w1");
	const struct weight_tensor *a1 = find_in(in, n, "blocks.0.att.a1");
	const struct weight_tensor *v1 = find_in(in, n, "blocks.1.att.v1");
	const struct weight_tensor *g1 = find_in(in, n, "blocks.0.att.g1");
	const struct weight_tensor *fk = find_in(in, n, "blocks.0.ffn.key.weight");
	if (!emb || !rk || !w1 || !a1 || !g1 || !fk || layers == 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "gguf writer: the model lacks emb, r_k, w1, a1, g1, ffn.key or ln1");
	uint32_t v[8] = { (uint32_t)emb->shape[1], (uint32_t)layers,  (uint32_t)rk->shape[1],
			  (uint32_t)w1->shape[1],  (uint32_t)a1->shape[1], (uint32_t)(v1 ? v1 : a1)->shape[1],
			  (uint32_t)g1->shape[1],  (uint32_t)fk->shape[0] };
	memcpy(hp, v, sizeof v);
	return RWKVC_STATUS_OK;
}

/* llama.cpp's converter drops layer 0's value residual and writes copies of a0/a1/a2. */
static enum rwkvc_status add_layer0_dummies(struct writer *w)
{
	for (int k = 0; k < 3; k++) {
		char a[64], v[64];
		snprintf(a, sizeof a, "blk.0.time_mix_a%d.weight", k);
		snprintf(v, sizeof v, "blk.0.time_mix_v%d.weight", k);
		struct out_tensor *src = find_out(w, a);
		if (!src)
			continue;
		size_t si = (size_t)(src - w->out);
		struct out_tensor *o = new_out(w, v, src->n_dims, src->ne);
		if (!o)
			return w->e->status;
		src = &w->out[si];
		o->lora = src->lora;
		memcpy(o->data, src->data,
		       (size_t)(src->ne[0] * src->ne[1] * src->ne[2] * src->ne[3]) * sizeof(float));
	}
	return RWKVC_STATUS_OK;
}

static uint64_t out_numel(const struct out_tensor *o)
{
	return o->ne[0] * o->ne[1] * o->ne[2] * o->ne[3];
}

static enum rwkvc_status write_file(struct writer *w, const char *path, const uint32_t hp[8])
{
	struct err *e = w->e;
	uint32_t align = w->opt->alignment ? w->opt->alignment : 32;
	struct strbuf meta, head;
	strbuf_init(&meta, e);
	strbuf_init(&head, e);
	size_t n_kv = put_metadata(&meta, w->opt, hp);
	strbuf_append_n(&head, "GGUF", 4);
	put_le(&head, w->opt->version ? w->opt->version : 3, 4);
	put_le(&head, w->n_out, 8);
	put_le(&head, n_kv, 8);
	strbuf_append_n(&head, strbuf_str(&meta), meta.len);
	uint64_t off = 0;
	for (size_t i = 0; i < w->n_out; i++) {
		struct out_tensor *o = &w->out[i];
		o->offset = off;
		off += (dtype_bytes(o->type, out_numel(o)) + align - 1) / align * align;
		put_str(&head, o->name);
		put_le(&head, o->n_dims, 4);
		for (uint32_t d = 0; d < o->n_dims; d++)
			put_le(&head, o->ne[d], 8);
		put_le(&head, ggml_type_of(o->type), 4);
		put_le(&head, o->offset, 8);
	}
	static const char zeros[256];
	strbuf_append_n(&head, zeros, (align - head.len % align) % align);
	enum rwkvc_status st = strbuf_status(&head);
	struct file_writer f;
	uint8_t *buf = NULL;
	if (st == RWKVC_STATUS_OK)
		st = file_writer_open(e, path, &f);
	if (st != RWKVC_STATUS_OK)
		goto done;
	TRY_GOTO(st, file_writer_write(e, &f, head.data, head.len), fail);
	for (size_t i = 0; i < w->n_out; i++) {
		struct out_tensor *o = &w->out[i];
		size_t nb = dtype_bytes(o->type, out_numel(o));
		mem_free(buf);
		if (!(buf = mem_alloc(e, nb, o->name))) {
			st = e->status;
			goto fail;
		}
		TRY_GOTO(st, quant_quantize(e, o->type, o->data, buf, (int64_t)out_numel(o)), fail);
		TRY_GOTO(st, file_writer_write(e, &f, buf, nb), fail);
		TRY_GOTO(st, file_writer_write(e, &f, zeros, (align - nb % align) % align), fail);
	}
	st = file_writer_commit(e, &f);
	goto done;
fail:
	file_writer_abort(&f);
done:
	mem_free(buf);
	strbuf_free(&meta);
	strbuf_free(&head);
	return st;
}

enum rwkvc_status gguf_write_rwkv7(struct err *e, const char *path, const struct weight_tensor *in,
				   size_t n, const struct gguf_writer_options *opt,
				   enum dtype *out_types)
{
	uint32_t hp[8] = { 0 };
	TRY(find_hparams(e, in, n, hp));
	struct writer w = { e, opt, NULL, 0, hp[0] };
	enum rwkvc_status st = RWKVC_STATUS_OK;
	size_t *index = mem_calloc(e, n + 1, sizeof *index, "writer index");
	w.out = mem_calloc(e, n + 4, sizeof *w.out, "writer tensors");
	if (!index || !w.out) {
		st = e->status;
		goto done;
	}
	for (size_t i = 0; i < n && st == RWKVC_STATUS_OK; i++) {
		int layer;
		const struct name_map *m = lookup(in[i].name, &layer);
		index[i] = SIZE_MAX;
		if (in[i].dtype != DTYPE_F32 || !m)
			st = err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "gguf writer: cannot write '%s'",
				     in[i].name);
		else if (!(layer == 0 && strncmp(m->official, "att.v", 5) == 0 && strlen(m->official) == 6))
			st = add_one(&w, &in[i], layer, m, &index[i]);
	}
	if (st == RWKVC_STATUS_OK)
		st = add_layer0_dummies(&w);
	if (st != RWKVC_STATUS_OK)
		goto done;
	for (size_t i = 0; i < w.n_out; i++)
		w.out[i].type = pick_type(opt, &w.out[i]);
	for (size_t i = 0; out_types && i < n; i++)
		out_types[i] = index[i] == SIZE_MAX ? DTYPE_COUNT : w.out[index[i]].type;
	st = write_file(&w, path, hp);
done:
	for (size_t i = 0; w.out && i < w.n_out; i++)
		mem_free(w.out[i].data);
	mem_free(w.out);
	mem_free(index);
	return st;
}
