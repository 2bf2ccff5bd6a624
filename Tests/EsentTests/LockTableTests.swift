import Testing

@testable import EsentCore

/// The write-conflict table: who may change a record, and until when a commit keeps stopping older snapshots.
struct LockTableTests {
    private let record = LockResource(dbid: 1, objid: 5, key: [0x7F, 0x80, 0, 0, 10])
    private let other = LockResource(dbid: 1, objid: 5, key: [0x7F, 0x80, 0, 0, 11])

    @Test func uncommittedLockStopsAnotherSessionButNotItsOwner() {
        let locks = LockTable()
        let a = locks.beginSnapshot(), b = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 1, level: 1, snapshot: a))
        #expect(!locks.acquire(record, session: 2, level: 1, snapshot: b))
        #expect(locks.acquire(record, session: 1, level: 2, snapshot: a))
        #expect(locks.acquire(other, session: 2, level: 1, snapshot: b))
    }

    @Test func commitAfterSnapshotStillConflictsUntilTheOlderTransactionEnds() {
        let locks = LockTable()
        let old = locks.beginSnapshot()
        let writer = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 1, level: 1, snapshot: writer))
        locks.commitAll(session: 1)
        locks.endSnapshot(writer)
        // The record changed after `old` began: changing it from that snapshot would lose the commit.
        #expect(!locks.acquire(record, session: 2, level: 1, snapshot: old))
        let fresh = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 3, level: 1, snapshot: fresh))
        locks.rollbackLevel(session: 3, level: 1)
        locks.endSnapshot(fresh)
        // Session 3's rollback gives back the committed stamp, not an unlocked record.
        #expect(!locks.acquire(record, session: 2, level: 1, snapshot: old))
        locks.endSnapshot(old)
        #expect(locks.count == 0)
    }

    @Test func rollbackOfALevelReleasesOnlyThatLevelsLocks() {
        let locks = LockTable()
        let a = locks.beginSnapshot(), b = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 1, level: 1, snapshot: a))
        #expect(locks.acquire(other, session: 1, level: 2, snapshot: a))
        locks.rollbackLevel(session: 1, level: 2)
        #expect(locks.acquire(other, session: 2, level: 1, snapshot: b))
        #expect(!locks.acquire(record, session: 2, level: 1, snapshot: b))
        locks.rollbackLevel(session: 1, level: 1)
        #expect(locks.acquire(record, session: 2, level: 1, snapshot: b))
    }

    @Test func commitOfANestedLevelMovesItsLocksToTheEnclosingLevel() {
        let locks = LockTable()
        let a = locks.beginSnapshot(), b = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 1, level: 2, snapshot: a))
        locks.commitLevel(session: 1, level: 2)
        // Rolling back a level 2 opened again later must not drop what level 1 now owns.
        locks.rollbackLevel(session: 1, level: 2)
        #expect(!locks.acquire(record, session: 2, level: 1, snapshot: b))
        locks.rollbackLevel(session: 1, level: 1)
        #expect(locks.acquire(record, session: 2, level: 1, snapshot: b))
    }

    @Test func aLockTakenAgainAtALowerLevelSurvivesTheRollbackOfTheHigherOne() {
        let locks = LockTable()
        let a = locks.beginSnapshot(), b = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 1, level: 3, snapshot: a))
        #expect(locks.acquire(record, session: 1, level: 2, snapshot: a))
        locks.rollbackLevel(session: 1, level: 3)
        #expect(!locks.acquire(record, session: 2, level: 1, snapshot: b))
        locks.commitLevel(session: 1, level: 2)
        locks.rollbackLevel(session: 1, level: 1)
        #expect(locks.acquire(record, session: 2, level: 1, snapshot: b))
    }

    @Test func committedLocksArePrunedWhenNoOlderSnapshotIsOpen() {
        let locks = LockTable()
        let s = locks.beginSnapshot()
        for k in 0..<100 {
            #expect(locks.acquire(LockResource(dbid: 1, objid: 2, key: [UInt8(k)]), session: 1, level: 1, snapshot: s))
        }
        locks.commitAll(session: 1)
        locks.endSnapshot(s)
        #expect(locks.count == 0)
        #expect(!locks.wouldConflict(record, session: 9, snapshot: 0))
    }

    /// Committed locks are pruned by commit, oldest first: a lock stamped again by a later commit stays until
    /// that commit is older than every open snapshot, and one held again when its commit is pruned loses only the
    /// stamp (a rollback then releases it).
    @Test func aLockCommittedTwiceIsPrunedWithItsLaterCommit() {
        let locks = LockTable()
        let old = locks.beginSnapshot()
        let s1 = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 1, level: 1, snapshot: s1))
        #expect(locks.acquire(other, session: 1, level: 1, snapshot: s1))
        locks.commitAll(session: 1)
        locks.endSnapshot(s1)
        let s2 = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 2, level: 1, snapshot: s2))
        locks.commitAll(session: 2)
        locks.endSnapshot(s2)
        let middle = locks.beginSnapshot()
        // `middle` began after both commits: only `old` keeps their locks.
        #expect(locks.wouldConflict(record, session: 9, snapshot: old))
        #expect(locks.wouldConflict(other, session: 9, snapshot: old))
        locks.endSnapshot(old)
        #expect(locks.count == 0)
        #expect(!locks.wouldConflict(record, session: 9, snapshot: middle))
        locks.endSnapshot(middle)

        // Held again while its commit is pruned: the holder keeps it, then a rollback releases it.
        let reader = locks.beginSnapshot()
        let s3 = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 3, level: 1, snapshot: s3))
        locks.commitAll(session: 3)
        locks.endSnapshot(s3)
        let s4 = locks.beginSnapshot()
        #expect(locks.acquire(record, session: 4, level: 1, snapshot: s4))
        #expect(locks.wouldConflict(record, session: 9, snapshot: reader))
        locks.endSnapshot(reader)
        #expect(!locks.acquire(record, session: 5, level: 1, snapshot: s4))
        locks.rollbackLevel(session: 4, level: 1)
        #expect(locks.count == 0)
        locks.endSnapshot(s4)
    }

    /// A long transaction's commit stamps each of its locks once; they all go when its snapshot ends.
    @Test func aLargeCommitIsPrunedWhenItsOwnSnapshotEnds() {
        let locks = LockTable()
        let s = locks.beginSnapshot()
        for k in 0..<5000 {
            let key: [UInt8] = [UInt8(k >> 8), UInt8(k & 0xFF)]
            #expect(locks.acquire(LockResource(dbid: 1, objid: 2, key: key), session: 1, level: 1, snapshot: s))
        }
        let later = locks.beginSnapshot()
        locks.commitAll(session: 1)
        #expect(locks.count == 5000)
        #expect(!locks.acquire(LockResource(dbid: 1, objid: 2, key: [0, 7]), session: 2, level: 1, snapshot: later))
        locks.endSnapshot(s)
        locks.endSnapshot(later)
        #expect(locks.count == 0)
    }
}
