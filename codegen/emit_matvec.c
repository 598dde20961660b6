/*
 * emit_matvec.c - y[t, m] = epilogue(sum_k W[m, k] x[t, k] (+ residual[t, m])).
 *
 * Shape of the kernel (../shared/notes/gpu-design.md, recommendations 4-6):
 *   - a workgroup computes R consecutive output rows; its invocations split
 *     K, each taking ELEMS consecutive elements per step (one 16-byte load of
 *     W per row where K allows) so that consecutive invocations read
 *     consecutive bytes; the x chunk is loaded once per step and reused for
 *     the R rows; steps whose count is known are unrolled so several loads
 *     are in flight;
 *   - T = 1 (decode) has its own code path; for T > 1 the workgroup walks the
 *     tokens in tiles of TT, so each weight element read serves TT tokens
 *     (token indices past T are clamped for loading and not stored);
 *   - partial sums are reduced with subgroupAdd and, when the workgroup has
 *     several subgroups, one shared-memory step; without subgroup arithmetic,
 *     a shared-memory tree;
 *   - GPUs: 32-128 invocations and 2-8 rows; CPUs (lavapipe): one subgroup of
 *     8 and 8 rows, no shared memory or barrier at all.
 *
 * Weights may be split into row chunks: the W binding then holds pc.rows rows
 * starting at row pc.row0, and y / residual are indexed by the full row.
 *
 * The weight format lives only in a weight loader (struct weight_loader
 * below): it declares the W binding and a GLSL function load_w(row, e, w)
 * that returns elements e .. e+ELEMS-1 of a row as f32 (vec4 chunks, or a
 * float when ELEMS is 1). f32, f16, Q8_0, Q4_K and Q6_K have loaders.
 */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

enum { MV_MAX_ROWS = 8, MV_MAX_TILE = 8 };

/* ---- weight loaders ---- */

struct weight_loader {
	enum dtype dtype;
	/* elements per load for rows of k elements (a power of two: 1, 4, 8 or 16) */
	uint32_t (*elems)(int64_t k);
	/* declares binding `binding` and load_w() (constants K and the types VT, EV exist) */
	void (*emit)(struct strbuf *b, int binding, uint32_t elems);
};

static uint32_t elems_f32(int64_t k) { return k % 4 == 0 ? 4 : 1; }
static uint32_t elems_f16(int64_t k) { return k % 8 == 0 ? 8 : k % 4 == 0 ? 4 : 1; }

static void emit_w_f32(struct strbuf *b, int binding, uint32_t elems)
{
	if (elems == 1) {
		emit_buffer(b, binding, "readonly", "float", "W");
		strbuf_append(b, "void load_w(uint row, uint e, out float w[1]) { w[0] = W[row * K + e]; }\n");
		return;
	}
	emit_buffer(b, binding, "readonly", "vec4", "W");
	strbuf_append(b, "void load_w(uint row, uint e, out vec4 w[1]) { w[0] = W[(row * K + e) >> 2]; }\n");
}

static void emit_w_f16(struct strbuf *b, int binding, uint32_t elems)
{
	if (elems == 1) {
		emit_buffer(b, binding, "readonly", "float16_t", "W");
		strbuf_append(b, "void load_w(uint row, uint e, out float w[1]) { w[0] = float(W[row * K + e]); }\n");
	} else if (elems == 4) {
		emit_buffer(b, binding, "readonly", "uvec2", "W");
		strbuf_append(b, "void load_w(uint row, uint e, out vec4 w[1]) {\n"
				 "    uvec2 q = W[(row * K + e) >> 2];\n"
				 "    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));\n"
				 "}\n");
	} else {
		/* 8 halves in one 16-byte load; the lower address is the low half */
		emit_buffer(b, binding, "readonly", "uvec4", "W");
		strbuf_append(b, "void load_w(uint row, uint e, out vec4 w[2]) {\n"
				 "    uvec4 q = W[(row * K + e) >> 3];\n"
				 "    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));\n"
				 "    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));\n"
				 "}\n");
	}
}

