import CEsent
import Glibc
import SystemPackage
import Testing

@testable import EsentCore

// The power-loss harness (issue 6): each scenario runs once to count its crash points (every write, truncate,
// sync, create, rename and unlink the library makes), then again for each crash point chosen, with the power
// failing there (PowerLoss). After each crash, the next JetInit must succeed, every commit acknowledged as
// durable before the crash must be in the log, no commit that was never made may be, and every database file
// must attach.
//
// `make test` runs a seeded sample of crash points; `make test-crash` (ESENT_CRASH_POINTS=all) runs every point
// of every scenario with three variants of the write at the crash point (lost, torn to a prefix, torn sectors).
// ESENT_CRASH_SEED changes the sample.

/// What a scenario did before the crash, as far as its caller could tell.
final class CrashLedger {
    /// Commits acknowledged as durable (a durable commit returned; lazy ones once a later flush returned).
    var durable = 0
    /// Commits made at all (acknowledged or not).
    var attempted = 0
    /// Lazy commits not yet covered by a flush.
    var lazyPending = 0
    /// The commit check does not apply (a scenario that deletes logs on purpose).
    var countsLogs = true

    func committed(lazy: Bool) {
        attempted += 1
        if lazy {
            lazyPending += 1
        } else {
            durable += lazyPending + 1
            lazyPending = 0
        }
    }
}

struct CrashScenario: CustomStringConvertible, Sendable {
    var name: String
    var run: @Sendable (String, CrashLedger) throws -> Void
    /// Unrecorded preparation (files that exist before the power-loss window); its commits count too.
    var prepare: @Sendable (String, CrashLedger) throws -> Void

    init(
        name: String, run: @escaping @Sendable (String, CrashLedger) throws -> Void,
        prepare: @escaping @Sendable (String, CrashLedger) throws -> Void = { _, _ in }
    ) {
        self.name = name
        self.run = run
        self.prepare = prepare
    }

    var description: String { name }
}

@Suite(.serialized)
struct PowerLossTests {
    static let logKiB = 64

    static func start(_ folder: String) throws -> UInt {
        let handle = try Lifecycle.createInstance(name: "powerloss", displayName: nil)
        for id in [JET_paramSystemPath, JET_paramLogFilePath] {
            try Parameters.set(instance: handle, sesid: 0, paramid: UInt(id), integer: 0, string: folder)
        }
        try Parameters.set(
            instance: handle, sesid: 0, paramid: UInt(JET_paramTempPath), integer: 0, string: folder + "tmp.edb")
        try Parameters.set(
            instance: handle, sesid: 0, paramid: UInt(JET_paramLogFileSize), integer: UInt(logKiB), string: nil)
        do {
            _ = try Lifecycle.initialize(handle: handle)
        } catch {
            throw error.error
        }
        return handle
    }

