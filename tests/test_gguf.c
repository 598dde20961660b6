/*
 * test_gguf.c - the GGUF reader and the rwkv7 mapping: model_b written as
 * GGUF (tests/gguf_writer.c) in every type and read back under official
 * names; and one broken file per way a GGUF can be wrong, made by patching
 * bytes of a valid one.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fault.h"
#include "base/file.h"
#include "gguf_writer.h"
#include "runtime/gguf.h"
#include "runtime/quant.h"

/* ---- helpers ---- */

/* LoRA factors are the tensors llama.cpp stores transposed. */
static bool is_lora(const char *name)
{
	const char *p = strstr(name, ".att.");
	return p && strlen(p) == 7 && strchr("wavg", p[5]) && (p[6] == '1' || p[6] == '2');
}

static bool is_layer0_value_residual(const char *name)
{
	return strncmp(name, "blocks.0.att.v", 14) == 0 && strlen(name) == 15;
}

struct model {
	struct weight_file wf;
	struct weight_tensor *t;
	size_t n;
};

static void load_model_b(struct model *m)
{
	struct err e = { 0 };
	if (weights_open(&e, test_shared_path("testdata/rwkv7/model_b.safetensors"), &m->wf))
		fail_msg("%s", e.msg);
	m->t = m->wf.tensors;
	m->n = m->wf.n_tensors;
}

static void free_model(struct model *m) { weights_close(&m->wf); }

static void write_gguf(const char *path, const struct model *m, enum dtype type, bool like_llama,
		       uint32_t version, uint32_t alignment, enum dtype *out_types)
{
	struct err e = { 0 };
	struct gguf_writer_options o = { type, like_llama, version, alignment };
	if (gguf_write_rwkv7(&e, path, m->t, m->n, &o, out_types))
		fail_msg("%s", e.msg);
}

static void open_gguf(const char *path, struct weight_file *w)
{
	struct err e = { 0 };
	if (gguf_open(&e, path, w))
		fail_msg("%s", e.msg);
}

/* ---- model_b round trips ---- */

static void check_same_tensors_f32(const struct model *m, const struct weight_file *w)
{
	size_t dropped = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct weight_tensor *src = &m->t[i], *got = weights_find(w, src->name);
		if (is_layer0_value_residual(src->name)) {
			/* llama.cpp replaces them by copies of a0/a1/a2; the reader drops those */
			assert_null(got);
			dropped++;
			continue;
		}
		if (!got)
			fail_msg("'%s' is missing from the GGUF view", src->name);
		assert_int_equal(got->dtype, DTYPE_F32);
		assert_int_equal(got->rank, src->rank);
		assert_memory_equal(got->shape, src->shape, sizeof(int64_t) * (size_t)src->rank);
		assert_int_equal(got->nbytes, src->nbytes);
		assert_memory_equal(got->data, src->data, src->nbytes);
	}
	assert_int_equal(dropped, 3);
	assert_int_equal(w->n_tensors, m->n - dropped);
}

static void test_f32_round_trip_is_exact(void **state)
{
	(void)state;
	struct model m;
	load_model_b(&m);
	/* v3 at the default alignment, v2 at 64, v3 at 8 */
	const uint32_t variants[3][2] = { { 3, 0 }, { 2, 64 }, { 3, 8 } };
	for (int v = 0; v < 3; v++) {
		struct weight_file w;
		const char *path = test_tmp_path("b_f32.gguf");
		write_gguf(path, &m, DTYPE_F32, false, variants[v][0], variants[v][1], NULL);
		open_gguf(path, &w);
		assert_int_equal(w.format, WEIGHT_FORMAT_GGUF);
		assert_string_equal(w.path, path);
		check_same_tensors_f32(&m, &w);
		weights_close(&w);
	}
	free_model(&m);
}

static void test_metadata_as_text(void **state)
{
	(void)state;
	struct model m;
	struct weight_file w;
	load_model_b(&m);
	const char *path = test_tmp_path("b_meta.gguf");
	write_gguf(path, &m, DTYPE_F32, false, 3, 0, NULL);
	open_gguf(path, &w);
	static const char *const want[][2] = {
		{ "general.architecture", "rwkv7" },
		{ "rwkv7.embedding_length", "256" },
		{ "rwkv7.block_count", "3" },
		{ "rwkv7.wkv.head_size", "64" },
		{ "rwkv7.attention.decay_lora_rank", "64" },
		{ "rwkv7.attention.iclr_lora_rank", "48" },
		{ "rwkv7.attention.value_residual_mix_lora_rank", "32" },
		{ "rwkv7.attention.gate_lora_rank", "128" },
		{ "rwkv7.feed_forward_length", "1024" },
		{ "rwkv7.attention.layer_norm_epsilon", "9.99999975e-06" },
		{ "tokenizer.ggml.tokens", "[\"hello\", \" world\", \"tab\\u0009here\", \"quote\\\"\"]" },
		{ "rwkvc.test.u8", "200" },
		{ "rwkvc.test.i8", "-5" },
		{ "rwkvc.test.u16", "60000" },
		{ "rwkvc.test.i16", "-30000" },
		{ "rwkvc.test.i32", "-2000000000" },
		{ "rwkvc.test.u64", "1099511627776" },
		{ "rwkvc.test.i64", "-1099511627776" },
		{ "rwkvc.test.f64", "0.10000000000000001" },
		{ "rwkvc.test.bool", "true" },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const char *v = weights_meta(&w, want[i][0]);
		if (!v || strcmp(v, want[i][1]) != 0)
			fail_msg("%s: got '%s', want '%s'", want[i][0], v ? v : "(none)", want[i][1]);
	}
	weights_close(&w);
	free_model(&m);
}

