/* vk_pipeline.c - compute pipelines, descriptor pools and sets written once. */
#include <stdio.h>
#include <string.h>

#include "runtime/vk.h"

enum { SPIRV_MAGIC = 0x07230203 };

static enum rwkvc_status check_desc(struct err *e, const struct vk_device *d,
				    const struct vk_pipeline_desc *p)
{
	const struct vk_caps *c = &d->caps;
	const char *n = p->name;
	if (!p->spirv || p->n_words < 5 || p->spirv[0] != SPIRV_MAGIC)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "pipeline '%s': not SPIR-V", n);
	if (p->n_buffers > VK_MAX_BINDINGS)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "pipeline '%s': %u buffers, at most %d",
			       n, p->n_buffers, VK_MAX_BINDINGS);
	uint32_t push_max = c->max_push_constants < VK_MAX_PUSH_BYTES ? c->max_push_constants
								       : VK_MAX_PUSH_BYTES;
	if (p->push_bytes % 4 || p->push_bytes > push_max)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "pipeline '%s': %u bytes of push constants (a multiple of 4, at most %u)",
			       n, p->push_bytes, push_max);
	if (p->n_spec > VK_MAX_SPEC || (p->n_spec && !p->spec))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "pipeline '%s': %u specialization constants, at most %d", n, p->n_spec,
			       VK_MAX_SPEC);
	uint32_t s = p->subgroup_size;
	/* without size control, the default size is the one every pipeline gets */
	bool size_ok = !s || (d->subgroup_size_control && (s & (s - 1)) == 0 &&
			      s >= c->subgroup_min && s <= c->subgroup_max) ||
		       (!d->subgroup_size_control && s == c->subgroup_size);
	if (!size_ok)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "pipeline '%s': subgroup size %u cannot be required on '%s' (%u..%u%s)",
			       n, s, c->props.deviceName, c->subgroup_min, c->subgroup_max,
			       d->subgroup_size_control ? "" : ", no size control");
	if (p->full_subgroups && !c->compute_full_subgroups)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "pipeline '%s': '%s' cannot require full subgroups", n,
			       c->props.deviceName);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status create_layouts(struct err *e, struct vk_device *d,
					const struct vk_pipeline_desc *desc, struct vk_pipeline *p)
{
	VkDescriptorSetLayoutBinding b[VK_MAX_BINDINGS];
	for (uint32_t i = 0; i < desc->n_buffers; i++)
		b[i] = (VkDescriptorSetLayoutBinding){ .binding = i,
						       .descriptorType =
							       VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
						       .descriptorCount = 1,
						       .stageFlags = VK_SHADER_STAGE_COMPUTE_BIT };
	VkDescriptorSetLayoutCreateInfo sci = {
		.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO,
		.bindingCount = desc->n_buffers,
		.pBindings = b,
	};
	VK_TRY(e, vkCreateDescriptorSetLayout(d->device, &sci, NULL, &p->set_layout),
	       "while creating the descriptor set layout of '%s'", desc->name);
	VkPushConstantRange push = { .stageFlags = VK_SHADER_STAGE_COMPUTE_BIT,
				     .size = desc->push_bytes };
	VkPipelineLayoutCreateInfo lci = { .sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO,
					   .setLayoutCount = 1,
					   .pSetLayouts = &p->set_layout,
					   .pushConstantRangeCount = desc->push_bytes ? 1 : 0,
					   .pPushConstantRanges = &push };
	VK_TRY(e, vkCreatePipelineLayout(d->device, &lci, NULL, &p->layout),
	       "while creating the pipeline layout of '%s'", desc->name);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status create_pipeline(struct err *e, struct vk_device *d,
					 const struct vk_pipeline_desc *desc, struct vk_pipeline *p,
					 VkShaderModule module)
{
	VkSpecializationMapEntry map[VK_MAX_SPEC];
	for (uint32_t i = 0; i < desc->n_spec; i++)
		map[i] = (VkSpecializationMapEntry){ .constantID = i,
						     .offset = i * 4,
						     .size = 4 };
	VkSpecializationInfo spec = { .mapEntryCount = desc->n_spec,
				      .pMapEntries = map,
				      .dataSize = desc->n_spec * 4,
				      .pData = desc->spec };
	VkPipelineShaderStageRequiredSubgroupSizeCreateInfo sg = {
		.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_REQUIRED_SUBGROUP_SIZE_CREATE_INFO,
		.requiredSubgroupSize = desc->subgroup_size,
	};
	VkComputePipelineCreateInfo ci = {
		.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO,
		.stage = { .sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO,
			   .pNext = desc->subgroup_size && d->subgroup_size_control ? &sg : NULL,
			   .flags = desc->full_subgroups
					    ? VK_PIPELINE_SHADER_STAGE_CREATE_REQUIRE_FULL_SUBGROUPS_BIT
					    : 0,
			   .stage = VK_SHADER_STAGE_COMPUTE_BIT,
			   .module = module,
			   .pName = "main",
			   .pSpecializationInfo = desc->n_spec ? &spec : NULL },
		.layout = p->layout,
	};
	VK_TRY(e, vkCreateComputePipelines(d->device, d->pipeline_cache, 1, &ci, NULL, &p->pipeline),
	       "while creating pipeline '%s'", desc->name);
	vk_debug_name(d, VK_OBJECT_TYPE_PIPELINE, (uint64_t)(uintptr_t)p->pipeline, desc->name);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_pipeline_create(struct err *e, struct vk_device *d,
				     const struct vk_pipeline_desc *desc, struct vk_pipeline *out_p)
{
	struct vk_pipeline *p = out_p;
	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "%s", desc->name ? desc->name : "?");
	TRY(check_desc(e, d, desc));
	p->n_buffers = desc->n_buffers;
	p->push_bytes = desc->push_bytes;
	VkShaderModuleCreateInfo mci = { .sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO,
					 .codeSize = desc->n_words * 4,
					 .pCode = desc->spirv };
	VkShaderModule module;
	VK_TRY(e, vkCreateShaderModule(d->device, &mci, NULL, &module),
	       "while creating the shader module of '%s'", desc->name);
	enum rwkvc_status st = create_layouts(e, d, desc, p);
	if (st == RWKVC_STATUS_OK)
		st = create_pipeline(e, d, desc, p, module);
	vkDestroyShaderModule(d->device, module, NULL);
	if (st != RWKVC_STATUS_OK)
		vk_pipeline_destroy(d, p);
	return st;
}

void vk_pipeline_destroy(struct vk_device *d, struct vk_pipeline *p)
{
	if (p->pipeline)
		vkDestroyPipeline(d->device, p->pipeline, NULL);
	if (p->layout)
		vkDestroyPipelineLayout(d->device, p->layout, NULL);
	if (p->set_layout)
		vkDestroyDescriptorSetLayout(d->device, p->set_layout, NULL);
	memset(p, 0, sizeof *p);
}

enum rwkvc_status vk_descriptor_pool_create(struct err *e, struct vk_device *d, uint32_t max_sets,
					    uint32_t max_buffers, struct vk_descriptor_pool *out_pool)
{
	memset(out_pool, 0, sizeof *out_pool);
	VkDescriptorPoolSize size = { .type = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
				      .descriptorCount = max_buffers ? max_buffers : 1 };
	VkDescriptorPoolCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO,
					  .maxSets = max_sets ? max_sets : 1,
					  .poolSizeCount = 1,
					  .pPoolSizes = &size };
	VK_TRY(e, vkCreateDescriptorPool(d->device, &ci, NULL, &out_pool->pool),
	       "while creating a descriptor pool for %u sets", max_sets);
	out_pool->max_sets = ci.maxSets;
	out_pool->max_buffers = size.descriptorCount;
	return RWKVC_STATUS_OK;
}

