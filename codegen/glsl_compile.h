/*
 * glsl_compile.h - GLSL compute source to SPIR-V, in process.
 *
 * The one place that knows which compiler turns GLSL into SPIR-V; swapping it
 * (shaderc, a newer glslang) touches only glsl_compile.c. Today it is glslang's
 * C interface: Debian 12's libshaderc crashes when linked into a third-party
 * program (see DESIGN.md), glslang itself works.
 *
 * Threads: glslang needs one process-wide initialisation; glsl_compile() does
 * it on first use through pthread_once, so any thread may call it, and
 * compiles on different threads may run concurrently (each uses its own
 * glslang shader/program objects). The process-wide state is never finalised:
 * it lives until exit, which costs a few KB and nothing else.
 */
#ifndef RWKVC_CODEGEN_GLSL_COMPILE_H
#define RWKVC_CODEGEN_GLSL_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/* The Vulkan environment the SPIR-V is for. It fixes the default SPIR-V
 * version: 1.5 for Vulkan 1.2, 1.6 for Vulkan 1.3. */
enum glsl_target {
	GLSL_TARGET_VULKAN_1_2 = 0,
	GLSL_TARGET_VULKAN_1_3,
};

struct glsl_options {
	enum glsl_target target;
	/* SPIR-V version as 0x00MMmm00 (0x00010500 = 1.5); 0: the target's default. */
	uint32_t spirv_version;
	bool optimize;   /* run the SPIR-V optimizer (glslang -O); off: faster compiles */
	bool debug_info; /* keep names and line info (for RenderDoc, validation messages) */
	bool validate;   /* run spirv-val over the result (an error fails the compile) */
	/* Preprocessor definitions, each "NAME" or "NAME=VALUE". */
	const char *const *defines;
	int n_defines;
};

/* Options used when `opts` is NULL: Vulkan 1.2, SPIR-V 1.5, optimised, validated. */
struct glsl_options glsl_options_default(void);

/*
 * Compiles one compute shader. `name` labels messages ("while compiling
 * 'axpb': ..."). On success *out_words (free with mem_free) holds *out_n
 * SPIR-V words. Errors: BAD_ARGUMENT for source the compiler rejects (the
 * message carries the compiler log and the numbered source lines around the
 * first error), NO_MEMORY, UNSUPPORTED for an option the compiler lacks.
 */
enum rwkvc_status glsl_compile(struct err *e, const char *source, const char *name,
			       const struct glsl_options *opts, uint32_t **out_words, size_t *out_n);

/* Names the compiler and its version ("glslang 12.0.0"); part of every cache key. */
const char *glsl_compiler_version(void);

#endif
