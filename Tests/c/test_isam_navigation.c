/* Navigation and keys: JetMove, JetMakeKey, JetSeek, JetSetIndexRange, JetRetrieveKey, JetGetBookmark,
 * JetGotoBookmark, JetIndexRecordCount. Most sequences are ManagedEsent's DML tests on fixture F. */
#define _GNU_SOURCE
#include "navigation_fixtures.h"

/* ------------------------------------------------------------------------------------------------------------
 * JetMove
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(move_from_a_fresh_cursor_resolves_deferred_first, "api JetMove") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_keys(&env, 1, 4);
    t = nav_reopen(&env, t);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 2); /* the second record */
    t = nav_reopen(&env, t);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 1); /* from before first */
    t = nav_reopen(&env, t);
    EXPECT_MOVE(env.sesid, t, 0, 0, 1); /* reading resolves it too */
}

SCENARIO(move_first_last_steps_and_ends, "api JetMove") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_keys(&env, 1, 5);
    EXPECT_ERR(JetMove((JET_SESID)77, t, JET_MoveFirst, 0), JET_errInvalidSesid);
    EXPECT_ERR(JetMove(env.sesid, (JET_TABLEID)77, JET_MoveFirst, 0), JET_errInvalidTableId);
    EXPECT_MOVE(env.sesid, t, JET_MoveLast, 0, 5);
    /* JET_MoveFirst arrives as +2147483648 from an LP64 caller and as -2147483648 from 32-bit arithmetic. */
    EXPECT_MOVE(env.sesid, t, JET_MoveFirst, 0, 1);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveLast, 0), JET_errSuccess);
    EXPECT_MOVE(env.sesid, t, -2147483647L - 1, 0, 1);
    EXPECT_MOVE(env.sesid, t, 3, 0, 4);
    EXPECT_MOVE(env.sesid, t, -2, 0, 2);
    EXPECT_MOVE(env.sesid, t, 0, 0, 2);
    /* Running off the end: after last, the steps made are not kept. */
    EXPECT_ERR(JetMove(env.sesid, t, 10, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetMove(env.sesid, t, 0, 0), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 5);
    EXPECT_ERR(JetMove(env.sesid, t, -10, 0), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 1);
    /* Beyond the 32-bit range. */
    EXPECT_ERR(JetMove(env.sesid, t, 0x100000000L, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetMove(env.sesid, t, -0x100000000L, 0), JET_errInvalidParameter);
    /* Unknown grbits are ignored. */
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0x100, 2);
}

SCENARIO(move_cancels_the_prepared_update, "api JetMove") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared);
}

