/* test_safetensors.c - the safetensors reader and writer, and weights.c on top. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fault.h"
#include "base/half.h"
#include "runtime/safetensors.h"
#include "runtime/weights.h"

/* ---- helpers ---- */

/* The 8-byte length field holding `len_field`, the header, then n_data bytes
 * of random data, in a malloc'd buffer. */
static uint8_t *make_file(const char *header, size_t n_data, uint64_t len_field, size_t *out_size)
{
	size_t hl = strlen(header);
	size_t size = 8 + hl + n_data;
	uint8_t *buf = malloc(size + 4);
	assert_non_null(buf);
	for (int i = 0; i < 8; i++)
		buf[i] = (uint8_t)(len_field >> (8 * i));
	memcpy(buf + 8, header, hl);
	float r[64];
	test_fill_random(r, 64, n_data + hl, -1, 1);
	for (size_t i = 0; i < n_data; i++)
		buf[8 + hl + i] = ((uint8_t *)r)[i % sizeof r];
	*out_size = size;
	return buf;
}

static void assert_contains(const char *msg, const char *part)
{
	if (!strstr(msg, part))
		fail_msg("message \"%s\" lacks \"%s\"", msg, part);
}

/* Random floats -> the bytes of `dtype` (f32, f16 or bf16), malloc'd. */
static void *random_bytes(enum dtype dtype, size_t n, uint64_t seed)
{
	float *f = malloc(n * sizeof *f + 4);
	assert_non_null(f);
	test_fill_random(f, n, seed, -3, 3);
	if (dtype == DTYPE_F16 || dtype == DTYPE_BF16) {
		uint16_t *h = (uint16_t *)f;
		for (size_t i = 0; i < n; i++)
			h[i] = dtype == DTYPE_F16 ? float_to_half(f[i]) : float_to_bf16(f[i]);
	} else if (dtype == DTYPE_I32) {
		int32_t *q = (int32_t *)f;
		for (size_t i = 0; i < n; i++)
			q[i] = (int32_t)(f[i] * 1e6f);
	}
	return f;
}

/* No file, and no temporary file beside it, is left at `path`. */
static void assert_nothing_at(const char *path)
{
	assert_int_not_equal(access(path, F_OK), 0);
	char dir[1024];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	assert_non_null(slash);
	*slash = '\0';
	const char *base = path + (slash - dir) + 1;
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *ent;
	while ((ent = readdir(d)))
		if (strncmp(ent->d_name, base, strlen(base)) == 0)
			fail_msg("left behind: %s/%s", dir, ent->d_name);
	closedir(d);
}

/* ---- the reference models ---- */

