import Glibc

/// A transaction of the paged engine. Its writes go to private copies of pages (the overlay, by page); reads look
/// in the overlay, then at the committed versions its snapshot sees (cache, else the file). Each savepoint level
/// keeps the overlay entries as they were before the level first touched them, so a level rolls back on its own.
/// `operations` is the logical history, re-run on the latest committed pages when a commit finds that another
/// transaction changed one of this one's pages since its snapshot.
///
/// One session uses it at a time (not thread-safe). A B+tree operation that fails half-way on an I/O error or
/// damage leaves the overlay unusable: the transaction then refuses everything but rollback (of the level where
/// it happened, or all).
package final class PagedTransaction: TreeTransaction {
    enum Operation {
        case create(dbid: UInt32, objid: UInt32)
        case drop(TreeID)
        case insert(TreeID)
        case replace(TreeID)
        case delete(TreeID)

        var dbid: UInt32 {
            switch self {
            case .create(let dbid, _): dbid
            case .drop(let tree), .insert(let tree), .replace(let tree), .delete(let tree): tree.dbid
            }
        }
    }

    /// One operation of the history; its key and value are `keyCount` + `valueCount` bytes of `historyBytes` from
    /// `offset`. One buffer for all of them instead of two arrays per operation: a bulk load keeps a million of
    /// these until it commits.
    struct Logged {
        var operation: Operation
        var offset: Int
        var keyCount: Int32
        var valueCount: Int32
    }

    struct Entry {
        var page: PageRef
        /// The committed version the copy was made from; nil for a page this transaction allocated.
        var base: PageRef?
        /// The deepest savepoint level that saved this entry's previous state.
        var savedLevel: Int
    }

    private struct Undo {
        var key: PageKey
        var previous: Entry?
    }

    private struct Level {
        var undo: [Undo] = []
        var operationCount: Int
        var historyByteCount: Int
    }

    let store: PagedTreeStore
    let snapshot: UInt64
    /// Emptied when the transaction ends, so a finished transaction keeps no database file open.
    private(set) var databases: [UInt32: PagedDatabase]
    package let isReadOnly: Bool
    private let registered: Bool
    private(set) var overlay: [PageKey: Entry] = [:]
    private(set) var operations: [Logged] = []
    private(set) var historyBytes: [UInt8] = []
    /// Pages reserved from the allocators, and pages freed, with the level that did it.
    private(set) var allocated: [(key: PageKey, level: Int)] = []
    private(set) var freed: [(key: PageKey, level: Int)] = []
    private var levels: [Level] = []
    private var finished = false
    /// The store no longer counts this transaction's snapshot as live (it committed, or finished).
    private var snapshotReleased = false
    /// The overlay's size as last told to the cache (`PageCache.reserve`).
    private var reservedPages = 0
    private var failure: (error: StorageError, level: Int)?
    private var roots: [TreeID: UInt32] = [:]
    /// Bumped by every change of the view: cursors re-seek when it moved.
    private(set) var generation: UInt64 = 0
    private var cursors: [CursorLink] = []
    /// The directory's root page, given to the next `allocate` while the directory is being made.
    private var forcedPage: UInt32?
    /// Committed pages this transaction read lately, by page number modulo the size: a committed version never
    /// changes for a snapshot, so the upper levels of a tree are found here without the cache's shared locks
    /// (two sessions descending the same root would otherwise meet on its shard's lock).
    private var recent: [(key: PageKey, page: PageRef)?] = Array(repeating: nil, count: 64)

    init(
        store: PagedTreeStore, snapshot: UInt64, databases: [UInt32: PagedDatabase], readOnly: Bool,
        registered: Bool
    ) {
        self.store = store
        self.snapshot = snapshot
        self.databases = databases
        self.isReadOnly = readOnly
        self.registered = registered
    }

    deinit { if !finished { finish(releasing: true) } }

    package var level: Int { finished ? 0 : levels.count + 1 }

    // MARK: Levels

    package func beginLevel() throws(StorageError) {
        guard !finished else { throw .readOnly }
        levels.append(Level(operationCount: operations.count, historyByteCount: historyBytes.count))
    }

    package func commitLevel() {
        guard !finished, let top = levels.popLast() else { return }
        let inner = levels.count + 2
        let outer = inner - 1
        // Only what this level touched is visited (a per-row savepoint over a long transaction must not walk the
        // whole overlay): the entries it saved are those of its undo list, and its allocations and frees are the
        // tail of `allocated` and `freed` (levels only grow towards the end).
        for record in top.undo {
            if overlay[record.key]?.savedLevel == inner { overlay[record.key]?.savedLevel = outer }
            // The enclosing level already holds an older state of this page: keep that one.
            if let previous = record.previous, previous.savedLevel == outer { continue }
            if outer > 1 { levels[levels.count - 1].undo.append(record) }
        }
        var i = allocated.endIndex
        while i > allocated.startIndex && allocated[i - 1].level == inner {
            i -= 1
            allocated[i].level = outer
        }
        i = freed.endIndex
        while i > freed.startIndex && freed[i - 1].level == inner {
            i -= 1
            freed[i].level = outer
        }
        if let f = failure, f.level == inner { failure = (f.error, outer) }
    }

    package func rollbackLevel() {
        guard !finished, let top = levels.popLast() else { return }
        let inner = levels.count + 2
        captureCursors()
        for record in top.undo.reversed() { overlay[record.key] = record.previous }
        accountOverlay()
        operations.removeSubrange(top.operationCount...)
        historyBytes.removeSubrange(top.historyByteCount...)
        // This level's allocations and frees are the tails of the two lists (see commitLevel).
        var released: [UInt32: [UInt32]] = [:]
        while let last = allocated.last, last.level >= inner {
            released[last.key.dbid, default: []].append(last.key.pgno)
            allocated.removeLast()
        }
        for (dbid, pages) in released { databases[dbid]?.release(pages.reversed()) }
        while let last = freed.last, last.level >= inner { freed.removeLast() }
        if let f = failure, f.level >= inner { failure = nil }
        roots = [:]
        generation &+= 1
    }

    // MARK: End

    package func commit(lazy: Bool, log: LogStream?) throws(StorageError) {
        guard !finished else { return }
        if let failure {
            rollbackAll()
            throw failure.error
        }
        if overlay.isEmpty && freed.isEmpty && operations.isEmpty {
            finish(releasing: false)
            return
        }
        do {
            try store.commit(self, lazy: lazy, log: log)
        } catch {
            rollbackAll()
            throw error
        }
        finish(releasing: false)
    }

    package func rollbackAll() {
        guard !finished else { return }
        finish(releasing: true)
    }

    private func finish(releasing: Bool) {
        if releasing {
            var released: [UInt32: [UInt32]] = [:]
            for item in allocated { released[item.key.dbid, default: []].append(item.key.pgno) }
            for (dbid, pages) in released { databases[dbid]?.release(pages) }
        }
        finished = true
        databases = [:]
        for i in recent.indices { recent[i] = nil }
        overlay = [:]
        accountOverlay()
        operations = []
        historyBytes = []
        allocated = []
        freed = []
        levels = []
        generation &+= 1
        releaseSnapshot()
    }

    /// Tells the store this transaction reads no more, so the versions only its snapshot could see can go: at the
    /// end, or earlier by the commit, once its pages are logged (before it installs them).
    func releaseSnapshot() {
        guard registered, !snapshotReleased else { return }
        snapshotReleased = true
        store.endSnapshot(snapshot)
    }

    /// The cache leaves room for the overlay's page copies: they are told to it as the overlay changes.
    private func accountOverlay() {
        let count = overlay.count
        guard count != reservedPages else { return }
        store.cache.reserve(count - reservedPages)
        reservedPages = count
    }

    /// A re-run transaction's pages now belong to the commit: nothing to give back.
    func handOver() {
        allocated = []
        finish(releasing: false)
    }

    // MARK: Pages

    func database(_ dbid: UInt32) throws(StorageError) -> PagedDatabase {
        if let db = databases[dbid], !db.isDetached { return db }
        return try adopt(dbid)
    }

    /// A database attached after this transaction began (or detached and attached again): as in ESE, where a
    /// transaction does not pin databases, it is usable, read as it was when attached (commits to it since
    /// then are newer than this snapshot, and the cache keeps the versions they replaced while it lives).
    /// Refused while this transaction holds changes to a database that went away under the same dbid.
    private func adopt(_ dbid: UInt32) throws(StorageError) -> PagedDatabase {
        guard !finished, let db = store.attachedDatabase(dbid) else { throw .treeNotFound }
        if databases[dbid] != nil {
            let touched =
                overlay.keys.contains { $0.dbid == dbid } || allocated.contains { $0.key.dbid == dbid }
                || freed.contains { $0.key.dbid == dbid } || operations.contains { $0.operation.dbid == dbid }
            guard !touched else { throw .treeNotFound }
            // What this transaction remembers of the old database must not answer for the new one.
            for i in recent.indices where recent[i]?.key.dbid == dbid { recent[i] = nil }
            roots = roots.filter { $0.key.dbid != dbid }
            generation &+= 1
        }
        databases[dbid] = db
        return db
    }

    func read(_ db: PagedDatabase, _ pgno: UInt32) throws(StorageError) -> PageRef {
        let key = PageKey(dbid: db.dbid, pgno: pgno)
        if !overlay.isEmpty, let entry = overlay[key] { return entry.page }
        let slot = Int(pgno & 63)
        if let hit = recent[slot], hit.key == key { return hit.page }
        let page = try store.committedPage(db, pgno, snapshot: snapshot)
        recent[slot] = (key, page)
        return page
    }

    func write(_ db: PagedDatabase, _ pgno: UInt32) throws(StorageError) -> PageRef {
        guard !isReadOnly else { throw .readOnly }
        let key = PageKey(dbid: db.dbid, pgno: pgno)
        let current = level
        if var entry = overlay[key] {
            if current > 1 && entry.savedLevel < current {
                let copy = try Self.copy(entry.page)
                levels[levels.count - 1].undo.append(
                    Undo(key: key, previous: Entry(page: copy, base: entry.base, savedLevel: entry.savedLevel)))
                entry.savedLevel = current
                overlay[key] = entry
            }
            return entry.page
        }
        let base = try store.committedPage(db, pgno, snapshot: snapshot)
        let copy = try Self.copy(base)
        overlay[key] = Entry(page: copy, base: base, savedLevel: current)
        if current > 1 { levels[levels.count - 1].undo.append(Undo(key: key, previous: nil)) }
        return copy
    }

    func allocate(_ db: PagedDatabase) throws(StorageError) -> PageRef {
        guard !isReadOnly else { throw .readOnly }
        let pgno: UInt32
        if let forced = forcedPage {
            pgno = forced
            forcedPage = nil
        } else {
            pgno = try db.reserve()
            allocated.append((PageKey(dbid: db.dbid, pgno: pgno), level))
        }
        let page = try PageRef(pgno: pgno, pageSize: db.pageSize)
        let key = PageKey(dbid: db.dbid, pgno: pgno)
        overlay[key] = Entry(page: page, base: nil, savedLevel: level)
        if level > 1 { levels[levels.count - 1].undo.append(Undo(key: key, previous: nil)) }
        return page
    }

    func free(_ db: PagedDatabase, _ pgno: UInt32) throws(StorageError) {
        guard !isReadOnly else { throw .readOnly }
        freed.append((PageKey(dbid: db.dbid, pgno: pgno), level))
    }

    private static func copy(_ page: PageRef) throws(StorageError) -> PageRef {
        try PageRef(pgno: page.pgno, copying: page)
    }

    // MARK: Trees

    /// The root page of `tree` in this transaction's view; nil for a catalog nothing was written to yet.
    func root(_ tree: TreeID) throws(StorageError) -> UInt32? {
        if let known = roots[tree] { return known == 0 ? nil : known }
        let db = try database(tree.dbid)
        let space = TransactionSpace(transaction: self, database: db)
        var found: UInt32 = 0
        if !PagedDatabase.isBlank(try read(db, PagedDatabase.directoryRoot)) {
            let cursor = BTreeCursor(space: space, root: PagedDatabase.directoryRoot)
            let key = PagedDatabase.directoryKey(tree.objid)
            let hit = try withBytes(key) { (k) throws(StorageError) -> Bool in try cursor.seek(k, .eq) }
            if hit {
                found = cursor.withEntry { _, value in
                    value.count == 4 ? UInt32(littleEndian: value.loadUnaligned(as: UInt32.self)) : 0
                } ?? 0
                guard found != 0 else { throw .corrupt }
            }
        }
        roots[tree] = found
        return found == 0 ? nil : found
    }

    /// The root of a tree that must have entries: a catalog never written to has none, so its keys are not found.
    private func existingRoot(_ tree: TreeID) throws(StorageError) -> UInt32 {
        guard let root = try root(tree) else {
            throw tree.objid == TreeID.catalogObjid ? .keyNotFound : .treeNotFound
        }
        return root
    }

    /// The root, making the catalog's tree on its first write.
    private func writableRoot(_ tree: TreeID) throws(StorageError) -> UInt32 {
        if let root = try root(tree) { return root }
        guard tree.objid == TreeID.catalogObjid else { throw .treeNotFound }
        return try makeTree(dbid: tree.dbid, objid: tree.objid)
    }

    private func makeTree(dbid: UInt32, objid: UInt32) throws(StorageError) -> UInt32 {
        let db = try database(dbid)
        let space = TransactionSpace(transaction: self, database: db)
        if PagedDatabase.isBlank(try read(db, PagedDatabase.directoryRoot)) {
            forcedPage = PagedDatabase.directoryRoot
            defer { forcedPage = nil }
            guard try BTree.create(space) == PagedDatabase.directoryRoot else { throw .corrupt }
        }
        let root = try BTree.create(space)
        let value = withUnsafeBytes(of: root.littleEndian) { [UInt8]($0) }
        try withBytes(PagedDatabase.directoryKey(objid)) { (k) throws(StorageError) in
            try withBytes(value) { (v) throws(StorageError) in
                try BTree.insert(space, root: PagedDatabase.directoryRoot, key: k, value: v)
            }
        }
        roots[TreeID(dbid: dbid, objid: objid)] = root
        return root
    }

    // MARK: Operations

    private func checkWritable() throws(StorageError) {
        if isReadOnly || finished { throw .readOnly }
        if let failure { throw failure.error }
        // Room for one operation's page copies (a split down a deep tree) before it starts, so an operation
        // never stops half-way for lack of room.
        if overlay.count + 16 > store.settings.maxTransactionPages { throw .versionStoreFull }
    }

    /// Runs one operation and adds it to the history; a failure after it may have changed pages makes the
    /// transaction unusable.
    private func run(
        _ operation: Operation, key: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        value: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)
    ) throws(StorageError) {
        captureCursors()
        generation &+= 1
        defer { accountOverlay() }
        do {
            try perform(operation, key, value)
        } catch {
            switch error {
            case .keyDuplicate, .keyNotFound, .treeNotFound, .entryTooBig, .readOnly: break  // found before any write
            default: failure = (error, level)
            }
            throw error
        }
        operations.append(
            Logged(
                operation: operation, offset: historyBytes.count, keyCount: Int32(truncatingIfNeeded: key.count),
                valueCount: Int32(truncatingIfNeeded: value.count)))
        historyBytes.append(contentsOf: key)
        historyBytes.append(contentsOf: value)
    }

    /// Re-runs another transaction's operations (commit on the latest pages).
    func replay(_ source: PagedTransaction) throws(StorageError) {
        let result = source.historyBytes.withUnsafeBytes { bytes in
            Result { () throws(StorageError) in
                for logged in source.operations {
                    // Changes to a database detached since (even if attached again under its dbid) are not this
                    // one's: the commit keeps only pages of databases attached as the transaction knew them.
                    let dbid = logged.operation.dbid
                    guard let known = source.databases[dbid], known === databases[dbid] else { continue }
                    let key = UnsafeRawBufferPointer(rebasing: bytes[logged.offset..<logged.offset + Int(logged.keyCount)])
                    let valueStart = logged.offset + Int(logged.keyCount)
                    let value = UnsafeRawBufferPointer(
                        rebasing: bytes[valueStart..<valueStart + Int(logged.valueCount)])
                    try run(logged.operation, key: key, value: value)
                }
            }
        }
        try result.get()
    }

    private func perform(
        _ operation: Operation, _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer
    ) throws(StorageError) {
        switch operation {
        case .create(let dbid, let objid):
            _ = try makeTree(dbid: dbid, objid: objid)
        case .drop(let tree):
            let root = try existingRoot(tree)
            let db = try database(tree.dbid)
            let space = TransactionSpace(transaction: self, database: db)
            try BTree.destroy(space, root: root)
            try withBytes(PagedDatabase.directoryKey(tree.objid)) { (k) throws(StorageError) in
                try BTree.delete(space, root: PagedDatabase.directoryRoot, key: k)
            }
            roots[tree] = 0
        case .insert(let tree):
            try put(tree, key, value, insert: true)
        case .replace(let tree):
            try put(tree, key, value, insert: false)
        case .delete(let tree):
            let root = try existingRoot(tree)
            let space = TransactionSpace(transaction: self, database: try database(tree.dbid))
            try BTree.delete(space, root: root, key: key)
        }
    }

    private func put(
        _ tree: TreeID, _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, insert: Bool
    ) throws(StorageError) {
        let db = try database(tree.dbid)
        let space = TransactionSpace(transaction: self, database: db)
        guard BTree.fits(key: key.count, value: value.count, pageSize: db.pageSize) else { throw .entryTooBig }
        let root = insert ? try writableRoot(tree) : try existingRoot(tree)
        if insert {
            try BTree.insert(space, root: root, key: key, value: value)
        } else {
            try BTree.replace(space, root: root, key: key, value: value)
        }
    }

    package func createTree(dbid: UInt32) throws(StorageError) -> TreeID {
        try checkWritable()
        let objid = try database(dbid).newObjid()
        try run(.create(dbid: dbid, objid: objid))
        return TreeID(dbid: dbid, objid: objid)
    }

    package func deleteTree(_ tree: TreeID) throws(StorageError) {
        try checkWritable()
        guard tree.objid != TreeID.catalogObjid else { throw .treeNotFound }
        try run(.drop(tree))
    }

    package func insert(_ tree: TreeID, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)
        throws(StorageError)
    {
        try checkWritable()
        try run(.insert(tree), key: key, value: value)
    }

    package func replace(_ tree: TreeID, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)
        throws(StorageError)
    {
        try checkWritable()
        try run(.replace(tree), key: key, value: value)
    }

    package func delete(_ tree: TreeID, key: UnsafeRawBufferPointer) throws(StorageError) {
        try checkWritable()
        try run(.delete(tree), key: key)
    }

    package func cursor(_ tree: TreeID) throws(StorageError) -> any TreeCursor {
        guard !finished else { throw .readOnly }
        if let failure { throw failure.error }
        // `root` may answer from memory: a detached database is checked here.
        _ = try database(tree.dbid)
        let root = try root(tree)
        if root == nil && tree.objid != TreeID.catalogObjid { throw .treeNotFound }
        let cursor = PagedCursor(transaction: self, tree: tree)
        cursors.append(CursorLink(id: ObjectIdentifier(cursor), cursor: Unmanaged.passUnretained(cursor)))
        return cursor
    }

    /// A cursor going away (its deinit): it holds this transaction, so it always says so before it is freed.
    fileprivate func forget(_ cursor: ObjectIdentifier) {
        if let i = cursors.lastIndex(where: { $0.id == cursor }) { cursors.remove(at: i) }
    }

    package func count(_ tree: TreeID, limit: Int) throws(StorageError) -> Int {
        guard !finished else { throw .readOnly }
        if let failure { throw failure.error }
        guard let root = try root(tree) else {
            if tree.objid == TreeID.catalogObjid { return 0 }
            throw .treeNotFound
        }
        let space = TransactionSpace(transaction: self, database: try database(tree.dbid))
        return try BTree.count(space, root: root, limit: max(limit, 0))
    }

    /// Open cursors note their key before the pages they stand on change.
    private func captureCursors() {
        for link in cursors { link.cursor.takeUnretainedValue().capture() }
    }
}

