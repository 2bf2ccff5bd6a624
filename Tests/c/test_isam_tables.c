/* Tables: JetCreateTable, JetCreateTableColumnIndex(2, 3), JetOpenTable, JetCloseTable, JetDeleteTable,
 * JetGetTableInfo. */
#define _GNU_SOURCE
#include "isam_fixtures.h"

#define BAD_SESID ((JET_SESID)12345)
#define BAD_TABLEID ((JET_TABLEID)54321)

/* ------------------------------------------------------------------------------------------------------------
 * JetCreateTable
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(create_table_returns_a_cursor_on_an_empty_table, "api JetCreateTable") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "orders", 16, 80, &t), JET_errSuccess);
    EXPECT(t != 0 && t != JET_tableidNil);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "orders", NULL, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
}

SCENARIO(create_table_checks_handles_name_density_duplicate_in_order, "api JetCreateTable") {
    isam_env env = isam_open();
    JET_TABLEID t = 7;
    EXPECT_ERR(JetCreateTableA(BAD_SESID, env.dbid, "t", 0, 0, &t), JET_errInvalidSesid);
    EXPECT_ERR(JetCreateTableA(env.sesid, 999, "t", 0, 0, &t), JET_errInvalidDatabaseId);
    EXPECT_ERR(JetCreateTableA(env.sesid, 999, "bad!name", 0, 0, &t), JET_errInvalidDatabaseId);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, NULL, 0, 0, &t), JET_errInvalidName);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "", 0, 0, &t), JET_errInvalidName);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, " lead", 0, 0, &t), JET_errInvalidName);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "a.b", 0, 0, &t), JET_errInvalidName);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "a[b", 0, 0, &t), JET_errInvalidName);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "a\tb", 0, 0, &t), JET_errInvalidName);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "   ", 0, 0, &t), JET_errInvalidName);
    char longest[66];
    memset(longest, 'n', 65);
    longest[65] = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, longest, 0, 0, &t), JET_errInvalidName);
    EXPECT(t == JET_tableidNil);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 19, &t), JET_errDensityInvalid);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 101, &t), JET_errDensityInvalid);
    longest[64] = 0; /* 64 bytes is the limit */
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, longest, 0, 20, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 100, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    /* Names compare case-insensitively; trailing spaces are dropped. */
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "T", 0, 0, &t), JET_errTableDuplicate);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t  ", 0, 0, &t), JET_errTableDuplicate);
    EXPECT(t == JET_tableidNil);
}

SCENARIO(create_table_null_tableid_pointer_gives_1003, "api JetCreateTable") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errObjectNotFound);
}

SCENARIO(create_table_w_takes_utf16_and_malformed_utf16_gives_602, "api JetCreateTable") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableW(env.sesid, env.dbid, u"Bestellungen\u00e4", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "Bestellungen\xc3\xa4", NULL, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    const WCHAR lone[] = {0xD800, 'x', 0};
    EXPECT_ERR(JetCreateTableW(env.sesid, env.dbid, lone, 0, 0, &t), JET_errUnicodeTranslationFail);
}

SCENARIO(create_table_cursor_is_exclusive_until_closed, "api JetCreateTable") {
    isam_env env = isam_open();
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = 0, t2 = 0, own = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errTableLocked);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &own), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, own), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errSuccess);
}

SCENARIO(create_table_in_read_only_transaction_gives_1110, "api JetCreateTable") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errSuccess);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errTransReadOnly);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
}

SCENARIO(create_table_rolled_back_is_gone_and_its_cursor_closed, "api JetCreateTable") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errInvalidTableId);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errObjectNotFound);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
}

