/* JetTerm while JetBackupInstance runs in another thread (docs/api.md "JetBackupInstance", "JetTerm2").
 *
 * The backup's Begin callback starts a thread that terms the instance, then waits until the term is under way (the
 * instance answers JET_errTermInProgress). The backup must stop at its next block with JET_errTermInProgress,
 * end its backup as aborted (no header stamped), and the term must then succeed whatever its grbit.
 */
#define _GNU_SOURCE
#include "restore_fixtures.h"

#include <pthread.h>
#include <unistd.h>

static JET_INSTANCE term_instance;
static JET_GRBIT term_grbit;
static JET_ERR term_result;
static pthread_t term_thread;
static int term_started, term_seen;

static void *terminate(void *arg) {
    (void)arg;
    term_result = JetTerm2(term_instance, term_grbit);
    return NULL;
}

static JET_ERR JET_API term_on_begin(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv) {
    (void)sesid, (void)snp, (void)pv;
    if (snt != JET_sntBegin || term_started) return JET_errSuccess;
    term_started = pthread_create(&term_thread, NULL, terminate, NULL) == 0;
    for (int i = 0; term_started && i < 10000 && !term_seen; i++) {
        /* -505 while only the backup runs, -1000 once the term has been requested */
        if (JetBeginExternalBackupInstance(term_instance, 0) == JET_errTermInProgress) term_seen = 1;
        else usleep(1000);
    }
    return JET_errSuccess;
}

static void backup_while_terminating(JET_GRBIT grbit) {
    bk_env env;
    bk_setup_with(&env, "backup", "inst", "data.edb", 512, 2, -1, 0, NULL);
    term_instance = env.inst;
    term_grbit = grbit;
    term_result = 1;
    term_started = term_seen = 0;
    EXPECT_ERR(JetBackupInstanceA(env.inst, path_in_dir("bk"), 0, term_on_begin), JET_errTermInProgress);
    EXPECT(term_started && term_seen);
    EXPECT(pthread_join(term_thread, NULL) == 0);
    EXPECT_ERR(term_result, JET_errSuccess);
    JET_DBINFOMISC misc;
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0); /* aborted: never stamped */
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateCleanShutdown);
}

SCENARIO(jetterm_during_jetbackup_stops_it_with_1000_then_terms, "api JetBackupInstance") {
    backup_while_terminating(JET_bitTermAbrupt);
}

SCENARIO(jetterm2_complete_during_jetbackup_stops_it_with_1000_then_terms, "api JetBackupInstance") {
    backup_while_terminating(JET_bitTermComplete);
}

/* A JetTerm from the backup's own callback cannot wait for the backup to return. */
static JET_ERR self_term_result;
static JET_ERR JET_API term_from_callback(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv) {
    (void)sesid, (void)snp, (void)pv;
    if (snt == JET_sntBegin) self_term_result = JetTerm(term_instance);
    return JET_errSuccess;
}

SCENARIO(jetterm_from_the_jetbackup_callback_gives_505_and_the_backup_completes, "api JetBackupInstance") {
    bk_env env;
    bk_setup(&env);
    term_instance = env.inst;
    self_term_result = 1;
    EXPECT_ERR(JetBackupInstanceA(env.inst, path_in_dir("bk"), 0, term_from_callback), JET_errSuccess);
    EXPECT_ERR(self_term_result, JET_errBackupInProgress);
    bk_term(&env);
}
