#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

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
        static let fileType = 667  // UInt8 3 = JET_filetypeLog
    }

    var generation: Int32
    var signLog: Signature
    var fileSize: Int64
    var created: LogTime
    var previousCreated: LogTime

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
        p.diskStore(FileType.log.rawValue, at: Offset.fileType)
        p.diskStore(
            Checksum.page(p, count: LogStream.segmentSize, seed: Checksum.logHeaderSeed), at: Offset.checksum)
    }

    /// The header in the 4096 bytes at `p`, or nil when they are not a sound log header. No allocation.
    static func decode(_ p: UnsafeRawPointer) -> LogFileHeader? {
        guard p.diskLoad(Offset.magic, as: UInt32.self) == magic,
            p.diskLoad(Offset.fileType, as: UInt8.self) == FileType.log.rawValue,
            p.diskLoad(Offset.segmentSize, as: UInt32.self) == UInt32(LogStream.segmentSize),
            p.diskLoad(Offset.checksum, as: UInt64.self)
                == Checksum.page(p, count: LogStream.segmentSize, seed: Checksum.logHeaderSeed)
        else { return nil }
        return LogFileHeader(
            generation: p.diskLoad(Offset.generation, as: Int32.self),
            signLog: Signature(decoding: p + Offset.signLog),
            fileSize: Int64(bitPattern: p.diskLoad(Offset.fileSize, as: UInt64.self)),
            created: LogTime(decoding: p + Offset.created),
            previousCreated: LogTime(decoding: p + Offset.previousCreated))
    }
}

