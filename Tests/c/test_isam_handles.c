/* Entry checks every tables-and-records call makes first: the session, the tableid (never issued, closed, or of
 * another session), the dbid. A bad handle changes nothing and never crashes. */
#define _GNU_SOURCE
#include "isam_fixtures.h"

/* Calls every function that takes (sesid, tableid, ...) and checks each returns `want`. */
static void expect_cursor_calls(JET_SESID s, JET_TABLEID t, JET_ERR want) {
    char buf[256];
    WCHAR wbuf[64];
    unsigned long cb = 0, n = 0;
    JET_COLUMNID id = 0;
    int32_t v = 1;
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = JET_coltypLong;
    static const char key[] = "+columnkey\0";
    static const WCHAR wkey[] = u"+columnkey\0";
    JET_INDEXCREATE_A ic;
    memset(&ic, 0, sizeof ic);
    ic.cbStruct = sizeof ic;
    ic.szIndexName = (char *)"x";
    ic.szKey = (char *)key;
    ic.cbKey = sizeof key;
    JET_INDEXCREATE_W icw;
    memset(&icw, 0, sizeof icw);
    icw.cbStruct = sizeof icw;
    icw.szIndexName = utf16("x");
    icw.szKey = (WCHAR *)wkey;
    icw.cbKey = sizeof wkey;
    JET_SETCOLUMN sc;
    memset(&sc, 0, sizeof sc);
    sc.columnid = F.key;
    sc.pvData = &v;
    sc.cbData = 4;
    JET_RETRIEVECOLUMN rc;
    memset(&rc, 0, sizeof rc);
    rc.columnid = F.key;
    rc.pvData = buf;
    rc.cbData = sizeof buf;
    rc.itagSequence = 1;
    JET_INDEXID indexid;
    memset(&indexid, 0, sizeof indexid);

    EXPECT_ERR(JetGetTableInfoA(s, t, buf, sizeof buf, JET_TblInfoName), want);
    EXPECT_ERR(JetGetTableInfoW(s, t, wbuf, sizeof wbuf, JET_TblInfoName), want);
    EXPECT_ERR(JetAddColumnA(s, t, "x", &def, NULL, 0, &id), want);
    EXPECT_ERR(JetAddColumnW(s, t, u"x", &def, NULL, 0, &id), want);
    EXPECT_ERR(JetDeleteColumnA(s, t, "columndata2"), want);
    EXPECT_ERR(JetDeleteColumnW(s, t, u"columndata2"), want);
    EXPECT_ERR(JetGetTableColumnInfoA(s, t, "columnkey", &def, sizeof def, JET_ColInfo), want);
    EXPECT_ERR(JetGetTableColumnInfoW(s, t, u"columnkey", &def, sizeof def, JET_ColInfo), want);
    EXPECT_ERR(JetCreateIndexA(s, t, "x", 0, key, sizeof key, 0), want);
    EXPECT_ERR(JetCreateIndexW(s, t, u"x", 0, wkey, sizeof wkey, 0), want);
    EXPECT_ERR(JetCreateIndex2A(s, t, &ic, 1), want);
    EXPECT_ERR(JetCreateIndex2W(s, t, &icw, 1), want);
    EXPECT_ERR(JetDeleteIndexA(s, t, "secondarywithprimary"), want);
    EXPECT_ERR(JetDeleteIndexW(s, t, u"secondarywithprimary"), want);
    EXPECT_ERR(JetGetTableIndexInfoA(s, t, "clustered", &n, sizeof n, JET_IdxInfoCount), want);
    EXPECT_ERR(JetGetTableIndexInfoW(s, t, u"clustered", &n, sizeof n, JET_IdxInfoCount), want);
    EXPECT_ERR(JetSetCurrentIndexA(s, t, "clustered"), want);
    EXPECT_ERR(JetSetCurrentIndexW(s, t, u"clustered"), want);
    EXPECT_ERR(JetSetCurrentIndex2A(s, t, "clustered", 0), want);
    EXPECT_ERR(JetSetCurrentIndex2W(s, t, u"clustered", 0), want);
    EXPECT_ERR(JetSetCurrentIndex3A(s, t, "clustered", 0, 1), want);
    EXPECT_ERR(JetSetCurrentIndex3W(s, t, u"clustered", 0, 1), want);
    EXPECT_ERR(JetSetCurrentIndex4A(s, t, "clustered", NULL, 0, 1), want);
    EXPECT_ERR(JetSetCurrentIndex4W(s, t, u"clustered", NULL, 0, 1), want);
    EXPECT_ERR(JetGetCurrentIndexA(s, t, buf, sizeof buf), want);
    EXPECT_ERR(JetGetCurrentIndexW(s, t, wbuf, sizeof wbuf), want);
    EXPECT_ERR(JetPrepareUpdate(s, t, JET_prepInsert), want);
    EXPECT_ERR(JetSetColumn(s, t, F.key, &v, 4, 0, NULL), want);
    EXPECT_ERR(JetSetColumns(s, t, &sc, 1), want);
    EXPECT_ERR(JetUpdate(s, t, buf, sizeof buf, &cb), want);
    EXPECT_ERR(JetUpdate2(s, t, buf, sizeof buf, &cb, 0), want);
    EXPECT_ERR(JetPrepareUpdate(s, t, JET_prepCancel), want);
    EXPECT_ERR(JetDelete(s, t), want);
    EXPECT_ERR(JetRetrieveColumn(s, t, F.key, buf, sizeof buf, &cb, 0, NULL), want);
    EXPECT_ERR(JetRetrieveColumns(s, t, &rc, 1), want);
    EXPECT_ERR(JetRetrieveKey(s, t, buf, sizeof buf, &cb, 0), want);
    EXPECT_ERR(JetMove(s, t, JET_MoveFirst, 0), want);
    EXPECT_ERR(JetMakeKey(s, t, &v, 4, JET_bitNewKey), want);
    EXPECT_ERR(JetSeek(s, t, JET_bitSeekEQ), want);
    EXPECT_ERR(JetSetIndexRange(s, t, JET_bitRangeRemove), want);
    EXPECT_ERR(JetGetBookmark(s, t, buf, sizeof buf, &cb), want);
    EXPECT_ERR(JetGotoBookmark(s, t, buf, 5), want);
    EXPECT_ERR(JetIndexRecordCount(s, t, &n, 0), want);
    EXPECT_ERR(JetCloseTable(s, t), want);
}

