/* api_devices.c - the public "Devices" API: what Vulkan devices there are. */
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "runtime/ctx.h"
#include "runtime/vk.h"

/* Every device's capabilities and which one vk_device_create would pick
 * (-1 when RWKVC_DEVICE names none: listing must still work then). */
struct device_list {
	struct vk_caps *caps;
	uint32_t n;
	int selected;
};

static enum rwkvc_status list_devices(struct err *e, struct device_list *out)
{
	memset(out, 0, sizeof *out);
	out->selected = -1;
	struct vk_device_options o = vk_device_options_default();
	struct vk_instance *inst;
	TRY(vk_instance_create(e, o.validate != 0, o.validate != 0, &inst));
	VkPhysicalDevice *pds = NULL;
	enum rwkvc_status st = vk_physical_devices(e, inst, &pds, &out->n);
	if (st == RWKVC_STATUS_OK) {
		out->caps = mem_calloc(e, out->n ? out->n : 1, sizeof *out->caps, "device list");
		st = out->caps ? RWKVC_STATUS_OK : e->status;
	}
	for (uint32_t i = 0; st == RWKVC_STATUS_OK && i < out->n; i++)
		st = vk_caps_query(e, inst, pds[i], &out->caps[i]);
	if (st == RWKVC_STATUS_OK) {
		struct err ignored = { 0 };
		char why[192];
		if (vk_pick_device(&ignored, out->caps, out->n, o.index, &out->selected, why,
				   sizeof why) != RWKVC_STATUS_OK)
			out->selected = -1;
	}
	mem_free(pds);
	vk_instance_destroy(inst);
	if (st != RWKVC_STATUS_OK) {
		mem_free(out->caps);
		out->caps = NULL;
	}
	return st;
}

enum rwkvc_status rwkvc_device_count(rwkvc_ctx_t *ctx, int *out_n)
{
	*out_n = 0;
	struct device_list l;
	TRY(list_devices(&ctx->err, &l));
	*out_n = (int)l.n;
	mem_free(l.caps);
	return RWKVC_STATUS_OK;
}

static void fill_info(const struct vk_caps *c, int index, int selected,
		      struct rwkvc_device_info *o)
{
	memset(o, 0, sizeof *o);
	const VkPhysicalDeviceProperties *p = &c->props;
	o->index = index;
	snprintf(o->name, sizeof o->name, "%s", p->deviceName);
	snprintf(o->type, sizeof o->type, "%s", vk_device_type_name(p->deviceType));
	snprintf(o->driver_name, sizeof o->driver_name, "%s", c->driver_name);
	snprintf(o->driver_info, sizeof o->driver_info, "%s", c->driver_info);
	o->driver_version = p->driverVersion;
	o->vendor_id = p->vendorID;
	o->device_id = p->deviceID;
	o->api_major = (int)VK_API_VERSION_MAJOR(p->apiVersion);
	o->api_minor = (int)VK_API_VERSION_MINOR(p->apiVersion);
	o->api_patch = (int)VK_API_VERSION_PATCH(p->apiVersion);
	o->usable = c->usable;
	snprintf(o->unusable_why, sizeof o->unusable_why, "%s", c->unusable_why);
	o->selected = index == selected;
	o->subgroup_size = c->subgroup_size;
	o->subgroup_min = c->subgroup_min;
	o->subgroup_max = c->subgroup_max;
	o->subgroup_size_control = c->subgroup_size_control;
	o->subgroup_arithmetic = (c->subgroup_ops & VK_SUBGROUP_FEATURE_ARITHMETIC_BIT) != 0;
	o->shader_float16 = c->float16;
	o->shader_int8 = c->int8;
	o->shader_int16 = c->int16;
	o->shader_int64 = c->int64;
	o->storage_16bit = c->storage_16bit;
	o->storage_8bit = c->storage_8bit;
	o->buffer_device_address = c->buffer_device_address;
	o->int_dot_4x8_accelerated = c->int_dot_4x8_accelerated;
	o->float32_atomic_add = c->float32_atomic_add;
	o->coopmat_nv = c->coopmat_nv;
	o->coopmat_khr = c->coopmat_khr;
	o->coopmat2_nv = c->coopmat2_nv;
	o->max_storage_buffer_range = c->max_storage_buffer_range;
	o->max_memory_allocation = c->max_memory_allocation;
	o->max_buffer_size = c->max_buffer_size;
	o->device_local_bytes = c->device_local_bytes;
	o->max_shared_memory = c->max_shared_memory;
	o->max_workgroup_invocations = c->max_workgroup_invocations;
	o->max_push_constants = c->max_push_constants;
	o->min_storage_offset_align = (uint32_t)c->min_storage_offset_align;
	o->timestamp_valid_bits = c->timestamp_valid_bits;
	o->timestamp_period_ns = c->timestamp_valid_bits ? c->timestamp_period : 0;
}

enum rwkvc_status rwkvc_device_get_info(rwkvc_ctx_t *ctx, int index,
					struct rwkvc_device_info *out_info)
{
	memset(out_info, 0, sizeof *out_info);
	struct device_list l;
	TRY(list_devices(&ctx->err, &l));
	enum rwkvc_status st = RWKVC_STATUS_OK;
	if (index < 0 || (uint32_t)index >= l.n)
		st = err_set(&ctx->err, RWKVC_STATUS_BAD_ARGUMENT,
			     "device %d: there %s %u Vulkan device%s", index, l.n == 1 ? "is" : "are",
			     l.n, l.n == 1 ? "" : "s");
	else
		fill_info(&l.caps[index], index, l.selected, out_info);
	mem_free(l.caps);
	return st;
}