/// An open cursor of the transaction, unretained: a weak reference would move the cursor's reference counts to a
/// side table, which every call through it paid for. The cursor removes its link in its deinit.
private struct CursorLink {
    let id: ObjectIdentifier
    let cursor: Unmanaged<PagedCursor>
}

/// The pages of one database as one transaction sees them: what the B+tree code works on.
package struct TransactionSpace: PageSpace {
    let transaction: PagedTransaction
    let database: PagedDatabase

    package var pageSize: Int { database.pageSize }
    package func read(_ pgno: UInt32) throws(StorageError) -> PageRef { try transaction.read(database, pgno) }
    package func write(_ pgno: UInt32) throws(StorageError) -> PageRef { try transaction.write(database, pgno) }
    package func allocate() throws(StorageError) -> PageRef { try transaction.allocate(database) }
    package func free(_ pgno: UInt32) throws(StorageError) { try transaction.free(database, pgno) }
}

/// A TreeCursor of the paged engine: a B+tree cursor over the transaction's view, which notes its key before the
/// transaction changes pages (`capture`) and finds it again afterwards (or the gap where it was).
final class PagedCursor: TreeCursor {
    private enum Place {
        case beforeFirst
        case afterLast
        /// On an entry (its key noted in `key` by the last capture).
        case entry
    }

