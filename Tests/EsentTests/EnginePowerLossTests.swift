import Glibc
import SystemPackage
import Testing

@testable import EsentCore

/// The paged engine under the power-loss simulator (IO/PowerLoss.swift): commits (durable and lazy) that write
/// pages when the cache fills, move the checkpoint and roll the log, with the power failing at a chosen write,
/// sync, create or rename. After the power comes back, recovery (replay with page redo) must give exactly the
/// first m committed transactions for some m: every acknowledged one, none that was never made, never half of
/// one. `make test` runs a seeded sample of crash points; `make test-crash` every one (ESENT_CRASH_POINTS=all).
@Suite(.serialized)
struct EnginePowerLossTests {
    static let pageSize = 8192
    static let commits = 24

    /// Keys of transaction i: "t<i>-<j>".
    static func keys(_ i: Int) -> [String] { (0..<6).map { pad("t", i, 3) + pad("-", $0, 2) } }

    /// Runs the commits; returns how many were acknowledged durable (a durable commit returned, or a lazy one
    /// followed by a durable one).
    static func workload(_ folder: String, dbPath: String, sign: Signature) -> (durable: Int, attempted: Int) {
        var durable = 0
        var attempted = 0
        do {
            let (log, _) = try LogStream.open(
                logDirectory: FilePath(folder), systemDirectory: FilePath(folder), names: LogFileNames(base: "edb"), fileSize: 64 * 1024,
                pageTarget: { $0.path.isEmpty ? nil : FilePath($0.path) })
            try log.append(.attachDatabase(dbid: 1, path: dbPath, signDb: sign), flush: true)
            let store = PagedTreeStore(settings: PagedStoreSettings(cacheMaxPages: 64, startFlushDirty: 6, stopFlushDirty: 2))
            try store.register(dbid: 1, file: try DatabaseFile.open(path: FilePath(dbPath), readOnly: false))
            for i in 0..<commits {
                let t = store.begin(readOnly: false)
                for key in keys(i) { try t.put(engineCatalog, key, String(repeating: "v", count: 700)) }
                let lazy = i % 4 == 1
                attempted = i + 1
                try t.commit(lazy: lazy, log: log)
                if !lazy { durable = i + 1 }
            }
            try store.flush(dbid: nil, log: log)
        } catch {
            // The power failed: every call after it fails.
        }
        return (durable, attempted)
    }

    /// One run; returns the crash points it saw.
    @discardableResult
    static func run(crashAt point: Int?, tear: PowerLoss.Tear) throws -> Int {
        let folder = StorageTempFolder()
        let dbPath = folder.path + "p.edb"
        let sign = Signature.make()
        var header = DatabaseHeader.new(pageSize: pageSize)
        header.signDb = sign
        _ = try DatabaseFile.create(path: FilePath(dbPath), pageSize: pageSize, dataPages: 4, header: header, overwrite: false)
        PowerLoss.start(folder: folder.path, crashAt: point, tear: tear)
        let (durable, attempted) = workload(folder.path, dbPath: dbPath, sign: sign)
        let crashed = PowerLoss.crashed
        let events = crashed ? PowerLoss.restore() : PowerLoss.stop()
        let place = "crash point \(point.map(String.init) ?? "none") of \(events), \(tear)"
        if !crashed { #expect(durable == commits, "\(place): the run failed without a crash") }
        let (log, _) = try LogStream.open(
            logDirectory: FilePath(folder.path), systemDirectory: FilePath(folder.path), names: LogFileNames(base: "edb"),
            fileSize: 64 * 1024, pageTarget: { $0.path.isEmpty ? nil : FilePath($0.path) })
        defer { try? log.close(clean: false) }
        let store = PagedTreeStore()
        try store.register(dbid: 1, file: try DatabaseFile.open(path: FilePath(dbPath), readOnly: false))
        let present = Set(try store.begin(readOnly: true).dump(engineCatalog).map { String($0.prefix { $0 != "=" }) })
        var m = 0
        while m < commits, keys(m).allSatisfy(present.contains) { m += 1 }
        let expected = Set((0..<m).flatMap(keys))
        #expect(present == expected, "\(place): a transaction is partly there, or one after a missing one")
        #expect(m >= durable, "\(place): acknowledged commits lost (\(m) of \(durable))")
        #expect(m <= attempted, "\(place): commits that were never made")
        return events
    }

    @Test func powerLossDuringCommitsPageWritesAndCheckpoints() throws {
        let total = try Self.run(crashAt: nil, tear: .nothing)
        #expect(total > 20)
        let all = getenv("ESENT_CRASH_POINTS").map { String(cString: $0) } == "all"
        var generator = SplitMix(seed: 20_261_210)
        var points: Set<Int> = [1, total]
        if all {
            points = Set(1...total)
        } else {
            while points.count < min(total, 24) { points.insert(Int(generator.next() % UInt64(total)) + 1) }
        }
        let tears: [PowerLoss.Tear] = [.nothing, .prefix(700), .sectors(0x5)]
        for point in points.sorted() {
            for tear in all ? tears : [tears[point % 3]] {
                do {
                    try Self.run(crashAt: point, tear: tear)
                } catch {
                    Issue.record("crash point \(point) of \(total), \(tear): recovery gave \(error)")
                }
            }
        }
        print("Engine power loss: \(total) crash points, \(points.count) tried")
    }
}
