/*
 * load_yaml.c - YAML text -> graph_src.
 *
 * libyaml builds the document tree (with line/column marks); this file walks
 * it section by section. Every message starts "file:line:col:" of the node at
 * fault and says what was expected. docs/graph-format.md describes the format.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/file.h"
#include "builtin.h"
#include "src.h"

struct loader {
	struct err *e;
	struct graph_src *src;
	yaml_document_t doc;
};

static struct srcpos node_pos(const struct loader *ld, const yaml_node_t *n)
{
	struct srcpos p = { ld->src->file, (int)n->start_mark.line + 1, (int)n->start_mark.column + 1 };
	return p;
}

static enum rwkvc_status fail_at(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
	ERR_PRINTF(3, 4);

static enum rwkvc_status fail_at(struct loader *ld, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[768], where[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return err_set(ld->e, RWKVC_STATUS_BAD_GRAPH, "%s: %s", srcpos_str(node_pos(ld, n), where, sizeof where),
		       msg);
}

static const char *kind_word(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE: return "a scalar";
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_MAPPING_NODE: return "a mapping";
	default: return "nothing";
	}
}

static yaml_node_t *node(struct loader *ld, int id) { return yaml_document_get_node(&ld->doc, id); }

static const char *scalar(const yaml_node_t *n) { return (const char *)n->data.scalar.value; }

static int is_quoted(const yaml_node_t *n)
{
	return n->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	       n->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
}

static enum rwkvc_status expect(struct loader *ld, const yaml_node_t *n, yaml_node_type_t type,
				const char *what)
{
	if (n->type == type)
		return RWKVC_STATUS_OK;
	return fail_at(ld, n, "%s must be %s, found %s", what,
		       type == YAML_SCALAR_NODE ? "a scalar" : type == YAML_SEQUENCE_NODE ? "a list" : "a mapping",
		       kind_word(n));
}

static enum rwkvc_status arena_name(struct loader *ld, const yaml_node_t *n, struct src_name *out)
{
	out->text = arena_strdup(&ld->src->arena, ld->e, scalar(n));
	out->pos = node_pos(ld, n);
	if (is_quoted(n))
		out->pos.col++;
	return out->text ? RWKVC_STATUS_OK : ld->e->status;
}

static enum rwkvc_status parse_int(struct loader *ld, const yaml_node_t *n, const char *what, int64_t *out)
{
	TRY(expect(ld, n, YAML_SCALAR_NODE, what));
	char *end;
	long long v = strtoll(scalar(n), &end, 10);
	if (end == scalar(n) || *end)
		return fail_at(ld, n, "%s: expected an integer, found '%s'", what, scalar(n));
	*out = v;
	return RWKVC_STATUS_OK;
}

/* Shape list: `[C]`, `[1, 1, C]`, `[H, N, N]`. */
static enum rwkvc_status parse_shape(struct loader *ld, const yaml_node_t *n, struct shape *out)
{
	TRY(expect(ld, n, YAML_SEQUENCE_NODE, "a shape"));
	int count = (int)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (count < 1 || count > SHAPE_MAX_RANK)
		return fail_at(ld, n, "a shape has 1 to %d dims, found %d", SHAPE_MAX_RANK, count);
	out->rank = count;
	for (int i = 0; i < count; i++) {
		yaml_node_t *d = node(ld, n->data.sequence.items.start[i]);
		TRY(expect(ld, d, YAML_SCALAR_NODE, "a dim"));
		TRY(src_parse_dim(ld->e, ld->src, scalar(d), node_pos(ld, d), &out->d[i]));
		if (out->d[i].sym < 0 && out->d[i].n <= 0)
			return fail_at(ld, d, "a dim must be positive, found %lld", (long long)out->d[i].n);
	}
	return RWKVC_STATUS_OK;
}

/* Iterates the pairs of a mapping node; fn(ld, key, value, ctx). */
typedef enum rwkvc_status (*pair_fn)(struct loader *ld, yaml_node_t *key, yaml_node_t *value, void *ctx);

static enum rwkvc_status each_pair(struct loader *ld, yaml_node_t *map, const char *what, pair_fn fn,
				   void *ctx)
{
	TRY(expect(ld, map, YAML_MAPPING_NODE, what));
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(ld, p->key);
		TRY(expect(ld, k, YAML_SCALAR_NODE, "a key"));
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++)
			if (strcmp(scalar(node(ld, q->key)), scalar(k)) == 0)
				return fail_at(ld, k, "duplicate key '%s' in %s", scalar(k), what);
		TRY(fn(ld, k, node(ld, p->value), ctx));
	}
	return RWKVC_STATUS_OK;
}

