/* vk_model_internal.h - what the files behind vk_model.h share. */
#ifndef RWKVC_RUNTIME_VK_MODEL_INTERNAL_H
#define RWKVC_RUNTIME_VK_MODEL_INTERNAL_H

#include "codegen/kernel.h"
#include "codegen/spirv_cache.h"
#include "vk.h"
#include "vk_model.h"

enum { VK_MODEL_PROGRAMS = 8 };

struct vk_model_program {
	struct vk_program *prog;
	int64_t T;
	bool all;
	uint64_t last_use;
};

/* Where a weight lives on the device: a page (buffer) and an offset in it. */
struct vk_weight_loc {
	int32_t page; /* -1: not on the device */
	VkDeviceSize offset, bytes;
	VkDeviceSize row_bytes; /* bytes per row as stored (after transposition) */
	int64_t rows;
};

/* One dispatch of a kernel: a chunk of its weight's rows, or the whole kernel. */
struct vk_dispatch {
	VkDescriptorSet set;
	uint32_t row0, rows;
};

struct vk_kernel_run {
	int32_t pipeline; /* index into vk_model.pipelines */
	int n_dispatch;
	struct vk_dispatch *dispatch;
};

struct vk_model {
	struct vk_device *dev;
	struct codegen_target target;
	struct plan plan;
	/* buffers */
	struct vk_buffer acts, state, tokens, logits;
	struct vk_buffer *pages; /* weights */
	int n_pages;
	struct vk_weight_loc *wloc; /* [n_tensors] */
	size_t out_width;
	enum dtype out_dtype;
	/* kernels */
	const struct plan_code *stored; /* while building kernels: the plan file's code to use, or NULL */
	struct spirv_cache cache;
	struct vk_pipeline *pipelines;
	char **sources; /* the GLSL of each pipeline (to find duplicates) */
	uint64_t *source_hash;
	int n_pipelines;
	struct vk_kernel_run *runs; /* [plan.n_kernels] */
	struct vk_descriptor_pool pool;
	/* recorded programs, by (T, all) */
	struct vk_model_program programs[VK_MODEL_PROGRAMS];
	uint64_t use_clock;
};

/* The range tensor t is bound as (not weights). */
struct vk_range vk_model_tensor_range(const struct vk_model *m, int32_t t, int64_t T);

/* vk_weights.c */
enum rwkvc_status vk_model_upload_weights(struct err *e, struct vk_model *m, const struct weight_file *w, int progress);
/* The range of rows [row0, row0 + rows) of weight t. */
struct vk_range vk_model_weight_range(const struct vk_model *m, int32_t t, int64_t row0, int64_t rows);
void vk_model_free_weights(struct vk_model *m);

/* vk_kernels.c */
enum rwkvc_status vk_model_build_kernels(struct err *e, struct vk_model *m);
enum rwkvc_status vk_model_dispatch_kernel(struct err *e, struct vk_model *m, struct vk_program *prog, int32_t k,
					   int64_t T);
void vk_model_free_kernels(struct vk_model *m);

#endif
