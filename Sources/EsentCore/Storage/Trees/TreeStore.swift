import Glibc
import SystemPackage

/// A B+tree in a database. objid 1 is reserved for the catalog tree every database has (created with the
/// database's first write, empty until then); the engine hands out others with createTree.
package struct TreeID: Hashable, Sendable {
    package var dbid: UInt32
    package var objid: UInt32
    package init(dbid: UInt32, objid: UInt32) {
        self.dbid = dbid
        self.objid = objid
    }

    /// The objid of every database's catalog tree.
    package static let catalogObjid: UInt32 = 1
}

/// What the storage engine reports; mapped to JetError once, in Core/Tables/StorageError+Jet.swift.
package enum StorageError: Error, Equatable, Sendable {
    case keyDuplicate  // insert of a key that exists (in the transaction's view)
    case keyNotFound  // replace/delete of a key that does not exist
    case treeNotFound  // unknown or deleted tree / database not attached to the engine
    case entryTooBig  // key + value cannot fit on a page (core checks limits first; this is the backstop)
    case pageChecksum(pgno: UInt32)  // checksum mismatch on read  -> JET_errReadVerifyFailure (-1018)
    case pageWrongPlace(pgno: UInt32)  // a sound page of another number -> JET_errReadPgnoVerifyFailure (-1118)
    case corrupt  // structure is not a valid tree -> JET_errDatabaseCorrupted (-1206)
    case diskFull  // ENOSPC -> JET_errDiskFull (-1808)
    case io(Errno)  // other I/O failure -> as the library maps errno today (JET_errDiskIO etc.)
    case logWriteFailed  // -> JET_errLogWriteFail (-510)
    case outOfMemory  // -> JET_errOutOfMemory (-1011)
    case versionStoreFull  // transaction too big for the configured limit -> JET_errVersionStoreOutOfMemory (-1069)
    case readOnly  // write in a read-only database/transaction -> JET_errDatabaseFileReadOnly (-1008) unless the core checked first
}

/// First key >= / last key <= / exactly equal.
package enum TreeSeek: Sendable { case ge, le, eq }

