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
    /// The commit check does not apply (a scenario that deletes logs on purpose, or one whose DDL commits too).
    var countsLogs = true
    /// A scenario whose commits insert rows: commit i (counted by `committed`) inserted `RowScenario.keys(i)`.
    var rows: RowScenario?
    /// The log files (names) a streaming backup was told to copy, and those of them it got a whole copy of, equal
    /// to the file: a log it had to copy may be gone afterwards only if it was copied.
    var logsToCopy: Set<String> = []
    var logsCopied: Set<String> = []

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
                var copied: [UInt8] = []
                var left = try StreamingBackup.openFile(instance, name: name)
                while left > 0 {
                    let n = try StreamingBackup.read(instance, handle: 0, into: buffer, count: 1 << 20)
                    if n == 0 { break }
                    copied += UnsafeRawBufferPointer(start: buffer, count: n)
                    left -= Int64(n)
                }
                try StreamingBackup.closeFile(instance, handle: 0)
                if name.hasSuffix(".log"), copied == rawContents(name) { ledger.logsCopied.insert(fileName(name)) }
            }
            try copy(path)
            let logs = try StreamingBackup.logInfo(instance, .toCopy).paths
            ledger.logsToCopy = Set(logs.map(fileName))
            for log in logs { try copy(log) }
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
        CrashScenario(name: "rows in a table") { folder, ledger in
            try RowScenario.run(folder, ledger)
        },
    ]

    /// The log files (`*.log`) in `folder`, by name.
    static func logFiles(_ folder: String) -> [String] {
        ((try? SystemCalls.listDirectory(FilePath(folder))) ?? []).filter { $0.hasSuffix(".log") }
    }

    static func fileName(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }

    /// A file's bytes read directly (not through SystemCalls, so neither counted nor faulted); nil if unreadable.
    static func rawContents(_ path: String) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

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
        try checkAfterCrash(folder.path, ledger, where_)
        return events
    }

    /// What must hold once the process is gone (crashed or terminated), whatever happened before: the next JetInit
    /// recovers; every commit acknowledged as durable is in the log and none that was never made; every row
    /// commit acknowledged is in its table, none that was not made, never half of one; every database file
    /// attaches; a log the streaming backup deleted had been copied whole. Shared by the power-loss harness and
    /// the fault sweep (FaultSweepTests).
    static func checkAfterCrash(_ folder: String, _ ledger: CrashLedger, _ where_: String) throws {
        // A log deleted by JetTruncateLog (the names are durable at once in both models) must have been copied.
        let present = Set(logFiles(folder))
        for lost in ledger.logsToCopy.subtracting(present) where !ledger.logsCopied.contains(lost) {
            Issue.record("\(where_): \(lost) was deleted but the backup never had a whole copy of it")
        }
        // The next JetInit recovers.
        let handle: UInt
        do {
            handle = try start(folder)
        } catch {
            Issue.record("\(where_): JetInit after the crash gave \(error)")
            return
        }
        defer { _ = try? Lifecycle.terminate(handle: handle, grbit: 0) }
        if ledger.countsLogs {
            let commits = try commitsInLog(folder)
            #expect(commits >= ledger.durable, "\(where_): acknowledged commits lost (\(commits) of \(ledger.durable))")
            #expect(commits <= ledger.attempted, "\(where_): commits that were never made")
        }
        // Every database file attaches.
        let sesid = try Sessions.begin(instance: handle)
        for name in try SystemCalls.listDirectory(FilePath(folder)) where name.hasSuffix(".edb") && name != "tmp.edb" {
            do {
                _ = try DatabaseOperations.attach(sesid, path: folder + name, grbit: 0)
            } catch {
                Issue.record("\(where_): \(name) does not attach: \(error)")
            }
        }
        if let rows = ledger.rows { try rows.check(folder, sesid: sesid, ledger, where_) }
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

/// The ISAM scenario through the API: a database, a table with a key and a value column, then commits of six
/// rows each (every third lazy), then a clean JetTerm. After the crash the table must hold exactly the rows of the
/// first m commits, with every acknowledged commit among them and none that was never made.
struct RowScenario: Sendable {
    static let database = "rows.edb"
    static let table = "rows"
    static let commits = 10
    static let rowsPerCommit = 6
    /// The most a variable Binary column holds (long values are not stored yet).
    static let valueBytes = 255

    static func keys(_ commit: Int) -> [Int32] { (0..<rowsPerCommit).map { Int32(commit * 100 + $0) } }

    static func value(_ key: Int32) -> [UInt8] { (0..<valueBytes).map { UInt8(truncatingIfNeeded: Int($0) &* 7 &+ Int(key)) } }

    static func name(_ text: String) -> NameInput { .success(Array(text.utf8)) }

    static func run(_ folder: String, _ ledger: CrashLedger) throws {
        ledger.countsLogs = false
        ledger.rows = RowScenario()
        let handle = try PowerLossTests.start(folder)
        let sesid = try Sessions.begin(instance: handle)
        let dbid = UInt(try DatabaseOperations.create(sesid, path: folder + database, grbit: 0))
        let tableid = try SchemaCalls.createTable(sesid: sesid, dbid: dbid, name: name(table), pages: 0, density: 0)
        let key = try SchemaCalls.addColumn(
            sesid: sesid, tableid: tableid, name: name("k"), definition: ColumnDefinition(coltyp: UInt(JET_coltypLong))
        ).columnid
        let data = try SchemaCalls.addColumn(
            sesid: sesid, tableid: tableid, name: name("v"),
            definition: ColumnDefinition(coltyp: UInt(JET_coltypBinary), cbMax: UInt(valueBytes))
        ).columnid
        for i in 0..<commits {
            let lazy = i % 3 == 1
            try Sessions.beginTransaction(sesid)
            ledger.attempted += 1
            for k in keys(i) {
                try Updates.prepareUpdate(sesid: sesid, tableid: tableid, prep: UInt(JET_prepInsert))
                var k32 = k
                _ = try withUnsafeBytes(of: &k32) { b in
                    try Updates.setColumn(sesid: sesid, tableid: tableid, columnid: UInt(key), data: b, grbit: 0)
                }
                _ = try value(k).withUnsafeBytes { b in
                    try Updates.setColumn(sesid: sesid, tableid: tableid, columnid: UInt(data), data: b, grbit: 0)
                }
                _ = try Updates.update(sesid: sesid, tableid: tableid, bookmarkOut: nil, grbit: 0)
            }
            try Sessions.commit(sesid, grbit: lazy ? UInt(JET_bitCommitLazyFlush) : 0)
            ledger.attempted -= 1
            ledger.committed(lazy: lazy)
        }
        try TableCursors.closeTable(sesid: sesid, tableid: tableid)
        try Sessions.end(sesid, grbit: 0)
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
    }

    /// Run after the recovering JetInit, with every database attached to `sesid`.
    func check(_ folder: String, sesid: UInt, _ ledger: CrashLedger, _ where_: String) throws {
        let path = folder + Self.database
        guard SystemCalls.status(FilePath(path)) != nil else {
            #expect(ledger.durable == 0, "\(where_): the database with acknowledged rows is gone")
            return
        }
        let dbid = UInt(try DatabaseOperations.open(sesid, path: path, grbit: 0))
        let tableid: UInt
        do {
            tableid = try TableCursors.openTable(sesid: sesid, dbid: dbid, name: Self.table, grbit: 0)
        } catch JetError.objectNotFound {
            #expect(ledger.durable == 0, "\(where_): the table with acknowledged rows is gone")
            return
        }
        defer { _ = try? TableCursors.closeTable(sesid: sesid, tableid: tableid) }
        func column(_ text: String) throws -> UInt? {
            do {
                return UInt(try SchemaCalls.columnInfo(sesid: sesid, tableid: tableid, lookup: .name(Self.name(text))).columnid)
            } catch JetError.columnNotFound {
                return nil
            }
        }
        // Each DDL call commits on its own: a crash between them leaves the table without its later columns.
        guard let key = try column("k"), let data = try column("v") else {
            #expect(ledger.durable == 0, "\(where_): a column of the table with acknowledged rows is gone")
            return
        }
        var present: [Int32: [UInt8]] = [:]
        do {
            try Navigation.move(sesid: sesid, tableid: tableid, rows: Navigation.moveFirst, grbit: 0)
            while true {
                var k: Int32 = 0
                _ = try withUnsafeMutableBytes(of: &k) { b in
                    try Updates.retrieveColumn(sesid: sesid, tableid: tableid, columnid: key, into: b, grbit: 0, itagSequence: 1)
                }
                var v = [UInt8](repeating: 0, count: Self.valueBytes + 1)
                let (n, _) = try v.withUnsafeMutableBytes { b in
                    try Updates.retrieveColumn(sesid: sesid, tableid: tableid, columnid: data, into: b, grbit: 0, itagSequence: 1)
                }
                present[k] = Array(v.prefix(n))
                try Navigation.move(sesid: sesid, tableid: tableid, rows: 1, grbit: 0)
            }
        } catch JetError.noCurrentRecord {}
        var m = 0
        while m < Self.commits, Self.keys(m).allSatisfy({ present[$0] != nil }) { m += 1 }
        let expected = Set((0..<m).flatMap(Self.keys))
        #expect(Set(present.keys) == expected, "\(where_): a transaction is partly there, or one after a missing one")
        for (k, v) in present where v != Self.value(k) { Issue.record("\(where_): row \(k) has the wrong value") }
        #expect(m >= ledger.durable, "\(where_): acknowledged row commits lost (\(m) of \(ledger.durable))")
        #expect(m <= ledger.attempted, "\(where_): row commits that were never made")
    }
}
