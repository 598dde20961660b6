/*
 * testops_run.c - one run of `rwkvc test-ops`: a case at one T on the device
 * and on kernel_reference, compared.
 *
 * Random inputs (never zeros); outputs poisoned with NaN on both sides; the
 * weight bound as row chunks where the case asks or where it exceeds one
 * binding (maxStorageBufferRange); one program, a barrier between chunks;
 * then the relative L2 error of every output against its bound. An output
 * element left unwritten (NaN) fails the run whatever the error, and so does
 * a validation message.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/half.h"
#include "base/mem.h"
#include "rwkvc.h"
#include "runtime/kernel_ref.h"
#include "runtime/quant.h"
#include "runtime/testops.h"

enum { NAME_COLUMNS = 60 };

size_t testops_bytes(enum dtype d, int64_t n) { return dtype_bytes(d, (uint64_t)n); }

static void run_free(struct vk_device *d, struct testops_run *u)
{
	for (int i = 0; i < KERNEL_MAX_BINDINGS; i++) {
		mem_free(u->host[i]);
		mem_free(u->gpu[i]);
		vk_buffer_destroy(d, &u->buf[i]);
	}
	for (int i = 0; i < TESTOPS_MAX_CHUNKS; i++)
		vk_buffer_destroy(d, &u->chunk[i]);
	vk_descriptor_pool_destroy(d, &u->pool);
}

/* Row chunks of the weight: at least c->chunks, each within one binding. */
static enum rwkvc_status plan_chunks(struct err *e, const struct testops_runner *r, struct testops_run *u)
{
	const struct kernel_desc *k = &u->c->desc;
	u->wb = k->kind == KERNEL_MATVEC || k->kind == KERNEL_EMBEDDING ? 1 : -1;
	int64_t m = u->wb < 0 ? 1 : k->m;
	int64_t chunks = u->c->chunks;
	if (u->wb >= 0) {
		uint64_t row_bytes = testops_bytes(u->info[u->wb].dtype, u->info[u->wb].per_row);
		int64_t max_rows = (int64_t)(r->d->caps.max_storage_buffer_range / row_bytes);
		if (max_rows < 1)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: one weight row exceeds a binding", u->c->name);
		if ((m + max_rows - 1) / max_rows > chunks)
			chunks = (m + max_rows - 1) / max_rows;
	}
	if (chunks > m)
		chunks = m;
	if (chunks > TESTOPS_MAX_CHUNKS)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: %lld weight chunks", u->c->name, (long long)chunks);
	u->n_chunks = (int)chunks;
	int64_t at = 0;
	for (int i = 0; i < u->n_chunks; i++) {
		int64_t rows = m / chunks + (i < m % chunks ? 1 : 0);
		u->row0[i] = (uint32_t)at;
		u->rows[i] = (uint32_t)rows;
		at += rows;
	}
	return RWKVC_STATUS_OK;
}

/* Host data: inputs random, outputs NaN (or the input they alias). */
/* An output the kernel also reads (a head region's state): it starts with data. */
static bool read_and_written(const struct testops_run *u, int i)
{
	const struct kernel_desc *k = &u->c->desc;
	return k->kind == KERNEL_HEAD_REGION && i < k->region.n_bindings && k->region.role[i] == REGION_BINDING_INOUT;
}

