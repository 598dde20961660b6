/*
 * testops.c - rwkvc_test_ops: every case of testops_cases.c on the Vulkan
 * device and on kernel_reference, compared (see rwkvc.h, "Diagnostics").
 *
 * Per case and T: random inputs (never zeros), outputs poisoned with NaN on
 * both sides, the weight bound as row chunks where the case asks or where
 * it exceeds one binding (maxStorageBufferRange), one program with a barrier
 * between chunks, then the relative L2 error of every output against its
 * bound; an output element left unwritten (NaN) fails the case whatever the
 * error. A validation message during a case fails it too.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/half.h"
#include "base/mem.h"
#include "runtime/ctx.h"
#include "runtime/kernel_ref.h"
#include "runtime/testops.h"
#include "runtime/vk_kernel.h"

enum { DEFAULT_REPS = 20, MAX_CHUNKS = 64, NAME_COLUMNS = 60 };

struct runner {
	struct err *e;
	const struct rwkvc_test_ops_options *o;
	struct rwkvc_test_ops_summary *sum;
	struct vk_device *d;
	struct codegen_target target;
	struct spirv_cache cache;
};

static void say(const struct runner *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(const struct runner *r, const char *fmt, ...)
{
	if (!r->o->print)
		return;
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	r->o->print(r->o->user, line);
}

static size_t elem_bytes(enum dtype d) { return d == DTYPE_F16 ? 2 : 4; }

/* One run of a case: host arrays, device buffers, chunks. */
struct run {
	const struct testops_case *c;
	int64_t T;
	int n;
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int64_t numel[KERNEL_MAX_BINDINGS];
	float *host[KERNEL_MAX_BINDINGS];  /* inputs as generated; outputs: the reference's */
	float *gpu[KERNEL_MAX_BINDINGS];   /* outputs read back */
	int alias[KERNEL_MAX_BINDINGS];    /* an output sharing input alias[i]'s buffer, else -1 */
	struct vk_buffer buf[KERNEL_MAX_BINDINGS];
	int wb; /* the weight binding split into chunks, or -1 */
	int n_chunks;
	uint32_t row0[MAX_CHUNKS], rows[MAX_CHUNKS];
	struct vk_buffer chunk[MAX_CHUNKS];
	struct vk_descriptor_pool pool;
	VkDescriptorSet set[MAX_CHUNKS];
};

static void run_free(struct vk_device *d, struct run *u)
{
	for (int i = 0; i < KERNEL_MAX_BINDINGS; i++) {
		mem_free(u->host[i]);
		mem_free(u->gpu[i]);
		vk_buffer_destroy(d, &u->buf[i]);
	}
	for (int i = 0; i < MAX_CHUNKS; i++)
		vk_buffer_destroy(d, &u->chunk[i]);
	vk_descriptor_pool_destroy(d, &u->pool);
}

/* Row chunks of the weight: at least c->chunks, each within one binding. */
static enum rwkvc_status plan_chunks(struct err *e, const struct runner *r, struct run *u)
{
	const struct kernel_desc *k = &u->c->desc;
	u->wb = k->kind == KERNEL_MATVEC || k->kind == KERNEL_EMBEDDING ? 1 : -1;
	int64_t m = u->wb < 0 ? 1 : k->m;
	int64_t chunks = u->c->chunks;
	if (u->wb >= 0) {
		uint64_t row_bytes = (uint64_t)u->info[u->wb].per_row * elem_bytes(u->info[u->wb].dtype);
		int64_t max_rows = (int64_t)(r->d->caps.max_storage_buffer_range / row_bytes);
		if (max_rows < 1)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s: one weight row exceeds a binding", u->c->name);
		if ((m + max_rows - 1) / max_rows > chunks)
			chunks = (m + max_rows - 1) / max_rows;
	}
	if (chunks > m)
		chunks = m;
	if (chunks > MAX_CHUNKS)
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
static enum rwkvc_status make_host(struct err *e, struct run *u, uint64_t seed)
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
		else
			for (size_t j = 0; j < n; j++)
				u->host[i][j] = NAN;
	}
	return RWKVC_STATUS_OK;
}

/* Host floats -> the binding's storage bytes, and back. */
static void to_bytes(enum dtype d, const float *x, int64_t n, void *out)
{
	if (d == DTYPE_F16)
		for (int64_t j = 0; j < n; j++)
			((uint16_t *)out)[j] = float_to_half(x[j]);
	else
		memcpy(out, x, (size_t)n * 4); /* f32, and i32 token ids kept as bits */
}

