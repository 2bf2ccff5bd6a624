import Glibc
import SystemPackage
import Testing

@testable import EsentCore

// The engine's log records (commit groups of page images), their redo in replay, and the backup read's second
// look at a page a writer may have been writing.

@Suite(.serialized)
struct EngineLogTests {
    static let pageSize = 8192

    @Test func commitGroupRecordsRoundTrip() throws {
        let page = (0..<Self.pageSize).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let records: [LogRecord] = [
            .commitGroupBegin(pages: 3), .pageImage(dbid: 2, signDb: .make(), pgno: 77, page: page),
            .commitGroupEnd,
        ]
        for record in records {
            let size = try record.encodedSize()
            var bytes = [UInt8](repeating: 0, count: size)
            try bytes.withUnsafeMutableBytes { b in _ = try record.encode(into: b.baseAddress!) }
            #expect(bytes.withUnsafeBytes { LogRecord.decode($0.baseAddress!, available: size) } == .record(record, size: size))
            #expect(bytes.withUnsafeBytes { LogRecord.decode($0.baseAddress!, available: size - 1) } == .incomplete)
        }
        // An image whose length is not a page size is damage, not a page.
        let odd = LogRecord.pageImage(dbid: 1, signDb: .none, pgno: 1, page: [UInt8](repeating: 1, count: 100))
        let size = try odd.encodedSize()
        var bytes = [UInt8](repeating: 0, count: size)
        try bytes.withUnsafeMutableBytes { b in _ = try odd.encode(into: b.baseAddress!) }
        #expect(bytes.withUnsafeBytes { LogRecord.decode($0.baseAddress!, available: size) } == .corrupt)
    }

    static func page(_ fill: UInt8) -> [UInt8] {
        var p = [UInt8](repeating: fill, count: pageSize)
        for i in 0..<DatabaseFile.PageOffset.body { p[i] = 0 }
        return p
    }

    static func readPage(_ path: String, _ pgno: UInt32) throws -> [UInt8] {
        let bytes = try RawFile.read(path)
        let start = (Int(pgno) + 1) * pageSize
        guard bytes.count >= start + pageSize else { return [] }
        return Array(bytes[start..<(start + pageSize)])
    }

    /// Replay writes a group's images only when the group's end record made it to the log; a group cut by the
    /// crash leaves the database as it was. The image of a page past the end grows the file.
    @Test func recoveryRedoesCompleteGroupsOnly() throws {
        let folder = StorageTempFolder()
        let dbPath = folder.path + "a.edb"
        let sign = Signature.make()
        var header = DatabaseHeader.new(pageSize: Self.pageSize)
        header.signDb = sign
        _ = try DatabaseFile.create(path: FilePath(dbPath), pageSize: Self.pageSize, dataPages: 4, header: header, overwrite: false)
        do {
            let (log, _) = try LogStream.open(
                logDirectory: FilePath(folder.path), systemDirectory: FilePath(folder.path), names: LogFileNames(base: "edb"),
                fileSize: 256 * 1024)
            try log.append(.attachDatabase(dbid: 1, path: dbPath, signDb: sign), flush: true)
            try log.append(.commitGroupBegin(pages: 2), flush: false)
            try log.append(.pageImage(dbid: 1, signDb: sign, pgno: 2, page: Self.page(0xA1)), flush: false)
            try log.append(.pageImage(dbid: 1, signDb: sign, pgno: 9, page: Self.page(0xA2)), flush: false)
            try log.append(.commitGroupEnd, flush: true)
            // The crash comes before this group's end record.
            try log.append(.commitGroupBegin(pages: 1), flush: false)
            try log.append(.pageImage(dbid: 1, signDb: sign, pgno: 3, page: Self.page(0xB1)), flush: true)
            try log.close(clean: false)
        }
        for _ in 0..<2 {  // and again: redo is idempotent
            let (log, recovery) = try LogStream.open(
                logDirectory: FilePath(folder.path), systemDirectory: FilePath(folder.path), names: LogFileNames(base: "edb"),
                fileSize: 256 * 1024, pageTarget: { $0.path.isEmpty ? nil : FilePath($0.path) })
            #expect(!recovery.wasClean)
            try log.close(clean: false)
            let db = try DatabaseFile.open(path: FilePath(dbPath), readOnly: true)
            #expect(db.pgnoLast == 9)
            let buffer = try PageBuffer(bytes: Self.pageSize)
            defer { buffer.deallocate() }
            try db.readPage(2, into: buffer.pointer)
            #expect(buffer.pointer.load(fromByteOffset: 100, as: UInt8.self) == 0xA1)
            try db.readPage(9, into: buffer.pointer)
            #expect(buffer.pointer.load(fromByteOffset: 100, as: UInt8.self) == 0xA2)
            try db.readPage(3, into: buffer.pointer)
            #expect(buffer.pointer.load(fromByteOffset: 100, as: UInt8.self) == 0)
        }
    }

    /// A backup read that meets a page half written (the engine writing it at that moment) reads it again once
    /// the write is over, instead of failing the backup with -1018.
    @Test func tornBackupReadIsReadAgainUnderTheWriteLock() throws {
        let folder = StorageTempFolder()
        let path = folder.path + "t.edb"
        let db = try DatabaseFile.create(
            path: FilePath(path), pageSize: Self.pageSize, dataPages: 4, header: .new(pageSize: Self.pageSize), overwrite: false)
        let good = try PageBuffer(bytes: Self.pageSize)
        defer { good.deallocate() }
        good.pointer.initializeMemory(as: UInt8.self, repeating: 0x5C, count: Self.pageSize)
        try db.writePage(2, from: good.pointer)
        // Torn: the first half of a new version over the old one (checksum of neither).
        try RawFile.write(path, [UInt8](repeating: 0x33, count: 4096), at: Int64(3 * Self.pageSize + 4096))
        db.afterFailedPageRead = { pgno in
            // The writer's write completes.
            good.pointer.initializeMemory(as: UInt8.self, repeating: 0x66, count: Self.pageSize)
            try? db.writePage(pgno, from: good.pointer)
        }
        let out = try PageBuffer(bytes: 4 * Self.pageSize)
        defer { out.deallocate() }
        try db.readVerifiedPages(firstPgno: 1, count: 4, into: out.pointer)
        #expect(out.pointer.load(fromByteOffset: Self.pageSize + 100, as: UInt8.self) == 0x66)
        // Real damage stays damage: the second read fails too.
        db.afterFailedPageRead = nil
        try RawFile.write(path, [UInt8](repeating: 0x33, count: 16), at: Int64(3 * Self.pageSize + 4096))
        #expect(throws: JetError.readVerifyFailure) {
            try storage(try db.readVerifiedPages(firstPgno: 1, count: 4, into: out.pointer))
        }
    }
}
