/* Limits and tables without a primary index: record size, key truncation, column counts, name length,
 * sequential tables (4-byte record-number bookmarks). */
#define _GNU_SOURCE
#include "isam_fixtures.h"

/* ------------------------------------------------------------------------------------------------------------
 * A table without a primary index
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(table_without_primary_index_numbers_records_from_1, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    JET_COLUMNID v = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "seq", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(add_column(env.sesid, t, "v", JET_coltypLong, 0, 0, &v), JET_errSuccess);
    unsigned char bms[3][8];
    unsigned long cbs[3];
    int32_t values[3] = {30, 10, 20};
    for (int i = 0; i < 3; i++) {
        EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
        EXPECT_ERR(set_long(env.sesid, t, v, values[i]), JET_errSuccess);
        EXPECT_ERR(JetUpdate(env.sesid, t, bms[i], sizeof bms[i], &cbs[i]), JET_errSuccess);
        EXPECT_EQ_UL(cbs[i], 4);
        /* Record numbers 1, 2, 3, big-endian. */
        EXPECT(bms[i][0] == 0 && bms[i][1] == 0 && bms[i][2] == 0 && bms[i][3] == i + 1);
    }
    /* Insertion order. */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    for (int i = 0; i < 3; i++) {
        if (i) EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errSuccess);
        int32_t got = 0;
        EXPECT_ERR(JetRetrieveColumn(env.sesid, t, v, &got, 4, NULL, 0, NULL), JET_errSuccess);
        EXPECT(got == values[i]);
    }
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bms[1], cbs[1]), JET_errSuccess);
    unsigned char key[8];
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveKey(env.sesid, t, key, sizeof key, &cb, 0), JET_errSuccess);
    EXPECT_EQ_UL(cb, 4);
    /* Keys on the sequential index: only normalized keys. */
    int32_t k = 2;
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k, JET_bitNewKey), JET_errNoCurrentIndex);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, 0), JET_errNoCurrentIndex);
    EXPECT_ERR(JetMakeKey(env.sesid, t, bms[2], cbs[2], JET_bitNewKey | JET_bitNormalizedKey), JET_errSuccess);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    int32_t got = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, v, &got, 4, NULL, 0, NULL), JET_errSuccess);
    EXPECT(got == 20);
    /* A deleted number is not reused. */
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, key, sizeof key, &cb), JET_errSuccess);
    EXPECT(cb == 4 && key[3] == 4);
    /* A secondary index works as on any table. */
    static const char kv[] = "+v\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "byv", 0, kv, sizeof kv, 0), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "byv"), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveLast, 0), JET_errSuccess);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, v, &got, 4, NULL, 0, NULL), JET_errSuccess);
    EXPECT(got == 30);
    EXPECT_ERR(JetGetBookmark(env.sesid, t, key, sizeof key, &cb), JET_errSuccess);
    EXPECT(cb == 4 && key[3] == 1);
}

SCENARIO(table_without_primary_index_numbers_survive_reopen, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    JET_COLUMNID v = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "seq", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(add_column(env.sesid, t, "v", JET_coltypLong, 0, 0, &v), JET_errSuccess);
    unsigned char bm[8];
    unsigned long cb = 0;
    for (int i = 0; i < 5; i++) {
        EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
        EXPECT_ERR(JetUpdate(env.sesid, t, bm, sizeof bm, &cb), JET_errSuccess);
    }
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "seq", NULL, 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT(cb == 4 && bm[3] == 6);
}

