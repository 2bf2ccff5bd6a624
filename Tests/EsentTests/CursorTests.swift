import CEsent
import Testing

@testable import EsentCore

/// ESE's fixture "table": columnkey (primary), columndata1, columndata2, all Long, and two secondary indexes
/// ("secondarywithprimary" = +columndata1 -columnkey, "secondarywithoutprimary" = +columndata1 +columndata2).
/// The schema is built directly on the session's trees, so these tests depend only on the cursor layer.
final class CursorFixture {
    let folder = ScratchFolder()
    let instance: UInt
    let sesid: UInt
    let dbid: UInt32
    let schema: TableSchema
    var tableid: UInt

    static let key: UInt = 1, data1: UInt = 2, data2: UInt = 3
    init() throws {
        instance = try Lifecycle.createInstance(name: "cursor-" + folder.path, displayName: nil)
        for (param, value) in [
            (JET_paramSystemPath, folder.path), (JET_paramLogFilePath, folder.path),
            (JET_paramTempPath, folder.file("tmp.edb")),
        ] {
            try Parameters.set(instance: instance, sesid: 0, paramid: UInt(param), integer: 0, string: value)
        }
        try Parameters.set(instance: instance, sesid: 0, paramid: UInt(JET_paramLogFileSize), integer: 64, string: nil)
        _ = try Lifecycle.initialize(handle: instance)
        sesid = try Sessions.begin(instance: instance)
        dbid = try DatabaseOperations.create(sesid, path: folder.file("cursor.edb"), grbit: 0)
        let dbid = self.dbid
        schema = try SessionTransactions.write(sesid) { (transaction, _) throws(JetError) -> TableSchema in
            func tree() throws(JetError) -> TreeID {
                do throws(StorageError) { return try transaction.createTree(dbid: dbid) } catch {
                    throw JetError(error)
                }
            }
            let records = try tree(), withPrimary = try tree(), withoutPrimary = try tree()
            let columns = [("columnkey", 1), ("columndata1", 2), ("columndata2", 3)].map { name, id in
                ColumnSchema(
                    columnid: UInt32(id), name: name, coltyp: .long, cbMax: 4, grbit: 0, codePage: 0,
                    columnClass: .fixed)
            }
            let indexes = [
                IndexSchema(
                    name: "clustered", tree: records, segments: [IndexSegment(columnid: 1, descending: false)],
                    grbit: IndexBits.primary),
                IndexSchema(
                    name: "secondarywithprimary", tree: withPrimary,
                    segments: [IndexSegment(columnid: 2, descending: false), IndexSegment(columnid: 1, descending: true)],
                    grbit: 0),
                IndexSchema(
                    name: "secondarywithoutprimary", tree: withoutPrimary,
                    segments: [
                        IndexSegment(columnid: 2, descending: false), IndexSegment(columnid: 3, descending: false),
                    ], grbit: 0),
            ]
            return TableSchema(name: "table", objid: records.objid, recordTree: records, columns: columns, indexes: indexes)
        }
        tableid = try TableCursors.open(sesid: sesid, dbid: dbid, schema: schema, grbit: 0)
    }

    func open(_ session: UInt) throws -> UInt {
        try TableCursors.open(sesid: session, dbid: dbid, schema: schema, grbit: 0)
    }

    func newSession() throws -> UInt {
        let other = try Sessions.begin(instance: instance)
        _ = try DatabaseOperations.open(other, path: folder.file("cursor.edb"), grbit: 0)
        return other
    }

    deinit { _ = try? Lifecycle.terminate(handle: instance, grbit: UInt(JET_bitTermAbrupt)) }

    // MARK: helpers in ESE's test vocabulary

