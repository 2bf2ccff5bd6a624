/* Files and recovery: the checkpoint and log files an instance makes, continuing a log stream across
 * JetTerm/JetInit, corrupt or mismatched checkpoint and log files, and recovery after a killed process or
 * JET_bitTermDirty (issue 2.5). */
#define _GNU_SOURCE
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *archived(const char *dir, unsigned gen) {
    char name[64];
    snprintf(name, sizeof name, "%s/edb%05X.log", dir, gen);
    return path_in_dir(name);
}

static void flip_byte(const char *path, off_t offset) {
    int fd = open(path, O_RDWR);
    EXPECT(fd >= 0);
    unsigned char b = 0;
    EXPECT(pread(fd, &b, 1, offset) == 1);
    b ^= 0xFF;
    EXPECT(pwrite(fd, &b, 1, offset) == 1);
    EXPECT(fsync(fd) == 0);
    close(fd);
}

static unsigned char *read_all(const char *path, size_t *pcb) {
    long long size = file_size(path);
    EXPECT(size >= 0);
    unsigned char *buf = aligned_buffer((size_t)size + 1);
    int fd = open(path, O_RDONLY);
    EXPECT(fd >= 0);
    EXPECT(pread(fd, buf, (size_t)size, 0) == (ssize_t)size);
    close(fd);
    *pcb = (size_t)size;
    return buf;
}

static void copy_file(const char *from, const char *to) {
    size_t cb = 0;
    unsigned char *data = read_all(from, &cb);
    int fd = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    EXPECT(fd >= 0);
    EXPECT(write(fd, data, cb) == (ssize_t)cb);
    EXPECT(fsync(fd) == 0);
    close(fd);
}

static JET_DBINFOMISC misc_of(const char *path) {
    JET_DBINFOMISC misc;
    memset(&misc, 0, sizeof misc);
    EXPECT_ERR(JetGetDatabaseFileInfoA(path, &misc, sizeof misc, JET_DbInfoMisc), JET_errSuccess);
    return misc;
}

static JET_SESID begin(JET_INSTANCE inst) {
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    return sesid;
}

static unsigned long attached_count(void) {
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    unsigned long n = (unsigned long)info[0].cDatabases;
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    return n;
}

/* A legacy instance in `dir` that is initialized and terminated again, leaving a log stream behind. */
static void make_stream(const char *dir) {
    JET_INSTANCE inst = init_legacy(dir);
    JET_SESID sesid = begin(inst);
    roll_logs(sesid, 1);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* A child process initializes a legacy instance in `dir`, creates `db`, rolls the log `rolls` times, commits,
 * optionally detaches, and is killed with SIGKILL. */
static void crash_child(const char *dir, const char *db, int rolls, int detach_first) {
    fflush(NULL);
    pid_t pid = fork();
    EXPECT(pid >= 0);
    if (pid == 0) {
        JET_INSTANCE inst = init_legacy(dir);
        JET_DBID dbid = 0;
        JET_SESID sesid = create_db(inst, db, 8, &dbid);
        roll_logs(sesid, rolls);
        EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
        EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
        if (detach_first) {
            EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
            EXPECT_ERR(JetDetachDatabaseA(sesid, db), JET_errSuccess);
        }
        kill(getpid(), SIGKILL);
        _exit(3);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/* ------------------------------------------------------------------------------------------------------------
 * The files of a log stream
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(init_puts_the_checkpoint_in_the_system_path_and_the_log_in_the_log_path, "issue 2.5") {
    JET_INSTANCE inst = 0;
    char folder[4200];
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramCreatePathIfNotExist, 1, NULL), JET_errSuccess);
    snprintf(folder, sizeof folder, "%s/", path_in_dir("sys"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, folder), JET_errSuccess);
    snprintf(folder, sizeof folder, "%s/", path_in_dir("logs"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, folder), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, path_in_dir("tmp/tmp.edb")), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLogFileSize, 128, NULL), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT(file_size(path_in_dir("sys/edb.chk")) > 0);
    EXPECT(file_size(path_in_dir("logs/edb.chk")) < 0);
    EXPECT_EQ_UL(file_size(path_in_dir("logs/edb.log")), 128 * 1024);
    EXPECT(file_size(path_in_dir("sys/edb.log")) < 0);
    JET_SESID sesid = begin(inst);
    roll_logs(sesid, 1);
    EXPECT_EQ_UL(file_size(archived("logs", 1)), 128 * 1024);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    /* A clean term leaves the stream in place. */
    EXPECT(file_size(path_in_dir("sys/edb.chk")) > 0);
    EXPECT_EQ_UL(file_size(path_in_dir("logs/edb.log")), 128 * 1024);
}

SCENARIO(log_files_are_log_file_size_kib, "api System parameters") {
    const unsigned long sizes[] = {64, 512};
    for (int i = 0; i < 2; i++) {
        char dir[32], name[32];
        snprintf(dir, sizeof dir, "s%lu", sizes[i]);
        snprintf(name, sizeof name, "i%lu", sizes[i]);
        JET_INSTANCE inst = 0;
        EXPECT_ERR(JetCreateInstanceA(&inst, name), JET_errSuccess);
        set_paths(&inst, path_in_dir(dir));
        EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLogFileSize, sizes[i], NULL), JET_errSuccess);
        EXPECT_ERR(JetInit(&inst), JET_errSuccess);
        char log[64];
        snprintf(log, sizeof log, "%s/edb.log", dir);
        EXPECT_EQ_UL(file_size(path_in_dir(log)), sizes[i] * 1024);
        JET_SESID sesid = begin(inst);
        roll_logs(sesid, 2);
        EXPECT_EQ_UL(file_size(archived(dir, 1)), sizes[i] * 1024);
        EXPECT_EQ_UL(file_size(archived(dir, 2)), sizes[i] * 1024);
        EXPECT_EQ_UL(file_size(path_in_dir(log)), sizes[i] * 1024);
        EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    }
}

