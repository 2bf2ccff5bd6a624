import CEsent
import EsentCore

// Stopping backups and the service. The stops pass no API gate: they work on stopped
// and never-initialized instances, and JetStopBackup* never waits for a call in progress.

@c(JetStopBackup)
public func jetStopBackup() -> JET_ERR {
    jetCall { () throws(JetError) in try Lifecycle.stopBackupLegacy() }
}

@c(JetStopBackupInstance)
public func jetStopBackupInstance(_ instance: JET_INSTANCE) -> JET_ERR {
    jetCall { () throws(JetError) in try Lifecycle.stopBackup(handle: instance) }
}

@c(JetStopService)
public func jetStopService() -> JET_ERR {
    jetCall { () throws(JetError) in try Lifecycle.stopServiceLegacy(try Registry.legacyInstance()) }
}

@c(JetStopServiceInstance)
public func jetStopServiceInstance(_ instance: JET_INSTANCE) -> JET_ERR {
    jetCall { () throws(JetError) in try Lifecycle.stopServiceLegacy(try Registry.instance(instance)) }
}

@c(JetStopServiceInstance2)
public func jetStopServiceInstance2(_ instance: JET_INSTANCE, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try Lifecycle.stopService(try Registry.instance(instance), grbit: grbit) }
}
