import CEsent
import EsentCore

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
    /// A caller's A string: UTF-8. Invalid UTF-8 gives JET_errUnicodeTranslationFail.
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


    /// `s` NUL-terminated, as the bytes of `char` (UTF-8) or `WCHAR` (UTF-16) text.
    static func terminatedBytes<Unit>(_ s: String, as _: Unit.Type) -> [UInt8] {
        if Unit.self == CChar.self { return Array(s.utf8) + [0] }
        return (Array(s.utf16) + [0]).withUnsafeBytes { Array($0) }
    }

    /// How the list calls report `*pcbActual`.
    enum ListSizeRule {
        /// GetAttachInfo: always the full size.
        case fullSize
        /// GetLogInfo / GetTruncateLogInfo: with a buffer, the bytes copied.
        case copiedBytes
    }

    /// Fills a caller's buffer with a multi-string (each string NUL-terminated, then one more NUL).
    /// W (`WCHAR`): silent truncation to `cbMax` bytes, `*pcbActual` by `rule`. A (`char`): ESE converts into the
    /// caller's buffer, so a non-empty buffer that is too small is JET_errBufferTooSmall, `cbMax` 0 a size query,
    /// and `*pcbActual` the full size.
    static func writeList<Unit>(
        _ strings: [String], _ buffer: UnsafeMutablePointer<Unit>?, _ cbMax: CUnsignedLong,
        _ pcbActual: UnsafeMutablePointer<CUnsignedLong>?, rule: ListSizeRule
    ) throws(JetError) {
        let bytes = strings.flatMap { terminatedBytes($0, as: Unit.self) } + terminatedBytes("", as: Unit.self)
        let full = CUnsignedLong(bytes.count)
        var copied = min(full, cbMax)
        if Unit.self == CChar.self {
            pcbActual?.pointee = full
            guard buffer != nil, cbMax > 0 else { return }
            guard cbMax >= full else { throw .bufferTooSmall }
            copied = full
        } else {
            pcbActual?.pointee = buffer == nil || rule == .fullSize ? full : copied
        }
        guard let buffer else { return }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress!, byteCount: Int(copied))
        }
    }

    /// Copies `s` NUL-terminated into a caller's buffer of `cbMax` bytes, as UTF-8 (`char`) or UTF-16 (`WCHAR`).
    static func copyOut<Unit>(_ s: String, _ buffer: UnsafeMutablePointer<Unit>?, _ cbMax: CUnsignedLong)
        throws(JetError)
    {
        guard let buffer, cbMax >= 1 else { throw .invalidParameter }
        let bytes = terminatedBytes(s, as: Unit.self)
        guard UInt(bytes.count) <= cbMax else { throw .bufferTooSmall }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
        }
    }
}
