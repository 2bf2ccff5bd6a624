/* Cursors and sessions: one session used by two threads, readers in parallel with a writer, what a rollback does
 * to a cursor's index and position, JetSetCurrentIndex with JET_bitNoMove, locks given back by a nested
 * rollback. */
#define _GNU_SOURCE
#include "isam_fixtures.h"

#include <pthread.h>

/* ------------------------------------------------------------------------------------------------------------
 * One session on two threads
 * ---------------------------------------------------------------------------------------------------------- */

typedef struct {
    JET_SESID sesid;
    JET_TABLEID t;
    int rounds;
    int unexpected; /* a result other than 0, -1603, or -1910 */
    int sharing;    /* how many -1910 */
} shared_session_run;

static void *hammer(void *arg) {
    shared_session_run *run = arg;
    for (int i = 0; i < run->rounds; i++) {
        int32_t key = 0;
        unsigned long cb = 0;
        JET_ERR errs[3];
        errs[0] = JetMove(run->sesid, run->t, (i % 7 == 0) ? JET_MoveFirst : JET_MoveNext, 0);
        errs[1] = JetRetrieveColumn(run->sesid, run->t, F.key, &key, sizeof key, &cb, 0, NULL);
        errs[2] = JetMove(run->sesid, run->t, JET_MovePrevious, 0);
        for (int e = 0; e < 3; e++) {
            if (errs[e] == JET_errSessionSharingViolation)
                __atomic_add_fetch(&run->sharing, 1, __ATOMIC_RELAXED);
            else if (errs[e] != JET_errSuccess && errs[e] != JET_errNoCurrentRecord)
                __atomic_add_fetch(&run->unexpected, 1, __ATOMIC_RELAXED);
        }
    }
    return NULL;
}

SCENARIO(cursor_one_session_on_two_threads_gets_1910_never_a_crash, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    for (int k = 1; k <= 50; k++) f_insert(env.sesid, t, k);
    shared_session_run run = {env.sesid, t, 3000, 0, 0};
    pthread_t a, b;
    EXPECT(pthread_create(&a, NULL, hammer, &run) == 0);
    EXPECT(pthread_create(&b, NULL, hammer, &run) == 0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    EXPECT_EQ_UL((unsigned long)run.unexpected, 0);
    /* The session is whole afterwards. */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
}

/* ------------------------------------------------------------------------------------------------------------
 * Readers in parallel with a writer
 * ---------------------------------------------------------------------------------------------------------- */

typedef struct {
    const isam_env *env;
    int rounds;
    int torn; /* a scan that saw a number of rows no commit produced */
} reader_run;

static void *reader(void *arg) {
    reader_run *run = arg;
    JET_DBID dbid = 0;
    JET_SESID s = isam_session(run->env, &dbid);
    JET_TABLEID t = f_open(s, dbid);
    for (int i = 0; i < run->rounds; i++) {
        /* Inside a transaction the whole scan sees one snapshot: rows come in pairs. */
        if (JetBeginTransaction(s) != JET_errSuccess) { run->torn++; break; }
        unsigned long n = count_rows(s, t);
        if (n % 2 != 0) run->torn++;
        JetCommitTransaction(s, 0);
    }
    JetCloseTable(s, t);
    JetEndSession(s, 0);
    return NULL;
}

SCENARIO(cursor_readers_see_whole_commits_while_a_writer_commits, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    /* JetCreateTable's cursor is exclusive: the readers' sessions open the table after it is closed. */
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    reader_run r1 = {&env, 60, 0}, r2 = {&env, 60, 0};
    pthread_t a, b;
    EXPECT(pthread_create(&a, NULL, reader, &r1) == 0);
    EXPECT(pthread_create(&b, NULL, reader, &r2) == 0);
    /* Two rows per transaction. */
    for (int k = 0; k < 200; k += 2) {
        EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
        f_insert(env.sesid, t, k);
        f_insert(env.sesid, t, k + 1);
        EXPECT_ERR(JetCommitTransaction(env.sesid, JET_bitCommitLazyFlush), JET_errSuccess);
    }
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    EXPECT_EQ_UL((unsigned long)(r1.torn + r2.torn), 0);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 200);
}

