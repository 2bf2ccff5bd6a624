import CEsent
import EsentCore

// Tables: JetCreateTable, JetCreateTableColumnIndex(2, 3), JetDeleteTable, JetGetTableInfo. Each body is written
// once for A and W: the A and W structs have the same layout (only what their string pointers point to differs),
// so both are read through the A struct and their strings by the caller's unit.

extension Marshal {
    /// A caller's object name as the schema checks it: A names as their bytes (at most 65 are read: a longer name
    /// is invalid whatever follows), W names converted to UTF-8.
    static func name<Unit>(_ p: UnsafePointer<Unit>?) -> NameInput {
        name(UnsafeRawPointer(p), wide: Unit.self != CChar.self)
    }

    static func name(_ p: UnsafeRawPointer?, wide: Bool) -> NameInput {
        guard let p else { return .success(nil) }
        if wide {
            do throws(JetError) {
                return .success(Array(try utf16String(p.assumingMemoryBound(to: WCHAR.self)).utf8))
            } catch {
                return .failure(error)
            }
        }
        let bytes = p.assumingMemoryBound(to: UInt8.self)
        var out: [UInt8] = []
        while out.count <= ObjectName.maxBytes, bytes[out.count] != 0 { out.append(bytes[out.count]) }
        return .success(out)
    }

    /// A JetCreateIndex key description of `cbKey` bytes as code units of the caller's encoding.
    static func keyDescription(_ p: UnsafeRawPointer?, _ cbKey: UInt, wide: Bool) throws(JetError)
        -> IndexDefinition.KeyDescription
    {
        guard cbKey <= 0x7FFF_FFFF else { throw .invalidParameter }
        guard cbKey > 0 else { return .narrow([]) }
        guard let p else { throw .invalidParameter }
        if wide {
            return .wide(Array(UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt16.self), count: Int(cbKey) / 2)))
        }
        return .narrow(Array(UnsafeRawBufferPointer(start: p, count: Int(cbKey))))
    }

    /// Optional bytes a caller passed as pointer + length (a default value).
    static func bytes(_ p: UnsafeRawPointer?, _ count: UInt) throws(JetError) -> [UInt8]? {
        guard count > 0 else { return nil }
        guard count <= 0x7FFF_FFFF, let p else { throw .invalidParameter }
        return Array(UnsafeRawBufferPointer(start: p, count: Int(count)))
    }

    /// One JET_INDEXCREATE (or JET_INDEXCREATE2) element: its definition, as far as it can be read.
    static func indexDefinition(_ element: JET_INDEXCREATE_A, wide: Bool, hasKeyMost: Bool) throws(JetError)
        -> IndexDefinition
    {
        let grbit = UInt(element.grbit)
        var lcid = UInt(element.lcid)
        var mapFlags: UInt = 0
        if grbit & UInt(IndexBits.unicode) != 0 {
            guard let unicode = element.pidxunicode else { throw .invalidParameter }
            lcid = UInt(unicode.pointee.lcid)
            mapFlags = UInt(unicode.pointee.dwMapFlags)
        }
        return IndexDefinition(
            name: try name(UnsafeRawPointer(element.szIndexName), wide: wide).get(),
            key: try keyDescription(UnsafeRawPointer(element.szKey), UInt(element.cbKey), wide: wide),
            grbit: grbit, density: UInt(element.ulDensity), cbKeyMost: hasKeyMost ? UInt(element.cbKeyMost) : nil,
            cbVarSegMac: grbit & UInt(IndexBits.tupleLimits) != 0 ? 0 : UInt(element.cbVarSegMac), lcid: lcid,
            mapFlags: mapFlags, conditionalColumns: Int(min(element.cConditionalColumn, 1 << 20)))
    }

    /// The elements of a JET_INDEXCREATE array, each read with its own cbStruct as the stride (the old struct
    /// without cbKeyMost is accepted, as ESE does). `exactSize`: only the full size is valid (JET_INDEXCREATE2).
    static func indexElements(_ base: UnsafeRawPointer?, _ count: UInt, fullSize: Int, exactSize: Bool)
        throws(JetError) -> [(pointer: UnsafeMutableRawPointer, element: JET_INDEXCREATE_A, hasKeyMost: Bool)]
    {
        guard count > 0 else { return [] }
        guard let base, count <= 0xFFFF else { throw .invalidParameter }
        let oldSize = MemoryLayout<JET_INDEXCREATE_A>.offset(of: \JET_INDEXCREATE_A.cbKeyMost) ?? fullSize
        var out: [(UnsafeMutableRawPointer, JET_INDEXCREATE_A, Bool)] = []
        var p = UnsafeMutableRawPointer(mutating: base)
        for _ in 0..<count {
            let cbStruct = Int(p.load(as: UInt.self))
            guard cbStruct == fullSize || (!exactSize && cbStruct == oldSize) else { throw .invalidParameter }
            var element = JET_INDEXCREATE_A()
            withUnsafeMutableBytes(of: &element) { raw in
                raw.copyMemory(from: UnsafeRawBufferPointer(start: p, count: min(cbStruct, raw.count)))
            }
            out.append((p, element, cbStruct >= MemoryLayout<JET_INDEXCREATE_A>.size))
            p += cbStruct
        }
        return out
    }

    /// Where an element's `err` is (the same offset in every JET_INDEXCREATE version).
    static let indexErrOffset = MemoryLayout<JET_INDEXCREATE_A>.offset(of: \JET_INDEXCREATE_A.err) ?? 0
}