/* Nested arrays (allowed by the spec, though ggml writes none): [[1, -2], [300]] of int16. */
static void test_nested_array_as_text(void **state)
{
	(void)state;
	static const uint8_t elems[] = {
		3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0xfe, 0xff, /* int16 [1, -2] */
		3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x2c, 0x01,       /* int16 [300] */
	};
	struct gguf_value v = { .type = GGUF_TYPE_ARRAY, .elem = GGUF_TYPE_ARRAY, .count = 2,
				.elems = elems, .elems_size = sizeof elems };
	struct err e = { 0 };
	struct arena a;
	arena_init(&a);
	char *text = gguf_value_text(&a, &e, &v);
	assert_non_null(text);
	assert_string_equal(text, "[[1, -2], [300]]");
	v.elems_size -= 1; /* a value built by hand that lies about its size */
	assert_null(gguf_value_text(&a, &e, &v));
	assert_non_null(strstr(e.msg, "array: key 'array item': array of 1 int16 values at byte 16 runs past"));
	arena_destroy(&a);
}

/* The file itself, read with the generic reader: llama.cpp's names and ggml-order dims. */
static void test_file_has_llama_cpp_layout(void **state)
{
	(void)state;
	struct model m;
	struct err e = { 0 };
	struct arena a;
	struct gguf_file g;
	char *data;
	size_t size;
	load_model_b(&m);
	const char *path = test_tmp_path("b_layout.gguf");
	write_gguf(path, &m, DTYPE_F32, true, 3, 0, NULL);
	assert_int_equal(file_read_all(&e, path, &data, &size), 0);
	arena_init(&a);
	assert_int_equal(gguf_read(&e, &a, (const uint8_t *)data, size, path, &g), 0);
	/* llama.cpp's create_tensor shapes for C 256, V 1024, F 1024, ranks 64/48/32/128 */
	static const struct {
		const char *name;
		uint32_t n_dims;
		uint64_t ne[4];
	} want[] = {
		{ "token_embd.weight", 2, { 256, 1024 } },
		{ "output.weight", 2, { 256, 1024 } },
		{ "token_embd_norm.weight", 1, { 256 } },
		{ "blk.2.time_mix_lerp_fused.weight", 4, { 256, 1, 1, 6 } },
		{ "blk.2.time_mix_w0.weight", 1, { 256 } },
		{ "blk.2.time_mix_w1.weight", 2, { 256, 64 } },
		{ "blk.2.time_mix_w2.weight", 2, { 64, 256 } },
		{ "blk.2.time_mix_a2.weight", 2, { 48, 256 } },
		{ "blk.0.time_mix_v1.weight", 2, { 256, 48 } }, /* layer 0: a copy of a1 */
		{ "blk.1.time_mix_v1.weight", 2, { 256, 32 } },
		{ "blk.1.time_mix_g2.weight", 2, { 128, 256 } },
		{ "blk.1.time_mix_r_k.weight", 1, { 256 } },
		{ "blk.1.time_mix_key.weight", 2, { 256, 256 } },
		{ "blk.1.channel_mix_lerp_k.weight", 1, { 256 } },
		{ "blk.1.channel_mix_key.weight", 2, { 256, 1024 } },
		{ "blk.1.channel_mix_value.weight", 2, { 1024, 256 } },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct gguf_tensor *t = NULL;
		for (size_t k = 0; k < g.n_tensors; k++) {
			if (strcmp(g.tensors[k].name, want[i].name) == 0)
				t = &g.tensors[k];
		}
		if (!t)
			fail_msg("no tensor '%s' in the file", want[i].name);
		assert_int_equal(t->n_dims, want[i].n_dims);
		for (uint32_t d = 0; d < t->n_dims; d++)
			assert_int_equal(t->ne[d], want[i].ne[d]);
	}
	/* like llama.cpp: the fused mixes hold x_r..x_g in that order, the layer-0 v1 equals a1 */
	const struct weight_tensor *x_a = NULL;
	for (size_t i = 0; i < m.n; i++) {
		if (strcmp(m.t[i].name, "blocks.2.att.x_a") == 0)
			x_a = &m.t[i];
	}
	for (size_t k = 0; k < g.n_tensors; k++) {
		if (strcmp(g.tensors[k].name, "blk.2.time_mix_lerp_fused.weight") == 0)
			assert_memory_equal(g.tensors[k].data + 4 * 256 * 4, x_a->data, 256 * 4);
	}
	/* 6 mixes -> 1 in each of 3 layers; layer 0's v0/v1/v2 are there (as dummies) */
	assert_int_equal(g.n_tensors, m.n - 3 * 5);
	arena_destroy(&a);
	mem_free(data);
	free_model(&m);
}

