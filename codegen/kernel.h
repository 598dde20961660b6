/*
 * kernel.h - what codegen emits a compute kernel from, and how it is launched.
 *
 * A kernel_desc is plain data: a kernel kind plus everything that specialises
 * it (sizes, dtypes, an elementwise expression, an epilogue). codegen_emit
 * turns it into GLSL for one target device; the executor compiles that
 * (through the SPIR-V cache), binds the buffers in the order below, pushes
 * the launch constants and dispatches kernel_grid() workgroups.
 *
 * Conventions every kernel keeps:
 *   - Bindings: set 0, bindings 0..n-1 = the kernel's inputs in op order, then
 *     its outputs (kernel_bindings() gives n and each binding's role). Each is
 *     bound as an exact range, so a shader indexes from 0.
 *   - Activations are rows [T, width], row-major, stored as `act` (f32 or f16);
 *     arithmetic is f32. Recurrent state is f32 whatever `act` is: the wkv7
 *     state in and out, token_shift's `prev` input and last_row's output
 *     (which becomes the next call's token-shift state).
 *   - Everything bound from a weight is stored as `weight`: the matvec matrix,
 *     the embedding table, and the parameter vectors (norm w and b, r_k, and
 *     the EW_ROW / EW_ONE inputs of an elementwise program, which are weights
 *     or constants). kernel_binding_info() gives each binding's dtype and size.
 *     (Quantised `weight`s apply to matvec and embedding only; a plan that
 *     quantises must keep vectors in f16/f32 and describe those kernels so.)
 *   - Push constants: struct kernel_push below (T = tokens in this call; row0,
 *     rows = the weight rows this dispatch covers, for weights split across
 *     bindings).
 *   - Every kernel works for any T >= 1 up to the T_max it was sized for, and
 *     for widths that are not multiples of the workgroup size.
 */
#ifndef RWKVC_CODEGEN_KERNEL_H
#define RWKVC_CODEGEN_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "graph/graph.h"

enum kernel_kind {
	KERNEL_EMBEDDING,   /* tokens i32 [T], table W [rows, width] -> [T, width] (rows row0.. of the table) */
	KERNEL_LAYER_NORM,  /* x, w[width], b[width] -> y */
	KERNEL_GROUP_NORM,  /* x, w, b -> y, normalised over groups of `group` channels */
	KERNEL_L2_NORM,     /* x -> y, groups of `group` divided by max(norm, eps) */
	KERNEL_MATVEC,      /* x [T, k], W [m, k] -> y [T, m] (+ epilogue); y = W x per row */
	KERNEL_ELEMENTWISE, /* up to 4 inputs -> 1 output, an ew_program */
	KERNEL_TOKEN_SHIFT, /* x [T, width], prev [width] -> row 0 = prev, row t = x[t-1] */
	KERNEL_LAST_ROW,    /* x [T, width] -> [width] = x[T-1] */
	KERNEL_WKV7,        /* r, w, k, v, kk, a [T, width], S [H, N, N] f32 -> y [T, width], S' f32 */
	KERNEL_RK_BONUS,    /* r, k, v [T, width], r_k [width] -> per head (sum r*k*r_k) * v */
	/* fused kernels (passes/fuse.c) */
	KERNEL_MIX,         /* [layer norm] + token shift + lerps: see struct mix_desc */
	KERNEL_MATVEC_SET,  /* independent matvecs in one dispatch: see struct matvec_set */
	KERNEL_HEAD_REGION, /* head-local ops around wkv7, one workgroup per head: struct region_program */
	KERNEL_COUNT
};

const char *kernel_kind_name(enum kernel_kind k);

/* ---- elementwise expressions ---- */

enum { EW_MAX_IN = 4, EW_MAX_CODE = 12, EW_MAX_IMM = 4 };

/* How an elementwise input is indexed for output element i = t * width + c. */
enum ew_bcast {
	EW_FULL, /* [T, width]: in[i] */
	EW_ROW,  /* one row of `width` (a weight): in[c] */
	EW_ONE,  /* one element: in[0] */
};

/* An operand: an input (0..n_in-1), an earlier instruction's result, or an immediate. */
enum ew_operand_kind { EW_OPERAND_INPUT, EW_OPERAND_RESULT, EW_OPERAND_IMM };

struct ew_operand {
	enum ew_operand_kind kind;
	int index;
};

/* One step: op is an elementwise op kind (OP_ADD, OP_LERP, OP_DECAY, ...). */
struct ew_instr {
	enum op_kind op;
	struct ew_operand arg[3];
};