SCENARIO(move_and_seek_on_an_empty_table, "api JetMove") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    const char *indexes[2] = {NULL, "secondarywithoutprimary"};
    for (int i = 0; i < 2; i++) {
        EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, indexes[i]), JET_errSuccess);
        EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errNoCurrentRecord);
        EXPECT_ERR(JetMove(env.sesid, t, JET_MoveLast, 0), JET_errNoCurrentRecord);
        EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errNoCurrentRecord);
        EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
        static const JET_GRBIT seeks[6] = {JET_bitSeekEQ, JET_bitSeekGE, JET_bitSeekGT,
                                           JET_bitSeekLT, JET_bitSeekLE, JET_bitSeekEQ | JET_bitSetIndexRange};
        for (int s = 0; s < 6; s++) {
            if (i == 0) f_key(env.sesid, t, 1);
            else f_key2(env.sesid, t, 1, 1);
            EXPECT_ERR(JetSeek(env.sesid, t, seeks[s]), JET_errRecordNotFound);
        }
        EXPECT_ERR(nav_range(env.sesid, t, 1, 0), JET_errNoCurrentRecord);
    }
    JET_TABLEID fresh = f_open(env.sesid, env.dbid);
    unsigned char buf[16];
    unsigned long cb = 0;
    EXPECT_ERR(JetGetBookmark(env.sesid, fresh, buf, sizeof buf, &cb), JET_errNoCurrentRecord);
    EXPECT_ERR(JetRetrieveKey(env.sesid, fresh, buf, sizeof buf, &cb, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, fresh, F.key, buf, sizeof buf, &cb, 0, NULL), JET_errNoCurrentRecord);
    unsigned long n = 99;
    EXPECT_ERR(JetIndexRecordCount(env.sesid, fresh, &n, 0), JET_errSuccess);
    EXPECT_EQ_UL(n, 0);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(move_key_ne_skips_equal_keys, "api JetMove") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    f_insert3(env.sesid, t, 3, 30, 300);
    f_insert3(env.sesid, t, 6, 20, 200);
    f_insert3(env.sesid, t, 2, 10, 100);
    f_insert3(env.sesid, t, 4, 20, 200);
    f_insert3(env.sesid, t, 1, 20, 200);
    f_insert3(env.sesid, t, 5, 30, 300);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, JET_bitMoveKeyNE, 1);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 4);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, JET_bitMoveKeyNE, 3);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, JET_bitMoveKeyNE), JET_errNoCurrentRecord);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, JET_bitMoveKeyNE), JET_errNoCurrentRecord);
    int32_t row[3];
    EXPECT_ERR(f_read(env.sesid, t, row), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, JET_bitMoveKeyNE, 5);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 3);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, JET_bitMoveKeyNE, 6);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, JET_bitMoveKeyNE, 2);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, JET_bitMoveKeyNE), JET_errNoCurrentRecord);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, JET_bitMoveKeyNE), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, JET_bitMoveKeyNE, 2);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetMakeKey
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(make_key_checks_in_order, "api JetMakeKey") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    int32_t k = 1;
    int16_t small = 1;
    EXPECT_ERR(JetMakeKey(env.sesid, t, NULL, 4, JET_bitNewKey), JET_errInvalidParameter);
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k, 0), JET_errKeyNotMade);
    EXPECT_ERR(JetMakeKey(env.sesid, t, &small, sizeof small, JET_bitNewKey), JET_errInvalidBufferSize);
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k, JET_bitNewKey), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k, 0), JET_errKeyIsMade); /* one segment only */
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k,
                          JET_bitNewKey | JET_bitFullColumnStartLimit | JET_bitFullColumnEndLimit),
               JET_errInvalidGrbit);
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k, JET_bitNewKey | JET_bitPartialColumnStartLimit),
               JET_errInvalidGrbit); /* partial limits are for text and binary */
    EXPECT_ERR(JetMakeKey(env.sesid, t, NULL, 0, JET_bitNewKey), JET_errSuccess); /* a NULL segment */
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k, JET_bitNewKey | JET_bitFullColumnEndLimit), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k, 0), JET_errKeyIsMade); /* a limit completes the key */
    EXPECT_ERR(JetMakeKey(env.sesid, t, &k, sizeof k, JET_bitNewKey | JET_bitKeyDataZeroLength),
               JET_errSuccess); /* ignored with data */
    EXPECT_ERR(JetMakeKey(env.sesid, t, NULL, 0, JET_bitKeyDataZeroLength), JET_errInvalidBufferSize);
}

