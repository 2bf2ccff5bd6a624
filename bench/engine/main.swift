// make bench-engine: the paged storage engine on a real database file and log in a temporary folder (argument 1,
// default /tmp): 100,000 entries (4-byte big-endian keys, 100-byte values) loaded in transactions of 5,000; then
// CPU ns per cached point lookup through TreeCursor (seek + reading the value), the lookup throughput of two
// threads against one, single-entry durable commits per second (each waits for the log's fdatasync) and the
// pages each of those commits logs. Figures only: nothing here asserts on time.
import EsentCore
import Glibc
import Synchronization
import SystemPackage

let folder = (CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "/tmp") + "/esent-engine-bench-\(getpid())/"
let entries = 100_000
let lookups = 1_000_000

func cpuNow() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

func wallNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func key(_ i: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(i).bigEndian) { Array($0) } }

func fail(_ what: String, _ error: Error) -> Never {
    print("bench-engine: \(what): \(error)")
    exit(1)
}

mkdir(folder, 0o755)
defer { _ = system("rm -rf '\(folder)'") }
let store = PagedTreeStore(settings: PagedStoreSettings(maxTransactionPages: 1 << 20))
let log: LogStream
do {
    var header = DatabaseHeader.new(pageSize: 8192)
    header.signDb = Signature.make()
    let file = try DatabaseFile.create(
        path: FilePath(folder + "bench.edb"), pageSize: 8192, dataPages: 256, header: header, overwrite: false)
    log = try LogStream.open(
        logDirectory: FilePath(folder), systemDirectory: FilePath(folder), names: LogFileNames(base: "edb"), fileSize: 5 << 20).0
    _ = try log.append(.attachDatabase(dbid: 1, path: folder + "bench.edb", signDb: header.signDb), flush: true)
    try store.register(dbid: 1, file: file)
} catch {
    fail("setup", error)
}
let tree = TreeID(dbid: 1, objid: TreeID.catalogObjid)
let value = [UInt8](repeating: 0x61, count: 100)
do {
    var i = 0
    while i < entries {
        let t = store.begin(readOnly: false)
        for j in i..<min(entries, i + 5000) {
            try key(j).withUnsafeBytes { k in try value.withUnsafeBytes { v in try t.insert(tree, key: k, value: v) } }
        }
        try t.commit(lazy: true, log: log)
        i += 5000
    }
    try log.flush()
} catch {
    fail("load", error)
}

/// Random point lookups in one read transaction; returns the CPU ns of each and the values' byte sum (so the
/// reads cannot be skipped).
func lookupRun(seed: UInt64, count: Int) -> (ns: Double, sum: Int) {
    let t = store.begin(readOnly: true)
    defer { t.rollbackAll() }
    var x = seed
    var sum = 0
    do {
        let cursor = try t.cursor(tree)
        let start = cpuNow()
        for _ in 0..<count {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
            let k = UInt32(x % UInt64(entries)).bigEndian
            let found = try withUnsafeBytes(of: k) { try cursor.seek($0, .eq) }
            guard found else { fail("lookup", StorageError.keyNotFound) }
            sum &+= cursor.withEntry { _, v in Int(v[0]) + v.count } ?? 0
        }
        return (Double(cpuNow() - start) / Double(count), sum)
    } catch {
        fail("lookup", error)
    }
}

_ = lookupRun(seed: 7, count: 200_000)  // warm the cache
let one = lookupRun(seed: 88_172_645_463_325_252, count: lookups)
print("cached point lookup through TreeCursor: \(Int(one.ns.rounded())) ns (CPU, \(lookups) random keys of \(entries))")

// Two threads, two transactions: lookups per wall second against one thread's.
func wallRate(threads: Int) -> Double {
    let start = wallNow()
    var ids: [pthread_t] = []
    for n in 0..<threads {
        var id = pthread_t()
        let seed = UInt64(n + 1) &* 0x9E37_79B9_7F4A_7C15
        let box = Unmanaged.passRetained(SeedBox(seed)).toOpaque()
        pthread_create(&id, nil, { raw in
            let box = Unmanaged<SeedBox>.fromOpaque(raw!).takeRetainedValue()
            _ = lookupRun(seed: box.seed, count: lookups / 2)
            return nil
        }, box)
        ids.append(id)
    }
    for id in ids { pthread_join(id, nil) }
    return Double(threads * lookups / 2) / (wallNow() - start)
}
final class SeedBox: @unchecked Sendable {
    let seed: UInt64
    init(_ seed: UInt64) { self.seed = seed }
}
let single = wallRate(threads: 1)
let double = wallRate(threads: 2)
print("lookups, two threads against one: \((double / single * 100).rounded() / 100)x (\(Int(single)) and \(Int(double)) per second)")

// Single-entry durable commits.
let commits = 2000
let before = store.statistics
let start = wallNow()
do {
    for i in 0..<commits {
        let t = store.begin(readOnly: false)
        try key(entries + i).withUnsafeBytes { k in try value.withUnsafeBytes { v in try t.insert(tree, key: k, value: v) } }
        try t.commit(lazy: false, log: log)
    }
} catch {
    fail("commits", error)
}
let seconds = wallNow() - start
let after = store.statistics
print("single-entry durable commits: \(Int((Double(commits) / seconds).rounded()))/s")
print("pages logged per commit: \(Double(after.pagesLogged - before.pagesLogged) / Double(after.commits - before.commits))")
print("  of which as changed ranges (deltas): \(Double(after.deltasLogged - before.deltasLogged) / Double(after.commits - before.commits))")
try? log.close(clean: false)
