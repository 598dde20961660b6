/*
 * test_bad_inputs.c - every case of tests/bad-inputs/cases.txt (the format is
 * described at the top of that file) through the built `rwkvc`: the exit
 * status and a piece of the message must be the expected ones, nothing may be
 * left in the output directory, and nothing may crash (an exit status of 128
 * or more, or a sanitizer report, fails a case whatever it expects).
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "base/mem.h"
#include "gguf_writer.h"
#include "runtime/weights.h"

struct bad_case {
	int line;
	char *name, *message, *args;
	int status;
};

static struct bad_case *cases;
static size_t n_cases;
static char dir_d[1024], dir_g[1024], dir_o[1024], model_m[1200];

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* "name | status | message | args": the first three '|' split, args may hold more. */
static void parse_line(char *line, int lineno, struct bad_case *out)
{
	char *field[4];
	char *p = line;
	for (int f = 0; f < 3; f++) {
		char *bar = strchr(p, '|');
		if (!bar)
			fail_msg("cases.txt:%d: expected 'name | status | message | arguments'", lineno);
		*bar = '\0';
		field[f] = trim(p);
		p = bar + 1;
	}
	field[3] = trim(p);
	char *end;
	long st = strtol(field[1], &end, 10);
	if (!*field[0] || end == field[1] || *end || st < 0 || st > 127 || !*field[2])
		fail_msg("cases.txt:%d: needs a name, an exit status (0-127) and a message", lineno);
	for (size_t i = 0; i < n_cases; i++)
		if (strcmp(cases[i].name, field[0]) == 0)
			fail_msg("cases.txt:%d: case '%s' already on line %d", lineno, field[0], cases[i].line);
	*out = (struct bad_case){ lineno, strdup(field[0]), strdup(field[2]), strdup(field[3]), (int)st };
}

static void load_cases(void)
{
	struct err e = { 0 };
	char *text;
	size_t len;
	if (file_read_all(&e, test_root_path("tests/bad-inputs/cases.txt"), &text, &len))
		fail_msg("%s", e.msg);
	size_t cap = 0;
	int lineno = 0;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		char *t = trim(line);
		if (!*t || *t == '#')
			continue;
		if (n_cases == cap)
			cases = realloc(cases, (cap = cap ? cap * 2 : 64) * sizeof *cases);
		parse_line(t, lineno, &cases[n_cases]);
		n_cases++;
	}
	mem_free(text);
}

/* The whole file at `path`, malloc'd. */
static uint8_t *slurp(const char *path, size_t *out_len)
{
	struct err e = { 0 };
	char *data;
	if (file_read_all(&e, path, &data, out_len))
		fail_msg("%s", e.msg);
	uint8_t *copy = malloc(*out_len ? *out_len : 1);
	memcpy(copy, data, *out_len);
	mem_free(data);
	return copy;
}

/* $G/<to>: the first `n` bytes of $G/<from>, with byte `flip_at` (if within) xor 0x55
 * and bytes [patch_at, patch_at + patch_n) replaced by `patch`. */
static void derive(const char *from, const char *to, size_t n, size_t flip_at, size_t patch_at, const void *patch,
		   size_t patch_n)
{
	char path[1400];
	size_t len;
	snprintf(path, sizeof path, "%s/%s", dir_g, from);
	uint8_t *d = slurp(path, &len);
	assert_true(n <= len && patch_at + patch_n <= n);
	if (flip_at < n)
		d[flip_at] ^= 0x55;
	memcpy(d + patch_at, patch, patch_n);
	snprintf(path, sizeof path, "%s/%s", dir_g, to);
	test_write_file(path, d, n);
	free(d);
}

static void run_or_fail(const char *fmt, ...) ERR_PRINTF(1, 2);
static void run_or_fail(const char *fmt, ...)
{
	char args[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof args, fmt, ap);
	va_end(ap);
	char *err;
	if (test_run_rwkvc(args, NULL, NULL, &err) != 0)
		fail_msg("making the test files: rwkvc %s: %s", args, err);
	free(err);
}

/* A GGUF of $M's tensors (tests/gguf_writer.c). */
static void write_gguf(const char *to)
{
	struct err e = { 0 };
	struct weight_file w;
	if (weights_open(&e, model_m, &w))
		fail_msg("%s", e.msg);
	char path[1400];
	snprintf(path, sizeof path, "%s/%s", dir_g, to);
	struct gguf_writer_options o = { DTYPE_F16, true, 3, 0 };
	if (gguf_write_rwkv7(&e, path, w.tensors, w.n_tensors, &o, NULL))
		fail_msg("%s", e.msg);
	weights_close(&w);
}

