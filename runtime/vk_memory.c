/* vk_memory.c - device memory, buffers, ranges and arenas. */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "base/fault.h"
#include "runtime/vk.h"

/* What each kind of buffer needs from a memory type, wants, and would rather not have. */
static const struct {
	VkMemoryPropertyFlags need, want, avoid;
} kinds[] = {
	/* the small host-visible device-local heap (BAR) stays free for UPLOAD */
	[VK_MEMORY_DEVICE] = { VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0,
			       VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT },
	[VK_MEMORY_UPLOAD] = { VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT,
			       VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0 },
	[VK_MEMORY_STAGING] = { VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT,
				0, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT },
	/* host reads of uncached (write-combined) memory are very slow */
	[VK_MEMORY_READBACK] = { VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT,
				 VK_MEMORY_PROPERTY_HOST_CACHED_BIT, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT },
};

static const char *const kind_names[] = { "device", "upload", "staging", "readback" };

static int popcount(uint32_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* The best memory type among `allowed` for `kind`, or UINT32_MAX. */
static uint32_t pick_type(const VkPhysicalDeviceMemoryProperties *m, enum vk_memory kind,
			  uint32_t allowed)
{
	const VkMemoryPropertyFlags never = VK_MEMORY_PROPERTY_LAZILY_ALLOCATED_BIT |
					    VK_MEMORY_PROPERTY_PROTECTED_BIT;
	uint32_t best = UINT32_MAX;
	int best_score = -1000;
	for (uint32_t i = 0; i < m->memoryTypeCount; i++) {
		VkMemoryPropertyFlags f = m->memoryTypes[i].propertyFlags;
		if (!(allowed & (1u << i)) || (f & kinds[kind].need) != kinds[kind].need ||
		    (f & never))
			continue;
		int score = 2 * popcount(f & kinds[kind].want) - popcount(f & kinds[kind].avoid);
		if (score > best_score) { /* ties: the driver lists better types first */
			best = i;
			best_score = score;
		}
	}
	return best;
}

enum rwkvc_status vk_memory_choose_types(struct err *e, struct vk_device *d)
{
	vkGetPhysicalDeviceMemoryProperties(d->phys, &d->memory);
	uint32_t *out[] = { &d->types.device, &d->types.upload, &d->types.staging,
			    &d->types.readback };
	for (int k = 0; k <= VK_MEMORY_READBACK; k++) {
		*out[k] = pick_type(&d->memory, (enum vk_memory)k, UINT32_MAX);
		if (*out[k] == UINT32_MAX)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "'%s' has no memory type for %s buffers",
				       d->caps.props.deviceName, kind_names[k]);
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_memory_alloc(struct err *e, struct vk_device *d,
				  const VkMemoryRequirements *req, uint32_t type, const char *what,
				  VkDeviceMemory *out_mem)
{
	*out_mem = VK_NULL_HANDLE;
	if (fault_device_alloc_should_fail())
		return vk_fail(e, VK_ERROR_OUT_OF_DEVICE_MEMORY,
			       "while allocating %llu bytes of device memory for '%s' (injected fault)",
			       (unsigned long long)req->size, what);
	VkMemoryAllocateInfo ai = { .sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO,
				    .allocationSize = req->size,
				    .memoryTypeIndex = type };
	VK_TRY(e, vkAllocateMemory(d->device, &ai, NULL, out_mem),
	       "while allocating %llu bytes of device memory for '%s'",
	       (unsigned long long)req->size, what);
	d->counters.allocations++;
	d->counters.bytes_allocated += req->size;
	return RWKVC_STATUS_OK;
}

void vk_memory_free(struct vk_device *d, VkDeviceMemory mem, VkDeviceSize size)
{
	if (!mem)
		return;
	vkFreeMemory(d->device, mem, NULL);
	d->counters.allocations--;
	d->counters.bytes_allocated -= size;
}

static double gib(uint64_t n) { return (double)n / (1024.0 * 1024.0 * 1024.0); }

enum rwkvc_status vk_buffer_create(struct err *e, struct vk_device *d, VkDeviceSize size,
				   enum vk_memory kind, const char *name, struct vk_buffer *out_buf)
{
	struct vk_buffer *b = out_buf;
	memset(b, 0, sizeof *b);
	snprintf(b->name, sizeof b->name, "%s", name);
	b->kind = kind;
	b->size = size;
	uint64_t limit = d->caps.max_memory_allocation < d->caps.max_buffer_size
				 ? d->caps.max_memory_allocation : d->caps.max_buffer_size;
	if (size == 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "buffer '%s': size 0", name);
	if (size > limit)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "buffer '%s': %.2f GiB exceeds the %.2f GiB one buffer may have on "
			       "'%s'; split it",
			       name, gib(size), gib(limit), d->caps.props.deviceName);
	VkBufferCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO,
				  .size = size,
				  .usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT |
					   VK_BUFFER_USAGE_TRANSFER_SRC_BIT |
					   VK_BUFFER_USAGE_TRANSFER_DST_BIT,
				  .sharingMode = VK_SHARING_MODE_EXCLUSIVE };
	VK_TRY(e, vkCreateBuffer(d->device, &ci, NULL, &b->buffer), "while creating buffer '%s'",
	       name);
	vk_debug_name(d, VK_OBJECT_TYPE_BUFFER, (uint64_t)(uintptr_t)b->buffer, name);
	VkMemoryRequirements req;
	vkGetBufferMemoryRequirements(d->device, b->buffer, &req);
	uint32_t type = pick_type(&d->memory, kind, req.memoryTypeBits);
	enum rwkvc_status st = RWKVC_STATUS_OK;
	if (type == UINT32_MAX)
		st = err_set(e, RWKVC_STATUS_UNSUPPORTED, "buffer '%s': no %s memory type allows it",
			     name, kind_names[kind]);
	if (st == RWKVC_STATUS_OK)
		st = vk_memory_alloc(e, d, &req, type, name, &b->memory);
	if (st == RWKVC_STATUS_OK) {
		b->allocated = req.size;
		VkResult r = vkBindBufferMemory(d->device, b->buffer, b->memory, 0);
		if (r == VK_SUCCESS && kind != VK_MEMORY_DEVICE)
			r = vkMapMemory(d->device, b->memory, 0, VK_WHOLE_SIZE, 0, &b->mapped);
		if (r != VK_SUCCESS)
			st = vk_fail(e, r, "while binding and mapping buffer '%s'", name);
	}
	if (st != RWKVC_STATUS_OK) {
		if (b->memory)
			vk_memory_free(d, b->memory, req.size);
		vkDestroyBuffer(d->device, b->buffer, NULL);
		memset(b, 0, sizeof *b);
		return st;
	}
	return RWKVC_STATUS_OK;
}

