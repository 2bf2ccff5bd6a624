/* JET_paramLegacyFileNames: JET_bitESE98FileNames (0x1) picks `.chk`/`.log` over `.jcp`/`.jtx`,
 * JET_bitEightDotThreeSoftCompat (0x2) picks 5-digit archive names while the generation fits over 8 digits, and
 * without 0x2 a 5-digit archive name in the log folder fails JetInit with JET_errLogGenerationMismatch.
 */
#include "harness.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define LN_LOG_SIZE (128L * 1024L) /* JET_paramLogFileSize set by set_paths() */
#define LN_CHUNK (16UL * 4096UL)

/* init_named() with JET_paramLegacyFileNames = `flags` set on the instance before JetInit, which must give
 * `expected`. */
static JET_INSTANCE init_with_flags(const char *name, const char *dir, unsigned long flags, JET_ERR expected) {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, name), JET_errSuccess);
    set_paths(&inst, dir);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLegacyFileNames, flags, NULL), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), expected);
    return inst;
}

/* A file of `size` zero bytes (sparse). */
static void make_file(const char *path, long size) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    EXPECT(fd >= 0);
    EXPECT(ftruncate(fd, size) == 0);
    EXPECT(close(fd) == 0);
}

/* True when `path` ends in "/edb" + `digits` upper-case hex digits + `ext`. */
static int is_archive_name(const char *path, int digits, const char *ext) {
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t n = strlen(name), cbExt = strlen(ext);
    if (n != 3 + (size_t)digits + cbExt || strncmp(name, "edb", 3) != 0 || strcmp(name + n - cbExt, ext) != 0)
        return 0;
    for (int i = 0; i < digits; i++)
        if (!strchr("0123456789ABCDEF", name[3 + i])) return 0;
    return 1;
}

/* A full streaming backup: every database and every listed log is read whole. Each listed log must be named
 * with `digits` digits and `ext`. Returns how many logs were listed. */
static int full_backup(JET_INSTANCE inst, int digits, const char *ext) {
    static char buf[16 * 1024];
    unsigned long cb = 0;
    size_t got = 0;
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errSuccess);
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetAttachInfoInstanceA(inst, buf, sizeof buf, &cb), JET_errSuccess);
    for (const char *p = buf; *p; p += strlen(p) + 1) {
        EXPECT_ERR(stream_file(inst, p, LN_CHUNK, NULL, &got), JET_errSuccess);
        EXPECT(got > 0);
    }
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetLogInfoInstanceA(inst, buf, sizeof buf, &cb), JET_errSuccess);
    int logs = (int)multistring_count(buf, NULL);
    for (const char *p = buf; *p; p += strlen(p) + 1) {
        if (!is_archive_name(p, digits, ext)) harness_fail(__FILE__, __LINE__, "unexpected log name %s", p);
        EXPECT_ERR(stream_file(inst, p, LN_CHUNK, NULL, &got), JET_errSuccess);
        EXPECT_EQ_UL(got, LN_LOG_SIZE);
    }
    EXPECT_ERR(JetTruncateLogInstance(inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(inst), JET_errSuccess);
    return logs;
}

