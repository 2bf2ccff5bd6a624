import Testing

@testable import EsentCore

/// Byte helpers for the tree tests: keys and values as short strings.
func withBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try Array(text.utf8).withUnsafeBytes(body)
}

extension TreeTransaction {
    func put(_ tree: TreeID, _ key: String, _ value: String) throws {
        try withBytes(key) { k in try withBytes(value) { v in try insert(tree, key: k, value: v) } }
    }
    func set(_ tree: TreeID, _ key: String, _ value: String) throws {
        try withBytes(key) { k in try withBytes(value) { v in try replace(tree, key: k, value: v) } }
    }
    func remove(_ tree: TreeID, _ key: String) throws {
        try withBytes(key) { k in try delete(tree, key: k) }
    }
    /// Every entry of the tree as "key=value", in order, read with a fresh cursor.
    func dump(_ tree: TreeID) throws -> [String] {
        let cursor = try cursor(tree)
        var out: [String] = []
        var more = try cursor.first()
        while more {
            if let entry = cursor.entryText { out.append(entry) }
            more = try cursor.next()
        }
        return out
    }
}

extension TreeCursor {
    var entryText: String? {
        withEntry { k, v in String(decoding: k, as: UTF8.self) + "=" + String(decoding: v, as: UTF8.self) }
    }
    func seek(_ key: String, _ mode: TreeSeek) throws -> Bool { try withBytes(key) { try seek($0, mode) } }
}

/// MemoryTreeStore (Storage/Trees/MemoryTreeStore.swift): the reference model's isolation, savepoints and cursors.
struct TreeModelTests {
    let store = MemoryTreeStore()
    let catalog = TreeID(dbid: 1, objid: TreeID.catalogObjid)

    init() { store.register(dbid: 1) }

    @Test func catalogExistsEmptyOnceRegistered() throws {
        let t = store.begin(readOnly: false)
        #expect(try t.count(catalog, limit: .max) == 0)
        #expect(throws: StorageError.treeNotFound) { try t.count(TreeID(dbid: 2, objid: 1), limit: .max) }
        #expect(throws: StorageError.treeNotFound) { try t.createTree(dbid: 2) }
    }

    @Test func insertReplaceDeleteAndTheirErrors() throws {
        let t = store.begin(readOnly: false)
        try t.put(catalog, "b", "2")
        try t.put(catalog, "a", "1")
        try t.put(catalog, "ab", "3")
        #expect(throws: StorageError.keyDuplicate) { try t.put(catalog, "a", "x") }
        try t.set(catalog, "a", "one")
        #expect(throws: StorageError.keyNotFound) { try t.set(catalog, "zz", "x") }
        #expect(throws: StorageError.keyNotFound) { try t.remove(catalog, "zz") }
        try t.remove(catalog, "b")
        // memcmp, then the shorter first.
        #expect(try t.dump(catalog) == ["a=one", "ab=3"])
        #expect(try t.count(catalog, limit: 1) == 1)
    }

    @Test func snapshotSeesOnlyCommitsBeforeItBegan() throws {
        let writer = store.begin(readOnly: false)
        try writer.put(catalog, "k", "v1")
        let early = store.begin(readOnly: true)
        try writer.commit(lazy: false, log: nil)
        let late = store.begin(readOnly: true)
        #expect(try early.dump(catalog) == [])
        #expect(try late.dump(catalog) == ["k=v1"])
        let second = store.begin(readOnly: false)
        try second.set(catalog, "k", "v2")
        // Uncommitted changes are the writer's own.
        #expect(try late.dump(catalog) == ["k=v1"])
        #expect(try second.dump(catalog) == ["k=v2"])
        second.rollbackAll()
        #expect(try store.begin(readOnly: true).dump(catalog) == ["k=v1"])
    }

    @Test func commitAppliesToTheLatestStateNotTheSnapshot() throws {
        let a = store.begin(readOnly: false)
        let b = store.begin(readOnly: false)
        try a.put(catalog, "a", "1")
        try b.put(catalog, "b", "2")
        try a.commit(lazy: false, log: nil)
        try b.commit(lazy: true, log: nil)
        #expect(try store.begin(readOnly: true).dump(catalog) == ["a=1", "b=2"])
    }

