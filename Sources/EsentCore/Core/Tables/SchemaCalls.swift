import Synchronization

// The DDL and schema-information calls as the ABI calls them: handle checks (sesid, dbid or tableid, session gate),
// then DDL/Catalog in the session's transaction. Names arrive as a Result so that a W name that failed to convert
// is reported after the handle checks, where ESE reports it.

/// A caller's name: its UTF-8 bytes (nil for a NULL pointer), or the conversion failure of a W name.
package typealias NameInput = Result<[UInt8]?, JetError>

/// How JetGetTableColumnInfo / JetGetColumnInfo name the column.
package enum ColumnLookup: Sendable {
    case name(NameInput)
    case id(UInt)
}

/// One column's description as the info calls report it.
package struct ColumnInfo: Sendable, Equatable {
    package var columnid: UInt32
    package var coltyp: UInt32
    package var codePage: UInt16
    package var cbMax: UInt32
    package var grbit: UInt32
    package var tableName: String
    package var columnName: String
    /// JET_COLUMNDEF.wCountry and langid (ESE reports country 1 and the default locale, en-US).
    package static let country: UInt16 = 1
    package static let langid: UInt16 = 0x0409
}

/// What JetGetTableInfo(JET_TblInfo) reports.
package struct TableInfo: Sendable, Equatable {
    package var name: String
    package var updatable: Bool
    package var flags: UInt32
    package var dbid: UInt32
}

/// What a JET_INDEXID holds (JetGetTableIndexInfo's JET_IdxInfoIndexId, JetSetCurrentIndex4's pindexid): the
/// index's tree object id (0 for a sequential clustered index) and its table's object id.
package struct IndexID: Sendable, Equatable {
    package var index: UInt32
    package var table: UInt32
    package init(index: UInt32, table: UInt32) {
        self.index = index
        self.table = table
    }
}

/// What the JetGetTableIndexInfo levels other than the lists report.
package struct IndexInfo: Sendable, Equatable {
    /// What JET_INDEXID carries.
    package var id: IndexID
    package var count: Int
    package var density: UInt32
    package var lcid: UInt32
    package var cbVarSegMac: Int
    package var cbKeyMost: Int
}

