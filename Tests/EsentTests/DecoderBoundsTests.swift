import Glibc
import SystemPackage
import Testing

@testable import EsentCore

// Issue 6 item 10: every field read from disk is range-checked before use. Each decoder is fed its fields at the
// extremes (0, negative, Int32.max, UInt32.max) with a valid checksum, so only the range checks stand between the
// value and the arithmetic that uses it: the result is a clear error (or a value that is safe to use), never a trap.

/// A zeroed page-aligned buffer of `bytes`, freed when `body` returns.
private func withPage<T>(_ bytes: Int = 4096, _ body: (UnsafeMutableRawPointer) throws -> T) throws -> T {
    let buffer = try PageBuffer(bytes: bytes)
    defer { buffer.deallocate() }
    return try body(buffer.pointer)
}

/// Recomputes the page checksum stored in the first 8 bytes, as a writer that meant these values would.
private func reseal(_ p: UnsafeMutableRawPointer, count: Int, seed: UInt64) {
    p.diskStore(Checksum.page(p, count: count, seed: seed), at: 0)
}

private let extremeInt32: [Int32] = [0, -1, Int32.min, Int32.max, LogStream.maxGeneration + 1]
private let extremeUInt32: [UInt32] = [0, UInt32(Int32.max), UInt32(Int32.max) + 1, UInt32.max]

@Suite(.serialized)
struct DecoderBoundsTests {
    @Test("issue 6.10: log header generation, file size and segment fields at their extremes")
    func logHeaderExtremes() throws {
        try withPage { p in
            let header = LogFileHeader(
                generation: 1, signLog: .make(), fileSize: 65536, created: .now(), previousCreated: LogTime(),
                previousDataSegments: 0)
            for generation in extremeInt32 {
                header.encode(into: p)
                p.diskStore(generation, at: LogFileHeader.Offset.generation)
                reseal(p, count: LogStream.segmentSize, seed: Checksum.logHeaderSeed)
                #expect(LogFileHeader.decode(p) == nil, "generation \(generation)")
            }
            for size in [UInt64.max, UInt64(Int64.max), 0] {
                header.encode(into: p)
                p.diskStore(size, at: LogFileHeader.Offset.fileSize)
                p.diskStore(UInt32.max, at: LogFileHeader.Offset.previousDataSegments)
                reseal(p, count: LogStream.segmentSize, seed: Checksum.logHeaderSeed)
                let decoded = try #require(LogFileHeader.decode(p))
                #expect(decoded.fileSize == Int64(bitPattern: size))
                #expect(decoded.previousDataSegments == UInt32.max)
            }
        }
    }

    @Test("issue 6.10: a log segment's generation, index, used and synced fields at their extremes are bad")
    func segmentExtremes() throws {
        try withPage { p in
            let fields = [
                LogStream.SegmentOffset.index, LogStream.SegmentOffset.used, LogStream.SegmentOffset.syncedThrough,
            ]
            for field in fields {
                for value in extremeUInt32 {
                    memset(p, 0, LogStream.segmentSize)
                    p.diskStore(Int32(1), at: LogStream.SegmentOffset.generation)
                    p.diskStore(UInt32(1), at: LogStream.SegmentOffset.index)
                    p.diskStore(UInt32(10), at: LogStream.SegmentOffset.used)
                    p.diskStore(value, at: field)
                    reseal(p, count: LogStream.segmentSize, seed: LogStream.segmentSeed(1, 1))
                    let state = LogStream.checkSegment(p, index: 1, generation: nil)
                    let sound = (field == LogStream.SegmentOffset.index && value == 1)
                        || (field == LogStream.SegmentOffset.used && value >= 1 && value <= 4072)
                        || (field == LogStream.SegmentOffset.syncedThrough && value == 0)
                    #expect(sound || state == .bad, "field \(field) = \(value)")
                }
            }
            for generation in extremeInt32 {
                memset(p, 0, LogStream.segmentSize)
                p.diskStore(generation, at: LogStream.SegmentOffset.generation)
                p.diskStore(UInt32(1), at: LogStream.SegmentOffset.index)
                p.diskStore(UInt32(10), at: LogStream.SegmentOffset.used)
                reseal(p, count: LogStream.segmentSize, seed: LogStream.segmentSeed(generation, 1))
                // Sealed for its own generation, checked against the file's: a segment of another log.
                #expect(LogStream.checkSegment(p, index: 1, generation: 7) == .bad)
                // An index from the far end of a file, as replay may ask for, does not trap either.
                #expect(LogStream.checkSegment(p, index: Int(Int32.max), generation: generation) == .bad)
            }
        }
    }

