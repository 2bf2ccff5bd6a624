import CEsent
import EsentCore

// JetBackup / JetBackupInstance: a backup into a folder. The callback plumbing is shared with restore.

/// A caller's JET_PFNSTATUS as the core's progress meter: `JET_SNPROG` in percent, sesid JET_sesidNil, the
/// callback's return value ignored (as in ESE).
func progressMeter(_ pfn: JET_PFNSTATUS?, snp: Int32) -> ProgressMeter {
    guard let pfn else { return ProgressMeter(nil) }
    return ProgressMeter { event, percent in
        var progress = JET_SNPROG(
            cbStruct: CUnsignedLong(MemoryLayout<JET_SNPROG>.size), cunitDone: CUnsignedLong(percent),
            cunitTotal: 100)
        let snt: Int32
        switch event {
        case .begin: snt = JET_sntBegin
        case .progress: snt = JET_sntProgress
        case .complete: snt = JET_sntComplete
        }
        _ = pfn(JET_SESID.max, JET_SNP(snp), JET_SNT(snt), &progress)
    }
}

private func backup<Unit>(
    _ instance: () throws(JetError) -> Instance, _ path: UnsafePointer<Unit>?, _ grbit: JET_GRBIT,
    _ pfnStatus: JET_PFNSTATUS?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        let owner = try instance()
        let folder = try Marshal.string(path)
        try FolderBackup.run(owner, path: folder, grbit: grbit, status: progressMeter(pfnStatus, snp: JET_snpBackup))
    }
}

@c(JetBackupA)
public func jetBackupA(_ szBackupPath: UnsafePointer<CChar>?, _ grbit: JET_GRBIT, _ pfnStatus: JET_PFNSTATUS?)
    -> JET_ERR
{
    backup({ () throws(JetError) in try Registry.legacyInstance() }, szBackupPath, grbit, pfnStatus)
}

@c(JetBackup)
public func jetBackup(_ szBackupPath: UnsafePointer<CChar>?, _ grbit: JET_GRBIT, _ pfnStatus: JET_PFNSTATUS?)
    -> JET_ERR
{
    jetBackupA(szBackupPath, grbit, pfnStatus)
}

@c(JetBackupW)
public func jetBackupW(_ szBackupPath: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT, _ pfnStatus: JET_PFNSTATUS?)
    -> JET_ERR
{
    backup({ () throws(JetError) in try Registry.legacyInstance() }, szBackupPath, grbit, pfnStatus)
}

@c(JetBackupInstanceA)
public func jetBackupInstanceA(
    _ instance: JET_INSTANCE, _ szBackupPath: UnsafePointer<CChar>?, _ grbit: JET_GRBIT, _ pfnStatus: JET_PFNSTATUS?
) -> JET_ERR {
    backup({ () throws(JetError) in try Registry.instance(instance) }, szBackupPath, grbit, pfnStatus)
}

@c(JetBackupInstance)
public func jetBackupInstance(
    _ instance: JET_INSTANCE, _ szBackupPath: UnsafePointer<CChar>?, _ grbit: JET_GRBIT, _ pfnStatus: JET_PFNSTATUS?
) -> JET_ERR {
    jetBackupInstanceA(instance, szBackupPath, grbit, pfnStatus)
}

@c(JetBackupInstanceW)
public func jetBackupInstanceW(
    _ instance: JET_INSTANCE, _ szBackupPath: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT, _ pfnStatus: JET_PFNSTATUS?
) -> JET_ERR {
    backup({ () throws(JetError) in try Registry.instance(instance) }, szBackupPath, grbit, pfnStatus)
}
