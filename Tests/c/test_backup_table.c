/* The state table of docs/api.md, "Streaming backup": every backup call in every state of a backup.
 *
 * States: not started; database phase (after Begin(0)); log phase (after the first log-list call); stopped
 * (JetStopBackupInstance while the backup is open). One scenario per cell, named after the call, the state and
 * the result.
 */
#include "backup_fixtures.h"

#include <unistd.h>

/* ---- Begin ------------------------------------------------------------------------------------------ */

SCENARIO(backup_begin_when_not_started_starts_a_full_backup, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errSuccess);
    bk_list dbs;
    bk_attach_list(&env, &dbs);
    EXPECT_EQ_UL(dbs.n, 1);
    EXPECT(strcmp(dbs.name[0], env.db) == 0);
    bk_term(&env);
}

SCENARIO(backup_begin_in_database_phase_gives_backup_in_progress, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errBackupInProgress);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errBackupInProgress);
    bk_copy_databases(&env); /* the first backup is untouched */
    bk_term(&env);
}

SCENARIO(backup_begin_in_log_phase_gives_backup_in_progress, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errBackupInProgress);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_begin_after_stop_backup_gives_backup_in_progress, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errBackupInProgress);
    bk_term(&env);
}

/* ---- GetAttachInfo ---------------------------------------------------------------------------------- */

SCENARIO(backup_get_attach_info_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errNoBackup);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, NULL, 0, &cb), JET_errNoBackup);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_in_database_phase_lists_the_databases, "api Streaming backup") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    memset(buf, 0x55, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    size_t total = 0;
    EXPECT_EQ_UL(multistring_count(buf, &total), 1);
    EXPECT(strcmp(buf, env.db) == 0);
    EXPECT_EQ_UL(cb, strlen(env.db) + 2);
    EXPECT_EQ_UL(total, cb);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_in_log_phase_of_a_full_backup_lists_the_databases, "api Streaming backup") {
    bk_env env;
    bk_list logs, dbs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_attach_list(&env, &dbs);
    EXPECT_EQ_UL(dbs.n, 1);
    EXPECT(strcmp(dbs.name[0], env.db) == 0);
    bk_expect_running(&env);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_in_incremental_backup_gives_invalid_backup_sequence, "api Streaming backup") {
    bk_env env;
    unsigned long cb = 0;
    char buf[4096];
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_begin(&env, JET_bitBackupIncremental);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errInvalidBackupSequence);
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, NULL, 0, &cb), JET_errInvalidBackupSequence);
    bk_expect_running(&env); /* -521 here does not end the backup */
    bk_list logs;
    bk_log_list(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_after_stop_backup_gives_abort_by_server, "api Streaming backup") {
    bk_env env;
    unsigned long cb = 0;
    char buf[4096];
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errBackupAbortByServer);
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, NULL, 0, &cb), JET_errBackupAbortByServer);
    bk_expect_running(&env);
    bk_term(&env);
}

/* ---- OpenFile (database) ---------------------------------------------------------------------------- */

SCENARIO(backup_open_database_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, NULL, NULL), JET_errNoBackup);
    bk_term(&env);
}

SCENARIO(backup_open_database_in_database_phase_opens_it, "api Streaming backup") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long long cb = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, (unsigned long long)file_size(env.db) + BK_PAGE);
    EXPECT_EQ_UL(cb, (bk_pgno_last(env.db) + 3) * BK_PAGE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_open_database_in_log_phase_gives_invalid_backup_sequence_and_ends_the_backup, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, env.db, NULL, NULL), JET_errInvalidBackupSequence);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_open_database_after_stop_backup_gives_abort_by_server, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, NULL, NULL), JET_errBackupAbortByServer);
    bk_expect_running(&env);
    bk_term(&env);
}

/* ---- OpenFile (log or other file) ------------------------------------------------------------------- */

SCENARIO(backup_open_log_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(bk_try_open(&env, bk_log_path(&env, 1), NULL, NULL), JET_errNoBackup);
    bk_term(&env);
}