    @discardableResult
    func insert(_ k: Int32, _ d1: Int32? = nil, _ d2: Int32? = nil, tableid: UInt? = nil, sesid: UInt? = nil) throws
        -> [UInt8]
    {
        let t = tableid ?? self.tableid, s = sesid ?? self.sesid
        let data1 = d1 ?? 10 * k
        try Updates.prepareUpdate(sesid: s, tableid: t, prep: UInt(JET_prepInsert))
        try set(Self.key, k, tableid: t, sesid: s)
        try set(Self.data1, data1, tableid: t, sesid: s)
        try set(Self.data2, d2 ?? 10 * data1, tableid: t, sesid: s)
        var bookmark = [UInt8](repeating: 0, count: 16)
        let n = try bookmark.withUnsafeMutableBytes { b in
            try Updates.update(sesid: s, tableid: t, bookmarkOut: b, grbit: 0)
        }
        return Array(bookmark[0..<n])
    }

    func set(_ column: UInt, _ value: Int32, tableid: UInt? = nil, sesid: UInt? = nil) throws {
        var v = value
        _ = try withUnsafeBytes(of: &v) { b in
            try Updates.setColumn(sesid: sesid ?? self.sesid, tableid: tableid ?? self.tableid, columnid: column, data: b, grbit: 0)
        }
    }

    func read(_ column: UInt = key, tableid: UInt? = nil, sesid: UInt? = nil, copy: Bool = false) throws -> Int32 {
        var v: Int32 = 0
        let (n, warning) = try withUnsafeMutableBytes(of: &v) { b in
            try Updates.retrieveColumn(
                sesid: sesid ?? self.sesid, tableid: tableid ?? self.tableid, columnid: column, into: b,
                grbit: copy ? UInt(JET_bitRetrieveCopy) : 0, itagSequence: 1)
        }
        #expect(n == 4 && warning == nil)
        return v
    }

    func makeKey(_ value: Int32, newKey: Bool = true, tableid: UInt? = nil, sesid: UInt? = nil) throws {
        var v = value
        try withUnsafeBytes(of: &v) { b in
            try Navigation.makeKey(
                sesid: sesid ?? self.sesid, tableid: tableid ?? self.tableid, data: b, grbit: newKey ? UInt(JET_bitNewKey) : 0)
        }
    }

    func seek(_ grbit: Int32, tableid: UInt? = nil) throws -> JetError? {
        try Navigation.seek(sesid: sesid, tableid: tableid ?? self.tableid, grbit: UInt(grbit))
    }

    func move(_ rows: Int, keyNE: Bool = false, tableid: UInt? = nil, sesid: UInt? = nil) throws {
        try Navigation.move(
            sesid: sesid ?? self.sesid, tableid: tableid ?? self.tableid, rows: rows,
            grbit: keyNE ? UInt(JET_bitMoveKeyNE) : 0)
    }

    func setIndex(_ name: String?) throws {
        try TableCursors.setCurrentIndex(
            sesid: sesid, tableid: tableid, name: name, grbit: 0, itagSequence: 1)
    }

    func result(_ body: () throws -> Void) -> JetError? {
        do {
            try body()
            return nil
        } catch let error as JetError {
            return error
        } catch {
            return .internalError
        }
    }
}

