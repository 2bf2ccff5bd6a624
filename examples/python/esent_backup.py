#!/usr/bin/env python3
"""A libesent client in Python (ctypes): an instance with a database under FOLDER/data, a committed transaction,
then a full streaming backup into FOLDER/backup, through the W (UTF-16) calls.

    LD_LIBRARY_PATH=$PREFIX/lib python3 esent_backup.py /tmp/esent-python

Two ctypes traps on Linux this example avoids:
- Without `argtypes`/`restype`, ctypes passes and returns C `int`: 64-bit handles (JET_INSTANCE, JET_SESID) are
  truncated. Every function used here has its prototype declared.
- `c_wchar_p` is UTF-32 on Linux (wchar_t is 4 bytes), but esent.h's WCHAR is a UTF-16 unit: W calls get
  UTF-16LE buffers made by `utf16()`, and UTF-16 lists are decoded by `utf16_list()`.
"""
import ctypes
import ctypes.util
import os
import sys
from ctypes import POINTER, byref, c_char_p, c_long, c_ulong, c_uint16, c_void_p, c_size_t

# esent.h types on LP64 Linux: long/unsigned long are 64-bit; handles are pointer-sized.
JET_ERR = c_long
JET_API_PTR = c_size_t
JET_INSTANCE = JET_SESID = JET_HANDLE = JET_API_PTR
JET_DBID = JET_GRBIT = c_ulong
WSTR = POINTER(c_uint16)

# Constants from esent.h.
JET_errSuccess = 0
JET_errDatabaseDuplicate = -1201
JET_paramSystemPath = 0
JET_paramTempPath = 1
JET_paramLogFilePath = 2
JET_paramErrorToString = 70
JET_paramCreatePathIfNotExist = 100
JET_sesidNil = JET_instanceNil = 2 ** (8 * ctypes.sizeof(JET_API_PTR)) - 1


def load():
    name = os.environ.get("ESENT_LIBRARY") or ctypes.util.find_library("esent") or "libesent.so.1"
    lib = ctypes.CDLL(name)
    prototypes = {
        "JetCreateInstanceW": [POINTER(JET_INSTANCE), WSTR],
        "JetSetSystemParameterW": [POINTER(JET_INSTANCE), JET_SESID, c_ulong, JET_API_PTR, WSTR],
        "JetGetSystemParameterA": [JET_INSTANCE, JET_SESID, c_ulong, POINTER(JET_API_PTR), c_char_p, c_ulong],
        "JetInit": [POINTER(JET_INSTANCE)],
        "JetBeginSessionW": [JET_INSTANCE, POINTER(JET_SESID), WSTR, WSTR],
        "JetCreateDatabaseW": [JET_SESID, WSTR, WSTR, POINTER(JET_DBID), JET_GRBIT],
        "JetAttachDatabaseW": [JET_SESID, WSTR, JET_GRBIT],
        "JetOpenDatabaseW": [JET_SESID, WSTR, WSTR, POINTER(JET_DBID), JET_GRBIT],
        "JetBeginTransaction": [JET_SESID],
        "JetCommitTransaction": [JET_SESID, JET_GRBIT],
        "JetCloseDatabase": [JET_SESID, JET_DBID, JET_GRBIT],
        "JetBeginExternalBackupInstance": [JET_INSTANCE, JET_GRBIT],
        "JetGetAttachInfoInstanceW": [JET_INSTANCE, WSTR, c_ulong, POINTER(c_ulong)],
        "JetGetLogInfoInstanceW": [JET_INSTANCE, WSTR, c_ulong, POINTER(c_ulong)],
        "JetOpenFileInstanceW": [JET_INSTANCE, WSTR, POINTER(JET_HANDLE), POINTER(c_ulong), POINTER(c_ulong)],
        "JetReadFileInstance": [JET_INSTANCE, JET_HANDLE, c_void_p, c_ulong, POINTER(c_ulong)],
        "JetCloseFileInstance": [JET_INSTANCE, JET_HANDLE],
        "JetTruncateLogInstance": [JET_INSTANCE],
        "JetEndExternalBackupInstance": [JET_INSTANCE],
        "JetEndSession": [JET_SESID, JET_GRBIT],
        "JetTerm": [JET_INSTANCE],
    }
    for fname, argtypes in prototypes.items():
        function = getattr(lib, fname)
        function.argtypes = argtypes
        function.restype = JET_ERR
    return lib


