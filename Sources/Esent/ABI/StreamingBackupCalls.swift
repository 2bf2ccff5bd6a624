import CEsent
import EsentCore

// Streaming backup. Implicit-instance forms find the one-instance mode's instance.

@c(JetBeginExternalBackup)
public func jetBeginExternalBackup(_ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.begin(try Registry.legacyInstance(), grbit: grbit) }
}

@c(JetBeginExternalBackupInstance)
public func jetBeginExternalBackupInstance(_ instance: JET_INSTANCE, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try StreamingBackup.begin(try Registry.instance(instance), grbit: grbit) }
}

// MARK: GetAttachInfo

private func attachInfo<Unit>(
    _ instance: () throws(JetError) -> Instance, _ buffer: UnsafeMutablePointer<Unit>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try Marshal.writeList(try StreamingBackup.attachInfo(try instance()), buffer, cbMax, pcbActual, rule: .fullSize)
    }
}

@c(JetGetAttachInfoA)
public func jetGetAttachInfoA(
    _ szzDatabases: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    attachInfo({ () throws(JetError) in try Registry.legacyInstance() }, szzDatabases, cbMax, pcbActual)
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
    attachInfo({ () throws(JetError) in try Registry.legacyInstance() }, wszzDatabases, cbMax, pcbActual)
}

@c(JetGetAttachInfoInstanceA)
public func jetGetAttachInfoInstanceA(
    _ instance: JET_INSTANCE, _ szzDatabases: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    attachInfo({ () throws(JetError) in try Registry.instance(instance) }, szzDatabases, cbMax, pcbActual)
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
    attachInfo({ () throws(JetError) in try Registry.instance(instance) }, szzDatabases, cbMax, pcbActual)
}

// MARK: OpenFile

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

// MARK: ReadFile / CloseFile

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

// MARK: GetLogInfo / GetTruncateLogInfo

/// JET_LOGINFO_A and JET_LOGINFO_W, filled by one body.
protocol LogInfoRecord {
    associatedtype BaseName
    var cbSize: CUnsignedLong { get }
    var ulGenLow: CUnsignedLong { get }
    var ulGenHigh: CUnsignedLong { get }
    var szBaseName: BaseName { get }
    /// Only the A variant insists on the caller's cbSize.
    static var checksSize: Bool { get }
    mutating func fill(_ listing: StreamingBackup.LogListing)
}

extension LogInfoRecord {
    /// The fields both variants share: the inclusive generation range and the base name.
    fileprivate mutating func fill<Name, Unit>(
        _ listing: StreamingBackup.LogListing, low: WritableKeyPath<Self, CUnsignedLong>,
        high: WritableKeyPath<Self, CUnsignedLong>, name: WritableKeyPath<Self, Name>, unit: Unit.Type
    ) {
        self[keyPath: low] = CUnsignedLong(clamping: listing.generationLow)
        self[keyPath: high] = CUnsignedLong(clamping: listing.generationHigh)
        withUnsafeMutableBytes(of: &self[keyPath: name]) { raw in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            // At most the array less one unit, so the name always ends in a NUL.
            let bytes = Marshal.terminatedBytes(listing.baseName, as: Unit.self)
            for i in 0..<min(bytes.count, raw.count - MemoryLayout<Unit>.size) { raw[i] = bytes[i] }
        }
    }
}

extension JET_LOGINFO_A: LogInfoRecord {
    static var checksSize: Bool { true }
    mutating func fill(_ listing: StreamingBackup.LogListing) {
        fill(listing, low: \.ulGenLow, high: \.ulGenHigh, name: \.szBaseName, unit: CChar.self)
    }
}

extension JET_LOGINFO_W: LogInfoRecord {
    static var checksSize: Bool { false }
    mutating func fill(_ listing: StreamingBackup.LogListing) {
        fill(listing, low: \.ulGenLow, high: \.ulGenHigh, name: \.szBaseName, unit: WCHAR.self)
    }
}

/// The calls without a JET_LOGINFO.
private nonisolated(unsafe) let noLogInfo: UnsafeMutablePointer<JET_LOGINFO_A>? = nil

private func logInfo<Unit, Info: LogInfoRecord>(
    _ instance: () throws(JetError) -> Instance, _ list: StreamingBackup.LogList, _ buffer: UnsafeMutablePointer<Unit>?,
    _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ pLogInfo: UnsafeMutablePointer<Info>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let owner = try instance()
        if Info.checksSize, let pLogInfo, pLogInfo.pointee.cbSize != CUnsignedLong(MemoryLayout<Info>.size) {
            throw .invalidParameter
        }
        let listing = try StreamingBackup.logInfo(owner, list)
        try Marshal.writeList(listing.paths, buffer, cbMax, pcbActual, rule: .copiedBytes)
        pLogInfo?.pointee.fill(listing)
    }
}

@c(JetGetLogInfoA)
public func jetGetLogInfoA(
    _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong, _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfo({ () throws(JetError) in try Registry.legacyInstance() }, .toCopy, szzLogs, cbMax, pcbActual, noLogInfo)
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
    logInfo({ () throws(JetError) in try Registry.legacyInstance() }, .toCopy, szzLogs, cbMax, pcbActual, noLogInfo)
}

@c(JetGetLogInfoInstanceA)
public func jetGetLogInfoInstanceA(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfo({ () throws(JetError) in try Registry.instance(instance) }, .toCopy, szzLogs, cbMax, pcbActual, noLogInfo)
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
    logInfo({ () throws(JetError) in try Registry.instance(instance) }, .toCopy, wszzLogs, cbMax, pcbActual, noLogInfo)
}

@c(JetGetLogInfoInstance2A)
public func jetGetLogInfoInstance2A(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_A>?
) -> JET_ERR {
    logInfo({ () throws(JetError) in try Registry.instance(instance) }, .toCopy, szzLogs, cbMax, pcbActual, pLogInfo)
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
    logInfo({ () throws(JetError) in try Registry.instance(instance) }, .toCopy, wszzLogs, cbMax, pcbActual, pLogInfo)
}

@c(JetGetTruncateLogInfoInstanceA)
public func jetGetTruncateLogInfoInstanceA(
    _ instance: JET_INSTANCE, _ szzLogs: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
    _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    logInfo({ () throws(JetError) in try Registry.instance(instance) }, .toTruncate, szzLogs, cbMax, pcbActual, noLogInfo)
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
    logInfo({ () throws(JetError) in try Registry.instance(instance) }, .toTruncate, wszzLogs, cbMax, pcbActual, noLogInfo)
}

// MARK: TruncateLog, End

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
