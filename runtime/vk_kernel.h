/*
 * vk_kernel.h - one codegen kernel on a Vulkan device: what codegen may
 * assume about the device, and a pipeline made from a kernel description.
 *
 * The executor and `rwkvc test-ops` share these, so a kernel is built the
 * same way in both.
 */
#ifndef RWKVC_RUNTIME_VK_KERNEL_H
#define RWKVC_RUNTIME_VK_KERNEL_H

#include "codegen/kernel.h"
#include "codegen/spirv_cache.h"
#include "runtime/vk.h"

/* The device as codegen sees it: the features vk_device_create enabled, the
 * subgroup size (kernels are compiled for Vulkan 1.2 / SPIR-V 1.5, where a
 * compute shader gets the device's reported size), limits, CPU or GPU. */
void vk_kernel_target(const struct vk_device *d, struct codegen_target *out);

/* The kernel's push-constant block, in bytes (struct kernel_push). */
enum { VK_KERNEL_PUSH_BYTES = sizeof(struct kernel_push) };

/*
 * Emits the GLSL of `k` for `t`, compiles it through `cache` and creates its
 * pipeline: kernel_bindings() storage buffers, struct kernel_push as push
 * constants. `name` labels messages and profiles. When out_glsl is not NULL
 * it receives the source (mem_free). Errors: those of codegen_emit,
 * spirv_cache_get (BAD_ARGUMENT for GLSL the compiler rejects) and
 * vk_pipeline_create.
 */
enum rwkvc_status vk_kernel_pipeline(struct err *e, struct vk_device *d, struct spirv_cache *cache,
				     const struct kernel_desc *k, const struct codegen_target *t, const char *name,
				     struct vk_pipeline *out_pipeline, char **out_glsl);

#endif
