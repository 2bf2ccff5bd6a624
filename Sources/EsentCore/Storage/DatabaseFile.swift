#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CEsentChecksum
import Synchronization
import SystemPackage

/// A database file: header page 0, its shadow copy page 1, then data pages 1...pgnoLast (page n at byte
/// (n + 1) * pageSize). The file is always exactly (pgnoLast + 2) pages; new pages are written formatted, never left
/// as sparse holes. Layouts: docs/file-formats.md.
///
/// Concurrency: `readVerifiedPages` only uses pread on the descriptor and touches no stored property but the
/// immutable ones, so it may run while another thread uses the file. Everything that changes the file or the
/// `header` / `pgnoLast` properties must be serialized by the owner.
package final class DatabaseFile: @unchecked Sendable {
    static let validPageSizes: [Int] = [4096, 8192, 16384, 32768]
    /// The highest last data page a file may have: the backup stream adds the two header pages and the trailer
    /// to it in 32 bits, so a larger value (a huge or crafted file) is damage, never an overflow.
    static let maxPgnoLast: UInt32 = UInt32.max - 3

    /// Data page layout.
    enum PageOffset {
        static let checksum = 0  // UInt64 over bytes 8..<pageSize, seed = page number
        static let pgno = 8  // UInt32
        static let body = 12
    }

    /// Bytes read by one pread in `readVerifiedPages`: small enough that the pages the kernel just copied are still
    /// in the L2 cache (512 KiB per core on the bench machine) when they are checked right after the read, large
    /// enough that the per-call cost of pread stays small. Measured (docs/file-formats.md, section 2): 128 KiB
    /// gave the best ratio to a plain 1 MiB pread loop, ahead of 192, 256 and 512 KiB.
    static let verifyChunkBytes = 128 << 10

    /// Size of the buffer used to write formatted pages when creating or growing.
    private static let formatChunkBytes = 1 << 20

    let path: FilePath
    let pageSize: Int
    let isReadOnly: Bool
    var header: DatabaseHeader
    /// The last data page. The file holds pgnoLast + 2 pages.
    var pgnoLast: UInt32
    private let fd: FileDescriptor
    /// Held by every write of data pages (`writePage`), so a reader that met a torn page can wait out the write
    /// in progress and read the page again (`readVerifiedPages`).
    private let pageWriteLock = Mutex<Void>(())
    /// Tests only: runs when a page failed its check in `readVerifiedPages`, before it is read again (a writer
    /// finishing its write at that moment).
    var afterFailedPageRead: ((UInt32) -> Void)?

    /// Pages in the file, counting the two header pages.
    var totalPages: Int { Int(pgnoLast) + 2 }
    var fileSize: Int64 { Int64(totalPages) * Int64(pageSize) }

    private init(fd: FileDescriptor, path: FilePath, pageSize: Int, header: DatabaseHeader, pgnoLast: UInt32, readOnly: Bool) {
        self.fd = fd
        self.path = path
        self.pageSize = pageSize
        self.header = header
        self.pgnoLast = pgnoLast
        self.isReadOnly = readOnly
    }

    deinit { SystemCalls.close(fd) }

    // MARK: Create and open

    /// Creates the file with both header copies and `dataPages` formatted data pages, durably, without touching
    /// what is at `path` until the new file is complete: it is built as `<path>.creating` (locked, synced),
    /// `record` is then called (it logs the creation and may fill in header fields; the header is rewritten if it
    /// changed), and only then does the file take the name `path` (a link that fails if a file appeared there
    /// meanwhile, or with `overwrite` a rename over the old file, whose lock this process holds until then).
    ///
    /// - Throws: `.file(.databaseExists)` when `path` exists and not `overwrite`; `.file(.notAFile)` when it is
    ///   not a regular file; `.file(.databaseLocked)` when another instance holds it (or is creating it); I/O
    ///   errors; `.record` with what `record` threw. On any failure `path` is as it was and the temporary file is
    ///   gone.
    package static func create<RecordError: Error>(
        path: FilePath, pageSize: Int, dataPages: Int, header: DatabaseHeader, overwrite: Bool,
        record: (inout DatabaseHeader) throws(RecordError) -> Void
    ) throws(DatabaseCreateFailure<RecordError>) -> DatabaseFile {
        guard validPageSizes.contains(pageSize), dataPages >= 0, dataPages <= Int(maxPgnoLast) else {
            throw .file(.invalidArgument)
        }
        var existing: FileDescriptor?
        defer { if let existing { SystemCalls.close(existing) } }
        let temp = FilePath(path.string + ".creating")
        let fd: FileDescriptor
        do throws(StorageFileError) {
            if let status = try StorageIO.run({ () throws(SystemCallError) in try SystemCalls.lookup(path) }) {
                guard overwrite else { throw .databaseExists }
                // A folder, FIFO or device is never replaced (and never opened: a FIFO would block).
                guard status.isRegularFile else { throw .notAFile }
                let fd = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(path, .readWrite) }
                existing = fd
                // Someone else's database: leave it as it is.
                try lock(fd, readOnly: false)
            }
            fd = try openTemporary(temp)
        } catch {
            throw .file(error)
        }
        // Only the temporary file, which this call made or took over under its lock.
        func discard() {
            SystemCalls.close(fd)
            try? SystemCalls.unlink(temp)
        }
        var header = header
        header.pageSize = UInt32(pageSize)
        let buffer: PageBuffer
        do throws(StorageFileError) {
            try lock(fd, readOnly: false)
            buffer = try PageBuffer(bytes: 2 * pageSize)
        } catch {
            discard()
            throw .file(error)
        }
        defer { buffer.deallocate() }
        func writeHeaders() throws(StorageFileError) {
            header.encode(into: buffer.pointer, pageSize: pageSize)
            header.encode(into: buffer.pointer + pageSize, pageSize: pageSize)
            try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.pwrite(fd, buffer.pointer, 2 * pageSize, 0)
            }
        }
        do throws(StorageFileError) {
            try StorageIO.run { () throws(SystemCallError) in try SystemCalls.ftruncate(fd, 0) }
            try writeHeaders()
            if dataPages > 0 {
                try writeFormattedPages(fd: fd, first: 1, last: UInt32(dataPages), pageSize: pageSize)
            }
            try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fsync(fd) }
        } catch {
            discard()
            throw .file(error)
        }
        let before = header
        do throws(RecordError) {
            try record(&header)
        } catch {
            discard()
            throw .record(error)
        }
        do throws(StorageFileError) {
            if header != before {
                try writeHeaders()
                try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fdatasync(fd) }
            }
            try StorageIO.run { () throws(SystemCallError) in
                if existing != nil {
                    try SystemCalls.rename(temp, path)
                } else {
                    try SystemCalls.link(temp, path)
                    try SystemCalls.unlink(temp)
                }
                try SystemCalls.syncDirectory(Paths.folder(of: path))
            }
        } catch {
            discard()
            throw .file(error)
        }
        return DatabaseFile(
            fd: fd, path: path, pageSize: pageSize, header: header, pgnoLast: UInt32(dataPages), readOnly: false)
    }

    /// `create` with nothing to record.
    package static func create(
        path: FilePath, pageSize: Int, dataPages: Int, header: DatabaseHeader, overwrite: Bool
    ) throws(StorageFileError) -> DatabaseFile {
        do {
            return try create(
                path: path, pageSize: pageSize, dataPages: dataPages, header: header, overwrite: overwrite,
                record: { (_: inout DatabaseHeader) throws(Never) in })
        } catch {
            switch error {
            case .file(let failure): throw failure
            case .record(let never): switch never {}
            }
        }
    }

    /// The temporary file of a create, new, or left by a create that crashed and taken over; or being built by
    /// another instance right now, which its lock tells.
    private static func openTemporary(_ temp: FilePath) throws(StorageFileError) -> FileDescriptor {
        do {
            return try SystemCalls.open(temp, .readWrite, options: [.create, .exclusiveCreate])
        } catch {
            guard error.errno == .fileExists else { throw .io(error) }
            let stale = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(temp, .readWrite) }
            do throws(StorageFileError) {
                try lock(stale, readOnly: false)
            } catch {
                SystemCalls.close(stale)
                throw error
            }
            return stale
        }
    }

    /// Opens an existing database file and reads its header (page 0, or page 1 when page 0 is damaged).
    /// - Throws: `.io` with ENOENT when missing; `.databaseReadOnly` when it exists but cannot be opened for
    ///   writing; `.notAFile` for a folder; `.notADatabase` when it is not a database file; `.databaseDamaged`
    ///   when both header copies are bad or the size is not a whole number of pages.
    static func open(path: FilePath, readOnly: Bool) throws(StorageFileError) -> DatabaseFile {
        if let status = SystemCalls.status(path), status.isDirectory { throw .notAFile }
        let fd: FileDescriptor
        do {
            fd = try SystemCalls.open(path, readOnly ? .readOnly : .readWrite)
        } catch {
            if !readOnly, [Errno.permissionDenied, .notPermitted, .readOnlyFileSystem, .textFileBusy].contains(error.errno),
                let probe = try? SystemCalls.open(path, .readOnly)
            {
                // Readable but not writable: ESE's answer for a read-only database file.
                SystemCalls.close(probe)
                throw .databaseReadOnly
            }
            throw .io(error)
        }
        do throws(StorageFileError) {
            try lock(fd, readOnly: readOnly)
            let fileSize = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fileSize(fd) }
            let header = try readHeader(fd: fd, fileSize: fileSize)
            let pageSize = Int(header.pageSize)
            let pages = fileSize / Int64(pageSize)
            guard fileSize % Int64(pageSize) == 0, pages >= 2, pages - 2 <= Int64(maxPgnoLast) else {
                throw StorageFileError.databaseDamaged(.size)
            }
            return DatabaseFile(
                fd: fd, path: path, pageSize: pageSize, header: header, pgnoLast: UInt32(pages - 2),
                readOnly: readOnly)
        } catch {
            SystemCalls.close(fd)
            throw error
        }
    }

    /// An attached database belongs to one instance at a time, across processes too: a shared lock for a
    /// read-only attachment, an exclusive one otherwise. A conflict is ESE's sharing violation.
    private static func lock(_ fd: FileDescriptor, readOnly: Bool) throws(StorageFileError) {
        do {
            try SystemCalls.lock(fd, shared: readOnly)
        } catch {
            throw error.errno == .resourceTemporarilyUnavailable || error.errno == .permissionDenied
                ? .databaseLocked : .io(error)
        }
    }

    /// The header and the file's size, without keeping the file open (for a detached database).
    static func readHeader(path: FilePath) throws(StorageFileError) -> (header: DatabaseHeader, fileSize: Int64) {
        if let status = SystemCalls.status(path), status.isDirectory { throw .notAFile }
        let fd = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(path, .readOnly) }
        defer { SystemCalls.close(fd) }
        let fileSize = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fileSize(fd) }
        return (header: try readHeader(fd: fd, fileSize: fileSize), fileSize: fileSize)
    }

    /// Page 0 at the page size it claims; else page 1 at each possible page size (page 0's size field may be
    /// the damaged byte). `.notADatabase` when neither copy even looks like a header.
    private static func readHeader(fd: FileDescriptor, fileSize: Int64) throws(StorageFileError) -> DatabaseHeader {
        let maxPage = validPageSizes[validPageSizes.count - 1]
        let buffer = try PageBuffer(bytes: maxPage)
        defer { buffer.deallocate() }
        var sawHeader = false
        let n0 = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.pread(fd, buffer.pointer, maxPage, 0)
        }
        if n0 >= 4096, let size = DatabaseHeader.claimedPageSize(buffer.pointer) {
            sawHeader = true
            if n0 >= size, let h = try? DatabaseHeader.decode(buffer.pointer, pageSize: size) { return h }
        }
        for size in validPageSizes where Int64(size) * 2 <= fileSize {
            let n = try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.pread(fd, buffer.pointer, size, Int64(size))
            }
            guard n == size, DatabaseHeader.claimedPageSize(buffer.pointer) == size else { continue }
            sawHeader = true
            if let h = try? DatabaseHeader.decode(buffer.pointer, pageSize: size) { return h }
        }
        throw sawHeader ? .databaseDamaged(.header) : .notADatabase
    }

    // MARK: Header and size

    /// Writes both header copies: page 0, sync, then page 1, sync, so a torn write always leaves one good copy.
    func writeHeader(_ newHeader: DatabaseHeader) throws(StorageFileError) {
        guard !isReadOnly else { throw .databaseReadOnly }
        var h = newHeader
        h.pageSize = UInt32(pageSize)
        let buffer = try PageBuffer(bytes: pageSize)
        defer { buffer.deallocate() }
        h.encode(into: buffer.pointer, pageSize: pageSize)
        try StorageIO.run { () throws(SystemCallError) in
            try SystemCalls.pwrite(fd, buffer.pointer, pageSize, 0)
            try SystemCalls.fdatasync(fd)
            try SystemCalls.pwrite(fd, buffer.pointer, pageSize, Int64(pageSize))
            try SystemCalls.fdatasync(fd)
        }
        header = h
    }

    /// fsync(2) of the whole file, data and metadata: an OS snapshot's freeze makes the file durable before the
    /// caller copies it.
    func sync() throws(StorageFileError) {
        let fd = self.fd
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fsync(fd) }
    }

    /// Grows the file to `toTotalPages` pages (counting the two header pages): sets the size durably, then writes
    /// the new pages formatted and syncs. A target at or below the current size changes nothing. On failure the file keeps its old size.
    func grow(toTotalPages total: UInt32) throws(StorageFileError) {
        guard Int(total) > totalPages else { return }
        guard !isReadOnly else { throw .databaseReadOnly }
        let oldSize = fileSize
        let newLast = total - 2
        do throws(StorageFileError) {
            // The new size is made durable before any page is written, so a write torn by a crash lands inside
            // whole pages (the pages it did not reach read as never written) rather than leaving a partial page
            // at the end, which would make the file unreadable.
            let newSize = Int64(total) * Int64(pageSize)
            try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.ftruncate(fd, newSize)
                try SystemCalls.fdatasync(fd)
            }
            try Self.writeFormattedPages(fd: fd, first: pgnoLast + 1, last: newLast, pageSize: pageSize)
            try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fdatasync(fd) }
        } catch {
            // Keep the "whole pages only" invariant: drop whatever part of the new pages made it.
            try? SystemCalls.ftruncate(fd, oldSize)
            throw error
        }
        pgnoLast = newLast
    }

    // MARK: Pages

    /// Formats data page `pgno`: checksum, page number, zero body.
    static func formatPage(_ pgno: UInt32, into p: UnsafeMutableRawPointer, pageSize: Int) {
        p.initializeMemory(as: UInt8.self, repeating: 0, count: pageSize)
        p.diskStore(pgno, at: PageOffset.pgno)
        p.diskStore(Checksum.page(p, count: pageSize, seed: UInt64(pgno)), at: PageOffset.checksum)
    }

    /// Recomputes the checksum of a data page after its body changed.
    static func sealPage(_ p: UnsafeMutableRawPointer, pageSize: Int) {
        let pgno = p.diskLoad(PageOffset.pgno, as: UInt32.self)
        p.diskStore(Checksum.page(p, count: pageSize, seed: UInt64(pgno)), at: PageOffset.checksum)
    }

    /// Checks one data page that should be page `pgno`; nil when it is good or all zero (never written).
    /// `.pageWrongPlace` when it is a sound page that belongs elsewhere, `.pageChecksum` otherwise.
    @inline(__always)
    static func verifyPage(_ p: UnsafeRawPointer, pgno: UInt32, pageSize: Int) -> StorageFileError? {
        let stored = p.diskLoad(PageOffset.checksum, as: UInt64.self)
        let storedPgno = p.diskLoad(PageOffset.pgno, as: UInt32.self)
        if stored == Checksum.page(p, count: pageSize, seed: UInt64(pgno)) {
            return storedPgno == pgno ? nil : .pageWrongPlace(pgno: pgno)
        }
        // The rare paths: a page nobody wrote, a page written for another slot, or damage.
        if Checksum.isAllZero(p, count: pageSize) { return nil }
        if storedPgno != pgno && stored == Checksum.page(p, count: pageSize, seed: UInt64(storedPgno)) {
            return .pageWrongPlace(pgno: pgno)
        }
        return .pageChecksum(pgno: pgno)
    }

    /// `verifyPage` over `count` pages at `p` (page `firstPgno` first), in page order: the index and failure of the
    /// first page that fails, nil when every one passes. Sound pages go through one C call for the whole run
    /// (`esent_crc32c_check_pages`: the same checksum and page number test as `verifyPage`'s first one, with no call
    /// per page); only a page that fails it is looked at again by `verifyPage` (never written, wrong place, damage).
    static func firstFailure(
        _ p: UnsafeRawPointer, firstPgno: UInt32, count: Int, pageSize: Int
    ) -> (index: Int, failure: StorageFileError)? {
        var i = 0
        while i < count {
            i += esent_crc32c_check_pages(
                p + i * pageSize, pageSize, firstPgno &+ UInt32(truncatingIfNeeded: i), count - i)
            guard i < count else { return nil }
            if let failure = verifyPage(
                p + i * pageSize, pgno: firstPgno &+ UInt32(truncatingIfNeeded: i), pageSize: pageSize)
            {
                return (i, failure)
            }
            i += 1
        }
        return nil
    }

    /// The backup hot path: reads data pages firstPgno ..< firstPgno + count into `buffer` and verifies each one,
    /// in pieces of `verifyChunkBytes` (one pread each). A read of at least two pieces may check them on the page
    /// check helper while it reads the next piece (`PageCheckHelper`: when this machine measured that faster);
    /// otherwise each piece is checked right after it is read, while it is still in the cache the kernel's copy
    /// left it in. Either way every page is checked before this returns, and the error is that of the lowest bad
    /// page; a failed read is reported only when every page before it passed. No heap allocation.
    /// - Throws: `.pageChecksum` / `.pageWrongPlace` for a bad page; `.shortRead` when the file ends before the
    ///   last page (it was truncated under us), `.io` when the read fails; `.invalidArgument` for page 0.
    func readVerifiedPages(firstPgno: UInt32, count: Int, into buffer: UnsafeMutableRawPointer) throws(StorageFileError) {
        guard firstPgno >= 1, count >= 0, Int(firstPgno) - 1 + count <= Int(UInt32.max) else {
            throw .invalidArgument
        }
        if count * pageSize >= 2 * Self.verifyChunkBytes, let helper = PageCheckHelper.shared, helper.tryAcquire() {
            defer { helper.release() }
            let beside = helper.chooseBeside()
            let start = PageCheckHelper.monotonicNanoseconds()
            if beside {
                try readBesideHelper(helper, firstPgno: firstPgno, count: count, into: buffer)
            } else {
                try readAndCheckAlone(firstPgno: firstPgno, count: count, into: buffer)
            }
            helper.record(
                beside: beside, nanoseconds: PageCheckHelper.monotonicNanoseconds() &- start, bytes: count * pageSize)
            return
        }
        try readAndCheckAlone(firstPgno: firstPgno, count: count, into: buffer)
    }

    /// `readVerifiedPages` on this thread alone: each piece checked right after its read.
    private func readAndCheckAlone(firstPgno: UInt32, count: Int, into buffer: UnsafeMutableRawPointer)
        throws(StorageFileError)
    {
        let chunkPages = max(1, Self.verifyChunkBytes / pageSize)
        var done = 0
        while done < count {
            let n = min(chunkPages, count - done)
            let dst = buffer + done * pageSize
            let pgno = firstPgno + UInt32(done)
            try readPages(pgno, count: n, into: dst)
            try checkPages(pgno, count: n, at: dst)
            done += n
        }
    }

    /// One pread of `count` whole pages; `.shortRead` when the file ends first.
    @inline(__always)
    private func readPages(_ pgno: UInt32, count: Int, into dst: UnsafeMutableRawPointer) throws(StorageFileError) {
        let bytes = count * pageSize
        let got: Int
        do {
            got = try SystemCalls.pread(fd, dst, bytes, (Int64(pgno) + 1) * Int64(pageSize))
        } catch {
            throw .io(error)
        }
        guard got == bytes else { throw .shortRead }
    }

    /// Checks pages in order; a page that fails is read again under the write lock before it counts as bad.
    private func checkPages(_ pgno: UInt32, count: Int, at dst: UnsafeMutableRawPointer) throws(StorageFileError) {
        var i = 0
        while i < count {
            guard let bad = Self.firstFailure(dst + i * pageSize, firstPgno: pgno + UInt32(i), count: count - i, pageSize: pageSize)
            else { return }
            i += bad.index
            afterFailedPageRead?(pgno + UInt32(i))
            try rereadUnderWriteLock(pgno + UInt32(i), into: dst + i * pageSize)
            i += 1
        }
    }

    /// Bytes of one piece handed to the page check helper: a `verifyChunkBytes` read is several pieces, so that
    /// after the last read of a job the two threads share its pieces and the reader waits for a small one at most.
    static let helperPieceBytes = 16 << 10

    /// `readVerifiedPages` beside the page check helper, in jobs of at most `PageCheckHelper.maxPieces` pieces.
    private func readBesideHelper(
        _ helper: PageCheckHelper, firstPgno: UInt32, count: Int, into buffer: UnsafeMutableRawPointer
    ) throws(StorageFileError) {
        let piecePages = max(1, Self.helperPieceBytes / pageSize)
        let jobPages = piecePages * PageCheckHelper.maxPieces
        var done = 0
        while done < count {
            let n = min(jobPages, count - done)
            try readJob(
                helper, firstPgno: firstPgno + UInt32(done), count: n, piecePages: piecePages,
                into: buffer + done * pageSize)
            done += n
        }
    }

    /// One job: reads in `verifyChunkBytes` preads, publishing each read's pieces to the helper; then checks, from
    /// the back, every piece the helper has not claimed, and waits for those it has. Then in page order, as checking
    /// alone: a piece that failed is checked again here (never-written pages, the re-read of a torn page, the error
    /// of the lowest bad page), and a failed read is reported after the pieces before it.
    private func readJob(
        _ helper: PageCheckHelper, firstPgno: UInt32, count: Int, piecePages: Int, into buffer: UnsafeMutableRawPointer
    ) throws(StorageFileError) {
        let pieces = (count + piecePages - 1) / piecePages
        let piecesPerRead = max(1, Self.verifyChunkBytes / (piecePages * pageSize))
        let job = helper.open(buffer: buffer, pageSize: pageSize, firstPgno: firstPgno, pages: count, piecePages: piecePages)
        var readFailure: StorageFileError?
        var read = 0
        while read < pieces {
            let first = read * piecePages
            let n = min(piecesPerRead, pieces - read)
            do throws(StorageFileError) {
                try readPages(
                    firstPgno + UInt32(first), count: min(n * piecePages, count - first), into: buffer + first * pageSize)
            } catch {
                readFailure = error
                break
            }
            for piece in read..<(read + n) { helper.publish(job, piece: piece) }
            read += n
        }
        var index = read
        while index > 0 {
            index -= 1
            guard helper.claimForReader(job, piece: index) else { continue }
            let first = index * piecePages
            let passed = PageCheckHelper.piecePasses(
                buffer, pageSize: pageSize, firstPgno: firstPgno, first: first, count: min(piecePages, count - first))
            helper.finish(job, piece: index, passed: passed)
        }
        if let failed = helper.close(job, pieces: read) {
            let first = failed * piecePages
            try checkPages(firstPgno + UInt32(first), count: min(read * piecePages, count) - first, at: buffer + first * pageSize)
        }
        if let readFailure { throw readFailure }
    }

    /// Writes data page `pgno` from the `pageSize` bytes at `p`, stamping its page number and checksum there
    /// first. The page must be inside the file (`grow` first). Not synced: the caller syncs when it must.
    func writePage(_ pgno: UInt32, from p: UnsafeMutableRawPointer) throws(StorageFileError) {
        guard !isReadOnly else { throw .databaseReadOnly }
        guard pgno >= 1, pgno <= pgnoLast else { throw .invalidArgument }
        p.diskStore(pgno, at: PageOffset.pgno)
        Self.sealPage(p, pageSize: pageSize)
        let fd = self.fd
        let pageSize = self.pageSize
        try pageWriteLock.withLock { _ throws(StorageFileError) in
            try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.pwrite(fd, p, pageSize, (Int64(pgno) + 1) * Int64(pageSize))
            }
        }
    }

    /// fdatasync(2): the data pages written so far are durable.
    func syncData() throws(StorageFileError) {
        let fd = self.fd
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fdatasync(fd) }
    }

    /// Reads data page `pgno` into `p` and verifies it (`readVerifiedPages` for one page).
    func readPage(_ pgno: UInt32, into p: UnsafeMutableRawPointer) throws(StorageFileError) {
        try readVerifiedPages(firstPgno: pgno, count: 1, into: p)
    }

    /// A page that failed its check may have been read while the engine was writing it (a torn read, not
    /// damage): read it once more while no write can be in progress; only a second failure is reported.
    private func rereadUnderWriteLock(_ pgno: UInt32, into page: UnsafeMutableRawPointer) throws(StorageFileError) {
        let fd = self.fd
        let pageSize = self.pageSize
        try pageWriteLock.withLock { _ throws(StorageFileError) in
            let got = try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.pread(fd, page, pageSize, (Int64(pgno) + 1) * Int64(pageSize))
            }
            guard got == pageSize else { throw .shortRead }
            if let failure = Self.verifyPage(page, pgno: pgno, pageSize: pageSize) { throw failure }
        }
    }

    // MARK: Backup stream pages

    /// The stream's final page. No allocation.
    static func makeTrailerPage(into p: UnsafeMutableRawPointer, pageSize: Int, info: BackupTrailer) {
        info.encode(into: p, pageSize: pageSize)
    }

    // MARK: Helpers

    /// Writes formatted data pages first...last at their places, in large chunks.
    private static func writeFormattedPages(fd: FileDescriptor, first: UInt32, last: UInt32, pageSize: Int) throws(StorageFileError) {
        guard first <= last else { return }
        let chunkPages = max(1, formatChunkBytes / pageSize)
        let buffer = try PageBuffer(bytes: chunkPages * pageSize)
        defer { buffer.deallocate() }
        var pgno = UInt64(first)
        while pgno <= UInt64(last) {
            let n = Int(min(UInt64(chunkPages), UInt64(last) - pgno + 1))
            for i in 0..<n {
                formatPage(UInt32(pgno + UInt64(i)), into: buffer.pointer + i * pageSize, pageSize: pageSize)
            }
            let offset = Int64(pgno + 1) * Int64(pageSize)
            try StorageIO.run { () throws(SystemCallError) in
                try SystemCalls.pwrite(fd, buffer.pointer, n * pageSize, offset)
            }
            pgno += UInt64(n)
        }
    }
}

/// A database create's failure: the file's own, or what the caller's `record` step threw (the create then left
/// nothing behind).
package enum DatabaseCreateFailure<RecordError: Error>: Error {
    case file(StorageFileError)
    case record(RecordError)
}
