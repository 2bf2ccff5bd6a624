/* Shared fixtures of the streaming-backup scenarios: see backup_fixtures.h. */
#define _GNU_SOURCE
#include "backup_fixtures.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Setup ------------------------------------------------------------------------------------------ */

void bk_join(char *out, size_t cbOut, const char *dir, const char *name) {
    size_t a = strlen(dir), b = strlen(name);
    if (a + 1 + b + 1 > cbOut) harness_fail(__FILE__, __LINE__, "path too long: %s/%s", dir, name);
    memcpy(out, dir, a);
    out[a] = '/';
    memcpy(out + a + 1, name, b + 1);
}

void bk_setup_with(bk_env *env, const char *name, const char *folder, const char *dbname, unsigned long pages,
                   int rolls, long paramid, JET_API_PTR lParam, const char *sz) {
    memset(env, 0, sizeof *env);
    snprintf(env->dir, sizeof env->dir, "%s", path_in_dir(folder));
    if (dbname) bk_join(env->db, sizeof env->db, env->dir, dbname);
    if (name) {
        EXPECT_ERR(JetCreateInstanceA(&env->inst, name), JET_errSuccess);
        set_paths(&env->inst, env->dir);
        if (paramid >= 0)
            EXPECT_ERR(JetSetSystemParameterA(&env->inst, 0, (unsigned long)paramid, lParam, sz), JET_errSuccess);
    } else {
        env->legacy = 1;
        set_paths(NULL, env->dir);
        if (paramid >= 0)
            EXPECT_ERR(JetSetSystemParameterA(NULL, 0, (unsigned long)paramid, lParam, sz), JET_errSuccess);
    }
    EXPECT_ERR(JetInit(&env->inst), JET_errSuccess);
    if (dbname) {
        env->sesid = create_db(env->inst, env->db, pages, &env->dbid);
    } else {
        EXPECT_ERR(JetBeginSessionA(env->inst, &env->sesid, "", ""), JET_errSuccess);
    }
    roll_logs(env->sesid, rolls);
}

void bk_setup(bk_env *env) { bk_setup_with(env, "backup", "inst", "data.edb", BK_DB_PAGES, 2, -1, 0, NULL); }

void bk_setup_legacy(bk_env *env) { bk_setup_with(env, NULL, "inst", "data.edb", BK_DB_PAGES, 2, -1, 0, NULL); }

void bk_term(bk_env *env) { EXPECT_ERR(JetTerm(env->inst), JET_errSuccess); }

/* ---- Files ------------------------------------------------------------------------------------------ */

const char *bk_log_path(const bk_env *env, long gen) {
    static char slots[8][BK_PATH + 32];
    static int next;
    char *slot = slots[next++ % 8];
    if (gen <= 0xFFFFF) snprintf(slot, BK_PATH + 32, "%s/edb%05lX.log", env->dir, gen);
    else snprintf(slot, BK_PATH + 32, "%s/edb%08lX.log", env->dir, gen);
    return slot;
}

const char *bk_current_log_path(const bk_env *env) {
    static char path[BK_PATH + 16];
    snprintf(path, sizeof path, "%s/edb.log", env->dir);
    return path;
}

