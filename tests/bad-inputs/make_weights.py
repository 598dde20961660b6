#!/usr/bin/env python3
"""Writes tests/bad-inputs/weights/*.safetensors: a valid file for graphs/tiny.yaml
and broken variants, one fault each (run from anywhere; the files are committed).
Values are small non-zero floats from a fixed seed."""
import json
import os
import random
import struct

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "weights")
rng = random.Random(7)


def floats(n):
    return [rng.uniform(-0.5, 0.5) or 0.25 for _ in range(n)]


def tensors(V=16, C=8, L=2):
    t = {"emb": ([V, C], floats(V * C)), "head": ([V, C], floats(V * C))}
    for i in range(L):
        t["blocks.%d.w" % i] = ([C, C], floats(C * C))
        t["blocks.%d.g" % i] = ([1, 1, C], floats(C))
    return t


def encode(ts, dtypes=None):
    """name -> (shape, values) into a safetensors file (all F32 unless dtypes says)."""
    header, data = {}, b""
    for name, (shape, vals) in ts.items():
        dt = (dtypes or {}).get(name, "F32")
        raw = struct.pack("<%d%s" % (len(vals), "i" if dt == "I32" else "f"),
                          *([int(v * 100) for v in vals] if dt == "I32" else vals))
        if dt == "F64":
            raw = struct.pack("<%dd" % len(vals), *vals)
        header[name] = {"dtype": dt, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    return struct.pack("<Q", len(h)) + h + data


def gguf_kv_str(key, value):
    k, v = key.encode(), value.encode()
    return struct.pack("<Q", len(k)) + k + struct.pack("<I", 8) + struct.pack("<Q", len(v)) + v


def gguf_header(version, n_tensors, kvs):
    """A GGUF file of key/values only (type 8 = string), padded to 32 bytes."""
    d = b"GGUF" + struct.pack("<IQQ", version, n_tensors, len(kvs)) + b"".join(kvs)
    return d + bytes(-len(d) % 32)


def put(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(HERE, exist_ok=True)
    good = encode(tensors())
    put("tiny.safetensors", good)
    hlen = struct.unpack("<Q", good[:8])[0]
    put("truncated-data.safetensors", good[: 8 + hlen + 100])
    put("truncated-header.safetensors", good[:8 + hlen // 2])
    put("short.safetensors", good[:5])
    put("empty.safetensors", b"")
    put("huge-header-length.safetensors", struct.pack("<Q", 1 << 60) + b"{}      ")
    put("header-not-json.safetensors", struct.pack("<Q", 16) + b"this is not json")
    put("header-not-object.safetensors", struct.pack("<Q", 8) + b"[1, 2]  ")
    # the header claims more bytes for 'emb' than its offsets hold
    lying = good.replace(b'"emb":{"dtype":"F32","shape":[16,8]', b'"emb":{"dtype":"F32","shape":[16,9]')
    put("lying-shape.safetensors", lying)
    # 'head' made to start inside 'emb'
    t = tensors()
    h = json.loads(good[8:8 + hlen])
    h["head"]["data_offsets"] = [h["emb"]["data_offsets"][0] + 16, h["emb"]["data_offsets"][0] + 16 + 512]
    hb = json.dumps(h, separators=(",", ":")).encode()
    hb += b" " * (-len(hb) % 8)
    put("overlap.safetensors", struct.pack("<Q", len(hb)) + hb + good[8 + hlen:])
    # json.dumps cannot repeat a key: rename 'head' to 'emb' in the text and re-pad
    hb = good[8:8 + hlen].rstrip(b" ").replace(b'"head":', b'"emb":', 1)
    hb += b" " * (-len(hb) % 8)
    put("duplicate-name.safetensors", struct.pack("<Q", len(hb)) + hb + good[8 + hlen:])
    put("bad-dtype-name.safetensors", good.replace(b'"dtype":"F32"', b'"dtype":"F33"', 1))
    put("f64.safetensors", encode(tensors(), {"blocks.1.w": "F64"}))
    put("i32-weight.safetensors", encode(tensors(), {"blocks.1.w": "I32"}))
    t = tensors()
    del t["blocks.1.w"]
    put("missing-tensor.safetensors", encode(t))
    t = tensors()
    t["blocks.1.w"] = ([8, 4], floats(32))
    put("wrong-shape.safetensors", encode(t))
    t = tensors()
    t["head"] = ([17, 8], floats(17 * 8))
    put("vocab-mismatch.safetensors", encode(t))
    t = tensors(L=3)
    del t["blocks.1.w"], t["blocks.1.g"]
    put("layer-gap.safetensors", encode(t))
    t = tensors()
    t["blocks.0.w"] = ([1, 1, 1, 8, 8], floats(64))
    put("rank5.safetensors", encode(t))
    put("zip.safetensors", b"PK\x03\x04" + bytes(60))
    put("gguf.gguf", b"GGUF\x03\x00\x00\x00" + bytes(56))
    put("gguf-llama.gguf", gguf_header(3, 0, [gguf_kv_str("general.architecture", "llama")]))
    put("gguf-version-1.gguf", gguf_header(1, 0, [gguf_kv_str("general.architecture", "rwkv7")]))
    put("gguf-huge-count.gguf", gguf_header(3, 1 << 62, [gguf_kv_str("general.architecture", "rwkv7")]))
    # a key whose length runs past the end of the file
    put("gguf-key-past-end.gguf", gguf_header(3, 0, []) [:16] + struct.pack("<Q", 1) + struct.pack("<Q", 1 << 40) + b"general")
    put("gguf-rwkv7-empty.gguf", gguf_header(3, 0, [gguf_kv_str("general.architecture", "rwkv7")]))


if __name__ == "__main__":
    main()
