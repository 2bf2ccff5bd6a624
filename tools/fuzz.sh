#!/bin/sh
# libFuzzer targets for every decoder of bytes from disk or from a caller (Tests/fuzz/targets/*Target.swift).
#
# Usage: tools/fuzz.sh build             build every target into build/fuzz/bin (replay: build/fuzz/replay)
#        tools/fuzz.sh replay            run each target once over its seed corpus (Tests/fuzz/corpus/NAME) and
#                                        every crash input ever found (Tests/fuzz/regressions/NAME); make test
#        tools/fuzz.sh run [SECONDS] [NAME...]
#                                        fuzz each target (or the NAMEs) for SECONDS (default FUZZ_SECONDS or 60),
#                                        one at a time, new inputs in build/fuzz/corpus/NAME; make fuzz
#
# The engine (EsentCore, with swift-system and the CRC-32C C target) is built by SwiftPM with -sanitize=fuzzer,address and
# -enable-testing into .build-fuzz; each target links those objects with its own file and FuzzSupport.swift.
# A crash leaves build/fuzz/crash-NAME-*: copy it into Tests/fuzz/regressions/NAME/ with the fix.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
SWIFT=${SWIFT:-swift}
SWIFTC=$(dirname "$(readlink -f "$(command -v "$SWIFT")")")/swiftc
SCRATCH=$ROOT/.build-fuzz
OUT=$ROOT/build/fuzz
mode=${1:-replay}
[ $# -gt 0 ] && shift
# Replay links its own copies, so make test can run while make fuzz runs. It builds the engine unoptimized in its own
# scratch folder: replaying a few hundred inputs needs no speed, and a debug build takes a fraction of a release
# one's time (make test runs the replay); fuzzing needs the speed of a release build.
BIN=$OUT/bin
CONFIG=release
TARGET_OPT=-O
if [ "$mode" = replay ]; then
    BIN=$OUT/replay
    CONFIG=debug
    TARGET_OPT=-Onone
    SCRATCH=$ROOT/.build-fuzz-replay
fi

targets() {
    for f in Tests/fuzz/targets/*Target.swift; do basename "$f" Target.swift; done
}

build() {
    mkdir -p "$BIN"
    echo "fuzz: building the engine ($CONFIG) with -sanitize=fuzzer,address (scratch path $(basename "$SCRATCH"))"
    if ! "$SWIFT" build -c "$CONFIG" --scratch-path "$SCRATCH" --target EsentCore \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing >"$OUT/engine-build.log" 2>&1; then
        sed -n '1,40p' "$OUT/engine-build.log"
        echo "FAIL swift build of EsentCore for fuzzing"
        return 1
    fi
    objects=$(ls "$SCRATCH/$CONFIG"/EsentCore.build/*.o "$SCRATCH/$CONFIG"/SystemPackage.build/*.o \
        "$SCRATCH/$CONFIG"/CSystem.build/*.o "$SCRATCH/$CONFIG"/CEsentChecksum.build/*.o 2>/dev/null)
    # Package access (`package` declarations) needs the package name SwiftPM gave the engine.
    # (The root package's name is its folder's, so it is read from EsentCore's own compile command.)
    package=$(python3 - "$SCRATCH" "$CONFIG" <<'PY'
import glob, json, sys
for path in glob.glob(sys.argv[1] + "/*/" + sys.argv[2] + "/description.json"):
    def walk(node):
        if isinstance(node, list) and "-module-name" in node and "-package-name" in node:
            i = node.index("-module-name")
            if i + 1 < len(node) and node[i + 1] == "EsentCore":
                print(node[node.index("-package-name") + 1]); sys.exit(0)
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
        for child in children: walk(child)
    walk(json.load(open(path)))
PY
)
    csystem=$(ls -d "$SCRATCH"/checkouts/swift-system/Sources/CSystem/include 2>/dev/null)
    for name in $(targets); do
        extra=""
        # The marshalling target also compiles the ABI's conversions (the Esent module's Marshal.swift).
        [ "$name" = Marshal ] && extra=Sources/Esent/ABI/Marshal.swift
        # shellcheck disable=SC2086 # word splitting of the object list is intended
        if ! "$SWIFTC" $TARGET_OPT -sanitize=fuzzer,address -parse-as-library -module-name Fuzz$name \
            ${package:+-package-name "$package"} \
            -I "$SCRATCH/$CONFIG/Modules" -I Sources/CEsent/include \
            -Xcc -fmodule-map-file="$SCRATCH/$CONFIG/CEsentChecksum.build/module.modulemap" \
            ${csystem:+-I "$csystem"} \
            Tests/fuzz/targets/FuzzSupport.swift "Tests/fuzz/targets/${name}Target.swift" $extra $objects \
            -o "$BIN/fuzz-$name" >"$OUT/build-$name.log" 2>&1; then
            sed -n '1,30p' "$OUT/build-$name.log"
            echo "FAIL building fuzz target $name"
            return 1
        fi
    done
}

case $mode in
build)
    build || exit 1
    ;;
replay)
    build || { echo "fuzz: 0 passed, 1 failed"; exit 1; }
    passed=0 failed=0
    for name in $(targets); do
        dirs=""
        for d in "Tests/fuzz/corpus/$name" "Tests/fuzz/regressions/$name"; do
            [ -d "$d" ] && [ -n "$(ls -A "$d")" ] && dirs="$dirs $d"
        done
        if [ -z "$dirs" ]; then
            echo "FAIL $name: no seed corpus in Tests/fuzz/corpus/$name"
            failed=$((failed + 1))
            continue
        fi
        files=$(ls $dirs | wc -l)
        # -runs=0 with folders: every input once, no mutation.
        # shellcheck disable=SC2086
        if "$BIN/fuzz-$name" -runs=0 $dirs >"$OUT/replay-$name.log" 2>&1; then
            echo "ok   $name ($files inputs)"
            passed=$((passed + 1))
        else
            tail -n 30 "$OUT/replay-$name.log"
            echo "FAIL $name"
            failed=$((failed + 1))
        fi
    done
    echo "fuzz: $passed passed, $failed failed"
    [ "$failed" = 0 ]
    ;;
run)
    seconds=${1:-${FUZZ_SECONDS:-60}}
    [ $# -gt 0 ] && shift
    names=${*:-$(targets)}
    build || exit 1
    failed=0
    for name in $names; do
        mkdir -p "$OUT/corpus/$name"
        echo "fuzz: $name for ${seconds}s"
        # New inputs go to build/fuzz/corpus/NAME; the committed seeds are read, never written.
        if ! ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=64} "$BIN/fuzz-$name" -max_total_time="$seconds" -print_final_stats=1 -max_len=40000 \
            -artifact_prefix="$OUT/crash-$name-" "$OUT/corpus/$name" "Tests/fuzz/corpus/$name" \
            >"$OUT/run-$name.log" 2>&1; then
            failed=$((failed + 1))
            tail -n 40 "$OUT/run-$name.log"
            echo "FAIL $name: see $OUT/run-$name.log and $OUT/crash-$name-*"
        fi
        grep -E '^stat::number_of_executed_units|^#[0-9]+.*(DONE|cov)' "$OUT/run-$name.log" | tail -n 2
    done
    [ "$failed" = 0 ]
    ;;
*)
    echo "usage: $0 build|replay|run [SECONDS] [NAME...]" >&2
    exit 2
    ;;
esac