/* ------------------------------------------------------------------------------------------------------------
 * Rollback and cursors
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(cursor_rollback_resets_the_index_chosen_and_the_move_made_at_its_level,
         "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create_reversed(env.sesid, env.dbid);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    JET_TABLEID kept = f_open(env.sesid, env.dbid);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(JetMove(env.sesid, kept, JET_MoveLast, 0), JET_errSuccess);
    EXPECT_ERR(JetGetBookmark(env.sesid, kept, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 3);
    /* Positioned by bookmark only: keeps its place across the rollback. */
    EXPECT_ERR(JetGotoBookmark(env.sesid, kept, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_BEFORE_FIRST_ON(env.sesid, t, "clustered", 1);
    EXPECT_KEY(env.sesid, kept, 3);
}

SCENARIO(cursor_set_current_index_no_move_keeps_the_current_record, "api JetSetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create_reversed(env.sesid, env.dbid);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "secondarywithoutprimary", JET_bitNoMove), JET_errNoCurrentRecord);
    f_key(env.sesid, t, 2);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "secondarywithoutprimary", JET_bitNoMove), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    /* Moves now follow the secondary index: (10,100) is key 3, before (20,200). */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 3);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "secondarywithoutprimary", 0x4), JET_errInvalidGrbit);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "nosuchindex", 0), JET_errIndexNotFound);
}

/* JetSetCurrentIndex(NoMove) on a record this cursor deleted: the old bookmark leads nowhere, so -1017 (as
 * JetGotoBookmark), the new index is current and the cursor is before its first entry. */
SCENARIO(set_current_index_no_move_on_a_deleted_record_gives_1017, "api JetSetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create_reversed(env.sesid, env.dbid);
    f_key(env.sesid, t, 2);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "secondarywithoutprimary", JET_bitNoMove), JET_errRecordDeleted);
    EXPECT_BEFORE_FIRST_ON(env.sesid, t, "secondarywithoutprimary", 3); /* (10,100): its first entry */
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "", JET_bitNoMove), JET_errRecordDeleted);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
}

/* JetSetCurrentIndex(NoMove) takes the current record's bookmark before it looks the index up: a cursor on no
 * record gets -1603 whatever index it names (a malformed name is still -1002 first), and keeps its index and its
 * position. */
SCENARIO(set_current_index_no_move_on_no_record_gives_1603_before_the_index_lookup, "api JetSetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create_reversed(env.sesid, env.dbid);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    /* Never positioned: deferred first on the clustered index. */
    t = f_open(env.sesid, env.dbid);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "secondarywithoutprimary", JET_bitNoMove), JET_errNoCurrentRecord);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "missing", JET_bitNoMove), JET_errNoCurrentRecord);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "bad!", JET_bitNoMove), JET_errInvalidName);
    char name[JET_cbNameMost + 1];
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "clustered") == 0);
    EXPECT_KEY(env.sesid, t, 1); /* still deferred first on the clustered index: resolves to key 1 */
    /* Before the first record. */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "missing", JET_bitNoMove), JET_errNoCurrentRecord);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "secondarywithprimary", JET_bitNoMove), JET_errNoCurrentRecord);
    EXPECT_BEFORE_FIRST_ON(env.sesid, t, "clustered", 1);
}

/* JetSetCurrentIndex(MoveFirst) cancels a prepared update before it looks the index up: an unknown index is -1404
 * and the update is gone all the same. */
SCENARIO(set_current_index_move_first_to_a_missing_index_still_cancels_the_prepared_update,
         "api JetSetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "missing"), JET_errIndexNotFound);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 0);
}

SCENARIO(cursor_nested_rollback_gives_the_record_lock_back, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(f_insert_bm(env.sesid, t, 10, 100, 1000, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(s2, t2, bm, cb), JET_errSuccess);
    /* Level 0 of another session: the lock of the open level stops its delete. */
    EXPECT_ERR(JetDelete(s2, t2), JET_errWriteConflict);
    /* The level that took the lock rolls back: the lock goes with it, level 1 stays open. */
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errUpdateNotPrepared);
    EXPECT_ERR(JetDelete(s2, t2), JET_errSuccess);
    /* Committed after session 1's level 1 began: now it is session 1 that may not change the record. */
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errWriteConflict);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errRecordDeleted);
}

SCENARIO(cursor_tableids_are_handles_checked_before_use, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    EXPECT_ERR(JetMove(s2, t, JET_MoveFirst, 0), JET_errSesidTableIdMismatch);
    EXPECT_ERR(JetMove(env.sesid, t + 1, JET_MoveFirst, 0), JET_errInvalidTableId);
    EXPECT_ERR(JetMove(env.sesid, (JET_TABLEID)&env, JET_MoveFirst, 0), JET_errInvalidTableId);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errInvalidTableId);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.key, NULL, 0, NULL, 0, NULL), JET_errInvalidTableId);
    /* JetEndSession closes the session's cursors. */
    JET_TABLEID t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetEndSession(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t2, JET_MoveFirst, 0), JET_errInvalidTableId);
}

