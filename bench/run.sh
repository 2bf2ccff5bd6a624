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
