/*
 * rwkvc.h - the public C interface of rwkvc, an RWKV-7 inference engine.
 *
 * Ten lines of use (docs/c-api.md walks through them; tests/test_api.c runs them):
 *
 *     rwkvc_ctx_t *ctx;  rwkvc_model_t *m;  rwkvc_session_t *s;  rwkvc_sampler_t *smp;
 *     struct rwkvc_model_options o = rwkvc_model_options_default();
 *     o.weights_path = "model.safetensors";                    // or a llama.cpp .gguf
 *     rwkvc_ctx_create(&ctx);
 *     if (rwkvc_model_load(ctx, &o, &m)) { fprintf(stderr, "%s\n", rwkvc_errmsg(ctx)); return 1; }
 *     struct rwkvc_model_info info;  rwkvc_model_get_info(m, &info);
 *     float *logits = malloc(info.vocab * sizeof *logits);  int32_t next;
 *     struct rwkvc_sampler_options so = rwkvc_sampler_options_default();
 *     rwkvc_session_create(m, &s);  rwkvc_sampler_create(ctx, &so, info.vocab, &smp);
 *     rwkvc_session_eval(s, prompt, n_prompt, RWKVC_EVAL_LAST, logits);   // prefill
 *     for (int i = 0; i < 100; i++) {                                       // decode
 *         rwkvc_sampler_sample(smp, logits, info.vocab, &next);  rwkvc_sampler_accept(smp, next);
 *         rwkvc_session_eval(s, &next, 1, RWKVC_EVAL_LAST, logits);
 *     }
 *     rwkvc_sampler_destroy(smp); rwkvc_session_destroy(s); rwkvc_model_destroy(m); rwkvc_ctx_destroy(ctx);
 *
 * Every call returns an rwkvc_status; 0 is success. On failure the message
 * (what went wrong and where) is kept in the context until the next failing
 * call and is read with rwkvc_errmsg(). The library keeps no state outside its
 * handles (apart from the shader compiler's one-time process setup, and the
 * fault-injection counters tests use), never calls exit() and starts no threads
 * of its own. A handle is used by one thread at a time.
 */
#ifndef RWKVC_H
#define RWKVC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. 0 is success; every other value names a class of failure, the
 * context's message says the rest. */
enum rwkvc_status {
	RWKVC_STATUS_OK = 0,
	RWKVC_STATUS_BAD_ARGUMENT,  /* a caller passed something invalid */
	RWKVC_STATUS_IO,            /* a file could not be opened, read or written */
	RWKVC_STATUS_BAD_FORMAT,    /* a file is malformed: truncated, lying, unknown */
	RWKVC_STATUS_BAD_GRAPH,     /* the op graph is invalid (YAML, names, cycles) */
	RWKVC_STATUS_BAD_SHAPE,     /* shapes do not agree */
	RWKVC_STATUS_NO_MEMORY,     /* a host or device allocation failed */
	RWKVC_STATUS_UNSUPPORTED,   /* valid, but not something rwkvc can do (yet) */
	RWKVC_STATUS_VULKAN,        /* a Vulkan call failed */
	RWKVC_STATUS_DEVICE_LOST,   /* the GPU was lost; the model must be reloaded */
	RWKVC_STATUS_NOT_FINITE,    /* a NaN or Inf appeared where numbers must be finite */
	RWKVC_STATUS_COUNT
};

/* ------------------------------------------------------------------------ */
/* Handles. All are opaque; each has a create/load and a destroy.            */

typedef struct rwkvc_ctx rwkvc_ctx_t;             /* error messages, settings */
typedef struct rwkvc_model rwkvc_model_t;         /* graph + weights on a backend */
typedef struct rwkvc_session rwkvc_session_t;     /* one conversation's state */
typedef struct rwkvc_tokenizer rwkvc_tokenizer_t; /* the RWKV World tokenizer */

/* ------------------------------------------------------------------------ */
/* Context                                                                  */

/* Creates a context. Fails only when memory is short (then *out_ctx is NULL). */
enum rwkvc_status rwkvc_ctx_create(rwkvc_ctx_t **out_ctx);
/* Destroys a context. Models and sessions made with it must be destroyed first. */
void rwkvc_ctx_destroy(rwkvc_ctx_t *ctx);
/* The message of the last failure in this context ("" if none). Owned by ctx;
 * valid until the next call that fails. */
