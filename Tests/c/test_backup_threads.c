/* Threads (issue 3 section 2).
 *
 * (a) JetStopBackupInstance from one thread while another loops on JetReadFileInstance: the stop returns at once,
 *     and every call the reader starts after the stop returned gives -801.
 * (b) Four instances back up in a loop, one thread each, while a fifth thread stops one of them at random
 *     moments; 1,000 rounds in all. Every call's result must be one docs/api.md allows at that point:
 *     Begin 0; GetAttachInfo, OpenFile, ReadFile, GetLogInfo, TruncateLog 0 or -801, and -801 for every one of
 *     them once a call of the round returned -801 (the stop holds until End); CloseFile and End always 0.
 *
 * The threads call the API directly: the fixtures keep static buffers and are for the main thread only.
 */
#define _GNU_SOURCE
#include "backup_fixtures.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_us(long us) {
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    while (nanosleep(&ts, &ts) != 0) {
    }
}

/* ---- (a) a stop while another thread reads ---------------------------------------------------------- */

typedef struct {
    JET_INSTANCE inst;
    const char *db;
    unsigned char *buf;
    unsigned long chunk;
    atomic_int reads;         /* successful reads so far */
    atomic_int stop_returned; /* set by the main thread once JetStopBackupInstance returned */
    JET_HANDLE h;
    int open;                 /* the reader's handle is open */
    JET_ERR last;             /* the result that ended the loop */
    char violation[256];
} reader_ctx;

static void *reader(void *arg) {
    reader_ctx *c = arg;
    for (;;) {
        int after = atomic_load(&c->stop_returned);
        JET_ERR err;
        if (!c->open) {
            unsigned long lo = 0, hi = 0;
            err = JetOpenFileInstanceA(c->inst, c->db, &c->h, &lo, &hi);
            if (err == JET_errSuccess) c->open = 1;
        } else {
            unsigned long n = 0;
            err = JetReadFileInstance(c->inst, c->h, c->buf, c->chunk, &n);
            if (err == JET_errSuccess && n == 0) {
                /* end of the stream: close (allowed even after a stop) and open again, so the reader keeps
                 * reading until it is stopped */
                JET_ERR e = JetCloseFileInstance(c->inst, c->h);
                if (e != JET_errSuccess) {
                    snprintf(c->violation, sizeof c->violation, "CloseFile returned %ld", (long)e);
                    c->last = e;
                    return NULL;
                }
                c->open = 0;
            } else if (err == JET_errSuccess) {
                atomic_fetch_add(&c->reads, 1);
            }
        }
        if (err == JET_errSuccess) {
            if (after) {
                snprintf(c->violation, sizeof c->violation, "a call started after the stop returned gave 0");
                c->last = err;
                return NULL;
            }
            continue;
        }
        c->last = err;
        if (err != JET_errBackupAbortByServer)
            snprintf(c->violation, sizeof c->violation, "a backup call returned %ld, expected 0 or -801", (long)err);
        return NULL;
    }
}

SCENARIO(backup_threads_stop_backup_while_another_thread_reads, "issue 3.2") {
    bk_env env;
    reader_ctx c;
    pthread_t t;
    bk_setup_with(&env, "backup", "inst", "data.edb", 1024, 1, -1, 0, NULL); /* 4 MiB */
    bk_begin(&env, 0);
    memset(&c, 0, sizeof c);
    c.inst = env.inst;
    c.db = env.db;
    c.chunk = 64 * BK_PAGE;
    c.buf = aligned_buffer(c.chunk);
    atomic_init(&c.reads, 0);
    atomic_init(&c.stop_returned, 0);
    EXPECT(pthread_create(&t, NULL, reader, &c) == 0);
    double deadline = now() + 30;
    while (atomic_load(&c.reads) < 50 && now() < deadline) sleep_us(100);
    EXPECT(atomic_load(&c.reads) >= 50);
    double t0 = now();
    JET_ERR err = JetStopBackupInstance(env.inst);
    double took = now() - t0;
    atomic_store(&c.stop_returned, 1);
    EXPECT(pthread_join(t, NULL) == 0);
    EXPECT_ERR(err, JET_errSuccess);
    /* A stop that waited for the reader would never return (the reader only ends on -801); this bound catches
     * one that waits for anything else. */
    if (took > 1.0) harness_fail(__FILE__, __LINE__, "JetStopBackupInstance took %.3f s: it must not wait", took);
    if (c.violation[0]) harness_fail(__FILE__, __LINE__, "reader: %s", c.violation);
    EXPECT_ERR(c.last, JET_errBackupAbortByServer);
    /* the reader's next call after the stop - whichever it was - gave -801; and it stays so */
    unsigned long n = 0;
    if (c.open) {
        EXPECT_ERR(JetReadFileInstance(env.inst, c.h, c.buf, c.chunk, &n), JET_errBackupAbortByServer);
        EXPECT_ERR(JetCloseFileInstance(env.inst, c.h), JET_errSuccess);
    }
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errSuccess);
    bk_term(&env);
}

