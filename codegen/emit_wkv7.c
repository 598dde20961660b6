/*
 * emit_wkv7.c - the RWKV-7 state recurrence, token by token.
 *
 * One workgroup per head, N invocations; invocation i owns row i of the
 * head's N x N state (row = value channel, column = key channel, as
 * runtime/interp_ops.c ref_wkv7_head_step has it), kept in registers as N/4
 * vec4 for the whole call. Per token the head's r, w, k, kk and kk*a are
 * staged in shared memory (one barrier), then each invocation does
 *
 *     sa = sum_j S[i][j] * (-kk[j])
 *     S[i][j] = S[i][j] * w[j] + sa * (kk[j] * a[j]) + v[i] * k[j]
 *     y[i] = sum_j S[i][j] * r[j]
 *
 * in f32. The state is read entirely before any of it is written, and each
 * invocation writes only the row it read, so S and S_out may be the same
 * memory.
 */
#include "emit.h"

enum { WKV_MAX_N = 256 };

enum rwkvc_status emit_wkv7(struct err *e, struct strbuf *b, const struct kernel_desc *k,
			    const struct codegen_target *t, const char *name)
{
	int64_t n = k->group;
	if (n < 4 || n > WKV_MAX_N || n % 4 != 0 || k->width % n != 0)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED,
			       "kernel '%s' (wkv7): head size %lld (a multiple of 4 up to %d dividing width %lld)", name,
			       (long long)n, WKV_MAX_N, (long long)k->width);
	if (t->max_workgroup_invocations && n > t->max_workgroup_invocations)
		return err_set(e, RWKVC_STATUS_UNSUPPORTED, "kernel '%s' (wkv7): head size %lld exceeds %u invocations",
			       name, (long long)n, t->max_workgroup_invocations);
	const char *act = emit_scalar_type(k->act);
	emit_preamble(b, name, k, t, (uint32_t)n, false);
	for (int i = 0; i < 6; i++) {
		static const char *const in[6] = { "r", "w", "k", "v", "kk", "a" };
		emit_buffer(b, i, "readonly", act, in[i]);
	}
	/* the state as vec4: a row is N/4 of them */
	emit_buffer(b, 6, "readonly", "vec4", "S");
	emit_buffer(b, 7, "writeonly", act, "y");
	emit_buffer(b, 8, "writeonly", "vec4", "S_out");
	strbuf_printf(b,
		      "const uint N = %lluu, N4 = %lluu, W = %lluu;\n"
		      "shared vec4 sr[N4], sw[N4], sk[N4], skk[N4], sb[N4];\n"
		      "void main() {\n"
		      "    uint h = gl_WorkGroupID.x, i = gl_LocalInvocationID.x;\n"
		      "    uint row = (h * N + i) * N4;\n"
		      "    vec4 s[N4];\n"
		      "    [[unroll]] for (uint j = 0u; j < N4; j++)\n"
		      "        s[j] = S[row + j];\n"
		      "    for (uint t = 0u; t < pc.T; t++) {\n"
		      "        uint at = t * W + h * N + i;\n"
		      "        float kk_i = float(kk[at]);\n"
		      "        barrier(); // the previous token is done with the staged vectors\n"
		      "        sr[i >> 2][i & 3u] = float(r[at]);\n"
		      "        sw[i >> 2][i & 3u] = float(w[at]);\n"
		      "        sk[i >> 2][i & 3u] = float(k[at]);\n"
		      "        skk[i >> 2][i & 3u] = kk_i;\n"
		      "        sb[i >> 2][i & 3u] = kk_i * float(a[at]);\n"
		      "        float v_i = float(v[at]);\n"
		      "        memoryBarrierShared();\n"
		      "        barrier();\n"
		      "        float sa = 0.0;\n"
		      "        [[unroll]] for (uint j = 0u; j < N4; j++)\n"
		      "            sa -= dot(s[j], skk[j]);\n"
		      "        float acc = 0.0;\n"
		      "        [[unroll]] for (uint j = 0u; j < N4; j++) {\n"
		      "            s[j] = s[j] * sw[j] + sa * sb[j] + v_i * sk[j];\n"
		      "            acc += dot(s[j], sr[j]);\n"
		      "        }\n"
		      "        y[at] = %s(acc);\n"
		      "    }\n"
		      "    [[unroll]] for (uint j = 0u; j < N4; j++)\n"
		      "        S_out[row + j] = s[j];\n"
		      "}\n",
		      (unsigned long long)n, (unsigned long long)(n / 4), (unsigned long long)k->width, act);
	return RWKVC_STATUS_OK;
}

void grid_wkv7(const struct kernel_desc *k, uint32_t out_groups[3])
{
	out_groups[0] = k->group > 0 ? (uint32_t)(k->width / k->group) : 0;
	out_groups[1] = out_groups[2] = 1;
}
