/* JetExternalRestore / JetExternalRestore2: a streamed backup written to disk by the caller, restored in place
 * (docs/api.md "JetExternalRestore2").
 */
#define _GNU_SOURCE
#include "restore_external_fixtures.h"

#include <sys/stat.h>
#include <unistd.h>

SCENARIO(external_restore_of_a_streamed_full_backup, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    rx_backed_up_and_lost(&env, &info);
    char restored[BK_PATH];
    snprintf(restored, sizeof restored, "%s", path_in_dir("st/data.edb"));
    JET_RSTMAP_A map = {env.db, restored};
    rs_reset(JET_snpRestore);
    EXPECT_ERR(rx_restore(&env, &info, &map, 1, rs_status), JET_errSuccess);
    rs_expect_complete_run(1);
    unsigned long count = 9;
    JET_INSTANCE_INFO_A *list = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&count, &list), JET_errSuccess);
    EXPECT_EQ_UL(count, 0); /* the temporary instance is gone */
    JetFreeBuffer((char *)list);
    rs_expect_restored(restored);
}

SCENARIO(external_restore_reports_every_percent_of_its_work, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    bk_setup_with(&env, "backup", "inst", "data.edb", 1024, 3, -1, 0, NULL);
    rx_streamed_full(&env, &info);
    bk_term(&env);
    rs_empty_folder(env.dir);
    JET_RSTMAP_A map = {env.db, rx_path("st/data.edb")};
    rs_reset(JET_snpRestore);
    EXPECT_ERR(rx_restore(&env, &info, &map, 1, rs_status), JET_errSuccess);
    rs_expect_complete_run(99); /* Progress 1, 2, ... 99: logs replayed, then pages copied */
}