@Suite(.serialized)
struct CursorTests {
    @Test("api JetSeek: the unique-index table of seeks (EQ, LT, LE, GE, GT) on keys 1 and 3")
    func seeksOnUniqueIndex() throws {
        let f = try CursorFixture()
        for grbit in [JET_bitSeekEQ, JET_bitSeekLT, JET_bitSeekLE, JET_bitSeekGE, JET_bitSeekGT] {
            try f.makeKey(1)
            #expect(f.result { _ = try f.seek(grbit) } == .recordNotFound)
        }
        try f.insert(1)
        try f.insert(3)
        // (key, grbit) -> (result, key read) ; nil key read = -1601
        let table: [(Int32, Int32, JetError?, Int32?)] = [
            (0, JET_bitSeekEQ, .recordNotFound, nil), (0, JET_bitSeekLT, .recordNotFound, nil),
            (0, JET_bitSeekLE, .recordNotFound, nil), (0, JET_bitSeekGE, .wrnSeekNotEqual, 1),
            (0, JET_bitSeekGT, nil, 1), (1, JET_bitSeekEQ, nil, 1), (1, JET_bitSeekLT, .recordNotFound, nil),
            (1, JET_bitSeekLE, nil, 1), (1, JET_bitSeekGE, nil, 1), (1, JET_bitSeekGT, nil, 3),
            (2, JET_bitSeekEQ, .recordNotFound, nil), (2, JET_bitSeekLT, nil, 1), (2, JET_bitSeekLE, .wrnSeekNotEqual, 1),
            (2, JET_bitSeekGE, .wrnSeekNotEqual, 3), (2, JET_bitSeekGT, nil, 3), (3, JET_bitSeekEQ, nil, 3),
            (3, JET_bitSeekLT, nil, 1), (3, JET_bitSeekLE, nil, 3), (3, JET_bitSeekGE, nil, 3),
            (3, JET_bitSeekGT, .recordNotFound, nil), (4, JET_bitSeekEQ, .recordNotFound, nil),
            (4, JET_bitSeekLT, nil, 3), (4, JET_bitSeekLE, .wrnSeekNotEqual, 3), (4, JET_bitSeekGE, .recordNotFound, nil),
            (4, JET_bitSeekGT, .recordNotFound, nil),
        ]
        for (k, grbit, expected, found) in table {
            try f.makeKey(k)
            if let found {
                #expect(try f.seek(grbit) == expected, "key \(k) grbit \(grbit)")
                #expect(try f.read() == found, "key \(k) grbit \(grbit)")
            } else {
                #expect(f.result { _ = try f.seek(grbit) } == expected, "key \(k) grbit \(grbit)")
                #expect(f.result { _ = try f.read() } == .noCurrentRecord)
            }
        }
    }

    @Test("api JetSeek: a non-unique two-column index returns duplicates in primary-key order; SetIndexRange walks them")
    func seeksOnSecondaryIndex() throws {
        let f = try CursorFixture()
        try f.setIndex("secondarywithoutprimary")
        for (k, d1, d2) in [(5, 20, 200), (2, 20, 200), (3, 30, 200), (1, 10, 100), (4, 20, 201)] as [(Int32, Int32, Int32)] {
            try f.insert(k, d1, d2)
        }
        func key2(_ a: Int32, _ b: Int32) throws {
            try f.makeKey(a)
            try f.makeKey(b, newKey: false)
        }
        try key2(20, 100)
        #expect(try f.seek(JET_bitSeekGE) == .wrnSeekNotEqual)
        #expect(try f.read() == 2)
        try key2(20, 201)
        #expect(try f.seek(JET_bitSeekLT) == nil)
        #expect(try f.read() == 5)
        try key2(20, 200)
        #expect(try f.seek(JET_bitSeekGT) == nil)
        #expect(try f.read() == 4)
        try key2(20, 200)
        #expect(try f.seek(JET_bitSeekEQ | JET_bitSetIndexRange) == nil)
        #expect(try f.read() == 2)
        try f.move(1)
        #expect(try f.read() == 5)
        #expect(f.result { try f.move(1) } == .noCurrentRecord)
        #expect(f.result { try f.move(1) } == .noCurrentRecord)
        try f.move(-1)
        #expect(try f.read() == 3)
        try f.move(-1)
        #expect(try f.read() == 4)
    }

