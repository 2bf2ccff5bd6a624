#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A failed system call: the call's name and its `errno`.
package struct SystemCallError: Error, Equatable {
    var call: SystemCall
    var errno: Int32
}

/// The system calls this library makes. Tests name them to inject failures.
package enum SystemCall: String, Sendable, CaseIterable {
    case open, close, pread, pwrite, fsync, fdatasync, ftruncate, fstat, stat, rename, unlink, mkdir, rmdir, opendir,
        realpath, getcwd, fcntl
}

/// The one place where every system call of the library is made, so that tests can make any of them fail.
///
/// `faultInjector` is consulted before each call; when it returns an errno the call is not made and fails with
/// that errno. It is set only by tests, before they start the scenario they check (never while calls run).
package enum SystemCalls {
    nonisolated(unsafe) static var faultInjector: (@Sendable (SystemCall, String?) -> Int32?)?

    @inline(__always)
    static func injected(_ call: SystemCall, _ path: String? = nil) -> SystemCallError? {
        guard let injector = faultInjector, let code = injector(call, path) else { return nil }
        return SystemCallError(call: call, errno: code)
    }

    /// `open(2)` with `O_CLOEXEC` added; retries on `EINTR`.
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0o644) throws(SystemCallError) -> Int32 {
        if let e = injected(.open, path) { throw e }
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if Glibc.errno != EINTR { throw SystemCallError(call: .open, errno: Glibc.errno) }
        }
    }

    /// `close(2)`. Errors are not reported: the descriptor is gone either way on Linux.
    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    /// `pread(2)` until `count` bytes or end of file; retries on `EINTR`. Returns the bytes read.
    static func pread(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: Int64)
        throws(SystemCallError) -> Int
    {
        if let e = injected(.pread) { throw e }
        var done = 0
        while done < count {
            let n = Glibc.pread(fd, buffer + done, count - done, off_t(offset) + off_t(done))
            if n > 0 {
                done += n
            } else if n == 0 {
                break
            } else if Glibc.errno != EINTR {
                throw SystemCallError(call: .pread, errno: Glibc.errno)
            }
        }
        return done
    }

    /// `pwrite(2)` of all `count` bytes; retries on `EINTR` and short writes.
    static func pwrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int, _ offset: Int64)
        throws(SystemCallError)
    {
        if let e = injected(.pwrite) { throw e }
        var done = 0
        while done < count {
            let n = Glibc.pwrite(fd, buffer + done, count - done, off_t(offset) + off_t(done))
            if n >= 0 {
                done += n
            } else if Glibc.errno != EINTR {
                throw SystemCallError(call: .pwrite, errno: Glibc.errno)
            }
        }
    }

    /// `fcntl(2)` with `F_OFD_SETLK` on the whole file, without waiting: a write lock, or a read lock when
    /// `shared`. Open-file-description locks conflict between two opens even within one process, and the kernel
    /// drops them when the descriptor closes or the holder dies. Fails with `EAGAIN` on a conflict.
    static func lock(_ fd: Int32, shared: Bool) throws(SystemCallError) {
        if let e = injected(.fcntl) { throw e }
        var request = Glibc.flock()
        request.l_type = Int16(shared ? F_RDLCK : F_WRLCK)
        request.l_whence = Int16(SEEK_SET)
        while Glibc.fcntl(fd, ofdSetLock, &request) != 0 {
            if Glibc.errno != EINTR { throw SystemCallError(call: .fcntl, errno: Glibc.errno) }
        }
    }

    /// `F_OFD_SETLK` from Linux's <fcntl.h>, which Swift's Glibc module leaves out (it needs _GNU_SOURCE).
    private static let ofdSetLock: Int32 = 37

    /// `fsync(2)`.
    static func fsync(_ fd: Int32) throws(SystemCallError) {
        if let e = injected(.fsync) { throw e }
        if Glibc.fsync(fd) != 0 { throw SystemCallError(call: .fsync, errno: Glibc.errno) }
    }

    /// `fdatasync(2)`.
    static func fdatasync(_ fd: Int32) throws(SystemCallError) {
        if let e = injected(.fdatasync) { throw e }
        if Glibc.fdatasync(fd) != 0 { throw SystemCallError(call: .fdatasync, errno: Glibc.errno) }
    }

    /// `ftruncate(2)`.
    static func ftruncate(_ fd: Int32, _ size: Int64) throws(SystemCallError) {
        if let e = injected(.ftruncate) { throw e }
        if Glibc.ftruncate(fd, off_t(size)) != 0 { throw SystemCallError(call: .ftruncate, errno: Glibc.errno) }
    }

    /// `fstat(2)`: the file's size in bytes.
    static func fileSize(_ fd: Int32) throws(SystemCallError) -> Int64 {
        if let e = injected(.fstat) { throw e }
        var st = Glibc.stat()
        if Glibc.fstat(fd, &st) != 0 { throw SystemCallError(call: .fstat, errno: Glibc.errno) }
        return Int64(st.st_size)
    }

    /// What `stat(2)` says of a path; `nil` when it does not exist (or cannot be looked at).
    static func status(_ path: String) -> FileStatus? {
        if injected(.stat, path) != nil { return nil }
        var st = Glibc.stat()
        guard Glibc.fstatat(AT_FDCWD, path, &st, 0) == 0 else { return nil }
        let kind = st.st_mode & S_IFMT
        return FileStatus(
            isDirectory: kind == S_IFDIR, isRegularFile: kind == S_IFREG, size: Int64(st.st_size),
            isWritable: Glibc.access(path, W_OK) == 0, hasWriteBit: st.st_mode & 0o222 != 0)
    }

    /// What `stat(2)` says of a path; `nil` when it does not exist (ENOENT, ENOTDIR). Any other failure (EACCES,
    /// EIO, ...) is an error, so that an unreadable folder never reads as a missing one.
    static func lookup(_ path: String) throws(SystemCallError) -> FileStatus? {
        if let e = injected(.stat, path) {
            if e.errno == ENOENT || e.errno == ENOTDIR { return nil }
            throw e
        }
        var st = Glibc.stat()
        guard Glibc.fstatat(AT_FDCWD, path, &st, 0) == 0 else {
            let code = Glibc.errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw SystemCallError(call: .stat, errno: code)
        }
        let kind = st.st_mode & S_IFMT
        return FileStatus(
            isDirectory: kind == S_IFDIR, isRegularFile: kind == S_IFREG, size: Int64(st.st_size),
            isWritable: Glibc.access(path, W_OK) == 0, hasWriteBit: st.st_mode & 0o222 != 0)
    }

    /// `rename(2)`.
    static func rename(_ from: String, _ to: String) throws(SystemCallError) {
        if let e = injected(.rename, to) { throw e }
        if Glibc.rename(from, to) != 0 { throw SystemCallError(call: .rename, errno: Glibc.errno) }
    }

    /// `unlink(2)`.
    static func unlink(_ path: String) throws(SystemCallError) {
        if let e = injected(.unlink, path) { throw e }
        if Glibc.unlink(path) != 0 { throw SystemCallError(call: .unlink, errno: Glibc.errno) }
    }

    /// `rmdir(2)`.
    static func rmdir(_ path: String) throws(SystemCallError) {
        if let e = injected(.rmdir, path) { throw e }
        if Glibc.rmdir(path) != 0 { throw SystemCallError(call: .rmdir, errno: Glibc.errno) }
    }

    /// `mkdir(2)`; an existing directory is not an error.
    static func mkdir(_ path: String, _ mode: mode_t = 0o755) throws(SystemCallError) {
        if let e = injected(.mkdir, path) { throw e }
        if Glibc.mkdir(path, mode) != 0 && Glibc.errno != EEXIST {
            throw SystemCallError(call: .mkdir, errno: Glibc.errno)
        }
    }

    /// `opendir(3)`/`readdir(3)`: the names in a directory, without `.` and `..`.
    static func listDirectory(_ path: String) throws(SystemCallError) -> [String] {
        if let e = injected(.opendir, path) { throw e }
        guard let dir = Glibc.opendir(path) else { throw SystemCallError(call: .opendir, errno: Glibc.errno) }
        defer { Glibc.closedir(dir) }
        var names: [String] = []
        while let entry = Glibc.readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `realpath(3)`: the path with symlinks, `.` and `..` resolved; `nil` when it does not resolve.
    static func realpath(_ path: String) -> String? {
        if injected(.realpath, path) != nil { return nil }
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `getcwd(3)`.
    static func currentDirectory() throws(SystemCallError) -> String {
        if let e = injected(.getcwd) { throw e }
        guard let cwd = Glibc.getcwd(nil, 0) else { throw SystemCallError(call: .getcwd, errno: Glibc.errno) }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// Makes a rename or a new entry in `directory` durable: `open(2)` + `fsync(2)` of the directory.
    static func syncDirectory(_ directory: String) throws(SystemCallError) {
        let fd = try open(directory, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try fsync(fd)
    }
}

/// What `stat(2)` reports that the library uses.
package struct FileStatus: Equatable {
    var isDirectory: Bool
    var isRegularFile: Bool
    var size: Int64
    var isWritable: Bool
    /// Some write permission bit is set (root's access(2) ignores the bits).
    var hasWriteBit: Bool
}
