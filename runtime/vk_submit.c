/* vk_submit.c - queue submission, fence waits, command buffers and barriers. */
#include <time.h>

#include "base/fault.h"
#include "runtime/vk.h"

enum { WAIT_TIMEOUT_S = 120 };
/* Spin at least this long after the expected end, at most SPIN_MAX_NS. */
#define SPIN_MIN_NS 50000ull
#define SPIN_MAX_NS 2000000ull

uint64_t vk_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

enum rwkvc_status vk_queue_submit(struct err *e, struct vk_device *d, VkCommandBuffer cmd,
				  VkFence fence, const char *what)
{
	if (d->lost)
		return err_set(e, RWKVC_STATUS_DEVICE_LOST,
			       "while submitting %s: the device was lost earlier", what);
	if (fault_submit_should_fail()) {
		d->lost = true;
		return vk_fail(e, VK_ERROR_DEVICE_LOST, "while submitting %s (injected fault)", what);
	}
	VkSubmitInfo si = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
			    .commandBufferCount = 1,
			    .pCommandBuffers = &cmd };
	d->counters.submits++;
	VkResult r = vkQueueSubmit(d->queue, 1, &si, fence);
	if (r == VK_ERROR_DEVICE_LOST)
		d->lost = true;
	return r == VK_SUCCESS ? RWKVC_STATUS_OK : vk_fail(e, r, "while submitting %s", what);
}

static enum rwkvc_status wait_failed(struct err *e, struct vk_device *d, VkResult r,
				     const char *what)
{
	if (r == VK_ERROR_DEVICE_LOST)
		d->lost = true;
	if (r == VK_TIMEOUT)
		return err_set(e, RWKVC_STATUS_VULKAN, "while waiting for %s: not done after %d s",
			       what, WAIT_TIMEOUT_S);
	return vk_fail(e, r, "while waiting for %s", what);
}

/* Spins until the fence signals or `deadline` passes; VK_NOT_READY at the deadline. */
static VkResult spin_until(struct vk_device *d, VkFence fence, uint64_t deadline)
{
	for (;;) {
		VkResult r = vkGetFenceStatus(d->device, fence);
		if (r != VK_NOT_READY || vk_now_ns() >= deadline)
			return r;
		cpu_relax();
	}
}

enum rwkvc_status vk_fence_wait(struct err *e, struct vk_device *d, VkFence fence,
				uint64_t expected_end_ns, const char *what)
{
	VkResult r;
	if (d->spin_wait) {
		uint64_t now = vk_now_ns();
		uint64_t left = expected_end_ns > now ? expected_end_ns - now : 0;
		uint64_t window = SPIN_MIN_NS + left / 8;
		if (window > SPIN_MAX_NS)
			window = SPIN_MAX_NS;
		/* sleep through most of the expected time, spin across its end */
		if (left > window) {
			r = vkWaitForFences(d->device, 1, &fence, VK_TRUE, left - window);
			if (r == VK_SUCCESS)
				return RWKVC_STATUS_OK;
			if (r != VK_TIMEOUT)
				return wait_failed(e, d, r, what);
		}
		r = spin_until(d, fence, vk_now_ns() + 2 * window);
		if (r == VK_SUCCESS)
			return RWKVC_STATUS_OK;
		if (r != VK_NOT_READY)
			return wait_failed(e, d, r, what);
	}
	r = vkWaitForFences(d->device, 1, &fence, VK_TRUE, WAIT_TIMEOUT_S * 1000000000ull);
	return r == VK_SUCCESS ? RWKVC_STATUS_OK : wait_failed(e, d, r, what);
}

enum rwkvc_status vk_fence_create(struct err *e, struct vk_device *d, const char *what,
				  VkFence *out_fence)
{
	VkFenceCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO };
	VK_TRY(e, vkCreateFence(d->device, &ci, NULL, out_fence), "while creating a fence for %s",
	       what);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_command_buffer_alloc(struct err *e, struct vk_device *d, const char *what,
					  VkCommandBuffer *out_cmd)
{
	VkCommandBufferAllocateInfo ai = { .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
					   .commandPool = d->pool,
					   .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY,
					   .commandBufferCount = 1 };
	VK_TRY(e, vkAllocateCommandBuffers(d->device, &ai, out_cmd),
	       "while allocating a command buffer for %s", what);
	return RWKVC_STATUS_OK;
}

static void memory_barrier(VkCommandBuffer cmd, VkPipelineStageFlags src, VkAccessFlags src_access,
			   VkPipelineStageFlags dst, VkAccessFlags dst_access)
{
	VkMemoryBarrier mb = { .sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER,
			       .srcAccessMask = src_access,
			       .dstAccessMask = dst_access };
	vkCmdPipelineBarrier(cmd, src, dst, 0, 1, &mb, 0, NULL, 0, NULL);
}

#define STEP_STAGES (VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT)
#define STEP_WRITES (VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT)
#define STEP_ACCESSES (VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | \
		       VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT)

void vk_cmd_barrier_global(VkCommandBuffer cmd)
{
	memory_barrier(cmd, STEP_STAGES, STEP_WRITES, STEP_STAGES, STEP_ACCESSES);
}

void vk_cmd_barrier_to_host(VkCommandBuffer cmd)
{
	memory_barrier(cmd, STEP_STAGES, STEP_WRITES, VK_PIPELINE_STAGE_HOST_BIT,
		       VK_ACCESS_HOST_READ_BIT);
}
