import EsentCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Prints reports as indented text (`key: value`) or as one JSON object.
enum Output {
    static func describe(_ error: JetError) -> String {
        "\(ErrorText.describe(error.rawValue)) (\(error.rawValue))"
    }

    static func print(_ fields: [ReportField], json: Bool) {
        var out = ""
        if json {
            writeJSON(.fields(fields), into: &out)
            out += "\n"
        } else {
            writeText(fields, indent: "", into: &out)
        }
        writeAll(out, to: STDOUT_FILENO)
    }

    static func writeText(_ fields: [ReportField], indent: String, into out: inout String) {
        for field in fields {
            switch field.value {
            case .fields(let inner):
                out += "\(indent)\(field.key):\n"
                writeText(inner, indent: indent + "  ", into: &out)
            case .list(let items):
                out += "\(indent)\(field.key):\(items.isEmpty ? " none" : "")\n"
                for item in items {
                    if case .fields(let inner) = item {
                        out += "\(indent)  -\n"
                        writeText(inner, indent: indent + "    ", into: &out)
                    } else {
                        out += "\(indent)  \(scalar(item))\n"
                    }
                }
            default:
                out += "\(indent)\(field.key): \(scalar(field.value))\n"
            }
        }
    }

    static func scalar(_ value: ReportValue) -> String {
        switch value {
        case .text(let s): s
        case .number(let n): "\(n)"
        case .flag(let b): b ? "yes" : "no"
        case .fields, .list: ""
        }
    }

    static func writeJSON(_ value: ReportValue, into out: inout String) {
        switch value {
        case .text(let s): out += quoted(s)
        case .number(let n): out += "\(n)"
        case .flag(let b): out += b ? "true" : "false"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                writeJSON(item, into: &out)
            }
            out += "]"
        case .fields(let fields):
            out += "{"
            for (i, field) in fields.enumerated() {
                if i > 0 { out += "," }
                out += quoted(field.key) + ":"
                writeJSON(field.value, into: &out)
            }
            out += "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A one-line progress bar on standard error, drawn only when standard error is a terminal (never into a pipe
/// or a file), at most once per percent.
final class ProgressBar {
    let label: String
    let enabled: Bool
    private var lastPercent = -1
    private var drew = false

    init(label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int, _ total: Int, _ name: String? = nil) {
        guard enabled, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 40
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        writeAll("\r\(name ?? label) [\(bar)] \(percent)%\u{1B}[K", to: STDERR_FILENO)
        drew = true
    }

    func finish() {
        if drew { writeAll("\r\u{1B}[K", to: STDERR_FILENO) }
    }
}

/// Writes to a standard descriptor with write(2) (the C `stdout`/`stderr` globals are not concurrency-safe).
func writeAll(_ text: String, to fd: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { b in Glibc.write(fd, b.baseAddress.map { $0 + offset }, b.count - offset) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return }
        offset += n
    }
}
