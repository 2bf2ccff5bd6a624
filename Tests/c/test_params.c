/* System parameters: JetSetSystemParameter* / JetGetSystemParameter*, global and per instance, with the
 * defaults, ranges, write-once rules, normalization and error cases of docs/api.md's "System parameters",
 * and JET_paramRecovery turning logging on and off. */
#define _GNU_SOURCE
#include "harness.h"

#include <limits.h>
#include <unistd.h>

static JET_API_PTR get_int(JET_INSTANCE inst, JET_SESID sesid, unsigned long id) {
    JET_API_PTR value = 0xDEADBEEF;
    EXPECT_ERR(JetGetSystemParameterA(inst, sesid, id, &value, NULL, 0), JET_errSuccess);
    return value;
}

/* String parameter through the A getter (static buffer rotated over 4 slots). */
static const char *get_str(JET_INSTANCE inst, JET_SESID sesid, unsigned long id) {
    static char slots[4][1024];
    static int next;
    char *buf = slots[next++ % 4];
    memset(buf, 0x55, 1024);
    EXPECT_ERR(JetGetSystemParameterA(inst, sesid, id, NULL, buf, 1024), JET_errSuccess);
    return buf;
}

static int wcs16_eq(const WCHAR *a, const WCHAR *b) {
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* `name` below the scenario's folder as a folder parameter reads back: absolute, one trailing slash. */
static const char *folder_of(const char *name) {
    static char slots[4][PATH_MAX + 2];
    static int next;
    char *buf = slots[next++ % 4];
    snprintf(buf, PATH_MAX + 2, "%s/", path_in_dir(name));
    return buf;
}

static void set_int(JET_INSTANCE *inst, unsigned long id, JET_API_PTR value) {
    EXPECT_ERR(JetSetSystemParameterA(inst, 0, id, value, NULL), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * Defaults
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(global_defaults_of_the_named_parameters, "api System parameters") {
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLogFileSize), 5120);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramCircularLog), 0);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramDatabasePageSize), 4096);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramCreatePathIfNotExist), 0);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxInstances), 16);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLegacyFileNames), JET_bitESE98FileNames | JET_bitEightDotThreeSoftCompat);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramOSSnapshotTimeout), 70000);
    EXPECT(!strcmp(get_str(0, 0, JET_paramBaseName), "edb"));
    EXPECT(!strcmp(get_str(0, 0, JET_paramRecovery), "on"));
    EXPECT(!strcmp(get_str(0, 0, JET_paramTempPath), "tmp.edb"));
}

SCENARIO(esent_defaults_of_the_engine_tuning_parameters, "api System parameters") {
    /* ESENT's legacy-configuration defaults (sysparamtable): these ids are accepted and stored. */
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxTemporaryTables), 20);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramDbExtensionSize), 256);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramCheckpointDepthMax), 20971520);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramNoInformationEvent), 0);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramEnableAdvanced), 1);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxSessions), 16);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxOpenTables), 300);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxCursors), 1024);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxVerPages), 64);
}

SCENARIO(created_instance_starts_with_the_global_values, "api JetCreateInstance") {
    set_int(NULL, JET_paramLogFileSize, 256);
    set_int(NULL, JET_paramCircularLog, 1);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramBaseName, 0, "abc"), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, "sys"), JET_errSuccess);
    JET_INSTANCE a = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    EXPECT_EQ_UL(get_int(a, 0, JET_paramLogFileSize), 256);
    EXPECT_EQ_UL(get_int(a, 0, JET_paramCircularLog), 1);
    EXPECT(!strcmp(get_str(a, 0, JET_paramBaseName), "abc"));
    EXPECT(!strcmp(get_str(a, 0, JET_paramSystemPath), folder_of("sys")));
    /* A later global change reaches only instances created after it. */
    set_int(NULL, JET_paramLogFileSize, 512);
    EXPECT_EQ_UL(get_int(a, 0, JET_paramLogFileSize), 256);
    JET_INSTANCE b = 0;
    EXPECT_ERR(JetCreateInstanceA(&b, "b"), JET_errSuccess);
    EXPECT_EQ_UL(get_int(b, 0, JET_paramLogFileSize), 512);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
    EXPECT_ERR(JetTerm(b), JET_errSuccess);
}

SCENARIO(instance_values_are_separate_from_the_globals, "api System parameters") {
    JET_INSTANCE a = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    set_int(&a, JET_paramLogFileSize, 1024);
    EXPECT_ERR(JetSetSystemParameterA(&a, 0, JET_paramBaseName, 0, "ins"), JET_errSuccess);
    EXPECT_EQ_UL(get_int(a, 0, JET_paramLogFileSize), 1024);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLogFileSize), 5120);
    EXPECT(!strcmp(get_str(a, 0, JET_paramBaseName), "ins"));
    EXPECT(!strcmp(get_str(0, 0, JET_paramBaseName), "edb"));
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

