/* CRC-32C (Castagnoli, polynomial 0x1EDC6F41, reflected 0x82F63B78), the checksum of every page, log segment and
 * record the library writes. Internal to libesent: not exported (exports.map keeps only Jet*). */
#ifndef ESENT_CRC32C_H
#define ESENT_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* The CRC-32C of `n` bytes at `data`, continuing from `crc` (0 to start; the result of an earlier call to go on),
 * as zlib's crc32() does for CRC-32: esent_crc32c(0, "123456789", 9) == 0xE3069283. */
uint32_t esent_crc32c(uint32_t crc, const void *data, size_t n);

/* The same with the portable table code only (tests compare the two). */
uint32_t esent_crc32c_portable(uint32_t crc, const void *data, size_t n);

/* The checksum of a page whose first 8 bytes hold it: the CRC-32C of `seed` as 8 little-endian bytes followed by
 * the `n` bytes at `page` with the first 8 (or all, when fewer) counted as zero. One pass over the page, with no
 * copy of it and no separate call for its first bytes. */
uint32_t esent_crc32c_page(uint64_t seed, const void *page, size_t n);

/* esent_crc32c_page with the portable table code only. */
uint32_t esent_crc32c_page_portable(uint64_t seed, const void *page, size_t n);

/* Tests: the two functions above through the implementation of `level` (as esent_crc32c_level numbers it), or the
 * best this CPU has when it has not that one, so every path can be compared with the portable one. */
uint32_t esent_crc32c_at_level(int level, uint32_t crc, const void *data, size_t n);
uint32_t esent_crc32c_page_at_level(int level, uint64_t seed, const void *page, size_t n);

/* Whether data pages hold their checksum and number: page i of the `count` pages of `page_size` bytes at `pages`
 * passes when its first 8 bytes hold esent_crc32c_page(first_pgno + i, page, page_size) zero-extended and its bytes
 * 8..<12 hold first_pgno + i, both little-endian. Returns the index of the first page that does not pass, or `count`
 * when all do. One call for many pages: the CRC loop is inlined, with no call per page. */
size_t esent_crc32c_check_pages(const void *pages, size_t page_size, uint32_t first_pgno, size_t count);

/* Tests and bench/crc_bench.c: esent_crc32c_check_pages through the implementation of `level` (or the best this CPU
 * has when it has not that one). */
size_t esent_crc32c_check_pages_at_level(int level, const void *pages, size_t page_size, uint32_t first_pgno,
                                         size_t count);

/* Which implementation esent_crc32c uses on this CPU: 3 AVX-512 + VPCLMULQDQ (512-bit), 2 AVX2 + VPCLMULQDQ
 * (256-bit), 1 SSE4.2 + PCLMULQDQ (128-bit), 0 portable. */
int esent_crc32c_level(void);

/* A busy-wait step: tells the CPU this thread is spinning (x86 PAUSE), so it yields the core's resources. */
static inline void esent_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
