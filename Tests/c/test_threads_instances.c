/* Threads: instances created, initialized, used and terminated by 8 threads at once (issue 2.6).
 * Built into the ThreadSanitizer run as well. Worker threads record their first failure instead of exiting, and
 * the scenario reports it once every thread has been joined. */
#define _GNU_SOURCE
#include "harness.h"

#include <limits.h>
#include <pthread.h>
#include <unistd.h>

#define THREADS 8
#define ROUNDS 3
#define ROLLS 3

typedef struct {
    int index;
    char dir[PATH_MAX];
    char failure[512];
} worker;

#define CHECK(w, call, want)                                                                                     \
    do {                                                                                                         \
        JET_ERR got_ = (call);                                                                                   \
        if (got_ != (want)) {                                                                                    \
            snprintf((w)->failure, sizeof (w)->failure, "thread %d, line %d: %s returned %ld, expected %ld",     \
                     (w)->index, __LINE__, #call, (long)got_, (long)(want));                                     \
            return NULL;                                                                                         \
        }                                                                                                        \
    } while (0)

#define CHECK_TRUE(w, cond)                                                                                      \
    do {                                                                                                         \
        if (!(cond)) {                                                                                           \
            snprintf((w)->failure, sizeof (w)->failure, "thread %d, line %d: expected %s", (w)->index, __LINE__, \
                     #cond);                                                                                     \
            return NULL;                                                                                         \
        }                                                                                                        \
    } while (0)

static pthread_barrier_t start_line;

/* One thread: for each round, a uniquely named instance in the thread's own folder (the same folder every
 * round, so later rounds continue the stream), a database, a few log rolls, detach, end, term. */
static void *instance_worker(void *arg) {
    worker *w = arg;
    char folder[PATH_MAX + 2], temp[PATH_MAX + 16], db[PATH_MAX + 32], name[64], log[PATH_MAX + 32];
    snprintf(folder, sizeof folder, "%s/", w->dir);
    snprintf(temp, sizeof temp, "%s/tmp.edb", w->dir);
    pthread_barrier_wait(&start_line);
    for (int round = 0; round < ROUNDS; round++) {
        JET_INSTANCE inst = 0;
        JET_SESID sesid = 0;
        JET_DBID dbid = 0;
        snprintf(name, sizeof name, "worker-%d-round-%d", w->index, round);
        snprintf(db, sizeof db, "%s/db-%d.edb", w->dir, round);
        CHECK(w, JetCreateInstanceA(&inst, name), JET_errSuccess);
        CHECK(w, JetSetSystemParameterA(&inst, 0, JET_paramCreatePathIfNotExist, 1, NULL), JET_errSuccess);
        CHECK(w, JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, folder), JET_errSuccess);
        CHECK(w, JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, folder), JET_errSuccess);
        CHECK(w, JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, temp), JET_errSuccess);
        CHECK(w, JetSetSystemParameterA(&inst, 0, JET_paramLogFileSize, 64, NULL), JET_errSuccess);
        CHECK(w, JetInit(&inst), JET_errSuccess);
        CHECK(w, JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
        CHECK(w, JetCreateDatabaseA(sesid, db, NULL, &dbid, 0), JET_errSuccess);
        for (int i = 0; i < ROLLS; i++) {
            CHECK(w, JetBeginTransaction(sesid), JET_errSuccess);
            CHECK(w, JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
            CHECK(w, JetCommitTransaction(sesid, JET_bitCommitLazyFlush), JET_errSuccess);
        }
        CHECK(w, JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
        CHECK(w, JetDetachDatabaseA(sesid, db), JET_errSuccess);
        CHECK(w, JetEndSession(sesid, 0), JET_errSuccess);
        CHECK(w, JetTerm(inst), JET_errSuccess);
        /* This round's rolls continue the folder's stream. */
        snprintf(log, sizeof log, "%s/edb%05X.log", w->dir, (unsigned)((round + 1) * ROLLS));
        CHECK_TRUE(w, file_size(log) == 64 * 1024);
        JET_DBINFOMISC misc;
        CHECK(w, JetGetDatabaseFileInfoA(db, &misc, sizeof misc, JET_DbInfoMisc), JET_errSuccess);
        CHECK_TRUE(w, misc.dbstate == JET_dbstateCleanShutdown);
    }
    return NULL;
}

static void run_workers(worker *workers, int count, void *(*fn)(void *)) {
    pthread_t threads[THREADS + 1];
    EXPECT(pthread_barrier_init(&start_line, NULL, (unsigned)count) == 0);
    for (int i = 0; i < count; i++) EXPECT(pthread_create(&threads[i], NULL, fn, &workers[i]) == 0);
    for (int i = 0; i < count; i++) EXPECT(pthread_join(threads[i], NULL) == 0);
    pthread_barrier_destroy(&start_line);
    for (int i = 0; i < count; i++)
        if (workers[i].failure[0]) harness_fail(__FILE__, __LINE__, "%s", workers[i].failure);
}

SCENARIO(eight_threads_create_init_use_and_term_instances_at_once, "issue 2.6") {
    static worker workers[THREADS];
    for (int i = 0; i < THREADS; i++) {
        char name[32];
        snprintf(name, sizeof name, "t%d", i);
        workers[i].index = i;
        snprintf(workers[i].dir, sizeof workers[i].dir, "%s", path_in_dir(name));
    }
    run_workers(workers, THREADS, instance_worker);
    /* Everything is gone: the mode is unset again. */
    unsigned long c = 99;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 0);
    EXPECT_ERR(JetStopBackup(), JET_errInvalidParameter);
}

/* Threads sharing one instance, each with a session of its own, rolling the log concurrently. */
static JET_INSTANCE shared_instance;

static void *session_worker(void *arg) {
    worker *w = arg;
    JET_SESID sesid = 0;
    pthread_barrier_wait(&start_line);
    CHECK(w, JetBeginSessionA(shared_instance, &sesid, "", ""), JET_errSuccess);
    for (int i = 0; i < ROLLS; i++) {
        CHECK(w, JetBeginTransaction(sesid), JET_errSuccess);
        CHECK(w, JetBeginTransaction(sesid), JET_errSuccess);
        CHECK(w, JetCommitTransaction(sesid, 0), JET_errSuccess);
        CHECK(w, JetRollback(sesid, 0), JET_errSuccess);
        CHECK(w, JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    }
    CHECK(w, JetEndSession(sesid, 0), JET_errSuccess);
    return NULL;
}

SCENARIO(eight_threads_roll_the_log_of_one_instance_at_once, "api Threads") {
    static worker workers[THREADS];
    shared_instance = init_named("shared", path_in_dir("shared"));
    for (int i = 0; i < THREADS; i++) workers[i].index = i;
    run_workers(workers, THREADS, session_worker);
    /* Every roll made exactly one generation. */
    char log[64];
    snprintf(log, sizeof log, "shared/edb%05X.log", (unsigned)(THREADS * ROLLS));
    EXPECT_EQ_UL(file_size(path_in_dir(log)), 128 * 1024);
    snprintf(log, sizeof log, "shared/edb%05X.log", (unsigned)(THREADS * ROLLS + 1));
    EXPECT(file_size(path_in_dir(log)) < 0);
    EXPECT_ERR(JetTerm(shared_instance), JET_errSuccess);
}

/* One thread keeps reading the instance list while the others create and terminate instances. */
static volatile int observer_stop;

static void *observer(void *arg) {
    worker *w = arg;
    pthread_barrier_wait(&start_line);
    while (!__atomic_load_n(&observer_stop, __ATOMIC_ACQUIRE)) {
        unsigned long c = 0;
        JET_INSTANCE_INFO_A *info = NULL;
        CHECK(w, JetGetInstanceInfoA(&c, &info), JET_errSuccess);
        CHECK_TRUE(w, c <= THREADS);
        for (unsigned long i = 0; i < c; i++) CHECK_TRUE(w, info[i].cDatabases <= 1);
        CHECK(w, JetFreeBuffer((char *)info), JET_errSuccess);
        JET_INSTANCE_INFO_W *winfo = NULL;
        CHECK(w, JetGetInstanceInfoW(&c, &winfo), JET_errSuccess);
        CHECK(w, JetFreeBuffer((char *)winfo), JET_errSuccess);
    }
    return NULL;
}

static void *churn_worker(void *arg) {
    worker *w = arg;
    if (w->index == THREADS) return observer(arg);
    void *result = instance_worker(arg);
    return result;
}

SCENARIO(threads_read_instance_info_while_instances_come_and_go, "api Threads") {
    static worker workers[THREADS + 1];
    for (int i = 0; i <= THREADS; i++) {
        char name[32];
        snprintf(name, sizeof name, "c%d", i);
        workers[i].index = i;
        snprintf(workers[i].dir, sizeof workers[i].dir, "%s", path_in_dir(name));
    }
    pthread_t threads[THREADS + 1];
    EXPECT(pthread_barrier_init(&start_line, NULL, THREADS + 1) == 0);
    for (int i = 0; i <= THREADS; i++) EXPECT(pthread_create(&threads[i], NULL, churn_worker, &workers[i]) == 0);
    for (int i = 0; i < THREADS; i++) EXPECT(pthread_join(threads[i], NULL) == 0);
    __atomic_store_n(&observer_stop, 1, __ATOMIC_RELEASE);
    EXPECT(pthread_join(threads[THREADS], NULL) == 0);
    pthread_barrier_destroy(&start_line);
    for (int i = 0; i <= THREADS; i++)
        if (workers[i].failure[0]) harness_fail(__FILE__, __LINE__, "%s", workers[i].failure);
}
