/* vk_program.c - a list of dispatches recorded once into a command buffer, replayed.
 *
 * Building a program only appends plain data; vk_program_record turns it into
 * one command buffer, and every later run is one vkQueueSubmit of that same
 * buffer: no per-dispatch CPU work and no descriptor writes at replay time.
 */
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "runtime/vk.h"

enum step_kind { STEP_DISPATCH, STEP_COPY };

struct step {
	enum step_kind kind;
	bool barrier_before;
	const char *label; /* in prog->arena */
	/* STEP_DISPATCH */
	const struct vk_pipeline *pipeline;
	VkDescriptorSet set;
	uint32_t groups[3];
	const void *push; /* pipeline->push_bytes bytes in prog->arena, or NULL */
	/* STEP_COPY */
	VkBuffer src, dst;
	VkBufferCopy region;
};

struct vk_program {
	struct vk_device *d;
	char name[64];
	unsigned flags;
	struct arena arena; /* labels and push-constant bytes */
	struct step *steps;
	size_t n_steps, cap;
	bool pending_barrier;
	bool recorded, in_flight;
	VkCommandBuffer cmd;
	VkFence fence;
	VkQueryPool queries; /* VK_PROGRAM_TIMESTAMPS: n_steps + 1 stamps */
	uint64_t submitted_at, expected_ns; /* for the fence wait's spin window */
};

enum rwkvc_status vk_program_create(struct err *e, struct vk_device *d, const char *name,
				    unsigned flags, struct vk_program **out_prog)
{
	*out_prog = NULL;
	if ((flags & VK_PROGRAM_TIMESTAMPS) && d->caps.timestamp_valid_bits == 0)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "program '%s': '%s' has no timestamps on its compute queue", name,
			       d->caps.props.deviceName);
	struct vk_program *p = mem_calloc(e, 1, sizeof *p, "program");
	if (!p)
		return e->status;
	p->d = d;
	p->flags = flags;
	snprintf(p->name, sizeof p->name, "%s", name);
	arena_init(&p->arena);
	*out_prog = p;
	return RWKVC_STATUS_OK;
}

void vk_program_destroy(struct vk_program *p)
{
	if (!p)
		return;
	VkDevice dev = p->d->device;
	if (p->in_flight) /* a failed wait; the queue must be idle before the buffer goes */
		vkQueueWaitIdle(p->d->queue);
	if (p->queries)
		vkDestroyQueryPool(dev, p->queries, NULL);
	if (p->fence)
		vkDestroyFence(dev, p->fence, NULL);
	if (p->cmd)
		vkFreeCommandBuffers(dev, p->d->pool, 1, &p->cmd);
	mem_free(p->steps);
	arena_destroy(&p->arena);
	mem_free(p);
}

static enum rwkvc_status new_step(struct err *e, struct vk_program *p, const char *label,
				  struct step **out)
{
	if (p->recorded)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "program '%s' is recorded and cannot change", p->name);
	TRY(mem_grow(e, (void **)&p->steps, &p->cap, p->n_steps + 1, sizeof *p->steps,
		     "program steps"));
	const char *l = arena_strdup(&p->arena, e, label);
	if (!l)
		return e->status;
	struct step *s = &p->steps[p->n_steps];
	memset(s, 0, sizeof *s);
	s->label = l;
	s->barrier_before = p->pending_barrier;
	*out = s;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_program_dispatch(struct err *e, struct vk_program *prog,
				      const struct vk_pipeline *pl, VkDescriptorSet set,
				      const uint32_t groups[3], const void *push,
				      const char *label)
{
	const uint32_t *lim = prog->d->caps.max_workgroup_count;
	for (int i = 0; i < 3; i++)
		if (groups[i] == 0 || groups[i] > lim[i])
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
				       "program '%s', dispatch of '%s': %u x %u x %u workgroups "
				       "(each 1..%u x %u x %u)",
				       prog->name, pl->name, groups[0], groups[1], groups[2], lim[0],
				       lim[1], lim[2]);
	if (!set || (pl->push_bytes && !push))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "program '%s', dispatch of '%s': missing %s", prog->name, pl->name,
			       set ? "push constants" : "descriptor set");
	struct step *s;
	TRY(new_step(e, prog, label ? label : pl->name, &s));
	s->kind = STEP_DISPATCH;
	s->pipeline = pl;
	s->set = set;
	memcpy(s->groups, groups, sizeof s->groups);
	if (pl->push_bytes) {
		void *copy = arena_alloc(&prog->arena, e, pl->push_bytes);
		if (!copy)
			return e->status;
		memcpy(copy, push, pl->push_bytes);
		s->push = copy;
	}
	prog->n_steps++;
	prog->pending_barrier = false;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_program_copy(struct err *e, struct vk_program *prog, struct vk_range src,
				  struct vk_range dst, VkDeviceSize size)
{
	if (!src.buf || !dst.buf || size == 0 || size > src.size || size > dst.size ||
	    src.offset + src.size > src.buf->size || dst.offset + dst.size > dst.buf->size)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "program '%s': copy of %llu bytes does not fit its ranges", prog->name,
			       (unsigned long long)size);
	char label[112];
	snprintf(label, sizeof label, "copy %s -> %s", src.buf->name, dst.buf->name);
	struct step *s;
	TRY(new_step(e, prog, label, &s));
	s->kind = STEP_COPY;
	s->src = src.buf->buffer;
	s->dst = dst.buf->buffer;
	s->region = (VkBufferCopy){ .srcOffset = src.offset, .dstOffset = dst.offset, .size = size };
	prog->n_steps++;
	prog->pending_barrier = false;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_program_barrier(struct err *e, struct vk_program *prog)
{
	if (prog->recorded)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "program '%s' is recorded and cannot change", prog->name);
	prog->pending_barrier = prog->n_steps > 0; /* the opening barrier covers the start */
	return RWKVC_STATUS_OK;
}

