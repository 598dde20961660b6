/*
 * emit.h - what the kernel emitters share (internal to codegen/).
 *
 * One emitter file per kernel family (emit_matvec.c, emit_norm.c,
 * emit_elementwise.c, emit_wkv7.c, emit_misc.c); kernel.c dispatches on the
 * kind. Emitters write GLSL into a strbuf (allocation failures are sticky and
 * checked once by codegen_emit) and bake every size in as a constant, so two
 * identical descriptions give identical source and one cached SPIR-V.
 */
#ifndef RWKVC_CODEGEN_EMIT_H
#define RWKVC_CODEGEN_EMIT_H

#include <stdint.h>

#include "base/strbuf.h"
#include "codegen/kernel.h"

/* Workgroup counts per dimension that every Vulkan device accepts. */
enum { EMIT_MAX_GROUPS = 65535 };

/* The GLSL type one element of a `t` buffer is declared as: "float",
 * "float16_t", "int". */
const char *emit_scalar_type(enum dtype t);

/* Opens a kernel: a comment naming it, #version, the extensions the kernel's
 * bindings and reductions need, the workgroup size, and the push-constant
 * block `pc` (struct kernel_push). `reduces`: the kernel sums across its
 * workgroup (subgroup extensions when the target has them). */
void emit_preamble(struct strbuf *b, const char *name, const struct kernel_desc *k,
		   const struct codegen_target *t, uint32_t wg, bool reduces);

/* layout(std430, set = 0, binding = N) <access> buffer BN { <type> <name>[]; }; */
void emit_buffer(struct strbuf *b, int binding, const char *access, const char *type, const char *name);

/* The scalar buffers of every binding, named as kernel_binding_info names
 * them (e.g. "x", "W", "y"), element type from the binding's dtype. */
void emit_buffers(struct strbuf *b, const struct kernel_desc *k);

/* `v` as a GLSL float literal that reads back as (float)v exactly
 * ("0.5", "(-2.0)", "1e-05"). v must be finite. */
void emit_float(struct strbuf *b, double v);

/* Declares `float wg_sum(float v)`: the sum over the workgroup's `wg`
 * invocations (a power of two), returned to every invocation. All of them
 * must call it (uniform control flow). subgroupAdd plus one shared-memory
 * step where the target has subgroup arithmetic, else a shared-memory tree. */
void emit_wg_sum(struct strbuf *b, const struct codegen_target *t, uint32_t wg);

/* Declares `uint group_id()`: the workgroup's index in a linear grid spread
 * over x and y by emit_grid_linear. */
void emit_group_id(struct strbuf *b);
/* `n` workgroups as x * y with x <= EMIT_MAX_GROUPS (group_id() may exceed n-1:
 * kernels check). */
void emit_grid_linear(uint64_t n, uint32_t out_groups[3]);

/* Flat kernels (elementwise, token shift, ...): each invocation handles
 * EMIT_FLAT_PER elements, emit_flat_wg(t) invocations per workgroup. */
enum { EMIT_FLAT_PER = 4 };
uint32_t emit_flat_wg(const struct codegen_target *t);
/* The number of workgroups for n elements of a flat kernel, as a linear grid. */
void emit_grid_flat(const struct codegen_target *t, uint64_t n, uint32_t out_groups[3]);

/* Opens main() of a flat kernel over `n_expr` elements (a GLSL uint
 * expression): the body that follows sees `uint i`, the element, and must be
 * closed with emit_flat_close. Needs emit_group_id() declared. */
void emit_flat_open(struct strbuf *b, const struct codegen_target *t, const char *n_expr);
void emit_flat_close(struct strbuf *b);

/* Smallest power of two >= n (n >= 1). */
uint32_t emit_pow2_ceil(uint64_t n);
/* The subgroup size the target lets kernels assume, or `fallback`. */
uint32_t emit_subgroup_size(const struct codegen_target *t, uint32_t fallback);

/* Checks that every binding's dtype is one the kernels can store on `t`
 * (f32, i32; f16 with 16-bit storage; `weight` as allowed by `weight_ok`).
 * Errors: UNSUPPORTED naming the kernel and the binding. */
enum rwkvc_status emit_check_dtypes(struct err *e, const struct kernel_desc *k, const struct codegen_target *t,
				    const char *name);

/* exp(-1/2), the decay's rate (runtime/interp_ops.c uses the same digits). */
#define EW_DECAY_RATE 0.60653065971263342

/* Declares ew_tanh, ew_sigmoid, ew_relu_sq and ew_decay (float -> float), the
 * activations of elementwise programs and matvec epilogues. */
void emit_activations(struct strbuf *b);

/* The family emitters (GLSL into b) and their grids. Each checks the sizes it
 * needs and fails with BAD_ARGUMENT or UNSUPPORTED saying which. */
enum rwkvc_status emit_matvec(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			      const struct codegen_target *t, const char *name);
void grid_matvec(const struct kernel_desc *k, const struct codegen_target *t, int64_t T, uint32_t rows,
		 uint32_t out_groups[3]);
/* The quantised weight loaders of the matvec (emit_quant.c): each declares
 * binding `binding` as W and load_w(row, e, w), which returns weights e ..
 * e+ELEMS-1 of a row as f32 (ELEMS: 8 for Q8_0, 16 for Q4_K and Q6_K), for
 * rows of K (a constant of the kernel) that are whole blocks. */
void emit_w_q8_0(struct strbuf *b, int binding, uint32_t elems);
void emit_w_q4_k(struct strbuf *b, int binding, uint32_t elems);
void emit_w_q6_k(struct strbuf *b, int binding, uint32_t elems);
enum rwkvc_status emit_norm(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			    const struct codegen_target *t, const char *name);
void grid_norm(const struct kernel_desc *k, const struct codegen_target *t, int64_t T, uint32_t out_groups[3]);
enum rwkvc_status emit_elementwise(struct err *e, struct strbuf *b, const struct kernel_desc *k,
				   const struct codegen_target *t, const char *name);
void grid_elementwise(const struct kernel_desc *k, const struct codegen_target *t, int64_t T,
		      uint32_t out_groups[3]);
enum rwkvc_status emit_wkv7(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			    const struct codegen_target *t, const char *name);
void grid_wkv7(const struct kernel_desc *k, uint32_t out_groups[3]);
enum rwkvc_status emit_misc(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			    const struct codegen_target *t, const char *name);
void grid_misc(const struct kernel_desc *k, const struct codegen_target *t, int64_t T, uint32_t out_groups[3]);

enum rwkvc_status emit_matvec_set(struct err *e, struct strbuf *b, const struct kernel_desc *k,
				  const struct codegen_target *t, const char *name);
void grid_matvec_set(const struct kernel_desc *k, const struct codegen_target *t, uint32_t out_groups[3]);
enum rwkvc_status emit_mix(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			   const struct codegen_target *t, const char *name);
void grid_mix(const struct kernel_desc *k, const struct codegen_target *t, int64_t T, uint32_t out_groups[3]);
enum rwkvc_status emit_region(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			      const struct codegen_target *t, const char *name);
void grid_region(const struct kernel_desc *k, uint32_t out_groups[3]);
/* "b0", "b1", ...: the buffer names of a region kernel's bindings. */
const char *region_binding_name(int binding);

#endif
