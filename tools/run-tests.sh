#!/bin/sh
# make test: every runner, in two chains that run at once on a 2-core machine.
#
#   background  CHAIN_SWIFT (make test-swift test-tsan test-fuzz): the Swift tests with their debug build in
#               .build-test, ThreadSanitizer with its library build in .build-tsan, then the fuzz targets' replay
#               with its engine build in .build-fuzz-replay. Output goes to build/test-logs and is printed when the
#               chain ends, in one piece.
#   foreground  CHAIN_C (make test-abi test-c ... test-model): the release library in .build, then every runner
#               that uses it, printed as it goes.
#
# Neither chain waits on the other's build: each SwiftPM command has a scratch folder of its own (SwiftPM locks
# one for a whole command). Each chain runs with make -k, so one failed runner does not hide the others.
# Ends with the closing line of every runner (each runner's own output also ends with it) and the time taken;
# exits non-zero when any runner failed.
#
# Usage (from the Makefile): MAKE=make CHAIN_SWIFT="test-swift ..." CHAIN_C="test-abi ..." tools/run-tests.sh
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
MAKE=${MAKE:-make}
CHAIN_SWIFT=${CHAIN_SWIFT:-test-swift test-tsan test-fuzz}
CHAIN_C=${CHAIN_C:-test-abi test-c test-sanitizers test-valgrind test-install test-esentutl test-model}
LOGS=$ROOT/build/test-logs
rm -rf "$LOGS"
mkdir -p "$LOGS"
start=$(date +%s)

echo "make test: the Swift chain ($CHAIN_SWIFT) runs in the background; its output follows the C chain's"
(
    # shellcheck disable=SC2086 # the chain is a list of targets
    $MAKE --no-print-directory -k $CHAIN_SWIFT >"$LOGS/swift.log" 2>&1
    echo $? >"$LOGS/swift.rc"
    date +%s >"$LOGS/swift.end"
) &
swift_pid=$!

# shellcheck disable=SC2086
{ $MAKE --no-print-directory -k $CHAIN_C 2>&1; echo $? >"$LOGS/c.rc"; } | tee "$LOGS/c.log"
c_end=$(date +%s)

wait "$swift_pid"
echo
echo "---- the Swift chain ($CHAIN_SWIFT) ----"
cat "$LOGS/swift.log"

c_rc=$(cat "$LOGS/c.rc" 2>/dev/null || echo 2)
swift_rc=$(cat "$LOGS/swift.rc" 2>/dev/null || echo 2)
swift_end=$(cat "$LOGS/swift.end" 2>/dev/null || date +%s)
end=$(date +%s)

echo
echo "---- make test: every runner's closing line ----"
# Closing lines: "<runner>: N passed, M failed" (C runners and scripts) and Swift Testing's summary.
cat "$LOGS/c.log" "$LOGS/swift.log" |
    grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed|^(✔|✘) Test run with|Test run with [0-9]+ tests? .*(passed|failed)|^error: ' |
    sed 's/^/  /'
echo "  (C chain $((c_end - start))s, Swift chain $((swift_end - start))s, make test $((end - start))s)"
if [ "$c_rc" != 0 ] || [ "$swift_rc" != 0 ]; then
    echo "make test: FAILED (C chain exit $c_rc, Swift chain exit $swift_rc)"
    exit 1
fi
echo "make test: every runner passed"
