/* Columns: JetAddColumn, JetDeleteColumn, JetGetTableColumnInfo, JetGetColumnInfo (JET_ColInfo, ByColid, Base,
 * the JET_ColInfoList temporary table). */
#define _GNU_SOURCE
#include "isam_fixtures.h"

static JET_COLUMNDEF coldef(JET_COLTYP coltyp, unsigned long cbMax, JET_GRBIT grbit) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = coltyp;
    def.cbMax = cbMax;
    def.grbit = grbit;
    return def;
}

static JET_TABLEID empty_table(isam_env *env) {
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env->sesid, env->dbid, "t", 0, 0, &t), JET_errSuccess);
    return t;
}

/* ------------------------------------------------------------------------------------------------------------
 * JetAddColumn
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(add_column_checks_in_order, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = empty_table(&env);
    JET_COLUMNID id = 0;
    JET_COLUMNDEF def = coldef(JET_coltypLong, 0, 0);
    EXPECT_ERR(JetAddColumnA((JET_SESID)4242, t, "c", &def, NULL, 0, &id), JET_errInvalidSesid);
    EXPECT_ERR(JetAddColumnA(env.sesid, (JET_TABLEID)4242, "c", &def, NULL, 0, &id), JET_errInvalidTableId);
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "c", NULL, NULL, 0, &id), JET_errInvalidParameter);
    def.cbStruct = sizeof def - 1;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "bad!", &def, NULL, 0, &id), JET_errInvalidParameter);
    def.cbStruct = sizeof def;
    def.cbMax = 0x80000000UL;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "bad!", &def, NULL, 0, &id), JET_errInvalidParameter);
    def.cbMax = 0;
    def.coltyp = 0;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "bad!", &def, NULL, 0, &id), JET_errInvalidName);
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "c", &def, NULL, 0, &id), JET_errInvalidColumnType);
    def.coltyp = JET_coltypSLV;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "c", &def, NULL, 0, &id), JET_errInvalidColumnType);
    def.coltyp = JET_coltypMax;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "c", &def, NULL, 0, &id), JET_errInvalidColumnType);
    def.coltyp = JET_coltypText;
    def.cp = 437;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "c", &def, NULL, 0, &id), JET_errInvalidCodePage);
    def.cp = 1200;
    def.grbit = JET_bitColumnMultiValued;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "c", &def, NULL, 0, &id), JET_errMultiValuedColumnMustBeTagged);
    def.grbit = 0;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "c", &def, NULL, 0, &id), JET_errSuccess);
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "C", &def, NULL, 0, &id), JET_errColumnDuplicate);
    EXPECT_ERR(JetAddColumnW(env.sesid, t, u"c ", &def, NULL, 0, &id), JET_errColumnDuplicate);
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errSuccess);
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "d", &def, NULL, 0, &id), JET_errTransReadOnly);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
}

SCENARIO(add_column_read_only_cursor_gives_1809, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = empty_table(&env);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, JET_bitTableReadOnly, &t), JET_errSuccess);
    JET_COLUMNID id = 0;
    EXPECT_ERR(add_column(env.sesid, t, "c", JET_coltypLong, 0, 0, &id), JET_errPermissionDenied);
}

SCENARIO(add_column_fixed_types_get_their_natural_size, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = empty_table(&env);
    static const struct {
        JET_COLTYP coltyp;
        unsigned long cb;
    } types[] = {
        {JET_coltypBit, 1},       {JET_coltypUnsignedByte, 1}, {JET_coltypShort, 2},
        {JET_coltypUnsignedShort, 2}, {JET_coltypLong, 4},     {JET_coltypUnsignedLong, 4},
        {JET_coltypIEEESingle, 4}, {JET_coltypCurrency, 8},    {JET_coltypLongLong, 8},
        {JET_coltypUnsignedLongLong, 8}, {JET_coltypIEEEDouble, 8}, {JET_coltypDateTime, 8},
        {JET_coltypGUID, 16},
    };
    JET_COLUMNID prev = 0;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%zu", i);
        JET_COLUMNID id = 0;
        EXPECT_ERR(add_column(env.sesid, t, name, types[i].coltyp, 1000, 0, &id), JET_errSuccess);
        EXPECT(id > prev && id <= JET_ccolFixedMost); /* fixed class: ids 1..127, increasing */
        prev = id;
        JET_COLUMNDEF def;
        memset(&def, 0, sizeof def);
        EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, name, &def, sizeof def, JET_ColInfo), JET_errSuccess);
        EXPECT_EQ_UL(def.cbStruct, sizeof def);
        EXPECT_EQ_UL(def.columnid, id);
        EXPECT_EQ_UL(def.coltyp, types[i].coltyp);
        EXPECT_EQ_UL(def.cbMax, types[i].cb);
        EXPECT_EQ_UL(def.cp, 0);
        EXPECT_EQ_UL(def.grbit, JET_bitColumnFixed | JET_bitColumnUpdatable);
    }
}