SCENARIO(create_table_in_open_transaction_is_invisible_to_other_sessions, "api JetCreateTable") {
    isam_env env = isam_open();
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = 0, t2 = 0;
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errObjectNotFound);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetCreateTableColumnIndex, 2, 3
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(create_table_column_index3_counts_objects_and_fills_ids, "api JetCreateTableColumnIndex") {
    isam_env env = isam_open();
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_TABLEID t = f_create(env.sesid, env.dbid); /* checks cCreated 7, every err 0, distinct ids */
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "columndata2", &def, sizeof def, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(def.columnid, F.d2);
    EXPECT_EQ_UL(def.coltyp, JET_coltypLong);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

static JET_COLUMNCREATE_A one_column(const char *name) {
    JET_COLUMNCREATE_A c;
    memset(&c, 0, sizeof c);
    c.cbStruct = sizeof c;
    c.szColumnName = (char *)name;
    c.coltyp = JET_coltypLong;
    return c;
}

SCENARIO(create_table_column_index_and_2_fill_the_same_outputs, "api JetCreateTableColumnIndex") {
    isam_env env = isam_open();
    static char key[] = "+k\0";
    JET_COLUMNCREATE_A cols[2] = {one_column("k"), one_column("v")};
    JET_INDEXCREATE_A idx;
    memset(&idx, 0, sizeof idx);
    idx.cbStruct = sizeof idx;
    idx.szIndexName = (char *)"pk";
    idx.szKey = key;
    idx.cbKey = sizeof key;
    idx.grbit = JET_bitIndexPrimary | JET_bitIndexUnique;
    JET_TABLECREATE_A tc;
    memset(&tc, 0, sizeof tc);
    tc.cbStruct = sizeof tc;
    tc.szTableName = (char *)"one";
    tc.rgcolumncreate = cols;
    tc.cColumns = 2;
    tc.rgindexcreate = &idx;
    tc.cIndexes = 1;
    EXPECT_ERR(JetCreateTableColumnIndexA(env.sesid, env.dbid, &tc), JET_errSuccess);
    EXPECT_EQ_UL(tc.cCreated, 4);
    EXPECT(tc.tableid != JET_tableidNil && cols[0].columnid != cols[1].columnid);
    EXPECT_ERR(JetCloseTable(env.sesid, tc.tableid), JET_errSuccess);

    JET_COLUMNCREATE_A cols2[1] = {one_column("k")};
    JET_TABLECREATE2_A tc2;
    memset(&tc2, 0, sizeof tc2);
    tc2.cbStruct = sizeof tc2;
    tc2.szTableName = (char *)"two";
    tc2.rgcolumncreate = cols2;
    tc2.cColumns = 1;
    tc2.rgindexcreate = &idx;
    tc2.cIndexes = 1;
    EXPECT_ERR(JetCreateTableColumnIndex2A(env.sesid, env.dbid, &tc2), JET_errSuccess);
    EXPECT_EQ_UL(tc2.cCreated, 3);
    EXPECT_ERR(cols2[0].err, JET_errSuccess);
    EXPECT_ERR(idx.err, JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, tc2.tableid), JET_errSuccess);

    /* W: UTF-16 names; the undecorated name is the A variant. */
    JET_COLUMNCREATE_W wc;
    memset(&wc, 0, sizeof wc);
    wc.cbStruct = sizeof wc;
    wc.szColumnName = utf16("k");
    wc.coltyp = JET_coltypLong;
    JET_TABLECREATE_W tw;
    memset(&tw, 0, sizeof tw);
    tw.cbStruct = sizeof tw;
    tw.szTableName = utf16("three");
    tw.rgcolumncreate = &wc;
    tw.cColumns = 1;
    EXPECT_ERR(JetCreateTableColumnIndexW(env.sesid, env.dbid, &tw), JET_errSuccess);
    EXPECT_EQ_UL(tw.cCreated, 2);
    EXPECT_ERR(JetCloseTable(env.sesid, tw.tableid), JET_errSuccess);
    JET_TABLEID t = 0;
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "three", NULL, 0, 0, &t), JET_errSuccess);
}

