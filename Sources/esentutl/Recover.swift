import ArgumentParser
import CEsent
import EsentCore

/// esentutl /r: soft recovery through the library's own calls. JetInit on an instance pointed at the log and
/// system folders replays the log (as any JetInit after a crash does) and leaves every database it names
/// consistent; JetTerm then shuts the instance down cleanly.
struct Recover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Soft recovery (esentutl /r): replay an instance's log so its databases are consistent.",
        discussion: """
            BASE is the log base name (edb). The log folder holds BASE.log and its archives; the system folder \
            holds BASE.chk. Both default to the current directory. Exit code 0 when recovery succeeded and every \
            database the checkpoint and the log name is in Clean Shutdown state, 1 otherwise.
            """)

    @Argument(help: "The log base name: three characters, such as edb.")
    var base = "edb"
    @Option(name: [.customShort("l"), .long], help: "The folder of the log files.")
    var logPath: String?
    @Option(name: [.customShort("s"), .long], help: "The folder of the checkpoint file.")
    var systemPath: String?
    @OptionGroup var output: OutputOptions

    static func folder(_ path: String?) -> String {
        guard let path, !path.isEmpty else { return "./" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    func run() throws {
        let logs = Self.folder(logPath)
        let system = Self.folder(systemPath ?? logPath)
        var fields: [ReportField] = [ReportField("logPath", .text(logs)), ReportField("systemPath", .text(system))]
        // The databases the files name, read before recovery (a clean shutdown detaches them from the log).
        let named = Inspect.databasesNamed(logFolder: logs, systemFolder: system, base: base)
        let outcome = Self.recover(base: base, logs: logs, system: system)
        if let error = outcome {
            fields.append(ReportField("recovery", .text("FAILED: \(Output.describe(error))")))
        } else {
            fields.append(ReportField("recovery", .text("JetInit replayed the log, JetTerm shut down cleanly")))
        }
        var clean = outcome == nil
        var databases: [ReportValue] = []
        for path in named {
            let state: String
            do {
                let code = try Inspect.databaseState(path: path)
                state = "\(Inspect.stateName(code)) (\(code))"
                if code != UInt32(JET_dbstateCleanShutdown) { clean = false }
            } catch {
                state = "cannot read: \(Output.describe(error))"
                clean = false
            }
            databases.append(.fields([ReportField("file", .text(path)), ReportField("state", .text(state))]))
        }
        fields.append(ReportField("databases", .list(databases)))
        fields.append(ReportField("result", .text(clean ? "OK" : "FAILED")))
        Output.print(fields, json: output.json)
        if !clean { throw ExitCode(damagedExit) }
    }

    /// JetCreateInstance, the folder parameters, JetInit, JetTerm; nil when all succeeded.
    static func recover(base: String, logs: String, system: String) -> JetError? {
        do {
            let handle = try Lifecycle.createInstance(name: "esentutl-recovery", displayName: nil)
            do {
                for (param, value) in [
                    (JET_paramLogFilePath, logs), (JET_paramSystemPath, system), (JET_paramTempPath, system),
                    (JET_paramBaseName, base),
                ] {
                    try Parameters.set(
                        instance: handle, sesid: 0, paramid: CUnsignedLong(param), integer: 0, string: value)
                }
            } catch {
                _ = try? Lifecycle.terminate(handle: handle, grbit: 0)
                return error
            }
            do {
                _ = try Lifecycle.initialize(handle: handle)
            } catch {
                return error.error
            }
            _ = try Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermComplete))
            return nil
        } catch {
            return error
        }
    }
}
