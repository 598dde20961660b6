/*
 * emit_fused.c - the fused kernels passes/fuse.c asks for: the token-shift
 * mix (KERNEL_MIX) and head-local regions (KERNEL_HEAD_REGION).
 */
#include <stdio.h>

#include "emit.h"

/* ---- KERNEL_MIX: [layer norm] + token shift + lerps, one workgroup per token ---- */

static uint32_t mix_wg(const struct codegen_target *t) { return t->cpu ? 64 : 256; }

/* Channels one workgroup writes: on GPUs one per invocation, so a row spreads
 * over many workgroups (each recomputes the row's statistics: a few KB from
 * L2, cheaper than leaving the GPU idle); on CPUs the whole row. */
static int64_t mix_channels(const struct kernel_desc *k, const struct codegen_target *t)
{
	return t->cpu ? k->width : mix_wg(t);
}

/* mean and 1/sqrt(var + eps) of row `row` into the named variables (two passes, as the reference) */
static void emit_row_stats(struct strbuf *b, const char *row, const char *mean, const char *inv)
{
	strbuf_printf(b,
		      "        float s = 0.0;\n"
		      "        for (uint c = tid; c < C; c += WG)\n"
		      "            s += float(x[(%s) * C + c]);\n"
		      "        %s = wg_sum(s) / float(C);\n"
		      "        float q = 0.0;\n"
		      "        for (uint c = tid; c < C; c += WG) {\n"
		      "            float d = float(x[(%s) * C + c]) - %s;\n"
		      "            q += d * d;\n"
		      "        }\n"
		      "        %s = inversesqrt(wg_sum(q) / float(C) + EPS);\n",
		      row, mean, row, mean, inv);
}

/* Row `row` into registers (`per` values an invocation, a workgroup apart),
 * its mean and 1/sqrt(var + eps) from them; `mine` keeps the value of this
 * workgroup's channel c0 + tid (c0 = gl_WorkGroupID.x * WG). */
static void emit_row_registers(struct strbuf *b, uint64_t per, const char *row, const char *mean, const char *inv,
			       const char *mine)
{
	strbuf_printf(b,
		      "    float %s_v[%llu];\n"
		      "    float %s_sum = 0.0;\n"
		      "    [[unroll]] for (uint j = 0u; j < %lluu; j++) {\n"
		      "        uint c = tid + j * WG;\n"
		      "        %s_v[j] = c < C ? float(x[(%s) * C + c]) : 0.0;\n"
		      "        %s_sum += %s_v[j];\n"
		      "        if (j == gl_WorkGroupID.x)\n"
		      "            %s = %s_v[j];\n"
		      "    }\n"
		      "    %s = wg_sum(%s_sum) / float(C);\n"
		      "    float %s_q = 0.0;\n"
		      "    [[unroll]] for (uint j = 0u; j < %lluu; j++) {\n"
		      "        float d = %s_v[j] - %s;\n"
		      "        %s_q += tid + j * WG < C ? d * d : 0.0;\n"
		      "    }\n"
		      "    %s = inversesqrt(wg_sum(%s_q) / float(C) + EPS);\n",
		      mine, (unsigned long long)per, mine, (unsigned long long)per, mine, row, mine, mine, mine,
		      mine, mean, mine, mine, (unsigned long long)per, mine, mean, mine, inv, mine);
}

