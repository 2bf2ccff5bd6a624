/* Records: JetPrepareUpdate, JetSetColumn(s), JetUpdate(2), JetRetrieveColumn(s), JetDelete. */
#define _GNU_SOURCE
#include "isam_fixtures.h"

static JET_ERR bookmark_of(JET_SESID s, JET_TABLEID t, unsigned char bm[8], unsigned long *pcb) {
    return JetGetBookmark(s, t, bm, 8, pcb);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetPrepareUpdate
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(prepare_update_checks_per_option, "api JetPrepareUpdate") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, 1), JET_errInvalidParameter);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, 6), JET_errInvalidParameter);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, 11), JET_errInvalidParameter);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errUpdateNotPrepared);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errNoCurrentRecord); /* empty table */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplaceNoLock), JET_errNoCurrentRecord);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsertCopy), JET_errNoCurrentRecord);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errAlreadyPrepared);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errAlreadyPrepared);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errUpdateNotPrepared);
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errTransReadOnly);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate((JET_SESID)999, t, JET_prepInsert), JET_errInvalidSesid);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, (JET_TABLEID)999, JET_prepInsert), JET_errInvalidTableId);
}

SCENARIO(prepare_update_cancel_discards_the_changes, "api JetPrepareUpdate") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(f_insert_bm(env.sesid, t, 10, 100, 1000, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d1, 200), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d2, 2000), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d1, 300), JET_errUpdateNotPrepared);
    EXPECT_ROW(env.sesid, t, 10, 100, 1000);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetUpdate, JetUpdate2
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(update_insert_returns_the_bookmark_and_goto_reads_it_back, "api JetUpdate") {
    isam_env env = isam_open();
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(f_insert_bm(env.sesid, t, 10, 100, 1000, bm, 5, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, 5);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 10, 100, 1000);
    unsigned char again[8];
    unsigned long cb2 = 0;
    EXPECT_ERR(bookmark_of(env.sesid, t, again, &cb2), JET_errSuccess);
    EXPECT(cb2 == cb && memcmp(bm, again, cb) == 0);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(update_without_prepare_gives_1609, "api JetUpdate") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared);
    EXPECT_ERR(JetUpdate2(env.sesid, t, NULL, 0, NULL, 0), JET_errUpdateNotPrepared);
    EXPECT_ERR(set_long(env.sesid, t, F.key, 1), JET_errUpdateNotPrepared);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared); /* the insert consumed it */
}

