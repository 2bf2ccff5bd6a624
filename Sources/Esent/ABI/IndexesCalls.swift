import CEsent
import EsentCore

// Indexes: JetCreateIndex, JetCreateIndex2, JetDeleteIndex (A, W and undecorated).

private func createIndex<Unit>(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<Unit>?, _ grbit: JET_GRBIT,
    _ szKey: UnsafePointer<Unit>?, _ cbKey: CUnsignedLong, _ lDensity: CUnsignedLong
) -> JET_ERR {
    let wide = Unit.self != CChar.self
    let definitions = Result { () throws(JetError) -> [IndexDefinition] in
        [IndexDefinition(
            name: try Marshal.name(szIndexName).get(),
            key: try Marshal.keyDescription(UnsafeRawPointer(szKey), UInt(cbKey), wide: wide), grbit: UInt(grbit),
            density: UInt(lDensity))]
    }
    var errors: [JetError] = [.success]
    return jetCall { () throws(JetError) in
        try SchemaCalls.createIndexes(
            sesid: UInt(sesid), tableid: UInt(tableid), definitions: definitions, errors: &errors)
    }
}

@c(JetCreateIndexA)
public func jetCreateIndexA(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?, _ grbit: JET_GRBIT,
    _ szKey: UnsafePointer<CChar>?, _ cbKey: CUnsignedLong, _ lDensity: CUnsignedLong
) -> JET_ERR { createIndex(sesid, tableid, szIndexName, grbit, szKey, cbKey, lDensity) }

@c(JetCreateIndex)
public func jetCreateIndex(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?, _ grbit: JET_GRBIT,
    _ szKey: UnsafePointer<CChar>?, _ cbKey: CUnsignedLong, _ lDensity: CUnsignedLong
) -> JET_ERR { createIndex(sesid, tableid, szIndexName, grbit, szKey, cbKey, lDensity) }

@c(JetCreateIndexW)
public func jetCreateIndexW(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT,
    _ szKey: UnsafePointer<WCHAR>?, _ cbKey: CUnsignedLong, _ lDensity: CUnsignedLong
) -> JET_ERR { createIndex(sesid, tableid, szIndexName, grbit, szKey, cbKey, lDensity) }

/// JetCreateIndex2: the elements are checked (cbStruct) before the session gate; each processed element's `err`
/// is written unless it has JET_bitIndexImmutableStructure.
private func createIndex2(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pindexcreate: UnsafeMutableRawPointer?, _ cIndexCreate: CUnsignedLong,
    wide: Bool
) -> JET_ERR {
    let elements = Result { () throws(JetError) in
        try Marshal.indexElements(
            pindexcreate, UInt(cIndexCreate), fullSize: MemoryLayout<JET_INDEXCREATE_A>.size, exactSize: false)
    }
    guard case .success(let list) = elements else {
        return JET_ERR((elements.failureValue ?? .invalidParameter).rawValue)
    }
    let definitions = Result { () throws(JetError) -> [IndexDefinition] in
        var out: [IndexDefinition] = []
        for entry in list {
            out.append(try Marshal.indexDefinition(entry.element, wide: wide, hasKeyMost: entry.hasKeyMost))
        }
        return out
    }
    var errors = [JetError](repeating: .success, count: list.count)
    let status = jetCall { () throws(JetError) in
        try SchemaCalls.createIndexes(
            sesid: UInt(sesid), tableid: UInt(tableid), definitions: definitions, errors: &errors)
    }
    // Elements after the failing one (or all, when the call failed before them) keep the err the caller left.
    let processed = errors.firstIndex { $0 != .success }.map { $0 + 1 } ?? (status >= 0 ? list.count : 0)
    for (i, entry) in list.enumerated().prefix(processed)
    where UInt(entry.element.grbit) & UInt(IndexBits.immutableStructure) == 0 {
        entry.pointer.storeBytes(of: JET_ERR(errors[i].rawValue), toByteOffset: Marshal.indexErrOffset, as: JET_ERR.self)
    }
    return status
}

extension Result {
    fileprivate var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@c(JetCreateIndex2A)
public func jetCreateIndex2A(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pindexcreate: UnsafeMutablePointer<JET_INDEXCREATE_A>?,
    _ cIndexCreate: CUnsignedLong
) -> JET_ERR { createIndex2(sesid, tableid, UnsafeMutableRawPointer(pindexcreate), cIndexCreate, wide: false) }

@c(JetCreateIndex2)
public func jetCreateIndex2(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pindexcreate: UnsafeMutablePointer<JET_INDEXCREATE_A>?,
    _ cIndexCreate: CUnsignedLong
) -> JET_ERR { createIndex2(sesid, tableid, UnsafeMutableRawPointer(pindexcreate), cIndexCreate, wide: false) }

@c(JetCreateIndex2W)
public func jetCreateIndex2W(
    _ sesid: JET_SESID, _ tableid: JET_TABLEID, _ pindexcreate: UnsafeMutablePointer<JET_INDEXCREATE_W>?,
    _ cIndexCreate: CUnsignedLong
) -> JET_ERR { createIndex2(sesid, tableid, UnsafeMutableRawPointer(pindexcreate), cIndexCreate, wide: true) }

private func deleteIndex<Unit>(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<Unit>?)
    -> JET_ERR
{
    jetCall { () throws(JetError) in
        try SchemaCalls.deleteIndex(sesid: UInt(sesid), tableid: UInt(tableid), name: Marshal.name(szIndexName))
    }
}

@c(JetDeleteIndexA)
public func jetDeleteIndexA(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?)
    -> JET_ERR { deleteIndex(sesid, tableid, szIndexName) }

@c(JetDeleteIndex)
public func jetDeleteIndex(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<CChar>?)
    -> JET_ERR { deleteIndex(sesid, tableid, szIndexName) }

@c(JetDeleteIndexW)
public func jetDeleteIndexW(_ sesid: JET_SESID, _ tableid: JET_TABLEID, _ szIndexName: UnsafePointer<WCHAR>?)
    -> JET_ERR { deleteIndex(sesid, tableid, szIndexName) }
