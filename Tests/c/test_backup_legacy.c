/* The implicit-instance ("legacy") forms: JetBeginExternalBackup, JetGetAttachInfoA/W, JetOpenFileA/W,
 * JetReadFile, JetCloseFile, JetGetLogInfoA/W, JetTruncateLog, JetEndExternalBackup, JetStopBackup and
 * JetStopService: they work on the one instance of one-instance mode, give -1081 in
 * multi-instance mode and -1003 when no instance exists at all.
 */
#include "backup_fixtures.h"

/* Streams one file through the legacy calls; returns the bytes, which must match the expected size. */
static unsigned char *legacy_stream(const char *path, unsigned long long *pcb) {
    JET_HANDLE h = 0;
    unsigned long lo = 0, hi = 0, n = 0;
    EXPECT_ERR(JetOpenFileA(path, &h, &lo, &hi), JET_errSuccess);
    unsigned long long size = ((unsigned long long)(hi & 0xFFFFFFFFUL) << 32) | (lo & 0xFFFFFFFFUL);
    unsigned char *all = aligned_buffer(size ? size : 1);
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    unsigned long long got = 0;
    for (;;) {
        EXPECT_ERR(JetReadFile(h, buf, 4 * BK_PAGE, &n), JET_errSuccess);
        if (n == 0) break;
        EXPECT(got + n <= size);
        memcpy(all + got, buf, n);
        got += n;
    }
    EXPECT_EQ_UL(got, size);
    EXPECT_ERR(JetCloseFile(h), JET_errSuccess);
    if (pcb) *pcb = size;
    return all;
}

