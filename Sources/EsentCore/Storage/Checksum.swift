import CEsentChecksum

/// The checksum of every page, segment and record on disk, and the all-zero test for never-written pages.
///
/// CRC-32C (Castagnoli polynomial 0x1EDC6F41, as in iSCSI, SCTP and ext4 metadata): a standard,
/// well-analysed code. Over a 4-32 KiB page it detects every error of up to 3 bits, every burst of up to 32 bits,
/// and any other error with probability 1 - 2^-32 (docs/file-formats.md section 2). It runs through the CPU's
/// carry-less multiply (AVX-512 VPCLMULQDQ over four interleaved streams, else AVX2 + VPCLMULQDQ, else SSE4.2 +
/// PCLMULQDQ) chosen at run time, with a portable table version elsewhere (Sources/CEsentChecksum).
///
/// The 64-bit checksum field holds the CRC zero-extended. The CRC covers the seed (8 little-endian bytes: the
/// page number, or a constant per kind of page) before the data, so a sound page stored at the wrong place fails.
package enum Checksum {
    /// Seeds of the checksums that are not data pages (data pages use their page number, always < 2^32).
    static let databaseHeaderSeed: UInt64 = 0x4553_4548_4452_0001
    static let logHeaderSeed: UInt64 = 0x4553_4C4F_4748_0002
    static let logSegmentSeed: UInt64 = 0x4553_4C53_4547_0003
    static let logRecordSeed: UInt64 = 0x4553_4C52_4543_0004
    static let checkpointSeed: UInt64 = 0x4553_4348_4B50_0005

    /// The checksum of `count` bytes at `base` with bytes 0..<8 counted as zero: the checksum stored in the first 8
    /// bytes of a page, covering the rest of it.
    @_optimize(speed)
    static func page(_ base: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
        // One C call: the seed, then the page with its checksum field as zero, without a call per part.
        UInt64(esent_crc32c_page(seed, base, max(count, 0)))
    }

    /// The checksum of `count` bytes at `base`, all of them (records and lists, of any length).
    @_optimize(speed)
    static func bytes(_ base: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
        var prefix = seed.littleEndian
        let crc = withUnsafeBytes(of: &prefix) { esent_crc32c(0, $0.baseAddress, 8) }
        return UInt64(esent_crc32c(crc, base, max(count, 0)))
    }

    /// `bytes(_:count:seed:)` of a buffer that may be empty (an empty buffer may have no address).
    static func bytes(_ buffer: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var prefix = seed.littleEndian
        let crc = withUnsafeBytes(of: &prefix) { esent_crc32c(0, $0.baseAddress, 8) }
        guard let base = buffer.baseAddress else { return UInt64(crc) }
        return UInt64(esent_crc32c(crc, base, buffer.count))
    }

    /// True when all `count` bytes are zero (a page or segment that was never written).
    @_optimize(speed)
    static func isAllZero(_ base: UnsafeRawPointer, count: Int) -> Bool {
        var acc = SIMD8<UInt64>(repeating: 0)
        var offset = 0
        while offset &+ 64 <= count {
            acc |= base.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self)
            offset &+= 64
        }
        while offset < count {
            if base.load(fromByteOffset: offset, as: UInt8.self) != 0 { return false }
            offset &+= 1
        }
        return acc == SIMD8<UInt64>(repeating: 0)
    }
}