SCENARIO(external_restore_leaves_its_checkpoint_and_a_new_log_generation, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    rx_backed_up_and_lost(&env, &info);
    char restored[BK_PATH];
    snprintf(restored, sizeof restored, "%s", path_in_dir("st/data.edb"));
    JET_RSTMAP_A map = {env.db, restored};
    EXPECT(mkdir(path_in_dir("ckpt"), 0755) == 0);
    EXPECT(mkdir(path_in_dir("logs"), 0755) == 0);
    EXPECT_ERR(JetExternalRestore2A(rx_path("ckpt"), rx_path("logs"), &map, 1, rx_path("st"), &info, NULL, NULL,
                                    NULL, NULL),
               JET_errSuccess);
    EXPECT(access(path_in_dir("ckpt/edb.chk"), F_OK) == 0);
    EXPECT(access(path_in_dir("logs/edb.log"), F_OK) == 0);
    /* An instance on those folders goes on from there, with the restored database. */
    JET_INSTANCE inst = 0;
    JET_SESID sesid = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "after"), JET_errSuccess);
    set_paths(&inst, path_in_dir("logs"));
    char ckpt[BK_PATH];
    snprintf(ckpt, sizeof ckpt, "%s/", path_in_dir("ckpt"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, ckpt), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, restored, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(external_restore_of_a_streamed_full_and_incremental_backup, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A full, inc;
    bk_setup(&env);
    rx_streamed_full(&env, &full);
    roll_logs(env.sesid, 3);
    bk_begin(&env, JET_bitBackupIncremental);
    rx_stream_logs(&env, path_in_dir("st"), &inc);
    EXPECT_ERR(JetTruncateLogInstance(env.inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), JET_errSuccess);
    bk_term(&env);
    rs_empty_folder(env.dir);
    JET_LOGINFO_W range;
    memset(&range, 0, sizeof range);
    range.cbSize = sizeof range;
    range.ulGenLow = full.ulGenLow;
    range.ulGenHigh = inc.ulGenHigh;
    WCHAR *restored = utf16(path_in_dir("st/data.edb"));
    JET_RSTMAP_W map = {utf16(env.db), restored};
    EXPECT_ERR(JetExternalRestore2W(utf16(env.dir), utf16(env.dir), &map, 1, utf16(path_in_dir("st")), &range, NULL,
                                    NULL, NULL, NULL),
               JET_errSuccess);
    JET_DBINFOMISC misc;
    bk_dbinfo(path_in_dir("st/data.edb"), &misc);
    EXPECT(misc.lgposConsistent.lGeneration >= (long)inc.ulGenHigh);
    rs_expect_restored(path_in_dir("st/data.edb"));
}

SCENARIO(external_restore_with_the_generations_as_arguments, "api JetExternalRestore") {
    bk_env env;
    JET_LOGINFO_A info;
    rx_backed_up_and_lost(&env, &info);
    char restored[BK_PATH];
    snprintf(restored, sizeof restored, "%s", path_in_dir("st/data.edb"));
    JET_RSTMAP_A map = {env.db, restored};
    EXPECT_ERR(JetExternalRestoreA(env.dir, env.dir, &map, 1, rx_path("st"), (long)info.ulGenLow,
                                   (long)info.ulGenHigh, NULL),
               JET_errSuccess);
    rs_expect_restored(restored);
}

SCENARIO(external_restore2_without_loginfo_or_with_a_wrong_size_gives_1003, "api JetExternalRestore2") {
    JET_LOGINFO_A info;
    memset(&info, 0, sizeof info);
    info.cbSize = sizeof info - 1;
    EXPECT_ERR(JetExternalRestore2A("a", "a", NULL, 0, "st", NULL, NULL, NULL, NULL, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetExternalRestore2A("a", "a", NULL, 0, "st", &info, NULL, NULL, NULL, NULL), JET_errInvalidParameter);
}

SCENARIO(external_restore_map_and_count_that_disagree_give_1003, "api JetExternalRestore2") {
    JET_LOGINFO_A info = {sizeof info, 1, 1, "edb"};
    JET_RSTMAP_A map = {"a", "b"};
    EXPECT_ERR(JetExternalRestore2A("a", "a", NULL, 1, "st", &info, NULL, NULL, NULL, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetExternalRestore2A("a", "a", &map, 0, "st", &info, NULL, NULL, NULL, NULL), JET_errInvalidParameter);
}

SCENARIO(external_restore_with_one_target_folder_or_name_and_folders_gives_1003, "api JetExternalRestore2") {
    JET_LOGINFO_A info = {sizeof info, 1, 1, "edb"};
    EXPECT_ERR(JetExternalRestore2A("a", "a", NULL, 0, "st", &info, NULL, "t", NULL, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetExternalRestore2A("a", "a", NULL, 0, "st", &info, "n", "t", "t", NULL), JET_errInvalidParameter);
}

SCENARIO(external_restore_in_one_instance_mode_gives_1080, "api JetExternalRestore2") {
    bk_env env;
    bk_setup_legacy(&env);
    JET_LOGINFO_A info = {sizeof info, 1, 1, "edb"};
    EXPECT_ERR(JetExternalRestore2A("a", "a", NULL, 0, "st", &info, NULL, NULL, NULL, NULL),
               JET_errRunningInOneInstanceMode);
    bk_term(&env);
}

SCENARIO(external_restore_to_a_target_that_is_not_running_gives_577, "api JetExternalRestore2") {
    JET_LOGINFO_A info = {sizeof info, 1, 1, "edb"};
    EXPECT_ERR(JetExternalRestore2A("a", "a", NULL, 0, "st", &info, "nobody", NULL, NULL, NULL),
               JET_errBadRestoreTargetInstance);
}

SCENARIO(external_restore_into_a_running_instances_log_folder_gives_1084, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    bk_setup(&env);
    rx_streamed_full(&env, &info);
    EXPECT(mkdir(path_in_dir("ck"), 0755) == 0);
    EXPECT_ERR(JetExternalRestore2A(rx_path("ck"), env.dir, NULL, 0, rx_path("st"), &info, NULL, NULL, NULL,
                                    NULL),
               JET_errLogFilePathInUse);
    bk_term(&env);
}

SCENARIO(external_restore_with_a_missing_database_stream_gives_1811, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    rx_backed_up_and_lost(&env, &info);
    JET_RSTMAP_A map = {env.db, (char *)path_in_dir("st/none.edb")};
    rs_reset(JET_snpRestore);
    EXPECT_ERR(rx_restore(&env, &info, &map, 1, rs_status), JET_errFileNotFound);
    EXPECT_EQ_UL(rs_events.n, 0);
}

SCENARIO(external_restore_with_too_many_map_entries_gives_1003_after_the_logs, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    rx_backed_up_and_lost(&env, &info);
    JET_RSTMAP_A map[15];
    for (int i = 0; i < 15; i++) map[i] = (JET_RSTMAP_A){env.db, env.db};
    EXPECT_ERR(rx_restore(&env, &info, map, 15, NULL), JET_errInvalidParameter);
    info.ulGenHigh += 5; /* logs missing: their error wins over the count */
    EXPECT_ERR(rx_restore(&env, &info, map, 15, NULL), JET_errFileNotFound);
}

/* Matching a map entry to a database of the set: by the signature its stream carries, not by szDatabaseName. */

SCENARIO(external_restore_matches_a_renamed_database_by_its_signature, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    rx_backed_up_and_lost(&env, &info);
    JET_RSTMAP_A map = {rx_path("renamed/somewhere-else.edb"), rx_path("st/data.edb")};
    EXPECT_ERR(rx_restore(&env, &info, &map, 1, NULL), JET_errSuccess);
    rs_expect_restored(path_in_dir("st/data.edb"));
}

SCENARIO(external_restore_of_one_database_mapped_twice_restores_the_first_entry_only, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    rx_backed_up_and_lost(&env, &info);
    char copy[BK_PATH];
    snprintf(copy, sizeof copy, "%s", path_in_dir("st/copy.edb"));
    rs_copy_file(path_in_dir("st/data.edb"), copy);
    size_t before_cb = 0;
    unsigned char *before = bk_slurp(copy, &before_cb);
    JET_RSTMAP_A map[2] = {{env.db, rx_path("st/data.edb")}, {env.db, copy}};
    EXPECT_ERR(rx_restore(&env, &info, map, 2, NULL), JET_errSuccess);
    rs_expect_restored(path_in_dir("st/data.edb"));
    size_t after_cb = 0;
    unsigned char *after = bk_slurp(copy, &after_cb);
    EXPECT(after_cb == before_cb && memcmp(before, after, before_cb) == 0); /* the second copy is left as it was */
}

SCENARIO(external_restore_with_the_same_stream_mapped_twice_restores_it_once, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    rx_backed_up_and_lost(&env, &info);
    char restored[BK_PATH];
    snprintf(restored, sizeof restored, "%s", path_in_dir("st/data.edb"));
    JET_RSTMAP_A map[2] = {{env.db, restored}, {env.db, restored}};
    EXPECT_ERR(rx_restore(&env, &info, map, 2, NULL), JET_errSuccess);
    rs_expect_restored(restored);
}

SCENARIO(external_restore_with_swapped_names_restores_each_database_as_itself, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    bk_setup(&env);
    char other[BK_PATH];
    bk_join(other, sizeof other, env.dir, "other.edb");
    JET_DBID other_dbid = 0;
    JET_SESID other_sesid = create_db(env.inst, other, 8, &other_dbid);
    EXPECT_ERR(JetEndSession(other_sesid, 0), JET_errSuccess);
    JET_DBINFOMISC data_misc, other_misc;
    bk_dbinfo(env.db, &data_misc);
    bk_dbinfo(other, &other_misc);
    EXPECT(mkdir(path_in_dir("st"), 0755) == 0);
    bk_begin(&env, 0);
    const char *dbs[2] = {env.db, other};
    for (int i = 0; i < 2; i++) {
        size_t n = 0;
        unsigned char *p = bk_stream(&env, dbs[i], BK_CHUNK, &n);
        char out[BK_PATH];
        bk_join(out, sizeof out, path_in_dir("st"), bk_base_name(dbs[i]));
        bk_write_file(out, p, n);
    }
    rx_stream_logs(&env, path_in_dir("st"), &info);
    EXPECT_ERR(JetEndExternalBackupInstance2(env.inst, JET_bitBackupEndNormal), JET_errSuccess);
    bk_term(&env);
    rs_empty_folder(env.dir);
    /* Each entry names the other database's original path. */
    JET_RSTMAP_A map[2] = {{env.db, rx_path("st/other.edb")}, {other, rx_path("st/data.edb")}};
    EXPECT_ERR(rx_restore(&env, &info, map, 2, NULL), JET_errSuccess);
    JET_DBINFOMISC misc;
    bk_dbinfo(path_in_dir("st/data.edb"), &misc);
    EXPECT(memcmp(&misc.signDb, &data_misc.signDb, sizeof misc.signDb) == 0);
    bk_dbinfo(path_in_dir("st/other.edb"), &misc);
    EXPECT(memcmp(&misc.signDb, &other_misc.signDb, sizeof misc.signDb) == 0);
    rs_expect_restored(path_in_dir("st/data.edb"));
    rs_expect_restored(path_in_dir("st/other.edb"));
}

SCENARIO(external_restore_with_an_empty_map_restores_the_logged_databases_in_place, "api JetExternalRestore2") {
    bk_env env;
    JET_LOGINFO_A info;
    bk_setup(&env);
    /* Attached again in the generation the backup starts from, so the set's logs name it. */
    EXPECT_ERR(JetCloseDatabase(env.sesid, env.dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(env.sesid, env.db), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(env.sesid, env.db, 0), JET_errSuccess);
    rx_streamed_full(&env, &info);
    bk_term(&env);
    rs_empty_folder(env.dir);
    rs_copy_file(path_in_dir("st/data.edb"), env.db); /* the caller put the stream where the log says */
    EXPECT_ERR(rx_restore(&env, &info, NULL, 0, NULL), JET_errSuccess);
    rs_expect_restored(env.db);
}
