/* Indexes: JetCreateIndex, JetCreateIndex2, JetDeleteIndex, JetSetCurrentIndex(2, 3, 4), JetGetCurrentIndex,
 * JetGetTableIndexInfo, JetGetIndexInfo. */
#define _GNU_SOURCE
#include "isam_fixtures.h"

/* A table with Long columns a, b and a variable Text column s (cp 1252), no index. */
static JET_COLUMNID A, B, S;
static JET_TABLEID abs_table(isam_env *env, const char *name) {
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env->sesid, env->dbid, name, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(add_column(env->sesid, t, "a", JET_coltypLong, 0, 0, &A), JET_errSuccess);
    EXPECT_ERR(add_column(env->sesid, t, "b", JET_coltypLong, 0, 0, &B), JET_errSuccess);
    EXPECT_ERR(add_column(env->sesid, t, "s", JET_coltypText, 100, 0, &S), JET_errSuccess);
    return t;
}

static JET_ERR insert_ab(JET_SESID s, JET_TABLEID t, int32_t a, int32_t b) {
    EXPECT_ERR(JetPrepareUpdate(s, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(s, t, A, a), JET_errSuccess);
    EXPECT_ERR(set_long(s, t, B, b), JET_errSuccess);
    JET_ERR err = JetUpdate(s, t, NULL, 0, NULL);
    if (err < 0) EXPECT_ERR(JetPrepareUpdate(s, t, JET_prepCancel), JET_errSuccess);
    return err;
}

static int32_t read_col(JET_SESID s, JET_TABLEID t, JET_COLUMNID c) {
    int32_t v = 0;
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveColumn(s, t, c, &v, sizeof v, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(cb, 4);
    return v;
}

/* ------------------------------------------------------------------------------------------------------------
 * JetCreateIndex, JetCreateIndex2
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(create_index_key_description_checks, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    static const char good[] = "+a\0";
    static const char no_double_nul[] = {'+', 'a', 0, '-', 'b'};
    static const char trailing[] = "+a\0\0+b\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, good, 0, 100), JET_errInvalidParameter);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, no_double_nul, sizeof no_double_nul, 100),
               JET_errIndexInvalidDef);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, trailing, sizeof trailing, 100), JET_errIndexInvalidDef);
    static const char empty[] = "\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, empty, sizeof empty, 100), JET_errIndexInvalidDef);
    /* 17 segments: one more than JET_ccolKeyMost. */
    char many[17 * 3 + 1];
    size_t n = 0;
    for (int i = 0; i < 17; i++) {
        many[n++] = '+';
        many[n++] = (i % 2) ? 'a' : 'b';
        many[n++] = 0;
    }
    many[n++] = 0;
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, many, (unsigned long)n, 100), JET_errIndexInvalidDef);
    static const char unknown[] = "+zz\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, unknown, sizeof unknown, 100), JET_errColumnNotFound);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i!", 0, good, sizeof good, 100), JET_errInvalidName);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, good, sizeof good, 10), JET_errDensityInvalid);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, good, sizeof good, 0), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "I", 0, good, sizeof good, 0), JET_errIndexDuplicate);
    /* W: cbKey counts bytes. */
    static const WCHAR wkey[] = u"-b\0";
    EXPECT_ERR(JetCreateIndexW(env.sesid, t, u"w", 0, wkey, sizeof wkey, 0), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "w"), JET_errSuccess);
}

SCENARIO(create_index_grbit_and_primary_rules, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    static const char ka[] = "+a\0";
    static const char kb[] = "+b\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "p", JET_bitIndexPrimary | JET_bitIndexIgnoreNull, ka, sizeof ka, 0),
               JET_errInvalidGrbit);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "p", JET_bitIndexEmpty, ka, sizeof ka, 0), JET_errInvalidGrbit);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "p", JET_bitIndexPrimary, ka, sizeof ka, 0), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "q", JET_bitIndexPrimary, kb, sizeof kb, 0), JET_errIndexHasPrimary);
    /* A primary index on a table that holds a record. */
    JET_TABLEID u = abs_table(&env, "u");
    EXPECT_ERR(insert_ab(env.sesid, u, 1, 1), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, u, "p", JET_bitIndexPrimary, ka, sizeof ka, 0), JET_errTableNotEmpty);
    EXPECT_ERR(JetCreateIndexA(env.sesid, u, "p", 0, ka, sizeof ka, 0), JET_errSuccess);
}