/* transpose a [rows, cols] f32 matrix */
static void transpose(const float *x, float *y, int64_t rows, int64_t cols)
{
	for (int64_t i = 0; i < rows; i++)
		for (int64_t j = 0; j < cols; j++)
			y[j * rows + i] = x[i * cols + j];
}

/* Expected official values of `src` stored as type `st` and read back. */
static void check_quantised(const struct weight_tensor *src, const struct weight_tensor *got,
			    enum dtype st)
{
	struct err e = { 0 };
	int64_t n = weight_numel(src);
	float *stored = malloc((size_t)n * sizeof *stored), *deq = malloc((size_t)n * sizeof *deq);
	float *want = malloc((size_t)n * sizeof *want), *back = malloc((size_t)n * sizeof *back);
	uint8_t *q = malloc(dtype_bytes(st, (uint64_t)n));
	bool lora = is_lora(src->name);
	/* the file holds LoRA factors transposed; quantisation works on the file's rows */
	if (lora)
		transpose(src->data, stored, src->shape[0], src->shape[1]);
	else
		memcpy(stored, src->data, (size_t)n * sizeof *stored);
	assert_int_equal(quant_quantize(&e, st, stored, q, n), 0);
	quant_dequantize(st, q, deq, n);
	if (lora) {
		transpose(deq, want, src->shape[1], src->shape[0]);
		assert_int_equal(got->dtype, dtype_block(st) > 1 ? DTYPE_F32 : st);
	} else {
		memcpy(want, deq, (size_t)n * sizeof *want);
		assert_int_equal(got->dtype, st);
		assert_int_equal(got->nbytes, dtype_bytes(st, (uint64_t)n));
		assert_memory_equal(got->data, q, got->nbytes);
	}
	test_poison(back, (size_t)n);
	quant_dequantize(got->dtype, got->data, back, n);
	assert_memory_equal(back, want, (size_t)n * sizeof *want);
	free(stored);
	free(deq);
	free(want);
	free(back);
	free(q);
}

static void round_trip_type(enum dtype type, bool like_llama)
{
	struct model m;
	struct weight_file w;
	load_model_b(&m);
	enum dtype *types = malloc(m.n * sizeof *types);
	const char *path = test_tmp_path("b_q.gguf");
	write_gguf(path, &m, type, like_llama, 3, 0, types);
	open_gguf(path, &w);
	for (size_t i = 0; i < m.n; i++) {
		const struct weight_tensor *got = weights_find(&w, m.t[i].name);
		if (is_layer0_value_residual(m.t[i].name)) {
			assert_null(got);
			continue;
		}
		if (!got)
			fail_msg("'%s' is missing from the GGUF view", m.t[i].name);
		assert_int_equal(got->rank, m.t[i].rank);
		assert_memory_equal(got->shape, m.t[i].shape, sizeof(int64_t) * (size_t)got->rank);
		check_quantised(&m.t[i], got, types[i]);
	}
	weights_close(&w);
	free(types);
	free_model(&m);
}

static void test_every_type_round_trips(void **state)
{
	(void)state;
	/* every tensor in the type where its rows allow, so vectors, the fused
	 * mixes and LoRA factors are read back quantised too */
	const enum dtype types[] = { DTYPE_F16, DTYPE_BF16, DTYPE_Q8_0, DTYPE_Q4_K, DTYPE_Q6_K };
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		round_trip_type(types[i], false);
}

static void test_llama_cpp_type_choices(void **state)
{
	(void)state;
	struct model m;
	load_model_b(&m);
	enum dtype *types = malloc(m.n * sizeof *types);
	write_gguf(test_tmp_path("b_q4.gguf"), &m, DTYPE_Q4_K, true, 3, 0, types);
	static const struct {
		const char *name;
		enum dtype t;
	} want[] = {
		{ "emb.weight", DTYPE_Q4_K },       { "head.weight", DTYPE_Q4_K },
		{ "blocks.1.att.key.weight", DTYPE_Q4_K }, { "blocks.1.ffn.value.weight", DTYPE_Q4_K },
		{ "blocks.1.att.w1", DTYPE_F32 },   { "blocks.1.att.w2", DTYPE_F32 },
		{ "blocks.1.att.a1", DTYPE_F16 },   { "blocks.1.att.g2", DTYPE_F16 },
		{ "blocks.1.att.x_k", DTYPE_F32 },  { "blocks.1.ln1.weight", DTYPE_F32 },
		{ "blocks.1.att.r_k", DTYPE_F32 },  { "blocks.0.att.v1", DTYPE_COUNT },
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		for (size_t i = 0; i < m.n; i++) {
			if (strcmp(m.t[i].name, want[k].name) == 0 && types[i] != want[k].t)
				fail_msg("%s stored as %s, want %s", want[k].name, dtype_name(types[i]),
					 dtype_name(want[k].t));
		}
	}
	free(types);
	free_model(&m);
	round_trip_type(DTYPE_Q4_K, true);
	round_trip_type(DTYPE_Q8_0, true);
}