/* ------------------------------------------------------------------------------------------------------------
 * A thread's last session and a session's last cursor are found again without the handle tables: closed, rolled
 * back, ended or terminated, they give the codes the tables give
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(cursor_cached_handles_give_their_codes_after_close_rollback_end_and_term,
         "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    for (int k = 1; k <= 3; k++) f_insert(env.sesid, t, k);
    int32_t key = 0;
    unsigned long cb = 0;
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.key, &key, sizeof key, &cb, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.key, &key, sizeof key, &cb, 0, NULL), JET_errInvalidTableId);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errInvalidTableId);
    /* A cursor opened in a transaction goes with its rollback. */
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_TABLEID inner = f_open(env.sesid, env.dbid);
    EXPECT_ERR(JetMove(env.sesid, inner, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, inner, JET_MoveFirst, 0), JET_errInvalidTableId);
    /* Two sessions in turn on one thread: each finds its own cursor, neither takes the other's. */
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t1 = f_open(env.sesid, env.dbid), t2 = f_open(s2, dbid2);
    for (int i = 0; i < 3; i++) {
        EXPECT_ERR(JetMove(env.sesid, t1, JET_MoveFirst, 0), JET_errSuccess);
        EXPECT_ERR(JetMove(s2, t2, JET_MoveLast, 0), JET_errSuccess);
        EXPECT_ERR(JetMove(env.sesid, t2, JET_MoveFirst, 0), JET_errSesidTableIdMismatch);
        EXPECT_ERR(JetMove(s2, t1, JET_MoveFirst, 0), JET_errSesidTableIdMismatch);
    }
    EXPECT_KEY(env.sesid, t1, 1);
    EXPECT_KEY(s2, t2, 3);
    /* An ended session, last used on this thread. */
    EXPECT_ERR(JetEndSession(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetMove(s2, t2, JET_MoveFirst, 0), JET_errInvalidSesid);
    EXPECT_ERR(JetRetrieveColumn(s2, t2, F.key, &key, sizeof key, &cb, 0, NULL), JET_errInvalidSesid);
    /* A terminated instance, its session last used on this thread. */
    EXPECT_ERR(JetMove(env.sesid, t1, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t1, JET_MoveFirst, 0), JET_errInvalidSesid);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t1, F.key, &key, sizeof key, &cb, 0, NULL), JET_errInvalidSesid);
}

/* ------------------------------------------------------------------------------------------------------------
 * A cursor reads its row again after the session changed it through another cursor
 * ---------------------------------------------------------------------------------------------------------- */

/* A cursor keeps the row its last move reached (and the row's header once read) for the retrieves that follow: a
 * replace, a delete, inserts that split its page and a rolled-back savepoint, all through another cursor of the
 * same session, must show through it as they would after a fresh seek. */
SCENARIO(cursor_reads_its_row_as_changed_by_another_cursor_of_its_session, "api JetRetrieveColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    for (int k = 1; k <= 300; k++) f_insert(env.sesid, t, k);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    JET_TABLEID other = f_open(env.sesid, env.dbid);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 1, 10, 100);
    /* Replaced through the other cursor. */
    f_key(env.sesid, other, 1);
    EXPECT_ERR(JetSeek(env.sesid, other, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, other, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, other, F.d1, 77), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, other, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 1, 77, 100);
    int32_t value = 0;
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.d1, &value, sizeof value, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL((unsigned long)value, 77);
    /* Deleted through the other cursor. */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 2, 20, 200);
    f_key(env.sesid, other, 2);
    EXPECT_ERR(JetSeek(env.sesid, other, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, other), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.d1, &value, sizeof value, &cb, 0, NULL), JET_errRecordDeleted);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 3, 30, 300);
    /* Inserts before the row split its page (the row moves to another page or place). */
    for (int k = -600; k <= 0; k++) f_insert(env.sesid, other, k);
    EXPECT_ROW(env.sesid, t, 3, 30, 300);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 1, 77, 100);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 3, 30, 300);
    /* A savepoint's replace shows, and its rollback puts the row back. */
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    f_key(env.sesid, other, 3);
    EXPECT_ERR(JetSeek(env.sesid, other, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, other, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, other, F.d2, 5), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, other, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 3, 30, 5);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 3, 30, 300);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    /* After the commit, at level 0. */
    EXPECT_ROW(env.sesid, t, 3, 30, 300);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 1, 77, 100);
}
