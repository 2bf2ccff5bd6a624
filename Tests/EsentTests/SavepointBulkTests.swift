import Testing

@testable import EsentCore

/// A bulk load as JetUpdate drives the paged engine: one savepoint level per row inside a long transaction, over
/// thousands of rows and many pages (splits at every level), with enclosing levels rolled back and committed
/// around them, compared step by step with the reference model (MemoryTreeStore). Closing a level visits only
/// what that level touched, and the operation history is kept in one buffer: both must leave every level's
/// rollback, the re-run of a commit that finds its pages changed, and recovery exactly as the model says.
@Suite(.serialized)
struct SavepointBulkTests {
    /// One row the way an update writes it: a level of its own, committed into the enclosing one; a failing
    /// write (duplicate key, missing key) rolls its level back and leaves the view as it was.
    private func row(_ t: any TreeTransaction, _ body: (any TreeTransaction) throws -> Void) -> StorageError? {
        do {
            try t.beginLevel()
        } catch {
            return error
        }
        if let failure = outcome({ try body(t) }) {
            t.rollbackLevel()
            return failure
        }
        t.commitLevel()
        return nil
    }

    @Test func perRowSavepointsOverManyPagesMatchTheModel() throws {
        let fixture = try EngineFixture()
        let model = MemoryTreeStore()
        model.register(dbid: 1)
        let pagedSetup = fixture.store.begin(readOnly: false)
        let modelSetup = model.begin(readOnly: false)
        let tree = try pagedSetup.createTree(dbid: 1)
        #expect(try modelSetup.createTree(dbid: 1) == tree)
        try pagedSetup.put(tree, "m-middle", "0")
        try modelSetup.put(tree, "m-middle", "0")
        try fixture.commit(pagedSetup)
        try modelSetup.commit(lazy: false, log: nil)

        let paged = fixture.store.begin(readOnly: false)
        let mine = model.begin(readOnly: false)
        let pagedTransaction = try #require(paged as? PagedTransaction)
        // Fetched each time: a reference kept past the commit would hold the file open through the crash below.
        func freePages() throws -> Int { try pagedTransaction.database(1).freePageCount }
        var random = EngineRandom(state: 10)
        func value(_ i: Int) -> String {
            String(repeating: Character(UnicodeScalar(UInt8(97 + i % 26))), count: 100 + random.below(200))
        }
        func both(_ step: String, _ body: (any TreeTransaction) throws -> Void) {
            let a = row(paged) { try body($0) }
            let b = row(mine) { try body($0) }
            #expect(a == b, "\(step)")
        }
        var next = 0
        for block in 0..<40 {
            // Rows in key order, each in its own level, as a loader's JetUpdates.
            for _ in 0..<60 {
                let v = value(next)
                both("row \(next)") { try $0.put(tree, pad("k", next, 6), v) }
                next += 1
            }
            // A duplicate fails inside its level and changes nothing.
            both("duplicate in block \(block)") { try $0.put(tree, pad("k", next - 1, 6), "dup") }
            // An enclosing level over more rows (many pages, splits), with replaces and deletes of older rows and
            // a deeper level inside it; then it rolls back or commits as a whole.
            try paged.beginLevel()
            try mine.beginLevel()
            let freeBefore = try freePages()
            for j in 0..<50 {
                let v = value(next + j)
                both("inner row \(next + j)") { try $0.put(tree, pad("k", next + j, 6), v) }
            }
            let old = random.below(next)
            both("replace \(old)") { try $0.set(tree, pad("k", old, 6), "replaced") }
            both("delete \(old + 1)") { try $0.remove(tree, pad("k", old + 1, 6)) }
            try paged.beginLevel()
            try mine.beginLevel()
            for j in 50..<80 {
                let v = value(next + j)
                both("deeper row \(next + j)") { try $0.put(tree, pad("k", next + j, 6), v) }
            }
            if block % 3 == 0 {
                paged.rollbackLevel()
                mine.rollbackLevel()
            } else {
                paged.commitLevel()
                mine.commitLevel()
            }
            if block % 2 == 0 {
                paged.rollbackLevel()
                mine.rollbackLevel()
                // The pages the rolled-back levels took from the allocator went back to it.
                #expect(try freePages() >= freeBefore, "block \(block) pages given back")
            } else {
                paged.commitLevel()
                mine.commitLevel()
                next += 80
            }
            #expect(paged.level == 1)
            if block % 8 == 7 { #expect(try paged.dump(tree) == mine.dump(tree), "block \(block) view") }
        }
        #expect(try paged.dump(tree) == mine.dump(tree))

        // Another transaction commits first on the same first leaf: this commit re-runs its history.
        let other = fixture.store.begin(readOnly: false)
        let otherModel = model.begin(readOnly: false)
        try other.put(tree, "a-first", "other")
        try otherModel.put(tree, "a-first", "other")
        try fixture.commit(other)
        try otherModel.commit(lazy: false, log: nil)
        let rerunsBefore = fixture.store.statistics.reexecutedCommits
        try fixture.commit(paged)
        try mine.commit(lazy: false, log: nil)
        #expect(fixture.store.statistics.reexecutedCommits == rerunsBefore + 1)
        let expected = try model.begin(readOnly: true).dump(tree)
        #expect(expected.count > 2000)
        #expect(try fixture.store.begin(readOnly: true).dump(tree) == expected)
        try fixture.crashAndRecover()
        #expect(try fixture.store.begin(readOnly: true).dump(tree) == expected)
    }
}
