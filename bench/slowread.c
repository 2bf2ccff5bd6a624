/* LD_PRELOAD shim for the latency benchmark (bench/bench_latency.c): pread and pread64 on a file whose path
 * contains $SLOWREAD_PATH sleep $SLOWREAD_USEC microseconds first, so a reader stays blocked inside a read.
 * Every other read goes straight to glibc. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t (*pread_fn)(int, void *, size_t, off_t);

static void maybe_wait(int fd) {
    const char *match = getenv("SLOWREAD_PATH");
    if (!match || !*match) return;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return;
    path[n] = 0;
    if (!strstr(path, match)) return;
    const char *usec = getenv("SLOWREAD_USEC");
    usleep(usec ? (useconds_t)strtoul(usec, NULL, 10) : 20000);
}

ssize_t pread(int fd, void *buf, size_t count, off_t offset) {
    static pread_fn real;
    if (!real) real = (pread_fn)dlsym(RTLD_NEXT, "pread");
    maybe_wait(fd);
    return real(fd, buf, count, offset);
}

ssize_t pread64(int fd, void *buf, size_t count, off_t offset) {
    static pread_fn real;
    if (!real) real = (pread_fn)dlsym(RTLD_NEXT, "pread64");
    maybe_wait(fd);
    return real(fd, buf, count, offset);
}
