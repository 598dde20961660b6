/* vk_instance.c - the Vulkan instance, the validation layer and its messages. */
/* dl_iterate_phdr and struct dl_phdr_info (link.h) are GNU extensions */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "runtime/vk.h"

static const char VALIDATION_LAYER[] = "VK_LAYER_KHRONOS_validation";

/* Over every instance, for vk_messages_total. */
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t total_count;
static char total_last[VK_LOG_MSG_LEN];

uint64_t vk_messages_total(char *last, size_t cap)
{
	pthread_mutex_lock(&total_lock);
	uint64_t n = total_count;
	if (cap)
		snprintf(last, cap, "%s", total_last);
	pthread_mutex_unlock(&total_lock);
	return n;
}

static void log_record(struct vk_message_log *log, bool is_error, const char *text)
{
	pthread_mutex_lock(&total_lock);
	total_count++;
	snprintf(total_last, sizeof total_last, "%s", text);
	pthread_mutex_unlock(&total_lock);
	pthread_mutex_lock(&log->lock);
	log->count++;
	log->n_errors += is_error;
	snprintf(log->last[log->next], VK_LOG_MSG_LEN, "%s", text);
	log->next = (log->next + 1) % VK_LOG_KEEP;
	bool echo = log->echo;
	pthread_mutex_unlock(&log->lock);
	if (echo)
		fprintf(stderr, "rwkvc: validation %s: %s\n", is_error ? "error" : "warning", text);
}

static VKAPI_ATTR VkBool32 VKAPI_CALL on_message(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
						 VkDebugUtilsMessageTypeFlagsEXT types,
						 const VkDebugUtilsMessengerCallbackDataEXT *data,
						 void *user)
{
	(void)types;
	if (severity < VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)
		return VK_FALSE;
	log_record(user, severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT,
		   data && data->pMessage ? data->pMessage : "(no text)");
	return VK_FALSE; /* never abort the call: we count, the tests judge */
}

static enum rwkvc_status has_layer(struct err *e, const char *name, bool *out)
{
	uint32_t n = 0;
	*out = false;
	VK_TRY(e, vkEnumerateInstanceLayerProperties(&n, NULL), "while listing Vulkan layers");
	VkLayerProperties *p = mem_calloc(e, n ? n : 1, sizeof *p, "Vulkan layer list");
	if (!p)
		return e->status;
	VkResult r = vkEnumerateInstanceLayerProperties(&n, p);
	for (uint32_t i = 0; r == VK_SUCCESS && i < n; i++)
		*out |= strcmp(p[i].layerName, name) == 0;
	mem_free(p);
	return r == VK_SUCCESS ? RWKVC_STATUS_OK : vk_fail(e, r, "while listing Vulkan layers");
}

/* The loader's version; 1.0 loaders lack vkEnumerateInstanceVersion. */
static uint32_t loader_version(void)
{
	PFN_vkEnumerateInstanceVersion f =
		(PFN_vkEnumerateInstanceVersion)vkGetInstanceProcAddr(NULL, "vkEnumerateInstanceVersion");
	uint32_t v = VK_API_VERSION_1_0;
	if (f && f(&v) != VK_SUCCESS)
		v = VK_API_VERSION_1_0;
	return v;
}

static enum rwkvc_status create_messenger(struct err *e, struct vk_instance *inst,
					  const VkDebugUtilsMessengerCreateInfoEXT *ci)
{
	PFN_vkCreateDebugUtilsMessengerEXT create = (PFN_vkCreateDebugUtilsMessengerEXT)
		vkGetInstanceProcAddr(inst->instance, "vkCreateDebugUtilsMessengerEXT");
	inst->destroy_messenger = (PFN_vkDestroyDebugUtilsMessengerEXT)vkGetInstanceProcAddr(
		inst->instance, "vkDestroyDebugUtilsMessengerEXT");
	inst->set_object_name = (PFN_vkSetDebugUtilsObjectNameEXT)vkGetInstanceProcAddr(
		inst->instance, "vkSetDebugUtilsObjectNameEXT");
	if (!create || !inst->destroy_messenger)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "the validation layer offers no VK_EXT_debug_utils messenger");
	VK_TRY(e, create(inst->instance, ci, NULL, &inst->messenger),
	       "while creating the validation message callback");
	return RWKVC_STATUS_OK;
}

/* Keeps every shared object now loaded (the Vulkan drivers and layers that
 * vkCreateInstance just opened among them) resident for the life of the
 * process: RTLD_NOLOAD finds the loaded object, RTLD_NODELETE makes a later
 * dlclose leave it in place; the handles are never closed on purpose.
 * Why: the loader unloads drivers and layers with the last instance, and each
 * model load makes a new instance. glibc never gives back the static TLS of an
 * unloaded object, and the NVIDIA driver (libnvidia-tls) takes some on every
 * load, so after a few dozen loads in one process vkCreateInstance failed
 * ("cannot allocate memory in static TLS block", found by tests/test_faults.c
 * on an H100). It also keeps the validation layer's frames nameable for
 * LeakSanitizer at exit, so tests/lsan.supp can match its own leaks. */
