#if canImport(Glibc)
import Glibc
#endif
import CEsent
import Synchronization

// OS snapshots (JetOSSnapshot*): ESE's third way to back up, the protocol a VSS writer follows. Prepare picks the
// member instances, Freeze rolls their logs, syncs their files and closes their write gates, the caller copies
// the files (cp --reflink, an LVM or btrfs snapshot, fsfreeze and a block copy), Thaw reopens the gates, and End
// stamps the database headers. The states, checks and their order follow ESE's io.cxx (CESESnapshotSession)
// and backup.cxx (ErrBKOSSnapshot*); docs/api.md has each call's codes.

/// A session's state (ESE's CESESnapshotSession states; the transient Start, Thaw, End and Abort are not kept:
/// a session that ends leaves the table).
package enum SnapshotState: Sendable, Equatable {
    case prepare, freeze, allowLogTruncate, logTruncated, timeOut
}

/// What a snapshot recorded for one member at Freeze.
struct SnapshotMember: Sendable {
    let instance: Instance
    /// Log generations the copy needs, [copyMic, copyMac] (copyMac is the last generation before the freeze roll).
    var copyMic: Int32 = 0
    var copyMac: Int32 = 0
    /// TruncateLog may delete the archives below this generation; 0 once a TruncateLog consumed it.
    var deleteMac: Int32 = 0
    /// The freeze record's position and time: the backup's mark in the headers End stamps.
    var mark = LogPosition.none
    var markTime = LogTime.none
    var frozen = false
}

struct SnapshotSession: Sendable {
    let id: UInt
    let incremental: Bool
    let copy: Bool
    let continueAfterThaw: Bool
    let explicitPrepare: Bool
    var state = SnapshotState.prepare
    var members: [SnapshotMember] = []
    /// The running freeze's watchdog, which thaws the session when JET_paramOSSnapshotTimeout passes.
    var watchdog: FreezeWatchdog?
}

struct SnapshotTable: Sendable {
    var sessions: [UInt: SnapshotSession] = [:]
    /// Ids count up from 1 and are never reused, as ESE's.
    var lastID: UInt = 0
}

/// Every session. Lock order: this lock first, then the registry's, then an instance's, then a write gate's.
/// Nothing that holds an instance lock takes this one.
let snapshotTable = Mutex(SnapshotTable())

