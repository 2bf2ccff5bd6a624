/* JetRestoreInstance / JetRestore / JetRestore2: round trips (docs/api.md "JetRestoreInstance").
 *
 * Each scenario backs up bk_setup's instance ("backup", files in ./inst, database ./inst/data.edb), loses the
 * database, restores, and checks the restored header (consistent, no backup mark) and that it attaches with 0.
 */
#define _GNU_SOURCE
#include "restore_fixtures.h"

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

static int exists(const char *path) { return access(path, F_OK) == 0; }

/* Backs up, terms, and deletes the instance's database and log files. */
static void backup_and_lose_everything(bk_env *env, JET_GRBIT grbit) {
    EXPECT_ERR(rs_backup(env, "bk", grbit), JET_errSuccess);
    bk_term(env);
    rs_empty_folder(env->dir);
}

SCENARIO(restore_full_backup_into_a_fresh_instance, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    backup_and_lose_everything(&env, 0);
    unsigned long long before = rs_fingerprint(path_in_dir("bk"));
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    rs_reset(JET_snpRestore);
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, rs_status), JET_errSuccess);
    rs_expect_complete_run(1);
    EXPECT(rs_fingerprint(path_in_dir("bk")) == before); /* the backup set is only read */
    EXPECT(!exists(path_in_dir("inst/data.edb.restoring")));
    EXPECT_EQ_UL(file_size(env.db), file_size(path_in_dir("bk/data.edb")) - BK_PAGE);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    rs_expect_restored(env.db);
}

SCENARIO(restore_then_jetinit_and_attach_on_the_same_instance, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    backup_and_lose_everything(&env, 0);
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    JET_SESID sesid = 0;
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, env.db, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(restore_full_and_incremental_from_the_same_folder, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    roll_logs(env.sesid, 3);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupIncremental), JET_errSuccess);
    bk_term(&env);
    rs_empty_folder(env.dir);
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    rs_reset(JET_snpRestore);
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, rs_status), JET_errSuccess);
    rs_expect_complete_run(1);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_DBINFOMISC misc;
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.lgposConsistent.lGeneration >= 7); /* replayed through the incremental's logs */
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);   /* a new full backup is needed before an incremental */
    rs_expect_restored(env.db);
}

SCENARIO(restore_finds_an_atomic_set_in_new, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    backup_and_lose_everything(&env, JET_bitBackupAtomic);
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    rs_expect_restored(env.db);
}

SCENARIO(restore_finds_an_atomic_full_plus_incremental_set_in_old, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupAtomic), JET_errSuccess);
    roll_logs(env.sesid, 2);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupAtomic | JET_bitBackupIncremental), JET_errSuccess);
    bk_term(&env);
    rs_empty_folder(env.dir);
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    rs_expect_restored(env.db);
}

SCENARIO(restore_into_a_destination_folder, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    backup_and_lose_everything(&env, 0);
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreInstanceW(inst, utf16(path_in_dir("bk")), utf16(path_in_dir("elsewhere")), NULL),
               JET_errSuccess);
    EXPECT(!exists(env.db));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    rs_expect_restored(path_in_dir("elsewhere/data.edb"));
}

SCENARIO(restore_rolls_forward_with_the_instance_logs, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    roll_logs(env.sesid, 3);
    long current = bk_current_gen(&env);
    bk_term(&env);
    EXPECT(unlink(env.db) == 0); /* the database is lost, the logs survive */
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_DBINFOMISC misc;
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.lgposConsistent.lGeneration >= current); /* replayed up to the instance's current log */
    rs_expect_restored(env.db);
}

SCENARIO(restore_through_the_temporary_instance_frees_it, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    backup_and_lose_everything(&env, 0);
    char set[BK_PATH];
    snprintf(set, sizeof set, "%s", path_in_dir("bk"));
    EXPECT(chdir(env.dir) == 0); /* the temporary instance uses the global folders: the current one */
    EXPECT_ERR(JetRestoreInstanceA(0, set, NULL, NULL), JET_errSuccess);
    unsigned long count = 99;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&count, &info), JET_errSuccess);
    EXPECT_EQ_UL(count, 0);
    JetFreeBuffer((char *)info);
    JET_INSTANCE fresh = 0;
    EXPECT_ERR(JetCreateInstanceA(&fresh, "after"), JET_errSuccess); /* the run mode is free again */
    EXPECT_ERR(JetTerm(fresh), JET_errSuccess);
    rs_expect_restored(env.db);
}

SCENARIO(restore_legacy_call_in_a_fresh_process, "api JetRestore") {
    bk_env env;
    bk_setup(&env);
    backup_and_lose_everything(&env, 0);
    char set[BK_PATH], two[BK_PATH];
    snprintf(set, sizeof set, "%s", path_in_dir("bk"));
    snprintf(two, sizeof two, "%s", path_in_dir("two"));
    EXPECT(mkdir(two, 0755) == 0);
    EXPECT(chdir(env.dir) == 0);
    rs_reset(JET_snpRestore);
    EXPECT_ERR(JetRestoreA(set, rs_status), JET_errSuccess);
    rs_expect_complete_run(1);
    EXPECT_ERR(JetRestore2A(set, two, NULL), JET_errSuccess);
    rs_expect_restored(env.db);
    strncat(two, "/data.edb", sizeof two - strlen(two) - 1);
    rs_expect_restored(two);
}

/* A callback that calls into the API must not deadlock: the callback runs with no lock held. */
static JET_INSTANCE callback_instance;
static int callback_calls;
static JET_ERR JET_API calling_back(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv) {
    (void)sesid, (void)snp, (void)snt, (void)pv;
    unsigned long count = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    if (JetGetInstanceInfoA(&count, &info) == JET_errSuccess) JetFreeBuffer((char *)info);
    JET_API_PTR value = 0;
    JetGetSystemParameterA(callback_instance, 0, JET_paramCircularLog, &value, NULL, 0);
    callback_calls++;
    return JET_errSuccess;
}

SCENARIO(restore_and_backup_callbacks_may_call_the_api, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    callback_instance = env.inst;
    EXPECT_ERR(JetBackupInstanceA(env.inst, path_in_dir("bk"), 0, calling_back), JET_errSuccess);
    EXPECT(callback_calls >= 2);
    bk_term(&env);
    rs_empty_folder(env.dir);
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    callback_instance = inst;
    callback_calls = 0;
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, calling_back), JET_errSuccess);
    EXPECT(callback_calls >= 2);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}
