import Testing

@testable import EsentCore

// Issue 10: DDL through the catalog tree on the reference storage model: transactional, checked in ESE's order,
// parsed defensively.

private func le<T>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

private let full = DDLAccess(updatable: true, readOnlyTransaction: false, exclusive: true, permitDDL: true, inTransaction: true)

private func store() -> MemoryTreeStore {
    let s = MemoryTreeStore()
    s.register(dbid: 1)
    return s
}

private func name(_ s: String) -> [UInt8] { Array(s.utf8) }

private func key(_ s: String) -> IndexDefinition.KeyDescription { .narrow(Array(s.utf8)) }

/// A table "orders" with id (Long), qty (Short), note (Text), committed.
private func ordersTable(_ s: MemoryTreeStore) throws -> TableSchema {
    let txn = s.begin(readOnly: false)
    var t = try DDL.createTable(name: name("orders"), pages: 0, density: 0, dbid: 1, readOnlyTransaction: false, in: txn)
    t = try DDL.addColumn(name: name("id"), definition: ColumnDefinition(coltyp: 4), to: t, access: full, pageSize: 8192, in: txn).table
    t = try DDL.addColumn(name: name("qty"), definition: ColumnDefinition(coltyp: 3), to: t, access: full, pageSize: 8192, in: txn).table
    t = try DDL.addColumn(name: name("note"), definition: ColumnDefinition(coltyp: 10, cbMax: 100), to: t, access: full, pageSize: 8192, in: txn).table
    try txn.commit(lazy: true, log: nil)
    return t
}

@Suite struct CatalogTests {
    @Test("issue 10: a created table, its columns and indexes read back from the catalog")
    func roundTrip() throws {
        let s = store()
        _ = try ordersTable(s)
        let txn = s.begin(readOnly: false)
        var t = try #require(try Catalog.table(named: "ORDERS", dbid: 1, in: txn))
        #expect(t.columns.map(\.name) == ["id", "qty", "note"])
        #expect(t.columns.map(\.columnid) == [1, 2, 128])
        #expect(t.column(named: "NOTE")?.cbMax == 100)
        t = try DDL.createIndex(
            IndexDefinition(name: name("pk"), key: key("+id\0\0"), grbit: UInt(IndexBits.primary)), on: t,
            access: full, pageSize: 8192, in: txn)
        t = try DDL.createIndex(
            IndexDefinition(name: name("byQty"), key: key("-qty\0+note\0\0"), grbit: 0), on: t, access: full,
            pageSize: 8192, in: txn)
        try txn.commit(lazy: true, log: nil)
        let read = try #require(try Catalog.table(named: "orders", dbid: 1, in: s.begin(readOnly: true)))
        #expect(read.primaryIndex?.name == "pk" && read.primaryIndex?.tree == read.recordTree)
        #expect(read.index(named: "byqty")?.segments == [IndexSegment(columnid: 2, descending: true), IndexSegment(columnid: 128, descending: false)])
        #expect(read.version == t.version)
        #expect(try Catalog.tableNames(dbid: 1, in: s.begin(readOnly: true)) == ["orders"])
    }

    @Test("issue 10: DDL in an open transaction is invisible to others and undone by rollback")
    func transactional() throws {
        let s = store()
        let writer = s.begin(readOnly: false)
        _ = try DDL.createTable(name: name("t"), pages: 0, density: 0, dbid: 1, readOnlyTransaction: false, in: writer)
        let other = s.begin(readOnly: false)
        #expect(try Catalog.table(named: "t", dbid: 1, in: other) == nil)
        #expect(try Catalog.table(named: "t", dbid: 1, in: writer) != nil)
        writer.rollbackAll()
        #expect(try Catalog.table(named: "t", dbid: 1, in: s.begin(readOnly: true)) == nil)
        // A column added in one transaction is not in another's schema until it commits.
        let t = try ordersTable(s)
        let adder = s.begin(readOnly: false)
        _ = try DDL.addColumn(name: name("extra"), definition: ColumnDefinition(coltyp: 4), to: t, access: full, pageSize: 8192, in: adder)
        let reader = s.begin(readOnly: true)
        #expect(try Catalog.table(named: "orders", dbid: 1, in: reader)?.column(named: "extra") == nil)
        #expect(try Catalog.table(named: "orders", dbid: 1, in: adder)?.column(named: "extra") != nil)
        try adder.commit(lazy: true, log: nil)
        #expect(try Catalog.table(named: "orders", dbid: 1, in: s.begin(readOnly: true))?.column(named: "extra") != nil)
    }