static int compare_long(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

int bk_archived(const bk_env *env, long *gens, int max) {
    DIR *d = opendir(env->dir);
    if (!d) harness_fail(__FILE__, __LINE__, "cannot list %s", env->dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *s = e->d_name;
        size_t len = strlen(s);
        if (len != 12 && len != 15) continue; /* edb + 5 or 8 hex digits + .log */
        if (strncmp(s, "edb", 3) != 0 || strcmp(s + len - 4, ".log") != 0) continue;
        int ok = 1;
        long gen = 0;
        for (size_t i = 3; i < len - 4; i++) {
            unsigned char c = (unsigned char)s[i];
            if (!isxdigit(c)) ok = 0;
            else gen = gen * 16 + (isdigit(c) ? c - '0' : toupper(c) - 'A' + 10);
        }
        if (!ok) continue;
        if (n < max) gens[n] = gen;
        n++;
    }
    closedir(d);
    if (n > max) n = max;
    qsort(gens, (size_t)n, sizeof *gens, compare_long);
    return n;
}

long bk_current_gen(const bk_env *env) {
    long gens[4096];
    int n = bk_archived(env, gens, 4096);
    return n ? gens[n - 1] + 1 : 1;
}

unsigned char *bk_slurp(const char *path, size_t *pcb) {
    FILE *f = fopen(path, "rb");
    if (!f) harness_fail(__FILE__, __LINE__, "cannot open %s: %s", path, strerror(errno));
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = aligned_buffer(size > 0 ? (size_t)size : 1);
    if (size > 0 && fread(p, 1, (size_t)size, f) != (size_t)size)
        harness_fail(__FILE__, __LINE__, "cannot read %s", path);
    fclose(f);
    if (pcb) *pcb = (size_t)size;
    return p;
}

void bk_write_file(const char *path, const unsigned char *p, size_t cb) {
    FILE *f = fopen(path, "wb");
    EXPECT(f != NULL);
    EXPECT(cb == 0 || fwrite(p, 1, cb, f) == cb);
    EXPECT(fclose(f) == 0);
}

const char *bk_base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

void bk_patch(const char *path, long long offset, const void *p, size_t cb) {
    int fd = open(path, O_WRONLY);
    if (fd < 0) harness_fail(__FILE__, __LINE__, "cannot open %s: %s", path, strerror(errno));
    if (pwrite(fd, p, cb, (off_t)offset) != (ssize_t)cb) harness_fail(__FILE__, __LINE__, "cannot write %s", path);
    fsync(fd);
    close(fd);
}

void bk_flip(const char *path, long long offset) {
    int fd = open(path, O_RDONLY);
    unsigned char b = 0;
    if (fd < 0 || pread(fd, &b, 1, (off_t)offset) != 1)
        harness_fail(__FILE__, __LINE__, "cannot read byte %lld of %s", offset, path);
    close(fd);
    b ^= 0xFF;
    bk_patch(path, offset, &b, 1);
}

long long bk_log_data_offset(const char *path) {
    /* The log header takes the first 4096-byte segment; each following segment starts with a small header of
     * its own (checksum, index, bytes used) and then carries records. A written byte a little past the start of
     * segment 1 is record data, covered by the segment's and the record's checksums; failing that, any written
     * byte past the file header. */
    size_t cb = 0;
    unsigned char *p = bk_slurp(path, &cb);
    for (size_t i = 4096 + 64; i < cb && i < 2 * 4096; i++)
        if (p[i]) return (long long)i;
    for (size_t i = 4096; i < cb; i++)
        if (p[i]) return (long long)i;
    harness_fail(__FILE__, __LINE__, "%s has no written byte past its 4096-byte header", path);
}

unsigned long bk_pgno_last(const char *db) {
    long long size = file_size(db);
    if (size < (long long)(3 * BK_PAGE)) harness_fail(__FILE__, __LINE__, "%s is %lld bytes", db, size);
    return (unsigned long)(size / (long long)BK_PAGE) - 2;
}

/* ---- Multi-strings ---------------------------------------------------------------------------------- */

void bk_split(const char *szz, bk_list *out) {
    out->n = 0;
    for (const char *p = szz; *p; p += strlen(p) + 1) {
        if (out->n == BK_MAX_NAMES) harness_fail(__FILE__, __LINE__, "more than %d names", BK_MAX_NAMES);
        snprintf(out->name[out->n++], BK_PATH, "%s", p);
    }
}

static size_t utf8_put(char *o, uint32_t cp) {
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static void utf16_to_utf8(const WCHAR *w, size_t n, char *out, size_t cbOut) {
    size_t o = 0;
    for (size_t i = 0; i < n && o + 5 < cbOut; i++) {
        uint32_t cp = w[i];
        if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n && w[i + 1] >= 0xDC00 && w[i + 1] < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (w[i + 1] - 0xDC00);
            i++;
        }
        o += utf8_put(out + o, cp);
    }
    out[o] = 0;
}

size_t bk_wcslen(const WCHAR *w) {
    size_t n = 0;
    while (w[n]) n++;
    return n;
}

void bk_split_w(const WCHAR *wszz, size_t cb, bk_list *out) {
    size_t cch = cb / sizeof(WCHAR);
    out->n = 0;
    size_t i = 0;
    while (i < cch && wszz[i]) {
        size_t len = 0;
        while (i + len < cch && wszz[i + len]) len++;
        if (out->n == BK_MAX_NAMES) harness_fail(__FILE__, __LINE__, "more than %d names", BK_MAX_NAMES);
        utf16_to_utf8(wszz + i, len, out->name[out->n++], BK_PATH);
        i += len + 1;
    }
}

int bk_wcs_equals(const WCHAR *w, const char *s) {
    const WCHAR *e = utf16(s);
    size_t n = bk_wcslen(e);
    return bk_wcslen(w) == n && memcmp(w, e, n * sizeof(WCHAR)) == 0;
}

/* ---- Backup steps ----------------------------------------------------------------------------------- */

void bk_begin(bk_env *env, JET_GRBIT grbit) {
    EXPECT_ERR(JetBeginExternalBackupInstance(env->inst, grbit), JET_errSuccess);
}

void bk_attach_list(bk_env *env, bk_list *out) {
    static char buf[64 * 1024];
    unsigned long cb = 0;
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env->inst, buf, sizeof buf, &cb), JET_errSuccess);
    bk_split(buf, out);
}

