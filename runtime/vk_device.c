/* vk_device.c - choosing a physical device and creating the logical one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "runtime/vk.h"

enum { DEFAULT_STAGING_BYTES = 64 << 20 };

static bool env_flag(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") != 0;
}

struct vk_device_options vk_device_options_default(void)
{
	struct vk_device_options o = { .validate = env_flag("RWKVC_VALIDATE"),
				       .index = VK_DEVICE_INDEX_AUTO, .spin = -1 };
	const char *spin = getenv("RWKVC_SPIN");
	if (spin && *spin)
		o.spin = env_flag("RWKVC_SPIN");
	const char *dev = getenv("RWKVC_DEVICE");
	if (dev && *dev) {
		char *end;
		long v = strtol(dev, &end, 10);
		/* garbage becomes an invalid index, so vk_pick_device says what is wrong */
		o.index = (*end || v < 0 || v > 1000000) ? VK_DEVICE_INDEX_INVALID : (int)v;
	}
	return o;
}

/* Lists and queries all devices, then picks one. */
static enum rwkvc_status choose(struct err *e, struct vk_device *d, int requested)
{
	VkPhysicalDevice *pds;
	uint32_t n;
	TRY(vk_physical_devices(e, d->inst, &pds, &n));
	struct vk_caps *caps = mem_calloc(e, n ? n : 1, sizeof *caps, "Vulkan device capabilities");
	enum rwkvc_status st = caps ? RWKVC_STATUS_OK : e->status;
	for (uint32_t i = 0; st == RWKVC_STATUS_OK && i < n; i++)
		st = vk_caps_query(e, d->inst, pds[i], &caps[i]);
	if (st == RWKVC_STATUS_OK)
		st = vk_pick_device(e, caps, n, requested, &d->index, d->choice, sizeof d->choice);
	if (st == RWKVC_STATUS_OK) {
		d->phys = pds[d->index];
		d->caps = caps[d->index];
	}
	mem_free(caps);
	mem_free(pds);
	return st;
}

/* The features rwkvc turns on: those its kernels use, where the device has them. */
struct enabled_features {
	VkPhysicalDeviceFeatures2 f2;
	VkPhysicalDeviceVulkan11Features f11;
	VkPhysicalDeviceVulkan12Features f12;
	VkPhysicalDeviceVulkan13Features f13;
	VkPhysicalDeviceSubgroupSizeControlFeaturesEXT sgsc;
	VkPhysicalDeviceCooperativeMatrixFeaturesNV coopmat;
	const char *exts[4];
	uint32_t n_exts;
};

static void build_features(struct vk_device *d, struct enabled_features *f)
{
	const struct vk_caps *c = &d->caps;
	memset(f, 0, sizeof *f);
	f->f2.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2;
	f->f11.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES;
	f->f12.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES;
	f->f13.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES;
	f->sgsc.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES_EXT;
	f->coopmat.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_COOPERATIVE_MATRIX_FEATURES_NV;
	f->f2.pNext = &f->f11;
	f->f11.pNext = &f->f12;
	void **tail = &f->f12.pNext;

	f->f2.features.shaderInt16 = c->int16;
	f->f2.features.shaderInt64 = c->int64;
	f->f11.storageBuffer16BitAccess = c->storage_16bit;
	f->f12.shaderFloat16 = c->float16;
	f->f12.shaderInt8 = c->int8;
	f->f12.storageBuffer8BitAccess = c->storage_8bit;
	if (c->api_version >= VK_API_VERSION_1_3) {
		f->f13.subgroupSizeControl = c->subgroup_size_control;
		f->f13.computeFullSubgroups = c->compute_full_subgroups;
		*tail = &f->f13;
		tail = &f->f13.pNext;
	} else if (c->subgroup_size_control_ext) {
		f->sgsc.subgroupSizeControl = c->subgroup_size_control;
		f->sgsc.computeFullSubgroups = c->compute_full_subgroups;
		f->exts[f->n_exts++] = VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME;
		*tail = &f->sgsc;
		tail = &f->sgsc.pNext;
	}
	if (c->coopmat_nv_feature) { /* the prefill GEMM's tensor-core path */
		f->coopmat.cooperativeMatrix = VK_TRUE;
		f->exts[f->n_exts++] = VK_NV_COOPERATIVE_MATRIX_EXTENSION_NAME;
		*tail = &f->coopmat;
	}
	d->storage_16bit = c->storage_16bit;
	d->float16 = c->float16;
	d->storage_8bit = c->storage_8bit;
	d->int8 = c->int8;
	d->subgroup_size_control = c->subgroup_size_control;
	d->coopmat_nv = c->coopmat_nv_feature;
}