// MARK: JetCreateTable

/// JET_tableidNil (a cast macro, which Swift does not import).
let tableidNil = ~JET_TABLEID(0)

private func createTable<Unit>(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<Unit>?, _ lPages: CUnsignedLong,
    _ lDensity: CUnsignedLong, _ ptableid: UnsafeMutablePointer<JET_TABLEID>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let ptableid else { throw .invalidParameter }
        ptableid.pointee = tableidNil
        ptableid.pointee = JET_TABLEID(
            try SchemaCalls.createTable(
                sesid: UInt(sesid), dbid: UInt(dbid), name: Marshal.name(szTableName), pages: UInt(lPages),
                density: UInt(lDensity)))
    }
}

@c(JetCreateTableA)
public func jetCreateTableA(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?, _ lPages: CUnsignedLong,
    _ lDensity: CUnsignedLong, _ ptableid: UnsafeMutablePointer<JET_TABLEID>?
) -> JET_ERR { createTable(sesid, dbid, szTableName, lPages, lDensity, ptableid) }

@c(JetCreateTable)
public func jetCreateTable(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?, _ lPages: CUnsignedLong,
    _ lDensity: CUnsignedLong, _ ptableid: UnsafeMutablePointer<JET_TABLEID>?
) -> JET_ERR { createTable(sesid, dbid, szTableName, lPages, lDensity, ptableid) }

@c(JetCreateTableW)
public func jetCreateTableW(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<WCHAR>?, _ lPages: CUnsignedLong,
    _ lDensity: CUnsignedLong, _ ptableid: UnsafeMutablePointer<JET_TABLEID>?
) -> JET_ERR { createTable(sesid, dbid, szTableName, lPages, lDensity, ptableid) }

// MARK: JetCreateTableColumnIndex, 2, 3

/// The fields the three JET_TABLECREATE versions share, read from any of them.
private struct TableCreateFields {
    var name: UnsafeRawPointer?
    var templateName: UnsafeRawPointer?
    var pages: UInt
    var density: UInt
    var columns: UnsafeMutablePointer<JET_COLUMNCREATE_A>?
    var cColumns: UInt
    var indexes: UnsafeRawPointer?
    var cIndexes: UInt
    var callback: UnsafeRawPointer?
    var grbit: UInt
}

