/*
 * api_state_file.c - rwkvc_session_save / load: a session's state, its
 * sampler's state and the pending token to and from a state file (format in
 * state_file.c), checked against the model before anything changes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/file.h"
#include "base/mem.h"
#include "runtime/model.h"
#include "runtime/sample.h"
#include "runtime/state_file.h"

/* The session's model as a state file describes it. */
static enum rwkvc_status describe(struct err *e, rwkvc_session_t *s, struct state_file_model *out)
{
	const struct rwkvc_model_info *i = &s->model->info;
	memset(out, 0, sizeof *out);
	out->n_layer = (uint32_t)i->n_layer;
	out->n_embd = (uint32_t)i->n_embd;
	out->n_head = (uint32_t)i->n_head;
	out->head_size = (uint32_t)i->head_size;
	out->vocab = (uint32_t)i->vocab;
	out->n_slots = rwkvc_state_slots(s);
	if (out->n_slots < 1 || out->n_slots > STATE_FILE_MAX_SLOTS)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "state files hold 1 to %d state slots, this model has %d",
			       STATE_FILE_MAX_SLOTS, out->n_slots);
	for (int k = 0; k < out->n_slots; k++) {
		struct state_file_slot *sl = &out->slot[k];
		const char *name;
		rwkvc_state_slot(s, k, &name, &sl->rank, sl->shape);
		if (strlen(name) < 1 || strlen(name) > STATE_FILE_MAX_NAME || sl->rank < 1 || sl->rank > 4)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "state slot '%s' (rank %d) cannot go into a state file "
				       "(names of 1 to %d bytes, ranks 1 to 4)", name, sl->rank, STATE_FILE_MAX_NAME);
		memcpy(sl->name, name, strlen(name) + 1);
	}
	out->n_floats = rwkvc_state_size(s);
	return RWKVC_STATUS_OK;
}

static const char *shape_text(const struct state_file_slot *sl, char *buf, size_t cap)
{
	size_t n = (size_t)snprintf(buf, cap, "[");
	for (int d = 0; d < sl->rank && n < cap; d++)
		n += (size_t)snprintf(buf + n, cap - n, "%s%lld", d ? ", " : "", (long long)sl->shape[d]);
	if (n < cap)
		snprintf(buf + n, cap - n, "]");
	return buf;
}

/* Does the file's model have this session's shape? Says how it differs. */
static enum rwkvc_status match_model(struct err *e, const char *name, const struct state_file_model *f,
				     const struct state_file_model *m)
{
	if (f->n_layer != m->n_layer || f->n_embd != m->n_embd)
		return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: state was saved from a %u-layer x %u model, this model is %u x %u",
			       name, f->n_layer, f->n_embd, m->n_layer, m->n_embd);
	if (f->n_head != m->n_head || f->head_size != m->head_size)
		return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: state was saved from a model with %u heads of %u, this model "
			       "has %u heads of %u", name, f->n_head, f->head_size, m->n_head, m->head_size);
	if (f->vocab != m->vocab)
		return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: state was saved from a model with a vocabulary of %u, this "
			       "model's is %u", name, f->vocab, m->vocab);
	if (f->n_slots != m->n_slots)
		return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: state was saved with %d state slots, this model has %d", name,
			       f->n_slots, m->n_slots);
	for (int k = 0; k < f->n_slots; k++) {
		const struct state_file_slot *a = &f->slot[k], *b = &m->slot[k];
		bool same = strcmp(a->name, b->name) == 0 && a->rank == b->rank;
		for (int d = 0; same && d < a->rank; d++)
			same = a->shape[d] == b->shape[d];
		char s1[128], s2[128];
		if (!same)
			return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: state slot %d was saved as '%s' %s, this model's is '%s' %s",
				       name, k, a->name, shape_text(a, s1, sizeof s1), b->name, shape_text(b, s2, sizeof s2));
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_session_save(rwkvc_session_t *s, const rwkvc_sampler_t *sampler, int32_t pending_token,
				     const char *path)
{
	struct err *e = &s->model->ctx->err;
	struct state_file_model m;
	TRY(describe(e, s, &m));
	if (pending_token < -1 || pending_token >= (int64_t)m.vocab)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s: pending token %d is outside [-1, %u)", path,
			       (int)pending_token, m.vocab);
	if (sampler && (sampler->vocab_limit > (int64_t)m.vocab || pending_token >= sampler->vocab_limit))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s: the sampler covers ids [0, %d): the model's vocabulary "
			       "is %u and the pending token %d", path, (int)sampler->vocab_limit, m.vocab, (int)pending_token);
	float *state = mem_alloc(e, (size_t)m.n_floats * sizeof *state + 1, "state to save");
	if (!state)
		return e->status;
	enum rwkvc_status st = rwkvc_state_get(s, state, (size_t)m.n_floats);
	for (size_t i = 0; !st && i < m.n_floats; i++)
		if (!isfinite(state[i]))
			st = err_set(e, RWKVC_STATUS_NOT_FINITE, "%s: the session's state value %zu is not finite: not saving it",
				     path, i);
	if (!st) {
		struct state_file_content c = { &m, state, pending_token, sampler != NULL, 0, NULL, NULL };
		if (sampler) {
			c.vocab_limit = sampler->vocab_limit;
			c.rng = sampler->rng;
			c.counts = sampler->counts;
		}
		st = state_file_write(e, path, &c);
	}
	mem_free(state);
	return st;
}

