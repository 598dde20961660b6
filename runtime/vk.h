/*
 * vk.h - the Vulkan runtime underneath the model executor (internal).
 *
 * What it offers, and the rules it keeps:
 *
 *   device    vk_device_create picks a physical device (discrete GPU, then
 *             integrated/virtual, then CPU; RWKVC_DEVICE=N overrides), enables
 *             the features the kernels use and, with RWKVC_VALIDATE=1, the
 *             Khronos validation layer with synchronization validation. Every
 *             validation warning or error is counted in the device.
 *   memory    buffers in device, upload, staging or readback memory; an arena
 *             (one buffer, bump sub-allocation at vk_device.align); vk_range =
 *             (buffer, offset, size), the unit bound to a shader. A binding may
 *             not exceed maxStorageBufferRange (128 MiB on lavapipe): bind
 *             sub-ranges. Every vkAllocateMemory asks fault_device_alloc_should_fail().
 *   transfer  vk_upload / vk_download / vk_fill through a bounded two-slot
 *             staging ring (vk_device_options.staging_bytes), so a multi-GB
 *             upload needs no multi-GB staging buffer.
 *   pipeline  compute pipeline from SPIR-V, N storage buffers at set 0 binding
 *             0..N-1, a push-constant block, specialization constants
 *             (constant_id i = spec[i]), an optional required subgroup size.
 *             Descriptor sets are written once (vk_descriptor_set_create) and
 *             never updated.
 *   program   a list of dispatches (and copies) with a global memory barrier
 *             wherever the caller puts one, recorded ONCE into a command buffer
 *             and replayed by vk_program_run: one vkQueueSubmit, no per-dispatch
 *             CPU work. Optional timestamps per dispatch.
 *
 * Counters (vk_device.counters) let tests assert what a step cost: a decode
 * step must be 1 submit and 0 recordings.
 *
 * Threads: a vk_device and everything made from it are used by one thread at
 * a time (one command pool, one queue). Errors: every fallible function
 * returns an rwkvc_status and leaves the message in `e`; VkResult codes map
 * through vk_fail (vk_result.c): DEVICE_LOST, NO_MEMORY, else VULKAN.
 * Ownership: *_create fills a caller-provided struct (or returns a pointer:
 * vk_device, vk_instance, vk_program) that the matching *_destroy releases;
 * destroy functions accept zeroed structs and NULL, so cleanup paths need no
 * flags.
 */
#ifndef RWKVC_RUNTIME_VK_H
#define RWKVC_RUNTIME_VK_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vulkan/vulkan.h>

#include "base/err.h"

/* ------------------------------------------------------------------------ */
/* VkResult -> rwkvc_status (vk_result.c, the only place that maps them)     */

/* DEVICE_LOST for VK_ERROR_DEVICE_LOST, NO_MEMORY for the OUT_OF_*_MEMORY
 * codes, VULKAN for the rest. */
enum rwkvc_status vk_status_of(VkResult r);
/* "VK_ERROR_DEVICE_LOST"; "VkResult <n>" for codes the table lacks. */
const char *vk_result_name(VkResult r);
/* Records "<context>: VK_ERROR_..." with the mapped status and returns it. */
enum rwkvc_status vk_fail(struct err *e, VkResult r, const char *fmt, ...) ERR_PRINTF(3, 4);

/* Returns from the caller with vk_fail(...) when `call` does not return VK_SUCCESS. */
#define VK_TRY(e, call, ...)                                    \
	do {                                                    \
		VkResult vk_try_r_ = (call);                    \
		if (vk_try_r_ != VK_SUCCESS)                    \
			return vk_fail((e), vk_try_r_, __VA_ARGS__); \
	} while (0)

/* ------------------------------------------------------------------------ */
/* Instance, validation messages, physical devices (vk_instance.c, vk_caps.c) */

enum { VK_LOG_KEEP = 8, VK_LOG_MSG_LEN = 400 };

/* Validation messages (warnings and errors) as the debug messenger sees them. */
struct vk_message_log {
	pthread_mutex_t lock; /* the layer may call back from any thread */
	uint64_t count;       /* warnings + errors since creation or reset */
	uint64_t n_errors;
	char last[VK_LOG_KEEP][VK_LOG_MSG_LEN]; /* ring of the latest messages */
	unsigned next;
	bool echo; /* also print each one on stderr as it arrives */
};

