/*
 * test_state_file.c - state files (docs/state-file.md): the layout as the
 * document gives it, a save/load round trip that continues bit for bit, and
 * every refusal with its message (magic, version, flags, truncation at every
 * length, extra bytes, checksum, malformed fields, model shape, sampler),
 * nothing changed by a failed load, random mutations, allocation failures.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxhash.h>

#include "base/fault.h"
#include "base/file.h"
#include "base/mem.h"
#include "runtime/ctx.h"
#include "runtime/sample.h"

static rwkvc_ctx_t *g_ctx;
static rwkvc_model_t *g_a, *g_b; /* model_a: 2 x 128, vocab 256; model_b: 3 x 256, vocab 1024 */

static rwkvc_model_t *load(const char *name)
{
	struct rwkvc_model_options o = rwkvc_model_options_default();
	o.weights_path = test_shared_path(name);
	o.backend = RWKVC_BACKEND_CPU;
	rwkvc_model_t *m;
	if (rwkvc_model_load(g_ctx, &o, &m)) {
		fprintf(stderr, "%s\n", rwkvc_errmsg(g_ctx));
		return NULL;
	}
	return m;
}

static int setup(void **state)
{
	(void)state;
	if (rwkvc_ctx_create(&g_ctx))
		return -1;
	g_a = load("testdata/rwkv7/model_a.safetensors");
	g_b = load("testdata/rwkv7/model_b.safetensors");
	return g_a && g_b ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rwkvc_model_destroy(g_a);
	rwkvc_model_destroy(g_b);
	rwkvc_ctx_destroy(g_ctx);
	return 0;
}

#define OK(expr)                                                         \
	do {                                                             \
		if ((expr) != RWKVC_STATUS_OK)                           \
			fail_msg("%s: %s", #expr, rwkvc_errmsg(g_ctx));  \
	} while (0)

static rwkvc_session_t *session(rwkvc_model_t *m)
{
	rwkvc_session_t *s;
	OK(rwkvc_session_create(m, &s));
	return s;
}

static rwkvc_sampler_t *sampler(uint64_t seed, int32_t limit)
{
	struct rwkvc_sampler_options o = rwkvc_sampler_options_default();
	o.top_p = 0.9f;
	o.presence = 0.3f;
	o.frequency = 0.2f;
	o.penalty_decay = 0.9f;
	o.seed = seed;
	rwkvc_sampler_t *s;
	OK(rwkvc_sampler_create(g_ctx, &o, limit, &s));
	return s;
}

/* Feeds `first`, then samples, accepts and feeds n tokens; returns the last
 * sampled token (not fed) and writes the tokens to out (may be NULL). */
static int32_t generate(rwkvc_session_t *s, rwkvc_sampler_t *sp, int32_t first, int n, int32_t *out)
{
	float logits[256];
	int32_t t = first;
	for (int i = 0; i < n; i++) {
		OK(rwkvc_session_eval(s, &t, 1, RWKVC_EVAL_LAST, logits));
		OK(rwkvc_sampler_sample(sp, logits, 256, &t));
		OK(rwkvc_sampler_accept(sp, t));
		if (out)
			out[i] = t;
	}
	return t;
}

static float *state_of(rwkvc_session_t *s)
{
	size_t n = rwkvc_state_size(s);
	float *x = malloc(n * sizeof *x);
	OK(rwkvc_state_get(s, x, n));
	return x;
}

/* A saved file's bytes (heap; free with mem_free). */
static uint8_t *saved(rwkvc_session_t *s, rwkvc_sampler_t *sp, int32_t pending, size_t *out_n)
{
	const char *path = test_tmp_path("s.state");
	OK(rwkvc_session_save(s, sp, pending, path));
	struct err e = { 0 };
	char *data;
	if (file_read_all(&e, path, &data, out_n))
		fail_msg("%s", e.msg);
	return (uint8_t *)data;
}

static uint32_t rd32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

static void wr32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> 8 * i);
}