/* The table is unchanged: three records, the three indexes, the column. */
static void expect_untouched(isam_env *env) {
    JET_TABLEID t = f_open(env->sesid, env->dbid);
    EXPECT_EQ_UL(count_rows(env->sesid, t), 3);
    EXPECT_ERR(JetSetCurrentIndexA(env->sesid, t, "secondarywithprimary"), JET_errSuccess);
    JET_COLUMNDEF def;
    EXPECT_ERR(JetGetTableColumnInfoA(env->sesid, t, "columndata2", &def, sizeof def, JET_ColInfo), JET_errSuccess);
    EXPECT_ERR(JetGetTableColumnInfoA(env->sesid, t, "x", &def, sizeof def, JET_ColInfo), JET_errColumnNotFound);
    EXPECT_ERR(JetCloseTable(env->sesid, t), JET_errSuccess);
}

static JET_TABLEID three_records(isam_env *env) {
    JET_TABLEID t = f_create(env->sesid, env->dbid);
    for (int32_t k = 1; k <= 3; k++) f_insert(env->sesid, t, k);
    EXPECT_ERR(JetCloseTable(env->sesid, t), JET_errSuccess);
    return f_open(env->sesid, env->dbid);
}

SCENARIO(every_cursor_call_checks_the_session_first, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = three_records(&env);
    expect_cursor_calls((JET_SESID)0x5151, t, JET_errInvalidSesid);
    expect_cursor_calls(JET_sesidNil, t, JET_errInvalidSesid);
    expect_cursor_calls(0, (JET_TABLEID)0x5151, JET_errInvalidSesid); /* the session before the tableid */
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    expect_untouched(&env);
}

SCENARIO(every_cursor_call_checks_the_tableid, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = three_records(&env);
    expect_cursor_calls(env.sesid, (JET_TABLEID)0x5151, JET_errInvalidTableId);
    expect_cursor_calls(env.sesid, JET_tableidNil, JET_errInvalidTableId);
    expect_cursor_calls(env.sesid, 0, JET_errInvalidTableId);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    expect_cursor_calls(env.sesid, t, JET_errInvalidTableId); /* closed */
    expect_untouched(&env);
}

SCENARIO(every_cursor_call_refuses_another_sessions_tableid, "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = three_records(&env);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    expect_cursor_calls(s2, t, JET_errSesidTableIdMismatch);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    expect_untouched(&env);
    /* A tableid of an ended session is gone. */
    JET_TABLEID t2 = f_open(s2, dbid2);
    EXPECT_ERR(JetEndSession(s2, 0), JET_errSuccess);
    expect_cursor_calls(env.sesid, t2, JET_errInvalidTableId);
}

/* Calls each cursor function with a pointer or size argument that is bad (NULL where ESE would use it, or a size
 * over 0x7FFFFFFF) and checks each returns `want`. */
static void expect_bad_argument_calls(JET_SESID s, JET_TABLEID t, JET_ERR want) {
    unsigned long cb = 0;
    unsigned char buf[16];
    int32_t v = 1;
    JET_RETINFO ri;
    memset(&ri, 0, sizeof ri);
    ri.cbStruct = sizeof ri;
    ri.itagSequence = 0x80000000UL;
    EXPECT_ERR(JetMakeKey(s, t, NULL, 4, JET_bitNewKey), want);
    EXPECT_ERR(JetMakeKey(s, t, &v, 0x80000000UL, JET_bitNewKey), want);
    EXPECT_ERR(JetGetBookmark(s, t, NULL, 8, &cb), want);
    EXPECT_ERR(JetGotoBookmark(s, t, buf, 0x80000000UL), want);
    EXPECT_ERR(JetIndexRecordCount(s, t, NULL, 0), want);
    EXPECT_ERR(JetRetrieveKey(s, t, buf, 0x80000000UL, &cb, 0), want);
    EXPECT_ERR(JetRetrieveColumn(s, t, F.key, NULL, 4, &cb, 0, NULL), want);
    EXPECT_ERR(JetRetrieveColumn(s, t, F.key, buf, sizeof buf, &cb, 0, &ri), want);
    EXPECT_ERR(JetRetrieveColumns(s, t, NULL, 1), want);
    EXPECT_ERR(JetRetrieveColumns(s, t, NULL, 0x80000000UL), want);
    EXPECT_ERR(JetSetColumns(s, t, NULL, 1), want);
    EXPECT_ERR(JetUpdate(s, t, buf, 0x80000000UL, &cb), want);
}

