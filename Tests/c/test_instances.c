/* Instances and the global run mode: JetCreateInstance*, JetInit*, JetTerm*, JetEnableMultiInstance*,
 * JetGetInstanceInfo* and JetFreeBuffer. */
#define _GNU_SOURCE
#include "harness.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#define FORGED_INSTANCE ((JET_INSTANCE)12345)

/* Paths of `inst` (or the global defaults when NULL): system and log folders and a temp file, each absolute. */
static void set_instance_paths(JET_INSTANCE *inst, const char *sys, const char *log, const char *temp) {
    char folder[PATH_MAX + 2];
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramCreatePathIfNotExist, 1, NULL), JET_errSuccess);
    snprintf(folder, sizeof folder, "%s/", sys);
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramSystemPath, 0, folder), JET_errSuccess);
    snprintf(folder, sizeof folder, "%s/", log);
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramLogFilePath, 0, folder), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramTempPath, 0, temp), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, JET_paramLogFileSize, 128, NULL), JET_errSuccess);
}

/* JetCreateInstanceA + set_paths, not initialized. */
static JET_INSTANCE created(const char *name, const char *dir) {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, name), JET_errSuccess);
    set_paths(&inst, dir);
    return inst;
}

static int is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int wcs16_eq(const WCHAR *a, const WCHAR *b) {
    if (!a || !b) return a == b;
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

static const JET_INSTANCE_INFO_A *find_info_a(const JET_INSTANCE_INFO_A *info, unsigned long c, JET_INSTANCE h) {
    for (unsigned long i = 0; i < c; i++)
        if (info[i].hInstanceId == h) return &info[i];
    return NULL;
}

static const JET_INSTANCE_INFO_W *find_info_w(const JET_INSTANCE_INFO_W *info, unsigned long c, JET_INSTANCE h) {
    for (unsigned long i = 0; i < c; i++)
        if (info[i].hInstanceId == h) return &info[i];
    return NULL;
}

/* The four implicit-instance calls used to probe the run mode all give `want`. */
static void expect_implicit_calls(JET_ERR want) {
    EXPECT_ERR(JetStopBackup(), want);
    EXPECT_ERR(JetStopService(), want);
    EXPECT_ERR(JetBeginExternalBackup(0), want);
    EXPECT_ERR(JetTruncateLog(), want);
}

/* ------------------------------------------------------------------------------------------------------------
 * The run mode
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(create_instance_after_legacy_init_gives_running_in_one_instance_mode, "api One-instance and multi-instance mode") {
    init_legacy(path_in_dir("legacy"));
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errRunningInOneInstanceMode);
    EXPECT_ERR(JetCreateInstanceW(&inst, utf16("w")), JET_errRunningInOneInstanceMode);
    EXPECT_ERR(JetCreateInstance2A(&inst, "a2", "display", 0), JET_errRunningInOneInstanceMode);
    EXPECT_ERR(JetCreateInstance2W(&inst, utf16("w2"), utf16("display"), 0), JET_errRunningInOneInstanceMode);
}

SCENARIO(enable_multi_instance_after_legacy_init_gives_running_in_one_instance_mode, "api JetEnableMultiInstance") {
    init_legacy(path_in_dir("legacy"));
    unsigned long n = 99;
    EXPECT_ERR(JetEnableMultiInstanceA(NULL, 0, &n), JET_errRunningInOneInstanceMode);
    EXPECT_ERR(JetEnableMultiInstanceW(NULL, 0, &n), JET_errRunningInOneInstanceMode);
}

SCENARIO(legacy_init_after_create_instance_gives_running_in_multi_instance_mode, "api One-instance and multi-instance mode") {
    created("a", path_in_dir("a"));
    set_paths(NULL, path_in_dir("legacy"));
    EXPECT_ERR(JetInit(NULL), JET_errRunningInMultiInstanceMode);
    EXPECT(!is_dir(path_in_dir("legacy")));
}

SCENARIO(legacy_init_after_enable_multi_instance_gives_running_in_multi_instance_mode, "api One-instance and multi-instance mode") {
    EXPECT_ERR(JetEnableMultiInstanceA(NULL, 0, NULL), JET_errSuccess);
    set_paths(NULL, path_in_dir("legacy"));
    EXPECT_ERR(JetInit(NULL), JET_errRunningInMultiInstanceMode);
}

SCENARIO(second_legacy_init_gives_already_initialized_and_keeps_the_instance, "api One-instance and multi-instance mode") {
    JET_INSTANCE inst = init_legacy(path_in_dir("legacy"));
    JET_INSTANCE again = 0;
    EXPECT_ERR(JetInit(&again), JET_errAlreadyInitialized);
    EXPECT_ERR(JetInit(NULL), JET_errAlreadyInitialized);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(legacy_init_with_null_pinstance_initializes_the_single_instance, "api JetInit") {
    set_paths(NULL, path_in_dir("legacy"));
    EXPECT_ERR(JetInit(NULL), JET_errSuccess);
    EXPECT(file_size(path_in_dir("legacy/edb.chk")) > 0);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(0, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(0), JET_errSuccess);
    /* The instance is gone: the mode is unset again. */
    expect_implicit_calls(JET_errInvalidParameter);
}

SCENARIO(null_instance_in_one_instance_mode_means_the_single_instance, "api Finding the instance, and the API gate") {
    init_legacy(path_in_dir("legacy"));
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(0, &sesid, "", ""), JET_errSuccess);
    EXPECT(sesid != 0);
    JET_API_PTR size = 0;
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramLogFileSize, &size, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(size, 128);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
}

SCENARIO(implicit_instance_calls_with_no_instance_give_invalid_parameter, "api One-instance and multi-instance mode") {
    expect_implicit_calls(JET_errInvalidParameter);
}

