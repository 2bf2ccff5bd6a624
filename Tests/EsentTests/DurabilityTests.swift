import SystemPackage
import CEsent
import Dispatch
import CEsentChecksum
import Synchronization
import Glibc
import Testing

@testable import EsentCore

// Issue 6: nothing acknowledged is ever lost. Each test names the item it covers.

@Suite(.serialized)
struct DurabilityTests {
    static let logSize = 64 * 1024

    func openLog(_ folder: String, size: Int = logSize) throws -> (LogStream, LogStream.Recovery) {
        // Through Core's one mapping, so the codes checked are those callers get.
        try storage(
            try LogStream.open(
                logDirectory: FilePath(folder), systemDirectory: FilePath(folder), names: LogFileNames(base: "edb"),
                fileSize: size))
    }

    /// Every file of a folder with its bytes, to show that a failed recovery changed nothing.
    func snapshot(_ folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try SystemCalls.listDirectory(FilePath(folder)) { files[name] = try RawFile.read(folder + name) }
        return files
    }

    /// Indexes of the 4 KiB segments that differ between two images of one file.
    func changedSegments(_ a: [UInt8], _ b: [UInt8]) -> [Int] {
        var changed: [Int] = []
        var offset = 0
        while offset + 4096 <= min(a.count, b.count) {
            if a[offset..<offset + 4096] != b[offset..<offset + 4096] { changed.append(offset / 4096) }
            offset += 4096
        }
        return changed
    }

    // MARK: Item 1

    @Test("issue 6.1: a torn flush loses only the records of that flush, never ones acknowledged before it")
    func tornFlushKeepsEarlierAcknowledgedRecords() throws {
        let folder = StorageTempFolder()
        let before: [UInt8]
        let after: [UInt8]
        do {
            let (log, _) = try openLog(folder.path)
            try log.append(.attachDatabase(dbid: 1, path: "/d/a.edb", signDb: .none), flush: true)
            before = try RawFile.read(folder.path + "edb.log")
            try log.append(.attachDatabase(dbid: 2, path: "/d/b.edb", signDb: .none), flush: true)
            after = try RawFile.read(folder.path + "edb.log")
            try log.close(clean: false)
        }
        // Power fails during the second flush: every segment it wrote is torn.
        let torn = changedSegments(before, after)
        #expect(!torn.isEmpty)
        for index in torn { try RawFile.flip(folder.path + "edb.log", at: Int64(index * 4096 + 30)) }
        let (_, recovery) = try openLog(folder.path)
        #expect(recovery.attachedAtEnd.map(\.dbid) == [1])
    }

    // MARK: Item 2

    @Test("issue 6.2: one flipped bit before the tail of the current log stops recovery and changes no file")
    func damageBeforeTheTailIsLogFileCorrupt() throws {
        let folder = StorageTempFolder()
        do {
            let (log, _) = try openLog(folder.path, size: 256 * 1024)
            try log.append(.attachDatabase(dbid: 1, path: "/d/a.edb", signDb: .none), flush: true)
            for i in 0..<2000 { try log.append(.commit(session: UInt64(i)), flush: i % 400 == 0) }
            try log.append(.commit(session: 9999), flush: true)
            try log.close(clean: false)
        }
        try RawFile.flip(folder.path + "edb.log", at: 2 * 4096 + 200)
        let files = try snapshot(folder.path)
        #expect(throws: JetError.logFileCorrupt) { _ = try openLog(folder.path, size: 256 * 1024) }
        #expect(try snapshot(folder.path) == files)
    }

