/*
 * test_plan_file.c - plan files: a round trip keeps every field, every kind
 * of bad file is refused with a message that says what (bad magic, other
 * format or rwkvc version, truncation, checksum, sections and counts past
 * their end, names the graph lacks), random damage and failed allocations
 * never crash, and a model runs from a plan (CPU here; Vulkan in
 * test_plan_run.c), refusing weights of other sizes.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "base/fault.h"
#include "base/file.h"
#include "graph/builtin.h"
#include "passes/plan_file.h"
#include "rwkvc.h"
#include "runtime/plan_code.h"

/* A small RWKV-7: two layers of 128 channels in two heads. */
static const char *small_names[] = { "L", "C", "H", "N", "F", "V", "Dw", "Da", "Dv", "Dg" };
static const int64_t small_values[] = { 2, 128, 2, 64, 512, 96, 32, 32, 32, 32 };

/* A plan of the built-in graph at the small sizes; with `code`, GLSL and
 * SPIR-V for the generic target. */
static void make_plan(bool code, struct plan_file *pf)
{
	struct err e = { 0 };
	plan_file_init(pf);
	size_t len;
	const char *yaml = builtin_rwkv7_yaml(&len);
	if (plan_file_set_graph(&e, pf, yaml, len, BUILTIN_RWKV7_NAME, small_names, small_values, 10))
		fail_msg("%s", e.msg);
	struct pipeline_options o = pipeline_options_default();
	o.act = DTYPE_F16;
	o.t_max = 5;
	if (plan_file_compile(&e, pf, &o, NULL, NULL))
		fail_msg("%s", e.msg);
	if (code) {
		struct codegen_target t = plan_code_generic_target();
		if (plan_code_emit(&e, &pf->plan, &t, &pf->code) || plan_code_compile(&e, &pf->code))
			fail_msg("%s", e.msg);
	}
}

static void serialize(const struct plan_file *pf, struct strbuf *b, struct err *e)
{
	strbuf_init(b, e);
	if (plan_file_serialize(e, pf, b))
		fail_msg("%s", e->msg);
}

static void check_same_plan(const struct plan *a, const struct plan *b)
{
	const struct graph *ga = a->g, *gb = b->g;
	assert_int_equal(a->n_kernels, b->n_kernels);
	assert_int_equal(a->n_ops, b->n_ops);
	assert_int_equal(a->t_max, b->t_max);
	assert_int_equal(a->act, b->act);
	assert_int_equal(a->weight, b->weight);
	for (int32_t k = 0; k < a->n_kernels; k++) {
		const struct plan_kernel *ka = &a->kernels[k], *kb = &b->kernels[k];
		assert_memory_equal(&ka->desc, &kb->desc, sizeof ka->desc);
		assert_int_equal(ka->n_bind, kb->n_bind);
		for (int i = 0; i < ka->n_bind; i++)
			assert_string_equal(ga->tensors[ka->bind[i]].name, gb->tensors[kb->bind[i]].name);
		assert_int_equal(ka->first_op, kb->first_op);
		assert_int_equal(ka->n_ops, kb->n_ops);
		assert_int_equal(ka->barrier_before, kb->barrier_before);
		assert_int_equal(ka->layer, kb->layer);
	}
	for (int32_t i = 0; i < a->n_ops; i++)
		assert_string_equal(ga->tensors[ga->ops[a->op_order[i]].out[0]].name,
				    gb->tensors[gb->ops[b->op_order[i]].out[0]].name);
	assert_int_equal(ga->n_tensors, gb->n_tensors);
	for (int32_t t = 0; t < ga->n_tensors; t++) {
		int32_t u = graph_find(gb, ga->tensors[t].name);
		assert_true(u >= 0);
		const struct plan_place *pa = &a->place[t], *pb = &b->place[u];
		assert_int_equal(pa->kind, pb->kind);
		assert_int_equal(pa->offset, pb->offset);
		assert_int_equal(pa->bytes, pb->bytes);
		assert_int_equal(pa->dtype, pb->dtype);
		assert_int_equal(pa->transposed, pb->transposed);
		assert_int_equal(pa->first, pb->first);
		assert_int_equal(pa->last, pb->last);
		assert_int_equal(pa->alias < 0, pb->alias < 0);
		if (pa->alias >= 0)
			assert_string_equal(ga->tensors[pa->alias].name, gb->tensors[pb->alias].name);
	}
	assert_int_equal(a->n_copies, b->n_copies);
	for (int32_t c = 0; c < a->n_copies; c++) {
		assert_string_equal(ga->tensors[a->copies[c].from].name, gb->tensors[b->copies[c].from].name);
		assert_string_equal(ga->tensors[a->copies[c].to].name, gb->tensors[b->copies[c].to].name);
	}
	assert_int_equal(a->weight_bytes, b->weight_bytes);
	assert_int_equal(a->act_bytes, b->act_bytes);
	assert_int_equal(a->act_bytes_naive, b->act_bytes_naive);
	assert_int_equal(a->state_bytes, b->state_bytes);
}

