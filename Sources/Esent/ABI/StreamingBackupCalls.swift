import CEsent

// Streaming backup (semantics 5). Implicit-instance forms find the one-instance mode's instance (semantics 2).

@c(JetBeginExternalBackup)
public func jetBeginExternalBackup(_ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.begin(try Registry.legacyInstance(), grbit: grbit) }
}

@c(JetBeginExternalBackupInstance)
public func jetBeginExternalBackupInstance(_ instance: JET_INSTANCE, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.begin(try Registry.instance(instance), grbit: grbit) }
}

// MARK: GetAttachInfo (semantics 5.2)

private func attachInfoA(
    _ instance: () throws(JetError) -> Instance, _ buffer: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try Marshal.writeListA(try StreamingBackup.attachInfo(try instance()), buffer, cbMax, pcbActual)
    }
}

private func attachInfoW(
    _ instance: () throws(JetError) -> Instance, _ buffer: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        Marshal.writeListW(try StreamingBackup.attachInfo(try instance()), buffer, cbMax, pcbActual, rule: .fullSize)
    }
}

@c(JetGetAttachInfoA)
public func jetGetAttachInfoA(
    _ szzDatabases: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    attachInfoA({ () throws(JetError) in try Registry.legacyInstance() }, szzDatabases, cbMax, pcbActual)
}

@c(JetGetAttachInfo)
public func jetGetAttachInfo(
    _ szzDatabases: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetGetAttachInfoA(szzDatabases, cbMax, pcbActual)
}

@c(JetGetAttachInfoW)
public func jetGetAttachInfoW(
    _ wszzDatabases: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    attachInfoW({ () throws(JetError) in try Registry.legacyInstance() }, wszzDatabases, cbMax, pcbActual)
}

@c(JetGetAttachInfoInstanceA)
public func jetGetAttachInfoInstanceA(
    _ instance: JET_INSTANCE, _ szzDatabases: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    attachInfoA({ () throws(JetError) in try Registry.instance(instance) }, szzDatabases, cbMax, pcbActual)
}

@c(JetGetAttachInfoInstance)
public func jetGetAttachInfoInstance(
    _ instance: JET_INSTANCE, _ szzDatabases: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetGetAttachInfoInstanceA(instance, szzDatabases, cbMax, pcbActual)
}

@c(JetGetAttachInfoInstanceW)
public func jetGetAttachInfoInstanceW(
    _ instance: JET_INSTANCE, _ szzDatabases: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    attachInfoW({ () throws(JetError) in try Registry.instance(instance) }, szzDatabases, cbMax, pcbActual)
}

// MARK: OpenFile (semantics 5.3, decisions 3)

private func openFile(
    _ instance: () throws(JetError) -> Instance, _ name: () throws(JetError) -> String?,
    _ phfFile: UnsafeMutablePointer<JET_HANDLE>?, _ pulFileSizeLow: UnsafeMutablePointer<CUnsignedLong>?,
    _ pulFileSizeHigh: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let phfFile, let pulFileSizeLow, let pulFileSizeHigh else { throw .invalidParameter }
        let owner = try instance()
        let size = try StreamingBackup.openFile(owner, name: try name() ?? "")
        phfFile.pointee = JET_HANDLE(StreamingBackup.fileHandle)
        pulFileSizeLow.pointee = CUnsignedLong(UInt64(size) & 0xFFFF_FFFF)
        pulFileSizeHigh.pointee = CUnsignedLong(UInt64(size) >> 32)
    }
}

@c(JetOpenFileA)
public func jetOpenFileA(
    _ szFileName: UnsafePointer<CChar>?, _ phfFile: UnsafeMutablePointer<JET_HANDLE>?,
    _ pulFileSizeLow: UnsafeMutablePointer<CUnsignedLong>?, _ pulFileSizeHigh: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    openFile({ () throws(JetError) in try Registry.legacyInstance() }, { () throws(JetError) in try Marshal.string(szFileName) },
             phfFile, pulFileSizeLow, pulFileSizeHigh)
}

@c(JetOpenFile)
public func jetOpenFile(
    _ szFileName: UnsafePointer<CChar>?, _ phfFile: UnsafeMutablePointer<JET_HANDLE>?,
    _ pulFileSizeLow: UnsafeMutablePointer<CUnsignedLong>?, _ pulFileSizeHigh: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetOpenFileA(szFileName, phfFile, pulFileSizeLow, pulFileSizeHigh)
}

@c(JetOpenFileW)
public func jetOpenFileW(
    _ szFileName: UnsafePointer<WCHAR>?, _ phfFile: UnsafeMutablePointer<JET_HANDLE>?,
    _ pulFileSizeLow: UnsafeMutablePointer<CUnsignedLong>?, _ pulFileSizeHigh: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    openFile({ () throws(JetError) in try Registry.legacyInstance() }, { () throws(JetError) in try Marshal.string(szFileName) },
             phfFile, pulFileSizeLow, pulFileSizeHigh)
}