SCENARIO(backup_open_log_in_database_phase_gives_database_not_found_and_backup_continues, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, bk_log_path(&env, 1), NULL, NULL), JET_errDatabaseNotFound);
    EXPECT_ERR(bk_try_open(&env, path_in_dir("no-such-file.edb"), NULL, NULL), JET_errDatabaseNotFound);
    bk_expect_running(&env);
    bk_copy_databases(&env); /* the handle slot was released and the database phase goes on */
    bk_list logs;
    bk_log_list(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_open_log_in_log_phase_opens_it, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    unsigned long long cb = 0;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_EQ_UL(logs.n, 1);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, (unsigned long long)file_size(logs.name[0]));
    EXPECT_EQ_UL(cb, BK_LOG_SIZE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_open_missing_log_in_log_phase_gives_missing_file_and_ends_the_backup, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_EQ_UL(logs.n, 1);
    EXPECT(unlink(logs.name[0]) == 0);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], NULL, NULL), JET_errMissingFileToBackup);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_open_log_after_stop_backup_gives_abort_by_server, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], NULL, NULL), JET_errBackupAbortByServer);
    bk_expect_running(&env);
    bk_term(&env);
}

/* ---- ReadFile --------------------------------------------------------------------------------------- */

SCENARIO(backup_read_file_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    unsigned long n = 0;
    void *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    EXPECT_ERR(JetReadFileInstance(env.inst, 0, buf, 4 * BK_PAGE, &n), JET_errNoBackup);
    bk_term(&env);
}

SCENARIO(backup_read_file_in_database_phase_reads, "api Streaming backup") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(3 * BK_PAGE);
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 3 * BK_PAGE);
    EXPECT(memcmp(buf, buf + BK_PAGE, BK_PAGE) == 0); /* the two header copies */
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_read_file_in_log_phase_reads, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(2 * BK_PAGE);
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 2 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 2 * BK_PAGE);
    EXPECT(memcmp(buf, bk_slurp(logs.name[0], NULL), 2 * BK_PAGE) == 0);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_read_file_after_stop_backup_gives_abort_by_server, "api Streaming backup") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(3 * BK_PAGE);
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errBackupAbortByServer);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errBackupAbortByServer);
    bk_expect_running(&env);
    bk_term(&env);
}

/* ---- CloseFile -------------------------------------------------------------------------------------- */

SCENARIO(backup_close_file_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetCloseFileInstance(env.inst, 0), JET_errNoBackup);
    bk_term(&env);
}

SCENARIO(backup_close_file_in_database_phase_closes, "api Streaming backup") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(3 * BK_PAGE);
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errInvalidParameter); /* no longer open */
    bk_copy_databases(&env); /* the slot is free again: the database opens and streams from the start */
    bk_term(&env);
}

SCENARIO(backup_close_file_in_log_phase_closes, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errInvalidParameter);
    bk_copy_logs(&env, &logs);
    bk_term(&env);
}

SCENARIO(backup_close_file_after_stop_backup_closes, "api Streaming backup") {
    bk_env env;
    JET_HANDLE h = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errInvalidParameter);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

/* ---- GetLogInfo / GetTruncateLogInfo ---------------------------------------------------------------- */

SCENARIO(backup_get_log_info_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errNoBackup);
    EXPECT_ERR(JetGetLogInfoInstanceW(env.inst, NULL, 0, &cb), JET_errNoBackup);
    bk_expect_archived(&env, 1, 2); /* nothing rolled */
    bk_term(&env);
}

SCENARIO(backup_get_truncate_log_info_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errNoBackup);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceW(env.inst, NULL, 0, &cb), JET_errNoBackup);
    bk_expect_archived(&env, 1, 2);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_in_database_phase_rolls_the_log_and_ends_the_database_phase, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    EXPECT_EQ_UL(cur, 3);
    bk_to_databases(&env);
    bk_expect_archived(&env, 1, cur - 1);
    bk_log_list(&env, &logs);
    bk_expect_archived(&env, 1, cur); /* the roll archived the generation that was current */
    bk_expect_logs(&env, &logs, cur, cur);
    EXPECT_ERR(bk_try_open(&env, env.db, NULL, NULL), JET_errInvalidBackupSequence);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_get_truncate_log_info_in_database_phase_rolls_the_log_and_ends_the_database_phase, "api Streaming backup") {
    bk_env env;
    char buf[8192];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    bk_expect_archived(&env, 1, cur);
    EXPECT_ERR(bk_try_open(&env, env.db, NULL, NULL), JET_errInvalidBackupSequence);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_with_a_file_open_gives_invalid_backup_sequence, "api Streaming backup") {
    bk_env env;
    JET_HANDLE h = 0;
    char buf[8192];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errInvalidBackupSequence);
    bk_expect_archived(&env, 1, cur - 1); /* refused before the roll */
    bk_expect_running(&env);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_list logs;
    bk_log_list(&env, &logs);
    bk_expect_logs(&env, &logs, cur, cur);
    bk_term(&env);
}