SCENARIO(force_new_log_archives_generations_in_order_with_upper_case_hex_names, "api JetCommitTransaction") {
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    JET_SESID sesid = begin(inst);
    for (unsigned gen = 1; gen <= 17; gen++) {
        EXPECT(file_size(archived("s", gen)) < 0);
        roll_logs(sesid, 1);
        EXPECT_EQ_UL(file_size(archived("s", gen)), 128 * 1024);
    }
    EXPECT(file_size(path_in_dir("s/edb0000A.log")) > 0);
    EXPECT(file_size(path_in_dir("s/edb0000a.log")) < 0);
    EXPECT(file_size(path_in_dir("s/edb00011.log")) > 0);
    EXPECT(file_size(path_in_dir("s/edb00012.log")) < 0);
    /* The temporary name of a log being created does not stay behind. */
    EXPECT(file_size(path_in_dir("s/edbtmp.log")) < 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(archived_logs_carry_the_base_name, "api System parameters") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    set_paths(&inst, path_in_dir("a"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramBaseName, 0, "abc"), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    JET_SESID sesid = begin(inst);
    roll_logs(sesid, 2);
    EXPECT(file_size(path_in_dir("a/abc.chk")) > 0);
    EXPECT_EQ_UL(file_size(path_in_dir("a/abc.log")), 128 * 1024);
    EXPECT_EQ_UL(file_size(path_in_dir("a/abc00001.log")), 128 * 1024);
    EXPECT_EQ_UL(file_size(path_in_dir("a/abc00002.log")), 128 * 1024);
    EXPECT(file_size(path_in_dir("a/edb00001.log")) < 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(reinit_in_the_same_folder_continues_the_generation_numbers, "issue 2.5") {
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    JET_SESID sesid = begin(inst);
    roll_logs(sesid, 2);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT(file_size(archived("s", 2)) > 0);
    EXPECT(file_size(archived("s", 3)) < 0);
    size_t cb1 = 0, cb2 = 0;
    unsigned char *first = read_all(archived("s", 1), &cb1);
    unsigned char *second = read_all(archived("s", 2), &cb2);

    inst = init_legacy(path_in_dir("s"));
    sesid = begin(inst);
    roll_logs(sesid, 1);
    /* The next generation appears; the earlier ones are left as they were. */
    EXPECT_EQ_UL(file_size(archived("s", 3)), 128 * 1024);
    size_t cb = 0;
    unsigned char *again = read_all(archived("s", 1), &cb);
    EXPECT(cb == cb1 && memcmp(again, first, cb) == 0);
    again = read_all(archived("s", 2), &cb);
    EXPECT(cb == cb2 && memcmp(again, second, cb) == 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(reinit_in_the_same_folder_keeps_the_log_signature, "issue 2.5") {
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("first.edb"), 0, &dbid);
    roll_logs(sesid, 1);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_DBINFOMISC first = misc_of(path_in_dir("first.edb"));

    inst = init_legacy(path_in_dir("s"));
    create_db(inst, path_in_dir("second.edb"), 0, &dbid);
    JET_DBINFOMISC second = misc_of(path_in_dir("second.edb"));
    EXPECT(memcmp(&first.signLog, &second.signLog, sizeof first.signLog) == 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);

    /* A stream in another folder has a signature of its own. */
    inst = init_legacy(path_in_dir("other"));
    create_db(inst, path_in_dir("third.edb"), 0, &dbid);
    JET_DBINFOMISC third = misc_of(path_in_dir("third.edb"));
    EXPECT(memcmp(&first.signLog, &third.signLog, sizeof first.signLog) != 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(reinit_in_the_same_folder_by_a_named_instance_continues_the_stream, "issue 2.5") {
    JET_INSTANCE inst = init_named("first", path_in_dir("s"));
    JET_SESID sesid = begin(inst);
    roll_logs(sesid, 3);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    inst = init_named("second", path_in_dir("s"));
    sesid = begin(inst);
    roll_logs(sesid, 1);
    EXPECT_EQ_UL(file_size(archived("s", 4)), 128 * 1024);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(a_database_reattaches_after_reinit_in_the_same_folder, "issue 2.5") {
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    JET_DBID dbid = 0;
    create_db(inst, path_in_dir("db.edb"), 10, &dbid);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    inst = init_legacy(path_in_dir("s"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 1);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * Corrupt and mismatched files
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(corrupt_checkpoint_gives_checkpoint_corrupt, "issue 2.5") {
    make_stream(path_in_dir("s"));
    flip_byte(path_in_dir("s/edb.chk"), 100);
    set_paths(NULL, path_in_dir("s"));
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetInit(&inst), JET_errCheckpointCorrupt);
    EXPECT(inst == 0);
    /* The failed init left no instance behind. */
    JET_INSTANCE multi = 0;
    EXPECT_ERR(JetCreateInstanceA(&multi, "after"), JET_errSuccess);
    EXPECT_ERR(JetTerm(multi), JET_errSuccess);
}

SCENARIO(corrupt_checkpoint_fails_init_of_a_named_instance_and_destroys_it, "issue 2.5") {
    make_stream(path_in_dir("s"));
    flip_byte(path_in_dir("s/edb.chk"), 100);
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    set_paths(&inst, path_in_dir("s"));
    EXPECT_ERR(JetInit(&inst), JET_errCheckpointCorrupt);
    EXPECT(inst == 0);
}

SCENARIO(corrupt_log_header_gives_log_file_corrupt, "issue 2.5") {
    make_stream(path_in_dir("s"));
    flip_byte(path_in_dir("s/edb.log"), 30);
    set_paths(NULL, path_in_dir("s"));
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetInit(&inst), JET_errLogFileCorrupt);
    EXPECT(inst == 0);
}

SCENARIO(checkpoint_of_another_stream_gives_bad_checkpoint_signature, "issue 2.5") {
    make_stream(path_in_dir("s"));
    make_stream(path_in_dir("other"));
    copy_file(path_in_dir("other/edb.chk"), path_in_dir("s/edb.chk"));
    set_paths(NULL, path_in_dir("s"));
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetInit(&inst), JET_errBadCheckpointSignature);
    EXPECT(inst == 0);
}

/* ------------------------------------------------------------------------------------------------------------
 * Crash recovery
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(killed_process_database_attaches_cleanly_after_reinit, "issue 2.6") {
    const char *db = path_in_dir("s/db.edb");
    crash_child(path_in_dir("s"), db, 0, 0);
    EXPECT(misc_of(db).dbstate != JET_dbstateCleanShutdown);
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    /* Recovery left the database consistent and detached. */
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
    EXPECT_EQ_UL(attached_count(), 0);
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 1);
    EXPECT_ERR(JetDetachDatabaseA(sesid, db), JET_errSuccess);
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(killed_process_database_recovers_in_multi_instance_mode, "api JetInit") {
    const char *db = path_in_dir("s/db.edb");
    crash_child(path_in_dir("s"), db, 1, 0);
    JET_INSTANCE inst = init_named("recover", path_in_dir("s"));
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, db), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
}

SCENARIO(recovery_after_a_kill_continues_the_log_stream, "issue 2.5") {
    const char *db = path_in_dir("s/db.edb");
    crash_child(path_in_dir("s"), db, 2, 0);
    EXPECT(file_size(archived("s", 2)) > 0);
    JET_DBINFOMISC before = misc_of(db);
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    JET_SESID sesid = begin(inst);
    roll_logs(sesid, 1);
    EXPECT(file_size(archived("s", 1)) > 0);
    EXPECT(file_size(archived("s", 2)) > 0);
    EXPECT_EQ_UL(file_size(archived("s", 3)), 128 * 1024);
    /* Same stream: a new database gets the crashed stream's log signature. */
    JET_DBID dbid = 0;
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("s/new.edb"), NULL, &dbid, 0), JET_errSuccess);
    JET_DBINFOMISC fresh = misc_of(path_in_dir("s/new.edb"));
    EXPECT(memcmp(&before.signLog, &fresh.signLog, sizeof before.signLog) == 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(killed_process_after_detach_leaves_a_clean_database, "api JetInit") {
    const char *db = path_in_dir("s/db.edb");
    crash_child(path_in_dir("s"), db, 0, 1);
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    EXPECT_EQ_UL(attached_count(), 0);
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(term_dirty_gives_dirty_shutdown_and_the_next_init_recovers, "api JetTerm") {
    const char *db = path_in_dir("s/db.edb");
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, db, 4, &dbid);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm2(inst, JET_bitTermDirty), JET_errDirtyShutdown);
    EXPECT(misc_of(db).dbstate != JET_dbstateCleanShutdown);
    /* The instance is gone all the same. */
    EXPECT_ERR(JetTerm(inst), JET_errInvalidInstance);
    inst = init_legacy(path_in_dir("s"));
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
    EXPECT_EQ_UL(attached_count(), 0);
    sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, db), JET_errSuccess);
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(term_dirty_of_a_named_instance_recovers_on_the_next_init, "api JetTerm") {
    const char *db = path_in_dir("s/db.edb");
    JET_INSTANCE inst = init_named("a", path_in_dir("s"));
    JET_DBID dbid = 0;
    create_db(inst, db, 0, &dbid);
    EXPECT_ERR(JetTerm2(inst, JET_bitTermDirty), JET_errDirtyShutdown);
    /* The mode is unset again: the next instance may even be a legacy one. */
    inst = init_legacy(path_in_dir("s"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
}

SCENARIO(two_crashes_in_a_row_recover, "api JetInit") {
    const char *db = path_in_dir("s/db.edb");
    crash_child(path_in_dir("s"), db, 1, 0);
    /* Second crash: the child recovers, reattaches, creates another database and dies again. */
    fflush(NULL);
    pid_t pid = fork();
    EXPECT(pid >= 0);
    if (pid == 0) {
        JET_INSTANCE inst = init_legacy(path_in_dir("s"));
        JET_SESID sesid = begin(inst);
        EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), JET_errSuccess);
        JET_DBID dbid = 0;
        EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("s/db2.edb"), NULL, &dbid, 0), JET_errSuccess);
        roll_logs(sesid, 1);
        kill(getpid(), SIGKILL);
        _exit(3);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    EXPECT(misc_of(db).dbstate != JET_dbstateCleanShutdown);
    JET_INSTANCE inst = init_legacy(path_in_dir("s"));
    EXPECT_EQ_UL(misc_of(db).dbstate, JET_dbstateCleanShutdown);
    EXPECT_EQ_UL(misc_of(path_in_dir("s/db2.edb")).dbstate, JET_dbstateCleanShutdown);
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("s/db2.edb"), 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 2);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}
