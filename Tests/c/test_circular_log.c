/* JET_paramCircularLog: archived logs the checkpoint no longer needs go away at each roll, except those a
 * running full backup still has to copy; incremental backups stay refused.
 */
#include "harness.h"

#include <dirent.h>

/* Number of archived logs (edbXXXXX.log) in the current folder's "inst" subfolder. */
static int archived_logs(void) {
    DIR *dir = opendir("inst");
    EXPECT(dir != NULL);
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strlen(entry->d_name) == strlen("edb00001.log") && strncmp(entry->d_name, "edb", 3) == 0 &&
            strcmp(entry->d_name + 8, ".log") == 0)
            count++;
    }
    closedir(dir);
    return count;
}

static JET_INSTANCE circular_instance(JET_SESID *psesid) {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "circular"), JET_errSuccess);
    set_paths(&inst, path_in_dir("inst"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramCircularLog, 1, NULL), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    *psesid = create_db(inst, path_in_dir("inst/data.edb"), 0, NULL);
    return inst;
}

SCENARIO(circular_log_keeps_no_archived_logs_after_rolls, "api System parameters") {
    JET_SESID sesid;
    JET_INSTANCE inst = circular_instance(&sesid);
    roll_logs(sesid, 4);
    EXPECT(archived_logs() == 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(circular_log_keeps_the_logs_a_running_full_backup_needs, "api System parameters") {
    JET_SESID sesid;
    JET_INSTANCE inst = circular_instance(&sesid);
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errSuccess);
    roll_logs(sesid, 3);
    EXPECT(archived_logs() == 3);
    char logs[8192];
    unsigned long cb = 0;
    EXPECT_ERR(JetGetLogInfoInstanceA(inst, logs, sizeof logs, &cb), JET_errSuccess);
    size_t total = 0;
    EXPECT(multistring_count(logs, &total) == 4);
    /* Every listed log is still there to stream, although the log rolled under the backup. */
    for (const char *log = logs; *log; log += strlen(log) + 1)
        EXPECT_ERR(stream_file(inst, log, 128 * 1024, NULL, NULL), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(inst, JET_bitBackupEndAbort), JET_errSuccess);
    /* Unpinned: the next roll discards them. */
    roll_logs(sesid, 1);
    EXPECT(archived_logs() == 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(circular_log_refuses_incremental_backups, "api JetBeginExternalBackup") {
    JET_SESID sesid;
    JET_INSTANCE inst = circular_instance(&sesid);
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, JET_bitBackupIncremental), JET_errInvalidBackup);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(circular_log_reinit_continues_the_stream_without_archives, "api System parameters") {
    JET_SESID sesid;
    JET_INSTANCE inst = circular_instance(&sesid);
    roll_logs(sesid, 2);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "again"), JET_errSuccess);
    set_paths(&inst, path_in_dir("inst"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramCircularLog, 1, NULL), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT(archived_logs() == 0);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("inst/data.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}
