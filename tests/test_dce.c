/* test_dce.c - dead-op removal: ops that reach no output or state go, and the
 * weights only they read are no longer required from the weights file. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "graph/src.h"
#include "passes/dce.h"
#include "rwkvc.h"
#include "runtime/safetensors.h"

static const char *graph_text =
	"format: 1\n"
	"symbols: {T: tokens, V: vocab, C: width}\n"
	"presets: {tiny: {V: 16, C: 8}}\n"
	"inputs: {tokens: {shape: [T], dtype: i32}}\n"
	"weights: {emb: [V, C], head: [V, C], unused.w: [C, C], unused.b: [C]}\n"
	"prologue:\n"
	"  - x = embedding(tokens, emb)\n"
	"  - dead1 = linear(x, unused.w)\n"      /* read by dead2 only */
	"  - dead2 = add(dead1, unused.b)\n"     /* read by nothing */
	"epilogue:\n"
	"  - logits = linear(x, head)\n"
	"outputs: [logits]\n";

static void test_dead_ops_go(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct graph_src *src;
	struct graph g;
	assert_int_equal(graph_src_parse(&e, graph_text, strlen(graph_text), "d.yaml", &src), 0);
	assert_int_equal(graph_src_bind_preset(&e, src, "tiny"), 0);
	assert_int_equal(graph_build(&e, src, &g), 0);
	assert_int_equal(g.n_ops, 4);
	assert_true(g.tensors[graph_find(&g, "unused.w")].used);
	int32_t removed;
	assert_int_equal(pass_dce(&e, &g, &removed), 0);
	assert_int_equal(removed, 2);
	assert_int_equal(g.n_ops, 2);
	assert_false(g.tensors[graph_find(&g, "unused.w")].used);
	assert_false(g.tensors[graph_find(&g, "unused.b")].used);
	assert_true(g.tensors[graph_find(&g, "head")].used);
	/* producers point at the renumbered ops */
	int32_t logits = graph_find(&g, "logits");
	assert_int_equal(g.ops[g.tensors[logits].producer].out[0], logits);
	assert_int_equal(g.tensors[graph_find(&g, "dead2")].producer, -1);
	/* nothing more to remove */
	assert_int_equal(pass_dce(&e, &g, &removed), 0);
	assert_int_equal(removed, 0);
	graph_destroy(&g);
	graph_src_destroy(src);
}

/* A weights file without the dead ops' weights loads and runs. */
static void test_dead_weights_not_required(void **state)
{
	(void)state;
	char gpath[1024], wpath[1024];
	snprintf(gpath, sizeof gpath, "%s", test_tmp_path("dead.yaml"));
	snprintf(wpath, sizeof wpath, "%s", test_tmp_path("dead.safetensors"));
	test_write_file(gpath, graph_text, strlen(graph_text));
	float emb[16 * 8], head[16 * 8];
	test_fill_random(emb, 16 * 8, 1, -1, 1);
	test_fill_random(head, 16 * 8, 2, -1, 1);
	struct weight_tensor d[2] = { { "emb", DTYPE_F32, 2, { 16, 8 }, NULL, sizeof emb },
				      { "head", DTYPE_F32, 2, { 16, 8 }, NULL, sizeof head } };
	struct err e = { 0 };
	struct safetensors_writer *w;
	assert_int_equal(safetensors_writer_begin(&e, wpath, d, 2, NULL, NULL, 0, &w), 0);
	assert_int_equal(safetensors_writer_put(&e, w, 0, emb, sizeof emb), 0);
	assert_int_equal(safetensors_writer_put(&e, w, 1, head, sizeof head), 0);
	assert_int_equal(safetensors_writer_commit(&e, w), 0);
	rwkvc_ctx_t *ctx;
	rwkvc_model_t *m;
	rwkvc_session_t *s;
	assert_int_equal(rwkvc_ctx_create(&ctx), 0);
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.graph_path = gpath;
	o.weights_path = wpath;
	o.backend = RWKVC_BACKEND_CPU;
	if (rwkvc_model_load(ctx, &o, &m))
		fail_msg("%s", rwkvc_errmsg(ctx));
	assert_int_equal(rwkvc_session_create(m, &s), 0);
	int32_t tok = 3;
	float logits[16];
	assert_int_equal(rwkvc_session_eval(s, &tok, 1, RWKVC_EVAL_LAST, logits), 0);
	/* logits[v] = head[v] . emb[3] */
	for (int v = 0; v < 16; v++) {
		double want = 0;
		for (int c = 0; c < 8; c++)
			want += (double)head[v * 8 + c] * emb[3 * 8 + c];
		assert_true(logits[v] - want < 1e-5 && want - logits[v] < 1e-5);
	}
	rwkvc_session_destroy(s);
	rwkvc_model_destroy(m);
	rwkvc_ctx_destroy(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dead_ops_go),
		cmocka_unit_test(test_dead_weights_not_required),
	};
	return cmocka_run_group_tests_name("dce", tests, NULL, NULL);
}
