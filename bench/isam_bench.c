/* Tables and records against SQLite (issue 10, "Speed and memory"). Both engines hold the same rows, an integer key,
 * an integer `grp` with a secondary index and a 100-byte text, in folders side by side on the same disk; SQLite runs
 * in WAL mode with synchronous=FULL, so both wait for fsync on a durable commit. Every figure is printed as a ratio
 * to SQLite measured in the same run, with the goal beside it:
 *   1. bulk insert of ROWS rows in one transaction (keys ascending);
 *   2. random point lookups by primary key (each reads the text), inside one read transaction;
 *   3. a full scan in key order reading key and text;
 *   4. range seeks on the secondary index: 100 consecutive grp values each, reading the text of every row;
 *   5. single-row durable commits (BENCH_ISAM_COMMITS, default 10,000);
 *   6. peak RSS of a child process that inserts ROWS rows with JET_paramCacheSizeMax = 64 MiB of pages, committing
 *      every 10,000 rows: a transaction's changes stay in memory until it commits (as ESE's version store holds
 *      them), so one huge transaction measures the transaction, not the cache; 10,000 rows (about 1.2 MiB of
 *      records) is a batch size a loader would use and keeps that part small next to the 64 MiB cache;
 *   7. random lookups from two threads (two sessions) against one thread (goal: 1.6x on this 2-core machine).
 * Nothing here asserts on time: the numbers are for the reader.
 *
 * Usage: isam_bench FOLDER [ROWS, default 1000000]   (BENCH_ISAM_RSS_ROWS: rows of step 6, default ROWS;
 *        BENCH_ISAM_STEPS: the steps after 1 to run, as digits, e.g. 234 while profiling reads; default all;
 *        BENCH_ISAM_CPU_TIME=1: steps 1 to 4 timed in process CPU time, for a machine loaded by other work;
 *        BENCH_ISAM_SCAN_REPEAT=n: libesent's full scan (step 3) n times, the fastest counted (for profiling))
 *        isam_bench --rss FOLDER ROWS    (the child of step 6; prints its own peak RSS)
 */
#define _GNU_SOURCE
#include <esent.h>
#include <sqlite3.h>

#include "bench_util.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define TEXT 100
#define RANGE 100            /* grp values per range seek */
#define RSS_BATCH 10000      /* rows per transaction in step 6 */
#define CACHE_MIB 64
#define MiB (1024.0 * 1024.0)

static long g_rows;

/* The row of key k: grp is a permutation of 0..rows-1 (7919 is prime and does not divide rows unless rows is a
 * multiple of it, which main rules out), the text is 100 letters derived from k. */
static int32_t grp_of(long k) { return (int32_t)(((int64_t)k * 7919) % g_rows); }
static void text_of(long k, char out[TEXT]) {
    uint32_t x = (uint32_t)k * 2654435761u;
    for (int i = 0; i < TEXT; i++) {
        x = x * 1103515245u + 12345u;
        out[i] = (char)('a' + (x >> 16) % 26);
    }
}

static uint64_t g_random = 88172645463325252ull;
static long random_key(void) {
    g_random ^= g_random << 13;
    g_random ^= g_random >> 7;
    g_random ^= g_random << 17;
    return 1 + (long)(g_random % (uint64_t)g_rows);
}

/* ---- libesent ---------------------------------------------------------------------------------------------- */

typedef struct {
    JET_INSTANCE inst;
    JET_SESID sesid;
    JET_DBID dbid;
    JET_TABLEID t;
    JET_COLUMNID id, grp, text;
    char db[4096];
} ese;

static JET_COLUMNID add_column(ese *e, const char *name, JET_COLTYP coltyp, unsigned long cbMax, JET_GRBIT grbit) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    def.cbStruct = sizeof def;
    def.coltyp = coltyp;
    def.cbMax = cbMax;
    def.cp = coltyp == JET_coltypText ? 1252 : 0;
    def.grbit = grbit;
    JET_COLUMNID id = 0;
    CHECK(JetAddColumnA(e->sesid, e->t, name, &def, NULL, 0, &id));
    return id;
}

