/* The point of the protocol (issue 8): freeze, copy the member's files with `cp --reflink=auto` while another
 * thread keeps committing and growing the database, thaw; the copy, put back in place of the instance's
 * folder, recovers with a plain JetInit in a fresh instance, its database attaches with 0 and holds the state
 * at the freeze (size, and no stamp, which End writes after the copy).
 */
#define _GNU_SOURCE
#include "snapshot_fixtures.h"

#include <stdio.h>
#include <unistd.h>

typedef struct {
    bk_env *env;
    volatile int stop;
    int commits;
    JET_ERR failure;
} writer_ctx;

static void *writer(void *p) {
    writer_ctx *w = p;
    while (!__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE)) {
        JET_ERR err = sn_call_commit(w->env);
        if (err == JET_errSuccess && __atomic_load_n(&w->commits, __ATOMIC_RELAXED) % 8 == 0)
            err = sn_call_grow(w->env);
        if (err != JET_errSuccess) {
            __atomic_store_n(&w->failure, err, __ATOMIC_RELEASE);
            return NULL;
        }
        __atomic_add_fetch(&w->commits, 1, __ATOMIC_RELEASE);
    }
    return NULL;
}

SCENARIO(snapshot_threads_reflink_copy_recovers_with_plain_jetinit, "issue 8 round trip") {
    bk_env env;
    JET_DBINFOMISC misc;
    bk_setup_with(&env, "live", "live", "data.edb", 256, 2, -1, 0, NULL);
    writer_ctx w = {&env, 0, 0, 0};
    pthread_t t;
    EXPECT(pthread_create(&t, NULL, writer, &w) == 0);
    sn_sleep_ms(100);

    JET_OSSNAPID id = sn_prepare(0);
    sn_freeze(id);
    int commits_at_freeze = __atomic_load_n(&w.commits, __ATOMIC_ACQUIRE);
    unsigned long pages_at_freeze = bk_pgno_last(env.db);
    unsigned long long frozen = sn_hash_folder(env.dir);
    char cmd[3 * BK_PATH];
    snprintf(cmd, sizeof cmd, "cp --reflink=auto -R '%s' '%s'", env.dir, path_in_dir("copy"));
    EXPECT(system(cmd) == 0);
    EXPECT(sn_hash_folder(path_in_dir("copy")) == frozen);
    EXPECT(sn_hash_folder(env.dir) == frozen);
    EXPECT_ERR(JetOSSnapshotThaw(id, 0), JET_errSuccess);

    /* the writer resumes and changes the live instance past the copy */
    while (__atomic_load_n(&w.commits, __ATOMIC_ACQUIRE) < commits_at_freeze + 20 &&
           !__atomic_load_n(&w.failure, __ATOMIC_ACQUIRE))
        sn_sleep_ms(5);
    __atomic_store_n(&w.stop, 1, __ATOMIC_RELEASE);
    EXPECT(pthread_join(t, NULL) == 0);
    EXPECT_ERR(w.failure, JET_errSuccess);
    EXPECT(bk_pgno_last(env.db) > pages_at_freeze);
    bk_dbinfo(env.db, &misc);
    EXPECT(misc.bkinfoFullPrev.genLow != 0); /* stamped at the thaw, after the copy */
    bk_term(&env);

    /* restore: the copy goes back where the instance's files were */
    EXPECT(rename(env.dir, path_in_dir("live.old")) == 0);
    EXPECT(rename(path_in_dir("copy"), env.dir) == 0);
    JET_INSTANCE inst = 0;
    JET_SESID sesid = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "restored"), JET_errSuccess);
    set_paths(&inst, env.dir);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, env.db, 0), JET_errSuccess);
    EXPECT_EQ_UL(bk_pgno_last(env.db), pages_at_freeze);
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.bkinfoFullPrev.genLow, 0);
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateDirtyShutdown);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}
