/*
 * kernel_ref.c - the C reference of each kernel kind (see kernel_ref.h).
 *
 * The arithmetic is the interpreter's: every kernel is expressed as one or
 * more calls of ref_run_op (runtime/interp_ops.c) on plain arrays (the fused
 * kinds in kernel_ref_fused.c). Only the embedding gather is written out
 * here, because its row-chunk contract (skip tokens of other chunks) is all
 * there is to it.
 */
#include "kernel_ref.h"

#include <string.h>

#include "base/half.h"
#include "base/mem.h"
#include "kernel_ref_internal.h"
#include "quant.h"

static float round_f16(float x) { return half_to_float(float_to_half(x)); }

static bool quantised(enum dtype d) { return d == DTYPE_Q8_0 || d == DTYPE_Q4_K || d == DTYPE_Q6_K; }

/* x[0..n) as the GPU sees it stored as `d`: quantised and dequantised (a
 * matvec's rows are whole blocks, and blocks do not depend on each other, so
 * a chunk of rows gives the same blocks as the whole matrix). */
static enum rwkvc_status store_quantised(struct err *e, enum dtype d, float *x, int64_t n)
{
	void *q = mem_alloc(e, dtype_bytes(d, (uint64_t)n) + 1, "kernel reference weights");
	if (!q)
		return e->status;
	enum rwkvc_status st = quant_quantize(e, d, x, q, n);
	if (st == RWKVC_STATUS_OK)
		quant_dequantize(d, q, x, n);
	mem_free(q);
	return st;
}

enum rwkvc_status ref_op(struct err *e, const struct op_call *c)
{
	struct op op;
	memset(&op, 0, sizeof op);
	op.kind = c->kind;
	op.n_in = c->n_in;
	op.n_out = c->out[1] ? 2 : 1;
	for (int i = 0; i < OP_MAX_IN; i++)
		op.in[i] = i;
	memcpy(op.param, c->param, sizeof op.param);
	/* rk_bonus finds the head size in the graph: a stand-in with r_k as tensor 3 */
	struct tensor rk[4];
	struct graph g;
	memset(rk, 0, sizeof rk);
	memset(&g, 0, sizeof g);
	rk[3].shape.rank = 1;
	rk[3].shape.d[0] = (struct dim){ -1, c->group };
	g.tensors = rk;
	g.n_tensors = 4;
	struct ref_args a;
	memset(&a, 0, sizeof a);
	a.g = &g;
	a.op = &op;
	a.rows = c->rows;
	memcpy(a.in, c->in, sizeof a.in);
	memcpy(a.out, c->out, sizeof a.out);
	memcpy(a.out_numel, c->out_numel, sizeof a.out_numel);
	return ref_run_op(e, &a);
}

struct ref_buf ref_arg(const struct ref_kernel *r, int i) { return (struct ref_buf){ r->in[i], r->numel[i] }; }

static void embedding(const struct ref_kernel *r)
{
	int64_t w = r->k->width;
	const int32_t *tokens = (const int32_t *)(const void *)r->in[0];
	for (int64_t t = 0; t < r->T; t++) {
		int64_t rel = (int64_t)tokens[t] - r->row0;
		if (rel < 0 || rel >= r->rows)
			continue; /* another chunk's dispatch writes it */
		memcpy(r->bufs[2] + t * w, r->in[1] + rel * w, (size_t)w * sizeof(float));
	}
}

/* x W^T over this chunk's rows, + residual, epilogue, scattered into y by full row. */
static enum rwkvc_status matvec(struct err *e, const struct ref_kernel *r)
{
	const struct kernel_desc *k = r->k;
	int64_t n = r->T * r->rows;
	float *acc = mem_alloc(e, (size_t)(n ? n : 1) * sizeof *acc, "matvec reference");
	float *tmp = mem_alloc(e, (size_t)(n ? n : 1) * sizeof *tmp, "matvec reference");
	enum rwkvc_status st = acc && tmp ? RWKVC_STATUS_OK : e->status;
	struct op_call c = { .kind = OP_LINEAR, .rows = r->T, .n_in = 2, .in = { ref_arg(r, 0), ref_arg(r, 1) },
			     .out = { acc }, .out_numel = { n } };
	if (st == RWKVC_STATUS_OK)
		st = ref_op(e, &c);
	if (st == RWKVC_STATUS_OK && k->residual) {
		for (int64_t t = 0; t < r->T; t++)
			memcpy(tmp + t * r->rows, r->in[2] + t * k->m + r->row0, (size_t)r->rows * sizeof(float));
		struct op_call add = { .kind = OP_ADD, .rows = r->T, .n_in = 2,
				       .in = { { acc, n }, { tmp, n } }, .out = { acc }, .out_numel = { n } };
		st = ref_op(e, &add);
	}
	static const enum op_kind epi[] = { [EPILOGUE_NONE] = OP_COPY, [EPILOGUE_TANH] = OP_TANH,
					    [EPILOGUE_SIGMOID] = OP_SIGMOID, [EPILOGUE_RELU_SQ] = OP_RELU_SQ };
	if (st == RWKVC_STATUS_OK) {
		struct op_call act = { .kind = epi[k->epilogue], .rows = r->T, .n_in = 1, .in = { { acc, n } },
				       .out = { tmp }, .out_numel = { n } };
		st = ref_op(e, &act);
	}
	float *y = r->bufs[r->n - 1];
	for (int64_t t = 0; st == RWKVC_STATUS_OK && t < r->T; t++)
		memcpy(y + t * k->m + r->row0, tmp + t * r->rows, (size_t)r->rows * sizeof(float));
	mem_free(acc);
	mem_free(tmp);
	return st;
}