static void wr64(uint8_t *p, uint64_t v)
{
	wr32(p, (uint32_t)v);
	wr32(p + 4, (uint32_t)(v >> 32));
}

/* Rewrites the size field and the checksum, as a writer of a bad file would. */
static void reseal(uint8_t *d, size_t n)
{
	wr64(d + 16, n);
	wr64(d + n - 8, XXH64(d, n - 8, 0));
}

/* Where the fields after the slots are, computed from the documented layout. */
struct layout {
	size_t n_floats, floats, pending, sampler_flag, limit, rng, n_counts, counts;
};

static struct layout layout_of(const uint8_t *d)
{
	struct layout l;
	size_t off = 44, n_slots = rd32(d + off);
	off += 4;
	for (size_t s = 0; s < n_slots; s++) {
		off += 4 + rd32(d + off);
		off += 4 + 8 * (size_t)rd32(d + off);
	}
	l.n_floats = off;
	l.floats = off + 8;
	l.pending = l.floats + 4 * (size_t)rd32(d + l.n_floats);
	l.sampler_flag = l.pending + 4;
	l.limit = l.sampler_flag + 4;
	l.rng = l.limit + 4;
	l.n_counts = l.rng + 32;
	l.counts = l.n_counts + 4;
	return l;
}

/* The layout of docs/state-file.md, byte for byte. */
static void test_layout_as_documented(void **state)
{
	(void)state;
	rwkvc_session_t *s = session(g_a);
	rwkvc_sampler_t *sp = sampler(1, 256);
	int32_t last = generate(s, sp, 0, 5, NULL);
	size_t n;
	uint8_t *d = saved(s, sp, last, &n);
	assert_memory_equal(d, "RWKVCSTF\1\0\0\0\0\0\0\0", 16);
	assert_int_equal(rd32(d + 16), n);
	static const uint32_t shape[] = { 2, 128, 2, 64, 256, 3 };
	for (int i = 0; i < 6; i++)
		assert_int_equal(rd32(d + 24 + 4 * i), shape[i]);
	assert_int_equal(rd32(d + 48), 5); /* "att_x" */
	assert_memory_equal(d + 52, "att_x", 5);
	struct layout l = layout_of(d);
	assert_int_equal(rd32(d + l.n_floats), rwkvc_state_size(s));
	float *x = state_of(s);
	assert_memory_equal(d + l.floats, x, rwkvc_state_size(s) * 4); /* little-endian host */
	assert_int_equal((int32_t)rd32(d + l.pending), last);
	assert_int_equal(rd32(d + l.sampler_flag), 1);
	assert_int_equal(rd32(d + l.limit), 256);
	assert_memory_equal(d + l.rng, sp->rng, 32);
	uint32_t nc = rd32(d + l.n_counts);
	assert_true(nc >= 1 && nc <= 5);
	assert_int_equal(l.counts + 12 * nc + 8, n);
	uint64_t sum = XXH64(d, n - 8, 0);
	assert_memory_equal(d + n - 8, &sum, 8);
	free(x);
	mem_free(d);
	rwkvc_sampler_destroy(sp);
	rwkvc_session_destroy(s);
}