SCENARIO(set_and_get_w_handle_integers_and_strings_of_an_instance, "api System parameters") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceW(&inst, utf16("a")), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterW(&inst, 0, JET_paramLogFileSize, 640, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterW(&inst, 0, JET_paramBaseName, 0, utf16("wbn")), JET_errSuccess);
    JET_API_PTR value = 0;
    EXPECT_ERR(JetGetSystemParameterW(inst, 0, JET_paramLogFileSize, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 640);
    WCHAR w[16];
    EXPECT_ERR(JetGetSystemParameterW(inst, 0, JET_paramBaseName, NULL, w, sizeof w), JET_errSuccess);
    EXPECT(wcs16_eq(w, utf16("wbn")));
    /* The global table is untouched. */
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramLogFileSize, &value, NULL, 0), JET_errSuccess);
    EXPECT_EQ_UL(value, 5120);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(instance_base_name_and_log_file_size_shape_its_files, "api System parameters") {
    JET_INSTANCE a = 0;
    EXPECT_ERR(JetCreateInstanceA(&a, "a"), JET_errSuccess);
    set_paths(&a, path_in_dir("a"));
    set_int(&a, JET_paramLogFileSize, 256);
    EXPECT_ERR(JetSetSystemParameterA(&a, 0, JET_paramBaseName, 0, "xyz"), JET_errSuccess);
    EXPECT_ERR(JetInit(&a), JET_errSuccess);
    EXPECT(file_size(path_in_dir("a/xyz.chk")) > 0);
    EXPECT_EQ_UL(file_size(path_in_dir("a/xyz.log")), 256 * 1024);
    EXPECT(file_size(path_in_dir("a/edb.log")) < 0);
    EXPECT_ERR(JetTerm(a), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * Ranges and validation
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(log_file_size_outside_64_to_32768_gives_invalid_parameter, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFileSize, 63, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFileSize, 32769, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFileSize, 0, NULL), JET_errInvalidParameter);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLogFileSize), 5120);
    set_int(NULL, JET_paramLogFileSize, 64);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLogFileSize), 64);
    set_int(NULL, JET_paramLogFileSize, 32768);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLogFileSize), 32768);
}

SCENARIO(max_instances_outside_1_to_10240_gives_invalid_parameter, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxInstances, 0, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxInstances, 10241, NULL), JET_errInvalidParameter);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxInstances), 16);
    set_int(NULL, JET_paramMaxInstances, 10240);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxInstances), 10240);
    set_int(NULL, JET_paramMaxInstances, 1);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxInstances), 1);
}

SCENARIO(database_page_size_must_be_a_power_of_two_from_4096_to_32768, "api System parameters") {
    const JET_API_PTR bad[] = {0, 1024, 2048, 6000, 12288, 65536};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramDatabasePageSize, bad[i], NULL), JET_errInvalidParameter);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramDatabasePageSize), 4096);
    const JET_API_PTR good[] = {8192, 16384, 32768, 4096};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        set_int(NULL, JET_paramDatabasePageSize, good[i]);
        EXPECT_EQ_UL(get_int(0, 0, JET_paramDatabasePageSize), good[i]);
    }
}

SCENARIO(legacy_file_names_above_255_gives_invalid_parameter, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLegacyFileNames, 256, NULL), JET_errInvalidParameter);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLegacyFileNames), 3);
    set_int(NULL, JET_paramLegacyFileNames, 255);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLegacyFileNames), 255);
    set_int(NULL, JET_paramLegacyFileNames, 3);
}

SCENARIO(base_name_must_be_exactly_three_characters, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramBaseName, 0, ""), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramBaseName, 0, "ab"), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramBaseName, 0, "abcd"), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterW(NULL, 0, JET_paramBaseName, 0, utf16("wxyz")), JET_errInvalidParameter);
    EXPECT(!strcmp(get_str(0, 0, JET_paramBaseName), "edb"));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramBaseName, 0, "xyz"), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramBaseName), "xyz"));
    EXPECT_ERR(JetSetSystemParameterW(NULL, 0, JET_paramBaseName, 0, utf16("wvu")), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramBaseName), "wvu"));
}

SCENARIO(folder_param_longer_than_246_characters_gives_invalid_parameter, "api System parameters") {
    char longpath[300];
    longpath[0] = '/';
    memset(longpath + 1, 'a', 260);
    longpath[261] = '/';
    longpath[262] = 0;
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, longpath), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFilePath, 0, longpath), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterW(NULL, 0, JET_paramLogFilePath, 0, utf16(longpath)), JET_errInvalidParameter);
    /* A folder of 200 characters fits. */
    longpath[201] = '/';
    longpath[202] = 0;
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, longpath), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramSystemPath), longpath));
}

