/* JetStopBackupInstance and how JetTerm / JetTerm2 treat a running backup: once a term starts, backups stay
 * refused. The call-by-call effect of a stop on an open backup is in test_backup_table.c (last column).
 */
#include "backup_fixtures.h"

/* ---- JetStopBackupInstance -------------------------------------------------------------------------- */

SCENARIO(backup_stop_backup_is_not_sticky, "api JetStopBackup") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    /* the next Begin clears the flag: a whole backup reads fine and counts as a normal one */
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.bkinfoFullPrev.genLow != 0);
    bk_term(&env);
}

SCENARIO(backup_stop_backup_without_a_backup_is_harmless, "api JetStopBackup") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.bkinfoFullPrev.genLow != 0);
    bk_term(&env);
}

SCENARIO(backup_stop_backup_twice_during_a_backup_succeeds, "api JetStopBackup") {
    bk_env env;
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_stop_backup_leaves_an_open_file_open, "api JetStopBackup") {
    bk_env env;
    JET_HANDLE h = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    /* nothing was closed: the handle still closes exactly once */
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errInvalidParameter);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_stop_backup_on_an_uninitialized_instance_succeeds, "api JetStopBackup") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "created"), JET_errSuccess);
    EXPECT_ERR(JetStopBackupInstance(inst), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(backup_stop_backup_with_a_bad_instance_gives_invalid_instance, "api JetStopBackup") {
    bk_env env, other;
    bk_setup(&env);
    bk_setup_with(&other, "other", "other", "data.edb", 0, 0, -1, 0, NULL);
    JET_INSTANCE dead = other.inst;
    bk_term(&other);
    EXPECT_ERR(JetStopBackupInstance(dead), JET_errInvalidInstance);
    /* multi-instance mode: NULL and JET_instanceNil name no instance */
    EXPECT_ERR(JetStopBackupInstance(0), JET_errInvalidParameter);
    EXPECT_ERR(JetStopBackupInstance(JET_instanceNil), JET_errInvalidParameter);
    bk_full(&env, 1, JET_bitBackupEndNormal); /* and the live instance was not touched */
    bk_term(&env);
}

SCENARIO(backup_stop_backup_stops_only_its_own_instance, "api JetStopBackup") {
    bk_env a, b;
    JET_HANDLE ha = 0;
    size_t got = 0;
    bk_setup_with(&a, "first", "first", "data.edb", BK_DB_PAGES, 2, -1, 0, NULL);
    bk_setup_with(&b, "second", "second", "data.edb", BK_DB_PAGES, 2, -1, 0, NULL);
    bk_to_databases(&a);
    bk_to_databases(&b);
    EXPECT_ERR(bk_try_open(&a, a.db, &ha, NULL), JET_errSuccess);
    EXPECT_ERR(JetStopBackupInstance(b.inst), JET_errSuccess);
    EXPECT_ERR(bk_try_read_to_end(&a, ha, BK_CHUNK, &got), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(a.inst, ha), JET_errSuccess);
    EXPECT_ERR(bk_try_open(&b, b.db, NULL, NULL), JET_errBackupAbortByServer);
    bk_list logs;
    bk_log_list(&a, &logs);
    bk_copy_logs(&a, &logs);
    EXPECT_ERR(JetTruncateLogInstance(a.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(a.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(b.inst), JET_errSuccess);
    bk_term(&a);
    bk_term(&b);
}

/* ---- JetTerm and a running backup ------------------------------------------------------------------- */

SCENARIO(backup_term_during_a_backup_ends_it_and_terminates, "api JetTerm") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_list logs;
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess); /* JetTerm is Abrupt, which force-ends the backup */
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errInvalidInstance);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, NULL, 0, &cb), JET_errInvalidInstance);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errInvalidInstance);
    bk_dbinfo(env.db, &misc); /* detached now; the backup ended as "aborted by server": no stamp */
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 0);
}

SCENARIO(backup_term_with_a_backup_file_open_terminates, "api JetTerm") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(3 * BK_PAGE);
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errInvalidInstance);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errInvalidInstance);
}

SCENARIO(backup_term2_stop_backup_during_a_backup_ends_it_and_terminates, "api JetTerm") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    bk_copy_databases(&env);
    EXPECT_ERR(JetTerm2(env.inst, JET_bitTermStopBackup), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errInvalidInstance);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errInvalidInstance);
}

SCENARIO(backup_term2_stop_backup_and_complete_during_a_backup_terminates, "api JetTerm") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(JetTerm2(env.inst, JET_bitTermStopBackup | JET_bitTermComplete), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errInvalidInstance);
}

SCENARIO(backup_term_after_stop_backup_terminates, "api JetTerm") {
    bk_env env;
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errInvalidInstance);
}

SCENARIO(backup_term2_zero_during_a_backup_gives_backup_in_progress_and_refuses_later_backups, "api JetTerm") {
    bk_env env;
    bk_list dbs, logs;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetTerm2(env.inst, 0), JET_errBackupInProgress);
    /* the instance is up and the backup is untouched */
    bk_attach_list(&env, &dbs);
    EXPECT_EQ_UL(dbs.n, 1);
    bk_copy_databases(&env);
    bk_log_list(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    /* but backups are no longer allowed */
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errBackupNotAllowedYet);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errBackupNotAllowedYet);
    /* the rest of the instance works */
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(env.inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_term2_complete_during_a_backup_gives_backup_in_progress_and_refuses_later_backups, "api JetTerm") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetTerm2(env.inst, JET_bitTermComplete), JET_errBackupInProgress);
    bk_copy_databases(&env);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errBackupNotAllowedYet);
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess);
}

SCENARIO(backup_term2_zero_after_stop_backup_gives_backup_in_progress, "api JetTerm") {
    bk_env env;
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(JetTerm2(env.inst, 0), JET_errBackupInProgress);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errBackupNotAllowedYet);
    bk_term(&env);
}

SCENARIO(backup_term2_zero_without_a_backup_terminates, "api JetTerm") {
    bk_env env;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetEndSession(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm2(env.inst, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errInvalidInstance);
}
