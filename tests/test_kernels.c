/*
 * test_kernels.c - the kernel emitters, their C references, and the
 * differential test that holds them to each other.
 *
 * The differential test runs the quick subset of `rwkvc test-ops` under the
 * validation layer: per kernel kind and storage type the awkward shapes (the
 * cases marked quick in runtime/testops_cases.c: width 200, K = 131, M = 1,
 * three heads, chunked and in-place weights, ...), each at T = 1, 3 and
 * t_max and also compiled for the GPU configuration and without subgroup
 * arithmetic, plus every token-shift mix and the later layer's head regions
 * of real f16 plans (runtime/testops_plan.c); about 230 runs. The whole set
 * (`rwkvc test-ops`, ~600 runs) takes minutes on this 2-core machine with
 * cold caches, mostly lavapipe's LLVM compiling the head regions; the quick
 * one about 35 s cold and 3 s warm (tests/run.sh keeps the caches).
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/half.h"
#include "base/mem.h"
#include "codegen/glsl_compile.h"
#include "codegen/kernel.h"
#include "runtime/kernel_ref.h"

static const struct codegen_target GPU = { .subgroup_size = 32, .subgroup_arithmetic = true, .f16_storage = true,
					   .max_shared_bytes = 49152, .max_workgroup_invocations = 1024 };

static void assert_contains(const char *text, const char *want) { test_assert_contains("the text", text, want); }

static char *emit_ok(const struct kernel_desc *k, const struct codegen_target *t)
{
	struct err e = { 0 };
	char *src = NULL;
	if (codegen_emit(&e, k, t, "test", &src))
		fail_msg("codegen_emit: %s", e.msg);
	return src;
}

static struct kernel_desc desc_of(enum kernel_kind kind, enum dtype act, enum dtype w, int64_t t_max)
{
	struct kernel_desc d;
	memset(&d, 0, sizeof d);
	d.kind = kind;
	d.act = act;
	d.weight = w;
	d.t_max = t_max;
	return d;
}

static struct kernel_desc matvec_desc(enum dtype act, enum dtype w, int64_t k, int64_t m, int64_t t_max)
{
	struct kernel_desc d = desc_of(KERNEL_MATVEC, act, w, t_max);
	d.k = k;
	d.m = m;
	return d;
}

/* k * (1 + (a - 1) * k_a) with k_a a row and the immediates 1 and 0.1. */
static struct kernel_desc kupdate(void)
{
	struct kernel_desc k = desc_of(KERNEL_ELEMENTWISE, DTYPE_F16, DTYPE_F32, 8);
	k.width = 200;
	struct ew_program *p = &k.ew;
	p->n_in = 3;
	p->bcast[0] = EW_FULL;
	p->bcast[1] = EW_FULL;
	p->bcast[2] = EW_ROW;
	p->n_imm = 2;
	p->imm[0] = 1.0;
	p->imm[1] = 0.1;
	p->n_code = 4;
	p->code[0] = (struct ew_instr){ OP_SUB, { { EW_OPERAND_INPUT, 1 }, { EW_OPERAND_IMM, 0 } } };
	p->code[1] = (struct ew_instr){ OP_MUL, { { EW_OPERAND_RESULT, 0 }, { EW_OPERAND_INPUT, 2 } } };
	p->code[2] = (struct ew_instr){ OP_LERP, { { EW_OPERAND_RESULT, 1 }, { EW_OPERAND_IMM, 0 }, { EW_OPERAND_IMM, 1 } } };
	p->code[3] = (struct ew_instr){ OP_MUL, { { EW_OPERAND_INPUT, 0 }, { EW_OPERAND_RESULT, 2 } } };
	return k;
}

