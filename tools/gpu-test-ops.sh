#!/bin/sh
# gpu-test-ops.sh - the kernel checks and timings on the GPU machine, in one go.
#
# Builds nothing there (../shared/gpu/README.md). On this machine:
#     tools/gpu-pack.sh            # .gpu/: Vulkan loader and layers, stripped rwkvc and test suites
# then on the GPU machine, from the project root, with .gpu/ carried along:
#     sh tools/gpu-test-ops.sh [BIN_DIR]
# BIN_DIR holds rwkvc and tests/test_kernels: .gpu/bin when it exists, else build.
#
# It runs, in order:
#   1. rwkvc test-ops --perf   every kernel against the C reference, then the GPU time of each
#                              run (median of >= 20 dependent dispatches, weights rotated through
#                              >= 256 MiB of copies so they come from HBM, not L2), including
#                              the 0.1B / 1.5B / 2.9B decode mat-vecs in f16, and the 0.1B /
#                              2.9B ones in Q8_0 and Q4_K (heads also in Q6_K);
#   2. RWKVC_VALIDATE=1 rwkvc test-ops --quick   the same checks under the Khronos validation
#                              layer with synchronization validation (any message fails);
#   3. tests/test_kernels      the kernel unit tests (emitters, references, the quick
#                              differential test under validation, the CLI).
# Everything goes to stdout, and to $OUT/gpu-test-ops.txt ($TMPDIR or /tmp when $OUT is not
# set). Exit status 1 if any step failed.
set -u
build=${1:-}
if [ -z "$build" ]; then
	build=build
	[ -x .gpu/bin/rwkvc ] && build=.gpu/bin
fi
if [ ! -f .gpu/env.sh ] || [ ! -x "$build/rwkvc" ] || [ ! -x "$build/tests/test_kernels" ]; then
	echo "gpu-test-ops.sh: run from the project root with .gpu/ and $build/{rwkvc,tests/test_kernels}" >&2
	exit 2
fi
build=$(cd "$build" && pwd) # tests/run.sh and the CLI tests want it absolute
. .gpu/env.sh
export XDG_CACHE_HOME="${TMPDIR:-/tmp}/rwkvc-gpu-cache" # compiled kernels, shared by the steps
log="${OUT:-${TMPDIR:-/tmp}}/gpu-test-ops.txt"

run() {
	echo "== $*"
	"$@"
	rc=$?
	echo "== exit status $rc"
	return $rc
}

{
	status=0
	date -u '+%Y-%m-%d %H:%M UTC'
	vulkaninfo --summary 2>/dev/null | grep -E 'deviceName|driverInfo|apiVersion' | head -6
	nvidia-smi --query-gpu=name,driver_version,clocks.max.memory --format=csv,noheader 2>/dev/null
	run "$build/rwkvc" test-ops --perf || status=1
	run env RWKVC_VALIDATE=1 "$build/rwkvc" test-ops --quick || status=1
	run env BUILD="$build" sh tests/run.sh "$build/tests/test_kernels" || status=1
	echo "gpu-test-ops.sh: $([ $status -eq 0 ] && echo all passed || echo FAILURES above)"
	exit $status
} 2>&1 | tee "$log"
# the block's status is lost in the pipe: its last line says it
tail -1 "$log" | grep -q 'all passed'

