/* testutil.c - see testutil.h. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/file.h"
#include "base/json.h"
#include "runtime/model.h"
#include "runtime/vk.h"

static char path_buf[4096];

static const char *join(const char *env, const char *fallback, const char *rel)
{
	const char *base = getenv(env);
	snprintf(path_buf, sizeof path_buf, "%s/%s", base && *base ? base : fallback, rel);
	return path_buf;
}

const char *test_shared_path(const char *rel) { return join("RWKVC_SHARED", "../shared", rel); }
const char *test_root_path(const char *rel) { return join("RWKVC_ROOT", ".", rel); }

const char *test_tmp_path(const char *name)
{
	static char dir[1024];
	if (!dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/rwkvc-test-XXXXXX", t && *t ? t : "/tmp");
		if (!mkdtemp(dir))
			fail_msg("cannot create a temporary directory");
	}
	snprintf(path_buf, sizeof path_buf, "%s/%s", dir, name);
	return path_buf;
}

void test_load_npy_f32(const char *path, float **out, int *out_rank, int64_t out_shape[4])
{
	struct err e = { 0 };
	struct file_map m;
	if (file_map_open(&e, path, &m))
		fail_msg("%s", e.msg);
	if (m.size < 10 || memcmp(m.data, "\x93NUMPY", 6) != 0)
		fail_msg("%s: not a .npy file", path);
	size_t hlen = m.data[8] | (size_t)m.data[9] << 8;
	size_t off = 10 + hlen;
	char header[512] = { 0 };
	memcpy(header, m.data + 10, hlen < sizeof header - 1 ? hlen : sizeof header - 1);
	if (!strstr(header, "'<f4'") || strstr(header, "'fortran_order': True"))
		fail_msg("%s: expected little-endian float32 in C order", path);
	const char *sp = strstr(header, "'shape': (");
	if (!sp)
		fail_msg("%s: no shape in header", path);
	sp += 10;
	int rank = 0;
	int64_t numel = 1;
	while (*sp && *sp != ')' && rank < 4) {
		long long d = strtoll(sp, (char **)&sp, 10);
		out_shape[rank++] = d;
		numel *= d;
		while (*sp == ',' || *sp == ' ')
			sp++;
	}
	*out_rank = rank;
	if (off + (size_t)numel * 4 > m.size)
		fail_msg("%s: truncated", path);
	*out = malloc((size_t)numel * 4);
	memcpy(*out, m.data + off, (size_t)numel * 4);
	file_map_close(&m);
}

void test_load_tokens_json(const char *path, int32_t **out, size_t *out_n)
{
	struct err e = { 0 };
	char *text;
	size_t len;
	if (file_read_all(&e, path, &text, &len))
		fail_msg("%s", e.msg);
	struct arena a;
	arena_init(&a);
	struct json_value *v;
	if (json_parse(&e, &a, text, len, path, &v))
		fail_msg("%s", e.msg);
	const struct json_value *t = json_get(v, "tokens");
	if (!t || t->type != JSON_ARRAY)
		fail_msg("%s: no \"tokens\" array", path);
	*out = malloc((t->count ? t->count : 1) * sizeof **out);
	for (size_t i = 0; i < t->count; i++)
		(*out)[i] = (int32_t)t->items[i]->integer;
	*out_n = t->count;
	arena_destroy(&a);
	mem_free(text);
}

void test_ids_csv(const int32_t *ids, size_t n, char *out, size_t cap)
{
	size_t used = 0;
	out[0] = 0;
	for (size_t i = 0; i < n && used < cap; i++)
		used += (size_t)snprintf(out + used, cap - used, "%s%d", i ? "," : "", ids[i]);
	if (used >= cap)
		fail_msg("%zu ids do not fit in %zu characters", n, cap);
}

double test_rel_err(const float *a, const float *b, size_t n)
{
	double num = 0, den = 0;
	for (size_t i = 0; i < n; i++) {
		double d = (double)a[i] - (double)b[i];
		num += d * d;
		den += (double)b[i] * (double)b[i];
	}
	if (den == 0)
		return num == 0 ? 0 : INFINITY;
	return sqrt(num / den);
}

double test_max_abs_err(const float *a, const float *b, size_t n)
{
	double m = 0;
	for (size_t i = 0; i < n; i++) {
		double d = fabs((double)a[i] - (double)b[i]);
		if (!(d <= m))
			m = d; /* NaN propagates */
	}
	return m;
}

