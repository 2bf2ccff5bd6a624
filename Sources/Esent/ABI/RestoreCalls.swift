import CEsent
import EsentCore

// JetRestore, JetRestore2, JetRestoreInstance: a backup folder brought back.

private func restore<Unit>(
    _ instance: JET_INSTANCE?, _ source: UnsafePointer<Unit>?, _ destination: UnsafePointer<Unit>?,
    _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let from = try Marshal.string(source)
        let to = try Marshal.string(destination)
        let meter = progressMeter(pfn, snp: JET_snpRestore)
        if let instance {
            try Restore.restoreInstance(handle: UInt(instance), source: from, destination: to, status: meter)
        } else {
            try Restore.restoreLegacy(source: from, destination: to, status: meter)
        }
    }
}

@c(JetRestoreA)
public func jetRestoreA(_ szSource: UnsafePointer<CChar>?, _ pfn: JET_PFNSTATUS?) -> JET_ERR {
    restore(nil, szSource, nil, pfn)
}

@c(JetRestore)
public func jetRestore(_ szSource: UnsafePointer<CChar>?, _ pfn: JET_PFNSTATUS?) -> JET_ERR {
    jetRestoreA(szSource, pfn)
}

@c(JetRestoreW)
public func jetRestoreW(_ szSource: UnsafePointer<WCHAR>?, _ pfn: JET_PFNSTATUS?) -> JET_ERR {
    restore(nil, szSource, nil, pfn)
}

@c(JetRestore2A)
public func jetRestore2A(_ sz: UnsafePointer<CChar>?, _ szDest: UnsafePointer<CChar>?, _ pfn: JET_PFNSTATUS?)
    -> JET_ERR
{
    restore(nil, sz, szDest, pfn)
}

@c(JetRestore2)
public func jetRestore2(_ sz: UnsafePointer<CChar>?, _ szDest: UnsafePointer<CChar>?, _ pfn: JET_PFNSTATUS?)
    -> JET_ERR
{
    jetRestore2A(sz, szDest, pfn)
}

@c(JetRestore2W)
public func jetRestore2W(_ sz: UnsafePointer<WCHAR>?, _ szDest: UnsafePointer<WCHAR>?, _ pfn: JET_PFNSTATUS?)
    -> JET_ERR
{
    restore(nil, sz, szDest, pfn)
}

@c(JetRestoreInstanceA)
public func jetRestoreInstanceA(
    _ instance: JET_INSTANCE, _ sz: UnsafePointer<CChar>?, _ szDest: UnsafePointer<CChar>?, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    restore(instance, sz, szDest, pfn)
}

@c(JetRestoreInstance)
public func jetRestoreInstance(
    _ instance: JET_INSTANCE, _ sz: UnsafePointer<CChar>?, _ szDest: UnsafePointer<CChar>?, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    jetRestoreInstanceA(instance, sz, szDest, pfn)
}

@c(JetRestoreInstanceW)
public func jetRestoreInstanceW(
    _ instance: JET_INSTANCE, _ sz: UnsafePointer<WCHAR>?, _ szDest: UnsafePointer<WCHAR>?, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    restore(instance, sz, szDest, pfn)
}

// MARK: JetExternalRestore, JetExternalRestore2: a streamed set the caller wrote to disk.

/// JET_RSTMAP entries as (szDatabaseName, szNewDatabaseName). A NULL array with a count, or an array with count 0,
/// is JET_errInvalidParameter at once; a count out of range is left for the core, which checks it after the logs.
private func restoreMap<Map, Unit>(
    _ rgrstmap: UnsafeMutablePointer<Map>?, _ count: CLong,
    _ names: (Map) -> (UnsafeMutablePointer<Unit>?, UnsafeMutablePointer<Unit>?)
) throws(JetError) -> [(original: String, restored: String)] {
    if (rgrstmap == nil) != (count == 0) { throw .invalidParameter }
    guard let rgrstmap, count > 0, count <= CLong(Restore.maxMapEntriesForABI) else { return [] }
    var entries: [(original: String, restored: String)] = []
    for i in 0..<Int(count) {
        let (original, restored) = names(rgrstmap[i])
        guard let from = try Marshal.string(UnsafePointer(original)), let to = try Marshal.string(UnsafePointer(restored))
        else { throw .invalidParameter }
        entries.append((from, to))
    }
    return entries
}