package enum OSSnapshot {
    static let incrementalBit = UInt(JET_bitIncrementalSnapshot)
    static let copyBit = UInt(JET_bitCopySnapshot)
    static let continueAfterThawBit = UInt(JET_bitContinueAfterThaw)
    static let explicitPrepareBit = UInt(JET_bitExplicitPrepare)
    static let allDatabasesBit = UInt(JET_bitAllDatabasesSnapshot)
    static let abortBit = UInt(JET_bitAbortSnapshot)

    // MARK: JetOSSnapshotPrepare

    /// `outputGiven`: the caller's id pointer is not NULL (checked after the grbit, as ESE does).
    package static func prepare(grbit: UInt, outputGiven: Bool) throws(JetError) -> UInt {
        guard grbit & ~(incrementalBit | copyBit | continueAfterThawBit | explicitPrepareBit) == 0 else {
            throw .invalidGrbit
        }
        guard outputGiven else { throw .invalidParameter }
        return try snapshotTable.withLock { (t) throws(JetError) -> UInt in
            // Any instance object, even one never initialized, counts as a started system (ESE's g_fSystemInit).
            let instances = registry.withLock { r in r.order }
            guard !instances.isEmpty else { throw .notInitialized }
            t.lastID += 1
            var session = SnapshotSession(
                id: t.lastID, incremental: grbit & incrementalBit != 0, copy: grbit & copyBit != 0,
                continueAfterThaw: grbit & continueAfterThawBit != 0,
                explicitPrepare: grbit & explicitPrepareBit != 0)
            if !session.explicitPrepare {
                // Members are the instances initialized now and in no other session; later ones are not added.
                for instance in instances
                where instance.isRunning && instance.writeGate.join(session.id) {
                    session.members.append(SnapshotMember(instance: instance))
                }
            }
            t.sessions[session.id] = session
            return session.id
        }
    }

    // MARK: JetOSSnapshotPrepareInstance

    package static func prepareInstance(_ id: UInt, handle: UInt, grbit: UInt) throws(JetError) {
        let instance = try Registry.instance(handle)
        try snapshotTable.withLock { (t) throws(JetError) in
            try instance.withAPI { (s) throws(JetError) in
                guard grbit == 0 else { throw .invalidGrbit }
                guard var session = t.sessions[id] else { throw .oSSnapshotInvalidSnapId }
                guard session.state == .prepare else { throw .oSSnapshotInvalidSequence }
                if instance.writeGate.sessionID != 0 || s.backup.isRunning || !s.backupAllowed {
                    throw .oSSnapshotNotAllowed
                }
                guard instance.writeGate.join(id) else { throw .oSSnapshotNotAllowed }
                session.members.append(SnapshotMember(instance: instance))
                t.sessions[id] = session
            }
        }
    }

    // MARK: JetOSSnapshotFreeze

    /// Freezes every member and returns their databases. `outputGiven`: both output pointers are non-NULL
    /// (checked after the grbit; the A entry point checks them before).
    package static func freeze(_ id: UInt, grbit: UInt, outputGiven: Bool) throws(JetError)
        -> [Lifecycle.InstanceSummary]
    {
        guard grbit == 0 else { throw .invalidGrbit }
        guard outputGiven else { throw .invalidParameter }
        return try snapshotTable.withLock { (t) throws(JetError) -> [Lifecycle.InstanceSummary] in
            guard var session = t.sessions[id] else { throw .oSSnapshotInvalidSnapId }
            guard session.state == .prepare else { throw .oSSnapshotInvalidSequence }
            guard registry.withLock({ r in !r.order.isEmpty }) else { throw .notInitialized }
            // Members that terminated since Prepare have left the session.
            session.members.removeAll { !$0.instance.writeGate.isMember(of: id) }
            let timeout = registry.withLock { r in r.globals[JET_paramOSSnapshotTimeout].integer }
            do throws(JetError) {
                try holdBackups(&session)
                for index in session.members.indices {
                    try freezeMember(&session.members[index], session)
                }
                let watchdog = FreezeWatchdog(session: id)
                try watchdog.start(milliseconds: timeout)
                session.watchdog = watchdog
            } catch {
                // A failed Freeze leaves the session in Prepare with its members, so a retry can freeze them
                // (ESE drops them and a retry freezes nothing).
                for index in session.members.indices { thawMember(&session.members[index], id) }
                for member in session.members { member.instance.writeGate.setBackupHeld(false, by: id) }
                t.sessions[id] = session
                throw error
            }
            session.state = .freeze
            t.sessions[id] = session
            return session.members.map(info)
        }
    }

    /// First pass, in member order: nobody else is backing the member up, and its backup flags are set
    /// (ESE's SetBackupInProgress). On -2403 the flags set so far are cleared by the caller.
    private static func holdBackups(_ session: inout SnapshotSession) throws(JetError) {
        for member in session.members {
            try member.instance.state.withLock { (s) throws(JetError) in
                guard s.phase == .running, s.backupAllowed, !s.backup.isRunning else { throw .oSSnapshotNotAllowed }
                member.instance.writeGate.setBackupHeld(true, by: session.id)
                // The snapshot clears a pending JetStopBackup, as ESE's BKSetFlags does.
                member.instance.clearBackupStop()
            }
        }
    }

    /// Second pass, per member (ESE's ErrBKOSSnapshotStopLogging): the incremental checks, the log roll, the
    /// freeze record, every file synced, then the gate closed, all under the member's lock.
    private static func freezeMember(_ member: inout SnapshotMember, _ session: SnapshotSession) throws(JetError) {
        let instance = member.instance
        try instance.state.withLock { (s) throws(JetError) in
            let logged = s.databases.filter { $0.logged }
            if let log = s.log {
                let circular = s.params[JET_paramCircularLog].integer != 0
                let checkpoint = log.checkpointGeneration
                if session.incremental {
                    // An incremental snapshot builds on a full, non-copy OS snapshot (ESE's ErrLGCheckIncrementalBackup).
                    for db in logged {
                        let h = db.file.header
                        if h.bkinfoFullPrev.genLow == 0 || h.fullPrevType != DatabaseHeader.backupTypeOSSnapshot {
                            throw .missingFullBackup
                        }
                    }
                    if circular { throw .invalidBackup }
                }
                // Full snapshots roll unless logging is circular; incremental ones always do.
                let rolls = session.incremental || !circular
                let before = log.currentGeneration
                if rolls { try storage(try log.roll()) }
                let position = try storage(try log.append(.backupBegin(incremental: session.incremental), flush: true))
                member.mark = position
                member.markTime = .now()
                member.copyMac = rolls ? before : log.currentGeneration
                if session.incremental {
                    // From the oldest log on disk, which must follow each database's last backup.
                    let oldest = try storage(try log.archivedGenerations().first) ?? log.currentGeneration
                    for db in logged {
                        let h = db.file.header
                        let last = Int64(max(h.bkinfoFullPrev.genHigh, h.bkinfoIncPrev.genHigh))
                        if Int64(oldest) > last + 1 { throw .missingFileToBackup }
                    }
                    member.copyMic = oldest
                } else {
                    member.copyMic = checkpoint
                }
                member.deleteMac = min(member.copyMac, checkpoint)
                try storage(try log.sync())
            }
            for db in s.databases where !db.readOnly { try storage(try db.file.sync()) }
            instance.writeGate.close(by: session.id)
            member.frozen = true
        }
    }

    /// Opens a frozen member's gate (its backup flags stay: Thaw keeps them until End).
    private static func thawMember(_ member: inout SnapshotMember, _ id: UInt) {
        guard member.frozen else { return }
        member.frozen = false
        if member.instance.writeGate.isMember(of: id) { member.instance.writeGate.open() }
    }

    /// A member's entry in the Freeze and GetFreezeInfo lists: its logged databases, as JetGetInstanceInfo lists.
    private static func info(_ member: SnapshotMember) -> Lifecycle.InstanceSummary {
        let dbs = member.instance.state.withLock { s in
            s.phase == .running ? s.databases.filter { $0.logged }.map(\.path) : []
        }
        return Lifecycle.InstanceSummary(handle: member.instance.handle, name: member.instance.name, databases: dbs)
    }

    // MARK: JetOSSnapshotThaw

    package static func thaw(_ id: UInt, grbit: UInt) throws(JetError) {
        guard grbit == 0 else { throw .invalidGrbit }
        try snapshotTable.withLock { (t) throws(JetError) in
            guard var session = t.sessions[id] else { throw .oSSnapshotInvalidSnapId }
            switch session.state {
            case .freeze:
                stopWatchdog(&session)
                for index in session.members.indices { thawMember(&session.members[index], id) }
                session.state = .allowLogTruncate
                if session.continueAfterThaw {
                    t.sessions[id] = session
                } else {
                    // Without ContinueAfterThaw a thaw is the end: the headers are stamped now.
                    finish(session, stamp: true)
                    t.sessions[id] = nil
                }
            case .timeOut:
                if !session.continueAfterThaw { t.sessions[id] = nil }
                throw .oSSnapshotTimeOut
            case .prepare, .allowLogTruncate, .logTruncated:
                throw .oSSnapshotInvalidSequence
            }
        }
    }

    // MARK: JetOSSnapshotEnd / JetOSSnapshotAbort

    package static func end(_ id: UInt, grbit: UInt) throws(JetError) {
        guard grbit & ~abortBit == 0 else { throw .invalidGrbit }
        let abort = grbit & abortBit != 0
        try snapshotTable.withLock { (t) throws(JetError) in
            guard var session = t.sessions[id] else { throw .oSSnapshotInvalidSnapId }
            switch session.state {
            case .prepare, .allowLogTruncate, .logTruncated:
                break
            case .freeze, .timeOut:
                guard abort else { throw .oSSnapshotInvalidSequence }
            }
            if session.state == .freeze {
                // An abort during Freeze is a real abort whatever the grbits: thawed, nothing stamped (ESE
                // stamps a successful snapshot when ContinueAfterThaw was not given).
                stopWatchdog(&session)
                for index in session.members.indices { thawMember(&session.members[index], id) }
            }
            let stamp = !abort && (session.state == .allowLogTruncate || session.state == .logTruncated)
            finish(session, stamp: stamp)
            t.sessions[id] = nil
        }
    }

    package static func abort(_ id: UInt, grbit: UInt) throws(JetError) {
        guard grbit == 0 else { throw .invalidGrbit }
        try end(id, grbit: abortBit)
    }

    /// Ends the session for its members: headers stamped when asked, the snapshot's flags cleared (only those:
    /// a streaming backup begun on a member after Prepare is left alone), membership dropped, and a backup-stop
    /// record written for the members the snapshot froze.
    private static func finish(_ session: SnapshotSession, stamp: Bool) {
        for member in session.members where member.instance.writeGate.isMember(of: session.id) {
            let wasFrozen = member.copyMac != 0 || member.mark != .none
            member.instance.state.withLock { s in
                if stamp && s.phase == .running { stampHeaders(&s, member, session) }
                member.instance.writeGate.leave(session.id)
                if wasFrozen && s.phase == .running { _ = try? s.log?.append(.backupStop, flush: true) }
            }
        }
    }

    /// ESE's BKOSSnapshotSaveInfo and ErrBKUpdateHdrBackupInfo: full → bkinfoFullPrev (and the incremental and
    /// differential records cleared), full copy → bkinfoCopyPrev, incremental → bkinfoIncPrev, incremental copy
    /// → bkinfoDiffPrev, each typed "OS snapshot". A field whose mark is newer is left alone. A failed write
    /// only costs the stamp, as in ESE.
    private static func stampHeaders(_ s: inout InstanceState, _ member: SnapshotMember, _ session: SnapshotSession) {
        guard member.copyMac > 0, member.copyMic > 0 else { return }
        let info = BackupInfo(
            mark: member.mark, markTime: member.markTime, genLow: UInt32(clamping: member.copyMic),
            genHigh: UInt32(clamping: member.copyMac))
        let snapshot = DatabaseHeader.backupTypeOSSnapshot
        for db in s.databases where db.logged {
            var h = db.file.header
            switch (session.incremental, session.copy) {
            case (false, false):
                guard h.bkinfoFullPrev.mark <= info.mark else { continue }
                h.bkinfoFullPrev = info
                h.fullPrevType = snapshot
                h.bkinfoIncPrev = .none
                h.incPrevType = DatabaseHeader.backupTypeNone
                h.bkinfoDiffPrev = .none
                h.diffPrevType = DatabaseHeader.backupTypeNone
            case (false, true):
                guard h.bkinfoCopyPrev.mark <= info.mark else { continue }
                h.bkinfoCopyPrev = info
                h.copyPrevType = snapshot
            case (true, false):
                guard h.bkinfoIncPrev.mark <= info.mark else { continue }
                h.bkinfoIncPrev = info
                h.incPrevType = snapshot
            case (true, true):
                guard h.bkinfoDiffPrev.mark <= info.mark else { continue }
                h.bkinfoDiffPrev = info
                h.diffPrevType = snapshot
            }
            do throws(JetError) {
                try storage(try db.file.writeHeader(h))
                _ = try storage(try s.log?.append(.backupHeaderUpdate(dbid: db.dbid), flush: true))
            } catch {
                continue
            }
        }
    }

    // MARK: JetOSSnapshotTruncateLog / JetOSSnapshotTruncateLogInstance

    /// `handle` nil: every member. Otherwise TruncateLogInstance, whose API gate runs first.
    package static func truncateLog(_ id: UInt, handle: UInt?, grbit: UInt) throws(JetError) {
        let only: Instance?
        if let handle {
            let instance = try Registry.instance(handle)
            try instance.withAPI { (_) throws(JetError) in }
            only = instance
        } else {
            only = nil
        }
        guard grbit & ~allDatabasesBit == 0 else { throw .invalidGrbit }
        try snapshotTable.withLock { (t) throws(JetError) in
            guard var session = t.sessions[id] else { throw .oSSnapshotInvalidSnapId }
            guard session.state == .allowLogTruncate || session.state == .logTruncated, !session.copy else {
                throw .oSSnapshotInvalidSequence
            }
            // ESE's answer for an instance outside the session is a bare -1 (JET_wrnNyi).
            if let only, !session.members.contains(where: { $0.instance === only }) { throw .wrnNyi }
            var failure: JetError?
            for index in session.members.indices where only == nil || session.members[index].instance === only {
                do throws(JetError) {
                    try truncateMember(&session.members[index], session, allDatabases: grbit == allDatabasesBit)
                } catch {
                    if failure == nil { failure = error }
                }
            }
            if let failure {
                t.sessions[id] = session
                throw failure
            }
            session.state = .logTruncated
            t.sessions[id] = session
        }
    }

    /// ESE's ErrBKOSSnapshotTruncateLog: with JET_bitAllDatabasesSnapshot and no circular logging, deletes the
    /// archives [oldest on disk, deleteMac). Either way the range is used up by the first call.
    private static func truncateMember(_ member: inout SnapshotMember, _ session: SnapshotSession, allDatabases: Bool)
        throws(JetError)
    {
        let deleteMac = member.deleteMac
        member.deleteMac = 0
        guard deleteMac > 0, member.instance.writeGate.isMember(of: session.id) else { return }
        try member.instance.state.withLock { (s) throws(JetError) in
            guard s.phase == .running, let log = s.log else { return }
            guard allDatabases && s.params[JET_paramCircularLog].integer == 0 else { return }
            guard let oldest = try storage(try log.archivedGenerations().first) else { return }
            if oldest > deleteMac { throw .requiredLogFilesMissing }
            _ = try storage(try log.append(.truncateLogs(low: oldest, high: deleteMac), flush: true))
            for generation in oldest..<deleteMac { try storage(try StorageIO.remove(log.archivedPath(generation))) }
        }
    }

    // MARK: JetOSSnapshotGetFreezeInfo

    /// `outputGiven` as for `freeze`; the A entry point passes true and checks its pointers after the call.
    package static func freezeInfo(_ id: UInt, grbit: UInt, outputGiven: Bool) throws(JetError)
        -> [Lifecycle.InstanceSummary]
    {
        guard grbit == 0 else { throw .invalidGrbit }
        guard outputGiven else { throw .invalidParameter }
        return try snapshotTable.withLock { (t) throws(JetError) -> [Lifecycle.InstanceSummary] in
            guard let session = t.sessions[id] else { throw .oSSnapshotInvalidSnapId }
            return session.members.filter { $0.instance.writeGate.isMember(of: id) }.map(info)
        }
    }

    // MARK: Timeout

    private static func stopWatchdog(_ session: inout SnapshotSession) {
        session.watchdog?.cancel()
        session.watchdog = nil
    }

    /// JET_paramOSSnapshotTimeout passed while frozen (ESE's timeout thread): members thawed, their flags
    /// cleared and their membership dropped, a backup-stop record written; nothing is stamped. Writers waiting
    /// at a gate resume.
    static func timeOut(_ id: UInt, _ watchdog: FreezeWatchdog) {
        snapshotTable.withLock { t in
            guard var session = t.sessions[id], session.state == .freeze, session.watchdog === watchdog else { return }
            session.watchdog = nil
            for index in session.members.indices { thawMember(&session.members[index], id) }
            finish(session, stamp: false)
            session.members = []
            session.state = .timeOut
            t.sessions[id] = session
        }
    }

    // MARK: JetTerm

    /// JetTerm with Abrupt or StopBackup on a member waits for its session to end, as ESE's does. A frozen
    /// session ends by itself at the timeout; one in Prepare or thawed ends only when someone calls End or
    /// Abort, so the wait is bounded by the same timeout, after which the instance leaves the session (nothing
    /// is stamped for it). No lock is held while waiting.
    static func awaitSessionEnd(_ instance: Instance) {
        let timeout = registry.withLock { r in r.globals[JET_paramOSSnapshotTimeout].integer }
        while true {
            let id = instance.writeGate.sessionID
            guard id != 0 else { return }
            if instance.writeGate.waitForNoSession(milliseconds: timeout) { return }
            if release(instance, from: id) { return }
        }
    }

    /// The instance leaves session `id` (JetTerm): its gate opens and its flags clear. Not while the session is
    /// frozen (a Freeze that came after the term began waiting): that one ends at its own timeout.
    private static func release(_ instance: Instance, from id: UInt) -> Bool {
        snapshotTable.withLock { t in
            if var session = t.sessions[id] {
                if session.state == .freeze { return false }
                session.members.removeAll { $0.instance === instance }
                t.sessions[id] = session
            }
            instance.writeGate.leave(id)
            return true
        }
    }
}

