/* The write freeze (docs/api.md "JetOSSnapshotFreeze"): from Freeze to Thaw no byte of a member's files changes;
 * commits, log rolls, growth, attach and detach wait; streaming backup gives -505 at once; the stops never wait;
 * other instances are not held up. Calls that must wait run on a second thread and are timed against the
 * moment the main thread calls Thaw.
 */
#include "snapshot_fixtures.h"

/* Starts `fn` on another thread while `env` is frozen, checks it is still waiting after `hold_ms`, that the
 * member's files did not change meanwhile, then thaws (or ends) and returns the call's result. */
static JET_ERR wait_then_thaw(bk_env *env, JET_OSSNAPID id, sn_call fn, long hold_ms, JET_GRBIT thaw_how) {
    unsigned long long before = sn_hash_folder(env->dir);
    sn_async a;
    sn_start(&a, fn, env);
    sn_sleep_ms(hold_ms);
    EXPECT(!__atomic_load_n(&a.finished, __ATOMIC_ACQUIRE));
    EXPECT(sn_hash_folder(env->dir) == before);
    double thawed = sn_now();
    if (thaw_how == 0) EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    else EXPECT_ERR(JetOSSnapshotAbort(id, 0), JET_errSuccess);
    JET_ERR err = sn_join(&a);
    /* it returned only once the thaw began */
    EXPECT(a.done >= thawed);
    return err;
}

SCENARIO(snapshot_threads_commit_during_freeze_returns_after_thaw, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    EXPECT_ERR(wait_then_thaw(&env, id, sn_call_commit, 300, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_threads_files_are_byte_identical_from_freeze_to_thaw, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    bk_env env2 = env, env3 = env; /* a session per thread: one session is used by one thread at a time */
    EXPECT_ERR(JetBeginSessionA(env.inst, &env2.sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(env.inst, &env3.sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetOpenDatabaseA(env3.sesid, env.db, NULL, &env3.dbid, 0), JET_errSuccess);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    unsigned long long frozen = sn_hash_folder(env.dir);
    sn_async commit, roll, grow;
    sn_start(&commit, sn_call_commit, &env);
    sn_start(&roll, sn_call_force_new_log, &env2);
    sn_start(&grow, sn_call_grow, &env3);
    for (int i = 0; i < 5; i++) {
        sn_sleep_ms(60);
        EXPECT(sn_hash_folder(env.dir) == frozen);
    }
    EXPECT(!__atomic_load_n(&commit.finished, __ATOMIC_ACQUIRE));
    EXPECT(!__atomic_load_n(&roll.finished, __ATOMIC_ACQUIRE));
    EXPECT(!__atomic_load_n(&grow.finished, __ATOMIC_ACQUIRE));
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(sn_join(&commit), JET_errSuccess);
    EXPECT_ERR(sn_join(&roll), JET_errSuccess);
    EXPECT_ERR(sn_join(&grow), JET_errSuccess);
    EXPECT(sn_hash_folder(env.dir) != frozen);
    bk_term(&env);
}

SCENARIO(snapshot_threads_log_roll_waits_for_thaw, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    long gen = bk_current_gen(&env);
    EXPECT_ERR(wait_then_thaw(&env, id, sn_call_force_new_log, 200, 0), JET_errSuccess);
    EXPECT_EQ_UL(bk_current_gen(&env), gen + 1);
    bk_term(&env);
}

SCENARIO(snapshot_threads_grow_waits_for_thaw, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    unsigned long pages = bk_pgno_last(env.db);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    EXPECT_ERR(wait_then_thaw(&env, id, sn_call_grow, 200, 0), JET_errSuccess);
    EXPECT_EQ_UL(bk_pgno_last(env.db), pages + 16);
    bk_term(&env);
}

SCENARIO(snapshot_threads_detach_waits_then_gives_505_until_end, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    /* thawed but not ended: the snapshot's backup flags give -505, as ESE's */
    EXPECT_ERR(wait_then_thaw(&env, id, sn_call_detach, 200, 0), JET_errBackupInProgress);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, env.db, 0), JET_errBackupInProgress);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errBackupInProgress);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_threads_abort_wakes_a_waiting_commit, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(wait_then_thaw(&env, id, sn_call_commit, 200, 1), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_begin_external_backup_on_a_frozen_member_gives_505_at_once, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    double t0 = sn_now();
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errBackupInProgress);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), JET_errBackupInProgress);
    EXPECT(sn_now() - t0 < 1.0);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_begin(&env, 0);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_threads_stops_never_wait_during_freeze, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    sn_async a;
    sn_start(&a, sn_call_commit, &env); /* waits at the gate */
    sn_sleep_ms(100);
    double t0 = sn_now();
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceBackgroundUserTasks), JET_errSuccess);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    JetFreeBuffer((char *)info);
    EXPECT(sn_now() - t0 < 1.0);
    EXPECT(!__atomic_load_n(&a.finished, __ATOMIC_ACQUIRE));
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(sn_join(&a), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_threads_other_instances_commit_while_one_is_frozen, "issue 8 freeze") {
    bk_env a, b;
    bk_setup_with(&a, "one", "one", "one.edb", BK_DB_PAGES, 1, -1, 0, NULL);
    bk_setup_with(&b, "two", "two", "two.edb", BK_DB_PAGES, 1, -1, 0, NULL);
    JET_OSSNAPID id = sn_prepare(JET_bitExplicitPrepare);
    EXPECT_ERR(JetOSSnapshotPrepareInstance(id, a.inst, 0), JET_errSuccess);
    sn_freeze(id);
    sn_async waiting;
    sn_start(&waiting, sn_call_commit, &a);
    for (int i = 0; i < 20; i++) EXPECT_ERR(sn_call_commit(&b), JET_errSuccess);
    EXPECT_ERR(sn_call_force_new_log(&b), JET_errSuccess);
    EXPECT(!__atomic_load_n(&waiting.finished, __ATOMIC_ACQUIRE));
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    EXPECT_ERR(sn_join(&waiting), JET_errSuccess);
    bk_term(&a);
    bk_term(&b);
}

