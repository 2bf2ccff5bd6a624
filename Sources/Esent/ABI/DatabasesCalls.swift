import CEsent
import EsentCore

// Databases. Each body is written once, generic over the caller's string unit
// (`char` for A and undecorated names, `WCHAR` for W).

/// JetCreateDatabase and JetOpenDatabase: a name, an ignored connect string, a dbid out.
private func databaseIdCall<Unit>(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<Unit>?, _ szConnect: UnsafePointer<Unit>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT,
    _ call: (UInt, String, UInt) throws(JetError) -> UInt32
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pdbid else { throw .invalidParameter }
        _ = try Marshal.string(szConnect)
        pdbid.pointee = JET_DBID(try call(sesid, try Marshal.string(szFilename) ?? "", grbit))
    }
}

private func createDatabase<Unit>(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<Unit>?, _ szConnect: UnsafePointer<Unit>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    databaseIdCall(sesid, szFilename, szConnect, pdbid, grbit) { (sesid, path, grbit) throws(JetError) in
        try DatabaseOperations.create(sesid, path: path, grbit: grbit)
    }
}

@c(JetCreateDatabaseA)
public func jetCreateDatabaseA(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ szConnect: UnsafePointer<CChar>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR { createDatabase(sesid, szFilename, szConnect, pdbid, grbit) }

@c(JetCreateDatabase)
public func jetCreateDatabase(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ szConnect: UnsafePointer<CChar>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR { createDatabase(sesid, szFilename, szConnect, pdbid, grbit) }

@c(JetCreateDatabaseW)
public func jetCreateDatabaseW(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?, _ szConnect: UnsafePointer<WCHAR>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR { createDatabase(sesid, szFilename, szConnect, pdbid, grbit) }

private func attachDatabase<Unit>(_ sesid: JET_SESID, _ szFilename: UnsafePointer<Unit>?, _ grbit: JET_GRBIT)
    -> JET_ERR
{
    jetCallWarning { () throws(JetError) -> JetError? in
        let attached = try DatabaseOperations.attach(sesid, path: try Marshal.string(szFilename) ?? "", grbit: grbit)
        return attached ? nil : .wrnDatabaseAttached
    }
}

@c(JetAttachDatabaseA)
public func jetAttachDatabaseA(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ grbit: JET_GRBIT)
    -> JET_ERR { attachDatabase(sesid, szFilename, grbit) }

@c(JetAttachDatabase)
public func jetAttachDatabase(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ grbit: JET_GRBIT)
    -> JET_ERR { attachDatabase(sesid, szFilename, grbit) }

@c(JetAttachDatabaseW)
public func jetAttachDatabaseW(_ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT)
    -> JET_ERR { attachDatabase(sesid, szFilename, grbit) }

private func detachDatabase<Unit>(_ sesid: JET_SESID, _ szFilename: UnsafePointer<Unit>?, _ grbit: JET_GRBIT)
    -> JET_ERR
{
    jetCall { () throws(JetError) in
        try DatabaseOperations.detach(sesid, path: try Marshal.string(szFilename), grbit: grbit)
    }
}

@c(JetDetachDatabaseA)
public func jetDetachDatabaseA(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?) -> JET_ERR {
    detachDatabase(sesid, szFilename, 0)
}

@c(JetDetachDatabase)
public func jetDetachDatabase(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?) -> JET_ERR {
    detachDatabase(sesid, szFilename, 0)
}

@c(JetDetachDatabaseW)
public func jetDetachDatabaseW(_ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?) -> JET_ERR {
    detachDatabase(sesid, szFilename, 0)
}

@c(JetDetachDatabase2A)
public func jetDetachDatabase2A(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ grbit: JET_GRBIT)
    -> JET_ERR { detachDatabase(sesid, szFilename, grbit) }

@c(JetDetachDatabase2)
public func jetDetachDatabase2(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ grbit: JET_GRBIT)
    -> JET_ERR { detachDatabase(sesid, szFilename, grbit) }

@c(JetDetachDatabase2W)
public func jetDetachDatabase2W(_ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT)
    -> JET_ERR { detachDatabase(sesid, szFilename, grbit) }

private func openDatabase<Unit>(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<Unit>?, _ szConnect: UnsafePointer<Unit>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    databaseIdCall(sesid, szFilename, szConnect, pdbid, grbit) { (sesid, path, grbit) throws(JetError) in
        try DatabaseOperations.open(sesid, path: path, grbit: grbit)
    }
}

@c(JetOpenDatabaseA)
public func jetOpenDatabaseA(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ szConnect: UnsafePointer<CChar>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR { openDatabase(sesid, szFilename, szConnect, pdbid, grbit) }

@c(JetOpenDatabase)
public func jetOpenDatabase(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ szConnect: UnsafePointer<CChar>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR { openDatabase(sesid, szFilename, szConnect, pdbid, grbit) }

@c(JetOpenDatabaseW)
public func jetOpenDatabaseW(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?, _ szConnect: UnsafePointer<WCHAR>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR { openDatabase(sesid, szFilename, szConnect, pdbid, grbit) }

@c(JetCloseDatabase)
public func jetCloseDatabase(_ sesid: JET_SESID, _ dbid: JET_DBID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try DatabaseOperations.close(sesid, dbid: dbid, grbit: grbit) }
}

@c(JetGrowDatabase)
public func jetGrowDatabase(
    _ sesid: JET_SESID, _ dbid: JET_DBID, _ cpg: CUnsignedLong, _ pcpgReal: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let pages = try DatabaseOperations.grow(sesid, dbid: dbid, pages: cpg)
        pcpgReal?.pointee = CUnsignedLong(pages)
    }
}

private func setDatabaseSize<Unit>(
    _ sesid: JET_SESID, _ szDatabaseName: UnsafePointer<Unit>?, _ cpg: CUnsignedLong,
    _ pcpgReal: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let path = try Marshal.string(szDatabaseName) ?? ""
        // Evaluated before the optional store: `pcpgReal?.pointee = f()` never calls f when pcpgReal is NULL.
        let pages = try DatabaseOperations.setSize(sesid, path: path, pages: cpg)
        pcpgReal?.pointee = CUnsignedLong(pages)
    }
}

@c(JetSetDatabaseSizeA)
public func jetSetDatabaseSizeA(
    _ sesid: JET_SESID, _ szDatabaseName: UnsafePointer<CChar>?, _ cpg: CUnsignedLong,
    _ pcpgReal: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR { setDatabaseSize(sesid, szDatabaseName, cpg, pcpgReal) }

@c(JetSetDatabaseSize)
public func jetSetDatabaseSize(
    _ sesid: JET_SESID, _ szDatabaseName: UnsafePointer<CChar>?, _ cpg: CUnsignedLong,
    _ pcpgReal: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR { setDatabaseSize(sesid, szDatabaseName, cpg, pcpgReal) }

@c(JetSetDatabaseSizeW)
public func jetSetDatabaseSizeW(
    _ sesid: JET_SESID, _ szDatabaseName: UnsafePointer<WCHAR>?, _ cpg: CUnsignedLong,
    _ pcpgReal: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR { setDatabaseSize(sesid, szDatabaseName, cpg, pcpgReal) }

private func databaseFileInfo<Unit>(
    _ szDatabaseName: UnsafePointer<Unit>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try DatabaseInfo.write(path: try Marshal.string(szDatabaseName) ?? "", pvResult, cbMax, infoLevel)
    }
}

@c(JetGetDatabaseFileInfoA)
public func jetGetDatabaseFileInfoA(
    _ szDatabaseName: UnsafePointer<CChar>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { databaseFileInfo(szDatabaseName, pvResult, cbMax, infoLevel) }

@c(JetGetDatabaseFileInfo)
public func jetGetDatabaseFileInfo(
    _ szDatabaseName: UnsafePointer<CChar>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { databaseFileInfo(szDatabaseName, pvResult, cbMax, infoLevel) }

@c(JetGetDatabaseFileInfoW)
public func jetGetDatabaseFileInfoW(
    _ szDatabaseName: UnsafePointer<WCHAR>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR { databaseFileInfo(szDatabaseName, pvResult, cbMax, infoLevel) }
