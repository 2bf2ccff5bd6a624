extension TableCursors {
    /// The checks every cursor call makes first (session, tableid, owner, session gate). The ABI runs them before
    /// reporting a bad pointer or size with JET_errInvalidParameter, so a call with a bad handle gets the handle's
    /// code as in ESE, which only touches its arguments after these checks.
    package static func checkHandles(sesid: UInt, tableid: UInt) throws(JetError) {
        try with(sesid, tableid) { (_, _) throws(JetError) in }
    }

    /// The error for a bad pointer or size argument of a cursor call: the handle's code when a handle is bad, else
    /// JET_errInvalidParameter.
    package static func argumentFault(sesid: UInt, tableid: UInt) -> JetError {
        do { try checkHandles(sesid: sesid, tableid: tableid) } catch { return error }
        return .invalidParameter
    }
}