    @Test("api JetSetIndexRange: lower, upper, inclusive, remove and instant-duration ranges on keys 1..4")
    func indexRanges() throws {
        let f = try CursorFixture()
        try f.makeKey(1)
        #expect(f.result { try Navigation.setIndexRange(sesid: f.sesid, tableid: f.tableid, grbit: 0) } == .noCurrentRecord)
        for k in 1...4 { try f.insert(Int32(k)) }
        func range(_ grbit: Int32) throws {
            try Navigation.setIndexRange(sesid: f.sesid, tableid: f.tableid, grbit: UInt(grbit))
        }
        // (a) lower exclusive 1 from 3
        try f.makeKey(3)
        _ = try f.seek(JET_bitSeekEQ)
        try f.makeKey(1)
        try range(0)
        #expect(try f.read() == 3)
        try f.move(-1)
        #expect(try f.read() == 2)
        #expect(f.result { try f.move(-1) } == .noCurrentRecord)
        try f.move(1)
        #expect(try f.read() == 1)
        // (b) upper exclusive 4 from 2
        try f.makeKey(2)
        _ = try f.seek(JET_bitSeekEQ)
        try f.makeKey(4)
        try range(JET_bitRangeUpperLimit)
        try f.move(1)
        #expect(try f.read() == 3)
        #expect(f.result { try f.move(1) } == .noCurrentRecord)
        try f.move(-1)
        #expect(try f.read() == 4)
        // (d) upper inclusive 3 from 2
        try f.makeKey(2)
        _ = try f.seek(JET_bitSeekEQ)
        try f.makeKey(3)
        try range(JET_bitRangeInclusive | JET_bitRangeUpperLimit)
        try f.move(1)
        #expect(try f.read() == 3)
        #expect(f.result { try f.move(1) } == .noCurrentRecord)
        // (e) remove
        try f.makeKey(3)
        _ = try f.seek(JET_bitSeekEQ)
        try f.makeKey(1)
        try range(0)
        try f.move(-1)
        try range(JET_bitRangeRemove)
        try f.move(-1)
        #expect(try f.read() == 1)
        #expect(f.result { try range(JET_bitRangeRemove) } == .invalidOperation)
        #expect(f.result { try range(0) } == .keyNotMade)
    }

    @Test("api JetMove: JET_bitMoveKeyNE skips entries with the key just left")
    func moveKeyNE() throws {
        let f = try CursorFixture()
        for (k, d1, d2) in [(3, 30, 300), (6, 20, 200), (2, 10, 100), (4, 20, 200), (1, 20, 200), (5, 30, 300)] as [(Int32, Int32, Int32)] {
            try f.insert(k, d1, d2)
        }
        #expect(try f.read() == 1)
        try f.setIndex("secondarywithoutprimary")
        #expect(try f.read() == 2)
        try f.move(1, keyNE: true)
        #expect(try f.read() == 1)
        try f.move(1)
        #expect(try f.read() == 4)
        try f.move(1, keyNE: true)
        #expect(try f.read() == 3)
        #expect(f.result { try f.move(1, keyNE: true) } == .noCurrentRecord)
        try f.move(-1, keyNE: true)
        #expect(try f.read() == 5)
        try f.move(-1)
        #expect(try f.read() == 3)
        try f.move(-1, keyNE: true)
        #expect(try f.read() == 6)
        try f.move(-1, keyNE: true)
        #expect(try f.read() == 2)
        #expect(f.result { try f.move(-1, keyNE: true) } == .noCurrentRecord)
        try f.move(1, keyNE: true)
        #expect(try f.read() == 2)
    }

    @Test("api JetMove: a fresh cursor resolves to the first entry; inserts never move it; MoveFirst on 2^31 and -2^31")
    func deferredFirstAndInserts() throws {
        let f = try CursorFixture()
        #expect(f.result { try f.move(Navigation.moveFirst) } == .noCurrentRecord)
        #expect(f.result { try f.move(1) } == .noCurrentRecord)
        let fresh = try f.open(f.sesid)
        for k: Int32 in [3, 1, 2] { try f.insert(k, tableid: fresh) }
        #expect(try f.read(tableid: fresh) == 1)
        try f.insert(0, tableid: fresh)
        #expect(try f.read(tableid: fresh) == 1)
        let second = try f.open(f.sesid)
        try f.move(1, tableid: second)
        #expect(try f.read(tableid: second) == 1)
        try f.move(-Navigation.moveFirst, tableid: second)
        #expect(try f.read(tableid: second) == 0)
        try f.move(Navigation.moveLast, tableid: second)
        #expect(try f.read(tableid: second) == 3)
        #expect(f.result { try f.move(1 << 40, tableid: second) } == .invalidParameter)
    }