    @Test("issue 6.2: an archived log that lost its last segment is corrupt, not shorter")
    func archiveMissingItsEndIsLogFileCorrupt() throws {
        let folder = StorageTempFolder()
        do {
            let (log, _) = try openLog(folder.path)
            let oldCheckpoint = try RawFile.read(folder.path + "edb.chk")
            try log.append(.attachDatabase(dbid: 1, path: "/d/a.edb", signDb: .none), flush: true)
            try log.append(.detachDatabase(dbid: 1, path: "/d/a.edb"), flush: true)
            let image = try RawFile.read(folder.path + "edb.log")
            try log.roll()
            try log.close(clean: false)
            // Replay must start in generation 1, and the segment holding the detach is zeroed.
            try RawFile.write(folder.path + "edb.chk", oldCheckpoint, truncate: true)
            let lastData = Array(stride(from: 4096, to: image.count, by: 4096)).last { offset in
                image[offset..<offset + 4096].contains { $0 != 0 }
            }
            let offset = try #require(lastData)
            try RawFile.write(folder.path + "edb00001.log", [UInt8](repeating: 0, count: 4096), at: Int64(offset))
        }
        let files = try snapshot(folder.path)
        #expect(throws: JetError.logFileCorrupt) { _ = try openLog(folder.path) }
        #expect(try snapshot(folder.path) == files)
    }

    // MARK: Item 3

    @Test("issue 6.3: a crash at any system call of tail repair, then recovery again, ends as one recovery")
    func tailRepairIsIdempotent() throws {
        func tornLog(_ folder: String) throws {
            let (log, _) = try openLog(folder)
            try log.append(.attachDatabase(dbid: 1, path: "/d/a.edb", signDb: .none), flush: true)
            let before = try RawFile.read(folder + "edb.log")
            for i in 0..<600 { try log.append(.commit(session: UInt64(i)), flush: false) }
            try log.append(.attachDatabase(dbid: 2, path: "/d/b.edb", signDb: .none), flush: true)
            let after = try RawFile.read(folder + "edb.log")
            try log.close(clean: false)
            // Only the first segment of the last flush made it intact; the next is torn.
            let torn = changedSegments(before, after)
            if let last = torn.last, torn.count > 1 { try RawFile.flip(folder + "edb.log", at: Int64(last * 4096 + 30)) }
        }
        for call in [SystemCall.pwrite, .ftruncate, .fdatasync, .fsync, .rename] {
            for skip in 0..<4 {
                let folder = StorageTempFolder()
                try tornLog(folder.path)
                // The first recovery "crashes" at this call (the error stands in for the power going out).
                _ = try? withStorageFault(call, errno: EIO, skip: skip) { try openLog(folder.path) }
                let (_, recovery) = try openLog(folder.path)
                #expect(recovery.attachedAtEnd.map(\.dbid) == [1], "crash at \(call) #\(skip + 1)")
            }
        }
    }

    // MARK: Item 8

    @Test("issue 6.8: failed JetInits do not add log generations")
    func failedOpensDoNotAddGenerations() throws {
        let folder = StorageTempFolder()
        try openLog(folder.path).0.close(clean: false)
        for _ in 0..<20 {
            // What a JetInit that fails after opening the log leaves: the log closed without a clean term.
            try openLog(folder.path).0.close(clean: false)
        }
        let (log, _) = try openLog(folder.path)
        #expect(try log.archivedGenerations().count <= 1)
        #expect(log.currentGeneration <= 2)
    }

    // MARK: Item 9

    @Test("issue 6.9: a checkpoint with no log is JET_errMissingLogFile, never a new log stream")
    func checkpointWithoutLogsIsMissingLogFile() throws {
        let folder = StorageTempFolder()
        do {
            let (log, _) = try openLog(folder.path)
            try log.roll()
            try log.close(clean: true)
        }
        for name in try SystemCalls.listDirectory(FilePath(folder.path)) where name.hasSuffix(".log") {
            try SystemCalls.unlink(FilePath(folder.path + name))
        }
        #expect(throws: JetError.missingLogFile) { _ = try openLog(folder.path) }
        #expect(try SystemCalls.listDirectory(FilePath(folder.path)) == ["edb.chk"])
    }

