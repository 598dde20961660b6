/* fuzz_gguf.c - the GGUF reader and its rwkv7 mapping on a memory buffer: the
 * header, key/values, tensor infos, data layout, and the mapping of llama.cpp's
 * names, fused mixes and transposed LoRA factors onto official tensors. */
#include "fuzz.h"
#include "runtime/gguf.h"

FUZZ_ENTRY(gguf)
{
	struct err e = { 0 };
	struct weight_file w;
	if (gguf_parse(&e, data, size, "fuzz.gguf", &w)) {
		FUZZ_CHECK(e.status != RWKVC_STATUS_OK && e.msg[0]);
		weights_close(&w); /* documented as harmless on a failed open */
		return 0;
	}
	fuzz_check_weights(&w, data, size);
	return 0;
}
