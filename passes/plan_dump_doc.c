/*
 * plan_dump_doc.c - the dump as JSON or YAML, from one walk over the data.
 *
 * A small writer knows both syntaxes (JSON objects and arrays, YAML block
 * mappings and sequences with every string double-quoted, which YAML reads
 * with JSON's escapes); the walk below calls it without knowing which.
 */
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "lower.h"
#include "plan_dump.h"

enum { DOC_MAX_DEPTH = 8 };

struct doc_level {
	bool array;
	bool open; /* YAML: "key:" written, its line not ended yet */
	int n;     /* entries so far */
	int indent;
};

struct doc {
	struct strbuf *b;
	bool yaml;
	int depth;
	bool dash_pending; /* YAML: "- " written for an object, its first key goes on the same line */
	struct doc_level lvl[DOC_MAX_DEPTH];
};

static void spaces(struct doc *d, int n)
{
	for (int i = 0; i < n; i++)
		strbuf_append(d->b, " ");
}

static void quoted(struct doc *d, const char *s)
{
	strbuf_append(d->b, "\"");
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '"' || *c == '\\')
			strbuf_printf(d->b, "\\%c", *c);
		else if (*c < 0x20)
			strbuf_printf(d->b, "\\u%04x", *c);
		else
			strbuf_append_n(d->b, (const char *)c, 1);
	}
	strbuf_append(d->b, "\"");
}

/* Everything before an entry's value: separator, indentation, key. */
static void prefix(struct doc *d, const char *key)
{
	struct doc_level *l = &d->lvl[d->depth];
	if (!d->yaml) {
		strbuf_append(d->b, l->n ? ",\n" : "\n");
		spaces(d, 2 * (d->depth + 1));
		if (key)
			strbuf_printf(d->b, "\"%s\": ", key);
	} else {
		if (l->open)
			strbuf_append(d->b, "\n");
		l->open = false;
		if (l->array) {
			spaces(d, l->indent);
			strbuf_append(d->b, "- ");
		} else {
			if (!d->dash_pending)
				spaces(d, l->indent);
			strbuf_printf(d->b, "%s:", key);
		}
		d->dash_pending = false;
	}
	l->n++;
}

static void scalar(struct doc *d, const char *key, const char *text, bool quote)
{
	prefix(d, key);
	if (d->yaml && !d->lvl[d->depth].array)
		strbuf_append(d->b, " ");
	if (quote)
		quoted(d, text);
	else
		strbuf_append(d->b, text);
	if (d->yaml)
		strbuf_append(d->b, "\n");
}

static void doc_str(struct doc *d, const char *key, const char *s)
{
	if (s)
		scalar(d, key, s, true);
	else
		scalar(d, key, "null", false);
}

static void doc_int(struct doc *d, const char *key, int64_t v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	scalar(d, key, buf, false);
}

static void doc_bool(struct doc *d, const char *key, bool v) { scalar(d, key, v ? "true" : "false", false); }

static void doc_begin(struct doc *d, const char *key, bool array)
{
	struct doc_level *l = &d->lvl[d->depth];
	bool item = l->array;
	prefix(d, key);
	struct doc_level *in = &d->lvl[++d->depth];
	in->array = array;
	in->n = 0;
	in->indent = l->indent + 2;
	in->open = !item || array;
	if (d->yaml && item && !array)
		d->dash_pending = true;
	if (!d->yaml)
		strbuf_append(d->b, array ? "[" : "{");
}

static void doc_end(struct doc *d)
{
	struct doc_level *l = &d->lvl[d->depth--];
	if (!d->yaml) {
		if (l->n) {
			strbuf_append(d->b, "\n");
			spaces(d, 2 * (d->depth + 1));
		}
		strbuf_append(d->b, l->array ? "]" : "}");
	} else if (!l->n) {
		strbuf_append(d->b, d->dash_pending ? "" : " ");
		strbuf_append(d->b, l->array ? "[]\n" : "{}\n");
		d->dash_pending = false;
	}
}

/* ---- the data ---- */

static void header(struct doc *d, const struct plan_dump_input *in)
{
	const struct plan *p = in->plan;
	const struct graph *g = p->g;
	doc_str(d, "format", "rwkvc-plan-dump");
	doc_int(d, "version", 1);
	doc_str(d, "model", g->name);
	doc_begin(d, "symbols", false);
	for (int32_t s = 0; s < g->n_syms; s++)
		if (s != g->sym_T && g->syms[s].bound)
			doc_int(d, g->syms[s].name, g->syms[s].value);
	doc_end(d);
	doc_int(d, "t_max", p->t_max);
	doc_str(d, "activations", dtype_name(p->act));
	doc_str(d, "weights", dtype_name(p->weight));
	doc_str(d, "quant", in->quant);
	struct strbuf passes;
	strbuf_init(&passes, d->b->err);
	if (in->opts)
		pipeline_options_str(in->opts, &passes);
	doc_str(d, "passes", in->opts ? strbuf_str(&passes) : NULL);
	strbuf_free(&passes);
	doc_str(d, "target", in->target);
	doc_str(d, "stage", pass_name(in->stage));
}

