import CEsent

// Conversions between the C caller's arguments and the core's Swift values: strings in both encodings,
// multi-strings, out-parameters, and the mapping of a core result to a JET_ERR.

let success = JET_ERR(JET_errSuccess)

/// Runs a core call and maps its outcome to the JET_ERR the C caller sees.
@inline(__always)
func jetCall(_ body: () throws(JetError) -> Void) -> JET_ERR {
    do {
        try body()
        return success
    } catch {
        return JET_ERR(error.rawValue)
    }
}

/// Like `jetCall`, for calls that may succeed with a warning.
@inline(__always)
func jetCallWarning(_ body: () throws(JetError) -> JetError?) -> JET_ERR {
    do {
        return try body().map { JET_ERR($0.rawValue) } ?? success
    } catch {
        return JET_ERR(error.rawValue)
    }
}

enum Marshal {
    /// A caller's A string: UTF-8 (decisions 1). Invalid UTF-8 gives JET_errUnicodeTranslationFail.
    static func utf8String(_ p: UnsafePointer<CChar>) throws(JetError) -> String {
        guard let s = String(validatingCString: p) else { throw .unicodeTranslationFail }
        return s
    }

    /// A caller's W string: UTF-16 code units up to a 0. An unpaired surrogate gives
    /// JET_errUnicodeTranslationFail.
    static func utf16String(_ p: UnsafePointer<WCHAR>) throws(JetError) -> String {
        var count = 0
        while p[count] != 0 { count += 1 }
        let units = UnsafeBufferPointer(start: p, count: count)
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error: throw .unicodeTranslationFail
            }
        }
        return String(scalars)
    }

    /// Either kind of caller string: `char` (A, UTF-8) or `WCHAR` (W, UTF-16), so each entry point's body is
    /// written once for both variants.
    static func string<Unit>(_ p: UnsafePointer<Unit>?) throws(JetError) -> String? {
        guard let p else { return nil }
        if Unit.self == CChar.self {
            return try utf8String(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
        }
        return try utf16String(UnsafeRawPointer(p).assumingMemoryBound(to: WCHAR.self))
    }

    /// Writes `value` through an out-pointer that must not be NULL.
    @inline(__always)
    static func store<T>(_ value: T, _ p: UnsafeMutablePointer<T>?) {
        p?.pointee = value
    }

    /// The bytes of a multi-string (each string NUL-terminated, then one more NUL) in UTF-8.
    static func multiStringA(_ strings: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for s in strings {
            bytes.append(contentsOf: s.utf8)
            bytes.append(0)
        }
        bytes.append(0)
        return bytes
    }

    /// The code units of a multi-string in UTF-16.
    static func multiStringW(_ strings: [String]) -> [UInt16] {
        var units: [UInt16] = []
        for s in strings {
            units.append(contentsOf: s.utf16)
            units.append(0)
        }
        units.append(0)
        return units
    }

    /// How the list calls fill the caller's buffer (semantics 5.2, 5.6, trap 5 and 6).
    enum ListSizeRule {
        /// GetAttachInfo: `*pcbActual` is always the full size.
        case fullSize
        /// GetLogInfo / GetTruncateLogInfo: with a buffer, `*pcbActual` is the bytes copied.
        case copiedBytes
    }

    /// W variant: silent truncation to `cbMax` bytes.
    static func writeListW(
        _ strings: [String], _ buffer: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong,
        _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, rule: ListSizeRule
    ) {
        let units = multiStringW(strings)
        let full = units.count * MemoryLayout<UInt16>.size
        guard let buffer else {
            store(CUnsignedLong(full), pcbActual)
            return
        }
        let copied = Int(min(UInt(full), cbMax))
        units.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress!, byteCount: copied)
        }
        store(CUnsignedLong(rule == .fullSize ? full : copied), pcbActual)
    }

    /// A variant: a non-empty buffer that is too small is JET_errBufferTooSmall; `cbMax` 0 is a size query.
    static func writeListA(
        _ strings: [String], _ buffer: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong,
        _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?
    ) throws(JetError) {
        let bytes = multiStringA(strings)
        store(CUnsignedLong(bytes.count), pcbActual)
        guard let buffer, cbMax > 0 else { return }
        guard cbMax >= UInt(bytes.count) else { throw .bufferTooSmall }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress!, byteCount: bytes.count)
        }
    }

    /// Copies `s` NUL-terminated into a caller's buffer of `cbMax` bytes, as UTF-8 (`char`) or UTF-16 (`WCHAR`).
    static func copyOut<Unit>(_ s: String, _ buffer: UnsafeMutablePointer<Unit>?, _ cbMax: CUnsignedLong)
        throws(JetError)
    {
        guard let buffer, cbMax >= 1 else { throw .invalidParameter }
        let bytes: [UInt8]
        if Unit.self == CChar.self {
            bytes = Array(s.utf8) + [0]
        } else {
            bytes = (Array(s.utf16) + [0]).withUnsafeBytes { Array($0) }
        }
        guard UInt(bytes.count) <= cbMax else { throw .bufferTooSmall }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
        }
    }
}