    @Test func readOnlyAndFinishedTransactionsRefuseWrites() throws {
        let r = store.begin(readOnly: true)
        #expect(r.isReadOnly)
        #expect(throws: StorageError.readOnly) { try r.put(catalog, "a", "1") }
        #expect(throws: StorageError.readOnly) { try r.createTree(dbid: 1) }
        let w = store.begin(readOnly: false)
        try w.commit(lazy: false, log: nil)
        #expect(w.level == 0)
        #expect(throws: StorageError.readOnly) { try w.put(catalog, "a", "1") }
    }

    @Test func savepointsRollBackExactlyTheInnermostLevel() throws {
        let t = store.begin(readOnly: false)
        #expect(t.level == 1)
        try t.put(catalog, "1", "a")
        try t.beginLevel()
        try t.put(catalog, "2", "b")
        try t.beginLevel()
        #expect(t.level == 3)
        try t.put(catalog, "3", "c")
        try t.remove(catalog, "1")
        t.rollbackLevel()
        #expect(t.level == 2)
        #expect(try t.dump(catalog) == ["1=a", "2=b"])
        try t.beginLevel()
        try t.set(catalog, "2", "B")
        t.commitLevel()
        #expect(t.level == 2)
        #expect(try t.dump(catalog) == ["1=a", "2=B"])
        t.rollbackLevel()
        #expect(try t.dump(catalog) == ["1=a"])
        try t.beginLevel()
        try t.put(catalog, "4", "d")
        t.commitLevel()
        try t.commit(lazy: false, log: nil)
        #expect(try store.begin(readOnly: true).dump(catalog) == ["1=a", "4=d"])
    }

    @Test func treesAreVersionedAndRolledBackLikeData() throws {
        let t = store.begin(readOnly: false)
        let tree = try t.createTree(dbid: 1)
        #expect(tree.objid > TreeID.catalogObjid)
        try t.put(tree, "x", "1")
        let other = store.begin(readOnly: false)
        let otherTree = try other.createTree(dbid: 1)
        #expect(otherTree != tree)
        #expect(throws: StorageError.treeNotFound) { try other.count(tree, limit: .max) }
        try t.commit(lazy: false, log: nil)
        other.rollbackAll()
        let d = store.begin(readOnly: false)
        #expect(try d.dump(tree) == ["x=1"])
        #expect(throws: StorageError.treeNotFound) { try d.count(otherTree, limit: .max) }
        try d.beginLevel()
        try d.deleteTree(tree)
        #expect(throws: StorageError.treeNotFound) { try d.cursor(tree) }
        d.rollbackLevel()
        #expect(try d.dump(tree) == ["x=1"])
        #expect(throws: StorageError.treeNotFound) { try d.deleteTree(catalog) }
        try d.deleteTree(tree)
        try d.commit(lazy: false, log: nil)
        #expect(throws: StorageError.treeNotFound) { try store.begin(readOnly: true).count(tree, limit: .max) }
    }

    @Test func unregisteringForgetsTheDatabaseAndOldTransactionsCannotWriteIntoItsSuccessor() throws {
        let t = store.begin(readOnly: false)
        try t.put(catalog, "old", "1")
        store.unregister(dbid: 1)
        #expect(throws: StorageError.treeNotFound) { try store.begin(readOnly: true).count(catalog, limit: .max) }
        store.register(dbid: 1)
        try t.commit(lazy: false, log: nil)
        #expect(try store.begin(readOnly: true).dump(catalog) == [])
    }

