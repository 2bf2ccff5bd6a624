/* OS snapshot calls: every state transition and error of docs/api.md "OS snapshots", in check order.
 *
 * A session goes Prepare -> Freeze -> (Thaw) AllowLogTruncate -> LogTruncated -> End; Abort leaves from any
 * state; a session that ended is gone, so its id gives JET_errOSSnapshotInvalidSnapId (-2404).
 */
#include "snapshot_fixtures.h"

#include <unistd.h>

/* ---- JetOSSnapshotPrepare --------------------------------------------------------------------------- */

SCENARIO(snapshot_prepare_unknown_grbit_gives_900_before_null_id, "api JetOSSnapshotPrepare") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetOSSnapshotPrepare(NULL, 0x10), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotPrepare(NULL, 0), JET_errInvalidParameter);
    bk_term(&env);
}

SCENARIO(snapshot_prepare_with_no_instance_gives_1029, "api JetOSSnapshotPrepare") {
    JET_OSSNAPID id = 7;
    EXPECT_ERR(JetOSSnapshotPrepare(&id, 0), JET_errNotInitialized);
    EXPECT_EQ_UL(id, 7);
}

SCENARIO(snapshot_prepare_counts_with_a_created_instance, "api JetOSSnapshotPrepare") {
    /* Any instance object counts, even one never initialized; it is just not a member. */
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "idle"), JET_errSuccess);
    JET_OSSNAPID id = sn_prepare(0);
    EXPECT_EQ_UL(sn_freeze(id), 0);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(snapshot_ids_count_up_and_an_ended_id_gives_2404, "api JetOSSnapshotPrepare") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID a = sn_prepare(JET_bitExplicitPrepare);
    JET_OSSNAPID b = sn_prepare(JET_bitExplicitPrepare);
    EXPECT_EQ_UL(b, a + 1);
    EXPECT_ERR(JetOSSnapshotEnd(a, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotEnd(a, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_ERR(JetOSSnapshotAbort(b, 0), JET_errSuccess);
    JET_OSSNAPID c = sn_prepare(0);
    EXPECT_EQ_UL(c, b + 1);
    EXPECT_ERR(JetOSSnapshotEnd(c, 0), JET_errSuccess);
    bk_term(&env);
}

/* ---- Membership ------------------------------------------------------------------------------------ */

SCENARIO(snapshot_prepare_takes_every_initialized_instance, "api JetOSSnapshotPrepare") {
    bk_env a, b;
    bk_setup_with(&a, "one", "one", "one.edb", BK_DB_PAGES, 1, -1, 0, NULL);
    bk_setup_with(&b, "two", "two", "two.edb", BK_DB_PAGES, 1, -1, 0, NULL);
    JET_OSSNAPID id = sn_prepare(0);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetOSSnapshotFreezeA(id, &c, &info, 0), JET_errSuccess);
    EXPECT_EQ_UL(c, 2);
    EXPECT(info[0].hInstanceId == a.inst && info[1].hInstanceId == b.inst);
    EXPECT_EQ_UL(info[0].cDatabases, 1);
    EXPECT(strcmp(info[0].szDatabaseFileName[0], a.db) == 0);
    EXPECT(strcmp(info[1].szInstanceName, "two") == 0);
    JetFreeBuffer((char *)info);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&a);
    bk_term(&b);
}

SCENARIO(snapshot_instance_initialized_after_prepare_is_not_a_member, "api JetOSSnapshotPrepare") {
    bk_env a, b;
    bk_setup_with(&a, "one", "one", "one.edb", BK_DB_PAGES, 1, -1, 0, NULL);
    JET_OSSNAPID id = sn_prepare(0);
    bk_setup_with(&b, "two", "two", "two.edb", BK_DB_PAGES, 1, -1, 0, NULL);
    EXPECT_EQ_UL(sn_freeze(id), 1);
    /* the later instance is not frozen: its commits go ahead */
    EXPECT_ERR(sn_call_commit(&b), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&a);
    bk_term(&b);
}

