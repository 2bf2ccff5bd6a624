import Glibc
import Synchronization
import SystemPackage
import Testing

@testable import EsentCore

/// A database file and a log in a temporary folder, with a paged store on them.
final class EngineFixture {
    let folder = StorageTempFolder()
    let dbPath: String
    let sign = Signature.make()
    var file: DatabaseFile?
    var log: LogStream?
    var store: PagedTreeStore
    let settings: PagedStoreSettings
    static let pageSize = 8192
    static let logBytes = 256 * 1024

    init(settings: PagedStoreSettings = PagedStoreSettings(), logging: Bool = true) throws {
        self.settings = settings
        dbPath = folder.path + "e.edb"
        var header = DatabaseHeader.new(pageSize: Self.pageSize)
        header.signDb = sign
        file = try DatabaseFile.create(path: FilePath(dbPath), pageSize: Self.pageSize, dataPages: 16, header: header, overwrite: false)
        store = PagedTreeStore(settings: settings)
        if logging {
            log = try openLog()
            try log?.append(.attachDatabase(dbid: 1, path: dbPath, signDb: sign), flush: true)
        }
        try store.register(dbid: 1, file: file!)
    }

    func openLog() throws -> LogStream {
        try LogStream.open(
            logDirectory: FilePath(folder.path), systemDirectory: FilePath(folder.path), names: LogFileNames(base: "edb"),
            fileSize: Self.logBytes, pageTarget: { $0.path.isEmpty ? nil : FilePath($0.path) }
        ).0
    }

    /// A crash: the log loses what was not flushed, cached pages are lost, files stay as written. Then recovery
    /// (replay with page redo) and a fresh store on the file.
    func crashAndRecover() throws {
        try log?.close(clean: false)
        log = nil
        store.unregister(dbid: 1)
        file = nil
        log = try openLog()
        file = try DatabaseFile.open(path: FilePath(dbPath), readOnly: false)
        store = PagedTreeStore(settings: settings)
        try store.register(dbid: 1, file: file!)
    }

    func commit(_ t: any TreeTransaction, lazy: Bool = false) throws { try t.commit(lazy: lazy, log: log) }
}