SCENARIO(folder_param_length_is_checked_after_making_it_absolute, "api System parameters") {
    char cwd[PATH_MAX];
    EXPECT(getcwd(cwd, sizeof cwd) != NULL);
    size_t len = strlen(cwd);
    EXPECT(len < 200);
    /* Short enough as given, too long once the current folder is put in front. */
    size_t rel = 246 - len + 5;
    if (rel > 246) rel = 246;
    char relative[300];
    memset(relative, 'r', rel);
    relative[rel] = 0;
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, relative), JET_errInvalidParameter);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFilePath, 0, relative), JET_errInvalidParameter);
}

SCENARIO(temp_path_longer_than_247_characters_gives_invalid_parameter, "api System parameters") {
    char longpath[300];
    longpath[0] = '/';
    memset(longpath + 1, 't', 260);
    memcpy(longpath + 261, ".edb", 5);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramTempPath, 0, longpath), JET_errInvalidParameter);
    EXPECT(!strcmp(get_str(0, 0, JET_paramTempPath), "tmp.edb"));
}

SCENARIO(recovery_longer_than_259_characters_gives_invalid_parameter, "api System parameters") {
    char text[300];
    memset(text, 'x', 280);
    text[280] = 0;
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramRecovery, 0, text), JET_errInvalidParameter);
    EXPECT(!strcmp(get_str(0, 0, JET_paramRecovery), "on"));
}

SCENARIO(boolean_params_store_any_non_zero_value_as_true, "api System parameters") {
    set_int(NULL, JET_paramCircularLog, 7);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramCircularLog), 1);
    set_int(NULL, JET_paramCreatePathIfNotExist, 0x100);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramCreatePathIfNotExist), 1);
    set_int(NULL, JET_paramNoInformationEvent, 2);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramNoInformationEvent), 1);
    set_int(NULL, JET_paramCircularLog, 0);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramCircularLog), 0);
}

SCENARIO(unknown_param_id_gives_invalid_parameter, "api System parameters") {
    JET_API_PTR value = 0;
    char buf[64];
    WCHAR wbuf[64];
    const unsigned long ids[] = {9999, 100000, 0xFFFFFFFFul};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        EXPECT_ERR(JetSetSystemParameterA(NULL, 0, ids[i], 1, "x"), JET_errInvalidParameter);
        EXPECT_ERR(JetSetSystemParameterW(NULL, 0, ids[i], 1, utf16("x")), JET_errInvalidParameter);
        EXPECT_ERR(JetGetSystemParameterA(0, 0, ids[i], &value, buf, sizeof buf), JET_errInvalidParameter);
        EXPECT_ERR(JetGetSystemParameterW(0, 0, ids[i], &value, wbuf, sizeof wbuf), JET_errInvalidParameter);
    }
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, 9999, 1, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetGetSystemParameterA(inst, 0, 9999, &value, buf, sizeof buf), JET_errInvalidParameter);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(unknown_param_id_in_one_instance_mode_gives_invalid_parameter, "api System parameters") {
    init_legacy(path_in_dir("legacy"));
    JET_API_PTR value = 0;
    char buf[64];
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, 9999, 1, NULL), JET_errInvalidParameter);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, 9999, &value, buf, sizeof buf), JET_errInvalidParameter);
}

