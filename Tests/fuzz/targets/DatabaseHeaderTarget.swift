@testable import EsentCore

// Database header pages: the page-size probe, then the decoder on the raw page and on the page with its checksum
// made right (so the fuzzer reaches the field checks behind it).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzDatabaseHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let size = pageSize(input.byte())
    let reseal = input.byte() & 1 != 0
    withScratch(input.rest(), size: size) { p in
        _ = DatabaseHeader.claimedPageSize(p)
        if reseal {
            p.diskStore(
                Checksum.page(p, count: size, seed: Checksum.databaseHeaderSeed), at: DatabaseHeader.Offset.checksum)
        }
        if let header = try? DatabaseHeader.decode(p, pageSize: size) {
            // What decodes must encode and decode to the same header.
            withScratch(UnsafeRawBufferPointer(start: nil, count: 0), size: size) { q in
                header.encode(into: q, pageSize: size)
                precondition((try? DatabaseHeader.decode(q, pageSize: size)) == header, "header round trip")
            }
        }
    }
    return 0
}