/// The log: a stream of records in files of fixed size, one current file `<base>.log` and archived generations
/// `<base>XXXXX.log`, with the checkpoint `<base>.chk` (decisions 4; layouts in docs/file-formats.md). The names
/// are those of JET_paramLegacyFileNames (`LogFileNames`, semantics 10.1); the ones above are its default.
///
/// Not thread-safe: the owner serializes every call (the instance lock). `verifyLogBytes` is static and pure.
package final class LogStream: @unchecked Sendable {
    static let segmentSize = 4096
    /// Segment header: checksum, generation, index, bytes used, reserved.
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
        static let reserved = 20  // UInt32, 0
        static let data = 24
    }

    /// What replay found when the stream was opened.
    struct Recovery {
        /// The stream ended with a clean term (its last record is `.shutdown`), or it is new.
        var wasClean: Bool
        /// Databases attached (created or attached, not detached since) when the stream ended. The caller makes each
        /// consistent and should then append `.detachDatabase` for it, so the next replay no longer lists it.
        var attachedAtEnd: [(dbid: UInt32, path: String, signDb: Signature)]
    }

    let logDirectory: String
    let systemDirectory: String
    let names: LogFileNames
    /// Size of every log file this stream creates.
    let fileSize: Int

    private(set) var signature: Signature
    private(set) var currentGeneration: Int32
    private(set) var checkpointGeneration: Int32
    /// The databases attached now, as the records appended and replayed say.
    private(set) var attachedDatabases: [LoggedDatabase]

    private var fd: Int32 = -1
    private var currentCreated: LogTime = .none
    /// The segment being filled; written out when full and at every flush.
    private let segment: PageBuffer
    private var segmentIndex = 1
    private var segmentUsed = 0
    private var segmentDirty = false
    private var needsSync = false
    private var scratch: PageBuffer
    /// Set by a failed write: from then on the log refuses records, as ESE's does after a log write failure.
    private var failure: JetError?
    /// Names found by the last directory scan, for archives not spelled the canonical way.
    private var archiveNames: [Int32: String] = [:]
    /// JET_paramCircularLog: after each roll, archives the checkpoint no longer needs are deleted...
    var circular = false
    /// ...except those from this generation on, which a running backup still has to copy.
    var pinnedGeneration: Int32?

    var currentLogPath: String { logDirectory + names.currentLog }
    var temporaryLogPath: String { logDirectory + names.temporaryLog }
    var checkpointPath: String { systemDirectory + names.checkpoint }
    var isOpen: Bool { fd >= 0 }

    private init(
        logDirectory: String, systemDirectory: String, names: LogFileNames, fileSize: Int, signature: Signature
    ) throws(JetError) {
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
        if fd >= 0 { SystemCalls.close(fd) }
        segment.deallocate()
        scratch.deallocate()
    }

    // MARK: Names

    /// The path of archived generation `generation` (the name the last scan found, else the canonical one).
    func archivedPath(_ generation: Int32) -> String {
        logDirectory + (archiveNames[generation] ?? names.archived(generation))
    }

    /// The archived generations in the log folder, ascending.
    func archivedGenerations() throws(JetError) -> [Int32] {
        archiveNames = try Self.scanArchives(logDirectory, names: names)
        return archiveNames.keys.sorted()
    }

    /// `.logGenerationMismatch` for a 5-digit name when short names are off (`LogFileNames.scannedGeneration`).
    static func scanArchives(_ folder: String, names: LogFileNames) throws(JetError) -> [Int32: String] {
        let listed = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.listDirectory(folder) }
        var found: [Int32: String] = [:]
        for name in listed {
            guard let g = try names.scannedGeneration(name) else { continue }
            // Two spellings of one generation: keep the canonical one, which is the one this library writes.
            if found[g] == nil || name == names.archived(g) { found[g] = name }
        }
        return found
    }

    // MARK: Open and replay

    /// Opens the log in `logDirectory` (checkpoint in `systemDirectory`; both end in `/`), replays it from the
    /// checkpoint, then starts a new generation holding an `.initialize` record.
    ///
    /// An empty folder starts a new stream (new signature, generation 1). Errors: `.checkpointCorrupt` (bad
    /// checkpoint, or one ahead of the log), `.badCheckpointSignature`, `.logFileCorrupt` (bad current log header,
    /// or damage inside an archived log), `.badLogSignature`, `.logGenerationMismatch` (archive whose header says
    /// another generation), `.missingLogFile` (a generation between checkpoint and current log is missing),
    /// `.invalidLogSequence` (logs that do not follow each other), `.invalidParameter` (sizes, base name). Without
    /// JET_bitEightDotThreeSoftCompat, a 5-digit archive name in the log folder gives `.logGenerationMismatch`.
    static func open(logDirectory: String, systemDirectory: String, names: LogFileNames, fileSize: Int)
        throws(JetError) -> (LogStream, Recovery)
    {
        guard fileSize % segmentSize == 0, fileSize >= 2 * segmentSize, fileSize / segmentSize <= maxSegments,
            !names.base.isEmpty, !names.base.contains("/")
        else { throw .invalidParameter }
        let logDir = logDirectory.hasSuffix("/") ? logDirectory : logDirectory + "/"
        let systemDir = systemDirectory.hasSuffix("/") ? systemDirectory : systemDirectory + "/"
        let stream = try LogStream(
            logDirectory: logDir, systemDirectory: systemDir, names: names, fileSize: fileSize,
            signature: .none)
        let listed = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.listDirectory(logDir) }
        // Scanned first, so a name error leaves the folder as it was.
        stream.archiveNames = try scanArchives(logDir, names: names)
        if listed.contains(names.temporaryLog) {
            // A roll that crashed before its rename: the file never held records.
            try StorageIO.run { () throws(SystemCallError) in try SystemCalls.unlink(stream.temporaryLogPath) }
        }
        let recovery: Recovery
        if !listed.contains(names.currentLog) && stream.archiveNames.isEmpty {
            // Nothing to continue (a checkpoint alone has no log to replay and is replaced).
            stream.signature = .make()
            recovery = Recovery(wasClean: true, attachedAtEnd: [])
        } else {
            recovery = try stream.replay(hasCurrent: listed.contains(names.currentLog))
        }
        try stream.guarded { () throws(JetError) in try stream.advance() }
        _ = try stream.append(.initialize, flush: true)
        return (stream, recovery)
    }

    /// Validates and replays checkpoint → end; leaves `fd` on the current log (if any) ready to be archived.
    private func replay(hasCurrent: Bool) throws(JetError) -> Recovery {
        var current: LogFileImage?
        if hasCurrent {
            let fd = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(currentLogPath, O_RDWR) }
            self.fd = fd
            current = try LogFileImage.read(fd: fd, expectedGeneration: nil)
        }
        var checkpoint: Checkpoint?
        if SystemCalls.status(checkpointPath) != nil {
            checkpoint = try Checkpoint.read(path: checkpointPath)
        }
        let archives = archiveNames
        // The signature every file must carry: the current log's, else the checkpoint's, else the newest archive's.
        if let current {
            signature = current.header.signLog
            if let checkpoint, checkpoint.signLog != current.header.signLog { throw .badCheckpointSignature }
        } else if let checkpoint {
            signature = checkpoint.signLog
        }
        let end: Int32  // first generation that is not an archive to replay
        if let current {
            end = current.header.generation
        } else {
            end = (archives.keys.max() ?? 0) + 1
        }
        var start: Int32
        if let checkpoint {
            start = checkpoint.generation
            guard start >= 1, start <= end else { throw .checkpointCorrupt }
        } else {
            // No checkpoint: replay the unbroken run of archives that ends at the current log.
            start = end
            while start > 1, archives[start - 1] != nil { start -= 1 }
        }
        var attached = checkpoint?.attached ?? []
        var last: LogRecord?
        var previousCreated: LogTime?
        var generation = start
        while generation < end {
            guard let name = archives[generation] else { throw .missingLogFile }
            let path = logDirectory + name
            let fd = try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.open(path, O_RDONLY)
            }
            defer { SystemCalls.close(fd) }
            let image = try LogFileImage.read(fd: fd, expectedGeneration: generation)
            if current == nil && checkpoint == nil && signature.isNone { signature = image.header.signLog }
            guard image.header.signLog == signature else { throw .badLogSignature }
            if let previousCreated, image.header.previousCreated != previousCreated { throw .invalidLogSequence }
            let records = try image.records(strict: true)
            for record in records.list { Self.apply(record, to: &attached) }
            if let final = records.list.last { last = final }
            previousCreated = image.header.created
            currentCreated = image.header.created
            currentGeneration = generation
            generation += 1
        }
        if let current {
            if let previousCreated, current.header.previousCreated != previousCreated { throw .invalidLogSequence }
            let records = try current.records(strict: false)
            for record in records.list { Self.apply(record, to: &attached) }
            if let final = records.list.last { last = final }
            if records.needsRepair { try current.repairTail(fd: fd, keepingBytes: records.validBytes) }
            currentCreated = current.header.created
            currentGeneration = current.header.generation
        } else if currentGeneration == 0 {
            // Checkpoint at the generation after the last archive: nothing to replay.
            currentGeneration = end - 1
            if let newest = archives[end - 1] {
                let fd = try StorageIO.run { () throws(SystemCallError) in
                    try SystemCalls.open(logDirectory + newest, O_RDONLY)
                }
                defer { SystemCalls.close(fd) }
                let image = try LogFileImage.read(fd: fd, expectedGeneration: end - 1)
                guard image.header.signLog == signature || signature.isNone else { throw .badLogSignature }
                if signature.isNone { signature = image.header.signLog }
                currentCreated = image.header.created
            }
        }
        if signature.isNone { signature = .make() }
        attachedDatabases = attached
        checkpointGeneration = checkpoint?.generation ?? start
        return Recovery(
            wasClean: last == .shutdown,
            attachedAtEnd: attached.map { (dbid: $0.dbid, path: $0.path, signDb: $0.signDb) })
    }

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

    // MARK: Writing

    /// Appends a record; starts a new generation first when it does not fit in the current file. `flush` makes it
    /// durable (fdatasync) before returning. Returns the record's position.
    @discardableResult
    func append(_ record: LogRecord, flush: Bool) throws(JetError) -> LogPosition {
        if let failure { throw failure }
        guard fd >= 0 else { throw .logWriteFail }
        let size = try record.encodedSize()
        let segments = fileSize / Self.segmentSize
        guard size <= (segments - 1) * Self.segmentCapacity else { throw .invalidParameter }
        let remaining = (segments - segmentIndex) * Self.segmentCapacity - segmentUsed
        if size > remaining { try guarded { () throws(JetError) in try advance() } }
        if scratch.count < size {
            let bigger = try PageBuffer(bytes: (size + 4095) & ~4095)
            scratch.deallocate()
            scratch = bigger
        }
        try record.encode(into: scratch.pointer)
        let position = LogPosition(
            ib: UInt16(Self.segmentHeaderSize + segmentUsed), isec: UInt16(segmentIndex),
            generation: currentGeneration)
        try guarded { () throws(JetError) in
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
                    segmentIndex += 1
                    segmentUsed = 0
                    segment.pointer.initializeMemory(as: UInt8.self, repeating: 0, count: Self.segmentSize)
                }
            }
        }
        Self.apply(record, to: &attachedDatabases)
        if flush { try self.flush() }
        return position
    }

    /// Writes out the partly filled segment and syncs the file.
    func flush() throws(JetError) {
        if let failure { throw failure }
        guard fd >= 0 else { return }
        try guarded { () throws(JetError) in
            if segmentDirty && segmentUsed > 0 { try writeSegment() }
            if needsSync {
                try logIO { () throws(SystemCallError) in try SystemCalls.fdatasync(fd) }
                needsSync = false
            }
        }
    }

    /// Closes the current generation and starts the next: flush, rename `<base>.log` to its archive name, create
    /// `<base>tmp.log` with its header, sync, rename it to `<base>.log`, sync the folder, move the checkpoint to the
    /// new generation (durably).
    func roll() throws(JetError) {
        if let failure { throw failure }
        guard fd >= 0 else { throw .logWriteFail }
        try guarded { () throws(JetError) in try advance() }
    }

    /// Clean: append `.shutdown`, flush, write the checkpoint, close. Not clean: just close the file, losing what
    /// was not flushed, as a crash would (JET_bitTermDirty).
    func close(clean: Bool) throws(JetError) {
        guard fd >= 0 else { return }
        defer {
            SystemCalls.close(fd)
            fd = -1
        }
        if clean {
            _ = try append(.shutdown, flush: true)
            try writeCheckpoint()
        }
    }

    /// Runs `body`; a failure poisons the stream (later appends fail with `.logWriteFail`).
    private func guarded(_ body: () throws(JetError) -> Void) throws(JetError) {
        do {
            try body()
        } catch {
            failure = .logWriteFail
            throw error
        }
    }

    /// System calls on log files: a full disk is ESE's JET_errLogDiskFull, other write failures its usual mapping.
    private func logIO<T>(_ body: () throws(SystemCallError) -> T) throws(JetError) -> T {
        do {
            return try body()
        } catch {
            if error.errno == ENOSPC || error.errno == EDQUOT { throw .logDiskFull }
            if error.call == .pwrite || error.call == .fdatasync || error.call == .fsync { throw .logWriteFail }
            throw JetError(error)
        }
    }

    private func writeSegment() throws(JetError) {
        let p = segment.pointer
        p.diskStore(currentGeneration, at: SegmentOffset.generation)
        p.diskStore(UInt32(segmentIndex), at: SegmentOffset.index)
        p.diskStore(UInt32(segmentUsed), at: SegmentOffset.used)
        p.diskStore(UInt32(0), at: SegmentOffset.reserved)
        p.diskStore(
            Checksum.page(p, count: Self.segmentSize, seed: Self.segmentSeed(currentGeneration, segmentIndex)),
            at: SegmentOffset.checksum)
        let offset = Int64(segmentIndex) * Int64(Self.segmentSize)
        let fd = self.fd
        try logIO { () throws(SystemCallError) in try SystemCalls.pwrite(fd, p, Self.segmentSize, offset) }
        segmentDirty = false
        needsSync = true
    }

    /// Archives the open current log (if any), creates the next generation and moves the checkpoint to it.
    private func advance() throws(JetError) {
        if fd >= 0 {
            if segmentDirty && segmentUsed > 0 { try writeSegment() }
            if needsSync {
                let fd = self.fd
                try logIO { () throws(SystemCallError) in try SystemCalls.fdatasync(fd) }
                needsSync = false
            }
            let archive = archivedPath(currentGeneration)
            // Never replace an archive: that would destroy a generation a backup or replay may need.
            guard SystemCalls.status(archive) == nil else { throw .invalidLogSequence }
            try logIO { () throws(SystemCallError) in try SystemCalls.rename(currentLogPath, archive) }
            archiveNames[currentGeneration] = Paths.fileName(of: archive)
        }
        let next = currentGeneration + 1
        guard next <= Self.maxGeneration else { throw .logSequenceEnd }
        let header = LogFileHeader(
            generation: next, signLog: signature, fileSize: Int64(fileSize), created: .now(),
            previousCreated: currentCreated)
        let newFd = try createLogFile(header)
        if fd >= 0 { SystemCalls.close(fd) }
        fd = newFd
        currentGeneration = next
        currentCreated = header.created
        segmentIndex = 1
        segmentUsed = 0
        segmentDirty = false
        needsSync = false
        segment.pointer.initializeMemory(as: UInt8.self, repeating: 0, count: Self.segmentSize)
        try writeCheckpoint()
        discardUnneededArchives()
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
                if error.errno == ENOENT { archiveNames[generation] = nil }
            }
        }
    }

    /// `<base>tmp.log` sized and headed, synced, renamed to `<base>.log`, folder synced. Returns its descriptor.
    private func createLogFile(_ header: LogFileHeader) throws(JetError) -> Int32 {
        let temp = temporaryLogPath
        let fd = try logIO { () throws(SystemCallError) in try SystemCalls.open(temp, O_RDWR | O_CREAT | O_TRUNC) }
        do throws(JetError) {
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

    private func writeCheckpoint() throws(JetError) {
        try Checkpoint(generation: currentGeneration, signLog: signature, attached: attachedDatabases)
            .write(path: checkpointPath)
        checkpointGeneration = currentGeneration
    }

    // MARK: Segments and backup verification

    static func segmentSeed(_ generation: Int32, _ index: Int) -> UInt64 {
        Checksum.logSegmentSeed
            ^ (UInt64(UInt32(bitPattern: generation)) << 32 | UInt64(UInt32(truncatingIfNeeded: index)))
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
                used <= segmentCapacity, p.diskLoad(SegmentOffset.reserved, as: UInt32.self) == 0
            else { return .bad }
            return .data(used: used)
        }
        return Checksum.isAllZero(p, count: segmentSize) ? .empty : .bad
    }

    /// Verifies `count` bytes of a log file read for backup from `fileOffset`: the header segment when the range
    /// starts at 0 and every segment's checksum (zero segments pass). `expectedGeneration` nil takes the
    /// generation from the header (or each segment). Returns `.logReadVerifyFailure` on any mismatch, including
    /// a misaligned offset or a range ending inside a segment. No allocation.
    static func verifyLogBytes(_ bytes: UnsafeRawPointer, count: Int, fileOffset: Int64, expectedGeneration: Int32?)
        -> JetError?
    {
        guard fileOffset >= 0, fileOffset % Int64(segmentSize) == 0, count >= 0, count % segmentSize == 0 else {
            return .logReadVerifyFailure
        }
        var generation = expectedGeneration
        var offset = 0
        while offset < count {
            let p = bytes + offset
            // Divided first so that no offset a caller passes can overflow.
            let index64 = fileOffset / Int64(segmentSize) + Int64(offset / segmentSize)
            guard index64 < Int64(maxSegments) else { return .logReadVerifyFailure }
            let index = Int(index64)
            if index == 0 {
                guard let header = LogFileHeader.decode(p) else { return .logReadVerifyFailure }
                if let generation, generation != header.generation { return .logReadVerifyFailure }
                generation = header.generation
            } else if checkSegment(p, index: index, generation: generation) == .bad {
                return .logReadVerifyFailure
            }
            offset += segmentSize
        }
        return nil
    }
}

