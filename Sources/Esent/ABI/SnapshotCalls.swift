import CEsent
import EsentCore

// OS snapshots (JetOSSnapshot*): the protocol of ESE's io.cxx, implemented in EsentCore/Core/Snapshot.swift.
// Only Freeze and GetFreezeInfo take strings (their instance lists), so only they have A and W variants.

@c(JetOSSnapshotPrepare)
public func jetOSSnapshotPrepare(_ psnapId: UnsafeMutablePointer<JET_OSSNAPID>?, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in
        let id = try OSSnapshot.prepare(grbit: grbit, outputGiven: psnapId != nil)
        psnapId?.pointee = JET_OSSNAPID(id)
    }
}

@c(JetOSSnapshotPrepareInstance)
public func jetOSSnapshotPrepareInstance(_ snapId: JET_OSSNAPID, _ instance: JET_INSTANCE, _ grbit: JET_GRBIT)
    -> JET_ERR
{
    jetCall { () throws(JetError) in try OSSnapshot.prepareInstance(snapId, handle: instance, grbit: grbit) }
}

@c(JetOSSnapshotThaw)
public func jetOSSnapshotThaw(_ snapId: JET_OSSNAPID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try OSSnapshot.thaw(snapId, grbit: grbit) }
}

@c(JetOSSnapshotAbort)
public func jetOSSnapshotAbort(_ snapId: JET_OSSNAPID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try OSSnapshot.abort(snapId, grbit: grbit) }
}

@c(JetOSSnapshotEnd)
public func jetOSSnapshotEnd(_ snapId: JET_OSSNAPID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try OSSnapshot.end(snapId, grbit: grbit) }
}

@c(JetOSSnapshotTruncateLog)
public func jetOSSnapshotTruncateLog(_ snapId: JET_OSSNAPID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try OSSnapshot.truncateLog(snapId, handle: nil, grbit: grbit) }
}

@c(JetOSSnapshotTruncateLogInstance)
public func jetOSSnapshotTruncateLogInstance(_ snapId: JET_OSSNAPID, _ instance: JET_INSTANCE, _ grbit: JET_GRBIT)
    -> JET_ERR
{
    jetCall { () throws(JetError) in try OSSnapshot.truncateLog(snapId, handle: instance, grbit: grbit) }
}

// MARK: Freeze and GetFreezeInfo: the member list, as JetGetInstanceInfo builds it (free with JetFreeBuffer)

/// Hands `list` to the caller: count and block, or 0 and NULL for an empty list.
private func storeList<Info>(
    _ list: [Lifecycle.InstanceSummary], _ pc: UnsafeMutablePointer<CUnsignedLong>,
    _ pa: UnsafeMutablePointer<UnsafeMutablePointer<Info>?>,
    build: ([Lifecycle.InstanceSummary]) -> UnsafeMutablePointer<Info>?
) throws(JetError) {
    guard !list.isEmpty else {
        pc.pointee = 0
        pa.pointee = nil
        return
    }
    guard let block = build(list) else { throw .outOfMemory }
    pc.pointee = CUnsignedLong(list.count)
    pa.pointee = block
}

private func buildA(_ list: [Lifecycle.InstanceSummary]) -> UnsafeMutablePointer<JET_INSTANCE_INFO_A>? {
    buildInstanceInfo(
        list, unit: CChar.self, encode: { $0.utf8.map { CChar(bitPattern: $0) } }, emptyArrays: true,
        make: { JET_INSTANCE_INFO_A(
            hInstanceId: $0, szInstanceName: $1, cDatabases: $2, szDatabaseFileName: $3,
            szDatabaseDisplayName: $4, szDatabaseSLVFileName_Obsolete: nil) })
}

private func buildW(_ list: [Lifecycle.InstanceSummary]) -> UnsafeMutablePointer<JET_INSTANCE_INFO_W>? {
    buildInstanceInfo(
        list, unit: WCHAR.self, encode: { Array($0.utf16) }, emptyArrays: false,
        make: { JET_INSTANCE_INFO_W(
            hInstanceId: $0, szInstanceName: $1, cDatabases: $2, szDatabaseFileName: $3,
            szDatabaseDisplayName: $4, szDatabaseSLVFileName_Obsolete: nil) })
}

/// W: after the grbit and pointer checks the outputs read 0 / NULL until the call succeeds.
private func clearOutputs<Info>(
    _ grbit: JET_GRBIT, _ pc: UnsafeMutablePointer<CUnsignedLong>?,
    _ pa: UnsafeMutablePointer<UnsafeMutablePointer<Info>?>?
) {
    guard grbit == 0, let pc, let pa else { return }
    pc.pointee = 0
    pa.pointee = nil
}

@c(JetOSSnapshotFreezeA)
public func jetOSSnapshotFreezeA(
    _ snapId: JET_OSSNAPID, _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_A>?>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        // The A entry point checks its pointers before anything else.
        guard let pcInstanceInfo, let paInstanceInfo else { throw .invalidParameter }
        let list = try OSSnapshot.freeze(snapId, grbit: grbit, outputGiven: true)
        try storeList(list, pcInstanceInfo, paInstanceInfo, build: buildA)
    }
}

@c(JetOSSnapshotFreeze)
public func jetOSSnapshotFreeze(
    _ snapId: JET_OSSNAPID, _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_A>?>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetOSSnapshotFreezeA(snapId, pcInstanceInfo, paInstanceInfo, grbit)
}

@c(JetOSSnapshotFreezeW)
public func jetOSSnapshotFreezeW(
    _ snapId: JET_OSSNAPID, _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_W>?>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let given = pcInstanceInfo != nil && paInstanceInfo != nil
        clearOutputs(grbit, pcInstanceInfo, paInstanceInfo)
        let list = try OSSnapshot.freeze(snapId, grbit: grbit, outputGiven: given)
        guard let pcInstanceInfo, let paInstanceInfo else { throw .invalidParameter }
        try storeList(list, pcInstanceInfo, paInstanceInfo, build: buildW)
    }
}

@c(JetOSSnapshotGetFreezeInfoA)
public func jetOSSnapshotGetFreezeInfoA(
    _ snapId: JET_OSSNAPID, _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_A>?>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        // ESE's A call runs the W call into its own buffers first: the session's errors come before -1003.
        let list = try OSSnapshot.freezeInfo(snapId, grbit: grbit, outputGiven: true)
        guard let pcInstanceInfo, let paInstanceInfo else { throw .invalidParameter }
        try storeList(list, pcInstanceInfo, paInstanceInfo, build: buildA)
    }
}

@c(JetOSSnapshotGetFreezeInfo)
public func jetOSSnapshotGetFreezeInfo(
    _ snapId: JET_OSSNAPID, _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_A>?>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetOSSnapshotGetFreezeInfoA(snapId, pcInstanceInfo, paInstanceInfo, grbit)
}

@c(JetOSSnapshotGetFreezeInfoW)
public func jetOSSnapshotGetFreezeInfoW(
    _ snapId: JET_OSSNAPID, _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_W>?>?, _ grbit: JET_GRBIT
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let given = pcInstanceInfo != nil && paInstanceInfo != nil
        clearOutputs(grbit, pcInstanceInfo, paInstanceInfo)
        let list = try OSSnapshot.freezeInfo(snapId, grbit: grbit, outputGiven: given)
        guard let pcInstanceInfo, let paInstanceInfo else { throw .invalidParameter }
        try storeList(list, pcInstanceInfo, paInstanceInfo, build: buildW)
    }
}
