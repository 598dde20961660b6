/* test_graph.c - the YAML loader, binding and expansion: the RWKV-7 graph builds, and
 * every kind of broken graph is refused with a message naming file, line and column. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "base/file.h"
#include "graph/builtin.h"
#include "graph/src.h"

/* A small valid graph; cases below break one thing in it. */
static const char *tiny_graph =
	"format: 1\n"                                   /* 1 */
	"symbols: {T: tokens, V: vocab, C: width, L: layers}\n"
	"presets: {tiny: {V: 16, C: 8, L: 2}}\n"
	"inputs: {tokens: {shape: [T], dtype: i32}}\n"
	"constants: {one: 1.0}\n"                       /* 5 */
	"weights: {emb: [V, C], head: [V, C]}\n"
	"prologue:\n"
	"  - x = embedding(tokens, emb)\n"
	"layers:\n"
	"  count: L\n"                                  /* 10 */
	"  carry: {x: .out}\n"
	"  weights: {.w: [C, C], .g: [1, 1, C]}\n"
	"  ops:\n"
	"    - .h = linear(x, .w)\n"
	"    - .out = lerp(x, .h, .g)\n"                /* 15 */
	"epilogue:\n"
	"  - logits = linear(x, head)\n"
	"outputs: [logits]\n";

/* tiny_graph with the first occurrence of `from` replaced by `to`. */
static char *patched(const char *from, const char *to)
{
	static char buf[4096];
	const char *at = strstr(tiny_graph, from);
	assert_non_null(at);
	size_t head = (size_t)(at - tiny_graph);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)head, tiny_graph, to, at + strlen(from));
	return buf;
}

/* Parses, binds the 'tiny' preset and builds; returns the status, message in *e. */
static enum rwkvc_status build_text(const char *text, struct err *e, struct graph *g)
{
	struct graph_src *src;
	err_clear(e);
	enum rwkvc_status st = graph_src_parse(e, text, strlen(text), "t.yaml", &src);
	if (st)
		return st;
	st = graph_src_bind_preset(e, src, "tiny");
	if (!st)
		st = graph_build(e, src, g);
	graph_src_destroy(src);
	return st;
}

static void expect_error(const char *text, enum rwkvc_status status, const char *msg_part)
{
	struct err e;
	struct graph g;
	enum rwkvc_status st = build_text(text, &e, &g);
	if (st == RWKVC_STATUS_OK)
		graph_destroy(&g);
	if (st != status || !strstr(e.msg, msg_part))
		fail_msg("expected status %d with \"%s\", got %d: %s", status, msg_part, st, e.msg);
	print_message("    refused: %s\n", e.msg);
}

static void test_tiny_graph_builds(void **state)
{
	(void)state;
	struct err e;
	struct graph g;
	assert_int_equal(build_text(tiny_graph, &e, &g), 0);
	assert_int_equal(g.n_layers, 2);
	assert_int_equal(g.n_ops, 1 + 2 * 2 + 1);
	int32_t h1 = graph_find(&g, "blocks.1.h");
	assert_true(h1 >= 0);
	/* layer 1 reads layer 0's output through the carried name */
	const struct op *op = &g.ops[g.tensors[h1].producer];
	assert_string_equal(g.tensors[op->in[0]].name, "blocks.0.out");
	char s[64];
	assert_string_equal(shape_str(&g, &g.tensors[graph_find(&g, "logits")].shape, s, sizeof s), "[T, 16]");
	graph_destroy(&g);
}

static void test_out_of_order_lines_are_sorted(void **state)
{
	(void)state;
	/* an op may use a name defined further down; order comes from the data flow */
	char *text = patched("    - .h = linear(x, .w)\n    - .out = lerp(x, .h, .g)\n",
			     "    - .out = lerp(x, .h, .g)\n    - .h = linear(x, .w)\n");
	struct err e;
	struct graph g;
	assert_int_equal(build_text(text, &e, &g), 0);
	int32_t h = graph_find(&g, "blocks.0.h"), out = graph_find(&g, "blocks.0.out");
	assert_true(g.tensors[h].producer < g.tensors[out].producer);
	graph_destroy(&g);
}

static void test_rwkv7_builds_for_every_preset(void **state)
{
	(void)state;
	const char *presets[] = { "0.1b", "0.4b", "1.5b", "2.9b", "7.2b" };
	for (size_t i = 0; i < 5; i++) {
		struct err e = { 0 };
		struct graph_src *src;
		struct graph g;
		assert_int_equal(graph_src_load(&e, test_root_path("models/rwkv7.yaml"), &src), 0);
		assert_int_equal(graph_src_bind_preset(&e, src, presets[i]), 0);
		if (graph_build(&e, src, &g))
			fail_msg("%s: %s", presets[i], e.msg);
		int32_t L = g.n_layers;
		assert_true(L >= 12);
		/* 44 ops in layer 0, 48 in each later layer (value residual), 2 in the prologue, 2 in the epilogue */
		assert_int_equal(g.n_ops, 2 + 44 + 48 * (L - 1) + 2);
		assert_int_equal(g.n_states, 3);
		assert_true(graph_find(&g, "blocks.0.att.v0") >= 0);
		assert_false(g.tensors[graph_find(&g, "blocks.0.att.v0")].used); /* layer 0 has no value residual */
		assert_true(g.tensors[graph_find(&g, "blocks.1.att.v0")].used);
		graph_destroy(&g);
		graph_src_destroy(src);
	}
}

