/* common.c - helpers for the fuzz targets; see fuzz.h. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *fuzz_input_name;

void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "fuzz check failed: %s:%d: %s", file, line, what);
	if (fuzz_input_name)
		fprintf(stderr, " (input: %s)", fuzz_input_name);
	fputc('\n', stderr);
	abort();
}

size_t fuzz_split(const uint8_t *data, size_t size)
{
	const uint8_t *nul = size ? memchr(data, 0, size) : NULL;
	return nul ? (size_t)(nul - data) : size;
}
