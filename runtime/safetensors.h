/*
 * safetensors.h - reading and writing safetensors files.
 *
 * Format (../shared/testdata/rwkv7/README.md "File formats"): 8 bytes holding
 * the header length N (unsigned, little-endian), N bytes of JSON mapping each
 * tensor name to {"dtype", "shape", "data_offsets": [begin, end]} plus an
 * optional "__metadata__" object of strings, then the data; offsets count
 * from the first byte after the header.
 *
 * The reader is strict: anything the header claims is checked against the
 * file before a tensor is handed out (sizes, bounds, overlaps, duplicate
 * names), so a hostile file is refused with a message, never read past.
 * dtypes read and written: F32, F16, BF16, I32.
 */
#ifndef RWKVC_RUNTIME_SAFETENSORS_H
#define RWKVC_RUNTIME_SAFETENSORS_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "runtime/weights.h"

/* Largest header the reader accepts (and the writer produces). */
#define SAFETENSORS_MAX_HEADER ((uint64_t)100 << 20)

/* "F32", "F16", "BF16", "I32" for the dtypes safetensors can hold; NULL otherwise. */
const char *safetensors_dtype_name(enum dtype t);

/* Parses a whole safetensors file held in data[0..size). `what` names it in
 * messages and becomes out_w->path. Tensors point into `data`, which must
 * outlive *out_w (except misaligned tensors, which are copied into the arena);
 * out_w->map stays empty. On success release with weights_close; on failure
 * *out_w is left empty. Errors: BAD_FORMAT, UNSUPPORTED (a valid dtype rwkvc
 * does not read, rank > 4), NO_MEMORY. */
enum rwkvc_status safetensors_parse(struct err *e, const uint8_t *data, size_t size,
				    const char *what, struct weight_file *out_w);

/* Maps `path` and parses it; out_w owns the mapping. Errors: as
 * safetensors_parse, and IO. */
enum rwkvc_status safetensors_open(struct err *e, const char *path, struct weight_file *out_w);

/*
 * Streaming writer, for files larger than memory: the header is written from
 * the descriptions up front, then each tensor's data in turn, so at most one
 * tensor is held by the caller at a time. Tensors are laid out in the given
 * order, back to back, after a header padded with spaces to a multiple of 8.
 * The file appears at `path` only on a successful commit.
 */
struct safetensors_writer;

/* Starts writing `path`. descs[i] gives name, dtype, rank and shape (data and
 * nbytes are ignored); names are copied. meta_keys/meta_values: n_meta string
 * pairs for "__metadata__" (may be NULL when n_meta is 0). On success
 * *out_w must end with commit or abort. Errors: BAD_ARGUMENT (duplicate or
 * reserved names, bad shapes), UNSUPPORTED (a dtype safetensors cannot hold),
 * IO, NO_MEMORY. */
enum rwkvc_status safetensors_writer_begin(struct err *e, const char *path,
					   const struct weight_tensor *descs, size_t n,
					   const char *const *meta_keys,
					   const char *const *meta_values, size_t n_meta,
					   struct safetensors_writer **out_w);
/* Writes all the data of tensor i; i must be 0, 1, ..., n-1 in turn and nbytes
 * exactly its size. Errors: BAD_ARGUMENT (order, size), IO. After an error
 * the writer is still valid and must be aborted. */
enum rwkvc_status safetensors_writer_put(struct err *e, struct safetensors_writer *w, size_t i,
					 const void *data, size_t nbytes);
/* Finishes the file and moves it into place. Always frees w; on failure
 * (BAD_ARGUMENT when tensors are missing, IO) nothing is left at the path. */
enum rwkvc_status safetensors_writer_commit(struct err *e, struct safetensors_writer *w);
/* Throws the unfinished file away and frees w. NULL is allowed. */
void safetensors_writer_abort(struct safetensors_writer *w);

#endif