SCENARIO(snapshot_explicit_prepare_without_members_freezes_nothing, "api JetOSSnapshotPrepare") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitExplicitPrepare);
    unsigned long c = 5;
    JET_INSTANCE_INFO_A *info = (JET_INSTANCE_INFO_A *)&c;
    EXPECT_ERR(JetOSSnapshotFreezeA(id, &c, &info, 0), JET_errSuccess);
    EXPECT_EQ_UL(c, 0);
    EXPECT(info == NULL);
    EXPECT_ERR(sn_call_commit(&env), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_second_session_finds_no_free_instance, "api JetOSSnapshotPrepare") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID first = sn_prepare(0);
    JET_OSSNAPID second = sn_prepare(0);
    EXPECT_EQ_UL(sn_freeze(second), 0);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(second, env.inst, 0), JET_errOSSnapshotInvalidSequence);
    EXPECT_ERR(JetOSSnapshotThaw(second, 0), JET_errSuccess);
    EXPECT_EQ_UL(sn_freeze(first), 1);
    EXPECT_ERR(JetOSSnapshotThaw(first, 0), JET_errSuccess);
    bk_term(&env);
}

/* ---- JetOSSnapshotPrepareInstance ------------------------------------------------------------------- */

SCENARIO(snapshot_prepare_instance_checks_the_handle_first, "api JetOSSnapshotPrepareInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(12345, (JET_INSTANCE)0x1234, 7), JET_errInvalidInstance);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(12345, 0, 7), JET_errInvalidParameter);
    bk_term(&env);
}

SCENARIO(snapshot_prepare_instance_after_stop_service_gives_1329, "api JetOSSnapshotPrepareInstance") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitExplicitPrepare);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, env.inst, 1), JET_errClientRequestToStopJetService);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_prepare_instance_on_uninitialized_instance_gives_1029, "api JetOSSnapshotPrepareInstance") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "idle"), JET_errSuccess);
    JET_OSSNAPID id = sn_prepare(JET_bitExplicitPrepare);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, inst, 0), JET_errNotInitialized);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(snapshot_prepare_instance_grbit_gives_900_before_unknown_id, "api JetOSSnapshotPrepareInstance") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(999, env.inst, 1), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(999, env.inst, 0), JET_errOSSnapshotInvalidSnapId);
    bk_term(&env);
}

SCENARIO(snapshot_prepare_instance_twice_gives_2403, "api JetOSSnapshotPrepareInstance") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitExplicitPrepare);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, env.inst, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, env.inst, 0), JET_errOSSnapshotNotAllowed);
    EXPECT_EQ_UL(sn_freeze(id), 1);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_prepare_instance_on_a_member_of_a_full_prepare_gives_2403, "api JetOSSnapshotPrepareInstance") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, env.inst, 0), JET_errOSSnapshotNotAllowed);
    JET_OSSNAPID other = sn_prepare(JET_bitExplicitPrepare);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(other, env.inst, 0), JET_errOSSnapshotNotAllowed);
    EXPECT_ERR(JetOSSnapshotEnd(other, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_prepare_instance_with_streaming_backup_gives_2403, "api JetOSSnapshotPrepareInstance") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitExplicitPrepare);
    bk_begin(&env, 0);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, env.inst, 0), JET_errOSSnapshotNotAllowed);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, env.inst, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_prepare_instance_after_freeze_gives_2401, "api JetOSSnapshotPrepareInstance") {
    bk_env a, b;
    bk_setup_with(&a, "one", "one", "one.edb", BK_DB_PAGES, 1, -1, 0, NULL);
    bk_setup_with(&b, "two", "two", "two.edb", BK_DB_PAGES, 1, -1, 0, NULL);
    JET_OSSNAPID id = sn_prepare(JET_bitExplicitPrepare);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, a.inst, 0), JET_errSuccess);
    EXPECT_EQ_UL(sn_freeze(id), 1);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, b.inst, 0), JET_errOSSnapshotInvalidSequence);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&a);
    bk_term(&b);
}

/* ---- JetOSSnapshotFreeze --------------------------------------------------------------------------- */