/* ---- (b) four instances, random stops --------------------------------------------------------------- */

#define WORKERS 4
#define ROUNDS_TOTAL 1000

typedef struct {
    bk_env env;
    int index;
    int rounds;
    unsigned char *buf;
    unsigned long chunk;
    int completed;      /* rounds with no -801 */
    int stopped;        /* rounds that saw -801 */
    long calls;
    char violation[512];
    atomic_int done;
} worker_ctx;

/* Checks one result of a round. `always_ok`: CloseFile and End, which must give 0 whatever happened. */
static int check(worker_ctx *w, int round, const char *call, JET_ERR err, int *stopped, int always_ok) {
    w->calls++;
    if (w->violation[0]) return 0;
    int ok;
    if (always_ok) ok = err == JET_errSuccess;
    else if (*stopped) ok = err == JET_errBackupAbortByServer;
    else ok = err == JET_errSuccess || err == JET_errBackupAbortByServer;
    if (!ok) {
        snprintf(w->violation, sizeof w->violation, "instance %d round %d: %s returned %ld%s", w->index, round,
                 call, (long)err, *stopped ? " after an earlier -801 in the round" : "");
        return 0;
    }
    if (err == JET_errBackupAbortByServer) *stopped = 1;
    return 1;
}

/* Streams an open file to its end; returns 0 when a -801 (or a violation) cut it short. */
static int read_all(worker_ctx *w, int round, JET_HANDLE h, int *stopped) {
    for (;;) {
        unsigned long n = 0;
        JET_ERR err = JetReadFileInstance(w->env.inst, h, w->buf, w->chunk, &n);
        if (!check(w, round, "ReadFile", err, stopped, 0) || err != JET_errSuccess) return 0;
        if (n == 0) return 1;
    }
}

static void one_round(worker_ctx *w, int round) {
    JET_INSTANCE inst = w->env.inst;
    int stopped = 0;
    char list[8192];
    unsigned long cb = 0, lo = 0, hi = 0;
    JET_HANDLE h = 0;
    JET_ERR err;

    err = JetBeginExternalBackupInstance(inst, 0);
    if (err != JET_errSuccess) {
        w->calls++;
        if (!w->violation[0])
            snprintf(w->violation, sizeof w->violation, "instance %d round %d: Begin returned %ld", w->index,
                     round, (long)err);
        return;
    }

    memset(list, 0, sizeof list);
    err = JetGetAttachInfoInstanceA(inst, list, sizeof list, &cb);
    check(w, round, "GetAttachInfo", err, &stopped, 0);

    err = JetOpenFileInstanceA(inst, w->env.db, &h, &lo, &hi);
    if (check(w, round, "OpenFile(database)", err, &stopped, 0) && err == JET_errSuccess) {
        read_all(w, round, h, &stopped);
        check(w, round, "CloseFile(database)", JetCloseFileInstance(inst, h), &stopped, 1);
    }

    memset(list, 0, sizeof list);
    err = JetGetLogInfoInstanceA(inst, list, sizeof list, &cb);
    if (check(w, round, "GetLogInfo", err, &stopped, 0) && err == JET_errSuccess) {
        for (const char *p = list; *p; p += strlen(p) + 1) {
            err = JetOpenFileInstanceA(inst, p, &h, &lo, &hi);
            if (check(w, round, "OpenFile(log)", err, &stopped, 0) && err == JET_errSuccess) {
                read_all(w, round, h, &stopped);
                check(w, round, "CloseFile(log)", JetCloseFileInstance(inst, h), &stopped, 1);
            }
        }
    }
    if (stopped) {
        /* once stopped, the calls that were skipped give -801 too */
        check(w, round, "OpenFile(after stop)", JetOpenFileInstanceA(inst, w->env.db, &h, &lo, &hi), &stopped, 0);
        check(w, round, "GetLogInfo(after stop)", JetGetLogInfoInstanceA(inst, list, sizeof list, &cb), &stopped, 0);
    }

    check(w, round, "TruncateLog", JetTruncateLogInstance(inst), &stopped, 0);
    check(w, round, "End", JetEndExternalBackupInstance(inst), &stopped, 1);
    if (stopped) w->stopped++;
    else w->completed++;
}

