import CEsent

/// The names of an instance's log and checkpoint files, from JET_paramBaseName and JET_paramLegacyFileNames
/// (docs/file-formats.md). File names only: the folders are the log stream's.
///
/// | flags | checkpoint | current log | archived generation 1 |
/// |---|---|---|---|
/// | 3 (ESENT's default) | `edb.chk` | `edb.log` | `edb00001.log` |
/// | 1 (ESE's default) | `edb.chk` | `edb.log` | `edb00000001.log` |
/// | 2 | `edb.jcp` | `edb.jtx` | `edb00001.jtx` |
/// | 0 | `edb.jcp` | `edb.jtx` | `edb00000001.jtx` |
package struct LogFileNames: Equatable, Sendable {
    /// JET_paramLegacyFileNames' default in ESENT.
    package static let defaultFlags = UInt(JET_bitESE98FileNames | JET_bitEightDotThreeSoftCompat)
    /// Digits of an archived generation: the 8.3-compatible short form, and the full form.
    static let shortDigits = 5
    static let longDigits = 8
    /// The highest generation the short form can spell (5 hex digits).
    static let shortGenerationMax: Int32 = 0xFFFFF

    let base: String
    /// JET_paramLegacyFileNames: JET_bitESE98FileNames and JET_bitEightDotThreeSoftCompat; other bits are ignored.
    let legacyFlags: UInt

    package init(base: String, legacyFlags: UInt = LogFileNames.defaultFlags) {
        self.base = base
        self.legacyFlags = legacyFlags
    }

    /// `.log`/`.chk` (ESE98 names), else `.jtx`/`.jcp`.
    var usesESE98Names: Bool { legacyFlags & UInt(JET_bitESE98FileNames) != 0 }
    /// 5-digit archive names while the generation fits, else always 8 digits.
    var usesShortGenerations: Bool { legacyFlags & UInt(JET_bitEightDotThreeSoftCompat) != 0 }

    var logExtension: String { usesESE98Names ? ".log" : ".jtx" }
    var checkpointExtension: String { usesESE98Names ? ".chk" : ".jcp" }

    /// `<base>.log` / `<base>.jtx`.
    var currentLog: String { base + logExtension }
    /// `<base>tmp.log` / `<base>tmp.jtx`: a new generation until its header is durable.
    var temporaryLog: String { base + "tmp" + logExtension }
    /// `<base>.chk` / `<base>.jcp`, in the system folder.
    var checkpoint: String { base + checkpointExtension }

    /// `<base>` + the generation in upper-case hex + the log extension: 5 digits while the generation is at most
    /// 0xFFFFF and short names are on, else 8.
    func archived(_ generation: Int32) -> String {
        let hex = String(UInt32(bitPattern: generation), radix: 16, uppercase: true)
        let width = usesShortGenerations && generation <= Self.shortGenerationMax ? Self.shortDigits : Self.longDigits
        return base + String(repeating: "0", count: max(0, width - hex.count)) + hex + logExtension
    }

    /// An archived log's name taken apart: `base` (any case), exactly 5 or 8 hex digits (any case), the log
    /// extension (any case), with a generation in 1…LogStream.maxGeneration. Nil when the name is not one.
    func parseArchived(_ name: String) -> (generation: Int32, digits: Int)? {
        let n = Array(name.utf8)
        let b = Array(base.utf8)
        let ext = Array(logExtension.utf8)
        let digits = n.count - b.count - ext.count
        guard !b.isEmpty, digits == Self.shortDigits || digits == Self.longDigits else { return nil }
        for i in 0..<b.count where Self.lower(n[i]) != Self.lower(b[i]) { return nil }
        for i in 0..<ext.count where Self.lower(n[b.count + digits + i]) != ext[i] { return nil }
        var value: UInt64 = 0
        for c in n[b.count..<(b.count + digits)] {
            guard let d = Self.hexValue(c) else { return nil }
            value = value << 4 | UInt64(d)
        }
        guard value >= 1, value <= UInt64(LogStream.maxGeneration) else { return nil }
        return (Int32(value), digits)
    }

    /// The generation of a name met while scanning the log folder, or nil when it is not an archived log of this
    /// stream. Without JET_bitEightDotThreeSoftCompat a 5-digit name is an error, as in ESE's enumeration
    ///: `.logGenerationMismatch`.
    func scannedGeneration(_ name: String) throws(StorageFileError) -> Int32? {
        guard let parsed = parseArchived(name) else { return nil }
        if parsed.digits == Self.shortDigits && !usesShortGenerations { throw .logGenerationMismatch }
        return parsed.generation
    }

    private static func lower(_ c: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) ? c - UInt8(ascii: "A") + UInt8(ascii: "a") : c
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