/* Save, load into a fresh session and sampler, and both continue identically. */
static void test_round_trip_continues_exactly(void **state)
{
	(void)state;
	rwkvc_session_t *s1 = session(g_a), *s2 = session(g_a);
	rwkvc_sampler_t *p1 = sampler(9, 256), *p2 = sampler(1234, 256);
	int32_t last = generate(s1, p1, 0, 12, NULL);
	generate(s2, p2, 7, 3, NULL); /* something to overwrite */
	const char *path = test_tmp_path("rt.state");
	OK(rwkvc_session_save(s1, p1, last, path));
	int32_t pending = -5;
	OK(rwkvc_session_load(s2, p2, path, &pending));
	assert_int_equal(pending, last);
	float *x1 = state_of(s1), *x2 = state_of(s2);
	assert_memory_equal(x1, x2, rwkvc_state_size(s1) * sizeof *x1);
	assert_memory_equal(p1->counts, p2->counts, 256 * sizeof *p1->counts);
	assert_memory_equal(p1->rng, p2->rng, sizeof p1->rng);
	int32_t a[16], b[16];
	generate(s1, p1, last, 16, a);
	generate(s2, p2, pending, 16, b);
	assert_memory_equal(a, b, sizeof a);
	free(x1);
	free(x2);

	/* without sampler state: the sampler it is loaded into starts over */
	OK(rwkvc_session_save(s1, NULL, -1, path));
	OK(rwkvc_session_load(s2, p2, path, &pending));
	assert_int_equal(pending, -1);
	rwkvc_sampler_t *fresh = sampler(1234, 256);
	assert_memory_equal(p2->rng, fresh->rng, sizeof p2->rng);
	for (int i = 0; i < 256; i++)
		assert_true(p2->counts[i] == 0);
	/* and a NULL sampler ignores the file's */
	OK(rwkvc_session_save(s1, p1, 3, path));
	OK(rwkvc_session_load(s2, NULL, path, &pending));
	assert_int_equal(pending, 3);
	rwkvc_sampler_destroy(fresh);
	rwkvc_sampler_destroy(p1);
	rwkvc_sampler_destroy(p2);
	rwkvc_session_destroy(s1);
	rwkvc_session_destroy(s2);
}

/* Loads d[0..n) and expects `status` with `msg` in the message, and the
 * session and sampler unchanged. */
static void refuse(rwkvc_session_t *s, rwkvc_sampler_t *sp, const uint8_t *d, size_t n, enum rwkvc_status status,
		   const char *msg)
{
	float *before = state_of(s);
	uint64_t rng[4];
	memcpy(rng, sp->rng, sizeof rng);
	int32_t pending = 5;
	enum rwkvc_status st = rwkvc_session_load_memory(s, sp, d, n, "x.state", &pending);
	if (st != status || !strstr(rwkvc_errmsg(g_ctx), msg))
		fail_msg("got %s '%s', expected %s '%s'", rwkvc_status_name(st), rwkvc_errmsg(g_ctx),
			 rwkvc_status_name(status), msg);
	assert_int_equal(strncmp(rwkvc_errmsg(g_ctx), "x.state: ", 9), 0);
	assert_int_equal(pending, -1);
	float *after = state_of(s);
	assert_memory_equal(before, after, rwkvc_state_size(s) * sizeof *before);
	assert_memory_equal(rng, sp->rng, sizeof rng);
	free(before);
	free(after);
}

