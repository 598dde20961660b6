/*
 * plan_file.h - a compiled plan with everything needed to run it again: the
 * graph's YAML and symbol values (to rebuild the graph), the pass options,
 * the plan itself and the SPIR-V of its kernels; and the versioned binary
 * file that stores it (`rwkvc compile -o X.plan`).
 *
 * File layout (all integers little-endian; docs/plan-dump.md has the table):
 *
 *   "RWKVPLAN"  u32 format version  u64 file size  str rwkvc version
 *   u32 section count, then per section: 4-byte tag, u64 payload bytes, payload
 *       CONF  model name, YAML file name and text, symbols, t_max, dtypes,
 *             pass options, quant, the codegen target of the SPIR-V
 *       KERN  each kernel_desc field by field, bindings and covered ops by
 *             tensor name, barrier flag, layer
 *       BUFS  per tensor: place kind, offset, bytes, dtype, transposed,
 *             alias, first/last kernel; buffer totals
 *       COPY  state copies, by tensor name
 *       CODE  each distinct kernel's GLSL and SPIR-V, and each kernel's blob
 *   u64 xxhash64 (seed 0) of every byte before it
 *
 * (str = u32 length + bytes, no NUL.) Names, not indices, tie the plan to the
 * graph, so a plan keeps working when tensor order changes; the reader
 * rebuilds the graph from the stored YAML and refuses any name it lacks.
 * The reader checks framing, counts and indices so that a damaged or
 * mismatched file is refused with a message instead of misbehaving; a file
 * that passes is trusted like an executable.
 */
#ifndef RWKVC_PASSES_PLAN_FILE_H
#define RWKVC_PASSES_PLAN_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "pipeline.h"
#include "plan.h"

#define PLAN_FILE_MAGIC "RWKVPLAN"
enum { PLAN_FILE_FORMAT = 3 };
/* The version of rwkvc that writes plans; a plan made by another is refused. */
#define PLAN_RWKVC_VERSION "0.1.0"

/* One distinct kernel's code. */
struct plan_code_blob {
	char *glsl;      /* NUL-terminated */
	uint32_t *words; /* SPIR-V, or NULL when only GLSL was made */
	size_t n_words;
};

/* The code of a plan's kernels, for one codegen target. */
struct plan_code {
	bool has_target; /* false: no code (the runtime generates it) */
	struct codegen_target target;
	int32_t n_blobs;
	struct plan_code_blob *blobs;
	int32_t *kernel_blob; /* [plan.n_kernels]: each kernel's blob; NULL when n_blobs is 0 */
};

void plan_code_destroy(struct plan_code *c);

struct plan_file {
	struct arena arena;   /* the strings and symbol tables below */
	const char *model;    /* the graph's name */
	const char *yaml_file; /* where the YAML came from (messages) */
	const char *yaml;     /* the graph YAML text, NUL-terminated */
	size_t yaml_len;
	int32_t n_syms;       /* bound symbols other than T */
	const char **sym_names;
	int64_t *sym_values;
	struct pipeline_options opts; /* print_after and verbose are not stored */
	const char *quant;    /* as given (--quant), or NULL */
	const char *made_by;  /* the rwkvc version that wrote the file */
	struct graph graph;   /* rebuilt from yaml + symbols */
	bool has_graph;
	struct plan plan;     /* plan.g == &graph */
	struct plan_code code;
};

void plan_file_init(struct plan_file *pf);
void plan_file_destroy(struct plan_file *pf);

/*
 * Records the YAML text (copied) and the symbol values, and builds pf->graph
 * from them, exactly as loading a plan file does. Errors: BAD_GRAPH (YAML,
 * an unknown or missing symbol), BAD_SHAPE, NO_MEMORY.
 */
enum rwkvc_status plan_file_set_graph(struct err *e, struct plan_file *pf, const char *yaml, size_t len,
				      const char *yaml_file, const char *const *names, const int64_t *values, int n);

/* Runs the pass pipeline on pf->graph into pf->plan (see pipeline_run). */
enum rwkvc_status plan_file_compile(struct err *e, struct plan_file *pf, const struct pipeline_options *o,
				    struct strbuf *report, struct strbuf *printed);

/* The file's bytes, appended to `out`. Errors: NO_MEMORY. */
enum rwkvc_status plan_file_serialize(struct err *e, const struct plan_file *pf, struct strbuf *out);
/* Writes the file atomically. Errors: IO, NO_MEMORY. */
enum rwkvc_status plan_file_save(struct err *e, const struct plan_file *pf, const char *path);

enum {
	PLAN_PARSE_NO_CHECKSUM = 1, /* skip the checksum (fuzzing: reach the section parsers) */
};

/*
 * Parses a plan file from memory (the fuzzing entry); `what` names it in
 * messages. On success *out (initialised here) holds the rebuilt graph and
 * the plan; release with plan_file_destroy; on failure it is left empty.
 * Errors: BAD_FORMAT (bad magic, truncation, checksum, a section or count
 * running past its end, an index or enum out of range, a name the rebuilt
 * graph lacks), UNSUPPORTED (another format version or rwkvc version; the
 * message says both), BAD_GRAPH/BAD_SHAPE (the stored YAML), NO_MEMORY.
 */
enum rwkvc_status plan_file_parse(struct err *e, const void *data, size_t n, const char *what, unsigned flags,
				  struct plan_file *out);
/* Reads and parses the file at `path`. Errors: IO and those of plan_file_parse. */
enum rwkvc_status plan_file_load(struct err *e, const char *path, struct plan_file *out);

#endif
