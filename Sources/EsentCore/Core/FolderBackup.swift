#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CEsent
import SystemPackage

/// JetBackup / JetBackupInstance: a whole backup into a folder, driven through the streaming backup engine so
/// that every page and log copied is verified exactly as a streaming client's are (ESE's backup.cxx does the same
/// with its internal open/read calls). Each step takes the instance lock on its own; the status callback runs
/// between steps, with no lock held.
package enum FolderBackup {
    /// ESE's cchPathMax: a completed path and its terminator must fit.
    static let maxPath = 260

    /// Names inside an atomic backup folder.
    static let newSet = "new"
    static let oldSet = "old"
    static let inProgress = "temp"

    /// The check point every backup kind passes before it starts: no other backup may run on the instance. Today
    /// that is the streaming (and folder) backup state; an OS snapshot freeze belongs here too.
    static func checkNoOtherBackup(_ instance: Instance, _ s: borrowing InstanceState) throws(JetError) {
        if s.backup.isRunning { throw .backupInProgress }
        // An OS snapshot holding the instance excludes JetBackup at once, as it does a streaming backup.
        try instance.checkNoSnapshotBackup()
    }

    package static func run(_ instance: Instance, path: String?, grbit: UInt, status: ProgressMeter)
        throws(JetError)
    {
        // Registered before the first gate, so a JetTerm either sees this call and waits for it, or this call
        // sees the term and returns JET_errTermInProgress.
        let thread = currentThread
        instance.folderBackupThreads.withLock { $0.append(thread) }
        defer {
            instance.folderBackupThreads.withLock { threads in
                if let index = threads.firstIndex(of: thread) { threads.remove(at: index) }
            }
        }
        // Only these two bits are looked at; others are ignored, as in ESE.
        let incremental = grbit & UInt(JET_bitBackupIncremental) != 0
        let atomic = grbit & UInt(JET_bitBackupAtomic) != 0
        let cwd = try CallerPath.currentDirectory()
        let folder: String? = (path?.isEmpty ?? true) ? nil : Paths.folder(path ?? "", from: cwd)
        let createPath = try instance.withAPI { (s) throws(JetError) -> Bool in
            guard s.backupAllowed else { throw .backupNotAllowedYet }
            if let folder, folder.utf8.count >= maxPath { throw .invalidPath }
            guard s.log != nil else { throw .loggingDisabled }
            if incremental && s.params[JET_paramCircularLog].integer != 0 { throw .invalidBackup }
            try checkNoOtherBackup(instance, s)
            if folder == nil { try truncateOnly(&s, incremental: incremental) }
            return s.params[JET_paramCreatePathIfNotExist].integer != 0
        }
        guard let folder else { return }
        try StreamingBackup.begin(instance, grbit: incremental ? UInt(JET_bitBackupIncremental) : 0)
        var target = folder
        do throws(JetError) {
            target = try prepareFolder(folder, createPath: createPath, incremental: incremental, atomic: atomic)
            try copySet(instance, into: target, full: !incremental, status: status)
            if atomic && !incremental { try promote(folder) }
            try StreamingBackup.truncateLog(instance)
        } catch {
            try? StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndAbort), ignoringTerm: true)
            removeInProgress(folder)
            throw error
        }
        status.complete()
        // A term that came after the last step waits for this end, which the gate must let through.
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndNormal), ignoringTerm: true)
    }

    private static var currentThread: UInt { UInt(pthread_self()) }

    /// JetTerm: waits until no JetBackup is inside `instance` (each stops at its next step once the term is
    /// requested). A JetTerm from a JetBackup's own status callback cannot wait for it: JET_errBackupInProgress.
    static func awaitReturn(_ instance: Instance) throws(JetError) {
        let me = currentThread
        while true {
            let threads = instance.folderBackupThreads.withLock { $0.map { $0 } }
            if threads.isEmpty { return }
            if threads.contains(me) { throw .backupInProgress }
            var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
            nanosleep(&pause, nil)
        }
    }

    /// A NULL or empty path: truncate the logs the checkpoint no longer needs and report success (the documented
    /// behaviour of JetBackup). With circular logging there is nothing to truncate.
    private static func truncateOnly(_ s: inout InstanceState, incremental: Bool) throws(JetError) {
        guard let log = s.log else { throw .loggingDisabled }
        if incremental {
            for db in s.databases where db.logged && db.file.header.bkinfoFullPrev.genLow == 0 {
                _ = db
                throw .missingFullBackup
            }
        }
        guard s.params[JET_paramCircularLog].integer == 0 else { return }
        let limit = log.checkpointGeneration
        let doomed = try storage(try log.archivedGenerations()).filter { $0 < limit }
        guard let low = doomed.first else { return }
        _ = try storage(try log.append(.truncateLogs(low: low, high: limit), flush: true))
        for generation in doomed { try storage(try StorageIO.remove(log.archivedPath(generation))) }
    }

    // MARK: The folder

    /// ESE's ErrBKIPrepareDirectory. Returns the folder the files go to.
    private static func prepareFolder(_ folder: String, createPath: Bool, incremental: Bool, atomic: Bool)
        throws(JetError) -> String
    {
        if createPath { try Lifecycle.makeFolders(folder) }
        try removeFolder(folder + inProgress + "/")
        let entries = (try? StorageIO.listFolder(FilePath(folder))) ?? []
        if atomic {
            if entries.contains(newSet) {
                try removeFolder(folder + oldSet + "/")
                do throws(JetError) {
                    try storage(try StorageIO.rename(FilePath(folder + newSet), FilePath(folder + oldSet)))
                } catch {
                    throw .deleteBackupFileFail
                }
            }
            // An incremental atomic backup adds its logs to the previous set, which now lives in old/.
            if incremental { return folder + oldSet + "/" }
            do throws(JetError) {
                try storage(try StorageIO.makeFolder(FilePath(folder + inProgress)))
            } catch {
                throw .makeBackupDirectoryFail
            }
            return folder + inProgress + "/"
        }
        if incremental {
            if entries.contains(where: { $0.lowercased() == newSet || $0.lowercased() == oldSet }) {
                throw .backupDirectoryNotEmpty
            }
        } else if !entries.isEmpty {
            throw .backupDirectoryNotEmpty
        }
        return folder
    }

    /// Deletes the files of a folder, then the folder. A subfolder inside is JET_errDeleteBackupFileFail.
    private static func removeFolder(_ folder: String) throws(JetError) {
        do throws(JetError) {
            // Only files are deleted (ESE's backup.cxx): a subfolder makes the final rmdir fail.
            try storage(try StorageIO.removeFiles(in: FilePath(folder)))
        } catch {
            throw .deleteBackupFileFail
        }
    }

    private static func removeInProgress(_ folder: String) {
        try? removeFolder(folder + inProgress + "/")
    }

    /// Atomic full backup done: temp/ becomes new/, the previous set in old/ goes.
    private static func promote(_ folder: String) throws(JetError) {
        try storage(try StorageIO.rename(FilePath(folder + inProgress), FilePath(folder + newSet)))
        try storage(try StorageIO.syncFolder(FilePath(folder)))
        try removeFolder(folder + oldSet + "/")
    }

    // MARK: Copying

    /// Databases (full only), their `.pat` markers, then the logs of the backup's log list; every file synced,
    /// then the folder.
    private static func copySet(_ instance: Instance, into target: String, full: Bool, status: ProgressMeter)
        throws(JetError)
    {
        let copier = try CopyBuffer()
        defer { copier.release() }
        let logBytes = try instance.withAPI { (s) throws(JetError) -> Int64 in
            guard let log = s.log else { throw .loggingDisabled }
            return Int64(log.currentGeneration - log.checkpointGeneration + 1) * Int64(log.fileSize)
        }
        status.begin()
        var databases: [String] = []
        if full {
            databases = try StreamingBackup.attachInfo(instance)
            var dbBytes: Int64 = 0
            for database in databases { dbBytes &+= try storage(try StorageIO.size(FilePath(database))) }
            status.expect(total: dbBytes + logBytes)
            for path in databases {
                try copyFile(instance, path, to: target + Paths.fileName(of: path), overwrite: false,
                             copier: copier, status: status)
            }
        } else {
            status.expect(total: logBytes)
        }
        let logs = try StreamingBackup.logInfo(instance, .toCopy)
        for path in logs.paths {
            try copyFile(instance, path, to: target + Paths.fileName(of: path), overwrite: true, copier: copier,
                         status: status)
        }
        for path in databases {
            // The marker restore looks for; ESE leaves one next to the source database too.
            let name = patchFileName(of: path)
            for marker in [Paths.directory(of: path) + name, target + name] {
                _ = try storage(try StorageFile.create(FilePath(marker), overwrite: true))
            }
        }
        try storage(try StorageIO.syncFolder(FilePath(target)))
    }

    /// `<name without extension>.pat`.
    static func patchFileName(of path: String) -> String {
        let name = Paths.fileName(of: path)
        let base = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        return base + ".pat"
    }

    /// Streams one backup file into `destination` through the verifying read path, then syncs it.
    private static func copyFile(
        _ instance: Instance, _ source: String, to destination: String, overwrite: Bool, copier: CopyBuffer,
        status: ProgressMeter
    ) throws(JetError) {
        let file = try storage(try StorageFile.create(FilePath(destination), overwrite: overwrite))
        _ = try StreamingBackup.openFile(instance, name: source)
        var offset: Int64 = 0
        do throws(JetError) {
            while true {
                // ESE's backup.cxx looks for a term before each block.
                if instance.termRequested.load(ordering: .sequentiallyConsistent) { throw .termInProgress }
                let got = try StreamingBackup.read(
                    instance, handle: StreamingBackup.fileHandle, into: copier.buffer.pointer, count: CopyBuffer.bytes)
                if got == 0 { break }
                try storage(try file.write(copier.buffer.pointer, count: got, at: offset))
                offset += Int64(got)
                status.advance(Int64(got))
            }
            try StreamingBackup.closeFile(instance, handle: StreamingBackup.fileHandle)
        } catch {
            try? StreamingBackup.closeFile(instance, handle: StreamingBackup.fileHandle)
            throw error
        }
        try storage(try file.sync())
    }
}
