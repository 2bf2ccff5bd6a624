/* Behaviours fixed after reviewing the code against ESE's behaviour: default folders resolve at JetInit,
 * End's grbit check comes after the API gate, and with no instance every parameter call reaches the global table.
 */
#include "harness.h"

#include <unistd.h>

SCENARIO(default_folders_are_absolute_after_init_and_in_the_log_list, "api JetInit") {
    JET_INSTANCE inst = 0;
    char cwd[4096], folder[4200], got[4200];
    EXPECT(getcwd(cwd, sizeof cwd) != NULL);
    snprintf(folder, sizeof folder, "%s/", cwd);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFileSize, 128, NULL), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetGetSystemParameterA(inst, 0, JET_paramLogFilePath, NULL, got, sizeof got), JET_errSuccess);
    EXPECT(strcmp(got, folder) == 0);
    EXPECT_ERR(JetGetSystemParameterA(inst, 0, JET_paramSystemPath, NULL, got, sizeof got), JET_errSuccess);
    EXPECT(strcmp(got, folder) == 0);
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errSuccess);
    char logs[8192];
    unsigned long cb = 0;
    EXPECT_ERR(JetGetLogInfoInstanceA(inst, logs, sizeof logs, &cb), JET_errSuccess);
    EXPECT(logs[0] == '/');
    EXPECT(strncmp(logs, folder, strlen(folder)) == 0);
    EXPECT_ERR(JetEndExternalBackupInstance2(inst, JET_bitBackupEndAbort), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(end_with_a_bad_grbit_after_stop_service_gives_client_request_to_stop, "api JetEndExternalBackup") {
    JET_INSTANCE inst = init_legacy(path_in_dir("inst"));
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errSuccess);
    EXPECT_ERR(JetStopServiceInstance(inst), JET_errSuccess);
    /* The gate answers first, so the grbit is never looked at. */
    EXPECT_ERR(JetEndExternalBackupInstance2(inst, 0), JET_errClientRequestToStopJetService);
    EXPECT_ERR(JetEndExternalBackupInstance2(inst, JET_bitBackupEndNormal | JET_bitBackupEndAbort),
               JET_errClientRequestToStopJetService);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(parameters_with_no_instance_reach_the_global_table_whatever_the_handles, "api System parameters") {
    JET_INSTANCE made_up = 12345;
    JET_API_PTR value = 0;
    EXPECT_ERR(JetSetSystemParameterA(&made_up, 0, JET_paramLogFileSize, 256, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 777, JET_paramCircularLog, 1, NULL), JET_errSuccess);
    EXPECT_ERR(JetGetSystemParameterA(made_up, 0, JET_paramLogFileSize, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 256);
    EXPECT_ERR(JetGetSystemParameterA(0, 777, JET_paramCircularLog, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 1);
    /* ...and an instance created afterwards starts from them. */
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "after"), JET_errSuccess);
    EXPECT_ERR(JetGetSystemParameterA(inst, 0, JET_paramLogFileSize, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 256);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(legacy_init_ignores_whatever_the_instance_variable_holds, "api JetInit") {
    /* A legacy host may pass an uninitialized JET_INSTANCE: with no mode set its value is not looked at. */
    JET_INSTANCE inst = (JET_INSTANCE)0x5eed1234;
    set_paths(NULL, path_in_dir("inst"));
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT(inst != (JET_INSTANCE)0x5eed1234);
    JET_INSTANCE again = (JET_INSTANCE)0x77;
    EXPECT_ERR(JetInit(&again), JET_errAlreadyInitialized);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(attach_of_a_database_another_instance_holds_gives_sharing_violation, "api JetAttachDatabase") {
    JET_INSTANCE a = init_named("a", path_in_dir("a"));
    JET_INSTANCE b = init_named("b", path_in_dir("b"));
    const char *db = path_in_dir("shared.edb");
    JET_DBID dbid;
    JET_SESID sa = create_db(a, db, 0, &dbid);
    JET_SESID sb;
    EXPECT_ERR(JetBeginSessionA(b, &sb, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sb, db, 0), JET_errDatabaseSharingViolation);
    EXPECT_ERR(JetAttachDatabaseA(sb, db, JET_bitDbReadOnly), JET_errDatabaseSharingViolation);
    /* Overwriting it from the other instance is refused too, and leaves the file alone. */
    long long before = file_size(db);
    EXPECT_ERR(JetCreateDatabaseA(sb, db, NULL, &dbid, JET_bitDbOverwriteExisting), JET_errDatabaseSharingViolation);
    EXPECT(file_size(db) == before);
    /* Once the first instance lets go, the second one attaches it. */
    EXPECT_ERR(JetCloseDatabase(sa, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sa, db), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sb, db, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}