struct vk_instance {
	VkInstance instance;
	uint32_t api_version; /* what was requested: 1.3 where the loader has it, else 1.2 */
	bool validation;      /* the Khronos layer with synchronization validation is on */
	VkDebugUtilsMessengerEXT messenger;
	PFN_vkDestroyDebugUtilsMessengerEXT destroy_messenger;
	PFN_vkSetDebugUtilsObjectNameEXT set_object_name; /* with validation only */
	struct vk_message_log log;
};

/* Creates an instance; `validate` turns on the validation layer (fails with
 * UNSUPPORTED and a hint when it is not installed). Owned by the caller:
 * vk_instance_destroy. Errors: UNSUPPORTED (no Vulkan, loader < 1.2, missing
 * layer), NO_MEMORY, VULKAN. */
enum rwkvc_status vk_instance_create(struct err *e, bool validate, bool echo,
				     struct vk_instance **out_inst);
void vk_instance_destroy(struct vk_instance *inst);

/* What rwkvc needs to know about a physical device. */
struct vk_caps {
	VkPhysicalDeviceProperties props; /* name, type, apiVersion, limits */
	uint32_t api_version; /* usable version: min(device, instance) */
	char driver_name[VK_MAX_DRIVER_NAME_SIZE];
	char driver_info[VK_MAX_DRIVER_INFO_SIZE];
	VkDriverId driver_id;
	/* subgroups */
	uint32_t subgroup_size; /* the default size */
	uint32_t subgroup_min, subgroup_max; /* the range a pipeline may require */
	VkSubgroupFeatureFlags subgroup_ops; /* in compute shaders */
	bool subgroup_size_control;          /* a pipeline may require a size */
	bool compute_full_subgroups;
	bool subgroup_size_control_ext;      /* via VK_EXT_subgroup_size_control (Vulkan 1.2) */
	/* arithmetic and storage types */
	bool float16, int8, int16, int64;
	bool storage_16bit, storage_8bit; /* 16/8-bit types in storage buffers */
	bool push_constant_16bit;
	bool buffer_device_address;
	bool int_dot_4x8_accelerated; /* packed int8 dot product in hardware */
	bool float32_atomic_add;      /* VK_EXT_shader_atomic_float, buffers */
	bool coopmat_nv, coopmat_khr, coopmat2_nv; /* cooperative matrix extensions */
	bool coopmat_nv_feature;                  /* ...and the NV one's feature bit */
	/* limits used by codegen and memory planning */
	uint64_t max_storage_buffer_range, max_memory_allocation, max_buffer_size;
	uint64_t device_local_bytes; /* largest device-local heap */
	uint32_t max_shared_memory, max_workgroup_invocations, max_push_constants;
	uint32_t max_workgroup_size[3], max_workgroup_count[3];
	uint64_t min_storage_offset_align;
	float timestamp_period;        /* ns per tick */
	uint32_t timestamp_valid_bits; /* of the chosen queue family; 0: no timestamps */
	uint32_t queue_family;         /* the compute queue family rwkvc would use */
	bool usable;                   /* Vulkan >= 1.2 and a compute queue */
	char unusable_why[96];
};

/* The instance's physical devices in enumeration order (RWKVC_DEVICE counts
 * in this order). *out_devs is freed with mem_free. */
enum rwkvc_status vk_physical_devices(struct err *e, struct vk_instance *inst,
				      VkPhysicalDevice **out_devs, uint32_t *out_n);
/* Queries everything in struct vk_caps. Errors: NO_MEMORY, VULKAN. */
enum rwkvc_status vk_caps_query(struct err *e, struct vk_instance *inst, VkPhysicalDevice pd,
				struct vk_caps *out_caps);
/* "discrete GPU", "integrated GPU", "virtual GPU", "CPU", "other". */
const char *vk_device_type_name(VkPhysicalDeviceType t);

/* Picks one of `n` devices: `requested` >= 0 names it (an error when out of
 * range or unusable), VK_DEVICE_INDEX_AUTO takes the best type (discrete, integrated, virtual,
 * CPU; first of equals). Writes the index and a one-line reason ("device 0
 * 'llvmpipe ...' (CPU): the only usable device of 1"). Errors: BAD_ARGUMENT,
 * UNSUPPORTED (nothing usable). */
