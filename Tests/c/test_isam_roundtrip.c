/* Round trips with rows (issue 10): every backup path taken while another session keeps inserting, updating and
 * deleting rows of an "orders" table in transactions (some committed lazily, some rolled back), then restored and
 * compared row by row with what the writer had committed when the backup ended; and recovery after a kill -9.
 *
 * "When the backup ended": a streamed or JetBackupInstance backup holds the logs up to the generation that its log
 * list closed, so it restores to the commits made before that call, plus at most the one commit the writer had
 * under way during it; an OS snapshot copy recovers to the commits made before the freeze (plus the one under way).
 * The writer records every transaction before its commit call and publishes it after, so each check names a window
 * of committed states [before the call, after it + 1], and the restored table must be exactly one of them.
 *
 * `make test-isam-long` runs the same scenarios with more rows and a longer writer (ISAM_E2E_SCALE=8).
 */
#define _GNU_SOURCE
#include "rows_fixtures.h"
#include "restore_fixtures.h"
#include "snapshot_fixtures.h"

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Rows before the backups and transactions between steps; ISAM_E2E_SCALE multiplies both (long runs). */
static int scale(void) {
    const char *s = getenv("ISAM_E2E_SCALE");
    int n = s ? atoi(s) : 1;
    return n < 1 ? 1 : n > 16 ? 16 : n;
}
static int initial_rows(void) { return 1000 * scale(); }
static uint32_t between(void) { return (uint32_t)(30 * scale()); }

/* bk_setup's instance with the orders table holding initial_rows() rows, recorded in a new history. */
static or_history *setup_orders(bk_env *env) {
    or_create_table(env->sesid, env->dbid);
    or_columns c;
    JET_TABLEID t = or_open(env->sesid, env->dbid, &c);
    or_history *h = or_history_new();
    or_populate(env->sesid, t, &c, h, initial_rows());
    EXPECT_ERR(JetCloseTable(env->sesid, t), JET_errSuccess);
    return h;
}

/* Streams one backup file into `folder`, letting the writer commit at least once after every 4-page read, so the
 * copy of a database is fuzzy: its pages come from many different committed states. */
static void stream_while_writing(bk_env *env, or_writer *w, const char *path, const char *folder) {
    JET_HANDLE h = 0;
    unsigned long lo = 0, hi = 0;
    EXPECT_ERR(JetOpenFileInstanceA(env->inst, path, &h, &lo, &hi), JET_errSuccess);
    size_t size = ((size_t)hi << 32) | lo, done = 0;
    unsigned char *data = aligned_buffer(size + 4 * BK_PAGE);
    for (;;) {
        unsigned long n = 0;
        EXPECT(done <= size);
        EXPECT_ERR(JetReadFileInstance(env->inst, h, data + done, 4 * BK_PAGE, &n), JET_errSuccess);
        if (n == 0) break;
        done += n;
        if (w) or_writer_wait(w, 1);
    }
    EXPECT_ERR(JetCloseFileInstance(env->inst, h), JET_errSuccess);
    char out[BK_PATH];
    bk_join(out, sizeof out, folder, bk_base_name(path));
    bk_write_file(out, data, done);
}

/* The log list of a running streaming backup, copied into `folder`; [*lo, *hi] is the window of states it holds. */
static void stream_logs(bk_env *env, const char *folder, JET_LOGINFO_A *info, const or_history *h, uint32_t *lo,
                        uint32_t *hi) {
    bk_list logs;
    *lo = or_committed(h);
    bk_log_list_info(env, &logs, info);
    *hi = or_committed(h) + 1;
    for (int i = 0; i < logs.n; i++) stream_while_writing(env, NULL, logs.name[i], folder);
}

/* Stops the writer once it has committed `after` more transactions past the backup's end, so changes the backup
 * must not hold exist; checks that the live table is the writer's last committed state (the record the checks
 * rely on is right); ends the instance and deletes its files. */
static void lose_everything(bk_env *env, or_writer *w, or_history *h, uint32_t hi, uint32_t after) {
    or_writer_wait(w, after);
    or_writer_stop(w);
    EXPECT(or_committed(h) > hi);
    or_state *live = malloc(sizeof *live);
    EXPECT(live != NULL);
    or_read(env->sesid, env->dbid, live);
    or_expect_state_in(h, live, or_committed(h), or_committed(h));
    free(live);
    bk_term(env);
    rs_empty_folder(env->dir);
}