static void *worker(void *arg) {
    worker_ctx *w = arg;
    for (int r = 0; r < w->rounds && !w->violation[0]; r++) one_round(w, r);
    atomic_store(&w->done, 1);
    return NULL;
}

typedef struct {
    worker_ctx *workers;
    long stops;
    char violation[256];
} stopper_ctx;

static void *stopper(void *arg) {
    stopper_ctx *s = arg;
    unsigned int seed = (unsigned int)time(NULL) ^ 0x5eed;
    for (;;) {
        int running = 0;
        for (int i = 0; i < WORKERS; i++) running += !atomic_load(&s->workers[i].done);
        if (!running) return NULL;
        int i = rand_r(&seed) % WORKERS;
        JET_ERR err = JetStopBackupInstance(s->workers[i].env.inst);
        s->stops++;
        if (err != JET_errSuccess && !s->violation[0])
            snprintf(s->violation, sizeof s->violation, "JetStopBackupInstance returned %ld", (long)err);
        sleep_us(rand_r(&seed) % 2000);
    }
}

SCENARIO(backup_threads_four_instances_with_random_stops, "issue 3.2") {
    static worker_ctx w[WORKERS];
    stopper_ctx s;
    pthread_t threads[WORKERS], stop_thread;
    for (int i = 0; i < WORKERS; i++) {
        char name[32], folder[32];
        snprintf(name, sizeof name, "worker%d", i);
        snprintf(folder, sizeof folder, "w%d", i);
        memset(&w[i], 0, sizeof w[i]);
        bk_setup_with(&w[i].env, name, folder, "data.edb", BK_DB_PAGES, 1, -1, 0, NULL);
        w[i].index = i;
        w[i].rounds = ROUNDS_TOTAL / WORKERS;
        w[i].chunk = 8 * BK_PAGE;
        w[i].buf = aligned_buffer(w[i].chunk);
        atomic_init(&w[i].done, 0);
    }
    memset(&s, 0, sizeof s);
    s.workers = w;
    for (int i = 0; i < WORKERS; i++) EXPECT(pthread_create(&threads[i], NULL, worker, &w[i]) == 0);
    EXPECT(pthread_create(&stop_thread, NULL, stopper, &s) == 0);
    for (int i = 0; i < WORKERS; i++) EXPECT(pthread_join(threads[i], NULL) == 0);
    EXPECT(pthread_join(stop_thread, NULL) == 0);

    int completed = 0, stopped = 0;
    for (int i = 0; i < WORKERS; i++) {
        if (w[i].violation[0]) harness_fail(__FILE__, __LINE__, "%s", w[i].violation);
        completed += w[i].completed;
        stopped += w[i].stopped;
    }
    if (s.violation[0]) harness_fail(__FILE__, __LINE__, "stopper: %s", s.violation);
    EXPECT_EQ_UL(completed + stopped, ROUNDS_TOTAL);
    EXPECT(stopped > 0);   /* the stops did land */
    EXPECT(completed > 0); /* and whole backups got through between them */
    EXPECT(s.stops > 0);
    /* every instance is still healthy: a last full backup, unstopped, completes and truncates */
    for (int i = 0; i < WORKERS; i++) {
        bk_full(&w[i].env, 1, JET_bitBackupEndNormal);
        bk_term(&w[i].env);
    }
}

/* ---- (c) large reads on several instances at once ---------------------------------------------------- */

