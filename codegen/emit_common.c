/* emit_common.c - GLSL pieces every kernel emitter uses (see emit.h). */
#include "emit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *emit_scalar_type(enum dtype t)
{
	switch (t) {
	case DTYPE_F16: return "float16_t";
	case DTYPE_I32: return "int";
	default: return "float";
	}
}

/* f16 buffers, and the quantised formats whose blocks are read as 16-bit words
 * (Q8_0's and Q6_K's blocks are 2-byte aligned only) */
static bool needs_16bit(enum dtype d) { return d == DTYPE_F16 || d == DTYPE_Q8_0 || d == DTYPE_Q6_K; }

static bool uses_f16(const struct kernel_desc *k)
{
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int n = kernel_binding_info(k, info);
	for (int i = 0; i < n; i++)
		if (needs_16bit(info[i].dtype))
			return true;
	return false;
}

void emit_preamble(struct strbuf *b, const char *name, const struct kernel_desc *k,
		   const struct codegen_target *t, uint32_t wg, bool reduces)
{
	strbuf_printf(b, "// rwkvc kernel %s: %s\n#version 450\n", name ? name : "?", kernel_kind_name(k->kind));
	/* 16-bit storage: f16 buffers are read and written as float16_t and
	 * converted to f32 for arithmetic (no float16 math is needed) */
	if (uses_f16(k))
		strbuf_append(b, "#extension GL_EXT_shader_16bit_storage : require\n");
	if (reduces && t->subgroup_arithmetic)
		strbuf_append(b, "#extension GL_KHR_shader_subgroup_basic : require\n"
				 "#extension GL_KHR_shader_subgroup_arithmetic : require\n");
	strbuf_append(b, "#extension GL_EXT_control_flow_attributes : require\n");
	strbuf_printf(b, "layout(local_size_x = %u) in;\n", wg);
	strbuf_append(b, "layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;\n");
}

void emit_buffer(struct strbuf *b, int binding, const char *access, const char *type, const char *name)
{
	strbuf_printf(b, "layout(std430, set = 0, binding = %d) %s%sbuffer B%d { %s %s[]; };\n", binding,
		      access, *access ? " " : "", binding, type, name);
}

void emit_buffers(struct strbuf *b, const struct kernel_desc *k)
{
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int n = kernel_binding_info(k, info);
	for (int i = 0; i < n; i++)
		emit_buffer(b, i, info[i].role == ROLE_INPUT ? "readonly" : "writeonly", emit_scalar_type(info[i].dtype),
			    info[i].name);
}

void emit_float(struct strbuf *b, double v)
{
	char s[40];
	snprintf(s, sizeof s, "%.9g", (double)(float)v);
	/* "2" would be an int literal */
	bool is_float = strpbrk(s, ".eE") != NULL;
	strbuf_printf(b, "%s%s%s%s", s[0] == '-' ? "(" : "", s, is_float ? "" : ".0", s[0] == '-' ? ")" : "");
}

uint32_t emit_flat_wg(const struct codegen_target *t)
{
	/* lavapipe: fewer, fatter workgroups (per-workgroup overhead is a thread hop) */
	return t->cpu ? 64 : 256;
}

void emit_grid_flat(const struct codegen_target *t, uint64_t n, uint32_t out_groups[3])
{
	uint64_t per_group = (uint64_t)emit_flat_wg(t) * EMIT_FLAT_PER;
	emit_grid_linear((n + per_group - 1) / per_group, out_groups);
}

void emit_flat_open(struct strbuf *b, const struct codegen_target *t, const char *n_expr)
{
	uint32_t wg = emit_flat_wg(t);
	/* consecutive invocations take consecutive elements (coalesced), each
	 * invocation EMIT_FLAT_PER of them a workgroup apart */
	strbuf_printf(b,
		      "void main() {\n"
		      "    uint first = group_id() * %uu + gl_LocalInvocationID.x;\n"
		      "    uint n = %s;\n"
		      "    [[unroll]] for (uint p = 0u; p < %uu; p++) {\n"
		      "        uint i = first + p * %uu;\n"
		      "        if (i >= n)\n"
		      "            return;\n",
		      wg * EMIT_FLAT_PER, n_expr, (unsigned)EMIT_FLAT_PER, wg);
}

void emit_flat_close(struct strbuf *b) { strbuf_append(b, "    }\n}\n"); }

uint32_t emit_pow2_ceil(uint64_t n)
{
	uint32_t p = 1;
	while (p < n)
		p <<= 1;
	return p;
}

