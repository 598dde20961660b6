/*
 * src.h - a model graph as written in YAML, before expansion.
 *
 * Loading (load_yaml.c) produces a graph_src: symbols, presets, declared
 * weights and the op lines of the prologue, the layer template and the
 * epilogue, each with its YAML position. Binding (bind.c) gives the symbols
 * values; expansion (expand.c) instantiates the layer template L times into a
 * struct graph and checks names, cycles and shapes.
 */
#ifndef RWKVC_GRAPH_SRC_H
#define RWKVC_GRAPH_SRC_H

#include "graph.h"

/* A tensor name as written: may hold `{i}` or start with `.` (layer prefix). */
struct src_name {
	const char *text;
	struct srcpos pos;
};

/* `when: i <op> k` on a block of layer ops. */
enum src_cond_op { COND_ALWAYS, COND_EQ, COND_NE, COND_LT, COND_LE, COND_GT, COND_GE };

struct src_cond {
	enum src_cond_op op;
	int64_t k;
};

/* One op line: `a, b = op(x, y, name=value)`. */
struct src_stmt {
	enum op_kind kind;
	int n_out, n_in;
	struct src_name out[OP_MAX_OUT];
	struct src_name in[OP_MAX_IN];
	struct param param[OP_MAX_PARAMS];
	bool has_param[OP_MAX_PARAMS];
	struct src_cond cond;
	struct srcpos pos;
};

struct src_decl { /* a weight, input or state shape declaration */
	struct src_name name;
	struct shape shape;
	enum dtype dtype;
};

struct src_const {
	struct src_name name;
	double value;
};

struct src_state {
	const char *name; /* "att_x" */
	struct shape shape;
	struct src_name read, write;
	struct srcpos pos;
};

struct src_stmts {
	struct src_stmt *items;
	int n;
};

struct src_decls {
	struct src_decl *items;
	int n;
};

struct graph_src {
	struct arena arena;
	const char *file;
	const char *name;

	struct symbol *syms;
	int32_t n_syms;
	int32_t sym_T;

	struct preset *presets;
	int n_presets;

	struct src_decl input; /* the token input */
	struct src_const *consts;
	int n_consts;
	struct src_decls weights; /* global */
	struct src_stmts prologue;

	struct dim layer_count;
	const char *layer_prefix; /* "blocks.{i}." */
	const char *carry_name;   /* "x" */
	struct src_name carry_next; /* ".out" */
	struct src_decls layer_weights;
	struct src_state *states;
	int n_states;
	struct src_stmts layer_ops;

	struct src_stmts epilogue;
	struct src_name *outputs;
	int n_outputs;
};

/*
 * Loads a graph from YAML text. `file` names it in messages. On success the
 * caller owns *out_src (graph_src_destroy). Errors: BAD_GRAPH with
 * "file:line:col: what was found, what was expected".
 */
enum rwkvc_status graph_src_parse(struct err *e, const char *text, size_t len, const char *file,
				  struct graph_src **out_src);
/* Loads from a file, or the built-in RWKV-7 graph when `path` is NULL. */
enum rwkvc_status graph_src_load(struct err *e, const char *path, struct graph_src **out_src);
void graph_src_destroy(struct graph_src *src);

/* Parses one op line (stmt.c). `pos` is where the text starts; `quoted` shifts columns by one. */
enum rwkvc_status src_parse_stmt(struct err *e, struct graph_src *src, const char *text,
				 struct srcpos pos, int quoted, struct src_stmt *out);
/* Parses a dim or param value: an integer or a symbol name. */
enum rwkvc_status src_parse_dim(struct err *e, const struct graph_src *src, const char *text,
				struct srcpos pos, struct dim *out);

/* ---- binding (bind.c) ---- */

/* A tensor of a weights file as the binder sees it: name and shape only. */
struct bind_tensor {
	const char *name;
	int rank;
	int64_t shape[SHAPE_MAX_RANK];
};

/* Gives every symbol the values of preset `name`. */
enum rwkvc_status graph_src_bind_preset(struct err *e, struct graph_src *src, const char *name);
/* Gives symbols explicit values: names[i] = values[i]. Symbols left unbound
 * fail graph_build only where a used tensor needs them. */
enum rwkvc_status graph_src_bind_values(struct err *e, struct graph_src *src, const char *const *names,
					const int64_t *values, int n);
/*
 * Infers the symbols from the shapes of a weights file: the layer count from
 * how many layers' weights exist, the rest by matching declared weight shapes
 * against the file's. `what` names the weights file in messages.
 */
enum rwkvc_status graph_src_bind_weights(struct err *e, struct graph_src *src,
					 const struct bind_tensor *tensors, size_t n, const char *what);
/* Writes the instantiated name of `name` in layer `layer` (-1: outside layers). */
enum rwkvc_status src_instantiate(struct err *e, const struct graph_src *src, const struct src_name *name,
				  int layer, char *buf, size_t n);

/* ---- expansion (expand.c) ---- */

/*
 * Builds the graph: layers instantiated, names resolved, ops ordered
 * topologically, shapes inferred and checked. Every symbol but T must be bound.
 */
enum rwkvc_status graph_build(struct err *e, const struct graph_src *src, struct graph *out_g);

#endif
