/*
 * expand.c - graph_src -> graph: instantiate the layer template L times,
 * resolve every input name, order the ops topologically (refusing cycles),
 * infer and check shapes.
 *
 * Names are resolved after every op's outputs exist, so an op line may use a
 * name defined further down; the order comes from the data flow. Only a cycle
 * is an error.
 */
#include <stdio.h>
#include <string.h>

#include "shape_rules.h"
#include "src.h"

enum { NAME_MAX_LEN = 256 };

/* Limits that keep every size computation in int64 (shape_numel at up to 2^26
 * tokens) and stop a typo from asking for billions of layers. The largest
 * official models are far below: 61 layers, 2^28 elements in one tensor. */
enum { GRAPH_MAX_LAYERS = 4096 };
#define GRAPH_MAX_NUMEL ((int64_t)1 << 36)

/* Which op line (and layer) each expanded op came from, for resolving inputs. */
struct origin {
	const struct src_stmt *stmt;
	int layer;   /* -1 outside the layers */
	int section; /* 0 prologue, 1 layers, 2 epilogue */
};

struct builder {
	struct err *e;
	const struct graph_src *src;
	struct graph *g;
	struct origin *origins; /* [n_ops] */
	size_t cap_origins;
	int64_t n_layers;
};

static const char *pos_str(struct srcpos p, char *buf, size_t n) { return srcpos_str(p, buf, n); }

static const char *gstr(struct builder *b, const char *s) { return arena_strdup(&b->g->arena, b->e, s); }

static struct srcpos copy_pos(struct builder *b, struct srcpos p)
{
	/* the graph outlives the source: keep its own copy of the file name */
	p.file = b->g->file;
	return p;
}

static enum rwkvc_status add_tensor(struct builder *b, const char *name, enum tensor_kind kind, enum dtype dtype,
				    const struct shape *shape, int layer, struct srcpos pos, int32_t *out)
{
	struct tensor t = { 0 };
	t.name = gstr(b, name);
	if (!t.name)
		return b->e->status;
	t.kind = kind;
	t.dtype = dtype;
	if (shape)
		t.shape = *shape;
	t.producer = -1;
	t.layer = layer;
	t.pos = copy_pos(b, pos);
	return graph_add_tensor(b->g, b->e, &t, out);
}

static bool cond_holds(struct src_cond c, int64_t i)
{
	switch (c.op) {
	case COND_ALWAYS: return true;
	case COND_EQ: return i == c.k;
	case COND_NE: return i != c.k;
	case COND_LT: return i < c.k;
	case COND_LE: return i <= c.k;
	case COND_GT: return i > c.k;
	case COND_GE: return i >= c.k;
	}
	return false;
}

/* ---- pass 1: every tensor that exists before any op runs, and every op's outputs ---- */