static int pin_object(struct dl_phdr_info *info, size_t size, void *unused)
{
	(void)size;
	(void)unused;
	if (info->dlpi_name && info->dlpi_name[0])
		(void)dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
	return 0;
}

static void pin_loaded_objects(void)
{
	dl_iterate_phdr(pin_object, NULL);
}

enum rwkvc_status vk_instance_create(struct err *e, bool validate, bool echo,
				     struct vk_instance **out_inst)
{
	*out_inst = NULL;
	uint32_t loader = loader_version();
	if (loader < VK_API_VERSION_1_2)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "the Vulkan loader is version %u.%u; rwkvc needs 1.2 or newer",
			       VK_API_VERSION_MAJOR(loader), VK_API_VERSION_MINOR(loader));
	if (validate) {
		bool present;
		TRY(has_layer(e, VALIDATION_LAYER, &present));
		if (!present)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED,
				       "RWKVC_VALIDATE=1 asks for %s, but it is not installed "
				       "(Debian: apt-get install vulkan-validationlayers; or point "
				       "VK_LAYER_PATH at its .json)",
				       VALIDATION_LAYER);
	}
	struct vk_instance *inst = mem_calloc(e, 1, sizeof *inst, "Vulkan instance");
	if (!inst)
		return e->status;
	pthread_mutex_init(&inst->log.lock, NULL);
	inst->log.echo = echo;
	inst->validation = validate;
	inst->api_version = loader >= VK_API_VERSION_1_3 ? VK_API_VERSION_1_3 : VK_API_VERSION_1_2;

	VkApplicationInfo app = { .sType = VK_STRUCTURE_TYPE_APPLICATION_INFO,
				  .pApplicationName = "rwkvc", .pEngineName = "rwkvc",
				  .apiVersion = inst->api_version };
	/* synchronization validation on, GPU-assisted validation stays off (the
	 * layer's default): it rewrites shaders and would slow lavapipe badly */
	VkValidationFeatureEnableEXT enables[] = {
		VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT
	};
	VkDebugUtilsMessengerCreateInfoEXT mci = {
		.sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT,
		.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
				   VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT,
		.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
			       VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
			       VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT,
		.pfnUserCallback = on_message,
		.pUserData = &inst->log,
	};
	VkValidationFeaturesEXT features = {
		.sType = VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT,
		.pNext = &mci, /* also catches messages of vkCreateInstance itself */
		.enabledValidationFeatureCount = 1,
		.pEnabledValidationFeatures = enables,
	};
	const char *layers[] = { VALIDATION_LAYER };
	const char *exts[] = { VK_EXT_DEBUG_UTILS_EXTENSION_NAME,
			       VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME };
	VkInstanceCreateInfo ci = {
		.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO,
		.pNext = validate ? &features : NULL,
		.pApplicationInfo = &app,
		.enabledLayerCount = validate ? 1 : 0,
		.ppEnabledLayerNames = layers,
		.enabledExtensionCount = validate ? 2 : 0,
		.ppEnabledExtensionNames = exts,
	};
	VkResult r = vkCreateInstance(&ci, NULL, &inst->instance);
	if (r != VK_SUCCESS) {
		vk_instance_destroy(inst);
		return vk_fail(e, r, "while creating the Vulkan instance%s",
			       validate ? " with validation" : "");
	}
	pin_loaded_objects();
	if (validate && create_messenger(e, inst, &mci) != RWKVC_STATUS_OK) {
		vk_instance_destroy(inst);
		return e->status;
	}
	*out_inst = inst;
	return RWKVC_STATUS_OK;
}

void vk_instance_destroy(struct vk_instance *inst)
{
	if (!inst)
		return;
	if (inst->messenger)
		inst->destroy_messenger(inst->instance, inst->messenger, NULL);
	if (inst->instance)
		vkDestroyInstance(inst->instance, NULL);
	pthread_mutex_destroy(&inst->log.lock);
	mem_free(inst);
}

enum rwkvc_status vk_physical_devices(struct err *e, struct vk_instance *inst,
				      VkPhysicalDevice **out_devs, uint32_t *out_n)
{
	*out_devs = NULL;
	*out_n = 0;
	uint32_t n = 0;
	VK_TRY(e, vkEnumeratePhysicalDevices(inst->instance, &n, NULL),
	       "while listing Vulkan devices");
	VkPhysicalDevice *d = mem_calloc(e, n ? n : 1, sizeof *d, "Vulkan device list");
	if (!d)
		return e->status;
	VkResult r = vkEnumeratePhysicalDevices(inst->instance, &n, d);
	if (r != VK_SUCCESS) {
		mem_free(d);
		return vk_fail(e, r, "while listing Vulkan devices");
	}
	*out_devs = d;
	*out_n = n;
	return RWKVC_STATUS_OK;
}

void vk_debug_name(struct vk_device *d, VkObjectType type, uint64_t handle, const char *name)
{
	if (!d->inst->set_object_name || !handle)
		return;
	VkDebugUtilsObjectNameInfoEXT ni = { .sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_OBJECT_NAME_INFO_EXT,
					     .objectType = type,
					     .objectHandle = handle,
					     .pObjectName = name };
	d->inst->set_object_name(d->device, &ni);
}