    private let transaction: PagedTransaction
    private let tree: TreeID
    private var inner: BTreeCursor<TransactionSpace>?
    private var generation: UInt64
    private var place = Place.beforeFirst
    private var key: [UInt8]?

    init(transaction: PagedTransaction, tree: TreeID) {
        self.transaction = transaction
        self.tree = tree
        self.generation = transaction.generation &- 1  // first use builds the B+tree cursor
    }

    deinit { transaction.forget(ObjectIdentifier(self)) }

    func capture() {
        guard place == .entry, generation == transaction.generation, let inner, inner.isPositioned else { return }
        key = inner.withEntry { k, _ in [UInt8](k) }
    }

    /// Rebuilds the B+tree cursor after the view changed, back on the noted key (or in its gap).
    private func sync() throws(StorageError) {
        guard generation != transaction.generation else { return }
        generation = transaction.generation
        guard let root = try transaction.root(tree) else {
            inner = nil
            return
        }
        let cursor = BTreeCursor(
            space: TransactionSpace(transaction: transaction, database: try transaction.database(tree.dbid)),
            root: root)
        inner = cursor
        if place == .entry, let key {
            _ = try withBytes(key) { (k) throws(StorageError) -> Bool in try cursor.relocate(k) }
        }
    }

    private func land(_ found: Bool, else miss: Place) -> Bool {
        place = found ? .entry : miss
        if !found { key = nil }
        return found
    }

