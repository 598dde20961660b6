/*
 * api_finite.c - RWKVC_EVAL_CHECK_FINITE: refuse NaN and Inf, and say where
 * they arose.
 *
 * The fast path evaluates as usual and checks the logits and the new state.
 * Only when something is not finite does it pay for the search: the state
 * goes back to what it was, the tokens are fed again one at a time, and after
 * each the state is read back and searched layer by layer. The state is the
 * only record of the inside of a layer that every backend keeps, and a layer
 * writes its state slots in order as it runs (for RWKV-7: the time-mix input
 * 'att_x', the 'wkv' matrix, the channel-mix input 'ffn_x'), so the first slot
 * holding a bad value, and the one before it, bracket where the value arose.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model.h"

/* A place in evaluation order: a layer and one of its state slots. */
struct place {
	int layer; /* -1: every state value is finite */
	int slot;
};

/* The first value of x[0..n) that is NaN or infinite, or NULL. */
static const float *first_bad(const float *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(x[i]))
			return &x[i];
	return NULL;
}

static const float *slot_data(const struct rwkvc_model *m, const float *state, struct place p)
{
	return state + m->state.offset[p.slot] + (size_t)p.layer * m->state.per_layer[p.slot];
}

/* The first place, layer by layer and slot by slot, whose state holds a bad
 * value; *out_bad gets that value. */
static struct place first_bad_place(const struct rwkvc_model *m, const float *state, float *out_bad)
{
	for (int l = 0; l < m->graph.n_layers; l++)
		for (int s = 0; s < m->state.n_slots; s++) {
			struct place p = { l, s };
			const float *bad = first_bad(slot_data(m, state, p), m->state.per_layer[s]);
			if (bad) {
				*out_bad = *bad;
				return p;
			}
		}
	return (struct place){ -1, 0 };
}

static const char *slot_name(const struct rwkvc_model *m, int slot) { return m->graph.states[slot].name; }

/* "it arose in layer 2 (between its states 'att_x' and 'wkv')" and the like: where a bad
 * value first held at `p` must have arisen. */
static void describe_origin(const struct rwkvc_model *m, struct place p, char *buf, size_t size)
{
	int last = m->state.n_slots - 1;
	if (p.layer < 0)
		snprintf(buf, size,
			 "it arose after the last layer, in its output or the head (every layer's state is finite)");
	else if (p.slot > 0)
		snprintf(buf, size, "it arose in layer %d (between its states '%s' and '%s')", p.layer,
			 slot_name(m, p.slot - 1), slot_name(m, p.slot));
	else if (p.layer > 0)
		snprintf(buf, size,
			 "it arose in layer %d, after its state '%s' (in its output: layer %d's first state '%s' holds it)",
			 p.layer - 1, slot_name(m, last), p.layer, slot_name(m, 0));
	else
		snprintf(buf, size, "it arose in the embedding or the input of layer 0 (before its first state '%s')",
			 slot_name(m, 0));
}

static const char *kind_of(float v) { return isnan(v) ? "NaN" : "Inf"; }

struct check {
	struct err *e;
	rwkvc_session_t *s;
	float *before; /* the state when the call began */
	float *state;  /* scratch: a state read back */
	float *row;    /* scratch: one position's logits */
};

/* Feeds the tokens one at a time from the state `before` until the logits or
 * the state turn bad, and says where. OK with nothing said when every step
 * stays finite. */
static enum rwkvc_status locate(struct check *c, const int32_t *tokens, size_t n)
{
	struct rwkvc_model *m = c->s->model;
	TRY(rwkvc_state_set(c->s, c->before, m->state.total));
	for (size_t i = 0; i < n; i++) {
		TRY(session_eval(c->e, c->s, &tokens[i], 1, RWKVC_EVAL_LAST, c->row));
		TRY(rwkvc_state_get(c->s, c->state, m->state.total));
		float bad = 0;
		struct place p = first_bad_place(m, c->state, &bad);
		const float *bad_logit = first_bad(c->row, (size_t)m->out_width);
		if (p.layer < 0 && !bad_logit)
			continue;
		char where[256];
		describe_origin(m, p, where, sizeof where);
		return err_set(c->e, RWKVC_STATUS_NOT_FINITE, "%s at token %zu of %zu (id %d): %s",
			       kind_of(p.layer >= 0 ? bad : *bad_logit), i, n, tokens[i], where);
	}
	return RWKVC_STATUS_OK;
}

/* The state `before` holds a bad value already: nothing is evaluated. */
static enum rwkvc_status refuse_bad_start(struct check *c, struct place p, float bad)
{
	return err_set(c->e, RWKVC_STATUS_NOT_FINITE,
		       "the session's state holds %s before this call (layer %d, state '%s'), from an earlier "
		       "evaluation without the check; reset or set the state first",
		       kind_of(bad), p.layer, slot_name(c->s->model, p.slot));
}

/* Evaluates, checks, and when something is bad locates it. */
static enum rwkvc_status eval_and_check(struct check *c, const int32_t *tokens, size_t n, unsigned flags,
					float *logits)
{
	struct rwkvc_model *m = c->s->model;
	float bad = 0;
	TRY(rwkvc_state_get(c->s, c->before, m->state.total));
	struct place p = first_bad_place(m, c->before, &bad);
	if (p.layer >= 0)
		return refuse_bad_start(c, p, bad);
	TRY(session_eval(c->e, c->s, tokens, n, flags & RWKVC_EVAL_ALL, logits));
	size_t rows = (flags & RWKVC_EVAL_ALL) ? n : 1;
	TRY(rwkvc_state_get(c->s, c->state, m->state.total));
	if (first_bad_place(m, c->state, &bad).layer < 0 && !first_bad(logits, rows * (size_t)m->out_width))
		return RWKVC_STATUS_OK;
	enum rwkvc_status st = locate(c, tokens, n);
	if (st == RWKVC_STATUS_OK)
		st = err_set(c->e, RWKVC_STATUS_NOT_FINITE,
			     "NaN or Inf in the logits or state of these %zu tokens fed at once, but none when they are "
			     "fed one at a time: the multi-token (prefill) path made it", n);
	/* on error the state is as before the call; a lost device keeps what it has */
	if (st != RWKVC_STATUS_DEVICE_LOST)
		rwkvc_state_set(c->s, c->before, m->state.total);
	return st;
}

enum rwkvc_status session_eval_checked(struct err *e, rwkvc_session_t *s, const int32_t *tokens, size_t n,
				       unsigned flags, float *out_logits)
{
	struct rwkvc_model *m = s->model;
	size_t total = m->state.total, width = (size_t)m->out_width;
	size_t rows = (flags & RWKVC_EVAL_ALL) ? n : 1;
	struct check c = { e, s, NULL, NULL, NULL };
	float *own_logits = NULL;
	c.before = mem_alloc(e, (2 * total + width) * sizeof(float) + 1, "state copies for the finite check");
	if (!c.before)
		return e->status;
	c.state = c.before + total;
	c.row = c.state + total;
	float *logits = out_logits;
	if (!logits && !(logits = own_logits = mem_alloc(e, rows * width * sizeof(float), "logits"))) {
		mem_free(c.before);
		return e->status;
	}
	enum rwkvc_status st = eval_and_check(&c, tokens, n, flags, logits);
	mem_free(own_logits);
	mem_free(c.before);
	return st;
}
