/* JetRestoreInstance / JetRestore: every refusal, in check order, and what a refusal leaves (docs/api.md
 * "JetRestoreInstance"). A refused restore changes no existing file and leaves no copy behind; the backup set is
 * never changed.
 */
#define _GNU_SOURCE
#include "restore_fixtures.h"

#include <sys/stat.h>
#include <unistd.h>

static int exists(const char *path) { return access(path, F_OK) == 0; }

/* bk_setup, full backup into ./bk, term. The database stays in ./inst. */
static void backed_up(bk_env *env) {
    bk_setup(env);
    EXPECT_ERR(rs_backup(env, "bk", 0), JET_errSuccess);
    bk_term(env);
}

/* Restore of ./bk into a fresh instance with its files in ./inst; returns the error; the callbacks recorded. */
static JET_ERR restore_bk(const char *set) {
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    rs_reset(JET_snpRestore);
    JET_ERR err = JetRestoreInstanceA(inst, path_in_dir(set), NULL, rs_status);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    return err;
}

SCENARIO(restore_null_or_empty_source_gives_1003, "api JetRestoreInstance") {
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreInstanceA(inst, NULL, NULL, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetRestoreInstanceW(inst, u"", NULL, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(restore_with_a_stale_handle_gives_1115, "api JetRestoreInstance") {
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errInvalidInstance);
}

SCENARIO(restore_on_an_initialized_instance_gives_1030, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetRestoreInstanceA(env.inst, path_in_dir("bk"), NULL, NULL), JET_errAlreadyInitialized);
    bk_term(&env);
}

SCENARIO(restore_legacy_call_in_multi_instance_mode_gives_1081, "api JetRestore") {
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreA(path_in_dir("bk"), NULL), JET_errRunningInMultiInstanceMode);
    EXPECT_ERR(JetRestore2W(utf16(path_in_dir("bk")), NULL, NULL), JET_errRunningInMultiInstanceMode);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(restore_legacy_call_with_the_single_instance_running_gives_1030, "api JetRestore") {
    bk_env env;
    bk_setup_legacy(&env);
    EXPECT_ERR(JetRestoreA(path_in_dir("bk"), NULL), JET_errAlreadyInitialized);
    bk_term(&env);
}

SCENARIO(restore_into_the_folders_of_a_running_instance_gives_1085, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    JET_INSTANCE running = init_named("running", path_in_dir("inst"));
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errTempPathInUse);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_ERR(JetTerm(running), JET_errSuccess);
}

SCENARIO(restore_of_a_folder_without_logs_gives_1811_and_no_callback, "api JetRestoreInstance") {
    EXPECT(mkdir(path_in_dir("empty"), 0755) == 0);
    EXPECT_ERR(restore_bk("empty"), JET_errFileNotFound);
    EXPECT_EQ_UL(rs_events.n, 0);
}

SCENARIO(restore_of_a_set_without_patch_markers_gives_538_after_begin, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    EXPECT(unlink(path_in_dir("bk/data.pat")) == 0);
    unsigned long long before = rs_fingerprint(env.dir);
    EXPECT_ERR(restore_bk("bk"), JET_errPatchFileMissing);
    EXPECT_EQ_UL(rs_events.n, 1);
    EXPECT_EQ_UL(rs_events.snt[0], JET_sntBegin);
    EXPECT(rs_fingerprint(env.dir) == before);
}

SCENARIO(restore_of_a_set_with_a_missing_generation_gives_1811, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    roll_logs(env.sesid, 3);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupIncremental), JET_errSuccess);
    bk_term(&env);
    EXPECT(unlink(path_in_dir("bk/edb00005.log")) == 0);
    EXPECT_ERR(restore_bk("bk"), JET_errFileNotFound);
    EXPECT_EQ_UL(rs_events.n, 0);
}

SCENARIO(restore_of_a_set_with_a_log_of_another_stream_gives_555, "api JetRestoreInstance") {
    bk_env env, other;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    roll_logs(env.sesid, 3);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupIncremental), JET_errSuccess);
    bk_term(&env);
    bk_setup_with(&other, "other", "other", "other.edb", 4, 6, -1, 0, NULL);
    bk_term(&other);
    rs_copy_file(path_in_dir("other/edb00005.log"), path_in_dir("bk/edb00005.log"));
    EXPECT_ERR(restore_bk("bk"), JET_errGivenLogFileHasBadSignature);
    EXPECT_EQ_UL(rs_events.n, 0);
}

SCENARIO(restore_of_a_damaged_log_gives_574_and_changes_nothing, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    const char *log = path_in_dir("bk/edb00003.log");
    bk_flip(log, bk_log_data_offset(log));
    unsigned long long before = rs_fingerprint(env.dir);
    EXPECT_ERR(restore_bk("bk"), JET_errLogCorruptDuringHardRecovery);
    EXPECT(rs_fingerprint(env.dir) == before);
    EXPECT(!exists(path_in_dir("inst/data.edb.restoring")));
}

