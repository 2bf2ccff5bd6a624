#!/bin/sh
# Proves that include/esent.h and the library agree (issue 2, sections 1 and 2).
#
# Usage: tools/check-abi.sh build/lib/libesent.so build/gen/esent-Swift.h
#
# exports            nm -D --defined-only LIB lists exactly the functions esent.h declares plus the undecorated
#                    names of its `#define JetX JET_ESENT_AW(JetX)` lines: nothing missing, nothing extra, all code.
# static-runtime     no NEEDED entry for the Swift runtime (libswift*, libFoundation*, libdispatch, libBlocksRuntime).
# soname             SONAME is libesent.so.1.
# runpath            no RPATH/RUNPATH other than $ORIGIN (nothing pointing into a toolchain).
# nodelete           DF_1_NODELETE: the library stays mapped after dlclose (the Swift runtime is never unloaded).
# swift-decls        the generated esent-Swift.h declares (in its C section) exactly the functions of `exports`, so
#                    every exported function's Swift signature is seen by the next checks.
# swift-sigs-clang   one C translation unit includes esent.h, then esent-Swift.h: any Swift signature that differs
# swift-sigs-gcc     from the C prototype is a "conflicting types" error (toolchain clang, then gcc). The undecorated
#                    names are declared by Swift under their own names, which esent.h's macros turn into the A
#                    variant: so they are checked against the A prototypes.
# swift-sigs-teeth   the same compile on a copy of esent-Swift.h with one return type and one parameter type changed
#                    must fail: proves the check above can fail.
# header-coverage    Tests/c/header_use.c names every function, undecorated name, type and struct field esent.h
#                    declares (so a declaration added to the header without a use here fails).
# header-use-*       Tests/c/header_use.c (every function called and its address taken with the documented types,
#                    every struct field touched, every constant referenced) compiles warning-free as C
#                    (gcc -std=c11 -Wall -Wextra -Werror) and C++ (g++ -Wall -Wextra -Werror), each also with
#                    -DJET_UNICODE, and with the toolchain's clang/clang++; the constants come from the GENERATED
#                    CONSTANTS block of esent.h, listed at check time into build/gen/header_use_constants.h.
# header-use-run     header_use linked with -lesent runs: every function resolves.
# swift-undecorated  every undecorated name has a declaration in esent.h's __swift__ branch (Swift imports no
#                    function-like macro).
# module-swift       a Swift file that does `import CEsent` (include/esent.modulemap, installed as module.modulemap) type-checks with swiftc.
# module-clang       a C file compiled with clang -fmodules imports esent.h as the CEsent module.
#
# Prints one line per check and ends with `abi: N passed, M failed`; exits non-zero on any failure.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 LIB SWIFT_HEADER" >&2
    exit 2
fi
LIB=$1
SWIFT_HEADER=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HEADER=$ROOT/include/esent.h
GEN=$ROOT/build/gen
WORK=$ROOT/build/abi
GCC=${GCC:-gcc}
GXX=${GXX:-g++}
SWIFT=${SWIFT:-swift}
TOOLCHAIN_BIN=$(dirname "$(readlink -f "$(command -v "$SWIFT")")")
CLANG=${TOOLCHAIN_CLANG:-$TOOLCHAIN_BIN/clang}
CLANGXX=$(dirname "$CLANG")/clang++
SWIFTC=$TOOLCHAIN_BIN/swiftc
export LC_ALL=C

mkdir -p "$GEN" "$WORK"
rm -f "$WORK"/*.log

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
# Shows the first lines of a log under a failed check.
show() {
    sed -n '1,12s/^/    /p' "$1"
}
# Runs a compile; `check NAME DETAIL command...`.
check() {
    name=$1
    detail=$2
    shift 2
    if "$@" >"$WORK/$name.log" 2>&1; then
        pass "$name" "$detail"
    else
        fail "$name" "$detail"
        show "$WORK/$name.log"
    fi
}

if [ ! -f "$LIB" ] || [ ! -f "$SWIFT_HEADER" ]; then
    echo "FAIL inputs: $LIB or $SWIFT_HEADER does not exist (make lib builds both)"
    echo "abi: 0 passed, 1 failed"
    exit 1
fi

# ---- What esent.h declares --------------------------------------------------------------------------------------
sed -n 's/^JET_ERR JET_API \(Jet[A-Za-z0-9_]*\)(.*/\1/p' "$HEADER" | sort >"$WORK/declared.txt"
sed -n 's/^#define \(Jet[A-Za-z0-9_]*\)[ 	][ 	]*JET_ESENT_AW(\1)[ 	]*$/\1/p' "$HEADER" | sort >"$WORK/undecorated.txt"
sort -u "$WORK/declared.txt" "$WORK/undecorated.txt" >"$WORK/expected.txt"
n_declared=$(wc -l <"$WORK/declared.txt" | tr -d ' ')
n_undecorated=$(wc -l <"$WORK/undecorated.txt" | tr -d ' ')
n_expected=$(wc -l <"$WORK/expected.txt" | tr -d ' ')

