/* Only the backup set can be opened.
 *
 * Database phase: a name that is not an attached database gives -1203 and the backup continues (as in ESE).
 * Log phase: an attached database keeps ESE's -521 (backup ended); a log listed by this backup's log list opens,
 * also through a symlink or a path with '..' that resolves to it (membership is decided on the resolved path); a
 * listed log that vanished gives -569 and ends the backup; any other name gives -1003 and ends the backup, and
 * nothing outside the set is ever opened.
 */
#define _GNU_SOURCE
#include "backup_fixtures.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Database phase --------------------------------------------------------------------------------- */

SCENARIO(backup_set_database_phase_refuses_a_file_that_is_no_database, "api JetOpenFile") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, "/etc/passwd", NULL, NULL), JET_errDatabaseNotFound);
    EXPECT_ERR(bk_try_open(&env, bk_current_log_path(&env), NULL, NULL), JET_errDatabaseNotFound);
    bk_expect_running(&env);
    bk_copy_databases(&env);
    bk_term(&env);
}

SCENARIO(backup_set_database_phase_opens_a_database_by_relative_path, "api JetOpenFile") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long long cb = 0;
    size_t got = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, "inst/data.edb", &h, &cb), JET_errSuccess); /* made absolute */
    EXPECT_ERR(bk_try_read_to_end(&env, h, BK_CHUNK, &got), JET_errSuccess);
    EXPECT_EQ_UL(got, cb);
    EXPECT_EQ_UL(cb, (unsigned long long)file_size(env.db) + BK_PAGE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_set_database_phase_refuses_a_detached_database, "api JetOpenFile") {
    bk_env env;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    bk_setup(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, dbid2, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, second), JET_errSuccess);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, second, NULL, NULL), JET_errDatabaseNotFound);
    bk_expect_running(&env);
    bk_term(&env);
}

/* ---- Log phase: what opens -------------------------------------------------------------------------- */

SCENARIO(backup_set_log_phase_opens_a_listed_log_through_a_symlink, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    size_t cb = 0;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    const char *alias = path_in_dir("alias.log");
    EXPECT(symlink(logs.name[0], alias) == 0);
    unsigned char *p = bk_stream(&env, alias, 4 * BK_PAGE, &cb);
    EXPECT_EQ_UL(cb, BK_LOG_SIZE);
    EXPECT(memcmp(p, bk_slurp(logs.name[0], NULL), cb) == 0);
    bk_expect_running(&env);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_opens_a_listed_log_through_dot_dot, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    size_t cb = 0;
    char path[BK_PATH + 64];
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    const char *base = strrchr(logs.name[0], '/') + 1;
    EXPECT(mkdir(path_in_dir("sub"), 0700) == 0);
    snprintf(path, sizeof path, "%s/../inst/%.32s", path_in_dir("sub"), base);
    unsigned char *p = bk_stream(&env, path, 4 * BK_PAGE, &cb);
    EXPECT_EQ_UL(cb, BK_LOG_SIZE);
    EXPECT(memcmp(p, bk_slurp(logs.name[0], NULL), cb) == 0);
    snprintf(path, sizeof path, "%s/./../inst/%.32s", env.dir, base);
    bk_stream(&env, path, 4 * BK_PAGE, &cb);
    bk_expect_running(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_opens_a_listed_log_by_relative_path, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    size_t cb = 0;
    char path[128];
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    snprintf(path, sizeof path, "inst/%.32s", strrchr(logs.name[0], '/') + 1);
    bk_stream(&env, path, 4 * BK_PAGE, &cb);
    EXPECT_EQ_UL(cb, BK_LOG_SIZE);
    bk_expect_running(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_opens_a_listed_log_given_in_utf16, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    unsigned long lo = 0, hi = 0;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(JetOpenFileInstanceW(env.inst, utf16(logs.name[0]), &h, &lo, &hi), JET_errSuccess);
    EXPECT_EQ_UL(lo, BK_LOG_SIZE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

/* ---- Log phase: what is refused --------------------------------------------------------------------- */

SCENARIO(backup_set_log_phase_refuses_a_file_outside_the_set_and_ends_the_backup, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, "/etc/passwd", NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_refuses_the_current_log_and_ends_the_backup, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, bk_current_log_path(&env), NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_refuses_an_archived_log_that_is_not_listed, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_expect_logs(&env, &logs, 3, 3);
    EXPECT(file_size(bk_log_path(&env, 1)) == (long long)BK_LOG_SIZE); /* on disk, but older than the backup */
    EXPECT_ERR(bk_try_open(&env, bk_log_path(&env, 1), NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_refuses_a_log_archived_after_the_list, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs); /* lists generation 3; 4 is current */
    roll_logs(env.sesid, 1); /* 4 archived now, but not part of this backup */
    EXPECT_ERR(bk_try_open(&env, bk_log_path(&env, 4), NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_refuses_a_symlink_to_a_file_outside_the_set, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    /* named like the listed log, in another folder, pointing elsewhere */
    const char *fake = path_in_dir(strrchr(logs.name[0], '/') + 1);
    EXPECT(symlink("/etc/passwd", fake) == 0);
    EXPECT_ERR(bk_try_open(&env, fake, NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_refuses_a_copy_of_a_listed_log_in_another_folder, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    size_t cb = 0;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    unsigned char *p = bk_slurp(logs.name[0], &cb);
    const char *copy = path_in_dir(strrchr(logs.name[0], '/') + 1);
    FILE *f = fopen(copy, "wb");
    EXPECT(f != NULL);
    EXPECT(fwrite(p, 1, cb, f) == cb);
    fclose(f);
    EXPECT_ERR(bk_try_open(&env, copy, NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_refuses_a_missing_file_outside_the_set, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    /* not in the set: -1003, not -569 */
    EXPECT_ERR(bk_try_open(&env, path_in_dir("nowhere/edb00003.log"), NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_refuses_a_detached_database_file, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    bk_setup(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, dbid2, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, second), JET_errSuccess);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, second, NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_refuses_the_log_folder, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    EXPECT_ERR(bk_try_open(&env, env.dir, NULL, NULL), JET_errInvalidParameter);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_never_opens_a_file_outside_the_set, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    /* Opening a FIFO for reading blocks until a writer comes: the library must refuse it from its path alone. */
    const char *fifo = path_in_dir("edb00003.log");
    EXPECT(mkfifo(fifo, 0600) == 0);
    alarm(20);
    EXPECT_ERR(bk_try_open(&env, fifo, NULL, NULL), JET_errInvalidParameter);
    alarm(0);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_set_log_phase_listed_log_deleted_before_open_gives_missing_file_and_ends_the_backup, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_begin(&env, 0);
    roll_logs(env.sesid, 1);
    bk_copy_databases(&env);
    bk_log_list(&env, &logs);
    EXPECT_EQ_UL(logs.n, 2);
    bk_list first = logs;
    first.n = 1;
    bk_copy_logs(&env, &first);
    EXPECT(unlink(logs.name[1]) == 0);
    EXPECT_ERR(bk_try_open(&env, logs.name[1], NULL, NULL), JET_errMissingFileToBackup);
    bk_expect_ended(&env);
    bk_term(&env);
}
