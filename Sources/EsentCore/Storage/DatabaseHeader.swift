import CEsent
/// JET_filetype values written at offset 667 of every header (as ESE does, so `xxd` shows the kind of file).
package enum FileType: UInt8, Sendable {
    case database = 1
    case log = 3
    case checkpoint = 4
}

/// The database header (page 0, shadow copy in page 1), at ESE's DBFILEHDR offsets where ESE defines the field.
/// The only departure: an 8-byte checksum at 0, so the magic moves from 4 to 8. docs/file-formats.md has the table.
package struct DatabaseHeader: Equatable, Sendable {
    static let magic: UInt32 = 0x89AB_CDEF
    /// Format of this library's database file; bumped on incompatible layout changes.
    static let currentFormatVersion: UInt32 = 1
    static let currentFormatUpdate: UInt32 = 0
    /// `fullPrevType` / `incPrevType` values.
    static let backupTypeNone: UInt32 = 0
    static let backupTypeNormal: UInt32 = 1
    /// Recorded by an OS snapshot (JetOSSnapshot*); JetGetDatabaseFileInfo reports it as `fOSSnapshot`.
    package static let backupTypeOSSnapshot: UInt32 = 2

    /// Field offsets (bytes from the start of the header page).
    enum Offset {
        static let checksum = 0  // UInt64 over bytes 8..<pageSize, seed Checksum.databaseHeaderSeed
        static let magic = 8  // UInt32 0x89ABCDEF
        static let attributes = 12  // UInt32, 0 = database (ESE's le_attrib)
        static let dbTime = 16  // UInt64
        package static let signDb = 24  // Signature, 28 bytes
        package static let state = 52  // UInt32 JET_dbstate
        package static let lgposConsistent = 56
        package static let logtimeConsistent = 64
        package static let logtimeAttach = 72
        package static let lgposAttach = 80
        package static let logtimeDetach = 88
        package static let lgposDetach = 96
        static let dbid = 104  // UInt32
        package static let signLog = 108  // Signature
        package static let bkinfoFullPrev = 136  // BackupInfo, 24 bytes each
        package static let bkinfoIncPrev = 160
        package static let bkinfoFullCur = 184
        package static let formatVersion = 216  // UInt32
        package static let formatUpdate = 220  // UInt32
        package static let pageSize = 236  // UInt32 (0 read as 4096, as ESE does)
        static let genMinRequired = 240  // Int32
        static let genMaxRequired = 244  // Int32
        static let bkinfoSnapshotCur = 316
        static let fullPrevType = 356  // UInt32
        static let incPrevType = 360  // UInt32
        static let bkinfoCopyPrev = 420
        static let bkinfoDiffPrev = 444
        static let copyPrevType = 468  // UInt32
        static let diffPrevType = 472  // UInt32
        static let fileType = 667  // UInt8, 1 = JET_filetypeDatabase
    }

    var attributes: UInt32 = 0
    /// A counter the engine may advance on each update; not interpreted by storage.
    var dbTime: UInt64 = 0
    package var signDb: Signature
    /// JET_dbstate value (1 just created, 2 dirty shutdown, 3 clean shutdown, ... 8); decode rejects others.
    package var state: UInt32
    package var lgposConsistent: LogPosition = .none
    package var logtimeConsistent: LogTime = .none
    package var lgposAttach: LogPosition = .none
    package var logtimeAttach: LogTime = .none
    package var lgposDetach: LogPosition = .none
    package var logtimeDetach: LogTime = .none
    var dbid: UInt32 = 0
    package var signLog: Signature
    package var bkinfoFullPrev: BackupInfo = .none
    package var bkinfoIncPrev: BackupInfo = .none
    package var bkinfoFullCur: BackupInfo = .none
    package var formatVersion: UInt32 = DatabaseHeader.currentFormatVersion
    package var formatUpdate: UInt32 = DatabaseHeader.currentFormatUpdate
    /// Set by `encode(into:pageSize:)` and by DatabaseFile; checked against the page size on decode.
    package var pageSize: UInt32
    var genMinRequired: Int32 = 0
    var genMaxRequired: Int32 = 0
    var bkinfoSnapshotCur: BackupInfo = .none
    package var fullPrevType: UInt32 = DatabaseHeader.backupTypeNone
    package var incPrevType: UInt32 = DatabaseHeader.backupTypeNone
    package var bkinfoCopyPrev: BackupInfo = .none
    package var bkinfoDiffPrev: BackupInfo = .none
    var copyPrevType: UInt32 = DatabaseHeader.backupTypeNone
    var diffPrevType: UInt32 = DatabaseHeader.backupTypeNone

    static let validStates: ClosedRange<UInt32> = 1...8
    static let stateJustCreated = UInt32(JET_dbstateJustCreated)
    static let stateDirtyShutdown = UInt32(JET_dbstateDirtyShutdown)
    static let stateCleanShutdown = UInt32(JET_dbstateCleanShutdown)

    init(signDb: Signature, signLog: Signature, state: UInt32 = 1, dbid: UInt32 = 0, pageSize: Int) {
        self.signDb = signDb
        self.signLog = signLog
        self.state = state
        self.dbid = dbid
        self.pageSize = UInt32(truncatingIfNeeded: pageSize)
    }

    /// A header for a new database: fresh `signDb`, no log signature yet, state "just created".
    package static func new(pageSize: Int) -> DatabaseHeader {
        DatabaseHeader(signDb: .make(), signLog: .none, state: stateJustCreated, pageSize: pageSize)
    }

    /// Writes the whole header page (`pageSize` bytes, zeros where no field is), checksum included.
    func encode(into p: UnsafeMutableRawPointer, pageSize: Int) {
        p.initializeMemory(as: UInt8.self, repeating: 0, count: pageSize)
        p.diskStore(Self.magic, at: Offset.magic)
        p.diskStore(attributes, at: Offset.attributes)
        p.diskStore(dbTime, at: Offset.dbTime)
        signDb.encode(into: p + Offset.signDb)
        p.diskStore(state, at: Offset.state)
        lgposConsistent.encode(into: p + Offset.lgposConsistent)
        logtimeConsistent.encode(into: p + Offset.logtimeConsistent)
        logtimeAttach.encode(into: p + Offset.logtimeAttach)
        lgposAttach.encode(into: p + Offset.lgposAttach)
        logtimeDetach.encode(into: p + Offset.logtimeDetach)
        lgposDetach.encode(into: p + Offset.lgposDetach)
        p.diskStore(dbid, at: Offset.dbid)
        signLog.encode(into: p + Offset.signLog)
        bkinfoFullPrev.encode(into: p + Offset.bkinfoFullPrev)
        bkinfoIncPrev.encode(into: p + Offset.bkinfoIncPrev)
        bkinfoFullCur.encode(into: p + Offset.bkinfoFullCur)
        p.diskStore(formatVersion, at: Offset.formatVersion)
        p.diskStore(formatUpdate, at: Offset.formatUpdate)
        // The page size actually written is the one the page is encoded at, whatever the field said.
        p.diskStore(UInt32(truncatingIfNeeded: pageSize), at: Offset.pageSize)
        p.diskStore(genMinRequired, at: Offset.genMinRequired)
        p.diskStore(genMaxRequired, at: Offset.genMaxRequired)
        bkinfoSnapshotCur.encode(into: p + Offset.bkinfoSnapshotCur)
        p.diskStore(fullPrevType, at: Offset.fullPrevType)
        p.diskStore(incPrevType, at: Offset.incPrevType)
        bkinfoCopyPrev.encode(into: p + Offset.bkinfoCopyPrev)
        bkinfoDiffPrev.encode(into: p + Offset.bkinfoDiffPrev)
        p.diskStore(copyPrevType, at: Offset.copyPrevType)
        p.diskStore(diffPrevType, at: Offset.diffPrevType)
        p.diskStore(FileType.database.rawValue, at: Offset.fileType)
        p.diskStore(Checksum.page(p, count: pageSize, seed: Checksum.databaseHeaderSeed), at: Offset.checksum)
    }

    /// The page size a header page claims, when it looks like one of ours (magic, file type, a valid size);
    /// used to find the page size before the page can be checksummed. Reads only the first 4096 bytes.
    static func claimedPageSize(_ p: UnsafeRawPointer) -> Int? {
        guard looksLikeHeader(p) else { return nil }
        let raw = Int(p.diskLoad(Offset.pageSize, as: UInt32.self))
        let size = raw == 0 ? 4096 : raw
        return DatabaseFile.validPageSizes.contains(size) ? size : nil
    }

    /// Magic, attribute and file type say "database header" (not yet the checksum).
    static func looksLikeHeader(_ p: UnsafeRawPointer) -> Bool {
        p.diskLoad(Offset.magic, as: UInt32.self) == magic && p.diskLoad(Offset.attributes, as: UInt32.self) == 0
            && p.diskLoad(Offset.fileType, as: UInt8.self) == FileType.database.rawValue
    }

    /// Decodes a header page of `pageSize` bytes.
    /// - Throws: `.fileInvalidType` when magic, attribute or file type are not a database header's;
    ///   `.databaseCorrupted` when the checksum, the page size field or the state is wrong.
    static func decode(_ p: UnsafeRawPointer, pageSize: Int) throws(StorageFileError) -> DatabaseHeader {
        guard pageSize >= 4096, looksLikeHeader(p) else { throw .notADatabase }
        guard
            p.diskLoad(Offset.checksum, as: UInt64.self)
                == Checksum.page(p, count: pageSize, seed: Checksum.databaseHeaderSeed)
        else { throw .databaseDamaged(.header) }
        let rawSize = Int(p.diskLoad(Offset.pageSize, as: UInt32.self))
        guard (rawSize == 0 ? 4096 : rawSize) == pageSize else { throw .databaseDamaged(.header) }
        let state = p.diskLoad(Offset.state, as: UInt32.self)
        guard validStates.contains(state) else { throw .databaseDamaged(.header) }
        var h = DatabaseHeader(
            signDb: Signature(decoding: p + Offset.signDb), signLog: Signature(decoding: p + Offset.signLog),
            state: state, dbid: p.diskLoad(Offset.dbid, as: UInt32.self), pageSize: pageSize)
        h.attributes = p.diskLoad(Offset.attributes, as: UInt32.self)
        h.dbTime = p.diskLoad(Offset.dbTime, as: UInt64.self)
        h.lgposConsistent = LogPosition(decoding: p + Offset.lgposConsistent)
        h.logtimeConsistent = LogTime(decoding: p + Offset.logtimeConsistent)
        h.logtimeAttach = LogTime(decoding: p + Offset.logtimeAttach)
        h.lgposAttach = LogPosition(decoding: p + Offset.lgposAttach)
        h.logtimeDetach = LogTime(decoding: p + Offset.logtimeDetach)
        h.lgposDetach = LogPosition(decoding: p + Offset.lgposDetach)
        h.bkinfoFullPrev = BackupInfo(decoding: p + Offset.bkinfoFullPrev)
        h.bkinfoIncPrev = BackupInfo(decoding: p + Offset.bkinfoIncPrev)
        h.bkinfoFullCur = BackupInfo(decoding: p + Offset.bkinfoFullCur)
        h.formatVersion = p.diskLoad(Offset.formatVersion, as: UInt32.self)
        h.formatUpdate = p.diskLoad(Offset.formatUpdate, as: UInt32.self)
        h.genMinRequired = p.diskLoad(Offset.genMinRequired, as: Int32.self)
        h.genMaxRequired = p.diskLoad(Offset.genMaxRequired, as: Int32.self)
        h.bkinfoSnapshotCur = BackupInfo(decoding: p + Offset.bkinfoSnapshotCur)
        h.fullPrevType = p.diskLoad(Offset.fullPrevType, as: UInt32.self)
        h.incPrevType = p.diskLoad(Offset.incPrevType, as: UInt32.self)
        h.bkinfoCopyPrev = BackupInfo(decoding: p + Offset.bkinfoCopyPrev)
        h.bkinfoDiffPrev = BackupInfo(decoding: p + Offset.bkinfoDiffPrev)
        h.copyPrevType = p.diskLoad(Offset.copyPrevType, as: UInt32.self)
        h.diffPrevType = p.diskLoad(Offset.diffPrevType, as: UInt32.self)
        return h
    }
}