/* Quantised loaders: emit_quant.c. */
static uint32_t elems_q8_0(int64_t k) { (void)k; return 8; }
static uint32_t elems_k(int64_t k) { (void)k; return 16; }

static const struct weight_loader LOADERS[] = {
	{ DTYPE_F32, elems_f32, emit_w_f32 },   { DTYPE_F16, elems_f16, emit_w_f16 },
	{ DTYPE_Q8_0, elems_q8_0, emit_w_q8_0 }, { DTYPE_Q4_K, elems_k, emit_w_q4_k },
	{ DTYPE_Q6_K, elems_k, emit_w_q6_k },
};

static const struct weight_loader *loader_for(enum dtype d)
{
	for (size_t i = 0; i < sizeof LOADERS / sizeof LOADERS[0]; i++)
		if (LOADERS[i].dtype == d)
			return &LOADERS[i];
	return NULL;
}

/* x (activations) in the same chunks as the weights: load_x(t, e, x). */
static void emit_x(struct strbuf *b, int binding, enum dtype act, uint32_t elems)
{
	if (elems == 1) {
		emit_buffer(b, binding, "readonly", emit_scalar_type(act), "X");
		strbuf_append(b, "void load_x(uint t, uint e, out float x[1]) { x[0] = float(X[t * K + e]); }\n");
	} else if (act == DTYPE_F32) {
		emit_buffer(b, binding, "readonly", "vec4", "X");
		strbuf_printf(b, "void load_x(uint t, uint e, out vec4 x[%u]) {\n    uint q = (t * K + e) >> 2;\n",
			      elems / 4);
		for (uint32_t v = 0; v < elems / 4; v++)
			strbuf_printf(b, "    x[%u] = X[q + %uu];\n", v, v);
		strbuf_append(b, "}\n");
	} else {
		emit_buffer(b, binding, "readonly", elems >= 8 ? "uvec4" : "uvec2", "X");
		strbuf_printf(b, "void load_x(uint t, uint e, out vec4 x[%u]) {\n", elems / 4);
		if (elems == 8)
			strbuf_append(b, "    uvec4 q = X[(t * K + e) >> 3];\n"
					 "    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));\n"
					 "    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));\n");
		else if (elems == 16) /* the K-quants' loads */
			for (uint32_t v = 0; v < 2; v++)
				strbuf_printf(b, "    uvec4 q%u = X[((t * K + e) >> 3) + %uu];\n"
						 "    x[%u] = vec4(unpackHalf2x16(q%u.x), unpackHalf2x16(q%u.y));\n"
						 "    x[%u] = vec4(unpackHalf2x16(q%u.z), unpackHalf2x16(q%u.w));\n",
					      v, v, 2 * v, v, v, 2 * v + 1, v, v);
		else
			strbuf_append(b, "    uvec2 q = X[(t * K + e) >> 2];\n"
					 "    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));\n");
		strbuf_append(b, "}\n");
	}
}

/* ---- configuration ---- */

struct mv_cfg {
	uint32_t wg;    /* invocations */
	uint32_t rows;  /* output rows per workgroup (R) */
	uint32_t tile;  /* tokens per pass when T > 1 (TT) */
	uint32_t elems; /* elements per invocation per step */
	uint32_t slots; /* shared partial sums per output (per subgroup, or per invocation) */
};

/* Tuning experiments on a GPU: RWKVC_MV_ROWS / RWKVC_MV_WG override the rows per
 * workgroup and the invocations (the SPIR-V cache keys on the source, so
 * nothing stale is reused). Not for normal use. */
static void tuning_override(struct mv_cfg *c)
{
	const char *rows = getenv("RWKVC_MV_ROWS"), *wg = getenv("RWKVC_MV_WG");
	if (wg && atoi(wg) >= 32 && atoi(wg) <= 256)
		c->wg = emit_pow2_ceil((uint64_t)atoi(wg));
	if (rows && atoi(rows) >= 1 && atoi(rows) <= MV_MAX_ROWS)
		c->rows = (uint32_t)atoi(rows);
}