static void from_bytes(enum dtype d, const void *in, int64_t n, float *x)
{
	if (d == DTYPE_F16)
		for (int64_t j = 0; j < n; j++)
			x[j] = half_to_float(((const uint16_t *)in)[j]);
	else
		memcpy(x, in, (size_t)n * 4);
}

/* A device buffer holding `n` elements of `d` from `x` (NULL: NaN-poisoned). */
static enum rwkvc_status device_buffer(struct err *e, const struct runner *r, enum dtype d, const float *x,
				       int64_t n, const char *name, struct vk_buffer *out)
{
	size_t bytes = (size_t)n * elem_bytes(d);
	TRY(vk_buffer_create(e, r->d, (bytes + 3) & ~(size_t)3, VK_MEMORY_DEVICE, name, out));
	if (!x)
		return vk_fill(e, r->d, vk_range_of(out), d == DTYPE_F16 ? 0x7e007e00u : 0x7fc00000u);
	void *tmp = mem_alloc(e, bytes, "test-ops upload");
	if (!tmp)
		return e->status;
	to_bytes(d, x, n, tmp);
	enum rwkvc_status st = vk_upload(e, r->d, vk_range_of(out), tmp, bytes);
	mem_free(tmp);
	return st;
}

static struct vk_range binding_range(const struct run *u, int i, int chunk)
{
	size_t eb = elem_bytes(u->info[i].dtype);
	if (i == u->wb) {
		VkDeviceSize bytes = (VkDeviceSize)u->rows[chunk] * (VkDeviceSize)u->info[i].per_row * eb;
		return vk_subrange(vk_range_of(&u->chunk[chunk]), 0, bytes);
	}
	int b = u->alias[i] >= 0 ? u->alias[i] : i;
	return vk_subrange(vk_range_of(&u->buf[b]), 0, (VkDeviceSize)u->numel[i] * eb);
}

static enum rwkvc_status make_device(struct err *e, const struct runner *r, struct run *u,
				     const struct vk_pipeline *p)
{
	for (int i = 0; i < u->n; i++) {
		enum dtype d = u->info[i].dtype;
		const char *name = u->info[i].name;
		if (i == u->wb) {
			for (int ch = 0; ch < u->n_chunks; ch++)
				TRY(device_buffer(e, r, d, u->host[i] + (int64_t)u->row0[ch] * u->info[i].per_row,
						  (int64_t)u->rows[ch] * u->info[i].per_row, name, &u->chunk[ch]));
		} else if (u->alias[i] < 0) {
			bool in = u->info[i].role == ROLE_INPUT;
			TRY(device_buffer(e, r, d, in ? u->host[i] : NULL, u->numel[i], name, &u->buf[i]));
		}
	}
	TRY(vk_descriptor_pool_create(e, r->d, (uint32_t)u->n_chunks, (uint32_t)(u->n_chunks * u->n), &u->pool));
	for (int ch = 0; ch < u->n_chunks; ch++) {
		struct vk_range ranges[KERNEL_MAX_BINDINGS];
		for (int i = 0; i < u->n; i++)
			ranges[i] = binding_range(u, i, ch);
		TRY(vk_descriptor_set_create(e, r->d, &u->pool, p, ranges, &u->set[ch]));
	}
	return RWKVC_STATUS_OK;
}

/* Every chunk once (a barrier between chunks: they write the same output
 * range as far as synchronization validation can tell), `reps` times. */
static enum rwkvc_status make_program(struct err *e, const struct runner *r, const struct run *u,
				      const struct vk_pipeline *p, int reps, unsigned flags, struct vk_program **out)
{
	TRY(vk_program_create(e, r->d, u->c->name, flags, out));
	for (int rep = 0; rep < reps; rep++)
		for (int ch = 0; ch < u->n_chunks; ch++) {
			if (rep || ch)
				TRY(vk_program_barrier(e, *out));
			struct kernel_push push = { (uint32_t)u->T, u->row0[ch], u->rows[ch], 0 };
			uint32_t groups[3];
			kernel_grid(&u->c->desc, &r->target, u->T, u->rows[ch], groups);
			TRY(vk_program_dispatch(e, *out, p, u->set[ch], groups, &push, NULL));
		}
	return vk_program_record(e, *out);
}

