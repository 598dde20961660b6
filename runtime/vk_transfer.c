/* vk_transfer.c - uploads, downloads and fills through a two-slot staging ring.
 *
 * The ring is two host-visible buffers of staging_bytes/2 each. While the GPU
 * copies one slot the host fills (or drains) the other, so a multi-GB upload
 * streams through a few MiB of staging at close to memcpy speed.
 */
#include <stdint.h>
#include <string.h>

#include "base/mem.h"
#include "runtime/vk.h"

enum { N_SLOTS = 2, SLOT_ALIGN = 256 };

struct slot {
	struct vk_buffer buf;
	VkCommandBuffer cmd;
	VkFence fence;
	bool busy;
	/* a download's destination, filled from buf once the copy is done */
	void *pending_dst;
	size_t pending_n;
};

struct vk_transfer {
	struct slot slots[N_SLOTS];
	size_t slot_bytes;
};

void vk_transfer_release(struct vk_device *d)
{
	struct vk_transfer *x = d->xfer;
	if (!x)
		return;
	vkQueueWaitIdle(d->queue); /* a failed wait can leave a slot in flight */
	for (int i = 0; i < N_SLOTS; i++) {
		struct slot *s = &x->slots[i];
		if (s->fence)
			vkDestroyFence(d->device, s->fence, NULL);
		if (s->cmd)
			vkFreeCommandBuffers(d->device, d->pool, 1, &s->cmd);
		vk_buffer_destroy(d, &s->buf);
	}
	mem_free(x);
	d->xfer = NULL;
}

static enum rwkvc_status ensure_ring(struct err *e, struct vk_device *d)
{
	if (d->xfer)
		return RWKVC_STATUS_OK;
	struct vk_transfer *x = mem_calloc(e, 1, sizeof *x, "staging ring");
	if (!x)
		return e->status;
	d->xfer = x;
	x->slot_bytes = d->staging_bytes / N_SLOTS / SLOT_ALIGN * SLOT_ALIGN;
	if (x->slot_bytes < SLOT_ALIGN)
		x->slot_bytes = SLOT_ALIGN;
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (int i = 0; st == RWKVC_STATUS_OK && i < N_SLOTS; i++) {
		struct slot *s = &x->slots[i];
		st = vk_buffer_create(e, d, x->slot_bytes, VK_MEMORY_STAGING, "staging ring", &s->buf);
		if (st == RWKVC_STATUS_OK)
			st = vk_command_buffer_alloc(e, d, "transfers", &s->cmd);
		if (st == RWKVC_STATUS_OK)
			st = vk_fence_create(e, d, "transfers", &s->fence);
	}
	if (st != RWKVC_STATUS_OK)
		vk_transfer_release(d);
	return st;
}

/* Waits for the slot's copy, then hands a download's bytes to their destination. */
static enum rwkvc_status slot_wait(struct err *e, struct vk_device *d, struct slot *s)
{
	if (!s->busy)
		return RWKVC_STATUS_OK;
	TRY(vk_fence_wait(e, d, s->fence, 0, "a transfer"));
	s->busy = false;
	VK_TRY(e, vkResetFences(d->device, 1, &s->fence), "while resetting a transfer fence");
	if (s->pending_dst)
		memcpy(s->pending_dst, s->buf.mapped, s->pending_n);
	s->pending_dst = NULL;
	return RWKVC_STATUS_OK;
}

/* Waits for every slot. After a failure the ring is left reusable: the queue
 * is drained and whatever was in flight is forgotten. */
static enum rwkvc_status drain(struct err *e, struct vk_device *d, enum rwkvc_status st)
{
	for (int i = 0; i < N_SLOTS && st == RWKVC_STATUS_OK; i++)
		st = slot_wait(e, d, &d->xfer->slots[i]);
	if (st == RWKVC_STATUS_OK)
		return st;
	vkQueueWaitIdle(d->queue);
	for (int i = 0; i < N_SLOTS; i++) {
		struct slot *s = &d->xfer->slots[i];
		if (s->busy)
			vkResetFences(d->device, 1, &s->fence);
		s->busy = false;
		s->pending_dst = NULL;
	}
	return st;
}

