/* The argument rules of the streaming-backup calls: Begin's grbits, GetAttachInfo's buffers
 * (5.2), OpenFile's single handle slot (5.3), ReadFile's buffer rules (5.4) and the handle checks
 * of ReadFile and CloseFile (5.5).
 *
 * ESE checks ReadFile's buffer (alignment, length, first-read size) before it touches the file and returns
 * -1003 straight away (backup.cxx ErrBKReadFile: `return ErrERRCheck(JET_errInvalidParameter)` ahead of the
 * HandleError path), so a rejected buffer neither consumes the file, closes the handle nor ends the backup, in
 * the database phase and in the log phase alike. The scenarios below check exactly that.
 */
#include "backup_fixtures.h"

/* ---- Begin ------------------------------------------------------------------------------------------ */

SCENARIO(backup_begin_with_atomic_grbit_gives_invalid_grbit, "api JetBeginExternalBackup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupAtomic), JET_errInvalidGrbit);
    bk_expect_ended(&env); /* nothing started */
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_term(&env);
}

SCENARIO(backup_begin_with_snapshot_grbit_gives_invalid_grbit, "api JetBeginExternalBackup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupSnapshot), JET_errInvalidGrbit);
    bk_expect_ended(&env);
    bk_term(&env);
}

SCENARIO(backup_begin_with_any_other_grbit_gives_invalid_grbit, "api JetBeginExternalBackup") {
    static const JET_GRBIT bad[] = {0x2, 0x8, 0x80, 0x100, 0x10000, 0x80000000UL,
                                    JET_bitBackupIncremental | JET_bitBackupAtomic};
    bk_env env;
    bk_setup(&env);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        JET_ERR err = JetBeginExternalBackupInstance(env.inst, bad[i]);
        if (err != JET_errInvalidGrbit)
            harness_fail(__FILE__, __LINE__, "Begin(0x%lx) returned %ld, expected -900", bad[i], (long)err);
        bk_expect_ended(&env);
    }
    bk_term(&env);
}

SCENARIO(backup_begin_with_a_bad_grbit_while_a_backup_runs_gives_invalid_grbit, "api JetBeginExternalBackup") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    /* the grbit check (step 6) comes before the "already running" check (step 9) */
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupAtomic), JET_errInvalidGrbit);
    bk_expect_running(&env);
    bk_term(&env);
}

/* ---- GetAttachInfo ---------------------------------------------------------------------------------- */