static void check_model(const char *rel, int layers, int64_t C, int64_t V, int has_v0)
{
	struct err e = { 0 };
	struct weight_file w;
	if (weights_open(&e, test_shared_path(rel), &w))
		fail_msg("%s", e.msg);
	assert_int_equal(w.format, WEIGHT_FORMAT_SAFETENSORS);
	int found = 0;
	char name[64];
	for (int i = 0; i < 8; i++) {
		snprintf(name, sizeof name, "blocks.%d.ln1.weight", i);
		found += weights_find(&w, name) != NULL;
	}
	assert_int_equal(found, layers);
	char want[16];
	snprintf(want, sizeof want, "%d", layers);
	assert_string_equal(weights_meta(&w, "n_layer"), want);
	assert_null(weights_meta(&w, "no_such_key"));

	const struct weight_tensor *emb = weights_find(&w, "emb.weight");
	assert_non_null(emb);
	assert_int_equal(emb->dtype, DTYPE_F32);
	assert_int_equal(emb->rank, 2);
	assert_int_equal(emb->shape[0], V);
	assert_int_equal(emb->shape[1], C);
	const struct weight_tensor *xr = weights_find(&w, "blocks.1.att.x_r");
	assert_non_null(xr);
	assert_int_equal(xr->rank, 3);
	assert_int_equal(xr->shape[2], C);
	const struct weight_tensor *rk = weights_find(&w, "blocks.0.att.r_k");
	assert_non_null(rk);
	assert_int_equal(rk->shape[0], C / 64);
	assert_int_equal(rk->shape[1], 64);
	assert_int_equal(weights_find(&w, "blocks.0.att.v0") != NULL, has_v0);
	assert_null(weights_find(&w, "emb.weigh"));

	/* every tensor: finite values, not all zero, exact size */
	for (size_t i = 0; i < w.n_tensors; i++) {
		const struct weight_tensor *t = &w.tensors[i];
		assert_ptr_equal(weights_find(&w, t->name), t);
		size_t n = (size_t)weight_numel(t);
		assert_int_equal(t->nbytes, n * 4);
		float *f = malloc(n * sizeof *f);
		assert_int_equal(weights_to_f32(&e, t, f), RWKVC_STATUS_OK);
		int nonzero = 0;
		for (size_t k = 0; k < n; k++) {
			if (!isfinite(f[k]))
				fail_msg("%s[%zu] is not finite", t->name, k);
			nonzero |= f[k] != 0;
		}
		if (!nonzero)
			fail_msg("%s is all zeros", t->name);
		free(f);
	}
	weights_close(&w);
	assert_null(w.tensors);
}

static void test_reads_model_a(void **state)
{
	(void)state;
	check_model("testdata/rwkv7/model_a.safetensors", 2, 128, 256, 0);
}

static void test_reads_model_b(void **state)
{
	(void)state;
	check_model("testdata/rwkv7/model_b.safetensors", 3, 256, 1024, 1);
}

/* ---- writer round trips ---- */

static void test_writer_round_trip(void **state)
{
	(void)state;
	const struct weight_tensor descs[] = {
		{ "w.f32", DTYPE_F32, 2, { 3, 5 } },
		{ "w.f16", DTYPE_F16, 1, { 7 } }, /* 14 bytes: what follows is misaligned */
		{ "w.bf16", DTYPE_BF16, 3, { 2, 2, 3 } },
		{ "odd \"name\"\\\n", DTYPE_F32, 3, { 1, 1, 4 } },
		{ "ids", DTYPE_I32, 1, { 2 } },
		{ "scalar", DTYPE_F32, 0, { 0 } },
		{ "empty", DTYPE_F16, 2, { 0, 3 } },
	};
	enum { N = sizeof descs / sizeof descs[0] };
	const size_t offsets[N] = { 0, 60, 74, 98, 114, 122, 126 };
	const char *keys[] = { "note", "n_layer" };
	const char *values[] = { "quote \" back \\ nl \n tab \t \xc3\xa9", "2" };
	const char *path = test_tmp_path("round.safetensors");

	struct err e = { 0 };
	struct safetensors_writer *sw;
	assert_int_equal(safetensors_writer_begin(&e, path, descs, N, keys, values, 2, &sw), 0);
	void *data[N];
	size_t sizes[N];
	for (size_t i = 0; i < N; i++) {
		size_t n = (size_t)weight_numel(&descs[i]);
		sizes[i] = dtype_bytes(descs[i].dtype, n);
		data[i] = random_bytes(descs[i].dtype, n, i + 1);
		assert_int_equal(safetensors_writer_put(&e, sw, i, data[i], sizes[i]), 0);
	}
	assert_int_equal(safetensors_writer_commit(&e, sw), 0);

	struct weight_file w;
	if (weights_open(&e, path, &w))
		fail_msg("%s", e.msg);
	assert_int_equal(w.n_tensors, N);
	uint64_t hlen = 0;
	for (int i = 7; i >= 0; i--)
		hlen = hlen << 8 | w.map.data[i];
	assert_int_equal(hlen % 8, 0);
	assert_int_equal(w.map.size, 8 + hlen + 126);
	const uint8_t *base = w.map.data + 8 + hlen;
	for (size_t i = 0; i < N; i++) {
		const struct weight_tensor *t = weights_find(&w, descs[i].name);
		assert_non_null(t);
		assert_int_equal(t->dtype, descs[i].dtype);
		assert_int_equal(t->rank, descs[i].rank);
		for (int k = 0; k < t->rank; k++)
			assert_int_equal(t->shape[k], descs[i].shape[k]);
		assert_int_equal(t->nbytes, sizes[i]);
		assert_memory_equal(t->data, data[i], sizes[i]);
		assert_memory_equal(base + offsets[i], data[i], sizes[i]);
		assert_int_equal((uintptr_t)t->data % dtype_bytes(t->dtype, 1), 0);
		/* aligned tensors are read in place, misaligned ones were copied */
		assert_int_equal(t->data == base + offsets[i], offsets[i] % dtype_bytes(t->dtype, 1) == 0);
	}
	assert_string_equal(weights_meta(&w, "note"), values[0]);
	assert_string_equal(weights_meta(&w, "n_layer"), "2");

	/* f16 and bf16 convert element by element */
	float f[12];
	const struct weight_tensor *h = weights_find(&w, "w.f16");
	assert_int_equal(weights_to_f32(&e, h, f), 0);
	for (size_t k = 0; k < 7; k++)
		assert_true(f[k] == half_to_float(((uint16_t *)data[1])[k]));
	const struct weight_tensor *b = weights_find(&w, "w.bf16");
	assert_int_equal(weights_to_f32(&e, b, f), 0);
	for (size_t k = 0; k < 12; k++)
		assert_true(f[k] == bf16_to_float(((uint16_t *)data[2])[k]));
	assert_int_equal(weights_to_f32(&e, weights_find(&w, "ids"), f), RWKVC_STATUS_UNSUPPORTED);
	assert_contains(e.msg, "tensor 'ids' holds i32");
	weights_close(&w);
	for (size_t i = 0; i < N; i++)
		free(data[i]);
}