enum rwkvc_status vk_pick_device(struct err *e, const struct vk_caps *caps, uint32_t n,
				 int requested, int *out_index, char *out_why, size_t why_cap);

/* ------------------------------------------------------------------------ */
/* Device (vk_device.c)                                                      */

enum { VK_DEVICE_INDEX_AUTO = -1, VK_DEVICE_INDEX_INVALID = -2 };

struct vk_device_options {
	int validate;         /* 1 on, 0 off; vk_device_options_default reads RWKVC_VALIDATE */
	int index;            /* device to use, VK_DEVICE_INDEX_AUTO: the best; the default
				 reads RWKVC_DEVICE (VK_DEVICE_INDEX_INVALID when it is not a
				 number, so that creation fails and says so) */
	size_t staging_bytes; /* staging ring for uploads/downloads; 0: 64 MiB */
	int spin;             /* fence waits spin first: -1 on GPUs only (default), 0 never,
				 1 always; the default reads RWKVC_SPIN=0/1 */
	bool verbose;         /* say which device was chosen, echo validation messages */
};

/* Defaults from the environment: RWKVC_VALIDATE=1, RWKVC_DEVICE=N, RWKVC_SPIN=0|1. */
struct vk_device_options vk_device_options_default(void);

struct vk_counters {
	uint64_t submits;       /* vkQueueSubmit calls */
	uint64_t recordings;    /* command buffers recorded (programs and transfers) */
	uint64_t allocations;   /* live vkAllocateMemory blocks */
	uint64_t bytes_allocated; /* live device memory, all kinds */
	uint64_t bytes_uploaded, bytes_downloaded;
};

/* Memory type indices chosen for each kind of buffer (see enum vk_memory). */
struct vk_memory_types {
	uint32_t device, upload, staging, readback;
};

struct vk_transfer; /* the staging ring, vk_transfer.c */

struct vk_device {
	struct vk_instance *inst;
	VkPhysicalDevice phys;
	struct vk_caps caps;
	int index;       /* in vk_physical_devices order */
	char choice[192]; /* why this device (vk_pick_device) */
	VkDevice device;
	VkQueue queue;
	VkPhysicalDeviceMemoryProperties memory;
	struct vk_memory_types types;
	VkCommandPool pool; /* programs and transfers; RESET_COMMAND_BUFFER */
	VkPipelineCache pipeline_cache;
	VkDeviceSize align; /* sub-allocation alignment: max(minStorageBufferOffsetAlignment, 256) */
	bool storage_16bit, float16, storage_8bit, int8; /* enabled features */
	bool subgroup_size_control; /* enabled (core 1.3 or the extension) */
	bool coopmat_nv;            /* VK_NV_cooperative_matrix enabled */
	bool spin_wait; /* spin on fences before sleeping: GPUs yes, CPU devices no */
	bool lost;      /* a submit or wait saw VK_ERROR_DEVICE_LOST (or an injected one) */
	size_t staging_bytes;
	struct vk_transfer *xfer; /* created on first transfer */
	struct vk_counters counters;
};

/* Creates the instance and the logical device. Owned by the caller:
 * vk_device_destroy. Errors: UNSUPPORTED, BAD_ARGUMENT (RWKVC_DEVICE out of
 * range), NO_MEMORY, VULKAN. */
enum rwkvc_status vk_device_create(struct err *e, const struct vk_device_options *opts,
				   struct vk_device **out_dev);
/* Waits for the device to go idle, then frees it. Everything made from it
 * (buffers, pipelines, programs) must be destroyed first. NULL is fine. */
void vk_device_destroy(struct vk_device *d);

/* Validation messages counted since creation or the last reset (0 when
 * validation is off), and the i-th most recent one (i = 0: the last). */
uint64_t vk_device_message_count(struct vk_device *d);
const char *vk_device_message(struct vk_device *d, unsigned i, char *buf, size_t cap);
void vk_device_messages_reset(struct vk_device *d);
/* Validation messages of every instance this process has made, destroyed ones
 * included, with the text of the latest: what a test checks after a failed
 * load, whose device is gone before anyone could ask it (leaks of Vulkan
 * objects are reported while the device is destroyed). */
uint64_t vk_messages_total(char *last, size_t cap);
/* Turns echoing of validation messages to stderr on or off (e.g. around a
 * test that provokes them); returns the previous setting. */
