import CEsent
import Dispatch
import Glibc
import Testing

@testable import EsentCore

/// A scratch folder for one test, removed afterwards.
final class ScratchFolder {
    let path: String

    init() {
        var template = Array("/tmp/esent-swift-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? "/tmp"
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { _ = system("rm -rf '\(path)'") }
}

/// The registry is process-wide, so every test that touches it runs in this one serialized suite and leaves
/// the process with no instance (mode back to unset).
@Suite(.serialized)
struct CoreStateMachineTests {
    /// Terminates whatever a test left behind.
    private func cleanUp() {
        let handles = registry.withLock { r in r.order.map(\.handle) }
        for handle in handles {
            do { _ = try Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermAbrupt)) } catch {
                Issue.record("clean-up term failed: \(error)")
            }
        }
    }

    private func setPaths(_ instance: UInt, _ folder: ScratchFolder) throws {
        try Parameters.set(instance: instance, sesid: 0, paramid: UInt(JET_paramSystemPath), integer: 0, string: folder.path)
        try Parameters.set(instance: instance, sesid: 0, paramid: UInt(JET_paramLogFilePath), integer: 0, string: folder.path)
        try Parameters.set(
            instance: instance, sesid: 0, paramid: UInt(JET_paramTempPath), integer: 0, string: folder.file("tmp.edb"))
        try Parameters.set(instance: instance, sesid: 0, paramid: UInt(JET_paramLogFileSize), integer: 64, string: nil)
    }

    private func runningInstance(_ name: String, _ folder: ScratchFolder) throws -> Instance {
        let handle = try Lifecycle.createInstance(name: name, displayName: nil)
        try setPaths(handle, folder)
        _ = try Lifecycle.initialize(handle: handle)
        return try Registry.instance(handle)
    }

    private func mode() -> RunMode { registry.withLock { $0.mode } }

    // MARK: Modes

