import CEsent
import Synchronization
import SystemPackage

/// JetExternalRestore / JetExternalRestore2: a streamed backup the caller wrote to disk — its logs in a folder,
/// each database stream wherever the caller put it (the map's new name) and restored there. Same engine as
/// JetRestore*: every check first, then hard recovery over the set's logs and those that follow them, then each
/// database copied beside itself, verified, made consistent and renamed over the stream copy.
package struct ExternalRestoreRequest {
    package var checkpointFolder: String?
    package var logFolder: String?
    /// (szDatabaseName, szNewDatabaseName) of each JET_RSTMAP entry.
    package var map: [(original: String, restored: String)]
    /// The caller's count, checked after the logs as ESE does (its map holds the entries only when it was valid).
    package var mapCount: Int
    package var backupLogFolder: String?
    package var genLow: Int
    package var genHigh: Int
    /// JET_LOGINFO's base name, nil for JetExternalRestore (the global default applies).
    package var baseName: String?
    package var targetName: String?
    package var targetLogFolder: String?
    package var targetCheckpointFolder: String?

    package init(
        checkpointFolder: String?, logFolder: String?, map: [(original: String, restored: String)], mapCount: Int,
        backupLogFolder: String?, genLow: Int, genHigh: Int, baseName: String?, targetName: String?,
        targetLogFolder: String?, targetCheckpointFolder: String?
    ) {
        self.checkpointFolder = checkpointFolder
        self.logFolder = logFolder
        self.map = map
        self.mapCount = mapCount
        self.backupLogFolder = backupLogFolder
        self.genLow = genLow
        self.genHigh = genHigh
        self.baseName = baseName
        self.targetName = targetName
        self.targetLogFolder = targetLogFolder
        self.targetCheckpointFolder = targetCheckpointFolder
    }
}

extension Restore {
    /// ESE's limit on map entries (dbidMax * 2).
    static let maxMapEntries = 14
    /// The same limit for the ABI, which reads the caller's array only when its count is within it.
    package static var maxMapEntriesForABI: Int { maxMapEntries }
    /// Numbers the temporary instances' names, modulo 10000 as in ESE.
    private static let instanceCounter = Atomic<Int>(0)

    /// JetInit3's map with both paths made absolute against the current directory.
    package static func absoluteRelocations(_ map: [(original: String, restored: String)]) throws(JetError)
        -> [(logged: String, now: String)]
    {
        let cwd = try CallerPath.currentDirectory()
        return map.map { (Paths.absolute($0.original, from: cwd), Paths.absolute($0.restored, from: cwd)) }
    }

    package static func externalRestore(_ request: ExternalRestoreRequest, status: ProgressMeter) throws(JetError) {
        let hasTargetLog = !(request.targetLogFolder ?? "").isEmpty
        let hasTargetCheckpoint = !(request.targetCheckpointFolder ?? "").isEmpty
        let hasTargetName = !(request.targetName ?? "").isEmpty
        guard hasTargetLog == hasTargetCheckpoint, !(hasTargetName && hasTargetLog) else { throw .invalidParameter }
        let cwd = try CallerPath.currentDirectory()
        let targetLog = hasTargetLog ? Paths.folder(request.targetLogFolder ?? "", from: cwd) : nil
        let (instance, target) = try registry.withLock { (r) throws(JetError) -> (Instance, Instance?) in
            switch r.mode {
            case .oneInstance: throw .runningInOneInstanceMode
            case .notSet:
                // Sticky, as in ESE: a failure below leaves the process in multi-instance mode.
                r.mode = .multiInstance
                r.instanceLimit = Int(r.globals[JET_paramMaxInstances].integer)
            case .multiInstance: break
            }
            var target: Instance?
            if hasTargetName {
                // Initialized, named instances only; the name compares case-sensitively.
                target = r.order.first { $0.name == request.targetName && $0.isRunning }
                guard target != nil else { throw .badRestoreTargetInstance }
            } else if let targetLog {
                target = r.order.first { candidate in
                    guard let used = r.pathsInUse[candidate.handle] else { return false }
                    return used.log.lowercased() == targetLog.lowercased()
                }
            }
            let counter = (instanceCounter.wrappingAdd(1, ordering: .relaxed).newValue) % 10000
            let suffix = String(repeating: "0", count: max(0, 4 - String(counter).count)) + String(counter)
            let name: String
            if let target {
                let shown = target.displayName ?? target.name ?? ""
                name = shown + " " + " - " + temporaryInstanceName + suffix
            } else {
                name = temporaryInstanceName + suffix
            }
            let made = try r.addInstance(name: name, displayName: nil, switchingTo: .multiInstance)
            return (made, target)
        }
        // The running target's logs follow the set's: they are read where it writes them.
        var rollForward: String?
        if let target {
            rollForward = try target.withAPI { (s) throws(JetError) -> String in
                let wanted = (request.baseName ?? s.baseName).lowercased()
                guard wanted.prefix(3) == s.baseName.lowercased().prefix(3) else { throw .badRestoreTargetInstance }
                guard let log = s.log else { throw .loggingDisabled }
                // Everything it logged so far is in archives once the generation it is writing is closed.
                if s.params[JET_paramCircularLog].integer == 0 { try storage(try log.roll()) }
                return log.logDirectory.string + "/"
            }
        } else if let targetLog {
            rollForward = targetLog
        }
        try instance.state.withLock { (s) throws(JetError) in
            if let baseName = request.baseName { s.params[JET_paramBaseName] = .string(baseName) }
            s.params[JET_paramLogFilePath] = .string(Paths.folder(request.logFolder ?? "", from: cwd))
            let checkpoint = Paths.folder(request.checkpointFolder ?? "", from: cwd)
            s.params[JET_paramSystemPath] = .string(checkpoint)
            s.params[JET_paramTempPath] = .string(checkpoint)
        }
        try restore(instance, temporary: true) { (params, paths) throws(JetError) in
            try restoreStreamed(request, params: params, paths: paths, rollForward: rollForward, status: status)
        }
    }