/* Reads of 1 MiB check their pages on the library's page check thread while reading the next chunk, one reader
 * at a time; the others check alone. Four instances stream at once, three rounds each: every data page comes back
 * as it is in the file, and the instance with a damaged page gets -1018 every round. (Under ThreadSanitizer, the
 * hand-over of pages between the reading thread and the helper.) */
typedef struct {
    JET_INSTANCE inst;
    const char *db;
    const unsigned char *file; /* the database file as it was before the backups */
    size_t file_size;
    int damaged;
    unsigned char *buf;
    char violation[256];
} large_ctx;

#define LARGE_READ (256 * BK_PAGE)

static void *large_reader(void *arg) {
    large_ctx *c = arg;
    for (int round = 0; round < 3 && !c->violation[0]; round++) {
        JET_ERR err = JetBeginExternalBackupInstance(c->inst, 0);
        JET_HANDLE h = 0;
        unsigned long lo = 0, hi = 0;
        if (err == JET_errSuccess) err = JetOpenFileInstanceA(c->inst, c->db, &h, &lo, &hi);
        if (err != JET_errSuccess) {
            snprintf(c->violation, sizeof c->violation, "round %d: begin or open returned %ld", round, (long)err);
            break;
        }
        size_t offset = 0;
        for (;;) {
            unsigned long n = 0;
            err = JetReadFileInstance(c->inst, h, c->buf, LARGE_READ, &n);
            if (err != JET_errSuccess || n == 0) break;
            /* Stream offsets past the two header copies are the file's data pages, until the trailer. */
            for (size_t at = 0; at < n; at += BK_PAGE) {
                size_t stream = offset + at;
                if (stream >= 2 * BK_PAGE && stream < c->file_size &&
                    memcmp(c->buf + at, c->file + stream, BK_PAGE) != 0) {
                    snprintf(c->violation, sizeof c->violation, "round %d: stream page %zu differs from the file",
                             round, stream / BK_PAGE);
                    break;
                }
            }
            offset += n;
        }
        JET_ERR want = c->damaged ? JET_errReadVerifyFailure : JET_errSuccess;
        if (err != want && !c->violation[0])
            snprintf(c->violation, sizeof c->violation, "round %d: the stream ended with %ld, expected %ld", round,
                     (long)err, (long)want);
        if (!c->damaged && offset != c->file_size + BK_PAGE && !c->violation[0])
            snprintf(c->violation, sizeof c->violation, "round %d: %zu bytes streamed, expected %zu", round, offset,
                     c->file_size + BK_PAGE);
        if (!c->damaged) JetCloseFileInstance(c->inst, h);
        JetEndExternalBackupInstance2(c->inst, JET_bitBackupEndAbort);
    }
    return NULL;
}

SCENARIO(backup_threads_large_reads_on_four_instances_are_each_verified, "issue 6") {
    static bk_env env[WORKERS];
    static large_ctx c[WORKERS];
    pthread_t threads[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        char name[32], folder[32];
        snprintf(name, sizeof name, "large%d", i);
        snprintf(folder, sizeof folder, "l%d", i);
        bk_setup_with(&env[i], name, folder, "data.edb", 1024, 1, -1, 0, NULL); /* 4 MiB */
        memset(&c[i], 0, sizeof c[i]);
        c[i].inst = env[i].inst;
        c[i].db = env[i].db;
        c[i].damaged = i == WORKERS - 1;
        /* The last instance: a byte of a page in the middle of a 1 MiB read. */
        if (c[i].damaged) bk_flip(env[i].db, (long long)(bk_pgno_last(env[i].db) - 300) * (long long)BK_PAGE + 100);
        c[i].file = bk_slurp(env[i].db, &c[i].file_size);
        c[i].buf = aligned_buffer(LARGE_READ);
    }
    for (int i = 0; i < WORKERS; i++) EXPECT(pthread_create(&threads[i], NULL, large_reader, &c[i]) == 0);
    for (int i = 0; i < WORKERS; i++) EXPECT(pthread_join(threads[i], NULL) == 0);
    for (int i = 0; i < WORKERS; i++) {
        if (c[i].violation[0]) harness_fail(__FILE__, __LINE__, "instance %d: %s", i, c[i].violation);
        bk_term(&env[i]);
    }
}