enum rwkvc_status emit_mix(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			   const struct codegen_target *t, const char *name)
{
	const struct mix_desc *m = &k->mix;
	if (m->n_mix < 1 || m->n_mix > MIX_MAX)
		return err_set(e, RWKVC_STATUS_BAD_ARGUMENT, "kernel '%s': %d mixes (1 to %d)", name, m->n_mix, MIX_MAX);
	uint32_t wg = mix_wg(t);
	emit_preamble(b, name, k, t, wg, m->layer_norm);
	emit_buffers(b, k);
	strbuf_printf(b, "const uint C = %lluu;\nconst uint WG = %uu;\nconst float EPS = ", (unsigned long long)k->width,
		      wg);
	emit_float(b, m->layer_norm ? k->eps : 0.0);
	strbuf_append(b, ";\n");
	if (m->layer_norm)
		emit_wg_sum(b, t, wg);
	strbuf_printf(b, "void main() {\n"
			 "    uint t = gl_WorkGroupID.y, tid = gl_LocalInvocationID.x;\n"
			 "    uint c0 = gl_WorkGroupID.x * %lluu, c1 = min(c0 + %lluu, C);\n"
			 "    float mean = 0.0, inv = 1.0, mean1 = 0.0, inv1 = 1.0;\n",
		      (unsigned long long)mix_channels(k, t), (unsigned long long)mix_channels(k, t));
	uint64_t per = ((uint64_t)k->width + wg - 1) / wg;
	bool in_registers = m->layer_norm && mix_channels(k, t) == wg && per <= 32;
	if (in_registers) {
		/* this channel's parameters are loaded first, so their latency hides under the row's */
		strbuf_append(b, "    float xa = 0.0, xs = 0.0;\n"
				 "    uint cc = min(c0 + tid, C - 1u);\n"
				 "    float pg = float(w[cc]), po = float(b[cc]), pp = prev[cc];\n");
		for (int i = 0; i < m->n_mix; i++)
			strbuf_printf(b, "    float pm%d = float(mix%d[cc]);\n", i, i);
		/* GPUs: one load of each row into registers, both passes over them (the
		 * memory round trips are what this kernel's time is made of) */
		emit_row_registers(b, per, "t", "mean", "inv", "xa");
		strbuf_append(b, "    if (t > 0u) {\n");
		emit_row_registers(b, per, "t - 1u", "mean1", "inv1", "xs");
		strbuf_append(b, "    }\n");
	} else if (m->layer_norm) {
		/* row t, and row t-1 for the shift (recomputed: another workgroup owns it) */
		strbuf_append(b, "    {\n");
		emit_row_stats(b, "t", "mean", "inv");
		strbuf_append(b, "    }\n    if (t > 0u) {\n");
		emit_row_stats(b, "t - 1u", "mean1", "inv1");
		strbuf_append(b, "    }\n");
	}
	strbuf_append(b, "    for (uint c = c0 + tid; c < c1; c += WG) {\n");
	if (in_registers)
		strbuf_append(b, "        float a = (xa - mean) * inv * pg + po;\n"
				 "        float s = t == 0u ? pp : (xs - mean1) * inv1 * pg + po;\n");
	else if (m->layer_norm)
		strbuf_append(b, "        float g = float(w[c]), o = float(b[c]);\n"
				 "        float a = (float(x[t * C + c]) - mean) * inv * g + o;\n"
				 "        float s = t == 0u ? prev[c] : (float(x[(t - 1u) * C + c]) - mean1) * inv1 * g + o;\n");
	else
		strbuf_append(b, "        float a = float(x[t * C + c]);\n"
				 "        float s = t == 0u ? prev[c] : float(x[(t - 1u) * C + c]);\n");
	const char *act = emit_scalar_type(k->act);
	for (int i = 0; i < m->n_mix; i++) {
		char mix[16];
		snprintf(mix, sizeof mix, in_registers ? "pm%d" : "float(mix%d[c])", i);
		strbuf_printf(b, "        out%d[t * C + c] = %s(a + (s - a) * %s);\n", i, act, mix);
	}
	if (m->state_out)
		strbuf_append(b, "        if (t == pc.T - 1u)\n            state[c] = a;\n");
	strbuf_append(b, "    }\n}\n");
	return RWKVC_STATUS_OK;
}

void grid_mix(const struct kernel_desc *k, const struct codegen_target *t, int64_t T, uint32_t out_groups[3])
{
	int64_t ch = mix_channels(k, t);
	out_groups[0] = (uint32_t)((k->width + ch - 1) / ch);
	out_groups[1] = (uint32_t)T;
	out_groups[2] = 1;
}

