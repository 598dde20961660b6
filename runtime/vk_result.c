/* vk_result.c - the one table from VkResult to rwkvc_status and a name. */
#include <stdarg.h>
#include <stdio.h>

#include "runtime/vk.h"

#define R(code, status) { code, #code, status }

static const struct {
	VkResult code;
	const char *name;
	enum rwkvc_status status;
} results[] = {
	R(VK_SUCCESS, RWKVC_STATUS_OK),
	R(VK_NOT_READY, RWKVC_STATUS_VULKAN),
	R(VK_TIMEOUT, RWKVC_STATUS_VULKAN),
	R(VK_EVENT_SET, RWKVC_STATUS_VULKAN),
	R(VK_EVENT_RESET, RWKVC_STATUS_VULKAN),
	R(VK_INCOMPLETE, RWKVC_STATUS_VULKAN),
	R(VK_ERROR_OUT_OF_HOST_MEMORY, RWKVC_STATUS_NO_MEMORY),
	R(VK_ERROR_OUT_OF_DEVICE_MEMORY, RWKVC_STATUS_NO_MEMORY),
	R(VK_ERROR_OUT_OF_POOL_MEMORY, RWKVC_STATUS_NO_MEMORY),
	R(VK_ERROR_FRAGMENTED_POOL, RWKVC_STATUS_NO_MEMORY),
	R(VK_ERROR_FRAGMENTATION, RWKVC_STATUS_NO_MEMORY),
	R(VK_ERROR_INITIALIZATION_FAILED, RWKVC_STATUS_VULKAN),
	R(VK_ERROR_DEVICE_LOST, RWKVC_STATUS_DEVICE_LOST),
	R(VK_ERROR_MEMORY_MAP_FAILED, RWKVC_STATUS_VULKAN),
	R(VK_ERROR_LAYER_NOT_PRESENT, RWKVC_STATUS_UNSUPPORTED),
	R(VK_ERROR_EXTENSION_NOT_PRESENT, RWKVC_STATUS_UNSUPPORTED),
	R(VK_ERROR_FEATURE_NOT_PRESENT, RWKVC_STATUS_UNSUPPORTED),
	R(VK_ERROR_INCOMPATIBLE_DRIVER, RWKVC_STATUS_UNSUPPORTED),
	R(VK_ERROR_TOO_MANY_OBJECTS, RWKVC_STATUS_VULKAN),
	R(VK_ERROR_FORMAT_NOT_SUPPORTED, RWKVC_STATUS_UNSUPPORTED),
	R(VK_ERROR_UNKNOWN, RWKVC_STATUS_VULKAN),
	R(VK_ERROR_INVALID_EXTERNAL_HANDLE, RWKVC_STATUS_VULKAN),
	R(VK_ERROR_INVALID_OPAQUE_CAPTURE_ADDRESS, RWKVC_STATUS_VULKAN),
	R(VK_PIPELINE_COMPILE_REQUIRED, RWKVC_STATUS_VULKAN),
	R(VK_ERROR_INVALID_SHADER_NV, RWKVC_STATUS_VULKAN),
	R(VK_ERROR_VALIDATION_FAILED_EXT, RWKVC_STATUS_VULKAN),
};

enum { N_RESULTS = sizeof results / sizeof results[0] };

static int find(VkResult r)
{
	for (int i = 0; i < N_RESULTS; i++)
		if (results[i].code == r)
			return i;
	return -1;
}

enum rwkvc_status vk_status_of(VkResult r)
{
	int i = find(r);
	return i >= 0 ? results[i].status : RWKVC_STATUS_VULKAN;
}

const char *vk_result_name(VkResult r)
{
	static _Thread_local char unknown[32];
	int i = find(r);
	if (i >= 0)
		return results[i].name;
	snprintf(unknown, sizeof unknown, "VkResult %d", (int)r);
	return unknown;
}

enum rwkvc_status vk_fail(struct err *e, VkResult r, const char *fmt, ...)
{
	char context[ERR_MSG_MAX / 2];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(context, sizeof context, fmt, ap);
	va_end(ap);
	enum rwkvc_status st = vk_status_of(r);
	if (st == RWKVC_STATUS_OK) /* a caller mistook success for failure */
		st = RWKVC_STATUS_VULKAN;
	return err_set(e, st, "%s: %s", context, vk_result_name(r));
}