SCENARIO(implicit_instance_calls_in_multi_instance_mode_give_running_in_multi_instance_mode, "api One-instance and multi-instance mode") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    expect_implicit_calls(JET_errRunningInMultiInstanceMode);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(implicit_instance_calls_after_enable_multi_instance_give_running_in_multi_instance_mode, "api One-instance and multi-instance mode") {
    EXPECT_ERR(JetEnableMultiInstanceA(NULL, 0, NULL), JET_errSuccess);
    expect_implicit_calls(JET_errRunningInMultiInstanceMode);
}

SCENARIO(explicit_instance_call_with_no_instance_gives_invalid_parameter, "api Finding the instance, and the API gate") {
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(0, &sesid, "", ""), JET_errInvalidParameter);
    EXPECT_ERR(JetBeginExternalBackupInstance(0, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetStopBackupInstance(0), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(0), JET_errInvalidParameter);
}

SCENARIO(null_or_nil_instance_in_multi_instance_mode_gives_invalid_parameter, "api Finding the instance, and the API gate") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(0, &sesid, "", ""), JET_errInvalidParameter);
    EXPECT_ERR(JetBeginSessionA(JET_instanceNil, &sesid, "", ""), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(0), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(JET_instanceNil), JET_errInvalidParameter);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
}

SCENARIO(create_instance_past_max_instances_gives_too_many_instances, "api JetCreateInstance") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxInstances, 2, NULL), JET_errSuccess);
    JET_INSTANCE a = 0, b = 0, c = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&c, "c"), JET_errTooManyInstances);
    EXPECT_ERR(JetCreateInstanceW(&c, utf16("c")), JET_errTooManyInstances);
    /* JetInit on a zero handle allocates an instance too, and hits the same limit. */
    set_paths(NULL, path_in_dir("z"));
    JET_INSTANCE z = 0;
    EXPECT_ERR(JetInit(&z), JET_errTooManyInstances);
    EXPECT(z == 0);
}

SCENARIO(max_instances_counts_only_live_instances, "api JetCreateInstance") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxInstances, 2, NULL), JET_errSuccess);
    JET_INSTANCE a = 0, b = 0, c = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&c, "c"), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
    EXPECT_ERR(JetTerm(c), JET_errSuccess);
}

SCENARIO(init_with_zero_handle_in_multi_instance_mode_creates_an_unnamed_instance, "api One-instance and multi-instance mode") {
    JET_INSTANCE named = init_named("named", path_in_dir("named"));
    /* The new instance clones the global defaults, so give it folders of its own there. */
    set_paths(NULL, path_in_dir("unnamed"));
    JET_INSTANCE fresh = 0;
    EXPECT_ERR(JetInit(&fresh), JET_errSuccess);
    EXPECT(fresh != 0 && fresh != JET_instanceNil && fresh != named);
    EXPECT(file_size(path_in_dir("unnamed/edb.chk")) > 0);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 2);
    const JET_INSTANCE_INFO_A *mine = find_info_a(info, c, fresh);
    EXPECT(mine != NULL);
    EXPECT(mine->szInstanceName == NULL);
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    EXPECT_ERR(JetTerm(fresh), JET_errSuccess);
    EXPECT_ERR(JetTerm(named), JET_errSuccess);
}

SCENARIO(init_with_nil_handle_in_multi_instance_mode_creates_an_unnamed_instance, "api One-instance and multi-instance mode") {
    JET_INSTANCE named = init_named("named", path_in_dir("named"));
    set_paths(NULL, path_in_dir("unnamed"));
    JET_INSTANCE fresh = JET_instanceNil;
    EXPECT_ERR(JetInit(&fresh), JET_errSuccess);
    EXPECT(fresh != 0 && fresh != JET_instanceNil && fresh != named);
    EXPECT_ERR(JetTerm(fresh), JET_errSuccess);
    EXPECT_ERR(JetTerm(named), JET_errSuccess);
}

SCENARIO(mode_returns_to_unset_after_legacy_term, "api One-instance and multi-instance mode") {
    JET_INSTANCE inst = init_legacy(path_in_dir("legacy"));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_INSTANCE multi = 0;
    EXPECT_ERR(JetCreateInstanceA(&multi, "multi"), JET_errSuccess);
    EXPECT_ERR(JetTerm(multi), JET_errSuccess);
}

SCENARIO(mode_returns_to_unset_after_the_last_multi_instance_terminates, "api One-instance and multi-instance mode") {
    JET_INSTANCE a = init_named("a", path_in_dir("a"));
    JET_INSTANCE b = created("b", path_in_dir("b"));
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
    expect_implicit_calls(JET_errInvalidParameter);
    JET_INSTANCE legacy = init_legacy(path_in_dir("legacy"));
    EXPECT_ERR(JetTerm(legacy), JET_errSuccess);
}

SCENARIO(mode_stays_multi_instance_while_an_instance_remains, "api One-instance and multi-instance mode") {
    JET_INSTANCE a = created("a", path_in_dir("a"));
    JET_INSTANCE b = created("b", path_in_dir("b"));
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    set_paths(NULL, path_in_dir("legacy"));
    EXPECT_ERR(JetInit(NULL), JET_errRunningInMultiInstanceMode);
    expect_implicit_calls(JET_errRunningInMultiInstanceMode);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}

SCENARIO(failed_create_instance_leaves_the_mode_unset, "api JetCreateInstance") {
    EXPECT_ERR(JetCreateInstanceA(NULL, "a"), JET_errInvalidParameter);
    const WCHAR lone_surrogate[] = {'x', 0xD800, 0};
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceW(&inst, lone_surrogate), JET_errUnicodeTranslationFail);
    expect_implicit_calls(JET_errInvalidParameter);
    JET_INSTANCE legacy = init_legacy(path_in_dir("legacy"));
    EXPECT_ERR(JetTerm(legacy), JET_errSuccess);
}

