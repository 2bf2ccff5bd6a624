import SystemPackage
import Glibc
import Synchronization
import Testing

@testable import EsentCore

// Tests of the storage layer: disk types, checksums, database files, log stream, checkpoint.
// Serialized because the fault injector is process-wide; each injector also fires only on the test's own thread.

/// A folder under /tmp made with mkdtemp, removed with everything in it when released.
final class StorageTempFolder {
    let path: String

    init() {
        var template = Array("/tmp/esent-storage-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { b -> String? in
            guard let base = b.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        path = (made ?? "/tmp/esent-storage-failed") + "/"
    }

    deinit { Self.remove(path) }

    static func remove(_ folder: String) {
        let names = (try? SystemCalls.listDirectory(FilePath(folder))) ?? []
        for name in names {
            let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if SystemCalls.status(FilePath(full))?.isDirectory == true { remove(full) } else { try? SystemCalls.unlink(FilePath(full)) }
        }
        _ = rmdir(folder)
    }

    func sub(_ name: String) -> String {
        let p = path + name + "/"
        try? SystemCalls.mkdir(FilePath(p))
        return p
    }
}

/// Raw file access for corrupting bytes on purpose.
enum RawFile {
    static func read(_ path: String) throws -> [UInt8] {
        let fd = try SystemCalls.open(FilePath(path), .readOnly)
        defer { SystemCalls.close(fd) }
        let size = Int(try SystemCalls.fileSize(fd))
        var bytes = [UInt8](repeating: 0, count: size)
        let got = try bytes.withUnsafeMutableBytes { b in try SystemCalls.pread(fd, b.baseAddress!, size, 0) }
        #expect(got == size)
        return bytes
    }

    static func write(_ path: String, _ bytes: [UInt8], at offset: Int64 = 0, truncate: Bool = false) throws {
        let fd = try SystemCalls.open(FilePath(path), .writeOnly, options: truncate ? [.create, .truncate] : .create)
        defer { SystemCalls.close(fd) }
        try bytes.withUnsafeBytes { b in try SystemCalls.pwrite(fd, b.baseAddress!, b.count, offset) }
    }

    static func flip(_ path: String, at offset: Int64) throws {
        let fd = try SystemCalls.open(FilePath(path), .readWrite)
        defer { SystemCalls.close(fd) }
        var byte: UInt8 = 0
        _ = try SystemCalls.pread(fd, &byte, 1, offset)
        byte ^= 0x5A
        try SystemCalls.pwrite(fd, &byte, 1, offset)
    }

    static func size(_ path: String) -> Int64 { SystemCalls.status(FilePath(path))?.size ?? -1 }
}

/// Makes `call` fail with `code` on this thread only, after `skip` successful calls, while `body` runs.
final class StorageFaultCount: @unchecked Sendable { var n = 0 }

func withStorageFault<T>(_ call: SystemCall, errno code: Int32, skip: Int = 0, _ body: () throws -> T) rethrows -> T {
    let me = pthread_self()
    let count = StorageFaultCount()
    SystemCalls.faultInjector = { c, _ in
        guard c == call, pthread_equal(pthread_self(), me) != 0 else { return nil }
        count.n += 1
        return count.n > skip ? code : nil
    }
    defer { SystemCalls.faultInjector = nil }
    return try body()
}

func storageClock() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

@Suite(.serialized)
struct StorageTests {
    // MARK: Disk types

    @Test func logTimeRoundTripAndByteLayout() {
        let t = LogTime(
            seconds: 59, minutes: 58, hours: 23, day: 31, month: 12, yearSince1900: 125, isUTC: true,
            milliseconds: 999)
        var bytes = [UInt8](repeating: 0, count: 8)
        bytes.withUnsafeMutableBytes { t.encode(into: $0.baseAddress!) }
        #expect(bytes[0] == 59 && bytes[1] == 58 && bytes[2] == 23 && bytes[3] == 31 && bytes[4] == 12)
        #expect(bytes[5] == 125)
        #expect(bytes[6] == 1 | UInt8((999 & 0x7F) << 1))
        #expect(bytes[7] == UInt8(((999 >> 7) & 0x7) << 1))
        let back = bytes.withUnsafeBytes { LogTime(decoding: $0.baseAddress!) }
        #expect(back == t)
        #expect(LogTime.none.isNone)
        let now = LogTime.now()
        #expect(now.isUTC && (1...12).contains(now.month) && (1...31).contains(now.day) && now.yearSince1900 >= 124)
        #expect(now.milliseconds < 1000)
    }

    @Test func signaturePositionBackupInfoRoundTrip() {
        let s = Signature.make()
        #expect(!s.isNone && s.random != 0)
        var bytes = [UInt8](repeating: 0xEE, count: Signature.size)
        bytes.withUnsafeMutableBytes { s.encode(into: $0.baseAddress!) }
        #expect(bytes.withUnsafeBytes { Signature(decoding: $0.baseAddress!) } == s)
        let long = Signature(random: 7, created: .none, computerName: "a-very-long-host-name.example")
        #expect(long.computerName == "a-very-long-hos")
        long.encode(into: &bytes)
        #expect(bytes[12 + 15] == 0)
        #expect(Array(bytes[12..<15]) == Array("a-v".utf8))

        let a = LogPosition(ib: 100, isec: 2, generation: 5)
        let b = LogPosition(ib: 0, isec: 3, generation: 5)
        let c = LogPosition(ib: 0, isec: 0, generation: 6)
        #expect(a < b && b < c && LogPosition() == .none)
        var p8 = [UInt8](repeating: 0, count: 8)
        p8.withUnsafeMutableBytes { a.encode(into: $0.baseAddress!) }
        #expect(p8 == [100, 0, 2, 0, 5, 0, 0, 0])
        #expect(p8.withUnsafeBytes { LogPosition(decoding: $0.baseAddress!) } == a)

        let info = BackupInfo(mark: a, markTime: .now(), genLow: 3, genHigh: 9)
        var p24 = [UInt8](repeating: 0, count: 24)
        p24.withUnsafeMutableBytes { info.encode(into: $0.baseAddress!) }
        #expect(p24.withUnsafeBytes { BackupInfo(decoding: $0.baseAddress!) } == info)
        #expect(p24[16] == 3 && p24[20] == 9)
        #expect(BackupInfo.none.isNone && !info.isNone)
    }

    // MARK: Checksum

    @Test func checksumDetectsChangesAndMoves() {
        var page = [UInt8](repeating: 0, count: 8192)
        for i in 0..<page.count { page[i] = UInt8(truncatingIfNeeded: i &* 31 &+ 7) }
        let base = page.withUnsafeBytes { Checksum.page($0.baseAddress!, count: 8192, seed: 5) }
        // The first 8 bytes (where the checksum is stored) do not count.
        page[3] ^= 0xFF
        #expect(page.withUnsafeBytes { Checksum.page($0.baseAddress!, count: 8192, seed: 5) } == base)
        #expect(page.withUnsafeBytes { Checksum.page($0.baseAddress!, count: 8192, seed: 6) } != base)
        for offset in [8, 9, 63, 64, 4000, 8191] {
            page[offset] ^= 1
            #expect(page.withUnsafeBytes { Checksum.page($0.baseAddress!, count: 8192, seed: 5) } != base)
            page[offset] ^= 1
        }
        // Two words trading places, in one block and across blocks.
        for (x, y) in [(16, 24), (64, 128), (72, 4200)] {
            var moved = page
            for k in 0..<8 { moved.swapAt(x + k, y + k) }
            #expect(moved.withUnsafeBytes { Checksum.page($0.baseAddress!, count: 8192, seed: 5) } != base, "\(x) \(y)")
        }
        // One bit flipped up in one word and down in another word of the same lane: XOR and ADD both miss this.
        #expect(page[64] & 0x40 != 0 && page[128] & 0x40 == 0)
        var twoFlips = page
        twoFlips[64] ^= 0x40
        twoFlips[128] ^= 0x40
        #expect(twoFlips.withUnsafeBytes { Checksum.page($0.baseAddress!, count: 8192, seed: 5) } != base)
        let zero = [UInt8](repeating: 0, count: 8192)
        #expect(zero.withUnsafeBytes { Checksum.isAllZero($0.baseAddress!, count: 8192) })
        #expect(!page.withUnsafeBytes { Checksum.isAllZero($0.baseAddress!, count: 8192) })
        var almost = zero
        almost[8191] = 1
        #expect(!almost.withUnsafeBytes { Checksum.isAllZero($0.baseAddress!, count: 8192) })
        // Odd lengths (records) work too.
        let odd = Array(page[0..<13])
        let sumOdd = odd.withUnsafeBytes { Checksum.bytes($0.baseAddress!, count: 13, seed: 1) }
        var odd2 = odd
        odd2[12] ^= 1
        #expect(odd2.withUnsafeBytes { Checksum.bytes($0.baseAddress!, count: 13, seed: 1) } != sumOdd)
    }