/// Unpacks the struct (ESE's conversion, before the session gate: sizes, NULL arrays), runs the call and writes
/// the outputs (tableid, cCreated, each column's id and err, each index's err) unless ImmutableStructure.
private func createTableColumnIndex(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ fields: TableCreateFields, wide: Bool, indexSize: Int,
    indexExact: Bool, setOutputs: (JET_TABLEID, UInt) -> Void
) -> JET_ERR {
    let unpacked: Result<(TableCreateSpec, [UnsafeMutableRawPointer]), JetError> = Result { () throws(JetError) in
        if fields.cColumns > 0 && fields.columns == nil { throw .invalidParameter }
        guard fields.cColumns <= 0xFFFF else { throw .invalidParameter }
        var columns: [(name: [UInt8]?, definition: ColumnDefinition)] = []
        for i in 0..<Int(fields.cColumns) {
            guard let element = fields.columns?[i] else { throw .invalidParameter }
            guard Int(element.cbStruct) == MemoryLayout<JET_COLUMNCREATE_A>.size else { throw .invalidParameter }
            columns.append((
                try Marshal.name(UnsafeRawPointer(element.szColumnName), wide: wide).get(),
                ColumnDefinition(
                    coltyp: UInt(element.coltyp), cbMax: UInt(element.cbMax), grbit: UInt(element.grbit),
                    codePage: UInt(element.cp),
                    defaultValue: try Marshal.bytes(element.pvDefault, UInt(element.cbDefault)))
            ))
        }
        let elements = try Marshal.indexElements(
            fields.indexes, fields.cIndexes, fullSize: indexSize, exactSize: indexExact)
        var indexes: [IndexDefinition] = []
        for entry in elements {
            indexes.append(try Marshal.indexDefinition(entry.element, wide: wide, hasKeyMost: entry.hasKeyMost))
        }
        let spec = TableCreateSpec(
            name: try Marshal.name(fields.name, wide: wide).get(),
            templateName: try Marshal.name(fields.templateName, wide: wide).get(), pages: fields.pages,
            density: fields.density, columns: columns, indexes: indexes, grbit: fields.grbit,
            hasCallback: fields.callback != nil)
        return (spec, elements.map(\.pointer))
    }
    // Struct errors come before the session gate.
    if case .failure(let error) = unpacked { return JET_ERR(error.rawValue) }
    let indexPointers = (try? unpacked.get().1) ?? []
    var results = TableCreateResults(columns: Int(fields.cColumns), indexes: indexPointers.count)
    var tableid: UInt?
    let status = jetCall { () throws(JetError) in
        tableid = try SchemaCalls.createTableColumnIndex(
            sesid: UInt(sesid), dbid: UInt(dbid), spec: unpacked.map(\.0), results: &results)
    }
    if fields.grbit & TableBits.immutableStructure != 0 { return status }
    setOutputs(JET_TABLEID(tableid ?? UInt(tableidNil)), UInt(results.cCreated))
    for i in 0..<Int(fields.cColumns) {
        fields.columns?[i].columnid = JET_COLUMNID(results.columnids[i])
        fields.columns?[i].err = JET_ERR(results.columnErrors[i].rawValue)
    }
    for (i, pointer) in indexPointers.enumerated() {
        let grbit = pointer.load(
            fromByteOffset: MemoryLayout<JET_INDEXCREATE_A>.offset(of: \JET_INDEXCREATE_A.grbit) ?? 0, as: UInt.self)
        if grbit & UInt(IndexBits.immutableStructure) == 0 {
            pointer.storeBytes(of: JET_ERR(results.indexErrors[i].rawValue), toByteOffset: Marshal.indexErrOffset, as: JET_ERR.self)
        }
    }
    return status
}

private func createTableColumnIndex1(_ sesid: JET_SESID, _ dbid: JET_DBID, _ p: UnsafeMutableRawPointer?, wide: Bool)
    -> JET_ERR
{
    guard let p = p?.assumingMemoryBound(to: JET_TABLECREATE_A.self) else { return JET_ERR(JET_errInvalidParameter) }
    guard Int(p.pointee.cbStruct) == MemoryLayout<JET_TABLECREATE_A>.size else { return JET_ERR(JET_errInvalidParameter) }
    let t = p.pointee
    let fields = TableCreateFields(
        name: UnsafeRawPointer(t.szTableName), templateName: UnsafeRawPointer(t.szTemplateTableName),
        pages: UInt(t.ulPages), density: UInt(t.ulDensity), columns: t.rgcolumncreate, cColumns: UInt(t.cColumns),
        indexes: UnsafeRawPointer(t.rgindexcreate), cIndexes: UInt(t.cIndexes), callback: nil, grbit: UInt(t.grbit))
    return createTableColumnIndex(
        sesid, dbid, fields, wide: wide, indexSize: MemoryLayout<JET_INDEXCREATE_A>.size, indexExact: false
    ) { tableid, created in
        p.pointee.tableid = tableid
        p.pointee.cCreated = CUnsignedLong(created)
    }
}

