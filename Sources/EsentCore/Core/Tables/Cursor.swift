import CEsent
import Glibc
import Synchronization

/// Where a cursor is on its current index (ESE's currency).
package enum Currency: Sendable, Equatable {
    /// Fresh cursor or JetSetCurrentIndex(MoveFirst): resolves to the first entry when used.
    case deferredFirst
    /// On the entry `TableCursor.current`.
    case on
    /// On the place of the entry `current`, whose record this cursor's session deleted.
    case deleted
    case beforeFirst
    case afterLast
    /// On the key `current` that a failed JetSeek looked for (no entry).
    case sought
}

/// An index range set by JetSetIndexRange or JetSeek(SetIndexRange).
struct IndexRange {
    var limit: [UInt8]
    var upper: Bool
    var inclusive: Bool

    /// True when an entry whose index key is `key` lies beyond the limit in the range's direction.
    func excludes(_ key: UnsafeRawBufferPointer) -> Bool {
        let order = limit.withUnsafeBytes { KeyOrder.compare(key, $0) }
        if upper { return inclusive ? order > 0 : order >= 0 }
        return inclusive ? order < 0 : order <= 0
    }
}

extension KeyOrder {
    /// `key` begins with `prefix`.
    static func hasPrefix(_ key: UnsafeRawBufferPointer, _ prefix: UnsafeRawBufferPointer) -> Bool {
        guard key.count >= prefix.count else { return false }
        guard prefix.count > 0, let pk = key.baseAddress, let pp = prefix.baseAddress else { return true }
        return memcmp(pk, pp, prefix.count) == 0
    }
}

/// A prepared update: ESE's copy buffer.
package struct PreparedUpdate {
    package enum Kind: Sendable, Equatable {
        case insert, replace, replaceNoLock, insertCopy, insertCopyDeleteOriginal, insertCopyReplaceOriginal
    }
    package var kind: Kind
    /// Column values being built, by column id (nil value: NULL).
    package var values: [UInt32: [UInt8]?]
    /// The columns JetSetColumn changed.
    package var changed: Set<UInt32>
    /// The record replaced (or copied), as read at JetPrepareUpdate.
    package var original: [UInt8]
    /// The original's bookmark (replace and the copies).
    package var bookmark: [UInt8]
    /// Transaction level it was prepared at (a rollback of that level cancels it).
    package var level: Int
}