unsigned char *bk_stream(bk_env *env, const char *path, unsigned long chunk, size_t *pcb) {
    unsigned char *out = NULL;
    size_t cb = 0;
    JET_ERR err = stream_file(env->inst, path, chunk, &out, &cb);
    if (err != JET_errSuccess) harness_fail(__FILE__, __LINE__, "streaming %s returned %ld", path, (long)err);
    if (pcb) *pcb = cb;
    return out;
}

void bk_copy_databases(bk_env *env) {
    bk_list *dbs = malloc(sizeof *dbs);
    if (!dbs) harness_fail(__FILE__, __LINE__, "out of memory");
    bk_attach_list(env, dbs);
    for (int i = 0; i < dbs->n; i++) {
        size_t cb = 0;
        bk_stream(env, dbs->name[i], BK_CHUNK, &cb);
        long long size = file_size(dbs->name[i]);
        if ((long long)cb != size + (long long)BK_PAGE)
            harness_fail(__FILE__, __LINE__, "%s streamed %zu bytes, file is %lld", dbs->name[i], cb, size);
    }
    free(dbs);
}

void bk_log_list(bk_env *env, bk_list *out) {
    static char buf[64 * 1024];
    unsigned long cb = 0;
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetLogInfoInstanceA(env->inst, buf, sizeof buf, &cb), JET_errSuccess);
    bk_split(buf, out);
}

void bk_log_list_info(bk_env *env, bk_list *out, JET_LOGINFO_A *info) {
    static char buf[64 * 1024];
    unsigned long cb = 0;
    memset(info, 0, sizeof *info);
    info->cbSize = sizeof *info;
    EXPECT_ERR(JetGetLogInfoInstance2A(env->inst, buf, sizeof buf, &cb, info), JET_errSuccess);
    bk_split(buf, out);
}

void bk_copy_logs(bk_env *env, const bk_list *logs) {
    for (int i = 0; i < logs->n; i++) {
        size_t cb = 0, cbFile = 0;
        unsigned char *p = bk_stream(env, logs->name[i], 4 * BK_PAGE, &cb);
        unsigned char *f = bk_slurp(logs->name[i], &cbFile);
        if (cb != cbFile || memcmp(p, f, cb) != 0)
            harness_fail(__FILE__, __LINE__, "%s streamed %zu bytes that differ from the %zu-byte file", logs->name[i],
                         cb, cbFile);
    }
}

void bk_full(bk_env *env, int truncate, JET_GRBIT end) {
    bk_list *logs = malloc(sizeof *logs);
    if (!logs) harness_fail(__FILE__, __LINE__, "out of memory");
    bk_begin(env, 0);
    bk_copy_databases(env);
    bk_log_list(env, logs);
    bk_copy_logs(env, logs);
    if (truncate) EXPECT_ERR(JetTruncateLogInstance(env->inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env->inst, end), JET_errSuccess);
    free(logs);
}

void bk_incremental(bk_env *env, int truncate, JET_GRBIT end) {
    bk_list *logs = malloc(sizeof *logs);
    if (!logs) harness_fail(__FILE__, __LINE__, "out of memory");
    bk_begin(env, JET_bitBackupIncremental);
    bk_log_list(env, logs);
    bk_copy_logs(env, logs);
    if (truncate) EXPECT_ERR(JetTruncateLogInstance(env->inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env->inst, end), JET_errSuccess);
    free(logs);
}

