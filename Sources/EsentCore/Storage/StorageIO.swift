#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage

/// Glue between the system-call layer and the storage formats.
package enum StorageIO {
    /// Whether `path` exists; an error other than "not found" is reported as one.
    static func exists(_ path: FilePath) throws(StorageFileError) -> Bool {
        try run { () throws(SystemCallError) in try SystemCalls.lookup(path) } != nil
    }

    /// What `stat` says of `path`; nil when it does not exist, any other failure an error.
    static func status(_ path: FilePath) throws(StorageFileError) -> FileStatus? {
        try run { () throws(SystemCallError) in try SystemCalls.lookup(path) }
    }

    /// What `stat` says of `path`; nil when it does not exist or cannot be looked at (the offline inspection's
    /// "is it there" question, where an unreadable entry is skipped like a missing one).
    static func statusIfVisible(_ path: FilePath) -> FileStatus? {
        SystemCalls.status(path)
    }

    /// Whether `path` is a folder; a missing path is not, any other failure is an error.
    static func isDirectory(_ path: FilePath) throws(StorageFileError) -> Bool {
        try run { () throws(SystemCallError) in try SystemCalls.lookup(path) }?.isDirectory == true
    }

    /// `mkdir -p`: every missing folder of `folder` is created.
    static func makeFolders(_ folder: FilePath) throws(StorageFileError) {
        var current = folder
        current.components.removeAll()
        for part in folder.components {
            current.append(part)
            if try isDirectory(current) { continue }
            try run { () throws(SystemCallError) in try SystemCalls.mkdir(current) }
        }
    }

    /// Whether `path` is a regular file; a missing path is not, any other failure is an error.
    static func isRegularFile(_ path: FilePath) throws(StorageFileError) -> Bool {
        try run { () throws(SystemCallError) in try SystemCalls.lookup(path) }?.isRegularFile == true
    }

    /// The process's current directory.
    static func currentFolder() throws(StorageFileError) -> FilePath {
        try run { () throws(SystemCallError) in try SystemCalls.currentDirectory() }
    }

    /// `path` with symlinks, `.` and `..` resolved; nil when it does not exist, any other failure an error.
    static func resolvedPath(_ path: FilePath) throws(StorageFileError) -> FilePath? {
        try run { () throws(SystemCallError) in try SystemCalls.resolve(path) }
    }

    /// The size of `path` in bytes, 0 when it does not exist; any other failure is an error.
    static func size(_ path: FilePath) throws(StorageFileError) -> Int64 {
        try status(path)?.size ?? 0
    }

    /// Removes the file `path`; a file already gone is not an error.
    static func remove(_ path: FilePath) throws(StorageFileError) {
        do throws(SystemCallError) { try SystemCalls.unlink(path) } catch {
            if error.errno != .noSuchFileOrDirectory { throw .io(error) }
        }
    }

    /// Removes the files directly inside `folder` (not its subfolders) and then the folder if it is empty.
    static func removeFiles(in folder: FilePath) throws(StorageFileError) {
        guard try isDirectory(folder) else { return }
        for name in try listFolder(folder) where try !isDirectory(folder.appending(name)) {
            try remove(folder.appending(name))
        }
        try run { () throws(SystemCallError) in try SystemCalls.rmdir(folder) }
    }

    /// Creates the folder `folder` (its parent must exist); an existing folder is not an error.
    static func makeFolder(_ folder: FilePath) throws(StorageFileError) {
        try run { () throws(SystemCallError) in try SystemCalls.mkdir(folder) }
    }

    /// The names in `folder`, without `.` and `..`.
    static func listFolder(_ folder: FilePath) throws(StorageFileError) -> [String] {
        try run { () throws(SystemCallError) in try SystemCalls.listDirectory(folder) }
    }

    /// Renames `from` to `to`, replacing `to`.
    static func rename(_ from: FilePath, _ to: FilePath) throws(StorageFileError) {
        try run { () throws(SystemCallError) in try SystemCalls.rename(from, to) }
    }

    /// Makes the renames and new entries in `folder` durable.
    static func syncFolder(_ folder: FilePath) throws(StorageFileError) {
        try run { () throws(SystemCallError) in try SystemCalls.syncDirectory(folder) }
    }

    /// Runs system calls, reporting their failure as an I/O failure of the storage layer (Core maps it to the
    /// JET error esent.dll gives for it). Callers that know more (EAGAIN on a lock is a held file) catch
    /// `SystemCallError` themselves at that place.
    @inline(__always)
    static func run<T>(_ body: () throws(SystemCallError) -> T) throws(StorageFileError) -> T {
        do {
            return try body()
        } catch {
            throw .io(error)
        }
    }
}

/// A page-aligned scratch buffer (O_DIRECT-friendly and what the backup API's alignment rule expects).
package struct PageBuffer {
    let pointer: UnsafeMutableRawPointer
    let count: Int

    init(bytes: Int) throws(StorageFileError) {
        guard bytes > 0 else { throw .invalidArgument }
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
    static func openForReading(_ path: FilePath) throws(StorageFileError) -> StorageFile {
        StorageFile(try StorageIO.run { () throws(SystemCallError) in try SystemCalls.open(path, .readOnly) })
    }

    /// Opens `path` for reading; nil when it does not exist.
    static func openExistingForReading(_ path: FilePath) throws(StorageFileError) -> StorageFile? {
        do {
            return StorageFile(try SystemCalls.open(path, .readOnly))
        } catch {
            if error.errno == .noSuchFileOrDirectory { return nil }
            throw .io(error)
        }
    }

    /// Creates (or, with `overwrite`, replaces) a file for writing. An existing file without `overwrite` is
    /// `.fileExists`; a missing folder `.folderMissing` (ESE's backup to a folder reports JET_errInvalidPath).
    static func create(_ path: FilePath, overwrite: Bool) throws(StorageFileError) -> StorageFile {
        do {
            return StorageFile(
                try SystemCalls.open(path, .writeOnly, options: [.create, overwrite ? .truncate : .exclusiveCreate]))
        } catch {
            if error.errno == .fileExists { throw .fileExists }
            if error.errno == .noSuchFileOrDirectory || error.errno == .notDirectory { throw .folderMissing }
            throw .io(error)
        }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws(StorageFileError) -> Int {
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.pread(fd, buffer, count, offset) }
    }

    /// Writes all `count` bytes at `offset`.
    func write(_ buffer: UnsafeRawPointer, count: Int, at offset: Int64) throws(StorageFileError) {
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.pwrite(fd, buffer, count, offset) }
    }

    /// The file's size in bytes.
    func size() throws(StorageFileError) -> Int64 {
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fileSize(fd) }
    }

    /// Makes the file's data and metadata durable.
    func sync() throws(StorageFileError) {
        try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fsync(fd) }
    }
}

extension StorageIO {
    /// Whether another open of `path` holds its lock (an attached database): the write lock cannot be taken.
    /// A file that cannot be opened or locked for another reason is not reported as held.
    static func isLockedByAnother(_ path: FilePath) throws(StorageFileError) -> Bool {
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
