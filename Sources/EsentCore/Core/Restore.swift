#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CEsent
import SystemPackage

/// JetRestore*, JetExternalRestore*: bring a backup set back. Every check (logs of the set, logs of the instance's
/// folder, each database) runs before anything is written; each database is then copied to a temporary name beside
/// its destination, every page verified, the header made consistent, synced, and only once every copy is good
/// renamed into place. The backup set is only read. A failed restore leaves every existing file as it was.
package enum Restore {
    /// ESE's name for the instance a restore makes when it is given none (DC:34 in ESE's daedef.hxx).
    static let temporaryInstanceName = "Restore"
    /// Suffix of the copy being made beside a destination.
    static let copySuffix = ".restoring"
    /// ESE's limit on a restore source path (logutil.cxx): at least this many characters is JET_errInvalidPath.
    static let maxSourcePath = 259

    // MARK: Instances

    /// JetRestoreInstance: `handle` nil, 0 or JET_instanceNil restores through a temporary instance.
    package static func restoreInstance(
        handle: UInt?, source: String?, destination: String?, status: ProgressMeter
    ) throws(JetError) {
        let (instance, temporary) = try registry.withLock { (r) throws(JetError) -> (Instance, Bool) in
            let explicit = handle.map { $0 != 0 && $0 != nilHandle } ?? false
            if explicit || r.mode == .oneInstance { return (try r.findInstance(handle ?? 0), false) }
            let made = try r.addInstance(name: temporaryInstanceName, displayName: nil, switchingTo: .multiInstance)
            return (made, true)
        }
        try restore(instance, temporary: temporary) { (params, paths) throws(JetError) in
            try restoreSet(params: params, paths: paths, source: source, destination: destination, status: status)
        }
    }

    /// JetRestore / JetRestore2: no multi-instance mode; an existing single instance is initialized (-1030).
    package static func restoreLegacy(source: String?, destination: String?, status: ProgressMeter)
        throws(JetError)
    {
        let mode = registry.withLock { r in r.mode }
        if mode == .multiInstance { throw .runningInMultiInstanceMode }
        try restoreInstance(handle: nil, source: source, destination: destination, status: status)
    }

    /// Claims `instance` for a restore (it must not be initialized), runs `body` with its parameters and folders,
    /// and gives it back: as it was, or freed when it was made for this restore.
    static func restore(
        _ instance: Instance, temporary: Bool,
        _ body: (ParameterValues, InstancePaths) throws(JetError) -> Void
    ) throws(JetError) {
        defer {
            if temporary {
                instance.state.withLock { s in s.phase = .terminated }
                registry.withLock { r in r.remove(instance) }
            }
        }
        let (params, paths) = try instance.state.withLock { (s) throws(JetError) -> (ParameterValues, InstancePaths) in
            switch s.phase {
            case .created: break
            case .initializing, .running: throw .alreadyInitialized
            case .restoring: throw .restoreInProgress
            case .terminated: throw .invalidInstance
            }
            var params = s.params
            let paths = try Lifecycle.resolveFolders(&params)
            s.phase = .restoring
            return (params, paths)
        }
        defer { instance.state.withLock { s in if s.phase == .restoring { s.phase = .created } } }
        try registry.withLock { (r) throws(JetError) in try r.checkUniquePaths(paths, for: instance) }
        try body(params, paths)
    }

    // MARK: JetRestore*: a backup folder

    private static func restoreSet(
        params: ParameterValues, paths: InstancePaths, source: String?, destination: String?, status: ProgressMeter
    ) throws(JetError) {
        // A NULL or empty source would make ESE read the current directory; here it is a bad argument.
        guard let source, !source.isEmpty else { throw .invalidParameter }
        guard source.utf8.count < maxSourcePath else { throw .invalidPath }
        let cwd = try CallerPath.currentDirectory()
        let createPath = params[JET_paramCreatePathIfNotExist].integer != 0
        var destinationFolder: String?
        if let destination, !destination.isEmpty {
            let folder = Paths.folder(destination, from: cwd)
            if createPath { try Lifecycle.makeFolders(folder) }
            guard try storage(try StorageIO.isDirectory(FilePath(folder))) else { throw .invalidPath }
            destinationFolder = folder
        }
        try prepareLogFolder(paths, createPath: createPath)
        let names = LogFileNames(
            base: params[JET_paramBaseName].string, legacyFlags: params[JET_paramLegacyFileNames].integer)
        let (folder, found) = try discover(Paths.folder(source, from: cwd), names: names)
        guard let low = found.keys.min(), let high = found.keys.max() else { throw .fileNotFound }
        let set = try BackupLogSet.check(folder: folder, archives: found, low: low, high: high, names: names)
        let following = try checkFollowingLogs(set, logFolder: paths.log, names: names)
        status.begin()
        let patches = try patchNames(in: folder)
        guard !patches.isEmpty else { throw .patchFileMissing }
        var databases: [RestoredDatabase] = []
        for base in patches {
            guard let file = try databaseFile(in: folder, base: base, names: names) else { continue }
            let checked = try RestoredDatabase.check(folder + file, set: set)
            let target: String
            if let destinationFolder {
                target = destinationFolder + file
            } else {
                guard !checked.trailer.databasePath.isEmpty else { throw .invalidPath }
                target = checked.trailer.databasePath
            }
            databases.append(checked.placed(at: target))
        }
        try bringBack(databases, set: set, following: following, params: params, paths: paths, status: status)
    }

    /// The log folder must exist (JET_paramCreatePathIfNotExist makes it and the system folder).
    private static func prepareLogFolder(_ paths: InstancePaths, createPath: Bool) throws(JetError) {
        if createPath {
            try Lifecycle.makeFolders(paths.log)
            try Lifecycle.makeFolders(paths.system)
        }
        guard try storage(try StorageIO.isDirectory(FilePath(paths.log))) else { throw .fileNotFound }
    }

    /// Where the set's logs are: the folder, else its `new/`, else `old/` of the folder last tried (ESE's order).
    private static func discover(_ source: String, names: LogFileNames) throws(JetError)
        -> (folder: String, archives: [Int32: String])
    {
        var folder = source
        var found = try archives(in: folder, names: names)
        for sub in [FolderBackup.newSet, FolderBackup.oldSet] where found.isEmpty {
            guard try storage(try StorageIO.isDirectory(FilePath(folder + sub))) else { continue }
            folder += sub + "/"
            found = try archives(in: folder, names: names)
        }
        guard !found.isEmpty else { throw .fileNotFound }
        return (folder, found)
    }

    private static func archives(in folder: String, names: LogFileNames) throws(JetError) -> [Int32: String] {
        guard try storage(try StorageIO.isDirectory(FilePath(folder))) else { return [:] }
        return try storage(try Replay.scanArchives(LogFolder(path: FilePath(folder), names: names)))
    }

    /// Base names of the `.pat` markers in the set's folder, sorted.
    private static func patchNames(in folder: String) throws(JetError) -> [String] {
        let listed = try storage(try StorageIO.listFolder(FilePath(folder)))
        return listed.compactMap { name -> String? in
            guard name.lowercased().hasSuffix(".pat"), name.count > 4 else { return nil }
            return String(name.dropLast(4))
        }.sorted()
    }

    /// The database file of a `.pat` marker: same base name (any case), another extension, not a log. None: that
    /// database is skipped, as in ESE.
    private static func databaseFile(in folder: String, base: String, names: LogFileNames) throws(JetError)
        -> String?
    {
        for name in try storage(try StorageIO.listFolder(FilePath(folder)).sorted()) {
            guard let dot = name.lastIndex(of: "."), name[..<dot].lowercased() == base.lowercased(),
                !name.lowercased().hasSuffix(".pat"), names.parseArchived(name) == nil, name != names.currentLog,
                try storage(try StorageIO.isRegularFile(FilePath(folder + name)))
            else { continue }
            return name
        }
        return nil
    }

    // MARK: Logs after the set

    /// The logs of the instance's log folder that continue the set (roll-forward): archived generations after the
    /// set's last one, without a gap, then `<base>.log`. Every one must carry the set's signature (-610) and
    /// continue the chain of creation times (-611); a gap is -565.
    static func checkFollowingLogs(_ set: BackupLogSet, logFolder: String, names: LogFileNames) throws(JetError)
        -> FollowingLogs
    {
        let folder = LogFolder(path: FilePath(logFolder), names: names)
        if try storage(try StorageIO.resolvedPath(FilePath(logFolder)) == StorageIO.resolvedPath(set.folder.path)) {
            return FollowingLogs(folder: folder, paths: [], hasCurrent: false)
        }
        let archives = try storage(try Replay.scanArchives(folder))
        var paths: [String] = []
        var previous = set.lastHeader
        var next = set.high + 1
        for generation in archives.keys.sorted() where generation > set.high {
            guard generation == next, let name = archives[generation] else { throw .missingCurrentLogFiles }
            let header = try logHeader(folder.path.appending(name).string)
            guard header.signLog == set.signLog else { throw .existingLogFileHasBadSignature }
            guard header.previousCreated == previous.created else { throw .existingLogFileIsNotContiguous }
            paths.append(folder.path.appending(name).string)
            previous = header
            next += 1
        }
        var hasCurrent = false
        if try storage(try StorageIO.exists(folder.currentLogPath)) {
            let header = try logHeader(folder.currentLogPath.string)
            guard header.signLog == set.signLog else { throw .existingLogFileHasBadSignature }
            if header.generation > next { throw .missingCurrentLogFiles }
            guard header.generation == next, header.previousCreated == previous.created else {
                throw .existingLogFileIsNotContiguous
            }
            paths.append(folder.currentLogPath.string)
            hasCurrent = true
        }
        return FollowingLogs(folder: folder, paths: paths, hasCurrent: hasCurrent)
    }

    /// The header of a log file, checked (a file that is not a sound log is JET_errLogFileCorrupt).
    static func logHeader(_ path: String) throws(JetError) -> LogFileHeader {
        try storage(try LogFileImage.header(path: FilePath(path)))
    }

    // MARK: Copy, check, replay, rename

    /// Replays the set's logs and those after them, then copies every database beside its destination (verified,
    /// made consistent, synced) and renames the copies into place once all are good.
    static func bringBack(
        _ databases: [RestoredDatabase], set: BackupLogSet, following: FollowingLogs, params: ParameterValues,
        paths: InstancePaths, status: ProgressMeter
    ) throws(JetError) {
        let logPaths = set.paths + following.paths
        var logBytes: Int64 = 0
        for path in logPaths { logBytes &+= try storage(try StorageIO.size(FilePath(path))) }
        // What the copies write: both header pages and the data pages, not the trailer.
        let dbBytes = databases.reduce(Int64(0)) { $0 + (Int64($1.pgnoLast) + 2) * Int64($1.pageSize) }
        status.expect(total: logBytes + dbBytes)
        for db in databases { try db.checkDestinationFree() }
        // Hard recovery: the set's logs, then those after it in the instance's log folder (the one engine that
        // crash recovery runs too). Read-only: nothing is written until every log has been read and checked.
        let plan = replayPlan(set, following)
        let progress = status.isHeard ? ReplayProgress(read: { status.advance($0) }) : nil
        let outcome = try storage(hardRecovery: plan.hardRecovery, try Replay.run(plan, progress: progress))
        let copier = try CopyBuffer()
        defer { copier.release() }
        var made: [String] = []
        do throws(JetError) {
            for db in databases {
                made.append(db.copyPath)
                try db.copy(using: copier, consistentAt: outcome.lastGeneration, status: status)
            }
            // The copies are fuzzy: redo every committed page image of the range into them (the logs were all
            // checked by the pass above), then make them durable before they take their names.
            let redo = PageRedo(attached: []) { logged in
                databases.first { $0.header.signDb == logged.signDb }.map { FilePath($0.copyPath) }
            }
            _ = try storage(
                hardRecovery: plan.hardRecovery,
                try Replay.run(plan) { (record, _) throws(StorageFileError) in try redo.visit(record) })
            try storage(try redo.finish())
            for db in databases {
                try storage(try StorageIO.rename(FilePath(db.copyPath), FilePath(db.destination)))
                try storage(try StorageIO.syncFolder(Paths.folder(of: FilePath(db.destination))))
            }
        } catch {
            for path in made { try? StorageIO.remove(FilePath(path)) }
            throw error
        }
        try continueLog(params: params, paths: paths, setFolder: set.folder.path.string, outcome: outcome)
        status.complete()
    }

    /// The set's logs, then those that follow them.
    static func replayPlan(_ set: BackupLogSet, _ following: FollowingLogs) -> ReplayPlan {
        ReplayPlan(
            folders: following.paths.isEmpty ? [set.folder] : [set.folder, following.folder],
            firstGeneration: set.low, lastArchive: following.hasCurrent ? nil : set.high + Int32(following.paths.count),
            signLog: set.signLog, hardRecovery: true, includeCurrentLog: following.hasCurrent)
    }

    /// ESE leaves a restored instance its checkpoint in the system folder and a new log generation in the log
    /// folder, so that JetInit goes on from the restore. A current log there that the replay did not read (a
    /// restore whose roll-forward came from a running target's folder) is left alone, and so is the checkpoint;
    /// so is a log folder that is the backup set's own, which a restore never changes.
    private static func continueLog(
        params: ParameterValues, paths: InstancePaths, setFolder: String, outcome: ReplayOutcome
    ) throws(JetError) {
        let logFolder = try storage(try StorageIO.resolvedPath(FilePath(paths.log)))
        guard paths.logging, logFolder != (try storage(try StorageIO.resolvedPath(FilePath(setFolder)))) else { return }
        let names = LogFileNames(
            base: params[JET_paramBaseName].string, legacyFlags: params[JET_paramLegacyFileNames].integer)
        var replayed: CurrentLogTail?
        if let tail = outcome.currentLog,
            try storage(try StorageIO.resolvedPath(Paths.folder(of: tail.path))) == logFolder
        {
            replayed = tail
        }
        if replayed == nil, try storage(try StorageIO.exists(LogFolder(path: FilePath(paths.log), names: names).currentLogPath)) { return }
        try storage(
            try LogStream.continueAfterRestore(
                logDirectory: FilePath(paths.log), systemDirectory: FilePath(paths.system), names: names,
                fileSize: Int(params[JET_paramLogFileSize].integer) * 1024, signLog: outcome.signLog,
                last: (outcome.lastGeneration, outcome.lastCreated, outcome.lastDataSegments), replayed: replayed))
    }
}