/// One open cursor (JET_TABLEID). Used only inside its session's gate (IsamSession.enter), so it needs no lock
/// of its own; the handle table only stores and hands out the reference.
package final class TableCursor: @unchecked Sendable {
    package let tableid: UInt
    package let sesid: UInt
    package let dbid: UInt32
    /// The properties every move and retrieve reads, kept in memory the cursor owns (as BTreeCursor keeps its
    /// position): a class's stored properties cost a run-time exclusivity check on each access, which for these was
    /// a tracked one (the access set walked and updated) on every call. The cursor is used only inside its
    /// session's gate, by one thread, and no access to one of these overlaps another of the same.
    private struct Hot {
        var schema: TableSchema
        var update: PreparedUpdate?
        var current: [UInt8] = []
        var range: IndexRange?
    }
    private let hot: UnsafeMutablePointer<Hot>

    package var schema: TableSchema {
        get { hot.pointee.schema }
    }
    /// The current index; nil on a table without primary index while its sequential clustered index is current.
    package var index: IndexSchema? {
        didSet {
            noteIndex()
            currentIndexTree.store(Self.packed(index?.tree), ordering: .releasing)
        }
    }
    /// `index`'s tree, published for other sessions: JetDeleteIndex refuses an index that any session's cursor has
    /// as its current index. One word (`packed`), so neither side takes a lock for it.
    let currentIndexTree: Atomic<UInt64>

    /// A tree as one word: dbid in the high half, objid in the low; no tree is JET_dbidNil's half, which no open
    /// database has.
    static func packed(_ tree: TreeID?) -> UInt64 {
        guard let tree else { return UInt64(UInt32.max) << 32 | UInt64(UInt32.max) }
        return UInt64(tree.dbid) << 32 | UInt64(tree.objid)
    }
    package let updatable: Bool
    /// Table locks of JetOpenTable (JET_bitTableDenyRead / DenyWrite); JetCreateTable's cursor denies reads.
    let denyRead: Bool
    let denyWrite: Bool
    /// The table and its instance, fixed at open: other sessions read them to decide table locks.
    let objid: UInt32
    let instance: ObjectIdentifier
    let openedAtLevel: Int
    /// Level at which a secondary index was made current (0: none since the last commit to level 0).
    var indexSetAtLevel = 0
    /// Level of the last move or seek (a rollback of it puts the cursor before first).
    var movedAtLevel = 0

    var currency: Currency = .deferredFirst
    /// Key of the current entry in the index tree (the sought key in `.sought`).
    var current: [UInt8] {
        _read { yield hot.pointee.current }
        _modify { yield &hot.pointee.current }
    }
    /// Bytes of `current` that are the index key (the rest, on a secondary index, is the primary bookmark).
    var currentKeyLength = 0
    /// Bookmark of the current record (read only on a record: `.on` or `.deleted`). On the clustered index it is the
    /// entry's key, which `current` already holds: not copied a second time on every move.
    var bookmark: [UInt8] { bookmarkIsCurrent ? current : secondaryBookmark }
    private var bookmarkIsCurrent = false
    private var secondaryBookmark: [UInt8] = []

    /// The search key being made (JetMakeKey), nil when none.
    var searchKey: SearchKey?
    var range: IndexRange? {
        _read { yield hot.pointee.range }
        _modify { yield &hot.pointee.range }
    }
    package var update: PreparedUpdate? {
        _read { yield hot.pointee.update }
        _modify { yield &hot.pointee.update }
    }
    /// The session generation and definition under which this cursor last passed `Updates.guardTableWrite` in an
    /// update that succeeded: until the transaction ends or rolls back a level, or the definition changes, the
    /// check would pass again (the table-writer lock it took keeps other sessions' DDL off the table).
    var writeGuard: (generation: UInt64, schema: TableSchema)?

    /// A temporary table's own store (JET_ColInfoList / JET_IdxInfoList): read through it instead of the session.
    var privateTransaction: (any TreeTransaction)?

    /// The transaction this cursor reads through, and the generation its cached tree cursors belong to.
    func reading(_ session: IsamSession) throws(JetError) -> (any TreeTransaction, UInt64) {
        if let privateTransaction { return (privateTransaction, 0) }
        let transaction = try session.readTransaction()
        return (transaction, session.generation)
    }

    /// Tree cursors cached for the transaction generation they belong to.
    private var indexCursor: (any TreeCursor)?
    private var recordCursor: (any TreeCursor)?
    private var cursorGeneration: UInt64 = 0
    /// The cached index cursor sits on `current` (or in its gap after a delete).
    var synced = false
    /// Closed (JetCloseTable, a rollback, JetEndSession): a session's cached reference to it is stale.
    private(set) var isClosed = false

    init(
        tableid: UInt, session: IsamSession, dbid: UInt32, schema: TableSchema, updatable: Bool, denyRead: Bool,
        denyWrite: Bool
    ) {
        self.tableid = tableid
        self.sesid = session.sesid
        self.dbid = dbid
        hot = .allocate(capacity: 1)
        hot.initialize(to: Hot(schema: schema))
        self.index = schema.primaryIndex
        self.currentIndexTree = Atomic(Self.packed(schema.primaryIndex?.tree))
        self.indexTree = schema.primaryIndex?.tree ?? schema.recordTree
        self.onClustered = true
        self.updatable = updatable
        self.denyRead = denyRead
        self.denyWrite = denyWrite
        self.objid = schema.objid
        self.instance = ObjectIdentifier(session.instance)
        self.openedAtLevel = session.level
    }

    deinit {
        hot.deinitialize(count: 1)
        hot.deallocate()
    }

    /// The tree of the current index. Stored, not computed from `index`: every move and retrieve asks, and reading
    /// it through the optional IndexSchema copied (and retained and released) the whole definition each time.
    private(set) var indexTree: TreeID
    /// The current index is the clustered one (records are the entries' values).
    private(set) var onClustered: Bool

    private func noteIndex() {
        recordView = nil
        indexTree = index?.tree ?? schema.recordTree
        onClustered = index == nil || index?.isPrimary == true
    }

    /// The current record where the last move found it in the clustered index's leaf, with its header once a
    /// retrieve checked it: the retrieves of one row read it without going back to the tree cursor and check the
    /// header once. Valid while the index cursor's `entryStamp` is `stamp` and the cursor is on and synced.
    struct RecordView {
        let base: UnsafeRawPointer
        let count: Int
        let stamp: UInt64
        var header: RecordFormat.Header?
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
    }
    /// Set by `take` on the clustered index; dropped whenever the index cursor is handed out to be moved.
    var recordView: RecordView?

    /// The index cursor for `transaction`, created once per transaction generation. The caller may move it, so the
    /// record view goes.
    func treeCursor(_ transaction: any TreeTransaction, _ generation: UInt64) throws(JetError) -> any TreeCursor {
        recordView = nil
        if cursorGeneration != generation { dropTreeCursors(); cursorGeneration = generation }
        if let indexCursor { return indexCursor }
        let made: any TreeCursor
        do { made = try transaction.cursor(indexTree) } catch { throw JetError(error) }
        indexCursor = made
        synced = false
        return made
    }

    /// The cached index cursor when it belongs to the session's transaction as it is now (what `treeCursor` would
    /// give inside a transaction), found without asking the session for its transaction.
    @inline(__always)
    func cachedIndexCursor(_ session: IsamSession) -> (any TreeCursor)? {
        guard privateTransaction == nil, session.transaction != nil, cursorGeneration == session.generation else {
            return nil
        }
        return indexCursor
    }

    /// The current record as the last move left it (see `RecordView`), its header checked against the table; nil when
    /// the full path must find it (not on a record of the clustered index, outside a transaction, the tree changed).
    @inline(__always)
    func currentRecordView(_ session: IsamSession) -> RecordView? {
        guard currency == .on, synced, let view = recordView, let tc = cachedIndexCursor(session),
            tc.entryStamp == view.stamp
        else { return nil }
        return view
    }

    /// The clustered-index cursor used to fetch records behind secondary entries.
    func recordTreeCursor(_ transaction: any TreeTransaction, _ generation: UInt64) throws(JetError) -> any TreeCursor {
        if cursorGeneration != generation { dropTreeCursors(); cursorGeneration = generation }
        if let recordCursor { return recordCursor }
        let made: any TreeCursor
        do { made = try transaction.cursor(schema.recordTree) } catch { throw JetError(error) }
        recordCursor = made
        return made
    }

    func dropTreeCursors() {
        recordView = nil
        indexCursor = nil
        recordCursor = nil
        synced = false
    }

    /// A DDL change of the table (or a newer schema seen): later calls use `newSchema`.
    package func adopt(_ newSchema: TableSchema) {
        hot.pointee.schema = newSchema
        if let name = index?.name { index = newSchema.index(named: name) ?? newSchema.primaryIndex }
        noteIndex()
        dropTreeCursors()
    }

    /// Records the entry the index cursor is on as the current one. `stamp`: the index cursor's `entryStamp` (nil:
    /// the record is not kept).
    func take(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, stamp: UInt64?) {
        Self.assign(&current, key)
        if onClustered {
            currentKeyLength = key.count
            bookmarkIsCurrent = true
            if let stamp, let base = value.baseAddress {
                recordView = RecordView(base: base, count: value.count, stamp: stamp, header: nil)
            } else {
                recordView = nil
            }
        } else {
            currentKeyLength = max(key.count - value.count, 0)
            bookmarkIsCurrent = false
            Self.assign(&secondaryBookmark, value)
            recordView = nil
        }
        currency = .on
        synced = true
    }

    /// `bytes` becomes `source`, in place when the length is the same (a scan's keys mostly are): one access to the
    /// property, no reallocation.
    @inline(__always)
    private static func assign(_ bytes: inout [UInt8], _ source: UnsafeRawBufferPointer) {
        if bytes.count == source.count {
            guard let from = source.baseAddress else { return }
            bytes.withUnsafeMutableBytes { $0.baseAddress?.copyMemory(from: from, byteCount: source.count) }
        } else {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: source)
        }
    }

    /// Puts the cursor off the index (before first / after last), as a failed move or a rollback does.
    func unposition(_ state: Currency) {
        currency = state
        synced = false
        recordView = nil
    }

    // MARK: transactions

    /// The session's level `level` committed into the enclosing one.
    func levelCommitted(_ level: Int) {
        if update?.level == level { update?.level = level - 1 }
        if indexSetAtLevel == level { indexSetAtLevel = level - 1 }
        if movedAtLevel == level { movedAtLevel = level - 1 }
        if privateTransaction == nil { dropTreeCursors() }
    }

    enum RollbackOutcome { case keep, close }

    /// ESE's effects of rolling back `level` on a cursor (closing, cancelling, index and position resets).
    func rolledBack(_ level: Int) -> RollbackOutcome {
        if openedAtLevel >= level {
            close()
            return .close
        }
        if let update, update.level >= level { self.update = nil }
        if indexSetAtLevel >= level {
            index = schema.primaryIndex
            indexSetAtLevel = 0
            range = nil
            searchKey = nil
        }
        if movedAtLevel >= level {
            unposition(.beforeFirst)
            movedAtLevel = 0
        }
        if privateTransaction == nil { dropTreeCursors() }
        return .keep
    }

    func close() {
        isClosed = true
        update = nil
        dropTreeCursors()
        privateTransaction?.rollbackAll()
        privateTransaction = nil
    }
}