static void test_refusals(void **state)
{
	(void)state;
	rwkvc_session_t *s = session(g_a);
	rwkvc_sampler_t *sp = sampler(2, 256);
	int32_t last = generate(s, sp, 0, 6, NULL);
	size_t n;
	uint8_t *good = saved(s, sp, last, &n), *d = malloc(n + 16);
	generate(s, sp, last, 2, NULL); /* the session now differs from the file */
#define FRESH() memcpy(d, good, n)
	FRESH();
	d[0] = 'X';
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "not an rwkvc state file (it does not start with 'RWKVCSTF')");
	FRESH();
	wr32(d + 8, 2);
	refuse(s, sp, d, n, RWKVC_STATUS_UNSUPPORTED, "state file version 2 is not supported (this build reads version 1)");
	FRESH();
	wr32(d + 12, 1);
	refuse(s, sp, d, n, RWKVC_STATUS_UNSUPPORTED, "flags 0x1 are not supported");
	for (size_t len = 0; len < n; len++) {
		char msg[64];
		snprintf(msg, sizeof msg, len < 32 ? "truncated state file: %zu bytes" : "truncated state file: %zu of its",
			 len);
		if (len < 10 || len % 97 == 0 || len > n - 10)
			refuse(s, sp, good, len, RWKVC_STATUS_BAD_FORMAT, msg);
		else /* the same check, faster: no snapshots */
			assert_int_equal(rwkvc_state_file_check(g_ctx, good, len, "x"), RWKVC_STATUS_BAD_FORMAT);
	}
	FRESH();
	memcpy(d + n, "abc", 3);
	refuse(s, sp, d, n + 3, RWKVC_STATUS_BAD_FORMAT, "3 bytes after the end of the state file");
	struct layout l = layout_of(good);
	FRESH();
	d[l.floats + 101] ^= 0x10;
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "checksum mismatch");
	FRESH();
	d[n - 1] ^= 1;
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "the file is damaged");

	/* well sealed but wrong inside */
	FRESH();
	wr32(d + l.pending, 999);
	reseal(d, n);
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "malformed state file: the pending token 999 is outside [-1, 256)");
	FRESH();
	wr32(d + 44, 9);
	reseal(d, n);
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "malformed state file: 9 state slots (must be 1 to 8)");
	FRESH();
	float nan = NAN;
	memcpy(d + l.floats + 4 * 5, &nan, 4);
	reseal(d, n);
	refuse(s, sp, d, n, RWKVC_STATUS_NOT_FINITE, "state value 5 is not finite");
	FRESH();
	memset(d + l.rng, 0, 32);
	reseal(d, n);
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "generator state is all zero");
	FRESH();
	wr32(d + l.sampler_flag, 2);
	reseal(d, n);
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "the sampler flag is 2 (must be 0 or 1)");
	if (rd32(good + l.n_counts) >= 2) {
		FRESH();
		wr32(d + l.counts + 12, rd32(d + l.counts)); /* the second id repeats the first */
		reseal(d, n);
		refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "is out of order");
	}
	FRESH(); /* four bytes between the counts and the checksum */
	memmove(d + n - 4, d + n - 8, 8);
	reseal(d, n + 4);
	refuse(s, sp, d, n + 4, RWKVC_STATUS_BAD_FORMAT, "4 bytes at byte");
	FRESH(); /* a count that claims more than the file holds */
	wr32(d + l.n_counts, 200);
	reseal(d, n);
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_FORMAT, "the penalty counts at byte");

	/* whole and well formed, but not for this model or sampler */
	rwkvc_session_t *sb = session(g_b);
	rwkvc_sampler_t *small = sampler(2, 200);
	refuse(sb, sp, good, n, RWKVC_STATUS_BAD_SHAPE, "state was saved from a 2-layer x 128 model, this model is 3 x 256");
	refuse(s, small, good, n, RWKVC_STATUS_BAD_SHAPE, "the saved sampler covers ids [0, 256), this sampler [0, 200)");
	FRESH();
	memcpy(d + 52, "att_y", 5);
	reseal(d, n);
	refuse(s, sp, d, n, RWKVC_STATUS_BAD_SHAPE, "state slot 0 was saved as 'att_y' [2, 128], this model's is 'att_x' [2, 128]");

	int32_t pending;
	assert_int_equal(rwkvc_session_load(s, sp, "/nonexistent/x.state", &pending), RWKVC_STATUS_IO);
	assert_non_null(strstr(rwkvc_errmsg(g_ctx), "/nonexistent/x.state: cannot open"));
	rwkvc_sampler_destroy(small);
	rwkvc_session_destroy(sb);
	free(d);
	mem_free(good);
	rwkvc_sampler_destroy(sp);
	rwkvc_session_destroy(s);
#undef FRESH
}

static void test_save_refusals(void **state)
{
	(void)state;
	rwkvc_session_t *s = session(g_a);
	rwkvc_sampler_t *sp = sampler(2, 256), *big = sampler(2, 300);
	const char *path = test_tmp_path("refused.state");
	assert_int_equal(rwkvc_session_save(s, sp, 256, path), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(rwkvc_errmsg(g_ctx), "pending token 256 is outside [-1, 256)"));
	assert_int_equal(rwkvc_session_save(s, sp, -2, path), RWKVC_STATUS_BAD_ARGUMENT);
	assert_int_equal(rwkvc_session_save(s, big, 3, path), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(rwkvc_errmsg(g_ctx), "the sampler covers ids [0, 300)"));
	assert_int_equal(access(path, F_OK), -1); /* nothing written */
	assert_int_equal(rwkvc_session_save(s, sp, 1, "/nonexistent-dir/x.state"), RWKVC_STATUS_IO);
	rwkvc_sampler_destroy(big);
	rwkvc_sampler_destroy(sp);
	rwkvc_session_destroy(s);
}