static struct mv_cfg mv_config(const struct kernel_desc *k, const struct codegen_target *t)
{
	struct mv_cfg c;
	const struct weight_loader *l = loader_for(k->weight);
	c.elems = l ? l->elems(k->k) : 1; /* x is read in the same chunks */
	uint32_t sg = emit_subgroup_size(t, t->cpu ? 8 : 32);
	if (t->cpu) {
		c.wg = sg;
		c.rows = 8;
		c.tile = 4;
	} else {
		/* enough invocations to cover K in one step, 32..128; fewer
		 * invocations get more rows so workgroups stay busy */
		uint32_t want = emit_pow2_ceil((uint64_t)((k->k + c.elems - 1) / c.elems));
		uint32_t lo = sg < 128 ? sg : 128;
		c.wg = want < lo ? lo : want > 128 ? 128 : want;
		c.rows = 2 * (128 / c.wg);
		if (c.rows > MV_MAX_ROWS)
			c.rows = MV_MAX_ROWS;
		tuning_override(&c);
		/* at most 32 accumulators per invocation (registers) */
		c.tile = 32 / c.rows < MV_MAX_TILE ? 32 / c.rows : MV_MAX_TILE;
	}
	if (t->max_workgroup_invocations && c.wg > t->max_workgroup_invocations)
		c.wg = emit_pow2_ceil(t->max_workgroup_invocations + 1) / 2;
	if (c.tile > k->t_max)
		c.tile = (uint32_t)k->t_max;
	/* a slot per invocation: enough however the device packs subgroups (a
	 * few KB at most, which costs no occupancy) */
	c.slots = c.wg;
	return c;
}

/* ---- the body ---- */

static const char *vt(const struct mv_cfg *c) { return c->elems == 1 ? "float" : "vec4"; }
static uint32_t ev(const struct mv_cfg *c) { return c->elems == 1 ? 1 : c->elems / 4; }

/* One step at element `e`: load x for nc tokens, W for R rows, accumulate. */
static void emit_step(struct strbuf *b, const struct mv_cfg *c, uint32_t nc, const char *indent)
{
	for (uint32_t j = 0; j < nc; j++)
		strbuf_printf(b, "%s%s x%u[%u]; load_x(tk%u, e, x%u);\n", indent, vt(c), j, ev(c), j, j);
	for (uint32_t r = 0; r < c->rows; r++)
		strbuf_printf(b, "%s%s w%u[%u]; load_w(row%u, e, w%u);\n", indent, vt(c), r, ev(c), r, r);
	for (uint32_t r = 0; r < c->rows; r++)
		for (uint32_t j = 0; j < nc; j++) {
			strbuf_printf(b, "%sacc%u_%u += ", indent, r, j);
			for (uint32_t v = 0; v < ev(c); v++)
				strbuf_printf(b, "%sdot(w%u[%u], x%u[%u])", v ? " + " : "", r, v, j, v);
			strbuf_append(b, ";\n");
		}
}