uint32_t emit_subgroup_size(const struct codegen_target *t, uint32_t fallback)
{
	return t->subgroup_size ? t->subgroup_size : fallback;
}

void emit_wg_sum(struct strbuf *b, const struct codegen_target *t, uint32_t wg)
{
	if (t->subgroup_arithmetic) {
		/* one slot per subgroup; sized for one per invocation, which holds
		 * however the device packs its subgroups */
		uint32_t slots = wg;
		strbuf_printf(b,
			      "shared float wg_sum_sh[%u];\n"
			      "float wg_sum(float v) {\n"
			      "    float s = subgroupAdd(v);\n"
			      "    if (gl_NumSubgroups == 1u)\n"
			      "        return s;\n"
			      "    if (subgroupElect())\n"
			      "        wg_sum_sh[gl_SubgroupID] = s;\n"
			      "    memoryBarrierShared();\n"
			      "    barrier();\n"
			      "    float total = 0.0;\n"
			      "    for (uint i = 0u; i < gl_NumSubgroups; i++)\n"
			      "        total += wg_sum_sh[i];\n"
			      "    barrier(); // the slots are reused by the next call\n"
			      "    return total;\n"
			      "}\n",
			      slots);
		return;
	}
	strbuf_printf(b,
		      "shared float wg_sum_sh[%u];\n"
		      "float wg_sum(float v) {\n"
		      "    uint i = gl_LocalInvocationIndex;\n"
		      "    wg_sum_sh[i] = v;\n"
		      "    memoryBarrierShared();\n"
		      "    barrier();\n"
		      "    [[unroll]] for (uint s = %uu; s > 0u; s >>= 1) {\n"
		      "        if (i < s)\n"
		      "            wg_sum_sh[i] += wg_sum_sh[i + s];\n"
		      "        memoryBarrierShared();\n"
		      "        barrier();\n"
		      "    }\n"
		      "    float total = wg_sum_sh[0];\n"
		      "    barrier();\n"
		      "    return total;\n"
		      "}\n",
		      wg, wg / 2);
}

void emit_group_id(struct strbuf *b)
{
	strbuf_append(b, "uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }\n");
}

void emit_grid_linear(uint64_t n, uint32_t out_groups[3])
{
	uint64_t x = n < EMIT_MAX_GROUPS ? n : EMIT_MAX_GROUPS;
	out_groups[0] = (uint32_t)x;
	out_groups[1] = x ? (uint32_t)((n + x - 1) / x) : 0;
	out_groups[2] = 1;
}

enum rwkvc_status emit_check_dtypes(struct err *e, const struct kernel_desc *k, const struct codegen_target *t,
				    const char *name)
{
	if (k->act != DTYPE_F32 && k->act != DTYPE_F16)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s': activations in %s (f32 or f16 only)", name,
			       dtype_name(k->act));
	struct kernel_binding_info info[KERNEL_MAX_BINDINGS];
	int n = kernel_binding_info(k, info);
	for (int i = 0; i < n; i++) {
		enum dtype d = info[i].dtype;
		/* quantised blocks: only a matvec's weight matrix (emit_matvec.c's loaders) */
		bool quantised = d == DTYPE_Q8_0 || d == DTYPE_Q4_K || d == DTYPE_Q6_K;
		if (quantised && !kernel_binding_is_matrix(k, i))
			return err_set(e, RWKVC_STATUS_UNSUPPORTED,
				       "kernel '%s' (%s): binding %d '%s' is %s; only a matvec's weight matrix may be quantised",
				       name, kernel_kind_name(k->kind), i, info[i].name, dtype_name(d));
		if (!quantised && d != DTYPE_F32 && d != DTYPE_F16 && d != DTYPE_I32)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED,
				       "kernel '%s' (%s): binding %d '%s' is %s; this kernel reads f32 and f16 only",
				       name, kernel_kind_name(k->kind), i, info[i].name, dtype_name(d));
		if (needs_16bit(d) && !t->f16_storage)
			return err_set(e, RWKVC_STATUS_UNSUPPORTED,
				       "kernel '%s' (%s): binding %d '%s' is %s, but the device has no 16-bit storage%s", name,
				       kernel_kind_name(k->kind), i, info[i].name, dtype_name(d),
				       quantised ? " (its blocks are read as 16-bit words)" : "");
	}
	return RWKVC_STATUS_OK;
}
