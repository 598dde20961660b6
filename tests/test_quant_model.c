/*
 * test_quant_model.c - quantised weights through the whole model: which
 * tensors the policy quantises (docs/quantisation.md), the Vulkan device on
 * Q8_0 / Q4_K matrices against the CPU interpreter on the same dequantised
 * weights (and how far both are from the f32 model: the KL divergence of the
 * next-token distributions is printed), GGUF files of every tensor type
 * loaded through rwkvc_model_load, and plans that record the types.
 *
 * The model is random (rwkvc_random_model_write): 2 layers x 256, vocab 1024,
 * small enough for lavapipe, and with rows of whole Q4_K blocks.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gguf_writer.h"
#include "passes/weight_policy.h"
#include "rwkvc.h"
#include "runtime/kernel_ref.h"
#include "runtime/model.h"
#include "runtime/quant.h"
#include "runtime/safetensors.h"
#include "runtime/vk_model_internal.h"

enum { VOCAB = 1024, N_TOK = 64 };

static char model_path[1024];
static int32_t tokens[N_TOK];

static int setup(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_ctx_set_progress(ctx, 0);
	struct rwkvc_random_model spec = { 0 };
	spec.n_layer = 2;
	spec.n_embd = 256;
	spec.vocab = VOCAB;
	spec.seed = 7;
	snprintf(model_path, sizeof model_path, "%s", test_tmp_path("q256.safetensors"));
	if (rwkvc_random_model_write(ctx, &spec, model_path))
		fail_msg("%s", rwkvc_errmsg(ctx));
	rwkvc_ctx_destroy(ctx);
	uint64_t s = 12345;
	for (int i = 0; i < N_TOK; i++) {
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		tokens[i] = (int32_t)((s >> 33) % VOCAB);
	}
	return 0;
}

struct loaded {
	rwkvc_ctx_t *ctx;
	rwkvc_model_t *m;
};

static struct loaded load_options(const struct rwkvc_model_options *o)
{
	struct loaded l;
	assert_int_equal(rwkvc_ctx_create(&l.ctx), 0);
	rwkvc_ctx_set_progress(l.ctx, 0);
	if (rwkvc_model_load(l.ctx, o, &l.m))
		fail_msg("%s (quant %s): %s", o->weights_path ? o->weights_path : "random model",
			 o->quant ? o->quant : "none", rwkvc_errmsg(l.ctx));
	return l;
}

static struct loaded load(const char *path, enum rwkvc_backend b, const char *quant, enum rwkvc_precision prec)
{
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = path;
	o.backend = b;
	o.quant = quant;
	o.precision = prec;
	return load_options(&o);
}

static void unload(struct loaded *l)
{
	if (l->m && l->m->vk)
		test_assert_vk_quiet(l->m);
	rwkvc_model_destroy(l->m);
	rwkvc_ctx_destroy(l->ctx);
}

/* Every position's logits for the first n tokens (taken modulo the model's
 * vocabulary): [n, vocab], caller frees. */
static float *logits_of(const struct loaded *l, size_t n)
{
	struct rwkvc_model_info info;
	rwkvc_model_get_info(l->m, &info);
	size_t v = (size_t)info.vocab;
	int32_t ids[N_TOK];
	for (size_t i = 0; i < n; i++)
		ids[i] = tokens[i] % info.vocab;
	float *out = malloc(n * v * sizeof *out);
	test_poison(out, n * v);
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_session_create(l->m, &s), 0);
	if (rwkvc_session_eval(s, ids, n, RWKVC_EVAL_ALL, out))
		fail_msg("%s", rwkvc_errmsg(l->ctx));
	rwkvc_session_destroy(s);
	return out;
}

static float *run(const char *path, enum rwkvc_backend b, const char *quant, enum rwkvc_precision prec, size_t n)
{
	struct loaded l = load(path, b, quant, prec);
	float *x = logits_of(&l, n);
	unload(&l);
	return x;
}