/// The trailer page that ends a database backup stream (ESE's PATCHHDR role): what a restore needs
/// to check the copy and the log range it depends on. Same size as a page, checksummed like a header page.
package struct BackupTrailer: Equatable, Sendable {
    /// "TRLR" when read with xxd.
    static let magic: UInt32 = 0x524C_5254

    enum Offset {
        static let checksum = 0  // UInt64 over bytes 8..<pageSize, seed Checksum.databaseHeaderSeed
        static let magic = 8  // UInt32 "TRLR"
        package static let pageSize = 12  // UInt32
        static let info = 16  // BackupInfo: mark, markTime, genLow (= CopyMic), genHigh
        package static let signDb = 40  // Signature
        package static let signLog = 68  // Signature
        static let generationMin = 96  // UInt32: oldest log generation the copy needs
        static let generationMax = 100  // UInt32: newest log generation the copy needs
        static let pgnoLast = 104  // UInt32: last data page in the stream (0 = not recorded)
        static let pathLength = 108  // UInt16: bytes of the database's path (0 = not recorded)
        static let fileType = 667  // UInt8 1 (JET_filetypeDatabase: the page belongs to a database stream)
        static let path = 672  // UTF-8, where the database was attached: where a restore puts it back
    }

    var info: BackupInfo
    package var signDb: Signature
    package var signLog: Signature
    var generationMin: UInt32
    var generationMax: UInt32
    var pgnoLast: UInt32
    /// The database's path when it was backed up ("" when it did not fit the page).
    var databasePath: String

    init(
        info: BackupInfo, signDb: Signature, signLog: Signature, generationMin: UInt32, generationMax: UInt32,
        pgnoLast: UInt32 = 0, databasePath: String = ""
    ) {
        self.info = info
        self.signDb = signDb
        self.signLog = signLog
        self.generationMin = generationMin
        self.generationMax = generationMax
        self.pgnoLast = pgnoLast
        self.databasePath = databasePath
    }

    /// Room for the path in a trailer page of `pageSize` bytes, after the file type byte.
    static func pathCapacity(pageSize: Int) -> Int { pageSize - Offset.path }

    /// Writes the whole trailer page (`pageSize` bytes), checksum included. No allocation.
    func encode(into p: UnsafeMutableRawPointer, pageSize: Int) {
        p.initializeMemory(as: UInt8.self, repeating: 0, count: pageSize)
        p.diskStore(Self.magic, at: Offset.magic)
        p.diskStore(UInt32(truncatingIfNeeded: pageSize), at: Offset.pageSize)
        info.encode(into: p + Offset.info)
        signDb.encode(into: p + Offset.signDb)
        signLog.encode(into: p + Offset.signLog)
        p.diskStore(generationMin, at: Offset.generationMin)
        p.diskStore(generationMax, at: Offset.generationMax)
        p.diskStore(pgnoLast, at: Offset.pgnoLast)
        // withUTF8 reads a native string in place: the backup read that builds this page allocates nothing.
        var path = databasePath
        path.withUTF8 { bytes in
            guard let source = bytes.baseAddress, bytes.count <= Self.pathCapacity(pageSize: pageSize) else { return }
            p.diskStore(UInt16(bytes.count), at: Offset.pathLength)
            (p + Offset.path).copyMemory(from: source, byteCount: bytes.count)
        }
        p.diskStore(FileType.database.rawValue, at: Offset.fileType)
        p.diskStore(Checksum.page(p, count: pageSize, seed: Checksum.databaseHeaderSeed), at: Offset.checksum)
    }

    /// Decodes a trailer page. Wrong magic or file type → `.fileInvalidType`; bad checksum or page size →
    /// `.badPatchPage` (ESE's error for a bad patch/trailer page).
    static func decode(_ p: UnsafeRawPointer, pageSize: Int) throws(StorageFileError) -> BackupTrailer {
        guard pageSize >= 4096, p.diskLoad(Offset.magic, as: UInt32.self) == magic,
            p.diskLoad(Offset.fileType, as: UInt8.self) == FileType.database.rawValue
        else { throw .notADatabase }
        guard
            p.diskLoad(Offset.checksum, as: UInt64.self)
                == Checksum.page(p, count: pageSize, seed: Checksum.databaseHeaderSeed),
            Int(p.diskLoad(Offset.pageSize, as: UInt32.self)) == pageSize
        else { throw .trailerDamaged }
        return BackupTrailer(
            info: BackupInfo(decoding: p + Offset.info), signDb: Signature(decoding: p + Offset.signDb),
            signLog: Signature(decoding: p + Offset.signLog),
            generationMin: p.diskLoad(Offset.generationMin, as: UInt32.self),
            generationMax: p.diskLoad(Offset.generationMax, as: UInt32.self),
            pgnoLast: p.diskLoad(Offset.pgnoLast, as: UInt32.self),
            databasePath: decodePath(p, pageSize: pageSize))
    }

    private static func decodePath(_ p: UnsafeRawPointer, pageSize: Int) -> String {
        let count = Int(p.diskLoad(Offset.pathLength, as: UInt16.self))
        guard count > 0, count <= pathCapacity(pageSize: pageSize) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: p + Offset.path, count: count), as: UTF8.self)
    }
}