SCENARIO(create_table_column_index_struct_sizes_and_null_arrays_give_1003, "api JetCreateTableColumnIndex") {
    isam_env env = isam_open();
    static char key[] = "+k\0";
    JET_COLUMNCREATE_A col = one_column("k");
    JET_INDEXCREATE2_A idx;
    memset(&idx, 0, sizeof idx);
    idx.cbStruct = sizeof idx;
    idx.szIndexName = (char *)"pk";
    idx.szKey = key;
    idx.cbKey = sizeof key;
    idx.grbit = JET_bitIndexPrimary;
    JET_TABLECREATE3_A tc;
    memset(&tc, 0, sizeof tc);
    tc.cbStruct = sizeof tc;
    tc.szTableName = (char *)"t";
    tc.rgcolumncreate = &col;
    tc.cColumns = 1;
    tc.rgindexcreate = &idx;
    tc.cIndexes = 1;

    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, NULL), JET_errInvalidParameter);
    tc.cbStruct = sizeof tc - 8;
    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, &tc), JET_errInvalidParameter);
    tc.cbStruct = sizeof tc;
    idx.cbStruct = sizeof(JET_INDEXCREATE_A); /* version 3 takes JET_INDEXCREATE2 only */
    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, &tc), JET_errInvalidParameter);
    idx.cbStruct = sizeof idx;
    col.cbStruct = sizeof col + 8;
    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, &tc), JET_errInvalidParameter);
    col.cbStruct = sizeof col;
    tc.rgcolumncreate = NULL;
    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, &tc), JET_errInvalidParameter);
    tc.rgcolumncreate = &col;
    tc.rgindexcreate = NULL;
    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, &tc), JET_errInvalidParameter);
    tc.rgindexcreate = &idx;
    tc.szCallback = (char *)"module!function";
    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, &tc), JET_errInvalidParameter);
    tc.szCallback = NULL;
    /* Nothing above created the table. */
    JET_TABLEID t = 0;
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errObjectNotFound);
    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, &tc), JET_errSuccess);
    EXPECT_EQ_UL(tc.cCreated, 3);

    /* JET_TABLECREATE2 with a JET_INDEXCREATE of the wrong size. */
    JET_INDEXCREATE_A old;
    memset(&old, 0, sizeof old);
    old.cbStruct = sizeof old + 1;
    old.szIndexName = (char *)"pk";
    old.szKey = key;
    old.cbKey = sizeof key;
    JET_TABLECREATE2_A tc2;
    memset(&tc2, 0, sizeof tc2);
    tc2.cbStruct = sizeof tc2;
    tc2.szTableName = (char *)"t2";
    tc2.rgcolumncreate = &col;
    tc2.cColumns = 1;
    tc2.rgindexcreate = &old;
    tc2.cIndexes = 1;
    EXPECT_ERR(JetCreateTableColumnIndex2A(env.sesid, env.dbid, &tc2), JET_errInvalidParameter);
    tc2.cbStruct = sizeof tc2 + 8;
    old.cbStruct = sizeof old;
    EXPECT_ERR(JetCreateTableColumnIndex2A(env.sesid, env.dbid, &tc2), JET_errInvalidParameter);
}

SCENARIO(create_table_column_index_bad_index_name_creates_nothing, "api JetCreateTableColumnIndex") {
    isam_env env = isam_open();
    static char key[] = "+k\0";
    JET_COLUMNCREATE_A col = one_column("k");
    JET_INDEXCREATE2_A idx[3];
    const char *names[3] = {"firstIndex", "secondIndex", "[BAD!NAME]"};
    memset(idx, 0, sizeof idx);
    for (int i = 0; i < 3; i++) {
        idx[i].cbStruct = sizeof idx[i];
        idx[i].szIndexName = (char *)names[i];
        idx[i].szKey = key;
        idx[i].cbKey = sizeof key;
        idx[i].err = 12345;
    }
    JET_TABLECREATE3_A tc;
    memset(&tc, 0, sizeof tc);
    tc.cbStruct = sizeof tc;
    tc.szTableName = (char *)"t";
    tc.rgcolumncreate = &col;
    tc.cColumns = 1;
    tc.rgindexcreate = idx;
    tc.cIndexes = 3;
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetCreateTableColumnIndex3A(env.sesid, env.dbid, &tc), JET_errInvalidName);
    EXPECT_ERR(idx[0].err, JET_errSuccess);
    EXPECT_ERR(idx[1].err, JET_errSuccess);
    EXPECT_ERR(idx[2].err, JET_errInvalidName);
    EXPECT(tc.tableid == JET_tableidNil);
    JET_TABLEID t = 0;
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errObjectNotFound);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(create_table_column_index_failing_column_reports_its_error, "api JetCreateTableColumnIndex") {
    isam_env env = isam_open();
    JET_COLUMNCREATE_A cols[3] = {one_column("a"), one_column("b"), one_column("a")};
    for (int i = 0; i < 3; i++) cols[i].err = 12345;
    JET_TABLECREATE_A tc;
    memset(&tc, 0, sizeof tc);
    tc.cbStruct = sizeof tc;
    tc.szTableName = (char *)"t";
    tc.rgcolumncreate = cols;
    tc.cColumns = 3;
    EXPECT_ERR(JetCreateTableColumnIndexA(env.sesid, env.dbid, &tc), JET_errColumnDuplicate);
    EXPECT_ERR(cols[0].err, JET_errSuccess);
    EXPECT_ERR(cols[1].err, JET_errSuccess);
    EXPECT_ERR(cols[2].err, JET_errColumnDuplicate);
    EXPECT(tc.tableid == JET_tableidNil);
    JET_TABLEID t = 0;
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errObjectNotFound);
}

