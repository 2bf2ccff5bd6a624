import CEsent
import SystemPackage

/// Instance creation, initialization, termination and the process-wide mode.
package enum Lifecycle {
    // MARK: JetCreateInstance

    package static func createInstance(name: String?, displayName: String?) throws(JetError) -> UInt {
        try registry.withLock { (r) throws(JetError) -> UInt in
            switch r.mode {
            case .oneInstance: throw .runningInOneInstanceMode
            case .notSet, .multiInstance: break
            }
            let instance = try r.addInstance(name: name, displayName: displayName, switchingTo: .multiInstance)
            return instance.handle
        }
    }

    // MARK: JetInit

    /// `handle` is `*pinstance` (nil when the pointer itself is NULL). Returns the initialized handle.
    /// On failure other than JET_errAlreadyInitialized the instance is gone and `destroyed` tells the caller
    /// to NULL `*pinstance`.
    package static func initialize(handle: UInt?, recovery: RecoveryOptions = RecoveryOptions()) throws(InitFailure)
        -> UInt
    {
        let instance: Instance
        do {
            instance = try registry.withLock { (r) throws(JetError) -> Instance in
                switch r.mode {
                case .multiInstance:
                    guard let handle else { throw .runningInMultiInstanceMode }
                    if handle == 0 || handle == nilHandle {
                        return try r.addInstance(name: nil, displayName: nil, switchingTo: .multiInstance)
                    }
                    return try r.findInstance(handle)
                case .oneInstance:
                    throw .alreadyInitialized
                case .notSet:
                    // `*pinstance` is not looked at here: legacy hosts often pass an uninitialized variable.
                    return try r.addInstance(name: nil, displayName: nil, switchingTo: .oneInstance)
                }
            }
        } catch {
            throw InitFailure(error: error, destroyed: false)
        }
        do {
            try initialize(instance, recovery: recovery)
            return instance.handle
        } catch .alreadyInitialized {
            throw InitFailure(error: .alreadyInitialized, destroyed: false)
        } catch {
            // A failed JetInit destroys the instance, whoever created it.
            instance.state.withLock { s in
                s.log = nil
                s.databases = []
                s.phase = .terminated
            }
            registry.withLock { r in r.remove(instance) }
            throw InitFailure(error: error, destroyed: true)
        }
    }

    package struct InitFailure: Error {
        package var error: JetError
        package var destroyed: Bool
    }

    /// JetInit3's JET_RSTINFO: where databases the log names have moved to, and the caller's status callback.
    package struct RecoveryOptions {
        /// (path as the log names it, path where the database is now), both absolute.
        package var relocations: [(logged: String, now: String)] = []
        package var status = ProgressMeter(nil)

        package init(relocations: [(logged: String, now: String)] = [], status: ProgressMeter = ProgressMeter(nil)) {
            self.relocations = relocations
            self.status = status
        }

        /// Where the database the log calls `path` is now.
        func place(_ path: String) -> String { relocations.first { $0.logged == path }?.now ?? path }
    }

    private static func initialize(_ instance: Instance, recovery: RecoveryOptions) throws(JetError) {
        // Step 1, under the instance lock: claim it and work out its folders.
        let paths = try instance.state.withLock { (s) throws(JetError) -> InstancePaths in
            switch s.phase {
            case .created: break
            case .initializing, .running: throw .alreadyInitialized
            case .restoring: throw .restoreInProgress
            case .terminated: throw .invalidInstance
            }
            let paths = try resolveFolders(&s.params)
            s.phase = .initializing
            return paths
        }
        // Step 2, under the registry lock: no other initialized instance may share them (ErrCheckUniquePath).
        // JET_paramCacheSizeMax is process-wide: its value now is in the global table, whether it was set before
        // or after this instance was created (the instance's copy only holds what was set before).
        let cacheSizeMax: ParameterValue
        do {
            cacheSizeMax = try registry.withLock { (r) throws(JetError) -> ParameterValue in
                try r.checkUniquePaths(paths, for: instance)
                r.pathsInUse[instance.handle] = paths
                return r.globals[JET_paramCacheSizeMax]
            }
        } catch {
            instance.state.withLock { s in s.phase = .created }
            throw error
        }
        // Step 3: the files, outside the lock (the phase keeps other calls out), so the status callback, which
        // hears the replay's progress, may call into the API.
        let params = instance.state.withLock { s in s.params }
        recovery.status.begin()
        let log: LogStream?
        do throws(JetError) {
            log = try openFiles(params, paths: paths, recovery: recovery)
        } catch {
            instance.state.withLock { s in s.phase = .created }
            throw error
        }
        instance.state.withLock { s in
            s.log = log
            s.paths = paths
            var storeParams = s.params
            storeParams[JET_paramCacheSizeMax] = cacheSizeMax
            s.trees = PagedTreeStore(settings: PagedTreeStore.settings(storeParams, pageSize: s.pageSize))
            s.phase = .running
            instance.setRunning(true)
            s.backupAllowed = true
        }
        recovery.status.complete()
    }

    /// Folders resolve against the current directory now, at JetInit or a restore.
    static func resolveFolders(_ params: inout ParameterValues) throws(JetError) -> InstancePaths {
        let cwd = try CallerPath.currentDirectory()
        for id in [JET_paramSystemPath, JET_paramLogFilePath] {
            params[id] = .string(Paths.folder(params[id].string, from: cwd))
        }
        return InstancePaths(
            system: params[JET_paramSystemPath].string,
            log: params[JET_paramLogFilePath].string,
            temp: Paths.absolute(tempDatabasePath(params), from: cwd),
            logging: SystemParameters.loggingEnabled(recovery: params[JET_paramRecovery].string),
            usesTempDatabase: params[JET_paramMaxTemporaryTables].integer > 0)
    }

    /// TempPath resolved as ESE does at JetInit: a bare name goes under the system path, a folder gets
    /// `tmp.edb`.
    static func tempDatabasePath(_ params: ParameterValues) -> String {
        let temp = params[JET_paramTempPath].string
        if temp.hasSuffix("/") { return temp + "tmp.edb" }
        if !temp.contains("/") { return params[JET_paramSystemPath].string + temp }
        return temp
    }

    private static func openFiles(_ params: ParameterValues, paths: InstancePaths, recovery: RecoveryOptions)
        throws(JetError) -> LogStream?
    {
        let createFolders = params[JET_paramCreatePathIfNotExist].integer != 0
        let logFileBytes = Int(params[JET_paramLogFileSize].integer) * 1024
        // Log files are written in 4 KiB segments, the sector size this library assumes.
        guard logFileBytes % LogStream.segmentSize == 0 else { throw .invalidSettings }
        let folders: [(String, JetError)] = [
            (paths.system, .invalidSystemPath), (paths.log, .invalidLogDirectory),
            (Paths.directory(of: paths.temp), .invalidPath),
        ]
        for (folder, missing) in folders {
            if createFolders {
                try storage(try StorageIO.makeFolders(FilePath(folder)))
            } else if try !storage(try StorageIO.isDirectory(FilePath(folder))) {
                throw missing
            }
        }
        guard paths.logging else { return nil }
        let names = LogFileNames(
            base: params[JET_paramBaseName].string, legacyFlags: params[JET_paramLegacyFileNames].integer)
        let status = recovery.status
        let (log, replayed) = try storage(
            try LogStream.open(
                logDirectory: FilePath(paths.log), systemDirectory: FilePath(paths.system), names: names,
                fileSize: logFileBytes,
                progress: status.isHeard
                    ? ReplayProgress(start: { status.expect(total: $0) }, read: { status.advance($0) }) : nil,
                pageTarget: { db in db.path.isEmpty ? nil : FilePath(recovery.place(db.path)) }))
        // After a crash, databases the log left attached are made consistent and detached.
        for entry in replayed.attachedAtEnd {
            try DatabaseOperations.markConsistentAfterRecovery(
                path: recovery.place(entry.path), signDb: entry.signDb, log: log)
            // Recorded as detached, so the next recovery does not meet it again.
            _ = try storage(try log.append(.detachDatabase(dbid: entry.dbid, path: entry.path), flush: true))
        }
        // Detached in the log, but the crash may have come before the header said so: redo that header write.
        for entry in replayed.detachedInReplay {
            try DatabaseOperations.markConsistentAfterRecovery(
                path: recovery.place(entry.path), signDb: entry.signDb, log: log)
        }
        log.circular = params[JET_paramCircularLog].integer != 0
        log.discardUnneededArchives()
        return log
    }

    /// `mkdir -p` for JET_paramCreatePathIfNotExist.
    static func makeFolders(_ folder: String) throws(JetError) {
        try storage(try StorageIO.makeFolders(FilePath(folder)))
    }

    // MARK: JetTerm

    /// Returns JET_errDirtyShutdown's value as a successful outcome for JET_bitTermDirty.
    package static func terminate(handle: UInt, grbit: UInt) throws(JetError) -> JetError? {
        let known = UInt(JET_bitTermComplete | JET_bitTermAbrupt | JET_bitTermStopBackup | JET_bitTermDirty)
        guard grbit & ~known == 0 else { throw .invalidGrbit }
        let instance = try Registry.instance(handle)
        // Abrupt and StopBackup wait for the instance's OS snapshot to end, bounded by its timeout.
        if grbit & UInt(JET_bitTermStopBackup | JET_bitTermAbrupt) != 0 { OSSnapshot.awaitSessionEnd(instance) }
        // Whatever the grbit, a JetBackup in progress stops at its next step with JET_errTermInProgress and ends
        // its backup as aborted; the term goes on once it has returned (ESE's backup.cxx checks the same flag).
        instance.termRequested.store(true, ordering: .sequentiallyConsistent)
        do throws(JetError) {
            try FolderBackup.awaitReturn(instance)
            return try terminateLocked(instance, grbit: grbit)
        } catch {
            instance.termRequested.store(false, ordering: .sequentiallyConsistent)
            throw error
        }
    }

    private static func terminateLocked(_ instance: Instance, grbit: UInt) throws(JetError) -> JetError? {
        let outcome = try instance.state.withLock { (s) throws(JetError) -> JetError? in
            switch s.phase {
            case .terminated: throw .invalidInstance
            case .initializing: throw .initInProgress
            case .restoring: throw .restoreInProgress
            case .created:
                // Never initialized: simply freed.
                s.phase = .terminated
                return nil
            case .running: break
            }
            // Cleared before anything can fail and never restored.
            s.backupAllowed = false
            let dirty = grbit & UInt(JET_bitTermDirty) != 0
            if grbit & UInt(JET_bitTermStopBackup | JET_bitTermAbrupt) != 0 && s.backup.isRunning {
                StreamingBackup.forceEnd(&s, instance: instance)
            }
            if !dirty && (s.backup.isRunning || instance.writeGate.holdsBackup) { throw .backupInProgress }
            // A failure here leaves the instance up, so the term can be tried again.
            try DatabaseOperations.closeAll(&s, clean: !dirty)
            // A dirty term drops a running backup as a crash would: its open file (and the database lock
            // behind it) goes now, not whenever the last reference to this instance does.
            s.backup = BackupContext()
            s.sessions = [:]
            s.phase = .terminated
            instance.setRunning(false)
            return dirty ? .dirtyShutdown : nil
        }
        registry.withLock { r in r.remove(instance) }
        // Its ISAM sessions, their transactions and cursors go with it.
        IsamSessions.forget(instance)
        // A terminated instance belongs to no snapshot session any more.
        instance.writeGate.leave(nil)
        return outcome
    }

    // MARK: JetGetInstanceInfo

    package struct InstanceSummary {
        package var handle: UInt
        package var name: String?
        /// Full paths of the logged, read-write databases: the ones a backup covers.
        package var databases: [String]
    }

    /// Every instance, initialized or not, in creation order. Takes no instance lock: the registry lock only to
    /// copy the list, then each instance's published database paths, so a call in progress on any instance
    /// never holds this one up (nor, through the registry lock, everyone else).
    package static func instanceInfo() -> [InstanceSummary] {
        // A fresh array, built under the lock: the registry's own buffer is not read after the lock is released.
        let instances = registry.withLock { r in r.order.map { $0 } }
        return instances.map { instance in
            InstanceSummary(
                handle: instance.handle, name: instance.name, databases: instance.publishedDatabases.current)
        }
    }

    // MARK: JetEnableMultiInstance

    package struct SettingRequest {
        var paramid: CUnsignedLong
        var integer: UInt
        var string: String?

        package init(paramid: CUnsignedLong, integer: UInt, string: String?) {
            self.paramid = paramid
            self.integer = integer
            self.string = string
        }
    }

    /// Sets (first call) or verifies (later calls) the global parameters and enters multi-instance mode.
    /// Returns how many entries were set or verified and the call's error. `results[i]` gets each visited
    /// entry's own outcome (0 or an error); entries after a failed first-call entry stay nil, untouched.
    package static func enableMultiInstance(_ settings: [SettingRequest], results: inout [Int32?])
        -> (succeeded: Int, error: JetError?)
    {
        registry.withLock { r -> (succeeded: Int, error: JetError?) in
            var succeeded = 0
            switch r.mode {
            case .oneInstance:
                return (0, .runningInOneInstanceMode)
            case .multiInstance:
                // A second call only verifies: any difference is a conflict, full agreement is -1082.
                var conflict = false
                var supplied = Set<UInt32>()
                for (i, setting) in settings.enumerated() {
                    do throws(JetError) {
                        let spec = try SystemParameters.spec(setting.paramid)
                        supplied.insert(spec.id)
                        let wanted = try SystemParameters.normalize(
                            spec, integer: setting.integer, string: setting.string)
                        let writeOnceUnset = spec.writeOnceGlobal && !r.globals.isSet(spec)
                        // String values compare by pointer in ESE, so they always differ.
                        if writeOnceUnset || r.globals.value(spec) != wanted || spec.kind.isString {
                            results[i] = JetError.systemParameterConflict.rawValue
                            conflict = true
                        } else {
                            results[i] = 0
                            succeeded += 1
                        }
                    } catch {
                        results[i] = JetError.systemParameterConflict.rawValue
                        conflict = true
                    }
                }
                for spec in SystemParameters.table.values
                where spec.writeOnceGlobal && r.globals.isSet(spec) && !supplied.contains(spec.id) {
                    conflict = true
                }
                return (succeeded, conflict ? .systemParameterConflict : .systemParamsAlreadySet)
            case .notSet:
                for (i, setting) in settings.enumerated() {
                    do throws(JetError) {
                        try Parameters.setGlobal(
                            &r, paramid: setting.paramid, integer: setting.integer, string: setting.string)
                        results[i] = 0
                        succeeded += 1
                    } catch {
                        // Stops at the first failure; earlier entries stay set and the mode stays unset.
                        results[i] = error.rawValue
                        return (succeeded, error)
                    }
                }
                r.mode = .multiInstance
                r.instanceLimit = Int(r.globals[JET_paramMaxInstances].integer)
                return (succeeded, nil)
            }
        }
    }

    // MARK: JetStopBackup / JetStopService

    /// JetStopBackupInstance: atomics only (InstanceStops), neither the registry lock nor the instance's.
    package static func stopBackup(handle: UInt) throws(JetError) {
        InstanceStops.request(try InstanceStops.find(handle))
    }

    /// JetStopBackup.
    package static func stopBackupLegacy() throws(JetError) {
        InstanceStops.request(try InstanceStops.findLegacy())
    }

    package static func stopBackup(_ instance: Instance) {
        InstanceStops.request(instance.handle)
    }

    /// JetStopServiceInstance2. Atomics only, as the backup stops: a stop never waits, neither for a call in
    /// progress nor for the registry lock.
    package static func stopService(handle: UInt, grbit: UInt) throws(JetError) {
        let target = try InstanceStops.find(handle)
        let resume = UInt(bitPattern: Int(JET_bitStopServiceResume))
        let background = UInt(JET_bitStopServiceBackgroundUserTasks)
        let quiesce = UInt(JET_bitStopServiceQuiesceCaches)
        let emitLog = UInt(JET_bitStopServiceStopAndEmitLog)
        guard grbit & ~(resume | background | quiesce | emitLog) == 0 else { throw .invalidGrbit }
        typealias Flag = InstanceStops.Flag
        let requested = (grbit & ~resume) << Flag.serviceBitsShift
        let found = try InstanceStops.update(target) { (flags) throws(JetError) -> UInt? in
            // The version store exists only after JetInit; ESE would crash here, we say so.
            guard flags & Flag.running != 0 else { throw .notInitialized }
            if grbit & resume != 0 {
                if requested != 0 { return flags & ~requested }
                // "All" cannot be resumed; the legacy stop records no bits, so resuming it does nothing.
                if flags & Flag.stoppedAll != 0 { throw .clientRequestToStopJetService }
                return flags & ~Flag.serviceBits
            }
            if grbit == 0 {
                return flags | Flag.stoppedAll | Flag.serviceStopped
                    | (background | quiesce) << Flag.serviceBitsShift
            }
            // Stopping the log goes alone.
            if grbit & emitLog != 0 && grbit != emitLog { throw .invalidGrbit }
            return flags | requested
        }
        // Terminated (and gone from the registry) since it was found.
        guard found != nil else { throw .invalidInstance }
    }

    /// The legacy JetStopServiceInstance: stops everything, records no bits.
    package static func stopServiceInstance(handle: UInt) throws(JetError) {
        try stopServiceLegacy(target: try InstanceStops.find(handle))
    }

    /// JetStopService: the one-instance mode's instance.
    package static func stopServiceLegacy() throws(JetError) {
        try stopServiceLegacy(target: try InstanceStops.findLegacy())
    }

    private static func stopServiceLegacy(target: UInt) throws(JetError) {
        let found = try InstanceStops.update(target) { (flags) throws(JetError) -> UInt? in
            guard flags & InstanceStops.Flag.running != 0 else { throw .notInitialized }
            return flags | InstanceStops.Flag.serviceStopped
        }
        guard found != nil else { throw .invalidInstance }
    }
}