/* ---- KERNEL_HEAD_REGION: one workgroup per head, one invocation per channel ---- */

static const char *buf(int binding)
{
	static const char *const names[KERNEL_MAX_BINDINGS] = {
		"b0",  "b1",  "b2",  "b3",  "b4",  "b5",  "b6",  "b7",  "b8",  "b9",  "b10",
		"b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b21",
		"b22", "b23", "b24", "b25", "b26", "b27", "b28", "b29", "b30", "b31",
	};
	return binding >= 0 && binding < KERNEL_MAX_BINDINGS ? names[binding] : "?";
}

const char *region_binding_name(int binding) { return buf(binding); }

static const char *ew_function(enum op_kind op)
{
	switch (op) {
	case OP_TANH: return "ew_tanh";
	case OP_SIGMOID: return "ew_sigmoid";
	case OP_RELU_SQ: return "ew_relu_sq";
	case OP_DECAY: return "ew_decay";
	default: return "";
	}
}

/* Loads of the values the region reads per channel. `per_token`: the [T, C] inputs, else the weights. */
static void emit_loads(struct strbuf *b, const struct region_program *rp, bool per_token)
{
	for (int v = 0; v < rp->n_values; v++) {
		const struct region_value *rv = &rp->v[v];
		if (per_token && rv->kind == RV_ROWS)
			strbuf_printf(b, "        float v%d = float(%s[t * C + c]);\n", v, buf(rv->binding));
		else if (!per_token && rv->kind == RV_CHANNEL)
			strbuf_printf(b, "    float v%d = float(%s[%s]);\n", v, buf(rv->binding), rv->n == 1 ? "0" : "c");
		else if (!per_token && rv->kind == RV_CONST) {
			strbuf_printf(b, "    const float v%d = ", v);
			emit_float(b, rv->imm);
			strbuf_append(b, ";\n");
		}
	}
}

static void emit_elementwise_op(struct strbuf *b, const struct region_op *o)
{
	int r = o->out[0], x = o->in[0], y = o->in[1], z = o->in[2];
	switch (o->op) {
	case OP_ADD: strbuf_printf(b, "        float v%d = v%d + v%d;\n", r, x, y); break;
	case OP_SUB: strbuf_printf(b, "        float v%d = v%d - v%d;\n", r, x, y); break;
	case OP_MUL: strbuf_printf(b, "        float v%d = v%d * v%d;\n", r, x, y); break;
	case OP_LERP: strbuf_printf(b, "        float v%d = v%d + (v%d - v%d) * v%d;\n", r, x, y, x, z); break;
	case OP_COPY: strbuf_printf(b, "        float v%d = v%d;\n", r, x); break;
	default: strbuf_printf(b, "        float v%d = %s(v%d);\n", r, ew_function(o->op), x); break;
	}
}

