import CEsent
import Synchronization

/// The limits the paged engine works within, from the instance's parameters.
package struct PagedStoreSettings: Sendable {
    /// JET_paramCacheSizeMax: pages the cache holds before it drops clean pages nobody needs.
    package var cacheMaxPages: Int
    /// Page copies one transaction may hold: JET_paramMaxVerPages × 32 KiB worth of pages (ESE counts its version
    /// store in pages of that size on 64-bit; this engine's "versions" are its page copies). Over it an operation
    /// fails with `.versionStoreFull` (JET_errVersionStoreOutOfMemory) and changes nothing.
    package var maxTransactionPages: Int
    /// Commits start writing dirty pages when more than this many are unwritten (JET_paramStartFlushThreshold,
    /// ESE's "available buffers" low mark, counted here as cache pages minus dirty ones)...
    package var startFlushDirty: Int
    /// ...and write until at most this many are left (JET_paramStopFlushThreshold).
    package var stopFlushDirty: Int
    /// JET_paramCheckpointDepthMax in log generations: at a log roll, pages whose images are older than this
    /// many generations are written, so recovery never has to replay more.
    package var checkpointDepthGenerations: Int32
    /// JET_paramDbExtensionSize: pages the file grows by when a page past its end is written.
    package var extensionPages: Int

    package init(
        cacheMaxPages: Int = 1 << 20, maxTransactionPages: Int = 1 << 16, startFlushDirty: Int = 1 << 19,
        stopFlushDirty: Int = 1 << 18, checkpointDepthGenerations: Int32 = 4, extensionPages: Int = 256
    ) {
        self.cacheMaxPages = cacheMaxPages
        self.maxTransactionPages = maxTransactionPages
        self.startFlushDirty = startFlushDirty
        self.stopFlushDirty = stopFlushDirty
        self.checkpointDepthGenerations = checkpointDepthGenerations
        self.extensionPages = extensionPages
    }
}

