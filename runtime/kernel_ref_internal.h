/* kernel_ref_internal.h - what kernel_ref.c and kernel_ref_fused.c share. */
#ifndef RWKVC_RUNTIME_KERNEL_REF_INTERNAL_H
#define RWKVC_RUNTIME_KERNEL_REF_INTERNAL_H

#include "interp_ops.h"
#include "kernel_ref.h"

/* One call of kernel_reference. */
struct ref_kernel {
	const struct kernel_desc *k;
	int64_t T;
	uint32_t row0, rows;
	float *const *bufs;
	int n;
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int64_t numel[KERNEL_MAX_BINDINGS];
	float *in[KERNEL_MAX_BINDINGS]; /* private copies of the inputs (f16 ones rounded) */
};

/* One op of interp_ops.c on arrays. */
struct op_call {
	enum op_kind kind;
	double param[OP_MAX_PARAMS];
	int64_t rows;   /* T */
	int64_t group;  /* rk_bonus: the head size */
	int n_in;
	struct ref_buf in[OP_MAX_IN];
	float *out[OP_MAX_OUT];
	int64_t out_numel[OP_MAX_OUT];
};

enum rwkvc_status ref_op(struct err *e, const struct op_call *c);
/* Input binding i (its private copy) as an interp_ops input. */
struct ref_buf ref_arg(const struct ref_kernel *r, int i);

/* The fused kinds (kernel_ref_fused.c). */
enum rwkvc_status ref_mix(struct err *e, const struct ref_kernel *r);
enum rwkvc_status ref_region(struct err *e, const struct ref_kernel *r);

#endif
