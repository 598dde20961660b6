#!/bin/sh
# Prepares a run on the GPU machine (see ../shared/gpu/README.md): builds here,
# strips the command and the GPU test suites into .gpu/bin (packed as
# .gpu/bin.tar.xz), and copies the test
# data and the vocabulary into .gpu/shared. The machine then needs nothing but tools/gpu-run.sh.
set -eu
cd "$(dirname "$0")/.."
[ -f .gpu/env.sh ] || ../shared/gpu/fetch-debs.sh
SUITES="test_vk_model test_kernels test_quant_model test_check_finite test_faults"
make -j2 all $(for s in $SUITES; do [ -f tests/$s.c ] && printf 'build/tests/%s ' $s; done)
mkdir -p .gpu/bin/tests .gpu/shared
strip -o .gpu/bin/rwkvc build/rwkvc
for s in $SUITES; do
	[ -f build/tests/$s ] && strip -o .gpu/bin/tests/$s build/tests/$s
done
rm -rf .gpu/shared/testdata .gpu/shared/data && cp -r ../shared/testdata ../shared/data .gpu/shared/
# a carry holds 64 MiB: the statically linked binaries (glslang in each) travel
# compressed, and tools/gpu-run.sh unpacks them
tar -C .gpu -cJf .gpu/bin.tar.xz bin && rm -rf .gpu/bin
du -sh .gpu