SCENARIO(create_table_column_index_table_grbits, "api JetCreateTableColumnIndex") {
    isam_env env = isam_open();
    JET_TABLECREATE_A tc;
    memset(&tc, 0, sizeof tc);
    tc.cbStruct = sizeof tc;
    tc.szTableName = (char *)"t";
    tc.szTemplateTableName = (char *)"base";
    tc.grbit = JET_bitTableCreateTemplateTable;
    EXPECT_ERR(JetCreateTableColumnIndexA(env.sesid, env.dbid, &tc), JET_errCannotNestDDL);
    tc.szTemplateTableName = NULL;
    tc.grbit = JET_bitTableCreateNoFixedVarColumnsInDerivedTables;
    EXPECT_ERR(JetCreateTableColumnIndexA(env.sesid, env.dbid, &tc), JET_errInvalidGrbit);
    tc.grbit = JET_bitTableCreateSystemTable;
    EXPECT_ERR(JetCreateTableColumnIndexA(env.sesid, env.dbid, &tc), JET_errInvalidGrbit);
    tc.grbit = 0;
    tc.ulDensity = 5;
    EXPECT_ERR(JetCreateTableColumnIndexA(env.sesid, env.dbid, &tc), JET_errDensityInvalid);
    tc.ulDensity = 0;
    EXPECT_ERR(JetCreateTableColumnIndexA(env.sesid, env.dbid, &tc), JET_errSuccess);
    EXPECT_EQ_UL(tc.cCreated, 1);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetOpenTable, JetCloseTable
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(open_table_checks_in_order_and_sets_nil_first, "api JetOpenTable") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(BAD_SESID, env.dbid, "t", NULL, 0, 0, &t), JET_errInvalidSesid);
    EXPECT_ERR(JetOpenTableA(env.sesid, 77, "t", NULL, 0, 0, &t), JET_errInvalidDatabaseId);
    t = 5;
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTablePermitDDL, &t), JET_errInvalidGrbit);
    EXPECT(t == JET_tableidNil);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableDenyRead | JET_bitTableReadOnly, &t),
               JET_errInvalidGrbit);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "bad!name", NULL, 0, JET_bitTablePermitDDL, &t),
               JET_errInvalidGrbit);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "bad!name", NULL, 0, 0, &t), JET_errInvalidName);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "missing", NULL, 0, 0, &t), JET_errObjectNotFound);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, NULL), JET_errInvalidParameter);
    /* pvParameters is ignored; case-insensitive names; hints accepted. */
    int ignored = 0;
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "T", &ignored, sizeof ignored,
                             JET_bitTableSequential | JET_bitTablePreread, &t),
               JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableW(env.sesid, env.dbid, u"t", NULL, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
}

SCENARIO(open_table_deny_read_and_deny_write_locks, "api JetOpenTable") {
    isam_env env = isam_open();
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = 0, a = 0, b = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);

    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableDenyRead, &a), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &b), JET_errTableLocked);
    EXPECT_ERR(JetCloseTable(env.sesid, a), JET_errSuccess);

    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &b), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableDenyRead, &a), JET_errTableInUse);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableDenyWrite, &a), JET_errTableInUse);
    EXPECT_ERR(JetCloseTable(s2, b), JET_errSuccess);

    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableDenyWrite, &a), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &b), JET_errTableLocked);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, JET_bitTableReadOnly, &b), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(s2, b), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, a), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, JET_bitTableDenyRead | JET_bitTablePermitDDL, &b),
               JET_errSuccess);
}

SCENARIO(open_table_read_only_cursor_refuses_updates_with_1809, "api JetOpenTable") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "table", NULL, 0, JET_bitTableReadOnly, &t), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errPermissionDenied);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errPermissionDenied);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errPermissionDenied);
    EXPECT_KEY(env.sesid, t, 1);
}

SCENARIO(close_table_invalidates_the_handle, "api JetCloseTable") {
    isam_env env = isam_open();
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = 0, t2 = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(BAD_SESID, t), JET_errInvalidSesid);
    EXPECT_ERR(JetCloseTable(env.sesid, BAD_TABLEID), JET_errInvalidTableId);
    EXPECT_ERR(JetCloseTable(env.sesid, JET_tableidNil), JET_errInvalidTableId);
    EXPECT_ERR(JetCloseTable(env.sesid, 0), JET_errInvalidTableId);
    EXPECT_ERR(JetCloseTable(s2, t), JET_errSesidTableIdMismatch);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errInvalidTableId);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errInvalidTableId);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errSuccess);
    EXPECT(t2 != JET_tableidNil);
}

SCENARIO(end_session_closes_its_tables, "api JetCloseTable") {
    isam_env env = isam_open();
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(s2, dbid2, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetEndSession(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errInvalidTableId);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableDenyRead, &t), JET_errSuccess);
}

