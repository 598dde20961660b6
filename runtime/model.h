/*
 * model.h - what stands behind rwkvc_model_t and rwkvc_session_t.
 *
 * A model is a built graph, its weights and one backend: the CPU reference
 * interpreter (weights as f32 arrays) or the Vulkan runtime.
 */
#ifndef RWKVC_RUNTIME_MODEL_H
#define RWKVC_RUNTIME_MODEL_H

#include "ctx.h"
#include "graph/graph.h"
#include "interp.h"
#include "vk_model.h"
#include "weights.h"

struct rwkvc_model {
	rwkvc_ctx_t *ctx;
	struct graph graph;
	struct weight_file weights;
	enum rwkvc_backend backend;
	struct state_layout state;
	struct rwkvc_model_info info;
	int64_t vocab;        /* rows of the embedding table */
	int64_t out_width;    /* elements per row of graph output 0 (the logits) */
	/* CPU backend */
	const float **f32;    /* [n_tensors]: weight data as f32 (into the file or `owned`) */
	float **owned;        /* [n_tensors]: converted copies this model frees */
	/* Vulkan backend: one state buffer on the device, holding the state of
	 * the session that ran last (`active`); others keep theirs on the host */
	struct vk_model *vk;
	struct rwkvc_session *active;
};

struct rwkvc_session {
	struct rwkvc_model *model;
	float *state; /* flat, model->state layout; on the device instead while active */
};

/* rwkvc_session_eval after its argument checks, without RWKVC_EVAL_CHECK_FINITE. */
enum rwkvc_status session_eval(struct err *e, struct rwkvc_session *s, const int32_t *tokens, size_t n_tokens,
			       unsigned flags, float *out_logits);
/* The same with the finiteness check (api_finite.c). */
enum rwkvc_status session_eval_checked(struct err *e, struct rwkvc_session *s, const int32_t *tokens,
				       size_t n_tokens, unsigned flags, float *out_logits);

/* Binds src's symbols from the names and shapes of a weights file (graph_src_bind_weights). */
struct graph_src;
enum rwkvc_status model_bind_weights(struct err *e, struct graph_src *src, const struct weight_file *w);
/* Checks that every weight the graph uses exists in the file with the declared shape. */
enum rwkvc_status model_check_weights(struct err *e, const struct graph *g, const struct weight_file *w);

#endif
