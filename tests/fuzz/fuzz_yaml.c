/* fuzz_yaml.c - a model graph file along the whole path a user's file takes:
 * the YAML loader, binding with the file's first preset (as `rwkvc mkmodel
 * --graph F --preset P` does), expansion, and, for graphs small enough, a
 * run of the CPU reference interpreter over random weights (as `rwkvc logits
 * --graph F` then does). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "graph/src.h"
#include "runtime/interp.h"

/* Floats the interpreter may touch over a run of RUN_T tokens, all tensors together. */
enum { RUN_LIMIT = 1 << 18, RUN_T = 2 };

/* Sum over the tensors of their element count at T = RUN_T, or -1 past RUN_LIMIT. */
static int64_t run_size(const struct graph *g)
{
	int64_t total = 0;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct shape *s = &g->tensors[t].shape;
		int64_t n = 1;
		for (int d = 0; d < s->rank; d++) {
			int64_t v = dim_value(g, s->d[d], RUN_T);
			if (v < 0 || (v && n > RUN_LIMIT / v))
				return -1;
			n *= v;
		}
		total += n;
		if (total > RUN_LIMIT)
			return -1;
	}
	return total;
}

static void run_graph(const struct graph *g)
{
	if (run_size(g) < 0)
		return;
	struct err e = { 0 };
	const float **w = calloc((size_t)g->n_tensors + 1, sizeof *w); /* n_tensors >= 0 */
	uint32_t seed = 12345;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct tensor *tn = &g->tensors[t];
		if (tn->kind != TENSOR_WEIGHT || !tn->used)
			continue;
		size_t n = (size_t)shape_numel(g, &tn->shape, RUN_T);
		float *x = malloc((n ? n : 1) * sizeof *x);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1664525u + 1013904223u;
			x[i] = (float)(seed >> 8) / 16777216.0f - 0.5f;
		}
		w[t] = x;
	}
	struct state_layout sl;
	if (!state_layout_of(&e, g, &sl)) {
		float *state = calloc(sl.total ? sl.total : 1, sizeof *state);
		float *out = NULL;
		if (g->n_outputs)
			out = malloc((size_t)shape_numel(g, &g->tensors[g->outputs[0]].shape, RUN_T) * sizeof *out + 1);
		int32_t tokens[RUN_T] = { 1, 0 };
		struct interp_run run = { g, w, tokens, RUN_T, state, out, 0, NULL };
		if (interp_execute(&e, &run))
			FUZZ_CHECK(e.msg[0]);
		free(out);
		free(state);
	}
	for (int32_t t = 0; t < g->n_tensors; t++)
		free((void *)w[t]);
	free(w);
}

FUZZ_ENTRY(yaml)
{
	struct err e = { 0 };
	struct graph_src *src;
	if (graph_src_parse(&e, (const char *)data, size, "fuzz.yaml", &src)) {
		FUZZ_CHECK(e.status != RWKVC_STATUS_OK && e.msg[0]);
		return 0;
	}
	if (src->n_presets > 0 && !graph_src_bind_preset(&e, src, src->presets[0].name)) {
		struct graph g;
		if (!graph_build(&e, src, &g)) {
			run_graph(&g);
			graph_destroy(&g);
		} else {
			FUZZ_CHECK(e.msg[0]);
		}
	}
	graph_src_destroy(src);
	return 0;
}
