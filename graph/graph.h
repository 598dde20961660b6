/*
 * graph.h - the op-graph IR.
 *
 * A graph is a flat list of tensors and ops, both plain data. Layers written
 * once as a template in the YAML are expanded here, so op `blocks.7.att.r`
 * exists as its own node; each node keeps the YAML position it came from.
 *
 * Shapes are symbolic: a dim is a constant or a symbol (C, H, T, ...). Binding
 * (bind.c) gives every symbol except T a value; T, the number of tokens in a
 * call, stays symbolic until run time.
 */
#ifndef RWKVC_GRAPH_H
#define RWKVC_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/mem.h"

enum dtype {
	DTYPE_F32,
	DTYPE_F16,
	DTYPE_BF16,
	DTYPE_I32,
	DTYPE_Q8_0, /* ggml block: f16 scale + 32 int8 */
	DTYPE_Q4_K, /* ggml super-block of 256 weights in 144 bytes */
	DTYPE_Q6_K, /* ggml super-block of 256 weights in 210 bytes */
	DTYPE_COUNT
};

const char *dtype_name(enum dtype t);
/* Parses "f32", "F16", "bf16", "q8_0", ... (case-insensitive). */
bool dtype_from_name(const char *s, enum dtype *out);
/* Bytes for `n` elements, or 0 if `n` is not a whole number of blocks. */
size_t dtype_bytes(enum dtype t, uint64_t n);
/* Elements per block (1 for plain types). */
uint32_t dtype_block(enum dtype t);

enum op_kind {
#define OP(e, name, min_in, max_in, n_out, params) OP_##e,
#include "ops.def"
#undef OP
	OP_COUNT
};

enum { OP_MAX_IN = 7, OP_MAX_OUT = 2, OP_MAX_PARAMS = 2, SHAPE_MAX_RANK = 4 };

struct op_info {
	const char *name;
	int min_in, max_in, n_out;
	const char *params; /* space-separated names */
};
extern const struct op_info op_table[OP_COUNT];
/* Looks an op up by its YAML name; false when unknown. */
bool op_kind_from_name(const char *name, enum op_kind *out);
/* Index of param `name` for op `k`, or -1. */
int op_param_index(enum op_kind k, const char *name);

/* Where something came from in the YAML, for messages. */
struct srcpos {
	const char *file;
	int line, col; /* 1-based; 0 when unknown */
};

/* A dim or a param: a constant, or a symbol whose value is filled in by binding. */
struct dim {
	int32_t sym; /* index into graph.syms, or -1 for a constant */
	int64_t n;   /* the value once known (constants: always) */
};

/* An op parameter: a number, or a symbol (e.g. `group=N`) resolved by binding. */
struct param {
	int32_t sym; /* -1: a number */
	double value;
};

struct shape {
	int rank;
	struct dim d[SHAPE_MAX_RANK];
};

enum tensor_kind {
	TENSOR_INPUT,  /* fed per call (tokens) */
	TENSOR_WEIGHT, /* from the weights file, by name */
	TENSOR_CONST,  /* a scalar written in the YAML */
	TENSOR_STATE,  /* the recurrent state read by this call */
	TENSOR_VALUE,  /* produced by an op */
};

struct tensor {
	const char *name;
	enum tensor_kind kind;
	enum dtype dtype;
	struct shape shape;
	int32_t producer; /* op index for TENSOR_VALUE, else -1 */
	int32_t layer;    /* layer index, or -1 outside the layers */
	double value;     /* TENSOR_CONST */
	bool used;        /* read by at least one op (weights: required) */
	struct srcpos pos;
};

struct op {
	enum op_kind kind;
	int n_in, n_out;
	int32_t in[OP_MAX_IN];
	int32_t out[OP_MAX_OUT];
	double param[OP_MAX_PARAMS]; /* resolved values, in the order of ops.def */
	int32_t layer;
	struct srcpos pos;
};

struct symbol {
	const char *name;
	const char *doc;
	bool bound;
	int64_t value;
	const char *bound_by; /* what gave the value (a preset, a weight's name), for messages */
};

/* A named set of symbol values (`presets:` in the YAML). */
struct preset {
	const char *name;
	int n;
	int32_t *sym;
	int64_t *value;
	struct srcpos pos;
};

/* One per-layer state slot (att_x, wkv, ffn_x): what is read and what is written. */
struct state_slot {
	const char *name;   /* as in state files: "att_x" */
	struct shape shape; /* per layer */
	int32_t *read;      /* [n_layer] tensor read (TENSOR_STATE) */
	int32_t *write;     /* [n_layer] tensor holding the new value */
};

struct graph {
	struct arena arena; /* everything below lives here */
	const char *name;   /* the model's name from the YAML */
	const char *file;   /* the YAML file, for messages */

	struct tensor *tensors;
	int32_t n_tensors;
	size_t cap_tensors;
	struct op *ops;
	int32_t n_ops;
	size_t cap_ops;

	struct symbol *syms;
	int32_t n_syms;
	int32_t sym_T;      /* the symbol for tokens per call */
	int32_t sym_layers; /* the layer-count symbol */

	struct preset *presets;
	int n_presets;

	int32_t n_layers;    /* expanded layers */
	int32_t input_tokens; /* the one TENSOR_INPUT */
	int32_t *outputs;     /* tensors returned to the caller (logits) */
	int n_outputs;
	struct state_slot *states;
	int n_states;

	/* name -> tensor index (open addressing) */
	int32_t *index;
	size_t index_cap;
};

/* Empty graph; free with graph_destroy. */
void graph_init(struct graph *g);
void graph_destroy(struct graph *g);

/* Tensor index by name, or -1. */
int32_t graph_find(const struct graph *g, const char *name);
/* Adds a tensor; fails (BAD_GRAPH, with position) when the name exists. */
enum rwkvc_status graph_add_tensor(struct graph *g, struct err *e, const struct tensor *t,
				   int32_t *out_index);
enum rwkvc_status graph_add_op(struct graph *g, struct err *e, const struct op *op,
			       int32_t *out_index);
int32_t graph_find_symbol(const struct graph *g, const char *name);

/* Number of elements of a bound shape with T = t (T must be its only unbound symbol). */
int64_t shape_numel(const struct graph *g, const struct shape *s, int64_t t);
/* "[T, 768]" style text into buf; returns buf. */
const char *shape_str(const struct graph *g, const struct shape *s, char *buf, size_t n);
/* Value of a bound dim or param (T dims give `t`). */
int64_t dim_value(const struct graph *g, struct dim d, int64_t t);

/* "models/rwkv7.yaml:41:7" for messages. */
const char *srcpos_str(struct srcpos p, char *buf, size_t n);

#endif
