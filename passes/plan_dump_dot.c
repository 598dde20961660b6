/*
 * plan_dump_dot.c - the fused graph as Graphviz DOT: one node per op, one
 * cluster per kernel (labelled with its index and kind; red border when a
 * barrier comes before it), edges where a tensor flows from op to op. Token
 * input and state reads are ellipses; weights and constants are left out, they
 * would bury the data flow. Render with `dot -Tsvg`.
 */
#include <string.h>

#include "plan_dump.h"

static void label_text(struct strbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			strbuf_printf(b, "\\%c", *s);
		else
			strbuf_append_n(b, s, 1);
	}
}

static void op_node(struct strbuf *b, const struct graph *g, int32_t i)
{
	const struct op *o = &g->ops[i];
	strbuf_printf(b, "    o%d [label=\"", i);
	label_text(b, g->tensors[o->out[0]].name);
	for (int r = 1; r < o->n_out; r++) {
		strbuf_append(b, ", ");
		label_text(b, g->tensors[o->out[r]].name);
	}
	strbuf_printf(b, "\\n%s\"];\n", op_table[o->kind].name);
}

static void edges(struct strbuf *b, const struct graph *g, int32_t i)
{
	const struct op *o = &g->ops[i];
	for (int k = 0; k < o->n_in; k++) {
		const struct tensor *t = &g->tensors[o->in[k]];
		if (t->producer >= 0)
			strbuf_printf(b, "  o%d -> o%d;\n", t->producer, i);
		else if (t->kind == TENSOR_STATE || t->kind == TENSOR_INPUT)
			strbuf_printf(b, "  t%d -> o%d;\n", o->in[k], i);
	}
}

enum rwkvc_status plan_dump_dot(struct err *e, const struct plan_dump_input *in, struct strbuf *out)
{
	(void)e;
	const struct plan *p = in->plan;
	const struct graph *g = p->g;
	strbuf_append(out, "digraph plan {\n  rankdir=TB;\n  node [shape=box, fontname=\"monospace\", fontsize=10];\n");
	for (int32_t t = 0; t < g->n_tensors; t++) {
		if (g->tensors[t].kind != TENSOR_STATE && g->tensors[t].kind != TENSOR_INPUT)
			continue;
		strbuf_printf(out, "  t%d [shape=ellipse, label=\"", t);
		label_text(out, g->tensors[t].name);
		strbuf_append(out, "\"];\n");
	}
	for (int32_t k = 0; k < p->n_kernels; k++) {
		const struct plan_kernel *pk = &p->kernels[k];
		char label[64];
		plan_kernel_label(pk, label, sizeof label);
		strbuf_printf(out, "  subgraph cluster_k%d {\n    label=\"k%d ", k, k);
		label_text(out, label);
		strbuf_printf(out, "%s\";\n    color=%s;\n", pk->barrier_before ? " (barrier before)" : "",
			      pk->barrier_before ? "red" : "gray");
		for (int32_t i = 0; i < pk->n_ops; i++)
			op_node(out, g, p->op_order[pk->first_op + i]);
		strbuf_append(out, "  }\n");
	}
	for (int32_t i = 0; i < p->n_ops; i++)
		edges(out, g, p->op_order[i]);
	strbuf_append(out, "}\n");
	return strbuf_status(out);
}