static void test_round_trip_keeps_everything(void **state)
{
	(void)state;
	struct plan_file pf, back;
	make_plan(true, &pf);
	assert_true(pf.code.n_blobs > 0 && pf.code.n_blobs < pf.plan.n_kernels);
	struct err e = { 0 };
	struct strbuf b;
	serialize(&pf, &b, &e);
	if (plan_file_parse(&e, b.data, b.len, "t.plan", 0, &back))
		fail_msg("%s", e.msg);
	check_same_plan(&pf.plan, &back.plan);
	assert_string_equal(back.made_by, PLAN_RWKVC_VERSION);
	assert_string_equal(back.model, "rwkv7");
	assert_int_equal(back.yaml_len, pf.yaml_len);
	assert_memory_equal(back.yaml, pf.yaml, pf.yaml_len);
	assert_int_equal(back.n_syms, 10);
	assert_memory_equal(&back.opts.pass_on, &pf.opts.pass_on, sizeof pf.opts.pass_on);
	assert_memory_equal(&back.opts.fuse, &pf.opts.fuse, sizeof pf.opts.fuse);
	assert_int_equal(back.opts.align, pf.opts.align);
	assert_true(back.code.has_target && codegen_target_same(&back.code.target, &pf.code.target));
	assert_int_equal(back.code.n_blobs, pf.code.n_blobs);
	for (int32_t i = 0; i < pf.code.n_blobs; i++) {
		assert_string_equal(back.code.blobs[i].glsl, pf.code.blobs[i].glsl);
		assert_int_equal(back.code.blobs[i].n_words, pf.code.blobs[i].n_words);
		assert_true(pf.code.blobs[i].n_words > 5);
		assert_memory_equal(back.code.blobs[i].words, pf.code.blobs[i].words, pf.code.blobs[i].n_words * 4);
	}
	assert_memory_equal(back.code.kernel_blob, pf.code.kernel_blob, (size_t)pf.plan.n_kernels * sizeof(int32_t));
	/* and written again, byte for byte the same file */
	struct strbuf b2;
	serialize(&back, &b2, &e);
	assert_int_equal(b2.len, b.len);
	assert_memory_equal(b2.data, b.data, b.len);
	strbuf_free(&b);
	strbuf_free(&b2);
	plan_file_destroy(&back);
	plan_file_destroy(&pf);
}

/* ---- bad files ---- */

struct bytes {
	uint8_t *d;
	size_t n;
};