    @Test("issue 6.10: a log record whose length field claims 65535 bytes is incomplete or corrupt, not read past")
    func logRecordLengthExtremes() throws {
        try withPage { p in
            memset(p, 0, 4096)
            p.storeBytes(of: UInt8(1), toByteOffset: 0, as: UInt8.self)
            p.diskStore(UInt16.max, at: 2)
            #expect(LogRecord.decode(p, available: 64) == .incomplete)
            #expect(LogRecord.decode(p, available: 0) == .incomplete)
            p.storeBytes(of: UInt8(0xFF), toByteOffset: 0, as: UInt8.self)
            #expect(LogRecord.decode(p, available: 4096) == .corrupt)
        }
    }

    @Test("issue 6.10: database header page size, state, dbid and log generations at their extremes")
    func databaseHeaderExtremes() throws {
        try withPage { p in
            let header = DatabaseHeader.new(pageSize: 4096)
            for value in extremeUInt32 where value != 0 {
                header.encode(into: p, pageSize: 4096)
                p.diskStore(value, at: DatabaseHeader.Offset.pageSize)
                reseal(p, count: 4096, seed: Checksum.databaseHeaderSeed)
                #expect(throws: JetError.databaseCorrupted) { try storage(try DatabaseHeader.decode(p, pageSize: 4096)) }
                header.encode(into: p, pageSize: 4096)
                p.diskStore(value, at: DatabaseHeader.Offset.state)
                reseal(p, count: 4096, seed: Checksum.databaseHeaderSeed)
                #expect(throws: JetError.databaseCorrupted) { try storage(try DatabaseHeader.decode(p, pageSize: 4096)) }
            }
            for generation in extremeInt32 {
                header.encode(into: p, pageSize: 4096)
                p.diskStore(generation, at: DatabaseHeader.Offset.genMinRequired)
                p.diskStore(generation, at: DatabaseHeader.Offset.genMaxRequired)
                p.diskStore(UInt32.max, at: DatabaseHeader.Offset.dbid)
                reseal(p, count: 4096, seed: Checksum.databaseHeaderSeed)
                let decoded = try DatabaseHeader.decode(p, pageSize: 4096)
                #expect(decoded.genMinRequired == generation && decoded.dbid == UInt32.max)
            }
            // The caller's page size is checked too: a header never decodes against a smaller page.
            #expect(throws: JetError.fileInvalidType) { try storage(try DatabaseHeader.decode(p, pageSize: 0)) }
            #expect(throws: JetError.fileInvalidType) { try storage(try DatabaseHeader.decode(p, pageSize: Int.min)) }
        }
    }