SCENARIO(restore_of_a_damaged_database_page_gives_1018_and_keeps_the_existing_file, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    bk_flip(path_in_dir("bk/data.edb"), 7 * (long long)BK_PAGE + 300);
    unsigned long long before = rs_fingerprint(env.dir);
    EXPECT_ERR(restore_bk("bk"), JET_errReadVerifyFailure);
    EXPECT(rs_fingerprint(env.dir) == before); /* the database there before is untouched */
    EXPECT(!exists(path_in_dir("inst/data.edb.restoring")));
}

SCENARIO(restore_of_a_damaged_database_header_gives_1206, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    bk_flip(path_in_dir("bk/data.edb"), 300);
    bk_flip(path_in_dir("bk/data.edb"), (long long)BK_PAGE + 300);
    EXPECT_ERR(restore_bk("bk"), JET_errDatabaseCorrupted);
}

SCENARIO(restore_of_a_damaged_trailer_gives_535, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    bk_flip(path_in_dir("bk/data.edb"), file_size(path_in_dir("bk/data.edb")) - 100);
    EXPECT_ERR(restore_bk("bk"), JET_errBadPatchPage);
}

SCENARIO(restore_of_a_database_that_is_no_backup_copy_gives_615, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    rs_copy_file(env.db, path_in_dir("bk/data.edb"));
    EXPECT_ERR(restore_bk("bk"), JET_errRestoreOfNonBackupDatabase);
}

/* Two full backups of the same instance into bk and bk2, a few generations apart; the instance's own logs gone
 * (so no roll-forward runs into the second backup's truncation gap). */
static void two_backups(bk_env *env) {
    bk_setup(env);
    EXPECT_ERR(rs_backup(env, "bk", 0), JET_errSuccess);
    roll_logs(env->sesid, 3);
    EXPECT_ERR(rs_backup(env, "bk2", 0), JET_errSuccess);
    bk_term(env);
    rs_empty_folder(env->dir);
}

SCENARIO(restore_of_a_copy_whose_header_and_trailer_disagree_gives_552, "api JetRestoreInstance") {
    bk_env env;
    two_backups(&env);
    /* Header pages of the second copy, trailer of the first: another backup mark. */
    size_t cb1 = 0, cb2 = 0;
    unsigned char *first = bk_slurp(path_in_dir("bk/data.edb"), &cb1);
    unsigned char *second = bk_slurp(path_in_dir("bk2/data.edb"), &cb2);
    EXPECT(cb1 == cb2);
    memcpy(first, second, 2 * BK_PAGE);
    bk_patch(path_in_dir("bk/data.edb"), 0, first, 2 * BK_PAGE);
    EXPECT_ERR(restore_bk("bk"), JET_errDatabasePatchFileMismatch);
}

SCENARIO(restore_of_a_copy_that_needs_later_logs_gives_553_before_any_copy, "api JetRestoreInstance") {
    bk_env env;
    two_backups(&env);
    rs_copy_file(path_in_dir("bk2/data.edb"), path_in_dir("bk/data.edb"));
    unsigned long long before = rs_fingerprint(env.dir);
    EXPECT_ERR(restore_bk("bk"), JET_errEndingRestoreLogTooLow);
    EXPECT(rs_fingerprint(env.dir) == before);
}

SCENARIO(restore_of_a_copy_that_needs_earlier_logs_gives_554_before_any_copy, "api JetRestoreInstance") {
    bk_env env;
    two_backups(&env);
    rs_copy_file(path_in_dir("bk/data.edb"), path_in_dir("bk2/data.edb"));
    unsigned long long before = rs_fingerprint(env.dir);
    EXPECT_ERR(restore_bk("bk2"), JET_errStartingRestoreLogTooHigh);
    EXPECT(rs_fingerprint(env.dir) == before);
}

SCENARIO(restore_with_foreign_logs_in_the_instance_folder_gives_610, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    rs_empty_folder(env.dir);
    bk_env other;
    bk_setup_with(&other, "other", "inst", NULL, 0, 5, -1, 0, NULL);
    bk_term(&other);
    EXPECT_ERR(restore_bk("bk"), JET_errExistingLogFileHasBadSignature);
    EXPECT_EQ_UL(rs_events.n, 0);
}

SCENARIO(restore_with_a_gap_in_the_instance_logs_gives_565, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    roll_logs(env.sesid, 3);
    bk_term(&env);
    EXPECT(unlink(bk_log_path(&env, 5)) == 0);
    EXPECT_ERR(restore_bk("bk"), JET_errMissingCurrentLogFiles);
    EXPECT_EQ_UL(rs_events.n, 0);
}

SCENARIO(restore_over_a_database_another_instance_has_attached_gives_1032, "api JetRestoreInstance") {
    bk_env env;
    backed_up(&env);
    JET_INSTANCE running = init_named("running", path_in_dir("run"));
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(running, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, env.db, 0), JET_errSuccess);
    EXPECT_ERR(restore_bk("bk"), JET_errDatabaseSharingViolation);
    EXPECT_ERR(JetTerm(running), JET_errSuccess);
}
