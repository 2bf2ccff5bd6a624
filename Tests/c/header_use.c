/* Uses everything include/esent.h declares, the way Windows client code does, so that compiling it proves the
 * header is complete and self-consistent for C and C++ clients (tools/check-abi.sh, check "header_use").
 *
 * Built by tools/check-abi.sh as C (gcc -std=c11 -Wall -Wextra -Werror) and C++ (g++ -Wall -Wextra -Werror),
 * each with and without -DJET_UNICODE (undecorated names then map to the W variants), and linked against the
 * library once to show every function resolves. It needs build/gen/header_use_constants.h, which check-abi.sh
 * generates from the `#define JET_...` lines of the GENERATED CONSTANTS block of esent.h.
 *
 * - every function: its address assigned to a pointer whose type is spelled out here from the Windows API
 *   (use_functions), and called with arguments of the documented types (use_calls; never run);
 * - every type and struct: declared, every field (union members and bit-fields included) written and read;
 * - every constant: referenced by name in an integer-constant initializer (constants[]).
 * check-abi.sh also checks that this file names every function and type esent.h declares.
 */
#include <esent.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#ifdef __cplusplus
#define HU_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define HU_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

/* Like Windows' TEXT(): the character type and literals of the undecorated names. */
#ifdef JET_UNICODE
typedef WCHAR HU_TCHAR;
#define HU_T(s) u##s
#else
typedef char HU_TCHAR;
#define HU_T(s) s
#endif

/* ---- Configuration macros ---------------------------------------------------------------------------------- */
#if !defined(JET_VERSION) || JET_VERSION < 0x0501
#error "JET_VERSION missing or too old"
#endif
#if !defined(JET_API) || !defined(JET_NODSAPI)
#error "JET_API / JET_NODSAPI missing"
#endif

/* ---- Layout facts that hold on every platform: the byte-packed group has no padding -------------------------- */
HU_STATIC_ASSERT(sizeof(JET_LOGTIME) == 8, "JET_LOGTIME is 8 bytes");
HU_STATIC_ASSERT(sizeof(JET_BKLOGTIME) == 8, "JET_BKLOGTIME is 8 bytes");
HU_STATIC_ASSERT(sizeof(JET_LGPOS) == 2 * sizeof(unsigned short) + sizeof(long), "JET_LGPOS is packed");
HU_STATIC_ASSERT(sizeof(JET_SIGNATURE) == sizeof(unsigned long) + sizeof(JET_LOGTIME) + JET_MAX_COMPUTERNAME_LENGTH + 1,
                 "JET_SIGNATURE is packed");
HU_STATIC_ASSERT(sizeof(JET_BKINFO) == sizeof(JET_LGPOS) + sizeof(JET_LOGTIME) + 2 * sizeof(unsigned long),
                 "JET_BKINFO is packed");
HU_STATIC_ASSERT(offsetof(JET_SIGNATURE, szComputerName) == sizeof(unsigned long) + 8, "JET_SIGNATURE layout");
HU_STATIC_ASSERT(sizeof(WCHAR) == 2, "WCHAR is a UTF-16 code unit");
HU_STATIC_ASSERT(sizeof(JET_API_PTR) == sizeof(void *), "JET_API_PTR is pointer-sized");
HU_STATIC_ASSERT(sizeof(JET_INSTANCE) == sizeof(void *) && sizeof(JET_SESID) == sizeof(void *) &&
                     sizeof(JET_HANDLE) == sizeof(void *) && sizeof(JET_TABLEID) == sizeof(void *) &&
                     sizeof(JET_OSSNAPID) == sizeof(void *),
                 "handles are pointer-sized");
HU_STATIC_ASSERT(sizeof(JET_ERR) == sizeof(long) && sizeof(JET_GRBIT) == sizeof(unsigned long) &&
                     sizeof(JET_DBID) == sizeof(unsigned long) && sizeof(JET_SNP) == sizeof(unsigned long) &&
                     sizeof(JET_SNT) == sizeof(unsigned long) && sizeof(JET_COLUMNID) == sizeof(unsigned long),
                 "long-based types");
HU_STATIC_ASSERT((JET_ERR)-1 < 0, "JET_ERR is signed");
HU_STATIC_ASSERT((JET_GRBIT)-1 > 0, "JET_GRBIT is unsigned");

/* ---- Every constant (generated list) ----------------------------------------------------------------------- */
typedef struct {
    const char *name;
    unsigned long long value;
} hu_constant;

#define HU_CONSTANT(name) {#name, (unsigned long long)(name)},
static const hu_constant constants[] = {
#include "header_use_constants.h"
    {"JET_VERSION", (unsigned long long)(JET_VERSION)},
    {"JET_MAX_COMPUTERNAME_LENGTH", (unsigned long long)(JET_MAX_COMPUTERNAME_LENGTH)},
    {"JET_BASE_NAME_LENGTH", (unsigned long long)(JET_BASE_NAME_LENGTH)},
};
#undef HU_CONSTANT

/* ---- Every function, as a pointer of the type the Windows API documents ------------------------------------ */
typedef struct {
    const char *name;
    int present;
} hu_function;

#define HU_FN(fn, ret, params)                                                                                     \
    {                                                                                                              \
        ret(JET_API * const p)params = fn;                                                                         \
        fns[n].name = #fn;                                                                                         \
        fns[n].present = p != NULL;                                                                                \
        n++;                                                                                                       \
    }

