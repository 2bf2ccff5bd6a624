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
    /// JetStopService, JetStopServiceInstance and JetStopServiceInstance2 find the instance as the backup stops do,
    /// from atomics alone (InstanceStops): each returns while another thread holds the registry lock. Before,
    /// they looked the handle up in the registry (`Registry.instance`) and waited for the holder.
    @Test("issue 9: JetStopService* return while another thread holds the registry lock, with their codes and effects")
    func stopServiceDoesNotWaitForTheRegistryLock() throws {
        let folder = ScratchFolder()
        let handle = try Lifecycle.createInstance(name: "stop-service-registry", displayName: nil)
        defer { _ = try? Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermAbrupt)) }
        // Before JetInit: found, but not running.
        #expect(throws: JetError.notInitialized) { try Lifecycle.stopServiceInstance(handle: handle) }
        #expect(throws: JetError.notInitialized) { try Lifecycle.stopService(handle: handle, grbit: 0) }
        for (id, value) in [
            (JET_paramSystemPath, folder.path), (JET_paramLogFilePath, folder.path),
            (JET_paramTempPath, folder.file("tmp.edb")),
        ] {
            try Parameters.set(instance: handle, sesid: 0, paramid: UInt(id), integer: 0, string: value)
        }
        _ = try Lifecycle.initialize(handle: handle)
        let instance = try Registry.instance(handle)
        let sesid = try Sessions.begin(instance: handle)
        let background = UInt(JET_bitStopServiceBackgroundUserTasks)
        let resume = UInt(bitPattern: Int(JET_bitStopServiceResume))

        // JetStopServiceInstance2 with a bit, then its resume: recorded, no gate closed.
        var waited = try whileAnotherThreadHoldsTheRegistryLock { () throws(JetError) in
            try Lifecycle.stopService(handle: handle, grbit: background)
        }
        #expect(!waited, "JetStopServiceInstance2 waited for the registry lock")
        #expect(!instance.serviceStopped)
        try Lifecycle.stopService(handle: handle, grbit: background | resume)
        #expect(throws: JetError.invalidGrbit) { try Lifecycle.stopService(handle: handle, grbit: 0x10) }
        #expect(throws: JetError.invalidGrbit) {
            try Lifecycle.stopService(handle: handle, grbit: UInt(JET_bitStopServiceStopAndEmitLog) | background)
        }
        // The handle checks are ESE's ErrFindPinst's, as the backup stops'.
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopServiceInstance(handle: handle ^ 0x100) }
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopService(handle: handle | 1, grbit: 0) }
        #expect(throws: JetError.invalidParameter) { try Lifecycle.stopServiceInstance(handle: 0) }
        #expect(throws: JetError.runningInMultiInstanceMode) { try Lifecycle.stopServiceLegacy() }

        // JetStopServiceInstance: the gates close.
        waited = try whileAnotherThreadHoldsTheRegistryLock { () throws(JetError) in
            try Lifecycle.stopServiceInstance(handle: handle)
        }
        #expect(!waited, "JetStopServiceInstance waited for the registry lock")
        #expect(instance.serviceStopped)
        #expect(throws: JetError.clientRequestToStopJetService) { try Sessions.begin(instance: handle) }
        #expect(throws: JetError.clientRequestToStopJetService) { try Sessions.beginTransaction(sesid) }
        // The legacy stop records no bits: resuming it does nothing, and the gates stay closed.
        try Lifecycle.stopService(handle: handle, grbit: resume)
        #expect(instance.serviceStopped)

        // JetStopServiceInstance2(All): cannot be resumed.
        waited = try whileAnotherThreadHoldsTheRegistryLock { () throws(JetError) in
            try Lifecycle.stopService(handle: handle, grbit: 0)
        }
        #expect(!waited, "JetStopServiceInstance2(All) waited for the registry lock")
        #expect(throws: JetError.clientRequestToStopJetService) { try Lifecycle.stopService(handle: handle, grbit: resume) }
        try Sessions.end(sesid, grbit: 0)
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopServiceInstance(handle: handle) }
        #expect(throws: JetError.invalidInstance) { try Lifecycle.stopService(handle: handle, grbit: 0) }
    }

    /// JetStopService in one-instance mode finds the only instance without the registry.
    @Test("issue 9: JetStopService in one-instance mode returns while another thread holds the registry lock")
    func legacyStopServiceDoesNotWaitForTheRegistryLock() throws {
        let folder = ScratchFolder()
        for (id, value) in [
            (JET_paramSystemPath, folder.path), (JET_paramLogFilePath, folder.path),
            (JET_paramTempPath, folder.file("tmp.edb")),
        ] {
            try Parameters.set(instance: 0, sesid: 0, paramid: UInt(id), integer: 0, string: value)
        }
        let handle = try Lifecycle.initialize(handle: 0)
        defer { _ = try? Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermAbrupt)) }
        let instance = try Registry.instance(handle)
        #expect(!instance.serviceStopped)
        let waited = try whileAnotherThreadHoldsTheRegistryLock { () throws(JetError) in try Lifecycle.stopServiceLegacy() }
        #expect(!waited, "JetStopService waited for the registry lock")
        #expect(instance.serviceStopped)
        #expect(throws: JetError.clientRequestToStopJetService) { try Sessions.begin(instance: handle) }
        // JetTerm does not check the stop.
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        #expect(throws: JetError.invalidParameter) { try Lifecycle.stopServiceLegacy() }
    }
    /// Issue 9: the per-thread session cache holds a session id, never the session. Before, a thread that had
    /// called on a session kept that session, and through it its instance, alive after JetTerm on another thread,
    /// for as long as the thread lived or until its next call on another session.
    @Test("issue 9: a thread's session cache keeps no terminated instance alive")
    func sessionCacheKeepsNothingAlive() throws {
        let folder = ScratchFolder()
        let handle = try Lifecycle.createInstance(name: "cache-lifetime", displayName: nil)
        for (id, value) in [
            (JET_paramSystemPath, folder.path), (JET_paramLogFilePath, folder.path),
            (JET_paramTempPath, folder.file("tmp.edb")),
        ] {
            try Parameters.set(instance: handle, sesid: 0, paramid: UInt(id), integer: 0, string: value)
        }
        _ = try Lifecycle.initialize(handle: handle)
        let weakInstance = WeakBox(try Registry.instance(handle))
        let sesid = try Sessions.begin(instance: handle)

        // Another thread calls on the session (it is now that thread's cached session), then stays alive.
        let called = DispatchSemaphore(value: 0)
        let finish = DispatchSemaphore(value: 0)
        let outcome = Mutex<JetError?>(nil)
        Thread.start {
            do throws(JetError) {
                try Sessions.beginTransaction(sesid)
                try Sessions.rollback(sesid, grbit: 0)
            } catch { outcome.withLock { $0 = error } }
            called.signal()
            finish.wait()
        }
        called.wait()
        defer { finish.signal() }
        #expect(outcome.withLock { $0 } == nil)

        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        #expect(weakInstance.value == nil, "the other thread's session cache kept the terminated instance alive")
        // The stale sesid is refused, on this thread and on the one that cached it.
        #expect(throws: JetError.invalidSesid) { try Sessions.beginTransaction(sesid) }
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

/// A weak reference a test checks after the last strong one should have gone.
final class WeakBox<T: AnyObject>: @unchecked Sendable {
    weak var value: T?
    init(_ value: T) { self.value = value }
}

/// A flag two test threads share.
final class SharedFlag: Sendable {
    let value = Atomic<Bool>(false)
}