/* Puts a checked file's sampler state into `sampler`; cannot fail. */
static void restore_sampler(rwkvc_sampler_t *sampler, const struct state_file *f)
{
	if (!f->has_sampler) {
		rwkvc_sampler_reset(sampler);
		return;
	}
	memcpy(sampler->rng, f->rng, sizeof sampler->rng);
	memset(sampler->counts, 0, (size_t)sampler->vocab_limit * sizeof *sampler->counts);
	for (uint32_t i = 0; i < f->n_counts; i++) {
		const uint8_t *p = f->counts + 12 * i;
		uint64_t u = state_file_u64(p + 4);
		memcpy(&sampler->counts[state_file_u32(p)], &u, sizeof u);
	}
}

enum rwkvc_status rwkvc_session_load_memory(rwkvc_session_t *s, rwkvc_sampler_t *sampler, const void *data,
					    size_t size, const char *name, int32_t *out_pending_token)
{
	struct err *e = &s->model->ctx->err;
	*out_pending_token = -1;
	struct state_file f;
	struct state_file_model m;
	TRY(state_file_parse(e, data, size, name, &f));
	TRY(describe(e, s, &m));
	TRY(match_model(e, name, &f.model, &m));
	if (sampler && f.has_sampler && f.vocab_limit != sampler->vocab_limit)
		return err_set(e, RWKVC_STATUS_BAD_SHAPE, "%s: the saved sampler covers ids [0, %d), this sampler [0, %d)",
			       name, (int)f.vocab_limit, (int)sampler->vocab_limit);
	float *state = mem_alloc(e, (size_t)m.n_floats * sizeof *state + 1, "loaded state");
	if (!state)
		return e->status;
	for (size_t i = 0; i < m.n_floats; i++)
		state[i] = state_file_f32(f.floats + 4 * i);
	enum rwkvc_status st = rwkvc_state_set(s, state, (size_t)m.n_floats);
	mem_free(state);
	if (st)
		return err_context(e, "%s", name);
	if (sampler)
		restore_sampler(sampler, &f);
	*out_pending_token = f.pending_token;
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_session_load(rwkvc_session_t *s, rwkvc_sampler_t *sampler, const char *path,
				     int32_t *out_pending_token)
{
	struct file_map map;
	*out_pending_token = -1;
	TRY(file_map_open(&s->model->ctx->err, path, &map));
	enum rwkvc_status st = rwkvc_session_load_memory(s, sampler, map.data, map.size, path, out_pending_token);
	file_map_close(&map);
	return st;
}

enum rwkvc_status rwkvc_state_file_check(rwkvc_ctx_t *ctx, const void *data, size_t size, const char *name)
{
	struct state_file f;
	return state_file_parse(&ctx->err, data, size, name, &f);
}