/* ------------------------------------------------------------------------------------------------------------
 * Write-once rules
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(max_instances_after_an_instance_exists_gives_already_initialized, "api System parameters") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxInstances, 4, NULL), JET_errAlreadyInitialized);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxInstances), 16);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(database_page_size_after_an_instance_exists_gives_already_initialized, "api System parameters") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramDatabasePageSize, 8192, NULL), JET_errAlreadyInitialized);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramDatabasePageSize), 4096);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(write_once_global_params_after_legacy_init_give_already_initialized, "api System parameters") {
    init_legacy(path_in_dir("legacy"));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxInstances, 4, NULL), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramDatabasePageSize, 8192, NULL), JET_errAlreadyInitialized);
}

SCENARIO(write_once_global_params_are_settable_again_once_the_last_instance_is_gone, "api System parameters") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    set_int(NULL, JET_paramMaxInstances, 4);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxInstances), 4);
}

SCENARIO(setting_the_current_value_of_a_write_once_param_succeeds, "api System parameters") {
    set_int(NULL, JET_paramMaxInstances, 8);
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxInstances, 8, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramDatabasePageSize, 4096, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxInstances, 9, NULL), JET_errAlreadyInitialized);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(instance_params_after_init_give_already_initialized, "api System parameters") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLogFileSize, 256, NULL), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramCircularLog, 1, NULL), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramMaxTemporaryTables, 0, NULL), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLegacyFileNames, 1, NULL), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramBaseName, 0, "abc"), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramRecovery, 0, "off"), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, "elsewhere/"), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, "elsewhere/"), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, "elsewhere.edb"), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterW(&inst, 0, JET_paramBaseName, 0, utf16("abc")), JET_errAlreadyInitialized);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramLogFileSize), 128);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramCircularLog), 0);
    EXPECT(!strcmp(get_str(inst, 0, JET_paramBaseName), "edb"));
    EXPECT(!strcmp(get_str(inst, 0, JET_paramSystemPath), folder_of("a")));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(setting_the_same_integer_value_after_init_succeeds, "api System parameters") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramLogFileSize, 128, NULL), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramCircularLog, 0, NULL), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(setting_the_same_string_value_after_init_gives_already_initialized, "api System parameters") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramBaseName, 0, "edb"), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, folder_of("a")), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramRecovery, 0, "on"), JET_errAlreadyInitialized);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(instance_param_set_globally_in_one_instance_mode_reaches_the_initialized_instance, "api System parameters") {
    init_legacy(path_in_dir("legacy"));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFileSize, 256, NULL), JET_errAlreadyInitialized);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramBaseName, 0, "abc"), JET_errAlreadyInitialized);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLogFileSize), 128);
}

SCENARIO(params_without_the_init_restriction_can_change_after_init, "api System parameters") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    set_int(&inst, JET_paramCreatePathIfNotExist, 0);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramCreatePathIfNotExist), 0);
    set_int(NULL, JET_paramOSSnapshotTimeout, 1234);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramOSSnapshotTimeout), 1234);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * Targets: global table, instance, session
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(set_with_a_session_targets_the_session_instance, "api System parameters") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    set_int(NULL, JET_paramCreatePathIfNotExist, 1);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramCreatePathIfNotExist), 1);
    EXPECT_ERR(JetSetSystemParameterA(NULL, sesid, JET_paramCreatePathIfNotExist, 0, NULL), JET_errSuccess);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramCreatePathIfNotExist), 0);
    EXPECT_EQ_UL(get_int(0, sesid, JET_paramCreatePathIfNotExist), 0);
    /* The global value is untouched. */
    EXPECT_EQ_UL(get_int(0, 0, JET_paramCreatePathIfNotExist), 1);
    EXPECT_EQ_UL(get_int(0, sesid, JET_paramLogFileSize), 128);
    EXPECT_ERR(JetSetSystemParameterA(NULL, sesid, JET_paramLogFileSize, 256, NULL), JET_errAlreadyInitialized);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(set_or_get_with_a_bad_session_gives_invalid_sesid, "api Handles") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    JET_API_PTR value = 0;
    EXPECT_ERR(JetSetSystemParameterA(NULL, (JET_SESID)12345, JET_paramCircularLog, 1, NULL), JET_errInvalidSesid);
    EXPECT_ERR(JetGetSystemParameterA(0, (JET_SESID)12345, JET_paramCircularLog, &value, NULL, 0),
               JET_errInvalidSesid);
    JET_SESID sesid = 0;
    EXPECT_ERR(JetBeginSessionA(inst, &sesid, "", ""), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetGetSystemParameterA(0, sesid, JET_paramCircularLog, &value, NULL, 0), JET_errInvalidSesid);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(global_set_in_multi_instance_mode_leaves_existing_instances_alone, "api System parameters") {
    JET_INSTANCE inst = init_named("a", path_in_dir("a"));
    set_int(NULL, JET_paramLogFileSize, 512);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLogFileSize), 512);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramLogFileSize), 128);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