const char *rwkvc_errmsg(const rwkvc_ctx_t *ctx);
/* Progress on stderr for long work (loading, quantising): 0 quiet, 1 on.
 * Default: on when stderr is a terminal. */
void rwkvc_ctx_set_progress(rwkvc_ctx_t *ctx, int enabled);

/* ------------------------------------------------------------------------ */
/* Models                                                                   */

enum rwkvc_backend {
	RWKVC_BACKEND_AUTO = 0, /* Vulkan when it is available, else the CPU */
	RWKVC_BACKEND_CPU,      /* the reference interpreter (float64 accumulation) */
	RWKVC_BACKEND_VULKAN,
};

enum rwkvc_precision {
	RWKVC_PRECISION_F32 = 0, /* weights and activations in f32 */
	RWKVC_PRECISION_F16,     /* weights and activations in f16; the wkv state stays f32 */
}; /* below */

struct rwkvc_model_options {
	const char *graph_path;   /* op graph YAML; NULL: the built-in RWKV-7 graph */
	const char *weights_path; /* .safetensors (official names) or .gguf */
	const char *plan_path;    /* a compiled plan; NULL: compile on load */
	enum rwkvc_backend backend;
	enum rwkvc_precision precision;
	const char *quant;        /* NULL, "f32", "f16", "q8_0" or "q4_k": the storage of the big
				     matrices (attention, FFN, head), converted on load; NULL keeps
				     a GGUF's quantised matrices as they are. docs/quantisation.md.
				     The CPU backend computes with the same (dequantised) values */
	const struct rwkvc_random_model *random; /* instead of weights_path: random weights made
						    in memory (benchmarks of real shapes) */
	int t_max;                /* Vulkan: tokens per recorded call; longer inputs are split (0: 16) */
	int no_fuse;              /* Vulkan: one kernel per op (for comparisons and debugging) */
};

/* Defaults: built-in graph, AUTO backend, F32, no quantisation. */
struct rwkvc_model_options rwkvc_model_options_default(void);

/* Loads a model. On success *out_model is owned by the caller (rwkvc_model_destroy).
 * Errors: IO, BAD_FORMAT (weights file), BAD_GRAPH, BAD_SHAPE (weights do not fit
 * the graph), NO_MEMORY, UNSUPPORTED, VULKAN. */
enum rwkvc_status rwkvc_model_load(rwkvc_ctx_t *ctx, const struct rwkvc_model_options *opts,
				   rwkvc_model_t **out_model);
void rwkvc_model_destroy(rwkvc_model_t *model);

struct rwkvc_model_info {
	int n_layer, n_embd, n_head, head_size, vocab, ffn;
	int lora_decay, lora_iclr, lora_value, lora_gate; /* ranks Dw, Da, Dv, Dg */
	const char *backend; /* "cpu" or the Vulkan device's name; owned by the model */
	uint64_t weight_bytes; /* bytes of weights a decode step reads (as stored on the backend) */
	int kernels;          /* Vulkan: kernels dispatched per token (decode) */
	int barriers;         /* Vulkan: barriers between them per token (decode) */
	int kernels_compiled; /* Vulkan: distinct kernels compiled while loading */
	int kernels_cached;   /* Vulkan: distinct kernels read from the SPIR-V cache instead */
};
void rwkvc_model_get_info(const rwkvc_model_t *model, struct rwkvc_model_info *out_info);

/* Profiles one call of n_tokens tokens on the session's model (Vulkan only):
 * every kernel is timed with GPU timestamps, with a barrier after each so the
 * times do not overlap (the sum is therefore above a normal call's time).
 * *out_text (free with rwkvc_free) lists the time per kernel kind and the
 * slowest kernels. The session's state is left unchanged. Errors: UNSUPPORTED
 * on the CPU backend or without timestamps, NO_MEMORY, VULKAN. */
enum rwkvc_status rwkvc_session_profile(rwkvc_session_t *session, size_t n_tokens, char **out_text);

/* Frees memory the library handed out (texts). NULL is fine. */
void rwkvc_free(void *p);

/* Measures the streaming read bandwidth of the model's device (GB/s), the
 * physical limit of a decode step being weight_bytes / bandwidth. Vulkan
 * backends only: UNSUPPORTED on the CPU. */