/* The largest relative L2 error of a position's logits. */
static double worst_rel(const float *got, const float *want, size_t n, size_t vocab)
{
	double worst = 0;
	for (size_t t = 0; t < n; t++) {
		double e = test_rel_err(got + t * vocab, want + t * vocab, vocab);
		worst = e > worst ? e : worst;
	}
	return worst;
}

/* KL(softmax(p) || softmax(q)) of one row of `vocab` logits, in nats. */
static double kl_row(const float *p, const float *q, size_t vocab)
{
	double mp = p[0], mq = q[0], zp = 0, zq = 0, kl = 0;
	for (size_t i = 1; i < vocab; i++) {
		mp = p[i] > mp ? p[i] : mp;
		mq = q[i] > mq ? q[i] : mq;
	}
	for (size_t i = 0; i < vocab; i++) {
		zp += exp(p[i] - mp);
		zq += exp(q[i] - mq);
	}
	for (size_t i = 0; i < vocab; i++) {
		double lp = p[i] - mp - log(zp), lq = q[i] - mq - log(zq);
		kl += exp(lp) * (lp - lq);
	}
	return kl;
}

/* ---- which tensors are quantised ---- */

static int32_t tensor(const struct graph *g, const char *name)
{
	int32_t t = graph_find(g, name);
	if (t < 0)
		fail_msg("no tensor '%s'", name);
	return t;
}

static void expect_type(const struct plan *p, const char *name, enum dtype want)
{
	enum dtype got = p->place[tensor(p->g, name)].dtype;
	if (got != want)
		fail_msg("'%s' is stored as %s, want %s", name, dtype_name(got), dtype_name(want));
}

static void test_policy_picks_the_big_matrices(void **state)
{
	(void)state;
	struct loaded l = load(model_path, RWKVC_BACKEND_VULKAN, "q4_k", RWKVC_PRECISION_F32);
	const struct plan *p = vk_model_plan(l.m->vk);
	static const char *const quantised[] = { "blocks.0.att.receptance.weight", "blocks.0.att.key.weight",
						 "blocks.1.att.value.weight", "blocks.1.att.output.weight",
						 "blocks.0.ffn.key.weight", "blocks.1.ffn.value.weight", "head.weight" };
	static const char *const kept[] = { "emb.weight", "blocks.0.att.w1", "blocks.0.att.a2", "blocks.1.att.v1",
					    "blocks.1.att.g2", "blocks.0.ln1.weight", "blocks.0.att.x_r",
					    "blocks.1.att.r_k", "blocks.0.att.ln_x.bias", "ln_out.weight" };
	for (size_t i = 0; i < sizeof quantised / sizeof quantised[0]; i++)
		expect_type(p, quantised[i], DTYPE_Q4_K);
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		expect_type(p, kept[i], DTYPE_F32);
	/* every matvec (and matvec set part) reads its matrix in the matrix's type */
	int n_q4 = 0, n_sets = 0;
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
		int n = kernel_binding_info(&pk->desc, info);
		n_sets += pk->desc.kind == KERNEL_MATVEC_SET;
		for (int b = 0; b < n; b++) {
			if (!kernel_binding_is_matrix(&pk->desc, b))
				continue;
			assert_int_equal(info[b].dtype, p->place[pk->bind[b]].dtype);
			n_q4 += info[b].dtype == DTYPE_Q4_K;
		}
	}
	assert_int_equal(n_q4, 2 * 6 + 1);
	assert_true(n_sets > 0); /* quantised and f32 parts share sets */
	/* the policy's rules for what a file holds, on this graph */
	const struct graph *g = p->g;
	enum dtype *file = malloc((size_t)g->n_tensors * sizeof *file);
	for (int32_t t = 0; t < g->n_tensors; t++)
		file[t] = DTYPE_F16;
	int32_t key = tensor(g, "blocks.0.att.key.weight"), head = tensor(g, "head.weight"), emb = tensor(g, "emb.weight");
	file[key] = DTYPE_Q8_0;
	file[head] = DTYPE_Q6_K;
	file[emb] = DTYPE_Q4_K;
	struct weight_policy none = { DTYPE_F16, DTYPE_COUNT, file }, q4 = { DTYPE_F32, DTYPE_Q4_K, file },
			     f16 = { DTYPE_F32, DTYPE_F16, file };
	assert_int_equal(weight_policy_choose(&none, g, key), DTYPE_Q8_0);  /* kept as the file has it */
	assert_int_equal(weight_policy_choose(&none, g, head), DTYPE_Q6_K);
	assert_int_equal(weight_policy_choose(&none, g, emb), DTYPE_F16);   /* a table: the default */
	assert_int_equal(weight_policy_choose(&none, g, tensor(g, "blocks.0.att.value.weight")), DTYPE_F16);
	assert_int_equal(weight_policy_choose(&q4, g, key), DTYPE_Q8_0);    /* never requantised */
	assert_int_equal(weight_policy_choose(&q4, g, tensor(g, "blocks.0.att.value.weight")), DTYPE_Q4_K);
	assert_int_equal(weight_policy_choose(&f16, g, head), DTYPE_F16);   /* dequantised when asked */
	assert_int_equal(weight_policy_choose(&f16, g, tensor(g, "blocks.0.att.w1")), DTYPE_F32);
	free(file);
	unload(&l);
}

