/* The dlopen build of the C harness: every function esent.h declares is called through a pointer that
 * dl_api_load() fills with dlsym() (build/gen/dl_api.h turns `JetX(...)` into `(*dl_JetX)(...)`).
 *
 * Names are taken from build/gen/dl_api_names.h and stringified with # (never macro-expanded), so the
 * undecorated names are looked up as themselves and not as the A variant esent.h maps them to.
 */
#define _GNU_SOURCE
#include <esent.h>

#include "dl_api.h"
#include "dl_api_names.h"

#include <dlfcn.h>
#include <stdio.h>

/* The pointers: the same types as the extern declarations of dl_api.h. */
#define ESENT_DL_DEFINE(name) __typeof__(dl_##name) dl_##name;
ESENT_DL_API_FUNCTIONS(ESENT_DL_DEFINE)
#undef ESENT_DL_DEFINE

int dl_api_load(const char *path) {
    if (!path || !*path) path = "libesent.so.1"; /* found through LD_LIBRARY_PATH / the loader's cache */
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "dl_api_load: dlopen(%s): %s\n", path, dlerror());
        return 1;
    }
    int missing = 0;
    void *sym;
    void *base = NULL; /* every symbol must come from the same object: the library itself */
    Dl_info info;

    /* Every declared function, looked up in this library only (dlsym on the handle, not RTLD_DEFAULT). */
#define ESENT_DL_LOAD(name)                                                                                        \
    dlerror();                                                                                                     \
    sym = dlsym(lib, #name);                                                                                       \
    if (!sym) {                                                                                                    \
        fprintf(stderr, "dl_api_load: %s: missing symbol %s\n", path, #name);                                     \
        missing++;                                                                                                 \
    } else if (!dladdr(sym, &info) || (base && info.dli_fbase != base)) {                                         \
        fprintf(stderr, "dl_api_load: %s: %s resolves to another object (%s)\n", path, #name,                      \
                info.dli_fname ? info.dli_fname : "?");                                                            \
        missing++;                                                                                                 \
    } else {                                                                                                       \
        base = info.dli_fbase;                                                                                     \
    }                                                                                                              \
    dl_##name = (__typeof__(dl_##name))sym;
    ESENT_DL_API_FUNCTIONS(ESENT_DL_LOAD)
#undef ESENT_DL_LOAD

    /* Undecorated names: symbols of their own (a C program built without esent.h's macros, or a foreign-language
     * binding, links them by name). */
#define ESENT_DL_CHECK(name)                                                                                       \
    if (!dlsym(lib, #name)) {                                                                                      \
        fprintf(stderr, "dl_api_load: %s: missing undecorated symbol %s\n", path, #name);                         \
        missing++;                                                                                                 \
    }
    ESENT_DL_API_UNDECORATED(ESENT_DL_CHECK)
#undef ESENT_DL_CHECK

    if (missing) {
        fprintf(stderr, "dl_api_load: %d of %d symbols missing or wrong in %s\n", missing,
                ESENT_DL_API_FUNCTION_COUNT + ESENT_DL_API_UNDECORATED_COUNT, path);
        return 1;
    }
    /* The handle stays open for the life of the process (and the library is -z nodelete anyway). */
    return 0;
}
