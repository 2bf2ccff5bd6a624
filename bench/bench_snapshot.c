/* Benchmarks for issue 8 (OS snapshots). Figures are measured against baselines taken in the same run:
 *   1. time frozen: JetOSSnapshotFreeze call to JetOSSnapshotThaw return, with no copy in between, for an
 *      instance with a 256 MiB database (median of 7), against the time an fsync of every one of the
 *      instance's files takes, measured right before each freeze after the same amount of new writes.
 *      Goal: frozen - fsync < 50 ms.
 *   2. a commit (fdatasync'ed) on an instance outside the session while another instance is frozen, against the
 *      same commits while nothing is frozen; rounds alternate in ABBA order, each after 20 untimed commits, so
 *      both kinds see the same disk. Goal: ratio <= 1.1.
 *
 * Usage: bench_snapshot FOLDER [database MiB, default 256]
 */
#define _GNU_SOURCE
#include <esent.h>

#include "bench_util.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>


typedef struct {
    JET_INSTANCE inst;
    JET_SESID sesid;
    JET_DBID dbid;
    char dir[2048];
} bench_instance;

static void start(bench_instance *b, const char *name, const char *root, unsigned long pages) {
    snprintf(b->dir, sizeof b->dir, "%s/%s/", root, name);
    b->inst = 0;
    CHECK(JetCreateInstanceA(&b->inst, name));
    CHECK(JetSetSystemParameterA(&b->inst, 0, JET_paramCreatePathIfNotExist, 1, NULL));
    CHECK(JetSetSystemParameterA(&b->inst, 0, JET_paramSystemPath, 0, b->dir));
    CHECK(JetSetSystemParameterA(&b->inst, 0, JET_paramLogFilePath, 0, b->dir));
    CHECK(JetSetSystemParameterA(&b->inst, 0, JET_paramTempPath, 0, b->dir));
    CHECK(JetInit(&b->inst));
    CHECK(JetBeginSessionA(b->inst, &b->sesid, "", ""));
    char db[2200];
    snprintf(db, sizeof db, "%sbench.edb", b->dir);
    CHECK(JetCreateDatabaseA(b->sesid, db, NULL, &b->dbid, 0));
    unsigned long real = 0;
    CHECK(JetGrowDatabase(b->sesid, b->dbid, pages, &real));
}

static void commit(bench_instance *b) {
    CHECK(JetBeginTransaction(b->sesid));
    CHECK(JetCommitTransaction(b->sesid, 0));
}

/* fsync(2) of every regular file in the instance's folder: what Freeze has to make durable at least. */
static double fsync_folder(const char *dir) {
    double t0 = now();
    DIR *d = opendir(dir);
    if (!d) exit(1);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char path[2400];
        snprintf(path, sizeof path, "%s%s", dir, e->d_name);
        int fd = open(path, O_RDONLY);
        if (fd < 0) continue;
        fsync(fd);
        close(fd);
    }
    closedir(d);
    return now() - t0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FOLDER [MiB]\n", argv[0]);
        return 2;
    }
    unsigned long mib = argc > 2 ? strtoul(argv[2], NULL, 10) : 256;
    CHECK(JetEnableMultiInstanceA(NULL, 0, NULL));
    CHECK(JetSetSystemParameterA(NULL, 0, JET_paramOSSnapshotTimeout, 60000, NULL));
    bench_instance frozen, other;
    printf("creating an instance with a %lu MiB database...\n", mib);
    start(&frozen, "frozen", argv[1], mib * 256 + 2);
    start(&other, "other", argv[1], 258);

    /* 1. time frozen */
    enum { rounds = 7 };
    double frozen_ms[rounds], fsync_ms[rounds];
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < 20; i++) commit(&frozen);
        fsync_ms[r] = fsync_folder(frozen.dir) * 1e3;
        for (int i = 0; i < 20; i++) commit(&frozen);
        JET_OSSNAPID id = 0;
        CHECK(JetOSSnapshotPrepare(&id, JET_bitExplicitPrepare));
        CHECK(JetOSSnapshotPrepareInstance(id, frozen.inst, 0));
        unsigned long c = 0;
        JET_INSTANCE_INFO_A *info = NULL;
        double t0 = now();
        CHECK(JetOSSnapshotFreezeA(id, &c, &info, 0));
        CHECK(JetOSSnapshotThaw(id, 0));
        frozen_ms[r] = (now() - t0) * 1e3;
        JetFreeBuffer((char *)info);
    }
    qsort(frozen_ms, rounds, sizeof frozen_ms[0], compare_doubles);
    qsort(fsync_ms, rounds, sizeof fsync_ms[0], compare_doubles);
    double f = frozen_ms[rounds / 2], s = fsync_ms[rounds / 2];
    printf("\n1. time frozen, %lu MiB database, Freeze to Thaw with no copy (median of %d)\n", mib, rounds);
    printf("   fsync of the instance's files:   %7.2f ms   (baseline)\n", s);
    printf("   Freeze call to Thaw return:      %7.2f ms   = fsync + %.2f ms (goal: fsync + < 50 ms)\n", f, f - s);

    /* 2. commits elsewhere while one instance is frozen */
    enum { pairs = 6, per_round = 100 };
    double quiet = 0, during = 0;
    for (int i = 0; i < per_round; i++) commit(&other); /* warm-up, not counted */
    for (int r = 0; r < 2 * pairs; r++) {
        /* ABBA order, so neither kind of round always follows the other's disk traffic */
        int freeze = (r % 4 == 1 || r % 4 == 2);
        JET_OSSNAPID id = 0;
        if (freeze) {
            CHECK(JetOSSnapshotPrepare(&id, JET_bitExplicitPrepare));
            CHECK(JetOSSnapshotPrepareInstance(id, frozen.inst, 0));
            unsigned long c = 0;
            JET_INSTANCE_INFO_A *info = NULL;
            CHECK(JetOSSnapshotFreezeA(id, &c, &info, 0));
            JetFreeBuffer((char *)info);
        }
        /* let the writes of the transition settle: a few commits before timing */
        for (int i = 0; i < 20; i++) commit(&other);
        double t0 = now();
        for (int i = 0; i < per_round; i++) commit(&other);
        double took = now() - t0;
        if (freeze) {
            during += took;
            CHECK(JetOSSnapshotThaw(id, 0));
        } else {
            quiet += took;
        }
    }
    int n = pairs * per_round;
    printf("\n2. commit on another instance, %d each, rounds in ABBA order\n", n);
    printf("   nothing frozen:             %8.1f us per commit   (baseline)\n", quiet / n * 1e6);
    printf("   one other instance frozen:  %8.1f us per commit   ratio %.2f (goal <= 1.1)\n", during / n * 1e6,
           during / quiet);

    CHECK(JetTerm(frozen.inst));
    CHECK(JetTerm(other.inst));
    return 0;
}
