/*
 * test_sample.c - the sampler: greedy cases, draw frequencies against the
 * softmax (chi-square), the kept set of top-p / top-k against a naive
 * sort-everything oracle, penalties, forbidden ids, NaN refusal, option
 * checks, determinism (a golden sequence), our exp, allocation failures.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fault.h"
#include "runtime/ctx.h"
#include "runtime/sample.h"

static struct rwkvc_ctx g_ctx;

static rwkvc_sampler_t *make(struct rwkvc_sampler_options o, int32_t limit)
{
	rwkvc_sampler_t *s;
	if (rwkvc_sampler_create(&g_ctx, &o, limit, &s))
		fail_msg("sampler: %s", g_ctx.err.msg);
	return s;
}

static struct rwkvc_sampler_options opts(float temperature, float top_p, int32_t top_k)
{
	struct rwkvc_sampler_options o = rwkvc_sampler_options_default();
	o.temperature = temperature;
	o.top_p = top_p;
	o.top_k = top_k;
	return o;
}

static int32_t draw(rwkvc_sampler_t *s, const float *logits, size_t n)
{
	int32_t t;
	if (rwkvc_sampler_sample(s, logits, n, &t))
		fail_msg("sample: %s", g_ctx.err.msg);
	return t;
}

static int32_t argmax(const float *x, size_t n)
{
	size_t best = 0;
	for (size_t i = 1; i < n; i++)
		if (x[i] > x[best])
			best = i;
	return (int32_t)best;
}

/* Temperature 0, top-k 1 and a tiny top-p all give the argmax, on many rows. */
static void test_greedy_is_argmax(void **state)
{
	(void)state;
	enum { V = 3000 };
	static float l[V];
	rwkvc_sampler_t *s[4] = { make(opts(0, 1, 0), V), make(opts(1, 1, 1), V), make(opts(1, 1e-6f, 0), V),
				  make(opts(0.7f, 0, 0), V) };
	for (uint64_t row = 0; row < 50; row++) {
		test_fill_random(l, V, row + 1, -6, 6);
		for (int k = 0; k < 4; k++)
			assert_int_equal(draw(s[k], l, V), argmax(l, V));
	}
	/* ties: the lowest id */
	for (int i = 0; i < V; i++)
		l[i] = (float)(i % 7);
	assert_int_equal(draw(s[0], l, V), 6);
	assert_int_equal(draw(s[1], l, V), 6);
	for (int k = 0; k < 4; k++)
		rwkvc_sampler_destroy(s[k]);
}

/* Chi-square of observed counts against probabilities p (zero-probability
 * categories must stay at zero). */
static double chi_square(const int *count, const double *p, int n, int draws, int *out_df)
{
	double x2 = 0;
	int df = -1;
	for (int i = 0; i < n; i++) {
		if (p[i] == 0) {
			if (count[i])
				fail_msg("id %d has probability 0 but was drawn %d times", i, count[i]);
			continue;
		}
		double e = p[i] * draws;
		x2 += (count[i] - e) * (count[i] - e) / e;
		df++;
	}
	*out_df = df;
	return x2;
}

/* softmax(x / t) restricted to keep[i] != 0. */
static void softmax(const float *x, const int *keep, int n, double t, double *p)
{
	double m = -HUGE_VAL, z = 0;
	for (int i = 0; i < n; i++)
		if (keep[i] && x[i] > m)
			m = x[i];
	for (int i = 0; i < n; i++)
		z += p[i] = keep[i] ? exp((x[i] - m) / t) : 0;
	for (int i = 0; i < n; i++)
		p[i] /= z;
}

/* Draws `draws` times and checks the frequencies against p: the statistic
 * must stay under a bound that chance exceeds about once in a million. */
static void check_frequencies(rwkvc_sampler_t *s, const float *l, const double *p, int n, int draws)
{
	int count[64] = { 0 };
	for (int i = 0; i < draws; i++)
		count[draw(s, l, (size_t)n)]++;
	int df;
	double x2 = chi_square(count, p, n, draws, &df);
	double bound = df + 7 * sqrt(2.0 * df) + 10;
	print_message("    chi-square %.1f with %d degrees of freedom (bound %.1f)\n", x2, df, bound);
	assert_true(x2 < bound);
}

static const double *g_sort_keys;

static int by_key_desc(const void *a, const void *b)
{
	int32_t i = *(const int32_t *)a, j = *(const int32_t *)b;
	double x = g_sort_keys[i], y = g_sort_keys[j];
	return x > y ? -1 : x < y ? 1 : (i > j) - (i < j);
}

