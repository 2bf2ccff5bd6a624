import CEsent

/// The update cycle: JetPrepareUpdate, JetSetColumn(s), JetUpdate, JetDelete, and JetRetrieveColumn(s).
package enum Updates {
    private static func storage<R>(_ body: () throws(StorageError) -> R) throws(JetError) -> R {
        do { return try body() } catch { throw JetError(error) }
    }

    private static func checkWritable(_ session: IsamSession, _ cursor: TableCursor) throws(JetError) {
        guard cursor.updatable else { throw .permissionDenied }
        if session.readOnly { throw .transReadOnly }
    }

    static func recordLock(_ cursor: TableCursor, _ bookmark: [UInt8]) -> LockResource {
        LockResource(dbid: cursor.schema.recordTree.dbid, objid: cursor.schema.recordTree.objid, key: bookmark)
    }

    /// Record writes and DDL on one table exclude each other across open transactions: an index built in one
    /// transaction cannot see rows another transaction writes meanwhile, and a record written under a definition
    /// older than the committed one would miss its newer indexes. So a write fails with -1102 when another open
    /// transaction changed the table's definition, or one committed it after this transaction began; it then
    /// takes the definition this transaction sees, and marks the table as written by this session (the mark DDL
    /// checks, see `tableWriters`).
    static func guardTableWrite(_ cursor: TableCursor, _ txn: any TreeTransaction, _ context: SessionContext)
        throws(JetError)
    {
        let name = cursor.schema.name
        let definition = LockResource(dbid: cursor.dbid, objid: Catalog.treeObjid, key: Catalog.tableKey(name))
        if context.locks.wouldConflict(definition, session: context.sesid, snapshot: context.snapshot) {
            throw .writeConflict
        }
        try SchemaCalls.refreshSchema(cursor, in: txn)
        try context.lock(tableWriter(dbid: cursor.dbid, name: name, session: context.sesid), conflict: .writeConflict)
    }

    /// Lock resources that say "this session wrote records of this table": objid `tableWritersObjid` is no tree;
    /// the key is the table's catalog key, a 0 byte (names hold none), then the session.
    static let tableWritersObjid = UInt32.max
    static func tableWriters(name: String) -> [UInt8] { Catalog.tableKey(name) + [0] }
    static func tableWriter(dbid: UInt32, name: String, session: UInt) -> LockResource {
        var key = tableWriters(name: name)
        withUnsafeBytes(of: UInt64(session).bigEndian) { key.append(contentsOf: $0) }
        return LockResource(dbid: dbid, objid: tableWritersObjid, key: key)
    }

    // MARK: JetPrepareUpdate

    package static func prepareUpdate(sesid: UInt, tableid: UInt, prep: UInt) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            let kind: PreparedUpdate.Kind
            switch prep {
            case UInt(JET_prepCancel):
                guard cursor.update != nil else { throw .updateNotPrepared }
                cursor.update = nil
                return
            case UInt(JET_prepInsert): kind = .insert
            case UInt(JET_prepReplace): kind = .replace
            case UInt(JET_prepReplaceNoLock): kind = .replaceNoLock
            case UInt(JET_prepInsertCopy): kind = .insertCopy
            case UInt(JET_prepInsertCopyDeleteOriginal): kind = .insertCopyDeleteOriginal
            case UInt(JET_prepInsertCopyReplaceOriginal): kind = .insertCopyReplaceOriginal
            case UInt(JET_prepInsertMustSetAutoIncrement):
                try checkWritable(session, cursor)
                if cursor.update != nil { throw .alreadyPrepared }
                // No table has an autoincrement column yet (a later issue).
                throw .illegalOperation
            case UInt(JET_prepReadOnlyCopy):
                if cursor.update != nil { throw .alreadyPrepared }
                if session.level == 0 { throw .notInTransaction }
                // A read-only copy buffer is not offered yet; ESE's own callers use it internally.
                throw .invalidParameter
            default:
                throw .invalidParameter
            }
            try checkWritable(session, cursor)
            if cursor.update != nil { throw .alreadyPrepared }
            if kind == .insert {
                var values: [UInt32: [UInt8]?] = [:]
                for column in cursor.schema.columns where column.columnClass != .tagged {
                    if let value = column.defaultValue { values[column.columnid] = value }
                }
                cursor.update = PreparedUpdate(
                    kind: kind, values: values, changed: [], original: [], bookmark: [], level: session.level)
                return
            }
            let (original, values) = try Navigation.withCurrentRecord(session, cursor) {
                (record) throws(JetError) -> ([UInt8], [UInt32: [UInt8]?]) in
                (Array(record), try RecordFormat.decode(record, table: cursor.schema))
            }
            let bookmark = cursor.bookmark
            // Inside a transaction Replace and the copies that remove the original lock the record now, so a
            // conflict shows here; at level 0 (and for ReplaceNoLock) JetUpdate checks instead.
            let locking = kind == .replace || kind == .insertCopyDeleteOriginal || kind == .insertCopyReplaceOriginal
            if locking && session.level > 0 {
                let context = SessionContext(session: session, snapshot: session.snapshot)
                try context.lock(recordLock(cursor, bookmark), conflict: .writeConflict)
            }
            cursor.update = PreparedUpdate(
                kind: kind, values: values, changed: [], original: original, bookmark: bookmark,
                level: session.level)
        }
    }

    // MARK: JetSetColumn

    /// Column id checks shared by the set and retrieve calls: -1517 for an id of no class, -1507 for none.
    static func column(_ cursor: TableCursor, _ columnid: UInt) throws(JetError) -> ColumnSchema {
        cursor.schema.columns[try columnIndex(cursor.schema, columnid)]
    }

    /// The same checks, giving the column's place in `schema.columns` (a retrieve reads it there, uncopied).
    static func columnIndex(_ schema: TableSchema, _ columnid: UInt) throws(JetError) -> Int {
        let high = columnid & ~UInt(0xFFFF)
        guard columnid != 0, high == 0 || high == 0x8000_0000 else { throw .badColumnId }
        guard let index = schema.columnIndex(id: UInt32(truncatingIfNeeded: columnid)) else {
            throw .columnNotFound
        }
        return index
    }

    /// One value into the copy buffer; returns JET_wrnColumnMaxTruncated when a variable value was cut.
    /// `sizeTooBig` (cbData over 0x7FFFFFFF) and `setInfoTooSmall` (JET_SETINFO's cbStruct) are the ABI's argument
    /// faults, reported in ESE's order: after the handle and update-permission checks, the size before
    /// JET_errUpdateNotPrepared and the JET_SETINFO after it.
    package static func setColumn(
        sesid: UInt, tableid: UInt, columnid: UInt, data: UnsafeRawBufferPointer, grbit: UInt,
        sizeTooBig: Bool = false, setInfoTooSmall: Bool = false
    ) throws(JetError) -> JetError? {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> JetError? in
            try checkWritable(session, cursor)
            if sizeTooBig { throw .invalidParameter }
            guard cursor.update != nil else { throw .updateNotPrepared }
            if setInfoTooSmall { throw .invalidParameter }
            return try setColumn(session, cursor, columnid: columnid, data: data, grbit: grbit)
        }
    }

    /// JetSetColumn's grbit rules, checked before the column (ESE's FM): the unique-multi-value bits do not combine
    /// with the long-value operations, JET_bitSetContiguousLV needs JET_bitSetSeparateLV and at least a page of
    /// data, and the top four bits are ESE's internal ones.
    static func checkSetGrbit(_ grbit: UInt, count: Int, _ session: IsamSession) throws(JetError) {
        let unique = UInt(JET_bitSetUniqueMultiValues | JET_bitSetUniqueNormalizedMultiValues)
        let lvOperations = UInt(JET_bitSetAppendLV | JET_bitSetOverwriteLV | JET_bitSetSizeLV)
        if grbit & unique != 0 && grbit & lvOperations != 0 { throw .invalidGrbit }
        if grbit & UInt(JET_bitSetContiguousLV) != 0 {
            guard grbit & UInt(JET_bitSetSeparateLV) != 0 else { throw .invalidGrbit }
            guard count >= (try session.pageSize()) else { throw .invalidBufferSize }
        }
        if grbit & internalGrbits != 0 { throw .invalidGrbit }
    }

    /// ESE's internal JetSetColumn / JetRetrieveColumn bits (grbitSetColumnInternalFlagsMask).
    static let internalGrbits: UInt = 0xF000_0000

    /// JetSetColumns: the elements in order; `each` reports every element's result, the first error stops.
    /// `sizeTooBig`: an element's cbData is over 0x7FFFFFFF (JET_errInvalidParameter after the update checks,
    /// before anything is set).
    package static func setColumns(
        sesid: UInt, tableid: UInt, count: Int,
        element: (Int) throws(JetError) -> (columnid: UInt, data: UnsafeRawBufferPointer, grbit: UInt),
        result: (Int, JetError?) -> Void, sizeTooBig: Bool = false
    ) throws(JetError) -> JetError? {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> JetError? in
            try checkWritable(session, cursor)
            guard cursor.update != nil else { throw .updateNotPrepared }
            if sizeTooBig { throw .invalidParameter }
            var warning: JetError?
            for i in 0..<count {
                let e = try element(i)
                let w = try setColumn(session, cursor, columnid: e.columnid, data: e.data, grbit: e.grbit)
                result(i, w)
                if w != nil { warning = w }
            }
            return warning
        }
    }

    static func setColumn(
        _ session: IsamSession, _ cursor: TableCursor, columnid: UInt, data: UnsafeRawBufferPointer, grbit: UInt
    ) throws(JetError) -> JetError? {
        try checkWritable(session, cursor)
        guard cursor.update != nil else { throw .updateNotPrepared }
        try checkSetGrbit(grbit, count: data.count, session)
        let column = try column(cursor, columnid)
        if column.grbit & ColumnBits.autoincrement != 0 { throw .invalidColumnType }
        if column.grbit & ColumnBits.version != 0, cursor.update?.kind == .replace || cursor.update?.kind == .replaceNoLock {
            throw .invalidColumnType
        }
        let (value, warning) = try ColumnValues.prepare(
            data, zeroLength: grbit & UInt(JET_bitSetZeroLength) != 0, for: column)
        if column.columnClass == .variable, let values = cursor.update?.values {
            // As ESE's JetSetColumn: a variable value that would take the record past the limit is refused here
            // (JetUpdate checks the whole record again).
            let before = (values[column.columnid] ?? nil)?.count ?? 0
            let size = RecordFormat.encodedSize(values, table: cursor.schema) - before + (value?.count ?? 0)
            guard size <= RecordFormat.cbRecordMost(pageSize: try session.pageSize(), table: cursor.schema) else {
                throw .recordTooBig
            }
        }
        cursor.update?.values[column.columnid] = .some(value)
        cursor.update?.changed.insert(column.columnid)
        return warning
    }

    // MARK: JetUpdate

    /// JetUpdate2. `bookmarkOut` receives the new (insert) or replaced record's bookmark; returns its full length.
    package static func update(
        sesid: UInt, tableid: UInt, bookmarkOut: UnsafeMutableRawBufferPointer?, grbit: UInt
    ) throws(JetError) -> Int {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> Int in
            guard let prepared = cursor.update else { throw .updateNotPrepared }
            try checkWritable(session, cursor)
            if grbit & UInt(JET_bitUpdateNoVersion) != 0 && prepared.kind != .replace
                && prepared.kind != .replaceNoLock
            {
                try checkCreatedInTransaction(session, cursor)
            }
            let pageSize = try session.pageSize()
            let bookmark = try SessionTransactions.write(session) {
                (transaction, context) throws(JetError) -> [UInt8] in
                // The operation runs in its own savepoint: a failure undoes what it wrote and gives its locks
                // back, and the update stays prepared.
                var context = context
                context.lockLevel += 1
                do throws(StorageError) { try transaction.beginLevel() } catch { throw JetError(error) }
                do throws(JetError) {
                    let guarded =
                        session.transaction != nil && cursor.writeGuard?.generation == session.generation
                        && cursor.writeGuard?.schema === cursor.schema
                    if !guarded { try guardTableWrite(cursor, transaction, context) }
                    let result: [UInt8]
                    switch prepared.kind {
                    case .replace, .replaceNoLock:
                        result = try replace(session, cursor, prepared, transaction, context, pageSize)
                    default:
                        result = try insert(cursor, prepared, transaction, context, pageSize, bookmarkOut)
                    }
                    transaction.commitLevel()
                    context.locks.commitLevel(session: session.sesid, level: context.lockLevel)
                    if session.transaction != nil { cursor.writeGuard = (session.generation, cursor.schema) }
                    return result
                } catch {
                    transaction.rollbackLevel()
                    context.locks.rollbackLevel(session: session.sesid, level: context.lockLevel)
                    throw error
                }
            }
            cursor.update = nil
            if let bookmarkOut, let base = bookmarkOut.baseAddress {
                let n = min(bookmarkOut.count, bookmark.count)
                bookmark.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: n) }
            }
            return bookmark.count
        }
    }

    /// JET_bitUpdateNoVersion is for tables created in the current, uncommitted transaction (ESE then skips the
    /// version store); any other table gives JET_errUpdateMustVersion. The updates are versioned either way.
    private static func checkCreatedInTransaction(_ session: IsamSession, _ cursor: TableCursor) throws(JetError) {
        guard session.transaction != nil else { throw .updateMustVersion }
        let committed = try session.treeStore().begin(readOnly: true)
        defer { committed.rollbackAll() }
        let existing = try Catalog.table(named: cursor.schema.name, dbid: cursor.dbid, in: committed)
        if existing?.objid == cursor.schema.objid { throw .updateMustVersion }
    }

    private static func insert(
        _ cursor: TableCursor, _ prepared: PreparedUpdate, _ transaction: any TreeTransaction,
        _ context: SessionContext, _ pageSize: Int, _ bookmarkOut: UnsafeMutableRawBufferPointer?
    ) throws(JetError) -> [UInt8] {
        let schema = cursor.schema
        if prepared.kind == .insertCopyDeleteOriginal || prepared.kind == .insertCopyReplaceOriginal {
            try context.lock(recordLock(cursor, prepared.bookmark), conflict: .writeConflict)
            let original = try currentRecord(transaction, schema, prepared.bookmark)
            guard let original else { throw .recordDeleted }
            try deleteRecord(schema, transaction, context, bookmark: prepared.bookmark, record: original)
        }
        for column in schema.columns where column.isNotNull && column.columnClass != .tagged {
            if (prepared.values[column.columnid] ?? nil) == nil { throw .nullInvalid }
        }
        let record = try RecordFormat.encode(prepared.values, table: schema, pageSize: pageSize)
        let bookmark: [UInt8]
        if let primary = schema.primaryIndex {
            let key = try KeyFormat.indexKey(index: primary, table: schema) {
                (column) throws(JetError) -> [UInt8]? in prepared.values[column.columnid] ?? nil
            }
            guard let key else { throw .nullKeyDisallowed }
            bookmark = key
        } else {
            let number = try context.locks.nextRecordNumber(schema.recordTree) { () throws(JetError) -> UInt32 in
                try lastRecordNumber(transaction, schema.recordTree)
            }
            bookmark = KeyFormat.sequentialBookmark(number)
        }
        if let bookmarkOut, bookmarkOut.baseAddress != nil, bookmark.count > bookmarkOut.count {
            throw .bufferTooSmall
        }
        // Another session's uncommitted (or, for this snapshot, too recent) record of that key: ESE reports the
        // insert's write conflict as a duplicate key.
        try context.lock(recordLock(cursor, bookmark), conflict: .keyDuplicate)
        try withBytes(bookmark) { (k) throws(JetError) in
            try withBytes(record) { (v) throws(JetError) in
                try storage { () throws(StorageError) in try transaction.insert(schema.recordTree, key: k, value: v) }
            }
        }
        for index in schema.secondaryIndexes {
            let key = try KeyFormat.indexKey(index: index, table: schema) {
                (column) throws(JetError) -> [UInt8]? in prepared.values[column.columnid] ?? nil
            }
            guard let key else { continue }
            try insertEntry(index, key: key, bookmark: bookmark, transaction, context)
        }
        return bookmark
    }

    private static func replace(
        _ session: IsamSession, _ cursor: TableCursor, _ prepared: PreparedUpdate,
        _ transaction: any TreeTransaction, _ context: SessionContext, _ pageSize: Int
    ) throws(JetError) -> [UInt8] {
        let schema = cursor.schema
        let bookmark = prepared.bookmark
        try context.lock(recordLock(cursor, bookmark), conflict: .writeConflict)
        let stored = try currentRecord(transaction, schema, bookmark)
        guard let stored else { throw .recordDeleted }
        // At level 0 nothing held the record since JetPrepareUpdate: any change meanwhile is a conflict.
        if session.level == 0 && stored != prepared.original { throw .writeConflict }
        guard !prepared.changed.isEmpty else { return bookmark }
        if let primary = schema.primaryIndex {
            let key = try KeyFormat.indexKey(index: primary, table: schema) {
                (column) throws(JetError) -> [UInt8]? in prepared.values[column.columnid] ?? nil
            }
            guard key == bookmark else { throw .recordPrimaryChanged }
        }
        let record = try RecordFormat.encode(prepared.values, table: schema, pageSize: pageSize)
        for index in schema.secondaryIndexes
        where index.segments.contains(where: { prepared.changed.contains($0.columnid) }) {
            let old = try withBytes(stored) { (r) throws(JetError) -> [UInt8]? in
                try KeyFormat.indexKey(record: r, index: index, table: schema)
            }
            let new = try KeyFormat.indexKey(index: index, table: schema) {
                (column) throws(JetError) -> [UInt8]? in prepared.values[column.columnid] ?? nil
            }
            guard old != new else { continue }
            if let old { try deleteEntry(index, key: old, bookmark: bookmark, transaction, context) }
            if let new { try insertEntry(index, key: new, bookmark: bookmark, transaction, context) }
        }
        try withBytes(bookmark) { (k) throws(JetError) in
            try withBytes(record) { (v) throws(JetError) in
                try storage { () throws(StorageError) in try transaction.replace(schema.recordTree, key: k, value: v) }
            }
        }
        return bookmark
    }

    /// The record stored under `bookmark` as `transaction` sees it.
    static func currentRecord(
        _ transaction: any TreeTransaction, _ schema: TableSchema, _ bookmark: [UInt8]
    ) throws(JetError) -> [UInt8]? {
        let tc = try storage { () throws(StorageError) in try transaction.cursor(schema.recordTree) }
        let found = try withBytes(bookmark) { (k) throws(JetError) -> Bool in
            try storage { () throws(StorageError) in try tc.seek(k, .eq) }
        }
        guard found else { return nil }
        return tc.withEntry { (_, value) in Array(value) }
    }

    /// The highest record number of a table without primary index (0: none), as a starting point.
    private static func lastRecordNumber(_ transaction: any TreeTransaction, _ tree: TreeID) throws(JetError) -> UInt32 {
        let tc = try storage { () throws(StorageError) in try transaction.cursor(tree) }
        guard try storage({ () throws(StorageError) in try tc.last() }) else { return 0 }
        return tc.withEntry { (key, _) -> UInt32 in
            guard key.count == 4 else { return 0 }
            return key.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        } ?? 0
    }

    private static func insertEntry(
        _ index: IndexSchema, key: [UInt8], bookmark: [UInt8], _ transaction: any TreeTransaction,
        _ context: SessionContext
    ) throws(JetError) {
        if index.isUnique {
            try context.lock(
                LockResource(dbid: index.tree.dbid, objid: index.tree.objid, key: key), conflict: .keyDuplicate)
            // Another record with the same key in this transaction's view.
            let tc = try storage { () throws(StorageError) in try transaction.cursor(index.tree) }
            let found = try withBytes(key) { (k) throws(JetError) -> Bool in
                try storage { () throws(StorageError) in try tc.seek(k, .ge) }
            }
            if found {
                let taken = key.withUnsafeBytes { k in
                    tc.withEntry { (entry, value) in
                        entry.count - value.count == k.count && KeyOrder.hasPrefix(entry, k)
                    } ?? false
                }
                if taken { throw .keyDuplicate }
            }
        }
        let entry = KeyFormat.secondaryEntryKey(key: key, bookmark: bookmark)
        try withBytes(entry) { (k) throws(JetError) in
            try withBytes(bookmark) { (v) throws(JetError) in
                try storage { () throws(StorageError) in try transaction.insert(index.tree, key: k, value: v) }
            }
        }
    }

    private static func deleteEntry(
        _ index: IndexSchema, key: [UInt8], bookmark: [UInt8], _ transaction: any TreeTransaction,
        _ context: SessionContext
    ) throws(JetError) {
        if index.isUnique {
            // Until this commits, nobody else may take the key back.
            try context.lock(
                LockResource(dbid: index.tree.dbid, objid: index.tree.objid, key: key), conflict: .writeConflict)
        }
        let entry = KeyFormat.secondaryEntryKey(key: key, bookmark: bookmark)
        do throws(StorageError) {
            try withBytes(entry) { (k) throws(StorageError) in try transaction.delete(index.tree, key: k) }
        } catch .keyNotFound {
            // The entry was never there (an index built while the record was excluded): nothing to remove.
        } catch {
            throw JetError(error)
        }
    }

    private static func deleteRecord(
        _ schema: TableSchema, _ transaction: any TreeTransaction, _ context: SessionContext, bookmark: [UInt8],
        record: [UInt8]
    ) throws(JetError) {
        for index in schema.secondaryIndexes {
            let key = try withBytes(record) { (r) throws(JetError) -> [UInt8]? in
                try KeyFormat.indexKey(record: r, index: index, table: schema)
            }
            if let key { try deleteEntry(index, key: key, bookmark: bookmark, transaction, context) }
        }
        try withBytes(bookmark) { (k) throws(JetError) in
            try storage { () throws(StorageError) in try transaction.delete(schema.recordTree, key: k) }
        }
    }

    // MARK: JetDelete

    package static func delete(sesid: UInt, tableid: UInt) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            try checkWritable(session, cursor)
            if let kind = cursor.update?.kind,
                kind == .insertCopyDeleteOriginal || kind == .insertCopyReplaceOriginal
            {
                throw .alreadyPrepared
            }
            cursor.update = nil
            if cursor.currency == .deferredFirst { try Navigation.resolveDeferred(session, cursor) }
            guard cursor.currency == .on else {
                throw cursor.currency == .deleted ? .recordDeleted : .noCurrentRecord
            }
            let bookmark = cursor.bookmark
            try SessionTransactions.write(session) { (transaction, context) throws(JetError) in
                try guardTableWrite(cursor, transaction, context)
                let schema = cursor.schema
                try context.lock(recordLock(cursor, bookmark), conflict: .writeConflict)
                guard let record = try currentRecord(transaction, schema, bookmark) else { throw .recordDeleted }
                try deleteRecord(schema, transaction, context, bookmark: bookmark, record: record)
            }
            cursor.currency = .deleted
        }
    }

    // MARK: JetRetrieveColumn

    /// Copies the column's value (as much as fits) into `buffer`. Returns the full length and the warning:
    /// JET_wrnColumnNull (length 0) or JET_wrnBufferTruncated.
    /// `retInfoTooSmall`: JET_RETINFO's cbStruct (or a size in it) is bad, JET_errInvalidParameter after the handle
    /// checks (ESE's order).
    package static func retrieveColumn(
        sesid: UInt, tableid: UInt, columnid: UInt, into buffer: UnsafeMutableRawBufferPointer, grbit: UInt,
        itagSequence: UInt, retInfoTooSmall: Bool = false
    ) throws(JetError) -> (length: Int, warning: JetError?) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> (length: Int, warning: JetError?) in
            if retInfoTooSmall { throw .invalidParameter }
            return try retrieveColumn(session, cursor, columnid: columnid, into: buffer, grbit: grbit, itagSequence: itagSequence)
        }
    }

    /// The per-element form for JetRetrieveColumns (one gate for the whole array).
    package static func retrieveColumns(
        sesid: UInt, tableid: UInt, _ body: (_ retrieve: (UInt, UnsafeMutableRawBufferPointer, UInt, UInt) throws(JetError) -> (length: Int, warning: JetError?)) throws(JetError) -> JetError?
    ) throws(JetError) -> JetError? {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> JetError? in
            try body { (columnid, buffer, grbit, itag) throws(JetError) in
                try retrieveColumn(session, cursor, columnid: columnid, into: buffer, grbit: grbit, itagSequence: itag)
            }
        }
    }

    static func retrieveColumn(
        _ session: IsamSession, _ cursor: TableCursor, columnid: UInt, into buffer: UnsafeMutableRawBufferPointer,
        grbit: UInt, itagSequence: UInt
    ) throws(JetError) -> (length: Int, warning: JetError?) {
        if grbit & internalGrbits != 0 { throw .invalidGrbit }
        if grbit & UInt(JET_bitRetrieveTuple) != 0 && grbit & UInt(JET_bitRetrieveFromIndex) == 0 {
            throw .invalidGrbit
        }
        let schema = cursor.schema
        let index = try columnIndex(schema, columnid)
        // Fixed and variable columns hold one value: a later itag is NULL.
        let single = itagSequence <= 1
        if grbit & UInt(JET_bitRetrieveCopy) != 0, let prepared = cursor.update {
            guard single, let value = prepared.values[schema.columns[index].columnid] ?? nil else {
                return (0, .wrnColumnNull)
            }
            return value.withUnsafeBytes { deliver($0, into: buffer) }
        }
        // The row the last move reached, read where it lies (the header checked by the first column read).
        if single, var view = cursor.currentRecordView(session) {
            let record = view.bytes
            let header: RecordFormat.Header
            if let checked = view.header {
                header = checked
            } else {
                header = try RecordFormat.Header(record, table: schema)
                view.header = header
                cursor.recordView = view
            }
            let field = RecordFormat.field(
                id: schema.columns[index].columnid, schema.columns[index].columnClass, in: record, header: header,
                table: schema)
            return try deliver(field, of: index, in: record, schema: schema, into: buffer)
        }
        return try Navigation.withCurrentRecord(session, cursor) {
            (record) throws(JetError) -> (length: Int, warning: JetError?) in
            guard single else { return (0, .wrnColumnNull) }
            let id = schema.columns[index].columnid
            let field = try RecordFormat.field(id: id, schema.columns[index].columnClass, in: record, table: schema)
            return try deliver(field, of: index, in: record, schema: schema, into: buffer)
        }
    }

    /// A column's value found in `record` (NULL, the column's default, or its bytes) into the caller's buffer.
    @inline(__always)
    private static func deliver(
        _ field: RecordField, of index: Int, in record: UnsafeRawBufferPointer, schema: TableSchema,
        into buffer: UnsafeMutableRawBufferPointer
    ) throws(JetError) -> (length: Int, warning: JetError?) {
        switch field {
        case .null:
            return (0, .wrnColumnNull)
        case .absent:
            guard let value = schema.columns[index].defaultValue else { return (0, .wrnColumnNull) }
            return value.withUnsafeBytes { deliver($0, into: buffer) }
        case .value(let range):
            guard range.lowerBound >= 0, range.upperBound <= record.count else { throw .databaseCorrupted }
            return deliver(UnsafeRawBufferPointer(rebasing: record[range]), into: buffer)
        }
    }

    private static func deliver(
        _ value: UnsafeRawBufferPointer, into buffer: UnsafeMutableRawBufferPointer
    ) -> (length: Int, warning: JetError?) {
        let n = min(buffer.count, value.count)
        if n > 0, let base = buffer.baseAddress, let source = value.baseAddress {
            base.copyMemory(from: source, byteCount: n)
        }
        return (value.count, value.count > buffer.count ? .wrnBufferTruncated : nil)
    }
}