void vk_descriptor_pool_destroy(struct vk_device *d, struct vk_descriptor_pool *pool)
{
	if (pool->pool)
		vkDestroyDescriptorPool(d->device, pool->pool, NULL);
	memset(pool, 0, sizeof *pool);
}

static enum rwkvc_status check_binding(struct err *e, const struct vk_device *d,
				       const struct vk_pipeline *p, uint32_t i, struct vk_range r)
{
	const struct vk_caps *c = &d->caps;
	if (!r.buf || !r.buf->buffer)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "pipeline '%s', binding %u: no buffer",
			       p->name, i);
	const char *bn = r.buf->name;
	if (r.size == 0 || r.offset > r.buf->size || r.size > r.buf->size - r.offset)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "pipeline '%s', binding %u: [%llu, +%llu) is not inside buffer '%s' "
			       "(%llu bytes)",
			       p->name, i, (unsigned long long)r.offset, (unsigned long long)r.size, bn,
			       (unsigned long long)r.buf->size);
	if (r.offset % c->min_storage_offset_align)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "pipeline '%s', binding %u: offset %llu into '%s' is not a multiple "
			       "of minStorageBufferOffsetAlignment %llu",
			       p->name, i, (unsigned long long)r.offset, bn,
			       (unsigned long long)c->min_storage_offset_align);
	if (r.size > c->max_storage_buffer_range)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "pipeline '%s', binding %u: %llu bytes of '%s' exceed "
			       "maxStorageBufferRange (%llu on '%s'); bind it in parts",
			       p->name, i, (unsigned long long)r.size, bn,
			       (unsigned long long)c->max_storage_buffer_range, c->props.deviceName);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_descriptor_set_create(struct err *e, struct vk_device *d,
					   struct vk_descriptor_pool *pool,
					   const struct vk_pipeline *p, const struct vk_range *buffers,
					   VkDescriptorSet *out_set)
{
	*out_set = VK_NULL_HANDLE;
	for (uint32_t i = 0; i < p->n_buffers; i++)
		TRY(check_binding(e, d, p, i, buffers[i]));
	if (pool->used_sets + 1 > pool->max_sets ||
	    pool->used_buffers + p->n_buffers > pool->max_buffers)
		return err_set(e, RWKVC_STATUS_NO_MEMORY,
			       "descriptor pool full (%u of %u sets, %u of %u buffers) at pipeline '%s'",
			       pool->used_sets, pool->max_sets, pool->used_buffers, pool->max_buffers,
			       p->name);
	VkDescriptorSetAllocateInfo ai = { .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO,
					   .descriptorPool = pool->pool,
					   .descriptorSetCount = 1,
					   .pSetLayouts = &p->set_layout };
	VK_TRY(e, vkAllocateDescriptorSets(d->device, &ai, out_set),
	       "while allocating a descriptor set for '%s'", p->name);
	pool->used_sets++;
	pool->used_buffers += p->n_buffers;
	VkDescriptorBufferInfo info[VK_MAX_BINDINGS];
	VkWriteDescriptorSet w[VK_MAX_BINDINGS];
	for (uint32_t i = 0; i < p->n_buffers; i++) {
		info[i] = (VkDescriptorBufferInfo){ .buffer = buffers[i].buf->buffer,
						    .offset = buffers[i].offset,
						    .range = buffers[i].size };
		w[i] = (VkWriteDescriptorSet){ .sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,
					       .dstSet = *out_set,
					       .dstBinding = i,
					       .descriptorCount = 1,
					       .descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
					       .pBufferInfo = &info[i] };
	}
	if (p->n_buffers)
		vkUpdateDescriptorSets(d->device, p->n_buffers, w, 0, NULL);
	return RWKVC_STATUS_OK;
}
