/*
 * fuzz.h - what the fuzz targets share.
 *
 * A target is one file tests/fuzz/fuzz_<name>.c defining
 *
 *     FUZZ_ENTRY(name) { ... feed data[0..size) to one parser ... return 0; }
 *
 * plus one line FUZZ_TARGET(name) in tests/fuzz/targets.def, and a seed corpus
 * in tests/fuzz/corpus/<name>/. The same entry function serves two builds:
 * `make fuzz` links it behind libFuzzer (tests/fuzz/main.c), and the normal
 * test build links it into tests/test_fuzz_replay.c, which replays every
 * corpus file through it on each `make test`.
 *
 * An entry must accept any bytes: bad input is an error status, never a
 * crash, a leak or undefined behaviour. Where a result can be checked against
 * something independent (encode then decode gives the text back), the entry
 * checks it with FUZZ_CHECK, which aborts: libFuzzer then keeps the input as
 * a crash, and the replay test fails.
 */
#ifndef RWKVC_TESTS_FUZZ_H
#define RWKVC_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#define FUZZ_ENTRY(name) int fuzz_##name##_one(const uint8_t *data, size_t size)

#define FUZZ_TARGET(name) FUZZ_ENTRY(name);
#include "targets.def"
#undef FUZZ_TARGET

/* Aborts with "fuzz check failed: file:line: cond (input: <name>)". */
#define FUZZ_CHECK(cond)                                              \
	do {                                                          \
		if (!(cond))                                          \
			fuzz_fail(__FILE__, __LINE__, #cond);         \
	} while (0)

_Noreturn void fuzz_fail(const char *file, int line, const char *what);

/* The name of the input being run, for fuzz_fail's message; set by the
 * replay test (libFuzzer names the crashing input itself). */
extern const char *fuzz_input_name;

struct weight_file;
/* The checks every weights reader promises (runtime/weights.h) on a file
 * parsed from data[0..size): each tensor found by name, inside the buffer or
 * memory the file owns, aligned, nbytes matching shape and dtype, all of it
 * readable by converting to f32; then closes the file. */
void fuzz_check_weights(struct weight_file *w, const uint8_t *data, size_t size);

/* Splits data at the first NUL byte: [0, cut) and (cut, size). Returns cut,
 * or size when there is no NUL (the second part is then empty). */
size_t fuzz_split(const uint8_t *data, size_t size);

#endif