    /// Verification speed on pages already in L2 cache (prints GB/s; checked in release builds only, because debug
    /// builds do not inline the SIMD operations).
    @Test func checksumSpeed() {
        let bytes = 256 * 1024
        let pageSize = getenv("ESENT_STORAGE_PAGE").map { Int(atoi($0)) } ?? 8192
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 4096)
        defer { buffer.deallocate() }
        for pgno in 0..<(bytes / pageSize) {
            DatabaseFile.formatPage(UInt32(pgno + 1), into: buffer + pgno * pageSize, pageSize: pageSize)
            (buffer + pgno * pageSize + 64).initializeMemory(as: UInt8.self, repeating: UInt8(pgno), count: 4096)
            DatabaseFile.sealPage(buffer + pgno * pageSize, pageSize: pageSize)
        }
        var failures = 0
        let rounds = 4000
        let start = storageClock()
        for _ in 0..<rounds {
            for pgno in 0..<(bytes / pageSize) {
                if DatabaseFile.verifyPage(buffer + pgno * pageSize, pgno: UInt32(pgno + 1), pageSize: pageSize) != nil
                {
                    failures += 1
                }
            }
        }
        let seconds = storageClock() - start
        let gbps = Double(rounds * bytes) / seconds / 1e9
        print("Storage checksum: verifyPage at \(gbps) GB/s (\(pageSize / 1024) KiB pages, 256 KiB working set)")
        #expect(failures == 0)
        #if !DEBUG
        // Release builds: far above a page-cache read.
        #expect(gbps > 20)
        #endif
    }

    // MARK: Database header and trailer

