import Synchronization

// The schema of a database's tables, kept in its catalog tree (objid 1) and read and written through the caller's
// TreeTransaction, so DDL is versioned like data: a table created in an open transaction is invisible to others
// and disappears with a rollback. Entries (docs/file-formats.md, "Catalog"):
//
//   0x01 + upper-cased table name            -> the table (objid, trees, grbit, density, last column ids, version)
//   0x02 + objid (BE32) + columnid (BE32)    -> a column (deleted fixed columns stay, flagged, for record offsets)
//   0x03 + objid (BE32) + upper-cased name   -> an index
//
// A table's objid is the objid of its record tree. Every DDL change rewrites the table entry with a new random
// version, so a cached TableSchema is reused exactly when a transaction sees the same version.

package enum Catalog {
    package static let treeObjid: UInt32 = 1
    static let tableTag: UInt8 = 0x01
    static let columnTag: UInt8 = 0x02
    static let indexTag: UInt8 = 0x03
    static let formatVersion: UInt8 = 1

    /// Parsed tables by (dbid, objid, version); a version is random per DDL change, so it names one content.
    private static let cache = Mutex<[CacheKey: TableSchema]>([:])
    private static let cacheLimit = 4096

    private struct CacheKey: Hashable {
        var dbid: UInt32
        var objid: UInt32
        var version: UInt64
    }

    static func catalogTree(_ dbid: UInt32) -> TreeID { TreeID(dbid: dbid, objid: treeObjid) }

    static func tableKey(_ name: String) -> [UInt8] { [tableTag] + ObjectName.key(name) }
    static func columnKey(_ objid: UInt32, _ columnid: UInt32) -> [UInt8] {
        [columnTag] + bigEndian(objid) + bigEndian(columnid)
    }
    static func indexKey(_ objid: UInt32, _ name: String) -> [UInt8] {
        [indexTag] + bigEndian(objid) + ObjectName.key(name)
    }
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
         UInt8(truncatingIfNeeded: value)]
    }

    // MARK: Reading

    /// The table of that name as `txn` sees it, or nil.
    package static func table(named name: String, dbid: UInt32, in txn: any TreeTransaction) throws(JetError)
        -> TableSchema?
    {
        let key = tableKey(name)
        guard let entry = try lookup(catalogTree(dbid), key, txn) else { return nil }
        let header = try withBytes(entry) { (bytes) throws(JetError) in try TableHeader(bytes) }
        guard ObjectName.same(header.name, name) else { throw .databaseCorrupted }
        let cacheKey = CacheKey(dbid: dbid, objid: header.objid, version: header.version)
        if let cached = cache.withLock({ $0[cacheKey] }) { return cached }
        let table = try load(header, dbid: dbid, txn)
        cache.withLock { entries in
            if entries.count >= cacheLimit { entries.removeAll(keepingCapacity: true) }
            entries[cacheKey] = table
        }
        return table
    }

    /// The names of the tables `txn` sees, in catalog (upper-cased name) order.
    package static func tableNames(dbid: UInt32, in txn: any TreeTransaction) throws(JetError) -> [String] {
        var names: [String] = []
        try scan(catalogTree(dbid), prefix: [tableTag], txn) { (_, value) throws(JetError) in
            names.append(try TableHeader(value).name)
        }
        return names
    }

    private static func load(_ header: TableHeader, dbid: UInt32, _ txn: any TreeTransaction) throws(JetError)
        -> TableSchema
    {
        var columns: [ColumnSchema] = []
        var deleted: [ColumnSchema] = []
        try scan(catalogTree(dbid), prefix: [columnTag] + bigEndian(header.objid), txn) {
            (key, value) throws(JetError) in
            guard key.count == 9 else { throw .databaseCorrupted }
            let columnid = key[5...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let (column, isDeleted) = try decodeColumn(value, columnid: columnid)
            if isDeleted { deleted.append(column) } else { columns.append(column) }
        }
        var indexes: [(sequence: UInt32, index: IndexSchema)] = []
        try scan(catalogTree(dbid), prefix: [indexTag] + bigEndian(header.objid), txn) { (_, value) throws(JetError) in
            indexes.append(try decodeIndex(value, dbid: dbid))
        }
        for column in columns + deleted {
            let limit = column.columnClass == .fixed ? header.lastFixed : header.lastVariable
            guard column.columnid <= limit else { throw .databaseCorrupted }
        }
        guard header.lastFixed <= 127, header.lastVariable >= 127, header.lastVariable <= 255 else {
            throw .databaseCorrupted
        }
        let ordered = indexes.sorted { $0.sequence < $1.sequence }.map(\.index)
        for index in ordered {
            for segment in index.segments where !columns.contains(where: { $0.columnid == segment.columnid }) {
                throw .databaseCorrupted
            }
        }
        guard ordered.filter(\.isPrimary).count <= 1 else { throw .databaseCorrupted }
        return TableSchema(
            name: header.name, objid: header.objid, recordTree: TreeID(dbid: dbid, objid: header.objid),
            columns: columns, deletedFixed: deleted, indexes: ordered, grbit: header.grbit, density: header.density,
            pages: header.pages, lastFixed: header.lastFixed, lastVariable: header.lastVariable,
            lastTagged: header.lastTagged, version: header.version)
    }

    // MARK: Writing

    /// Creates an empty table (no columns, no indexes: records in a sequential clustered tree).
    /// JET_errTableDuplicate when `txn` sees a table of that name.
    package static func createTable(
        name: String, dbid: UInt32, density: UInt32, pages: UInt32, grbit: UInt32, in txn: any TreeTransaction
    ) throws(JetError) -> TableSchema {
        guard try lookup(catalogTree(dbid), tableKey(name), txn) == nil else { throw .tableDuplicate }
        let tree: TreeID
        do { tree = try txn.createTree(dbid: dbid) } catch { throw JetError(error) }
        let table = TableSchema(
            name: name, objid: tree.objid, recordTree: tree, columns: [], indexes: [], grbit: grbit,
            density: density, pages: pages, version: newVersion())
        try put(catalogTree(dbid), tableKey(name), encodeTable(table), insert: true, txn)
        return table
    }

    /// Deletes a table: its catalog entries, its record tree and its index trees.
    package static func deleteTable(_ table: TableSchema, in txn: any TreeTransaction) throws(JetError) {
        let dbid = table.recordTree.dbid
        var keys: [[UInt8]] = [tableKey(table.name)]
        for prefix in [[columnTag] + bigEndian(table.objid), [indexTag] + bigEndian(table.objid)] {
            try scan(catalogTree(dbid), prefix: prefix, txn) { (key, _) throws(JetError) in keys.append(Array(key)) }
        }
        for key in keys { try remove(catalogTree(dbid), key, txn) }
        var trees = [table.recordTree]
        for index in table.indexes where index.tree != table.recordTree { trees.append(index.tree) }
        for tree in trees {
            do { try txn.deleteTree(tree) } catch { throw JetError(error) }
        }
    }

    /// Adds a column (its id is assigned here, in its class, never reused). JET_errColumnDuplicate,
    /// JET_errTooManyColumns, JET_errRecordTooBig (fixed part over the record limit).
    package static func addColumn(
        _ definition: ColumnSchema, to table: TableSchema, pageSize: Int, in txn: any TreeTransaction
    ) throws(JetError) -> (table: TableSchema, columnid: UInt32) {
        guard table.column(named: definition.name) == nil else { throw .columnDuplicate }
        // The record limit is checked before the id (ESE's order): the fixed part with this column added.
        let fixedCount = Int(table.lastFixed) + (definition.columnClass == .fixed ? 1 : 0)
        let fixedBytes = table.fixedOffsets[Int(table.lastFixed) + 1] + definition.fixedWidth
        let variableCount = Int(table.lastVariable) - 127 + (definition.columnClass == .variable ? 1 : 0)
        let minimum = RecordFormat.headerSize + fixedBytes + (fixedCount + 7) / 8 + 2 * variableCount
        guard minimum <= RecordFormat.cbRecordMost(pageSize: pageSize, table: table) else { throw .recordTooBig }
        var column = definition
        var lastFixed = table.lastFixed
        var lastVariable = table.lastVariable
        switch column.columnClass {
        case .fixed:
            guard lastFixed < ColumnClass.fixedIDs.upperBound else { throw .tooManyColumns }
            lastFixed += 1
            column.columnid = lastFixed
        case .variable:
            guard lastVariable < ColumnClass.variableIDs.upperBound else { throw .tooManyColumns }
            lastVariable += 1
            column.columnid = lastVariable
        case .tagged:
            throw .featureNotAvailable
        }
        let updated = table.with(
            columns: table.columns + [column], lastFixed: lastFixed, lastVariable: lastVariable)
        let dbid = table.recordTree.dbid
        try put(catalogTree(dbid), columnKey(table.objid, column.columnid), encodeColumn(column, deleted: false),
            insert: true, txn)
        return (try rewriteHeader(updated, txn), column.columnid)
    }

    /// Deletes a column. JET_errColumnNotFound; JET_errColumnInUse when an index uses it.
    package static func deleteColumn(named name: String, from table: TableSchema, in txn: any TreeTransaction)
        throws(JetError) -> TableSchema
    {
        guard let column = table.column(named: name) else { throw .columnNotFound }
        for index in table.indexes where index.segments.contains(where: { $0.columnid == column.columnid }) {
            throw .columnInUse
        }
        let dbid = table.recordTree.dbid
        let key = columnKey(table.objid, column.columnid)
        var deleted = table.deletedFixed
        if column.columnClass == .fixed {
            // Older records keep the column's bytes: the offsets of the columns after it must not move.
            try put(catalogTree(dbid), key, encodeColumn(column, deleted: true), insert: false, txn)
            deleted.append(column)
        } else {
            try remove(catalogTree(dbid), key, txn)
        }
        let updated = table.with(columns: table.columns.filter { $0.columnid != column.columnid }, deletedFixed: deleted)
        return try rewriteHeader(updated, txn)
    }

    /// Creates an index and builds it over the table's records. JET_errIndexHasPrimary, JET_errTableNotEmpty
    /// (a primary index on a table with records), JET_errIndexDuplicate, JET_errKeyDuplicate (unique index over
    /// records with equal keys), and the key errors of KeyFormat.indexKey.
    package static func createIndex(_ definition: IndexSchema, on table: TableSchema, in txn: any TreeTransaction)
        throws(JetError) -> TableSchema
    {
        var index = definition
        let dbid = table.recordTree.dbid
        if index.isPrimary {
            guard table.primaryIndex == nil else { throw .indexHasPrimary }
            let count: Int
            do { count = try txn.count(table.recordTree, limit: 1) } catch { throw JetError(error) }
            guard count == 0 else { throw .tableNotEmpty }
        }
        guard table.index(named: index.name) == nil else { throw .indexDuplicate }
        if index.isPrimary {
            index.tree = table.recordTree
        } else {
            do { index.tree = try txn.createTree(dbid: dbid) } catch { throw JetError(error) }
            try build(index, table, txn)
        }
        let sequence = UInt32(truncatingIfNeeded: table.indexes.count + 1)
        try put(catalogTree(dbid), indexKey(table.objid, index.name), encodeIndex(index, sequence: sequence),
            insert: true, txn)
        return try rewriteHeader(table.with(indexes: table.indexes + [index]), txn)
    }

    /// Fills a new secondary index with one entry per record the index's null rules keep.
    private static func build(_ index: IndexSchema, _ table: TableSchema, _ txn: any TreeTransaction)
        throws(JetError)
    {
        var entries: [(key: [UInt8], bookmark: [UInt8])] = []
        try scan(table.recordTree, prefix: [], txn) { (bookmark, record) throws(JetError) in
            if let key = try KeyFormat.indexKey(record: record, index: index, table: table) {
                entries.append((key, Array(bookmark)))
            }
        }
        if index.isUnique {
            var seen = Set<[UInt8]>()
            for entry in entries where !seen.insert(entry.key).inserted { throw .keyDuplicate }
        }
        for entry in entries {
            let key = KeyFormat.secondaryEntryKey(key: entry.key, bookmark: entry.bookmark)
            try put(index.tree, key, entry.bookmark, insert: true, txn)
        }
    }

    /// Deletes a secondary index. JET_errIndexNotFound; JET_errIndexMustStay for the primary index.
    package static func deleteIndex(named name: String, from table: TableSchema, in txn: any TreeTransaction)
        throws(JetError) -> TableSchema
    {
        guard let index = table.index(named: name) else { throw .indexNotFound }
        guard !index.isPrimary else { throw .indexMustStay }
        try remove(catalogTree(table.recordTree.dbid), indexKey(table.objid, index.name), txn)
        do { try txn.deleteTree(index.tree) } catch { throw JetError(error) }
        return try rewriteHeader(table.with(indexes: table.indexes.filter { $0.tree != index.tree }), txn)
    }

    /// Writes the table entry of a changed schema with a new version and returns the schema with that version.
    private static func rewriteHeader(_ table: TableSchema, _ txn: any TreeTransaction) throws(JetError)
        -> TableSchema
    {
        let versioned = TableSchema(
            name: table.name, objid: table.objid, recordTree: table.recordTree, columns: table.columns,
            deletedFixed: table.deletedFixed, indexes: table.indexes, grbit: table.grbit, density: table.density,
            pages: table.pages, lastFixed: table.lastFixed, lastVariable: table.lastVariable,
            lastTagged: table.lastTagged, version: newVersion())
        try put(catalogTree(table.recordTree.dbid), tableKey(table.name), encodeTable(versioned), insert: false, txn)
        return versioned
    }

    private static func newVersion() -> UInt64 { UInt64.random(in: 1...UInt64.max) }

    // MARK: Entries

    struct TableHeader {
        var objid: UInt32
        var grbit: UInt32
        var density: UInt32
        var pages: UInt32
        var lastFixed: UInt32
        var lastVariable: UInt32
        var lastTagged: UInt32
        var version: UInt64
        var name: String

        init(_ bytes: UnsafeRawBufferPointer) throws(JetError) {
            var reader = CatalogReader(bytes)
            guard try reader.u8() == formatVersion else { throw .databaseCorrupted }
            objid = try reader.u32()
            grbit = try reader.u32()
            density = try reader.u32()
            pages = try reader.u32()
            lastFixed = try reader.u32()
            lastVariable = try reader.u32()
            lastTagged = try reader.u32()
            version = try reader.u64()
            name = try reader.name()
            guard objid > treeObjid else { throw .databaseCorrupted }
        }
    }

    static func encodeTable(_ table: TableSchema) -> [UInt8] {
        var writer = CatalogWriter()
        writer.u8(formatVersion)
        writer.u32(table.objid)
        writer.u32(table.grbit)
        writer.u32(table.density)
        writer.u32(table.pages)
        writer.u32(table.lastFixed)
        writer.u32(table.lastVariable)
        writer.u32(table.lastTagged)
        writer.u64(table.version)
        writer.name(table.name)
        return writer.bytes
    }

    static func encodeColumn(_ column: ColumnSchema, deleted: Bool) -> [UInt8] {
        var writer = CatalogWriter()
        writer.u8(formatVersion)
        writer.u32(column.coltyp.rawValue)
        writer.u32(column.cbMax)
        writer.u32(column.grbit)
        writer.u16(column.codePage)
        writer.u8(column.columnClass == .fixed ? 0 : column.columnClass == .variable ? 1 : 2)
        writer.u8(deleted ? 1 : 0)
        writer.name(column.name)
        writer.blob(column.defaultValue)
        return writer.bytes
    }

    static func decodeColumn(_ bytes: UnsafeRawBufferPointer, columnid: UInt32) throws(JetError)
        -> (ColumnSchema, deleted: Bool)
    {
        var reader = CatalogReader(bytes)
        guard try reader.u8() == formatVersion,
            let type = ColumnType(rawValue: try reader.u32())
        else { throw .databaseCorrupted }
        let cbMax = try reader.u32()
        let grbit = try reader.u32()
        let cp = try reader.u16()
        let classByte = try reader.u8()
        let deletedByte = try reader.u8()
        let name = try reader.name()
        let defaultValue = try reader.blob()
        let columnClass: ColumnClass
        switch classByte {
        case 0: columnClass = .fixed
        case 1: columnClass = .variable
        default: throw .databaseCorrupted
        }
        // Everything the record format and keys rely on must hold, whatever the bytes say.
        guard ColumnClass(columnid: columnid) == columnClass, deletedByte <= 1,
            type.fixedSize.map({ cbMax == UInt32($0) }) ?? (cbMax >= 1 && cbMax <= 255),
            type.isText ? (cp == 1252 || cp == 1200) : cp == 0,
            !type.isLong, type.fixedSize == nil || columnClass == .fixed,
            defaultValue.map({ columnClass == .fixed ? $0.count == Int(cbMax) : $0.count <= Int(cbMax) }) ?? true
        else { throw .databaseCorrupted }
        let column = ColumnSchema(
            columnid: columnid, name: name, coltyp: type, cbMax: cbMax, grbit: grbit & ColumnBits.stored,
            codePage: cp, columnClass: columnClass, defaultValue: defaultValue)
        return (column, deletedByte == 1)
    }

    static func encodeIndex(_ index: IndexSchema, sequence: UInt32) -> [UInt8] {
        var writer = CatalogWriter()
        writer.u8(formatVersion)
        writer.u32(index.tree.objid)
        writer.u32(index.grbit)
        writer.u16(UInt16(truncatingIfNeeded: index.cbKeyMost))
        writer.u16(UInt16(truncatingIfNeeded: index.cbVarSegMac))
        writer.u32(index.lcid)
        writer.u32(index.mapFlags)
        writer.u32(index.density)
        writer.u32(sequence)
        writer.u8(UInt8(truncatingIfNeeded: index.segments.count))
        for segment in index.segments {
            writer.u32(segment.columnid)
            writer.u8(segment.descending ? 1 : 0)
        }
        writer.name(index.name)
        return writer.bytes
    }

    static func decodeIndex(_ bytes: UnsafeRawBufferPointer, dbid: UInt32) throws(JetError)
        -> (sequence: UInt32, index: IndexSchema)
    {
        var reader = CatalogReader(bytes)
        guard try reader.u8() == formatVersion else { throw .databaseCorrupted }
        let tree = try reader.u32()
        let grbit = try reader.u32()
        let cbKeyMost = Int(try reader.u16())
        let cbVarSegMac = Int(try reader.u16())
        let lcid = try reader.u32()
        let mapFlags = try reader.u32()
        let density = try reader.u32()
        let sequence = try reader.u32()
        let count = Int(try reader.u8())
        guard count >= 1, count <= IndexDefinition.maxSegments, cbKeyMost >= 1, cbKeyMost <= KeyFormat.keyMostMost,
            cbVarSegMac >= 1, tree > treeObjid
        else { throw .databaseCorrupted }
        var segments: [IndexSegment] = []
        for _ in 0..<count {
            let columnid = try reader.u32()
            let descending = try reader.u8()
            guard descending <= 1 else { throw .databaseCorrupted }
            segments.append(IndexSegment(columnid: columnid, descending: descending == 1))
        }
        let name = try reader.name()
        let index = IndexSchema(
            name: name, tree: TreeID(dbid: dbid, objid: tree), segments: segments, grbit: grbit, cbKeyMost: cbKeyMost,
            cbVarSegMac: cbVarSegMac, lcid: lcid, mapFlags: mapFlags, density: density)
        return (sequence, index)
    }

    // MARK: Tree access

    static func lookup(_ tree: TreeID, _ key: [UInt8], _ txn: any TreeTransaction) throws(JetError) -> [UInt8]? {
        do {
            let cursor = try txn.cursor(tree)
            let found = try withBytes(key) { (k) throws(StorageError) in try cursor.seek(k, .eq) }
            guard found else { return nil }
            return cursor.withEntry { (_, value) in Array(value) }
        } catch {
            throw JetError(error)
        }
    }

    /// Calls body for every entry whose key starts with `prefix`, in key order.
    static func scan(
        _ tree: TreeID, prefix: [UInt8], _ txn: any TreeTransaction,
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws(JetError) -> Void
    ) throws(JetError) {
        let cursor: any TreeCursor
        var positioned: Bool
        do {
            cursor = try txn.cursor(tree)
            positioned = try withBytes(prefix) { (k) throws(StorageError) in try cursor.seek(k, .ge) }
        } catch {
            throw JetError(error)
        }
        while positioned {
            let inRange = try cursor.withEntry { (key, value) throws(JetError) -> Bool in
                guard key.starts(with: prefix) else { return false }
                try body(key, value)
                return true
            }
            guard inRange == true else { return }
            do { positioned = try cursor.next() } catch { throw JetError(error) }
        }
    }

    static func put(_ tree: TreeID, _ key: [UInt8], _ value: [UInt8], insert: Bool, _ txn: any TreeTransaction)
        throws(JetError)
    {
        do {
            try withBytes(key) { (k) throws(StorageError) in
                try withBytes(value) { (v) throws(StorageError) in
                    if insert { try txn.insert(tree, key: k, value: v) } else { try txn.replace(tree, key: k, value: v) }
                }
            }
        } catch {
            throw JetError(error)
        }
    }

    static func remove(_ tree: TreeID, _ key: [UInt8], _ txn: any TreeTransaction) throws(JetError) {
        do {
            try withBytes(key) { (k) throws(StorageError) in try txn.delete(tree, key: k) }
        } catch {
            throw JetError(error)
        }
    }
}