SCENARIO(backup_legacy_full_backup_in_one_instance_mode, "api One-instance and multi-instance mode") {
    bk_env env;
    char buf[8192];
    unsigned long cb = 0;
    unsigned long long size = 0;
    JET_DBINFOMISC misc;
    bk_setup_legacy(&env);
    long cur = bk_current_gen(&env);
    EXPECT_ERR(JetBeginExternalBackup(0), JET_errSuccess);
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoA(buf, sizeof buf, &cb), JET_errSuccess);
    bk_list dbs;
    bk_split(buf, &dbs);
    EXPECT_EQ_UL(dbs.n, 1);
    EXPECT(strcmp(dbs.name[0], env.db) == 0);
    legacy_stream(dbs.name[0], &size);
    EXPECT_EQ_UL(size, (unsigned long long)file_size(env.db) + BK_PAGE);
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetLogInfoA(buf, sizeof buf, &cb), JET_errSuccess);
    bk_list logs;
    bk_split(buf, &logs);
    bk_expect_logs(&env, &logs, cur, cur);
    unsigned char *p = legacy_stream(logs.name[0], &size);
    EXPECT(memcmp(p, bk_slurp(logs.name[0], NULL), size) == 0);
    EXPECT_ERR(JetTruncateLog(), JET_errSuccess);
    bk_expect_archived(&env, 1, 0);
    EXPECT_ERR(JetEndExternalBackup(), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackup(), JET_errNoBackup);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, cur);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, cur);
    EXPECT_ERR(JetBeginExternalBackup(JET_bitBackupIncremental), JET_errSuccess);
    EXPECT_ERR(JetGetAttachInfoA(buf, sizeof buf, &cb), JET_errInvalidBackupSequence);
    EXPECT_ERR(JetEndExternalBackup(), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_legacy_w_functions_in_one_instance_mode, "api One-instance and multi-instance mode") {
    bk_env env;
    WCHAR wbuf[4096];
    unsigned long cb = 0, lo = 0, hi = 0, n = 0;
    JET_HANDLE h = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup_legacy(&env);
    long cur = bk_current_gen(&env);
    EXPECT_ERR(JetBeginExternalBackup(0), JET_errSuccess);
    memset(wbuf, 0, sizeof wbuf);
    EXPECT_ERR(JetGetAttachInfoW(wbuf, sizeof wbuf, &cb), JET_errSuccess);
    EXPECT(bk_wcs_equals(wbuf, env.db));
    EXPECT_ERR(JetOpenFileW(wbuf, &h, &lo, &hi), JET_errSuccess);
    EXPECT_EQ_UL(lo, (unsigned long)file_size(env.db) + BK_PAGE);
    EXPECT_EQ_UL(hi, 0);
    do EXPECT_ERR(JetReadFile(h, buf, 4 * BK_PAGE, &n), JET_errSuccess);
    while (n);
    EXPECT_ERR(JetCloseFile(h), JET_errSuccess);
    memset(wbuf, 0, sizeof wbuf);
    EXPECT_ERR(JetGetLogInfoW(wbuf, sizeof wbuf, &cb), JET_errSuccess);
    EXPECT(bk_wcs_equals(wbuf, bk_log_path(&env, cur)));
    EXPECT_ERR(JetOpenFileW(wbuf, &h, &lo, &hi), JET_errSuccess);
    EXPECT_EQ_UL(lo, BK_LOG_SIZE);
    do EXPECT_ERR(JetReadFile(h, buf, 4 * BK_PAGE, &n), JET_errSuccess);
    while (n);
    EXPECT_ERR(JetCloseFile(h), JET_errSuccess);
    EXPECT_ERR(JetTruncateLog(), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackup(), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_legacy_stop_backup_in_one_instance_mode_stops_the_backup, "api JetStopBackup") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long lo = 0, hi = 0, n = 0, cb = 0;
    char list[4096];
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup_legacy(&env);
    EXPECT_ERR(JetBeginExternalBackup(0), JET_errSuccess);
    EXPECT_ERR(JetOpenFileA(env.db, &h, &lo, &hi), JET_errSuccess);
    EXPECT_ERR(JetReadFile(h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetStopBackup(), JET_errSuccess);
    EXPECT_ERR(JetReadFile(h, buf, 3 * BK_PAGE, &n), JET_errBackupAbortByServer);
    EXPECT_ERR(JetGetAttachInfoA(list, sizeof list, &cb), JET_errBackupAbortByServer);
    EXPECT_ERR(JetGetLogInfoA(list, sizeof list, &cb), JET_errBackupAbortByServer);
    EXPECT_ERR(JetTruncateLog(), JET_errBackupAbortByServer);
    EXPECT_ERR(JetBeginExternalBackup(0), JET_errBackupInProgress);
    EXPECT_ERR(JetCloseFile(h), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackup(), JET_errSuccess);
    /* not sticky */
    EXPECT_ERR(JetBeginExternalBackup(0), JET_errSuccess);
    legacy_stream(env.db, NULL);
    EXPECT_ERR(JetEndExternalBackup(), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_legacy_stop_service_in_one_instance_mode_stops_the_api, "api JetStopService") {
    bk_env env;
    bk_setup_legacy(&env);
    EXPECT_ERR(JetStopService(), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackup(0), JET_errClientRequestToStopJetService);
    EXPECT_ERR(JetStopBackup(), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_instance_functions_ignore_a_null_handle_in_one_instance_mode, "api Finding the instance, and the API gate") {
    bk_env env;
    bk_list dbs;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup_legacy(&env);
    EXPECT_ERR(JetBeginExternalBackupInstance(0, 0), JET_errSuccess);
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceA(JET_instanceNil, buf, sizeof buf, &cb), JET_errSuccess);
    bk_split(buf, &dbs);
    EXPECT_EQ_UL(dbs.n, 1);
    EXPECT_ERR(JetStopBackupInstance(0), JET_errSuccess);
    EXPECT_ERR(JetGetAttachInfoA(buf, sizeof buf, &cb), JET_errBackupAbortByServer);
    EXPECT_ERR(JetEndExternalBackupInstance(JET_instanceNil), JET_errSuccess);
    bk_term(&env);
}

/* ---- Mode rules: every legacy form, results collected ---------------------------------------------- */

typedef struct {
    const char *name;
    JET_ERR got;
} legacy_result;

/* Calls every implicit-instance backup function once and records what each returned. */
static int call_every_legacy_function(legacy_result *r, const char *db) {
    char buf[1024];
    WCHAR wbuf[512];
    unsigned long cb = 0, lo = 0, hi = 0, n = 0;
    JET_HANDLE h = 0;
    unsigned char *page = aligned_buffer(4 * BK_PAGE);
    int i = 0;
#define RECORD(call) (r[i].name = #call, r[i].got = (call), i++)
    RECORD(JetBeginExternalBackup(0));
    RECORD(JetBeginExternalBackup(JET_bitBackupIncremental));
    RECORD(JetGetAttachInfoA(buf, sizeof buf, &cb));
    RECORD(JetGetAttachInfoW(wbuf, sizeof wbuf, &cb));
    RECORD(JetOpenFileA(db, &h, &lo, &hi));
    RECORD(JetOpenFileW(utf16(db), &h, &lo, &hi));
    RECORD(JetReadFile(0, page, 4 * BK_PAGE, &n));
    RECORD(JetCloseFile(0));
    RECORD(JetGetLogInfoA(buf, sizeof buf, &cb));
    RECORD(JetGetLogInfoW(wbuf, sizeof wbuf, &cb));
    RECORD(JetTruncateLog());
    RECORD(JetEndExternalBackup());
    RECORD(JetStopBackup());
    RECORD(JetStopService());
#undef RECORD
    return i;
}

static void expect_all(const legacy_result *r, int count, JET_ERR want) {
    int bad = 0;
    for (int i = 0; i < count; i++) {
        if (r[i].got != want) {
            fprintf(stderr, "    %s returned %ld, expected %ld\n", r[i].name, (long)r[i].got, (long)want);
            bad++;
        }
    }
    if (bad) harness_fail(__FILE__, __LINE__, "%d of %d legacy calls returned something else", bad, count);
}

SCENARIO(backup_legacy_functions_in_multi_instance_mode_give_running_in_multi_instance_mode, "api One-instance and multi-instance mode") {
    bk_env env;
    legacy_result r[32];
    bk_setup(&env);
    bk_to_databases(&env); /* a backup is running on the (only) instance: the legacy forms must not reach it */
    int count = call_every_legacy_function(r, env.db);
    expect_all(r, count, JET_errRunningInMultiInstanceMode);
    bk_expect_running(&env);
    bk_copy_databases(&env); /* the backup was neither stopped nor touched */
    bk_term(&env);
}

SCENARIO(backup_legacy_functions_with_no_instance_give_invalid_parameter, "api One-instance and multi-instance mode") {
    legacy_result r[32];
    int count = call_every_legacy_function(r, path_in_dir("data.edb"));
    expect_all(r, count, JET_errInvalidParameter);
}

SCENARIO(backup_legacy_functions_after_the_last_instance_ended_give_invalid_parameter, "api One-instance and multi-instance mode") {
    bk_env env;
    legacy_result r[32];
    bk_setup_legacy(&env);
    bk_term(&env);
    int count = call_every_legacy_function(r, env.db);
    expect_all(r, count, JET_errInvalidParameter);
}