SCENARIO(backup_get_attach_info_with_null_buffer_reports_the_size, "api JetGetAttachInfo") {
    bk_env env;
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, NULL, 0, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, strlen(env.db) + 2);
    cb = 0;
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, NULL, 0, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, (bk_wcslen(utf16(env.db)) + 2) * sizeof(WCHAR));
    cb = 0;
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, NULL, 7, &cb), JET_errSuccess); /* any cbMax */
    EXPECT_EQ_UL(cb, (bk_wcslen(utf16(env.db)) + 2) * sizeof(WCHAR));
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_w_truncates_silently_and_reports_the_full_size, "api JetGetAttachInfo") {
    bk_env env;
    WCHAR buf[512];
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    const WCHAR *expected = utf16(env.db);
    unsigned long full = (unsigned long)((bk_wcslen(expected) + 2) * sizeof(WCHAR));
    memset(buf, 0xAB, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, buf, 10, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, full);
    EXPECT(memcmp(buf, expected, 10) == 0);
    const unsigned char *rest = (const unsigned char *)buf + 10;
    for (size_t i = 0; i < sizeof buf - 10; i++) EXPECT(rest[i] == 0xAB); /* nothing past cbMax */
    /* an odd cbMax copies that many bytes */
    memset(buf, 0xAB, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, buf, 7, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, full);
    EXPECT(memcmp(buf, expected, 7) == 0);
    EXPECT(((unsigned char *)buf)[7] == 0xAB);
    /* a large enough buffer gets the whole list */
    memset(buf, 0xAB, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, full);
    EXPECT(bk_wcs_equals(buf, env.db));
    EXPECT(buf[bk_wcslen(buf) + 1] == 0);
    bk_expect_running(&env);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_a_with_a_too_small_buffer_gives_buffer_too_small, "api JetGetAttachInfo") {
    bk_env env;
    char buf[4096];
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, 10, &cb), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, (unsigned long)strlen(env.db) + 1, &cb),
               JET_errBufferTooSmall); /* one byte short: the final NUL */
    bk_expect_running(&env);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, (unsigned long)strlen(env.db) + 2, &cb), JET_errSuccess);
    EXPECT(strcmp(buf, env.db) == 0);
    EXPECT_EQ_UL(cb, strlen(env.db) + 2);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_a_with_zero_cbmax_succeeds_and_reports_the_size, "api JetGetAttachInfo") {
    bk_env env;
    char buf[64];
    unsigned long cb = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    memset(buf, 0x5A, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, 0, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, strlen(env.db) + 2);
    for (size_t i = 0; i < sizeof buf; i++) EXPECT(buf[i] == 0x5A);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_lists_every_attached_database_in_order, "api JetGetAttachInfo") {
    bk_env env;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    bk_setup(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    bk_to_databases(&env);
    bk_list dbs;
    bk_attach_list(&env, &dbs);
    EXPECT_EQ_UL(dbs.n, 2);
    EXPECT(strcmp(dbs.name[0], env.db) == 0);
    EXPECT(strcmp(dbs.name[1], second) == 0);
    WCHAR wbuf[2048];
    unsigned long cb = 0;
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, wbuf, sizeof wbuf, &cb), JET_errSuccess);
    bk_list wdbs;
    bk_split_w(wbuf, cb, &wdbs);
    EXPECT_EQ_UL(wdbs.n, 2);
    EXPECT(strcmp(wdbs.name[0], env.db) == 0);
    EXPECT(strcmp(wdbs.name[1], second) == 0);
    EXPECT_EQ_UL(cb, (bk_wcslen(utf16(env.db)) + 1 + bk_wcslen(utf16(second)) + 1 + 1) * sizeof(WCHAR));
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_with_no_database_gives_an_empty_list, "api JetGetAttachInfo") {
    bk_env env;
    WCHAR wbuf[16];
    char buf[16];
    unsigned long cb = 0;
    bk_setup_with(&env, "backup", "inst", NULL, 0, 2, -1, 0, NULL);
    bk_to_databases(&env);
    memset(wbuf, 0xAB, sizeof wbuf);
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, wbuf, sizeof wbuf, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, sizeof(WCHAR));
    EXPECT(wbuf[0] == 0);
    memset(buf, 0x5A, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, sizeof buf, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, 1);
    EXPECT(buf[0] == 0);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_omits_a_detached_database, "api JetGetAttachInfo") {
    bk_env env;
    JET_DBID dbid2 = 0;
    char second[BK_PATH];
    bk_setup(&env);
    bk_join(second, sizeof second, env.dir, "second.edb");
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, second, NULL, &dbid2, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, dbid2, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, second), JET_errSuccess);
    bk_to_databases(&env);
    bk_list dbs;
    bk_attach_list(&env, &dbs);
    EXPECT_EQ_UL(dbs.n, 1);
    EXPECT(strcmp(dbs.name[0], env.db) == 0);
    EXPECT_ERR(bk_try_open(&env, second, NULL, NULL), JET_errDatabaseNotFound);
    bk_term(&env);
}

/* ---- OpenFile --------------------------------------------------------------------------------------- */

SCENARIO(backup_open_file_while_a_file_is_open_gives_out_of_memory, "api JetOpenFile") {
    bk_env env;
    JET_HANDLE h = 0, h2 = 0;
    unsigned long long cb = 0;
    size_t got = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, &cb), JET_errSuccess);
    EXPECT_ERR(bk_try_open(&env, env.db, &h2, NULL), JET_errOutOfMemory);
    /* the slot is checked before the name: a name that is no database gives -1011 too */
    EXPECT_ERR(bk_try_open(&env, bk_log_path(&env, 1), &h2, NULL), JET_errOutOfMemory);
    EXPECT_ERR(bk_try_read_to_end(&env, h, BK_CHUNK, &got), JET_errSuccess); /* the first handle is unharmed */
    EXPECT_EQ_UL(got, cb);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_expect_running(&env);
    bk_term(&env);
}

