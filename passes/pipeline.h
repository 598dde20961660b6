/*
 * pipeline.h - the pass driver: graph -> plan, the one place that runs the
 * passes in order with their options. `rwkvc compile`, `rwkvc dump` and the
 * Vulkan runtime (vk_model.c) all build their plans here, so they run the
 * same code.
 *
 * The passes, in order (each has a name for --disable-pass / --print-after):
 *   fuse      partition the ops into fusion groups (fuse.c); its rules are
 *             named too ("mix", "matvec", "head_region", "ew_chain") and can
 *             be switched off one by one; off: one kernel per op
 *   lower     one kernel per group (lower.c, lower_fused.c); cannot be off
 *   memplan   place tensors (memplan.c); off: no reuse, every activation in
 *             its own region
 *   schedule  barriers only where data flows (schedule.c); off: a barrier
 *             before every kernel
 */
#ifndef RWKVC_PASSES_PIPELINE_H
#define RWKVC_PASSES_PIPELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "fuse.h"
#include "plan.h"

enum pass_id { PASS_FUSE, PASS_LOWER, PASS_MEMPLAN, PASS_SCHEDULE, PASS_COUNT };

enum { PIPELINE_DEFAULT_T_MAX = 16, PIPELINE_DEFAULT_ALIGN = 256 };

/* "fuse", "lower", "memplan", "schedule". */
const char *pass_name(enum pass_id p);

struct pipeline_options {
	int64_t t_max;            /* largest T per call (the prefill chunk) */
	enum dtype act;           /* activation storage: f32 or f16 */
	enum dtype weight;        /* weight storage: f32 or f16 */
	enum dtype quant;         /* the matrices' storage as asked (weight_policy.h): F32, F16,
				     Q8_0, Q4_K, or DTYPE_COUNT for none (the default) */
	const enum dtype *file_dtype; /* NULL, or [n_tensors]: each weight's type in the weights
					 file (GGUF tensors already quantised are kept so); not
					 stored in plan files (the plan's per-tensor types are) */
	bool pass_on[PASS_COUNT]; /* PASS_LOWER is always on */
	struct fuse_options fuse; /* the fusion rules that run when fuse is on */
	uint64_t align;           /* offset alignment of every placed tensor (bytes) */
	int print_after;          /* a pass_id whose result is printed, or -1 */
	bool verbose;             /* one line per pass into the report */
};

/* Everything on, t_max 16, f32, align 256, nothing printed. */
struct pipeline_options pipeline_options_default(void);

/* Switches off a pass or a fusion rule by name. Errors: BAD_ARGUMENT for an
 * unknown name or "lower" (which cannot be off); the message lists the names. */
enum rwkvc_status pipeline_disable(struct err *e, struct pipeline_options *o, const char *name);
/* Sets print_after from a pass name. Errors: BAD_ARGUMENT for an unknown name. */
enum rwkvc_status pipeline_set_print_after(struct err *e, struct pipeline_options *o, const char *name);
/* The options as text ("fuse(mix,matvec,head_region,ew_chain) memplan schedule"),
 * for dumps and plan files. Appends to b. */
void pipeline_options_str(const struct pipeline_options *o, struct strbuf *b);

/*
 * Runs the passes on `g` (which must outlive the plan) into *out (release
 * with plan_destroy; empty on failure). With o->verbose, one line per pass
 * goes to `report` ("fuse: 576 ops -> 159 groups"); with print_after set,
 * the graph or plan after that pass goes to `printed`, in the text format of
 * plan_dump.h. Either may be NULL. Errors: those of the passes (NO_MEMORY,
 * UNSUPPORTED, BAD_GRAPH), BAD_ARGUMENT for a t_max < 1, a dtype other
 * than f32/f16 or a quant other than f32/f16/q8_0/q4_k.
 */
enum rwkvc_status pipeline_run(struct err *e, const struct graph *g, const struct pipeline_options *o,
			       struct plan *out, struct strbuf *report, struct strbuf *printed);

/* Barriers in the kernels of the layer that has the most of them (0 without layers). */
int32_t plan_barriers_per_layer(const struct plan *p);
/* All barriers of the plan (kernels with barrier_before). */
int32_t plan_barriers(const struct plan *p);
/* [n_kernels]: how many barriers come before each kernel (its barrier
 * interval). Caller frees (mem_free). Errors: NO_MEMORY. */
enum rwkvc_status plan_barrier_intervals(struct err *e, const struct plan *p, int32_t **out);

#endif