private func createTableColumnIndex2(_ sesid: JET_SESID, _ dbid: JET_DBID, _ p: UnsafeMutableRawPointer?, wide: Bool)
    -> JET_ERR
{
    guard let p = p?.assumingMemoryBound(to: JET_TABLECREATE2_A.self) else { return JET_ERR(JET_errInvalidParameter) }
    guard Int(p.pointee.cbStruct) == MemoryLayout<JET_TABLECREATE2_A>.size else { return JET_ERR(JET_errInvalidParameter) }
    let t = p.pointee
    let fields = TableCreateFields(
        name: UnsafeRawPointer(t.szTableName), templateName: UnsafeRawPointer(t.szTemplateTableName),
        pages: UInt(t.ulPages), density: UInt(t.ulDensity), columns: t.rgcolumncreate, cColumns: UInt(t.cColumns),
        indexes: UnsafeRawPointer(t.rgindexcreate), cIndexes: UInt(t.cIndexes),
        callback: UnsafeRawPointer(t.szCallback), grbit: UInt(t.grbit))
    return createTableColumnIndex(
        sesid, dbid, fields, wide: wide, indexSize: MemoryLayout<JET_INDEXCREATE_A>.size, indexExact: false
    ) { tableid, created in
        p.pointee.tableid = tableid
        p.pointee.cCreated = CUnsignedLong(created)
    }
}

private func createTableColumnIndex3(_ sesid: JET_SESID, _ dbid: JET_DBID, _ p: UnsafeMutableRawPointer?, wide: Bool)
    -> JET_ERR
{
    guard let p = p?.assumingMemoryBound(to: JET_TABLECREATE3_A.self) else { return JET_ERR(JET_errInvalidParameter) }
    guard Int(p.pointee.cbStruct) == MemoryLayout<JET_TABLECREATE3_A>.size else { return JET_ERR(JET_errInvalidParameter) }
    let t = p.pointee
    let fields = TableCreateFields(
        name: UnsafeRawPointer(t.szTableName), templateName: UnsafeRawPointer(t.szTemplateTableName),
        pages: UInt(t.ulPages), density: UInt(t.ulDensity), columns: t.rgcolumncreate, cColumns: UInt(t.cColumns),
        indexes: UnsafeRawPointer(t.rgindexcreate), cIndexes: UInt(t.cIndexes),
        callback: UnsafeRawPointer(t.szCallback), grbit: UInt(t.grbit))
    return createTableColumnIndex(
        sesid, dbid, fields, wide: wide, indexSize: MemoryLayout<JET_INDEXCREATE2_A>.size, indexExact: true
    ) { tableid, created in
        p.pointee.tableid = tableid
        p.pointee.cCreated = CUnsignedLong(created)
    }
}

@c(JetCreateTableColumnIndexA)
public func jetCreateTableColumnIndexA(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE_A>?
) -> JET_ERR { createTableColumnIndex1(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: false) }

@c(JetCreateTableColumnIndex)
public func jetCreateTableColumnIndex(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE_A>?
) -> JET_ERR { createTableColumnIndex1(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: false) }

@c(JetCreateTableColumnIndexW)
public func jetCreateTableColumnIndexW(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE_W>?
) -> JET_ERR { createTableColumnIndex1(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: true) }

@c(JetCreateTableColumnIndex2A)
public func jetCreateTableColumnIndex2A(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE2_A>?
) -> JET_ERR { createTableColumnIndex2(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: false) }