/* The handle checks come first, as in ESE: a bad pointer or size argument is JET_errInvalidParameter only for a
 * good session and tableid. */
SCENARIO(cursor_calls_check_the_handles_before_their_pointer_and_size_arguments,
         "api Cursors, records and navigation") {
    isam_env env = isam_open();
    JET_TABLEID t = three_records(&env);
    expect_bad_argument_calls((JET_SESID)0x5151, t, JET_errInvalidSesid);
    expect_bad_argument_calls(env.sesid, (JET_TABLEID)0x5151, JET_errInvalidTableId);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    expect_bad_argument_calls(s2, t, JET_errSesidTableIdMismatch);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    expect_bad_argument_calls(env.sesid, t, JET_errInvalidParameter);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    expect_untouched(&env);
}

SCENARIO(every_database_call_checks_the_session_and_the_dbid, "api Tables, columns and indexes") {
    isam_env env = isam_open();
    JET_TABLEID t = three_records(&env);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    JET_DBID dbid2 = 0;
    JET_SESID s2 = isam_session(&env, &dbid2);
    EXPECT_ERR(JetCloseDatabase(s2, dbid2, 0), JET_errSuccess); /* attached, but not open in s2 */
    JET_SESID sessions[3] = {(JET_SESID)0x5151, env.sesid, s2};
    JET_DBID dbids[3] = {env.dbid, 0x77, dbid2};
    JET_ERR wants[3] = {JET_errInvalidSesid, JET_errInvalidDatabaseId, JET_errInvalidDatabaseId};
    for (int i = 0; i < 3; i++) {
        JET_SESID s = sessions[i];
        JET_DBID d = dbids[i];
        JET_ERR want = wants[i];
        JET_TABLEID out = 5;
        JET_COLUMNDEF def;
        JET_INDEXLIST il;
        JET_TABLECREATE_A tca;
        memset(&tca, 0, sizeof tca);
        tca.cbStruct = sizeof tca;
        tca.szTableName = (char *)"new";
        JET_TABLECREATE_W tcw;
        memset(&tcw, 0, sizeof tcw);
        tcw.cbStruct = sizeof tcw;
        tcw.szTableName = utf16("new");
        JET_TABLECREATE2_A tc2;
        memset(&tc2, 0, sizeof tc2);
        tc2.cbStruct = sizeof tc2;
        tc2.szTableName = (char *)"new";
        JET_TABLECREATE3_W tc3;
        memset(&tc3, 0, sizeof tc3);
        tc3.cbStruct = sizeof tc3;
        tc3.szTableName = utf16("new");
        EXPECT_ERR(JetCreateTableA(s, d, "new", 0, 0, &out), want);
        EXPECT_ERR(JetCreateTableW(s, d, u"new", 0, 0, &out), want);
        EXPECT_ERR(JetCreateTableColumnIndexA(s, d, &tca), want);
        EXPECT_ERR(JetCreateTableColumnIndexW(s, d, &tcw), want);
        EXPECT_ERR(JetCreateTableColumnIndex2A(s, d, &tc2), want);
        EXPECT_ERR(JetCreateTableColumnIndex3W(s, d, &tc3), want);
        EXPECT_ERR(JetOpenTableA(s, d, "table", NULL, 0, 0, &out), want);
        EXPECT_ERR(JetOpenTableW(s, d, u"table", NULL, 0, 0, &out), want);
        EXPECT_ERR(JetDeleteTableA(s, d, "table"), want);
        EXPECT_ERR(JetDeleteTableW(s, d, u"table"), want);
        EXPECT_ERR(JetGetColumnInfoA(s, d, "table", "columnkey", &def, sizeof def, JET_ColInfo), want);
        EXPECT_ERR(JetGetColumnInfoW(s, d, u"table", u"columnkey", &def, sizeof def, JET_ColInfo), want);
        EXPECT_ERR(JetGetIndexInfoA(s, d, "table", NULL, &il, sizeof il, JET_IdxInfoList), want);
        EXPECT_ERR(JetGetIndexInfoW(s, d, u"table", NULL, &il, sizeof il, JET_IdxInfoList), want);
    }
    expect_untouched(&env);
    JET_TABLEID t3 = 0;
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "new", NULL, 0, 0, &t3), JET_errObjectNotFound);
}