SCENARIO(make_key_text_segments_are_case_insensitive, "api JetMakeKey") {
    isam_env env = isam_open();
    JET_TABLEID t = 0;
    JET_COLUMNID name = 0, wide = 0;
    EXPECT_ERR(JetCreateTableA(env.sesid, env.dbid, "words", 0, 0, &t), JET_errSuccess);
    EXPECT_ERR(add_column(env.sesid, t, "name", JET_coltypText, 100, 0, &name), JET_errSuccess);
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = JET_coltypText;
    def.cbMax = 200;
    def.cp = 1200;
    EXPECT_ERR(JetAddColumnA(env.sesid, t, "wide", &def, NULL, 0, &wide), JET_errSuccess);
    static const char kn[] = "+name\0";
    static const char kw[] = "+wide\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "n", JET_bitIndexUnique, kn, sizeof kn, 0), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "w", JET_bitIndexUnique, kw, sizeof kw, 0), JET_errSuccess);
    const char *words[3] = {"apple", "Banana", "cherry"};
    const WCHAR *wwords[3] = {u"\u00c4pfel", u"Birne", u"stra\u00dfe"};
    for (int i = 0; i < 3; i++) {
        EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
        EXPECT_ERR(JetSetColumn(env.sesid, t, name, words[i], (unsigned long)strlen(words[i]), 0, NULL),
                   JET_errSuccess);
        size_t n = 0;
        while (wwords[i][n]) n++;
        EXPECT_ERR(JetSetColumn(env.sesid, t, wide, wwords[i], (unsigned long)(n * 2), 0, NULL), JET_errSuccess);
        EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errSuccess);
    }
    /* Code page 1252: a-z upper-cased in the key. */
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "n"), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(env.sesid, t, "BANANA", 6, JET_bitNewKey), JET_errSuccess);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    char out[16];
    unsigned long cb = 0;
    memset(out, 0, sizeof out);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, name, out, sizeof out, &cb, 0, NULL), JET_errSuccess);
    EXPECT(strcmp(out, "Banana") == 0);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, name, "APPLE", 5, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetColumn(env.sesid, t, wide, u"x", 2, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errKeyDuplicate);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepCancel), JET_errSuccess);
    /* Unicode (1200): Unicode lower-casing, so \u00e4 matches \u00c4. */
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "w"), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(env.sesid, t, u"\u00e4PFEL", 10, JET_bitNewKey), JET_errSuccess);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    memset(out, 0, sizeof out);
    EXPECT_ERR(JetRetrieveColumn(env.sesid, t, name, out, sizeof out, &cb, 0, NULL), JET_errSuccess);
    EXPECT(strcmp(out, "apple") == 0);
}