/// Tableids: opaque handles in a process-wide table (like sesids), never pointers, so a stale, forged or other
/// session's handle is reported, not followed.
package enum TableCursors {
    private struct Table: ~Copyable {
        var cursors: [UInt: TableCursor] = [:]
        var counter: UInt = 0
    }

    private static let table = Mutex(Table())
    static let tag: UInt = 0x5442_0000_0000_0000

    private static func newHandle() -> UInt {
        table.withLock { t in
            t.counter &+= 1
            return tag | (t.counter << 8) | 0x3C
        }
    }

    /// ESE's entry checks for a (sesid, tableid) call, in order: -1104, -1310, -1114, then the session gate
    /// (-1329, -1910). Runs body with the session held.
    static func with<R>(
        _ sesid: UInt, _ tableid: UInt, ignoringStopService: Bool = false,
        _ body: (IsamSession, TableCursor) throws(JetError) -> R
    ) throws(JetError) -> R {
        let session = try IsamSessions.session(sesid)
        // The common case without the process-wide table's lock: the session's own cursor, gate entered. A cursor of
        // this session that is still open is the one the table gives, so the checks below could only pass.
        if let cursor = session.enter(on: tableid, ignoringStopService: ignoringStopService) {
            defer { session.leave() }
            return try body(session, cursor)
        }
        guard let cursor = table.withLock({ $0.cursors[tableid] }) else { throw .invalidTableId }
        guard cursor.sesid == sesid else { throw .sesidTableIdMismatch }
        try session.enter(ignoringStopService: ignoringStopService)
        defer { session.leave() }
        // Closed by a rollback or JetEndSession on another path while we looked it up.
        guard session.cursors[tableid] === cursor else { throw .invalidTableId }
        session.lastCursor = cursor
        return try body(session, cursor)
    }

    /// Opens a cursor (tableid) of `sesid` on `schema` (JetOpenTable and the JetCreateTable* calls). The caller is
    /// inside the session gate (it checked the database and found the table).
    package static func open(
        session: IsamSession, dbid: UInt32, schema: TableSchema, updatable: Bool, denyRead: Bool = false,
        denyWrite: Bool = false
    ) -> UInt {
        let tableid = newHandle()
        let cursor = TableCursor(
            tableid: tableid, session: session, dbid: dbid, schema: schema, updatable: updatable,
            denyRead: denyRead, denyWrite: denyWrite)
        table.withLock { $0.cursors[tableid] = cursor }
        session.cursors[tableid] = cursor
        return tableid
    }

    /// Cursors of other sessions of the same instance open on the table `objid` of `dbid`.
    private static func others(_ session: IsamSession, dbid: UInt32, objid: UInt32) -> [TableCursor] {
        let instance = ObjectIdentifier(session.instance)
        return table.withLock { t in
            t.cursors.values.filter {
                $0.instance == instance && $0.dbid == dbid && $0.objid == objid && $0.sesid != session.sesid
            }
        }
    }

    /// True when a cursor of another session is open on the table (JetDeleteTable's JET_errTableInUse).
    package static func isOpenElsewhere(_ session: IsamSession, dbid: UInt32, objid: UInt32) -> Bool {
        !others(session, dbid: dbid, objid: objid).isEmpty
    }

    /// True when a cursor of another session has the index stored in `tree` as its current index (JetDeleteIndex's
    /// JET_errIndexInUse).
    package static func indexInUseElsewhere(_ session: IsamSession, dbid: UInt32, objid: UInt32, tree: TreeID) -> Bool {
        let packed = TableCursor.packed(tree)
        return others(session, dbid: dbid, objid: objid).contains {
            $0.currentIndexTree.load(ordering: .acquiring) == packed
        }
    }

    /// ESE's table locks at JetOpenTable: another session's DenyRead cursor locks the table (-1302); DenyRead
    /// needs no other session's cursor, DenyWrite no other session's updatable or DenyWrite cursor (-1304); an
    /// updatable cursor is refused while another session denies writes (-1302).
    private static func checkTableLocks(
        _ session: IsamSession, dbid: UInt32, objid: UInt32, denyRead: Bool, denyWrite: Bool, updatable: Bool
    ) throws(JetError) {
        let open = others(session, dbid: dbid, objid: objid)
        if open.contains(where: { $0.denyRead }) { throw .tableLocked }
        if denyRead && !open.isEmpty { throw .tableInUse }
        if denyWrite && open.contains(where: { $0.updatable || $0.denyWrite }) { throw .tableInUse }
        if updatable && open.contains(where: { $0.denyWrite }) { throw .tableLocked }
    }

    /// The sesid form of the design: enters the session gate itself.
    package static func open(sesid: UInt, dbid: UInt32, schema: TableSchema, grbit: UInt) throws(JetError) -> UInt {
        try IsamSessions.with(sesid) { (session) throws(JetError) -> UInt in
            let readOnlyDatabase = try checkDatabase(session, dbid)
            let updatable = !readOnlyDatabase && grbit & UInt(JET_bitTableReadOnly) == 0
            return open(session: session, dbid: dbid, schema: schema, updatable: updatable)
        }
    }

    static func forget(_ tableid: UInt) { _ = table.withLock { $0.cursors.removeValue(forKey: tableid) } }

    static func forgetAll(of sesid: UInt) {
        table.withLock { t in t.cursors = t.cursors.filter { $0.value.sesid != sesid } }
    }

    /// JET_errInvalidDatabaseId unless this session opened `dbid`; returns whether it is read-only.
    static func checkDatabase(_ session: IsamSession, _ dbid: UInt32) throws(JetError) -> Bool {
        try session.instance.state.withLock { (s) throws(JetError) -> Bool in
            guard let db = s.databases.first(where: { $0.dbid == dbid }), (db.opens[session.sesid] ?? 0) > 0 else {
                throw .invalidDatabaseId
            }
            return db.readOnly
        }
    }

    // MARK: JetOpenTable / JetCloseTable

    /// JetOpenTable: `name` already checked by ObjectName.validate.
    package static func openTable(
        sesid: UInt, dbid: UInt, name: String?, grbit: UInt
    ) throws(JetError) -> UInt {
        try IsamSessions.with(sesid) { (session) throws(JetError) -> UInt in
            guard dbid <= UInt(UInt32.max) else { throw .invalidDatabaseId }
            let dbid32 = UInt32(dbid)
            let readOnlyDatabase = try checkDatabase(session, dbid32)
            let denyRead = grbit & UInt(JET_bitTableDenyRead) != 0
            if grbit & UInt(JET_bitTablePermitDDL) != 0 && !denyRead { throw .invalidGrbit }
            if denyRead && grbit & UInt(JET_bitTableReadOnly) != 0 { throw .invalidGrbit }
            // TableDelete, TableCreate and 0x40000000 are ESE's own.
            if grbit & UInt(JET_bitTableDelete | JET_bitTableCreate | 0x4000_0000) != 0 { throw .invalidGrbit }
            guard let name else { throw .invalidName }
            let valid = try ObjectName.validate(name)
            let schema = try SessionTransactions.read(session) { (transaction, _) throws(JetError) in
                try Catalog.table(named: valid, dbid: dbid32, in: transaction)
            }
            guard let schema else { throw .objectNotFound }
            let updatable = !readOnlyDatabase && grbit & UInt(JET_bitTableReadOnly) == 0
            let denyWrite = grbit & UInt(JET_bitTableDenyWrite) != 0
            try checkTableLocks(
                session, dbid: dbid32, objid: schema.objid, denyRead: denyRead, denyWrite: denyWrite,
                updatable: updatable)
            return open(
                session: session, dbid: dbid32, schema: schema, updatable: updatable, denyRead: denyRead,
                denyWrite: denyWrite)
        }
    }

    /// JetCloseTable: allowed after JetStopService; a prepared update is discarded.
    package static func closeTable(sesid: UInt, tableid: UInt) throws(JetError) {
        try with(sesid, tableid, ignoringStopService: true) { (session, cursor) throws(JetError) in
            cursor.close()
            session.cursors[tableid] = nil
            forget(tableid)
        }
    }

    // MARK: JetSetCurrentIndex / JetGetCurrentIndex

    /// JetSetCurrentIndex4 (the other versions pass their defaults). `name` nil or "" selects the clustered index;
    /// an `indexID` (JET_INDEXID's content) selects its index and the name is ignored, as ESE documents; an id that
    /// names no index of this table now (deleted, another table's) is JET_errInvalidIndexId.
    package static func setCurrentIndex(
        sesid: UInt, tableid: UInt, name: String?, indexID: IndexID? = nil, grbit: UInt, itagSequence: UInt
    ) throws(JetError) {
        try with(sesid, tableid) { (session, cursor) throws(JetError) in
            try SessionTransactions.read(session) { (txn, _) throws(JetError) in try SchemaCalls.refreshSchema(cursor, in: txn) }
            guard grbit == UInt(JET_bitMoveFirst) || grbit == UInt(JET_bitNoMove) else { throw .invalidGrbit }
            var target: IndexSchema? = cursor.schema.primaryIndex
            var named: String?
            if indexID == nil, let name, !name.isEmpty { named = try ObjectName.validate(name) }
            // Before the index is looked up, as in ESE: MoveFirst cancels a prepared update (even when the index then
            // is not found); NoMove takes the current record's bookmark, so a cursor on no record gets -1603 whatever
            // index it names, and keeps its index and position.
            if grbit == UInt(JET_bitMoveFirst) {
                cursor.update = nil
            } else if cursor.currency != .on, cursor.currency != .deleted {
                throw .noCurrentRecord
            }
            if let named {
                guard let found = cursor.schema.index(named: named) else { throw .indexNotFound }
                target = found
            } else if let indexID {
                target = try cursor.schema.index(id: indexID)
            }
            if grbit == UInt(JET_bitMoveFirst) {
                cursor.index = target
                cursor.range = nil
                cursor.searchKey = nil
                cursor.dropTreeCursors()
                cursor.unposition(.deferredFirst)
                cursor.indexSetAtLevel = target?.isPrimary == false ? session.level : 0
                return
            }
            // NoMove: keep the current record, find its entry in the new index. A deleted record still has its
            // bookmark: as in ESE, the index changes and going to it fails (-1017).
            let bookmark = cursor.bookmark
            cursor.index = target
            cursor.range = nil
            cursor.dropTreeCursors()
            cursor.indexSetAtLevel = target?.isPrimary == false ? session.level : 0
            do throws(JetError) {
                try Navigation.positionOnRecord(session, cursor, bookmark: bookmark)
            } catch .recordDeleted {
                cursor.unposition(.beforeFirst)
                throw .recordDeleted
            }
        }
    }

    /// JetGetCurrentIndex: the current index's name ("" for a sequential clustered index).
    package static func currentIndexName(sesid: UInt, tableid: UInt) throws(JetError) -> String {
        try with(sesid, tableid) { (_, cursor) throws(JetError) -> String in
            return cursor.index?.name ?? ""
        }
    }
}