/* ids of x[0..n) by value, largest first, ties by the lower id. */
static void sort_ids(const double *x, size_t n, int32_t *ids)
{
	for (size_t i = 0; i < n; i++)
		ids[i] = (int32_t)i;
	g_sort_keys = x;
	qsort(ids, n, sizeof *ids, by_key_desc);
}

/* Fixed seed: frequencies match softmax(logits / T), at several T, with top-k
 * and top-p cutting where the definition says. */
static void test_frequencies_match_softmax(void **state)
{
	(void)state;
	enum { V = 12, DRAWS = 120000 };
	float l[V];
	double ld[V], p[V], p1[V];
	int keep[V];
	int32_t ids[V];
	test_fill_random(l, V, 99, -2.5f, 2.5f);
	for (int i = 0; i < V; i++)
		ld[i] = l[i], keep[i] = 1;
	sort_ids(ld, V, ids);
	static const float temps[] = { 1.0f, 0.6f, 1.8f };
	for (int t = 0; t < 3; t++) {
		rwkvc_sampler_t *s = make(opts(temps[t], 1, 0), V);
		softmax(l, keep, V, temps[t], p);
		check_frequencies(s, l, p, V, DRAWS);
		rwkvc_sampler_destroy(s);
	}
	/* top-k 4 at T 0.8: the 4 largest, renormalised */
	for (int i = 0; i < V; i++)
		keep[i] = 0;
	for (int i = 0; i < 4; i++)
		keep[ids[i]] = 1;
	softmax(l, keep, V, 0.8, p);
	rwkvc_sampler_t *s = make(opts(0.8f, 1, 4), V);
	check_frequencies(s, l, p, V, DRAWS);
	rwkvc_sampler_destroy(s);
	/* top-p 0.5 at T 1.5: the likeliest tokens (at T 1) until their mass reaches 0.5, then tempered */
	for (int i = 0; i < V; i++)
		keep[i] = 1;
	softmax(l, keep, V, 1, p1);
	double acc = 0;
	int j = 0;
	for (int i = 0; i < V; i++)
		keep[i] = 0;
	while (acc < 0.5) {
		acc += p1[ids[j]];
		keep[ids[j++]] = 1;
	}
	assert_true(j >= 2 && j < V - 2); /* some kept, some cut: the check means something */
	softmax(l, keep, V, 1.5, p);
	s = make(opts(1.5f, 0.5f, 0), V);
	check_frequencies(s, l, p, V, DRAWS);
	rwkvc_sampler_destroy(s);
}

/*
 * The oracle for the kept set: sort everything, then top-p by cumulative
 * mass (ties with the last kept are kept) and top-k by rank. keep[i] = 1 when
 * kept.
 */
static void oracle_keep(const double *x, size_t n, double top_p, int32_t top_k, int *keep)
{
	int32_t *ids = malloc(n * sizeof *ids);
	double *p = malloc(n * sizeof *p), m = -HUGE_VAL, z = 0, acc = 0;
	sort_ids(x, n, ids);
	m = x[ids[0]];
	for (size_t i = 0; i < n; i++)
		z += p[i] = exp(x[i] - m);
	size_t last = n - 1;
	for (size_t r = 0; top_p < 1 && r < n; r++) {
		acc += p[ids[r]];
		if (acc >= top_p * z) {
			last = r;
			break;
		}
	}
	for (size_t r = 0; r < n; r++)
		keep[ids[r]] = x[ids[r]] >= x[ids[last]] && (top_k == 0 || r < (size_t)top_k);
	free(ids);
	free(p);
}

/* At V = 65536 the binned selection keeps exactly what sorting everything
 * keeps, for top-p, top-k and both, with logits that have many ties. The kept
 * set is read from the sampler's weights after a draw (white box: w[i] > 0). */