enum rwkvc_status rwkvc_model_measure_bandwidth(rwkvc_model_t *model, double *out_gbps);

/* ------------------------------------------------------------------------ */
/* Sessions: the recurrent state of one sequence, and evaluation            */

/* A session starts from the all-zero state. Owned by the caller. */
enum rwkvc_status rwkvc_session_create(rwkvc_model_t *model, rwkvc_session_t **out_session);
void rwkvc_session_destroy(rwkvc_session_t *session);

enum rwkvc_eval_flags {
	RWKVC_EVAL_LAST = 0, /* write only the last position's logits: out is [vocab] */
	RWKVC_EVAL_ALL = 1,  /* write every position's logits: out is [n_tokens, vocab] */
	/* Check that the logits written and the new state hold no NaN or Inf. If
	 * they do: NOT_FINITE, the state as before the call, and a message naming
	 * the first token whose evaluation made one and the layer it arose in (the
	 * tokens are fed again one at a time, every layer's state checked after
	 * each; docs/c-api.md). Costs one state readback when all is finite. */
	RWKVC_EVAL_CHECK_FINITE = 2,
};

/* Feeds n_tokens tokens (all at once, as a sequence) and advances the state.
 * out_logits may be NULL when the logits are not needed. Errors: BAD_ARGUMENT
 * (a token id outside [0, vocab), n_tokens == 0), NO_MEMORY, VULKAN,
 * DEVICE_LOST, NOT_FINITE (with RWKVC_EVAL_CHECK_FINITE). On error the state
 * is unchanged. */
enum rwkvc_status rwkvc_session_eval(rwkvc_session_t *session, const int32_t *tokens,
				     size_t n_tokens, unsigned flags, float *out_logits);

/* The state as float32: every state slot in graph order (for RWKV-7: att_x
 * [L, C], wkv [L, H, N, N], ffn_x [L, C]), each row-major, concatenated. */
size_t rwkvc_state_size(const rwkvc_session_t *session); /* in floats */
/* Number of slots, and each slot's name, rank and shape (first dim = layers). */
int rwkvc_state_slots(const rwkvc_session_t *session);
void rwkvc_state_slot(const rwkvc_session_t *session, int slot, const char **out_name,
		      int *out_rank, int64_t out_shape[4]);
enum rwkvc_status rwkvc_state_get(rwkvc_session_t *session, float *out, size_t n_floats);
enum rwkvc_status rwkvc_state_set(rwkvc_session_t *session, const float *in, size_t n_floats);
enum rwkvc_status rwkvc_state_reset(rwkvc_session_t *session);

/* ------------------------------------------------------------------------ */
/* Random models (for tests and benchmarks; no download needed)             */

struct rwkvc_random_model {
	const char *preset;  /* "0.1b", "0.4b", "1.5b", "2.9b", "7.2b", or NULL */
	int n_layer, n_embd, vocab; /* used when preset is NULL */
	int head_size;       /* 0: 64 */
	int ffn;             /* 0: 4 * n_embd */
	int lora_decay, lora_iclr, lora_value, lora_gate; /* 0: the official formula */
	uint64_t seed;
	const char *dtype;   /* storage type: "f32" (default), "f16" or "bf16" */
	const char *graph_path; /* NULL: the built-in graph */
};

/* Writes a safetensors file with every weight the graph uses, official names and
 * shapes, random values at init-like scales (never zeros). Atomic: on failure
 * nothing is left at `path`. */
enum rwkvc_status rwkvc_random_model_write(rwkvc_ctx_t *ctx, const struct rwkvc_random_model *spec,
					   const char *path);

/* ------------------------------------------------------------------------ */
/* Tokenizer                                                                */

/* The RWKV World tokenizer (vocabulary rwkv_vocab_v20230424.txt, 65530 ids).
 * Encoding is greedy longest match over the text's bytes, exactly as the
 * official tokenizer does: no normalisation, no special tokens, and never id 0
 * (<|endoftext|>, which stands for no bytes). Text is bytes: any byte string,
 * valid UTF-8 or not and NULs included, encodes, and decodes back unchanged.
 * A tokenizer is read-only after loading and may be shared between threads,
 * except that failures write their message into the context it was loaded
 * with (rwkvc_errmsg), which is one per context. */