static JET_COLUMNID column_id(JET_SESID sesid, JET_TABLEID t, const char *name) {
    JET_COLUMNDEF def;
    memset(&def, 0, sizeof def);
    CHECK(JetGetTableColumnInfoA(sesid, t, name, &def, sizeof def, JET_ColInfo));
    return def.columnid;
}

/* An instance with its files in `folder`, the database and the table created (cacheMaxPages 0: the default).
 * verPages is JET_paramMaxVerPages (32 KiB units): as with ESE, a transaction may change at most that much, so the
 * one-transaction bulk insert raises it, as an ESE application loading that much in one transaction must. */
static void ese_open(ese *e, const char *folder, const char *name, unsigned long cacheMaxPages,
                     unsigned long verPages) {
    memset(e, 0, sizeof *e);
    char path[4200];
    snprintf(path, sizeof path, "%s/", folder);
    CHECK(JetCreateInstanceA(&e->inst, name));
    CHECK(JetSetSystemParameterA(&e->inst, 0, JET_paramCreatePathIfNotExist, 1, NULL));
    CHECK(JetSetSystemParameterA(&e->inst, 0, JET_paramSystemPath, 0, path));
    CHECK(JetSetSystemParameterA(&e->inst, 0, JET_paramLogFilePath, 0, path));
    CHECK(JetSetSystemParameterA(&e->inst, 0, JET_paramLogFileSize, 16384, NULL));
    if (cacheMaxPages) CHECK(JetSetSystemParameterA(&e->inst, 0, JET_paramCacheSizeMax, cacheMaxPages, NULL));
    CHECK(JetSetSystemParameterA(&e->inst, 0, JET_paramMaxVerPages, verPages, NULL));
    CHECK(JetInit(&e->inst));
    CHECK(JetBeginSessionA(e->inst, &e->sesid, "", ""));
    snprintf(e->db, sizeof e->db, "%s/bench.edb", folder);
    CHECK(JetCreateDatabaseA(e->sesid, e->db, NULL, &e->dbid, 0));
    CHECK(JetBeginTransaction(e->sesid));
    CHECK(JetCreateTableA(e->sesid, e->dbid, "rows", 16, 100, &e->t));
    e->id = add_column(e, "id", JET_coltypLong, 0, JET_bitColumnFixed | JET_bitColumnNotNULL);
    e->grp = add_column(e, "grp", JET_coltypLong, 0, JET_bitColumnFixed);
    e->text = add_column(e, "text", JET_coltypText, TEXT, 0);
    static const char primary[] = "+id\0", by_grp[] = "+grp\0";
    CHECK(JetCreateIndexA(e->sesid, e->t, "primary", JET_bitIndexPrimary, primary, sizeof primary, 100));
    CHECK(JetCreateIndexA(e->sesid, e->t, "by_grp", 0, by_grp, sizeof by_grp, 100));
    CHECK(JetCloseTable(e->sesid, e->t));
    CHECK(JetCommitTransaction(e->sesid, 0));
    CHECK(JetOpenTableA(e->sesid, e->dbid, "rows", NULL, 0, 0, &e->t)); /* on the primary index */
}

static void ese_insert(JET_SESID sesid, JET_TABLEID t, const ese *e, long k) {
    int32_t id = (int32_t)k, grp = grp_of(k);
    char text[TEXT];
    text_of(k, text);
    CHECK(JetPrepareUpdate(sesid, t, JET_prepInsert));
    CHECK(JetSetColumn(sesid, t, e->id, &id, sizeof id, 0, NULL));
    CHECK(JetSetColumn(sesid, t, e->grp, &grp, sizeof grp, 0, NULL));
    CHECK(JetSetColumn(sesid, t, e->text, text, TEXT, 0, NULL));
    CHECK(JetUpdate(sesid, t, NULL, 0, NULL));
}

