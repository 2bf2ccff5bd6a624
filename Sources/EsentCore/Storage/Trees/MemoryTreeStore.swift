import Glibc
import Synchronization

/// Byte strings ordered as the engine orders keys: memcmp over the common length, then the shorter first.
package enum KeyOrder {
    @inline(__always)
    package static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            // Eight bytes at a time, read big-endian so integer order is byte order; most keys differ early, and
            // this stays inline where a call to memcmp would not.
            var i = 0
            while i + 8 <= common {
                let x = UInt64(bigEndian: pa.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let y = UInt64(bigEndian: pb.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if x != y { return x < y ? -1 : 1 }
                i += 8
            }
            while i < common {
                let x = pa.load(fromByteOffset: i, as: UInt8.self)
                let y = pb.load(fromByteOffset: i, as: UInt8.self)
                if x != y { return x < y ? -1 : 1 }
                i += 1
            }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    package static func compare(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Int {
        a.withUnsafeBytes { compare($0, b) }
    }
}

/// One tree's entries in key order. A value type: copies share storage until one of them changes.
struct MemoryTree: Sendable {
    var keys: [[UInt8]] = []
    var values: [[UInt8]] = []

    /// The first index whose key is >= `key`, and whether that key is equal.
    func lowerBound(_ key: UnsafeRawBufferPointer) -> (index: Int, found: Bool) {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if KeyOrder.compare(keys[mid], key) < 0 { low = mid + 1 } else { high = mid }
        }
        return (low, low < keys.count && KeyOrder.compare(keys[low], key) == 0)
    }

    /// Sets or removes `key`; returns whether the key was present before.
    @discardableResult
    mutating func put(_ key: [UInt8], _ value: [UInt8]?) -> Bool {
        let (index, found) = key.withUnsafeBytes { lowerBound($0) }
        switch (found, value) {
        case (true, let value?): values[index] = value
        case (true, nil):
            keys.remove(at: index)
            values.remove(at: index)
        case (false, let value?):
            keys.insert(key, at: index)
            values.insert(value, at: index)
        case (false, nil): break
        }
        return found
    }
}

/// The committed state of every registered database's trees.
struct MemoryStoreState: Sendable {
    var trees: [TreeID: MemoryTree] = [:]
    /// Bumped when a dbid is registered or unregistered: a transaction begun before never commits into the
    /// database that now holds the number.
    var epochs: [UInt32: UInt64] = [:]
    var nextEpoch: UInt64 = 1
    var nextObjid: [UInt32: UInt32] = [:]
}

/// The reference model of the storage engine: every tree a sorted array in memory, snapshots by copy-on-write,
/// savepoints by saved copies. It keeps nothing on disk: `commit` ignores the log, so its data lives as long as the
/// instance and a database's trees are forgotten when it is detached. Thread-safe: the committed state is behind a
/// mutex; transactions and cursors are used by one session at a time, as the protocols say.
package final class MemoryTreeStore: TreeStore {
    let state = Mutex(MemoryStoreState())

    package init() {}

    package func begin(readOnly: Bool) -> any TreeTransaction {
        let snapshot = state.withLock { $0 }
        return MemoryTreeTransaction(store: self, snapshot: snapshot, readOnly: readOnly)
    }

    package func register(dbid: UInt32) {
        state.withLock { s in
            s.trees = s.trees.filter { $0.key.dbid != dbid }
            s.trees[TreeID(dbid: dbid, objid: TreeID.catalogObjid)] = MemoryTree()
            s.epochs[dbid] = s.nextEpoch
            s.nextEpoch += 1
            s.nextObjid[dbid] = TreeID.catalogObjid + 1
        }
    }

    package func unregister(dbid: UInt32) {
        state.withLock { s in
            s.trees = s.trees.filter { $0.key.dbid != dbid }
            s.epochs[dbid] = nil
            s.nextObjid[dbid] = nil
        }
    }

    /// objids are handed out store-wide at createTree, so two transactions never pick the same one.
    func newObjid(dbid: UInt32, epoch: UInt64) throws(StorageError) -> UInt32 {
        try state.withLock { (s) throws(StorageError) -> UInt32 in
            guard s.epochs[dbid] == epoch, let objid = s.nextObjid[dbid], objid < UInt32.max else {
                throw .treeNotFound
            }
            s.nextObjid[dbid] = objid + 1
            return objid
        }
    }

    /// Applies a transaction's changes to the latest committed state as one unit.
    func apply(_ operations: [MemoryTreeTransaction.Operation], epochs: [UInt32: UInt64]) {
        state.withLock { s in
            for operation in operations {
                let dbid: UInt32
                switch operation {
                case .create(let tree), .drop(let tree), .put(let tree, _, _): dbid = tree.dbid
                }
                // A database detached (and perhaps another attached under its dbid) since the transaction began.
                guard let epoch = epochs[dbid], s.epochs[dbid] == epoch else { continue }
                switch operation {
                case .create(let tree): s.trees[tree] = MemoryTree()
                case .drop(let tree): s.trees[tree] = nil
                case .put(let tree, let key, let value): s.trees[tree]?.put(key, value)
                }
            }
        }
    }
}

/// A transaction of the model: its view is a private copy of the trees, written in place; `operations` records
/// what to redo on the latest committed state at commit.
package final class MemoryTreeTransaction: TreeTransaction {
    enum Operation {
        case create(TreeID)
        case drop(TreeID)
        case put(TreeID, key: [UInt8], value: [UInt8]?)
    }

    private struct Savepoint {
        var trees: [TreeID: MemoryTree]
        var operationCount: Int
    }

    private let store: MemoryTreeStore
    private let epochs: [UInt32: UInt64]
    package let isReadOnly: Bool
    private(set) var trees: [TreeID: MemoryTree]
    private var operations: [Operation] = []
    private var savepoints: [Savepoint] = []
    private var finished = false
    /// Bumped at every change of the view, so cursors know to re-seek.
    private(set) var generation: UInt64 = 0

    init(store: MemoryTreeStore, snapshot: MemoryStoreState, readOnly: Bool) {
        self.store = store
        self.trees = snapshot.trees
        self.epochs = snapshot.epochs
        self.isReadOnly = readOnly
    }

    package var level: Int { finished ? 0 : savepoints.count + 1 }

    package func beginLevel() throws(StorageError) {
        guard !finished else { throw .readOnly }
        savepoints.append(Savepoint(trees: trees, operationCount: operations.count))
    }

    package func commitLevel() {
        guard !finished, !savepoints.isEmpty else { return }
        savepoints.removeLast()
    }

    package func rollbackLevel() {
        guard !finished, let savepoint = savepoints.popLast() else { return }
        trees = savepoint.trees
        operations.removeSubrange(savepoint.operationCount...)
        generation &+= 1
    }

    /// The model has no log and no disk: `lazy` and `log` do not matter to it.
    package func commit(lazy: Bool, log: LogStream?) throws(StorageError) {
        guard !finished else { return }
        finished = true
        savepoints = []
        if !operations.isEmpty { store.apply(operations, epochs: epochs) }
        operations = []
    }

    package func rollbackAll() {
        guard !finished else { return }
        finished = true
        savepoints = []
        operations = []
    }

    private func checkWritable() throws(StorageError) {
        if isReadOnly || finished { throw .readOnly }
    }

    private func checkTree(_ tree: TreeID) throws(StorageError) {
        guard trees[tree] != nil else { throw .treeNotFound }
    }

    package func createTree(dbid: UInt32) throws(StorageError) -> TreeID {
        try checkWritable()
        guard let epoch = epochs[dbid] else { throw .treeNotFound }
        let tree = TreeID(dbid: dbid, objid: try store.newObjid(dbid: dbid, epoch: epoch))
        trees[tree] = MemoryTree()
        operations.append(.create(tree))
        generation &+= 1
        return tree
    }

    /// Any tree but a catalog (which lives as long as its database).
    package func deleteTree(_ tree: TreeID) throws(StorageError) {
        try checkWritable()
        guard tree.objid != TreeID.catalogObjid else { throw .treeNotFound }
        try checkTree(tree)
        trees[tree] = nil
        operations.append(.drop(tree))
        generation &+= 1
    }

    private func put(
        _ tree: TreeID, _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer?, mustExist: Bool
    ) throws(StorageError) {
        try checkWritable()
        guard let found = trees[tree]?.lowerBound(key).found else { throw .treeNotFound }
        if found != mustExist { throw mustExist ? .keyNotFound : .keyDuplicate }
        let keyBytes = [UInt8](key)
        let valueBytes = value.map { [UInt8]($0) }
        trees[tree]?.put(keyBytes, valueBytes)
        operations.append(.put(tree, key: keyBytes, value: valueBytes))
        generation &+= 1
    }

    package func insert(_ tree: TreeID, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)
        throws(StorageError)
    {
        try put(tree, key, value, mustExist: false)
    }

    package func replace(_ tree: TreeID, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)
        throws(StorageError)
    {
        try put(tree, key, value, mustExist: true)
    }

    package func delete(_ tree: TreeID, key: UnsafeRawBufferPointer) throws(StorageError) {
        try put(tree, key, nil, mustExist: true)
    }

    package func cursor(_ tree: TreeID) throws(StorageError) -> any TreeCursor {
        try checkTree(tree)
        return MemoryTreeCursor(transaction: self, tree: tree)
    }

    package func count(_ tree: TreeID, limit: Int) throws(StorageError) -> Int {
        guard let entries = trees[tree] else { throw .treeNotFound }
        return min(entries.keys.count, max(limit, 0))
    }
}

/// A cursor of the model: an index into the transaction's view of the tree, refound by key after a change.
final class MemoryTreeCursor: TreeCursor {
    private enum Place {
        case beforeFirst
        case afterLast
        /// On `key`, at `index` as of `generation`; `gap` when the key is no longer there (deleted meanwhile).
        case on(key: [UInt8], index: Int, generation: UInt64, gap: Bool)
    }

    private let transaction: MemoryTreeTransaction
    private let tree: TreeID
    private var place = Place.beforeFirst

    init(transaction: MemoryTreeTransaction, tree: TreeID) {
        self.transaction = transaction
        self.tree = tree
    }

    private func entries() throws(StorageError) -> MemoryTree {
        guard let entries = transaction.trees[tree] else { throw .treeNotFound }
        return entries
    }

    /// The place refound in the current view: the index of the key, or of the first key after it when gone.
    private func current(_ entries: MemoryTree) -> (index: Int, gap: Bool)? {
        guard case .on(let key, let index, let generation, let gap) = place else { return nil }
        if generation == transaction.generation { return (index, gap) }
        let (found, exists) = key.withUnsafeBytes { entries.lowerBound($0) }
        place = .on(key: key, index: found, generation: transaction.generation, gap: !exists)
        return (found, !exists)
    }

    private func land(_ entries: MemoryTree, _ index: Int) -> Bool {
        guard index >= 0 else {
            place = .beforeFirst
            return false
        }
        guard index < entries.keys.count else {
            place = .afterLast
            return false
        }
        place = .on(key: entries.keys[index], index: index, generation: transaction.generation, gap: false)
        return true
    }

    func seek(_ key: UnsafeRawBufferPointer, _ mode: TreeSeek) throws(StorageError) -> Bool {
        let entries = try entries()
        let (index, found) = entries.lowerBound(key)
        switch mode {
        case .ge: return land(entries, index)
        case .le: return land(entries, found ? index : index - 1)
        case .eq:
            if found { return land(entries, index) }
            place = .beforeFirst
            return false
        }
    }

    func first() throws(StorageError) -> Bool { land(try entries(), 0) }

    func last() throws(StorageError) -> Bool {
        let entries = try entries()
        return land(entries, entries.keys.count - 1)
    }

    func next() throws(StorageError) -> Bool {
        let entries = try entries()
        switch place {
        case .beforeFirst: return land(entries, 0)
        case .afterLast: return false
        case .on:
            guard let (index, gap) = current(entries) else { return false }
            return land(entries, gap ? index : index + 1)
        }
    }

    func previous() throws(StorageError) -> Bool {
        let entries = try entries()
        switch place {
        case .beforeFirst: return false
        case .afterLast: return land(entries, entries.keys.count - 1)
        case .on:
            guard let (index, _) = current(entries) else { return false }
            return land(entries, index - 1)
        }
    }

    var isPositioned: Bool {
        guard let entries = transaction.trees[tree], let (_, gap) = current(entries) else { return false }
        return !gap
    }

    func withEntry<R, E: Error>(
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R? {
        guard let entries = transaction.trees[tree], let (index, gap) = current(entries), !gap else { return nil }
        // Array.withUnsafeBytes rethrows untyped: the body's error is carried out by hand.
        var failure: E?
        let result: R? = entries.keys[index].withUnsafeBytes { key in
            entries.values[index].withUnsafeBytes { value in
                do throws(E) { return try body(key, value) } catch {
                    failure = error
                    return nil
                }
            }
        }
        if let failure { throw failure }
        return result
    }
}
