/* The freeze timeout (JET_paramOSSnapshotTimeout, docs/api.md "JetOSSnapshotFreeze"): a frozen session thaws
 * itself, a caller blocked on a write resumes, nothing is stamped, and the session only answers Abort,
 * Thaw (-2402) and GetFreezeInfo (an empty list).
 */
#include "snapshot_fixtures.h"

SCENARIO(snapshot_threads_timeout_thaws_and_wakes_a_waiting_commit, "issue 8 timeout") {
    bk_env env;
    bk_setup(&env);
    sn_set_timeout(300);
    JET_OSSNAPID id = sn_prepare(0);
    double frozen = sn_now();
    sn_freeze(id);
    sn_async a;
    sn_start(&a, sn_call_commit, &env);
    EXPECT_ERR(sn_join(&a), JET_errSuccess);
    EXPECT(a.done - frozen >= 0.25);
    EXPECT(a.done - frozen < 10.0);
    /* without ContinueAfterThaw the first Thaw reports the timeout and ends the session */
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotTimeOut);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotInvalidSnapId);
    bk_term(&env);
}

SCENARIO(snapshot_timeout_leaves_a_session_that_only_abort_ends, "issue 8 timeout") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    sn_set_timeout(100);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    sn_sleep_ms(400);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotTimeOut);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotTimeOut);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errOSSnapshotInvalidSequence);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, JET_bitAllDatabasesSnapshot), JET_errOSSnapshotInvalidSequence);
    unsigned long c = 9;
    JET_INSTANCE_INFO_A *info = (JET_INSTANCE_INFO_A *)&c;
    EXPECT_ERR(JetOSSnapshotGetFreezeInfoA(id, &c, &info, 0), JET_errSuccess);
    EXPECT_EQ_UL(c, 0);
    EXPECT(info == NULL);
    /* the former member is free: writes and a streaming backup go ahead */
    EXPECT_ERR(sn_call_commit(&env), JET_errSuccess);
    bk_begin(&env, 0);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotAbort(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotAbort(id, 0), JET_errOSSnapshotInvalidSnapId);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    bk_term(&env);
}

SCENARIO(snapshot_timeout_zero_thaws_at_once, "issue 8 timeout") {
    bk_env env;
    bk_setup(&env);
    sn_set_timeout(0);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    EXPECT_ERR(sn_call_commit(&env), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotTimeOut);
    bk_term(&env);
}

SCENARIO(snapshot_threads_term_during_freeze_is_bounded_by_the_timeout, "issue 8 timeout") {
    bk_env env;
    bk_setup(&env);
    sn_set_timeout(300);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    double t0 = sn_now();
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess);
    double took = sn_now() - t0;
    EXPECT(took >= 0.2 && took < 10.0);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotTimeOut);
}
