import CEsent
import EsentCore

// The update cycle and column retrieval.

/// ESE rejects sizes over JET_cbLVColumnMost; on LP64 that ceiling also keeps every larger `unsigned long` out.
private let sizeMost: CUnsignedLong = 0x7FFF_FFFF

private func buffer(_ pv: UnsafeMutableRawPointer?, _ cb: CUnsignedLong) throws(JetError)
    -> UnsafeMutableRawBufferPointer
{
    guard cb <= sizeMost else { throw .invalidParameter }
    guard let pv else {
        guard cb == 0 else { throw .invalidParameter }
        return UnsafeMutableRawBufferPointer(start: nil, count: 0)
    }
    return UnsafeMutableRawBufferPointer(start: pv, count: Int(cb))
}

@c(JetPrepareUpdate)
public func jetPrepareUpdate(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ prep: CUnsignedLong) -> JET_ERR {
    jetCall { () throws(JetError) in try Updates.prepareUpdate(sesid: sesid, tableid: tableid, prep: prep) }
}

@c(JetSetColumn)
public func jetSetColumn(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ columnid: JET_COLUMNID, _ pvData: UnsafeRawPointer?,
    _ cbData: CUnsignedLong, _ grbit: JET_GRBIT, _ psetinfo: UnsafeMutablePointer<JET_SETINFO>?
) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        // The core reports these argument faults after the handle checks, in ESE's order.
        let sizeTooBig = cbData > sizeMost
        let setInfoTooSmall = psetinfo.map { $0.pointee.cbStruct < CUnsignedLong(MemoryLayout<JET_SETINFO>.size) }
            ?? false
        // pvData NULL means no data (a NULL value unless JET_bitSetZeroLength).
        let data = pvData.map { UnsafeRawBufferPointer(start: $0, count: sizeTooBig ? 0 : Int(cbData)) }
            ?? UnsafeRawBufferPointer(start: nil, count: 0)
        return try Updates.setColumn(
            sesid: sesid, tableid: tableid, columnid: columnid, data: data, grbit: grbit, sizeTooBig: sizeTooBig,
            setInfoTooSmall: setInfoTooSmall)
    }
}

@c(JetSetColumns)
public func jetSetColumns(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ psetcolumn: UnsafeMutablePointer<JET_SETCOLUMN>?,
    _ csetcolumn: CUnsignedLong
) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        // A bad array or size is reported by the core after the update checks, where ESE would first read the
        // elements; every size is checked before anything is set.
        let badArray = csetcolumn > sizeMost || (csetcolumn > 0 && psetcolumn == nil)
        let count = badArray ? 0 : Int(csetcolumn)
        let elements = UnsafeMutableBufferPointer(start: psetcolumn, count: count)
        let sizeTooBig = badArray || elements.contains { $0.cbData > sizeMost }
        return try Updates.setColumns(
            sesid: sesid, tableid: tableid, count: count,
            element: { (i) throws(JetError) in
                let e = elements[i]
                let data = e.pvData.map { UnsafeRawBufferPointer(start: $0, count: Int(e.cbData)) }
                    ?? UnsafeRawBufferPointer(start: nil, count: 0)
                return (e.columnid, data, e.grbit)
            },
            result: { (i, warning) in elements[i].err = JET_ERR(warning?.rawValue ?? 0) }, sizeTooBig: sizeTooBig)
    }
}

private func update(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvBookmark: UnsafeMutableRawPointer?, _ cbBookmark: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard cbBookmark <= sizeMost else { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        let out = pvBookmark.map { UnsafeMutableRawBufferPointer(start: $0, count: Int(cbBookmark)) }
        let length = try Updates.update(sesid: sesid, tableid: tableid, bookmarkOut: out, grbit: grbit)
        pcbActual?.pointee = CUnsignedLong(length)
    }
}