/* A table "seq" without primary index, with one Long column "v". */
static JET_TABLEID seq_create(JET_SESID s, JET_DBID dbid) {
    JET_TABLEID t = 0;
    JET_COLUMNID v = 0;
    EXPECT_ERR(JetCreateTableA(s, dbid, "seq", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(add_column(s, t, "v", JET_coltypLong, 0, 0, &v), JET_errSuccess);
    return t;
}

/* Inserts empty records numbered first, first + 1, ... up to last (their bookmarks say so). */
static void seq_insert(JET_SESID s, JET_TABLEID t, int first, int last) {
    for (int n = first; n <= last; n++) {
        unsigned char bm[8];
        unsigned long cb = 0;
        EXPECT_ERR(JetPrepareUpdate(s, t, JET_prepInsert), JET_errSuccess);
        EXPECT_ERR(JetUpdate(s, t, bm, sizeof bm, &cb), JET_errSuccess);
        EXPECT(cb == 4 && bm[0] == 0 && bm[1] == 0 && bm[2] == 0 && bm[3] == n);
    }
}

/* The numbers an instance hands out belong to the database: detached, it takes them along, so the database attached
 * next under the same JET_DBID (the lowest free one) numbers its new records after its own. */
SCENARIO(table_without_primary_index_numbers_follow_its_database_when_a_dbid_is_reused, "api JetCreateIndex") {
    /* b.edb: records 1..5, written by an instance of its own. */
    JET_INSTANCE first = init_named("first", path_in_dir("first"));
    JET_DBID dbid = 0;
    char b[1024];
    snprintf(b, sizeof b, "%s", path_in_dir("b.edb"));
    JET_SESID s = create_db(first, b, 0, &dbid);
    JET_TABLEID t = seq_create(s, dbid);
    seq_insert(s, t, 1, 5);
    EXPECT_ERR(JetCloseTable(s, t), JET_errSuccess);
    EXPECT_ERR(JetEndSession(s, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(first), JET_errSuccess);
    /* Another instance numbers record 1 of a.edb's table, the same tree of a database with the same JET_DBID. */
    JET_INSTANCE second = init_named("second", path_in_dir("second"));
    char a[1024];
    snprintf(a, sizeof a, "%s", path_in_dir("a.edb"));
    s = create_db(second, a, 0, &dbid);
    t = seq_create(s, dbid);
    seq_insert(s, t, 1, 1);
    EXPECT_ERR(JetCloseTable(s, t), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(s, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(s, a), JET_errSuccess);
    /* b.edb takes that JET_DBID: its records go on from 6. */
    JET_DBID reused = 0;
    EXPECT_ERR(JetAttachDatabaseA(s, b, 0), JET_errSuccess);
    EXPECT_ERR(JetOpenDatabaseA(s, b, NULL, &reused, 0), JET_errSuccess);
    EXPECT_EQ_UL(reused, dbid);
    EXPECT_ERR(JetOpenTableA(s, reused, "seq", NULL, 0, 0, &t), JET_errSuccess);
    seq_insert(s, t, 6, 8);
    EXPECT_EQ_UL(count_rows(s, t), 8);
}

/* ------------------------------------------------------------------------------------------------------------
 * Record size, key size, column counts
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(record_too_big_gives_1026, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    JET_COLUMNID cols[16];
    for (int i = 0; i < 16; i++) {
        char name[16];
        snprintf(name, sizeof name, "b%d", i);
        EXPECT_ERR(add_column(env.sesid, t, name, JET_coltypBinary, 255, 0, &cols[i]), JET_errSuccess);
    }
    unsigned char value[255];
    memset(value, 0x5A, sizeof value);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 1), JET_errSuccess);
    /* 16 x 255 bytes pass the 4 KiB page's record limit (3789 bytes with the default key size). */
    JET_ERR err = JET_errSuccess;
    int set = 0;
    for (; set < 16 && err == JET_errSuccess; set++) {
        err = JetSetColumn(env.sesid, t, cols[set], value, sizeof value, 0, NULL);
    }
    if (err == JET_errSuccess) err = JetUpdate(env.sesid, t, NULL, 0, NULL);
    EXPECT_ERR(err, JET_errRecordTooBig);
    EXPECT(set >= 13); /* 13 x 255 plus the key fits */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
    /* The largest record that fits is written and read back whole. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 2), JET_errSuccess);
    for (int i = 0; i < 13; i++)
        EXPECT_ERR(JetSetColumn(env.sesid, t, cols[i], value, sizeof value, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(kv_seek(env.sesid, t, 2), JET_errSuccess);
    unsigned char out[255];
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, cols[12], out, sizeof out, &cb, 0, NULL), JET_errSuccess);
    EXPECT(cb == 255 && memcmp(out, value, 255) == 0);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 1);
}

/* Table "t" of kv's columns whose primary index "+id" has the key size `keyMost` (255: JetCreateIndex's default;
 * other sizes through JET_bitIndexKeyMost), or no primary index at all when keyMost is 0. */
static JET_TABLEID kv_create_with_key_size(JET_SESID s, JET_DBID dbid, unsigned long keyMost) {
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(s, dbid, "t", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(add_column(s, t, "id", JET_coltypLong, 0, 0, &KV.id), JET_errSuccess);
    EXPECT_ERR(add_column(s, t, "name", JET_coltypText, 64, 0, &KV.name), JET_errSuccess);
    if (keyMost == 0) return t;
    static const char key[] = "+id\0";
    EXPECT_ERR(create_index2(s, t, "primary", key, sizeof key,
                             JET_bitIndexPrimary | (keyMost != 255 ? JET_bitIndexKeyMost : 0), keyMost, 100),
               JET_errSuccess);
    return t;
}

/* A record exactly at ESE's limit (REC::CbRecordMost) is stored and read back whole; the JetSetColumn that would
 * make it one byte longer gives -1026 and leaves the column as it was. The limit depends on the page size and on
 * the primary index's key size (keyMost 0: no primary index, so the 4-byte record number).
 * The record is ESE's layout: 4-byte header, the fixed Long "id", a 1-byte NULL bitmap, 2 bytes per variable
 * column (all of them set here), then the variable data. */
static void record_at_the_limit(unsigned long pageSize, unsigned long keyMost, unsigned long limit) {
    if (pageSize != 4096)
        EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramDatabasePageSize, pageSize, NULL), JET_errSuccess);
    isam_env env = isam_open();
    JET_TABLEID t = kv_create_with_key_size(env.sesid, env.dbid, keyMost);
    enum { NCOLS = 32 };
    JET_COLUMNID cols[NCOLS];
    for (int i = 0; i < NCOLS; i++) {
        char name[16];
        snprintf(name, sizeof name, "b%d", i);
        EXPECT_ERR(add_column(env.sesid, t, name, JET_coltypBinary, 255, 0, &cols[i]), JET_errSuccess);
    }
    static const char name[] = "at the limit";
    unsigned long data = limit - (4 + 4 + 1) - 2 * (NCOLS + 1) - (sizeof name - 1);
    unsigned long last = data - 255 * (data / 255 - (data % 255 == 0 ? 1 : 0));
    int full = (int)((data - last) / 255);
    EXPECT(full + 1 <= NCOLS && last < 255);
    unsigned char value[256];
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 7), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, name, sizeof name - 1, 0, NULL), JET_errSuccess);
    /* Every other column first, so the record is whole when the last one passes the limit. */
    for (int i = 0; i < NCOLS; i++) {
        if (i == full) continue;
        memset(value, 'a' + i % 26, sizeof value);
        unsigned long cb = i < full ? 255 : 0;
        EXPECT_ERR(JetSetColumn(env.sesid, t, cols[i], value, cb, cb == 0 ? JET_bitSetZeroLength : 0, NULL),
                   JET_errSuccess);
    }
    memset(value, 'a' + full % 26, sizeof value);
    EXPECT_ERR(JetSetColumn(env.sesid, t, cols[full], value, last + 1, 0, NULL), JET_errRecordTooBig);
    EXPECT_ERR(JetSetColumn(env.sesid, t, cols[full], value, last, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetOpenTableA(env.sesid, env.dbid, "t", NULL, 0, 0, &t), JET_errSuccess);
    if (keyMost != 0)
        EXPECT_ERR(kv_seek(env.sesid, t, 7), JET_errSuccess);
    else
        EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    for (int i = 0; i < NCOLS; i++) {
        unsigned char out[256];
        unsigned long cb = 1234;
        unsigned long want = i < full ? 255 : i == full ? last : 0;
        memset(value, 'a' + i % 26, sizeof value);
        EXPECT_ERR(JetRetrieveColumn(env.sesid, t, cols[i], out, sizeof out, &cb, 0, NULL), JET_errSuccess);
        EXPECT_EQ_UL(cb, want);
        EXPECT(memcmp(out, value, want) == 0);
    }
    char got[64];
    EXPECT_ERR(kv_name(env.sesid, t, got, sizeof got), JET_errSuccess);
    EXPECT(strcmp(got, name) == 0);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 1);
}

