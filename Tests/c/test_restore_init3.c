/* JetInit3 with JET_RSTINFO: recovery relocates databases through JET_RSTMAP and reports to pfnStatus
 * (docs/api.md "JetInit3").
 */
#define _GNU_SOURCE
#include "restore_fixtures.h"

#include <stdio.h>
#include <unistd.h>

/* bk_setup's instance stopped as a crash would: the log still says the database is attached. */
static void crashed(bk_env *env) {
    bk_setup(env);
    EXPECT_ERR(JetTerm2(env->inst, JET_bitTermDirty), JET_errDirtyShutdown);
    JET_DBINFOMISC misc;
    bk_dbinfo(env->db, &misc);
    EXPECT(misc.dbstate != JET_dbstateCleanShutdown);
}

SCENARIO(init3_relocates_a_database_moved_after_a_crash, "api JetInit3") {
    bk_env env;
    crashed(&env);
    char moved[BK_PATH];
    snprintf(moved, sizeof moved, "%s", path_in_dir("moved.edb"));
    EXPECT(rename(env.db, moved) == 0);
    JET_RSTMAP_A map = {env.db, moved};
    JET_RSTINFO_A info;
    memset(&info, 0, sizeof info);
    info.cbStruct = sizeof info;
    info.rgrstmap = &map;
    info.crstmap = 1;
    info.pfnStatus = rs_status;
    JET_INSTANCE inst = rs_instance("again", "inst");
    rs_reset(JET_snpRestore);
    EXPECT_ERR(JetInit3A(&inst, &info, 0), JET_errSuccess);
    rs_expect_complete_run(0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_DBINFOMISC misc;
    bk_dbinfo(moved, &misc);
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateCleanShutdown);
}

SCENARIO(init3_without_rstinfo_recovers_as_jetinit, "api JetInit3") {
    bk_env env;
    crashed(&env);
    JET_INSTANCE inst = rs_instance("again", "inst");
    EXPECT_ERR(JetInit3W(&inst, NULL, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_DBINFOMISC misc;
    bk_dbinfo(env.db, &misc);
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateCleanShutdown);
}

SCENARIO(init3_with_a_wrong_size_or_map_count_gives_1003, "api JetInit3") {
    JET_INSTANCE inst = rs_instance("again", "inst");
    JET_RSTINFO_A info;
    memset(&info, 0, sizeof info);
    info.cbStruct = sizeof info - 1;
    EXPECT_ERR(JetInit3A(&inst, &info, 0), JET_errInvalidParameter);
    info.cbStruct = sizeof info;
    info.crstmap = 2; /* and no array */
    EXPECT_ERR(JetInit3A(&inst, &info, 0), JET_errInvalidParameter);
    info.crstmap = -1;
    EXPECT_ERR(JetInit3A(&inst, &info, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(init3_reports_every_percent_of_the_replay, "api JetInit3") {
    bk_env env;
    crashed(&env);
    JET_RSTINFO_A info;
    memset(&info, 0, sizeof info);
    info.cbStruct = sizeof info;
    info.pfnStatus = rs_status;
    JET_INSTANCE inst = rs_instance("again", "inst");
    rs_reset(JET_snpRestore);
    EXPECT_ERR(JetInit3A(&inst, &info, 0), JET_errSuccess);
    rs_expect_complete_run(99); /* Progress 1, 2, ... 99 by bytes of log read */
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* The callback runs with no lock held: it may call into the API, on the instance being initialized too. */
static JET_INSTANCE init3_instance;
static int init3_calls;
static JET_ERR JET_API init3_calling_back(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv) {
    (void)sesid, (void)snp, (void)snt, (void)pv;
    JET_API_PTR value = 0;
    JetGetSystemParameterA(init3_instance, 0, JET_paramCircularLog, &value, NULL, 0);
    unsigned long count = 0;
    JET_INSTANCE_INFO_A *list = NULL;
    if (JetGetInstanceInfoA(&count, &list) == JET_errSuccess) JetFreeBuffer((char *)list);
    init3_calls++;
    return JET_errSuccess;
}

SCENARIO(init3_progress_callback_may_call_the_api, "api JetInit3") {
    bk_env env;
    crashed(&env);
    JET_RSTINFO_A info;
    memset(&info, 0, sizeof info);
    info.cbStruct = sizeof info;
    info.pfnStatus = init3_calling_back;
    init3_instance = rs_instance("again", "inst");
    init3_calls = 0;
    EXPECT_ERR(JetInit3A(&init3_instance, &info, 0), JET_errSuccess);
    EXPECT(init3_calls > 2);
    EXPECT_ERR(JetTerm(init3_instance), JET_errSuccess);
}