// MARK: - What other calls use

/// A writing call's answer from under the instance lock: its result, or "closed: wait for the thaw and run me
/// again" (returned before anything was changed).
package enum WriteStep<R> {
    case done(R)
    case waitForThaw
}

extension Instance {
    /// `withSession` for calls that write to the instance's files: `body` gets the write gate, checks `isOpen`
    /// before its first change and returns `.waitForThaw` when it is closed; the wait happens with no lock held.
    func withWritingSession<R>(
        _ sesid: UInt, ignoringStopService: Bool = false,
        _ body: (inout InstanceState, inout SessionState, WriteGate) throws(JetError) -> WriteStep<R>
    ) throws(JetError) -> R {
        while true {
            let step = try withSession(sesid, ignoringStopService: ignoringStopService) {
                (s, session) throws(JetError) -> WriteStep<R> in
                try body(&s, &session, writeGate)
            }
            if case .done(let result) = step { return result }
            writeGate.waitWhileFrozen()
        }
    }

    /// Throws JET_errBackupInProgress (-505) at once while a snapshot holds the instance (ESE blocks during the
    /// freeze and then returns -505; here nothing waits).
    package func checkNoSnapshotBackup() throws(JetError) {
        if writeGate.holdsBackup { throw .backupInProgress }
    }
}

/// The thread that ends a freeze after JET_paramOSSnapshotTimeout ms unless Thaw or Abort cancels it first.
final class FreezeWatchdog: @unchecked Sendable {
    let session: UInt
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var cancelled = false
    private var deadline = Deadline(milliseconds: 0)

    init(session: UInt) {
        self.session = session
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(wake, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(wake)
        pthread_mutex_destroy(mutex)
        wake.deallocate()
        mutex.deallocate()
    }

    /// Starts the detached thread. JET_errOutOfThreads when the system refuses one.
    func start(milliseconds: UInt) throws(JetError) {
        deadline = Deadline(milliseconds: milliseconds)
        guard DetachedThread.start({ self.run() }) else { throw .outOfThreads }
    }

    func cancel() {
        pthread_mutex_lock(mutex)
        cancelled = true
        pthread_cond_signal(wake)
        pthread_mutex_unlock(mutex)
    }

    private func run() {
        pthread_mutex_lock(mutex)
        var at = deadline.absolute
        while !cancelled && !deadline.hasPassed {
            _ = pthread_cond_timedwait(wake, mutex, &at)
        }
        let fire = !cancelled
        pthread_mutex_unlock(mutex)
        if fire { OSSnapshot.timeOut(session, self) }
    }
}