    @Test("api JetDelete: the cursor stays on the deleted record's place; a re-insert of its key puts it back on it")
    func currencyAfterDelete() throws {
        let f = try CursorFixture()
        for k: Int32 in [3, 1, 2] { try f.insert(k) }
        try f.makeKey(1)
        _ = try f.seek(JET_bitSeekEQ)
        try Updates.delete(sesid: f.sesid, tableid: f.tableid)
        #expect(f.result { _ = try f.read() } == .recordDeleted)
        #expect(f.result { try f.move(0) } == .recordDeleted)
        try f.insert(1)
        #expect(try f.read() == 1)
        try Updates.delete(sesid: f.sesid, tableid: f.tableid)
        #expect(f.result { try f.move(-1) } == .noCurrentRecord)
        try f.insert(1)
        try f.move(1)
        #expect(try f.read() == 1)
        try f.makeKey(2)
        _ = try f.seek(JET_bitSeekEQ)
        try Updates.delete(sesid: f.sesid, tableid: f.tableid)
        try f.move(-1)
        #expect(try f.read() == 1)
        try f.insert(2)
        try f.move(1)
        #expect(try f.read() == 2)
        try Updates.delete(sesid: f.sesid, tableid: f.tableid)
        try f.move(1)
        #expect(try f.read() == 3)
    }

    @Test("api JetUpdate: a replace that moves the secondary key leaves the cursor at the entry's old place")
    func replaceMovesSecondaryKey() throws {
        let f = try CursorFixture()
        try f.setIndex("secondarywithoutprimary")
        for (k, d1, d2) in [(1, 20, 200), (3, 10, 100), (2, 10, 100), (4, 40, 400)] as [(Int32, Int32, Int32)] {
            try f.insert(k, d1, d2)
        }
        try f.makeKey(10)
        try f.makeKey(100, newKey: false)
        _ = try f.seek(JET_bitSeekEQ)
        #expect(try f.read() == 2)
        try Updates.prepareUpdate(sesid: f.sesid, tableid: f.tableid, prep: UInt(JET_prepReplace))
        try f.set(CursorFixture.data1, -10)
        try f.set(CursorFixture.data2, -100)
        _ = try Updates.update(sesid: f.sesid, tableid: f.tableid, bookmarkOut: nil, grbit: 0)
        #expect(try f.read(CursorFixture.data1) == -10)
        try f.move(-1)
        #expect(try f.read() == 2)
        #expect(try f.read(CursorFixture.data2) == -100)
        try f.move(1)
        #expect(try f.read() == 3)
    }

