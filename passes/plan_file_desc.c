/*
 * plan_file_desc.c - a kernel_desc in a plan file, field by field, and the
 * checks that keep every count and index a reader hands to codegen inside
 * its arrays.
 */
#include <string.h>

#include "plan_file_internal.h"

/* ---- writing ---- */

static void write_ew(struct strbuf *b, const struct ew_program *p)
{
	pf_put_u32(b, (uint32_t)p->n_in);
	for (int i = 0; i < p->n_in; i++)
		pf_put_u32(b, (uint32_t)p->bcast[i]);
	pf_put_u32(b, (uint32_t)p->n_imm);
	for (int i = 0; i < p->n_imm; i++)
		pf_put_f64(b, p->imm[i]);
	pf_put_u32(b, (uint32_t)p->n_code);
	for (int i = 0; i < p->n_code; i++) {
		pf_put_u32(b, (uint32_t)p->code[i].op);
		for (int a = 0; a < 3; a++) {
			pf_put_u32(b, (uint32_t)p->code[i].arg[a].kind);
			pf_put_u32(b, (uint32_t)p->code[i].arg[a].index);
		}
	}
}

static void write_region(struct strbuf *b, const struct region_program *rp)
{
	pf_put_u32(b, (uint32_t)rp->n_values);
	for (int i = 0; i < rp->n_values; i++) {
		const struct region_value *v = &rp->v[i];
		pf_put_u32(b, (uint32_t)v->kind);
		pf_put_u32(b, (uint32_t)v->binding);
		pf_put_u32(b, (uint32_t)v->out_binding);
		pf_put_i64(b, v->n);
		pf_put_f64(b, v->imm);
		pf_put_u8(b, v->k_major);
	}
	pf_put_u32(b, (uint32_t)rp->n_ops);
	for (int i = 0; i < rp->n_ops; i++) {
		const struct region_op *o = &rp->ops[i];
		pf_put_u32(b, (uint32_t)o->op);
		pf_put_u32(b, (uint32_t)o->n_in);
		pf_put_u32(b, (uint32_t)o->n_out);
		for (int a = 0; a < o->n_in; a++)
			pf_put_u32(b, (uint32_t)(int32_t)o->in[a]);
		for (int a = 0; a < o->n_out; a++)
			pf_put_u32(b, (uint32_t)(int32_t)o->out[a]);
		for (int a = 0; a < OP_MAX_PARAMS; a++)
			pf_put_f64(b, o->param[a]);
	}
	pf_put_u32(b, (uint32_t)rp->n_bindings);
	for (int i = 0; i < rp->n_bindings; i++) {
		pf_put_u32(b, (uint32_t)rp->role[i]);
		pf_put_u32(b, (uint32_t)rp->binding_dtype[i]);
	}
}

void pf_write_desc(struct strbuf *b, const struct kernel_desc *d)
{
	pf_put_u32(b, (uint32_t)d->kind);
	pf_put_u32(b, (uint32_t)d->act);
	pf_put_u32(b, (uint32_t)d->weight);
	pf_put_i64(b, d->width);
	pf_put_i64(b, d->k);
	pf_put_i64(b, d->m);
	pf_put_i64(b, d->group);
	pf_put_f64(b, d->eps);
	pf_put_i64(b, d->t_max);
	pf_put_u32(b, (uint32_t)d->epilogue);
	pf_put_u8(b, d->residual);
	write_ew(b, &d->ew);
	pf_put_u8(b, d->mix.layer_norm);
	pf_put_u32(b, (uint32_t)d->mix.n_mix);
	pf_put_u8(b, d->mix.state_out);
	write_region(b, &d->region);
	pf_put_u32(b, (uint32_t)d->set.n);
	for (int p = 0; p < d->set.n; p++) {
		pf_put_i64(b, d->set.part[p].k);
		pf_put_i64(b, d->set.part[p].m);
		pf_put_u32(b, (uint32_t)d->set.part[p].epilogue);
		pf_put_u8(b, d->set.part[p].residual);
		pf_put_u32(b, (uint32_t)d->set.part[p].weight);
	}
}