static void test_builtin_equals_models_file(void **state)
{
	(void)state;
	char *text;
	size_t len, blen;
	struct err e = { 0 };
	assert_int_equal(file_read_all(&e, test_root_path("models/rwkv7.yaml"), &text, &len), 0);
	const char *b = builtin_rwkv7_yaml(&blen);
	assert_int_equal(len, blen);
	assert_memory_equal(text, b, len);
	mem_free(text);
}

static void test_unknown_op(void **state)
{
	(void)state;
	expect_error(patched("linear(x, .w)", "lineaar(x, .w)"), RWKVC_STATUS_BAD_GRAPH,
		     "t.yaml:14:12: unknown op 'lineaar'");
}

static void test_unknown_tensor(void **state)
{
	(void)state;
	expect_error(patched("lerp(x, .h, .g)", "lerp(x, .hh, .g)"), RWKVC_STATUS_BAD_GRAPH,
		     "t.yaml:15:22: unknown tensor name 'blocks.0.hh' (written '.hh')");
}

static void test_duplicate_tensor(void **state)
{
	(void)state;
	expect_error(patched("    - .out = lerp", "    - .h = lerp"), RWKVC_STATUS_BAD_GRAPH,
		     "t.yaml:15:7: duplicate tensor name 'blocks.0.h' (first defined at t.yaml:14:7)");
}

static void test_wrong_arity(void **state)
{
	(void)state;
	expect_error(patched("lerp(x, .h, .g)", "lerp(x, .h)"), RWKVC_STATUS_BAD_GRAPH,
		     "t.yaml:15:14: op 'lerp' takes 3 inputs, found 2");
	expect_error(patched(".h = linear", ".h, .h2 = linear"), RWKVC_STATUS_BAD_GRAPH,
		     "op 'linear' has 1 output, found 2");
}

static void test_cycle(void **state)
{
	(void)state;
	expect_error(patched("linear(x, .w)", "linear(.out, .w)"), RWKVC_STATUS_BAD_GRAPH,
		     "t.yaml:14:7: cycle in the graph: blocks.0.h -> blocks.0.out -> blocks.0.h");
}

static void test_shape_mismatch_after_binding(void **state)
{
	(void)state;
	/* .w is declared [C, V]: fine to parse, wrong once C = 8 and V = 16 */
	expect_error(patched(".w: [C, C]", ".w: [C, V]"), RWKVC_STATUS_BAD_SHAPE,
		     "t.yaml:14:7: linear 'blocks.0.h': input 'x' is [T, 8] but weight 'blocks.0.w' is [8, 16]");
}

static void test_param_errors(void **state)
{
	(void)state;
	expect_error(patched("linear(x, .w)", "linear(x, .w, eps=1)"), RWKVC_STATUS_BAD_GRAPH,
		     "op 'linear' has no parameter 'eps'");
	expect_error(patched("    - .h = linear(x, .w)", "    - .h = l2_norm(x, eps=1e-12)"), RWKVC_STATUS_BAD_GRAPH,
		     "op 'l2_norm' needs parameter 'group'");
	expect_error(patched("    - .h = linear(x, .w)", "    - .h = l2_norm(x, group=3, eps=1e-12)"),
		     RWKVC_STATUS_BAD_SHAPE, "group=3 does not divide the width 8");
}

static void test_yaml_and_section_errors(void **state)
{
	(void)state;
	expect_error(patched("outputs: [logits]", "outputs: [logits"), RWKVC_STATUS_BAD_GRAPH, "YAML syntax error");
	expect_error(patched("format: 1", "format: 2"), RWKVC_STATUS_BAD_GRAPH, "t.yaml:1:9: unsupported graph format 2");
	expect_error(patched("epilogue:", "epilog:"), RWKVC_STATUS_BAD_GRAPH, "t.yaml:16:1: unknown section 'epilog'");
	expect_error(patched("emb: [V, C]", "emb: [V, X]"), RWKVC_STATUS_BAD_GRAPH,
		     "t.yaml:6:20: unknown symbol 'X'");
	expect_error(patched("count: L", "count: L\n  when: 3"), RWKVC_STATUS_BAD_GRAPH, "unknown key 'when' in layers");
	expect_error(patched("  - x = embedding(tokens, emb)\n", "  - x = embedding(tokens, emb)\n  - y = copy(x) junk\n"),
		     RWKVC_STATUS_BAD_GRAPH, "t.yaml:9:17: unexpected text after ')'");
	expect_error(patched("    - .out = lerp(x, .h, .g)\n", "    - when: i >> 0\n      ops: [.out = lerp(x, .h, .g)]\n"),
		     RWKVC_STATUS_BAD_GRAPH, "bad condition 'i >> 0'");
	expect_error("", RWKVC_STATUS_BAD_GRAPH, "empty document");
	expect_error("- a\n- b\n", RWKVC_STATUS_BAD_GRAPH, "t.yaml:1:1: the document must be a mapping, found a list");
}

