/*
 * Fixture for tools/check-esentutl.sh: an instance in FOLDER/data with a database and a commit, backed up with
 * JetBackupInstance into FOLDER/backup (a JetBackup folder, as `esentutl restore` expects), then shut down.
 */
#include <esent.h>
#include <stdio.h>
#define CHECK(c) do { JET_ERR e_ = (c); if (e_ < 0) { fprintf(stderr, "%s: %ld\n", #c, (long)e_); return 1; } } while (0)
int main(int argc, char **argv) {
    if (argc != 2) return 2;
    char data[4096], db[4200], backup[4200];
    snprintf(data, sizeof data, "%s/data/", argv[1]);
    snprintf(db, sizeof db, "%sapp.edb", data);
    snprintf(backup, sizeof backup, "%s/backup", argv[1]);
    JET_INSTANCE inst = JET_instanceNil;
    JET_SESID s = JET_sesidNil;
    JET_DBID dbid = JET_dbidNil;
    CHECK(JetCreateInstanceA(&inst, "folder-backup"));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramCreatePathIfNotExist, 1, NULL));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, data));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, data));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, data));
    CHECK(JetInit(&inst));
    CHECK(JetBeginSessionA(inst, &s, "", ""));
    CHECK(JetCreateDatabaseA(s, db, NULL, &dbid, 0));
    CHECK(JetBeginTransaction(s));
    CHECK(JetCommitTransaction(s, 0));
    CHECK(JetCloseDatabase(s, dbid, 0));
    CHECK(JetBackupInstance(inst, backup, 0, NULL));
    CHECK(JetEndSession(s, 0));
    CHECK(JetTerm(inst));
    return 0;
}