static void test_elementwise_text(void **state)
{
	(void)state;
	struct kernel_desc k = kupdate();
	char *src = emit_ok(&k, &GPU);
	/* inputs loaded once, broadcast as declared; activations f16, the row f32 */
	assert_contains(src, "readonly buffer B0 { float16_t in0[]; };");
	assert_contains(src, "readonly buffer B2 { float in2[]; };");
	assert_contains(src, "writeonly buffer B3 { float16_t y[]; };");
	assert_contains(src, "uint c = i % W;");
	assert_contains(src, "float a2 = float(in2[c]);");
	/* straight-line f32 code; immediates exact, lerp as a + (b - a) * t */
	assert_contains(src, "float v0 = (a1 - 1.0);");
	assert_contains(src, "float v1 = (v0 * a2);");
	assert_contains(src, "float v2 = (v1 + (1.0 - v1) * 0.100000001);");
	assert_contains(src, "float v3 = (a0 * v2);");
	assert_contains(src, "y[i] = float16_t(v3);");
	/* the same description gives the same text (one cached SPIR-V) */
	char *again = emit_ok(&k, &GPU);
	assert_string_equal(src, again);
	mem_free(again);
	/* and a different size a different one */
	k.width = 128;
	again = emit_ok(&k, &GPU);
	assert_string_not_equal(src, again);
	mem_free(again);
	mem_free(src);

	/* negative immediates are parenthesised, integers get a decimal point */
	k = kupdate();
	k.ew.imm[0] = -2.0;
	src = emit_ok(&k, &GPU);
	assert_contains(src, "float v0 = (a1 - (-2.0));");
	mem_free(src);
}

static void expect_error(const struct kernel_desc *k, const struct codegen_target *t, enum rwkvc_status want,
			 const char *msg)
{
	struct err e = { 0 };
	char *src = NULL;
	assert_int_equal(codegen_emit(&e, k, t, "bad", &src), want);
	assert_null(src);
	assert_contains(e.msg, msg);
}

static void test_emit_errors(void **state)
{
	(void)state;
	struct kernel_desc k = kupdate();
	k.ew.code[1].op = OP_LINEAR;
	expect_error(&k, &GPU, RWKVC_STATUS_UNSUPPORTED, "kernel 'bad': instruction 1: op 'linear' is not elementwise");
	k = kupdate();
	k.ew.code[0].arg[0] = (struct ew_operand){ EW_OPERAND_RESULT, 2 };
	expect_error(&k, &GPU, RWKVC_STATUS_BAD_ARGUMENT,
		     "instruction 0, operand 0: earlier result 2 does not exist (0 available)");
	k = kupdate();
	k.ew.imm[1] = NAN;
	expect_error(&k, &GPU, RWKVC_STATUS_BAD_ARGUMENT, "immediate 1 (nan) is not a finite float");

	/* f16 on a device without 16-bit storage */
	struct codegen_target no16 = GPU;
	no16.f16_storage = false;
	k = kupdate();
	expect_error(&k, &no16, RWKVC_STATUS_UNSUPPORTED, "binding 0 'in0' is f16, but the device has no 16-bit storage");

	/* quantised weights: a matvec's matrix only, rows of whole blocks, 16-bit words for Q8_0 */
	struct kernel_desc mv = matvec_desc(DTYPE_F32, DTYPE_Q4_K, 200, 64, 1);
	expect_error(&mv, &GPU, RWKVC_STATUS_UNSUPPORTED, "rows of K = 200 weights are not whole q4_k blocks of 256");
	mv = matvec_desc(DTYPE_F32, DTYPE_Q8_0, 256, 64, 1);
	expect_error(&mv, &no16, RWKVC_STATUS_UNSUPPORTED, "binding 1 'W' is q8_0, but the device has no 16-bit storage");
	struct kernel_desc ln = desc_of(KERNEL_LAYER_NORM, DTYPE_F32, DTYPE_Q8_0, 4);
	ln.width = ln.group = 256;
	ln.eps = 1e-5;
	expect_error(&ln, &GPU, RWKVC_STATUS_UNSUPPORTED, "binding 1 'w' is q8_0; only a matvec's weight matrix may be quantised");

	/* shapes */
	struct kernel_desc gn = desc_of(KERNEL_GROUP_NORM, DTYPE_F32, DTYPE_F32, 4);
	gn.width = 200;
	gn.group = 64;
	gn.eps = 1e-5;
	expect_error(&gn, &GPU, RWKVC_STATUS_BAD_ARGUMENT, "width 200 is not a multiple of group 64");
	gn.kind = KERNEL_WKV7;
	gn.width = 96;
	gn.group = 6;
	expect_error(&gn, &GPU, RWKVC_STATUS_UNSUPPORTED, "head size 6");
	gn.group = 32;
	gn.t_max = 0;
	expect_error(&gn, &GPU, RWKVC_STATUS_BAD_ARGUMENT, "t_max 0 outside");
}

