// 15 distinct kernels for: subgroup 32 (arithmetic), f16 storage yes, f16 math yes, int8 storage yes, 48 KiB shared, 1024 invocations

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

// ==== kernel code 1, used by kernels 1 417
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

// ==== kernel code 2, used by kernels 2 14 27 40 53 66 79 92 105 118 131 144 157 170 183 196 209 222 235 248 261 274 287 300 313 326 339 352 365 378 391 404
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
    uint t = gl_WorkGroupID.x, tid = gl_LocalInvocationID.x;
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
    for (uint c = tid; c < C; c += WG) {
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

// ==== kernel code 3, used by kernels 3 4 5 15 16 17 28 29 30 41 42 43 54 55 56 67 68 69 80 81 82 93 94 95 106 107 108 119 120 121 132 133 134 145 146 147 158 159 160 171 172 173 184 185 186 197 198 199 210 211 212 223 224 225 236 237 238 249 250 251 262 263 264 275 276 277 288 289 290 301 302 303 314 315 316 327 328 329 340 341 342 353 354 355 366 367 368 379 380 381 392 393 394 405 406 407
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

// ==== kernel code 4, used by kernels 6 18 31 44 57 70 83 96 109 122 135 148 161 174 187 200 213 226 239 252 265 278 291 304 317 330 343 356 369 382 395 408
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

// ==== kernel code 5, used by kernels 7 19 32 45 58 71 84 97 110 123 136 149 162 175 188 201 214 227 240 253 266 279 292 305 318 331 344 357 370 383 396 409
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

// ==== kernel code 6, used by kernels 8 20 33 46 59 72 85 98 111 124 137 150 163 176 189 202 215 228 241 254 267 280 293 306 319 332 345 358 371 384 397 410
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

// ==== kernel code 7, used by kernels 9
// rwkvc kernel head_region(17 ops): head_region
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
layout(std430, set = 0, binding = 12) readonly buffer B12 { float16_t b12[]; };
layout(std430, set = 0, binding = 13) buffer B13 { float b13[]; };
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
    float v3 = float(b2[c]);
    float v9 = float(b5[c]);
    float v16 = float(b9[c]);
    const float v19 = 1.0;
    float v20 = float(b10[c]);
    float v28 = float(b14[c]);
    float v29 = float(b15[c]);
    float v31 = float(b16[c]);
    float S[N];
    [[unroll]] for (uint j = 0u; j < N; j++)
        S[j] = b13[(h * N + i) * N + j];
    for (uint t = 0u; t < pc.T; t++) {
        float v15 = float(b8[t * C + c]);
        float v23 = float(b11[t * C + c]);
        float v25 = float(b12[t * C + c]);
        float v2 = 0.0;
        for (uint d = 0u; d < 96u; d++)
            v2 += float(b0[t * 96u + d]) * float(b1[c * 96u + d]);
        float v4 = v2 + v3;
        float v5 = ew_decay(v4);
        float v8 = 0.0;
        for (uint d = 0u; d < 96u; d++)
            v8 += float(b3[t * 96u + d]) * float(b4[c * 96u + d]);
        float v10 = v8 + v9;
        float v11 = ew_sigmoid(v10);
        float v14 = 0.0;
        for (uint d = 0u; d < 320u; d++)
            v14 += float(b6[t * 320u + d]) * float(b7[c * 320u + d]);
        float v17 = v15 * v16;
        float v18 = v17 / max(sqrt(wg_sum(v17 * v17)), 9.99999996e-13);
        float v21 = v19 + (v11 - v19) * v20;
        float v22 = v15 * v21;
        float v24 = v23;
        sh_r[i] = v25; sh_w[i] = v5; sh_k[i] = v22; sh_kk[i] = v18; sh_a[i] = v11;
        memoryBarrierShared();
        barrier();
        float sa = 0.0;
        [[unroll]] for (uint j = 0u; j < N; j++)
            sa -= S[j] * sh_kk[j];
        float v27 = 0.0;
        [[unroll]] for (uint j = 0u; j < N; j++) {
            S[j] = S[j] * sh_w[j] + sa * (sh_kk[j] * sh_a[j]) + v24 * sh_k[j];
            v27 += S[j] * sh_r[j];
        }
        barrier(); // sh_* are rewritten for the next token
        float m30 = wg_sum(v27) / float(N);
        float d30 = v27 - m30;
        float v30 = d30 * inversesqrt(wg_sum(d30 * d30) / float(N) + 0.000639999984) * v28 + v29;
        float v32 = wg_sum(v25 * v31 * v22) * v24;
        float v33 = v30 + v32;
        float v34 = v33 * v14;
        b17[t * C + c] = float16_t(v34);
    }
    [[unroll]] for (uint j = 0u; j < N; j++)
        b13[(h * N + i) * N + j] = S[j];
}

// ==== kernel code 8, used by kernels 10 23 36 49 62 75 88 101 114 127 140 153 166 179 192 205 218 231 244 257 270 283 296 309 322 335 348 361 374 387 400 413
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

// ==== kernel code 9, used by kernels 11 24 37 50 63 76 89 102 115 128 141 154 167 180 193 206 219 232 245 258 271 284 297 310 323 336 349 362 375 388 401 414
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
    uint t = gl_WorkGroupID.x, tid = gl_LocalInvocationID.x;
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
    for (uint c = tid; c < C; c += WG) {
        float g = float(w[c]), o = float(b[c]);
        float a = (float(x[t * C + c]) - mean) * inv * g + o;
        float s = t == 0u ? prev[c] : (float(x[(t - 1u) * C + c]) - mean1) * inv1 * g + o;
        out0[t * C + c] = float16_t(a + (s - a) * float(mix0[c]));
        if (t == pc.T - 1u)
            state[c] = a;
    }
}

