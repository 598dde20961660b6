#!/bin/sh
# Runs every test binary given, prints each one's cmocka report, and ends with
# one line "N passed, N failed" over all of them. Exit status 1 if any failed.
#
# Vulkan tests run under the Khronos validation layer with synchronization
# validation (RWKVC_VALIDATE=1); a validation message fails the test.
set -u
export RWKVC_VALIDATE="${RWKVC_VALIDATE-1}"
export RWKVC_SHARED="${RWKVC_SHARED-$(cd "$(dirname "$0")/../.." && pwd)/shared}"
export RWKVC_ROOT="${RWKVC_ROOT-$(cd "$(dirname "$0")/.." && pwd)}"
# sanitizer builds: leaks inside third-party Vulkan components are not ours
export LSAN_OPTIONS="${LSAN_OPTIONS-suppressions=$RWKVC_ROOT/tests/lsan.supp:print_suppressions=0}"
# keep the SPIR-V cache of test runs away from the user's
export XDG_CACHE_HOME="${XDG_CACHE_HOME-${TMPDIR:-/tmp}/rwkvc-test-cache-$(id -u)}"
passed=0
failed=0
crashed=""
for t in "$@"; do
	name=$(basename "$t")
	log=$(mktemp)
	"$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		# died before cmocka could report: count the whole binary as one failure
		echo "[  CRASH   ] $name exited with status $rc"
		crashed="$crashed $name"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	rm -f "$log"
done
[ -n "$crashed" ] && echo "crashed:$crashed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