SCENARIO(isam_rows_streamed_full_and_incremental_with_a_writer_restore_to_the_backup_end, "issue 10 round trips") {
    bk_env env;
    bk_setup(&env);
    or_history *h = setup_orders(&env);
    or_writer w;
    or_writer_start(&w, env.inst, env.db, h, 11);
    const char *folder = path_in_dir("st");
    EXPECT(mkdir(folder, 0755) == 0);

    JET_LOGINFO_A full, inc;
    uint32_t lo = 0, hi = 0;
    or_writer_wait(&w, between());
    bk_begin(&env, 0);
    stream_while_writing(&env, &w, env.db, folder);
    stream_logs(&env, folder, &full, h, &lo, &hi);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), JET_errSuccess);

    or_writer_wait(&w, between());
    bk_begin(&env, JET_bitBackupIncremental);
    stream_logs(&env, folder, &inc, h, &lo, &hi);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), JET_errSuccess);
    lose_everything(&env, &w, h, hi, between());

    JET_LOGINFO_A range = full;
    range.ulGenHigh = inc.ulGenHigh;
    char restored[BK_PATH], src[BK_PATH];
    snprintf(restored, sizeof restored, "%s", path_in_dir("st/data.edb"));
    snprintf(src, sizeof src, "%s", folder);
    JET_RSTMAP_A map = {env.db, restored};
    EXPECT_ERR(JetExternalRestore2A(env.dir, env.dir, &map, 1, src, &range, NULL, NULL, NULL, NULL), JET_errSuccess);
    rs_expect_restored(restored);
    or_state *got = malloc(sizeof *got);
    EXPECT(got != NULL);
    or_read_database(restored, got);
    or_expect_state_in(h, got, lo, hi);
    free(got);
}

SCENARIO(isam_rows_backed_up_by_jetbackupinstance_with_a_writer_restore_to_the_backup_end, "issue 10 round trips") {
    bk_env env;
    bk_setup(&env);
    or_history *h = setup_orders(&env);
    or_writer w;
    or_writer_start(&w, env.inst, env.db, h, 22);
    or_writer_wait(&w, between());
    EXPECT_ERR(rs_backup(&env, "bk", 0), JET_errSuccess);
    or_writer_wait(&w, between());
    uint32_t lo = or_committed(h);
    EXPECT_ERR(rs_backup(&env, "bk", JET_bitBackupIncremental), JET_errSuccess);
    uint32_t hi = or_committed(h) + 1;
    lose_everything(&env, &w, h, hi, between());

    JET_INSTANCE inst = rs_instance("fresh", "inst");
    EXPECT_ERR(JetRestoreInstanceA(inst, path_in_dir("bk"), NULL, NULL), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    rs_expect_restored(env.db);
    or_state *got = malloc(sizeof *got);
    EXPECT(got != NULL);
    or_read_database(env.db, got);
    or_expect_state_in(h, got, lo, hi);
    free(got);
}

SCENARIO(isam_rows_in_an_os_snapshot_copy_with_a_writer_recover_to_the_freeze, "issue 10 round trips") {
    bk_env env;
    bk_setup_with(&env, "live", "live", "data.edb", 64, 2, -1, 0, NULL);
    or_history *h = setup_orders(&env);
    or_writer w;
    or_writer_start(&w, env.inst, env.db, h, 33);
    or_writer_wait(&w, between());

    JET_OSSNAPID id = sn_prepare(0);
    uint32_t lo = or_committed(h);
    sn_freeze(id);
    uint32_t hi = or_committed(h) + 1;
    char cmd[3 * BK_PATH];
    snprintf(cmd, sizeof cmd, "cp --reflink=auto -R '%s' '%s'", env.dir, path_in_dir("copy"));
    EXPECT(system(cmd) == 0);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);
    or_writer_wait(&w, between());
    or_writer_stop(&w);
    EXPECT(or_committed(h) > hi);
    bk_term(&env);

    /* restore: the copy goes back where the instance's files were, and a plain JetInit recovers it */
    EXPECT(rename(env.dir, path_in_dir("live.old")) == 0);
    EXPECT(rename(path_in_dir("copy"), env.dir) == 0);
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "restored"), JET_errSuccess);
    set_paths(&inst, env.dir);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    or_state *got = malloc(sizeof *got);
    EXPECT(got != NULL);
    or_read_database(env.db, got);
    or_expect_state_in(h, got, lo, hi);
    free(got);
}

/* ---- kill -9 ----------------------------------------------------------------------------------------------- */

/* A child process: legacy instance in ./live with ./live/data.edb and the orders table, initial_rows() rows, then
 * `body`, then SIGKILL. The parent waits for the kill and returns the history the child shared. */