SCENARIO(failed_legacy_init_leaves_the_mode_unset, "api JetInit") {
    /* No CreatePathIfNotExist and a system folder that does not exist: JetInit must fail. */
    char missing[PATH_MAX];
    snprintf(missing, sizeof missing, "%s/", path_in_dir("missing/sys"));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, missing), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFilePath, 0, missing), JET_errSuccess);
    JET_INSTANCE inst = 0;
    EXPECT(JetInit(&inst) < 0);
    EXPECT(inst == 0);
    EXPECT(!is_dir(path_in_dir("missing")));
    JET_INSTANCE multi = 0;
    EXPECT_ERR(JetCreateInstanceA(&multi, "multi"), JET_errSuccess);
    EXPECT_ERR(JetTerm(multi), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetCreateInstance / JetCreateInstance2
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(create_instance_with_null_pinstance_gives_invalid_parameter, "api JetCreateInstance") {
    EXPECT_ERR(JetCreateInstanceA(NULL, "a"), JET_errInvalidParameter);
    EXPECT_ERR(JetCreateInstanceW(NULL, utf16("a")), JET_errInvalidParameter);
    EXPECT_ERR(JetCreateInstance2A(NULL, "a", "display", 0), JET_errInvalidParameter);
    EXPECT_ERR(JetCreateInstance2W(NULL, utf16("a"), utf16("display"), 0), JET_errInvalidParameter);
}

SCENARIO(create_instance_gives_a_handle_that_is_not_initialized, "api JetCreateInstance") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    EXPECT(inst != 0 && inst != JET_instanceNil);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errNotInitialized);
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errNotInitialized);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(duplicate_instance_name_gives_instance_name_in_use, "api JetCreateInstance") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "same"), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "same"), JET_errInstanceNameInUse);
    EXPECT_ERR(JetCreateInstance2A(&b, "same", "other display", 0), JET_errInstanceNameInUse);
    EXPECT_ERR(JetCreateInstanceW(&b, utf16("same")), JET_errInstanceNameInUse);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(failed_create_instance_sets_the_handle_to_nil, "api JetCreateInstance") {
    JET_INSTANCE a = 0, b = 777;
    EXPECT_ERR(JetCreateInstanceA(&a, "same"), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "same"), JET_errInstanceNameInUse);
    EXPECT(b == JET_instanceNil);
}

SCENARIO(duplicate_non_ascii_name_across_a_and_w_gives_instance_name_in_use, "api JetCreateInstance") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceW(&a, utf16("instance-é-ü")), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "instance-é-ü"), JET_errInstanceNameInUse);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(two_unnamed_instances_give_instance_name_in_use, "api JetCreateInstance") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, NULL), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, NULL), JET_errInstanceNameInUse);
    EXPECT_ERR(JetCreateInstanceW(&b, NULL), JET_errInstanceNameInUse);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(instance_names_compare_case_sensitively, "api JetCreateInstance") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "Name"), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "name"), JET_errSuccess);
    EXPECT(a != b);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}

SCENARIO(create_instance2_creates_named_instances_and_ignores_grbit, "api JetCreateInstance") {
    JET_INSTANCE a = 0, w = 0;
    EXPECT_ERR(JetCreateInstance2A(&a, "two-a", "Display A", 0x1234), JET_errSuccess);
    EXPECT_ERR(JetCreateInstance2W(&w, utf16("two-w"), utf16("Display W"), 0x5678), JET_errSuccess);
    EXPECT(a != 0 && w != 0 && a != w);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 2);
    EXPECT(find_info_a(info, c, a) && !strcmp(find_info_a(info, c, a)->szInstanceName, "two-a"));
    EXPECT(find_info_a(info, c, w) && !strcmp(find_info_a(info, c, w)->szInstanceName, "two-w"));
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(w), JET_errSuccess);
}

SCENARIO(create_instance_w_with_an_unpaired_surrogate_gives_unicode_translation_fail, "api JetCreateInstance") {
    const WCHAR high_alone[] = {'a', 0xD83D, 'b', 0};
    const WCHAR low_alone[] = {0xDC00, 0};
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceW(&inst, high_alone), JET_errUnicodeTranslationFail);
    EXPECT_ERR(JetCreateInstance2W(&inst, low_alone, NULL, 0), JET_errUnicodeTranslationFail);
}