SCENARIO(backup_open_file_in_log_phase_while_a_file_is_open_gives_out_of_memory_and_backup_continues, "api JetOpenFile") {
    bk_env env;
    bk_list logs;
    JET_HANDLE h = 0, h2 = 0;
    size_t got = 0;
    bk_setup(&env);
    bk_begin(&env, 0);
    bk_copy_databases(&env);
    roll_logs(env.sesid, 1); /* two logs in the list */
    bk_log_list(&env, &logs);
    EXPECT_EQ_UL(logs.n, 2);
    EXPECT_ERR(bk_try_open(&env, logs.name[0], &h, NULL), JET_errSuccess);
    EXPECT_ERR(bk_try_open(&env, logs.name[1], &h2, NULL), JET_errOutOfMemory);
    bk_expect_running(&env); /* -1011 is returned before the log-phase error handling */
    EXPECT_ERR(bk_try_read_to_end(&env, h, 4 * BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got, BK_LOG_SIZE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_open_file_with_null_or_empty_name_gives_invalid_parameter, "api JetOpenFile") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long lo = 0, hi = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetOpenFileInstanceA(env.inst, NULL, &h, &lo, &hi), JET_errInvalidParameter);
    EXPECT_ERR(JetOpenFileInstanceA(env.inst, "", &h, &lo, &hi), JET_errInvalidParameter);
    EXPECT_ERR(JetOpenFileInstanceW(env.inst, NULL, &h, &lo, &hi), JET_errInvalidParameter);
    EXPECT_ERR(JetOpenFileInstanceW(env.inst, u"", &h, &lo, &hi), JET_errInvalidParameter);
    bk_expect_running(&env);
    bk_copy_databases(&env);
    bk_term(&env);
}

/* ---- ReadFile: buffer rules ------------------------------------------------------------------------- */

/* Opens the database in the database phase and returns its handle. */
static JET_HANDLE open_database(bk_env *env, unsigned long long *pcb) {
    JET_HANDLE h = 0;
    bk_to_databases(env);
    EXPECT_ERR(bk_try_open(env, env->db, &h, pcb), JET_errSuccess);
    return h;
}

/* Takes the log list and opens the first listed log. */
static JET_HANDLE open_log(bk_env *env, bk_list *logs) {
    JET_HANDLE h = 0;
    bk_to_logs(env, logs);
    EXPECT_ERR(bk_try_open(env, logs->name[0], &h, NULL), JET_errSuccess);
    return h;
}

SCENARIO(backup_database_read_into_an_unaligned_buffer_gives_invalid_parameter, "api JetReadFile") {
    bk_env env;
    unsigned long long cb = 0;
    unsigned long n = 77;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE + 4096);
    bk_setup(&env);
    JET_HANDLE h = open_database(&env, &cb);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf + 1, 3 * BK_PAGE, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf + 512, 3 * BK_PAGE, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf + 2048, 3 * BK_PAGE, &n), JET_errInvalidParameter);
    /* nothing was consumed: the handle still streams the whole file from its start */
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 3 * BK_PAGE);
    EXPECT(memcmp(buf, buf + BK_PAGE, BK_PAGE) == 0);
    EXPECT_ERR(bk_try_read_to_end(&env, h, BK_CHUNK, &got), JET_errSuccess);
    EXPECT_EQ_UL(got + 3 * BK_PAGE, cb);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_log_read_into_an_unaligned_buffer_gives_invalid_parameter, "api JetReadFile") {
    bk_env env;
    bk_list logs;
    unsigned long n = 0;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE + 4096);
    bk_setup(&env);
    JET_HANDLE h = open_log(&env, &logs);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf + 1, 2 * BK_PAGE, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf + 512, 2 * BK_PAGE, &n), JET_errInvalidParameter);
    bk_expect_running(&env);
    EXPECT_ERR(bk_try_read_to_end(&env, h, 2 * BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got, BK_LOG_SIZE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess); /* the log counts as copied */
    bk_term(&env);
}