SCENARIO(inserts_do_not_move_the_cursor, "api JetUpdate") {
    isam_env env = isam_open();
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 3);
    f_insert(env.sesid, t, 1);
    f_insert(env.sesid, t, 2);
    EXPECT_KEY(env.sesid, t, 1); /* the deferred first record */
    f_insert(env.sesid, t, 0);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(update_insert_small_bookmark_buffer_gives_1038_and_stays_prepared, "api JetUpdate") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(f_insert_bm(env.sesid, t, 7, 70, 700, bm, 4, &cb), JET_errBufferTooSmall);
    /* Nothing was written; the same update goes through with a big enough buffer. */
    EXPECT_ERR(JetUpdate(env.sesid, t, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, 5);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 1);
    /* No bookmark buffer at all is fine. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.key, 8), JET_errSuccess);
    EXPECT_ERR(JetUpdate2(env.sesid, t, NULL, 0, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 2);
}

SCENARIO(update_failing_insert_stays_prepared_and_changes_nothing, "api JetUpdate") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(f_insert_bm(env.sesid, t, 1, 5, 5, bm, sizeof bm, &cb), JET_errKeyDuplicate);
    EXPECT_ERR(set_long(env.sesid, t, F.key, 2), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 2, 5, 5);
    f_key(env.sesid, t, 1);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 1, 10, 100);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 2);
}

SCENARIO(update_replace_changes_values_but_not_the_primary_key, "api JetUpdate") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    f_insert(env.sesid, t, 2);
    f_key(env.sesid, t, 2);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d1, -5), JET_errSuccess);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(JetUpdate(env.sesid, t, bm, 2, &cb), JET_errSuccess); /* truncated copy, no error, full size */
    EXPECT_EQ_UL(cb, 5);
    EXPECT_ROW(env.sesid, t, 2, -5, 200);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.key, 3), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errRecordPrimaryChanged);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 2, -5, 200);
    /* A replace that sets nothing succeeds and changes nothing. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplaceNoLock), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 2, -5, 200);
}

SCENARIO(update_replace_moves_the_secondary_entry_cursor_keeps_old_place, "api JetUpdate") {
    isam_env env = isam_open();
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    f_insert3(env.sesid, t, 1, 20, 200);
    f_insert3(env.sesid, t, 3, 10, 100);
    f_insert3(env.sesid, t, 2, 10, 100);
    f_insert3(env.sesid, t, 4, 40, 400);
    f_key2(env.sesid, t, 10, 100);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 2, 10, 100);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d1, -10), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.d2, -100), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 2, -10, -100);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 2, -10, -100);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_ROW(env.sesid, t, 3, 10, 100);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(update_insert_copy_variants, "api JetUpdate") {
    isam_env env = isam_open();
    static const JET_GRBIT preps[4] = {JET_prepInsertCopy, JET_prepInsertCopy, JET_prepInsertCopyDeleteOriginal,
                                       JET_prepInsertCopyDeleteOriginal};
    static const int set_key[4] = {1, 0, 1, 0};
    for (int v = 0; v < 4; v++) {
        char name[16];
        snprintf(name, sizeof name, "copy%d", v);
        JET_TABLEID t = 0;
        EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
        t = f_create(env.sesid, env.dbid);
        unsigned char bm[8];
        unsigned long cb = 0;
        EXPECT_ERR(f_insert_bm(env.sesid, t, 10, 100, 1000, bm, sizeof bm, &cb), JET_errSuccess);
        EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
        EXPECT_ERR(JetPrepareUpdate(env.sesid, t, preps[v]), JET_errSuccess);
        if (set_key[v]) EXPECT_ERR(set_long(env.sesid, t, F.key, 20), JET_errSuccess);
        EXPECT_ERR(set_long(env.sesid, t, F.d2, 2000), JET_errSuccess);
        switch (v) {
        case 0: /* a copy under a new key */
            EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
            EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
            EXPECT_ROW(env.sesid, t, 10, 100, 1000);
            EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
            EXPECT_ROW(env.sesid, t, 20, 100, 2000);
            break;
        case 1: /* a copy under the same key */
            EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errKeyDuplicate);
            EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
            EXPECT_ROW(env.sesid, t, 10, 100, 1000);
            EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
            break;
        case 2: /* the way to change a primary key */
            EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
            EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
            EXPECT_ROW(env.sesid, t, 20, 100, 2000);
            EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
            break;
        default: /* delete-original with the same key: a replace */
            EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
            EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
            EXPECT_ROW(env.sesid, t, 10, 100, 2000);
            EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
            break;
        }
        EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess); /* drops the table for the next variant */
    }
}

SCENARIO(update_delete_original_prepared_refuses_jetdelete, "api JetUpdate") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsertCopyDeleteOriginal), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errAlreadyPrepared);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
}

