#!/usr/bin/env python3
"""Writes the hand-made seed inputs of tests/fuzz/corpus/ (run from the repository root,
after `make`: the valid safetensors, plan and state seeds come from our own `build/rwkvc`,
the GGUF ones from tests/fuzz/seed_gguf.c, which this script builds).

The seeds are small valid inputs, so the fuzzer starts from deep inside each parser,
and broken ones, one fault each, so it starts next to every error path. Inputs the
fuzzer found later sit beside them under their SHA-1 names; this script only
(re)writes the named seeds.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# ---- YAML graphs ----

TINY = """format: 1
symbols: {T: tokens, V: vocab, C: width, L: layers}
presets: {tiny: {V: 16, C: 8, L: 2}}
inputs: {tokens: {shape: [T], dtype: i32}}
constants: {one: 1.0}
weights: {emb: [V, C], head: [V, C]}
prologue:
  - x = embedding(tokens, emb)
layers:
  count: L
  carry: {x: .out}
  weights: {.w: [C, C], .g: [1, 1, C]}
  ops:
    - .h = linear(x, .w)
    - .out = lerp(x, .h, .g)
epilogue:
  - logits = linear(x, head)
outputs: [logits]
"""


def yaml_seeds():
    put("yaml", "tiny.yaml", TINY)
    rwkv7 = open(os.path.join(ROOT, "models", "rwkv7.yaml")).read()
    # the real graph with a first preset small enough for the interpreter to run
    tiny_preset = "presets:\n  tiny: {L: 2, C: 8, H: 2, N: 4, F: 16, V: 16, Dw: 4, Da: 4, Dv: 4, Dg: 4}\n"
    put("yaml", "rwkv7-tiny.yaml", rwkv7.replace("presets:\n", tiny_preset, 1))
    broken = {
        "unknown-op.yaml": TINY.replace("lerp(", "lerpp("),
        "undefined-name.yaml": TINY.replace("linear(x, head)", "linear(y, head)"),
        "cycle.yaml": TINY.replace("- .h = linear(x, .w)", "- .h = linear(.out, .w)"),
        "bad-shape.yaml": TINY.replace(".w: [C, C]", ".w: [C, V]"),
        "unbound-symbol.yaml": TINY.replace("{V: 16, C: 8, L: 2}", "{V: 16, C: 8}"),
        "negative-preset.yaml": TINY.replace("C: 8,", "C: -8,"),
        "huge-preset.yaml": TINY.replace("C: 8,", "C: 9223372036854775807,"),
        "bad-yaml.yaml": TINY.replace("  count: L\n", "  count: [L\n"),
        "tab-indent.yaml": TINY.replace("  count: L", "\tcount: L"),
        "two-outputs.yaml": TINY.replace("- x = embedding", "- x, y = embedding"),
        "bad-param.yaml": TINY.replace("lerp(x, .h, .g)", "lerp(x, .h, .g, eps=abc)"),
        "alias.yaml": TINY.replace("weights: {emb", "weights: &w {emb").replace("outputs: [logits]", "outputs: [logits]\nextra: *w"),
        "empty.yaml": "",
        "not-a-map.yaml": "- 1\n- 2\n",
        "format-2.yaml": TINY.replace("format: 1", "format: 2"),
        "dot-outside.yaml": TINY.replace("linear(x, head)", "linear(.x, head)"),
        "when.yaml": TINY.replace("    - .out = lerp(x, .h, .g)", "    - {when: i > 0, op: .out = lerp(x, .h, .g)}"),
    }
    for name, text in broken.items():
        put("yaml", name, text)


# ---- safetensors ----

def st_file(entries, data, meta=None, pad=True, header_len=None):
    """entries: name -> (dtype, shape, begin, end)."""
    h = {}
    if meta is not None:
        h["__metadata__"] = meta
    for name, (dt, shape, b, e) in entries.items():
        h[name] = {"dtype": dt, "shape": shape, "data_offsets": [b, e]}
    hj = json.dumps(h).encode()
    if pad:
        hj += b" " * (-len(hj) % 8)
    n = len(hj) if header_len is None else header_len
    return struct.pack("<Q", n) + hj + data


def f32s(*xs):
    return struct.pack("<%df" % len(xs), *xs)


def safetensors_seeds():
    rwkvc = os.path.join(ROOT, "build", "rwkvc")
    d = os.path.join(CORPUS, "safetensors")
    os.makedirs(d, exist_ok=True)
    for dt in ("f16", "bf16"):
        subprocess.run([rwkvc, "mkmodel", "--layers", "2", "--embd", "8", "--vocab", "16", "--head-size", "4",
                        "--dtype", dt, "-o", os.path.join(d, "tiny-2layer-%s.safetensors" % dt)], check=True)
    two = f32s(1.5, -2.25, 3.0, 0.125) + f32s(7.0, 8.0)
    put("safetensors", "two-f32.safetensors",
        st_file({"a": ("F32", [2, 2], 0, 16), "b": ("F32", [2], 16, 24)}, two, meta={"format": "pt"}))
    put("safetensors", "dtypes.safetensors",
        st_file({"h": ("F16", [2], 0, 4), "bf": ("BF16", [2], 4, 8), "i": ("I32", [1], 8, 12),
                 "s": ("F32", [], 12, 16), "z": ("F32", [0, 3], 16, 16)}, bytes(range(16))))
    put("safetensors", "misaligned.safetensors",
        st_file({"a": ("F32", [2], 1, 9)}, bytes(range(9)), pad=False))
    bad = {
        "truncated.safetensors": st_file({"a": ("F32", [2, 2], 0, 16)}, two)[:30],
        "short.safetensors": b"\x10\x00\x00",
        "header-too-long.safetensors": st_file({"a": ("F32", [2], 0, 8)}, two[:8], header_len=4096),
        "lying-size.safetensors": st_file({"a": ("F32", [3, 3], 0, 16)}, two),
        "past-end.safetensors": st_file({"a": ("F32", [4], 16, 32)}, two),
        "overlap.safetensors": st_file({"a": ("F32", [2], 0, 8), "b": ("F32", [2], 4, 12)}, two),
        "reversed.safetensors": st_file({"a": ("F32", [0], 8, 0)}, two),
        "bad-dtype.safetensors": st_file({"a": ("F99", [2], 0, 8)}, two),
        "f64.safetensors": st_file({"a": ("F64", [1], 0, 8)}, two),
        "rank5.safetensors": st_file({"a": ("F32", [1, 1, 1, 1, 2], 0, 8)}, two),
        "overflow.safetensors": st_file({"a": ("F32", [4294967296, 4294967296], 0, 8)}, two),
        "negative.safetensors": st_file({"a": ("F32", [-2], 0, 8)}, two),
        "not-object.safetensors": struct.pack("<Q", 8) + b"[1,2,3] ",
        "bad-json.safetensors": struct.pack("<Q", 8) + b'{"a":{  ',
        "meta-not-string.safetensors": st_file({"a": ("F32", [2], 0, 8)}, two[:8], meta={"k": 1}),
    }
    # a repeated name: json.dumps cannot write one
    hj = b'{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}'
    hj += b" " * (-len(hj) % 8)
    bad["duplicate.safetensors"] = struct.pack("<Q", len(hj)) + hj + two[:8]
    for name, data in bad.items():
        put("safetensors", name, data)


# ---- vocabularies ----

VOCAB20 = r"""1 '\x00' 1
2 '\n' 1
3 ' ' 1
4 'a' 1
5 'b' 1
6 'ab' 2
7 'abc' 3
8 ' the' 4
9 'é' 2
10 '\u00e9t\u00e9' 5
11 '中' 3
12 '\U0001F600' 4
13 b'\xe4' 1
14 b'\xb8' 1
15 b'\xad' 1
16 "it's" 4
17 '\\' 1
18 'c' 1
19 '\t\r' 2
20 b'\xff\xfe' 2
"""


def vocab_seeds():
    put("vocab", "vocab20.txt", VOCAB20)
    put("vocab", "crlf.txt", VOCAB20.replace("\n", "\r\n"))
    put("vocab", "sparse-ids.txt", "5 'x' 1\n300 'yy' 2\n")
    bad = {
        "dup-id.txt": "1 'a' 1\n1 'b' 1\n",
        "dup-bytes.txt": "1 'a' 1\n2 b'a' 1\n",
        "id-zero.txt": "0 'a' 1\n",
        "wrong-length.txt": "1 'abc' 2\n",
        "unknown-escape.txt": "1 '\\q' 1\n",
        "no-quote.txt": "1 'abc 3\n",
        "surrogate.txt": "1 '\\ud800' 3\n",
        "bytes-u-escape.txt": "1 b'\\u0041' 1\n",
        "bad-utf8.txt": b"1 '\xc3\x28' 2\n",
        "empty-token.txt": "1 '' 0\n",
        "huge-id.txt": "99999999 'a' 1\n",
        "trailing.txt": "1 'a' 1 x\n",
        "two-spaces.txt": "1  'a' 1\n",
        "empty.txt": "",
        "control.txt": "1 '\x01' 1\n",
    }
    for name, text in bad.items():
        put("vocab", name, text)


def tokenizer_seeds():
    put("tokenizer", "vocab20-text.bin", VOCAB20.encode() + b"\0" + "ab abc the été 中\n\\".encode())
    put("tokenizer", "vocab20-bytes.bin", VOCAB20.encode() + b"\0" + "\xe4\xb8\xad\U0001F600".encode("utf-8", "surrogatepass")
        + b"\xe4\xb8")
    put("tokenizer", "vocab20-ids.bin", VOCAB20.encode() + b"\0" + struct.pack("<6i", 11, 0, 13, 14, 20, 12))
    put("tokenizer", "vocab20-bad-ids.bin", VOCAB20.encode() + b"\0" + struct.pack("<4i", 4, -1, 21, 1 << 30))
    put("tokenizer", "vocab20-unknown-byte.bin", VOCAB20.encode() + b"\0" + b"abz")
    # every single byte has a token: any text encodes
    lines = ["%d b'\\x%02x' 1" % (b + 1, b) for b in range(256)]
    lines += ["257 'ab' 2", "258 'abc' 3", "259 'é' 2", "260 'ééé' 6"]
    put("tokenizer", "bytes256-text.bin", ("\n".join(lines) + "\n").encode() + b"\0" + "abcab\xff\x00é ééé!".encode("latin-1"))


def rwkvc(*args):
    subprocess.run([os.path.join(ROOT, "build", "rwkvc")] + list(args), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def tiny_model(tmp):
    """The 2-layer model of the built-in graph the binary seeds are made from."""
    path = os.path.join(tmp, "tiny.safetensors")
    rwkvc("mkmodel", "--layers", "2", "--embd", "8", "--vocab", "16", "--head-size", "4", "-o", path)
    return path


def gguf_seeds(tmp, model):
    subprocess.run(["make", "-s", "build/fuzz/seed_gguf"], cwd=ROOT, check=True)
    subprocess.run([os.path.join(ROOT, "build", "fuzz", "seed_gguf"), model, tmp], check=True)
    keep = ["rwkv7-f16-v2.gguf", "rwkv7-bf16-align64.gguf", "rwkv7-q8_0.gguf", "rwkv7-q4_k.gguf"]
    for name in keep:
        put("gguf", name, open(os.path.join(tmp, name), "rb").read())
    q8 = open(os.path.join(tmp, "rwkv7-q8_0.gguf"), "rb").read()
    put("gguf", "truncated-header.gguf", q8[:200])
    put("gguf", "truncated-data.gguf", q8[:len(q8) - 100])
    put("gguf", "version-1.gguf", q8[:4] + struct.pack("<I", 1) + q8[8:400])
    put("gguf", "not-gguf.gguf", b"GGUG" + q8[4:64])
    # a header that claims 2^62 tensors
    put("gguf", "huge-count.gguf", q8[:8] + struct.pack("<Q", 1 << 62) + q8[16:200])


def plan_seeds(tmp, model):
    tiny_yaml = os.path.join(ROOT, "tests", "bad-inputs", "graphs", "tiny.yaml")
    tiny_w = os.path.join(ROOT, "tests", "bad-inputs", "weights", "tiny.safetensors")
    d = os.path.join(CORPUS, "plan")
    os.makedirs(d, exist_ok=True)
    # without code (--target none): small, and every section but the code
    rwkvc("compile", "-w", model, "--t-max", "2", "--target", "none", "-o", os.path.join(d, "rwkv7-none.plan"))
    rwkvc("compile", tiny_yaml, "-w", tiny_w, "--t-max", "2", "--target", "none", "-o", os.path.join(d, "tiny-none.plan"))
    rwkvc("compile", tiny_yaml, "-w", tiny_w, "--t-max", "3", "--target", "none", "--no-fuse", "--dtype", "f16",
          "-o", os.path.join(d, "tiny-nofuse-f16.plan"))
    # with GLSL and SPIR-V (the largest seed: the code section needs one)
    rwkvc("compile", tiny_yaml, "-w", tiny_w, "--t-max", "2", "--target", "generic", "-o", os.path.join(d, "tiny-generic.plan"))
    good = open(os.path.join(d, "tiny-none.plan"), "rb").read()
    put("plan", "truncated.plan", good[:len(good) // 2])
    put("plan", "format-99.plan", good[:8] + struct.pack("<I", 99) + good[12:])


def state_seeds(tmp, model):
    d = os.path.join(CORPUS, "state")
    os.makedirs(d, exist_ok=True)
    rwkvc("run", "-w", model, "--prompt-ids", "1,2,3", "-n", "3", "-b", "cpu", "--print-ids", "--presence", "0.5",
          "--state-out", os.path.join(d, "sampler.state"))
    rwkvc("run", "-w", model, "--prompt-ids", "1,2,3", "-n", "0", "-b", "cpu", "--print-ids",
          "--state-out", os.path.join(d, "prompt-only.state"))
    good = open(os.path.join(d, "sampler.state"), "rb").read()
    put("state", "truncated.state", good[:40])
    put("state", "not-a-state.state", b"RWKVCSTX" + good[8:])


def main():
    yaml_seeds()
    safetensors_seeds()
    vocab_seeds()
    tokenizer_seeds()
    with tempfile.TemporaryDirectory() as tmp:
        model = tiny_model(tmp)
        gguf_seeds(tmp, model)
        plan_seeds(tmp, model)
        state_seeds(tmp, model)


if __name__ == "__main__":
    sys.exit(main())