SCENARIO(create_index_over_existing_records_builds_it, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    for (int32_t i = 1; i <= 5; i++) EXPECT_ERR(insert_ab(env.sesid, t, i, 10 - i), JET_errSuccess);
    EXPECT_ERR(insert_ab(env.sesid, t, 6, 9), JET_errSuccess); /* b 9 twice */
    static const char kb[] = "+b\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "ub", JET_bitIndexUnique, kb, sizeof kb, 0), JET_errKeyDuplicate);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "ub"), JET_errIndexNotFound);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "b", 0, kb, sizeof kb, 0), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "b"), JET_errSuccess);
    int32_t want_b[6] = {5, 6, 7, 8, 9, 9};
    int32_t want_a[6] = {5, 4, 3, 2, 1, 6};
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    for (int i = 0; i < 6; i++) {
        if (i) EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
        EXPECT(read_col(env.sesid, t, B) == want_b[i]);
        EXPECT(read_col(env.sesid, t, A) == want_a[i]);
    }
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
}

SCENARIO(create_index_descending_segment_reverses_order, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    static const char key[] = "-a\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "down", JET_bitIndexPrimary, key, sizeof key, 0), JET_errSuccess);
    int32_t values[5] = {3, -7, 100, 0, -1};
    for (int i = 0; i < 5; i++) EXPECT_ERR(insert_ab(env.sesid, t, values[i], 0), JET_errSuccess);
    int32_t want[5] = {100, 3, 0, -1, -7};
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    for (int i = 0; i < 5; i++) {
        if (i) EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
        EXPECT(read_col(env.sesid, t, A) == want[i]);
    }
}

SCENARIO(create_index_unique_refuses_duplicate_inserts_with_1605, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    static const char ka[] = "+a\0";
    static const char kb[] = "+b\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "pk", JET_bitIndexPrimary, ka, sizeof ka, 0), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "ub", JET_bitIndexUnique, kb, sizeof kb, 0), JET_errSuccess);
    EXPECT_ERR(insert_ab(env.sesid, t, 1, 10), JET_errSuccess);
    EXPECT_ERR(insert_ab(env.sesid, t, 1, 20), JET_errKeyDuplicate);
    EXPECT_ERR(insert_ab(env.sesid, t, 2, 10), JET_errKeyDuplicate);
    EXPECT_ERR(insert_ab(env.sesid, t, 2, 20), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 2);
}

SCENARIO(create_index_null_rules, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    static const char ka[] = "+a\0";
    static const char kb[] = "+b\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "pk", JET_bitIndexPrimary, ka, sizeof ka, 0), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "ignore", JET_bitIndexIgnoreNull, kb, sizeof kb, 0), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "all", 0, kb, sizeof kb, 0), JET_errSuccess);
    EXPECT_ERR(insert_ab(env.sesid, t, 1, 5), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, A, 2), JET_errSuccess); /* b stays NULL */
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "ignore"), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 1);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "all"), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 2);
    /* NULLs sort first. */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT(read_col(env.sesid, t, A) == 2);
    static const char kbn[] = "+b\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "nonull", JET_bitIndexDisallowNull, kbn, sizeof kbn, 0),
               JET_errNullKeyDisallowed);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "nonull", JET_bitIndexDisallowNull, kbn, sizeof kbn, 0),
               JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, A, 3), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errNullKeyDisallowed);
}