/// JET_LOGINFO's base name: at most JET_BASE_NAME_LENGTH units, NUL-terminated inside the field or not.
private func baseName<Unit: FixedWidthInteger>(_ field: UnsafeRawPointer, _: Unit.Type) throws(JetError) -> String? {
    var units = [Unit](repeating: 0, count: Int(JET_BASE_NAME_LENGTH) + 1)
    let source = field.assumingMemoryBound(to: Unit.self)
    for i in 0..<Int(JET_BASE_NAME_LENGTH) {
        if source[i] == 0 { break }
        units[i] = source[i]
    }
    if units[0] == 0 { return nil }
    return try units.withUnsafeBufferPointer { (p) throws(JetError) -> String? in try Marshal.string(p.baseAddress) }
}

/// The caller's JET_LOGINFO (A or W), whose `cbSize` must be its own size.
private func logInfo<Info: LogInfoRecord>(_ p: UnsafeMutablePointer<Info>?) throws(JetError) -> Info {
    guard let p, p.pointee.cbSize == CUnsignedLong(MemoryLayout<Info>.size) else { throw .invalidParameter }
    return p.pointee
}

/// JetExternalRestore2's body for A and W: the JET_LOGINFO gives the generation range and the base name.
private func externalRestore2<Map, Unit: FixedWidthInteger, Info: LogInfoRecord>(
    _ checkpoint: UnsafeMutablePointer<Unit>?, _ logPath: UnsafeMutablePointer<Unit>?,
    _ rgrstmap: UnsafeMutablePointer<Map>?, _ count: CLong, _ backupLogPath: UnsafeMutablePointer<Unit>?,
    _ pLogInfo: UnsafeMutablePointer<Info>?, _ target: [UnsafeMutablePointer<Unit>?], _ pfn: JET_PFNSTATUS?,
    names: (Map) -> (UnsafeMutablePointer<Unit>?, UnsafeMutablePointer<Unit>?)
) throws(JetError) {
    let info = try logInfo(pLogInfo)
    let base = try withUnsafeBytes(of: info.szBaseName) { (p) throws(JetError) -> String? in
        try p.baseAddress.flatMap { (field) throws(JetError) in try baseName(field, Unit.self) }
    }
    try externalRestore(
        checkpoint, logPath, rgrstmap, count, backupLogPath,
        (Int(clamping: info.ulGenLow), Int(clamping: info.ulGenHigh), base), target, pfn, names: names)
}

private func externalRestore<Map, Unit>(
    _ checkpoint: UnsafeMutablePointer<Unit>?, _ logPath: UnsafeMutablePointer<Unit>?,
    _ rgrstmap: UnsafeMutablePointer<Map>?, _ count: CLong, _ backupLogPath: UnsafeMutablePointer<Unit>?,
    _ generations: (low: Int, high: Int, base: String?), _ target: [UnsafeMutablePointer<Unit>?],
    _ pfn: JET_PFNSTATUS?, names: (Map) -> (UnsafeMutablePointer<Unit>?, UnsafeMutablePointer<Unit>?)
) throws(JetError) {
    let map = try restoreMap(rgrstmap, count, names)
    let request = ExternalRestoreRequest(
        checkpointFolder: try Marshal.string(UnsafePointer(checkpoint)),
        logFolder: try Marshal.string(UnsafePointer(logPath)), map: map, mapCount: count,
        backupLogFolder: try Marshal.string(UnsafePointer(backupLogPath)), genLow: generations.low,
        genHigh: generations.high, baseName: generations.base,
        targetName: try Marshal.string(UnsafePointer(target[0])),
        targetLogFolder: try Marshal.string(UnsafePointer(target[1])),
        targetCheckpointFolder: try Marshal.string(UnsafePointer(target[2])))
    try Restore.externalRestore(request, status: progressMeter(pfn, snp: JET_snpRestore))
}

