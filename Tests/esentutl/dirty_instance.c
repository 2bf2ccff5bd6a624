/*
 * Fixture for tools/check-esentutl.sh: leaves an instance in FOLDER as a crash would (JET_bitTermDirty): a
 * database created and a commit in a log that was never shut down, so that `esentutl /r` has work to do.
 */
#include <esent.h>
#include <stdio.h>
#define CHECK(c) do { JET_ERR e_ = (c); if (e_ < 0) { fprintf(stderr, "%s: %ld\n", #c, (long)e_); return 1; } } while (0)
int main(int argc, char **argv) {
    if (argc != 2) return 2;
    char folder[4096], db[4200];
    snprintf(folder, sizeof folder, "%s/", argv[1]);
    snprintf(db, sizeof db, "%sdirty.edb", folder);
    JET_INSTANCE inst = JET_instanceNil;
    JET_SESID s = JET_sesidNil;
    JET_DBID dbid = JET_dbidNil;
    CHECK(JetCreateInstanceA(&inst, "dirty"));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramCreatePathIfNotExist, 1, NULL));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, folder));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, folder));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, folder));
    CHECK(JetInit(&inst));
    CHECK(JetBeginSessionA(inst, &s, "", ""));
    CHECK(JetCreateDatabaseA(s, db, NULL, &dbid, 0));
    CHECK(JetBeginTransaction(s));
    CHECK(JetCommitTransaction(s, 0));
    JET_ERR term = JetTerm2(inst, JET_bitTermDirty);
    if (term != JET_errSuccess && term != JET_errDirtyShutdown) return 1;
    return 0;
}
