#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage

// The one log replay engine: soft recovery at JetInit and hard recovery after a restore both run it.
//
// Usage (package API):
//
//     let plan = ReplayPlan(
//         folders: [LogFolder(path: backupFolder, names: names), LogFolder(path: logFolder, names: names)],
//         firstGeneration: low, attached: [], hardRecovery: true, includeCurrentLog: true)
//     let outcome = try Replay.run(plan) { record, position throws(StorageFileError) in ... }
//     if let tail = outcome.currentLog, tail.needsCut { try Replay.cutTail(tail) }
//
// - `folders` are searched in order for each archived generation `<base>XXXXX.log`: a generation found in an
//   earlier folder (a backup folder) is read from there, the others from later ones (the instance's log folder).
//   `includeCurrentLog` ends the range with `<base>.log` of the LAST folder.
// - The range is `firstGeneration` up to `lastArchive` (nil: the highest archive found in any folder, or the
//   generation before the current log when it is read). A generation missing inside it → `.missingLogFile`.
// - Strict about damage: an archived log must be whole (every segment sound, records back to back, nothing after
//   the end) → else `.logFileCorrupt` (`.logCorruptDuringHardRecovery` when `hardRecovery`). The current log may
//   end in a torn tail, i.e. damage after the last point the log was synced (each segment records the last
//   synced segment); damage at or before that point is corruption too. Logs that do not follow each other (other
//   signature, `previousCreated` not the creation time of the generation before) → `.badLogSignature` /
//   `.invalidLogSequence`; an archive whose header names another generation → `.logGenerationMismatch`.
// - Read-only: `run` changes no file, so a failed replay leaves everything for a restore from backup.
//   `cutTail` is the only writer: it zeroes the torn segments of the current log; it is idempotent (a crash
//   during it, then another replay, finds the same records and cuts the same tail).
// - Restartable: replay applies nothing itself; the caller's `visit` and its use of `outcome` must be
//   idempotent (database header redo checks the header's state and signature before writing).

/// A folder holding log files, and how they are named.
package struct LogFolder: Equatable, Sendable {
    package var path: FilePath
    package var names: LogFileNames

    package init(path: FilePath, names: LogFileNames) {
        self.path = path
        self.names = names
    }

    var currentLogPath: FilePath { path.appending(names.currentLog) }
}

/// What to replay.
package struct ReplayPlan: Sendable {
    package var folders: [LogFolder]
    /// First generation to replay (the checkpoint's, or the backup's lowest), at least 1.
    package var firstGeneration: Int32
    /// Highest archived generation to replay; nil: see the file comment.
    package var lastArchive: Int32?
    /// The signature every log must carry; nil: the first log read sets it.
    package var signLog: Signature?
    /// Databases attached before `firstGeneration` (the checkpoint's list).
    package var attached: [LoggedDatabase]
    /// Damage is reported with the hard-recovery codes (restore from a backup set).
    package var hardRecovery: Bool
    /// Read `<base>.log` of the last folder after the archives (soft recovery, or a restore that replays on into
    /// the instance's current log).
    package var includeCurrentLog: Bool

    package init(
        folders: [LogFolder], firstGeneration: Int32, lastArchive: Int32? = nil, signLog: Signature? = nil,
        attached: [LoggedDatabase] = [], hardRecovery: Bool = false, includeCurrentLog: Bool = true
    ) {
        self.folders = folders
        self.firstGeneration = firstGeneration
        self.lastArchive = lastArchive
        self.signLog = signLog
        self.attached = attached
        self.hardRecovery = hardRecovery
        self.includeCurrentLog = includeCurrentLog
    }
}

/// What the current log held after a crash.
package struct CurrentLogTail: Sendable {
    package var path: FilePath
    package var generation: Int32
    package var created: LogTime
    /// Segments 1...dataSegments hold the recovered records; appends may continue at dataSegments + 1.
    package var dataSegments: Int
    /// Segments after `dataSegments` hold torn or unsynced bytes that `Replay.cutTail` zeroes.
    package var tornSegments: [Int]
    /// The file holds no record other than `.initialize` (a JetInit that failed after opening the log).
    package var onlyInitialize: Bool

    package var needsCut: Bool { !tornSegments.isEmpty }
}

