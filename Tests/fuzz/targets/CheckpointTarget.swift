@testable import EsentCore

// Checkpoint files: raw, and with the list length and both checksums made right (so the list walk is reached).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCheckpoint(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let reseal = input.byte() & 1 != 0
    let bytes = input.rest()
    let count = reseal ? max(bytes.count, Checkpoint.fixedSize) : bytes.count
    withScratch(bytes, size: count) { p in
        if reseal {
            let list = count - Checkpoint.fixedSize
            p.diskStore(UInt32(list), at: Checkpoint.Offset.listBytes)
            p.diskStore(
                Checksum.bytes(UnsafeRawBufferPointer(start: p + Checkpoint.fixedSize, count: list),
                    seed: Checksum.checkpointSeed),
                at: Checkpoint.Offset.listChecksum)
            p.diskStore(
                Checksum.page(p, count: Checkpoint.fixedSize, seed: Checksum.checkpointSeed),
                at: Checkpoint.Offset.checksum)
        }
        if let checkpoint = try? Checkpoint.decode(p, count: count), let again = try? checkpoint.encoded() {
            let decoded = again.withUnsafeBytes { b in try? Checkpoint.decode(b.baseAddress!, count: b.count) }
            precondition(decoded == checkpoint, "checkpoint round trip")
        }
    }
    return 0
}
