/* Fixtures of the tables-and-records scenarios: see isam_fixtures.h. */
#define _GNU_SOURCE
#include "isam_fixtures.h"

f_columns F;
kv_columns KV;

isam_env isam_open(void) {
    isam_env env;
    env.inst = init_named("isam", path_in_dir("isam"));
    env.db = path_in_dir("isam.edb");
    env.sesid = create_db(env.inst, env.db, 0, &env.dbid);
    return env;
}

JET_SESID isam_session(const isam_env *env, JET_DBID *pdbid) {
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(env->inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetOpenDatabaseA(sesid, env->db, NULL, pdbid, 0), JET_errSuccess);
    return sesid;
}

static JET_COLUMNID column_id(JET_SESID sesid, JET_TABLEID t, const char *name) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    EXPECT_ERR(JetGetTableColumnInfoA(sesid, t, name, &def, sizeof def, JET_ColInfo), JET_errSuccess);
    return def.columnid;
}

JET_TABLEID f_create(JET_SESID sesid, JET_DBID dbid) {
    static char k_clustered[] = "+columnkey\0";
    static char k_withprimary[] = "+columndata1\0-columnkey\0";
    static char k_withoutprimary[] = "+columndata1\0+columndata2\0";
    JET_COLUMNCREATE_A cols[3];
    JET_INDEXCREATE2_A idx[3];
    const char *names[3] = {"columnkey", "columndata1", "columndata2"};
    memset(cols, 0, sizeof cols);
    memset(idx, 0, sizeof idx);
    for (int i = 0; i < 3; i++) {
        cols[i].cbStruct = sizeof cols[i];
        cols[i].szColumnName = (char *)names[i];
        cols[i].coltyp = JET_coltypLong;
        cols[i].err = -1;
    }
    idx[0].szIndexName = (char *)"clustered";
    idx[0].szKey = k_clustered;
    idx[0].cbKey = sizeof k_clustered; /* both final NULs */
    idx[0].grbit = JET_bitIndexPrimary;
    idx[1].szIndexName = (char *)"secondarywithprimary";
    idx[1].szKey = k_withprimary;
    idx[1].cbKey = sizeof k_withprimary;
    idx[2].szIndexName = (char *)"secondarywithoutprimary";
    idx[2].szKey = k_withoutprimary;
    idx[2].cbKey = sizeof k_withoutprimary;
    for (int i = 0; i < 3; i++) {
        idx[i].cbStruct = sizeof idx[i];
        idx[i].err = -1;
    }
    JET_TABLECREATE3_A tc;
    memset(&tc, 0, sizeof tc);
    tc.cbStruct = sizeof tc;
    tc.szTableName = (char *)"table";
    tc.rgcolumncreate = cols;
    tc.cColumns = 3;
    tc.rgindexcreate = idx;
    tc.cIndexes = 3;
    EXPECT_ERR(JetCreateTableColumnIndex3A(sesid, dbid, &tc), JET_errSuccess);
    EXPECT_EQ_UL(tc.cCreated, 7);
    EXPECT(tc.tableid != 0 && tc.tableid != JET_tableidNil);
    for (int i = 0; i < 3; i++) {
        EXPECT_ERR(cols[i].err, JET_errSuccess);
        EXPECT_ERR(idx[i].err, JET_errSuccess);
    }
    F.key = cols[0].columnid;
    F.d1 = cols[1].columnid;
    F.d2 = cols[2].columnid;
    EXPECT(F.key != F.d1 && F.d1 != F.d2 && F.key != F.d2);
    EXPECT_EQ_UL(column_id(sesid, tc.tableid, "columnkey"), F.key);
    return tc.tableid;
}

JET_TABLEID f_open(JET_SESID sesid, JET_DBID dbid) {
    JET_TABLEID t = 0;
    EXPECT_ERR(JetOpenTableA(sesid, dbid, "table", NULL, 0, 0, &t), JET_errSuccess);
    F.key = column_id(sesid, t, "columnkey");
    F.d1 = column_id(sesid, t, "columndata1");
    F.d2 = column_id(sesid, t, "columndata2");
    return t;
}