SCENARIO(close_table_discards_the_prepared_update, "api JetCloseTable") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.key, 5), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 0);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetDeleteTable
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(delete_table_refuses_open_cursors_then_deletes, "api JetDeleteTable") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "table"), JET_errTableInUse);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetDeleteTableA(BAD_SESID, env.dbid, "table"), JET_errInvalidSesid);
    EXPECT_ERR(JetDeleteTableA(env.sesid, 99, "table"), JET_errInvalidDatabaseId);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "ta.ble"), JET_errInvalidName);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "missing"), JET_errObjectNotFound);
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errSuccess);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "table"), JET_errTransReadOnly);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetDeleteTableW(env.sesid, env.dbid, u"TABLE"), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "table", NULL, 0, 0, &t), JET_errObjectNotFound);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "table"), JET_errObjectNotFound);
    /* The name is free again, and the new table is empty. */
    t = f_create(env.sesid, env.dbid);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 0);
}

SCENARIO(delete_table_other_session_cursor_gives_1304, "api JetDeleteTable") {
    isam_env env = isam_open();
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "t"), JET_errTableInUse);
    EXPECT_ERR(JetCloseTable(s2, t), JET_errSuccess);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "t"), JET_errSuccess);
}

SCENARIO(delete_table_is_transactional, "api JetDeleteTable") {
    isam_env env = isam_open();
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    f_insert(env.sesid, t, 2);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);

    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "table"), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "table", NULL, 0, 0, &t), JET_errObjectNotFound);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    t = f_open(env.sesid, env.dbid);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 2);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);

    /* A delete in an open transaction: others still use the table until the commit. */
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetDeleteTableA(env.sesid, env.dbid, "table"), JET_errSuccess);
    JET_TABLEID t2 = 0;
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "table", NULL, 0, 0, &t2), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(s2, t2), 2);
    EXPECT_ERR(JetCloseTable(s2, t2), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "table", NULL, 0, 0, &t2), JET_errObjectNotFound);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetGetTableInfo
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(get_table_info_object_info_name_and_dbid, "api JetGetTableInfo") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    JET_OBJECTINFO oi;
    memset(&oi, 0xAA, sizeof oi);
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, &oi, sizeof oi - 1, JET_TblInfo), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, &oi, sizeof oi, JET_TblInfo), JET_errSuccess);
    EXPECT_EQ_UL(oi.cbStruct, sizeof oi);
    EXPECT_EQ_UL(oi.objtyp, JET_objtypTable);
    EXPECT_EQ_UL(oi.grbit, JET_bitTableInfoBookmark | JET_bitTableInfoRollback | JET_bitTableInfoUpdatable);
    EXPECT_EQ_UL(oi.flags, 0);
    EXPECT(oi.dtCreate == 0 && oi.dtUpdate == 0);

    char name[64];
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, name, sizeof name, JET_TblInfoName), JET_errSuccess);
    EXPECT(strcmp(name, "table") == 0);
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, name, 5, JET_TblInfoName), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, name, 6, JET_TblInfoName), JET_errSuccess);
    WCHAR wname[16];
    EXPECT_ERR(JetGetTableInfoW(env.sesid, t, wname, sizeof wname, JET_TblInfoName), JET_errSuccess);
    EXPECT(memcmp(wname, u"table", 12) == 0);
    EXPECT_ERR(JetGetTableInfoW(env.sesid, t, wname, 4, JET_TblInfoName), JET_errBufferTooSmall);

    JET_DBID dbid = 0;
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, &dbid, sizeof dbid - 1, JET_TblInfoDbid), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, &dbid, sizeof dbid, JET_TblInfoDbid), JET_errSuccess);
    EXPECT_EQ_UL(dbid, env.dbid);

    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, name, sizeof name, 9999), JET_errFeatureNotAvailable);
    EXPECT_ERR(JetGetTableInfoA(env.sesid, BAD_TABLEID, &oi, sizeof oi, JET_TblInfo), JET_errInvalidTableId);
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, NULL, sizeof oi, JET_TblInfo), JET_errInvalidParameter);
}

SCENARIO(get_table_info_read_only_cursor_is_not_updatable, "api JetGetTableInfo") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableReadOnly, &t), JET_errSuccess);
    JET_OBJECTINFO oi;
    memset(&oi, 0, sizeof oi);
    EXPECT_ERR(JetGetTableInfoA(env.sesid, t, &oi, sizeof oi, JET_TblInfo), JET_errSuccess);
    EXPECT_EQ_UL(oi.grbit, JET_bitTableInfoBookmark | JET_bitTableInfoRollback);
}
