/* JetStopServiceInstance / JetStopServiceInstance2 and the backup: after a service stop every gated call gives
 * -1329 - the backup calls including End and CloseFile, and JetBeginSession - while JetStopBackupInstance, JetTerm, Get/SetSystemParameter and the
 * opted-out session calls keep working. A service stop does not end a running backup.
 */
#include "backup_fixtures.h"

#define STOPPED JET_errClientRequestToStopJetService

/* A backup in the database phase with the database open (handle *ph), then the service stopped. */
static void stop_service_with_open_file(bk_env *env, JET_HANDLE *ph) {
    bk_setup(env);
    bk_to_databases(env);
    EXPECT_ERR(bk_try_open(env, env->db, ph, NULL), JET_errSuccess);
    EXPECT_ERR(JetStopServiceInstance(env->inst), JET_errSuccess);
}

/* ---- Gated calls ------------------------------------------------------------------------------------ */

SCENARIO(backup_begin_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), STOPPED);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, JET_bitBackupIncremental), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_get_attach_info_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    unsigned long cb = 0;
    char buf[1024];
    WCHAR wbuf[512];
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetGetAttachInfoInstanceA(env.inst, buf, sizeof buf, &cb), STOPPED);
    EXPECT_ERR(JetGetAttachInfoInstanceW(env.inst, wbuf, sizeof wbuf, &cb), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_open_file_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long lo = 0, hi = 0;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetOpenFileInstanceA(env.inst, env.db, &h, &lo, &hi), STOPPED);
    EXPECT_ERR(JetOpenFileInstanceW(env.inst, utf16(env.db), &h, &lo, &hi), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_read_file_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    JET_HANDLE h = 0;
    unsigned long n = 0;
    unsigned char *buf = aligned_buffer(3 * BK_PAGE);
    stop_service_with_open_file(&env, &h);
    EXPECT_ERR(JetReadFileInstance(env.inst, h, buf, 3 * BK_PAGE, &n), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_close_file_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    JET_HANDLE h = 0;
    stop_service_with_open_file(&env, &h);
    EXPECT_ERR(JetCloseFileInstance(env.inst, h), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_get_log_info_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    unsigned long cb = 0;
    char buf[1024];
    WCHAR wbuf[512];
    JET_LOGINFO_A info;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    memset(&info, 0, sizeof info);
    info.cbSize = sizeof info;
    EXPECT_ERR(JetGetLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), STOPPED);
    EXPECT_ERR(JetGetLogInfoInstanceW(env.inst, wbuf, sizeof wbuf, &cb), STOPPED);
    EXPECT_ERR(JetGetLogInfoInstance2A(env.inst, buf, sizeof buf, &cb, &info), STOPPED);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceA(env.inst, buf, sizeof buf, &cb), STOPPED);
    EXPECT_ERR(JetGetTruncateLogInfoInstanceW(env.inst, wbuf, sizeof wbuf, &cb), STOPPED);
    bk_expect_archived(&env, 1, cur - 1); /* nothing rolled */
    bk_term(&env);
}

SCENARIO(backup_truncate_log_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    long cur = bk_current_gen(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), STOPPED);
    bk_expect_archived(&env, 1, cur);
    bk_term(&env);
}

SCENARIO(backup_end_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    bk_list logs;
    bk_setup(&env);
    bk_to_logs(&env, &logs);
    bk_copy_logs(&env, &logs);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), STOPPED);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), STOPPED);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndAbort), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_end_without_a_backup_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    /* the gate comes before "no backup" */
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), STOPPED);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_begin_session_after_stop_service_gives_client_request_to_stop, "api JetStopService") {
    bk_env env;
    JET_SESID sesid = 0;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(env.inst, &sesid, "", ""), STOPPED);
    EXPECT_ERR(JetBeginSessionW(env.inst, &sesid, u"", u""), STOPPED);
    bk_term(&env);
}

/* ---- What still works ------------------------------------------------------------------------------- */

SCENARIO(backup_stop_backup_after_stop_service_succeeds, "api JetStopService") {
    bk_env env;
    JET_HANDLE h = 0;
    stop_service_with_open_file(&env, &h);
    EXPECT_ERR(JetStopBackupInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess); /* a second service stop too */
    bk_term(&env);
}

SCENARIO(backup_stop_service_does_not_end_the_backup, "api JetStopService") {
    bk_env env;
    JET_HANDLE h = 0;
    stop_service_with_open_file(&env, &h);
    /* the backup is still open: a clean term refuses, the abrupt one ends it */
    EXPECT_ERR(JetTerm2(env.inst, 0), JET_errBackupInProgress);
    EXPECT_ERR(JetTerm(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), JET_errInvalidInstance);
}

