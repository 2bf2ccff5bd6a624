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
        try instance.state.withLock { (s) throws(JetError) in
            guard s.phase == .running, s.sessions[sesid] != nil else { throw .invalidSesid }
            s.sessions[sesid] = nil
            for db in s.databases { db.opens[sesid] = nil }
        }
        registry.withLock { r in r.sessions[sesid] = nil }
    }

    package static func beginTransaction(_ sesid: UInt) throws(JetError) {
        let instance = try Registry.session(sesid)
        try instance.withSession(sesid) { (_, session) throws(JetError) in
            guard session.transactionLevel < maxTransactionLevel else { throw .transTooDeep }
            session.transactionLevel += 1
        }
    }

    package static func commit(_ sesid: UInt, grbit: UInt) throws(JetError) {
        let known = UInt(
            JET_bitCommitLazyFlush | JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit | JET_bitForceNewLog)
        guard grbit & ~known == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        // Whatever writes the log waits while an OS snapshot has the instance frozen.
        try instance.withWritingSession(sesid) { (s, session, gate) throws(JetError) -> WriteStep<Void> in
            // ForceNewLog only rolls the log; it needs no transaction and commits nothing.
            if grbit & UInt(JET_bitForceNewLog) != 0 {
                guard gate.isOpen else { return .waitForThaw }
                try s.log?.roll()
                return .done(())
            }
            // Waiting for earlier lazy commits: flushing the log is what makes them durable.
            if grbit & UInt(JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit) != 0 {
                guard gate.isOpen else { return .waitForThaw }
                _ = try s.log?.append(.commit(session: UInt64(sesid)), flush: true)
                return .done(())
            }
            guard session.transactionLevel > 0 else { throw .notInTransaction }
            if session.transactionLevel == 1 && !gate.isOpen { return .waitForThaw }
            session.transactionLevel -= 1
            if session.transactionLevel == 0 {
                let lazy = grbit & UInt(JET_bitCommitLazyFlush) != 0
                _ = try s.log?.append(.commit(session: UInt64(sesid)), flush: !lazy)
            }
            return .done(())
        }
    }

    /// Works after JetStopService.
    package static func rollback(_ sesid: UInt, grbit: UInt) throws(JetError) {
        guard grbit & ~UInt(JET_bitRollbackAll) == 0 else { throw .invalidGrbit }
        let instance = try Registry.session(sesid)
        try instance.withSession(sesid, ignoringStopService: true) { (_, session) throws(JetError) in
            guard session.transactionLevel > 0 else { throw .notInTransaction }
            session.transactionLevel = grbit & UInt(JET_bitRollbackAll) != 0 ? 0 : session.transactionLevel - 1
        }
    }
}
