/* What every benchmark program shares: fail loudly on a JET error, a monotonic clock, and a sort order for
 * samples (medians and percentiles). */
#ifndef ESENT_BENCH_UTIL_H
#define ESENT_BENCH_UTIL_H

#include <esent.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CHECK(call)                                                                                            \
    do {                                                                                                       \
        JET_ERR err_ = (call);                                                                                 \
        if (err_ < 0) {                                                                                        \
            fprintf(stderr, "%s:%d: %s = %ld\n", __FILE__, __LINE__, #call, err_);                            \
            exit(1);                                                                                           \
        }                                                                                                      \
    } while (0)

/* Monotonic seconds. */
static inline double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* qsort order for doubles, ascending. */
static inline int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#endif
