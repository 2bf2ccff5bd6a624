/* Shared fixtures of the OS-snapshot scenarios (Tests/c/test_snapshot_*.c).
 *
 * sn_setup() gives an instance with one database and archived logs (bk_setup's layout), sn_prepare/sn_freeze
 * walk a session through its states, sn_hash_folder() fingerprints every file of a folder so a scenario can
 * prove that nothing changed while frozen, and sn_thread_* run a call on another thread and time it.
 */
#ifndef ESENT_TEST_SNAPSHOT_FIXTURES_H
#define ESENT_TEST_SNAPSHOT_FIXTURES_H

#include "backup_fixtures.h"

#include <pthread.h>

/* JET_paramOSSnapshotTimeout (global, ms). */
void sn_set_timeout(unsigned long ms);
/* JetOSSnapshotPrepare(&id, grbit) must succeed. */
JET_OSSNAPID sn_prepare(JET_GRBIT grbit);
/* JetOSSnapshotFreezeA must succeed; returns the number of members listed (the list is freed). */
unsigned long sn_freeze(JET_OSSNAPID id);
/* A fingerprint (FNV-1a 64) of the names, sizes and bytes of every regular file in `dir`. */
unsigned long long sn_hash_folder(const char *dir);
/* Monotonic seconds. */
double sn_now(void);
void sn_sleep_ms(long ms);

/* A call run on another thread: `fn(arg)` returns a JET_ERR; `done` is the time it returned. */
typedef JET_ERR (*sn_call)(void *arg);
typedef struct {
    sn_call fn;
    void *arg;
    pthread_t thread;
    JET_ERR result;
    volatile int finished;
    double started, done;
} sn_async;
void sn_start(sn_async *a, sn_call fn, void *arg);
/* Waits for the call; returns its result. */
JET_ERR sn_join(sn_async *a);

/* Calls for sn_start (arg: the env). */
JET_ERR sn_call_commit(void *env);     /* JetBeginTransaction + JetCommitTransaction(0) on env->sesid */
JET_ERR sn_call_force_new_log(void *env);
JET_ERR sn_call_grow(void *env);       /* JetGrowDatabase by 16 pages */
JET_ERR sn_call_detach(void *env);     /* JetCloseDatabase, then JetDetachDatabaseA(env->db) */
JET_ERR sn_call_term(void *env);       /* JetTerm */

/* A byte of the database header (raw file). */
unsigned long sn_header_u32(const char *db, size_t offset);

#define SN_HDR_INCPREV 160
#define SN_HDR_COPYPREV 420
#define SN_HDR_DIFFPREV 444
#define SN_HDR_FULLPREVTYPE 356
#define SN_HDR_INCPREVTYPE 360
#define SN_HDR_COPYPREVTYPE 468
#define SN_HDR_DIFFPREVTYPE 472
/* The header's backup-type value for an OS snapshot (docs/file-formats.md). */
#define SN_TYPE_OSSNAPSHOT 2

/* bklogtimeMark.fOSSnapshot of a JET_BKINFO. */
#define SN_IS_OSSNAPSHOT(bk) ((bk).bklogtimeMark.fOSSnapshot)

#endif
