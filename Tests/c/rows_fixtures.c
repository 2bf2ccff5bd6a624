/* The orders table, the recording writer and the state check of the end-to-end ISAM scenarios (rows_fixtures.h). */
#define _GNU_SOURCE
#include "rows_fixtures.h"

#include <errno.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* ---- Table ------------------------------------------------------------------------------------------------- */

static JET_COLUMNID or_add_column(JET_SESID sesid, JET_TABLEID t, const char *name, JET_COLTYP coltyp,
                               unsigned long cbMax, JET_GRBIT grbit) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = coltyp;
    def.cbMax = cbMax;
    def.cp = coltyp == JET_coltypText ? 1252 : 0;
    def.grbit = grbit;
    JET_COLUMNID id = 0;
    EXPECT_ERR(JetAddColumnA(sesid, t, name, &def, NULL, 0, &id), JET_errSuccess);
    return id;
}

void or_create_table(JET_SESID sesid, JET_DBID dbid) {
    JET_TABLEID t = 0;
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetCreateTableA(sesid, dbid, "orders", 16, 100, &t), JET_errSuccess);
    or_add_column(sesid, t, "id", JET_coltypLong, 0, JET_bitColumnFixed | JET_bitColumnNotNULL);
    or_add_column(sesid, t, "amount", JET_coltypLong, 0, JET_bitColumnFixed);
    or_add_column(sesid, t, "note", JET_coltypText, OR_NOTE, 0);
    static const char primary[] = "+id\0";
    static const char by_amount[] = "+amount\0";
    EXPECT_ERR(JetCreateIndexA(sesid, t, "primary", JET_bitIndexPrimary, primary, sizeof primary, 100), JET_errSuccess);
    EXPECT_ERR(JetCreateIndexA(sesid, t, "by_amount", 0, by_amount, sizeof by_amount, 100), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(sesid, t), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
}

static JET_COLUMNID column_id(JET_SESID sesid, JET_TABLEID t, const char *name) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    EXPECT_ERR(JetGetTableColumnInfoA(sesid, t, name, &def, sizeof def, JET_ColInfo), JET_errSuccess);
    return def.columnid;
}

JET_TABLEID or_open(JET_SESID sesid, JET_DBID dbid, or_columns *cols) {
    JET_TABLEID t = 0;
    EXPECT_ERR(JetOpenTableA(sesid, dbid, "orders", NULL, 0, 0, &t), JET_errSuccess);
    cols->id = column_id(sesid, t, "id");
    cols->amount = column_id(sesid, t, "amount");
    cols->note = column_id(sesid, t, "note");
    return t;
}

void or_note(int32_t id, uint32_t version, char out[OR_NOTE]) {
    char head[40];
    int n = snprintf(head, sizeof head, "order %010d version %010u ", (int)id, (unsigned)version);
    memcpy(out, head, (size_t)n);
    uint32_t x = (uint32_t)id * 2654435761u ^ version * 40503u;
    for (int i = n; i < OR_NOTE; i++) {
        x = x * 1103515245u + 12345u;
        out[i] = (char)('a' + (x >> 16) % 26);
    }
}

static JET_ERR set_row(JET_SESID sesid, JET_TABLEID t, const or_columns *c, int32_t amount, uint32_t version,
                       int32_t id) {
    char note[OR_NOTE];
    or_note(id, version, note);
    JET_ERR err = JetSetColumn(sesid, t, c->amount, &amount, sizeof amount, 0, NULL);
    if (err >= 0) err = JetSetColumn(sesid, t, c->note, note, OR_NOTE, 0, NULL);
    if (err >= 0) err = JetUpdate(sesid, t, NULL, 0, NULL);
    if (err < 0) JetPrepareUpdate(sesid, t, JET_prepCancel);
    return err;
}

JET_ERR or_insert(JET_SESID sesid, JET_TABLEID t, const or_columns *c, int32_t id, int32_t amount, uint32_t version) {
    JET_ERR err = JetPrepareUpdate(sesid, t, JET_prepInsert);
    if (err < 0) return err;
    err = JetSetColumn(sesid, t, c->id, &id, sizeof id, 0, NULL);
    if (err < 0) {
        JetPrepareUpdate(sesid, t, JET_prepCancel);
        return err;
    }
    return set_row(sesid, t, c, amount, version, id);
}

