import CEsent
import EsentCore

// JetOpenTable, JetCloseTable, JetSetCurrentIndex(2-4), JetGetCurrentIndex. Each body is written once, generic
// over the caller's string unit (`char` for A and undecorated names, `WCHAR` for W).

private func openTable<Unit>(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<Unit>?, _ grbit: JET_GRBIT,
    _ ptableid: UnsafeMutablePointer<JET_TABLEID>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let ptableid else { throw .invalidParameter }
        ptableid.pointee = JET_TABLEID(bitPattern: -1)
        let name = try Marshal.string(szTableName)
        ptableid.pointee = try TableCursors.openTable(sesid: sesid, dbid: dbid, name: name, grbit: grbit)
    }
}

@c(JetOpenTableA)
public func jetOpenTableA(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?, _ pvParameters: UnsafeRawPointer?,
    _ cbParameters: CUnsignedLong, _ grbit: JET_GRBIT, _ ptableid: UnsafeMutablePointer<JET_TABLEID>?
) -> JET_ERR { openTable(sesid, dbid, szTableName, grbit, ptableid) }

@c(JetOpenTable)
public func jetOpenTable(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<CChar>?, _ pvParameters: UnsafeRawPointer?,
    _ cbParameters: CUnsignedLong, _ grbit: JET_GRBIT, _ ptableid: UnsafeMutablePointer<JET_TABLEID>?
) -> JET_ERR { openTable(sesid, dbid, szTableName, grbit, ptableid) }

@c(JetOpenTableW)
public func jetOpenTableW(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ szTableName: UnsafePointer<WCHAR>?, _ pvParameters: UnsafeRawPointer?,
    _ cbParameters: CUnsignedLong, _ grbit: JET_GRBIT, _ ptableid: UnsafeMutablePointer<JET_TABLEID>?
) -> JET_ERR { openTable(sesid, dbid, szTableName, grbit, ptableid) }

@c(JetCloseTable)
public func jetCloseTable(_ sesid: JET_SESID, _ tableid: JET_TABLEID) -> JET_ERR {
    jetCall { () throws(JetError) in try TableCursors.closeTable(sesid: sesid, tableid: tableid) }
}

/// JetSetCurrentIndex4; the shorter versions pass JET_bitMoveFirst, itag 1 and no index id.
private func setCurrentIndex<Unit>(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<Unit>?,
    _ pindexid: UnsafeMutablePointer<JET_INDEXID>?, _ grbit: JET_GRBIT, _ itagSequence: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let indexID = try pindexid.map { (p) throws(JetError) in try p.pointee.content() }
        guard itagSequence <= 0x7FFF_FFFF else { throw .invalidParameter }
        // With an index id the name is ignored (not even read), as in ESE.
        try TableCursors.setCurrentIndex(
            sesid: sesid, tableid: tableid, name: indexID == nil ? try Marshal.string(szIndexName) : nil,
            indexID: indexID, grbit: grbit, itagSequence: itagSequence)
    }
}

@c(JetSetCurrentIndexA)
public func jetSetCurrentIndexA(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?)
    -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, 0, 1) }

@c(JetSetCurrentIndex)
public func jetSetCurrentIndex(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?)
    -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, 0, 1) }

@c(JetSetCurrentIndexW)
public func jetSetCurrentIndexW(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<WCHAR>?)
    -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, 0, 1) }

@c(JetSetCurrentIndex2A)
public func jetSetCurrentIndex2A(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?, _ grbit: JET_GRBIT
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, grbit, 1) }

@c(JetSetCurrentIndex2)
public func jetSetCurrentIndex2(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?, _ grbit: JET_GRBIT
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, grbit, 1) }

@c(JetSetCurrentIndex2W)
public func jetSetCurrentIndex2W(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, grbit, 1) }

@c(JetSetCurrentIndex3A)
public func jetSetCurrentIndex3A(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?, _ grbit: JET_GRBIT,
    _ itagSequence: CUnsignedLong
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, grbit, itagSequence) }

@c(JetSetCurrentIndex3)
public func jetSetCurrentIndex3(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?, _ grbit: JET_GRBIT,
    _ itagSequence: CUnsignedLong
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, grbit, itagSequence) }

@c(JetSetCurrentIndex3W)
public func jetSetCurrentIndex3W(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT,
    _ itagSequence: CUnsignedLong
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, nil, grbit, itagSequence) }

@c(JetSetCurrentIndex4A)
public func jetSetCurrentIndex4A(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?,
    _ pindexid: UnsafeMutablePointer<JET_INDEXID>?, _ grbit: JET_GRBIT, _ itagSequence: CUnsignedLong
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, pindexid, grbit, itagSequence) }

@c(JetSetCurrentIndex4)
public func jetSetCurrentIndex4(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?,
    _ pindexid: UnsafeMutablePointer<JET_INDEXID>?, _ grbit: JET_GRBIT, _ itagSequence: CUnsignedLong
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, pindexid, grbit, itagSequence) }

@c(JetSetCurrentIndex4W)
public func jetSetCurrentIndex4W(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<WCHAR>?,
    _ pindexid: UnsafeMutablePointer<JET_INDEXID>?, _ grbit: JET_GRBIT, _ itagSequence: CUnsignedLong
) -> JET_ERR { setCurrentIndex(sesid, tableid, szIndexName, pindexid, grbit, itagSequence) }

/// A: the name cut to `cbIndexName` bytes including the NUL; W: a buffer too small is JET_errBufferTooSmall.
/// `cbIndexName` 0 returns the warning JET_wrnBufferTruncated and writes nothing (ESE's order).
private func getCurrentIndex<Unit>(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafeMutablePointer<Unit>?,
    _ cbIndexName: CUnsignedLong
) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        let name = try TableCursors.currentIndexName(sesid: sesid, tableid: tableid)
        guard cbIndexName >= 1 else { return .wrnBufferTruncated }
        guard let szIndexName else { throw .invalidParameter }
        guard cbIndexName <= 0x7FFF_FFFF else { throw .invalidParameter }
        var bytes = Marshal.terminatedBytes(name, as: Unit.self)
        if bytes.count > Int(cbIndexName) {
            guard Unit.self == CChar.self else { throw .bufferTooSmall }
            bytes.removeLast(bytes.count - Int(cbIndexName))
            bytes[bytes.count - 1] = 0
        }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(szIndexName).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
        }
        return nil
    }
}

@c(JetGetCurrentIndexA)
public func jetGetCurrentIndexA(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafeMutablePointer<CChar>?,
    _ cbIndexName: CUnsignedLong
) -> JET_ERR { getCurrentIndex(sesid, tableid, szIndexName, cbIndexName) }

@c(JetGetCurrentIndex)
public func jetGetCurrentIndex(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafeMutablePointer<CChar>?,
    _ cbIndexName: CUnsignedLong
) -> JET_ERR { getCurrentIndex(sesid, tableid, szIndexName, cbIndexName) }

@c(JetGetCurrentIndexW)
public func jetGetCurrentIndexW(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafeMutablePointer<WCHAR>?,
    _ cbIndexName: CUnsignedLong
) -> JET_ERR { getCurrentIndex(sesid, tableid, szIndexName, cbIndexName) }
