import CEsent
import SystemPackage

/// Creating, attaching, detaching, opening and sizing databases.
package enum DatabaseOperations {
    /// ESE's dbidMax of 7 less the temporary database.
    static let maxAttached = 6
    /// Data pages of a new database: 1 MiB at the default page size, as a fresh ESE database.
    static let initialDataPages: UInt32 = 256
    /// Pages before page 1 of data: the header and its shadow copy.
    static let headerPages: UInt32 = 2

    static func absolutePath(_ path: String) throws(JetError) -> (absolute: String, resolved: String) {
        guard !path.isEmpty else { throw .databaseInvalidPath }
        return try CallerPath.resolve(path)
    }

    private static func nextDbid(_ s: borrowing InstanceState) throws(JetError) -> UInt32 {
        guard s.databases.count < maxAttached else { throw .tooManyAttachedDatabases }
        var dbid: UInt32 = 1
        while s.databases.contains(where: { $0.dbid == dbid }) { dbid += 1 }
        return dbid
    }

    private static func attached(_ s: borrowing InstanceState, resolved: String) -> AttachedDatabase? {
        s.databases.first { $0.resolvedPath == resolved }
    }

    // MARK: JetCreateDatabase

    package static func create(_ sesid: UInt, path: String, grbit: UInt) throws(JetError) -> UInt32 {
        let known = UInt(JET_bitDbRecoveryOff | JET_bitDbShadowingOff | JET_bitDbOverwriteExisting)
        if grbit & UInt(JET_bitDbVersioningOff) != 0 { throw .cannotDisableVersioning }
        guard grbit & ~known == 0 else { throw .invalidGrbit }
        let (absolute, _) = try absolutePath(path)
        let instance = try Registry.session(sesid)
        return try instance.withWritingSession(sesid) { (s, session, gate) throws(JetError) -> WriteStep<UInt32> in
            guard session.transactionLevel == 0 else { throw .inTransaction }
            guard gate.isOpen else { return .waitForThaw }
            let resolvedBefore = try storage(try StorageIO.resolvedPath(CallerPath.filePath(absolute)))?.string ?? absolute
            if attached(s, resolved: resolvedBefore) != nil { throw .databaseDuplicate }
            // The instance's own log, checkpoint and temporary database are never a database to create over.
            if let log = s.log, log.ownsFile(CallerPath.filePath(absolute)) || log.ownsFile(CallerPath.filePath(resolvedBefore)) { throw .fileAccessDenied }
            if let paths = s.paths, usesTempDatabase(paths), [absolute, resolvedBefore].contains(paths.temp) {
                throw .fileAccessDenied
            }
            let dbid = try nextDbid(s)
            let logged = s.loggingEnabled && grbit & UInt(JET_bitDbRecoveryOff) == 0
            var header = DatabaseHeader.new(pageSize: s.pageSize)
            if let log = s.log {
                header.signLog = log.signature
            }
            let log = logged ? s.log : nil
            // The create record is logged once the file is complete and before it takes its name: a failed
            // create logs nothing, and a crash in between leaves a record whose file replay does not find.
            let file: DatabaseFile
            do throws(DatabaseCreateFailure<JetError>) {
                file = try DatabaseFile.create(
                    path: CallerPath.filePath(absolute), pageSize: s.pageSize, dataPages: Int(initialDataPages), header: header,
                    overwrite: grbit & UInt(JET_bitDbOverwriteExisting) != 0
                ) { (header) throws(JetError) in
                    guard let log else { return }
                    header.lgposAttach = try storage(
                        try log.append(.createDatabase(dbid: dbid, path: absolute, signDb: header.signDb), flush: true))
                    header.logtimeAttach = LogTime.now()
                }
            } catch {
                switch error {
                case .file(let failure): throw JetError(failure)
                case .record(let failure): throw failure
                }
            }
            // The file exists and its creation is logged: a failure to resolve it now must not undo that, so the
            // lexical path stands in.
            let resolved = (try? StorageIO.resolvedPath(CallerPath.filePath(absolute))).flatMap { $0?.string } ?? absolute
            let db = AttachedDatabase(
                dbid: dbid, path: absolute, resolvedPath: resolved, file: file, readOnly: false, logged: logged)
            do throws(StorageError) { try s.trees.attach(dbid: dbid, file: file) } catch { throw JetError(error) }
            db.opens[sesid, default: 0] += 1
            s.databases.append(db)
            return .done(dbid)
        }
    }

    private static func usesTempDatabase(_ paths: InstancePaths) -> Bool { paths.usesTempDatabase }

    // MARK: JetAttachDatabase

    /// Returns false when the database was attached already (JET_wrnDatabaseAttached).
    package static func attach(_ sesid: UInt, path: String, grbit: UInt) throws(JetError) -> Bool {
        let known = UInt(
            JET_bitDbReadOnly | JET_bitDbExclusive | JET_bitDbDeleteCorruptIndexes | JET_bitDbUpgrade
                | JET_bitDbDeleteUnicodeIndexes | JET_bitDbRecoveryOff)
        if grbit & UInt(JET_bitDbVersioningOff) != 0 { throw .cannotDisableVersioning }
        guard grbit & ~known == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        return try instance.withWritingSession(sesid) { (s, session, gate) throws(JetError) -> WriteStep<Bool> in
            guard session.transactionLevel == 0 else { throw .inTransaction }
            let (absolute, resolved) = try absolutePath(path)
            // Frozen by an OS snapshot: wait for the thaw; after it, until End, the snapshot's flags give -505.
            guard gate.isOpen else { return .waitForThaw }
            if s.backup.isRunning || gate.holdsBackup { throw .backupInProgress }
            if attached(s, resolved: resolved) != nil { return .done(false) }
            guard let status = try storage(try StorageIO.status(CallerPath.filePath(absolute))), status.isRegularFile else { throw .fileNotFound }
            let readOnly = grbit & UInt(JET_bitDbReadOnly) != 0
            // No write bit for anyone means read-only, even for root, who bypasses permissions.
            if !readOnly && (!status.isWritable || !status.hasWriteBit) { throw .databaseFileReadOnly }
            let dbid = try nextDbid(s)
            let file = try storage(try DatabaseFile.open(path: CallerPath.filePath(absolute), readOnly: readOnly))
            var header = file.header
            guard file.pageSize == s.pageSize else { throw .pageSizeMismatch }
            // A raw backup copy (streamed or JetBackup's) needs a restore first; ESE checks this before the
            // dirty state, which such a copy also has (ESE's ErrDBReadHeaderCheckConsistency).
            if header.bkinfoFullCur.genLow != 0 { throw .softRecoveryOnBackupDatabase }
            if header.state != DatabaseHeader.stateCleanShutdown { throw .databaseDirtyShutdown }
            let logged = !readOnly && s.loggingEnabled && grbit & UInt(JET_bitDbRecoveryOff) == 0
            // The engine walks the trees first: a damaged database is refused before its header changes.
            do throws(StorageError) { try s.trees.attach(dbid: dbid, file: file) } catch { throw JetError(error) }
            if !readOnly {
                header.state = DatabaseHeader.stateDirtyShutdown
                if let log = s.log {
                    header.signLog = log.signature
                }
                if logged, let log = s.log {
                    header.lgposAttach = try storage(
                        try log.append(.attachDatabase(dbid: dbid, path: absolute, signDb: header.signDb), flush: true))
                }
                header.logtimeAttach = LogTime.now()
                do throws(JetError) {
                    try storage(try file.writeHeader(header))
                } catch {
                    s.trees.unregister(dbid: dbid)
                    throw error
                }
            }
            s.databases.append(
                AttachedDatabase(
                    dbid: dbid, path: absolute, resolvedPath: resolved, file: file, readOnly: readOnly,
                    logged: logged))
            return .done(true)
        }
    }

    // MARK: JetDetachDatabase

    package static func detach(_ sesid: UInt, path: String?, grbit: UInt) throws(JetError) {
        if grbit & UInt(JET_bitForceDetach) != 0 { throw .forceDetachNotAllowed }
        guard grbit == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        try instance.withWritingSession(sesid, ignoringStopService: true) {
            (s, session, gate) throws(JetError) -> WriteStep<Void> in
            guard session.transactionLevel == 0 else { throw .inTransaction }
            guard gate.isOpen else { return .waitForThaw }
            if s.backup.isRunning || gate.holdsBackup { throw .backupInProgress }
            let targets: [AttachedDatabase]
            if let path, !path.isEmpty {
                let (_, resolved) = try absolutePath(path)
                guard let db = attached(s, resolved: resolved) else { throw .databaseNotFound }
                targets = [db]
            } else {
                targets = s.databases
            }
            if targets.contains(where: { $0.isOpen }) { throw .databaseInUse }
            for db in targets {
                // Every committed page in the file before the header says it is consistent.
                do throws(StorageError) { try s.trees.flushPages(dbid: db.dbid, log: s.log) } catch {
                    throw JetError(error)
                }
                try detachFile(db, log: s.log)
                s.databases.removeAll { $0 === db }
                s.trees.unregister(dbid: db.dbid)
                instance.isamLocks.forgetCounters(dbid: db.dbid)
            }
            return .done(())
        }
    }

    /// Records the detach and leaves the header clean.
    private static func detachFile(_ db: AttachedDatabase, log: LogStream?) throws(JetError) {
        guard !db.readOnly else { return }
        var header = db.file.header
        var position = LogPosition()
        if db.logged, let log {
            position = try storage(try log.append(.detachDatabase(dbid: db.dbid, path: db.path), flush: true))
        }
        header.state = DatabaseHeader.stateCleanShutdown
        header.lgposConsistent = position
        header.lgposDetach = position
        header.logtimeConsistent = LogTime.now()
        header.logtimeDetach = header.logtimeConsistent
        try storage(try db.file.writeHeader(header))
    }

    /// JetTerm: a clean term detaches everything and closes the log cleanly; a dirty one leaves both as a
    /// crash would (JET_bitTermDirty).
    static func closeAll(_ s: inout InstanceState, clean: Bool) throws(JetError) {
        if clean {
            do throws(StorageError) { try s.trees.flushPages(dbid: nil, log: s.log) } catch { throw JetError(error) }
            for db in s.databases { try detachFile(db, log: s.log) }
        }
        for db in s.databases { s.trees.unregister(dbid: db.dbid) }
        s.databases = []
        try storage(try s.log?.close(clean: clean))
        s.log = nil
    }

    /// After a crash: the replayed log says the database was attached; make its header consistent.
    static func markConsistentAfterRecovery(path: String, signDb: Signature, log: LogStream) throws(JetError) {
        // A database that has since been removed or replaced is not ours to touch.
        guard try storage(try StorageIO.isRegularFile(CallerPath.filePath(path))) else { return }
        // Looked at without the lock first: a file that is not this log's (replaced since, or attached by another
        // instance now) is left alone, and its lock is not needed.
        let onDisk = try storage(try DatabaseFile.readHeader(path: CallerPath.filePath(path)).header)
        guard onDisk.signDb == signDb, onDisk.signLog == log.signature,
            onDisk.state != DatabaseHeader.stateCleanShutdown
        else { return }
        let file = try storage(try DatabaseFile.open(path: CallerPath.filePath(path), readOnly: false))
        var header = file.header
        guard header.signDb == signDb, header.state != DatabaseHeader.stateCleanShutdown else { return }
        header.state = DatabaseHeader.stateCleanShutdown
        header.lgposConsistent = LogPosition(ib: 0, isec: 0, generation: log.currentGeneration)
        header.logtimeConsistent = LogTime.now()
        try storage(try file.writeHeader(header))
    }

    // MARK: JetOpenDatabase / JetCloseDatabase

    package static func open(_ sesid: UInt, path: String, grbit: UInt) throws(JetError) -> UInt32 {
        let known = UInt(JET_bitDbReadOnly | JET_bitDbExclusive)
        guard grbit & ~known == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        return try instance.withSession(sesid) { (s, _) throws(JetError) -> UInt32 in
            let (_, resolved) = try absolutePath(path)
            guard let db = attached(s, resolved: resolved) else { throw .databaseNotFound }
            db.opens[sesid, default: 0] += 1
            return db.dbid
        }
    }

    /// Works after JetStopService.
    package static func close(_ sesid: UInt, dbid: CUnsignedLong, grbit: UInt) throws(JetError) {
        guard grbit == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        try instance.withSession(sesid, ignoringStopService: true) { (s, _) throws(JetError) in
            guard let db = s.databases.first(where: { UInt(bitPattern: Int($0.dbid)) == dbid }),
                let count = db.opens[sesid], count > 0
            else { throw .invalidDatabaseId }
            db.opens[sesid] = count > 1 ? count - 1 : nil
        }
    }

    // MARK: JetGrowDatabase / JetSetDatabaseSize

    /// Bytes of new pages one locked step of JetGrowDatabase writes (and syncs): a caller can ask for 2^32
    /// pages, and the instance lock is released between steps so other calls on the instance get in.
    static let growStepBytes = 4 << 20

    /// Grows an open database to `pages` counting the two header pages; returns the size after. Each step
    /// checks the session and the database again, so a term, a stop or a close in between ends the growth
    /// there, with the pages written so far (whole pages only) kept.
    package static func grow(_ sesid: UInt, dbid: CUnsignedLong, pages: CUnsignedLong) throws(JetError) -> UInt {
        let instance = try Registry.session(sesid)
        while true {
            let done = try instance.withWritingSession(sesid) { (s, _, gate) throws(JetError) -> WriteStep<UInt?> in
                guard let db = s.databases.first(where: { UInt(bitPattern: Int($0.dbid)) == dbid }),
                    db.opens[sesid, default: 0] > 0
                else { throw .invalidDatabaseId }
                if db.readOnly { throw .databaseFileReadOnly }
                // Frozen by an OS snapshot: no step writes until the thaw.
                guard gate.isOpen else { return .waitForThaw }
                return .done(try growStep(db.file, to: pages))
            }
            if let done { return done }
        }
    }

    /// One bounded step towards `pages`: nil while there is more to write, else the size reached.
    private static func growStep(_ file: DatabaseFile, to pages: CUnsignedLong) throws(JetError) -> UInt? {
        // Beyond what a page number can address is a bad argument, not a trap.
        guard pages <= UInt(DatabaseFile.maxPgnoLast) + UInt(headerPages) else { throw .invalidParameter }
        let current = file.pgnoLast + headerPages
        guard UInt32(pages) > current else { return UInt(current) }
        let stepPages = UInt32(max(1, growStepBytes / file.pageSize))
        try storage(try file.grow(toTotalPages: current + min(stepPages, UInt32(pages) - current)))
        return nil
    }

    /// JetSetDatabaseSize on a detached, cleanly shut down database.
    package static func setSize(_ sesid: UInt, path: String, pages: CUnsignedLong) throws(JetError) -> UInt {
        let instance = try Registry.session(sesid)
        // The file stays open (and locked against attachment) across the steps; each step passes the gate again.
        let file = try instance.withSession(sesid) { (s, _) throws(JetError) -> DatabaseFile in
            let (absolute, resolved) = try absolutePath(path)
            if attached(s, resolved: resolved) != nil { throw .databaseInUse }
            guard try storage(try StorageIO.isRegularFile(CallerPath.filePath(absolute))) else { throw .fileNotFound }
            let file = try storage(try DatabaseFile.open(path: CallerPath.filePath(absolute), readOnly: false))
            guard file.header.state == DatabaseHeader.stateCleanShutdown else { throw .databaseDirtyShutdown }
            return file
        }
        while true {
            let done = try instance.withSession(sesid) { (_, _) throws(JetError) -> UInt? in
                try growStep(file, to: pages)
            }
            if let done { return done }
        }
    }

    // MARK: JetGetDatabaseFileInfo

    /// The header as it is on disk now: attached databases have theirs written through at every change.
    package static func fileInfo(path: String) throws(JetError) -> (header: DatabaseHeader, fileSize: Int64) {
        let (absolute, _) = try absolutePath(path)
        guard try storage(try StorageIO.isRegularFile(CallerPath.filePath(absolute))) else { throw .fileNotFound }
        return try storage(try DatabaseFile.readHeader(path: CallerPath.filePath(absolute)))
    }
}
