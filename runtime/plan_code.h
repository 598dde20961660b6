/*
 * plan_code.h - the code of a plan's kernels for one codegen target: every
 * distinct kernel description emitted once (codegen_emit), and compiled to
 * SPIR-V through the SPIR-V cache when a plan file is written.
 */
#ifndef RWKVC_RUNTIME_PLAN_CODE_H
#define RWKVC_RUNTIME_PLAN_CODE_H

#include <stdbool.h>
#include <stddef.h>

#include "codegen/kernel.h"
#include "passes/plan_file.h"

/* The fixed target of the golden GLSL (tests/golden/rwkv7-2.9b.glsl), a
 * "generic GPU": subgroups of 32 with arithmetic, f16 storage and math, int8
 * storage, 48 KiB of shared memory, 1024 invocations per workgroup, not a CPU. */
struct codegen_target plan_code_generic_target(void);

/* Field by field (every field codegen reads). */
bool codegen_target_same(const struct codegen_target *a, const struct codegen_target *b);
/* "subgroup 32 (arithmetic), f16 storage yes, ..., 48 KiB shared, 1024 invocations[, CPU]". */
void codegen_target_describe(const struct codegen_target *t, char *buf, size_t n);

/* GLSL for every distinct kernel of `p` on `t` into *out (replacing what was
 * there): kernels with equal descriptions share a blob. Errors: those of
 * codegen_emit (UNSUPPORTED, NO_MEMORY). */
enum rwkvc_status plan_code_emit(struct err *e, const struct plan *p, const struct codegen_target *t,
				 struct plan_code *out);

/* Compiles the blobs that have no SPIR-V yet (through the on-disk cache).
 * Errors: those of glsl_compile (BAD_ARGUMENT names the kernel), NO_MEMORY. */
enum rwkvc_status plan_code_compile(struct err *e, struct plan_code *c);

#endif