/// The instance's logs that continue a backup set.
struct FollowingLogs {
    var folder: LogFolder
    var paths: [String]
    var hasCurrent: Bool
}

/// The archived logs of a backup set, generations low...high, with their headers checked: each present (-1811),
/// one signature (-555), an unbroken chain of creation times (-556).
struct BackupLogSet {
    var folder: LogFolder
    var low: Int32
    var high: Int32
    var signLog: Signature
    var lastHeader: LogFileHeader
    var paths: [String]

    static func check(
        folder: String, archives: [Int32: String], low: Int32, high: Int32, names: LogFileNames
    ) throws(JetError) -> BackupLogSet {
        guard low >= 1, low <= high else { throw .invalidParameter }
        var previous: LogFileHeader?
        var paths: [String] = []
        for generation in low...high {
            guard let name = archives[generation] else { throw .fileNotFound }
            let header = try Restore.logHeader(folder + name)
            guard header.generation == generation else { throw .logFileCorrupt }
            if let previous {
                guard header.signLog == previous.signLog else { throw .givenLogFileHasBadSignature }
                guard header.previousCreated == previous.created else { throw .givenLogFileIsNotContiguous }
            }
            previous = header
            paths.append(folder + name)
        }
        guard let last = previous else { throw .fileNotFound }
        return BackupLogSet(
            folder: LogFolder(path: FilePath(folder), names: names), low: low, high: high, signLog: last.signLog,
            lastHeader: last, paths: paths)
    }
}