/* $M and the files made from it (see cases.txt). */
static void make_generated_files(void)
{
	const char *g = dir_g;
	run_or_fail("mkmodel --layers 2 --embd 8 --vocab 16 --head-size 4 -o '%s'", model_m);
	run_or_fail("mkmodel --layers 1 --embd 8 --vocab 16 --head-size 4 -o '%s/short.safetensors'", g);
	run_or_fail("mkmodel --layers 2 --embd 16 --vocab 16 --head-size 4 -o '%s/wide.safetensors'", g);
	run_or_fail("compile -w '%s' --t-max 2 --target none -o '%s/model.plan'", model_m, g);
	run_or_fail("compile -w '%s/wide.safetensors' --t-max 2 --target none -o '%s/wide.plan'", g, g);
	run_or_fail("run -w '%s' --prompt-ids 1,2,3 -n 2 -b cpu --print-ids --state-out '%s/model.state'", model_m, g);
	run_or_fail("run -w '%s/short.safetensors' --prompt-ids 1,2 -n 1 -b cpu --print-ids --state-out '%s/short.state'",
		    g, g);
	write_gguf("model.gguf");

	size_t len;
	uint8_t *m = slurp(model_m, &len);
	size_t header = 0;
	for (int i = 7; i >= 0; i--)
		header = header << 8 | m[i];
	free(m);
	const uint8_t format99[4] = { 99, 0, 0, 0 };
	derive("model.safetensors", "model-cut.safetensors", 8 + header + 100, SIZE_MAX, 0, "", 0); /* 100 bytes of data */
	derive("model.safetensors", "model-header.safetensors", 8 + header, SIZE_MAX, 0, "", 0);  /* no data at all */
	free(slurp(test_tmp_path("generated/model.gguf"), &len));
	derive("model.gguf", "model-cut.gguf", len - 100, SIZE_MAX, 0, "", 0);
	free(slurp(test_tmp_path("generated/model.plan"), &len));
	derive("model.plan", "model-cut.plan", 1300, SIZE_MAX, 0, "", 0);
	derive("model.plan", "model-flipped.plan", len, len / 2, 0, "", 0);
	derive("model.plan", "model-format99.plan", len, SIZE_MAX, 8, format99, 4);
	free(slurp(test_tmp_path("generated/model.state"), &len));
	derive("model.state", "model-cut.state", 100, SIZE_MAX, 0, "", 0);
	derive("model.state", "model-flipped.state", len, 100, 0, "", 0);
}

static void mkdir_or_fail(const char *path)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	if (system(cmd) != 0)
		fail_msg("cannot create %s", path);
}

static int setup(void **state)
{
	(void)state;
	/* tokenize falls back to $RWKVC_VOCAB; the cases must not depend on the caller's */
	unsetenv("RWKVC_VOCAB");
	snprintf(dir_d, sizeof dir_d, "%s", test_root_path("tests/bad-inputs"));
	snprintf(dir_g, sizeof dir_g, "%s", test_tmp_path("generated"));
	snprintf(dir_o, sizeof dir_o, "%s", test_tmp_path("out"));
	snprintf(model_m, sizeof model_m, "%s/model.safetensors", dir_g);
	mkdir_or_fail(dir_g);
	mkdir_or_fail(dir_o);
	make_generated_files();
	return 0;
}

/* The arguments with $D, $M, $G and $O replaced by quoted paths. */
static char *expand(const char *args)
{
	size_t cap = strlen(args) * 8 + 8192, n = 0;
	char *out = malloc(cap);
	for (const char *p = args; *p; p++) {
		const char *with = NULL;
		if (p[0] == '$' && p[1]) {
			switch (p[1]) {
			case 'D': with = dir_d; break;
			case 'M': with = model_m; break;
			case 'G': with = dir_g; break;
			case 'O': with = dir_o; break;
			}
		}
		if (with) {
			n += (size_t)snprintf(out + n, cap - n, "'%s'", with);
			p++;
		} else if (n + 1 < cap) {
			out[n++] = *p;
		}
	}
	out[n] = '\0';
	return out;
}

/* Names of what is in $O ("" if nothing), and empties it. */
static void drain_out_dir(char *found, size_t cap)
{
	found[0] = '\0';
	DIR *d = opendir(dir_o);
	if (!d)
		fail_msg("%s: cannot open", dir_o);
	for (struct dirent *de; (de = readdir(d));) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(found + strlen(found), cap - strlen(found), "%s ", de->d_name);
		char cmd[2400];
		snprintf(cmd, sizeof cmd, "rm -rf '%s/%s'", dir_o, de->d_name);
		if (system(cmd) != 0)
			fail_msg("cannot empty %s", dir_o);
	}
	closedir(d);
}

static void run_case(void **state)
{
	const struct bad_case *c = *state;
	char leftover[1024];
	drain_out_dir(leftover, sizeof leftover);
	char *args = expand(c->args);
	char *out, *err;
	int status = test_run_rwkvc(args, &out, NULL, &err);
	drain_out_dir(leftover, sizeof leftover);
	if (status >= 128 || strstr(err, "Sanitizer") || strstr(err, "runtime error:"))
		fail_msg("cases.txt:%d: %s: crashed (exit status %d): rwkvc %s\n%s", c->line, c->name, status, args, err);
	if (status != c->status)
		fail_msg("cases.txt:%d: %s: exit status %d, expected %d: rwkvc %s\nstderr: %s", c->line, c->name, status,
			 c->status, args, err);
	if (!strstr(err, c->message))
		fail_msg("cases.txt:%d: %s: stderr lacks \"%s\": rwkvc %s\nstderr: %s", c->line, c->name, c->message, args,
			 err);
	if (c->status != 0 && leftover[0])
		fail_msg("cases.txt:%d: %s: failed but left files in the output directory: %s", c->line, c->name, leftover);
	free(args);
	free(out);
	free(err);
}

int main(void)
{
	load_cases();
	if (n_cases < 40)
		fail_msg("tests/bad-inputs/cases.txt holds %zu cases; the suite wants at least 40", n_cases);
	struct CMUnitTest *tests = calloc(n_cases, sizeof *tests);
	for (size_t i = 0; i < n_cases; i++)
		tests[i] = (struct CMUnitTest){ cases[i].name, run_case, NULL, NULL, &cases[i] };
	int r = _cmocka_run_group_tests("bad_inputs", tests, n_cases, setup, NULL);
	for (size_t i = 0; i < n_cases; i++) {
		free(cases[i].name);
		free(cases[i].message);
		free(cases[i].args);
	}
	free(cases);
	free(tests);
	return r;
}
