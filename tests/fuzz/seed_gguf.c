/*
 * seed_gguf.c - writes the GGUF seeds of tests/fuzz/corpus/gguf/ from a small
 * safetensors model with the test helper tests/gguf_writer.c. Not built by
 * `make`; make_seeds.py builds and runs it:
 *
 *   cc -Iinclude -I. -D_DEFAULT_SOURCE tests/fuzz/seed_gguf.c tests/gguf_writer.c \
 *      build/librwkvc.a <LDLIBS of the Makefile> -o build/seed_gguf
 *   build/seed_gguf model.safetensors OUTDIR
 */
#include <stdio.h>

#include "runtime/weights.h"
#include "tests/gguf_writer.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: seed_gguf MODEL.safetensors OUTDIR\n");
		return 2;
	}
	struct err e = { 0 };
	struct weight_file w;
	if (weights_open(&e, argv[1], &w)) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	static const struct {
		const char *name;
		struct gguf_writer_options o;
	} seeds[] = {
		{ "rwkv7-f32.gguf", { DTYPE_F32, false, 3, 0 } },
		{ "rwkv7-f16-v2.gguf", { DTYPE_F16, true, 2, 0 } },
		{ "rwkv7-bf16-align64.gguf", { DTYPE_BF16, false, 3, 64 } },
		{ "rwkv7-q8_0.gguf", { DTYPE_Q8_0, false, 3, 0 } },
		{ "rwkv7-q4_k.gguf", { DTYPE_Q4_K, true, 3, 0 } },
	};
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", argv[2], seeds[i].name);
		if (gguf_write_rwkv7(&e, path, w.tensors, w.n_tensors, &seeds[i].o, NULL)) {
			fprintf(stderr, "%s: %s\n", path, e.msg);
			weights_close(&w);
			return 1;
		}
	}
	weights_close(&w);
	return 0;
}
