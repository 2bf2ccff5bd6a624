@testable import EsentCore

// Log bytes as a backup read verifies them: any length, any offset, with or without a generation to expect.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzLogSegments(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let offsetChoice = input.byte()
    let generation = Int32(bitPattern: input.uint32())
    let expect = input.byte() & 1 != 0
    let bytes = input.rest()
    // Mostly segment-aligned offsets and lengths (the ones that get past the first check), sometimes not.
    let fileOffset = offsetChoice & 0x80 != 0 ? Int64(offsetChoice) : Int64(offsetChoice & 3) * Int64(LogStream.segmentSize)
    let count = offsetChoice & 0x40 != 0 ? bytes.count : bytes.count / LogStream.segmentSize * LogStream.segmentSize
    withScratch(bytes, size: count) { p in
        _ = LogStream.verifyLogBytes(
            UnsafeRawPointer(p), count: count, fileOffset: fileOffset, expectedGeneration: expect ? generation : nil)
    }
    return 0
}