/// What a replay found.
package struct ReplayOutcome: Sendable {
    package var signLog: Signature
    /// The last generation replayed (the current log's when it was read); firstGeneration - 1 when none was.
    package var lastGeneration: Int32
    /// `created` of the last generation replayed (`.none` when none was).
    package var lastCreated: LogTime
    /// Databases attached at the end of the range.
    package var attached: [LoggedDatabase]
    /// Every database a create, attach or detach record in the range names, latest record per path; the caller
    /// redoes their header effects (a database detached in the log must read clean).
    package var touched: [LoggedDatabase]
    /// The last record replayed is `.shutdown` (or no record was replayed).
    package var endedClean: Bool
    /// Records replayed.
    package var recordCount: Int
    /// Data segments of the last generation replayed.
    package var lastDataSegments: Int
    /// Set when the current log was read.
    package var currentLog: CurrentLogTail?
}

/// How far a replay has read, for a status callback: `start` gets the bytes of every log in the range, then `read`
/// each piece as it is read (pieces of at most half a percent of the whole, so a caller can report every percent).
package struct ReplayProgress {
    package var start: (_ totalBytes: Int64) -> Void
    package var read: (_ bytes: Int64) -> Void

    package init(start: @escaping (Int64) -> Void = { _ in }, read: @escaping (Int64) -> Void) {
        self.start = start
        self.read = read
    }

    /// Bytes per read: half a percent of `total`, in whole 512-byte units, at least one, at most 1 MiB.
    static func piece(of total: Int64) -> Int {
        Int(min(Int64(1 << 20), max(512, total / 200 / 512 * 512)))
    }
}