/* The program one instruction at a time; results are full [T, width] arrays. */
static enum rwkvc_status elementwise(struct err *e, const struct ref_kernel *r)
{
	const struct ew_program *p = &r->k->ew;
	TRY(ew_program_check(e, p, "elementwise reference"));
	int64_t n = r->T * r->k->width;
	float imm[EW_MAX_IMM];
	for (int i = 0; i < p->n_imm; i++)
		imm[i] = (float)p->imm[i];
	float *res[EW_MAX_CODE] = { 0 };
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (int pc = 0; pc < p->n_code && st == RWKVC_STATUS_OK; pc++) {
		res[pc] = mem_alloc(e, (size_t)n * sizeof(float), "elementwise reference");
		if (!res[pc]) {
			st = e->status;
			break;
		}
		struct op_call c = { .kind = p->code[pc].op, .rows = r->T, .out = { res[pc] }, .out_numel = { n } };
		for (int a = 0; a < op_table[c.kind].max_in; a++) {
			struct ew_operand o = p->code[pc].arg[a];
			c.in[a] = o.kind == EW_OPERAND_INPUT ? ref_arg(r, o.index)
				  : o.kind == EW_OPERAND_RESULT ? (struct ref_buf){ res[o.index], n }
								: (struct ref_buf){ &imm[o.index], 1 };
		}
		c.n_in = op_table[c.kind].max_in;
		st = ref_op(e, &c);
	}
	if (st == RWKVC_STATUS_OK)
		memcpy(r->bufs[r->n - 1], res[p->n_code - 1], (size_t)n * sizeof(float));
	for (int pc = 0; pc < p->n_code; pc++)
		mem_free(res[pc]);
	return st;
}

/* Kinds that are one interp_ops call with the bindings as they are. */
static enum rwkvc_status direct(struct err *e, const struct ref_kernel *r)
{
	const struct kernel_desc *k = r->k;
	struct op_call c = { .rows = r->T };
	int n_out = k->kind == KERNEL_WKV7 ? 2 : 1;
	c.n_in = r->n - n_out;
	for (int i = 0; i < c.n_in; i++)
		c.in[i] = ref_arg(r, i);
	for (int o = 0; o < n_out; o++) {
		c.out[o] = r->bufs[c.n_in + o];
		c.out_numel[o] = r->numel[c.n_in + o];
	}
	c.group = k->group;
	switch (k->kind) {
	case KERNEL_LAYER_NORM: c.kind = OP_LAYER_NORM; c.param[0] = k->eps; break;
	case KERNEL_GROUP_NORM: c.kind = OP_GROUP_NORM; c.param[0] = (double)k->group; c.param[1] = k->eps; break;
	case KERNEL_L2_NORM: c.kind = OP_L2_NORM; c.param[0] = (double)k->group; c.param[1] = k->eps; break;
	case KERNEL_TOKEN_SHIFT: c.kind = OP_TOKEN_SHIFT; break;
	case KERNEL_LAST_ROW: c.kind = OP_LAST_ROW; break;
	case KERNEL_WKV7: c.kind = OP_WKV7; break;
	case KERNEL_RK_BONUS: c.kind = OP_RK_BONUS; break;
	default: return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "no reference for kernel kind %d", (int)k->kind);
	}
	return ref_op(e, &c);
}

