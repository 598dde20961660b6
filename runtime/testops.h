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
#include "codegen/spirv_cache.h"
#include "runtime/vk.h"

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

/* Appends the fused kernels of real plans (testops_plan.c) to out[0..cap);
 * returns how many, or -1 (error in e) when the plans cannot be built. */
int testops_plan_cases(struct err *e, struct testops_case *out, int cap);

/* Random inputs for binding `i` of `c` (n elements), never all zero, with
 * the ranges each kernel expects (decays in (0.55, 1), unit-norm kk, token
 * ids inside the table, ...); f16 bindings come out already rounded to f16.
 * Token ids are int32 stored in the float slots. `seed` varies per call. */
void testops_fill_input(const struct testops_case *c, int i, int64_t T, float *out, int64_t n, uint64_t seed);

/* The bound on the relative L2 error of an output binding stored as `d`. */
double testops_bound(const struct kernel_desc *k, enum dtype d);

/* ---- running (testops.c, testops_run.c, testops_perf.c) ---- */

struct rwkvc_test_ops_options;
struct rwkvc_test_ops_summary;

enum { TESTOPS_MAX_CHUNKS = 64 };

/* The device and what every run shares. */
struct testops_runner {
	struct err *e;
	const struct rwkvc_test_ops_options *o;
	struct rwkvc_test_ops_summary *sum;
	struct vk_device *d;
	struct codegen_target native; /* the device as it is */
	struct codegen_target target; /* what the current case is compiled for */
	const char *variant;          /* "" or " [gpu]", " [no-subgroups]": appended to the labels */
	struct spirv_cache cache;
};

/* One case at one T: host arrays, device buffers, weight chunks. */
struct testops_run {
	const struct testops_case *c;
	int64_t T;
	int n;
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int64_t numel[KERNEL_MAX_BINDINGS];
	float *host[KERNEL_MAX_BINDINGS]; /* inputs as generated; outputs: the reference's */
	float *gpu[KERNEL_MAX_BINDINGS];  /* outputs read back */
	int alias[KERNEL_MAX_BINDINGS];   /* an output sharing input alias[i]'s buffer, else -1 */
	struct vk_buffer buf[KERNEL_MAX_BINDINGS];
	int wb; /* the weight binding split into chunks, or -1 */
	int n_chunks;
	uint32_t row0[TESTOPS_MAX_CHUNKS], rows[TESTOPS_MAX_CHUNKS];
	struct vk_buffer chunk[TESTOPS_MAX_CHUNKS];
	struct vk_descriptor_pool pool;
	VkDescriptorSet set[TESTOPS_MAX_CHUNKS];
};

/* Runs c at T on the device and the reference and prints the line; failures
 * of the case are counted, errors returned only when the harness fails. */
enum rwkvc_status testops_run_one(const struct testops_runner *r, const struct testops_case *c,
				  const struct vk_pipeline *p, int64_t T, uint64_t seed);

/* Prints one line of the report (through the options' print callback). */
void testops_say(const struct testops_runner *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Bytes of n elements of a binding stored as d (quantised: whole blocks). */
size_t testops_bytes(enum dtype d, int64_t n);
/* Uploads n elements of d from x into dst (quantised types: quantised here). */
enum rwkvc_status testops_upload(struct err *e, const struct testops_runner *r, enum dtype d, const float *x,
				 int64_t n, struct vk_range dst);
/* A device buffer of n elements of d from x (NULL: NaN-poisoned), size rounded up to 4 bytes. */
enum rwkvc_status testops_device_buffer(struct err *e, const struct testops_runner *r, enum dtype d,
					const float *x, int64_t n, const char *name, struct vk_buffer *out);
/* The range binding i is bound as for weight chunk `chunk`. */
struct vk_range testops_binding_range(const struct testops_run *u, int i, int chunk);
/* A program of `reps` passes over the chunks, a barrier between dispatches;
 * pass i uses sets[(i % n_copies) * n_chunks + chunk]. */
enum rwkvc_status testops_program(struct err *e, const struct testops_runner *r, const struct testops_run *u,
				  const struct vk_pipeline *p, const VkDescriptorSet *sets, int n_copies, int reps,
				  unsigned flags, struct vk_program **out);
/* "  12.3 us  2500.0 GB/s": the median GPU time of one pass with the weights
 * read from memory (rotating copies larger than the GPU caches). */
enum rwkvc_status testops_time(const struct testops_runner *r, const struct testops_run *u, const struct vk_pipeline *p,
			       char *out, size_t cap);

#endif