static enum rwkvc_status make_host(struct err *e, struct testops_run *u, uint64_t seed)
{
	const struct testops_case *c = u->c;
	for (int i = 0; i < u->n; i++) {
		u->alias[i] = -1;
		if (c->inplace && u->info[i].role == ROLE_OUTPUT)
			u->alias[i] = c->desc.kind == KERNEL_WKV7 ? (i == 8 ? 6 : -1) : (i == 3 ? 2 : -1);
		u->numel[i] = kernel_binding_numel(&u->info[i], u->T, u->wb == i ? (uint32_t)c->desc.m : 0);
		size_t n = (size_t)u->numel[i];
		u->host[i] = mem_alloc(e, n * sizeof(float), "test-ops host data");
		if (!u->host[i])
			return e->status;
		if (u->info[i].role == ROLE_INPUT) {
			testops_fill_input(c, i, u->T, u->host[i], u->numel[i], seed);
			continue;
		}
		u->gpu[i] = mem_alloc(e, n * sizeof(float), "test-ops results");
		if (!u->gpu[i])
			return e->status;
		if (u->alias[i] >= 0)
			memcpy(u->host[i], u->host[u->alias[i]], n * sizeof(float));
		else if (read_and_written(u, i))
			testops_fill_input(c, i, u->T, u->host[i], u->numel[i], seed);
		else
			for (size_t j = 0; j < n; j++)
				u->host[i][j] = NAN;
	}
	return RWKVC_STATUS_OK;
}

/* Host floats -> the binding's storage bytes, and back. */
static enum rwkvc_status to_bytes(struct err *e, enum dtype d, const float *x, int64_t n, void *out)
{
	if (d == DTYPE_Q8_0 || d == DTYPE_Q4_K || d == DTYPE_Q6_K)
		return quant_quantize(e, d, x, out, n); /* the reference decodes the same blocks */
	if (d == DTYPE_F16)
		for (int64_t j = 0; j < n; j++)
			((uint16_t *)out)[j] = float_to_half(x[j]);
	else
		memcpy(out, x, (size_t)n * 4); /* f32, and i32 token ids kept as bits */
	return RWKVC_STATUS_OK;
}

static void from_bytes(enum dtype d, const void *in, int64_t n, float *x)
{
	if (d == DTYPE_F16)
		for (int64_t j = 0; j < n; j++)
			x[j] = half_to_float(((const uint16_t *)in)[j]);
	else
		memcpy(x, in, (size_t)n * 4);
}

enum rwkvc_status testops_upload(struct err *e, const struct testops_runner *r, enum dtype d, const float *x,
				 int64_t n, struct vk_range dst)
{
	size_t bytes = testops_bytes(d, n);
	void *tmp = mem_alloc(e, bytes ? bytes : 1, "test-ops upload");
	if (!tmp)
		return e->status;
	enum rwkvc_status st = to_bytes(e, d, x, n, tmp);
	if (st == RWKVC_STATUS_OK)
		st = vk_upload(e, r->d, dst, tmp, bytes);
	mem_free(tmp);
	return st;
}

enum rwkvc_status testops_device_buffer(struct err *e, const struct testops_runner *r, enum dtype d,
					const float *x, int64_t n, const char *name, struct vk_buffer *out)
{
	size_t bytes = testops_bytes(d, n);
	TRY(vk_buffer_create(e, r->d, (bytes + 3) & ~(size_t)3, VK_MEMORY_DEVICE, name, out));
	if (!x)
		return vk_fill(e, r->d, vk_range_of(out), d == DTYPE_F16 ? 0x7e007e00u : 0x7fc00000u);
	return testops_upload(e, r, d, x, n, vk_subrange(vk_range_of(out), 0, bytes));
}

struct vk_range testops_binding_range(const struct testops_run *u, int i, int chunk)
{
	enum dtype d = u->info[i].dtype;
	if (i == u->wb) {
		VkDeviceSize bytes = testops_bytes(d, (int64_t)u->rows[chunk] * u->info[i].per_row);
		return vk_subrange(vk_range_of(&u->chunk[chunk]), 0, bytes);
	}
	int b = u->alias[i] >= 0 ? u->alias[i] : i;
	return vk_subrange(vk_range_of(&u->buf[b]), 0, testops_bytes(d, u->numel[i]));
}