    @Test("issue 10: JetCreateTable's checks: read-only transaction, name, density, duplicate")
    func createTableChecks() throws {
        let s = store()
        let txn = s.begin(readOnly: false)
        #expect(throws: JetError.transReadOnly) {
            try DDL.createTable(name: nil, pages: 0, density: 7, dbid: 1, readOnlyTransaction: true, in: txn)
        }
        #expect(throws: JetError.invalidName) {
            try DDL.createTable(name: nil, pages: 0, density: 7, dbid: 1, readOnlyTransaction: false, in: txn)
        }
        #expect(throws: JetError.densityInvalid) {
            try DDL.createTable(name: name("t"), pages: 0, density: 19, dbid: 1, readOnlyTransaction: false, in: txn)
        }
        _ = try DDL.createTable(name: name("t"), pages: 0, density: 100, dbid: 1, readOnlyTransaction: false, in: txn)
        #expect(throws: JetError.tableDuplicate) {
            try DDL.createTable(name: name("T"), pages: 0, density: 0, dbid: 1, readOnlyTransaction: false, in: txn)
        }
    }

    @Test("issue 10: JetAddColumn/JetDeleteColumn: duplicate, too many, in use, ids never reused")
    func columns() throws {
        let s = store()
        var t = try ordersTable(s)
        let txn = s.begin(readOnly: false)
        #expect(throws: JetError.permissionDenied) {
            try DDL.addColumn(name: nil, definition: nil, to: t, access: DDLAccess(updatable: false, readOnlyTransaction: true, exclusive: false, permitDDL: false, inTransaction: false), pageSize: 8192, in: txn)
        }
        #expect(throws: JetError.invalidParameter) {
            try DDL.addColumn(name: nil, definition: nil, to: t, access: full, pageSize: 8192, in: txn)
        }
        #expect(throws: JetError.columnDuplicate) {
            try DDL.addColumn(name: name("ID"), definition: ColumnDefinition(coltyp: 4), to: t, access: full, pageSize: 8192, in: txn)
        }
        t = try DDL.createIndex(IndexDefinition(name: name("q"), key: key("+qty\0\0"), grbit: 0), on: t, access: full, pageSize: 8192, in: txn)
        #expect(throws: JetError.columnInUse) { try DDL.deleteColumn(name: name("qty"), from: t, access: full, in: txn) }
        #expect(throws: JetError.columnNotFound) { try DDL.deleteColumn(name: name("nope"), from: t, access: full, in: txn) }
        t = try DDL.deleteColumn(name: name("id"), from: t, access: full, in: txn)
        let added = try DDL.addColumn(name: name("id"), definition: ColumnDefinition(coltyp: 4), to: t, access: full, pageSize: 8192, in: txn)
        #expect(added.columnid == 3)
        t = added.table
        for i in 0..<124 {
            t = try DDL.addColumn(name: name("f\(i)"), definition: ColumnDefinition(coltyp: 2), to: t, access: full, pageSize: 8192, in: txn).table
        }
        #expect(t.lastFixed == 127)
        #expect(throws: JetError.tooManyColumns) {
            try DDL.addColumn(name: name("x"), definition: ColumnDefinition(coltyp: 2), to: t, access: full, pageSize: 8192, in: txn)
        }
        try txn.commit(lazy: true, log: nil)
        let read = try #require(try Catalog.table(named: "orders", dbid: 1, in: s.begin(readOnly: true)))
        #expect(read.deletedFixed.map(\.columnid) == [1] && read.column(named: "id")?.columnid == 3)
        #expect(read.fixedOffsets == t.fixedOffsets)
    }

    @Test("issue 10: JetCreateIndex builds over existing records and refuses duplicate keys in a unique index")
    func indexBuild() throws {
        let s = store()
        let t = try ordersTable(s)
        let txn = s.begin(readOnly: false)
        for (id, qty) in [(1, 5), (2, 7), (3, 5)] {
            let record = try RecordFormat.encode([1: le(Int32(id)), 2: le(Int16(qty))], table: t, pageSize: 8192)
            let bookmark = KeyFormat.sequentialBookmark(UInt32(id))
            try bookmark.withUnsafeBytes { k in try record.withUnsafeBytes { v in try txn.insert(t.recordTree, key: k, value: v) } }
        }
        #expect(throws: JetError.tableNotEmpty) {
            try DDL.createIndex(IndexDefinition(name: name("pk"), key: key("+id\0\0"), grbit: UInt(IndexBits.primary)), on: t, access: full, pageSize: 8192, in: txn)
        }
        #expect(throws: JetError.keyDuplicate) {
            try DDL.createIndex(IndexDefinition(name: name("u"), key: key("+qty\0\0"), grbit: UInt(IndexBits.unique)), on: t, access: full, pageSize: 8192, in: txn)
        }
        let u = try DDL.createIndex(IndexDefinition(name: name("u"), key: key("+id\0\0"), grbit: UInt(IndexBits.unique)), on: t, access: full, pageSize: 8192, in: txn)
        let q = try DDL.createIndex(IndexDefinition(name: name("q"), key: key("+qty\0\0"), grbit: 0), on: u, access: full, pageSize: 8192, in: txn)
        #expect(throws: JetError.indexDuplicate) {
            try DDL.createIndex(IndexDefinition(name: name("Q"), key: key("+id\0\0"), grbit: 0), on: q, access: full, pageSize: 8192, in: txn)
        }
        let qIndex = try #require(q.index(named: "q"))
        #expect(try txn.count(qIndex.tree, limit: 10) == 3)
        // Entries order by (key, bookmark): qty 5 (ids 1, 3), then 7.
        let cursor = try txn.cursor(qIndex.tree)
        var bookmarks: [[UInt8]] = []
        var more = try cursor.first()
        while more {
            bookmarks.append(cursor.withEntry { (_, value) in Array(value) } ?? [])
            more = try cursor.next()
        }
        #expect(bookmarks == [[0, 0, 0, 1], [0, 0, 0, 3], [0, 0, 0, 2]])
        let withPrimary = TableSchema(
            name: "e", objid: 9, recordTree: TreeID(dbid: 1, objid: 9), columns: t.columns,
            indexes: [IndexSchema(name: "pk", tree: TreeID(dbid: 1, objid: 9), segments: [IndexSegment(columnid: 1, descending: false)], grbit: IndexBits.primary)])
        #expect(throws: JetError.indexMustStay) {
            try DDL.deleteIndex(name: name("PK"), from: withPrimary, access: full, inUse: { _ in false }, in: txn)
        }
        #expect(throws: JetError.indexInUse) {
            try DDL.deleteIndex(name: name("q"), from: q, access: full, inUse: { _ in true }, in: txn)
        }
        let gone = try DDL.deleteIndex(name: name("q"), from: q, access: full, inUse: { _ in false }, in: txn)
        #expect(gone.index(named: "q") == nil)
        #expect(throws: JetError.indexNotFound) {
            try DDL.deleteIndex(name: name("q"), from: gone, access: full, inUse: { _ in false }, in: txn)
        }
    }

    @Test("issue 10: JetCreateIndex's key description and grbit checks")
    func indexChecks() throws {
        let s = store()
        let t = try ordersTable(s)
        let txn = s.begin(readOnly: false)
        func create(_ k: IndexDefinition.KeyDescription, _ grbit: UInt32 = 0, keyMost: UInt? = nil, density: UInt = 0) throws {
            _ = try DDL.createIndex(IndexDefinition(name: name("i"), key: k, grbit: UInt(grbit), density: density, cbKeyMost: keyMost), on: t, access: full, pageSize: 8192, in: txn)
        }
        #expect(throws: JetError.invalidParameter) { try create(.narrow([])) }
        #expect(throws: JetError.indexInvalidDef) { try create(key("id\0\0")) }
        #expect(throws: JetError.indexInvalidDef) { try create(key("+id\0")) }
        #expect(throws: JetError.indexInvalidDef) { try create(key("+id\0\0\0")) }
        #expect(throws: JetError.columnNotFound) { try create(key("+nope\0\0")) }
        #expect(throws: JetError.invalidGrbit) { try create(key("+id\0\0"), IndexBits.primary | IndexBits.ignoreNull) }
        #expect(throws: JetError.invalidGrbit) { try create(key("+id\0\0"), IndexBits.empty) }
        #expect(throws: JetError.indexInvalidDef) { try create(key("+id\0\0"), IndexBits.keyMost, keyMost: 2001) }
        #expect(throws: JetError.densityInvalid) { try create(key("+id\0\0"), density: 101) }
        let sixteen = (0..<17).map { _ in "+id" }.joined(separator: "\0") + "\0\0"
        #expect(throws: JetError.indexInvalidDef) { try create(key(sixteen)) }
        let wide = Array("+note\0\0".utf16)
        try create(.wide(wide), IndexBits.keyMost, keyMost: 2000)
    }

    @Test("issue 10: JetCreateTableColumnIndex reports cCreated and each element's error")
    func createTableColumnIndex() throws {
        let s = store()
        let txn = s.begin(readOnly: false)
        let spec = TableCreateSpec(
            name: name("t"),
            columns: [(name("a"), ColumnDefinition(coltyp: 4)), (name("b"), ColumnDefinition(coltyp: 10, cbMax: 300))],
            indexes: [
                IndexDefinition(name: name("pk"), key: key("+a\0\0"), grbit: UInt(IndexBits.primary)),
                IndexDefinition(name: name("[BAD!NAME]"), key: key("+b\0\0"), grbit: 0),
            ])
        var results = TableCreateResults(columns: 2, indexes: 2)
        #expect(throws: JetError.invalidName) {
            try DDL.createTable(spec, dbid: 1, pageSize: 8192, readOnlyTransaction: false, inTransaction: false, in: txn, results: &results)
        }
        #expect(results.cCreated == 4)
        #expect(results.columnids == [1, 128] && results.columnErrors == [.success, .wrnColumnMaxTruncated])
        #expect(results.indexErrors == [.success, .invalidName])
        var ok = spec
        ok.indexes.removeLast()
        var good = TableCreateResults(columns: 2, indexes: 1)
        let t = try DDL.createTable(ok, dbid: 1, pageSize: 8192, readOnlyTransaction: false, inTransaction: false, in: s.begin(readOnly: false), results: &good)
        #expect(good.cCreated == 4 && t.primaryIndex?.name == "pk")
        var bad = spec
        bad.grbit = TableBits.systemTable
        #expect(throws: JetError.invalidGrbit) {
            try DDL.createTable(bad, dbid: 1, pageSize: 8192, readOnlyTransaction: false, inTransaction: false, in: txn, results: &results)
        }
    }

    @Test("issue 10: JetDeleteTable removes the table and its trees; an open one is in use")
    func deleteTable() throws {
        let s = store()
        _ = try ordersTable(s)
        let txn = s.begin(readOnly: false)
        #expect(throws: JetError.tableInUse) {
            try DDL.deleteTable(name: name("orders"), dbid: 1, readOnlyTransaction: false, isOpen: { _ in true }, in: txn)
        }
        #expect(throws: JetError.objectNotFound) {
            try DDL.deleteTable(name: name("none"), dbid: 1, readOnlyTransaction: false, isOpen: { _ in false }, in: txn)
        }
        try DDL.deleteTable(name: name("orders"), dbid: 1, readOnlyTransaction: false, isOpen: { _ in false }, in: txn)
        #expect(try Catalog.table(named: "orders", dbid: 1, in: txn) == nil)
        #expect(try txn.count(TreeID(dbid: 1, objid: 1), limit: 100) == 0)
        #expect(try Catalog.table(named: "orders", dbid: 1, in: s.begin(readOnly: true)) != nil)
    }

    @Test("issue 10: a damaged catalog entry gives JET_errDatabaseCorrupted, never a trap")
    func damagedCatalog() throws {
        let s = store()
        let t = try ordersTable(s)
        let catalog = TreeID(dbid: 1, objid: 1)
        let read = s.begin(readOnly: true)
        var entries: [([UInt8], [UInt8])] = []
        let cursor = try read.cursor(catalog)
        var more = try cursor.first()
        while more {
            if let entry = cursor.withEntry({ (k, v) in (Array(k), Array(v)) }) { entries.append(entry) }
            more = try cursor.next()
        }
        #expect(entries.count == 4)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let txn = s.begin(readOnly: false)
            let (k, v) = entries[Int.random(in: 0..<entries.count, using: &generator)]
            var bad = v
            if Bool.random(using: &generator) {
                bad.removeLast(Int.random(in: 1...bad.count, using: &generator))
            } else {
                bad[Int.random(in: 0..<bad.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            }
            try k.withUnsafeBytes { kk in try bad.withUnsafeBytes { vv in try txn.replace(catalog, key: kk, value: vv) } }
            do {
                _ = try Catalog.table(named: t.name, dbid: 1, in: txn)
            } catch {
                #expect(error == .databaseCorrupted)
            }
            txn.rollbackAll()
        }
    }
}