static int pair_count(const yaml_node_t *map)
{
	return (int)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
}

static void *alloc_items(struct loader *ld, int n, size_t size)
{
	return arena_alloc(&ld->src->arena, ld->e, (size_t)(n ? n : 1) * size);
}

/* ---- symbols and presets ---- */

static enum rwkvc_status symbol_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	(void)ctx;
	struct graph_src *s = ld->src;
	const char *name = scalar(k);
	for (const char *c = name; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9' && c > name) ||
		      *c == '_'))
			return fail_at(ld, k, "symbol '%s' is not an identifier", name);
	TRY(expect(ld, v, YAML_SCALAR_NODE, "a symbol's description"));
	struct symbol *sym = &s->syms[s->n_syms++];
	sym->name = arena_strdup(&s->arena, ld->e, name);
	sym->doc = arena_strdup(&s->arena, ld->e, scalar(v));
	if (!sym->name || !sym->doc)
		return ld->e->status;
	if (strcmp(name, "T") == 0)
		s->sym_T = s->n_syms - 1;
	return RWKVC_STATUS_OK;
}

struct preset_ctx {
	struct preset *p;
};

static enum rwkvc_status preset_value(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct preset *p = ((struct preset_ctx *)ctx)->p;
	int32_t sym = -1;
	for (int32_t i = 0; i < ld->src->n_syms; i++)
		if (strcmp(ld->src->syms[i].name, scalar(k)) == 0)
			sym = i;
	if (sym < 0)
		return fail_at(ld, k, "preset '%s' sets '%s', which is not a symbol", p->name, scalar(k));
	if (sym == ld->src->sym_T)
		return fail_at(ld, k, "preset '%s' sets T, which is bound at run time", p->name);
	int64_t val;
	TRY(parse_int(ld, v, "a preset value", &val));
	if (val <= 0)
		return fail_at(ld, v, "preset '%s': %s must be positive", p->name, scalar(k));
	p->sym[p->n] = sym;
	p->value[p->n++] = val;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status preset_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	(void)ctx;
	struct graph_src *s = ld->src;
	struct preset *p = &s->presets[s->n_presets++];
	p->name = arena_strdup(&s->arena, ld->e, scalar(k));
	p->pos = node_pos(ld, k);
	TRY(expect(ld, v, YAML_MAPPING_NODE, "a preset"));
	p->sym = alloc_items(ld, pair_count(v), sizeof *p->sym);
	p->value = alloc_items(ld, pair_count(v), sizeof *p->value);
	if (!p->name || !p->sym || !p->value)
		return ld->e->status;
	struct preset_ctx pc = { p };
	return each_pair(ld, v, "a preset", preset_value, &pc);
}

/* ---- declarations ---- */

static enum rwkvc_status decl_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	struct src_decls *d = ctx;
	struct src_decl *w = &d->items[d->n++];
	TRY(arena_name(ld, k, &w->name));
	w->dtype = DTYPE_F32;
	return parse_shape(ld, v, &w->shape);
}

static enum rwkvc_status parse_decls(struct loader *ld, yaml_node_t *map, const char *what,
				     struct src_decls *out)
{
	TRY(expect(ld, map, YAML_MAPPING_NODE, what));
	out->items = alloc_items(ld, pair_count(map), sizeof *out->items);
	if (!out->items)
		return ld->e->status;
	return each_pair(ld, map, what, decl_pair, out);
}