static enum rwkvc_status make_device(struct err *e, const struct testops_runner *r, struct testops_run *u,
				     const struct vk_pipeline *p)
{
	for (int i = 0; i < u->n; i++) {
		enum dtype d = u->info[i].dtype;
		const char *name = u->info[i].name;
		if (i == u->wb) {
			for (int ch = 0; ch < u->n_chunks; ch++)
				TRY(testops_device_buffer(e, r, d, u->host[i] + (int64_t)u->row0[ch] * u->info[i].per_row,
						  (int64_t)u->rows[ch] * u->info[i].per_row, name, &u->chunk[ch]));
		} else if (u->alias[i] < 0) {
			bool in = u->info[i].role == ROLE_INPUT || read_and_written(u, i);
			TRY(testops_device_buffer(e, r, d, in ? u->host[i] : NULL, u->numel[i], name, &u->buf[i]));
		}
	}
	TRY(vk_descriptor_pool_create(e, r->d, (uint32_t)u->n_chunks, (uint32_t)(u->n_chunks * u->n), &u->pool));
	for (int ch = 0; ch < u->n_chunks; ch++) {
		struct vk_range ranges[KERNEL_MAX_BINDINGS];
		for (int i = 0; i < u->n; i++)
			ranges[i] = testops_binding_range(u, i, ch);
		TRY(vk_descriptor_set_create(e, r->d, &u->pool, p, ranges, &u->set[ch]));
	}
	return RWKVC_STATUS_OK;
}

/* Every chunk in turn (a barrier between dispatches: to synchronization
 * validation, chunks write the same output range), `reps` times. */
enum rwkvc_status testops_program(struct err *e, const struct testops_runner *r, const struct testops_run *u,
				  const struct vk_pipeline *p, const VkDescriptorSet *sets, int n_copies, int reps,
				  unsigned flags, struct vk_program **out)
{
	TRY(vk_program_create(e, r->d, u->c->name, flags, out));
	for (int rep = 0; rep < reps; rep++)
		for (int ch = 0; ch < u->n_chunks; ch++) {
			if (rep || ch)
				TRY(vk_program_barrier(e, *out));
			struct kernel_push push = { (uint32_t)u->T, u->row0[ch], u->rows[ch], 0 };
			uint32_t groups[3];
			kernel_grid(&u->c->desc, &r->target, u->T, u->rows[ch], groups);
			VkDescriptorSet set = sets[(rep % n_copies) * u->n_chunks + ch];
			TRY(vk_program_dispatch(e, *out, p, set, groups, &push, NULL));
		}
	return vk_program_record(e, *out);
}

static enum rwkvc_status run_gpu(struct err *e, const struct testops_runner *r, struct testops_run *u, const struct vk_pipeline *p)
{
	struct vk_program *prog = NULL;
	enum rwkvc_status st = testops_program(e, r, u, p, u->set, 1, 1, 0, &prog);
	if (st == RWKVC_STATUS_OK)
		st = vk_program_run(e, prog);
	vk_program_destroy(prog);
	for (int i = 0; st == RWKVC_STATUS_OK && i < u->n; i++) {
		if (u->info[i].role != ROLE_OUTPUT)
			continue;
		size_t bytes = testops_bytes(u->info[i].dtype, u->numel[i]);
		void *tmp = mem_alloc(e, bytes, "test-ops download");
		if (!tmp)
			return e->status;
		st = vk_download(e, r->d, testops_binding_range(u, i, 0), tmp, bytes);
		if (st == RWKVC_STATUS_OK)
			from_bytes(u->info[i].dtype, tmp, u->numel[i], u->gpu[i]);
		mem_free(tmp);
	}
	return st;
}

static enum rwkvc_status run_reference(struct err *e, struct testops_run *u)
{
	float *bufs[KERNEL_MAX_BINDINGS];
	for (int ch = 0; ch < u->n_chunks; ch++) {
		for (int i = 0; i < u->n; i++)
			bufs[i] = u->alias[i] >= 0 ? u->host[u->alias[i]] : u->host[i];
		if (u->wb >= 0)
			bufs[u->wb] = u->host[u->wb] + (int64_t)u->row0[ch] * u->info[u->wb].per_row;
		TRY(kernel_reference(e, &u->c->desc, u->T, u->row0[ch], u->rows[ch], bufs));
	}
	return RWKVC_STATUS_OK;
}

