/*
 * gguf.h - a strict reader for GGUF v2/v3 files (llama.cpp's model format),
 * and the mapping of llama.cpp's `rwkv7` architecture onto official RWKV-7
 * checkpoint names and shapes (gguf_rwkv7.c; docs/gguf-mapping.md).
 *
 * Layout: "GGUF", u32 version, u64 tensor count, u64 key/value count, the
 * key/values, the tensor infos (name, u32 n_dims, u64 ne[n_dims], u32 ggml
 * type, u64 offset), zero padding to `general.alignment` (default 32), then
 * the tensor data; offsets count from the start of that data. All little-
 * endian. Dims are in ggml order: ne[0] is the innermost, contiguous one, so
 * a torch [out, in] matrix has ne = {in, out}.
 *
 * Everything the reader hands out points into the caller's buffer or the
 * given arena; nothing is copied that need not be.
 */
#ifndef RWKVC_RUNTIME_GGUF_H
#define RWKVC_RUNTIME_GGUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/mem.h"
#include "graph/graph.h"
#include "runtime/weights.h"

/* Metadata value types, numbered as in the file. */
enum gguf_type {
	GGUF_TYPE_UINT8 = 0,
	GGUF_TYPE_INT8 = 1,
	GGUF_TYPE_UINT16 = 2,
	GGUF_TYPE_INT16 = 3,
	GGUF_TYPE_UINT32 = 4,
	GGUF_TYPE_INT32 = 5,
	GGUF_TYPE_FLOAT32 = 6,
	GGUF_TYPE_BOOL = 7,
	GGUF_TYPE_STRING = 8,
	GGUF_TYPE_ARRAY = 9,
	GGUF_TYPE_UINT64 = 10,
	GGUF_TYPE_INT64 = 11,
	GGUF_TYPE_FLOAT64 = 12,
	GGUF_TYPE_COUNT
};

/* ggml tensor type numbers rwkvc reads (the file's numbering). */
enum {
	GGML_TYPE_F32 = 0,
	GGML_TYPE_F16 = 1,
	GGML_TYPE_Q8_0 = 8,
	GGML_TYPE_Q4_K = 12,
	GGML_TYPE_Q6_K = 14,
	GGML_TYPE_BF16 = 30,
};

enum { GGUF_MAX_DIMS = 4, GGUF_DEFAULT_ALIGNMENT = 32, GGUF_MAX_NAME = 64 };

struct gguf_value {
	enum gguf_type type;
	uint64_t u;          /* UINT8..UINT64, BOOL (0 or 1) */
	int64_t i;           /* INT8..INT64 */
	double f;            /* FLOAT32, FLOAT64 */
	const char *str;     /* STRING: `len` bytes in the buffer, not NUL-terminated */
	uint64_t len;
	enum gguf_type elem; /* ARRAY: element type, count, encoded elements in the buffer */
	uint64_t count;
	const uint8_t *elems;
	size_t elems_size; /* bytes the encoded elements span */
};

struct gguf_kv {
	const char *key; /* NUL-terminated, in the arena */
	struct gguf_value value;
};

struct gguf_tensor {
	const char *name; /* NUL-terminated, in the arena */
	uint32_t n_dims;
	uint64_t ne[GGUF_MAX_DIMS]; /* ggml order; dims past n_dims are 1 */
	uint32_t ggml_type;
	enum dtype dtype;
	uint64_t offset;     /* from the start of the data section */
	const uint8_t *data; /* in the buffer */
	size_t nbytes;
};

struct gguf_file {
	const char *what; /* names the input in messages */
	uint32_t version;
	uint32_t alignment;
	struct gguf_kv *kv;
	size_t n_kv;
	struct gguf_tensor *tensors;
	size_t n_tensors;
	size_t data_start; /* byte offset of the data section */
};

/*
 * Parses the GGUF file in data[0..size) into `out`; tables live in `arena`,
 * strings and tensor data stay in `data`, which must outlive `out`. Refuses
 * (BAD_FORMAT, message names `what` and the offending key/tensor/byte): bad
 * magic, versions other than 2 and 3, counts the file cannot hold, strings or
 * arrays past the end, bad bools, an alignment that is not a power of two of
 * at least 8, duplicate keys or tensor names, 0 or more than 4 dims, dims
 * whose product overflows, rows that are not whole blocks, misaligned or
 * out-of-range or overlapping tensor data; UNSUPPORTED for tensor types other
 * than F32, F16, BF16, Q8_0, Q4_K and Q6_K (naming the type).
 */
enum rwkvc_status gguf_read(struct err *e, struct arena *arena, const uint8_t *data, size_t size,
			    const char *what, struct gguf_file *out);

/* The key/value named `key`, or NULL. */
const struct gguf_kv *gguf_find(const struct gguf_file *g, const char *key);
/* A required non-negative integer key (any integer type). BAD_FORMAT if missing or not one. */
enum rwkvc_status gguf_get_uint(struct err *e, const struct gguf_file *g, const char *key,
				uint64_t *out);
/*
 * Decodes the array item at byte *offset of arr's elements (start with 0) and
 * moves *offset past it. Items of a parsed file always decode; the status is
 * for values built by hand.
 */
enum rwkvc_status gguf_array_next(struct err *e, const char *what, const struct gguf_value *arr,
				  size_t *offset, struct gguf_value *out_item);
/* "Q4_K", "Q5_0", ... for a ggml type number; NULL when the number is unknown. */
const char *gguf_ggml_type_name(uint32_t t);
/* Name of a metadata type ("uint32", "array"); "?" when out of range. */
const char *gguf_type_name(enum gguf_type t);

/*
 * The value as text in `arena`: numbers in decimal (floats with %.9g or
 * %.17g), bools as true/false, strings as they are, arrays as JSON-style
 * lists with strings quoted and escaped. NULL on allocation failure.
 */
char *gguf_value_text(struct arena *arena, struct err *e, const struct gguf_value *v);

/* Fills w's metadata (meta_keys/meta_values/n_meta) with every key/value as text. */
enum rwkvc_status gguf_meta_to_weights(struct err *e, const struct gguf_file *g,
				       struct weight_file *w);

/*
 * Maps a parsed rwkv7 GGUF onto official RWKV-7 tensors, appending them to
 * `w` (tensors, n_tensors; memory in w->arena). Tensors that need no change
 * point into the GGUF data; transposed LoRA factors are materialised in the
 * arena (quantised ones as F32). Errors: UNSUPPORTED for another
 * architecture, BAD_FORMAT for missing hyper-parameters, bad layer numbers
 * or names that collide, BAD_SHAPE for tensors of unexpected shape.
 */
enum rwkvc_status gguf_rwkv7_map(struct err *e, const struct gguf_file *g, struct weight_file *w);

/*
 * Opens a GGUF file, presenting its tensors under official names and its
 * metadata as text (see weights.h). On success *out_w owns the mapping and
 * its arena (released by weights_close); on failure nothing is left open.
 */
enum rwkvc_status gguf_open(struct err *e, const char *path, struct weight_file *out_w);

/*
 * Like gguf_open on a buffer the caller keeps alive for the life of *out_w
 * (for tests and fuzzing): out_w->map stays empty, so weights_close leaves
 * the buffer alone. `what` names the input in messages. Tensor data pointers
 * are only as aligned as `data` is (the file's alignment is relative to it).
 */
enum rwkvc_status gguf_parse(struct err *e, const uint8_t *data, size_t size, const char *what,
			     struct weight_file *out_w);

#endif