SCENARIO(legacy_file_names_0_use_jcp_jtx_and_8_digits, "api System parameters") {
    JET_DBID dbid = 0;
    JET_INSTANCE inst = init_with_flags("names-0", path_in_dir("a"), 0, JET_errSuccess);
    EXPECT(file_size(path_in_dir("a/edb.jcp")) > 0);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb.jtx")), LN_LOG_SIZE);
    EXPECT(file_size(path_in_dir("a/edb.chk")) < 0);
    EXPECT(file_size(path_in_dir("a/edb.log")) < 0);
    JET_SESID sesid = create_db(inst, path_in_dir("a/data.edb"), 8, &dbid);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb00000001.jtx")), LN_LOG_SIZE);
    EXPECT(file_size(path_in_dir("a/edb00001.jtx")) < 0);
    EXPECT(file_size(path_in_dir("a/edbtmp.jtx")) < 0);
    /* Generation 2 is listed (the checkpoint), read through its `.jtx` name, then 1 and 2 are truncated. */
    EXPECT_EQ_UL(full_backup(inst, 8, ".jtx"), 1);
    EXPECT(file_size(path_in_dir("a/edb00000001.jtx")) < 0);
    EXPECT(file_size(path_in_dir("a/edb00000002.jtx")) < 0);
    EXPECT(file_size(path_in_dir("a/edb00000003.jtx")) < 0); /* generation 3 is the current edb.jtx */
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    /* The stream continues under the same names: replay finds the `.jtx` current log and `.jcp` checkpoint. */
    inst = init_with_flags("names-0-again", path_in_dir("a"), 0, JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb00000003.jtx")), LN_LOG_SIZE);
    EXPECT(file_size(path_in_dir("a/edb.log")) < 0);
    EXPECT(file_size(path_in_dir("a/edb.chk")) < 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(legacy_file_names_1_use_chk_log_and_8_digits, "api System parameters") {
    JET_DBID dbid = 0;
    JET_INSTANCE inst = init_with_flags("names-1", path_in_dir("a"), JET_bitESE98FileNames, JET_errSuccess);
    EXPECT(file_size(path_in_dir("a/edb.chk")) > 0);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb.log")), LN_LOG_SIZE);
    EXPECT(file_size(path_in_dir("a/edb.jcp")) < 0);
    EXPECT(file_size(path_in_dir("a/edb.jtx")) < 0);
    JET_SESID sesid = create_db(inst, path_in_dir("a/data.edb"), 8, &dbid);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb00000001.log")), LN_LOG_SIZE);
    EXPECT(file_size(path_in_dir("a/edb00001.log")) < 0);
    EXPECT_EQ_UL(full_backup(inst, 8, ".log"), 1);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(legacy_file_names_set_globally_reach_instances_created_later, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLegacyFileNames, JET_bitESE98FileNames, NULL),
               JET_errSuccess);
    JET_INSTANCE inst = init_named("names-global", path_in_dir("a"));
    JET_SESID sesid = create_db(inst, path_in_dir("a/data.edb"), 0, NULL);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb00000001.log")), LN_LOG_SIZE);
    EXPECT(file_size(path_in_dir("a/edb00001.log")) < 0);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(legacy_file_names_2_use_jcp_jtx_and_5_digits, "api System parameters") {
    JET_INSTANCE inst = init_with_flags("names-2", path_in_dir("a"), JET_bitEightDotThreeSoftCompat, JET_errSuccess);
    EXPECT(file_size(path_in_dir("a/edb.jcp")) > 0);
    JET_SESID sesid = create_db(inst, path_in_dir("a/data.edb"), 0, NULL);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb00001.jtx")), LN_LOG_SIZE);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb.jtx")), LN_LOG_SIZE);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(legacy_file_names_3_default_use_chk_log_and_5_digits, "api System parameters") {
    JET_INSTANCE inst = init_with_flags("names-3", path_in_dir("a"),
                                        JET_bitESE98FileNames | JET_bitEightDotThreeSoftCompat, JET_errSuccess);
    JET_SESID sesid = create_db(inst, path_in_dir("a/data.edb"), 8, NULL);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT(file_size(path_in_dir("a/edb.chk")) > 0);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb.log")), LN_LOG_SIZE);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb00001.log")), LN_LOG_SIZE);
    EXPECT(file_size(path_in_dir("a/edb00000001.log")) < 0);
    EXPECT_EQ_UL(full_backup(inst, 5, ".log"), 1);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    /* Left at its default, the instance gets the same names. */
    inst = init_named("names-default", path_in_dir("b"));
    sesid = create_db(inst, path_in_dir("b/data.edb"), 0, NULL);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("b/edb00001.log")), LN_LOG_SIZE);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(legacy_file_names_1_with_a_5_digit_archive_fail_init_with_generation_mismatch, "api System parameters") {
    EXPECT(mkdir(path_in_dir("a"), 0755) == 0);
    make_file(path_in_dir("a/edb00001.log"), LN_LOG_SIZE);
    init_with_flags("names-1-stray", path_in_dir("a"), JET_bitESE98FileNames, JET_errLogGenerationMismatch);
    /* Nothing was created or removed. */
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb00001.log")), LN_LOG_SIZE);
    EXPECT(file_size(path_in_dir("a/edb.log")) < 0);
    EXPECT(file_size(path_in_dir("a/edb.chk")) < 0);
}

SCENARIO(legacy_file_names_0_with_a_5_digit_jtx_fail_init_and_ignore_log_names, "api System parameters") {
    EXPECT(mkdir(path_in_dir("a"), 0755) == 0);
    make_file(path_in_dir("a/edb00001.jtx"), LN_LOG_SIZE);
    init_with_flags("names-0-stray", path_in_dir("a"), 0, JET_errLogGenerationMismatch);
    /* A `.log` archive is not a log of a `.jtx` stream, whatever its digits: it is left alone. */
    EXPECT(unlink(path_in_dir("a/edb00001.jtx")) == 0);
    make_file(path_in_dir("a/edb00001.log"), LN_LOG_SIZE);
    JET_INSTANCE inst = init_with_flags("names-0-other", path_in_dir("a"), 0, JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb.jtx")), LN_LOG_SIZE);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb00001.log")), LN_LOG_SIZE);
}
