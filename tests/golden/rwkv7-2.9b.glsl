// 14 distinct kernels for: subgroup 32 (arithmetic), f16 storage yes, f16 math yes, int8 storage yes, 48 KiB shared, 1024 invocations

// ==== kernel code 0, used by kernels 0
// rwkvc kernel embedding: embedding
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 256) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
layout(std430, set = 0, binding = 0) readonly buffer B0 { int tokens[]; };
layout(std430, set = 0, binding = 1) readonly buffer B1 { float16_t table[]; };
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
const uint W = 2560u;
void main() {
    uint t = group_id();
    if (t >= pc.T)
        return;
    int rel = tokens[t] - int(pc.row0);
    if (rel < 0 || uint(rel) >= pc.rows)
        return;
    uint src = uint(rel) * W, dst = t * W;
    for (uint c = gl_LocalInvocationID.x; c < W; c += 256u)
        y[dst + c] = float16_t(float(table[src + c]));
}

// ==== kernel code 1, used by kernels 1 258
// rwkvc kernel layer_norm: layer_norm
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 256) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
layout(std430, set = 0, binding = 0) readonly buffer B0 { float16_t x[]; };
layout(std430, set = 0, binding = 1) readonly buffer B1 { float16_t w[]; };
layout(std430, set = 0, binding = 2) readonly buffer B2 { float16_t b[]; };
layout(std430, set = 0, binding = 3) writeonly buffer B3 { float16_t y[]; };
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
shared float wg_sum_sh[256];
float wg_sum(float v) {
    float s = subgroupAdd(v);
    if (gl_NumSubgroups == 1u)
        return s;
    if (subgroupElect())
        wg_sum_sh[gl_SubgroupID] = s;
    memoryBarrierShared();
    barrier();
    float total = 0.0;
    for (uint i = 0u; i < gl_NumSubgroups; i++)
        total += wg_sum_sh[i];
    barrier(); // the slots are reused by the next call
    return total;
}
const uint G = 2560u;
const uint GROUPS = 1u; // per row
const float EPS = 9.99999975e-06;
void main() {
    uint gi = group_id();
    if (gi >= pc.T * GROUPS)
        return;
    uint base = gi * G;             // groups tile the rows
    uint c0 = (gi % GROUPS) * G;    // its first channel
    uint lid = gl_LocalInvocationID.x;
    float v[10];
    [[unroll]] for (uint p = 0u; p < 10u; p++) {
        uint j = lid + p * 256u;
        v[p] = j < G ? float(x[base + j]) : 0.0;
    }
    float s = 0.0;
    [[unroll]] for (uint p = 0u; p < 10u; p++) {
        uint j = lid + p * 256u;
        if (j >= G) break;
        s += v[p];
    }
    float mean = wg_sum(s) / float(G);
    float q = 0.0;
    [[unroll]] for (uint p = 0u; p < 10u; p++) {
        uint j = lid + p * 256u;
        if (j >= G) break;
        float d = v[p] - mean;
        q += d * d;
    }
    float inv = 1.0 / sqrt(wg_sum(q) / float(G) + EPS);
    [[unroll]] for (uint p = 0u; p < 10u; p++) {
        uint j = lid + p * 256u;
        if (j >= G) break;
        y[base + j] = float16_t((v[p] - mean) * inv * float(w[c0 + j]) + float(b[c0 + j]));
    }
}

// ==== kernel code 2, used by kernels 2 10 18 26 34 42 50 58 66 74 82 90 98 106 114 122 130 138 146 154 162 170 178 186 194 202 210 218 226 234 242 250
// rwkvc kernel mix(ln,6,state): mix
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 256) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
layout(std430, set = 0, binding = 0) readonly buffer B0 { float16_t x[]; };
layout(std430, set = 0, binding = 1) readonly buffer B1 { float16_t w[]; };
layout(std430, set = 0, binding = 2) readonly buffer B2 { float16_t b[]; };
layout(std430, set = 0, binding = 3) readonly buffer B3 { float prev[]; };
layout(std430, set = 0, binding = 4) readonly buffer B4 { float16_t mix0[]; };
layout(std430, set = 0, binding = 5) readonly buffer B5 { float16_t mix1[]; };
layout(std430, set = 0, binding = 6) readonly buffer B6 { float16_t mix2[]; };
layout(std430, set = 0, binding = 7) readonly buffer B7 { float16_t mix3[]; };
layout(std430, set = 0, binding = 8) readonly buffer B8 { float16_t mix4[]; };
layout(std430, set = 0, binding = 9) readonly buffer B9 { float16_t mix5[]; };
layout(std430, set = 0, binding = 10) writeonly buffer B10 { float16_t out0[]; };
layout(std430, set = 0, binding = 11) writeonly buffer B11 { float16_t out1[]; };
layout(std430, set = 0, binding = 12) writeonly buffer B12 { float16_t out2[]; };
layout(std430, set = 0, binding = 13) writeonly buffer B13 { float16_t out3[]; };
layout(std430, set = 0, binding = 14) writeonly buffer B14 { float16_t out4[]; };
layout(std430, set = 0, binding = 15) writeonly buffer B15 { float16_t out5[]; };
layout(std430, set = 0, binding = 16) writeonly buffer B16 { float state[]; };
const uint C = 2560u;
const uint WG = 256u;
const float EPS = 9.99999975e-06;
shared float wg_sum_sh[256];
float wg_sum(float v) {
    float s = subgroupAdd(v);
    if (gl_NumSubgroups == 1u)
        return s;
    if (subgroupElect())
        wg_sum_sh[gl_SubgroupID] = s;
    memoryBarrierShared();
    barrier();
    float total = 0.0;
    for (uint i = 0u; i < gl_NumSubgroups; i++)
        total += wg_sum_sh[i];
    barrier(); // the slots are reused by the next call
    return total;
}
void main() {
    uint t = gl_WorkGroupID.y, tid = gl_LocalInvocationID.x;
    uint c0 = gl_WorkGroupID.x * 256u, c1 = min(c0 + 256u, C);
    float mean = 0.0, inv = 1.0, mean1 = 0.0, inv1 = 1.0;
    float xa = 0.0, xs = 0.0;
    uint cc = min(c0 + tid, C - 1u);
    float pg = float(w[cc]), po = float(b[cc]), pp = prev[cc];
    float pm0 = float(mix0[cc]);
    float pm1 = float(mix1[cc]);
    float pm2 = float(mix2[cc]);
    float pm3 = float(mix3[cc]);
    float pm4 = float(mix4[cc]);
    float pm5 = float(mix5[cc]);
    float xa_v[10];
    float xa_sum = 0.0;
    [[unroll]] for (uint j = 0u; j < 10u; j++) {
        uint c = tid + j * WG;
        xa_v[j] = c < C ? float(x[(t) * C + c]) : 0.0;
        xa_sum += xa_v[j];
        if (j == gl_WorkGroupID.x)
            xa = xa_v[j];
    }
    mean = wg_sum(xa_sum) / float(C);
    float xa_q = 0.0;
    [[unroll]] for (uint j = 0u; j < 10u; j++) {
        float d = xa_v[j] - mean;
        xa_q += tid + j * WG < C ? d * d : 0.0;
    }
    inv = inversesqrt(wg_sum(xa_q) / float(C) + EPS);
    if (t > 0u) {
    float xs_v[10];
    float xs_sum = 0.0;
    [[unroll]] for (uint j = 0u; j < 10u; j++) {
        uint c = tid + j * WG;
        xs_v[j] = c < C ? float(x[(t - 1u) * C + c]) : 0.0;
        xs_sum += xs_v[j];
        if (j == gl_WorkGroupID.x)
            xs = xs_v[j];
    }
    mean1 = wg_sum(xs_sum) / float(C);
    float xs_q = 0.0;
    [[unroll]] for (uint j = 0u; j < 10u; j++) {
        float d = xs_v[j] - mean1;
        xs_q += tid + j * WG < C ? d * d : 0.0;
    }
    inv1 = inversesqrt(wg_sum(xs_q) / float(C) + EPS);
    }
    for (uint c = c0 + tid; c < c1; c += WG) {
        float a = (xa - mean) * inv * pg + po;
        float s = t == 0u ? pp : (xs - mean1) * inv1 * pg + po;
        out0[t * C + c] = float16_t(a + (s - a) * pm0);
        out1[t * C + c] = float16_t(a + (s - a) * pm1);
        out2[t * C + c] = float16_t(a + (s - a) * pm2);
        out3[t * C + c] = float16_t(a + (s - a) * pm3);
        out4[t * C + c] = float16_t(a + (s - a) * pm4);
        out5[t * C + c] = float16_t(a + (s - a) * pm5);
        if (t == pc.T - 1u)
            state[c] = a;
    }
}