    @Test("issue 6.10: backup trailer generations, last page, path length and page size at their extremes")
    func backupTrailerExtremes() throws {
        try withPage { p in
            let trailer = BackupTrailer(
                info: BackupInfo(mark: LogPosition(), markTime: LogTime(), genLow: 1, genHigh: 2), signDb: .make(), signLog: .make(), generationMin: 1, generationMax: 2,
                pgnoLast: 3, databasePath: "/db.edb")
            for value in extremeUInt32 {
                trailer.encode(into: p, pageSize: 4096)
                p.diskStore(value, at: BackupTrailer.Offset.generationMin)
                p.diskStore(value, at: BackupTrailer.Offset.generationMax)
                p.diskStore(value, at: BackupTrailer.Offset.pgnoLast)
                p.diskStore(UInt16.max, at: BackupTrailer.Offset.pathLength)
                reseal(p, count: 4096, seed: Checksum.databaseHeaderSeed)
                let decoded = try BackupTrailer.decode(p, pageSize: 4096)
                #expect(decoded.generationMax == value && decoded.pgnoLast == value)
                // A path longer than the page is dropped, not read past the page.
                #expect(decoded.databasePath.isEmpty)
            }
            for value in extremeUInt32 {
                trailer.encode(into: p, pageSize: 4096)
                p.diskStore(value, at: BackupTrailer.Offset.pageSize)
                reseal(p, count: 4096, seed: Checksum.databaseHeaderSeed)
                #expect(throws: JetError.badPatchPage) { try storage(try BackupTrailer.decode(p, pageSize: 4096)) }
            }
        }
    }

    @Test("issue 6.10: checkpoint list length, database count and name length at their extremes are corrupt")
    func checkpointFieldExtremes() throws {
        let good = try Checkpoint(
            generation: 1, signLog: .make(), attached: [LoggedDatabase(dbid: 1, path: "/a.edb", signDb: .make())]
        ).encoded()
        func decode(_ edit: (UnsafeMutableRawPointer) -> Void) throws -> Checkpoint {
            var bytes = good
            return try bytes.withUnsafeMutableBytes { (b) throws(StorageFileError) -> Checkpoint in
                guard let p = b.baseAddress else { throw .checkpointDamaged }
                edit(p)
                reseal(p, count: Checkpoint.fixedSize, seed: Checksum.checkpointSeed)
                return try Checkpoint.decode(p, count: b.count)
            }
        }
        for value in extremeUInt32 {
            #expect(throws: StorageFileError.checkpointDamaged) {
                try decode { $0.diskStore(value, at: Checkpoint.Offset.listBytes) }
            }
            if value != 1 {
                #expect(throws: StorageFileError.checkpointDamaged) {
                    try decode { $0.diskStore(value, at: Checkpoint.Offset.attachedCount) }
                }
            }
        }
        // A name length past the list's end (the list checksum is fixed up too, so only the bound catches it).
        #expect(throws: StorageFileError.checkpointDamaged) {
            try decode { p in
                p.diskStore(UInt16.max, at: Checkpoint.fixedSize + 4 + Signature.size)
                let listBytes = good.count - Checkpoint.fixedSize
                let sum = Checksum.bytes(
                    UnsafeRawBufferPointer(start: p + Checkpoint.fixedSize, count: listBytes),
                    seed: Checksum.checkpointSeed)
                p.diskStore(sum, at: Checkpoint.Offset.listChecksum)
            }
        }
    }

    @Test("issue 6.10: a checkpoint generation of 0, negative or past the log's end is corrupt at recovery")
    func checkpointGenerationExtremes() throws {
        for generation in extremeInt32 {
            let folder = StorageTempFolder()
            let (log, _) = try LogStream.open(
                logDirectory: FilePath(folder.path), systemDirectory: FilePath(folder.path), names: LogFileNames(base: "edb"),
                fileSize: 64 * 1024)
            let signature = log.signature
            try log.close(clean: true)
            let bytes = try Checkpoint(generation: generation, signLog: signature, attached: []).encoded()
            try RawFile.write(folder.path + "edb.chk", bytes, truncate: true)
            #expect(throws: JetError.checkpointCorrupt, "generation \(generation)") {
                _ = try storage(
                    try LogStream.open(
                        logDirectory: FilePath(folder.path), systemDirectory: FilePath(folder.path),
                        names: LogFileNames(base: "edb"), fileSize: 64 * 1024))
            }
        }
    }
}