SCENARIO(make_key_prefix_ranges_with_limits, "api JetMakeKey") {
    isam_env env = isam_open();
    JET_TABLEID t = kv_create(env.sesid, env.dbid, "t");
    static const char kn[] = "+name\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "byname", 0, kn, sizeof kn, 0), JET_errSuccess);
    const char *names[6] = {"ab", "abc", "abd", "abz", "ac", "b"};
    for (int i = 0; i < 6; i++) EXPECT_ERR(kv_insert(env.sesid, t, i, names[i]), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "byname"), JET_errSuccess);
    /* Every name starting with "ab": seek GE the partial start, range up to the partial end. */
    EXPECT_ERR(JetMakeKey(env.sesid, t, "ab", 2, JET_bitNewKey | JET_bitPartialColumnStartLimit), JET_errSuccess);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekGE), JET_errSuccess); /* "ab" begins with the key: equal */
    char first[8];
    EXPECT_ERR(kv_name(env.sesid, t, first, sizeof first), JET_errSuccess);
    EXPECT(strcmp(first, "ab") == 0);
    EXPECT_ERR(JetMakeKey(env.sesid, t, "ab", 2, JET_bitNewKey | JET_bitPartialColumnEndLimit), JET_errSuccess);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeUpperLimit), JET_errSuccess);
    unsigned long n = 0;
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &n, 0), JET_errSuccess);
    EXPECT_EQ_UL(n, 4);
    /* SubStrLimit is the same as a partial end limit for text. */
    EXPECT_ERR(JetMakeKey(env.sesid, t, "ab", 2, JET_bitNewKey), JET_errSuccess);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(env.sesid, t, "ab", 2, JET_bitNewKey | JET_bitSubStrLimit), JET_errSuccess);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeUpperLimit | JET_bitRangeInclusive), JET_errSuccess);
    n = 0;
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &n, 0), JET_errSuccess);
    EXPECT_EQ_UL(n, 4);
    /* A full end limit on "ab" covers only the exact value "ab". */
    EXPECT_ERR(JetMakeKey(env.sesid, t, "ab", 2, JET_bitNewKey), JET_errSuccess);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetMakeKey(env.sesid, t, "ab", 2, JET_bitNewKey | JET_bitFullColumnEndLimit), JET_errSuccess);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeUpperLimit), JET_errSuccess);
    n = 0;
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &n, 0), JET_errSuccess);
    EXPECT_EQ_UL(n, 1);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetSeek
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(seek_checks_in_order_and_consumes_the_key, "api JetSeek") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_keys(&env, 1, 3);
    EXPECT_ERR(JetSeek(env.sesid, t, 0), JET_errInvalidParameter); /* before the key test */
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errKeyNotMade);
    f_key(env.sesid, t, 2);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ | JET_bitSeekGE), JET_errInvalidParameter);
    f_key(env.sesid, t, 2);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errKeyNotMade);
    f_key(env.sesid, t, 9);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errRecordNotFound);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errKeyNotMade);
    int32_t row[3];
    EXPECT_ERR(f_read(env.sesid, t, row), JET_errNoCurrentRecord);
    /* A prepared update is cancelled. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    f_key(env.sesid, t, 1);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared);
}

SCENARIO(seek_every_grbit_on_a_unique_index, "api JetSeek") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    f_insert(env.sesid, t, 1);
    f_insert(env.sesid, t, 3);
    static const JET_GRBIT grbits[5] = {JET_bitSeekEQ, JET_bitSeekLT, JET_bitSeekLE, JET_bitSeekGE, JET_bitSeekGT};
    /* rows k = 0..4; each cell: result, and the key read after it (0 = not read) */
    static const struct {
        JET_ERR err;
        int32_t key;
    } want[5][5] = {
        {{-1601, 0}, {-1601, 0}, {-1601, 0}, {1039, 1}, {0, 1}},
        {{0, 1}, {-1601, 0}, {0, 1}, {0, 1}, {0, 3}},
        {{-1601, 0}, {0, 1}, {1039, 1}, {1039, 3}, {0, 3}},
        {{0, 3}, {0, 1}, {0, 3}, {0, 3}, {-1601, 0}},
        {{-1601, 0}, {0, 3}, {1039, 3}, {-1601, 0}, {-1601, 0}},
    };
    for (int32_t k = 0; k <= 4; k++)
        for (int g = 0; g < 5; g++) {
            JET_ERR err = nav_seek(env.sesid, t, k, grbits[g]);
            if (err != want[k][g].err)
                harness_fail(__FILE__, __LINE__, "Key(%d) seek 0x%lx returned %ld, expected %ld", k,
                             (unsigned long)grbits[g], (long)err, (long)want[k][g].err);
            if (want[k][g].key) EXPECT_KEY(env.sesid, t, want[k][g].key);
        }
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(seek_every_grbit_on_a_two_column_non_unique_index, "api JetSeek") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    nav_insert_pairs(env.sesid, t);
    static const JET_GRBIT grbits[5] = {JET_bitSeekEQ, JET_bitSeekLT, JET_bitSeekLE, JET_bitSeekGE, JET_bitSeekGT};
    static const int32_t keys[6][2] = {{9, 100}, {20, 100}, {20, 200}, {20, 201}, {20, 300}, {40, 100}};
    static const struct {
        JET_ERR err;
        int32_t key;
    } want[6][5] = {
        {{-1601, 0}, {-1601, 0}, {-1601, 0}, {1039, 1}, {0, 1}},
        {{-1601, 0}, {0, 1}, {1039, 1}, {1039, 2}, {0, 2}},
        {{0, 2}, {0, 1}, {0, 2}, {0, 2}, {0, 4}},
        {{0, 4}, {0, 5}, {0, 4}, {0, 4}, {0, 3}},
        {{-1601, 0}, {0, 4}, {1039, 4}, {1039, 3}, {0, 3}},
        {{-1601, 0}, {0, 3}, {1039, 3}, {-1601, 0}, {-1601, 0}},
    };
    for (int r = 0; r < 6; r++)
        for (int g = 0; g < 5; g++) {
            f_key2(env.sesid, t, keys[r][0], keys[r][1]);
            JET_ERR err = JetSeek(env.sesid, t, grbits[g]);
            if (err != want[r][g].err)
                harness_fail(__FILE__, __LINE__, "Key2(%d,%d) seek 0x%lx returned %ld, expected %ld", keys[r][0],
                             keys[r][1], (unsigned long)grbits[g], (long)err, (long)want[r][g].err);
            if (want[r][g].key) EXPECT_KEY(env.sesid, t, want[r][g].key);
        }
    f_key2(env.sesid, t, 20, 200);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 5);
    /* A key of fewer segments matches every entry that begins with it. */
    f_key(env.sesid, t, 20);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

