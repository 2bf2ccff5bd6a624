#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage

/// The header segment (first 4096 bytes) of a log file.
package struct LogFileHeader: Equatable, Sendable {
    /// "LOGH" when read with xxd.
    static let magic: UInt32 = 0x4847_4F4C
    static let formatVersion: UInt32 = 1

    enum Offset {
        static let checksum = 0  // UInt64 over bytes 8..<4096, seed Checksum.logHeaderSeed
        static let magic = 8  // UInt32 "LOGH"
        static let formatVersion = 12  // UInt32
        static let generation = 16  // Int32
        static let segmentSize = 20  // UInt32, 4096
        static let fileSize = 24  // UInt64: the file's size in bytes
        static let created = 32  // LogTime
        static let previousCreated = 40  // LogTime: `created` of generation - 1 (none for a new stream)
        static let signLog = 48  // Signature
        // UInt32: data segments of generation - 1 when it was archived. Replay checks the archive against it, so an
        // archive that lost its last segments (zeroed, truncated) is damage, not a shorter log.
        static let previousDataSegments = 76
        static let fileType = 667  // UInt8 3 = JET_filetypeLog
    }

    var generation: Int32
    var signLog: Signature
    var fileSize: Int64
    var created: LogTime
    var previousCreated: LogTime
    var previousDataSegments: UInt32 = 0

    func encode(into p: UnsafeMutableRawPointer) {
        p.initializeMemory(as: UInt8.self, repeating: 0, count: LogStream.segmentSize)
        p.diskStore(Self.magic, at: Offset.magic)
        p.diskStore(Self.formatVersion, at: Offset.formatVersion)
        p.diskStore(generation, at: Offset.generation)
        p.diskStore(UInt32(LogStream.segmentSize), at: Offset.segmentSize)
        p.diskStore(UInt64(bitPattern: fileSize), at: Offset.fileSize)
        created.encode(into: p + Offset.created)
        previousCreated.encode(into: p + Offset.previousCreated)
        signLog.encode(into: p + Offset.signLog)
        p.diskStore(previousDataSegments, at: Offset.previousDataSegments)
        p.diskStore(FileType.log.rawValue, at: Offset.fileType)
        p.diskStore(
            Checksum.page(p, count: LogStream.segmentSize, seed: Checksum.logHeaderSeed), at: Offset.checksum)
    }

    /// The header in the 4096 bytes at `p`, or nil when they are not a sound log header (a generation outside
    /// 1...LogStream.maxGeneration included, whatever its checksum says). No allocation.
    static func decode(_ p: UnsafeRawPointer) -> LogFileHeader? {
        let generation = p.diskLoad(Offset.generation, as: Int32.self)
        guard generation >= 1, generation <= LogStream.maxGeneration,
            p.diskLoad(Offset.magic, as: UInt32.self) == magic,
            p.diskLoad(Offset.fileType, as: UInt8.self) == FileType.log.rawValue,
            p.diskLoad(Offset.segmentSize, as: UInt32.self) == UInt32(LogStream.segmentSize),
            p.diskLoad(Offset.checksum, as: UInt64.self)
                == Checksum.page(p, count: LogStream.segmentSize, seed: Checksum.logHeaderSeed)
        else { return nil }
        return LogFileHeader(
            generation: generation,
            signLog: Signature(decoding: p + Offset.signLog),
            fileSize: Int64(bitPattern: p.diskLoad(Offset.fileSize, as: UInt64.self)),
            created: LogTime(decoding: p + Offset.created),
            previousCreated: LogTime(decoding: p + Offset.previousCreated),
            previousDataSegments: p.diskLoad(Offset.previousDataSegments, as: UInt32.self))
    }
}

