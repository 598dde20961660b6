/*
 * emit_misc.c - the data-movement kernels: embedding (gather rows of a table,
 * possibly split into row chunks), token_shift and last_row.
 */
#include "emit.h"

/* Embedding: one workgroup per token; tokens outside this dispatch's rows
 * [row0, row0 + rows) are left to the dispatch that holds them. */
static void embedding(struct strbuf *b, const struct kernel_desc *k, uint32_t wg)
{
	strbuf_printf(b,
		      "const uint W = %lluu;\n"
		      "void main() {\n"
		      "    uint t = group_id();\n"
		      "    if (t >= pc.T)\n"
		      "        return;\n"
		      "    int rel = tokens[t] - int(pc.row0);\n"
		      "    if (rel < 0 || uint(rel) >= pc.rows)\n"
		      "        return;\n"
		      "    uint src = uint(rel) * W, dst = t * W;\n"
		      "    for (uint c = gl_LocalInvocationID.x; c < W; c += %uu)\n"
		      "        y[dst + c] = %s(float(table[src + c]));\n"
		      "}\n",
		      (unsigned long long)k->width, wg, emit_scalar_type(k->act));
}

/* Row 0 comes from the state (f32), row t from x[t - 1]. */
static void token_shift(struct strbuf *b, const struct codegen_target *t, const struct kernel_desc *k)
{
	strbuf_printf(b, "const uint W = %lluu;\n", (unsigned long long)k->width);
	emit_flat_open(b, t, "pc.T * W");
	strbuf_printf(b, "        y[i] = %s(i < W ? prev[i] : float(x[i - W]));\n", emit_scalar_type(k->act));
	emit_flat_close(b);
}

static void last_row(struct strbuf *b, const struct codegen_target *t, const struct kernel_desc *k)
{
	strbuf_printf(b, "const uint W = %lluu;\n", (unsigned long long)k->width);
	emit_flat_open(b, t, "W");
	strbuf_append(b, "        y[i] = float(x[(pc.T - 1u) * W + i]);\n");
	emit_flat_close(b);
}

enum rwkvc_status emit_misc(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			    const struct codegen_target *t, const char *name)
{
	uint32_t wg = emit_flat_wg(t);
	if (k->kind == KERNEL_EMBEDDING && (k->m < 1 || k->m * k->width >= ((int64_t)1 << 32)))
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s' (embedding): %lld table rows of %lld", name,
			       (long long)k->m, (long long)k->width);
	emit_preamble(b, name, k, t, wg, false);
	emit_buffers(b, k);
	emit_group_id(b);
	switch (k->kind) {
	case KERNEL_EMBEDDING:
		embedding(b, k, wg);
		break;
	case KERNEL_TOKEN_SHIFT:
		token_shift(b, t, k);
		break;
	case KERNEL_LAST_ROW:
		last_row(b, t, k);
		break;
	default:
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s': %s is not a data-movement kernel", name,
			       kernel_kind_name(k->kind));
	}
	return RWKVC_STATUS_OK;
}

void grid_misc(const struct kernel_desc *k, const struct codegen_target *t, int64_t T, uint32_t out_groups[3])
{
	switch (k->kind) {
	case KERNEL_EMBEDDING:
		emit_grid_linear((uint64_t)T, out_groups);
		break;
	case KERNEL_TOKEN_SHIFT:
		emit_grid_flat(t, (uint64_t)(T * k->width), out_groups);
		break;
	default:
		emit_grid_flat(t, (uint64_t)k->width, out_groups);
		break;
	}
}
