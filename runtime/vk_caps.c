/* vk_caps.c - what a physical device can do, and which device to use. */
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "runtime/vk.h"

const char *vk_device_type_name(VkPhysicalDeviceType t)
{
	switch (t) {
	case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return "discrete GPU";
	case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return "integrated GPU";
	case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return "virtual GPU";
	case VK_PHYSICAL_DEVICE_TYPE_CPU: return "CPU";
	default: return "other";
	}
}

/* Preference order for automatic selection; higher wins. */
static int type_rank(VkPhysicalDeviceType t)
{
	switch (t) {
	case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 4;
	case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 3;
	case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
	case VK_PHYSICAL_DEVICE_TYPE_CPU: return 1;
	default: return 0;
	}
}

struct ext_flags {
	bool sgsc, coopmat_nv, coopmat_khr, coopmat2_nv, atomic_float;
};

static enum rwkvc_status query_extensions(struct err *e, VkPhysicalDevice pd,
					  struct ext_flags *out)
{
	memset(out, 0, sizeof *out);
	uint32_t n = 0;
	VK_TRY(e, vkEnumerateDeviceExtensionProperties(pd, NULL, &n, NULL),
	       "while listing device extensions");
	VkExtensionProperties *x = mem_calloc(e, n ? n : 1, sizeof *x, "device extension list");
	if (!x)
		return e->status;
	VkResult r = vkEnumerateDeviceExtensionProperties(pd, NULL, &n, x);
	for (uint32_t i = 0; r == VK_SUCCESS && i < n; i++) {
		const char *s = x[i].extensionName;
		out->sgsc |= strcmp(s, VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME) == 0;
		out->coopmat_nv |= strcmp(s, VK_NV_COOPERATIVE_MATRIX_EXTENSION_NAME) == 0;
		/* newer than our headers: matched by name */
		out->coopmat_khr |= strcmp(s, "VK_KHR_cooperative_matrix") == 0;
		out->coopmat2_nv |= strcmp(s, "VK_NV_cooperative_matrix2") == 0;
		out->atomic_float |= strcmp(s, VK_EXT_SHADER_ATOMIC_FLOAT_EXTENSION_NAME) == 0;
	}
	mem_free(x);
	return r == VK_SUCCESS ? RWKVC_STATUS_OK : vk_fail(e, r, "while listing device extensions");
}

static enum rwkvc_status query_queue(struct err *e, VkPhysicalDevice pd, struct vk_caps *c)
{
	uint32_t n = 0;
	vkGetPhysicalDeviceQueueFamilyProperties(pd, &n, NULL);
	VkQueueFamilyProperties *q = mem_calloc(e, n ? n : 1, sizeof *q, "queue family list");
	if (!q)
		return e->status;
	vkGetPhysicalDeviceQueueFamilyProperties(pd, &n, q);
	/* the first compute family that can take timestamps, else the first compute family */
	c->queue_family = UINT32_MAX;
	for (uint32_t pass = 0; pass < 2 && c->queue_family == UINT32_MAX; pass++)
		for (uint32_t i = 0; i < n; i++)
			if ((q[i].queueFlags & VK_QUEUE_COMPUTE_BIT) && q[i].queueCount &&
			    (pass == 1 || q[i].timestampValidBits > 0)) {
				c->queue_family = i;
				c->timestamp_valid_bits = q[i].timestampValidBits;
				break;
			}
	mem_free(q);
	return RWKVC_STATUS_OK;
}

static void query_memory(VkPhysicalDevice pd, struct vk_caps *c)
{
	VkPhysicalDeviceMemoryProperties m;
	vkGetPhysicalDeviceMemoryProperties(pd, &m);
	for (uint32_t i = 0; i < m.memoryHeapCount; i++)
		if ((m.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) &&
		    m.memoryHeaps[i].size > c->device_local_bytes)
			c->device_local_bytes = m.memoryHeaps[i].size;
}