static struct bytes good_bytes(bool code)
{
	struct plan_file pf;
	make_plan(code, &pf);
	struct err e = { 0 };
	struct strbuf b;
	serialize(&pf, &b, &e);
	plan_file_destroy(&pf);
	struct bytes r = { malloc(b.len), b.len };
	memcpy(r.d, b.data, b.len);
	strbuf_free(&b);
	return r;
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static void put64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* After editing, a valid checksum again (so the check under test is reached). */
static void reseal(struct bytes *b) { put64(b->d + b->n - 8, XXH64(b->d, b->n - 8, 0)); }

/* Offset of a section's tag. */
static size_t section(const struct bytes *b, const char *tag)
{
	size_t at = 20;
	uint32_t vlen = b->d[at] | b->d[at + 1] << 8 | b->d[at + 2] << 16 | (uint32_t)b->d[at + 3] << 24;
	at += 4 + vlen + 4;
	while (at + 12 <= b->n) {
		if (memcmp(b->d + at, tag, 4) == 0)
			return at;
		at += 12 + get64(b->d + at + 4);
	}
	fail_msg("no section %s", tag);
	return 0;
}

static void expect(const struct bytes *b, enum rwkvc_status status, const char *msg1, const char *msg2)
{
	struct err e = { 0 };
	struct plan_file pf;
	enum rwkvc_status st = plan_file_parse(&e, b->d, b->n, "t.plan", 0, &pf);
	if (st != status || !strstr(e.msg, msg1) || (msg2 && !strstr(e.msg, msg2)))
		fail_msg("expected status %d with '%s'%s%s, got %d: %s", status, msg1, msg2 ? " and " : "", msg2 ? msg2 : "", st,
			 e.msg);
	assert_int_equal(pf.plan.n_kernels, 0); /* left empty */
	plan_file_destroy(&pf);
}

static void test_refuses_bad_magic_versions_and_damage(void **state)
{
	(void)state;
	struct bytes good = good_bytes(true), b = { malloc(good.n + 1), good.n };
#define FRESH() memcpy(b.d, good.d, good.n), b.n = good.n
	FRESH();
	b.d[0] ^= 0x20;
	expect(&b, RWKVC_STATUS_BAD_FORMAT, "t.plan: not an rwkvc plan file", NULL);
	FRESH();
	b.n = 0;
	expect(&b, RWKVC_STATUS_BAD_FORMAT, "t.plan: empty, not a plan file", NULL);
	FRESH();
	put32(b.d + 8, PLAN_FILE_FORMAT + 1);
	expect(&b, RWKVC_STATUS_UNSUPPORTED, "plan file format", "reads format");
	FRESH();
	memcpy(b.d + 24, "9.9.9", 5); /* the version string after its length */
	reseal(&b);
	expect(&b, RWKVC_STATUS_UNSUPPORTED, "made by rwkvc 9.9.9", "this is rwkvc " PLAN_RWKVC_VERSION);
	/* truncated anywhere: in the header, in a section, just before the checksum */
	size_t cuts[] = { 5, 12, 30, good.n / 2, good.n - 1 };
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		FRESH();
		b.n = cuts[i];
		expect(&b, RWKVC_STATUS_BAD_FORMAT, "truncated", NULL);
	}
	FRESH();
	b.d[b.n] = 0;
	b.n++;
	expect(&b, RWKVC_STATUS_BAD_FORMAT, "data after the end", NULL);
	FRESH();
	b.d[section(&b, "KERN") + 40] ^= 1;
	expect(&b, RWKVC_STATUS_BAD_FORMAT, "checksum mismatch", "damaged");
	/* a section longer than what is left of the file */
	FRESH();
	put64(b.d + section(&b, "BUFS") + 4, 1ull << 40);
	reseal(&b);
	expect(&b, RWKVC_STATUS_BAD_FORMAT, "section 'BUFS' says 1099511627776 bytes", "remain");
	/* a count longer than what is left of its section */
	FRESH();
	put32(b.d + section(&b, "KERN") + 12, 0x00ffffff);
	reseal(&b);
	expect(&b, RWKVC_STATUS_BAD_FORMAT, "section 'KERN'", "kernels run past the end of the section");
	FRESH();
	put32(b.d + section(&b, "COPY") + 12, 0x7fffffff);
	reseal(&b);
	expect(&b, RWKVC_STATUS_BAD_FORMAT, "section 'COPY'", "state copies");
	/* a section out of place */
	FRESH();
	memcpy(b.d + section(&b, "COPY"), "CXPY", 4);
	reseal(&b);
	expect(&b, RWKVC_STATUS_BAD_FORMAT, "section 3 is 'CXPY'; 'COPY' expected", NULL);
#undef FRESH
	free(b.d);
	free(good.d);
}