SCENARIO(add_column_text_and_binary_sizes_code_pages_and_classes, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = empty_table(&env);
    JET_COLUMNID v = 0, w = 0, fixed = 0, big = 0;
    JET_COLUMNDEF def = coldef(JET_coltypText, 0, 0);
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "v", &def, NULL, 0, &v), JET_errSuccess);
    def = coldef(JET_coltypText, 100, 0);
    def.cp = 1200;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "w", &def, NULL, 0, &w), JET_errSuccess);
    def = coldef(JET_coltypBinary, 16, JET_bitColumnFixed);
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "fixed", &def, NULL, 0, &fixed), JET_errSuccess);
    def = coldef(JET_coltypBinary, 300, 0);
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "big", &def, NULL, 0, &big), JET_wrnColumnMaxTruncated);
    EXPECT(v >= 128 && v <= 255 && w >= 128 && w <= 255 && big >= 128 && big <= 255); /* variable class */
    EXPECT(fixed >= 1 && fixed <= 127);

    JET_COLUMNDEF got;
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "v", &got, sizeof got, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(got.cbMax, 255); /* 0 means 255 */
    EXPECT_EQ_UL(got.cp, 1252);   /* 0 means 1252 */
    EXPECT_EQ_UL(got.grbit, JET_bitColumnUpdatable);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "w", &got, sizeof got, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(got.cbMax, 100);
    EXPECT_EQ_UL(got.cp, 1200);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "fixed", &got, sizeof got, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(got.cbMax, 16);
    EXPECT_EQ_UL(got.grbit, JET_bitColumnFixed | JET_bitColumnUpdatable);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "big", &got, sizeof got, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(got.cbMax, 255);
}

SCENARIO(add_column_not_null_flag_is_reported, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = empty_table(&env);
    JET_COLUMNID id = 0;
    EXPECT_ERR(add_column(env.sesid, t, "n", JET_coltypLong, 0, JET_bitColumnNotNULL, &id), JET_errSuccess);
    JET_COLUMNDEF got;
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "n", &got, sizeof got, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(got.grbit, JET_bitColumnFixed | JET_bitColumnNotNULL | JET_bitColumnUpdatable);
}

SCENARIO(add_column_to_a_table_with_records_reads_null_there, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    JET_COLUMNID extra = 0;
    EXPECT_ERR(add_column(env.sesid, t, "extra", JET_coltypLong, 0, 0, &extra), JET_errSuccess);
    /* DDL leaves the cursor before the first record. */
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, extra, NULL, 0, NULL, 0, NULL), JET_errNoCurrentRecord);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    int32_t v = 77;
    unsigned long cb = 99;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, extra, &v, sizeof v, &cb, 0, NULL), JET_wrnColumnNull);
    EXPECT_EQ_UL(cb, 0);
    EXPECT_KEY(env.sesid, t, 1);
    /* New records can set it. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.key, 2), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, extra, 22), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    f_key(env.sesid, t, 2);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, extra, &v, sizeof v, &cb, 0, NULL), JET_errSuccess);
    EXPECT(v == 22 && cb == 4);
}

SCENARIO(add_column_default_value_fills_records_that_do_not_set_it, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    EXPECT_ERR(kv_insert(env.sesid, t, 1, "before"), JET_errSuccess);
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = JET_coltypLong;
    int32_t x = 1234;
    JET_COLUMNID withdefault = 0, bad = 0;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "bad", &def, &x, 2, &bad), JET_errInvalidBufferSize);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "withdefault", &def, &x, sizeof x, &withdefault), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 2), JET_errSuccess);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(JetUpdate(env.sesid, t, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
    int32_t v = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, withdefault, &v, sizeof v, &cb, 0, NULL), JET_errSuccess);
    EXPECT(v == 1234 && cb == 4);
    /* Setting NULL stores NULL, not the default. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepReplace), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, withdefault, NULL, 0, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, withdefault, &v, sizeof v, &cb, 0, NULL), JET_wrnColumnNull);
    /* A record that predates the column reads its default. */
    EXPECT_ERR(kv_seek(env.sesid, t, 1), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, withdefault, &v, sizeof v, &cb, 0, NULL), JET_errSuccess);
    EXPECT(v == 1234);
}

