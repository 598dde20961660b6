/* sample.c - the sampling algorithm; see sample.h. The public calls are in api_sample.c. */
#if defined(__clang__)
/* a fused multiply-add rounds once where a multiply then an add rounds twice:
 * allowing the compiler to fuse would make draws differ between machines
 * (GCC does not fuse in ISO C mode, -std=c11) */
#pragma STDC FP_CONTRACT OFF
#endif

#include "sample.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* ---- the generator: splitmix64 to seed, xoshiro256** to draw ---- */

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void sample_seed(uint64_t rng[4], uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		rng[i] = splitmix64(&seed);
	if (!(rng[0] | rng[1] | rng[2] | rng[3]))
		rng[0] = 1; /* the all-zero state would repeat forever */
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next_u64(uint64_t s[4])
{
	uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

double sample_uniform(uint64_t rng[4]) { return (double)(next_u64(rng) >> 11) * 0x1.0p-53; }

/* ---- exp without libm ---- */

double sample_exp(double x)
{
	/* below this, e^x is subnormal: as a probability it is nothing */
	if (!(x > -708.0))
		return 0.0;
	if (x > 709.0)
		x = 709.0;
	/* x = k ln2 + r with |r| <= ln2 / 2; ln2 split in two (Cody-Waite) so
	 * that k * LN2_HI is exact */
	static const double LOG2E = 1.4426950408889634, LN2_HI = 6.93147180369123816490e-01,
			    LN2_LO = 1.90821492927058770002e-10;
	double kd = x * LOG2E;
	int k = (int)(kd < 0 ? kd - 0.5 : kd + 0.5);
	double r = (x - k * LN2_HI) - k * LN2_LO;
	/* e^r by its Taylor series to r^12 / 12!: the next term is below 2e-16 */
	static const double c[13] = { 1.0,
				      1.0,
				      1.0 / 2,
				      1.0 / 6,
				      1.0 / 24,
				      1.0 / 120,
				      1.0 / 720,
				      1.0 / 5040,
				      1.0 / 40320,
				      1.0 / 362880,
				      1.0 / 3628800,
				      1.0 / 39916800,
				      1.0 / 479001600 };
	double p = c[12];
	for (int i = 11; i >= 0; i--)
		p = p * r + c[i];
	/* times 2^k, k in [-1022, 1023], by building the power of two's bits */
	union {
		uint64_t u;
		double d;
	} two_k = { (uint64_t)(k + 1023) << 52 };
	return p * two_k.d;
}

/* ---- options ---- */

enum rwkvc_status sample_check_options(struct err *e, const struct rwkvc_sampler_options *o)
{
	if (!(o->temperature >= 0) || !isfinite(o->temperature))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "temperature %g: must be 0 (greedy) or more",
			       (double)o->temperature);
	if (!(o->top_p >= 0 && o->top_p <= 1))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "top_p %g: must be in [0, 1] (1 = off)", (double)o->top_p);
	if (o->top_k < 0)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "top_k %d: must be 0 (off) or more", (int)o->top_k);
	if (!isfinite(o->presence) || !isfinite(o->frequency))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "penalties must be finite numbers (presence %g, frequency %g)",
			       (double)o->presence, (double)o->frequency);
	if (!(o->penalty_decay >= 0 && o->penalty_decay <= 1))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "penalty_decay %g: must be in [0, 1] (1 = no decay)",
			       (double)o->penalty_decay);
	return RWKVC_STATUS_OK;
}

/* ---- selection ---- */

static double median3(double a, double b, double c)
{
	if (a > b) {
		double t = a;
		a = b;
		b = t;
	}
	return c <= a ? a : c >= b ? b : c;
}

/*
 * The key c among a[0..n) at which the items with a greater key fall short
 * of `target` while those at c or above reach it; an item counts as its mass
 * (by_mass: top-p) or as 1 (top-k). Quickselect with three-way partitions:
 * expected O(n), no sort; reorders a. When rounding leaves all of a short of
 * target, the smallest key (keep everything) is the answer.
 */
static double select_cutoff(struct sample_item *a, size_t n, double target, bool by_mass)
{
	size_t lo = 0, hi = n;
	double above = 0;
	for (;;) {
		double p = median3(a[lo].key, a[lo + (hi - lo) / 2].key, a[hi - 1].key);
		/* afterwards keys in [lo, i) > p, [i, k) == p, [k, hi) < p */
		size_t i = lo, j = lo, k = hi;
		while (j < k) {
			struct sample_item v = a[j];
			if (v.key > p) {
				a[j++] = a[i];
				a[i++] = v;
			} else if (v.key < p) {
				a[j] = a[--k];
				a[k] = v;
			} else {
				j++;
			}
		}
		double gt = (double)(i - lo), eq = (double)(k - i);
		if (by_mass) {
			gt = eq = 0;
			for (size_t t = lo; t < i; t++)
				gt += a[t].mass;
			for (size_t t = i; t < k; t++)
				eq += a[t].mass;
		}
		if (i > lo && above + gt >= target) {
			hi = i;
			continue;
		}
		if (above + gt + eq >= target || k == hi)
			return p;
		above += gt + eq;
		lo = k;
	}
}