/* ---- broken files ---- */

enum { T_C = 64, T_V = 16, T_F = 128, T_DW = 8, T_DA = 12, T_DV = 16, T_DG = 20, T_L = 2 };

struct tiny {
	struct arena a;
	struct weight_tensor t[80];
	size_t n;
};

static void tiny_add(struct tiny *m, const char *name, int rank, int64_t d0, int64_t d1, int64_t d2)
{
	struct err e = { 0 };
	struct weight_tensor *t = &m->t[m->n++];
	int64_t dims[3] = { d0, d1, d2 };
	t->name = arena_strdup(&m->a, &e, name);
	t->dtype = DTYPE_F32;
	t->rank = rank;
	memcpy(t->shape, dims, sizeof dims);
	int64_t n = weight_numel(t);
	float *x = arena_alloc(&m->a, &e, (size_t)n * sizeof *x);
	test_fill_random(x, (size_t)n, m->n, -1.0f, 1.0f);
	t->data = x;
	t->nbytes = (size_t)n * sizeof *x;
}

/* A small random model in official naming, without layer-0 v0/v1/v2 (like model_a). */
static void make_tiny(struct tiny *m)
{
	static const struct {
		const char *name;
		int rank;
		int64_t d[3];
	} layer[] = {
		{ "ln1.weight", 1, { T_C } },     { "ln1.bias", 1, { T_C } },
		{ "ln2.weight", 1, { T_C } },     { "ln2.bias", 1, { T_C } },
		{ "att.x_r", 3, { 1, 1, T_C } },  { "att.x_w", 3, { 1, 1, T_C } },
		{ "att.x_k", 3, { 1, 1, T_C } },  { "att.x_v", 3, { 1, 1, T_C } },
		{ "att.x_a", 3, { 1, 1, T_C } },  { "att.x_g", 3, { 1, 1, T_C } },
		{ "att.w0", 3, { 1, 1, T_C } },   { "att.w1", 2, { T_C, T_DW } },
		{ "att.w2", 2, { T_DW, T_C } },   { "att.a0", 3, { 1, 1, T_C } },
		{ "att.a1", 2, { T_C, T_DA } },   { "att.a2", 2, { T_DA, T_C } },
		{ "att.v0", 3, { 1, 1, T_C } },   { "att.v1", 2, { T_C, T_DV } },
		{ "att.v2", 2, { T_DV, T_C } },   { "att.g1", 2, { T_C, T_DG } },
		{ "att.g2", 2, { T_DG, T_C } },   { "att.k_k", 3, { 1, 1, T_C } },
		{ "att.k_a", 3, { 1, 1, T_C } },  { "att.r_k", 2, { 1, T_C } },
		{ "att.receptance.weight", 2, { T_C, T_C } }, { "att.key.weight", 2, { T_C, T_C } },
		{ "att.value.weight", 2, { T_C, T_C } },      { "att.output.weight", 2, { T_C, T_C } },
		{ "att.ln_x.weight", 1, { T_C } }, { "att.ln_x.bias", 1, { T_C } },
		{ "ffn.x_k", 3, { 1, 1, T_C } },  { "ffn.key.weight", 2, { T_F, T_C } },
		{ "ffn.value.weight", 2, { T_C, T_F } },
	};
	char name[64];
	arena_init(&m->a);
	m->n = 0;
	tiny_add(m, "emb.weight", 2, T_V, T_C, 0);
	tiny_add(m, "blocks.0.ln0.weight", 1, T_C, 0, 0);
	tiny_add(m, "blocks.0.ln0.bias", 1, T_C, 0, 0);
	for (int l = 0; l < T_L; l++) {
		for (size_t i = 0; i < sizeof layer / sizeof layer[0]; i++) {
			if (l == 0 && strncmp(layer[i].name, "att.v", 5) == 0)
				continue;
			snprintf(name, sizeof name, "blocks.%d.%s", l, layer[i].name);
			tiny_add(m, name, layer[i].rank, layer[i].d[0], layer[i].d[1], layer[i].d[2]);
		}
	}
	tiny_add(m, "ln_out.weight", 1, T_C, 0, 0);
	tiny_add(m, "ln_out.bias", 1, T_C, 0, 0);
	tiny_add(m, "head.weight", 2, T_V, T_C, 0);
}