    @Test("issue 6.9: a checkpoint that cannot be looked at is an error, not a missing checkpoint")
    func unreadableCheckpointIsAnError() throws {
        let folder = StorageTempFolder()
        try openLog(folder.path).0.close(clean: false)
        #expect(throws: JetError.fileAccessDenied) {
            try withStorageFault(.stat, errno: EACCES) { _ = try openLog(folder.path) }
        }
    }

    // MARK: Item 10

    @Test("issue 6.10: a log header with a generation out of range is corrupt, whatever its checksum")
    func logHeaderGenerationOutOfRangeIsCorrupt() throws {
        for generation: Int32 in [0x7FFF_FFFF, 0, -5, LogStream.maxGeneration + 1] {
            let folder = StorageTempFolder()
            try openLog(folder.path).0.close(clean: false)
            var bytes = try RawFile.read(folder.path + "edb.log")
            bytes.withUnsafeMutableBytes { b in
                let p = b.baseAddress!
                p.diskStore(generation, at: LogFileHeader.Offset.generation)
                p.diskStore(
                    Checksum.page(p, count: LogStream.segmentSize, seed: Checksum.logHeaderSeed),
                    at: LogFileHeader.Offset.checksum)
            }
            try RawFile.write(folder.path + "edb.log", bytes)
            try SystemCalls.unlink(FilePath(folder.path + "edb.chk"))
            #expect(throws: JetError.logFileCorrupt, "generation \(generation)") { _ = try openLog(folder.path) }
        }
    }
}

/// Core-level scenarios: an instance in a scratch folder, driven through the same calls the C ABI makes.
@Suite(.serialized)
struct DurabilityCoreTests {
    static func cleanUp() {
        let handles = registry.withLock { r in r.order.map(\.handle) }
        for handle in handles {
            _ = try? Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermAbrupt | JET_bitTermDirty))
        }
    }

    static func start(_ folder: String, name: String = "durability") throws -> UInt {
        let handle = try Lifecycle.createInstance(name: name, displayName: nil)
        for id in [JET_paramSystemPath, JET_paramLogFilePath] {
            try Parameters.set(instance: handle, sesid: 0, paramid: UInt(id), integer: 0, string: folder)
        }
        try Parameters.set(
            instance: handle, sesid: 0, paramid: UInt(JET_paramTempPath), integer: 0, string: folder + "tmp.edb")
        try Parameters.set(instance: handle, sesid: 0, paramid: UInt(JET_paramLogFileSize), integer: 64, string: nil)
        do {
            _ = try Lifecycle.initialize(handle: handle)
        } catch {
            throw error.error
        }
        return handle
    }

    // MARK: Item 4

    @Test("issue 6.4: a crash between the detach record and the header write: recovery leaves the database clean")
    func crashMidDetachRecoversToAttachableDatabase() throws {
        let folder = StorageTempFolder()
        defer { withExtendedLifetime(folder) { Self.cleanUp() } }
        let path = folder.path + "db.edb"
        do {
            let handle = try Self.start(folder.path)
            let sesid = try Sessions.begin(instance: handle)
            let dbid = try DatabaseOperations.create(sesid, path: path, grbit: 0)
            try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
            // The detach is logged, then every write to the database fails: its header stays "dirty".
            let detach = Result { () throws(JetError) in
                try FaultInjector.with([FaultRule([.pwrite], path: "/db.edb", times: Int.max, effect: .fail(.ioError))]) {
                    () throws(JetError) in try DatabaseOperations.detach(sesid, path: path, grbit: 0)
                }
            }
            #expect(throws: JetError.diskIO) { try detach.get() }
            _ = try Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermDirty))
        }
        #expect(try DatabaseFile.readHeader(path: FilePath(path)).header.state != DatabaseHeader.stateCleanShutdown)
        let handle = try Self.start(folder.path)
        #expect(try DatabaseFile.readHeader(path: FilePath(path)).header.state == DatabaseHeader.stateCleanShutdown)
        let sesid = try Sessions.begin(instance: handle)
        #expect(try DatabaseOperations.attach(sesid, path: path, grbit: 0))
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
    }

    @Test("issue 6.4: a clean term whose header write fails: the next JetInit leaves the database attachable")
    func cleanTermWithFailedHeaderWriteRecovers() throws {
        let folder = StorageTempFolder()
        defer { withExtendedLifetime(folder) { Self.cleanUp() } }
        let path = folder.path + "db.edb"
        do {
            let handle = try Self.start(folder.path)
            let sesid = try Sessions.begin(instance: handle)
            let dbid = try DatabaseOperations.create(sesid, path: path, grbit: 0)
            try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
            try Sessions.end(sesid, grbit: 0)
            let term = Result { () throws(JetError) in
                try FaultInjector.with([FaultRule([.pwrite], path: "/db.edb", times: Int.max, effect: .fail(.ioError))]) {
                    () throws(JetError) in _ = try Lifecycle.terminate(handle: handle, grbit: 0)
                }
            }
            #expect(throws: JetError.diskIO) { try term.get() }
            _ = try Lifecycle.terminate(handle: handle, grbit: UInt(JET_bitTermDirty))
        }
        let handle = try Self.start(folder.path)
        let sesid = try Sessions.begin(instance: handle)
        #expect(try DatabaseOperations.attach(sesid, path: path, grbit: 0))
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
    }

    // MARK: Item 10

    @Test("issue 6.10: a database file larger than a page number can address is corrupt, not a trap")
    func pgnoLastIsBounded() throws {
        #expect(DatabaseFile.maxPgnoLast == UInt32.max - 3)
        // Every sum the backup stream makes with it fits.
        #expect(DatabaseFile.maxPgnoLast.addingReportingOverflow(3).overflow == false)
        let folder = StorageTempFolder()
        defer { withExtendedLifetime(folder) { Self.cleanUp() } }
        let handle = try Self.start(folder.path)
        let sesid = try Sessions.begin(instance: handle)
        let dbid = try DatabaseOperations.create(sesid, path: folder.path + "db.edb", grbit: 0)
        #expect(throws: JetError.invalidParameter) {
            try DatabaseOperations.grow(sesid, dbid: UInt(dbid), pages: UInt(UInt32.max))
        }
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
    }
}

