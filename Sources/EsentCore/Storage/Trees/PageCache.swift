import Synchronization

/// A page of one database: the cache's and the transactions' key.
package struct PageKey: Hashable, Sendable {
    package var dbid: UInt32
    package var pgno: UInt32

    package init(dbid: UInt32, pgno: UInt32) {
        self.dbid = dbid
        self.pgno = pgno
    }

    /// One word into the hasher instead of two: every cache lookup and transaction overlay lookup hashes a key.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(dbid) << 32 | UInt64(pgno))
    }
}

/// Committed versions of one page, oldest first. `seq` is the commit that made a version (0: the page as read from
/// the file, older than every live snapshot when it was read). A snapshot `s` reads the newest version with
/// seq <= s. Versions are immutable once in the chain.
struct VersionChain {
    var versions: [(seq: UInt64, page: PageRef)]
    /// The newest version is not in the file yet.
    var dirty: Bool

    func visible(at snapshot: UInt64) -> PageRef? {
        var i = versions.count - 1
        while i >= 0 {
            if versions[i].seq <= snapshot { return versions[i].page }
            i -= 1
        }
        return nil
    }

    /// Drops the versions no snapshot at or after `oldest` can read (all but the newest one visible to `oldest`).
    mutating func trim(oldest: UInt64) {
        var keepFrom = 0
        for (i, version) in versions.enumerated() where version.seq <= oldest { keepFrom = i }
        if keepFrom > 0 { versions.removeFirst(keepFrom) }
    }
}