SCENARIO(update2_no_version_on_an_existing_table_gives_1621, "api JetUpdate") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.key, 1), JET_errSuccess);
    EXPECT_ERR(JetUpdate2(env.sesid, t, NULL, 0, NULL, JET_bitUpdateNoVersion), JET_errUpdateMustVersion);
    EXPECT_ERR(JetUpdate2(env.sesid, t, NULL, 0, NULL, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetSetColumn, JetSetColumns
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(set_column_checks_in_order, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    int32_t v = 1;
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, 0x80000000UL, 0, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, 0, NULL), JET_errUpdateNotPrepared);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    JET_SETINFO si;
    memset(&si, 0, sizeof si);
    si.cbStruct = sizeof si - 1;
    si.itagSequence = 1;
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, 0, &si), JET_errInvalidParameter);
    si.cbStruct = sizeof si;
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, 0, &si), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, 0, &v, sizeof v, 0, NULL), JET_errBadColumnId);
    EXPECT_ERR(JetSetColumn(env.sesid, t, 0x00010001UL, &v, sizeof v, 0, NULL), JET_errBadColumnId);
    EXPECT_ERR(JetSetColumn(env.sesid, t, 100, &v, sizeof v, 0, NULL), JET_errColumnNotFound);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, 2, 0, NULL), JET_errInvalidBufferSize);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, 8, 0, NULL), JET_errInvalidBufferSize);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, NULL, 0, 0, NULL), JET_errSuccess); /* NULL */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
}

/* ESE checks the handles, then update permission, before JetSetColumn's own arguments: a size over 0x7FFFFFFF
 * before JET_errUpdateNotPrepared, a short JET_SETINFO after it. JetSetColumns and JetRetrieveColumn likewise
 * check the handles first. */
SCENARIO(set_column_argument_faults_come_after_the_handle_and_update_checks, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    int32_t v = 1;
    EXPECT_ERR(JetSetColumn((JET_SESID)999, t, F.key, &v, 0x80000000UL, 0, NULL), JET_errInvalidSesid);
    EXPECT_ERR(JetSetColumn(env.sesid, (JET_TABLEID)999, F.key, &v, 0x80000000UL, 0, NULL), JET_errInvalidTableId);
    JET_SETINFO si;
    memset(&si, 0, sizeof si);
    si.cbStruct = sizeof si - 1;
    si.itagSequence = 1;
    EXPECT_ERR(JetSetColumn((JET_SESID)999, t, F.key, &v, sizeof v, 0, &si), JET_errInvalidSesid);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, 0, &si), JET_errUpdateNotPrepared);
    JET_SETCOLUMN sc;
    memset(&sc, 0, sizeof sc);
    sc.columnid = F.key;
    sc.pvData = &v;
    sc.cbData = 0x80000000UL;
    EXPECT_ERR(JetSetColumns((JET_SESID)999, t, &sc, 1), JET_errInvalidSesid);
    EXPECT_ERR(JetSetColumns(env.sesid, t, &sc, 1), JET_errUpdateNotPrepared);
    EXPECT_ERR(JetSetColumns(env.sesid, t, NULL, 1), JET_errUpdateNotPrepared);
    EXPECT_ERR(JetSetColumns(env.sesid, t, &sc, 0x80000000UL), JET_errUpdateNotPrepared);
    /* A read-only cursor refuses the update before the size is looked at. */
    JET_TABLEID ro = 0;
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "table", NULL, 0, JET_bitTableReadOnly, &ro), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, ro, F.key, &v, 0x80000000UL, 0, NULL), JET_errPermissionDenied);
    JET_RETINFO ri;
    memset(&ri, 0, sizeof ri);
    ri.cbStruct = sizeof ri - 1;
    ri.itagSequence = 1;
    char out[8];
    EXPECT_ERR(JetRetrieveColumn((JET_SESID)999, t, F.key, out, sizeof out, NULL, 0, &ri), JET_errInvalidSesid);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, (JET_TABLEID)999, F.key, out, sizeof out, NULL, 0, &ri),
               JET_errInvalidTableId);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.key, out, sizeof out, NULL, 0, &ri), JET_errInvalidParameter);
}

/* JetSetColumn's grbit rules (ESE's FM), checked before the column id: the unique-multi-value bits do not go with
 * the long-value operations, JET_bitSetContiguousLV needs JET_bitSetSeparateLV and a page of data, and the top
 * four bits are ESE's internal ones. JetRetrieveColumn refuses its internal bits too. */