/// One database of a backup set on its way back: the stream copy in the set (two stamped header pages, data pages,
/// the trailer), checked against the set, and where it goes.
struct RestoredDatabase {
    var source: String
    var destination = ""
    var header: DatabaseHeader
    var trailer: BackupTrailer
    var pageSize: Int
    var pgnoLast: UInt32
    var fileSize: Int64

    var copyPath: String { destination + Restore.copySuffix }

    func placed(at destination: String) -> RestoredDatabase {
        var placed = self
        placed.destination = destination
        return placed
    }

    /// ESE's per-database check (logutil.cxx ErrLGCheckDBFiles), read-only: a header that is not a database's
    /// -1206, not a backup copy -615, a bad trailer -535, signatures or backup mark that do not match -552, a copy
    /// that needs logs from before the set -554 or after it -553.
    static func check(_ path: String, set: BackupLogSet) throws(JetError) -> RestoredDatabase {
        guard try storage(try StorageIO.isRegularFile(FilePath(path))) else { throw .fileNotFound }
        let header: DatabaseHeader
        let fileSize: Int64
        do {
            (header, fileSize) = try DatabaseFile.readHeader(path: FilePath(path))
        } catch {
            switch error {
            case .notADatabase, .databaseDamaged: throw .databaseCorrupted
            default: throw JetError(error)
            }
        }
        guard header.bkinfoFullCur.genLow != 0 else { throw .restoreOfNonBackupDatabase }
        let pageSize = Int(header.pageSize)
        guard fileSize % Int64(pageSize) == 0, fileSize / Int64(pageSize) >= 4,
            fileSize / Int64(pageSize) - 3 <= Int64(UInt32.max)
        else { throw .badPatchPage }
        let trailer = try readTrailer(path, at: fileSize - Int64(pageSize), pageSize: pageSize)
        guard trailer.signDb == header.signDb, trailer.signLog == set.signLog, header.signLog == set.signLog,
            trailer.info.mark == header.bkinfoFullCur.mark
        else { throw .databasePatchFileMismatch }
        if Int64(trailer.info.genLow) < Int64(set.low) { throw .startingRestoreLogTooHigh }
        if Int64(trailer.generationMax) > Int64(set.high) { throw .endingRestoreLogTooLow }
        let pgnoLast = UInt32(fileSize / Int64(pageSize) - 3)
        guard trailer.pgnoLast == 0 || trailer.pgnoLast == pgnoLast else { throw .databaseCorrupted }
        return RestoredDatabase(
            source: path, header: header, trailer: trailer, pageSize: pageSize, pgnoLast: pgnoLast,
            fileSize: fileSize)
    }

