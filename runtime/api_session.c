/* api_session.c - rwkvc_session_t: the recurrent state of one sequence, and evaluation. */
#include <math.h>
#include <string.h>

#include "model.h"

enum rwkvc_status rwkvc_session_create(rwkvc_model_t *model, rwkvc_session_t **out_session)
{
	struct err *e = &model->ctx->err;
	*out_session = NULL;
	struct rwkvc_session *s = mem_calloc(e, 1, sizeof *s, "session");
	if (!s)
		return e->status;
	s->model = model;
	s->state = mem_calloc(e, model->state.total ? model->state.total : 1, sizeof(float), "session state");
	if (!s->state) {
		mem_free(s);
		return e->status;
	}
	*out_session = s;
	return RWKVC_STATUS_OK;
}

void rwkvc_session_destroy(rwkvc_session_t *s)
{
	if (!s)
		return;
	if (s->model->active == s)
		s->model->active = NULL;
	mem_free(s->state);
	mem_free(s);
}

static enum rwkvc_status check_tokens(struct err *e, const struct rwkvc_model *m, const int32_t *tokens, size_t n)
{
	if (n == 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "no tokens to evaluate");
	if (!tokens)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "tokens is NULL");
	for (size_t i = 0; i < n; i++)
		if (tokens[i] < 0 || tokens[i] >= m->vocab)
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
				       "token id %d at position %zu is outside the vocabulary [0, %lld)", tokens[i], i,
				       (long long)m->vocab);
	return RWKVC_STATUS_OK;
}

static enum rwkvc_status eval_cpu(struct err *e, rwkvc_session_t *s, const int32_t *tokens, size_t n,
				  unsigned flags, float *out)
{
	struct rwkvc_model *m = s->model;
	float *all = out;
	if (out && !(flags & RWKVC_EVAL_ALL) && n > 1) {
		all = mem_alloc(e, n * (size_t)m->out_width * sizeof(float), "logits");
		if (!all)
			return e->status;
	}
	struct interp_run run = { &m->graph, m->f32, tokens, (int64_t)n, s->state, all, 0, NULL };
	enum rwkvc_status st = interp_execute(e, &run);
	if (!st && all != out)
		memcpy(out, all + (n - 1) * (size_t)m->out_width, (size_t)m->out_width * sizeof(float));
	if (all != out)
		mem_free(all);
	return st;
}

/* Makes the device's state buffer hold this session's state (Vulkan backend). */
static enum rwkvc_status make_active(struct err *e, rwkvc_session_t *s)
{
	struct rwkvc_model *m = s->model;
	if (m->active == s)
		return RWKVC_STATUS_OK;
	if (m->active) {
		TRY(vk_model_state_get(e, m->vk, m->active->state, m->state.total));
		m->active = NULL;
	}
	TRY(vk_model_state_set(e, m->vk, s->state, m->state.total));
	m->active = s;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status session_eval(struct err *e, rwkvc_session_t *s, const int32_t *tokens, size_t n_tokens,
			       unsigned flags, float *out_logits)
{
	if (!s->model->vk)
		return eval_cpu(e, s, tokens, n_tokens, flags, out_logits);
	TRY(make_active(e, s));
	return vk_model_eval(e, s->model->vk, tokens, n_tokens, (flags & RWKVC_EVAL_ALL) != 0, out_logits);
}

enum rwkvc_status rwkvc_session_eval(rwkvc_session_t *s, const int32_t *tokens, size_t n_tokens, unsigned flags,
				     float *out_logits)
{
	struct err *e = &s->model->ctx->err;
	TRY(check_tokens(e, s->model, tokens, n_tokens));
	if (flags & RWKVC_EVAL_CHECK_FINITE)
		return session_eval_checked(e, s, tokens, n_tokens, flags, out_logits);
	return session_eval(e, s, tokens, n_tokens, flags, out_logits);
}

size_t rwkvc_state_size(const rwkvc_session_t *s) { return s->model->state.total; }

int rwkvc_state_slots(const rwkvc_session_t *s) { return s->model->state.n_slots; }

void rwkvc_state_slot(const rwkvc_session_t *s, int slot, const char **out_name, int *out_rank, int64_t out_shape[4])
{
	const struct graph *g = &s->model->graph;
	const struct state_slot *ss = &g->states[slot];
	*out_name = ss->name;
	*out_rank = ss->shape.rank + 1;
	out_shape[0] = g->n_layers;
	for (int d = 0; d < ss->shape.rank && d < 3; d++)
		out_shape[d + 1] = dim_value(g, ss->shape.d[d], 0);
}

/* Vulkan: after a lost device every call on the model's sessions fails alike,
 * even one that would only read or write a session's host copy. */
static enum rwkvc_status check_lost(struct err *e, const rwkvc_session_t *s)
{
	return s->model->vk ? vk_model_check_lost(e, s->model->vk) : RWKVC_STATUS_OK;
}

static enum rwkvc_status check_count(struct err *e, const rwkvc_session_t *s, size_t n)
{
	if (n != s->model->state.total)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "the state has %zu floats, %zu were given", s->model->state.total, n);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_state_get(rwkvc_session_t *s, float *out, size_t n)
{
	TRY(check_count(&s->model->ctx->err, s, n));
	TRY(check_lost(&s->model->ctx->err, s));
	if (s->model->active == s)
		return vk_model_state_get(&s->model->ctx->err, s->model->vk, out, n);
	memcpy(out, s->state, n * sizeof(float));
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_state_set(rwkvc_session_t *s, const float *in, size_t n)
{
	struct err *e = &s->model->ctx->err;
	TRY(check_count(e, s, n));
	TRY(check_lost(e, s));
	for (size_t i = 0; i < n; i++)
		if (!isfinite(in[i]))
			return err_set(e, RWKVC_STATUS_NOT_FINITE, "state value %zu is not finite", i);
	if (s->model->active == s)
		return vk_model_state_set(e, s->model->vk, in, n);
	memcpy(s->state, in, n * sizeof(float));
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_state_reset(rwkvc_session_t *s)
{
	TRY(check_lost(&s->model->ctx->err, s));
	if (s->model->active == s)
		return vk_model_state_reset(&s->model->ctx->err, s->model->vk);
	memset(s->state, 0, s->model->state.total * sizeof(float));
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_session_profile(rwkvc_session_t *s, size_t n_tokens, char **out_text)
{
	struct rwkvc_model *m = s->model;
	struct err *e = &m->ctx->err;
	*out_text = NULL;
	if (!m->vk)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "profiling needs the Vulkan backend");
	TRY(check_lost(e, s));
	/* the profile runs the kernels on whatever the buffers hold: keep the state */
	float *saved = mem_alloc(e, m->state.total * sizeof(float) + 1, "saved state");
	if (!saved)
		return e->status;
	enum rwkvc_status st = make_active(e, s);
	if (!st)
		st = vk_model_state_get(e, m->vk, saved, m->state.total);
	if (!st)
		st = vk_model_profile(e, m->vk, (int64_t)n_tokens, out_text);
	if (!st)
		st = vk_model_state_set(e, m->vk, saved, m->state.total);
	mem_free(saved);
	return st;
}

void rwkvc_free(void *p) { mem_free(p); }