    func seek(_ key: UnsafeRawBufferPointer, _ mode: TreeSeek) throws(StorageError) -> Bool {
        try sync()
        guard let inner else { return land(false, else: mode == .ge ? .afterLast : .beforeFirst) }
        return land(try inner.seek(key, mode), else: mode == .ge ? .afterLast : .beforeFirst)
    }

    func first() throws(StorageError) -> Bool {
        try sync()
        guard let inner else { return land(false, else: .afterLast) }
        return land(try inner.first(), else: .afterLast)
    }

    func last() throws(StorageError) -> Bool {
        try sync()
        guard let inner else { return land(false, else: .beforeFirst) }
        return land(try inner.last(), else: .beforeFirst)
    }

    func next() throws(StorageError) -> Bool {
        try sync()
        guard let inner else { return land(false, else: .afterLast) }
        switch place {
        case .afterLast: return false
        case .beforeFirst: return land(try inner.first(), else: .afterLast)
        case .entry: return land(try inner.next(), else: .afterLast)
        }
    }

    func previous() throws(StorageError) -> Bool {
        try sync()
        guard let inner else { return land(false, else: .beforeFirst) }
        switch place {
        case .beforeFirst: return false
        case .afterLast: return land(try inner.last(), else: .beforeFirst)
        case .entry: return land(try inner.previous(), else: .beforeFirst)
        }
    }

    var isPositioned: Bool {
        guard place == .entry, (try? sync()) != nil, let inner else { return false }
        return inner.isPositioned
    }

    func withEntry<R, E: Error>(
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R? {
        guard place == .entry, (try? sync()) != nil, let inner else { return nil }
        return try inner.withEntry(body)
    }

    func visitEntry(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Void) -> Bool {
        guard place == .entry, (try? sync()) != nil, let inner else { return false }
        return inner.visitEntry(body)
    }

    /// The transaction's generation while the B+tree cursor built for it stands on an entry: its leaf is held by the
    /// cursor's levels until it moves or is rebuilt, and the transaction changes no page without a new generation
    /// (a committed version is never changed; a private copy only by this transaction's writes).
    var entryStamp: UInt64? {
        guard place == .entry, generation == transaction.generation, let inner, inner.isPositioned else { return nil }
        return generation
    }
}

/// `Array.withUnsafeBytes` for bodies with typed throws (the standard one rethrows untyped).
@inline(__always)
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(StorageError) -> R) throws(StorageError)
    -> R
{
    let result = bytes.withUnsafeBytes { b in Result { () throws(StorageError) -> R in try body(b) } }
    return try result.get()
}