/* ------------------------------------------------------------------------------------------------------------
 * Folder and path normalization, strings and encodings
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(folder_params_are_made_absolute_with_a_trailing_slash, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, "sys"), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramSystemPath), folder_of("sys")));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFilePath, 0, "logs/"), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramLogFilePath), folder_of("logs")));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, "/abs/olute"), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramSystemPath), "/abs/olute/"));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFilePath, 0, "a/./b/../c"), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramLogFilePath), folder_of("a/c")));
}

SCENARIO(folder_params_are_resolved_against_the_folder_current_at_set_time, "api System parameters") {
    char here[PATH_MAX];
    EXPECT(getcwd(here, sizeof here) != NULL);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, "sys"), JET_errSuccess);
    EXPECT(chdir("/") == 0);
    char want[PATH_MAX + 8];
    snprintf(want, sizeof want, "%s/sys/", here);
    EXPECT(!strcmp(get_str(0, 0, JET_paramSystemPath), want));
}

SCENARIO(instance_folder_params_are_made_absolute_too, "api System parameters") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, "inst-sys"), JET_errSuccess);
    EXPECT_ERR(JetSetSystemParameterW(&inst, 0, JET_paramLogFilePath, 0, utf16("inst-log")), JET_errSuccess);
    EXPECT(!strcmp(get_str(inst, 0, JET_paramSystemPath), folder_of("inst-sys")));
    EXPECT(!strcmp(get_str(inst, 0, JET_paramLogFilePath), folder_of("inst-log")));
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(temp_path_is_made_absolute_unless_it_is_a_bare_file_name, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramTempPath, 0, "t/x.edb"), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramTempPath), path_in_dir("t/x.edb")));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramTempPath, 0, "mytemp.edb"), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramTempPath), "mytemp.edb"));
}

SCENARIO(folder_params_round_trip_non_ascii_names_through_a_and_w, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterW(NULL, 0, JET_paramSystemPath, 0, utf16("dossier-é-€")), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramSystemPath), folder_of("dossier-é-€")));
    WCHAR w[512];
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramSystemPath, NULL, w, sizeof w), JET_errSuccess);
    EXPECT(wcs16_eq(w, utf16(folder_of("dossier-é-€"))));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramLogFilePath, 0, "journal-ü"), JET_errSuccess);
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramLogFilePath, NULL, w, sizeof w), JET_errSuccess);
    EXPECT(wcs16_eq(w, utf16(folder_of("journal-ü"))));
}

SCENARIO(string_param_w_with_an_unpaired_surrogate_gives_unicode_translation_fail, "api System parameters") {
    const WCHAR bad_base[] = {'a', 0xD800, 'b', 0};
    const WCHAR bad_path[] = {'d', 'i', 'r', 0xDFFF, 0};
    EXPECT_ERR(JetSetSystemParameterW(NULL, 0, JET_paramBaseName, 0, bad_base), JET_errUnicodeTranslationFail);
    EXPECT_ERR(JetSetSystemParameterW(NULL, 0, JET_paramSystemPath, 0, bad_path), JET_errUnicodeTranslationFail);
    EXPECT(!strcmp(get_str(0, 0, JET_paramBaseName), "edb"));
}

SCENARIO(string_param_a_with_invalid_utf8_gives_unicode_translation_fail, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, "bad\xc3"), JET_errUnicodeTranslationFail);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramBaseName, 0, "a\xff"), JET_errUnicodeTranslationFail);
}

/* ------------------------------------------------------------------------------------------------------------
 * Getter argument errors
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(get_integer_param_with_null_plparam_gives_invalid_parameter, "api System parameters") {
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramLogFileSize, NULL, NULL, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramLogFileSize, NULL, NULL, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramCircularLog, NULL, NULL, 0), JET_errInvalidParameter);
}

SCENARIO(get_string_param_with_null_buffer_or_zero_size_gives_invalid_parameter, "api System parameters") {
    char buf[64];
    WCHAR wbuf[64];
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramBaseName, NULL, NULL, 64), JET_errInvalidParameter);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramBaseName, NULL, buf, 0), JET_errInvalidParameter);
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramBaseName, NULL, NULL, 64), JET_errInvalidParameter);
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramBaseName, NULL, wbuf, 0), JET_errInvalidParameter);
}

SCENARIO(get_string_param_a_with_a_too_small_buffer_gives_buffer_too_small, "api System parameters") {
    char buf[64];
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramBaseName, NULL, buf, 3), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramBaseName, NULL, buf, 4), JET_errSuccess);
    EXPECT(!strcmp(buf, "edb"));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, "sys"), JET_errSuccess);
    size_t need = strlen(folder_of("sys")) + 1;
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramSystemPath, NULL, buf, 5), JET_errBufferTooSmall);
    char big[PATH_MAX];
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramSystemPath, NULL, big, (unsigned long)need - 1),
               JET_errBufferTooSmall);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramSystemPath, NULL, big, (unsigned long)need), JET_errSuccess);
    EXPECT(!strcmp(big, folder_of("sys")));
}

SCENARIO(get_string_param_a_needs_room_for_every_utf8_byte, "api System parameters") {
    /* "ééé" is 3 UTF-16 units but 6 UTF-8 bytes: a buffer counted in characters is too small. */
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramRecovery, 0, "ééé"), JET_errSuccess);
    char buf[16];
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramRecovery, NULL, buf, 4), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramRecovery, NULL, buf, 6), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramRecovery, NULL, buf, 7), JET_errSuccess);
    EXPECT(!strcmp(buf, "ééé"));
}

SCENARIO(get_string_param_w_with_a_too_small_buffer_gives_buffer_too_small, "api System parameters") {
    WCHAR w[16];
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramBaseName, NULL, w, 6), JET_errBufferTooSmall);
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramBaseName, NULL, w, 8), JET_errSuccess);
    EXPECT(wcs16_eq(w, utf16("edb")));
}

/* ------------------------------------------------------------------------------------------------------------
 * JET_paramErrorToString
 * ---------------------------------------------------------------------------------------------------------- */

static const char *error_text(long code) {
    static char buf[512];
    JET_API_PTR in = (JET_API_PTR)code;
    memset(buf, 0, sizeof buf);
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramErrorToString, &in, buf, sizeof buf), JET_errSuccess);
    return buf;
}

