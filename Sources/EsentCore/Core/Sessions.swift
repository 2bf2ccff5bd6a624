import CEsent

/// Sessions and transactions.
package enum Sessions {
    /// ESE's deepest transaction nesting.
    static let maxTransactionLevel = 7

    /// `afterInstanceStep` runs between the two locked steps (tests use it to interleave a JetTerm there).
    package static func begin(instance handle: UInt, afterInstanceStep: () -> Void = {}) throws(JetError) -> UInt {
        let instance = try Registry.instance(handle)
        let sesid = registry.withLock { r in r.newHandle(tag: HandleTag.session) }
        try instance.withAPI { (s) throws(JetError) in
            s.sessions[sesid] = SessionState()
        }
        afterInstanceStep()
        // A JetTerm may have run since the step above and removed the instance: registering the session now
        // would keep the dead instance (and any backup file it held open) reachable until process exit.
        let registered = registry.withLock { r in
            guard r.instances[instance.handle] === instance else { return false }
            r.sessions[sesid] = instance
            return true
        }
        guard registered else {
            instance.state.withLock { s in s.sessions[sesid] = nil }
            throw .invalidInstance
        }
        return sesid
    }

    /// Works after JetStopService. Open transactions are rolled back and the
    /// session's open databases closed.
    package static func end(_ sesid: UInt, grbit: UInt) throws(JetError) {
        guard grbit & ~UInt(JET_bitForceSessionClosed) == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        // Not while another thread is inside a call on the session (JET_errSessionSharingViolation).
        let isam = try IsamSessions.session(sesid)
        try isam.enter(ignoringStopService: true)
        defer { isam.leave() }
        try instance.state.withLock { (s) throws(JetError) in
            guard s.phase == .running, s.sessions[sesid] != nil else { throw .invalidSesid }
            s.sessions[sesid] = nil
            for db in s.databases { db.opens[sesid] = nil }
        }
        // Its open transaction rolled back and its tables closed (ESE's JetEndSession).
        SessionTransactions.endSession(isam)
        registry.withLock { r in r.sessions[sesid] = nil }
    }

    /// Only JET_bitTransactionReadOnly of `grbit` is honoured; ESE drops the other bits.
    package static func beginTransaction(_ sesid: UInt, grbit: UInt = 0) throws(JetError) {
        let instance = try Registry.session(sesid)
        let isam = try IsamSessions.session(sesid)
        try instance.withSession(sesid) { (_, _) throws(JetError) in }
        try isam.enter()
        defer { isam.leave() }
        let level = try instance.withSession(sesid) { (_, session) throws(JetError) -> Int in
            guard session.transactionLevel < maxTransactionLevel else { throw .transTooDeep }
            session.transactionLevel += 1
            return session.transactionLevel
        }
        do {
            try SessionTransactions.begin(isam, level: level, readOnly: grbit & UInt(JET_bitTransactionReadOnly) != 0)
        } catch {
            instance.state.withLock { s in s.sessions[sesid]?.transactionLevel = level - 1 }
            throw error
        }
    }

    package static func commit(_ sesid: UInt, grbit: UInt) throws(JetError) {
        let known = UInt(
            JET_bitCommitLazyFlush | JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit | JET_bitForceNewLog)
        guard grbit & ~known == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        let isam = try IsamSessions.session(sesid)
        try instance.withSession(sesid) { (_, _) throws(JetError) in }
        try isam.enter()
        defer { isam.leave() }
        var committedLevel = 0
        // The level is lowered even when the commit record then fails to reach the log (see docs/api.md), so the
        // ISAM session follows it in every case.
        defer { if committedLevel > 0 { SessionTransactions.committed(isam, level: committedLevel) } }
        // Whatever writes the log waits while an OS snapshot has the instance frozen.
        try instance.withWritingSession(sesid) { (s, session, gate) throws(JetError) -> WriteStep<Void> in
            // ForceNewLog only rolls the log; it needs no transaction and commits nothing.
            if grbit & UInt(JET_bitForceNewLog) != 0 {
                guard gate.isOpen else { return .waitForThaw }
                try storage(try s.log?.roll())
                return .done(())
            }
            // Waiting for earlier lazy commits: flushing the log is what makes them durable.
            if grbit & UInt(JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit) != 0 {
                guard gate.isOpen else { return .waitForThaw }
                _ = try storage(try s.log?.append(.commit(session: UInt64(sesid)), flush: true))
                return .done(())
            }
            guard session.transactionLevel > 0 else { throw .notInTransaction }
            if session.transactionLevel == 1 && !gate.isOpen { return .waitForThaw }
            if session.transactionLevel == 1 {
                // The tree changes go to the log buffer first; the commit record below flushes them with it.
                try SessionTransactions.commitTrees(isam, log: s.log)
            }
            committedLevel = session.transactionLevel
            session.transactionLevel -= 1
            if session.transactionLevel == 0 {
                let lazy = grbit & UInt(JET_bitCommitLazyFlush) != 0
                _ = try storage(try s.log?.append(.commit(session: UInt64(sesid)), flush: !lazy))
            }
            return .done(())
        }
    }

    /// Works after JetStopService.
    package static func rollback(_ sesid: UInt, grbit: UInt) throws(JetError) {
        guard grbit & ~UInt(JET_bitRollbackAll) == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        let isam = try IsamSessions.session(sesid)
        try instance.withSession(sesid, ignoringStopService: true) { (_, _) throws(JetError) in }
        try isam.enter(ignoringStopService: true)
        defer { isam.leave() }
        let all = grbit & UInt(JET_bitRollbackAll) != 0
        try instance.withSession(sesid, ignoringStopService: true) { (_, session) throws(JetError) in
            guard session.transactionLevel > 0 else { throw .notInTransaction }
            session.transactionLevel = all ? 0 : session.transactionLevel - 1
        }
        SessionTransactions.rollback(isam, all: all)
    }
}
