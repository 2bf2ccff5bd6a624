import CEsent
import EsentCore

// Schema information: JetGetTableColumnInfo, JetGetColumnInfo, JetGetTableIndexInfo, JetGetIndexInfo.

/// The column levels: which struct a level fills, checked before anything else as ESE does.
private enum ColumnLevel {
    case columnDef(byId: Bool)
    case base(byId: Bool)
    /// JET_ColInfoList, ListCompact, ListSortColumnid (+ JET_ColInfoGrbitSortByColumnid / MinimalInfo).
    case list(sortByColumnid: Bool, minimal: Bool)

    /// JET_ColInfo (0), ByColid (6), Base (4), BaseByColid (8). The list levels (1, 5, 7) need the temporary
    /// table of JET_ColInfoList, and SysTabCursor (3) is obsolete: JET_errFeatureNotAvailable; others -1003.
    init<Unit>(_ infoLevel: CUnsignedLong, cbMax: CUnsignedLong, pvResult: UnsafeMutableRawPointer?, unit: Unit.Type)
        throws(JetError)
    {
        let level = infoLevel & 0x0FFF_FFFF
        let minimum: Int
        switch level {
        case 0, 6:
            self = .columnDef(byId: level == 6)
            minimum = MemoryLayout<JET_COLUMNDEF>.size
        case 4, 8:
            self = .base(byId: level == 8)
            minimum = Unit.self == CChar.self ? MemoryLayout<JET_COLUMNBASE_A>.size : MemoryLayout<JET_COLUMNBASE_W>.size
        case 1, 5, 7:
            self = .list(sortByColumnid: level == 7 || infoLevel & 0x2000_0000 != 0, minimal: infoLevel & 0x4000_0000 != 0)
            minimum = MemoryLayout<JET_COLUMNLIST>.size
        case 3:
            throw .featureNotAvailable
        default:
            throw .invalidParameter
        }
        guard pvResult != nil else { throw .invalidParameter }
        guard cbMax >= minimum else { throw .bufferTooSmall }
    }

    var byId: Bool {
        switch self {
        case .columnDef(let byId), .base(let byId): byId
        case .list: false
        }
    }
}

/// How the caller named the column: its name, or (ByColid levels) a pointer to a JET_COLUMNID.
private func lookup<Unit>(_ p: UnsafePointer<Unit>?, byId: Bool) throws(JetError) -> ColumnLookup {
    guard byId else { return .name(Marshal.name(p)) }
    guard let p else { throw .invalidParameter }
    return .id(UInt(UnsafeRawPointer(p).loadUnaligned(as: JET_COLUMNID.self)))
}

/// Fills JET_COLUMNDEF or JET_COLUMNBASE_A/W.
private func write<Unit>(_ info: ColumnInfo, _ level: ColumnLevel, _ pvResult: UnsafeMutableRawPointer?, unit: Unit.Type)
    throws(JetError)
{
    guard let pvResult else { throw .invalidParameter }
    switch level {
    case .list: return
    case .columnDef:
        var def = JET_COLUMNDEF()
        def.cbStruct = CUnsignedLong(MemoryLayout<JET_COLUMNDEF>.size)
        def.columnid = JET_COLUMNID(info.columnid)
        def.coltyp = JET_COLTYP(info.coltyp)
        def.wCountry = ColumnInfo.country
        def.langid = ColumnInfo.langid
        def.cp = info.codePage
        def.wCollate = 0
        def.cbMax = CUnsignedLong(info.cbMax)
        def.grbit = JET_GRBIT(info.grbit)
        pvResult.storeBytes(of: def, as: JET_COLUMNDEF.self)
    case .base:
        // The A and W structs share their head; the two names follow in the caller's encoding.
        var head = JET_COLUMNBASE_A()
        let size = Unit.self == CChar.self ? MemoryLayout<JET_COLUMNBASE_A>.size : MemoryLayout<JET_COLUMNBASE_W>.size
        head.cbStruct = CUnsignedLong(size)
        head.columnid = JET_COLUMNID(info.columnid)
        head.coltyp = JET_COLTYP(info.coltyp)
        head.wCountry = ColumnInfo.country
        head.langid = ColumnInfo.langid
        head.cp = info.codePage
        head.wFiller = 0
        head.cbMax = CUnsignedLong(info.cbMax)
        head.grbit = JET_GRBIT(info.grbit)
        let tableOffset = MemoryLayout<JET_COLUMNBASE_A>.offset(of: \JET_COLUMNBASE_A.szBaseTableName) ?? 0
        withUnsafeBytes(of: head) { pvResult.copyMemory(from: $0.baseAddress!, byteCount: tableOffset) }
        let fieldBytes = 256 * MemoryLayout<Unit>.size
        let names = [info.tableName, info.columnName]
        for (i, name) in names.enumerated() {
            let target = (pvResult + tableOffset + i * fieldBytes).assumingMemoryBound(to: Unit.self)
            // Names are at most 64 bytes, so they always fit the 256-unit fields.
            try Marshal.copyOut(name, target, CUnsignedLong(fieldBytes))
        }
    }
}

