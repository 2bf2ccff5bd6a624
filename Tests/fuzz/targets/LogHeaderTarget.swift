@testable import EsentCore

// A log file's first segment: raw, and with its checksum made right.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzLogHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let reseal = input.byte() & 1 != 0
    let size = LogStream.segmentSize
    withScratch(input.rest(), size: size) { p in
        if reseal {
            p.diskStore(Checksum.page(p, count: size, seed: Checksum.logHeaderSeed), at: LogFileHeader.Offset.checksum)
        }
        if let header = LogFileHeader.decode(p) {
            withScratch(UnsafeRawBufferPointer(start: nil, count: 0), size: size) { q in
                header.encode(into: q)
                precondition(LogFileHeader.decode(q) == header, "log header round trip")
            }
        }
    }
    return 0
}
