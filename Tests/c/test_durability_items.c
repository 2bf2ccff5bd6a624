/* Issue 6: nothing acknowledged is ever lost. One scenario per item this file can show from the C API;
 * ESENT_FAULTS (read by the library at its first system call) injects I/O errors where an item needs one. */
#define _GNU_SOURCE
#include "harness.h"

#include <sys/stat.h>
#include <unistd.h>

/* A detached, cleanly shut down database at `path`, created by `sesid`'s instance. */
static void make_detached(JET_SESID sesid, const char *path) {
    JET_DBID dbid = 0;
    EXPECT_ERR(JetCreateDatabaseA(sesid, path, NULL, &dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path), JET_errSuccess);
}

static JET_SESID session(JET_INSTANCE inst) {
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    return sesid;
}

/* -------------------------------------------------------------------------------------------------------------
 * Item 5: JetTruncateLog deletes only what was copied
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(truncate_log_after_reading_one_log_twice_and_another_never_gives_log_file_not_copied, "issue 6.5") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    size_t cb = 0;
    char logs[4096];
    unsigned long cbLogs = 0;
    /* A full backup with truncation, then an incremental that has several logs to copy. */
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errSuccess);
    EXPECT_ERR(stream_file(inst, path_in_dir("db.edb"), 65536, NULL, &cb), JET_errSuccess);
    EXPECT_ERR(JetGetLogInfoInstanceA(inst, logs, sizeof logs, &cbLogs), JET_errSuccess);
    for (const char *p = logs; *p; p += strlen(p) + 1) EXPECT_ERR(stream_file(inst, p, 65536, NULL, &cb), 0);
    EXPECT_ERR(JetTruncateLogInstance(inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(inst), JET_errSuccess);
    roll_logs(sesid, 3);
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, JET_bitBackupIncremental), JET_errSuccess);
    EXPECT_ERR(JetGetLogInfoInstanceA(inst, logs, sizeof logs, &cbLogs), JET_errSuccess);
    const char *names[16];
    int n = 0;
    for (const char *p = logs; *p && n < 16; p += strlen(p) + 1) names[n++] = p;
    EXPECT(n >= 3);
    /* Generations low..high: reading the last one twice adds up to more than a skipped low one. */
    for (int i = 1; i < n; i++) EXPECT_ERR(stream_file(inst, names[i], 65536, NULL, &cb), JET_errSuccess);
    EXPECT_ERR(stream_file(inst, names[n - 1], 65536, NULL, &cb), JET_errSuccess);
    EXPECT_ERR(JetTruncateLogInstance(inst), JET_errLogFileNotCopied);
    EXPECT(file_size(names[0]) > 0);
    /* Once the missing one is copied, truncation goes ahead. */
    EXPECT_ERR(stream_file(inst, names[0], 65536, NULL, &cb), JET_errSuccess);
    EXPECT_ERR(JetTruncateLogInstance(inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(inst), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* -------------------------------------------------------------------------------------------------------------
 * Item 6: create-with-overwrite never destroys before it succeeds
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(create_database_over_the_instance_log_file_gives_file_access_denied, "issue 6.6") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = session(inst);
    JET_DBID dbid = 0;
    long long before = file_size(path_in_dir("a/edb.log"));
    const char *own[] = {"a/edb.log", "a/edb.chk", "a/edb00001.log"};
    for (int i = 0; i < 3; i++) {
        EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir(own[i]), NULL, &dbid, JET_bitDbOverwriteExisting),
                   JET_errFileAccessDenied);
    }
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb.log")), before);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    /* The log is intact: the instance starts again. */
    inst = init_named("a", path_in_dir("a"));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_over_a_fifo_gives_file_access_denied_and_keeps_it, "issue 6.6") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = session(inst);
    JET_DBID dbid = 0;
    EXPECT(mkfifo(path_in_dir("pipe.edb"), 0644) == 0);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("pipe.edb"), NULL, &dbid, JET_bitDbOverwriteExisting),
               JET_errFileAccessDenied);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("pipe.edb"), NULL, &dbid, 0), JET_errDatabaseDuplicate);
    struct stat st;
    EXPECT(stat(path_in_dir("pipe.edb"), &st) == 0 && S_ISFIFO(st.st_mode));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_overwrite_that_fails_keeps_the_old_file, "issue 6.6") {
    /* Every write to the file being built fails with ENOSPC, once the first create's 3 writes (both headers,
     * the data pages, the headers again with the log position) are past. */
    setenv("ESENT_FAULTS", "pwrite:ENOSPC:3:all:old.edb.creating", 1);
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = session(inst);
    make_detached(sesid, path_in_dir("old.edb"));
    long long before = file_size(path_in_dir("old.edb"));
    JET_DBID dbid = 0;
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("old.edb"), NULL, &dbid, JET_bitDbOverwriteExisting),
               JET_errDiskFull);
    EXPECT_EQ_UL(file_size(path_in_dir("old.edb")), before);
    EXPECT(file_size(path_in_dir("old.edb.creating")) < 0);
    /* The old database is still a good one. */
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("old.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* -------------------------------------------------------------------------------------------------------------
 * Item 7: a failed create leaves nothing recovery acts on
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(failed_create_over_another_instance_database_does_not_block_later_recovery, "issue 6.7") {
    JET_INSTANCE a = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    create_db(a, path_in_dir("shared.edb"), 0, &dbid);
    JET_INSTANCE b = init_named("b", path_in_dir("b"));
    JET_SESID sb = session(b);
    EXPECT_ERR(JetCreateDatabaseA(sb, path_in_dir("shared.edb"), NULL, &dbid, JET_bitDbOverwriteExisting),
               JET_errDatabaseSharingViolation);
    EXPECT_ERR(JetEndSession(sb, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm2(b, JET_bitTermDirty), JET_errDirtyShutdown);
    /* Recovery of b must not reach for the file a holds. */
    b = init_named("b", path_in_dir("b"));
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

/* -------------------------------------------------------------------------------------------------------------
 * Item 12
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(set_database_size_with_null_pcpgreal_still_grows_the_file, "issue 6.12") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = session(inst);
    make_detached(sesid, path_in_dir("db.edb"));
    unsigned long pages = (unsigned long)(file_size(path_in_dir("db.edb")) / 4096);
    EXPECT_ERR(JetSetDatabaseSizeA(sesid, path_in_dir("db.edb"), pages + 16, NULL), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), (long long)(pages + 16) * 4096);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(end_external_backup_reports_a_header_stamp_that_fails, "issue 6.12") {
    /* Writes to db.edb fail: the create writes db.edb.creating, so the first write under the final name is the
     * header stamp at the end of the backup. */
    setenv("ESENT_FAULTS", "pwrite:EIO:0:all:/db.edb", 1);
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errSuccess);
    size_t cb = 0;
    EXPECT_ERR(stream_file(inst, path_in_dir("db.edb"), 65536, NULL, &cb), JET_errSuccess);
    char logs[4096];
    unsigned long cbLogs = 0;
    EXPECT_ERR(JetGetLogInfoInstanceA(inst, logs, sizeof logs, &cbLogs), JET_errSuccess);
    for (const char *p = logs; *p; p += strlen(p) + 1) EXPECT_ERR(stream_file(inst, p, 65536, NULL, &cb), 0);
    EXPECT_ERR(JetEndExternalBackupInstance(inst), JET_errDiskIO);
    /* The backup is over all the same. */
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(inst, JET_bitBackupEndAbort), JET_errSuccess);
    EXPECT_ERR(JetTerm2(inst, JET_bitTermDirty), JET_errDirtyShutdown);
}