/* Loads the vocabulary file at vocab_path and builds the matcher (a few MB of
 * tables for the official file). The tokenizer keeps `ctx` for its error
 * messages: ctx must outlive it. On success *out_tok is owned by the caller
 * (rwkvc_tokenizer_destroy); on failure it is NULL.
 * Errors: IO (cannot read the file), BAD_FORMAT (a malformed line, a literal
 * whose bytes differ from the stated length, a repeated id; the message says
 * "path:line: ..."), NO_MEMORY, UNSUPPORTED (absurdly large vocabulary). */
enum rwkvc_status rwkvc_tokenizer_load(rwkvc_ctx_t *ctx, const char *vocab_path,
				       rwkvc_tokenizer_t **out_tok);
/* Frees a tokenizer; NULL is ignored. Its streams must be destroyed first. */
void rwkvc_tokenizer_destroy(rwkvc_tokenizer_t *tok);

/* One more than the largest id: ids run over [0, vocab_size). 65530 for the
 * official file, whose models have 65536 logits; ids past the vocabulary are
 * rejected by decoding. */
int32_t rwkvc_tokenizer_vocab_size(const rwkvc_tokenizer_t *tok);

/* Encodes text[0..len) (any bytes) into ids. Every id covers at least one
 * byte, so `len` ids always suffice. text may be NULL when len is 0.
 * - out_ids == NULL (cap ignored): only counts; *out_n is the number of ids.
 * - otherwise: writes up to `cap` ids; *out_n is the full number. When it
 *   exceeds cap, out_ids holds the first cap ids and BAD_ARGUMENT is returned.
 * Errors: BAD_ARGUMENT (cap too small; text NULL with len > 0), UNSUPPORTED (a
 * byte that no token starts with: impossible with the official vocabulary). */
enum rwkvc_status rwkvc_tokenizer_encode(rwkvc_tokenizer_t *tok, const char *text, size_t len,
					 int32_t *out_ids, size_t cap, size_t *out_n);

/* Decodes ids[0..n) into their bytes, concatenated; id 0 (<|endoftext|>)
 * decodes to nothing. The bytes need not be UTF-8 (a multi-byte character can
 * be split between ids); see the stream below for text shown as it arrives.
 * - out == NULL (cap ignored): checks the ids; *out_len is the byte count.
 * - otherwise: writes the bytes when they fit in `cap`, plus a NUL after them
 *   when there is room for it (not counted; the bytes may hold NULs too).
 * Nothing is written unless every id is valid and everything fits.
 * Errors: BAD_ARGUMENT (an id outside [0, vocab_size) or without a token,
 * message naming the id and its position; cap too small, *out_len = needed). */
enum rwkvc_status rwkvc_tokenizer_decode(rwkvc_tokenizer_t *tok, const int32_t *ids, size_t n,
					 char *out, size_t cap, size_t *out_len);

/* The bytes of one id, without copying: *out_bytes points into the tokenizer
 * (valid until it is destroyed, not NUL-terminated); id 0 gives 0 bytes.
 * Errors: BAD_ARGUMENT (id out of range or without a token). */
enum rwkvc_status rwkvc_tokenizer_token_bytes(rwkvc_tokenizer_t *tok, int32_t id,
					      const char **out_bytes, size_t *out_len);

/* A streaming decoder, for printing text as a model generates it: fed one id
 * at a time, it returns only whole UTF-8 characters and holds back the start
 * of a character whose remaining bytes are still to come (at most 3 bytes),
 * until a later id completes it. Bytes that can never become valid UTF-8 (a
 * stray continuation byte, an 0xFF) are passed on at once, unchanged: the
 * stream never alters bytes, it only delays them. So everything it returns,
 * flush included, is exactly rwkvc_tokenizer_decode of the same ids. */
typedef struct rwkvc_tokenizer_stream rwkvc_tokenizer_stream_t;

/* Creates a stream over `tok` (which must outlive it). Owned by the caller
 * (rwkvc_tokenizer_stream_destroy). Errors: NO_MEMORY (*out_stream is NULL). */
enum rwkvc_status rwkvc_tokenizer_stream_create(rwkvc_tokenizer_t *tok,
						rwkvc_tokenizer_stream_t **out_stream);
