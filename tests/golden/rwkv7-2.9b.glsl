// 18 distinct kernels for: subgroup 32 (arithmetic), f16 storage yes, f16 math yes, int8 storage yes, 48 KiB shared, 1024 invocations

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

// ==== kernel code 1, used by kernels 1 544
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

// ==== kernel code 2, used by kernels 2 17 34 51 68 85 102 119 136 153 170 187 204 221 238 255 272 289 306 323 340 357 374 391 408 425 442 459 476 493 510 527
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
    {
        float s = 0.0;
        for (uint c = tid; c < C; c += WG)
            s += float(x[(t) * C + c]);
        mean = wg_sum(s) / float(C);
        float q = 0.0;
        for (uint c = tid; c < C; c += WG) {
            float d = float(x[(t) * C + c]) - mean;
            q += d * d;
        }
        inv = inversesqrt(wg_sum(q) / float(C) + EPS);
    }
    if (t > 0u) {
        float s = 0.0;
        for (uint c = tid; c < C; c += WG)
            s += float(x[(t - 1u) * C + c]);
        mean1 = wg_sum(s) / float(C);
        float q = 0.0;
        for (uint c = tid; c < C; c += WG) {
            float d = float(x[(t - 1u) * C + c]) - mean1;
            q += d * d;
        }
        inv1 = inversesqrt(wg_sum(q) / float(C) + EPS);
    }
    for (uint c = c0 + tid; c < c1; c += WG) {
        float g = float(w[c]), o = float(b[c]);
        float a = (float(x[t * C + c]) - mean) * inv * g + o;
        float s = t == 0u ? prev[c] : (float(x[(t - 1u) * C + c]) - mean1) * inv1 * g + o;
        out0[t * C + c] = float16_t(a + (s - a) * float(mix0[c]));
        out1[t * C + c] = float16_t(a + (s - a) * float(mix1[c]));
        out2[t * C + c] = float16_t(a + (s - a) * float(mix2[c]));
        out3[t * C + c] = float16_t(a + (s - a) * float(mix3[c]));
        out4[t * C + c] = float16_t(a + (s - a) * float(mix4[c]));
        out5[t * C + c] = float16_t(a + (s - a) * float(mix5[c]));
        if (t == pc.T - 1u)
            state[c] = a;
    }
}

// ==== kernel code 3, used by kernels 3 4 5 18 19 20 35 36 37 52 53 54 69 70 71 86 87 88 103 104 105 120 121 122 137 138 139 154 155 156 171 172 173 188 189 190 205 206 207 222 223 224 239 240 241 256 257 258 273 274 275 290 291 292 307 308 309 324 325 326 341 342 343 358 359 360 375 376 377 392 393 394 409 410 411 426 427 428 443 444 445 460 461 462 477 478 479 494 495 496 511 512 513 528 529 530
// rwkvc kernel matvec: matvec
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
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
    y[at] = float16_t((v));
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

// ==== kernel code 4, used by kernels 6 21 38 55 72 89 106 123 140 157 174 191 208 225 242 259 276 293 310 327 344 361 378 395 412 429 446 463 480 497 514 531
// rwkvc kernel matvec+tanh: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 2560u, M = 96u, WG = 128u, NV = 16u, SLOTS = 128u;
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
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
    y[at] = float16_t(ew_tanh(v));
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

// ==== kernel code 5, used by kernels 7 22 39 56 73 90 107 124 141 158 175 192 209 226 243 260 277 294 311 328 345 362 379 396 413 430 447 464 481 498 515 532
// rwkvc kernel matvec: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 2560u, M = 96u, WG = 128u, NV = 16u, SLOTS = 128u;
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
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
    y[at] = float16_t((v));
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

// ==== kernel code 6, used by kernels 8 23 40 57 74 91 108 125 142 159 176 193 210 227 244 261 278 295 312 329 346 363 380 397 414 431 448 465 482 499 516 533
// rwkvc kernel matvec+sigmoid: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 2560u, M = 320u, WG = 128u, NV = 16u, SLOTS = 128u;
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
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
    y[at] = float16_t(ew_sigmoid(v));
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