/* model_a has C = 128: its C x C matrices are not whole Q4_K blocks (f16
 * then), its FFN value matrix (K = 512) is; all are whole Q8_0 blocks. The
 * CPU makes the same choice. */
static void test_rows_that_are_not_whole_blocks_stay_f16(void **state)
{
	(void)state;
	char *path = strdup(test_shared_path("testdata/rwkv7/model_a.safetensors"));
	struct loaded l = load(path, RWKVC_BACKEND_VULKAN, "q4_k", RWKVC_PRECISION_F32);
	const struct plan *p = vk_model_plan(l.m->vk);
	expect_type(p, "blocks.0.att.key.weight", DTYPE_F16);
	expect_type(p, "blocks.0.ffn.key.weight", DTYPE_F16);
	expect_type(p, "blocks.0.ffn.value.weight", DTYPE_Q4_K);
	expect_type(p, "head.weight", DTYPE_F16);
	float *gpu = logits_of(&l, 8);
	unload(&l);
	float *cpu = run(path, RWKVC_BACKEND_CPU, "q4_k", RWKVC_PRECISION_F32, 8);
	double e = worst_rel(gpu, cpu, 8, 256);
	printf("model_a q4_k (f16 where rows are not whole blocks): Vulkan vs CPU %.1e\n", e);
	assert_true(e <= 1e-4);
	l = load(path, RWKVC_BACKEND_VULKAN, "q8_0", RWKVC_PRECISION_F32);
	expect_type(vk_model_plan(l.m->vk), "blocks.0.att.key.weight", DTYPE_Q8_0);
	unload(&l);
	free(gpu);
	free(cpu);
	free(path);
}

/* ---- the kernels' C reference ---- */

/* kernel_reference on a quantised matrix computes with exactly the decoded
 * blocks (what test-ops compares the GPU with), chunk by chunk of rows. */
static void test_reference_uses_the_decoded_blocks(void **state)
{
	(void)state;
	static const enum dtype types[3] = { DTYPE_Q8_0, DTYPE_Q4_K, DTYPE_Q6_K };
	enum { K = 512, M = 6, T = 2 };
	for (int q = 0; q < 3; q++) {
		struct kernel_desc d = { 0 };
		d.kind = KERNEL_MATVEC;
		d.act = DTYPE_F32;
		d.weight = types[q];
		d.k = K;
		d.m = M;
		d.t_max = T;
		float x[T * K], w[M * K], dq[M * K], y[T * M];
		test_fill_random(x, T * K, 1 + q, -1, 1);
		test_fill_random(w, M * K, 11 + q, -1, 1);
		uint8_t blocks[M * K * 2];
		struct err e = { 0 };
		assert_int_equal(quant_quantize(&e, types[q], w, blocks, M * K), 0);
		quant_dequantize(types[q], blocks, dq, M * K);
		test_poison(y, T * M);
		float raw[M * K];
		memcpy(raw, w, sizeof raw);
		for (uint32_t r0 = 0; r0 < M; r0 += 4) { /* rows 0..3, then 4..5 */
			uint32_t rows = r0 + 4 <= M ? 4 : M - r0;
			float *bufs[3] = { x, w + r0 * K, y };
			assert_int_equal(kernel_reference(&e, &d, T, r0, rows, bufs), 0);
		}
		for (int t = 0; t < T; t++)
			for (int m = 0; m < M; m++) {
				double want = 0;
				for (int k = 0; k < K; k++)
					want += (double)dq[m * K + k] * x[t * K + k];
				assert_float_equal(y[t * M + m], want, 1e-4);
			}
		assert_memory_equal(raw, w, sizeof raw); /* the caller's weights are left as they were */
	}
}

