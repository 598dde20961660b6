/* fuzz_safetensors.c - the safetensors reader on a memory buffer: the header
 * JSON, every claim it makes about the data, and the tensors it hands out. */
#include <string.h>

#include "fuzz.h"
#include "runtime/safetensors.h"

/* Converting reads every byte of a tensor: out of bounds shows up under ASan. */
enum { MAX_CONVERT = 1 << 16 };

FUZZ_ENTRY(safetensors)
{
	struct err e = { 0 };
	struct weight_file w;
	if (safetensors_parse(&e, data, size, "fuzz.safetensors", &w)) {
		FUZZ_CHECK(e.status != RWKVC_STATUS_OK && e.msg[0]);
		FUZZ_CHECK(w.n_tensors == 0 && w.tensors == NULL);
		return 0;
	}
	static float out[MAX_CONVERT];
	for (size_t i = 0; i < w.n_tensors; i++) {
		const struct weight_tensor *t = &w.tensors[i];
		FUZZ_CHECK(weights_find(&w, t->name) == t);
		FUZZ_CHECK(t->rank >= 0 && t->rank <= WEIGHT_MAX_RANK);
		int64_t numel = weight_numel(t);
		FUZZ_CHECK(t->nbytes == dtype_bytes(t->dtype, (uint64_t)numel));
		FUZZ_CHECK((uintptr_t)t->data % dtype_bytes(t->dtype, 1) == 0);
		/* data lies in the buffer, or in the arena when it was copied for alignment */
		const uint8_t *p = t->data;
		if (p >= data && p <= data + size)
			FUZZ_CHECK(t->nbytes <= (size_t)(data + size - p));
		if (numel > MAX_CONVERT)
			continue;
		enum rwkvc_status st = weights_to_f32(&e, t, out);
		FUZZ_CHECK(st == RWKVC_STATUS_OK || (t->dtype == DTYPE_I32 && st == RWKVC_STATUS_UNSUPPORTED));
		if (t->nbytes)
			memcpy(out, t->data, t->nbytes); /* every dtype here takes at most 4 bytes an element */
	}
	for (size_t i = 0; i < w.n_meta; i++)
		FUZZ_CHECK(weights_meta(&w, w.meta_keys[i]) != NULL);
	weights_close(&w);
	return 0;
}
