#!/bin/sh
# make demo: a random-weight model of the official 0.1B shape (12 layers x 768,
# vocab 65536), made once and kept in the build folder, then text generated
# from a prompt on the Vulkan device rwkvc picks (lavapipe on a machine without
# a GPU). Nothing is downloaded. The weights are random, so the text is
# gibberish; the point is the shape, the path and the speed.
set -eu
BUILD=${1:-build}
MODEL="$BUILD/demo-0.1b.safetensors"
VOCAB="${RWKVC_VOCAB:-../shared/data/rwkv_vocab_v20230424.txt}"
if [ ! -f "$MODEL" ]; then
	echo "== making a random 0.1B-shaped model: $MODEL"
	"$BUILD/rwkvc" mkmodel --preset 0.1b --seed 7 --dtype f16 -o "$MODEL"
fi
"$BUILD/rwkvc" info | sed -n '1,3p'
if [ -f "$VOCAB" ]; then
	echo "== 24 tokens from the prompt (random weights: expect gibberish)"
	"$BUILD/rwkvc" run --weights "$MODEL" --vocab "$VOCAB" --dtype f16 -n 24 --seed 1 \
		--prompt "The Eiffel tower is in the city of"
	[ -t 1 ] || echo

else
	echo "== no World vocabulary at $VOCAB (set RWKVC_VOCAB): token ids instead of text"
	"$BUILD/rwkvc" run --weights "$MODEL" --dtype f16 -n 24 --seed 1 --print-ids \
		--prompt-ids 33155,40213,11,6699,304,25740,109,39990
fi
echo "== the logits after 8 tokens, on the CPU reference interpreter"
"$BUILD/rwkvc" logits --weights "$MODEL" --tokens 33155,40213,11,6699,304,25740,109,39990 --backend cpu -v