package enum SchemaCalls {
    /// Cursors returned by JetCreateTable*: exclusive use and DDL on a FixedDDL table until closed. Tableids are
    /// never reused, so a closed one left here only costs its entry.
    private static let creatingCursors = Mutex<Set<UInt>>([])

    private static func dbid32(_ dbid: UInt) throws(JetError) -> UInt32 {
        guard dbid <= UInt(UInt32.max) else { throw .invalidDatabaseId }
        return UInt32(dbid)
    }

    /// Runs `body` in a savepoint of `txn`, so a failure part-way through a DDL call undoes all of it even inside
    /// the caller's transaction.
    private static func atomically<R>(_ txn: any TreeTransaction, _ body: () throws(JetError) -> R) throws(JetError)
        -> R
    {
        do throws(StorageError) { try txn.beginLevel() } catch { throw JetError(error) }
        do {
            let result = try body()
            txn.commitLevel()
            return result
        } catch {
            txn.rollbackLevel()
            throw error
        }
    }

    /// The latest schema of a cursor's table as `txn` sees it (another cursor of the session may have changed it).
    private static func freshSchema(_ cursor: TableCursor, _ txn: any TreeTransaction) throws(JetError) -> TableSchema {
        guard let table = try Catalog.table(named: cursor.schema.name, dbid: cursor.dbid, in: txn),
            table.objid == cursor.schema.objid
        else { throw .objectNotFound }
        return table
    }

    /// Brings a cursor's schema up to the version `txn` sees (another session's committed DDL, or a rollback of
    /// this session's): one catalog lookup, and a cache hit while nothing changed. For the cursor calls.
    /// A table the catalog does not show (deleted meanwhile) leaves the cursor as it is: its next tree access
    /// reports the missing table.
    package static func refreshSchema(_ cursor: TableCursor, in txn: any TreeTransaction) throws(JetError) {
        guard let table = try Catalog.table(named: cursor.schema.name, dbid: cursor.dbid, in: txn),
            table.objid == cursor.schema.objid, table.version != cursor.schema.version
        else { return }
        adopt(table, by: cursor)
    }

    /// A cursor on the clustered index of a table without primary index moves to the primary index when one is
    /// created (it is the clustered index now).
    private static func adopt(_ table: TableSchema, by cursor: TableCursor) {
        let onSequential = cursor.index == nil
        cursor.adopt(table)
        if onSequential, let primary = table.primaryIndex {
            cursor.index = primary
            cursor.dropTreeCursors()
        }
    }

    /// Every cursor of the session on the table takes the new schema.
    private static func publish(_ table: TableSchema, dbid: UInt32, in session: IsamSession) {
        for cursor in session.cursors.values where cursor.dbid == dbid && cursor.schema.objid == table.objid {
            adopt(table, by: cursor)
        }
    }

    /// DDL writes a table's catalog entry; two open transactions changing one table's definition conflict here, at
    /// the call, as two updates of one record do (the storage engine never refuses a commit).
    private static func lockDefinition(
        _ ctx: SessionContext, dbid: UInt32, name: String, conflict: JetError = .writeConflict
    ) throws(JetError) {
        try ctx.lock(
            LockResource(dbid: dbid, objid: Catalog.treeObjid, key: Catalog.tableKey(name)), conflict: conflict)
        // Rows another open transaction wrote (or one committed after this transaction began) are invisible here:
        // a definition changed now, an index built now, would not cover them.
        if ctx.locks.anyOtherHolder(
            dbid: dbid, objid: Updates.tableWritersObjid, prefix: Updates.tableWriters(name: name), session: ctx.sesid,
            snapshot: ctx.snapshot)
        {
            throw .writeConflict
        }
    }

    private static func access(_ session: IsamSession, _ cursor: TableCursor) -> DDLAccess {
        let creating = creatingCursors.withLock { $0.contains(cursor.tableid) }
        return DDLAccess(
            updatable: cursor.updatable, readOnlyTransaction: session.readOnly, exclusive: creating || cursor.denyRead,
            permitDDL: creating, inTransaction: session.level > 0)
    }

    // MARK: Tables

    /// JetCreateTable: -1104, gate, -1010, -1809 (read-only database), -1110, -1002, -1307, -1303; a new cursor.
    package static func createTable(sesid: UInt, dbid: UInt, name: NameInput, pages: UInt, density: UInt)
        throws(JetError) -> UInt
    {
        try IsamSessions.with(sesid) { (session) throws(JetError) -> UInt in
            let db = try dbid32(dbid)
            guard try !TableCursors.checkDatabase(session, db) else { throw .permissionDenied }
            let schema = try SessionTransactions.write(session) { (txn, ctx) throws(JetError) in
                try atomically(txn) { () throws(JetError) in
                    let table = try DDL.createTable(
                        name: try name.get(), pages: pages, density: density, dbid: db, readOnlyTransaction: false,
                        in: txn)
                    // Another open transaction created the name: it is taken.
                    try lockDefinition(ctx, dbid: db, name: table.name, conflict: .tableDuplicate)
                    return table
                }
            }
            let tableid = TableCursors.open(session: session, dbid: db, schema: schema, updatable: true, denyRead: true)
            creatingCursors.withLock { _ = $0.insert(tableid) }
            return tableid
        }
    }

    /// JetCreateTableColumnIndex*: `spec` is the unpacked struct (or its conversion error). Returns the new
    /// cursor, or nil with JET_bitTableCreateImmutableStructure (the cursor is closed then).
    package static func createTableColumnIndex(
        sesid: UInt, dbid: UInt, spec: Result<TableCreateSpec, JetError>, results: inout TableCreateResults
    ) throws(JetError) -> UInt? {
        try IsamSessions.with(sesid) { (session) throws(JetError) -> UInt? in
            let db = try dbid32(dbid)
            guard try !TableCursors.checkDatabase(session, db) else { throw .permissionDenied }
            let unpacked = try spec.get()
            let pageSize = try session.pageSize()
            var outputs = results
            defer { results = outputs }
            let schema = try SessionTransactions.write(session) { (txn, ctx) throws(JetError) in
                try atomically(txn) { () throws(JetError) in
                    let table = try DDL.createTable(
                        unpacked, dbid: db, pageSize: pageSize, readOnlyTransaction: false,
                        inTransaction: session.level > 0, in: txn, results: &outputs)
                    try lockDefinition(ctx, dbid: db, name: table.name, conflict: .tableDuplicate)
                    return table
                }
            }
            if unpacked.grbit & TableBits.immutableStructure != 0 { return nil }
            let tableid = TableCursors.open(session: session, dbid: db, schema: schema, updatable: true, denyRead: true)
            creatingCursors.withLock { _ = $0.insert(tableid) }
            return tableid
        }
    }

    /// JetDeleteTable: -1104, gate, -1010, -1110, -1002, -1305, -1304 (a cursor of any session is open on it).
    package static func deleteTable(sesid: UInt, dbid: UInt, name: NameInput) throws(JetError) {
        try IsamSessions.with(sesid) { (session) throws(JetError) in
            let db = try dbid32(dbid)
            _ = try TableCursors.checkDatabase(session, db)
            try SessionTransactions.write(session) { (txn, ctx) throws(JetError) in
                try atomically(txn) { () throws(JetError) in
                    let table = try DDL.deleteTable(
                        name: try name.get(), dbid: db, readOnlyTransaction: false,
                        isOpen: { table in
                            session.cursors.values.contains { $0.dbid == db && $0.schema.objid == table.objid }
                                || TableCursors.isOpenElsewhere(session, dbid: db, objid: table.objid)
                        }, in: txn)
                    try lockDefinition(ctx, dbid: db, name: table.name)
                }
            }
        }
    }

    /// JetGetTableInfo's levels other than the name: the table, its flags and dbid.
    package static func tableInfo(sesid: UInt, tableid: UInt) throws(JetError) -> TableInfo {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> TableInfo in
            let table = try SessionTransactions.read(session) { (txn, _) throws(JetError) in
                try freshSchema(cursor, txn)
            }
            var flags: UInt32 = 0
            if table.isFixedDDL { flags |= 0x4000_0000 }
            return TableInfo(name: table.name, updatable: cursor.updatable, flags: flags, dbid: cursor.dbid)
        }
    }

    // MARK: Columns

    /// JetAddColumn: the tableid checks, then DDL.addColumn's. The cursor is left before the first record.
    package static func addColumn(
        sesid: UInt, tableid: UInt, name: NameInput, definition: ColumnDefinition?
    ) throws(JetError) -> (columnid: UInt32, warning: JetError?) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            guard cursor.updatable else { throw .permissionDenied }
            let pageSize = try session.pageSize()
            let rights = access(session, cursor)
            let result = try SessionTransactions.write(session) { (txn, ctx) throws(JetError) in
                try atomically(txn) { () throws(JetError) in
                    let added = try DDL.addColumn(
                        name: try name.get(), definition: definition, to: try freshSchema(cursor, txn),
                        access: rights, pageSize: pageSize, in: txn)
                    try lockDefinition(ctx, dbid: cursor.dbid, name: added.table.name)
                    return added
                }
            }
            publish(result.table, dbid: cursor.dbid, in: session)
            cursor.unposition(.beforeFirst)
            return (result.columnid, result.warning)
        }
    }

    /// JetDeleteColumn.
    package static func deleteColumn(sesid: UInt, tableid: UInt, name: NameInput) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            let columnName = try ObjectName.validate(try name.get())
            guard cursor.updatable else { throw .permissionDenied }
            let rights = access(session, cursor)
            let table = try SessionTransactions.write(session) { (txn, ctx) throws(JetError) in
                try atomically(txn) { () throws(JetError) in
                    let table = try DDL.deleteColumn(
                        name: Array(columnName.utf8), from: try freshSchema(cursor, txn), access: rights, in: txn)
                    try lockDefinition(ctx, dbid: cursor.dbid, name: table.name)
                    return table
                }
            }
            publish(table, dbid: cursor.dbid, in: session)
        }
    }

    /// JetGetTableColumnInfo's JET_ColInfo / ByColid / Base / BaseByColid levels.
    package static func columnInfo(sesid: UInt, tableid: UInt, lookup: ColumnLookup) throws(JetError) -> ColumnInfo {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> ColumnInfo in
            let table = try SessionTransactions.read(session) { (txn, _) throws(JetError) in
                try freshSchema(cursor, txn)
            }
            return try describe(lookup, in: table, updatable: cursor.updatable)
        }
    }

    /// JetGetColumnInfo: the table by name in `dbid`, then as JetGetTableColumnInfo.
    package static func columnInfo(sesid: UInt, dbid: UInt, tableName: NameInput, lookup: ColumnLookup)
        throws(JetError) -> ColumnInfo
    {
        try IsamSessions.with(sesid) { (session) throws(JetError) -> ColumnInfo in
            let (table, readOnly) = try tableByName(session, dbid, tableName)
            return try describe(lookup, in: table, updatable: !readOnly)
        }
    }

    private static func tableByName(_ session: IsamSession, _ dbid: UInt, _ name: NameInput) throws(JetError)
        -> (TableSchema, readOnly: Bool)
    {
        let db = try dbid32(dbid)
        let readOnly = try TableCursors.checkDatabase(session, db)
        guard let bytes = try name.get() else { throw .invalidParameter }
        let tableName = try ObjectName.validate(bytes)
        let table = try SessionTransactions.read(session) { (txn, _) throws(JetError) in
            try Catalog.table(named: tableName, dbid: db, in: txn)
        }
        guard let table else { throw .objectNotFound }
        return (table, readOnly)
    }

    static func describe(_ lookup: ColumnLookup, in table: TableSchema, updatable: Bool) throws(JetError)
        -> ColumnInfo
    {
        let column: ColumnSchema?
        switch lookup {
        case .name(let input):
            guard let bytes = try input.get(), !bytes.isEmpty else { throw .columnNotFound }
            column = table.column(named: try ObjectName.validate(bytes))
        case .id(let id):
            column = id <= UInt(UInt32.max) ? table.column(id: UInt32(id)) : nil
        }
        guard let column else { throw .columnNotFound }
        return ColumnInfo(
            columnid: column.columnid, coltyp: column.coltyp.rawValue, codePage: column.codePage,
            cbMax: column.cbMax, grbit: column.reportedGrbit(updatable: updatable), tableName: table.name,
            columnName: column.name)
    }

    /// JET_ColInfoList and its variants: the columns as a temporary table (InfoLists).
    package static func columnList(
        sesid: UInt, tableid: UInt, sortByColumnid: Bool, minimal: Bool, unicode: Bool
    ) throws(JetError) -> ColumnListResult {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> ColumnListResult in
            let table = try SessionTransactions.read(session) { (txn, _) throws(JetError) in
                try freshSchema(cursor, txn)
            }
            return try InfoLists.openColumnList(
                session: session, table: table, sortByColumnid: sortByColumnid, minimal: minimal,
                updatable: cursor.updatable, unicode: unicode)
        }
    }

    /// JetGetColumnInfo's list levels: the table by name, then as JetGetTableColumnInfo.
    package static func columnList(
        sesid: UInt, dbid: UInt, tableName: NameInput, sortByColumnid: Bool, minimal: Bool, unicode: Bool
    ) throws(JetError) -> ColumnListResult {
        try IsamSessions.with(sesid) { (session) throws(JetError) -> ColumnListResult in
            let (table, readOnly) = try tableByName(session, dbid, tableName)
            return try InfoLists.openColumnList(
                session: session, table: table, sortByColumnid: sortByColumnid, minimal: minimal,
                updatable: !readOnly, unicode: unicode)
        }
    }

    // MARK: Indexes

    /// JetCreateIndex / JetCreateIndex2: each element in order, stopping at the first error; `errors` gets each
    /// processed element's result.
    package static func createIndexes(
        sesid: UInt, tableid: UInt, definitions: Result<[IndexDefinition], JetError>, errors: inout [JetError]
    ) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            let list = try definitions.get()
            let rights = access(session, cursor)
            // ESE builds several indexes in one pass only at level 0 on a cursor with exclusive use.
            if list.count > 1 {
                guard session.level == 0 else { throw .inTransaction }
                guard rights.exclusive else { throw .exclusiveTableLockRequired }
            }
            guard cursor.updatable else { throw .permissionDenied }
            let pageSize = try session.pageSize()
            var results = errors
            defer { errors = results }
            // All of the indexes or none (ESE undoes the whole call on a failure); the elements before the
            // failing one still report success, as ESE reports them.
            let table = try SessionTransactions.write(session) { (txn, ctx) throws(JetError) -> TableSchema in
                try atomically(txn) { () throws(JetError) -> TableSchema in
                    var table = try freshSchema(cursor, txn)
                    for (position, definition) in list.enumerated() {
                        do throws(JetError) {
                            table = try DDL.createIndex(
                                definition, on: table, access: rights, pageSize: pageSize, in: txn)
                            if position < results.count { results[position] = .success }
                        } catch {
                            if position < results.count { results[position] = error }
                            throw error
                        }
                    }
                    try lockDefinition(ctx, dbid: cursor.dbid, name: table.name)
                    return table
                }
            }
            publish(table, dbid: cursor.dbid, in: session)
        }
    }

    /// JetDeleteIndex: an index that a cursor of any session (this one included) has as its current index is in use.
    package static func deleteIndex(sesid: UInt, tableid: UInt, name: NameInput) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            let indexName = try ObjectName.validate(try name.get())
            guard cursor.updatable else { throw .permissionDenied }
            let rights = access(session, cursor)
            let db = cursor.dbid
            let table = try SessionTransactions.write(session) { (txn, ctx) throws(JetError) in
                let current = try freshSchema(cursor, txn)
                return try atomically(txn) { () throws(JetError) -> TableSchema in
                    let changed = try DDL.deleteIndex(
                        name: Array(indexName.utf8), from: current, access: rights,
                        inUse: { index in
                            session.cursors.values.contains {
                                $0.dbid == db && $0.schema.objid == current.objid && $0.index?.tree == index.tree
                            } || TableCursors.indexInUseElsewhere(session, dbid: db, objid: current.objid, tree: index.tree)
                        }, in: txn)
                    try lockDefinition(ctx, dbid: db, name: changed.name)
                    return changed
                }
            }
            publish(table, dbid: cursor.dbid, in: session)
        }
    }

    /// JetGetTableIndexInfo's scalar levels for the named index (NULL or "": the clustered index).
    /// `level` checks the info level and buffer size: after the session, before the cursor, as ESE orders them.
    package static func indexInfo(
        sesid: UInt, tableid: UInt, name: NameInput, level: () throws(JetError) -> Void
    ) throws(JetError) -> IndexInfo {
        _ = try IsamSessions.session(sesid)
        try level()
        return try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> IndexInfo in
            let table = try SessionTransactions.read(session) { (txn, _) throws(JetError) in
                try freshSchema(cursor, txn)
            }
            return try describeIndex(try name.get(), in: table)
        }
    }

    /// JetGetIndexInfo: the table by name, then as JetGetTableIndexInfo.
    package static func indexInfo(
        sesid: UInt, dbid: UInt, tableName: NameInput, name: NameInput, level: () throws(JetError) -> Void
    ) throws(JetError) -> IndexInfo {
        try IsamSessions.with(sesid) { (session) throws(JetError) -> IndexInfo in
            let db = try dbid32(dbid)
            _ = try TableCursors.checkDatabase(session, db)
            try level()
            let (table, _) = try tableByName(session, dbid, tableName)
            return try describeIndex(try name.get(), in: table)
        }
    }

    /// JET_IdxInfo / JET_IdxInfoList: the indexes (or the named one) as a temporary table (InfoLists). `level`
    /// checks the level and size after the session, before the cursor.
    package static func indexList(
        sesid: UInt, tableid: UInt, name: NameInput, unicode: Bool, level: () throws(JetError) -> Void
    ) throws(JetError) -> IndexListResult {
        _ = try IsamSessions.session(sesid)
        try level()
        return try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> IndexListResult in
            let table = try SessionTransactions.read(session) { (txn, _) throws(JetError) in
                try freshSchema(cursor, txn)
            }
            return try InfoLists.openIndexList(session: session, table: try listed(try name.get(), table), unicode: unicode)
        }
    }

    package static func indexList(
        sesid: UInt, dbid: UInt, tableName: NameInput, name: NameInput, unicode: Bool,
        level: () throws(JetError) -> Void
    ) throws(JetError) -> IndexListResult {
        try IsamSessions.with(sesid) { (session) throws(JetError) -> IndexListResult in
            _ = try TableCursors.checkDatabase(session, try dbid32(dbid))
            try level()
            let (table, _) = try tableByName(session, dbid, tableName)
            return try InfoLists.openIndexList(session: session, table: try listed(try name.get(), table), unicode: unicode)
        }
    }

    /// The table as the index list shows it: every index, or only the named one (JET_errIndexNotFound).
    private static func listed(_ name: [UInt8]?, _ table: TableSchema) throws(JetError) -> TableSchema {
        guard let name, !name.isEmpty else { return table }
        guard let index = table.index(named: try ObjectName.validate(name)) else { throw .indexNotFound }
        return table.with(indexes: [index])
    }

    static func describeIndex(_ name: [UInt8]?, in table: TableSchema) throws(JetError) -> IndexInfo {
        let index: IndexSchema?
        if let name, !name.isEmpty {
            guard let found = table.index(named: try ObjectName.validate(name)) else { throw .indexNotFound }
            index = found
        } else {
            index = table.primaryIndex
        }
        return IndexInfo(
            id: IndexID(index: index?.tree.objid ?? 0, table: table.objid), count: table.indexes.count, density: index?.density ?? table.density, lcid: index?.lcid ?? 0x409,
            cbVarSegMac: index?.cbVarSegMac ?? 255, cbKeyMost: index?.cbKeyMost ?? 255)
    }
}
