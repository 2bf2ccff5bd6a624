/* Transactions over records: snapshot isolation between sessions, write conflicts (-1102, and -1605 for
 * inserts), rollback at each of the 7 nesting levels, what rollback does to cursors. */
#define _GNU_SOURCE
#include "isam_fixtures.h"

/* Fixture F with (10, 100, 1000) committed; returns its bookmark. */
static void f_committed_record(isam_env *env, unsigned char bm[8], unsigned long *pcb) {
    JET_TABLEID t = f_create(env->sesid, env->dbid);
    EXPECT_ERR(f_insert_bm(env->sesid, t, 10, 100, 1000, bm, 8, pcb), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env->sesid, t), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * Write conflicts
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(replace_lock_conflict_gives_1102_at_prepare, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    unsigned char bm[8];
    unsigned long cb = 0;
    f_committed_record(&env, bm, &cb);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = f_open(env.sesid, env.dbid), t2 = f_open(s2, dbid2); /* at level 0: rollback keeps them */
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(s2, t2, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepReplace), JET_errWriteConflict);
    EXPECT_ERR(set_long(env.sesid, t, F.d1, 200), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d2, 2000), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 10, 200, 2000);
    /* S2's transaction is intact; it still sees the old values and may not delete the record either. */
    EXPECT_ROW(s2, t2, 10, 100, 1000);
    EXPECT_ERR(JetDelete(s2, t2), JET_errWriteConflict);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    /* Committed after S2 began: still a conflict for S2, and still invisible. */
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepReplace), JET_errWriteConflict);
    EXPECT_ROW(s2, t2, 10, 100, 1000);
    EXPECT_ERR(JetRollback(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(s2, t2, bm, cb), JET_errSuccess);
    EXPECT_ROW(s2, t2, 10, 200, 2000);
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepCancel), JET_errSuccess);
}

SCENARIO(replace_no_lock_conflict_gives_1102_at_update, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    unsigned char bm[8];
    unsigned long cb = 0;
    f_committed_record(&env, bm, &cb);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    JET_TABLEID t = f_open(env.sesid, env.dbid), t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetGotoBookmark(s2, t2, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplaceNoLock), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepReplaceNoLock), JET_errSuccess);
    EXPECT_ERR(set_long(s2, t2, F.d1, 300), JET_errSuccess);
    EXPECT_ERR(set_long(s2, t2, F.d2, 3000), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d1, 200), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d2, 2000), JET_errSuccess);
    EXPECT_ERR(JetUpdate(s2, t2, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errWriteConflict);
    /* Conflicts are found at the operation, never at commit. */
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 10, 300, 3000);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(replace_at_level_0_conflicts_with_a_change_since_prepare, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    unsigned char bm[8];
    unsigned long cb = 0;
    f_committed_record(&env, bm, &cb);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = f_open(env.sesid, env.dbid), t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(s2, t2, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess); /* level 0: no lock */
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(s2, t2, F.d1, 7), JET_errSuccess);
    EXPECT_ERR(JetUpdate(s2, t2, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d1, 8), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errWriteConflict);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 10, 7, 1000);
}

SCENARIO(insert_of_a_key_another_transaction_holds_gives_1605, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess); /* the creating cursor is exclusive */
    t = f_open(env.sesid, env.dbid);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    /* Uncommitted insert of 5 by S: S2 cannot insert 5 (it does not see it). */
    f_insert(env.sesid, t, 5);
    unsigned long cb = 0;
    EXPECT_ERR(f_insert_bm(s2, t2, 5, 0, 0, NULL, 0, &cb), JET_errKeyDuplicate);
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepCancel), JET_errSuccess);
    f_key(s2, t2, 5);
    EXPECT_ERR(JetSeek(s2, t2, JET_bitSeekEQ), JET_errRecordNotFound);
    /* Uncommitted delete of 1 by S: S2 still sees 1, and cannot insert 1 either. */
    f_key(env.sesid, t, 1);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    f_key(s2, t2, 1);
    EXPECT_ERR(JetSeek(s2, t2, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(f_insert_bm(s2, t2, 1, 0, 0, NULL, 0, &cb), JET_errKeyDuplicate);
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepCancel), JET_errSuccess);
    /* Other keys are free; both commit. */
    f_insert(s2, t2, 6);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    /* Committed after S2's begin: still a duplicate for S2. */
    EXPECT_ERR(f_insert_bm(s2, t2, 1, 0, 0, NULL, 0, &cb), JET_errKeyDuplicate);
    EXPECT_ERR(JetPrepareUpdate(s2, t2, JET_prepCancel), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(s2, 0), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(s2, t2), 2); /* 5 and 6 */
    f_insert(s2, t2, 1);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 3);
}