SCENARIO(create_instance_a_with_invalid_utf8_gives_unicode_translation_fail, "api JetCreateInstance") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "bad\xff\xfe"), JET_errUnicodeTranslationFail);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetInit / JetInit2
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(init_of_a_created_instance_keeps_its_handle, "api JetInit") {
    JET_INSTANCE inst = created("a", path_in_dir("a"));
    JET_INSTANCE before = inst;
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT(inst == before);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(init2_initializes_like_init, "api JetInit") {
    JET_INSTANCE inst = created("a", path_in_dir("a"));
    EXPECT_ERR(JetInit2(&inst, 0), JET_errSuccess);
    EXPECT(file_size(path_in_dir("a/edb.chk")) > 0);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(second_init_of_an_instance_gives_already_initialized_and_keeps_it, "api JetInit") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_INSTANCE copy = inst;
    EXPECT_ERR(JetInit(&copy), JET_errAlreadyInitialized);
    EXPECT(copy == inst);
    EXPECT_ERR(JetInit2(&copy, 0), JET_errAlreadyInitialized);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(failed_init_destroys_the_instance_and_nulls_the_handle, "api JetInit") {
    JET_INSTANCE a = init_named("a", path_in_dir("a"));
    JET_INSTANCE b = 0;
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    /* Same system and log folders as `a`: JetInit fails with a path conflict. */
    set_instance_paths(&b, path_in_dir("a"), path_in_dir("a"), path_in_dir("b/tmp.edb"));
    JET_INSTANCE old = b;
    EXPECT_ERR(JetInit(&b), JET_errSystemPathInUse);
    EXPECT(b == 0);
    /* The old handle is dead... */
    EXPECT_ERR(JetTerm(old), JET_errInvalidInstance);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(old, &sesid, "", ""), JET_errInvalidInstance);
    /* ...and the name is free again. */
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT(info[0].hInstanceId == a);
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    JET_INSTANCE again = created("b", path_in_dir("b"));
    EXPECT_ERR(JetInit(&again), JET_errSuccess);
    EXPECT_ERR(JetTerm(again), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(init_with_a_shared_system_path_gives_system_path_in_use, "api JetInit") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    set_instance_paths(&a, path_in_dir("shared"), path_in_dir("a-log"), path_in_dir("a-tmp/tmp.edb"));
    EXPECT_ERR(JetInit(&a), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    set_instance_paths(&b, path_in_dir("shared"), path_in_dir("b-log"), path_in_dir("b-tmp/tmp.edb"));
    EXPECT_ERR(JetInit(&b), JET_errSystemPathInUse);
    EXPECT(b == 0);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(init_with_a_shared_log_path_gives_log_file_path_in_use, "api JetInit") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    set_instance_paths(&a, path_in_dir("a-sys"), path_in_dir("shared"), path_in_dir("a-tmp/tmp.edb"));
    EXPECT_ERR(JetInit(&a), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    set_instance_paths(&b, path_in_dir("b-sys"), path_in_dir("shared"), path_in_dir("b-tmp/tmp.edb"));
    EXPECT_ERR(JetInit(&b), JET_errLogFilePathInUse);
    EXPECT(b == 0);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(init_with_a_shared_temp_path_gives_temp_path_in_use, "api JetInit") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    set_instance_paths(&a, path_in_dir("a-sys"), path_in_dir("a-log"), path_in_dir("shared/tmp.edb"));
    EXPECT_ERR(JetInit(&a), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    set_instance_paths(&b, path_in_dir("b-sys"), path_in_dir("b-log"), path_in_dir("shared/tmp.edb"));
    EXPECT_ERR(JetInit(&b), JET_errTempPathInUse);
    EXPECT(b == 0);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(shared_temp_path_is_allowed_when_one_instance_has_no_temporary_tables, "api JetInit") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    set_instance_paths(&a, path_in_dir("a-sys"), path_in_dir("a-log"), path_in_dir("shared/tmp.edb"));
    EXPECT_ERR(JetInit(&a), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    set_instance_paths(&b, path_in_dir("b-sys"), path_in_dir("b-log"), path_in_dir("shared/tmp.edb"));
    EXPECT_ERR(JetSetSystemParameterA(&b, 0, JET_paramMaxTemporaryTables, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetInit(&b), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(shared_system_and_log_paths_are_allowed_without_logging, "api JetInit") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    set_instance_paths(&a, path_in_dir("shared"), path_in_dir("shared"), path_in_dir("a-tmp/tmp.edb"));
    EXPECT_ERR(JetSetSystemParameterA(&a, 0, JET_paramRecovery, 0, "off"), JET_errSuccess);
    EXPECT_ERR(JetInit(&a), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    set_instance_paths(&b, path_in_dir("shared"), path_in_dir("shared"), path_in_dir("b-tmp/tmp.edb"));
    EXPECT_ERR(JetSetSystemParameterA(&b, 0, JET_paramRecovery, 0, "off"), JET_errSuccess);
    EXPECT_ERR(JetInit(&b), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(path_checks_ignore_instances_that_are_not_initialized, "api JetInit") {
    JET_INSTANCE a = 0, b = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    set_instance_paths(&a, path_in_dir("shared"), path_in_dir("shared"), path_in_dir("a-tmp/tmp.edb"));
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    set_instance_paths(&b, path_in_dir("shared"), path_in_dir("shared"), path_in_dir("b-tmp/tmp.edb"));
    EXPECT_ERR(JetInit(&b), JET_errSuccess);
    /* Now `b` is initialized on the same folders: `a` conflicts and is destroyed. */
    EXPECT_ERR(JetInit(&a), JET_errSystemPathInUse);
    EXPECT(a == 0);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}

SCENARIO(path_checks_ignore_terminated_instances, "api JetInit") {
    JET_INSTANCE a = init_named("a", path_in_dir("shared"));
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    JET_INSTANCE b = init_named("b", path_in_dir("shared"));
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}

SCENARIO(default_temp_path_is_placed_under_the_system_path, "api JetInit") {
    JET_INSTANCE a = 0, b = 0;
    char folder[PATH_MAX];
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    JET_INSTANCE *both[2] = {&a, &b};
    const char *dirs[2] = {"a", "b"};
    for (int i = 0; i < 2; i++) {
        EXPECT_ERR(JetSetSystemParameterA(both[i], 0, JET_paramCreatePathIfNotExist, 1, NULL), JET_errSuccess);
        snprintf(folder, sizeof folder, "%s/", path_in_dir(dirs[i]));
        EXPECT_ERR(JetSetSystemParameterA(both[i], 0, JET_paramSystemPath, 0, folder), JET_errSuccess);
        EXPECT_ERR(JetSetSystemParameterA(both[i], 0, JET_paramLogFilePath, 0, folder), JET_errSuccess);
        EXPECT_ERR(JetSetSystemParameterA(both[i], 0, JET_paramLogFileSize, 128, NULL), JET_errSuccess);
        /* TempPath stays at its default, the bare file name "tmp.edb". */
        EXPECT_ERR(JetInit(both[i]), JET_errSuccess);
    }
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}

SCENARIO(create_path_if_not_exist_creates_the_missing_folders, "api JetInit") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    set_instance_paths(&inst, path_in_dir("deep/sys/x"), path_in_dir("deep/log/y"), path_in_dir("deep/tmp/z/t.edb"));
    EXPECT(!is_dir(path_in_dir("deep")));
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT(is_dir(path_in_dir("deep/sys/x")));
    EXPECT(is_dir(path_in_dir("deep/log/y")));
    EXPECT(is_dir(path_in_dir("deep/tmp/z")));
    EXPECT(file_size(path_in_dir("deep/sys/x/edb.chk")) > 0);
    EXPECT(file_size(path_in_dir("deep/log/y/edb.log")) > 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(init_without_create_path_fails_on_missing_folders_and_creates_nothing, "api JetInit") {
    JET_INSTANCE inst = 0;
    char folder[PATH_MAX];
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    snprintf(folder, sizeof folder, "%s/", path_in_dir("nowhere/sys"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, folder), JET_errSuccess);
    snprintf(folder, sizeof folder, "%s/", path_in_dir("nowhere/log"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, folder), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, path_in_dir("nowhere/tmp.edb")),
               JET_errSuccess);
    /* ESE's documentation names no code for a missing folder: only that JetInit fails and touches nothing. */
    EXPECT(JetInit(&inst) < 0);
    EXPECT(inst == 0);
    EXPECT(!is_dir(path_in_dir("nowhere")));
}

/* ------------------------------------------------------------------------------------------------------------
 * JetTerm / JetTerm2
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(term_of_an_instance_that_was_never_initialized_frees_it, "api JetTerm") {
    JET_INSTANCE inst = created("a", path_in_dir("a"));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    EXPECT(!is_dir(path_in_dir("a")));
    EXPECT_ERR(JetTerm(inst), JET_errInvalidInstance);
    unsigned long c = 9;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 0);
}

SCENARIO(term_with_no_instance_gives_invalid_parameter, "api JetTerm") {
    EXPECT_ERR(JetTerm(0), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm2(0, JET_bitTermComplete), JET_errInvalidParameter);
}

SCENARIO(terminated_instance_handle_gives_invalid_instance, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_INSTANCE keep = created("keep", path_in_dir("keep"));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_SESID sesid = 0;
    JET_API_PTR value = 0;
    EXPECT_ERR(JetTerm(inst), JET_errInvalidInstance);
    EXPECT_ERR(JetTerm2(inst, JET_bitTermComplete), JET_errInvalidInstance);
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errInvalidInstance);
    EXPECT_ERR(JetBeginSessionW(inst, &sesid, utf16(""), utf16("")), JET_errInvalidInstance);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramCircularLog, 1, NULL), JET_errInvalidInstance);
    EXPECT_ERR(JetGetSystemParameterA(inst, 0, JET_paramCircularLog, &value, NULL, 0), JET_errInvalidInstance);
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errInvalidInstance);
    EXPECT_ERR(JetStopBackupInstance(inst), JET_errInvalidInstance);
    JET_INSTANCE copy = inst;
    EXPECT_ERR(JetInit(&copy), JET_errInvalidInstance);
    EXPECT_ERR(JetTerm(keep), JET_errSuccess);
}

SCENARIO(forged_instance_handle_gives_invalid_instance, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_INSTANCE forged = FORGED_INSTANCE;
    JET_SESID sesid = 0;
    JET_API_PTR value = 0;
    EXPECT_ERR(JetBeginSessionA(forged, &sesid, "", ""), JET_errInvalidInstance);
    EXPECT_ERR(JetTerm(forged), JET_errInvalidInstance);
    EXPECT_ERR(JetTerm2(forged, JET_bitTermAbrupt), JET_errInvalidInstance);
    EXPECT_ERR(JetSetSystemParameterA(&forged, 0, JET_paramCircularLog, 1, NULL), JET_errInvalidInstance);
    EXPECT_ERR(JetGetSystemParameterA(forged, 0, JET_paramCircularLog, &value, NULL, 0), JET_errInvalidInstance);
    EXPECT_ERR(JetInit(&forged), JET_errInvalidInstance);
    forged = FORGED_INSTANCE;
    EXPECT_ERR(JetBeginExternalBackupInstance(forged, 0), JET_errInvalidInstance);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(forged_instance_handle_with_no_instance_gives_invalid_instance, "api Handles") {
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(FORGED_INSTANCE, &sesid, "", ""), JET_errInvalidInstance);
    EXPECT_ERR(JetTerm(FORGED_INSTANCE), JET_errInvalidInstance);
}

SCENARIO(forged_instance_handle_in_one_instance_mode_gives_invalid_instance, "api Handles") {
    init_legacy(path_in_dir("legacy"));
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(FORGED_INSTANCE, &sesid, "", ""), JET_errInvalidInstance);
    EXPECT_ERR(JetTerm(FORGED_INSTANCE), JET_errInvalidInstance);
    /* The real instance is untouched. */
    EXPECT_ERR(JetBeginSessionA(0, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
}

static void term2_leaves_a_clean_database(JET_GRBIT grbit) {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    create_db(inst, path_in_dir("a/db.edb"), 0, &dbid);
    EXPECT_ERR(JetTerm2(inst, grbit), JET_errSuccess);
    JET_DBINFOMISC misc;
    EXPECT_ERR(JetGetDatabaseFileInfoA(path_in_dir("a/db.edb"), &misc, sizeof misc, JET_DbInfoMisc), JET_errSuccess);
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateCleanShutdown);
    EXPECT_ERR(JetTerm(inst), JET_errInvalidInstance);
    expect_implicit_calls(JET_errInvalidParameter);
}

SCENARIO(term2_complete_terminates_with_clean_databases, "api JetTerm") {
    term2_leaves_a_clean_database(JET_bitTermComplete);
}

SCENARIO(term2_abrupt_terminates_with_clean_databases, "api JetTerm") {
    term2_leaves_a_clean_database(JET_bitTermAbrupt);
}

SCENARIO(term2_stop_backup_terminates_with_clean_databases, "api JetTerm") {
    term2_leaves_a_clean_database(JET_bitTermStopBackup);
}

SCENARIO(term2_with_no_grbit_terminates_with_clean_databases, "api JetTerm") {
    term2_leaves_a_clean_database(0);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetEnableMultiInstance
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(enable_multi_instance_sets_the_params_and_switches_to_multi_instance_mode, "api JetEnableMultiInstance") {
    JET_SETSYSPARAM_A params[2] = {
        {JET_paramLogFileSize, 256, NULL, 99},
        {JET_paramBaseName, 0, "abc", 99},
    };
    unsigned long n = 0;
    EXPECT_ERR(JetEnableMultiInstanceA(params, 2, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 2);
    EXPECT_ERR(params[0].err, JET_errSuccess);
    EXPECT_ERR(params[1].err, JET_errSuccess);
    JET_API_PTR size = 0;
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramLogFileSize, &size, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(size, 256);
    char base[16] = "";
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramBaseName, NULL, base, sizeof base), JET_errSuccess);
    EXPECT(!strcmp(base, "abc"));
    set_paths(NULL, path_in_dir("legacy"));
    EXPECT_ERR(JetInit(NULL), JET_errRunningInMultiInstanceMode);
}

SCENARIO(enable_multi_instance_with_no_params_switches_to_multi_instance_mode, "api JetEnableMultiInstance") {
    unsigned long n = 99;
    EXPECT_ERR(JetEnableMultiInstanceA(NULL, 0, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 0);
    expect_implicit_calls(JET_errRunningInMultiInstanceMode);
}

SCENARIO(enable_multi_instance_w_sets_string_params, "api JetEnableMultiInstance") {
    JET_SETSYSPARAM_W params[2] = {
        {JET_paramBaseName, 0, utf16("xyz"), 99},
        {JET_paramCircularLog, 1, NULL, 99},
    };
    unsigned long n = 0;
    EXPECT_ERR(JetEnableMultiInstanceW(params, 2, &n), JET_errSuccess);
    EXPECT_EQ_UL(n, 2);
    EXPECT_ERR(params[0].err, JET_errSuccess);
    EXPECT_ERR(params[1].err, JET_errSuccess);
    char base[16] = "";
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramBaseName, NULL, base, sizeof base), JET_errSuccess);
    EXPECT(!strcmp(base, "xyz"));
    /* An instance created now inherits them: its files are named after the base name. */
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    EXPECT(file_size(path_in_dir("a/xyz.chk")) > 0);
    EXPECT(file_size(path_in_dir("a/xyz.log")) > 0);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(enable_multi_instance_with_null_array_and_a_count_gives_invalid_parameter, "api JetEnableMultiInstance") {
    unsigned long n = 99;
    EXPECT_ERR(JetEnableMultiInstanceA(NULL, 1, &n), JET_errInvalidParameter);
    EXPECT_ERR(JetEnableMultiInstanceW(NULL, 1, &n), JET_errInvalidParameter);
    /* The mode is still unset. */
    expect_implicit_calls(JET_errInvalidParameter);
}

SCENARIO(enable_multi_instance_stops_at_the_first_bad_param_and_stays_unset, "api JetEnableMultiInstance") {
    JET_SETSYSPARAM_A params[3] = {
        {JET_paramLogFileSize, 256, NULL, 777},
        {JET_paramBaseName, 0, "toolong", 777},
        {JET_paramCircularLog, 1, NULL, 777},
    };
    unsigned long n = 99;
    EXPECT_ERR(JetEnableMultiInstanceA(params, 3, &n), JET_errInvalidParameter);
    EXPECT_EQ_UL(n, 1);
    EXPECT_ERR(params[0].err, JET_errSuccess);
    EXPECT_ERR(params[1].err, JET_errInvalidParameter);
    EXPECT_ERR(params[2].err, 777);
    /* Earlier params stay set, the third was never reached, and the mode is still unset. */
    JET_API_PTR value = 0;
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramLogFileSize, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 256);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramCircularLog, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 0);
    expect_implicit_calls(JET_errInvalidParameter);
}

SCENARIO(second_enable_multi_instance_with_the_same_params_gives_system_params_already_set, "api JetEnableMultiInstance") {
    JET_SETSYSPARAM_A params[2] = {
        {JET_paramMaxInstances, 4, NULL, 99},
        {JET_paramCircularLog, 1, NULL, 99},
    };
    unsigned long n = 0;
    EXPECT_ERR(JetEnableMultiInstanceA(params, 2, &n), JET_errSuccess);
    n = 0;
    params[0].err = params[1].err = 99;
    EXPECT_ERR(JetEnableMultiInstanceA(params, 2, &n), JET_errSystemParamsAlreadySet);
    EXPECT_EQ_UL(n, 2);
}

SCENARIO(second_enable_multi_instance_with_a_different_value_gives_system_parameter_conflict, "api JetEnableMultiInstance") {
    JET_SETSYSPARAM_A first[1] = {{JET_paramMaxInstances, 4, NULL, 99}};
    EXPECT_ERR(JetEnableMultiInstanceA(first, 1, NULL), JET_errSuccess);
    JET_SETSYSPARAM_A second[1] = {{JET_paramMaxInstances, 5, NULL, 99}};
    unsigned long n = 99;
    EXPECT_ERR(JetEnableMultiInstanceA(second, 1, &n), JET_errSystemParameterConflict);
    EXPECT_ERR(second[0].err, JET_errSystemParameterConflict);
    EXPECT_EQ_UL(n, 0);
    /* The first value stays. */
    JET_API_PTR value = 0;
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramMaxInstances, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 4);
}

SCENARIO(second_enable_multi_instance_leaving_out_a_write_once_param_gives_system_parameter_conflict, "api JetEnableMultiInstance") {
    JET_SETSYSPARAM_A first[1] = {{JET_paramMaxInstances, 4, NULL, 99}};
    EXPECT_ERR(JetEnableMultiInstanceA(first, 1, NULL), JET_errSuccess);
    /* Only a matching, non-write-once value: MaxInstances, set before, is missing. */
    JET_API_PTR circular = 0;
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramCircularLog, &circular, NULL, 0), JET_errSuccess);
    JET_SETSYSPARAM_A second[1] = {{JET_paramCircularLog, circular, NULL, 99}};
    EXPECT_ERR(JetEnableMultiInstanceA(second, 1, NULL), JET_errSystemParameterConflict);
}

SCENARIO(enable_multi_instance_after_create_instance_compares_with_the_globals, "api JetEnableMultiInstance") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    /* Mode is multi already: a write-once global never set is a conflict. */
    JET_SETSYSPARAM_W params[1] = {{JET_paramDatabasePageSize, 8192, NULL, 99}};
    EXPECT_ERR(JetEnableMultiInstanceW(params, 1, NULL), JET_errSystemParameterConflict);
    EXPECT_ERR(params[0].err, JET_errSystemParameterConflict);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * JetGetInstanceInfo / JetFreeBuffer
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(instance_info_with_no_instances_is_empty, "api JetGetInstanceInfo") {
    unsigned long c = 99;
    JET_INSTANCE_INFO_A *a = (JET_INSTANCE_INFO_A *)&c;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &a), JET_errSuccess);
    EXPECT_EQ_UL(c, 0);
    EXPECT(a == NULL);
    c = 99;
    JET_INSTANCE_INFO_W *w = (JET_INSTANCE_INFO_W *)&c;
    EXPECT_ERR(JetGetInstanceInfoW(&c, &w), JET_errSuccess);
    EXPECT_EQ_UL(c, 0);
    EXPECT(w == NULL);
}

SCENARIO(instance_info_with_null_outputs_gives_invalid_parameter, "api JetGetInstanceInfo") {
    created("a", path_in_dir("a"));
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *a = NULL;
    JET_INSTANCE_INFO_W *w = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(NULL, &a), JET_errInvalidParameter);
    EXPECT_ERR(JetGetInstanceInfoA(&c, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetGetInstanceInfoW(NULL, &w), JET_errInvalidParameter);
    EXPECT_ERR(JetGetInstanceInfoW(&c, NULL), JET_errInvalidParameter);
}

SCENARIO(instance_info_lists_instances_that_are_not_initialized, "api JetGetInstanceInfo") {
    JET_INSTANCE alpha = created("alpha", path_in_dir("alpha"));
    JET_INSTANCE beta = init_named("beta", path_in_dir("beta"));
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 2);
    const JET_INSTANCE_INFO_A *a = find_info_a(info, c, alpha), *b = find_info_a(info, c, beta);
    EXPECT(a && b);
    EXPECT(a->szInstanceName && !strcmp(a->szInstanceName, "alpha"));
    EXPECT(b->szInstanceName && !strcmp(b->szInstanceName, "beta"));
    EXPECT_EQ_UL(a->cDatabases, 0);
    EXPECT_EQ_UL(b->cDatabases, 0);
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    EXPECT_ERR(JetTerm(alpha), JET_errSuccess);
    EXPECT_ERR(JetTerm(beta), JET_errSuccess);
}

SCENARIO(instance_info_a_gives_empty_arrays_when_there_are_no_databases, "api JetGetInstanceInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT(info[0].hInstanceId == inst);
    EXPECT_EQ_UL(info[0].cDatabases, 0);
    EXPECT(info[0].szDatabaseFileName != NULL);
    EXPECT(info[0].szDatabaseDisplayName != NULL);
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
}

SCENARIO(instance_info_w_leaves_the_arrays_null_when_there_are_no_databases, "api JetGetInstanceInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    unsigned long c = 0;
    JET_INSTANCE_INFO_W *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoW(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT(info[0].hInstanceId == inst);
    EXPECT(wcs16_eq(info[0].szInstanceName, utf16("a")));
    EXPECT_EQ_UL(info[0].cDatabases, 0);
    EXPECT(info[0].szDatabaseFileName == NULL);
    EXPECT(info[0].szDatabaseDisplayName == NULL);
    EXPECT(info[0].szDatabaseSLVFileName_Obsolete == NULL);
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
}

SCENARIO(instance_info_gives_null_name_for_unnamed_and_legacy_instances, "api JetGetInstanceInfo") {
    JET_INSTANCE inst = init_legacy(path_in_dir("legacy"));
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *a = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &a), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT(a[0].szInstanceName == NULL);
    EXPECT_ERR(JetFreeBuffer((char *)a), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_INSTANCE unnamed = 0;
    EXPECT_ERR(JetCreateInstanceA(&unnamed, NULL), JET_errSuccess);
    JET_INSTANCE_INFO_W *w = NULL;
    EXPECT_ERR(JetGetInstanceInfoW(&c, &w), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT(w[0].hInstanceId == unnamed);
    EXPECT(w[0].szInstanceName == NULL);
    EXPECT_ERR(JetFreeBuffer((char *)w), JET_errSuccess);
}

SCENARIO(instance_info_a_gives_non_ascii_names_in_utf8, "api JetGetInstanceInfo") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceW(&inst, utf16("instance-ü-€")), JET_errSuccess);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT(info[0].szInstanceName && !strcmp(info[0].szInstanceName, "instance-ü-€"));
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
}

SCENARIO(instance_info_lists_only_logged_read_write_databases, "api JetGetInstanceInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID logged = 0, unlogged = 0, readonly = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("logged.edb"), 0, &logged);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("unlogged.edb"), NULL, &unlogged, JET_bitDbRecoveryOff),
               JET_errSuccess);
    EXPECT_ERR(JetCreateDatabaseA(sesid, path_in_dir("readonly.edb"), NULL, &readonly, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(sesid, readonly, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("readonly.edb")), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("readonly.edb"), JET_bitDbReadOnly), JET_errSuccess);

    unsigned long c = 0;
    JET_INSTANCE_INFO_A *a = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &a), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT_EQ_UL(a[0].cDatabases, 1);
    EXPECT(!strcmp(a[0].szDatabaseFileName[0], path_in_dir("logged.edb")));
    EXPECT(a[0].szDatabaseDisplayName[0] == NULL);
    EXPECT_ERR(JetFreeBuffer((char *)a), JET_errSuccess);

    JET_INSTANCE_INFO_W *w = NULL;
    EXPECT_ERR(JetGetInstanceInfoW(&c, &w), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT_EQ_UL(w[0].cDatabases, 1);
    EXPECT(wcs16_eq(w[0].szDatabaseFileName[0], utf16(path_in_dir("logged.edb"))));
    EXPECT(w[0].szDatabaseDisplayName[0] == NULL);
    EXPECT_ERR(JetFreeBuffer((char *)w), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(instance_info_reports_absolute_database_paths, "api JetGetInstanceInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    create_db(inst, "relative.edb", 0, &dbid);
    EXPECT(file_size(path_in_dir("relative.edb")) > 0);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(info[0].cDatabases, 1);
    EXPECT(!strcmp(info[0].szDatabaseFileName[0], path_in_dir("relative.edb")));
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(instance_info_lists_the_databases_of_each_instance, "api JetGetInstanceInfo") {
    JET_INSTANCE a = init_named("a", path_in_dir("a"));
    JET_INSTANCE b = init_named("b", path_in_dir("b"));
    JET_DBID dbid = 0;
    create_db(a, path_in_dir("a1.edb"), 0, &dbid);
    JET_SESID sesid = create_db(a, path_in_dir("a2.edb"), 0, &dbid);
    (void)sesid;
    create_db(b, path_in_dir("b1.edb"), 0, &dbid);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 2);
    const JET_INSTANCE_INFO_A *ia = find_info_a(info, c, a), *ib = find_info_a(info, c, b);
    EXPECT(ia && ib);
    EXPECT_EQ_UL(ia->cDatabases, 2);
    EXPECT_EQ_UL(ib->cDatabases, 1);
    int found1 = 0, found2 = 0;
    for (unsigned long i = 0; i < ia->cDatabases; i++) {
        found1 |= !strcmp(ia->szDatabaseFileName[i], path_in_dir("a1.edb"));
        found2 |= !strcmp(ia->szDatabaseFileName[i], path_in_dir("a2.edb"));
    }
    EXPECT(found1 && found2);
    EXPECT(!strcmp(ib->szDatabaseFileName[0], path_in_dir("b1.edb")));
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    JET_INSTANCE_INFO_W *w = NULL;
    EXPECT_ERR(JetGetInstanceInfoW(&c, &w), JET_errSuccess);
    const JET_INSTANCE_INFO_W *wb = find_info_w(w, c, b);
    EXPECT(wb && wb->cDatabases == 1 && wcs16_eq(wb->szDatabaseFileName[0], utf16(path_in_dir("b1.edb"))));
    EXPECT_ERR(JetFreeBuffer((char *)w), JET_errSuccess);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}

SCENARIO(instance_info_pointer_arrays_are_aligned_for_every_instance, "api JetGetInstanceInfo") {
    /* The result is one heap block: the pointer arrays inside it must still be pointer-aligned, for every
     * instance and not only the first, in the A and the W variant. */
    JET_INSTANCE inst[3];
    const char *names[3] = {"first-with-a-long-name", "b", "third"};
    JET_DBID dbid = 0;
    for (int i = 0; i < 3; i++) {
        char dir[16], db[32];
        snprintf(dir, sizeof dir, "d%d", i);
        snprintf(db, sizeof db, "db%d-x.edb", i);
        inst[i] = init_named(names[i], path_in_dir(dir));
        create_db(inst[i], path_in_dir(db), 0, &dbid);
    }
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *a = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &a), JET_errSuccess);
    EXPECT_EQ_UL(c, 3);
    EXPECT((uintptr_t)a % _Alignof(JET_INSTANCE_INFO_A) == 0);
    for (unsigned long i = 0; i < c; i++) {
        EXPECT_EQ_UL(a[i].cDatabases, 1);
        EXPECT((uintptr_t)a[i].szDatabaseFileName % _Alignof(char *) == 0);
        EXPECT((uintptr_t)a[i].szDatabaseDisplayName % _Alignof(char *) == 0);
    }
    EXPECT_ERR(JetFreeBuffer((char *)a), JET_errSuccess);
    JET_INSTANCE_INFO_W *w = NULL;
    EXPECT_ERR(JetGetInstanceInfoW(&c, &w), JET_errSuccess);
    EXPECT_EQ_UL(c, 3);
    EXPECT((uintptr_t)w % _Alignof(JET_INSTANCE_INFO_W) == 0);
    for (unsigned long i = 0; i < c; i++) {
        EXPECT((uintptr_t)w[i].szInstanceName % _Alignof(WCHAR) == 0);
        EXPECT((uintptr_t)w[i].szDatabaseFileName % _Alignof(WCHAR *) == 0);
        EXPECT((uintptr_t)w[i].szDatabaseDisplayName % _Alignof(WCHAR *) == 0);
        EXPECT((uintptr_t)w[i].szDatabaseFileName[0] % _Alignof(WCHAR) == 0);
    }
    EXPECT_ERR(JetFreeBuffer((char *)w), JET_errSuccess);
    for (int i = 0; i < 3; i++) EXPECT_ERR(JetTerm(inst[i]), JET_errSuccess);
}

SCENARIO(instance_info_drops_detached_databases, "api JetGetInstanceInfo") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 0, &dbid);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT_EQ_UL(info[0].cDatabases, 0);
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(free_buffer_of_null_succeeds, "api JetGetInstanceInfo") {
    EXPECT_ERR(JetFreeBuffer(NULL), JET_errSuccess);
}
