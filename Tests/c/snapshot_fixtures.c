/* Shared fixtures of the OS-snapshot scenarios: see snapshot_fixtures.h. */
#define _GNU_SOURCE
#include "snapshot_fixtures.h"

#include <dirent.h>
#include <sys/stat.h>
#include <time.h>

void sn_set_timeout(unsigned long ms) {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramOSSnapshotTimeout, ms, NULL), JET_errSuccess);
}

JET_OSSNAPID sn_prepare(JET_GRBIT grbit) {
    JET_OSSNAPID id = 0;
    EXPECT_ERR(JetOSSnapshotPrepare(&id, grbit), JET_errSuccess);
    EXPECT(id != 0);
    return id;
}

unsigned long sn_freeze(JET_OSSNAPID id) {
    unsigned long c = 99;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetOSSnapshotFreezeA(id, &c, &info, 0), JET_errSuccess);
    EXPECT((c == 0) == (info == NULL));
    if (info) JetFreeBuffer((char *)info);
    return c;
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

unsigned long long sn_hash_folder(const char *dir) {
    char *names[256];
    int n = 0;
    DIR *d = opendir(dir);
    if (!d) harness_fail(__FILE__, __LINE__, "cannot list %s", dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 256) {
        if (e->d_name[0] == '.') continue;
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], compare_names);
    unsigned long long h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) {
        char path[BK_PATH + 300];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        for (const char *c = names[i]; *c; c++) h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            size_t cb = 0;
            unsigned char *bytes = bk_slurp(path, &cb);
            h = (h ^ cb) * 1099511628211ULL;
            for (size_t k = 0; k < cb; k++) h = (h ^ bytes[k]) * 1099511628211ULL;
        }
        free(names[i]);
    }
    return h;
}

double sn_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void sn_sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0) {
    }
}

static void *sn_run(void *p) {
    sn_async *a = p;
    a->result = a->fn(a->arg);
    a->done = sn_now();
    __atomic_store_n(&a->finished, 1, __ATOMIC_RELEASE);
    return NULL;
}

void sn_start(sn_async *a, sn_call fn, void *arg) {
    a->fn = fn;
    a->arg = arg;
    a->finished = 0;
    a->started = sn_now();
    EXPECT(pthread_create(&a->thread, NULL, sn_run, a) == 0);
}

JET_ERR sn_join(sn_async *a) {
    EXPECT(pthread_join(a->thread, NULL) == 0);
    return a->result;
}

JET_ERR sn_call_commit(void *p) {
    bk_env *env = p;
    JET_ERR err = JetBeginTransaction(env->sesid);
    if (err != JET_errSuccess) return err;
    return JetCommitTransaction(env->sesid, 0);
}

JET_ERR sn_call_force_new_log(void *p) {
    bk_env *env = p;
    return JetCommitTransaction(env->sesid, JET_bitForceNewLog);
}

JET_ERR sn_call_grow(void *p) {
    bk_env *env = p;
    unsigned long real = 0;
    unsigned long pages = bk_pgno_last(env->db) + 2 + 16;
    return JetGrowDatabase(env->sesid, env->dbid, pages, &real);
}

JET_ERR sn_call_detach(void *p) {
    bk_env *env = p;
    JET_ERR err = JetCloseDatabase(env->sesid, env->dbid, 0);
    if (err != JET_errSuccess) return err;
    return JetDetachDatabaseA(env->sesid, env->db);
}

JET_ERR sn_call_term(void *p) {
    bk_env *env = p;
    return JetTerm(env->inst);
}

unsigned long sn_header_u32(const char *db, size_t offset) {
    size_t cb = 0;
    unsigned char *bytes = bk_slurp(db, &cb);
    EXPECT(cb >= offset + 4);
    return bk_u32(bytes, offset);
}
