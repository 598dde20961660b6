/*
 * emit_quant.c - the matvec's weight loaders for ggml's quantised blocks
 * (runtime/quant.h), declared in emit.h, listed in emit_matvec.c's LOADERS;
 * docs/quantisation.md has the layouts.
 *
 * A row is a whole number of blocks (K % 32 for Q8_0, K % 256 for the
 * K-quants: the plan keeps other matrices in f16), so block b of row r is
 * block r * NB + b of the binding.
 * Each load decodes its block's scales once for all the weights it returns,
 * and reads the quants as 32- or 16-bit words so that neighbouring
 * invocations read neighbouring words:
 *   - Q8_0 (34 bytes, 2-byte aligned): 8 weights per load, 4 invocations per
 *     block; 16-bit words (the f16 scale, then two int8 per word);
 *   - Q4_K (144 bytes = 9 x 16): 16 weights per load, 16 invocations per
 *     super-block; 16-byte words: word 0 holds d, dmin and the 12 bytes of
 *     6-bit scales and mins, words 1..8 the nibbles (weights 64c + l in the
 *     low nibble of byte 32c + l, 64c + 32 + l in its high nibble);
 *   - Q6_K (210 bytes, 2-byte aligned): 16 weights per load; 16-bit words
 *     joined in pairs: ql (low 4 bits), qh (high 2), an int8 scale per 16
 *     weights, the f16 d at byte 208.
 */
#include "emit.h"

/* Four signed bytes of v as floats. */
static const char *const SBYTES = "vec4 sbytes(uint v) {\n"
				  "    return vec4(bitfieldExtract(int(v), 0, 8), bitfieldExtract(int(v), 8, 8),\n"
				  "                bitfieldExtract(int(v), 16, 8), bitfieldExtract(int(v), 24, 8));\n"
				  "}\n";
/* Two consecutive 16-bit words of W as one 32-bit word (blocks that are only 2-byte aligned). */
static const char *const W32 = "uint w32(uint at) { return uint(W[at]) | (uint(W[at + 1u]) << 16); }\n";
/* Four unsigned bytes of v as floats. */
static const char *const UBYTES = "vec4 ubytes(uint v) {\n"
				  "    return vec4(v & 255u, (v >> 8) & 255u, (v >> 16) & 255u, v >> 24);\n"
				  "}\n";

void emit_w_q8_0(struct strbuf *b, int binding, uint32_t elems)
{
	(void)elems;
	emit_buffer(b, binding, "readonly", "uint16_t", "W");
	strbuf_append(b, SBYTES);
	strbuf_append(b, W32);
	strbuf_append(b, "const uint NB = K / 32u; // blocks per row\n"
			 "void load_w(uint row, uint e, out vec4 w[2]) {\n"
			 "    uint at = (row * NB + e / 32u) * 17u; // 17 words per block\n"
			 "    float d = unpackHalf2x16(uint(W[at])).x;\n"
			 "    uint q = at + 1u + (e % 32u) / 2u;\n"
			 "    w[0] = d * sbytes(w32(q));\n"
			 "    w[1] = d * sbytes(w32(q + 2u));\n"
			 "}\n");
}

void emit_w_q4_k(struct strbuf *b, int binding, uint32_t elems)
{
	(void)elems;
	emit_buffer(b, binding, "readonly", "uvec4", "W");
	strbuf_append(b, UBYTES);
	strbuf_append(b, "const uint NB = K / 256u; // super-blocks per row\n"
			 "void load_w(uint row, uint e, out vec4 w[4]) {\n"
			 "    uint at = (row * NB + e / 256u) * 9u; // 9 words per super-block\n"
			 "    uint j = (e % 256u) / 32u, i = j & 3u, sh = 8u * i; // sub-block j\n"
			 "    uvec4 h = W[at];\n"
			 "    vec2 dm = unpackHalf2x16(h.x);\n"
			 "    // scales and mins 0..3: low 6 bits of bytes 0..3 and 4..7; 4..7: the\n"
			 "    // nibbles of bytes 8..11, top bits from bits 6..7 of bytes 0..7\n"
			 "    uint lo_s = (h.y >> sh) & 63u, lo_m = (h.z >> sh) & 63u, nib = h.w >> sh;\n"
			 "    uint hi_s = (nib & 15u) | (((h.y >> (sh + 6u)) & 3u) << 4);\n"
			 "    uint hi_m = ((nib >> 4) & 15u) | (((h.z >> (sh + 6u)) & 3u) << 4);\n"
			 "    float ds = dm.x * float(j < 4u ? lo_s : hi_s), dmn = dm.y * float(j < 4u ? lo_m : hi_m);\n"
			 "    uvec4 q = W[at + 1u + (j / 2u) * 2u + (e % 32u) / 16u];\n"
			 "    uint s4 = 4u * (j & 1u);\n"
			 "    [[unroll]] for (uint v = 0u; v < 4u; v++)\n"
			 "        w[v] = ds * ubytes((q[v] >> s4) & 0x0F0F0F0Fu) - dmn;\n"
			 "}\n");
}

void emit_w_q6_k(struct strbuf *b, int binding, uint32_t elems)
{
	(void)elems;
	emit_buffer(b, binding, "readonly", "uint16_t", "W");
	strbuf_append(b, UBYTES);
	strbuf_append(b, W32);
	strbuf_append(b, "const uint NB = K / 256u; // super-blocks per row\n"
			 "void load_w(uint row, uint e, out vec4 w[4]) {\n"
			 "    uint at = (row * NB + e / 256u) * 105u; // 105 words per super-block\n"
			 "    uint o = e % 256u, half_ = o / 128u, qd = (o / 32u) % 4u, l = o % 32u;\n"
			 "    float d = unpackHalf2x16(uint(W[at + 104u])).x;\n"
			 "    uint sb = 192u + 8u * half_ + l / 16u + 2u * qd; // the scale's byte\n"
			 "    float ds = d * float(bitfieldExtract(int(W[at + sb / 2u]), int(8u * (sb & 1u)), 8));\n"
			 "    // quarter qd of a half: ql bytes 64h + 32(qd & 1) + l, low nibble for qd < 2;\n"
			 "    // qh bytes 128 + 32h + l, bits 2qd..2qd+1\n"
			 "    uint ql = at + (64u * half_ + 32u * (qd & 1u) + l) / 2u, qh = at + (128u + 32u * half_ + l) / 2u;\n"
			 "    uint sl = 4u * (qd >> 1), sh = 2u * qd;\n"
			 "    [[unroll]] for (uint v = 0u; v < 4u; v++) {\n"
			 "        uint q = ((w32(ql + 2u * v) >> sl) & 0x0F0F0F0Fu) | (((w32(qh + 2u * v) >> sh) & 0x03030303u) << 4);\n"
			 "        w[v] = ds * (ubytes(q) - 32.0);\n"
			 "    }\n"
			 "}\n");
}
