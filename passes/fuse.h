/*
 * fuse.h - the fusion pass: which ops run together in one kernel.
 *
 * Fusion partitions the graph's ops into groups; lowering then emits one
 * kernel per group. Each fusion is a rule in the table of fuse.c (a name, the
 * group kind it makes, a function that grows a group from an anchor op) plus
 * a kernel template in codegen/; the runtime never knows which rule made a
 * kernel.
 */
#ifndef RWKVC_PASSES_FUSE_H
#define RWKVC_PASSES_FUSE_H

#include <stdbool.h>

#include "graph/graph.h"

enum group_kind {
	GROUP_SINGLE,      /* one op, its own kernel */
	GROUP_EW_CHAIN,    /* elementwise ops feeding one another: one expression */
	GROUP_MATVEC,      /* linear/matmul + activation (+ residual add) */
	GROUP_MIX,         /* [layer norm] + token shift + lerps (+ the shift state) */
	GROUP_HEAD_REGION, /* head-local ops around wkv7 */
	GROUP_MATVEC_SET,  /* independent matvecs of one wavefront (each with its epilogue): one dispatch */
	GROUP_KIND_COUNT
};

const char *group_kind_name(enum group_kind k);

struct op_group {
	enum group_kind kind;
	int32_t first, n; /* its ops: partition.ops[first .. first + n), in execution order */
	int32_t anchor;   /* the op the group grew from */
};

struct partition {
	int32_t *group_of; /* [n_ops] */
	struct op_group *groups;
	int32_t n_groups;
	int32_t *ops; /* op indices, group by group, groups in a valid execution order */
};

struct fuse_options {
	bool enable[GROUP_KIND_COUNT]; /* which rules run (GROUP_SINGLE is ignored) */
	bool region_lora; /* head regions also take the LoRA up-projections (else they run as
			     matvecs across the whole GPU, one dependent step earlier) */
};

/* Every rule on. */
struct fuse_options fuse_options_all(void);
/* Looks a rule up by name ("mix", "head_region", ...); false when unknown. */
bool fuse_rule_from_name(const char *name, enum group_kind *out);

/* Partitions g's ops. Without any rule enabled every op is its own group. */
enum rwkvc_status fuse_partition(struct err *e, const struct graph *g, const struct fuse_options *o,
				 struct partition *out);
void partition_destroy(struct partition *p);

#endif
