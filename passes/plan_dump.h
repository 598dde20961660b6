/*
 * plan_dump.h - a plan as text, YAML, JSON or Graphviz DOT (`rwkvc dump`).
 *
 * Like SQLite's EXPLAIN: a flat list of kernels in dispatch order, each with
 * the graph ops it covers (by their output names, so a line leads back to the
 * YAML), the tensors it binds with shapes, the bytes it moves per token and
 * the barrier before it; then the buffer map and the totals. All formats are
 * made from the same numbers (struct plan_totals, struct kernel_traffic);
 * docs/plan-dump.md explains every field.
 */
#ifndef RWKVC_PASSES_PLAN_DUMP_H
#define RWKVC_PASSES_PLAN_DUMP_H

#include "base/strbuf.h"
#include "fuse.h"
#include "pipeline.h"
#include "plan.h"

enum plan_dump_format { PLAN_DUMP_TEXT, PLAN_DUMP_YAML, PLAN_DUMP_JSON, PLAN_DUMP_DOT, PLAN_DUMP_FORMAT_COUNT };

/* "text", "yaml", "json", "dot"; false when unknown. */
bool plan_dump_format_from_name(const char *name, enum plan_dump_format *out);

/* What a dump shows besides the plan itself. */
struct plan_dump_input {
	const struct plan *plan;
	const struct pipeline_options *opts; /* the options that made it */
	enum pass_id stage;  /* the last pass that ran (PASS_LOWER .. PASS_SCHEDULE) */
	const char *quant;   /* as recorded (--quant), or NULL */
	const char *target;  /* the codegen target of its SPIR-V as text, or NULL */
};

/* An input for a plan straight out of the pipeline. */
struct plan_dump_input plan_dump_input_of(const struct plan *p, const struct pipeline_options *o, enum pass_id stage);

/* Bytes one kernel moves for T tokens. State counts as activations. */
struct kernel_traffic {
	uint64_t weight_read; /* weight bytes it reads (an embedding reads T rows) */
	uint64_t act_read;    /* activation, token and state bytes it reads */
	uint64_t act_written; /* activation and state bytes it writes */
};

void plan_kernel_traffic(const struct plan *p, int32_t k, int64_t T, struct kernel_traffic *out);

/* The summary at the end of a dump. Per token means decode, T = 1. */
struct plan_totals {
	int32_t dispatches, barriers;                     /* per token */
	int32_t dispatches_per_layer, barriers_per_layer; /* the busiest layer */
	int32_t layers;
	uint64_t weight_bytes_per_token;
	uint64_t act_read_per_token, act_written_per_token;
	uint64_t act_naive, act_planned;     /* peak activation memory at T = 1: one region each / as planned */
	uint64_t arena_naive, arena_planned; /* the same at t_max: what the runtime allocates */
	uint64_t weight_bytes, state_bytes;  /* the weight and state buffers */
};

/* Computes the totals (re-plans memory at T = 1 on a copy of the places).
 * Errors: NO_MEMORY. */
enum rwkvc_status plan_totals_of(struct err *e, const struct plan_dump_input *in, struct plan_totals *out);

/* Appends the dump of in->plan in format `f` to `out`. Errors: NO_MEMORY. */
enum rwkvc_status plan_dump(struct err *e, const struct plan_dump_input *in, enum plan_dump_format f,
			    struct strbuf *out);

/* The fusion groups (--print-after fuse): one line per group, like the kernel
 * list of the text dump. part NULL: every op its own group. */
void plan_dump_partition(const struct graph *g, const struct partition *part, struct strbuf *out);

/* ---- for the format writers (plan_dump_*.c) ---- */

/* "matvec+tanh+residual", "mix(ln,6,state)", "elementwise(3)", "head_region(21 ops)". */
void plan_kernel_label(const struct plan_kernel *k, char *buf, size_t n);
/* "act", "weight", "state", "tokens", "none". */
const char *place_kind_name(enum place_kind k);
/* The tensors listed in the buffer map, in their order: activations by first
 * kernel, then state, tokens and weights by offset. Caller frees (mem_free). */
enum rwkvc_status plan_buffer_order(struct err *e, const struct plan *p, int32_t **out, int32_t *out_n);

enum rwkvc_status plan_dump_doc(struct err *e, const struct plan_dump_input *in, bool yaml, struct strbuf *out);
enum rwkvc_status plan_dump_dot(struct err *e, const struct plan_dump_input *in, struct strbuf *out);

#endif
