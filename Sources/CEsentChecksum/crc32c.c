/* CRC-32C with a runtime CPU check: 512-bit carry-less multiply folding (AVX-512 VPCLMULQDQ) over four interleaved
 * 64-byte streams, else 256-bit folding (AVX2 + VPCLMULQDQ) over four 32-byte streams, else 128-bit folding (SSE4.2 +
 * PCLMULQDQ) over four 16-byte streams, else slicing-by-8 tables.
 *
 * Folding: a 128-bit chunk X followed by D more bits of message contributes to the CRC what
 * clmul(X.lo, x^(D+31) mod P) ^ clmul(X.hi, x^(D-33) mod P) contributes placed over the next chunk (constants in
 * the bit-reflected domain of this CRC). Folding every stream forward until one 128-bit value is left, the CRC of
 * the message is the CRC instruction run over that value, then over the bytes after it. The constants below are
 * those powers of x, computed once with esent_crc32c_portable's arithmetic (tests check every path against it). */
#include "esent_crc32c.h"

#include <stdatomic.h>
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#define ESENT_X86 1
#endif

/* ---- portable: slicing-by-8 ------------------------------------------------------------------------------- */

static uint32_t table[8][256];
static atomic_int table_ready;

static void build_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0x82F63B78u & (0u - (c & 1u)));
        table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++) table[t][i] = (table[t - 1][i] >> 8) ^ table[0][table[t - 1][i] & 0xFF];
    atomic_store_explicit(&table_ready, 1, memory_order_release);
}

/* `zap`: the first 8 bytes at `p` (or all of them when fewer) count as zero: a page's own checksum field. */
static uint32_t portable_raw(uint32_t c, const uint8_t *p, size_t n, int zap) {
    if (!atomic_load_explicit(&table_ready, memory_order_acquire)) build_table();
    if (zap) {
        size_t z = n < 8 ? n : 8;
        for (size_t i = 0; i < z; i++) c = (c >> 8) ^ table[0][c & 0xFF];
        p += z;
        n -= z;
    }
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        w ^= c;
        c = table[7][w & 0xFF] ^ table[6][(w >> 8) & 0xFF] ^ table[5][(w >> 16) & 0xFF] ^
            table[4][(w >> 24) & 0xFF] ^ table[3][(w >> 32) & 0xFF] ^ table[2][(w >> 40) & 0xFF] ^
            table[1][(w >> 48) & 0xFF] ^ table[0][w >> 56];
        p += 8;
        n -= 8;
    }
    while (n--) c = (c >> 8) ^ table[0][(c ^ *p++) & 0xFF];
    return c;
}

/* Multiplication modulo P of two 32-bit values in the CRC's bit-reflected domain (bit 31 is x^0). */
static uint32_t mul_mod_p(uint32_t a, uint32_t b) {
    uint32_t product = 0;
    for (int i = 0; i < 32; i++) {
        if (b & (0x80000000u >> i)) product ^= a;
        a = (a >> 1) ^ (0x82F63B78u & (0u - (a & 1u)));
    }
    return product;
}

/* x^k mod P, reflected: the constants of the folds and shifts below. */
static uint32_t x_pow_mod_p(uint64_t k) {
    uint32_t result = 0x80000000u, base = 0x40000000u;
    for (; k; k >>= 1) {
        if (k & 1) result = mul_mod_p(result, base);
        base = mul_mod_p(base, base);
    }
    return result;
}

uint32_t esent_crc32c_portable(uint32_t crc, const void *data, size_t n) {
    return ~portable_raw(~crc, (const uint8_t *)data, n, 0);
}

#ifdef ESENT_X86

/* x^(D+31) and x^(D-33) mod P for a fold distance of D bits. */
#define K128_LO 0xf20c0dfeu
#define K128_HI 0x493c7d27u
#define K256_LO 0x3da6d0cbu
#define K256_HI 0xba4fc28eu
#define K384_LO 0x1c291d04u
#define K384_HI 0xddc0152bu
#define K512_LO 0x740eef02u
#define K512_HI 0x9e4addf8u
#define K1024_LO 0x6992cea2u
#define K1024_HI 0x0d3b6092u
#define K1536_LO 0xa87ab8a8u
#define K1536_HI 0xab7aff2au
#define K2048_LO 0xdcb17aa4u
#define K2048_HI 0xb9e02b86u

