/* vk_kernel.c - codegen targets and kernel pipelines (see vk_kernel.h). */
#include "vk_kernel.h"

#include <string.h>

#include "base/mem.h"

void vk_kernel_target(const struct vk_device *d, struct codegen_target *out)
{
	const struct vk_caps *c = &d->caps;
	memset(out, 0, sizeof *out);
	out->subgroup_size = c->subgroup_size;
	VkSubgroupFeatureFlags need = VK_SUBGROUP_FEATURE_BASIC_BIT | VK_SUBGROUP_FEATURE_ARITHMETIC_BIT;
	out->subgroup_arithmetic = (c->subgroup_ops & need) == need;
	out->f16_storage = d->storage_16bit;
	out->f16_math = d->float16;
	out->int8_storage = d->storage_8bit;
	out->max_shared_bytes = c->max_shared_memory;
	out->max_workgroup_invocations = c->max_workgroup_invocations;
	out->cpu = c->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
}

enum rwkvc_status vk_kernel_pipeline(struct err *e, struct vk_device *d, struct spirv_cache *cache,
				     const struct kernel_desc *k, const struct codegen_target *t, const char *name,
				     struct vk_pipeline *out_pipeline, char **out_glsl)
{
	memset(out_pipeline, 0, sizeof *out_pipeline);
	if (out_glsl)
		*out_glsl = NULL;
	char *glsl;
	TRY(codegen_emit(e, k, t, name, &glsl));
	uint32_t *words = NULL;
	size_t n_words = 0;
	enum rwkvc_status st = spirv_cache_get(e, cache, glsl, name, NULL, &words, &n_words);
	if (st == RWKVC_STATUS_OK) {
		struct vk_pipeline_desc pd = { .name = name,
					       .spirv = words,
					       .n_words = n_words,
					       .n_buffers = (uint32_t)kernel_bindings(k, NULL),
					       .push_bytes = VK_KERNEL_PUSH_BYTES };
		st = vk_pipeline_create(e, d, &pd, out_pipeline);
	}
	mem_free(words);
	if (st == RWKVC_STATUS_OK && out_glsl)
		*out_glsl = glsl;
	else
		mem_free(glsl);
	return st;
}
