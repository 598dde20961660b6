#!/bin/sh
# Runs libFuzzer targets: run.sh BUILD SECONDS NAME...
#
# Each target fuzzes for SECONDS, starting from its corpus tests/fuzz/corpus/NAME/
# and writing what it finds to a scratch directory. Then the corpus is merged
# and minimised: the named seeds (hand-made inputs and regress-* files for
# fixed bugs) always stay; of the inputs the fuzzer found, this run's and
# earlier runs' (named by their SHA-1), only those that reach code the seeds
# and smaller inputs do not are kept (`-merge=1 -use_counters=0`: edges, not
# hit counts, so the corpus stays a few hundred KB).
# A crash, leak or failed check is kept as BUILD/fuzz/crash-NAME-* and makes
# the exit status 1. One line per target goes to stdout and BUILD/fuzz/log.txt:
# seconds, executions, corpus files before and after.
set -u
build=$1
seconds=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
keep_max=${FUZZ_KEEP_MAX:-20000}
status=0
for name in "$@"; do
	bin="$build/fuzz/$name"
	corpus="$root/tests/fuzz/corpus/$name"
	scratch=$(mktemp -d)
	merged=$(mktemp -d)
	mkdir -p "$corpus"
	before=$(ls "$corpus" | wc -l)
	# -rss_limit_mb: a parser asking for more than this for a small input is a finding
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$build/fuzz/crash-$name-" "$scratch" "$corpus" >"$build/fuzz/$name.out" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz/$name.out")
	# named seeds stay whatever their size; found inputs (named by their SHA-1)
	# are candidates up to FUZZ_KEEP_MAX bytes: big formats are covered by
	# their seeds, and a corpus of thousands of 80 KB mutants is not worth a
	# repository's space
	cand=$(mktemp -d)
	for f in "$corpus"/* "$scratch"/*; do
		[ -f "$f" ] || continue
		n=$(basename "$f")
		case "$n" in
		*[!0-9a-f]*) is_hash=0 ;;
		*) [ ${#n} -eq 40 ] && is_hash=1 || is_hash=0 ;;
		esac
		if [ $is_hash -eq 0 ]; then
			[ "$(dirname "$f")" = "$corpus" ] && cp "$f" "$merged/"
		elif [ "$(wc -c <"$f")" -le "$keep_max" ]; then
			cp "$f" "$cand/"
		fi
	done
	if "$bin" -merge=1 -use_counters=0 "$merged" "$cand" >"$build/fuzz/$name.merge.out" 2>&1; then
		rm -f "$corpus"/*
		cp "$merged"/* "$corpus"/
	else
		echo "$name: merge failed, corpus unchanged (see $build/fuzz/$name.merge.out)"
		rc=1
	fi
	rm -rf "$cand"
	after=$(ls "$corpus" | wc -l)
	rm -rf "$scratch" "$merged"
	line="$name: ${seconds}s, ${execs:-?} executions, corpus $before -> $after files"
	if [ "$rc" -ne 0 ]; then
		line="$line, FAILED (status $rc; see $build/fuzz/$name.out)"
		status=1
	fi
	echo "$line" | tee -a "$build/fuzz/log.txt"
done
exit $status