static size_t use_functions(hu_function *fns) {
    size_t n = 0;
    /* Instances */
    HU_FN(JetCreateInstanceA, JET_ERR, (JET_INSTANCE *, JET_PCSTR));
    HU_FN(JetCreateInstanceW, JET_ERR, (JET_INSTANCE *, JET_PCWSTR));
    HU_FN(JetCreateInstance2A, JET_ERR, (JET_INSTANCE *, JET_PCSTR, JET_PCSTR, JET_GRBIT));
    HU_FN(JetCreateInstance2W, JET_ERR, (JET_INSTANCE *, JET_PCWSTR, JET_PCWSTR, JET_GRBIT));
    HU_FN(JetInit, JET_ERR, (JET_INSTANCE *));
    HU_FN(JetInit2, JET_ERR, (JET_INSTANCE *, JET_GRBIT));
    HU_FN(JetTerm, JET_ERR, (JET_INSTANCE));
    HU_FN(JetTerm2, JET_ERR, (JET_INSTANCE, JET_GRBIT));
    HU_FN(JetStopService, JET_ERR, (void));
    HU_FN(JetStopServiceInstance, JET_ERR, (JET_INSTANCE));
    HU_FN(JetStopServiceInstance2, JET_ERR, (JET_INSTANCE, const JET_GRBIT));
    HU_FN(JetStopBackup, JET_ERR, (void));
    HU_FN(JetStopBackupInstance, JET_ERR, (JET_INSTANCE));
    HU_FN(JetEnableMultiInstanceA, JET_ERR, (JET_SETSYSPARAM_A *, unsigned long, unsigned long *));
    HU_FN(JetEnableMultiInstanceW, JET_ERR, (JET_SETSYSPARAM_W *, unsigned long, unsigned long *));
    HU_FN(JetGetInstanceInfoA, JET_ERR, (unsigned long *, JET_INSTANCE_INFO_A **));
    HU_FN(JetGetInstanceInfoW, JET_ERR, (unsigned long *, JET_INSTANCE_INFO_W **));
    HU_FN(JetFreeBuffer, JET_ERR, (char *));
    /* System parameters */
    HU_FN(JetSetSystemParameterA, JET_ERR, (JET_INSTANCE *, JET_SESID, unsigned long, JET_API_PTR, JET_PCSTR));
    HU_FN(JetSetSystemParameterW, JET_ERR, (JET_INSTANCE *, JET_SESID, unsigned long, JET_API_PTR, JET_PCWSTR));
    HU_FN(JetGetSystemParameterA, JET_ERR,
          (JET_INSTANCE, JET_SESID, unsigned long, JET_API_PTR *, JET_PSTR, unsigned long));
    HU_FN(JetGetSystemParameterW, JET_ERR,
          (JET_INSTANCE, JET_SESID, unsigned long, JET_API_PTR *, JET_PWSTR, unsigned long));
    /* Sessions and transactions */
    HU_FN(JetBeginSessionA, JET_ERR, (JET_INSTANCE, JET_SESID *, JET_PCSTR, JET_PCSTR));
    HU_FN(JetBeginSessionW, JET_ERR, (JET_INSTANCE, JET_SESID *, JET_PCWSTR, JET_PCWSTR));
    HU_FN(JetEndSession, JET_ERR, (JET_SESID, JET_GRBIT));
    HU_FN(JetBeginTransaction, JET_ERR, (JET_SESID));
    HU_FN(JetCommitTransaction, JET_ERR, (JET_SESID, JET_GRBIT));
    HU_FN(JetRollback, JET_ERR, (JET_SESID, JET_GRBIT));
    /* Databases */
    HU_FN(JetCreateDatabaseA, JET_ERR, (JET_SESID, JET_PCSTR, JET_PCSTR, JET_DBID *, JET_GRBIT));
    HU_FN(JetCreateDatabaseW, JET_ERR, (JET_SESID, JET_PCWSTR, JET_PCWSTR, JET_DBID *, JET_GRBIT));
    HU_FN(JetAttachDatabaseA, JET_ERR, (JET_SESID, JET_PCSTR, JET_GRBIT));
    HU_FN(JetAttachDatabaseW, JET_ERR, (JET_SESID, JET_PCWSTR, JET_GRBIT));
    HU_FN(JetDetachDatabaseA, JET_ERR, (JET_SESID, JET_PCSTR));
    HU_FN(JetDetachDatabaseW, JET_ERR, (JET_SESID, JET_PCWSTR));
    HU_FN(JetDetachDatabase2A, JET_ERR, (JET_SESID, JET_PCSTR, JET_GRBIT));
    HU_FN(JetDetachDatabase2W, JET_ERR, (JET_SESID, JET_PCWSTR, JET_GRBIT));
    HU_FN(JetOpenDatabaseA, JET_ERR, (JET_SESID, JET_PCSTR, JET_PCSTR, JET_DBID *, JET_GRBIT));
    HU_FN(JetOpenDatabaseW, JET_ERR, (JET_SESID, JET_PCWSTR, JET_PCWSTR, JET_DBID *, JET_GRBIT));
    HU_FN(JetCloseDatabase, JET_ERR, (JET_SESID, JET_DBID, JET_GRBIT));
    HU_FN(JetSetDatabaseSizeA, JET_ERR, (JET_SESID, JET_PCSTR, unsigned long, unsigned long *));
    HU_FN(JetSetDatabaseSizeW, JET_ERR, (JET_SESID, JET_PCWSTR, unsigned long, unsigned long *));
    HU_FN(JetGrowDatabase, JET_ERR, (JET_SESID, JET_DBID, unsigned long, unsigned long *));
    HU_FN(JetGetDatabaseFileInfoA, JET_ERR, (JET_PCSTR, void *, unsigned long, unsigned long));
    HU_FN(JetGetDatabaseFileInfoW, JET_ERR, (JET_PCWSTR, void *, unsigned long, unsigned long));
    /* Streaming backup */
    HU_FN(JetBeginExternalBackup, JET_ERR, (JET_GRBIT));
    HU_FN(JetBeginExternalBackupInstance, JET_ERR, (JET_INSTANCE, JET_GRBIT));
    HU_FN(JetGetAttachInfoA, JET_ERR, (JET_PSTR, unsigned long, unsigned long *));
    HU_FN(JetGetAttachInfoW, JET_ERR, (JET_PWSTR, unsigned long, unsigned long *));
    HU_FN(JetGetAttachInfoInstanceA, JET_ERR, (JET_INSTANCE, JET_PSTR, unsigned long, unsigned long *));
    HU_FN(JetGetAttachInfoInstanceW, JET_ERR, (JET_INSTANCE, JET_PWSTR, unsigned long, unsigned long *));
    HU_FN(JetOpenFileA, JET_ERR, (JET_PCSTR, JET_HANDLE *, unsigned long *, unsigned long *));
    HU_FN(JetOpenFileW, JET_ERR, (JET_PCWSTR, JET_HANDLE *, unsigned long *, unsigned long *));
    HU_FN(JetOpenFileInstanceA, JET_ERR, (JET_INSTANCE, JET_PCSTR, JET_HANDLE *, unsigned long *, unsigned long *));
    HU_FN(JetOpenFileInstanceW, JET_ERR, (JET_INSTANCE, JET_PCWSTR, JET_HANDLE *, unsigned long *, unsigned long *));
    HU_FN(JetReadFile, JET_ERR, (JET_HANDLE, void *, unsigned long, unsigned long *));
    HU_FN(JetReadFileInstance, JET_ERR, (JET_INSTANCE, JET_HANDLE, void *, unsigned long, unsigned long *));
    HU_FN(JetCloseFile, JET_ERR, (JET_HANDLE));
    HU_FN(JetCloseFileInstance, JET_ERR, (JET_INSTANCE, JET_HANDLE));
    HU_FN(JetGetLogInfoA, JET_ERR, (JET_PSTR, unsigned long, unsigned long *));
    HU_FN(JetGetLogInfoW, JET_ERR, (JET_PWSTR, unsigned long, unsigned long *));
    HU_FN(JetGetLogInfoInstanceA, JET_ERR, (JET_INSTANCE, JET_PSTR, unsigned long, unsigned long *));
    HU_FN(JetGetLogInfoInstanceW, JET_ERR, (JET_INSTANCE, JET_PWSTR, unsigned long, unsigned long *));
    HU_FN(JetGetLogInfoInstance2A, JET_ERR,
          (JET_INSTANCE, JET_PSTR, unsigned long, unsigned long *, JET_LOGINFO_A *));
    HU_FN(JetGetLogInfoInstance2W, JET_ERR,
          (JET_INSTANCE, JET_PWSTR, unsigned long, unsigned long *, JET_LOGINFO_W *));
    HU_FN(JetGetTruncateLogInfoInstanceA, JET_ERR, (JET_INSTANCE, JET_PSTR, unsigned long, unsigned long *));
    HU_FN(JetGetTruncateLogInfoInstanceW, JET_ERR, (JET_INSTANCE, JET_PWSTR, unsigned long, unsigned long *));
    HU_FN(JetTruncateLog, JET_ERR, (void));
    HU_FN(JetTruncateLogInstance, JET_ERR, (JET_INSTANCE));
    HU_FN(JetEndExternalBackup, JET_ERR, (void));
    HU_FN(JetEndExternalBackupInstance, JET_ERR, (JET_INSTANCE));
    HU_FN(JetEndExternalBackupInstance2, JET_ERR, (JET_INSTANCE, JET_GRBIT));
    HU_FN(JetOSSnapshotPrepare, JET_ERR, (JET_OSSNAPID *, const JET_GRBIT));
    HU_FN(JetOSSnapshotPrepareInstance, JET_ERR, (JET_OSSNAPID, JET_INSTANCE, const JET_GRBIT));
    HU_FN(JetOSSnapshotFreezeA, JET_ERR, (const JET_OSSNAPID, unsigned long *, JET_INSTANCE_INFO_A **, const JET_GRBIT));
    HU_FN(JetOSSnapshotFreezeW, JET_ERR, (const JET_OSSNAPID, unsigned long *, JET_INSTANCE_INFO_W **, const JET_GRBIT));
    HU_FN(JetOSSnapshotThaw, JET_ERR, (const JET_OSSNAPID, const JET_GRBIT));
    HU_FN(JetOSSnapshotAbort, JET_ERR, (const JET_OSSNAPID, const JET_GRBIT));
    HU_FN(JetOSSnapshotEnd, JET_ERR, (const JET_OSSNAPID, const JET_GRBIT));
    HU_FN(JetOSSnapshotTruncateLog, JET_ERR, (const JET_OSSNAPID, const JET_GRBIT));
    HU_FN(JetOSSnapshotTruncateLogInstance, JET_ERR, (const JET_OSSNAPID, JET_INSTANCE, const JET_GRBIT));
    HU_FN(JetOSSnapshotGetFreezeInfoA, JET_ERR,
          (const JET_OSSNAPID, unsigned long *, JET_INSTANCE_INFO_A **, const JET_GRBIT));
    HU_FN(JetOSSnapshotGetFreezeInfoW, JET_ERR,
          (const JET_OSSNAPID, unsigned long *, JET_INSTANCE_INFO_W **, const JET_GRBIT));
    HU_FN(JetBackupA, JET_ERR, (JET_PCSTR, JET_GRBIT, JET_PFNSTATUS));
    HU_FN(JetBackupW, JET_ERR, (JET_PCWSTR, JET_GRBIT, JET_PFNSTATUS));
    HU_FN(JetBackupInstanceA, JET_ERR, (JET_INSTANCE, JET_PCSTR, JET_GRBIT, JET_PFNSTATUS));
    HU_FN(JetBackupInstanceW, JET_ERR, (JET_INSTANCE, JET_PCWSTR, JET_GRBIT, JET_PFNSTATUS));
    HU_FN(JetRestoreA, JET_ERR, (JET_PCSTR, JET_PFNSTATUS));
    HU_FN(JetRestoreW, JET_ERR, (JET_PCWSTR, JET_PFNSTATUS));
    HU_FN(JetRestore2A, JET_ERR, (JET_PCSTR, JET_PCSTR, JET_PFNSTATUS));
    HU_FN(JetRestore2W, JET_ERR, (JET_PCWSTR, JET_PCWSTR, JET_PFNSTATUS));
    HU_FN(JetRestoreInstanceA, JET_ERR, (JET_INSTANCE, JET_PCSTR, JET_PCSTR, JET_PFNSTATUS));
    HU_FN(JetRestoreInstanceW, JET_ERR, (JET_INSTANCE, JET_PCWSTR, JET_PCWSTR, JET_PFNSTATUS));
    HU_FN(JetInit3A, JET_ERR, (JET_INSTANCE *, JET_RSTINFO_A *, JET_GRBIT));
    HU_FN(JetInit3W, JET_ERR, (JET_INSTANCE *, JET_RSTINFO_W *, JET_GRBIT));
    HU_FN(JetExternalRestoreA, JET_ERR,
          (JET_PSTR, JET_PSTR, JET_RSTMAP_A *, long, JET_PSTR, long, long, JET_PFNSTATUS));
    HU_FN(JetExternalRestoreW, JET_ERR,
          (JET_PWSTR, JET_PWSTR, JET_RSTMAP_W *, long, JET_PWSTR, long, long, JET_PFNSTATUS));
    HU_FN(JetExternalRestore2A, JET_ERR,
          (JET_PSTR, JET_PSTR, JET_RSTMAP_A *, long, JET_PSTR, JET_LOGINFO_A *, JET_PSTR, JET_PSTR, JET_PSTR,
           JET_PFNSTATUS));
    HU_FN(JetExternalRestore2W, JET_ERR,
          (JET_PWSTR, JET_PWSTR, JET_RSTMAP_W *, long, JET_PWSTR, JET_LOGINFO_W *, JET_PWSTR, JET_PWSTR, JET_PWSTR,
           JET_PFNSTATUS));
    return n;
}

/* The undecorated names: the A types by default, the W types under JET_UNICODE. */
#ifdef JET_UNICODE
#define HU_AW(a, w) w
#else
#define HU_AW(a, w) a
#endif
#define HU_STR HU_AW(JET_PCSTR, JET_PCWSTR)
#define HU_BUF HU_AW(JET_PSTR, JET_PWSTR)

static size_t use_undecorated(hu_function *fns) {
    size_t n = 0;
    HU_FN(JetCreateInstance, JET_ERR, (JET_INSTANCE *, HU_STR));
    HU_FN(JetCreateInstance2, JET_ERR, (JET_INSTANCE *, HU_STR, HU_STR, JET_GRBIT));
    HU_FN(JetEnableMultiInstance, JET_ERR, (JET_SETSYSPARAM *, unsigned long, unsigned long *));
    HU_FN(JetGetInstanceInfo, JET_ERR, (unsigned long *, JET_INSTANCE_INFO **));
    HU_FN(JetSetSystemParameter, JET_ERR, (JET_INSTANCE *, JET_SESID, unsigned long, JET_API_PTR, HU_STR));
    HU_FN(JetGetSystemParameter, JET_ERR,
          (JET_INSTANCE, JET_SESID, unsigned long, JET_API_PTR *, HU_BUF, unsigned long));
    HU_FN(JetBeginSession, JET_ERR, (JET_INSTANCE, JET_SESID *, HU_STR, HU_STR));
    HU_FN(JetCreateDatabase, JET_ERR, (JET_SESID, HU_STR, HU_STR, JET_DBID *, JET_GRBIT));
    HU_FN(JetAttachDatabase, JET_ERR, (JET_SESID, HU_STR, JET_GRBIT));
    HU_FN(JetDetachDatabase, JET_ERR, (JET_SESID, HU_STR));
    HU_FN(JetDetachDatabase2, JET_ERR, (JET_SESID, HU_STR, JET_GRBIT));
    HU_FN(JetOpenDatabase, JET_ERR, (JET_SESID, HU_STR, HU_STR, JET_DBID *, JET_GRBIT));
    HU_FN(JetSetDatabaseSize, JET_ERR, (JET_SESID, HU_STR, unsigned long, unsigned long *));
    HU_FN(JetGetDatabaseFileInfo, JET_ERR, (HU_STR, void *, unsigned long, unsigned long));
    HU_FN(JetGetAttachInfo, JET_ERR, (HU_BUF, unsigned long, unsigned long *));
    HU_FN(JetGetAttachInfoInstance, JET_ERR, (JET_INSTANCE, HU_BUF, unsigned long, unsigned long *));
    HU_FN(JetOpenFile, JET_ERR, (HU_STR, JET_HANDLE *, unsigned long *, unsigned long *));
    HU_FN(JetOpenFileInstance, JET_ERR, (JET_INSTANCE, HU_STR, JET_HANDLE *, unsigned long *, unsigned long *));
    HU_FN(JetGetLogInfo, JET_ERR, (HU_BUF, unsigned long, unsigned long *));
    HU_FN(JetGetLogInfoInstance, JET_ERR, (JET_INSTANCE, HU_BUF, unsigned long, unsigned long *));
    HU_FN(JetGetLogInfoInstance2, JET_ERR, (JET_INSTANCE, HU_BUF, unsigned long, unsigned long *, JET_LOGINFO *));
    HU_FN(JetGetTruncateLogInfoInstance, JET_ERR, (JET_INSTANCE, HU_BUF, unsigned long, unsigned long *));
    HU_FN(JetOSSnapshotFreeze, JET_ERR, (const JET_OSSNAPID, unsigned long *, JET_INSTANCE_INFO **, const JET_GRBIT));
    HU_FN(JetOSSnapshotGetFreezeInfo, JET_ERR,
          (const JET_OSSNAPID, unsigned long *, JET_INSTANCE_INFO **, const JET_GRBIT));
    HU_FN(JetBackup, JET_ERR, (HU_STR, JET_GRBIT, JET_PFNSTATUS));
    HU_FN(JetBackupInstance, JET_ERR, (JET_INSTANCE, HU_STR, JET_GRBIT, JET_PFNSTATUS));
    HU_FN(JetRestore, JET_ERR, (HU_STR, JET_PFNSTATUS));
    HU_FN(JetRestore2, JET_ERR, (HU_STR, HU_STR, JET_PFNSTATUS));
    HU_FN(JetRestoreInstance, JET_ERR, (JET_INSTANCE, HU_STR, HU_STR, JET_PFNSTATUS));
    HU_FN(JetInit3, JET_ERR, (JET_INSTANCE *, JET_RSTINFO *, JET_GRBIT));
    HU_FN(JetExternalRestore, JET_ERR,
          (HU_BUF, HU_BUF, JET_RSTMAP *, long, HU_BUF, long, long, JET_PFNSTATUS));
    HU_FN(JetExternalRestore2, JET_ERR,
          (HU_BUF, HU_BUF, JET_RSTMAP *, long, HU_BUF, JET_LOGINFO *, HU_BUF, HU_BUF, HU_BUF, JET_PFNSTATUS));
    return n;
}

