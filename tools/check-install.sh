#!/bin/sh
# Checks `make install` and what a new user does after it (issue 2 section 1, issue 11 items 1-5), against a
# fresh temporary PREFIX.
#
# Usage: tools/check-install.sh            (make test-install; the library must be built: make lib)
#
# make-install  make install PREFIX=<tmp> succeeds and prints what to set (PKG_CONFIG_PATH, LD_LIBRARY_PATH),
#               since <tmp> is on neither default path
# files         PREFIX/lib/libesent.so.1.0.0 (a file), libesent.so.1 and libesent.so (symlinks to it),
#               PREFIX/include/esent.h (the repository's header), PREFIX/include/module.modulemap (module CEsent,
#               `link "esent"`), PREFIX/lib/pkgconfig/esent.pc
# pkg-config    esent.pc: --modversion is the Makefile's VERSION, --cflags/--libs point into PREFIX
# readme-client the README's client program is examples/client.c, character for character
# client-build  the README's build line: cc client.c $(pkg-config --cflags --libs esent) -o client
# client-soname the client records the soname (NEEDED libesent.so.1), not a path
# client-loader without LD_LIBRARY_PATH the client does not start (libesent.so.1 not found), as the README says
# client-run    with LD_LIBRARY_PATH=PREFIX/lib the client creates an instance and a database in a fresh folder
#               and takes a full backup into FOLDER/backup (database and log copied)
# swift-build   examples/swift-client (import CEsent, typed constants, no casts) builds against the install with
#               the README's flags; swift-run: it takes the same backup
# python-run    examples/python/esent_backup.py (ctypes, declared prototypes, UTF-16 W calls) takes the same backup
#               into a folder with a non-ASCII name
# porting-flags docs/porting.md: with -Werror=incompatible-pointer-types a uint32_t out-parameter and an L"..."
#               string do not compile; unsigned long and u"..." do
# demo-summary  examples/backup_agent.c built against the install names database states and ends with a summary
# uninstall     make uninstall PREFIX=<tmp> removes every file make install put there
# destdir       make install DESTDIR=STAGE PREFIX=/usr stages under STAGE/usr and esent.pc says prefix=/usr
#
# Ends with `install: N passed, M failed`; exits non-zero on any failure.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MAKE=${MAKE:-make}
CC=${CC:-cc}
VERSION=$(sed -n 's/^VERSION *:= *//p' "$ROOT/Makefile")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/esent-install-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
PREFIX=$TMP/prefix

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
show() {
    sed -n '1,15s/^/    /p' "$1"
}
finish() {
    echo "install: $passed passed, $failed failed"
    [ "$failed" = 0 ]
    exit $?
}

# ---- make install PREFIX=... ------------------------------------------------------------------------------------
if "$MAKE" -C "$ROOT" --no-print-directory install PREFIX="$PREFIX" >"$TMP/install.log" 2>&1; then
    if grep -q "export PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig" "$TMP/install.log" &&
        grep -q "export LD_LIBRARY_PATH=$PREFIX/lib" "$TMP/install.log"; then
        pass make-install "make install PREFIX=<tmp>/prefix, says to set PKG_CONFIG_PATH and LD_LIBRARY_PATH"
    else
        fail make-install "make install PREFIX=<tmp>/prefix did not say what to set"
        show "$TMP/install.log"
    fi
else
    fail make-install "make install PREFIX=<tmp>/prefix"
    show "$TMP/install.log"
    finish
fi

# ---- files ------------------------------------------------------------------------------------------------------
missing=""
lib=$PREFIX/lib
[ -f "$lib/libesent.so.$VERSION" ] && [ ! -L "$lib/libesent.so.$VERSION" ] || missing="$missing lib/libesent.so.$VERSION(file)"
for link in libesent.so.1 libesent.so; do
    if [ ! -L "$lib/$link" ] || [ "$(readlink "$lib/$link")" != "libesent.so.$VERSION" ]; then
        missing="$missing lib/$link(->libesent.so.$VERSION)"
    fi
done
cmp -s "$PREFIX/include/esent.h" "$ROOT/include/esent.h" || missing="$missing include/esent.h"
[ -f "$lib/pkgconfig/esent.pc" ] || missing="$missing lib/pkgconfig/esent.pc"
grep -q '^module CEsent' "$PREFIX/include/module.modulemap" 2>/dev/null &&
    grep -q 'link "esent"' "$PREFIX/include/module.modulemap" || missing="$missing include/module.modulemap(link esent)"
if [ -z "$missing" ]; then
    pass files "lib/libesent.so.$VERSION, lib/libesent.so.1 and lib/libesent.so -> it, include/esent.h, include/module.modulemap, lib/pkgconfig/esent.pc"
else
    fail files "missing or wrong:$missing"
fi

# ---- pkg-config -------------------------------------------------------------------------------------------------
if ! command -v pkg-config >/dev/null 2>&1; then
    fail pkg-config "pkg-config is not installed (apt-get install -y pkg-config)"
    finish