/* ---- Vulkan against the CPU on the same quantised weights ---- */

/* Q8_0 and Q4_K matrices: the Vulkan logits equal the CPU interpreter's on
 * the same dequantised weights, and both are as far from the f32 model as
 * the format's precision says (mean KL over 64 next-token distributions). */
static void test_vulkan_equals_cpu_on_quantised_weights(void **state)
{
	(void)state;
	float *ref = run(model_path, RWKVC_BACKEND_CPU, NULL, RWKVC_PRECISION_F32, N_TOK);
	static const char *const quants[2] = { "q8_0", "q4_k" };
	static const double kl_bound[2] = { 2e-3, 0.1 };
	double kl_mean[2];
	for (int q = 0; q < 2; q++) {
		float *cpu = run(model_path, RWKVC_BACKEND_CPU, quants[q], RWKVC_PRECISION_F32, N_TOK);
		float *gpu = run(model_path, RWKVC_BACKEND_VULKAN, quants[q], RWKVC_PRECISION_F32, N_TOK);
		double e = worst_rel(gpu, cpu, N_TOK, VOCAB), kl_max = 0;
		kl_mean[q] = 0;
		int same_top = 0;
		for (int t = 0; t < N_TOK; t++) {
			double kl = kl_row(ref + t * VOCAB, cpu + t * VOCAB, VOCAB);
			kl_mean[q] += kl / N_TOK;
			kl_max = kl > kl_max ? kl : kl_max;
			size_t a = 0, b = 0;
			for (size_t i = 1; i < VOCAB; i++) {
				a = ref[t * VOCAB + i] > ref[t * VOCAB + a] ? i : a;
				b = cpu[t * VOCAB + i] > cpu[t * VOCAB + b] ? i : b;
			}
			same_top += a == b;
		}
		printf("%s: Vulkan vs CPU (same weights) %.1e; KL from f32 over %d tokens: mean %.2e, max %.2e; "
		       "same top token %d/%d\n", quants[q], e, N_TOK, kl_mean[q], kl_max, same_top, N_TOK);
		assert_true(e <= 1e-3);
		assert_true(kl_mean[q] > 0 && kl_mean[q] <= kl_bound[q]);
		free(cpu);
		free(gpu);
	}
	assert_true(kl_mean[0] < kl_mean[1]); /* 8 bits beat 4.5 */
	/* f16 activations on quantised weights: within the f16 bound of the f32 run */
	float *cpu = run(model_path, RWKVC_BACKEND_CPU, "q4_k", RWKVC_PRECISION_F32, 16);
	float *gpu = run(model_path, RWKVC_BACKEND_VULKAN, "q4_k", RWKVC_PRECISION_F16, 16);
	double e = worst_rel(gpu, cpu, 16, VOCAB);
	printf("q4_k, f16 activations: Vulkan vs CPU %.1e\n", e);
	assert_true(e <= 1e-2);
	free(cpu);
	free(gpu);
	free(ref);
}

/* A random model of the real 0.1B shape (12 x 768, vocab 65536), made in
 * memory: Q8_0 and Q4_K on the Vulkan device against the CPU interpreter on
 * the same quantised weights, and the KL divergence of the device's 64
 * next-token distributions from the f32 model's. */
