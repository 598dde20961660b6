/*
 * emit_elementwise.c - an ew_program compiled into straight-line GLSL.
 *
 * Each input is loaded once per element (a0..a3, broadcast as its ew_bcast
 * says), each instruction becomes one f32 statement (v0, v1, ...), and the
 * last one is stored. Immediates are printed so that they read back as the
 * same float the C reference uses; the arithmetic follows runtime/interp_ops.c
 * operation for operation (lerp as a + (b - a) * t, not mix()).
 */
#include "emit.h"

#include <math.h>

/* The op kinds an elementwise program may use, with their arity. */
static int ew_arity(enum op_kind op)
{
	switch (op) {
	case OP_ADD: case OP_SUB: case OP_MUL: return 2;
	case OP_LERP: return 3;
	case OP_TANH: case OP_SIGMOID: case OP_RELU_SQ: case OP_DECAY: case OP_COPY: return 1;
	default: return 0;
	}
}

static enum rwkvc_status check_operand(struct err *e, const struct ew_program *p, int pc, int a, const char *name)
{
	const struct ew_operand *o = &p->code[pc].arg[a];
	int limit;
	const char *what;
	switch (o->kind) {
	case EW_OPERAND_INPUT: limit = p->n_in; what = "input"; break;
	case EW_OPERAND_RESULT: limit = pc; what = "earlier result"; break;
	case EW_OPERAND_IMM: limit = p->n_imm; what = "immediate"; break;
	default:
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s': instruction %d, operand %d: bad kind %d",
			       name, pc, a, (int)o->kind);
	}
	if (o->index < 0 || o->index >= limit)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "kernel '%s': instruction %d, operand %d: %s %d does not exist (%d available)", name, pc,
			       a, what, o->index, limit);
	return RWKVC_STATUS_OK;
}

enum rwkvc_status ew_program_check(struct err *e, const struct ew_program *p, const char *name)
{
	if (p->n_in < 0 || p->n_in > EW_MAX_IN || p->n_imm < 0 || p->n_imm > EW_MAX_IMM || p->n_code < 1 ||
	    p->n_code > EW_MAX_CODE)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT,
			       "kernel '%s': elementwise program with %d inputs, %d immediates, %d instructions "
			       "(at most %d, %d, 1..%d)",
			       name, p->n_in, p->n_imm, p->n_code, EW_MAX_IN, EW_MAX_IMM, EW_MAX_CODE);
	for (int i = 0; i < p->n_in; i++)
		if (p->bcast[i] != EW_FULL && p->bcast[i] != EW_ROW && p->bcast[i] != EW_ONE)
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s': input %d: bad broadcast %d", name, i,
				       (int)p->bcast[i]);
	for (int i = 0; i < p->n_imm; i++)
		if (!isfinite(p->imm[i]) || fabs(p->imm[i]) > 3.4e38)
			return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s': immediate %d (%g) is not a finite float",
				       name, i, p->imm[i]);
	for (int pc = 0; pc < p->n_code; pc++) {
		enum op_kind op = p->code[pc].op;
		int arity = ew_arity(op);
		if (!arity)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED,
				       "kernel '%s': instruction %d: op '%s' is not elementwise", name, pc,
				       (unsigned)op < OP_COUNT ? op_table[op].name : "?");
		for (int a = 0; a < arity; a++)
			TRY(check_operand(e, p, pc, a, name));
	}
	return RWKVC_STATUS_OK;
}

static void operand(struct strbuf *b, const struct ew_program *p, struct ew_operand o)
{
	if (o.kind == EW_OPERAND_INPUT)
		strbuf_printf(b, "a%d", o.index);
	else if (o.kind == EW_OPERAND_RESULT)
		strbuf_printf(b, "v%d", o.index);
	else
		emit_float(b, p->imm[o.index]);
}

static void instruction(struct strbuf *b, const struct ew_program *p, int pc)
{
	const struct ew_instr *in = &p->code[pc];
	static const char *const fn[OP_COUNT] = { [OP_TANH] = "ew_tanh", [OP_SIGMOID] = "ew_sigmoid",
						  [OP_RELU_SQ] = "ew_relu_sq", [OP_DECAY] = "ew_decay" };
	strbuf_printf(b, "        float v%d = ", pc);
	switch (in->op) {
	case OP_ADD: case OP_SUB: case OP_MUL:
		strbuf_append(b, "(");
		operand(b, p, in->arg[0]);
		strbuf_append(b, in->op == OP_ADD ? " + " : in->op == OP_SUB ? " - " : " * ");
		operand(b, p, in->arg[1]);
		strbuf_append(b, ")");
		break;
	case OP_LERP: /* a + (b - a) * t */
		strbuf_append(b, "(");
		operand(b, p, in->arg[0]);
		strbuf_append(b, " + (");
		operand(b, p, in->arg[1]);
		strbuf_append(b, " - ");
		operand(b, p, in->arg[0]);
		strbuf_append(b, ") * ");
		operand(b, p, in->arg[2]);
		strbuf_append(b, ")");
		break;
	case OP_COPY:
		operand(b, p, in->arg[0]);
		break;
	default:
		strbuf_printf(b, "%s(", fn[in->op]);
		operand(b, p, in->arg[0]);
		strbuf_append(b, ")");
		break;
	}
	strbuf_append(b, ";\n");
}

/* The activation functions, shared with the matvec epilogue. */
void emit_activations(struct strbuf *b)
{
	strbuf_append(b,
		      /* tanh saturates to +-1 in f32 beyond 9.01; clamping avoids inf/inf in
		       * implementations that build it from exp */
		      "float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }\n"
		      "float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }\n"
		      "float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }\n");
	/* exp(-exp(-1/2) * sigmoid(x)): the RWKV-7 decay, constant as interp_ops.c has it */
	strbuf_append(b, "float ew_decay(float x) { return exp(-");
	emit_float(b, EW_DECAY_RATE);
	strbuf_append(b, " * ew_sigmoid(x)); }\n");
}

enum rwkvc_status emit_elementwise(struct err *e, struct strbuf *b, const struct kernel_desc *k,
				   const struct codegen_target *t, const char *name)
{
	const struct ew_program *p = &k->ew;
	TRY(ew_program_check(e, p, name));
	emit_preamble(b, name, k, t, emit_flat_wg(t), false);
	emit_buffers(b, k);
	emit_group_id(b);
	emit_activations(b);
	strbuf_printf(b, "const uint W = %lluu;\n", (unsigned long long)k->width);
	emit_flat_open(b, t, "pc.T * W");
	bool row = false;
	for (int i = 0; i < p->n_in; i++)
		row = row || p->bcast[i] == EW_ROW;
	if (row)
		strbuf_append(b, "        uint c = i % W;\n");
	for (int i = 0; i < p->n_in; i++)
		strbuf_printf(b, "        float a%d = float(in%d[%s]);\n", i, i,
			      p->bcast[i] == EW_FULL ? "i" : p->bcast[i] == EW_ROW ? "c" : "0");
	for (int pc = 0; pc < p->n_code; pc++)
		instruction(b, p, pc);
	strbuf_printf(b, "        y[i] = %s(v%d);\n", emit_scalar_type(k->act), p->n_code - 1);
	emit_flat_close(b);
	return RWKVC_STATUS_OK;
}

void grid_elementwise(const struct kernel_desc *k, const struct codegen_target *t, int64_t T,
		      uint32_t out_groups[3])
{
	emit_grid_flat(t, (uint64_t)(T * k->width), out_groups);
}