static char *replace_all(const char *s, const char *from, const char *to)
{
	size_t n = 0;
	for (const char *p = strstr(s, from); p; p = strstr(p + 1, from))
		n++;
	char *out = malloc(strlen(s) + n * strlen(to) + 1), *w = out;
	for (const char *p = s;;) {
		const char *q = strstr(p, from);
		if (!q) {
			strcpy(w, p);
			break;
		}
		memcpy(w, p, (size_t)(q - p));
		w += q - p;
		strcpy(w, to);
		w += strlen(to);
		p = q + strlen(from);
	}
	return out;
}

static void test_refuses_names_the_graph_lacks(void **state)
{
	(void)state;
	struct plan_file pf;
	make_plan(false, &pf);
	/* the plan names blocks.0.ffn.hidden; the stored graph calls it something else */
	char *yaml = replace_all(pf.yaml, ".ffn.hidden", ".ffn.hid");
	pf.yaml = yaml;
	pf.yaml_len = strlen(yaml);
	struct err e = { 0 };
	struct strbuf b;
	serialize(&pf, &b, &e);
	struct bytes bb = { (uint8_t *)b.data, b.len };
	expect(&bb, RWKVC_STATUS_BAD_FORMAT, "section 'KERN'",
	       "names tensor 'blocks.0.ffn.hidden', which the plan's graph does not have");
	strbuf_free(&b);
	/* a stored graph that does not build at all */
	pf.yaml = "format: 1\nname: [\n";
	pf.yaml_len = strlen(pf.yaml);
	serialize(&pf, &b, &e);
	bb = (struct bytes){ (uint8_t *)b.data, b.len };
	expect(&bb, RWKVC_STATUS_BAD_GRAPH, "t.plan: the plan's graph", NULL);
	strbuf_free(&b);
	free(yaml);
	pf.yaml = NULL;
	plan_file_destroy(&pf);
}

/* A weight stored as a type its size cannot have (Q4_K needs blocks of 256):
 * refused by the reader, not left for the runtime to size as 0 bytes. */
static void test_refuses_weights_of_impossible_types(void **state)
{
	(void)state;
	struct plan_file pf;
	make_plan(false, &pf);
	int32_t t = graph_find(&pf.graph, "blocks.0.att.x_r");
	assert_true(t >= 0);
	assert_int_equal(pf.plan.place[t].kind, PLACE_WEIGHT);
	pf.plan.place[t].dtype = DTYPE_Q4_K;
	struct err e = { 0 };
	struct strbuf b;
	serialize(&pf, &b, &e);
	struct bytes bb = { (uint8_t *)b.data, b.len };
	expect(&bb, RWKVC_STATUS_BAD_FORMAT, "weight 'blocks.0.att.x_r' of ", "cannot be stored as q4_k in ");
	strbuf_free(&b);
	plan_file_destroy(&pf);
}

/* Random damage (past the checksum, which would catch it) never crashes the
 * reader. Without code: GLSL text and SPIR-V words are not checked, so damage
 * there would mostly go unnoticed and tell nothing about the parsers. */
static void test_random_damage_is_refused_cleanly(void **state)
{
	(void)state;
	struct bytes good = good_bytes(false);
	uint8_t *d = malloc(good.n);
	uint64_t s = 0x9e3779b97f4a7c15ull;
	int refused = 0, n_runs = 400;
	for (int run = 0; run < n_runs; run++) {
		memcpy(d, good.d, good.n);
		size_t n = good.n;
		int edits = 1 + run % 4;
		for (int k = 0; k < edits; k++) {
			s = s * 6364136223846793005ull + 1442695040888963407ull;
			size_t at = 20 + (size_t)(s >> 33) % (good.n - 28); /* the body: the frame is checked above */
			d[at] = (uint8_t)(s >> 17);
		}
		struct err e = { 0 };
		struct plan_file pf;
		enum rwkvc_status st = plan_file_parse(&e, d, n, "t.plan", PLAN_PARSE_NO_CHECKSUM, &pf);
		if (st) {
			refused++;
			assert_true(strlen(e.msg) > 10);
		}
		plan_file_destroy(&pf);
	}
	print_message("    %d of %d damaged plans refused (the rest changed only values)\n", refused, n_runs);
	assert_true(refused > n_runs / 4);
	free(d);
	free(good.d);
}