SCENARIO(unique_secondary_key_held_by_another_transaction_gives_1605, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    static const char kn[] = "+name\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "uname", JET_bitIndexUnique, kn, sizeof kn, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess); /* the creating cursor is exclusive */
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = 0;
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    EXPECT_ERR(kv_insert(env.sesid, t, 1, "same"), JET_errSuccess);
    EXPECT_ERR(kv_insert(s2, t2, 2, "same"), JET_errKeyDuplicate);
    EXPECT_ERR(kv_insert(s2, t2, 2, "other"), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(a_session_never_conflicts_with_itself, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    unsigned char bm[8];
    unsigned long cb = 0;
    f_committed_record(&env, bm, &cb);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_TABLEID a = f_open(env.sesid, env.dbid), b = f_open(env.sesid, env.dbid);
    EXPECT_ERR(JetGotoBookmark(env.sesid, a, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, b, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, a, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, a, F.d1, 1), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, a, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, b, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, b, F.d2, 2), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, b, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ROW(env.sesid, a, 10, 1, 2);
    /* The second cursor sees the first's uncommitted insert. */
    f_insert(env.sesid, a, 11);
    f_key(env.sesid, b, 11);
    EXPECT_ERR(JetSeek(env.sesid, b, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, b), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * Snapshot isolation
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(snapshot_isolation_and_delete_conflict, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    EXPECT_ERR(kv_insert(env.sesid, t, 999, "old"), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess); /* the creating cursor is exclusive */
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = 0;
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errSuccess);
    char name[16];

    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(kv_seek(env.sesid, t, 999), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, "new", 3, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(kv_name(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "new") == 0);

    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    EXPECT_ERR(kv_seek(s2, t2, 999), JET_errSuccess);
    EXPECT_ERR(kv_name(s2, t2, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "old") == 0);
    EXPECT_ERR(JetDelete(s2, t2), JET_errWriteConflict);
    EXPECT_ERR(JetRollback(s2, 0), JET_errSuccess);

    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    EXPECT_ERR(kv_seek(s2, t2, 999), JET_errSuccess);
    EXPECT_ERR(JetDelete(s2, t2), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(s2, 0), JET_errSuccess);
    EXPECT_ERR(kv_seek(env.sesid, t, 999), JET_errSuccess); /* still in the read-only snapshot */
    EXPECT_ERR(kv_name(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "new") == 0);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errTransReadOnly);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errTransReadOnly);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(kv_seek(env.sesid, t, 999), JET_errRecordNotFound); /* level 0: the latest */
}

SCENARIO(uncommitted_inserts_are_invisible_to_other_sessions, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess); /* the creating cursor is exclusive */
    t = f_open(env.sesid, env.dbid);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    for (int32_t k = 2; k <= 4; k++) f_insert(env.sesid, t, k);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 4);
    EXPECT_EQ_UL(count_rows(s2, t2), 1); /* level 0 */
    unsigned long n = 0;
    EXPECT_ERR(JetMove(s2, t2, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetIndexRecordCount(s2, t2, &n, 0), JET_errSuccess);
    EXPECT_EQ_UL(n, 1);
    EXPECT_ERR(JetSetCurrentIndexA(s2, t2, "secondarywithprimary"), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(s2, t2), 1);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess); /* snapshot before the commit */
    EXPECT_ERR(JetCommitTransaction(env.sesid, JET_bitCommitLazyFlush), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(s2, t2), 1);
    EXPECT_ERR(JetCommitTransaction(s2, 0), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(s2, t2), 4);
}

/* ------------------------------------------------------------------------------------------------------------
 * Nesting and rollback
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(rollback_at_each_of_seven_levels_undoes_only_that_level, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    /* Level L inserts key L and changes record 0's d1 to L. */
    f_insert3(env.sesid, t, 0, 0, 0);
    for (int level = 1; level <= 7; level++) {
        EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
        f_insert(env.sesid, t, level);
        f_key(env.sesid, t, 0);
        EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
        EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
        EXPECT_ERR(set_long(env.sesid, t, F.d1, level), JET_errSuccess);
        EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    }
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errTransTooDeep);
    for (int level = 7; level >= 1; level--) {
        EXPECT_EQ_UL(count_rows(env.sesid, t), (unsigned long)level + 1);
        f_key(env.sesid, t, 0);
        EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
        EXPECT_ROW(env.sesid, t, 0, level, 0);
        EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
        f_key(env.sesid, t, level);
        EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errRecordNotFound);
    }
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errNotInTransaction);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 1);
    f_key(env.sesid, t, 0);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 0, 0, 0);
}

