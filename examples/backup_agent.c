/* A streaming backup agent, written the way a Windows backup client is written against esent.h.
 *
 *   backup_agent FOLDER [--throttle=MS]
 *
 * In FOLDER it creates a demo instance in one-instance (legacy) mode, so that the implicit-instance
 * JetStopBackup applies to it, with a database of a few MiB and several log generations. Then it takes a full
 * streaming backup into FOLDER/backup-full, commits more, takes an incremental into FOLDER/backup-incremental,
 * and starts a third backup that a second thread stops partway with JetStopBackup. Every call is printed with
 * what it returned. Ctrl-C during a backup calls JetStopBackupInstance, the backup ends cleanly and the agent
 * shuts the instance down. --throttle=MS pauses that long after each 1 MiB read, so there is time to press it.
 *
 * Then the same instance backs up to a folder with JetBackupInstance (full, then incremental into FOLDER/backup-set),
 * shuts down, and the demo database is deleted. JetRestoreInstance brings it back from the full + incremental set
 * (progress printed as it runs), rolling forward with the instance's own logs; the agent initializes again,
 * attaches the restored database and prints what came back.
 *
 * The database holds an "orders" table (id, customer, amount): 1,000 orders are written before the first backup
 * and every transaction between the backups adds, changes or cancels orders. Before the shutdown and after the
 * restore the agent reads the whole table and prints its row count and a checksum of the rows: they match.
 */
#define _GNU_SOURCE
#include <esent.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CHUNK (1024 * 1024) /* read buffer: 1 MiB, 4096-aligned */

static JET_INSTANCE g_instance;
static volatile sig_atomic_t g_interrupted;
static unsigned g_throttle_ms;

/* Prints a call and its result by name, e.g. "JetBeginExternalBackup(0) = 0 (JET_errSuccess)". */
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