static enum rwkvc_status add_decls(struct builder *b, const struct src_decls *d, enum tensor_kind kind, int layer)
{
	char name[NAME_MAX_LEN];
	for (int i = 0; i < d->n; i++) {
		TRY(src_instantiate(b->e, b->src, &d->items[i].name, layer, name, sizeof name));
		TRY(add_tensor(b, name, kind, d->items[i].dtype, &d->items[i].shape, layer, d->items[i].name.pos, NULL));
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status add_stmt(struct builder *b, const struct src_stmt *st, int layer, int section)
{
	struct graph *g = b->g;
	struct op op = { 0 };
	op.kind = st->kind;
	op.n_in = st->n_in;
	op.n_out = st->n_out;
	op.layer = layer;
	op.pos = copy_pos(b, st->pos);
	int32_t op_index = g->n_ops;
	char name[NAME_MAX_LEN];
	for (int o = 0; o < st->n_out; o++) {
		TRY(src_instantiate(b->e, b->src, &st->out[o], layer, name, sizeof name));
		TRY(add_tensor(b, name, TENSOR_VALUE, DTYPE_F32, NULL, layer, st->out[o].pos, &op.out[o]));
		g->tensors[op.out[o]].producer = op_index;
	}
	for (int p = 0; p < OP_MAX_PARAMS; p++) {
		if (!st->has_param[p])
			continue;
		const struct param *pr = &st->param[p];
		if (pr->sym < 0) {
			op.param[p] = pr->value;
			continue;
		}
		const struct symbol *sym = &b->src->syms[pr->sym];
		if (!sym->bound || pr->sym == b->src->sym_T) {
			char where[256];
			return err_set(b->e, RWKVC_STATUS_BAD_SHAPE, "%s: parameter uses symbol '%s', which has no value",
				       pos_str(st->pos, where, sizeof where), sym->name);
		}
		op.param[p] = (double)sym->value;
	}
	TRY(graph_add_op(g, b->e, &op, NULL));
	TRY(mem_grow(b->e, (void **)&b->origins, &b->cap_origins, (size_t)g->n_ops, sizeof *b->origins, "op origins"));
	b->origins[op_index] = (struct origin){ st, layer, section };
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status add_stmts(struct builder *b, const struct src_stmts *s, int layer, int section)
{
	for (int i = 0; i < s->n; i++)
		if (layer < 0 || cond_holds(s->items[i].cond, layer))
			TRY(add_stmt(b, &s->items[i], layer, section));
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status add_everything(struct builder *b)
{
	const struct graph_src *src = b->src;
	struct graph *g = b->g;
	TRY(add_tensor(b, src->input.name.text, TENSOR_INPUT, DTYPE_I32, &src->input.shape, -1, src->input.name.pos,
		       &g->input_tokens));
	for (int i = 0; i < src->n_consts; i++) {
		struct shape one = { 1, { { -1, 1 } } };
		int32_t t;
		TRY(add_tensor(b, src->consts[i].name.text, TENSOR_CONST, DTYPE_F32, &one, -1, src->consts[i].name.pos, &t));
		g->tensors[t].value = src->consts[i].value;
	}
	TRY(add_decls(b, &src->weights, TENSOR_WEIGHT, -1));
	g->n_states = src->n_states;
	g->states = arena_alloc(&g->arena, b->e, (size_t)(src->n_states ? src->n_states : 1) * sizeof *g->states);
	if (!g->states)
		return b->e->status;
	for (int s = 0; s < src->n_states; s++) {
		g->states[s].name = gstr(b, src->states[s].name);
		g->states[s].shape = src->states[s].shape;
		g->states[s].read = arena_alloc(&g->arena, b->e, (size_t)(b->n_layers + 1) * sizeof(int32_t));
		g->states[s].write = arena_alloc(&g->arena, b->e, (size_t)(b->n_layers + 1) * sizeof(int32_t));
		if (!g->states[s].name || !g->states[s].read || !g->states[s].write)
			return b->e->status;
	}
	TRY(add_stmts(b, &src->prologue, -1, 0));
	char name[NAME_MAX_LEN];
	for (int i = 0; i < b->n_layers; i++) {
		TRY(add_decls(b, &src->layer_weights, TENSOR_WEIGHT, i));
		for (int s = 0; s < src->n_states; s++) {
			TRY(src_instantiate(b->e, src, &src->states[s].read, i, name, sizeof name));
			TRY(add_tensor(b, name, TENSOR_STATE, DTYPE_F32, &src->states[s].shape, i, src->states[s].read.pos,
				       &g->states[s].read[i]));
		}
		TRY(add_stmts(b, &src->layer_ops, i, 1));
	}
	return add_stmts(b, &src->epilogue, -1, 2);
}

/* ---- pass 2: inputs ---- */

static enum rwkvc_status unknown_name(struct builder *b, const struct src_name *n, const char *resolved)
{
	char where[256];
	if (strcmp(n->text, resolved) == 0)
		return err_set(b->e, RWKVC_STATUS_BAD_GRAPH, "%s: unknown tensor name '%s'",
			       pos_str(n->pos, where, sizeof where), resolved);
	return err_set(b->e, RWKVC_STATUS_BAD_GRAPH, "%s: unknown tensor name '%s' (written '%s')",
		       pos_str(n->pos, where, sizeof where), resolved, n->text);
}

/* Resolves a name read in `layer` of `section`, honouring the carried name. */
static enum rwkvc_status resolve(struct builder *b, const struct src_name *n, int layer, int section, int32_t *out)
{
	const struct graph_src *src = b->src;
	char name[NAME_MAX_LEN];
	const struct src_name *target = n;
	int target_layer = layer;
	if (src->carry_name && section > 0 && strcmp(n->text, src->carry_name) == 0) {
		/* the carried value: the previous layer's output, or the prologue's before layer 0 */
		int prev = section == 1 ? layer - 1 : (int)b->n_layers - 1;
		if (prev >= 0) {
			target = &src->carry_next;
			target_layer = prev;
		} else {
			target_layer = -1;
		}
	}
	TRY(src_instantiate(b->e, src, target, target_layer, name, sizeof name));
	*out = graph_find(b->g, name);
	if (*out < 0)
		return unknown_name(b, target == n ? n : target, name);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status resolve_inputs(struct builder *b)
{
	struct graph *g = b->g;
	for (int32_t i = 0; i < g->n_ops; i++) {
		const struct origin *o = &b->origins[i];
		for (int k = 0; k < o->stmt->n_in; k++) {
			TRY(resolve(b, &o->stmt->in[k], o->layer, o->section, &g->ops[i].in[k]));
			g->tensors[g->ops[i].in[k]].used = true;
		}
	}
	return RWKVC_STATUS_OK;
}

/* ---- pass 3: topological order ---- */

enum { MARK_NEW, MARK_ACTIVE, MARK_DONE };

struct topo {
	struct builder *b;
	uint8_t *mark;
	int32_t *order;
	int32_t n;
	int32_t *stack; /* explicit DFS stack: ops can be many, recursion must not be deep */
	int32_t *next_in;
};

static enum rwkvc_status cycle_error(struct topo *tp, int32_t depth, int32_t again)
{
	struct graph *g = tp->b->g;
	char path[768] = "", where[256];
	int32_t from = 0;
	while (from < depth && tp->stack[from] != again)
		from++;
	for (int32_t k = from; k < depth && strlen(path) < sizeof path - 200; k++)
		snprintf(path + strlen(path), sizeof path - strlen(path), "%s -> ",
			 g->tensors[g->ops[tp->stack[k]].out[0]].name);
	snprintf(path + strlen(path), sizeof path - strlen(path), "%s", g->tensors[g->ops[again].out[0]].name);
	return err_set(tp->b->e, RWKVC_STATUS_BAD_GRAPH, "%s: cycle in the graph: %s",
		       pos_str(g->ops[again].pos, where, sizeof where), path);
}

static enum rwkvc_status visit(struct topo *tp, int32_t root)
{
	struct graph *g = tp->b->g;
	int32_t depth = 0;
	tp->stack[depth++] = root;
	tp->next_in[root] = 0;
	tp->mark[root] = MARK_ACTIVE;
	while (depth > 0) {
		int32_t op = tp->stack[depth - 1];
		if (tp->next_in[op] < g->ops[op].n_in) {
			int32_t producer = g->tensors[g->ops[op].in[tp->next_in[op]++]].producer;
			if (producer < 0 || tp->mark[producer] == MARK_DONE)
				continue;
			if (tp->mark[producer] == MARK_ACTIVE)
				return cycle_error(tp, depth, producer);
			tp->mark[producer] = MARK_ACTIVE;
			tp->next_in[producer] = 0;
			tp->stack[depth++] = producer;
			continue;
		}
		tp->mark[op] = MARK_DONE;
		tp->order[tp->n++] = op;
		depth--;
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status sort_ops(struct builder *b)
{
	struct graph *g = b->g;
	size_t n = (size_t)(g->n_ops ? g->n_ops : 1);
	struct topo tp = { b, mem_calloc(b->e, n, 1, "topological sort"), mem_calloc(b->e, n, sizeof(int32_t), "topological sort"),
			   0, mem_calloc(b->e, n, sizeof(int32_t), "topological sort"),
			   mem_calloc(b->e, n, sizeof(int32_t), "topological sort") };
	struct op *sorted = mem_calloc(b->e, n, sizeof *sorted, "topological sort");
	struct origin *sorted_origins = mem_calloc(b->e, n, sizeof *sorted_origins, "topological sort");
	enum rwkvc_status st = b->e->status;
	if (!tp.mark || !tp.order || !tp.stack || !tp.next_in || !sorted || !sorted_origins)
		goto done;
	st = RWKVC_STATUS_OK;
	for (int32_t i = 0; i < g->n_ops && !st; i++)
		if (tp.mark[i] == MARK_NEW)
			st = visit(&tp, i);
	if (st)
		goto done;
	/* depth-first from each op in file order keeps an already ordered file unchanged */
	for (int32_t k = 0; k < g->n_ops; k++) {
		sorted[k] = g->ops[tp.order[k]];
		sorted_origins[k] = b->origins[tp.order[k]];
		for (int o = 0; o < sorted[k].n_out; o++)
			g->tensors[sorted[k].out[o]].producer = k;
	}
	memcpy(g->ops, sorted, (size_t)g->n_ops * sizeof *sorted);
	memcpy(b->origins, sorted_origins, (size_t)g->n_ops * sizeof *sorted_origins);
done:
	mem_free(tp.mark);
	mem_free(tp.order);
	mem_free(tp.stack);
	mem_free(tp.next_in);
	mem_free(sorted);
	mem_free(sorted_origins);
	return st;
}

/* ---- pass 4: shapes, state and outputs ---- */

static enum rwkvc_status check_bound_weights(struct builder *b)
{
	struct graph *g = b->g;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct tensor *tn = &g->tensors[t];
		if (!tn->used || tn->kind == TENSOR_VALUE)
			continue;
		for (int d = 0; d < tn->shape.rank; d++) {
			int32_t s = tn->shape.d[d].sym;
			if (s >= 0 && s != g->sym_T && !g->syms[s].bound) {
				char where[256];
				return err_set(b->e, RWKVC_STATUS_BAD_SHAPE,
					       "%s: '%s' needs symbol '%s' (%s), which has no value: the weights do not declare it",
					       pos_str(tn->pos, where, sizeof where), tn->name, g->syms[s].name, g->syms[s].doc);
			}
		}
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status check_states(struct builder *b)
{
	struct graph *g = b->g;
	const struct graph_src *src = b->src;
	char name[NAME_MAX_LEN], where[256], s1[96], s2[96];
	for (int s = 0; s < src->n_states; s++) {
		for (int i = 0; i < b->n_layers; i++) {
			TRY(resolve(b, &src->states[s].write, i, 1, &g->states[s].write[i]));
			const struct tensor *w = &g->tensors[g->states[s].write[i]];
			w = &g->tensors[g->states[s].write[i]];
			if (w->kind != TENSOR_VALUE) {
				TRY(src_instantiate(b->e, src, &src->states[s].write, i, name, sizeof name));
				return err_set(b->e, RWKVC_STATUS_BAD_GRAPH, "%s: state '%s' is written from '%s', which no op produces",
					       pos_str(src->states[s].pos, where, sizeof where), src->states[s].name, name);
			}
			if (!shape_same_numel_layout(g, &w->shape, &g->states[s].shape))
				return err_set(b->e, RWKVC_STATUS_BAD_SHAPE, "%s: state '%s' has shape %s but '%s' is %s",
					       pos_str(src->states[s].pos, where, sizeof where), src->states[s].name,
					       shape_str(g, &g->states[s].shape, s1, sizeof s1), w->name,
					       shape_str(g, &w->shape, s2, sizeof s2));
		}
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status resolve_outputs(struct builder *b)
{
	struct graph *g = b->g;
	g->n_outputs = b->src->n_outputs;
	g->outputs = arena_alloc(&g->arena, b->e, (size_t)g->n_outputs * sizeof *g->outputs);
	if (!g->outputs)
		return b->e->status;
	for (int i = 0; i < g->n_outputs; i++) {
		TRY(resolve(b, &b->src->outputs[i], -1, 2, &g->outputs[i]));
		g->tensors[g->outputs[i]].used = true;
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status copy_header(struct builder *b)
{
	const struct graph_src *src = b->src;
	struct graph *g = b->g;
	g->file = gstr(b, src->file);
	g->name = gstr(b, src->name);
	g->syms = arena_alloc(&g->arena, b->e, (size_t)(src->n_syms ? src->n_syms : 1) * sizeof *g->syms);
	if (!g->file || !g->name || !g->syms)
		return b->e->status;
	g->n_syms = src->n_syms;
	g->sym_T = src->sym_T;
	for (int32_t i = 0; i < src->n_syms; i++) {
		g->syms[i] = src->syms[i];
		g->syms[i].name = gstr(b, src->syms[i].name);
		g->syms[i].doc = gstr(b, src->syms[i].doc);
		g->syms[i].bound_by = src->syms[i].bound_by ? gstr(b, src->syms[i].bound_by) : NULL;
		if (!g->syms[i].name || !g->syms[i].doc)
			return b->e->status;
	}
	g->sym_layers = src->layer_count.sym;
	if (src->layer_count.sym >= 0 && !src->syms[src->layer_count.sym].bound)
		return err_set(b->e, RWKVC_STATUS_BAD_SHAPE, "%s: the layer count '%s' has no value", src->file,
			       src->syms[src->layer_count.sym].name);
	b->n_layers = src->layer_count.sym >= 0 ? src->syms[src->layer_count.sym].value : src->layer_count.n;
	if (!src->layer_ops.n)
		b->n_layers = 0;
	if (b->n_layers > GRAPH_MAX_LAYERS)
		return err_set(b->e, RWKVC_STATUS_BAD_SHAPE, "%s: %lld layers exceed the limit of %d", src->file,
			       (long long)b->n_layers, GRAPH_MAX_LAYERS);
	g->n_layers = (int32_t)b->n_layers;
	return RWKVC_STATUS_OK;
}

/* Every dim of a tensor the build computes with must be positive and the
 * element count (per token) at most GRAPH_MAX_NUMEL, checked without overflow. */
static enum rwkvc_status check_size(struct builder *b, const char *name, const struct shape *s, struct srcpos pos)
{
	const struct graph *g = b->g;
	int64_t n = 1;
	for (int d = 0; d < s->rank; d++) {
		int32_t sym = s->d[d].sym;
		if (sym >= 0 && sym != g->sym_T && !g->syms[sym].bound)
			continue; /* check_bound_weights reports it where it matters */
		int64_t v = dim_value(g, s->d[d], 1);
		if (v < 1 || v > GRAPH_MAX_NUMEL / n) {
			char where[256], buf[96];
			return err_set(b->e, RWKVC_STATUS_BAD_SHAPE,
				       v < 1 ? "%s: '%s' has shape %s: sizes must be positive"
					     : "%s: '%s' has shape %s, more than 2^36 elements",
				       pos_str(pos, where, sizeof where), name, shape_str(g, s, buf, sizeof buf));
		}
		n *= v;
	}
	return RWKVC_STATUS_OK;
}

/* The tensors that exist before any op (shape rules read them): used inputs,
 * weights and states; and every state slot. */
static enum rwkvc_status check_declared_sizes(struct builder *b)
{
	struct graph *g = b->g;
	for (int32_t t = 0; t < g->n_tensors; t++) {
		const struct tensor *tn = &g->tensors[t];
		if (tn->used && tn->kind != TENSOR_VALUE)
			TRY(check_size(b, tn->name, &tn->shape, tn->pos));
	}
	for (int s = 0; s < g->n_states; s++)
		TRY(check_size(b, g->states[s].name, &g->states[s].shape, b->src->states[s].pos));
	return RWKVC_STATUS_OK;
}

/* The outputs of op i, once its shape rule has set them. */
static enum rwkvc_status check_output_sizes(struct builder *b, int32_t i)
{
	const struct op *op = &b->g->ops[i];
	for (int o = 0; o < op->n_out; o++) {
		const struct tensor *tn = &b->g->tensors[op->out[o]];
		TRY(check_size(b, tn->name, &tn->shape, tn->pos));
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status graph_build(struct err *e, const struct graph_src *src, struct graph *out_g)
{
	graph_init(out_g);
	struct builder b = { e, src, out_g, NULL, 0, 0 };
	enum rwkvc_status st;
	TRY_GOTO(st, copy_header(&b), fail);
	TRY_GOTO(st, add_everything(&b), fail);
	TRY_GOTO(st, resolve_inputs(&b), fail);
	TRY_GOTO(st, resolve_outputs(&b), fail);
	TRY_GOTO(st, sort_ops(&b), fail);
	TRY_GOTO(st, check_bound_weights(&b), fail);
	TRY_GOTO(st, check_declared_sizes(&b), fail);
	for (int32_t i = 0; i < out_g->n_ops; i++) {
		TRY_GOTO(st, infer_op_shapes(out_g, e, i), fail);
		TRY_GOTO(st, check_output_sizes(&b, i), fail);
	}
	TRY_GOTO(st, check_states(&b), fail);
	mem_free(b.origins);
	return RWKVC_STATUS_OK;
fail:
	mem_free(b.origins);
	graph_destroy(out_g);
	return st;
}
