import CEsent
import Glibc
import Synchronization

/// One session's ISAM state: its tree transaction and levels, its cursors. Kept out of the instance state so that
/// reading and writing trees never holds the instance lock. A session is used by one thread at a time: `enter`
/// refuses a second thread with JET_errSessionSharingViolation, so nothing below is ever touched concurrently.
package final class IsamSession: @unchecked Sendable {
    package let sesid: UInt
    package let instance: Instance
    let locks: LockTable
    private let busy = Atomic<Bool>(false)

    // Touched only between enter() and leave().
    var store: (any TreeStore)?
    /// The explicit transaction (level >= 1), nil at level 0.
    var transaction: (any TreeTransaction)?
    /// The lock table's snapshot of `transaction`.
    var snapshot: UInt64 = 0
    var level = 0
    var readOnly = false
    /// Changes whenever the transaction a cursor reads through changes, so cursors drop tree cursors they cached.
    var generation: UInt64 = 1
    /// This session's open cursors, by tableid.
    var cursors: [UInt: TableCursor] = [:]
    /// Level 0: the read-only transaction of the latest committed state, reused while nothing was committed.
    private var levelZeroRead: (any TreeTransaction)?
    private var levelZeroSequence: UInt64 = 0

    init(sesid: UInt, instance: Instance) {
        self.sesid = sesid
        self.instance = instance
        self.locks = instance.isamLocks
    }

    /// The session gate for ISAM calls: no instance lock, only the instance's atomics and this session's flag.
    func enter(ignoringStopService: Bool = false) throws(JetError) {
        let flags = instance.stopFlags
        if !ignoringStopService && flags & InstanceStops.Flag.serviceStopped != 0 {
            throw .clientRequestToStopJetService
        }
        guard flags & InstanceStops.Flag.running != 0 else { throw .invalidSesid }
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            throw .sessionSharingViolation
        }
    }

    func leave() { busy.store(false, ordering: .releasing) }

    /// False once the session left the process-wide table (JetEndSession, JetTerm): a thread's cached reference to it
    /// must not be used any more.
    let isListed = Atomic<Bool>(true)

    /// The cursor of the last call on a tableid (touched only inside the gate).
    var lastCursor: TableCursor?

    /// The session left the table (JetEndSession, JetTerm): what it still holds goes now, not when the last
    /// thread's cached reference does. Skipped while another thread is inside a call on it (that call's own
    /// references end with it).
    func retire() {
        isListed.store(false, ordering: .releasing)
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        defer { leave() }
        for cursor in cursors.values { cursor.close() }
        cursors = [:]
        lastCursor = nil
        transaction?.rollbackAll()
        transaction = nil
        dropLevelZeroRead()
        store = nil
    }

    /// Enters the gate for a call on `tableid` when that is one of this session's open cursors; nil (gate not
    /// entered) when it is not, or entering would fail: the caller then takes the path that reports why, in ESE's
    /// order of checks.
    func enter(on tableid: UInt, ignoringStopService: Bool) -> TableCursor? {
        do { try enter(ignoringStopService: ignoringStopService) } catch { return nil }
        // Checked inside the gate: JetEndSession and JetTerm unlist a session before they clean it up in the gate.
        if isListed.load(ordering: .acquiring) {
            if let cursor = lastCursor, cursor.tableid == tableid, !cursor.isClosed { return cursor }
            if let cursor = cursors[tableid], !cursor.isClosed {
                lastCursor = cursor
                return cursor
            }
        }
        leave()
        return nil
    }

    private var cachedPageSize = 0

    func treeStore() throws(JetError) -> any TreeStore {
        if let store { return store }
        let (fetched, size) = instance.state.withLock { ($0.trees, $0.pageSize) }
        store = fetched
        cachedPageSize = size
        return fetched
    }

    /// The instance's database page size (record and key limits depend on it).
    func pageSize() throws(JetError) -> Int {
        if cachedPageSize == 0 { _ = try treeStore() }
        return cachedPageSize
    }

    /// The transaction reads go through: the session's own, or at level 0 the latest committed state.
    func readTransaction() throws(JetError) -> any TreeTransaction {
        if let transaction { return transaction }
        let sequence = locks.currentSequence
        if let cached = levelZeroRead, levelZeroSequence == sequence { return cached }
        let fresh = try treeStore().begin(readOnly: true)
        levelZeroRead?.rollbackAll()
        levelZeroRead = fresh
        levelZeroSequence = sequence
        generation &+= 1
        return fresh
    }

    /// Drops the level-0 read transaction (it pins old versions in the store).
    func dropLevelZeroRead() {
        levelZeroRead?.rollbackAll()
        levelZeroRead = nil
    }
}

