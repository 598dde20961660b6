/* fuzz_gguf.c - the GGUF reader and its rwkv7 mapping on a memory buffer: the
 * header, key/values, tensor infos, data layout, and the mapping of llama.cpp's
 * names, fused mixes and transposed LoRA factors onto official tensors. */
#include <string.h>

#include "fuzz.h"
#include "runtime/gguf.h"

/* Converting reads every element of a tensor: out of bounds shows up under ASan. */
enum { MAX_CONVERT = 1 << 16 };

FUZZ_ENTRY(gguf)
{
	struct err e = { 0 };
	struct weight_file w;
	if (gguf_parse(&e, data, size, "fuzz.gguf", &w)) {
		FUZZ_CHECK(e.status != RWKVC_STATUS_OK && e.msg[0]);
		weights_close(&w); /* documented as harmless on a failed open */
		return 0;
	}
	static float out[MAX_CONVERT];
	for (size_t i = 0; i < w.n_tensors; i++) {
		const struct weight_tensor *t = &w.tensors[i];
		FUZZ_CHECK(weights_find(&w, t->name) == t);
		FUZZ_CHECK(t->rank >= 1 && t->rank <= WEIGHT_MAX_RANK);
		int64_t numel = weight_numel(t);
		FUZZ_CHECK(numel >= 0 && t->nbytes == dtype_bytes(t->dtype, (uint64_t)numel));
		const uint8_t *p = t->data;
		if (p >= data && p <= data + size)
			FUZZ_CHECK(t->nbytes <= (size_t)(data + size - p));
		/* gguf_parse promises alignment only relative to `data`; the fuzzer's
		 * buffer is malloc'd, so element alignment holds here */
		if (numel > MAX_CONVERT)
			continue;
		enum rwkvc_status st = weights_to_f32(&e, t, out);
		FUZZ_CHECK(st == RWKVC_STATUS_OK || (t->dtype == DTYPE_I32 && st == RWKVC_STATUS_UNSUPPORTED));
	}
	for (size_t i = 0; i < w.n_meta; i++)
		FUZZ_CHECK(weights_meta(&w, w.meta_keys[i]) != NULL);
	weights_close(&w);
	return 0;
}