/* What the compiler says about broken kernel source: the line, in context. */
static void test_compile_error(void **state)
{
	(void)state;
	struct kernel_desc k = kupdate();
	char *src = emit_ok(&k, &GPU);
	char *at = strstr(src, "float v1 = ");
	assert_non_null(at);
	memcpy(at, "flaot", 5);
	struct err e = { 0 };
	uint32_t *words = NULL;
	size_t n = 0;
	assert_int_equal(glsl_compile(&e, src, "broken", NULL, &words, &n), RWKVC_STATUS_BAD_ARGUMENT);
	assert_null(words);
	assert_contains(e.msg, "while compiling 'broken'");
	assert_contains(e.msg, "flaot v1 = (v0 * a2);");
	mem_free(src);
}

static void test_bindings_and_grid(void **state)
{
	(void)state;
	struct kernel_desc mv = matvec_desc(DTYPE_F16, DTYPE_F16, 2560, 65536, 16);
	mv.residual = true;
	enum kernel_role roles[KERNEL_MAX_BINDINGS];
	assert_int_equal(kernel_bindings(&mv, roles), 4);
	assert_int_equal(roles[2], ROLE_INPUT);
	assert_int_equal(roles[3], ROLE_OUTPUT);
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	kernel_binding_info(&mv, info);
	assert_string_equal(info[1].name, "W");
	assert_int_equal(kernel_binding_numel(&info[1], 16, 1000), 1000 * 2560); /* a chunk of rows */
	assert_int_equal(kernel_binding_numel(&info[3], 3, 1000), 3 * 65536);   /* y: every row */
	uint32_t g[3];
	kernel_grid(&mv, &GPU, 1, 65536, g); /* 2 rows per workgroup at this K */
	assert_int_equal((uint64_t)g[0] * g[1] * g[2], 32768);
	struct kernel_desc ew = kupdate();
	ew.width = 1 << 20;
	ew.t_max = 512;
	kernel_grid(&ew, &GPU, 512, 0, g); /* 2^29 elements, 1024 per workgroup: spread over y */
	assert_true(g[0] <= 65535 && g[1] > 1);
	assert_true((uint64_t)g[0] * g[1] >= (1u << 19));
	struct kernel_desc wkv = desc_of(KERNEL_WKV7, DTYPE_F32, DTYPE_F32, 8);
	wkv.width = 192;
	wkv.group = 64;
	assert_int_equal(kernel_bindings(&wkv, NULL), 9);
	kernel_binding_info(&wkv, info);
	assert_int_equal(info[6].dtype, DTYPE_F32); /* the state stays f32 */
	assert_int_equal(kernel_binding_numel(&info[8], 8, 0), 3 * 64 * 64);
	kernel_grid(&wkv, &GPU, 8, 0, g);
	assert_int_equal(g[0], 3);
}

