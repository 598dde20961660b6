/*
 * testutil.h - what the cmocka suites share: where the test data is, readers
 * for .npy and tokens.json, error norms, random and poison fills, temp files.
 */
#ifndef RWKVC_TESTS_TESTUTIL_H
#define RWKVC_TESTS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* ../shared (or $RWKVC_SHARED) joined with `rel`; static buffer, valid until the next call. */
const char *test_shared_path(const char *rel);
/* The repository root (or $RWKVC_ROOT) joined with `rel`. */
const char *test_root_path(const char *rel);
/* A fresh path in a per-run temporary directory, e.g. test_tmp_path("m.safetensors"). */
const char *test_tmp_path(const char *name);

/* Loads a float32 .npy file (fails the test on error). Caller frees *out. */
void test_load_npy_f32(const char *path, float **out, int *out_rank, int64_t out_shape[4]);
/* Loads {"tokens": [...]} (fails the test on error). Caller frees *out. */
void test_load_tokens_json(const char *path, int32_t **out, size_t *out_n);

/* Writes ids[0..n) as "1,2,3" (what --tokens and --prompt-ids take) into out[cap]. */
void test_ids_csv(const int32_t *ids, size_t n, char *out, size_t cap);

/* ||a - b|| / ||b|| over n floats. */
double test_rel_err(const float *a, const float *b, size_t n);
/* max |a - b|. */
double test_max_abs_err(const float *a, const float *b, size_t n);

/* Deterministic uniform floats in [lo, hi) (never all zero). */
void test_fill_random(float *x, size_t n, uint64_t seed, float lo, float hi);
/* Fills with a NaN pattern so unwritten outputs are caught. */
void test_poison(float *x, size_t n);

/*
 * Runs the built command, `$BUILD/rwkvc <args>` (BUILD relative to the repository
 * root unless absolute; default build), through the shell, so args may redirect
 * stdin. Captures stdout and stderr into NUL-terminated heap strings (free them)
 * and returns the exit status.
 */
int test_run_rwkvc(const char *args, char **out_stdout, size_t *out_len, char **out_stderr);
/* test_run_rwkvc with printf-style arguments; the output stays in test_out and
 * test_err until the next call or test_run_free (usable as a cmocka teardown). */
extern char *test_out, *test_err;
int test_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int test_run_free(void **state);
/* The path of the built command. */
const char *test_rwkvc_path(void);

/* Fails the test, showing `text`, unless it contains `want`; `what` names the text ("stderr"). */
void test_assert_contains(const char *what, const char *text, const char *want);

/* Fails the test when the Vulkan validation layer said anything about a
 * model's device (a model on the Vulkan backend; rwkvc_model_t from rwkvc.h). */
struct rwkvc_model;
void test_assert_vk_quiet(struct rwkvc_model *m);

/* Fails the test when any Vulkan validation message arrived in this process
 * since the count *seen (0 at first; then what the last call left there), and
 * advances *seen. Unlike test_assert_vk_quiet it covers instances that are
 * gone already, such as those of a load that failed. `when` names the run. */
void test_assert_vk_silent_since(uint64_t *seen, const char *when);

/* Writes `data` to a file at `path` (fails the test on error). */
void test_write_file(const char *path, const void *data, size_t n);

#endif