/* Every allocation the reader makes may fail: it then says so and leaks nothing. */
static void test_allocation_failures(void **state)
{
	(void)state;
	struct bytes good = good_bytes(true);
	int n;
	for (n = 1; n < 20000; n++) {
		struct err e = { 0 };
		struct plan_file pf;
		fault_alloc_arm(n);
		enum rwkvc_status st = plan_file_parse(&e, good.d, good.n, "t.plan", 0, &pf);
		fault_alloc_arm(0);
		plan_file_destroy(&pf);
		if (!st)
			break;
		if (st != RWKVC_STATUS_NO_MEMORY)
			fail_msg("allocation %d failed, the reader said: %s", n, e.msg);
	}
	print_message("    the reader survives each of its %d allocations failing\n", n - 1);
	assert_true(n > 10 && n < 20000);
	free(good.d);
}

/* ---- the public API ---- */

static void write_model(const char *path, int embd, uint64_t seed)
{
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	struct rwkvc_random_model spec;
	memset(&spec, 0, sizeof spec);
	spec.n_layer = 2;
	spec.n_embd = embd;
	spec.vocab = 80;
	spec.seed = seed;
	if (rwkvc_random_model_write(ctx, &spec, path))
		fail_msg("%s", rwkvc_errmsg(ctx));
	rwkvc_ctx_destroy(ctx);
}

static void test_quant_is_recorded_or_refused(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	struct rwkvc_plan_options o = rwkvc_plan_options_default();
	o.preset = "0.1b";
	o.target = "none";
	o.quant = "q6_k";
	rwkvc_plan_t *p;
	assert_int_equal(rwkvc_plan_compile(ctx, &o, &p), RWKVC_STATUS_UNSUPPORTED);
	assert_non_null(strstr(rwkvc_errmsg(ctx), "weights are not converted to q6_k on load"));
	assert_null(p);
	o.quant = "q9";
	assert_int_equal(rwkvc_plan_compile(ctx, &o, &p), RWKVC_STATUS_BAD_ARGUMENT);
	o.quant = "f16";
	assert_int_equal(rwkvc_plan_compile(ctx, &o, &p), 0);
	const char *path = test_tmp_path("q.plan");
	assert_int_equal(rwkvc_plan_save(p, path), 0);
	rwkvc_plan_destroy(p);
	assert_int_equal(rwkvc_plan_load(ctx, path, &p), 0);
	char *text;
	assert_int_equal(rwkvc_plan_dump(p, "text", &text), 0);
	assert_non_null(strstr(text, "quant    f16\n"));
	/* the default stays f32; the matrices are f16 (docs/quantisation.md) */
	assert_non_null(strstr(text, "activations f32, weights f32"));
	assert_non_null(strstr(text, "blocks.3.att.key.weight [768, 768] f16"));
	assert_non_null(strstr(text, "blocks.3.att.w1 [768, 64] f32"));
	rwkvc_free(text);
	/* a plan without code has no GLSL to show */
	assert_int_equal(rwkvc_plan_dump(p, "glsl", &text), RWKVC_STATUS_UNSUPPORTED);
	assert_int_equal(rwkvc_plan_dump(p, "xml", &text), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(rwkvc_errmsg(ctx), "unknown dump format 'xml'"));
	rwkvc_plan_destroy(p);
	/* both or neither of preset and weights */
	o.weights_path = "m.safetensors";
	assert_int_equal(rwkvc_plan_compile(ctx, &o, &p), RWKVC_STATUS_BAD_ARGUMENT);
	rwkvc_ctx_destroy(ctx);
}