JET_ERR f_insert_bm(JET_SESID sesid, JET_TABLEID t, int32_t k, int32_t d1, int32_t d2, void *bm, unsigned long cbBm,
                    unsigned long *pcbActual) {
    EXPECT_ERR(JetPrepareUpdate(sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(sesid, t, F.key, &k, sizeof k, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(sesid, t, F.d1, &d1, sizeof d1, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(sesid, t, F.d2, &d2, sizeof d2, 0, NULL), JET_errSuccess);
    return JetUpdate(sesid, t, bm, cbBm, pcbActual);
}

void f_insert3(JET_SESID sesid, JET_TABLEID t, int32_t k, int32_t d1, int32_t d2) {
    unsigned char bm[5];
    unsigned long cb = 0;
    EXPECT_ERR(f_insert_bm(sesid, t, k, d1, d2, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_EQ_UL(cb, 5);
}

void f_insert(JET_SESID sesid, JET_TABLEID t, int32_t k) { f_insert3(sesid, t, k, 10 * k, 100 * k); }

JET_TABLEID f_create_reversed(JET_SESID sesid, JET_DBID dbid) {
    JET_TABLEID t = f_create(sesid, dbid);
    f_insert3(sesid, t, 1, 30, 300);
    f_insert3(sesid, t, 2, 20, 200);
    f_insert3(sesid, t, 3, 10, 100);
    return t;
}

void f_key(JET_SESID sesid, JET_TABLEID t, int32_t k) {
    EXPECT_ERR(JetMakeKey(sesid, t, &k, sizeof k, JET_bitNewKey), JET_errSuccess);
}

void f_key2(JET_SESID sesid, JET_TABLEID t, int32_t a, int32_t b) {
    EXPECT_ERR(JetMakeKey(sesid, t, &a, sizeof a, JET_bitNewKey), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(sesid, t, &b, sizeof b, 0), JET_errSuccess);
}

JET_ERR f_read(JET_SESID sesid, JET_TABLEID t, int32_t out[3]) {
    JET_RETRIEVECOLUMN rc[3];
    JET_COLUMNID ids[3] = {F.key, F.d1, F.d2};
    memset(rc, 0, sizeof rc);
    for (int i = 0; i < 3; i++) {
        rc[i].columnid = ids[i];
        rc[i].pvData = &out[i];
        rc[i].cbData = sizeof out[i];
        rc[i].itagSequence = 1;
    }
    JET_ERR err = JetRetrieveColumns(sesid, t, rc, 3);
    if (err < 0) return err;
    for (int i = 0; i < 3; i++) {
        if (rc[i].err < 0) return rc[i].err;
        EXPECT_ERR(rc[i].err, JET_errSuccess);
        EXPECT_EQ_UL(rc[i].cbActual, 4);
    }
    return err;
}

JET_TABLEID kv_create(JET_SESID sesid, JET_DBID dbid, const char *table) {
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(sesid, dbid, table, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(add_column(sesid, t, "id", JET_coltypLong, 0, 0, &KV.id), JET_errSuccess);
    EXPECT_ERR(add_column(sesid, t, "name", JET_coltypText, 64, 0, &KV.name), JET_errSuccess);
    static const char key[] = "+id\0";
    EXPECT_ERR(JetCreateIndexA(sesid, t, "primary", JET_bitIndexPrimary, key, sizeof key, 100), JET_errSuccess);
    return t;
}

JET_ERR kv_insert(JET_SESID sesid, JET_TABLEID t, int32_t id, const char *name) {
    EXPECT_ERR(JetPrepareUpdate(sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(sesid, t, KV.id, &id, sizeof id, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(sesid, t, KV.name, name, (unsigned long)strlen(name), 0, NULL), JET_errSuccess);
    JET_ERR err = JetUpdate(sesid, t, NULL, 0, NULL);
    if (err < 0) EXPECT_ERR(JetPrepareUpdate(sesid, t, JET_prepCancel), JET_errSuccess);
    return err;
}

JET_ERR kv_seek(JET_SESID sesid, JET_TABLEID t, int32_t id) {
    EXPECT_ERR(JetMakeKey(sesid, t, &id, sizeof id, JET_bitNewKey), JET_errSuccess);
    return JetSeek(sesid, t, JET_bitSeekEQ);
}

JET_ERR kv_name(JET_SESID sesid, JET_TABLEID t, char *buf, size_t cb) {
    unsigned long got = 0;
    memset(buf, 0, cb);
    JET_ERR err = JetRetrieveColumn(sesid, t, KV.name, buf, (unsigned long)(cb - 1), &got, 0, NULL);
    if (err >= 0 && got < cb) buf[got] = 0;
    return err;
}

unsigned long count_rows(JET_SESID sesid, JET_TABLEID t) {
    unsigned long n = 0;
    JET_ERR err = JetMove(sesid, t, JET_MoveFirst, 0);
    while (err == JET_errSuccess) {
        n++;
        err = JetMove(sesid, t, JET_MoveNext, 0);
    }
    EXPECT_ERR(err, JET_errNoCurrentRecord);
    return n;
}

JET_ERR add_column(JET_SESID sesid, JET_TABLEID t, const char *name, JET_COLTYP coltyp, unsigned long cbMax,
                   JET_GRBIT grbit, JET_COLUMNID *pid) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = coltyp;
    def.cbMax = cbMax;
    def.grbit = grbit;
    def.cp = (coltyp == JET_coltypText || coltyp == JET_coltypLongText) ? 1252 : 0;
    return JetAddColumnA(sesid, t, name, &def, NULL, 0, pid);
}

JET_ERR create_index2(JET_SESID sesid, JET_TABLEID t, const char *name, const char *key, unsigned long cbKey,
                      JET_GRBIT grbit, unsigned long cbKeyMost, unsigned long density) {
    JET_INDEXCREATE_A idx;
    memset(&idx, 0, sizeof idx);
    idx.cbStruct = sizeof idx;
    idx.szIndexName = (char *)name;
    idx.szKey = (char *)key;
    idx.cbKey = cbKey;
    idx.grbit = grbit;
    idx.cbKeyMost = cbKeyMost;
    idx.ulDensity = density;
    JET_ERR err = JetCreateIndex2A(sesid, t, &idx, 1);
    return err != JET_errSuccess ? err : idx.err;
}

JET_ERR set_long(JET_SESID sesid, JET_TABLEID t, JET_COLUMNID c, int32_t v) {
    return JetSetColumn(sesid, t, c, &v, sizeof v, 0, NULL);
}