#define SSE_TARGET __attribute__((target("sse4.2,pclmul")))
#define AVX2_TARGET __attribute__((target("sse4.2,pclmul,avx,avx2,vpclmulqdq")))
#define AVX_TARGET __attribute__((target("sse4.2,pclmul,avx512f,avx512vl,avx512bw,vpclmulqdq")))

SSE_TARGET static inline __m128i fold128(__m128i x, __m128i k) {
    return _mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11));
}

SSE_TARGET static inline __m128i kpair(uint32_t lo, uint32_t hi) { return _mm_set_epi64x((long long)hi, (long long)lo); }

/* The CRC register (not inverted) after folding `x` and running the instruction over the rest. */
SSE_TARGET static uint32_t finish(__m128i x, const uint8_t *p, size_t n) {
    __m128i k = kpair(K128_LO, K128_HI);
    while (n >= 16) {
        x = _mm_xor_si128(fold128(x, k), _mm_loadu_si128((const __m128i *)p));
        p += 16;
        n -= 16;
    }
    uint64_t c = _mm_crc32_u64(0, (uint64_t)_mm_cvtsi128_si64(x));
    c = _mm_crc32_u64(c, (uint64_t)_mm_extract_epi64(x, 1));
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        c = _mm_crc32_u64(c, w);
        p += 8;
        n -= 8;
    }
    while (n--) c = _mm_crc32_u8((uint32_t)c, *p++);
    return (uint32_t)c;
}

SSE_TARGET static inline uint32_t crc_sse(uint32_t c, const uint8_t *p, size_t n, int zap) {
    if (n < 64) {
        uint64_t r = c;
        if (zap) {
            size_t z = n < 8 ? n : 8;
            for (size_t i = 0; i < z; i++) r = _mm_crc32_u8((uint32_t)r, 0);
            p += z;
            n -= z;
        }
        while (n >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            r = _mm_crc32_u64(r, w);
            p += 8;
            n -= 8;
        }
        while (n--) r = _mm_crc32_u8((uint32_t)r, *p++);
        return (uint32_t)r;
    }
    __m128i x0 = _mm_loadu_si128((const __m128i *)p);
    if (zap) x0 = _mm_and_si128(x0, _mm_set_epi64x(-1, 0));
    x0 = _mm_xor_si128(x0, _mm_cvtsi32_si128((int)c));
    __m128i x1 = _mm_loadu_si128((const __m128i *)(p + 16));
    __m128i x2 = _mm_loadu_si128((const __m128i *)(p + 32));
    __m128i x3 = _mm_loadu_si128((const __m128i *)(p + 48));
    p += 64;
    n -= 64;
    __m128i k = kpair(K512_LO, K512_HI);
    while (n >= 64) {
        x0 = _mm_xor_si128(fold128(x0, k), _mm_loadu_si128((const __m128i *)p));
        x1 = _mm_xor_si128(fold128(x1, k), _mm_loadu_si128((const __m128i *)(p + 16)));
        x2 = _mm_xor_si128(fold128(x2, k), _mm_loadu_si128((const __m128i *)(p + 32)));
        x3 = _mm_xor_si128(fold128(x3, k), _mm_loadu_si128((const __m128i *)(p + 48)));
        p += 64;
        n -= 64;
    }
    __m128i k1 = kpair(K128_LO, K128_HI);
    x1 = _mm_xor_si128(fold128(x0, k1), x1);
    x2 = _mm_xor_si128(fold128(x1, k1), x2);
    x3 = _mm_xor_si128(fold128(x2, k1), x3);
    return finish(x3, p, n);
}

AVX2_TARGET static inline __m256i fold256(__m256i x, __m256i k) {
    return _mm256_xor_si256(_mm256_clmulepi64_epi128(x, k, 0x00), _mm256_clmulepi64_epi128(x, k, 0x11));
}

AVX2_TARGET static inline __m256i kpair256(uint32_t lo, uint32_t hi) {
    return _mm256_broadcastsi128_si256(_mm_set_epi64x((long long)hi, (long long)lo));
}

/* Four 32-byte streams: on a CPU with 256-bit VPCLMULQDQ and no AVX-512, about twice the 128-bit path
 * (bench/crc_bench.c). */
