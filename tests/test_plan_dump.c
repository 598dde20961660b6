/*
 * test_plan_dump.c - `rwkvc dump` output: the golden files (the 2.9B preset's
 * text dump and its kernels' GLSL for the generic target; `make golden`
 * regenerates them), the totals in JSON and YAML (fused against unfused),
 * the DOT output through graphviz, and fields that must agree with each other.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/file.h"
#include "base/json.h"
#include "rwkvc.h"

/* The plans the golden files show (keep in step with `make golden` in the Makefile). */
static rwkvc_plan_t *compile(rwkvc_ctx_t *ctx, const char *preset, const char *target, const char *disable)
{
	struct rwkvc_plan_options o = rwkvc_plan_options_default();
	o.preset = preset;
	o.precision = RWKVC_PRECISION_F16;
	o.t_max = 16;
	o.target = target;
	o.disable = &disable;
	o.n_disable = disable ? 1 : 0;
	rwkvc_plan_t *p;
	if (rwkvc_plan_compile(ctx, &o, &p))
		fail_msg("%s", rwkvc_errmsg(ctx));
	return p;
}

static char *dump(rwkvc_plan_t *p, rwkvc_ctx_t *ctx, const char *format)
{
	char **text = malloc(sizeof *text); /* (through the heap: gcc misreads fail_msg's longjmp as a dangling local) */
	if (rwkvc_plan_dump(p, format, text))
		fail_msg("%s", rwkvc_errmsg(ctx));
	char *t = *text;
	free(text);
	return t;
}

/* Compares with a golden file; on a difference prints `diff -u` and fails. */
static void check_golden(const char *rel, const char *actual)
{
	char golden[1024];
	snprintf(golden, sizeof golden, "%s", test_root_path(rel));
	struct err e = { 0 };
	char *want = NULL;
	size_t len = 0;
	if (file_read_all(&e, golden, &want, &len))
		fail_msg("%s (run `make golden` to make it)", e.msg);
	if (len == strlen(actual) && memcmp(want, actual, len) == 0) {
		mem_free(want);
		return;
	}
	mem_free(want);
	char got[1024], cmd[2600];
	snprintf(got, sizeof got, "%s", test_tmp_path("golden.actual"));
	test_write_file(got, actual, strlen(actual));
	snprintf(cmd, sizeof cmd, "diff -u '%s' '%s' | head -n 120", golden, got);
	print_message("%s differs from what rwkvc makes now (first 120 lines of the diff):\n", rel);
	fflush(stdout);
	if (system(cmd) < 0)
		print_message("(could not run diff)\n");
	fail_msg("%s is out of date: if the change is intended, run `make golden` and commit the new file", rel);
}

static void test_golden_text_dump(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_plan_t *p = compile(ctx, "2.9b", "none", NULL);
	char *text = dump(p, ctx, "text");
	check_golden("tests/golden/rwkv7-2.9b.dump.txt", text);
	rwkvc_free(text);
	rwkvc_plan_destroy(p);
	rwkvc_ctx_destroy(ctx);
}

static void test_golden_glsl(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_plan_t *p = compile(ctx, "2.9b", "generic", NULL);
	char *text = dump(p, ctx, "glsl");
	assert_non_null(strstr(text, "subgroup 32 (arithmetic), f16 storage yes, f16 math yes, int8 storage yes, 48 KiB "
				     "shared, 1024 invocations"));
	check_golden("tests/golden/rwkv7-2.9b.glsl", text);
	rwkvc_free(text);
	rwkvc_plan_destroy(p);
	rwkvc_ctx_destroy(ctx);
}

/* ---- JSON and YAML ---- */

static int64_t json_int(const struct json_value *obj, const char *key)
{
	const struct json_value *v = json_get(obj, key);
	if (!v || v->type != JSON_NUMBER || !v->is_integer)
		fail_msg("'%s' is not an integer field", key);
	return v->integer;
}

static const struct json_value *parse_json(struct arena *a, const char *text)
{
	struct err e = { 0 };
	struct json_value *root;
	if (json_parse(&e, a, text, strlen(text), "dump", &root))
		fail_msg("the JSON dump does not parse: %s", e.msg);
	return root;
}