static void die(const char *what, JET_ERR err) {
    fprintf(stderr, "backup_agent: %s failed with %ld\n", what, err);
    exit(1);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

typedef struct {
    int files;
    unsigned long long bytes;
    double seconds;
} progress;

/* Streams one file of the backup set into `folder`. Returns the first error (JET_errSuccess at the end). */
static JET_ERR copy_file(const char *name, const char *folder, void *buffer, progress *p,
                         unsigned long long stop_after, pthread_mutex_t *gate, pthread_cond_t *signal_stop,
                         int *reached) {
    JET_HANDLE h;
    unsigned long lo = 0, hi = 0;
    JET_ERR err = report(JetOpenFileA(name, &h, &lo, &hi), "JetOpenFile(%s)", base_name(name));
    if (err < 0) return err;
    unsigned long long size = ((unsigned long long)hi << 32) | lo;
    char out_path[4096];
    snprintf(out_path, sizeof out_path, "%s/%s", folder, base_name(name));
    FILE *out = fopen(out_path, "wb");
    if (!out) {
        perror(out_path);
        JetCloseFile(h);
        return JET_errDiskIO;
    }
    unsigned long long done = 0;
    double start = now();
    for (;;) {
        unsigned long n = 0;
        err = JetReadFile(h, buffer, CHUNK, &n);
        if (err < 0) {
            report(err, "JetReadFile(%s) after %llu bytes", base_name(name), done);
            break;
        }
        if (n == 0) break;
        if (fwrite(buffer, 1, n, out) != n) {
            err = JET_errDiskIO;
            break;
        }
        done += n;
        p->bytes += n;
        if (g_throttle_ms) {
            printf("    %-40s %10llu of %llu bytes\r", base_name(name), done, size);
            fflush(stdout);
            usleep(g_throttle_ms * 1000);
        }
        if (stop_after && !*reached && p->bytes >= stop_after) {
            /* Partway: let the stopper thread call JetStopBackup now. */
            pthread_mutex_lock(gate);
            *reached = 1;
            pthread_cond_signal(signal_stop);
            pthread_mutex_unlock(gate);
            usleep(20000);
        }
    }
    fclose(out);
    p->seconds += now() - start;
    if (err == JET_errSuccess) {
        p->files++;
        printf("    %-40s %10llu of %llu bytes\n", base_name(name), done, size);
    }
    report(JetCloseFile(h), "JetCloseFile(%s)", base_name(name));
    return err;
}

typedef struct {
    pthread_mutex_t gate;
    pthread_cond_t reached_cond;
    int reached;
} stopper;

static void *stop_backup_thread(void *arg) {
    stopper *s = arg;
    pthread_mutex_lock(&s->gate);
    while (!s->reached) pthread_cond_wait(&s->reached_cond, &s->gate);
    pthread_mutex_unlock(&s->gate);
    printf("  [stopper thread] calling JetStopBackup partway through the database\n");
    report(JetStopBackup(), "JetStopBackup() [second thread]");
    return NULL;
}

/* Ctrl-C: a thread waits for SIGINT and stops the backup through the instance; the copy loop then sees -801. */
static void *sigint_thread(void *arg) {
    sigset_t *set = arg;
    int sig = 0;
    while (sigwait(set, &sig) == 0) {
        if (sig == SIGINT) {
            g_interrupted = 1;
            printf("\n  [Ctrl-C] JetStopBackupInstance = %ld\n", JetStopBackupInstance(g_instance));
        }
    }
    return NULL;
}

/* ---- Summary: each backup's outcome, printed at the end ---------------------------------------------------- */
typedef struct {
    const char *title;
    const char *folder;
    int databases, logs;
    unsigned long long bytes;
    double seconds;
    JET_ERR result;
} backup_summary;

static backup_summary g_summary[8];
static int g_summaries;

/* esent.h's name of a JET_dbstate value. */
static const char *state_name(unsigned long dbstate) {
    switch (dbstate) {
    case JET_dbstateJustCreated: return "JET_dbstateJustCreated";
    case JET_dbstateDirtyShutdown: return "JET_dbstateDirtyShutdown";
    case JET_dbstateCleanShutdown: return "JET_dbstateCleanShutdown";
    case JET_dbstateBeingConverted: return "JET_dbstateBeingConverted";
    case JET_dbstateForceDetach: return "JET_dbstateForceDetach";
    default: return "unknown state";
    }
}

/* The symbol of a code, e.g. "JET_errBackupAbortByServer", from JET_paramErrorToString. */
static const char *code_name(JET_ERR err, char *text, size_t size) {
    JET_API_PTR code = (JET_API_PTR)err;
    text[0] = '\0';
    JetGetSystemParameterA(0, 0, JET_paramErrorToString, &code, text, size);
    char *comma = strchr(text, ',');
    if (comma) *comma = '\0';
    return text;
}

static void record_summary(const char *title, const char *folder, int databases, int logs, unsigned long long bytes,
                           double seconds, JET_ERR result) {
    if (g_summaries < (int)(sizeof g_summary / sizeof g_summary[0]))
        g_summary[g_summaries++] = (backup_summary){title, folder, databases, logs, bytes, seconds, result};
}

static void print_summary(double total_seconds) {
    printf("\nSummary\n");
    for (int i = 0; i < g_summaries; i++) {
        const backup_summary *b = &g_summary[i];
        char name[256];
        const char *outcome = b->result == JET_errSuccess              ? "complete"
                              : b->result == JET_errBackupAbortByServer ? "stopped (JetStopBackup): not a usable set"
                                                                        : "failed";
        printf("  %-60s %s\n", b->title, outcome);
        printf("    %d database(s) and %d log(s) copied whole, %.1f MiB in %.2f s -> %s\n", b->databases, b->logs,
               (double)b->bytes / (1 << 20), b->seconds, b->folder);
        if (b->result != JET_errSuccess)
            printf("    ended with %ld (%s)\n", (long)b->result, code_name(b->result, name, sizeof name));
    }
    printf("  total %.2f s%s\n", total_seconds, g_interrupted ? ", interrupted by Ctrl-C" : "");
}

/* One streaming backup. `incremental` selects the kind; `stop` lets a second thread stop it partway. */
static void backup(const char *title, const char *folder, JET_GRBIT grbit, void *buffer, stopper *stop) {
    printf("\n%s -> %s\n", title, folder);
    mkdir(folder, 0755);
    progress p = {0, 0, 0};
    double start = now();
    JET_ERR err = report(JetBeginExternalBackup(grbit), "JetBeginExternalBackup(%s)",
                         grbit ? "JET_bitBackupIncremental" : "0");
    if (err < 0) return;
    int stopped = 0;
    if (!(grbit & JET_bitBackupIncremental)) {
        char dbs[8192];
        unsigned long cb = 0;
        err = JetGetAttachInfoA(dbs, sizeof dbs, &cb);
        report(err, "JetGetAttachInfo -> %lu bytes", cb);
        for (const char *db = dbs; err == JET_errSuccess && *db; db += strlen(db) + 1) {
            err = copy_file(db, folder, buffer, &p, stop ? 2 * 1024 * 1024 : 0, stop ? &stop->gate : NULL,
                            stop ? &stop->reached_cond : NULL, stop ? &stop->reached : &stopped);
        }
    }
    int database_files = p.files;
    if (err == JET_errSuccess) {
        char logs[65536];
        unsigned long cb = 0;
        err = report(JetGetLogInfoA(logs, sizeof logs, &cb), "JetGetLogInfo");
        for (const char *log = logs; err == JET_errSuccess && *log; log += strlen(log) + 1)
            err = copy_file(log, folder, buffer, &p, 0, NULL, NULL, &stopped);
    }
    if (err == JET_errSuccess) err = report(JetTruncateLog(), "JetTruncateLog");
    if (err == JET_errBackupAbortByServer || g_interrupted) {
        /* After a stop only CloseFile and End still work; show that the others answer -801. */
        char scratch[64];
        unsigned long cb = 0;
        report(JetGetLogInfoA(scratch, sizeof scratch, &cb), "JetGetLogInfo (after the stop)");
        report(JetTruncateLog(), "JetTruncateLog (after the stop)");
    }
    double took = now() - start;
    report(JetEndExternalBackup(), "JetEndExternalBackup");
    printf("  %d files, %.1f MiB in %.3f s (%.0f MiB/s streaming)\n", p.files, (double)p.bytes / (1 << 20), took,
           p.seconds > 0 ? (double)p.bytes / (1 << 20) / p.seconds : 0.0);
    record_summary(title, folder, database_files, p.files - database_files, p.bytes, took, err);
}

/* JET_PFNSTATUS: prints Begin, each tenth of the way, and Complete. Its return value is ignored. */
static JET_ERR JET_API print_progress(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv) {
    (void)sesid;
    const JET_SNPROG *prog = (const JET_SNPROG *)pv;
    static unsigned long shown;
    const char *what = snp == JET_snpBackup ? "backup" : "restore";
    if (snt == JET_sntBegin) {
        printf("    %s: begin", what);
        shown = 0;
    } else if (snt == JET_sntProgress && prog && prog->cunitDone / 10 > shown / 10) {
        printf(" %lu%%", prog->cunitDone);
        shown = prog->cunitDone;
    } else if (snt == JET_sntComplete) {
        printf(" complete\n");
    }
    fflush(stdout);
    return JET_errSuccess;
}

/* ---- The orders table: written before and between the backups, read back after the restore ----------------- */
static JET_TABLEID g_orders;
static JET_COLUMNID g_col_id, g_col_customer, g_col_amount;
static int32_t g_next_order = 1;

static JET_COLUMNID add_column(JET_SESID sesid, const char *name, JET_COLTYP coltyp, unsigned long cbMax,
                               JET_GRBIT grbit) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = coltyp;
    def.cbMax = cbMax;
    def.cp = coltyp == JET_coltypText ? 1252 : 0;
    def.grbit = grbit;
    JET_COLUMNID id = 0;
    JET_ERR err = JetAddColumnA(sesid, g_orders, name, &def, NULL, 0, &id);
    if (err < 0) die("JetAddColumn", err);
    return id;
}