fi
export PKG_CONFIG_PATH="$lib/pkgconfig"
modversion=$(pkg-config --modversion esent 2>"$TMP/pc.log")
flags=$(pkg-config --cflags --libs esent 2>>"$TMP/pc.log")
flags_ok=1
for want in "-I$PREFIX/include" "-L$lib" "-lesent"; do
    case " $flags " in
    *" $want "*) ;;
    *) flags_ok=0 ;;
    esac
done
if [ "$modversion" = "$VERSION" ] && [ "$flags_ok" = 1 ]; then
    pass pkg-config "esent $modversion: $flags"
else
    fail pkg-config "modversion '$modversion' (want $VERSION), flags '$flags'"
    show "$TMP/pc.log"
fi

# ---- the README's client ----------------------------------------------------------------------------------------
mkdir -p "$TMP/app" "$TMP/run"
# The README shows examples/client.c between the markers `<!-- client.c -->` and `<!-- /client.c -->`.
sed -n '/<!-- client.c -->/,/<!-- \/client.c -->/p' "$ROOT/README.md" | sed '1,2d;$d' | sed '$d' >"$TMP/readme-client.c"
if cmp -s "$TMP/readme-client.c" "$ROOT/examples/client.c"; then
    pass readme-client "the README's client is examples/client.c"
else
    fail readme-client "the README's client differs from examples/client.c"
    diff "$TMP/readme-client.c" "$ROOT/examples/client.c" | sed -n '1,10s/^/    /p'
fi
cp "$ROOT/examples/client.c" "$TMP/app/client.c"
# shellcheck disable=SC2086 # pkg-config output is a list of flags
if (cd "$TMP/app" && "$CC" -Wall -Wextra -Werror client.c $(pkg-config --cflags --libs esent) -o client) >"$TMP/build.log" 2>&1; then
    pass client-build "cc client.c \$(pkg-config --cflags --libs esent) -o client"
    needed=$(readelf -d "$TMP/app/client" | sed -n 's/.*(NEEDED).*\[\(libesent[^]]*\)\]/\1/p')
    if [ "$needed" = "libesent.so.1" ]; then
        pass client-soname "NEEDED $needed"
    else
        fail client-soname "NEEDED '$needed', expected libesent.so.1"
    fi
    if (cd "$TMP/run" && env -u LD_LIBRARY_PATH "$TMP/app/client" "$TMP/run/c") >"$TMP/noload.log" 2>&1; then
        fail client-loader "the client started without LD_LIBRARY_PATH: is libesent already installed system-wide?"
    elif grep -q 'libesent.so.1' "$TMP/noload.log"; then
        pass client-loader "without LD_LIBRARY_PATH: $(grep -o 'libesent.so.1: .*' "$TMP/noload.log" | head -n 1)"
    else
        fail client-loader "the client failed without LD_LIBRARY_PATH, but not for libesent.so.1"
        show "$TMP/noload.log"
    fi
    if (cd "$TMP/run" && LD_LIBRARY_PATH="$lib" "$TMP/app/client" "$TMP/run/c") >"$TMP/run.log" 2>&1 &&
        [ -s "$TMP/run/c/backup/app.edb" ] && ls "$TMP/run/c/backup/"*.log >/dev/null 2>&1; then
        pass client-run "LD_LIBRARY_PATH=<prefix>/lib ./client: $(tail -n 1 "$TMP/run.log")"
    else
        fail client-run "the client failed with LD_LIBRARY_PATH=<prefix>/lib"
        show "$TMP/run.log"
    fi
else
    fail client-build "cc client.c \$(pkg-config --cflags --libs esent) -o client"
    show "$TMP/build.log"
fi

# ---- Swift: a package that imports CEsent from the install ------------------------------------------------------
SWIFT=${SWIFT:-swift}
cp -R "$ROOT/examples/swift-client" "$TMP/swift-client"
if (cd "$TMP/swift-client" && "$SWIFT" build --scratch-path "$TMP/swift-build" \
    -Xswiftc -I"$PREFIX/include" -Xlinker -L"$lib") >"$TMP/swift.log" 2>&1; then
    pass swift-build "swift build -Xswiftc -I<prefix>/include -Xlinker -L<prefix>/lib (examples/swift-client)"
    if (cd "$TMP/run" && LD_LIBRARY_PATH="$lib" "$TMP/swift-build/debug/EsentClient" "$TMP/run/swift") \
        >"$TMP/swift-run.log" 2>&1 && [ -s "$TMP/run/swift/backup/app.edb" ]; then
        pass swift-run "$(tail -n 1 "$TMP/swift-run.log")"
    else
        fail swift-run "the Swift client failed"
        show "$TMP/swift-run.log"
    fi
else
    fail swift-build "examples/swift-client does not build against the install"
    grep -m 5 'error' "$TMP/swift.log" | sed 's/^/    /'
fi

