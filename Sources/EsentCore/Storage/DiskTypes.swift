#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

// Little-endian fixed-size values shared by every on-disk format (docs/file-formats.md). Their byte layouts are also
// esent.h's packed JET_LOGTIME / JET_LGPOS / JET_SIGNATURE / JET_BKINFO, so `encode(into:)` can fill the C structs.

extension UnsafeRawPointer {
    /// A little-endian integer at `offset`; unaligned access is fine (headers pack fields at odd offsets).
    @inline(__always)
    func diskLoad<T: FixedWidthInteger>(_ offset: Int, as _: T.Type) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}

extension UnsafeMutableRawPointer {
    @inline(__always)
    func diskLoad<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        UnsafeRawPointer(self).diskLoad(offset, as: type)
    }

    /// Stores `value` little-endian at `offset`.
    @inline(__always)
    func diskStore<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
    }
}

/// JET_LOGTIME: a UTC calendar time to the millisecond in 8 bytes. All zero means "no time".
package struct LogTime: Equatable, Hashable, Sendable {
    static let size = 8
    static let none = LogTime()

    var seconds: UInt8 = 0
    var minutes: UInt8 = 0
    var hours: UInt8 = 0
    /// 1...31
    var day: UInt8 = 0
    /// 1...12
    var month: UInt8 = 0
    var yearSince1900: UInt8 = 0
    var isUTC: Bool = false
    /// 0...999; 10 bits are stored.
    var milliseconds: UInt16 = 0

    init() {}

    init(
        seconds: UInt8, minutes: UInt8, hours: UInt8, day: UInt8, month: UInt8, yearSince1900: UInt8,
        isUTC: Bool = true, milliseconds: UInt16 = 0
    ) {
        self.seconds = seconds
        self.minutes = minutes
        self.hours = hours
        self.day = day
        self.month = month
        self.yearSince1900 = yearSince1900
        self.isUTC = isUTC
        self.milliseconds = milliseconds & 0x3FF
    }

    var isNone: Bool { self == .none }

    init(decoding p: UnsafeRawPointer) {
        seconds = p.diskLoad(0, as: UInt8.self)
        minutes = p.diskLoad(1, as: UInt8.self)
        hours = p.diskLoad(2, as: UInt8.self)
        day = p.diskLoad(3, as: UInt8.self)
        month = p.diskLoad(4, as: UInt8.self)
        yearSince1900 = p.diskLoad(5, as: UInt8.self)
        let b6 = p.diskLoad(6, as: UInt8.self)
        let b7 = p.diskLoad(7, as: UInt8.self)
        isUTC = b6 & 1 != 0
        // esent.h splits the milliseconds: 7 low bits in byte 6 above the UTC flag, 3 high bits in byte 7 above bit 0.
        milliseconds = UInt16(b6 >> 1) | (UInt16((b7 >> 1) & 0x7) << 7)
    }

    package func encode(into p: UnsafeMutableRawPointer) {
        p.diskStore(seconds, at: 0)
        p.diskStore(minutes, at: 1)
        p.diskStore(hours, at: 2)
        p.diskStore(day, at: 3)
        p.diskStore(month, at: 4)
        p.diskStore(yearSince1900, at: 5)
        let ms = milliseconds & 0x3FF
        p.diskStore(UInt8(isUTC ? 1 : 0) | UInt8(truncatingIfNeeded: (ms & 0x7F) << 1), at: 6)
        p.diskStore(UInt8(truncatingIfNeeded: ((ms >> 7) & 0x7) << 1), at: 7)
    }

    /// The current UTC time.
    static func now() -> LogTime {
        var ts = timespec()
        _ = clock_gettime(CLOCK_REALTIME, &ts)
        var seconds = time_t(ts.tv_sec)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return .none }
        // Years past 2155 do not fit the byte; clamp rather than trap.
        let year = min(max(Int(parts.tm_year), 0), 255)
        return LogTime(
            seconds: UInt8(clamping: parts.tm_sec), minutes: UInt8(clamping: parts.tm_min),
            hours: UInt8(clamping: parts.tm_hour), day: UInt8(clamping: parts.tm_mday),
            month: UInt8(clamping: parts.tm_mon + 1), yearSince1900: UInt8(year), isUTC: true,
            milliseconds: UInt16(clamping: ts.tv_nsec / 1_000_000))
    }
}

