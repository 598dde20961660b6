/*
 * weight_policy.h - which storage type each weight gets (docs/quantisation.md).
 *
 * Only the big matrices can be quantised: weights used as the W of linear ops
 * (y = x W^T, W [M, K] row-major: the attention receptance/key/value/output,
 * the FFN key/value and the head). They are read by the matvec kernel, whose
 * weight loaders know Q8_0, Q4_K and Q6_K. Everything else (the embedding
 * table, LoRA factors, norm parameters, mixes and other vectors) keeps the
 * default type, f32 or f16: the kernels that read those read floats only.
 *
 * The rules, per matrix, given the quantisation asked for and the type the
 * weights file holds the matrix in:
 *   - none asked: a matrix the file holds quantised (Q8_0, Q4_K, Q6_K: a
 *     GGUF) keeps that type and is uploaded as it is; others get the default;
 *   - f32 or f16 asked: that type (a quantised file tensor is dequantised);
 *   - q8_0 or q4_k asked: a matrix the file holds quantised keeps its type
 *     (requantising only adds error); a float one is quantised, unless its
 *     rows (K) are not whole blocks (32 for Q8_0, 256 for Q4_K): then f16.
 * The Vulkan plan applies the same choice and then keeps the default type
 * for any weight a kernel other than a matvec's W binding reads (see
 * plan_apply_weight_policy), so no kernel is handed a type it cannot read.
 */
#ifndef RWKVC_PASSES_WEIGHT_POLICY_H
#define RWKVC_PASSES_WEIGHT_POLICY_H

#include <stdbool.h>

#include "graph/graph.h"
#include "plan.h"

struct weight_policy {
	enum dtype dflt;        /* f32 or f16: every weight the rules above do not decide */
	enum dtype quant;       /* asked for the matrices: F32, F16, Q8_0, Q4_K; DTYPE_COUNT: none */
	const enum dtype *file; /* [g->n_tensors]: each weight's type in the weights file; NULL: not known
				   (treated as a float type) */
};

/* Parses a quantisation name: NULL gives DTYPE_COUNT (none); "f32", "f16",
 * "q8_0", "q4_k" (any case) their types. Errors: BAD_ARGUMENT naming the
 * choices; UNSUPPORTED for a type rwkvc reads but does not produce on load
 * (q6_k, bf16). */
enum rwkvc_status weight_policy_parse(struct err *e, const char *name, enum dtype *out);

/* Whether weight t is a matrix the policy may quantise: a rank-2 weight that
 * every op reading it reads as the W of a linear op. */
bool weight_policy_is_matrix(const struct graph *g, int32_t t);

/* The storage type of weight t (a TENSOR_WEIGHT of g). */
enum dtype weight_policy_choose(const struct weight_policy *wp, const struct graph *g, int32_t t);

/* True for Q8_0, Q4_K and Q6_K. */
bool dtype_is_quantised(enum dtype t);

/*
 * Gives every weight of a lowered plan its storage type (place.dtype) by the
 * policy, returns a weight to the default type where a kernel reads it other
 * than as a matvec's W (kernel_binding_is_matrix), and sets each matvec's
 * desc.weight, and each matvec set part's weight, to its W's type.
 */
void plan_apply_weight_policy(struct plan *p, const struct weight_policy *wp);

#endif
