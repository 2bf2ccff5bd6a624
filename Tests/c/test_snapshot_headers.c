/* Header stamping per snapshot kind (docs/api.md "JetOSSnapshotEnd"), read back with JetGetDatabaseFileInfo
 * (bkinfoFullPrev / bkinfoIncPrev and their bklogtimeMark.fOSSnapshot bit) and, for the copy and differential
 * records that JET_DBINFOMISC does not carry, from the header bytes (docs/file-formats.md):
 *
 *   full          -> bkinfoFullPrev, typed OS snapshot; incremental and differential records cleared
 *   full copy     -> bkinfoCopyPrev only
 *   incremental   -> bkinfoIncPrev
 *   incr. copy    -> bkinfoDiffPrev only
 *
 * and the incremental prerequisites: a previous full, non-copy OS snapshot (-560), no circular logging
 * (-526), every log since that snapshot still on disk (-569).
 */
#include "snapshot_fixtures.h"

#include <unistd.h>

/* Prepare, Freeze, Thaw (which, without ContinueAfterThaw, ends the session and stamps). */
static void snapshot(JET_GRBIT grbit) {
    JET_OSSNAPID id = sn_prepare(grbit);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
}

static JET_ERR try_freeze(JET_OSSNAPID id) {
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    JET_ERR err = JetOSSnapshotFreezeA(id, &c, &info, 0);
    if (info) JetFreeBuffer((char *)info);
    return err;
}

SCENARIO(snapshot_full_stamps_full_prev_as_an_os_snapshot, "api JetOSSnapshotEnd") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env); /* checkpoint and current generation 3 */
    snapshot(0);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 3);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 3);
    EXPECT(SN_IS_OSSNAPSHOT(misc.bkinfoFullPrev));
    EXPECT(misc.bkinfoFullPrev.lgposMark.lGeneration == 4);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_FULLPREVTYPE), SN_TYPE_OSSNAPSHOT);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_COPYPREV + BK_BKINFO_GENLOW), 0);
    bk_term(&env);
}

SCENARIO(snapshot_full_with_end_stamps_the_same_as_thaw, "api JetOSSnapshotEnd") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0); /* not before End */
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 3);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 3);
    EXPECT(SN_IS_OSSNAPSHOT(misc.bkinfoFullPrev));
    bk_term(&env);
}

SCENARIO(snapshot_streaming_full_is_not_marked_as_os_snapshot, "api JetOSSnapshotEnd") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.bkinfoFullPrev.genLow != 0);
    EXPECT(!SN_IS_OSSNAPSHOT(misc.bkinfoFullPrev));
    bk_term(&env);
}

SCENARIO(snapshot_copy_stamps_only_copy_prev, "api JetOSSnapshotEnd") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    snapshot(JET_bitCopySnapshot);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_COPYPREV + BK_BKINFO_GENLOW), 3);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_COPYPREV + BK_BKINFO_GENHIGH), 3);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_COPYPREVTYPE), SN_TYPE_OSSNAPSHOT);
    bk_term(&env);
}

SCENARIO(snapshot_incremental_stamps_inc_prev, "api JetOSSnapshotEnd") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    snapshot(0);           /* full: 3..3, current 4 */
    roll_logs(env.sesid, 2); /* current 6 */
    snapshot(JET_bitIncrementalSnapshot); /* copies from the oldest log on disk to 6 */
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 3);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 1);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genHigh, 6);
    EXPECT(SN_IS_OSSNAPSHOT(misc.bkinfoIncPrev));
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_INCPREVTYPE), SN_TYPE_OSSNAPSHOT);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_DIFFPREV + BK_BKINFO_GENLOW), 0);
    /* a new full clears it */
    snapshot(0);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 7);
    bk_term(&env);
}

SCENARIO(snapshot_incremental_copy_stamps_only_diff_prev, "api JetOSSnapshotEnd") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    snapshot(0);
    roll_logs(env.sesid, 1);
    snapshot(JET_bitIncrementalSnapshot | JET_bitCopySnapshot);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoIncPrev.genLow, 0);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_DIFFPREV + BK_BKINFO_GENLOW), 1);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_DIFFPREV + BK_BKINFO_GENHIGH), 5);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_DIFFPREVTYPE), SN_TYPE_OSSNAPSHOT);
    bk_term(&env);
}

SCENARIO(snapshot_incremental_without_a_full_snapshot_gives_560, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitIncrementalSnapshot);
    EXPECT_ERR(try_freeze(id), JET_errMissingFullBackup);
    /* nor does a streaming full count, nor a copy snapshot */
    bk_full(&env, 1, JET_bitBackupEndNormal);
    snapshot(JET_bitCopySnapshot);
    EXPECT_ERR(try_freeze(id), JET_errMissingFullBackup);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_streaming_incremental_after_a_full_snapshot_gives_560, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    snapshot(0);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errMissingFullBackup);
    bk_term(&env);
}

SCENARIO(snapshot_incremental_with_circular_logging_gives_526, "api JetOSSnapshotFreeze") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup_with(&env, "backup", "inst", "data.edb", BK_DB_PAGES, 2, JET_paramCircularLog, 1, NULL);
    snapshot(0); /* circular logging: no roll, the copy ends at the current generation 3 */
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 3);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genHigh, 3);
    JET_OSSNAPID id = sn_prepare(JET_bitIncrementalSnapshot);
    EXPECT_ERR(try_freeze(id), JET_errInvalidBackup);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_incremental_with_missing_logs_gives_569, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    snapshot(0); /* full 3..3 */
    roll_logs(env.sesid, 3); /* archives 1..6, current 7 */
    for (long g = 1; g <= 4; g++) EXPECT(unlink(bk_log_path(&env, g)) == 0);
    JET_OSSNAPID id = sn_prepare(JET_bitIncrementalSnapshot);
    EXPECT_ERR(try_freeze(id), JET_errMissingFileToBackup);
    /* the failed Freeze left the session in Prepare and the instance writable */
    EXPECT_ERR(sn_call_commit(&env), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotAbort(id, 0), JET_errSuccess);
    bk_term(&env);
}