static JET_COLUMNID column_id(JET_SESID sesid, const char *name) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    JET_ERR err = JetGetTableColumnInfoA(sesid, g_orders, name, &def, sizeof def, JET_ColInfo);
    if (err < 0) die("JetGetTableColumnInfo", err);
    return def.columnid;
}

static void open_orders(JET_SESID sesid, JET_DBID dbid) {
    JET_ERR err = JetOpenTableA(sesid, dbid, "orders", NULL, 0, 0, &g_orders);
    if (err < 0) die("JetOpenTable(orders)", err);
    g_col_id = column_id(sesid, "id");
    g_col_customer = column_id(sesid, "customer");
    g_col_amount = column_id(sesid, "amount");
}

static void create_orders(JET_SESID sesid, JET_DBID dbid) {
    static const char primary[] = "+id\0";
    if (JetBeginTransaction(sesid) < 0) die("JetBeginTransaction", -1);
    report(JetCreateTableA(sesid, dbid, "orders", 16, 100, &g_orders), "JetCreateTable(orders)");
    g_col_id = add_column(sesid, "id", JET_coltypLong, 0, JET_bitColumnFixed | JET_bitColumnNotNULL);
    g_col_customer = add_column(sesid, "customer", JET_coltypText, 64, 0);
    g_col_amount = add_column(sesid, "amount", JET_coltypCurrency, 0, JET_bitColumnFixed);
    report(JetCreateIndexA(sesid, g_orders, "primary", JET_bitIndexPrimary, primary, sizeof primary, 100),
           "JetCreateIndex(primary, +id)");
    JetCloseTable(sesid, g_orders);
    JET_ERR err = JetCommitTransaction(sesid, 0);
    if (err < 0) die("JetCommitTransaction", err);
    open_orders(sesid, dbid); /* a new cursor is on the primary index */
}

