/*
 * state_file.h - the state file format (docs/state-file.md): a session's
 * recurrent state, the sampler's state and the pending token, checksummed.
 *
 * state_file_parse checks a whole file in memory without a model and without
 * allocating (what a fuzzer calls); matching it against a session and
 * applying it is api_state_file.c's job.
 */
#ifndef RWKVC_RUNTIME_STATE_FILE_H
#define RWKVC_RUNTIME_STATE_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "rwkvc.h"

#define STATE_FILE_MAGIC "RWKVCSTF"
enum {
	STATE_FILE_VERSION = 1,
	STATE_FILE_MAX_SLOTS = 8,
	STATE_FILE_MAX_NAME = 63,
	STATE_FILE_HEADER = 24, /* magic, version, flags, file size */
};

struct state_file_slot {
	char name[STATE_FILE_MAX_NAME + 1];
	int rank; /* 1..4 */
	int64_t shape[4];
};

/* The model's side of the file, also what the writer is given. */
struct state_file_model {
	uint32_t n_layer, n_embd, n_head, head_size, vocab;
	int n_slots;
	struct state_file_slot slot[STATE_FILE_MAX_SLOTS];
	uint64_t n_floats; /* sum over slots of the product of their shape */
};

/* A parsed file. Pointers lead into the parsed bytes. */
struct state_file {
	struct state_file_model model;
	const uint8_t *floats; /* n_floats little-endian float32, all finite */
	int32_t pending_token; /* -1: none; else in [0, vocab) */
	int has_sampler;
	int32_t vocab_limit;   /* with a sampler: in [1, vocab] */
	uint64_t rng[4];       /* not all zero */
	uint32_t n_counts;
	const uint8_t *counts; /* n_counts x (u32 id, f64 count), ids increasing below vocab_limit, counts > 0 */
};

/* Checks and parses data[0..size). `name` (the path) starts every message.
 * Errors: BAD_FORMAT (not a state file, truncated, bad checksum, malformed),
 * UNSUPPORTED (another version). */
enum rwkvc_status state_file_parse(struct err *e, const void *data, size_t size, const char *name,
				   struct state_file *out);

/* Reads little-endian values (the parser's and the applier's shared helpers). */
float state_file_f32(const uint8_t *p);
uint32_t state_file_u32(const uint8_t *p);
uint64_t state_file_u64(const uint8_t *p);

/* What the writer writes: `state` is model->n_floats floats; counts[0..vocab_limit)
 * are written sparsely (non-zero entries only). */
struct state_file_content {
	const struct state_file_model *model;
	const float *state;
	int32_t pending_token;
	int has_sampler;
	int32_t vocab_limit;
	const uint64_t *rng;
	const double *counts;
};

/* Writes the file atomically (file_writer_*). Errors: IO, NO_MEMORY. */
enum rwkvc_status state_file_write(struct err *e, const char *path, const struct state_file_content *c);

#endif