@c(JetUpdate)
public func jetUpdate(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvBookmark: UnsafeMutableRawPointer?, _ cbBookmark: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR { update(sesid, tableid, pvBookmark, cbBookmark, pcbActual, 0) }

@c(JetUpdate2)
public func jetUpdate2(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvBookmark: UnsafeMutableRawPointer?, _ cbBookmark: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ grbit: JET_GRBIT
) -> JET_ERR { update(sesid, tableid, pvBookmark, cbBookmark, pcbActual, grbit) }

@c(JetDelete)
public func jetDelete(_ sesid: JET_SESID, _ tableid: JET_TABLEID) -> JET_ERR {
    jetCall { () throws(JetError) in try Updates.delete(sesid: sesid, tableid: tableid) }
}

@c(JetRetrieveColumn)
public func jetRetrieveColumn(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ columnid: JET_COLUMNID, _ pvData: UnsafeMutableRawPointer?,
    _ cbData: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ grbit: JET_GRBIT,
    _ pretinfo: UnsafeMutablePointer<JET_RETINFO>?
) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        var itag: CUnsignedLong = 1
        var retInfoTooSmall = false
        if let pretinfo {
            // Reported by the core after the handle checks, as ESE orders them.
            retInfoTooSmall = pretinfo.pointee.cbStruct < CUnsignedLong(MemoryLayout<JET_RETINFO>.size)
                || pretinfo.pointee.itagSequence > sizeMost || pretinfo.pointee.ibLongValue > sizeMost
            if !retInfoTooSmall { itag = pretinfo.pointee.itagSequence }
        }
        let out: UnsafeMutableRawBufferPointer
        do { out = try buffer(pvData, cbData) } catch { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        let (length, warning) = try Updates.retrieveColumn(
            sesid: sesid, tableid: tableid, columnid: columnid, into: out, grbit: grbit, itagSequence: itag,
            retInfoTooSmall: retInfoTooSmall)
        pcbActual?.pointee = CUnsignedLong(length)
        pretinfo?.pointee.columnidNextTagged = columnid
        return warning
    }
}

@c(JetRetrieveColumns)
public func jetRetrieveColumns(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pretrievecolumn: UnsafeMutablePointer<JET_RETRIEVECOLUMN>?,
    _ cretrievecolumn: CUnsignedLong
) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        guard cretrievecolumn <= sizeMost else { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        let count = Int(cretrievecolumn)
        guard count == 0 || pretrievecolumn != nil else { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        let elements = UnsafeMutableBufferPointer(start: pretrievecolumn, count: count)
        return try Updates.retrieveColumns(sesid: sesid, tableid: tableid) { (retrieve) throws(JetError) -> JetError? in
            var truncated = false
            for i in 0..<count {
                let e = elements[i]
                guard e.itagSequence <= sizeMost, e.ibLongValue <= sizeMost else { throw .invalidParameter }
                if e.itagSequence == 0 {
                    // Asks how many values the column has: one, or none when it is NULL.
                    let empty = UnsafeMutableRawBufferPointer(start: nil, count: 0)
                    let (_, warning) = try retrieve(e.columnid, empty, e.grbit, 1)
                    elements[i].itagSequence = warning == .wrnColumnNull ? 0 : 1
                    elements[i].cbActual = 0
                    elements[i].columnidNextTagged = e.columnid
                    elements[i].err = 0
                    continue
                }
                let out = try buffer(e.pvData, e.cbData)
                let (length, warning) = try retrieve(e.columnid, out, e.grbit, e.itagSequence)
                elements[i].cbActual = CUnsignedLong(length)
                elements[i].columnidNextTagged = e.columnid
                elements[i].err = JET_ERR(warning?.rawValue ?? 0)
                if warning == .wrnBufferTruncated { truncated = true }
            }
            return truncated ? .wrnBufferTruncated : nil
        }
    }
}

@c(JetRetrieveKey)
public func jetRetrieveKey(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvKey: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        guard cbMax <= sizeMost else { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        // A NULL buffer is a size query.
        let out = UnsafeMutableRawBufferPointer(start: pvKey, count: pvKey == nil ? 0 : Int(cbMax))
        let copy = grbit & CUnsignedLong(JET_bitRetrieveCopy) != 0
        let length = try Navigation.retrieveKey(sesid: sesid, tableid: tableid, into: out, copy: copy)
        pcbActual?.pointee = CUnsignedLong(length)
        // The search key is cut silently (ESE's FN); a record's key reports the truncation.
        return !copy && length > out.count ? .wrnBufferTruncated : nil
    }
}