# ---- Python: ctypes with declared prototypes and UTF-16 strings -------------------------------------------------
PYTHON=${PYTHON:-python3}
folder="$TMP/run/python-données-𝄞"
if (cd "$TMP/run" && LD_LIBRARY_PATH="$lib" "$PYTHON" "$ROOT/examples/python/esent_backup.py" "$folder") \
    >"$TMP/python.log" 2>&1 && [ -s "$folder/backup/app.edb" ]; then
    pass python-run "examples/python/esent_backup.py into a non-ASCII folder: $(tail -n 1 "$TMP/python.log")"
else
    fail python-run "examples/python/esent_backup.py failed"
    show "$TMP/python.log"
fi

# ---- docs/porting.md's flags: 8-byte out-parameters into uint32_t, and L"..." for WCHAR, do not compile ------
cat >"$TMP/app/port_u32.c" <<'EOF'
#include <esent.h>
#include <stdint.h>
JET_ERR logs(JET_INSTANCE inst, char *buf) { uint32_t cb; return JetGetLogInfoInstanceA(inst, buf, 64, &cb); }
EOF
cat >"$TMP/app/port_wide.c" <<'EOF'
#include <esent.h>
JET_ERR create(JET_INSTANCE *inst) { return JetCreateInstanceW(inst, L"client"); }
EOF
cat >"$TMP/app/port_ok.c" <<'EOF'
#include <esent.h>
JET_ERR create(JET_INSTANCE *inst, char *buf) {
    unsigned long cb;
    JET_ERR err = JetCreateInstanceW(inst, u"client");
    return err ? err : JetGetLogInfoInstanceA(*inst, buf, 64, &cb);
}
EOF
PORT_FLAGS="-std=c11 -Werror=incompatible-pointer-types -Werror=int-conversion -c $(pkg-config --cflags esent)"
# shellcheck disable=SC2086 # a list of flags
if ! "$CC" $PORT_FLAGS -o "$TMP/app/u32.o" "$TMP/app/port_u32.c" >/dev/null 2>&1 &&
    ! "$CC" $PORT_FLAGS -o "$TMP/app/wide.o" "$TMP/app/port_wide.c" >/dev/null 2>&1 &&
    "$CC" $PORT_FLAGS -o "$TMP/app/ok.o" "$TMP/app/port_ok.c" >"$TMP/port.log" 2>&1; then
    pass porting-flags "-Werror=incompatible-pointer-types rejects a uint32_t out-parameter and L\"...\"; u\"...\" compiles"
else
    fail porting-flags "docs/porting.md's flags do not behave as it says"
    show "$TMP/port.log"
fi

# ---- the demo: states by name and a closing summary ------------------------------------------------------------
# shellcheck disable=SC2086 # pkg-config output is a list of flags
if "$CC" -std=gnu11 -Wall -Wextra -Werror -pthread -o "$TMP/app/backup_agent" "$ROOT/examples/backup_agent.c" \
    $(pkg-config --cflags --libs esent) >"$TMP/demo-build.log" 2>&1 &&
    LD_LIBRARY_PATH="$lib" "$TMP/app/backup_agent" "$TMP/run" >"$TMP/demo.log" 2>&1 &&
    grep -q '^Summary$' "$TMP/demo.log" && grep -q 'JET_dbstate[A-Za-z]* (dbstate [0-9])' "$TMP/demo.log" &&
    grep -q 'stopped (JetStopBackup)' "$TMP/demo.log" && grep -q '^  total ' "$TMP/demo.log"; then
    pass demo-summary "examples/backup_agent.c: states by name, a summary of each backup and what the stop did"
else
    fail demo-summary "the demo did not build, run or print its summary"
    show "$TMP/demo-build.log"
    tail -n 12 "$TMP/demo.log" 2>/dev/null | sed 's/^/    /'
fi

# ---- make uninstall ---------------------------------------------------------------------------------------------
if "$MAKE" -C "$ROOT" --no-print-directory uninstall PREFIX="$PREFIX" >"$TMP/uninstall.log" 2>&1; then
    left=$(find "$PREFIX" -type f -o -type l)
    if [ -z "$left" ]; then
        pass uninstall "make uninstall PREFIX=<tmp>/prefix removed every file"
    else
        fail uninstall "left behind: $left"
    fi
else
    fail uninstall "make uninstall PREFIX=<tmp>/prefix"
    show "$TMP/uninstall.log"
fi

# ---- DESTDIR staging ----------------------------------------------------------------------------------------------
STAGE=$TMP/stage
if "$MAKE" -C "$ROOT" --no-print-directory install DESTDIR="$STAGE" PREFIX=/usr >"$TMP/destdir.log" 2>&1 &&
    [ -f "$STAGE/usr/lib/libesent.so.$VERSION" ] && [ -L "$STAGE/usr/lib/libesent.so.1" ] &&
    [ -f "$STAGE/usr/include/esent.h" ] && grep -qx 'prefix=/usr' "$STAGE/usr/lib/pkgconfig/esent.pc"; then
    pass destdir "make install DESTDIR=<stage> PREFIX=/usr: staged under <stage>/usr, esent.pc prefix=/usr"
else
    fail destdir "make install DESTDIR=<stage> PREFIX=/usr"
    show "$TMP/destdir.log"
fi

finish