static void test_random_0p1b_quantised(void **state)
{
	(void)state;
	struct rwkvc_random_model spec = { 0 };
	spec.preset = "0.1b";
	spec.seed = 11;
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.random = &spec;
	o.backend = RWKVC_BACKEND_CPU;
	struct loaded l = load_options(&o);
	struct rwkvc_model_info info;
	rwkvc_model_get_info(l.m, &info);
	size_t v = (size_t)info.vocab;
	assert_int_equal(info.n_layer, 12);
	assert_int_equal(info.n_embd, 768);
	float *ref = logits_of(&l, N_TOK);
	unload(&l);
	static const char *const quants[2] = { "q8_0", "q4_k" };
	static const double kl_bound[2] = { 2e-3, 0.1 };
	double kl_mean[2];
	for (int q = 0; q < 2; q++) {
		o.quant = quants[q];
		o.backend = RWKVC_BACKEND_CPU;
		l = load_options(&o);
		float *cpu = logits_of(&l, N_TOK);
		unload(&l);
		o.backend = RWKVC_BACKEND_VULKAN;
		l = load_options(&o);
		float *gpu = logits_of(&l, N_TOK);
		unload(&l);
		double e = worst_rel(gpu, cpu, N_TOK, v), kl_max = 0;
		kl_mean[q] = 0;
		for (int t = 0; t < N_TOK; t++) {
			double kl = kl_row(ref + t * v, gpu + t * v, v);
			kl_mean[q] += kl / N_TOK;
			kl_max = kl > kl_max ? kl : kl_max;
		}
		printf("0.1b %s: Vulkan vs CPU (same weights) %.1e; Vulkan's KL from f32 over %d tokens: "
		       "mean %.2e, max %.2e\n", quants[q], e, N_TOK, kl_mean[q], kl_max);
		assert_true(e <= 1e-3);
		assert_true(kl_mean[q] > 0 && kl_mean[q] <= kl_bound[q]);
		free(cpu);
		free(gpu);
	}
	assert_true(kl_mean[0] < kl_mean[1]);
	free(ref);
}

/* ---- GGUF files ---- */

/* The tensors of `path` as f32, written to a safetensors file at `out`. */
static void dequantised_copy(const char *path, const char *out)
{
	struct err e = { 0 };
	struct weight_file w;
	if (weights_open(&e, path, &w))
		fail_msg("%s", e.msg);
	struct weight_tensor *desc = calloc(w.n_tensors, sizeof *desc);
	for (size_t i = 0; i < w.n_tensors; i++) {
		desc[i] = w.tensors[i];
		desc[i].dtype = DTYPE_F32;
	}
	struct safetensors_writer *sw;
	if (safetensors_writer_begin(&e, out, desc, w.n_tensors, NULL, NULL, 0, &sw))
		fail_msg("%s", e.msg);
	for (size_t i = 0; i < w.n_tensors; i++) {
		size_t n = (size_t)weight_numel(&w.tensors[i]);
		float *x = malloc(n * sizeof *x);
		if (weights_to_f32(&e, &w.tensors[i], x) || safetensors_writer_put(&e, sw, i, x, n * sizeof *x))
			fail_msg("%s", e.msg);
		free(x);
	}
	if (safetensors_writer_commit(&e, sw))
		fail_msg("%s", e.msg);
	free(desc);
	weights_close(&w);
}

static void write_gguf(const char *path, enum dtype type)
{
	struct err e = { 0 };
	struct weight_file w;
	if (weights_open(&e, model_path, &w))
		fail_msg("%s", e.msg);
	struct gguf_writer_options o = { type, false, 3, 0 };
	if (gguf_write_rwkv7(&e, path, w.tensors, w.n_tensors, &o, NULL))
		fail_msg("%s", e.msg);
	weights_close(&w);
}

