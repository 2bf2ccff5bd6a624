/* What a backup streams (issue 3.3): the database stream is two stamped
 * copies of the header, pages 1..pgnoLast as they are in the file, and a trailer page, (pgnoLast + 3) pages in
 * all, fixed when the file is opened; each log is the file on disk byte for byte; an incremental backup streams
 * the logs written since the previous backup. Paths with non-ASCII names go through the W functions.
 */
#include "backup_fixtures.h"

#include <sys/stat.h>

static int all_zero(const unsigned char *p, size_t cb) {
    for (size_t i = 0; i < cb; i++)
        if (p[i]) return 0;
    return 1;
}

SCENARIO(backup_full_database_stream_has_the_ese_layout, "issue 3.3") {
    bk_env env;
    size_t cb = 0, cbFile = 0;
    char buf[8192];
    unsigned long cbList = 0;
    JET_LOGINFO_A info;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    unsigned char *stream = bk_stream(&env, env.db, BK_CHUNK, &cb);
    unsigned char *file = bk_slurp(env.db, &cbFile);
    unsigned long pgnoLast = (unsigned long)(cbFile / BK_PAGE) - 2;
    EXPECT(pgnoLast >= BK_DB_PAGES);
    EXPECT_EQ_UL(cb, (pgnoLast + 3) * BK_PAGE);
    EXPECT_EQ_UL(cb, cbFile + BK_PAGE);

    /* stream pages 0 and 1: two identical header copies carrying bkinfoFullCur (genLow = CopyMic, genHigh = 0) */
    EXPECT(memcmp(stream, stream + BK_PAGE, BK_PAGE) == 0);
    unsigned long genLow = bk_u32(stream, BK_HDR_FULLCUR + BK_BKINFO_GENLOW);
    EXPECT(genLow != 0);
    EXPECT_EQ_UL(genLow, cur);
    EXPECT_EQ_UL(bk_u32(stream, BK_HDR_FULLCUR + BK_BKINFO_GENHIGH), 0);
    EXPECT(memcmp(stream + BK_HDR_SIGNDB, file + BK_HDR_SIGNDB, 28) == 0); /* the same database */
    EXPECT_EQ_UL(bk_u32(file, BK_HDR_FULLCUR + BK_BKINFO_GENLOW), 0);      /* the live header is not stamped */
    EXPECT(memcmp(stream, file, BK_PAGE) != 0);

    /* pages 1..pgnoLast at (n + 1) * page size, equal to the live file's */
    EXPECT(memcmp(stream + 2 * BK_PAGE, file + 2 * BK_PAGE, pgnoLast * BK_PAGE) == 0);
    for (unsigned long n = 1; n <= pgnoLast; n++) {
        const unsigned char *page = stream + (n + 1) * BK_PAGE;
        if (!all_zero(page, BK_PAGE) && bk_u32(page, 8) != n)
            harness_fail(__FILE__, __LINE__, "stream page for pgno %lu carries page number %lu", n, bk_u32(page, 8));
    }

    /* the trailer is the last page and is no data page */
    const unsigned char *trailer = stream + (pgnoLast + 2) * BK_PAGE;
    EXPECT(!all_zero(trailer, BK_PAGE));
    EXPECT(memcmp(trailer, stream + (pgnoLast + 1) * BK_PAGE, BK_PAGE) != 0);
    EXPECT(memcmp(trailer, stream, BK_PAGE) != 0);
    EXPECT(bk_u32(trailer, 8) != pgnoLast + 1);

    /* the stamp is this backup's first log generation */
    memset(&info, 0, sizeof info);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cbList, &info), JET_errSuccess);
    EXPECT_EQ_UL(info.ulGenLow, genLow);
    bk_list logs;
    bk_split(buf, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_database_stream_is_the_same_for_every_buffer_size, "api JetReadFile") {
    static const unsigned long pages[] = {3, 4, 5, 7, 16, 256};
    bk_env env;
    size_t cbFirst = 0;
    bk_setup(&env);
    bk_begin(&env, 0);
    unsigned char *first = bk_stream(&env, env.db, 3 * BK_PAGE, &cbFirst);
    for (size_t i = 1; i < sizeof pages / sizeof pages[0]; i++) {
        size_t cb = 0;
        unsigned char *again = bk_stream(&env, env.db, pages[i] * BK_PAGE, &cb);
        if (cb != cbFirst || memcmp(again, first, cb) != 0)
            harness_fail(__FILE__, __LINE__, "streaming with %lu-page reads gave %zu different bytes (3-page: %zu)",
                         pages[i], cb, cbFirst);
    }
    bk_term(&env);
}

