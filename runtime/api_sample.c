/* api_sample.c - the public sampler calls of rwkvc.h: checks and messages over sample.h. */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "base/mem.h"
#include "runtime/ctx.h"
#include "runtime/sample.h"

struct rwkvc_sampler_options rwkvc_sampler_options_default(void)
{
	struct rwkvc_sampler_options o;
	memset(&o, 0, sizeof o);
	o.temperature = 1.0f;
	o.top_p = 0.3f;
	o.top_k = 0;
	o.presence = 0;
	o.frequency = 0;
	o.penalty_decay = 1.0f;
	o.seed = 42;
	return o;
}

enum rwkvc_status rwkvc_sampler_options_check(rwkvc_ctx_t *ctx, const struct rwkvc_sampler_options *opts)
{
	return sample_check_options(&ctx->err, opts);
}

enum rwkvc_status rwkvc_sampler_create(rwkvc_ctx_t *ctx, const struct rwkvc_sampler_options *opts,
				       int32_t vocab_limit, rwkvc_sampler_t **out_sampler)
{
	assert(ctx && opts && out_sampler);
	struct err *e = &ctx->err;
	*out_sampler = NULL;
	TRY(sample_check_options(e, opts));
	if (vocab_limit < 1)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "sampler: vocab_limit %d must be at least 1",
			       (int)vocab_limit);
	rwkvc_sampler_t *s = mem_calloc(e, 1, sizeof *s, "sampler");
	if (!s)
		return e->status;
	size_t n = (size_t)vocab_limit;
	s->counts = mem_calloc(e, n, sizeof *s->counts, "sampler counts");
	s->x = s->counts ? mem_alloc(e, n * sizeof *s->x, "sampler scratch") : NULL;
	s->w = s->x ? mem_alloc(e, n * sizeof *s->w, "sampler scratch") : NULL;
	s->sel = s->w ? mem_alloc(e, n * sizeof *s->sel, "sampler scratch") : NULL;
	if (!s->sel) {
		rwkvc_sampler_destroy(s);
		return e->status;
	}
	s->ctx = ctx;
	s->opt = *opts;
	s->vocab_limit = vocab_limit;
	sample_seed(s->rng, opts->seed);
	*out_sampler = s;
	return RWKVC_STATUS_OK;
}

void rwkvc_sampler_destroy(rwkvc_sampler_t *s)
{
	if (!s)
		return;
	mem_free(s->counts);
	mem_free(s->x);
	mem_free(s->w);
	mem_free(s->sel);
	mem_free(s);
}

enum rwkvc_status rwkvc_sampler_sample(rwkvc_sampler_t *s, const float *logits, size_t vocab, int32_t *out_token)
{
	struct err *e = &s->ctx->err;
	*out_token = -1;
	if (!logits || vocab == 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "sampler: no logits to sample from (%s)",
			       logits ? "vocab is 0" : "logits is NULL");
	for (size_t i = 0; i < vocab; i++)
		if (!isfinite(logits[i]))
			return err_set(e, RWKVC_STATUS_NOT_FINITE,
				       "sampler: logit %zu of %zu is %s: refusing to sample (the model's output is broken)",
				       i, vocab, isnan(logits[i]) ? "NaN" : logits[i] > 0 ? "+Inf" : "-Inf");
	*out_token = sample_draw(s, logits, vocab);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status rwkvc_sampler_accept(rwkvc_sampler_t *s, int32_t token)
{
	if (token < 0 || token >= s->vocab_limit)
		return err_set(&s->ctx->err, RWKVC_STATUS_BAD_ARGUMENT,
			       "sampler: accepted token %d is outside [0, %d)", (int)token, (int)s->vocab_limit);
	if (s->opt.penalty_decay != 1.0f)
		for (int32_t i = 0; i < s->vocab_limit; i++)
			s->counts[i] *= (double)s->opt.penalty_decay;
	s->counts[token] += 1;
	return RWKVC_STATUS_OK;
}

void rwkvc_sampler_reset(rwkvc_sampler_t *s)
{
	memset(s->counts, 0, (size_t)s->vocab_limit * sizeof *s->counts);
	sample_seed(s->rng, s->opt.seed);
}

void rwkvc_sampler_set_seed(rwkvc_sampler_t *s, uint64_t seed) { sample_seed(s->rng, seed); }
