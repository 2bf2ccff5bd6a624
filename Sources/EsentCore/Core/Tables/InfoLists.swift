import CEsent

/// JetGetTableColumnInfo(JET_ColInfoList) / JetGetTableIndexInfo(JET_IdxInfoList): the result is a read-only
/// temporary table, one row per column (or per index key column). It lives in a private in-memory tree store, so
/// its cursor is an ordinary TableCursor: JetMove, JetSeek, JetRetrieveColumn(s), bookmarks and JetCloseTable work
/// on it as on any table, and updates are refused (-1809).
package struct ColumnListResult: Sendable, Equatable {
    package var tableid: UInt
    package var cRecord: Int
    package var columnidPresentationOrder: UInt32 = ColumnListTable.presentationOrder
    package var columnidcolumnname: UInt32 = ColumnListTable.name
    package var columnidcolumnid: UInt32 = ColumnListTable.columnid
    package var columnidcoltyp: UInt32 = ColumnListTable.coltyp
    package var columnidCountry: UInt32 = ColumnListTable.country
    package var columnidLangid: UInt32 = ColumnListTable.langid
    package var columnidCp: UInt32 = ColumnListTable.cp
    package var columnidCollate: UInt32 = ColumnListTable.collate
    package var columnidcbMax: UInt32 = ColumnListTable.cbMax
    package var columnidgrbit: UInt32 = ColumnListTable.grbit
    package var columnidDefault: UInt32 = ColumnListTable.defaultValue
    package var columnidBaseTableName: UInt32 = ColumnListTable.baseTableName
    package var columnidBaseColumnName: UInt32 = ColumnListTable.baseColumnName
    /// ESE fills it with the name column's id.
    package var columnidDefinitionName: UInt32 = ColumnListTable.name
}

package struct IndexListResult: Sendable, Equatable {
    package var tableid: UInt
    package var cRecord: Int
    package var columnidindexname: UInt32 = IndexListTable.indexName
    package var columnidgrbitIndex: UInt32 = IndexListTable.grbitIndex
    package var columnidcKey: UInt32 = IndexListTable.cKey
    package var columnidcEntry: UInt32 = IndexListTable.cEntry
    package var columnidcPage: UInt32 = IndexListTable.cPage
    package var columnidcColumn: UInt32 = IndexListTable.cColumn
    package var columnidiColumn: UInt32 = IndexListTable.iColumn
    package var columnidcolumnid: UInt32 = IndexListTable.columnid
    package var columnidcoltyp: UInt32 = IndexListTable.coltyp
    package var columnidCountry: UInt32 = IndexListTable.country
    package var columnidLangid: UInt32 = IndexListTable.langid
    package var columnidCp: UInt32 = IndexListTable.cp
    package var columnidCollate: UInt32 = IndexListTable.collate
    package var columnidgrbitColumn: UInt32 = IndexListTable.grbitColumn
    package var columnidcolumnname: UInt32 = IndexListTable.columnName
    package var columnidLCMapFlags: UInt32 = IndexListTable.lcMapFlags
}

/// The result columns of JET_ColInfoList. Ids follow ESE's classes: numbers are fixed columns (1...), names and
/// the default value variable ones (128...).
package enum ColumnListTable {
    package static let presentationOrder: UInt32 = 1, columnid: UInt32 = 2, coltyp: UInt32 = 3, country: UInt32 = 4
    package static let langid: UInt32 = 5, cp: UInt32 = 6, collate: UInt32 = 7, cbMax: UInt32 = 8, grbit: UInt32 = 9
    package static let name: UInt32 = 128, defaultValue: UInt32 = 129, baseTableName: UInt32 = 130
    package static let baseColumnName: UInt32 = 131
}

/// The result columns of JET_IdxInfoList (one row per key column of each index).
package enum IndexListTable {
    package static let grbitIndex: UInt32 = 1, cKey: UInt32 = 2, cEntry: UInt32 = 3, cPage: UInt32 = 4
    package static let cColumn: UInt32 = 5, iColumn: UInt32 = 6, columnid: UInt32 = 7, coltyp: UInt32 = 8
    package static let country: UInt32 = 9, langid: UInt32 = 10, cp: UInt32 = 11, collate: UInt32 = 12
    package static let grbitColumn: UInt32 = 13, lcMapFlags: UInt32 = 14
    package static let indexName: UInt32 = 128, columnName: UInt32 = 129
}