static or_history *run_killed_child(void (*body)(JET_INSTANCE inst, JET_SESID sesid, JET_DBID dbid, or_history *h)) {
    or_history *h = or_history_new();
    fflush(NULL);
    pid_t pid = fork();
    EXPECT(pid >= 0);
    if (pid == 0) {
        JET_INSTANCE inst = init_legacy(path_in_dir("live"));
        JET_DBID dbid = 0;
        JET_SESID sesid = create_db(inst, path_in_dir("live/data.edb"), 64, &dbid);
        or_create_table(sesid, dbid);
        or_columns c;
        JET_TABLEID t = or_open(sesid, dbid, &c);
        or_populate(sesid, t, &c, h, initial_rows());
        EXPECT_ERR(JetCloseTable(sesid, t), JET_errSuccess);
        body(inst, sesid, dbid, h);
        kill(getpid(), SIGKILL);
        _exit(3);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
        harness_fail(__FILE__, __LINE__, "the child was not killed (status %d): it failed before the kill", status);
    return h;
}

/* The recovered table, after a plain JetInit in the killed child's folder. */
static void recover_and_read(or_state *out) {
    JET_INSTANCE inst = init_legacy(path_in_dir("live"));
    JET_SESID sesid = 0;
    JET_DBID dbid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("live/data.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetOpenDatabaseA(sesid, path_in_dir("live/data.edb"), NULL, &dbid, 0), JET_errSuccess);
    or_read(sesid, dbid, out);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* Writer transactions, one last durable commit, then an open transaction that inserts, updates and deletes. */
static void commit_then_leave_a_transaction_open(JET_INSTANCE inst, JET_SESID sesid, JET_DBID dbid, or_history *h) {
    or_writer w;
    memset(&w, 0, sizeof w);
    w.inst = inst;
    w.db = path_in_dir("live/data.edb");
    w.h = h;
    w.seed = 44;
    EXPECT_ERR(or_writer_run(&w, 3 * between()), JET_errSuccess);
    or_state *s = malloc(sizeof *s);
    EXPECT(s != NULL);
    or_state_at(h, or_committed(h), s);
    or_columns c;
    JET_TABLEID t = or_open(sesid, dbid, &c);
    /* a durable commit last, so every transaction before it must come back */
    or_op last = {1, s->rows[1].present ? OR_UPDATE : OR_INSERT, 7, s->rows[1].version + 1};
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(last.kind == OR_UPDATE ? or_update(sesid, t, &c, 1, 7, last.version) : or_insert(sesid, t, &c, 1, 7, last.version),
               JET_errSuccess);
    or_history_begin(h, &last, 1);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
    or_history_commit(h, 0);
    /* never committed: none of it may survive */
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    for (int32_t id = 2; id <= OR_KEYS; id += 7) {
        const or_row *r = &s->rows[id];
        if (!r->present)
            EXPECT_ERR(or_insert(sesid, t, &c, id, -1, r->version + 1000), JET_errSuccess);
        else if (id % 2)
            EXPECT_ERR(or_update(sesid, t, &c, id, -1, r->version + 1000), JET_errSuccess);
        else
            EXPECT_ERR(or_delete(sesid, t, id), JET_errSuccess);
    }
    free(s);
}

SCENARIO(isam_rows_after_kill_9_mid_transaction_keep_commits_and_drop_the_open_transaction, "issue 10 round trips") {
    or_history *h = run_killed_child(commit_then_leave_a_transaction_open);
    EXPECT_EQ_UL(or_durable(h), or_committed(h));
    or_state *got = malloc(sizeof *got);
    EXPECT(got != NULL);
    recover_and_read(got);
    EXPECT_EQ_UL(or_expect_state_in(h, got, or_committed(h), or_committed(h)), or_committed(h));
    free(got);
}

/* The writer on its own thread; the child is killed while it commits. */
static void kill_while_writing(JET_INSTANCE inst, JET_SESID sesid, JET_DBID dbid, or_history *h) {
    (void)sesid;
    (void)dbid;
    static or_writer w;
    or_writer_start(&w, inst, path_in_dir("live/data.edb"), h, 55);
    or_writer_wait(&w, 2 * between());
    EXPECT_ERR(__atomic_load_n(&w.failure, __ATOMIC_ACQUIRE), JET_errSuccess);
}

SCENARIO(isam_rows_after_kill_9_while_committing_recover_a_committed_state, "issue 10 round trips") {
    or_history *h = run_killed_child(kill_while_writing);
    /* lazy commits after the last flushed one may be lost, never reordered; the commit under way may or may not
     * have made it */
    uint32_t lo = or_durable(h), hi = or_committed(h) + 1;
    or_state *got = malloc(sizeof *got);
    EXPECT(got != NULL);
    recover_and_read(got);
    or_expect_state_in(h, got, lo, hi);
    free(got);
}
