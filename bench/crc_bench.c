/* The page check alone, per CPU path this machine has: GB/s of esent_crc32c_check_pages over sound pages already in
 * cache (a 128 KiB buffer, as the streaming backup checks each read right after it) and over a 1 MiB one, in CPU
 * time of this thread (steadier than the wall clock on a shared machine), best of 5. Built with the checksum's
 * source rather than against the library, which exports only Jet* (bench/run.sh).
 *
 * Usage: crc_bench [page size, default 4096]
 */
#define _GNU_SOURCE
#include "esent_crc32c.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    size_t page = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
    if (page < 16 || page % 8 != 0) return 2;
    const size_t sizes[] = {128 << 10, 1 << 20};
    const char *names[] = {"portable", "SSE4.2 + PCLMULQDQ (128-bit)", "AVX2 + VPCLMULQDQ (256-bit)",
                           "AVX-512 + VPCLMULQDQ (512-bit)"};
    int best_level = esent_crc32c_level();
    printf("CRC-32C page check, %zu-byte pages, CPU time, best of 5 (this CPU's path: level %d)\n", page, best_level);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t bytes = sizes[s] / page * page, count = bytes / page;
        unsigned char *buffer = aligned_alloc(4096, bytes);
        if (!buffer) return 1;
        unsigned long long x = 88172645463325252ULL;
        for (size_t i = 0; i < bytes; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            buffer[i] = (unsigned char)x;
        }
        for (size_t i = 0; i < count; i++) {
            unsigned char *p = buffer + i * page;
            uint32_t pgno = (uint32_t)(i + 1);
            memcpy(p + 8, &pgno, 4);
            uint64_t sum = esent_crc32c_page(pgno, p, page);
            memcpy(p, &sum, 8);
        }
        for (int level = 0; level <= best_level; level++) {
            if (esent_crc32c_check_pages_at_level(level, buffer, page, 1, count) != count) {
                fprintf(stderr, "level %d: a sound page failed\n", level);
                return 1;
            }
            size_t total = level == 0 ? (size_t)1 << 28 : (size_t)1 << 30;
            double best = 1e9;
            for (int r = 0; r < 5; r++) {
                double t0 = cpu_now();
                size_t sink = 0;
                for (size_t done = 0; done < total; done += bytes)
                    sink += esent_crc32c_check_pages_at_level(level, buffer, page, 1, count);
                double took = cpu_now() - t0;
                if (sink != total / bytes * count) return 1;
                if (took < best) best = took;
            }
            printf("   %4zu KiB buffer, level %d %-32s %6.1f GB/s\n", bytes >> 10, level, names[level],
                   (double)total / best / 1e9);
        }
        free(buffer);
    }
    return 0;
}