/* result = the last instruction. */
struct ew_program {
	int n_in;
	enum ew_bcast bcast[EW_MAX_IN];
	int n_imm;
	double imm[EW_MAX_IMM];
	int n_code;
	struct ew_instr code[EW_MAX_CODE];
};

/* Checks a program: counts within the limits, every op elementwise, every
 * operand an existing input, earlier result or immediate, immediates finite
 * floats. `name` labels the message. Errors: BAD_ARGUMENT, UNSUPPORTED (an op
 * that is not elementwise). */
enum rwkvc_status ew_program_check(struct err *e, const struct ew_program *p, const char *name);

/* ---- fused: layer norm + token shift + lerps (KERNEL_MIX) ----
 *
 * a = layer_norm(x) (or x), s = token_shift(a, prev), out_i = a + (s - a) * mix_i,
 * and optionally the new shift state a[T-1]. Bindings: x, [ln w, ln b], prev
 * (f32), mix_0..mix_{n-1}, out_0..out_{n-1}, [state out (f32)].
 */
enum { MIX_MAX = 6 };

struct mix_desc {
	bool layer_norm;
	int n_mix;
	bool state_out;
};

/* ---- fused: a head-local region (KERNEL_HEAD_REGION) ----
 *
 * Ops whose every output channel of a head depends only on that head's
 * channels (elementwise ops, group/l2 norms over the head, rk_bonus, wkv7,
 * and small matmuls from a full vector, the LoRA up-projections), run in one
 * workgroup per head with one thread per channel, token after token. Values
 * live in registers; reductions and wkv7's broadcasts go through shared memory.
 */
enum { REGION_MAX_VALUES = 64, REGION_MAX_OPS = 40 };

enum region_value_kind {
	RV_ROWS,    /* input [T, width] activation: channel c of row t */
	RV_CHANNEL, /* input weight of `width` elements: element c */
	RV_VECTOR,  /* input [T, n] activation read whole (a LoRA hidden vector) */
	RV_MATRIX,  /* input weight: a LoRA up-projection. `k_major`: stored [n, width] as declared
		       (element (d, c) at d * width + c: consecutive channels read consecutive
		       bytes); else [width, n] (a Linear's [out, in]) */
	RV_STATE,   /* the wkv7 state [H, N, N] f32, read and written in place */
	RV_CONST,   /* an immediate */
	RV_TEMP,    /* computed inside the kernel */
};

struct region_value {
	enum region_value_kind kind;
	int binding;     /* inputs: where to read; -1 for RV_CONST and RV_TEMP */
	int out_binding; /* -1, or the binding a computed value is also written to ([T, width]) */
	int64_t n;       /* RV_VECTOR, RV_MATRIX: the inner length */
	bool k_major;    /* RV_MATRIX: see above */
	double imm;      /* RV_CONST */
};

struct region_op {
	enum op_kind op;
	int n_in, n_out;
	int8_t in[OP_MAX_IN];   /* value indices */
	int8_t out[OP_MAX_OUT]; /* value indices (wkv7: y, then the state value) */
	double param[OP_MAX_PARAMS];
};

enum region_binding { REGION_BINDING_IN, REGION_BINDING_OUT, REGION_BINDING_INOUT };

struct region_program {
	int n_values, n_ops;
	struct region_value v[REGION_MAX_VALUES];
	struct region_op ops[REGION_MAX_OPS];
	int n_bindings;
	enum region_binding role[32];  /* of each binding */
	enum dtype binding_dtype[32];  /* storage type of each binding */
};

/* ---- the description ---- */

/* What a matvec does to each result before storing it. */
enum kernel_epilogue {
	EPILOGUE_NONE,
	EPILOGUE_TANH,
	EPILOGUE_SIGMOID,
	EPILOGUE_RELU_SQ,
};

/* ---- fused: independent matvecs in one dispatch (KERNEL_MATVEC_SET) ----
 *
 * Each part is a matvec of its own (y_p = epilogue(W_p x_p) (+ residual_p)),
 * with the activations of the kernel and its own weight type (a quantised
 * attention matrix and an f16 LoRA factor can share a set); the workgroups
 * are split between the parts. Bindings, part after part: x, W, [residual],
 * y. No part's weight is split into row chunks (the executor binds it whole).
 */
enum { MATVEC_SET_MAX = 8 };

struct matvec_part {
	int64_t k, m;
	enum kernel_epilogue epilogue;
	bool residual;
	enum dtype weight; /* W_p's storage: f32, f16, Q8_0, Q4_K, Q6_K (set by whoever builds the
			      set; the plan's weight policy, passes/weight_policy.h) */
};

struct matvec_set {
	int n;
	struct matvec_part part[MATVEC_SET_MAX];
};