/// JET_COLUMNLIST: the temporary table and the ids of its columns.
private func writeColumnList(_ list: ColumnListResult, _ pvResult: UnsafeMutableRawPointer?) {
    var out = JET_COLUMNLIST()
    out.cbStruct = CUnsignedLong(MemoryLayout<JET_COLUMNLIST>.size)
    out.tableid = JET_TABLEID(list.tableid)
    out.cRecord = CUnsignedLong(list.cRecord)
    out.columnidPresentationOrder = JET_COLUMNID(list.columnidPresentationOrder)
    out.columnidcolumnname = JET_COLUMNID(list.columnidcolumnname)
    out.columnidcolumnid = JET_COLUMNID(list.columnidcolumnid)
    out.columnidcoltyp = JET_COLUMNID(list.columnidcoltyp)
    out.columnidCountry = JET_COLUMNID(list.columnidCountry)
    out.columnidLangid = JET_COLUMNID(list.columnidLangid)
    out.columnidCp = JET_COLUMNID(list.columnidCp)
    out.columnidCollate = JET_COLUMNID(list.columnidCollate)
    out.columnidcbMax = JET_COLUMNID(list.columnidcbMax)
    out.columnidgrbit = JET_COLUMNID(list.columnidgrbit)
    out.columnidDefault = JET_COLUMNID(list.columnidDefault)
    out.columnidBaseTableName = JET_COLUMNID(list.columnidBaseTableName)
    out.columnidBaseColumnName = JET_COLUMNID(list.columnidBaseColumnName)
    out.columnidDefinitionName = JET_COLUMNID(list.columnidDefinitionName)
    pvResult?.storeBytes(of: out, as: JET_COLUMNLIST.self)
}

/// JET_INDEXLIST (its last member only when the caller's buffer has room for it).
private func writeIndexList(_ list: IndexListResult, _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong) {
    var out = JET_INDEXLIST()
    let size = min(Int(cbResult), MemoryLayout<JET_INDEXLIST>.size)
    out.cbStruct = CUnsignedLong(size)
    out.tableid = JET_TABLEID(list.tableid)
    out.cRecord = CUnsignedLong(list.cRecord)
    out.columnidindexname = JET_COLUMNID(list.columnidindexname)
    out.columnidgrbitIndex = JET_COLUMNID(list.columnidgrbitIndex)
    out.columnidcKey = JET_COLUMNID(list.columnidcKey)
    out.columnidcEntry = JET_COLUMNID(list.columnidcEntry)
    out.columnidcPage = JET_COLUMNID(list.columnidcPage)
    out.columnidcColumn = JET_COLUMNID(list.columnidcColumn)
    out.columnidiColumn = JET_COLUMNID(list.columnidiColumn)
    out.columnidcolumnid = JET_COLUMNID(list.columnidcolumnid)
    out.columnidcoltyp = JET_COLUMNID(list.columnidcoltyp)
    out.columnidCountry = JET_COLUMNID(list.columnidCountry)
    out.columnidLangid = JET_COLUMNID(list.columnidLangid)
    out.columnidCp = JET_COLUMNID(list.columnidCp)
    out.columnidCollate = JET_COLUMNID(list.columnidCollate)
    out.columnidgrbitColumn = JET_COLUMNID(list.columnidgrbitColumn)
    out.columnidcolumnname = JET_COLUMNID(list.columnidcolumnname)
    out.columnidLCMapFlags = JET_COLUMNID(list.columnidLCMapFlags)
    withUnsafeBytes(of: out) { raw in
        if let base = raw.baseAddress { pvResult?.copyMemory(from: base, byteCount: size) }
    }
}

// MARK: JetGetTableColumnInfo

private func getTableColumnInfo<Unit>(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<Unit>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let level = try ColumnLevel(infoLevel, cbMax: cbMax, pvResult: pvResult, unit: Unit.self)
        if case .list(let sortByColumnid, let minimal) = level {
            let list = try SchemaCalls.columnList(
                sesid: UInt(sesid), tableid: UInt(tableid), sortByColumnid: sortByColumnid, minimal: minimal,
                unicode: Unit.self != CChar.self)
            return writeColumnList(list, pvResult)
        }
        let info = try SchemaCalls.columnInfo(
            sesid: UInt(sesid), tableid: UInt(tableid), lookup: try lookup(szColumnName, byId: level.byId))
        try write(info, level, pvResult, unit: Unit.self)
    }
}