AVX2_TARGET static inline uint32_t crc_avx2(uint32_t c, const uint8_t *p, size_t n, int zap) {
    if (n < 256) return crc_sse(c, p, n, zap);
    __m256i x0 = _mm256_loadu_si256((const __m256i *)p);
    if (zap) x0 = _mm256_blend_epi32(x0, _mm256_setzero_si256(), 0x03);
    x0 = _mm256_xor_si256(x0, _mm256_zextsi128_si256(_mm_cvtsi32_si128((int)c)));
    __m256i x1 = _mm256_loadu_si256((const __m256i *)(p + 32));
    __m256i x2 = _mm256_loadu_si256((const __m256i *)(p + 64));
    __m256i x3 = _mm256_loadu_si256((const __m256i *)(p + 96));
    p += 128;
    n -= 128;
    __m256i k = kpair256(K1024_LO, K1024_HI);
    while (n >= 128) {
        x0 = _mm256_xor_si256(fold256(x0, k), _mm256_loadu_si256((const __m256i *)p));
        x1 = _mm256_xor_si256(fold256(x1, k), _mm256_loadu_si256((const __m256i *)(p + 32)));
        x2 = _mm256_xor_si256(fold256(x2, k), _mm256_loadu_si256((const __m256i *)(p + 64)));
        x3 = _mm256_xor_si256(fold256(x3, k), _mm256_loadu_si256((const __m256i *)(p + 96)));
        p += 128;
        n -= 128;
    }
    /* Four streams into one: each is 256 bits ahead of the next; then the rest 32 bytes at a time. */
    __m256i k256 = kpair256(K256_LO, K256_HI);
    x1 = _mm256_xor_si256(fold256(x0, k256), x1);
    x2 = _mm256_xor_si256(fold256(x1, k256), x2);
    x3 = _mm256_xor_si256(fold256(x2, k256), x3);
    while (n >= 32) {
        x3 = _mm256_xor_si256(fold256(x3, k256), _mm256_loadu_si256((const __m256i *)p));
        p += 32;
        n -= 32;
    }
    /* The low 128-bit lane is 128 bits ahead of the high one. */
    __m128i r = _mm_xor_si128(fold128(_mm256_castsi256_si128(x3), kpair(K128_LO, K128_HI)),
                              _mm256_extracti128_si256(x3, 1));
    return finish(r, p, n);
}

/* A whole page on AVX2 + VPCLMULQDQ: the carry-less multiply and the CRC instruction run on different execution
 * units, so a page splits into a folded region (its first 128 + 128*I + R bytes, R < 224, the checksum field there)
 * and three regions of 32*I bytes each run through the CRC instruction as three independent chains, all in one loop
 * of I steps; the four partial CRCs are then shifted into place (a CRC register r followed by n zero bytes is
 * crc32(clmul(r, x^(8n-33) mod P))) and combined. */
struct page_split {
    size_t size;
    size_t steps;
    uint32_t k3, k2, k1; /* shifts by 3, 2 and 1 region lengths */
};

static struct page_split split_for(size_t n) {
    struct page_split s = {n, n >= 1024 ? (n - 128) / 224 : 0, 0, 0, 0};
    uint64_t bits = 8 * 32 * (uint64_t)s.steps;
    if (s.steps) {
        s.k1 = x_pow_mod_p(bits - 33);
        s.k2 = x_pow_mod_p(2 * bits - 33);
        s.k3 = x_pow_mod_p(3 * bits - 33);
    }
    return s;
}

SSE_TARGET static inline uint32_t shift_crc(uint32_t r, uint32_t k) {
    __m128i t = _mm_clmulepi64_si128(_mm_cvtsi32_si128((int)r), _mm_cvtsi32_si128((int)k), 0x00);
    return (uint32_t)_mm_crc32_u64(0, (uint64_t)_mm_cvtsi128_si64(t));
}

#define CRC3(c, q, at)                                                                                            \
    do {                                                                                                           \
        uint64_t w_;                                                                                               \
        memcpy(&w_, (q) + (at), 8);                                                                                \
        (c) = _mm_crc32_u64((c), w_);                                                                              \
    } while (0)

