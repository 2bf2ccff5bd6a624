#!/bin/sh
# Checks the esentutl command (issue 11) as installed by `make install` into a fresh temporary PREFIX: every mode
# on good and on damaged files, by exit code and key lines of output.
#
# Usage: tools/check-esentutl.sh            (make test-esentutl; builds and installs what it needs)
#
# Fixtures: examples/client.c makes an instance folder (data/) and a streamed full backup of it (backup/);
# Tests/esentutl/dirty_instance.c leaves an instance as a crash would; Tests/esentutl/folder_backup.c makes a
# JetBackup folder. Damage is made by overwriting bytes.
# Exit codes checked: 0 sound, 1 damage found / restore would fail / recovery failed, 2 cannot read, 64 usage.
#
# Ends with `esentutl: N passed, M failed`; exits non-zero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MAKE=${MAKE:-make}
CC=${CC:-cc}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/esent-esentutl-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
PREFIX=$TMP/prefix
E=$PREFIX/bin/esentutl

passed=0
failed=0
pass() {
    passed=$((passed + 1))
    echo "ok   $1: $2"
}
fail() {
    failed=$((failed + 1))
    echo "FAIL $1: $2"
}
finish() {
    echo "esentutl: $passed passed, $failed failed"
    [ "$failed" = 0 ]
    exit $?
}
# Overwrites COUNT bytes of FILE at OFFSET with 0x5A.
damage() {
    python3 -c 'import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(int(sys.argv[2])); f.write(b"\x5a" * int(sys.argv[3]))' "$1" "$2" "$3"
}
# expect NAME WANT_RC PATTERN command...: runs the command (stdout and stderr to one log), checks its exit code
# and that the output has a line matching PATTERN (grep -E; empty: no check).
expect() {
    name=$1
    want=$2
    pattern=$3
    shift 3
    "$@" >"$TMP/$name.out" 2>&1
    rc=$?
    if [ "$rc" != "$want" ]; then
        fail "$name" "exit $rc, expected $want: $*"
        sed -n '1,12s/^/    /p' "$TMP/$name.out"
    elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$TMP/$name.out"; then
        fail "$name" "no line matching '$pattern': $*"
        sed -n '1,12s/^/    /p' "$TMP/$name.out"
    else
        pass "$name" "exit $rc${pattern:+, '$pattern'}"
    fi
}

# ---- install and fixtures ---------------------------------------------------------------------------------------
if ! "$MAKE" -C "$ROOT" --no-print-directory install PREFIX="$PREFIX" >"$TMP/install.log" 2>&1 || [ ! -x "$E" ]; then
    fail install "make install PREFIX=<tmp> did not install bin/esentutl"
    sed -n '1,12s/^/    /p' "$TMP/install.log"
    finish
fi
pass install "make install PREFIX=<tmp>: bin/esentutl"
export LD_LIBRARY_PATH="$PREFIX/lib"
FLAGS="-I$PREFIX/include -L$PREFIX/lib -lesent"
# shellcheck disable=SC2086
if ! "$CC" -o "$TMP/client" "$ROOT/examples/client.c" $FLAGS >"$TMP/cc.log" 2>&1 ||
    ! "$CC" -o "$TMP/dirty" "$ROOT/Tests/esentutl/dirty_instance.c" $FLAGS >>"$TMP/cc.log" 2>&1 ||
    ! "$CC" -o "$TMP/folder_backup" "$ROOT/Tests/esentutl/folder_backup.c" $FLAGS >>"$TMP/cc.log" 2>&1 ||
    ! "$TMP/client" "$TMP/a" >"$TMP/client-a.log" 2>&1 || ! "$TMP/client" "$TMP/b" >"$TMP/client-b.log" 2>&1; then
    fail fixtures "could not build or run the fixture programs"
    sed -n '1,12s/^/    /p' "$TMP/cc.log" "$TMP/client-a.log"
    finish
