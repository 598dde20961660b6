/* test_fuzz_replay.c - every file of every fuzz corpus (tests/fuzz/corpus/<target>/)
 * through its target's entry point, in the ordinary build: no fuzzing, just the
 * inputs libFuzzer once found interesting, seeds and fixed crashes included, so a
 * regression in any parser shows up in `make test` (and under SANITIZE=1 with
 * ASan and UBSan watching). A target whose corpus is missing or empty fails. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/mem.h"
#include "fuzz/fuzz.h"

struct target {
	const char *name;
	int (*one)(const uint8_t *data, size_t size);
};

static const struct target targets[] = {
#define FUZZ_TARGET(n) { #n, fuzz_##n##_one },
#include "fuzz/targets.def"
#undef FUZZ_TARGET
};

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The file names in `dir`, sorted (so a failure names the same input every run). */
static char **list_files(const char *dir, size_t *out_n)
{
	DIR *d = opendir(dir);
	if (!d)
		fail_msg("%s: cannot open the corpus directory", dir);
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *de; (de = readdir(d));) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof *names);
		}
		names[n++] = strdup(de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	*out_n = n;
	return names;
}

static void replay(void **state)
{
	const struct target *t = *state;
	char dir[1024];
	snprintf(dir, sizeof dir, "%s", test_root_path("tests/fuzz/corpus/"));
	strncat(dir, t->name, sizeof dir - strlen(dir) - 1);
	size_t n;
	char **names = list_files(dir, &n);
	if (n == 0)
		fail_msg("%s: empty corpus; target '%s' has no seeds", dir, t->name);
	size_t bytes = 0;
	for (size_t i = 0; i < n; i++) {
		char path[2048];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct err e = { 0 };
		char *data;
		size_t len;
		if (file_read_all(&e, path, &data, &len))
			fail_msg("%s", e.msg);
		/* an exact-size copy: file_read_all adds a NUL past the end, which
		 * would hide a parser reading one byte too far */
		uint8_t *exact = malloc(len ? len : 1);
		memcpy(exact, data, len);
		mem_free(data);
		fuzz_input_name = path;
		t->one(exact, len);
		fuzz_input_name = NULL;
		free(exact);
		bytes += len;
		free(names[i]);
	}
	free(names);
	print_message("    %s: %zu inputs, %zu bytes\n", t->name, n, bytes);
}

int main(void)
{
	enum { N = sizeof targets / sizeof targets[0] };
	struct CMUnitTest tests[N];
	for (size_t i = 0; i < N; i++)
		tests[i] = (struct CMUnitTest){ targets[i].name, replay, NULL, NULL, (void *)&targets[i] };
	return cmocka_run_group_tests_name("fuzz_replay", tests, NULL, NULL);
}
