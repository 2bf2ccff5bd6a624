import CEsent
import EsentCore

// Stopping backups and the service. The stops pass no API gate: they work on stopped and never-initialized
// instances, and never wait, neither for a call in progress nor for the registry lock (Core/InstanceStops.swift).

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
    jetCall { () throws(JetError) in try Lifecycle.stopServiceLegacy() }
}

@c(JetStopServiceInstance)
public func jetStopServiceInstance(_ instance: JET_INSTANCE) -> JET_ERR {
    jetCall { () throws(JetError) in try Lifecycle.stopServiceInstance(handle: instance) }
}

@c(JetStopServiceInstance2)
public func jetStopServiceInstance2(_ instance: JET_INSTANCE, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCall { () throws(JetError) in try Lifecycle.stopService(handle: instance, grbit: grbit) }
}
