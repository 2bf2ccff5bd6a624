import CEsent
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
        for (id, value) in [
            (JET_paramSystemPath, folder.path), (JET_paramLogFilePath, folder.path),
            (JET_paramTempPath, folder.file("tmp.edb")),
        ] {
            try Parameters.set(instance: handle, sesid: 0, paramid: UInt(id), integer: 0, string: value)
        }
        _ = try Lifecycle.initialize(handle: handle)
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
}
