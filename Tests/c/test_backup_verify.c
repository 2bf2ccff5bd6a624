/* Every page and log is verified as it is streamed: a damaged database page gives
 * -1018, a page carrying another page's number -1118, at once (no retry loop); a damaged log -612. A database
 * read error drops that database and closes its handle, and the backup goes on; a log read error ends the backup.
 *
 * Page n of a database file is at byte (n + 1) * page size; a data page has its checksum in bytes 0..7 and its
 * page number in bytes 8..11 (docs/file-formats.md).
 */
#include "backup_fixtures.h"

#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Opens the database and reads the header copies and page 1 (3 pages), then one page at a time until pgno
 * `bad`, which must fail with `want`; the earlier pages must come back as they are in the file. */
static void read_up_to_bad_page(bk_env *env, unsigned long bad, JET_ERR want, JET_HANDLE *ph) {
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(3 * BK_PAGE);
    unsigned char *file = bk_slurp(env->db, NULL);
    EXPECT_ERR(bk_try_open(env, env->db, ph, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env->inst, *ph, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT(memcmp(buf + 2 * BK_PAGE, file + 2 * BK_PAGE, BK_PAGE) == 0);
    for (unsigned long pgno = 2; pgno < bad; pgno++) {
        EXPECT_ERR(JetReadFileInstance(env->inst, *ph, buf, BK_PAGE, &n), JET_errSuccess);
        EXPECT_EQ_UL(n, BK_PAGE);
        EXPECT(memcmp(buf, file + (pgno + 1) * BK_PAGE, BK_PAGE) == 0);
    }
    double start = now();
    EXPECT_ERR(JetReadFileInstance(env->inst, *ph, buf, BK_PAGE, &n), want);
    double took = now() - start;
    if (took > 2.0) harness_fail(__FILE__, __LINE__, "the failing read took %.1f s: verification must not retry", took);
}

SCENARIO(backup_damaged_database_page_gives_read_verify_failure, "api JetReadFile") {
    bk_env env;
    JET_HANDLE h = 0;
    bk_setup(&env);
    bk_flip(env.db, 5 * (long long)BK_PAGE + 100); /* a byte in the body of page 4 */
    bk_to_databases(&env);
    read_up_to_bad_page(&env, 4, JET_errReadVerifyFailure, &h);
    bk_term(&env);
}

SCENARIO(backup_page_with_another_page_number_gives_read_pgno_verify_failure, "api JetReadFile") {
    bk_env env;
    JET_HANDLE h = 0;
    bk_setup(&env);
    /* page 3's bytes, valid for page 3, over page 5 */
    unsigned char *file = bk_slurp(env.db, NULL);
    bk_patch(env.db, 6 * (long long)BK_PAGE, file + 4 * BK_PAGE, BK_PAGE);
    bk_to_databases(&env);
    read_up_to_bad_page(&env, 5, JET_errReadPgnoVerifyFailure, &h);
    bk_term(&env);
}

SCENARIO(backup_damaged_database_page_is_reported_in_a_large_read, "api JetReadFile") {
    bk_env env;
    size_t got = 0;
    bk_setup(&env);
    bk_flip(env.db, (long long)(bk_pgno_last(env.db) + 1) * (long long)BK_PAGE + 2000); /* the last page */
    bk_to_databases(&env);
    JET_HANDLE h = 0;
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(bk_try_read_to_end(&env, h, 256 * BK_PAGE, &got), JET_errReadVerifyFailure);
    bk_term(&env);
}

SCENARIO(backup_database_read_error_drops_the_database_and_the_backup_continues, "api JetReadFile") {
    bk_env env;
    JET_HANDLE h = 0;
    JET_DBINFOMISC misc;
    bk_list logs;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(3 * BK_PAGE);
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_flip(env.db, 5 * (long long)BK_PAGE + 100);
    bk_to_databases(&env);
    read_up_to_bad_page(&env, 4, JET_errReadVerifyFailure, &h);
    bk_expect_running(&env);
    /* the handle was closed for us */
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_PAGE, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errInvalidParameter);
    /* so the log list is allowed (it would be -521 with a file open), and the backup completes */
    bk_log_list(&env, &logs);
    bk_expect_logs(&env, &logs, cur, cur);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_expect_archived(&env, 1, cur); /* the dropped database (no full backup yet) keeps every log */
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0); /* not copied: not stamped */
    bk_term(&env);
}

SCENARIO(backup_database_read_error_leaves_other_databases_in_the_backup, "api JetReadFile") {
    bk_env env;
    JET_HANDLE h = 0;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    JET_DBINFOMISC misc;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    bk_flip(env.db, 5 * (long long)BK_PAGE + 100);
    bk_to_databases(&env);
    read_up_to_bad_page(&env, 4, JET_errReadVerifyFailure, &h);
    bk_stream(&env, second, BK_CHUNK, NULL);
    bk_log_list(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_dbinfo(second, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, cur);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    bk_term(&env);
}

SCENARIO(backup_zeroed_database_page_is_accepted, "api JetReadFile") {
    bk_env env;
    size_t cb = 0;
    bk_setup(&env);
    unsigned char *zero = aligned_buffer(BK_PAGE);
    memset(zero, 0, BK_PAGE);
    bk_patch(env.db, 7 * (long long)BK_PAGE, zero, BK_PAGE); /* page 6, as if never written */
    bk_to_databases(&env);
    unsigned char *stream = bk_stream(&env, env.db, BK_CHUNK, &cb);
    EXPECT_EQ_UL(cb, (unsigned long long)file_size(env.db) + BK_PAGE);
    EXPECT(memcmp(stream + 7 * BK_PAGE, zero, BK_PAGE) == 0);
    bk_term(&env);
}

SCENARIO(backup_damaged_log_gives_log_read_verify_failure_and_ends_the_backup, "api JetReadFile") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    size_t got = 0;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    bk_flip(logs.name[0], bk_log_data_offset(logs.name[0]));
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(bk_try_read_to_end(&env, h, 2 * BK_PAGE, &got), JET_errLogReadVerifyFailure);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errNoBackup);
    bk_expect_ended(&env);
    bk_expect_archived(&env, 1, cur); /* nothing truncated */
    bk_term(&env);
}

SCENARIO(backup_damaged_log_is_reported_in_a_whole_file_read, "api JetReadFile") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(BK_LOG_SIZE);
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_flip(logs.name[0], bk_log_data_offset(logs.name[0]));
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_LOG_SIZE, &n), JET_errLogReadVerifyFailure);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_log_damaged_in_another_backup_log_does_not_affect_the_listed_one, "api JetReadFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_flip(bk_log_path(&env, 1), bk_log_data_offset(bk_log_path(&env, 1))); /* not part of this backup */
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}