void bk_expect_logs_(const bk_env *env, const bk_list *list, long low, long high, const char *file, int line) {
    long want = high >= low ? high - low + 1 : 0;
    if (list->n != want) {
        harness_fail(file, line, "log list has %d names (first: %s), expected generations %ld..%ld", list->n,
                     list->n ? list->name[0] : "-", low, high);
    }
    for (long g = low; g <= high; g++) {
        const char *expected = bk_log_path(env, g);
        if (strcmp(list->name[g - low], expected) != 0)
            harness_fail(file, line, "log list entry %ld is %s, expected %s", g - low, list->name[g - low], expected);
    }
}

void bk_expect_archived_(const bk_env *env, long low, long high, const char *file, int line) {
    long gens[4096];
    int n = bk_archived(env, gens, 4096);
    long want = high >= low ? high - low + 1 : 0;
    int ok = n == want;
    for (int i = 0; ok && i < n; i++) ok = gens[i] == low + i;
    if (!ok) {
        char seen[512] = "";
        size_t o = 0;
        for (int i = 0; i < n && o + 16 < sizeof seen; i++)
            o += (size_t)snprintf(seen + o, sizeof seen - o, " %ld", gens[i]);
        harness_fail(file, line, "archived logs in %s are {%s }, expected generations %ld..%ld", env->dir, seen, low,
                     high);
    }
}

void bk_to_databases(bk_env *env) { bk_begin(env, 0); }

void bk_to_logs(bk_env *env, bk_list *logs) {
    bk_begin(env, 0);
    bk_copy_databases(env);
    bk_log_list(env, logs);
}

void bk_to_stopped(bk_env *env) {
    bk_begin(env, 0);
    EXPECT_ERR(JetStopBackupInstance(env->inst), JET_errSuccess);
}

void bk_expect_running_(bk_env *env, const char *file, int line) {
    JET_ERR err = JetBeginExternalBackupInstance(env->inst, 0);
    if (err != JET_errBackupInProgress)
        harness_fail(file, line, "backup should still be running: Begin returned %ld, expected -505", (long)err);
}

void bk_expect_ended_(bk_env *env, const char *file, int line) {
    unsigned long cb = 0;
    JET_ERR err = JetGetAttachInfoInstanceA(env->inst, NULL, 0, &cb);
    if (err != JET_errNoBackup)
        harness_fail(file, line, "backup should have ended: GetAttachInfo returned %ld, expected -520", (long)err);
    err = JetEndExternalBackupInstance2(env->inst, JET_bitBackupEndAbort);
    if (err != JET_errNoBackup)
        harness_fail(file, line, "backup should have ended: End returned %ld, expected -520", (long)err);
}

JET_ERR bk_try_open(bk_env *env, const char *path, JET_HANDLE *ph, unsigned long long *pcb) {
    unsigned long lo = 0, hi = 0;
    JET_HANDLE h = 0;
    JET_ERR err = JetOpenFileInstanceA(env->inst, path, &h, &lo, &hi);
    if (ph) *ph = h;
    if (pcb) *pcb = ((unsigned long long)(hi & 0xFFFFFFFFUL) << 32) | (lo & 0xFFFFFFFFUL);
    return err;
}

JET_ERR bk_try_read_to_end(bk_env *env, JET_HANDLE h, unsigned long chunk, size_t *pcb) {
    static unsigned char *buf;
    static unsigned long cbBuf;
    if (cbBuf < chunk) {
        buf = aligned_buffer(chunk);
        cbBuf = chunk;
    }
    size_t total = 0;
    for (;;) {
        unsigned long n = 0;
        JET_ERR err = JetReadFileInstance(env->inst, h, buf, chunk, &n);
        if (err != JET_errSuccess || n == 0) {
            if (pcb) *pcb = total;
            return err;
        }
        total += n;
    }
}

/* ---- Headers ---------------------------------------------------------------------------------------- */

void bk_dbinfo(const char *db, JET_DBINFOMISC *misc) {
    memset(misc, 0, sizeof *misc);
    EXPECT_ERR(JetGetDatabaseFileInfoA(db, misc, sizeof *misc, JET_DbInfoMisc), JET_errSuccess);
}

unsigned long bk_u32(const unsigned char *p, size_t offset) {
    return (unsigned long)p[offset] | ((unsigned long)p[offset + 1] << 8) | ((unsigned long)p[offset + 2] << 16) |
           ((unsigned long)p[offset + 3] << 24);
}