// MARK: The I/O layer's injector (issue 9.5)

@Suite(.serialized)
struct FaultInjectorTests {
    @Test("issue 9.5: short reads and writes, EINTR: the layer completes the transfer")
    func shortTransfersAndInterruptsComplete() throws {
        let folder = StorageTempFolder()
        let path = folder.path + "f"
        let fd = try SystemCalls.open(FilePath(path), .readWrite, options: .create)
        defer { SystemCalls.close(fd) }
        let bytes = (0..<10000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for effect in [FaultEffect.short(100), .short(1), .interrupt] {
            try FaultInjector.with([FaultRule([.pwrite, .pread], times: 3, effect: effect)]) {
                try bytes.withUnsafeBytes { b in try SystemCalls.pwrite(fd, b.baseAddress!, b.count, 0) }
                var back = [UInt8](repeating: 0, count: bytes.count)
                let got = try back.withUnsafeMutableBytes { b in try SystemCalls.pread(fd, b.baseAddress!, b.count, 0) }
                #expect(got == bytes.count && back == bytes, "\(effect)")
            }
        }
    }

    @Test("issue 6.12: a pwrite that returns 0 is an I/O error, not an endless loop")
    func zeroWriteIsAnError() throws {
        let folder = StorageTempFolder()
        let fd = try SystemCalls.open(FilePath(folder.path + "f"), .readWrite, options: .create)
        defer { SystemCalls.close(fd) }
        var byte: UInt8 = 1
        #expect(throws: SystemCallError(call: .pwrite, errno: .ioError)) {
            try FaultInjector.with([FaultRule([.pwrite], effect: .zero)]) {
                try SystemCalls.pwrite(fd, &byte, 1, 0)
            }
        }
    }