static void test_kept_set_matches_sort_oracle(void **state)
{
	(void)state;
	enum { V = 65536 };
	float *l = malloc(V * sizeof *l);
	double *x = malloc(V * sizeof *x);
	int *keep = malloc(V * sizeof *keep);
	static const struct {
		float top_p;
		int32_t top_k;
	} cases[] = { { 0.3f, 0 }, { 0.9f, 0 }, { 0.05f, 0 }, { 1, 40 }, { 1, 1000 }, { 0.5f, 25 }, { 0.97f, 3000 },
		      { 0, 0 } };
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		for (int shape = 0; shape < 2; shape++) {
			test_fill_random(l, V, 1000 + c, -9, 9);
			if (shape) /* quantised logits: ties everywhere, also at the cut */
				for (int i = 0; i < V; i++)
					l[i] = roundf(l[i] * 4) / 4;
			for (int i = 0; i < V; i++)
				x[i] = l[i];
			rwkvc_sampler_t *s = make(opts(0.8f, cases[c].top_p, cases[c].top_k), V);
			int32_t t = draw(s, l, V);
			oracle_keep(x, V, cases[c].top_p, cases[c].top_k, keep);
			size_t kept = 0;
			for (int i = 0; i < V; i++) {
				if ((s->w[i] > 0) != (keep[i] != 0))
					fail_msg("top_p %g top_k %d shape %d: id %d (logit %g) kept %d, oracle %d",
						 (double)cases[c].top_p, cases[c].top_k, shape, i, (double)l[i], s->w[i] > 0,
						 keep[i]);
				kept += keep[i] != 0;
			}
			assert_true(keep[t]);
			if (cases[c].top_k)
				assert_true(kept <= (size_t)cases[c].top_k);
			rwkvc_sampler_destroy(s);
		}
	}
	free(l);
	free(x);
	free(keep);
}

/* Presence and frequency penalties move the choice away from what was
 * generated; decay makes the counts fade. */
static void test_penalties(void **state)
{
	(void)state;
	enum { V = 16 };
	float l[V];
	test_fill_random(l, V, 5, -1, 1);
	l[5] = 3.0f; /* the best by 1.5 */
	l[9] = 1.5f; /* the runner-up */
	struct rwkvc_sampler_options o = opts(0, 1, 0);
	o.presence = 2.0f;
	rwkvc_sampler_t *s = make(o, V);
	assert_int_equal(draw(s, l, V), 5);
	assert_int_equal(rwkvc_sampler_accept(s, 5), 0);
	assert_int_equal(draw(s, l, V), 9); /* 3 - 2 < 1.5 */
	rwkvc_sampler_reset(s);
	assert_int_equal(draw(s, l, V), 5);
	rwkvc_sampler_destroy(s);

	o.presence = 0;
	o.frequency = 0.4f;
	s = make(o, V);
	for (int i = 0; i < 3; i++) { /* penalties 0, 0.4, 0.8 < 1.5: still 5 */
		assert_int_equal(draw(s, l, V), 5);
		assert_int_equal(rwkvc_sampler_accept(s, 5), 0);
	}
	assert_int_equal(draw(s, l, V), 5); /* 1.2 */
	assert_int_equal(rwkvc_sampler_accept(s, 5), 0);
	assert_int_equal(draw(s, l, V), 9); /* 1.6 > 1.5 */
	rwkvc_sampler_destroy(s);

	o.penalty_decay = 0.5f; /* counts: 1, 1.5, 1.75, 1.875... -> 2: penalty stays under 0.8 */
	s = make(o, V);
	for (int i = 0; i < 12; i++) {
		assert_int_equal(draw(s, l, V), 5);
		assert_int_equal(rwkvc_sampler_accept(s, 5), 0);
	}
	assert_true(s->counts[5] < 2 && s->counts[5] > 1.99);
	rwkvc_sampler_destroy(s);

	/* statistically: with a presence penalty, frequencies follow the penalised softmax */
	enum { W = 6 };
	float m[W] = { 0.5f, 0.1f, -0.4f, 0.9f, 0.0f, -1.0f };
	int keep[W] = { 1, 1, 1, 1, 1, 1 };
	double p[W];
	o = opts(1, 1, 0);
	o.presence = 0.7f;
	o.frequency = 0.2f;
	s = make(o, W);
	for (int i = 0; i < 3; i++)
		rwkvc_sampler_accept(s, 3);
	rwkvc_sampler_accept(s, 0);
	float pen[W];
	memcpy(pen, m, sizeof m);
	pen[3] -= 0.7f + 3 * 0.2f;
	pen[0] -= 0.7f + 0.2f;
	softmax(pen, keep, W, 1, p);
	check_frequencies(s, m, p, W, 100000);
	rwkvc_sampler_destroy(s);
}

/* Ids at or past vocab_limit are never drawn, however large their logits,
 * and logits beyond the given vocab are never read. */