uint32_t vk_program_steps(const struct vk_program *prog) { return (uint32_t)prog->n_steps; }

/* Whether step i is followed by a timestamp (see VK_PROGRAM_STAMP_INTERVALS). */
static bool stamped(const struct vk_program *p, size_t i)
{
	if (!(p->flags & VK_PROGRAM_STAMP_INTERVALS) || i + 1 == p->n_steps)
		return true;
	return p->steps[i + 1].barrier_before || (p->flags & VK_PROGRAM_SERIALIZE);
}

static void record_steps(struct vk_program *p)
{
	VkCommandBuffer cmd = p->cmd;
	bool stamps = p->flags & VK_PROGRAM_TIMESTAMPS;
	const struct vk_pipeline *bound = NULL;
	for (size_t i = 0; i < p->n_steps; i++) {
		const struct step *s = &p->steps[i];
		if (s->barrier_before || (i > 0 && (p->flags & VK_PROGRAM_SERIALIZE)))
			vk_cmd_barrier_global(cmd);
		if (s->kind == STEP_DISPATCH) {
			const struct vk_pipeline *pl = s->pipeline;
			if (pl != bound)
				vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pl->pipeline);
			bound = pl;
			vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pl->layout, 0, 1,
						&s->set, 0, NULL);
			if (pl->push_bytes)
				vkCmdPushConstants(cmd, pl->layout, VK_SHADER_STAGE_COMPUTE_BIT, 0,
						   pl->push_bytes, s->push);
			vkCmdDispatch(cmd, s->groups[0], s->groups[1], s->groups[2]);
		} else {
			vkCmdCopyBuffer(cmd, s->src, s->dst, 1, &s->region);
		}
		if (stamps && stamped(p, i))
			vkCmdWriteTimestamp(cmd, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, p->queries,
					    (uint32_t)i + 1);
	}
}

