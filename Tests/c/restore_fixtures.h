/* Shared fixtures of the folder-backup and restore scenarios (Tests/c/test_folder_backup_*.c,
 * Tests/c/test_restore_*.c).
 *
 * A status recorder stands in for the caller's JET_PFNSTATUS and checks what docs/api.md promises for every call:
 * sesid JET_sesidNil, pv a JET_SNPROG of sizeof(JET_SNPROG) in percent (cunitTotal 100), Begin at 0, Progress
 * strictly rising below 100, Complete at 100.
 */
#ifndef ESENT_TEST_RESTORE_FIXTURES_H
#define ESENT_TEST_RESTORE_FIXTURES_H

#include "backup_fixtures.h"

#define RS_MAX_EVENTS 4096

typedef struct {
    int n;
    int bad_sesid, bad_size, bad_total, wrong_snp;
    JET_SNP snp;
    JET_SNT snt[RS_MAX_EVENTS];
    unsigned long done[RS_MAX_EVENTS];
} rs_record;

extern rs_record rs_events;

/* Forgets what was recorded and expects callbacks of kind `snp` (JET_snpBackup or JET_snpRestore). */
void rs_reset(JET_SNP snp);
/* The recorder itself, to pass as pfnStatus. Returns an error on purpose: the value must be ignored. */
JET_ERR JET_API rs_status(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv);
/* Begin, then at least `min_progress` Progress calls rising strictly, then Complete. */
void rs_expect_complete_run_(int min_progress, const char *file, int line);
#define rs_expect_complete_run(min) rs_expect_complete_run_((min), __FILE__, __LINE__)

/* JetBackupInstanceA(env->inst, folder under the scenario's folder, grbit, rs_status) must give `err`. */
JET_ERR rs_backup(bk_env *env, const char *folder, JET_GRBIT grbit);
/* An instance created (not initialized) with its files in `folder` (CreatePathIfNotExist on). */
JET_INSTANCE rs_instance(const char *name, const char *folder);
/* The database at `path` is consistent (clean shutdown) and carries no backup mark; it attaches with 0 in a fresh
 * instance "check" whose files are in ./check. */
void rs_expect_restored_(const char *path, const char *file, int line);
#define rs_expect_restored(path) rs_expect_restored_((path), __FILE__, __LINE__)
/* Deletes every file in the folder (not subfolders). */
void rs_empty_folder(const char *dir);
/* Checksum-free fingerprint of every file in a folder (names, sizes and bytes) to prove it did not change. */
unsigned long long rs_fingerprint(const char *dir);
/* Copies a file (fails the scenario on error). */
void rs_copy_file(const char *from, const char *to);

#endif