SCENARIO(backup_database_stream_size_is_fixed_when_the_file_is_opened, "api JetOpenFile") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long long cb = 0;
    unsigned long current = 0, real = 0, n = 0;
    unsigned char *buf = aligned_buffer(4 * BK_PAGE);
    bk_setup(&env);
    unsigned long pgnoLast = bk_pgno_last(env.db);
    bk_begin(&env, 0);
    EXPECT_ERR(bk_try_open(&env, env.db, &h, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, (pgnoLast + 3) * BK_PAGE);
    EXPECT_ERR(JetGrowDatabase(env.sesid, env.dbid, 0, &current), JET_errSuccess);
    EXPECT_ERR(JetGrowDatabase(env.sesid, env.dbid, current + 16, &real), JET_errSuccess);
    EXPECT_EQ_UL(bk_pgno_last(env.db), pgnoLast + 16); /* the file grew while it was open for backup */
    unsigned long long got = 0;
    for (;;) {
        EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 4 * BK_PAGE, &n), JET_errSuccess);
        if (n == 0) break;
        got += n;
    }
    EXPECT_EQ_UL(got, cb);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    /* opened again, the stream has the new size */
    EXPECT_ERR(bk_try_open(&env, env.db, &h, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, (pgnoLast + 16 + 3) * BK_PAGE);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_logs_streamed_equal_the_files_byte_for_byte, "issue 3.3") {
    static const unsigned long pages[] = {2, 3, 32};
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_begin(&env, 0);
    bk_copy_databases(&env);
    roll_logs(env.sesid, 2);
    bk_log_list(&env, &logs);
    bk_expect_logs(&env, &logs, cur, cur + 2);
    for (int i = 0; i < logs.n; i++) {
        size_t cbFile = 0;
        unsigned char *file = bk_slurp(logs.name[i], &cbFile);
        EXPECT_EQ_UL(cbFile, BK_LOG_SIZE);
        for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++) {
            size_t cb = 0;
            unsigned char *p = bk_stream(&env, logs.name[i], pages[k] * BK_PAGE, &cb);
            if (cb != cbFile || memcmp(p, file, cb) != 0)
                harness_fail(__FILE__, __LINE__, "%s streamed with %lu-page reads differs from the file",
                             logs.name[i], pages[k]);
        }
    }
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_incremental_after_more_commits_streams_the_new_logs, "issue 3.3") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_list logs;
    char buf[8192];
    unsigned long cb = 0;
    JET_LOGINFO_A info;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_dbinfo(env.db, &misc);
    long first = (long)misc.bkinfoFullPrev.genHigh + 1;
    roll_logs(env.sesid, 3); /* more commits, each in a new generation */
    bk_begin(&env, JET_bitBackupIncremental);
    memset(&info, 0, sizeof info);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, &info), JET_errSuccess);
    EXPECT_EQ_UL(info.ulGenLow, first);
    EXPECT_EQ_UL(info.ulGenHigh, first + 3);
    bk_split(buf, &logs);
    bk_expect_logs(&env, &logs, first, first + 3);
    bk_copy_logs(&env, &logs); /* each equal to its file */
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, first);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, first + 3);
    bk_term(&env);
}

/* Streams a file opened by its UTF-16 name; returns the size. */
static unsigned long long stream_w(bk_env *env, const WCHAR *name) {
    JET_HANDLE h = 0;
    unsigned long lo = 0, hi = 0;
    size_t got = 0;
    EXPECT_ERR(JetOpenFileInstanceW(env->inst, name, &h, &lo, &hi), JET_errSuccess);
    unsigned long long size = ((unsigned long long)(hi & 0xFFFFFFFFUL) << 32) | (lo & 0xFFFFFFFFUL);
    EXPECT_ERR(bk_try_read_to_end(env, h, BK_CHUNK, &got), JET_errSuccess);
    EXPECT_EQ_UL(got, size);
    EXPECT_ERR(JetCloseFileInstance(env->inst, h), JET_errSuccess);
    return size;
}

