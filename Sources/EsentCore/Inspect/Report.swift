/// What an inspection found, as ordered fields: the esentutl command prints them as text or JSON. Kept as plain
/// values so that the decoders' types stay internal to the storage layer.
package indirect enum ReportValue: Equatable, Sendable {
    case text(String)
    case number(Int64)
    case flag(Bool)
    case fields([ReportField])
    case list([ReportValue])
}

package struct ReportField: Equatable, Sendable {
    package let key: String
    package let value: ReportValue

    package init(_ key: String, _ value: ReportValue) {
        self.key = key
        self.value = value
    }
}

/// Builds a field list in order.
struct ReportBuilder {
    var fields: [ReportField] = []

    mutating func add(_ key: String, _ text: String) { fields.append(ReportField(key, .text(text))) }
    mutating func add<T: BinaryInteger>(_ key: String, _ number: T) {
        fields.append(ReportField(key, .number(Int64(clamping: number))))
    }
    mutating func add(_ key: String, _ flag: Bool) { fields.append(ReportField(key, .flag(flag))) }
    mutating func add(_ key: String, _ value: ReportValue) { fields.append(ReportField(key, value)) }
    mutating func add(_ key: String, fields inner: [ReportField]) { fields.append(ReportField(key, .fields(inner))) }
}

// MARK: The storage types as report values

extension LogTime {
    /// ISO 8601 (`2026-12-02T04:10:08.123Z`), or "none" for a time never set.
    var reportText: String {
        if isNone { return "none" }
        func two(_ v: UInt8) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let ms = milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        return "\(1900 + Int(yearSince1900))-\(two(month))-\(two(day))T\(two(hours)):\(two(minutes)):\(two(seconds))"
            + ".\(ms)\(isUTC ? "Z" : "")"
    }
}

extension LogPosition {
    /// ESE's spelling of a log position: generation, sector, byte, in hex (`00000005:0001:0000`).
    var reportText: String {
        func hex<T: BinaryInteger>(_ v: T, _ width: Int) -> String {
            let s = String(v, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(hex(UInt32(bitPattern: generation), 8)):\(hex(isec, 4)):\(hex(ib, 4))"
    }
}

extension Signature {
    var report: [ReportField] {
        var b = ReportBuilder()
        b.add("random", random)
        b.add("created", created.reportText)
        b.add("computer", computerName)
        return b.fields
    }
}

extension BackupInfo {
    var report: [ReportField] {
        var b = ReportBuilder()
        b.add("mark", mark.reportText)
        b.add("time", markTime.reportText)
        b.add("genLow", genLow)
        b.add("genHigh", genHigh)
        return b.fields
    }
}