@c(JetExternalRestoreA)
public func jetExternalRestoreA(
    _ szCheckpointFilePath: UnsafeMutablePointer<CChar>?, _ szLogPath: UnsafeMutablePointer<CChar>?,
    _ rgrstmap: UnsafeMutablePointer<JET_RSTMAP_A>?, _ crstfilemap: CLong,
    _ szBackupLogPath: UnsafeMutablePointer<CChar>?, _ genLow: CLong, _ genHigh: CLong, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try externalRestore(
            szCheckpointFilePath, szLogPath, rgrstmap, crstfilemap, szBackupLogPath, (genLow, genHigh, nil),
            [nil, nil, nil], pfn) { ($0.szDatabaseName, $0.szNewDatabaseName) }
    }
}

@c(JetExternalRestore)
public func jetExternalRestore(
    _ szCheckpointFilePath: UnsafeMutablePointer<CChar>?, _ szLogPath: UnsafeMutablePointer<CChar>?,
    _ rgrstmap: UnsafeMutablePointer<JET_RSTMAP_A>?, _ crstfilemap: CLong,
    _ szBackupLogPath: UnsafeMutablePointer<CChar>?, _ genLow: CLong, _ genHigh: CLong, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    jetExternalRestoreA(szCheckpointFilePath, szLogPath, rgrstmap, crstfilemap, szBackupLogPath, genLow, genHigh, pfn)
}

@c(JetExternalRestoreW)
public func jetExternalRestoreW(
    _ szCheckpointFilePath: UnsafeMutablePointer<WCHAR>?, _ szLogPath: UnsafeMutablePointer<WCHAR>?,
    _ rgrstmap: UnsafeMutablePointer<JET_RSTMAP_W>?, _ crstfilemap: CLong,
    _ szBackupLogPath: UnsafeMutablePointer<WCHAR>?, _ genLow: CLong, _ genHigh: CLong, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try externalRestore(
            szCheckpointFilePath, szLogPath, rgrstmap, crstfilemap, szBackupLogPath, (genLow, genHigh, nil),
            [nil, nil, nil], pfn) { ($0.szDatabaseName, $0.szNewDatabaseName) }
    }
}

@c(JetExternalRestore2A)
public func jetExternalRestore2A(
    _ szCheckpointFilePath: UnsafeMutablePointer<CChar>?, _ szLogPath: UnsafeMutablePointer<CChar>?,
    _ rgrstmap: UnsafeMutablePointer<JET_RSTMAP_A>?, _ crstfilemap: CLong,
    _ szBackupLogPath: UnsafeMutablePointer<CChar>?, _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_A>?,
    _ szTargetInstanceName: UnsafeMutablePointer<CChar>?, _ szTargetInstanceLogPath: UnsafeMutablePointer<CChar>?,
    _ szTargetInstanceCheckpointPath: UnsafeMutablePointer<CChar>?, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try externalRestore2(
            szCheckpointFilePath, szLogPath, rgrstmap, crstfilemap, szBackupLogPath, pLogInfo,
            [szTargetInstanceName, szTargetInstanceLogPath, szTargetInstanceCheckpointPath], pfn
        ) { ($0.szDatabaseName, $0.szNewDatabaseName) }
    }
}

@c(JetExternalRestore2)
public func jetExternalRestore2(
    _ szCheckpointFilePath: UnsafeMutablePointer<CChar>?, _ szLogPath: UnsafeMutablePointer<CChar>?,
    _ rgrstmap: UnsafeMutablePointer<JET_RSTMAP_A>?, _ crstfilemap: CLong,
    _ szBackupLogPath: UnsafeMutablePointer<CChar>?, _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_A>?,
    _ szTargetInstanceName: UnsafeMutablePointer<CChar>?, _ szTargetInstanceLogPath: UnsafeMutablePointer<CChar>?,
    _ szTargetInstanceCheckpointPath: UnsafeMutablePointer<CChar>?, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    jetExternalRestore2A(
        szCheckpointFilePath, szLogPath, rgrstmap, crstfilemap, szBackupLogPath, pLogInfo, szTargetInstanceName,
        szTargetInstanceLogPath, szTargetInstanceCheckpointPath, pfn)
}

