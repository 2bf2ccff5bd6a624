/* Shared fixtures of the streaming-backup scenarios (Tests/c/test_backup_*.c).
 *
 * A scenario sets up one instance with one database and a few archived logs (bk_setup), walks the backup
 * through the backup states (docs/api.md, "Streaming backup") with the helpers below, and checks each call
 * with EXPECT_ERR.
 * Every helper that performs a step expects that step to succeed and fails the scenario otherwise; helpers
 * named bk_try_* return the JET_ERR instead.
 *
 * Generations: bk_setup leaves logs 1 and 2 archived and generation 3 current (JetInit starts generation 1;
 * each JetCommitTransaction(JET_bitForceNewLog) rolls once). Since database pages are written through at
 * commit, the checkpoint is the current generation, so a full backup begun then copies
 * [3, 3] after the first log-list call rolls to 4.
 */
#ifndef ESENT_TEST_BACKUP_FIXTURES_H
#define ESENT_TEST_BACKUP_FIXTURES_H

#include "harness.h"

#define BK_PAGE 4096UL         /* JET_paramDatabasePageSize default */
#define BK_LOG_SIZE (128UL * 1024UL) /* JET_paramLogFileSize set by set_paths() */
#define BK_PATH 1024
#define BK_MAX_NAMES 256  /* logs of a backup taken while a writer runs: more than 64 on a loaded machine */
#define BK_DB_PAGES 32UL       /* extra pages given to bk_setup's database */
#define BK_CHUNK (16UL * BK_PAGE)

typedef struct {
    JET_INSTANCE inst;
    JET_SESID sesid;
    JET_DBID dbid;
    int legacy;         /* one-instance mode (init_legacy) */
    char dir[BK_PATH];  /* system and log folder, absolute, no trailing '/' */
    char db[BK_PATH];   /* the database, absolute */
} bk_env;

/* A decoded multi-string (UTF-8). */
typedef struct {
    int n;
    char name[BK_MAX_NAMES][BK_PATH];
} bk_list;

/* ---- Setup ------------------------------------------------------------------------------------------ */

/* Multi-instance mode: instance "backup" with its files in ./inst, database ./inst/data.edb with BK_DB_PAGES
 * extra pages (open in env->sesid as env->dbid), log rolled twice. */
void bk_setup(bk_env *env);
/* The same in one-instance (legacy) mode through init_legacy(). */
void bk_setup_legacy(bk_env *env);
/* General form: `name` NULL means one-instance mode; `folder` and `dbname` are relative to the scenario's
 * folder; `paramid` >= 0 sets that instance parameter (lParam / sz) between JetCreateInstance and JetInit. */
void bk_setup_with(bk_env *env, const char *name, const char *folder, const char *dbname, unsigned long pages,
                   int rolls, long paramid, JET_API_PTR lParam, const char *sz);
/* JetTerm(inst) must succeed. */
void bk_term(bk_env *env);

/* ---- Files ------------------------------------------------------------------------------------------ */

/* out = dir + "/" + name (fails the scenario if it does not fit). */
void bk_join(char *out, size_t cbOut, const char *dir, const char *name);

/* "<dir>/edbXXXXX.log" for a generation (rotating static buffers, 8 slots). */
const char *bk_log_path(const bk_env *env, long gen);
/* "<dir>/edb.log". */
const char *bk_current_log_path(const bk_env *env);
/* Generations of the archived logs present in env->dir, ascending; returns how many (at most max). */
int bk_archived(const bk_env *env, long *gens, int max);
/* Highest archived generation + 1 (the current generation), 1 when nothing is archived. */
long bk_current_gen(const bk_env *env);
/* Whole file in memory (freed at exit); fails the scenario if it cannot be read. */
unsigned char *bk_slurp(const char *path, size_t *pcb);
/* Overwrite bytes of a file in place. */
void bk_patch(const char *path, long long offset, const void *p, size_t cb);
/* Writes cb bytes to a new file at path. */
void bk_write_file(const char *path, const unsigned char *p, size_t cb);
/* The last component of a path. */
const char *bk_base_name(const char *path);
/* Invert one byte of a file. */
void bk_flip(const char *path, long long offset);
/* An offset inside the records of a log file (past its header) whose byte is part of the written data. */
long long bk_log_data_offset(const char *path);
/* Database file pages: pgnoLast = file size / page - 2 (two header pages). */
unsigned long bk_pgno_last(const char *db);