/* Sums every accumulator over the workgroup and stores it (see store()). */
static void emit_reduce(struct strbuf *b, const struct codegen_target *t, const struct mv_cfg *c, uint32_t nc)
{
	uint32_t nv = c->rows * nc;
	if (t->subgroup_arithmetic) {
		for (uint32_t r = 0; r < c->rows; r++)
			for (uint32_t j = 0; j < nc; j++)
				strbuf_printf(b, "    acc%u_%u = subgroupAdd(acc%u_%u);\n", r, j, r, j);
		/* one subgroup holds the whole workgroup: the sums are uniform, the
		 * invocations share the stores */
		strbuf_append(b, "    if (gl_NumSubgroups == 1u) {\n");
		for (uint32_t o = 0; o < nv; o++)
			strbuf_printf(b, "        if (lid == %uu) store(rbase + %uu, t0 + %uu, acc%u_%u);\n", o % c->wg,
				      o / nc, o % nc, o / nc, o % nc);
		strbuf_append(b, "        return;\n    }\n    if (subgroupElect()) {\n");
		for (uint32_t o = 0; o < nv; o++)
			strbuf_printf(b, "        red[%uu + gl_SubgroupID] = acc%u_%u;\n", o * c->slots, o / nc, o % nc);
		/* this tile's nv sums, not NV (the widest tile's): the rest of red is stale */
		strbuf_printf(b, "    }\n    memoryBarrierShared();\n    barrier();\n"
				 "    for (uint o = lid; o < %uu; o += WG) {\n"
				 "        float s = 0.0;\n"
				 "        for (uint i = 0u; i < gl_NumSubgroups; i++)\n"
				 "            s += red[o * SLOTS + i];\n", nv);
	} else {
		for (uint32_t o = 0; o < nv; o++)
			strbuf_printf(b, "    red[%uu + lid] = acc%u_%u;\n", o * c->slots, o / nc, o % nc);
		strbuf_printf(b, "    memoryBarrierShared();\n    barrier();\n"
				 "    [[unroll]] for (uint h = WG / 2u; h > 0u; h >>= 1) {\n"
				 "        if (lid < h)\n"
				 "            for (uint o = 0u; o < %uu; o++)\n"
				 "                red[o * SLOTS + lid] += red[o * SLOTS + lid + h];\n"
				 "        memoryBarrierShared();\n"
				 "        barrier();\n"
				 "    }\n"
				 "    for (uint o = lid; o < %uu; o += WG) {\n"
				 "        float s = red[o * SLOTS];\n", nv, nv);
	}
	strbuf_printf(b, "        store(rbase + o / %uu, t0 + o %% %uu, s);\n    }\n"
			 "    barrier(); // red is reused by the next tile\n",
		      nc, nc);
}

/* void tile<nc>(uint t0, uint rbase): rows rbase.. for tokens t0 .. t0+nc-1. */
static void emit_tile(struct strbuf *b, const struct codegen_target *t, const struct mv_cfg *c, uint32_t nc,
		      int64_t k, const char *rows)
{
	uint32_t step = c->wg * c->elems;
	uint64_t full = (uint64_t)k / step;
	bool tail = (uint64_t)k % step != 0;
	strbuf_printf(b, "void tile%u(uint t0, uint rbase) {\n    uint lid = gl_LocalInvocationID.x;\n", nc);
	/* out-of-range tokens and rows are clamped for loading, skipped by store() */
	for (uint32_t j = 0; j < nc; j++)
		strbuf_printf(b, "    uint tk%u = min(t0 + %uu, pc.T - 1u);\n", j, j);
	for (uint32_t r = 0; r < c->rows; r++)
		strbuf_printf(b, "    uint row%u = min(rbase + %uu, %s - 1u);\n", r, r, rows);
	for (uint32_t r = 0; r < c->rows; r++)
		for (uint32_t j = 0; j < nc; j++)
			strbuf_printf(b, "    float acc%u_%u = 0.0;\n", r, j);
	strbuf_printf(b, "    uint e = lid * %uu;\n", c->elems);
	if (full) {
		/* a known trip count: unrolled on GPUs, so loads of several steps overlap */
		bool unroll = !t->cpu && full <= 32;
		strbuf_printf(b, "    %sfor (uint s = 0u; s < %lluu; s++, e += %uu) {\n", unroll ? "[[unroll]] " : "",
			      (unsigned long long)full, step);
		emit_step(b, c, nc, "        ");
		strbuf_append(b, "    }\n");
	}
	if (tail) {
		strbuf_append(b, "    if (e < K) {\n");
		emit_step(b, c, nc, "        ");
		strbuf_append(b, "    }\n");
	}
	emit_reduce(b, t, c, nc);
	strbuf_append(b, "}\n");
}

/* store(r, t, v): rows limit and first row are pc.rows / pc.row0 for a
 * single matvec (its weight may be split in chunks), M / 0 for a part of a set. */