void vk_buffer_destroy(struct vk_device *d, struct vk_buffer *b)
{
	if (b->buffer)
		vkDestroyBuffer(d->device, b->buffer, NULL);
	vk_memory_free(d, b->memory, b->allocated);
	memset(b, 0, sizeof *b);
}

struct vk_range vk_range_of(const struct vk_buffer *b)
{
	return (struct vk_range){ .buf = b, .offset = 0, .size = b->size };
}

struct vk_range vk_subrange(struct vk_range r, VkDeviceSize offset, VkDeviceSize size)
{
	assert(offset <= r.size && size <= r.size - offset);
	return (struct vk_range){ .buf = r.buf, .offset = r.offset + offset, .size = size };
}

enum rwkvc_status vk_arena_create(struct err *e, struct vk_device *d, VkDeviceSize size,
				  enum vk_memory kind, const char *name, struct vk_arena *out_arena)
{
	memset(out_arena, 0, sizeof *out_arena);
	out_arena->align = d->align;
	return vk_buffer_create(e, d, size, kind, name, &out_arena->buf);
}

enum rwkvc_status vk_arena_alloc(struct err *e, struct vk_arena *a, VkDeviceSize size,
				 const char *what, struct vk_range *out_range)
{
	VkDeviceSize at = (a->used + a->align - 1) / a->align * a->align;
	if (size == 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "arena '%s': 0 bytes asked for '%s'",
			       a->buf.name, what);
	if (at > a->buf.size || size > a->buf.size - at)
		return err_set(e, RWKVC_STATUS_NO_MEMORY,
			       "arena '%s': %llu bytes for '%s' do not fit (%llu of %llu used)",
			       a->buf.name, (unsigned long long)size, what,
			       (unsigned long long)a->used, (unsigned long long)a->buf.size);
	a->used = at + size;
	*out_range = (struct vk_range){ .buf = &a->buf, .offset = at, .size = size };
	return RWKVC_STATUS_OK;
}

void vk_arena_destroy(struct vk_device *d, struct vk_arena *a)
{
	vk_buffer_destroy(d, &a->buf);
	a->used = 0;
}
