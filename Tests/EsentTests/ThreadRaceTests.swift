import CEsent
import Dispatch
import Synchronization
import SystemPackage
import Testing

@testable import EsentCore

/// Races between calls on one instance, replayed deterministically through the seams the core offers.
@Suite(.serialized)
struct ThreadRaceTests {
    /// Issue 9.3: JetTerm2(JET_bitTermDirty) lands between JetBeginSession's instance step and its registry step.
    /// The session must not be registered for the dead instance, and the backup file it had open (with its
    /// database lock) must be released by the term itself.
    @Test("issue 9.3: JetBeginSession racing JetTerm2(Dirty) leaves nothing of the instance behind")
    func beginSessionRacingDirtyTerm() throws {
        let folder = ScratchFolder()
        let handle = try Lifecycle.createInstance(name: "race", displayName: nil)
        _ = try initialize(handle, in: folder)
        let instance = try Registry.instance(handle)
        let sesid = try Sessions.begin(instance: handle)
        let path = folder.file("race.edb")
        _ = try DatabaseOperations.create(sesid, path: path, grbit: 0)
        try StreamingBackup.begin(instance, grbit: 0)
        _ = try StreamingBackup.openFile(instance, name: path)

        var termOutcome: JetError?
        #expect(throws: JetError.invalidInstance) {
            _ = try Sessions.begin(instance: handle) {
                termOutcome = try? Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermDirty))
            }
        }
        #expect(termOutcome == .dirtyShutdown)
        let stillRegistered = registry.withLock { r in r.sessions.values.contains { $0 === instance } }
        #expect(!stillRegistered)
        #expect(registry.withLock { r in r.instances.isEmpty && r.mode == .notSet })
        // The database lock went with the term, though this test still holds the instance object.
        let reopened = try DatabaseFile.open(path: FilePath(path), readOnly: false)
        _ = reopened
        withExtendedLifetime(instance) {}
    }

    /// Issue 9 ("stops never wait"): JetStopBackupInstance, as the C ABI calls it (by handle), returns while another
    /// thread holds the registry lock, the lock every call of every thread takes to find its instance. A holder the
    /// scheduler has put off the CPU would otherwise hold up the stop. The holder waits for the stop to return, at
    /// most a minute: a stop that took the lock returns only after that, and the holder records that it gave up.
    @Test("issue 9: JetStopBackupInstance by handle returns while another thread holds the registry lock")
    func stopBackupDoesNotWaitForTheRegistryLock() throws {
        let folder = ScratchFolder()
        let handle = try Lifecycle.createInstance(name: "stop-registry", displayName: nil)
        defer { _ = try? Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermAbrupt)) }
        _ = try initialize(handle, in: folder)
        let instance = try Registry.instance(handle)
        let sesid = try Sessions.begin(instance: handle)
        _ = try DatabaseOperations.create(sesid, path: folder.file("stop.edb"), grbit: 0)
        try StreamingBackup.begin(instance, grbit: 0)

        let waited = try whileAnotherThreadHoldsTheRegistryLock { () throws(JetError) in
            try Lifecycle.stopBackup(handle: handle)
        }
        #expect(!waited, "the stop waited for the registry lock")
        // The stop took effect: the backup's calls now report it; the next begin clears it.
        #expect(throws: JetError.backupAbortByServer) { try StreamingBackup.attachInfo(instance) }
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndAbort))
        try StreamingBackup.begin(instance, grbit: 0)
        #expect(try StreamingBackup.attachInfo(instance).count == 1)
        try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndAbort))
        // The handle checks are ESE's ErrFindPinst's, as before: in multi-instance mode a forged or stale handle
        // is JET_errInvalidInstance, no handle at all JET_errInvalidParameter, and JetStopBackup (the implicit
        // instance) JET_errRunningInMultiInstanceMode.
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopBackup(handle: handle ^ 0x100) }
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopBackup(handle: handle | 1) }
        #expect(throws: JetError.invalidParameter) { try Lifecycle.stopBackup(handle: 0) }
        #expect(throws: JetError.invalidParameter) { try Lifecycle.stopBackup(handle: nilHandle) }
        #expect(throws: JetError.runningInMultiInstanceMode) { try Lifecycle.stopBackupLegacy() }
        try Sessions.end(sesid, grbit: 0)
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopBackup(handle: handle) }
    }

    /// The same for JetStopBackup and JetStopBackupInstance in one-instance mode, where the stops find the only
    /// instance without the registry: 0 and JET_instanceNil name it, as in ESE's ErrFindPinst.
    @Test("issue 9: JetStopBackup in one-instance mode returns while another thread holds the registry lock")
    func legacyStopBackupDoesNotWaitForTheRegistryLock() throws {
        let folder = ScratchFolder()
        let handle = try initialize(0, in: folder)
        defer { _ = try? Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermAbrupt)) }
        let instance = try Registry.instance(handle)
        #expect(!instance.stopBackupRequested)
        let waited = try whileAnotherThreadHoldsTheRegistryLock { () throws(JetError) in try Lifecycle.stopBackupLegacy() }
        #expect(!waited, "JetStopBackup waited for the registry lock")
        #expect(instance.stopBackupRequested)
        for named in [0, nilHandle, handle] {
            instance.clearBackupStop()
            try Lifecycle.stopBackup(handle: named)
            #expect(instance.stopBackupRequested)
        }
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopBackup(handle: handle ^ 0x100) }
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        // No instance, no mode.
        #expect(throws: JetError.invalidParameter) { try Lifecycle.stopBackupLegacy() }
        #expect(throws: JetError.invalidParameter) { try Lifecycle.stopBackup(handle: 0) }
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopBackup(handle: handle) }
    }
}

/// JetInit of `handle` (0: one-instance mode) with its system, log and temp paths in `folder`; returns the handle.
private func initialize(_ handle: UInt, in folder: ScratchFolder) throws -> UInt {
    for (id, value) in [
        (JET_paramSystemPath, folder.path), (JET_paramLogFilePath, folder.path),
        (JET_paramTempPath, folder.file("tmp.edb")),
    ] {
        try Parameters.set(instance: handle, sesid: 0, paramid: UInt(id), integer: 0, string: value)
    }
    return try Lifecycle.initialize(handle: handle)
}

/// Runs `body` while another thread holds the registry lock; true when `body` returned only after that thread
/// gave up waiting for it (a minute), that is, when `body` waited for the lock.
private func whileAnotherThreadHoldsTheRegistryLock(_ body: () throws(JetError) -> Void) throws(JetError) -> Bool {
    let holding = DispatchSemaphore(value: 0)
    let returned = DispatchSemaphore(value: 0)
    let holderDone = DispatchSemaphore(value: 0)
    let gaveUp = SharedFlag()
    Thread.start {
        registry.withLock { _ in
            holding.signal()
            if returned.wait(timeout: .now() + .seconds(60)) == .timedOut {
                gaveUp.value.store(true, ordering: .releasing)
            }
        }
        holderDone.signal()
    }
    holding.wait()
    var failure: JetError?
    do throws(JetError) { try body() } catch { failure = error }
    returned.signal()
    holderDone.wait()
    if let failure { throw failure }
    return gaveUp.value.load(ordering: .acquiring)
}

/// A flag two test threads share.
final class SharedFlag: Sendable {
    let value = Atomic<Bool>(false)
}