static void emit_store(struct strbuf *b, enum dtype act, enum kernel_epilogue epilogue, bool residual, const char *rows,
		       const char *row0)
{
	static const char *const epi[] = { [EPILOGUE_NONE] = "", [EPILOGUE_TANH] = "ew_tanh",
					   [EPILOGUE_SIGMOID] = "ew_sigmoid", [EPILOGUE_RELU_SQ] = "ew_relu_sq" };
	strbuf_printf(b,
		      "void store(uint r, uint t, float v) {\n"
		      "    if (r >= %s || t >= pc.T)\n"
		      "        return;\n"
		      "    uint at = t * M + %s + r;\n"
		      "    Y[at] = %s(%s(v%s));\n"
		      "}\n",
		      rows, row0, emit_scalar_type(act), epi[epilogue], residual ? " + float(residual[at])" : "");
}

enum rwkvc_status emit_matvec(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			      const struct codegen_target *t, const char *name)
{
	const struct weight_loader *l = loader_for(k->weight);
	if (!l)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s' (matvec): no weight loader for %s", name,
			       dtype_name(k->weight));
	if (k->k % dtype_block(k->weight) != 0)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s' (matvec): rows of K = %lld weights are not whole "
			       "%s blocks of %u (store the matrix as f16)", name, (long long)k->k, dtype_name(k->weight),
			       dtype_block(k->weight));
	if ((unsigned)k->epilogue > EPILOGUE_RELU_SQ)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s' (matvec): unknown epilogue %d", name,
			       (int)k->epilogue);
	struct mv_cfg c = mv_config(k, t);
	uint32_t tile = c.tile > 1 ? c.tile : 1;
	uint64_t shared = (uint64_t)c.rows * tile * c.slots * 4;
	if (t->max_shared_bytes && shared > t->max_shared_bytes)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s' (matvec): needs %llu bytes of shared memory, %u available",
			       name, (unsigned long long)shared, t->max_shared_bytes);
	emit_preamble(b, name, k, t, c.wg, true);
	strbuf_printf(b, "const uint K = %lluu, M = %lluu, WG = %uu, NV = %uu, SLOTS = %uu;\n",
		      (unsigned long long)k->k, (unsigned long long)k->m, c.wg, c.rows * tile, c.slots);
	emit_x(b, 0, k->act, c.elems);
	l->emit(b, 1, c.elems);
	int out = 2;
	if (k->residual)
		emit_buffer(b, out++, "readonly", emit_scalar_type(k->act), "residual");
	emit_buffer(b, out, "writeonly", emit_scalar_type(k->act), "Y");
	strbuf_printf(b, "shared float red[%llu];\n", (unsigned long long)(shared / 4));
	emit_group_id(b);
	emit_activations(b);
	emit_store(b, k->act, k->epilogue, k->residual, "pc.rows", "pc.row0");
	emit_tile(b, t, &c, 1, k->k, "pc.rows");
	if (tile > 1)
		emit_tile(b, t, &c, tile, k->k, "pc.rows");
	strbuf_printf(b, "void main() {\n"
			 "    uint rbase = group_id() * %uu;\n"
			 "    if (rbase >= pc.rows)\n"
			 "        return;\n",
		      c.rows);
	if (tile > 1)
		strbuf_printf(b, "    if (pc.T == 1u) {\n"
				 "        tile1(0u, rbase);\n"
				 "        return;\n"
				 "    }\n"
				 "    for (uint t0 = 0u; t0 < pc.T; t0 += %uu)\n"
				 "        tile%u(t0, rbase);\n",
			      tile, tile);
	else
		strbuf_append(b, "    tile1(0u, rbase);\n");
	strbuf_append(b, "}\n");
	return RWKVC_STATUS_OK;
}

void grid_matvec(const struct kernel_desc *k, const struct codegen_target *t, int64_t T, uint32_t rows,
		 uint32_t out_groups[3])
{
	(void)T;
	struct mv_cfg c = mv_config(k, t);
	emit_grid_linear((rows + c.rows - 1) / c.rows, out_groups);
}