    static func terminateAll() {
        let handles = registry.withLock { r in r.order.map(\.handle) }
        for handle in handles {
            _ = try? Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermAbrupt | JET_bitTermDirty))
        }
    }

    static func commit(_ sesid: UInt, lazy: Bool, _ ledger: CrashLedger) throws {
        try Sessions.beginTransaction(sesid)
        ledger.attempted += 1
        try Sessions.commit(sesid, grbit: lazy ? UInt(JET_bitCommitLazyFlush) : 0)
        ledger.attempted -= 1
        ledger.committed(lazy: lazy)
    }

    static let scenarios: [CrashScenario] = [
        CrashScenario(name: "commit and clean term") { folder, ledger in
            let handle = try start(folder)
            let sesid = try Sessions.begin(instance: handle)
            for _ in 0..<4 { try commit(sesid, lazy: false, ledger) }
            try Sessions.end(sesid, grbit: 0)
            _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        },
        CrashScenario(name: "lazy commits, a flush, dirty term") { folder, ledger in
            let handle = try start(folder)
            let sesid = try Sessions.begin(instance: handle)
            for _ in 0..<3 { try commit(sesid, lazy: true, ledger) }
            try commit(sesid, lazy: false, ledger)
            for _ in 0..<2 { try commit(sesid, lazy: true, ledger) }
            _ = try Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermDirty))
        },
        CrashScenario(name: "log roll and checkpoint update") { folder, ledger in
            let handle = try start(folder)
            let sesid = try Sessions.begin(instance: handle)
            for _ in 0..<2 {
                try commit(sesid, lazy: false, ledger)
                try Sessions.commit(sesid, grbit: UInt(JET_bitForceNewLog))
            }
            // Enough durable commits to fill a 64 KiB file (a sealed segment each), so the log rolls by itself too.
            for i in 0..<24 { try commit(sesid, lazy: i % 4 == 0, ledger) }
            try commit(sesid, lazy: false, ledger)
            _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        },
        CrashScenario(name: "create, detach, attach, detach") { folder, ledger in
            let handle = try start(folder)
            let sesid = try Sessions.begin(instance: handle)
            let path = folder + "db.edb"
            let dbid = try DatabaseOperations.create(sesid, path: path, grbit: 0)
            try commit(sesid, lazy: false, ledger)
            try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
            try DatabaseOperations.detach(sesid, path: path, grbit: 0)
            _ = try DatabaseOperations.attach(sesid, path: path, grbit: 0)
            try commit(sesid, lazy: false, ledger)
            try DatabaseOperations.detach(sesid, path: path, grbit: 0)
            _ = try Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermDirty))
        },
        CrashScenario(name: "create with overwrite, clean term") { folder, ledger in
            let handle = try start(folder)
            let sesid = try Sessions.begin(instance: handle)
            let path = folder + "db.edb"
            let dbid = try DatabaseOperations.create(sesid, path: path, grbit: UInt(JET_bitDbOverwriteExisting))
            try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
            try commit(sesid, lazy: false, ledger)
            try Sessions.end(sesid, grbit: 0)
            _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        } prepare: { folder, _ in
            // An older database at the same path, detached and clean.
            let handle = try start(folder)
            let sesid = try Sessions.begin(instance: handle)
            let dbid = try DatabaseOperations.create(sesid, path: folder + "db.edb", grbit: 0)
            try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
            try DatabaseOperations.detach(sesid, path: folder + "db.edb", grbit: 0)
            _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        },
        CrashScenario(name: "streaming backup with truncation") { folder, ledger in
            ledger.countsLogs = false
            let handle = try start(folder)
            let instance = try Registry.instance(handle)
            let sesid = try Sessions.begin(instance: handle)
            let path = folder + "db.edb"
            let dbid = try DatabaseOperations.create(sesid, path: path, grbit: 0)
            try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
            try Sessions.commit(sesid, grbit: UInt(JET_bitForceNewLog))
            try StreamingBackup.begin(instance, grbit: 0)
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 4096)
            defer { buffer.deallocate() }
            func copy(_ name: String) throws {
                var left = try StreamingBackup.openFile(instance, name: name)
                while left > 0 {
                    let n = try StreamingBackup.read(instance, handle: 0, into: buffer, count: 1 << 20)
                    if n == 0 { break }
                    left -= Int64(n)
                }
                try StreamingBackup.closeFile(instance, handle: 0)
            }
            try copy(path)
            for log in try StreamingBackup.logInfo(instance, .toCopy).paths { try copy(log) }
            try StreamingBackup.truncateLog(instance)
            try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndNormal))
            _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        },
        CrashScenario(name: "recovery itself") { folder, ledger in
            // The crash comes during the recovery of a dirty stream with an attached database.
            let handle = try start(folder)
            _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        } prepare: { folder, ledger in
            let handle = try start(folder)
            let sesid = try Sessions.begin(instance: handle)
            _ = try DatabaseOperations.create(sesid, path: folder + "db.edb", grbit: 0)
            try commit(sesid, lazy: false, ledger)
            _ = try Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermDirty))
        },
    ]

    /// Commit records in every log of `folder` (run after a successful JetInit).
    static func commitsInLog(_ folder: String) throws -> Int {
        let logFolder = LogFolder(path: FilePath(folder), names: LogFileNames(base: "edb"))
        let first = try Replay.scanArchives(logFolder).keys.min() ?? 0
        let current = try LogFileImage.open(path: logFolder.currentLogPath, expectedGeneration: nil).header.generation
        var commits = 0
        _ = try Replay.run(ReplayPlan(folders: [logFolder], firstGeneration: first == 0 ? current : first)) {
            record, _ throws(StorageFileError) in
            if case .commit = record { commits += 1 }
        }
        return commits
    }

    /// One run of `scenario`, crashing at `point` (nil: no crash). Returns the crash points the run saw.
    @discardableResult
    static func run(_ scenario: CrashScenario, crashAt point: Int?, tear: PowerLoss.Tear) throws -> Int {
        let folder = StorageTempFolder()
        defer { withExtendedLifetime(folder) { terminateAll() } }
        let ledger = CrashLedger()
        try scenario.prepare(folder.path, ledger)
        PowerLoss.start(folder: folder.path, crashAt: point, tear: tear)
        var failure: Error?
        do { try scenario.run(folder.path, ledger) } catch { failure = error }
        let crashed = PowerLoss.crashed
        terminateAll()
        let events = crashed ? PowerLoss.restore() : PowerLoss.stop()
        let where_ = "\(scenario.name), crash point \(point.map(String.init) ?? "none") of \(events), \(tear)"
        if !crashed, let failure { Issue.record("\(where_): the scenario failed without a crash: \(failure)") }
        // The next JetInit recovers.
        let handle: UInt
        do {
            handle = try start(folder.path)
        } catch {
            Issue.record("\(where_): JetInit after the crash gave \(error)")
            return events
        }
        if ledger.countsLogs {
            let commits = try commitsInLog(folder.path)
            #expect(commits >= ledger.durable, "\(where_): acknowledged commits lost")
            #expect(commits <= ledger.attempted, "\(where_): commits that were never made")
        }
        // Every database file attaches.
        let sesid = try Sessions.begin(instance: handle)
        for name in try SystemCalls.listDirectory(FilePath(folder.path)) where name.hasSuffix(".edb") && name != "tmp.edb" {
            do {
                _ = try DatabaseOperations.attach(sesid, path: folder.path + name, grbit: 0)
            } catch {
                Issue.record("\(where_): \(name) does not attach: \(error)")
            }
        }
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        return events
    }

    /// The crash points to try: all of them, or a seeded sample.
    static func points(_ total: Int, scenario index: Int) -> [Int] {
        guard total > 0 else { return [] }
        if let mode = getenv("ESENT_CRASH_POINTS").map({ String(cString: $0) }), mode == "all" {
            return Array(1...total)
        }
        let seed = getenv("ESENT_CRASH_SEED").flatMap { UInt64(String(cString: $0)) } ?? 20_261_202
        var generator = SplitMix(seed: seed &+ UInt64(index))
        var chosen: Set<Int> = [1, total]
        while chosen.count < min(total, 8) { chosen.insert(Int(generator.next() % UInt64(total)) + 1) }
        return chosen.sorted()
    }

    static var exhaustive: Bool { getenv("ESENT_CRASH_POINTS").map { String(cString: $0) } == "all" }

    @Test("issue 6: power loss at the crash points of every scenario", arguments: Array(scenarios.indices))
    func powerLoss(_ index: Int) throws {
        let scenario = Self.scenarios[index]
        let total = try Self.run(scenario, crashAt: nil, tear: .nothing)
        let tears: [PowerLoss.Tear] = Self.exhaustive ? [.nothing, .prefix(700), .sectors(0x5)] : [.nothing]
        var explored = 0
        var generator = SplitMix(seed: UInt64(index) &* 7919)
        for point in Self.points(total, scenario: index) {
            // The sample alternates the variants of the write at the crash point.
            let variants = Self.exhaustive ? tears : [[.nothing, .prefix(700), .sectors(0x5)][Int(generator.next() % 3)]]
            for tear in variants {
                try Self.run(scenario, crashAt: point, tear: tear)
                explored += 1
            }
        }
        print("Power loss: \(scenario.name): \(total) crash points, \(explored) crash runs")
    }
}

/// A small seeded generator (SplitMix64), so a sample is the same on every run with the same seed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