bool vk_device_messages_echo(struct vk_device *d, bool on);

/* ------------------------------------------------------------------------ */
/* Memory (vk_memory.c)                                                      */

enum vk_memory {
	VK_MEMORY_DEVICE,   /* device-local; reached by transfers only */
	VK_MEMORY_UPLOAD,   /* host-written each step (token ids, params), read by shaders:
			       host-visible + coherent, device-local (BAR) where possible */
	VK_MEMORY_STAGING,  /* host-visible + coherent, in host RAM: transfer sources */
	VK_MEMORY_READBACK, /* host-visible + coherent, cached where possible: results */
};

struct vk_buffer {
	VkBuffer buffer;
	VkDeviceMemory memory;
	VkDeviceSize size;
	VkDeviceSize allocated; /* device memory behind it (the driver may round up) */
	void *mapped; /* host-visible kinds: mapped for the buffer's life */
	enum vk_memory kind;
	char name[48];
};

/* A buffer usable as storage buffer and as transfer source and destination.
 * Errors: NO_MEMORY (also for injected faults), UNSUPPORTED (size above
 * maxMemoryAllocationSize or maxBufferSize: split it), VULKAN. */
enum rwkvc_status vk_buffer_create(struct err *e, struct vk_device *d, VkDeviceSize size,
				   enum vk_memory kind, const char *name, struct vk_buffer *out_buf);
void vk_buffer_destroy(struct vk_device *d, struct vk_buffer *b);

/* What a shader binding sees: `size` bytes of `buf` from `offset`. It points at
 * the vk_buffer struct: that struct must not move (realloc) while ranges of it
 * are in use. */
struct vk_range {
	const struct vk_buffer *buf;
	VkDeviceSize offset, size;
};

/* The whole buffer as a range. */
struct vk_range vk_range_of(const struct vk_buffer *b);
/* `size` bytes at `offset` within `r` (asserts it fits). */
struct vk_range vk_subrange(struct vk_range r, VkDeviceSize offset, VkDeviceSize size);

/* One buffer sub-allocated by a bump pointer at vk_device.align: the memory
 * planner's offsets, or weights placed one after another. */
struct vk_arena {
	struct vk_buffer buf;
	VkDeviceSize used;
	VkDeviceSize align;
};

enum rwkvc_status vk_arena_create(struct err *e, struct vk_device *d, VkDeviceSize size,
				  enum vk_memory kind, const char *name, struct vk_arena *out_arena);
/* The next `size` bytes, aligned. Errors: NO_MEMORY when the arena is full
 * (the message names the arena, what was asked and what is left). */
enum rwkvc_status vk_arena_alloc(struct err *e, struct vk_arena *a, VkDeviceSize size,
				 const char *what, struct vk_range *out_range);
void vk_arena_destroy(struct vk_device *d, struct vk_arena *a);

/* ------------------------------------------------------------------------ */
/* Transfers through the staging ring (vk_transfer.c). Each call waits until  */
/* its work is done; the device may hold work of earlier programs in flight.  */

/* Copies `n` bytes from host memory into `dst` (n <= dst.size). */
enum rwkvc_status vk_upload(struct err *e, struct vk_device *d, struct vk_range dst,
			    const void *src, size_t n);
/* Copies `n` bytes of `src` into host memory (n <= src.size). */
enum rwkvc_status vk_download(struct err *e, struct vk_device *d, struct vk_range src, void *dst,
			      size_t n);
/* Fills `dst` (size a multiple of 4) with a 32-bit pattern (0: zeroes, a state reset). */
enum rwkvc_status vk_fill(struct err *e, struct vk_device *d, struct vk_range dst,
			  uint32_t pattern);
/* Frees the staging ring (it is made again on demand). */
void vk_transfer_release(struct vk_device *d);

/* ------------------------------------------------------------------------ */
/* Pipelines and descriptor sets (vk_pipeline.c)                             */

enum { VK_MAX_BINDINGS = 32, VK_MAX_PUSH_BYTES = 128, VK_MAX_SPEC = 32 };