// ==== kernel code 3, used by kernels 3
// rwkvc kernel matvec_set: matvec_set
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint WG = 128u, SLOTS = 128u;
shared float red[2048];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
// part 0: 2560 x 2560
const uint K_0 = 2560u, M_0 = 2560u;
#define K K_0
#define M M_0
#define X X_0
#define W W_0
#define Y Y_0
#define residual residual_0
#define load_x load_x_0
#define load_w load_w_0
#define store store_0
#define tile1 tile1_0
#define tile8 tile8_0
layout(std430, set = 0, binding = 0) readonly buffer B0 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 1) readonly buffer B1 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 1: 2560 x 2560
const uint K_1 = 2560u, M_1 = 2560u;
#define K K_1
#define M M_1
#define X X_1
#define W W_1
#define Y Y_1
#define residual residual_1
#define load_x load_x_1
#define load_w load_w_1
#define store store_1
#define tile1 tile1_1
#define tile8 tile8_1
layout(std430, set = 0, binding = 3) readonly buffer B3 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 4) readonly buffer B4 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 5) writeonly buffer B5 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 2: 2560 x 2560
const uint K_2 = 2560u, M_2 = 2560u;
#define K K_2
#define M M_2
#define X X_2
#define W W_2
#define Y Y_2
#define residual residual_2
#define load_x load_x_2
#define load_w load_w_2
#define store store_2
#define tile1 tile1_2
#define tile8 tile8_2
layout(std430, set = 0, binding = 6) readonly buffer B6 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 7) readonly buffer B7 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 8) writeonly buffer B8 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 3: 96 x 2560
const uint K_3 = 2560u, M_3 = 96u;
#define K K_3
#define M M_3
#define X X_3
#define W W_3
#define Y Y_3
#define residual residual_3
#define load_x load_x_3
#define load_w load_w_3
#define store store_3
#define tile1 tile1_3
#define tile8 tile8_3
layout(std430, set = 0, binding = 9) readonly buffer B9 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 10) readonly buffer B10 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 11) writeonly buffer B11 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t(ew_tanh(v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 4: 96 x 2560
const uint K_4 = 2560u, M_4 = 96u;
#define K K_4
#define M M_4
#define X X_4
#define W W_4
#define Y Y_4
#define residual residual_4
#define load_x load_x_4
#define load_w load_w_4
#define store store_4
#define tile1 tile1_4
#define tile8 tile8_4
layout(std430, set = 0, binding = 12) readonly buffer B12 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 13) readonly buffer B13 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 14) writeonly buffer B14 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 5: 320 x 2560
const uint K_5 = 2560u, M_5 = 320u;
#define K K_5
#define M M_5
#define X X_5
#define W W_5
#define Y Y_5
#define residual residual_5
#define load_x load_x_5
#define load_w load_w_5
#define store store_5
#define tile1 tile1_5
#define tile8 tile8_5
layout(std430, set = 0, binding = 15) readonly buffer B15 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 16) readonly buffer B16 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 17) writeonly buffer B17 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t(ew_sigmoid(v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
void main() {
    uint g = group_id();
    if (g < 1280u) {
        uint rbase = (g - 0u) * 2u;
        if (pc.T == 1u)
            tile1_0(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_0(t0, rbase);
        return;
    }
    if (g < 2560u) {
        uint rbase = (g - 1280u) * 2u;
        if (pc.T == 1u)
            tile1_1(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_1(t0, rbase);
        return;
    }
    if (g < 3840u) {
        uint rbase = (g - 2560u) * 2u;
        if (pc.T == 1u)
            tile1_2(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_2(t0, rbase);
        return;
    }
    if (g < 3888u) {
        uint rbase = (g - 3840u) * 2u;
        if (pc.T == 1u)
            tile1_3(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_3(t0, rbase);
        return;
    }
    if (g < 3936u) {
        uint rbase = (g - 3888u) * 2u;
        if (pc.T == 1u)
            tile1_4(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_4(t0, rbase);
        return;
    }
    if (g < 4096u) {
        uint rbase = (g - 3936u) * 2u;
        if (pc.T == 1u)
            tile1_5(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_5(t0, rbase);
        return;
    }
}

// ==== kernel code 4, used by kernels 4
// rwkvc kernel matvec_set: matvec_set
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 64) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint WG = 64u, SLOTS = 64u;
shared float red[2048];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
// part 0: 2560 x 96
const uint K_0 = 96u, M_0 = 2560u;
#define K K_0
#define M M_0
#define X X_0
#define W W_0
#define Y Y_0
#define residual residual_0
#define load_x load_x_0
#define load_w load_w_0
#define store store_0
#define tile1 tile1_0
#define tile8 tile8_0
layout(std430, set = 0, binding = 0) readonly buffer B0 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 1) readonly buffer B1 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc1_0;
        red[128u + gl_SubgroupID] = acc2_0;
        red[192u + gl_SubgroupID] = acc3_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 4u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc2_4 = 0.0;
    float acc2_5 = 0.0;
    float acc2_6 = 0.0;
    float acc2_7 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc3_4 = 0.0;
    float acc3_5 = 0.0;
    float acc3_6 = 0.0;
    float acc3_7 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc2_4 += dot(w2[0], x4[0]) + dot(w2[1], x4[1]);
        acc2_5 += dot(w2[0], x5[0]) + dot(w2[1], x5[1]);
        acc2_6 += dot(w2[0], x6[0]) + dot(w2[1], x6[1]);
        acc2_7 += dot(w2[0], x7[0]) + dot(w2[1], x7[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc3_4 += dot(w3[0], x4[0]) + dot(w3[1], x4[1]);
        acc3_5 += dot(w3[0], x5[0]) + dot(w3[1], x5[1]);
        acc3_6 += dot(w3[0], x6[0]) + dot(w3[1], x6[1]);
        acc3_7 += dot(w3[0], x7[0]) + dot(w3[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc2_4 = subgroupAdd(acc2_4);
    acc2_5 = subgroupAdd(acc2_5);
    acc2_6 = subgroupAdd(acc2_6);
    acc2_7 = subgroupAdd(acc2_7);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc3_4 = subgroupAdd(acc3_4);
    acc3_5 = subgroupAdd(acc3_5);
    acc3_6 = subgroupAdd(acc3_6);
    acc3_7 = subgroupAdd(acc3_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        if (lid == 16u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 17u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 18u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 19u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 20u) store(rbase + 2u, t0 + 4u, acc2_4);
        if (lid == 21u) store(rbase + 2u, t0 + 5u, acc2_5);
        if (lid == 22u) store(rbase + 2u, t0 + 6u, acc2_6);
        if (lid == 23u) store(rbase + 2u, t0 + 7u, acc2_7);
        if (lid == 24u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 25u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 26u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 27u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 28u) store(rbase + 3u, t0 + 4u, acc3_4);
        if (lid == 29u) store(rbase + 3u, t0 + 5u, acc3_5);
        if (lid == 30u) store(rbase + 3u, t0 + 6u, acc3_6);
        if (lid == 31u) store(rbase + 3u, t0 + 7u, acc3_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc0_1;
        red[128u + gl_SubgroupID] = acc0_2;
        red[192u + gl_SubgroupID] = acc0_3;
        red[256u + gl_SubgroupID] = acc0_4;
        red[320u + gl_SubgroupID] = acc0_5;
        red[384u + gl_SubgroupID] = acc0_6;
        red[448u + gl_SubgroupID] = acc0_7;
        red[512u + gl_SubgroupID] = acc1_0;
        red[576u + gl_SubgroupID] = acc1_1;
        red[640u + gl_SubgroupID] = acc1_2;
        red[704u + gl_SubgroupID] = acc1_3;
        red[768u + gl_SubgroupID] = acc1_4;
        red[832u + gl_SubgroupID] = acc1_5;
        red[896u + gl_SubgroupID] = acc1_6;
        red[960u + gl_SubgroupID] = acc1_7;
        red[1024u + gl_SubgroupID] = acc2_0;
        red[1088u + gl_SubgroupID] = acc2_1;
        red[1152u + gl_SubgroupID] = acc2_2;
        red[1216u + gl_SubgroupID] = acc2_3;
        red[1280u + gl_SubgroupID] = acc2_4;
        red[1344u + gl_SubgroupID] = acc2_5;
        red[1408u + gl_SubgroupID] = acc2_6;
        red[1472u + gl_SubgroupID] = acc2_7;
        red[1536u + gl_SubgroupID] = acc3_0;
        red[1600u + gl_SubgroupID] = acc3_1;
        red[1664u + gl_SubgroupID] = acc3_2;
        red[1728u + gl_SubgroupID] = acc3_3;
        red[1792u + gl_SubgroupID] = acc3_4;
        red[1856u + gl_SubgroupID] = acc3_5;
        red[1920u + gl_SubgroupID] = acc3_6;
        red[1984u + gl_SubgroupID] = acc3_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 1: 2560 x 96
const uint K_1 = 96u, M_1 = 2560u;
#define K K_1
#define M M_1
#define X X_1
#define W W_1
#define Y Y_1
#define residual residual_1
#define load_x load_x_1
#define load_w load_w_1
#define store store_1
#define tile1 tile1_1
#define tile8 tile8_1
layout(std430, set = 0, binding = 3) readonly buffer B3 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 4) readonly buffer B4 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 5) writeonly buffer B5 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc1_0;
        red[128u + gl_SubgroupID] = acc2_0;
        red[192u + gl_SubgroupID] = acc3_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 4u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc2_4 = 0.0;
    float acc2_5 = 0.0;
    float acc2_6 = 0.0;
    float acc2_7 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc3_4 = 0.0;
    float acc3_5 = 0.0;
    float acc3_6 = 0.0;
    float acc3_7 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc2_4 += dot(w2[0], x4[0]) + dot(w2[1], x4[1]);
        acc2_5 += dot(w2[0], x5[0]) + dot(w2[1], x5[1]);
        acc2_6 += dot(w2[0], x6[0]) + dot(w2[1], x6[1]);
        acc2_7 += dot(w2[0], x7[0]) + dot(w2[1], x7[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc3_4 += dot(w3[0], x4[0]) + dot(w3[1], x4[1]);
        acc3_5 += dot(w3[0], x5[0]) + dot(w3[1], x5[1]);
        acc3_6 += dot(w3[0], x6[0]) + dot(w3[1], x6[1]);
        acc3_7 += dot(w3[0], x7[0]) + dot(w3[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc2_4 = subgroupAdd(acc2_4);
    acc2_5 = subgroupAdd(acc2_5);
    acc2_6 = subgroupAdd(acc2_6);
    acc2_7 = subgroupAdd(acc2_7);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc3_4 = subgroupAdd(acc3_4);
    acc3_5 = subgroupAdd(acc3_5);
    acc3_6 = subgroupAdd(acc3_6);
    acc3_7 = subgroupAdd(acc3_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        if (lid == 16u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 17u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 18u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 19u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 20u) store(rbase + 2u, t0 + 4u, acc2_4);
        if (lid == 21u) store(rbase + 2u, t0 + 5u, acc2_5);
        if (lid == 22u) store(rbase + 2u, t0 + 6u, acc2_6);
        if (lid == 23u) store(rbase + 2u, t0 + 7u, acc2_7);
        if (lid == 24u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 25u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 26u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 27u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 28u) store(rbase + 3u, t0 + 4u, acc3_4);
        if (lid == 29u) store(rbase + 3u, t0 + 5u, acc3_5);
        if (lid == 30u) store(rbase + 3u, t0 + 6u, acc3_6);
        if (lid == 31u) store(rbase + 3u, t0 + 7u, acc3_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc0_1;
        red[128u + gl_SubgroupID] = acc0_2;
        red[192u + gl_SubgroupID] = acc0_3;
        red[256u + gl_SubgroupID] = acc0_4;
        red[320u + gl_SubgroupID] = acc0_5;
        red[384u + gl_SubgroupID] = acc0_6;
        red[448u + gl_SubgroupID] = acc0_7;
        red[512u + gl_SubgroupID] = acc1_0;
        red[576u + gl_SubgroupID] = acc1_1;
        red[640u + gl_SubgroupID] = acc1_2;
        red[704u + gl_SubgroupID] = acc1_3;
        red[768u + gl_SubgroupID] = acc1_4;
        red[832u + gl_SubgroupID] = acc1_5;
        red[896u + gl_SubgroupID] = acc1_6;
        red[960u + gl_SubgroupID] = acc1_7;
        red[1024u + gl_SubgroupID] = acc2_0;
        red[1088u + gl_SubgroupID] = acc2_1;
        red[1152u + gl_SubgroupID] = acc2_2;
        red[1216u + gl_SubgroupID] = acc2_3;
        red[1280u + gl_SubgroupID] = acc2_4;
        red[1344u + gl_SubgroupID] = acc2_5;
        red[1408u + gl_SubgroupID] = acc2_6;
        red[1472u + gl_SubgroupID] = acc2_7;
        red[1536u + gl_SubgroupID] = acc3_0;
        red[1600u + gl_SubgroupID] = acc3_1;
        red[1664u + gl_SubgroupID] = acc3_2;
        red[1728u + gl_SubgroupID] = acc3_3;
        red[1792u + gl_SubgroupID] = acc3_4;
        red[1856u + gl_SubgroupID] = acc3_5;
        red[1920u + gl_SubgroupID] = acc3_6;
        red[1984u + gl_SubgroupID] = acc3_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 2: 2560 x 320
const uint K_2 = 320u, M_2 = 2560u;
#define K K_2
#define M M_2
#define X X_2
#define W W_2
#define Y Y_2
#define residual residual_2
#define load_x load_x_2
#define load_w load_w_2
#define store store_2
#define tile1 tile1_2
#define tile8 tile8_2
layout(std430, set = 0, binding = 6) readonly buffer B6 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 7) readonly buffer B7 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 8) writeonly buffer B8 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc1_0;
        red[128u + gl_SubgroupID] = acc2_0;
        red[192u + gl_SubgroupID] = acc3_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 4u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc2_4 = 0.0;
    float acc2_5 = 0.0;
    float acc2_6 = 0.0;
    float acc2_7 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc3_4 = 0.0;
    float acc3_5 = 0.0;
    float acc3_6 = 0.0;
    float acc3_7 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc2_4 += dot(w2[0], x4[0]) + dot(w2[1], x4[1]);
        acc2_5 += dot(w2[0], x5[0]) + dot(w2[1], x5[1]);
        acc2_6 += dot(w2[0], x6[0]) + dot(w2[1], x6[1]);
        acc2_7 += dot(w2[0], x7[0]) + dot(w2[1], x7[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc3_4 += dot(w3[0], x4[0]) + dot(w3[1], x4[1]);
        acc3_5 += dot(w3[0], x5[0]) + dot(w3[1], x5[1]);
        acc3_6 += dot(w3[0], x6[0]) + dot(w3[1], x6[1]);
        acc3_7 += dot(w3[0], x7[0]) + dot(w3[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc2_4 = subgroupAdd(acc2_4);
    acc2_5 = subgroupAdd(acc2_5);
    acc2_6 = subgroupAdd(acc2_6);
    acc2_7 = subgroupAdd(acc2_7);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc3_4 = subgroupAdd(acc3_4);
    acc3_5 = subgroupAdd(acc3_5);
    acc3_6 = subgroupAdd(acc3_6);
    acc3_7 = subgroupAdd(acc3_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        if (lid == 16u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 17u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 18u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 19u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 20u) store(rbase + 2u, t0 + 4u, acc2_4);
        if (lid == 21u) store(rbase + 2u, t0 + 5u, acc2_5);
        if (lid == 22u) store(rbase + 2u, t0 + 6u, acc2_6);
        if (lid == 23u) store(rbase + 2u, t0 + 7u, acc2_7);
        if (lid == 24u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 25u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 26u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 27u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 28u) store(rbase + 3u, t0 + 4u, acc3_4);
        if (lid == 29u) store(rbase + 3u, t0 + 5u, acc3_5);
        if (lid == 30u) store(rbase + 3u, t0 + 6u, acc3_6);
        if (lid == 31u) store(rbase + 3u, t0 + 7u, acc3_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc0_1;
        red[128u + gl_SubgroupID] = acc0_2;
        red[192u + gl_SubgroupID] = acc0_3;
        red[256u + gl_SubgroupID] = acc0_4;
        red[320u + gl_SubgroupID] = acc0_5;
        red[384u + gl_SubgroupID] = acc0_6;
        red[448u + gl_SubgroupID] = acc0_7;
        red[512u + gl_SubgroupID] = acc1_0;
        red[576u + gl_SubgroupID] = acc1_1;
        red[640u + gl_SubgroupID] = acc1_2;
        red[704u + gl_SubgroupID] = acc1_3;
        red[768u + gl_SubgroupID] = acc1_4;
        red[832u + gl_SubgroupID] = acc1_5;
        red[896u + gl_SubgroupID] = acc1_6;
        red[960u + gl_SubgroupID] = acc1_7;
        red[1024u + gl_SubgroupID] = acc2_0;
        red[1088u + gl_SubgroupID] = acc2_1;
        red[1152u + gl_SubgroupID] = acc2_2;
        red[1216u + gl_SubgroupID] = acc2_3;
        red[1280u + gl_SubgroupID] = acc2_4;
        red[1344u + gl_SubgroupID] = acc2_5;
        red[1408u + gl_SubgroupID] = acc2_6;
        red[1472u + gl_SubgroupID] = acc2_7;
        red[1536u + gl_SubgroupID] = acc3_0;
        red[1600u + gl_SubgroupID] = acc3_1;
        red[1664u + gl_SubgroupID] = acc3_2;
        red[1728u + gl_SubgroupID] = acc3_3;
        red[1792u + gl_SubgroupID] = acc3_4;
        red[1856u + gl_SubgroupID] = acc3_5;
        red[1920u + gl_SubgroupID] = acc3_6;
        red[1984u + gl_SubgroupID] = acc3_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
void main() {
    uint g = group_id();
    if (g < 640u) {
        uint rbase = (g - 0u) * 4u;
        if (pc.T == 1u)
            tile1_0(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_0(t0, rbase);
        return;
    }
    if (g < 1280u) {
        uint rbase = (g - 640u) * 4u;
        if (pc.T == 1u)
            tile1_1(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_1(t0, rbase);
        return;
    }
    if (g < 1920u) {
        uint rbase = (g - 1280u) * 4u;
        if (pc.T == 1u)
            tile1_2(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_2(t0, rbase);
        return;
    }
}

// ==== kernel code 5, used by kernels 5
// rwkvc kernel head_region(14 ops): head_region
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 64) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
layout(std430, set = 0, binding = 0) readonly buffer B0 { float16_t b0[]; };
layout(std430, set = 0, binding = 1) readonly buffer B1 { float16_t b1[]; };
layout(std430, set = 0, binding = 2) readonly buffer B2 { float16_t b2[]; };
layout(std430, set = 0, binding = 3) readonly buffer B3 { float16_t b3[]; };
layout(std430, set = 0, binding = 4) readonly buffer B4 { float16_t b4[]; };
layout(std430, set = 0, binding = 5) readonly buffer B5 { float16_t b5[]; };
layout(std430, set = 0, binding = 6) readonly buffer B6 { float16_t b6[]; };
layout(std430, set = 0, binding = 7) readonly buffer B7 { float16_t b7[]; };
layout(std430, set = 0, binding = 8) readonly buffer B8 { float16_t b8[]; };
layout(std430, set = 0, binding = 9) buffer B9 { vec4 b9[]; };
layout(std430, set = 0, binding = 10) readonly buffer B10 { float16_t b10[]; };
layout(std430, set = 0, binding = 11) readonly buffer B11 { float16_t b11[]; };
layout(std430, set = 0, binding = 12) readonly buffer B12 { float16_t b12[]; };
layout(std430, set = 0, binding = 13) readonly buffer B13 { float16_t b13[]; };
layout(std430, set = 0, binding = 14) writeonly buffer B14 { float16_t b14[]; };
const uint C = 2560u;
const uint N = 64u;
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
shared float wg_sum_sh[64];
float wg_sum(float v) {
    float s = subgroupAdd(v);
    if (gl_NumSubgroups == 1u)
        return s;
    if (subgroupElect())
        wg_sum_sh[gl_SubgroupID] = s;
    memoryBarrierShared();
    barrier();
    float total = 0.0;
    for (uint i = 0u; i < gl_NumSubgroups; i++)
        total += wg_sum_sh[i];
    barrier(); // the slots are reused by the next call
    return total;
}
shared float sh_r[N], sh_w[N], sh_k[N], sh_kk[N], sh_a[N];
void main() {
    uint h = gl_WorkGroupID.x, i = gl_LocalInvocationID.x, c = h * N + i;
    float v1 = float(b1[c]);
    float v5 = float(b3[c]);
    float v9 = float(b5[c]);
    const float v12 = 1.0;
    float v13 = float(b6[c]);
    float v21 = float(b10[c]);
    float v22 = float(b11[c]);
    float v24 = float(b12[c]);
    float S[N];
    [[unroll]] for (uint j = 0u; j < N / 4u; j++) {
        vec4 q = b9[((h * N + i) * N) / 4u + j];
        S[4u * j] = q.x; S[4u * j + 1u] = q.y; S[4u * j + 2u] = q.z; S[4u * j + 3u] = q.w;
    }
    for (uint t = 0u; t < pc.T; t++) {
        float v0 = float(b0[t * C + c]);
        float v4 = float(b2[t * C + c]);
        float v8 = float(b4[t * C + c]);
        float v16 = float(b7[t * C + c]);
        float v18 = float(b8[t * C + c]);
        float v27 = float(b13[t * C + c]);
        float v2 = v0 + v1;
        float v3 = ew_decay(v2);
        float v6 = v4 + v5;
        float v7 = ew_sigmoid(v6);
        float v10 = v8 * v9;
        float v11 = v10 / max(sqrt(wg_sum(v10 * v10)), 9.99999996e-13);
        float v14 = v12 + (v7 - v12) * v13;
        float v15 = v8 * v14;
        float v17 = v16;
        sh_r[i] = v18; sh_w[i] = v3; sh_k[i] = v15; sh_kk[i] = v11; sh_a[i] = v7;
        memoryBarrierShared();
        barrier();
        float sa = 0.0;
        [[unroll]] for (uint j = 0u; j < N; j++)
            sa -= S[j] * sh_kk[j];
        float v20 = 0.0;
        [[unroll]] for (uint j = 0u; j < N; j++) {
            S[j] = S[j] * sh_w[j] + sa * (sh_kk[j] * sh_a[j]) + v17 * sh_k[j];
            v20 += S[j] * sh_r[j];
        }
        barrier(); // sh_* are rewritten for the next token
        float m23 = wg_sum(v20) / float(N);
        float d23 = v20 - m23;
        float v23 = d23 * inversesqrt(wg_sum(d23 * d23) / float(N) + 0.000639999984) * v21 + v22;
        float v25 = wg_sum(v18 * v24 * v15) * v17;
        float v26 = v23 + v25;
        float v28 = v26 * v27;
        b14[t * C + c] = float16_t(v28);
    }
    [[unroll]] for (uint j = 0u; j < N / 4u; j++)
        b9[((h * N + i) * N) / 4u + j] = vec4(S[4u * j], S[4u * j + 1u], S[4u * j + 2u], S[4u * j + 3u]);
}

// ==== kernel code 6, used by kernels 6 14 22 30 38 46 54 62 70 78 86 94 102 110 118 126 134 142 150 158 166 174 182 190 198 206 214 222 230 238 246 254
// rwkvc kernel matvec+residual: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 2560u, M = 2560u, WG = 128u, NV = 16u, SLOTS = 128u;
layout(std430, set = 0, binding = 0) readonly buffer B0 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 1) readonly buffer B1 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 2) readonly buffer B2 { float16_t residual[]; };
layout(std430, set = 0, binding = 3) writeonly buffer B3 { float16_t Y[]; };
shared float red[2048];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
void store(uint r, uint t, float v) {
    if (r >= pc.rows || t >= pc.T)
        return;
    uint at = t * M + pc.row0 + r;
    Y[at] = float16_t((v + float(residual[at])));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
void main() {
    uint rbase = group_id() * 2u;
    if (rbase >= pc.rows)
        return;
    if (pc.T == 1u) {
        tile1(0u, rbase);
        return;
    }
    for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
        tile8(t0, rbase);
}

// ==== kernel code 7, used by kernels 7 15 23 31 39 47 55 63 71 79 87 95 103 111 119 127 135 143 151 159 167 175 183 191 199 207 215 223 231 239 247 255
// rwkvc kernel mix(ln,1,state): mix
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 256) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
layout(std430, set = 0, binding = 0) readonly buffer B0 { float16_t x[]; };
layout(std430, set = 0, binding = 1) readonly buffer B1 { float16_t w[]; };
layout(std430, set = 0, binding = 2) readonly buffer B2 { float16_t b[]; };
layout(std430, set = 0, binding = 3) readonly buffer B3 { float prev[]; };
layout(std430, set = 0, binding = 4) readonly buffer B4 { float16_t mix0[]; };
layout(std430, set = 0, binding = 5) writeonly buffer B5 { float16_t out0[]; };
layout(std430, set = 0, binding = 6) writeonly buffer B6 { float state[]; };
const uint C = 2560u;
const uint WG = 256u;
const float EPS = 9.99999975e-06;
shared float wg_sum_sh[256];
float wg_sum(float v) {
    float s = subgroupAdd(v);
    if (gl_NumSubgroups == 1u)
        return s;
    if (subgroupElect())
        wg_sum_sh[gl_SubgroupID] = s;
    memoryBarrierShared();
    barrier();
    float total = 0.0;
    for (uint i = 0u; i < gl_NumSubgroups; i++)
        total += wg_sum_sh[i];
    barrier(); // the slots are reused by the next call
    return total;
}
void main() {
    uint t = gl_WorkGroupID.y, tid = gl_LocalInvocationID.x;
    uint c0 = gl_WorkGroupID.x * 256u, c1 = min(c0 + 256u, C);
    float mean = 0.0, inv = 1.0, mean1 = 0.0, inv1 = 1.0;
    float xa = 0.0, xs = 0.0;
    uint cc = min(c0 + tid, C - 1u);
    float pg = float(w[cc]), po = float(b[cc]), pp = prev[cc];
    float pm0 = float(mix0[cc]);
    float xa_v[10];
    float xa_sum = 0.0;
    [[unroll]] for (uint j = 0u; j < 10u; j++) {
        uint c = tid + j * WG;
        xa_v[j] = c < C ? float(x[(t) * C + c]) : 0.0;
        xa_sum += xa_v[j];
        if (j == gl_WorkGroupID.x)
            xa = xa_v[j];
    }
    mean = wg_sum(xa_sum) / float(C);
    float xa_q = 0.0;
    [[unroll]] for (uint j = 0u; j < 10u; j++) {
        float d = xa_v[j] - mean;
        xa_q += tid + j * WG < C ? d * d : 0.0;
    }
    inv = inversesqrt(wg_sum(xa_q) / float(C) + EPS);
    if (t > 0u) {
    float xs_v[10];
    float xs_sum = 0.0;
    [[unroll]] for (uint j = 0u; j < 10u; j++) {
        uint c = tid + j * WG;
        xs_v[j] = c < C ? float(x[(t - 1u) * C + c]) : 0.0;
        xs_sum += xs_v[j];
        if (j == gl_WorkGroupID.x)
            xs = xs_v[j];
    }
    mean1 = wg_sum(xs_sum) / float(C);
    float xs_q = 0.0;
    [[unroll]] for (uint j = 0u; j < 10u; j++) {
        float d = xs_v[j] - mean1;
        xs_q += tid + j * WG < C ? d * d : 0.0;
    }
    inv1 = inversesqrt(wg_sum(xs_q) / float(C) + EPS);
    }
    for (uint c = c0 + tid; c < c1; c += WG) {
        float a = (xa - mean) * inv * pg + po;
        float s = t == 0u ? pp : (xs - mean1) * inv1 * pg + po;
        out0[t * C + c] = float16_t(a + (s - a) * pm0);
        if (t == pc.T - 1u)
            state[c] = a;
    }
}

// ==== kernel code 8, used by kernels 8 16 24 32 40 48 56 64 72 80 88 96 104 112 120 128 136 144 152 160 168 176 184 192 200 208 216 224 232 240 248 256
// rwkvc kernel matvec+relu_sq: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 2560u, M = 10240u, WG = 128u, NV = 16u, SLOTS = 128u;
layout(std430, set = 0, binding = 0) readonly buffer B0 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 1) readonly buffer B1 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t Y[]; };
shared float red[2048];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
void store(uint r, uint t, float v) {
    if (r >= pc.rows || t >= pc.T)
        return;
    uint at = t * M + pc.row0 + r;
    Y[at] = float16_t(ew_relu_sq(v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
void main() {
    uint rbase = group_id() * 2u;
    if (rbase >= pc.rows)
        return;
    if (pc.T == 1u) {
        tile1(0u, rbase);
        return;
    }
    for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
        tile8(t0, rbase);
}

// ==== kernel code 9, used by kernels 9 17 25 33 41 49 57 65 73 81 89 97 105 113 121 129 137 145 153 161 169 177 185 193 201 209 217 225 233 241 249 257
// rwkvc kernel matvec+residual: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 10240u, M = 2560u, WG = 128u, NV = 16u, SLOTS = 128u;
layout(std430, set = 0, binding = 0) readonly buffer B0 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 1) readonly buffer B1 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 2) readonly buffer B2 { float16_t residual[]; };
layout(std430, set = 0, binding = 3) writeonly buffer B3 { float16_t Y[]; };
shared float red[2048];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
void store(uint r, uint t, float v) {
    if (r >= pc.rows || t >= pc.T)
        return;
    uint at = t * M + pc.row0 + r;
    Y[at] = float16_t((v + float(residual[at])));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 10u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 10u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
void main() {
    uint rbase = group_id() * 2u;
    if (rbase >= pc.rows)
        return;
    if (pc.T == 1u) {
        tile1(0u, rbase);
        return;
    }
    for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
        tile8(t0, rbase);
}

// ==== kernel code 10, used by kernels 11 19 27 35 43 51 59 67 75 83 91 99 107 115 123 131 139 147 155 163 171 179 187 195 203 211 219 227 235 243 251
// rwkvc kernel matvec_set: matvec_set
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint WG = 128u, SLOTS = 128u;
shared float red[2048];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
// part 0: 2560 x 2560
const uint K_0 = 2560u, M_0 = 2560u;
#define K K_0
#define M M_0
#define X X_0
#define W W_0
#define Y Y_0
#define residual residual_0
#define load_x load_x_0
#define load_w load_w_0
#define store store_0
#define tile1 tile1_0
#define tile8 tile8_0
layout(std430, set = 0, binding = 0) readonly buffer B0 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 1) readonly buffer B1 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 1: 2560 x 2560
const uint K_1 = 2560u, M_1 = 2560u;
#define K K_1
#define M M_1
#define X X_1
#define W W_1
#define Y Y_1
#define residual residual_1
#define load_x load_x_1
#define load_w load_w_1
#define store store_1
#define tile1 tile1_1
#define tile8 tile8_1
layout(std430, set = 0, binding = 3) readonly buffer B3 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 4) readonly buffer B4 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 5) writeonly buffer B5 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 2: 2560 x 2560
const uint K_2 = 2560u, M_2 = 2560u;
#define K K_2
#define M M_2
#define X X_2
#define W W_2
#define Y Y_2
#define residual residual_2
#define load_x load_x_2
#define load_w load_w_2
#define store store_2
#define tile1 tile1_2
#define tile8 tile8_2
layout(std430, set = 0, binding = 6) readonly buffer B6 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 7) readonly buffer B7 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 8) writeonly buffer B8 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 3: 96 x 2560
const uint K_3 = 2560u, M_3 = 96u;
#define K K_3
#define M M_3
#define X X_3
#define W W_3
#define Y Y_3
#define residual residual_3
#define load_x load_x_3
#define load_w load_w_3
#define store store_3
#define tile1 tile1_3
#define tile8 tile8_3
layout(std430, set = 0, binding = 9) readonly buffer B9 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 10) readonly buffer B10 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 11) writeonly buffer B11 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t(ew_tanh(v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 4: 96 x 2560
const uint K_4 = 2560u, M_4 = 96u;
#define K K_4
#define M M_4
#define X X_4
#define W W_4
#define Y Y_4
#define residual residual_4
#define load_x load_x_4
#define load_w load_w_4
#define store store_4
#define tile1 tile1_4
#define tile8 tile8_4
layout(std430, set = 0, binding = 12) readonly buffer B12 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 13) readonly buffer B13 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 14) writeonly buffer B14 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 5: 320 x 2560
const uint K_5 = 2560u, M_5 = 320u;
#define K K_5
#define M M_5
#define X X_5
#define W W_5
#define Y Y_5
#define residual residual_5
#define load_x load_x_5
#define load_w load_w_5
#define store store_5
#define tile1 tile1_5
#define tile8 tile8_5
layout(std430, set = 0, binding = 15) readonly buffer B15 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 16) readonly buffer B16 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 17) writeonly buffer B17 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t(ew_sigmoid(v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 6: 64 x 2560
const uint K_6 = 2560u, M_6 = 64u;
#define K K_6
#define M M_6
#define X X_6
#define W W_6
#define Y Y_6
#define residual residual_6
#define load_x load_x_6
#define load_w load_w_6
#define store store_6
#define tile1 tile1_6
#define tile8 tile8_6
layout(std430, set = 0, binding = 18) readonly buffer B18 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 19) readonly buffer B19 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 20) writeonly buffer B20 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
void main() {
    uint g = group_id();
    if (g < 1280u) {
        uint rbase = (g - 0u) * 2u;
        if (pc.T == 1u)
            tile1_0(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_0(t0, rbase);
        return;
    }
    if (g < 2560u) {
        uint rbase = (g - 1280u) * 2u;
        if (pc.T == 1u)
            tile1_1(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_1(t0, rbase);
        return;
    }
    if (g < 3840u) {
        uint rbase = (g - 2560u) * 2u;
        if (pc.T == 1u)
            tile1_2(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_2(t0, rbase);
        return;
    }
    if (g < 3888u) {
        uint rbase = (g - 3840u) * 2u;
        if (pc.T == 1u)
            tile1_3(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_3(t0, rbase);
        return;
    }
    if (g < 3936u) {
        uint rbase = (g - 3888u) * 2u;
        if (pc.T == 1u)
            tile1_4(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_4(t0, rbase);
        return;
    }
    if (g < 4096u) {
        uint rbase = (g - 3936u) * 2u;
        if (pc.T == 1u)
            tile1_5(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_5(t0, rbase);
        return;
    }
    if (g < 4128u) {
        uint rbase = (g - 4096u) * 2u;
        if (pc.T == 1u)
            tile1_6(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_6(t0, rbase);
        return;
    }
}

// ==== kernel code 11, used by kernels 12 20 28 36 44 52 60 68 76 84 92 100 108 116 124 132 140 148 156 164 172 180 188 196 204 212 220 228 236 244 252
// rwkvc kernel matvec_set: matvec_set
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 64) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint WG = 64u, SLOTS = 64u;
shared float red[2048];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
// part 0: 2560 x 96
const uint K_0 = 96u, M_0 = 2560u;
#define K K_0
#define M M_0
#define X X_0
#define W W_0
#define Y Y_0
#define residual residual_0
#define load_x load_x_0
#define load_w load_w_0
#define store store_0
#define tile1 tile1_0
#define tile8 tile8_0
layout(std430, set = 0, binding = 0) readonly buffer B0 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 1) readonly buffer B1 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc1_0;
        red[128u + gl_SubgroupID] = acc2_0;
        red[192u + gl_SubgroupID] = acc3_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 4u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc2_4 = 0.0;
    float acc2_5 = 0.0;
    float acc2_6 = 0.0;
    float acc2_7 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc3_4 = 0.0;
    float acc3_5 = 0.0;
    float acc3_6 = 0.0;
    float acc3_7 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc2_4 += dot(w2[0], x4[0]) + dot(w2[1], x4[1]);
        acc2_5 += dot(w2[0], x5[0]) + dot(w2[1], x5[1]);
        acc2_6 += dot(w2[0], x6[0]) + dot(w2[1], x6[1]);
        acc2_7 += dot(w2[0], x7[0]) + dot(w2[1], x7[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc3_4 += dot(w3[0], x4[0]) + dot(w3[1], x4[1]);
        acc3_5 += dot(w3[0], x5[0]) + dot(w3[1], x5[1]);
        acc3_6 += dot(w3[0], x6[0]) + dot(w3[1], x6[1]);
        acc3_7 += dot(w3[0], x7[0]) + dot(w3[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc2_4 = subgroupAdd(acc2_4);
    acc2_5 = subgroupAdd(acc2_5);
    acc2_6 = subgroupAdd(acc2_6);
    acc2_7 = subgroupAdd(acc2_7);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc3_4 = subgroupAdd(acc3_4);
    acc3_5 = subgroupAdd(acc3_5);
    acc3_6 = subgroupAdd(acc3_6);
    acc3_7 = subgroupAdd(acc3_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        if (lid == 16u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 17u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 18u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 19u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 20u) store(rbase + 2u, t0 + 4u, acc2_4);
        if (lid == 21u) store(rbase + 2u, t0 + 5u, acc2_5);
        if (lid == 22u) store(rbase + 2u, t0 + 6u, acc2_6);
        if (lid == 23u) store(rbase + 2u, t0 + 7u, acc2_7);
        if (lid == 24u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 25u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 26u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 27u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 28u) store(rbase + 3u, t0 + 4u, acc3_4);
        if (lid == 29u) store(rbase + 3u, t0 + 5u, acc3_5);
        if (lid == 30u) store(rbase + 3u, t0 + 6u, acc3_6);
        if (lid == 31u) store(rbase + 3u, t0 + 7u, acc3_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc0_1;
        red[128u + gl_SubgroupID] = acc0_2;
        red[192u + gl_SubgroupID] = acc0_3;
        red[256u + gl_SubgroupID] = acc0_4;
        red[320u + gl_SubgroupID] = acc0_5;
        red[384u + gl_SubgroupID] = acc0_6;
        red[448u + gl_SubgroupID] = acc0_7;
        red[512u + gl_SubgroupID] = acc1_0;
        red[576u + gl_SubgroupID] = acc1_1;
        red[640u + gl_SubgroupID] = acc1_2;
        red[704u + gl_SubgroupID] = acc1_3;
        red[768u + gl_SubgroupID] = acc1_4;
        red[832u + gl_SubgroupID] = acc1_5;
        red[896u + gl_SubgroupID] = acc1_6;
        red[960u + gl_SubgroupID] = acc1_7;
        red[1024u + gl_SubgroupID] = acc2_0;
        red[1088u + gl_SubgroupID] = acc2_1;
        red[1152u + gl_SubgroupID] = acc2_2;
        red[1216u + gl_SubgroupID] = acc2_3;
        red[1280u + gl_SubgroupID] = acc2_4;
        red[1344u + gl_SubgroupID] = acc2_5;
        red[1408u + gl_SubgroupID] = acc2_6;
        red[1472u + gl_SubgroupID] = acc2_7;
        red[1536u + gl_SubgroupID] = acc3_0;
        red[1600u + gl_SubgroupID] = acc3_1;
        red[1664u + gl_SubgroupID] = acc3_2;
        red[1728u + gl_SubgroupID] = acc3_3;
        red[1792u + gl_SubgroupID] = acc3_4;
        red[1856u + gl_SubgroupID] = acc3_5;
        red[1920u + gl_SubgroupID] = acc3_6;
        red[1984u + gl_SubgroupID] = acc3_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 1: 2560 x 96
const uint K_1 = 96u, M_1 = 2560u;
#define K K_1
#define M M_1
#define X X_1
#define W W_1
#define Y Y_1
#define residual residual_1
#define load_x load_x_1
#define load_w load_w_1
#define store store_1
#define tile1 tile1_1
#define tile8 tile8_1
layout(std430, set = 0, binding = 3) readonly buffer B3 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 4) readonly buffer B4 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 5) writeonly buffer B5 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc1_0;
        red[128u + gl_SubgroupID] = acc2_0;
        red[192u + gl_SubgroupID] = acc3_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 4u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc2_4 = 0.0;
    float acc2_5 = 0.0;
    float acc2_6 = 0.0;
    float acc2_7 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc3_4 = 0.0;
    float acc3_5 = 0.0;
    float acc3_6 = 0.0;
    float acc3_7 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc2_4 += dot(w2[0], x4[0]) + dot(w2[1], x4[1]);
        acc2_5 += dot(w2[0], x5[0]) + dot(w2[1], x5[1]);
        acc2_6 += dot(w2[0], x6[0]) + dot(w2[1], x6[1]);
        acc2_7 += dot(w2[0], x7[0]) + dot(w2[1], x7[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc3_4 += dot(w3[0], x4[0]) + dot(w3[1], x4[1]);
        acc3_5 += dot(w3[0], x5[0]) + dot(w3[1], x5[1]);
        acc3_6 += dot(w3[0], x6[0]) + dot(w3[1], x6[1]);
        acc3_7 += dot(w3[0], x7[0]) + dot(w3[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc2_4 = subgroupAdd(acc2_4);
    acc2_5 = subgroupAdd(acc2_5);
    acc2_6 = subgroupAdd(acc2_6);
    acc2_7 = subgroupAdd(acc2_7);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc3_4 = subgroupAdd(acc3_4);
    acc3_5 = subgroupAdd(acc3_5);
    acc3_6 = subgroupAdd(acc3_6);
    acc3_7 = subgroupAdd(acc3_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        if (lid == 16u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 17u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 18u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 19u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 20u) store(rbase + 2u, t0 + 4u, acc2_4);
        if (lid == 21u) store(rbase + 2u, t0 + 5u, acc2_5);
        if (lid == 22u) store(rbase + 2u, t0 + 6u, acc2_6);
        if (lid == 23u) store(rbase + 2u, t0 + 7u, acc2_7);
        if (lid == 24u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 25u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 26u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 27u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 28u) store(rbase + 3u, t0 + 4u, acc3_4);
        if (lid == 29u) store(rbase + 3u, t0 + 5u, acc3_5);
        if (lid == 30u) store(rbase + 3u, t0 + 6u, acc3_6);
        if (lid == 31u) store(rbase + 3u, t0 + 7u, acc3_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc0_1;
        red[128u + gl_SubgroupID] = acc0_2;
        red[192u + gl_SubgroupID] = acc0_3;
        red[256u + gl_SubgroupID] = acc0_4;
        red[320u + gl_SubgroupID] = acc0_5;
        red[384u + gl_SubgroupID] = acc0_6;
        red[448u + gl_SubgroupID] = acc0_7;
        red[512u + gl_SubgroupID] = acc1_0;
        red[576u + gl_SubgroupID] = acc1_1;
        red[640u + gl_SubgroupID] = acc1_2;
        red[704u + gl_SubgroupID] = acc1_3;
        red[768u + gl_SubgroupID] = acc1_4;
        red[832u + gl_SubgroupID] = acc1_5;
        red[896u + gl_SubgroupID] = acc1_6;
        red[960u + gl_SubgroupID] = acc1_7;
        red[1024u + gl_SubgroupID] = acc2_0;
        red[1088u + gl_SubgroupID] = acc2_1;
        red[1152u + gl_SubgroupID] = acc2_2;
        red[1216u + gl_SubgroupID] = acc2_3;
        red[1280u + gl_SubgroupID] = acc2_4;
        red[1344u + gl_SubgroupID] = acc2_5;
        red[1408u + gl_SubgroupID] = acc2_6;
        red[1472u + gl_SubgroupID] = acc2_7;
        red[1536u + gl_SubgroupID] = acc3_0;
        red[1600u + gl_SubgroupID] = acc3_1;
        red[1664u + gl_SubgroupID] = acc3_2;
        red[1728u + gl_SubgroupID] = acc3_3;
        red[1792u + gl_SubgroupID] = acc3_4;
        red[1856u + gl_SubgroupID] = acc3_5;
        red[1920u + gl_SubgroupID] = acc3_6;
        red[1984u + gl_SubgroupID] = acc3_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 2: 2560 x 320
const uint K_2 = 320u, M_2 = 2560u;
#define K K_2
#define M M_2
#define X X_2
#define W W_2
#define Y Y_2
#define residual residual_2
#define load_x load_x_2
#define load_w load_w_2
#define store store_2
#define tile1 tile1_2
#define tile8 tile8_2
layout(std430, set = 0, binding = 6) readonly buffer B6 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 7) readonly buffer B7 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 8) writeonly buffer B8 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc1_0;
        red[128u + gl_SubgroupID] = acc2_0;
        red[192u + gl_SubgroupID] = acc3_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 4u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc2_4 = 0.0;
    float acc2_5 = 0.0;
    float acc2_6 = 0.0;
    float acc2_7 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc3_4 = 0.0;
    float acc3_5 = 0.0;
    float acc3_6 = 0.0;
    float acc3_7 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc2_4 += dot(w2[0], x4[0]) + dot(w2[1], x4[1]);
        acc2_5 += dot(w2[0], x5[0]) + dot(w2[1], x5[1]);
        acc2_6 += dot(w2[0], x6[0]) + dot(w2[1], x6[1]);
        acc2_7 += dot(w2[0], x7[0]) + dot(w2[1], x7[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc3_4 += dot(w3[0], x4[0]) + dot(w3[1], x4[1]);
        acc3_5 += dot(w3[0], x5[0]) + dot(w3[1], x5[1]);
        acc3_6 += dot(w3[0], x6[0]) + dot(w3[1], x6[1]);
        acc3_7 += dot(w3[0], x7[0]) + dot(w3[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc2_4 = subgroupAdd(acc2_4);
    acc2_5 = subgroupAdd(acc2_5);
    acc2_6 = subgroupAdd(acc2_6);
    acc2_7 = subgroupAdd(acc2_7);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc3_4 = subgroupAdd(acc3_4);
    acc3_5 = subgroupAdd(acc3_5);
    acc3_6 = subgroupAdd(acc3_6);
    acc3_7 = subgroupAdd(acc3_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        if (lid == 16u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 17u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 18u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 19u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 20u) store(rbase + 2u, t0 + 4u, acc2_4);
        if (lid == 21u) store(rbase + 2u, t0 + 5u, acc2_5);
        if (lid == 22u) store(rbase + 2u, t0 + 6u, acc2_6);
        if (lid == 23u) store(rbase + 2u, t0 + 7u, acc2_7);
        if (lid == 24u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 25u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 26u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 27u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 28u) store(rbase + 3u, t0 + 4u, acc3_4);
        if (lid == 29u) store(rbase + 3u, t0 + 5u, acc3_5);
        if (lid == 30u) store(rbase + 3u, t0 + 6u, acc3_6);
        if (lid == 31u) store(rbase + 3u, t0 + 7u, acc3_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc0_1;
        red[128u + gl_SubgroupID] = acc0_2;
        red[192u + gl_SubgroupID] = acc0_3;
        red[256u + gl_SubgroupID] = acc0_4;
        red[320u + gl_SubgroupID] = acc0_5;
        red[384u + gl_SubgroupID] = acc0_6;
        red[448u + gl_SubgroupID] = acc0_7;
        red[512u + gl_SubgroupID] = acc1_0;
        red[576u + gl_SubgroupID] = acc1_1;
        red[640u + gl_SubgroupID] = acc1_2;
        red[704u + gl_SubgroupID] = acc1_3;
        red[768u + gl_SubgroupID] = acc1_4;
        red[832u + gl_SubgroupID] = acc1_5;
        red[896u + gl_SubgroupID] = acc1_6;
        red[960u + gl_SubgroupID] = acc1_7;
        red[1024u + gl_SubgroupID] = acc2_0;
        red[1088u + gl_SubgroupID] = acc2_1;
        red[1152u + gl_SubgroupID] = acc2_2;
        red[1216u + gl_SubgroupID] = acc2_3;
        red[1280u + gl_SubgroupID] = acc2_4;
        red[1344u + gl_SubgroupID] = acc2_5;
        red[1408u + gl_SubgroupID] = acc2_6;
        red[1472u + gl_SubgroupID] = acc2_7;
        red[1536u + gl_SubgroupID] = acc3_0;
        red[1600u + gl_SubgroupID] = acc3_1;
        red[1664u + gl_SubgroupID] = acc3_2;
        red[1728u + gl_SubgroupID] = acc3_3;
        red[1792u + gl_SubgroupID] = acc3_4;
        red[1856u + gl_SubgroupID] = acc3_5;
        red[1920u + gl_SubgroupID] = acc3_6;
        red[1984u + gl_SubgroupID] = acc3_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
// part 3: 2560 x 64
const uint K_3 = 64u, M_3 = 2560u;
#define K K_3
#define M M_3
#define X X_3
#define W W_3
#define Y Y_3
#define residual residual_3
#define load_x load_x_3
#define load_w load_w_3
#define store store_3
#define tile1 tile1_3
#define tile8 tile8_3
layout(std430, set = 0, binding = 9) readonly buffer B9 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 10) readonly buffer B10 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 11) writeonly buffer B11 { float16_t Y[]; };
void store(uint r, uint t, float v) {
    if (r >= M || t >= pc.T)
        return;
    uint at = t * M + 0u + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc1_0;
        red[128u + gl_SubgroupID] = acc2_0;
        red[192u + gl_SubgroupID] = acc3_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 4u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, M - 1u);
    uint row1 = min(rbase + 1u, M - 1u);
    uint row2 = min(rbase + 2u, M - 1u);
    uint row3 = min(rbase + 3u, M - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc2_4 = 0.0;
    float acc2_5 = 0.0;
    float acc2_6 = 0.0;
    float acc2_7 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc3_4 = 0.0;
    float acc3_5 = 0.0;
    float acc3_6 = 0.0;
    float acc3_7 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc2_4 += dot(w2[0], x4[0]) + dot(w2[1], x4[1]);
        acc2_5 += dot(w2[0], x5[0]) + dot(w2[1], x5[1]);
        acc2_6 += dot(w2[0], x6[0]) + dot(w2[1], x6[1]);
        acc2_7 += dot(w2[0], x7[0]) + dot(w2[1], x7[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc3_4 += dot(w3[0], x4[0]) + dot(w3[1], x4[1]);
        acc3_5 += dot(w3[0], x5[0]) + dot(w3[1], x5[1]);
        acc3_6 += dot(w3[0], x6[0]) + dot(w3[1], x6[1]);
        acc3_7 += dot(w3[0], x7[0]) + dot(w3[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc2_4 = subgroupAdd(acc2_4);
    acc2_5 = subgroupAdd(acc2_5);
    acc2_6 = subgroupAdd(acc2_6);
    acc2_7 = subgroupAdd(acc2_7);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc3_4 = subgroupAdd(acc3_4);
    acc3_5 = subgroupAdd(acc3_5);
    acc3_6 = subgroupAdd(acc3_6);
    acc3_7 = subgroupAdd(acc3_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        if (lid == 16u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 17u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 18u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 19u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 20u) store(rbase + 2u, t0 + 4u, acc2_4);
        if (lid == 21u) store(rbase + 2u, t0 + 5u, acc2_5);
        if (lid == 22u) store(rbase + 2u, t0 + 6u, acc2_6);
        if (lid == 23u) store(rbase + 2u, t0 + 7u, acc2_7);
        if (lid == 24u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 25u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 26u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 27u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 28u) store(rbase + 3u, t0 + 4u, acc3_4);
        if (lid == 29u) store(rbase + 3u, t0 + 5u, acc3_5);
        if (lid == 30u) store(rbase + 3u, t0 + 6u, acc3_6);
        if (lid == 31u) store(rbase + 3u, t0 + 7u, acc3_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[64u + gl_SubgroupID] = acc0_1;
        red[128u + gl_SubgroupID] = acc0_2;
        red[192u + gl_SubgroupID] = acc0_3;
        red[256u + gl_SubgroupID] = acc0_4;
        red[320u + gl_SubgroupID] = acc0_5;
        red[384u + gl_SubgroupID] = acc0_6;
        red[448u + gl_SubgroupID] = acc0_7;
        red[512u + gl_SubgroupID] = acc1_0;
        red[576u + gl_SubgroupID] = acc1_1;
        red[640u + gl_SubgroupID] = acc1_2;
        red[704u + gl_SubgroupID] = acc1_3;
        red[768u + gl_SubgroupID] = acc1_4;
        red[832u + gl_SubgroupID] = acc1_5;
        red[896u + gl_SubgroupID] = acc1_6;
        red[960u + gl_SubgroupID] = acc1_7;
        red[1024u + gl_SubgroupID] = acc2_0;
        red[1088u + gl_SubgroupID] = acc2_1;
        red[1152u + gl_SubgroupID] = acc2_2;
        red[1216u + gl_SubgroupID] = acc2_3;
        red[1280u + gl_SubgroupID] = acc2_4;
        red[1344u + gl_SubgroupID] = acc2_5;
        red[1408u + gl_SubgroupID] = acc2_6;
        red[1472u + gl_SubgroupID] = acc2_7;
        red[1536u + gl_SubgroupID] = acc3_0;
        red[1600u + gl_SubgroupID] = acc3_1;
        red[1664u + gl_SubgroupID] = acc3_2;
        red[1728u + gl_SubgroupID] = acc3_3;
        red[1792u + gl_SubgroupID] = acc3_4;
        red[1856u + gl_SubgroupID] = acc3_5;
        red[1920u + gl_SubgroupID] = acc3_6;
        red[1984u + gl_SubgroupID] = acc3_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
#undef K
#undef M
#undef X
#undef W
#undef Y
#undef residual
#undef load_x
#undef load_w
#undef store
#undef tile1
#undef tile8
void main() {
    uint g = group_id();
    if (g < 640u) {
        uint rbase = (g - 0u) * 4u;
        if (pc.T == 1u)
            tile1_0(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_0(t0, rbase);
        return;
    }
    if (g < 1280u) {
        uint rbase = (g - 640u) * 4u;
        if (pc.T == 1u)
            tile1_1(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_1(t0, rbase);
        return;
    }
    if (g < 1920u) {
        uint rbase = (g - 1280u) * 4u;
        if (pc.T == 1u)
            tile1_2(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_2(t0, rbase);
        return;
    }
    if (g < 2560u) {
        uint rbase = (g - 1920u) * 4u;
        if (pc.T == 1u)
            tile1_3(0u, rbase);
        else
            for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
                tile8_3(t0, rbase);
        return;
    }
}

// ==== kernel code 12, used by kernels 13 21 29 37 45 53 61 69 77 85 93 101 109 117 125 133 141 149 157 165 173 181 189 197 205 213 221 229 237 245 253
// rwkvc kernel head_region(16 ops): head_region
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 64) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
layout(std430, set = 0, binding = 0) readonly buffer B0 { float16_t b0[]; };
layout(std430, set = 0, binding = 1) readonly buffer B1 { float16_t b1[]; };
layout(std430, set = 0, binding = 2) readonly buffer B2 { float16_t b2[]; };
layout(std430, set = 0, binding = 3) readonly buffer B3 { float16_t b3[]; };
layout(std430, set = 0, binding = 4) readonly buffer B4 { float16_t b4[]; };
layout(std430, set = 0, binding = 5) readonly buffer B5 { float16_t b5[]; };
layout(std430, set = 0, binding = 6) readonly buffer B6 { float16_t b6[]; };
layout(std430, set = 0, binding = 7) readonly buffer B7 { float16_t b7[]; };
layout(std430, set = 0, binding = 8) readonly buffer B8 { float16_t b8[]; };
layout(std430, set = 0, binding = 9) readonly buffer B9 { float16_t b9[]; };
layout(std430, set = 0, binding = 10) readonly buffer B10 { float16_t b10[]; };
layout(std430, set = 0, binding = 11) readonly buffer B11 { float16_t b11[]; };
layout(std430, set = 0, binding = 12) buffer B12 { vec4 b12[]; };
layout(std430, set = 0, binding = 13) readonly buffer B13 { float16_t b13[]; };
layout(std430, set = 0, binding = 14) readonly buffer B14 { float16_t b14[]; };
layout(std430, set = 0, binding = 15) readonly buffer B15 { float16_t b15[]; };
layout(std430, set = 0, binding = 16) readonly buffer B16 { float16_t b16[]; };
layout(std430, set = 0, binding = 17) writeonly buffer B17 { float16_t b17[]; };
const uint C = 2560u;
const uint N = 64u;
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
shared float wg_sum_sh[64];
float wg_sum(float v) {
    float s = subgroupAdd(v);
    if (gl_NumSubgroups == 1u)
        return s;
    if (subgroupElect())
        wg_sum_sh[gl_SubgroupID] = s;
    memoryBarrierShared();
    barrier();
    float total = 0.0;
    for (uint i = 0u; i < gl_NumSubgroups; i++)
        total += wg_sum_sh[i];
    barrier(); // the slots are reused by the next call
    return total;
}
shared float sh_r[N], sh_w[N], sh_k[N], sh_kk[N], sh_a[N];
void main() {
    uint h = gl_WorkGroupID.x, i = gl_LocalInvocationID.x, c = h * N + i;
    float v1 = float(b1[c]);
    float v5 = float(b3[c]);
    float v9 = float(b5[c]);
    const float v12 = 1.0;
    float v13 = float(b6[c]);
    float v17 = float(b8[c]);
    float v26 = float(b13[c]);
    float v27 = float(b14[c]);
    float v29 = float(b15[c]);
    float S[N];
    [[unroll]] for (uint j = 0u; j < N / 4u; j++) {
        vec4 q = b12[((h * N + i) * N) / 4u + j];
        S[4u * j] = q.x; S[4u * j + 1u] = q.y; S[4u * j + 2u] = q.z; S[4u * j + 3u] = q.w;
    }
    for (uint t = 0u; t < pc.T; t++) {
        float v0 = float(b0[t * C + c]);
        float v4 = float(b2[t * C + c]);
        float v8 = float(b4[t * C + c]);
        float v16 = float(b7[t * C + c]);
        float v20 = float(b9[t * C + c]);
        float v21 = float(b10[t * C + c]);
        float v23 = float(b11[t * C + c]);
        float v32 = float(b16[t * C + c]);
        float v2 = v0 + v1;
        float v3 = ew_decay(v2);
        float v6 = v4 + v5;
        float v7 = ew_sigmoid(v6);
        float v10 = v8 * v9;
        float v11 = v10 / max(sqrt(wg_sum(v10 * v10)), 9.99999996e-13);
        float v14 = v12 + (v7 - v12) * v13;
        float v15 = v8 * v14;
        float v18 = v16 + v17;
        float v19 = ew_sigmoid(v18);
        float v22 = v20 + (v21 - v20) * v19;
        sh_r[i] = v23; sh_w[i] = v3; sh_k[i] = v15; sh_kk[i] = v11; sh_a[i] = v7;
        memoryBarrierShared();
        barrier();
        float sa = 0.0;
        [[unroll]] for (uint j = 0u; j < N; j++)
            sa -= S[j] * sh_kk[j];
        float v25 = 0.0;
        [[unroll]] for (uint j = 0u; j < N; j++) {
            S[j] = S[j] * sh_w[j] + sa * (sh_kk[j] * sh_a[j]) + v22 * sh_k[j];
            v25 += S[j] * sh_r[j];
        }
        barrier(); // sh_* are rewritten for the next token
        float m28 = wg_sum(v25) / float(N);
        float d28 = v25 - m28;
        float v28 = d28 * inversesqrt(wg_sum(d28 * d28) / float(N) + 0.000639999984) * v26 + v27;
        float v30 = wg_sum(v23 * v29 * v15) * v22;
        float v31 = v28 + v30;
        float v33 = v31 * v32;
        b17[t * C + c] = float16_t(v33);
    }
    [[unroll]] for (uint j = 0u; j < N / 4u; j++)
        b12[((h * N + i) * N) / 4u + j] = vec4(S[4u * j], S[4u * j + 1u], S[4u * j + 2u], S[4u * j + 3u]);
}

// ==== kernel code 13, used by kernels 259
// rwkvc kernel matvec: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 2560u, M = 65536u, WG = 128u, NV = 16u, SLOTS = 128u;
layout(std430, set = 0, binding = 0) readonly buffer B0 { uvec4 X[]; };
void load_x(uint t, uint e, out vec4 x[2]) {
    uvec4 q = X[(t * K + e) >> 3];
    x[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    x[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 1) readonly buffer B1 { uvec4 W[]; };
void load_w(uint row, uint e, out vec4 w[2]) {
    uvec4 q = W[(row * K + e) >> 3];
    w[0] = vec4(unpackHalf2x16(q.x), unpackHalf2x16(q.y));
    w[1] = vec4(unpackHalf2x16(q.z), unpackHalf2x16(q.w));
}
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t Y[]; };
shared float red[2048];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
void store(uint r, uint t, float v) {
    if (r >= pc.rows || t >= pc.T)
        return;
    uint at = t * M + pc.row0 + r;
    Y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc1_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 2u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile8(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint tk4 = min(t0 + 4u, pc.T - 1u);
    uint tk5 = min(t0 + 5u, pc.T - 1u);
    uint tk6 = min(t0 + 6u, pc.T - 1u);
    uint tk7 = min(t0 + 7u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc0_4 = 0.0;
    float acc0_5 = 0.0;
    float acc0_6 = 0.0;
    float acc0_7 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc1_4 = 0.0;
    float acc1_5 = 0.0;
    float acc1_6 = 0.0;
    float acc1_7 = 0.0;
    uint e = lid * 8u;
    [[unroll]] for (uint s = 0u; s < 2u; s++, e += 1024u) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 x4[2]; load_x(tk4, e, x4);
        vec4 x5[2]; load_x(tk5, e, x5);
        vec4 x6[2]; load_x(tk6, e, x6);
        vec4 x7[2]; load_x(tk7, e, x7);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc0_4 += dot(w0[0], x4[0]) + dot(w0[1], x4[1]);
        acc0_5 += dot(w0[0], x5[0]) + dot(w0[1], x5[1]);
        acc0_6 += dot(w0[0], x6[0]) + dot(w0[1], x6[1]);
        acc0_7 += dot(w0[0], x7[0]) + dot(w0[1], x7[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc1_4 += dot(w1[0], x4[0]) + dot(w1[1], x4[1]);
        acc1_5 += dot(w1[0], x5[0]) + dot(w1[1], x5[1]);
        acc1_6 += dot(w1[0], x6[0]) + dot(w1[1], x6[1]);
        acc1_7 += dot(w1[0], x7[0]) + dot(w1[1], x7[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc0_4 = subgroupAdd(acc0_4);
    acc0_5 = subgroupAdd(acc0_5);
    acc0_6 = subgroupAdd(acc0_6);
    acc0_7 = subgroupAdd(acc0_7);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc1_4 = subgroupAdd(acc1_4);
    acc1_5 = subgroupAdd(acc1_5);
    acc1_6 = subgroupAdd(acc1_6);
    acc1_7 = subgroupAdd(acc1_7);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 0u, t0 + 4u, acc0_4);
        if (lid == 5u) store(rbase + 0u, t0 + 5u, acc0_5);
        if (lid == 6u) store(rbase + 0u, t0 + 6u, acc0_6);
        if (lid == 7u) store(rbase + 0u, t0 + 7u, acc0_7);
        if (lid == 8u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 9u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 10u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 11u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 12u) store(rbase + 1u, t0 + 4u, acc1_4);
        if (lid == 13u) store(rbase + 1u, t0 + 5u, acc1_5);
        if (lid == 14u) store(rbase + 1u, t0 + 6u, acc1_6);
        if (lid == 15u) store(rbase + 1u, t0 + 7u, acc1_7);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[128u + gl_SubgroupID] = acc0_1;
        red[256u + gl_SubgroupID] = acc0_2;
        red[384u + gl_SubgroupID] = acc0_3;
        red[512u + gl_SubgroupID] = acc0_4;
        red[640u + gl_SubgroupID] = acc0_5;
        red[768u + gl_SubgroupID] = acc0_6;
        red[896u + gl_SubgroupID] = acc0_7;
        red[1024u + gl_SubgroupID] = acc1_0;
        red[1152u + gl_SubgroupID] = acc1_1;
        red[1280u + gl_SubgroupID] = acc1_2;
        red[1408u + gl_SubgroupID] = acc1_3;
        red[1536u + gl_SubgroupID] = acc1_4;
        red[1664u + gl_SubgroupID] = acc1_5;
        red[1792u + gl_SubgroupID] = acc1_6;
        red[1920u + gl_SubgroupID] = acc1_7;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 16u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 8u, t0 + o % 8u, s);
    }
    barrier(); // red is reused by the next tile
}
void main() {
    uint rbase = group_id() * 2u;
    if (rbase >= pc.rows)
        return;
    if (pc.T == 1u) {
        tile1(0u, rbase);
        return;
    }
    for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
        tile8(t0, rbase);
}
