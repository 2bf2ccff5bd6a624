/* Fixtures of the navigation scenarios: see navigation_fixtures.h. */
#define _GNU_SOURCE
#include "navigation_fixtures.h"

JET_TABLEID nav_in_transaction(isam_env *env) {
    EXPECT_ERR(JetBeginTransaction(env->sesid), JET_errSuccess);
    return f_create(env->sesid, env->dbid);
}

JET_TABLEID nav_keys(isam_env *env, int32_t first, int32_t last) {
    JET_TABLEID t = f_create(env->sesid, env->dbid);
    for (int32_t k = first; k <= last; k++) f_insert(env->sesid, t, k);
    return t;
}

JET_TABLEID nav_reopen(isam_env *env, JET_TABLEID t) {
    EXPECT_ERR(JetCloseTable(env->sesid, t), JET_errSuccess);
    return f_open(env->sesid, env->dbid);
}

void nav_insert_pairs(JET_SESID sesid, JET_TABLEID t) {
    f_insert3(sesid, t, 5, 20, 200);
    f_insert3(sesid, t, 2, 20, 200);
    f_insert3(sesid, t, 3, 30, 200);
    f_insert3(sesid, t, 1, 10, 100);
    f_insert3(sesid, t, 4, 20, 201);
}

JET_ERR nav_seek(JET_SESID sesid, JET_TABLEID t, int32_t k, JET_GRBIT grbit) {
    f_key(sesid, t, k);
    return JetSeek(sesid, t, grbit);
}

JET_ERR nav_range(JET_SESID sesid, JET_TABLEID t, int32_t limit, JET_GRBIT grbit) {
    f_key(sesid, t, limit);
    return JetSetIndexRange(sesid, t, grbit);
}