static enum rwkvc_status run_gpu(struct err *e, const struct runner *r, struct run *u, const struct vk_pipeline *p)
{
	struct vk_program *prog = NULL;
	enum rwkvc_status st = make_program(e, r, u, p, 1, 0, &prog);
	if (st == RWKVC_STATUS_OK)
		st = vk_program_run(e, prog);
	vk_program_destroy(prog);
	for (int i = 0; st == RWKVC_STATUS_OK && i < u->n; i++) {
		if (u->info[i].role != ROLE_OUTPUT)
			continue;
		size_t bytes = (size_t)u->numel[i] * elem_bytes(u->info[i].dtype);
		void *tmp = mem_alloc(e, bytes, "test-ops download");
		if (!tmp)
			return e->status;
		st = vk_download(e, r->d, binding_range(u, i, 0), tmp, bytes);
		if (st == RWKVC_STATUS_OK)
			from_bytes(u->info[i].dtype, tmp, u->numel[i], u->gpu[i]);
		mem_free(tmp);
	}
	return st;
}

static enum rwkvc_status run_reference(struct err *e, struct run *u)
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
static bool compare(const struct run *u, char *msg, size_t cap)
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

/* Median GPU microseconds per run (all chunks), and weight GB/s. */
static enum rwkvc_status time_case(struct err *e, const struct runner *r, const struct run *u,
				   const struct vk_pipeline *p, char *out, size_t cap)
{
	int reps = r->o->perf_reps > 0 ? r->o->perf_reps : DEFAULT_REPS;
	bool stamps = r->d->caps.timestamp_valid_bits != 0;
	struct vk_program *prog = NULL;
	double *us = mem_calloc(e, (size_t)(reps * u->n_chunks), sizeof *us, "timings");
	enum rwkvc_status st = us ? make_program(e, r, u, p, reps, stamps ? VK_PROGRAM_TIMESTAMPS : 0, &prog) : e->status;
	if (st == RWKVC_STATUS_OK)
		st = vk_program_run(e, prog); /* warm-up */
	uint64_t t0 = vk_now_ns();
	if (st == RWKVC_STATUS_OK)
		st = vk_program_run(e, prog);
	double wall_us = (double)(vk_now_ns() - t0) / 1e3 / reps;
	if (st == RWKVC_STATUS_OK && stamps)
		st = vk_program_timings(e, prog, us, NULL, (uint32_t)(reps * u->n_chunks));
	if (st == RWKVC_STATUS_OK) {
		double per_rep[1024];
		int n = reps < 1024 ? reps : 1024;
		for (int i = 0; i < n; i++) {
			per_rep[i] = 0;
			for (int ch = 0; ch < u->n_chunks; ch++)
				per_rep[i] += us[i * u->n_chunks + ch];
		}
		for (int i = 1; i < n; i++) /* insertion sort: n is small */
			for (int j = i; j > 0 && per_rep[j] < per_rep[j - 1]; j--) {
				double t = per_rep[j];
				per_rep[j] = per_rep[j - 1];
				per_rep[j - 1] = t;
			}
		double t = stamps ? per_rep[n / 2] : wall_us;
		int used = snprintf(out, cap, "  %9.1f us%s", t, stamps ? "" : " (wall)");
		if (u->wb >= 0 && u->c->desc.kind == KERNEL_MATVEC && used > 0 && (size_t)used < cap) {
			double bytes = (double)u->c->desc.m * (double)u->info[u->wb].per_row * elem_bytes(u->info[u->wb].dtype);
			snprintf(out + used, cap - (size_t)used, " %7.1f GB/s", bytes / (t * 1e3));
		}
	}
	vk_program_destroy(prog);
	mem_free(us);
	return st;
}

/* One case at one T. Returns an error only when the harness itself fails. */
static enum rwkvc_status run_one(const struct runner *r, const struct testops_case *c, const struct vk_pipeline *p,
				 int64_t T, uint64_t seed)
{
	struct err *e = r->e;
	struct run u;
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
			st = time_case(e, r, &u, p, timing, sizeof timing);
	}
	uint64_t msgs = vk_device_message_count(r->d) - msgs_before;
	if (st == RWKVC_STATUS_OK) {
		char label[160], last[VK_LOG_MSG_LEN];
		snprintf(label, sizeof label, "%s T=%lld", c->name, (long long)T);
		ok = ok && msgs == 0;
		say(r, "%-4s %-*s %s%s", ok ? "ok" : "FAIL", NAME_COLUMNS, label, detail, timing);
		if (msgs)
			say(r, "     %llu validation message(s), the last: %s", (unsigned long long)msgs,
			    vk_device_message(r->d, 0, last, sizeof last));
		r->sum->cases += 1;
		r->sum->failed += !ok;
	}
	run_free(r->d, &u);
	return st;
}

