/*
 * testops.h - the differential kernel test behind rwkvc_test_ops (internal).
 *
 * testops_cases.c lists the cases and makes their inputs; testops.c runs each
 * on the device and on kernel_reference and compares.
 */
#ifndef RWKVC_RUNTIME_TESTOPS_H
#define RWKVC_RUNTIME_TESTOPS_H

#include <stdbool.h>
#include <stdint.h>

#include "codegen/kernel.h"

enum { TESTOPS_MAX_T = 4, TESTOPS_MAX_CASES = 256 };

/* One kernel description, run once per entry of T. */
struct testops_case {
	char name[128];      /* "matvec K=200 M=131 act=f16 w=f32 tanh+res chunks=2" */
	struct kernel_desc desc;
	int64_t T[TESTOPS_MAX_T];
	int n_T;
	int chunks;          /* the weight is bound as this many row chunks (at least) */
	bool inplace;        /* the output shares its input's buffer: wkv7 S -> S_out, matvec residual -> y */
	bool quick;          /* in the representative subset */
	bool perf_only;      /* a real model shape: only with --perf */
};

/* Fills out[0..n) (n <= TESTOPS_MAX_CASES) and returns n. */
int testops_cases(struct testops_case *out);

/* Random inputs for binding `i` of `c` (n elements), never all zero, with
 * the ranges each kernel expects (decays in (0.55, 1), unit-norm kk, token
 * ids inside the table, ...); f16 bindings come out already rounded to f16.
 * Token ids are int32 stored in the float slots. `seed` varies per call. */
void testops_fill_input(const struct testops_case *c, int i, int64_t T, float *out, int64_t n, uint64_t seed);

/* The bound on the relative L2 error of an output binding stored as `d`. */
double testops_bound(const struct kernel_desc *k, enum dtype d);

#endif
