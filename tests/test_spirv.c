/*
 * test_spirv.c - GLSL to SPIR-V in process (glslang) and the on-disk SPIR-V
 * cache: compile errors with numbered source, hits, corrupt entries, no cache.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/mem.h"
#include "codegen/glsl_compile.h"
#include "codegen/spirv_cache.h"

static const char KERNEL[] = "#version 450\n"
			     "layout(local_size_x = 64) in;\n"
			     "layout(push_constant) uniform Push { uint n; float s; } pc;\n"
			     "layout(std430, binding = 0) buffer B { float v[]; };\n"
			     "void main() {\n"
			     "    uint i = gl_GlobalInvocationID.x;\n"
			     "    if (i < pc.n)\n"
			     "        v[i] *= pc.s;\n"
			     "}\n";

static void assert_ok(enum rwkvc_status st, const struct err *e)
{
	if (st != RWKVC_STATUS_OK)
		fail_msg("status %s: %s", rwkvc_status_name(st), e->msg);
}

static void test_compile_error_shows_numbered_source(void **state)
{
	(void)state;
	const char *bad = "#version 450\n"
			  "layout(local_size_x = 8) in;\n"
			  "layout(std430, binding = 0) buffer B { float v[]; };\n"
			  "void main() {\n"
			  "    uint i = gl_GlobalInvocationID.x;\n"
			  "    v[i] = undefined_thing * 2.0;\n"
			  "}\n";
	struct err e = { 0 };
	uint32_t *w;
	size_t n;
	assert_int_equal(glsl_compile(&e, bad, "broken_kernel", NULL, &w, &n),
			 RWKVC_STATUS_BAD_ARGUMENT);
	assert_null(w);
	assert_non_null(strstr(e.msg, "while compiling 'broken_kernel'"));
	assert_non_null(strstr(e.msg, "ERROR: 0:6: 'undefined_thing' : undeclared identifier"));
	assert_non_null(strstr(e.msg, ">   6 |     v[i] = undefined_thing * 2.0;"));
	assert_non_null(strstr(e.msg, "    5 |     uint i = gl_GlobalInvocationID.x;"));
	/* a define fixes it, and a bad define is refused */
	const char *defs[] = { "undefined_thing=3.0" };
	struct glsl_options o = glsl_options_default();
	o.defines = defs;
	o.n_defines = 1;
	assert_ok(glsl_compile(&e, bad, "fixed", &o, &w, &n), &e);
	assert_true(n > 5 && w[0] == 0x07230203);
	mem_free(w);
	const char *bad_defs[] = { "=1" };
	o.defines = bad_defs;
	assert_int_equal(glsl_compile(&e, bad, "x", &o, &w, &n), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(e.msg, "bad define '=1'"));
}

static void corrupt_file(const char *path, long at)
{
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, at, SEEK_SET);
	int c = fgetc(f);
	fseek(f, at, SEEK_SET);
	fputc(c ^ 0x40, f);
	fclose(f);
}

static void cache_get(struct spirv_cache *c, const char *src, const struct glsl_options *o,
		      uint32_t **w, size_t *n)
{
	struct err e = { 0 };
	assert_ok(spirv_cache_get(&e, c, src, "scale", o, w, n), &e);
	assert_true(*n > 5 && (*w)[0] == 0x07230203);
}

static void test_spirv_cache(void **state)
{
	(void)state;
	struct err e = { 0 };
	const char *dir = test_tmp_path("spirv-cache/nested");
	struct spirv_cache c;
	uint32_t *w1, *w2;
	size_t n1, n2;
	assert_ok(spirv_cache_open(&e, dir, false, &c), &e);
	assert_non_null(c.dir);
	cache_get(&c, KERNEL, NULL, &w1, &n1);
	assert_int_equal(c.n_compiles, 1);
	assert_int_equal(c.n_hits, 0);
	spirv_cache_close(&c);

	/* a second run compiles nothing and gets the same words */
	assert_ok(spirv_cache_open(&e, dir, false, &c), &e);
	cache_get(&c, KERNEL, NULL, &w2, &n2);
	assert_int_equal(c.n_compiles, 0);
	assert_int_equal(c.n_hits, 1);
	assert_int_equal(n1, n2);
	assert_memory_equal(w1, w2, n1 * 4);
	mem_free(w2);

	/* other options are another entry */
	const char *defs[] = { "UNUSED=1" };
	struct glsl_options o = glsl_options_default();
	o.defines = defs;
	o.n_defines = 1;
	cache_get(&c, KERNEL, &o, &w2, &n2);
	assert_int_equal(c.n_compiles, 1);
	mem_free(w2);

	/* a damaged entry (a flipped bit in the words, then a cut-off file) is
	 * detected, never used, and rewritten */
	char path[4096];
	assert_true(spirv_cache_entry_path(&c, KERNEL, NULL, path, sizeof path));
	for (int damage = 0; damage < 2; damage++) {
		if (damage == 0) {
			corrupt_file(path, 32 + 4 * (long)(n1 / 2));
		} else {
			struct err te = { 0 };
			assert_ok(file_write_all(&te, path, w1, 40), &te);
		}
		uint64_t compiles = c.n_compiles, corrupt = c.n_corrupt;
		cache_get(&c, KERNEL, NULL, &w2, &n2);
		assert_int_equal(c.n_corrupt, corrupt + 1);
		assert_int_equal(c.n_compiles, compiles + 1);
		assert_memory_equal(w1, w2, n1 * 4);
		mem_free(w2);
		cache_get(&c, KERNEL, NULL, &w2, &n2); /* rewritten: a hit again */
		assert_int_equal(c.n_compiles, compiles + 1);
		mem_free(w2);
	}
	spirv_cache_close(&c);

	/* RWKVC_NO_CACHE=1, or a directory that cannot be made: no cache, still compiles */
	setenv("RWKVC_NO_CACHE", "1", 1);
	assert_ok(spirv_cache_open(&e, dir, false, &c), &e);
	unsetenv("RWKVC_NO_CACHE");
	assert_null(c.dir);
	cache_get(&c, KERNEL, NULL, &w2, &n2);
	assert_int_equal(c.n_compiles, 1);
	assert_false(spirv_cache_entry_path(&c, KERNEL, NULL, path, sizeof path));
	mem_free(w2);
	spirv_cache_close(&c);
	assert_ok(spirv_cache_open(&e, "/proc/rwkvc-cannot-exist/x", false, &c), &e);
	assert_null(c.dir);
	spirv_cache_close(&c);
	mem_free(w1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compile_error_shows_numbered_source),
		cmocka_unit_test(test_spirv_cache),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