SCENARIO(backup_database_read_not_a_page_multiple_gives_invalid_parameter, "api JetReadFile") {
    bk_env env;
    unsigned long long cb = 0;
    unsigned long n = 0;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(8 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_database(&env, &cb);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE + 512, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 4 * BK_PAGE - 1, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_PAGE + 1, &n), JET_errInvalidParameter); /* later reads too */
    EXPECT_ERR(bk_try_read_to_end(&env, h, BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got + 3 * BK_PAGE, cb);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_log_read_not_a_page_multiple_gives_invalid_parameter, "api JetReadFile") {
    bk_env env;
    bk_list logs;
    unsigned long n = 0;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(8 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_log(&env, &logs);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 2 * BK_PAGE + 100, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 2 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_PAGE + 512, &n), JET_errInvalidParameter);
    bk_expect_running(&env);
    EXPECT_ERR(bk_try_read_to_end(&env, h, BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got + 2 * BK_PAGE, BK_LOG_SIZE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_first_database_read_of_fewer_than_three_pages_gives_invalid_parameter, "api JetReadFile") {
    bk_env env;
    unsigned long long cb = 0;
    unsigned long n = 0;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_database(&env, &cb);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 2 * BK_PAGE, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_PAGE, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 3 * BK_PAGE);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_PAGE, &n), JET_errSuccess); /* later reads: any page count */
    EXPECT_EQ_UL(n, BK_PAGE);
    EXPECT_ERR(bk_try_read_to_end(&env, h, 2 * BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got + 4 * BK_PAGE, cb);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_first_log_read_of_fewer_than_two_pages_gives_invalid_parameter, "api JetReadFile") {
    bk_env env;
    bk_list logs;
    unsigned long n = 0;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_log(&env, &logs);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_PAGE, &n), JET_errInvalidParameter);
    bk_expect_running(&env);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 2 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 2 * BK_PAGE);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, BK_PAGE);
    EXPECT_ERR(bk_try_read_to_end(&env, h, BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got + 3 * BK_PAGE, BK_LOG_SIZE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_database_read_of_zero_bytes_gives_invalid_parameter, "api JetReadFile") {
    bk_env env;
    unsigned long long cb = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_database(&env, &cb);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 0, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 0, &n), JET_errInvalidParameter); /* also after the first */
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_first_log_read_of_zero_bytes_gives_invalid_parameter, "api JetReadFile") {
    bk_env env;
    bk_list logs;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_log(&env, &logs);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 0, &n), JET_errInvalidParameter);
    bk_expect_running(&env);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 2 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_database_read_at_end_of_file_gives_success_with_zero_bytes, "api JetReadFile") {
    bk_env env;
    unsigned long long cb = 0;
    unsigned long n = 0;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_database(&env, &cb);
    EXPECT_ERR(bk_try_read_to_end(&env, h, 4 * BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got, cb);
    n = 99;
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 4 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 0);
    n = 99;
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 4 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 0);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_log_read_at_end_of_file_gives_success_with_zero_bytes, "api JetReadFile") {
    bk_env env;
    bk_list logs;
    unsigned long n = 0;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_log(&env, &logs);
    EXPECT_ERR(bk_try_read_to_end(&env, h, 4 * BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got, BK_LOG_SIZE);
    n = 99;
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 4 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 0);
    n = 99;
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 2 * BK_PAGE, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 0);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_read_file_without_pcbactual_reads, "api JetReadFile") {
    bk_env env;
    unsigned long long cb = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    JET_HANDLE h = open_database(&env, &cb);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, NULL), JET_errSuccess);
    EXPECT(memcmp(buf, buf + BK_PAGE, BK_PAGE) == 0);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, BK_PAGE, &n), JET_errSuccess); /* it did consume 3 pages */
    EXPECT_EQ_UL(n, BK_PAGE);
    EXPECT(memcmp(buf, bk_slurp(env.db, NULL) + 3 * BK_PAGE, BK_PAGE) == 0); /* page 2 of the database */
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_read_file_with_another_handle_gives_invalid_parameter, "api Handles") {
    bk_env env;
    unsigned long long cb = 0;
    unsigned long n = 0;
    size_t got = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetReadFileInstance(env.inst, 0, buf, 3 * BK_PAGE, &n), JET_errInvalidParameter); /* none open */
    JET_HANDLE h = 0;
    EXPECT_ERR(bk_try_open(&env, env.db, &h, &cb), JET_errSuccess);
    EXPECT_ERR(JetReadFileInstance(env.inst, h + 1, buf, 3 * BK_PAGE, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, ~h, buf, 3 * BK_PAGE, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetReadFileInstance(env.inst, (JET_HANDLE)-1, buf, 3 * BK_PAGE, &n), JET_errInvalidParameter);
    bk_expect_running(&env);
    EXPECT_ERR(bk_try_read_to_end(&env, h, 3 * BK_PAGE, &got), JET_errSuccess);
    EXPECT_EQ_UL(got, cb);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

/* ---- CloseFile -------------------------------------------------------------------------------------- */

SCENARIO(backup_close_file_with_another_handle_gives_invalid_parameter, "api Handles") {
    bk_env env;
    JET_HANDLE h = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, NULL), JET_errSuccess);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h + 1), JET_errInvalidParameter);
    EXPECT_ERR(JetCloseFileInstance(env.inst, (JET_HANDLE)-1), JET_errInvalidParameter);
    EXPECT_ERR(bk_try_open(&env, env.db, NULL, NULL), JET_errOutOfMemory); /* still open */
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_close_file_with_nothing_open_gives_invalid_parameter, "api JetCloseFile") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetCloseFileInstance(env.inst, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetCloseFileInstance(env.inst, 1), JET_errInvalidParameter);
    bk_log_list(&env, &logs);
    EXPECT_ERR(JetCloseFileInstance(env.inst, 0), JET_errInvalidParameter);
    bk_expect_running(&env);
    bk_term(&env);
}