static JET_ERR seek_id(JET_SESID sesid, JET_TABLEID t, int32_t id) {
    JET_ERR err = JetMakeKey(sesid, t, &id, sizeof id, JET_bitNewKey);
    return err < 0 ? err : JetSeek(sesid, t, JET_bitSeekEQ);
}

JET_ERR or_update(JET_SESID sesid, JET_TABLEID t, const or_columns *c, int32_t id, int32_t amount, uint32_t version) {
    JET_ERR err = seek_id(sesid, t, id);
    if (err < 0) return err;
    err = JetPrepareUpdate(sesid, t, JET_prepReplace);
    return err < 0 ? err : set_row(sesid, t, c, amount, version, id);
}

JET_ERR or_delete(JET_SESID sesid, JET_TABLEID t, int32_t id) {
    JET_ERR err = seek_id(sesid, t, id);
    return err < 0 ? err : JetDelete(sesid, t);
}

/* One fixed-size column of the current record. */
static void retrieve(JET_SESID sesid, JET_TABLEID t, JET_COLUMNID col, void *p, unsigned long cb) {
    unsigned long actual = 0;
    EXPECT_ERR(JetRetrieveColumn(sesid, t, col, p, cb, &actual, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(actual, cb);
}

void or_read(JET_SESID sesid, JET_DBID dbid, or_state *out) {
    memset(out, 0, sizeof *out);
    or_columns c;
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    JET_TABLEID t = or_open(sesid, dbid, &c);
    int32_t last = 0;
    for (JET_ERR err = JetMove(sesid, t, JET_MoveFirst, 0); err != JET_errNoCurrentRecord;
         err = JetMove(sesid, t, JET_MoveNext, 0)) {
        EXPECT_ERR(err, JET_errSuccess);
        int32_t id = 0, amount = 0;
        char note[OR_NOTE + 1], expected[OR_NOTE];
        retrieve(sesid, t, c.id, &id, sizeof id);
        retrieve(sesid, t, c.amount, &amount, sizeof amount);
        retrieve(sesid, t, c.note, note, OR_NOTE);
        if (id <= last || id > OR_KEYS) harness_fail(__FILE__, __LINE__, "id %d after %d in key order", id, last);
        note[OR_NOTE] = '\0';
        unsigned version = 0;
        EXPECT(sscanf(note, "order %*d version %u ", &version) == 1);
        or_note(id, version, expected);
        if (memcmp(note, expected, OR_NOTE) != 0) harness_fail(__FILE__, __LINE__, "row %d: note is damaged", id);
        out->rows[id] = (or_row){1, amount, version};
        last = id;
    }
    EXPECT_ERR(JetCloseTable(sesid, t), JET_errSuccess);
    EXPECT_ERR(JetRollback(sesid, 0), JET_errSuccess);
}

unsigned long or_count(const or_state *s) {
    unsigned long n = 0;
    for (int id = 1; id <= OR_KEYS; id++) n += s->rows[id].present;
    return n;
}

static unsigned long long fnv(unsigned long long h, const void *p, size_t cb) {
    const unsigned char *b = p;
    for (size_t i = 0; i < cb; i++) h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

unsigned long long or_checksum(const or_state *s) {
    unsigned long long h = 14695981039346656037ull;
    for (int32_t id = 1; id <= OR_KEYS; id++) {
        if (!s->rows[id].present) continue;
        char note[OR_NOTE];
        or_note(id, s->rows[id].version, note);
        h = fnv(h, &id, sizeof id);
        h = fnv(h, &s->rows[id].amount, sizeof s->rows[id].amount);
        h = fnv(h, note, sizeof note);
    }
    return h;
}

/* ---- History ----------------------------------------------------------------------------------------------- */

or_history *or_history_new(void) {
    void *p = mmap(NULL, sizeof(or_history), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    EXPECT(p != MAP_FAILED);
    return p;
}

static int history_has_room(const or_history *h, int n) {
    return h->committed + 1 < OR_MAX_TXNS && h->nops + (uint32_t)n <= OR_MAX_OPS;
}

void or_history_begin(or_history *h, const or_op *ops, int n) {
    EXPECT(history_has_room(h, n));
    memcpy(&h->ops[h->nops], ops, (size_t)n * sizeof *ops);
    h->txn_end[h->committed + 1] = h->nops + (uint32_t)n;
    __atomic_store_n(&h->pending, h->committed + 1, __ATOMIC_RELEASE);
}

void or_history_commit(or_history *h, int lazy) {
    uint32_t k = h->committed + 1;
    h->nops = h->txn_end[k];
    __atomic_store_n(&h->committed, k, __ATOMIC_RELEASE);
    /* A flushed commit makes every earlier lazy one durable too. */
    if (!lazy) __atomic_store_n(&h->durable, k, __ATOMIC_RELEASE);
}

void or_history_abandon(or_history *h) { __atomic_store_n(&h->pending, h->committed, __ATOMIC_RELEASE); }

uint32_t or_committed(const or_history *h) { return __atomic_load_n(&h->committed, __ATOMIC_ACQUIRE); }
uint32_t or_durable(const or_history *h) { return __atomic_load_n(&h->durable, __ATOMIC_ACQUIRE); }

static void apply(or_state *s, const or_op *op) {
    or_row *r = &s->rows[op->id];
    if (op->kind == OR_DELETE)
        r->present = 0;
    else
        *r = (or_row){1, op->amount, op->version};
}

void or_apply_txn(const or_history *h, uint32_t k, or_state *s) {
    for (uint32_t i = h->txn_end[k - 1]; i < h->txn_end[k]; i++) apply(s, &h->ops[i]);
}

void or_state_at(const or_history *h, uint32_t k, or_state *out) {
    memset(out, 0, sizeof *out);
    for (uint32_t i = 1; i <= k; i++) or_apply_txn(h, i, out);
}

void or_populate(JET_SESID sesid, JET_TABLEID t, const or_columns *c, or_history *h, int n) {
    or_op *ops = calloc((size_t)n, sizeof *ops);
    EXPECT(ops != NULL && n <= OR_KEYS);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    for (int32_t id = 1; id <= n; id++) {
        ops[id - 1] = (or_op){id, OR_INSERT, id * 10, 1};
        EXPECT_ERR(or_insert(sesid, t, c, id, id * 10, 1), JET_errSuccess);
    }
    or_history_begin(h, ops, n);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
    or_history_commit(h, 0);
    free(ops);
}

/* ---- Writer ------------------------------------------------------------------------------------------------ */

static uint32_t next_random(unsigned *seed) {
    uint32_t x = *seed ? *seed : 0x9E3779B9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *seed = x;
    return x;
}

/* One transaction: 1-4 changes, then commit (lazily one time in four) or, one time in eight, rollback. The
 * writer's view `s` is the committed state (it is the only writer); `undo` restores it after a rollback. */
static JET_ERR writer_transaction(or_writer *w, JET_SESID sesid, JET_TABLEID t, const or_columns *c, or_state *s,
                                  uint32_t keys) {
    or_op ops[4];
    or_row undo[4];
    int n = 1 + (int)(next_random(&w->seed) % 4);
    if (!history_has_room(w->h, n)) return JET_errOutOfMemory;
    JET_ERR err = JetBeginTransaction(sesid);
    if (err < 0) return err;
    for (int i = 0; i < n && err >= 0; i++) {
        int32_t id = (int32_t)(1 + next_random(&w->seed) % keys);
        or_row *r = &s->rows[id];
        int32_t amount = (int32_t)(next_random(&w->seed) % 100000);
        uint32_t version = r->version + 1;
        undo[i] = *r;
        if (!r->present) {
            ops[i] = (or_op){id, OR_INSERT, amount, version};
            err = or_insert(sesid, t, c, id, amount, version);
        } else if (next_random(&w->seed) % 3 == 0) {
            ops[i] = (or_op){id, OR_DELETE, 0, r->version};
            err = or_delete(sesid, t, id);
        } else {
            ops[i] = (or_op){id, OR_UPDATE, amount, version};
            err = or_update(sesid, t, c, id, amount, version);
        }
        apply(s, &ops[i]); /* a delete keeps the version, so a later insert of the id writes a new note */
    }
    int rollback = err < 0 || next_random(&w->seed) % 8 == 0;
    int lazy = next_random(&w->seed) % 4 == 0;
    if (!rollback) {
        or_history_begin(w->h, ops, n);
        JET_ERR committed = JetCommitTransaction(sesid, lazy ? JET_bitCommitLazyFlush : 0);
        if (committed == JET_errSuccess) {
            or_history_commit(w->h, lazy);
            return JET_errSuccess;
        }
        or_history_abandon(w->h);
        err = committed;
    }
    for (int i = n - 1; i >= 0; i--) s->rows[ops[i].id] = undo[i];
    JET_ERR rolled = JetRollback(sesid, 0);
    if (err >= 0) w->rollbacks++;
    return err < 0 ? err : rolled;
}

JET_ERR or_writer_run(or_writer *w, long n) {
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    or_columns c;
    JET_ERR err = JetBeginSessionA(w->inst, &sesid, "", "");
    if (err < 0) return err;
    err = JetOpenDatabaseA(sesid, w->db, NULL, &dbid, 0);
    if (err < 0) return err;
    JET_TABLEID t = or_open(sesid, dbid, &c);
    or_state *s = malloc(sizeof *s);
    EXPECT(s != NULL);
    or_state_at(w->h, or_committed(w->h), s);
    /* ids over twice the rows present: about as many inserts as updates and deletes */
    unsigned long present = or_count(s);
    uint32_t keys = present < 32 ? 64 : present * 2 > OR_KEYS ? OR_KEYS : (uint32_t)(present * 2);
    for (long i = 0; (n < 0 || i < n) && !__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE); i++) {
        err = writer_transaction(w, sesid, t, &c, s, keys);
        if (err == JET_errOutOfMemory) { /* the history is full: the writer has done enough */
            err = JET_errSuccess;
            break;
        }
        if (err < 0) break;
    }
    free(s);
    JetCloseTable(sesid, t);
    JetEndSession(sesid, 0);
    return err;
}

static void *writer_thread(void *p) {
    or_writer *w = p;
    JET_ERR err = or_writer_run(w, -1);
    __atomic_store_n(&w->failure, err, __ATOMIC_RELEASE);
    __atomic_store_n(&w->stop, 1, __ATOMIC_RELEASE);
    return NULL;
}

void or_writer_start(or_writer *w, JET_INSTANCE inst, const char *db, or_history *h, unsigned seed) {
    memset(w, 0, sizeof *w);
    w->inst = inst;
    w->db = db;
    w->h = h;
    w->seed = seed;
    EXPECT(pthread_create(&w->thread, NULL, writer_thread, w) == 0);
}

void or_writer_wait(or_writer *w, uint32_t n) {
    uint32_t target = or_committed(w->h) + n;
    while (or_committed(w->h) < target && !__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE)) {
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
}

void or_writer_stop(or_writer *w) {
    __atomic_store_n(&w->stop, 1, __ATOMIC_RELEASE);
    EXPECT(pthread_join(w->thread, NULL) == 0);
    EXPECT_ERR(__atomic_load_n(&w->failure, __ATOMIC_ACQUIRE), JET_errSuccess);
}

/* ---- The check --------------------------------------------------------------------------------------------- */

static int first_difference(const or_state *a, const or_state *b) {
    for (int id = 1; id <= OR_KEYS; id++)
        if (a->rows[id].present != b->rows[id].present ||
            (a->rows[id].present && (a->rows[id].amount != b->rows[id].amount ||
                                     a->rows[id].version != b->rows[id].version)))
            return id;
    return 0;
}

uint32_t or_expect_state_in_(const or_history *h, const or_state *got, uint32_t lo, uint32_t hi, const char *file,
                             int line) {
    uint32_t last = or_committed(h), pending = __atomic_load_n(&h->pending, __ATOMIC_ACQUIRE);
    if (pending > last) last = pending;
    if (hi > last) hi = last;
    if (lo > hi) harness_fail(file, line, "empty window [%u, %u]", lo, hi);
    or_state *s = malloc(sizeof *s);
    EXPECT(s != NULL);
    or_state_at(h, lo, s);
    int first = first_difference(got, s);
    for (uint32_t k = lo;; k++) {
        if (first_difference(got, s) == 0) {
            free(s);
            return k;
        }
        if (k == hi) break;
        or_apply_txn(h, k + 1, s);
    }
    free(s);
    const or_row *r = &got->rows[first];
    harness_fail(file, line,
                 "the table (%lu rows) is none of the committed states %u..%u; first difference from state %u at "
                 "id %d (got present %d amount %d version %u)",
                 or_count(got), lo, hi, lo, first, r->present, (int)r->amount, (unsigned)r->version);
}

void or_read_database(const char *db, or_state *out) {
    JET_INSTANCE inst = 0;
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "rowcheck"), JET_errSuccess);
    set_paths(&inst, path_in_dir("rowcheck"));
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), JET_errSuccess);
    EXPECT_ERR(JetOpenDatabaseA(sesid, db, NULL, &dbid, 0), JET_errSuccess);
    or_read(sesid, dbid, out);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}