SCENARIO(set_column_grbit_rules_give_900, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    int32_t v = 7;
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, 0x10000000UL, NULL), JET_errInvalidGrbit);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, 0x80000000UL, NULL), JET_errInvalidGrbit);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, JET_bitSetUniqueMultiValues | JET_bitSetAppendLV,
                            NULL),
               JET_errInvalidGrbit);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v,
                            JET_bitSetUniqueNormalizedMultiValues | JET_bitSetSizeLV, NULL),
               JET_errInvalidGrbit);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, JET_bitSetContiguousLV, NULL), JET_errInvalidGrbit);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, JET_bitSetContiguousLV | JET_bitSetSeparateLV, NULL),
               JET_errInvalidBufferSize);
    /* Before the column check. */
    EXPECT_ERR(JetSetColumn(env.sesid, t, 100, &v, sizeof v, 0x20000000UL, NULL), JET_errInvalidGrbit);
    EXPECT_ERR(JetSetColumn(env.sesid, t, 0, &v, sizeof v, JET_bitSetContiguousLV, NULL), JET_errInvalidGrbit);
    /* Nothing was set by the refused calls. */
    char out[8];
    unsigned long cb = 99;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.key, out, sizeof out, &cb, JET_bitRetrieveCopy, NULL),
               JET_wrnColumnNull);
    EXPECT_ERR(JetSetColumn(env.sesid, t, F.key, &v, sizeof v, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.key, out, sizeof out, &cb, 0x40000000UL, NULL), JET_errInvalidGrbit);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, 100, out, sizeof out, &cb, 0x80000000UL, NULL), JET_errInvalidGrbit);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.key, out, sizeof out, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(cb, 4);
}

SCENARIO(set_column_not_null_column_refuses_null_at_once_and_at_insert, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    JET_COLUMNID nn = 0;
    EXPECT_ERR(add_column(env.sesid, t, "nn", JET_coltypLong, 0, JET_bitColumnNotNULL, &nn), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 1), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, nn, NULL, 0, 0, NULL), JET_errNullInvalid);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errNullInvalid);
    EXPECT_ERR(set_long(env.sesid, t, nn, 5), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
}

SCENARIO(set_column_variable_value_is_cut_to_cbmax_with_1512, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t"); /* name: Text, cbMax 64 */
    char big[100];
    memset(big, 'q', sizeof big);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 1), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, big, sizeof big, 0, NULL), JET_wrnColumnMaxTruncated);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(kv_seek(env.sesid, t, 1), JET_errSuccess);
    unsigned long cb = 0;
    char out[100];
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, out, sizeof out, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(cb, 64);
    EXPECT(memcmp(out, big, 64) == 0);
}

SCENARIO(set_column_fixed_text_and_binary_are_padded, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    JET_COLUMNID ft = 0, fb = 0;
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = JET_coltypText;
    def.cbMax = 8;
    def.cp = 1252;
    def.grbit = JET_bitColumnFixed;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "ft", &def, NULL, 0, &ft), JET_errSuccess);
    def.coltyp = JET_coltypBinary;
    def.cp = 0;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "fb", &def, NULL, 0, &fb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 1), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, ft, "abc", 3, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, fb, "\x01\x02", 2, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, fb, "123456789", 9, 0, NULL), JET_errInvalidBufferSize);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(kv_seek(env.sesid, t, 1), JET_errSuccess);
    char out[16];
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, ft, out, sizeof out, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(cb, 8);
    EXPECT(memcmp(out, "abc     ", 8) == 0);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, fb, out, sizeof out, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(cb, 8);
    EXPECT(memcmp(out, "\x01\x02\0\0\0\0\0\0", 8) == 0);
}

SCENARIO(set_column_zero_length_is_not_null, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 1), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, "", 0, JET_bitSetZeroLength, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 2), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, "x", 0, 0, NULL), JET_errSuccess); /* cbData 0: NULL */
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    char out[8];
    unsigned long cb = 99;
    EXPECT_ERR(kv_seek(env.sesid, t, 1), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, out, sizeof out, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(cb, 0);
    cb = 99;
    EXPECT_ERR(kv_seek(env.sesid, t, 2), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, out, sizeof out, &cb, 0, NULL), JET_wrnColumnNull);
    EXPECT_EQ_UL(cb, 0);
}

