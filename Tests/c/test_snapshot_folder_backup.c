/* OS snapshots against backup to a folder: a snapshot holding an instance excludes JetBackupInstance at once
 * (every form, including the truncate-only NULL path), and a JetBackupInstance finished before the snapshot leaves
 * nothing that stops it. */
#include "harness.h"
#include "snapshot_fixtures.h"

SCENARIO(snapshot_frozen_member_refuses_jetbackup_with_505_at_once, "api JetBackup, JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    double t0 = sn_now();
    EXPECT_ERR(JetBackupInstanceA(env.inst, path_in_dir("set"), 0, NULL), JET_errBackupInProgress);
    EXPECT_ERR(JetBackupInstanceA(env.inst, path_in_dir("set"), JET_bitBackupAtomic, NULL), JET_errBackupInProgress);
    EXPECT_ERR(JetBackupInstanceA(env.inst, NULL, 0, NULL), JET_errBackupInProgress);
    EXPECT(sn_now() - t0 < 1.0);
    EXPECT(file_size(path_in_dir("set")) < 0); /* nothing was created */
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_thawed_but_not_ended_still_refuses_jetbackup, "api JetBackup, JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetBackupInstanceA(env.inst, path_in_dir("set"), 0, NULL), JET_errBackupInProgress);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    EXPECT_ERR(JetBackupInstanceA(env.inst, path_in_dir("set"), 0, NULL), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_after_a_finished_jetbackup_freezes, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetBackupInstanceA(env.inst, path_in_dir("set"), 0, NULL), JET_errSuccess);
    JET_OSSNAPID id = sn_prepare(0);
    EXPECT_EQ_UL(sn_freeze(id), 1);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}
