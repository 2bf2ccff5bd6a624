import CEsent
import Glibc
import SystemPackage
import Testing

@testable import EsentCore

// Issue 9 item 6: the typed system-call layer, and Core asking Storage (not the system) about files. A stat or
// realpath that fails for a reason other than "not there" is an error the caller sees, never a missing file.

@Suite(.serialized)
struct SystemLayerTests {
    @Test("issue 9.6: a failed call carries swift-system's Errno, mapped to a JET error in one place")
    func failureCarriesTypedErrno() throws {
        let folder = StorageTempFolder()
        let missing = folder.path + "absent"
        do throws(SystemCallError) {
            _ = try SystemCalls.open(FilePath(missing), .readOnly)
            Issue.record("opening a missing file succeeded")
        } catch {
            #expect(error == SystemCallError(call: .open, errno: .noSuchFileOrDirectory))
            #expect(JetError(error) == .fileNotFound)
        }
        #expect(JetError(SystemCallError(call: .stat, errno: .permissionDenied)) == .fileAccessDenied)
        #expect(JetError(SystemCallError(call: .pwrite, errno: .noSpace)) == .diskFull)
        #expect(JetError(SystemCallError(call: .pread, errno: .ioError)) == .diskIO)
    }

    @Test("issue 9.6: realpath that fails other than ENOENT is an error, not the unresolved path")
    func unresolvablePathIsAnError() throws {
        let folder = StorageTempFolder()
        #expect(throws: JetError.diskIO) {
            try FaultInjector.with([FaultRule([.realpath], effect: .fail(.ioError))]) { () throws(JetError) in
                _ = try CallerPath.resolve(folder.path + "db.edb")
            }
        }
        // A path that does not exist yet (a database about to be created) still resolves lexically.
        let (absolute, resolved) = try FaultInjector.with([FaultRule([.realpath], effect: .fail(.noSuchFileOrDirectory))]) {
            () throws(JetError) in try CallerPath.resolve(folder.path + "db.edb")
        }
        #expect(absolute == folder.path + "db.edb")
        #expect(resolved == absolute)
        #expect(try StorageIO.resolvedPath(FilePath(folder.path + "absent/db.edb")) == nil)
    }

    @Test("issue 9.6: a restore whose backup folder cannot be looked at is -1032, not a missing backup (-1811)")
    func restoreFromUnreadableFolderIsAccessDenied() throws {
        let folder = StorageTempFolder()
        let source = folder.path + "unreadable-set"
        #expect(mkdir(source, 0o755) == 0)
        // An instance of its own, with its folders in the scratch folder, so no other test's settings matter.
        let handle = try Lifecycle.createInstance(name: "syslayer-restore", displayName: nil)
        defer { _ = try? Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermAbrupt)) }
        for paramid in [JET_paramSystemPath, JET_paramLogFilePath] {
            try Parameters.set(instance: handle, sesid: 0, paramid: UInt(paramid), integer: 0, string: folder.path)
        }
        #expect(throws: JetError.fileAccessDenied) {
            try FaultInjector.with([FaultRule([.stat], path: "unreadable-set/", times: Int.max, effect: .fail(.permissionDenied))])
            { () throws(JetError) in
                try Restore.restoreInstance(handle: handle, source: source, destination: nil, status: ProgressMeter(nil))
            }
        }
        // Without the fault the same empty folder is a missing backup, as before.
        #expect(throws: JetError.fileNotFound) {
            try Restore.restoreInstance(handle: handle, source: source, destination: nil, status: ProgressMeter(nil))
        }
    }

    @Test("issue 9.6: removing a file already gone is not an error; another unlink failure is")
    func removeReportsRealFailures() throws {
        let folder = StorageTempFolder()
        try StorageIO.remove(FilePath(folder.path + "never-made"))
        let path = folder.path + "kept"
        let fd = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(FilePath(path), .readWrite, options: .create) }
        SystemCalls.close(fd)
        #expect(throws: JetError.fileAccessDenied) {
            try FaultInjector.with([FaultRule([.unlink], effect: .fail(.permissionDenied))]) { () throws(JetError) in
                try storage(try StorageIO.remove(FilePath(path)))
            }
        }
        #expect(try StorageIO.exists(FilePath(path)))
        try StorageIO.remove(FilePath(path))
        #expect(try !StorageIO.exists(FilePath(path)))
    }

    @Test("issue 9.6: paths are FilePath: repeated and trailing slashes fold, and a folder rule still targets it")
    func pathsAreFilePaths() throws {
        let folder = StorageTempFolder()
        let sub = FilePath(folder.path + "sub//")
        try SystemCalls.mkdir(sub)
        #expect(sub.string == folder.path + "sub")
        #expect(try SystemCalls.lookup(FilePath(folder.path + "sub/"))?.isDirectory == true)
        // A rule naming a folder with its trailing `/` hits calls on that folder, spelled any way.
        #expect(throws: SystemCallError(call: .stat, errno: .permissionDenied)) {
            try FaultInjector.with([FaultRule([.stat], path: "sub/", effect: .fail(.permissionDenied))]) {
                () throws(SystemCallError) in _ = try SystemCalls.lookup(sub)
            }
        }
        #expect(try SystemCalls.resolve(FilePath(folder.path + "sub/../sub")) == SystemCalls.realpath(sub))
        #expect(Paths.folder(of: "db.edb") == ".")
        #expect(Paths.folder(of: FilePath(folder.path + "sub/db.edb")) == sub)
    }

    @Test("issue 9.6: storage reports what happened, not a JET code")
    func storageErrorsSayWhatHappened() throws {
        let folder = StorageTempFolder()
        let path = FilePath(folder.path + "a.edb")
        let db = try DatabaseFile.create(path: path, pageSize: 4096, dataPages: 8, header: .new(pageSize: 4096), overwrite: false)
        #expect(throws: StorageFileError.databaseLocked) { _ = try DatabaseFile.open(path: path, readOnly: false) }
        #expect(throws: StorageFileError.databaseExists) {
            _ = try DatabaseFile.create(path: path, pageSize: 4096, dataPages: 1, header: .new(pageSize: 4096), overwrite: false)
        }
        let buffer = try PageBuffer(bytes: 4096)
        defer { buffer.deallocate() }
        try RawFile.write(path.string, [UInt8](repeating: 0x5A, count: 16), at: 6 * 4096 + 100)
        #expect(throws: StorageFileError.pageChecksum(pgno: 5)) { try db.readPage(5, into: buffer.pointer) }
        // A file that is not whole pages, and a missing file: the failed call and its errno.
        try RawFile.write(folder.path + "b.edb", try RawFile.read(path.string) + [1])
        #expect(throws: StorageFileError.databaseDamaged(.size)) {
            _ = try DatabaseFile.open(path: FilePath(folder.path + "b.edb"), readOnly: true)
        }
        #expect(throws: StorageFileError.io(SystemCallError(call: .open, errno: .noSuchFileOrDirectory))) {
            _ = try DatabaseFile.open(path: FilePath(folder.path + "none.edb"), readOnly: true)
        }
        #expect(throws: StorageFileError.checkpointMissing) { _ = try Checkpoint.read(path: FilePath(folder.path + "x.chk")) }
        // A generation the range needs and no folder has.
        let plan = ReplayPlan(folders: [LogFolder(path: FilePath(folder.path), names: LogFileNames(base: "edb"))],
            firstGeneration: 3, lastArchive: 4, hardRecovery: true, includeCurrentLog: false)
        #expect(throws: StorageFileError.logMissing(generation: 3)) { _ = try Replay.run(plan) }
    }

    @Test("issue 9.6: Core maps storage errors once, with the codes callers always got; log damage depends on context")
    func storageErrorsMapToTheSameJetCodes() {
        let failure = SystemCallError(call: .pwrite, errno: .noSpace)
        let cases: [(StorageFileError, JetError)] = [
            (.invalidArgument, .invalidParameter), (.outOfMemory, .outOfMemory), (.io(failure), .diskFull),
            (.io(SystemCallError(call: .open, errno: .noSuchFileOrDirectory)), .fileNotFound),
            (.io(SystemCallError(call: .pread, errno: .ioError)), .diskIO), (.shortRead, .diskIO),
            (.fileExists, .fileAlreadyExists), (.folderMissing, .invalidPath), (.databaseExists, .databaseDuplicate),
            (.notAFile, .fileAccessDenied), (.databaseReadOnly, .databaseFileReadOnly),
            (.databaseLocked, .databaseSharingViolation), (.notADatabase, .fileInvalidType),
            (.databaseDamaged(.header), .databaseCorrupted), (.databaseDamaged(.size), .databaseCorrupted),
            (.pageChecksum(pgno: 3), .readVerifyFailure), (.pageWrongPlace(pgno: 3), .readPgnoVerifyFailure),
            (.trailerDamaged, .badPatchPage), (.checkpointMissing, .checkpointFileNotFound),
            (.checkpointDamaged, .checkpointCorrupt), (.logDamaged, .logFileCorrupt),
            (.pageImageDamaged, .logFileCorrupt), (.logGenerationMismatch, .logGenerationMismatch),
            (.logSignatureMismatch, .badLogSignature), (.logSequenceBroken, .invalidLogSequence),
            (.logMissing(generation: 7), .missingLogFile), (.logMissing(generation: nil), .missingLogFile),
            (.logSequenceEnd, .logSequenceEnd), (.logWriteFailed, .logWriteFail), (.logDiskFull, .logDiskFull),
            (.checkpointSignatureMismatch, .badCheckpointSignature), (.logCopyDamaged, .logReadVerifyFailure),
        ]
        for (storage, jet) in cases { #expect(JetError(storage) == jet, "\(storage)") }
        #expect(JetError(.logDamaged, hardRecovery: true) == .logCorruptDuringHardRecovery)
        // Damage to a page image is the log's, whatever replays it.
        #expect(JetError(.pageImageDamaged, hardRecovery: true) == .logFileCorrupt)
    }

    @Test("issue 9.6: a database path with a trailing slash names a folder: not found, never the file without it")
    func trailingSlashIsNotTheFile() throws {
        let folder = StorageTempFolder()
        defer { withExtendedLifetime(folder) { DurabilityCoreTests.cleanUp() } }
        let handle = try DurabilityCoreTests.start(folder.path, name: "syslayer-slash")
        let sesid = try Sessions.begin(instance: handle)
        let dbid = try DatabaseOperations.create(sesid, path: folder.path + "db.edb", grbit: 0)
        try DatabaseOperations.close(sesid, dbid: CUnsignedLong(dbid), grbit: 0)
        try DatabaseOperations.detach(sesid, path: folder.path + "db.edb", grbit: 0)
        #expect(throws: JetError.fileNotFound) {
            _ = try DatabaseOperations.attach(sesid, path: folder.path + "db.edb/", grbit: 0)
        }
        #expect(throws: JetError.fileNotFound) {
            _ = try DatabaseOperations.create(sesid, path: folder.path + "new.edb/", grbit: 0)
        }
        #expect(SystemCalls.status(FilePath(folder.path + "new.edb")) == nil)
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
    }
}
