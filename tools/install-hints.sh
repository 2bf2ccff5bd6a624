#!/bin/sh
# Printed by `make install`: what a user must set when PREFIX is not where the dynamic loader and pkg-config
# look by default. Usage: tools/install-hints.sh PREFIX [DESTDIR]
set -u
prefix=$1
destdir=${2:-}
libdir=$prefix/lib

if [ -n "$destdir" ]; then
    echo "libesent staged under $destdir$prefix (a package build: nothing to set here)."
    exit 0
fi
echo "libesent installed under $prefix."

# pkg-config: its default search path (pc_path) and PKG_CONFIG_PATH.
pc_default=$(pkg-config --variable pc_path pkg-config 2>/dev/null || true)
case ":$pc_default:${PKG_CONFIG_PATH:-}:" in
*":$libdir/pkgconfig:"*) ;;
*) echo "  pkg-config does not look in $libdir/pkgconfig: export PKG_CONFIG_PATH=$libdir/pkgconfig" ;;
esac

# The loader: ld.so.cache (ldconfig -p) and LD_LIBRARY_PATH.
case ":${LD_LIBRARY_PATH:-}:" in
*":$libdir:"*) exit 0 ;;
esac
if [ -x /sbin/ldconfig ] && /sbin/ldconfig -p 2>/dev/null | grep -q "=> $libdir/libesent.so.1\$"; then
    exit 0
fi
case "$prefix" in
/usr | /usr/local)
    echo "  the loader's cache does not list $libdir/libesent.so.1 yet: run ldconfig (as root)" ;;
*)
    echo "  programs will not find libesent.so.1 in $libdir: export LD_LIBRARY_PATH=$libdir"
    echo "  (or link them with -Wl,-rpath,$libdir, or add $libdir to /etc/ld.so.conf.d/ and run ldconfig)" ;;
esac