    @Test func seekModes() throws {
        let t = store.begin(readOnly: false)
        for k in ["b", "d", "f"] { try t.put(catalog, k, k) }
        let c = try t.cursor(catalog)
        #expect(try c.seek("c", .ge) && c.entryText == "d=d")
        #expect(try c.seek("d", .ge) && c.entryText == "d=d")
        #expect(try c.seek("c", .le) && c.entryText == "b=b")
        #expect(try c.seek("f", .le) && c.entryText == "f=f")
        #expect(try c.seek("f", .eq) && c.entryText == "f=f")
        #expect(try !c.seek("e", .eq) && !c.isPositioned)
        #expect(try !c.seek("g", .ge) && c.entryText == nil)
        #expect(try c.previous() && c.entryText == "f=f")
        #expect(try !c.seek("a", .le))
        #expect(try c.next() && c.entryText == "b=b")
        #expect(try !c.previous() && !c.isPositioned)
        #expect(try !c.previous())
        #expect(try c.next() && c.entryText == "b=b")
        #expect(try c.last() && c.entryText == "f=f")
        #expect(try !c.next() && !c.isPositioned)
        #expect(try c.previous() && c.entryText == "f=f")
    }

    @Test func cursorsStayOnTheirKeyAcrossWritesAndSitInTheGapOfADeletedOne() throws {
        let t = store.begin(readOnly: false)
        for k in ["b", "d", "f"] { try t.put(catalog, k, k) }
        let c = try t.cursor(catalog)
        #expect(try c.seek("d", .eq))
        try t.put(catalog, "a", "a")
        try t.put(catalog, "c", "c")
        #expect(c.entryText == "d=d")
        try t.set(catalog, "d", "D")
        #expect(c.entryText == "d=D")
        try t.remove(catalog, "d")
        #expect(!c.isPositioned && c.entryText == nil)
        #expect(try c.next() && c.entryText == "f=f")
        #expect(try c.seek("c", .eq))
        try t.remove(catalog, "c")
        #expect(try c.previous() && c.entryText == "b=b")
        // A savepoint's rollback moves the view back under the cursor, which refinds its key.
        try t.beginLevel()
        try t.remove(catalog, "a")
        #expect(try c.previous() == false)
        #expect(try c.next() && c.entryText == "b=b")
        t.rollbackLevel()
        #expect(try c.previous() && c.entryText == "a=a")
    }

    @Test func cursorsOfOtherTransactionsDoNotSeeUncommittedWrites() throws {
        let reader = store.begin(readOnly: true)
        let c = try reader.cursor(catalog)
        let writer = store.begin(readOnly: false)
        try writer.put(catalog, "k", "v")
        try writer.commit(lazy: false, log: nil)
        #expect(try !c.first())
    }

    @Test func concurrentTransactionsOnManyThreadsLoseNoCommit() async throws {
        let store = self.store
        let catalog = self.catalog
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for i in 0..<200 {
                        let t = store.begin(readOnly: false)
                        try? t.put(catalog, "w\(worker)-\(i)", "\(i)")
                        try? t.commit(lazy: true, log: nil)
                    }
                }
            }
        }
        #expect(try store.begin(readOnly: true).count(catalog, limit: .max) == 800)
    }

    @Test func storageErrorsMapToEseCodes() {
        #expect(JetError(StorageError.keyDuplicate) == .keyDuplicate)
        #expect(JetError(StorageError.keyNotFound) == .recordNotFound)
        #expect(JetError(StorageError.pageChecksum(pgno: 3)) == .readVerifyFailure)
        #expect(JetError(StorageError.pageWrongPlace(pgno: 3)) == .readPgnoVerifyFailure)
        #expect(JetError(StorageError.corrupt) == .databaseCorrupted)
        #expect(JetError(StorageError.diskFull) == .diskFull)
        #expect(JetError(StorageError.io(.ioError)) == .diskIO)
        #expect(JetError(StorageError.io(.noSpace)) == .diskFull)
        #expect(JetError(StorageError.logWriteFailed) == .logWriteFail)
        #expect(JetError(StorageError.outOfMemory) == .outOfMemory)
        #expect(JetError(StorageError.versionStoreFull) == .versionStoreOutOfMemory)
        #expect(JetError(StorageError.readOnly) == .databaseFileReadOnly)
        #expect(JetError(StorageError.entryTooBig) == .recordTooBig)
        #expect(JetError(StorageError.treeNotFound) == .objectNotFound)
    }
}