static bool selected(const struct runner *r, const struct testops_case *c, int64_t T)
{
	if (c->perf_only && !r->o->perf)
		return false;
	if (r->o->quick && !c->quick && !c->perf_only)
		return false;
	if (!r->o->filter || !*r->o->filter)
		return true;
	char label[160];
	snprintf(label, sizeof label, "%s T=%lld", c->name, (long long)T);
	return strstr(label, r->o->filter) != NULL;
}

static enum rwkvc_status run_case(struct runner *r, const struct testops_case *c, uint64_t seed)
{
	int first = -1;
	for (int i = 0; i < c->n_T && first < 0; i++)
		if (selected(r, c, c->T[i]))
			first = i;
	if (first < 0)
		return RWKVC_STATUS_OK;
	if (r->o->list) {
		for (int i = first; i < c->n_T; i++)
			if (selected(r, c, c->T[i]))
				say(r, "%s T=%lld", c->name, (long long)c->T[i]);
		return RWKVC_STATUS_OK;
	}
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int n = kernel_binding_info(&c->desc, info);
	for (int i = 0; i < n; i++)
		if (info[i].dtype == DTYPE_F16 && !r->target.f16_storage) {
			say(r, "skip %s (the device has no 16-bit storage)", c->name);
			r->sum->skipped += 1;
			return RWKVC_STATUS_OK;
		}
	struct vk_pipeline p;
	struct err ce = { 0 };
	enum rwkvc_status st = vk_kernel_pipeline(&ce, r->d, &r->cache, &c->desc, &r->target, c->name, &p, NULL);
	if (st == RWKVC_STATUS_NO_MEMORY || st == RWKVC_STATUS_DEVICE_LOST) {
		*r->e = ce;
		return st;
	}
	if (st != RWKVC_STATUS_OK) { /* a kernel that does not build is a failed case, not the end */
		say(r, "FAIL %s: %s", c->name, ce.msg);
		r->sum->cases += 1;
		r->sum->failed += 1;
		return RWKVC_STATUS_OK;
	}
	for (int i = first; i < c->n_T && st == RWKVC_STATUS_OK; i++)
		if (selected(r, c, c->T[i]))
			st = run_one(r, c, &p, c->T[i], seed * 31 + (uint64_t)i);
	vk_pipeline_destroy(r->d, &p);
	return st;
}

enum rwkvc_status rwkvc_test_ops(rwkvc_ctx_t *ctx, const struct rwkvc_test_ops_options *opts,
				 struct rwkvc_test_ops_summary *out_summary)
{
	memset(out_summary, 0, sizeof *out_summary);
	struct err *e = &ctx->err;
	struct testops_case *cases = mem_calloc(e, TESTOPS_MAX_CASES, sizeof *cases, "test-ops cases");
	if (!cases)
		return e->status;
	int n = testops_cases(cases);
	struct runner r = { .e = e, .o = opts, .sum = out_summary };
	enum rwkvc_status st = RWKVC_STATUS_OK;
	if (!opts->list) {
		struct vk_device_options dopt = vk_device_options_default();
		st = vk_device_create(e, &dopt, &r.d);
		if (st == RWKVC_STATUS_OK)
			st = spirv_cache_open(e, NULL, false, &r.cache);
	}
	if (st == RWKVC_STATUS_OK && r.d) {
		vk_kernel_target(r.d, &r.target);
		snprintf(out_summary->device, sizeof out_summary->device, "%s", r.d->caps.props.deviceName);
		say(&r, "device: %s (%s), subgroup %u%s%s", r.d->caps.props.deviceName,
		    vk_device_type_name(r.d->caps.props.deviceType), r.target.subgroup_size,
		    r.target.subgroup_arithmetic ? " with arithmetic" : ", no subgroup arithmetic",
		    r.d->inst->validation ? "; validation on" : "");
	}
	for (int i = 0; st == RWKVC_STATUS_OK && i < n; i++)
		st = run_case(&r, &cases[i], (uint64_t)i + 1);
	if (r.d) {
		out_summary->validation_messages = vk_device_message_count(r.d);
		if (st == RWKVC_STATUS_OK)
			say(&r, "%d cases, %d failed%s%s on %s; %llu validation messages", out_summary->cases,
			    out_summary->failed, out_summary->skipped ? ", skipped: " : "",
			    out_summary->skipped ? "some (see above)" : "", out_summary->device,
			    (unsigned long long)out_summary->validation_messages);
	}
	spirv_cache_close(&r.cache);
	vk_device_destroy(r.d);
	mem_free(cases);
	return st;
}