static enum rwkvc_status slot_begin(struct err *e, struct vk_device *d, struct slot *s)
{
	VkCommandBufferBeginInfo bi = { .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
					.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT };
	VK_TRY(e, vkBeginCommandBuffer(s->cmd, &bi), "while recording a transfer");
	d->counters.recordings++;
	vk_cmd_barrier_global(s->cmd); /* after the writes and reads of earlier work */
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status slot_submit(struct err *e, struct vk_device *d, struct slot *s)
{
	VK_TRY(e, vkEndCommandBuffer(s->cmd), "while recording a transfer");
	TRY(vk_queue_submit(e, d, s->cmd, s->fence, "a transfer"));
	s->busy = true;
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status check_range(struct err *e, struct vk_range r, size_t n, const char *verb)
{
	if (!r.buf || !r.buf->buffer)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s: no buffer", verb);
	if (r.offset > r.buf->size || r.size > r.buf->size - r.offset || n > r.size)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "%s %zu bytes at [%llu, +%llu) of buffer '%s' (%llu bytes): out of range",
			       verb, n, (unsigned long long)r.offset, (unsigned long long)r.size,
			       r.buf->name, (unsigned long long)r.buf->size);
	return RWKVC_STATUS_OK;
}

/* Streams n bytes between host memory and `r` through the ring, in either
 * direction. Uploads copy into a slot before its GPU copy; downloads hand a
 * slot's bytes over when the slot is next waited for. */
static enum rwkvc_status stream(struct err *e, struct vk_device *d, struct vk_range r, char *host,
				size_t n, bool up)
{
	TRY(check_range(e, r, n, up ? "upload" : "download"));
	TRY(ensure_ring(e, d));
	struct vk_transfer *x = d->xfer;
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (size_t pos = 0, i = 0; st == RWKVC_STATUS_OK && pos < n; pos += x->slot_bytes, i++) {
		struct slot *s = &x->slots[i % N_SLOTS];
		size_t chunk = n - pos < x->slot_bytes ? n - pos : x->slot_bytes;
		st = slot_wait(e, d, s);
		if (st == RWKVC_STATUS_OK && up)
			memcpy(s->buf.mapped, host + pos, chunk);
		if (st == RWKVC_STATUS_OK)
			st = slot_begin(e, d, s);
		if (st == RWKVC_STATUS_OK) {
			VkBufferCopy c = { .srcOffset = up ? 0 : r.offset + pos,
					   .dstOffset = up ? r.offset + pos : 0,
					   .size = chunk };
			vkCmdCopyBuffer(s->cmd, up ? s->buf.buffer : r.buf->buffer,
					up ? r.buf->buffer : s->buf.buffer, 1, &c);
			if (!up)
				vk_cmd_barrier_to_host(s->cmd);
			st = slot_submit(e, d, s);
		}
		if (st == RWKVC_STATUS_OK && !up) {
			s->pending_dst = host + pos;
			s->pending_n = chunk;
		}
	}
	st = drain(e, d, st);
	if (st != RWKVC_STATUS_OK)
		return err_context(e, "while %s '%s'", up ? "uploading to" : "downloading from",
				   r.buf->name);
	*(up ? &d->counters.bytes_uploaded : &d->counters.bytes_downloaded) += n;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_upload(struct err *e, struct vk_device *d, struct vk_range dst,
			    const void *src, size_t n)
{
	/* stream() only reads host memory when uploading */
	return stream(e, d, dst, (char *)(uintptr_t)src, n, true);
}

enum rwkvc_status vk_download(struct err *e, struct vk_device *d, struct vk_range src, void *dst,
			      size_t n)
{
	return stream(e, d, src, dst, n, false);
}

enum rwkvc_status vk_fill(struct err *e, struct vk_device *d, struct vk_range dst,
			  uint32_t pattern)
{
	TRY(check_range(e, dst, dst.size, "fill"));
	if (dst.offset % 4 || dst.size % 4)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "fill of buffer '%s': offset %llu and size %llu must be multiples of 4",
			       dst.buf->name, (unsigned long long)dst.offset,
			       (unsigned long long)dst.size);
	TRY(ensure_ring(e, d));
	struct slot *s = &d->xfer->slots[0];
	enum rwkvc_status st = slot_wait(e, d, s);
	if (st == RWKVC_STATUS_OK)
		st = slot_begin(e, d, s);
	if (st == RWKVC_STATUS_OK) {
		vkCmdFillBuffer(s->cmd, dst.buf->buffer, dst.offset, dst.size, pattern);
		st = slot_submit(e, d, s);
	}
	st = drain(e, d, st);
	return st == RWKVC_STATUS_OK ? st : err_context(e, "while filling '%s'", dst.buf->name);
}