/* ---- Tables, columns, indexes and records ---------------------------------------------------------------- */
static size_t use_isam_functions(hu_function *fns) {
    size_t n = 0;
    HU_FN(JetCreateTableA, JET_ERR, (JET_SESID, JET_DBID, JET_PCSTR, unsigned long, unsigned long, JET_TABLEID *));
    HU_FN(JetCreateTableW, JET_ERR, (JET_SESID, JET_DBID, JET_PCWSTR, unsigned long, unsigned long, JET_TABLEID *));
    HU_FN(JetCreateTableColumnIndexA, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE_A *));
    HU_FN(JetCreateTableColumnIndexW, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE_W *));
    HU_FN(JetCreateTableColumnIndex2A, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE2_A *));
    HU_FN(JetCreateTableColumnIndex2W, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE2_W *));
    HU_FN(JetCreateTableColumnIndex3A, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE3_A *));
    HU_FN(JetCreateTableColumnIndex3W, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE3_W *));
    HU_FN(JetDeleteTableA, JET_ERR, (JET_SESID, JET_DBID, JET_PCSTR));
    HU_FN(JetDeleteTableW, JET_ERR, (JET_SESID, JET_DBID, JET_PCWSTR));
    HU_FN(JetOpenTableA, JET_ERR,
          (JET_SESID, JET_DBID, JET_PCSTR, const void *, unsigned long, JET_GRBIT, JET_TABLEID *));
    HU_FN(JetOpenTableW, JET_ERR,
          (JET_SESID, JET_DBID, JET_PCWSTR, const void *, unsigned long, JET_GRBIT, JET_TABLEID *));
    HU_FN(JetCloseTable, JET_ERR, (JET_SESID, JET_TABLEID));
    HU_FN(JetGetTableInfoA, JET_ERR, (JET_SESID, JET_TABLEID, void *, unsigned long, unsigned long));
    HU_FN(JetGetTableInfoW, JET_ERR, (JET_SESID, JET_TABLEID, void *, unsigned long, unsigned long));
    HU_FN(JetAddColumnA, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_PCSTR, const JET_COLUMNDEF *, const void *, unsigned long, JET_COLUMNID *));
    HU_FN(JetAddColumnW, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_PCWSTR, const JET_COLUMNDEF *, const void *, unsigned long, JET_COLUMNID *));
    HU_FN(JetDeleteColumnA, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCSTR));
    HU_FN(JetDeleteColumnW, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCWSTR));
    HU_FN(JetGetTableColumnInfoA, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCSTR, void *, unsigned long, unsigned long));
    HU_FN(JetGetTableColumnInfoW, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_PCWSTR, void *, unsigned long, unsigned long));
    HU_FN(JetGetColumnInfoA, JET_ERR,
          (JET_SESID, JET_DBID, JET_PCSTR, JET_PCSTR, void *, unsigned long, unsigned long));
    HU_FN(JetGetColumnInfoW, JET_ERR,
          (JET_SESID, JET_DBID, JET_PCWSTR, JET_PCWSTR, void *, unsigned long, unsigned long));
    HU_FN(JetCreateIndexA, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_PCSTR, JET_GRBIT, const char *, unsigned long, unsigned long));
    HU_FN(JetCreateIndexW, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_PCWSTR, JET_GRBIT, const WCHAR *, unsigned long, unsigned long));
    HU_FN(JetCreateIndex2A, JET_ERR, (JET_SESID, JET_TABLEID, JET_INDEXCREATE_A *, unsigned long));
    HU_FN(JetCreateIndex2W, JET_ERR, (JET_SESID, JET_TABLEID, JET_INDEXCREATE_W *, unsigned long));
    HU_FN(JetDeleteIndexA, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCSTR));
    HU_FN(JetDeleteIndexW, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCWSTR));
    HU_FN(JetGetTableIndexInfoA, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCSTR, void *, unsigned long, unsigned long));
    HU_FN(JetGetTableIndexInfoW, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCWSTR, void *, unsigned long, unsigned long));
    HU_FN(JetGetIndexInfoA, JET_ERR,
          (JET_SESID, JET_DBID, JET_PCSTR, JET_PCSTR, void *, unsigned long, unsigned long));
    HU_FN(JetGetIndexInfoW, JET_ERR,
          (JET_SESID, JET_DBID, JET_PCWSTR, JET_PCWSTR, void *, unsigned long, unsigned long));
    HU_FN(JetSetCurrentIndexA, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCSTR));
    HU_FN(JetSetCurrentIndexW, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCWSTR));
    HU_FN(JetSetCurrentIndex2A, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCSTR, JET_GRBIT));
    HU_FN(JetSetCurrentIndex2W, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCWSTR, JET_GRBIT));
    HU_FN(JetSetCurrentIndex3A, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCSTR, JET_GRBIT, unsigned long));
    HU_FN(JetSetCurrentIndex3W, JET_ERR, (JET_SESID, JET_TABLEID, JET_PCWSTR, JET_GRBIT, unsigned long));
    HU_FN(JetSetCurrentIndex4A, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_PCSTR, JET_INDEXID *, JET_GRBIT, unsigned long));
    HU_FN(JetSetCurrentIndex4W, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_PCWSTR, JET_INDEXID *, JET_GRBIT, unsigned long));
    HU_FN(JetGetCurrentIndexA, JET_ERR, (JET_SESID, JET_TABLEID, JET_PSTR, unsigned long));
    HU_FN(JetGetCurrentIndexW, JET_ERR, (JET_SESID, JET_TABLEID, JET_PWSTR, unsigned long));
    HU_FN(JetPrepareUpdate, JET_ERR, (JET_SESID, JET_TABLEID, unsigned long));
    HU_FN(JetSetColumn, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_COLUMNID, const void *, unsigned long, JET_GRBIT, JET_SETINFO *));
    HU_FN(JetSetColumns, JET_ERR, (JET_SESID, JET_TABLEID, JET_SETCOLUMN *, unsigned long));
    HU_FN(JetUpdate, JET_ERR, (JET_SESID, JET_TABLEID, void *, unsigned long, unsigned long *));
    HU_FN(JetUpdate2, JET_ERR, (JET_SESID, JET_TABLEID, void *, unsigned long, unsigned long *, const JET_GRBIT));
    HU_FN(JetDelete, JET_ERR, (JET_SESID, JET_TABLEID));
    HU_FN(JetRetrieveColumn, JET_ERR,
          (JET_SESID, JET_TABLEID, JET_COLUMNID, void *, unsigned long, unsigned long *, JET_GRBIT, JET_RETINFO *));
    HU_FN(JetRetrieveColumns, JET_ERR, (JET_SESID, JET_TABLEID, JET_RETRIEVECOLUMN *, unsigned long));
    HU_FN(JetRetrieveKey, JET_ERR, (JET_SESID, JET_TABLEID, void *, unsigned long, unsigned long *, JET_GRBIT));
    HU_FN(JetMove, JET_ERR, (JET_SESID, JET_TABLEID, long, JET_GRBIT));
    HU_FN(JetMakeKey, JET_ERR, (JET_SESID, JET_TABLEID, const void *, unsigned long, JET_GRBIT));
    HU_FN(JetSeek, JET_ERR, (JET_SESID, JET_TABLEID, JET_GRBIT));
    HU_FN(JetSetIndexRange, JET_ERR, (JET_SESID, JET_TABLEID, JET_GRBIT));
    HU_FN(JetGetBookmark, JET_ERR, (JET_SESID, JET_TABLEID, void *, unsigned long, unsigned long *));
    HU_FN(JetGotoBookmark, JET_ERR, (JET_SESID, JET_TABLEID, void *, unsigned long));
    HU_FN(JetIndexRecordCount, JET_ERR, (JET_SESID, JET_TABLEID, unsigned long *, unsigned long));
    HU_FN(JetBeginTransaction2, JET_ERR, (JET_SESID, JET_GRBIT));
    return n;
}

/* JetCreateIndex's key description: char for A, WCHAR for W. */
#define HU_KEY HU_AW(const char *, const WCHAR *)

static size_t use_isam_undecorated(hu_function *fns) {
    size_t n = 0;
    HU_FN(JetCreateTable, JET_ERR, (JET_SESID, JET_DBID, HU_STR, unsigned long, unsigned long, JET_TABLEID *));
    HU_FN(JetCreateTableColumnIndex, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE *));
    HU_FN(JetCreateTableColumnIndex2, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE2 *));
    HU_FN(JetCreateTableColumnIndex3, JET_ERR, (JET_SESID, JET_DBID, JET_TABLECREATE3 *));
    HU_FN(JetDeleteTable, JET_ERR, (JET_SESID, JET_DBID, HU_STR));
    HU_FN(JetOpenTable, JET_ERR,
          (JET_SESID, JET_DBID, HU_STR, const void *, unsigned long, JET_GRBIT, JET_TABLEID *));
    HU_FN(JetGetTableInfo, JET_ERR, (JET_SESID, JET_TABLEID, void *, unsigned long, unsigned long));
    HU_FN(JetAddColumn, JET_ERR,
          (JET_SESID, JET_TABLEID, HU_STR, const JET_COLUMNDEF *, const void *, unsigned long, JET_COLUMNID *));
    HU_FN(JetDeleteColumn, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR));
    HU_FN(JetGetTableColumnInfo, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR, void *, unsigned long, unsigned long));
    HU_FN(JetGetColumnInfo, JET_ERR, (JET_SESID, JET_DBID, HU_STR, HU_STR, void *, unsigned long, unsigned long));
    HU_FN(JetCreateIndex, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR, JET_GRBIT, HU_KEY, unsigned long, unsigned long));
    HU_FN(JetCreateIndex2, JET_ERR, (JET_SESID, JET_TABLEID, JET_INDEXCREATE *, unsigned long));
    HU_FN(JetDeleteIndex, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR));
    HU_FN(JetGetTableIndexInfo, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR, void *, unsigned long, unsigned long));
    HU_FN(JetGetIndexInfo, JET_ERR, (JET_SESID, JET_DBID, HU_STR, HU_STR, void *, unsigned long, unsigned long));
    HU_FN(JetSetCurrentIndex, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR));
    HU_FN(JetSetCurrentIndex2, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR, JET_GRBIT));
    HU_FN(JetSetCurrentIndex3, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR, JET_GRBIT, unsigned long));
    HU_FN(JetSetCurrentIndex4, JET_ERR, (JET_SESID, JET_TABLEID, HU_STR, JET_INDEXID *, JET_GRBIT, unsigned long));
    HU_FN(JetGetCurrentIndex, JET_ERR, (JET_SESID, JET_TABLEID, HU_BUF, unsigned long));
    return n;
}
#undef HU_FN

/* ---- Every type and every field ---------------------------------------------------------------------------- */
static JET_ERR JET_API status_callback(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv) {
    const JET_SNPROG *prog = (const JET_SNPROG *)pv;
    unsigned long done = prog ? prog->cbStruct + prog->cunitDone + prog->cunitTotal : 0;
    return (sesid == JET_sesidNil && snp == JET_snpBackup && snt == JET_sntBegin && done) ? JET_errSuccess
                                                                                         : JET_wrnNyi;
}

static void touch_logtime(JET_LOGTIME *t) {
    t->bSeconds = 1;
    t->bMinutes = 2;
    t->bHours = 3;
    t->bDay = 4;
    t->bMonth = 5;
    t->bYear = 126;
    t->bFiller1 = 0;
    t->fTimeIsUTC = 1;
    t->bMillisecondsLow = 100;
    t->bFiller2 = 0;
    t->fReserved = 0;
    t->bMillisecondsHigh = 7;
    t->fUnused = 0;
}

static void touch_bklogtime(JET_BKLOGTIME *t) {
    t->bSeconds = 1;
    t->bMinutes = 2;
    t->bHours = 3;
    t->bDay = 4;
    t->bMonth = 5;
    t->bYear = 126;
    t->bFiller1 = 0;
    t->fTimeIsUTC = 1;
    t->bMillisecondsLow = 100;
    t->bFiller2 = 0;
    t->fOSSnapshot = 1;
    t->bMillisecondsHigh = 7;
    t->fReserved = 0;
}