SCENARIO(backup_get_truncate_log_info_with_a_file_open_gives_invalid_backup_sequence, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    char buf[8192];
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errInvalidBackupSequence);
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errInvalidBackupSequence);
    bk_expect_running(&env);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_in_log_phase_lists_again_without_rolling, "api Streaming backup") {
    bk_env env;
    bk_list first, second;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &first);
    bk_expect_archived(&env, 1, cur);
    bk_log_list(&env, &second);
    bk_expect_archived(&env, 1, cur);
    bk_expect_logs(&env, &first, cur, cur);
    bk_expect_logs(&env, &second, cur, cur);
    bk_copy_logs(&env, &second);
    bk_log_list(&env, &second); /* after the copy too */
    bk_expect_logs(&env, &second, cur, cur);
    bk_expect_archived(&env, 1, cur);
    bk_term(&env);
}

SCENARIO(backup_get_truncate_log_info_in_log_phase_lists_without_rolling, "api Streaming backup") {
    bk_env env;
    bk_list logs, truncatable;
    char buf[8192];
    unsigned long cb = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs); /* the database was copied completely, so nothing holds the range back */
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    bk_split(buf, &truncatable);
    bk_expect_logs(&env, &truncatable, 1, cur); /* [oldest on disk, min(checkpoint, CopyMac)) */
    bk_expect_archived(&env, 1, cur);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_after_stop_backup_gives_abort_by_server, "api Streaming backup") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errBackupAbortByServer);
    EXPECT_ERR(JetGetLogInfoInstanceW(env.inst, NULL, 0, &cb), JET_errBackupAbortByServer);
    bk_expect_archived(&env, 1, 2); /* no roll */
    bk_expect_running(&env);
    bk_term(&env);
}

SCENARIO(backup_get_truncate_log_info_after_stop_backup_gives_abort_by_server, "api Streaming backup") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_stopped(&env);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errBackupAbortByServer);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceW(env.inst, NULL, 0, &cb), JET_errBackupAbortByServer);
    bk_expect_archived(&env, 1, 2);
    bk_expect_running(&env);
    bk_term(&env);
}

/* ---- TruncateLog ------------------------------------------------------------------------------------ */

SCENARIO(backup_truncate_log_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errNoBackup);
    bk_expect_archived(&env, 1, 2);
    bk_term(&env);
}

SCENARIO(backup_truncate_log_in_database_phase_gives_invalid_backup_sequence, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    bk_copy_databases(&env);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errInvalidBackupSequence);
    bk_expect_archived(&env, 1, 2);
    bk_expect_running(&env);
    bk_copy_databases(&env); /* still in the database phase */
    bk_term(&env);
}

SCENARIO(backup_truncate_log_in_log_phase_truncates, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, 1, 0); /* [1, cur] deleted: everything before the new current generation */
    EXPECT(file_size(bk_current_log_path(&env)) > 0);
    EXPECT(cur == 3);
    bk_expect_running(&env);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_truncate_log_before_the_logs_are_copied_gives_log_file_not_copied, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errLogFileNotCopied);
    bk_expect_archived(&env, 1, cur); /* nothing deleted */
    bk_expect_running(&env);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_truncate_log_after_stop_backup_gives_abort_by_server, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errBackupAbortByServer);
    bk_expect_archived(&env, 1, cur);
    bk_expect_running(&env);
    bk_term(&env);
}

/* ---- End -------------------------------------------------------------------------------------------- */

SCENARIO(backup_end_when_not_started_gives_no_backup, "api Streaming backup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errNoBackup);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), JET_errNoBackup);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errNoBackup);
    bk_term(&env);
}

SCENARIO(backup_end_in_database_phase_succeeds_and_is_recorded_as_an_abort, "api Streaming backup") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    bk_to_databases(&env);
    bk_copy_databases(&env);
    /* Normal and "logs truncated": would stamp bkinfoFullPrev if the backup counted as complete. */
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal | JET_bitBackupTruncateDone),
               JET_errSuccess);
    bk_expect_ended(&env);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 0);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    bk_term(&env);
}

SCENARIO(backup_end_in_log_phase_succeeds_and_ends_the_backup, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_expect_ended(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal); /* and a new backup can start */
    bk_term(&env);
}

SCENARIO(backup_end_after_stop_backup_succeeds_and_is_recorded_as_an_abort, "api Streaming backup") {
    bk_env env;
    bk_list logs;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), JET_errSuccess);
    bk_expect_ended(&env);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0); /* aborted by server: no header stamping */
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 0);
    bk_term(&env);
}