static void test_forbidden_ids_never_drawn(void **state)
{
	(void)state;
	enum { V = 64, LIMIT = 60 };
	float l[V];
	test_fill_random(l, V, 8, -1, 1);
	for (int i = LIMIT; i < V; i++)
		l[i] = 50; /* far above everything allowed */
	for (int k = 0; k < 3; k++) {
		rwkvc_sampler_t *s = make(k == 0 ? opts(0, 1, 0) : k == 1 ? opts(2, 1, 0) : opts(1, 0.99f, 10), LIMIT);
		for (int i = 0; i < 5000; i++)
			assert_true(draw(s, l, V) < LIMIT);
		rwkvc_sampler_destroy(s);
	}
	/* a sampler larger than the row: only the row's ids */
	rwkvc_sampler_t *s = make(opts(3, 1, 0), 1000);
	for (int i = 0; i < 2000; i++)
		assert_true(draw(s, l, 10) < 10);
	rwkvc_sampler_destroy(s);
}

/* NaN and infinities are refused with the position; nothing is drawn. */
static void test_not_finite_refused(void **state)
{
	(void)state;
	enum { V = 100 };
	float l[V];
	rwkvc_sampler_t *s = make(opts(1, 0.5f, 0), 90);
	static const struct {
		int pos;
		float value;
		const char *word;
	} cases[] = { { 17, NAN, "logit 17 of 100 is NaN" },
		      { 0, INFINITY, "logit 0 of 100 is +Inf" },
		      { 42, -INFINITY, "logit 42 of 100 is -Inf" },
		      { 95, NAN, "logit 95 of 100 is NaN" } }; /* past vocab_limit: still refused */
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		test_fill_random(l, V, 3, -4, 4);
		l[cases[c].pos] = cases[c].value;
		int32_t t = 7;
		assert_int_equal(rwkvc_sampler_sample(s, l, V, &t), RWKVC_STATUS_NOT_FINITE);
		assert_int_equal(t, -1);
		if (!strstr(g_ctx.err.msg, cases[c].word))
			fail_msg("message '%s' lacks '%s'", g_ctx.err.msg, cases[c].word);
	}
	int32_t t;
	assert_int_equal(rwkvc_sampler_sample(s, NULL, V, &t), RWKVC_STATUS_BAD_ARGUMENT);
	assert_int_equal(rwkvc_sampler_sample(s, l, 0, &t), RWKVC_STATUS_BAD_ARGUMENT);
	assert_int_equal(rwkvc_sampler_accept(s, 90), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(g_ctx.err.msg, "accepted token 90 is outside [0, 90)"));
	assert_int_equal(rwkvc_sampler_accept(s, -1), RWKVC_STATUS_BAD_ARGUMENT);
	rwkvc_sampler_destroy(s);
}

static void test_bad_options(void **state)
{
	(void)state;
	static const struct {
		float temperature, top_p;
		int32_t top_k;
		float presence, decay;
		const char *msg;
	} cases[] = {
		{ -1, 0.5f, 0, 0, 1, "temperature -1: must be 0 (greedy) or more" },
		{ NAN, 0.5f, 0, 0, 1, "temperature nan" },
		{ INFINITY, 0.5f, 0, 0, 1, "temperature inf" },
		{ 1, 1.5f, 0, 0, 1, "top_p 1.5: must be in [0, 1]" },
		{ 1, -0.1f, 0, 0, 1, "top_p -0.1" },
		{ 1, NAN, 0, 0, 1, "top_p nan" },
		{ 1, 0.5f, -3, 0, 1, "top_k -3: must be 0 (off) or more" },
		{ 1, 0.5f, 0, NAN, 1, "penalties must be finite numbers" },
		{ 1, 0.5f, 0, 0, 1.5f, "penalty_decay 1.5: must be in [0, 1]" },
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct rwkvc_sampler_options o = opts(cases[c].temperature, cases[c].top_p, cases[c].top_k);
		o.presence = cases[c].presence;
		o.penalty_decay = cases[c].decay;
		rwkvc_sampler_t *s = (rwkvc_sampler_t *)&g_ctx; /* must be reset to NULL */
		assert_int_equal(rwkvc_sampler_options_check(&g_ctx, &o), RWKVC_STATUS_BAD_ARGUMENT);
		assert_int_equal(rwkvc_sampler_create(&g_ctx, &o, 10, &s), RWKVC_STATUS_BAD_ARGUMENT);
		assert_null(s);
		if (!strstr(g_ctx.err.msg, cases[c].msg))
			fail_msg("message '%s' lacks '%s'", g_ctx.err.msg, cases[c].msg);
	}
	struct rwkvc_sampler_options o = rwkvc_sampler_options_default();
	rwkvc_sampler_t *s;
	assert_int_equal(rwkvc_sampler_create(&g_ctx, &o, 0, &s), RWKVC_STATUS_BAD_ARGUMENT);
	assert_non_null(strstr(g_ctx.err.msg, "vocab_limit 0"));
	/* the documented defaults */
	assert_true(o.temperature == 1.0f && o.top_p == 0.3f && o.top_k == 0 && o.presence == 0 && o.frequency == 0 &&
		    o.penalty_decay == 1.0f);
}

