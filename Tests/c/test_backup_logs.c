/* The log phase: GetLogInfo (A/W, Instance2), GetTruncateLogInfo, TruncateLog and End's grbits.
 *
 * bk_setup leaves generation 3 current, so a full backup begun then lists generation 3 (CopyMic = checkpoint =
 * 3, CopyMac = 4 after the roll), and may truncate generations 1..3 once its database was copied.
 */
#include "backup_fixtures.h"

/* ---- GetLogInfo ------------------------------------------------------------------------------------- */

SCENARIO(backup_get_log_info_w_pcbactual_is_the_bytes_copied, "api JetGetLogInfo") {
    bk_env env;
    WCHAR buf[1024];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    bk_copy_databases(&env);
    const WCHAR *expected = utf16(bk_log_path(&env, cur));
    unsigned long full = (unsigned long)((bk_wcslen(expected) + 2) * sizeof(WCHAR));
    /* NULL buffer: the full size (this first call also rolls the log) */
    EXPECT_ERR(JetGetLogInfoInstanceW(env.inst, NULL, 0, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, full);
    cb = 0;
    EXPECT_ERR(JetGetLogInfoInstanceW(env.inst, NULL, 4, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, full);
    /* a small buffer: silently truncated, and pcbActual is what was copied */
    memset(buf, 0xAB, sizeof buf);
    EXPECT_ERR(JetGetLogInfoInstanceW(env.inst, buf, 10, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, 10);
    EXPECT(memcmp(buf, expected, 10) == 0);
    EXPECT(((unsigned char *)buf)[10] == 0xAB);
    /* a large buffer: the whole list, and its size */
    memset(buf, 0xAB, sizeof buf);
    EXPECT_ERR(JetGetLogInfoInstanceW(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, full);
    EXPECT(bk_wcs_equals(buf, bk_log_path(&env, cur)));
    EXPECT(buf[bk_wcslen(buf) + 1] == 0);
    bk_expect_archived(&env, 1, cur); /* one roll for all these calls */
    bk_term(&env);
}

SCENARIO(backup_get_log_info_a_with_a_too_small_buffer_gives_buffer_too_small, "api JetGetLogInfo") {
    bk_env env;
    bk_list logs;
    char buf[1024];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, 10, &cb), JET_errBufferTooSmall);
    bk_expect_running(&env);
    unsigned long full = (unsigned long)strlen(bk_log_path(&env, cur)) + 2;
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, full - 1, &cb), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, full, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, full);
    EXPECT(strcmp(buf, bk_log_path(&env, cur)) == 0);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_a_with_zero_cbmax_reports_the_size, "api JetGetLogInfo") {
    bk_env env;
    char buf[64];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    memset(buf, 0x5A, sizeof buf);
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, 0, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, strlen(bk_log_path(&env, cur)) + 2);
    for (size_t i = 0; i < sizeof buf; i++) EXPECT(buf[i] == 0x5A);
    cb = 0;
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, NULL, 0, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, strlen(bk_log_path(&env, cur)) + 2);
    bk_expect_archived(&env, 1, cur);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_lists_every_generation_since_the_begin, "api JetGetLogInfo") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    roll_logs(env.sesid, 3); /* commits while the databases are copied */
    bk_copy_databases(&env);
    bk_log_list(&env, &logs);
    bk_expect_logs(&env, &logs, cur, cur + 3);
    bk_expect_archived(&env, 1, cur + 3);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, 1, 0);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_instance2_a_reports_the_inclusive_generation_range, "api JetGetLogInfo") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    JET_LOGINFO_A info;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    roll_logs(env.sesid, 1);
    bk_copy_databases(&env);
    memset(&info, 0x77, sizeof info);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, &info), JET_errSuccess);
    EXPECT_EQ_UL(info.ulGenLow, cur);
    EXPECT_EQ_UL(info.ulGenHigh, cur + 1);
    EXPECT(strcmp(info.szBaseName, "edb") == 0);
    bk_list logs;
    bk_split(buf, &logs);
    bk_expect_logs(&env, &logs, (long)info.ulGenLow, (long)info.ulGenHigh);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_instance2_w_reports_the_inclusive_generation_range, "api JetGetLogInfo") {
    bk_env env;
    WCHAR buf[2048];
    unsigned long cb = 0;
    JET_LOGINFO_W info;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_databases(&env);
    bk_copy_databases(&env);
    memset(&info, 0x77, sizeof info);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstance2W(env.inst, buf, sizeof buf, &cb, &info), JET_errSuccess);
    EXPECT_EQ_UL(info.ulGenLow, cur);
    EXPECT_EQ_UL(info.ulGenHigh, cur);
    EXPECT(info.szBaseName[0] == 'e' && info.szBaseName[1] == 'd' && info.szBaseName[2] == 'b' &&
           info.szBaseName[3] == 0);
    bk_list logs;
    bk_split_w(buf, cb, &logs);
    bk_expect_logs(&env, &logs, cur, cur);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_instance2_a_with_a_wrong_cbsize_gives_invalid_parameter, "api JetGetLogInfo") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    JET_LOGINFO_A info;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_databases(&env);
    memset(&info, 0, sizeof info);
    info.cbSize = 0;
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, &info), JET_errInvalidParameter);
    info.cbSize = sizeof info + 8;
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, &info), JET_errInvalidParameter);
    info.cbSize = sizeof info - 1;
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, &info), JET_errInvalidParameter);
    /* refused before the engine: no roll, and still the database phase */
    bk_expect_archived(&env, 1, cur - 1);
    bk_copy_databases(&env);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, &info), JET_errSuccess);
    EXPECT_EQ_UL(info.ulGenLow, cur);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_instance2_w_does_not_check_cbsize, "api JetGetLogInfo") {
    bk_env env;
    WCHAR buf[2048];
    unsigned long cb = 0;
    JET_LOGINFO_W info;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_databases(&env);
    memset(&info, 0, sizeof info);
    info.cbSize = 3;
    EXPECT_ERR(JetGetLogInfoInstance2W(env.inst, buf, sizeof buf, &cb, &info), JET_errSuccess);
    EXPECT_EQ_UL(info.ulGenLow, cur);
    EXPECT_EQ_UL(info.ulGenHigh, cur);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_instance2_with_null_loginfo_lists_the_logs, "api JetGetLogInfo") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, NULL), JET_errSuccess);
    bk_list logs;
    bk_split(buf, &logs);
    bk_expect_logs(&env, &logs, cur, cur);
    bk_term(&env);
}