AVX2_TARGET static inline uint32_t page_avx2(uint32_t c, const uint8_t *p, const struct page_split *s) {
    size_t n = s->size;
    if (!s->steps) return crc_avx2(c, p, n, 1);
    size_t region = 32 * s->steps;
    const uint8_t *q = p + n - 3 * region;
    uint64_t c1 = 0, c2 = 0, c3 = 0;
    __m256i x0 = _mm256_blend_epi32(_mm256_loadu_si256((const __m256i *)p), _mm256_setzero_si256(), 0x03);
    x0 = _mm256_xor_si256(x0, _mm256_zextsi128_si256(_mm_cvtsi32_si128((int)c)));
    __m256i x1 = _mm256_loadu_si256((const __m256i *)(p + 32));
    __m256i x2 = _mm256_loadu_si256((const __m256i *)(p + 64));
    __m256i x3 = _mm256_loadu_si256((const __m256i *)(p + 96));
    p += 128;
    __m256i k = kpair256(K1024_LO, K1024_HI);
    for (size_t i = 0; i < s->steps; i++) {
        x0 = _mm256_xor_si256(fold256(x0, k), _mm256_loadu_si256((const __m256i *)p));
        CRC3(c1, q, 0);
        CRC3(c2, q, region);
        CRC3(c3, q, 2 * region);
        x1 = _mm256_xor_si256(fold256(x1, k), _mm256_loadu_si256((const __m256i *)(p + 32)));
        CRC3(c1, q, 8);
        CRC3(c2, q, region + 8);
        CRC3(c3, q, 2 * region + 8);
        x2 = _mm256_xor_si256(fold256(x2, k), _mm256_loadu_si256((const __m256i *)(p + 64)));
        CRC3(c1, q, 16);
        CRC3(c2, q, region + 16);
        CRC3(c3, q, 2 * region + 16);
        x3 = _mm256_xor_si256(fold256(x3, k), _mm256_loadu_si256((const __m256i *)(p + 96)));
        CRC3(c1, q, 24);
        CRC3(c2, q, region + 24);
        CRC3(c3, q, 2 * region + 24);
        p += 128;
        q += 32;
    }
    __m256i k256 = kpair256(K256_LO, K256_HI);
    x1 = _mm256_xor_si256(fold256(x0, k256), x1);
    x2 = _mm256_xor_si256(fold256(x1, k256), x2);
    x3 = _mm256_xor_si256(fold256(x2, k256), x3);
    /* The folded region's last R bytes end where the first CRC-instruction region begins. */
    const uint8_t *end = q - region;
    while (end - p >= 32) {
        x3 = _mm256_xor_si256(fold256(x3, k256), _mm256_loadu_si256((const __m256i *)p));
        p += 32;
    }
    __m128i r = _mm_xor_si128(fold128(_mm256_castsi256_si128(x3), kpair(K128_LO, K128_HI)),
                              _mm256_extracti128_si256(x3, 1));
    uint32_t c0 = finish(r, p, (size_t)(end - p));
    return shift_crc(c0, s->k3) ^ shift_crc((uint32_t)c1, s->k2) ^ shift_crc((uint32_t)c2, s->k1) ^ (uint32_t)c3;
}

AVX_TARGET static inline __m512i fold512(__m512i x, __m512i k) {
    return _mm512_xor_si512(_mm512_clmulepi64_epi128(x, k, 0x00), _mm512_clmulepi64_epi128(x, k, 0x11));
}

AVX_TARGET static inline __m512i kpair512(uint32_t lo, uint32_t hi) {
    return _mm512_broadcast_i32x4(_mm_set_epi64x((long long)hi, (long long)lo));
}

AVX_TARGET static inline uint32_t crc_avx512(uint32_t c, const uint8_t *p, size_t n, int zap) {
    if (n < 256) return crc_sse(c, p, n, zap);
    /* A masked load leaves the zapped quadword zero. */
    __m512i x0 = _mm512_maskz_loadu_epi64(zap ? 0xFE : 0xFF, p);
    x0 = _mm512_xor_si512(x0, _mm512_zextsi128_si512(_mm_cvtsi32_si128((int)c)));
    __m512i x1 = _mm512_loadu_si512(p + 64);
    __m512i x2 = _mm512_loadu_si512(p + 128);
    __m512i x3 = _mm512_loadu_si512(p + 192);
    p += 256;
    n -= 256;
    __m512i k = kpair512(K2048_LO, K2048_HI);
    while (n >= 256) {
        x0 = _mm512_xor_si512(fold512(x0, k), _mm512_loadu_si512(p));
        x1 = _mm512_xor_si512(fold512(x1, k), _mm512_loadu_si512(p + 64));
        x2 = _mm512_xor_si512(fold512(x2, k), _mm512_loadu_si512(p + 128));
        x3 = _mm512_xor_si512(fold512(x3, k), _mm512_loadu_si512(p + 192));
        p += 256;
        n -= 256;
    }
    /* Four streams into one: each is 512 bits ahead of the next. */
    __m512i k512 = kpair512(K512_LO, K512_HI);
    x1 = _mm512_xor_si512(fold512(x0, k512), x1);
    x2 = _mm512_xor_si512(fold512(x1, k512), x2);
    x3 = _mm512_xor_si512(fold512(x2, k512), x3);
    /* The rest 64 bytes at a time (a page's tail would otherwise take many short dependent steps). */
    while (n >= 64) {
        x3 = _mm512_xor_si512(fold512(x3, k512), _mm512_loadu_si512(p));
        p += 64;
        n -= 64;
    }
    /* The four 128-bit lanes of x3 into the last one. */
    __m128i l0 = _mm512_extracti32x4_epi32(x3, 0), l1 = _mm512_extracti32x4_epi32(x3, 1);
    __m128i l2 = _mm512_extracti32x4_epi32(x3, 2), l3 = _mm512_extracti32x4_epi32(x3, 3);
    __m128i r = _mm_xor_si128(fold128(l0, kpair(K384_LO, K384_HI)), l3);
    r = _mm_xor_si128(r, fold128(l1, kpair(K256_LO, K256_HI)));
    r = _mm_xor_si128(r, fold128(l2, kpair(K128_LO, K128_HI)));
    return finish(r, p, n);
}