SCENARIO(commit_of_inner_levels_then_rollback_all, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    for (int level = 1; level <= 7; level++) {
        EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
        f_insert(env.sesid, t, level);
    }
    /* Commit levels 7..3 into level 2, roll back level 2 alone: keys 2..7 go, 1 stays. */
    for (int level = 7; level >= 3; level--) EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 7);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 1);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    f_insert(env.sesid, t, 9);
    EXPECT_ERR(JetRollback(env.sesid, JET_bitRollbackAll), JET_errSuccess); /* both levels */
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errNotInTransaction);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 0);
}

SCENARIO(rollback_closes_cursors_opened_at_that_level_and_cancels_updates, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    f_insert(env.sesid, t, 2);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_TABLEID inner = f_open(env.sesid, env.dbid);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, inner), JET_errInvalidTableId);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared);
    /* The index chosen at that level is replaced by the clustered index; a cursor moved there is before first. */
    EXPECT_BEFORE_FIRST_ON(env.sesid, t, "clustered", 1);
}

SCENARIO(rollback_restores_values_for_a_cursor_on_a_bookmark, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    unsigned char bm[8];
    unsigned long cb = 0;
    int32_t id = 1;
    char name[16];
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.id, &id, 4, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, "before", 6, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, "after", 5, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(kv_name(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "after") == 0);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(kv_name(env.sesid, t, name, sizeof name), JET_errSuccess); /* positioned by bookmark: kept */
    EXPECT(strcmp(name, "before") == 0);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(kv_name(env.sesid, t, name, sizeof name), JET_errRecordDeleted);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errRecordDeleted);
}

SCENARIO(end_session_rolls_back_its_transaction, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    f_insert(s2, t2, 1);
    EXPECT_ERR(JetEndSession(s2, 0), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 0);
    f_insert(env.sesid, t, 1); /* no lock is left behind */
}

SCENARIO(committed_rows_survive_reopening_the_database, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    for (int32_t k = 0; k < 50; k++) f_insert(env.sesid, t, k);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    f_insert(env.sesid, t, 1000); /* never committed */
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetEndSession(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess);
    env.inst = init_named("isam", path_in_dir("isam"));
    EXPECT_ERR(JetBeginSessionA(env.inst, &env.sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, env.db, 0), JET_errSuccess);
    EXPECT_ERR(JetOpenDatabaseA(env.sesid, env.db, NULL, &env.dbid, 0), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 50);
    f_key(env.sesid, t, 49);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 49, 490, 4900);
}

SCENARIO(transaction_levels_check_their_grbits_and_level_0, "api JetBeginTransaction") {
    isam_env env = isam_open();
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetBeginTransaction2(env.sesid, 0x4), JET_errSuccess); /* only ReadOnly is honoured */
    EXPECT_ERR(JetRollback(env.sesid, 0x2), JET_errInvalidGrbit);
    JET_TABLEID t = f_create(env.sesid, env.dbid); /* not read-only */
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetBeginTransaction2((JET_SESID)0x77, 0), JET_errInvalidSesid);
    for (int level = 2; level <= 7; level++) EXPECT_ERR(JetBeginTransaction2(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errTransTooDeep);
    EXPECT_ERR(JetRollback(env.sesid, JET_bitRollbackAll), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "table", NULL, 0, 0, &t), JET_errObjectNotFound);
}

/* A transaction does not pin databases (ESE): one begun before a detach and attach of the same file reads the
 * database attached again, as of the transaction's start (a row inserted after it is not seen). */
SCENARIO(a_transaction_begun_before_a_detach_reads_the_database_attached_again, "api JetDetachDatabase") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    JET_SESID s1 = 0;
    EXPECT_ERR(JetBeginSessionA(env.inst, &s1, "", ""), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s1), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, env.db, 0), JET_errSuccess);
    JET_DBID d0 = 0, d1 = 0;
    EXPECT_ERR(JetOpenDatabaseA(env.sesid, env.db, NULL, &d0, 0), JET_errSuccess);
    t = f_open(env.sesid, d0);
    f_insert(env.sesid, t, 2);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 2);
    EXPECT_ERR(JetOpenDatabaseA(s1, env.db, NULL, &d1, 0), JET_errSuccess);
    JET_TABLEID t1 = f_open(s1, d1);
    EXPECT_EQ_UL(count_rows(s1, t1), 1);
    EXPECT_ERR(JetCommitTransaction(s1, 0), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(s1, t1), 2);
}