static void touch_lgpos(JET_LGPOS *p) {
    p->ib = 1;
    p->isec = 2;
    p->lGeneration = 3;
}

static void touch_signature(JET_SIGNATURE *s) {
    s->ulRandom = 0x12345678UL;
    touch_logtime(&s->logtimeCreate);
    memcpy(s->szComputerName, "host", 5);
}

static void touch_bkinfo(JET_BKINFO *b) {
    touch_lgpos(&b->lgposMark);
    touch_logtime(&b->logtimeMark);
    touch_bklogtime(&b->bklogtimeMark);
    b->genLow = 1;
    b->genHigh = 2;
}

static unsigned long touch_structs(void) {
    JET_DBINFOMISC misc;
    memset(&misc, 0, sizeof misc);
    misc.ulVersion = 0x620;
    misc.ulUpdate = 20;
    touch_signature(&misc.signDb);
    misc.dbstate = JET_dbstateCleanShutdown;
    touch_lgpos(&misc.lgposConsistent);
    touch_logtime(&misc.logtimeConsistent);
    touch_logtime(&misc.logtimeAttach);
    touch_lgpos(&misc.lgposAttach);
    touch_logtime(&misc.logtimeDetach);
    touch_lgpos(&misc.lgposDetach);
    touch_signature(&misc.signLog);
    touch_bkinfo(&misc.bkinfoFullPrev);
    touch_bkinfo(&misc.bkinfoIncPrev);
    touch_bkinfo(&misc.bkinfoFullCur);
    misc.fShadowingDisabled = 0;
    misc.fUpgradeDb = 0;
    misc.dwMajorVersion = 10;
    misc.dwMinorVersion = 0;
    misc.dwBuildNumber = 1;
    misc.lSPNumber = 0;
    misc.cbPageSize = 8192;

    JET_SNPROG prog = {sizeof(JET_SNPROG), 1, 2};
    JET_PFNSTATUS pfn = status_callback;
    JET_ERR cb = pfn(JET_sesidNil, JET_snpBackup, JET_sntBegin, &prog);

    JET_SETSYSPARAM_A spa = {JET_paramSystemPath, 0, "/tmp/", JET_errSuccess};
    JET_SETSYSPARAM_W spw = {JET_paramSystemPath, 0, u"/tmp/", JET_errSuccess};
    spa.paramid = spw.paramid = JET_paramLogFilePath;
    spa.lParam = spw.lParam = 1;
    spa.sz = "/var/tmp/";
    spw.sz = u"/var/tmp/";
    spa.err = spw.err = JET_errSuccess;

    JET_LOGINFO_A lia;
    JET_LOGINFO_W liw;
    lia.cbSize = sizeof lia;
    liw.cbSize = sizeof liw;
    lia.ulGenLow = liw.ulGenLow = 1;
    lia.ulGenHigh = liw.ulGenHigh = 2;
    memcpy(lia.szBaseName, "edb", JET_BASE_NAME_LENGTH + 1);
    memcpy(liw.szBaseName, u"edb", sizeof(WCHAR) * (JET_BASE_NAME_LENGTH + 1));

    char name_a[] = "inst", *files_a[] = {name_a}, *display_a[] = {name_a}, *slv_a[] = {NULL};
    WCHAR name_w[] = u"inst", *files_w[] = {name_w}, *display_w[] = {name_w}, *slv_w[] = {NULL};
    JET_INSTANCE_INFO_A iia;
    JET_INSTANCE_INFO_W iiw;
    iia.hInstanceId = iiw.hInstanceId = JET_instanceNil;
    iia.szInstanceName = name_a;
    iiw.szInstanceName = name_w;
    iia.cDatabases = iiw.cDatabases = 1;
    iia.szDatabaseFileName = files_a;
    iiw.szDatabaseFileName = files_w;
    iia.szDatabaseDisplayName = display_a;
    iiw.szDatabaseDisplayName = display_w;
    iia.szDatabaseSLVFileName_Obsolete = slv_a;
    iiw.szDatabaseSLVFileName_Obsolete = slv_w;

    /* The generic (TCHAR-style) typedefs follow JET_UNICODE. */
    JET_SETSYSPARAM sp;
    JET_LOGINFO li;
    JET_INSTANCE_INFO ii;
    sp.paramid = JET_paramTempPath;
    sp.sz = HU_T("/tmp/");
    li.szBaseName[0] = HU_T('e');
    ii.szInstanceName = HU_AW(name_a, name_w);

    /* Every handle and scalar typedef. */
    JET_API_PTR ptr = 0;
    JET_HANDLE hf = 0;
    JET_INSTANCE inst = JET_instanceNil;
    JET_SESID sesid = JET_sesidNil;
    JET_TABLEID tableid = ~(JET_TABLEID)0;
    JET_OSSNAPID snapid = 0;
    JET_DBID dbid = JET_dbidNil;
    JET_GRBIT grbit = JET_bitNil;
    JET_SNP snp = JET_snpBackup;
    JET_SNT snt = JET_sntBegin;
    JET_COLUMNID columnid = 0;
    WCHAR wc = u'x';
    char text[] = "x";
    JET_PSTR ps = text;
    JET_PCSTR pcs = "x";
    JET_PWSTR pws = name_w;
    JET_PCWSTR pcws = u"x";

    unsigned long sum = (unsigned long)cb + misc.cbPageSize + (unsigned long)misc.signDb.logtimeCreate.fTimeIsUTC +
                        misc.bkinfoFullCur.bklogtimeMark.fOSSnapshot + (unsigned long)misc.lgposAttach.lGeneration +
                        spa.paramid + (unsigned long)spw.lParam + lia.ulGenHigh + liw.ulGenLow + iia.cDatabases +
                        iiw.cDatabases + sp.paramid + (unsigned long)(li.szBaseName[0] != 0) +
                        (unsigned long)(ii.szInstanceName != NULL) + ptr + hf + inst + sesid + tableid + snapid + dbid +
                        grbit + snp + snt + columnid + wc + (unsigned long)(ps[0] + pcs[0] + pws[0] + pcws[0]);
    return sum;
}

