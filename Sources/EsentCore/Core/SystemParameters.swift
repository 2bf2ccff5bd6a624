import CEsent

/// What kind of value a system parameter holds, with its range.
package enum ParameterKind: Sendable {
    case integer(min: UInt, max: UInt)
    case boolean
    /// A grbit with an upper bound on its value.
    case grbit(max: UInt)
    /// A power of two in a range (JET_paramDatabasePageSize).
    case blockSize(min: UInt, max: UInt)
    case string(minLength: Int, maxLength: Int)
    /// A folder: stored absolute, ending in `/`.
    case folder(maxLength: Int)
    /// A file path: stored absolute unless it is a bare file name.
    case path(maxLength: Int)
    /// JET_paramErrorToString: get-only, reads the error number from `*plParam`.
    case errorToString

    var isString: Bool {
        switch self {
        case .string, .folder, .path: return true
        default: return false
        }
    }
}

/// A stored parameter value.
package enum ParameterValue: Equatable, Sendable {
    case integer(UInt)
    case string(String)

    var integer: UInt {
        if case .integer(let v) = self { return v }
        return 0
    }
    var string: String {
        if case .string(let s) = self { return s }
        return ""
    }
}

/// One row of the parameter table: ESE's attributes for the id (sysparamtable facts).
package struct ParameterSpec: Sendable {
    let id: UInt32
    let kind: ParameterKind
    /// Ignored (with success) unless JET_paramEnableAdvanced is on.
    let advanced: Bool
    /// Lives in the process-wide table, not per instance.
    let global: Bool
    /// Global and settable only while no instance exists.
    let writeOnceGlobal: Bool
    /// Per instance and settable only before that instance is initialized.
    let notAfterInit: Bool
    let defaultValue: ParameterValue
    /// False for ids that are accepted and stored but change nothing in this library (README lists them).
    let hasEffect: Bool
}