// ==== kernel code 10, used by kernels 12 25 38 51 64 77 90 103 116 129 142 155 168 181 194 207 220 233 246 259 272 285 298 311 324 337 350 363 376 389 402 415
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

// ==== kernel code 11, used by kernels 13 26 39 52 65 78 91 104 117 130 143 156 169 182 195 208 221 234 247 260 273 286 299 312 325 338 351 364 377 390 403 416
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

// ==== kernel code 12, used by kernels 21 34 47 60 73 86 99 112 125 138 151 164 177 190 203 216 229 242 255 268 281 294 307 320 333 346 359 372 385 398 411
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

// ==== kernel code 13, used by kernels 22 35 48 61 74 87 100 113 126 139 152 165 178 191 204 217 230 243 256 269 282 295 308 321 334 347 360 373 386 399 412
// rwkvc kernel head_region(20 ops): head_region
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
layout(std430, set = 0, binding = 12) readonly buffer B12 { float16_t b12[]; };
layout(std430, set = 0, binding = 13) readonly buffer B13 { float16_t b13[]; };
layout(std430, set = 0, binding = 14) readonly buffer B14 { float16_t b14[]; };
layout(std430, set = 0, binding = 15) readonly buffer B15 { float16_t b15[]; };
layout(std430, set = 0, binding = 16) readonly buffer B16 { float16_t b16[]; };
layout(std430, set = 0, binding = 17) buffer B17 { float b17[]; };
layout(std430, set = 0, binding = 18) readonly buffer B18 { float16_t b18[]; };
layout(std430, set = 0, binding = 19) readonly buffer B19 { float16_t b19[]; };
layout(std430, set = 0, binding = 20) readonly buffer B20 { float16_t b20[]; };
layout(std430, set = 0, binding = 21) writeonly buffer B21 { float16_t b21[]; };
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
    float v3 = float(b2[c]);
    float v9 = float(b5[c]);
    float v16 = float(b9[c]);
    const float v19 = 1.0;
    float v20 = float(b10[c]);
    float v26 = float(b13[c]);
    float v35 = float(b18[c]);
    float v36 = float(b19[c]);
    float v38 = float(b20[c]);
    float S[N];
    [[unroll]] for (uint j = 0u; j < N; j++)
        S[j] = b17[(h * N + i) * N + j];
    for (uint t = 0u; t < pc.T; t++) {
        float v15 = float(b8[t * C + c]);
        float v29 = float(b14[t * C + c]);
        float v30 = float(b15[t * C + c]);
        float v32 = float(b16[t * C + c]);
        float v2 = 0.0;
        for (uint d = 0u; d < 96u; d++)
            v2 += float(b0[t * 96u + d]) * float(b1[c * 96u + d]);
        float v4 = v2 + v3;
        float v5 = ew_decay(v4);
        float v8 = 0.0;
        for (uint d = 0u; d < 96u; d++)
            v8 += float(b3[t * 96u + d]) * float(b4[c * 96u + d]);
        float v10 = v8 + v9;
        float v11 = ew_sigmoid(v10);
        float v14 = 0.0;
        for (uint d = 0u; d < 320u; d++)
            v14 += float(b6[t * 320u + d]) * float(b7[c * 320u + d]);
        float v17 = v15 * v16;
        float v18 = v17 / max(sqrt(wg_sum(v17 * v17)), 9.99999996e-13);
        float v21 = v19 + (v11 - v19) * v20;
        float v22 = v15 * v21;
        float v25 = 0.0;
        for (uint d = 0u; d < 64u; d++)
            v25 += float(b11[t * 64u + d]) * float(b12[c * 64u + d]);
        float v27 = v25 + v26;
        float v28 = ew_sigmoid(v27);
        float v31 = v29 + (v30 - v29) * v28;
        sh_r[i] = v32; sh_w[i] = v5; sh_k[i] = v22; sh_kk[i] = v18; sh_a[i] = v11;
        memoryBarrierShared();
        barrier();
        float sa = 0.0;
        [[unroll]] for (uint j = 0u; j < N; j++)
            sa -= S[j] * sh_kk[j];
        float v34 = 0.0;
        [[unroll]] for (uint j = 0u; j < N; j++) {
            S[j] = S[j] * sh_w[j] + sa * (sh_kk[j] * sh_a[j]) + v31 * sh_k[j];
            v34 += S[j] * sh_r[j];
        }
        barrier(); // sh_* are rewritten for the next token
        float m37 = wg_sum(v34) / float(N);
        float d37 = v34 - m37;
        float v37 = d37 * inversesqrt(wg_sum(d37 * d37) / float(N) + 0.000639999984) * v35 + v36;
        float v39 = wg_sum(v32 * v38 * v22) * v31;
        float v40 = v37 + v39;
        float v41 = v40 * v14;
        b21[t * C + c] = float16_t(v41);
    }
    [[unroll]] for (uint j = 0u; j < N; j++)
        b17[(h * N + i) * N + j] = S[j];
}

// ==== kernel code 14, used by kernels 418
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