package enum Replay {
    /// Replays the plan's range, calling `visit` for every record in order. Changes no file.
    package static func run(
        _ plan: ReplayPlan, progress: ReplayProgress? = nil,
        visit: (LogRecord, LogPosition) throws(StorageFileError) -> Void = { _, _ in }
    ) throws(StorageFileError) -> ReplayOutcome {
        guard let last = plan.folders.last, plan.firstGeneration >= 1,
            plan.firstGeneration <= LogStream.maxGeneration
        else { throw .invalidArgument }
        // Every archive in every folder, the first folder that has a generation winning.
        var archives: [Int32: FilePath] = [:]
        for folder in plan.folders {
            for (generation, name) in try scanArchives(folder) where archives[generation] == nil {
                archives[generation] = folder.path.appending(name)
            }
        }
        // The current log's header first: it fixes the range, whose size the progress needs before any read.
        var currentHeader: LogFileHeader?
        if plan.includeCurrentLog {
            currentHeader = try LogFileImage.header(path: last.currentLogPath)
        }
        let end: Int32  // last archived generation to replay
        if let currentHeader {
            end = currentHeader.generation - 1
            if let lastArchive = plan.lastArchive, lastArchive != end { throw .logSequenceBroken }
        } else if let lastArchive = plan.lastArchive {
            end = lastArchive
        } else {
            end = archives.keys.max() ?? (plan.firstGeneration - 1)
        }
        guard end >= plan.firstGeneration - 1 else { throw .logSequenceBroken }
        var piece = Int.max
        if let progress {
            var total: Int64 = 0
            if plan.includeCurrentLog { total &+= try StorageIO.size(last.currentLogPath) }
            var g = plan.firstGeneration
            while g <= end {
                if let path = archives[g] { total &+= try StorageIO.size(path) }
                g += 1
            }
            progress.start(total)
            piece = ReplayProgress.piece(of: total)
        }
        let reading = progress.map { p in (piece: piece, read: p.read) }
        var outcome = ReplayOutcome(
            signLog: plan.signLog ?? .none, lastGeneration: plan.firstGeneration - 1, lastCreated: .none,
            attached: plan.attached, touched: [], endedClean: true, recordCount: 0, lastDataSegments: 0,
            currentLog: nil)
        var lastRecord: LogRecord?
        var previousCreated: LogTime?
        func replayImage(_ image: LogFileImage, _ scan: LogFileImage.Scan) throws(StorageFileError) {
            let records = scan.records
            if outcome.signLog.isNone { outcome.signLog = image.header.signLog }
            guard image.header.signLog == outcome.signLog else { throw .logSignatureMismatch }
            if let previousCreated {
                guard image.header.previousCreated == previousCreated else { throw .logSequenceBroken }
                // The archive before this one ended where this header says it did, or it lost its end.
                guard Int(image.header.previousDataSegments) == outcome.lastDataSegments else { throw .logDamaged }
            }
            for (record, position) in records {
                try visit(record, position)
                apply(record, to: &outcome)
                lastRecord = record
            }
            outcome.recordCount += records.count
            previousCreated = image.header.created
            outcome.lastCreated = image.header.created
            outcome.lastGeneration = image.header.generation
            outcome.lastDataSegments = scan.dataSegments
        }
        var generation = plan.firstGeneration
        while generation <= end {
            guard let path = archives[generation] else { throw .logMissing(generation: generation) }
            let image = try LogFileImage.open(
                path: path, expectedGeneration: generation, progress: reading)
            try replayImage(image, try image.scan(strict: true))
            generation += 1
        }
        if let currentHeader {
            let current = try LogFileImage.open(
                path: last.currentLogPath, expectedGeneration: currentHeader.generation, progress: reading)
            let scan = try current.scan(strict: false)
            try replayImage(current, scan)
            outcome.currentLog = CurrentLogTail(
                path: last.currentLogPath, generation: current.header.generation, created: current.header.created,
                dataSegments: scan.dataSegments, tornSegments: scan.tornSegments,
                onlyInitialize: scan.records.allSatisfy { $0.0 == .initialize })
        }
        outcome.endedClean = lastRecord == nil || lastRecord == .shutdown
        return outcome
    }

    /// Zeroes the torn segments of the current log and syncs it. Idempotent: a crash in the middle leaves a file
    /// that replays to the same records and the same (possibly shorter) list of segments to zero.
    package static func cutTail(_ tail: CurrentLogTail) throws(StorageFileError) {
        guard tail.needsCut else { return }
        let zero = try PageBuffer(bytes: LogStream.segmentSize)
        defer { zero.deallocate() }
        try StorageIO.run { () throws(SystemCallError) in
            let fd = try SystemCalls.open(tail.path, .readWrite)
            defer { SystemCalls.close(fd) }
            for index in tail.tornSegments {
                try SystemCalls.pwrite(
                    fd, zero.pointer, LogStream.segmentSize, Int64(index) * Int64(LogStream.segmentSize))
            }
            try SystemCalls.fdatasync(fd)
        }
    }

    /// Archived generations in `folder` → file names. A read error of the folder is an error, not an empty folder.
    static func scanArchives(_ folder: LogFolder) throws(StorageFileError) -> [Int32: String] {
        let listed = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.listDirectory(folder.path) }
        var found: [Int32: String] = [:]
        for name in listed {
            guard let g = try folder.names.scannedGeneration(name) else { continue }
            // Two spellings of one generation: keep the canonical one, which is the one this library writes.
            if found[g] == nil || name == folder.names.archived(g) { found[g] = name }
        }
        return found
    }

    /// Attach bookkeeping of one record.
    static func apply(_ record: LogRecord, to attached: inout [LoggedDatabase]) {
        switch record {
        case .createDatabase(let dbid, let path, let signDb), .attachDatabase(let dbid, let path, let signDb):
            attached.removeAll { $0.dbid == dbid }
            attached.append(LoggedDatabase(dbid: dbid, path: path, signDb: signDb))
        case .detachDatabase(let dbid, _):
            attached.removeAll { $0.dbid == dbid }
        default:
            break
        }
    }

    private static func apply(_ record: LogRecord, to outcome: inout ReplayOutcome) {
        switch record {
        case .createDatabase(let dbid, let path, let signDb), .attachDatabase(let dbid, let path, let signDb):
            outcome.touched.removeAll { $0.path == path }
            outcome.touched.append(LoggedDatabase(dbid: dbid, path: path, signDb: signDb))
        case .detachDatabase(let dbid, let path):
            // The detach names the path; the signature is the one of the attach before it, if replayed.
            if let known = outcome.attached.first(where: { $0.dbid == dbid }) ?? outcome.touched.last(where: {
                $0.path == path
            }) {
                outcome.touched.removeAll { $0.path == path }
                outcome.touched.append(LoggedDatabase(dbid: dbid, path: path, signDb: known.signDb))
            }
        default:
            break
        }
        apply(record, to: &outcome.attached)
    }
}