/* With the default 255-byte primary key: 4048 - 2 - (2 + 255). */
SCENARIO(record_at_the_limit_is_stored_on_4k_pages, "api JetSetColumn") { record_at_the_limit(4096, 255, 3789); }

SCENARIO(record_at_the_limit_is_stored_on_8k_pages, "api JetSetColumn") { record_at_the_limit(8192, 255, 7885); }

/* No primary index: the key is the 4-byte record number, and pages up to 8 KiB reserve at least 255 bytes for it,
 * so the limit is 2 bytes larger than with a default primary key. */
SCENARIO(record_limit_without_primary_index_is_3791_on_4k_pages, "api JetSetColumn") {
    record_at_the_limit(4096, 0, 3791);
}

/* A primary index with a larger key (JET_bitIndexKeyMost) leaves less room: 4048 - 2 - (2 + 1000). */
SCENARIO(record_limit_shrinks_with_the_primary_key_size, "api JetSetColumn") { record_at_the_limit(4096, 1000, 3044); }

/* Pages above 8 KiB reserve 2 + 2 + cbKeyMost after an 88-byte header: 32680 - 4 - 255. */
SCENARIO(record_limit_on_32k_pages_is_32421, "api JetSetColumn") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramDatabasePageSize, 32768, NULL), JET_errSuccess);
    isam_env env = isam_open();
    JET_TABLEID t = kv_create_with_key_size(env.sesid, env.dbid, 255);
    enum { NCOLS = 127 }; /* with "name", all 128 variable columns */
    JET_COLUMNID cols[NCOLS];
    for (int i = 0; i < NCOLS; i++) {
        char name[16];
        snprintf(name, sizeof name, "b%d", i);
        EXPECT_ERR(add_column(env.sesid, t, name, JET_coltypBinary, 255, 0, &cols[i]), JET_errSuccess);
    }
    /* 4 header + 4 id + 1 bitmap + 2 x 128 offsets = 265 bytes before any data: 32156 bytes of data. */
    unsigned long data = 32421 - 265;
    unsigned char value[255];
    memset(value, 'z', sizeof value);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, KV.id, 9), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, NULL, 0, JET_bitSetZeroLength, NULL), JET_errSuccess);
    int i = 0;
    for (; data > 255; i++, data -= 255)
        EXPECT_ERR(JetSetColumn(env.sesid, t, cols[i], value, 255, 0, NULL), JET_errSuccess);
    for (int j = i + 1; j < NCOLS; j++)
        EXPECT_ERR(JetSetColumn(env.sesid, t, cols[j], NULL, 0, JET_bitSetZeroLength, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, cols[i], value, data + 1, 0, NULL), JET_errRecordTooBig);
    EXPECT_ERR(JetSetColumn(env.sesid, t, cols[i], value, data, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_ERR(kv_seek(env.sesid, t, 9), JET_errSuccess);
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, cols[i], NULL, 0, &cb, 0, NULL), JET_wrnBufferTruncated);
    EXPECT_EQ_UL(cb, data);
}

