import CEsent
import EsentCore

// Moves, keys, seeks, ranges, bookmarks and counts.

private let sizeMost: CUnsignedLong = 0x7FFF_FFFF

@c(JetMove)
public func jetMove(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ cRow: CLong, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try Navigation.move(sesid: sesid, tableid: tableid, rows: cRow, grbit: grbit) }
}

@c(JetMakeKey)
public func jetMakeKey(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvData: UnsafeRawPointer?, _ cbData: CUnsignedLong,
    _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard cbData <= sizeMost, pvData != nil || cbData == 0 else { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        let data = UnsafeRawBufferPointer(start: pvData, count: pvData == nil ? 0 : Int(cbData))
        try Navigation.makeKey(sesid: sesid, tableid: tableid, data: data, grbit: grbit)
    }
}

@c(JetSeek)
public func jetSeek(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in try Navigation.seek(sesid: sesid, tableid: tableid, grbit: grbit) }
}

@c(JetSetIndexRange)
public func jetSetIndexRange(_ sesid: JET_SESID, _ tableidSrc: JET_TABLEID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try Navigation.setIndexRange(sesid: sesid, tableid: tableidSrc, grbit: grbit) }
}

@c(JetGetBookmark)
public func jetGetBookmark(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvBookmark: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard cbMax <= sizeMost, pvBookmark != nil || cbMax == 0 else { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        let out = UnsafeMutableRawBufferPointer(start: pvBookmark, count: pvBookmark == nil ? 0 : Int(cbMax))
        let length = try Navigation.bookmark(sesid: sesid, tableid: tableid, into: out)
        pcbActual?.pointee = CUnsignedLong(length)
        // Unlike JetRetrieveKey, a short buffer is an error (after copying what fits).
        if length > out.count { throw .bufferTooSmall }
    }
}

@c(JetGotoBookmark)
public func jetGotoBookmark(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pvBookmark: UnsafeMutableRawPointer?, _ cbBookmark: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard cbBookmark <= sizeMost else { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        let bookmark = UnsafeRawBufferPointer(start: pvBookmark, count: pvBookmark == nil ? 0 : Int(cbBookmark))
        try Navigation.gotoBookmark(sesid: sesid, tableid: tableid, bookmark: bookmark)
    }
}

@c(JetIndexRecordCount)
public func jetIndexRecordCount(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pcrec: UnsafeMutablePointer<CUnsignedLong>?,
    _ crecMax: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pcrec else { throw TableCursors.argumentFault(sesid: sesid, tableid: tableid) }
        pcrec.pointee = 0
        let count = try Navigation.indexRecordCount(sesid: sesid, tableid: tableid, limit: UInt64(crecMax))
        // ESE's count is 32 bits; kept for parity although an LP64 unsigned long holds more.
        guard count <= 0xFFFF_FFFF else { throw .tooManyRecords }
        pcrec.pointee = CUnsignedLong(count)
    }
}