/* weights_find over a thousand names written in a scrambled order */
static void test_thousand_names(void **state)
{
	(void)state;
	enum { N = 1000 };
	struct weight_tensor *descs = calloc(N, sizeof *descs);
	char(*names)[32] = calloc(N, sizeof *names);
	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "blocks.%zu.w", (i * 389) % N);
		descs[i] = (struct weight_tensor){ names[i], DTYPE_F32, 1, { 1 } };
	}
	const char *path = test_tmp_path("many.safetensors");
	struct err e = { 0 };
	struct safetensors_writer *sw;
	assert_int_equal(safetensors_writer_begin(&e, path, descs, N, NULL, NULL, 0, &sw), 0);
	for (size_t i = 0; i < N; i++) {
		float v = (float)((i * 389) % N) + 0.5f;
		assert_int_equal(safetensors_writer_put(&e, sw, i, &v, 4), 0);
	}
	assert_int_equal(safetensors_writer_commit(&e, sw), 0);
	struct weight_file w;
	assert_int_equal(safetensors_open(&e, path, &w), 0);
	assert_int_equal(w.n_meta, 0);
	char name[32];
	for (size_t k = 0; k < N; k++) {
		snprintf(name, sizeof name, "blocks.%zu.w", k);
		const struct weight_tensor *t = weights_find(&w, name);
		assert_non_null(t);
		assert_true(*(const float *)t->data == (float)k + 0.5f);
	}
	assert_null(weights_find(&w, "blocks.1000.w"));
	assert_null(weights_find(&w, ""));
	weights_close(&w);
	free(names);
	free(descs);
}

/* ---- writer failures leave nothing behind ---- */