struct kernel_desc {
	enum kernel_kind kind;
	enum dtype act;    /* DTYPE_F32 or DTYPE_F16: how activations are stored */
	enum dtype weight; /* weights: DTYPE_F32 or F16; a matvec's W also Q8_0, Q4_K, Q6_K (a
			      matvec set's parts have their own: matvec_part.weight) */
	int64_t width;     /* elements per activation row (C); matvec: unused */
	int64_t k, m;      /* matvec: input width K, output width M (all rows of W: y is [T, m]
			      whatever rows one dispatch covers); embedding: m = table rows */
	int64_t group;     /* group norm, l2 norm: group size; wkv7, rk_bonus: head size N */
	double eps;        /* norms */
	int64_t t_max;     /* the largest T the kernel is launched with */
	enum kernel_epilogue epilogue; /* matvec */
	bool residual;     /* matvec: adds an extra input [T, m] (bound after W) to the result */
	struct ew_program ew; /* elementwise */
	struct mix_desc mix;  /* KERNEL_MIX */
	struct matvec_set set; /* KERNEL_MATVEC_SET */
	struct region_program region; /* KERNEL_HEAD_REGION */
};

/* ---- the target device ---- */

struct codegen_target {
	uint32_t subgroup_size;    /* the size kernels may assume; 0: they assume nothing */
	bool subgroup_arithmetic;  /* subgroupAdd & co. in compute shaders */
	bool f16_storage;          /* 16-bit storage buffers (needed for act or weight f16) */
	bool f16_math;             /* float16 arithmetic */
	bool int8_storage;         /* 8-bit storage (quantised weights) */
	uint32_t max_shared_bytes;
	uint32_t max_workgroup_invocations;
	bool cpu; /* a CPU implementation (lavapipe): one-subgroup workgroups doing more work
		     each (barriers and shared memory are coroutine switches there) */
};

/* ---- launching ---- */

/* The push-constant block every kernel declares (16 bytes). A matvec or
 * embedding whose weight is larger than one binding may hold is dispatched
 * once per chunk of rows: the weight binding then starts at row `row0` and
 * holds `rows` rows; outputs are still indexed by the full row number. The
 * chunks write disjoint elements of one output binding, but synchronization
 * validation sees the whole range written by each: record a barrier between
 * them. Bindings must start 16-byte aligned (kernels read 16-byte vectors). */
struct kernel_push {
	uint32_t T;    /* rows (tokens) in this call */
	uint32_t row0; /* first weight row of this dispatch (0 when not split) */
	uint32_t rows; /* weight rows in this dispatch (m or the table height when not split) */
	uint32_t pad;
};

enum kernel_role { ROLE_INPUT, ROLE_OUTPUT };

enum { KERNEL_MAX_BINDINGS = 32 };

/* Number of bindings, and each one's role, for a description (out_roles may be NULL). */
int kernel_bindings(const struct kernel_desc *k, enum kernel_role out_roles[KERNEL_MAX_BINDINGS]);

/* What one binding holds: its storage type and its element count
 * per_token * T + per_row * rows + fixed (kernel_binding_numel). */
struct kernel_binding_info {
	enum kernel_role role;
	enum dtype dtype;   /* DTYPE_I32 for token ids */
	const char *name;   /* "x", "W", "residual", "S_out", ... (for messages) */
	int64_t per_token, per_row, fixed;
};

/* Fills out[0..n) in binding order; returns n (= kernel_bindings). */
int kernel_binding_info(const struct kernel_desc *k, struct kernel_binding_info out[KERNEL_MAX_BINDINGS]);
/* Whether binding b of k is a matvec's weight matrix (W of a matvec, W_p of a
 * set's part): the only bindings that may hold quantised blocks. */
bool kernel_binding_is_matrix(const struct kernel_desc *k, int b);
/* Elements the binding holds for T tokens and `rows` weight rows in the dispatch. */
int64_t kernel_binding_numel(const struct kernel_binding_info *b, int64_t T, uint32_t rows);

/*
 * The GLSL source for `k` on `target` (a heap string: mem_free). `name` goes
 * into a comment at the top. Errors: UNSUPPORTED (a dtype the target cannot
 * store, a size the kernel cannot handle), NO_MEMORY.
 */
enum rwkvc_status codegen_emit(struct err *e, const struct kernel_desc *k, const struct codegen_target *target,
			       const char *name, char **out_glsl);

/* Workgroups to dispatch for T tokens and `rows` weight rows (see kernel_push). */
void kernel_grid(const struct kernel_desc *k, const struct codegen_target *target, int64_t T, uint32_t rows,
		 uint32_t out_groups[3]);

#endif
