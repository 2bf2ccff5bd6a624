#!/bin/sh
# ThreadSanitizer run of the C harness's thread scenarios against a TSan build of the library
# (issue 2, section 6: 8 threads create, init, use and term instances at once, clean under TSan).
#
# Usage: tools/run-tsan.sh /path/to/toolchain/clang      (make test-tsan passes the Swift toolchain's clang)
#
# 1. The library: swift build -c release --scratch-path .build-tsan -Xswiftc -sanitize=thread, with the
#    Makefile's version script, soname and -z nodelete, into build/tsan/lib. Unlike the release build it uses
#    the toolchain's *dynamic* Swift runtime (no -static-stdlib): the runtime tells TSan about its own
#    synchronization (swift_once for globals, ...) through __tsan_on_initialize, which TSan looks up with
#    dlsym at start-up; -static-stdlib links the runtime with --exclude-libs ALL, so that hook is hidden and
#    every global initializer shows up as a false race.
#    It also defines ESENT_TSAN (-Xswiftc -DESENT_TSAN): Synchronization.Mutex parks contended threads with raw
#    futex system calls that TSan cannot see, so everything a contended Mutex protects is reported as raced;
#    under ESENT_TSAN the library swaps in a pthread_mutex_t-based Mutex with the same API (TSan intercepts
#    pthread_mutex_*), keeping every lock a lock of its own.
# 2. The harness: every Tests/c scenario file (as the Makefile's HARNESS_SRC) compiled with that clang and
#    -fsanitize=thread (its TSan runtime is the one swiftc's -sanitize=thread expects; its libdispatch
#    interceptors need the toolchain's libdispatch and libBlocksRuntime).
#    The random API driver (Tests/model/driver.c) is built the same way.
# 3. The run: only scenarios whose names contain "thread" (-k thread), then the driver's threaded run, with
#    TSAN_OPTIONS=halt_on_error=1 exitcode=66: any report (data race, lock-order inversion, thread leak, ...)
#    ends that scenario's process with status 66 and the harness marks it FAIL. tools/tsan.supp is used if it
#    exists (it must be limited to Swift runtime internals). No thread scenario at all is a failure too
#    (TSAN_ALLOW_EMPTY=1 accepts it).
#
# Ends with the harness's closing line labelled `tsan:`; exits non-zero on any failure.
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 CLANG" >&2
    exit 2
fi
CLANG=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
SWIFT=${SWIFT:-swift}
SCRATCH=$ROOT/.build-tsan
OUT=$ROOT/build/tsan
FILTER=${TSAN_FILTER:-thread}
VERSION=1.0.0
SONAME=libesent.so.1

finish() {
    echo "tsan: 0 passed, 1 failed"
    exit 1
}

if [ ! -x "$CLANG" ]; then
    echo "FAIL $CLANG is not an executable clang (make passes the Swift toolchain's)"
    finish
fi
TOOLCHAIN_LIB=$(cd "$(dirname "$(readlink -f "$(command -v "$SWIFT")")")/../lib/swift/linux" 2>/dev/null && pwd)
if [ -z "$TOOLCHAIN_LIB" ] || [ ! -f "$TOOLCHAIN_LIB/libdispatch.so" ]; then
    echo "FAIL cannot find the toolchain's lib/swift/linux (libdispatch.so) next to $SWIFT"
    finish
fi

start=$(date +%s)
mkdir -p "$OUT/lib" "$OUT/tests"