/// JET_SIGNATURE: identifies a database (`signDb`) or a log stream (`signLog`). 28 bytes.
package struct Signature: Equatable, Hashable, Sendable {
    static let size = 28
    static let none = Signature(random: 0, created: .none, nameLow: 0, nameHigh: 0)

    package var random: UInt32
    package var created: LogTime
    /// The 16-byte NUL-padded computer name, kept as two words so the type stays trivially Equatable.
    var nameLow: UInt64
    var nameHigh: UInt64

    init(random: UInt32, created: LogTime, nameLow: UInt64, nameHigh: UInt64) {
        self.random = random
        self.created = created
        self.nameLow = nameLow
        self.nameHigh = nameHigh
    }

    init(random: UInt32, created: LogTime, computerName: String) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        // At most 15 bytes so that the field always ends in a NUL, as a C reader expects.
        for (i, byte) in computerName.utf8.prefix(15).enumerated() {
            if i < 8 { low |= UInt64(byte) << (8 * UInt64(i)) } else { high |= UInt64(byte) << (8 * UInt64(i - 8)) }
        }
        self.init(random: random, created: created, nameLow: low, nameHigh: high)
    }

    var isNone: Bool { self == .none }

    /// The computer name up to its first NUL.
    package var computerName: String {
        var bytes: [UInt8] = []
        for word in [nameLow, nameHigh] {
            for i in 0..<8 {
                let b = UInt8(truncatingIfNeeded: word >> (8 * UInt64(i)))
                if b == 0 { return String(decoding: bytes, as: UTF8.self) }
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    init(decoding p: UnsafeRawPointer) {
        random = p.diskLoad(0, as: UInt32.self)
        created = LogTime(decoding: p + 4)
        nameLow = p.diskLoad(12, as: UInt64.self)
        nameHigh = p.diskLoad(20, as: UInt64.self)
    }

    package func encode(into p: UnsafeMutableRawPointer) {
        p.diskStore(random, at: 0)
        created.encode(into: p + 4)
        p.diskStore(nameLow, at: 12)
        p.diskStore(nameHigh, at: 20)
    }

    /// A new signature: random number, current time, this host's name.
    package static func make() -> Signature {
        // The standard library's generator reads getrandom(2) on Linux; 0 is avoided so a signature is never "none".
        var generator = SystemRandomNumberGenerator()
        let random = UInt32.random(in: 1...UInt32.max, using: &generator)
        return Signature(random: random, created: .now(), computerName: hostName())
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let ok = buffer.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            return gethostname(base, b.count - 1) == 0
        }
        guard ok else { return "" }
        return buffer.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: UInt8.self) { bytes in
                let end = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: bytes[..<end], as: UTF8.self)
            }
        }
    }
}

/// JET_LGPOS: a position in the log stream (byte in segment, segment, generation). Ordered by generation first.
package struct LogPosition: Comparable, Hashable, Sendable {
    static let size = 8
    static let none = LogPosition(ib: 0, isec: 0, generation: 0)

    package var ib: UInt16
    package var isec: UInt16
    package var generation: Int32

    init() { self = .none }

    init(ib: UInt16, isec: UInt16, generation: Int32) {
        self.ib = ib
        self.isec = isec
        self.generation = generation
    }

    init(decoding p: UnsafeRawPointer) {
        ib = p.diskLoad(0, as: UInt16.self)
        isec = p.diskLoad(2, as: UInt16.self)
        generation = p.diskLoad(4, as: Int32.self)
    }

    package func encode(into p: UnsafeMutableRawPointer) {
        p.diskStore(ib, at: 0)
        p.diskStore(isec, at: 2)
        p.diskStore(generation, at: 4)
    }

    package static func < (a: LogPosition, b: LogPosition) -> Bool {
        if a.generation != b.generation { return a.generation < b.generation }
        if a.isec != b.isec { return a.isec < b.isec }
        return a.ib < b.ib
    }
}

/// JET_BKINFO: one backup's mark and its log range [genLow, genHigh]. 24 bytes.
package struct BackupInfo: Equatable, Hashable, Sendable {
    static let size = 24
    static let none = BackupInfo(mark: .none, markTime: .none, genLow: 0, genHigh: 0)

    package var mark: LogPosition
    package var markTime: LogTime
    package var genLow: UInt32
    package var genHigh: UInt32

    init(mark: LogPosition, markTime: LogTime, genLow: UInt32, genHigh: UInt32) {
        self.mark = mark
        self.markTime = markTime
        self.genLow = genLow
        self.genHigh = genHigh
    }

    var isNone: Bool { self == .none }

    init(decoding p: UnsafeRawPointer) {
        mark = LogPosition(decoding: p)
        markTime = LogTime(decoding: p + 8)
        genLow = p.diskLoad(16, as: UInt32.self)
        genHigh = p.diskLoad(20, as: UInt32.self)
    }

    package func encode(into p: UnsafeMutableRawPointer) {
        mark.encode(into: p)
        markTime.encode(into: p + 8)
        p.diskStore(genLow, at: 16)
        p.diskStore(genHigh, at: 20)
    }
}
