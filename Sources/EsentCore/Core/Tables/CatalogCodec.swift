// Byte encoding of catalog entries (docs/file-formats.md, "Catalog"): little-endian integers, length-prefixed
// strings. The reader checks every length against what is left, so a damaged entry is JET_errDatabaseCorrupted.

struct CatalogWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }
    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }
    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }
    /// A name: one length byte (names are at most 64 bytes), then UTF-8.
    mutating func name(_ value: String) {
        let utf8 = Array(value.utf8.prefix(255))
        u8(UInt8(utf8.count))
        bytes += utf8
    }
    /// Optional bytes: a presence byte, a 16-bit length, the bytes.
    mutating func blob(_ value: [UInt8]?) {
        guard let value else { return u8(0) }
        u8(1)
        u16(UInt16(truncatingIfNeeded: value.count))
        bytes += value.prefix(Int(UInt16.max))
    }
}

struct CatalogReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func take(_ count: Int) throws(JetError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw .databaseCorrupted }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }
    mutating func u8() throws(JetError) -> UInt8 { try take(1)[0] }
    mutating func u16() throws(JetError) -> UInt16 {
        let b = try take(2)
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }
    mutating func u32() throws(JetError) -> UInt32 {
        let b = try take(4)
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[$1]) << (8 * $1) }
    }
    mutating func u64() throws(JetError) -> UInt64 {
        let b = try take(8)
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[$1]) << (8 * $1) }
    }
    mutating func name() throws(JetError) -> String {
        let count = Int(try u8())
        guard let name = String(validating: try take(count), as: UTF8.self), !name.isEmpty else {
            throw .databaseCorrupted
        }
        return name
    }
    mutating func blob() throws(JetError) -> [UInt8]? {
        switch try u8() {
        case 0: return nil
        case 1: return Array(try take(Int(try u16())))
        default: throw .databaseCorrupted
        }
    }
}

/// Array.withUnsafeBytes with a typed error (the standard one only rethrows `any Error`).
@inline(__always)
func withBytes<R, E: Error>(_ array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
    let result: Result<R, E> = array.withUnsafeBytes { bytes in Result { () throws(E) -> R in try body(bytes) } }
    return try result.get()
}
