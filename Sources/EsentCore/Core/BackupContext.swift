#if canImport(Glibc)
import Glibc
#endif
import CEsent
import SystemPackage

/// Where a streaming backup is.
package enum BackupPhase: Sendable, Equatable {
    case notStarted
    /// Full backups start here: database files are streamed.
    case databases
    /// After the first log list (or from Begin for incremental backups): logs are streamed.
    case logsAndPatches
}

/// How a backup ended, which decides header stamping.
package enum BackupOutcome: Equatable {
    case normal
    case abortedByCaller
    case abortedByServer
}

/// The database stream (docs/file-formats.md, section 4): two stamped header copies, pages 1..pgnoLast, a trailer page.
package final class DatabaseStream: @unchecked Sendable {
    let database: AttachedDatabase
    let pageSize: Int
    /// Fixed at open: the stream never grows even if the database does.
    let pgnoLast: UInt32
    /// The header page with bkinfoFullCur stamped, encoded once at open (reads allocate nothing).
    let headerPage: UnsafeMutableRawBufferPointer
    let trailer: BackupTrailer
    /// Next stream page to produce: 0 and 1 the header copies, n + 1 database page n, pgnoLast + 2 the trailer.
    var position: UInt32 = 0

    var totalPages: UInt32 { pgnoLast + 3 }
    var finished: Bool { position == totalPages }

    init(database: AttachedDatabase, pageSize: Int, pgnoLast: UInt32, header: DatabaseHeader, trailer: BackupTrailer) {
        self.database = database
        self.pageSize = pageSize
        self.pgnoLast = pgnoLast
        self.trailer = trailer
        headerPage = .allocate(byteCount: pageSize, alignment: 16)
        headerPage.initializeMemory(as: UInt8.self, repeating: 0)
        header.encode(into: headerPage.baseAddress!, pageSize: pageSize)
    }

    deinit { headerPage.deallocate() }
}

/// A log (or other listed) file being streamed.
package final class LogFileStream: @unchecked Sendable {
    let file: StorageFile
    let generation: Int32
    let size: Int64
    /// The database page size: the unit of ESE's read rules, for logs too.
    let pageSize: Int
    var offset: Int64 = 0
    /// A never-written segment was read: every later one must be never-written too, as replay requires.
    var pastEnd = false

    init(file: StorageFile, generation: Int32, size: Int64, pageSize: Int) {
        self.file = file
        self.generation = generation
        self.size = size
        self.pageSize = pageSize
    }
}

/// The one open backup file (ESE has a single handle slot, and the handle is always 0).
package enum BackupFile {
    case database(DatabaseStream)
    case log(LogFileStream)

    /// Which open tells two opens of the same file apart.
    var identity: ObjectIdentifier {
        switch self {
        case .database(let stream): return ObjectIdentifier(stream)
        case .log(let stream): return ObjectIdentifier(stream)
        }
    }

    /// Fixed at open, so a read needs no parameter lookup.
    var pageSize: Int {
        switch self {
        case .database(let stream): return stream.pageSize
        case .log(let stream): return stream.pageSize
        }
    }
}

/// ESE's BACKUP_CONTEXT: one per instance. All of it lives under the instance lock; the stop
/// request is an atomic word (InstanceStops) so that JetStopBackup never waits.
package struct BackupContext: Sendable {
    var phase: BackupPhase = .notStarted
    var full = true
    /// Log generations to copy: [copyMic, copyMac).
    var copyMic: Int32 = 0
    var copyMac: Int32 = 0
    /// Log generations JetTruncateLog may delete: [deleteMic, deleteMac).
    var deleteMic: Int32 = 0
    var deleteMac: Int32 = 0
    /// Where and when the backup began: stamped into the streamed header and the database headers at End.
    var mark = BackupInfo.none
    var logsPrepared = false
    var logsTruncated = false
    /// Generations of the logs read to their end and closed: JetTruncateLog needs every one of the copy range
    /// (a sum of generation numbers would let a log read twice stand in for one never read).
    var copiedGenerations: Set<Int32> = []
    package var openFile: BackupFile?
    /// Databases in the backup session (stamped at End) and those whose whole stream was read and closed.
    var inSession: Set<UInt32> = []
    var copied: Set<UInt32> = []
    /// Resolved path → generation of every log the log list named.
    var listedLogs: [String: Int32] = [:]

    var isRunning: Bool { phase != .notStarted }
}