SCENARIO(set_column_every_fixed_type_round_trips, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    static const struct {
        JET_COLTYP coltyp;
        unsigned long cb;
    } types[] = {
        {JET_coltypBit, 1},       {JET_coltypUnsignedByte, 1}, {JET_coltypShort, 2},
        {JET_coltypUnsignedShort, 2}, {JET_coltypLong, 4},     {JET_coltypUnsignedLong, 4},
        {JET_coltypIEEESingle, 4}, {JET_coltypCurrency, 8},    {JET_coltypLongLong, 8},
        {JET_coltypUnsignedLongLong, 8}, {JET_coltypIEEEDouble, 8}, {JET_coltypDateTime, 8},
        {JET_coltypGUID, 16},     {JET_coltypBinary, 200},     {JET_coltypText, 200},
    };
    enum { N = sizeof types / sizeof types[0] };
    JET_COLUMNID ids[N];
    unsigned char values[N][200];
    for (int i = 0; i < N; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%d", i);
        EXPECT_ERR(add_column(env.sesid, t, name, types[i].coltyp, types[i].cb, 0, &ids[i]), JET_errSuccess);
        for (unsigned long b = 0; b < types[i].cb; b++) values[i][b] = (unsigned char)(0x41 + (i * 7 + b) % 26);
        if (types[i].coltyp == JET_coltypBit) values[i][0] = 0xFF;
    }
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 1), JET_errSuccess);
    for (int i = 0; i < N; i++)
        EXPECT_ERR(JetSetColumn(env.sesid, t, ids[i], values[i], types[i].cb, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    for (int i = 0; i < N; i++) {
        unsigned char out[256];
        unsigned long cb = 0;
        EXPECT_ERR(JetRetrieveColumn(env.sesid, t, ids[i], out, sizeof out, &cb, 0, NULL), JET_errSuccess);
        EXPECT_EQ_UL(cb, types[i].cb);
        if (types[i].coltyp != JET_coltypBit) EXPECT(memcmp(out, values[i], cb) == 0);
        else EXPECT(out[0] != 0);
    }
}

SCENARIO(set_columns_stops_at_the_first_error, "api JetSetColumns") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    int32_t k = 1, d1 = 2, bad = 3;
    JET_SETCOLUMN sc[3];
    memset(sc, 0, sizeof sc);
    sc[0].columnid = F.key;
    sc[0].pvData = &k;
    sc[0].cbData = 4;
    sc[1].columnid = F.d1;
    sc[1].pvData = &d1;
    sc[1].cbData = 4;
    sc[2].columnid = F.d2;
    sc[2].pvData = &bad;
    sc[2].cbData = 3;
    for (int i = 0; i < 3; i++) sc[i].err = 12345;
    EXPECT_ERR(JetSetColumns(env.sesid, t, sc, 3), JET_errUpdateNotPrepared);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetColumns(env.sesid, t, NULL, 1), JET_errInvalidParameter);
    sc[1].cbData = 0x80000000UL; /* checked for every element before any is set */
    EXPECT_ERR(JetSetColumns(env.sesid, t, sc, 3), JET_errInvalidParameter);
    EXPECT_ERR(sc[0].err, 12345);
    sc[1].cbData = 4;
    EXPECT_ERR(JetSetColumns(env.sesid, t, sc, 3), JET_errInvalidBufferSize);
    EXPECT_ERR(sc[0].err, JET_errSuccess);
    EXPECT_ERR(sc[1].err, JET_errSuccess);
    EXPECT_ERR(sc[2].err, 12345);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess); /* the first two stayed set */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    int32_t row[3];
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.d1, &row[1], 4, NULL, 0, NULL), JET_errSuccess);
    EXPECT(row[1] == 2);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, F.d2, &row[2], 4, NULL, 0, NULL), JET_wrnColumnNull);
    EXPECT_ERR(JetSetColumns(env.sesid, t, sc, 0), JET_errUpdateNotPrepared);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetRetrieveColumn, JetRetrieveColumns
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(retrieve_column_warnings_sizes_and_sources, "api JetRetrieveColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    char out[8];
    unsigned long cb = 99;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, out, sizeof out, &cb, 0, NULL), JET_errNoCurrentRecord);
    EXPECT_ERR(kv_insert(env.sesid, t, 1, "hello world"), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, NULL, 0, &cb, 0, NULL), JET_wrnBufferTruncated);
    EXPECT_EQ_UL(cb, 11);
    memset(out, 0, sizeof out);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, out, 5, &cb, 0, NULL), JET_wrnBufferTruncated);
    EXPECT_EQ_UL(cb, 11);
    EXPECT(memcmp(out, "hello", 5) == 0 && out[5] == 0);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, out, 5, NULL, 0, NULL), JET_wrnBufferTruncated);
    JET_RETINFO ri;
    memset(&ri, 0, sizeof ri);
    ri.cbStruct = sizeof ri - 1;
    ri.itagSequence = 1;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, out, sizeof out, &cb, 0, &ri), JET_errInvalidParameter);
    ri.cbStruct = sizeof ri;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.id, out, sizeof out, &cb, 0, &ri), JET_errSuccess);
    EXPECT_EQ_UL(ri.columnidNextTagged, KV.id);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, 0, out, sizeof out, &cb, 0, NULL), JET_errBadColumnId);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, 100, out, sizeof out, &cb, 0, NULL), JET_errColumnNotFound);

    /* RetrieveCopy reads the copy buffer of a prepared update; without it, the record. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, "bye", 3, 0, NULL), JET_errSuccess);
    char big[16];
    memset(big, 0, sizeof big);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, big, sizeof big, &cb, JET_bitRetrieveCopy, NULL),
               JET_errSuccess);
    EXPECT(cb == 3 && memcmp(big, "bye", 3) == 0);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, big, sizeof big, &cb, 0, NULL), JET_errSuccess);
    EXPECT(cb == 11 && memcmp(big, "hello world", 11) == 0);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    /* RetrieveCopy without a prepared update is ignored. */
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.name, big, sizeof big, &cb, JET_bitRetrieveCopy, NULL),
               JET_errSuccess);
    EXPECT(cb == 3 && memcmp(big, "bye", 3) == 0);
    /* From the index gives the same value as from the record. */
    int32_t id = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.id, &id, sizeof id, &cb, JET_bitRetrieveFromIndex, NULL),
               JET_errSuccess);
    EXPECT(id == 1 && cb == 4);
}