/// `prefix` then `n` in decimal, zero-padded to `width` digits.
func pad(_ prefix: String, _ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

let engineCatalog = TreeID(dbid: 1, objid: TreeID.catalogObjid)

@Suite(.serialized)
struct EngineTests {
    @Test func freshDatabaseReadsEmptyAndCommitsAreVisibleToLaterSnapshots() throws {
        let f = try EngineFixture()
        let t0 = f.store.begin(readOnly: true)
        #expect(try t0.count(engineCatalog, limit: .max) == 0)
        #expect(try t0.dump(engineCatalog) == [])
        #expect(throws: StorageError.treeNotFound) { try t0.cursor(TreeID(dbid: 1, objid: 9)) }
        let w = f.store.begin(readOnly: false)
        try w.put(engineCatalog, "b", "2")
        try w.put(engineCatalog, "a", "1")
        let tree = try w.createTree(dbid: 1)
        try w.put(tree, "x", "y")
        #expect(throws: StorageError.keyDuplicate) { try w.put(engineCatalog, "a", "again") }
        try f.commit(w)
        #expect(try t0.dump(engineCatalog) == [])
        let t1 = f.store.begin(readOnly: true)
        #expect(try t1.dump(engineCatalog) == ["a=1", "b=2"])
        #expect(try t1.dump(tree) == ["x=y"])
        #expect(f.store.statistics.pagesLogged > 0)
    }

    @Test func savepointLevelsRollBackOnTheirOwn() throws {
        let f = try EngineFixture()
        let t = f.store.begin(readOnly: false)
        try t.put(engineCatalog, "a", "1")
        try t.beginLevel()
        try t.put(engineCatalog, "b", "2")
        try t.set(engineCatalog, "a", "one")
        try t.beginLevel()
        try t.remove(engineCatalog, "a")
        #expect(try t.dump(engineCatalog) == ["b=2"])
        t.rollbackLevel()
        #expect(try t.dump(engineCatalog) == ["a=one", "b=2"])
        try t.beginLevel()
        try t.put(engineCatalog, "c", "3")
        t.commitLevel()
        #expect(t.level == 2)
        t.rollbackLevel()
        #expect(try t.dump(engineCatalog) == ["a=1"])
        try f.commit(t)
        #expect(try f.store.begin(readOnly: true).dump(engineCatalog) == ["a=1"])
    }

    @Test func cursorFindsItsKeyAgainAfterWritesInItsTransaction() throws {
        let f = try EngineFixture()
        let t = f.store.begin(readOnly: false)
        for i in 0..<200 { try t.put(engineCatalog, pad("k", i, 4), String(repeating: "v", count: 60)) }
        let c = try t.cursor(engineCatalog)
        #expect(try c.seek("k0100", .eq))
        try t.remove(engineCatalog, "k0100")
        for i in 200..<400 { try t.put(engineCatalog, pad("k", i, 4), String(repeating: "w", count: 60)) }
        #expect(!c.isPositioned)
        #expect(try c.next())
        #expect(c.entryText?.hasPrefix("k0101=") == true)
        #expect(try c.previous())
        #expect(c.entryText?.hasPrefix("k0099=") == true)
    }

    /// Two transactions writing the same leaf: the first commit takes the fast path, the second finds its page
    /// changed and re-runs its operations on the latest pages; both writes survive.
    @Test func commitOnChangedPagesReRunsTheOperations() throws {
        let f = try EngineFixture()
        let setup = f.store.begin(readOnly: false)
        try setup.put(engineCatalog, "m", "0")
        try f.commit(setup)
        let a = f.store.begin(readOnly: false)
        let b = f.store.begin(readOnly: false)
        try a.put(engineCatalog, "a", "1")
        try b.put(engineCatalog, "z", "2")
        try f.commit(a)
        #expect(f.store.statistics.reexecutedCommits == 0)
        try f.commit(b)
        #expect(f.store.statistics.reexecutedCommits == 1)
        #expect(try f.store.begin(readOnly: true).dump(engineCatalog) == ["a=1", "m=0", "z=2"])
    }

    @Test func freedPagesAreReusedOnceNoSnapshotReadsThem() throws {
        let f = try EngineFixture()
        let t = f.store.begin(readOnly: false)
        let tree = try t.createTree(dbid: 1)
        for i in 0..<500 { try t.put(tree, pad("", i, 5), String(repeating: "x", count: 100)) }
        try f.commit(t)
        let reader = f.store.begin(readOnly: true)
        let d = f.store.begin(readOnly: false)
        try d.deleteTree(tree)
        try f.commit(d)
        // The reader still reads the deleted tree's pages.
        #expect(try reader.count(tree, limit: .max) == 500)
        reader.rollbackAll()
        let db = try #require(f.store.begin(readOnly: true) as? PagedTransaction).database(1)
        let before = db.freePageCount
        let e = f.store.begin(readOnly: false)
        try e.put(engineCatalog, "after", "1")
        try f.commit(e)  // releases the frees no snapshot needs
        #expect(db.freePageCount > before)
        #expect(throws: StorageError.treeNotFound) { try f.store.begin(readOnly: true).count(tree, limit: 1) }
    }

    @Test func transactionOverItsPageLimitFailsWithoutChangingAnything() throws {
        let f = try EngineFixture(settings: PagedStoreSettings(maxTransactionPages: 40))
        let t = f.store.begin(readOnly: false)
        var failure: StorageError?
        var i = 0
        while failure == nil && i < 10000 {
            do {
                try t.put(engineCatalog, pad("", i, 6), String(repeating: "x", count: 200))
            } catch let error as StorageError {
                failure = error
            }
            i += 1
        }
        #expect(failure == .versionStoreFull)
        #expect(try t.count(engineCatalog, limit: .max) == i - 1)
        try f.commit(t)
        #expect(try f.store.begin(readOnly: true).count(engineCatalog, limit: .max) == i - 1)
    }

    /// Every committed group comes back after a crash, lazy ones included when the log reached the disk, and
    /// nothing of the transaction that was open.
    @Test func crashRecoveryRedoesCommittedGroupsOnly() throws {
        let f = try EngineFixture()
        var expected: [String] = []
        for round in 0..<20 {
            let t = f.store.begin(readOnly: false)
            for i in 0..<20 {
                let key = pad("r", round, 2) + pad("-", i, 2)
                try t.put(engineCatalog, key, "v\(round)")
                expected.append("\(key)=v\(round)")
            }
            try f.commit(t, lazy: round % 3 == 0)
        }
        try f.log?.flush()
        do {
            // Open at the crash (its memory goes with the process).
            let open = f.store.begin(readOnly: false)
            try open.put(engineCatalog, "uncommitted", "x")
        }
        // The cached pages were never written: the file alone knows nothing.
        #expect(f.store.dirtyPageCount > 0)
        try f.crashAndRecover()
        #expect(try f.store.begin(readOnly: true).dump(engineCatalog) == expected.sorted())
    }

    /// The flushed pages and the moved checkpoint: after a flush the checkpoint is the current generation, and
    /// recovery from it still finds everything.
    @Test func flushWritesPagesAndMovesTheCheckpoint() throws {
        let f = try EngineFixture()
        let log = try #require(f.log)
        for round in 0..<40 {
            let t = f.store.begin(readOnly: false)
            try t.put(engineCatalog, pad("", round, 3), String(repeating: "p", count: 1500))
            try f.commit(t)
        }
        #expect(log.currentGeneration > 1)
        #expect(log.checkpointGeneration < log.currentGeneration)  // lags: pages unwritten
        try f.store.flush(dbid: nil, log: log)
        #expect(f.store.dirtyPageCount == 0)
        #expect(log.checkpointGeneration == log.currentGeneration)
        try f.crashAndRecover()
        #expect(try f.store.begin(readOnly: true).count(engineCatalog, limit: .max) == 40)
    }

    /// The checkpoint's floor comes from per-generation counts of the dirty pages: it must follow every insert,
    /// overwrite and removal exactly as a pass over the pages would.
    @Test func dirtyPagesOldestGenerationFollowsEveryChange() {
        var dirty = DirtyPages()
        var model: [PageKey: Int32] = [:]
        var random = EngineRandom(state: 7)
        #expect(dirty.oldestGeneration == nil)
        for step in 0..<3000 {
            let key = PageKey(dbid: UInt32(1 + random.below(2)), pgno: UInt32(random.below(200)))
            switch random.below(4) {
            case 0:
                dirty[key] = nil
                model[key] = nil
            case 1:
                dirty.removeAll { $0.dbid == key.dbid && $0.pgno < key.pgno / 8 }
                model = model.filter { !($0.key.dbid == key.dbid && $0.key.pgno < key.pgno / 8) }
            default:
                let generation = Int32(step / 100 + random.below(5))
                dirty[key] = generation
                model[key] = generation
            }
            #expect(dirty.count == model.count)
            #expect(dirty.oldestGeneration == model.values.min())
        }
        #expect(dirty.pages == model)
    }
}

/// A database copied page by page while commits run (and write pages, and roll the log) is fuzzy; replaying the
/// logs from the checkpoint at the copy's start over it gives exactly the committed state at the end.
@Suite(.serialized)
struct EngineFuzzyCopyTests {
    @Test func transactionsOlderThanADetachNeitherKeepTheFileNorReadItAfterwards() throws {
        let f = try EngineFixture()
        let w = f.store.begin(readOnly: false)
        let tree = try w.createTree(dbid: 1)
        for i in 0..<300 { try w.put(tree, pad("k", i, 4), String(repeating: "v", count: 80)) }
        try f.commit(w)
        try f.store.flush(dbid: 1, log: f.log)
        // One transaction has read the database (its pages are in its own memory), one has not touched it yet,
        // one has changes of its own to it.
        let reader = f.store.begin(readOnly: true)
        #expect(try reader.count(tree, limit: .max) == 300)
        let idle = f.store.begin(readOnly: true)
        let writer = f.store.begin(readOnly: false)
        try writer.put(tree, "new", "row")
        f.store.unregister(dbid: 1)
        f.file = nil
        // The file and its lock are gone at once: the same file opens (exclusively) again.
        let again = try DatabaseFile.open(path: FilePath(f.dbPath), readOnly: false)
        for t in [reader, idle, writer] {
            #expect(throws: StorageError.treeNotFound) { try t.count(tree, limit: .max) }
            #expect(throws: StorageError.treeNotFound) { try t.cursor(tree) }
        }
        #expect(throws: StorageError.treeNotFound) { try writer.put(tree, "more", "rows") }
        // The file attached again under the same dbid, and changed: transactions older than the attach read it as
        // it was attached (a transaction does not pin databases), except the one holding changes to the old one.
        try f.store.register(dbid: 1, file: again)
        let later = f.store.begin(readOnly: false)
        try later.put(tree, "later", "row")
        try later.set(tree, "k0000", "changed")
        try f.commit(later)
        for t in [reader, idle] {
            #expect(try t.count(tree, limit: .max) == 300)
            #expect(try t.dump(tree).first == "k0000=" + String(repeating: "v", count: 80))
        }
        #expect(throws: StorageError.treeNotFound) { try writer.count(tree, limit: .max) }
        // The writer's changes were to the detached database: its commit writes nothing into the new one.
        try f.commit(writer)
        reader.rollbackAll()
        idle.rollbackAll()
        let after = f.store.begin(readOnly: true)
        #expect(try after.count(tree, limit: .max) == 301)
        #expect(try after.dump(tree).contains("new=row") == false)
        #expect(try after.dump(tree).first == "k0000=changed")
    }

    @Test func replayOverAFuzzyCopyGivesTheCommittedState() throws {
        let f = try EngineFixture(settings: PagedStoreSettings(cacheMaxPages: 64, startFlushDirty: 8, stopFlushDirty: 2))
        let log = try #require(f.log)
        let model = MemoryTreeStore()
        model.register(dbid: 1)
        var random = EngineRandom(state: 42)
        func commitSome(_ n: Int) throws {
            let t = f.store.begin(readOnly: false)
            let m = model.begin(readOnly: false)
            for _ in 0..<n {
                let key = pad("k", random.below(2000), 4)
                let value = String(repeating: "abcdefgh", count: 1 + random.below(60))
                if outcome({ try m.put(engineCatalog, key, value) }) == nil {
                    try t.put(engineCatalog, key, value)
                } else if random.below(3) == 0 {
                    try m.remove(engineCatalog, key)
                    try t.remove(engineCatalog, key)
                } else {
                    try m.set(engineCatalog, key, value)
                    try t.set(engineCatalog, key, value)
                }
            }
            try f.commit(t, lazy: random.below(2) == 0)
            try m.commit(lazy: false, log: nil)
        }
        for _ in 0..<20 { try commitSome(30) }
        try f.store.flush(dbid: nil, log: log)
        // The backup's start: the checkpoint says where its logs begin.
        let first = log.checkpointGeneration
        let file = try #require(f.file)
        let pageSize = EngineFixture.pageSize
        let copyPath = f.folder.path + "copy.edb"
        try RawFile.write(copyPath, Array(try RawFile.read(f.dbPath)[0..<(2 * pageSize)]), truncate: true)
        let buffer = try PageBuffer(bytes: pageSize)
        defer { buffer.deallocate() }
        let last = file.pgnoLast
        for pgno in 1...last {
            try file.readVerifiedPages(firstPgno: pgno, count: 1, into: buffer.pointer)
            let bytes = Array(UnsafeRawBufferPointer(start: buffer.pointer, count: pageSize))
            try RawFile.write(copyPath, bytes, at: Int64(pgno + 1) * Int64(pageSize))
            if pgno % 2 == 0 { try commitSome(15) }
        }
        for _ in 0..<10 { try commitSome(20) }
        #expect(log.currentGeneration > first)
        #expect(f.store.statistics.pagesWritten > 0)
        try log.flush()
        let expected = try model.begin(readOnly: true).dump(engineCatalog)
        // Restore: the copy, then every complete group from the first generation on.
        let redo = PageRedo(attached: []) { $0.signDb == f.sign ? FilePath(copyPath) : nil }
        _ = try Replay.run(ReplayPlan(folders: [LogFolder(path: FilePath(f.folder.path), names: LogFileNames(base: "edb"))],
            firstGeneration: first)) { (record, _) throws(StorageFileError) in try redo.visit(record) }
        try redo.finish()
        #expect(redo.groupsApplied > 0)
        let restored = PagedTreeStore()
        try restored.register(dbid: 1, file: try DatabaseFile.open(path: FilePath(copyPath), readOnly: false))
        #expect(try restored.begin(readOnly: true).dump(engineCatalog) == expected)
        #expect(try f.store.begin(readOnly: true).dump(engineCatalog) == expected)
    }
}
