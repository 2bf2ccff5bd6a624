import ArgumentParser
import CEsent
import EsentCore

/// esentutl /c: restore a backup folder through the library's own JetRestoreInstance, on an instance this command
/// creates and points at the log and system folders. The restore checks the whole set before it writes anything,
/// copies each database back verified, and rolls forward with the logs of the set and of the log folder.
struct RestoreBackup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup folder (esentutl /c) through JetRestoreInstance.",
        discussion: """
            BACKUP is a JetBackup folder (new/ of an atomic one is found) or a folder of streamed files. The \\
            databases go back where they were backed up from, or into --destination. The log folder's logs newer \\
            than the set are replayed too. Exit code 0 when the restore succeeded, 1 when it failed (nothing is \\
            changed then).
            """)

    @Argument(help: "The backup folder.")
    var backup: String
    @Option(name: [.customShort("l"), .long], help: "The instance's log folder (default: the current directory).")
    var logPath: String?
    @Option(name: [.customShort("s"), .long], help: "The instance's checkpoint folder (default: the log folder).")
    var systemPath: String?
    @Option(name: [.customShort("d"), .long], help: "Restore the databases into this folder instead.")
    var destination: String?
    @Option(name: .long, help: "The log base name.")
    var base = "edb"
    @OptionGroup var output: OutputOptions

    func run() throws {
        let logs = Recover.folder(logPath)
        let system = Recover.folder(systemPath ?? logPath)
        let bar = ProgressBar(label: backup)
        let meter = ProgressMeter({ _, percent in bar.update(Int(percent), 100) })
        let databases = (try? Inspect.backupSetDatabases(path: backup)) ?? []
        let outcome = Self.restore(backup, logs: logs, system: system, destination: destination, base: base, meter)
        bar.finish()
        var fields: [ReportField] = [
            ReportField("backup", .text(backup)), ReportField("logPath", .text(logs)),
            ReportField("systemPath", .text(system)),
        ]
        if let destination { fields.append(ReportField("destination", .text(destination))) }
        if let error = outcome {
            fields.append(ReportField("restore", .text("FAILED: \(Output.describe(error))")))
        } else {
            fields.append(ReportField("restore", .text("JetRestoreInstance restored the set and rolled forward")))
        }
        var restored: [ReportValue] = []
        if outcome == nil {
            for path in databases {
                let placed = destination.map { Recover.folder($0) + (path.split(separator: "/").last.map(String.init) ?? path) } ?? path
                let state: String
                if let code = try? Inspect.databaseState(path: placed) {
                    state = "\(Inspect.stateName(code)) (\(code))"
                } else {
                    state = "not found"
                }
                restored.append(.fields([ReportField("file", .text(placed)), ReportField("state", .text(state))]))
            }
        }
        fields.append(ReportField("databases", .list(restored)))
        fields.append(ReportField("result", .text(outcome == nil ? "OK" : "FAILED")))
        Output.print(fields, json: output.json)
        if outcome != nil { throw ExitCode(damagedExit) }
    }

    /// JetCreateInstance, the folder parameters, JetRestoreInstance, then the instance is freed; nil on success.
    static func restore(
        _ backup: String, logs: String, system: String, destination: String?, base: String, _ meter: ProgressMeter
    ) -> JetError? {
        do {
            let handle = try Lifecycle.createInstance(name: "esentutl-restore", displayName: nil)
            defer { _ = try? Lifecycle.terminate(handle: handle, grbit: 0) }
            for (param, value) in [
                (JET_paramLogFilePath, logs), (JET_paramSystemPath, system), (JET_paramTempPath, system),
                (JET_paramBaseName, base),
            ] {
                try Parameters.set(instance: handle, sesid: 0, paramid: CUnsignedLong(param), integer: 0, string: value)
            }
            try Restore.restoreInstance(handle: handle, source: backup, destination: destination, status: meter)
            return nil
        } catch {
            return error
        }
    }
}
