/* Shared fixtures of the C harness: folders, instances, databases and whole-file backup reads. */
#define _GNU_SOURCE
#include "harness.h"

#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

const char *path_in_dir(const char *name) {
    static char slots[8][PATH_MAX + 512];
    static int next;
    char *slot = slots[next++ % 8];
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) harness_fail(__FILE__, __LINE__, "getcwd failed");
    snprintf(slot, PATH_MAX + 512, "%s/%s", cwd, name);
    return slot;
}

void set_paths(JET_INSTANCE *inst, const char *dir) {
    char folder[PATH_MAX];
    snprintf(folder, sizeof folder, "%s/", dir);
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramCreatePathIfNotExist, 1, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramSystemPath, 0, folder), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramLogFilePath, 0, folder), JET_errSuccess);
    char temp[PATH_MAX + 16];
    snprintf(temp, sizeof temp, "%s/tmp.edb", dir);
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramTempPath, 0, temp), JET_errSuccess);
    /* Small logs keep the scenarios fast; 128 KiB is a multiple of every page size. */
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramLogFileSize, 128, NULL), JET_errSuccess);
}

JET_INSTANCE init_legacy(const char *dir) {
    JET_INSTANCE inst = 0;
    set_paths(NULL, dir);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    return inst;
}

JET_INSTANCE init_named(const char *name, const char *dir) {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, name), JET_errSuccess);
    set_paths(&inst, dir);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    return inst;
}

JET_SESID create_db(JET_INSTANCE inst, const char *path, unsigned long pages, JET_DBID *pdbid) {
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path, NULL, &dbid, 0), JET_errSuccess);
    if (pages) {
        unsigned long real = 0;
        unsigned long current = 0;
        EXPECT_ERR(JetGrowDatabase(sesid, dbid, 0, &current), JET_errSuccess);
        EXPECT_ERR(JetGrowDatabase(sesid, dbid, current + pages, &real), JET_errSuccess);
        EXPECT_EQ_UL(real, current + pages);
    }
    if (pdbid) *pdbid = dbid;
    return sesid;
}

void roll_logs(JET_SESID sesid, int n) {
    for (int i = 0; i < n; i++) EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
}

static void *allocations[1024];
static int allocation_count;

static void free_allocations(void) {
    for (int i = 0; i < allocation_count; i++) free(allocations[i]);
}

static void *remember(void *p) {
    if (!p) harness_fail(__FILE__, __LINE__, "out of memory");
    if (allocation_count == 0) atexit(free_allocations);
    if (allocation_count < 1024) allocations[allocation_count++] = p;
    return p;
}

void *aligned_buffer(size_t cb) {
    void *p = NULL;
    if (posix_memalign(&p, 4096, cb ? cb : 4096) != 0) p = NULL;
    return remember(p);
}

long long file_size(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

JET_ERR stream_file(JET_INSTANCE inst, const char *path, unsigned long cbChunk, unsigned char **out, size_t *pcb) {
    JET_HANDLE h = 99;
    unsigned long lo = 0, hi = 0;
    JET_ERR err = JetOpenFileInstanceA(inst, path, &h, &lo, &hi);
    if (err != JET_errSuccess) return err;
    size_t total = ((size_t)hi << 32) | lo;
    unsigned char *buf = aligned_buffer(cbChunk);
    unsigned char *all = out ? malloc(total ? total : 1) : NULL;
    size_t got = 0;
    for (;;) {
        unsigned long n = 0;
        err = JetReadFileInstance(inst, h, buf, cbChunk, &n);
        if (err != JET_errSuccess) {
            free(all);
            return err;
        }
        if (n == 0) break;
        if (all && got + n <= total) memcpy(all + got, buf, n);
        got += n;
    }
    err = JetCloseFileInstance(inst, h);
    if (out) *out = remember(all);
    else free(all);
    if (pcb) *pcb = got;
    return err;
}

WCHAR *utf16(const char *s) {
    size_t n = strlen(s);
    WCHAR *w = remember(calloc(n + 1, sizeof(WCHAR)));
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        int len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c >> 5) == 6) { cp = c & 0x1f; len = 2; }
        else if ((c >> 4) == 14) { cp = c & 0x0f; len = 3; }
        else { cp = c & 0x07; len = 4; }
        for (int k = 1; k < len; k++) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3f);
        i += (size_t)len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            w[o++] = (WCHAR)(0xD800 + (cp >> 10));
            w[o++] = (WCHAR)(0xDC00 + (cp & 0x3ff));
        } else {
            w[o++] = (WCHAR)cp;
        }
    }
    w[o] = 0;
    return w;
}

size_t multistring_count(const char *szz, size_t *pcbTotal) {
    size_t count = 0;
    const char *p = szz;
    while (*p) {
        count++;
        p += strlen(p) + 1;
    }
    if (pcbTotal) *pcbTotal = (size_t)(p - szz) + 1;
    return count;
}
