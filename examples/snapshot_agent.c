/* An OS-snapshot agent, written the way a VSS writer drives esent.dll: prepare, freeze, let the storage take a
 * point-in-time copy, thaw, truncate the logs, end.
 *
 *   snapshot_agent FOLDER
 *
 * In FOLDER/instance it starts an instance (multi-instance mode) with a database of 8 MiB and a few log
 * generations, and a writer thread that commits and grows the database without pause. Then it freezes the
 * instance, copies its folder with `cp --reflink=auto` (a reflink on btrfs or XFS, a plain copy elsewhere) into
 * FOLDER/snapshot, thaws, truncates the logs the copy made unnecessary and ends the snapshot. Every call is
 * printed with what it returned, and the agent reports how long the instance was frozen and how many of the
 * writer's commits waited meanwhile. The copy in FOLDER/snapshot is a backup set: put it back in place of the
 * instance's folder and a plain JetInit recovers it.
 *
 * Each of the writer's transactions adds a row to an "orders" table. After the shutdown the agent does exactly
 * that restore (the live folder moves to FOLDER/instance.live, the copy takes its place), recovers the copy with
 * JetInit in a fresh instance and prints how many orders it holds and a checksum of them: the orders committed
 * before the freeze.
 */
#define _GNU_SOURCE
#include <esent.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static JET_ERR report(JET_ERR err, const char *fmt, ...) {
    char call[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(call, sizeof call, fmt, ap);
    va_end(ap);
    JET_API_PTR code = (JET_API_PTR)err;
    char text[256] = "";
    JetGetSystemParameterA(0, 0, JET_paramErrorToString, &code, text, sizeof text);
    char *comma = strchr(text, ',');
    if (comma) *comma = '\0';
    printf("  %-58s = %ld (%s)\n", call, err, text);
    return err;
}

static void check(JET_ERR err, const char *what) {
    if (err < 0) {
        fprintf(stderr, "snapshot_agent: %s failed with %ld\n", what, err);
        exit(1);
    }
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    JET_SESID sesid;
    JET_DBID dbid;
    JET_TABLEID orders;
    JET_COLUMNID id, amount;
    volatile int stop;
    volatile long commits;
    double longest_wait; /* the slowest commit, in seconds: the ones issued during the freeze wait for the thaw */
    JET_ERR failure;
} writer_state;

static void *writer(void *arg) {
    writer_state *w = arg;
    unsigned long pages = 0;
    JetGrowDatabase(w->sesid, w->dbid, 0, &pages);
    while (!__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE)) {
        double t0 = now();
        int32_t id = (int32_t)w->commits + 1, cents = id * 37 % 100000;
        JET_ERR err = JetBeginTransaction(w->sesid);
        if (err == JET_errSuccess) err = JetPrepareUpdate(w->sesid, w->orders, JET_prepInsert);
        if (err == JET_errSuccess) err = JetSetColumn(w->sesid, w->orders, w->id, &id, sizeof id, 0, NULL);
        if (err == JET_errSuccess) err = JetSetColumn(w->sesid, w->orders, w->amount, &cents, sizeof cents, 0, NULL);
        if (err == JET_errSuccess) err = JetUpdate(w->sesid, w->orders, NULL, 0, NULL);
        if (err == JET_errSuccess) err = JetCommitTransaction(w->sesid, 0);
        if (err == JET_errSuccess && w->commits % 16 == 0) err = JetGrowDatabase(w->sesid, w->dbid, pages + 8, &pages);
        double took = now() - t0;
        if (took > w->longest_wait) w->longest_wait = took;
        if (err != JET_errSuccess) {
            w->failure = err;
            return NULL;
        }
        __atomic_add_fetch(&w->commits, 1, __ATOMIC_RELEASE);
    }
    return NULL;
}

static JET_COLUMNID add_column(JET_SESID sesid, JET_TABLEID t, const char *name, JET_GRBIT grbit) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = JET_coltypLong;
    def.grbit = JET_bitColumnFixed | grbit;
    JET_COLUMNID id = 0;
    check(JetAddColumnA(sesid, t, name, &def, NULL, 0, &id), "JetAddColumn");
    return id;
}

/* The orders table (id primary key, amount), open in the writer's session. */
static void create_orders(writer_state *w) {
    static const char primary[] = "+id\0";
    check(report(JetCreateTableA(w->sesid, w->dbid, "orders", 16, 100, &w->orders), "JetCreateTable(orders)"),
          "JetCreateTable");
    w->id = add_column(w->sesid, w->orders, "id", JET_bitColumnNotNULL);
    w->amount = add_column(w->sesid, w->orders, "amount", 0);
    check(JetCreateIndexA(w->sesid, w->orders, "primary", JET_bitIndexPrimary, primary, sizeof primary, 100),
          "JetCreateIndex");
    check(JetCloseTable(w->sesid, w->orders), "JetCloseTable");
    check(JetOpenTableA(w->sesid, w->dbid, "orders", NULL, 0, 0, &w->orders), "JetOpenTable"); /* on the primary index */
}