/* JET_bitCheckUniqueness with SeekEQ: JET_wrnUniqueKey (345) when the entry found is the only one with the search
 * key, 0 when others follow; the cursor is on the first equal entry either way, and moves go on from there.
 * Ignored with the other seek bits. */
SCENARIO(seek_check_uniqueness_returns_345_for_a_single_match, "api JetSeek") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    nav_insert_pairs(env.sesid, t);
    /* The unique clustered index. */
    EXPECT_ERR(nav_seek(env.sesid, t, 2, JET_bitSeekEQ | JET_bitCheckUniqueness), JET_wrnUniqueKey);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 3);
    EXPECT_ERR(nav_seek(env.sesid, t, 5, JET_bitSeekEQ | JET_bitCheckUniqueness), JET_wrnUniqueKey); /* the last */
    EXPECT_KEY(env.sesid, t, 5);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 4);
    EXPECT_ERR(nav_seek(env.sesid, t, 9, JET_bitSeekEQ | JET_bitCheckUniqueness), JET_errRecordNotFound);
    EXPECT_ERR(nav_seek(env.sesid, t, 2, JET_bitSeekGE | JET_bitCheckUniqueness), JET_errSuccess);
    EXPECT_ERR(nav_seek(env.sesid, t, 2, JET_bitSeekLE | JET_bitCheckUniqueness), JET_errSuccess);
    /* With SetIndexRange the range is set as usual. */
    EXPECT_ERR(nav_seek(env.sesid, t, 3, JET_bitSeekEQ | JET_bitSetIndexRange | JET_bitCheckUniqueness),
               JET_wrnUniqueKey);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
    /* A non-unique index: (10,100) pk 1, (20,200) pk 2 and 5, (20,201) pk 4, (30,200) pk 3. */
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    f_key2(env.sesid, t, 20, 200);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ | JET_bitCheckUniqueness), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 5);
    f_key2(env.sesid, t, 20, 201);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ | JET_bitCheckUniqueness), JET_wrnUniqueKey);
    EXPECT_KEY(env.sesid, t, 4);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 3);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 4);
    /* A key of fewer segments: three entries begin with 20, one with 10. */
    f_key(env.sesid, t, 20);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ | JET_bitCheckUniqueness), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    f_key(env.sesid, t, 10);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ | JET_bitCheckUniqueness), JET_wrnUniqueKey);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 2);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(seek_eq_with_set_index_range_walks_the_equal_entries, "api JetSeek") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    for (int32_t k = 1; k <= 3; k++) f_insert(env.sesid, t, k);
    int32_t row[3];
    EXPECT_ERR(nav_seek(env.sesid, t, 2, JET_bitSeekEQ | JET_bitSetIndexRange), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(f_read(env.sesid, t, row), JET_errNoCurrentRecord);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 3); /* the range is gone */
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 2);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 3);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);

    /* Secondary variant. */
    t = nav_in_transaction(&env);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithoutprimary"), JET_errSuccess);
    nav_insert_pairs(env.sesid, t);
    f_key2(env.sesid, t, 20, 200);
    EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ | JET_bitSetIndexRange), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 5);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 3);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 4);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 5);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 4);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetSetIndexRange
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(set_index_range_lower_upper_inclusive_remove_instant, "api JetSetIndexRange") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    int32_t row[3];
    EXPECT_ERR(nav_range(env.sesid, t, 1, 0), JET_errNoCurrentRecord);
    for (int32_t k = 1; k <= 4; k++) f_insert(env.sesid, t, k);

    /* (a) lower, exclusive */
    EXPECT_ERR(nav_seek(env.sesid, t, 3, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 1, 0), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 3);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 2);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(f_read(env.sesid, t, row), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 1);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 2);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 1);

    /* (b) upper, exclusive */
    EXPECT_ERR(nav_seek(env.sesid, t, 2, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 4, JET_bitRangeUpperLimit), JET_errSuccess);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 3);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 4);

    /* (c) lower, inclusive */
    EXPECT_ERR(nav_seek(env.sesid, t, 3, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 2, JET_bitRangeInclusive), JET_errSuccess);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 2);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MovePrevious, 0), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 1);

    /* (d) upper, inclusive */
    EXPECT_ERR(nav_seek(env.sesid, t, 2, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 3, JET_bitRangeInclusive | JET_bitRangeUpperLimit), JET_errSuccess);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 3);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 4);

    /* (e) removed */
    EXPECT_ERR(nav_seek(env.sesid, t, 3, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 1, 0), JET_errSuccess);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 2);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeRemove), JET_errSuccess);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 1);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 2);

    /* (f) instant duration: checked, then gone */
    EXPECT_ERR(nav_seek(env.sesid, t, 3, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 1, JET_bitRangeInstantDuration), JET_errSuccess);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 2);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 1);
    EXPECT_MOVE(env.sesid, t, JET_MoveNext, 0, 2);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(set_index_range_without_key_or_range_and_outside, "api JetSetIndexRange") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, 0), JET_errKeyNotMade);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeRemove), JET_errInvalidOperation);
    for (int32_t k = 1; k <= 3; k++) f_insert(env.sesid, t, k);
    /* The current entry outside the range: -1603, the range is removed. */
    EXPECT_ERR(nav_seek(env.sesid, t, 3, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 2, JET_bitRangeUpperLimit), JET_errNoCurrentRecord);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeRemove), JET_errInvalidOperation);
    /* An empty range: lower exclusive limit equal to the current key. */
    EXPECT_ERR(nav_seek(env.sesid, t, 1, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 1, 0), JET_errNoCurrentRecord);
    /* The search key is consumed. */
    EXPECT_ERR(nav_seek(env.sesid, t, 1, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, 3, JET_bitRangeUpperLimit), JET_errSuccess);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeUpperLimit), JET_errKeyNotMade);
    /* MoveFirst/MoveLast remove it. */
    EXPECT_MOVE(env.sesid, t, JET_MoveLast, 0, 3);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeRemove), JET_errInvalidOperation);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetRetrieveKey
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(retrieve_key_make_normalized_key_seek_round_trip, "api JetRetrieveKey") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_keys(&env, -2, 2);
    const char *indexes[3] = {NULL, "secondarywithprimary", "secondarywithoutprimary"};
    for (int i = 0; i < 3; i++) {
        EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, indexes[i]), JET_errSuccess);
        EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
        EXPECT_ERR(JetMove(env.sesid, t, 3, 0), JET_errSuccess);
        int32_t row[3];
        EXPECT_ERR(f_read(env.sesid, t, row), JET_errSuccess);
        unsigned char key[JET_cbKeyMost + 1];
        unsigned long cb = 0;
        EXPECT_ERR(JetRetrieveKey(env.sesid, t, key, sizeof key, &cb, 0), JET_errSuccess);
        EXPECT(cb > 0 && cb <= JET_cbKeyMost);
        if (i == 0) EXPECT_EQ_UL(cb, 5); /* header byte + 4 bytes of a Long */
        if (i > 0) EXPECT_EQ_UL(cb, 10); /* two Long segments, without the primary key */
        EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
        EXPECT_ERR(JetMakeKey(env.sesid, t, key, cb, JET_bitNewKey | JET_bitNormalizedKey), JET_errSuccess);
        EXPECT_ERR(JetSeek(env.sesid, t, JET_bitSeekEQ), JET_errSuccess);
        EXPECT_KEY(env.sesid, t, row[0]);
        /* RetrieveCopy gives the search key being built. */
        EXPECT_ERR(JetRetrieveKey(env.sesid, t, key, sizeof key, &cb, JET_bitRetrieveCopy), JET_errKeyNotMade);
        int32_t d = row[1];
        EXPECT_ERR(JetMakeKey(env.sesid, t, i == 0 ? &row[0] : &d, 4, JET_bitNewKey), JET_errSuccess);
        unsigned char made[JET_cbKeyMost + 1];
        unsigned long cbMade = 0;
        EXPECT_ERR(JetRetrieveKey(env.sesid, t, made, sizeof made, &cbMade, JET_bitRetrieveCopy), JET_errSuccess);
        EXPECT_EQ_UL(cbMade, 5);
        EXPECT(memcmp(made, key, 5) == 0);
    }
}

