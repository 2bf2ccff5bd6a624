/* Fixtures of the JetExternalRestore scenarios: see restore_external_fixtures.h. */
#define _GNU_SOURCE
#include "restore_external_fixtures.h"

#include <sys/stat.h>

char *rx_path(const char *name) {
    static char slots[4][BK_PATH];
    static int next;
    char *slot = slots[next++ % 4];
    snprintf(slot, BK_PATH, "%s", path_in_dir(name));
    return slot;
}

void rx_stream_logs(bk_env *env, const char *folder, JET_LOGINFO_A *info) {
    bk_list logs;
    bk_log_list_info(env, &logs, info);
    for (int i = 0; i < logs.n; i++) {
        size_t n = 0;
        unsigned char *p = bk_stream(env, logs.name[i], 4 * BK_PAGE, &n);
        char out[BK_PATH];
        bk_join(out, sizeof out, folder, bk_base_name(logs.name[i]));
        bk_write_file(out, p, n);
    }
}

void rx_streamed_full(bk_env *env, JET_LOGINFO_A *info) {
    const char *folder = path_in_dir("st");
    EXPECT(mkdir(folder, 0755) == 0);
    bk_begin(env, 0);
    size_t n = 0;
    unsigned char *p = bk_stream(env, env->db, BK_CHUNK, &n);
    char out[BK_PATH];
    bk_join(out, sizeof out, folder, "data.edb");
    bk_write_file(out, p, n);
    rx_stream_logs(env, folder, info);
    EXPECT_ERR(JetTruncateLogInstance(env->inst), JET_errSuccess);
    EXPECT_ERR(JetEndExternalBackupInstance2(env->inst, JET_bitBackupEndNormal), JET_errSuccess);
}

void rx_backed_up_and_lost(bk_env *env, JET_LOGINFO_A *info) {
    bk_setup(env);
    rx_streamed_full(env, info);
    bk_term(env);
    rs_empty_folder(env->dir);
}

JET_ERR rx_restore(bk_env *env, JET_LOGINFO_A *info, JET_RSTMAP_A *map, long cmap, JET_PFNSTATUS pfn) {
    return JetExternalRestore2A(env->dir, env->dir, map, cmap, rx_path("st"), info, NULL, NULL, NULL, pfn);
}