/// The log: a stream of records in files of fixed size, one current file `<base>.log` and archived generations
/// `<base>XXXXX.log`, with the checkpoint `<base>.chk` (layouts in docs/file-formats.md). The names
/// are those of JET_paramLegacyFileNames (`LogFileNames`); the ones above are its default.
///
/// Not thread-safe: the owner serializes every call (the instance lock). `verifyLogBytes` is static and pure.
package final class LogStream: @unchecked Sendable {
    static let segmentSize = 4096
    /// Segment header: checksum, generation, index, bytes used, last synced segment.
    static let segmentHeaderSize = 24
    static let segmentCapacity = segmentSize - segmentHeaderSize
    /// ESE's lGenerationMax.
    static let maxGeneration: Int32 = 0x7FFF_F800
    /// Segment indexes are stored as UInt16 in a LogPosition, so a file has at most this many segments.
    static let maxSegments = 65536

    enum SegmentOffset {
        static let checksum = 0  // UInt64 over bytes 8..<4096, seed from generation and index
        static let generation = 8  // Int32
        static let index = 12  // UInt32: the segment's place in its file (1, 2, ...)
        static let used = 16  // UInt32: record bytes in this segment, 1...4072
        // UInt32: the highest segment index of this file that was durable (synced) when this segment was written;
        // less than `index`. Replay uses it to tell a torn tail from damage to records already acknowledged.
        static let syncedThrough = 20
        static let data = 24
    }

    /// What replay found when the stream was opened.
    package struct Recovery {
        /// The stream ended with a clean term (its last record is `.shutdown`), or it is new.
        var wasClean: Bool
        /// Databases attached (created or attached, not detached since) when the stream ended. The caller makes each
        /// consistent and should then append `.detachDatabase` for it, so the next replay no longer lists it.
        var attachedAtEnd: [(dbid: UInt32, path: String, signDb: Signature)]
        /// Databases a replayed create, attach or detach record names and that are detached at the end: their
        /// headers must read clean (the crash may have come between the detach record and the header write).
        var detachedInReplay: [LoggedDatabase] = []
    }

    let logDirectory: FilePath
    let systemDirectory: FilePath
    let names: LogFileNames
    /// Size of every log file this stream creates.
    let fileSize: Int

    private(set) var signature: Signature
    private(set) var currentGeneration: Int32
    private(set) var checkpointGeneration: Int32
    /// The databases attached now, as the records appended and replayed say.
    private(set) var attachedDatabases: [LoggedDatabase]

    private var fd: FileDescriptor?
    private var currentCreated: LogTime = .none
    /// The segment being filled; written out when full and at every flush.
    private let segment: PageBuffer
    private var segmentIndex = 1
    private var segmentUsed = 0
    private var segmentDirty = false
    private var needsSync = false
    /// Highest segment index written so far, and the highest one known durable (written before the last sync).
    private var lastWrittenSegment = 0
    private var lastSyncedSegment = 0
    /// Segments below this index of the current file have disk blocks (written, or zero-filled ahead). A new log
    /// file is sparse; writing into a hole makes fdatasync commit the allocation (a journal commit on ext4) on top
    /// of the data, so `writeSegment` fills the hole ahead with zeros once per `zeroFillBytes`: the fdatasync of
    /// most flushes then finds no metadata to write. Zero segments read as "never written", so this changes no
    /// record and no crash outcome.
    private var allocatedSegments = 1
    /// Zeros for `allocateAhead`, made at its first use.
    private var zeros: PageBuffer?
    static let zeroFillBytes = 1 << 20
    private var scratch: PageBuffer
    /// Set by a failed write: from then on the log refuses records, as ESE's does after a log write failure.
    private var failure: StorageFileError?
    /// Names found by the last directory scan, for archives not spelled the canonical way.
    private var archiveNames: [Int32: String] = [:]
    /// JET_paramCircularLog: after each roll, archives the checkpoint no longer needs are deleted...
    var circular = false
    /// ...except those from this generation on, which a running backup still has to copy.
    var pinnedGeneration: Int32?
    /// The oldest generation holding the image of a database page not yet written to its file (the storage
    /// engine's): the checkpoint never moves past it, so replay starts early enough to redo that page.
    var checkpointFloor: Int32?

    var currentLogPath: FilePath { logDirectory.appending(names.currentLog) }
    var temporaryLogPath: FilePath { logDirectory.appending(names.temporaryLog) }
    var checkpointPath: FilePath { systemDirectory.appending(names.checkpoint) }
    var isOpen: Bool { fd != nil }

    private init(
        logDirectory: FilePath, systemDirectory: FilePath, names: LogFileNames, fileSize: Int, signature: Signature
    ) throws(StorageFileError) {
        self.logDirectory = logDirectory
        self.systemDirectory = systemDirectory
        self.names = names
        self.fileSize = fileSize
        self.signature = signature
        currentGeneration = 0
        checkpointGeneration = 0
        attachedDatabases = []
        segment = try PageBuffer(bytes: Self.segmentSize)
        do {
            scratch = try PageBuffer(bytes: Self.segmentSize)
        } catch {
            segment.deallocate()
            throw error
        }
    }

    deinit {
        if let fd { SystemCalls.close(fd) }
        segment.deallocate()
        scratch.deallocate()
        zeros?.deallocate()
    }

    // MARK: Names

    /// `path` (absolute) names one of this stream's files: the current or temporary log, an archived generation,
    /// or the checkpoint (also through a symlinked folder).
    func ownsFile(_ path: FilePath) -> Bool {
        guard let name = path.lastComponent?.string else { return false }
        let folder = path.removingLastComponent()
        let resolvedFolder = SystemCalls.realpath(folder)
        func inFolder(_ dir: FilePath) -> Bool {
            folder == dir || resolvedFolder == dir
                || resolvedFolder != nil && resolvedFolder == SystemCalls.realpath(dir)
        }
        if inFolder(logDirectory),
            name == names.currentLog || name == names.temporaryLog || names.parseArchived(name) != nil
        {
            return true
        }
        return inFolder(systemDirectory) && name == names.checkpoint
    }

    /// The path of archived generation `generation` (the name the last scan found, else the canonical one).
    func archivedPath(_ generation: Int32) -> FilePath {
        logDirectory.appending(archiveNames[generation] ?? names.archived(generation))
    }

    /// The archived generations in the log folder, ascending.
    func archivedGenerations() throws(StorageFileError) -> [Int32] {
        archiveNames = try Replay.scanArchives(LogFolder(path: logDirectory, names: names))
        return archiveNames.keys.sorted()
    }

    // MARK: Open and replay

    /// Opens the log in `logDirectory` (checkpoint in `systemDirectory`; both end in `/`), replays it from the
    /// checkpoint, then starts a new generation holding an `.initialize` record.
    ///
    /// An empty folder starts a new stream (new signature, generation 1). Errors: `.checkpointDamaged` (bad
    /// checkpoint, or one ahead of the log), `.checkpointSignatureMismatch`, `.logDamaged` (bad current log
    /// header, or damage inside an archived log), `.logSignatureMismatch`, `.logGenerationMismatch` (archive whose
    /// header says another generation), `.logMissing` (a generation between checkpoint and current log is
    /// missing, or no log at all beside a checkpoint), `.logSequenceBroken` (logs that do not follow each other),
    /// `.invalidArgument` (sizes, base name). Without JET_bitEightDotThreeSoftCompat, a 5-digit archive name in
    /// the log folder gives `.logGenerationMismatch`.
    /// `progress` hears how far the replay has read (JetInit3's status callback). `pageTarget` says where the
    /// committed page images replayed go (`PageRedo`); nil redoes none.
    package static func open(
        logDirectory: FilePath, systemDirectory: FilePath, names: LogFileNames, fileSize: Int,
        progress: ReplayProgress? = nil, pageTarget: ((LoggedDatabase) -> FilePath?)? = nil
    ) throws(StorageFileError) -> (LogStream, Recovery) {
        guard fileSize % segmentSize == 0, fileSize >= 2 * segmentSize, fileSize / segmentSize <= maxSegments,
            !names.base.isEmpty, !names.base.contains("/")
        else { throw .invalidArgument }
        let logDir = logDirectory
        let systemDir = systemDirectory
        let stream = try LogStream(
            logDirectory: logDir, systemDirectory: systemDir, names: names, fileSize: fileSize,
            signature: .none)
        let listed = try StorageIO.listFolder(logDir)
        // Scanned first, so a name error leaves the folder as it was.
        stream.archiveNames = try Replay.scanArchives(LogFolder(path: logDir, names: names))
        if listed.contains(names.temporaryLog) {
            // A roll that crashed before its rename: the file never held records.
            try StorageIO.run { () throws(SystemCallError) in try SystemCalls.unlink(stream.temporaryLogPath) }
        }
        let hasCheckpoint = try StorageIO.exists(stream.checkpointPath)
        let recovery: Recovery
        var continuing = false
        if !listed.contains(names.currentLog) && stream.archiveNames.isEmpty {
            // A checkpoint with no log at all: the logs are lost or in another folder; starting a new stream here
            // would hide that (ESE's JET_errMissingLogFile).
            if hasCheckpoint { throw .logMissing(generation: nil) }
            stream.signature = .make()
            recovery = Recovery(wasClean: true, attachedAtEnd: [])
        } else {
            (recovery, continuing) = try stream.replay(
                hasCurrent: listed.contains(names.currentLog), hasCheckpoint: hasCheckpoint, progress: progress,
                pageTarget: pageTarget)
        }
        if !continuing {
            try stream.guarded { () throws(StorageFileError) in try stream.advance() }
            _ = try stream.append(.initialize, flush: true)
        }
        return (stream, recovery)
    }

    /// After a restore's hard recovery, as ESE leaves the instance: its log goes on with the set's signature in a new
    /// generation after the last one replayed, and the checkpoint in the system folder points at it with no
    /// database attached (every restored database is consistent and detached). `replayed` is the instance's
    /// current log when the replay read it (roll-forward): its torn tail is cut and it is archived first.
    static func continueAfterRestore(
        logDirectory: FilePath, systemDirectory: FilePath, names: LogFileNames, fileSize: Int, signLog: Signature,
        last: (generation: Int32, created: LogTime, dataSegments: Int), replayed: CurrentLogTail?
    ) throws(StorageFileError) {
        guard fileSize % segmentSize == 0, fileSize >= 2 * segmentSize, fileSize / segmentSize <= maxSegments
        else { throw .invalidArgument }
        let stream = try LogStream(
            logDirectory: logDirectory, systemDirectory: systemDirectory,
            names: names, fileSize: fileSize, signature: signLog)
        stream.currentGeneration = last.generation
        stream.currentCreated = last.created
        stream.lastWrittenSegment = last.dataSegments
        if let replayed {
            try Replay.cutTail(replayed)
            stream.fd = try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.open(replayed.path, .readWrite)
            }
            stream.lastSyncedSegment = replayed.dataSegments
        }
        try stream.guarded { () throws(StorageFileError) in try stream.advance() }
        try stream.close(clean: true)
    }

    /// Validates and replays checkpoint → end (the replay engine). Leaves `fd` on the current log (if any), ready
    /// to be archived, or ready to take more records when it holds nothing but `.initialize` (returns true then: a
    /// JetInit that failed after opening the log; continuing it keeps failed JetInits from adding generations).
    private func replay(
        hasCurrent: Bool, hasCheckpoint: Bool, progress: ReplayProgress?, pageTarget: ((LoggedDatabase) -> FilePath?)?
    ) throws(StorageFileError) -> (Recovery, Bool)
    {
        let folder = LogFolder(path: logDirectory, names: names)
        var checkpoint: Checkpoint?
        if hasCheckpoint { checkpoint = try Checkpoint.read(path: checkpointPath) }
        var currentHeader: LogFileHeader?
        if hasCurrent {
            currentHeader = try LogFileImage.open(path: currentLogPath, expectedGeneration: nil).header
        }
        if let checkpoint, let currentHeader, checkpoint.signLog != currentHeader.signLog {
            throw .checkpointSignatureMismatch
        }
        let end: Int32 = currentHeader?.generation ?? ((archiveNames.keys.max() ?? 0) + 1)
        var start: Int32
        if let checkpoint {
            start = checkpoint.generation
            guard start >= 1, start <= end else { throw .checkpointDamaged }
        } else {
            // No checkpoint: replay the unbroken run of archives that ends at the current log.
            start = end
            while start > 1, archiveNames[start - 1] != nil { start -= 1 }
        }
        var plan = ReplayPlan(
            folders: [folder], firstGeneration: start, signLog: checkpoint?.signLog ?? currentHeader?.signLog,
            attached: checkpoint?.attached ?? [], includeCurrentLog: hasCurrent)
        let nothingToReplay = !hasCurrent && start == end
        if !hasCurrent {
            plan.lastArchive = end - 1
            if nothingToReplay {
                // Checkpoint at the generation after the last archive: nothing to replay, but the stream goes on
                // from that archive, which must be sound.
                plan.firstGeneration = max(1, end - 1)
                plan.attached = []
            }
        }
        let redo = pageTarget.map { PageRedo(attached: plan.attached, target: $0) }
        let outcome = try Replay.run(plan, progress: progress) { (record, _) throws(StorageFileError) in
            try redo?.visit(record)
        }
        try redo?.finish()
        signature = outcome.signLog.isNone ? .make() : outcome.signLog
        let attached = nothingToReplay ? (checkpoint?.attached ?? []) : outcome.attached
        attachedDatabases = attached
        currentGeneration = outcome.lastGeneration
        currentCreated = outcome.lastCreated
        checkpointGeneration = checkpoint?.generation ?? start
        let attachedPaths = Set(attached.map(\.path))
        var recovery = Recovery(
            wasClean: nothingToReplay || outcome.endedClean,
            attachedAtEnd: attached.map { (dbid: $0.dbid, path: $0.path, signDb: $0.signDb) })
        recovery.detachedInReplay = nothingToReplay ? [] : outcome.touched.filter { !attachedPaths.contains($0.path) }
        lastWrittenSegment = outcome.lastDataSegments
        guard let tail = outcome.currentLog else { return (recovery, false) }
        try Replay.cutTail(tail)
        fd = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(currentLogPath, .readWrite) }
        lastWrittenSegment = tail.dataSegments
        lastSyncedSegment = tail.dataSegments
        guard tail.onlyInitialize, tail.dataSegments + 1 < fileSize / Self.segmentSize else {
            return (recovery, false)
        }
        segmentIndex = tail.dataSegments + 1
        allocatedSegments = segmentIndex
        segmentUsed = 0
        segmentDirty = false
        needsSync = false
        segment.pointer.initializeMemory(as: UInt8.self, repeating: 0, count: Self.segmentSize)
        return (recovery, true)
    }

    // MARK: Writing

    /// Appends a record; starts a new generation first when it does not fit in the current file. `flush` makes it
    /// durable (fdatasync) before returning. Returns the record's position.
    @discardableResult
    package func append(_ record: LogRecord, flush: Bool) throws(StorageFileError) -> LogPosition {
        if let failure { throw failure }
        guard fd != nil else { throw .logWriteFailed }
        let size = try record.encodedSize()
        let segments = fileSize / Self.segmentSize
        guard size <= (segments - 1) * Self.segmentCapacity else { throw .invalidArgument }
        let remaining = (segments - segmentIndex) * Self.segmentCapacity - segmentUsed
        if size > remaining { try guarded { () throws(StorageFileError) in try advance() } }
        if scratch.count < size {
            let bigger = try PageBuffer(bytes: (size + 4095) & ~4095)
            scratch.deallocate()
            scratch = bigger
        }
        try record.encode(into: scratch.pointer)
        let position = LogPosition(
            ib: UInt16(Self.segmentHeaderSize + segmentUsed), isec: UInt16(segmentIndex),
            generation: currentGeneration)
        try guarded { () throws(StorageFileError) in
            var copied = 0
            while copied < size {
                let n = min(Self.segmentCapacity - segmentUsed, size - copied)
                (segment.pointer + Self.segmentHeaderSize + segmentUsed).copyMemory(
                    from: scratch.pointer + copied, byteCount: n)
                segmentUsed += n
                segmentDirty = true
                copied += n
                if segmentUsed == Self.segmentCapacity {
                    try writeSegment()
                    startNextSegment()
                }
            }
        }
        Replay.apply(record, to: &attachedDatabases)
        if flush { try self.flush() }
        return position
    }

    /// Writes out the partly filled segment, syncs the file, and seals that segment: later records go to the next
    /// one. A segment holding acknowledged records is never written again, so a torn write can only damage the
    /// records of the flush in progress (append-only segments; the rest of a sealed segment stays unused).
    package func flush() throws(StorageFileError) {
        if let failure { throw failure }
        guard fd != nil else { return }
        try guarded { () throws(StorageFileError) in
            let sealing = segmentDirty && segmentUsed > 0
            if sealing { try writeSegment() }
            try syncWritten()
            if sealing { startNextSegment() }
        }
    }

    /// Flushes and fsyncs the current log (data and metadata), for an OS snapshot's freeze. The checkpoint and the
    /// archives are durable already: every roll syncs them.
    func sync() throws(StorageFileError) {
        try flush()
        guard let fd else { return }
        try logIO { () throws(SystemCallError) in try SystemCalls.fsync(fd) }
    }

    private func syncWritten() throws(StorageFileError) {
        guard needsSync, let fd else { return }
        try logIO { () throws(SystemCallError) in try SystemCalls.fdatasync(fd) }
        needsSync = false
        lastSyncedSegment = lastWrittenSegment
    }

    private func startNextSegment() {
        segmentIndex += 1
        segmentUsed = 0
        segmentDirty = false
        segment.pointer.initializeMemory(as: UInt8.self, repeating: 0, count: Self.segmentSize)
    }

    /// Closes the current generation and starts the next: flush, rename `<base>.log` to its archive name, create
    /// `<base>tmp.log` with its header, sync, rename it to `<base>.log`, sync the folder, move the checkpoint to the
    /// new generation (durably).
    func roll() throws(StorageFileError) {
        if let failure { throw failure }
        guard fd != nil else { throw .logWriteFailed }
        try guarded { () throws(StorageFileError) in try advance() }
    }

    /// Clean: append `.shutdown`, flush, write the checkpoint, close. Not clean: just close the file, losing what
    /// was not flushed, as a crash would (JET_bitTermDirty).
    package func close(clean: Bool) throws(StorageFileError) {
        guard let open = fd else { return }
        defer {
            SystemCalls.close(open)
            fd = nil
        }
        if clean {
            _ = try append(.shutdown, flush: true)
            try writeCheckpoint()
        }
    }

    /// Runs `body`; a failure poisons the stream (later appends fail with `.logWriteFailed`).
    private func guarded(_ body: () throws(StorageFileError) -> Void) throws(StorageFileError) {
        do {
            try body()
        } catch {
            failure = .logWriteFailed
            throw error
        }
    }

    /// System calls on log files: a full disk is `.logDiskFull` (ESE's JET_errLogDiskFull), a failed write or sync
    /// `.logWriteFailed`, any other failure the call's.
    private func logIO<T>(_ body: () throws(SystemCallError) -> T) throws(StorageFileError) -> T {
        do {
            return try body()
        } catch {
            if error.errno == .noSpace || error.errno == .diskQuotaExceeded { throw .logDiskFull }
            if error.call == .pwrite || error.call == .fdatasync || error.call == .fsync { throw .logWriteFailed }
            throw .io(error)
        }
    }

    private func writeSegment() throws(StorageFileError) {
        let p = segment.pointer
        p.diskStore(currentGeneration, at: SegmentOffset.generation)
        p.diskStore(UInt32(segmentIndex), at: SegmentOffset.index)
        p.diskStore(UInt32(segmentUsed), at: SegmentOffset.used)
        p.diskStore(UInt32(lastSyncedSegment), at: SegmentOffset.syncedThrough)
        p.diskStore(
            Checksum.page(p, count: Self.segmentSize, seed: Self.segmentSeed(currentGeneration, segmentIndex)),
            at: SegmentOffset.checksum)
        let offset = Int64(segmentIndex) * Int64(Self.segmentSize)
        guard let fd else { throw .logWriteFailed }
        if segmentIndex >= allocatedSegments { try allocateAhead(fd) }
        try logIO { () throws(SystemCallError) in try SystemCalls.pwrite(fd, p, Self.segmentSize, offset) }
        segmentDirty = false
        needsSync = true
        lastWrittenSegment = max(lastWrittenSegment, segmentIndex)
    }

    /// Zero-fills the segments from `segmentIndex` (never written: appends only go forward) up to
    /// `zeroFillBytes` further or the end of the file, before the segment write that the same flush syncs.
    private func allocateAhead(_ fd: FileDescriptor) throws(StorageFileError) {
        let end = min(fileSize / Self.segmentSize, segmentIndex + Self.zeroFillBytes / Self.segmentSize)
        guard end > segmentIndex else { return }
        if zeros == nil { zeros = try PageBuffer(bytes: Self.zeroFillBytes) }
        guard let zeros else { throw .outOfMemory }
        let offset = Int64(segmentIndex) * Int64(Self.segmentSize)
        let count = (end - segmentIndex) * Self.segmentSize
        try logIO { () throws(SystemCallError) in try SystemCalls.pwrite(fd, zeros.pointer, count, offset) }
        allocatedSegments = end
    }

    /// Archives the open current log (if any), creates the next generation and moves the checkpoint to it.
    private func advance() throws(StorageFileError) {
        if fd != nil {
            if segmentDirty && segmentUsed > 0 { try writeSegment() }
            try syncWritten()
            let archive = archivedPath(currentGeneration)
            // Never replace an archive: that would destroy a generation a backup or replay may need.
            guard try !StorageIO.exists(archive) else { throw .logSequenceBroken }
            try logIO { () throws(SystemCallError) in try SystemCalls.rename(currentLogPath, archive) }
            archiveNames[currentGeneration] = archive.lastComponent?.string
        }
        let next = currentGeneration + 1
        guard next <= Self.maxGeneration else { throw .logSequenceEnd }
        let header = LogFileHeader(
            generation: next, signLog: signature, fileSize: Int64(fileSize), created: .now(),
            previousCreated: currentCreated, previousDataSegments: UInt32(lastWrittenSegment))
        let newFd = try createLogFile(header)
        if let fd { SystemCalls.close(fd) }
        fd = newFd
        currentGeneration = next
        currentCreated = header.created
        segmentIndex = 1
        allocatedSegments = 1
        segmentUsed = 0
        segmentDirty = false
        needsSync = false
        lastWrittenSegment = 0
        lastSyncedSegment = 0
        segment.pointer.initializeMemory(as: UInt8.self, repeating: 0, count: Self.segmentSize)
        try writeCheckpoint()
        discardUnneededArchives()
    }

    /// Deletes archived generation `generation` (JetTruncateLog). Already gone is fine; any other failure is an
    /// error, and the caller stops there.
    func deleteArchive(_ generation: Int32) throws(StorageFileError) {
        do throws(SystemCallError) {
            try SystemCalls.unlink(archivedPath(generation))
        } catch {
            if error.errno != .noSuchFileOrDirectory { throw .io(error) }
        }
        archiveNames[generation] = nil
    }

    /// Circular logging: deletes the archives below the checkpoint (and below a backup's pin). Replay never needs
    /// them: the checkpoint holds the databases attached before its generation. Best effort, as in ESE: an archive
    /// that cannot be deleted now is tried again after the next roll.
    func discardUnneededArchives() {
        guard circular else { return }
        let limit = min(checkpointGeneration, pinnedGeneration ?? checkpointGeneration)
        for generation in archiveNames.keys where generation < limit {
            do throws(SystemCallError) {
                try SystemCalls.unlink(archivedPath(generation))
                archiveNames[generation] = nil
            } catch {
                if error.errno == .noSuchFileOrDirectory { archiveNames[generation] = nil }
            }
        }
    }

    /// `<base>tmp.log` sized and headed, synced, renamed to `<base>.log`, folder synced. Returns its descriptor.
    private func createLogFile(_ header: LogFileHeader) throws(StorageFileError) -> FileDescriptor {
        let temp = temporaryLogPath
        let fd = try logIO { () throws(SystemCallError) in
            try SystemCalls.open(temp, .readWrite, options: [.create, .truncate])
        }
        do throws(StorageFileError) {
            header.encode(into: scratch.pointer)
            let p = scratch.pointer
            let size = Int64(fileSize)
            try logIO { () throws(SystemCallError) in
                // The tail stays sparse: zero segments are valid ("nothing written yet").
                try SystemCalls.ftruncate(fd, size)
                try SystemCalls.pwrite(fd, p, Self.segmentSize, 0)
                try SystemCalls.fsync(fd)
                try SystemCalls.rename(temp, currentLogPath)
                try SystemCalls.syncDirectory(logDirectory)
            }
        } catch {
            SystemCalls.close(fd)
            try? SystemCalls.unlink(temp)
            throw error
        }
        return fd
    }

    private func writeCheckpoint() throws(StorageFileError) {
        let generation = min(currentGeneration, max(checkpointFloor ?? currentGeneration, 1))
        try Checkpoint(generation: generation, signLog: signature, attached: attachedDatabases)
                .write(path: checkpointPath)
        checkpointGeneration = generation
    }

    /// Moves the checkpoint when the floor moved since it was written (pages written by the storage engine).
    func updateCheckpoint() throws(StorageFileError) {
        if let failure { throw failure }
        guard fd != nil else { return }
        let generation = min(currentGeneration, max(checkpointFloor ?? currentGeneration, 1))
        guard generation != checkpointGeneration else { return }
        try writeCheckpoint()
        discardUnneededArchives()
    }

    // MARK: Segments and backup verification

    static func segmentSeed(_ generation: Int32, _ index: Int) -> UInt64 {
        Checksum.logSegmentSeed
            ^ (UInt64(UInt32(bitPattern: generation)) << 32 | UInt64(UInt32(truncatingIfNeeded: index)))
    }

    /// The segment's `syncedThrough` field (meaningful for a segment `checkSegment` found sound).
    static func syncedThrough(_ p: UnsafeRawPointer) -> Int {
        Int(p.diskLoad(SegmentOffset.syncedThrough, as: UInt32.self))
    }

    enum SegmentState: Equatable {
        case data(used: Int)
        /// Never written (all zero).
        case empty
        case bad
    }

    /// Checks segment `index` (≥ 1) of a log of `generation` (nil: trust the generation the segment names).
    /// No allocation.
    static func checkSegment(_ p: UnsafeRawPointer, index: Int, generation: Int32?) -> SegmentState {
        let stored = p.diskLoad(SegmentOffset.generation, as: Int32.self)
        let g = generation ?? stored
        if p.diskLoad(SegmentOffset.checksum, as: UInt64.self)
            == Checksum.page(p, count: segmentSize, seed: segmentSeed(g, index))
        {
            let used = Int(p.diskLoad(SegmentOffset.used, as: UInt32.self))
            guard stored == g, Int(p.diskLoad(SegmentOffset.index, as: UInt32.self)) == index, used >= 1,
                used <= segmentCapacity, Int(p.diskLoad(SegmentOffset.syncedThrough, as: UInt32.self)) < index
            else { return .bad }
            return .data(used: used)
        }
        return Checksum.isAllZero(p, count: segmentSize) ? .empty : .bad
    }

    /// The order rule of an archived log over bytes read in sequence (after `verifyLogBytes` passed them): once a
    /// never-written data segment was seen (`pastEnd`), a segment with data is `.logCopyDamaged`.
    static func verifySegmentOrder(
        _ bytes: UnsafeRawPointer, count: Int, fileOffset: Int64, pastEnd: inout Bool
    ) -> StorageFileError? {
        var offset = 0
        while offset + segmentSize <= count {
            if fileOffset + Int64(offset) > 0 {
                if Checksum.isAllZero(bytes + offset, count: segmentSize) {
                    pastEnd = true
                } else if pastEnd {
                    return .logCopyDamaged
                }
            }
            offset += segmentSize
        }
        return nil
    }

    /// Verifies `count` bytes of a log file read for backup from `fileOffset`: the header segment when the range
    /// starts at 0 and every segment's checksum (zero segments pass). `expectedGeneration` nil takes the
    /// generation from the header (or each segment). Returns `.logCopyDamaged` on any mismatch, including
    /// a misaligned offset or a range ending inside a segment. No allocation.
    static func verifyLogBytes(_ bytes: UnsafeRawPointer, count: Int, fileOffset: Int64, expectedGeneration: Int32?)
        -> StorageFileError?
    {
        guard fileOffset >= 0, fileOffset % Int64(segmentSize) == 0, count >= 0, count % segmentSize == 0 else {
            return .logCopyDamaged
        }
        var generation = expectedGeneration
        var offset = 0
        while offset < count {
            let p = bytes + offset
            // Divided first so that no offset a caller passes can overflow.
            let index64 = fileOffset / Int64(segmentSize) + Int64(offset / segmentSize)
            guard index64 < Int64(maxSegments) else { return .logCopyDamaged }
            let index = Int(index64)
            if index == 0 {
                guard let header = LogFileHeader.decode(p) else { return .logCopyDamaged }
                if let generation, generation != header.generation { return .logCopyDamaged }
                generation = header.generation
            } else if checkSegment(p, index: index, generation: generation) == .bad {
                return .logCopyDamaged
            }
            offset += segmentSize
        }
        return nil
    }
}