enum rwkvc_status vk_program_record(struct err *e, struct vk_program *p)
{
	struct vk_device *d = p->d;
	if (p->recorded)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "program '%s' is already recorded",
			       p->name);
	TRY(vk_command_buffer_alloc(e, d, p->name, &p->cmd));
	vk_debug_name(d, VK_OBJECT_TYPE_COMMAND_BUFFER, (uint64_t)(uintptr_t)p->cmd, p->name);
	TRY(vk_fence_create(e, d, p->name, &p->fence));
	uint32_t n_stamps = (uint32_t)p->n_steps + 1;
	if (p->flags & VK_PROGRAM_TIMESTAMPS) {
		VkQueryPoolCreateInfo qci = { .sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO,
					      .queryType = VK_QUERY_TYPE_TIMESTAMP,
					      .queryCount = n_stamps };
		VK_TRY(e, vkCreateQueryPool(d->device, &qci, NULL, &p->queries),
		       "while creating the timestamp queries of program '%s'", p->name);
	}
	/* no ONE_TIME_SUBMIT: this buffer is replayed for the program's whole life */
	VkCommandBufferBeginInfo bi = { .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO };
	VK_TRY(e, vkBeginCommandBuffer(p->cmd, &bi), "while recording program '%s'", p->name);
	if (p->queries)
		vkCmdResetQueryPool(p->cmd, p->queries, 0, n_stamps);
	vk_cmd_barrier_global(p->cmd); /* what earlier submissions wrote */
	if (p->queries)
		vkCmdWriteTimestamp(p->cmd, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, p->queries, 0);
	record_steps(p);
	vk_cmd_barrier_to_host(p->cmd);
	VK_TRY(e, vkEndCommandBuffer(p->cmd), "while recording program '%s'", p->name);
	d->counters.recordings++;
	p->recorded = true;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_program_submit(struct err *e, struct vk_program *p)
{
	if (!p->recorded || p->in_flight)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "program '%s': %s", p->name,
			       p->recorded ? "submitted while still running" : "not recorded");
	char what[96];
	snprintf(what, sizeof what, "program '%s'", p->name);
	p->submitted_at = vk_now_ns();
	TRY(vk_queue_submit(e, p->d, p->cmd, p->fence, what));
	p->in_flight = true;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_program_wait(struct err *e, struct vk_program *p)
{
	if (!p->in_flight)
		return RWKVC_STATUS_OK;
	char what[96];
	snprintf(what, sizeof what, "program '%s'", p->name);
	uint64_t expected_end = p->expected_ns ? p->submitted_at + p->expected_ns : 0;
	TRY(vk_fence_wait(e, p->d, p->fence, expected_end, what));
	p->in_flight = false;
	/* a moving average of the run time places the next wait's spin window */
	uint64_t took = vk_now_ns() - p->submitted_at;
	p->expected_ns = p->expected_ns ? (3 * p->expected_ns + took) / 4 : took;
	VK_TRY(e, vkResetFences(p->d->device, 1, &p->fence), "while resetting the fence of %s",
	       what);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status vk_program_run(struct err *e, struct vk_program *prog)
{
	TRY(vk_program_submit(e, prog));
	return vk_program_wait(e, prog);
}

enum rwkvc_status vk_program_timings(struct err *e, struct vk_program *p, double *out_us,
				     const char **out_labels, uint32_t n)
{
	if (!p->queries || p->in_flight || !p->expected_ns)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "program '%s': no timings (%s)", p->name,
			       !p->queries ? "made without VK_PROGRAM_TIMESTAMPS"
					   : "no completed run");
	uint32_t n_stamps = (uint32_t)p->n_steps + 1;
	uint64_t *stamps = mem_calloc(e, n_stamps, sizeof *stamps, "timestamps");
	if (!stamps)
		return e->status;
	/* only the stamps that were written can be read (VK_PROGRAM_STAMP_INTERVALS skips some) */
	VkResult r = VK_SUCCESS;
	for (uint32_t i = 0; i < n_stamps && r == VK_SUCCESS; i++)
		if (i == 0 || stamped(p, i - 1))
			r = vkGetQueryPoolResults(p->d->device, p->queries, i, 1, sizeof *stamps, stamps + i,
						  sizeof *stamps, VK_QUERY_RESULT_64_BIT);
	if (r != VK_SUCCESS) {
		mem_free(stamps);
		return vk_fail(e, r, "while reading the timestamps of program '%s'", p->name);
	}
	uint32_t bits = p->d->caps.timestamp_valid_bits;
	uint64_t mask = bits >= 64 ? ~0ull : (1ull << bits) - 1;
	double ns_per_tick = p->d->caps.timestamp_period;
	uint32_t prev = 0; /* the last stamp written */
	for (uint32_t i = 0; i < n && i < p->n_steps; i++) {
		out_us[i] = 0;
		if (stamped(p, i)) {
			uint64_t dt = ((stamps[i + 1] & mask) - (stamps[prev] & mask)) & mask;
			out_us[i] = (double)dt * ns_per_tick / 1000.0;
			prev = i + 1;
		}
		if (out_labels)
			out_labels[i] = p->steps[i].label;
	}
	mem_free(stamps);
	return RWKVC_STATUS_OK;
}