/* Random damage, sealed again half of the time (so that the field checks,
 * not only the checksum, see it): never a crash, and a file that passes the
 * check loads. */
static void test_random_mutations(void **state)
{
	(void)state;
	rwkvc_session_t *s = session(g_a);
	rwkvc_sampler_t *sp = sampler(3, 256);
	int32_t last = generate(s, sp, 0, 4, NULL);
	size_t n;
	uint8_t *good = saved(s, sp, last, &n), *d = malloc(n);
	struct layout l = layout_of(good);
	uint64_t x = 0x9e3779b97f4a7c15u;
	int accepted = 0;
	for (int iter = 0; iter < 3000; iter++) {
		memcpy(d, good, n);
		for (int k = 0; k < 1 + iter % 3; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* mostly the small fields around the state, sometimes anywhere */
			size_t pos = x % 4 ? (x >> 8) % 60 + (x % 2 ? l.pending : 16) : (x >> 8) % n;
			d[pos < n ? pos : n - 1] ^= (uint8_t)(x >> 40 | 1);
		}
		size_t len = iter % 7 == 0 ? (size_t)(x >> 20) % n : n;
		if (iter % 2 && len >= 32)
			reseal(d, len);
		if (rwkvc_state_file_check(g_ctx, d, len, "m") == RWKVC_STATUS_OK) {
			int32_t pending;
			enum rwkvc_status st = rwkvc_session_load_memory(s, sp, d, len, "m", &pending);
			assert_true(st == RWKVC_STATUS_OK || st == RWKVC_STATUS_BAD_SHAPE);
			accepted++;
		} else {
			assert_int_equal(strncmp(rwkvc_errmsg(g_ctx), "m: ", 3), 0);
		}
	}
	print_message("    %d of 3000 mutated files were still well formed\n", accepted);
	free(d);
	mem_free(good);
	rwkvc_sampler_destroy(sp);
	rwkvc_session_destroy(s);
}

/* Every allocation in save and load can fail; a failed load changes nothing. */
static void test_allocation_failures(void **state)
{
	(void)state;
	rwkvc_session_t *s = session(g_a);
	rwkvc_sampler_t *sp = sampler(4, 256);
	int32_t last = generate(s, sp, 0, 3, NULL), pending;
	const char *path = test_tmp_path("fault.state");
	int failures = 0;
	for (int k = 1; k < 20; k++) {
		fault_alloc_arm(k);
		enum rwkvc_status st = rwkvc_session_save(s, sp, last, path);
		fault_alloc_arm(0);
		if (!st)
			break;
		assert_int_equal(st, RWKVC_STATUS_NO_MEMORY);
		failures++;
	}
	assert_true(failures >= 2);
	float *before = state_of(s);
	for (int k = 1; k < 20; k++) {
		fault_alloc_arm(k);
		enum rwkvc_status st = rwkvc_session_load(s, sp, path, &pending);
		fault_alloc_arm(0);
		if (!st)
			break;
		assert_int_equal(st, RWKVC_STATUS_NO_MEMORY);
		float *after = state_of(s);
		assert_memory_equal(before, after, rwkvc_state_size(s) * sizeof *after);
		free(after);
	}
	assert_int_equal(pending, last);
	free(before);
	rwkvc_sampler_destroy(sp);
	rwkvc_session_destroy(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_as_documented),
		cmocka_unit_test(test_round_trip_continues_exactly),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_save_refusals),
		cmocka_unit_test(test_random_mutations),
		cmocka_unit_test(test_allocation_failures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
