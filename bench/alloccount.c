/* Preloaded into a benchmark to count heap allocations: wraps glibc's malloc family and exports the count as
 * esent_bench_allocations() (looked up with dlsym). */
#include <stddef.h>
#include <stdatomic.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static _Atomic long g_allocations;

long esent_bench_allocations(void) { return atomic_load(&g_allocations); }

void *malloc(size_t n) { atomic_fetch_add(&g_allocations, 1); return __libc_malloc(n); }
void *calloc(size_t n, size_t s) { atomic_fetch_add(&g_allocations, 1); return __libc_calloc(n, s); }
void *realloc(void *p, size_t n) { atomic_fetch_add(&g_allocations, 1); return __libc_realloc(p, n); }
int posix_memalign(void **out, size_t alignment, size_t n) {
    atomic_fetch_add(&g_allocations, 1);
    void *p = __libc_memalign(alignment, n);
    if (!p) return 12; /* ENOMEM */
    *out = p;
    return 0;
}
void *aligned_alloc(size_t alignment, size_t n) { atomic_fetch_add(&g_allocations, 1); return __libc_memalign(alignment, n); }