/* Inserts (id, 255-byte text that differs from the others only in its last byte). */
static JET_ERR insert_long_text(JET_SESID s, JET_TABLEID t, JET_COLUMNID text, int32_t id, char last) {
    char value[255];
    memset(value, 'k', sizeof value);
    value[254] = last;
    EXPECT_ERR(JetPrepareUpdate(s, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(s, t, KV.id, id), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(s, t, text, value, sizeof value, 0, NULL), JET_errSuccess);
    JET_ERR err = JetUpdate(s, t, NULL, 0, NULL);
    if (err < 0) EXPECT_ERR(JetPrepareUpdate(s, t, JET_prepCancel), JET_errSuccess);
    return err;
}

SCENARIO(keys_are_truncated_at_cbkeymost_or_refused_with_346, "api JetCreateIndex") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    JET_COLUMNID text = 0;
    EXPECT_ERR(add_column(env.sesid, t, "text", JET_coltypText, 255, 0, &text), JET_errSuccess);
    static const char kt[] = "+text\0";
    /* Default 255-byte keys: two values that differ only in their 255th byte collide on a unique index. */
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "u", JET_bitIndexUnique, kt, sizeof kt, 0), JET_errSuccess);
    EXPECT_ERR(insert_long_text(env.sesid, t, text, 1, 'a'), JET_errSuccess);
    EXPECT_ERR(insert_long_text(env.sesid, t, text, 2, 'b'), JET_errKeyDuplicate);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "u"), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    unsigned char key[JET_cbKeyMostMost];
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveKey(env.sesid, t, key, sizeof key, &cb, 0), JET_errSuccess);
    EXPECT_EQ_UL(cb, JET_cbKeyMost);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, NULL), JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "u"), JET_errSuccess);
    /* With JET_bitIndexDisallowTruncation the update fails instead. */
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "strict", JET_bitIndexDisallowTruncation, kt, sizeof kt, 0),
               JET_errKeyTruncated); /* the existing record's key does not fit */
    EXPECT_ERR(kv_seek(env.sesid, t, 1), JET_errSuccess);
    EXPECT_ERR(JetDelete(env.sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "strict", JET_bitIndexDisallowTruncation, kt, sizeof kt, 0),
               JET_errSuccess);
    EXPECT_ERR(insert_long_text(env.sesid, t, text, 3, 'a'), JET_errKeyTruncated);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 0);
    /* A larger cbKeyMost (JET_bitIndexKeyMost) holds the whole value. */
    EXPECT_ERR(create_index2(env.sesid, t, "wide", kt, sizeof kt, JET_bitIndexUnique | JET_bitIndexKeyMost, 400, 0),
               JET_errSuccess);
    EXPECT_ERR(JetDeleteIndexA(env.sesid, t, "strict"), JET_errSuccess);
    EXPECT_ERR(insert_long_text(env.sesid, t, text, 4, 'a'), JET_errSuccess);
    EXPECT_ERR(insert_long_text(env.sesid, t, text, 5, 'b'), JET_errSuccess);
    EXPECT_ERR(insert_long_text(env.sesid, t, text, 6, 'a'), JET_errKeyDuplicate);
}