// ==== kernel code 7, used by kernels 9 10 25 26 42 43 59 60 76 77 93 94 110 111 127 128 144 145 161 162 178 179 195 196 212 213 229 230 246 247 263 264 280 281 297 298 314 315 331 332 348 349 365 366 382 383 399 400 416 417 433 434 450 451 467 468 484 485 501 502 518 519 535 536
// rwkvc kernel matvec: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 32) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 96u, M = 2560u, WG = 32u, NV = 32u, SLOTS = 32u;
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
shared float red[1024];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
void store(uint r, uint t, float v) {
    if (r >= pc.rows || t >= pc.T)
        return;
    uint at = t * M + pc.row0 + r;
    y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    uint row2 = min(rbase + 2u, pc.rows - 1u);
    uint row3 = min(rbase + 3u, pc.rows - 1u);
    uint row4 = min(rbase + 4u, pc.rows - 1u);
    uint row5 = min(rbase + 5u, pc.rows - 1u);
    uint row6 = min(rbase + 6u, pc.rows - 1u);
    uint row7 = min(rbase + 7u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    float acc4_0 = 0.0;
    float acc5_0 = 0.0;
    float acc6_0 = 0.0;
    float acc7_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        vec4 w4[2]; load_w(row4, e, w4);
        vec4 w5[2]; load_w(row5, e, w5);
        vec4 w6[2]; load_w(row6, e, w6);
        vec4 w7[2]; load_w(row7, e, w7);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc4_0 += dot(w4[0], x0[0]) + dot(w4[1], x0[1]);
        acc5_0 += dot(w5[0], x0[0]) + dot(w5[1], x0[1]);
        acc6_0 += dot(w6[0], x0[0]) + dot(w6[1], x0[1]);
        acc7_0 += dot(w7[0], x0[0]) + dot(w7[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    acc4_0 = subgroupAdd(acc4_0);
    acc5_0 = subgroupAdd(acc5_0);
    acc6_0 = subgroupAdd(acc6_0);
    acc7_0 = subgroupAdd(acc7_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 4u) store(rbase + 4u, t0 + 0u, acc4_0);
        if (lid == 5u) store(rbase + 5u, t0 + 0u, acc5_0);
        if (lid == 6u) store(rbase + 6u, t0 + 0u, acc6_0);
        if (lid == 7u) store(rbase + 7u, t0 + 0u, acc7_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[32u + gl_SubgroupID] = acc1_0;
        red[64u + gl_SubgroupID] = acc2_0;
        red[96u + gl_SubgroupID] = acc3_0;
        red[128u + gl_SubgroupID] = acc4_0;
        red[160u + gl_SubgroupID] = acc5_0;
        red[192u + gl_SubgroupID] = acc6_0;
        red[224u + gl_SubgroupID] = acc7_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 8u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile4(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    uint row2 = min(rbase + 2u, pc.rows - 1u);
    uint row3 = min(rbase + 3u, pc.rows - 1u);
    uint row4 = min(rbase + 4u, pc.rows - 1u);
    uint row5 = min(rbase + 5u, pc.rows - 1u);
    uint row6 = min(rbase + 6u, pc.rows - 1u);
    uint row7 = min(rbase + 7u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc4_0 = 0.0;
    float acc4_1 = 0.0;
    float acc4_2 = 0.0;
    float acc4_3 = 0.0;
    float acc5_0 = 0.0;
    float acc5_1 = 0.0;
    float acc5_2 = 0.0;
    float acc5_3 = 0.0;
    float acc6_0 = 0.0;
    float acc6_1 = 0.0;
    float acc6_2 = 0.0;
    float acc6_3 = 0.0;
    float acc7_0 = 0.0;
    float acc7_1 = 0.0;
    float acc7_2 = 0.0;
    float acc7_3 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        vec4 w4[2]; load_w(row4, e, w4);
        vec4 w5[2]; load_w(row5, e, w5);
        vec4 w6[2]; load_w(row6, e, w6);
        vec4 w7[2]; load_w(row7, e, w7);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc4_0 += dot(w4[0], x0[0]) + dot(w4[1], x0[1]);
        acc4_1 += dot(w4[0], x1[0]) + dot(w4[1], x1[1]);
        acc4_2 += dot(w4[0], x2[0]) + dot(w4[1], x2[1]);
        acc4_3 += dot(w4[0], x3[0]) + dot(w4[1], x3[1]);
        acc5_0 += dot(w5[0], x0[0]) + dot(w5[1], x0[1]);
        acc5_1 += dot(w5[0], x1[0]) + dot(w5[1], x1[1]);
        acc5_2 += dot(w5[0], x2[0]) + dot(w5[1], x2[1]);
        acc5_3 += dot(w5[0], x3[0]) + dot(w5[1], x3[1]);
        acc6_0 += dot(w6[0], x0[0]) + dot(w6[1], x0[1]);
        acc6_1 += dot(w6[0], x1[0]) + dot(w6[1], x1[1]);
        acc6_2 += dot(w6[0], x2[0]) + dot(w6[1], x2[1]);
        acc6_3 += dot(w6[0], x3[0]) + dot(w6[1], x3[1]);
        acc7_0 += dot(w7[0], x0[0]) + dot(w7[1], x0[1]);
        acc7_1 += dot(w7[0], x1[0]) + dot(w7[1], x1[1]);
        acc7_2 += dot(w7[0], x2[0]) + dot(w7[1], x2[1]);
        acc7_3 += dot(w7[0], x3[0]) + dot(w7[1], x3[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc4_0 = subgroupAdd(acc4_0);
    acc4_1 = subgroupAdd(acc4_1);
    acc4_2 = subgroupAdd(acc4_2);
    acc4_3 = subgroupAdd(acc4_3);
    acc5_0 = subgroupAdd(acc5_0);
    acc5_1 = subgroupAdd(acc5_1);
    acc5_2 = subgroupAdd(acc5_2);
    acc5_3 = subgroupAdd(acc5_3);
    acc6_0 = subgroupAdd(acc6_0);
    acc6_1 = subgroupAdd(acc6_1);
    acc6_2 = subgroupAdd(acc6_2);
    acc6_3 = subgroupAdd(acc6_3);
    acc7_0 = subgroupAdd(acc7_0);
    acc7_1 = subgroupAdd(acc7_1);
    acc7_2 = subgroupAdd(acc7_2);
    acc7_3 = subgroupAdd(acc7_3);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 5u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 6u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 7u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 8u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 9u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 10u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 11u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 12u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 13u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 14u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 15u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 16u) store(rbase + 4u, t0 + 0u, acc4_0);
        if (lid == 17u) store(rbase + 4u, t0 + 1u, acc4_1);
        if (lid == 18u) store(rbase + 4u, t0 + 2u, acc4_2);
        if (lid == 19u) store(rbase + 4u, t0 + 3u, acc4_3);
        if (lid == 20u) store(rbase + 5u, t0 + 0u, acc5_0);
        if (lid == 21u) store(rbase + 5u, t0 + 1u, acc5_1);
        if (lid == 22u) store(rbase + 5u, t0 + 2u, acc5_2);
        if (lid == 23u) store(rbase + 5u, t0 + 3u, acc5_3);
        if (lid == 24u) store(rbase + 6u, t0 + 0u, acc6_0);
        if (lid == 25u) store(rbase + 6u, t0 + 1u, acc6_1);
        if (lid == 26u) store(rbase + 6u, t0 + 2u, acc6_2);
        if (lid == 27u) store(rbase + 6u, t0 + 3u, acc6_3);
        if (lid == 28u) store(rbase + 7u, t0 + 0u, acc7_0);
        if (lid == 29u) store(rbase + 7u, t0 + 1u, acc7_1);
        if (lid == 30u) store(rbase + 7u, t0 + 2u, acc7_2);
        if (lid == 31u) store(rbase + 7u, t0 + 3u, acc7_3);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[32u + gl_SubgroupID] = acc0_1;
        red[64u + gl_SubgroupID] = acc0_2;
        red[96u + gl_SubgroupID] = acc0_3;
        red[128u + gl_SubgroupID] = acc1_0;
        red[160u + gl_SubgroupID] = acc1_1;
        red[192u + gl_SubgroupID] = acc1_2;
        red[224u + gl_SubgroupID] = acc1_3;
        red[256u + gl_SubgroupID] = acc2_0;
        red[288u + gl_SubgroupID] = acc2_1;
        red[320u + gl_SubgroupID] = acc2_2;
        red[352u + gl_SubgroupID] = acc2_3;
        red[384u + gl_SubgroupID] = acc3_0;
        red[416u + gl_SubgroupID] = acc3_1;
        red[448u + gl_SubgroupID] = acc3_2;
        red[480u + gl_SubgroupID] = acc3_3;
        red[512u + gl_SubgroupID] = acc4_0;
        red[544u + gl_SubgroupID] = acc4_1;
        red[576u + gl_SubgroupID] = acc4_2;
        red[608u + gl_SubgroupID] = acc4_3;
        red[640u + gl_SubgroupID] = acc5_0;
        red[672u + gl_SubgroupID] = acc5_1;
        red[704u + gl_SubgroupID] = acc5_2;
        red[736u + gl_SubgroupID] = acc5_3;
        red[768u + gl_SubgroupID] = acc6_0;
        red[800u + gl_SubgroupID] = acc6_1;
        red[832u + gl_SubgroupID] = acc6_2;
        red[864u + gl_SubgroupID] = acc6_3;
        red[896u + gl_SubgroupID] = acc7_0;
        red[928u + gl_SubgroupID] = acc7_1;
        red[960u + gl_SubgroupID] = acc7_2;
        red[992u + gl_SubgroupID] = acc7_3;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 4u, t0 + o % 4u, s);
    }
    barrier(); // red is reused by the next tile
}
void main() {
    uint rbase = group_id() * 8u;
    if (rbase >= pc.rows)
        return;
    if (pc.T == 1u) {
        tile1(0u, rbase);
        return;
    }
    for (uint t0 = 0u; t0 < pc.T; t0 += 4u)
        tile4(t0, rbase);
}

// ==== kernel code 8, used by kernels 11 27 44 61 78 95 112 129 146 163 180 197 214 231 248 265 282 299 316 333 350 367 384 401 418 435 452 469 486 503 520 537
// rwkvc kernel matvec: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 64) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 320u, M = 2560u, WG = 64u, NV = 32u, SLOTS = 64u;
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
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
    y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    uint row2 = min(rbase + 2u, pc.rows - 1u);
    uint row3 = min(rbase + 3u, pc.rows - 1u);
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
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    uint row2 = min(rbase + 2u, pc.rows - 1u);
    uint row3 = min(rbase + 3u, pc.rows - 1u);
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
void main() {
    uint rbase = group_id() * 4u;
    if (rbase >= pc.rows)
        return;
    if (pc.T == 1u) {
        tile1(0u, rbase);
        return;
    }
    for (uint t0 = 0u; t0 < pc.T; t0 += 8u)
        tile8(t0, rbase);
}

// ==== kernel code 9, used by kernels 12
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
layout(std430, set = 0, binding = 9) buffer B9 { float b9[]; };
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
    [[unroll]] for (uint j = 0u; j < N; j++)
        S[j] = b9[(h * N + i) * N + j];
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
    [[unroll]] for (uint j = 0u; j < N; j++)
        b9[(h * N + i) * N + j] = S[j];
}

// ==== kernel code 10, used by kernels 13 30 47 64 81 98 115 132 149 166 183 200 217 234 251 268 285 302 319 336 353 370 387 404 421 438 455 472 489 506 523 540
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
layout(std430, set = 0, binding = 3) writeonly buffer B3 { float16_t y[]; };
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
    y[at] = float16_t((v + float(residual[at])));
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

// ==== kernel code 11, used by kernels 14 31 48 65 82 99 116 133 150 167 184 201 218 235 252 269 286 303 320 337 354 371 388 405 422 439 456 473 490 507 524 541
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
    {
        float s = 0.0;
        for (uint c = tid; c < C; c += WG)
            s += float(x[(t) * C + c]);
        mean = wg_sum(s) / float(C);
        float q = 0.0;
        for (uint c = tid; c < C; c += WG) {
            float d = float(x[(t) * C + c]) - mean;
            q += d * d;
        }
        inv = inversesqrt(wg_sum(q) / float(C) + EPS);
    }
    if (t > 0u) {
        float s = 0.0;
        for (uint c = tid; c < C; c += WG)
            s += float(x[(t - 1u) * C + c]);
        mean1 = wg_sum(s) / float(C);
        float q = 0.0;
        for (uint c = tid; c < C; c += WG) {
            float d = float(x[(t - 1u) * C + c]) - mean1;
            q += d * d;
        }
        inv1 = inversesqrt(wg_sum(q) / float(C) + EPS);
    }
    for (uint c = c0 + tid; c < c1; c += WG) {
        float g = float(w[c]), o = float(b[c]);
        float a = (float(x[t * C + c]) - mean) * inv * g + o;
        float s = t == 0u ? prev[c] : (float(x[(t - 1u) * C + c]) - mean1) * inv1 * g + o;
        out0[t * C + c] = float16_t(a + (s - a) * float(mix0[c]));
        if (t == pc.T - 1u)
            state[c] = a;
    }
}

// ==== kernel code 12, used by kernels 15 32 49 66 83 100 117 134 151 168 185 202 219 236 253 270 287 304 321 338 355 372 389 406 423 440 457 474 491 508 525 542
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
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
    y[at] = float16_t(ew_relu_sq(v));
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

// ==== kernel code 13, used by kernels 16 33 50 67 84 101 118 135 152 169 186 203 220 237 254 271 288 305 322 339 356 373 390 407 424 441 458 475 492 509 526 543
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
layout(std430, set = 0, binding = 3) writeonly buffer B3 { float16_t y[]; };
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
    y[at] = float16_t((v + float(residual[at])));
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

// ==== kernel code 14, used by kernels 24 41 58 75 92 109 126 143 160 177 194 211 228 245 262 279 296 313 330 347 364 381 398 415 432 449 466 483 500 517 534
// rwkvc kernel matvec: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 128) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 2560u, M = 64u, WG = 128u, NV = 16u, SLOTS = 128u;
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
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
    y[at] = float16_t((v));
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

// ==== kernel code 15, used by kernels 28 45 62 79 96 113 130 147 164 181 198 215 232 249 266 283 300 317 334 351 368 385 402 419 436 453 470 487 504 521 538
// rwkvc kernel matvec: matvec
#version 450
#extension GL_EXT_shader_16bit_storage : require
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_EXT_control_flow_attributes : require
layout(local_size_x = 32) in;
layout(push_constant) uniform Push { uint T; uint row0; uint rows; uint pad; } pc;
const uint K = 64u, M = 2560u, WG = 32u, NV = 32u, SLOTS = 32u;
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
shared float red[1024];
uint group_id() { return gl_WorkGroupID.x + gl_WorkGroupID.y * gl_NumWorkGroups.x; }
float ew_tanh(float x) { return tanh(clamp(x, -15.0, 15.0)); }
float ew_sigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float ew_relu_sq(float x) { return x > 0.0 ? x * x : 0.0; }
float ew_decay(float x) { return exp(-0.606530666 * ew_sigmoid(x)); }
void store(uint r, uint t, float v) {
    if (r >= pc.rows || t >= pc.T)
        return;
    uint at = t * M + pc.row0 + r;
    y[at] = float16_t((v));
}
void tile1(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    uint row2 = min(rbase + 2u, pc.rows - 1u);
    uint row3 = min(rbase + 3u, pc.rows - 1u);
    uint row4 = min(rbase + 4u, pc.rows - 1u);
    uint row5 = min(rbase + 5u, pc.rows - 1u);
    uint row6 = min(rbase + 6u, pc.rows - 1u);
    uint row7 = min(rbase + 7u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc1_0 = 0.0;
    float acc2_0 = 0.0;
    float acc3_0 = 0.0;
    float acc4_0 = 0.0;
    float acc5_0 = 0.0;
    float acc6_0 = 0.0;
    float acc7_0 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        vec4 w4[2]; load_w(row4, e, w4);
        vec4 w5[2]; load_w(row5, e, w5);
        vec4 w6[2]; load_w(row6, e, w6);
        vec4 w7[2]; load_w(row7, e, w7);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc4_0 += dot(w4[0], x0[0]) + dot(w4[1], x0[1]);
        acc5_0 += dot(w5[0], x0[0]) + dot(w5[1], x0[1]);
        acc6_0 += dot(w6[0], x0[0]) + dot(w6[1], x0[1]);
        acc7_0 += dot(w7[0], x0[0]) + dot(w7[1], x0[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc1_0 = subgroupAdd(acc1_0);
    acc2_0 = subgroupAdd(acc2_0);
    acc3_0 = subgroupAdd(acc3_0);
    acc4_0 = subgroupAdd(acc4_0);
    acc5_0 = subgroupAdd(acc5_0);
    acc6_0 = subgroupAdd(acc6_0);
    acc7_0 = subgroupAdd(acc7_0);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 2u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 3u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 4u) store(rbase + 4u, t0 + 0u, acc4_0);
        if (lid == 5u) store(rbase + 5u, t0 + 0u, acc5_0);
        if (lid == 6u) store(rbase + 6u, t0 + 0u, acc6_0);
        if (lid == 7u) store(rbase + 7u, t0 + 0u, acc7_0);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[32u + gl_SubgroupID] = acc1_0;
        red[64u + gl_SubgroupID] = acc2_0;
        red[96u + gl_SubgroupID] = acc3_0;
        red[128u + gl_SubgroupID] = acc4_0;
        red[160u + gl_SubgroupID] = acc5_0;
        red[192u + gl_SubgroupID] = acc6_0;
        red[224u + gl_SubgroupID] = acc7_0;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 8u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 1u, t0 + o % 1u, s);
    }
    barrier(); // red is reused by the next tile
}
void tile4(uint t0, uint rbase) {
    uint lid = gl_LocalInvocationID.x;
    uint tk0 = min(t0 + 0u, pc.T - 1u);
    uint tk1 = min(t0 + 1u, pc.T - 1u);
    uint tk2 = min(t0 + 2u, pc.T - 1u);
    uint tk3 = min(t0 + 3u, pc.T - 1u);
    uint row0 = min(rbase + 0u, pc.rows - 1u);
    uint row1 = min(rbase + 1u, pc.rows - 1u);
    uint row2 = min(rbase + 2u, pc.rows - 1u);
    uint row3 = min(rbase + 3u, pc.rows - 1u);
    uint row4 = min(rbase + 4u, pc.rows - 1u);
    uint row5 = min(rbase + 5u, pc.rows - 1u);
    uint row6 = min(rbase + 6u, pc.rows - 1u);
    uint row7 = min(rbase + 7u, pc.rows - 1u);
    float acc0_0 = 0.0;
    float acc0_1 = 0.0;
    float acc0_2 = 0.0;
    float acc0_3 = 0.0;
    float acc1_0 = 0.0;
    float acc1_1 = 0.0;
    float acc1_2 = 0.0;
    float acc1_3 = 0.0;
    float acc2_0 = 0.0;
    float acc2_1 = 0.0;
    float acc2_2 = 0.0;
    float acc2_3 = 0.0;
    float acc3_0 = 0.0;
    float acc3_1 = 0.0;
    float acc3_2 = 0.0;
    float acc3_3 = 0.0;
    float acc4_0 = 0.0;
    float acc4_1 = 0.0;
    float acc4_2 = 0.0;
    float acc4_3 = 0.0;
    float acc5_0 = 0.0;
    float acc5_1 = 0.0;
    float acc5_2 = 0.0;
    float acc5_3 = 0.0;
    float acc6_0 = 0.0;
    float acc6_1 = 0.0;
    float acc6_2 = 0.0;
    float acc6_3 = 0.0;
    float acc7_0 = 0.0;
    float acc7_1 = 0.0;
    float acc7_2 = 0.0;
    float acc7_3 = 0.0;
    uint e = lid * 8u;
    if (e < K) {
        vec4 x0[2]; load_x(tk0, e, x0);
        vec4 x1[2]; load_x(tk1, e, x1);
        vec4 x2[2]; load_x(tk2, e, x2);
        vec4 x3[2]; load_x(tk3, e, x3);
        vec4 w0[2]; load_w(row0, e, w0);
        vec4 w1[2]; load_w(row1, e, w1);
        vec4 w2[2]; load_w(row2, e, w2);
        vec4 w3[2]; load_w(row3, e, w3);
        vec4 w4[2]; load_w(row4, e, w4);
        vec4 w5[2]; load_w(row5, e, w5);
        vec4 w6[2]; load_w(row6, e, w6);
        vec4 w7[2]; load_w(row7, e, w7);
        acc0_0 += dot(w0[0], x0[0]) + dot(w0[1], x0[1]);
        acc0_1 += dot(w0[0], x1[0]) + dot(w0[1], x1[1]);
        acc0_2 += dot(w0[0], x2[0]) + dot(w0[1], x2[1]);
        acc0_3 += dot(w0[0], x3[0]) + dot(w0[1], x3[1]);
        acc1_0 += dot(w1[0], x0[0]) + dot(w1[1], x0[1]);
        acc1_1 += dot(w1[0], x1[0]) + dot(w1[1], x1[1]);
        acc1_2 += dot(w1[0], x2[0]) + dot(w1[1], x2[1]);
        acc1_3 += dot(w1[0], x3[0]) + dot(w1[1], x3[1]);
        acc2_0 += dot(w2[0], x0[0]) + dot(w2[1], x0[1]);
        acc2_1 += dot(w2[0], x1[0]) + dot(w2[1], x1[1]);
        acc2_2 += dot(w2[0], x2[0]) + dot(w2[1], x2[1]);
        acc2_3 += dot(w2[0], x3[0]) + dot(w2[1], x3[1]);
        acc3_0 += dot(w3[0], x0[0]) + dot(w3[1], x0[1]);
        acc3_1 += dot(w3[0], x1[0]) + dot(w3[1], x1[1]);
        acc3_2 += dot(w3[0], x2[0]) + dot(w3[1], x2[1]);
        acc3_3 += dot(w3[0], x3[0]) + dot(w3[1], x3[1]);
        acc4_0 += dot(w4[0], x0[0]) + dot(w4[1], x0[1]);
        acc4_1 += dot(w4[0], x1[0]) + dot(w4[1], x1[1]);
        acc4_2 += dot(w4[0], x2[0]) + dot(w4[1], x2[1]);
        acc4_3 += dot(w4[0], x3[0]) + dot(w4[1], x3[1]);
        acc5_0 += dot(w5[0], x0[0]) + dot(w5[1], x0[1]);
        acc5_1 += dot(w5[0], x1[0]) + dot(w5[1], x1[1]);
        acc5_2 += dot(w5[0], x2[0]) + dot(w5[1], x2[1]);
        acc5_3 += dot(w5[0], x3[0]) + dot(w5[1], x3[1]);
        acc6_0 += dot(w6[0], x0[0]) + dot(w6[1], x0[1]);
        acc6_1 += dot(w6[0], x1[0]) + dot(w6[1], x1[1]);
        acc6_2 += dot(w6[0], x2[0]) + dot(w6[1], x2[1]);
        acc6_3 += dot(w6[0], x3[0]) + dot(w6[1], x3[1]);
        acc7_0 += dot(w7[0], x0[0]) + dot(w7[1], x0[1]);
        acc7_1 += dot(w7[0], x1[0]) + dot(w7[1], x1[1]);
        acc7_2 += dot(w7[0], x2[0]) + dot(w7[1], x2[1]);
        acc7_3 += dot(w7[0], x3[0]) + dot(w7[1], x3[1]);
    }
    acc0_0 = subgroupAdd(acc0_0);
    acc0_1 = subgroupAdd(acc0_1);
    acc0_2 = subgroupAdd(acc0_2);
    acc0_3 = subgroupAdd(acc0_3);
    acc1_0 = subgroupAdd(acc1_0);
    acc1_1 = subgroupAdd(acc1_1);
    acc1_2 = subgroupAdd(acc1_2);
    acc1_3 = subgroupAdd(acc1_3);
    acc2_0 = subgroupAdd(acc2_0);
    acc2_1 = subgroupAdd(acc2_1);
    acc2_2 = subgroupAdd(acc2_2);
    acc2_3 = subgroupAdd(acc2_3);
    acc3_0 = subgroupAdd(acc3_0);
    acc3_1 = subgroupAdd(acc3_1);
    acc3_2 = subgroupAdd(acc3_2);
    acc3_3 = subgroupAdd(acc3_3);
    acc4_0 = subgroupAdd(acc4_0);
    acc4_1 = subgroupAdd(acc4_1);
    acc4_2 = subgroupAdd(acc4_2);
    acc4_3 = subgroupAdd(acc4_3);
    acc5_0 = subgroupAdd(acc5_0);
    acc5_1 = subgroupAdd(acc5_1);
    acc5_2 = subgroupAdd(acc5_2);
    acc5_3 = subgroupAdd(acc5_3);
    acc6_0 = subgroupAdd(acc6_0);
    acc6_1 = subgroupAdd(acc6_1);
    acc6_2 = subgroupAdd(acc6_2);
    acc6_3 = subgroupAdd(acc6_3);
    acc7_0 = subgroupAdd(acc7_0);
    acc7_1 = subgroupAdd(acc7_1);
    acc7_2 = subgroupAdd(acc7_2);
    acc7_3 = subgroupAdd(acc7_3);
    if (gl_NumSubgroups == 1u) {
        if (lid == 0u) store(rbase + 0u, t0 + 0u, acc0_0);
        if (lid == 1u) store(rbase + 0u, t0 + 1u, acc0_1);
        if (lid == 2u) store(rbase + 0u, t0 + 2u, acc0_2);
        if (lid == 3u) store(rbase + 0u, t0 + 3u, acc0_3);
        if (lid == 4u) store(rbase + 1u, t0 + 0u, acc1_0);
        if (lid == 5u) store(rbase + 1u, t0 + 1u, acc1_1);
        if (lid == 6u) store(rbase + 1u, t0 + 2u, acc1_2);
        if (lid == 7u) store(rbase + 1u, t0 + 3u, acc1_3);
        if (lid == 8u) store(rbase + 2u, t0 + 0u, acc2_0);
        if (lid == 9u) store(rbase + 2u, t0 + 1u, acc2_1);
        if (lid == 10u) store(rbase + 2u, t0 + 2u, acc2_2);
        if (lid == 11u) store(rbase + 2u, t0 + 3u, acc2_3);
        if (lid == 12u) store(rbase + 3u, t0 + 0u, acc3_0);
        if (lid == 13u) store(rbase + 3u, t0 + 1u, acc3_1);
        if (lid == 14u) store(rbase + 3u, t0 + 2u, acc3_2);
        if (lid == 15u) store(rbase + 3u, t0 + 3u, acc3_3);
        if (lid == 16u) store(rbase + 4u, t0 + 0u, acc4_0);
        if (lid == 17u) store(rbase + 4u, t0 + 1u, acc4_1);
        if (lid == 18u) store(rbase + 4u, t0 + 2u, acc4_2);
        if (lid == 19u) store(rbase + 4u, t0 + 3u, acc4_3);
        if (lid == 20u) store(rbase + 5u, t0 + 0u, acc5_0);
        if (lid == 21u) store(rbase + 5u, t0 + 1u, acc5_1);
        if (lid == 22u) store(rbase + 5u, t0 + 2u, acc5_2);
        if (lid == 23u) store(rbase + 5u, t0 + 3u, acc5_3);
        if (lid == 24u) store(rbase + 6u, t0 + 0u, acc6_0);
        if (lid == 25u) store(rbase + 6u, t0 + 1u, acc6_1);
        if (lid == 26u) store(rbase + 6u, t0 + 2u, acc6_2);
        if (lid == 27u) store(rbase + 6u, t0 + 3u, acc6_3);
        if (lid == 28u) store(rbase + 7u, t0 + 0u, acc7_0);
        if (lid == 29u) store(rbase + 7u, t0 + 1u, acc7_1);
        if (lid == 30u) store(rbase + 7u, t0 + 2u, acc7_2);
        if (lid == 31u) store(rbase + 7u, t0 + 3u, acc7_3);
        return;
    }
    if (subgroupElect()) {
        red[0u + gl_SubgroupID] = acc0_0;
        red[32u + gl_SubgroupID] = acc0_1;
        red[64u + gl_SubgroupID] = acc0_2;
        red[96u + gl_SubgroupID] = acc0_3;
        red[128u + gl_SubgroupID] = acc1_0;
        red[160u + gl_SubgroupID] = acc1_1;
        red[192u + gl_SubgroupID] = acc1_2;
        red[224u + gl_SubgroupID] = acc1_3;
        red[256u + gl_SubgroupID] = acc2_0;
        red[288u + gl_SubgroupID] = acc2_1;
        red[320u + gl_SubgroupID] = acc2_2;
        red[352u + gl_SubgroupID] = acc2_3;
        red[384u + gl_SubgroupID] = acc3_0;
        red[416u + gl_SubgroupID] = acc3_1;
        red[448u + gl_SubgroupID] = acc3_2;
        red[480u + gl_SubgroupID] = acc3_3;
        red[512u + gl_SubgroupID] = acc4_0;
        red[544u + gl_SubgroupID] = acc4_1;
        red[576u + gl_SubgroupID] = acc4_2;
        red[608u + gl_SubgroupID] = acc4_3;
        red[640u + gl_SubgroupID] = acc5_0;
        red[672u + gl_SubgroupID] = acc5_1;
        red[704u + gl_SubgroupID] = acc5_2;
        red[736u + gl_SubgroupID] = acc5_3;
        red[768u + gl_SubgroupID] = acc6_0;
        red[800u + gl_SubgroupID] = acc6_1;
        red[832u + gl_SubgroupID] = acc6_2;
        red[864u + gl_SubgroupID] = acc6_3;
        red[896u + gl_SubgroupID] = acc7_0;
        red[928u + gl_SubgroupID] = acc7_1;
        red[960u + gl_SubgroupID] = acc7_2;
        red[992u + gl_SubgroupID] = acc7_3;
    }
    memoryBarrierShared();
    barrier();
    for (uint o = lid; o < 32u; o += WG) {
        float s = 0.0;
        for (uint i = 0u; i < gl_NumSubgroups; i++)
            s += red[o * SLOTS + i];
        store(rbase + o / 4u, t0 + o % 4u, s);
    }
    barrier(); // red is reused by the next tile
}
void main() {
    uint rbase = group_id() * 8u;
    if (rbase >= pc.rows)
        return;
    if (pc.T == 1u) {
        tile1(0u, rbase);
        return;
    }
    for (uint t0 = 0u; t0 < pc.T; t0 += 4u)
        tile4(t0, rbase);
}

// ==== kernel code 16, used by kernels 29 46 63 80 97 114 131 148 165 182 199 216 233 250 267 284 301 318 335 352 369 386 403 420 437 454 471 488 505 522 539
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
layout(std430, set = 0, binding = 12) buffer B12 { float b12[]; };
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
    [[unroll]] for (uint j = 0u; j < N; j++)
        S[j] = b12[(h * N + i) * N + j];
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
    [[unroll]] for (uint j = 0u; j < N; j++)
        b12[(h * N + i) * N + j] = S[j];
}

// ==== kernel code 17, used by kernels 545
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
layout(std430, set = 0, binding = 2) writeonly buffer B2 { float16_t y[]; };
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
    y[at] = float16_t((v));
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
