/*
 * weight_store.h - weights as a backend stores them: the storage type each
 * weight gets (passes/weight_policy.h decides; this feeds it what the file
 * holds) and the values a weight has once stored in a type, so that the CPU
 * interpreter computes with exactly the weights the GPU decodes.
 */
#ifndef RWKVC_RUNTIME_WEIGHT_STORE_H
#define RWKVC_RUNTIME_WEIGHT_STORE_H

#include "graph/graph.h"
#include "weights.h"

/*
 * The type each weight of `g` has in `w`, by tensor index, for the policy's
 * `file` array (DTYPE_COUNT for tensors that are not weights or not in the
 * file). *out is the caller's (mem_free). Errors: NO_MEMORY.
 */
enum rwkvc_status weight_store_file_dtypes(struct err *e, const struct graph *g, const struct weight_file *w,
					   enum dtype **out);

/*
 * The values of `t` once stored as `stored` (F32, F16, Q8_0, Q4_K, Q6_K), as
 * f32 in out[0..numel): t's own type gives its values exactly (a quantised
 * tensor is dequantised); another type rounds them to f16 or quantises and
 * dequantises them, as an upload in that type would. Errors: BAD_ARGUMENT
 * (rows that are not whole blocks of `stored`, another stored type),
 * NOT_FINITE (a value that cannot be quantised), NO_MEMORY, and those of
 * weights_to_f32.
 */
enum rwkvc_status weight_store_values(struct err *e, const struct weight_tensor *t, enum dtype stored, float *out);

#endif