/* Sets customer and amount of the prepared record (amount in cents, as esent's Currency: a 64-bit integer). */
static void set_order(JET_SESID sesid, int32_t id, int64_t cents) {
    char customer[64];
    int n = snprintf(customer, sizeof customer, "customer %04d", (int)(id * 7 % 1000));
    JET_ERR err = JetSetColumn(sesid, g_orders, g_col_customer, customer, (unsigned long)n, 0, NULL);
    if (err >= 0) err = JetSetColumn(sesid, g_orders, g_col_amount, &cents, sizeof cents, 0, NULL);
    if (err >= 0) err = JetUpdate(sesid, g_orders, NULL, 0, NULL);
    if (err < 0) die("JetSetColumn/JetUpdate", err);
}

static void add_order(JET_SESID sesid) {
    int32_t id = g_next_order++;
    JET_ERR err = JetPrepareUpdate(sesid, g_orders, JET_prepInsert);
    if (err >= 0) err = JetSetColumn(sesid, g_orders, g_col_id, &id, sizeof id, 0, NULL);
    if (err < 0) die("JetPrepareUpdate/JetSetColumn", err);
    set_order(sesid, id, 100 + (int64_t)id * 37 % 100000);
}

/* Changes (or, with `cancel`, deletes) an existing order; returns 0 if there is none with that id. */
static int change_order(JET_SESID sesid, int32_t id, int cancel) {
    JET_ERR err = JetMakeKey(sesid, g_orders, &id, sizeof id, JET_bitNewKey);
    if (err >= 0) err = JetSeek(sesid, g_orders, JET_bitSeekEQ);
    if (err == JET_errRecordNotFound) return 0;
    if (err < 0) die("JetSeek", err);
    if (cancel) {
        err = JetDelete(sesid, g_orders);
        if (err < 0) die("JetDelete", err);
        return 1;
    }
    err = JetPrepareUpdate(sesid, g_orders, JET_prepReplace);
    if (err < 0) die("JetPrepareUpdate(Replace)", err);
    set_order(sesid, id, (int64_t)id * 53 % 100000);
    return 1;
}

/* Reads every order in key order: row count and an FNV-1a checksum of (id, customer, amount). */
static unsigned long long summarize_orders(JET_SESID sesid, const char *when) {
    unsigned long long sum = 14695981039346656037ull;
    unsigned long rows = 0;
    JET_ERR err;
    for (err = JetMove(sesid, g_orders, JET_MoveFirst, 0); err == JET_errSuccess;
         err = JetMove(sesid, g_orders, JET_MoveNext, 0)) {
        unsigned char row[4 + 64 + 8];
        unsigned long cbId = 0, cbCustomer = 0, cbAmount = 0;
        err = JetRetrieveColumn(sesid, g_orders, g_col_id, row, 4, &cbId, 0, NULL);
        if (err >= 0) err = JetRetrieveColumn(sesid, g_orders, g_col_customer, row + 4, 64, &cbCustomer, 0, NULL);
        if (err >= 0) err = JetRetrieveColumn(sesid, g_orders, g_col_amount, row + 4 + cbCustomer, 8, &cbAmount, 0, NULL);
        if (err < 0) die("JetRetrieveColumn", err);
        for (unsigned long i = 0; i < 4 + cbCustomer + cbAmount; i++) sum = (sum ^ row[i]) * 1099511628211ull;
        rows++;
    }
    if (err != JET_errNoCurrentRecord) die("JetMove", err);
    printf("  orders %-24s %lu rows, checksum %016llx\n", when, rows, sum);
    return sum ^ rows;
}

