/* Incremental backups and the preconditions of Begin: no database phase, -560
 * without a previous full backup, -526 with circular logging, -569 on a gap in the log chain, -516 when logging
 * is off; and -505 for Attach/Detach while any backup runs.
 *
 * After bk_setup and a full backup with truncation, the database's bkinfoFullPrev is 3..3, every archived log
 * is gone and generation 4 is current.
 */
#include "backup_fixtures.h"

#include <unistd.h>

SCENARIO(backup_incremental_without_a_full_backup_gives_missing_full_backup, "api JetBeginExternalBackup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errMissingFullBackup);
    bk_expect_ended(&env); /* rolled back */
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_incremental(&env, 1, JET_bitBackupEndNormal);
    bk_term(&env);
}

SCENARIO(backup_incremental_after_a_copy_backup_gives_missing_full_backup, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_full(&env, 0, JET_bitBackupEndNormal); /* not truncated: a copy, which does not count */
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errMissingFullBackup);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_incremental_after_an_aborted_full_backup_gives_missing_full_backup, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndAbort);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errMissingFullBackup);
    bk_term(&env);
}

SCENARIO(backup_incremental_needs_a_full_backup_of_every_attached_database, "api JetBeginExternalBackup") {
    bk_env env;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    bk_list logs;
    bk_setup(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    bk_begin(&env, 0);
    bk_stream(&env, env.db, BK_CHUNK, NULL); /* second.edb is left out */
    bk_log_list(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errMissingFullBackup);
    bk_term(&env);
}

SCENARIO(backup_incremental_with_circular_logging_gives_invalid_backup, "api JetBeginExternalBackup") {
    bk_env env;
    bk_setup_with(&env, "backup", "inst", "data.edb", BK_DB_PAGES, 2, JET_paramCircularLog, 1, NULL);
    /* -526 (step 7) comes before the full-backup check (step 12): this database never had one */
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errInvalidBackup);
    bk_expect_ended(&env);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errSuccess); /* a full backup is allowed */
    bk_copy_databases(&env);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_with_logging_off_gives_logging_disabled, "api JetBeginExternalBackup") {
    bk_env env;
    unsigned long cb = 0;
    bk_setup_with(&env, "backup", "inst", "data.edb", BK_DB_PAGES, 0, JET_paramRecovery, 0, "off");
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errLoggingDisabled);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errLoggingDisabled);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, NULL, 0, &cb), JET_errNoBackup);
    bk_term(&env);
}

SCENARIO(backup_incremental_has_no_database_phase, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_begin(&env, JET_bitBackupIncremental);
    EXPECT_ERR(bk_try_open(&env, env.db, NULL, NULL), JET_errInvalidBackupSequence);
    bk_expect_ended(&env); /* opening a database in the log phase ends the backup */
    bk_term(&env);
}

SCENARIO(backup_incremental_lists_the_logs_since_the_full_backup, "api JetGetLogInfo") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_list logs;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_dbinfo(env.db, &misc);
    long next = (long)misc.bkinfoFullPrev.genHigh + 1;
    bk_expect_archived(&env, 1, 0);
    EXPECT(file_size(bk_log_path(&env, next)) < 0); /* generation `next` is the current edb.log */
    roll_logs(env.sesid, 2); /* next and next+1 archived */
    bk_expect_archived(&env, next, next + 1);
    bk_begin(&env, JET_bitBackupIncremental);
    bk_log_list(&env, &logs);
    bk_expect_logs(&env, &logs, next, next + 2); /* from the oldest log on disk to the one the roll archived */
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, 1, 0);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_incremental_after_an_incremental_continues_the_chain, "api JetGetLogInfo") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_list logs;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    roll_logs(env.sesid, 1);
    bk_incremental(&env, 1, JET_bitBackupEndNormal);
    bk_dbinfo(env.db, &misc);
    long next = (long)misc.bkinfoIncPrev.genHigh + 1;
    roll_logs(env.sesid, 1);
    bk_begin(&env, JET_bitBackupIncremental);
    bk_log_list(&env, &logs);
    bk_expect_logs(&env, &logs, next, next + 1);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, next);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, next + 1);
    bk_term(&env);
}

SCENARIO(backup_incremental_with_a_log_gap_gives_missing_file_to_backup, "api JetGetLogInfo") {
    bk_env env;
    JET_DBINFOMISC misc;
    char buf[8192];
    unsigned long cb = 0;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal); /* bkinfoFullPrev.genHigh = 3; logs 1..3 deleted; 4 current */
    bk_dbinfo(env.db, &misc);
    long next = (long)misc.bkinfoFullPrev.genHigh + 1;
    roll_logs(env.sesid, 2); /* next, next+1 archived */
    bk_expect_archived(&env, next, next + 1);
    EXPECT(unlink(bk_log_path(&env, next)) == 0); /* the first log the incremental needs is gone */
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errSuccess);
    /* the oldest log on disk (next+1) is past genHigh + 1 */
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errMissingFileToBackup);
    /* the failed preparation leaves nothing to copy or truncate; End is how the client gets out */
    JET_ERR err = JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort);
    EXPECT(err == JET_errSuccess || err == JET_errNoBackup);
    EXPECT(file_size(bk_log_path(&env, next + 1)) == (long long)BK_LOG_SIZE); /* nothing deleted */
    bk_term(&env);
}

SCENARIO(backup_incremental_with_a_full_backup_of_truncate_done_works, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_full(&env, 0, JET_bitBackupEndNormal | JET_bitBackupTruncateDone);
    bk_incremental(&env, 1, JET_bitBackupEndNormal);
    bk_term(&env);
}

/* ---- Attach, Detach and CreateDatabase during a backup ---------------------------------------------- */

SCENARIO(backup_attach_database_during_a_backup_gives_backup_in_progress, "api JetAttachDatabase") {
    bk_env env;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    bk_list logs;
    bk_setup(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, dbid2, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, second), JET_errSuccess);
    bk_to_databases(&env);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, second, 0), JET_errBackupInProgress);
    bk_copy_databases(&env);
    bk_log_list(&env, &logs);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, second, 0), JET_errBackupInProgress); /* log phase too */
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, second, 0), JET_errBackupInProgress); /* stopped, still open */
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, second, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_detach_database_during_a_backup_gives_backup_in_progress, "api JetDetachDatabase") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    bk_to_databases(&env);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errBackupInProgress);
    EXPECT_ERR(JetDetachDatabaseW(env.sesid, utf16(env.db)), JET_errBackupInProgress);
    EXPECT_ERR(JetDetachDatabase2A(env.sesid, env.db, 0), JET_errBackupInProgress);
    bk_copy_databases(&env); /* still attached and in the backup */
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_create_database_during_a_backup_succeeds, "api JetCreateDatabase") {
    bk_env env;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    bk_setup(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    bk_to_databases(&env);
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    EXPECT(file_size(second) > 0);
    bk_copy_databases(&env);
    bk_expect_running(&env);
    bk_term(&env);
}
