/* Databases: JetCreateDatabase*, JetAttachDatabase*, JetDetachDatabase*, JetDetachDatabase2*, JetOpenDatabase*,
 * JetCloseDatabase, JetGrowDatabase, JetSetDatabaseSize*, JetGetDatabaseFileInfo*. */
#define _GNU_SOURCE
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static JET_DBINFOMISC misc_of(const char *path) {
    JET_DBINFOMISC misc;
    memset(&misc, 0, sizeof misc);
    EXPECT_ERR(JetGetDatabaseFileInfoA(path, &misc, sizeof misc, JET_DbInfoMisc), JET_errSuccess);
    return misc;
}

static int signature_is_set(const JET_SIGNATURE *sig) {
    static const JET_SIGNATURE zero;
    return memcmp(sig, &zero, sizeof zero) != 0;
}

static int same_signature(const JET_SIGNATURE *a, const JET_SIGNATURE *b) { return memcmp(a, b, sizeof *a) == 0; }

static unsigned long long filesize_info(const char *path) {
    unsigned long long cb = 0;
    EXPECT_ERR(JetGetDatabaseFileInfoA(path, &cb, sizeof cb, JET_DbInfoFilesize), JET_errSuccess);
    return cb;
}

/* Creates `path`, closes it and detaches it again: a clean, detached database file. */
static void make_detached_db(JET_SESID sesid, const char *path) {
    JET_DBID dbid = 0;
    EXPECT_ERR(JetCreateDatabaseA(sesid, path, NULL, &dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path), JET_errSuccess);
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

/* A child process initializes a legacy instance in `dir`, creates `db`, commits, and is killed with the
 * database still attached. */
static void crash_with_attached_database(const char *dir, const char *db) {
    fflush(NULL);
    pid_t pid = fork();
    EXPECT(pid >= 0);
    if (pid == 0) {
        JET_INSTANCE inst = init_legacy(dir);
        JET_DBID dbid = 0;
        JET_SESID sesid = create_db(inst, db, 8, &dbid);
        EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
        EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
        kill(getpid(), SIGKILL);
        _exit(3);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetCreateDatabase
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(create_database_creates_attaches_and_opens_the_file, "api JetCreateDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    JET_DBID dbid = JET_dbidNil;
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("db.edb"), NULL, &dbid, 0), JET_errSuccess);
    EXPECT(dbid != JET_dbidNil);
    long long size = file_size(path_in_dir("db.edb"));
    EXPECT(size >= 2 * 4096 && size % 4096 == 0);
    EXPECT_EQ_UL(attached_count(), 1);
    /* Attached already, and open: detaching needs the close first. */
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_wrnDatabaseAttached);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errDatabaseInUse);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_with_null_pdbid_gives_invalid_parameter, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("db.edb"), NULL, NULL, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetCreateDatabaseW(sesid, utf16(path_in_dir("db.edb")), NULL, NULL, 0), JET_errInvalidParameter);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_w_with_a_non_ascii_name, "api JetCreateDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    JET_DBID dbid = 0;
    const char *path = path_in_dir("données-ü.edb");
    EXPECT_ERR(JetCreateDatabaseW(sesid, utf16(path), NULL, &dbid, 0), JET_errSuccess);
    EXPECT(file_size(path) > 0);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(info[0].cDatabases, 1);
    EXPECT(!strcmp(info[0].szDatabaseFileName[0], path));
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseW(sesid, utf16(path)), JET_errSuccess);
    EXPECT_EQ_UL(misc_of(path).dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_a_with_a_non_ascii_utf8_name, "api JetCreateDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    JET_DBID dbid = 0;
    const char *path = path_in_dir("données-ü.edb");
    EXPECT_ERR(JetCreateDatabaseA(sesid, path, NULL, &dbid, 0), JET_errSuccess);
    EXPECT(file_size(path) > 0);
    /* The same file through the W name. */
    EXPECT_ERR(JetAttachDatabaseW(sesid, utf16(path), 0), JET_wrnDatabaseAttached);
    JET_DBINFOMISC misc;
    EXPECT_ERR(JetGetDatabaseFileInfoW(utf16(path), &misc, sizeof misc, JET_DbInfoMisc), JET_errSuccess);
    EXPECT_EQ_UL(misc.cbPageSize, 4096);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(database_calls_w_with_an_unpaired_surrogate_give_unicode_translation_fail, "api Strings, names and paths") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    JET_DBID dbid = 0;
    unsigned long real = 0;
    const WCHAR bad[] = {'/', 't', 'm', 'p', '/', 0xD800, '.', 'e', 'd', 'b', 0};
    EXPECT_ERR(JetCreateDatabaseW(sesid, bad, NULL, &dbid, 0), JET_errUnicodeTranslationFail);
    EXPECT_ERR(JetAttachDatabaseW(sesid, bad, 0), JET_errUnicodeTranslationFail);
    EXPECT_ERR(JetDetachDatabaseW(sesid, bad), JET_errUnicodeTranslationFail);
    EXPECT_ERR(JetOpenDatabaseW(sesid, bad, NULL, &dbid, 0), JET_errUnicodeTranslationFail);
    EXPECT_ERR(JetSetDatabaseSizeW(sesid, bad, 100, &real), JET_errUnicodeTranslationFail);
    JET_DBINFOMISC misc;
    EXPECT_ERR(JetGetDatabaseFileInfoW(bad, &misc, sizeof misc, JET_DbInfoMisc), JET_errUnicodeTranslationFail);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_over_an_existing_file_gives_database_duplicate, "api JetCreateDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    JET_DBID dbid = 0;
    make_detached_db(sesid, path_in_dir("db.edb"));
    long long before = file_size(path_in_dir("db.edb"));
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("db.edb"), NULL, &dbid, 0), JET_errDatabaseDuplicate);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), before);
    EXPECT_EQ_UL(misc_of(path_in_dir("db.edb")).dbstate, JET_dbstateCleanShutdown);
    /* Any existing file counts, database or not. */
    FILE *junk = fopen(path_in_dir("junk.edb"), "w");
    EXPECT(junk != NULL);
    fputs("not a database", junk);
    fclose(junk);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("junk.edb"), NULL, &dbid, 0), JET_errDatabaseDuplicate);
    EXPECT_EQ_UL(file_size(path_in_dir("junk.edb")), strlen("not a database"));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_that_is_attached_gives_database_duplicate, "api JetCreateDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0, again = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("db.edb"), NULL, &again, 0), JET_errDatabaseDuplicate);
    EXPECT_EQ_UL(attached_count(), 1);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_with_overwrite_existing_replaces_the_file, "api JetCreateDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 200, &dbid);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    long long before = file_size(path_in_dir("db.edb"));
    JET_DBINFOMISC old = misc_of(path_in_dir("db.edb"));
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("db.edb"), NULL, &dbid, JET_bitDbOverwriteExisting),
               JET_errSuccess);
    EXPECT(file_size(path_in_dir("db.edb")) < before);
    JET_DBINFOMISC fresh = misc_of(path_in_dir("db.edb"));
    EXPECT(!same_signature(&old.signDb, &fresh.signDb));
    EXPECT(fresh.dbstate == JET_dbstateJustCreated || fresh.dbstate == JET_dbstateDirtyShutdown);
    EXPECT_EQ_UL(attached_count(), 1);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(create_database_with_recovery_off_gives_a_usable_database, "api JetCreateDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    JET_DBID dbid = 0;
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("unlogged.edb"), NULL, &dbid, JET_bitDbRecoveryOff),
               JET_errSuccess);
    EXPECT(file_size(path_in_dir("unlogged.edb")) > 0);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("unlogged.edb")), JET_errSuccess);
    EXPECT_EQ_UL(misc_of(path_in_dir("unlogged.edb")).dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(seventh_created_database_gives_too_many_attached_databases, "api JetCreateDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    char name[32];
    for (int i = 1; i <= 6; i++) {
        JET_DBID dbid = 0;
        snprintf(name, sizeof name, "db%d.edb", i);
        EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir(name), NULL, &dbid, 0), JET_errSuccess);
        EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    }
    JET_DBID dbid = 0;
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("db7.edb"), NULL, &dbid, 0), JET_errTooManyAttachedDatabases);
    EXPECT_EQ_UL(attached_count(), 6);
    /* A free slot makes room. */
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db1.edb")), JET_errSuccess);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("db8.edb"), NULL, &dbid, 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 6);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(seventh_attached_database_gives_too_many_attached_databases, "api JetAttachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    char name[32];
    for (int i = 1; i <= 7; i++) {
        snprintf(name, sizeof name, "db%d.edb", i);
        make_detached_db(sesid, path_in_dir(name));
    }
    for (int i = 1; i <= 6; i++) {
        snprintf(name, sizeof name, "db%d.edb", i);
        EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir(name), 0), JET_errSuccess);
    }
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db7.edb"), 0), JET_errTooManyAttachedDatabases);
    EXPECT_EQ_UL(attached_count(), 6);
    EXPECT_EQ_UL(misc_of(path_in_dir("db7.edb")).dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetAttachDatabase
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(attach_a_missing_file_gives_file_not_found, "api JetAttachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("missing.edb"), 0), JET_errFileNotFound);
    EXPECT_ERR(JetAttachDatabaseW(sesid, utf16(path_in_dir("missing.edb")), 0), JET_errFileNotFound);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("missing.edb"), JET_bitDbReadOnly), JET_errFileNotFound);
    EXPECT(file_size(path_in_dir("missing.edb")) < 0);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(attach_a_file_without_write_permission_gives_database_file_read_only, "api JetAttachDatabase") {
    /* Tests may run as root, which ignores permissions: the library decides from the mode bits, so a file
     * that nobody may write is read-only for root too. */
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    EXPECT(chmod(path_in_dir("db.edb"), 0444) == 0);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errDatabaseFileReadOnly);
    EXPECT_ERR(JetAttachDatabaseW(sesid, utf16(path_in_dir("db.edb")), 0), JET_errDatabaseFileReadOnly);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), JET_bitDbReadOnly), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(attach_read_only_leaves_the_file_untouched, "api JetAttachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    JET_DBINFOMISC before = misc_of(path_in_dir("db.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), JET_bitDbReadOnly), JET_errSuccess);
    EXPECT_EQ_UL(misc_of(path_in_dir("db.edb")).dbstate, JET_dbstateCleanShutdown);
    JET_DBID dbid = 0;
    EXPECT_ERR(JetOpenDatabaseA(sesid, path_in_dir("db.edb"), NULL, &dbid, JET_bitDbReadOnly), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    JET_DBINFOMISC after = misc_of(path_in_dir("db.edb"));
    EXPECT_EQ_UL(after.dbstate, JET_dbstateCleanShutdown);
    EXPECT(same_signature(&before.signDb, &after.signDb));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(attach_an_empty_name_gives_database_invalid_path, "api JetAttachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(sesid, "", 0), JET_errDatabaseInvalidPath);
    EXPECT_ERR(JetAttachDatabaseW(sesid, utf16(""), 0), JET_errDatabaseInvalidPath);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(attach_an_attached_database_gives_database_attached_warning, "api JetAttachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_wrnDatabaseAttached);
    EXPECT_ERR(JetAttachDatabaseW(sesid, utf16(path_in_dir("db.edb")), 0), JET_wrnDatabaseAttached);
    /* From another session of the same instance too. */
    JET_SESID other = begin(inst);
    EXPECT_ERR(JetAttachDatabaseA(other, path_in_dir("db.edb"), 0), JET_wrnDatabaseAttached);
    EXPECT_EQ_UL(attached_count(), 1);
    /* Still one attachment: one detach is enough. */
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errDatabaseNotFound);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(attach_and_detach_inside_a_transaction_give_in_transaction, "api JetAttachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    make_detached_db(sesid, path_in_dir("other.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("other.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errInTransaction);
    EXPECT_ERR(JetAttachDatabaseW(sesid, utf16(path_in_dir("db.edb")), 0), JET_errInTransaction);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("other.edb")), JET_errInTransaction);
    EXPECT_ERR(JetDetachDatabase2W(sesid, utf16(path_in_dir("other.edb")), 0), JET_errInTransaction);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("other.edb")), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(attach_after_detach_reattaches_the_same_database, "api JetAttachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    JET_DBINFOMISC before = misc_of(path_in_dir("db.edb"));
    EXPECT_ERR(JetAttachDatabaseW(sesid, utf16(path_in_dir("db.edb")), 0), JET_errSuccess);
    JET_DBINFOMISC during = misc_of(path_in_dir("db.edb"));
    EXPECT_EQ_UL(during.dbstate, JET_dbstateDirtyShutdown);
    EXPECT(same_signature(&before.signDb, &during.signDb));
    EXPECT_EQ_UL(attached_count(), 1);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetDetachDatabase / JetDetachDatabase2
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(detach_a_database_that_is_not_attached_gives_database_not_found, "api JetDetachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errDatabaseNotFound);
    EXPECT_ERR(JetDetachDatabaseW(sesid, utf16(path_in_dir("db.edb"))), JET_errDatabaseNotFound);
    EXPECT_ERR(JetDetachDatabase2A(sesid, path_in_dir("db.edb"), 0), JET_errDatabaseNotFound);
    EXPECT_ERR(JetDetachDatabase2W(sesid, utf16(path_in_dir("db.edb")), 0), JET_errDatabaseNotFound);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("never-existed.edb")), JET_errDatabaseNotFound);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(detach_a_created_database_that_is_still_open_gives_database_in_use, "api JetDetachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errDatabaseInUse);
    EXPECT_ERR(JetDetachDatabase2W(sesid, utf16(path_in_dir("db.edb")), 0), JET_errDatabaseInUse);
    EXPECT_EQ_UL(attached_count(), 1);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(detach_a_database_opened_by_open_database_gives_database_in_use, "api JetDetachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errSuccess);
    JET_DBID dbid = JET_dbidNil;
    EXPECT_ERR(JetOpenDatabaseA(sesid, path_in_dir("db.edb"), NULL, &dbid, 0), JET_errSuccess);
    EXPECT(dbid != JET_dbidNil);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errDatabaseInUse);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* A transaction does not pin a database: only an open one stops a detach, and the detach lets go of the file (and
 * its lock) at once, so the file attaches again while the other session's transaction is still running. */
SCENARIO(detach_while_another_session_is_in_a_transaction_lets_the_file_attach_again, "api JetDetachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID s0 = begin(inst);
    JET_SESID s1 = begin(inst);
    JET_DBID dbid = 0;
    EXPECT_ERR(JetCreateDatabaseA(s0, path_in_dir("db.edb"), NULL, &dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(s0, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(s1), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(s0, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_ERR(JetAttachDatabaseA(s0, path_in_dir("db.edb"), 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 1);
    /* The reattached database is whole for a session outside that transaction. */
    EXPECT_ERR(JetOpenDatabaseA(s0, path_in_dir("db.edb"), NULL, &dbid, 0), JET_errSuccess);
    JET_TABLEID table = 0;
    EXPECT_ERR(JetCreateTableA(s0, dbid, "t", 0, 0, &table), JET_errSuccess);
    EXPECT_ERR(JetCloseTable(s0, table), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(s1, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(s0, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(s0, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

static void detach_all_with(const char *name) {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("one.edb"));
    make_detached_db(sesid, path_in_dir("two.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("one.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("two.edb"), 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 2);
    EXPECT_ERR(JetDetachDatabaseA(sesid, name), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_EQ_UL(misc_of(path_in_dir("one.edb")).dbstate, JET_dbstateCleanShutdown);
    EXPECT_EQ_UL(misc_of(path_in_dir("two.edb")).dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("one.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(detach_with_a_null_name_detaches_every_database, "api JetDetachDatabase") {
    detach_all_with(NULL);
}

SCENARIO(detach_with_an_empty_name_detaches_every_database, "api JetDetachDatabase") {
    detach_all_with("");
}

SCENARIO(detach2_w_with_a_null_name_detaches_every_database, "api JetDetachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("one.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("one.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabase2W(sesid, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(detach2_with_force_detach_gives_force_detach_not_allowed, "api JetDetachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabase2A(sesid, path_in_dir("db.edb"), JET_bitForceDetach), JET_errForceDetachNotAllowed);
    EXPECT_ERR(JetDetachDatabase2W(sesid, utf16(path_in_dir("db.edb")), JET_bitForceDetach),
               JET_errForceDetachNotAllowed);
    EXPECT_ERR(JetDetachDatabase2A(sesid, path_in_dir("db.edb"), JET_bitForceCloseAndDetach),
               JET_errForceDetachNotAllowed);
    /* Still attached. */
    EXPECT_EQ_UL(attached_count(), 1);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_wrnDatabaseAttached);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(detach2_without_flags_detaches_a_and_w, "api JetDetachDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("one.edb"));
    make_detached_db(sesid, path_in_dir("two.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("one.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("two.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabase2A(sesid, path_in_dir("one.edb"), 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 1);
    EXPECT_ERR(JetDetachDatabase2W(sesid, utf16(path_in_dir("two.edb")), 0), JET_errSuccess);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_EQ_UL(misc_of(path_in_dir("one.edb")).dbstate, JET_dbstateCleanShutdown);
    EXPECT_EQ_UL(misc_of(path_in_dir("two.edb")).dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetOpenDatabase / JetCloseDatabase
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(open_database_a_and_w_open_an_attached_database, "api JetOpenDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errSuccess);
    JET_DBID a = JET_dbidNil, w = JET_dbidNil;
    EXPECT_ERR(JetOpenDatabaseA(sesid, path_in_dir("db.edb"), NULL, &a, 0), JET_errSuccess);
    EXPECT_ERR(JetOpenDatabaseW(sesid, utf16(path_in_dir("db.edb")), NULL, &w, 0), JET_errSuccess);
    EXPECT(a != JET_dbidNil && w != JET_dbidNil);
    EXPECT_ERR(JetCloseDatabase(sesid, a, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(sesid, w, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(open_database_that_is_not_attached_gives_database_not_found, "api JetOpenDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    JET_DBID dbid = 0;
    EXPECT_ERR(JetOpenDatabaseA(sesid, path_in_dir("db.edb"), NULL, &dbid, 0), JET_errDatabaseNotFound);
    EXPECT_ERR(JetOpenDatabaseW(sesid, utf16(path_in_dir("db.edb")), NULL, &dbid, 0), JET_errDatabaseNotFound);
    EXPECT_EQ_UL(attached_count(), 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(open_database_with_null_pdbid_gives_invalid_parameter, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    EXPECT_ERR(JetOpenDatabaseA(sesid, path_in_dir("db.edb"), NULL, NULL, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetOpenDatabaseW(sesid, utf16(path_in_dir("db.edb")), NULL, NULL, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(open_database_from_another_session_keeps_it_in_use, "api JetOpenDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID creator = create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    EXPECT_ERR(JetCloseDatabase(creator, dbid, 0), JET_errSuccess);
    JET_SESID reader = begin(inst);
    JET_DBID other = 0;
    EXPECT_ERR(JetOpenDatabaseA(reader, path_in_dir("db.edb"), NULL, &other, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(creator, path_in_dir("db.edb")), JET_errDatabaseInUse);
    EXPECT_ERR(JetCloseDatabase(reader, other, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(creator, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetGrowDatabase / JetSetDatabaseSize
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(grow_database_counts_the_header_pages_and_sizes_the_file, "api JetGrowDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    unsigned long current = 0, real = 0;
    EXPECT_ERR(JetGrowDatabase(sesid, dbid, 0, &current), JET_errSuccess);
    EXPECT(current >= 3);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), (long long)current * 4096);
    EXPECT_ERR(JetGrowDatabase(sesid, dbid, current + 50, &real), JET_errSuccess);
    EXPECT_EQ_UL(real, current + 50);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), (long long)real * 4096);
    EXPECT_EQ_UL(filesize_info(path_in_dir("db.edb")), (unsigned long long)real * 4096);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), (long long)real * 4096);
}

SCENARIO(grow_database_to_a_smaller_size_changes_nothing, "api JetGrowDatabase") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 40, &dbid);
    long long before = file_size(path_in_dir("db.edb"));
    unsigned long real = 0;
    EXPECT_ERR(JetGrowDatabase(sesid, dbid, 5, &real), JET_errSuccess);
    EXPECT_EQ_UL((long long)real * 4096, before);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), before);
    EXPECT_ERR(JetGrowDatabase(sesid, dbid, 0, &real), JET_errSuccess);
    EXPECT_EQ_UL((long long)real * 4096, before);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(set_database_size_grows_a_detached_clean_database, "api JetSetDatabaseSize") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    unsigned long current = (unsigned long)(file_size(path_in_dir("db.edb")) / 4096), real = 0;
    EXPECT_ERR(JetSetDatabaseSizeA(sesid, path_in_dir("db.edb"), current + 30, &real), JET_errSuccess);
    EXPECT_EQ_UL(real, current + 30);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), (long long)real * 4096);
    EXPECT_EQ_UL(misc_of(path_in_dir("db.edb")).dbstate, JET_dbstateCleanShutdown);
    /* The grown file is still a good database. */
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errSuccess);
    JET_DBID dbid = 0;
    unsigned long now = 0;
    EXPECT_ERR(JetOpenDatabaseA(sesid, path_in_dir("db.edb"), NULL, &dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetGrowDatabase(sesid, dbid, 0, &now), JET_errSuccess);
    EXPECT_EQ_UL(now, real);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(set_database_size_w_grows_a_detached_clean_database, "api JetSetDatabaseSize") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("données.edb"));
    unsigned long current = (unsigned long)(file_size(path_in_dir("données.edb")) / 4096), real = 0;
    EXPECT_ERR(JetSetDatabaseSizeW(sesid, utf16(path_in_dir("données.edb")), current + 7, &real), JET_errSuccess);
    EXPECT_EQ_UL(real, current + 7);
    EXPECT_EQ_UL(file_size(path_in_dir("données.edb")), (long long)real * 4096);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(set_database_size_to_a_smaller_size_changes_nothing, "api JetSetDatabaseSize") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 40, &dbid);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    long long before = file_size(path_in_dir("db.edb"));
    unsigned long real = 0;
    EXPECT_ERR(JetSetDatabaseSizeA(sesid, path_in_dir("db.edb"), 3, &real), JET_errSuccess);
    EXPECT_EQ_UL((long long)real * 4096, before);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), before);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(set_database_size_of_a_missing_file_gives_file_not_found, "api JetSetDatabaseSize") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    unsigned long real = 0;
    EXPECT_ERR(JetSetDatabaseSizeA(sesid, path_in_dir("missing.edb"), 100, &real), JET_errFileNotFound);
    EXPECT(file_size(path_in_dir("missing.edb")) < 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(set_database_size_of_a_dirty_database_gives_database_dirty_shutdown, "api JetSetDatabaseSize") {
    const char *db = path_in_dir("crashed/db.edb");
    crash_with_attached_database(path_in_dir("crashed"), db);
    EXPECT(misc_of(db).dbstate != JET_dbstateCleanShutdown);
    long long before = file_size(db);
    /* Another log stream, so that nothing recovers the crashed folder first. */
    JET_INSTANCE inst = init_legacy(path_in_dir("live"));
    JET_SESID sesid = begin(inst);
    unsigned long real = 0;
    EXPECT_ERR(JetSetDatabaseSizeA(sesid, db, (unsigned long)(before / 4096) + 100, &real),
               JET_errDatabaseDirtyShutdown);
    EXPECT_EQ_UL(file_size(db), before);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetGetDatabaseFileInfo
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(database_file_info_of_an_attached_database_is_just_created_or_dirty, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    JET_DBINFOMISC misc = misc_of(path_in_dir("db.edb"));
    EXPECT(misc.dbstate == JET_dbstateJustCreated || misc.dbstate == JET_dbstateDirtyShutdown);
    EXPECT(signature_is_set(&misc.signDb));
    EXPECT(signature_is_set(&misc.signLog));
    EXPECT_EQ_UL(misc.cbPageSize, 4096);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(database_file_info_after_detach_is_clean_shutdown, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    JET_DBINFOMISC attached = misc_of(path_in_dir("db.edb"));
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    JET_DBINFOMISC detached = misc_of(path_in_dir("db.edb"));
    EXPECT_EQ_UL(detached.dbstate, JET_dbstateCleanShutdown);
    EXPECT(same_signature(&attached.signDb, &detached.signDb));
    EXPECT(same_signature(&attached.signLog, &detached.signLog));
    EXPECT_EQ_UL(detached.cbPageSize, 4096);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(database_file_info_after_a_clean_term_is_clean_shutdown, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_legacy(path_in_dir("legacy"));
    JET_DBID dbid = 0;
    create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_EQ_UL(misc_of(path_in_dir("db.edb")).dbstate, JET_dbstateCleanShutdown);
}

SCENARIO(database_file_info_w_reports_the_same_header, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    JET_DBINFOMISC a = misc_of(path_in_dir("db.edb")), w;
    memset(&w, 0, sizeof w);
    EXPECT_ERR(JetGetDatabaseFileInfoW(utf16(path_in_dir("db.edb")), &w, sizeof w, JET_DbInfoMisc), JET_errSuccess);
    EXPECT_EQ_UL(w.dbstate, a.dbstate);
    EXPECT(same_signature(&w.signDb, &a.signDb));
    EXPECT(same_signature(&w.signLog, &a.signLog));
    EXPECT_EQ_UL(w.cbPageSize, a.cbPageSize);
    unsigned long long cb = 0;
    EXPECT_ERR(JetGetDatabaseFileInfoW(utf16(path_in_dir("db.edb")), &cb, sizeof cb, JET_DbInfoFilesize),
               JET_errSuccess);
    EXPECT_EQ_UL(cb, file_size(path_in_dir("db.edb")));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(database_file_info_page_size_is_the_database_page_size, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    unsigned long cb = 0;
    EXPECT_ERR(JetGetDatabaseFileInfoA(path_in_dir("db.edb"), &cb, sizeof cb, JET_DbInfoPageSize), JET_errSuccess);
    EXPECT_EQ_UL(cb, 4096);
    cb = 0;
    EXPECT_ERR(JetGetDatabaseFileInfoW(utf16(path_in_dir("db.edb")), &cb, sizeof cb, JET_DbInfoPageSize),
               JET_errSuccess);
    EXPECT_EQ_UL(cb, 4096);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(databases_use_the_global_database_page_size, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramDatabasePageSize, 8192, NULL), JET_errSuccess);
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 10, &dbid);
    unsigned long cb = 0;
    EXPECT_ERR(JetGetDatabaseFileInfoA(path_in_dir("db.edb"), &cb, sizeof cb, JET_DbInfoPageSize), JET_errSuccess);
    EXPECT_EQ_UL(cb, 8192);
    EXPECT_EQ_UL(misc_of(path_in_dir("db.edb")).cbPageSize, 8192);
    unsigned long pages = 0;
    EXPECT_ERR(JetGrowDatabase(sesid, dbid, 0, &pages), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("db.edb")), (long long)pages * 8192);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(database_file_info_filesize_is_the_file_size_attached_and_detached, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 25, &dbid);
    EXPECT_EQ_UL(filesize_info(path_in_dir("db.edb")), file_size(path_in_dir("db.edb")));
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_EQ_UL(filesize_info(path_in_dir("db.edb")), file_size(path_in_dir("db.edb")));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_EQ_UL(filesize_info(path_in_dir("db.edb")), file_size(path_in_dir("db.edb")));
}

SCENARIO(database_file_info_needs_no_instance, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    /* No instance exists any more. */
    JET_DBINFOMISC misc = misc_of(path_in_dir("db.edb"));
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateCleanShutdown);
    EXPECT(signature_is_set(&misc.signDb));
    EXPECT_EQ_UL(filesize_info(path_in_dir("db.edb")), file_size(path_in_dir("db.edb")));
}

SCENARIO(database_file_info_unknown_level_gives_invalid_parameter, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    unsigned char buf[1024];
    EXPECT_ERR(JetGetDatabaseFileInfoA(path_in_dir("db.edb"), buf, sizeof buf, 9999), JET_errInvalidParameter);
    EXPECT_ERR(JetGetDatabaseFileInfoW(utf16(path_in_dir("db.edb")), buf, sizeof buf, 9999),
               JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(database_file_info_with_the_wrong_buffer_size_gives_invalid_buffer_size, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    make_detached_db(sesid, path_in_dir("db.edb"));
    JET_DBINFOMISC misc;
    EXPECT_ERR(JetGetDatabaseFileInfoA(path_in_dir("db.edb"), &misc, sizeof misc - 4, JET_DbInfoMisc),
               JET_errInvalidBufferSize);
    unsigned long long cb = 0;
    EXPECT_ERR(JetGetDatabaseFileInfoA(path_in_dir("db.edb"), &cb, 4, JET_DbInfoFilesize), JET_errInvalidBufferSize);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(database_file_info_of_a_missing_file_gives_file_not_found, "api JetGetDatabaseFileInfo") {
    JET_DBINFOMISC misc;
    EXPECT_ERR(JetGetDatabaseFileInfoA(path_in_dir("missing.edb"), &misc, sizeof misc, JET_DbInfoMisc),
               JET_errFileNotFound);
    EXPECT_ERR(JetGetDatabaseFileInfoW(utf16(path_in_dir("missing.edb")), &misc, sizeof misc, JET_DbInfoMisc),
               JET_errFileNotFound);
}

SCENARIO(databases_of_one_log_stream_share_its_log_signature, "api JetGetDatabaseFileInfo") {
    JET_INSTANCE a = init_named("a", path_in_dir("a"));
    JET_INSTANCE b = init_named("b", path_in_dir("b"));
    JET_DBID dbid = 0;
    create_db(a, path_in_dir("a1.edb"), 0, &dbid);
    create_db(a, path_in_dir("a2.edb"), 0, &dbid);
    create_db(b, path_in_dir("b1.edb"), 0, &dbid);
    JET_DBINFOMISC a1 = misc_of(path_in_dir("a1.edb")), a2 = misc_of(path_in_dir("a2.edb"));
    JET_DBINFOMISC b1 = misc_of(path_in_dir("b1.edb"));
    EXPECT(same_signature(&a1.signLog, &a2.signLog));
    EXPECT(!same_signature(&a1.signLog, &b1.signLog));
    EXPECT(!same_signature(&a1.signDb, &a2.signDb));
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}