static enum rwkvc_status const_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	(void)ctx;
	struct graph_src *s = ld->src;
	struct src_const *c = &s->consts[s->n_consts++];
	TRY(arena_name(ld, k, &c->name));
	TRY(expect(ld, v, YAML_SCALAR_NODE, "a constant"));
	char *end;
	c->value = strtod(scalar(v), &end);
	if (end == scalar(v) || *end)
		return fail_at(ld, v, "constant '%s': expected a number, found '%s'", scalar(k), scalar(v));
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status input_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	(void)ctx;
	struct graph_src *s = ld->src;
	if (s->input.name.text)
		return fail_at(ld, k, "only one input (the token ids) is supported, found a second: '%s'",
			       scalar(k));
	TRY(arena_name(ld, k, &s->input.name));
	TRY(expect(ld, v, YAML_MAPPING_NODE, "an input"));
	yaml_node_t *shape = NULL, *dtype = NULL;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		yaml_node_t *pk = node(ld, p->key);
		if (pk->type == YAML_SCALAR_NODE && strcmp(scalar(pk), "shape") == 0)
			shape = node(ld, p->value);
		else if (pk->type == YAML_SCALAR_NODE && strcmp(scalar(pk), "dtype") == 0)
			dtype = node(ld, p->value);
		else
			return fail_at(ld, pk, "unknown key in input '%s' (expected shape, dtype)", scalar(k));
	}
	if (!shape || !dtype)
		return fail_at(ld, v, "input '%s' needs shape and dtype", scalar(k));
	TRY(parse_shape(ld, shape, &s->input.shape));
	TRY(expect(ld, dtype, YAML_SCALAR_NODE, "a dtype"));
	if (!dtype_from_name(scalar(dtype), &s->input.dtype) || s->input.dtype != DTYPE_I32)
		return fail_at(ld, dtype, "input '%s': dtype must be i32 (token ids), found '%s'", scalar(k),
			       scalar(dtype));
	if (s->input.shape.rank != 1 || s->input.shape.d[0].sym != s->sym_T)
		return fail_at(ld, shape, "input '%s' must have shape [T]", scalar(k));
	return RWKVC_STATUS_OK;
}

/* ---- op lists ---- */

static int count_stmts(struct loader *ld, yaml_node_t *list)
{
	int n = 0;
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		yaml_node_t *item = node(ld, *it);
		if (item->type == YAML_MAPPING_NODE) {
			for (yaml_node_pair_t *p = item->data.mapping.pairs.start; p < item->data.mapping.pairs.top; p++)
				if (node(ld, p->value)->type == YAML_SEQUENCE_NODE)
					n += count_stmts(ld, node(ld, p->value));
		} else {
			n++;
		}
	}
	return n;
}

static enum rwkvc_status parse_cond(struct loader *ld, yaml_node_t *n, struct src_cond *out)
{
	TRY(expect(ld, n, YAML_SCALAR_NODE, "a condition"));
	static const struct { const char *text; enum src_cond_op op; } ops[] = {
		{ "==", COND_EQ }, { "!=", COND_NE }, { "<=", COND_LE },
		{ ">=", COND_GE }, { "<", COND_LT },  { ">", COND_GT },
	};
	const char *s = scalar(n);
	while (*s == ' ')
		s++;
	if (*s != 'i')
		goto bad;
	s++;
	while (*s == ' ')
		s++;
	for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
		size_t len = strlen(ops[k].text);
		if (strncmp(s, ops[k].text, len) == 0) {
			char *end;
			long long v = strtoll(s + len, &end, 10);
			while (*end == ' ')
				end++;
			if (end == s + len || *end)
				goto bad;
			out->op = ops[k].op;
			out->k = v;
			return RWKVC_STATUS_OK;
		}
	}
bad:
	return fail_at(ld, n, "bad condition '%s': expected 'i <op> <integer>' with op one of == != < <= > >=",
		       scalar(n));
}

static enum rwkvc_status parse_stmt_list(struct loader *ld, yaml_node_t *list, struct src_cond cond,
					 bool allow_when, struct src_stmts *out);

/* `- when: i > 0` / `ops: [...]` */
static enum rwkvc_status parse_when_block(struct loader *ld, yaml_node_t *item, struct src_cond outer,
					  struct src_stmts *out)
{
	yaml_node_t *when = NULL, *ops = NULL;
	for (yaml_node_pair_t *p = item->data.mapping.pairs.start; p < item->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(ld, p->key);
		if (k->type == YAML_SCALAR_NODE && strcmp(scalar(k), "when") == 0)
			when = node(ld, p->value);
		else if (k->type == YAML_SCALAR_NODE && strcmp(scalar(k), "ops") == 0)
			ops = node(ld, p->value);
		else
			return fail_at(ld, k, "unknown key in a conditional block (expected 'when' and 'ops')");
	}
	if (!when || !ops)
		return fail_at(ld, item, "a conditional block needs 'when: i <op> k' and 'ops:'");
	if (outer.op != COND_ALWAYS)
		return fail_at(ld, item, "conditional blocks cannot be nested");
	struct src_cond cond;
	TRY(parse_cond(ld, when, &cond));
	TRY(expect(ld, ops, YAML_SEQUENCE_NODE, "'ops'"));
	return parse_stmt_list(ld, ops, cond, false, out);
}

