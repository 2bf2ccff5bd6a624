/* JetRestoreInstance: progress and what a restore leaves in the instance's folders (docs/api.md
 * "JetRestoreInstance").
 */
#define _GNU_SOURCE
#include "restore_fixtures.h"

#include <sys/stat.h>
#include <unistd.h>

static int exists(const char *path) { return access(path, F_OK) == 0; }

SCENARIO(restore_reports_every_percent_of_its_work, "api JetRestoreInstance") {
    bk_env env;
    bk_setup_with(&env, "backup", "inst", "data.edb", 1024, 3, -1, 0, NULL);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    roll_logs(env.sesid, 4);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupIncremental), JET_errSuccess);
    bk_term(&env);
    rs_empty_folder(env.dir);
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    rs_reset(JET_snpRestore);
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, rs_status), JET_errSuccess);
    rs_expect_complete_run(99); /* Progress 1, 2, ... 99: logs replayed, then pages copied */
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    rs_expect_restored(env.db);
}

/* An instance whose system folder is not its log folder. */
static JET_INSTANCE split_instance(const char *name) {
    JET_INSTANCE inst = rs_instance(name, "inst");
    char sys[BK_PATH];
    snprintf(sys, sizeof sys, "%s/", path_in_dir("sys"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, sys), JET_errSuccess);
    return inst;
}

SCENARIO(restore_writes_the_checkpoint_into_the_system_folder, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    bk_term(&env);
    rs_empty_folder(env.dir);
    JET_INSTANCE inst = split_instance("fresh");
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errSuccess);
    EXPECT(exists(path_in_dir("sys/edb.chk")));
    EXPECT(!exists(path_in_dir("inst/edb.chk")));
    EXPECT(exists(path_in_dir("inst/edb.log"))); /* the generation after the set's last */
    /* JetInit goes on from that checkpoint: the restored database attaches, and a new full backup works. */
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, env.db, 0), JET_errSuccess);
    EXPECT_ERR(JetOpenDatabaseA(sesid, env.db, "", &dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetBackupInstanceA(inst, path_in_dir("bk2"), 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(restore_with_roll_forward_leaves_a_checkpoint_after_the_replayed_logs, "api JetRestoreInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    roll_logs(env.sesid, 3);
    EXPECT_ERR(JetTerm2(env.inst, JET_bitTermDirty), JET_errDirtyShutdown); /* a crash */
    EXPECT(unlink(env.db) == 0);                                        /* and the database is lost */
    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errSuccess);
    EXPECT(exists(path_in_dir("inst/edb.chk")));
    JET_SESID sesid = 0;
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, env.db, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}
