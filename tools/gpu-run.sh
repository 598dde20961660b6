#!/bin/bash
# Runs on the GPU machine, from the repository root, with .gpu carried along
# (tools/gpu-pack.sh made it). Builds nothing: the device, the kernel
# differential test, the model tests under validation, then the benchmarks.
#   tools/gpu-run.sh [tests|bench|quant|all] [extra bench args...]
# quant: the benchmarks with quantised matrices (--quant q8_0 and q4_k, f16
# activations); quantising 2.9B to Q4_K on load takes minutes of host CPU.
set -u
what=${1:-all}
shift || true
source .gpu/env.sh
[ -f .gpu/bin.tar.xz ] && tar -C .gpu -xJf .gpu/bin.tar.xz
export RWKVC_SHARED=$PWD/.gpu/shared RWKVC_ROOT=$PWD BUILD=$PWD/.gpu/bin
export XDG_CACHE_HOME=/tmp/rwkvc-cache
B=.gpu/bin
$B/rwkvc info
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,clocks.max.mem --format=csv 2>/dev/null
if [ "$what" = tests ] || [ "$what" = all ]; then
	RWKVC_VALIDATE=1 $B/rwkvc test-ops
	tests=""
	for t in $B/tests/*; do tests="$tests $t"; done
	RWKVC_VALIDATE=1 sh tests/run.sh $tests
fi
if [ "$what" = bench ] || [ "$what" = all ]; then
	for p in 0.1b 2.9b; do
		echo "== rwkvc bench --preset $p --dtype f16 $*"
		$B/rwkvc bench --preset $p --dtype f16 "$@"
	done
fi
if [ "$what" = quant ]; then
	for p in 0.1b 2.9b; do
		for q in q8_0 q4_k; do
			echo "== rwkvc bench --preset $p --dtype f16 --quant $q $*"
			$B/rwkvc bench --preset $p --dtype f16 --quant $q "$@"
		done
	done
fi