SCENARIO(make_key_is_cut_at_cbkeymost_without_a_warning, "api JetMakeKey") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    JET_COLUMNID text = 0;
    EXPECT_ERR(add_column(env.sesid, t, "text", JET_coltypText, 255, 0, &text), JET_errSuccess);
    static const char kt[] = "+text\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "bytext", 0, kt, sizeof kt, 0), JET_errSuccess);
    EXPECT_ERR(insert_long_text(env.sesid, t, text, 1, 'a'), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "bytext"), JET_errSuccess);
    char value[255];
    memset(value, 'k', sizeof value);
    value[254] = 'z'; /* differs only beyond the key */
    EXPECT_ERR(JetMakeKey(env.sesid, t, value, sizeof value, JET_bitNewKey), JET_errSuccess);
    unsigned char made[JET_cbKeyMostMost];
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveKey(env.sesid, t, made, sizeof made, &cb, JET_bitRetrieveCopy), JET_errSuccess);
    EXPECT_EQ_UL(cb, JET_cbKeyMost);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    int32_t id = 0;
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, KV.id, &id, 4, NULL, 0, NULL), JET_errSuccess);
    EXPECT(id == 1);
}

SCENARIO(too_many_fixed_and_variable_columns_give_1040, "api JetAddColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "wide", 0, 0, &t), JET_errSuccess);
    JET_COLUMNID id = 0;
    for (int i = 0; i < JET_ccolFixedMost; i++) {
        char name[16];
        snprintf(name, sizeof name, "f%d", i);
        EXPECT_ERR(add_column(env.sesid, t, name, JET_coltypUnsignedByte, 0, 0, &id), JET_errSuccess);
    }
    EXPECT_EQ_UL(id, JET_ccolFixedMost);
    EXPECT_ERR(add_column(env.sesid, t, "onemore", JET_coltypUnsignedByte, 0, 0, &id), JET_errTooManyColumns);
    EXPECT_ERR(JetDeleteColumnA(env.sesid, t, "f0"), JET_errSuccess); /* ids are never reused */
    EXPECT_ERR(add_column(env.sesid, t, "onemore", JET_coltypUnsignedByte, 0, 0, &id), JET_errTooManyColumns);
    for (int i = 0; i < JET_ccolVarMost; i++) {
        char name[16];
        snprintf(name, sizeof name, "v%d", i);
        EXPECT_ERR(add_column(env.sesid, t, name, JET_coltypBinary, 8, 0, &id), JET_errSuccess);
    }
    EXPECT_EQ_UL(id, 255);
    EXPECT_ERR(add_column(env.sesid, t, "onemore", JET_coltypText, 8, 0, &id), JET_errTooManyColumns);
    /* The table still works. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    unsigned char b = 7;
    EXPECT_ERR(JetSetColumn(env.sesid, t, JET_ccolFixedMost, &b, 1, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, 255, "x", 1, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(count_rows(env.sesid, t), 1);
}

SCENARIO(sizes_above_32_bits_give_1003, "api JetSetColumn") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    EXPECT_ERR(kv_insert(env.sesid, t, 1, "a"), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    char buf[8];
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, buf, 0x100000005UL), JET_errInvalidParameter);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, KV.name, buf, 0x100000001UL, 0, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
    EXPECT(JetMakeKey(env.sesid, t, buf, 0x100000004UL, JET_bitNewKey) < 0); /* never read as 4 bytes */
}