static void emit_region_op(struct strbuf *b, const struct region_program *rp, const struct region_op *o)
{
	int r = o->out[0];
	const int8_t *in = o->in;
	switch (o->op) {
	case OP_MATMUL:
	case OP_LINEAR: { /* one output channel: the vector (in shared memory) times its column of the matrix */
		const struct region_value *mat = &rp->v[in[1]];
		unsigned long long n = (unsigned long long)mat->n;
		char at[4][64];
		for (int u = 0; u < 4; u++) /* element d + u of this channel's column */
			if (mat->k_major)
				snprintf(at[u], sizeof at[u], "(d + %du) * C + c", u);
			else
				snprintf(at[u], sizeof at[u], "c * %lluu + d + %du", n, u);
		/* four independent sums keep four loads in flight */
		strbuf_printf(b,
			      "        float v%d;\n"
			      "        {\n"
			      "            float p0 = 0.0, p1 = 0.0, p2 = 0.0, p3 = 0.0;\n"
			      "            uint d = 0u;\n"
			      "            for (; d + 4u <= %lluu; d += 4u) {\n",
			      r, n);
		for (int u = 0; u < 4; u++)
			strbuf_printf(b, "                p%d += sh_vec%d[d + %du] * float(%s[%s]);\n", u, in[0], u,
				      buf(mat->binding), at[u]);
		strbuf_printf(b,
			      "            }\n"
			      "            for (; d < %lluu; d++)\n"
			      "                p0 += sh_vec%d[d] * float(%s[%s]);\n"
			      "            v%d = (p0 + p1) + (p2 + p3);\n"
			      "        }\n",
			      n, in[0], buf(mat->binding), at[0], r);
		break;
	}
	case OP_L2_NORM:
		strbuf_printf(b, "        float v%d = v%d / max(sqrt(wg_sum(v%d * v%d)), ", r, in[0], in[0], in[0]);
		emit_float(b, o->param[1]);
		strbuf_append(b, ");\n");
		break;
	case OP_GROUP_NORM:
		strbuf_printf(b,
			      "        float m%d = wg_sum(v%d) / float(N);\n"
			      "        float d%d = v%d - m%d;\n"
			      "        float v%d = d%d * inversesqrt(wg_sum(d%d * d%d) / float(N) + ",
			      r, in[0], r, in[0], r, r, r, r, r);
		emit_float(b, o->param[1]);
		strbuf_printf(b, ") * v%d + v%d;\n", in[1], in[2]);
		break;
	case OP_RK_BONUS:
		strbuf_printf(b, "        float v%d = wg_sum(v%d * v%d * v%d) * v%d;\n", r, in[0], in[2 + 1], in[1], in[2]);
		break;
	case OP_WKV7: /* r w k v kk a S: the state row of this value channel lives in S[] */
		strbuf_printf(b,
			      "        sh_r[i] = v%d; sh_w[i] = v%d; sh_k[i] = v%d; sh_kk[i] = v%d; sh_a[i] = v%d;\n"
			      "        memoryBarrierShared();\n"
			      "        barrier();\n"
			      "        float sa = 0.0;\n"
			      "        [[unroll]] for (uint j = 0u; j < N; j++)\n"
			      "            sa -= S[j] * sh_kk[j];\n"
			      "        float v%d = 0.0;\n"
			      "        [[unroll]] for (uint j = 0u; j < N; j++) {\n"
			      "            S[j] = S[j] * sh_w[j] + sa * (sh_kk[j] * sh_a[j]) + v%d * sh_k[j];\n"
			      "            v%d += S[j] * sh_r[j];\n"
			      "        }\n"
			      "        barrier(); // sh_* are rewritten for the next token\n",
			      in[0], in[1], in[2], in[4], in[5], r, in[3], r);
		break;
	default:
		emit_elementwise_op(b, o);
		break;
	}
}

static int region_state_value(const struct region_program *rp)
{
	for (int v = 0; v < rp->n_values; v++)
		if (rp->v[v].kind == RV_STATE)
			return v;
	return -1;
}

