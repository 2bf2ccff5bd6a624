/* Threads: a long call on one instance (a JetGrowDatabase of many pages, a JetReadFileInstance with a huge
 * buffer) does not hold up other calls (issue 9.1, 9.2). Each scenario first sees the long call at work (the file
 * grew, the buffer was written), then makes a few quick calls and checks the long call is still going when they
 * return: they got in between its bounded steps, or (JetGetInstanceInfo) needed no lock it holds. */
#define _GNU_SOURCE
#include "harness.h"

#include <pthread.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Pages of 4 KiB (the default page size): 32 MiB of growth or of streamed database. */
#define PAGE 4096UL
#define LONG_PAGES 8192UL
#define QUICK_CALLS 3

typedef struct {
    JET_SESID sesid;
    JET_DBID dbid;
    unsigned long target;
    JET_INSTANCE inst;
    void *buffer;
    unsigned long cb;
    atomic_int running;
    JET_ERR err;
    unsigned long actual;
} long_call;

static void *grow_thread(void *arg) {
    long_call *c = arg;
    c->err = JetGrowDatabase(c->sesid, c->dbid, c->target, &c->actual);
    atomic_store(&c->running, 0);
    return NULL;
}

static void *read_thread(void *arg) {
    long_call *c = arg;
    c->err = JetReadFileInstance(c->inst, 0, c->buffer, c->cb, &c->actual);
    atomic_store(&c->running, 0);
    return NULL;
}

static void pause_briefly(void) {
    struct timespec ts = {0, 200000};
    nanosleep(&ts, NULL);
}

/* Starts a grow of LONG_PAGES on `path`'s database and returns once the file has started growing. */
static pthread_t start_grow(long_call *c, JET_INSTANCE inst, const char *path) {
    c->sesid = create_db(inst, path, 0, &c->dbid);
    unsigned long current = 0;
    EXPECT_ERR(JetGrowDatabase(c->sesid, c->dbid, 0, &current), JET_errSuccess);
    long long before = file_size(path);
    c->target = current + LONG_PAGES;
    atomic_store(&c->running, 1);
    pthread_t t;
    EXPECT(pthread_create(&t, NULL, grow_thread, c) == 0);
    while (file_size(path) == before && atomic_load(&c->running)) pause_briefly();
    EXPECT(atomic_load(&c->running));
    return t;
}

static void finish(long_call *c, pthread_t t) {
    pthread_join(t, NULL);
    EXPECT_ERR(c->err, JET_errSuccess);
}

SCENARIO(threads_instance_info_does_not_wait_for_a_grow, "issue 9.1") {
    JET_INSTANCE a = init_named("grower", "a");
    JET_INSTANCE b = init_named("other", "b");
    long_call c = {0};
    pthread_t t = start_grow(&c, a, path_in_dir("big.edb"));
    for (int i = 0; i < QUICK_CALLS; i++) {
        unsigned long count = 0;
        JET_INSTANCE_INFO *info = NULL;
        EXPECT_ERR(JetGetInstanceInfo(&count, &info), JET_errSuccess);
        EXPECT_EQ_UL(count, 2);
        EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    }
    /* A call on another instance needs nothing of the first. */
    JET_SESID other = 0;
    EXPECT_ERR(JetBeginSessionA(b, &other, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(other, 0), JET_errSuccess);
    EXPECT(atomic_load(&c.running));
    finish(&c, t);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}

/* Out of the ThreadSanitizer run (no "thread" in its name): the TSan build swaps in a plain pthread mutex, which
 * does not hand the lock to a waiter when the grower releases it between steps, so the session calls may only get
 * in at the end there. The library's own Mutex hands it over. */
SCENARIO(session_calls_get_in_during_a_grow, "issue 9.2") {
    JET_INSTANCE a = init_named("grower", "a");
    long_call c = {0};
    pthread_t t = start_grow(&c, a, path_in_dir("big.edb"));
    for (int i = 0; i < QUICK_CALLS; i++) {
        JET_SESID s = 0;
        EXPECT_ERR(JetBeginSessionA(a, &s, "", ""), JET_errSuccess);
        EXPECT_ERR(JetEndSession(s, 0), JET_errSuccess);
    }
    EXPECT(atomic_load(&c.running));
    finish(&c, t);
    EXPECT_EQ_UL(c.actual, c.target);
    EXPECT(file_size(path_in_dir("big.edb")) == (long long)(c.target * PAGE));
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

/* The reader's buffer is watched through atomic loads of its first word, so this scenario stays out of the
 * ThreadSanitizer run (its name has no "thread"): the library fills the buffer with plain stores. */
SCENARIO(huge_read_lets_info_and_sessions_in_between_steps, "issue 9.2") {
    JET_INSTANCE a = init_named("reader", "a");
    JET_DBID dbid = 0;
    const char *path = path_in_dir("big.edb");
    JET_SESID sesid = create_db(a, path, LONG_PAGES, &dbid);
    long long size = file_size(path);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(a, 0), JET_errSuccess);
    JET_HANDLE h = 0;
    unsigned long lo = 0, hi = 0;
    EXPECT_ERR(JetOpenFileInstanceA(a, path, &h, &lo, &hi), JET_errSuccess);
    long_call c = {0};
    c.inst = a;
    c.cb = (unsigned long)size + PAGE; /* header copies, pages, trailer: the whole stream in one call */
    c.buffer = aligned_buffer(c.cb);
    memset(c.buffer, 0, c.cb);
    atomic_store(&c.running, 1);
    pthread_t t;
    EXPECT(pthread_create(&t, NULL, read_thread, &c) == 0);
    /* The first step copies the header page to the buffer's start. */
    while (__atomic_load_n((unsigned long *)c.buffer, __ATOMIC_ACQUIRE) == 0 && atomic_load(&c.running))
        pause_briefly();
    for (int i = 0; i < QUICK_CALLS; i++) {
        unsigned long count = 0;
        JET_INSTANCE_INFO *info = NULL;
        EXPECT_ERR(JetGetInstanceInfo(&count, &info), JET_errSuccess);
        EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
        JET_SESID s = 0;
        EXPECT_ERR(JetBeginSessionA(a, &s, "", ""), JET_errSuccess);
        EXPECT_ERR(JetEndSession(s, 0), JET_errSuccess);
    }
    EXPECT(atomic_load(&c.running));
    pthread_join(t, NULL);
    EXPECT_ERR(c.err, JET_errSuccess);
    EXPECT_EQ_UL(c.actual, c.cb);
    EXPECT_ERR(JetCloseFileInstance(a, h), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}