@c(JetCreateTableColumnIndex2)
public func jetCreateTableColumnIndex2(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE2_A>?
) -> JET_ERR { createTableColumnIndex2(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: false) }

@c(JetCreateTableColumnIndex2W)
public func jetCreateTableColumnIndex2W(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE2_W>?
) -> JET_ERR { createTableColumnIndex2(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: true) }

@c(JetCreateTableColumnIndex3A)
public func jetCreateTableColumnIndex3A(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE3_A>?
) -> JET_ERR { createTableColumnIndex3(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: false) }

@c(JetCreateTableColumnIndex3)
public func jetCreateTableColumnIndex3(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE3_A>?
) -> JET_ERR { createTableColumnIndex3(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: false) }

@c(JetCreateTableColumnIndex3W)
public func jetCreateTableColumnIndex3W(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ ptablecreate: UnsafeMutablePointer<JET_TABLECREATE3_W>?
) -> JET_ERR { createTableColumnIndex3(sesid, dbid, UnsafeMutableRawPointer(ptablecreate), wide: true) }

// MARK: JetDeleteTable

private func deleteTable<Unit>(_ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<Unit>?) -> JET_ERR {
    jetCall { () throws(JetError) in
        try SchemaCalls.deleteTable(sesid: UInt(sesid), dbid: UInt(dbid), name: Marshal.name(szTableName))
    }
}

@c(JetDeleteTableA)
public func jetDeleteTableA(_ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?) -> JET_ERR {
    deleteTable(sesid, dbid, szTableName)
}

@c(JetDeleteTable)
public func jetDeleteTable(_ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?) -> JET_ERR {
    deleteTable(sesid, dbid, szTableName)
}

@c(JetDeleteTableW)
public func jetDeleteTableW(_ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<WCHAR>?) -> JET_ERR {
    deleteTable(sesid, dbid, szTableName)
}

// MARK: JetGetTableInfo

/// JET_TblInfo (JET_OBJECTINFO), JET_TblInfoName, JET_TblInfoDbid; other levels are not available.
private func getTableInfo<Unit>(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong, as unit: Unit.Type
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let info = try SchemaCalls.tableInfo(sesid: UInt(sesid), tableid: UInt(tableid))
        guard let pvResult else { throw .invalidParameter }
        switch infoLevel {
        case CUnsignedLong(JET_TblInfo):
            guard cbMax >= MemoryLayout<JET_OBJECTINFO>.size else { throw .bufferTooSmall }
            var result = JET_OBJECTINFO()
            result.cbStruct = CUnsignedLong(MemoryLayout<JET_OBJECTINFO>.size)
            result.objtyp = 1  // JET_objtypTable
            result.grbit = JET_GRBIT(JET_bitTableInfoBookmark | JET_bitTableInfoRollback)
            if info.updatable { result.grbit |= JET_GRBIT(JET_bitTableInfoUpdatable) }
            result.flags = CUnsignedLong(info.flags)
            // Statistics of JetComputeStats, which this library does not keep: 0 as for a new table.
            result.cRecord = 0
            result.cPage = 0
            pvResult.storeBytes(of: result, as: JET_OBJECTINFO.self)
        case CUnsignedLong(JET_TblInfoName):
            try Marshal.copyOut(info.name, pvResult.assumingMemoryBound(to: Unit.self), cbMax)
        case CUnsignedLong(JET_TblInfoDbid):
            guard cbMax >= MemoryLayout<JET_DBID>.size else { throw .bufferTooSmall }
            pvResult.storeBytes(of: JET_DBID(info.dbid), as: JET_DBID.self)
        default:
            throw .featureNotAvailable
        }
    }
}

@c(JetGetTableInfoA)
public func jetGetTableInfoA(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableInfo(sesid, tableid, pvResult, cbMax, infoLevel, as: CChar.self) }

@c(JetGetTableInfo)
public func jetGetTableInfo(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableInfo(sesid, tableid, pvResult, cbMax, infoLevel, as: CChar.self) }

@c(JetGetTableInfoW)
public func jetGetTableInfoW(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { getTableInfo(sesid, tableid, pvResult, cbMax, infoLevel, as: WCHAR.self) }