static enum rwkvc_status parse_stmt_list(struct loader *ld, yaml_node_t *list, struct src_cond cond,
					 bool allow_when, struct src_stmts *out)
{
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		yaml_node_t *item = node(ld, *it);
		if (item->type == YAML_MAPPING_NODE) {
			if (!allow_when)
				return fail_at(ld, item, "conditional blocks ('when:') are only allowed in the layer template");
			TRY(parse_when_block(ld, item, cond, out));
			continue;
		}
		TRY(expect(ld, item, YAML_SCALAR_NODE, "an op line"));
		struct src_stmt *st = &out->items[out->n++];
		TRY(src_parse_stmt(ld->e, ld->src, scalar(item), node_pos(ld, item), is_quoted(item), st));
		st->cond = cond;
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status parse_ops(struct loader *ld, yaml_node_t *list, const char *what, bool allow_when,
				   struct src_stmts *out)
{
	TRY(expect(ld, list, YAML_SEQUENCE_NODE, what));
	out->items = alloc_items(ld, count_stmts(ld, list), sizeof *out->items);
	if (!out->items)
		return ld->e->status;
	struct src_cond always = { COND_ALWAYS, 0 };
	return parse_stmt_list(ld, list, always, allow_when, out);
}

/* ---- layers ---- */

static enum rwkvc_status state_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	(void)ctx;
	struct graph_src *s = ld->src;
	struct src_state *st = &s->states[s->n_states++];
	st->name = arena_strdup(&s->arena, ld->e, scalar(k));
	st->pos = node_pos(ld, k);
	if (!st->name)
		return ld->e->status;
	TRY(expect(ld, v, YAML_MAPPING_NODE, "a state slot"));
	yaml_node_t *shape = NULL, *read = NULL, *write = NULL;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		yaml_node_t *pk = node(ld, p->key), *pv = node(ld, p->value);
		const char *key = pk->type == YAML_SCALAR_NODE ? scalar(pk) : "";
		if (strcmp(key, "shape") == 0)
			shape = pv;
		else if (strcmp(key, "read") == 0)
			read = pv;
		else if (strcmp(key, "write") == 0)
			write = pv;
		else
			return fail_at(ld, pk, "unknown key in state '%s' (expected shape, read, write)", st->name);
	}
	if (!shape || !read || !write)
		return fail_at(ld, v, "state '%s' needs shape, read and write", st->name);
	TRY(parse_shape(ld, shape, &st->shape));
	TRY(expect(ld, read, YAML_SCALAR_NODE, "a state's read name"));
	TRY(expect(ld, write, YAML_SCALAR_NODE, "a state's write name"));
	TRY(arena_name(ld, read, &st->read));
	return arena_name(ld, write, &st->write);
}

static enum rwkvc_status carry_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	(void)ctx;
	struct graph_src *s = ld->src;
	if (s->carry_name)
		return fail_at(ld, k, "only one carried name is supported");
	s->carry_name = arena_strdup(&s->arena, ld->e, scalar(k));
	TRY(expect(ld, v, YAML_SCALAR_NODE, "a carried name"));
	return arena_name(ld, v, &s->carry_next);
}

static enum rwkvc_status layers_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	(void)ctx;
	struct graph_src *s = ld->src;
	const char *key = scalar(k);
	if (strcmp(key, "count") == 0) {
		TRY(expect(ld, v, YAML_SCALAR_NODE, "'count'"));
		return src_parse_dim(ld->e, s, scalar(v), node_pos(ld, v), &s->layer_count);
	}
	if (strcmp(key, "prefix") == 0) {
		TRY(expect(ld, v, YAML_SCALAR_NODE, "'prefix'"));
		if (!strstr(scalar(v), "{i}"))
			return fail_at(ld, v, "the layer prefix must contain {i}");
		if (scalar(v)[0] == '.') /* src_instantiate would expand it into itself without end */
			return fail_at(ld, v, "the layer prefix cannot start with '.', which stands for the prefix");
		s->layer_prefix = arena_strdup(&s->arena, ld->e, scalar(v));
		return s->layer_prefix ? RWKVC_STATUS_OK : ld->e->status;
	}
	if (strcmp(key, "carry") == 0)
		return each_pair(ld, v, "'carry'", carry_pair, NULL);
	if (strcmp(key, "weights") == 0)
		return parse_decls(ld, v, "the layer weights", &s->layer_weights);
	if (strcmp(key, "state") == 0) {
		TRY(expect(ld, v, YAML_MAPPING_NODE, "'state'"));
		s->states = alloc_items(ld, pair_count(v), sizeof *s->states);
		return s->states ? each_pair(ld, v, "'state'", state_pair, NULL) : ld->e->status;
	}
	if (strcmp(key, "ops") == 0)
		return parse_ops(ld, v, "the layer ops", true, &s->layer_ops);
	return fail_at(ld, k, "unknown key '%s' in layers (expected count, prefix, carry, weights, state, ops)",
		       key);
}