/* A scalar of a YAML mapping by key path ("totals", "dispatches_per_token"). */
static const char *yaml_at(yaml_document_t *doc, const char *k1, const char *k2)
{
	yaml_node_t *n = yaml_document_get_root_node(doc);
	const char *keys[] = { k1, k2 };
	for (int d = 0; d < 2; d++) {
		assert_true(n && n->type == YAML_MAPPING_NODE);
		yaml_node_t *next = NULL;
		for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top && !next; pr++) {
			yaml_node_t *k = yaml_document_get_node(doc, pr->key);
			if (k->type == YAML_SCALAR_NODE && strcmp((const char *)k->data.scalar.value, keys[d]) == 0)
				next = yaml_document_get_node(doc, pr->value);
		}
		if (!next)
			fail_msg("the YAML dump has no %s.%s", k1, k2);
		n = next;
	}
	assert_int_equal(n->type, YAML_SCALAR_NODE);
	return (const char *)n->data.scalar.value;
}

static void test_totals_fused_against_unfused(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_plan_t *fused = compile(ctx, "2.9b", "none", NULL), *unfused = compile(ctx, "2.9b", "none", "fuse");
	char *jf = dump(fused, ctx, "json"), *ju = dump(unfused, ctx, "json"), *yf = dump(fused, ctx, "yaml");
	struct arena a;
	arena_init(&a);
	const struct json_value *rf = parse_json(&a, jf), *ru = parse_json(&a, ju);
	const struct json_value *tf = json_get(rf, "totals"), *tu = json_get(ru, "totals");
	assert_non_null(tf);
	assert_non_null(tu);
	int64_t df = json_int(tf, "dispatches_per_token"), du = json_int(tu, "dispatches_per_token");
	int64_t bl = json_int(tf, "barriers_per_layer");
	print_message("    2.9B decode: fused %lld dispatches, %lld barriers (%lld per layer); unfused %lld dispatches, "
		      "%lld barriers\n", (long long)df, (long long)json_int(tf, "barriers_per_token"), (long long)bl,
		      (long long)du, (long long)json_int(tu, "barriers_per_token"));
	assert_true(2 * df <= du);
	assert_true(bl <= 8);
	assert_true(json_int(tf, "barriers_per_token") < json_int(tu, "barriers_per_token"));
	/* the same weights are read either way; fusion keeps activations out of memory */
	assert_int_equal(json_int(tf, "weight_bytes_per_token"), json_int(tu, "weight_bytes_per_token"));
	assert_true(json_int(tf, "activation_bytes_per_token") < json_int(tu, "activation_bytes_per_token"));
	assert_true(json_int(tf, "activation_bytes_planned") <= json_int(tf, "activation_bytes_naive"));
	assert_true(json_int(tf, "activation_bytes_planned") > 0);
	/* the arrays: one entry per dispatch, and the buffer map */
	const struct json_value *ks = json_get(rf, "kernels"), *bs = json_get(rf, "buffers");
	assert_true(ks && ks->type == JSON_ARRAY && (int64_t)ks->count == df);
	assert_true(bs && bs->type == JSON_ARRAY && bs->count > 100);
	/* decode reads every used weight once, the embedding table one row: the
	 * buffer map and the totals agree */
	int64_t weights = 0, emb = 0;
	for (size_t i = 0; i < bs->count; i++) {
		const struct json_value *b = bs->items[i];
		if (strcmp(json_get(b, "place")->string, "weight") != 0)
			continue;
		weights += json_int(b, "bytes");
		if (strcmp(json_get(b, "tensor")->string, "emb.weight") == 0)
			emb = json_int(b, "bytes");
	}
	assert_int_equal(json_int(tf, "weight_bytes_per_token"), weights - emb + 2560 * 2);
	/* the YAML says the same */
	yaml_parser_t parser;
	yaml_document_t doc;
	assert_true(yaml_parser_initialize(&parser));
	yaml_parser_set_input_string(&parser, (const unsigned char *)yf, strlen(yf));
	if (!yaml_parser_load(&parser, &doc))
		fail_msg("the YAML dump does not parse: %s at line %zu", parser.problem, parser.problem_mark.line + 1);
	assert_int_equal(atoll(yaml_at(&doc, "totals", "dispatches_per_token")), df);
	assert_int_equal(atoll(yaml_at(&doc, "totals", "barriers_per_layer")), bl);
	assert_string_equal(yaml_at(&doc, "symbols", "C"), "2560");
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	arena_destroy(&a);
	rwkvc_free(jf);
	rwkvc_free(ju);
	rwkvc_free(yf);
	rwkvc_plan_destroy(fused);
	rwkvc_plan_destroy(unfused);
	rwkvc_ctx_destroy(ctx);
}