static void test_writer_abort_leaves_no_file(void **state)
{
	(void)state;
	const struct weight_tensor descs[] = {
		{ "a", DTYPE_F32, 1, { 4 } },
		{ "b", DTYPE_F16, 2, { 2, 3 } },
	};
	float a[4];
	test_fill_random(a, 4, 7, -1, 1);
	const char *path = test_tmp_path("aborted.safetensors");
	struct err e = { 0 };
	struct safetensors_writer *sw;

	/* aborted half way */
	assert_int_equal(safetensors_writer_begin(&e, path, descs, 2, NULL, NULL, 0, &sw), 0);
	assert_int_equal(safetensors_writer_put(&e, sw, 0, a, sizeof a), 0);
	safetensors_writer_abort(sw);
	assert_nothing_at(path);

	/* wrong size, wrong order, then a commit with a tensor missing */
	assert_int_equal(safetensors_writer_begin(&e, path, descs, 2, NULL, NULL, 0, &sw), 0);
	assert_int_equal(safetensors_writer_put(&e, sw, 0, a, 12), RWKVC_STATUS_BAD_ARGUMENT);
	assert_contains(e.msg, "tensor 'a': 12 bytes given, its shape needs 16");
	assert_int_equal(safetensors_writer_put(&e, sw, 1, a, 12), RWKVC_STATUS_BAD_ARGUMENT);
	assert_contains(e.msg, "tensor 1 put out of order; tensor 0 ('a') comes next");
	assert_int_equal(safetensors_writer_put(&e, sw, 0, a, sizeof a), 0);
	assert_int_equal(safetensors_writer_commit(&e, sw), RWKVC_STATUS_BAD_ARGUMENT);
	assert_contains(e.msg, "aborted.safetensors: commit after 1 of 2 tensors; 'b'");
	assert_nothing_at(path);
}

static void test_writer_refuses_bad_descriptions(void **state)
{
	(void)state;
	static const struct {
		struct weight_tensor desc[2];
		enum rwkvc_status status;
		const char *msg;
	} cases[] = {
		{ { { "q", DTYPE_Q8_0, 1, { 32 } }, { "b", DTYPE_F32, 0 } },
		  RWKVC_STATUS_UNSUPPORTED, "tensor 'q': safetensors cannot hold dtype q8_0" },
		{ { { "a", DTYPE_F32, 1, { 2 } }, { "a", DTYPE_F16, 0 } },
		  RWKVC_STATUS_BAD_ARGUMENT, "tensor 'a' given twice" },
		{ { { "r", DTYPE_F32, 5, { 1 } }, { "b", DTYPE_F32, 0 } },
		  RWKVC_STATUS_BAD_ARGUMENT, "tensor 'r': rank 5 not in 0..4" },
		{ { { "n", DTYPE_F32, 2, { 2, -1 } }, { "b", DTYPE_F32, 0 } },
		  RWKVC_STATUS_BAD_ARGUMENT, "tensor 'n': shape[1] = -1 is negative" },
		{ { { "__metadata__", DTYPE_F32, 0 }, { "b", DTYPE_F32, 0 } },
		  RWKVC_STATUS_BAD_ARGUMENT, "tensor name '__metadata__' is not allowed" },
	};
	const char *path = test_tmp_path("refused.safetensors");
	struct err e = { 0 };
	struct safetensors_writer *sw;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err_clear(&e);
		assert_int_equal(safetensors_writer_begin(&e, path, cases[i].desc, 2, NULL, NULL, 0,
							  &sw),
				 cases[i].status);
		assert_null(sw);
		assert_contains(e.msg, cases[i].msg);
		assert_nothing_at(path);
	}
	const char *keys[] = { "k", "k" }, *values[] = { "1", "2" };
	const struct weight_tensor one = { "a", DTYPE_F32, 0 };
	assert_int_equal(safetensors_writer_begin(&e, path, &one, 1, keys, values, 2, &sw),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_contains(e.msg, "metadata key 'k' given twice");
	assert_int_equal(safetensors_writer_begin(&e, test_tmp_path("no/dir.safetensors"), &one, 1,
						  NULL, NULL, 0, &sw),
			 RWKVC_STATUS_IO);
	assert_contains(e.msg, "no/dir.safetensors: cannot create");
}