/// The committed pages in memory, by database and page number, in shards each behind its own lock so that
/// readers on different pages never wait for each other, and readers on one page only for a dictionary lookup.
///
/// Rules that keep snapshots right without keeping every page forever:
/// - a page with no chain reads from the file, and the file then holds the version every live snapshot must see:
///   a chain is dropped only when its newest version is written (clean) and no live snapshot is older than it;
/// - a commit that changes a page with no chain puts the version it started from in first (seq 0), so snapshots
///   older than the commit keep reading that one.
/// Size: JET_paramCacheSizeMax pages in all, less the page copies open transactions hold (`budget`: a
/// transaction's copies are memory as much as cached pages are); a shard over its share drops clean chains nobody
/// needs (dirty pages stay until the engine writes them, so the cache can exceed the limit while much is
/// unwritten: commits write them before they fill the budget).
package final class PageCache: @unchecked Sendable {
    private static let shardCount = 16
    private final class Shard: Sendable {
        let chains = Mutex<[PageKey: VersionChain]>([:])
    }

    private let shards: [Shard]
    /// Pages held, over all shards (approximate under concurrency; only steers eviction).
    private let held = Atomic<Int>(0)
    /// JET_paramCacheSizeMax, in pages.
    let maxPages: Int
    /// Page copies open transactions hold (their overlays), which the cache leaves room for.
    private let reservedPages = Atomic<Int>(0)

    init(maxPages: Int) {
        self.maxPages = max(Self.shardCount * 4, maxPages)
        shards = (0..<Self.shardCount).map { _ in Shard() }
    }

    @inline(__always)
    private func shard(_ key: PageKey) -> Int {
        Int((key.pgno &* 0x9E37_79B1 ^ key.dbid &* 0x85EB_CA6B) >> 28) & (Self.shardCount - 1)
    }

    /// Versions held, over all chains.
    var pageCount: Int { held.load(ordering: .relaxed) }

    /// Chains (pages with at least one version), counted under the shards' locks: for tests.
    var chainCount: Int { shards.reduce(0) { n, shard in n + shard.chains.withLock { $0.count } } }

    /// A transaction's overlay grew or shrank by `delta` page copies.
    func reserve(_ delta: Int) { reservedPages.add(delta, ordering: .relaxed) }

    var reserved: Int { reservedPages.load(ordering: .relaxed) }

    /// The pages the cache may hold now: JET_paramCacheSizeMax less the open transactions' copies, never under a
    /// quarter of it (what bounds a transaction's copies is JET_paramMaxVerPages, not the cache).
    var budget: Int { max(maxPages / 4, maxPages - reserved) }

    /// The dirty-page thresholds set for the whole cache (start and stop flushing), each lowered by the room the
    /// open transactions' page copies take from it now (one reading for both): dirty pages cannot leave the cache,
    /// so they are written before they fill that room.
    func dirtyLimits(start: Int, stop: Int) -> (start: Int, stop: Int) {
        let taken = maxPages - budget
        return (max(0, start - taken), max(0, stop - taken))
    }

    /// The version `snapshot` reads, or nil when the page has no chain (read the file).
    func lookup(_ key: PageKey, snapshot: UInt64) -> PageRef? {
        shards[shard(key)].chains.withLock { $0[key]?.visible(at: snapshot) }
    }

    /// Adds the page as read from the file, unless a chain appeared meanwhile (then the chain answers).
    /// `oldest` is the oldest live snapshot, for eviction.
    func insertClean(_ key: PageKey, page: PageRef, snapshot: UInt64, oldest: UInt64) -> PageRef {
        let limit = budget / Self.shardCount
        let (result, added, evicted) = shards[shard(key)].chains.withLock { chains -> (PageRef, Int, Int) in
            if let chain = chains[key] { return (chain.visible(at: snapshot) ?? page, 0, 0) }
            var evicted = 0
            if chains.count >= limit { evicted = Self.evict(&chains, down: limit * 7 / 8, oldest: oldest) }
            chains[key] = VersionChain(versions: [(0, page)], dirty: false)
            return (page, 1, evicted)
        }
        held.add(added - evicted, ordering: .relaxed)
        return result
    }

    /// Drops clean chains whose newest version every live snapshot reads, until `down` remain.
    private static func evict(_ chains: inout [PageKey: VersionChain], down: Int, oldest: UInt64) -> Int {
        var dropped = 0
        var victims: [PageKey] = []
        for (key, chain) in chains where !chain.dirty {
            guard let newest = chain.versions.last, newest.seq <= oldest else { continue }
            victims.append(key)
            dropped += chain.versions.count
            if chains.count - victims.count <= down { break }
        }
        for key in victims { chains[key] = nil }
        return dropped
    }

    /// Installs `page` as the version made by commit `seq` (dirty). `base` is the version the transaction started
    /// from, put in first when the page has no chain (nil for a page new to the tree).
    func install(_ key: PageKey, page: PageRef, seq: UInt64, base: PageRef?, oldest: UInt64) {
        let delta = shards[shard(key)].chains.withLock { chains -> Int in
            if var chain = chains[key] {
                let before = chain.versions.count
                chain.versions.append((seq, page))
                chain.dirty = true
                chain.trim(oldest: oldest)
                chains[key] = chain
                return chain.versions.count - before
            }
            var versions: [(seq: UInt64, page: PageRef)] = []
            if let base, oldest < seq { versions.append((0, base)) }
            versions.append((seq, page))
            chains[key] = VersionChain(versions: versions, dirty: true)
            return versions.count
        }
        held.add(delta, ordering: .relaxed)
    }

    /// Drops the versions of `keys` that no snapshot at or after `oldest` reads: after a commit is published, the
    /// versions it superseded, unless an older snapshot is still open.
    func trim(_ keys: some Sequence<PageKey>, oldest: UInt64) {
        var removed = 0
        for key in keys {
            removed += shards[shard(key)].chains.withLock { chains -> Int in
                guard let before = chains[key]?.versions.count, before > 1 else { return 0 }
                chains[key]?.trim(oldest: oldest)
                return before - (chains[key]?.versions.count ?? before)
            }
        }
        held.add(-removed, ordering: .relaxed)
    }

    /// The newest version of a dirty page, for writing it; nil when clean or absent.
    func newestDirty(_ key: PageKey) -> (seq: UInt64, page: PageRef)? {
        shards[shard(key)].chains.withLock { chains in
            guard let chain = chains[key], chain.dirty else { return nil }
            return chain.versions.last
        }
    }

    /// After the newest version `seq` was written: clean, unless a newer commit came since.
    func markClean(_ key: PageKey, seq: UInt64) {
        shards[shard(key)].chains.withLock { chains in
            guard var chain = chains[key], chain.versions.last?.seq == seq else { return }
            chain.dirty = false
            chains[key] = chain
        }
    }

    /// Trims old versions and drops what nobody needs, in every shard (after commits, when over the limit).
    func shrink(oldest: UInt64) {
        let budget = budget
        guard pageCount > budget else { return }
        let limit = budget / Self.shardCount
        var delta = 0
        for shard in shards {
            delta += shard.chains.withLock { chains -> Int in
                var removed = 0
                let kept = chains.compactMap { $0.value.versions.count > 1 ? $0.key : nil }
                for key in kept {
                    guard let before = chains[key]?.versions.count else { continue }
                    chains[key]?.trim(oldest: oldest)
                    removed += before - (chains[key]?.versions.count ?? before)
                }
                if chains.count > limit { removed += Self.evict(&chains, down: limit * 7 / 8, oldest: oldest) }
                return removed
            }
        }
        held.add(-delta, ordering: .relaxed)
    }

    /// Drops the chain of `key` if it is only `page` as read from the file (`insertClean` put it there).
    func forget(_ key: PageKey, page: PageRef) {
        let removed = shards[shard(key)].chains.withLock { chains -> Bool in
            guard let chain = chains[key], !chain.dirty, chain.versions.count == 1, chain.versions[0].page === page
            else { return false }
            chains[key] = nil
            return true
        }
        if removed { held.add(-1, ordering: .relaxed) }
    }

    /// Forgets every page of a database (detached).
    func drop(dbid: UInt32) {
        var delta = 0
        for shard in shards {
            delta += shard.chains.withLock { chains -> Int in
                var removed = 0
                for (key, chain) in chains where key.dbid == dbid {
                    removed += chain.versions.count
                    chains[key] = nil
                }
                return removed
            }
        }
        held.add(-delta, ordering: .relaxed)
    }
}
