import Synchronization

/// One database in the paged engine: its file, its page allocator and its tree directory.
///
/// Layout (docs/file-formats.md, "Tree directory and free space"): data page 1 is the root of the tree directory, a
/// B+tree whose keys are objids (4 bytes, big-endian, so they sort by number) and whose values are root page
/// numbers (UInt32 little-endian). objid 1 is the catalog; until something is written the directory page is all
/// zero and every tree reads as empty, so a freshly created database needs no initialization and no log record.
/// There is no free-space map on disk: the pages that no tree reaches are free, found by walking the trees when the
/// database is attached. objids are never reused: the next one is the directory's largest + 1.
package final class PagedDatabase: @unchecked Sendable {
    static let directoryRoot: UInt32 = 1

    let dbid: UInt32
    /// The open file, nil once the database is detached. Transactions keep this object for their snapshot, but
    /// detach must close the file (and free its lock) at once whatever they hold: a file descriptor number is
    /// reused by the kernel, so every use takes the file from here under the lock and holds it for the use.
    private let openFile: Mutex<DatabaseFile?>
    /// Set by `detach` before the database's cached pages are dropped: a transaction that began before the
    /// detach must not read pages of a database attached later under the same dbid.
    private let detachedFlag = Atomic<Bool>(false)
    let pageSize: Int
    /// The database's identity for the log (page images name it).
    let signDb: Signature

    private struct Allocation {
        /// Pages no tree uses and no snapshot can still read, lowest first taken last (a stack).
        var free: [UInt32] = []
        /// Every page number from here on is unused (past the last page any tree reached).
        var highWater: UInt32 = 2
        var nextObjid: UInt32 = 2
    }

    private let allocation = Mutex(Allocation())
    /// `file.pgnoLast`, for readers that do not hold the commit lock.
    let fileLast: Atomic<UInt32>

    init(dbid: UInt32, file: DatabaseFile) {
        self.dbid = dbid
        self.openFile = Mutex(file)
        self.fileLast = Atomic(file.pgnoLast)
        self.pageSize = file.pageSize
        self.signDb = file.header.signDb
    }

    var isDetached: Bool { detachedFlag.load(ordering: .acquiring) }

    /// Leaves the store: later uses of the file fail, and the file closes as soon as its other owners let go (a
    /// use in progress keeps it until that use ends).
    func detach() {
        detachedFlag.store(true, ordering: .releasing)
        openFile.withLock { $0 = nil }
    }

    /// Runs `body` on the file, which stays open until it returns; `.treeNotFound` once the database is detached.
    func withFile<R>(_ body: (DatabaseFile) throws(StorageError) -> R) throws(StorageError) -> R {
        guard let file = openFile.withLock({ $0 }) else { throw .treeNotFound }
        return try body(file)
    }

    /// A page number for a transaction's new page. Past the end of the file is fine: the file grows when the page
    /// is written.
    func reserve() throws(StorageError) -> UInt32 {
        try allocation.withLock { (a) throws(StorageError) -> UInt32 in
            if let pgno = a.free.popLast() { return pgno }
            guard a.highWater < DatabaseFile.maxPgnoLast else { throw .diskFull }
            let pgno = a.highWater
            a.highWater += 1
            return pgno
        }
    }

    /// Pages a transaction reserved and no longer needs (rolled back), or pages freed by a commit that no
    /// snapshot can read any more.
    func release(_ pages: [UInt32]) {
        guard !pages.isEmpty else { return }
        allocation.withLock { a in a.free.append(contentsOf: pages) }
    }

    func newObjid() throws(StorageError) -> UInt32 {
        try allocation.withLock { (a) throws(StorageError) -> UInt32 in
            guard a.nextObjid < UInt32.max else { throw .entryTooBig }
            defer { a.nextObjid += 1 }
            return a.nextObjid
        }
    }

    var freePageCount: Int { allocation.withLock { $0.free.count } }

    /// Finds the used pages and the largest objid by walking the directory and every tree in it, reading through
    /// `space` (the committed state). Everything else up to the end of the file is free.
    func scan(_ space: some PageSpace) throws(StorageError) {
        var used = Set<UInt32>()
        var maxObjid: UInt32 = 1
        let directory = try space.read(Self.directoryRoot)
        if !Self.isBlank(directory) {
            var roots: [UInt32] = []
            let cursor = BTreeCursor(space: space, root: Self.directoryRoot)
            var more = try cursor.first()
            while more {
                let entry = cursor.withEntry { key, value -> (UInt32, UInt32)? in
                    guard key.count == 4, value.count == 4 else { return nil }
                    return (Self.objid(key), value.loadUnaligned(as: UInt32.self).littleEndian)
                }
                guard let found = entry ?? nil else { throw .corrupt }
                let (objid, root) = found
                maxObjid = max(maxObjid, objid)
                roots.append(root)
                more = try cursor.next()
            }
            for root in [Self.directoryRoot] + roots {
                try BTree.forEachPage(space, root: root) { (pgno) throws(StorageError) in
                    guard used.insert(pgno).inserted else { throw .corrupt }  // a page in two places
                }
            }
        }
        let last = lastPage
        var free: [UInt32] = []
        if last >= 2 {
            for pgno in stride(from: last, through: 2, by: -1) where !used.contains(pgno) { free.append(pgno) }
        }
        let highWater = max(last + 1, (used.max() ?? 1) + 1, 2)
        allocation.withLock { a in
            a.free = free
            a.highWater = highWater
            a.nextObjid = maxObjid + 1
        }
    }

    /// A page nobody ever wrote (the file's formatted pages have a zero body).
    static func isBlank(_ page: PageRef) -> Bool {
        let body = UnsafeRawBufferPointer(
            start: page.bytes + DatabaseFile.PageOffset.body, count: page.pageSize - DatabaseFile.PageOffset.body)
        return body.allSatisfy { $0 == 0 }
    }

    static func directoryKey(_ objid: UInt32) -> [UInt8] {
        withUnsafeBytes(of: objid.bigEndian) { Array($0) }
    }

    static func objid(_ key: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(bigEndian: key.loadUnaligned(as: UInt32.self))
    }
}