/* ---- Every function called with the documented argument types (compiled, never run) ------------------------ */
static JET_ERR use_calls(void) {
    JET_ERR err = JET_errSuccess;
    JET_INSTANCE inst = 0;
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    JET_HANDLE hf = 0;
    JET_API_PTR lparam = 0;
    unsigned long c = 0, lo = 0, hi = 0, cpg = 0;
    char buf[256];
    WCHAR wbuf[256];
    HU_TCHAR tbuf[256];
    JET_SETSYSPARAM_A spa[1] = {{JET_paramSystemPath, 0, "/tmp/", 0}};
    JET_SETSYSPARAM_W spw[1] = {{JET_paramSystemPath, 0, u"/tmp/", 0}};
    JET_SETSYSPARAM sp[1] = {{JET_paramSystemPath, 0, HU_T("/tmp/"), 0}};
    JET_INSTANCE_INFO_A *iia = NULL;
    JET_INSTANCE_INFO_W *iiw = NULL;
    JET_INSTANCE_INFO *ii = NULL;
    JET_DBINFOMISC misc;
    JET_LOGINFO_A lia;
    JET_LOGINFO_W liw;
    JET_LOGINFO li;

    /* Instances */
    err |= JetCreateInstanceA(&inst, "a");
    err |= JetCreateInstanceW(&inst, u"w");
    err |= JetCreateInstance(&inst, HU_T("t"));
    err |= JetCreateInstance2A(&inst, "a", "display", JET_bitNil);
    err |= JetCreateInstance2W(&inst, u"w", u"display", JET_bitNil);
    err |= JetCreateInstance2(&inst, HU_T("t"), HU_T("display"), JET_bitNil);
    err |= JetInit(&inst);
    err |= JetInit2(&inst, JET_bitReplayIgnoreMissingDB);
    err |= JetTerm(inst);
    err |= JetTerm2(inst, JET_bitTermComplete);
    err |= JetStopService();
    err |= JetStopServiceInstance(inst);
    err |= JetStopServiceInstance2(inst, JET_bitStopServiceAll);
    err |= JetStopBackup();
    err |= JetStopBackupInstance(inst);
    err |= JetEnableMultiInstanceA(spa, 1, &c);
    err |= JetEnableMultiInstanceW(spw, 1, &c);
    err |= JetEnableMultiInstance(sp, 1, &c);
    err |= JetGetInstanceInfoA(&c, &iia);
    err |= JetGetInstanceInfoW(&c, &iiw);
    err |= JetGetInstanceInfo(&c, &ii);
    err |= JetFreeBuffer((char *)iia);
    err |= JetFreeBuffer((char *)iiw);
    err |= JetFreeBuffer((char *)ii);
    /* System parameters */
    err |= JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, "/tmp/");
    err |= JetSetSystemParameterW(&inst, JET_sesidNil, JET_paramSystemPath, 0, u"/tmp/");
    err |= JetSetSystemParameter(&inst, JET_sesidNil, JET_paramSystemPath, 0, HU_T("/tmp/"));
    err |= JetGetSystemParameterA(inst, JET_sesidNil, JET_paramSystemPath, &lparam, buf, sizeof buf);
    err |= JetGetSystemParameterW(inst, JET_sesidNil, JET_paramSystemPath, &lparam, wbuf, sizeof wbuf);
    err |= JetGetSystemParameter(inst, JET_sesidNil, JET_paramSystemPath, &lparam, tbuf, sizeof tbuf);
    /* Sessions and transactions */
    err |= JetBeginSessionA(inst, &sesid, "", "");
    err |= JetBeginSessionW(inst, &sesid, u"", u"");
    err |= JetBeginSession(inst, &sesid, HU_T(""), HU_T(""));
    err |= JetBeginTransaction(sesid);
    err |= JetCommitTransaction(sesid, JET_bitCommitLazyFlush);
    err |= JetRollback(sesid, JET_bitRollbackAll);
    err |= JetEndSession(sesid, JET_bitNil);
    /* Databases */
    err |= JetCreateDatabaseA(sesid, "a.edb", NULL, &dbid, JET_bitDbOverwriteExisting);
    err |= JetCreateDatabaseW(sesid, u"w.edb", NULL, &dbid, JET_bitDbRecoveryOff);
    err |= JetCreateDatabase(sesid, HU_T("t.edb"), NULL, &dbid, JET_bitNil);
    err |= JetAttachDatabaseA(sesid, "a.edb", JET_bitDbReadOnly);
    err |= JetAttachDatabaseW(sesid, u"w.edb", JET_bitNil);
    err |= JetAttachDatabase(sesid, HU_T("t.edb"), JET_bitNil);
    err |= JetDetachDatabaseA(sesid, "a.edb");
    err |= JetDetachDatabaseW(sesid, u"w.edb");
    err |= JetDetachDatabase(sesid, HU_T("t.edb"));
    err |= JetDetachDatabase2A(sesid, "a.edb", JET_bitForceDetach);
    err |= JetDetachDatabase2W(sesid, u"w.edb", JET_bitNil);
    err |= JetDetachDatabase2(sesid, NULL, JET_bitNil);
    err |= JetOpenDatabaseA(sesid, "a.edb", "", &dbid, JET_bitDbReadOnly);
    err |= JetOpenDatabaseW(sesid, u"w.edb", u"", &dbid, JET_bitNil);
    err |= JetOpenDatabase(sesid, HU_T("t.edb"), HU_T(""), &dbid, JET_bitNil);
    err |= JetCloseDatabase(sesid, dbid, JET_bitNil);
    err |= JetSetDatabaseSizeA(sesid, "a.edb", 256, &cpg);
    err |= JetSetDatabaseSizeW(sesid, u"w.edb", 256, &cpg);
    err |= JetSetDatabaseSize(sesid, HU_T("t.edb"), 256, &cpg);
    err |= JetGrowDatabase(sesid, dbid, 16, &cpg);
    err |= JetGetDatabaseFileInfoA("a.edb", &misc, sizeof misc, JET_DbInfoMisc);
    err |= JetGetDatabaseFileInfoW(u"w.edb", &cpg, sizeof cpg, JET_DbInfoPageSize);
    err |= JetGetDatabaseFileInfo(HU_T("t.edb"), &lo, sizeof lo, JET_DbInfoFilesize);
    /* Streaming backup */
    err |= JetBeginExternalBackup(JET_bitBackupAtomic);
    err |= JetBeginExternalBackupInstance(inst, JET_bitBackupIncremental);
    err |= JetGetAttachInfoA(buf, sizeof buf, &c);
    err |= JetGetAttachInfoW(wbuf, sizeof wbuf, &c);
    err |= JetGetAttachInfo(tbuf, sizeof tbuf, &c);
    err |= JetGetAttachInfoInstanceA(inst, buf, sizeof buf, &c);
    err |= JetGetAttachInfoInstanceW(inst, wbuf, sizeof wbuf, &c);
    err |= JetGetAttachInfoInstance(inst, tbuf, sizeof tbuf, &c);
    err |= JetOpenFileA("a.edb", &hf, &lo, &hi);
    err |= JetOpenFileW(u"w.edb", &hf, &lo, &hi);
    err |= JetOpenFile(HU_T("t.edb"), &hf, &lo, &hi);
    err |= JetOpenFileInstanceA(inst, "a.edb", &hf, &lo, &hi);
    err |= JetOpenFileInstanceW(inst, u"w.edb", &hf, &lo, &hi);
    err |= JetOpenFileInstance(inst, HU_T("t.edb"), &hf, &lo, &hi);
    err |= JetReadFile(hf, buf, sizeof buf, &c);
    err |= JetReadFileInstance(inst, hf, buf, sizeof buf, &c);
    err |= JetCloseFile(hf);
    err |= JetCloseFileInstance(inst, hf);
    err |= JetGetLogInfoA(buf, sizeof buf, &c);
    err |= JetGetLogInfoW(wbuf, sizeof wbuf, &c);
    err |= JetGetLogInfo(tbuf, sizeof tbuf, &c);
    err |= JetGetLogInfoInstanceA(inst, buf, sizeof buf, &c);
    err |= JetGetLogInfoInstanceW(inst, wbuf, sizeof wbuf, &c);
    err |= JetGetLogInfoInstance(inst, tbuf, sizeof tbuf, &c);
    err |= JetGetLogInfoInstance2A(inst, buf, sizeof buf, &c, &lia);
    err |= JetGetLogInfoInstance2W(inst, wbuf, sizeof wbuf, &c, &liw);
    err |= JetGetLogInfoInstance2(inst, tbuf, sizeof tbuf, &c, &li);
    err |= JetGetTruncateLogInfoInstanceA(inst, buf, sizeof buf, &c);
    err |= JetGetTruncateLogInfoInstanceW(inst, wbuf, sizeof wbuf, &c);
    err |= JetGetTruncateLogInfoInstance(inst, tbuf, sizeof tbuf, &c);
    err |= JetTruncateLog();
    err |= JetTruncateLogInstance(inst);
    err |= JetEndExternalBackup();
    err |= JetEndExternalBackupInstance(inst);
    err |= JetEndExternalBackupInstance2(inst, JET_bitBackupEndNormal);
    JET_OSSNAPID snap = 0;
    err |= JetOSSnapshotPrepare(&snap, JET_bitIncrementalSnapshot | JET_bitCopySnapshot);
    err |= JetOSSnapshotPrepareInstance(snap, inst, 0);
    err |= JetOSSnapshotFreezeA(snap, &c, &iia, 0);
    err |= JetOSSnapshotFreezeW(snap, &c, &iiw, 0);
    err |= JetOSSnapshotFreeze(snap, &c, &ii, 0);
    err |= JetOSSnapshotGetFreezeInfoA(snap, &c, &iia, 0);
    err |= JetOSSnapshotGetFreezeInfoW(snap, &c, &iiw, 0);
    err |= JetOSSnapshotGetFreezeInfo(snap, &c, &ii, 0);
    err |= JetOSSnapshotThaw(snap, 0);
    err |= JetOSSnapshotTruncateLog(snap, JET_bitAllDatabasesSnapshot);
    err |= JetOSSnapshotTruncateLogInstance(snap, inst, 0);
    err |= JetOSSnapshotEnd(snap, JET_bitAbortSnapshot);
    err |= JetOSSnapshotAbort(snap, 0);
    err |= JetBackupA("a", JET_bitBackupAtomic, status_callback);
    err |= JetBackupW(u"w", JET_bitBackupIncremental, NULL);
    err |= JetBackup(HU_T("t"), 0, status_callback);
    err |= JetBackupInstanceA(inst, "a", JET_bitBackupAtomic, status_callback);
    err |= JetBackupInstanceW(inst, u"w", JET_bitBackupIncremental, NULL);
    err |= JetBackupInstance(inst, HU_T("t"), 0, status_callback);
    err |= JetRestoreA("a", status_callback);
    err |= JetRestoreW(u"w", NULL);
    err |= JetRestore(HU_T("t"), status_callback);
    err |= JetRestore2A("a", "b", status_callback);
    err |= JetRestore2W(u"w", u"x", NULL);
    err |= JetRestore2(HU_T("t"), HU_T("u"), status_callback);
    err |= JetRestoreInstanceA(inst, "a", NULL, status_callback);
    err |= JetRestoreInstanceW(inst, u"w", u"x", NULL);
    err |= JetRestoreInstance(inst, HU_T("t"), NULL, status_callback);
    {
        char a1[] = "a", a2[] = "b";
        WCHAR w1[] = u"a", w2[] = u"b";
        HU_TCHAR t1[] = HU_T("a"), t2[] = HU_T("b");
        JET_RSTMAP_A ma = {a1, a2};
        JET_RSTMAP_W mw = {w1, w2};
        JET_RSTMAP mt = {t1, t2};
        JET_RSTINFO_A ria;
        JET_RSTINFO_W riw;
        JET_RSTINFO ri;
        memset(&ria, 0, sizeof ria);
        memset(&riw, 0, sizeof riw);
        memset(&ri, 0, sizeof ri);
        ria.cbStruct = sizeof ria;
        ria.rgrstmap = &ma;
        ria.crstmap = 1;
        touch_lgpos(&ria.lgposStop);
        touch_logtime(&ria.logtimeStop);
        ria.pfnStatus = status_callback;
        riw.cbStruct = sizeof riw;
        riw.rgrstmap = &mw;
        riw.crstmap = 1;
        riw.pfnStatus = NULL;
        ri.cbStruct = sizeof ri;
        ri.rgrstmap = &mt;
        ri.crstmap = 1;
        err |= JetInit3A(&inst, &ria, 0);
        err |= JetInit3W(&inst, &riw, 0);
        err |= JetInit3(&inst, &ri, 0);
        err |= JetExternalRestoreA(a1, a1, &ma, 1, a2, 1, 2, status_callback);
        err |= JetExternalRestoreW(w1, w1, &mw, 1, w2, 1, 2, NULL);
        err |= JetExternalRestore(t1, t1, &mt, 1, t2, 1, 2, NULL);
        err |= JetExternalRestore2A(a1, a1, &ma, 1, a2, &lia, a1, NULL, NULL, status_callback);
        err |= JetExternalRestore2W(w1, w1, &mw, 1, w2, &liw, NULL, w1, w2, NULL);
        err |= JetExternalRestore2(t1, t1, &mt, 1, t2, &li, NULL, NULL, NULL, NULL);
        err |= (long)(ma.szDatabaseName != NULL) + (long)(mw.szNewDatabaseName != NULL);
    }
    return err;
}

