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

/* Which implementation esent_crc32c uses on this CPU: 2 AVX-512 + VPCLMULQDQ, 1 SSE4.2 + PCLMULQDQ, 0 portable. */
int esent_crc32c_level(void);

#endif