/* ---- GetTruncateLogInfo ----------------------------------------------------------------------------- */

SCENARIO(backup_get_truncate_log_info_w_lists_the_truncatable_logs, "api JetGetTruncateLogInfoInstance") {
    bk_env env;
    bk_list logs, truncatable;
    WCHAR buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceW(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    bk_split_w(buf, sizeof buf, &truncatable);
    bk_expect_logs(&env, &truncatable, 1, cur);
    unsigned long full = sizeof(WCHAR);
    for (long g = 1; g <= cur; g++)
        full += (unsigned long)((bk_wcslen(utf16(bk_log_path(&env, g))) + 1) * sizeof(WCHAR));
    EXPECT_EQ_UL(cb, full);
    cb = 0;
    EXPECT_ERR(JetGetTruncateLogInfoInstanceW(env.inst, NULL, 0, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, full);
    bk_term(&env);
}

SCENARIO(backup_get_truncate_log_info_is_empty_while_a_database_without_full_backup_is_not_copied, "api JetGetLogInfo") {
    bk_env env;
    bk_list logs;
    char buf[4096];
    WCHAR wbuf[64];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0); /* the database is not copied; its header has no full backup (genHigh 0) */
    bk_log_list(&env, &logs);
    memset(buf, 0x5A, sizeof buf);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    EXPECT(buf[0] == 0);
    memset(wbuf, 0x5A, sizeof wbuf);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceW(env.inst, wbuf, sizeof wbuf, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, sizeof(WCHAR));
    EXPECT(wbuf[0] == 0);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, 1, cur); /* nothing deleted */
    bk_term(&env);
}