@c(JetGetTableColumnInfoA)
public func jetGetTableColumnInfoA(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<CChar>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableColumnInfo(sesid, tableid, szColumnName, pvResult, cbMax, infoLevel) }

@c(JetGetTableColumnInfo)
public func jetGetTableColumnInfo(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<CChar>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableColumnInfo(sesid, tableid, szColumnName, pvResult, cbMax, infoLevel) }

@c(JetGetTableColumnInfoW)
public func jetGetTableColumnInfoW(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<WCHAR>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableColumnInfo(sesid, tableid, szColumnName, pvResult, cbMax, infoLevel) }

// MARK: JetGetColumnInfo

private func getColumnInfo<Unit>(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<Unit>?, _ pColumnNameOrId: UnsafePointer<Unit>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let level = try ColumnLevel(infoLevel, cbMax: cbMax, pvResult: pvResult, unit: Unit.self)
        if case .list(let sortByColumnid, let minimal) = level {
            let list = try SchemaCalls.columnList(
                sesid: UInt(sesid), dbid: UInt(dbid), tableName: Marshal.name(szTableName),
                sortByColumnid: sortByColumnid, minimal: minimal, unicode: Unit.self != CChar.self)
            return writeColumnList(list, pvResult)
        }
        let info = try SchemaCalls.columnInfo(
            sesid: UInt(sesid), dbid: UInt(dbid), tableName: Marshal.name(szTableName),
            lookup: try lookup(pColumnNameOrId, byId: level.byId))
        try write(info, level, pvResult, unit: Unit.self)
    }
}