package enum InfoLists {
    /// ESE's country and language of every column (en-US).
    static let country: Int16 = 1
    static let langid: Int16 = 0x0409

    private enum Value {
        case long(Int32), short(Int16), text(String), binary([UInt8]?)
    }

    private static func column(_ id: UInt32, _ name: String, _ type: ColumnType, unicode: Bool = false)
        -> ColumnSchema
    {
        let size: UInt32 = type.fixedSize.map { UInt32($0) } ?? 255
        let codePage: UInt16 = type == .text ? (unicode ? 1200 : 1252) : 0
        return ColumnSchema(
            columnid: id, name: name, coltyp: type, cbMax: size, grbit: 0, codePage: codePage,
            columnClass: id < 128 ? .fixed : .variable)
    }

    /// The bytes a row stores: integers little-endian, names as UTF-8 (A) or UTF-16LE (W) text.
    private static func encode(_ value: Value, unicode: Bool) -> [UInt8]? {
        switch value {
        case .long(let v): return withUnsafeBytes(of: v.littleEndian) { Array($0) }
        case .short(let v): return withUnsafeBytes(of: v.littleEndian) { Array($0) }
        case .text(let s):
            if unicode { return s.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] } }
            return Array(s.utf8)
        case .binary(let b): return b
        }
    }

    /// Builds the temporary table of `rows` (in order) and opens a read-only cursor on its first row.
    private static func open(
        session: IsamSession, name: String, columns: [ColumnSchema], rows: [[UInt32: Value]], unicode: Bool
    ) throws(JetError) -> UInt {
        let store = MemoryTreeStore()
        store.register(dbid: 0)
        let build = store.begin(readOnly: false)
        let tree: TreeID
        do throws(StorageError) { tree = try build.createTree(dbid: 0) } catch { throw JetError(error) }
        let schema = TableSchema(name: name, objid: tree.objid, recordTree: tree, columns: columns, indexes: [])
        // Rows are numbered from 1, as the records of a table without primary index.
        for (number, row) in rows.enumerated() {
            var values: [UInt32: [UInt8]?] = [:]
            for (id, value) in row { values[id] = encode(value, unicode: unicode) }
            let record = try RecordFormat.encode(values, table: schema, pageSize: 32768)
            let key = KeyFormat.sequentialBookmark(UInt32(truncatingIfNeeded: number + 1))
            do throws(StorageError) {
                try withBytes(key) { (k) throws(StorageError) in
                    try withBytes(record) { (v) throws(StorageError) in try build.insert(tree, key: k, value: v) }
                }
            } catch {
                throw JetError(error)
            }
        }
        do throws(StorageError) { try build.commit(lazy: true, log: nil) } catch { throw JetError(error) }
        let tableid = TableCursors.open(session: session, dbid: 0, schema: schema, updatable: false)
        guard let cursor = session.cursors[tableid] else { throw .invalidTableId }
        cursor.privateTransaction = store.begin(readOnly: true)
        // ESE hands the list out positioned on its first row.
        if !rows.isEmpty { try Navigation.resolveDeferred(session, cursor) }
        return tableid
    }

    /// The sesid forms, which enter the session gate themselves.
    package static func openColumnList(
        sesid: UInt, table: TableSchema, sortByColumnid: Bool, minimal: Bool, updatable: Bool, unicode: Bool
    ) throws(JetError) -> ColumnListResult {
        try IsamSessions.with(sesid) { (session) throws(JetError) in
            try openColumnList(
                session: session, table: table, sortByColumnid: sortByColumnid, minimal: minimal, updatable: updatable,
                unicode: unicode)
        }
    }

    package static func openIndexList(sesid: UInt, table: TableSchema, unicode: Bool) throws(JetError)
        -> IndexListResult
    {
        try IsamSessions.with(sesid) { (session) throws(JetError) in
            try openIndexList(session: session, table: table, unicode: unicode)
        }
    }

    /// JET_ColInfoList (and ListCompact, ListSortColumnid): one row per column of `table`, by name (ASCII
    /// case-insensitive, as ESE's catalog orders them) or by column id; `minimal` fills only name and id.
    /// `unicode`: names as UTF-16 (a W caller). `updatable`: the grbit's JET_bitColumnUpdatable. The caller is
    /// inside the session gate (TableCursors.with / IsamSessions.with).
    package static func openColumnList(
        session: IsamSession, table: TableSchema, sortByColumnid: Bool, minimal: Bool, updatable: Bool, unicode: Bool
    ) throws(JetError) -> ColumnListResult {
        let columns = [
            column(ColumnListTable.presentationOrder, "PresentationOrder", .long),
            column(ColumnListTable.columnid, "ColumnId", .long),
            column(ColumnListTable.coltyp, "ColumnType", .long),
            column(ColumnListTable.country, "CountryCode", .short),
            column(ColumnListTable.langid, "LangId", .short),
            column(ColumnListTable.cp, "CodePage", .short),
            column(ColumnListTable.collate, "Collate", .short),
            column(ColumnListTable.cbMax, "ColumnSize", .long),
            column(ColumnListTable.grbit, "Flags", .long),
            column(ColumnListTable.name, "ColumnName", .text, unicode: unicode),
            column(ColumnListTable.defaultValue, "DefaultValue", .binary),
            column(ColumnListTable.baseTableName, "BaseTableName", .text, unicode: unicode),
            column(ColumnListTable.baseColumnName, "BaseColumnName", .text, unicode: unicode),
        ]
        let ordered = sortByColumnid
            ? table.columns.sorted { $0.columnid < $1.columnid }
            : table.columns.sorted { ObjectName.key($0.name).lexicographicallyPrecedes(ObjectName.key($1.name)) }
        var rows: [[UInt32: Value]] = []
        for c in ordered {
            var row: [UInt32: Value] = [
                ColumnListTable.name: .text(c.name), ColumnListTable.columnid: .long(Int32(bitPattern: c.columnid)),
            ]
            if !minimal {
                row[ColumnListTable.presentationOrder] = .long(Int32(bitPattern: c.columnid))
                row[ColumnListTable.coltyp] = .long(Int32(bitPattern: c.coltyp.rawValue))
                row[ColumnListTable.country] = .short(country)
                row[ColumnListTable.langid] = .short(langid)
                row[ColumnListTable.cp] = .short(Int16(bitPattern: c.codePage))
                row[ColumnListTable.collate] = .short(0)
                row[ColumnListTable.cbMax] = .long(Int32(bitPattern: c.cbMax))
                row[ColumnListTable.grbit] = .long(Int32(bitPattern: c.reportedGrbit(updatable: updatable)))
                row[ColumnListTable.defaultValue] = .binary(c.defaultValue)
                row[ColumnListTable.baseTableName] = .text(table.name)
                row[ColumnListTable.baseColumnName] = .text(c.name)
            }
            rows.append(row)
        }
        let tableid = try open(session: session, name: "ColumnList", columns: columns, rows: rows, unicode: unicode)
        return ColumnListResult(tableid: tableid, cRecord: rows.count)
    }

    /// JET_IdxInfoList: one row per key column of each index of `table` (primary first, then by name).
    package static func openIndexList(
        session: IsamSession, table: TableSchema, unicode: Bool
    ) throws(JetError) -> IndexListResult {
        let columns = [
            column(IndexListTable.grbitIndex, "IndexFlags", .long), column(IndexListTable.cKey, "KeyCount", .long),
            column(IndexListTable.cEntry, "EntryCount", .long), column(IndexListTable.cPage, "PageCount", .long),
            column(IndexListTable.cColumn, "ColumnCount", .long), column(IndexListTable.iColumn, "ColumnIndex", .long),
            column(IndexListTable.columnid, "ColumnId", .long), column(IndexListTable.coltyp, "ColumnType", .long),
            column(IndexListTable.country, "CountryCode", .short), column(IndexListTable.langid, "LangId", .short),
            column(IndexListTable.cp, "CodePage", .short), column(IndexListTable.collate, "Collate", .short),
            column(IndexListTable.grbitColumn, "ColumnFlags", .long),
            column(IndexListTable.lcMapFlags, "LCMapFlags", .long),
            column(IndexListTable.indexName, "IndexName", .text, unicode: unicode),
            column(IndexListTable.columnName, "ColumnName", .text, unicode: unicode),
        ]
        let indexes = table.indexes.sorted { a, b in
            a.isPrimary != b.isPrimary ? a.isPrimary : ObjectName.key(a.name).lexicographicallyPrecedes(ObjectName.key(b.name))
        }
        var rows: [[UInt32: Value]] = []
        for index in indexes {
            for (position, segment) in index.segments.enumerated() {
                let c = table.column(id: segment.columnid)
                rows.append([
                    IndexListTable.indexName: .text(index.name),
                    IndexListTable.grbitIndex: .long(Int32(bitPattern: index.grbit)),
                    // Statistics are not kept: 0, as JET_TblInfo's.
                    IndexListTable.cKey: .long(0), IndexListTable.cEntry: .long(0), IndexListTable.cPage: .long(0),
                    IndexListTable.cColumn: .long(Int32(index.segments.count)),
                    IndexListTable.iColumn: .long(Int32(position)),
                    IndexListTable.columnid: .long(Int32(bitPattern: segment.columnid)),
                    IndexListTable.coltyp: .long(Int32(bitPattern: c?.coltyp.rawValue ?? 0)),
                    IndexListTable.country: .short(country), IndexListTable.langid: .short(langid),
                    IndexListTable.cp: .short(Int16(bitPattern: c?.codePage ?? 0)), IndexListTable.collate: .short(0),
                    // JET_bitKeyAscending 0, JET_bitKeyDescending 1.
                    IndexListTable.grbitColumn: .long(segment.descending ? 1 : 0),
                    IndexListTable.lcMapFlags: .long(Int32(bitPattern: index.mapFlags)),
                    IndexListTable.columnName: .text(c?.name ?? ""),
                ])
            }
        }
        let tableid = try open(session: session, name: "IndexList", columns: columns, rows: rows, unicode: unicode)
        return IndexListResult(tableid: tableid, cRecord: rows.count)
    }
}
