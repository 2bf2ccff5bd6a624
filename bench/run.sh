#!/bin/sh
# make bench: builds the benchmark against build/lib/libesent.so and runs it in a scratch folder.
# Figures are ratios against baselines measured in the same run (bench/bench_backup.c says which).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$here/build/bin"
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$here/include" -pthread -o "$here/build/bin/bench_backup" \
    "$here/bench/bench_backup.c" -L"$here/build/lib" -lesent -Wl,-rpath,"$here/build/lib"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/esent-bench-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
"$here/build/bin/bench_backup" "$scratch" "${BENCH_MIB:-1024}"

# 5. Latency with a reader blocked in a slow read: pread on instance A's files is delayed by an LD_PRELOAD shim.
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -shared -fPIC -o "$here/build/bin/slowread.so" "$here/bench/slowread.c" -ldl
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$here/include" -pthread -o "$here/build/bin/bench_latency" \
    "$here/bench/bench_latency.c" -L"$here/build/lib" -lesent -Wl,-rpath,"$here/build/lib"
mkdir -p "$scratch/latency"
LD_PRELOAD="$here/build/bin/slowread.so" SLOWREAD_PATH="$scratch/latency/a/" SLOWREAD_USEC=${SLOWREAD_USEC:-20000} \
    "$here/build/bin/bench_latency" "$scratch/latency"