static int starts_with(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

SCENARIO(error_to_string_gives_symbol_comma_description, "api System parameters") {
    const char *text = error_text(JET_errInvalidParameter);
    EXPECT(starts_with(text, "JET_errInvalidParameter, "));
    EXPECT(strlen(text) > strlen("JET_errInvalidParameter, "));
}

SCENARIO(error_to_string_w_gives_symbol_comma_description, "api System parameters") {
    JET_API_PTR in = (JET_API_PTR)(long)JET_errInvalidParameter;
    WCHAR w[256];
    EXPECT_ERR(JetGetSystemParameterW(0, 0, JET_paramErrorToString, &in, w, sizeof w), JET_errSuccess);
    const WCHAR *prefix = utf16("JET_errInvalidParameter, ");
    size_t i = 0;
    while (prefix[i] && w[i] == prefix[i]) i++;
    EXPECT(prefix[i] == 0);
    EXPECT(w[i] != 0);
}

SCENARIO(error_to_string_names_every_code_the_library_returns, "issue 2.3") {
    static const struct {
        long code;
        const char *symbol;
    } codes[] = {
        {JET_errSuccess, "JET_errSuccess"},
        {JET_wrnDatabaseAttached, "JET_wrnDatabaseAttached"},
        {JET_errLogFileCorrupt, "JET_errLogFileCorrupt"},
        {JET_errBackupInProgress, "JET_errBackupInProgress"},
        {JET_errLoggingDisabled, "JET_errLoggingDisabled"},
        {JET_errNoBackup, "JET_errNoBackup"},
        {JET_errInvalidBackupSequence, "JET_errInvalidBackupSequence"},
        {JET_errBackupNotAllowedYet, "JET_errBackupNotAllowedYet"},
        {JET_errBadLogSignature, "JET_errBadLogSignature"},
        {JET_errBadCheckpointSignature, "JET_errBadCheckpointSignature"},
        {JET_errCheckpointCorrupt, "JET_errCheckpointCorrupt"},
        {JET_errDatabaseDirtyShutdown, "JET_errDatabaseDirtyShutdown"},
        {JET_errUnicodeTranslationFail, "JET_errUnicodeTranslationFail"},
        {JET_errInvalidParameter, "JET_errInvalidParameter"},
        {JET_errDatabaseFileReadOnly, "JET_errDatabaseFileReadOnly"},
        {JET_errNotInitialized, "JET_errNotInitialized"},
        {JET_errAlreadyInitialized, "JET_errAlreadyInitialized"},
        {JET_errBufferTooSmall, "JET_errBufferTooSmall"},
        {JET_errInvalidBufferSize, "JET_errInvalidBufferSize"},
        {JET_errNotInTransaction, "JET_errNotInTransaction"},
        {JET_errRunningInOneInstanceMode, "JET_errRunningInOneInstanceMode"},
        {JET_errRunningInMultiInstanceMode, "JET_errRunningInMultiInstanceMode"},
        {JET_errSystemParamsAlreadySet, "JET_errSystemParamsAlreadySet"},
        {JET_errSystemPathInUse, "JET_errSystemPathInUse"},
        {JET_errLogFilePathInUse, "JET_errLogFilePathInUse"},
        {JET_errTempPathInUse, "JET_errTempPathInUse"},
        {JET_errInstanceNameInUse, "JET_errInstanceNameInUse"},
        {JET_errSystemParameterConflict, "JET_errSystemParameterConflict"},
        {JET_errTransTooDeep, "JET_errTransTooDeep"},
        {JET_errInvalidSesid, "JET_errInvalidSesid"},
        {JET_errInTransaction, "JET_errInTransaction"},
        {JET_errInvalidInstance, "JET_errInvalidInstance"},
        {JET_errDirtyShutdown, "JET_errDirtyShutdown"},
        {JET_errDatabaseDuplicate, "JET_errDatabaseDuplicate"},
        {JET_errDatabaseInUse, "JET_errDatabaseInUse"},
        {JET_errDatabaseNotFound, "JET_errDatabaseNotFound"},
        {JET_errTooManyInstances, "JET_errTooManyInstances"},
        {JET_errDatabaseInvalidPath, "JET_errDatabaseInvalidPath"},
        {JET_errForceDetachNotAllowed, "JET_errForceDetachNotAllowed"},
        {JET_errTooManyAttachedDatabases, "JET_errTooManyAttachedDatabases"},
        {JET_errFileNotFound, "JET_errFileNotFound"},
    };
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        const char *text = error_text(codes[i].code);
        char prefix[128];
        snprintf(prefix, sizeof prefix, "%s, ", codes[i].symbol);
        if (!starts_with(text, prefix))
            harness_fail(__FILE__, __LINE__, "ErrorToString(%ld) is \"%s\", expected \"%s...\"", codes[i].code, text,
                         prefix);
        if (strlen(text) <= strlen(prefix))
            harness_fail(__FILE__, __LINE__, "ErrorToString(%ld) has no description: \"%s\"", codes[i].code, text);
    }
}