    @Test("api One-instance and multi-instance mode: legacy JetInit sets one-instance mode; the last term returns it to unset")
    func legacyModeLifecycle() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        try setPaths(0, folder)
        let handle = try Lifecycle.initialize(handle: 0)
        #expect(mode() == .oneInstance)
        #expect(throws: JetError.runningInOneInstanceMode) { try Lifecycle.createInstance(name: "x", displayName: nil) }
        #expect(throws: Lifecycle.InitFailure.self) { try Lifecycle.initialize(handle: 0) }
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        #expect(mode() == .notSet)
        #expect(throws: JetError.invalidParameter) { try Registry.legacyInstance() }
    }

    @Test("api One-instance and multi-instance mode: implicit-instance calls in multi-instance mode give -1081; JetInit(NULL) too")
    func multiInstanceModeRules() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        _ = try runningInstance("one", folder)
        #expect(mode() == .multiInstance)
        #expect(throws: JetError.runningInMultiInstanceMode) { try Registry.legacyInstance() }
        do {
            _ = try Lifecycle.initialize(handle: nil)
            Issue.record("JetInit(NULL) succeeded in multi-instance mode")
        } catch {
            #expect(error.error == .runningInMultiInstanceMode)
            #expect(!error.destroyed)
        }
    }

    @Test("api JetCreateInstance: names are unique (case-sensitive) and two unnamed instances collide")
    func instanceNames() throws {
        defer { cleanUp() }
        _ = try Lifecycle.createInstance(name: "Name", displayName: nil)
        _ = try Lifecycle.createInstance(name: "name", displayName: nil)
        #expect(throws: JetError.instanceNameInUse) { try Lifecycle.createInstance(name: "Name", displayName: nil) }
        _ = try Lifecycle.createInstance(name: nil, displayName: nil)
        #expect(throws: JetError.instanceNameInUse) { try Lifecycle.createInstance(name: nil, displayName: nil) }
    }

    @Test("api JetInit: a failed JetInit destroys the instance; api Handles: its handle is then invalid")
    func failedInitDestroys() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let handle = try Lifecycle.createInstance(name: "bad", displayName: nil)
        try setPaths(handle, folder)
        // 65 KiB is in range but not a whole number of 4 KiB segments.
        try Parameters.set(instance: handle, sesid: 0, paramid: UInt(JET_paramLogFileSize), integer: 65, string: nil)
        do {
            _ = try Lifecycle.initialize(handle: handle)
            Issue.record("init succeeded")
        } catch {
            #expect(error.error == .invalidSettings)
            #expect(error.destroyed)
        }
        #expect(throws: JetError.invalidInstance) { try Registry.instance(handle) }
        #expect(mode() == .notSet)
    }

    @Test("api JetInit: two initialized instances cannot share a log folder")
    func uniquePaths() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        _ = try runningInstance("a", folder)
        let handle = try Lifecycle.createInstance(name: "b", displayName: nil)
        try setPaths(handle, folder)
        // Its own temporary database, so the first shared folder is the system path.
        try Parameters.set(
            instance: handle, sesid: 0, paramid: UInt(JET_paramTempPath), integer: 0, string: folder.file("b.edb"))
        do {
            _ = try Lifecycle.initialize(handle: handle)
            Issue.record("init succeeded")
        } catch {
            #expect(error.error == .systemPathInUse)
        }
    }

    // MARK: Backup state machine

    private func phase(_ instance: Instance) -> BackupPhase { instance.state.withLock { $0.backup.phase } }

    private func databaseInstance(_ folder: ScratchFolder) throws -> (Instance, UInt, String) {
        let instance = try runningInstance("backup", folder)
        let sesid = try Sessions.begin(instance: instance.handle)
        let path = folder.file("data.edb")
        let dbid = try DatabaseOperations.create(sesid, path: path, grbit: 0)
        try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
        return (instance, sesid, path)
    }

    @Test("api Streaming backup: NotStarted → Databases → LogsAndPatchs → NotStarted for a full backup")
    func fullBackupTransitions() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, path) = try databaseInstance(folder)
        #expect(phase(instance) == .notStarted)
        try StreamingBackup.begin(instance, grbit: 0)
        #expect(phase(instance) == .databases)
        #expect(try StreamingBackup.attachInfo(instance) == [path])
        let size = try StreamingBackup.openFile(instance, name: path)
        let pageSize = 4096
        #expect(size % Int64(pageSize) == 0)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Int(size), alignment: 4096)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let n = try StreamingBackup.read(instance, handle: 0, into: buffer, count: Int(size))
            if n == 0 { break }
            total += n
        }
        #expect(Int64(total) == size)
        try StreamingBackup.closeFile(instance, handle: 0)
        let before = instance.state.withLock { $0.log!.currentGeneration }
        let listing = try StreamingBackup.logInfo(instance, .toCopy)
        #expect(phase(instance) == .logsAndPatches)
        #expect(instance.state.withLock { $0.log!.currentGeneration } == before + 1)
        #expect(listing.generationHigh == before)
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndNormal))
        #expect(phase(instance) == .notStarted)
    }

    @Test("api Streaming backup: an incremental backup starts in LogsAndPatchs and needs a previous full (-560)")
    func incrementalNeedsFull() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, _) = try databaseInstance(folder)
        #expect(throws: JetError.missingFullBackup) {
            try StreamingBackup.begin(instance, grbit: UInt(JET_bitBackupIncremental))
        }
        #expect(phase(instance) == .notStarted)
    }

    @Test("api Streaming backup: without a backup every call but Begin gives -520")
    func noBackupColumn() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, path) = try databaseInstance(folder)
        #expect(throws: JetError.noBackup) { try StreamingBackup.attachInfo(instance) }
        #expect(throws: JetError.noBackup) { try StreamingBackup.openFile(instance, name: path) }
        #expect(throws: JetError.noBackup) { try StreamingBackup.read(instance, handle: 0, into: nil, count: 4096) }
        #expect(throws: JetError.noBackup) { try StreamingBackup.closeFile(instance, handle: 0) }
        #expect(throws: JetError.noBackup) { try StreamingBackup.logInfo(instance, .toCopy) }
        #expect(throws: JetError.noBackup) { try StreamingBackup.truncateLog(instance) }
        #expect(throws: JetError.noBackup) { try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndNormal)) }
    }

    @Test("api JetStopBackup: after a stop, gated calls give -801, close and end work, the next Begin clears it")
    func stopColumn() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, path) = try databaseInstance(folder)
        try StreamingBackup.begin(instance, grbit: 0)
        _ = try StreamingBackup.openFile(instance, name: path)
        Lifecycle.stopBackup(instance)
        #expect(throws: JetError.backupAbortByServer) { try StreamingBackup.attachInfo(instance) }
        #expect(throws: JetError.backupAbortByServer) { try StreamingBackup.read(instance, handle: 0, into: nil, count: 0) }
        #expect(throws: JetError.backupAbortByServer) { try StreamingBackup.logInfo(instance, .toCopy) }
        #expect(throws: JetError.backupAbortByServer) { try StreamingBackup.truncateLog(instance) }
        #expect(throws: JetError.backupInProgress) { try StreamingBackup.begin(instance, grbit: 0) }
        try StreamingBackup.closeFile(instance, handle: 0)
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndNormal))
        try StreamingBackup.begin(instance, grbit: 0)
        #expect(try StreamingBackup.attachInfo(instance) == [path])
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndAbort))
    }

    @Test("api Streaming backup: opening a database after the log list gives -521 and ends the backup")
    func databaseAfterLogList() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, path) = try databaseInstance(folder)
        try StreamingBackup.begin(instance, grbit: 0)
        _ = try StreamingBackup.logInfo(instance, .toCopy)
        #expect(throws: JetError.invalidBackupSequence) { try StreamingBackup.openFile(instance, name: path) }
        #expect(phase(instance) == .notStarted)
        #expect(throws: JetError.noBackup) { try StreamingBackup.attachInfo(instance) }
    }

    @Test("api Streaming backup: a non-database name in the database phase gives -1203 and the backup goes on")
    func otherFileInDatabasePhase() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, _) = try databaseInstance(folder)
        try StreamingBackup.begin(instance, grbit: 0)
        #expect(throws: JetError.databaseNotFound) { try StreamingBackup.openFile(instance, name: "/etc/passwd") }
        #expect(phase(instance) == .databases)
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndAbort))
    }

    @Test("api JetEndExternalBackup: a normal end after a full read and truncation stamps bkinfoFullPrev")
    func endStampsFullPrev() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, path) = try databaseInstance(folder)
        try StreamingBackup.begin(instance, grbit: 0)
        let size = try StreamingBackup.openFile(instance, name: path)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Int(size), alignment: 4096)
        defer { buffer.deallocate() }
        while try StreamingBackup.read(instance, handle: 0, into: buffer, count: Int(size)) > 0 {}
        try StreamingBackup.closeFile(instance, handle: 0)
        let listing = try StreamingBackup.logInfo(instance, .toCopy)
        for log in listing.paths {
            let logSize = try StreamingBackup.openFile(instance, name: log)
            let logBuffer = UnsafeMutableRawPointer.allocate(byteCount: Int(logSize), alignment: 4096)
            defer { logBuffer.deallocate() }
            while try StreamingBackup.read(instance, handle: 0, into: logBuffer, count: Int(logSize)) > 0 {}
            try StreamingBackup.closeFile(instance, handle: 0)
        }
        try StreamingBackup.truncateLog(instance)
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndNormal))
        let (header, _) = try DatabaseOperations.fileInfo(path: path)
        #expect(header.bkinfoFullPrev.genLow == UInt32(listing.generationLow))
        #expect(header.bkinfoFullPrev.genHigh == UInt32(listing.generationHigh))
        #expect(header.fullPrevType == DatabaseHeader.backupTypeNormal)
        // ...which is what an incremental needs.
        try StreamingBackup.begin(instance, grbit: UInt(JET_bitBackupIncremental))
        #expect(phase(instance) == .logsAndPatches)
        #expect(throws: JetError.invalidBackupSequence) { try StreamingBackup.attachInfo(instance) }
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndAbort))
    }

    @Test("api JetTerm: JetTerm2(0) with a backup running gives -505 and leaves backups refused (-523)")
    func termCompleteWithBackup() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, _) = try databaseInstance(folder)
        try StreamingBackup.begin(instance, grbit: 0)
        #expect(throws: JetError.backupInProgress) { try Lifecycle.terminate(handle: instance.handle, grbit: 0) }
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndAbort))
        #expect(throws: JetError.backupNotAllowedYet) { try StreamingBackup.begin(instance, grbit: 0) }
    }

    @Test("api JetStopService: a stopped service refuses gated calls with -1329; Resume after All stays refused")
    func stopService() throws {
        let folder = ScratchFolder()
        // The folder must outlive the term that cleans up.
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, sesid, _) = try databaseInstance(folder)
        try Lifecycle.stopService(handle: instance.handle, grbit: 0)
        #expect(throws: JetError.clientRequestToStopJetService) { try StreamingBackup.begin(instance, grbit: 0) }
        #expect(throws: JetError.clientRequestToStopJetService) { try Sessions.begin(instance: instance.handle) }
        #expect(throws: JetError.clientRequestToStopJetService) {
            try Lifecycle.stopService(handle: instance.handle, grbit: UInt(bitPattern: Int(JET_bitStopServiceResume)))
        }
        try Sessions.end(sesid, grbit: 0)
    }

    @Test("api Threads: JetStopBackup and JetStopService return while a read is blocked inside pread")
    func stopsNeverWaitForARead() throws {
        let folder = ScratchFolder()
        defer { withExtendedLifetime(folder) { cleanUp() } }
        let (instance, _, path) = try databaseInstance(folder)
        try StreamingBackup.begin(instance, grbit: 0)
        let size = try StreamingBackup.openFile(instance, name: path)
        let insideRead = DispatchSemaphore(value: 0)
        let releaseRead = DispatchSemaphore(value: 0)
        let readDone = DispatchSemaphore(value: 0)
        // The reader parks inside its pread, holding the instance lock, until the stops have returned.
        SystemCalls.faultInjector = { call, _ in
            if call == .pread {
                insideRead.signal()
                releaseRead.wait()
            }
            return nil
        }
        defer { SystemCalls.faultInjector = nil }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Int(size), alignment: 4096)
        defer { buffer.deallocate() }
        let box = UncheckedBox(buffer)
        Thread.start {
            _ = try? StreamingBackup.read(instance, handle: 0, into: box.value, count: 4 * 4096)
            readDone.signal()
        }
        insideRead.wait()
        // By handle, as the C ABI calls it.
        try Lifecycle.stopBackup(handle: instance.handle)
        try Lifecycle.stopServiceInstance(handle: instance.handle)
        // Both returned although the read still holds the lock.
        releaseRead.signal()
        readDone.wait()
        SystemCalls.faultInjector = nil
        #expect(throws: JetError.clientRequestToStopJetService) { try StreamingBackup.attachInfo(instance) }
        let stopRequested = instance.stopBackupRequested
        #expect(stopRequested)
    }
}

/// Hands a pointer to another thread in a test.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A plain pthread, so the test does not depend on Foundation.
enum Thread {
    static func start(_ body: @escaping @Sendable () -> Void) {
        final class Body { let run: @Sendable () -> Void; init(_ run: @escaping @Sendable () -> Void) { self.run = run } }
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        pthread_create(&thread, nil, { raw in
            let body = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue() as! Body
            body.run()
            return nil
        }, context)
        pthread_detach(thread)
    }
}
