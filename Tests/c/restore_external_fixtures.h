/* Fixtures of the JetExternalRestore scenarios (Tests/c/test_restore_external.c): a streamed backup that the
 * "caller" writes to a folder, and the restore call on it, so each scenario reads as the behaviour it checks.
 * Every helper fails the scenario on an unexpected result.
 */
#ifndef ESENT_TEST_RESTORE_EXTERNAL_FIXTURES_H
#define ESENT_TEST_RESTORE_EXTERNAL_FIXTURES_H

#include "restore_fixtures.h"

/* A writable copy of a path under the scenario's folder (the restore calls take JET_PSTR); four slots in turn. */
char *rx_path(const char *name);
/* Streams the logs JetGetLogInfoInstance2 lists into `folder`; fills the log range. */
void rx_stream_logs(bk_env *env, const char *folder, JET_LOGINFO_A *info);
/* A streamed full backup of bk_setup's instance into ./st (the database as st/data.edb, then the logs); the log
 * range in *info. The backup is ended normally. */
void rx_streamed_full(bk_env *env, JET_LOGINFO_A *info);
/* The usual start: bk_setup, a streamed full backup into ./st, bk_term, and the instance's folder emptied, as
 * after the loss the restore repairs. */
void rx_backed_up_and_lost(bk_env *env, JET_LOGINFO_A *info);
/* JetExternalRestore2A with the instance's folder as checkpoint and log folder, ./st as the backup folder and
 * `info` as the log range; returns its result. */
JET_ERR rx_restore(bk_env *env, JET_LOGINFO_A *info, JET_RSTMAP_A *map, long cmap, JET_PFNSTATUS pfn);

#endif