SCENARIO(create_index2_writes_each_element_err, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    static char ka[] = "+a\0";
    static char kab[] = "+a\0-b\0";
    static char kz[] = "+zz\0";
    JET_INDEXCREATE_A idx[3];
    memset(idx, 0, sizeof idx);
    char *keys[3] = {ka, kab, kz};
    unsigned long cbs[3] = {sizeof ka, sizeof kab, sizeof kz};
    const char *names[3] = {"one", "two", "three"};
    for (int i = 0; i < 3; i++) {
        idx[i].cbStruct = sizeof idx[i];
        idx[i].szIndexName = (char *)names[i];
        idx[i].szKey = keys[i];
        idx[i].cbKey = cbs[i];
        idx[i].err = 12345;
    }
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 3), JET_errColumnNotFound);
    EXPECT_ERR(idx[0].err, JET_errSuccess);
    EXPECT_ERR(idx[1].err, JET_errSuccess);
    EXPECT_ERR(idx[2].err, JET_errColumnNotFound);
    /* A batch is created in one transaction: the failure left none of the three. */
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "one"), JET_errIndexNotFound);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 2), JET_errSuccess);
    EXPECT_ERR(idx[0].err, JET_errSuccess);
    EXPECT_ERR(idx[1].err, JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "two"), JET_errSuccess);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 1), JET_errIndexDuplicate);
    EXPECT_ERR(idx[0].err, JET_errIndexDuplicate);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, NULL, 1), JET_errInvalidParameter);
    idx[2].cbStruct = sizeof idx[2] + 4;
    idx[2].szKey = ka;
    idx[2].cbKey = sizeof ka;
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, &idx[2], 1), JET_errInvalidParameter);
    idx[2].cbStruct = sizeof idx[2];
    idx[2].grbit = JET_bitIndexKeyMost;
    idx[2].cbKeyMost = 100; /* below JET_cbKeyMostMin */
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, &idx[2], 1), JET_errIndexInvalidDef);
    idx[2].cbKeyMost = 1000; /* the 4 KiB page limit */
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, &idx[2], 1), JET_errSuccess);
}

SCENARIO(create_index2_batch_needs_level_0_and_an_exclusive_cursor, "api JetCreateIndex") {
    /* ESE builds several indexes in one pass only at level 0 on a cursor that denies reads (ESE's fcreate.cxx,
     * batch index creation); one index at a time has neither condition. */
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    static char ka[] = "+a\0";
    static char kb[] = "+b\0";
    JET_INDEXCREATE_A idx[2];
    memset(idx, 0, sizeof idx);
    idx[0].cbStruct = idx[1].cbStruct = sizeof idx[0];
    idx[0].szIndexName = (char *)"ia";
    idx[0].szKey = ka;
    idx[0].cbKey = sizeof ka;
    idx[1].szIndexName = (char *)"ib";
    idx[1].szKey = kb;
    idx[1].cbKey = sizeof kb;
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 2), JET_errInTransaction);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 1), JET_errSuccess);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 2), JET_errExclusiveTableLockRequired);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableDenyRead, &t), JET_errSuccess);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 2), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "ib"), JET_errSuccess);
}

SCENARIO(create_index_in_read_only_transaction_gives_1110, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    static const char ka[] = "+a\0";
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, ka, sizeof ka, 0), JET_errTransReadOnly);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "i", 0, ka, sizeof ka, 0), JET_errSuccess);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "i"), JET_errIndexNotFound);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetDeleteIndex
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(delete_index_checks_in_order, "api JetDeleteIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "bad!"), JET_errInvalidName);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "missing"), JET_errIndexNotFound);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "clustered"), JET_errIndexMustStay);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithprimary"), JET_errIndexInUse);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, NULL), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithprimary"), JET_errTransReadOnly);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexW(env.sesid, t, u"SecondaryWithPrimary"), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithprimary"), JET_errIndexNotFound);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithprimary"), JET_errIndexNotFound);
    /* The column is no longer used by that index but still by the other. */
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "columndata1"), JET_errColumnInUse);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "columndata1"), JET_errSuccess);
}