/// A whole log file in memory, for replay at open (not a hot path).
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

    /// Reads and checks the header. A file that is not a sound log (or of another generation than expected) →
    /// `.logFileCorrupt` / `.logGenerationMismatch`.
    static func read(fd: Int32, expectedGeneration: Int32?) throws(JetError) -> LogFileImage {
        let size64 = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fileSize(fd) }
        let segment = Int64(LogStream.segmentSize)
        guard size64 >= 2 * segment, size64 % segment == 0, size64 <= Int64(LogStream.maxSegments) * segment else {
            throw .logFileCorrupt
        }
        let size = Int(size64)
        let buffer = try PageBuffer(bytes: size)
        do throws(JetError) {
            let got = try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.pread(fd, buffer.pointer, size, 0)
            }
            guard got == size, let header = LogFileHeader.decode(buffer.pointer), header.fileSize == size64 else {
                throw .logFileCorrupt
            }
            if let expectedGeneration, header.generation != expectedGeneration { throw .logGenerationMismatch }
            return LogFileImage(header: header, buffer: buffer, size: size)
        } catch {
            buffer.deallocate()
            throw error
        }
    }

    struct Records {
        var list: [LogRecord]
        /// Stream bytes up to the end of the last whole record.
        var validBytes: Int
        /// The file holds more than `validBytes` (a torn tail) and should be cut back before it is archived.
        var needsRepair: Bool
    }

    /// The records in the file. Strict (an archived log): any damage → `.logFileCorrupt`. Not strict (the current
    /// log after a crash): the first damaged segment or incomplete record ends the data.
    func records(strict: Bool) throws(JetError) -> Records {
        let segments = size / LogStream.segmentSize
        var stream: [UInt8] = []
        var ended = false
        var damaged = false
        for index in 1..<segments {
            let p = UnsafeRawPointer(buffer.pointer + index * LogStream.segmentSize)
            let state = LogStream.checkSegment(p, index: index, generation: header.generation)
            if ended {
                // Past the end only never-written segments may follow.
                if state != .empty {
                    if strict { throw .logFileCorrupt }
                    damaged = true
                }
                continue
            }
            switch state {
            case .data(let used):
                stream.append(
                    contentsOf: UnsafeRawBufferPointer(start: p + LogStream.SegmentOffset.data, count: used))
                if used < LogStream.segmentCapacity { ended = true }
            case .empty:
                ended = true
            case .bad:
                if strict { throw .logFileCorrupt }
                damaged = true
                ended = true
            }
        }
        var list: [LogRecord] = []
        var offset = 0
        stream.withUnsafeBytes { b in
            guard let base = b.baseAddress else { return }
            while offset < b.count {
                guard case .record(let record, let size) = LogRecord.decode(base + offset, available: b.count - offset)
                else { break }
                list.append(record)
                offset += size
            }
        }
        if strict && offset != stream.count { throw .logFileCorrupt }
        return Records(list: list, validBytes: offset, needsRepair: damaged || offset != stream.count)
    }

    /// Cuts the file back to `keepingBytes` of record data: rewrites the segment holding the end, zeroes the rest
    /// (truncate and extend), syncs. Then the file reads as a clean archive.
    func repairTail(fd: Int32, keepingBytes: Int) throws(JetError) {
        let capacity = LogStream.segmentCapacity
        let lastIndex = keepingBytes / capacity + 1
        let used = keepingBytes % capacity
        var cut = Int64(lastIndex) * Int64(LogStream.segmentSize)
        if used > 0 {
            let p = buffer.pointer + lastIndex * LogStream.segmentSize
            (p + LogStream.SegmentOffset.data + used).initializeMemory(
                as: UInt8.self, repeating: 0, count: capacity - used)
            p.diskStore(UInt32(used), at: LogStream.SegmentOffset.used)
            p.diskStore(
                Checksum.page(
                    p, count: LogStream.segmentSize, seed: LogStream.segmentSeed(header.generation, lastIndex)),
                at: LogStream.SegmentOffset.checksum)
            let offset = cut
            try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.pwrite(fd, p, LogStream.segmentSize, offset)
            }
            cut += Int64(LogStream.segmentSize)
        }
        let total = Int64(size)
        try StorageIO.run { () throws(SystemCallError) in
            try SystemCalls.ftruncate(fd, cut)
            try SystemCalls.ftruncate(fd, total)
            try SystemCalls.fdatasync(fd)
        }
    }
}
