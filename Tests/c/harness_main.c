/* Runs every registered scenario in a child process of its own, in a fresh folder, and prints one line per
 * scenario and a closing "N passed, M failed" line. Exit status is non-zero when anything failed.
 *
 * Usage: harness [-k substring] [-e n] [-j jobs] [-t seconds]
 *   -k  only scenarios whose name contains the substring
 *   -e  only every n-th of them in name order (1st, n+1th, ...): a fixed sample, for the slowest runners
 *   -j  scenarios run at once (default: HARNESS_JOBS, else the number of CPUs, at most 4). Each scenario has its
 *       own process and folder, so they do not see each other; lines are printed as scenarios finish.
 *   -t  per-scenario time limit (default 120 s; sanitizers and valgrind are slow)
 */
#define _GNU_SOURCE
#include "harness.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef ESENT_TEST_DLOPEN
int dl_api_load(const char *path); /* dl_api.c */
#endif

typedef struct {
    const char *name;
    const char *section;
    harness_fn fn;
} scenario;

static scenario *scenarios;
static size_t scenario_count, scenario_cap;

void harness_register(const char *name, const char *section, harness_fn fn) {
    if (scenario_count == scenario_cap) {
        scenario_cap = scenario_cap ? scenario_cap * 2 : 64;
        scenarios = realloc(scenarios, scenario_cap * sizeof *scenarios);
        if (!scenarios) abort();
    }
    scenarios[scenario_count++] = (scenario){name, section, fn};
}

void harness_fail(const char *file, int line, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "    %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    _exit(1);
}

static int compare_names(const void *a, const void *b) {
    const scenario *x = a, *y = b;
    int c = strcmp(x->section, y->section);
    return c ? c : strcmp(x->name, y->name);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct {
    pid_t pid;
    const scenario *s;
    double start;
} running_scenario;

/* Waits for one running scenario to end, prints its line and frees its slot. */
static void reap_one(running_scenario *running, int *nrunning, int *passed, int *failed) {
    int status = 0;
    pid_t pid;
    while ((pid = waitpid(-1, &status, 0)) < 0 && errno == EINTR) {
    }
    int k = 0;
    while (k < *nrunning && running[k].pid != pid) k++;
    if (k == *nrunning) return; /* not one of ours */
    const scenario *s = running[k].s;
    double took = now_seconds() - running[k].start;
    running[k] = running[--*nrunning];
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        (*passed)++;
        printf("ok   %-60s [%s] %.2fs\n", s->name, s->section, took);
    } else {
        (*failed)++;
        if (WIFSIGNALED(status))
            printf("FAIL %-60s [%s] killed by signal %d%s\n", s->name, s->section, WTERMSIG(status),
                   WTERMSIG(status) == SIGALRM ? " (time limit)" : "");
        else
            printf("FAIL %-60s [%s] exit %d\n", s->name, s->section, WEXITSTATUS(status));
    }
    fflush(stdout);
}

static int default_jobs(void) {
    const char *env = getenv("HARNESS_JOBS");
    long n = env ? atol(env) : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) n = 1;
    if (n > 4) n = 4;
    return (int)n;
}

int main(int argc, char **argv) {
    const char *filter = NULL;
    int every = 1;
    int limit = 120;
    int jobs = default_jobs();
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-k") && i + 1 < argc) filter = argv[++i];
        else if (!strcmp(argv[i], "-e") && i + 1 < argc) every = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-t") && i + 1 < argc) limit = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-j") && i + 1 < argc) jobs = atoi(argv[++i]);
    }
    if (jobs < 1) jobs = 1;
    if (jobs > 16) jobs = 16;
    running_scenario running[16];
    int nrunning = 0;
    const char *label = getenv("HARNESS_LABEL") ? getenv("HARNESS_LABEL") : "harness";
    char root[4096];
    const char *base = getenv("HARNESS_TMP") ? getenv("HARNESS_TMP") : "/tmp";
    snprintf(root, sizeof root, "%s/esent-harness-XXXXXX", base);
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 2;
    }
    qsort(scenarios, scenario_count, sizeof *scenarios, compare_names);
    int passed = 0, failed = 0;
    if (every < 1) every = 1;
    size_t matched = 0;
    for (size_t i = 0; i < scenario_count; i++) {
        const scenario *s = &scenarios[i];
        if (filter && !strstr(s->name, filter)) continue;
        if (matched++ % (size_t)every != 0) continue;
        char dir[4352];
        snprintf(dir, sizeof dir, "%s/%s", root, s->name);
        if (mkdir(dir, 0700) != 0) {
            perror("mkdir");
            return 2;
        }
        fflush(stdout);
        double start = now_seconds();
        pid_t pid = fork();
        if (pid == 0) {
            if (chdir(dir) != 0) _exit(3);
#ifdef ESENT_TEST_DLOPEN
            if (dl_api_load(getenv("ESENT_LIBRARY")) != 0) _exit(4);
#endif
            alarm((unsigned)limit);
            s->fn();
            fflush(NULL);
            _exit(0);
        }
        if (pid < 0) {
            perror("fork");
            return 2;
        }
        running[nrunning++] = (running_scenario){pid, s, start};
        if (nrunning == jobs) reap_one(running, &nrunning, &passed, &failed);
    }
    while (nrunning > 0) reap_one(running, &nrunning, &passed, &failed);
    if (!getenv("HARNESS_KEEP")) {
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
    }
    printf("%s: %d passed, %d failed\n", label, passed, failed);
    return failed ? 1 : 0;
}