SCENARIO(retrieve_column_insert_buffer_holds_nulls, "api JetRetrieveColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    unsigned long cb = 9;
    int32_t v = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.id, &v, sizeof v, &cb, JET_bitRetrieveCopy, NULL),
               JET_wrnColumnNull);
    EXPECT_EQ_UL(cb, 0);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 42), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.id, &v, sizeof v, &cb, JET_bitRetrieveCopy, NULL),
               JET_errSuccess);
    EXPECT(v == 42 && cb == 4);
}

SCENARIO(retrieve_columns_per_element_results, "api JetRetrieveColumns") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    JET_COLUMNID extra = 0;
    EXPECT_ERR(add_column(env.sesid, t, "extra", JET_coltypLong, 0, 0, &extra), JET_errSuccess);
    EXPECT_ERR(kv_insert(env.sesid, t, 5, "abcdef"), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    int32_t id = 0, ex = 0;
    char name[4];
    JET_RETRIEVECOLUMN rc[3];
    memset(rc, 0, sizeof rc);
    rc[0].columnid = KV.id;
    rc[0].pvData = &id;
    rc[0].cbData = 4;
    rc[0].itagSequence = 1;
    rc[1].columnid = KV.name;
    rc[1].pvData = name;
    rc[1].cbData = sizeof name;
    rc[1].itagSequence = 1;
    rc[2].columnid = extra;
    rc[2].pvData = &ex;
    rc[2].cbData = 4;
    rc[2].itagSequence = 1;
    EXPECT_ERR(JetRetrieveColumns(env.sesid, t, rc, 3), JET_wrnBufferTruncated);
    EXPECT_ERR(rc[0].err, JET_errSuccess);
    EXPECT(id == 5 && rc[0].cbActual == 4);
    EXPECT_ERR(rc[1].err, JET_wrnBufferTruncated);
    EXPECT_EQ_UL(rc[1].cbActual, 6);
    EXPECT(memcmp(name, "abcd", 4) == 0);
    EXPECT_ERR(rc[2].err, JET_wrnColumnNull);
    EXPECT_EQ_UL(rc[2].cbActual, 0);
    /* itagSequence 0 counts values: 1 for a set column, 0 for a NULL one. */
    rc[0].itagSequence = 0;
    rc[2].itagSequence = 0;
    EXPECT_ERR(JetRetrieveColumns(env.sesid, t, rc, 1), JET_errSuccess);
    EXPECT_EQ_UL(rc[0].itagSequence, 1);
    EXPECT_EQ_UL(rc[0].cbActual, 0);
    EXPECT_ERR(JetRetrieveColumns(env.sesid, t, &rc[2], 1), JET_errSuccess);
    EXPECT_EQ_UL(rc[2].itagSequence, 0);
    EXPECT_ERR(JetRetrieveColumns(env.sesid, t, NULL, 1), JET_errInvalidParameter);
    EXPECT_ERR(JetRetrieveColumns(env.sesid, t, NULL, 0), JET_errSuccess);
    /* A negative element error stops the call. */
    rc[0].itagSequence = 1;
    rc[1].columnid = 100;
    EXPECT_ERR(JetRetrieveColumns(env.sesid, t, rc, 2), JET_errColumnNotFound);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetDelete
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(delete_removes_the_record_from_every_index, "api JetDelete") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errNoCurrentRecord);
    for (int32_t k = 1; k <= 3; k++) f_insert(env.sesid, t, k);
    f_key(env.sesid, t, 2);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(bookmark_of(env.sesid, t, bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess); /* cancels the prepared replace */
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared);
    int32_t row[3];
    EXPECT_ERR(f_read(env.sesid, t, row), JET_errRecordDeleted);
    EXPECT_ERR(JetMove(env.sesid, t, 0, 0), JET_errRecordDeleted);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errRecordDeleted);
    unsigned char bm2[8];
    unsigned long cb2 = 0;
    EXPECT_ERR(bookmark_of(env.sesid, t, bm2, &cb2), JET_errSuccess); /* still the old bookmark */
    EXPECT(cb2 == cb && memcmp(bm, bm2, cb) == 0);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errRecordDeleted);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 2);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 2);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    f_key2(env.sesid, t, 20, 200);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errRecordNotFound);
}

SCENARIO(delete_currency_follows_the_deleted_position, "api JetDelete") {
    isam_env env = isam_open();
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    int32_t row[3];
    f_insert(env.sesid, t, 3);
    f_insert(env.sesid, t, 1);
    f_insert(env.sesid, t, 2);
    f_key(env.sesid, t, 1);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(f_read(env.sesid, t, row), JET_errRecordDeleted);
    f_insert(env.sesid, t, 1);
    EXPECT_KEY(env.sesid, t, 1); /* the same bookmark again: the cursor is on it */
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(f_read(env.sesid, t, row), JET_errNoCurrentRecord);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    f_insert(env.sesid, t, 1);
    f_key(env.sesid, t, 2);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(f_read(env.sesid, t, row), JET_errRecordDeleted);
    f_insert(env.sesid, t, 2);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
    f_insert(env.sesid, t, 2);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 3);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}