/// The calling thread's last session, as its sesid and an unretained reference: the cache keeps nothing alive (a
/// thread that once called on a session would otherwise keep it, and through it its instance, alive after JetTerm
/// on another thread). The reference is used only while it is known to be in the session table, which retains
/// the session: `IsamSessions.removals` has not moved since it was cached, checked with this thread's `taking`
/// word set, which a removal waits to see cleared before it lets the session go (`IsamSessions.waitForTakers`).
/// One per thread, through a pthread key; the list of all of them is what a removal looks through.
final class ThreadSessionCache: @unchecked Sendable {
    // Touched only by the owning thread.
    var sesid: UInt = 0
    var session: Unmanaged<IsamSession>?
    var removals: UInt = 0
    /// The sesid this thread is taking a reference to from the cache; 0 outside that window. Read by removals.
    let taking = Atomic<UInt>(0)

    private static let key: pthread_key_t? = {
        var key = pthread_key_t()
        let made = pthread_key_create(&key) { p in
            guard let p else { return }
            let cache = Unmanaged<ThreadSessionCache>.fromOpaque(p)
            ThreadSessionCache.all.withLock { list in list.removeAll { $0 === cache.takeUnretainedValue() } }
            cache.release()
        }
        return made == 0 ? key : nil
    }()

    /// Every thread's cache (thread exit takes its own out).
    static let all = Mutex<[ThreadSessionCache]>([])

    /// The session of `sesid` if it is this thread's cached one and still in the table: a new reference to it.
    @inline(__always)
    static func session(_ sesid: UInt) -> IsamSession? {
        guard let key, let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<ThreadSessionCache>.fromOpaque(p)._withUnsafeGuaranteedRef { cache in
            guard cache.sesid == sesid, let cached = cache.session else { return nil }
            // Announced before the check, so a removal that the check misses sees this thread taking it.
            cache.taking.store(sesid, ordering: .sequentiallyConsistent)
            guard IsamSessions.removals.load(ordering: .sequentiallyConsistent) == cache.removals else {
                cache.taking.store(0, ordering: .releasing)
                return nil
            }
            let taken = cached.retain()
            cache.doneTaking()
            return taken.takeRetainedValue()
        }
    }

    /// Out of line, so the retain above stays before it.
    @inline(never)
    private func doneTaking() { taking.store(0, ordering: .releasing) }

    /// Caches `session`, found in the table when `IsamSessions.removals` was `removals`.
    static func remember(_ session: IsamSession, removals: UInt) {
        guard let cache = current else { return }
        cache.sesid = session.sesid
        cache.session = Unmanaged.passUnretained(session)
        cache.removals = removals
    }

    /// This thread's cache; nil when the system has no thread-specific key left (callers then look up every time).
    private static var current: ThreadSessionCache? {
        guard let key else { return nil }
        if let p = pthread_getspecific(key) { return Unmanaged<ThreadSessionCache>.fromOpaque(p).takeUnretainedValue() }
        let made = ThreadSessionCache()
        let retained = Unmanaged.passRetained(made)
        guard pthread_setspecific(key, retained.toOpaque()) == 0 else {
            retained.release()
            return nil
        }
        all.withLock { $0.append(made) }
        return made
    }
}

/// What an ISAM operation knows about the session it runs in.
package struct SessionContext {
    package let session: IsamSession
    package var sesid: UInt { session.sesid }
    /// The session's transaction level (0: the operation runs in a one-call transaction).
    package var level: Int { session.level }
    package var readOnly: Bool { session.readOnly }
    package var locks: LockTable { session.locks }
    /// The snapshot conflicts are judged against.
    package let snapshot: UInt64
    /// The level a lock taken now belongs to (1 in a one-call transaction; one above the session's level inside
    /// an operation that runs in its own savepoint, so a failure gives its locks back).
    package var lockLevel: Int

    init(session: IsamSession, snapshot: UInt64) {
        self.session = session
        self.snapshot = snapshot
        self.lockLevel = max(session.level, 1)
    }

    /// Takes the write lock on a record or unique key; `conflict` is the code a clash gives.
    package func lock(_ resource: LockResource, conflict: JetError) throws(JetError) {
        guard locks.acquire(resource, session: sesid, level: lockLevel, snapshot: snapshot) else { throw conflict }
    }
}

