/* plan_code.c - see plan_code.h. */
#include "plan_code.h"

#include <stdio.h>
#include <string.h>
#include <xxhash.h>

#include "base/mem.h"
#include "codegen/spirv_cache.h"
#include "passes/plan_dump.h"

struct codegen_target plan_code_generic_target(void)
{
	/* zeroed first: fields codegen_target gains later start at 0 (false) */
	struct codegen_target t;
	memset(&t, 0, sizeof t);
	t.subgroup_size = 32;
	t.subgroup_arithmetic = true;
	t.f16_storage = true;
	t.f16_math = true;
	t.int8_storage = true;
	t.max_shared_bytes = 48 * 1024;
	t.max_workgroup_invocations = 1024;
	t.cpu = false;
	return t;
}

bool codegen_target_same(const struct codegen_target *a, const struct codegen_target *b)
{
	return a->subgroup_size == b->subgroup_size && a->subgroup_arithmetic == b->subgroup_arithmetic &&
	       a->f16_storage == b->f16_storage && a->f16_math == b->f16_math && a->int8_storage == b->int8_storage &&
	       a->max_shared_bytes == b->max_shared_bytes && a->max_workgroup_invocations == b->max_workgroup_invocations &&
	       a->cpu == b->cpu;
}

void codegen_target_describe(const struct codegen_target *t, char *buf, size_t n)
{
	snprintf(buf, n, "subgroup %u%s, f16 storage %s, f16 math %s, int8 storage %s, %u KiB shared, %u invocations%s",
		 t->subgroup_size, t->subgroup_arithmetic ? " (arithmetic)" : "", t->f16_storage ? "yes" : "no",
		 t->f16_math ? "yes" : "no", t->int8_storage ? "yes" : "no", t->max_shared_bytes / 1024,
		 t->max_workgroup_invocations, t->cpu ? ", CPU" : "");
}

/* Descriptions are compared as bytes: lowering and the plan reader build
 * them from zeroed memory, so padding and unused slots are zero in both. */
static int32_t find_same(const struct plan *p, const uint64_t *hash, int32_t k, const int32_t *blob_of)
{
	for (int32_t j = 0; j < k; j++)
		if (hash[j] == hash[k] && memcmp(&p->kernels[j].desc, &p->kernels[k].desc, sizeof p->kernels[k].desc) == 0)
			return blob_of[j];
	return -1;
}

enum rwkvc_status plan_code_emit(struct err *e, const struct plan *p, const struct codegen_target *t,
				 struct plan_code *out)
{
	plan_code_destroy(out);
	size_t n = (size_t)p->n_kernels + 1;
	uint64_t *hash = mem_alloc(e, n * sizeof *hash, "kernel code");
	out->kernel_blob = mem_calloc(e, n, sizeof *out->kernel_blob, "kernel code");
	out->blobs = mem_calloc(e, n, sizeof *out->blobs, "kernel code");
	enum rwkvc_status st = hash && out->kernel_blob && out->blobs ? RWKVC_STATUS_OK : e->status;
	for (int32_t k = 0; k < p->n_kernels && !st; k++) {
		hash[k] = XXH64(&p->kernels[k].desc, sizeof p->kernels[k].desc, 0);
		int32_t b = find_same(p, hash, k, out->kernel_blob);
		if (b < 0) {
			/* the kernel's label, not a tensor name: the text is shared by every kernel like it */
			char label[64];
			plan_kernel_label(&p->kernels[k], label, sizeof label);
			b = out->n_blobs;
			st = codegen_emit(e, &p->kernels[k].desc, t, label, &out->blobs[b].glsl);
			if (st) {
				err_context(e, "kernel %d (%s)", k, label);
				break;
			}
			out->n_blobs++;
		}
		out->kernel_blob[k] = b;
	}
	mem_free(hash);
	if (st) {
		plan_code_destroy(out);
		return st;
	}
	out->has_target = true;
	out->target = *t;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status plan_code_compile(struct err *e, struct plan_code *c)
{
	bool todo = false;
	for (int32_t i = 0; i < c->n_blobs; i++)
		todo |= !c->blobs[i].words;
	if (!todo)
		return RWKVC_STATUS_OK;
	struct spirv_cache cache;
	TRY(spirv_cache_open(e, NULL, false, &cache));
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (int32_t i = 0; i < c->n_blobs && !st; i++) {
		struct plan_code_blob *b = &c->blobs[i];
		if (b->words)
			continue;
		char name[32];
		snprintf(name, sizeof name, "plan kernel %d", i);
		st = spirv_cache_get(e, &cache, b->glsl, name, NULL, &b->words, &b->n_words);
	}
	spirv_cache_close(&cache);
	return st;
}