typedef uint32_t (*crc_fn)(uint32_t, const uint8_t *, size_t, int);
static _Atomic(crc_fn) chosen;
static atomic_int chosen_level = -1;

static crc_fn at_level(int level) {
    return level >= 3 ? crc_avx512 : level == 2 ? crc_avx2 : level == 1 ? crc_sse : portable_raw;
}

static crc_fn choose(void) {
    __builtin_cpu_init();
    int level = 0;
    if (__builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("pclmul")) {
        level = 1;
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("vpclmulqdq")) level = 2;
        if (level == 2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
            __builtin_cpu_supports("avx512bw"))
            level = 3;
    }
    crc_fn f = at_level(level);
    /* Racing first calls choose the same function; either store is fine. */
    atomic_store_explicit(&chosen_level, level, memory_order_relaxed);
    atomic_store_explicit(&chosen, f, memory_order_release);
    return f;
}

static inline crc_fn current(void) {
    crc_fn f = atomic_load_explicit(&chosen, memory_order_acquire);
    return f ? f : choose();
}

int esent_crc32c_level(void) {
    current();
    return atomic_load_explicit(&chosen_level, memory_order_relaxed);
}

/* A path no better than this CPU's (tests ask for each one). */
static crc_fn supported(int level) {
    int best = esent_crc32c_level();
    return at_level(level < best ? level : best);
}

static int supported_level(int level) {
    int best = esent_crc32c_level();
    return level < best ? level : best;
}

#else

typedef uint32_t (*crc_fn)(uint32_t, const uint8_t *, size_t, int);
static inline crc_fn current(void) { return portable_raw; }
static crc_fn supported(int level) { (void)level; return portable_raw; }
static int supported_level(int level) { (void)level; return 0; }
int esent_crc32c_level(void) { return 0; }

#endif

uint32_t esent_crc32c(uint32_t crc, const void *data, size_t n) {
    return ~current()(~crc, (const uint8_t *)data, n, 0);
}

/* The seed's 8 little-endian bytes, then the page with its first 8 bytes as zero: one pass, no copy. */
static uint32_t page_with(crc_fn f, uint64_t seed, const void *page, size_t n) {
    uint8_t prefix[8];
    for (int i = 0; i < 8; i++) prefix[i] = (uint8_t)(seed >> (8 * i));
    uint32_t c = f(0xFFFFFFFFu, prefix, 8, 0);
    return ~f(c, (const uint8_t *)page, n, 1);
}

uint32_t esent_crc32c_page(uint64_t seed, const void *page, size_t n) { return page_with(current(), seed, page, n); }

uint32_t esent_crc32c_page_portable(uint64_t seed, const void *page, size_t n) {
    return page_with(portable_raw, seed, page, n);
}

uint32_t esent_crc32c_at_level(int level, uint32_t crc, const void *data, size_t n) {
    return ~supported(level)(~crc, (const uint8_t *)data, n, 0);
}

uint32_t esent_crc32c_page_at_level(int level, uint64_t seed, const void *page, size_t n) {
    return page_with(supported(level), seed, page, n);
}

/* ---- page checks ---------------------------------------------------------------------------------------------- */

static inline uint64_t load_le64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static inline uint32_t load_le32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

/* A page passes when its first 8 bytes hold `crc` (zero-extended) and the next 4 its number. */
static inline int page_passes(const uint8_t *p, uint32_t crc, uint32_t pgno) {
    return load_le64(p) == (uint64_t)crc && load_le32(p + 8) == pgno;
}