SCENARIO(backup_term2_stop_backup_after_stop_service_terminates, "api JetTerm") {
    bk_env env;
    JET_HANDLE h = 0;
    stop_service_with_open_file(&env, &h);
    EXPECT_ERR(JetTerm2(env.inst, JET_bitTermStopBackup), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), JET_errInvalidInstance);
}

SCENARIO(backup_system_parameters_work_after_stop_service, "api JetStopService") {
    bk_env env;
    JET_API_PTR value = 0;
    char sz[512];
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetGetSystemParameterA(env.inst, 0, JET_paramLogFileSize, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 128);
    EXPECT_ERR(JetGetSystemParameterA(env.inst, 0, JET_paramLogFilePath, NULL, sz, sizeof sz), JET_errSuccess);
    EXPECT(strncmp(sz, env.dir, strlen(env.dir)) == 0);
    EXPECT_ERR(JetSetSystemParameterA(&env.inst, 0, JET_paramLogFileSize, 128, NULL), JET_errSuccess); /* same */
    bk_term(&env);
}

SCENARIO(backup_end_session_and_close_database_work_after_stop_service, "api JetStopService") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetEndSession(env.sesid, 0), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_detach_database_after_stop_service_works_without_a_backup, "api JetStopService") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_detach_database_after_stop_service_with_a_backup_gives_backup_in_progress, "api JetStopService") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    bk_to_databases(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    /* JetDetachDatabase opts out of the stop check, but the running backup still blocks it */
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errBackupInProgress);
    bk_term(&env);
}

/* ---- JetStopServiceInstance2 grbits ----------------------------------------------------------------- */

SCENARIO(backup_stop_service_instance2_with_invalid_bits_gives_invalid_grbit, "api JetStopServiceInstance2") {
    static const JET_GRBIT bad[] = {0x1, 0x10, 0x100, 0x40000000UL, 0x8 | 0x2, 0x8 | 0x4};
    bk_env env;
    bk_setup(&env);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        JET_ERR err = JetStopServiceInstance2(env.inst, bad[i]);
        if (err != JET_errInvalidGrbit)
            harness_fail(__FILE__, __LINE__, "JetStopServiceInstance2(0x%lx) returned %ld, expected -900", bad[i],
                         (long)err);
    }
    bk_full(&env, 1, JET_bitBackupEndNormal); /* nothing was stopped */
    bk_term(&env);
}

SCENARIO(backup_stop_service_instance2_background_tasks_does_not_stop_the_api, "api JetStopServiceInstance2") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceBackgroundUserTasks), JET_errSuccess);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(env.inst, &sesid, "", ""), JET_errSuccess);
    bk_term(&env);
}

SCENARIO(backup_stop_service_instance2_quiesce_caches_does_not_stop_the_api, "api JetStopServiceInstance2") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceQuiesceCaches), JET_errSuccess);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_term(&env);
}

SCENARIO(backup_stop_service_instance2_all_stops_the_api, "api JetStopServiceInstance2") {
    bk_env env;
    bk_setup(&env);
    bk_to_databases(&env);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceAll), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance(env.inst), STOPPED);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_resume_after_stop_service_all_gives_client_request_to_stop, "api JetStopServiceInstance2") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceAll), JET_errSuccess);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceResume), STOPPED);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), STOPPED); /* still stopped */
    bk_term(&env);
}

SCENARIO(backup_resume_after_legacy_stop_service_succeeds_without_effect, "api JetStopServiceInstance2") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceResume), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(env.inst, 0), STOPPED);
    bk_term(&env);
}

SCENARIO(backup_resume_after_stop_service_background_tasks_succeeds, "api JetStopServiceInstance2") {
    bk_env env;
    bk_setup(&env);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceBackgroundUserTasks), JET_errSuccess);
    EXPECT_ERR(JetStopServiceInstance2(env.inst, JET_bitStopServiceResume), JET_errSuccess);
    bk_full(&env, 1, JET_bitBackupEndNormal);
    bk_term(&env);
}

SCENARIO(backup_stop_service_on_an_uninitialized_instance_gives_not_initialized, "api Finding the instance, and the API gate") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "created"), JET_errSuccess);
    EXPECT_ERR(JetStopServiceInstance(inst), JET_errNotInitialized);
    EXPECT_ERR(JetStopServiceInstance2(inst, JET_bitStopServiceAll), JET_errNotInitialized);
    EXPECT_ERR(JetStopBackupInstance(inst), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}
