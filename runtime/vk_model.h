/*
 * vk_model.h - a plan running on a Vulkan device.
 *
 * Creation uploads the weights once (converted to their storage type, matmul
 * weights transposed), compiles every distinct kernel once (through the SPIR-V
 * cache), builds one pipeline per distinct kernel and one descriptor set per
 * dispatch, all written once. A call with T tokens replays a command buffer
 * recorded the first time that T was seen: the CPU writes the token ids into
 * a mapped buffer, submits once, waits, and reads the logits from a mapped
 * buffer. Nothing is recorded or written to descriptors per call.
 *
 * The recurrent state lives on the GPU in one buffer (f32, the flat layout of
 * rwkvc_state_get); vk_model_state_* move it to and from the host.
 */
#ifndef RWKVC_RUNTIME_VK_MODEL_H
#define RWKVC_RUNTIME_VK_MODEL_H

#include <stdbool.h>

#include "passes/plan.h"
#include "passes/plan_file.h"
#include "runtime/weights.h"

struct vk_model;
struct vk_device;

struct vk_model_options {
	int64_t t_max;        /* largest T per call; longer calls are split (0: 16) */
	enum dtype act;       /* activation storage: f32 or f16 */
	enum dtype weight;    /* weight storage: f32 or f16 (the default; see passes/weight_policy.h) */
	enum dtype quant;     /* the matrices: F32, F16, Q8_0, Q4_K, or DTYPE_COUNT (none; note that
				 a zeroed struct says F32) */
	const enum dtype *file_dtype; /* NULL, or [n_tensors]: each weight's type in `w`, so that
					 matrices a GGUF holds quantised stay so */
	bool fuse;            /* run the fusion passes (default off until they exist) */
	bool verbose;
	int progress;         /* progress bar while uploading */
};

/*
 * Builds the plan for `g` and everything it needs on the device. `g` and `w`
 * must outlive the model (weights are read during creation only, but the
 * graph is used throughout). Errors: UNSUPPORTED (no Vulkan device, a kernel
 * the device cannot run), NO_MEMORY, VULKAN, BAD_ARGUMENT.
 */
enum rwkvc_status vk_model_create(struct err *e, const struct graph *g, const struct weight_file *w,
				  const struct vk_model_options *o, struct vk_model **out_model);
/*
 * The same from a loaded plan file: takes pf->plan (pf->plan is emptied,
 * whatever the outcome) and runs it as it is. The plan's graph (pf->plan.g)
 * and `w` must outlive the model. Uses the plan's stored SPIR-V when its
 * codegen target equals the device's, else generates the kernels again (o->verbose
 * says which on stderr); o->t_max, act, weight and fuse are ignored (the plan
 * fixed them). Errors: as vk_model_create, and UNSUPPORTED when the device
 * needs a coarser buffer alignment than the plan was placed with.
 */
enum rwkvc_status vk_model_create_from_plan(struct err *e, struct plan_file *pf, const struct weight_file *w,
					    const struct vk_model_options *o, struct vk_model **out_model);
void vk_model_destroy(struct vk_model *m);
/* True when the failure in `e` was "no usable Vulkan device" (so a caller may fall back to the CPU). */
bool vk_model_no_device(const struct err *e);

/* DEVICE_LOST ("the GPU was lost earlier; load the model again") once a
 * submit or wait on the model's device saw VK_ERROR_DEVICE_LOST, else OK.
 * Every call on the model and on its sessions answers it first, so that after
 * a loss all of them fail alike and none touches the device. */
enum rwkvc_status vk_model_check_lost(struct err *e, const struct vk_model *m);

/* Runs n tokens (split into calls of at most t_max). out: [n, width] when
 * `all`, else [width] (the last row); may be NULL. */
enum rwkvc_status vk_model_eval(struct err *e, struct vk_model *m, const int32_t *tokens, size_t n, bool all,
				float *out);

/* The device-side state as f32, in the flat state layout (n floats). */
enum rwkvc_status vk_model_state_get(struct err *e, struct vk_model *m, float *out, size_t n);
enum rwkvc_status vk_model_state_set(struct err *e, struct vk_model *m, const float *in, size_t n);
enum rwkvc_status vk_model_state_reset(struct err *e, struct vk_model *m);

/* The device's name, for rwkvc_model_info.backend. */
const char *vk_model_device_name(const struct vk_model *m);
/* The device, for tests (counters, validation messages). */
struct vk_device *vk_model_device(struct vk_model *m);
/* Kernels per call, and how many distinct kernels were compiled / read from the cache. */
void vk_model_stats(const struct vk_model *m, int *out_kernels, int *out_compiled, int *out_cached);
/* Times every kernel of a T-token call (see rwkvc_session_profile); the
 * report is a heap string (mem_free). The state buffer is used as scratch:
 * callers save and restore it. */
enum rwkvc_status vk_model_profile(struct err *e, struct vk_model *m, int64_t T, char **out_text);
/* The plan it runs. */
const struct plan *vk_model_plan(const struct vk_model *m);

#endif