    @Test("api JetPrepareUpdate: a second session's Replace of a locked record gives -1102 at once; the first commits")
    func replaceLockConflict() throws {
        let f = try CursorFixture()
        let bookmark = try f.insert(10, 100, 1000)
        let other = try f.newSession()
        let theirs = try f.open(other)
        try Sessions.beginTransaction(f.sesid)
        try Sessions.beginTransaction(other)
        try bookmark.withUnsafeBytes { b in
            try Navigation.gotoBookmark(sesid: f.sesid, tableid: f.tableid, bookmark: b)
            try Navigation.gotoBookmark(sesid: other, tableid: theirs, bookmark: b)
        }
        try Updates.prepareUpdate(sesid: f.sesid, tableid: f.tableid, prep: UInt(JET_prepReplace))
        #expect(
            f.result { try Updates.prepareUpdate(sesid: other, tableid: theirs, prep: UInt(JET_prepReplace)) }
                == .writeConflict)
        try f.set(CursorFixture.data1, 200)
        _ = try Updates.update(sesid: f.sesid, tableid: f.tableid, bookmarkOut: nil, grbit: 0)
        #expect(try f.read(CursorFixture.data1) == 200)
        // The other transaction still sees the old value, and may not change the record even after the commit.
        try Sessions.commit(f.sesid, grbit: 0)
        #expect(try f.read(CursorFixture.data1, tableid: theirs, sesid: other) == 100)
        #expect(f.result { try Updates.delete(sesid: other, tableid: theirs) } == .writeConflict)
        try Sessions.rollback(other, grbit: 0)
        try Updates.delete(sesid: other, tableid: theirs)
    }

    @Test("api JetUpdate: of two ReplaceNoLock updates of one record the second JetUpdate gives -1102")
    func replaceNoLockConflict() throws {
        let f = try CursorFixture()
        let bookmark = try f.insert(10, 100, 1000)
        let other = try f.newSession()
        let theirs = try f.open(other)
        try Sessions.beginTransaction(f.sesid)
        try Sessions.beginTransaction(other)
        try bookmark.withUnsafeBytes { b in
            try Navigation.gotoBookmark(sesid: f.sesid, tableid: f.tableid, bookmark: b)
            try Navigation.gotoBookmark(sesid: other, tableid: theirs, bookmark: b)
        }
        try Updates.prepareUpdate(sesid: f.sesid, tableid: f.tableid, prep: UInt(JET_prepReplaceNoLock))
        try Updates.prepareUpdate(sesid: other, tableid: theirs, prep: UInt(JET_prepReplaceNoLock))
        try f.set(CursorFixture.data1, 300, tableid: theirs, sesid: other)
        try f.set(CursorFixture.data1, 200)
        _ = try Updates.update(sesid: other, tableid: theirs, bookmarkOut: nil, grbit: 0)
        #expect(
            f.result { _ = try Updates.update(sesid: f.sesid, tableid: f.tableid, bookmarkOut: nil, grbit: 0) }
                == .writeConflict)
        try Sessions.commit(f.sesid, grbit: 0)
        try Sessions.commit(other, grbit: 0)
        #expect(try f.read(CursorFixture.data1) == 300)
    }

    @Test("api JetUpdate: an insert of a key another open transaction inserted gives -1605, not -1102")
    func insertConflictIsKeyDuplicate() throws {
        let f = try CursorFixture()
        let other = try f.newSession()
        let theirs = try f.open(other)
        try Sessions.beginTransaction(other)
        try f.insert(7, tableid: theirs, sesid: other)
        #expect(f.result { try f.insert(7) } == .keyDuplicate)
        // The failed insert stays prepared; cancelling it works.
        try Updates.prepareUpdate(sesid: f.sesid, tableid: f.tableid, prep: UInt(JET_prepCancel))
        try Sessions.rollback(other, grbit: 0)
        try f.insert(7)
    }

    @Test("api JetRollback: each level undoes its own changes; cursors opened at a rolled-back level are closed")
    func rollbackLevels() throws {
        let f = try CursorFixture()
        try Sessions.beginTransaction(f.sesid)
        try f.insert(1)
        try Sessions.beginTransaction(f.sesid)
        let inner = try f.open(f.sesid)
        try f.insert(2, tableid: inner)
        try f.move(Navigation.moveLast)
        #expect(try f.read() == 2)
        try Sessions.rollback(f.sesid, grbit: 0)
        #expect(f.result { try f.move(0, tableid: inner) } == .invalidTableId)
        // Moved at the rolled-back level: before first.
        #expect(f.result { _ = try f.read() } == .noCurrentRecord)
        try f.move(Navigation.moveLast)
        #expect(try f.read() == 1)
        try Sessions.commit(f.sesid, grbit: 0)
        try f.move(Navigation.moveFirst)
        #expect(f.result { try f.move(1) } == .noCurrentRecord)
    }

    @Test("api JetBeginTransaction: a transaction keeps its snapshot; a read-only one refuses updates with -1110")
    func snapshotIsolation() throws {
        let f = try CursorFixture()
        try f.insert(999, 1, 1)
        let other = try f.newSession()
        let theirs = try f.open(other)
        try Sessions.beginTransaction(f.sesid, grbit: UInt(JET_bitTransactionReadOnly))
        #expect(f.result { try f.insert(5) } == .transReadOnly)
        try f.makeKey(999, tableid: theirs, sesid: other)
        _ = try Navigation.seek(sesid: other, tableid: theirs, grbit: UInt(JET_bitSeekEQ))
        try Updates.delete(sesid: other, tableid: theirs)
        try f.makeKey(999)
        #expect(try f.seek(JET_bitSeekEQ) == nil)
        try Sessions.commit(f.sesid, grbit: 0)
        try f.makeKey(999)
        #expect(f.result { _ = try f.seek(JET_bitSeekEQ) } == .recordNotFound)
    }

    @Test("api JetIndexRecordCount: counts from the current entry to the end, a range limit or crecMax")
    func indexRecordCount() throws {
        let f = try CursorFixture()
        #expect(try Navigation.indexRecordCount(sesid: f.sesid, tableid: f.tableid, limit: 0) == 0)
        for k in 0..<10 { try f.insert(Int32(k)) }
        #expect(try Navigation.indexRecordCount(sesid: f.sesid, tableid: f.tableid, limit: 0) == 10)
        #expect(try Navigation.indexRecordCount(sesid: f.sesid, tableid: f.tableid, limit: 9) == 9)
        try f.makeKey(2)
        _ = try f.seek(JET_bitSeekEQ)
        try f.makeKey(8)
        try Navigation.setIndexRange(sesid: f.sesid, tableid: f.tableid, grbit: UInt(JET_bitRangeUpperLimit))
        #expect(try Navigation.indexRecordCount(sesid: f.sesid, tableid: f.tableid, limit: 0) == 6)
        #expect(try f.read() == 2)
    }

    @Test("api JetGetTableColumnInfo: JET_ColInfoList is a read-only table of the columns, by name or by id")
    func columnList() throws {
        let f = try CursorFixture()
        let list = try InfoLists.openColumnList(
            sesid: f.sesid, table: f.schema, sortByColumnid: false, minimal: false, updatable: true, unicode: false)
        #expect(list.cRecord == 3)
        #expect(list.columnidDefinitionName == list.columnidcolumnname)
        func name() throws -> String {
            var bytes = [UInt8](repeating: 0, count: 64)
            let (n, _) = try bytes.withUnsafeMutableBytes { b in
                try Updates.retrieveColumn(
                    sesid: f.sesid, tableid: list.tableid, columnid: UInt(list.columnidcolumnname), into: b, grbit: 0,
                    itagSequence: 1)
            }
            return String(decoding: bytes[0..<n], as: UTF8.self)
        }
        // Positioned on the first row; rows sorted by name.
        #expect(try name() == "columndata1")
        #expect(try f.read(UInt(list.columnidcolumnid), tableid: list.tableid) == 2)
        try f.move(1, tableid: list.tableid)
        #expect(try name() == "columndata2")
        try f.move(1, tableid: list.tableid)
        #expect(try name() == "columnkey")
        #expect(try f.read(UInt(list.columnidcoltyp), tableid: list.tableid) == Int32(JET_coltypLong))
        #expect(f.result { try f.move(1, tableid: list.tableid) } == .noCurrentRecord)
        #expect(
            f.result { try Updates.prepareUpdate(sesid: f.sesid, tableid: list.tableid, prep: UInt(JET_prepInsert)) }
                == .permissionDenied)
        // A transaction around it changes nothing for the list.
        try Sessions.beginTransaction(f.sesid)
        try f.move(Navigation.moveFirst, tableid: list.tableid)
        try Sessions.commit(f.sesid, grbit: 0)
        #expect(try name() == "columndata1")
        try TableCursors.closeTable(sesid: f.sesid, tableid: list.tableid)
        let byId = try InfoLists.openColumnList(
            sesid: f.sesid, table: f.schema, sortByColumnid: true, minimal: true, updatable: false, unicode: false)
        #expect(try f.read(UInt(byId.columnidcolumnid), tableid: byId.tableid) == 1)
        let indexes = try InfoLists.openIndexList(sesid: f.sesid, table: f.schema, unicode: false)
        // One row per key column: 1 + 2 + 2.
        #expect(indexes.cRecord == 5)
        #expect(try f.read(UInt(indexes.columnidcolumnid), tableid: indexes.tableid) == 1)
    }

    @Test("api JetTableid handles: closed, unknown and other-session tableids give -1310 / -1114")
    func tableidChecks() throws {
        let f = try CursorFixture()
        let other = try f.newSession()
        #expect(f.result { try f.move(0, sesid: other) } == .sesidTableIdMismatch)
        #expect(f.result { try f.move(0, tableid: 12345) } == .invalidTableId)
        try TableCursors.closeTable(sesid: f.sesid, tableid: f.tableid)
        #expect(f.result { try f.move(0) } == .invalidTableId)
        #expect(f.result { try TableCursors.closeTable(sesid: f.sesid, tableid: f.tableid) } == .invalidTableId)
    }
}