/* ---- top level ---- */

static enum rwkvc_status outputs_list(struct loader *ld, yaml_node_t *v)
{
	struct graph_src *s = ld->src;
	TRY(expect(ld, v, YAML_SEQUENCE_NODE, "'outputs'"));
	int n = (int)(v->data.sequence.items.top - v->data.sequence.items.start);
	if (n < 1)
		return fail_at(ld, v, "'outputs' must name at least one tensor");
	s->outputs = alloc_items(ld, n, sizeof *s->outputs);
	if (!s->outputs)
		return ld->e->status;
	for (int i = 0; i < n; i++) {
		yaml_node_t *item = node(ld, v->data.sequence.items.start[i]);
		TRY(expect(ld, item, YAML_SCALAR_NODE, "an output name"));
		TRY(arena_name(ld, item, &s->outputs[s->n_outputs++]));
	}
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status top_pair(struct loader *ld, yaml_node_t *k, yaml_node_t *v, void *ctx)
{
	(void)ctx;
	struct graph_src *s = ld->src;
	const char *key = scalar(k);
	if (strcmp(key, "format") == 0) {
		int64_t f;
		TRY(parse_int(ld, v, "'format'", &f));
		if (f != 1)
			return fail_at(ld, v, "unsupported graph format %lld (this rwkvc reads format 1)", (long long)f);
		return RWKVC_STATUS_OK;
	}
	if (strcmp(key, "name") == 0) {
		TRY(expect(ld, v, YAML_SCALAR_NODE, "'name'"));
		s->name = arena_strdup(&s->arena, ld->e, scalar(v));
		return s->name ? RWKVC_STATUS_OK : ld->e->status;
	}
	if (strcmp(key, "symbols") == 0)
		return RWKVC_STATUS_OK; /* read first, see graph_src_parse */
	if (strcmp(key, "presets") == 0) {
		TRY(expect(ld, v, YAML_MAPPING_NODE, "'presets'"));
		s->presets = alloc_items(ld, pair_count(v), sizeof *s->presets);
		return s->presets ? each_pair(ld, v, "'presets'", preset_pair, NULL) : ld->e->status;
	}
	if (strcmp(key, "inputs") == 0)
		return each_pair(ld, v, "'inputs'", input_pair, NULL);
	if (strcmp(key, "constants") == 0) {
		TRY(expect(ld, v, YAML_MAPPING_NODE, "'constants'"));
		s->consts = alloc_items(ld, pair_count(v), sizeof *s->consts);
		return s->consts ? each_pair(ld, v, "'constants'", const_pair, NULL) : ld->e->status;
	}
	if (strcmp(key, "weights") == 0)
		return parse_decls(ld, v, "'weights'", &s->weights);
	if (strcmp(key, "prologue") == 0)
		return parse_ops(ld, v, "'prologue'", false, &s->prologue);
	if (strcmp(key, "layers") == 0)
		return each_pair(ld, v, "'layers'", layers_pair, NULL);
	if (strcmp(key, "epilogue") == 0)
		return parse_ops(ld, v, "'epilogue'", false, &s->epilogue);
	if (strcmp(key, "outputs") == 0)
		return outputs_list(ld, v);
	return fail_at(ld, k,
		       "unknown section '%s' (expected format, name, symbols, presets, inputs, constants, "
		       "weights, prologue, layers, epilogue, outputs)",
		       key);
}

static yaml_node_t *find_key(struct loader *ld, yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(ld, p->key);
		if (k->type == YAML_SCALAR_NODE && strcmp(scalar(k), key) == 0)
			return node(ld, p->value);
	}
	return NULL;
}