@c(JetOpenFileInstanceA)
public func jetOpenFileInstanceA(
    _ instance: JET_INSTANCE, _ szFileName: UnsafePointer<CChar>?, _ phfFile: UnsafeMutablePointer<JET_HANDLE>?,
    _ pulFileSizeLow: UnsafeMutablePointer<CUnsignedLong>?, _ pulFileSizeHigh: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    openFile({ () throws(JetError) in try Registry.instance(instance) }, { () throws(JetError) in try Marshal.string(szFileName) },
             phfFile, pulFileSizeLow, pulFileSizeHigh)
}

@c(JetOpenFileInstance)
public func jetOpenFileInstance(
    _ instance: JET_INSTANCE, _ szFileName: UnsafePointer<CChar>?, _ phfFile: UnsafeMutablePointer<JET_HANDLE>?,
    _ pulFileSizeLow: UnsafeMutablePointer<CUnsignedLong>?, _ pulFileSizeHigh: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetOpenFileInstanceA(instance, szFileName, phfFile, pulFileSizeLow, pulFileSizeHigh)
}

@c(JetOpenFileInstanceW)
public func jetOpenFileInstanceW(
    _ instance: JET_INSTANCE, _ szFileName: UnsafePointer<WCHAR>?, _ phfFile: UnsafeMutablePointer<JET_HANDLE>?,
    _ pulFileSizeLow: UnsafeMutablePointer<CUnsignedLong>?, _ pulFileSizeHigh: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    openFile({ () throws(JetError) in try Registry.instance(instance) }, { () throws(JetError) in try Marshal.string(szFileName) },
             phfFile, pulFileSizeLow, pulFileSizeHigh)
}

// MARK: ReadFile / CloseFile (semantics 5.4, 5.5)

@c(JetReadFile)
public func jetReadFile(
    _ hfFile: JET_HANDLE, _ pv: UnsafeMutableRawPointer?, _ cb: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let n = try StreamingBackup.read(try Registry.legacyInstance(), handle: hfFile, into: pv, count: Int(clamping: cb))
        pcbActual?.pointee = CUnsignedLong(n)
    }
}

@c(JetReadFileInstance)
public func jetReadFileInstance(
    _ instance: JET_INSTANCE, _ hfFile: JET_HANDLE, _ pv: UnsafeMutableRawPointer?, _ cb: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let n = try StreamingBackup.read(try Registry.instance(instance), handle: hfFile, into: pv, count: Int(clamping: cb))
        pcbActual?.pointee = CUnsignedLong(n)
    }
}

@c(JetCloseFile)
public func jetCloseFile(_ hfFile: JET_HANDLE) -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.closeFile(try Registry.legacyInstance(), handle: hfFile) }
}

@c(JetCloseFileInstance)
public func jetCloseFileInstance(_ instance: JET_INSTANCE, _ hfFile: JET_HANDLE) -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.closeFile(try Registry.instance(instance), handle: hfFile) }
}

// MARK: GetLogInfo / GetTruncateLogInfo (semantics 5.6, 5.7)

private func logInfoA(
    _ instance: () throws(JetError) -> Instance, _ list: StreamingBackup.LogList, _ buffer: UnsafeMutablePointer<CChar>?,
    _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?,
    _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_A>? = nil, wantsInfo: Bool = false
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let owner = try instance()
        // The A variant insists on the caller's cbSize; without a struct it only lists.
        if wantsInfo, let pLogInfo, pLogInfo.pointee.cbSize != CUnsignedLong(MemoryLayout<JET_LOGINFO_A>.size) {
            throw .invalidParameter
        }
        let listing = try StreamingBackup.logInfo(owner, list)
        try Marshal.writeListA(listing.paths, buffer, cbMax, pcbActual)
        if let pLogInfo {
            pLogInfo.pointee.ulGenLow = CUnsignedLong(clamping: listing.generationLow)
            pLogInfo.pointee.ulGenHigh = CUnsignedLong(clamping: listing.generationHigh)
            withUnsafeMutableBytes(of: &pLogInfo.pointee.szBaseName) { raw in
                raw.initializeMemory(as: UInt8.self, repeating: 0)
                for (i, byte) in listing.baseName.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
            }
        }
    }
}

