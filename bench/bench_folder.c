/* Benchmarks for issue 7: backup to a folder and restore, each as a ratio against a plain C copy of the same
 * files measured in the same run, a moment apart (1 MiB read/write blocks, fsync of each file):
 *   1. JetBackupInstance of a database of N MiB (with its logs) into an empty folder, against the C copy of the
 *      database and of the same logs;
 *   2. JetRestoreInstance of that set into a destination folder, against the C copy of the set's files.
 * Each figure is the median of 3 rounds; the page cache is warm for both sides.
 *
 * Usage: bench_folder FOLDER [database MiB, default 1024]
 */
#define _GNU_SOURCE
#include <esent.h>

#include "bench_util.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MiB (1024UL * 1024UL)
#define ROUNDS 3

static char g_root[4096];
static void *g_buffer;

static const char *in_root(const char *name) {
    static char slots[4][4200];
    static int next;
    char *slot = slots[next++ % 4];
    snprintf(slot, 4200, "%s/%s", g_root, name);
    return slot;
}

static void remove_tree(const char *path) {
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0) exit(1);
}

/* The baseline: read/write in 1 MiB blocks, fsync the file. */
static void copy_file(const char *from, const char *to) {
    int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0) {
        perror(from);
        exit(1);
    }
    for (;;) {
        ssize_t n = read(in, g_buffer, MiB);
        if (n < 0) exit(1);
        if (n == 0) break;
        if (write(out, g_buffer, (size_t)n) != n) exit(1);
    }
    if (fsync(out) != 0) exit(1);
    close(in);
    close(out);
}

/* C copy of the regular files of `from` (all, or only those whose name ends in `suffix`) into `to`. */
static double copy_folder(const char *from, const char *to, const char *suffix) {
    remove_tree(to);
    mkdir(to, 0755);
    double t0 = now();
    DIR *d = opendir(from);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_type != DT_REG) continue;
        size_t len = strlen(e->d_name), sl = suffix ? strlen(suffix) : 0;
        if (suffix && (len < sl || strcmp(e->d_name + len - sl, suffix) != 0)) continue;
        char a[4400], b[4400];
        snprintf(a, sizeof a, "%s/%s", from, e->d_name);
        snprintf(b, sizeof b, "%s/%s", to, e->d_name);
        copy_file(a, b);
    }
    closedir(d);
    return now() - t0;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v) {
    qsort(v, ROUNDS, sizeof *v, by_value);
    return v[ROUNDS / 2];
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FOLDER [MiB]\n", argv[0]);
        return 2;
    }
    if (!realpath(argv[1], g_root)) return 2;
    unsigned long mib = argc > 2 ? strtoul(argv[2], NULL, 10) : 1024;
    if (posix_memalign(&g_buffer, 4096, MiB) != 0) return 1;

    JET_INSTANCE inst = 0;
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    char inst_folder[4200], db[4300];
    snprintf(inst_folder, sizeof inst_folder, "%s/", in_root("inst"));
    snprintf(db, sizeof db, "%sbench.edb", inst_folder);
    CHECK(JetCreateInstanceA(&inst, "bench"));
    CHECK(JetSetSystemParameterA(&inst, 0, JET_paramCreatePathIfNotExist, 1, NULL));
    CHECK(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, inst_folder));
    CHECK(JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, inst_folder));
    CHECK(JetSetSystemParameterA(&inst, 0, JET_paramLogFileSize, 1024, NULL));
    CHECK(JetInit(&inst));
    CHECK(JetBeginSessionA(inst, &sesid, "", ""));
    CHECK(JetCreateDatabaseA(sesid, db, NULL, &dbid, 0));
    unsigned long pages = 0;
    CHECK(JetGrowDatabase(sesid, dbid, (unsigned long)(mib * MiB / 4096), &pages));
    CHECK(JetCommitTransaction(sesid, JET_bitForceNewLog));
    printf("database: %lu MiB (%lu pages of 4 KiB), logs of 1 MiB\n", mib, pages);

    double backup[ROUNDS], backup_base[ROUNDS], restore[ROUNDS], restore_base[ROUNDS];
    char set[4200];
    snprintf(set, sizeof set, "%s", in_root("set"));
    for (int r = 0; r < ROUNDS; r++) {
        remove_tree(set);
        double t0 = now();
        CHECK(JetBackupInstanceA(inst, set, 0, NULL));
        backup[r] = now() - t0;
        /* The same files: the database and the logs the backup copied. */
        remove_tree(in_root("ccopy"));
        mkdir(in_root("ccopy"), 0755);
        t0 = now();
        char to[4400];
        snprintf(to, sizeof to, "%s/bench.edb", in_root("ccopy"));
        copy_file(db, to);
        backup_base[r] = now() - t0 + copy_folder(set, in_root("ccopy-logs"), ".log");
    }
    CHECK(JetTerm(inst));

    for (int r = 0; r < ROUNDS; r++) {
        JET_INSTANCE rinst = 0;
        char rfolder[4300];
        snprintf(rfolder, sizeof rfolder, "%s/", in_root("rinst"));
        remove_tree(in_root("rinst"));
        remove_tree(in_root("rdest"));
        CHECK(JetCreateInstanceA(&rinst, "restore"));
        CHECK(JetSetSystemParameterA(&rinst, 0, JET_paramCreatePathIfNotExist, 1, NULL));
        CHECK(JetSetSystemParameterA(&rinst, 0, JET_paramSystemPath, 0, rfolder));
        CHECK(JetSetSystemParameterA(&rinst, 0, JET_paramLogFilePath, 0, rfolder));
        double t0 = now();
        CHECK(JetRestoreInstanceA(rinst, set, in_root("rdest"), NULL));
        restore[r] = now() - t0;
        CHECK(JetTerm(rinst));
        restore_base[r] = copy_folder(set, in_root("ccopy"), NULL);
    }
    double b = median(backup), bb = median(backup_base), rs = median(restore), rb = median(restore_base);
    printf("JetBackupInstance: %.3f s, C copy with fsync %.3f s: ratio %.2f (goal at most 1.20)\n", b, bb, b / bb);
    printf("JetRestoreInstance: %.3f s, C copy of the set with fsync %.3f s: ratio %.2f (goal at most 1.30)\n", rs,
           rb, rs / rb);
    remove_tree(in_root("ccopy"));
    remove_tree(in_root("ccopy-logs"));
    free(g_buffer);
    return 0;
}