SCENARIO(snapshot_freeze_w_checks_grbit_before_pointers, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    EXPECT_ERR(JetOSSnapshotFreezeW(id, NULL, NULL, 1), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotFreezeW(id, NULL, NULL, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_freeze_a_checks_pointers_before_grbit, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetOSSnapshotFreezeA(id, NULL, NULL, 1), JET_errInvalidParameter);
    EXPECT_ERR(JetOSSnapshotFreezeA(id, &c, &info, 1), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_freeze_unknown_id_gives_2404_with_outputs_cleared, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    unsigned long c = 9;
    JET_INSTANCE_INFO_W *info = (JET_INSTANCE_INFO_W *)&c;
    EXPECT_ERR(JetOSSnapshotFreezeW(4242, &c, &info, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_EQ_UL(c, 0);
    EXPECT(info == NULL);
    bk_term(&env);
}

SCENARIO(snapshot_freeze_twice_gives_2401, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetOSSnapshotFreezeA(id, &c, &info, 0), JET_errOSSnapshotInvalidSequence);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_freeze_w_lists_members_in_utf16, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    unsigned long c = 0;
    JET_INSTANCE_INFO_W *info = NULL;
    EXPECT_ERR(JetOSSnapshotFreezeW(id, &c, &info, 0), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT(info[0].hInstanceId == env.inst);
    EXPECT(bk_wcs_equals(info[0].szInstanceName, "backup"));
    EXPECT_EQ_UL(info[0].cDatabases, 1);
    EXPECT(bk_wcs_equals(info[0].szDatabaseFileName[0], env.db));
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_freeze_with_streaming_backup_gives_2403_and_can_be_retried, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    /* Prepare does not look at streaming backups; Freeze does */
    bk_begin(&env, 0);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetOSSnapshotFreezeA(id, &c, &info, 0), JET_errOSSnapshotNotAllowed);
    /* the session stays in Prepare with its member: once the backup ended, a retry freezes it */
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    EXPECT_EQ_UL(sn_freeze(id), 1);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_freeze_rolls_the_log, "api JetOSSnapshotFreeze") {
    bk_env env;
    bk_setup(&env);
    long before = bk_current_gen(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    EXPECT_EQ_UL(bk_current_gen(&env), before + 1);
    bk_expect_archived(&env, 1, before);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}

/* ---- JetOSSnapshotThaw ----------------------------------------------------------------------------- */

SCENARIO(snapshot_thaw_checks_grbit_id_then_state, "api JetOSSnapshotThaw") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    EXPECT_ERR(JetOSSnapshotThaw(4242, 1), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotThaw(4242, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotInvalidSequence);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_thaw_without_continue_ends_the_session, "api JetOSSnapshotThaw") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errOSSnapshotInvalidSnapId);
    /* the instance is free again */
    bk_begin(&env, 0);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_thaw_with_continue_keeps_the_session_to_end, "api JetOSSnapshotThaw") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotInvalidSequence);
    /* thawed but not ended: the snapshot still holds the instance's backup flags */
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errBackupInProgress);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errOSSnapshotInvalidSnapId);
    bk_begin(&env, 0);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_term(&env);
}

/* ---- JetOSSnapshotEnd / JetOSSnapshotAbort ---------------------------------------------------------- */

SCENARIO(snapshot_end_checks_grbit_then_id, "api JetOSSnapshotEnd") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    EXPECT_ERR(JetOSSnapshotEnd(id, 2), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotEnd(4242, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_end_during_freeze_gives_2401, "api JetOSSnapshotEnd") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errOSSnapshotInvalidSequence);
    EXPECT_ERR(JetOSSnapshotEnd(id, JET_bitAbortSnapshot), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotInvalidSnapId);
    bk_term(&env);
}

SCENARIO(snapshot_end_from_prepare_leaves_a_streaming_backup_alone, "api JetOSSnapshotEnd") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    bk_begin(&env, 0);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    /* the streaming backup is still running and can finish */
    bk_expect_running(&env);
    bk_copy_databases(&env);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_abort_checks_grbit, "api JetOSSnapshotAbort") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    EXPECT_ERR(JetOSSnapshotAbort(id, JET_bitAbortSnapshot), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotAbort(4242, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_ERR(JetOSSnapshotAbort(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotAbort(id, 0), JET_errOSSnapshotInvalidSnapId);
    bk_term(&env);
}

SCENARIO(snapshot_abort_during_freeze_thaws_and_stamps_nothing, "api JetOSSnapshotAbort") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0); /* no ContinueAfterThaw: ESE would stamp here */
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotAbort(id, 0), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(sn_header_u32(env.db, SN_HDR_FULLPREVTYPE), 0);
    EXPECT_ERR(sn_call_commit(&env), JET_errSuccess);
    bk_begin(&env, 0);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_abort_after_thaw_stamps_nothing, "api JetOSSnapshotAbort") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotAbort(id, 0), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    bk_term(&env);
}

/* ---- JetOSSnapshotGetFreezeInfo --------------------------------------------------------------------- */

SCENARIO(snapshot_get_freeze_info_lists_members_in_every_live_state, "api JetOSSnapshotGetFreezeInfo") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    for (int step = 0; step < 3; step++) {
        unsigned long c = 0;
        JET_INSTANCE_INFO_A *info = NULL;
        EXPECT_ERR(JetOSSnapshotGetFreezeInfoA(id, &c, &info, 0), JET_errSuccess);
        EXPECT_EQ_UL(c, 1);
        EXPECT(info[0].hInstanceId == env.inst);
        EXPECT(strcmp(info[0].szDatabaseFileName[0], env.db) == 0);
        JetFreeBuffer((char *)info);
        if (step == 0) sn_freeze(id);
        if (step == 1) EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    }
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    unsigned long c = 0;
    JET_INSTANCE_INFO_W *info = NULL;
    EXPECT_ERR(JetOSSnapshotGetFreezeInfoW(id, &c, &info, 0), JET_errOSSnapshotInvalidSnapId);
    bk_term(&env);
}

