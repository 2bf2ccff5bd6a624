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
}