/// The process-wide table of ISAM sessions, by sesid.
package enum IsamSessions {
    private static let table = Mutex<[UInt: IsamSession]>([:])

    /// Sessions taken out of the table so far: a thread's cached session is still in the table while this has not
    /// moved since it was cached (changed under the table's lock).
    static let removals = Atomic<UInt>(0)

    /// The session behind `sesid` (created on first use), or JET_errInvalidSesid.
    package static func session(_ sesid: UInt) throws(JetError) -> IsamSession {
        // A thread usually calls on the session it called on last: found without the table's lock (which two
        // threads working in two sessions would otherwise take turns on for every call).
        if let cached = ThreadSessionCache.session(sesid) { return cached }
        let (found, removalsSeen) = try listed(sesid)
        ThreadSessionCache.remember(found, removals: removalsSeen)
        return found
    }

    private static func listed(_ sesid: UInt) throws(JetError) -> (IsamSession, UInt) {
        if let found = table.withLock({ t in t[sesid].map { ($0, removals.load(ordering: .relaxed)) } }) {
            return found
        }
        let instance = try Registry.session(sesid)
        let made = IsamSession(sesid: sesid, instance: instance)
        return table.withLock { t in
            if let raced = t[sesid] { return (raced, removals.load(ordering: .relaxed)) }
            t[sesid] = made
            return (made, removals.load(ordering: .relaxed))
        }
    }

    /// After sessions left the table: returns once no thread is taking one of them from its cache (a window of a
    /// few instructions), so the caller may let them go.
    private static func waitForTakers(_ sesids: some Collection<UInt>) {
        guard !sesids.isEmpty else { return }
        ThreadSessionCache.all.withLock { caches in
            for cache in caches {
                while case let taking = cache.taking.load(ordering: .sequentiallyConsistent), taking != 0,
                    sesids.contains(taking)
                {
                    sched_yield()
                }
            }
        }
    }

    /// Takes the session out of the table (JetEndSession, inside its gate: the caller cleans it up).
    static func remove(_ sesid: UInt) -> IsamSession? {
        let removed = table.withLock { t in
            let removed = t.removeValue(forKey: sesid)
            if removed != nil { removals.add(1, ordering: .sequentiallyConsistent) }
            return removed
        }
        removed?.isListed.store(false, ordering: .releasing)
        if removed != nil { waitForTakers(CollectionOfOne(sesid)) }
        return removed
    }

    /// JetTerm: the instance's sessions are gone; their open transactions are dropped, never committed.
    static func forget(_ instance: Instance) {
        let gone = table.withLock { t in
            let mine = t.filter { $0.value.instance === instance }
            for sesid in mine.keys { t[sesid] = nil }
            if !mine.isEmpty { removals.add(1, ordering: .sequentiallyConsistent) }
            return mine
        }
        waitForTakers(gone.keys)
        for session in gone.values { session.retire() }
        for sesid in gone.keys {
            TableCursors.forgetAll(of: sesid)
        }
    }

    /// Runs body inside the session gate.
    static func with<R>(
        _ sesid: UInt, ignoringStopService: Bool = false, _ body: (IsamSession) throws(JetError) -> R
    ) throws(JetError) -> R {
        let session = try session(sesid)
        try session.enter(ignoringStopService: ignoringStopService)
        defer { session.leave() }
        return try body(session)
    }
}