static size_t check_portable(const uint8_t *p, size_t size, uint32_t pgno, size_t count) {
    for (size_t i = 0; i < count; i++, p += size) {
        uint32_t number = pgno + (uint32_t)i;
        if (!page_passes(p, page_with(portable_raw, number, p, size), number)) return i;
    }
    return count;
}

#ifdef ESENT_X86

/* One loop per path with the CRC inlined: no call or dispatch per page. The seed's 8 bytes are one CRC
 * instruction. */
#define CHECK_PAGES(name, target, crc)                                                                        \
    target static size_t name(const uint8_t *p, size_t size, uint32_t pgno, size_t count) {                   \
        for (size_t i = 0; i < count; i++, p += size) {                                                        \
            uint32_t number = pgno + (uint32_t)i;                                                              \
            uint32_t c = (uint32_t)_mm_crc32_u64(0xFFFFFFFFu, number);                                         \
            if (!page_passes(p, ~crc(c, p, size, 1), number)) return i;                                        \
        }                                                                                                      \
        return count;                                                                                          \
    }

CHECK_PAGES(check_sse, SSE_TARGET, crc_sse)

/* The split's constants cost a few hundred multiplications: computed once for each database page size (4, 8, 16
 * and 32 KiB) and kept; any other size (tests) computes them per call. Racing first calls store the same values. */
static struct page_split split_slots[4];
static atomic_int split_ready[4];

static struct page_split split_cached(size_t size) {
    int slot = size == 4096 ? 0 : size == 8192 ? 1 : size == 16384 ? 2 : size == 32768 ? 3 : -1;
    if (slot < 0) return split_for(size);
    struct page_split *kept = &split_slots[slot];
    if (!atomic_load_explicit(&split_ready[slot], memory_order_acquire)) {
        struct page_split s = split_for(size);
        __atomic_store_n(&kept->size, s.size, __ATOMIC_RELAXED);
        __atomic_store_n(&kept->steps, s.steps, __ATOMIC_RELAXED);
        __atomic_store_n(&kept->k1, s.k1, __ATOMIC_RELAXED);
        __atomic_store_n(&kept->k2, s.k2, __ATOMIC_RELAXED);
        __atomic_store_n(&kept->k3, s.k3, __ATOMIC_RELAXED);
        atomic_store_explicit(&split_ready[slot], 1, memory_order_release);
        return s;
    }
    struct page_split s;
    s.size = __atomic_load_n(&kept->size, __ATOMIC_RELAXED);
    s.steps = __atomic_load_n(&kept->steps, __ATOMIC_RELAXED);
    s.k1 = __atomic_load_n(&kept->k1, __ATOMIC_RELAXED);
    s.k2 = __atomic_load_n(&kept->k2, __ATOMIC_RELAXED);
    s.k3 = __atomic_load_n(&kept->k3, __ATOMIC_RELAXED);
    return s;
}

AVX2_TARGET static size_t check_avx2(const uint8_t *p, size_t size, uint32_t pgno, size_t count) {
    struct page_split s = split_cached(size);
    for (size_t i = 0; i < count; i++, p += size) {
        uint32_t number = pgno + (uint32_t)i;
        uint32_t c = (uint32_t)_mm_crc32_u64(0xFFFFFFFFu, number);
        if (!page_passes(p, ~page_avx2(c, p, &s), number)) return i;
    }
    return count;
}

CHECK_PAGES(check_avx512, AVX_TARGET, crc_avx512)

static size_t check_at(int level, const uint8_t *p, size_t size, uint32_t pgno, size_t count) {
    switch (level) {
    case 3: return check_avx512(p, size, pgno, count);
    case 2: return check_avx2(p, size, pgno, count);
    case 1: return check_sse(p, size, pgno, count);
    default: return check_portable(p, size, pgno, count);
    }
}

#else

static size_t check_at(int level, const uint8_t *p, size_t size, uint32_t pgno, size_t count) {
    (void)level;
    return check_portable(p, size, pgno, count);
}

#endif

size_t esent_crc32c_check_pages(const void *pages, size_t page_size, uint32_t first_pgno, size_t count) {
    return check_at(esent_crc32c_level(), (const uint8_t *)pages, page_size, first_pgno, count);
}

size_t esent_crc32c_check_pages_at_level(int level, const void *pages, size_t page_size, uint32_t first_pgno,
                                         size_t count) {
    return check_at(supported_level(level), (const uint8_t *)pages, page_size, first_pgno, count);
}