/// The streaming backup calls, on an instance whose lock the caller holds.
package enum StreamingBackup {
    /// The public ESE handle of the single slot.
    package static let fileHandle: UInt = 0
    /// The alignment ESE requires of read buffers (the OS page size).
    static let bufferAlignment = 4096

    // MARK: Begin

    package static func begin(_ instance: Instance, grbit: UInt) throws(JetError) {
        try instance.withAPI { (s) throws(JetError) in
            guard s.backupAllowed else { throw .backupNotAllowedYet }
            guard let log = s.log else { throw .loggingDisabled }
            let incremental = UInt(JET_bitBackupIncremental)
            guard grbit & ~incremental == 0 else { throw .invalidGrbit }
            let isIncremental = grbit & incremental != 0
            if isIncremental && s.params[JET_paramCircularLog].integer != 0 { throw .invalidBackup }
            // An OS snapshot holding the instance counts as a running backup, without waiting for its thaw.
            if s.backup.isRunning { throw .backupInProgress }
            try instance.checkNoSnapshotBackup()
            let logged = s.databases.filter { $0.logged }
            if isIncremental {
                // Every database needs a previous full backup recorded as one (not a copy).
                for db in logged where db.file.header.bkinfoFullPrev.genLow == 0
                    || db.file.header.fullPrevType != DatabaseHeader.backupTypeNormal
                {
                    _ = db
                    throw .missingFullBackup
                }
            }
            var context = BackupContext()
            context.full = !isIncremental
            context.phase = isIncremental ? .logsAndPatches : .databases
            context.inSession = isIncremental ? Set(logged.map(\.dbid)) : []
            context.copyMic = log.checkpointGeneration
            // The begin record's position is the backup's mark; losing the record is not fatal (B:1886-1897).
            let position = (try? log.append(.backupBegin(incremental: isIncremental), flush: false))
                ?? LogPosition(ib: 0, isec: 0, generation: log.currentGeneration)
            context.mark = BackupInfo(mark: position, markTime: LogTime.now(), genLow: 0, genHigh: 0)
            s.backup = context
            // With circular logging, the logs from here on must outlive the backup.
            log.pinnedGeneration = context.copyMic
            instance.clearBackupStop()
        }
    }

    /// The checks every backup call but Begin, CloseFile and End starts with.
    @inline(__always)
    private static func checkRunning(_ s: borrowing InstanceState, _ instance: Instance) throws(JetError) {
        guard s.backup.isRunning else { throw .noBackup }
        if instance.stopBackupRequested { throw .backupAbortByServer }
    }

    // MARK: GetAttachInfo

    package static func attachInfo(_ instance: Instance) throws(JetError) -> [String] {
        try instance.withAPI { (s) throws(JetError) -> [String] in
            try checkRunning(s, instance)
            guard s.backup.full else { throw .invalidBackupSequence }
            return s.databases.filter { $0.logged }.map(\.path)
        }
    }

    // MARK: OpenFile

    /// Returns the stream size in bytes.
    package static func openFile(_ instance: Instance, name: String) throws(JetError) -> Int64 {
        try instance.withAPI { (s) throws(JetError) -> Int64 in
            try checkRunning(s, instance)
            guard !name.isEmpty else { throw .invalidParameter }
            if s.backup.openFile != nil { throw .outOfMemory }
            let (absolute, resolved) = try CallerPath.resolve(name)
            do throws(JetError) {
                if let db = s.databases.first(where: { $0.logged && $0.resolvedPath == resolved }) {
                    return try openDatabase(&s, db)
                }
                guard s.backup.phase == .logsAndPatches else { throw .databaseNotFound }
                return try openLog(&s, absolute: absolute, resolved: resolved)
            } catch {
                // In the log phase every open error ends the whole backup.
                if s.backup.phase == .logsAndPatches { forceEnd(&s, instance: instance) }
                throw error
            }
        }
    }

    private static func openDatabase(_ s: inout InstanceState, _ db: AttachedDatabase) throws(JetError) -> Int64 {
        guard s.backup.full, s.backup.phase == .databases else { throw .invalidBackupSequence }
        let pageSize = db.file.pageSize
        var header = db.file.header
        header.bkinfoFullCur = BackupInfo(
            mark: s.backup.mark.mark, markTime: s.backup.mark.markTime, genLow: UInt32(clamping: s.backup.copyMic),
            genHigh: 0)
        let pgnoLast = db.file.pgnoLast
        let trailer = BackupTrailer(
            info: BackupInfo(
                mark: s.backup.mark.mark, markTime: s.backup.mark.markTime, genLow: UInt32(clamping: s.backup.copyMic),
                genHigh: UInt32(clamping: s.log?.currentGeneration ?? 0)),
            signDb: header.signDb, signLog: header.signLog,
            generationMin: UInt32(clamping: s.backup.copyMic), generationMax: UInt32(clamping: s.log?.currentGeneration ?? 0),
            pgnoLast: pgnoLast, databasePath: db.path)
        let stream = DatabaseStream(
            database: db, pageSize: pageSize, pgnoLast: pgnoLast, header: header, trailer: trailer)
        s.backup.openFile = .database(stream)
        s.backup.inSession.insert(db.dbid)
        return Int64(stream.totalPages) * Int64(pageSize)
    }

    private static func openLog(_ s: inout InstanceState, absolute: String, resolved: String) throws(JetError)
        -> Int64
    {
        guard let generation = s.backup.listedLogs[resolved] ?? s.backup.listedLogs[absolute] else {
            throw .invalidParameter
        }
        guard let log = s.log else { throw .loggingDisabled }
        // Open the path this library built, not the caller's string: nothing outside the set is touched.
        let path = log.archivedPath(generation)
        guard let file = try storage(try StorageFile.openExistingForReading(path)) else { throw .missingFileToBackup }
        let size = try storage(try file.size())
        s.backup.openFile = .log(LogFileStream(file: file, generation: generation, size: size, pageSize: s.pageSize))
        return size
    }

    // MARK: ReadFile: the hot path, no allocation.

    /// Bytes one locked step of a read covers: a caller's `cb` can be anything, and the instance lock is released
    /// between steps so a stop, an info call or another session gets in. A multiple of every page size.
    static let readStepBytes = 1 << 20

    package static func read(
        _ instance: Instance, handle: UInt, into buffer: UnsafeMutableRawPointer?, count: Int
    ) throws(JetError) -> Int {
        // Step 1 checks the arguments and remembers which file it read, so later steps stop if it changed.
        let (first, file) = try instance.withAPI { (s) throws(JetError) -> (Int, BackupFile) in
            try checkRunning(s, instance)
            guard handle == fileHandle, let file = s.backup.openFile else { throw .invalidParameter }
            guard let buffer, Int(bitPattern: buffer) % bufferAlignment == 0 else { throw .invalidParameter }
            let pageSize = file.pageSize
            guard count > 0, count % pageSize == 0 else { throw .invalidParameter }
            return (try readStep(&s, instance, file, into: buffer, count: min(count, readStepBytes)), file)
        }
        guard let buffer else { return first }
        var produced = first
        var stepEnded = first == min(count, readStepBytes)
        while stepEnded && produced < count {
            let wanted = min(count - produced, readStepBytes)
            let got = try instance.state.withLock { (s) throws(JetError) -> Int in
                // A stop, a close or an end since the last step: hand back what was read; the next call
                // reports the stop (its bytes are already consumed from the stream, so they must be returned).
                if instance.serviceStopped || s.phase != .running { return 0 }
                guard s.backup.isRunning, !instance.stopBackupRequested,
                    let current = s.backup.openFile, current.identity == file.identity
                else { return 0 }
                return try readStep(&s, instance, current, into: buffer + produced, count: wanted)
            }
            produced += got
            stepEnded = got == wanted
        }
        return produced
    }

    /// One bounded step of a read, under the instance lock.
    private static func readStep(
        _ s: inout InstanceState, _ instance: Instance, _ file: BackupFile, into buffer: UnsafeMutableRawPointer,
        count: Int
    ) throws(JetError) -> Int {
        switch file {
        case .database(let stream):
            do throws(JetError) {
                return try readDatabase(stream, into: buffer, count: count)
            } catch {
                // A bad database drops out of the backup and its handle closes; the backup goes on.
                if error != .invalidParameter {
                    s.backup.openFile = nil
                    s.backup.inSession.remove(stream.database.dbid)
                }
                throw error
            }
        case .log(let stream):
            do throws(JetError) {
                return try readLog(stream, into: buffer, count: count)
            } catch {
                if error != .invalidParameter { forceEnd(&s, instance: instance) }
                throw error
            }
        }
    }

    private static func readDatabase(_ stream: DatabaseStream, into buffer: UnsafeMutableRawPointer, count: Int)
        throws(JetError) -> Int
    {
        let pageSize = stream.pageSize
        let pages = UInt32(clamping: count / pageSize)
        // The first read must hold both header copies and a page.
        if stream.position == 0 && pages < 3 { throw .invalidParameter }
        var produced: UInt32 = 0
        if stream.position == 0 {
            for copy in 0..<2 {
                (buffer + copy * pageSize).copyMemory(from: stream.headerPage.baseAddress!, byteCount: pageSize)
            }
            produced = 2
            stream.position = 2
        }
        let trailerPosition = stream.pgnoLast + 2
        if stream.position < trailerPosition {
            let n = min(pages - produced, trailerPosition - stream.position)
            if n > 0 {
                try storage(
                    try stream.database.file.readVerifiedPages(
                        firstPgno: stream.position - 1, count: Int(n), into: buffer + Int(produced) * pageSize))
                produced += n
                stream.position += n
            }
        }
        // The trailer goes out only when the buffer has room after the last data page.
        if stream.position == trailerPosition && produced < pages {
            DatabaseFile.makeTrailerPage(into: buffer + Int(produced) * pageSize, pageSize: pageSize, info: stream.trailer)
            produced += 1
            stream.position += 1
        }
        return Int(produced) * pageSize
    }

    private static func readLog(_ stream: LogFileStream, into buffer: UnsafeMutableRawPointer, count: Int)
        throws(JetError) -> Int
    {
        if stream.offset == 0 && count < 2 * stream.pageSize { throw .invalidParameter }
        let wanted = Int(min(Int64(count), stream.size - stream.offset))
        guard wanted > 0 else { return 0 }
        let got = try storage(try stream.file.read(into: buffer, count: wanted, at: stream.offset))
        // A log that shrank under us cannot be the archive we listed.
        guard got == wanted else { throw .logReadVerifyFailure }
        if let failure = LogStream.verifyLogBytes(
            UnsafeRawPointer(buffer), count: got, fileOffset: stream.offset, expectedGeneration: stream.generation)
        {
            throw JetError(failure)
        }
        // A zeroed segment followed by data is a log replay would reject: never hand it to a backup.
        if let failure = LogStream.verifySegmentOrder(
            UnsafeRawPointer(buffer), count: got, fileOffset: stream.offset, pastEnd: &stream.pastEnd)
        {
            throw JetError(failure)
        }
        stream.offset += Int64(got)
        return got
    }

    // MARK: CloseFile

    package static func closeFile(_ instance: Instance, handle: UInt) throws(JetError) {
        try instance.withAPI { (s) throws(JetError) in
            // The stop flag is not looked at: closing works after JetStopBackup.
            guard s.backup.isRunning else { throw .noBackup }
            guard handle == fileHandle, let file = s.backup.openFile else { throw .invalidParameter }
            switch file {
            case .database(let stream):
                if stream.finished { s.backup.copied.insert(stream.database.dbid) }
            case .log(let stream):
                if stream.offset == stream.size && stream.generation >= s.backup.copyMic
                    && stream.generation < s.backup.copyMac
                {
                    s.backup.copiedGenerations.insert(stream.generation)
                }
            }
            s.backup.openFile = nil
        }
    }

    // MARK: GetLogInfo / GetTruncateLogInfo

    package enum LogList { case toCopy, toTruncate }

    package struct LogListing {
        package var paths: [String]
        package var generationLow: Int32
        package var generationHigh: Int32
        package var baseName: String
    }

    package static func logInfo(_ instance: Instance, _ list: LogList) throws(JetError) -> LogListing {
        try instance.withAPI { (s) throws(JetError) -> LogListing in
            try checkRunning(s, instance)
            if s.backup.openFile != nil { throw .invalidBackupSequence }
            guard let log = s.log else { throw .loggingDisabled }
            if !s.backup.logsPrepared {
                do throws(JetError) {
                    try prepareLogs(&s, log)
                } catch {
                    // A half-prepared backup would list wrong ranges on retry; end it.
                    forceEnd(&s, instance: instance)
                    throw error
                }
            }
            s.backup.phase = .logsAndPatches
            let range = list == .toCopy
                ? s.backup.copyMic..<s.backup.copyMac : s.backup.deleteMic..<max(s.backup.deleteMic, s.backup.deleteMac)
            return LogListing(
                paths: range.map { log.archivedPath($0).string }, generationLow: s.backup.copyMic,
                generationHigh: s.backup.copyMac - 1, baseName: s.baseName)
        }
    }

    /// ESE's ErrBKIPrepareLogFiles: roll the log, fix the copy and delete ranges.
    private static func prepareLogs(_ s: inout InstanceState, _ log: LogStream) throws(JetError) {
        _ = try storage(try log.append(.backupPrepareLogs, flush: false))
        try storage(try log.roll())
        let copyMac = log.currentGeneration
        let archived = try storage(try log.archivedGenerations())
        guard var deleteMic = archived.first else { throw .fileNotFound }
        var copyMic = s.backup.copyMic
        let logged = s.databases.filter { $0.logged }
        if !s.backup.full {
            // No gap between each database's last backup and the oldest log still on disk.
            for db in logged {
                let header = db.file.header
                let last = max(header.bkinfoFullPrev.genHigh, header.bkinfoIncPrev.genHigh)
                if Int64(deleteMic) > Int64(last) + 1 { throw .missingFileToBackup }
            }
            copyMic = deleteMic
        }
        // Every generation to copy must still be there.
        for generation in copyMic..<copyMac where !archived.contains(generation) {
            throw .missingFileToBackup
        }
        var deleteMac = min(log.checkpointGeneration, copyMac)
        if s.backup.full {
            for db in logged where !s.backup.copied.contains(db.dbid) {
                deleteMac = min(deleteMac, Int32(clamping: db.file.header.bkinfoFullPrev.genHigh))
            }
        }
        deleteMic = min(deleteMic, deleteMac)
        s.backup.copyMic = copyMic
        s.backup.copyMac = copyMac
        s.backup.deleteMic = deleteMic
        s.backup.deleteMac = deleteMac
        s.backup.logsPrepared = true
        let folder = try storage(try StorageIO.resolvedPath(Paths.folder(of: log.archivedPath(copyMic))))
        s.backup.listedLogs = [:]
        for generation in copyMic..<copyMac {
            let path = log.archivedPath(generation)
            s.backup.listedLogs[path.string] = generation
            if let folder, let name = path.lastComponent { s.backup.listedLogs[folder.appending(name).string] = generation }
        }
    }

    // MARK: TruncateLog

    package static func truncateLog(_ instance: Instance) throws(JetError) {
        try instance.withAPI { (s) throws(JetError) in
            try checkRunning(s, instance)
            if s.backup.openFile != nil { throw .invalidBackupSequence }
            guard s.backup.logsPrepared, let log = s.log else { throw .invalidBackupSequence }
            s.backup.phase = .logsAndPatches
            for generation in s.backup.copyMic..<s.backup.copyMac where !s.backup.copiedGenerations.contains(generation) {
                throw .logFileNotCopied
            }
            _ = try storage(try log.append(.truncateLogs(low: s.backup.deleteMic, high: s.backup.deleteMac), flush: true))
            s.backup.logsTruncated = true
            for generation in s.backup.deleteMic..<max(s.backup.deleteMic, s.backup.deleteMac) {
                try storage(try log.deleteArchive(generation))
            }
        }
    }

    // MARK: End

    /// `ignoringTerm`: JetBackup ending its own backup, which a waiting JetTerm needs ended.
    package static func end(_ instance: Instance, grbit: UInt, ignoringTerm: Bool = false) throws(JetError) {
        let normal = grbit & UInt(JET_bitBackupEndNormal) != 0
        let abort = grbit & UInt(JET_bitBackupEndAbort) != 0
        try instance.withAPI(ignoringTerm: ignoringTerm) { (s) throws(JetError) in
            // After the API gate, before the backup state (B:3978-3986).
            guard normal != abort else { throw .invalidParameter }
            guard s.backup.isRunning else {
                instance.clearBackupStop()
                throw .noBackup
            }
            let outcome: BackupOutcome
            if abort {
                outcome = .abortedByCaller
            } else if instance.stopBackupRequested {
                outcome = .abortedByServer
            } else if s.backup.phase == .databases {
                outcome = .abortedByCaller
            } else {
                outcome = .normal
            }
            s.backup.openFile = nil
            var stampFailure: JetError?
            if outcome == .normal {
                let truncated = s.backup.logsTruncated || grbit & UInt(JET_bitBackupTruncateDone) != 0
                stampFailure = stampHeaders(&s, truncated: truncated)
            } else {
                _ = try? s.log?.append(.backupAbort, flush: false)
            }
            finish(&s, instance: instance)
            // The backup is over either way; a header that could not record it is reported, not hidden: the
            // caller's next incremental would otherwise rely on a full backup the database does not know of.
            if let stampFailure { throw stampFailure }
        }
    }

    /// ESE's header update table. ESE ignores a failed stamp (the backup still ends successfully); this library
    /// stamps every database it can and returns the first failure, so the caller knows the stamp is missing.
    private static func stampHeaders(_ s: inout InstanceState, truncated: Bool) -> JetError? {
        var firstFailure: JetError?
        let b = s.backup
        for db in s.databases where db.logged && b.inSession.contains(db.dbid) {
            var header = db.file.header
            let info = BackupInfo(
                mark: b.mark.mark, markTime: b.mark.markTime, genLow: UInt32(clamping: b.copyMic),
                genHigh: UInt32(clamping: b.copyMac - 1))
            if b.full {
                guard b.copied.contains(db.dbid) else { continue }
                if truncated {
                    guard header.bkinfoFullPrev.mark <= info.mark else { continue }
                    header.bkinfoFullPrev = info
                    header.fullPrevType = DatabaseHeader.backupTypeNormal
                    header.bkinfoIncPrev = .none
                    header.bkinfoDiffPrev = .none
                } else {
                    guard header.bkinfoCopyPrev.mark <= info.mark else { continue }
                    header.bkinfoCopyPrev = info
                }
            } else if truncated {
                guard header.bkinfoIncPrev.mark <= info.mark else { continue }
                header.bkinfoIncPrev = info
            } else {
                guard header.bkinfoDiffPrev.mark <= info.mark else { continue }
                header.bkinfoDiffPrev = info
            }
            do throws(JetError) {
                try storage(try db.file.writeHeader(header))
                _ = try storage(try s.log?.append(.backupHeaderUpdate(dbid: db.dbid), flush: true))
            } catch {
                if firstFailure == nil { firstFailure = error }
            }
        }
        return firstFailure
    }

    /// Ends a backup without stamping: JetTerm with Abrupt/StopBackup, and log-phase errors.
    static func forceEnd(_ s: inout InstanceState, instance: Instance) {
        s.backup.openFile = nil
        _ = try? s.log?.append(.backupAbort, flush: false)
        finish(&s, instance: instance)
    }

    private static func finish(_ s: inout InstanceState, instance: Instance) {
        s.backup = BackupContext()
        s.log?.pinnedGeneration = nil
        instance.clearBackupStop()
        _ = try? s.log?.append(.backupStop, flush: true)
    }
}