SCENARIO(error_to_string_of_an_unknown_code_gives_unknown_error, "api System parameters") {
    EXPECT(!strcmp(error_text(-12345), "Unknown Error, Unknown Error"));
}

SCENARIO(error_to_string_cannot_be_set, "api System parameters") {
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramErrorToString, (JET_API_PTR)(long)-1003, "x"),
               JET_errInvalidParameter);
}

SCENARIO(error_to_string_with_null_plparam_gives_invalid_parameter, "api System parameters") {
    char buf[256];
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramErrorToString, NULL, buf, sizeof buf), JET_errInvalidParameter);
}

SCENARIO(error_to_string_with_a_small_buffer_gives_buffer_too_small, "api System parameters") {
    JET_API_PTR in = (JET_API_PTR)(long)JET_errInvalidParameter;
    char buf[256];
    EXPECT_ERR(JetGetSystemParameterA(0, 0, JET_paramErrorToString, &in, buf, 10), JET_errBufferTooSmall);
}

SCENARIO(error_to_string_works_with_instances_in_either_mode, "api System parameters") {
    init_legacy(path_in_dir("legacy"));
    EXPECT(starts_with(error_text(JET_errDatabaseDuplicate), "JET_errDatabaseDuplicate, "));
}

/* ------------------------------------------------------------------------------------------------------------
 * Advanced and accepted-and-stored parameters
 * ---------------------------------------------------------------------------------------------------------- */

SCENARIO(advanced_params_are_ignored_while_enable_advanced_is_off, "api System parameters") {
    set_int(NULL, JET_paramEnableAdvanced, 0);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramEnableAdvanced), 0);
    JET_API_PTR before = get_int(0, 0, JET_paramMaxSessions);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxSessions, before + 7, NULL), JET_errSuccess);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxSessions), before);
    set_int(NULL, JET_paramEnableAdvanced, 1);
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramMaxSessions, before + 7, NULL), JET_errSuccess);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramMaxSessions), before + 7);
}

SCENARIO(accepted_tuning_params_round_trip_globally, "issue 2.3") {
    static const struct {
        unsigned long id;
        JET_API_PTR value;
    } params[] = {
        {JET_paramCacheSizeMax, 1000},     {JET_paramCacheSizeMin, 100},     {JET_paramCacheSize, 500},
        {JET_paramMaxSessions, 64},        {JET_paramMaxOpenTables, 200},    {JET_paramMaxCursors, 2048},
        {JET_paramMaxVerPages, 1024},      {JET_paramLogBuffers, 256},
        {JET_paramMaxTemporaryTables, 7},  {JET_paramDbExtensionSize, 512},  {JET_paramCheckpointDepthMax, 10485760},
        {JET_paramNoInformationEvent, 1},  {JET_paramOSSnapshotTimeout, 5000},
    };
    for (size_t i = 0; i < sizeof params / sizeof *params; i++) {
        EXPECT_ERR(JetSetSystemParameterA(NULL, 0, params[i].id, params[i].value, NULL), JET_errSuccess);
        JET_API_PTR got = get_int(0, 0, params[i].id);
        if (got != params[i].value)
            harness_fail(__FILE__, __LINE__, "param %lu reads back %lu, expected %lu", params[i].id,
                         (unsigned long)got, (unsigned long)params[i].value);
    }
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramEventSource, 0, "my-backup-agent"), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramEventSource), "my-backup-agent"));
    EXPECT_ERR(JetSetSystemParameterW(NULL, 0, JET_paramEventSourceKey, 0, utf16("agent-key")), JET_errSuccess);
    EXPECT(!strcmp(get_str(0, 0, JET_paramEventSourceKey), "agent-key"));
}

SCENARIO(accepted_tuning_params_round_trip_per_instance, "issue 2.3") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    set_int(&inst, JET_paramMaxSessions, 33);
    set_int(&inst, JET_paramMaxOpenTables, 444);
    set_int(&inst, JET_paramMaxCursors, 555);
    set_int(&inst, JET_paramMaxVerPages, 666);
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramEventSource, 0, "instance-source"), JET_errSuccess);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramMaxSessions), 33);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramMaxOpenTables), 444);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramMaxCursors), 555);
    EXPECT_EQ_UL(get_int(inst, 0, JET_paramMaxVerPages), 666);
    EXPECT(!strcmp(get_str(inst, 0, JET_paramEventSource), "instance-source"));
    /* The instance can still be initialized with them. */
    set_paths(&inst, path_in_dir("a"));
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}