SCENARIO(snapshot_get_freeze_info_checks_in_esent_order, "api JetOSSnapshotGetFreezeInfo") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetOSSnapshotGetFreezeInfoW(4242, NULL, NULL, 1), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotGetFreezeInfoW(4242, NULL, NULL, 0), JET_errInvalidParameter);
    /* A runs the W call into its own buffers first: an unknown id wins over NULL pointers */
    EXPECT_ERR(JetOSSnapshotGetFreezeInfoA(4242, NULL, NULL, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_ERR(JetOSSnapshotGetFreezeInfoA(id, NULL, NULL, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetOSSnapshotGetFreezeInfoA(id, &c, &info, 0), JET_errSuccess);
    JetFreeBuffer((char *)info);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

/* ---- JetOSSnapshotTruncateLog[Instance] ------------------------------------------------------------- */

SCENARIO(snapshot_truncate_log_checks_grbit_id_then_state, "api JetOSSnapshotTruncateLog") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    EXPECT_ERR(JetOSSnapshotTruncateLog(4242, 2), JET_errInvalidGrbit);
    EXPECT_ERR(JetOSSnapshotTruncateLog(4242, 0), JET_errOSSnapshotInvalidSnapId);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, 0), JET_errOSSnapshotInvalidSequence);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, 0), JET_errOSSnapshotInvalidSequence);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_truncate_log_of_a_copy_snapshot_gives_2401, "api JetOSSnapshotTruncateLog") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw | JET_bitCopySnapshot);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, JET_bitAllDatabasesSnapshot), JET_errOSSnapshotInvalidSequence);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_truncate_log_deletes_logs_below_the_freeze_once, "api JetOSSnapshotTruncateLog") {
    bk_env env;
    bk_setup(&env); /* archives 1, 2; current 3 */
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);  /* rolls: archives 1..3, current 4; the copy needs 3 */
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    roll_logs(env.sesid, 1); /* archive 4 appears after the freeze */
    bk_expect_archived(&env, 1, 4);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, JET_bitAllDatabasesSnapshot), JET_errSuccess);
    bk_expect_archived(&env, 3, 4);
    /* the range was used up: a second call deletes nothing */
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, JET_bitAllDatabasesSnapshot), JET_errSuccess);
    bk_expect_archived(&env, 3, 4);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_truncate_log_without_all_databases_bit_deletes_nothing_but_uses_the_range,
         "api JetOSSnapshotTruncateLog") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, 0), JET_errSuccess);
    bk_expect_archived(&env, 1, 3);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, JET_bitAllDatabasesSnapshot), JET_errSuccess);
    bk_expect_archived(&env, 1, 3);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_truncate_log_with_the_oldest_log_past_the_range_gives_543, "api JetOSSnapshotTruncateLog") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id); /* delete range ends at 3 */
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    roll_logs(env.sesid, 1);
    for (long g = 1; g <= 3; g++) EXPECT(unlink(bk_log_path(&env, g)) == 0);
    EXPECT_ERR(JetOSSnapshotTruncateLog(id, JET_bitAllDatabasesSnapshot), JET_errRequiredLogFilesMissing);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_truncate_log_instance_outside_the_session_gives_minus_1, "api JetOSSnapshotTruncateLogInstance") {
    bk_env a, b;
    bk_setup_with(&a, "one", "one", "one.edb", BK_DB_PAGES, 2, -1, 0, NULL);
    bk_setup_with(&b, "two", "two", "two.edb", BK_DB_PAGES, 2, -1, 0, NULL);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw | JET_bitExplicitPrepare);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, a.inst, 0), JET_errSuccess);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotTruncateLogInstance(id, (JET_INSTANCE)0x77, 0), JET_errInvalidInstance);
    EXPECT_ERR(JetOSSnapshotTruncateLogInstance(id, b.inst, 0), JET_wrnNyi);
    EXPECT_ERR(JetOSSnapshotTruncateLogInstance(id, a.inst, JET_bitAllDatabasesSnapshot), JET_errSuccess);
    bk_expect_archived(&a, 3, 3);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&a);
    bk_term(&b);
}