/* A lookup by primary key that reads the text; returns its first byte so the work cannot be skipped. */
static int ese_lookup(JET_SESID sesid, JET_TABLEID t, JET_COLUMNID text, long k) {
    int32_t id = (int32_t)k;
    char buf[TEXT];
    unsigned long cb = 0;
    CHECK(JetMakeKey(sesid, t, &id, sizeof id, JET_bitNewKey));
    CHECK(JetSeek(sesid, t, JET_bitSeekEQ));
    CHECK(JetRetrieveColumn(sesid, t, text, buf, sizeof buf, &cb, 0, NULL));
    return buf[0];
}

typedef struct {
    const ese *e;
    long lookups;
    uint64_t seed;
    double seconds;
    long checksum;
} lookup_job;

static void *ese_lookup_thread(void *p) {
    lookup_job *j = p;
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    JET_TABLEID t = 0;
    CHECK(JetBeginSessionA(j->e->inst, &sesid, "", ""));
    CHECK(JetOpenDatabaseA(sesid, j->e->db, NULL, &dbid, 0));
    CHECK(JetOpenTableA(sesid, dbid, "rows", NULL, 0, 0, &t));
    JET_COLUMNID text = column_id(sesid, t, "text");
    CHECK(JetBeginTransaction(sesid));
    uint64_t x = j->seed;
    double start = now();
    for (long i = 0; i < j->lookups; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        j->checksum += ese_lookup(sesid, t, text, 1 + (long)(x % (uint64_t)g_rows));
    }
    j->seconds = now() - start;
    CHECK(JetCommitTransaction(sesid, 0));
    CHECK(JetEndSession(sesid, 0));
    return NULL;
}

/* ---- SQLite ------------------------------------------------------------------------------------------------ */

static void sql_check(sqlite3 *db, int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "sqlite: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static void sql_exec(sqlite3 *db, const char *sql) { sql_check(db, sqlite3_exec(db, sql, NULL, NULL, NULL), sql); }

static sqlite3_stmt *sql_prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st = NULL;
    sql_check(db, sqlite3_prepare_v2(db, sql, -1, &st, NULL), sql);
    return st;
}

static sqlite3 *sql_open(const char *path) {
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        fprintf(stderr, "sqlite: cannot open %s\n", path);
        exit(1);
    }
    sql_exec(db, "PRAGMA journal_mode=WAL");
    sql_exec(db, "PRAGMA synchronous=FULL");
    return db;
}

static int sql_lookup(sqlite3_stmt *st, long k) {
    sqlite3_bind_int64(st, 1, k);
    if (sqlite3_step(st) != SQLITE_ROW) {
        fprintf(stderr, "sqlite: key %ld not found\n", k);
        exit(1);
    }
    int c = ((const char *)sqlite3_column_text(st, 0))[0];
    sqlite3_reset(st);
    return c;
}

typedef struct {
    const char *path;
    long lookups;
    uint64_t seed;
    double seconds;
    long checksum;
} sql_job;

static void *sql_lookup_thread(void *p) {
    sql_job *j = p;
    sqlite3 *db = sql_open(j->path);
    sqlite3_stmt *st = sql_prepare(db, "SELECT text FROM rows WHERE id = ?");
    sql_exec(db, "BEGIN");
    uint64_t x = j->seed;
    double start = now();
    for (long i = 0; i < j->lookups; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        j->checksum += sql_lookup(st, 1 + (long)(x % (uint64_t)g_rows));
    }
    j->seconds = now() - start;
    sql_exec(db, "COMMIT");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return NULL;
}

/* ---- Reporting --------------------------------------------------------------------------------------------- */

static void ratio_line(const char *what, const char *unit, double esent, double sqlite, const char *goal) {
    printf("   %-34s libesent %12.0f %s   SQLite %12.0f %s   ratio %5.2f (goal %s)\n", what, esent, unit, sqlite, unit,
           sqlite > 0 ? esent / sqlite : 0.0, goal);
}

/* Two threads' aggregate throughput against one thread's, each thread doing `lookups`. */
static double two_threads_against_one(void *(*fn)(void *), void *jobs, size_t size, long lookups) {
    char *j = jobs;
    pthread_t t[2];
    double start = now();
    fn(j);
    double one = (double)lookups / (now() - start);
    start = now();
    for (int i = 0; i < 2; i++)
        if (pthread_create(&t[i], NULL, fn, j + (size_t)(i + 1) * size) != 0) exit(1);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    double two = 2.0 * (double)lookups / (now() - start);
    return two / one;
}

