/* Sessions and transactions: JetBeginSession*, JetEndSession, JetBeginTransaction, JetCommitTransaction
 * (JET_bitCommitLazyFlush, JET_bitForceNewLog), JetRollback. */
#define _GNU_SOURCE
#include "harness.h"

#define BAD_SESID ((JET_SESID)12345)

static JET_SESID begin(JET_INSTANCE inst) {
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT(sesid != 0 && sesid != JET_sesidNil);
    return sesid;
}

/* Every session-taking call given `sesid` returns `want`. */
static void expect_session_calls(JET_SESID sesid, JET_ERR want) {
    JET_DBID dbid = 0;
    unsigned long real = 0;
    const char *db = path_in_dir("never.edb");
    EXPECT_ERR(JetBeginTransaction(sesid), want);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), want);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), want);
    EXPECT_ERR(JetRollback(sesid, 0), want);
    EXPECT_ERR(JetCreateDatabaseA(sesid, db, NULL, &dbid, 0), want);
    EXPECT_ERR(JetCreateDatabaseW(sesid, utf16(db), NULL, &dbid, 0), want);
    EXPECT_ERR(JetAttachDatabaseA(sesid, db, 0), want);
    EXPECT_ERR(JetAttachDatabaseW(sesid, utf16(db), 0), want);
    EXPECT_ERR(JetDetachDatabaseA(sesid, db), want);
    EXPECT_ERR(JetDetachDatabaseW(sesid, utf16(db)), want);
    EXPECT_ERR(JetDetachDatabase2A(sesid, db, 0), want);
    EXPECT_ERR(JetDetachDatabase2W(sesid, utf16(db), 0), want);
    EXPECT_ERR(JetOpenDatabaseA(sesid, db, NULL, &dbid, 0), want);
    EXPECT_ERR(JetOpenDatabaseW(sesid, utf16(db), NULL, &dbid, 0), want);
    EXPECT_ERR(JetCloseDatabase(sesid, 1, 0), want);
    EXPECT_ERR(JetGrowDatabase(sesid, 1, 100, &real), want);
    EXPECT_ERR(JetSetDatabaseSizeA(sesid, db, 100, &real), want);
    EXPECT_ERR(JetSetDatabaseSizeW(sesid, utf16(db), 100, &real), want);
    EXPECT_ERR(JetEndSession(sesid, 0), want);
    EXPECT(file_size(db) < 0);
}

static char log_name[64];
static const char *archived(const char *dir, unsigned gen) {
    snprintf(log_name, sizeof log_name, "%s/edb%05X.log", dir, gen);
    return path_in_dir(log_name);
}