static enum rwkvc_status create_logical(struct err *e, struct vk_device *d)
{
	struct enabled_features f;
	build_features(d, &f);
	float priority = 1.0f;
	VkDeviceQueueCreateInfo qci = { .sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO,
					.queueFamilyIndex = d->caps.queue_family,
					.queueCount = 1,
					.pQueuePriorities = &priority };
	VkDeviceCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO,
				  .pNext = &f.f2,
				  .queueCreateInfoCount = 1,
				  .pQueueCreateInfos = &qci,
				  .enabledExtensionCount = f.n_exts,
				  .ppEnabledExtensionNames = f.exts };
	VK_TRY(e, vkCreateDevice(d->phys, &ci, NULL, &d->device), "while creating device '%s'",
	       d->caps.props.deviceName);
	vkGetDeviceQueue(d->device, d->caps.queue_family, 0, &d->queue);
	VkCommandPoolCreateInfo pci = { .sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO,
					.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT,
					.queueFamilyIndex = d->caps.queue_family };
	VK_TRY(e, vkCreateCommandPool(d->device, &pci, NULL, &d->pool),
	       "while creating the command pool");
	VkPipelineCacheCreateInfo cci = { .sType = VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO };
	VK_TRY(e, vkCreatePipelineCache(d->device, &cci, NULL, &d->pipeline_cache),
	       "while creating the pipeline cache");
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_device_create(struct err *e, const struct vk_device_options *opts,
				   struct vk_device **out_dev)
{
	*out_dev = NULL;
	struct vk_device_options o = opts ? *opts : vk_device_options_default();
	struct vk_device *d = mem_calloc(e, 1, sizeof *d, "Vulkan device");
	if (!d)
		return e->status;
	/* validation messages are echoed when asked, and always when validating:
	 * someone who turned the layer on wants to read what it says */
	enum rwkvc_status st = vk_instance_create(e, o.validate != 0, o.verbose || o.validate,
						  &d->inst);
	if (st == RWKVC_STATUS_OK)
		st = choose(e, d, o.index);
	if (st == RWKVC_STATUS_OK)
		st = create_logical(e, d);
	if (st == RWKVC_STATUS_OK)
		st = vk_memory_choose_types(e, d);
	if (st != RWKVC_STATUS_OK) {
		vk_device_destroy(d);
		return st;
	}
	uint64_t a = d->caps.min_storage_offset_align;
	d->align = a > 256 ? a : 256;
	/* spinning on a CPU device takes a core from the driver's own threads */
	d->spin_wait = o.spin < 0 ? d->caps.props.deviceType != VK_PHYSICAL_DEVICE_TYPE_CPU
				  : o.spin != 0;
	d->staging_bytes = o.staging_bytes ? o.staging_bytes : DEFAULT_STAGING_BYTES;
	if (o.verbose)
		fprintf(stderr, "rwkvc: using %s%s\n", d->choice,
			d->inst->validation ? ", with validation" : "");
	*out_dev = d;
	return RWKVC_STATUS_OK;
}

void vk_device_destroy(struct vk_device *d)
{
	if (!d)
		return;
	if (d->device) {
		vkDeviceWaitIdle(d->device);
		vk_transfer_release(d);
		if (d->pipeline_cache)
			vkDestroyPipelineCache(d->device, d->pipeline_cache, NULL);
		if (d->pool)
			vkDestroyCommandPool(d->device, d->pool, NULL);
		vkDestroyDevice(d->device, NULL);
	}
	vk_instance_destroy(d->inst);
	mem_free(d);
}

uint64_t vk_device_message_count(struct vk_device *d)
{
	pthread_mutex_lock(&d->inst->log.lock);
	uint64_t n = d->inst->log.count;
	pthread_mutex_unlock(&d->inst->log.lock);
	return n;
}

const char *vk_device_message(struct vk_device *d, unsigned i, char *buf, size_t cap)
{
	struct vk_message_log *log = &d->inst->log;
	pthread_mutex_lock(&log->lock);
	if (i < VK_LOG_KEEP && i < log->count)
		snprintf(buf, cap, "%s", log->last[(log->next + VK_LOG_KEEP - 1 - i) % VK_LOG_KEEP]);
	else
		snprintf(buf, cap, "%s", "");
	pthread_mutex_unlock(&log->lock);
	return buf;
}

void vk_device_messages_reset(struct vk_device *d)
{
	pthread_mutex_lock(&d->inst->log.lock);
	d->inst->log.count = d->inst->log.n_errors = 0;
	pthread_mutex_unlock(&d->inst->log.lock);
}

bool vk_device_messages_echo(struct vk_device *d, bool on)
{
	pthread_mutex_lock(&d->inst->log.lock);
	bool was = d->inst->log.echo;
	d->inst->log.echo = on;
	pthread_mutex_unlock(&d->inst->log.lock);
	return was;
}
