import Glibc
import SystemPackage
import Testing

@testable import EsentCore

// Page deltas: a commit logs a page it changed again while the page is still unwritten as the byte ranges that
// changed; replay applies them over the page its full image (earlier in the same replay) left in the file.

@Suite(.serialized)
struct PageDeltaTests {
    static let pageSize = 8192
    static let pgno: UInt32 = 3

    /// A sealed page `pgno` whose body is `seed`-dependent bytes with `changed` bytes rewritten from offset 100.
    static func page(seed: UInt8, changed: [(offset: Int, byte: UInt8)] = []) -> [UInt8] {
        var p = (0..<pageSize).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
        for (offset, byte) in changed { p[offset] = byte }
        p.withUnsafeMutableBytes { b in
            b.baseAddress!.diskStore(pgno, at: DatabaseFile.PageOffset.pgno)
            DatabaseFile.sealPage(b.baseAddress!, pageSize: pageSize)
        }
        return p
    }

    static func checksum(_ page: [UInt8]) -> UInt64 {
        page.withUnsafeBytes { $0.baseAddress!.diskLoad(DatabaseFile.PageOffset.checksum, as: UInt64.self) }
    }

    static func delta(from old: [UInt8], to new: [UInt8], sign: Signature) throws -> LogRecord {
        let ranges = try #require(
            old.withUnsafeBytes { o in
                new.withUnsafeBytes { n in
                    PageDelta.encode(old: o.baseAddress!, new: n.baseAddress!, pageSize: pageSize, limit: pageSize / 2)
                }
            })
        return .pageDelta(
            dbid: 1, signDb: sign, pgno: pgno, before: checksum(old), after: checksum(new), ranges: ranges)
    }

    /// Versions of one page: v0 (in the file before the log range), v1 (its full image in the log), v2 and v3
    /// (deltas on v1 and v2).
    static let v0 = page(seed: 1)
    static let v1 = page(seed: 2)
    static let v2 = page(seed: 2, changed: [(100, 0xEE), (101, 0xEF), (5000, 0x11)])
    static let v3 = page(seed: 2, changed: [(100, 0xEE), (101, 0xEF), (5000, 0x11), (6000, 0x22)])

    /// A database file with `pgno` holding `content` (raw bytes: sound, torn or anything).
    final class Database {
        let folder = StorageTempFolder()
        let path: String
        let sign = Signature.make()

        init(content: [UInt8]) throws {
            path = folder.path + "d.edb"
            var header = DatabaseHeader.new(pageSize: PageDeltaTests.pageSize)
            header.signDb = sign
            _ = try DatabaseFile.create(
                path: FilePath(path), pageSize: PageDeltaTests.pageSize, dataPages: 8, header: header, overwrite: false)
            try RawFile.write(
                path, content, at: Int64(PageDeltaTests.pgno + 1) * Int64(PageDeltaTests.pageSize))
        }

        var page: [UInt8] {
            get throws {
                let bytes = try RawFile.read(path)
                let start = (Int(PageDeltaTests.pgno) + 1) * PageDeltaTests.pageSize
                return Array(bytes[start..<(start + PageDeltaTests.pageSize)])
            }
        }

        /// Replays `groups` (each one committed group) with page redo into this file.
        @discardableResult
        func replay(_ groups: [[LogRecord]]) throws(StorageFileError) -> PageRedo {
            let redo = PageRedo(attached: []) { [sign, path] in $0.signDb == sign ? FilePath(path) : nil }
            for group in groups {
                try redo.visit(.commitGroupBegin(pages: UInt32(group.count)))
                for record in group { try redo.visit(record) }
                try redo.visit(.commitGroupEnd)
            }
            try redo.finish()
            return redo
        }

        func image(_ page: [UInt8]) -> LogRecord { .pageImage(dbid: 1, signDb: sign, pgno: PageDeltaTests.pgno, page: page) }
    }

    /// The log of v1 (image), v2 and v3 (deltas), as three groups.
    static func chain(_ db: Database) throws -> [[LogRecord]] {
        [[db.image(v1)], [try delta(from: v1, to: v2, sign: db.sign)], [try delta(from: v2, to: v3, sign: db.sign)]]
    }

    @Test func rangesTurnTheOldPageIntoTheNewAndStopAtTheLimit() throws {
        var random = EngineRandom(state: 7)
        for _ in 0..<50 {
            let old = (0..<Self.pageSize).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var new = old
            for _ in 0..<random.below(40) { new[random.below(Self.pageSize)] = UInt8(truncatingIfNeeded: random.next()) }
            let ranges = old.withUnsafeBytes { o in
                new.withUnsafeBytes { n in
                    PageDelta.encode(old: o.baseAddress!, new: n.baseAddress!, pageSize: Self.pageSize, limit: 4096)
                }
            }
            let r = try #require(ranges)
            #expect(r.isEmpty == (old == new))
            var patched = old
            if !r.isEmpty {
                #expect(patched.withUnsafeMutableBytes { PageDelta.apply(r, to: $0.baseAddress!, pageSize: Self.pageSize) })
            }
            #expect(patched == new)
        }
        // Every byte changed: over the limit, so the caller logs the image.
        let old = [UInt8](repeating: 1, count: Self.pageSize)
        let new = [UInt8](repeating: 2, count: Self.pageSize)
        #expect(old.withUnsafeBytes { o in new.withUnsafeBytes { n in
            PageDelta.encode(old: o.baseAddress!, new: n.baseAddress!, pageSize: Self.pageSize, limit: 4096) } } == nil)
        // Ranges that leave the page, overlap or have no bytes are refused and change nothing.
        var page = old
        for bad: [UInt8] in [[0xFF, 0x1F, 2, 0, 9, 9], [0, 0, 0, 0], [4, 0, 2, 0, 9, 9, 4, 0, 1, 0, 9], [0, 0, 5, 0, 1], []] {
            #expect(!page.withUnsafeMutableBytes { PageDelta.apply(bad, to: $0.baseAddress!, pageSize: Self.pageSize) })
        }
        #expect(page == old)
    }

    @Test func deltaRecordRoundTripsAndMalformedRangesAreCorrupt() throws {
        let good = try Self.delta(from: Self.v1, to: Self.v2, sign: .make())
        func decode(_ record: LogRecord) throws -> LogRecord.Decoded {
            let size = try record.encodedSize()
            var bytes = [UInt8](repeating: 0, count: size)
            try bytes.withUnsafeMutableBytes { b in _ = try record.encode(into: b.baseAddress!) }
            return bytes.withUnsafeBytes { LogRecord.decode($0.baseAddress!, available: size) }
        }
        #expect(try decode(good) == .record(good, size: try good.encodedSize()))
        for bad: [UInt8] in [[], [0, 0, 0, 0], [0, 0, 3, 0, 1], [0xFF, 0x7F, 2, 0, 1, 2]] {
            #expect(try decode(.pageDelta(dbid: 1, signDb: .none, pgno: 3, before: 1, after: 2, ranges: bad)) == .corrupt)
        }
    }

    @Test func deltasReplayOverAnOlderPage() throws {
        let db = try Database(content: Self.v0)
        let redo = try db.replay(try Self.chain(db))
        #expect(try db.page == Self.v3)
        #expect(redo.deltasApplied == 2)
    }

    @Test func deltasReplayOverANewerPage() throws {
        // The file already has v3 (written before the crash): the image puts v1 back and the deltas lead to v3.
        let db = try Database(content: Self.v3)
        try db.replay(try Self.chain(db))
        #expect(try db.page == Self.v3)
        // A delta whose result the page already holds leaves it alone.
        let redo = try db.replay([[try Self.delta(from: Self.v2, to: Self.v3, sign: db.sign)]])
        #expect(redo.deltasAlreadyApplied == 1)
        #expect(try db.page == Self.v3)
    }

    @Test func deltasReplayOverATornPage() throws {
        var torn = Self.v3
        for i in 4096..<Self.pageSize { torn[i] = Self.v0[i] }
        let db = try Database(content: torn)
        try db.replay(try Self.chain(db))
        #expect(try db.page == Self.v3)
        // A delta older than the replay's first image of the page (it precedes the write the crash tore) is left
        // out; the image after it rewrites the page.
        let later = try Database(content: torn)
        let redo = try later.replay([
            [try Self.delta(from: Self.v1, to: Self.v2, sign: later.sign)], [later.image(Self.v2)],
            [try Self.delta(from: Self.v2, to: Self.v3, sign: later.sign)],
        ])
        #expect(redo.deltasOlderThanFile == 1)
        #expect(try later.page == Self.v3)
    }

    /// A delta with no image before it in the replay was logged before a write of the page that let the checkpoint
    /// move: the file holds that write, which has the delta's effect, or the delta's base.
    @Test func deltaWithoutItsImageAppliesToItsBaseAndLeavesALaterWrite() throws {
        let newer = try Database(content: Self.v3)
        let redo = try newer.replay([[try Self.delta(from: Self.v1, to: Self.v2, sign: newer.sign)]])
        #expect(redo.deltasOlderThanFile == 1)
        #expect(try newer.page == Self.v3)
        let base = try Database(content: Self.v1)
        try base.replay([[try Self.delta(from: Self.v1, to: Self.v2, sign: base.sign)]])
        #expect(try base.page == Self.v2)
    }

    /// After an image in the same replay, a delta must follow on from it: anything else is damage.
    @Test func deltaThatDoesNotFollowItsImageStopsRecovery() throws {
        let db = try Database(content: Self.v0)
        // Its ranges would fit, but it names v0 as its base.
        guard case .pageDelta(_, _, _, _, let after, let ranges) = try Self.delta(from: Self.v1, to: Self.v2, sign: db.sign)
        else { return }
        let stray = LogRecord.pageDelta(
            dbid: 1, signDb: db.sign, pgno: Self.pgno, before: Self.checksum(Self.v0), after: after, ranges: ranges)
        #expect(throws: JetError.logFileCorrupt) { try storage(try db.replay([[db.image(Self.v1)], [stray]])) }
        #expect(try db.page == Self.v1)
    }

    @Test func recoveryCrashedAfterAnyGroupThenRunAgainEndsAsOneRecovery() throws {
        for done in 0...3 {
            let db = try Database(content: Self.v0)
            let groups = try Self.chain(db)
            // The first recovery got through `done` groups, then the process died; the second runs them all.
            try db.replay(Array(groups.prefix(done)))
            try db.replay(groups)
            #expect(try db.page == Self.v3)
        }
    }

    /// The engine logs a page it changes again while unwritten as a delta, and the first change after the page
    /// reached its file as a full image; recovery gives the committed state either way.
    @Test func engineLogsDeltasForUnwrittenPagesAndRecoveryRedoesThem() throws {
        let f = try EngineFixture()
        let log = try #require(f.log)
        for i in 0..<5 {
            let t = f.store.begin(readOnly: false)
            try t.put(engineCatalog, pad("k", i, 3), "value \(i)")
            try f.commit(t)
        }
        #expect(f.store.statistics.deltasLogged >= 4)
        try f.store.flush(dbid: nil, log: log)
        let before = f.store.statistics.deltasLogged
        let t = f.store.begin(readOnly: false)
        try t.put(engineCatalog, "k100", "after the write")
        try f.commit(t)
        #expect(f.store.statistics.deltasLogged == before)
        for i in 5..<10 {
            let t = f.store.begin(readOnly: false)
            try t.put(engineCatalog, pad("k", i, 3), "value \(i)")
            try f.commit(t)
        }
        #expect(f.store.statistics.deltasLogged > before)
        let expected = try f.store.begin(readOnly: true).dump(engineCatalog)
        try f.crashAndRecover()
        #expect(try f.store.begin(readOnly: true).dump(engineCatalog) == expected)
        #expect(expected.count == 11)
    }
}
