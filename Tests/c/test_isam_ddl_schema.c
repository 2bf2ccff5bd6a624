/* Schema behaviour behind the DDL calls: what the catalog keeps, how DDL inside a transaction is undone, and that
 * records written before a column change still read back right. */
#define _GNU_SOURCE
#include "isam_fixtures.h"

SCENARIO(ddl_text_column_cbmax_cut_to_255_is_reported_back, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = JET_coltypText;
    def.cbMax = 1000;
    JET_COLUMNID id = 0;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "note", &def, NULL, 0, &id), JET_wrnColumnMaxTruncated);
    EXPECT_EQ_UL(id, 128); /* the first variable column */
    JET_COLUMNDEF got;
    memset(&got, 0xAB, sizeof got);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "NOTE", &got, sizeof got, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(got.cbStruct, sizeof got);
    EXPECT_EQ_UL(got.columnid, id);
    EXPECT_EQ_UL(got.coltyp, JET_coltypText);
    EXPECT_EQ_UL(got.cbMax, 255);
    EXPECT_EQ_UL(got.cp, 1252);
    EXPECT_EQ_UL(got.grbit, JET_bitColumnUpdatable); /* variable: no class bit */
    JET_COLUMNBASE_W base;
    EXPECT_ERR(JetGetTableColumnInfoW(env.sesid, t, (const WCHAR *)&id, &base, sizeof base, JET_ColInfoBaseByColid),
               JET_errSuccess);
    EXPECT(base.szBaseTableName[0] == 't' && base.szBaseTableName[1] == 0);
    EXPECT(base.szBaseColumnName[0] == 'n' && base.szBaseColumnName[4] == 0);
}

SCENARIO(ddl_create_index2_creates_all_elements_or_none, "api JetCreateIndex, JetCreateIndex2") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t"); /* the creating cursor: exclusive use */
    static char kname[] = "+name\0";
    static char kbad[] = "+nope\0";
    JET_INDEXCREATE_A idx[2];
    memset(idx, 0, sizeof idx);
    idx[0].cbStruct = idx[1].cbStruct = sizeof idx[0];
    idx[0].szIndexName = "byname";
    idx[0].szKey = kname;
    idx[0].cbKey = sizeof kname;
    idx[1].szIndexName = "bad";
    idx[1].szKey = kbad;
    idx[1].cbKey = sizeof kbad;
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 2), JET_errInTransaction);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCreateIndex2A(env.sesid, t, idx, 2), JET_errColumnNotFound);
    EXPECT_ERR(idx[0].err, JET_errSuccess);
    EXPECT_ERR(idx[1].err, JET_errColumnNotFound);
    /* The first index went with the second: creating it again is no duplicate. */
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "byname"), JET_errIndexNotFound);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "byname", 0, kname, sizeof kname, 0), JET_errSuccess);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    uint16_t keyMost = 0;
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "byname", &keyMost, sizeof keyMost, JET_IdxInfoKeyMost),
               JET_errIndexNotFound);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "byname", 0, kname, sizeof kname, 0), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "byname"), JET_errSuccess);
}

SCENARIO(ddl_deleted_fixed_column_keeps_the_other_values, "api JetDeleteColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "t", 0, 0, &t), JET_errSuccess);
    JET_COLUMNID a = 0, b = 0, c = 0;
    EXPECT_ERR(add_column(env.sesid, t, "a", JET_coltypLong, 0, 0, &a), JET_errSuccess);
    EXPECT_ERR(add_column(env.sesid, t, "b", JET_coltypLong, 0, 0, &b), JET_errSuccess);
    EXPECT_ERR(add_column(env.sesid, t, "c", JET_coltypLong, 0, 0, &c), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, a, 1), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, b, 2), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, c, 3), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "b"), JET_errSuccess);
    JET_COLUMNID d = 0;
    EXPECT_ERR(add_column(env.sesid, t, "d", JET_coltypShort, 0, 0, &d), JET_errSuccess);
    EXPECT(d != b); /* ids are never reused */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    int32_t v = 0;
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, a, &v, sizeof v, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(v, 1);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, c, &v, sizeof v, &cb, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(v, 3);
    /* The record predates "d": NULL. "b" is gone. */
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, d, &v, sizeof v, &cb, 0, NULL), JET_wrnColumnNull);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, b, &v, sizeof v, &cb, 0, NULL), JET_errColumnNotFound);
}

SCENARIO(ddl_index_info_levels_report_the_definition, "api JetGetTableIndexInfo, JetGetIndexInfo") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    static const char kname[] = "-name\0";
    EXPECT_ERR(create_index2(env.sesid, t, "byname", kname, sizeof kname, JET_bitIndexKeyMost, 1000, 90), JET_errSuccess);
    uint16_t keyMost = 0;
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "byname", &keyMost, sizeof keyMost, JET_IdxInfoKeyMost),
               JET_errSuccess);
    EXPECT_EQ_UL(keyMost, 1000);
    uint32_t density = 0;
    EXPECT_ERR(JetGetIndexInfoA(env.sesid, env.dbid, "t", "BYNAME", &density, sizeof density, JET_IdxInfoSpaceAlloc),
               JET_errSuccess);
    EXPECT_EQ_UL(density, 90);
    int32_t count = 0;
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, NULL, &count, sizeof count, JET_IdxInfoCount), JET_errSuccess);
    EXPECT_EQ_UL(count, 2);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "none", &count, sizeof count, JET_IdxInfoCount),
               JET_errIndexNotFound);
    EXPECT_ERR(JetGetTableIndexInfoA(env.sesid, t, "byname", &keyMost, 1, JET_IdxInfoKeyMost), JET_errBufferTooSmall);
}