/// The storage engine on database files and the log (docs/file-formats.md, "Paged engine").
///
/// - Reads: a transaction's snapshot is a commit number; pages come from its overlay, the cache's versions, or
///   the file. Readers take only a cache shard's lock and, at begin/end, the snapshot table's.
/// - Commit (`commit`, under the commit lock, the core holding the instance lock and the write gate): fast path
///   when no page the transaction wrote or freed was changed by a commit after its snapshot; otherwise its
///   operations are re-run on the latest pages. Then one log group (begin, one full image per changed page, end),
///   flushed unless lazy, then the pages become the newest committed versions.
/// - Pages reach the files later (WAL: the log is flushed first), when many are dirty, at log rolls for images
///   older than the checkpoint depth, at detach and clean term. The checkpoint stays at the oldest generation
///   holding an image of a page not written yet, so recovery replays from there.
/// - Pages a commit frees are reused once no live snapshot can read them.
package final class PagedTreeStore: TreeStore {
    package let settings: PagedStoreSettings
    let cache: PageCache

    private struct Snapshots {
        var databases: [UInt32: PagedDatabase] = [:]
        /// The last commit.
        var latest: UInt64 = 0
        /// Live snapshots: commit number → transactions reading it.
        var live: [UInt64: Int] = [:]
    }

    private let snapshots = Mutex(Snapshots())

    private struct CommitState {
        /// The last commit that wrote or freed each page (pages changed since the oldest live snapshot).
        var changed: [PageKey: UInt64] = [:]
        var pendingFrees: [(seq: UInt64, key: PageKey)] = []
        /// Unwritten pages → the log generation of their oldest unwritten image.
        var dirty = DirtyPages()
        var lastGeneration: Int32 = 0
        /// A page-sized buffer for writing pages (their committed bytes stay untouched).
        var scratch: PageRef?
    }

    private let commitState = Mutex(CommitState())

    /// Counters for tests and benchmarks.
    package struct Statistics: Sendable {
        package var commits = 0
        package var reexecutedCommits = 0
        package var pagesLogged = 0
        /// Of `pagesLogged`, those logged as changed ranges rather than full images.
        package var deltasLogged = 0
        package var pagesWritten = 0
    }

    private let stats = Mutex(Statistics())
    package var statistics: Statistics { stats.withLock { $0 } }

    package init(settings: PagedStoreSettings = PagedStoreSettings()) {
        self.settings = settings
        cache = PageCache(maxPages: settings.cacheMaxPages)
    }

    /// The settings an instance's parameters give.
    package static func settings(_ params: ParameterValues, pageSize: Int) -> PagedStoreSettings {
        func value(_ id: Int32) -> Int { Int(clamping: params[id].integer) }
        let cacheMax = max(64, value(JET_paramCacheSizeMax))
        let verBytes = value(JET_paramMaxVerPages).multipliedReportingOverflow(by: 32 << 10)
        let maxPages = verBytes.overflow ? Int.max / 2 : max(64, verBytes.partialValue / max(pageSize, 1))
        let logBytes = max(1, value(JET_paramLogFileSize) * 1024)
        let depth = Int32(clamping: max(1, value(JET_paramCheckpointDepthMax) / logBytes))
        // ESE's thresholds count available (clean or free) buffers: flushing starts when fewer than `start` are
        // left and stops when `stop` are. Defaults: 1% and 2% of the cache.
        let start = max(1, cacheMax / 100)
        let stop = max(start + 1, cacheMax / 50)
        return PagedStoreSettings(
            cacheMaxPages: cacheMax, maxTransactionPages: maxPages, startFlushDirty: max(1, cacheMax - start),
            stopFlushDirty: max(0, cacheMax - stop), checkpointDepthGenerations: depth,
            extensionPages: max(1, value(JET_paramDbExtensionSize)))
    }

    // MARK: TreeStore

    package func begin(readOnly: Bool) -> any TreeTransaction {
        let (snapshot, databases) = snapshots.withLock { s -> (UInt64, [UInt32: PagedDatabase]) in
            s.live[s.latest, default: 0] += 1
            return (s.latest, s.databases)
        }
        return PagedTransaction(
            store: self, snapshot: snapshot, databases: databases, readOnly: readOnly, registered: true)
    }

    /// A database without a file cannot hold pages: the dbid is forgotten, and its trees are not found.
    package func register(dbid: UInt32) { unregister(dbid: dbid) }

    /// The database joins the store: its free pages and next objid are found by walking its trees.
    package func register(dbid: UInt32, file: DatabaseFile) throws(StorageError) {
        unregister(dbid: dbid)
        let db = PagedDatabase(dbid: dbid, file: file)
        let latest = snapshots.withLock { $0.latest }
        let reader = PagedTransaction(
            store: self, snapshot: latest, databases: [dbid: db], readOnly: true, registered: false)
        try db.scan(TransactionSpace(transaction: reader, database: db))
        reader.rollbackAll()
        snapshots.withLock { $0.databases[dbid] = db }
    }

    /// Forgets the database and its cached pages, written or not (a dirty term; `flush` first for a clean one).
    package func unregister(dbid: UInt32) {
        let removed = snapshots.withLock { s in s.databases.removeValue(forKey: dbid) }
        guard let db = removed else { return }
        commitState.withLock { cs in
            cs.dirty.removeAll { $0.dbid == dbid }
            cs.changed = cs.changed.filter { $0.key.dbid != dbid }
            cs.pendingFrees.removeAll { $0.key.dbid == dbid }
        }
        // Transactions that began before keep `db` for their snapshot; they must not keep its file open (and
        // locked), nor read the pages of the next database given this dbid.
        db.detach()
        cache.drop(dbid: dbid)
    }

    // MARK: Snapshots

    func endSnapshot(_ snapshot: UInt64) {
        snapshots.withLock { s in
            guard let n = s.live[snapshot] else { return }
            if n <= 1 { s.live[snapshot] = nil } else { s.live[snapshot] = n - 1 }
        }
    }

    /// The oldest snapshot a live transaction reads (the latest commit when none is live).
    func oldestSnapshot() -> UInt64 {
        snapshots.withLock { s in s.live.keys.min() ?? s.latest }
    }

    var latestCommit: UInt64 { snapshots.withLock { $0.latest } }

    /// The database attached under `dbid` now, for a transaction that began before it was attached.
    func attachedDatabase(_ dbid: UInt32) -> PagedDatabase? { snapshots.withLock { $0.databases[dbid] } }

    // MARK: Reading

    /// Page `pgno` as committed at `snapshot`: from the cache, else from the file (checked), then cached.
    func committedPage(_ db: PagedDatabase, _ pgno: UInt32, snapshot: UInt64) throws(StorageError) -> PageRef {
        let key = PageKey(dbid: db.dbid, pgno: pgno)
        if let page = cache.lookup(key, snapshot: snapshot) {
            // Checked after the lookup: detach sets the flag before it drops the pages, so a page found here while
            // the flag is clear is this database's, never one of a database attached later under the same dbid.
            guard !db.isDetached else { throw .treeNotFound }
            return page
        }
        guard pgno >= 1, pgno <= DatabaseFile.maxPgnoLast else { throw .corrupt }
        let page = try PageRef(pgno: pgno, pageSize: db.pageSize)
        // Past the end: a page no commit has written (committed pages stay cached until written).
        if pgno <= db.lastPage {
            try db.withFile { (file) throws(StorageError) in
                do throws(StorageFileError) {
                    try file.readPage(pgno, into: page.bytes)
                } catch {
                    throw Self.storageError(error, pgno: pgno)
                }
            }
        }
        let cached = cache.insertClean(key, page: page, snapshot: snapshot, oldest: oldestSnapshot())
        // A detach during the read may have dropped the database's pages before this one went in: it must not
        // stay to answer for a database attached later under the same dbid.
        if db.isDetached {
            cache.forget(key, page: page)
            throw .treeNotFound
        }
        return cached
    }

    /// The engine's account of a failed log append: a full disk (the log's or, for the checkpoint, any), or the
    /// log write failing.
    static func logFailure(_ error: StorageFileError) -> StorageError {
        switch error {
        case .logDiskFull: .diskFull
        case .io(let failure) where failure.errno == .noSpace || failure.errno == .diskQuotaExceeded: .diskFull
        default: .logWriteFailed
        }
    }

    /// The engine's account of a database file's failure; any I/O failure other than these reaches the caller as
    /// an I/O error (JET_errDiskIO).
    static func storageError(_ error: StorageFileError, pgno: UInt32) -> StorageError {
        switch error {
        case .pageChecksum: .pageChecksum(pgno: pgno)
        case .pageWrongPlace: .pageWrongPlace(pgno: pgno)
        case .outOfMemory: .outOfMemory
        case .databaseReadOnly, .notAFile: .readOnly
        case .io(let failure):
            switch failure.errno {
            case .noSpace, .diskQuotaExceeded: .diskFull
            case .noMemory: .outOfMemory
            case .permissionDenied, .notPermitted, .readOnlyFileSystem: .readOnly
            default: .io(.ioError)
            }
        default: .io(.ioError)
        }
    }

    // MARK: Commit

    func commit(_ transaction: PagedTransaction, lazy: Bool, log: LogStream?) throws(StorageError) {
        try commitState.withLock { (cs) throws(StorageError) in
            var source = transaction
            let snapshot = transaction.snapshot
            let conflict =
                transaction.overlay.keys.contains { (cs.changed[$0] ?? 0) > snapshot }
                || transaction.freed.contains { (cs.changed[$0.key] ?? 0) > snapshot }
            let databases = snapshots.withLock { $0.databases }
            if conflict {
                // Another commit changed a page this one wrote: redo the operations on the latest pages. The core's
                // locks keep them from meeting a conflict, so they succeed as they did the first time.
                let redo = PagedTransaction(
                    store: self, snapshot: latestCommit, databases: databases, readOnly: false, registered: false)
                do throws(StorageError) {
                    try redo.replay(transaction)
                } catch {
                    redo.rollbackAll()
                    throw error
                }
                var mine: [UInt32: [UInt32]] = [:]
                for item in transaction.allocated { mine[item.key.dbid, default: []].append(item.key.pgno) }
                for (dbid, pages) in mine { transaction.databases[dbid]?.release(pages) }
                source = redo
            }
            let freedKeys = Set(source.freed.map(\.key))
            // Pages of databases still attached as they were at the transaction's start.
            let pages = source.overlay.filter { key, _ in
                !freedKeys.contains(key) && databases[key.dbid] === source.databases[key.dbid]
                    && databases[key.dbid] != nil
            }.sorted { ($0.key.dbid, $0.key.pgno) < ($1.key.dbid, $1.key.pgno) }
            let seq = latestCommit + 1
            var generation: Int32 = 0
            if let log, !pages.isEmpty {
                generation = try logGroup(pages, databases: databases, lazy: lazy, log: log, cs: &cs)
            } else {
                for (_, entry) in pages { DatabaseFile.sealPage(stamping: entry.page) }
            }
            // The transaction reads no more: its snapshot must not keep the versions it replaces.
            transaction.releaseSnapshot()
            let oldest = oldestSnapshot()
            for (key, entry) in pages {
                cache.install(key, page: entry.page, seq: seq, base: entry.base, oldest: oldest)
                cs.changed[key] = seq
                if cs.dirty[key] == nil { cs.dirty[key] = generation }
            }
            let allocatedHere = Set(source.allocated.map(\.key))
            for key in freedKeys {
                cs.changed[key] = seq
                if allocatedHere.contains(key) {
                    databases[key.dbid]?.release([key.pgno])
                } else {
                    cs.pendingFrees.append((seq, key))
                }
            }
            snapshots.withLock { $0.latest = seq }
            // Published: what this commit superseded goes now unless an older snapshot is open. Not before the
            // publication: a transaction beginning until then reads the commit before this one.
            cache.trim(pages.lazy.map(\.key), oldest: oldestSnapshot())
            if source !== transaction { source.handOver() }
            stats.withLock { s in
                s.commits += 1
                s.pagesLogged += log == nil ? 0 : pages.count
                if source !== transaction { s.reexecutedCommits += 1 }
            }
            // The commit is done (logged and published): a failure to write pages now leaves them dirty, to be
            // tried again by the next commit, and reported by the detach or clean term that must write them.
            // Without a log the pages are the commit, so their failure is the commit's.
            do throws(StorageError) {
                try afterCommit(&cs, lazy: lazy, log: log)
            } catch {
                if log == nil { throw error }
            }
        }
    }

    /// Appends the transaction's group; returns the generation it starts in.
    private func logGroup(
        _ pages: [(key: PageKey, value: PagedTransaction.Entry)], databases: [UInt32: PagedDatabase], lazy: Bool,
        log: LogStream, cs: inout CommitState
    ) throws(StorageError) -> Int32 {
        do {
            // A roll inside the group must not move the checkpoint past the group's start.
            log.checkpointFloor = min(log.checkpointFloor ?? log.currentGeneration, log.currentGeneration)
            let begin = try log.append(.commitGroupBegin(pages: UInt32(pages.count)), flush: false)
            var deltas = 0
            for (key, entry) in pages {
                DatabaseFile.sealPage(stamping: entry.page)
                let sign = databases[key.dbid]?.signDb ?? .none
                if let delta = Self.delta(of: entry.page, key: key, dbid: key.dbid, signDb: sign, cache: cache, cs: cs) {
                    try log.append(delta, flush: false)
                    deltas += 1
                } else {
                    let image = [UInt8](entry.page.buffer)
                    try log.append(.pageImage(dbid: key.dbid, signDb: sign, pgno: key.pgno, page: image), flush: false)
                }
            }
            try log.append(.commitGroupEnd, flush: !lazy)
            stats.withLock { $0.deltasLogged += deltas }
            return begin.generation
        } catch {
            throw Self.logFailure(error)
        }
    }

    /// The page as a `.pageDelta` against the newest committed version, when that version is the log's last state
    /// of the page and the page's full image is in the log since it last reached its file (it is dirty): the
    /// checkpoint stays at or before that image's generation while the page is dirty, so every replay that meets
    /// the delta met the image first, whatever the file holds (torn, older or newer). Nil: log the full image.
    /// Half a page of ranges or more is not worth a delta.
    private static func delta(
        of page: PageRef, key: PageKey, dbid: UInt32, signDb: Signature, cache: PageCache, cs: CommitState
    ) -> LogRecord? {
        guard cs.dirty[key] != nil, let (_, previous) = cache.newestDirty(key), previous !== page,
            previous.pageSize == page.pageSize,
            let ranges = PageDelta.encode(
                old: previous.bytes, new: page.bytes, pageSize: page.pageSize, limit: page.pageSize / 2),
            !ranges.isEmpty
        else { return nil }
        let before = previous.bytes.diskLoad(DatabaseFile.PageOffset.checksum, as: UInt64.self)
        let after = page.bytes.diskLoad(DatabaseFile.PageOffset.checksum, as: UInt64.self)
        return .pageDelta(dbid: dbid, signDb: signDb, pgno: key.pgno, before: before, after: after, ranges: ranges)
    }

    /// Frees that no snapshot needs any more, page writing when due, checkpoint, cache size.
    private func afterCommit(_ cs: inout CommitState, lazy: Bool, log: LogStream?) throws(StorageError) {
        let oldest = oldestSnapshot()
        if !cs.pendingFrees.isEmpty {
            var released: [UInt32: [UInt32]] = [:]
            cs.pendingFrees.removeAll { item in
                guard item.seq <= oldest else { return false }
                released[item.key.dbid, default: []].append(item.key.pgno)
                return true
            }
            let databases = snapshots.withLock { $0.databases }
            for (dbid, pages) in released { databases[dbid]?.release(pages) }
        }
        if cs.changed.count > 4096 { cs.changed = cs.changed.filter { $0.value > oldest } }
        if let log {
            // The committing transaction's page copies still count, for the next transaction of its size.
            let limits = cache.dirtyLimits(start: settings.startFlushDirty, stop: settings.stopFlushDirty)
            if cs.dirty.count > limits.start {
                // Oldest images first: they hold the checkpoint back.
                let excess = max(0, cs.dirty.count - limits.stop)
                let victims = cs.dirty.pages.sorted { $0.value < $1.value }.prefix(excess).map(\.key)
                try writePages(victims, cs: &cs, log: log, sync: true)
            }
            if log.currentGeneration != cs.lastGeneration {
                cs.lastGeneration = log.currentGeneration
                let limit = log.currentGeneration - settings.checkpointDepthGenerations
                let old = cs.dirty.pages.filter { $0.value < limit }.map(\.key)
                if !old.isEmpty { try writePages(old, cs: &cs, log: log, sync: true) }
            }
            try moveCheckpoint(cs, log: log)
        } else {
            // No log: the files are the only copy, written at once (synced unless lazy).
            try writePages(Array(cs.dirty.keys), cs: &cs, log: nil, sync: !lazy)
        }
        cache.shrink(oldest: oldest)
    }

    private func moveCheckpoint(_ cs: CommitState, log: LogStream) throws(StorageError) {
        log.checkpointFloor = cs.dirty.oldestGeneration
        do {
            try log.updateCheckpoint()
        } catch {
            throw .logWriteFailed
        }
    }

    /// Writes the newest version of each page (the log first: no page reaches a file before its image is durable),
    /// growing files as needed, then syncs the files written.
    private func writePages(_ keys: [PageKey], cs: inout CommitState, log: LogStream?, sync: Bool)
        throws(StorageError)
    {
        guard !keys.isEmpty else { return }
        if let log {
            do { try log.flush() } catch { throw .logWriteFailed }
        }
        let databases = snapshots.withLock { $0.databases }
        if cs.scratch == nil {
            cs.scratch = try PageRef(pgno: 0, pageSize: DatabaseFile.validPageSizes[DatabaseFile.validPageSizes.count - 1])
        }
        guard let scratch = cs.scratch else { throw .outOfMemory }
        var touched: [UInt32: PagedDatabase] = [:]
        var written = 0
        for key in keys.sorted(by: { ($0.dbid, $0.pgno) < ($1.dbid, $1.pgno) }) {
            guard let db = databases[key.dbid], let (seq, page) = cache.newestDirty(key) else {
                cs.dirty[key] = nil
                continue
            }
            try db.withFile { (file) throws(StorageError) in
                do throws(StorageFileError) {
                    try db.ensure(file, holds: key.pgno, extension: settings.extensionPages)
                    scratch.bytes.copyMemory(from: page.bytes, byteCount: db.pageSize)
                    try file.writePage(key.pgno, from: scratch.bytes)
                } catch {
                    throw Self.storageError(error, pgno: key.pgno)
                }
            }
            cache.markClean(key, seq: seq)
            cs.dirty[key] = nil
            touched[key.dbid] = db
            written += 1
        }
        if sync {
            for db in touched.values {
                try db.withFile { (file) throws(StorageError) in
                    do throws(StorageFileError) { try file.syncData() } catch { throw Self.storageError(error, pgno: 0) }
                }
            }
        }
        stats.withLock { $0.pagesWritten += written }
    }

    /// Writes every unwritten page of `dbid` (nil: of every database) and syncs: before a detach or clean term
    /// marks the file consistent, and for an OS snapshot's freeze. Moves the checkpoint.
    package func flush(dbid: UInt32?, log: LogStream?) throws(StorageError) {
        try commitState.withLock { (cs) throws(StorageError) in
            let keys = cs.dirty.keys.filter { dbid == nil || $0.dbid == dbid }
            try writePages(Array(keys), cs: &cs, log: log, sync: true)
            if let log { try moveCheckpoint(cs, log: log) }
        }
    }

    /// Pages not yet in their files.
    package var dirtyPageCount: Int { commitState.withLock { $0.dirty.count } }
}

