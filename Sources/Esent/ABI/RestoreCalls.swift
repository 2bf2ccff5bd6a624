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
