import CEsent

// Databases (semantics 3.7, decisions 8). Each A/W pair decodes its strings and calls the same core function.

@c(JetCreateDatabaseA)
public func jetCreateDatabaseA(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ szConnect: UnsafePointer<CChar>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pdbid else { throw .invalidParameter }
        _ = try Marshal.string(szConnect)
        pdbid.pointee = JET_DBID(try DatabaseOperations.create(sesid, path: try Marshal.string(szFilename) ?? "", grbit: grbit))
    }
}

@c(JetCreateDatabase)
public func jetCreateDatabase(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ szConnect: UnsafePointer<CChar>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCreateDatabaseA(sesid, szFilename, szConnect, pdbid, grbit)
}

@c(JetCreateDatabaseW)
public func jetCreateDatabaseW(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?, _ szConnect: UnsafePointer<WCHAR>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pdbid else { throw .invalidParameter }
        _ = try Marshal.string(szConnect)
        pdbid.pointee = JET_DBID(try DatabaseOperations.create(sesid, path: try Marshal.string(szFilename) ?? "", grbit: grbit))
    }
}

@c(JetAttachDatabaseA)
public func jetAttachDatabaseA(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        try DatabaseOperations.attach(sesid, path: try Marshal.string(szFilename) ?? "", grbit: grbit)
            ? nil : .wrnDatabaseAttached
    }
}

@c(JetAttachDatabase)
public func jetAttachDatabase(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ grbit: JET_GRBIT) -> JET_ERR {
    jetAttachDatabaseA(sesid, szFilename, grbit)
}

@c(JetAttachDatabaseW)
public func jetAttachDatabaseW(_ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in
        try DatabaseOperations.attach(sesid, path: try Marshal.string(szFilename) ?? "", grbit: grbit)
            ? nil : .wrnDatabaseAttached
    }
}

@c(JetDetachDatabaseA)
public func jetDetachDatabaseA(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?) -> JET_ERR {
    jetDetachDatabase2A(sesid, szFilename, 0)
}

@c(JetDetachDatabase)
public func jetDetachDatabase(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?) -> JET_ERR {
    jetDetachDatabase2A(sesid, szFilename, 0)
}

@c(JetDetachDatabaseW)
public func jetDetachDatabaseW(_ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?) -> JET_ERR {
    jetDetachDatabase2W(sesid, szFilename, 0)
}

@c(JetDetachDatabase2A)
public func jetDetachDatabase2A(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in
        try DatabaseOperations.detach(sesid, path: try Marshal.string(szFilename), grbit: grbit)
    }
}

@c(JetDetachDatabase2)
public func jetDetachDatabase2(_ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ grbit: JET_GRBIT) -> JET_ERR {
    jetDetachDatabase2A(sesid, szFilename, grbit)
}

@c(JetDetachDatabase2W)
public func jetDetachDatabase2W(_ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in
        try DatabaseOperations.detach(sesid, path: try Marshal.string(szFilename), grbit: grbit)
    }
}

@c(JetOpenDatabaseA)
public func jetOpenDatabaseA(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ szConnect: UnsafePointer<CChar>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pdbid else { throw .invalidParameter }
        _ = try Marshal.string(szConnect)
        pdbid.pointee = JET_DBID(try DatabaseOperations.open(sesid, path: try Marshal.string(szFilename) ?? "", grbit: grbit))
    }
}

@c(JetOpenDatabase)
public func jetOpenDatabase(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<CChar>?, _ szConnect: UnsafePointer<CChar>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetOpenDatabaseA(sesid, szFilename, szConnect, pdbid, grbit)
}

@c(JetOpenDatabaseW)
public func jetOpenDatabaseW(
    _ sesid: JET_SESID, _ szFilename: UnsafePointer<WCHAR>?, _ szConnect: UnsafePointer<WCHAR>?,
    _ pdbid: UnsafeMutablePointer<JET_DBID>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pdbid else { throw .invalidParameter }
        _ = try Marshal.string(szConnect)
        pdbid.pointee = JET_DBID(try DatabaseOperations.open(sesid, path: try Marshal.string(szFilename) ?? "", grbit: grbit))
    }
}

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

@c(JetSetDatabaseSizeA)
public func jetSetDatabaseSizeA(
    _ sesid: JET_SESID, _ szDatabaseName: UnsafePointer<CChar>?, _ cpg: CUnsignedLong,
    _ pcpgReal: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let pages = try DatabaseOperations.setSize(sesid, path: try Marshal.string(szDatabaseName) ?? "", pages: cpg)
        pcpgReal?.pointee = CUnsignedLong(pages)
    }
}

@c(JetSetDatabaseSize)
public func jetSetDatabaseSize(
    _ sesid: JET_SESID, _ szDatabaseName: UnsafePointer<CChar>?, _ cpg: CUnsignedLong,
    _ pcpgReal: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetSetDatabaseSizeA(sesid, szDatabaseName, cpg, pcpgReal)
}

@c(JetSetDatabaseSizeW)
public func jetSetDatabaseSizeW(
    _ sesid: JET_SESID, _ szDatabaseName: UnsafePointer<WCHAR>?, _ cpg: CUnsignedLong,
    _ pcpgReal: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let pages = try DatabaseOperations.setSize(sesid, path: try Marshal.string(szDatabaseName) ?? "", pages: cpg)
        pcpgReal?.pointee = CUnsignedLong(pages)
    }
}

@c(JetGetDatabaseFileInfoA)
public func jetGetDatabaseFileInfoA(
    _ szDatabaseName: UnsafePointer<CChar>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try DatabaseInfo.write(path: try Marshal.string(szDatabaseName) ?? "", pvResult, cbMax, infoLevel)
    }
}

@c(JetGetDatabaseFileInfo)
public func jetGetDatabaseFileInfo(
    _ szDatabaseName: UnsafePointer<CChar>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR {
    jetGetDatabaseFileInfoA(szDatabaseName, pvResult, cbMax, infoLevel)
}

@c(JetGetDatabaseFileInfoW)
public func jetGetDatabaseFileInfoW(
    _ szDatabaseName: UnsafePointer<WCHAR>?, _ pvResult: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong,
    _ infoLevel: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try DatabaseInfo.write(path: try Marshal.string(szDatabaseName) ?? "", pvResult, cbMax, infoLevel)
    }
}
