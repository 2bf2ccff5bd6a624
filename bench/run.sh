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
# The page check alone (issue 6), GB/s per CRC-32C path this CPU has, in CPU time.
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$here/Sources/CEsentChecksum/include" -o "$here/build/bin/crc_bench" \
    "$here/bench/crc_bench.c" "$here/Sources/CEsentChecksum/crc32c.c"
"$here/build/bin/crc_bench" 4096
# OS snapshots (issue 8): time frozen against an fsync of the same files, and commits elsewhere during a freeze.
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$here/include" -pthread -o "$here/build/bin/bench_snapshot" \
    "$here/bench/bench_snapshot.c" -L"$here/build/lib" -lesent -Wl,-rpath,"$here/build/lib"
mkdir -p "$scratch/snapshot"
"$here/build/bin/bench_snapshot" "$scratch/snapshot" "${BENCH_SNAPSHOT_MIB:-256}"
# Backup to a folder and restore (issue 7), against a C copy with fsync of the same files.
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$here/include" -o "$here/build/bin/bench_folder" \
    "$here/bench/bench_folder.c" -L"$here/build/lib" -lesent -Wl,-rpath,"$here/build/lib"
mkdir -p "$scratch/folder"
"$here/build/bin/bench_folder" "$scratch/folder" "${BENCH_MIB:-1024}"

# 5. Latency with a reader blocked in a slow read: pread on instance A's files is delayed by an LD_PRELOAD shim.
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -shared -fPIC -o "$here/build/bin/slowread.so" "$here/bench/slowread.c" -ldl
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$here/include" -pthread -o "$here/build/bin/bench_latency" \
    "$here/bench/bench_latency.c" -L"$here/build/lib" -lesent -Wl,-rpath,"$here/build/lib"
mkdir -p "$scratch/latency"
LD_PRELOAD="$here/build/bin/slowread.so" SLOWREAD_PATH="$scratch/latency/a/" SLOWREAD_USEC=${SLOWREAD_USEC:-20000} \
    "$here/build/bin/bench_latency" "$scratch/latency"

# The B+tree alone over pages in memory (issue 10, also `make bench-btree`): CPU ns per operation, allocations.
${CC:-cc} -O2 -shared -fPIC -o "$here/build/bin/alloccount.so" "$here/bench/alloccount.c"
LD_PRELOAD="$here/build/bin/alloccount.so" "$here/build/bin/btree-bench" "${BENCH_BTREE_KEYS:-1000000}"

# Optional (BENCH_EXCLUSIVITY=1): what Swift's runtime exclusivity checks cost on the streaming hot path. The same
# sources are built a second time with -enforce-exclusivity=unchecked (scratch path .build-excl), and the
# streaming benchmark runs against each library in turn.
if [ "${BENCH_EXCLUSIVITY:-0}" = 1 ]; then
    excl="$here/build/excl"
    mkdir -p "$excl/lib"
    (cd "$here" && ${SWIFT:-swift} build -c release --scratch-path .build-excl -Xswiftc -static-stdlib \
        -Xswiftc -use-ld=lld -Xlinker --version-script="$here/exports.map" -Xlinker -soname=libesent.so.1 \
        -Xlinker -z -Xlinker nodelete -Xswiftc -enforce-exclusivity=unchecked >"$excl/build.log" 2>&1)
    cp "$here/.build-excl/release/libesent.so" "$excl/lib/libesent.so.1"
    ln -sf libesent.so.1 "$excl/lib/libesent.so"
    ${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$here/include" -pthread -o "$excl/bench_backup" \
        "$here/bench/bench_backup.c" -L"$excl/lib" -lesent -Wl,-rpath,"$excl/lib"
    for round in 1 2 3; do
        echo "exclusivity round $round: checked (the shipped build), then unchecked"
        rm -rf "$scratch/x" && mkdir -p "$scratch/x"
        "$here/build/bin/bench_backup" "$scratch/x" "${BENCH_MIB:-256}" | grep 'JetReadFileInstance:'
        rm -rf "$scratch/x" && mkdir -p "$scratch/x"
        "$excl/bench_backup" "$scratch/x" "${BENCH_MIB:-256}" | grep 'JetReadFileInstance:'
    done
fi

# 6. Tables and records against SQLite (issue 10): same rows, same disk, ratios with the issue's goals. BENCH_ISAM_ROWS
# (default 1000000), BENCH_ISAM_RSS_ROWS (the RSS step, default the same) and BENCH_ISAM_COMMITS (default 10000)
# shorten it; BENCH_ISAM_STEPS (e.g. 15: the load and the durable commits) runs only some steps.
if printf '#include <sqlite3.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1; then
    ${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$here/include" -pthread -o "$here/build/bin/isam_bench" \
        "$here/bench/isam_bench.c" -L"$here/build/lib" -lesent -Wl,-rpath,"$here/build/lib" -lsqlite3
    mkdir -p "$scratch/isam"
    "$here/build/bin/isam_bench" "$scratch/isam" "${BENCH_ISAM_ROWS:-1000000}"
else
    echo "bench/isam_bench.c needs SQLite's development files: sudo apt-get install libsqlite3-dev" >&2
    exit 1
fi
