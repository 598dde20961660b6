/*
 * kernel_ref.h - the C reference of every codegen kernel (kernel_ref.c).
 *
 * Same contract as the GPU kernel of the same description (codegen/kernel.h),
 * on host float arrays, so that `rwkvc test-ops` can compare the two: the
 * math is runtime/interp_ops.c's (the CPU reference interpreter, float64
 * sums), the storage is emulated.
 */
#ifndef RWKVC_RUNTIME_KERNEL_REF_H
#define RWKVC_RUNTIME_KERNEL_REF_H

#include <stdint.h>

#include "codegen/kernel.h"

/*
 * Runs kernel `k` for T tokens on bufs[i], one host array per binding in
 * kernel_binding_info() order, each holding kernel_binding_numel() elements
 * for (T, rows):
 *   - f32 and f16 bindings are float arrays; an f16 binding is treated as
 *     f16 storage: inputs are rounded to f16 (on a private copy; the caller's
 *     arrays are not changed) and outputs are rounded to f16 in place, over
 *     the whole output array;
 *   - a matvec set is each of its parts as a matvec on its bindings;
 *   - a quantised weight (a matvec's Q8_0, Q4_K or Q6_K matrix) is a float
 *     array too, treated as stored in that format: quantised and dequantised
 *     (runtime/quant.h) on the private copy, so the reference computes with
 *     exactly the weights the GPU decodes;
 *   - the token ids of an embedding (DTYPE_I32) are int32 values stored in
 *     the float slot: bufs[0] points at int32_t data, cast to float *;
 *   - a matvec or embedding covers weight rows [row0, row0 + rows): the
 *     weight binding holds those rows only, outputs are indexed by full row,
 *     and output elements of other rows (and embedding tokens outside the
 *     chunk) are left as they are, as on the GPU.
 * Inputs are copied before any output is written, so an output may alias an
 * input (the wkv7 state updated in place, a residual add into its input).
 * Errors: BAD_ARGUMENT (a description the kernels reject), UNSUPPORTED (a
 * weight format without a reference yet), NO_MEMORY.
 */
enum rwkvc_status kernel_reference(struct err *e, const struct kernel_desc *k, int64_t T, uint32_t row0,
				   uint32_t rows, float *const *bufs);

#endif