static void totals(struct doc *d, const struct plan_totals *t)
{
	doc_begin(d, "totals", false);
	doc_int(d, "dispatches_per_token", t->dispatches);
	doc_int(d, "barriers_per_token", t->barriers);
	doc_int(d, "dispatches_per_layer", t->dispatches_per_layer);
	doc_int(d, "barriers_per_layer", t->barriers_per_layer);
	doc_int(d, "layers", t->layers);
	doc_int(d, "weight_bytes_per_token", (int64_t)t->weight_bytes_per_token);
	doc_int(d, "activation_bytes_per_token", (int64_t)(t->act_read_per_token + t->act_written_per_token));
	doc_int(d, "activation_read_bytes_per_token", (int64_t)t->act_read_per_token);
	doc_int(d, "activation_written_bytes_per_token", (int64_t)t->act_written_per_token);
	doc_int(d, "activation_bytes_naive", (int64_t)t->act_naive);
	doc_int(d, "activation_bytes_planned", (int64_t)t->act_planned);
	doc_int(d, "arena_bytes_naive", (int64_t)t->arena_naive);
	doc_int(d, "arena_bytes_planned", (int64_t)t->arena_planned);
	doc_int(d, "weight_buffer_bytes", (int64_t)t->weight_bytes);
	doc_int(d, "state_buffer_bytes", (int64_t)t->state_bytes);
	doc_end(d);
}

static void shape(struct doc *d, const struct graph *g, const struct shape *s)
{
	doc_begin(d, "shape", true);
	for (int i = 0; i < s->rank; i++) {
		struct dim dm = s->d[i];
		if (dm.sym >= 0 && (dm.sym == g->sym_T || !g->syms[dm.sym].bound))
			doc_str(d, NULL, g->syms[dm.sym].name);
		else
			doc_int(d, NULL, dim_value(g, dm, 0));
	}
	doc_end(d);
}

static void kernel(struct doc *d, const struct plan_dump_input *in, int32_t k)
{
	const struct plan *p = in->plan;
	const struct graph *g = p->g;
	const struct plan_kernel *pk = &p->kernels[k];
	char label[64];
	plan_kernel_label(pk, label, sizeof label);
	struct kernel_traffic tr;
	plan_kernel_traffic(p, k, 1, &tr);
	doc_begin(d, NULL, false);
	doc_int(d, "index", k);
	doc_str(d, "kind", kernel_kind_name(pk->desc.kind));
	doc_str(d, "label", label);
	if (pk->layer >= 0)
		doc_int(d, "layer", pk->layer);
	else
		doc_str(d, "layer", NULL);
	doc_bool(d, "barrier_before", pk->barrier_before);
	doc_int(d, "weight_bytes", (int64_t)tr.weight_read);
	doc_int(d, "activation_read_bytes", (int64_t)tr.act_read);
	doc_int(d, "activation_written_bytes", (int64_t)tr.act_written);
	doc_begin(d, "ops", true);
	for (int32_t i = 0; i < pk->n_ops; i++) {
		const struct op *o = &g->ops[p->op_order[pk->first_op + i]];
		doc_begin(d, NULL, false);
		doc_str(d, "op", op_table[o->kind].name);
		doc_begin(d, "outputs", true);
		for (int r = 0; r < o->n_out; r++)
			doc_str(d, NULL, g->tensors[o->out[r]].name);
		doc_end(d);
		doc_end(d);
	}
	doc_end(d);
	enum kernel_role roles[KERNEL_MAX_BINDINGS];
	int n = kernel_bindings(&pk->desc, roles);
	doc_begin(d, "bindings", true);
	for (int b = 0; b < pk->n_bind && b < n; b++) {
		int32_t t = pk->bind[b];
		bool inout = pk->desc.kind == KERNEL_HEAD_REGION && pk->desc.region.role[b] == REGION_BINDING_INOUT;
		doc_begin(d, NULL, false);
		doc_str(d, "tensor", g->tensors[t].name);
		doc_str(d, "role", inout ? "inout" : roles[b] == ROLE_OUTPUT ? "out" : "in");
		shape(d, g, &g->tensors[t].shape);
		doc_str(d, "dtype", dtype_name(p->place[t].dtype));
		doc_str(d, "place", place_kind_name(p->place[t].kind));
		doc_end(d);
	}
	doc_end(d);
	doc_end(d);
}

static enum rwkvc_status buffers(struct err *e, struct doc *d, const struct plan *p)
{
	int32_t *order, n;
	TRY(plan_buffer_order(e, p, &order, &n));
	doc_begin(d, "buffers", true);
	for (int32_t i = 0; i < n; i++) {
		int32_t t = order[i];
		const struct plan_place *pl = &p->place[t];
		doc_begin(d, NULL, false);
		doc_str(d, "tensor", p->g->tensors[t].name);
		doc_str(d, "place", place_kind_name(pl->kind));
		doc_int(d, "offset", (int64_t)pl->offset);
		doc_int(d, "bytes", (int64_t)pl->bytes);
		doc_str(d, "dtype", dtype_name(pl->dtype));
		doc_int(d, "first", pl->first);
		doc_int(d, "last", pl->last);
		doc_str(d, "alias", pl->alias >= 0 ? p->g->tensors[pl->alias].name : NULL);
		doc_bool(d, "transposed", pl->transposed);
		doc_end(d);
	}
	doc_end(d);
	mem_free(order);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status plan_dump_doc(struct err *e, const struct plan_dump_input *in, bool yaml, struct strbuf *out)
{
	struct plan_totals t;
	TRY(plan_totals_of(e, in, &t));
	struct doc d;
	memset(&d, 0, sizeof d);
	d.b = out;
	d.yaml = yaml;
	if (yaml)
		strbuf_append(out, "# rwkvc plan dump; docs/plan-dump.md explains every field\n");
	else
		strbuf_append(out, "{");
	header(&d, in);
	totals(&d, &t);
	doc_begin(&d, "kernels", true);
	for (int32_t k = 0; k < in->plan->n_kernels; k++)
		kernel(&d, in, k);
	doc_end(&d);
	if (in->stage >= PASS_MEMPLAN)
		TRY(buffers(e, &d, in->plan));
	if (!yaml)
		strbuf_append(out, "\n}\n");
	return strbuf_status(out);
}