fi
A=$TMP/a
LOG=$(cd "$A/backup" && ls ./*.log | head -n 1 | sed 's|^\./||')
pass fixtures "instance folder, streamed backup (app.edb, $LOG), a second instance"

# ---- --help and usage -------------------------------------------------------------------------------------------
expect help 0 'verify-backup' "$E" --help
if [ -f "$PREFIX/share/man/man1/esentutl.1" ] && grep -q '^\.SH EXIT STATUS' "$PREFIX/share/man/man1/esentutl.1"; then
    pass man-page "share/man/man1/esentutl.1 installed"
else
    fail man-page "share/man/man1/esentutl.1 missing"
fi
expect help-mode 0 'esentutl checksum' "$E" /k --help
expect usage-error 64 'Error' "$E" /zz

# ---- /mh --------------------------------------------------------------------------------------------------------
expect mh-database 0 '^state: Clean Shutdown \(3\)$' "$E" /mh "$A/data/app.edb"
expect mh-words 0 '^pageSize: 4096$' "$E" dump-header "$A/data/app.edb"
expect mh-backup-info 0 '^lastFullBackup:$' "$E" /mh "$A/data/app.edb"
expect mh-stream-trailer 0 '^trailer:$' "$E" /mh "$A/backup/app.edb"
"$E" /mh --json "$A/backup/app.edb" >"$TMP/mh.json" 2>&1
if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
assert d["kind"] == "database backup stream" and d["stateCode"] in (1, 2, 3) and "logsNeeded" in d["trailer"]' "$TMP/mh.json" 2>"$TMP/json.log"; then
    pass mh-json "--json: kind, stateCode, trailer.logsNeeded"
else
    fail mh-json "--json output is not the expected JSON"
    sed -n '1,5s/^/    /p' "$TMP/mh.json" "$TMP/json.log"
fi
cp "$A/data/app.edb" "$TMP/copy0.edb"
damage "$TMP/copy0.edb" 100 8
expect mh-damaged-copy 0 '^headerCopies: page 0 BAD, page 1 good$' "$E" /mh "$TMP/copy0.edb"
cp "$TMP/copy0.edb" "$TMP/copy01.edb"
damage "$TMP/copy01.edb" 4196 8
expect mh-both-copies-damaged 2 'JET_errDatabaseCorrupted' "$E" /mh "$TMP/copy01.edb"
expect mh-not-a-database 2 'JET_errFileInvalidType' "$E" /mh "$A/data/edb.log"
expect mh-missing 2 'JET_errFileNotFound' "$E" /mh "$TMP/no-such.edb"

# ---- /ml --------------------------------------------------------------------------------------------------------
expect ml-header 0 '^generation: [0-9]+$' "$E" /ml "$A/data/edb.log"
expect ml-records 0 '^  [0-9A-F]{8}:[0-9A-F]{4}:[0-9A-F]{4}  Term$' "$E" /ml "$A/data/edb.log" /v
expect ml-clean 0 '^cleanShutdown: yes$' "$E" dump-log -v "$A/data/edb.log"
cp "$A/data/edb.log" "$TMP/tail.log"
damage "$TMP/tail.log" 4200 16
expect ml-damaged-segment 1 '^damage: the records cannot be read: JET_errLogFileCorrupt' "$E" /ml "$TMP/tail.log"
cp "$A/data/edb.log" "$TMP/header.log"
damage "$TMP/header.log" 20 4
expect ml-damaged-header 2 'JET_errLogFileCorrupt' "$E" /ml "$TMP/header.log"

# ---- /mk --------------------------------------------------------------------------------------------------------
expect mk-checkpoint 0 '^generation: [0-9]+$' "$E" /mk "$A/data/edb.chk"
expect mk-json 0 '"kind":"checkpoint"' "$E" dump-checkpoint --json "$A/data/edb.chk"
cp "$A/data/edb.chk" "$TMP/bad.chk"
damage "$TMP/bad.chk" 30 4
expect mk-damaged 2 'JET_errCheckpointCorrupt' "$E" /mk "$TMP/bad.chk"

# ---- /k ---------------------------------------------------------------------------------------------------------
expect k-database 0 '^result: OK$' "$E" /k "$A/data/app.edb"
expect k-stream 0 '^kind: database backup stream$' "$E" /k "$A/backup/app.edb"
expect k-log 0 '^result: OK$' "$E" checksum "$A/data/edb.log"
cp "$A/backup/app.edb" "$TMP/page.edb"
damage "$TMP/page.edb" $((4096 * 10 + 100)) 4
expect k-damaged-page 1 '^  page 9: checksum mismatch \(JET_errReadVerifyFailure, -1018\)$' "$E" /k "$TMP/page.edb"
expect k-damaged-header-copy 1 'header copy 0 does not verify' "$E" /k "$TMP/copy0.edb"
cp "$A/backup/app.edb" "$TMP/short.edb"
truncate -s -100 "$TMP/short.edb"
expect k-truncated 1 'not a whole number' "$E" /k "$TMP/short.edb"
expect k-damaged-log 1 '^  segment 1: ' "$E" /k "$TMP/tail.log"
"$E" /k "$A/data/app.edb" >/dev/null 2>"$TMP/k-pipe.err"
if [ ! -s "$TMP/k-pipe.err" ]; then
    pass k-no-bar-when-piped "standard error not a terminal: no progress bar"
else
    fail k-no-bar-when-piped "wrote to a non-terminal standard error: $(head -c 80 "$TMP/k-pipe.err")"
fi
if command -v script >/dev/null 2>&1; then
    script -qec "'$E' /k '$A/data/app.edb'" /dev/null >"$TMP/k-tty.out" 2>&1
    if grep -q '\] 100%' "$TMP/k-tty.out"; then
        pass k-bar-on-tty "a terminal gets the progress bar (100%)"
    else
        fail k-bar-on-tty "no progress bar on a terminal"
    fi
fi

# ---- verify-backup ----------------------------------------------------------------------------------------------
expect vb-streamed-set 0 '^restoreWouldSucceed: yes$' "$E" verify-backup "$A/backup"
expect vb-needs 0 '^restoreNeeds: generations [0-9]+-[0-9]+$' "$E" verify-backup "$A/backup"
mkdir -p "$TMP/jetbackup/new"
cp "$A/backup/"* "$TMP/jetbackup/new/"
expect vb-new-folder 0 "^set: .*/jetbackup/new\$" "$E" verify-backup "$TMP/jetbackup"
cp -R "$A/backup" "$TMP/nolog"
rm -f "$TMP/nolog/$LOG"
expect vb-missing-log 1 'JET_errMissingLogFile' "$E" verify-backup "$TMP/nolog"
cp -R "$A/backup" "$TMP/badpage"
damage "$TMP/badpage/app.edb" $((4096 * 10 + 100)) 4
expect vb-damaged-page 1 'page 9: checksum mismatch' "$E" verify-backup "$TMP/badpage"
cp -R "$A/backup" "$TMP/badlog"
damage "$TMP/badlog/$LOG" 4200 16
expect vb-damaged-log 1 "$LOG: segment 1" "$E" verify-backup "$TMP/badlog"
cp -R "$A/backup" "$TMP/foreign"
cp "$TMP/b/backup/$LOG" "$TMP/foreign/$LOG"
expect vb-foreign-log 1 'JET_errBadLogSignature' "$E" verify-backup "$TMP/foreign"
cp -R "$A/backup" "$TMP/plain"
cp "$A/data/app.edb" "$TMP/plain/app.edb"
expect vb-not-a-stream 1 'without a backup trailer' "$E" verify-backup "$TMP/plain"
cp -R "$A/backup" "$TMP/notrailer"
truncate -s -4096 "$TMP/notrailer/app.edb"
expect vb-no-trailer 1 'without a backup trailer' "$E" verify-backup "$TMP/notrailer"
mkdir -p "$TMP/empty"
expect vb-empty 1 'JET_errMissingFullBackup' "$E" verify-backup "$TMP/empty"
expect vb-json 1 '"restoreWouldSucceed":false' "$E" verify-backup --json "$TMP/nolog"

# ---- /r ---------------------------------------------------------------------------------------------------------
"$TMP/dirty" "$TMP/crashed" >"$TMP/dirty.log" 2>&1
expect r-recovers 0 "^    state: Clean Shutdown \\(3\\)\$" "$E" /r edb /l "$TMP/crashed"
expect r-database-clean 0 '^state: Clean Shutdown \(3\)$' "$E" /mh "$TMP/crashed/dirty.edb"
"$TMP/dirty" "$TMP/crashed2" >"$TMP/dirty2.log" 2>&1
expect r-words 0 '^result: OK$' "$E" recover edb --log-path "$TMP/crashed2" --system-path "$TMP/crashed2"
"$TMP/dirty" "$TMP/crashed3" >"$TMP/dirty3.log" 2>&1
damage "$TMP/crashed3/edb.log" 20 4
expect r-damaged-log 1 '^recovery: FAILED' "$E" /r edb "/l$TMP/crashed3"

# ---- /c ---------------------------------------------------------------------------------------------------------
"$TMP/folder_backup" "$TMP/f" >"$TMP/fb.log" 2>&1
expect vb-jetbackup-folder 0 '^restoreWouldSucceed: yes$' "$E" verify-backup "$TMP/f/backup"
rm -f "$TMP/f/data/app.edb"
expect c-restores 0 "^    file: $TMP/f/data/app.edb\$" "$E" /c "$TMP/f/backup" /l "$TMP/f/data"
expect c-database-clean 0 '^state: Clean Shutdown \(3\)$' "$E" /mh "$TMP/f/data/app.edb"
"$TMP/folder_backup" "$TMP/g" >"$TMP/fb2.log" 2>&1
mkdir -p "$TMP/g/elsewhere"
expect c-destination 0 '^    state: Clean Shutdown \(3\)$' "$E" restore "$TMP/g/backup" --log-path "$TMP/g/data" \
    --destination "$TMP/g/elsewhere"
"$TMP/folder_backup" "$TMP/h" >"$TMP/fb3.log" 2>&1
damage "$TMP/h/backup/app.edb" $((4096 * 10 + 100)) 4
cp "$TMP/h/data/app.edb" "$TMP/h/before.edb"
expect c-damaged-set 1 '^restore: FAILED: JET_errReadVerifyFailure' "$E" /c "$TMP/h/backup" /l "$TMP/h/data"
if cmp -s "$TMP/h/data/app.edb" "$TMP/h/before.edb"; then
    pass c-damaged-changes-nothing "the live database is unchanged after the failed restore"
else
    fail c-damaged-changes-nothing "the failed restore changed the live database"
fi

finish
