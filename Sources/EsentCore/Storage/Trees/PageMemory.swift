import Glibc
import Synchronization

/// Memory for page buffers, carved from slabs of whole pages (mapped apart from malloc's heap) and recycled by
/// size.
///
/// Why: a transaction copies a page at every savepoint level that first touches it (one level per JetUpdate), the
/// cache drops pages as fast as it reads new ones, and a split snapshots its page: page buffers come and go at
/// row rate. Taken from malloc one by one they shared the heap with the engine's small objects, whose leftovers
/// kept freed page holes from being reused, so the heap grew to about twice the memory in use (223 MiB of peak
/// RSS for 124 MiB in use, inserting a million rows with a 64 MiB cache). Slabs hold nothing but pages of one
/// size, and a freed buffer goes straight to the next page of that size.
///
/// Free buffers beyond `spareBytes` are given back by releasing slabs that are entirely free, so a burst (a huge
/// transaction's overlay) does not stay resident for the life of the process.
///
/// Guarded mode: a write past the end of a slab's page lands in the next page, where neither AddressSanitizer nor
/// valgrind can see it. With `ESENT_PAGE_MEMORY=guarded`, or in a process that runs under one of those tools, each
/// buffer is an allocation of its own, freed when it is given back, so the tools' red zones surround every page.
/// The mode is decided once, when the first page is taken.
final class PageMemory: Sendable {
    static let shared = PageMemory(guarded: guardedByEnvironment())

    /// Every buffer from malloc and back to free (see above).
    let guarded: Bool
    /// Guarded mode's buffers allocated and freed so far (tests count them).
    let guardedTaken = Atomic<Int>(0)
    let guardedFreed = Atomic<Int>(0)

    init(guarded: Bool) { self.guarded = guarded }

    /// `ESENT_PAGE_MEMORY=guarded` or `=slabs` decides; without it, guarded under valgrind (its preload libraries
    /// are in LD_PRELOAD) or AddressSanitizer (its runtime, loaded in the process, exports `__asan_init`).
    static func guardedByEnvironment() -> Bool {
        if let mode = getenv("ESENT_PAGE_MEMORY") { return String(cString: mode) == "guarded" }
        if let preload = getenv("LD_PRELOAD"), String(cString: preload).contains("vgpreload") { return true }
        return dlsym(nil, "__asan_init") != nil
    }

    /// Bytes of one slab (a multiple of every page size; allocated at this alignment, so a buffer finds its slab
    /// by masking its address).
    private static let slabBytes = 1 << 18
    /// Free buffers kept of one size before entirely free slabs are given back.
    private static let spareBytes = 4 << 20

    private struct Pool {
        /// Free buffers' addresses (plain numbers: the pointers are not Sendable).
        var free: [UInt] = []
        /// Free buffers in each slab, by the slab's address.
        var freeInSlab: [UInt: Int] = [:]
        /// Free count at which entirely free slabs are looked for next.
        var trimAt = 0
    }

    /// One pool per page size that divides a slab, by the size's power of two.
    private let pools = Mutex<[Pool]>(Array(repeating: Pool(), count: 64))

    /// A buffer of `size` bytes (a page size dividing the slab size), 64-byte aligned, contents undefined; nil
    /// when memory ran out.
    func take(_ size: Int) -> UnsafeMutableRawPointer? {
        if guarded {
            guard let buffer = Self.single(size) else { return nil }
            guardedTaken.add(1, ordering: .relaxed)
            return buffer
        }
        guard size >= 64, size.nonzeroBitCount == 1, Self.slabBytes % size == 0 else { return Self.single(size) }
        let index = size.trailingZeroBitCount
        let address = pools.withLock { pools -> UInt? in Self.take(&pools[index], size: size) }
        return address.flatMap { UnsafeMutableRawPointer(bitPattern: $0) }
    }

    private static func take(_ pool: inout Pool, size: Int) -> UInt? {
        if pool.free.isEmpty {
            guard let slab = SystemCalls.mapMemory(slabBytes, alignment: slabBytes) else { return nil }
            let count = slabBytes / size
            let base = UInt(bitPattern: slab)
            // Highest address first onto the stack, so the slab is used from its start.
            for i in stride(from: count - 1, through: 0, by: -1) { pool.free.append(base + UInt(i * size)) }
            pool.freeInSlab[base] = count
        }
        let buffer = pool.free.removeLast()
        pool.freeInSlab[slab(of: buffer), default: 1] -= 1
        return buffer
    }

    /// Gives back a buffer from `take` with the same size.
    func give(_ buffer: UnsafeMutableRawPointer, size: Int) {
        if guarded {
            free(buffer)
            guardedFreed.add(1, ordering: .relaxed)
            return
        }
        guard size >= 64, size.nonzeroBitCount == 1, Self.slabBytes % size == 0 else {
            free(buffer)
            return
        }
        let address = UInt(bitPattern: buffer)
        let index = size.trailingZeroBitCount
        pools.withLock { pools in Self.give(address, to: &pools[index], size: size) }
    }

    private static func give(_ address: UInt, to pool: inout Pool, size: Int) {
        pool.free.append(address)
        pool.freeInSlab[slab(of: address), default: 0] += 1
        let spare = max(spareBytes / size, 2 * slabBytes / size)
        if pool.free.count > max(pool.trimAt, spare) { trim(&pool, size: size, spare: spare) }
    }

    /// Releases the slabs whose buffers are all free. Looked for again only when the free list doubled, so a
    /// pool whose free buffers are spread over busy slabs is not walked at every give.
    private static func trim(_ pool: inout Pool, size: Int, spare: Int) {
        let perSlab = slabBytes / size
        var empty = Set<UInt>()
        for (slab, free) in pool.freeInSlab where free == perSlab { empty.insert(slab) }
        if !empty.isEmpty {
            pool.free.removeAll { empty.contains(slab(of: $0)) }
            for slab in empty {
                pool.freeInSlab[slab] = nil
                if let memory = UnsafeMutableRawPointer(bitPattern: slab) {
                    SystemCalls.unmapMemory(memory, slabBytes)
                }
            }
        }
        pool.trimAt = max(spare, 2 * pool.free.count)
    }

    @inline(__always)
    private static func slab(of address: UInt) -> UInt { address & ~UInt(slabBytes - 1) }

    /// A buffer of an odd size (no page size is one): straight from malloc.
    private static func single(_ size: Int) -> UnsafeMutableRawPointer? {
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, 64, max(size, 1)) == 0 else { return nil }
        return memory
    }
}
