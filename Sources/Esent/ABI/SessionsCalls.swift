import CEsent
import EsentCore

// Sessions and transactions.

private func beginSession<Unit>(
    _ instance: JET_INSTANCE, _ psesid: UnsafeMutablePointer<JET_SESID>?, _ szUserName: UnsafePointer<Unit>?,
    _ szPassword: UnsafePointer<Unit>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let psesid else { throw .invalidParameter }
        // User name and password are ignored, as by ESE; they are still checked as text.
        _ = try Marshal.string(szUserName)
        _ = try Marshal.string(szPassword)
        psesid.pointee = try Sessions.begin(instance: instance)
    }
}

@c(JetBeginSessionA)
public func jetBeginSessionA(
    _ instance: JET_INSTANCE, _ psesid: UnsafeMutablePointer<JET_SESID>?, _ szUserName: UnsafePointer<CChar>?,
    _ szPassword: UnsafePointer<CChar>?
) -> JET_ERR { beginSession(instance, psesid, szUserName, szPassword) }

@c(JetBeginSession)
public func jetBeginSession(
    _ instance: JET_INSTANCE, _ psesid: UnsafeMutablePointer<JET_SESID>?, _ szUserName: UnsafePointer<CChar>?,
    _ szPassword: UnsafePointer<CChar>?
) -> JET_ERR { beginSession(instance, psesid, szUserName, szPassword) }

@c(JetBeginSessionW)
public func jetBeginSessionW(
    _ instance: JET_INSTANCE, _ psesid: UnsafeMutablePointer<JET_SESID>?, _ szUserName: UnsafePointer<WCHAR>?,
    _ szPassword: UnsafePointer<WCHAR>?
) -> JET_ERR { beginSession(instance, psesid, szUserName, szPassword) }

@c(JetEndSession)
public func jetEndSession(_ sesid: JET_SESID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try Sessions.end(sesid, grbit: grbit) }
}

@c(JetBeginTransaction)
public func jetBeginTransaction(_ sesid: JET_SESID) -> JET_ERR {
    jetCall { () throws(JetError) in try Sessions.beginTransaction(sesid) }
}

/// Only JET_bitTransactionReadOnly is honoured; ESE drops the other bits.
@c(JetBeginTransaction2)
public func jetBeginTransaction2(_ sesid: JET_SESID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try Sessions.beginTransaction(sesid, grbit: grbit) }
}

@c(JetCommitTransaction)
public func jetCommitTransaction(_ sesid: JET_SESID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try Sessions.commit(sesid, grbit: grbit) }
}

@c(JetRollback)
public func jetRollback(_ sesid: JET_SESID, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try Sessions.rollback(sesid, grbit: grbit) }
}