# ---- exports ----------------------------------------------------------------------------------------------------
nm -D --defined-only "$LIB" >"$WORK/nm.txt" 2>"$WORK/nm.log"
awk 'NF >= 3 { print $3 }' "$WORK/nm.txt" | sed 's/@.*//' | sort -u >"$WORK/exported.txt"
n_exported=$(wc -l <"$WORK/exported.txt" | tr -d ' ')
missing=$(comm -23 "$WORK/expected.txt" "$WORK/exported.txt" | tr '\n' ' ')
extra=$(comm -13 "$WORK/expected.txt" "$WORK/exported.txt" | tr '\n' ' ')
not_code=$(awk 'NF >= 3 && $2 != "T" { print $3 "(" $2 ")" }' "$WORK/nm.txt" | tr '\n' ' ')
if [ -z "$missing" ] && [ -z "$extra" ] && [ -z "$not_code" ] && [ "$n_exported" -gt 0 ]; then
    pass exports "$n_exported symbols = $n_declared declared + $n_undecorated undecorated"
else
    fail exports "$n_exported exported, $n_expected expected"
    [ -n "$missing" ] && echo "    missing: $missing"
    [ -n "$extra" ] && echo "    extra: $extra"
    [ -n "$not_code" ] && echo "    not functions: $not_code"
fi