    @Test("issue 9.5: a rule targets one file; the Nth call; and the injector is safe under threads")
    func perFileNthCallAndThreads() throws {
        let folder = StorageTempFolder()
        let a = try SystemCalls.open(FilePath(folder.path + "a.log"), .readWrite, options: .create)
        let b = try SystemCalls.open(FilePath(folder.path + "b.edb"), .readWrite, options: .create)
        defer {
            SystemCalls.close(a)
            SystemCalls.close(b)
        }
        var byte: UInt8 = 1
        try FaultInjector.with([FaultRule([.pwrite], path: "a.log", skip: 2, effect: .fail(.noSpace))]) {
            for _ in 0..<5 { try SystemCalls.pwrite(b, &byte, 1, 0) }
            try SystemCalls.pwrite(a, &byte, 1, 0)
            try SystemCalls.pwrite(a, &byte, 1, 0)
            #expect(throws: SystemCallError(call: .pwrite, errno: .noSpace)) { try SystemCalls.pwrite(a, &byte, 1, 0) }
            try SystemCalls.pwrite(a, &byte, 1, 0)
        }
        // 4 threads × 500 writes under a rule that fails exactly 100 of them.
        let failures = Mutex(0)
        let done = DispatchGroup()
        FaultInjector.install([FaultRule([.pwrite], path: "b.edb", skip: 50, times: 100, effect: .fail(.ioError))])
        defer { FaultInjector.install([]) }
        for t in 0..<4 {
            done.enter()
            Thread.start {
                var value = UInt8(t)
                for _ in 0..<500 {
                    do { try SystemCalls.pwrite(b, &value, 1, Int64(t)) } catch { failures.withLock { $0 += 1 } }
                }
                done.leave()
            }
        }
        done.wait()
        #expect(failures.withLock { $0 } == 100)
    }

    @Test("issue 9.5: ESENT_FAULTS rules parse; malformed ones are skipped")
    func environmentRulesParse() {
        let rules = FaultInjector.parse("pwrite,fsync:ENOSPC:3:all:edb.log;open:EINTR;bogus:EIO;pread:short512:1:2")
        #expect(rules.count == 3)
        #expect(rules[0].calls == [.pwrite, .fsync] && rules[0].effect == .fail(.noSpace) && rules[0].skip == 3)
        #expect(rules[0].times == Int.max && rules[0].pathSuffix == "edb.log")
        #expect(rules[1].effect == .interrupt && rules[1].times == 1)
        #expect(rules[2].effect == .short(512) && rules[2].skip == 1 && rules[2].times == 2)
    }
}

// MARK: Item 11: the page checksum