SCENARIO(retrieve_key_buffer_truncation_is_a_warning, "api JetRetrieveKey") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 7);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    unsigned char key[8];
    unsigned long cb = 0;
    EXPECT_ERR(JetRetrieveKey(env.sesid, t, NULL, 0, &cb, 0), JET_wrnBufferTruncated);
    EXPECT_EQ_UL(cb, 5);
    EXPECT_ERR(JetRetrieveKey(env.sesid, t, key, 2, &cb, 0), JET_wrnBufferTruncated);
    EXPECT_EQ_UL(cb, 5);
    EXPECT_ERR(JetRetrieveKey(env.sesid, t, key, sizeof key, &cb, 0), JET_errSuccess);
    /* Long keys sort by signed value: the sign bit is flipped. */
    EXPECT(key[0] == 0x7F && key[1] == 0x80 && key[2] == 0 && key[3] == 0 && key[4] == 7);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetGetBookmark, JetGotoBookmark
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(bookmarks_on_the_primary_and_a_secondary_index, "api JetGetBookmark") {
    isam_env env = isam_open();
    JET_TABLEID t = nav_in_transaction(&env);
    unsigned char bm[8], bm2[8];
    unsigned long cb = 0, cb2 = 0;
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(f_insert_bm(env.sesid, t, 2, 20, 200, bm, sizeof bm, &cb), JET_errSuccess);
    f_insert(env.sesid, t, 3);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 1);
    EXPECT_ERR(JetGetBookmark(env.sesid, t, bm2, 5, &cb2), JET_errSuccess);
    EXPECT_EQ_UL(cb2, 5);
    EXPECT_MOVE(env.sesid, t, JET_MoveLast, 0, 3);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm2, cb2), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_ERR(JetRollback(env.sesid, 0), JET_errSuccess);

    t = nav_in_transaction(&env);
    f_insert3(env.sesid, t, 2, 10, 0);
    EXPECT_ERR(f_insert_bm(env.sesid, t, 1, 10, 0, bm, sizeof bm, &cb), JET_errSuccess);
    f_insert3(env.sesid, t, -3, 30, 0);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 1);
    EXPECT_MOVE(env.sesid, t, JET_MovePrevious, 0, 2); /* columnkey is descending in this index */
    EXPECT_ERR(JetGetBookmark(env.sesid, t, bm2, sizeof bm2, &cb2), JET_errSuccess);
    EXPECT_EQ_UL(cb2, 5); /* the primary key, never the secondary key */
    EXPECT_MOVE(env.sesid, t, JET_MoveLast, 0, -3);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm2, cb2), JET_errSuccess);
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetCommitTransaction(env.sesid, 0), JET_errSuccess);
}

