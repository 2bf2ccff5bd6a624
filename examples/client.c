/*
 * A complete libesent client: creates an instance with a database under FOLDER/data, commits a transaction,
 * then takes a full streaming backup of it into FOLDER/backup and truncates the logs. Every call is checked.
 *
 *   cc client.c $(pkg-config --cflags --libs esent) -o client && ./client /tmp/esent-client
 *
 * The README shows this program; `make test` (tools/check-install.sh) builds and runs it against an install.
 */
#include <esent.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Reports a failed call with its code and the library's text for it, then leaves main with status 1. */
#define CHECK(call)                                                                                                \
    do {                                                                                                           \
        JET_ERR err_ = (call);                                                                                     \
        if (err_ < JET_errSuccess) {                                                                               \
            fprintf(stderr, "%s failed: %ld (%s)\n", #call, (long)err_, error_text(err_));                         \
            return 1;                                                                                              \
        }                                                                                                          \
    } while (0)

enum { READ_SIZE = 64 * 1024, READ_ALIGNMENT = 4096 };

static const char *error_text(JET_ERR err) {
    static char text[256];
    JET_API_PTR code = (JET_API_PTR)err;
    if (JetGetSystemParameterA(JET_instanceNil, JET_sesidNil, JET_paramErrorToString, &code, text, sizeof text) < 0)
        snprintf(text, sizeof text, "no description");
    return text;
}

/* Streams one file of the backup set (a database or a log, by the name the library reported) into folder. */
static int copy_backup_file(JET_INSTANCE inst, const char *name, const char *folder, void *buffer,
                            unsigned long long *total) {
    const char *base = strrchr(name, '/');
    char target[4096];
    snprintf(target, sizeof target, "%s/%s", folder, base ? base + 1 : name);
    FILE *out = fopen(target, "wb");
    if (!out) {
        fprintf(stderr, "cannot create %s: %s\n", target, strerror(errno));
        return 1;
    }
    JET_HANDLE file = 0;
    unsigned long low = 0, high = 0, got = 0;
    JET_ERR err = JetOpenFileInstanceA(inst, name, &file, &low, &high);
    int opened = err == JET_errSuccess;
    while (err == JET_errSuccess) {
        err = JetReadFileInstance(inst, file, buffer, READ_SIZE, &got);
        if (err != JET_errSuccess || got == 0) break;
        if (fwrite(buffer, 1, got, out) != got) {
            fprintf(stderr, "cannot write %s: %s\n", target, strerror(errno));
            err = JET_errDiskIO;
        }
        *total += got;
    }
    JET_ERR closed = opened ? JetCloseFileInstance(inst, file) : JET_errSuccess;
    if (fclose(out) != 0 && err == JET_errSuccess) err = JET_errDiskIO;
    if (err == JET_errSuccess) err = closed;
    if (err != JET_errSuccess) {
        fprintf(stderr, "backing up %s failed: %ld (%s)\n", name, (long)err, error_text(err));
        return 1;
    }
    printf("  %-40s %llu bytes\n", base ? base + 1 : name, ((unsigned long long)high << 32) | low);
    return 0;
}

/* Walks a list of NUL-terminated names ending with an empty one, as JetGetAttachInfo and JetGetLogInfo give. */
static int copy_list(JET_INSTANCE inst, const char *names, const char *folder, void *buffer,
                     unsigned long long *total) {
    for (const char *name = names; *name; name += strlen(name) + 1)
        if (copy_backup_file(inst, name, folder, buffer, total) != 0) return 1;
    return 0;
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : "esent-client";
    char data[4096], backup[4096], database[4096];
    snprintf(data, sizeof data, "%s/data/", root); /* folder parameters end with a slash */
    snprintf(backup, sizeof backup, "%s/backup", root);
    snprintf(database, sizeof database, "%s/data/app.edb", root);
    if ((mkdir(root, 0777) != 0 && errno != EEXIST) || (mkdir(backup, 0777) != 0 && errno != EEXIST)) {
        fprintf(stderr, "cannot create %s: %s\n", backup, strerror(errno));
        return 1;
    }

    JET_INSTANCE inst = JET_instanceNil;
    JET_SESID sesid = JET_sesidNil;
    JET_DBID dbid = JET_dbidNil;
    CHECK(JetCreateInstanceA(&inst, "client"));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramCreatePathIfNotExist, 1, NULL));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramSystemPath, 0, data));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramLogFilePath, 0, data));
    CHECK(JetSetSystemParameterA(&inst, JET_sesidNil, JET_paramTempPath, 0, data));
    CHECK(JetInit(&inst));
    CHECK(JetBeginSessionA(inst, &sesid, "", ""));
    JET_ERR created = JetCreateDatabaseA(sesid, database, NULL, &dbid, 0);
    if (created == JET_errDatabaseDuplicate) { /* a second run: the database is already there */
        CHECK(JetAttachDatabaseA(sesid, database, 0));
        CHECK(JetOpenDatabaseA(sesid, database, NULL, &dbid, 0));
    } else {
        CHECK(created);
    }
    CHECK(JetBeginTransaction(sesid));
    CHECK(JetCommitTransaction(sesid, 0));
    CHECK(JetCloseDatabase(sesid, dbid, 0));

    void *buffer = aligned_alloc(READ_ALIGNMENT, READ_SIZE); /* JetReadFile needs a 4096-aligned buffer */
    if (!buffer) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    char names[8192];
    unsigned long cb = 0;
    unsigned long long total = 0;
    printf("full backup of %s into %s\n", database, backup);
    CHECK(JetBeginExternalBackupInstance(inst, 0));
    CHECK(JetGetAttachInfoInstanceA(inst, names, sizeof names, &cb));
    if (copy_list(inst, names, backup, buffer, &total) != 0) return 1;
    CHECK(JetGetLogInfoInstanceA(inst, names, sizeof names, &cb));
    if (copy_list(inst, names, backup, buffer, &total) != 0) return 1;
    CHECK(JetTruncateLogInstance(inst));
    CHECK(JetEndExternalBackupInstance(inst));
    free(buffer);

    CHECK(JetEndSession(sesid, 0));
    CHECK(JetTerm(inst));
    printf("backup complete: %llu bytes\n", total);
    return 0;
}