    private static func readTrailer(_ path: String, at offset: Int64, pageSize: Int) throws(JetError)
        -> BackupTrailer
    {
        let file = try storage(try StorageFile.openForReading(FilePath(path)))
        let buffer = try storage(try PageBuffer(bytes: pageSize))
        defer { buffer.deallocate() }
        let got = try storage(try file.read(into: buffer.pointer, count: pageSize, at: offset))
        guard got == pageSize else { throw .badPatchPage }
        do {
            return try BackupTrailer.decode(buffer.pointer, pageSize: pageSize)
        } catch {
            throw .badPatchPage
        }
    }

    /// A destination another instance has attached (it holds the file's lock) is not replaced.
    func checkDestinationFree() throws(JetError) {
        if try storage(try StorageIO.isLockedByAnother(FilePath(destination))) { throw .databaseSharingViolation }
    }

    /// The copy beside the destination: header pages rewritten consistent (the backup marks cleared, as ESE's hard
    /// recovery leaves them), every data page verified, no trailer, synced.
    func copy(using copier: CopyBuffer, consistentAt generation: Int32, status: ProgressMeter) throws(JetError) {
        let input = try storage(try StorageFile.openForReading(FilePath(source)))
        let output = try storage(try StorageFile.create(FilePath(copyPath), overwrite: true))
        var restored = header
        restored.state = DatabaseHeader.stateCleanShutdown
        restored.bkinfoFullCur = .none
        restored.bkinfoFullPrev = .none
        restored.bkinfoIncPrev = .none
        restored.bkinfoDiffPrev = .none
        restored.bkinfoSnapshotCur = .none
        restored.fullPrevType = DatabaseHeader.backupTypeNone
        restored.incPrevType = DatabaseHeader.backupTypeNone
        restored.lgposConsistent = LogPosition(ib: 0, isec: 0, generation: generation)
        restored.logtimeConsistent = LogTime.now()
        restored.lgposDetach = restored.lgposConsistent
        restored.logtimeDetach = restored.logtimeConsistent
        let p = copier.buffer.pointer
        let end = (Int64(pgnoLast) + 2) * Int64(pageSize)
        // Blocks small enough that the callback hears every percent, in whole pages.
        let block = status.piece(unit: pageSize, max: CopyBuffer.bytes)
        var offset: Int64 = 0
        while offset < end {
            let count = Int(min(Int64(block), end - offset))
            let got = try storage(try input.read(into: p, count: count, at: offset))
            guard got == count else { throw .databaseCorrupted }
            var page = 0
            var index = offset / Int64(pageSize)
            let pages = (count + pageSize - 1) / pageSize
            while index < 2 && page < pages {
                restored.encode(into: p + page * pageSize, pageSize: pageSize)
                page += 1
                index += 1
            }
            // The data pages of the block in one pass; the first bad one (in page order) fails the restore.
            if page < pages,
                let bad = DatabaseFile.firstFailure(
                    p + page * pageSize, firstPgno: UInt32(index - 1), count: pages - page, pageSize: pageSize)
            {
                throw JetError(bad.failure)
            }
            try storage(try output.write(p, count: count, at: offset))
            offset += Int64(count)
            status.advance(Int64(count))
        }
        try storage(try output.sync())
    }
}