/* An index that a cursor of another session has as its current index is in use too (ESE checks every cursor on
 * the table); once that cursor leaves the index, or is closed, the index can go. */
SCENARIO(delete_index_in_use_by_another_sessions_cursor_gives_1051, "api JetDeleteIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetSetCurrentIndexA(s2, t2, "secondarywithprimary"), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithprimary"), JET_errIndexInUse);
    /* Checked after the name: an unknown index is -1404 whoever uses what. */
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "missing"), JET_errIndexNotFound);
    EXPECT_ERR(JetSetCurrentIndexA(s2, t2, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errIndexInUse);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(s2, t2, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(s2, t2, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errIndexInUse);
    EXPECT_ERR(JetCloseTable(s2, t2), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_ERR(JetEndSession(s2, 0), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetSetCurrentIndex, JetGetCurrentIndex
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(set_current_index_grbits_names_and_positions, "api JetSetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create_reversed(env.sesid, env.dbid);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "clustered", 0x4), JET_errInvalidGrbit);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "bad!"), JET_errInvalidName);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "missing"), JET_errIndexNotFound);
    /* MoveFirst (the default): deferred first on the new index. */
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 3);
    /* NoMove: stays on the record, positioned in the new index. */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, "", JET_bitNoMove), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 3);
    EXPECT_ERR(JetSetCurrentIndex3A(env.sesid, t, "secondarywithprimary", JET_bitNoMove, 1), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 3);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errNoCurrentRecord); /* 3 has the smallest d1 */
    EXPECT_ERR(JetSetCurrentIndex2W(env.sesid, t, NULL, JET_bitNoMove), JET_errNoCurrentRecord);
    /* NULL and "" select the clustered index; the same index again restarts at the first record. */
    EXPECT_ERR(JetSetCurrentIndex2A(env.sesid, t, NULL, JET_bitMoveFirst), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveLast, 0), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexW(env.sesid, t, u"clustered"), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
}

SCENARIO(set_current_index_move_first_cancels_the_prepared_update, "api JetSetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared);
}

SCENARIO(set_current_index4_takes_an_index_id, "api JetSetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert3(env.sesid, t, 1, 20, 0);
    f_insert3(env.sesid, t, 2, 10, 0);
    JET_INDEXID id;
    memset(&id, 0, sizeof id);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "secondarywithprimary", &id, sizeof id, JET_IdxInfoIndexId),
               JET_errSuccess);
    EXPECT_EQ_UL(id.cbStruct, sizeof id);
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, "secondarywithprimary", &id, 0, 1), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    JET_INDEXID bad = id;
    bad.cbStruct = 8;
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, "secondarywithprimary", &bad, 0, 1), JET_errInvalidIndexId);
    EXPECT_ERR(JetSetCurrentIndex4W(env.sesid, t, NULL, NULL, 0, 1), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
}

/* With an index id, JetSetCurrentIndex4 selects the index the id names and ignores the name (ESE's documentation of
 * JetSetCurrentIndex4: "If pindexid is not NULL then the index name will be ignored"); an id that names no index of
 * the table any more (its index deleted) or was not written by JetGetTableIndexInfo is JET_errInvalidIndexId (-1416)
 * and leaves the current index as it was. */