SCENARIO(snapshot_term_complete_during_freeze_gives_505, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    unsigned long long frozen = sn_hash_folder(env.dir);
    EXPECT_ERR(JetTerm2(env.inst, JET_bitTermComplete), JET_errBackupInProgress);
    EXPECT(sn_hash_folder(env.dir) == frozen);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_threads_term_waits_for_thaw, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    EXPECT_ERR(wait_then_thaw(&env, id, sn_call_term, 200, 0), JET_errSuccess);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errOSSnapshotInvalidSnapId);
}

SCENARIO(snapshot_threads_term_waits_for_end_after_a_thaw, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    sn_async a;
    sn_start(&a, sn_call_term, &env);
    sn_sleep_ms(200);
    EXPECT(!__atomic_load_n(&a.finished, __ATOMIC_ACQUIRE));
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    EXPECT_ERR(sn_join(&a), JET_errSuccess);
}

SCENARIO(snapshot_term_in_prepare_waits_at_most_the_timeout, "issue 8 freeze") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup(&env);
    sn_set_timeout(300);
    JET_OSSNAPID id = sn_prepare(0);
    double t0 = sn_now();
    /* nobody ends the session: JetTerm leaves it after the timeout instead of waiting forever */
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess);
    double took = sn_now() - t0;
    EXPECT(took >= 0.25 && took < 5.0);
    /* the instance left the session; with no instance at all, Freeze has nothing to start */
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetOSSnapshotFreezeA(id, &c, &info, 0), JET_errNotInitialized);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateCleanShutdown);
}

static JET_ERR attach_second(void *p) {
    bk_env *env = p;
    return JetAttachDatabaseA(env->sesid, path_in_dir("second.edb"), 0);
}

static JET_ERR create_third(void *p) {
    bk_env *env = p;
    JET_DBID dbid = 0;
    return JetCreateDatabaseA(env->sesid, path_in_dir("third.edb"), NULL, &dbid, 0);
}

SCENARIO(snapshot_threads_attach_waits_then_gives_505_until_end, "issue 8 freeze") {
    bk_env env;
    JET_DBID second = 0;
    bk_setup(&env);
    EXPECT_ERR(JetCreateDatabaseA(env.sesid, path_in_dir("second.edb"), NULL, &second, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, second, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, path_in_dir("second.edb")), JET_errSuccess);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    EXPECT_ERR(wait_then_thaw(&env, id, attach_second, 200, 0), JET_errBackupInProgress);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    EXPECT_ERR(attach_second(&env), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_threads_create_database_waits_for_thaw, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(JET_bitContinueAfterThaw);
    sn_freeze(id);
    /* creating is not refused by a backup, as in ESE; it only waits for the log */
    EXPECT_ERR(wait_then_thaw(&env, id, create_third, 200, 0), JET_errSuccess);
    EXPECT(file_size(path_in_dir("third.edb")) > 0);
    EXPECT_ERR(JetOSSnapshotEnd(id, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(snapshot_term_dirty_during_freeze_writes_nothing_and_leaves_the_session, "issue 8 freeze") {
    bk_env env;
    bk_setup(&env);
    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    unsigned long long frozen = sn_hash_folder(env.dir);
    EXPECT_ERR(JetTerm2(env.inst, JET_bitTermDirty), JET_errDirtyShutdown);
    EXPECT(sn_hash_folder(env.dir) == frozen);
    unsigned long c = 9;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetOSSnapshotGetFreezeInfoA(id, &c, &info, 0), JET_errSuccess);
    EXPECT_EQ_UL(c, 0);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
}