/* ---- sets: independent matvecs in one dispatch ---- */

/* A part as a single-matvec description (what mv_config and the loaders look at). */
static struct kernel_desc part_desc(const struct kernel_desc *k, int p)
{
	struct kernel_desc d = *k;
	d.kind = KERNEL_MATVEC;
	d.k = k->set.part[p].k;
	d.m = k->set.part[p].m;
	d.epilogue = k->set.part[p].epilogue;
	d.residual = k->set.part[p].residual;
	d.weight = k->set.part[p].weight;
	return d;
}

/* One workgroup size for every part (the widest asks), rows and tile per part. */
static struct mv_cfg part_config(const struct kernel_desc *k, const struct codegen_target *t, int p, uint32_t wg)
{
	struct kernel_desc d = part_desc(k, p);
	struct mv_cfg c = mv_config(&d, t);
	if (!t->cpu && c.wg != wg) {
		c.wg = wg;
		c.rows = 2 * (128 / wg) < MV_MAX_ROWS ? 2 * (128 / wg) : MV_MAX_ROWS;
		c.rows = c.rows ? c.rows : 1;
		c.tile = 32 / c.rows < MV_MAX_TILE ? 32 / c.rows : MV_MAX_TILE;
		if (c.tile > k->t_max)
			c.tile = (uint32_t)k->t_max;
	}
	c.slots = wg;
	return c;
}

static uint32_t set_wg(const struct kernel_desc *k, const struct codegen_target *t)
{
	uint32_t wg = 0;
	for (int p = 0; p < k->set.n; p++) {
		struct kernel_desc d = part_desc(k, p);
		uint32_t w = mv_config(&d, t).wg;
		wg = w > wg ? w : wg;
	}
	return wg;
}

/* every global name of a single matvec's pieces (none of them a swizzle letter) */
static const char *const RENAMED[] = { "K", "M", "X", "W", "Y", "residual", "load_x", "load_w", "store" };
enum { N_RENAMED = sizeof RENAMED / sizeof RENAMED[0] };
/* and those of the quantised weight loaders */
static const char *const RENAMED_QUANT[] = { "NB", "w32", "sbytes", "ubytes" };
enum { N_RENAMED_QUANT = sizeof RENAMED_QUANT / sizeof RENAMED_QUANT[0] };

/* #define (or #undef) each global name of part p's pieces as name_p. */
static void rename_part(struct strbuf *b, const struct matvec_part *pt, int p, bool define)
{
	for (int r = 0; r < N_RENAMED; r++)
		strbuf_printf(b, define ? "#define %s %s_%d\n" : "#undef %s\n", RENAMED[r], RENAMED[r], p);
	for (int r = 0; dtype_block(pt->weight) > 1 && r < N_RENAMED_QUANT; r++)
		strbuf_printf(b, define ? "#define %s %s_%d\n" : "#undef %s\n", RENAMED_QUANT[r], RENAMED_QUANT[r], p);
}