/* ---- Multi-strings ---------------------------------------------------------------------------------- */

void bk_split(const char *szz, bk_list *out);
/* UTF-16 multi-string to a bk_list (UTF-8); `cb` bytes at most are looked at. */
void bk_split_w(const WCHAR *wszz, size_t cb, bk_list *out);
/* UTF-16 string equality with a UTF-8 string. */
int bk_wcs_equals(const WCHAR *w, const char *s);
size_t bk_wcslen(const WCHAR *w);

/* ---- Backup steps (each expects success) ------------------------------------------------------------ */

void bk_begin(bk_env *env, JET_GRBIT grbit);
void bk_attach_list(bk_env *env, bk_list *out);
/* Streams a whole backup file (open, read in `chunk` byte reads to the 0-byte read, close). */
unsigned char *bk_stream(bk_env *env, const char *path, unsigned long chunk, size_t *pcb);
/* GetAttachInfo, then every listed database streamed completely and closed. */
void bk_copy_databases(bk_env *env);
/* JetGetLogInfoInstanceA. */
void bk_log_list(bk_env *env, bk_list *out);
/* JetGetLogInfoInstance2A: the list, and the log range in *info. */
void bk_log_list_info(bk_env *env, bk_list *out, JET_LOGINFO_A *info);
/* Every listed log streamed to its end, closed, and compared with the file on disk. */
void bk_copy_logs(bk_env *env, const bk_list *logs);
/* Begin(0), copy databases, log list, copy logs, [TruncateLog], End2(end). */
void bk_full(bk_env *env, int truncate, JET_GRBIT end);
/* Begin(Incremental), log list, copy logs, [TruncateLog], End2(end). */
void bk_incremental(bk_env *env, int truncate, JET_GRBIT end);

/* The list names exactly the archived logs low..high of env->dir (inclusive, in order). */
void bk_expect_logs_(const bk_env *env, const bk_list *list, long low, long high, const char *file, int line);
#define bk_expect_logs(env, list, low, high) bk_expect_logs_((env), (list), (low), (high), __FILE__, __LINE__)
/* The archived logs present in env->dir are exactly low..high (none when low > high). */
void bk_expect_archived_(const bk_env *env, long low, long high, const char *file, int line);
#define bk_expect_archived(env, low, high) bk_expect_archived_((env), (low), (high), __FILE__, __LINE__)

/* States of the table in docs/api.md, "Streaming backup". */
void bk_to_databases(bk_env *env);                    /* Begin(0) */
void bk_to_logs(bk_env *env, bk_list *logs);          /* Begin(0), databases copied, log list taken */
void bk_to_stopped(bk_env *env);                      /* Begin(0), JetStopBackupInstance */

/* The backup is running (Begin gives -505) / ended (GetAttachInfo and End give -520). */
void bk_expect_running_(bk_env *env, const char *file, int line);
void bk_expect_ended_(bk_env *env, const char *file, int line);
#define bk_expect_running(env) bk_expect_running_((env), __FILE__, __LINE__)
#define bk_expect_ended(env) bk_expect_ended_((env), __FILE__, __LINE__)

/* Opens a backup file; returns the error, the handle and the size. */
JET_ERR bk_try_open(bk_env *env, const char *path, JET_HANDLE *ph, unsigned long long *pcb);
/* Reads until the 0-byte read or an error; returns the error; *pcb = bytes read. */
JET_ERR bk_try_read_to_end(bk_env *env, JET_HANDLE h, unsigned long chunk, size_t *pcb);

/* ---- Headers ---------------------------------------------------------------------------------------- */

/* JetGetDatabaseFileInfoA(db, JET_DbInfoMisc) must succeed. */
void bk_dbinfo(const char *db, JET_DBINFOMISC *misc);
/* Little-endian UInt32 at `offset` of a buffer. */
unsigned long bk_u32(const unsigned char *p, size_t offset);

/* Offsets in the database header page (docs/file-formats.md). */
#define BK_HDR_SIGNDB 24
#define BK_HDR_DBSTATE 52
#define BK_HDR_FULLPREV 136
#define BK_HDR_FULLCUR 184
#define BK_BKINFO_GENLOW 16
#define BK_BKINFO_GENHIGH 20

#endif