/* The same seed gives the same tokens; another seed others; reset and
 * set_seed restart the stream. The golden sequence pins the generator and
 * the algorithm: a change that alters draws shows up here. */
static void test_determinism(void **state)
{
	(void)state;
	enum { V = 1000, N = 40 };
	static float l[V];
	test_fill_random(l, V, 77, -3, 3);
	int32_t a[N], b[N], c[N];
	rwkvc_sampler_t *s1 = make(opts(1, 0.9f, 0), V), *s2 = make(opts(1, 0.9f, 0), V);
	struct rwkvc_sampler_options o = opts(1, 0.9f, 0);
	o.seed = 43;
	rwkvc_sampler_t *s3 = make(o, V);
	for (int i = 0; i < N; i++)
		a[i] = draw(s1, l, V), b[i] = draw(s2, l, V), c[i] = draw(s3, l, V);
	assert_memory_equal(a, b, sizeof a);
	assert_memory_not_equal(a, c, sizeof a);
	rwkvc_sampler_reset(s1);
	for (int i = 0; i < N; i++)
		b[i] = draw(s1, l, V);
	assert_memory_equal(a, b, sizeof a);
	rwkvc_sampler_set_seed(s3, 42);
	for (int i = 0; i < N; i++)
		c[i] = draw(s3, l, V);
	assert_memory_equal(a, c, sizeof a);
	/* recorded when the sampler was written; the same on every machine */
	static const int32_t golden[8] = { 74, 368, 653, 912, 982, 735, 694, 817 };
	assert_memory_equal(a, golden, sizeof golden);
	/* the generator alone: splitmix64(42) then xoshiro256**, 53-bit uniforms */
	uint64_t rng[4];
	sample_seed(rng, 42);
	double u = sample_uniform(rng);
	assert_true(u == 0.083862971059882163); /* recorded, as the golden draws */
	rwkvc_sampler_destroy(s1);
	rwkvc_sampler_destroy(s2);
	rwkvc_sampler_destroy(s3);
}

/* Our exp against libm's, and its edges. */
static void test_exp(void **state)
{
	(void)state;
	double worst = 0;
	for (int i = 0; i <= 200000; i++) {
		double x = -700.0 * i / 200000;
		double rel = fabs(sample_exp(x) - exp(x)) / exp(x);
		worst = rel > worst ? rel : worst;
	}
	print_message("    largest relative error of sample_exp over [-700, 0]: %.3g\n", worst);
	assert_true(worst < 1e-14);
	assert_true(sample_exp(0) == 1.0);
	assert_true(sample_exp(-708.5) == 0.0);
	assert_true(sample_exp(-1e308) == 0.0);
}

/* Every allocation of a sampler can fail cleanly. */
static void test_allocation_failures(void **state)
{
	(void)state;
	struct rwkvc_sampler_options o = rwkvc_sampler_options_default();
	int failures = 0;
	for (int k = 1; k <= 10; k++) {
		rwkvc_sampler_t *s;
		fault_alloc_arm(k);
		enum rwkvc_status st = rwkvc_sampler_create(&g_ctx, &o, 500, &s);
		fault_alloc_arm(0);
		if (st == RWKVC_STATUS_OK) {
			rwkvc_sampler_destroy(s);
			break;
		}
		assert_int_equal(st, RWKVC_STATUS_NO_MEMORY);
		assert_null(s);
		failures++;
	}
	assert_int_equal(failures, 5); /* the sampler, counts and three scratch arrays */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_greedy_is_argmax),
		cmocka_unit_test(test_frequencies_match_softmax),
		cmocka_unit_test(test_kept_set_matches_sort_oracle),
		cmocka_unit_test(test_penalties),
		cmocka_unit_test(test_forbidden_ids_never_drawn),
		cmocka_unit_test(test_not_finite_refused),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_determinism),
		cmocka_unit_test(test_exp),
		cmocka_unit_test(test_allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
