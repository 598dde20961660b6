/* shape_rules.h - per-op shape inference and checking (shape_rules.c). */
#ifndef RWKVC_GRAPH_SHAPE_RULES_H
#define RWKVC_GRAPH_SHAPE_RULES_H

#include "graph.h"

/* Checks the inputs of op `op_index` and sets the shapes of its outputs.
 * BAD_SHAPE with "file:line:col: op 'name': ..." when they do not fit. */
enum rwkvc_status infer_op_shapes(struct graph *g, struct err *e, int32_t op_index);

/* Same dims after dropping leading 1s ([1, 1, C] equals [C]). */
bool shape_same_numel_layout(const struct graph *g, const struct shape *a, const struct shape *b);

#endif