/* ---- TruncateLog ------------------------------------------------------------------------------------ */

SCENARIO(backup_truncate_log_deletes_exactly_the_truncatable_range, "api JetTruncateLog") {
    bk_env env;
    bk_list logs, truncatable;
    char buf[8192];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env); /* 3 */
    bk_to_logs(&env, &logs);         /* copies [3], current is now 4 */
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    bk_split(buf, &truncatable);
    bk_expect_logs(&env, &truncatable, 1, cur);
    roll_logs(env.sesid, 2); /* generations 4 and 5 are archived during the log phase: not in the range */
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, cur + 1, cur + 2);
    EXPECT(file_size(bk_current_log_path(&env)) == (long long)BK_LOG_SIZE);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, cur + 1, cur + 2);
    bk_term(&env);
}

SCENARIO(backup_truncate_log_after_a_partial_log_read_gives_log_file_not_copied, "api JetTruncateLog") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(2 * BK_PAGE);
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 2 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess); /* closed before its end: not copied */
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errLogFileNotCopied);
    bk_expect_archived(&env, 1, cur);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, 1, 0);
    bk_term(&env);
}

SCENARIO(backup_truncate_log_with_a_file_open_gives_invalid_backup_sequence, "api JetTruncateLog") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    size_t got = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(bk_try_read_to_end(&env, h, 8 * BK_PAGE, &got), JET_errSuccess);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errInvalidBackupSequence); /* read to the end, not closed */
    bk_expect_archived(&env, 1, cur);
    bk_expect_running(&env);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_truncate_log_needs_every_listed_log, "api JetTruncateLog") {
    bk_env env;
    bk_list logs, first;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    roll_logs(env.sesid, 2);
    bk_copy_databases(&env);
    bk_log_list(&env, &logs);
    bk_expect_logs(&env, &logs, cur, cur + 2);
    first = logs;
    first.n = 2; /* copy two of the three */
    bk_copy_logs(&env, &first);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errLogFileNotCopied);
    bk_expect_archived(&env, 1, cur + 2);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, 1, 0);
    bk_term(&env);
}

/* ---- End -------------------------------------------------------------------------------------------- */

SCENARIO(backup_end_with_grbit_zero_gives_invalid_parameter, "api JetEndExternalBackup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupTruncateDone), JET_errInvalidParameter);
    bk_expect_running(&env);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), JET_errSuccess);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_end_with_normal_and_abort_gives_invalid_parameter, "api JetEndExternalBackup") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal | JET_bitBackupEndAbort),
               JET_errInvalidParameter);
    bk_expect_running(&env);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_end_with_no_backup_and_a_bad_grbit_gives_invalid_parameter, "api JetEndExternalBackup") {
    bk_env env;
    bk_setup(&env);
    /* the grbit is checked first (B:3978-3986), then "no backup" */
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal | JET_bitBackupEndAbort),
               JET_errInvalidParameter);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), JET_errNoBackup);
    bk_term(&env);
}

SCENARIO(backup_end_ignores_unknown_grbit_bits, "api JetEndExternalBackup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal | 0x1000), JET_errSuccess);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_end_abort_succeeds_in_every_phase, "api JetEndExternalBackup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_expect_ended(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_expect_ended(&env);
    bk_begin(&env, 0);
    JET_HANDLE h = 0;
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess); /* with a file still open */
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_expect_ended(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal); /* the file was closed by End */
    bk_term(&env);
}

SCENARIO(backup_end_with_a_file_open_closes_it, "api JetEndExternalBackup") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_expect_ended(&env);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errNoBackup);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_term(&env);
}

SCENARIO(backup_end_after_end_gives_no_backup, "api JetEndExternalBackup") {
    bk_env env;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errNoBackup);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errNoBackup);
    bk_term(&env);
}