private func logInfoW(
    _ instance: () throws(JetError) -> Instance, _ list: StreamingBackup.LogList, _ buffer: UnsafeMutablePointer<WCHAR>?,
    _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?,
    _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_W>? = nil
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let listing = try StreamingBackup.logInfo(try instance(), list)
        Marshal.writeListW(listing.paths, buffer, cbMax, pcbActual, rule: .copiedBytes)
        if let pLogInfo {
            // The W variant does not look at cbSize (semantics 5.6).
            pLogInfo.pointee.ulGenLow = CUnsignedLong(clamping: listing.generationLow)
            pLogInfo.pointee.ulGenHigh = CUnsignedLong(clamping: listing.generationHigh)
            withUnsafeMutableBytes(of: &pLogInfo.pointee.szBaseName) { raw in
                let units = raw.bindMemory(to: UInt16.self)
                for i in 0..<units.count { units[i] = 0 }
                for (i, unit) in listing.baseName.utf16.prefix(units.count - 1).enumerated() { units[i] = unit }
            }
        }
    }
}

@c(JetGetLogInfoA)
public func jetGetLogInfoA(
    _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfoA({ () throws(JetError) in try Registry.legacyInstance() }, .toCopy, szzLogs, cbMax, pcbActual)
}

@c(JetGetLogInfo)
public func jetGetLogInfo(
    _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetGetLogInfoA(szzLogs, cbMax, pcbActual)
}

@c(JetGetLogInfoW)
public func jetGetLogInfoW(
    _ szzLogs: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfoW({ () throws(JetError) in try Registry.legacyInstance() }, .toCopy, szzLogs, cbMax, pcbActual)
}

@c(JetGetLogInfoInstanceA)
public func jetGetLogInfoInstanceA(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfoA({ () throws(JetError) in try Registry.instance(instance) }, .toCopy, szzLogs, cbMax, pcbActual)
}

@c(JetGetLogInfoInstance)
public func jetGetLogInfoInstance(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetGetLogInfoInstanceA(instance, szzLogs, cbMax, pcbActual)
}

@c(JetGetLogInfoInstanceW)
public func jetGetLogInfoInstanceW(
    _ instance: JET_INSTANCE, _ wszzLogs: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfoW({ () throws(JetError) in try Registry.instance(instance) }, .toCopy, wszzLogs, cbMax, pcbActual)
}

@c(JetGetLogInfoInstance2A)
public func jetGetLogInfoInstance2A(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_A>?
) -> JET_ERR {
    logInfoA({ () throws(JetError) in try Registry.instance(instance) }, .toCopy, szzLogs, cbMax, pcbActual, pLogInfo,
             wantsInfo: true)
}

@c(JetGetLogInfoInstance2)
public func jetGetLogInfoInstance2(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_A>?
) -> JET_ERR {
    jetGetLogInfoInstance2A(instance, szzLogs, cbMax, pcbActual, pLogInfo)
}

@c(JetGetLogInfoInstance2W)
public func jetGetLogInfoInstance2W(
    _ instance: JET_INSTANCE, _ wszzLogs: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_W>?
) -> JET_ERR {
    logInfoW({ () throws(JetError) in try Registry.instance(instance) }, .toCopy, wszzLogs, cbMax, pcbActual, pLogInfo)
}

@c(JetGetTruncateLogInfoInstanceA)
public func jetGetTruncateLogInfoInstanceA(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfoA({ () throws(JetError) in try Registry.instance(instance) }, .toTruncate, szzLogs, cbMax, pcbActual)
}

@c(JetGetTruncateLogInfoInstance)
public func jetGetTruncateLogInfoInstance(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetGetTruncateLogInfoInstanceA(instance, szzLogs, cbMax, pcbActual)
}

@c(JetGetTruncateLogInfoInstanceW)
public func jetGetTruncateLogInfoInstanceW(
    _ instance: JET_INSTANCE, _ wszzLogs: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfoW({ () throws(JetError) in try Registry.instance(instance) }, .toTruncate, wszzLogs, cbMax, pcbActual)
}

// MARK: TruncateLog, End (semantics 5.8, 5.9)

@c(JetTruncateLog)
public func jetTruncateLog() -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.truncateLog(try Registry.legacyInstance()) }
}

@c(JetTruncateLogInstance)
public func jetTruncateLogInstance(_ instance: JET_INSTANCE) -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.truncateLog(try Registry.instance(instance)) }
}

@c(JetEndExternalBackup)
public func jetEndExternalBackup() -> JET_ERR {
    jetCall { () throws(JetError) in
        try StreamingBackup.end(try Registry.legacyInstance(), grbit: JET_GRBIT(JET_bitBackupEndNormal))
    }
}

@c(JetEndExternalBackupInstance)
public func jetEndExternalBackupInstance(_ instance: JET_INSTANCE) -> JET_ERR {
    jetEndExternalBackupInstance2(instance, JET_GRBIT(JET_bitBackupEndNormal))
}

@c(JetEndExternalBackupInstance2)
public func jetEndExternalBackupInstance2(_ instance: JET_INSTANCE, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.end(try Registry.instance(instance), grbit: grbit) }
}
