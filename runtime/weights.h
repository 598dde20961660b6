/*
 * weights.h - a weights file, whatever its format, as a list of named tensors.
 *
 * Readers (safetensors.c, gguf.c) open a file and present every tensor under
 * its official RWKV-7 checkpoint name and official shape (see
 * ../shared/testdata/rwkv7/README.md), converting layout where a format
 * stores it differently (GGUF's fused token-shift mixes, transposed LoRA
 * factors). Data usually points into the file's read-only mapping; tensors
 * that had to be rearranged point into memory the weight_file owns.
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
	const void *data;               /* dtype_bytes(dtype, numel) bytes */
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
};

/* Opens `path`, choosing the reader from the file's first bytes. */
enum rwkvc_status weights_open(struct err *e, const char *path, struct weight_file *out_w);
void weights_close(struct weight_file *w);
/* The tensor named `name`, or NULL. */
const struct weight_tensor *weights_find(const struct weight_file *w, const char *name);
/* Metadata value for `key`, or NULL. */
const char *weights_meta(const struct weight_file *w, const char *key);
/* Converts an F32/F16/BF16 (later: quantised) tensor to f32; `out` holds weight_numel(t) floats. */
enum rwkvc_status weights_to_f32(struct err *e, const struct weight_tensor *t, float *out);
/* Product of the shape. */
int64_t weight_numel(const struct weight_tensor *t);

#endif