static unsigned long touch_isam_structs(void) {
    unsigned long sum = 0;
    char name_a[] = "n";
    WCHAR name_w[] = u"n";
    JET_COLUMNDEF s_jet_columndef;
    memset(&s_jet_columndef, 0, sizeof s_jet_columndef);
    s_jet_columndef.cbStruct = sizeof s_jet_columndef;
    s_jet_columndef.columnid = 1;
    s_jet_columndef.coltyp = 1;
    s_jet_columndef.wCountry = 1;
    s_jet_columndef.langid = 1;
    s_jet_columndef.cp = 1;
    s_jet_columndef.wCollate = 1;
    s_jet_columndef.cbMax = 1;
    s_jet_columndef.grbit = 1;
    sum += (unsigned long)sizeof s_jet_columndef + (unsigned long)(s_jet_columndef.cbStruct != 0);
    JET_COLUMNBASE_A s_jet_columnbase_a;
    memset(&s_jet_columnbase_a, 0, sizeof s_jet_columnbase_a);
    s_jet_columnbase_a.cbStruct = sizeof s_jet_columnbase_a;
    s_jet_columnbase_a.columnid = 1;
    s_jet_columnbase_a.coltyp = 1;
    s_jet_columnbase_a.wCountry = 1;
    s_jet_columnbase_a.langid = 1;
    s_jet_columnbase_a.cp = 1;
    s_jet_columnbase_a.wFiller = 1;
    s_jet_columnbase_a.cbMax = 1;
    s_jet_columnbase_a.grbit = 1;
    s_jet_columnbase_a.szBaseTableName[0] = 'x';
    s_jet_columnbase_a.szBaseColumnName[0] = 'x';
    sum += (unsigned long)sizeof s_jet_columnbase_a + (unsigned long)(s_jet_columnbase_a.cbStruct != 0);
    JET_COLUMNBASE_W s_jet_columnbase_w;
    memset(&s_jet_columnbase_w, 0, sizeof s_jet_columnbase_w);
    s_jet_columnbase_w.cbStruct = sizeof s_jet_columnbase_w;
    s_jet_columnbase_w.columnid = 1;
    s_jet_columnbase_w.coltyp = 1;
    s_jet_columnbase_w.wCountry = 1;
    s_jet_columnbase_w.langid = 1;
    s_jet_columnbase_w.cp = 1;
    s_jet_columnbase_w.wFiller = 1;
    s_jet_columnbase_w.cbMax = 1;
    s_jet_columnbase_w.grbit = 1;
    s_jet_columnbase_w.szBaseTableName[0] = u'x';
    s_jet_columnbase_w.szBaseColumnName[0] = u'x';
    sum += (unsigned long)sizeof s_jet_columnbase_w + (unsigned long)(s_jet_columnbase_w.cbStruct != 0);
    JET_COLUMNCREATE_A s_jet_columncreate_a;
    memset(&s_jet_columncreate_a, 0, sizeof s_jet_columncreate_a);
    s_jet_columncreate_a.cbStruct = sizeof s_jet_columncreate_a;
    s_jet_columncreate_a.szColumnName = name_a;
    s_jet_columncreate_a.coltyp = 1;
    s_jet_columncreate_a.cbMax = 1;
    s_jet_columncreate_a.grbit = 1;
    s_jet_columncreate_a.pvDefault = NULL;
    s_jet_columncreate_a.cbDefault = 1;
    s_jet_columncreate_a.cp = 1;
    s_jet_columncreate_a.columnid = 1;
    s_jet_columncreate_a.err = JET_errSuccess;
    sum += (unsigned long)sizeof s_jet_columncreate_a + (unsigned long)(s_jet_columncreate_a.cbStruct != 0);
    JET_COLUMNCREATE_W s_jet_columncreate_w;
    memset(&s_jet_columncreate_w, 0, sizeof s_jet_columncreate_w);
    s_jet_columncreate_w.cbStruct = sizeof s_jet_columncreate_w;
    s_jet_columncreate_w.szColumnName = name_w;
    s_jet_columncreate_w.coltyp = 1;
    s_jet_columncreate_w.cbMax = 1;
    s_jet_columncreate_w.grbit = 1;
    s_jet_columncreate_w.pvDefault = NULL;
    s_jet_columncreate_w.cbDefault = 1;
    s_jet_columncreate_w.cp = 1;
    s_jet_columncreate_w.columnid = 1;
    s_jet_columncreate_w.err = JET_errSuccess;
    sum += (unsigned long)sizeof s_jet_columncreate_w + (unsigned long)(s_jet_columncreate_w.cbStruct != 0);
    JET_CONDITIONALCOLUMN_A s_jet_conditionalcolumn_a;
    memset(&s_jet_conditionalcolumn_a, 0, sizeof s_jet_conditionalcolumn_a);
    s_jet_conditionalcolumn_a.cbStruct = sizeof s_jet_conditionalcolumn_a;
    s_jet_conditionalcolumn_a.szColumnName = name_a;
    s_jet_conditionalcolumn_a.grbit = 1;
    sum += (unsigned long)sizeof s_jet_conditionalcolumn_a + (unsigned long)(s_jet_conditionalcolumn_a.cbStruct != 0);
    JET_CONDITIONALCOLUMN_W s_jet_conditionalcolumn_w;
    memset(&s_jet_conditionalcolumn_w, 0, sizeof s_jet_conditionalcolumn_w);
    s_jet_conditionalcolumn_w.cbStruct = sizeof s_jet_conditionalcolumn_w;
    s_jet_conditionalcolumn_w.szColumnName = name_w;
    s_jet_conditionalcolumn_w.grbit = 1;
    sum += (unsigned long)sizeof s_jet_conditionalcolumn_w + (unsigned long)(s_jet_conditionalcolumn_w.cbStruct != 0);
    JET_UNICODEINDEX s_jet_unicodeindex;
    memset(&s_jet_unicodeindex, 0, sizeof s_jet_unicodeindex);
    s_jet_unicodeindex.lcid = 1;
    s_jet_unicodeindex.dwMapFlags = 1;
    sum += (unsigned long)sizeof s_jet_unicodeindex + (unsigned long)(s_jet_unicodeindex.lcid != 0);
    JET_UNICODEINDEX2 s_jet_unicodeindex2;
    memset(&s_jet_unicodeindex2, 0, sizeof s_jet_unicodeindex2);
    s_jet_unicodeindex2.szLocaleName = name_w;
    s_jet_unicodeindex2.dwMapFlags = 1;
    sum += (unsigned long)sizeof s_jet_unicodeindex2 + (unsigned long)(s_jet_unicodeindex2.szLocaleName != 0);
    JET_TUPLELIMITS s_jet_tuplelimits;
    memset(&s_jet_tuplelimits, 0, sizeof s_jet_tuplelimits);
    s_jet_tuplelimits.chLengthMin = 1;
    s_jet_tuplelimits.chLengthMax = 1;
    s_jet_tuplelimits.chToIndexMax = 1;
    s_jet_tuplelimits.cchIncrement = 1;
    s_jet_tuplelimits.ichStart = 1;
    sum += (unsigned long)sizeof s_jet_tuplelimits + (unsigned long)(s_jet_tuplelimits.chLengthMin != 0);
    JET_SPACEHINTS s_jet_spacehints;
    memset(&s_jet_spacehints, 0, sizeof s_jet_spacehints);
    s_jet_spacehints.cbStruct = sizeof s_jet_spacehints;
    s_jet_spacehints.ulInitialDensity = 1;
    s_jet_spacehints.cbInitial = 1;
    s_jet_spacehints.grbit = 1;
    s_jet_spacehints.ulMaintDensity = 1;
    s_jet_spacehints.ulGrowth = 1;
    s_jet_spacehints.cbMinExtent = 1;
    s_jet_spacehints.cbMaxExtent = 1;
    sum += (unsigned long)sizeof s_jet_spacehints + (unsigned long)(s_jet_spacehints.cbStruct != 0);
    JET_INDEXCREATE_A s_jet_indexcreate_a;
    memset(&s_jet_indexcreate_a, 0, sizeof s_jet_indexcreate_a);
    s_jet_indexcreate_a.cbStruct = sizeof s_jet_indexcreate_a;
    s_jet_indexcreate_a.szIndexName = name_a;
    s_jet_indexcreate_a.szKey = name_a;
    s_jet_indexcreate_a.cbKey = 1;
    s_jet_indexcreate_a.grbit = 1;
    s_jet_indexcreate_a.ulDensity = 1;
    s_jet_indexcreate_a.lcid = 1;
    s_jet_indexcreate_a.pidxunicode = NULL;
    s_jet_indexcreate_a.cbVarSegMac = 1;
    s_jet_indexcreate_a.ptuplelimits = NULL;
    s_jet_indexcreate_a.rgconditionalcolumn = NULL;
    s_jet_indexcreate_a.cConditionalColumn = 1;
    s_jet_indexcreate_a.err = JET_errSuccess;
    s_jet_indexcreate_a.cbKeyMost = 1;
    sum += (unsigned long)sizeof s_jet_indexcreate_a + (unsigned long)(s_jet_indexcreate_a.cbStruct != 0);
    JET_INDEXCREATE_W s_jet_indexcreate_w;
    memset(&s_jet_indexcreate_w, 0, sizeof s_jet_indexcreate_w);
    s_jet_indexcreate_w.cbStruct = sizeof s_jet_indexcreate_w;
    s_jet_indexcreate_w.szIndexName = name_w;
    s_jet_indexcreate_w.szKey = name_w;
    s_jet_indexcreate_w.cbKey = 1;
    s_jet_indexcreate_w.grbit = 1;
    s_jet_indexcreate_w.ulDensity = 1;
    s_jet_indexcreate_w.lcid = 1;
    s_jet_indexcreate_w.pidxunicode = NULL;
    s_jet_indexcreate_w.cbVarSegMac = 1;
    s_jet_indexcreate_w.ptuplelimits = NULL;
    s_jet_indexcreate_w.rgconditionalcolumn = NULL;
    s_jet_indexcreate_w.cConditionalColumn = 1;
    s_jet_indexcreate_w.err = JET_errSuccess;
    s_jet_indexcreate_w.cbKeyMost = 1;
    sum += (unsigned long)sizeof s_jet_indexcreate_w + (unsigned long)(s_jet_indexcreate_w.cbStruct != 0);
    JET_INDEXCREATE2_A s_jet_indexcreate2_a;
    memset(&s_jet_indexcreate2_a, 0, sizeof s_jet_indexcreate2_a);
    s_jet_indexcreate2_a.cbStruct = sizeof s_jet_indexcreate2_a;
    s_jet_indexcreate2_a.szIndexName = name_a;
    s_jet_indexcreate2_a.szKey = name_a;
    s_jet_indexcreate2_a.cbKey = 1;
    s_jet_indexcreate2_a.grbit = 1;
    s_jet_indexcreate2_a.ulDensity = 1;
    s_jet_indexcreate2_a.lcid = 1;
    s_jet_indexcreate2_a.pidxunicode = NULL;
    s_jet_indexcreate2_a.cbVarSegMac = 1;
    s_jet_indexcreate2_a.ptuplelimits = NULL;
    s_jet_indexcreate2_a.rgconditionalcolumn = NULL;
    s_jet_indexcreate2_a.cConditionalColumn = 1;
    s_jet_indexcreate2_a.err = JET_errSuccess;
    s_jet_indexcreate2_a.cbKeyMost = 1;
    s_jet_indexcreate2_a.pSpacehints = NULL;
    sum += (unsigned long)sizeof s_jet_indexcreate2_a + (unsigned long)(s_jet_indexcreate2_a.cbStruct != 0);
    JET_INDEXCREATE2_W s_jet_indexcreate2_w;
    memset(&s_jet_indexcreate2_w, 0, sizeof s_jet_indexcreate2_w);
    s_jet_indexcreate2_w.cbStruct = sizeof s_jet_indexcreate2_w;
    s_jet_indexcreate2_w.szIndexName = name_w;
    s_jet_indexcreate2_w.szKey = name_w;
    s_jet_indexcreate2_w.cbKey = 1;
    s_jet_indexcreate2_w.grbit = 1;
    s_jet_indexcreate2_w.ulDensity = 1;
    s_jet_indexcreate2_w.lcid = 1;
    s_jet_indexcreate2_w.pidxunicode = NULL;
    s_jet_indexcreate2_w.cbVarSegMac = 1;
    s_jet_indexcreate2_w.ptuplelimits = NULL;
    s_jet_indexcreate2_w.rgconditionalcolumn = NULL;
    s_jet_indexcreate2_w.cConditionalColumn = 1;
    s_jet_indexcreate2_w.err = JET_errSuccess;
    s_jet_indexcreate2_w.cbKeyMost = 1;
    s_jet_indexcreate2_w.pSpacehints = NULL;
    sum += (unsigned long)sizeof s_jet_indexcreate2_w + (unsigned long)(s_jet_indexcreate2_w.cbStruct != 0);
    JET_INDEXCREATE3_A s_jet_indexcreate3_a;
    memset(&s_jet_indexcreate3_a, 0, sizeof s_jet_indexcreate3_a);
    s_jet_indexcreate3_a.cbStruct = sizeof s_jet_indexcreate3_a;
    s_jet_indexcreate3_a.szIndexName = name_a;
    s_jet_indexcreate3_a.szKey = name_a;
    s_jet_indexcreate3_a.cbKey = 1;
    s_jet_indexcreate3_a.grbit = 1;
    s_jet_indexcreate3_a.ulDensity = 1;
    s_jet_indexcreate3_a.pidxunicode = NULL;
    s_jet_indexcreate3_a.cbVarSegMac = 1;
    s_jet_indexcreate3_a.ptuplelimits = NULL;
    s_jet_indexcreate3_a.rgconditionalcolumn = NULL;
    s_jet_indexcreate3_a.cConditionalColumn = 1;
    s_jet_indexcreate3_a.err = JET_errSuccess;
    s_jet_indexcreate3_a.cbKeyMost = 1;
    s_jet_indexcreate3_a.pSpacehints = NULL;
    sum += (unsigned long)sizeof s_jet_indexcreate3_a + (unsigned long)(s_jet_indexcreate3_a.cbStruct != 0);
    JET_INDEXCREATE3_W s_jet_indexcreate3_w;
    memset(&s_jet_indexcreate3_w, 0, sizeof s_jet_indexcreate3_w);
    s_jet_indexcreate3_w.cbStruct = sizeof s_jet_indexcreate3_w;
    s_jet_indexcreate3_w.szIndexName = name_w;
    s_jet_indexcreate3_w.szKey = name_w;
    s_jet_indexcreate3_w.cbKey = 1;
    s_jet_indexcreate3_w.grbit = 1;
    s_jet_indexcreate3_w.ulDensity = 1;
    s_jet_indexcreate3_w.pidxunicode = NULL;
    s_jet_indexcreate3_w.cbVarSegMac = 1;
    s_jet_indexcreate3_w.ptuplelimits = NULL;
    s_jet_indexcreate3_w.rgconditionalcolumn = NULL;
    s_jet_indexcreate3_w.cConditionalColumn = 1;
    s_jet_indexcreate3_w.err = JET_errSuccess;
    s_jet_indexcreate3_w.cbKeyMost = 1;
    s_jet_indexcreate3_w.pSpacehints = NULL;
    sum += (unsigned long)sizeof s_jet_indexcreate3_w + (unsigned long)(s_jet_indexcreate3_w.cbStruct != 0);
    JET_TABLECREATE_A s_jet_tablecreate_a;
    memset(&s_jet_tablecreate_a, 0, sizeof s_jet_tablecreate_a);
    s_jet_tablecreate_a.cbStruct = sizeof s_jet_tablecreate_a;
    s_jet_tablecreate_a.szTableName = name_a;
    s_jet_tablecreate_a.szTemplateTableName = name_a;
    s_jet_tablecreate_a.ulPages = 1;
    s_jet_tablecreate_a.ulDensity = 1;
    s_jet_tablecreate_a.rgcolumncreate = NULL;
    s_jet_tablecreate_a.cColumns = 1;
    s_jet_tablecreate_a.rgindexcreate = NULL;
    s_jet_tablecreate_a.cIndexes = 1;
    s_jet_tablecreate_a.grbit = 1;
    s_jet_tablecreate_a.tableid = 1;
    s_jet_tablecreate_a.cCreated = 1;
    sum += (unsigned long)sizeof s_jet_tablecreate_a + (unsigned long)(s_jet_tablecreate_a.cbStruct != 0);
    JET_TABLECREATE_W s_jet_tablecreate_w;
    memset(&s_jet_tablecreate_w, 0, sizeof s_jet_tablecreate_w);
    s_jet_tablecreate_w.cbStruct = sizeof s_jet_tablecreate_w;
    s_jet_tablecreate_w.szTableName = name_w;
    s_jet_tablecreate_w.szTemplateTableName = name_w;
    s_jet_tablecreate_w.ulPages = 1;
    s_jet_tablecreate_w.ulDensity = 1;
    s_jet_tablecreate_w.rgcolumncreate = NULL;
    s_jet_tablecreate_w.cColumns = 1;
    s_jet_tablecreate_w.rgindexcreate = NULL;
    s_jet_tablecreate_w.cIndexes = 1;
    s_jet_tablecreate_w.grbit = 1;
    s_jet_tablecreate_w.tableid = 1;
    s_jet_tablecreate_w.cCreated = 1;
    sum += (unsigned long)sizeof s_jet_tablecreate_w + (unsigned long)(s_jet_tablecreate_w.cbStruct != 0);
    JET_TABLECREATE2_A s_jet_tablecreate2_a;
    memset(&s_jet_tablecreate2_a, 0, sizeof s_jet_tablecreate2_a);
    s_jet_tablecreate2_a.cbStruct = sizeof s_jet_tablecreate2_a;
    s_jet_tablecreate2_a.szTableName = name_a;
    s_jet_tablecreate2_a.szTemplateTableName = name_a;
    s_jet_tablecreate2_a.ulPages = 1;
    s_jet_tablecreate2_a.ulDensity = 1;
    s_jet_tablecreate2_a.rgcolumncreate = NULL;
    s_jet_tablecreate2_a.cColumns = 1;
    s_jet_tablecreate2_a.rgindexcreate = NULL;
    s_jet_tablecreate2_a.cIndexes = 1;
    s_jet_tablecreate2_a.szCallback = name_a;
    s_jet_tablecreate2_a.cbtyp = 1;
    s_jet_tablecreate2_a.grbit = 1;
    s_jet_tablecreate2_a.tableid = 1;
    s_jet_tablecreate2_a.cCreated = 1;
    sum += (unsigned long)sizeof s_jet_tablecreate2_a + (unsigned long)(s_jet_tablecreate2_a.cbStruct != 0);
    JET_TABLECREATE2_W s_jet_tablecreate2_w;
    memset(&s_jet_tablecreate2_w, 0, sizeof s_jet_tablecreate2_w);
    s_jet_tablecreate2_w.cbStruct = sizeof s_jet_tablecreate2_w;
    s_jet_tablecreate2_w.szTableName = name_w;
    s_jet_tablecreate2_w.szTemplateTableName = name_w;
    s_jet_tablecreate2_w.ulPages = 1;
    s_jet_tablecreate2_w.ulDensity = 1;
    s_jet_tablecreate2_w.rgcolumncreate = NULL;
    s_jet_tablecreate2_w.cColumns = 1;
    s_jet_tablecreate2_w.rgindexcreate = NULL;
    s_jet_tablecreate2_w.cIndexes = 1;
    s_jet_tablecreate2_w.szCallback = name_w;
    s_jet_tablecreate2_w.cbtyp = 1;
    s_jet_tablecreate2_w.grbit = 1;
    s_jet_tablecreate2_w.tableid = 1;
    s_jet_tablecreate2_w.cCreated = 1;
    sum += (unsigned long)sizeof s_jet_tablecreate2_w + (unsigned long)(s_jet_tablecreate2_w.cbStruct != 0);
    JET_TABLECREATE3_A s_jet_tablecreate3_a;
    memset(&s_jet_tablecreate3_a, 0, sizeof s_jet_tablecreate3_a);
    s_jet_tablecreate3_a.cbStruct = sizeof s_jet_tablecreate3_a;
    s_jet_tablecreate3_a.szTableName = name_a;
    s_jet_tablecreate3_a.szTemplateTableName = name_a;
    s_jet_tablecreate3_a.ulPages = 1;
    s_jet_tablecreate3_a.ulDensity = 1;
    s_jet_tablecreate3_a.rgcolumncreate = NULL;
    s_jet_tablecreate3_a.cColumns = 1;
    s_jet_tablecreate3_a.rgindexcreate = NULL;
    s_jet_tablecreate3_a.cIndexes = 1;
    s_jet_tablecreate3_a.szCallback = name_a;
    s_jet_tablecreate3_a.cbtyp = 1;
    s_jet_tablecreate3_a.grbit = 1;
    s_jet_tablecreate3_a.pSeqSpacehints = NULL;
    s_jet_tablecreate3_a.pLVSpacehints = NULL;
    s_jet_tablecreate3_a.cbSeparateLV = 1;
    s_jet_tablecreate3_a.tableid = 1;
    s_jet_tablecreate3_a.cCreated = 1;
    sum += (unsigned long)sizeof s_jet_tablecreate3_a + (unsigned long)(s_jet_tablecreate3_a.cbStruct != 0);
    JET_TABLECREATE3_W s_jet_tablecreate3_w;
    memset(&s_jet_tablecreate3_w, 0, sizeof s_jet_tablecreate3_w);
    s_jet_tablecreate3_w.cbStruct = sizeof s_jet_tablecreate3_w;
    s_jet_tablecreate3_w.szTableName = name_w;
    s_jet_tablecreate3_w.szTemplateTableName = name_w;
    s_jet_tablecreate3_w.ulPages = 1;
    s_jet_tablecreate3_w.ulDensity = 1;
    s_jet_tablecreate3_w.rgcolumncreate = NULL;
    s_jet_tablecreate3_w.cColumns = 1;
    s_jet_tablecreate3_w.rgindexcreate = NULL;
    s_jet_tablecreate3_w.cIndexes = 1;
    s_jet_tablecreate3_w.szCallback = name_w;
    s_jet_tablecreate3_w.cbtyp = 1;
    s_jet_tablecreate3_w.grbit = 1;
    s_jet_tablecreate3_w.pSeqSpacehints = NULL;
    s_jet_tablecreate3_w.pLVSpacehints = NULL;
    s_jet_tablecreate3_w.cbSeparateLV = 1;
    s_jet_tablecreate3_w.tableid = 1;
    s_jet_tablecreate3_w.cCreated = 1;
    sum += (unsigned long)sizeof s_jet_tablecreate3_w + (unsigned long)(s_jet_tablecreate3_w.cbStruct != 0);
    JET_SETCOLUMN s_jet_setcolumn;
    memset(&s_jet_setcolumn, 0, sizeof s_jet_setcolumn);
    s_jet_setcolumn.columnid = 1;
    s_jet_setcolumn.pvData = NULL;
    s_jet_setcolumn.cbData = 1;
    s_jet_setcolumn.grbit = 1;
    s_jet_setcolumn.ibLongValue = 1;
    s_jet_setcolumn.itagSequence = 1;
    s_jet_setcolumn.err = JET_errSuccess;
    sum += (unsigned long)sizeof s_jet_setcolumn + (unsigned long)(s_jet_setcolumn.columnid != 0);
    JET_RETRIEVECOLUMN s_jet_retrievecolumn;
    memset(&s_jet_retrievecolumn, 0, sizeof s_jet_retrievecolumn);
    s_jet_retrievecolumn.columnid = 1;
    s_jet_retrievecolumn.pvData = NULL;
    s_jet_retrievecolumn.cbData = 1;
    s_jet_retrievecolumn.cbActual = 1;
    s_jet_retrievecolumn.grbit = 1;
    s_jet_retrievecolumn.ibLongValue = 1;
    s_jet_retrievecolumn.itagSequence = 1;
    s_jet_retrievecolumn.columnidNextTagged = 1;
    s_jet_retrievecolumn.err = JET_errSuccess;
    sum += (unsigned long)sizeof s_jet_retrievecolumn + (unsigned long)(s_jet_retrievecolumn.columnid != 0);
    JET_SETINFO s_jet_setinfo;
    memset(&s_jet_setinfo, 0, sizeof s_jet_setinfo);
    s_jet_setinfo.cbStruct = sizeof s_jet_setinfo;
    s_jet_setinfo.ibLongValue = 1;
    s_jet_setinfo.itagSequence = 1;
    sum += (unsigned long)sizeof s_jet_setinfo + (unsigned long)(s_jet_setinfo.cbStruct != 0);
    JET_RETINFO s_jet_retinfo;
    memset(&s_jet_retinfo, 0, sizeof s_jet_retinfo);
    s_jet_retinfo.cbStruct = sizeof s_jet_retinfo;
    s_jet_retinfo.ibLongValue = 1;
    s_jet_retinfo.itagSequence = 1;
    s_jet_retinfo.columnidNextTagged = 1;
    sum += (unsigned long)sizeof s_jet_retinfo + (unsigned long)(s_jet_retinfo.cbStruct != 0);
    JET_INDEXID s_jet_indexid;
    memset(&s_jet_indexid, 0, sizeof s_jet_indexid);
    s_jet_indexid.cbStruct = sizeof s_jet_indexid;
    s_jet_indexid.rgbIndexId[0] = 1;
    sum += (unsigned long)sizeof s_jet_indexid + (unsigned long)(s_jet_indexid.cbStruct != 0);
    JET_OBJECTINFO s_jet_objectinfo;
    memset(&s_jet_objectinfo, 0, sizeof s_jet_objectinfo);
    s_jet_objectinfo.cbStruct = sizeof s_jet_objectinfo;
    s_jet_objectinfo.objtyp = 1;
    s_jet_objectinfo.dtCreate = 1.5;
    s_jet_objectinfo.dtUpdate = 1.5;
    s_jet_objectinfo.grbit = 1;
    s_jet_objectinfo.flags = 1;
    s_jet_objectinfo.cRecord = 1;
    s_jet_objectinfo.cPage = 1;
    sum += (unsigned long)sizeof s_jet_objectinfo + (unsigned long)(s_jet_objectinfo.cbStruct != 0);
    JET_COLUMNLIST s_jet_columnlist;
    memset(&s_jet_columnlist, 0, sizeof s_jet_columnlist);
    s_jet_columnlist.cbStruct = sizeof s_jet_columnlist;
    s_jet_columnlist.tableid = 1;
    s_jet_columnlist.cRecord = 1;
    s_jet_columnlist.columnidPresentationOrder = 1;
    s_jet_columnlist.columnidcolumnname = 1;
    s_jet_columnlist.columnidcolumnid = 1;
    s_jet_columnlist.columnidcoltyp = 1;
    s_jet_columnlist.columnidCountry = 1;
    s_jet_columnlist.columnidLangid = 1;
    s_jet_columnlist.columnidCp = 1;
    s_jet_columnlist.columnidCollate = 1;
    s_jet_columnlist.columnidcbMax = 1;
    s_jet_columnlist.columnidgrbit = 1;
    s_jet_columnlist.columnidDefault = 1;
    s_jet_columnlist.columnidBaseTableName = 1;
    s_jet_columnlist.columnidBaseColumnName = 1;
    s_jet_columnlist.columnidDefinitionName = 1;
    sum += (unsigned long)sizeof s_jet_columnlist + (unsigned long)(s_jet_columnlist.cbStruct != 0);
    JET_INDEXLIST s_jet_indexlist;
    memset(&s_jet_indexlist, 0, sizeof s_jet_indexlist);
    s_jet_indexlist.cbStruct = sizeof s_jet_indexlist;
    s_jet_indexlist.tableid = 1;
    s_jet_indexlist.cRecord = 1;
    s_jet_indexlist.columnidindexname = 1;
    s_jet_indexlist.columnidgrbitIndex = 1;
    s_jet_indexlist.columnidcKey = 1;
    s_jet_indexlist.columnidcEntry = 1;
    s_jet_indexlist.columnidcPage = 1;
    s_jet_indexlist.columnidcColumn = 1;
    s_jet_indexlist.columnidiColumn = 1;
    s_jet_indexlist.columnidcolumnid = 1;
    s_jet_indexlist.columnidcoltyp = 1;
    s_jet_indexlist.columnidCountry = 1;
    s_jet_indexlist.columnidLangid = 1;
    s_jet_indexlist.columnidCp = 1;
    s_jet_indexlist.columnidCollate = 1;
    s_jet_indexlist.columnidgrbitColumn = 1;
    s_jet_indexlist.columnidcolumnname = 1;
    s_jet_indexlist.columnidLCMapFlags = 1;
    sum += (unsigned long)sizeof s_jet_indexlist + (unsigned long)(s_jet_indexlist.cbStruct != 0);
    /* The generic typedefs follow JET_UNICODE; the scalar types. */
    sum += (unsigned long)sizeof(JET_COLUMNBASE);
    sum += (unsigned long)sizeof(JET_COLUMNCREATE);
    sum += (unsigned long)sizeof(JET_CONDITIONALCOLUMN);
    sum += (unsigned long)sizeof(JET_INDEXCREATE);
    sum += (unsigned long)sizeof(JET_INDEXCREATE2);
    sum += (unsigned long)sizeof(JET_INDEXCREATE3);
    sum += (unsigned long)sizeof(JET_TABLECREATE);
    sum += (unsigned long)sizeof(JET_TABLECREATE2);
    sum += (unsigned long)sizeof(JET_TABLECREATE3);
    JET_TABLECREATE tc;
    memset(&tc, 0, sizeof tc);
    tc.szTableName = HU_AW(name_a, name_w);
    JET_COLTYP coltyp = JET_coltypLong;
    JET_CBTYP cbtyp = 0;
    JET_OBJTYP objtyp = JET_objtypTable;
    JET_DATESERIAL date = 0.5;
    sum += coltyp + cbtyp + objtyp + (unsigned long)(date > 0) + (unsigned long)(tc.szTableName != NULL);
    return sum;
}