# ---- static-runtime, soname, runpath, nodelete --------------------------------------------------------------------
readelf -d "$LIB" >"$WORK/dynamic.txt" 2>&1
needed=$(sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' "$WORK/dynamic.txt" | tr '\n' ' ')
runtime=$(printf '%s\n' $needed | grep -E '^(libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libXCTest|libTesting)' | tr '\n' ' ')
if [ -z "$runtime" ] && [ -n "$needed" ]; then
    pass static-runtime "NEEDED: $needed"
else
    fail static-runtime "NEEDED: $needed"
    [ -n "$runtime" ] && echo "    Swift runtime linked dynamically: $runtime (build with -Xswiftc -static-stdlib)"
fi
soname=$(sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p' "$WORK/dynamic.txt")
if [ "$soname" = "libesent.so.1" ]; then
    pass soname "$soname"
else
    fail soname "SONAME is '${soname}', expected libesent.so.1"
fi
paths=$(sed -n 's/.*(R[UN]*PATH).*\[\(.*\)\]/\1/p' "$WORK/dynamic.txt" | tr ':\n' '  ')
bad_paths=$(printf '%s\n' $paths | grep -v '^\$ORIGIN$' | tr '\n' ' ')
if [ -z "$bad_paths" ]; then
    pass runpath "${paths:-none}"
else
    fail runpath "RPATH/RUNPATH outside \$ORIGIN: $bad_paths"
fi
if grep -q 'FLAGS_1.*NODELETE' "$WORK/dynamic.txt"; then
    pass nodelete "DF_1_NODELETE set"
else
    fail nodelete "DF_1_NODELETE not set (link with -z nodelete)"
fi

# ---- swift-decls --------------------------------------------------------------------------------------------------
# Only declarations a C compiler sees: a `public @_cdecl` function lands inside `#if defined(__OBJC__)`.
awk '
    objc == 0 && /^#if defined\(__OBJC__\)/ { objc = 1; next }
    objc > 0 && /^#if/ { objc++ }
    objc > 0 && /^#endif/ { objc--; next }
    objc == 0 && /^SWIFT_EXTERN / { print }
' "$SWIFT_HEADER" | sed -n 's/^SWIFT_EXTERN .*[ *]\(Jet[A-Za-z0-9_]*\)(.*/\1/p' | sort -u >"$WORK/swift-declared.txt"
n_swift=$(wc -l <"$WORK/swift-declared.txt" | tr -d ' ')
missing=$(comm -23 "$WORK/expected.txt" "$WORK/swift-declared.txt" | tr '\n' ' ')
extra=$(comm -13 "$WORK/expected.txt" "$WORK/swift-declared.txt" | tr '\n' ' ')
if [ -z "$missing" ] && [ -z "$extra" ]; then
    pass swift-decls "esent-Swift.h declares all $n_swift functions (@c)"
else
    fail swift-decls "esent-Swift.h declares $n_swift, expected $n_expected"
    [ -n "$missing" ] && echo "    not declared by Swift (not @c, or @_cdecl): $missing"
    [ -n "$extra" ] && echo "    declared by Swift, not by esent.h: $extra"
fi

# ---- swift-sigs: esent.h and esent-Swift.h in one C translation unit --------------------------------------------
# esent-Swift.h does `#include <esent.h>` (or `@import CEsent` under Objective-C modules): it needs -I include.
SWIFT_DIR=$(cd "$(dirname "$SWIFT_HEADER")" && pwd)
SWIFT_BASE=$(basename "$SWIFT_HEADER")
cat >"$WORK/swift_sigs.c" <<EOF
/* Generated by tools/check-abi.sh: the C prototypes, then the Swift @c declarations; any drift is an error. */
#include <esent.h>
#include "$SWIFT_BASE"
EOF
check swift-sigs-clang "$(basename "$CLANG") -x c -fsyntax-only -Wall -Wextra -Werror" \
    "$CLANG" -x c -std=c11 -fsyntax-only -Wall -Wextra -Werror -I"$ROOT/include" -I"$ROOT/Sources/CEsent/include" -I"$SWIFT_DIR" "$WORK/swift_sigs.c"
# gcc: the generated header's clang pragmas and vector-type attributes are not gcc's; types are still errors.
check swift-sigs-gcc "gcc -x c -fsyntax-only -Wall -Wextra -Werror (-Wno-unknown-pragmas -Wno-attributes)" \
    "$GCC" -x c -std=c11 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-pragmas -Wno-attributes \
    -I"$ROOT/include" -I"$ROOT/Sources/CEsent/include" -I"$SWIFT_DIR" "$WORK/swift_sigs.c"

# swift-sigs-teeth: a drifted copy must not compile.
mkdir -p "$WORK/teeth"
teeth_ok=1
teeth_detail=""
sed '0,/^SWIFT_EXTERN JET_ERR \(Jet[A-Za-z0-9_]*\)(/s//SWIFT_EXTERN int \1(/' "$SWIFT_HEADER" >"$WORK/teeth/$SWIFT_BASE"
if cmp -s "$SWIFT_HEADER" "$WORK/teeth/$SWIFT_BASE"; then
    teeth_ok=0
    teeth_detail="no 'SWIFT_EXTERN JET_ERR Jet...(' line to alter"
elif "$CLANG" -x c -std=c11 -fsyntax-only -I"$ROOT/include" -I"$ROOT/Sources/CEsent/include" -I"$WORK/teeth" "$WORK/swift_sigs.c" >"$WORK/teeth/ret.log" 2>&1; then
    teeth_ok=0
    teeth_detail="a JET_ERR -> int return drift compiled"
else
    teeth_detail="return-type drift rejected"
fi
sed 's/unsigned long \*/unsigned int */g' "$SWIFT_HEADER" >"$WORK/teeth/$SWIFT_BASE"
if cmp -s "$SWIFT_HEADER" "$WORK/teeth/$SWIFT_BASE"; then
    teeth_detail="$teeth_detail; no 'unsigned long *' parameter to alter"
elif "$CLANG" -x c -std=c11 -fsyntax-only -I"$ROOT/include" -I"$ROOT/Sources/CEsent/include" -I"$WORK/teeth" "$WORK/swift_sigs.c" >"$WORK/teeth/param.log" 2>&1; then
    teeth_ok=0
    teeth_detail="$teeth_detail; an 'unsigned long *' -> 'unsigned int *' parameter drift compiled"
else
    teeth_detail="$teeth_detail, parameter-type drift rejected"
fi
if [ "$teeth_ok" = 1 ]; then pass swift-sigs-teeth "$teeth_detail"; else fail swift-sigs-teeth "$teeth_detail"; fi

# ---- header-coverage: header_use.c names everything esent.h declares --------------------------------------------
USE=$ROOT/Tests/c/header_use.c
# Types: `typedef ... NAME;` (one line) and `} NAME;` (end of a typedef'd struct), and function-pointer typedefs.
{
    sed -n 's/^typedef .*[ *]\([A-Za-z_][A-Za-z0-9_]*\);$/\1/p' "$HEADER" | grep -v ')'
    sed -n 's/^typedef .*(JET_API \*\([A-Za-z_][A-Za-z0-9_]*\)).*/\1/p' "$HEADER"
    sed -n 's/^} \([A-Za-z_][A-Za-z0-9_]*\);$/\1/p' "$HEADER"
} | sort -u >"$WORK/types.txt"
n_types=$(wc -l <"$WORK/types.txt" | tr -d ' ')
# Fields: the last identifier of each member line of a `typedef struct { ... } NAME;` (unions, bit-fields too).
awk '
    /^typedef struct \{/ { inside = 1; next }
    inside && /^\} [A-Za-z_0-9]*;/ { inside = 0; next }
    inside {
        line = $0
        sub(/\/\*.*\*\//, "", line)
        if (line !~ /;/ || line ~ /^[ \t]*\}/) next
        sub(/[ \t]*(:[^;]*)?;.*$/, "", line)
        sub(/\[.*$/, "", line)
        n = split(line, w, /[ \t*]+/)
        print w[n]
    }
' "$HEADER" | sort -u >"$WORK/fields.txt"
n_fields=$(wc -l <"$WORK/fields.txt" | tr -d ' ')
unused=""
for name in $(cat "$WORK/expected.txt" "$WORK/types.txt"); do
    grep -q "[^A-Za-z0-9_]$name[^A-Za-z0-9_]" "$USE" || unused="$unused $name"
done
for name in $(cat "$WORK/fields.txt"); do
    grep -q -e "\.$name[^A-Za-z0-9_]" -e "->$name[^A-Za-z0-9_]" "$USE" || unused="$unused .$name"
done
if [ -z "$unused" ]; then
    pass header-coverage "header_use.c names all $n_expected functions, $n_types types and $n_fields field names"
else
    fail header-coverage "header_use.c does not use:$unused"
fi

# ---- header-use: compile everything as C and C++, ANSI and JET_UNICODE ------------------------------------------
# The constants: every `#define JET_...` of the GENERATED CONSTANTS block (once: the block has a C and a Swift
# branch with the same names), listed at check time.
sed -n '/BEGIN GENERATED CONSTANTS/,/END GENERATED CONSTANTS/s/^#define[ 	][ 	]*\(JET_[A-Za-z0-9_]*\)[ 	].*/HU_CONSTANT(\1)/p' \
    "$HEADER" | awk '!seen[$0]++' >"$GEN/header_use_constants.h.tmp"
mv "$GEN/header_use_constants.h.tmp" "$GEN/header_use_constants.h"
n_constants=$(wc -l <"$GEN/header_use_constants.h" | tr -d ' ')
USE_INC="-I$ROOT/include -I$GEN"
for unicode in "" "-DJET_UNICODE"; do
    tag=${unicode:+-unicode}
    what=${unicode:+ $unicode}
    check "header-use-gcc$tag" "gcc -std=c11 -Wall -Wextra -Werror$what ($n_constants constants)" \
        "$GCC" -std=c11 -Wall -Wextra -Werror $unicode $USE_INC -c -o "$WORK/header_use_c$tag.o" "$USE"
    check "header-use-g++$tag" "g++ -x c++ -Wall -Wextra -Werror$what" \
        "$GXX" -x c++ -Wall -Wextra -Werror $unicode $USE_INC -c -o "$WORK/header_use_cxx$tag.o" "$USE"
done
check header-use-clang "$(basename "$CLANG") -std=c11 -Wall -Wextra -Werror" \
    "$CLANG" -std=c11 -Wall -Wextra -Werror $USE_INC -fsyntax-only "$USE"
check header-use-clang++ "clang++ -x c++ -std=c++11 -Wall -Wextra -Werror -DJET_UNICODE" \
    "$CLANGXX" -x c++ -std=c++11 -Wall -Wextra -Werror -DJET_UNICODE $USE_INC -fsyntax-only "$USE"

# header-use-run: linked against the library by -L/-l like a client, run with the library's folder on the path.
LIBDIR=$(cd "$(dirname "$LIB")" && pwd)
if "$GCC" -std=c11 -Wall -Wextra -Werror $USE_INC -o "$WORK/header_use" "$USE" -L"$LIBDIR" -lesent \
    >"$WORK/header-use-run.log" 2>&1 &&
    LD_LIBRARY_PATH="$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$WORK/header_use" >>"$WORK/header-use-run.log" 2>&1; then
    pass header-use-run "$(tail -n 1 "$WORK/header-use-run.log")"
else
    fail header-use-run "header_use linked with -lesent did not build or run"
    show "$WORK/header-use-run.log"
fi

# ---- swift-undecorated: Swift sees every undecorated name --------------------------------------------------------
# Swift imports no function-like macro, so esent.h's __swift__ branch declares each undecorated name as a function.
sed -n 's/^extern JET_ERR JET_API \(Jet[A-Za-z0-9_]*\)(.*/\1/p' "$HEADER" | sort >"$WORK/swift-undecorated.txt"
missing=$(comm -23 "$WORK/undecorated.txt" "$WORK/swift-undecorated.txt" | tr '\n' ' ')
if [ -z "$missing" ]; then
    pass swift-undecorated "the __swift__ branch declares all $n_undecorated undecorated names"
else
    fail swift-undecorated "no Swift declaration (extern JET_ERR JET_API JetX(...) in the __swift__ branch) for: $missing"
fi

# ---- module map: Swift and Clang-modules consumers ---------------------------------------------------------------
# Swift sees the constants typed (no casts against UInt/Int parameters), the nil handles and the undecorated names.
cat >"$WORK/module_use.swift" <<'EOF'
import CEsent

func useEsent() -> JET_ERR {
    var instance: JET_INSTANCE = JET_instanceNil
    var err: JET_ERR = JetCreateInstance(&instance, "swift")
    if err == JET_errSuccess { err = JetSetSystemParameter(&instance, JET_sesidNil, JET_paramCircularLog, 1, nil) }
    if err == JET_errSuccess { err = JetInit2(&instance, JET_bitNil) }
    let dbid: JET_DBID = JET_dbidNil
    let grbit: JET_GRBIT = JET_bitBackupIncremental | JET_bitBackupAtomic
    if err == JET_errSuccess && dbid != 0 { err = JetBeginExternalBackupInstance(instance, grbit) }
    var info = JET_DBINFOMISC()
    info.cbPageSize = 8192
    _ = JetGetDatabaseFileInfo("x.edb", &info, CUnsignedLong(MemoryLayout<JET_DBINFOMISC>.size), JET_DbInfoMisc)
    return err == JET_errBackupAbortByServer || err < JET_wrnNyi ? err : JET_errSuccess
}
EOF
check module-swift "swiftc -typecheck: import CEsent, typed constants, nil handles, undecorated names" \
    "$SWIFTC" -typecheck -I "$ROOT/include" -Xcc -fmodule-map-file="$ROOT/include/esent.modulemap" -module-cache-path "$WORK/module-cache" "$WORK/module_use.swift"
cat >"$WORK/module_use.c" <<'EOF'
#include <esent.h> /* imported as the CEsent module under -fmodules */
JET_ERR use_module(void) {
    JET_INSTANCE inst = JET_instanceNil;
    return JetCreateInstance(&inst, "clang-modules") ?: JetInit(&inst);
}
EOF
check module-clang "clang -fmodules: #include <esent.h> as module CEsent" \
    "$CLANG" -x c -fmodules -fmodules-cache-path="$WORK/module-cache" -fmodule-map-file="$ROOT/include/esent.modulemap" \
    -Wall -Werror -I"$ROOT/include" -fsyntax-only "$WORK/module_use.c"

echo "abi: $passed passed, $failed failed"
[ "$failed" = 0 ]