/* Compares every output; appends "y 1.2e-04 <= 2e-03" per output to `msg`. */
static bool compare(const struct testops_run *u, char *msg, size_t cap)
{
	bool ok = true;
	size_t used = 0;
	for (int i = 0; i < u->n; i++) {
		if (u->info[i].role != ROLE_OUTPUT)
			continue;
		const float *ref = u->alias[i] >= 0 ? u->host[u->alias[i]] : u->host[i];
		const float *got = u->gpu[i];
		double num = 0, den = 0;
		int64_t unwritten = 0;
		for (int64_t j = 0; j < u->numel[i]; j++) {
			if (isnan(got[j]) || isnan(ref[j])) {
				unwritten += 1;
				continue;
			}
			double d = (double)got[j] - ref[j];
			num += d * d;
			den += (double)ref[j] * ref[j];
		}
		double err = den > 0 ? sqrt(num / den) : sqrt(num);
		double bound = testops_bound(&u->c->desc, u->info[i].dtype);
		bool pass = !unwritten && err <= bound;
		ok = ok && pass;
		if (unwritten)
			used += (size_t)snprintf(msg + used, used < cap ? cap - used : 0, "%s%s: %lld of %lld NaN (unwritten)",
						 used ? ", " : "", u->info[i].name, (long long)unwritten,
						 (long long)u->numel[i]);
		else
			used += (size_t)snprintf(msg + used, used < cap ? cap - used : 0, "%s%s %.1e %s %.0e", used ? ", " : "",
						 u->info[i].name, err, pass ? "<=" : "> ", bound);
	}
	return ok;
}

/* One case at one T. Returns an error only when the harness itself fails. */
enum rwkvc_status testops_run_one(const struct testops_runner *r, const struct testops_case *c, const struct vk_pipeline *p,
				 int64_t T, uint64_t seed)
{
	struct err *e = r->e;
	struct testops_run u;
	memset(&u, 0, sizeof u);
	u.c = c;
	u.T = T;
	u.n = kernel_binding_info(&c->desc, u.info);
	uint64_t msgs_before = vk_device_message_count(r->d);
	enum rwkvc_status st = plan_chunks(e, r, &u);
	if (st == RWKVC_STATUS_OK)
		st = make_host(e, &u, seed);
	if (st == RWKVC_STATUS_OK)
		st = make_device(e, r, &u, p);
	if (st == RWKVC_STATUS_OK)
		st = run_gpu(e, r, &u, p);
	if (st == RWKVC_STATUS_OK)
		st = run_reference(e, &u);
	char detail[400] = "", timing[64] = "";
	bool ok = false;
	if (st == RWKVC_STATUS_OK) {
		ok = compare(&u, detail, sizeof detail);
		if (r->o->perf)
			st = testops_time(r, &u, p, timing, sizeof timing);
	}
	uint64_t msgs = vk_device_message_count(r->d) - msgs_before;
	if (st == RWKVC_STATUS_OK) {
		char label[160], last[VK_LOG_MSG_LEN];
		snprintf(label, sizeof label, "%s T=%lld%s", c->name, (long long)T, r->variant);
		ok = ok && msgs == 0;
		testops_say(r, "%-4s %-*s %s%s", ok ? "ok" : "FAIL", NAME_COLUMNS, label, detail, timing);
		if (msgs)
			testops_say(r, "     %llu validation message(s), the last: %s", (unsigned long long)msgs,
			    vk_device_message(r->d, 0, last, sizeof last));
		r->sum->cases += 1;
		r->sum->failed += !ok;
	}
	run_free(r->d, &u);
	return st;
}

