import CEsent
import Testing

@testable import EsentCore

/// InstanceState.trees as the core sees it: a store per JetInit, a database's trees from its create or attach to
/// its detach.
@Suite(.serialized)
struct TreeModelWiringTests {
    static func trees(_ handle: UInt) throws -> any TreeStore {
        try Registry.instance(handle).state.withLock { $0.trees }
    }

    @Test("issue 10: create and attach register the database's catalog tree, detach forgets it")
    func databasesJoinAndLeaveTheStore() throws {
        let folder = StorageTempFolder()
        defer { withExtendedLifetime(folder) { DurabilityCoreTests.cleanUp() } }
        let path = folder.path + "db.edb"
        let handle = try DurabilityCoreTests.start(folder.path, name: "trees")
        let sesid = try Sessions.begin(instance: handle)
        let dbid = try DatabaseOperations.create(sesid, path: path, grbit: 0)
        let store = try Self.trees(handle)
        let catalog = TreeID(dbid: dbid, objid: TreeID.catalogObjid)
        let t = store.begin(readOnly: false)
        #expect(try t.count(catalog, limit: .max) == 0)
        try t.put(catalog, "table", "orders")
        try t.commit(lazy: false, log: nil)
        #expect(try store.begin(readOnly: true).dump(catalog) == ["table=orders"])

        try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
        try DatabaseOperations.detach(sesid, path: path, grbit: 0)
        #expect(throws: StorageError.treeNotFound) { try store.begin(readOnly: true).count(catalog, limit: .max) }

        // Attached again, the catalog is there with its committed entry (the paged engine keeps it on disk).
        #expect(try DatabaseOperations.attach(sesid, path: path, grbit: 0))
        #expect(try store.begin(readOnly: true).count(catalog, limit: .max) == 1)
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
        #expect(throws: StorageError.treeNotFound) { try store.begin(readOnly: true).count(catalog, limit: .max) }
    }
}