SCENARIO(legacy_file_names_and_no_information_event_round_trip, "api System parameters") {
    set_int(NULL, JET_paramLegacyFileNames, JET_bitESE98FileNames);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramLegacyFileNames), JET_bitESE98FileNames);
    set_int(NULL, JET_paramNoInformationEvent, 1);
    EXPECT_EQ_UL(get_int(0, 0, JET_paramNoInformationEvent), 1);
}

/* ------------------------------------------------------------------------------------------------------------
 * JET_paramRecovery
 * ---------------------------------------------------------------------------------------------------------- */

/* Creates and initializes an instance with JET_paramRecovery = `value` in its own folder and returns the
 * result of starting a streaming backup on it (ending the backup again when it started). */
static JET_ERR backup_with_recovery(const char *value, int n) {
    char name[32], dir[32];
    snprintf(name, sizeof name, "rec-%d", n);
    snprintf(dir, sizeof dir, "rec-%d", n);
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, name), JET_errSuccess);
    set_paths(&inst, path_in_dir(dir));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramRecovery, 0, value), JET_errSuccess);
    EXPECT(!strcmp(get_str(inst, 0, JET_paramRecovery), value));
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    JET_ERR err = JetBeginExternalBackupInstance(inst, 0);
    if (err == JET_errSuccess) EXPECT_ERR(JetEndExternalBackupInstance(inst), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    return err;
}

SCENARIO(recovery_on_enables_logging_in_any_case, "api System parameters") {
    EXPECT_ERR(backup_with_recovery("on", 1), JET_errSuccess);
    EXPECT_ERR(backup_with_recovery("ON", 2), JET_errSuccess);
    EXPECT_ERR(backup_with_recovery("oN", 3), JET_errSuccess);
}

SCENARIO(recovery_repair_enables_logging, "api System parameters") {
    EXPECT_ERR(backup_with_recovery("repair", 1), JET_errSuccess);
}

SCENARIO(recovery_values_other_than_on_or_repair_disable_logging, "api System parameters") {
    const char *values[] = {"off", "", "On ", " on", "yes", "Repair", "true"};
    for (int i = 0; i < (int)(sizeof values / sizeof *values); i++) {
        JET_ERR err = backup_with_recovery(values[i], i);
        if (err != JET_errLoggingDisabled)
            harness_fail(__FILE__, __LINE__, "Recovery \"%s\": backup gave %ld, expected %ld", values[i], (long)err,
                         (long)JET_errLoggingDisabled);
    }
}

SCENARIO(recovery_off_instance_still_creates_and_uses_databases, "api System parameters") {
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetCreateInstanceA(&inst, "a"), JET_errSuccess);
    set_paths(&inst, path_in_dir("a"));
    EXPECT_ERR(JetSetSystemParameterA(&inst, 0, JET_paramRecovery, 0, "off"), JET_errSuccess);
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    JET_DBID dbid = 0;
    JET_SESID sesid = create_db(inst, path_in_dir("db.edb"), 16, &dbid);
    EXPECT_ERR(JetBeginTransaction(sesid), JET_errSuccess);
    EXPECT_ERR(JetCommitTransaction(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetCloseDatabase(sesid, dbid, 0), JET_errSuccess);
    EXPECT_ERR(JetDetachDatabaseA(sesid, path_in_dir("db.edb")), JET_errSuccess);
    EXPECT_ERR(JetAttachDatabaseA(sesid, path_in_dir("db.edb"), 0), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackupInstance(inst, 0), JET_errLoggingDisabled);
    /* Unlogged databases are not listed in the instance info. */
    unsigned long c = 0;
    JET_INSTANCE_INFO_A *info = NULL;
    EXPECT_ERR(JetGetInstanceInfoA(&c, &info), JET_errSuccess);
    EXPECT_EQ_UL(c, 1);
    EXPECT_EQ_UL(info[0].cDatabases, 0);
    EXPECT_ERR(JetFreeBuffer((char *)info), JET_errSuccess);
    EXPECT_ERR(JetEndSession(sesid, 0), JET_errSuccess);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
    JET_DBINFOMISC misc;
    EXPECT_ERR(JetGetDatabaseFileInfoA(path_in_dir("db.edb"), &misc, sizeof misc, JET_DbInfoMisc), JET_errSuccess);
    EXPECT_EQ_UL(misc.dbstate, JET_dbstateCleanShutdown);
}

SCENARIO(recovery_off_in_one_instance_mode_refuses_the_implicit_backup, "api System parameters") {
    set_paths(NULL, path_in_dir("legacy"));
    EXPECT_ERR(JetSetSystemParameterA(NULL, 0, JET_paramRecovery, 0, "off"), JET_errSuccess);
    JET_INSTANCE inst = 0;
    EXPECT_ERR(JetInit(&inst), JET_errSuccess);
    EXPECT_ERR(JetBeginExternalBackup(0), JET_errLoggingDisabled);
    EXPECT_ERR(JetTerm(inst), JET_errSuccess);
}
