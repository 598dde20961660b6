/*
 * weights.h - a weights file, whatever its format, as a list of named tensors.
 *
 * Readers (safetensors.c, gguf.c) open a file and present every tensor under
 * its official RWKV-7 checkpoint name and official shape (see
 * ../shared/testdata/rwkv7/README.md), converting layout where a format
 * stores it differently (GGUF's fused token-shift mixes, transposed LoRA
 * factors). Data usually points into the file's read-only mapping; tensors
 * that had to be rearranged point into memory the weight_file owns.
 *
 * Alignment: `data` is always aligned to the size of one element of its dtype
 * (4 for f32/i32, 2 for f16/bf16 and the ggml blocks, whose scales are f16),
 * so consumers may read it through typed pointers. A format may place a
 * tensor at any byte offset (safetensors does not require alignment); a reader
 * that finds a misaligned tensor copies it into the weight_file's arena. Files
 * written by ordinary tools (and ours) are aligned and cost no copy.
 *
 * Byte order: data is little-endian, as every supported format stores it;
 * rwkvc runs on little-endian hosts only.
 */
#ifndef RWKVC_RUNTIME_WEIGHTS_H
#define RWKVC_RUNTIME_WEIGHTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/file.h"
#include "base/mem.h"
#include "graph/graph.h"

enum { WEIGHT_MAX_RANK = 4 };

struct weight_tensor {
	const char *name;
	enum dtype dtype;
	int rank;
	int64_t shape[WEIGHT_MAX_RANK]; /* row-major, outermost first (torch order) */
	const void *data;               /* dtype_bytes(dtype, numel) bytes, aligned (see above) */
	size_t nbytes;
};

enum weight_format { WEIGHT_FORMAT_SAFETENSORS, WEIGHT_FORMAT_GGUF };

struct weight_file {
	const char *path;
	enum weight_format format;
	struct file_map map;
	struct arena arena; /* names, tables, rearranged tensors */
	struct weight_tensor *tensors;
	size_t n_tensors;
	/* string metadata (safetensors __metadata__, GGUF key/values rendered as text) */
	const char **meta_keys;
	const char **meta_values;
	size_t n_meta;
	/* the tensors sorted by name, for weights_find; built by weights_index_build */
	const struct weight_tensor **by_name;
};

/* Opens `path`, choosing the reader from the file's first bytes. On success
 * *out_w is the caller's to release with weights_close; on failure it is left
 * empty (weights_close on it is harmless). Errors: IO, BAD_FORMAT,
 * UNSUPPORTED (GGUF until its reader lands, dtypes or ranks rwkvc cannot
 * hold), NO_MEMORY. */
enum rwkvc_status weights_open(struct err *e, const char *path, struct weight_file *out_w);
/* A reader of one format: parses data[0..size) (`what` names it in messages)
 * into *out_w, which points into data. */
typedef enum rwkvc_status (*weights_parse_fn)(struct err *e, const uint8_t *data, size_t size, const char *what,
					       struct weight_file *out_w);
/* Maps `path` and parses it with `parse`; on success *out_w owns the mapping. */
enum rwkvc_status weights_open_mapped(struct err *e, const char *path, weights_parse_fn parse,
				      struct weight_file *out_w);
/* Releases everything the file owns (mapping, arena) and empties *w. */
void weights_close(struct weight_file *w);
/* The tensor named `name`, or NULL. O(log n). The pointer lives as long as w. */
const struct weight_tensor *weights_find(const struct weight_file *w, const char *name);
/* Metadata value for `key`, or NULL. Owned by w. */
const char *weights_meta(const struct weight_file *w, const char *key);
/* Product of the shape (1 for rank 0). */
int64_t weight_numel(const struct weight_tensor *t);

/* Converts the tensor's elements to float32 into out[0..numel). F32, F16 and
 * BF16 are converted exactly. Errors: UNSUPPORTED for I32 (not a float type)
 * and, for now, the quantised types. */
enum rwkvc_status weights_to_f32(struct err *e, const struct weight_tensor *t, float *out);

/* ---- for readers and writers ---- */

/* Readers call this once every tensor is in place: fills w->by_name (in w's
 * arena). Errors: BAD_FORMAT naming a tensor that appears twice, NO_MEMORY. */
enum rwkvc_status weights_index_build(struct err *e, struct weight_file *w);
/* Sorts the n pointers of `names` (reordering the array, not the strings) and
 * returns a name that occurs twice, or NULL if all differ. */
const char *weights_names_duplicate(const char **names, size_t n);

#endif
