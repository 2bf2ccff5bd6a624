#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage

/// Glue between the system-call layer and the storage formats.
package enum StorageIO {
    /// Whether `path` exists; an error other than "not found" is reported as one.
    static func exists(_ path: String) throws(JetError) -> Bool {
        try run { () throws(SystemCallError) in try SystemCalls.lookup(path) } != nil
    }

    /// What `stat` says of `path`; nil when it does not exist, any other failure an error.
    static func status(_ path: String) throws(JetError) -> FileStatus? {
        try run { () throws(SystemCallError) in try SystemCalls.lookup(path) }
    }

    /// Whether `path` is a folder; a missing path is not, any other failure is an error.
    static func isDirectory(_ path: String) throws(JetError) -> Bool {
        try run { () throws(SystemCallError) in try SystemCalls.lookup(path) }?.isDirectory == true
    }

    /// `mkdir -p`: every missing folder of `folder` is created.
    static func makeFolders(_ folder: String) throws(JetError) {
        var current = ""
        for part in folder.split(separator: "/") {
            current += "/" + part
            if try isDirectory(current) { continue }
            try run { () throws(SystemCallError) in try SystemCalls.mkdir(current) }
        }
    }

    /// Whether `path` is a regular file; a missing path is not, any other failure is an error.
    static func isRegularFile(_ path: String) throws(JetError) -> Bool {
        try run { () throws(SystemCallError) in try SystemCalls.lookup(path) }?.isRegularFile == true
    }

    /// The process's current directory.
    static func currentFolder() throws(JetError) -> String {
        try run { () throws(SystemCallError) in try SystemCalls.currentDirectory() }
    }

    /// `path` with symlinks, `.` and `..` resolved; nil when it does not exist, any other failure an error.
    static func resolvedPath(_ path: String) throws(JetError) -> String? {
        try run { () throws(SystemCallError) in try SystemCalls.resolve(path) }
    }

    /// The size of `path` in bytes, 0 when it does not exist; any other failure is an error.
    static func size(_ path: String) throws(JetError) -> Int64 {
        try status(path)?.size ?? 0
    }

    /// Removes the file `path`; a file already gone is not an error.
    static func remove(_ path: String) throws(JetError) {
        do throws(SystemCallError) { try SystemCalls.unlink(path) } catch {
            if error.errno != .noSuchFileOrDirectory { throw JetError(error) }
        }
    }

    /// Removes the files directly inside `folder` (not its subfolders) and then the folder if it is empty.
    static func removeFiles(in folder: String) throws(JetError) {
        guard try isDirectory(folder) else { return }
        for name in try listFolder(folder) where try !isDirectory(folder + name) {
            try remove(folder + name)
        }
        try run { () throws(SystemCallError) in try SystemCalls.rmdir(folder) }
    }

    /// Creates the folder `folder` (its parent must exist); an existing folder is not an error.
    static func makeFolder(_ folder: String) throws(JetError) {
        try run { () throws(SystemCallError) in try SystemCalls.mkdir(folder) }
    }

    /// The names in `folder`, without `.` and `..`.
    static func listFolder(_ folder: String) throws(JetError) -> [String] {
        try run { () throws(SystemCallError) in try SystemCalls.listDirectory(folder) }
    }

    /// Renames `from` to `to`, replacing `to`.
    static func rename(_ from: String, _ to: String) throws(JetError) {
        try run { () throws(SystemCallError) in try SystemCalls.rename(from, to) }
    }

    /// Makes the renames and new entries in `folder` durable.
    static func syncFolder(_ folder: String) throws(JetError) {
        try run { () throws(SystemCallError) in try SystemCalls.syncDirectory(folder) }
    }

    /// Runs system calls, turning their failure into the JET error esent.dll gives for it (`JetError(_:)`, the
    /// one general mapping). Callers that know more (ENOSPC on a log is -529, EAGAIN on a lock a sharing
    /// violation) catch `SystemCallError` themselves at that place.
    @inline(__always)
    static func run<T>(_ body: () throws(SystemCallError) -> T) throws(JetError) -> T {
        do {
            return try body()
        } catch {
            throw JetError(error)
        }
    }
}

/// A page-aligned scratch buffer (O_DIRECT-friendly and what the backup API's alignment rule expects).
package struct PageBuffer {
    let pointer: UnsafeMutableRawPointer
    let count: Int

    init(bytes: Int) throws(JetError) {
        guard bytes > 0 else { throw .invalidParameter }
        var raw: UnsafeMutableRawPointer?
        // posix_memalign instead of a trapping allocation: an allocation failure must reach the caller as an error.
        guard posix_memalign(&raw, 4096, bytes) == 0, let p = raw else { throw .outOfMemory }
        p.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        pointer = p
        count = bytes
    }

    func deallocate() { free(pointer) }
}

/// An open file for Core's copies and streams (restore, folder backups, backup reads of logs): Core reads,
/// writes and syncs through it and never sees a descriptor. Closed when released.
package final class StorageFile: Sendable {
    private let fd: FileDescriptor

    private init(_ fd: FileDescriptor) { self.fd = fd }

    deinit { SystemCalls.close(fd) }

    /// Opens `path` for reading.
    static func openForReading(_ path: String) throws(JetError) -> StorageFile {
        StorageFile(try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(path, .readOnly) })
    }

    /// Opens `path` for reading; nil when it does not exist.
    static func openExistingForReading(_ path: String) throws(JetError) -> StorageFile? {
        do {
            return StorageFile(try SystemCalls.open(path, .readOnly))
        } catch {
            if error.errno == .noSuchFileOrDirectory { return nil }
            throw JetError(error)
        }
    }

    /// Creates (or, with `overwrite`, replaces) a file for writing. An existing file without `overwrite` is
    /// `JET_errFileAlreadyExists`; a missing folder `JET_errInvalidPath` (what ESE's backup to a folder reports).
    static func create(_ path: String, overwrite: Bool) throws(JetError) -> StorageFile {
        do {
            return StorageFile(
                try SystemCalls.open(path, .writeOnly, options: [.create, overwrite ? .truncate : .exclusiveCreate]))
        } catch {
            if error.errno == .fileExists { throw .fileAlreadyExists }
            if error.errno == .noSuchFileOrDirectory || error.errno == .notDirectory { throw .invalidPath }
            throw JetError(error)
        }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws(JetError) -> Int {
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.pread(fd, buffer, count, offset) }
    }

    /// Writes all `count` bytes at `offset`.
    func write(_ buffer: UnsafeRawPointer, count: Int, at offset: Int64) throws(JetError) {
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.pwrite(fd, buffer, count, offset) }
    }

    /// The file's size in bytes.
    func size() throws(JetError) -> Int64 {
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fileSize(fd) }
    }

    /// Makes the file's data and metadata durable.
    func sync() throws(JetError) {
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fsync(fd) }
    }
}

extension StorageIO {
    /// Whether another open of `path` holds its lock (an attached database): the write lock cannot be taken.
    /// A file that cannot be opened or locked for another reason is not reported as held.
    static func isLockedByAnother(_ path: String) throws(JetError) -> Bool {
        guard try exists(path) else { return false }
        guard let fd = try? SystemCalls.open(path, .readWrite) else { return false }
        defer { SystemCalls.close(fd) }
        do {
            try SystemCalls.lock(fd, shared: false)
            return false
        } catch {
            return error.errno == .resourceTemporarilyUnavailable || error.errno == .permissionDenied
        }
    }
}