SCENARIO(add_column_rolled_back_disappears, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = empty_table(&env);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    JET_COLUMNID id = 0;
    EXPECT_ERR(JetBeginTransaction(env.sesid), JET_errSuccess);
    EXPECT_ERR(add_column(env.sesid, t, "c", JET_coltypLong, 0, 0, &id), JET_errSuccess);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    JET_COLUMNDEF got;
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "c", &got, sizeof got, JET_ColInfo), JET_errColumnNotFound);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetDeleteColumn
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(delete_column_checks_and_never_reuses_the_id, "api JetDeleteColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    JET_COLUMNID extra = 0, again = 0;
    EXPECT_ERR(add_column(env.sesid, t, "extra", JET_coltypLong, 0, 0, &extra), JET_errSuccess);
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "ex!tra"), JET_errInvalidName);
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "missing"), JET_errColumnNotFound);
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "columndata1"), JET_errColumnInUse); /* in two indexes */
    EXPECT_ERR(JetBeginTransaction2(env.sesid, JET_bitTransactionReadOnly), JET_errSuccess);
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "extra"), JET_errTransReadOnly);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetDeleteColumnW(env.sesid, t, u"EXTRA"), JET_errSuccess);
    JET_COLUMNDEF got;
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "extra", &got, sizeof got, JET_ColInfo), JET_errColumnNotFound);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, (const char *)&extra, &got, sizeof got, JET_ColInfoByColid),
               JET_errColumnNotFound);
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "extra"), JET_errColumnNotFound);
    EXPECT_ERR(add_column(env.sesid, t, "extra", JET_coltypLong, 0, 0, &again), JET_errSuccess);
    EXPECT(again != extra);
    /* Setting the deleted id is -1507. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, extra, 1), JET_errColumnNotFound);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetGetTableColumnInfo, JetGetColumnInfo
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(get_column_info_levels_and_buffer_sizes, "api JetGetTableColumnInfo") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    JET_COLUMNDEF def;
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "columnkey", &def, sizeof def - 1, JET_ColInfo),
               JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "columnkey", &def, sizeof def, JET_ColInfoSysTabCursor),
               JET_errFeatureNotAvailable);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "columnkey", &def, sizeof def, 77), JET_errInvalidParameter);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "", &def, sizeof def, JET_ColInfo), JET_errColumnNotFound);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "col!", &def, sizeof def, JET_ColInfo), JET_errInvalidName);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "COLUMNKEY", &def, sizeof def, JET_ColInfo), JET_errSuccess);
    EXPECT_EQ_UL(def.columnid, F.key);
    EXPECT_EQ_UL(def.wCountry, 1);
    EXPECT_EQ_UL(def.wCollate, 0);
    JET_COLUMNID id = F.d1;
    memset(&def, 0, sizeof def);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, (const char *)&id, &def, sizeof def, JET_ColInfoByColid),
               JET_errSuccess);
    EXPECT_EQ_UL(def.columnid, F.d1);
    id = 999;
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, (const char *)&id, &def, sizeof def, JET_ColInfoByColid),
               JET_errColumnNotFound);

    JET_COLUMNBASE_A base;
    memset(&base, 0, sizeof base);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "columndata2", &base, sizeof base - 1, JET_ColInfoBase),
               JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, "columndata2", &base, sizeof base, JET_ColInfoBase),
               JET_errSuccess);
    EXPECT_EQ_UL(base.cbStruct, sizeof base);
    EXPECT_EQ_UL(base.columnid, F.d2);
    EXPECT_EQ_UL(base.wFiller, 0);
    EXPECT(strcmp(base.szBaseTableName, "table") == 0);
    EXPECT(strcmp(base.szBaseColumnName, "columndata2") == 0);
    JET_COLUMNBASE_W wbase;
    EXPECT_ERR(JetGetTableColumnInfoW(env.sesid, t, u"columndata2", &wbase, sizeof base, JET_ColInfoBase),
               JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableColumnInfoW(env.sesid, t, u"columndata2", NULL, sizeof wbase, JET_ColInfoBase),
               JET_errInvalidParameter);
    EXPECT_ERR(JetGetTableColumnInfoW(env.sesid, t, u"columndata2", &wbase, sizeof wbase, JET_ColInfoBase),
               JET_errSuccess);
    EXPECT(memcmp(wbase.szBaseTableName, u"table", 12) == 0);
}

SCENARIO(get_column_info_by_table_name, "api JetGetTableColumnInfo") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    EXPECT_ERR(JetGetColumnInfoA(env.sesid, env.dbid, "table", "columndata1", &def, sizeof def, JET_ColInfo),
               JET_errSuccess);
    EXPECT_EQ_UL(def.coltyp, JET_coltypLong);
    EXPECT_EQ_UL(def.cbMax, 4);
    EXPECT_ERR(JetGetColumnInfoW(env.sesid, env.dbid, u"table", u"columndata1", &def, sizeof def, JET_ColInfo),
               JET_errSuccess);
    EXPECT_ERR(JetGetColumnInfoA(env.sesid, env.dbid, "nope", "columndata1", &def, sizeof def, JET_ColInfo),
               JET_errObjectNotFound);
    EXPECT_ERR(JetGetColumnInfoA(env.sesid, env.dbid, NULL, "columndata1", &def, sizeof def, JET_ColInfo),
               JET_errInvalidParameter);
    EXPECT_ERR(JetGetColumnInfoA(env.sesid, env.dbid, "ta!ble", "columndata1", &def, sizeof def, JET_ColInfo),
               JET_errInvalidName);
    EXPECT_ERR(JetGetColumnInfoA(env.sesid, 55, "table", "columndata1", &def, sizeof def, JET_ColInfo),
               JET_errInvalidDatabaseId);
}

/* Reads a Text column of the list's current row (A names: 8-bit). */
static void list_text(JET_SESID s, JET_TABLEID t, JET_COLUMNID c, char *buf, size_t cb) {
    unsigned long got = 0;
    memset(buf, 0, cb);
    EXPECT_ERR(JetRetrieveColumn(s, t, c, buf, (unsigned long)cb - 1, &got, 0, NULL), JET_errSuccess);
    EXPECT(got < cb);
}