static void test_text_dump_fields(void **state)
{
	(void)state;
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_plan_t *p = compile(ctx, "0.1b", "none", NULL);
	char *t = dump(p, ctx, "text");
	const char *want[] = {
		"model    rwkv7\n",
		"symbols  V=65536 C=768 H=12 N=64 F=3072 Dw=64 Da=64 Dv=32 Dg=128 L=12\n",
		"t_max    16\n",
		"dtypes   activations f16, weights f16\n",
		"passes   fuse(ew_chain,matvec,mix,head_region,matvec_set) lower memplan schedule\n",
		"kernels: 100 in dispatch order",
		("       ops  blocks.3.att.r = linear, blocks.3.att.k = linear, blocks.3.att.v = linear"),
		("       in   blocks.3.att.xr [T, 768] f16, blocks.3.att.receptance.weight [768, 768] f16, "),
		"blocks.3.att.wkv_in [12, 64, 64] f32 in-place",
		"  dispatches per token                 100  (per layer 8, 12 layers)\n",
		"  barriers per token                    99  (per layer 8)\n",
		"(in place of blocks.3.att.wkv_in)",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!strstr(t, want[i]))
			fail_msg("the text dump lacks \"%s\"", want[i]);
	/* every kernel has its ops line, and the kernel list ends where the buffer map starts */
	size_t ops = 0;
	const char *end = strstr(t, "\nbuffers: ");
	assert_non_null(end);
	for (const char *c = strstr(t, "\n       ops  "); c && c < end; c = strstr(c + 1, "\n       ops  "))
		ops++;
	assert_int_equal(ops, 100); /* one per kernel */
	rwkvc_free(t);
	rwkvc_plan_destroy(p);
	rwkvc_ctx_destroy(ctx);
}

/* ---- DOT ---- */

static void test_dot_renders(void **state)
{
	(void)state;
	if (system("command -v dot >/dev/null 2>&1") != 0) {
		print_message("\n    ******** SKIPPED: graphviz `dot` is not installed, so the DOT dump was NOT checked.\n"
			      "    ******** Install graphviz (`make deps` does) to run this test. ********\n\n");
		skip();
	}
	rwkvc_ctx_t *ctx;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	rwkvc_plan_t *p = compile(ctx, "0.1b", "none", NULL);
	char *d = dump(p, ctx, "dot");
	size_t clusters = 0;
	for (const char *c = strstr(d, "subgraph cluster_k"); c; c = strstr(c + 1, "subgraph cluster_k"))
		clusters++;
	assert_int_equal(clusters, 100); /* one cluster per kernel */
	char in[1024], out[1024], cmd[2200];
	snprintf(in, sizeof in, "%s", test_tmp_path("plan.dot"));
	snprintf(out, sizeof out, "%s", test_tmp_path("plan.svg"));
	test_write_file(in, d, strlen(d));
	snprintf(cmd, sizeof cmd, "dot -Tsvg '%s' -o '%s'", in, out);
	assert_int_equal(system(cmd), 0);
	struct err e = { 0 };
	char *svg;
	size_t len;
	assert_int_equal(file_read_all(&e, out, &svg, &len), 0);
	assert_non_null(strstr(svg, "<svg"));
	assert_non_null(strstr(svg, "blocks.11.att.wkv_y"));
	mem_free(svg);
	rwkvc_free(d);
	rwkvc_plan_destroy(p);
	rwkvc_ctx_destroy(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_text_dump),
		cmocka_unit_test(test_golden_glsl),
		cmocka_unit_test(test_totals_fused_against_unfused),
		cmocka_unit_test(test_text_dump_fields),
		cmocka_unit_test(test_dot_renders),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
