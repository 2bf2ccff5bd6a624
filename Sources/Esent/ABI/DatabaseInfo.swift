import CEsent
import EsentCore

/// JetGetDatabaseFileInfo's output structures, filled from the database header.
enum DatabaseInfo {
    static func write(path: String, _ pv: UnsafeMutableRawPointer?, _ cbMax: CUnsignedLong, _ level: CUnsignedLong)
        throws(JetError)
    {
        guard let pv else { throw .invalidParameter }
        func need(_ size: Int) throws(JetError) {
            guard cbMax >= UInt(size) else { throw .invalidBufferSize }
        }
        switch level {
        case UInt(JET_DbInfoMisc):
            try need(MemoryLayout<JET_DBINFOMISC>.size)
            let (header, _) = try DatabaseOperations.fileInfo(path: path)
            pv.storeBytes(of: misc(header), as: JET_DBINFOMISC.self)
        case UInt(JET_DbInfoPageSize):
            try need(MemoryLayout<CUnsignedLong>.size)
            let (header, _) = try DatabaseOperations.fileInfo(path: path)
            pv.storeBytes(of: CUnsignedLong(header.pageSize), as: CUnsignedLong.self)
        case UInt(JET_DbInfoFilesize), UInt(JET_DbInfoFilesizeOnDisk):
            try need(MemoryLayout<UInt64>.size)
            let (_, size) = try DatabaseOperations.fileInfo(path: path)
            pv.storeBytes(of: UInt64(size), as: UInt64.self)
        default:
            throw .invalidParameter
        }
    }

    static func misc(_ h: DatabaseHeader) -> JET_DBINFOMISC {
        var m = JET_DBINFOMISC()
        m.ulVersion = CUnsignedLong(h.formatVersion)
        m.ulUpdate = CUnsignedLong(h.formatUpdate)
        m.signDb = signature(h.signDb)
        m.dbstate = CUnsignedLong(h.state)
        m.lgposConsistent = lgpos(h.lgposConsistent)
        m.logtimeConsistent = logtime(h.logtimeConsistent)
        m.logtimeAttach = logtime(h.logtimeAttach)
        m.lgposAttach = lgpos(h.lgposAttach)
        m.logtimeDetach = logtime(h.logtimeDetach)
        m.lgposDetach = lgpos(h.lgposDetach)
        m.signLog = signature(h.signLog)
        m.bkinfoFullPrev = bkinfo(h.bkinfoFullPrev, osSnapshot: h.fullPrevType == DatabaseHeader.backupTypeOSSnapshot)
        m.bkinfoIncPrev = bkinfo(h.bkinfoIncPrev, osSnapshot: h.incPrevType == DatabaseHeader.backupTypeOSSnapshot)
        m.bkinfoFullCur = bkinfo(h.bkinfoFullCur)
        m.cbPageSize = CUnsignedLong(h.pageSize)
        return m
    }

    static func logtime(_ t: LogTime) -> JET_LOGTIME {
        // JET_LOGTIME is eight bytes in the same order as the on-disk LogTime.
        var out = JET_LOGTIME()
        withUnsafeMutableBytes(of: &out) { t.encode(into: $0.baseAddress!) }
        return out
    }

    static func lgpos(_ p: LogPosition) -> JET_LGPOS {
        JET_LGPOS(ib: p.ib, isec: p.isec, lGeneration: CLong(p.generation))
    }

    static func signature(_ s: Signature) -> JET_SIGNATURE {
        var out = JET_SIGNATURE()
        out.ulRandom = CUnsignedLong(s.random)
        out.logtimeCreate = logtime(s.created)
        withUnsafeMutableBytes(of: &out.szComputerName) { raw in
            let name = Array(s.computerName.utf8)
            for i in 0..<min(name.count, raw.count - 1) { raw[i] = name[i] }
        }
        return out
    }

    /// `osSnapshot`: the header records an OS snapshot there, reported as `bklogtimeMark.fOSSnapshot` (bit 0 of
    /// the time's last byte), as ESE's JetGetDatabaseFileInfo does.
    static func bkinfo(_ b: BackupInfo, osSnapshot: Bool = false) -> JET_BKINFO {
        var out = JET_BKINFO()
        out.lgposMark = lgpos(b.mark)
        out.logtimeMark = logtime(b.markTime)
        out.genLow = CUnsignedLong(b.genLow)
        out.genHigh = CUnsignedLong(b.genHigh)
        if osSnapshot {
            withUnsafeMutableBytes(of: &out) { raw in
                // The packed struct: the time follows the log position.
                raw[MemoryLayout<JET_LGPOS>.size + 7] |= 1
            }
        }
        return out
    }
}
