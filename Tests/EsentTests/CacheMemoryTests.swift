import Testing

@testable import EsentCore

/// What the paged engine keeps in memory: the versions a commit replaced, and the cache next to a transaction's
/// own page copies (issue 10: a million-row insert with a 64 MiB cache peaked at 143 MiB).
@Suite(.serialized)
struct CacheMemoryTests {
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