/* ---- reader refusals: one cmocka test per row ---- */

#define T4(off) "{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":" off "}"

struct refusal {
	const char *label, *header;
	size_t n_data;
	uint64_t len_field; /* 0: the header's real length */
	enum rwkvc_status status;
	const char *msg;
	size_t cut_to; /* 0, or the file's size after cutting it short */
};

static const struct refusal refusals[] = {
	{ "file shorter than 8 bytes", "{}", 0, 0, RWKVC_STATUS_BAD_FORMAT,
	  "bad.st: 5 bytes is too short", 5 },
	{ "header length beyond the file", "{}", 10, 100, RWKVC_STATUS_BAD_FORMAT,
	  "header length 100 exceeds the 12 bytes after the length field" },
	{ "header length over 100 MiB", "{}", 0, 200u << 20, RWKVC_STATUS_BAD_FORMAT,
	  "header length 209715200 exceeds the limit of 104857600" },
	{ "header length 2^64-1", "{}", 0, UINT64_MAX, RWKVC_STATUS_BAD_FORMAT, "exceeds the limit" },
	{ "header not JSON", "{\"a\":", 0, 0, RWKVC_STATUS_BAD_FORMAT, "bad.st: JSON error at byte" },
	{ "header not an object", "[1, 2]", 0, 0, RWKVC_STATUS_BAD_FORMAT,
	  "header is an array, not a JSON object" },
	{ "entry not an object", "{\"a\":[1]}", 0, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': entry is an array, expected an object" },
	{ "no dtype", "{\"a\":{\"shape\":[4],\"data_offsets\":[0,16]}}", 16, 0,
	  RWKVC_STATUS_BAD_FORMAT, "tensor 'a': no \"dtype\"" },
	{ "no shape", "{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,16]}}", 16, 0,
	  RWKVC_STATUS_BAD_FORMAT, "tensor 'a': no \"shape\"" },
	{ "no data_offsets", "{\"a\":{\"dtype\":\"F32\",\"shape\":[4]}}", 16, 0,
	  RWKVC_STATUS_BAD_FORMAT, "tensor 'a': no \"data_offsets\"" },
	{ "dtype not a string", "{\"a\":{\"dtype\":5,\"shape\":[4],\"data_offsets\":[0,16]}}", 16,
	  0, RWKVC_STATUS_BAD_FORMAT, "tensor 'a': \"dtype\" is a number, expected a string" },
	{ "shape not an array", "{\"a\":{\"dtype\":\"F32\",\"shape\":\"4\",\"data_offsets\":[0,16]}}",
	  16, 0, RWKVC_STATUS_BAD_FORMAT, "tensor 'a': \"shape\" is a string, expected an array" },
	{ "data_offsets not an array",
	  "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":{}}}", 16, 0,
	  RWKVC_STATUS_BAD_FORMAT, "tensor 'a': \"data_offsets\" is an object, expected an array" },
	{ "unknown dtype", "{\"a\":{\"dtype\":\"Q9\",\"shape\":[4],\"data_offsets\":[0,16]}}", 16, 0,
	  RWKVC_STATUS_BAD_FORMAT, "tensor 'a': unknown dtype 'Q9'" },
	{ "unsupported dtype", "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}",
	  16, 0, RWKVC_STATUS_UNSUPPORTED, "tensor 'a': dtype F64 is not supported" },
	{ "negative dim", "{\"a\":{\"dtype\":\"F32\",\"shape\":[-4],\"data_offsets\":[0,16]}}", 16,
	  0, RWKVC_STATUS_BAD_FORMAT, "tensor 'a': shape[0] is not a non-negative integer" },
	{ "fractional dim", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1,2.5],\"data_offsets\":[0,16]}}",
	  16, 0, RWKVC_STATUS_BAD_FORMAT, "tensor 'a': shape[1] is not a non-negative integer" },
	{ "dim as a string", "{\"a\":{\"dtype\":\"F32\",\"shape\":[\"4\"],\"data_offsets\":[0,16]}}",
	  16, 0, RWKVC_STATUS_BAD_FORMAT, "tensor 'a': shape[0] is not a non-negative integer" },
	{ "rank 5", "{\"a\":{\"dtype\":\"F32\",\"shape\":[1,1,1,1,4],\"data_offsets\":[0,16]}}", 16,
	  0, RWKVC_STATUS_UNSUPPORTED, "tensor 'a': rank 5 exceeds the maximum of 4" },
	{ "numel overflows",
	  "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,16]}}",
	  16, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': shape [4294967296, 4294967296] of F32 overflows 64-bit byte counts" },
	{ "numel*size overflows",
	  "{\"a\":{\"dtype\":\"BF16\",\"shape\":[4611686018427387904],\"data_offsets\":[0,16]}}",
	  16, 0, RWKVC_STATUS_BAD_FORMAT, "of BF16 overflows 64-bit byte counts" },
	{ "one offset", "{\"a\":" T4("[16]") "}", 16, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': data_offsets is not [begin, end]" },
	{ "three offsets", "{\"a\":" T4("[0,8,16]") "}", 16, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': data_offsets is not [begin, end]" },
	{ "negative offset", "{\"a\":" T4("[-1,15]") "}", 16, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': data_offsets is not [begin, end]" },
	{ "fractional offset", "{\"a\":" T4("[0,16.0]") "}", 16, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': data_offsets is not [begin, end]" },
	{ "begin after end", "{\"a\":" T4("[16,0]") "}", 16, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': data_offsets [16, 0] end before they begin" },
	{ "end beyond the data", "{\"a\":" T4("[16,32]") "}", 24, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': data_offsets [16, 32] exceed the 24 bytes of data" },
	{ "header lies about sizes", "{\"a\":" T4("[0,8]") "}", 16, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensor 'a': header lies about sizes: shape [4] of F32 needs 16 bytes, "
	  "data_offsets [0, 8] hold 8" },
	{ "overlapping tensors", "{\"a\":" T4("[0,16]") ",\"z\":{\"dtype\":\"F16\",\"shape\":[],"
	  "\"data_offsets\":[30,32]},\"b\":" T4("[8,24]") "}", 32, 0, RWKVC_STATUS_BAD_FORMAT,
	  "tensors 'a' [0, 16] and 'b' [8, 24] overlap" },
	{ "duplicate tensor names", "{\"a\":" T4("[0,16]") ",\"a\":" T4("[16,32]") "}", 32, 0,
	  RWKVC_STATUS_BAD_FORMAT, "bad.st: the header names 'a' twice" },
	{ "duplicate key in an entry",
	  "{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,16]}}", 16,
	  0, RWKVC_STATUS_BAD_FORMAT, "tensor 'a': the key \"dtype\" appears twice" },
	{ "NUL in a tensor name", "{\"a\\u0000b\":" T4("[0,16]") "}", 16, 0,
	  RWKVC_STATUS_BAD_FORMAT, "header key 'a...' contains a NUL byte" },
	{ "__metadata__ not an object", "{\"__metadata__\":\"x\"}", 0, 0, RWKVC_STATUS_BAD_FORMAT,
	  "__metadata__ is a string, expected an object of strings" },
	{ "__metadata__ value not a string", "{\"__metadata__\":{\"k\":\"v\",\"n\":1}}", 0, 0,
	  RWKVC_STATUS_BAD_FORMAT, "__metadata__ 'n' is a number, expected a string" },
	{ "__metadata__ value with NUL", "{\"__metadata__\":{\"k\":\"v\\u0000w\"}}", 0, 0,
	  RWKVC_STATUS_BAD_FORMAT, "__metadata__ 'k' contains a NUL byte" },
	{ "__metadata__ key twice", "{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0, 0,
	  RWKVC_STATUS_BAD_FORMAT, "__metadata__ has the key 'k' twice" },
	{ "__metadata__ twice", "{\"__metadata__\":{},\"__metadata__\":{}}", 0, 0,
	  RWKVC_STATUS_BAD_FORMAT, "the header names '__metadata__' twice" },
};

static void test_refusal(void **state)
{
	const struct refusal *r = *state;
	size_t size;
	uint8_t *buf = make_file(r->header, r->n_data, r->len_field ? r->len_field : strlen(r->header),
				 &size);
	if (r->cut_to)
		size = r->cut_to;
	struct err e = { 0 };
	struct weight_file w;
	assert_int_equal(safetensors_parse(&e, buf, size, "bad.st", &w), r->status);
	assert_contains(e.msg, r->msg);
	assert_contains(e.msg, "bad.st: ");
	/* a refused file leaves nothing to free */
	assert_null(w.tensors);
	assert_int_equal(w.n_tensors, 0);
	assert_null(w.arena.head);
	free(buf);
}

/* ---- the rest of the reader ---- */

/* F32 data at an odd address (legal in safetensors) is copied, aligned, intact. */
static void test_misaligned_buffer_is_copied(void **state)
{
	(void)state;
	const char *h = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}}";
	size_t size;
	uint8_t *file = make_file(h, 24, strlen(h), &size);
	uint8_t *buf = malloc(size + 1);
	memcpy(buf + 1, file, size);
	struct err e = { 0 };
	struct weight_file w;
	for (int shift = 0; shift < 2; shift++) {
		const uint8_t *at = shift ? buf + 1 : file;
		assert_int_equal(safetensors_parse(&e, at, size, "mem", &w), 0);
		const struct weight_tensor *t = weights_find(&w, "x");
		assert_int_equal((uintptr_t)t->data % 4, 0);
		assert_memory_equal(t->data, at + 8 + strlen(h), 24);
		assert_int_equal(t->data == at + 8 + strlen(h), (uintptr_t)(at + 8 + strlen(h)) % 4 == 0);
		assert_string_equal(w.path, "mem");
		assert_int_equal(w.map.size, 0);
		weights_close(&w);
	}
	free(buf);
	free(file);
}

static void test_weights_open_sniffs_format(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct weight_file w;
	const char *gguf = test_tmp_path("m.gguf");
	test_write_file(gguf, "GGUF\3\0\0\0rest", 12);
	assert_int_equal(weights_open(&e, gguf, &w), RWKVC_STATUS_BAD_FORMAT); /* went to the GGUF reader */
	assert_contains(e.msg, "m.gguf");
	const char *zip = test_tmp_path("m.pth");
	test_write_file(zip, "PK\3\4 a zip", 10);
	assert_int_equal(weights_open(&e, zip, &w), RWKVC_STATUS_UNSUPPORTED);
	assert_contains(e.msg, "m.pth: a zip archive");
	const char *empty = test_tmp_path("empty.safetensors");
	test_write_file(empty, "", 0);
	assert_int_equal(weights_open(&e, empty, &w), RWKVC_STATUS_BAD_FORMAT);
	assert_contains(e.msg, "empty.safetensors: 0 bytes is too short");
	assert_int_equal(weights_open(&e, test_tmp_path("absent.safetensors"), &w), RWKVC_STATUS_IO);
	assert_contains(e.msg, "absent.safetensors: cannot open");
	weights_close(&w); /* harmless on a failed open */
}

static void test_to_f32_dequantises(void **state)
{
	(void)state;
	/* one Q8_0 block: scale 1.0 (f16 0x3c00), then 32 int8 values -16..15 */
	uint8_t block[34] = { 0x00, 0x3c };
	for (int i = 0; i < 32; i++)
		block[2 + i] = (uint8_t)(int8_t)(i - 16);
	struct weight_tensor t = { "blocks.0.att.key.weight", DTYPE_Q8_0, 1, { 32 }, block, 34 };
	struct err e = { 0 };
	float out[32];
	assert_int_equal(weights_to_f32(&e, &t, out), RWKVC_STATUS_OK);
	for (int i = 0; i < 32; i++)
		assert_true(out[i] == (float)(i - 16));
	/* token ids are not numbers to convert */
	struct weight_tensor ids = { "ids", DTYPE_I32, 1, { 8 }, block, 32 };
	assert_int_equal(weights_to_f32(&e, &ids, out), RWKVC_STATUS_UNSUPPORTED);
	assert_contains(e.msg, "holds i32, not floating-point numbers");
}

/* Every allocation the reader and writer make may fail: each failure is a
 * clean NO_MEMORY (ASan checks nothing leaks), never a crash. */
static void test_allocation_failures(void **state)
{
	(void)state;
	const struct weight_tensor descs[] = {
		{ "h", DTYPE_F16, 1, { 3 } },
		{ "f", DTYPE_F32, 1, { 2 } }, /* at offset 6: the reader copies it */
	};
	uint16_t hd[3] = { 0x3c00, 0xc000, 0x3555 };
	float fd[2] = { 1.5f, -2.25f };
	const char *key = "k", *value = "v";
	const char *path = test_tmp_path("faults.safetensors");
	struct err e = { 0 };
	int failures = 0;
	for (int64_t k = 1;; k++) {
		err_clear(&e);
		fault_alloc_arm(k);
		struct safetensors_writer *sw;
		enum rwkvc_status s = safetensors_writer_begin(&e, path, descs, 2, &key, &value, 1, &sw);
		if (!s && (s = safetensors_writer_put(&e, sw, 0, hd, sizeof hd)))
			safetensors_writer_abort(sw);
		else if (!s && (s = safetensors_writer_put(&e, sw, 1, fd, sizeof fd)))
			safetensors_writer_abort(sw);
		else if (!s)
			s = safetensors_writer_commit(&e, sw);
		struct weight_file w;
		if (!s && !(s = weights_open(&e, path, &w))) {
			fault_alloc_arm(0);
			assert_memory_equal(weights_find(&w, "f")->data, fd, sizeof fd);
			assert_string_equal(weights_meta(&w, "k"), "v");
			weights_close(&w);
			break;
		}
		fault_alloc_arm(0);
		assert_int_equal(s, RWKVC_STATUS_NO_MEMORY);
		assert_contains(e.msg, "out of memory");
		failures++;
		remove(path);
	}
	assert_true(failures >= 4);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_reads_model_a),
		cmocka_unit_test(test_reads_model_b),
		cmocka_unit_test(test_writer_round_trip),
		cmocka_unit_test(test_thousand_names),
		cmocka_unit_test(test_writer_abort_leaves_no_file),
		cmocka_unit_test(test_writer_refuses_bad_descriptions),
		cmocka_unit_test(test_misaligned_buffer_is_copied),
		cmocka_unit_test(test_weights_open_sniffs_format),
		cmocka_unit_test(test_to_f32_dequantises),
		cmocka_unit_test(test_allocation_failures),
	};
	enum { N_FIXED = sizeof fixed / sizeof fixed[0],
	       N_REFUSALS = sizeof refusals / sizeof refusals[0] };
	static struct CMUnitTest tests[N_FIXED + N_REFUSALS];
	memcpy(tests, fixed, sizeof fixed);
	for (size_t i = 0; i < N_REFUSALS; i++)
		tests[N_FIXED + i] = (struct CMUnitTest){ refusals[i].label, test_refusal, NULL, NULL,
							  (void *)&refusals[i] };
	return _cmocka_run_group_tests("safetensors", tests, N_FIXED + N_REFUSALS, NULL, NULL);
}
