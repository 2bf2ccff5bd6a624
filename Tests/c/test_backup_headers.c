/* Header stamping at the end of a backup, seen through
 * JetGetDatabaseFileInfo(JET_DbInfoMisc) on the attached database.
 *
 *   full, database streamed completely, logs truncated (TruncateLog or JET_bitBackupTruncateDone)
 *                                                  -> bkinfoFullPrev = CopyMic..CopyMac-1, bkinfoIncPrev cleared
 *   full, not truncated ("copy")                   -> bkinfoFullPrev unchanged
 *   full, database not streamed completely          -> nothing
 *   incremental, truncated                         -> bkinfoIncPrev = CopyMic..CopyMac-1
 *   incremental, not truncated ("differential")   -> bkinfoIncPrev unchanged
 *   End(Abort), End after JetStopBackup, End before the log list -> nothing
 */
#include "backup_fixtures.h"

/* A full backup that reports its log range through JetGetLogInfoInstance2A. */
static void full_backup(bk_env *env, int truncate, JET_GRBIT end, unsigned long *plow, unsigned long *phigh) {
    char buf[8192];
    unsigned long cb = 0;
    JET_LOGINFO_A info;
    bk_list logs;
    bk_begin(env, 0);
    bk_copy_databases(env);
    memset(&info, 0, sizeof info);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstance2A(env->inst, buf, sizeof buf, &cb, &info), JET_errSuccess);
    bk_split(buf, &logs);
    bk_copy_logs(env, &logs);
    if (truncate) EXPECT_ERR(JetTruncateLogInstance(env->inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env->inst, end), JET_errSuccess);
    if (plow) *plow = info.ulGenLow;
    if (phigh) *phigh = info.ulGenHigh;
}

static void incremental_backup(bk_env *env, int truncate, JET_GRBIT end, unsigned long *plow, unsigned long *phigh) {
    char buf[8192];
    unsigned long cb = 0;
    JET_LOGINFO_A info;
    bk_list logs;
    bk_begin(env, JET_bitBackupIncremental);
    memset(&info, 0, sizeof info);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstance2A(env->inst, buf, sizeof buf, &cb, &info), JET_errSuccess);
    bk_split(buf, &logs);
    bk_copy_logs(env, &logs);
    if (truncate) EXPECT_ERR(JetTruncateLogInstance(env->inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env->inst, end), JET_errSuccess);
    if (plow) *plow = info.ulGenLow;
    if (phigh) *phigh = info.ulGenHigh;
}

SCENARIO(backup_full_with_truncation_stamps_full_prev, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    unsigned long low = 0, high = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    full_backup(&env, 1, JET_bitBackupEndNormal, &low, &high);
    EXPECT_EQ_UL(low, cur);
    EXPECT_EQ_UL(high, cur);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, low);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, high);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, 0);
    bk_term(&env);
}

SCENARIO(backup_full_with_truncation_stamps_the_whole_copied_log_range, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    unsigned long low = 0, high = 0;
    char buf[8192];
    unsigned long cb = 0;
    JET_LOGINFO_A info;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    roll_logs(env.sesid, 2); /* generations cur..cur+2 belong to the backup */
    bk_copy_databases(&env);
    memset(&info, 0, sizeof info);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, &info), JET_errSuccess);
    low = info.ulGenLow;
    high = info.ulGenHigh;
    EXPECT_EQ_UL(low, cur);
    EXPECT_EQ_UL(high, cur + 2);
    bk_split(buf, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, low);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, high);
    bk_term(&env);
}

SCENARIO(backup_full_without_truncation_leaves_full_prev_unchanged, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    unsigned long low = 0, high = 0;
    bk_setup(&env);
    full_backup(&env, 0, JET_bitBackupEndNormal, NULL, NULL); /* a copy backup: nothing to keep */
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 0);
    full_backup(&env, 1, JET_bitBackupEndNormal, &low, &high);
    roll_logs(env.sesid, 2);
    full_backup(&env, 0, JET_bitBackupEndNormal, NULL, NULL); /* another copy backup */
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, low);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, high);
    bk_term(&env);
}

SCENARIO(backup_full_with_truncate_done_stamps_full_prev, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    unsigned long low = 0, high = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    full_backup(&env, 0, JET_bitBackupEndNormal | JET_bitBackupTruncateDone, &low, &high);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, low);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, high);
    EXPECT(low == (unsigned long)cur);
    bk_expect_archived(&env, 1, cur); /* the client truncated (or not): the library deleted nothing */
    bk_term(&env);
}