static enum rwkvc_status check_complete(struct loader *ld, yaml_node_t *root)
{
	struct graph_src *s = ld->src;
	static const char *const required[] = { "format", "symbols", "inputs", "outputs" };
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!find_key(ld, root, required[i]))
			return fail_at(ld, root, "missing section '%s'", required[i]);
	if (s->sym_T < 0)
		return fail_at(ld, root, "'symbols' must declare T, the number of tokens per call");
	if (!s->input.name.text) /* `inputs: {}`: the section is there but empty */
		return fail_at(ld, find_key(ld, root, "inputs"), "'inputs' must name the token input");
	if (find_key(ld, root, "layers")) {
		if (s->layer_count.sym < 0 && s->layer_count.n <= 0)
			return fail_at(ld, find_key(ld, root, "layers"), "'layers' needs 'count'");
		if (!s->carry_name)
			return fail_at(ld, find_key(ld, root, "layers"), "'layers' needs 'carry'");
	}
	if (!s->layer_prefix)
		s->layer_prefix = "blocks.{i}.";
	if (!s->name)
		s->name = "model";
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status load_document(struct loader *ld, const char *text, size_t len)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return err_set(ld->e, RWKVC_STATUS_NO_MEMORY, "out of memory starting the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	int ok = yaml_parser_load(&parser, &ld->doc);
	if (!ok) {
		err_set(ld->e, RWKVC_STATUS_BAD_GRAPH, "%s:%zu:%zu: YAML syntax error: %s%s%s", ld->src->file,
			parser.problem_mark.line + 1, parser.problem_mark.column + 1,
			parser.problem ? parser.problem : "unknown problem", parser.context ? " " : "",
			parser.context ? parser.context : "");
	}
	yaml_parser_delete(&parser);
	return ok ? RWKVC_STATUS_OK : ld->e->status;
}

enum rwkvc_status graph_src_parse(struct err *e, const char *text, size_t len, const char *file,
				  struct graph_src **out_src)
{
	*out_src = NULL;
	struct graph_src *src = mem_calloc(e, 1, sizeof *src, "graph source");
	if (!src)
		return e->status;
	arena_init(&src->arena);
	src->sym_T = -1;
	src->layer_count.sym = -1;
	src->file = arena_strdup(&src->arena, e, file);
	if (!src->file) {
		graph_src_destroy(src);
		return e->status;
	}
	struct loader ld;
	memset(&ld, 0, sizeof ld);
	ld.e = e;
	ld.src = src;
	enum rwkvc_status st = load_document(&ld, text, len);
	if (st) {
		graph_src_destroy(src);
		return st;
	}
	yaml_node_t *root = yaml_document_get_root_node(&ld.doc);
	if (!root) {
		st = err_set(e, RWKVC_STATUS_BAD_GRAPH, "%s: empty document, expected a model graph", file);
		goto done;
	}
	TRY_GOTO(st, expect(&ld, root, YAML_MAPPING_NODE, "the document"), done);
	/* symbols first: every other section refers to them */
	yaml_node_t *syms = find_key(&ld, root, "symbols");
	if (syms) {
		TRY_GOTO(st, expect(&ld, syms, YAML_MAPPING_NODE, "'symbols'"), done);
		src->syms = alloc_items(&ld, pair_count(syms), sizeof *src->syms);
		if (!src->syms) {
			st = e->status;
			goto done;
		}
		TRY_GOTO(st, each_pair(&ld, syms, "'symbols'", symbol_pair, NULL), done);
	}
	TRY_GOTO(st, each_pair(&ld, root, "the document", top_pair, NULL), done);
	TRY_GOTO(st, check_complete(&ld, root), done);
done:
	yaml_document_delete(&ld.doc);
	if (st) {
		graph_src_destroy(src);
		return st;
	}
	*out_src = src;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status graph_src_load(struct err *e, const char *path, struct graph_src **out_src)
{
	if (!path) {
		size_t len;
		const char *text = builtin_rwkv7_yaml(&len);
		return graph_src_parse(e, text, len, BUILTIN_RWKV7_NAME, out_src);
	}
	char *text;
	size_t len;
	TRY(file_read_all(e, path, &text, &len));
	enum rwkvc_status st = graph_src_parse(e, text, len, path, out_src);
	mem_free(text);
	return st;
}

void graph_src_destroy(struct graph_src *src)
{
	if (!src)
		return;
	arena_destroy(&src->arena);
	mem_free(src);
}