/* Frees a stream; NULL is ignored. Held-back bytes are dropped. */
void rwkvc_tokenizer_stream_destroy(rwkvc_tokenizer_stream_t *stream);

/* Feeds one id. *out_text / *out_len receive the bytes now complete (often
 * none; never an unfinished character at the end). *out_text is owned by the
 * stream, NUL-terminated, and valid until the next call on the stream.
 * Errors: BAD_ARGUMENT (id out of range or without a token; the stream is
 * unchanged, *out_len is 0). */
enum rwkvc_status rwkvc_tokenizer_stream_push(rwkvc_tokenizer_stream_t *stream, int32_t id,
					      const char **out_text, size_t *out_len);

/* Ends the text: returns the held-back bytes (0 to 3, an unfinished
 * character) unchanged, not replaced by U+FFFD, and empties the stream for a
 * new text. *out_text as for push. Cannot fail. */
void rwkvc_tokenizer_stream_flush(rwkvc_tokenizer_stream_t *stream, const char **out_text,
				  size_t *out_len);

/* ------------------------------------------------------------------------ */
/* Plans: compiled models (`rwkvc compile`, `rwkvc dump`)                    */

/* A plan is the model compiled for the GPU: the op graph after fusion, the
 * kernels in dispatch order, where every tensor lives, where the barriers go
 * and the SPIR-V of the kernels. It can be saved to a versioned binary file
 * and run later (rwkvc_model_options.plan_path), or dumped as text, YAML, JSON
 * or Graphviz DOT. Made by rwkvc_plan_compile or rwkvc_plan_load; owned by
 * the caller (rwkvc_plan_destroy). A plan keeps `ctx` for its messages. */
typedef struct rwkvc_plan rwkvc_plan_t;

struct rwkvc_plan_options {
	const char *graph_path;   /* op graph YAML; NULL: the built-in RWKV-7 graph */
	const char *weights_path; /* the sizes (C, H, L, ...) from this weights file, */
	const char *preset;       /* or from this preset of the graph ("2.9b"); exactly one of the two */
	enum rwkvc_precision precision; /* activations (and weights, unless `quant` says otherwise) */
	const char *quant;        /* the big matrices' storage: NULL, "f32", "f16", "q8_0" or "q4_k"
				     (docs/quantisation.md; recorded in the plan) */
	int t_max;                /* the most tokens per call (the prefill chunk); 0: 16 */
	const char *const *disable; /* passes or fusion rules to switch off: "fuse", "memplan",
				       "schedule", "mix", "matvec", "head_region", "ew_chain" */
	int n_disable;
	const char *print_after;  /* a pass name ("fuse", "lower", "memplan", "schedule"): its
				     result, in the text dump format, goes to rwkvc_plan_printed() */
	int verbose;              /* 1: one line per pass to rwkvc_plan_report() */
	const char *target;       /* the GPU the kernels are made for: "auto" or NULL (the Vulkan
				     device when there is one, else "generic"), "device", "generic"
				     (a fixed generic GPU) or "none" (no code: the runtime makes it) */
};

/* Defaults: built-in graph, F32, t_max 16, every pass on, target "auto". */
struct rwkvc_plan_options rwkvc_plan_options_default(void);

/* Runs the passes. On success *out_plan is the caller's. Errors: BAD_ARGUMENT
 * (no or both of weights_path and preset, an unknown pass or quant, t_max < 1),
 * IO, BAD_FORMAT (weights file), BAD_GRAPH, BAD_SHAPE, UNSUPPORTED (a quant
 * type not made on load: q6_k, bf16; target "device" without a device),
 * NO_MEMORY. */
enum rwkvc_status rwkvc_plan_compile(rwkvc_ctx_t *ctx, const struct rwkvc_plan_options *opts,
				     rwkvc_plan_t **out_plan);
/* Writes the plan file atomically, compiling any kernel not yet in SPIR-V
 * first. Errors: IO, BAD_ARGUMENT (a kernel the compiler rejects), NO_MEMORY. */
enum rwkvc_status rwkvc_plan_save(rwkvc_plan_t *plan, const char *path);
/* Reads a plan file and rebuilds its graph. Errors: IO, BAD_FORMAT (damaged,
 * truncated, a name its graph lacks), UNSUPPORTED (made by another rwkvc or
 * format version; the message names both), BAD_GRAPH, NO_MEMORY. */