void test_fill_random(float *x, size_t n, uint64_t seed, float lo, float hi)
{
	uint64_t s = seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
	for (size_t i = 0; i < n; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		float u = (float)((s >> 40) * (1.0 / 16777216.0));
		x[i] = lo + (hi - lo) * u;
	}
}

void test_poison(float *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		x[i] = NAN;
}

void test_write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || (n && fwrite(data, 1, n, f) != n))
		fail_msg("cannot write %s", path);
	fclose(f);
}

const char *test_rwkvc_path(void)
{
	static char path[4096];
	const char *build = getenv("BUILD");
	char rel[256];
	snprintf(rel, sizeof rel, "%s/rwkvc", build && *build ? build : "build");
	snprintf(path, sizeof path, "%s", rel[0] == '/' ? rel : test_root_path(rel));
	return path;
}

static char *slurp(const char *path, size_t *out_len)
{
	struct err e = { 0 };
	char *data;
	size_t n;
	if (file_read_all(&e, path, &data, &n))
		fail_msg("%s", e.msg);
	char *copy = malloc(n + 1);
	memcpy(copy, data, n + 1);
	mem_free(data);
	if (out_len)
		*out_len = n;
	return copy;
}

int test_run_rwkvc(const char *args, char **out_stdout, size_t *out_len, char **out_stderr)
{
	char out[1024], err[1024];
	snprintf(out, sizeof out, "%s", test_tmp_path("run.stdout"));
	snprintf(err, sizeof err, "%s", test_tmp_path("run.stderr"));
	size_t cap = strlen(args) + 3 * 1024 + 64;
	char *cmd = malloc(cap);
	snprintf(cmd, cap, "'%s' %s >'%s' 2>'%s'", test_rwkvc_path(), args, out, err);
	int r = system(cmd);
	if (r == -1 || !WIFEXITED(r))
		fail_msg("could not run: %s", cmd);
	free(cmd);
	if (out_stdout)
		*out_stdout = slurp(out, out_len);
	if (out_stderr)
		*out_stderr = slurp(err, NULL);
	return WEXITSTATUS(r);
}

void test_assert_contains(const char *what, const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("%s was\n%s\nexpected it to contain '%s'", what, text, want);
}

void test_assert_vk_quiet(struct rwkvc_model *m)
{
	struct vk_device *d = vk_model_device(m->vk);
	uint64_t n = vk_device_message_count(d);
	if (n) {
		char buf[VK_LOG_MSG_LEN];
		fail_msg("%llu validation message(s), the last: %s", (unsigned long long)n,
			 vk_device_message(d, 0, buf, sizeof buf));
	}
}

void test_assert_vk_silent_since(uint64_t *seen, const char *when)
{
	char last[VK_LOG_MSG_LEN];
	uint64_t n = vk_messages_total(last, sizeof last);
	if (n != *seen)
		fail_msg("%s: %llu validation message(s), the last: %s", when,
			 (unsigned long long)(n - *seen), last);
	*seen = n;
}

char *test_out, *test_err;

int test_run(const char *fmt, ...)
{
	char args[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
	test_run_free(NULL);
	return test_run_rwkvc(args, &test_out, NULL, &test_err);
}

int test_run_free(void **state)
{
	(void)state;
	free(test_out);
	free(test_err);
	test_out = test_err = NULL;
	return 0;
}
