#!/bin/sh
# make demo: a random-weight model of the official 0.1B shape (12 layers x 768,
# vocab 65536), made once and kept in the build folder, then a few tokens
# through it. Nothing is downloaded. The weights are random, so the "text" the
# logits predict means nothing; the point is the shape, the path and the time.
set -eu
BUILD=${1:-build}
MODEL="$BUILD/demo-0.1b.safetensors"
if [ ! -f "$MODEL" ]; then
	echo "== making a random 0.1B-shaped model: $MODEL"
	"$BUILD/rwkvc" mkmodel --preset 0.1b --seed 7 --dtype f16 -o "$MODEL"
fi
echo "== 8 tokens through the CPU reference interpreter"
"$BUILD/rwkvc" logits --weights "$MODEL" --tokens 33155,40213,11,6699,304,25740,109,39990 --backend cpu -v