/* ---- reading ---- */

/* An index in [lo, hi), else a failure naming `what`. */
static int bounded(struct pf_reader *r, int lo, int hi, const char *what)
{
	int32_t v = pf_i32(r);
	if (!r->st && (v < lo || v >= hi))
		pf_fail(r, "%s %d is out of range [%d, %d)", what, v, lo, hi);
	return r->st ? 0 : v;
}

static enum rwkvc_status read_ew(struct pf_reader *r, struct ew_program *p)
{
	p->n_in = (int)pf_count(r, 4, EW_MAX_IN, "elementwise inputs");
	for (int i = 0; i < p->n_in; i++)
		p->bcast[i] = (enum ew_bcast)pf_enum(r, EW_ONE + 1, "broadcast kind");
	p->n_imm = (int)pf_count(r, 8, EW_MAX_IMM, "immediates");
	for (int i = 0; i < p->n_imm; i++)
		p->imm[i] = pf_f64(r);
	p->n_code = (int)pf_count(r, 28, EW_MAX_CODE, "instructions");
	for (int i = 0; i < p->n_code && !r->st; i++) {
		struct ew_instr *in = &p->code[i];
		in->op = (enum op_kind)pf_enum(r, OP_COUNT, "op");
		for (int a = 0; a < 3; a++) {
			in->arg[a].kind = (enum ew_operand_kind)pf_enum(r, EW_OPERAND_IMM + 1, "operand kind");
			/* an input, an earlier result or an immediate that exists (unused operands are 0) */
			int limit = in->arg[a].kind == EW_OPERAND_INPUT ? p->n_in : in->arg[a].kind == EW_OPERAND_RESULT ? i : p->n_imm;
			in->arg[a].index = bounded(r, 0, limit > 0 ? limit : 1, "operand index");
		}
	}
	return r->st;
}

static enum rwkvc_status read_region(struct pf_reader *r, struct region_program *rp)
{
	/* the role array's size and the binding limit, whichever is smaller */
	const int roles = (int)(sizeof rp->role / sizeof rp->role[0]);
	const int MAX_B = roles < (int)KERNEL_MAX_BINDINGS ? roles : (int)KERNEL_MAX_BINDINGS;
	rp->n_values = (int)pf_count(r, 29, REGION_MAX_VALUES, "region values");
	for (int i = 0; i < rp->n_values && !r->st; i++) {
		struct region_value *v = &rp->v[i];
		v->kind = (enum region_value_kind)pf_enum(r, RV_TEMP + 1, "region value kind");
		v->binding = bounded(r, -1, MAX_B, "region binding");
		v->out_binding = bounded(r, -1, MAX_B, "region output binding");
		v->n = pf_i64(r);
		v->imm = pf_f64(r);
		if (!r->st && (v->n < 0 || v->n > (1 << 24))) /* sizes are products of these: keep them small */
			return pf_fail(r, "region value %d has length %lld", i, (long long)v->n);
		v->k_major = pf_bool(r);
		if (!r->st && v->kind <= RV_STATE && v->binding < 0) /* an input is read from somewhere */
			return pf_fail(r, "region value %d is an input without a binding", i);
	}
	rp->n_ops = (int)pf_count(r, 28, REGION_MAX_OPS, "region ops");
	for (int i = 0; i < rp->n_ops && !r->st; i++) {
		struct region_op *o = &rp->ops[i];
		o->op = (enum op_kind)pf_enum(r, OP_COUNT, "op");
		o->n_in = (int)pf_u32(r);
		o->n_out = (int)pf_u32(r);
		if (!r->st && (o->n_in > OP_MAX_IN || o->n_out > OP_MAX_OUT))
			return pf_fail(r, "region op %d has %d inputs and %d outputs (at most %d and %d)", i, o->n_in, o->n_out,
				       OP_MAX_IN, OP_MAX_OUT);
		for (int a = 0; a < o->n_in; a++)
			o->in[a] = (int8_t)bounded(r, 0, rp->n_values, "region op input value");
		for (int a = 0; a < o->n_out; a++)
			o->out[a] = (int8_t)bounded(r, 0, rp->n_values, "region op output value");
		for (int a = 0; a < OP_MAX_PARAMS; a++)
			o->param[a] = pf_f64(r);
	}
	rp->n_bindings = (int)pf_count(r, 8, (uint64_t)MAX_B, "region bindings");
	for (int i = 0; i < rp->n_bindings; i++) {
		rp->role[i] = (enum region_binding)pf_enum(r, REGION_BINDING_INOUT + 1, "region binding role");
		rp->binding_dtype[i] = (enum dtype)pf_enum(r, DTYPE_COUNT, "dtype");
	}
	for (int i = 0; i < rp->n_values && !r->st; i++)
		if (rp->v[i].binding >= rp->n_bindings || rp->v[i].out_binding >= rp->n_bindings)
			return pf_fail(r, "region value %d uses binding %d of %d", i,
				       rp->v[i].binding > rp->v[i].out_binding ? rp->v[i].binding : rp->v[i].out_binding,
				       rp->n_bindings);
	return r->st;
}