/* ---- Step 6: the RSS child --------------------------------------------------------------------------------- */

static int rss_child(const char *folder, long rows) {
    g_rows = rows;
    unsigned long page = 0;
    CHECK(JetGetSystemParameterA(0, 0, JET_paramDatabasePageSize, (JET_API_PTR *)&page, NULL, 0));
    ese e;
    ese_open(&e, folder, "rss", (unsigned long)(CACHE_MIB * MiB) / page, 1024);
    struct rusage before;
    getrusage(RUSAGE_SELF, &before);
    for (long k = 1; k <= rows; k++) {
        if ((k - 1) % RSS_BATCH == 0) CHECK(JetBeginTransaction(e.sesid));
        ese_insert(e.sesid, e.t, &e, k);
        if (k % RSS_BATCH == 0 || k == rows) CHECK(JetCommitTransaction(e.sesid, JET_bitCommitLazyFlush));
    }
    struct rusage after;
    getrusage(RUSAGE_SELF, &after);
    printf("%ld %ld\n", before.ru_maxrss, after.ru_maxrss); /* KiB: before the inserts, peak */
    CHECK(JetTerm(e.inst));
    return 0;
}

/* Runs the child over `n` rows and returns its peak and starting RSS in MiB. */
static void measure_rss(const char *self, const char *folder, long n, double *peak, double *start) {
    char rows[32], cmd[8400];
    snprintf(rows, sizeof rows, "%ld", n);
    snprintf(cmd, sizeof cmd, "'%s' --rss '%s' %s", self, folder, rows);
    FILE *p = popen(cmd, "r");
    long a = 0, b = 0;
    if (!p || fscanf(p, "%ld %ld", &a, &b) != 2) {
        fprintf(stderr, "the RSS child failed\n");
        exit(1);
    }
    if (pclose(p) != 0) {
        fprintf(stderr, "the RSS child failed\n");
        exit(1);
    }
    *start = (double)a / 1024.0;
    *peak = (double)b / 1024.0;
}

static int g_cpu_time;

/* CPU seconds of this process (user and system), to show what a durable commit costs besides waiting for fsync. */
static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Steps 1 to 4: wall clock, or with BENCH_ISAM_CPU_TIME=1 the process's CPU time (every thread of it, so work an
 * engine hands to its own threads still counts), which other processes on a loaded machine disturb far less. */