SCENARIO(backup_of_non_ascii_paths_through_the_w_functions, "issue 3.3") {
    bk_env env;
    char db1[BK_PATH], db2[BK_PATH];
    JET_DBID dbid1 = 0, dbid2 = 0;
    unsigned long cb = 0, cbA = 0;
    JET_DBINFOMISC misc;
    bk_setup_with(&env, "backup", "données-日本", NULL, 0, 2, -1, 0, NULL);
    long cur = bk_current_gen(&env);
    bk_join(db1, sizeof db1, env.dir, "sauvegarde-é-日本.edb");
    bk_join(db2, sizeof db2, env.dir, "base-😀.edb"); /* a character outside the BMP: a surrogate pair */
    EXPECT_ERR(JetCreateDatabaseW(env.sesid, utf16(db1), NULL, &dbid1, 0), JET_errSuccess);
    EXPECT_ERR(JetCreateDatabaseW(env.sesid, utf16(db2), NULL, &dbid2, 0), JET_errSuccess);
    EXPECT(file_size(db1) > 0); /* the UTF-8 name on disk */
    EXPECT(file_size(db2) > 0);
    bk_begin(&env, 0);

    /* the W list: UTF-16 names, sizes in bytes */
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, NULL, 0, &cb), JET_errSuccess);
    size_t len1 = bk_wcslen(utf16(db1)), len2 = bk_wcslen(utf16(db2));
    EXPECT_EQ_UL(cb, (len1 + 1 + len2 + 1 + 1) * sizeof(WCHAR));
    WCHAR *wlist = aligned_buffer(cb);
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, wlist, cb, &cb), JET_errSuccess);
    EXPECT(memcmp(wlist, utf16(db1), (len1 + 1) * sizeof(WCHAR)) == 0);
    EXPECT(memcmp(wlist + len1 + 1, utf16(db2), (len2 + 1) * sizeof(WCHAR)) == 0);
    EXPECT(wlist[len1 + 1 + len2 + 1] == 0);

    /* the A list: the same names in UTF-8 */
    char alist[4096];
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, alist, sizeof alist, &cbA), JET_errSuccess);
    bk_list names;
    bk_split(alist, &names);
    EXPECT_EQ_UL(names.n, 2);
    EXPECT(strcmp(names.name[0], db1) == 0);
    EXPECT(strcmp(names.name[1], db2) == 0);
    EXPECT_EQ_UL(cbA, strlen(db1) + 1 + strlen(db2) + 1 + 1);

    /* each database opened by the UTF-16 name taken from the list */
    EXPECT_EQ_UL(stream_w(&env, wlist), (unsigned long long)file_size(db1) + BK_PAGE);
    EXPECT_EQ_UL(stream_w(&env, wlist + len1 + 1), (unsigned long long)file_size(db2) + BK_PAGE);

    /* the logs, in the non-ASCII folder */
    WCHAR wlogs[2048];
    memset(wlogs, 0, sizeof wlogs);
    EXPECT_ERR(JetGetLogInfoInstanceW(env.inst, wlogs, sizeof wlogs, &cb), JET_errSuccess);
    bk_list logs;
    bk_split_w(wlogs, cb, &logs);
    bk_expect_logs(&env, &logs, cur, cur);
    EXPECT(bk_wcs_equals(wlogs, bk_log_path(&env, cur)));
    EXPECT_EQ_UL(stream_w(&env, wlogs), BK_LOG_SIZE);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    memset(&misc, 0, sizeof misc);
    EXPECT_ERR(JetGetDatabaseFileInfoW(utf16(db1), &misc, sizeof misc, JET_DbInfoMisc), JET_errSuccess);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, cur);
    bk_dbinfo(db2, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, cur);
    bk_term(&env);
}

SCENARIO(backup_non_ascii_database_streams_like_the_file, "issue 3.3") {
    bk_env env;
    char db[BK_PATH];
    JET_DBID dbid = 0;
    size_t cb = 0, cbFile = 0;
    bk_setup_with(&env, "backup", "inst", NULL, 0, 1, -1, 0, NULL);
    EXPECT(mkdir(path_in_dir("répertoire-日本"), 0700) == 0);
    bk_join(db, sizeof db, path_in_dir("répertoire-日本"), "sauvegarde-é-日本.edb");
    EXPECT_ERR(JetCreateDatabaseW(env.sesid, utf16(db), NULL, &dbid, 0), JET_errSuccess);
    bk_begin(&env, 0);
    unsigned char *stream = bk_stream(&env, db, BK_CHUNK, &cb); /* the UTF-8 name through the A function */
    unsigned char *file = bk_slurp(db, &cbFile);
    EXPECT_EQ_UL(cb, cbFile + BK_PAGE);
    EXPECT(memcmp(stream + 2 * BK_PAGE, file + 2 * BK_PAGE, cbFile - 2 * BK_PAGE) == 0);
    bk_term(&env);
}