@Suite
struct ChecksumTests {
    /// A 4 KiB page of varied bytes.
    static func page() -> [UInt8] { (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ ($0 >> 7)) } }

    static func sum(_ bytes: [UInt8], seed: UInt64 = 7) -> UInt64 {
        bytes.withUnsafeBytes { Checksum.page($0.baseAddress!, count: $0.count, seed: seed) }
    }

    @Test("issue 6.11: two opposite changes in one lane of a 128-byte pair change the checksum")
    func twoBitChangesInOneLaneAreCaught() {
        var bytes = Self.page()
        let before = Self.sum(bytes)
        bytes.withUnsafeMutableBytes { b in
            let p = b.baseAddress!
            // Word 1 of blocks 2 and 3 (one 128-byte pair): one goes up by 2^5, the other down by 2^5.
            p.storeBytes(of: p.loadUnaligned(fromByteOffset: 128 + 8, as: UInt64.self) &+ 32, toByteOffset: 128 + 8, as: UInt64.self)
            p.storeBytes(of: p.loadUnaligned(fromByteOffset: 192 + 8, as: UInt64.self) &- 32, toByteOffset: 192 + 8, as: UInt64.self)
        }
        #expect(Self.sum(bytes) != before)
    }

    @Test("issue 6.11: two swapped 64-byte halves of a 128-byte pair change the checksum")
    func swappedHalvesAreCaught() {
        var bytes = Self.page()
        let before = Self.sum(bytes)
        let first = Array(bytes[128..<192])
        bytes.replaceSubrange(128..<192, with: bytes[192..<256])
        bytes.replaceSubrange(192..<256, with: first)
        #expect(Self.sum(bytes) != before)
    }

    @Test("issue 6.11: every single- and double-bit error in a page is caught")
    func everyTwoBitErrorIsCaught() {
        let bytes = Self.page()
        let before = Self.sum(bytes)
        var copy = bytes
        // Every single bit after the checksum field, and pairs of bits at a spread of distances.
        for bit in stride(from: 64, to: 4096 * 8, by: 1) {
            copy[bit / 8] ^= UInt8(1 << (bit % 8))
            if Self.sum(copy) == before { Issue.record("bit \(bit) missed") }
            for distance in [1, 7, 64, 511, 1024, 4095] where bit + distance < 4096 * 8 && bit % 97 == 0 {
                let other = bit + distance
                copy[other / 8] ^= UInt8(1 << (other % 8))
                if Self.sum(copy) == before { Issue.record("bits \(bit), \(other) missed") }
                copy[other / 8] ^= UInt8(1 << (other % 8))
            }
            copy[bit / 8] ^= UInt8(1 << (bit % 8))
        }
    }

    @Test("issue 6.11: CRC-32C: the standard check value, and every CPU path agrees with the portable one")
    func crc32cMatchesThePortableCode() {
        let check = Array("123456789".utf8)
        #expect(check.withUnsafeBytes { esent_crc32c(0, $0.baseAddress, 9) } == 0xE306_9283)
        #expect(check.withUnsafeBytes { esent_crc32c_portable(0, $0.baseAddress, 9) } == 0xE306_9283)
        var generator = SplitMix(seed: 11)
        let data = (0..<20000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        data.withUnsafeBytes { b in
            let base = b.baseAddress!
            for length in Array(0..<600) + [1023, 4088, 4096, 8192, 16384, 19000] {
                let offset = length % 61
                let fast = esent_crc32c(0, base + offset, length)
                #expect(fast == esent_crc32c_portable(0, base + offset, length), "length \(length)")
                // Continuing from an earlier result is the CRC of the whole.
                let split = length / 3
                #expect(esent_crc32c(esent_crc32c(0, base + offset, split), base + offset + split, length - split) == fast)
            }
        }
        print("CRC-32C path: level \(esent_crc32c_level()) (3 AVX-512 VPCLMULQDQ, 2 AVX2 VPCLMULQDQ, 1 SSE4.2 PCLMULQDQ, 0 portable)")
    }

    @Test("every CRC-32C path (each this CPU has) and the one-pass page checksum agree with the portable code")
    func crc32cEveryPathAndPageChecksumMatchThePortableCode() {
        var generator = SplitMix(seed: 23)
        let data = (0..<40000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        data.withUnsafeBytes { b in
            let base = b.baseAddress!
            let lengths = Array(0..<700) + [1023, 4088, 4096, 8192, 16384, 32768, 33000]
            for level in Int32(0)...3 {
                for length in lengths {
                    let offset = length % 61
                    let portable = esent_crc32c_portable(0, base + offset, length)
                    #expect(esent_crc32c_at_level(level, 0, base + offset, length) == portable, "level \(level) length \(length)")
                    let seed = UInt64(length) &* 0x9E37_79B9_7F4A_7C15
                    // The page checksum is the CRC of the seed's bytes, then the page with 8 zero bytes in front.
                    var prefix = [UInt8](repeating: 0, count: 16)
                    for i in 0..<8 { prefix[i] = UInt8(truncatingIfNeeded: seed >> (8 * UInt64(i))) }
                    var expected = prefix.withUnsafeBytes { esent_crc32c_portable(0, $0.baseAddress, 8 + min(length, 8)) }
                    if length > 8 { expected = esent_crc32c_portable(expected, base + offset + 8, length - 8) }
                    #expect(esent_crc32c_page_portable(seed, base + offset, length) == expected, "length \(length)")
                    #expect(esent_crc32c_page_at_level(level, seed, base + offset, length) == expected, "level \(level) length \(length)")
                }
            }
            #expect(esent_crc32c_page(7, base, 8192) == esent_crc32c_page_portable(7, base, 8192))
            // The page checksum does not depend on the checksum field it skips.
            var page = Array(data[0..<4096])
            let before = page.withUnsafeBytes { esent_crc32c_page(3, $0.baseAddress, 4096) }
            page[0] ^= 0xFF
            page[7] ^= 0x01
            #expect(page.withUnsafeBytes { esent_crc32c_page(3, $0.baseAddress, 4096) } == before)
            page[8] ^= 0x01
            #expect(page.withUnsafeBytes { esent_crc32c_page(3, $0.baseAddress, 4096) } != before)
        }
    }

    /// Pages sealed with the portable code, `count` of them at `base` (page `first` first): checksum, then number.
    static func seal(_ base: UnsafeMutableRawPointer, pageSize: Int, first: UInt32, count: Int) {
        for i in 0..<count {
            let p = base + i * pageSize
            p.storeBytes(of: (first + UInt32(i)).littleEndian, toByteOffset: 8, as: UInt32.self)
            let sum = UInt64(esent_crc32c_page_portable(UInt64(first + UInt32(i)), p, pageSize))
            p.storeBytes(of: sum.littleEndian, toByteOffset: 0, as: UInt64.self)
        }
    }

    @Test("every path's batch page check (the AVX2 one splits each page between the carry-less multiply and the CRC instruction) finds the pages the portable code finds, at every page size and alignment")
    func batchPageCheckAgreesWithThePortableCode() {
        var generator = SplitMix(seed: 41)
        let capacity = 4 * 33000 + 64
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
        defer { buffer.deallocate() }
        for i in 0..<capacity { buffer.storeBytes(of: UInt8(truncatingIfNeeded: generator.next()), toByteOffset: i, as: UInt8.self) }
        // Every size up to 1,300 (across the AVX2 path's switch to the split at 1,024), random ones up to 33,000,
        // and the database page sizes.
        var sizes = Array(12...1300)
        for _ in 0..<200 { sizes.append(12 + Int(generator.next() % 32988)) }
        sizes += [4096, 8192, 16384, 32768]
        for pageSize in sizes {
            let offset = Int(generator.next() % 61)
            let count = min(4, (capacity - offset) / pageSize)
            let base = buffer + offset
            let first = UInt32(truncatingIfNeeded: generator.next() % 0xFFFF_0000) + 1
            Self.seal(base, pageSize: pageSize, first: first, count: count)
            let flipAt = 8 + Int(generator.next() % UInt64(pageSize - 8))
            let bit = UInt8(1) << (generator.next() % 8)
            for level in Int32(0)...3 {
                #expect(esent_crc32c_check_pages_at_level(level, base, pageSize, first, count) == count, "level \(level) size \(pageSize)")
                // One flipped bit anywhere after the checksum field (the page number included) stops the run there.
                let damaged = base + (count - 1) * pageSize + flipAt
                damaged.storeBytes(of: damaged.load(as: UInt8.self) ^ bit, as: UInt8.self)
                #expect(esent_crc32c_check_pages_at_level(level, base, pageSize, first, count) == count - 1, "level \(level) size \(pageSize) byte \(flipAt)")
                damaged.storeBytes(of: damaged.load(as: UInt8.self) ^ bit, as: UInt8.self)
                // Sound pages asked for as other numbers: the seed differs (and so does the stored number).
                #expect(esent_crc32c_check_pages_at_level(level, base, pageSize, first &+ 1, count) == 0)
                #expect(esent_crc32c_check_pages(base, pageSize, first, count) == count)
            }
        }
        // The checksum's upper 32 bits must be zero; a page of zeros does not pass (the caller looks at it again).
        let pageSize = 4096
        Self.seal(buffer, pageSize: pageSize, first: 9, count: 3)
        buffer.storeBytes(of: UInt8(1), toByteOffset: pageSize + 5, as: UInt8.self)
        for level in Int32(0)...3 {
            #expect(esent_crc32c_check_pages_at_level(level, buffer, pageSize, 9, 3) == 1)
        }
        Self.seal(buffer, pageSize: pageSize, first: 9, count: 3)
        (buffer + 2 * pageSize).initializeMemory(as: UInt8.self, repeating: 0, count: pageSize)
        for level in Int32(0)...3 {
            #expect(esent_crc32c_check_pages_at_level(level, buffer, pageSize, 9, 3) == 2)
        }
    }
}

extension DurabilityCoreTests {
    @Test("issue 6.2: a backup refuses an archived log with a zeroed segment before its data (-612)")
    func backupRefusesALogReplayWouldReject() throws {
        let folder = StorageTempFolder()
        defer { withExtendedLifetime(folder) { Self.cleanUp() } }
        let handle = try Self.start(folder.path)
        let instance = try Registry.instance(handle)
        let sesid = try Sessions.begin(instance: handle)
        let path = folder.path + "db.edb"
        let dbid = try DatabaseOperations.create(sesid, path: path, grbit: 0)
        try DatabaseOperations.close(sesid, dbid: UInt(dbid), grbit: 0)
        for _ in 0..<4 {
            try Sessions.beginTransaction(sesid)
            try Sessions.commit(sesid, grbit: 0)
        }
        try StreamingBackup.begin(instance, grbit: 0)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 4096)
        defer { buffer.deallocate() }
        func copy(_ name: String) throws {
            _ = try StreamingBackup.openFile(instance, name: name)
            while try StreamingBackup.read(instance, handle: 0, into: buffer, count: 1 << 20) > 0 {}
            try StreamingBackup.closeFile(instance, handle: 0)
        }
        try copy(path)
        let logs = try StreamingBackup.logInfo(instance, .toCopy).paths
        let log = try #require(logs.last)
        // Segment 2 of the newest listed archive is zeroed; segments after it hold data.
        try RawFile.write(log, [UInt8](repeating: 0, count: 4096), at: 2 * 4096)
        #expect(throws: JetError.logReadVerifyFailure) { try copy(log) }
        // The failed read ended the backup (as a damaged database file's does not); ending again says so.
        #expect(throws: JetError.noBackup) { try StreamingBackup.end(instance, grbit: UInt(JET_bitBackupEndAbort)) }
        _ = try Lifecycle.terminate(handle: handle, grbit: 0)
    }
}