enum rwkvc_status rwkvc_plan_load(rwkvc_ctx_t *ctx, const char *path, rwkvc_plan_t **out_plan);
/* The plan as text: `format` is "text", "yaml", "json", "dot" or "glsl" (every
 * distinct kernel's GLSL; needs a plan with code). *out_text is the caller's
 * (rwkvc_free). docs/plan-dump.md explains every field. Errors: BAD_ARGUMENT
 * (unknown format), UNSUPPORTED (glsl of a plan without code), NO_MEMORY. */
enum rwkvc_status rwkvc_plan_dump(rwkvc_plan_t *plan, const char *format, char **out_text);
/* What compiling said: the -v lines ("fuse: 576 ops -> 159 groups"), and what
 * print_after printed. Owned by the plan; "" when nothing. */
const char *rwkvc_plan_report(const rwkvc_plan_t *plan);
const char *rwkvc_plan_printed(const rwkvc_plan_t *plan);
void rwkvc_plan_destroy(rwkvc_plan_t *plan);

/* ------------------------------------------------------------------------ */
/* Devices                                                                  */

/* One Vulkan device as rwkvc sees it. Plain data, no ownership. Flags are 0/1. */
struct rwkvc_device_info {
	int index;              /* position in the list (what RWKVC_DEVICE=N counts) */
	char name[256];         /* "NVIDIA H100 80GB HBM3", "llvmpipe (LLVM 15.0.6, 256 bits)" */
	char type[16];          /* "discrete GPU", "integrated GPU", "virtual GPU", "CPU", "other" */
	char driver_name[256];  /* "NVIDIA", "llvmpipe" */
	char driver_info[256];  /* "580.65.06", "Mesa 22.3.6 (LLVM 15.0.6)" */
	uint32_t driver_version; /* raw, vendor-encoded */
	uint32_t vendor_id, device_id;
	int api_major, api_minor, api_patch; /* Vulkan version of the device */
	int usable;             /* rwkvc can run on it (Vulkan 1.2 and a compute queue) */
	char unusable_why[96];  /* when not usable */
	int selected;           /* the device rwkvc picks (RWKVC_DEVICE, else the best type) */
	/* subgroups */
	uint32_t subgroup_size, subgroup_min, subgroup_max;
	int subgroup_size_control, subgroup_arithmetic;
	/* types */
	int shader_float16, shader_int8, shader_int16, shader_int64;
	int storage_16bit, storage_8bit;
	int buffer_device_address, int_dot_4x8_accelerated, float32_atomic_add;
	int coopmat_nv, coopmat_khr, coopmat2_nv; /* cooperative matrix extensions */
	/* limits */
	uint64_t max_storage_buffer_range, max_memory_allocation, max_buffer_size;
	uint64_t device_local_bytes;
	uint32_t max_shared_memory, max_workgroup_invocations, max_push_constants;
	uint32_t min_storage_offset_align;
	float timestamp_period_ns;   /* 0 with no timestamps on the compute queue */
	uint32_t timestamp_valid_bits;
};

/* Number of Vulkan devices (0 is possible: a loader without drivers). Honours
 * RWKVC_VALIDATE and RWKVC_DEVICE. Errors: UNSUPPORTED (no usable loader, or
 * validation asked for but not installed), NO_MEMORY, VULKAN. */
enum rwkvc_status rwkvc_device_count(rwkvc_ctx_t *ctx, int *out_n);
/* Fills *out_info for device `index` (0 .. count-1). Errors: BAD_ARGUMENT
 * (index out of range), UNSUPPORTED, NO_MEMORY, VULKAN. */
enum rwkvc_status rwkvc_device_get_info(rwkvc_ctx_t *ctx, int index,
					struct rwkvc_device_info *out_info);

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                              */

/* The differential kernel test (`rwkvc test-ops`): every kernel kind the
 * compiler emits, over awkward shapes (widths that are no multiple of a
 * workgroup, M = 1, T = 1 / 3 / the maximum, one and three heads) and storage
 * types (f32/f16 activations and weights), weights bound as several row
 * chunks, is run on the Vulkan device rwkvc picks (RWKVC_DEVICE and
 * RWKVC_VALIDATE are honoured) with random inputs and NaN-poisoned outputs,
 * and compared with the C reference by relative L2 error against a bound per
 * output type (1e-5 for f32, 2e-3 for f16 storage). */
