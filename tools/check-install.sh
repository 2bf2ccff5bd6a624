#!/bin/sh
# Checks `make install` (issue 2, section 1): the library with its versioned names, the header and the
# pkg-config file land under PREFIX, and `cc app.c $(pkg-config --cflags --libs esent)` builds a client that runs.
#
# Usage: tools/check-install.sh            (make test-install; the library must be built: make lib)
#
# files         PREFIX/lib/libesent.so.1.0.0 (a file), libesent.so.1 and libesent.so (symlinks to it),
#               PREFIX/include/esent.h (the repository's header), PREFIX/lib/pkgconfig/esent.pc
# pkg-config    esent.pc: --modversion is the Makefile's VERSION, --cflags/--libs point into PREFIX
# client-build  cc app.c $(PKG_CONFIG_PATH=PREFIX/lib/pkgconfig pkg-config --cflags --libs esent)
# client-soname the client records the soname (NEEDED libesent.so.1), not a path
# client-run    the client runs with LD_LIBRARY_PATH=PREFIX/lib: creates an instance in a fresh folder,
#               sets its paths, JetInit, a session, JetTerm
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
    pass make-install "make install PREFIX=<tmp>/prefix"
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
if [ -z "$missing" ]; then
    pass files "lib/libesent.so.$VERSION, lib/libesent.so.1 and lib/libesent.so -> it, include/esent.h, lib/pkgconfig/esent.pc"
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

# ---- a client -------------------------------------------------------------------------------------------------
mkdir -p "$TMP/app" "$TMP/run"
cat >"$TMP/app/app.c" <<'EOF'
/* A client built against the installed library only. */
#include <esent.h>
#include <stdio.h>
#include <string.h>

#define CHECK(call)                                                                                                \
    do {                                                                                                           \
        JET_ERR err_ = (call);                                                                                     \
        if (err_ != JET_errSuccess) {                                                                              \
            fprintf(stderr, "%s returned %ld\n", #call, (long)err_);                                               \
            return 1;                                                                                              \
        }                                                                                                          \
    } while (0)

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    char folder[4096];
    snprintf(folder, sizeof folder, "%s/", argv[1]);
    JET_INSTANCE inst = JET_instanceNil;
    JET_SESID sesid = JET_sesidNil;
    CHECK(JetCreateInstanceA(&inst, "install-check"));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, folder));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, folder));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, folder));
    CHECK(JetInit(&inst));
    CHECK(JetBeginSessionA(inst, &sesid, "", ""));
    CHECK(JetEndSession(sesid, 0));
    CHECK(JetTerm(inst));
    printf("client: instance created, initialized, session begun and ended, terminated\n");
    return 0;
}
EOF
# shellcheck disable=SC2086 # pkg-config output is a list of flags
if "$CC" -std=c11 -Wall -Wextra -Werror -o "$TMP/app/app" "$TMP/app/app.c" $flags >"$TMP/build.log" 2>&1; then
    pass client-build "cc app.c \$(pkg-config --cflags --libs esent)"
    needed=$(readelf -d "$TMP/app/app" | sed -n 's/.*(NEEDED).*\[\(libesent[^]]*\)\]/\1/p')
    if [ "$needed" = "libesent.so.1" ]; then
        pass client-soname "NEEDED $needed"
    else
        fail client-soname "NEEDED '$needed', expected libesent.so.1"
    fi
    if (cd "$TMP/run" && LD_LIBRARY_PATH="$lib" "$TMP/app/app" "$TMP/run") >"$TMP/run.log" 2>&1; then
        pass client-run "$(tail -n 1 "$TMP/run.log")"
    else
        fail client-run "the client failed with LD_LIBRARY_PATH=<prefix>/lib"
        show "$TMP/run.log"
    fi
else
    fail client-build "cc app.c \$(pkg-config --cflags --libs esent)"
    show "$TMP/build.log"
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
