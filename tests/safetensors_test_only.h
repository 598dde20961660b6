/*
 * safetensors_test_only.h - TEST-ONLY stand-in for runtime/safetensors.c,
 * which is written on another branch: loads an F32 safetensors file (the
 * shared test models) as weight_tensors. Once the real reader is merged,
 * tests should call weights_open instead and this file should go.
 */
#ifndef RWKVC_TESTS_SAFETENSORS_TEST_ONLY_H
#define RWKVC_TESTS_SAFETENSORS_TEST_ONLY_H

#include <stddef.h>

#include "base/file.h"
#include "base/mem.h"
#include "runtime/weights.h"

/* Tensors point into *map (close it with file_map_close); names and the table live in `a`.
 * Fails the running test on any error. */
void test_only_load_safetensors(const char *path, struct file_map *map, struct arena *a,
				struct weight_tensor **out, size_t *out_n);

#endif