// MARK: The replay engine across folders (the restore path)

@Suite
struct ReplayEngineTests {
    @Test("replay reads a backup folder then the log folder, and reports damage with the hard-recovery code")
    func replayAcrossTwoFoldersIsStrict() throws {
        let logs = StorageTempFolder()
        let backup = StorageTempFolder()
        let names = LogFileNames(base: "edb")
        do {
            let (log, _) = try LogStream.open(
                logDirectory: FilePath(logs.path), systemDirectory: FilePath(logs.path), names: names, fileSize: 64 * 1024)
            try log.append(.attachDatabase(dbid: 1, path: "/d/a.edb", signDb: .none), flush: true)
            try log.roll()
            try log.append(.commit(session: 1), flush: true)
            try log.roll()
            try log.append(.commit(session: 2), flush: true)
            try log.close(clean: false)
        }
        // Generations 1 and 2 are "restored" into the backup folder; the log folder keeps 2 and the current 3.
        for g: Int32 in [1, 2] {
            try RawFile.write(backup.path + names.archived(g), try RawFile.read(logs.path + names.archived(g)))
        }
        try SystemCalls.unlink(FilePath(logs.path + names.archived(1)))
        var commits: [UInt64] = []
        let plan = ReplayPlan(
            folders: [LogFolder(path: FilePath(backup.path), names: names), LogFolder(path: FilePath(logs.path), names: names)],
            firstGeneration: 1, hardRecovery: true)
        let outcome = try Replay.run(plan) { record, _ throws(StorageFileError) in
            if case .commit(let session) = record { commits.append(session) }
        }
        #expect(commits == [1, 2])
        #expect(outcome.lastGeneration == 3 && outcome.attached.map(\.dbid) == [1] && !outcome.endedClean)
        // Damage in a backup-folder archive: the hard-recovery code, and no file changes.
        try RawFile.flip(backup.path + names.archived(1), at: 4096 + 40)
        #expect(throws: JetError.logCorruptDuringHardRecovery) { _ = try storage(hardRecovery: true, try Replay.run(plan)) }
        // A generation missing from both folders.
        try SystemCalls.unlink(FilePath(backup.path + names.archived(2)))
        try SystemCalls.unlink(FilePath(logs.path + names.archived(2)))
        var soft = plan
        soft.hardRecovery = false
        soft.firstGeneration = 2
        #expect(throws: JetError.missingLogFile) { _ = try storage(try Replay.run(soft)) }
    }
}
