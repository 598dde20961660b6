/* dce.h - dead-op removal (dce.c). */
#ifndef RWKVC_PASSES_DCE_H
#define RWKVC_PASSES_DCE_H

#include "graph/graph.h"

/* Drops every op that contributes to no output and no state write; weights
 * only dead ops read become unused (not required from the weights file).
 * Reports how many ops went through out_removed (may be NULL). */
enum rwkvc_status pass_dce(struct err *e, struct graph *g, int32_t *out_removed);

#endif