package enum SessionTransactions {
    /// Runs body in the session's transaction, or at level 0 in a one-call transaction committed (durably) when body
    /// succeeds and rolled back when it throws. Checks read-only transactions (-1110) first. The caller is inside
    /// the session gate.
    static func write<R>(
        _ session: IsamSession, _ body: (any TreeTransaction, SessionContext) throws(JetError) -> R
    ) throws(JetError) -> R {
        if session.readOnly { throw .transReadOnly }
        if let transaction = session.transaction {
            return try body(transaction, SessionContext(session: session, snapshot: session.snapshot))
        }
        // The cached read snapshot would only pin versions this write is about to replace.
        session.dropLevelZeroRead()
        let snapshot = session.locks.beginSnapshot()
        defer { session.locks.endSnapshot(snapshot) }
        let transaction = try session.treeStore().begin(readOnly: false)
        session.generation &+= 1
        let result: R
        do throws(JetError) {
            result = try body(transaction, SessionContext(session: session, snapshot: snapshot))
            try commitDurably(session, transaction, lazy: false)
        } catch {
            transaction.rollbackAll()
            session.locks.rollbackLevel(session: session.sesid, level: 1)
            session.generation &+= 1
            throw error
        }
        session.generation &+= 1
        return result
    }

    /// Read in the session's transaction, or at level 0 in a snapshot of the latest committed state.
    static func read<R>(
        _ session: IsamSession, _ body: (any TreeTransaction, SessionContext) throws(JetError) -> R
    ) throws(JetError) -> R {
        let transaction = try session.readTransaction()
        return try body(transaction, SessionContext(session: session, snapshot: session.snapshot))
    }

    /// The sesid forms of the two, with the session gate (the design's shared helpers).
    package static func write<R>(
        _ sesid: UInt, _ body: (any TreeTransaction, SessionContext) throws(JetError) -> R
    ) throws(JetError) -> R {
        try IsamSessions.with(sesid) { (session) throws(JetError) in try write(session, body) }
    }

    package static func read<R>(
        _ sesid: UInt, _ body: (any TreeTransaction, SessionContext) throws(JetError) -> R
    ) throws(JetError) -> R {
        try IsamSessions.with(sesid) { (session) throws(JetError) in try read(session, body) }
    }

    /// Commits a level-1 tree transaction: the log and the write gate belong to the instance, so this is the one
    /// place an ISAM write takes the instance lock. The lock table learns of the commit after the store published
    /// it (see LockTable.beginSnapshot).
    private static func commitDurably(
        _ session: IsamSession, _ transaction: any TreeTransaction, lazy: Bool
    ) throws(JetError) {
        try session.instance.withWritingSession(session.sesid) {
            (s, _, gate) throws(JetError) -> WriteStep<Void> in
            guard gate.isOpen else { return .waitForThaw }
            do throws(StorageError) { try transaction.commit(lazy: lazy, log: s.log) } catch { throw JetError(error) }
            return .done(())
        }
        session.locks.commitAll(session: session.sesid)
    }

    // MARK: JetBeginTransaction / JetCommitTransaction / JetRollback

    /// The level just rose to `level` (Sessions.beginTransaction checked the depth).
    static func begin(_ session: IsamSession, level: Int, readOnly: Bool) throws(JetError) {
        if level == 1 {
            session.dropLevelZeroRead()
            let snapshot = session.locks.beginSnapshot()
            session.transaction = try session.treeStore().begin(readOnly: readOnly)
            session.snapshot = snapshot
            session.readOnly = readOnly
            session.generation &+= 1
        } else if let transaction = session.transaction {
            do throws(StorageError) { try transaction.beginLevel() } catch { throw JetError(error) }
        }
        session.level = level
    }

    /// JetCommitTransaction at level 1, under the instance lock and the open write gate: the tree changes go to
    /// `log` (unflushed: the caller's commit record flushes them unless the commit is lazy).
    static func commitTrees(_ session: IsamSession, log: LogStream?) throws(JetError) {
        guard let transaction = session.transaction, !transaction.isReadOnly else { return }
        do throws(StorageError) { try transaction.commit(lazy: true, log: log) } catch { throw JetError(error) }
    }

    /// JetCommitTransaction's effect on the session once `level` committed (after the instance lock is released).
    static func committed(_ session: IsamSession, level: Int) {
        if level > 1 {
            session.transaction?.commitLevel()
            session.locks.commitLevel(session: session.sesid, level: level)
            for cursor in session.cursors.values { cursor.levelCommitted(level) }
            session.level = level - 1
            return
        }
        // A read-only transaction (or one that was never written) has nothing to publish.
        if let transaction = session.transaction, transaction.isReadOnly { transaction.rollbackAll() }
        session.locks.commitAll(session: session.sesid)
        finish(session)
        for cursor in session.cursors.values { cursor.levelCommitted(1) }
    }

    /// Rolls back the innermost level, or every level.
    static func rollback(_ session: IsamSession, all: Bool) {
        while session.level > 0 {
            let level = session.level
            // Cursors first: closing one discards its prepared update before the tree forgets the level.
            for (tableid, cursor) in session.cursors where cursor.rolledBack(level) == .close {
                session.cursors[tableid] = nil
                TableCursors.forget(tableid)
            }
            session.locks.rollbackLevel(session: session.sesid, level: level)
            if level > 1 {
                session.transaction?.rollbackLevel()
                session.level -= 1
            } else {
                session.transaction?.rollbackAll()
                finish(session)
            }
            session.generation &+= 1
            if !all { break }
        }
        refreshSchemas(session)
    }

    /// DDL undone by a rollback: the remaining cursors take the table's definition as the session now sees it
    /// (a column or index added at the rolled-back level is gone again, a deleted one is back).
    private static func refreshSchemas(_ session: IsamSession) {
        let cursors = session.cursors.values.filter { $0.privateTransaction == nil }
        guard !cursors.isEmpty, let transaction = try? session.readTransaction() else { return }
        for cursor in cursors {
            let current = try? Catalog.table(named: cursor.schema.name, dbid: cursor.dbid, in: transaction)
            if let current, current.objid == cursor.objid, current !== cursor.schema {
                cursor.adopt(current)
            }
        }
    }

    private static func finish(_ session: IsamSession) {
        session.transaction = nil
        session.locks.endSnapshot(session.snapshot)
        session.level = 0
        session.readOnly = false
        session.generation &+= 1
    }

    /// JetEndSession: everything rolled back, every cursor closed, the session forgotten.
    static func endSession(_ session: IsamSession) {
        _ = IsamSessions.remove(session.sesid)
        rollback(session, all: true)
        for (tableid, cursor) in session.cursors {
            cursor.close()
            TableCursors.forget(tableid)
        }
        session.cursors = [:]
        session.lastCursor = nil
        session.dropLevelZeroRead()
    }
}