/* Properties and features of a Vulkan >= 1.2 device through the *2 queries. */
static void query_v12(VkPhysicalDevice pd, const struct ext_flags *x, struct vk_caps *c)
{
	bool v13 = c->api_version >= VK_API_VERSION_1_3;
	VkPhysicalDeviceSubgroupSizeControlPropertiesEXT sgsc_p = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_PROPERTIES_EXT
	};
	VkPhysicalDeviceVulkan13Properties p13 = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_PROPERTIES
	};
	VkPhysicalDeviceVulkan12Properties p12 = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_PROPERTIES,
		.pNext = v13 ? (void *)&p13 : x->sgsc ? (void *)&sgsc_p : NULL
	};
	VkPhysicalDeviceVulkan11Properties p11 = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_PROPERTIES, .pNext = &p12
	};
	VkPhysicalDeviceProperties2 p2 = { .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2,
					   .pNext = &p11 };
	vkGetPhysicalDeviceProperties2(pd, &p2);

	VkPhysicalDeviceShaderAtomicFloatFeaturesEXT fa = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_FEATURES_EXT
	};
	VkPhysicalDeviceCooperativeMatrixFeaturesNV fcm = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_COOPERATIVE_MATRIX_FEATURES_NV,
		.pNext = x->atomic_float ? &fa : NULL
	};
	void *tail = x->coopmat_nv ? (void *)&fcm : x->atomic_float ? (void *)&fa : NULL;
	VkPhysicalDeviceSubgroupSizeControlFeaturesEXT sgsc_f = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES_EXT,
		.pNext = tail
	};
	VkPhysicalDeviceVulkan13Features f13 = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES, .pNext = tail
	};
	VkPhysicalDeviceVulkan12Features f12 = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES,
		.pNext = v13 ? (void *)&f13 : x->sgsc ? (void *)&sgsc_f : tail
	};
	VkPhysicalDeviceVulkan11Features f11 = {
		.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES, .pNext = &f12
	};
	VkPhysicalDeviceFeatures2 f2 = { .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2,
					 .pNext = &f11 };
	vkGetPhysicalDeviceFeatures2(pd, &f2);

	snprintf(c->driver_name, sizeof c->driver_name, "%s", p12.driverName);
	snprintf(c->driver_info, sizeof c->driver_info, "%s", p12.driverInfo);
	c->driver_id = p12.driverID;
	c->subgroup_size = p11.subgroupSize;
	c->subgroup_ops = (p11.subgroupSupportedStages & VK_SHADER_STAGE_COMPUTE_BIT)
				  ? p11.subgroupSupportedOperations : 0;
	c->max_memory_allocation = p11.maxMemoryAllocationSize;
	c->max_buffer_size = v13 ? p13.maxBufferSize : p11.maxMemoryAllocationSize;
	c->int_dot_4x8_accelerated = v13 && p13.integerDotProduct4x8BitPackedSignedAccelerated;
	if (v13) {
		c->subgroup_size_control = f13.subgroupSizeControl &&
					   (p13.requiredSubgroupSizeStages & VK_SHADER_STAGE_COMPUTE_BIT);
		c->compute_full_subgroups = f13.computeFullSubgroups;
		c->subgroup_min = p13.minSubgroupSize;
		c->subgroup_max = p13.maxSubgroupSize;
	} else if (x->sgsc) {
		c->subgroup_size_control = sgsc_f.subgroupSizeControl &&
				(sgsc_p.requiredSubgroupSizeStages & VK_SHADER_STAGE_COMPUTE_BIT);
		c->compute_full_subgroups = sgsc_f.computeFullSubgroups;
		c->subgroup_size_control_ext = true;
		c->subgroup_min = sgsc_p.minSubgroupSize;
		c->subgroup_max = sgsc_p.maxSubgroupSize;
	}
	if (!c->subgroup_size_control)
		c->subgroup_min = c->subgroup_max = c->subgroup_size;
	c->float16 = f12.shaderFloat16;
	c->int8 = f12.shaderInt8;
	c->int16 = f2.features.shaderInt16;
	c->int64 = f2.features.shaderInt64;
	c->storage_16bit = f11.storageBuffer16BitAccess;
	c->push_constant_16bit = f11.storagePushConstant16;
	c->storage_8bit = f12.storageBuffer8BitAccess;
	c->buffer_device_address = f12.bufferDeviceAddress;
	c->float32_atomic_add = x->atomic_float && fa.shaderBufferFloat32AtomicAdd;
	c->coopmat_nv_feature = x->coopmat_nv && fcm.cooperativeMatrix;
}