/* Each transaction takes two new orders, changes an older one and, every third time, cancels one. */
static void commit_some(JET_SESID sesid, int transactions, int new_logs) {
    for (int i = 0; i < transactions; i++) {
        JET_ERR err = JetBeginTransaction(sesid);
        if (err < 0) die("JetBeginTransaction", err);
        add_order(sesid);
        add_order(sesid);
        change_order(sesid, (int32_t)(1 + (g_next_order * 13) % (g_next_order - 1)), 0);
        if (i % 3 == 0) change_order(sesid, (int32_t)(1 + (g_next_order * 29) % (g_next_order - 1)), 1);
        err = JetCommitTransaction(sesid, 0);
        if (err < 0) die("JetCommitTransaction", err);
    }
    for (int i = 0; i < new_logs; i++) {
        JET_ERR err = JetCommitTransaction(sesid, JET_bitForceNewLog);
        if (err < 0) die("JetCommitTransaction(JET_bitForceNewLog)", err);
    }
}

static void print_backup_info(const char *db) {
    JET_DBINFOMISC misc;
    if (JetGetDatabaseFileInfoA(db, &misc, sizeof misc, JET_DbInfoMisc) != JET_errSuccess) return;
    printf("  %s: %s (dbstate %lu), full backup gens %lu-%lu, incremental gens %lu-%lu\n", base_name(db),
           state_name(misc.dbstate), misc.dbstate, misc.bkinfoFullPrev.genLow, misc.bkinfoFullPrev.genHigh, misc.bkinfoIncPrev.genLow,
           misc.bkinfoIncPrev.genHigh);
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3 || (argc == 3 && strncmp(argv[2], "--throttle=", 11) != 0)) {
        fprintf(stderr, "usage: %s FOLDER [--throttle=MS]\n", argv[0]);
        return 2;
    }
    if (argc == 3) g_throttle_ms = (unsigned)strtoul(argv[2] + 11, NULL, 10);
    char root[4096];
    if (!realpath(argv[1], root)) {
        perror(argv[1]);
        return 2;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t signal_thread;
    pthread_create(&signal_thread, NULL, sigint_thread, &set);

    char folder[4200], db[4300], full[4300], incremental[4300], third[4300];
    snprintf(folder, sizeof folder, "%s/instance/", root);
    snprintf(db, sizeof db, "%s/instance/demo.edb", root);
    snprintf(full, sizeof full, "%s/backup-full", root);
    snprintf(incremental, sizeof incremental, "%s/backup-incremental", root);
    snprintf(third, sizeof third, "%s/backup-stopped", root);

    double started = now();
    printf("Setting up a demo instance in %s (one-instance mode)\n", folder);
    JetSetSystemParameterA(NULL, 0, JET_paramCreatePathIfNotExist, 1, NULL);
    JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, folder);
    JetSetSystemParameterA(NULL, 0, JET_paramLogFilePath, 0, folder);
    JetSetSystemParameterA(NULL, 0, JET_paramLogFileSize, 1024, NULL);
    report(JetInit(&g_instance), "JetInit");
    JET_SESID sesid;
    JET_DBID dbid;
    if (JetBeginSessionA(g_instance, &sesid, "", "") < 0) die("JetBeginSession", -1);
    report(JetCreateDatabaseA(sesid, db, NULL, &dbid, 0), "JetCreateDatabase(demo.edb)");
    unsigned long pages = 0;
    JET_ERR grown = JetGrowDatabase(sesid, dbid, 1536, &pages);
    report(grown, "JetGrowDatabase(1536 pages) -> %lu pages", pages);
    create_orders(sesid, dbid);
    if (JetBeginTransaction(sesid) < 0) die("JetBeginTransaction", -1);
    for (int i = 0; i < 1000; i++) add_order(sesid);
    report(JetCommitTransaction(sesid, 0), "JetCommitTransaction(1000 orders)");
    commit_some(sesid, 20, 4);
    printf("  committed 20 transactions of orders and rolled the log 4 times\n");
    summarize_orders(sesid, "before the backups:");

    void *buffer = NULL;
    if (posix_memalign(&buffer, 4096, CHUNK) != 0) die("posix_memalign", -1);

    backup("Full backup", full, 0, buffer, NULL);
    print_backup_info(db);

    if (!g_interrupted) {
        commit_some(sesid, 50, 3);
        printf("\n  committed 50 more transactions of orders and rolled the log 3 times\n");
        backup("Incremental backup", incremental, JET_bitBackupIncremental, buffer, NULL);
        print_backup_info(db);
    }

    if (!g_interrupted) {
        stopper s = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
        pthread_t stop_thread;
        pthread_create(&stop_thread, NULL, stop_backup_thread, &s);
        backup("Third backup, stopped by a second thread with JetStopBackup", third, 0, buffer, &s);
        pthread_join(stop_thread, NULL);
        print_backup_info(db);
    }
    char set_folder[4300];
    snprintf(set_folder, sizeof set_folder, "%s/backup-set", root);
    if (!g_interrupted) {
        printf("\nBackup to a folder with JetBackupInstance into %s\n", set_folder);
        report(JetBackupInstanceA(g_instance, set_folder, 0, print_progress), "JetBackupInstance(full)");
        commit_some(sesid, 10, 2);
        printf("  committed 10 more transactions and rolled the log 2 times\n");
        report(JetBackupInstanceA(g_instance, set_folder, JET_bitBackupIncremental, print_progress),
               "JetBackupInstance(JET_bitBackupIncremental)");
        commit_some(sesid, 5, 1);
        printf("  committed 5 more transactions and rolled the log once (kept for the roll-forward)\n");
        print_backup_info(db);
    }
    if (g_interrupted) printf("\nInterrupted: no more backups; shutting the instance down.\n");

    printf("\nFiles in %s\n", folder);
    fflush(stdout);
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "ls -l '%s' | tail -n +2 | awk '{printf \"  %%-20s %%10s bytes\\n\", $9, $5}'", folder);
    if (system(cmd) != 0) fprintf(stderr, "could not list %s\n", folder);

    printf("\n");
    unsigned long long at_shutdown = summarize_orders(sesid, "at shutdown:");
    JetCloseTable(sesid, g_orders);
    JetCloseDatabase(sesid, dbid, 0);
    JetEndSession(sesid, 0);

    JET_INSTANCE_INFO_A *info = NULL;
    unsigned long count = 0;
    JET_ERR listed = JetGetInstanceInfoA(&count, &info);
    report(listed, "JetGetInstanceInfo -> %lu instance(s)", count);
    for (unsigned long i = 0; i < count; i++) {
        printf("  instance %lu: name %s, %lu database(s)\n", i, info[i].szInstanceName ? info[i].szInstanceName : "(none)",
               (unsigned long)info[i].cDatabases);
        for (JET_API_PTR d = 0; d < info[i].cDatabases; d++) printf("    %s\n", info[i].szDatabaseFileName[d]);
    }
    JetFreeBuffer((char *)info);
    report(JetTerm(g_instance), "JetTerm");
    free(buffer);
    if (g_interrupted) {
        print_summary(now() - started);
        return 0;
    }

    printf("\nLosing the database: deleting %s\n", db);
    if (unlink(db) != 0) perror(db);
    printf("Restoring from the full + incremental set in %s\n", set_folder);
    report(JetRestoreInstanceA(0, set_folder, NULL, print_progress), "JetRestoreInstance(NULL instance, backup-set)");
    report(JetInit(&g_instance), "JetInit");
    if (JetBeginSessionA(g_instance, &sesid, "", "") < 0) die("JetBeginSession", -1);
    report(JetAttachDatabaseA(sesid, db, 0), "JetAttachDatabase(demo.edb)");
    report(JetOpenDatabaseA(sesid, db, NULL, &dbid, 0), "JetOpenDatabase(demo.edb)");
    struct stat st;
    if (stat(db, &st) == 0) printf("  demo.edb is back: %lld bytes\n", (long long)st.st_size);
    open_orders(sesid, dbid);
    int same = summarize_orders(sesid, "after the restore:") == at_shutdown;
    printf("  %s\n", same ? "the restored orders are the ones written before the shutdown"
                            : "THE RESTORED ORDERS DIFFER from the ones written before the shutdown");
    JetCloseTable(sesid, g_orders);
    JetCloseDatabase(sesid, dbid, 0);
    JetEndSession(sesid, 0);
    report(JetTerm(g_instance), "JetTerm");
    print_backup_info(db);
    print_summary(now() - started);
    return same ? 0 : 1;
}
