/* The C harness: one scenario per behaviour, each run in its own child process and fresh folder.
 *
 * SCENARIO(name, "section") { ... } registers a scenario; `section` names the docs/api.md heading it checks
 * (or an issue item "issue 2.4").
 * EXPECT_ERR(call, code) checks a JET_ERR result; EXPECT(cond) checks anything else. A failed check ends the
 * scenario with a message naming the file, line and the values seen.
 */
#ifndef ESENT_TEST_HARNESS_H
#define ESENT_TEST_HARNESS_H

#include <esent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef ESENT_TEST_DLOPEN
#include "dl_api.h" /* generated: every declared Jet function called through a dlsym'd pointer */
#endif

typedef void (*harness_fn)(void);
void harness_register(const char *name, const char *section, harness_fn fn);
void harness_fail(const char *file, int line, const char *fmt, ...) __attribute__((noreturn, format(printf, 3, 4)));

#define SCENARIO(name, section)                                                                                  \
    static void name(void);                                                                                      \
    __attribute__((constructor)) static void register_##name(void) { harness_register(#name, section, name); }   \
    static void name(void)

#define EXPECT_ERR(call, expected)                                                                               \
    do {                                                                                                         \
        JET_ERR harness_got_ = (call);                                                                           \
        JET_ERR harness_want_ = (expected);                                                                      \
        if (harness_got_ != harness_want_)                                                                       \
            harness_fail(__FILE__, __LINE__, "%s returned %ld, expected %ld (%s)", #call, (long)harness_got_,    \
                         (long)harness_want_, #expected);                                                        \
    } while (0)

#define EXPECT(cond)                                                                                             \
    do {                                                                                                         \
        if (!(cond)) harness_fail(__FILE__, __LINE__, "expected %s", #cond);                                     \
    } while (0)

#define EXPECT_EQ_UL(got, want)                                                                                  \
    do {                                                                                                         \
        unsigned long harness_g_ = (unsigned long)(got), harness_w_ = (unsigned long)(want);                     \
        if (harness_g_ != harness_w_)                                                                            \
            harness_fail(__FILE__, __LINE__, "%s is %lu, expected %lu", #got, harness_g_, harness_w_);           \
    } while (0)

/* Fixtures (harness_fixtures.c). Each scenario starts in an empty current folder of its own. */

/* Absolute path of `name` inside the scenario's folder (static buffer rotated over 8 slots). */
const char *path_in_dir(const char *name);
/* Sets System/Log/Temp paths of `inst` (or globally when inst is NULL) to `dir`/ with CreatePathIfNotExist. */
void set_paths(JET_INSTANCE *inst, const char *dir);
/* One-instance (legacy) mode: JetInit(&inst) with paths under `dir`; fails the scenario on error. */
JET_INSTANCE init_legacy(const char *dir);
/* Multi-instance mode: JetCreateInstance(name) + paths under `dir` + JetInit; fails the scenario on error. */
JET_INSTANCE init_named(const char *name, const char *dir);
/* Begins a session and creates (attaches, opens) a database of `pages` extra pages at `path`. */
JET_SESID create_db(JET_INSTANCE inst, const char *path, unsigned long pages, JET_DBID *pdbid);
/* Rolls the log `n` times with JetCommitTransaction(JET_bitForceNewLog). */
void roll_logs(JET_SESID sesid, int n);
/* A 4096-aligned buffer of `cb` bytes (freed at exit). */
void *aligned_buffer(size_t cb);
/* Size of a file in bytes, or -1. */
long long file_size(const char *path);
/* Reads a whole backup file through JetOpenFileInstance/JetReadFileInstance/JetCloseFileInstance with buffers
 * of `cbChunk` bytes, appending to `out` (may be NULL). Returns the first error, or the bytes read in *pcb. */
JET_ERR stream_file(JET_INSTANCE inst, const char *path, unsigned long cbChunk, unsigned char **out, size_t *pcb);
/* UTF-8 to a malloc'd UTF-16 string (freed at exit). */
WCHAR *utf16(const char *s);
/* Walks a UTF-8 multi-string: returns the number of strings and their total bytes (including final NUL). */
size_t multistring_count(const char *szz, size_t *pcbTotal);

#endif
