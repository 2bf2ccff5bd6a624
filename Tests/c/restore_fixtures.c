/* Fixtures of the folder-backup and restore scenarios: see restore_fixtures.h. */
#define _GNU_SOURCE
#include "restore_fixtures.h"

#include <dirent.h>
#include <unistd.h>

rs_record rs_events;

void rs_reset(JET_SNP snp) {
    memset(&rs_events, 0, sizeof rs_events);
    rs_events.snp = snp;
}

JET_ERR JET_API rs_status(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv) {
    const JET_SNPROG *prog = (const JET_SNPROG *)pv;
    if (sesid != JET_sesidNil) rs_events.bad_sesid++;
    if (snp != rs_events.snp) rs_events.wrong_snp++;
    if (!prog || prog->cbStruct != sizeof(JET_SNPROG)) rs_events.bad_size++;
    if (prog && prog->cunitTotal != 100) rs_events.bad_total++;
    if (rs_events.n < RS_MAX_EVENTS) {
        rs_events.snt[rs_events.n] = snt;
        rs_events.done[rs_events.n] = prog ? prog->cunitDone : 0;
        rs_events.n++;
    }
    return JET_errOutOfMemory;
}

void rs_expect_complete_run_(int min_progress, const char *file, int line) {
    const rs_record *r = &rs_events;
    if (r->bad_sesid || r->bad_size || r->bad_total || r->wrong_snp)
        harness_fail(file, line, "callback arguments: %d bad sesid, %d bad cbStruct, %d bad total, %d wrong snp",
                     r->bad_sesid, r->bad_size, r->bad_total, r->wrong_snp);
    if (r->n < 2 || r->snt[0] != JET_sntBegin || r->done[0] != 0 || r->snt[r->n - 1] != JET_sntComplete ||
        r->done[r->n - 1] != 100)
        harness_fail(file, line, "expected Begin(0) ... Complete(100), got %d calls", r->n);
    unsigned long last = 0;
    for (int i = 1; i < r->n - 1; i++) {
        if (r->snt[i] != JET_sntProgress || r->done[i] <= last || r->done[i] >= 100)
            harness_fail(file, line, "call %d: snt %lu done %lu after %lu", i, (unsigned long)r->snt[i],
                         r->done[i], last);
        last = r->done[i];
    }
    if (r->n - 2 < min_progress) harness_fail(file, line, "%d Progress calls, expected at least %d", r->n - 2,
                                               min_progress);
}

JET_ERR rs_backup(bk_env *env, const char *folder, JET_GRBIT grbit) {
    rs_reset(JET_snpBackup);
    return JetBackupInstanceA(env->inst, path_in_dir(folder), grbit, rs_status);
}

JET_INSTANCE rs_instance(const char *name, const char *folder) {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, name), JET_errSuccess);
    set_paths(&inst, path_in_dir(folder));
    return inst;
}

void rs_expect_restored_(const char *path, const char *file, int line) {
    JET_DBINFOMISC misc;
    memset(&misc, 0, sizeof misc);
    JET_ERR err = JetGetDatabaseFileInfoA(path, &misc, sizeof misc, JET_DbInfoMisc);
    if (err != JET_errSuccess) harness_fail(file, line, "JetGetDatabaseFileInfo(%s) gave %ld", path, (long)err);
    if (misc.dbstate != JET_dbstateCleanShutdown)
        harness_fail(file, line, "%s: dbstate %lu, expected clean shutdown", path, misc.dbstate);
    if (misc.bkinfoFullCur.genLow != 0 || misc.bkinfoFullCur.genHigh != 0)
        harness_fail(file, line, "%s: bkinfoFullCur still set", path);
    JET_INSTANCE inst = rs_instance("check", "check");
    JET_SESID sesid = 0;
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    err = JetAttachDatabaseA(sesid, path, 0);
    if (err != JET_errSuccess) harness_fail(file, line, "attach of %s gave %ld", path, (long)err);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

void rs_empty_folder(const char *dir) {
    DIR *d = opendir(dir);
    EXPECT(d != NULL);
    struct dirent *e;
    char path[BK_PATH];
    while ((e = readdir(d)) != NULL) {
        if (e->d_type == DT_DIR) continue;
        bk_join(path, sizeof path, dir, e->d_name);
        EXPECT(unlink(path) == 0);
    }
    closedir(d);
}

unsigned long long rs_fingerprint(const char *dir) {
    DIR *d = opendir(dir);
    EXPECT(d != NULL);
    struct dirent *e;
    unsigned long long sum = 1469598103934665603ULL;
    char path[BK_PATH];
    while ((e = readdir(d)) != NULL) {
        if (e->d_type == DT_DIR) continue;
        bk_join(path, sizeof path, dir, e->d_name);
        size_t cb = 0;
        unsigned char *p = bk_slurp(path, &cb);
        unsigned long long h = 1469598103934665603ULL;
        for (const char *c = e->d_name; *c; c++) h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        for (size_t i = 0; i < cb; i++) h = (h ^ p[i]) * 1099511628211ULL;
        sum += h ^ cb; /* order of readdir does not matter */
    }
    closedir(d);
    return sum;
}

void rs_copy_file(const char *from, const char *to) {
    size_t cb = 0;
    unsigned char *p = bk_slurp(from, &cb);
    FILE *f = fopen(to, "wb");
    EXPECT(f != NULL);
    EXPECT(cb == 0 || fwrite(p, 1, cb, f) == cb);
    EXPECT(fclose(f) == 0);
}
