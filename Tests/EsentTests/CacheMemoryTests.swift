import Testing

@testable import EsentCore

/// What the paged engine keeps in memory: the versions a commit replaced, and the cache next to a transaction's
/// own page copies (issue 10: a million-row insert with a 64 MiB cache peaked at 143 MiB).
@Suite(.serialized)
struct CacheMemoryTests {
    /// A commit's own snapshot is over once it commits: with no other snapshot open, the versions it replaced are
    /// not kept (they were, until the next commit, beside every page it changed). An older reader keeps what it
    /// reads while it is open.
    @Test func aCommitKeepsNoReplacedVersionsThatNoSnapshotReads() throws {
        let f = try EngineFixture()
        let setup = f.store.begin(readOnly: false)
        let tree = try setup.createTree(dbid: 1)
        for i in 0..<500 { try setup.put(tree, pad("", i, 5), String(repeating: "x", count: 100)) }
        try f.commit(setup, lazy: true)
        #expect(f.store.cache.pageCount == f.store.cache.chainCount)

        let update = f.store.begin(readOnly: false)
        for i in stride(from: 0, to: 500, by: 7) { try update.set(tree, pad("", i, 5), String(repeating: "y", count: 100)) }
        try f.commit(update, lazy: true)
        #expect(f.store.cache.pageCount == f.store.cache.chainCount, "replaced versions kept after the commit")

        let reader = f.store.begin(readOnly: true)
        let again = f.store.begin(readOnly: false)
        for i in stride(from: 0, to: 500, by: 7) { try again.set(tree, pad("", i, 5), String(repeating: "z", count: 100)) }
        try f.commit(again, lazy: true)
        #expect(f.store.cache.pageCount > f.store.cache.chainCount, "the reader's versions are kept")
        #expect(try reader.dump(tree).first == "00000=" + String(repeating: "y", count: 100))
        reader.rollbackAll()

        // Gone with the next commit to those pages (or, for pages no commit changes, when the cache is full).
        let last = f.store.begin(readOnly: false)
        for i in stride(from: 0, to: 500, by: 7) { try last.set(tree, pad("", i, 5), String(repeating: "w", count: 100)) }
        try f.commit(last, lazy: true)
        #expect(f.store.cache.pageCount == f.store.cache.chainCount, "the reader's versions outlive it")
        #expect(try f.store.begin(readOnly: true).dump(tree).first == "00000=" + String(repeating: "w", count: 100))
    }

    /// Transactions that each change pages all over a tree larger than the cache (as inserts into a secondary
    /// index with random keys do): the cached versions and the transaction's private copies together stay within
    /// JET_paramCacheSizeMax, give or take the slack of eviction by shard. The cache used to fill its whole size
    /// beside the copies, mostly with pages not written yet.
    @Test func theCacheLeavesRoomForATransactionsPageCopies() throws {
        let cacheMax = 512
        let f = try EngineFixture(
            settings: PagedStoreSettings(cacheMaxPages: cacheMax, startFlushDirty: cacheMax - 5, stopFlushDirty: cacheMax - 10))
        let value = String(repeating: "v", count: 400)
        var tree = TreeID(dbid: 1, objid: 0)
        for batch in 0..<16 {
            let t = f.store.begin(readOnly: false)
            if batch == 0 { tree = try t.createTree(dbid: 1) }
            for i in 0..<1000 { try t.put(tree, pad("", batch * 1000 + i, 6), value) }
            try f.commit(t, lazy: true)
        }
        var random = EngineRandom(state: 7)
        var peak = 0
        for _ in 0..<12 {
            let t = try #require(f.store.begin(readOnly: false) as? PagedTransaction)
            for _ in 0..<300 {
                try t.set(tree, pad("", random.below(16000), 6), String(repeating: "w", count: 400))
                peak = max(peak, f.store.cache.pageCount + t.overlay.count)
            }
            #expect(t.overlay.count > cacheMax / 4, "each transaction copies many pages")
            try f.commit(t, lazy: true)
            peak = max(peak, f.store.cache.pageCount)
        }
        print("peak pages held: \(peak) for a cache of \(cacheMax)")
        #expect(peak <= cacheMax + cacheMax / 8)
        #expect(try f.store.begin(readOnly: true).count(tree, limit: .max) == 16000)
    }

    /// Count, verify and the walk that finds free pages at attach read a page, then its children, through a raw
    /// pointer to the parent: with a cache smaller than the tree the parent could be dropped meanwhile and its
    /// buffer reused for a child (a branch then read a key's bytes as a child page number: `.corrupt`).
    @Test func pageWalksKeepTheirPagesWhileTheCacheDropsThem() throws {
        let cacheMax = 512
        let f = try EngineFixture(
            settings: PagedStoreSettings(cacheMaxPages: cacheMax, startFlushDirty: cacheMax - 5, stopFlushDirty: cacheMax - 10))
        let value = String(repeating: "v", count: 400)
        let setup = f.store.begin(readOnly: false)
        let tree = try setup.createTree(dbid: 1)
        try f.commit(setup, lazy: true)
        for batch in 0..<16 {
            let t = f.store.begin(readOnly: false)
            for i in 0..<1000 { try t.put(tree, pad("", batch * 1000 + i, 6), value) }
            try f.commit(t, lazy: true)
            let reader = try #require(f.store.begin(readOnly: true) as? PagedTransaction)
            #expect(try reader.count(tree, limit: .max) == (batch + 1) * 1000)
            let space = TransactionSpace(transaction: reader, database: try reader.database(1))
            #expect(try BTree.verify(space, root: try #require(try reader.root(tree))) == (batch + 1) * 1000)
        }
        // Attach again: the free pages are found by walking every tree through an empty cache.
        try f.store.flush(dbid: 1, log: f.log)
        f.store.unregister(dbid: 1)
        try f.store.register(dbid: 1, file: try #require(f.file))
        #expect(try f.store.begin(readOnly: true).count(tree, limit: .max) == 16000)
    }
}
