/*
 * testops_perf.c - `rwkvc test-ops --perf`: GPU microseconds per run.
 *
 * One program of `reps` passes over the weight chunks, a barrier after each
 * dispatch (a dependent chain, as in decode), timestamps around each; the
 * median pass is reported. The weight is rotated among copies totalling at
 * least ROTATE_BYTES, so that each pass reads it from memory and not from the
 * cache the previous pass filled (an H100's L2 holds 50 MB): the numbers are
 * what a decode step sees, where every matrix is read once per token.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "rwkvc.h"
#include "runtime/testops.h"

enum { DEFAULT_REPS = 20, MAX_COPIES = 256 };
#define ROTATE_BYTES (256.0 * 1024 * 1024)

struct copies {
	int n;
	VkDeviceSize stride[TESTOPS_MAX_CHUNKS];
	struct vk_buffer buf[TESTOPS_MAX_CHUNKS];
	struct vk_descriptor_pool pool;
	VkDescriptorSet *sets; /* [n * n_chunks] */
};

static double weight_bytes(const struct testops_run *u)
{
	if (u->wb < 0)
		return 0;
	return (double)testops_bytes(u->info[u->wb].dtype, u->c->desc.m * u->info[u->wb].per_row);
}

static enum rwkvc_status make_copies(struct err *e, const struct testops_runner *r, const struct testops_run *u,
				     const struct vk_pipeline *p, struct copies *cp)
{
	double total = weight_bytes(u);
	cp->n = total > 0 && total < ROTATE_BYTES ? (int)(ROTATE_BYTES / total) + 1 : 1;
	if (cp->n > MAX_COPIES)
		cp->n = MAX_COPIES;
	int n_sets = cp->n * u->n_chunks;
	cp->sets = mem_calloc(e, (size_t)n_sets, sizeof *cp->sets, "test-ops descriptor sets");
	if (!cp->sets)
		return e->status;
	if (cp->n == 1) {
		memcpy(cp->sets, u->set, (size_t)u->n_chunks * sizeof *cp->sets);
		return RWKVC_STATUS_OK;
	}
	for (int ch = 0; ch < u->n_chunks; ch++) {
		VkDeviceSize bytes = testops_bytes(u->info[u->wb].dtype, (int64_t)u->rows[ch] * u->info[u->wb].per_row);
		cp->stride[ch] = (bytes + r->d->align - 1) / r->d->align * r->d->align;
		TRY(vk_buffer_create(e, r->d, cp->stride[ch] * (VkDeviceSize)cp->n, VK_MEMORY_DEVICE, "weight copies",
				     &cp->buf[ch]));
		const float *x = u->host[u->wb] + (int64_t)u->row0[ch] * u->info[u->wb].per_row;
		for (int c = 0; c < cp->n; c++)
			TRY(testops_upload(e, r, u->info[u->wb].dtype, x, (int64_t)u->rows[ch] * u->info[u->wb].per_row,
					   vk_subrange(vk_range_of(&cp->buf[ch]), cp->stride[ch] * (VkDeviceSize)c, bytes)));
	}
	TRY(vk_descriptor_pool_create(e, r->d, (uint32_t)n_sets, (uint32_t)(n_sets * u->n), &cp->pool));
	for (int c = 0; c < cp->n; c++)
		for (int ch = 0; ch < u->n_chunks; ch++) {
			struct vk_range ranges[KERNEL_MAX_BINDINGS];
			for (int i = 0; i < u->n; i++)
				ranges[i] = testops_binding_range(u, i, ch);
			ranges[u->wb] = vk_subrange(vk_range_of(&cp->buf[ch]), cp->stride[ch] * (VkDeviceSize)c,
						    ranges[u->wb].size);
			TRY(vk_descriptor_set_create(e, r->d, &cp->pool, p, ranges, &cp->sets[c * u->n_chunks + ch]));
		}
	return RWKVC_STATUS_OK;
}

static void free_copies(struct vk_device *d, struct copies *cp)
{
	for (int ch = 0; ch < TESTOPS_MAX_CHUNKS; ch++)
		vk_buffer_destroy(d, &cp->buf[ch]);
	vk_descriptor_pool_destroy(d, &cp->pool);
	mem_free(cp->sets);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median of the per-pass sums of us[reps][n_chunks] (reordered in place). */
static double median_pass(double *us, int reps, int n_chunks)
{
	for (int i = 0; i < reps; i++) {
		double sum = 0;
		for (int ch = 0; ch < n_chunks; ch++)
			sum += us[i * n_chunks + ch];
		us[i] = sum;
	}
	qsort(us, (size_t)reps, sizeof *us, cmp_double);
	return us[reps / 2];
}

enum rwkvc_status testops_time(const struct testops_runner *r, const struct testops_run *u, const struct vk_pipeline *p,
			       char *out, size_t cap)
{
	struct err *e = r->e;
	struct copies cp;
	memset(&cp, 0, sizeof cp);
	struct vk_program *prog = NULL;
	double *us = NULL;
	bool stamps = r->d->caps.timestamp_valid_bits != 0;
	int reps = r->o->perf_reps > 0 ? r->o->perf_reps : DEFAULT_REPS;
	enum rwkvc_status st = make_copies(e, r, u, p, &cp);
	if (reps < cp.n)
		reps = cp.n; /* every copy once, at least */
	if (st == RWKVC_STATUS_OK) {
		us = mem_calloc(e, (size_t)reps * (size_t)u->n_chunks, sizeof *us, "timings");
		st = us ? testops_program(e, r, u, p, cp.sets, cp.n, reps, stamps ? VK_PROGRAM_TIMESTAMPS : 0, &prog)
			: e->status;
	}
	if (st == RWKVC_STATUS_OK)
		st = vk_program_run(e, prog); /* warm-up: first-use costs of the driver */
	uint64_t t0 = vk_now_ns();
	if (st == RWKVC_STATUS_OK)
		st = vk_program_run(e, prog);
	double wall_us = (double)(vk_now_ns() - t0) / 1e3 / reps;
	if (st == RWKVC_STATUS_OK && stamps)
		st = vk_program_timings(e, prog, us, NULL, (uint32_t)(reps * u->n_chunks));
	if (st == RWKVC_STATUS_OK) {
		double t = stamps ? median_pass(us, reps, u->n_chunks) : wall_us;
		int used = snprintf(out, cap, "  %9.1f us%s", t, stamps ? "" : " (wall)");
		if (u->c->desc.kind == KERNEL_MATVEC && used > 0 && (size_t)used < cap)
			snprintf(out + used, cap - (size_t)used, " %7.1f GB/s", weight_bytes(u) / (t * 1e3));
	}
	vk_program_destroy(prog);
	mem_free(us);
	free_copies(r->d, &cp);
	return st;
}
