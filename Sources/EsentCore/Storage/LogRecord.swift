/// One log record. On disk (docs/file-formats.md): type byte, reserved byte, UInt16 payload length, payload,
/// UInt64 checksum of everything before it. Records are written into the segments of a log file back to back and
/// may continue from one segment into the next, never from one file into the next.
package enum LogRecord: Equatable, Sendable {
    case createDatabase(dbid: UInt32, path: String, signDb: Signature)
    case attachDatabase(dbid: UInt32, path: String, signDb: Signature)
    case detachDatabase(dbid: UInt32, path: String)
    case commit(session: UInt64)
    case backupBegin(incremental: Bool)
    case backupPrepareLogs
    case backupHeaderUpdate(dbid: UInt32)
    case backupAbort
    case backupStop
    case truncateLogs(low: Int32, high: Int32)
    /// First record of every generation a JetInit starts.
    case initialize
    /// Clean term: the last record of a stream that was shut down cleanly.
    case shutdown
    /// Opens a commit group: the `pages` page images that follow, then `.commitGroupEnd`, are one committed
    /// transaction. Replay redoes a group only when all of it is in the log.
    case commitGroupBegin(pages: UInt32)
    /// The full image of data page `pgno` of database `dbid` after a commit (page header included). `signDb`
    /// names the database for a replay that starts after its attach record (a restore from a backup set).
    case pageImage(dbid: UInt32, signDb: Signature, pgno: UInt32, page: [UInt8])
    /// Closes a commit group: the transaction is committed once this record is durable.
    case commitGroupEnd
    /// Data page `pgno` after a commit, as the byte ranges that changed (`PageDelta`) against the page as the log
    /// last had it. `before` and `after` are the page checksums (bytes 0..<8) of that state and of the result:
    /// replay applies the ranges only to a page holding `before`, and leaves a page holding `after` as it is.
    /// Written only for a page whose full image is in the log since the page last reached its file, so the
    /// replay from the checkpoint always meets that image first.
    case pageDelta(dbid: UInt32, signDb: Signature, pgno: UInt32, before: UInt64, after: UInt64, ranges: [UInt8])

    /// Type byte of each case (0 is never used, so zero-filled space never reads as a record).
    enum Kind: UInt8 {
        case createDatabase = 1, attachDatabase, detachDatabase, commit, backupBegin, backupPrepareLogs,
            backupHeaderUpdate, backupAbort, backupStop, truncateLogs, initialize, shutdown, commitGroupBegin,
            pageImage, commitGroupEnd, pageDelta
    }

    static let headerSize = 4
    static let checksumSize = 8
    /// Payload bytes of a page image before the page: dbid, pgno, signDb.
    static let pageImageFixed = 8 + Signature.size
    /// Payload bytes of a page delta before its ranges: dbid, pgno, signDb, before, after.
    static let pageDeltaFixed = 24 + Signature.size
    /// Largest payload the UInt16 length can say.
    static let maxPayload = Int(UInt16.max)

    var kind: Kind {
        switch self {
        case .createDatabase: .createDatabase
        case .attachDatabase: .attachDatabase
        case .detachDatabase: .detachDatabase
        case .commit: .commit
        case .backupBegin: .backupBegin
        case .backupPrepareLogs: .backupPrepareLogs
        case .backupHeaderUpdate: .backupHeaderUpdate
        case .backupAbort: .backupAbort
        case .backupStop: .backupStop
        case .truncateLogs: .truncateLogs
        case .initialize: .initialize
        case .shutdown: .shutdown
        case .commitGroupBegin: .commitGroupBegin
        case .pageImage: .pageImage
        case .commitGroupEnd: .commitGroupEnd
        case .pageDelta: .pageDelta
        }
    }

    private var payloadSize: Int {
        switch self {
        case .createDatabase(_, let path, _), .attachDatabase(_, let path, _): 4 + Signature.size + path.utf8.count
        case .detachDatabase(_, let path): 4 + path.utf8.count
        case .commit: 8
        case .backupBegin: 1
        case .backupHeaderUpdate: 4
        case .truncateLogs: 8
        case .commitGroupBegin: 4
        case .pageImage(_, _, _, let page): Self.pageImageFixed + page.count
        case .pageDelta(_, _, _, _, _, let ranges): Self.pageDeltaFixed + ranges.count
        case .backupPrepareLogs, .backupAbort, .backupStop, .initialize, .shutdown, .commitGroupEnd: 0
        }
    }

    /// Bytes `encode(into:)` writes. `.invalidParameter` when a path makes the record too long to describe.
    func encodedSize() throws(StorageFileError) -> Int {
        let payload = payloadSize
        guard payload <= Self.maxPayload else { throw .invalidArgument }
        return Self.headerSize + payload + Self.checksumSize
    }

    /// Writes the record at `p`, which must have `encodedSize()` bytes; returns that size.
    @discardableResult
    func encode(into p: UnsafeMutableRawPointer) throws(StorageFileError) -> Int {
        let size = try encodedSize()
        let payload = size - Self.headerSize - Self.checksumSize
        p.diskStore(kind.rawValue, at: 0)
        p.diskStore(UInt8(0), at: 1)
        p.diskStore(UInt16(payload), at: 2)
        let body = p + Self.headerSize
        switch self {
        case .createDatabase(let dbid, let path, let signDb), .attachDatabase(let dbid, let path, let signDb):
            body.diskStore(dbid, at: 0)
            signDb.encode(into: body + 4)
            Self.copy(path, to: body + 4 + Signature.size)
        case .detachDatabase(let dbid, let path):
            body.diskStore(dbid, at: 0)
            Self.copy(path, to: body + 4)
        case .commit(let session):
            body.diskStore(session, at: 0)
        case .backupBegin(let incremental):
            body.diskStore(UInt8(incremental ? 1 : 0), at: 0)
        case .backupHeaderUpdate(let dbid):
            body.diskStore(dbid, at: 0)
        case .truncateLogs(let low, let high):
            body.diskStore(low, at: 0)
            body.diskStore(high, at: 4)
        case .commitGroupBegin(let pages):
            body.diskStore(pages, at: 0)
        case .pageImage(let dbid, let signDb, let pgno, let page):
            body.diskStore(dbid, at: 0)
            body.diskStore(pgno, at: 4)
            signDb.encode(into: body + 8)
            page.withUnsafeBytes { b in
                if let base = b.baseAddress {
                    (body + Self.pageImageFixed).copyMemory(from: base, byteCount: b.count)
                }
            }
        case .pageDelta(let dbid, let signDb, let pgno, let before, let after, let ranges):
            body.diskStore(dbid, at: 0)
            body.diskStore(pgno, at: 4)
            signDb.encode(into: body + 8)
            body.diskStore(before, at: 8 + Signature.size)
            body.diskStore(after, at: 16 + Signature.size)
            ranges.withUnsafeBytes { b in
                if let base = b.baseAddress {
                    (body + Self.pageDeltaFixed).copyMemory(from: base, byteCount: b.count)
                }
            }
        case .backupPrepareLogs, .backupAbort, .backupStop, .initialize, .shutdown, .commitGroupEnd:
            break
        }
        let covered = Self.headerSize + payload
        p.diskStore(Checksum.bytes(p, count: covered, seed: Checksum.logRecordSeed), at: covered)
        return size
    }

    private static func copy(_ string: String, to p: UnsafeMutableRawPointer) {
        var i = 0
        for byte in string.utf8 {
            p.storeBytes(of: byte, toByteOffset: i, as: UInt8.self)
            i += 1
        }
    }

    /// What is at the start of `available` bytes of a record stream.
    enum Decoded: Equatable {
        case record(LogRecord, size: Int)
        /// The bytes end inside the record (a torn tail, or a caller that has to read on).
        case incomplete
        /// Not a valid record: unknown type, bad checksum or a payload that does not fit its type.
        case corrupt
    }

    static func decode(_ p: UnsafeRawPointer, available: Int) -> Decoded {
        guard available >= headerSize else { return .incomplete }
        guard let kind = Kind(rawValue: p.diskLoad(0, as: UInt8.self)), p.diskLoad(1, as: UInt8.self) == 0 else {
            return .corrupt
        }
        let payload = Int(p.diskLoad(2, as: UInt16.self))
        let size = headerSize + payload + checksumSize
        guard available >= size else { return .incomplete }
        let covered = headerSize + payload
        guard p.diskLoad(covered, as: UInt64.self) == Checksum.bytes(p, count: covered, seed: Checksum.logRecordSeed)
        else { return .corrupt }
        let body = p + headerSize
        func path(from offset: Int) -> String {
            String(decoding: UnsafeRawBufferPointer(start: body + offset, count: payload - offset), as: UTF8.self)
        }
        let record: LogRecord
        switch kind {
        case .createDatabase, .attachDatabase:
            guard payload >= 4 + Signature.size else { return .corrupt }
            let dbid = body.diskLoad(0, as: UInt32.self)
            let sign = Signature(decoding: body + 4)
            let name = path(from: 4 + Signature.size)
            record =
                kind == .createDatabase
                ? .createDatabase(dbid: dbid, path: name, signDb: sign)
                : .attachDatabase(dbid: dbid, path: name, signDb: sign)
        case .detachDatabase:
            guard payload >= 4 else { return .corrupt }
            record = .detachDatabase(dbid: body.diskLoad(0, as: UInt32.self), path: path(from: 4))
        case .commit:
            guard payload == 8 else { return .corrupt }
            record = .commit(session: body.diskLoad(0, as: UInt64.self))
        case .backupBegin:
            guard payload == 1 else { return .corrupt }
            record = .backupBegin(incremental: body.diskLoad(0, as: UInt8.self) != 0)
        case .backupHeaderUpdate:
            guard payload == 4 else { return .corrupt }
            record = .backupHeaderUpdate(dbid: body.diskLoad(0, as: UInt32.self))
        case .truncateLogs:
            guard payload == 8 else { return .corrupt }
            record = .truncateLogs(low: body.diskLoad(0, as: Int32.self), high: body.diskLoad(4, as: Int32.self))
        case .commitGroupBegin:
            guard payload == 4 else { return .corrupt }
            record = .commitGroupBegin(pages: body.diskLoad(0, as: UInt32.self))
        case .pageImage:
            // Only the page sizes a database may have.
            let size = payload - pageImageFixed
            guard size > 0, DatabaseFile.validPageSizes.contains(size) else { return .corrupt }
            record = .pageImage(
                dbid: body.diskLoad(0, as: UInt32.self), signDb: Signature(decoding: body + 8),
                pgno: body.diskLoad(4, as: UInt32.self),
                page: Array(UnsafeRawBufferPointer(start: body + pageImageFixed, count: size)))
        case .pageDelta:
            guard payload > pageDeltaFixed else { return .corrupt }
            let ranges = UnsafeRawBufferPointer(start: body + pageDeltaFixed, count: payload - pageDeltaFixed)
            guard PageDelta.isWellFormed(ranges) else { return .corrupt }
            record = .pageDelta(
                dbid: body.diskLoad(0, as: UInt32.self), signDb: Signature(decoding: body + 8),
                pgno: body.diskLoad(4, as: UInt32.self), before: body.diskLoad(8 + Signature.size, as: UInt64.self),
                after: body.diskLoad(16 + Signature.size, as: UInt64.self), ranges: Array(ranges))
        case .backupPrepareLogs, .backupAbort, .backupStop, .initialize, .shutdown, .commitGroupEnd:
            guard payload == 0 else { return .corrupt }
            switch kind {
            case .backupPrepareLogs: record = .backupPrepareLogs
            case .backupAbort: record = .backupAbort
            case .backupStop: record = .backupStop
            case .initialize: record = .initialize
            case .commitGroupEnd: record = .commitGroupEnd
            default: record = .shutdown
            }
        }
        return .record(record, size: size)
    }
}
