/* common.c - helpers for the fuzz targets; see fuzz.h. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/weights.h"

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

/* Converting reads every element of a tensor: out of bounds shows up under ASan. */
enum { MAX_CONVERT = 1 << 16 };

void fuzz_check_weights(struct weight_file *w, const uint8_t *data, size_t size)
{
	static float out[MAX_CONVERT];
	struct err e = { 0 };
	for (size_t i = 0; i < w->n_tensors; i++) {
		const struct weight_tensor *t = &w->tensors[i];
		FUZZ_CHECK(weights_find(w, t->name) == t);
		FUZZ_CHECK(t->rank >= 0 && t->rank <= WEIGHT_MAX_RANK);
		int64_t numel = weight_numel(t);
		FUZZ_CHECK(numel >= 0 && t->nbytes == dtype_bytes(t->dtype, (uint64_t)numel));
		/* weights.h: aligned to one element, 2 bytes for the ggml blocks (the
		 * fuzzer's buffer is malloc'd, so GGUF's relative alignment holds too) */
		uint64_t align = dtype_block(t->dtype) > 1 ? 2 : dtype_bytes(t->dtype, 1);
		FUZZ_CHECK((uintptr_t)t->data % align == 0);
		/* data lies in the buffer, or in memory the file owns (copied, rearranged) */
		const uint8_t *p = t->data;
		if (p >= data && p <= data + size)
			FUZZ_CHECK(t->nbytes <= (size_t)(data + size - p));
		if (numel > MAX_CONVERT)
			continue;
		enum rwkvc_status st = weights_to_f32(&e, t, out);
		FUZZ_CHECK(st == RWKVC_STATUS_OK || (t->dtype == DTYPE_I32 && st == RWKVC_STATUS_UNSUPPORTED));
		if (t->nbytes)
			memcpy(out, t->data, t->nbytes); /* at most 4 bytes an element in every dtype */
	}
	for (size_t i = 0; i < w->n_meta; i++)
		FUZZ_CHECK(weights_meta(w, w->meta_keys[i]) != NULL);
	weights_close(w);
}