/* The reference: a chunk of rows leaves the others alone; f16 rounds. */
static void test_reference_matvec_chunk(void **state)
{
	(void)state;
	struct kernel_desc mv = matvec_desc(DTYPE_F16, DTYPE_F32, 3, 4, 2);
	mv.epilogue = EPILOGUE_RELU_SQ;
	float x[6] = { 1, 2, 3, -1, 0.5f, 1.25f };
	float w[6] = { 1, 0, 0, 0.1f, 0.1f, 0.1f }; /* rows 2 and 3 of W */
	float y[8];
	test_poison(y, 8);
	float *bufs[3] = { x, w, y };
	struct err e = { 0 };
	assert_int_equal(kernel_reference(&e, &mv, 2, 2, 2, bufs), RWKVC_STATUS_OK);
	assert_true(isnan(y[0]) && isnan(y[1]) && isnan(y[4]) && isnan(y[5]));
	assert_true(y[2] == 1.0f);                                /* relu(1)^2 */
	assert_true(y[3] == half_to_float(float_to_half(0.36f))); /* (0.6)^2 rounded to f16 */
	assert_true(y[6] == 0.0f);                                /* relu(-1)^2 */
	assert_true(y[7] == half_to_float(float_to_half((float)(0.075 * 0.075))));
	assert_true(x[0] == 1 && w[3] == 0.1f); /* inputs untouched */
	assert_int_equal(kernel_reference(&e, &mv, 2, 3, 2, bufs), RWKVC_STATUS_BAD_ARGUMENT);
	assert_contains(e.msg, "rows [3, 5) outside the 4 rows");
	assert_int_equal(kernel_reference(&e, &mv, 3, 0, 2, bufs), RWKVC_STATUS_BAD_ARGUMENT);
	assert_contains(e.msg, "T = 3 outside [1, 2]");
}

/* The wkv7 reference updates the state in place exactly as out of place. */
static void test_reference_wkv7_in_place(void **state)
{
	(void)state;
	enum { H = 2, N = 8, W = H * N, T = 3 };
	struct kernel_desc k = desc_of(KERNEL_WKV7, DTYPE_F32, DTYPE_F32, T);
	k.width = W;
	k.group = N;
	static float in[6][T * W], S[H * N * N], S2[H * N * N], y[T * W], y2[T * W], S_out[H * N * N];
	for (int i = 0; i < 6; i++)
		test_fill_random(in[i], T * W, 10 + (uint64_t)i, i == 1 ? 0.6f : -0.5f, i == 1 ? 0.99f : 0.5f);
	test_fill_random(S, H * N * N, 3, -1, 1);
	memcpy(S2, S, sizeof S);
	float *bufs[9] = { in[0], in[1], in[2], in[3], in[4], in[5], S, y, S_out };
	struct err e = { 0 };
	assert_int_equal(kernel_reference(&e, &k, T, 0, 0, bufs), RWKVC_STATUS_OK);
	float *bufs2[9] = { in[0], in[1], in[2], in[3], in[4], in[5], S2, y2, S2 };
	assert_int_equal(kernel_reference(&e, &k, T, 0, 0, bufs2), RWKVC_STATUS_OK);
	assert_memory_equal(y, y2, sizeof y);
	assert_memory_equal(S_out, S2, sizeof S2);
	assert_true(memcmp(S, S_out, sizeof S) != 0);
}

/* Embedding chunks: tokens of other chunks are skipped, ids are int32 bits. */
static void test_reference_embedding(void **state)
{
	(void)state;
	struct kernel_desc k = desc_of(KERNEL_EMBEDDING, DTYPE_F32, DTYPE_F32, 3);
	k.width = 2;
	k.m = 5;
	int32_t ids[3] = { 4, 1, 3 };
	float tok[3];
	memcpy(tok, ids, sizeof ids);
	float table[4] = { 30, 31, 40, 41 }; /* rows 3 and 4 */
	float y[6];
	test_poison(y, 6);
	float *bufs[3] = { tok, table, y };
	struct err e = { 0 };
	assert_int_equal(kernel_reference(&e, &k, 3, 3, 2, bufs), RWKVC_STATUS_OK);
	assert_true(y[0] == 40 && y[1] == 41 && isnan(y[2]) && isnan(y[3]) && y[4] == 30 && y[5] == 31);
}