static void test_conditional_ops(void **state)
{
	(void)state;
	/* layer 0 copies, later layers mix: both define .out, each only where its condition holds */
	char *text = patched("    - .out = lerp(x, .h, .g)\n",
			     "    - when: i == 0\n      ops: [.out = copy(.h)]\n"
			     "    - when: i > 0\n      ops:\n        - .out = lerp(x, blocks.0.h, .g)\n");
	struct err e;
	struct graph g;
	if (build_text(text, &e, &g))
		fail_msg("%s", e.msg);
	assert_int_equal(g.ops[g.tensors[graph_find(&g, "blocks.0.out")].producer].kind, OP_COPY);
	const struct op *mix = &g.ops[g.tensors[graph_find(&g, "blocks.1.out")].producer];
	assert_int_equal(mix->kind, OP_LERP);
	assert_string_equal(g.tensors[mix->in[1]].name, "blocks.0.h");
	assert_false(g.tensors[graph_find(&g, "blocks.0.g")].used);
	graph_destroy(&g);
}

static void test_bind_from_weight_shapes(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct graph_src *src;
	assert_int_equal(graph_src_parse(&e, tiny_graph, strlen(tiny_graph), "t.yaml", &src), 0);
	struct bind_tensor w[] = {
		{ "emb", 2, { 50, 12 } }, { "head", 2, { 50, 12 } },    { "blocks.0.w", 2, { 12, 12 } },
		{ "blocks.0.g", 3, { 1, 1, 12 } }, { "blocks.1.w", 2, { 12, 12 } }, { "blocks.1.g", 1, { 12 } },
		{ "blocks.2.w", 2, { 12, 12 } }, { "blocks.2.g", 3, { 1, 1, 12 } },
	};
	assert_int_equal(graph_src_bind_weights(&e, src, w, 8, "m.safetensors"), 0);
	struct graph g;
	assert_int_equal(graph_build(&e, src, &g), 0);
	assert_int_equal(g.n_layers, 3);
	assert_int_equal(g.syms[graph_find_symbol(&g, "C")].value, 12);
	assert_int_equal(g.syms[graph_find_symbol(&g, "V")].value, 50);
	graph_destroy(&g);
	graph_src_destroy(src);

	/* a file whose shapes contradict each other is refused, naming both sources */
	assert_int_equal(graph_src_parse(&e, tiny_graph, strlen(tiny_graph), "t.yaml", &src), 0);
	w[4].shape[1] = 13;
	assert_int_equal(graph_src_bind_weights(&e, src, w, 8, "m.safetensors"), RWKVC_STATUS_BAD_SHAPE);
	assert_non_null(strstr(e.msg, "m.safetensors: tensor 'blocks.1.w' has shape [12, 13], but the graph "
				      "(t.yaml:12:13) declares [C, C]; C = 12 from 'emb' in m.safetensors"));
	graph_src_destroy(src);
	/* duplicated names in the file */
	assert_int_equal(graph_src_parse(&e, tiny_graph, strlen(tiny_graph), "t.yaml", &src), 0);
	w[1].name = "emb";
	assert_int_equal(graph_src_bind_weights(&e, src, w, 8, "m.safetensors"), RWKVC_STATUS_BAD_FORMAT);
	assert_non_null(strstr(e.msg, "tensor 'emb' appears twice"));
	graph_src_destroy(src);
}

static void test_unknown_preset(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct graph_src *src;
	assert_int_equal(graph_src_load(&e, NULL, &src), 0);
	assert_int_equal(graph_src_bind_preset(&e, src, "3b"), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "unknown preset '3b' (<builtin>/rwkv7.yaml has: 0.1b, 0.4b, 1.5b, 2.9b, 7.2b)"));
	graph_src_destroy(src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tiny_graph_builds),
		cmocka_unit_test(test_out_of_order_lines_are_sorted),
		cmocka_unit_test(test_rwkv7_builds_for_every_preset),
		cmocka_unit_test(test_builtin_equals_models_file),
		cmocka_unit_test(test_unknown_op),
		cmocka_unit_test(test_unknown_tensor),
		cmocka_unit_test(test_duplicate_tensor),
		cmocka_unit_test(test_wrong_arity),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_shape_mismatch_after_binding),
		cmocka_unit_test(test_param_errors),
		cmocka_unit_test(test_yaml_and_section_errors),
		cmocka_unit_test(test_conditional_ops),
		cmocka_unit_test(test_bind_from_weight_shapes),
		cmocka_unit_test(test_unknown_preset),
	};
	return cmocka_run_group_tests_name("graph", tests, NULL, NULL);
}
