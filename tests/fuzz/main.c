/* main.c - the libFuzzer entry of one target, chosen at compile time with
 * -DFUZZ_NAME=<name> (the Makefile builds one binary per target). */
#include "fuzz.h"

#define FUZZ_GLUE2(a, b, c) a##b##c
#define FUZZ_GLUE(a, b, c) FUZZ_GLUE2(a, b, c)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return FUZZ_GLUE(fuzz_, FUZZ_NAME, _one)(data, size);
}