SCENARIO(set_current_index4_selects_the_index_of_the_id_and_ignores_the_name, "api JetSetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert3(env.sesid, t, 1, 20, 0);
    f_insert3(env.sesid, t, 2, 10, 0);
    JET_INDEXID secondary, clustered;
    memset(&secondary, 0, sizeof secondary);
    memset(&clustered, 0, sizeof clustered);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "secondarywithprimary", &secondary, sizeof secondary,
                                     JET_IdxInfoIndexId),
               JET_errSuccess);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "clustered", &clustered, sizeof clustered, JET_IdxInfoIndexId),
               JET_errSuccess);
    char name[JET_cbNameMost + 1];
    /* Another index's name, an unknown name and an invalid one are all ignored. */
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, "clustered", &secondary, 0, 1), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "secondarywithprimary") == 0);
    EXPECT_ERR(JetSetCurrentIndex4W(env.sesid, t, u"missing", &clustered, 0, 1), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, "bad!", &secondary, 0, 1), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    /* Ids not written by JetGetTableIndexInfo. */
    JET_INDEXID made_up = secondary;
    made_up.rgbIndexId[0] ^= 0x55;
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, "secondarywithprimary", &made_up, 0, 1), JET_errInvalidIndexId);
    made_up = secondary;
    made_up.rgbIndexId[8] ^= 0x01;
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, "secondarywithprimary", &made_up, 0, 1), JET_errInvalidIndexId);
    made_up = secondary;
    made_up.rgbIndexId[sizeof made_up.rgbIndexId - 1] = 1;
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, "secondarywithprimary", &made_up, 0, 1), JET_errInvalidIndexId);
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "secondarywithprimary") == 0);
    /* The index of the id deleted: the id is stale, whatever the name says. */
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, NULL, &clustered, 0, 1), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndex4A(env.sesid, t, "secondarywithoutprimary", &secondary, 0, 1),
               JET_errInvalidIndexId);
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "clustered") == 0);
}

SCENARIO(get_current_index_returns_the_name, "api JetGetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    char name[JET_cbNameMost + 1];
    memset(name, 'x', sizeof name);
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, 0), JET_wrnBufferTruncated);
    EXPECT(name[0] == 'x');
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "clustered") == 0);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "SecondaryWithPrimary"), JET_errSuccess);
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(strcmp(name, "secondarywithprimary") == 0);
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, 7), JET_errSuccess);
    EXPECT(strcmp(name, "second") == 0); /* truncated, NUL included */
    WCHAR wname[32];
    EXPECT_ERR(JetGetCurrentIndexW(env.sesid, t, wname, sizeof wname), JET_errSuccess);
    EXPECT(memcmp(wname, u"secondarywithprimary", 21 * sizeof(WCHAR)) == 0);
    EXPECT_ERR(JetGetCurrentIndexW(env.sesid, t, wname, 10), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, (JET_TABLEID)777, name, sizeof name), JET_errInvalidTableId);
}

