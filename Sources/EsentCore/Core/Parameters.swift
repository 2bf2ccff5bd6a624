import CEsent

/// JetSetSystemParameter / JetGetSystemParameter: which table a call reaches and ESE's rules for changing
/// a value.
package enum Parameters {
    /// Where a parameter call lands.
    private enum Target {
        case global
        case instance(Instance)
    }

    private static func target(_ r: borrowing RegistryState, instance: UInt, sesid: UInt, spec: ParameterSpec)
        throws(JetError) -> Target
    {
        if spec.global { return .global }
        switch r.mode {
        case .oneInstance:
            guard let only = r.order.first else { return .global }
            return .instance(only)
        case .notSet:
            // No instance exists: every call reaches the table later instances copy.
            return .global
        case .multiInstance:
            if sesid != 0 && sesid != nilHandle { return .instance(try r.sessionInstance(sesid)) }
            if instance != 0 && instance != nilHandle {
                guard let found = r.instances[instance] else { throw .invalidInstance }
                return .instance(found)
            }
            return .global
        }
    }

    package static func set(instance: UInt, sesid: UInt, paramid: CUnsignedLong, integer: UInt, string: String?)
        throws(JetError)
    {
        let spec = try SystemParameters.spec(paramid)
        if case .errorToString = spec.kind { throw .invalidParameter }
        let target = try registry.withLock { (r) throws(JetError) -> Target? in
            let target = try Parameters.target(r, instance: instance, sesid: sesid, spec: spec)
            guard case .global = target else { return target }
            try setGlobal(&r, paramid: paramid, integer: integer, string: string)
            return nil
        }
        guard case .instance(let owner)? = target else { return }
        try owner.state.withLock { (s) throws(JetError) in
            switch s.phase {
            case .initializing: throw .initInProgress
            case .restoring: throw .restoreInProgress
            case .terminated: throw .invalidInstance
            case .created, .running: break
            }
            if spec.advanced && s.params[JET_paramEnableAdvanced].integer == 0 { return }
            let value = try SystemParameters.normalize(spec, integer: integer, string: string)
            if spec.notAfterInit && s.phase == .running {
                // Only an identical integer passes; strings compare by pointer in ESE.
                guard !spec.kind.isString && s.params.value(spec) == value else { throw .alreadyInitialized }
            }
            s.params.set(spec, value)
        }
    }

    /// Sets a value in the process-wide table (the defaults later instances copy).
    static func setGlobal(_ r: inout RegistryState, paramid: CUnsignedLong, integer: UInt, string: String?)
        throws(JetError)
    {
        let spec = try SystemParameters.spec(paramid)
        if case .errorToString = spec.kind { throw .invalidParameter }
        if spec.advanced && r.globals[JET_paramEnableAdvanced].integer == 0 { return }
        let value = try SystemParameters.normalize(spec, integer: integer, string: string)
        if spec.writeOnceGlobal && r.mode != .notSet {
            guard !spec.kind.isString && r.globals.value(spec) == value else { throw .alreadyInitialized }
        }
        r.globals.set(spec, value)
    }

    /// What JetGetSystemParameter hands back: a number, or text for the string buffer. `input` is `*plParam`
    /// when the caller gave one: JET_paramErrorToString reads the error number from it.
    package static func read(instance: UInt, sesid: UInt, paramid: CUnsignedLong, input: UInt?) throws(JetError)
        -> ParameterValue
    {
        let spec = try SystemParameters.spec(paramid)
        if case .errorToString = spec.kind {
            guard let input else { throw .invalidParameter }
            return .string(ErrorText.describe(Int32(truncatingIfNeeded: Int(bitPattern: input))))
        }
        return try get(instance: instance, sesid: sesid, paramid: paramid).1
    }

    static func get(instance: UInt, sesid: UInt, paramid: CUnsignedLong) throws(JetError)
        -> (ParameterSpec, ParameterValue)
    {
        let spec = try SystemParameters.spec(paramid)
        let found = try registry.withLock { (r) throws(JetError) -> (Instance?, ParameterValue) in
            switch try Parameters.target(r, instance: instance, sesid: sesid, spec: spec) {
            case .global: return (nil, r.globals.value(spec))
            case .instance(let owner): return (owner, .integer(0))
            }
        }
        guard let owner = found.0 else { return (spec, found.1) }
        let value = try owner.state.withLock { (s) throws(JetError) -> ParameterValue in
            switch s.phase {
            case .initializing: throw .initInProgress
            case .restoring: throw .restoreInProgress
            case .terminated: throw .invalidInstance
            case .created, .running: return s.params.value(spec)
            }
        }
        return (spec, value)
    }
}
