#!/bin/sh
# Runs the linked C harness under valgrind's memcheck (issue 2, section 6: no definite leaks, no memory errors).
#
# Usage: tools/run-valgrind.sh build/tests/harness-linked
#
# - The harness forks one child per scenario; valgrind follows a fork without being asked (the child is the
#   same valgrind process), checks the child's leaks when it exits, and --error-exitcode turns any memory
#   error or definite leak of that child into exit status 97, so the harness reports that scenario as FAIL.
#   Programs a scenario exec()s are traced too (--trace-children=yes), except system tools (sh, rm, ...).
# - The harness process itself is checked the same way: an error in it fails the run (counted as one failure).
# - Suppressions (tools/valgrind.supp): only the Swift runtime's metadata caches ("possibly lost", never
#   definite) and glibc ld.so's strncmp over-read while expanding $ORIGIN.
# - Each process writes build/valgrind/vg.PID.log; the logs of processes with errors are printed after the
#   scenario's FAIL line.
# - Scenarios: all of them by default (measured: see DEFAULT_FILTERS below). VALGRIND_FILTERS="a b c" runs
#   only the scenarios whose names contain one of the substrings (one harness run per filter, counts added up;
#   a scenario matching two filters runs twice).
# - Ends with the harness's closing line labelled `valgrind:` and exits non-zero on any failure.
set -u

if [ $# -lt 1 ]; then
    echo "usage: $0 HARNESS" >&2
    exit 2
fi
HARNESS=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOGDIR=$ROOT/build/valgrind
ERROR_EXIT=97

# The whole harness runs under valgrind. Measured on the 2-core machine: 435 scenarios in 154 s (about 0.35 s
# a scenario, most of it valgrind starting the Swift runtime and checking leaks in each forked child), against
# 12 s natively. If the run grows past ~10 minutes (CI has 90 minutes for everything), set DEFAULT_FILTERS to a
# representative subset, e.g. "instance param session database backup thread recovery" (substrings of names).
DEFAULT_FILTERS=""
FILTERS=${VALGRIND_FILTERS-$DEFAULT_FILTERS}
# With the tables-and-records scenarios the whole set passed the 10-minute budget of `make test` on the 2-core
# machine (776 scenarios: 646 s under valgrind alone, with other work running), so `make test` runs every fourth
# scenario in name order (VALGRIND_EVERY=4; neighbours in name order test the same call, so every area keeps
# scenarios) and `make test-valgrind-full` (VALGRIND_EVERY=1) runs them all.
EVERY=${VALGRIND_EVERY:-1}
# Per-scenario limit inside the harness (valgrind is 10-50x slower on CPU-bound code).
LIMIT=${VALGRIND_SCENARIO_LIMIT:-300}
# Every page buffer its own heap block, so memcheck sees a write past a page (the library picks this mode under
# valgrind by itself too; docs/file-formats.md, section 3.5).
export ESENT_PAGE_MEMORY=${ESENT_PAGE_MEMORY:-guarded}

if ! command -v valgrind >/dev/null 2>&1; then
    echo "FAIL valgrind is not installed (apt-get install -y valgrind)"
    echo "valgrind: 0 passed, 1 failed"
    exit 1
fi
if [ ! -x "$HARNESS" ]; then
    echo "FAIL $HARNESS does not exist (make build/tests/harness-linked)"
    echo "valgrind: 0 passed, 1 failed"
    exit 1
fi

rm -rf "$LOGDIR"
mkdir -p "$LOGDIR"
: >"$LOGDIR/.shown"

# Prints the logs of processes that had errors and were not shown yet.
show_new_errors() {
    for log in "$LOGDIR"/vg.*.log; do
        [ -f "$log" ] || continue
        grep -qx "$log" "$LOGDIR/.shown" && continue
        if grep -q 'ERROR SUMMARY: [1-9]' "$log"; then
            echo "$log" >>"$LOGDIR/.shown"
            echo "    valgrind errors in process $(basename "$log" .log | sed 's/vg\.//') ($log):"
            grep -v -e '^==[0-9]*== $' -e 'Copyright' -e 'Memcheck, a memory error' -e 'Using Valgrind' \
                -e 'rerun with' -e 'To see them' -e 'Reachable blocks' "$log" | sed -n '1,80s/^/    /p'
        fi
    done
}

# One harness run under valgrind; prints its lines, holds back the closing line and adds to the totals.
total_passed=0
total_failed=0
status=0
run_one() {
    label_line=""
    {
        HARNESS_LABEL=valgrind valgrind \
            --tool=memcheck \
            --leak-check=full \
            --show-leak-kinds=definite,possible \
            --errors-for-leak-kinds=definite \
            --error-exitcode=$ERROR_EXIT \
            --suppressions="$ROOT/tools/valgrind.supp" \
            --num-callers=40 \
            --child-silent-after-fork=no \
            --trace-children=yes \
            --trace-children-skip='/bin/*,/usr/bin/*,/sbin/*,/usr/sbin/*' \
            --log-file="$LOGDIR/vg.%p.log" \
            "$HARNESS" -t "$LIMIT" -e "$EVERY" "$@"
        echo "$?" >"$LOGDIR/.rc"
    } | {
        while IFS= read -r line; do
            case $line in
            "valgrind: "*" passed, "*" failed"*) echo "$line" >"$LOGDIR/.closing" ;;
            "FAIL "*)
                echo "$line"
                show_new_errors
                ;;
            *) echo "$line" ;;
            esac
        done
    }
    rc=$(cat "$LOGDIR/.rc" 2>/dev/null || echo 2)
    closing=$(cat "$LOGDIR/.closing" 2>/dev/null || true)
    rm -f "$LOGDIR/.rc" "$LOGDIR/.closing"
    p=$(echo "$closing" | sed -n 's/^valgrind: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
    f=$(echo "$closing" | sed -n 's/^valgrind: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
    if [ -z "$p" ]; then
        echo "FAIL harness ended without a closing line (exit $rc)"
        p=0
        f=1
    fi
    # Errors in the harness process itself (not in a scenario): valgrind's exit status, and its log.
    if [ "$rc" = "$ERROR_EXIT" ] || { [ "$rc" != 0 ] && [ "$f" = 0 ]; }; then
        echo "FAIL harness process: valgrind reported errors in the harness itself (exit $rc)"
        f=$((f + 1))
    fi
    show_new_errors
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    [ "$rc" = 0 ] || status=1
}

start=$(date +%s)
if [ -z "$FILTERS" ]; then
    run_one
else
    for k in $FILTERS; do
        run_one -k "$k"
    done
fi
took=$(($(date +%s) - start))
echo "(valgrind took ${took}s; logs in $LOGDIR)"
[ "$total_failed" = 0 ] || status=1
echo "valgrind: $total_passed passed, $total_failed failed"
exit $status