static enum rwkvc_status check(struct err *e, const struct kernel_desc *k, int64_t T, uint32_t row0, uint32_t rows)
{
	const char *name = kernel_kind_name(k->kind);
	if (T < 1 || T > k->t_max)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s reference: T = %lld outside [1, %lld]", name,
			       (long long)T, (long long)k->t_max);
	bool w_ok = k->weight == DTYPE_F32 || k->weight == DTYPE_F16 ||
		    (k->kind == KERNEL_MATVEC && quantised(k->weight) && k->k % dtype_block(k->weight) == 0);
	if ((k->act != DTYPE_F32 && k->act != DTYPE_F16) ||
	    ((k->kind == KERNEL_MATVEC || k->kind == KERNEL_EMBEDDING) && !w_ok))
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "%s reference: act %s, weight %s (f32 or f16; a matvec's "
			       "also q8_0, q4_k, q6_k with rows of whole blocks)", name, dtype_name(k->act),
			       dtype_name(k->weight));
	if ((k->kind == KERNEL_MATVEC || k->kind == KERNEL_EMBEDDING) && (int64_t)row0 + rows > k->m)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s reference: rows [%u, %llu) outside the %lld rows", name,
			       row0, (unsigned long long)row0 + rows, (long long)k->m);
	bool grouped = k->kind == KERNEL_GROUP_NORM || k->kind == KERNEL_L2_NORM || k->kind == KERNEL_WKV7 ||
		       k->kind == KERNEL_RK_BONUS || k->kind == KERNEL_HEAD_REGION;
	if (grouped && (k->group < 1 || k->width % k->group != 0))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "%s reference: width %lld is not a multiple of group %lld",
			       name, (long long)k->width, (long long)k->group);
	return RWKVC_STATUS_OK;
}

/* A matvec set: each part is a matvec of its own on its bindings (x, W, [residual], y). */
static enum rwkvc_status matvec_set(struct err *e, const struct kernel_desc *k, int64_t T, float *const *bufs)
{
	int at = 0;
	for (int p = 0; p < k->set.n && p < MATVEC_SET_MAX; p++) {
		const struct matvec_part *pt = &k->set.part[p];
		struct kernel_desc d = *k;
		d.kind = KERNEL_MATVEC;
		d.k = pt->k;
		d.m = pt->m;
		d.epilogue = pt->epilogue;
		d.residual = pt->residual;
		d.weight = pt->weight;
		TRY(kernel_reference(e, &d, T, 0, (uint32_t)pt->m, bufs + at));
		at += 3 + pt->residual;
	}
	return RWKVC_STATUS_OK;
}

enum rwkvc_status kernel_reference(struct err *e, const struct kernel_desc *k, int64_t T, uint32_t row0,
				   uint32_t rows, float *const *bufs)
{
	TRY(check(e, k, T, row0, rows));
	if (k->kind == KERNEL_MATVEC_SET)
		return matvec_set(e, k, T, bufs);
	struct ref_kernel r = { .k = k, .T = T, .row0 = row0, .rows = rows, .bufs = bufs };
	r.n = kernel_binding_info(k, r.info);
	enum rwkvc_status st = RWKVC_STATUS_OK;
	for (int i = 0; i < r.n && st == RWKVC_STATUS_OK; i++) {
		r.numel[i] = kernel_binding_numel(&r.info[i], T, rows);
		if (r.info[i].role != ROLE_INPUT)
			continue;
		size_t n = (size_t)(r.numel[i] ? r.numel[i] : 1);
		r.in[i] = mem_alloc(e, n * sizeof(float), "kernel reference inputs");
		if (!r.in[i]) {
			st = e->status;
			break;
		}
		memcpy(r.in[i], bufs[i], (size_t)r.numel[i] * sizeof(float));
		for (int64_t j = 0; r.info[i].dtype == DTYPE_F16 && j < r.numel[i]; j++)
			r.in[i][j] = round_f16(r.in[i][j]);
		if (quantised(r.info[i].dtype))
			st = store_quantised(e, r.info[i].dtype, r.in[i], r.numel[i]);
	}
	if (st == RWKVC_STATUS_OK) {
		switch (k->kind) {
		case KERNEL_EMBEDDING: embedding(&r); break;
		case KERNEL_MATVEC: st = matvec(e, &r); break;
		case KERNEL_ELEMENTWISE: st = elementwise(e, &r); break;
		case KERNEL_MIX: st = ref_mix(e, &r); break;
		case KERNEL_HEAD_REGION: st = ref_region(e, &r); break;
		default: st = direct(e, &r); break;
		}
	}
	for (int i = 0; i < r.n; i++) {
		mem_free(r.in[i]);
		if (st == RWKVC_STATUS_OK && r.info[i].role == ROLE_OUTPUT && r.info[i].dtype == DTYPE_F16)
			for (int64_t j = 0; j < r.numel[i]; j++)
				bufs[i][j] = round_f16(bufs[i][j]);
	}
	return st;
}