    @Test func databaseHeaderRoundTrip() throws {
        var h = DatabaseHeader.new(pageSize: 8192)
        h.signLog = .make()
        h.state = DatabaseHeader.stateDirtyShutdown
        h.dbTime = 77
        h.dbid = 3
        h.lgposConsistent = LogPosition(ib: 1, isec: 2, generation: 3)
        h.logtimeConsistent = .now()
        h.lgposAttach = LogPosition(ib: 4, isec: 5, generation: 6)
        h.logtimeAttach = .now()
        h.lgposDetach = LogPosition(ib: 7, isec: 8, generation: 9)
        h.logtimeDetach = .now()
        h.bkinfoFullPrev = BackupInfo(mark: h.lgposAttach, markTime: .now(), genLow: 1, genHigh: 2)
        h.bkinfoIncPrev = BackupInfo(mark: h.lgposAttach, markTime: .now(), genLow: 3, genHigh: 4)
        h.bkinfoFullCur = BackupInfo(mark: h.lgposAttach, markTime: .now(), genLow: 5, genHigh: 0)
        h.bkinfoSnapshotCur = BackupInfo(mark: h.lgposAttach, markTime: .now(), genLow: 6, genHigh: 7)
        h.bkinfoCopyPrev = BackupInfo(mark: h.lgposAttach, markTime: .now(), genLow: 8, genHigh: 9)
        h.bkinfoDiffPrev = BackupInfo(mark: h.lgposAttach, markTime: .now(), genLow: 10, genHigh: 11)
        h.fullPrevType = DatabaseHeader.backupTypeNormal
        h.incPrevType = DatabaseHeader.backupTypeNormal
        h.genMinRequired = 12
        h.genMaxRequired = 13
        var page = [UInt8](repeating: 0xCC, count: 8192)
        page.withUnsafeMutableBytes { h.encode(into: $0.baseAddress!, pageSize: 8192) }
        // ESE's offsets for the fields backup depends on.
        func u32(_ o: Int) -> UInt32 { page.withUnsafeBytes { $0.baseAddress!.diskLoad(o, as: UInt32.self) } }
        #expect(u32(8) == 0x89AB_CDEF && u32(52) == 2 && u32(236) == 8192 && u32(356) == 1 && page[667] == 1)
        #expect(u32(184 + 16) == 5 && u32(136 + 16) == 1 && u32(420 + 16) == 8 && u32(444 + 16) == 10)
        #expect(page.withUnsafeBytes { Signature(decoding: $0.baseAddress! + 24) } == h.signDb)
        #expect(page.withUnsafeBytes { Signature(decoding: $0.baseAddress! + 108) } == h.signLog)
        let back = try page.withUnsafeBytes { b in try DatabaseHeader.decode(b.baseAddress!, pageSize: 8192) }
        #expect(back == h)
        // Wrong page size, damage, wrong type.
        #expect(throws: JetError.databaseCorrupted) {
            try page.withUnsafeBytes { b in _ = try storage(try DatabaseHeader.decode(b.baseAddress!, pageSize: 4096)) }
        }
        var damaged = page
        damaged[5000] ^= 1
        #expect(throws: JetError.databaseCorrupted) {
            try damaged.withUnsafeBytes { b in _ = try storage(try DatabaseHeader.decode(b.baseAddress!, pageSize: 8192)) }
        }
        var other = page
        other[667] = 3
        #expect(throws: JetError.fileInvalidType) {
            try other.withUnsafeBytes { b in _ = try storage(try DatabaseHeader.decode(b.baseAddress!, pageSize: 8192)) }
        }
    }

    @Test func trailerRoundTrip() throws {
        let t = BackupTrailer(
            info: BackupInfo(
                mark: LogPosition(ib: 24, isec: 1, generation: 4), markTime: .now(), genLow: 4, genHigh: 6),
            signDb: .make(), signLog: .make(), generationMin: 4, generationMax: 6, pgnoLast: 99)
        var page = [UInt8](repeating: 0xAB, count: 4096)
        page.withUnsafeMutableBytes { DatabaseFile.makeTrailerPage(into: $0.baseAddress!, pageSize: 4096, info: t) }
        #expect(Array(page[8..<12]) == Array("TRLR".utf8) && page[667] == 1)
        let back = try page.withUnsafeBytes { b in try BackupTrailer.decode(b.baseAddress!, pageSize: 4096) }
        #expect(back == t)
        page[100] ^= 1
        #expect(throws: JetError.badPatchPage) {
            try page.withUnsafeBytes { b in _ = try storage(try BackupTrailer.decode(b.baseAddress!, pageSize: 4096)) }
        }
    }

    // MARK: Database file

    @Test func databaseCreateOpenGrowRead() throws {
        let folder = StorageTempFolder()
        let path = folder.path + "a.edb"
        let header = DatabaseHeader.new(pageSize: 8192)
        do {
            let db = try DatabaseFile.create(
                path: FilePath(path), pageSize: 8192, dataPages: 10, header: header, overwrite: false)
            #expect(db.pgnoLast == 10 && db.pageSize == 8192 && db.totalPages == 12)
        }
        #expect(RawFile.size(path) == 12 * 8192)
        #expect(throws: JetError.databaseDuplicate) {
            _ = try storage(
                try DatabaseFile.create(path: FilePath(path), pageSize: 8192, dataPages: 1, header: header, overwrite: false))
        }
        var db: DatabaseFile? = try DatabaseFile.open(path: FilePath(path), readOnly: false)
        try checkCreatedFile(db!, path: path, header: header)
        // The file is locked while open: a second open, or an overwrite, is a sharing violation (ESE's -1215).
        #expect(throws: JetError.databaseSharingViolation) { _ = try storage(try DatabaseFile.open(path: FilePath(path), readOnly: true)) }
        #expect(throws: JetError.databaseSharingViolation) {
            _ = try storage(
                try DatabaseFile.create(path: FilePath(path), pageSize: 4096, dataPages: 0, header: header, overwrite: true))
        }
        db = nil
        // Read-only opens share.
        let first = try DatabaseFile.open(path: FilePath(path), readOnly: true)
        let second = try DatabaseFile.open(path: FilePath(path), readOnly: true)
        #expect(first.header == second.header)
    }

    private func checkCreatedFile(_ db: DatabaseFile, path: String, header: DatabaseHeader) throws {
        #expect(db.header == header && db.pgnoLast == 10 && db.pageSize == 8192)
        // Both header copies are identical and every page is formatted (no holes).
        let raw = try RawFile.read(path)
        #expect(Array(raw[0..<8192]) == Array(raw[8192..<16384]))
        #expect(raw[(3 + 1) * 8192 + 8] == 3)

        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 20 * 8192, alignment: 4096)
        defer { buffer.deallocate() }
        try db.readVerifiedPages(firstPgno: 1, count: 10, into: buffer)
        for i in 0..<10 { #expect((buffer + i * 8192).diskLoad(8, as: UInt32.self) == UInt32(i + 1)) }
        #expect(throws: JetError.invalidParameter) { try storage(try db.readVerifiedPages(firstPgno: 0, count: 1, into: buffer)) }
        // Beyond the end of the file: the file is shorter than the caller's snapshot.
        #expect(throws: JetError.diskIO) { try storage(try db.readVerifiedPages(firstPgno: 9, count: 3, into: buffer)) }

        try db.grow(toTotalPages: 20)
        #expect(db.pgnoLast == 18 && RawFile.size(path) == 20 * 8192)
        try db.grow(toTotalPages: 5)
        #expect(db.pgnoLast == 18 && RawFile.size(path) == 20 * 8192)
        try db.readVerifiedPages(firstPgno: 1, count: 18, into: buffer)

        var h = db.header
        h.state = DatabaseHeader.stateCleanShutdown
        h.bkinfoFullPrev = BackupInfo(
            mark: LogPosition(ib: 1, isec: 1, generation: 2), markTime: .now(), genLow: 2, genHigh: 3)
        try db.writeHeader(h)
        let (onDisk, size) = try DatabaseFile.readHeader(path: FilePath(path))
        #expect(onDisk == h && size == 20 * 8192)
    }

    @Test func databaseReopenOverwriteAndMissing() throws {
        let folder = StorageTempFolder()
        let path = folder.path + "b.edb"
        let header = DatabaseHeader.new(pageSize: 8192)
        var h = header
        do {
            let db = try DatabaseFile.create(
                path: FilePath(path), pageSize: 8192, dataPages: 18, header: header, overwrite: false)
            h.state = DatabaseHeader.stateCleanShutdown
            try db.writeHeader(h)
        }
        do {
            let again = try DatabaseFile.open(path: FilePath(path), readOnly: true)
            #expect(again.pgnoLast == 18 && again.header == h)
            #expect(throws: JetError.databaseFileReadOnly) { try storage(try again.grow(toTotalPages: 30)) }
        }
        _ = try DatabaseFile.create(path: FilePath(path), pageSize: 4096, dataPages: 0, header: header, overwrite: true)
        #expect(RawFile.size(path) == 2 * 4096)
        #expect(throws: JetError.fileNotFound) {
            _ = try storage(try DatabaseFile.open(path: FilePath(folder.path + "none.edb"), readOnly: false))
        }
        #expect(throws: JetError.fileAccessDenied) { _ = try storage(try DatabaseFile.open(path: FilePath(folder.path), readOnly: false)) }
    }

    @Test(arguments: [4096, 8192, 16384, 32768])
    func everyPageSize(pageSize: Int) throws {
        let folder = StorageTempFolder()
        let path = folder.path + "p.edb"
        _ = try DatabaseFile.create(
            path: FilePath(path), pageSize: pageSize, dataPages: 3, header: .new(pageSize: pageSize), overwrite: false)
        // Damage page 0 (its page size field included): page 1 still opens the file.
        try RawFile.flip(path, at: 236)
        try RawFile.flip(path, at: 1000)
        do {
            let db = try DatabaseFile.open(path: FilePath(path), readOnly: false)
            #expect(db.pageSize == pageSize && db.pgnoLast == 3)
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 3 * pageSize, alignment: 4096)
            defer { buffer.deallocate() }
            try db.readVerifiedPages(firstPgno: 1, count: 3, into: buffer)
        }
        // Both copies damaged.
        try RawFile.flip(path, at: Int64(pageSize) + 300)
        #expect(throws: JetError.databaseCorrupted) { _ = try storage(try DatabaseFile.open(path: FilePath(path), readOnly: false)) }
    }

    @Test func databaseOpenRejectsOtherFiles() throws {
        let folder = StorageTempFolder()
        let junk = folder.path + "junk.edb"
        try RawFile.write(junk, [UInt8](repeating: 0x41, count: 3 * 8192))
        #expect(throws: JetError.fileInvalidType) { _ = try storage(try DatabaseFile.open(path: FilePath(junk), readOnly: false)) }
        try RawFile.write(folder.path + "empty.edb", [])
        #expect(throws: JetError.fileInvalidType) {
            _ = try storage(try DatabaseFile.open(path: FilePath(folder.path + "empty.edb"), readOnly: false))
        }
        // A size that is not whole pages.
        let path = folder.path + "b.edb"
        _ = try DatabaseFile.create(
            path: FilePath(path), pageSize: 8192, dataPages: 2, header: .new(pageSize: 8192), overwrite: false)
        try RawFile.write(path, [1, 2, 3], at: 4 * 8192)
        #expect(throws: JetError.databaseCorrupted) { _ = try storage(try DatabaseFile.open(path: FilePath(path), readOnly: false)) }
    }

    @Test func readVerificationFailures() throws {
        let folder = StorageTempFolder()
        let path = folder.path + "v.edb"
        let pageSize = 8192
        let db = try DatabaseFile.create(
            path: FilePath(path), pageSize: pageSize, dataPages: 12, header: .new(pageSize: pageSize), overwrite: false)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 12 * pageSize, alignment: 4096)
        defer { buffer.deallocate() }
        func offset(_ pgno: Int) -> Int64 { Int64(pgno + 1) * Int64(pageSize) }

        // One byte of page 5's body.
        try RawFile.flip(path, at: offset(5) + 4000)
        #expect(throws: JetError.readVerifyFailure) { try storage(try db.readVerifiedPages(firstPgno: 1, count: 12, into: buffer)) }
        try db.readVerifiedPages(firstPgno: 1, count: 4, into: buffer)
        try db.readVerifiedPages(firstPgno: 6, count: 7, into: buffer)
        // A byte of the stored page number fails the checksum too.
        try RawFile.flip(path, at: offset(5) + 4000)
        try RawFile.flip(path, at: offset(5) + 9)
        #expect(throws: JetError.readVerifyFailure) { try storage(try db.readVerifiedPages(firstPgno: 5, count: 1, into: buffer)) }
        try RawFile.flip(path, at: offset(5) + 9)
        try db.readVerifiedPages(firstPgno: 5, count: 1, into: buffer)

        // Page 3 copied over page 7: a sound page in the wrong place.
        let raw = try RawFile.read(path)
        try RawFile.write(path, Array(raw[Int(offset(3))..<Int(offset(4))]), at: offset(7))
        #expect(throws: JetError.readPgnoVerifyFailure) {
            try storage(try db.readVerifiedPages(firstPgno: 1, count: 12, into: buffer))
        }
        #expect(throws: JetError.readPgnoVerifyFailure) {
            try storage(try db.readVerifiedPages(firstPgno: 7, count: 1, into: buffer))
        }

        // A never-written (all zero) page passes.
        try RawFile.write(path, [UInt8](repeating: 0, count: pageSize), at: offset(7))
        try db.readVerifiedPages(firstPgno: 1, count: 12, into: buffer)

        // Truncated under the reader.
        _ = truncate(path, off_t(offset(11)))
        #expect(throws: JetError.diskIO) { try storage(try db.readVerifiedPages(firstPgno: 1, count: 12, into: buffer)) }
    }

    /// Reads of many chunks give the errors of checking page by page, whether each chunk is checked right after its
    /// read or beside the next read on the page check helper: every damaged page found wherever it is, the first
    /// error in page order when there are several, a read failure only after the chunks before it passed, and a torn
    /// page read again, on the reading thread.
    @Test(arguments: [false, true])
    func largeReadsGiveTheErrorsOfCheckingPageByPage(besideHelper: Bool) throws {
        PageCheckHelper.forcedMode = besideHelper
        defer { PageCheckHelper.forcedMode = nil }
        let folder = StorageTempFolder()
        let path = folder.path + "big.edb"
        let pageSize = 4096
        let chunkPages = DatabaseFile.verifyChunkBytes / pageSize
        let far = 64 * chunkPages
        let pages = far + 3 * chunkPages + 5
        let db = try DatabaseFile.create(
            path: FilePath(path), pageSize: pageSize, dataPages: pages, header: .new(pageSize: pageSize), overwrite: false)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: pages * pageSize, alignment: 4096)
        defer { buffer.deallocate() }
        func offset(_ pgno: Int) -> Int64 { Int64(pgno + 1) * Int64(pageSize) }
        func readAll(_ tries: Int = 2) -> [JetError?] {
            (0..<tries).map { _ in
                do throws(JetError) {
                    try storage(try db.readVerifiedPages(firstPgno: 1, count: pages, into: buffer))
                    return nil
                } catch { return error }
            }
        }
        #expect(readAll() == Array(repeating: nil, count: 2))
        #expect(buffer.load(fromByteOffset: (pages - 1) * pageSize + 8, as: UInt32.self) == UInt32(pages))

        // One bad page: the first, inside a chunk, the last of a chunk, the first of the next, the very last page.
        for pgno in [1, 3 * chunkPages + 7, far, far + 1, pages - 2, pages] {
            try RawFile.flip(path, at: offset(pgno) + 2000)
            #expect(readAll() == Array(repeating: .readVerifyFailure, count: 2), "page \(pgno)")
            try RawFile.flip(path, at: offset(pgno) + 2000)
        }
        #expect(readAll(1) == [nil])

        // Two errors: the one of the lower page is reported, whichever chunk was checked first.
        let raw = try RawFile.read(path)
        let early = 2 * chunkPages + 1
        let late = 9 * chunkPages + 3
        try RawFile.write(path, Array(raw[Int(offset(4))..<Int(offset(5))]), at: offset(late))
        try RawFile.flip(path, at: offset(early) + 100)
        #expect(readAll() == Array(repeating: .readVerifyFailure, count: 2))
        try RawFile.flip(path, at: offset(early) + 100)
        #expect(readAll() == Array(repeating: .readPgnoVerifyFailure, count: 2))
        // Within one chunk too: a wrong-place page, then a damaged one after it.
        try RawFile.flip(path, at: offset(late + 7) + 100)
        #expect(readAll() == Array(repeating: .readPgnoVerifyFailure, count: 2))
        try RawFile.flip(path, at: offset(late + 7) + 100)
        try RawFile.write(path, Array(raw[Int(offset(late))..<Int(offset(late + 1))]), at: offset(late))
        #expect(readAll(1) == [nil])

        // A never-written (all zero) page among sound ones passes.
        try RawFile.write(path, [UInt8](repeating: 0, count: pageSize), at: offset(2 * chunkPages + 3))
        #expect(readAll(1) == [nil])
        try RawFile.write(path, Array(raw[Int(offset(2 * chunkPages + 3))..<Int(offset(2 * chunkPages + 4))]), at: offset(2 * chunkPages + 3))

        // A failed read comes after the chunks before it: their damage first, else the read's error.
        #expect(throws: JetError.diskIO) {
            try withStorageFault(.pread, errno: EIO, skip: 5) {
                try storage(try db.readVerifiedPages(firstPgno: 1, count: pages, into: buffer))
            }
        }
        try RawFile.flip(path, at: offset(chunkPages + 2) + 100)
        // Damage in the second chunk and a failing sixth read: the damage, which comes first, is reported.
        let me = pthread_self()
        let reads = StorageFaultCount()
        SystemCalls.faultInjector = { c, _ in
            guard c == .pread, pthread_equal(pthread_self(), me) != 0 else { return nil }
            reads.n += 1
            return reads.n == 6 ? EIO : nil
        }
        #expect(throws: JetError.readVerifyFailure) {
            try storage(try db.readVerifiedPages(firstPgno: 1, count: pages, into: buffer))
        }
        SystemCalls.faultInjector = nil
        try RawFile.flip(path, at: offset(chunkPages + 2) + 100)

        // A page torn by a writer at that moment is read again under the write lock, on the reading thread.
        let good = try PageBuffer(bytes: pageSize)
        defer { good.deallocate() }
        let torn = 5 * chunkPages + 9
        try RawFile.write(path, [UInt8](repeating: 0x33, count: 1000), at: offset(torn) + 3000)
        let reader = pthread_self()
        nonisolated(unsafe) var hookThreads: [Bool] = []
        db.afterFailedPageRead = { pgno in
            hookThreads.append(pthread_equal(pthread_self(), reader) != 0)
            good.pointer.initializeMemory(as: UInt8.self, repeating: 0x66, count: pageSize)
            try? db.writePage(pgno, from: good.pointer)
        }
        try db.readVerifiedPages(firstPgno: 1, count: pages, into: buffer)
        db.afterFailedPageRead = nil
        #expect(hookThreads == [true])
        #expect(buffer.load(fromByteOffset: (torn - 1) * pageSize + 100, as: UInt8.self) == 0x66)

        // Truncated under the reader, with and without damage before the end.
        _ = truncate(path, off_t(offset(pages - chunkPages)))
        #expect(readAll() == Array(repeating: .diskIO, count: 2))
        try RawFile.flip(path, at: offset(7 * chunkPages) + 100)
        #expect(readAll() == Array(repeating: .readVerifyFailure, count: 2))
    }

    /// Four threads reading large runs of one file at once (one of them beside the page check helper when it is
    /// forced on, the others alone): each finds the damaged page every time.
    @Test(arguments: [false, true])
    func concurrentLargeReadsAreEachChecked(besideHelper: Bool) throws {
        PageCheckHelper.forcedMode = besideHelper
        defer { PageCheckHelper.forcedMode = nil }
        let folder = StorageTempFolder()
        let path = folder.path + "two.edb"
        let pageSize = 8192
        let pages = 4 * DatabaseFile.verifyChunkBytes / pageSize + 3
        let db = try DatabaseFile.create(
            path: FilePath(path), pageSize: pageSize, dataPages: pages, header: .new(pageSize: pageSize), overwrite: false)
        try RawFile.flip(path, at: Int64(pages) * Int64(pageSize) + 50)
        final class Counts: @unchecked Sendable {
            let failures = Atomic<Int>(0)
            let passes = Atomic<Int>(0)
            let done = Atomic<Int>(0)
        }
        let counts = Counts()
        let file = UncheckedBox(db)
        for _ in 0..<4 {
            Thread.start {
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: pages * pageSize, alignment: 4096)
                defer { buffer.deallocate() }
                for _ in 0..<50 {
                    do throws(JetError) {
                        try storage(try file.value.readVerifiedPages(firstPgno: 1, count: pages, into: buffer))
                        counts.passes.add(1, ordering: .relaxed)
                    } catch {
                        if error == .readVerifyFailure { counts.failures.add(1, ordering: .relaxed) }
                    }
                }
                counts.done.add(1, ordering: .releasing)
            }
        }
        while counts.done.load(ordering: .acquiring) < 4 { usleep(1000) }
        let failures = counts.failures.load(ordering: .relaxed)
        let passes = counts.passes.load(ordering: .relaxed)
        #expect(failures == 200 && passes == 0)
    }

    /// The page check helper takes part in large reads (on a machine where this process may use two CPUs) and its
    /// pieces pass; the buffer holds every page when the read returns.
    @Test func thePageCheckHelperChecksPiecesOfLargeReads() throws {
        guard let helper = PageCheckHelper.shared else { return }  // one CPU, or ESENT_PAGE_CHECK_THREAD=0
        PageCheckHelper.forcedMode = true
        defer { PageCheckHelper.forcedMode = nil }
        let folder = StorageTempFolder()
        let path = folder.path + "helper.edb"
        let pageSize = 4096
        let pages = 16 * DatabaseFile.verifyChunkBytes / pageSize
        let db = try DatabaseFile.create(
            path: FilePath(path), pageSize: pageSize, dataPages: pages, header: .new(pageSize: pageSize), overwrite: false)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: pages * pageSize, alignment: 4096)
        defer { buffer.deallocate() }
        let before = helper.helperPieces.load(ordering: .relaxed)
        // It may be slow to start on a busy machine: a number of reads, no time limit.
        var reads = 0
        while helper.helperPieces.load(ordering: .relaxed) == before && reads < 20_000 {
            buffer.initializeMemory(as: UInt8.self, repeating: 0xEE, count: pages * pageSize)
            try db.readVerifiedPages(firstPgno: 1, count: pages, into: buffer)
            for pgno in 1...pages {
                #expect(buffer.load(fromByteOffset: (pgno - 1) * pageSize + 8, as: UInt32.self) == UInt32(pgno))
            }
            reads += 1
        }
        #expect(helper.helperPieces.load(ordering: .relaxed) > before)
    }

    /// The choice between checking beside the helper and alone follows the measured cost per byte: each way is
    /// measured first (the first read after a switch not counted), then the faster one is kept (beside only when it
    /// saves `besideMargin`) and the slower one measured again for `probeLength` reads every `probeEvery` reads.
    @Test func thePageCheckChooserKeepsToTheFasterWayAndProbesTheOther() {
        typealias C = PageCheckHelper.Chooser
        var chooser = C()
        var ways: [Bool] = []
        func read(besideNanoseconds: UInt64, aloneNanoseconds: UInt64) {
            let way = chooser.beside
            ways.append(way)
            chooser.record(beside: way, nanoseconds: way ? besideNanoseconds : aloneNanoseconds, bytes: 1000)
        }
        // Beside first (warm-up, then measured), then alone (the same), then the faster: beside.
        for _ in 0..<4 { read(besideNanoseconds: 100, aloneNanoseconds: 200) }
        #expect(ways == [true, true, false, false])
        #expect(chooser.besideCost == 0.1 && chooser.aloneCost == 0.2)
        ways = []
        for _ in 0..<(C.probeEvery + C.probeLength + 3) { read(besideNanoseconds: 100, aloneNanoseconds: 200) }
        #expect(Array(ways.prefix(C.probeEvery)) == Array(repeating: true, count: C.probeEvery))
        #expect(Array(ways[C.probeEvery..<(C.probeEvery + C.probeLength)]) == Array(repeating: false, count: C.probeLength))
        #expect(ways.suffix(3) == [true, true, true])
        // Beside turns slow (the second core went to other work): alone from the next decision on.
        ways = []
        for _ in 0..<(C.probeEvery + 20) { read(besideNanoseconds: 500, aloneNanoseconds: 200) }
        #expect(chooser.besideCost > chooser.aloneCost)
        #expect(ways.suffix(10) == Array(repeating: false, count: 10))
        // Reads that cost about the same either way (they wait for the disk): alone, the helper left idle.
        var even = C()
        for _ in 0..<(C.probeEvery + 8) {
            let way = even.beside
            even.record(beside: way, nanoseconds: way ? 198 : 200, bytes: 1000)
        }
        #expect(!even.beside)
        // A read of the other way (a forced one) or of no bytes changes nothing.
        let before = (chooser.besideCost, chooser.aloneCost, chooser.beside)
        chooser.record(beside: !chooser.beside, nanoseconds: 1, bytes: 1000)
        chooser.record(beside: chooser.beside, nanoseconds: 1, bytes: 0)
        #expect(before == (chooser.besideCost, chooser.aloneCost, chooser.beside))
    }

    @Test func databaseFaultsSurfaceAsJetErrors() throws {
        let folder = StorageTempFolder()
        let path = folder.path + "f.edb"
        #expect(throws: JetError.diskFull) {
            try withStorageFault(.pwrite, errno: ENOSPC, skip: 1) {
                _ = try storage(
                    try DatabaseFile.create(
                        path: FilePath(path), pageSize: 4096, dataPages: 600, header: .new(pageSize: 4096),
                        overwrite: false))
            }
        }
        // Nothing is left behind, so a retry is not a duplicate.
        #expect(SystemCalls.status(FilePath(path)) == nil)
        let db = try DatabaseFile.create(
            path: FilePath(path), pageSize: 4096, dataPages: 4, header: .new(pageSize: 4096), overwrite: false)
        #expect(throws: JetError.diskFull) {
            try withStorageFault(.pwrite, errno: ENOSPC, skip: 1) { try storage(try db.grow(toTotalPages: 1000)) }
        }
        #expect(db.pgnoLast == 4 && RawFile.size(path) == 6 * 4096)
        #expect(throws: JetError.diskIO) {
            try withStorageFault(.fdatasync, errno: EIO) { try storage(try db.grow(toTotalPages: 10)) }
        }
        #expect(db.pgnoLast == 4 && RawFile.size(path) == 6 * 4096)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 4 * 4096, alignment: 4096)
        defer { buffer.deallocate() }
        #expect(throws: JetError.diskIO) {
            try withStorageFault(.pread, errno: EIO) { try storage(try db.readVerifiedPages(firstPgno: 1, count: 4, into: buffer)) }
        }
        #expect(throws: JetError.diskFull) {
            try withStorageFault(.pwrite, errno: ENOSPC) { try storage(try db.writeHeader(db.header)) }
        }
        #expect(throws: JetError.fileAccessDenied) {
            try withStorageFault(.open, errno: EACCES) { _ = try storage(try DatabaseFile.readHeader(path: FilePath(path))) }
        }
    }

    // MARK: Log names and records

    @Test func logNamesDefault() throws {
        // ESENT's default, 3: `.log`/`.chk`, 5 digits while the generation fits, then 8.
        let names = LogFileNames(base: "edb")
        #expect(names.legacyFlags == 3)
        #expect(names.currentLog == "edb.log" && names.temporaryLog == "edbtmp.log" && names.checkpoint == "edb.chk")
        #expect(names.archived(1) == "edb00001.log")
        #expect(names.archived(0xFFFFF) == "edbFFFFF.log")
        #expect(names.archived(0x100000) == "edb00100000.log")
        #expect(LogFileNames(base: "abc").archived(0xABC) == "abc00ABC.log")
        #expect(try names.scannedGeneration("edb00001.log") == 1)
        #expect(try names.scannedGeneration("EDB0000a.log") == 10)
        #expect(try names.scannedGeneration("edb00100000.log") == 0x100000)
        #expect(try LogFileNames(base: "EDB").scannedGeneration("edb0000001A.LOG") == 0x1A)
        #expect(names.parseArchived("edb00001.log")?.digits == 5)
        #expect(names.parseArchived("edb00000001.log")?.digits == 8)
        for bad in [
            "edb.log", "edbtmp.log", "edb0001.log", "edb000001.log", "edb00001.chk", "xyz00001.log", "edb0000g.log",
            "edb00000.log", "edbFFFFFFFF.log", "edb00001.log2", "", "edb00001.jtx", "edb00000001.jtx",
        ] {
            #expect(names.parseArchived(bad) == nil, "\(bad)")
            #expect(try names.scannedGeneration(bad) == nil, "\(bad)")
        }
    }

    @Test func logNamesESE98Only() throws {
        // 1 (Exchange ESE's default): `.log`/`.chk`, always 8 digits; a 5-digit name in the folder is -513.
        let names = LogFileNames(base: "edb", legacyFlags: 1)
        #expect(names.currentLog == "edb.log" && names.temporaryLog == "edbtmp.log" && names.checkpoint == "edb.chk")
        #expect(names.archived(1) == "edb00000001.log")
        #expect(names.archived(0xFFFFF) == "edb000FFFFF.log")
        #expect(names.archived(0x100000) == "edb00100000.log")
        #expect(try names.scannedGeneration("edb00000001.log") == 1)
        #expect(try names.scannedGeneration("EDB0000000a.LOG") == 10)
        #expect(names.parseArchived("edb00001.log")?.generation == 1)
        #expect(throws: JetError.logGenerationMismatch) { _ = try storage(try names.scannedGeneration("edb00001.log")) }
        #expect(throws: JetError.logGenerationMismatch) { _ = try storage(try names.scannedGeneration("EDBfffff.log")) }
        // Other extensions are not logs of this stream, whatever their digits.
        #expect(try names.scannedGeneration("edb00001.jtx") == nil)
        #expect(try names.scannedGeneration("edb00000001.jtx") == nil)
    }

    @Test func logNamesShortOnly() throws {
        // 2: `.jtx`/`.jcp`, 5 digits while the generation fits.
        let names = LogFileNames(base: "edb", legacyFlags: 2)
        #expect(names.currentLog == "edb.jtx" && names.temporaryLog == "edbtmp.jtx" && names.checkpoint == "edb.jcp")
        #expect(names.archived(1) == "edb00001.jtx")
        #expect(names.archived(0xFFFFF) == "edbFFFFF.jtx")
        #expect(names.archived(0x100000) == "edb00100000.jtx")
        #expect(try names.scannedGeneration("edb00001.jtx") == 1)
        #expect(try names.scannedGeneration("Edb0000000B.JTX") == 11)
        #expect(try names.scannedGeneration("edb00001.log") == nil)
        #expect(try names.scannedGeneration("edb.jtx") == nil)
    }

    @Test func logNamesNeither() throws {
        // 0: `.jtx`/`.jcp`, always 8 digits; a 5-digit `.jtx` in the folder is -513.
        let names = LogFileNames(base: "edb", legacyFlags: 0)
        #expect(names.currentLog == "edb.jtx" && names.temporaryLog == "edbtmp.jtx" && names.checkpoint == "edb.jcp")
        #expect(names.archived(1) == "edb00000001.jtx")
        #expect(names.archived(0x7FFF_F800) == "edb7FFFF800.jtx")
        #expect(try names.scannedGeneration("edb00000001.jtx") == 1)
        #expect(throws: JetError.logGenerationMismatch) { _ = try storage(try names.scannedGeneration("edb00001.jtx")) }
        #expect(try names.scannedGeneration("edb00001.log") == nil)
        #expect(try names.scannedGeneration("edb00000001.log") == nil)
        // Bits beyond the two named ones change nothing.
        #expect(LogFileNames(base: "edb", legacyFlags: 0xFC).archived(1) == "edb00000001.jtx")
        #expect(LogFileNames(base: "edb", legacyFlags: 0xFF).archived(1) == "edb00001.log")
    }

    @Test func logStreamUsesLegacyNames() throws {
        for flags: UInt in [0, 1, 2, 3] {
            let folder = StorageTempFolder()
            let names = LogFileNames(base: "edb", legacyFlags: flags)
            let (log, _) = try openLog(folder.path, names: names)
            try log.roll()
            #expect(log.currentLogPath.string == folder.path + names.currentLog)
            #expect(log.checkpointPath.string == folder.path + names.checkpoint)
            #expect(log.archivedPath(1).string == folder.path + names.archived(1))
            try log.close(clean: true)
            let listed = Set(try SystemCalls.listDirectory(FilePath(folder.path)))
            #expect(listed == [names.currentLog, names.archived(1), names.checkpoint], "flags \(flags)")
            // The stream reopens and continues under the same names.
            let (again, recovery) = try openLog(folder.path, names: names)
            #expect(recovery.wasClean && again.currentGeneration == 3)
            #expect(try again.archivedGenerations() == [1, 2])
            try again.close(clean: true)
        }
    }

    @Test func shortArchiveNameWithoutSoftCompatFailsOpen() throws {
        for flags: UInt in [0, 1] {
            let folder = StorageTempFolder()
            let names = LogFileNames(base: "edb", legacyFlags: flags)
            try openLog(folder.path, names: names).0.close(clean: true)
            // A 5-digit archive, as ESENT's default names would spell generation 1.
            let stray = "edb00001" + names.logExtension
            try RawFile.write(folder.path + stray, try RawFile.read(folder.path + names.currentLog))
            #expect(throws: JetError.logGenerationMismatch) { _ = try openLog(folder.path, names: names) }
            // Without the stray the folder opens again.
            try SystemCalls.unlink(FilePath(folder.path + stray))
            try openLog(folder.path, names: names).0.close(clean: true)
        }
        // With short names on, the same kind of stray is just an archive (outside the replay range here).
        let folder = StorageTempFolder()
        try openLog(folder.path).0.close(clean: true)
        try RawFile.write(folder.path + "edb00007.log", try RawFile.read(folder.path + "edb.log"))
        let (log, _) = try openLog(folder.path)
        #expect(try log.archivedGenerations() == [1, 7])
        try log.close(clean: true)
    }

    @Test func logRecordsRoundTrip() throws {
        let records: [LogRecord] = [
            .createDatabase(dbid: 1, path: "/data/a.edb", signDb: .make()),
            .attachDatabase(dbid: 2, path: "/data/ü.edb", signDb: .make()),
            .detachDatabase(dbid: 2, path: "/data/ü.edb"), .commit(session: 0xDEAD_BEEF_0000_0001),
            .backupBegin(incremental: true), .backupBegin(incremental: false), .backupPrepareLogs,
            .backupHeaderUpdate(dbid: 9), .backupAbort, .backupStop, .truncateLogs(low: 3, high: 7), .initialize,
            .shutdown,
        ]
        for record in records {
            let size = try record.encodedSize()
            var bytes = [UInt8](repeating: 0, count: size)
            try bytes.withUnsafeMutableBytes { b in _ = try record.encode(into: b.baseAddress!) }
            #expect(bytes[0] == record.kind.rawValue)
            #expect(
                bytes.withUnsafeBytes { LogRecord.decode($0.baseAddress!, available: size) }
                    == .record(record, size: size))
            #expect(bytes.withUnsafeBytes { LogRecord.decode($0.baseAddress!, available: size - 1) } == .incomplete)
            bytes[size - 1] ^= 0x10
            #expect(bytes.withUnsafeBytes { LogRecord.decode($0.baseAddress!, available: size) } == .corrupt)
        }
        let huge = LogRecord.attachDatabase(dbid: 1, path: String(repeating: "x", count: 70000), signDb: .none)
        #expect(throws: JetError.invalidParameter) { _ = try storage(try huge.encodedSize()) }
    }

    // MARK: Log stream

    static let logSize = 64 * 1024

    func openLog(_ folder: String, size: Int = logSize, names: LogFileNames = LogFileNames(base: "edb")) throws
        -> (LogStream, LogStream.Recovery)
    {
        // Through Core's one mapping, so the codes checked are those callers get.
        try storage(
            try LogStream.open(logDirectory: FilePath(folder), systemDirectory: FilePath(folder), names: names, fileSize: size))
    }

    @Test func logAppendRollReopenContinues() throws {
        let folder = StorageTempFolder()
        let (log, recovery) = try openLog(folder.path)
        #expect(recovery.wasClean && recovery.attachedAtEnd.isEmpty)
        #expect(log.currentGeneration == 1 && log.checkpointGeneration == 1)
        let signature = log.signature
        let p1 = try log.append(.commit(session: 1), flush: false)
        let p2 = try log.append(.commit(session: 2), flush: true)
        // Segment 1 holds the flushed `.initialize` and is sealed: later records start in segment 2.
        #expect(p1.generation == 1 && p1.isec == 2 && p1 < p2)
        try log.roll()
        #expect(log.currentGeneration == 2 && log.checkpointGeneration == 2)
        #expect(try log.archivedGenerations() == [1])
        #expect(log.archivedPath(1).string == folder.path + "edb00001.log")
        #expect(log.currentLogPath.string == folder.path + "edb.log")
        #expect(RawFile.size(folder.path + "edb.log") == Int64(Self.logSize))
        try log.close(clean: true)
        let names = Set(try SystemCalls.listDirectory(FilePath(folder.path)))
        #expect(names == ["edb.log", "edb00001.log", "edb.chk"])

        let (again, second) = try openLog(folder.path)
        #expect(second.wasClean && second.attachedAtEnd.isEmpty)
        #expect(again.signature == signature && again.currentGeneration == 3 && again.checkpointGeneration == 3)
        #expect(try again.archivedGenerations() == [1, 2])
        try again.close(clean: false)
        // Each archive verifies as backup reads it.
        for g: Int32 in [1, 2] {
            let bytes = try RawFile.read(again.archivedPath(g).string)
            #expect(
                bytes.withUnsafeBytes {
                    LogStream.verifyLogBytes($0.baseAddress!, count: $0.count, fileOffset: 0, expectedGeneration: g)
                } == nil)
        }
    }

    @Test func replayReportsAttachedAfterCrash() throws {
        let folder = StorageTempFolder()
        let sa = Signature.make()
        let sb = Signature.make()
        do {
            let (log, _) = try openLog(folder.path)
            try log.append(.createDatabase(dbid: 1, path: "/d/a.edb", signDb: sa), flush: true)
            try log.append(.attachDatabase(dbid: 2, path: "/d/b.edb", signDb: sb), flush: true)
            // The attach records are now in an older generation than the checkpoint.
            try log.roll()
            try log.append(.commit(session: 1), flush: true)
            try log.append(.detachDatabase(dbid: 1, path: "/d/a.edb"), flush: true)
            try log.append(.attachDatabase(dbid: 3, path: "/d/c.edb", signDb: .make()), flush: false)
            try log.close(clean: false)
        }
        do {
            let (log, recovery) = try openLog(folder.path)
            #expect(!recovery.wasClean)
            #expect(recovery.attachedAtEnd.map(\.dbid) == [2])
            #expect(recovery.attachedAtEnd.first?.path == "/d/b.edb" && recovery.attachedAtEnd.first?.signDb == sb)
            #expect(log.currentGeneration == 3)
            // Still attached until someone says otherwise: a second crash reports it again (and generation 3,
            // holding only its `.initialize`, is continued rather than followed by another).
            try log.close(clean: false)
        }
        do {
            let (log, recovery) = try openLog(folder.path)
            #expect(!recovery.wasClean && recovery.attachedAtEnd.map(\.dbid) == [2])
            try log.append(.detachDatabase(dbid: 2, path: "/d/b.edb"), flush: true)
            try log.close(clean: true)
        }
        let (log, recovery) = try openLog(folder.path)
        #expect(recovery.wasClean && recovery.attachedAtEnd.isEmpty)
        #expect(log.currentGeneration == 4)
    }

    @Test func recordsSpanSegmentsAndFilesRoll() throws {
        let folder = StorageTempFolder()
        let longPath = "/" + String(repeating: "p", count: 6000)
        do {
            // 16 KiB files: 3 data segments each, so records span segments and the log rolls by itself.
            let (log, _) = try openLog(folder.path, size: 16384)
            for i in 0..<2000 { try log.append(.commit(session: UInt64(i)), flush: i % 97 == 0) }
            try log.append(.attachDatabase(dbid: 7, path: longPath, signDb: .none), flush: true)
            #expect(log.currentGeneration > 3)
            try log.close(clean: false)
        }
        let (log, recovery) = try openLog(folder.path, size: 16384)
        #expect(recovery.attachedAtEnd.map(\.path) == [longPath])
        let generations = try log.archivedGenerations()
        #expect(generations == Array(1..<log.currentGeneration))
        for g in generations {
            let bytes = try RawFile.read(log.archivedPath(g).string)
            #expect(
                bytes.withUnsafeBytes {
                    LogStream.verifyLogBytes($0.baseAddress!, count: $0.count, fileOffset: 0, expectedGeneration: g)
                } == nil)
        }
        let tooBig = LogRecord.attachDatabase(dbid: 1, path: String(repeating: "q", count: 13000), signDb: .none)
        #expect(throws: JetError.invalidParameter) { try storage(try log.append(tooBig, flush: false)) }
    }

    @Test func tornTailOfCurrentLogEndsTheData() throws {
        let folder = StorageTempFolder()
        do {
            let (log, _) = try openLog(folder.path)
            try log.append(.attachDatabase(dbid: 1, path: "/d/a.edb", signDb: .none), flush: true)
            // Segments 1 (.initialize) and 2 (attach 1) are sealed; the lazy commits fill segment 3 and the last
            // attach ends in segment 4, written by the last flush, which is torn.
            for i in 0..<300 { try log.append(.commit(session: UInt64(i)), flush: false) }
            try log.append(.attachDatabase(dbid: 2, path: "/d/b.edb", signDb: .none), flush: true)
            try log.close(clean: false)
        }
        try RawFile.flip(folder.path + "edb.log", at: 4 * 4096 + 20)
        let (log, recovery) = try openLog(folder.path)
        #expect(!recovery.wasClean && recovery.attachedAtEnd.map(\.dbid) == [1])
        // The torn generation was cut back before it was archived: it verifies.
        let bytes = try RawFile.read(log.archivedPath(1).string)
        #expect(
            bytes.withUnsafeBytes {
                LogStream.verifyLogBytes($0.baseAddress!, count: $0.count, fileOffset: 0, expectedGeneration: 1)
            } == nil)
        try log.close(clean: true)
        let (_, next) = try openLog(folder.path)
        #expect(next.wasClean)
    }

    @Test func corruptCheckpointAndSignatures() throws {
        let a = StorageTempFolder()
        let b = StorageTempFolder()
        try openLog(a.path).0.close(clean: true)
        try openLog(b.path).0.close(clean: true)
        let chkA = try RawFile.read(a.path + "edb.chk")
        let chkB = try RawFile.read(b.path + "edb.chk")
        #expect(Array(chkA[8..<12]) == Array("CHKP".utf8) && chkA[667] == 4)

        try RawFile.flip(a.path + "edb.chk", at: 16)
        #expect(throws: JetError.checkpointCorrupt) { _ = try openLog(a.path) }
        try RawFile.write(a.path + "edb.chk", chkB, truncate: true)
        #expect(throws: JetError.badCheckpointSignature) { _ = try openLog(a.path) }
        try RawFile.write(a.path + "edb.chk", chkA, truncate: true)
        _ = try openLog(a.path)

        // A damaged current log header.
        try RawFile.flip(b.path + "edb.log", at: 16)
        #expect(throws: JetError.logFileCorrupt) { _ = try openLog(b.path) }
    }

    @Test func archivedLogsInReplayRange() throws {
        let folder = StorageTempFolder()
        let other = StorageTempFolder()
        do {
            let (log, _) = try openLog(folder.path)
            try log.append(.attachDatabase(dbid: 1, path: "/d/a.edb", signDb: .none), flush: true)
            let oldCheckpoint = try RawFile.read(folder.path + "edb.chk")
            try log.roll()
            try log.roll()
            try log.close(clean: false)
            // A crash before the checkpoint moved: replay starts at generation 1 (archived).
            try RawFile.write(folder.path + "edb.chk", oldCheckpoint, truncate: true)
        }
        let saved = try RawFile.read(folder.path + "edb00002.log")
        let savedChk = try RawFile.read(folder.path + "edb.chk")
        // A damaged segment inside an archive.
        try RawFile.flip(folder.path + "edb00001.log", at: 4096 + 50)
        #expect(throws: JetError.logFileCorrupt) { _ = try openLog(folder.path) }
        try RawFile.flip(folder.path + "edb00001.log", at: 4096 + 50)
        // A missing generation.
        try SystemCalls.unlink(FilePath(folder.path + "edb00002.log"))
        #expect(throws: JetError.missingLogFile) { _ = try openLog(folder.path) }
        // An archive of another stream.
        for _ in 0..<3 { try openLog(other.path).0.close(clean: true) }
        try RawFile.write(folder.path + "edb00002.log", try RawFile.read(other.path + "edb00002.log"), truncate: true)
        #expect(throws: JetError.badLogSignature) { _ = try openLog(folder.path) }
        try RawFile.write(folder.path + "edb00002.log", saved, truncate: true)
        try RawFile.write(folder.path + "edb.chk", savedChk, truncate: true)
        let (log, recovery) = try openLog(folder.path)
        #expect(!recovery.wasClean && recovery.attachedAtEnd.map(\.dbid) == [1])
        // Generation 3 held no record: it is continued.
        #expect(log.currentGeneration == 3)
    }

    @Test func verifyLogBytesCatchesOneFlippedByte() throws {
        let folder = StorageTempFolder()
        let (log, _) = try openLog(folder.path)
        for i in 0..<500 { try log.append(.commit(session: UInt64(i)), flush: false) }
        try log.roll()
        var bytes = try RawFile.read(log.archivedPath(1).string)
        func verify(_ offset: Int64, _ count: Int, _ generation: Int32?) -> StorageFileError? {
            bytes.withUnsafeBytes {
                LogStream.verifyLogBytes(
                    $0.baseAddress! + Int(offset), count: count, fileOffset: offset, expectedGeneration: generation)
            }
        }
        #expect(verify(0, bytes.count, 1) == nil)
        #expect(verify(0, bytes.count, nil) == nil)
        #expect(verify(8192, 8192, 1) == nil)
        #expect(verify(0, bytes.count, 2) == .logCopyDamaged)
        #expect(verify(4096, 4096, 2) == .logCopyDamaged)
        #expect(verify(100, 4096, 1) == .logCopyDamaged)
        for offset in [20, 4096 + 30, 2 * 4096 + 4000] {
            bytes[offset] ^= 0x01
            #expect(verify(0, bytes.count, 1) == .logCopyDamaged)
            bytes[offset] ^= 0x01
        }
        // A segment of this file moved to another place fails even though its checksum is sound.
        let segment1 = Array(bytes[4096..<8192])
        bytes.replaceSubrange(8192..<12288, with: segment1)
        #expect(verify(0, bytes.count, 1) == .logCopyDamaged)
    }

    @Test func logFaultsSurfaceAsJetErrors() throws {
        let folder = StorageTempFolder()
        let (log, _) = try openLog(folder.path)
        #expect(throws: JetError.logDiskFull) {
            try withStorageFault(.pwrite, errno: ENOSPC) { try storage(try log.append(.commit(session: 1), flush: true)) }
        }
        // After a failed write the log refuses records.
        #expect(throws: JetError.logWriteFail) { try storage(try log.append(.commit(session: 2), flush: true)) }
        try log.close(clean: false)
        let (again, recovery) = try openLog(folder.path)
        // Generation 1 held only `.initialize` (the commit never reached the disk): it is continued.
        #expect(!recovery.wasClean && again.currentGeneration == 1)
        // The second rename (edbtmp.log → edb.log) fails after the first archived the current log.
        #expect(throws: JetError.logDiskFull) {
            try withStorageFault(.rename, errno: ENOSPC, skip: 1) { try storage(try again.roll()) }
        }
        #expect(throws: JetError.logWriteFail) { try storage(try again.append(.commit(session: 3), flush: true)) }
        try again.close(clean: false)
        #expect(SystemCalls.status(FilePath(folder.path + "edb.log")) == nil)
        // No current log: the next open continues from the archives.
        let (third, _) = try openLog(folder.path)
        #expect(third.currentGeneration == 2 && third.signature == again.signature)
        #expect(throws: JetError.fileNotFound) {
            try withStorageFault(.opendir, errno: ENOENT) { _ = try storage(try third.archivedGenerations()) }
        }
    }

    // MARK: Throughput (run with ESENT_STORAGE_BENCH=1, ideally in release)

    /// Streams a 1 GiB database from page cache with plain pread and with readVerifiedPages; prints both rates.
    @Test func streamingReadBenchmark() throws {
        guard getenv("ESENT_STORAGE_BENCH") != nil else { return }
        let folder = StorageTempFolder()
        let path = folder.path + "big.edb"
        let pageSize = getenv("ESENT_STORAGE_PAGE").map { Int(atoi($0)) } ?? 8192
        let dataPages = (1 << 30) / pageSize
        let db = try DatabaseFile.create(
            path: FilePath(path), pageSize: pageSize, dataPages: dataPages, header: .new(pageSize: pageSize), overwrite: false)
        let fd = try SystemCalls.open(FilePath(path), .readOnly)
        defer { SystemCalls.close(fd) }
        for bufferBytes in [64 * 1024, 1 << 20, 8 << 20] {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferBytes, alignment: 4096)
            defer { buffer.deallocate() }
            let pagesPerRead = bufferBytes / pageSize
            var best = (plain: 0.0, verified: 0.0)
            for _ in 0..<3 {
                var t = storageClock()
                var pgno = 1
                while pgno <= dataPages {
                    let n = min(pagesPerRead, dataPages - pgno + 1)
                    _ = try SystemCalls.pread(fd, buffer, n * pageSize, Int64(pgno + 1) * Int64(pageSize))
                    pgno += n
                }
                best.plain = max(best.plain, Double(dataPages * pageSize) / (storageClock() - t) / 1e9)
                t = storageClock()
                pgno = 1
                while pgno <= dataPages {
                    let n = min(pagesPerRead, dataPages - pgno + 1)
                    try db.readVerifiedPages(firstPgno: UInt32(pgno), count: n, into: buffer)
                    pgno += n
                }
                best.verified = max(best.verified, Double(dataPages * pageSize) / (storageClock() - t) / 1e9)
            }
            print(
                "Storage bench: buffer \(bufferBytes / 1024) KiB: plain pread \(best.plain) GB/s,",
                "verified \(best.verified) GB/s, ratio \(best.verified / best.plain)")
        }
    }
}