# ---- 1. the library ---------------------------------------------------------------------------------------------
# SwiftPM does not relink when only -Xlinker flags or the version script change: drop the old product.
rm -f "$SCRATCH/release/libesent.so" "$SCRATCH"/*/release/libesent.so
echo "tsan: building the library with -sanitize=thread (scratch path .build-tsan)"
if ! "$SWIFT" build -c release --product esent --scratch-path "$SCRATCH" -Xswiftc -sanitize=thread -Xswiftc -DESENT_TSAN \
    -Xlinker --version-script="$ROOT/exports.map" -Xlinker -soname=$SONAME -Xlinker -z -Xlinker nodelete \
    >"$OUT/swift-build.log" 2>&1; then
    sed -n '1,40p' "$OUT/swift-build.log"
    echo "FAIL swift build -sanitize=thread"
    finish
fi
cp "$SCRATCH/release/libesent.so" "$OUT/lib/libesent.so.$VERSION"
ln -sf "libesent.so.$VERSION" "$OUT/lib/$SONAME"
ln -sf "libesent.so.$VERSION" "$OUT/lib/libesent.so"
built=$(date +%s)

# ---- 2. the harness ----------------------------------------------------------------------------------------------
HARNESS_SRC=$(ls Tests/c/*.c | grep -v -e '^Tests/c/dl_api\.c$' -e '^Tests/c/header_use\.c$')
# shellcheck disable=SC2086 # word splitting of the file list is intended
if ! "$CLANG" -std=gnu11 -g -O1 -Wall -Wextra -Werror -Iinclude -ITests/c -pthread -fsanitize=thread \
    -o "$OUT/tests/harness-tsan" $HARNESS_SRC \
    -L"$OUT/lib" -lesent -Wl,-rpath,'$ORIGIN/../lib' \
    -L"$TOOLCHAIN_LIB" -ldispatch -lBlocksRuntime -Wl,-rpath,"$TOOLCHAIN_LIB" >"$OUT/harness-build.log" 2>&1; then
    sed -n '1,40p' "$OUT/harness-build.log"
    echo "FAIL building the harness with -fsanitize=thread"
    finish
fi

# The random API driver (Tests/model), for its threaded run under TSan too.
if ! "$CLANG" -std=gnu11 -g -O1 -Wall -Wextra -Werror -Iinclude -ITests/model -pthread -fsanitize=thread \
    -o "$OUT/tests/model-driver-tsan" Tests/model/driver.c Tests/model/model.c \
    -L"$OUT/lib" -lesent -Wl,-rpath,'$ORIGIN/../lib' \
    -L"$TOOLCHAIN_LIB" -ldispatch -lBlocksRuntime -Wl,-rpath,"$TOOLCHAIN_LIB" >"$OUT/driver-build.log" 2>&1; then
    sed -n '1,40p' "$OUT/driver-build.log"
    echo "FAIL building the model driver with -fsanitize=thread"
    finish
fi

# ---- 3. the run --------------------------------------------------------------------------------------------------
options="halt_on_error=1 exitcode=66 second_deadlock_stack=1 history_size=4"
if [ -f "$ROOT/tools/tsan.supp" ]; then
    options="$options suppressions=$ROOT/tools/tsan.supp"
fi
# ESENT_PAGE_CHECK_THREAD=1: every large backup read goes beside the page check thread (rather than the way the
# library measures faster), so its hand-overs are what ThreadSanitizer sees in the large-read thread scenarios.
HARNESS_LABEL=tsan ESENT_PAGE_CHECK_THREAD=1 TSAN_OPTIONS="$options" "$OUT/tests/harness-tsan" -k "$FILTER" \
    >"$OUT/run.log" 2>&1
rc=$?
# The closing line goes last: everything else first.
grep -v '^tsan: [0-9]* passed, [0-9]* failed' "$OUT/run.log"
closing=$(grep '^tsan: [0-9]* passed, [0-9]* failed' "$OUT/run.log" | tail -n 1)
end=$(date +%s)
echo "(tsan: library build $((built - start))s, harness build and run $((end - built))s)"
if [ -z "$closing" ]; then
    echo "FAIL the harness ended without a closing line (exit $rc)"
    finish
fi
passed=$(echo "$closing" | sed 's/^tsan: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/')
failed=$(echo "$closing" | sed 's/^tsan: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/')
if [ "$passed" = 0 ] && [ "$failed" = 0 ] && [ "${TSAN_ALLOW_EMPTY:-0}" != 1 ]; then
    echo "FAIL no scenario name contains '$FILTER': nothing ran under ThreadSanitizer"
    failed=1
fi
if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then
    echo "FAIL the harness exited with status $rc"
    failed=1
fi
# The driver's threaded run: 4 threads issuing random calls on their own instances, compared with the model.
if TSAN_OPTIONS="$options" "$OUT/tests/model-driver-tsan" --seed 1 --sequences 15 --threads 4 \
    >"$OUT/driver-run.log" 2>&1; then
    passed=$((passed + 1))
    echo "ok   model driver, 4 threads ($(grep -o '[0-9]* calls compared' "$OUT/driver-run.log"))"
else
    failed=$((failed + 1))
    tail -n 60 "$OUT/driver-run.log"
    echo "FAIL model driver under ThreadSanitizer"
fi
echo "tsan: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$rc" = 0 ]