/* Recovers the copy (now in the instance's place) in a fresh instance and prints its orders: count, checksum. */
static void read_back_orders(const char *instance_dir, const char *db, long committed_at_freeze) {
    JET_INSTANCE inst = 0;
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    JET_TABLEID t = 0;
    check(JetCreateInstanceA(&inst, "snapshot-restored"), "JetCreateInstance");
    JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, instance_dir);
    JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, instance_dir);
    JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, instance_dir);
    check(report(JetInit(&inst), "JetInit (recovers the copy)"), "JetInit");
    check(JetBeginSessionA(inst, &sesid, "", ""), "JetBeginSession");
    check(report(JetAttachDatabaseA(sesid, db, 0), "JetAttachDatabase(demo.edb)"), "JetAttachDatabase");
    check(JetOpenDatabaseA(sesid, db, NULL, &dbid, 0), "JetOpenDatabase");
    check(JetOpenTableA(sesid, dbid, "orders", NULL, 0, 0, &t), "JetOpenTable");
    JET_COLUMNDEF def[2];
    memset(def, 0, sizeof def);
    check(JetGetTableColumnInfoA(sesid, t, "id", &def[0], sizeof def[0], JET_ColInfo), "JetGetTableColumnInfo");
    check(JetGetTableColumnInfoA(sesid, t, "amount", &def[1], sizeof def[1], JET_ColInfo), "JetGetTableColumnInfo");
    unsigned long long sum = 14695981039346656037ull;
    long rows = 0;
    JET_ERR err;
    for (err = JetMove(sesid, t, JET_MoveFirst, 0); err == JET_errSuccess; err = JetMove(sesid, t, JET_MoveNext, 0)) {
        int32_t v[2] = {0, 0};
        unsigned long cb = 0;
        check(JetRetrieveColumn(sesid, t, def[0].columnid, &v[0], sizeof v[0], &cb, 0, NULL), "JetRetrieveColumn");
        check(JetRetrieveColumn(sesid, t, def[1].columnid, &v[1], sizeof v[1], &cb, 0, NULL), "JetRetrieveColumn");
        for (size_t i = 0; i < sizeof v; i++) sum = (sum ^ ((unsigned char *)v)[i]) * 1099511628211ull;
        rows++;
    }
    if (err != JET_errNoCurrentRecord) check(err, "JetMove");
    printf("  orders in the recovered copy: %ld rows, checksum %016llx (the writer had committed %ld at the freeze)\n",
           rows, sum, committed_at_freeze);
    check(report(JetTerm(inst), "JetTerm"), "JetTerm");
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: snapshot_agent FOLDER\n");
        return 2;
    }
    char folder[2048], instance_dir[2200], copy_dir[2200], db[2300], cmd[7000];
    snprintf(folder, sizeof folder, "%s", argv[1]);
    snprintf(instance_dir, sizeof instance_dir, "%s/instance/", folder);
    snprintf(copy_dir, sizeof copy_dir, "%s/snapshot", folder);
    snprintf(db, sizeof db, "%sdemo.edb", instance_dir);

    printf("Instance in %s\n", instance_dir);
    JET_INSTANCE inst = 0;
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    check(JetCreateInstanceA(&inst, "snapshot-demo"), "JetCreateInstance");
    JetSetSystemParameterA(&inst, 0, JET_paramCreatePathIfNotExist, 1, NULL);
    JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, instance_dir);
    JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, instance_dir);
    JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, instance_dir);
    JetSetSystemParameterA(NULL, 0, JET_paramOSSnapshotTimeout, 20000, NULL);
    check(report(JetInit(&inst), "JetInit"), "JetInit");
    check(JetBeginSessionA(inst, &sesid, "", ""), "JetBeginSession");
    check(report(JetCreateDatabaseA(sesid, db, NULL, &dbid, 0), "JetCreateDatabase(demo.edb)"), "JetCreateDatabase");
    unsigned long pages = 0;
    check(JetGrowDatabase(sesid, dbid, 2048, &pages), "JetGrowDatabase");
    for (int i = 0; i < 3; i++) check(JetCommitTransaction(sesid, JET_bitForceNewLog), "JetCommitTransaction");

    writer_state w;
    memset(&w, 0, sizeof w);
    check(JetBeginSessionA(inst, &w.sesid, "", ""), "JetBeginSession");
    check(JetOpenDatabaseA(w.sesid, db, NULL, &w.dbid, 0), "JetOpenDatabase");
    create_orders(&w);
    pthread_t thread;
    if (pthread_create(&thread, NULL, writer, &w) != 0) return 1;
    struct timespec pause = {0, 100 * 1000 * 1000};
    nanosleep(&pause, NULL);

    printf("\nOS snapshot -> %s\n", copy_dir);
    JET_OSSNAPID snap = 0;
    check(report(JetOSSnapshotPrepare(&snap, JET_bitContinueAfterThaw), "JetOSSnapshotPrepare(ContinueAfterThaw)"),
          "JetOSSnapshotPrepare");
    unsigned long count = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    double frozen_at = now();
    check(report(JetOSSnapshotFreezeA(snap, &count, &info, 0), "JetOSSnapshotFreeze"), "JetOSSnapshotFreeze");
    double freeze_took = now() - frozen_at;
    long commits_at_freeze = __atomic_load_n(&w.commits, __ATOMIC_ACQUIRE);
    for (unsigned long i = 0; i < count; i++) {
        printf("    member %s:", info[i].szInstanceName ? info[i].szInstanceName : "(unnamed)");
        for (JET_API_PTR d = 0; d < info[i].cDatabases; d++) printf(" %s", info[i].szDatabaseFileName[d]);
        printf("\n");
    }
    JetFreeBuffer((char *)info);

    double copy_start = now();
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && cp --reflink=auto -R '%s' '%s'", copy_dir, instance_dir, copy_dir);
    int copied = system(cmd);
    double copy_took = now() - copy_start;
    printf("  %-58s = %s\n", "cp --reflink=auto -R instance snapshot", copied == 0 ? "ok" : "FAILED");
    long commits_while_frozen = __atomic_load_n(&w.commits, __ATOMIC_ACQUIRE) - commits_at_freeze;

    double thaw_start = now();
    check(report(JetOSSnapshotThaw(snap, 0), "JetOSSnapshotThaw"), "JetOSSnapshotThaw");
    double thawed_at = now();
    check(report(JetOSSnapshotTruncateLog(snap, JET_bitAllDatabasesSnapshot),
                 "JetOSSnapshotTruncateLog(AllDatabasesSnapshot)"),
          "JetOSSnapshotTruncateLog");
    check(report(JetOSSnapshotEnd(snap, 0), "JetOSSnapshotEnd"), "JetOSSnapshotEnd");

    nanosleep(&pause, NULL);
    __atomic_store_n(&w.stop, 1, __ATOMIC_RELEASE);
    pthread_join(thread, NULL);
    if (w.failure) fprintf(stderr, "snapshot_agent: the writer failed with %ld\n", w.failure);

    JET_DBINFOMISC misc;
    check(JetGetDatabaseFileInfoA(db, &misc, sizeof misc, JET_DbInfoMisc), "JetGetDatabaseFileInfo");
    printf("  demo.edb: full backup gens %lu-%lu, recorded as an OS snapshot: %s\n", misc.bkinfoFullPrev.genLow,
           misc.bkinfoFullPrev.genHigh, misc.bkinfoFullPrev.bklogtimeMark.fOSSnapshot ? "yes" : "no");
    printf("\nFrozen for %.1f ms (Freeze call to Thaw return): Freeze itself %.1f ms, the copy %.1f ms, Thaw %.1f ms\n",
           (thawed_at - frozen_at) * 1e3, freeze_took * 1e3, copy_took * 1e3, (thawed_at - thaw_start) * 1e3);
    /* A commit that finished just before the freeze may be counted just after it: "while frozen" is 0 or 1. */
    printf("Writer: %ld commits in all, %ld counted while frozen, its slowest commit waited %.1f ms\n", w.commits,
           commits_while_frozen, w.longest_wait * 1e3);

    JetCloseTable(w.sesid, w.orders);
    check(report(JetTerm(inst), "JetTerm"), "JetTerm");
    if (copied != 0 || w.failure) return 1;

    char live_dir[2300];
    snprintf(live_dir, sizeof live_dir, "%s/instance.live", folder);
    printf("\nRestoring the snapshot: %s moves to %s, the copy takes its place\n", instance_dir, live_dir);
    static char swap[12000];
    snprintf(swap, sizeof swap, "rm -rf '%s' && mv '%s' '%s' && mv '%s' '%s'", live_dir, instance_dir, live_dir,
             copy_dir, instance_dir);
    if (system(swap) != 0) return 1;
    read_back_orders(instance_dir, db, commits_at_freeze);
    return 0;
}