struct vk_pipeline_desc {
	const char *name; /* for messages and profiles: "wkv7_decode" */
	const uint32_t *spirv;
	size_t n_words;
	uint32_t n_buffers;  /* storage buffers at set 0, bindings 0..n_buffers-1 */
	uint32_t push_bytes; /* push-constant block size, multiple of 4, <= 128 */
	const uint32_t *spec; /* constant_id i = spec[i] (floats as their bits) */
	uint32_t n_spec;
	uint32_t subgroup_size; /* required subgroup size; 0: the driver's choice */
	bool full_subgroups;    /* every subgroup full (needs local_size_x % size == 0) */
};

struct vk_pipeline {
	VkDescriptorSetLayout set_layout;
	VkPipelineLayout layout;
	VkPipeline pipeline;
	uint32_t n_buffers, push_bytes;
	char name[48];
};

/* Errors: BAD_ARGUMENT (limits, a subgroup size the device cannot require),
 * NO_MEMORY, VULKAN ("while creating pipeline 'x': VK_ERROR_..."). */
enum rwkvc_status vk_pipeline_create(struct err *e, struct vk_device *d,
				     const struct vk_pipeline_desc *desc, struct vk_pipeline *out_p);
void vk_pipeline_destroy(struct vk_device *d, struct vk_pipeline *p);

/* A pool for exactly the sets a plan needs (sets are never freed singly). */
struct vk_descriptor_pool {
	VkDescriptorPool pool;
	uint32_t max_sets, max_buffers, used_sets, used_buffers;
};

enum rwkvc_status vk_descriptor_pool_create(struct err *e, struct vk_device *d, uint32_t max_sets,
					    uint32_t max_buffers, struct vk_descriptor_pool *out_pool);
void vk_descriptor_pool_destroy(struct vk_device *d, struct vk_descriptor_pool *pool);

/* Allocates a set for `p` and writes buffers[0..p->n_buffers-1] into it, once.
 * Each range must lie inside its buffer, start at a multiple of
 * minStorageBufferOffsetAlignment and span at most maxStorageBufferRange.
 * Errors: BAD_ARGUMENT (naming pipeline, binding and buffer), NO_MEMORY (pool
 * exhausted), VULKAN. */
enum rwkvc_status vk_descriptor_set_create(struct err *e, struct vk_device *d,
					   struct vk_descriptor_pool *pool,
					   const struct vk_pipeline *p, const struct vk_range *buffers,
					   VkDescriptorSet *out_set);

/* ------------------------------------------------------------------------ */
/* Programs: record once, replay (vk_program.c)                              */

enum vk_program_flags {
	VK_PROGRAM_TIMESTAMPS = 1 << 0, /* a timestamp before the first and after each step */
	VK_PROGRAM_SERIALIZE = 1 << 1,  /* a barrier after every dispatch (profiling: exact
					   per-dispatch times, but no overlap) */
	VK_PROGRAM_STAMP_INTERVALS = 1 << 2, /* with TIMESTAMPS: stamp only where a barrier
					   follows (and at the end), so kernels between two
					   barriers overlap as in a normal run; the interval's time
					   goes to its last step, the others get 0 */
};

struct vk_program;

/* An empty program; `name` labels messages. Owned by the caller. */
enum rwkvc_status vk_program_create(struct err *e, struct vk_device *d, const char *name,
				    unsigned flags, struct vk_program **out_prog);
void vk_program_destroy(struct vk_program *prog);

/* Appends a dispatch of groups[0] x groups[1] x groups[2] workgroups of `p`
 * with `set` (made for p) and p->push_bytes bytes of push constants (copied;
 * NULL when p has none). `label` (copied) names it in profiles; NULL: p's name.
 * `p` is read again by vk_program_record, so it must stay put until then; the
 * VkPipeline and the set must live as long as the program. */
enum rwkvc_status vk_program_dispatch(struct err *e, struct vk_program *prog,
				      const struct vk_pipeline *p, VkDescriptorSet set,
				      const uint32_t groups[3], const void *push,
				      const char *label);
/* Appends a buffer copy of `size` bytes from src to dst (within each range). */
enum rwkvc_status vk_program_copy(struct err *e, struct vk_program *prog, struct vk_range src,
				  struct vk_range dst, VkDeviceSize size);
/* Appends one global memory barrier: every shader/transfer write before it is
 * visible to every shader/transfer access after it. Between two steps with no
 * barrier Vulkan gives NO ordering; the caller (the scheduler) decides. Two
 * barriers in a row count as one. */
enum rwkvc_status vk_program_barrier(struct err *e, struct vk_program *prog);