static JET_ERR use_isam_calls(void) {
    JET_ERR err = JET_errSuccess;
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    JET_TABLEID tableid = JET_tableidNil;
    JET_COLUMNID columnid = JET_columnidNil;
    unsigned long c = 0;
    char buf[256];
    WCHAR wbuf[256];
    HU_TCHAR tbuf[256];
    static const char key_a[] = "+a\0";
    static const WCHAR key_w[] = u"+a\0";
    JET_COLUMNDEF coldef;
    JET_INDEXID indexid;
    JET_SETINFO setinfo;
    JET_SETCOLUMN setcolumn;
    JET_RETINFO retinfo;
    JET_RETRIEVECOLUMN retrievecolumn;
    JET_TABLECREATE_A tca;
    JET_TABLECREATE_W tcw;
    JET_TABLECREATE2_A tc2a;
    JET_TABLECREATE2_W tc2w;
    JET_TABLECREATE3_A tc3a;
    JET_TABLECREATE3_W tc3w;
    JET_INDEXCREATE_A ica;
    JET_INDEXCREATE_W icw;
    JET_TABLECREATE tc;
    JET_TABLECREATE2 tc2;
    JET_TABLECREATE3 tc3;
    JET_INDEXCREATE ic;
    memset(buf, 0, sizeof buf);
    memset(wbuf, 0, sizeof wbuf);
    memset(tbuf, 0, sizeof tbuf);
    memset(&coldef, 0, sizeof coldef);
    memset(&indexid, 0, sizeof indexid);
    memset(&setinfo, 0, sizeof setinfo);
    memset(&setcolumn, 0, sizeof setcolumn);
    memset(&retinfo, 0, sizeof retinfo);
    memset(&retrievecolumn, 0, sizeof retrievecolumn);
    memset(&tca, 0, sizeof tca);
    memset(&tcw, 0, sizeof tcw);
    memset(&tc2a, 0, sizeof tc2a);
    memset(&tc2w, 0, sizeof tc2w);
    memset(&tc3a, 0, sizeof tc3a);
    memset(&tc3w, 0, sizeof tc3w);
    memset(&ica, 0, sizeof ica);
    memset(&icw, 0, sizeof icw);
    memset(&tc, 0, sizeof tc);
    memset(&tc2, 0, sizeof tc2);
    memset(&tc3, 0, sizeof tc3);
    memset(&ic, 0, sizeof ic);
    err |= JetCreateTableA(sesid, dbid, "a", 0, 0, &tableid);
    err |= JetCreateTableW(sesid, dbid, u"w", 0, 0, &tableid);
    err |= JetCreateTableColumnIndexA(sesid, dbid, &tca);
    err |= JetCreateTableColumnIndexW(sesid, dbid, &tcw);
    err |= JetCreateTableColumnIndex2A(sesid, dbid, &tc2a);
    err |= JetCreateTableColumnIndex2W(sesid, dbid, &tc2w);
    err |= JetCreateTableColumnIndex3A(sesid, dbid, &tc3a);
    err |= JetCreateTableColumnIndex3W(sesid, dbid, &tc3w);
    err |= JetDeleteTableA(sesid, dbid, "a");
    err |= JetDeleteTableW(sesid, dbid, u"w");
    err |= JetOpenTableA(sesid, dbid, "a", buf, 0, JET_bitNil, &tableid);
    err |= JetOpenTableW(sesid, dbid, u"w", buf, 0, JET_bitNil, &tableid);
    err |= JetCloseTable(sesid, tableid);
    err |= JetGetTableInfoA(sesid, tableid, buf, 0, 0);
    err |= JetGetTableInfoW(sesid, tableid, buf, 0, 0);
    err |= JetAddColumnA(sesid, tableid, "a", &coldef, buf, 0, &columnid);
    err |= JetAddColumnW(sesid, tableid, u"w", &coldef, buf, 0, &columnid);
    err |= JetDeleteColumnA(sesid, tableid, "a");
    err |= JetDeleteColumnW(sesid, tableid, u"w");
    err |= JetGetTableColumnInfoA(sesid, tableid, "a", buf, 0, 0);
    err |= JetGetTableColumnInfoW(sesid, tableid, u"w", buf, 0, 0);
    err |= JetGetColumnInfoA(sesid, dbid, "a", "a", buf, 0, 0);
    err |= JetGetColumnInfoW(sesid, dbid, u"w", u"w", buf, 0, 0);
    err |= JetCreateIndexA(sesid, tableid, "a", JET_bitNil, key_a, 0, 0);
    err |= JetCreateIndexW(sesid, tableid, u"w", JET_bitNil, key_w, 0, 0);
    err |= JetCreateIndex2A(sesid, tableid, &ica, 0);
    err |= JetCreateIndex2W(sesid, tableid, &icw, 0);
    err |= JetDeleteIndexA(sesid, tableid, "a");
    err |= JetDeleteIndexW(sesid, tableid, u"w");
    err |= JetGetTableIndexInfoA(sesid, tableid, "a", buf, 0, 0);
    err |= JetGetTableIndexInfoW(sesid, tableid, u"w", buf, 0, 0);
    err |= JetGetIndexInfoA(sesid, dbid, "a", "a", buf, 0, 0);
    err |= JetGetIndexInfoW(sesid, dbid, u"w", u"w", buf, 0, 0);
    err |= JetSetCurrentIndexA(sesid, tableid, "a");
    err |= JetSetCurrentIndexW(sesid, tableid, u"w");
    err |= JetSetCurrentIndex2A(sesid, tableid, "a", JET_bitNil);
    err |= JetSetCurrentIndex2W(sesid, tableid, u"w", JET_bitNil);
    err |= JetSetCurrentIndex3A(sesid, tableid, "a", JET_bitNil, 0);
    err |= JetSetCurrentIndex3W(sesid, tableid, u"w", JET_bitNil, 0);
    err |= JetSetCurrentIndex4A(sesid, tableid, "a", &indexid, JET_bitNil, 0);
    err |= JetSetCurrentIndex4W(sesid, tableid, u"w", &indexid, JET_bitNil, 0);
    err |= JetGetCurrentIndexA(sesid, tableid, buf, 0);
    err |= JetGetCurrentIndexW(sesid, tableid, wbuf, 0);
    err |= JetPrepareUpdate(sesid, tableid, 0);
    err |= JetSetColumn(sesid, tableid, columnid, buf, 0, JET_bitNil, &setinfo);
    err |= JetSetColumns(sesid, tableid, &setcolumn, 0);
    err |= JetUpdate(sesid, tableid, buf, 0, &c);
    err |= JetUpdate2(sesid, tableid, buf, 0, &c, JET_bitNil);
    err |= JetDelete(sesid, tableid);
    err |= JetRetrieveColumn(sesid, tableid, columnid, buf, 0, &c, JET_bitNil, &retinfo);
    err |= JetRetrieveColumns(sesid, tableid, &retrievecolumn, 0);
    err |= JetRetrieveKey(sesid, tableid, buf, 0, &c, JET_bitNil);
    err |= JetMove(sesid, tableid, JET_MoveNext, JET_bitNil);
    err |= JetMakeKey(sesid, tableid, buf, 0, JET_bitNil);
    err |= JetSeek(sesid, tableid, JET_bitNil);
    err |= JetSetIndexRange(sesid, tableid, JET_bitNil);
    err |= JetGetBookmark(sesid, tableid, buf, 0, &c);
    err |= JetGotoBookmark(sesid, tableid, buf, 0);
    err |= JetIndexRecordCount(sesid, tableid, &c, 0);
    err |= JetBeginTransaction2(sesid, JET_bitNil);
    err |= JetCreateTable(sesid, dbid, HU_T("t"), 0, 0, &tableid);
    err |= JetCreateTableColumnIndex(sesid, dbid, &tc);
    err |= JetCreateTableColumnIndex2(sesid, dbid, &tc2);
    err |= JetCreateTableColumnIndex3(sesid, dbid, &tc3);
    err |= JetDeleteTable(sesid, dbid, HU_T("t"));
    err |= JetOpenTable(sesid, dbid, HU_T("t"), buf, 0, JET_bitNil, &tableid);
    err |= JetGetTableInfo(sesid, tableid, buf, 0, 0);
    err |= JetAddColumn(sesid, tableid, HU_T("t"), &coldef, buf, 0, &columnid);
    err |= JetDeleteColumn(sesid, tableid, HU_T("t"));
    err |= JetGetTableColumnInfo(sesid, tableid, HU_T("t"), buf, 0, 0);
    err |= JetGetColumnInfo(sesid, dbid, HU_T("t"), HU_T("t"), buf, 0, 0);
    err |= JetCreateIndex(sesid, tableid, HU_T("t"), JET_bitNil, HU_AW(key_a, key_w), 0, 0);
    err |= JetCreateIndex2(sesid, tableid, &ic, 0);
    err |= JetDeleteIndex(sesid, tableid, HU_T("t"));
    err |= JetGetTableIndexInfo(sesid, tableid, HU_T("t"), buf, 0, 0);
    err |= JetGetIndexInfo(sesid, dbid, HU_T("t"), HU_T("t"), buf, 0, 0);
    err |= JetSetCurrentIndex(sesid, tableid, HU_T("t"));
    err |= JetSetCurrentIndex2(sesid, tableid, HU_T("t"), JET_bitNil);
    err |= JetSetCurrentIndex3(sesid, tableid, HU_T("t"), JET_bitNil, 0);
    err |= JetSetCurrentIndex4(sesid, tableid, HU_T("t"), &indexid, JET_bitNil, 0);
    err |= JetGetCurrentIndex(sesid, tableid, tbuf, 0);
    return err;
}