def utf16(text):
    """A NUL-terminated UTF-16 string for a W parameter (not c_wchar_p, which is UTF-32 here)."""
    units = text.encode("utf-16-le")
    buffer = (c_uint16 * (len(units) // 2 + 1)).from_buffer_copy(units + b"\0\0")
    return ctypes.cast(buffer, WSTR), buffer  # keep the array alive with the pointer


def utf16_list(buffer):
    """The names in a UTF-16 list of NUL-terminated strings that ends with an empty one."""
    names, current = [], []
    for unit in buffer:
        if unit == 0:
            if not current:
                break
            raw = b"".join(unit.to_bytes(2, "little") for unit in current)
            names.append(raw.decode("utf-16-le"))
            current = []
        else:
            current.append(unit)
    return names


class EsentError(Exception):
    pass


class Client:
    def __init__(self, lib):
        self.lib = lib

    def error_text(self, code):
        value = JET_API_PTR(code & (2 ** (8 * ctypes.sizeof(JET_API_PTR)) - 1))
        text = ctypes.create_string_buffer(256)
        if self.lib.JetGetSystemParameterA(JET_instanceNil, JET_sesidNil, JET_paramErrorToString,
                                           byref(value), text, len(text)) < 0:
            return "no description"
        return text.value.decode()

    def check(self, name, code):
        """A negative code is an error; success and warnings continue."""
        if code < JET_errSuccess:
            raise EsentError(f"{name} failed: {code} ({self.error_text(code)})")
        return code

    def copy(self, instance, name, folder, buffer, size):
        base = os.path.basename(name)
        handle, low, high, got = JET_HANDLE(0), c_ulong(0), c_ulong(0), c_ulong(0)
        wname, _keep = utf16(name)
        self.check(f"JetOpenFileInstanceW({base})",
                   self.lib.JetOpenFileInstanceW(instance, wname, byref(handle), byref(low), byref(high)))
        total, err = 0, JET_errSuccess
        with open(os.path.join(folder, base), "wb") as out:
            while True:
                err = self.lib.JetReadFileInstance(instance, handle, buffer, size, byref(got))
                if err != JET_errSuccess or got.value == 0:
                    break
                out.write(ctypes.string_at(buffer, got.value))
                total += got.value
        closed = self.lib.JetCloseFileInstance(instance, handle)
        self.check(f"JetReadFileInstance({base})", err)
        self.check(f"JetCloseFileInstance({base})", closed)
        print(f"  {base}: {total} bytes")
        return total

    def run(self, root):
        lib, check = self.lib, self.check
        data = os.path.join(root, "data") + "/"
        backup = os.path.join(root, "backup")
        os.makedirs(backup, exist_ok=True)
        database = data + "app.edb"
        keep = []  # UTF-16 buffers must outlive the calls that use them

        def w(text):
            pointer, array = utf16(text)
            keep.append(array)
            return pointer

        instance, session, dbid = JET_INSTANCE(JET_instanceNil), JET_SESID(JET_sesidNil), JET_DBID(0)
        check("JetCreateInstanceW", lib.JetCreateInstanceW(byref(instance), w("python-client")))
        check("CreatePathIfNotExist",
              lib.JetSetSystemParameterW(byref(instance), JET_sesidNil, JET_paramCreatePathIfNotExist, 1, None))
        for param in (JET_paramSystemPath, JET_paramLogFilePath, JET_paramTempPath):
            check(f"JetSetSystemParameterW({param})",
                  lib.JetSetSystemParameterW(byref(instance), JET_sesidNil, param, 0, w(data)))
        check("JetInit", lib.JetInit(byref(instance)))
        check("JetBeginSessionW", lib.JetBeginSessionW(instance, byref(session), w(""), w("")))
        created = lib.JetCreateDatabaseW(session, w(database), None, byref(dbid), 0)
        if created == JET_errDatabaseDuplicate:  # a second run: the database is already there
            check("JetAttachDatabaseW", lib.JetAttachDatabaseW(session, w(database), 0))
            check("JetOpenDatabaseW", lib.JetOpenDatabaseW(session, w(database), None, byref(dbid), 0))
        else:
            check("JetCreateDatabaseW", created)
        check("JetBeginTransaction", lib.JetBeginTransaction(session))
        check("JetCommitTransaction", lib.JetCommitTransaction(session, 0))
        check("JetCloseDatabase", lib.JetCloseDatabase(session, dbid, 0))

        # JetReadFile needs a buffer aligned to 4096 bytes: over-allocate and start at the next boundary.
        size = 64 * 1024
        raw = ctypes.create_string_buffer(size + 4096)
        buffer = c_void_p((ctypes.addressof(raw) + 4095) // 4096 * 4096)

        print(f"full backup of {database} into {backup}")
        total = 0
        names = (c_uint16 * 4096)()
        actual = c_ulong(0)
        check("JetBeginExternalBackupInstance", lib.JetBeginExternalBackupInstance(instance, 0))
        check("JetGetAttachInfoInstanceW", lib.JetGetAttachInfoInstanceW(
            instance, ctypes.cast(names, WSTR), ctypes.sizeof(names), byref(actual)))
        for name in utf16_list(names):
            total += self.copy(instance, name, backup, buffer, size)
        names = (c_uint16 * 4096)()
        check("JetGetLogInfoInstanceW", lib.JetGetLogInfoInstanceW(
            instance, ctypes.cast(names, WSTR), ctypes.sizeof(names), byref(actual)))
        for name in utf16_list(names):
            total += self.copy(instance, name, backup, buffer, size)
        check("JetTruncateLogInstance", lib.JetTruncateLogInstance(instance))
        check("JetEndExternalBackupInstance", lib.JetEndExternalBackupInstance(instance))
        check("JetEndSession", lib.JetEndSession(session, 0))
        check("JetTerm", lib.JetTerm(instance))
        print(f"backup complete: {total} bytes")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "esent-python-client"
    try:
        Client(load()).run(root)
    except (EsentError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