enum rwkvc_status emit_matvec_set(struct err *e, struct strbuf *b, const struct kernel_desc *k,
				  const struct codegen_target *t, const char *name)
{
	if (k->set.n < 1 || k->set.n > MATVEC_SET_MAX)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s': %d parts (1 to %d)", name, k->set.n, MATVEC_SET_MAX);
	for (int p = 0; p < k->set.n; p++) {
		const struct matvec_part *pt = &k->set.part[p];
		if (!loader_for(pt->weight))
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s' (matvec set) part %d: no weight loader for %s",
				       name, p, dtype_name(pt->weight));
		if (pt->k % dtype_block(pt->weight) != 0)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s' (matvec set) part %d: rows of K = %lld weights "
				       "are not whole %s blocks of %u", name, p, (long long)pt->k, dtype_name(pt->weight),
				       dtype_block(pt->weight));
	}
	uint32_t wg = set_wg(k, t);
	uint64_t shared = 0;
	for (int p = 0; p < k->set.n; p++) {
		struct mv_cfg c = part_config(k, t, p, wg);
		uint64_t need = (uint64_t)c.rows * (c.tile > 1 ? c.tile : 1) * c.slots * 4;
		shared = need > shared ? need : shared;
	}
	if (t->max_shared_bytes && shared > t->max_shared_bytes)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s' (matvec set): needs %llu bytes of shared memory",
			       name, (unsigned long long)shared);
	emit_preamble(b, name, k, t, wg, true);
	strbuf_printf(b, "const uint WG = %uu, SLOTS = %uu;\nshared float red[%llu];\n", wg, wg,
		      (unsigned long long)(shared / 4));
	emit_group_id(b);
	emit_activations(b);
	int binding = 0;
	uint64_t end = 0;
	struct strbuf body;
	strbuf_init(&body, e);
	for (int p = 0; p < k->set.n; p++) {
		const struct matvec_part *pt = &k->set.part[p];
		struct mv_cfg c = part_config(k, t, p, wg);
		uint32_t tile = c.tile > 1 ? c.tile : 1;
		/* the single-matvec pieces, their names suffixed with the part */
		strbuf_printf(b, "// part %d: %lld x %lld\nconst uint K_%d = %lluu, M_%d = %lluu;\n", p, (long long)pt->m,
			      (long long)pt->k, p, (unsigned long long)pt->k, p, (unsigned long long)pt->m);
		rename_part(b, pt, p, true);
		strbuf_printf(b, "#define tile1 tile1_%d\n#define tile%u tile%u_%d\n", p, tile, tile, p);
		emit_x(b, binding++, k->act, c.elems);
		loader_for(pt->weight)->emit(b, binding++, c.elems);
		if (pt->residual)
			emit_buffer(b, binding++, "readonly", emit_scalar_type(k->act), "residual");
		emit_buffer(b, binding++, "writeonly", emit_scalar_type(k->act), "Y");
		emit_store(b, k->act, pt->epilogue, pt->residual, "M", "0u");
		emit_tile(b, t, &c, 1, pt->k, "M");
		if (tile > 1)
			emit_tile(b, t, &c, tile, pt->k, "M");
		rename_part(b, pt, p, false);
		strbuf_printf(b, "#undef tile1\n#undef tile%u\n", tile);
		/* main's share: workgroups [end, end + blocks) compute this part */
		uint64_t blocks = ((uint64_t)pt->m + c.rows - 1) / c.rows;
		strbuf_printf(&body,
			      "    if (g < %lluu) {\n"
			      "        uint rbase = (g - %lluu) * %uu;\n",
			      (unsigned long long)(end + blocks), (unsigned long long)end, c.rows);
		if (tile > 1)
			strbuf_printf(&body,
				      "        if (pc.T == 1u)\n"
				      "            tile1_%d(0u, rbase);\n"
				      "        else\n"
				      "            for (uint t0 = 0u; t0 < pc.T; t0 += %uu)\n"
				      "                tile%u_%d(t0, rbase);\n",
				      p, tile, tile, p);
		else
			strbuf_printf(&body, "        tile1_%d(0u, rbase);\n", p);
		strbuf_append(&body, "        return;\n    }\n");
		end += blocks;
	}
	strbuf_printf(b, "void main() {\n    uint g = group_id();\n%s}\n", strbuf_str(&body));
	enum rwkvc_status st = strbuf_status(&body);
	strbuf_free(&body);
	return st;
}

void grid_matvec_set(const struct kernel_desc *k, const struct codegen_target *t, uint32_t out_groups[3])
{
	uint32_t wg = set_wg(k, t);
	uint64_t blocks = 0;
	for (int p = 0; p < k->set.n; p++) {
		struct mv_cfg c = part_config(k, t, p, wg);
		blocks += ((uint64_t)k->set.part[p].m + c.rows - 1) / c.rows;
	}
	emit_grid_linear(blocks, out_groups);
}