struct rwkvc_test_ops_options {
	const char *filter; /* only runs whose name, followed by a space ("matvec K=200 M=131
			       act=f16 w=f32 T=3 "), contains this; NULL or "": all */
	int quick;          /* a representative subset (for slow devices and the unit tests) */
	int perf;           /* also time each run (GPU microseconds, median over perf_reps) and
			       add the real model shapes (0.1B..2.9B mat-vecs, 40 heads) */
	int perf_reps;      /* runs per timing; 0: 20 */
	int list;           /* only name the runs that would be made on this device */
	/* receives the report, one line per call (no newline); NULL: no report */
	void (*print)(void *user, const char *line);
	void *user;
};

struct rwkvc_test_ops_summary {
	int cases;   /* runs compared (a case at one T), including failed ones */
	int failed;  /* runs outside their bound, with unwritten outputs, with validation
			messages, or whose kernel did not build */
	int skipped; /* cases the device cannot run (f16 without 16-bit storage) */
	uint64_t validation_messages; /* counted by the validation layer; 0 without it */
	char device[256];
};

/* Runs the test. A failing case is reported and counted in *out_summary, not
 * returned as an error: the call fails only when the test cannot go on (no
 * Vulkan device, out of memory, a lost device). Errors: UNSUPPORTED,
 * NO_MEMORY, VULKAN, DEVICE_LOST. */
enum rwkvc_status rwkvc_test_ops(rwkvc_ctx_t *ctx, const struct rwkvc_test_ops_options *opts,
				 struct rwkvc_test_ops_summary *out_summary);

/* A short fixed name for a status ("bad format"). Never NULL. */
const char *rwkvc_status_name(enum rwkvc_status status);

/* ------------------------------------------------------------------------ */
/* Sampling                                                                 */

/* Picks the next token from a row of logits. What it does, in this order (the
 * RWKV convention, as the `rwkv` pip package's PIPELINE does it):
 *   1. penalties: every token generated so far (rwkvc_sampler_accept) has
 *      presence + count * frequency subtracted from its logit;
 *   2. p = softmax of those logits;
 *   3. top-p: keep the most likely tokens until their p adds up to top_p
 *      (tokens as likely as the last one kept are kept too); top-k: keep at
 *      most top_k tokens (ties broken by the lower id); both apply;
 *   4. temperature: the kept tokens are drawn in proportion to p^(1/temperature),
 *      i.e. softmax(logits / temperature) over the kept set.
 * So top-p looks at the untempered distribution, as in ChatRWKV. temperature
 * 0, top_k 1 or top_p 0 with a unique maximum give the argmax (ties: lowest id).
 * Where the pip package differs: it samples among tied maxima at temperature
 * 0, breaks top-k ties arbitrarily, and its generate() does not count
 * whitespace and digit tokens for the penalties; here every accepted token
 * counts, and tokens are ranked by penalised logit, ties by the lower id.
 * Ids >= the sampler's vocab_limit are never drawn (a 65536-logit model has
 * only 65530 tokens). Draws come from the sampler's own generator
 * (xoshiro256**, seeded through splitmix64) and use no libm function, so the
 * same logits, options and seed give the same tokens on every run and every
 * IEEE-754 machine. A sampler is used by one thread at a time. */
typedef struct rwkvc_sampler rwkvc_sampler_t;

struct rwkvc_sampler_options {
	float temperature;   /* >= 0; 0 = greedy argmax. Default 1.0 */
	float top_p;         /* [0, 1]; 1 = off. Default 0.3 (ChatRWKV uses 0.3-0.5 for chat) */
	int32_t top_k;       /* >= 0; 0 = off. Default 0 */
	float presence;      /* subtracted once from the logit of any generated token. Default 0 */
	float frequency;     /* subtracted per occurrence. Default 0 */
	float penalty_decay; /* [0, 1]: every accepted token first multiplies all counts by
			      * this (the pip package's alpha_decay, 0.996 there). Default 1: none */
	uint64_t seed;       /* Default 42 */
};

/* The defaults above. */
struct rwkvc_sampler_options rwkvc_sampler_options_default(void);

/* Checks options without making a sampler. Errors: BAD_ARGUMENT (the message
 * names the option and its allowed range). */
