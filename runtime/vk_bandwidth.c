/*
 * vk_bandwidth.c - how fast this device streams memory: the physical limit a
 * decode step is measured against (bytes read per token / read bandwidth).
 *
 * A kernel reads a buffer of device memory once, 16 bytes per load with
 * consecutive invocations on consecutive addresses, folding the words so the
 * reads cannot be optimised away; GPU timestamps time it (best of several
 * runs, after a warm-up), so submit overhead is not counted.
 */
#include <string.h>

#include "base/mem.h"
#include "codegen/glsl_compile.h"
#include "vk_bandwidth.h"

static const char READ_GLSL[] =
	"#version 450\n"
	"layout(local_size_x = 256) in;\n"
	"layout(push_constant) uniform Push { uint n; } pc;\n"
	"layout(std430, set = 0, binding = 0) readonly buffer A { uvec4 a[]; };\n"
	"layout(std430, set = 0, binding = 1) writeonly buffer B { uint b[]; };\n"
	"void main() {\n"
	"    uint stride = gl_NumWorkGroups.x * 256u;\n"
	"    uint acc = 0u;\n"
	"    for (uint i = gl_GlobalInvocationID.x; i < pc.n; i += stride) {\n"
	"        uvec4 v = a[i];\n"
	"        acc ^= v.x ^ v.y ^ v.z ^ v.w;\n"
	"    }\n"
	"    b[gl_GlobalInvocationID.x] = acc;\n"
	"}\n";

enum { GROUPS = 4096, RUNS = 8 };

struct bench_objects {
	struct vk_buffer src, dst;
	struct vk_pipeline pipe;
	struct vk_descriptor_pool pool;
	struct vk_program *prog;
};

static void release(struct vk_device *d, struct bench_objects *o)
{
	vk_program_destroy(o->prog);
	vk_descriptor_pool_destroy(d, &o->pool);
	vk_pipeline_destroy(d, &o->pipe);
	vk_buffer_destroy(d, &o->src);
	vk_buffer_destroy(d, &o->dst);
}

static enum rwkvc_status build(struct err *e, struct vk_device *d, VkDeviceSize bytes, struct bench_objects *o)
{
	TRY(vk_buffer_create(e, d, bytes, VK_MEMORY_DEVICE, "bandwidth source", &o->src));
	TRY(vk_buffer_create(e, d, (VkDeviceSize)GROUPS * 256 * 4, VK_MEMORY_DEVICE, "bandwidth sink", &o->dst));
	TRY(vk_fill(e, d, vk_range_of(&o->src), 0x9e3779b9u));
	uint32_t *words;
	size_t n;
	TRY(glsl_compile(e, READ_GLSL, "bandwidth", NULL, &words, &n));
	struct vk_pipeline_desc pd = { .name = "bandwidth", .spirv = words, .n_words = n, .n_buffers = 2, .push_bytes = 4 };
	enum rwkvc_status st = vk_pipeline_create(e, d, &pd, &o->pipe);
	mem_free(words);
	TRY(st);
	TRY(vk_descriptor_pool_create(e, d, 1, 2, &o->pool));
	struct vk_range ranges[2] = { vk_range_of(&o->src), vk_range_of(&o->dst) };
	VkDescriptorSet set;
	TRY(vk_descriptor_set_create(e, d, &o->pool, &o->pipe, ranges, &set));
	TRY(vk_program_create(e, d, "bandwidth", VK_PROGRAM_TIMESTAMPS, &o->prog));
	uint32_t groups[3] = { GROUPS, 1, 1 };
	uint32_t push = (uint32_t)(bytes / 16);
	TRY(vk_program_dispatch(e, o->prog, &o->pipe, set, groups, &push, "read"));
	return vk_program_record(e, o->prog);
}

enum rwkvc_status vk_measure_bandwidth(struct err *e, struct vk_device *d, double *out_gbps)
{
	*out_gbps = 0;
	VkDeviceSize bytes = (VkDeviceSize)1 << 30;
	if (d->caps.max_storage_buffer_range && bytes > d->caps.max_storage_buffer_range)
		bytes = d->caps.max_storage_buffer_range / 16 * 16;
	if (bytes / 16 > 0xffffffffu)
		bytes = (VkDeviceSize)0xffffffffu * 16;
	if (!d->caps.timestamp_valid_bits)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s has no GPU timestamps to time a read with",
			       d->caps.props.deviceName);
	struct bench_objects o;
	memset(&o, 0, sizeof o);
	enum rwkvc_status st = build(e, d, bytes, &o);
	double best = 0;
	for (int r = 0; r <= RUNS && !st; r++) {
		double us;
		st = vk_program_run(e, o.prog);
		if (!st)
			st = vk_program_timings(e, o.prog, &us, NULL, 1);
		if (!st && r > 0 && us > 0 && (best == 0 || us < best)) /* run 0 warms caches and clocks */
			best = us;
	}
	release(d, &o);
	if (!st)
		*out_gbps = best > 0 ? (double)bytes / (best * 1e-6) / 1e9 : 0;
	return st;
}