/// A position in one tree as one transaction sees it. Not thread-safe (one session uses it at a time).
/// After a write in the same transaction the cursor stays valid: it re-seeks to its key transparently. If that
/// key was deleted meanwhile, the cursor sits in the gap where it was: not positioned, `next` goes to the first
/// key after it and `previous` to the last key before it.
package protocol TreeCursor: AnyObject {
    func seek(_ key: UnsafeRawBufferPointer, _ mode: TreeSeek) throws(StorageError) -> Bool  // false: unpositioned
    func first() throws(StorageError) -> Bool
    func last() throws(StorageError) -> Bool
    func next() throws(StorageError) -> Bool  // false at the end (cursor stays after last)
    func previous() throws(StorageError) -> Bool  // false at the start (cursor stays before first)
    var isPositioned: Bool { get }
    /// Calls body with the current entry's key and value (valid only inside body); nil if not positioned.
    func withEntry<R, E: Error>(
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R?
    /// `withEntry` for a body that returns nothing; false if not positioned. The hot read paths use it: a generic
    /// requirement called through `any TreeCursor` cannot be specialized, and its generic plumbing (value
    /// witnesses, reabstraction thunks) cost more than the read itself. The body must not move this cursor nor
    /// change the transaction's trees (the key and value point into the page the cursor stands on).
    func visitEntry(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Void) -> Bool
    /// Non-nil when the pointers `visitEntry` gives for the current entry stay valid after the body returns, until
    /// this cursor moves or the value returned here changes (its transaction changed pages). A caller may keep them
    /// on those terms. nil: valid only inside the body.
    var entryStamp: UInt64? { get }
}

extension TreeCursor {
    package var entryStamp: UInt64? { nil }

    package func visitEntry(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Void) -> Bool {
        withEntry { (key, value) in body(key, value) } != nil
    }
}

/// A transaction over all databases of one instance (one per session transaction; the core also opens a short one
/// per call at level 0). Snapshot isolation: sees every commit made before it began plus its own changes.
package protocol TreeTransaction: AnyObject {
    var level: Int { get }  // 1 after begin; savepoints add levels
    var isReadOnly: Bool { get }
    func beginLevel() throws(StorageError)  // savepoint (level + 1)
    func commitLevel()  // innermost level joins the enclosing one (level > 1)
    func rollbackLevel()  // undoes the innermost level's changes (level > 1)
    /// At level 1: makes all changes visible to later transactions and durable (lazy: in the log buffer, durable
    /// at the next flush) as ONE atomic unit, across databases. `log` is the instance's log stream, given by the
    /// core while it holds the instance lock and the write gate. Never fails because of other transactions
    /// (conflicts are the core's business, before this point). The transaction is finished afterwards.
    func commit(lazy: Bool, log: LogStream?) throws(StorageError)
    func rollbackAll()  // discards everything; finished afterwards
    func createTree(dbid: UInt32) throws(StorageError) -> TreeID
    func deleteTree(_ tree: TreeID) throws(StorageError)
    func insert(_ tree: TreeID, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws(StorageError)
    func replace(_ tree: TreeID, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws(StorageError)
    func delete(_ tree: TreeID, key: UnsafeRawBufferPointer) throws(StorageError)
    func cursor(_ tree: TreeID) throws(StorageError) -> any TreeCursor
    /// Entries in the tree (snapshot + own changes); used for JetIndexRecordCount/JetGetTableInfo.
    func count(_ tree: TreeID, limit: Int) throws(StorageError) -> Int
}

/// One instance's storage: one per instance, created at JetInit, reachable from InstanceState as `trees`.
package protocol TreeStore: AnyObject, Sendable {
    func begin(readOnly: Bool) -> any TreeTransaction
    /// A database joins the store when it is attached or created (its catalog tree, objid 1, exists from then on)
    /// and leaves it when detached (its trees are forgotten by the store).
    func register(dbid: UInt32)
    func unregister(dbid: UInt32)
}

/// A page in memory: `pageSize` bytes, 64-byte aligned, freed when the last reference goes. Bytes 0..<12 belong to
/// the engine (checksum, page number: the existing data page layout); the tree uses bytes 12..<pageSize.
package final class PageRef: @unchecked Sendable {
    package let pgno: UInt32
    package let bytes: UnsafeMutableRawPointer
    package let pageSize: Int

    /// Zeroed. A failed allocation is reported, not trapped on: page sizes come from files and parameters.
    package init(pgno: UInt32, pageSize: Int) throws(StorageError) {
        guard pageSize > 0 else { throw .corrupt }
        guard let memory = PageMemory.shared.take(pageSize) else { throw .outOfMemory }
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: pageSize)
        self.pgno = pgno
        self.bytes = memory
        self.pageSize = pageSize
    }

    /// A copy of `page`'s bytes under `pgno` (no zeroing first: every byte is overwritten).
    package init(pgno: UInt32, copying page: PageRef) throws(StorageError) {
        guard let memory = PageMemory.shared.take(page.pageSize) else { throw .outOfMemory }
        memory.copyMemory(from: page.bytes, byteCount: page.pageSize)
        self.pgno = pgno
        self.bytes = memory
        self.pageSize = page.pageSize
    }

    deinit { PageMemory.shared.give(bytes, size: pageSize) }

    /// The whole page, read-only.
    package var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: bytes, count: pageSize) }
}

/// How one B+tree operation reaches pages as one transaction sees them.
package protocol PageSpace {
    var pageSize: Int { get }
    func read(_ pgno: UInt32) throws(StorageError) -> PageRef  // read-only use!
    func write(_ pgno: UInt32) throws(StorageError) -> PageRef  // the transaction's private, writable copy
    func allocate() throws(StorageError) -> PageRef  // new page, body zeroed
    func free(_ pgno: UInt32) throws(StorageError)  // unused once the transaction commits
}