extension RegistryState {
    /// ESE's ErrCheckUniquePath: no other initialized instance may use the same temp, system or log folder.
    func checkUniquePaths(_ paths: InstancePaths, for instance: Instance) throws(JetError) {
        for (other, used) in pathsInUse where other != instance.handle {
            if paths.usesTempDatabase && used.usesTempDatabase && paths.temp == used.temp {
                throw .tempPathInUse
            }
            if paths.logging && used.logging {
                if paths.system == used.system { throw .systemPathInUse }
                if paths.log == used.log { throw .logFilePathInUse }
            }
        }
    }

    /// ESE's ErrNewInst: limit, unique name, clone of the global parameters.
    mutating func addInstance(name: String?, displayName: String?, switchingTo newMode: RunMode) throws(JetError)
        -> Instance
    {
        let limit = mode == .notSet
            ? (newMode == .oneInstance ? 1 : Int(globals[JET_paramMaxInstances].integer)) : instanceLimit
        guard instances.count < limit else { throw .tooManyInstances }
        // Case-sensitive, and two unnamed instances collide too.
        if order.contains(where: { $0.name == name }) { throw .instanceNameInUse }
        // The handle's word in InstanceStops must be free; with fewer live instances than words, one of the next
        // `capacity` handles has it.
        var handle = newHandle(tag: HandleTag.instance)
        var tries = 1
        while !InstanceStops.claim(handle) {
            guard tries < InstanceStops.capacity else { throw .tooManyInstances }
            handle = newHandle(tag: HandleTag.instance)
            tries += 1
        }
        let instance = Instance(handle: handle, name: name, displayName: displayName, params: globals)
        if mode == .notSet {
            mode = newMode
            instanceLimit = limit
        }
        instances[instance.handle] = instance
        order.append(instance)
        InstanceStops.publish(mode: mode, first: order.first?.handle)
        return instance
    }
}