/* The bytes of a valid tiny GGUF (F32; `alignment` 0 for the default). Caller frees.
 * *out_path is test_tmp_path's buffer: valid until its next call. */
static uint8_t *valid_gguf(uint32_t alignment, size_t *out_size, const char **out_path)
{
	struct err e = { 0 };
	struct tiny m;
	struct gguf_writer_options o = { DTYPE_F32, true, 3, alignment };
	char *data = NULL;
	make_tiny(&m);
	const char *path = test_tmp_path(alignment ? "tiny_a.gguf" : "tiny.gguf");
	if (gguf_write_rwkv7(&e, path, m.t, m.n, &o, NULL) || file_read_all(&e, path, &data, out_size))
		fail_msg("%s", e.msg);
	arena_destroy(&m.a);
	if (out_path)
		*out_path = path;
	return (uint8_t *)data;
}

static void put_le(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(const uint8_t *p, int n)
{
	uint64_t v = 0;
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* Offset of the length field of the GGUF string `s` (its first occurrence). */
static size_t find_gguf_string(const uint8_t *buf, size_t n, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i + 8 + len <= n; i++) {
		if (get_le(buf + i, 8) == len && memcmp(buf + i + 8, s, len) == 0)
			return i;
	}
	fail_msg("string '%s' not found in the file", s);
	return 0;
}

/* Offset just past a key name: its value type; the value follows 4 bytes later. */
static size_t key_type_at(const uint8_t *buf, size_t n, const char *key)
{
	return find_gguf_string(buf, n, key) + 8 + strlen(key);
}

enum tensor_field { FIELD_NDIMS, FIELD_NE0, FIELD_TYPE, FIELD_OFFSET };

static size_t tensor_field_at(const uint8_t *buf, size_t n, const char *name, enum tensor_field f)
{
	size_t p = find_gguf_string(buf, n, name) + 8 + strlen(name);
	uint32_t n_dims = (uint32_t)get_le(buf + p, 4);
	switch (f) {
	case FIELD_NDIMS: return p;
	case FIELD_NE0: return p + 4;
	case FIELD_TYPE: return p + 4 + 8 * n_dims;
	case FIELD_OFFSET: return p + 8 + 8 * n_dims;
	}
	return p;
}

static void expect_refusal(const uint8_t *buf, size_t n, enum rwkvc_status want, const char *text)
{
	struct err e = { 0 };
	struct weight_file w;
	enum rwkvc_status st = gguf_parse(&e, buf, n, "bad.gguf", &w);
	if (st != want || !strstr(e.msg, text) || strncmp(e.msg, "bad.gguf: ", 10) != 0)
		fail_msg("got status %d '%s'; want %d with '%s'", st, e.msg, want, text);
	assert_null(w.tensors); /* nothing is left allocated */
}

/* Copies `valid`, lets `patch` change it, and expects the refusal. */
#define REFUSE(valid, n, status, text, patch)          \
	do {                                           \
		uint8_t *b = malloc(n);                \
		memcpy(b, valid, n);                   \
		patch;                                 \
		expect_refusal(b, n, status, text);    \
		free(b);                               \
	} while (0)

static void test_refuses_bad_headers(void **state)
{
	(void)state;
	size_t n;
	uint8_t *v = valid_gguf(0, &n, NULL);
	const enum rwkvc_status BAD = RWKVC_STATUS_BAD_FORMAT, UNS = RWKVC_STATUS_UNSUPPORTED;
	REFUSE(v, n, BAD, "not a GGUF file (starts with 'GGUX', not 'GGUF')", b[3] = 'X');
	REFUSE(v, n, UNS, "GGUF version 1 is not supported (only 2 and 3)", put_le(b + 4, 1, 4));
	REFUSE(v, n, UNS, "GGUF version 4 is not supported", put_le(b + 4, 4, 4));
	REFUSE(v, n, UNS, "big-endian GGUF file", put_le(b + 4, 0x03000000, 4));
	REFUSE(v, n, BAD, "header claims 1000000 tensors, but the", put_le(b + 8, 1000000, 8));
	REFUSE(v, n, BAD, "header claims 18446744073709551615 key/values",
	       put_le(b + 16, UINT64_MAX, 8));
	expect_refusal(v, 6, BAD, "version at byte 4 needs 4 bytes, but the file ends 2 bytes later");
	expect_refusal(v, 0, BAD, "not a GGUF file (starts with '', not 'GGUF')");
	free(v);
}

static void test_refuses_bad_metadata(void **state)
{
	(void)state;
	size_t n, na;
	uint8_t *v = valid_gguf(0, &n, NULL), *va = valid_gguf(64, &na, NULL);
	const enum rwkvc_status BAD = RWKVC_STATUS_BAD_FORMAT;
	size_t name = key_type_at(v, n, "general.name");
	REFUSE(v, n, BAD, "key 'general.name': string of 1000000000000 bytes at byte",
	       put_le(b + name + 4, 1000000000000ull, 8));
	REFUSE(v, n, BAD, "key name: string of 18446744073709551615 bytes",
	       put_le(b + find_gguf_string(v, n, "general.name"), UINT64_MAX, 8));
	size_t tok = key_type_at(v, n, "tokenizer.ggml.tokens");
	REFUSE(v, n, BAD, "key 'tokenizer.ggml.tokens': array of 1000000000000000 string values",
	       put_le(b + tok + 8, 1000000000000000ull, 8));
	REFUSE(v, n, BAD, "key 'tokenizer.ggml.tokens': string of 1000000000000 bytes",
	       put_le(b + find_gguf_string(v, n, "quote\""), 1000000000000ull, 8));
	REFUSE(v, n, BAD, "array at byte", put_le(b + tok + 4, 13, 4));
	REFUSE(v, n, BAD, "unknown value type 13", put_le(b + name, 13, 4));
	REFUSE(v, n, BAD, "key 'rwkvc.test.bool': bool at byte",
	       b[key_type_at(v, n, "rwkvc.test.bool") + 4] = 2);
	REFUSE(v, n, BAD, "key 'rwkvc.test.i16' appears twice",
	       b[find_gguf_string(v, n, "rwkvc.test.u16") + 8 + 11] = 'i');
	REFUSE(v, n, BAD, "key name at byte", put_le(b + find_gguf_string(v, n, "general.name"), 0, 8));
	size_t al = key_type_at(va, na, "general.alignment");
	REFUSE(va, na, BAD, "general.alignment 48 is not a power of two of at least 8",
	       put_le(b + al + 4, 48, 4));
	REFUSE(va, na, BAD, "general.alignment 4 is not a power of two", put_le(b + al + 4, 4, 4));
	REFUSE(va, na, BAD, "general.alignment has type int32, not uint32", put_le(b + al, 5, 4));
	free(v);
	free(va);
}

static void test_refuses_bad_tensor_infos(void **state)
{
	(void)state;
	size_t n;
	uint8_t *v = valid_gguf(0, &n, NULL);
	const enum rwkvc_status BAD = RWKVC_STATUS_BAD_FORMAT;
	const char *w1 = "blk.1.time_mix_w1.weight", *w2 = "blk.1.time_mix_w2.weight";
	size_t off = tensor_field_at(v, n, w1, FIELD_OFFSET), type = tensor_field_at(v, n, w1, FIELD_TYPE);
	size_t ne0 = tensor_field_at(v, n, w1, FIELD_NE0), nd = tensor_field_at(v, n, w1, FIELD_NDIMS);
	REFUSE(v, n, BAD, "tensor 'blk.1.time_mix_w1.weight': 2048 bytes at data offset 1099511627776 "
			  "exceed the",
	       put_le(b + off, 1ull << 40, 8));
	REFUSE(v, n, BAD, "is not a multiple of the alignment 32", put_le(b + off, get_le(v + off, 8) + 8, 8));
	REFUSE(v, n, BAD, "tensor 'blk.1.time_mix_w1.weight' has unknown ggml type 99",
	       put_le(b + type, 99, 4));
	REFUSE(v, n, RWKVC_STATUS_UNSUPPORTED,
	       "tensor 'blk.1.time_mix_w1.weight' has type Q5_0 (6), which rwkvc does not read",
	       put_le(b + type, 6, 4));
	REFUSE(v, n, BAD, "tensor 'blk.1.time_mix_w2.weight': rows of 8 values are not whole q8_0 blocks",
	       put_le(b + tensor_field_at(v, n, w2, FIELD_TYPE), 8, 4));
	REFUSE(v, n, BAD, "dims 1099511627776 x 1099511627776 x 1 x 1 overflow a 64-bit element count",
	       put_le(b + ne0, 1ull << 40, 8); put_le(b + ne0 + 8, 1ull << 40, 8));
	REFUSE(v, n, BAD, "tensor 'blk.1.time_mix_w1.weight' of 4611686018427387904 values has more "
			  "bytes than memory can hold",
	       put_le(b + ne0, 1ull << 31, 8); put_le(b + ne0 + 8, 1ull << 31, 8));
	REFUSE(v, n, BAD, "tensor 'blk.1.time_mix_w1.weight' has 5 dimensions", put_le(b + nd, 5, 4));
	REFUSE(v, n, BAD, "tensor 'blk.1.time_mix_w1.weight' has 0 dimensions", put_le(b + nd, 0, 4));
	REFUSE(v, n, BAD, "tensor 'blk.1.time_mix_w1.weight': dimension 1 is 0", put_le(b + ne0 + 8, 0, 8));
	REFUSE(v, n, BAD, "tensor name 'blk.1.time_mix_w2.weight' appears twice",
	       b[find_gguf_string(v, n, w1) + 8 + 16] = '2');
	REFUSE(v, n, BAD, "overlap in the data section",
	       put_le(b + off, get_le(v + tensor_field_at(v, n, w2, FIELD_OFFSET), 8), 8));
	REFUSE(v, n, BAD, "tensor name at byte", put_le(b + find_gguf_string(v, n, w1), 70, 8));
	free(v);
}

static void test_refuses_bad_rwkv7_files(void **state)
{
	(void)state;
	size_t n;
	uint8_t *v = valid_gguf(0, &n, NULL);
	const enum rwkvc_status BAD = RWKVC_STATUS_BAD_FORMAT;
	size_t arch = key_type_at(v, n, "general.architecture");
	REFUSE(v, n, RWKVC_STATUS_UNSUPPORTED, "architecture 'rwkv6' is not supported (rwkvc reads 'rwkv7')",
	       b[arch + 4 + 8 + 4] = '6');
	REFUSE(v, n, BAD, "has no general.architecture string",
	       b[find_gguf_string(v, n, "general.architecture") + 8 + 19] = 'X');
	REFUSE(v, n, BAD, "has no key 'rwkv7.wkv.head_size'",
	       b[find_gguf_string(v, n, "rwkv7.wkv.head_size") + 8 + 18] = 'X');
	REFUSE(v, n, BAD, "rwkv7.wkv.head_size 60", put_le(b + key_type_at(v, n, "rwkv7.wkv.head_size") + 4, 60, 4));
	size_t lerp = tensor_field_at(v, n, "blk.1.time_mix_lerp_fused.weight", FIELD_NE0);
	REFUSE(v, n, RWKVC_STATUS_BAD_SHAPE,
	       "tensor 'blk.1.time_mix_lerp_fused.weight' has ggml dims {64, 1, 1, 5}; expected "
	       "{n_embd, 1, 1, 6}",
	       put_le(b + lerp + 24, 5, 8));
	REFUSE(v, n, RWKVC_STATUS_BAD_SHAPE, "tensor 'blk.1.time_mix_w0.weight' has ggml dims {32}",
	       put_le(b + tensor_field_at(v, n, "blk.1.time_mix_w0.weight", FIELD_NE0), 32, 8));
	REFUSE(v, n, BAD, "tensor 'blk.7.attn_norm.weight' is for layer 7, but rwkv7.block_count is 2",
	       b[find_gguf_string(v, n, "blk.1.attn_norm.weight") + 8 + 4] = '7');
	/* a tensor of no rule keeps its name; here it collides with a mapped one */
	REFUSE(v, n, BAD, "two tensors are presented as 'blocks.0.ffn.value.weight'",
	       memcpy(b + find_gguf_string(v, n, "blk.0.time_mix_k_k.weight") + 8,
		      "blocks.0.ffn.value.weight", 25));
	free(v);
}

static void test_truncated_files_are_refused(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct arena a;
	struct gguf_file g;
	size_t n;
	uint8_t *v = valid_gguf(0, &n, NULL);
	arena_init(&a);
	assert_int_equal(gguf_read(&e, &a, v, n, "tiny", &g), 0);
	size_t end = 0; /* where the last tensor's data ends; the padding after it is optional */
	for (size_t i = 0; i < g.n_tensors; i++) {
		size_t t_end = g.data_start + g.tensors[i].offset + g.tensors[i].nbytes;
		end = t_end > end ? t_end : end;
	}
	arena_destroy(&a);
	size_t tested = 0;
	for (size_t len = 0; len < end; len += len < g.data_start + 64 ? 1 : 37) {
		struct weight_file w;
		uint8_t *b = malloc(len ? len : 1); /* exactly `len` bytes, so ASan sees over-reads */
		memcpy(b, v, len);
		enum rwkvc_status st = gguf_parse(&e, b, len, "cut.gguf", &w);
		if (st != RWKVC_STATUS_BAD_FORMAT)
			fail_msg("%zu of %zu bytes: status %d '%s'", len, end, st, e.msg);
		free(b);
		tested++;
	}
	assert_true(tested > 1000);
	struct weight_file w;
	assert_int_equal(gguf_parse(&e, v, end, "exact.gguf", &w), 0);
	weights_close(&w);
	free(v);
}

/* Random damage in the header and tensor infos: refused with a message or read, never a crash. */
static void test_random_damage_is_handled(void **state)
{
	(void)state;
	size_t n;
	uint8_t *v = valid_gguf(0, &n, NULL);
	uint8_t *b = malloc(n);
	uint64_t s = 4242;
	int refused = 0;
	for (int it = 0; it < 3000; it++) {
		memcpy(b, v, n);
		for (int k = 0; k < 1 + it % 3; k++) {
			s = s * 6364136223846793005ull + 1442695040888963407ull;
			size_t at = (size_t)(s >> 33) % 4096; /* header and tensor infos */
			b[at] ^= (uint8_t)(1u << ((s >> 20) & 7));
		}
		struct err e = { 0 };
		struct weight_file w;
		if (gguf_parse(&e, b, n, "fuzz.gguf", &w) == RWKVC_STATUS_OK) {
			weights_close(&w);
		} else {
			assert_true(strncmp(e.msg, "fuzz.gguf: ", 11) == 0);
			refused++;
		}
	}
	print_message("random damage: %d of 3000 files refused\n", refused);
	assert_true(refused > 300);
	free(b);
	free(v);
}

/* `rwkvc logits` on broken files: exit status 1 and the reader's message,
 * naming the file, after "rwkvc logits: ". */
static void test_cli_refuses_bad_files(void **state)
{
	(void)state;
	struct model m;
	struct err e = { 0 };
	char path[1024], *data;
	size_t n;
	load_model_b(&m); /* a model the graph runs */
	snprintf(path, sizeof path, "%s", test_tmp_path("bad.gguf"));
	write_gguf(path, &m, DTYPE_F32, true, 3, 0, NULL);
	free_model(&m);
	assert_int_equal(file_read_all(&e, path, &data, &n), 0);
	uint8_t *v = (uint8_t *)data;
	assert_int_equal(test_run("logits --weights %s --tokens 1,2 -b cpu", path), 0);
	size_t arch = key_type_at(v, n, "general.architecture");
	size_t type = tensor_field_at(v, n, "blk.1.time_mix_w1.weight", FIELD_TYPE);
	size_t lerp = tensor_field_at(v, n, "blk.1.time_mix_lerp_fused.weight", FIELD_NE0);
	const struct {
		size_t at, bytes; /* patch: put_le(at, value, bytes); bytes 0: cut the file at `at` */
		uint64_t value;
		const char *text;
	} cases[] = {
		{ 4, 4, 4, "GGUF version 4 is not supported (only 2 and 3)" },
		{ type, 4, 6, "tensor 'blk.1.time_mix_w1.weight' has type Q5_0 (6), which rwkvc does not read" },
		{ arch + 4 + 8 + 4, 1, '6', "architecture 'rwkv6' is not supported (rwkvc reads 'rwkv7')" },
		{ lerp + 24, 8, 5, "tensor 'blk.1.time_mix_lerp_fused.weight' has ggml dims {256, 1, 1, 5}" },
		{ n / 2, 0, 0, "exceed the" },
	};
	uint8_t *b = malloc(n);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memcpy(b, v, n);
		if (cases[i].bytes)
			put_le(b + cases[i].at, cases[i].value, (int)cases[i].bytes);
		test_write_file(path, b, cases[i].bytes ? n : cases[i].at);
		assert_int_equal(test_run("logits --weights %s --tokens 1,2", path), 1);
		char want[1200];
		snprintf(want, sizeof want, "rwkvc logits: %s: ", path);
		test_assert_contains("stderr", test_err, want);
		test_assert_contains("stderr", test_err, cases[i].text);
	}
	free(b);
	mem_free(data);
}

