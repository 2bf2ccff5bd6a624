/* JetBackup / JetBackupInstance: a whole backup into a folder (docs/api.md "JetBackupInstance").
 *
 * bk_setup leaves logs 1 and 2 archived and generation 3 current; a full backup copies the database (as its
 * verified stream: two header pages, data pages, trailer), the logs from the checkpoint on, a `.pat` marker per
 * database, then truncates the logs below the checkpoint.
 */
#define _GNU_SOURCE
#include "restore_fixtures.h"

#include <sys/stat.h>
#include <unistd.h>

static int exists(const char *path) { return access(path, F_OK) == 0; }

SCENARIO(folder_backup_full_copies_database_logs_and_patch_markers, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("bk/data.edb")), file_size(env.db) + BK_PAGE);
    EXPECT_EQ_UL(file_size(path_in_dir("bk/data.pat")), 0);
    EXPECT_EQ_UL(file_size(path_in_dir("inst/data.pat")), 0);
    EXPECT(exists(path_in_dir("bk/edb00003.log")));
    EXPECT(!exists(path_in_dir("bk/edb.log")) && !exists(path_in_dir("bk/edb.chk")));
    rs_expect_complete_run(1);
    bk_term(&env);
}

SCENARIO(folder_backup_full_truncates_logs_below_the_checkpoint, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    bk_expect_archived(&env, 1, 2);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    long gens[16];
    int n = bk_archived(&env, gens, 16);
    EXPECT(n == 0 || gens[0] >= 3);
    JET_DBINFOMISC misc;
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.bkinfoFullPrev.genLow == 3);
    bk_term(&env);
}

SCENARIO(folder_backup_the_copy_is_a_raw_backup_that_attach_refuses_with_544, "issue 7") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    bk_term(&env);
    JET_INSTANCE inst = rs_instance("other", "other");
    JET_SESID sesid = 0;
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("bk/data.edb"), 0), JET_errSoftRecoveryOnBackupDatabase);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(folder_backup_into_a_folder_that_is_not_empty_gives_504, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT(mkdir(path_in_dir("bk"), 0755) == 0);
    FILE *f = fopen(path_in_dir("bk/x.txt"), "w");
    EXPECT(f != NULL);
    fclose(f);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errBackupDirectoryNotEmpty);
    EXPECT_EQ_UL(rs_events.n, 0);
    bk_expect_archived(&env, 1, 2);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errSuccess); /* the backup was ended */
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(folder_backup_incremental_without_a_full_backup_gives_560, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupIncremental), JET_errMissingFullBackup);
    EXPECT(!exists(path_in_dir("bk")));
    bk_term(&env);
}

SCENARIO(folder_backup_incremental_with_circular_logging_gives_526, "api JetBackupInstance") {
    bk_env env;
    bk_setup_with(&env, "backup", "inst", "data.edb", BK_DB_PAGES, 2, JET_paramCircularLog, 1, NULL);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupIncremental), JET_errInvalidBackup);
    bk_term(&env);
}

SCENARIO(folder_backup_while_a_streaming_backup_runs_gives_505, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    bk_begin(&env, 0);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errBackupInProgress);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(folder_backup_null_or_empty_path_truncates_only, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    bk_expect_archived(&env, 1, 2);
    rs_reset(JET_snpBackup);
    EXPECT_ERR(JetBackupInstanceA(env.inst, NULL, 0, rs_status), JET_errSuccess);
    bk_expect_archived(&env, 1, 0);
    EXPECT_ERR(JetBackupInstanceA(env.inst, "", 0, rs_status), JET_errSuccess);
    EXPECT_EQ_UL(rs_events.n, 0);
    bk_term(&env);
}

SCENARIO(folder_backup_missing_folder_without_create_path_gives_1023_after_begin, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetSetSystemParameterA(&env.inst, 0, JET_paramCreatePathIfNotExist, 0, NULL), JET_errSuccess);
    EXPECT_ERR(rs_backup(&env, "nowhere/bk", 0), JET_errInvalidPath);
    EXPECT_EQ_UL(rs_events.n, 1);
    EXPECT_EQ_UL(rs_events.snt[0], JET_sntBegin);
    bk_expect_archived(&env, 1, 2);
    bk_term(&env);
}

SCENARIO(folder_backup_before_jetinit_gives_1029, "api JetBackupInstance") {
    JET_INSTANCE inst = rs_instance("early", "inst");
    EXPECT_ERR(JetBackupInstanceA(inst, path_in_dir("bk"), 0, NULL), JET_errNotInitialized);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(folder_backup_legacy_call_in_multi_instance_mode_gives_1081, "api JetBackup") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetBackupA(path_in_dir("bk"), 0, NULL), JET_errRunningInMultiInstanceMode);
    bk_term(&env);
}

SCENARIO(folder_backup_legacy_call_backs_up_the_single_instance, "api JetBackup") {
    bk_env env;
    bk_setup_legacy(&env);
    rs_reset(JET_snpBackup);
    EXPECT_ERR(JetBackupW(utf16(path_in_dir("bk")), 0, rs_status), JET_errSuccess);
    EXPECT(exists(path_in_dir("bk/data.edb")));
    rs_expect_complete_run(1);
    bk_term(&env);
}

SCENARIO(folder_backup_atomic_full_twice_keeps_new_and_drops_old, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupAtomic), JET_errSuccess);
    EXPECT(exists(path_in_dir("bk/new/data.edb")) && !exists(path_in_dir("bk/temp")));
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupAtomic), JET_errSuccess);
    EXPECT(exists(path_in_dir("bk/new/data.edb")) && !exists(path_in_dir("bk/old")));
    bk_term(&env);
}

SCENARIO(folder_backup_atomic_incremental_goes_into_old_beside_the_full_set, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupAtomic), JET_errSuccess);
    roll_logs(env.sesid, 2);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupAtomic | JET_bitBackupIncremental), JET_errSuccess);
    rs_expect_complete_run(0);
    EXPECT(exists(path_in_dir("bk/old/data.edb")) && !exists(path_in_dir("bk/new")));
    EXPECT(exists(path_in_dir("bk/old/edb00006.log")));
    bk_term(&env);
}

SCENARIO(folder_backup_incremental_adds_logs_to_the_full_set, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    roll_logs(env.sesid, 2);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupIncremental), JET_errSuccess);
    rs_expect_complete_run(0);
    EXPECT(exists(path_in_dir("bk/edb00006.log")));
    JET_DBINFOMISC misc;
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.bkinfoIncPrev.genHigh >= 6);
    bk_term(&env);
}

SCENARIO(folder_backup_damaged_page_gives_1018_and_truncates_nothing, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    bk_flip(env.db, 5 * (long long)BK_PAGE + 100);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errReadVerifyFailure);
    bk_expect_archived(&env, 1, 2);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errSuccess); /* ended, not left running */
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_term(&env);
}