/*
 * The model written as GGUF in every tensor type (every tensor in it where
 * its rows allow, vectors included) loads through rwkvc_model_load: F32
 * gives the safetensors' logits bit for bit on the CPU; other types the CPU
 * logits of their exactly dequantised weights; on Vulkan the matrices a type
 * can be stored in are uploaded as they are, and the logits match the CPU's.
 */
static void test_gguf_of_every_type_loads(void **state)
{
	(void)state;
	enum { N = 16 };
	static const enum dtype types[] = { DTYPE_F32, DTYPE_F16, DTYPE_BF16, DTYPE_Q8_0, DTYPE_Q4_K, DTYPE_Q6_K };
	float *st = run(model_path, RWKVC_BACKEND_CPU, NULL, RWKVC_PRECISION_F32, N);
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		char path[1024], deq[1024];
		snprintf(path, sizeof path, "%s", test_tmp_path("q256.gguf"));
		snprintf(deq, sizeof deq, "%s", test_tmp_path("q256_deq.safetensors"));
		write_gguf(path, types[i]);
		float *cpu = run(path, RWKVC_BACKEND_CPU, NULL, RWKVC_PRECISION_F32, N);
		if (types[i] == DTYPE_F32) {
			assert_memory_equal(cpu, st, N * VOCAB * sizeof *cpu);
		} else {
			dequantised_copy(path, deq);
			float *want = run(deq, RWKVC_BACKEND_CPU, NULL, RWKVC_PRECISION_F32, N);
			assert_true(worst_rel(cpu, want, N, VOCAB) <= 1e-5);
			free(want);
		}
		struct loaded l = load(path, RWKVC_BACKEND_VULKAN, NULL, RWKVC_PRECISION_F32);
		const struct plan *p = vk_model_plan(l.m->vk);
		bool q = dtype_is_quantised(types[i]);
		if (q) { /* a plan compiled from the file keeps its types too */
			struct rwkvc_plan_options po = rwkvc_plan_options_default();
			po.weights_path = path;
			po.target = "none";
			rwkvc_plan_t *plan;
			char *text, want[96];
			if (rwkvc_plan_compile(l.ctx, &po, &plan) || rwkvc_plan_dump(plan, "text", &text))
				fail_msg("%s", rwkvc_errmsg(l.ctx));
			snprintf(want, sizeof want, "head.weight [1024, 256] %s", dtype_name(types[i]));
			test_assert_contains("dump", text, want);
			rwkvc_free(text);
			rwkvc_plan_destroy(plan);
		}
		expect_type(p, "blocks.1.att.key.weight", q ? types[i] : DTYPE_F32);
		expect_type(p, "head.weight", q ? types[i] : DTYPE_F32);
		expect_type(p, "blocks.1.ln2.weight", DTYPE_F32); /* quantised in the file, dequantised here */
		float *gpu = logits_of(&l, N);
		double e = worst_rel(gpu, cpu, N, VOCAB);
		printf("GGUF %s: Vulkan vs CPU %.1e\n", dtype_name(types[i]), e);
		assert_true(e <= 1e-4);
		unload(&l);
		free(cpu);
		free(gpu);
	}
	free(st);
}

/* ---- plans ---- */

/* A plan compiled with --quant records the types; loading it quantises the
 * same way as quantising on load, on Vulkan and on the CPU. */
