/*
 * sample.h - the sampler behind rwkvc_sampler_t: penalties, top-p / top-k by
 * partial selection, temperature, and a generator of our own.
 *
 * Everything here is a pure function of (logits, options, generator state,
 * counts) built from IEEE-754 additions, multiplications and divisions only
 * (our own exp, no libm), so a draw is the same on every machine. The state
 * file (state_file.c) saves and restores `rng` and `counts`.
 */
#ifndef RWKVC_RUNTIME_SAMPLE_H
#define RWKVC_RUNTIME_SAMPLE_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "rwkvc.h"

/* The histogram that narrows top-p / top-k down to one bin: logits within
 * 32 nats of the largest, 1/32 nat per bin. */
enum { SAMPLE_BINS = 1025, SAMPLE_BINS_PER_NAT = 32 };

/* An id's penalised logit (what ranks it) and exp(logit - max) (its mass). */
struct sample_item {
	double key, mass;
};

struct rwkvc_sampler {
	struct rwkvc_ctx *ctx; /* where messages go */
	struct rwkvc_sampler_options opt;
	int32_t vocab_limit;   /* ids [0, vocab_limit) may be drawn */
	uint64_t rng[4];       /* xoshiro256** state; never all zero */
	double *counts;        /* [vocab_limit]: accepted occurrences (decayed) */
	/* scratch for one draw, [vocab_limit] each */
	double *x;   /* penalised logits */
	double *w;   /* exp(x - max) */
	struct sample_item *sel; /* one bin's ids, reordered by the selection */
	double bin_mass[SAMPLE_BINS];
	uint32_t bin_count[SAMPLE_BINS];
};

/* Fills rng from `seed` (splitmix64, so seeds 0, 1, 2... give unrelated streams). */
void sample_seed(uint64_t rng[4], uint64_t seed);
/* A uniform double in [0, 1) with 53 random bits; advances rng. */
double sample_uniform(uint64_t rng[4]);
/* e^x for x <= 0, from additions and multiplications only (relative error
 * below 1e-15; 0 below -745). Deterministic across machines. */
double sample_exp(double x);

/* Validates options; BAD_ARGUMENT names the option. */
enum rwkvc_status sample_check_options(struct err *e, const struct rwkvc_sampler_options *o);

/* One draw (see rwkvc_sampler_sample); logits[0..vocab) must be finite. */
int32_t sample_draw(struct rwkvc_sampler *s, const float *logits, size_t vocab);

#endif