@c(JetExternalRestore2W)
public func jetExternalRestore2W(
    _ szCheckpointFilePath: UnsafeMutablePointer<WCHAR>?, _ szLogPath: UnsafeMutablePointer<WCHAR>?,
    _ rgrstmap: UnsafeMutablePointer<JET_RSTMAP_W>?, _ crstfilemap: CLong,
    _ szBackupLogPath: UnsafeMutablePointer<WCHAR>?, _ pLogInfo: UnsafeMutablePointer<JET_LOGINFO_W>?,
    _ szTargetInstanceName: UnsafeMutablePointer<WCHAR>?, _ szTargetInstanceLogPath: UnsafeMutablePointer<WCHAR>?,
    _ szTargetInstanceCheckpointPath: UnsafeMutablePointer<WCHAR>?, _ pfn: JET_PFNSTATUS?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try externalRestore2(
            szCheckpointFilePath, szLogPath, rgrstmap, crstfilemap, szBackupLogPath, pLogInfo,
            [szTargetInstanceName, szTargetInstanceLogPath, szTargetInstanceCheckpointPath], pfn
        ) { ($0.szDatabaseName, $0.szNewDatabaseName) }
    }
}

// MARK: JetInit3: JetInit with JET_RSTINFO (databases relocated during recovery, a status callback).

private func initialize3<Map, Unit>(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ cbStruct: CUnsignedLong?, expected: Int,
    _ rgrstmap: UnsafeMutablePointer<Map>?, _ count: CLong, _ pfn: JET_PFNSTATUS?,
    names: (Map) -> (UnsafeMutablePointer<Unit>?, UnsafeMutablePointer<Unit>?)
) -> JET_ERR {
    var options = Lifecycle.RecoveryOptions()
    if let cbStruct {
        guard cbStruct == CUnsignedLong(expected), count >= 0 else { return JET_ERR(JetError.invalidParameter.rawValue) }
        do throws(JetError) {
            guard count <= CLong(Restore.maxMapEntriesForABI) else { throw .invalidParameter }
            let map = try restoreMap(rgrstmap, count, names)
            options.relocations = try Restore.absoluteRelocations(map)
        } catch {
            return JET_ERR(error.rawValue)
        }
        options.status = progressMeter(pfn, snp: JET_snpRestore)
    }
    do {
        let handle = try Lifecycle.initialize(handle: pinstance?.pointee, recovery: options)
        pinstance?.pointee = handle
        return success
    } catch {
        if error.destroyed { pinstance?.pointee = 0 }
        return JET_ERR(error.error.rawValue)
    }
}

@c(JetInit3A)
public func jetInit3A(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ prstInfo: UnsafeMutablePointer<JET_RSTINFO_A>?,
    _ grbit: JET_GRBIT
) -> JET_ERR {
    let info = prstInfo?.pointee
    return initialize3(
        pinstance, info?.cbStruct, expected: MemoryLayout<JET_RSTINFO_A>.size, info?.rgrstmap, info?.crstmap ?? 0,
        info?.pfnStatus) { ($0.szDatabaseName, $0.szNewDatabaseName) }
}

@c(JetInit3)
public func jetInit3(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ prstInfo: UnsafeMutablePointer<JET_RSTINFO_A>?,
    _ grbit: JET_GRBIT
) -> JET_ERR {
    jetInit3A(pinstance, prstInfo, grbit)
}

@c(JetInit3W)
public func jetInit3W(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ prstInfo: UnsafeMutablePointer<JET_RSTINFO_W>?,
    _ grbit: JET_GRBIT
) -> JET_ERR {
    let info = prstInfo?.pointee
    return initialize3(
        pinstance, info?.cbStruct, expected: MemoryLayout<JET_RSTINFO_W>.size, info?.rgrstmap, info?.crstmap ?? 0,
        info?.pfnStatus) { ($0.szDatabaseName, $0.szNewDatabaseName) }
}