    private static func restoreStreamed(
        _ request: ExternalRestoreRequest, params: ParameterValues, paths: InstancePaths, rollForward: String?,
        status: ProgressMeter
    ) throws(JetError) {
        // The folders are made first and stay, as in ESE.
        for folder in [paths.system, paths.log, Paths.directory(of: paths.temp)] { try Lifecycle.makeFolders(folder) }
        // A NULL or empty backup folder would make ESE read the current directory; here it is a bad argument.
        guard let backup = request.backupLogFolder, !backup.isEmpty else { throw .invalidParameter }
        guard request.genLow >= 1, request.genLow <= request.genHigh, request.genHigh <= Int(LogStream.maxGeneration)
        else { throw .invalidParameter }
        let cwd = try CallerPath.currentDirectory()
        let names = LogFileNames(
            base: params[JET_paramBaseName].string, legacyFlags: params[JET_paramLegacyFileNames].integer)
        let folder = Paths.folder(backup, from: cwd)
        let archives = try storage(try Replay.scanArchives(LogFolder(path: FilePath(folder), names: names)))
        let set = try BackupLogSet.check(
            folder: folder, archives: archives, low: Int32(request.genLow), high: Int32(request.genHigh),
            names: names)
        let following = try checkFollowingLogs(set, logFolder: rollForward ?? paths.log, names: names)
        guard request.mapCount >= 0, request.mapCount <= maxMapEntries else { throw .invalidParameter }
        // Each stream is the database its signature says (header and trailer agree on it), whatever
        // szDatabaseName says: ESE gives the log's attach of a database to the first map entry whose file carries
        // that signature, so a renamed or wrong szDatabaseName still restores. A later entry holding the same
        // database (a second copy, or the same file twice) is not restored and stays as it is.
        var databases: [RestoredDatabase] = []
        for entry in request.map {
            // Restored in place: the stream copy is replaced by the consistent database.
            let path = Paths.absolute(entry.restored, from: cwd)
            let checked = try RestoredDatabase.check(path, set: set)
            if databases.contains(where: { $0.header.signDb == checked.header.signDb }) { continue }
            databases.append(checked.placed(at: path))
        }
        status.begin()
        if request.map.isEmpty { databases = try loggedDatabases(set, following) }
        try bringBack(databases, set: set, following: following, params: params, paths: paths, status: status)
    }

    /// An empty map: as ESE replays every attach at the path the log names, each database the set's logs create or
    /// attach is restored in place when the file at that path is a backup copy of it (a missing file, another
    /// database or a file that is no backup copy is left alone).
    private static func loggedDatabases(_ set: BackupLogSet, _ following: FollowingLogs) throws(JetError)
        -> [RestoredDatabase]
    {
        let plan = replayPlan(set, following)
        let outcome = try storage(hardRecovery: plan.hardRecovery, try Replay.run(plan))
        var databases: [RestoredDatabase] = []
        for logged in outcome.touched + outcome.attached {
            guard !databases.contains(where: { $0.destination == logged.path }),
                try storage(try StorageIO.isRegularFile(FilePath(logged.path)))
            else { continue }
            let checked: RestoredDatabase
            do throws(JetError) {
                checked = try RestoredDatabase.check(logged.path, set: set)
            } catch .restoreOfNonBackupDatabase {
                continue
            }
            guard checked.header.signDb == logged.signDb,
                !databases.contains(where: { $0.header.signDb == logged.signDb })
            else { continue }
            databases.append(checked.placed(at: logged.path))
        }
        return databases
    }
}
