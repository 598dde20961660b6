/*
 * testops_cases.c - what `rwkvc test-ops` runs: shapes and storage types per
 * kernel kind, the random inputs, and the error bounds.
 *
 * Shapes are chosen to break kernels: widths that are not multiples of any
 * workgroup (200, 131), K not a multiple of the vector width (131: scalar
 * loads), M = 1, a single head and three heads, T = 1 (the decode path), 3 (a
 * partial token tile) and t_max, and weights bound as 2 or 3 uneven row
 * chunks. --perf adds the matrices of the real 0.1B / 1.5B / 2.9B models.
 */
#include "testops.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/half.h"

struct dt {
	enum dtype act, weight;
};

static const struct dt ALL_DT[4] = {
	{ DTYPE_F32, DTYPE_F32 }, { DTYPE_F32, DTYPE_F16 }, { DTYPE_F16, DTYPE_F32 }, { DTYPE_F16, DTYPE_F16 }
};
static const struct dt ACT_DT[2] = { { DTYPE_F32, DTYPE_F32 }, { DTYPE_F16, DTYPE_F16 } };

struct list {
	struct testops_case *c;
	int n;
};

static struct kernel_desc desc_of(enum kernel_kind kind, struct dt d, int64_t t_max)
{
	struct kernel_desc k;
	memset(&k, 0, sizeof k);
	k.kind = kind;
	k.act = d.act;
	k.weight = d.weight;
	k.t_max = t_max;
	return k;
}