enum rwkvc_status rwkvc_sampler_options_check(rwkvc_ctx_t *ctx, const struct rwkvc_sampler_options *opts);

/* Makes a sampler for ids [0, vocab_limit): pass the smaller of the model's
 * vocab and the tokenizer's rwkvc_tokenizer_vocab_size. It keeps `ctx` for its
 * messages (ctx must outlive it) and a copy of *opts. Owned by the caller
 * (rwkvc_sampler_destroy). Memory: about 24 bytes per id.
 * Errors: BAD_ARGUMENT (options, vocab_limit < 1), NO_MEMORY. */
enum rwkvc_status rwkvc_sampler_create(rwkvc_ctx_t *ctx, const struct rwkvc_sampler_options *opts,
				       int32_t vocab_limit, rwkvc_sampler_t **out_sampler);
/* Frees a sampler; NULL is ignored. */
void rwkvc_sampler_destroy(rwkvc_sampler_t *sampler);

/* Draws one token from logits[0..vocab) (ids >= min(vocab, vocab_limit) are
 * never drawn). Does not record it: call rwkvc_sampler_accept with the token
 * you keep. O(vocab) time, no sort. Errors: NOT_FINITE (a NaN or infinite
 * logit anywhere in the row, the message names its position; nothing is
 * drawn), BAD_ARGUMENT (logits NULL, vocab 0). */
enum rwkvc_status rwkvc_sampler_sample(rwkvc_sampler_t *sampler, const float *logits, size_t vocab,
				       int32_t *out_token);
/* Records a generated token for the penalties. Errors: BAD_ARGUMENT (outside
 * [0, vocab_limit)). */
enum rwkvc_status rwkvc_sampler_accept(rwkvc_sampler_t *sampler, int32_t token);
/* Forgets every accepted token and restarts the generator from the seed. */
void rwkvc_sampler_reset(rwkvc_sampler_t *sampler);
/* Restarts the generator from `seed`; the penalty counts stay. */
void rwkvc_sampler_set_seed(rwkvc_sampler_t *sampler, uint64_t seed);

/* ------------------------------------------------------------------------ */
/* State files                                                              */

/* A state file holds a session's state and, optionally, a sampler's (penalty
 * counts and generator), and the token that was sampled last but not yet
 * evaluated, so that a generation stopped and resumed from the file continues
 * exactly as if it had not stopped. Format: docs/state-file.md (versioned,
 * little-endian, xxhash64 over everything). */

/* Writes the session's state (and the sampler's, when sampler is not NULL) to
 * `path`, atomically: on failure nothing is left there. pending_token: the
 * token sampled but not yet fed to the session, or -1. Errors: BAD_ARGUMENT
 * (pending_token outside [-1, vocab)), IO, NO_MEMORY, and those of
 * rwkvc_state_get. */
enum rwkvc_status rwkvc_session_save(rwkvc_session_t *session, const rwkvc_sampler_t *sampler,
				     int32_t pending_token, const char *path);

/* Reads a state file into the session and, when sampler is not NULL, the
 * sampler (a file without sampler state resets it); *out_pending_token gets
 * the pending token or -1. Everything is checked before anything changes: on
 * error the session and sampler are as they were. Errors: IO; BAD_FORMAT (not
 * a state file, truncated, bad checksum, malformed); UNSUPPORTED (a newer
 * version); BAD_SHAPE (saved from a model of another shape, or with a sampler
 * of another vocab_limit); NOT_FINITE (a state value). Messages start with
 * the path. */
enum rwkvc_status rwkvc_session_load(rwkvc_session_t *session, rwkvc_sampler_t *sampler, const char *path,
				     int32_t *out_pending_token);
/* The same from memory; `name` stands for the path in messages. */
enum rwkvc_status rwkvc_session_load_memory(rwkvc_session_t *session, rwkvc_sampler_t *sampler, const void *data,
					    size_t size, const char *name, int32_t *out_pending_token);
/* Checks that data[0..size) is a well-formed state file, without a model (for
 * fuzzers and tools). Errors as rwkvc_session_load less BAD_SHAPE. */
enum rwkvc_status rwkvc_state_file_check(rwkvc_ctx_t *ctx, const void *data, size_t size, const char *name);

#ifdef __cplusplus
}
#endif

#endif