static double step_clock(void) { return g_cpu_time ? cpu_now() : now(); }

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "--rss") == 0) return rss_child(argv[2], atol(argv[3]));
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s FOLDER [ROWS]\n", argv[0]);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0); /* progress shows through a pipe */
    g_rows = argc == 3 ? atol(argv[2]) : 1000000;
    if (g_rows < 1000 || g_rows > 100000000 || g_rows % 7919 == 0) {
        fprintf(stderr, "ROWS: 1000..100000000, not a multiple of 7919\n");
        return 2;
    }
    long commits = getenv("BENCH_ISAM_COMMITS") ? atol(getenv("BENCH_ISAM_COMMITS")) : 10000;
    const char *steps = getenv("BENCH_ISAM_STEPS") ? getenv("BENCH_ISAM_STEPS") : "234567";
    g_cpu_time = getenv("BENCH_ISAM_CPU_TIME") && strcmp(getenv("BENCH_ISAM_CPU_TIME"), "1") == 0;
    long lookups = g_rows / 2;
    long ranges = 2000;
    char esent_dir[4200], sql_dir[4200], sql_path[4300], rss_dir[4200];
    snprintf(esent_dir, sizeof esent_dir, "%s/esent", argv[1]);
    snprintf(sql_dir, sizeof sql_dir, "%s/sqlite", argv[1]);
    snprintf(sql_path, sizeof sql_path, "%s/bench.sqlite", sql_dir);
    snprintf(rss_dir, sizeof rss_dir, "%s/rss", argv[1]);
    mkdir(sql_dir, 0755);
    printf("libesent against SQLite %s (WAL, synchronous=FULL): %ld rows of (integer key, integer grp with a "
           "secondary index, %d-byte text), folders side by side in %s\n",
           sqlite3_libversion(), g_rows, TEXT, argv[1]);

    ese e;
    /* version store for the one-transaction bulk insert: 1.3 KiB a row plus 128 MiB, several times what it uses */
    ese_open(&e, esent_dir, "bench", 0, (unsigned long)(g_rows / 100 + 1024) * 4);
    sqlite3 *db = sql_open(sql_path);
    sql_exec(db, "CREATE TABLE rows (id INTEGER PRIMARY KEY, grp INTEGER, text TEXT)");
    sql_exec(db, "CREATE INDEX rows_grp ON rows (grp)");

    /* 1. bulk insert */
    double start = step_clock();
    CHECK(JetBeginTransaction(e.sesid));
    for (long k = 1; k <= g_rows; k++) ese_insert(e.sesid, e.t, &e, k);
    CHECK(JetCommitTransaction(e.sesid, 0));
    double ese_insert_rate = (double)g_rows / (step_clock() - start);
    sqlite3_stmt *ins = sql_prepare(db, "INSERT INTO rows (id, grp, text) VALUES (?, ?, ?)");
    start = step_clock();
    sql_exec(db, "BEGIN");
    for (long k = 1; k <= g_rows; k++) {
        char text[TEXT];
        text_of(k, text);
        sqlite3_bind_int64(ins, 1, k);
        sqlite3_bind_int64(ins, 2, grp_of(k));
        sqlite3_bind_text(ins, 3, text, TEXT, SQLITE_STATIC);
        sql_check(db, sqlite3_step(ins), "insert");
        sqlite3_reset(ins);
    }
    sql_exec(db, "COMMIT");
    double sql_insert_rate = (double)g_rows / (step_clock() - start);
    printf("\n1. bulk insert in one transaction\n");
    ratio_line("rows/s", "rows/s", ese_insert_rate, sql_insert_rate, ">= 0.5");

    /* 2. random point lookups */
    long checksum = 0;
    sqlite3_stmt *get = sql_prepare(db, "SELECT text FROM rows WHERE id = ?");
    if (strchr(steps, '2')) {
        g_random = 88172645463325252ull;
        CHECK(JetBeginTransaction(e.sesid));
        start = step_clock();
        for (long i = 0; i < lookups; i++) checksum += ese_lookup(e.sesid, e.t, e.text, random_key());
        double ese_lookup_rate = (double)lookups / (step_clock() - start);
        CHECK(JetCommitTransaction(e.sesid, 0));
        g_random = 88172645463325252ull;
        sql_exec(db, "BEGIN");
        start = step_clock();
        for (long i = 0; i < lookups; i++) checksum -= sql_lookup(get, random_key());
        double sql_lookup_rate = (double)lookups / (step_clock() - start);
        sql_exec(db, "COMMIT");
        printf("\n2. random point lookups by primary key (%ld, one read transaction, text read)\n", lookups);
        ratio_line("lookups/s", "/s", ese_lookup_rate, sql_lookup_rate, ">= 0.5");
    }

    /* 3. full scan in key order */
    sqlite3_stmt *scan = sql_prepare(db, "SELECT id, text FROM rows ORDER BY id");
    if (strchr(steps, '3')) {
        /* BENCH_ISAM_SCAN_REPEAT (profiling): libesent's scan that many times, the fastest counted. */
        long repeat = getenv("BENCH_ISAM_SCAN_REPEAT") ? atol(getenv("BENCH_ISAM_SCAN_REPEAT")) : 1;
        double ese_scan_rate = 0;
        long seen = 0;
        for (long pass = 0; pass < (repeat > 0 ? repeat : 1); pass++) {
            seen = 0;
            CHECK(JetBeginTransaction(e.sesid));
            start = step_clock();
            for (JET_ERR err = JetMove(e.sesid, e.t, JET_MoveFirst, 0); err != JET_errNoCurrentRecord;
                 err = JetMove(e.sesid, e.t, JET_MoveNext, 0)) {
                CHECK(err);
                int32_t id = 0;
                char buf[TEXT];
                unsigned long cb = 0;
                CHECK(JetRetrieveColumn(e.sesid, e.t, e.id, &id, sizeof id, &cb, 0, NULL));
                CHECK(JetRetrieveColumn(e.sesid, e.t, e.text, buf, sizeof buf, &cb, 0, NULL));
                seen += id == seen + 1;
            }
            double rate = (double)g_rows / (step_clock() - start);
            if (rate > ese_scan_rate) ese_scan_rate = rate;
            CHECK(JetCommitTransaction(e.sesid, 0));
        }
        sql_exec(db, "BEGIN");
        start = step_clock();
        long sql_seen = 0;
        while (sqlite3_step(scan) == SQLITE_ROW) {
            sql_seen += sqlite3_column_int64(scan, 0) == sql_seen + 1;
            checksum += ((const char *)sqlite3_column_text(scan, 1))[0];
        }
        double sql_scan_rate = (double)g_rows / (step_clock() - start);
        sql_exec(db, "COMMIT");
        if (seen != g_rows || sql_seen != g_rows) {
            fprintf(stderr, "scan saw %ld (libesent) and %ld (SQLite) of %ld rows in order\n", seen, sql_seen, g_rows);
            return 1;
        }
        printf("\n3. full scan in key order (key and text read)\n");
        ratio_line("rows/s", "rows/s", ese_scan_rate, sql_scan_rate, ">= 0.5");
    }

    /* 4. range seeks on the secondary index */
    sqlite3_stmt *range = sql_prepare(db, "SELECT text FROM rows WHERE grp BETWEEN ? AND ? ORDER BY grp");
    if (strchr(steps, '4')) {
        long ese_range_rows = 0, sql_range_rows = 0;
        CHECK(JetSetCurrentIndexA(e.sesid, e.t, "by_grp"));
        CHECK(JetBeginTransaction(e.sesid));
        g_random = 1234567;
        start = step_clock();
        for (long i = 0; i < ranges; i++) {
            int32_t lo = (int32_t)(random_key() % (g_rows - RANGE)), hi = lo + RANGE - 1;
            CHECK(JetMakeKey(e.sesid, e.t, &lo, sizeof lo, JET_bitNewKey));
            JET_ERR err = JetSeek(e.sesid, e.t, JET_bitSeekGE);
            if (err == JET_errRecordNotFound) continue;
            CHECK(err);
            CHECK(JetMakeKey(e.sesid, e.t, &hi, sizeof hi, JET_bitNewKey));
            err = JetSetIndexRange(e.sesid, e.t, JET_bitRangeInclusive | JET_bitRangeUpperLimit);
            for (; err == JET_errSuccess; err = JetMove(e.sesid, e.t, JET_MoveNext, 0)) {
                char buf[TEXT];
                unsigned long cb = 0;
                CHECK(JetRetrieveColumn(e.sesid, e.t, e.text, buf, sizeof buf, &cb, 0, NULL));
                ese_range_rows++;
            }
            if (err != JET_errNoCurrentRecord) CHECK(err);
        }
        double ese_range_rate = (double)ese_range_rows / (step_clock() - start);
        CHECK(JetCommitTransaction(e.sesid, 0));
        CHECK(JetSetCurrentIndexA(e.sesid, e.t, NULL));
        sql_exec(db, "BEGIN");
        g_random = 1234567;
        start = step_clock();
        for (long i = 0; i < ranges; i++) {
            long lo = random_key() % (g_rows - RANGE);
            sqlite3_bind_int64(range, 1, lo);
            sqlite3_bind_int64(range, 2, lo + RANGE - 1);
            while (sqlite3_step(range) == SQLITE_ROW) {
                checksum += ((const char *)sqlite3_column_text(range, 0))[0];
                sql_range_rows++;
            }
            sqlite3_reset(range);
        }
        double sql_range_rate = (double)sql_range_rows / (step_clock() - start);
        sql_exec(db, "COMMIT");
        if (ese_range_rows != sql_range_rows) {
            fprintf(stderr, "range seeks read %ld rows (libesent) and %ld (SQLite)\n", ese_range_rows, sql_range_rows);
            return 1;
        }
        printf("\n4. range seeks on the secondary index (%ld ranges of %d grp values, text read)\n", ranges, RANGE);
        ratio_line("rows/s", "rows/s", ese_range_rate, sql_range_rate, ">= 0.5");
    }

    /* 5. single-row durable commits */
    if (strchr(steps, '5')) {
        start = now();
        double cpu = cpu_now();
        for (long i = 1; i <= commits; i++) {
            CHECK(JetBeginTransaction(e.sesid));
            ese_insert(e.sesid, e.t, &e, g_rows + i);
            CHECK(JetCommitTransaction(e.sesid, 0));
        }
        double ese_commit_rate = (double)commits / (now() - start);
        double ese_commit_cpu = (cpu_now() - cpu) / (double)commits;
        start = now();
        cpu = cpu_now();
        for (long i = 1; i <= commits; i++) {
            char text[TEXT];
            text_of(g_rows + i, text);
            sqlite3_bind_int64(ins, 1, g_rows + i);
            sqlite3_bind_int64(ins, 2, grp_of(g_rows + i));
            sqlite3_bind_text(ins, 3, text, TEXT, SQLITE_STATIC);
            sql_check(db, sqlite3_step(ins), "insert");
            sqlite3_reset(ins);
        }
        double sql_commit_rate = (double)commits / (now() - start);
        double sql_commit_cpu = (cpu_now() - cpu) / (double)commits;
        printf("\n5. single-row durable commits (%ld, each waits for fsync)\n", commits);
        ratio_line("commits/s", "/s", ese_commit_rate, sql_commit_rate, ">= 0.8");
        printf("   CPU per commit (user + system)     libesent %9.1f us       SQLite %9.1f us\n", ese_commit_cpu * 1e6,
               sql_commit_cpu * 1e6);
    }

    /* 7 before 6: the two engines are still open and warm. */
    long per_thread = lookups / 2;
    lookup_job ej[3] = {{&e, per_thread, 1, 0, 0}, {&e, per_thread, 2, 0, 0}, {&e, per_thread, 3, 0, 0}};
    sql_job sj[3] = {{sql_path, per_thread, 1, 0, 0}, {sql_path, per_thread, 2, 0, 0}, {sql_path, per_thread, 3, 0, 0}};
    double ese_scaling = 0, sql_scaling = 0;
    if (strchr(steps, '7')) {
        ese_scaling = two_threads_against_one(ese_lookup_thread, ej, sizeof ej[0], per_thread);
        sql_scaling = two_threads_against_one(sql_lookup_thread, sj, sizeof sj[0], per_thread);
    }

    sqlite3_finalize(ins);
    sqlite3_finalize(get);
    sqlite3_finalize(scan);
    sqlite3_finalize(range);
    sqlite3_close(db);
    CHECK(JetTerm(e.inst));

    if (strchr(steps, '6')) {
        double peak = 0, base = 0;
        long rss_rows = getenv("BENCH_ISAM_RSS_ROWS") ? atol(getenv("BENCH_ISAM_RSS_ROWS")) : g_rows;
        measure_rss(argv[0], rss_dir, rss_rows, &peak, &base);
        printf("\n6. peak RSS inserting %ld rows with JET_paramCacheSizeMax = %d MiB of pages, %d rows per "
               "transaction\n",
               rss_rows, CACHE_MIB, RSS_BATCH);
        printf("   peak %.1f MiB (%.1f MiB before the inserts)   goal <= %d MiB (cache + 48 MiB)\n", peak, base,
               CACHE_MIB + 48);
    }

    if (strchr(steps, '7')) {
        printf("\n7. random lookups, two threads in two sessions against one thread (%ld lookups per thread)\n",
               per_thread);
        printf("   libesent %.2fx one thread (goal >= 1.6)   SQLite, two connections: %.2fx\n", ese_scaling,
               sql_scaling);
    }
    printf("\n(checksum %ld)\n", checksum + ej[0].checksum - sj[0].checksum);
    return 0;
}