extension PagedDatabase {
    /// The last page of the file, readable without the file's own (unsynchronized) property.
    var lastPage: UInt32 { fileLast.load(ordering: .acquiring) }

    /// Grows the file (by at least `extension` pages) when `pgno` is past its end. Commit lock held.
    func ensure(_ file: DatabaseFile, holds pgno: UInt32, extension pages: Int) throws(StorageFileError) {
        guard pgno > file.pgnoLast else { return }
        let wanted = max(UInt64(pgno), UInt64(file.pgnoLast) + UInt64(pages)) + 2
        try file.grow(toTotalPages: UInt32(min(wanted, UInt64(DatabaseFile.maxPgnoLast) + 2)))
        fileLast.store(file.pgnoLast, ordering: .releasing)
    }
}

extension DatabaseFile {
    /// Stamps the page number and checksum of a page the engine is about to log or write.
    static func sealPage(stamping page: PageRef) {
        page.bytes.diskStore(page.pgno, at: PageOffset.pgno)
        sealPage(page.bytes, pageSize: page.pageSize)
    }
}

extension TreeStore {
    /// Attaches a database file to the store: the paged engine reads its trees from it; a store without files
    /// only registers the dbid.
    package func attach(dbid: UInt32, file: DatabaseFile) throws(StorageError) {
        guard let paged = self as? PagedTreeStore else {
            register(dbid: dbid)
            return
        }
        try paged.register(dbid: dbid, file: file)
    }

    /// Writes the store's unwritten pages of `dbid` (nil: all) to their files; nothing to do for a store without
    /// files.
    package func flushPages(dbid: UInt32?, log: LogStream?) throws(StorageError) {
        guard let paged = self as? PagedTreeStore else { return }
        try paged.flush(dbid: dbid, log: log)
    }
}
