#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage
import CEsent

/// Offline inspection of the library's files for the esentutl command: headers, records, checksums and whole
/// backup sets. Every byte is read through the storage layer's decoders (DatabaseHeader, BackupTrailer,
/// LogFileHeader, LogRecord, Checkpoint, DatabaseFile.verifyPage, LogStream.checkSegment); nothing here parses
/// the formats itself. Files are only read, never locked or changed.
package enum Inspect {
    /// What a file holds, told by its first page.
    package enum FileKind: String, Sendable {
        case database
        /// A database as a streaming backup (or JetBackup) writes it: both header copies, the data pages, and a
        /// trailer page.
        case databaseStream = "database backup stream"
        case log
        case checkpoint
    }

    /// ESE's names of JET_dbstate values.
    package static func stateName(_ state: UInt32) -> String {
        switch Int(state) {
        case Int(JET_dbstateJustCreated): "Just Created"
        case Int(JET_dbstateDirtyShutdown): "Dirty Shutdown"
        case Int(JET_dbstateCleanShutdown): "Clean Shutdown"
        case Int(JET_dbstateBeingConverted): "Being Converted"
        case Int(JET_dbstateForceDetach): "Force Detach"
        case Int(JET_dbstateIncrementalReseedInProgress): "Incremental Reseed In Progress"
        case Int(JET_dbstateDirtyAndPatchedShutdown): "Dirty And Patched Shutdown"
        case Int(JET_dbstateRevertInProgress): "Revert In Progress"
        default: "Unknown"
        }
    }

    // MARK: Reading

    /// An open file, read-only, through the storage layer's file.
    final class ReadOnlyFile {
        let file: StorageFile
        let size: Int64

        init(_ path: String) throws(JetError) {
            if let status = StorageIO.statusIfVisible(FilePath(path)), status.isDirectory { throw .fileAccessDenied }
            file = try storage(try StorageFile.openForReading(FilePath(path)))
            size = try storage(try file.size())
        }

        /// Reads `count` bytes at `offset`; fewer only at the end of the file.
        func read(into p: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws(JetError) -> Int {
            try storage(try file.read(into: p, count: count, at: offset))
        }
    }

    /// The largest page any file here has: a database page of 32 KiB.
    static let maxPage = 32768

    /// Tells what a file is from its first page; `.fileInvalidType` when it is none of the library's files.
    package static func kind(of path: String) throws(JetError) -> FileKind {
        let file = try ReadOnlyFile(path)
        return try kind(of: file)
    }

    static func kind(of file: ReadOnlyFile) throws(JetError) -> FileKind {
        let buffer = try storage(try PageBuffer(bytes: maxPage))
        defer { buffer.deallocate() }
        let got = try file.read(into: buffer.pointer, count: maxPage, at: 0)
        guard got >= 4096 else { throw .fileInvalidType }
        if LogFileHeader.decode(buffer.pointer) != nil { return .log }
        if (try? Checkpoint.decode(buffer.pointer, count: got)) != nil { return .checkpoint }
        if let layout = try? databaseLayout(file) { return layout.trailer == nil ? .database : .databaseStream }
        throw .fileInvalidType
    }

    // MARK: Databases

    /// A database file's or stream's shape: page size, the header (from whichever copy is sound) and, for a
    /// stream, its trailer.
    struct DatabaseLayout {
        var pageSize: Int
        var header: DatabaseHeader
        var headerCopiesGood: [Bool]
        /// Pages in the file, headers and trailer included.
        var pages: Int
        /// The trailer (a backup stream); nil for a database file.
        var trailer: BackupTrailer?
        /// The last page has the trailer's mark but does not verify.
        var trailerDamaged: Bool
        /// Data pages: 1...dataPages, page n at byte (n + 1) * pageSize.
        var dataPages: Int { pages - 2 - (trailer != nil || trailerDamaged ? 1 : 0) }
    }

    static func databaseLayout(_ file: ReadOnlyFile) throws(JetError) -> DatabaseLayout {
        let buffer = try storage(try PageBuffer(bytes: maxPage))
        defer { buffer.deallocate() }
        // The page size: the one page 0 claims, else the one page 1 claims at each possible size.
        var pageSize: Int?
        if try file.read(into: buffer.pointer, count: maxPage, at: 0) >= 4096 {
            pageSize = DatabaseHeader.claimedPageSize(buffer.pointer)
        }
        if pageSize == nil {
            for size in DatabaseFile.validPageSizes where Int64(size) * 2 <= file.size {
                guard try file.read(into: buffer.pointer, count: size, at: Int64(size)) == size else { continue }
                if DatabaseHeader.claimedPageSize(buffer.pointer) == size {
                    pageSize = size
                    break
                }
            }
        }
        guard let pageSize else { throw .fileInvalidType }
        var copies: [Bool] = []
        var header: DatabaseHeader?
        for index in 0..<2 {
            let n = try file.read(into: buffer.pointer, count: pageSize, at: Int64(index * pageSize))
            let decoded = n == pageSize ? try? DatabaseHeader.decode(buffer.pointer, pageSize: pageSize) : nil
            copies.append(decoded != nil)
            if header == nil { header = decoded }
        }
        guard let header else { throw .databaseCorrupted }
        let pages = Int(file.size / Int64(pageSize))
        var trailer: BackupTrailer?
        var trailerDamaged = false
        if pages >= 3 {
            let n = try file.read(into: buffer.pointer, count: pageSize, at: Int64(pages - 1) * Int64(pageSize))
            if n == pageSize {
                do {
                    trailer = try BackupTrailer.decode(buffer.pointer, pageSize: pageSize)
                } catch {
                    trailerDamaged = error == .trailerDamaged
                }
            }
        }
        return DatabaseLayout(
            pageSize: pageSize, header: header, headerCopiesGood: copies, pages: pages, trailer: trailer,
            trailerDamaged: trailerDamaged)
    }

    static func databaseHeaderFields(_ h: DatabaseHeader) -> [ReportField] {
        var b = ReportBuilder()
        b.add("state", "\(stateName(h.state)) (\(h.state))")
        b.add("stateCode", h.state)
        b.add("pageSize", h.pageSize)
        b.add("formatVersion", "\(h.formatVersion).\(h.formatUpdate)")
        b.add("dbid", h.dbid)
        b.add("dbTime", h.dbTime)
        b.add("signDb", fields: h.signDb.report)
        b.add("signLog", fields: h.signLog.report)
        b.add("logRequired", "\(h.genMinRequired)-\(h.genMaxRequired)")
        b.add("consistent", "\(h.lgposConsistent.reportText) at \(h.logtimeConsistent.reportText)")
        b.add("attach", "\(h.lgposAttach.reportText) at \(h.logtimeAttach.reportText)")
        b.add("detach", "\(h.lgposDetach.reportText) at \(h.logtimeDetach.reportText)")
        b.add("lastFullBackup", fields: h.bkinfoFullPrev.report)
        b.add("lastIncrementalBackup", fields: h.bkinfoIncPrev.report)
        b.add("currentFullBackup", fields: h.bkinfoFullCur.report)
        b.add("currentSnapshotBackup", fields: h.bkinfoSnapshotCur.report)
        b.add("lastCopyBackup", fields: h.bkinfoCopyPrev.report)
        b.add("lastDifferentialBackup", fields: h.bkinfoDiffPrev.report)
        return b.fields
    }

    static func trailerFields(_ t: BackupTrailer) -> [ReportField] {
        var b = ReportBuilder()
        b.add("backup", fields: t.info.report)
        b.add("signDb", fields: t.signDb.report)
        b.add("signLog", fields: t.signLog.report)
        b.add("logsNeeded", "\(t.generationMin)-\(t.generationMax)")
        b.add("lastPage", t.pgnoLast)
        b.add("databasePath", t.databasePath.isEmpty ? "not recorded" : t.databasePath)
        return b.fields
    }

    /// esentutl /mh: the database header (from a sound copy), which copies are sound, and a stream's trailer.
    package static func databaseHeader(path: String) throws(JetError) -> [ReportField] {
        let file = try ReadOnlyFile(path)
        let layout = try databaseLayout(file)
        var b = ReportBuilder()
        b.add("file", path)
        b.add("kind", (layout.trailer != nil || layout.trailerDamaged ? FileKind.databaseStream : .database).rawValue)
        b.add("fileSize", file.size)
        b.add("dataPages", layout.dataPages)
        b.add("headerCopies", "page 0 \(layout.headerCopiesGood[0] ? "good" : "BAD"), page 1 \(layout.headerCopiesGood[1] ? "good" : "BAD")")
        b.fields += databaseHeaderFields(layout.header)
        if let trailer = layout.trailer {
            b.add("trailer", fields: trailerFields(trailer))
        } else if layout.trailerDamaged {
            b.add("trailer", "BAD (checksum)")
        }
        return b.fields
    }

    // MARK: Logs and the checkpoint

    static func logHeaderFields(_ h: LogFileHeader) -> [ReportField] {
        var b = ReportBuilder()
        b.add("generation", h.generation)
        b.add("fileSize", h.fileSize)
        b.add("created", h.created.reportText)
        b.add("previousCreated", h.previousCreated.reportText)
        b.add("signLog", fields: h.signLog.report)
        return b.fields
    }

    /// One record as esentutl /ml -v prints it.
    static func describe(_ record: LogRecord) -> String {
        switch record {
        case .createDatabase(let dbid, let path, let sign): "CreateDB   dbid \(dbid) \(path) signDb \(sign.random)"
        case .attachDatabase(let dbid, let path, let sign): "AttachDB   dbid \(dbid) \(path) signDb \(sign.random)"
        case .detachDatabase(let dbid, let path): "DetachDB   dbid \(dbid) \(path)"
        case .commit(let session): "Commit     session \(session)"
        case .backupBegin(let incremental): "BeginBackup \(incremental ? "incremental" : "full")"
        case .backupPrepareLogs: "BackupLogs"
        case .backupHeaderUpdate(let dbid): "BackupHeaderUpdate dbid \(dbid)"
        case .backupAbort: "BackupAbort"
        case .backupStop: "BackupStop"
        case .truncateLogs(let low, let high): "TruncateLogs \(low)-\(high)"
        case .initialize: "Init"
        case .shutdown: "Term"
        case .commitGroupBegin(let pages): "BeginCommit \(pages) pages"
        case .pageImage(let dbid, _, let pgno, let page): "PageImage  dbid \(dbid) pgno \(pgno) \(page.count) bytes"
        case .commitGroupEnd: "EndCommit"
        case .pageDelta(let dbid, _, let pgno, _, _, let ranges):
            "PageDelta  dbid \(dbid) pgno \(pgno) \(ranges.count) bytes"
        }
    }

    /// esentutl /ml: the log header and (with `records`) its records; a damaged tail is reported, not thrown.
    package static func log(path: String, records: Bool) throws(JetError) -> [ReportField] {
        let file = try ReadOnlyFile(path)
        let image = try storage(try LogFileImage.read(file: file.file, expectedGeneration: nil))
        var b = ReportBuilder()
        b.add("file", path)
        b.add("kind", FileKind.log.rawValue)
        b.fields += logHeaderFields(image.header)
        // Read as recovery reads the current log: a torn tail is reported, damage before it is not readable.
        do throws(JetError) {
            let scan = try storage(try image.scan(strict: false))
            b.add("recordCount", scan.records.count)
            b.add("dataSegments", scan.dataSegments)
            b.add("cleanShutdown", scan.records.last?.0 == .shutdown)
            b.add("tornTail", !scan.tornSegments.isEmpty)
            if records {
                b.add("records", .list(scan.records.map { .text("\($0.1.reportText)  \(describe($0.0))") }))
            }
        } catch {
            b.add("damage", "the records cannot be read: \(error.symbol) (\(error.rawValue))")
        }
        return b.fields
    }

    /// esentutl /mk: the checkpoint.
    package static func checkpoint(path: String) throws(JetError) -> [ReportField] {
        if let status = StorageIO.statusIfVisible(FilePath(path)), status.isDirectory { throw .fileAccessDenied }
        let c = try storage(try Checkpoint.read(path: FilePath(path)))
        var b = ReportBuilder()
        b.add("file", path)
        b.add("kind", FileKind.checkpoint.rawValue)
        b.add("generation", c.generation)
        b.add("signLog", fields: c.signLog.report)
        b.add(
            "attached",
            .list(
                c.attached.map {
                    .fields([
                        ReportField("dbid", .number(Int64($0.dbid))), ReportField("path", .text($0.path)),
                        ReportField("signDb", .fields($0.signDb.report)),
                    ])
                }))
        return b.fields
    }

    // MARK: Checksums

    /// What esentutl /k found in one file.
    package struct ChecksumResult: Sendable {
        package var kind: FileKind
        /// "page" or "segment".
        package var unit: String
        package var checked = 0
        package var empty = 0
        /// Index (page number, or segment index) and what is wrong, in file order.
        package var bad: [(index: Int, problem: String)] = []
        /// Whole-file problems (size, headers, trailer).
        package var problems: [String] = []
        package var isClean: Bool { bad.isEmpty && problems.isEmpty }
    }

    /// Pages verified per read: 1 MiB, as the backup path reads.
    static let verifyChunk = 1 << 20

    /// esentutl /k: verifies every page (database, stream) or segment (log). `progress(done, total)` is called
    /// after each chunk.
    package static func verifyChecksums(path: String, progress: (Int, Int) -> Void) throws(JetError)
        -> ChecksumResult
    {
        let file = try ReadOnlyFile(path)
        switch try kind(of: file) {
        case .log: return try verifyLog(file, progress: progress)
        case .checkpoint:
            // The checkpoint has one checksummed block; decoding it checks it.
            var result = ChecksumResult(kind: .checkpoint, unit: "file")
            result.checked = 1
            if StorageIO.statusIfVisible(FilePath(path)).map({ $0.isRegularFile }) == true {
                do { _ = try Checkpoint.read(path: FilePath(path)) } catch { result.problems.append("checkpoint: \(error)") }
            }
            return result
        case .database, .databaseStream: return try verifyDatabase(file, progress: progress)
        }
    }

    static func verifyDatabase(_ file: ReadOnlyFile, progress: (Int, Int) -> Void) throws(JetError)
        -> ChecksumResult
    {
        let layout = try databaseLayout(file)
        let pageSize = layout.pageSize
        var result = ChecksumResult(
            kind: layout.trailer != nil || layout.trailerDamaged ? .databaseStream : .database, unit: "page")
        for (index, good) in layout.headerCopiesGood.enumerated() where !good {
            result.problems.append("header copy \(index) does not verify")
        }
        if file.size % Int64(pageSize) != 0 {
            result.problems.append("file size \(file.size) is not a whole number of \(pageSize)-byte pages")
        }
        if layout.trailerDamaged { result.problems.append("the trailer page does not verify") }
        if let trailer = layout.trailer, trailer.pgnoLast != 0, Int(trailer.pgnoLast) != layout.dataPages {
            result.problems.append("the stream holds \(layout.dataPages) data pages, its trailer says \(trailer.pgnoLast)")
        }
        let total = max(0, layout.dataPages)
        let chunkPages = max(1, verifyChunk / pageSize)
        let buffer = try storage(try PageBuffer(bytes: chunkPages * pageSize))
        defer { buffer.deallocate() }
        var pgno = 1
        while pgno <= total {
            let n = min(chunkPages, total - pgno + 1)
            let got = try file.read(into: buffer.pointer, count: n * pageSize, at: Int64(pgno + 1) * Int64(pageSize))
            guard got == n * pageSize else {
                result.problems.append("the file ends inside page \(pgno + got / pageSize)")
                break
            }
            for i in 0..<n {
                let p = UnsafeRawPointer(buffer.pointer + i * pageSize)
                let number = pgno + i
                if let failure = DatabaseFile.verifyPage(p, pgno: UInt32(number), pageSize: pageSize) {
                    let code = JetError(failure)
                    let what = code == .readPgnoVerifyFailure ? "page number mismatch" : "checksum mismatch"
                    result.bad.append((number, "\(what) (\(code.symbol), \(code.rawValue))"))
                } else if p.diskLoad(DatabaseFile.PageOffset.checksum, as: UInt64.self) == 0,
                    Checksum.isAllZero(p, count: pageSize)
                {
                    result.empty += 1
                }
            }
            result.checked += n
            pgno += n
            progress(result.checked, total)
        }
        return result
    }

    static func verifyLog(_ file: ReadOnlyFile, progress: (Int, Int) -> Void) throws(JetError) -> ChecksumResult {
        var result = ChecksumResult(kind: .log, unit: "segment")
        let segment = LogStream.segmentSize
        let buffer = try storage(try PageBuffer(bytes: verifyChunk))
        defer { buffer.deallocate() }
        guard try file.read(into: buffer.pointer, count: segment, at: 0) == segment,
            let header = LogFileHeader.decode(buffer.pointer)
        else {
            result.problems.append("the log header does not verify")
            return result
        }
        if header.fileSize != file.size {
            result.problems.append("file size \(file.size), the header says \(header.fileSize)")
        }
        if file.size % Int64(segment) != 0 {
            result.problems.append("file size \(file.size) is not a whole number of \(segment)-byte segments")
        }
        let total = Int(min(file.size / Int64(segment), Int64(LogStream.maxSegments))) - 1
        result.checked = 0
        var index = 1
        let perChunk = verifyChunk / segment
        while index <= total {
            let n = min(perChunk, total - index + 1)
            let got = try file.read(into: buffer.pointer, count: n * segment, at: Int64(index) * Int64(segment))
            guard got == n * segment else { break }
            for i in 0..<n {
                switch LogStream.checkSegment(
                    UnsafeRawPointer(buffer.pointer + i * segment), index: index + i, generation: header.generation)
                {
                case .data: break
                case .empty: result.empty += 1
                case .bad:
                    let e = JetError.logReadVerifyFailure
                    result.bad.append((index + i, "checksum or segment header mismatch (\(e.symbol), \(e.rawValue))"))
                }
            }
            result.checked += n
            index += n
            progress(result.checked, total)
        }
        return result
    }
}

extension Inspect {
    /// The paths of the databases the checkpoint lists as attached.
    package static func attachedDatabases(checkpoint path: String) throws(JetError) -> [String] {
        try storage(try Checkpoint.read(path: FilePath(path)).attached.map(\.path))
    }

    /// A database's JET_dbstate, from whichever header copy is sound.
    package static func databaseState(path: String) throws(JetError) -> UInt32 {
        try databaseLayout(ReadOnlyFile(path)).header.state
    }
}

extension Inspect {
    /// The databases an instance's files say are attached: the checkpoint's list, then the create, attach and
    /// detach records of the current log `<logs><base>.log` (the ones a recovery replays).
    package static func databasesNamed(logFolder logs: String, systemFolder system: String, base: String) -> [String] {
        var paths = (try? attachedDatabases(checkpoint: system + base + ".chk")) ?? []
        if let file = try? ReadOnlyFile(logs + base + ".log"),
            let image = try? LogFileImage.read(file: file.file, expectedGeneration: nil),
            let scan = try? image.scan(strict: false)
        {
            for (record, _) in scan.records {
                switch record {
                case .createDatabase(_, let path, _), .attachDatabase(_, let path, _):
                    if !paths.contains(path) { paths.append(path) }
                case .detachDatabase(_, let path):
                    paths.removeAll { $0 == path }
                default: break
                }
            }
        }
        return paths
    }
}

extension Inspect {
    /// Where each database of a backup set was attached when it was backed up (its trailer's path; streams whose
    /// trailer records none are left out), for reporting what a restore brought back.
    package static func backupSetDatabases(path: String) throws(JetError) -> [String] {
        let folder = try setFolder(path)
        let names = try storage(try StorageIO.listFolder(FilePath(folder))).sorted()
        var paths: [String] = []
        for name in names {
            guard let file = try? ReadOnlyFile(folder + "/" + name), let layout = try? databaseLayout(file),
                let trailer = layout.trailer, !trailer.databasePath.isEmpty
            else { continue }
            paths.append(trailer.databasePath)
        }
        return paths
    }
}
