@testable import EsentCore

// The trailer page a database backup stream ends with: raw, and with its checksum made right.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzBackupTrailer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let size = pageSize(input.byte())
    let reseal = input.byte() & 1 != 0
    withScratch(input.rest(), size: size) { p in
        if reseal {
            p.diskStore(
                Checksum.page(p, count: size, seed: Checksum.databaseHeaderSeed), at: BackupTrailer.Offset.checksum)
        }
        if let trailer = try? BackupTrailer.decode(p, pageSize: size) {
            withScratch(UnsafeRawBufferPointer(start: nil, count: 0), size: size) { q in
                trailer.encode(into: q, pageSize: size)
                precondition((try? BackupTrailer.decode(q, pageSize: size)) == trailer, "trailer round trip")
            }
        }
    }
    return 0
}
