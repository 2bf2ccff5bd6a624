/// The checksum of every page, segment and record on disk, and the all-zero test for never-written pages.
///
/// Why this design: backup verifies every page it streams, and the backup must keep at least 0.75 of a plain pread
/// loop, where pread here runs at 11-19 GB/s. The data is read as little-endian 64-bit words in 64-byte blocks;
/// word i of each block goes to lane i of two SIMD8<UInt64> accumulators, which compile to plain SSE2 vector adds
/// (the library's baseline x86-64 target) with no dependency chain longer than one instruction:
///   s &+= block              every block  (wrapping sum: any single-bit error changes it)
///   t &+= s                  every second block  (sum of running sums, Fletcher style: block order matters)
/// Updating t every 128 bytes instead of every 64 measured 0.77 instead of 0.75 of pread in `make bench` (the loop
/// is close to the cache bandwidth); the price is that the two blocks of one 128-byte pair are interchangeable in
/// t. Compared with an XOR+ADD pair (ESE's checksum is XOR-based), t also catches a bit flipped up in one word and
/// down in another word of the same lane in different pairs, which XOR and ADD both miss.
/// The lanes stay apart until the end, where each gets its own odd weight, so a word moving inside a block changes
/// the result too. The seed (page number, or a constant per kind of page) makes a sound page stored at the wrong
/// place fail. docs/file-formats.md section 2 has the exact definition.
///
/// `@_optimize(speed)` keeps these loops fast where the caller's build optimizes for size.
package enum Checksum {
    /// Seeds of the checksums that are not data pages (data pages use their page number, always < 2^32).
    static let databaseHeaderSeed: UInt64 = 0x4553_4548_4452_0001
    static let logHeaderSeed: UInt64 = 0x4553_4C4F_4748_0002
    static let logSegmentSeed: UInt64 = 0x4553_4C53_4547_0003
    static let logRecordSeed: UInt64 = 0x4553_4C52_4543_0004
    static let checkpointSeed: UInt64 = 0x4553_4348_4B50_0005

    /// The checksum of `count` bytes at `base` with bytes 0..<8 counted as zero: the checksum stored in the first 8
    /// bytes of a page, covering the rest of it. `count` should be a multiple of 64 (every page and segment is);
    /// any other length still works, more slowly.
    @_optimize(speed)
    static func page(_ base: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
        sum(base, count: count, seed: seed, skipFirstWord: true)
    }

    /// The checksum of `count` bytes at `base`, all of them (records and lists, of any length).
    @_optimize(speed)
    static func bytes(_ base: UnsafeRawPointer, count: Int, seed: UInt64) -> UInt64 {
        sum(base, count: count, seed: seed, skipFirstWord: false)
    }

    /// `bytes(_:count:seed:)` of a buffer that may be empty (an empty buffer may have no address).
    static func bytes(_ buffer: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        guard let base = buffer.baseAddress else {
            return fold(s: SIMD8(repeating: seed), t: SIMD8(repeating: 0), seed: seed, count: 0)
        }
        return bytes(base, count: buffer.count, seed: seed)
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

    @_optimize(speed)
    @inline(__always)
    private static func block(_ base: UnsafeRawPointer, _ offset: Int) -> SIMD8<UInt64> {
        let raw = base.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self)
        #if _endian(big)
        // The format is defined on little-endian words.
        var w = raw
        for i in 0..<8 { w[i] = raw[i].byteSwapped }
        return w
        #else
        return raw
        #endif
    }

    @_optimize(speed)
    private static func sum(_ base: UnsafeRawPointer, count: Int, seed: UInt64, skipFirstWord: Bool) -> UInt64 {
        var s = SIMD8<UInt64>(repeating: seed)
        var t = SIMD8<UInt64>(repeating: 0)
        var offset = 0
        if count >= 64 {
            // The first pair is peeled so that the stored checksum word can be left out without a branch in the loop.
            var w = block(base, 0)
            if skipFirstWord { w[0] = 0 }
            s &+= w
            offset = 64
            if count >= 128 {
                s &+= block(base, 64)
                offset = 128
            }
            t &+= s
            while offset &+ 128 <= count {
                s &+= block(base, offset)
                s &+= block(base, offset &+ 64)
                t &+= s
                offset &+= 128
            }
            if offset &+ 64 <= count {
                s &+= block(base, offset)
                t &+= s
                offset &+= 64
            }
        }
        if offset < count {
            // A short tail is zero-padded to a whole block.
            var w = SIMD8<UInt64>(repeating: 0)
            withUnsafeMutableBytes(of: &w) { dst in
                for i in 0..<(count &- offset) { dst[i] = base.load(fromByteOffset: offset &+ i, as: UInt8.self) }
            }
            #if _endian(big)
            for i in 0..<8 { w[i] = w[i].byteSwapped }
            #endif
            if offset == 0 && skipFirstWord { w[0] = 0 }
            s &+= w
            t &+= s
        }
        return fold(s: s, t: t, seed: seed, count: count)
    }

    /// Odd multipliers, one per lane, so that lanes cannot trade places.
    private static let laneWeights: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
        0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63,
        0x27D4_EB2F_1656_67C5, 0xFF51_AFD7_ED55_8CCD, 0xC4CE_B9FE_1A85_EC53, 0x94D0_49BB_1331_11EB
    )

    /// Combines the accumulators: each lane's s plus its t with the halves swapped (no single-bit change can cancel
    /// out), times the lane's own odd weight, summed; then a 64-bit finalizer spreads every bit over the result.
    /// The eight products are independent, so the fold costs little latency on 4 KiB pages.
    @_optimize(speed)
    @inline(__always)
    private static func fold(s: SIMD8<UInt64>, t: SIMD8<UInt64>, seed: UInt64, count: Int) -> UInt64 {
        let m = s &+ ((t &<< 32) | (t &>> 32))
        let k = laneWeights
        var h = m[0] &* k.0 &+ m[1] &* k.1 &+ m[2] &* k.2 &+ m[3] &* k.3
        h = h &+ (m[4] &* k.4 &+ m[5] &* k.5 &+ m[6] &* k.6 &+ m[7] &* k.7)
        h ^= seed ^ (UInt64(truncatingIfNeeded: count) &* 0xD6E8_FEB8_6659_FD93)
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
