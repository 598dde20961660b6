/* fuzz_safetensors.c - the safetensors reader on a memory buffer: the header
 * JSON, every claim it makes about the data, and the tensors it hands out. */
#include "fuzz.h"
#include "runtime/safetensors.h"

FUZZ_ENTRY(safetensors)
{
	struct err e = { 0 };
	struct weight_file w;
	if (safetensors_parse(&e, data, size, "fuzz.safetensors", &w)) {
		FUZZ_CHECK(e.status != RWKVC_STATUS_OK && e.msg[0]);
		FUZZ_CHECK(w.n_tensors == 0 && w.tensors == NULL);
		return 0;
	}
	fuzz_check_weights(&w, data, size);
	return 0;
}