SCENARIO(backup_aborted_full_backup_stamps_nothing, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    full_backup(&env, 1, JET_bitBackupEndAbort, NULL, NULL);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 0);
    full_backup(&env, 0, JET_bitBackupEndAbort | JET_bitBackupTruncateDone, NULL, NULL);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    bk_term(&env);
}

SCENARIO(backup_stopped_full_backup_stamps_nothing, "api JetStopBackup") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal | JET_bitBackupTruncateDone),
               JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 0);
    bk_term(&env);
}

SCENARIO(backup_full_with_a_database_not_read_completely_stamps_nothing, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    bk_list logs;
    unsigned char *buf = aligned_buffer(3 * BK_PAGE);
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_log_list(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, 1, cur); /* the uncopied database (no full backup yet) holds every log back */
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 0);
    bk_term(&env);
}

SCENARIO(backup_full_stamps_only_the_databases_it_copied, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    bk_begin(&env, 0);
    bk_stream(&env, env.db, BK_CHUNK, NULL); /* only the first database */
    bk_log_list(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, cur);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, cur);
    bk_dbinfo(second, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 0);
    bk_expect_archived(&env, 1, cur); /* second.edb has no full backup: truncation range [0, 0) */
    bk_term(&env);
}

SCENARIO(backup_incremental_with_truncation_stamps_inc_prev, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    unsigned long flow = 0, fhigh = 0, low = 0, high = 0;
    bk_setup(&env);
    full_backup(&env, 1, JET_bitBackupEndNormal, &flow, &fhigh);
    roll_logs(env.sesid, 2);
    incremental_backup(&env, 1, JET_bitBackupEndNormal, &low, &high);
    EXPECT_EQ_UL(low, fhigh + 1);
    EXPECT_EQ_UL(high, fhigh + 3); /* two rolls plus the incremental's own */
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, low);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, high);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, flow);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, fhigh);
    bk_term(&env);
}

SCENARIO(backup_incremental_with_truncate_done_stamps_inc_prev, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    unsigned long low = 0, high = 0;
    bk_setup(&env);
    full_backup(&env, 1, JET_bitBackupEndNormal, NULL, NULL);
    roll_logs(env.sesid, 1);
    incremental_backup(&env, 0, JET_bitBackupEndNormal | JET_bitBackupTruncateDone, &low, &high);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, low);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, high);
    bk_term(&env);
}

SCENARIO(backup_incremental_without_truncation_leaves_inc_prev_unchanged, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    unsigned long flow = 0, fhigh = 0;
    bk_setup(&env);
    full_backup(&env, 1, JET_bitBackupEndNormal, &flow, &fhigh);
    roll_logs(env.sesid, 1);
    incremental_backup(&env, 0, JET_bitBackupEndNormal, NULL, NULL); /* differential */
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, flow);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, fhigh);
    bk_term(&env);
}

SCENARIO(backup_aborted_incremental_stamps_nothing, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    full_backup(&env, 1, JET_bitBackupEndNormal, NULL, NULL);
    roll_logs(env.sesid, 1);
    incremental_backup(&env, 1, JET_bitBackupEndAbort, NULL, NULL);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, 0);
    bk_term(&env);
}

SCENARIO(backup_full_with_truncation_clears_inc_prev, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    unsigned long low = 0, high = 0;
    bk_setup(&env);
    full_backup(&env, 1, JET_bitBackupEndNormal, NULL, NULL);
    roll_logs(env.sesid, 1);
    incremental_backup(&env, 1, JET_bitBackupEndNormal, NULL, NULL);
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.bkinfoIncPrev.genLow != 0);
    roll_logs(env.sesid, 1);
    full_backup(&env, 1, JET_bitBackupEndNormal, &low, &high);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, low);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, high);
    bk_term(&env);
}

SCENARIO(backup_never_stamps_full_cur_into_the_live_database, "api JetGetDatabaseFileInfo") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_dbinfo(env.db, &misc); /* during the backup */
    EXPECT_EQ_UL(misc.bkinfoFullCur.genLow, 0);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullCur.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullCur.genHigh, 0);
    /* so the live file stays an ordinary database: it detaches and attaches again */
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, env.db, 0), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.bkinfoFullPrev.genLow != 0); /* the stamp survived the detach */
    bk_term(&env);
}