enum rwkvc_status pf_read_desc(struct pf_reader *r, struct kernel_desc *d)
{
	memset(d, 0, sizeof *d);
	d->kind = (enum kernel_kind)pf_enum(r, KERNEL_COUNT, "kernel kind");
	d->act = (enum dtype)pf_enum(r, DTYPE_COUNT, "dtype");
	d->weight = (enum dtype)pf_enum(r, DTYPE_COUNT, "dtype");
	d->width = pf_i64(r);
	d->k = pf_i64(r);
	d->m = pf_i64(r);
	d->group = pf_i64(r);
	d->eps = pf_f64(r);
	d->t_max = pf_i64(r);
	d->epilogue = (enum kernel_epilogue)pf_enum(r, EPILOGUE_RELU_SQ + 1, "epilogue");
	d->residual = pf_bool(r);
	TRY(read_ew(r, &d->ew));
	d->mix.layer_norm = pf_bool(r);
	d->mix.n_mix = (int)pf_u32(r);
	d->mix.state_out = pf_bool(r);
	if (!r->st && (d->mix.n_mix < 0 || d->mix.n_mix > MIX_MAX))
		return pf_fail(r, "a mix kernel with %d lerps (at most %d)", d->mix.n_mix, MIX_MAX);
	TRY(read_region(r, &d->region));
	d->set.n = (int)pf_count(r, 25, MATVEC_SET_MAX, "matvec set parts");
	for (int p = 0; p < d->set.n && !r->st; p++) {
		struct matvec_part *pt = &d->set.part[p];
		pt->k = pf_i64(r);
		pt->m = pf_i64(r);
		pt->epilogue = (enum kernel_epilogue)pf_enum(r, EPILOGUE_RELU_SQ + 1, "epilogue");
		pt->residual = pf_bool(r);
		pt->weight = (enum dtype)pf_enum(r, DTYPE_COUNT, "dtype");
		if (!r->st && (pt->k < 1 || pt->m < 1 || pt->k > (1 << 24) || pt->m > (1 << 24)))
			return pf_fail(r, "matvec set part %d is %lld x %lld", p, (long long)pt->m, (long long)pt->k);
	}
	if (!r->st && (d->width < 0 || d->k < 0 || d->m < 0 || d->group < 0 || d->t_max < 1))
		return pf_fail(r, "negative sizes or t_max < 1 in a kernel description");
	/* binding sizes are products of these; kernels take at most 2^24 per dimension */
	const int64_t big = (int64_t)1 << 24;
	if (!r->st && (d->width > big || d->k > big || d->m > big || d->group > big || d->t_max > big))
		return pf_fail(r, "sizes beyond 2^24 in a kernel description");
	return r->st;
}