enum rwkvc_status emit_region(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			      const struct codegen_target *t, const char *name)
{
	const struct region_program *rp = &k->region;
	uint32_t n = (uint32_t)k->group;
	if (n < 1 || n > 1024 || (n & (n - 1)) || k->width % n)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s': head size %u must be a power of two dividing %lld",
			       name, n, (long long)k->width);
	emit_preamble(b, name, k, t, n, true);
	int sv = region_state_value(rp);
	bool vec_state = sv >= 0 && n % 4 == 0;
	for (int i = 0; i < rp->n_bindings; i++) { /* the state is read and written: no qualifier */
		bool state = sv >= 0 && rp->v[sv].binding == i;
		emit_buffer(b, i, rp->role[i] == REGION_BINDING_IN ? "readonly" : rp->role[i] == REGION_BINDING_OUT ? "writeonly" : "",
			    state && vec_state ? "vec4" : emit_scalar_type(rp->binding_dtype[i]), buf(i));
	}
	strbuf_printf(b, "const uint C = %lluu;\nconst uint N = %uu;\n", (unsigned long long)k->width, n);
	emit_activations(b);
	emit_wg_sum(b, t, n);
	if (sv >= 0)
		strbuf_append(b, "shared float sh_r[N], sh_w[N], sh_k[N], sh_kk[N], sh_a[N];\n");
	for (int v = 0; v < rp->n_values; v++) /* the full vectors every channel reads */
		if (rp->v[v].kind == RV_VECTOR)
			strbuf_printf(b, "shared float sh_vec%d[%lluu];\n", v, (unsigned long long)rp->v[v].n);
	strbuf_append(b, "void main() {\n"
			 "    uint h = gl_WorkGroupID.x, i = gl_LocalInvocationID.x, c = h * N + i;\n");
	emit_loads(b, rp, false);
	if (vec_state) /* row i of the head's state: the value channel this invocation owns, 16 bytes a load */
		strbuf_printf(b,
			      "    float S[N];\n"
			      "    [[unroll]] for (uint j = 0u; j < N / 4u; j++) {\n"
			      "        vec4 q = %s[((h * N + i) * N) / 4u + j];\n"
			      "        S[4u * j] = q.x; S[4u * j + 1u] = q.y; S[4u * j + 2u] = q.z; S[4u * j + 3u] = q.w;\n"
			      "    }\n",
			      buf(rp->v[sv].binding));
	else if (sv >= 0)
		strbuf_printf(b,
			      "    float S[N];\n"
			      "    [[unroll]] for (uint j = 0u; j < N; j++)\n"
			      "        S[j] = %s[(h * N + i) * N + j];\n",
			      buf(rp->v[sv].binding));
	strbuf_append(b, "    for (uint t = 0u; t < pc.T; t++) {\n");
	emit_loads(b, rp, true);
	bool vectors = false;
	for (int v = 0; v < rp->n_values; v++) {
		if (rp->v[v].kind != RV_VECTOR)
			continue;
		unsigned long long len = (unsigned long long)rp->v[v].n;
		strbuf_printf(b, "        for (uint d = i; d < %lluu; d += N)\n            sh_vec%d[d] = float(%s[t * %lluu + d]);\n",
			      len, v, buf(rp->v[v].binding), len);
		vectors = true;
	}
	if (vectors)
		strbuf_append(b, "        memoryBarrierShared();\n        barrier();\n");
	const char *act = emit_scalar_type(k->act);
	for (int i = 0; i < rp->n_ops; i++) {
		const struct region_op *o = &rp->ops[i];
		emit_region_op(b, rp, o);
		for (int r = 0; r < o->n_out; r++) {
			const struct region_value *rv = &rp->v[o->out[r]];
			if (rv->kind == RV_TEMP && rv->out_binding >= 0)
				strbuf_printf(b, "        %s[t * C + c] = %s(v%d);\n", buf(rv->out_binding),
					      emit_scalar_type(rp->binding_dtype[rv->out_binding]), o->out[r]);
		}
	}
	(void)act;
	if (vectors) /* the next token rewrites sh_vec* */
		strbuf_append(b, "        barrier();\n");
	strbuf_append(b, "    }\n");
	if (vec_state)
		strbuf_printf(b,
			      "    [[unroll]] for (uint j = 0u; j < N / 4u; j++)\n"
			      "        %s[((h * N + i) * N) / 4u + j] = vec4(S[4u * j], S[4u * j + 1u], S[4u * j + 2u], S[4u * j + 3u]);\n",
			      buf(rp->v[sv].binding));
	else if (sv >= 0)
		strbuf_printf(b,
			      "    [[unroll]] for (uint j = 0u; j < N; j++)\n"
			      "        %s[(h * N + i) * N + j] = S[j];\n",
			      buf(rp->v[sv].binding));
	strbuf_append(b, "}\n");
	return RWKVC_STATUS_OK;
}

void grid_region(const struct kernel_desc *k, uint32_t out_groups[3])
{
	out_groups[0] = (uint32_t)(k->width / (k->group ? k->group : 1));
	out_groups[1] = out_groups[2] = 1;
}
