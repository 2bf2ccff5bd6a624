@testable import EsentCore

// Data pages as a backup read verifies them: raw, and sealed (a sound page) under another page number.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzDatabasePage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let size = pageSize(input.byte())
    let pgno = input.uint32()
    let seal = input.byte() & 1 != 0
    withScratch(input.rest(), size: size) { p in
        if seal { DatabaseFile.sealPage(p, pageSize: size) }
        _ = DatabaseFile.verifyPage(p, pgno: pgno, pageSize: size)
        _ = Checksum.isAllZero(p, count: size)
    }
    return 0
}