/* The bin of a logit `d` below the largest: 1/SAMPLE_BINS_PER_NAT wide, the
 * last one holding everything further down. Bins are ordered like the logits. */
static size_t bin_of(double d)
{
	double b = d * SAMPLE_BINS_PER_NAT;
	return b < SAMPLE_BINS - 1 ? (size_t)b : SAMPLE_BINS - 1;
}

/*
 * The penalised logit at which the top-p mass (by_mass) or the top-k count
 * is reached, as select_cutoff over all ids would find it, but faster: the
 * bin histogram (filled by sample_draw) names the one bin where the target
 * is crossed, and only that bin's ids are selected among.
 */
static double cutoff(struct rwkvc_sampler *s, size_t n, double m, double target, bool by_mass)
{
	size_t b = SAMPLE_BINS, last = 0;
	double acc = 0, acc_last = 0;
	for (size_t i = 0; i < SAMPLE_BINS; i++) {
		if (!s->bin_count[i])
			continue;
		double v = by_mass ? s->bin_mass[i] : (double)s->bin_count[i];
		if (acc + v >= target) {
			b = i;
			break;
		}
		last = i;
		acc_last = acc;
		acc += v;
	}
	if (b == SAMPLE_BINS) { /* rounding: the target is the whole mass */
		b = last;
		acc = acc_last;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (bin_of(m - s->x[i]) == b)
			s->sel[k++] = (struct sample_item){ s->x[i], s->w[i] };
	return select_cutoff(s->sel, k, target - acc, by_mass);
}

/* ---- one draw ---- */

/* Penalised logits into s->x; returns the first id of the largest. */
static size_t penalise(struct rwkvc_sampler *s, const float *logits, size_t n)
{
	const double presence = s->opt.presence, frequency = s->opt.frequency;
	size_t best = 0;
	for (size_t i = 0; i < n; i++) {
		double v = logits[i];
		if (s->counts[i] > 0)
			v -= presence + s->counts[i] * frequency;
		s->x[i] = v;
		if (v > s->x[best])
			best = i;
	}
	return best;
}

int32_t sample_draw(struct rwkvc_sampler *s, const float *logits, size_t vocab)
{
	const struct rwkvc_sampler_options *o = &s->opt;
	size_t n = vocab < (size_t)s->vocab_limit ? vocab : (size_t)s->vocab_limit;
	size_t best = penalise(s, logits, n);
	if (o->temperature == 0 || o->top_k == 1)
		return (int32_t)best;

	/* softmax numerators at temperature 1, and their histogram when some are to be cut */
	const bool top_p = o->top_p < 1, top_k = o->top_k > 0 && (size_t)o->top_k < n;
	double *x = s->x, *w = s->w, m = x[best];
	if (top_p || top_k) {
		memset(s->bin_mass, 0, sizeof s->bin_mass);
		memset(s->bin_count, 0, sizeof s->bin_count);
		for (size_t i = 0; i < n; i++) {
			size_t b = bin_of(m - x[i]);
			w[i] = sample_exp(x[i] - m);
			s->bin_mass[b] += w[i];
			s->bin_count[b]++;
		}
	} else {
		for (size_t i = 0; i < n; i++)
			w[i] = sample_exp(x[i] - m);
	}
	/* keep x > cut, and x == cut while `ties` last (counted in id order) */
	double cut = -HUGE_VAL;
	size_t ties = (size_t)-1;
	if (top_p) {
		double z = 0;
		for (size_t b = 0; b < SAMPLE_BINS; b++)
			z += s->bin_mass[b];
		cut = cutoff(s, n, m, (double)o->top_p * z, true);
	}
	if (top_k) {
		double ck = cutoff(s, n, m, (double)o->top_k, false);
		if (ck >= cut) { /* top-k is the narrower: its ties are limited */
			size_t above = 0;
			for (size_t i = 0; i < n; i++)
				above += x[i] > ck;
			cut = ck;
			ties = (size_t)o->top_k - above;
		}
	}
	/* the kept tokens' weights at the temperature, in place */
	const bool plain = o->temperature == 1.0f;
	const double inv_t = 1.0 / (double)o->temperature;
	double total = 0;
	for (size_t i = 0; i < n; i++) {
		bool keep = x[i] > cut;
		if (!keep && x[i] == cut && ties > 0) {
			keep = true;
			ties--;
		}
		w[i] = !keep ? 0 : plain ? w[i] : sample_exp((x[i] - m) * inv_t);
		total += w[i];
	}
	/* the argmax is always kept with weight 1, so total >= 1 */
	double u = sample_uniform(s->rng) * total, acc = 0;
	size_t last = best;
	for (size_t i = 0; i < n; i++) {
		if (w[i] <= 0)
			continue;
		acc += w[i];
		if (acc > u)
			return (int32_t)i;
		last = i;
	}
	return (int32_t)last; /* u within rounding of total */
}