@c(JetGetColumnInfoA)
public func jetGetColumnInfoA(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?,
    _ pColumnNameOrId: UnsafePointer<CChar>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { getColumnInfo(sesid, dbid, szTableName, pColumnNameOrId, pvResult, cbMax, infoLevel) }

@c(JetGetColumnInfo)
public func jetGetColumnInfo(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?,
    _ pColumnNameOrId: UnsafePointer<CChar>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { getColumnInfo(sesid, dbid, szTableName, pColumnNameOrId, pvResult, cbMax, infoLevel) }

@c(JetGetColumnInfoW)
public func jetGetColumnInfoW(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<WCHAR>?,
    _ pwColumnNameOrId: UnsafePointer<WCHAR>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { getColumnInfo(sesid, dbid, szTableName, pwColumnNameOrId, pvResult, cbMax, infoLevel) }

// MARK: JetGetTableIndexInfo / JetGetIndexInfo

/// The index levels: the size each needs (checked after the session, before the cursor or table), written as
/// the type ESE writes: JET_IdxInfoSpaceAlloc (5, the density, 32 bits), JET_IdxInfoLCID (6, 32 bits),
/// JET_IdxInfoCount (7, 32 bits), JET_IdxInfoVarSegMac (8, 16 bits), JET_IdxInfoIndexId (9, a JET_INDEXID holding
/// the index's and the table's object ids), JET_IdxInfoKeyMost (10, 16 bits), and the list levels (0, 1:
/// JET_INDEXLIST, whose last member may be left out). Other known levels -1001, unknown ones -1003.
private func indexLevelSize(_ infoLevel: CUnsignedLong, _ cbResult: CUnsignedLong) throws(JetError) -> Int {
    let size: Int
    switch infoLevel {
    case 0, 1: size = MemoryLayout<JET_INDEXLIST>.size - MemoryLayout<JET_COLUMNID>.size
    case 5, 6, 7: size = 4
    case 8, 10: size = 2
    case 9: size = MemoryLayout<JET_INDEXID>.size
    case 2...19: throw .featureNotAvailable
    default: throw .invalidParameter
    }
    guard cbResult >= size else { throw .bufferTooSmall }
    return size
}

private func writeIndexInfo(
    _ infoLevel: CUnsignedLong, _ pvResult: UnsafeMutableRawPointer?, _ result: IndexInfo
) throws(JetError) {
    guard let pvResult else { throw .invalidParameter }
    switch infoLevel {
    case 5: pvResult.storeBytes(of: result.density, as: UInt32.self)
    case 6: pvResult.storeBytes(of: result.lcid, as: UInt32.self)
    case 7: pvResult.storeBytes(of: Int32(clamping: result.count), as: Int32.self)
    case 8: pvResult.storeBytes(of: UInt16(clamping: result.cbVarSegMac), as: UInt16.self)
    case 9: pvResult.storeBytes(of: JET_INDEXID(result.id), as: JET_INDEXID.self)
    default: pvResult.storeBytes(of: UInt16(clamping: result.cbKeyMost), as: UInt16.self)
    }
}

private func getTableIndexInfo<Unit>(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<Unit>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        if infoLevel <= 1 {
            guard pvResult != nil else { throw .invalidParameter }
            let list = try SchemaCalls.indexList(
                sesid: UInt(sesid), tableid: UInt(tableid), name: Marshal.name(szIndexName),
                unicode: Unit.self != CChar.self
            ) { () throws(JetError) in _ = try indexLevelSize(infoLevel, cbResult) }
            return writeIndexList(list, pvResult, cbResult)
        }
        let info = try SchemaCalls.indexInfo(
            sesid: UInt(sesid), tableid: UInt(tableid), name: Marshal.name(szIndexName)
        ) { () throws(JetError) in _ = try indexLevelSize(infoLevel, cbResult) }
        try writeIndexInfo(infoLevel, pvResult, info)
    }
}

@c(JetGetTableIndexInfoA)
public func jetGetTableIndexInfoA(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableIndexInfo(sesid, tableid, szIndexName, pvResult, cbResult, infoLevel) }

@c(JetGetTableIndexInfo)
public func jetGetTableIndexInfo(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableIndexInfo(sesid, tableid, szIndexName, pvResult, cbResult, infoLevel) }

@c(JetGetTableIndexInfoW)
public func jetGetTableIndexInfoW(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<WCHAR>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableIndexInfo(sesid, tableid, szIndexName, pvResult, cbResult, infoLevel) }

private func getIndexInfo<Unit>(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<Unit>?, _ szIndexName: UnsafePointer<Unit>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        if infoLevel <= 1 {
            guard pvResult != nil else { throw .invalidParameter }
            let list = try SchemaCalls.indexList(
                sesid: UInt(sesid), dbid: UInt(dbid), tableName: Marshal.name(szTableName),
                name: Marshal.name(szIndexName), unicode: Unit.self != CChar.self
            ) { () throws(JetError) in _ = try indexLevelSize(infoLevel, cbResult) }
            return writeIndexList(list, pvResult, cbResult)
        }
        let info = try SchemaCalls.indexInfo(
            sesid: UInt(sesid), dbid: UInt(dbid), tableName: Marshal.name(szTableName), name: Marshal.name(szIndexName)
        ) { () throws(JetError) in _ = try indexLevelSize(infoLevel, cbResult) }
        try writeIndexInfo(infoLevel, pvResult, info)
    }
}

@c(JetGetIndexInfoA)
public func jetGetIndexInfoA(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?, _ szIndexName: UnsafePointer<CChar>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getIndexInfo(sesid, dbid, szTableName, szIndexName, pvResult, cbResult, infoLevel) }

@c(JetGetIndexInfo)
public func jetGetIndexInfo(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?, _ szIndexName: UnsafePointer<CChar>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getIndexInfo(sesid, dbid, szTableName, szIndexName, pvResult, cbResult, infoLevel) }

@c(JetGetIndexInfoW)
public func jetGetIndexInfoW(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<WCHAR>?, _ szIndexName: UnsafePointer<WCHAR>?,
    _ pvResult: UnsafeMutableRawPointer?, _ cbResult: CUnsignedLong, _ infoLevel: CUnsignedLong
) -> JET_ERR { getIndexInfo(sesid, dbid, szTableName, szIndexName, pvResult, cbResult, infoLevel) }

/// JET_INDEXID's opaque bytes as this library writes them: the index's and the table's object ids as two 64-bit
/// little-endian words, then zeros.
extension JET_INDEXID {
    init(_ id: IndexID) {
        self.init()
        cbStruct = CUnsignedLong(MemoryLayout<JET_INDEXID>.size)
        withUnsafeMutableBytes(of: &rgbIndexId) { raw in
            raw.storeBytes(of: UInt64(id.index).littleEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: UInt64(id.table).littleEndian, toByteOffset: 8, as: UInt64.self)
        }
    }

    /// The ids, or JET_errInvalidIndexId when `cbStruct` or the bytes are not what `init(_:)` writes.
    func content() throws(JetError) -> IndexID {
        guard cbStruct == CUnsignedLong(MemoryLayout<JET_INDEXID>.size) else { throw .invalidIndexId }
        let (index, table, rest) = withUnsafeBytes(of: rgbIndexId) { raw in
            (
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                raw[16...].allSatisfy { $0 == 0 }
            )
        }
        guard rest, let index = UInt32(exactly: index), let table = UInt32(exactly: table) else {
            throw .invalidIndexId
        }
        return IndexID(index: index, table: table)
    }
}