static void collect(void *user, const char *line)
{
	char **log = user;
	size_t old = *log ? strlen(*log) : 0, n = strlen(line);
	*log = realloc(*log, old + n + 2);
	memcpy(*log + old, line, n);
	(*log)[old + n] = '\n';
	(*log)[old + n + 1] = 0;
}

/* Every kernel against its reference, under validation: no failure, no message. */
static void test_differential(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), RWKVC_STATUS_OK);
	char *log = NULL;
	struct rwkvc_test_ops_options o = { .quick = 1, .print = collect, .user = &log };
	struct rwkvc_test_ops_summary sum;
	enum rwkvc_status st = rwkvc_test_ops(ctx, &o, &sum);
	if (st)
		fail_msg("rwkvc_test_ops: %s", rwkvc_errmsg(ctx));
	if (sum.failed || sum.validation_messages) {
		/* print the failing lines only */
		for (char *line = strtok(log, "\n"); line; line = strtok(NULL, "\n"))
			if (strncmp(line, "ok ", 3) != 0)
				print_message("%s\n", line);
		fail_msg("%d of %d runs failed, %llu validation messages", sum.failed, sum.cases,
			 (unsigned long long)sum.validation_messages);
	}
	assert_true(sum.cases >= 200);
	assert_int_equal(sum.skipped, 0); /* lavapipe and NVIDIA store f16: every case runs */
	assert_contains(log, "matvec K=1000 M=300 act=f16 w=f16 +res in-place chunks=3 T=8 [no-subgroups]");
	/* the fused kernels of real plans, compared with their references too */
	assert_contains(log, "ok   plan head_region blocks.1.att.y_gated act=f16 w=f16 region_lora T=16");
	assert_contains(log, "ok   plan mix blocks.0.ffn.shift_out act=f32 w=f32 T=3");
	free(log);
	rwkvc_ctx_destroy(ctx);
}

/* The command: listing, filtering, usage errors. */
static void test_cli(void **state)
{
	(void)state;
	/* devices in a child process: without the validation layer, whose own
	 * leaks LeakSanitizer cannot attribute once it is unloaded (the validated
	 * path is test_differential's, in this process) */
	char *validate = getenv("RWKVC_VALIDATE") ? strdup(getenv("RWKVC_VALIDATE")) : NULL;
	setenv("RWKVC_VALIDATE", "0", 1);
	int rc_list = test_run("test-ops --list --filter 'wkv7 H=3'");
	char *listed = strdup(test_out);
	int rc = test_run("test-ops --filter 'last_row W=128 act=f32 T=3'");
	if (validate)
		setenv("RWKVC_VALIDATE", validate, 1);
	free(validate);
	assert_int_equal(rc_list, 0);
	test_assert_contains("stdout", listed, "wkv7 H=3 N=64 act=f32 in-place T=8 [no-subgroups]\n");
	free(listed);
	assert_int_equal(rc, 0);
	test_assert_contains("stdout", test_out, "ok   last_row W=128 act=f32 T=3");
	test_assert_contains("stdout", test_out, "1 runs, 0 failed");
	assert_int_equal(test_run("test-ops --filter no-such-kernel"), 1);
	test_assert_contains("stderr", test_err, "rwkvc test-ops: no run matches 'no-such-kernel' (see --list)");
	assert_int_equal(test_run("test-ops --reps -3"), 2);
	test_assert_contains("stderr", test_err, "--reps -3: between 1 and 1000");
}

int main(void)
{
	setenv("RWKVC_VALIDATE", "1", 0); /* validated unless the caller says otherwise */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elementwise_text),
		cmocka_unit_test(test_emit_errors),
		cmocka_unit_test(test_compile_error),
		cmocka_unit_test(test_bindings_and_grid),
		cmocka_unit_test(test_reference_matvec_chunk),
		cmocka_unit_test(test_reference_wkv7_in_place),
		cmocka_unit_test(test_reference_embedding),
		cmocka_unit_test(test_differential),
		cmocka_unit_test_teardown(test_cli, test_run_free),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