/* ------------------------------------------------------------------------------------------------------------
 * Sessions
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(begin_session_a_and_w_ignore_user_and_password, "api JetBeginSession") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID s1 = 0, s2 = 0, s3 = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &s1, "someone", "secret"), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionW(inst, &s2, utf16("someone-else"), utf16("other secret")), JET_errSuccess);
    EXPECT_ERR(JetBeginSessionA(inst, &s3, NULL, NULL), JET_errSuccess);
    EXPECT(s1 != 0 && s2 != 0 && s3 != 0);
    EXPECT(s1 != s2 && s2 != s3 && s1 != s3);
    EXPECT_ERR(JetEndSession(s1, 0), JET_errSuccess);
    EXPECT_ERR(JetEndSession(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetEndSession(s3, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(begin_session_with_null_psesid_gives_invalid_parameter, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    EXPECT_ERR(JetBeginSessionA(inst, NULL, "", ""), JET_errInvalidParameter);
    EXPECT_ERR(JetBeginSessionW(inst, NULL, utf16(""), utf16("")), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(begin_session_on_an_instance_that_is_not_initialized_gives_not_initialized, "api Finding the instance, and the API gate") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errNotInitialized);
    EXPECT_ERR(JetBeginSessionW(inst, &sesid, utf16(""), utf16("")), JET_errNotInitialized);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(bad_session_gives_invalid_sesid, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    expect_session_calls(BAD_SESID, JET_errInvalidSesid);
    expect_session_calls(JET_sesidNil, JET_errInvalidSesid);
    expect_session_calls(0, JET_errInvalidSesid);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(bad_session_with_no_instance_gives_invalid_sesid, "api Handles") {
    EXPECT_ERR(JetBeginTransaction(BAD_SESID), JET_errInvalidSesid);
    EXPECT_ERR(JetEndSession(BAD_SESID, 0), JET_errInvalidSesid);
}

SCENARIO(ended_session_gives_invalid_sesid, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    expect_session_calls(sesid, JET_errInvalidSesid);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(sessions_of_a_terminated_instance_are_invalid, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    expect_session_calls(sesid, JET_errInvalidSesid);
}

SCENARIO(sessions_of_a_legacy_instance_are_invalid_after_term, "api Handles") {
    JET_INSTANCE inst = init_legacy(path_in_dir("legacy"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errInvalidSesid);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errInvalidSesid);
}

SCENARIO(end_session_with_force_session_closed_succeeds, "api JetEndSession") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetEndSession(sesid, JET_bitForceSessionClosed), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errInvalidSesid);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(end_session_with_an_open_transaction_succeeds, "api JetEndSession") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(sessions_of_different_instances_are_independent, "api JetBeginSession") {
    JET_INSTANCE a = init_named("a", path_in_dir("a"));
    JET_INSTANCE b = init_named("b", path_in_dir("b"));
    JET_SESID sa = begin(a), sb = begin(b);
    EXPECT(sa != sb);
    EXPECT_ERR(JetBeginTransaction(sa), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(sb), JET_errInvalidSesid);
    EXPECT_ERR(JetCommitTransaction(sa, 0), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sa, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * Transactions
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(transactions_nest_seven_levels_and_the_eighth_gives_trans_too_deep, "api JetBeginTransaction") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    for (int i = 0; i < 7; i++) EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errTransTooDeep);
    /* Still seven levels: seven commits succeed and the eighth has nothing to commit. */
    for (int i = 0; i < 7; i++) EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(commit_without_a_transaction_gives_not_in_transaction, "api JetCommitTransaction") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitCommitLazyFlush), JET_errNotInTransaction);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(rollback_without_a_transaction_gives_not_in_transaction, "api JetRollback") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetRollback(sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetRollback(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetRollback(sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(rollback_ends_only_the_innermost_level, "api JetRollback") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetRollback(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(commit_lazy_flush_commits_the_transaction, "api JetCommitTransaction") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitCommitLazyFlush), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(transactions_belong_to_their_session, "api JetBeginTransaction") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID s1 = begin(inst), s2 = begin(inst);
    EXPECT_ERR(JetBeginTransaction(s1), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(s2, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetRollback(s2, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetCommitTransaction(s1, 0), JET_errSuccess);
    EXPECT_ERR(JetEndSession(s1, 0), JET_errSuccess);
    EXPECT_ERR(JetEndSession(s2, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(force_new_log_rolls_the_log_without_a_transaction, "api JetCommitTransaction") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT(file_size(archived("a", 1)) < 0);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT_EQ_UL(file_size(archived("a", 1)), 128 * 1024);
    EXPECT_EQ_UL(file_size(path_in_dir("a/edb.log")), 128 * 1024);
    EXPECT(file_size(archived("a", 2)) < 0);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT_EQ_UL(file_size(archived("a", 2)), 128 * 1024);
    EXPECT(file_size(archived("a", 3)) < 0);
    /* Nothing was committed: there is still no transaction. */
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(force_new_log_inside_a_transaction_rolls_the_log_and_commits_nothing, "api JetCommitTransaction") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = begin(inst);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, JET_bitForceNewLog), JET_errSuccess);
    EXPECT_EQ_UL(file_size(archived("a", 1)), 128 * 1024);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errNotInTransaction);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(force_new_log_in_one_instance_mode_rolls_the_log, "api JetCommitTransaction") {
    JET_INSTANCE inst = init_legacy(path_in_dir("legacy"));
    JET_SESID sesid = begin(inst);
    roll_logs(sesid, 3);
    EXPECT_EQ_UL(file_size(archived("legacy", 1)), 128 * 1024);
    EXPECT_EQ_UL(file_size(archived("legacy", 2)), 128 * 1024);
    EXPECT_EQ_UL(file_size(archived("legacy", 3)), 128 * 1024);
    EXPECT(file_size(archived("legacy", 4)) < 0);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(force_new_log_rolls_only_the_session_instance_log, "api JetCommitTransaction") {
    JET_INSTANCE a = init_named("a", path_in_dir("a"));
    JET_INSTANCE b = init_named("b", path_in_dir("b"));
    JET_SESID sa = begin(a);
    roll_logs(sa, 2);
    EXPECT(file_size(archived("a", 2)) > 0);
    EXPECT(file_size(archived("b", 1)) < 0);
    EXPECT_ERR(JetEndSession(sa, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}
