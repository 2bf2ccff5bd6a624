// make bench-btree: the B+tree alone over pages in memory (MemoryPageSpace), 1M 4-byte big-endian keys with
// 100-byte values: CPU ns per sequential insert, per random point lookup (seek + reading the value), per entry of a
// full scan, per random insert; and heap allocations during the lookups and the scan, counted by bench/alloccount.c
// when it is preloaded (make bench-btree does). Figures only: nothing here asserts on time.
import EsentCore
import Glibc

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
let pageSize = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 8192 : 8192

/// This thread's CPU time: the machine is shared, and waiting for a core is not the tree's cost.
func now() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

func perOp(_ start: UInt64) -> String {
    let ns = Double(now() - start) / Double(count)
    return ns < 100 ? "\((ns * 10).rounded() / 10)" : "\(Int(ns.rounded()))"
}

/// The preloaded counter, if any.
let allocations: (@convention(c) () -> Int)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "esent_bench_allocations") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) () -> Int).self)
}()

/// 0..<n in a fixed pseudo-random order (Fisher-Yates with xorshift).
func shuffled(_ n: Int) -> [UInt32] {
    var order = (0..<n).map { UInt32($0) }
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for i in stride(from: n - 1, to: 0, by: -1) {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        order.swapAt(i, Int(state % UInt64(i + 1)))
    }
    return order
}

func run() throws(StorageError) {
    let value = [UInt8](repeating: 0x61, count: 100)
    let order = shuffled(count)
    let space = MemoryPageSpace(pageSize: pageSize)
    let root = try BTree.create(space)

    var start = now()
    try BTreeWorkload.insert(space, root: root, keys: 0..<UInt32(count), value: value)
    print("sequential insert: \(perOp(start)) ns/op (\(count) keys, \(pageSize)-byte pages, \(space.pageCount) pages)")

    let beforeLookups = allocations?() ?? 0
    start = now()
    let sum = try BTreeWorkload.lookUp(space, root: root, keys: order)
    print("random point lookup: \(perOp(start)) ns/op")
    let lookupAllocations = (allocations?() ?? 0) - beforeLookups

    let beforeScan = allocations?() ?? 0
    start = now()
    let keyBytes = try BTreeWorkload.scan(space, root: root)
    print("full scan: \(perOp(start)) ns/entry")
    let scanAllocations = (allocations?() ?? 0) - beforeScan
    if allocations != nil {
        print("heap allocations: \(lookupAllocations) in \(count) lookups, \(scanAllocations) in the scan (goal 0)")
    } else {
        print("heap allocations: not counted (make bench-btree preloads build/bin/alloccount.so)")
    }

    let random = MemoryPageSpace(pageSize: pageSize)
    let randomRoot = try BTree.create(random)
    start = now()
    try BTreeWorkload.insert(random, root: randomRoot, keys: order, value: value)
    print("random insert: \(perOp(start)) ns/op (\(random.pageCount) pages)")
    guard sum == count * 0x61, keyBytes == count * 4 else {
        print("wrong results: \(sum) \(keyBytes)")
        exit(1)
    }
}

do throws(StorageError) {
    try run()
} catch {
    print("failed: \(error)")
    exit(1)
}