/* Appends a case named kind + the formatted shape + dtypes; T = 1, 3, t_max. */
static struct testops_case *add(struct list *l, const struct kernel_desc *k, bool quick, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static struct testops_case *add(struct list *l, const struct kernel_desc *k, bool quick, const char *fmt, ...)
{
	if (l->n == TESTOPS_MAX_CASES)
		return &l->c[l->n - 1]; /* cannot happen with the lists below; keeps writes in bounds */
	struct testops_case *c = &l->c[l->n++];
	memset(c, 0, sizeof *c);
	c->desc = *k;
	c->quick = quick;
	c->chunks = 1;
	char shape[80];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(shape, sizeof shape, fmt, ap);
	va_end(ap);
	bool weights = k->kind == KERNEL_MATVEC || k->kind == KERNEL_EMBEDDING || k->kind == KERNEL_LAYER_NORM ||
		       k->kind == KERNEL_GROUP_NORM || k->kind == KERNEL_RK_BONUS || k->kind == KERNEL_ELEMENTWISE;
	snprintf(c->name, sizeof c->name, "%s %s act=%s%s%s", kernel_kind_name(k->kind), shape, dtype_name(k->act),
		 weights ? " w=" : "", weights ? dtype_name(k->weight) : "");
	int64_t ts[3] = { 1, 3, k->t_max };
	for (int i = 0; i < 3; i++)
		if (ts[i] <= k->t_max && (c->n_T == 0 || c->T[c->n_T - 1] < ts[i]))
			c->T[c->n_T++] = ts[i];
	return c;
}

static void suffix(struct testops_case *c, const char *s)
{
	size_t n = strlen(c->name);
	snprintf(c->name + n, sizeof c->name - n, " %s", s);
}

static void embeddings(struct list *l)
{
	for (int w = 0; w < 2; w++)
		for (int d = 0; d < 4; d++) {
			struct kernel_desc k = desc_of(KERNEL_EMBEDDING, ALL_DT[d], 8);
			k.width = w ? 200 : 128;
			k.m = 50;
			add(l, &k, w == 0 && d == 0, "W=%lld V=50", (long long)k.width);
		}
	struct kernel_desc k = desc_of(KERNEL_EMBEDDING, ALL_DT[3], 8);
	k.width = 200;
	k.m = 50;
	struct testops_case *c = add(l, &k, true, "W=200 V=50");
	c->chunks = 3;
	suffix(c, "chunks=3");
}

static void norms(struct list *l)
{
	static const int64_t ln_w[3] = { 128, 200, 768 };
	for (int w = 0; w < 3; w++)
		for (int d = 0; d < 4; d++) {
			if (w == 2 && (d == 1 || d == 2))
				continue;
			struct kernel_desc k = desc_of(KERNEL_LAYER_NORM, ALL_DT[d], 8);
			k.width = k.group = ln_w[w];
			k.eps = 1e-5;
			add(l, &k, w == 1 && (d == 0 || d == 3), "W=%lld", (long long)k.width);
		}
	static const int64_t gw[3][2] = { { 64, 64 }, { 192, 64 }, { 200, 50 } };
	for (int s = 0; s < 3; s++)
		for (int d = 0; d < 4; d++) {
			if (s != 1 && (d == 1 || d == 2))
				continue;
			struct kernel_desc k = desc_of(KERNEL_GROUP_NORM, ALL_DT[d], 8);
			k.width = gw[s][0];
			k.group = gw[s][1];
			k.eps = 64e-5;
			add(l, &k, s == 1 && d == 3, "W=%lld G=%lld", (long long)k.width, (long long)k.group);
		}
	for (int s = 0; s < 3; s++)
		for (int d = 0; d < 2; d++) {
			struct kernel_desc k = desc_of(KERNEL_L2_NORM, ACT_DT[d], 8);
			k.width = gw[s][0];
			k.group = gw[s][1];
			k.eps = 1e-12;
			add(l, &k, s == 2 && d == 1, "W=%lld G=%lld", (long long)k.width, (long long)k.group);
		}
}

static struct testops_case *matvec(struct list *l, int64_t kk, int64_t m, struct dt d, int64_t t_max, bool quick)
{
	struct kernel_desc k = desc_of(KERNEL_MATVEC, d, t_max);
	k.k = kk;
	k.m = m;
	struct testops_case *c = add(l, &k, quick, "K=%lld M=%lld", (long long)kk, (long long)m);
	if (t_max == 16) { /* two token tiles, the second partial */
		c->T[c->n_T - 1] = 11;
		c->T[c->n_T++] = 16;
	}
	return c;
}

static void matvecs(struct list *l)
{
	static const int64_t shapes[6][2] = { { 128, 128 }, { 200, 131 }, { 131, 64 }, { 768, 1 }, { 64, 200 }, { 1000, 300 } };
	for (int s = 0; s < 6; s++)
		for (int d = 0; d < 4; d++)
			matvec(l, shapes[s][0], shapes[s][1], ALL_DT[d], s == 1 || s == 5 ? 16 : 8,
			       (s == 1 && d == 3) || (s == 2 && d == 0) || (s == 3 && d == 1));
	/* decode-only kernels (t_max = 1) have a single code path */
	matvec(l, 128, 128, ALL_DT[3], 1, true);
	static const enum kernel_epilogue epi[3] = { EPILOGUE_TANH, EPILOGUE_SIGMOID, EPILOGUE_RELU_SQ };
	static const char *const epi_name[3] = { "tanh", "sigmoid", "relu_sq" };
	for (int i = 0; i < 3; i++)
		for (int d = 0; d < 4; d += 3) {
			struct testops_case *c = matvec(l, 200, 131, ALL_DT[d], 16, i == 2 && d == 3);
			c->desc.epilogue = epi[i];
			c->desc.residual = i != 1;
			suffix(c, epi_name[i]);
			if (c->desc.residual)
				suffix(c, "+res");
		}
	struct testops_case *c = matvec(l, 200, 131, ALL_DT[1], 16, true);
	c->chunks = 2;
	suffix(c, "chunks=2");
	c = matvec(l, 1000, 300, ALL_DT[3], 8, true);
	c->chunks = 3;
	c->desc.residual = true;
	c->inplace = true;
	suffix(c, "+res in-place chunks=3");
}

/*
 * Quantised matrices: rows of 1, 3 and 2 blocks (Q8_0: K = 32 is one block
 * per invocation group, 96 leaves a partial step), M not a multiple of the
 * rows per workgroup, two token tiles, row chunks (with a residual added in
 * place), and an epilogue. The weights are random floats; the GPU gets them
 * quantised and the reference the same blocks decoded.
 */
static void quantised_matvecs(struct list *l)
{
	static const enum dtype types[3] = { DTYPE_Q8_0, DTYPE_Q4_K, DTYPE_Q6_K };
	for (int q = 0; q < 3; q++) {
		int64_t blk = q == 0 ? 32 : 256;
		for (int a = 0; a < 2; a++) {
			struct dt d = { a ? DTYPE_F16 : DTYPE_F32, types[q] };
			matvec(l, 3 * blk, 131, d, 16, a == 1);
			matvec(l, blk, 64, d, 8, false);
		}
		struct dt d = { DTYPE_F16, types[q] };
		struct testops_case *c = matvec(l, 2 * blk, 1, d, 1, false);
		c = matvec(l, 2 * blk, 300, d, 8, true);
		c->chunks = 3;
		c->desc.residual = true;
		c->inplace = true;
		suffix(c, "+res in-place chunks=3");
		c = matvec(l, 2 * blk, 131, (struct dt){ DTYPE_F32, types[q] }, 16, false);
		c->desc.epilogue = EPILOGUE_RELU_SQ;
		suffix(c, "relu_sq");
	}
}

/*
 * Matvec sets (independent matvecs in one dispatch), parts of different
 * weight types as a quantised plan makes them: a Q4_K matrix next to an f16
 * (or f32) LoRA factor with an epilogue and a Q8_0 one with a residual.
 */
static void matvec_sets(struct list *l)
{
	for (int a = 0; a < 2; a++) {
		struct dt d = a ? (struct dt){ DTYPE_F16, DTYPE_F16 } : (struct dt){ DTYPE_F32, DTYPE_F32 };
		struct kernel_desc k = desc_of(KERNEL_MATVEC_SET, d, 16);
		k.set.n = 3;
		k.set.part[0] = (struct matvec_part){ 512, 131, EPILOGUE_NONE, false, DTYPE_Q4_K };
		k.set.part[1] = (struct matvec_part){ 512, 40, EPILOGUE_TANH, false, d.weight };
		k.set.part[2] = (struct matvec_part){ 256, 100, EPILOGUE_NONE, true, DTYPE_Q8_0 };
		k.width = 512;
		struct testops_case *c = add(l, &k, a == 1, "q4_k+%s tanh+q8_0 res", dtype_name(d.weight));
		c->T[c->n_T - 1] = 11;
		c->T[c->n_T++] = 16;
	}
	struct kernel_desc k = desc_of(KERNEL_MATVEC_SET, (struct dt){ DTYPE_F16, DTYPE_F16 }, 8);
	k.set.n = 2;
	k.set.part[0] = (struct matvec_part){ 200, 131, EPILOGUE_SIGMOID, false, DTYPE_F16 };
	k.set.part[1] = (struct matvec_part){ 256, 64, EPILOGUE_NONE, false, DTYPE_Q6_K };
	k.width = 200;
	add(l, &k, false, "f16 sigmoid+q6_k");
}

/* Elementwise programs: a name, inputs with their broadcasts, immediates, code. */
struct ew_spec {
	const char *name;
	int n_in;
	enum ew_bcast bc[3];
	double imm[2];
	int n_imm;
	int n_code;
	struct ew_instr code[4];
	bool weights; /* has EW_ROW / EW_ONE inputs: all four dtype pairs */
};

#define IN(i) { EW_OPERAND_INPUT, i }
#define RES(i) { EW_OPERAND_RESULT, i }
#define IMM(i) { EW_OPERAND_IMM, i }

static const struct ew_spec EW_SPECS[] = {
	{ "add(x,row)", 2, { EW_FULL, EW_ROW }, { 0 }, 0, 1, { { OP_ADD, { IN(0), IN(1) } } }, true },
	{ "sub(x,y)", 2, { EW_FULL, EW_FULL }, { 0 }, 0, 1, { { OP_SUB, { IN(0), IN(1) } } }, false },
	{ "mul(x,one)", 2, { EW_FULL, EW_ONE }, { 0 }, 0, 1, { { OP_MUL, { IN(0), IN(1) } } }, true },
	{ "lerp(x,y,row)", 3, { EW_FULL, EW_FULL, EW_ROW }, { 0 }, 0, 1, { { OP_LERP, { IN(0), IN(1), IN(2) } } }, true },
	{ "tanh(x)", 1, { EW_FULL }, { 0 }, 0, 1, { { OP_TANH, { IN(0) } } }, false },
	{ "sigmoid(x)", 1, { EW_FULL }, { 0 }, 0, 1, { { OP_SIGMOID, { IN(0) } } }, false },
	{ "relu_sq(x)", 1, { EW_FULL }, { 0 }, 0, 1, { { OP_RELU_SQ, { IN(0) } } }, false },
	{ "copy(x)", 1, { EW_FULL }, { 0 }, 0, 1, { { OP_COPY, { IN(0) } } }, false },
	{ "decay(x+row)", 2, { EW_FULL, EW_ROW }, { 0 }, 0, 2,
	  { { OP_ADD, { IN(0), IN(1) } }, { OP_DECAY, { RES(0) } } }, true },
	/* k * (1 + (a - 1) * k_a), the RWKV-7 key update, with immediates */
	{ "k*(1+(a-1)*k_a)", 3, { EW_FULL, EW_FULL, EW_ROW }, { 1.0, -0.5 }, 2, 4,
	  { { OP_SUB, { IN(1), IMM(0) } }, { OP_MUL, { RES(0), IN(2) } }, { OP_ADD, { RES(1), IMM(0) } },
	    { OP_MUL, { IN(0), RES(2) } } },
	  true },
	{ "sigmoid(-0.5-x)", 1, { EW_FULL }, { -0.5 }, 1, 2, { { OP_SUB, { IMM(0), IN(0) } }, { OP_SIGMOID, { RES(0) } } },
	  false },
};

static void elementwise(struct list *l)
{
	int n_specs = (int)(sizeof EW_SPECS / sizeof EW_SPECS[0]);
	for (int s = 0; s < n_specs; s++) {
		const struct ew_spec *sp = &EW_SPECS[s];
		for (int d = 0; d < (sp->weights ? 4 : 2); d++) {
			struct kernel_desc k = desc_of(KERNEL_ELEMENTWISE, sp->weights ? ALL_DT[d] : ACT_DT[d], 8);
			k.width = s == 9 && d == 0 ? 128 : 200;
			struct ew_program *p = &k.ew;
			p->n_in = sp->n_in;
			memcpy(p->bcast, sp->bc, sizeof sp->bc);
			p->n_imm = sp->n_imm;
			memcpy(p->imm, sp->imm, sizeof sp->imm);
			p->n_code = sp->n_code;
			memcpy(p->code, sp->code, sizeof sp->code);
			add(l, &k, (s == 3 || s == 9) && d == 3, "W=%lld %s", (long long)k.width, sp->name);
		}
	}
}

static void movement(struct list *l)
{
	for (int w = 0; w < 2; w++)
		for (int d = 0; d < 2; d++) {
			struct kernel_desc k = desc_of(KERNEL_TOKEN_SHIFT, ACT_DT[d], 8);
			k.width = w ? 200 : 128;
			add(l, &k, w == 1 && d == 1, "W=%lld", (long long)k.width);
			k.kind = KERNEL_LAST_ROW;
			add(l, &k, w == 1 && d == 1, "W=%lld", (long long)k.width);
		}
}

static void heads(struct list *l)
{
	static const int64_t hn[3][2] = { { 1, 64 }, { 3, 64 }, { 2, 32 } };
	for (int s = 0; s < 3; s++)
		for (int d = 0; d < 2; d++) {
			struct kernel_desc k = desc_of(KERNEL_WKV7, ACT_DT[d], 8);
			k.group = hn[s][1];
			k.width = hn[s][0] * k.group;
			add(l, &k, s == 1 && d == 1, "H=%lld N=%lld", (long long)hn[s][0], (long long)k.group);
			if (s == 1) {
				struct testops_case *c = add(l, &k, d == 0, "H=3 N=64");
				c->inplace = true;
				suffix(c, "in-place");
			}
		}
	for (int s = 0; s < 2; s++)
		for (int d = 0; d < 4; d++) {
			struct kernel_desc k = desc_of(KERNEL_RK_BONUS, ALL_DT[d], 8);
			k.group = 64;
			k.width = hn[s][0] * 64;
			add(l, &k, s == 1 && d == 2, "H=%lld N=64", (long long)hn[s][0]);
		}
}

/* The decode shapes (M x K) of the 0.1B and 2.9B models in Q8_0 and Q4_K, and
 * the heads in Q6_K (as a Q4_K_M GGUF stores them). */
static void perf_quantised(struct list *l)
{
	static const int64_t mk[][2] = { { 768, 768 },   { 3072, 768 },   { 768, 3072 },   { 65536, 768 },
					 { 2560, 2560 }, { 10240, 2560 }, { 2560, 10240 }, { 65536, 2560 } };
	static const enum dtype types[3] = { DTYPE_Q8_0, DTYPE_Q4_K, DTYPE_Q6_K };
	for (int q = 0; q < 3; q++)
		for (size_t i = 0; i < sizeof mk / sizeof mk[0]; i++) {
			if (types[q] == DTYPE_Q6_K && mk[i][0] != 65536)
				continue;
			struct testops_case *c = matvec(l, mk[i][1], mk[i][0], (struct dt){ DTYPE_F16, types[q] }, 16, false);
			c->T[0] = 1;
			c->T[1] = 16;
			c->n_T = 2;
			c->perf_only = true;
		}
}

/* The real decode shapes (M x K) of the 0.1B, 1.5B and 2.9B models, f16. */
static void perf_shapes(struct list *l)
{
	static const int64_t mk[][2] = { { 768, 768 },    { 3072, 768 },   { 768, 3072 },   { 65536, 768 },
					 { 2048, 2048 },  { 8192, 2048 },  { 2048, 8192 },  { 65536, 2048 },
					 { 2560, 2560 },  { 10240, 2560 }, { 2560, 10240 }, { 65536, 2560 } };
	for (size_t i = 0; i < sizeof mk / sizeof mk[0]; i++) {
		struct testops_case *c = matvec(l, mk[i][1], mk[i][0], ALL_DT[3], 16, false);
		c->T[0] = 1;
		c->T[1] = 16;
		c->n_T = 2;
		c->perf_only = true;
	}
	struct kernel_desc k = desc_of(KERNEL_WKV7, ALL_DT[3], 16);
	k.group = 64;
	k.width = 2560;
	struct testops_case *c = add(l, &k, false, "H=40 N=64");
	c->perf_only = true;
	k = desc_of(KERNEL_LAYER_NORM, ALL_DT[3], 16);
	k.width = k.group = 2560;
	k.eps = 1e-5;
	add(l, &k, false, "W=2560")->perf_only = true;
	k = desc_of(KERNEL_GROUP_NORM, ALL_DT[3], 16);
	k.width = 2560;
	k.group = 64;
	k.eps = 64e-5;
	add(l, &k, false, "W=2560 G=64")->perf_only = true;
}

int testops_cases(struct testops_case *out)
{
	struct list l = { out, 0 };
	embeddings(&l);
	norms(&l);
	matvecs(&l);
	quantised_matvecs(&l);
	matvec_sets(&l);
	elementwise(&l);
	movement(&l);
	heads(&l);
	perf_shapes(&l);
	perf_quantised(&l);
	return l.n;
}

/* ---- inputs ---- */

static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Uniform in [lo, hi). */
static float uniform(uint64_t *s, float lo, float hi)
{
	return lo + (hi - lo) * (float)((double)(next(s) >> 40) / 16777216.0);
}

void testops_fill_input(const struct testops_case *c, int i, int64_t T, float *out, int64_t n, uint64_t seed)
{
	(void)T;
	const struct kernel_desc *k = &c->desc;
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	kernel_binding_info(k, info);
	uint64_t s = seed * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull + (uint64_t)i;
	float lo = -1, hi = 1;
	if (k->kind == KERNEL_EMBEDDING && i == 0) {
		for (int64_t j = 0; j < n; j++) {
			int32_t id = (int32_t)(next(&s) % (uint64_t)k->m);
			memcpy(&out[j], &id, sizeof id);
		}
		return;
	}
	if ((k->kind == KERNEL_LAYER_NORM || k->kind == KERNEL_GROUP_NORM) && i == 0)
		lo = 1.5f, hi = 3.5f; /* a large mean: one-pass variance would cancel */
	if (k->kind == KERNEL_WKV7 && i == 1)
		lo = 0.55f, hi = 1.0f; /* decays */
	if (k->kind == KERNEL_WKV7 && i == 5)
		lo = 0.0f, hi = 1.0f; /* in-context learning rates */
	if (k->kind == KERNEL_ELEMENTWISE)
		lo = -3, hi = 3; /* reaches the saturating parts of tanh / sigmoid */
	for (int64_t j = 0; j < n; j++)
		out[j] = uniform(&s, lo, hi);
	if (k->kind == KERNEL_WKV7 && i == 4) /* kk: unit L2 norm per head, as the model makes it */
		for (int64_t h0 = 0; h0 < n; h0 += k->group) {
			double ss = 0;
			for (int64_t j = 0; j < k->group; j++)
				ss += (double)out[h0 + j] * out[h0 + j];
			for (int64_t j = 0; j < k->group; j++)
				out[h0 + j] = (float)(out[h0 + j] / sqrt(ss));
		}
	if (info[i].dtype == DTYPE_F16)
		for (int64_t j = 0; j < n; j++)
			out[j] = half_to_float(float_to_half(out[j]));
}

double testops_bound(const struct kernel_desc *k, enum dtype d)
{
	(void)k;
	/*
	 * f32 outputs: the kernels compute in f32 what the reference sums in
	 * f64; rounding errors of the longest reductions here (K = 10240,
	 * summed as per-invocation partial sums plus a tree) stay near 1e-6
	 * relative, so 1e-5 leaves a margin while any real bug (a wrong or
	 * missing element) shows as 1e-2 or more for these sizes.
	 * f16 outputs: both sides see the same f16 inputs; the output rounding
	 * alone has an rms relative error of 2^-11/sqrt(3) = 2.8e-4 when rounded
	 * to nearest (twice that if a driver truncates); 2e-3 is 3.5 times the
	 * truncating case.
	 */
	return d == DTYPE_F16 ? 2e-3 : 1e-5;
}