static rwkvc_model_t *load_cpu(rwkvc_ctx_t *ctx, const char *weights, const char *plan)
{
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = weights;
	o.plan_path = plan;
	o.backend = RWKVC_BACKEND_CPU;
	rwkvc_model_t *m = NULL;
	rwkvc_model_load(ctx, &o, &m);
	return m;
}

static void test_model_runs_from_a_plan_and_checks_sizes(void **state)
{
	(void)state;
	char wa[512], wb[512], pa[512];
	snprintf(wa, sizeof wa, "%s", test_tmp_path("a.safetensors"));
	snprintf(wb, sizeof wb, "%s", test_tmp_path("b.safetensors"));
	snprintf(pa, sizeof pa, "%s", test_tmp_path("a.plan"));
	write_model(wa, 128, 7);
	write_model(wb, 192, 8);
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	struct rwkvc_plan_options o = rwkvc_plan_options_default();
	o.weights_path = wa;
	o.target = "none";
	rwkvc_plan_t *p;
	if (rwkvc_plan_compile(ctx, &o, &p))
		fail_msg("%s", rwkvc_errmsg(ctx));
	assert_int_equal(rwkvc_plan_save(p, pa), 0);
	rwkvc_plan_destroy(p);
	/* weights of other sizes: refused, naming the symbol and both values */
	assert_null(load_cpu(ctx, wb, pa));
	assert_non_null(strstr(rwkvc_errmsg(ctx), "the weights have C = 192, but plan"));
	assert_non_null(strstr(rwkvc_errmsg(ctx), "compiled for C = 128"));
	/* a plan carries its graph: no second one */
	struct rwkvc_model_options mo = rwkvc_model_options_default();
	mo.weights_path = wa;
	mo.plan_path = pa;
	mo.graph_path = "models/rwkv7.yaml";
	rwkvc_model_t *m;
	assert_int_equal(rwkvc_model_load(ctx, &mo, &m), RWKVC_STATUS_BAD_ARGUMENT);
	/* the right weights: the plan's graph runs, as the graph compiled on load does */
	rwkvc_model_t *from_plan = load_cpu(ctx, wa, pa), *direct = load_cpu(ctx, wa, NULL);
	if (!from_plan || !direct)
		fail_msg("%s", rwkvc_errmsg(ctx));
	int32_t tokens[] = { 3, 41, 7, 79, 0, 12 };
	size_t V = 80, T = sizeof tokens / sizeof tokens[0];
	float *la = malloc(T * V * sizeof *la), *lb = malloc(T * V * sizeof *lb);
	test_poison(la, T * V);
	test_poison(lb, T * V);
	rwkvc_session_t *sa, *sb;
	assert_int_equal(rwkvc_session_create(from_plan, &sa), 0);
	assert_int_equal(rwkvc_session_create(direct, &sb), 0);
	assert_int_equal(rwkvc_session_eval(sa, tokens, T, RWKVC_EVAL_ALL, la), 0);
	assert_int_equal(rwkvc_session_eval(sb, tokens, T, RWKVC_EVAL_ALL, lb), 0);
	assert_memory_equal(la, lb, T * V * sizeof *la);
	assert_true(test_max_abs_err(la, lb, T * V) == 0 && la[0] == la[0]);
	free(la);
	free(lb);
	rwkvc_session_destroy(sa);
	rwkvc_session_destroy(sb);
	rwkvc_model_destroy(from_plan);
	rwkvc_model_destroy(direct);
	rwkvc_ctx_destroy(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_keeps_everything),
		cmocka_unit_test(test_refuses_bad_magic_versions_and_damage),
		cmocka_unit_test(test_refuses_names_the_graph_lacks),
		cmocka_unit_test(test_refuses_weights_of_impossible_types),
		cmocka_unit_test(test_random_damage_is_refused_cleanly),
		cmocka_unit_test(test_allocation_failures),
		cmocka_unit_test(test_quant_is_recorded_or_refused),
		cmocka_unit_test(test_model_runs_from_a_plan_and_checks_sizes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
