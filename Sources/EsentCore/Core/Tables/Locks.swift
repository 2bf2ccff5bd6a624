import Synchronization

/// What a write lock covers: a record (its clustered-index tree and bookmark) or a key of a unique index (the
/// index tree and the normalised key). Inserts, replaces and deletes take them.
package struct LockResource: Hashable, Sendable {
    package var dbid: UInt32
    package var objid: UInt32
    package var key: [UInt8]

    package init(dbid: UInt32, objid: UInt32, key: [UInt8]) {
        self.dbid = dbid
        self.objid = objid
        self.key = key
    }

    /// The key's bytes in one go (the synthesized hash feeds them one at a time; every row insert hashes one).
    package func hash(into hasher: inout Hasher) {
        hasher.combine(dbid)
        hasher.combine(objid)
        key.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// The write-conflict table of one instance. The tree store gives each transaction a snapshot but never refuses
/// a commit, so conflicts are decided here, at the operation (ESE's version store does the same: -1102 and -1605
/// come from the update, never from JetCommitTransaction).
///
/// A lock is held by a session at a transaction level until that level rolls back (released) or the session
/// commits to level 0 (kept, stamped with the commit's sequence, for as long as a transaction that began before
/// that commit is still open: such a transaction must not change the record either).
package final class LockTable: Sendable {
    private struct Holder {
        var session: UInt
        /// Transaction level that took the lock; 0 once committed.
        var level: Int
        /// Sequence of the last commit that held it (0: never committed). Kept while a session holds it again,
        /// so a rollback of that session restores the stamp older snapshots must still respect.
        var committedAt: UInt64
    }

    private struct State: ~Copyable {
        var holders: [LockResource: Holder] = [:]
        /// Resources by holding session and the level that took them, so a commit or rollback of one level
        /// touches only that level's locks (an update's savepoint holds one or two: no walk over a long
        /// transaction's locks). An entry whose holder moved to another level is skipped where it is found.
        var bySession: [UInt: [Int: [LockResource]]] = [:]
        /// Committed locks by the commit that stamped them, oldest first; a group is pruned once every open
        /// transaction began after it. Only the groups that can be dropped are visited (a walk over every committed
        /// lock at each commit made a long transaction's commit quadratic in the locks it held). A resource stamped
        /// again by a later commit is still listed in its older group: that entry is skipped (stamp differs).
        var committed: [(sequence: UInt64, resources: [LockResource])] = []
        var committedHead = 0
        /// Commits so far: a transaction's snapshot is the count when it began.
        var sequence: UInt64 = 0
        /// Snapshots of the open transactions (value: how many share it).
        var open: [UInt64: Int] = [:]
    }

    private let state = Mutex(State())
    private let published = Atomic<UInt64>(0)
    private let counters = Mutex<[TreeID: UInt32]>([:])

    package init() {}

    /// Registers a transaction about to begin and returns its snapshot. Call it BEFORE the tree store's begin:
    /// a commit that lands between the two is then treated as later than the snapshot, which can only add a
    /// conflict, never hide one.
    package func beginSnapshot() -> UInt64 {
        state.withLock { s in
            s.open[s.sequence, default: 0] += 1
            return s.sequence
        }
    }

    /// The transaction that began at `snapshot` is finished.
    package func endSnapshot(_ snapshot: UInt64) {
        state.withLock { s in
            if let n = s.open[snapshot] { s.open[snapshot] = n > 1 ? n - 1 : nil }
            Self.prune(&s)
        }
    }

    /// Takes (or re-takes) the write lock on `resource` for `session` at `level`. Returns false on a conflict: the
    /// resource is held by another session's open transaction, or was committed after `snapshot`.
    package func acquire(_ resource: LockResource, session: UInt, level: Int, snapshot: UInt64) -> Bool {
        state.withLock { s in
            var stamp: UInt64 = 0
            if let holder = s.holders[resource] {
                if holder.level > 0 {
                    // A session never conflicts with itself; the lock stays with the lowest level that took it.
                    guard holder.session == session else { return false }
                    if level < holder.level {
                        s.holders[resource]?.level = level
                        s.bySession[session, default: [:]][level, default: []].append(resource)
                    }
                    return true
                }
                if holder.committedAt > snapshot { return false }
                stamp = holder.committedAt
            }
            s.holders[resource] = Holder(session: session, level: level, committedAt: stamp)
            s.bySession[session, default: [:]][level, default: []].append(resource)
            return true
        }
    }

    /// True when `session` could take the lock now (no change).
    package func wouldConflict(_ resource: LockResource, session: UInt, snapshot: UInt64) -> Bool {
        state.withLock { s in
            guard let holder = s.holders[resource] else { return false }
            if holder.level > 0 { return holder.session != session }
            return holder.committedAt > snapshot
        }
    }

    /// True when a resource of `objid` in `dbid` whose key starts with `prefix` is held by another session's open
    /// transaction, or was committed after `snapshot`. A walk over every lock: only DDL asks, and DDL is rare.
    package func anyOtherHolder(dbid: UInt32, objid: UInt32, prefix: [UInt8], session: UInt, snapshot: UInt64) -> Bool {
        state.withLock { s in
            for (resource, holder) in s.holders
            where resource.dbid == dbid && resource.objid == objid && resource.key.starts(with: prefix) {
                if holder.level > 0 ? holder.session != session : holder.committedAt > snapshot { return true }
            }
            return false
        }
    }

    /// The session's innermost level `level` committed into `level - 1` (level > 1).
    package func commitLevel(session: UInt, level: Int) {
        state.withLock { s in
            guard let moved = s.bySession[session]?.removeValue(forKey: level) else { return }
            var kept: [LockResource] = []
            for resource in moved {
                guard let holder = s.holders[resource], holder.session == session, holder.level == level else { continue }
                s.holders[resource]?.level = level - 1
                kept.append(resource)
            }
            if !kept.isEmpty { s.bySession[session, default: [:]][level - 1, default: []].append(contentsOf: kept) }
        }
    }

    /// The session's levels from `level` up rolled back: the locks they took are released.
    package func rollbackLevel(session: UInt, level: Int) {
        state.withLock { s in
            guard var levels = s.bySession[session] else { return }
            for taken in levels.keys where taken >= level {
                for resource in levels.removeValue(forKey: taken) ?? [] {
                    guard let holder = s.holders[resource], holder.session == session, holder.level > 0,
                        holder.level >= level
                    else { continue }
                    s.holders[resource] =
                        holder.committedAt > 0
                        ? Holder(session: holder.session, level: 0, committedAt: holder.committedAt) : nil
                }
            }
            s.bySession[session] = levels.isEmpty ? nil : levels
        }
    }

    /// The session committed to level 0; returns the commit's sequence. Its locks now stop every transaction
    /// that began earlier. Call it after the tree store published the commit (see `beginSnapshot`).
    @discardableResult
    package func commitAll(session: UInt) -> UInt64 {
        state.withLock { s in
            s.sequence &+= 1
            let sequence = s.sequence
            published.store(sequence, ordering: .releasing)
            var stamped: [LockResource] = []
            for resource in (s.bySession.removeValue(forKey: session) ?? [:]).values.joined() {
                guard let holder = s.holders[resource], holder.session == session, holder.level > 0 else { continue }
                s.holders[resource] = Holder(session: session, level: 0, committedAt: sequence)
                stamped.append(resource)
            }
            if !stamped.isEmpty { s.committed.append((sequence, stamped)) }
            Self.prune(&s)
            return sequence
        }
    }

    /// The next record number of a table without primary index. Numbers are handed out here, not read from the
    /// tree, because another session's uncommitted inserts are invisible to the reader; `start` gives the highest
    /// number in the tree the first time (numbers of rolled-back inserts are not given back, as in ESE).
    package func nextRecordNumber(
        _ tree: TreeID, start: () throws(JetError) -> UInt32
    ) throws(JetError) -> UInt32 {
        if let next = try counters.withLock({ (c) throws(JetError) -> UInt32? in
            guard let last = c[tree] else { return nil }
            guard last < UInt32.max else { throw .outOfAutoincrementValues }
            c[tree] = last + 1
            return last + 1
        }) {
            return next
        }
        let initial = try start()
        return try counters.withLock { (c) throws(JetError) -> UInt32 in
            let last = max(c[tree] ?? 0, initial)
            guard last < UInt32.max else { throw .outOfAutoincrementValues }
            c[tree] = last + 1
            return last + 1
        }
    }

    /// A detached database's counters go with it: the next database attached takes the lowest free dbid, and its
    /// trees (the same objids in a database built the same way) must number from their own records.
    package func forgetCounters(dbid: UInt32) { counters.withLock { c in c = c.filter { $0.key.dbid != dbid } } }

    /// Commits so far (a level-0 reader reuses its snapshot while this has not changed).
    /// An atomic, so readers never wait on the table's lock.
    package var currentSequence: UInt64 { published.load(ordering: .acquiring) }

    /// Number of resources with an entry (tests).
    package var count: Int { state.withLock { $0.holders.count } }

    private static func prune(_ s: inout State) {
        guard s.committedHead < s.committed.count else { return }
        // A committed lock matters only to a transaction whose snapshot is older than the commit.
        let oldest = s.open.keys.min() ?? s.sequence
        if s.bySession.isEmpty, let newest = s.committed.last, newest.sequence <= oldest {
            // No open transaction holds a lock and every commit is older than every snapshot: every entry goes
            // (a holder at level 0 is in the group of its last commit). One sweep instead of a lookup per lock.
            s.holders = [:]
            s.committed = []
            s.committedHead = 0
            return
        }
        while s.committedHead < s.committed.count, s.committed[s.committedHead].sequence <= oldest {
            let (sequence, resources) = s.committed[s.committedHead]
            s.committed[s.committedHead].resources = []
            s.committedHead += 1
            for resource in resources {
                guard let holder = s.holders[resource], holder.committedAt == sequence else { continue }
                if holder.level == 0 {
                    s.holders[resource] = nil
                } else {
                    // Held again by an open transaction: the old stamp no longer matters to anybody.
                    s.holders[resource]?.committedAt = 0
                }
            }
        }
        if s.committedHead == s.committed.count {
            s.committed.removeAll(keepingCapacity: true)
            s.committedHead = 0
        } else if s.committedHead > 64 && s.committedHead * 2 > s.committed.count {
            s.committed.removeFirst(s.committedHead)
            s.committedHead = 0
        }
    }
}