static unsigned long list_long(JET_SESID s, JET_TABLEID t, JET_COLUMNID c) {
    uint32_t v = 0;
    unsigned long got = 0;
    EXPECT_ERR(JetRetrieveColumn(s, t, c, &v, sizeof v, &got, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(got, 4);
    return v;
}

SCENARIO(column_info_list_is_a_temporary_table_of_the_columns, "api JetGetTableColumnInfo") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    JET_COLUMNID text = 0;
    EXPECT_ERR(add_column(env.sesid, t, "anote", JET_coltypText, 40, 0, &text), JET_errSuccess);
    JET_COLUMNLIST list;
    memset(&list, 0, sizeof list);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, NULL, &list, sizeof list - 1, JET_ColInfoList),
               JET_errBufferTooSmall);
    EXPECT_ERR(JetGetTableColumnInfoA(env.sesid, t, NULL, &list, sizeof list, JET_ColInfoList), JET_errSuccess);
    EXPECT_EQ_UL(list.cbStruct, sizeof list);
    EXPECT_EQ_UL(list.cRecord, 4);
    EXPECT(list.tableid != JET_tableidNil && list.tableid != t);
    EXPECT_EQ_UL(list.columnidDefinitionName, list.columnidcolumnname);

    /* Rows sorted by name; the cursor starts on the first. */
    const char *names[4] = {"anote", "columndata1", "columndata2", "columnkey"};
    JET_COLUMNID ids[4] = {text, F.d1, F.d2, F.key};
    unsigned long types[4] = {JET_coltypText, JET_coltypLong, JET_coltypLong, JET_coltypLong};
    unsigned long sizes[4] = {40, 4, 4, 4};
    for (int i = 0; i < 4; i++) {
        if (i > 0) EXPECT_ERR(JetMove(env.sesid, list.tableid, JET_MoveNext, 0), JET_errSuccess);
        char name[80];
        list_text(env.sesid, list.tableid, list.columnidcolumnname, name, sizeof name);
        EXPECT(strcmp(name, names[i]) == 0);
        EXPECT_EQ_UL(list_long(env.sesid, list.tableid, list.columnidcolumnid), ids[i]);
        EXPECT_EQ_UL(list_long(env.sesid, list.tableid, list.columnidcoltyp), types[i]);
        EXPECT_EQ_UL(list_long(env.sesid, list.tableid, list.columnidcbMax), sizes[i]);
    }
    EXPECT_ERR(JetMove(env.sesid, list.tableid, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetMove(env.sesid, list.tableid, JET_MoveFirst, 0), JET_errSuccess);
    /* Read-only: no updates on the list. */
    EXPECT(JetPrepareUpdate(env.sesid, list.tableid, JET_prepInsert) < 0);
    EXPECT_ERR(JetCloseTable(env.sesid, list.tableid), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, list.tableid), JET_errInvalidTableId);
}

SCENARIO(column_info_list_sorted_by_columnid, "api JetGetTableColumnInfo") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    JET_COLUMNLIST list;
    memset(&list, 0, sizeof list);
    EXPECT_ERR(JetGetColumnInfoA(env.sesid, env.dbid, "table", NULL, &list, sizeof list,
                                 JET_ColInfoList | JET_ColInfoGrbitSortByColumnid),
               JET_errSuccess);
    EXPECT_EQ_UL(list.cRecord, 3);
    unsigned long prev = 0;
    for (int i = 0; i < 3; i++) {
        if (i > 0) EXPECT_ERR(JetMove(env.sesid, list.tableid, JET_MoveNext, 0), JET_errSuccess);
        unsigned long id = list_long(env.sesid, list.tableid, list.columnidcolumnid);
        EXPECT(id > prev);
        prev = id;
    }
    EXPECT_ERR(JetCloseTable(env.sesid, list.tableid), JET_errSuccess);
    (void)t;
}