SCENARIO(get_current_index_of_a_table_without_primary_index_is_empty, "api JetGetCurrentIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = abs_table(&env, "t");
    char name[JET_cbNameMost + 1];
    memset(name, 'x', sizeof name);
    EXPECT_ERR(JetGetCurrentIndexA(env.sesid, t, name, sizeof name), JET_errSuccess);
    EXPECT(name[0] == 0);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetGetTableIndexInfo, JetGetIndexInfo
 * ---------------------------------------------------------------------------------------------------------- */

static void list_text(JET_SESID s, JET_TABLEID t, JET_COLUMNID c, char *buf, size_t cb) {
    unsigned long got = 0;
    memset(buf, 0, cb);
    EXPECT_ERR(JetRetrieveColumn(s, t, c, buf, (unsigned long)cb - 1, &got, 0, NULL), JET_errSuccess);
    EXPECT(got < cb);
}

SCENARIO(index_info_list_has_a_row_per_index_segment, "api JetGetTableIndexInfo") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    JET_INDEXLIST list;
    memset(&list, 0, sizeof list);
    /* ESE accepts JET_INDEXLIST without its last member (columnidLCMapFlags); less is too small. */
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, NULL, &list, sizeof list - 2 * sizeof(JET_COLUMNID),
                                     JET_IdxInfoList),
               JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, NULL, &list, sizeof list, JET_IdxInfoList), JET_errSuccess);
    EXPECT_EQ_UL(list.cbStruct, sizeof list);
    EXPECT_EQ_UL(list.cRecord, 5); /* 1 + 2 + 2 segments */
    EXPECT(list.tableid != JET_tableidNil && list.tableid != t);
    /* Every (index, segment column) pair appears once. */
    const char *pairs[5] = {"clustered/columnkey", "secondarywithprimary/columndata1",
                            "secondarywithprimary/columnkey", "secondarywithoutprimary/columndata1",
                            "secondarywithoutprimary/columndata2"};
    int seen[5] = {0, 0, 0, 0, 0};
    EXPECT_ERR(JetMove(env.sesid, list.tableid, JET_MoveFirst, 0), JET_errSuccess);
    for (int row = 0; row < 5; row++) {
        if (row) EXPECT_ERR(JetMove(env.sesid, list.tableid, JET_MoveNext, 0), JET_errSuccess);
        char index[80], column[80], pair[170];
        list_text(env.sesid, list.tableid, list.columnidindexname, index, sizeof index);
        list_text(env.sesid, list.tableid, list.columnidcolumnname, column, sizeof column);
        snprintf(pair, sizeof pair, "%s/%s", index, column);
        int found = 0;
        for (int i = 0; i < 5; i++)
            if (strcmp(pair, pairs[i]) == 0) {
                seen[i]++;
                found = 1;
            }
        if (!found) harness_fail(__FILE__, __LINE__, "unexpected index list row %s", pair);
    }
    for (int i = 0; i < 5; i++) EXPECT(seen[i] == 1);
    EXPECT_ERR(JetMove(env.sesid, list.tableid, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetCloseTable(env.sesid, list.tableid), JET_errSuccess);

    /* One index by name, through the table name. */
    memset(&list, 0, sizeof list);
    EXPECT_ERR(JetGetIndexInfoA(env.sesid, env.dbid, "table", "secondarywithprimary", &list, sizeof list,
                                JET_IdxInfoList),
               JET_errSuccess);
    EXPECT_EQ_UL(list.cRecord, 2);
    EXPECT_ERR(JetCloseTable(env.sesid, list.tableid), JET_errSuccess);
    EXPECT_ERR(JetGetIndexInfoA(env.sesid, env.dbid, "table", "missing", &list, sizeof list, JET_IdxInfoList),
               JET_errIndexNotFound);
    EXPECT_ERR(JetGetIndexInfoW(env.sesid, env.dbid, u"nothere", NULL, &list, sizeof list, JET_IdxInfoList),
               JET_errObjectNotFound);
}

SCENARIO(index_info_checks_the_level_then_the_size, "api JetGetTableIndexInfo") {
    /* As ESE's jetapi.cxx: the session (and dbid), then the level, then the buffer size, then the rest. */
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    unsigned char buf[256];
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "clustered", buf, sizeof buf, 99), JET_errInvalidParameter);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "clustered", buf, sizeof buf, JET_IdxInfoSysTabCursor),
               JET_errFeatureNotAvailable);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "clustered", buf, sizeof buf, JET_IdxInfoOLC),
               JET_errFeatureNotAvailable);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "clustered", buf, 3, JET_IdxInfoCount), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "clustered", buf, 1, JET_IdxInfoKeyMost), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "missing", buf, sizeof buf, JET_IdxInfoKeyMost),
               JET_errIndexNotFound);
    EXPECT_ERR(JetGetIndexInfoA(env.sesid, env.dbid, "table", "clustered", buf, sizeof buf, 99),
               JET_errInvalidParameter);
    EXPECT_ERR(JetGetIndexInfoA(env.sesid, 0x77, "table", "clustered", buf, sizeof buf, 99),
               JET_errInvalidDatabaseId);
    EXPECT_ERR(JetGetIndexInfoA((JET_SESID)0x77, env.dbid, "table", "clustered", buf, sizeof buf, 99),
               JET_errInvalidSesid);
    uint16_t keymost = 0;
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "clustered", &keymost, sizeof keymost, JET_IdxInfoKeyMost),
               JET_errSuccess);
    EXPECT(keymost == JET_cbKeyMost);
    uint32_t count = 0;
    EXPECT_ERR(JetGetIndexInfoW(env.sesid, env.dbid, u"table", NULL, &count, sizeof count, JET_IdxInfoCount),
               JET_errSuccess);
    EXPECT(count == 3);
}