/// A whole log file in memory, for replay (not a hot path).
final class LogFileImage {
    let header: LogFileHeader
    let buffer: PageBuffer
    let size: Int

    private init(header: LogFileHeader, buffer: PageBuffer, size: Int) {
        self.header = header
        self.buffer = buffer
        self.size = size
    }

    deinit { buffer.deallocate() }

    /// Reads `path` and checks the header. A file that is not a sound log → `corrupt`; of another generation than
    /// expected → `.logGenerationMismatch`.
    /// `progress`: read in pieces of that many bytes, each reported once read.
    static func open(
        path: FilePath, expectedGeneration: Int32?,
        progress: (piece: Int, read: (Int64) -> Void)? = nil
    ) throws(StorageFileError) -> LogFileImage {
        try read(file: try StorageFile.openForReading(path), expectedGeneration: expectedGeneration, progress: progress)
    }

    /// The header of the log at `path`, checked as `open` checks it, reading only its first segment.
    static func header(path: FilePath) throws(StorageFileError) -> LogFileHeader {
        let fd = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(path, .readOnly) }
        defer { SystemCalls.close(fd) }
        let size = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fileSize(fd) }
        let segment = LogStream.segmentSize
        guard size >= 2 * Int64(segment), size % Int64(segment) == 0,
            size <= Int64(LogStream.maxSegments) * Int64(segment)
        else { throw .logDamaged }
        let buffer = try PageBuffer(bytes: segment)
        defer { buffer.deallocate() }
        let got = try StorageIO.run { () throws(SystemCallError) in
            try SystemCalls.pread(fd, buffer.pointer, segment, 0)
        }
        guard got == segment, let header = LogFileHeader.decode(buffer.pointer), header.fileSize == size else {
            throw .logDamaged
        }
        return header
    }

    /// The same for a file already open.
    static func read(
        file: StorageFile, expectedGeneration: Int32?,
        progress: (piece: Int, read: (Int64) -> Void)? = nil
    ) throws(StorageFileError) -> LogFileImage {
        let size64 = try file.size()
        let segment = Int64(LogStream.segmentSize)
        guard size64 >= 2 * segment, size64 % segment == 0, size64 <= Int64(LogStream.maxSegments) * segment else {
            throw .logDamaged
        }
        let size = Int(size64)
        let buffer = try PageBuffer(bytes: size)
        do throws(StorageFileError) {
            var got = 0
            let piece = progress?.piece ?? size
            while got < size {
                let count = min(piece, size - got)
                let n = try file.read(into: buffer.pointer + got, count: count, at: Int64(got))
                guard n > 0 else { break }
                got += n
                progress?.read(Int64(n))
            }
            guard got == size, let header = LogFileHeader.decode(buffer.pointer), header.fileSize == size64 else {
                throw .logDamaged
            }
            if let expectedGeneration, header.generation != expectedGeneration { throw .logGenerationMismatch }
            return LogFileImage(header: header, buffer: buffer, size: size)
        } catch {
            buffer.deallocate()
            throw error
        }
    }

    struct Scan {
        var records: [(LogRecord, LogPosition)]
        /// Segments 1...dataSegments hold `records`.
        var dataSegments: Int
        /// Non-empty segments after them (current log only): a torn tail to zero.
        var tornSegments: [Int]
    }

    /// The records of the file.
    ///
    /// Strict (an archived log): sound data segments, then only never-written ones, records back to back up to
    /// the end of the last data segment; anything else → `corrupt`.
    /// Not strict (the current log after a crash): the records are those of the longest run of sound segments from
    /// segment 1 that ends on a record boundary. Every segment up to the last synced one (the highest
    /// `syncedThrough` any sound segment names) must be in that run, else → `corrupt`; later segments are a torn
    /// tail. A sound segment holding a record that fails its checksum is corruption either way.
    func scan(strict: Bool) throws(StorageFileError) -> Scan {
        let segments = size / LogStream.segmentSize
        var states: [LogStream.SegmentState] = []
        states.reserveCapacity(segments)
        states.append(.empty)  // index 0 is the header
        var syncedThrough = 0
        for index in 1..<segments {
            let p = UnsafeRawPointer(buffer.pointer + index * LogStream.segmentSize)
            let state = LogStream.checkSegment(p, index: index, generation: header.generation)
            if case .data = state {
                syncedThrough = max(syncedThrough, LogStream.syncedThrough(p))
            }
            states.append(state)
        }
        // The leading run of sound segments.
        var run = 0
        while run + 1 < segments, case .data = states[run + 1] { run += 1 }
        if strict {
            for index in (run + 1)..<max(run + 1, segments) where states[index] != .empty { throw .logDamaged }
        }
        // Records over the run, with each segment's end offset in the stream.
        var stream: [UInt8] = []
        var segmentEnds: [Int] = [0]
        var positions: [(segment: Int, ib: Int)] = []  // where each stream byte's segment starts, per segment
        for index in stride(from: 1, through: run, by: 1) {
            guard case .data(let used) = states[index] else { break }
            positions.append((index, stream.count))
            let p = UnsafeRawPointer(buffer.pointer + index * LogStream.segmentSize)
            stream.append(contentsOf: UnsafeRawBufferPointer(start: p + LogStream.SegmentOffset.data, count: used))
            segmentEnds.append(stream.count)
        }
        var records: [(LogRecord, LogPosition)] = []
        var recordEnds: [Int] = []
        var boundaries: Set<Int> = [0]
        var offset = 0
        var damagedRecord = false
        stream.withUnsafeBytes { b in
            guard let base = b.baseAddress else { return }
            var segmentCursor = 0
            while offset < b.count {
                switch LogRecord.decode(base + offset, available: b.count - offset) {
                case .record(let record, let size):
                    while segmentCursor + 1 < positions.count && positions[segmentCursor + 1].ib <= offset {
                        segmentCursor += 1
                    }
                    let segment = positions[segmentCursor]
                    let position = LogPosition(
                        ib: UInt16(truncatingIfNeeded: LogStream.segmentHeaderSize + offset - segment.ib),
                        isec: UInt16(truncatingIfNeeded: segment.segment), generation: header.generation)
                    records.append((record, position))
                    offset += size
                    recordEnds.append(offset)
                    boundaries.insert(offset)
                case .incomplete:
                    return
                case .corrupt:
                    damagedRecord = true
                    return
                }
            }
        }
        if damagedRecord { throw .logDamaged }
        if strict {
            guard offset == stream.count else { throw .logDamaged }
            return Scan(records: records, dataSegments: run, tornSegments: [])
        }
        // The longest run that ends on a record boundary.
        var kept = run
        while kept > 0 && !boundaries.contains(segmentEnds[kept]) { kept -= 1 }
        guard kept >= syncedThrough else { throw .logDamaged }
        let end = segmentEnds[kept]
        while let lastEnd = recordEnds.last, lastEnd > end {
            records.removeLast()
            recordEnds.removeLast()
        }
        var torn: [Int] = []
        for index in (kept + 1)..<max(kept + 1, segments) where states[index] != .empty { torn.append(index) }
        return Scan(records: records, dataSegments: kept, tornSegments: torn)
    }
}