enum rwkvc_status vk_caps_query(struct err *e, struct vk_instance *inst, VkPhysicalDevice pd,
				struct vk_caps *out_caps)
{
	struct vk_caps *c = out_caps;
	memset(c, 0, sizeof *c);
	vkGetPhysicalDeviceProperties(pd, &c->props);
	/* a 1.3 device under a 1.2 instance may only be used as 1.2 */
	c->api_version = c->props.apiVersion < inst->api_version ? c->props.apiVersion
								 : inst->api_version;
	struct ext_flags x;
	TRY(query_extensions(e, pd, &x));
	TRY(query_queue(e, pd, c));
	query_memory(pd, c);
	const VkPhysicalDeviceLimits *l = &c->props.limits;
	c->max_storage_buffer_range = l->maxStorageBufferRange;
	c->max_shared_memory = l->maxComputeSharedMemorySize;
	c->max_workgroup_invocations = l->maxComputeWorkGroupInvocations;
	c->max_push_constants = l->maxPushConstantsSize;
	memcpy(c->max_workgroup_size, l->maxComputeWorkGroupSize, sizeof c->max_workgroup_size);
	memcpy(c->max_workgroup_count, l->maxComputeWorkGroupCount, sizeof c->max_workgroup_count);
	c->min_storage_offset_align = l->minStorageBufferOffsetAlignment;
	c->timestamp_period = l->timestampPeriod;
	c->coopmat_nv = x.coopmat_nv;
	c->coopmat_khr = x.coopmat_khr;
	c->coopmat2_nv = x.coopmat2_nv;
	c->usable = true;
	if (c->props.apiVersion < VK_API_VERSION_1_2) {
		c->usable = false;
		snprintf(c->unusable_why, sizeof c->unusable_why, "Vulkan %u.%u; rwkvc needs 1.2",
			 VK_API_VERSION_MAJOR(c->props.apiVersion),
			 VK_API_VERSION_MINOR(c->props.apiVersion));
		return RWKVC_STATUS_OK; /* the *2 feature structs below need 1.2 */
	}
	if (c->queue_family == UINT32_MAX) {
		c->usable = false;
		snprintf(c->unusable_why, sizeof c->unusable_why, "no compute queue");
	}
	query_v12(pd, &x, c);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_pick_device(struct err *e, const struct vk_caps *caps, uint32_t n,
				 int requested, int *out_index, char *out_why, size_t why_cap)
{
	*out_index = -1;
	if (requested == VK_DEVICE_INDEX_INVALID || requested < VK_DEVICE_INDEX_AUTO)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "RWKVC_DEVICE must be a device number, 0..%d (see 'rwkvc info')",
			       (int)n - 1);
	if (requested >= 0) {
		if ((uint32_t)requested >= n)
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
				       "RWKVC_DEVICE=%d: there %s %u Vulkan device%s (0..%d)", requested,
				       n == 1 ? "is" : "are", n, n == 1 ? "" : "s", (int)n - 1);
		const struct vk_caps *c = &caps[requested];
		if (!c->usable)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "RWKVC_DEVICE=%d: '%s' cannot be used: %s",
				       requested, c->props.deviceName, c->unusable_why);
		*out_index = requested;
		snprintf(out_why, why_cap, "device %d '%s' (%s): chosen by RWKVC_DEVICE", requested,
			 c->props.deviceName, vk_device_type_name(c->props.deviceType));
		return RWKVC_STATUS_OK;
	}
	int best = -1, n_usable = 0;
	for (uint32_t i = 0; i < n; i++) {
		if (!caps[i].usable)
			continue;
		n_usable++;
		if (best < 0 || type_rank(caps[i].props.deviceType) >
					type_rank(caps[best].props.deviceType))
			best = (int)i;
	}
	if (best < 0)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       n ? "none of the %u Vulkan devices can be used (Vulkan 1.2 and a "
				   "compute queue are needed)"
				 : "no Vulkan device found (%u); for the CPU install Mesa's lavapipe "
				   "(Debian: mesa-vulkan-drivers)",
			       n);
	*out_index = best;
	const struct vk_caps *c = &caps[best];
	snprintf(out_why, why_cap, "device %d '%s' (%s): %s of %d usable", best, c->props.deviceName,
		 vk_device_type_name(c->props.deviceType),
		 n_usable == 1 ? "the only one" : "the best type", n_usable);
	return RWKVC_STATUS_OK;
}