SCENARIO(get_bookmark_small_buffer_is_an_error, "api JetGetBookmark") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    f_insert(env.sesid, t, 1);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveFirst, 0), JET_errSuccess);
    unsigned char bm[8], full[8];
    unsigned long cb = 0;
    EXPECT_ERR(JetGetBookmark(env.sesid, t, full, sizeof full, &cb), JET_errSuccess);
    memset(bm, 0xEE, sizeof bm);
    EXPECT_ERR(JetGetBookmark(env.sesid, t, bm, 3, &cb), JET_errBufferTooSmall);
    EXPECT_EQ_UL(cb, 5);
    EXPECT(memcmp(bm, full, 3) == 0 && bm[3] == 0xEE);
}

SCENARIO(goto_bookmark_checks, "api JetGotoBookmark") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    unsigned char bm[8];
    unsigned long cb = 0;
    EXPECT_ERR(f_insert_bm(env.sesid, t, 1, 10, 100, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, NULL, 0), JET_errInvalidBookmark);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, 0), JET_errInvalidBookmark);
    unsigned char other[5] = {0x7F, 0x80, 0, 0, 9};
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, other, sizeof other), JET_errRecordDeleted);
    unsigned char junk[3] = {1, 2, 3};
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, junk, sizeof junk), JET_errRecordDeleted);
    /* A prepared update is cancelled. */
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, NULL, 0, NULL), JET_errUpdateNotPrepared);
    /* A record without an entry in the current index (NULL key, IgnoreNull index). */
    static const char k[] = "+columndata2\0";
    EXPECT_ERR(JetCreateIndexA(env.sesid, t, "d2", JET_bitIndexIgnoreNull, k, sizeof k, 0), JET_errSuccess);
    EXPECT_ERR(JetPrepareUpdate(env.sesid, t, JET_prepInsert), JET_errSuccess);
    EXPECT_ERR(set_long(env.sesid, t, F.key, 5), JET_errSuccess);
    EXPECT_ERR(JetUpdate(env.sesid, t, bm, sizeof bm, &cb), JET_errSuccess);
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "d2"), JET_errSuccess);
    EXPECT_ERR(JetGotoBookmark(env.sesid, t, bm, cb), JET_errNoCurrentRecord);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetIndexRecordCount
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(index_record_count_from_the_current_entry_to_the_range, "api JetIndexRecordCount") {
    isam_env env = isam_open();
    JET_TABLEID t = f_create(env.sesid, env.dbid);
    const int32_t n = 12;
    for (int32_t k = 0; k < n; k++) f_insert(env.sesid, t, k);
    t = nav_reopen(&env, t);
    unsigned long count = 99;
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, NULL, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &count, 0), JET_errSuccess);
    EXPECT_EQ_UL(count, n);
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &count, n - 1), JET_errSuccess);
    EXPECT_EQ_UL(count, n - 1);
    EXPECT_ERR(nav_seek(env.sesid, t, 2, JET_bitSeekEQ), JET_errSuccess);
    EXPECT_ERR(nav_range(env.sesid, t, n - 2, JET_bitRangeUpperLimit), JET_errSuccess);
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &count, 0), JET_errSuccess);
    EXPECT_EQ_UL(count, n - 4);
    /* The cursor is back where it was, and the range is gone. */
    EXPECT_KEY(env.sesid, t, 2);
    EXPECT_ERR(JetSetIndexRange(env.sesid, t, JET_bitRangeRemove), JET_errInvalidOperation);
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &count, 0), JET_errSuccess);
    EXPECT_EQ_UL(count, n - 2);
    /* Not on an entry. */
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveLast, 0), JET_errSuccess);
    EXPECT_ERR(JetMove(env.sesid, t, JET_MoveNext, 0), JET_errNoCurrentRecord);
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &count, 0), JET_errNoCurrentRecord);
    EXPECT_EQ_UL(count, 0);
    /* A secondary index counts its entries. */
    EXPECT_ERR(JetSetCurrentIndexA(env.sesid, t, "secondarywithprimary"), JET_errSuccess);
    EXPECT_ERR(JetIndexRecordCount(env.sesid, t, &count, 0), JET_errSuccess);
    EXPECT_EQ_UL(count, n);
}
