// Shared by every fuzz target (compiled into each one): the input as bytes with a cursor, and aligned scratch
// buffers the size a decoder expects, so AddressSanitizer sees any read or write past them.

/// The fuzzer's input, consumed from the front: choices first, then the bytes a decoder gets.
struct FuzzInput {
    private let bytes: UnsafeRawBufferPointer
    private var cursor = 0

    init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeRawBufferPointer(start: size > 0 ? data : nil, count: size)
    }

    var remaining: Int { bytes.count - cursor }

    mutating func byte() -> UInt8 {
        guard cursor < bytes.count else { return 0 }
        defer { cursor += 1 }
        return bytes[cursor]
    }

    mutating func uint32() -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 { v = v << 8 | UInt32(byte()) }
        return v
    }

    /// Up to `count` bytes (fewer when the input runs out).
    mutating func take(_ count: Int) -> UnsafeRawBufferPointer {
        let n = max(0, min(count, remaining))
        defer { cursor += n }
        return UnsafeRawBufferPointer(rebasing: bytes[cursor..<cursor + n])
    }

    /// Everything left.
    mutating func rest() -> UnsafeRawBufferPointer { take(remaining) }
}

/// An exact-size, page-aligned copy of `source` (zero-padded to `size`), freed by `body`'s end.
func withScratch<R>(_ source: UnsafeRawBufferPointer, size: Int, _ body: (UnsafeMutableRawPointer) -> R) -> R {
    let p = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 4096)
    defer { p.deallocate() }
    p.initializeMemory(as: UInt8.self, repeating: 0, count: max(size, 1))
    if let base = source.baseAddress { p.copyMemory(from: base, byteCount: min(size, source.count)) }
    return body(p)
}

/// The four page sizes a database can have, chosen by one input byte.
func pageSize(_ choice: UInt8) -> Int { [4096, 8192, 16384, 32768][Int(choice & 3)] }