SCENARIO(ddl_table_created_in_a_transaction_is_seen_by_others_after_commit, "api JetCreateTableColumnIndex, JetCreateTableColumnIndex2, JetCreateTableColumnIndex3") {
    isam_env env = isam_open();
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    JET_COLUMNCREATE_A cols[2];
    memset(cols, 0, sizeof cols);
    cols[0].cbStruct = cols[1].cbStruct = sizeof cols[0];
    cols[0].szColumnName = "id";
    cols[0].coltyp = JET_coltypLong;
    cols[1].szColumnName = "name";
    cols[1].coltyp = JET_coltypText;
    cols[1].cp = 1200;
    JET_TABLECREATE_A tc;
    memset(&tc, 0, sizeof tc);
    tc.cbStruct = sizeof tc;
    tc.szTableName = "orders";
    tc.rgcolumncreate = cols;
    tc.cColumns = 2;
    EXPECT_ERR(JetCreateTableColumnIndexA(env.sesid, env.dbid, &tc), JET_errSuccess);
    EXPECT_EQ_UL(tc.cCreated, 3);
    JET_COLUMNDEF def;
    EXPECT_ERR(JetGetColumnInfoA(s2, dbid2, "orders", "name", &def, sizeof def, JET_ColInfo), JET_errObjectNotFound);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetGetColumnInfoA(s2, dbid2, "orders", "name", &def, sizeof def, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(def.columnid, cols[1].columnid);
    EXPECT_EQ_UL(def.cp, 1200);
    EXPECT_EQ_UL(def.grbit, JET_bitColumnUpdatable);
    EXPECT_ERR(JetCloseTable(env.sesid, tc.tableid), JET_errSuccess);
    EXPECT_ERR(JetDeleteTableA(s2, dbid2, "orders"), JET_errSuccess);
    EXPECT_ERR(JetGetColumnInfoA(env.sesid, env.dbid, "orders", "name", &def, sizeof def, JET_ColInfo),
               JET_errObjectNotFound);
}

SCENARIO(ddl_two_transactions_changing_one_table_conflict, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = 0;
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    JET_COLUMNID a = 0, b = 0;
    EXPECT_ERR(add_column(env.sesid, t, "a", JET_coltypLong, 0, 0, &a), JET_errSuccess);
    /* Both would take the same column id: the second transaction is refused at the call. */
    EXPECT_ERR(add_column(s2, t2, "b", JET_coltypLong, 0, 0, &b), JET_errWriteConflict);
    static char kname[] = "+name\0";
    EXPECT_ERR(JetCreateIndexA(s2, t2, "byname", 0, kname, sizeof kname, 0), JET_errWriteConflict);
    /* A second table of the same name in another open transaction is taken. */
    JET_TABLEID n1 = 0, n2 = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "new", 0, 0, &n1), JET_errSuccess);
    EXPECT_ERR(JetCreateTableA(s2, dbid2, "new", 0, 0, &n2), JET_errTableDuplicate);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetRollback(s2, 0), JET_errSuccess);
    JET_COLUMNDEF def;
    EXPECT_ERR(JetGetTableColumnInfoA(s2, t2, "a", &def, sizeof def, JET_ColInfo), JET_errSuccess);
    EXPECT_ERR(JetGetTableColumnInfoA(s2, t2, "b", &def, sizeof def, JET_ColInfo), JET_errColumnNotFound);
}

/* An index built in one transaction cannot see rows another open transaction inserts: the two exclude each other
 * at the call, in both orders, so no committed index misses a committed row. */
SCENARIO(ddl_index_build_and_another_transactions_inserts_conflict, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    JET_TABLEID t2 = 0;
    EXPECT_ERR(JetOpenTableA(s2, dbid2, "t", NULL, 0, 0, &t2), JET_errSuccess);
    static char kname[] = "+name\0";

    /* Rows first: the index build of another transaction is refused while they are uncommitted. */
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(kv_insert(env.sesid, t, 1, "one"), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(s2, t2, "byname", 0, kname, sizeof kname, 0), JET_errWriteConflict);
    EXPECT_ERR(JetRollback(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);

    /* Index first: the other transaction's insert is refused until the index is committed... */
    EXPECT_ERR(JetBeginTransaction(s2), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(s2, t2, "byname", 0, kname, sizeof kname, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(kv_insert(env.sesid, t, 2, "two"), JET_errWriteConflict);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(s2, 0), JET_errSuccess);

    /* ...and afterwards a row written through a cursor opened before the index is in the index. */
    EXPECT_ERR(kv_insert(env.sesid, t, 3, "three"), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(s2, t2, "byname"), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(s2, t2, "three", 5, JET_bitNewKey), JET_errSuccess);
    EXPECT_ERR(JetSeek(s2, t2, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(s2, t2, "one", 3, JET_bitNewKey), JET_errSuccess);
    EXPECT_ERR(JetSeek(s2, t2, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetMove(s2, t2, JET_MoveFirst, 0), JET_errSuccess);
    unsigned long records = 0;
    EXPECT_ERR(JetIndexRecordCount(s2, t2, &records, 0), JET_errSuccess);
    EXPECT_EQ_UL(records, 2);
}
