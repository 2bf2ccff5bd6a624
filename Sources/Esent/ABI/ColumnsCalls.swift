import CEsent
import EsentCore

// Columns: JetAddColumn, JetDeleteColumn (A, W and undecorated).

private func addColumn<Unit>(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<Unit>?,
    _ pcolumndef: UnsafePointer<JET_COLUMNDEF>?, _ pvDefault: UnsafeRawPointer?, _ cbDefault: CUnsignedLong,
    _ pcolumnid: UnsafeMutablePointer<JET_COLUMNID>?
) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        guard let pcolumndef else { throw .invalidParameter }
        let def = pcolumndef.pointee
        // A JET_COLUMNDEF too small is reported by the core after the FixedDDL check, as ESE orders it.
        let definition: ColumnDefinition? =
            Int(def.cbStruct) < MemoryLayout<JET_COLUMNDEF>.size
            ? nil
            : ColumnDefinition(
                coltyp: UInt(def.coltyp), cbMax: UInt(def.cbMax), grbit: UInt(def.grbit), codePage: UInt(def.cp),
                defaultValue: try Marshal.bytes(pvDefault, UInt(cbDefault)))
        let (columnid, warning) = try SchemaCalls.addColumn(
            sesid: UInt(sesid), tableid: UInt(tableid), name: Marshal.name(szColumnName), definition: definition)
        pcolumnid?.pointee = JET_COLUMNID(columnid)
        return warning
    }
}

@c(JetAddColumnA)
public func jetAddColumnA(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<CChar>?,
    _ pcolumndef: UnsafePointer<JET_COLUMNDEF>?, _ pvDefault: UnsafeRawPointer?, _ cbDefault: CUnsignedLong,
    _ pcolumnid: UnsafeMutablePointer<JET_COLUMNID>?
) -> JET_ERR { addColumn(sesid, tableid, szColumnName, pcolumndef, pvDefault, cbDefault, pcolumnid) }

@c(JetAddColumn)
public func jetAddColumn(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<CChar>?,
    _ pcolumndef: UnsafePointer<JET_COLUMNDEF>?, _ pvDefault: UnsafeRawPointer?, _ cbDefault: CUnsignedLong,
    _ pcolumnid: UnsafeMutablePointer<JET_COLUMNID>?
) -> JET_ERR { addColumn(sesid, tableid, szColumnName, pcolumndef, pvDefault, cbDefault, pcolumnid) }

@c(JetAddColumnW)
public func jetAddColumnW(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<WCHAR>?,
    _ pcolumndef: UnsafePointer<JET_COLUMNDEF>?, _ pvDefault: UnsafeRawPointer?, _ cbDefault: CUnsignedLong,
    _ pcolumnid: UnsafeMutablePointer<JET_COLUMNID>?
) -> JET_ERR { addColumn(sesid, tableid, szColumnName, pcolumndef, pvDefault, cbDefault, pcolumnid) }

private func deleteColumn<Unit>(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<Unit>?)
    -> JET_ERR
{
    jetCall { () throws(JetError) in
        try SchemaCalls.deleteColumn(sesid: UInt(sesid), tableid: UInt(tableid), name: Marshal.name(szColumnName))
    }
}

@c(JetDeleteColumnA)
public func jetDeleteColumnA(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<CChar>?)
    -> JET_ERR { deleteColumn(sesid, tableid, szColumnName) }

@c(JetDeleteColumn)
public func jetDeleteColumn(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<CChar>?)
    -> JET_ERR { deleteColumn(sesid, tableid, szColumnName) }

@c(JetDeleteColumnW)
public func jetDeleteColumnW(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szColumnName: UnsafePointer<WCHAR>?)
    -> JET_ERR { deleteColumn(sesid, tableid, szColumnName) }