/* Records the command buffer. Once: the program cannot change afterwards.
 * Besides the caller's barriers the buffer opens with one barrier (writes of
 * earlier submissions -> this one) and ends with one (shader/transfer writes
 * -> host reads), so consecutive programs and host reads of mapped buffers
 * need nothing more. */
enum rwkvc_status vk_program_record(struct err *e, struct vk_program *prog);
/* Submits the recorded buffer (one vkQueueSubmit). Host writes to mapped
 * buffers made before this call are seen by the program. Not while the
 * previous submission is still in flight. Errors: DEVICE_LOST, VULKAN. */
enum rwkvc_status vk_program_submit(struct err *e, struct vk_program *prog);
/* Waits for the last submission: spins briefly on GPUs (a sleeping wait adds
 * the OS wake-up to every token), sleeps on CPU devices. No-op when nothing
 * is in flight. Errors: DEVICE_LOST, VULKAN (including a timeout). */
enum rwkvc_status vk_program_wait(struct err *e, struct vk_program *prog);
/* Submit, then wait. */
enum rwkvc_status vk_program_run(struct err *e, struct vk_program *prog);

/* Steps recorded (dispatches + copies). */
uint32_t vk_program_steps(const struct vk_program *prog);
/* After a run with VK_PROGRAM_TIMESTAMPS: out_us[i] = GPU microseconds from
 * the end of step i-1 (the start, for i = 0) to the end of step i, for
 * min(n, steps) steps; labels in out_labels when not NULL (owned by prog).
 * Without VK_PROGRAM_SERIALIZE overlapping steps share their time. Errors:
 * BAD_ARGUMENT (no timestamps), VULKAN. */
enum rwkvc_status vk_program_timings(struct err *e, struct vk_program *prog, double *out_us,
				     const char **out_labels, uint32_t n);

/* ------------------------------------------------------------------------ */
/* Shared by the runtime's own files (vk_submit.c, vk_memory.c, vk_instance.c) */

/* Fills d->types from d->memory (at device creation). */
enum rwkvc_status vk_memory_choose_types(struct err *e, struct vk_device *d);
/* Allocates device memory for `req` from memory type `type` (fault-injectable). */
enum rwkvc_status vk_memory_alloc(struct err *e, struct vk_device *d,
				  const VkMemoryRequirements *req, uint32_t type, const char *what,
				  VkDeviceMemory *out_mem);
void vk_memory_free(struct vk_device *d, VkDeviceMemory mem, VkDeviceSize size);
/* vkQueueSubmit of one command buffer with a fence, counted and fault-injectable. */
enum rwkvc_status vk_queue_submit(struct err *e, struct vk_device *d, VkCommandBuffer cmd,
				  VkFence fence, const char *what);
/* Waits for `fence`. On GPUs it sleeps until shortly before `expected_end_ns`
 * (CLOCK_MONOTONIC; 0: unknown), then spins on vkGetFenceStatus for a short
 * window (a sleeping wait adds the OS wake-up to every token), then sleeps;
 * CPU devices sleep at once (spinning would take a core from the driver).
 * Errors: DEVICE_LOST, VULKAN (including a timeout of 120 s). */
enum rwkvc_status vk_fence_wait(struct err *e, struct vk_device *d, VkFence fence,
				uint64_t expected_end_ns, const char *what);
/* Names a Vulkan object for validation messages ("VkBuffer 0x..[activations]");
 * a no-op without validation. */
void vk_debug_name(struct vk_device *d, VkObjectType type, uint64_t handle, const char *name);
/* An unsignalled fence. */
enum rwkvc_status vk_fence_create(struct err *e, struct vk_device *d, const char *what,
				  VkFence *out_fence);
/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t vk_now_ns(void);
/* Allocates one primary command buffer from the device's pool. */
enum rwkvc_status vk_command_buffer_alloc(struct err *e, struct vk_device *d, const char *what,
					  VkCommandBuffer *out_cmd);
/* One global memory barrier: shader and transfer writes before it -> shader and
 * transfer reads and writes after it. Between steps where the caller asks, and
 * at the start of every recorded buffer (writes of earlier submissions). */
void vk_cmd_barrier_global(VkCommandBuffer cmd);
/* The barrier at the end of a buffer: shader/transfer writes -> host reads. */
void vk_cmd_barrier_to_host(VkCommandBuffer cmd);

#endif
