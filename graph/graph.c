/* graph.c - IR storage: tensors, ops, the name index, dtypes and the op table. */
#include "graph.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const struct op_info op_table[OP_COUNT] = {
#define OP(e, nm, min_in, max_in, n_out, params) [OP_##e] = { nm, min_in, max_in, n_out, params },
#include "ops.def"
#undef OP
};

bool op_kind_from_name(const char *name, enum op_kind *out)
{
	for (int k = 0; k < OP_COUNT; k++) {
		if (strcmp(op_table[k].name, name) == 0) {
			*out = (enum op_kind)k;
			return true;
		}
	}
	return false;
}

int op_param_index(enum op_kind k, const char *name)
{
	const char *p = op_table[k].params;
	size_t n = strlen(name);
	for (int i = 0; *p; i++) {
		size_t len = strcspn(p, " ");
		if (len == n && strncmp(p, name, n) == 0)
			return i;
		p += len;
		p += *p == ' ';
	}
	return -1;
}

static const struct {
	const char *name;
	uint32_t block;       /* elements per block */
	uint32_t block_bytes; /* bytes per block */
} dtype_table[DTYPE_COUNT] = {
	[DTYPE_F32] = { "f32", 1, 4 },     [DTYPE_F16] = { "f16", 1, 2 },
	[DTYPE_BF16] = { "bf16", 1, 2 },   [DTYPE_I32] = { "i32", 1, 4 },
	[DTYPE_Q8_0] = { "q8_0", 32, 34 }, [DTYPE_Q4_K] = { "q4_k", 256, 144 },
	[DTYPE_Q6_K] = { "q6_k", 256, 210 },
};

const char *dtype_name(enum dtype t)
{
	return (unsigned)t < DTYPE_COUNT ? dtype_table[t].name : "?";
}

bool dtype_from_name(const char *s, enum dtype *out)
{
	for (int t = 0; t < DTYPE_COUNT; t++) {
		if (strcasecmp(dtype_table[t].name, s) == 0) {
			*out = (enum dtype)t;
			return true;
		}
	}
	return false;
}

uint32_t dtype_block(enum dtype t) { return dtype_table[t].block; }

size_t dtype_bytes(enum dtype t, uint64_t n)
{
	uint32_t b = dtype_table[t].block;
	if (n % b)
		return 0;
	return (size_t)(n / b) * dtype_table[t].block_bytes;
}

void graph_init(struct graph *g)
{
	memset(g, 0, sizeof *g);
	arena_init(&g->arena);
	g->sym_T = -1;
	g->sym_layers = -1;
	g->input_tokens = -1;
}

void graph_destroy(struct graph *g)
{
	mem_free(g->tensors);
	mem_free(g->ops);
	mem_free(g->index);
	arena_destroy(&g->arena);
	memset(g, 0, sizeof *g);
}

static uint64_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

int32_t graph_find(const struct graph *g, const char *name)
{
	if (!g->index_cap)
		return -1;
	size_t mask = g->index_cap - 1;
	for (size_t i = name_hash(name) & mask;; i = (i + 1) & mask) {
		int32_t t = g->index[i];
		if (t < 0)
			return -1;
		if (strcmp(g->tensors[t].name, name) == 0)
			return t;
	}
}

static void index_insert(struct graph *g, int32_t t)
{
	size_t mask = g->index_cap - 1;
	size_t i = name_hash(g->tensors[t].name) & mask;
	while (g->index[i] >= 0)
		i = (i + 1) & mask;
	g->index[i] = t;
}

static enum rwkvc_status index_grow(struct graph *g, struct err *e)
{
	if ((size_t)(g->n_tensors + 1) * 2 <= g->index_cap)
		return RWKVC_STATUS_OK;
	size_t cap = g->index_cap ? g->index_cap * 2 : 256;
	int32_t *idx = mem_alloc(e, cap * sizeof *idx, "tensor name index");
	if (!idx)
		return e->status;
	mem_free(g->index);
	g->index = idx;
	g->index_cap = cap;
	for (size_t i = 0; i < cap; i++)
		idx[i] = -1;
	for (int32_t t = 0; t < g->n_tensors; t++)
		index_insert(g, t);
	return RWKVC_STATUS_OK;
}

const char *srcpos_str(struct srcpos p, char *buf, size_t n)
{
	if (p.line > 0)
		snprintf(buf, n, "%s:%d:%d", p.file ? p.file : "?", p.line, p.col);
	else
		snprintf(buf, n, "%s", p.file ? p.file : "?");
	return buf;
}

enum rwkvc_status graph_add_tensor(struct graph *g, struct err *e, const struct tensor *t,
				   int32_t *out_index)
{
	int32_t old = graph_find(g, t->name);
	if (old >= 0) {
		char a[256], b[256];
		return err_set(e, RWKVC_STATUS_BAD_GRAPH,
			       "%s: duplicate tensor name '%s' (first defined at %s)",
			       srcpos_str(t->pos, a, sizeof a), t->name,
			       srcpos_str(g->tensors[old].pos, b, sizeof b));
	}
	TRY(index_grow(g, e));
	TRY(mem_grow(e, (void **)&g->tensors, &g->cap_tensors, (size_t)g->n_tensors + 1,
		     sizeof *g->tensors, "graph tensors"));
	int32_t i = g->n_tensors++;
	g->tensors[i] = *t;
	index_insert(g, i);
	if (out_index)
		*out_index = i;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status graph_add_op(struct graph *g, struct err *e, const struct op *op,
			       int32_t *out_index)
{
	TRY(mem_grow(e, (void **)&g->ops, &g->cap_ops, (size_t)g->n_ops + 1, sizeof *g->ops,
		     "graph ops"));
	int32_t i = g->n_ops++;
	g->ops[i] = *op;
	if (out_index)
		*out_index = i;
	return RWKVC_STATUS_OK;
}

int32_t graph_find_symbol(const struct graph *g, const char *name)
{
	for (int32_t i = 0; i < g->n_syms; i++)
		if (strcmp(g->syms[i].name, name) == 0)
			return i;
	return -1;
}

int64_t dim_value(const struct graph *g, struct dim d, int64_t t)
{
	if (d.sym < 0)
		return d.n;
	if (d.sym == g->sym_T)
		return t;
	return g->syms[d.sym].value;
}

int64_t shape_numel(const struct graph *g, const struct shape *s, int64_t t)
{
	int64_t n = 1;
	for (int i = 0; i < s->rank; i++)
		n *= dim_value(g, s->d[i], t);
	return n;
}

const char *shape_str(const struct graph *g, const struct shape *s, char *buf, size_t n)
{
	size_t used = 0;
	used += (size_t)snprintf(buf + used, n - used, "[");
	for (int i = 0; i < s->rank && used < n; i++) {
		struct dim d = s->d[i];
		const char *sep = i ? ", " : "";
		if (d.sym >= 0 && (d.sym == g->sym_T || !g->syms[d.sym].bound))
			used += (size_t)snprintf(buf + used, n - used, "%s%s", sep, g->syms[d.sym].name);
		else
			used += (size_t)snprintf(buf + used, n - used, "%s%lld", sep,
						 (long long)dim_value(g, d, 0));
	}
	if (used < n)
		snprintf(buf + used, n - used, "]");
	return buf;
}