package enum SystemParameters {
    private static let unbounded = UInt(Int32.max)

    /// Every parameter id this library knows. Any other id gives JET_errInvalidParameter.
    static let table: [UInt32: ParameterSpec] = {
        func p(
            _ id: Int32, _ kind: ParameterKind, advanced: Bool = false, global: Bool = false,
            writeOnce: Bool = false, notAfterInit: Bool = false, _ value: ParameterValue, effect: Bool = true
        ) -> ParameterSpec {
            ParameterSpec(
                id: UInt32(id), kind: kind, advanced: advanced, global: global, writeOnceGlobal: writeOnce,
                notAfterInit: notAfterInit, defaultValue: value, hasEffect: effect)
        }
        let rows: [ParameterSpec] = [
            p(JET_paramSystemPath, .folder(maxLength: 246), notAfterInit: true, .string("./")),
            p(JET_paramTempPath, .path(maxLength: 247), notAfterInit: true, .string("tmp.edb")),
            p(JET_paramLogFilePath, .folder(maxLength: 246), notAfterInit: true, .string("./")),
            p(JET_paramBaseName, .string(minLength: 3, maxLength: 3), notAfterInit: true, .string("edb")),
            p(JET_paramEventSource, .string(minLength: 0, maxLength: 259), notAfterInit: true, .string(""),
              effect: false),
            p(JET_paramMaxSessions, .integer(min: 0, max: 30000), advanced: true, notAfterInit: true,
              .integer(16), effect: false),
            p(JET_paramMaxOpenTables, .integer(min: 0, max: unbounded), advanced: true, notAfterInit: true,
              .integer(300), effect: false),
            p(JET_paramMaxCursors, .integer(min: 0, max: unbounded), advanced: true, notAfterInit: true,
              .integer(1024), effect: false),
            p(JET_paramMaxVerPages, .integer(min: 1, max: unbounded), advanced: true, notAfterInit: true,
              .integer(64)),
            p(JET_paramMaxTemporaryTables, .integer(min: 0, max: unbounded), advanced: true, notAfterInit: true,
              .integer(20)),
            p(JET_paramLogFileSize, .integer(min: 64, max: 32768), notAfterInit: true, .integer(5120)),
            p(JET_paramLogBuffers, .integer(min: 1, max: unbounded), advanced: true, notAfterInit: true,
              .integer(126), effect: false),
            p(JET_paramCircularLog, .boolean, notAfterInit: true, .integer(0)),
            p(JET_paramDbExtensionSize, .integer(min: 1, max: unbounded), advanced: true, .integer(256)),
            p(JET_paramCacheSizeMax, .integer(min: 1, max: UInt(UInt32.max)), advanced: true, global: true,
              .integer(2_000_000_000)),
            p(JET_paramCacheSizeMin, .integer(min: 1, max: UInt(UInt32.max)), advanced: true, global: true,
              .integer(1), effect: false),
            p(JET_paramCacheSize, .integer(min: 0, max: UInt(UInt32.max)), advanced: true, global: true,
              .integer(0), effect: false),
            p(JET_paramCheckpointDepthMax, .integer(min: 0, max: UInt(UInt32.max)), .integer(20_971_520)),
            p(JET_paramRecovery, .string(minLength: 0, maxLength: 259), notAfterInit: true, .string("on")),
            p(JET_paramEventSourceKey, .string(minLength: 0, maxLength: 259), notAfterInit: true, .string(""),
              effect: false),
            p(JET_paramNoInformationEvent, .boolean, notAfterInit: true, .integer(0), effect: false),
            p(JET_paramDatabasePageSize, .blockSize(min: 4096, max: 32768), global: true, writeOnce: true,
              notAfterInit: true, .integer(4096)),
            p(JET_paramErrorToString, .errorToString, global: true, .integer(0)),
            p(JET_paramOSSnapshotTimeout, .integer(min: 0, max: unbounded), global: true, .integer(70000),
              effect: false),
            p(JET_paramCreatePathIfNotExist, .boolean, .integer(0)),
            p(JET_paramMaxInstances, .integer(min: 1, max: 10240), global: true, writeOnce: true,
              notAfterInit: true, .integer(16)),
            p(JET_paramEnableAdvanced, .boolean, .integer(1)),
            p(JET_paramLegacyFileNames, .grbit(max: 255), notAfterInit: true, .integer(LogFileNames.defaultFlags)),
        ]
        var table: [UInt32: ParameterSpec] = [:]
        for row in rows { table[row.id] = row }
        return table
    }()

    /// The spec of `id`, or JET_errInvalidParameter for an id this library does not know.
    static func spec(_ id: CUnsignedLong) throws(JetError) -> ParameterSpec {
        guard id <= UInt32.max, let spec = table[UInt32(id)] else { throw .invalidParameter }
        return spec
    }

    /// The value `input` would be stored as, after ESE's validation: ranges, booleans,
    /// powers of two, and folder/path normalization against the current directory at set time.
    static func normalize(_ spec: ParameterSpec, integer: UInt, string: String?) throws(JetError)
        -> ParameterValue
    {
        switch spec.kind {
        case .integer(let min, let max):
            guard integer >= min && integer <= max else { throw .invalidParameter }
            return .integer(integer)
        case .boolean:
            return .integer(integer != 0 ? 1 : 0)
        case .grbit(let max):
            guard integer <= max else { throw .invalidParameter }
            return .integer(integer)
        case .blockSize(let min, let max):
            guard integer >= min && integer <= max && integer & (integer - 1) == 0 else {
                throw .invalidParameter
            }
            return .integer(integer)
        case .string(let minLength, let maxLength):
            let text = string ?? ""
            let count = text.unicodeScalars.count
            guard count >= minLength && count <= maxLength else { throw .invalidParameter }
            return .string(text)
        case .folder(let maxLength):
            let text = string ?? ""
            let cwd = try CallerPath.currentDirectory()
            let folder = text.isEmpty ? Paths.folder(".", from: cwd) : Paths.folder(text, from: cwd)
            guard folder.unicodeScalars.count <= maxLength else { throw .invalidParameter }
            return .string(folder)
        case .path(let maxLength):
            let text = string ?? ""
            guard !text.isEmpty else { throw .invalidParameter }
            // A bare file name stays relative: it is placed under the system path at JetInit.
            let stored = text.contains("/") ? Paths.absolute(text, from: try CallerPath.currentDirectory()) : text
            guard stored.unicodeScalars.count <= maxLength else { throw .invalidParameter }
            return .string(stored)
        case .errorToString:
            throw .invalidParameter
        }
    }

    /// True when the recovery string turns logging on: "on" in any case, or exactly "repair".
    static func loggingEnabled(recovery: String) -> Bool {
        recovery.lowercased() == "on" || recovery == "repair"
    }
}

/// A set of parameter values: the process-wide defaults, or one instance's copy of them.
package struct ParameterValues: Sendable {
    private var values: [UInt32: ParameterValue] = [:]

    subscript(id: Int32) -> ParameterValue {
        get { values[UInt32(id)] ?? SystemParameters.table[UInt32(id)]?.defaultValue ?? .integer(0) }
        set { values[UInt32(id)] = newValue }
    }

    func value(_ spec: ParameterSpec) -> ParameterValue {
        values[spec.id] ?? spec.defaultValue
    }

    mutating func set(_ spec: ParameterSpec, _ value: ParameterValue) {
        values[spec.id] = value
    }

    /// Whether `spec` was ever set here (write-once checks of JetEnableMultiInstance).
    func isSet(_ spec: ParameterSpec) -> Bool { values[spec.id] != nil }
}
