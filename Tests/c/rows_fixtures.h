/* Shared fixtures of the end-to-end ISAM scenarios (Tests/c/test_isam_roundtrip.c): an "orders" table, a writer
 * that keeps inserting, updating and deleting rows in transactions and records what it committed, and a check that a
 * restored or recovered table holds exactly one of the committed states in a window.
 *
 * The table: "orders" with `id` (Long, NOT NULL, primary index "primary" = +id), `amount` (Long, secondary index
 * "by_amount" = +amount) and `note` (Text, 100 bytes, code page 1252). A row's note is derived from its id and a
 * version number, so a state is (present, amount, version) per id.
 *
 * The history: every committed transaction, in commit order, as the list of its row changes. State k is the table
 * after the first k transactions. It lives in shared memory (MAP_SHARED), so a killed child's commits are known to
 * its parent. Only one writer appends; readers take `committed` (release/acquire) and read transactions below it.
 */
#ifndef ESENT_TEST_ROWS_FIXTURES_H
#define ESENT_TEST_ROWS_FIXTURES_H

#include "harness.h"

#include <pthread.h>
#include <stdint.h>

#define OR_NOTE 100         /* bytes of the note column, always written whole */
#define OR_KEYS 16384       /* ids are 1..OR_KEYS */
#define OR_MAX_OPS 400000   /* row changes the history can hold */
#define OR_MAX_TXNS 100000  /* transactions the history can hold */

typedef struct {
    JET_COLUMNID id, amount, note;
} or_columns;

typedef struct {
    uint8_t present;
    int32_t amount;
    uint32_t version;
} or_row;

/* A table state: rows[id] for id 1..OR_KEYS (rows[0] unused). */
typedef struct {
    or_row rows[OR_KEYS + 1];
} or_state;

enum { OR_INSERT = 1, OR_UPDATE = 2, OR_DELETE = 3 };

typedef struct {
    int32_t id, kind, amount;
    uint32_t version;
} or_op;

typedef struct {
    uint32_t committed;               /* transactions committed (their commit call returned 0) */
    uint32_t durable;                 /* transactions up to which every commit was flushed (not lazy) */
    uint32_t pending;                 /* committed + 1 while a commit call is under way, else committed */
    uint32_t nops;
    uint32_t txn_end[OR_MAX_TXNS];    /* ops of transaction i are [txn_end[i-1], txn_end[i]) */
    or_op ops[OR_MAX_OPS];
} or_history;

/* ---- Table ------------------------------------------------------------------------------------------------- */

/* Creates the orders table (columns and both indexes) in its own transaction; closes it again. */
void or_create_table(JET_SESID sesid, JET_DBID dbid);
/* Opens the orders table and looks up its column ids. */
JET_TABLEID or_open(JET_SESID sesid, JET_DBID dbid, or_columns *cols);
/* The note of (id, version): 100 printable bytes. */
void or_note(int32_t id, uint32_t version, char out[OR_NOTE]);
/* Row changes through the standard calls (seek by primary key, prepare, set, update / delete); return the first
 * error. */
JET_ERR or_insert(JET_SESID sesid, JET_TABLEID t, const or_columns *c, int32_t id, int32_t amount, uint32_t version);
JET_ERR or_update(JET_SESID sesid, JET_TABLEID t, const or_columns *c, int32_t id, int32_t amount, uint32_t version);
JET_ERR or_delete(JET_SESID sesid, JET_TABLEID t, int32_t id);
/* Reads the whole table in primary-key order into `out` (inside a transaction rolled back at the end). Fails the
 * scenario if ids do not rise strictly, a value has the wrong size, or a note is not the one of its version. */
void or_read(JET_SESID sesid, JET_DBID dbid, or_state *out);
/* Rows present; FNV-1a 64 of the rows in key order (id, amount, note). */
unsigned long or_count(const or_state *s);
unsigned long long or_checksum(const or_state *s);

/* ---- History and writer ------------------------------------------------------------------------------------ */

/* A zeroed history in shared anonymous memory (survives fork; unmapped at exit). */
or_history *or_history_new(void);
/* Before the commit call: records the transaction's `n` ops as pending (a crash or a backup may catch the commit
 * before the call returns). After it: or_history_commit publishes it (`lazy` keeps `durable` where it was), or
 * or_history_abandon forgets it. */
void or_history_begin(or_history *h, const or_op *ops, int n);
void or_history_commit(or_history *h, int lazy);
void or_history_abandon(or_history *h);
uint32_t or_committed(const or_history *h);
uint32_t or_durable(const or_history *h);
/* State k: the first k transactions applied to an empty table. */
void or_state_at(const or_history *h, uint32_t k, or_state *out);
/* Applies transaction k (1-based) to `s`. */
void or_apply_txn(const or_history *h, uint32_t k, or_state *s);

/* Inserts ids 1..n (amount id*10, version 1) in one durable transaction on an open table, recorded in `h`. */
void or_populate(JET_SESID sesid, JET_TABLEID t, const or_columns *c, or_history *h, int n);

/* The writer: its own session on the database, random transactions of 1-4 row changes over ids 1..2n (n: the rows
 * present when it starts), one in eight rolled back (never recorded), one in four committed with
 * JET_bitCommitLazyFlush. */
typedef struct {
    JET_INSTANCE inst;
    const char *db;
    or_history *h;
    unsigned seed;
    volatile int stop;
    JET_ERR failure;   /* first unexpected error; the writer stops there */
    int rollbacks;
    pthread_t thread;
} or_writer;

/* Runs `n` writer transactions on the calling thread (n < 0: until w->stop); returns the first error. */
JET_ERR or_writer_run(or_writer *w, long n);
void or_writer_start(or_writer *w, JET_INSTANCE inst, const char *db, or_history *h, unsigned seed);
/* Waits until at least `n` more transactions are committed (or the writer failed). */
void or_writer_wait(or_writer *w, uint32_t n);
/* Stops and joins the writer; fails the scenario if it hit an error. */
void or_writer_stop(or_writer *w);

/* ---- The check --------------------------------------------------------------------------------------------- */

/* `got` equals state k for some k in [lo, hi] (hi clamped to the last committed or pending transaction); returns
 * that k. Otherwise fails the scenario naming the first difference from state lo. Only once the writer stopped. */
uint32_t or_expect_state_in_(const or_history *h, const or_state *got, uint32_t lo, uint32_t hi, const char *file,
                             int line);
#define or_expect_state_in(h, got, lo, hi) or_expect_state_in_((h), (got), (lo), (hi), __FILE__, __LINE__)

/* Attaches `db` in a fresh instance "check" (files in ./check), reads the orders table, terms. */
void or_read_database(const char *db, or_state *out);

#endif
