import SystemPackage

/// Verifies a backup set without restoring it: a JetBackup folder (or its new/ or old/) or the files a streaming
/// client saved. It checks what a restore reads: every database stream's header copies, pages and trailer, the
/// signatures that tie the databases to the logs, and a log chain with no gap covering what the databases need.
extension Inspect {
    package struct BackupSetResult: Sendable {
        package var report: [ReportField]
        /// Each reason a restore would fail, with the JET error it would give.
        package var problems: [String]
        package var restoreWouldSucceed: Bool { problems.isEmpty }
    }

    struct SetLog {
        var name: String
        var header: LogFileHeader
    }

    /// The folder holding the set: `path` itself when it holds database streams or logs, else its `new/` (the
    /// last complete atomic backup), else `old/`.
    static func setFolder(_ path: String) throws(JetError) -> String {
        guard let status = StorageIO.statusIfVisible(FilePath(path)) else { throw .fileNotFound }
        guard status.isDirectory else { throw .invalidPath }
        let names = try storage(try StorageIO.listFolder(FilePath(path)))
        let hasFiles = names.contains { name in
            let full = path + "/" + name
            return StorageIO.statusIfVisible(FilePath(full))?.isRegularFile == true && (try? kind(of: full)) != nil
        }
        if hasFiles { return path }
        for sub in ["new", "old"] where names.contains(sub) {
            if StorageIO.statusIfVisible(FilePath(path + "/" + sub))?.isDirectory == true { return path + "/" + sub }
        }
        return path
    }

    package static func verifyBackupSet(path: String, progress: (String, Int, Int) -> Void) throws(JetError)
        -> BackupSetResult
    {
        let folder = try setFolder(path)
        let names = try storage(try StorageIO.listFolder(FilePath(folder))).sorted()
        var problems: [String] = []
        var ignored: [String] = []
        var databases: [ReportValue] = []
        var logs: [SetLog] = []
        var signLogs: [(String, Signature)] = []
        var needLow: UInt32?
        var needHigh: UInt32?

        func problem(_ text: String, _ error: JetError) { problems.append("\(text) (\(error.symbol), \(error.rawValue))") }

        for name in names {
            let full = folder + "/" + name
            guard StorageIO.statusIfVisible(FilePath(full))?.isRegularFile == true else { continue }
            guard let kind = try? kind(of: full) else {
                ignored.append(name)
                continue
            }
            switch kind {
            case .checkpoint:
                ignored.append(name)
            case .database:
                problem("\(name): a database file without a backup trailer, not a backup stream", .badPatchPage)
            case .databaseStream:
                let file = try ReadOnlyFile(full)
                let layout = try databaseLayout(file)
                let check = try verifyDatabase(file, progress: { progress(name, $0, $1) })
                for p in check.problems { problem("\(name): \(p)", .badPatchPage) }
                for bad in check.bad.prefix(5) { problems.append("\(name): page \(bad.index): \(bad.problem)") }
                if check.bad.count > 5 { problem("\(name): \(check.bad.count - 5) more bad pages", .readVerifyFailure) }
                var b = ReportBuilder()
                b.add("file", name)
                b.add("dataPages", layout.dataPages)
                b.add("state", "\(stateName(layout.header.state)) (\(layout.header.state))")
                b.add("signDb", layout.header.signDb.random)
                if let trailer = layout.trailer {
                    if trailer.signDb != layout.header.signDb {
                        problem("\(name): the trailer belongs to another database (signDb)", .badDbSignature)
                    }
                    if trailer.signLog != layout.header.signLog {
                        problem("\(name): the trailer names another log stream (signLog)", .badLogSignature)
                    }
                    b.add("logsNeeded", "\(trailer.generationMin)-\(trailer.generationMax)")
                    b.add("backup", fields: trailer.info.report)
                    needLow = min(needLow ?? trailer.generationMin, trailer.generationMin)
                    needHigh = max(needHigh ?? trailer.generationMax, trailer.generationMax)
                    signLogs.append((name, trailer.signLog))
                }
                databases.append(.fields(b.fields))
            case .log:
                let file = try ReadOnlyFile(full)
                let check = try verifyLog(file, progress: { progress(name, $0, $1) })
                for p in check.problems { problem("\(name): \(p)", .logFileCorrupt) }
                for bad in check.bad.prefix(5) { problems.append("\(name): segment \(bad.index): \(bad.problem)") }
                let buffer = try storage(try PageBuffer(bytes: LogStream.segmentSize))
                defer { buffer.deallocate() }
                if try file.read(into: buffer.pointer, count: LogStream.segmentSize, at: 0) == LogStream.segmentSize,
                    let header = LogFileHeader.decode(buffer.pointer)
                {
                    logs.append(SetLog(name: name, header: header))
                }
            }
        }

        // The log chain: one stream, no gap, each generation continuing the one before it.
        logs.sort { $0.header.generation < $1.header.generation }
        if let reference = signLogs.first?.1 ?? logs.first?.header.signLog {
            for (name, sign) in signLogs where sign != reference {
                problem("\(name): belongs to another log stream than the other files", .databaseLogSetMismatch)
            }
            for log in logs where log.header.signLog != reference {
                problem("\(log.name): belongs to another log stream (signLog \(log.header.signLog.random))", .badLogSignature)
            }
        }
        var previous: SetLog?
        for log in logs {
            if let previous {
                if log.header.generation == previous.header.generation {
                    problem("\(log.name) and \(previous.name): both are generation \(log.header.generation)", .invalidLogSequence)
                } else if log.header.generation != previous.header.generation + 1 {
                    problem(
                        "generations \(previous.header.generation + 1)-\(log.header.generation - 1) are missing between \(previous.name) and \(log.name)",
                        .missingLogFile)
                } else if log.header.previousCreated != previous.header.created {
                    problem("\(log.name) does not continue \(previous.name) (a log of another run)", .invalidLogSequence)
                }
            }
            previous = log
        }
        let present = logs.map { Int64($0.header.generation) }
        if let low = needLow, let high = needHigh {
            for generation in Int64(low)...Int64(max(low, high)) where !present.contains(generation) {
                problem("generation \(generation), which the databases need, is not in the set", .missingLogFile)
            }
        }
        if databases.isEmpty && logs.isEmpty { problem("no database stream and no log in \(folder)", .missingFullBackup) }

        var b = ReportBuilder()
        b.add("set", folder)
        b.add("kind", databases.isEmpty ? "incremental (logs only)" : "full")
        b.add("databases", .list(databases))
        b.add("logs", logs.isEmpty ? "none" : "\(logs.count) (generations \(present.first ?? 0)-\(present.last ?? 0))")
        if let low = needLow, let high = needHigh { b.add("restoreNeeds", "generations \(low)-\(high)") }
        if !ignored.isEmpty { b.add("ignored", .list(ignored.map { .text($0) })) }
        b.add("problems", .list(problems.map { .text($0) }))
        b.add("restoreWouldSucceed", problems.isEmpty)
        return BackupSetResult(report: b.fields, problems: problems)
    }
}