/* Run (linked against the library): every function pointer resolved, every constant present; use_calls is only
 * compiled, never called, unless a (nonexistent) argument asks for it. */
int main(int argc, char **argv) {
    hu_function fns[320], und[128];
    size_t nfn = use_functions(fns), nund = use_undecorated(und);
    nfn += use_isam_functions(fns + nfn);
    nund += use_isam_undecorated(und + nund);
    size_t missing = 0;
    for (size_t i = 0; i < nfn; i++)
        if (!fns[i].present) printf("header_use: %s is NULL\n", fns[i].name), missing++;
    for (size_t i = 0; i < nund; i++)
        if (!und[i].present) printf("header_use: %s is NULL\n", und[i].name), missing++;
    unsigned long sum = touch_structs() + touch_isam_structs();
    size_t ncon = sizeof constants / sizeof constants[0], nerr = 0;
    for (size_t i = 0; i < ncon; i++)
        if (!strncmp(constants[i].name, "JET_err", 7) && (long long)constants[i].value < 0) nerr++;
    if (argc > 1 && !strcmp(argv[1], "--call-everything-with-junk")) return (int)(use_calls() | use_isam_calls());
    (void)argv;
    printf("header_use: %zu functions and %zu undecorated names resolved, %zu constants (%zu negative JET_err), "
           "structs touched (%lu)\n",
           nfn, nund, ncon, nerr, sum % 10);
    return missing ? 1 : 0;
}
