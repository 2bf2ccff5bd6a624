import CEsent
import Synchronization

/// Where an instance is in its life.
package enum InstancePhase: Sendable {
    /// Created by JetCreateInstance; only parameters, JetInit and JetTerm apply.
    case created
    /// JetInit is working on it (other calls see JET_errInitInProgress where ESE says so).
    case initializing
    case running
    /// JetRestore* or JetExternalRestore* is working on it: other calls see JET_errRestoreInProgress.
    case restoring
    /// Gone: any thread still holding the object sees JET_errInvalidInstance.
    case terminated
}

/// A database attached to an instance.
package final class AttachedDatabase: @unchecked Sendable {
    let dbid: UInt32
    /// Absolute path as the caller gave it (symlinks kept), as reported by the list calls.
    let path: String
    /// Path with symlinks and `..` resolved: how the backup set decides membership.
    let resolvedPath: String
    let file: DatabaseFile
    let readOnly: Bool
    /// Logged databases are the ones backup sees (JET_bitDbRecoveryOff and read-only ones are not).
    let logged: Bool
    /// JetOpenDatabase/JetCreateDatabase opens not yet closed, by session.
    var opens: [UInt: Int] = [:]

    init(dbid: UInt32, path: String, resolvedPath: String, file: DatabaseFile, readOnly: Bool, logged: Bool) {
        self.dbid = dbid
        self.path = path
        self.resolvedPath = resolvedPath
        self.file = file
        self.readOnly = readOnly
        self.logged = logged
    }

    var isOpen: Bool { opens.values.contains { $0 > 0 } }
}

/// Per-session state: transaction depth and the databases the session opened.
package struct SessionState: Sendable {
    var transactionLevel = 0
}

/// The paths of an instance's backed-up databases, copied out of the instance state at every change so that
/// JetGetInstanceInfo reads them without the instance lock, which a call can hold across disk I/O.
package final class PublishedDatabases: Sendable {
    private let paths = Mutex<[String]>([])

    func publish(_ databases: [AttachedDatabase]) {
        let logged = databases.filter { $0.logged }.map(\.path)
        paths.withLock { $0 = logged }
    }

    /// A fresh array, copied under the lock.
    var current: [String] { paths.withLock { $0.map { $0 } } }
}

/// Everything about an instance that changes, under the instance's lock. A call holds the lock while it works
/// on the state; long disk work (JetGrowDatabase, JetReadFileInstance) goes in bounded steps with the lock
/// released between them, so a stop, an info call or another session's call never waits for all of it.
package struct InstanceState: Sendable {
    var phase: InstancePhase = .created
    var params: ParameterValues
    let published: PublishedDatabases
    /// ESE's m_fBackupAllowed: set by a successful JetInit, cleared when a JetTerm starts.
    var backupAllowed = false
    var log: LogStream?
    var paths: InstancePaths?
    var databases: [AttachedDatabase] = [] {
        didSet { published.publish(databases) }
    }
    var sessions: [UInt: SessionState] = [:]
    var backup = BackupContext()
    /// The tables' storage engine; a fresh one at each JetInit. ISAM calls take the reference under the lock and
    /// work on trees without it.
    package var trees: any TreeStore = MemoryTreeStore()

    var loggingEnabled: Bool { log != nil }
    var pageSize: Int { Int(params[JET_paramDatabasePageSize].integer) }
    var baseName: String { params[JET_paramBaseName].string }
}

/// An ESE instance: a registry entry owning a log stream, databases, sessions and one backup context.
package final class Instance: Sendable {
    let handle: UInt
    let name: String?
    let displayName: String?
    let state: Mutex<InstanceState>
    /// The backed-up databases' paths, readable without `state`'s lock.
    let publishedDatabases = PublishedDatabases()
    /// ESE's m_fStopBackup, kept in InstanceStops: JetStopBackup* sets it with atomics alone, so it never waits.
    var stopBackupRequested: Bool { InstanceStops.isRequested(handle) }
    func clearBackupStop() { InstanceStops.clear(handle) }
    /// ESE's m_fStopJetService (never cleared), kept in InstanceStops with the backup stop.
    var serviceStopped: Bool { stopFlags & InstanceStops.Flag.serviceStopped != 0 }
    /// Mirrors `phase == .running` for the stop calls, which must not take the lock; false once the instance has
    /// left the registry.
    var isRunning: Bool { stopFlags & InstanceStops.Flag.running != 0 }
    /// The instance's InstanceStops flags, 0 once it has left the registry (one load: the session gate reads
    /// this on every call).
    @inline(__always)
    var stopFlags: UInt { stopPlace.flags ?? 0 }
    private let stopPlace: InstanceStops.Place
    /// Set and cleared under the instance lock, with `phase`.
    func setRunning(_ running: Bool) {
        InstanceStops.update(handle) { flags in
            running ? flags | InstanceStops.Flag.running : flags & ~InstanceStops.Flag.running
        }
    }
    /// Closed while an OS snapshot has the instance frozen; its snapshot membership (Snapshot.swift).
    package let writeGate = WriteGate()
    /// ESE's m_fTermInProgress: set by a JetTerm before it waits for a JetBackup to stop, cleared if the term
    /// fails. The gate then refuses calls with JET_errTermInProgress and JetBackup stops at its next block.
    let termRequested = Atomic<Bool>(false)
    /// Threads inside JetBackup on this instance: JetTerm waits until none is left.
    let folderBackupThreads = Mutex<[UInt]>([])
    /// The ISAM write-conflict table (Core/Tables/Locks.swift); its own lock, never the instance's.
    package let isamLocks = LockTable()

    init(handle: UInt, name: String?, displayName: String?, params: ParameterValues) {
        self.handle = handle
        self.stopPlace = InstanceStops.place(of: handle)
        self.name = name
        self.displayName = displayName
        self.state = Mutex(InstanceState(params: params, published: publishedDatabases))
    }

    /// Runs `body` under the instance lock after ESE's instance API gate.
    /// `ignoringTerm`: JetBackup ending its own backup while a JetTerm waits for it.
    func withAPI<R>(ignoringTerm: Bool = false, _ body: (inout InstanceState) throws(JetError) -> R)
        throws(JetError) -> R
    {
        try state.withLock { (s) throws(JetError) -> R in
            try self.enterAPI(s, ignoringTerm: ignoringTerm)
            return try body(&s)
        }
    }

    /// The gate itself: stopped service, termination, initialization.
    func enterAPI(_ s: borrowing InstanceState, ignoringTerm: Bool = false) throws(JetError) {
        if serviceStopped { throw .clientRequestToStopJetService }
        if !ignoringTerm && termRequested.load(ordering: .sequentiallyConsistent) && s.phase == .running {
            throw .termInProgress
        }
        switch s.phase {
        case .running: return
        case .created, .initializing: throw .notInitialized
        case .restoring: throw .restoreInProgress
        case .terminated: throw .invalidInstance
        }
    }

    /// The session gate: like the instance gate, but some calls still work after a stop.
    func withSession<R>(
        _ sesid: UInt, ignoringStopService: Bool = false,
        _ body: (inout InstanceState, inout SessionState) throws(JetError) -> R
    ) throws(JetError) -> R {
        try state.withLock { (s) throws(JetError) -> R in
            if s.phase == .terminated { throw .invalidSesid }
            if !ignoringStopService && serviceStopped {
                throw .clientRequestToStopJetService
            }
            guard s.phase == .running else { throw .notInitialized }
            guard var session = s.sessions[sesid] else { throw .invalidSesid }
            defer { s.sessions[sesid] = session }
            return try body(&s, &session)
        }
    }
}