static void test_plan_records_the_types(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_ctx_set_progress(ctx, 0);
	struct rwkvc_plan_options po = rwkvc_plan_options_default();
	po.weights_path = model_path;
	po.quant = "q8_0";
	rwkvc_plan_t *plan;
	char path[1024];
	snprintf(path, sizeof path, "%s", test_tmp_path("q8.plan"));
	if (rwkvc_plan_compile(ctx, &po, &plan) || rwkvc_plan_save(plan, path))
		fail_msg("%s", rwkvc_errmsg(ctx));
	char *text;
	assert_int_equal(rwkvc_plan_dump(plan, "text", &text), 0);
	test_assert_contains("dump", text, "blocks.0.att.key.weight [256, 256] q8_0");
	test_assert_contains("dump", text, "emb.weight [1024, 256] f32");
	rwkvc_free(text);
	rwkvc_plan_destroy(plan);
	for (int b = 0; b < 2; b++) {
		enum rwkvc_backend be = b ? RWKVC_BACKEND_CPU : RWKVC_BACKEND_VULKAN;
		float *want = run(model_path, be, "q8_0", RWKVC_PRECISION_F32, 8);
		struct rwkvc_model_options o = rwkvc_model_options_default();
		o.weights_path = model_path;
		o.plan_path = path;
		o.backend = be;
		struct loaded l = { ctx, NULL };
		if (rwkvc_model_load(ctx, &o, &l.m))
			fail_msg("%s", rwkvc_errmsg(ctx));
		float *got = logits_of(&l, 8);
		if (b)
			assert_memory_equal(got, want, 8 * VOCAB * sizeof *got);
		else
			assert_true(worst_rel(got, want, 8, VOCAB) <= 1e-6);
		o.quant = "q4_k"; /* a plan fixes the storage */
		rwkvc_model_t *m2;
		assert_int_equal(rwkvc_model_load(ctx, &o, &m2), RWKVC_STATUS_BAD_ARGUMENT);
		test_assert_contains("message", rwkvc_errmsg(ctx), "quant must be NULL with a plan");
		if (l.m->vk)
			test_assert_vk_quiet(l.m);
		rwkvc_model_destroy(l.m);
		free(got);
		free(want);
	}
	rwkvc_ctx_destroy(ctx);
}

/* Bad quantisation names are refused before anything is loaded. */
static void test_bad_quant_names(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = model_path;
	o.backend = RWKVC_BACKEND_CPU;
	rwkvc_model_t *m;
	o.quant = "q5_0";
	assert_int_equal(rwkvc_model_load(ctx, &o, &m), RWKVC_STATUS_BAD_ARGUMENT);
	test_assert_contains("message", rwkvc_errmsg(ctx), "unknown quantisation 'q5_0' (f32, f16, q8_0 or q4_k)");
	o.quant = "q6_k";
	assert_int_equal(rwkvc_model_load(ctx, &o, &m), RWKVC_STATUS_UNSUPPORTED);
	test_assert_contains("message", rwkvc_errmsg(ctx), "not converted to q6_k on load");
	rwkvc_ctx_destroy(ctx);
	/* and by the commands, as usage errors */
	assert_int_equal(test_run("logits --weights %s --tokens 1,2 --quant q5_0", model_path), 2);
	test_assert_contains("stderr", test_err, "rwkvc logits: --quant 'q5_0' is not one of f32, f16, q8_0, q4_k");
	assert_int_equal(test_run("bench --preset 0.1b --quant q6_k"), 2);
	test_assert_contains("stderr", test_err, "rwkvc bench: --quant 'q6_k' is not one of");
	assert_int_equal(test_run("run --weights %s --prompt-ids 1 --print-ids -n 1 --quant Q4 -b cpu", model_path), 2);
	test_assert_contains("stderr", test_err, "rwkvc run: --quant 'Q4' is not one of");
	assert_int_equal(test_run("compile --preset 0.1b --quant q6_k --target none -o %s", test_tmp_path("x.plan")), 1);
	test_assert_contains("stderr", test_err, "rwkvc compile: weights are not converted to q6_k on load");
	assert_int_equal(test_run("logits --weights %s --tokens 1,2,3 --quant q4_k -b cpu", model_path), 0);
	test_assert_contains("stdout", test_out, "top logits after the last token");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy_picks_the_big_matrices),
		cmocka_unit_test(test_rows_that_are_not_whole_blocks_stay_f16),
		cmocka_unit_test(test_reference_uses_the_decoded_blocks),
		cmocka_unit_test(test_vulkan_equals_cpu_on_quantised_weights),
		cmocka_unit_test(test_random_0p1b_quantised),
		cmocka_unit_test(test_gguf_of_every_type_loads),
		cmocka_unit_test(test_plan_records_the_types),
		cmocka_unit_test_teardown(test_bad_quant_names, test_run_free),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
