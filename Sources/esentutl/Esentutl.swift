import ArgumentParser
import EsentCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// esentutl for libesent: looks at, checks and recovers the library's files. It links the library's engine
/// (EsentCore) directly: the dumps and checks read files through the storage layer's own decoders, and /r runs
/// the same JetInit/JetTerm code the C library exports.
///
/// Exit codes: 0 the file or set is sound (or the operation succeeded), 1 damage found or a restore would fail,
/// 2 a file could not be read or is not one of the library's files, 64 a usage error.
@main
struct Esentutl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esentutl",
        abstract: "Inspect, verify and recover libesent databases, logs, checkpoints and backup sets.",
        discussion: """
            ESE's switch spellings work too: /mh = dump-header, /ml = dump-log, /mk = dump-checkpoint, \
            /k = checksum, /r = recover, /c = restore, /v = --verbose, /l = --log-path, /s = --system-path, \
            /d = --destination.

            Exit codes: 0 sound (or done), 1 damage found or a restore would fail, 2 a file cannot be read \
            or is not a libesent file, 64 usage error.
            """,
        subcommands: [
            DumpHeader.self, DumpLog.self, DumpCheckpoint.self, Checksum.self, VerifyBackup.self, Recover.self,
            RestoreBackup.self,
        ]
    )

    static func main() {
        main(SwitchSpelling.translate(Array(CommandLine.arguments.dropFirst())))
    }
}

/// Options every mode has.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (one object) instead of text.")
    var json = false
}

/// Exit code of a failed read: the file is missing, unreadable or not a libesent file.
let cannotReadExit: Int32 = 2
/// Exit code when damage is found or a restore would fail.
let damagedExit: Int32 = 1

/// Runs a step that reads files; a JET error becomes a message and exit code 2.
func reading<T>(_ path: String, _ body: () throws(JetError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError("esentutl: \(path): \(Output.describe(error))")
        throw ExitCode(cannotReadExit)
    }
}

func printError(_ text: String) {
    writeAll(text + "\n", to: STDERR_FILENO)
}

struct DumpHeader: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-header",
        abstract: "Print a database's header (esentutl /mh): state, signatures, log range, backup info, page size.",
        discussion: "Works on a database file and on a database backup stream (then its trailer is shown too).")

    @Argument(help: "The database file or backup stream.")
    var database: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try reading(database) { () throws(JetError) in try Inspect.databaseHeader(path: database) }
        Output.print(report, json: output.json)
    }
}

struct DumpLog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-log",
        abstract: "Print a log file's header (esentutl /ml) and, with -v, its records one per line.",
        discussion: """
            Records are read as recovery reads the current log: a torn tail after the last sound segment is \
            reported (tornTail), damage before it makes the records unreadable (exit code 1).
            """)

    @Argument(help: "The log file (edb.log or an archived generation such as edb00005.log).")
    var log: String
    @Flag(name: [.short, .long], help: "List every record.")
    var verbose = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try reading(log) { () throws(JetError) in try Inspect.log(path: log, records: verbose) }
        Output.print(report, json: output.json)
        if report.contains(where: { $0.key == "damage" }) { throw ExitCode(damagedExit) }
    }
}

struct DumpCheckpoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-checkpoint",
        abstract: "Print the checkpoint file (esentutl /mk): generation, log signature, attached databases.")

    @Argument(help: "The checkpoint file (edb.chk).")
    var checkpoint: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try reading(checkpoint) { () throws(JetError) in try Inspect.checkpoint(path: checkpoint) }
        Output.print(report, json: output.json)
    }
}

struct Checksum: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checksum",
        abstract: "Verify every page of a database (or backup stream) or every segment of a log (esentutl /k).",
        discussion: """
            Shows a progress bar when standard error is a terminal. Exit code 0 when every checksum verifies, \
            1 when any page, segment, header or trailer is damaged, 2 when the file cannot be read.
            """)

    @Argument(help: "The database, backup stream, log or checkpoint file.")
    var file: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let bar = ProgressBar(label: file)
        let result = try reading(file) { () throws(JetError) in
            try Inspect.verifyChecksums(path: file, progress: { bar.update($0, $1) })
        }
        bar.finish()
        var fields = [
            ReportField("file", .text(file)), ReportField("kind", .text(result.kind.rawValue)),
            ReportField("checked", .text("\(result.checked) \(result.unit)s")),
            ReportField("empty", .number(Int64(result.empty))),
            ReportField("bad", .number(Int64(result.bad.count))),
        ]
        let damage = result.problems + result.bad.map { "\(result.unit) \($0.index): \($0.problem)" }
        fields.append(ReportField("damage", .list(damage.map { .text($0) })))
        fields.append(ReportField("result", .text(result.isClean ? "OK" : "DAMAGED")))
        Output.print(fields, json: output.json)
        if !result.isClean { throw ExitCode(damagedExit) }
    }
}

struct VerifyBackup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-backup",
        abstract: "Verify a whole backup set without restoring it (beyond ESE's esentutl).",
        discussion: """
            FOLDER is a JetBackup folder (its new/ is used, else old/), one of new/ or old/, or a folder of files a \
            streaming backup client saved. Checks every database stream's header copies, pages and trailer, the \
            signatures that tie databases to logs, every log's checksums, and a log chain with no gap covering \
            what the databases need. Prints what a restore would need; exit code 0 only if it would succeed.
            """)

    @Argument(help: "The backup folder.")
    var folder: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let bar = ProgressBar(label: folder)
        let result = try reading(folder) { () throws(JetError) in
            try Inspect.verifyBackupSet(path: folder, progress: { name, done, total in bar.update(done, total, name) })
        }
        bar.finish()
        Output.print(result.report, json: output.json)
        if !result.restoreWouldSucceed { throw ExitCode(damagedExit) }
    }
}
