/* Fixtures of the tables-and-records scenarios (Tests/c/test_isam_*.c).
 *
 * Fixture F is ManagedEsent's DML fixture without its autoincrement column (autoincrement is not implemented):
 * table "table" with Long columns columnkey, columndata1, columndata2 and three indexes,
 *   "clustered"               +columnkey                 primary
 *   "secondarywithprimary"    +columndata1 -columnkey
 *   "secondarywithoutprimary" +columndata1 +columndata2
 * created with JetCreateTableColumnIndex3A. Every helper fails the scenario on an unexpected result.
 */
#ifndef ESENT_TEST_ISAM_FIXTURES_H
#define ESENT_TEST_ISAM_FIXTURES_H

#include "harness.h"

#include <stdint.h>

/* One instance, one session and one open database, in the scenario's folder. */
typedef struct {
    JET_INSTANCE inst;
    JET_SESID sesid;
    JET_DBID dbid;
    const char *db;
} isam_env;

/* JetInit of instance "isam" and a new database "isam.edb" opened by a first session. */
isam_env isam_open(void);
/* A further session of the same instance with the database open in it (JetOpenDatabase). */
JET_SESID isam_session(const isam_env *env, JET_DBID *pdbid);

/* Column ids of fixture F, filled by f_create. */
typedef struct {
    JET_COLUMNID key, d1, d2;
} f_columns;
extern f_columns F;

/* Creates fixture F (in the caller's transaction, if any) and returns the creating cursor. */
JET_TABLEID f_create(JET_SESID sesid, JET_DBID dbid);
/* Opens "table" of fixture F (shared, updatable). */
JET_TABLEID f_open(JET_SESID sesid, JET_DBID dbid);
/* Insert(k, d1, d2) of fixture F: PrepareUpdate(Insert), three SetColumns, JetUpdate with a bookmark buffer of
 * `cbBm` bytes (bm may be NULL). Returns JetUpdate's result; *pcbActual receives the bookmark length. */
JET_ERR f_insert_bm(JET_SESID sesid, JET_TABLEID t, int32_t k, int32_t d1, int32_t d2, void *bm, unsigned long cbBm,
                    unsigned long *pcbActual);
/* Insert(k, d1, d2) that must succeed with a 5-byte bookmark. */
void f_insert3(JET_SESID sesid, JET_TABLEID t, int32_t k, int32_t d1, int32_t d2);
/* Insert(k) with the defaults d1 = 10k, d2 = 10 d1. */
void f_insert(JET_SESID sesid, JET_TABLEID t, int32_t k);
/* Fixture F with rows (1, 30, 300), (2, 20, 200), (3, 10, 100): the secondary indexes hold them in the reverse
 * of key order. Returns the creating cursor. */
JET_TABLEID f_create_reversed(JET_SESID sesid, JET_DBID dbid);
/* Key(k): JetMakeKey(4-byte k, NewKey). Key2(a, b): MakeKey(a, NewKey), MakeKey(b, 0). */
void f_key(JET_SESID sesid, JET_TABLEID t, int32_t k);
void f_key2(JET_SESID sesid, JET_TABLEID t, int32_t a, int32_t b);
/* Reads the three columns of the current record with JetRetrieveColumns; returns the first negative element
 * error (or the call's), else 0. */
JET_ERR f_read(JET_SESID sesid, JET_TABLEID t, int32_t out[3]);

/* The current record's key column is k. */
#define EXPECT_KEY(sesid, t, k)                                                                                  \
    do {                                                                                                         \
        int32_t isam_row_[3] = {0, 0, 0};                                                                        \
        EXPECT_ERR(f_read((sesid), (t), isam_row_), JET_errSuccess);                                             \
        if (isam_row_[0] != (int32_t)(k))                                                                        \
            harness_fail(__FILE__, __LINE__, "current record has key %d, expected %d", isam_row_[0], (int)(k));  \
    } while (0)

/* The current record is (k, d1, d2). */
#define EXPECT_ROW(sesid, t, k, a, b)                                                                            \
    do {                                                                                                         \
        int32_t isam_row_[3] = {0, 0, 0};                                                                        \
        EXPECT_ERR(f_read((sesid), (t), isam_row_), JET_errSuccess);                                             \
        if (isam_row_[0] != (int32_t)(k) || isam_row_[1] != (int32_t)(a) || isam_row_[2] != (int32_t)(b))       \
            harness_fail(__FILE__, __LINE__, "current record is (%d, %d, %d), expected (%d, %d, %d)",            \
                         isam_row_[0], isam_row_[1], isam_row_[2], (int)(k), (int)(a), (int)(b));                \
    } while (0)

/* The cursor's current index is `index` and it is on no record; JetMove(Next) lands on key k (the index's first
 * entry). */
#define EXPECT_BEFORE_FIRST_ON(sesid, t, index, k)                                                               \
    do {                                                                                                         \
        char isam_index_[JET_cbNameMost + 1];                                                                    \
        int32_t isam_row_[3];                                                                                    \
        EXPECT_ERR(JetGetCurrentIndexA((sesid), (t), isam_index_, sizeof isam_index_), JET_errSuccess);          \
        if (strcmp(isam_index_, (index)) != 0)                                                                   \
            harness_fail(__FILE__, __LINE__, "current index is %s, expected %s", isam_index_, (index));          \
        EXPECT_ERR(f_read((sesid), (t), isam_row_), JET_errNoCurrentRecord);                                     \
        EXPECT_ERR(JetMove((sesid), (t), JET_MoveNext, 0), JET_errSuccess);                                      \
        EXPECT_KEY((sesid), (t), (k));                                                                           \
    } while (0)

/* A table "t" with one Long column "id" (primary key +id) and one variable Text column "name" (cp 1252). */
typedef struct {
    JET_COLUMNID id, name;
} kv_columns;
extern kv_columns KV;
JET_TABLEID kv_create(JET_SESID sesid, JET_DBID dbid, const char *table);
/* Inserts (id, name) into a kv table; returns JetUpdate's result (the update is cancelled on failure). */
JET_ERR kv_insert(JET_SESID sesid, JET_TABLEID t, int32_t id, const char *name);
/* Seeks id with SeekEQ; returns JetSeek's result. */
JET_ERR kv_seek(JET_SESID sesid, JET_TABLEID t, int32_t id);
/* Reads "name" of the current record into buf (NUL-terminated); returns JetRetrieveColumn's result. */
JET_ERR kv_name(JET_SESID sesid, JET_TABLEID t, char *buf, size_t cb);
/* Counts the records of the current index from the first with JetMove (0 when empty). */
unsigned long count_rows(JET_SESID sesid, JET_TABLEID t);

/* Adds a column through JetAddColumnA; returns its result and the id in *pid. */
JET_ERR add_column(JET_SESID sesid, JET_TABLEID t, const char *name, JET_COLTYP coltyp, unsigned long cbMax,
                   JET_GRBIT grbit, JET_COLUMNID *pid);
/* JetCreateIndex2A of one JET_INDEXCREATE_A with these fields (the others 0); returns the call's result, or the
 * index's own err when the call succeeded. */
JET_ERR create_index2(JET_SESID sesid, JET_TABLEID t, const char *name, const char *key, unsigned long cbKey,
                      JET_GRBIT grbit, unsigned long cbKeyMost, unsigned long density);
/* Sets a column to a 4-byte value. */
JET_ERR set_long(JET_SESID sesid, JET_TABLEID t, JET_COLUMNID c, int32_t v);

#endif
