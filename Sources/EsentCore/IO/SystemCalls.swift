#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage

/// A failed system call: the call's name and its `errno`, typed as swift-system's `Errno`.
package struct SystemCallError: Error, Equatable {
    var call: SystemCall
    var errno: Errno

    init(call: SystemCall, errno: Errno) {
        self.call = call
        self.errno = errno
    }

    /// A failure swift-system reported (always an `Errno`; anything else is an I/O error).
    init(call: SystemCall, _ error: any Error) {
        self.init(call: call, errno: error as? Errno ?? .ioError)
    }

    /// The failure `call` just reported through the C `errno` variable.
    static func last(_ call: SystemCall) -> SystemCallError {
        SystemCallError(call: call, errno: Errno(rawValue: Glibc.errno))
    }
}

/// The system calls this library makes. Tests name them to inject failures.
package enum SystemCall: String, Sendable, CaseIterable {
    case open, close, pread, pwrite, fsync, fdatasync, ftruncate, fstat, stat, rename, link, unlink, mkdir, rmdir,
        opendir,
        realpath, getcwd, fcntl
}

/// The one place where every system call of the library is made, so that tests can make any of them fail
/// (`FaultInjector`: errors, short transfers, EINTR, per call kind and per file) and can simulate a power loss
/// at any write or sync (`PowerLoss`). With neither in use, each call pays one atomic load.
///
/// Typed with swift-system: descriptors are `FileDescriptor`, flags `AccessMode`/`OpenOptions`/`FilePermissions`,
/// failures `SystemCallError` with an `Errno`. swift-system's own wrappers are used where it has them (open, close,
/// positioned read and write); the rest call Glibc, and each names the C call it wraps. Paths are `FilePath`
/// (which folds repeated and trailing `/`); the injector's path rules and the power-loss model see its `string`.
package enum SystemCalls {
    /// The injector's observer closure (kept under this name for tests written against the old global).
    static var faultInjector: (@Sendable (SystemCall, String?) -> Int32?)? {
        get { FaultInjector.observer }
        set { FaultInjector.observer = newValue }
    }

    /// Runs the hooks before a call: power-loss accounting (a call that changes files is a crash point), then the
    /// injector. Returns the injected effect other than a failure, which it throws.
    @inline(__always)
    static func hooks(_ call: SystemCall, path: FilePath? = nil, fd: Int32? = nil, mutates: Bool = false)
        throws(SystemCallError) -> FaultEffect?
    {
        guard FaultInjector.isActive else { return nil }
        if PowerLoss.isRecording {
            if mutates { try PowerLoss.mutation(call) } else { try PowerLoss.checkAlive(call) }
        }
        let effect = FaultInjector.check(call, path: path?.string, fd: fd)
        if case .fail(let code)? = effect { throw SystemCallError(call: call, errno: code) }
        return effect
    }

    /// `open(2)` through swift-system's `FileDescriptor.open`, with `O_CLOEXEC` added; retries on `EINTR`.
    static func open(
        _ path: FilePath, _ mode: FileDescriptor.AccessMode, options: FileDescriptor.OpenOptions = [],
        permissions: FilePermissions = [.ownerReadWrite, .groupRead, .otherRead]
    ) throws(SystemCallError) -> FileDescriptor {
        _ = try hooks(.open, path: path, mutates: !options.isDisjoint(with: [.create, .truncate]))
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(
                path, mode, options: options.union(.closeOnExec), permissions: permissions,
                retryOnInterrupt: true)
        } catch {
            throw SystemCallError(call: .open, error)
        }
        FaultInjector.opened(fd.rawValue, path: path.string)
        if PowerLoss.isRecording {
            PowerLoss.opened(fd: fd.rawValue, path: path.string, truncates: options.contains(.truncate))
        }
        return fd
    }

    /// `close(2)` through `FileDescriptor.close`. Errors are not reported: the descriptor is gone either way on
    /// Linux.
    static func close(_ fd: FileDescriptor) {
        FaultInjector.closed(fd.rawValue)
        if PowerLoss.isRecording { PowerLoss.closed(fd: fd.rawValue) }
        try? fd.close()
    }

    /// `pread(2)` through `FileDescriptor.read(fromAbsoluteOffset:into:)` until `count` bytes or end of file;
    /// retries on `EINTR`. Returns the bytes read.
    static func pread(_ fd: FileDescriptor, _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: Int64)
        throws(SystemCallError) -> Int
    {
        var effect = try hooks(.pread, fd: fd.rawValue)
        var done = 0
        while done < count {
            var limit = count - done
            switch effect {
            case .short(let n)?: limit = min(limit, max(1, n))
            case .zero?: return done
            default: break
            }
            effect = nil
            let n: Int
            do {
                n = try fd.read(
                    fromAbsoluteOffset: offset + Int64(done),
                    into: UnsafeMutableRawBufferPointer(start: buffer + done, count: limit), retryOnInterrupt: true)
            } catch {
                throw SystemCallError(call: .pread, error)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// `pwrite(2)` through `FileDescriptor.write(toAbsoluteOffset:_:)` of all `count` bytes; retries on `EINTR`
    /// and short writes. A write that makes no progress (returns 0) is an I/O error rather than a retry that could
    /// spin forever.
    static func pwrite(_ fd: FileDescriptor, _ buffer: UnsafeRawPointer, _ count: Int, _ offset: Int64)
        throws(SystemCallError)
    {
        var effect: FaultEffect?
        if FaultInjector.isActive {
            if PowerLoss.isRecording { try PowerLoss.write(fd: fd.rawValue, buffer, count, offset) }
            effect = try hooks(.pwrite, fd: fd.rawValue)
        }
        var done = 0
        while done < count {
            var limit = count - done
            var n = 0
            switch effect {
            case .short(let k)?:
                limit = min(limit, max(1, k))
            case .zero?:
                limit = 0
            default:
                break
            }
            effect = nil
            if limit > 0 {
                do {
                    n = try fd.write(
                        toAbsoluteOffset: offset + Int64(done),
                        UnsafeRawBufferPointer(start: buffer + done, count: limit), retryOnInterrupt: true)
                } catch {
                    throw SystemCallError(call: .pwrite, error)
                }
            }
            if n == 0 { throw SystemCallError(call: .pwrite, errno: .ioError) }
            done += n
        }
    }

    /// `fcntl(2)` with `F_OFD_SETLK` on the whole file, without waiting: a write lock, or a read lock when
    /// `shared`. Open-file-description locks conflict between two opens even within one process, and the kernel
    /// drops them when the descriptor closes or the holder dies. Fails with `EAGAIN` on a conflict.
    static func lock(_ fd: FileDescriptor, shared: Bool) throws(SystemCallError) {
        _ = try hooks(.fcntl, fd: fd.rawValue)
        var request = Glibc.flock()
        request.l_type = Int16(shared ? F_RDLCK : F_WRLCK)
        request.l_whence = Int16(SEEK_SET)
        while Glibc.fcntl(fd.rawValue, ofdSetLock, &request) != 0 {
            if Glibc.errno != EINTR { throw .last(.fcntl) }
        }
    }

    /// `F_OFD_SETLK` from Linux's <fcntl.h>, which Swift's Glibc module leaves out (it needs _GNU_SOURCE).
    private static let ofdSetLock: Int32 = 37

    /// `fsync(2)` (swift-system has no wrapper); retries on `EINTR`.
    static func fsync(_ fd: FileDescriptor) throws(SystemCallError) {
        do throws(SystemCallError) {
            _ = try hooks(.fsync, fd: fd.rawValue, mutates: true)
            // While the power-loss recorder runs, its model is the disk: the sync is recorded below, and a real
            // one would only slow the crash tests down.
            while !PowerLoss.isRecording && Glibc.fsync(fd.rawValue) != 0 {
                if Glibc.errno != EINTR { throw SystemCallError.last(.fsync) }
            }
        } catch {
            if PowerLoss.isRecording { PowerLoss.syncFailed(fd: fd.rawValue) }
            throw error
        }
        if PowerLoss.isRecording { PowerLoss.synced(fd: fd.rawValue) }
    }

    /// `mmap(2)` of `bytes` of anonymous private memory aligned to `alignment` (a power of two, a multiple of the
    /// system page), zero-filled, outside malloc's heap; nil when the system has none. Memory, not I/O: no hooks.
    static func mapMemory(_ bytes: Int, alignment: Int) -> UnsafeMutableRawPointer? {
        let span = bytes + alignment
        guard let raw = Glibc.mmap(nil, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            raw != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        let start = UInt(bitPattern: raw)
        let aligned = (start + UInt(alignment) - 1) & ~UInt(alignment - 1)
        let head = Int(aligned - start)
        if head > 0 { _ = Glibc.munmap(raw, head) }
        let tail = span - head - bytes
        if tail > 0 { _ = Glibc.munmap(raw + head + bytes, tail) }
        return raw + head
    }

    /// `munmap(2)` of memory from `mapMemory`.
    static func unmapMemory(_ memory: UnsafeMutableRawPointer, _ bytes: Int) { _ = Glibc.munmap(memory, bytes) }

    /// `fdatasync(2)` (swift-system has no wrapper); retries on `EINTR`.
    static func fdatasync(_ fd: FileDescriptor) throws(SystemCallError) {
        do throws(SystemCallError) {
            _ = try hooks(.fdatasync, fd: fd.rawValue, mutates: true)
            // While the power-loss recorder runs, its model is the disk: the sync is recorded below, and a real
            // one would only slow the crash tests down.
            while !PowerLoss.isRecording && Glibc.fdatasync(fd.rawValue) != 0 {
                if Glibc.errno != EINTR { throw SystemCallError.last(.fdatasync) }
            }
        } catch {
            if PowerLoss.isRecording { PowerLoss.syncFailed(fd: fd.rawValue) }
            throw error
        }
        if PowerLoss.isRecording { PowerLoss.synced(fd: fd.rawValue) }
    }

    /// `ftruncate(2)`; retries on `EINTR`.
    static func ftruncate(_ fd: FileDescriptor, _ size: Int64) throws(SystemCallError) {
        _ = try hooks(.ftruncate, fd: fd.rawValue, mutates: true)
        while Glibc.ftruncate(fd.rawValue, off_t(size)) != 0 {
            if Glibc.errno != EINTR { throw .last(.ftruncate) }
        }
        if PowerLoss.isRecording { PowerLoss.truncated(fd: fd.rawValue, size: size) }
    }

    /// `fstat(2)`: the file's size in bytes.
    static func fileSize(_ fd: FileDescriptor) throws(SystemCallError) -> Int64 {
        _ = try hooks(.fstat, fd: fd.rawValue)
        var st = Glibc.stat()
        if Glibc.fstat(fd.rawValue, &st) != 0 { throw .last(.fstat) }
        return Int64(st.st_size)
    }

    /// What `stat(2)` says of a path; `nil` when it does not exist (or cannot be looked at).
    static func status(_ path: FilePath) -> FileStatus? {
        do { _ = try hooks(.stat, path: path) } catch { return nil }
        return try? statPath(path)
    }

    /// What `stat(2)` says of a path; `nil` when it does not exist (ENOENT, ENOTDIR). Any other failure (EACCES,
    /// EIO, ...) is an error, so that an unreadable folder never reads as a missing one.
    static func lookup(_ path: FilePath) throws(SystemCallError) -> FileStatus? {
        do {
            _ = try hooks(.stat, path: path)
            return try statPath(path)
        } catch {
            if error.errno == .noSuchFileOrDirectory || error.errno == .notDirectory { return nil }
            throw error
        }
    }

    /// `stat(2)` and `access(2)` of `path`, without the hooks.
    private static func statPath(_ path: FilePath) throws(SystemCallError) -> FileStatus {
        var st = Glibc.stat()
        let (statResult, writable) = path.withPlatformString { p in
            (Glibc.fstatat(AT_FDCWD, p, &st, 0) == 0 ? 0 : Glibc.errno, Glibc.access(p, W_OK) == 0)
        }
        if statResult != 0 { throw SystemCallError(call: .stat, errno: Errno(rawValue: statResult)) }
        let kind = st.st_mode & S_IFMT
        return FileStatus(
            isDirectory: kind == S_IFDIR, isRegularFile: kind == S_IFREG, size: Int64(st.st_size),
            isWritable: writable, hasWriteBit: st.st_mode & 0o222 != 0)
    }

    /// `rename(2)`.
    static func rename(_ from: FilePath, _ to: FilePath) throws(SystemCallError) {
        _ = try hooks(.rename, path: to, mutates: true)
        let code = from.withPlatformString { f in to.withPlatformString { t in errnoOf(Glibc.rename(f, t)) } }
        if code != 0 { throw SystemCallError(call: .rename, errno: Errno(rawValue: code)) }
        FaultInjector.renamed(from.string, to.string)
        if PowerLoss.isRecording { PowerLoss.renamed(from.string, to.string) }
    }

    /// `link(2)`: a second name for `from`; fails with EEXIST when `to` exists (an atomic "create if absent").
    static func link(_ from: FilePath, _ to: FilePath) throws(SystemCallError) {
        _ = try hooks(.link, path: to, mutates: true)
        let code = from.withPlatformString { f in to.withPlatformString { t in errnoOf(Glibc.link(f, t)) } }
        if code != 0 { throw SystemCallError(call: .link, errno: Errno(rawValue: code)) }
        FaultInjector.renamed(from.string, to.string)
        if PowerLoss.isRecording { PowerLoss.linked(from.string, to.string) }
    }

    /// `unlink(2)`.
    static func unlink(_ path: FilePath) throws(SystemCallError) {
        _ = try hooks(.unlink, path: path, mutates: true)
        let code = path.withPlatformString { errnoOf(Glibc.unlink($0)) }
        if code != 0 { throw SystemCallError(call: .unlink, errno: Errno(rawValue: code)) }
        if PowerLoss.isRecording { PowerLoss.unlinked(path.string) }
    }

    /// `rmdir(2)`.
    static func rmdir(_ path: FilePath) throws(SystemCallError) {
        _ = try hooks(.rmdir, path: path, mutates: true)
        let code = path.withPlatformString { errnoOf(Glibc.rmdir($0)) }
        if code != 0 { throw SystemCallError(call: .rmdir, errno: Errno(rawValue: code)) }
    }

    /// `mkdir(2)`; an existing directory is not an error.
    static func mkdir(_ path: FilePath, _ mode: mode_t = 0o755) throws(SystemCallError) {
        _ = try hooks(.mkdir, path: path, mutates: true)
        let code = path.withPlatformString { errnoOf(Glibc.mkdir($0, mode)) }
        if code != 0 && code != EEXIST { throw SystemCallError(call: .mkdir, errno: Errno(rawValue: code)) }
    }

    /// `opendir(3)`/`readdir(3)`: the names in a directory, without `.` and `..`.
    static func listDirectory(_ path: FilePath) throws(SystemCallError) -> [String] {
        _ = try hooks(.opendir, path: path)
        let (opened, code) = path.withPlatformString { p in
            let dir = Glibc.opendir(p)
            return (dir, dir == nil ? Glibc.errno : 0)
        }
        guard let dir = opened else { throw SystemCallError(call: .opendir, errno: Errno(rawValue: code)) }
        defer { Glibc.closedir(dir) }
        var names: [String] = []
        while true {
            // readdir returns NULL at the end and on an error; only errno tells them apart.
            Glibc.errno = 0
            guard let entry = Glibc.readdir(dir) else {
                if Glibc.errno != 0 { throw .last(.opendir) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `realpath(3)`: the path with symlinks, `.` and `..` resolved; `nil` when it does not resolve.
    static func realpath(_ path: FilePath) -> FilePath? {
        do { _ = try hooks(.realpath, path: path) } catch { return nil }
        guard let resolved = path.withPlatformString({ Glibc.realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return FilePath(platformString: resolved)
    }

    /// `realpath(3)`: the path with symlinks, `.` and `..` resolved; `nil` when some part of it does not exist
    /// (ENOENT, ENOTDIR). Any other failure (EACCES, ELOOP, EIO, ...) is an error.
    static func resolve(_ path: FilePath) throws(SystemCallError) -> FilePath? {
        do { _ = try hooks(.realpath, path: path) } catch {
            if error.errno == .noSuchFileOrDirectory || error.errno == .notDirectory { return nil }
            throw error
        }
        let (result, code) = path.withPlatformString { p in
            let resolved = Glibc.realpath(p, nil)
            return (resolved, resolved == nil ? Glibc.errno : 0)
        }
        guard let resolved = result else {
            let failure = SystemCallError(call: .realpath, errno: Errno(rawValue: code))
            if failure.errno == .noSuchFileOrDirectory || failure.errno == .notDirectory { return nil }
            throw failure
        }
        defer { free(resolved) }
        return FilePath(platformString: resolved)
    }

    /// 0 when a C call succeeded, else its errno, read right away (before a later call can change it).
    @inline(__always)
    private static func errnoOf(_ result: Int32) -> Int32 { result == 0 ? 0 : Glibc.errno }

    /// `getcwd(3)`.
    static func currentDirectory() throws(SystemCallError) -> FilePath {
        _ = try hooks(.getcwd)
        guard let cwd = Glibc.getcwd(nil, 0) else { throw .last(.getcwd) }
        defer { free(cwd) }
        return FilePath(platformString: cwd)
    }

    /// Makes a rename or a new entry in `directory` durable: `open(2)` + `fsync(2)` of the directory.
    static func syncDirectory(_ directory: FilePath) throws(SystemCallError) {
        let fd = try open(directory, .readOnly, options: .directory)
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
