import CEsent
@testable import EsentCore

// What a caller passes: A (UTF-8) and W (UTF-16) strings, log file names found in a folder, and the list calls'
// multi-string output into a buffer of exactly the stated size (AddressSanitizer catches a write past it).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMarshal(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let choice = input.byte()
    let cbMax = Int(input.byte()) * 4 + Int(input.byte() & 3)
    let bytes = input.rest()
    // A NUL-terminated copy: the caller's string as the ABI sees it.
    let utf8 = withScratch(bytes, size: bytes.count + 1) { p in
        try? Marshal.utf8String(p.assumingMemoryBound(to: CChar.self))
    }
    let units = bytes.count / 2
    let utf16 = withScratch(bytes, size: units * 2 + 2) { p in
        p.storeBytes(of: 0, toByteOffset: units * 2, as: UInt16.self)
        return try? Marshal.utf16String(p.assumingMemoryBound(to: WCHAR.self))
    }
    for name in [utf8, utf16].compactMap({ $0 }) {
        _ = try? LogFileNames(base: "edb", legacyFlags: UInt(choice & 3)).scannedGeneration(name)
        _ = LogFileNames(base: "edb").parseArchived(name)
    }
    // Strings split at NULs, as a list call would produce them.
    let strings = (utf8 ?? "").split(separator: "x", omittingEmptySubsequences: false).map(String.init)
    let rule: Marshal.ListSizeRule = choice & 4 != 0 ? .fullSize : .copiedBytes
    var actual: CUnsignedLong = 0
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(cbMax, 1), alignment: 2)
    defer { buffer.deallocate() }
    if choice & 8 != 0 {
        try? Marshal.writeList(
            strings, buffer.assumingMemoryBound(to: CChar.self), CUnsignedLong(cbMax), &actual, rule: rule)
        try? Marshal.copyOut(strings.first ?? "", buffer.assumingMemoryBound(to: CChar.self), CUnsignedLong(cbMax))
    } else {
        try? Marshal.writeList(
            strings, buffer.assumingMemoryBound(to: WCHAR.self), CUnsignedLong(cbMax), &actual, rule: rule)
        try? Marshal.copyOut(strings.first ?? "", buffer.assumingMemoryBound(to: WCHAR.self), CUnsignedLong(cbMax))
    }
    return 0
}
