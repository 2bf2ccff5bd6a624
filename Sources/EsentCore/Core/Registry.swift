import CEsent
import Synchronization

/// The process-wide run mode.
package enum RunMode: Sendable {
    case notSet, oneInstance, multiInstance
}

/// Folders an initialized instance holds, compared by JetInit of the others.
package struct InstancePaths: Sendable, Equatable {
    var system: String
    var log: String
    var temp: String
    var logging: Bool
    var usesTempDatabase: Bool
}

/// Everything process-wide, under one lock: the mode, the instance table, the session table and the global
/// parameters. Whoever holds this lock does bounded in-memory work only and takes no other lock (an instance
/// lock, which a call may hold across disk I/O, is never taken under it), so no call waits on an unrelated one.
package struct RegistryState: ~Copyable {
    var mode: RunMode = .notSet {
        didSet { InstanceStops.publish(mode: mode, first: order.first?.handle) }
    }
    /// `g_cpinstMax`: captured when multi-instance mode starts.
    var instanceLimit = 1
    var instances: [UInt: Instance] = [:]
    /// Instances in creation order; the first is the one-instance mode's instance.
    var order: [Instance] = []
    var sessions: [UInt: Instance] = [:]
    var globals = ParameterValues()
    var pathsInUse: [UInt: InstancePaths] = [:]
    private var counter: UInt = 0

    /// A fresh opaque handle: never 0, never JET_instanceNil, never reused (InstanceStops keeps the serial number
    /// in a word), and unlikely to equal a number a caller makes up (the tag bits), so stale and forged handles
    /// are found out.
    mutating func newHandle(tag: UInt) -> UInt {
        counter &+= 1
        return tag | (counter << 8) | 0x5A
    }
}

package enum HandleTag {
    package static let instance: UInt = 0x4A45_0000_0000_0000
    static let session: UInt = 0x5345_0000_0000_0000
}

package let registry = Mutex(RegistryState())

/// Blocks JetGetInstanceInfo handed to callers, so JetFreeBuffer frees only what this library allocated. Kept
/// here so it uses this module's Mutex (the TSan build swaps in one TSan can see).
package enum HandedOutBlocks {
    private static let blocks = Mutex(Set<UInt>())

    package static func insert(_ address: UInt) { blocks.withLock { _ = $0.insert(address) } }

    /// True when the block was handed out and not yet taken back.
    package static func remove(_ address: UInt) -> Bool { blocks.withLock { $0.remove(address) != nil } }
}

/// JET_instanceNil / JET_sesidNil: all ones.
package let nilHandle = UInt.max

extension RegistryState {
    /// ESE's ErrFindPinst with ESENT's handle validation.
    func findInstance(_ handle: UInt) throws(JetError) -> Instance {
        let explicit = handle != 0 && handle != nilHandle
        if explicit && instances[handle] == nil { throw .invalidInstance }
        switch mode {
        case .oneInstance:
            guard let only = order.first else { throw .invalidParameter }
            return only
        case .multiInstance:
            guard explicit, let instance = instances[handle] else { throw .invalidParameter }
            return instance
        case .notSet:
            throw .invalidParameter
        }
    }

    /// The instance behind an implicit-instance ("legacy") call.
    package func legacyInstance() throws(JetError) -> Instance {
        switch mode {
        case .multiInstance: throw .runningInMultiInstanceMode
        case .notSet: throw .invalidParameter
        case .oneInstance:
            guard let only = order.first else { throw .invalidParameter }
            return only
        }
    }

    /// The instance owning a session handle, or JET_errInvalidSesid.
    func sessionInstance(_ sesid: UInt) throws(JetError) -> Instance {
        guard let instance = sessions[sesid] else { throw .invalidSesid }
        return instance
    }

    mutating func remove(_ instance: Instance) {
        instances[instance.handle] = nil
        order.removeAll { $0 === instance }
        pathsInUse[instance.handle] = nil
        for (sesid, owner) in sessions where owner === instance { sessions[sesid] = nil }
        InstanceStops.release(instance.handle)
        // The last instance gone: the process returns to no mode.
        if instances.isEmpty { mode = .notSet }
        InstanceStops.publish(mode: mode, first: order.first?.handle)
    }
}

package enum Registry {
    package static func instance(_ handle: UInt) throws(JetError) -> Instance {
        try registry.withLock { (state) throws(JetError) -> Instance in try state.findInstance(handle) }
    }

    package static func legacyInstance() throws(JetError) -> Instance {
        try registry.withLock { (state) throws(JetError) -> Instance in try state.legacyInstance() }
    }

    static func session(_ sesid: UInt) throws(JetError) -> Instance {
        try registry.withLock { (state) throws(JetError) -> Instance in try state.sessionInstance(sesid) }
    }
}