static void test_allocation_failures_are_clean(void **state)
{
	(void)state;
	size_t n;
	const char *tmp;
	char path[1024];
	free(valid_gguf(0, &n, &tmp));
	snprintf(path, sizeof path, "%s", tmp);
	/* fail the 1st, 2nd, ... allocation until opening succeeds; ASan checks for leaks */
	for (int64_t k = 1;; k++) {
		struct err e = { 0 };
		struct weight_file w;
		fault_alloc_arm(k);
		enum rwkvc_status st = gguf_open(&e, path, &w);
		fault_alloc_arm(0);
		if (st == RWKVC_STATUS_OK) {
			assert_true(k > 3);
			weights_close(&w);
			break;
		}
		assert_int_equal(st, RWKVC_STATUS_NO_MEMORY);
		assert_non_null(strstr(e.msg, "out of memory"));
		assert_true(k < 1000);
	}
	struct err e = { 0 };
	struct weight_file w;
	assert_int_equal(gguf_open(&e, test_tmp_path("missing.gguf"), &w), RWKVC_STATUS_IO);
	assert_non_null(strstr(e.msg, "missing.gguf: cannot open"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_f32_round_trip_is_exact),
		cmocka_unit_test(test_metadata_as_text),
		cmocka_unit_test(test_nested_array_as_text),
		cmocka_unit_test(test_file_has_llama_cpp_layout),
		cmocka_unit_test(test_every_type_round_trips),
		cmocka_unit_test(test_llama_cpp_type_choices),
		cmocka_unit_test(test_refuses_bad_headers),
		cmocka_unit_test(test_refuses_bad_metadata),
		cmocka_unit_test(test_refuses_bad_tensor_infos),
		cmocka_unit_test(test_refuses_bad_rwkv7_files),
		cmocka_unit_test(test_truncated_files_are_refused),
		cmocka_unit_test(test_random_damage_is_handled),
		cmocka_unit_test(test_allocation_failures_are_clean),
		cmocka_unit_test_teardown(test_cli_refuses_bad_files, test_run_free),
	};
	return cmocka_run_group_tests_name("gguf", tests, NULL, NULL);
}
