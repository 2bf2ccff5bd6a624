#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage
import Synchronization

/// A power-loss simulator on the system-call layer, for tests.
///
/// While recording, every write, truncate, sync, create, rename and unlink the library makes is counted (these
/// are the crash points) and modelled per file: a file's durable image is what it held when recording started
/// plus every write and truncate that a later fsync/fdatasync of that file covered. At the chosen crash point
/// the call does not happen, and neither does any later call (each fails with EIO, as if the process had died
/// there). `restore()` then rewrites the recorded files to their durable images, as the disk would be after the
/// power came back. Variant: the write at the crash point is torn, a prefix of it or some of its 512-byte
/// sectors reaching the disk.
///
/// Model limits (stated, not hidden): names (create, rename, unlink) are durable at once, as on a journalled
/// file system that orders metadata; unsynced data never survives except the torn write; a failed sync loses the
/// file's unsynced writes for good (Linux's behaviour after a writeback error).
package enum PowerLoss {
    /// What reaches the disk of the write at the crash point.
    package enum Tear: Equatable, Sendable {
        case nothing
        /// Its first `n` bytes.
        case prefix(Int)
        /// The 512-byte sectors whose bit is set (sector i ↔ bit i % 64).
        case sectors(UInt64)
    }

    private enum Pending {
        case write(offset: Int64, bytes: [UInt8])
        case truncate(Int64)
    }

    private struct FileModel {
        var durable: [UInt8]
        var pending: [Pending] = []
    }

    private struct State {
        var folder = ""
        var files: [String: FileModel] = [:]
        var descriptors: [Int32: String] = [:]
        var events = 0
        var crashAt: Int?
        var tear: Tear = .nothing
        var crashed = false
        var tornWrite: (path: String, offset: Int64, bytes: [UInt8])?
    }

    private static let recording = Atomic<Bool>(false)
    private static let state = Mutex(State())

    static var isRecording: Bool { recording.load(ordering: .relaxed) }

    /// Starts recording the files under `folder` (taken as durable now). `crashAt` (1-based) is the crash point;
    /// nil records without crashing, to count the points of a scenario.
    package static func start(folder: String, crashAt: Int?, tear: Tear = .nothing) {
        var files: [String: FileModel] = [:]
        snapshot(folder.hasSuffix("/") ? folder : folder + "/", into: &files)
        let open = FaultInjector.openDescriptors().filter { $0.value.hasPrefix(folder) }
        state.withLock { s in
            s = State()
            s.descriptors = open
            s.folder = folder
            s.files = files
            s.crashAt = crashAt
            s.tear = tear
        }
        recording.store(true, ordering: .releasing)
        FaultInjector.refresh()
    }

    /// Crash points seen so far.
    package static var events: Int { state.withLock { $0.events } }

    /// The crash point has been reached.
    package static var crashed: Bool { state.withLock { $0.crashed } }

    /// Stops recording and puts every recorded file in its durable state (after a crash). Returns the number of
    /// crash points seen.
    @discardableResult
    package static func restore() -> Int {
        recording.store(false, ordering: .releasing)
        FaultInjector.refresh()
        let (files, torn, events) = state.withLock { s in (s.files, s.tornWrite, s.events) }
        for (path, model) in files {
            var image = model.durable
            if let torn, torn.path == path { apply(torn.bytes, at: torn.offset, to: &image) }
            rewrite(path, image)
        }
        return events
    }

    /// Stops recording without touching any file (a run with no crash). Returns the number of crash points.
    @discardableResult
    package static func stop() -> Int {
        recording.store(false, ordering: .releasing)
        FaultInjector.refresh()
        return state.withLock { $0.events }
    }

    /// The process dies now (after an injected fault, say): every later call fails with EIO, as after a crash
    /// point. `restore()` then gives the power-loss images, `stop()` leaves the files as a killed process leaves
    /// them (the page cache survives a process kill).
    package static func crashNow() {
        state.withLock { s in s.crashed = true }
    }

    // MARK: Hooks called by SystemCalls while recording

    /// Counts a crash point for a call that changes files; throws EIO at and after the crash.
    static func mutation(_ call: SystemCall) throws(SystemCallError) {
        let fail = state.withLock { s -> Bool in
            if s.crashed { return true }
            s.events += 1
            if let at = s.crashAt, s.events >= at {
                s.crashed = true
                return true
            }
            return false
        }
        if fail { throw SystemCallError(call: call, errno: .ioError) }
    }

    /// Any other call after the crash fails too: the process is gone.
    static func checkAlive(_ call: SystemCall) throws(SystemCallError) {
        if state.withLock({ $0.crashed }) { throw SystemCallError(call: call, errno: .ioError) }
    }

    /// A write about to be made: counted; at the crash point the torn part (if any) is kept for `restore`.
    static func write(fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int, _ offset: Int64) throws(SystemCallError) {
        let bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: count))
        let fail = state.withLock { s -> Bool in
            if s.crashed { return true }
            s.events += 1
            guard let path = s.descriptors[fd] else { return false }
            if let at = s.crashAt, s.events >= at {
                s.crashed = true
                var torn = bytes
                switch s.tear {
                case .nothing:
                    torn = []
                case .prefix(let n):
                    torn = Array(bytes.prefix(max(0, n)))
                case .sectors(let mask):
                    // Sectors not in the mask keep what the disk held before.
                    let durable = s.files[path]?.durable ?? []
                    for sector in 0..<(count + 511) / 512 where mask & (1 << UInt64(sector % 64)) == 0 {
                        for i in sector * 512..<min(count, sector * 512 + 512) {
                            let at = Int(offset) + i
                            torn[i] = at < durable.count ? durable[at] : 0
                        }
                    }
                }
                if !torn.isEmpty { s.tornWrite = (path, offset, torn) }
                return true
            }
            s.files[path, default: FileModel(durable: [])].pending.append(.write(offset: offset, bytes: bytes))
            return false
        }
        if fail { throw SystemCallError(call: .pwrite, errno: .ioError) }
    }

    /// A failed fsync/fdatasync: Linux may mark the file's dirty pages clean after a writeback error, so the
    /// writes it should have made durable may never reach the disk, even if a later sync succeeds. The model
    /// drops them (a library that retries the sync and goes on as if they were durable loses them).
    static func syncFailed(fd: Int32) {
        state.withLock { s in
            guard let path = s.descriptors[fd] else { return }
            s.files[path]?.pending = []
        }
    }

    static func truncated(fd: Int32, size: Int64) {
        state.withLock { s in
            guard let path = s.descriptors[fd] else { return }
            s.files[path, default: FileModel(durable: [])].pending.append(.truncate(size))
        }
    }

    static func synced(fd: Int32) {
        state.withLock { s in
            guard let path = s.descriptors[fd], var model = s.files[path] else { return }
            for op in model.pending {
                switch op {
                case .write(let offset, let bytes): apply(bytes, at: offset, to: &model.durable)
                case .truncate(let size): resize(&model.durable, to: size)
                }
            }
            model.pending = []
            s.files[path] = model
        }
    }

    static func opened(fd: Int32, path: String, truncates: Bool) {
        state.withLock { s in
            guard path.hasPrefix(s.folder) else { return }
            s.descriptors[fd] = path
            if s.files[path] == nil {
                // Created now (O_CREAT): its name is durable, its bytes are not yet.
                s.files[path] = FileModel(durable: [])
            }
            if truncates { s.files[path]?.pending.append(.truncate(0)) }
        }
    }

    static func closed(fd: Int32) {
        _ = state.withLock { s in s.descriptors.removeValue(forKey: fd) }
    }

    static func renamed(_ from: String, _ to: String) {
        state.withLock { s in
            guard let model = s.files.removeValue(forKey: from) else { return }
            s.files[to] = model
            for (fd, path) in s.descriptors where path == from { s.descriptors[fd] = to }
        }
    }

    /// A second name shares the file's bytes; the model keeps one image under the new name (the library removes
    /// the old name right after).
    static func linked(_ from: String, _ to: String) {
        state.withLock { s in
            guard let model = s.files[from] else { return }
            s.files[to] = model
            for (fd, path) in s.descriptors where path == from { s.descriptors[fd] = to }
        }
    }

    static func unlinked(_ path: String) {
        _ = state.withLock { s in s.files.removeValue(forKey: path) }
    }

    // MARK: Images

    private static func apply(_ bytes: [UInt8], at offset: Int64, to image: inout [UInt8]) {
        let start = Int(offset)
        if image.count < start + bytes.count {
            image.append(contentsOf: repeatElement(0, count: start + bytes.count - image.count))
        }
        image.replaceSubrange(start..<start + bytes.count, with: bytes)
    }

    private static func resize(_ image: inout [UInt8], to size: Int64) {
        let n = Int(size)
        if image.count > n { image.removeSubrange(n...) } else { image.append(contentsOf: repeatElement(0, count: n - image.count)) }
    }

    /// Every regular file under `folder` (one level of subfolders too), read directly (not through the hooks).
    private static func snapshot(_ folder: String, into files: inout [String: FileModel], depth: Int = 0) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let path = folder + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                if depth < 1 { snapshot(path + "/", into: &files, depth: depth + 1) }
            } else if st.st_mode & S_IFMT == S_IFREG {
                files[path] = FileModel(durable: readAll(path))
            }
        }
    }

    private static func readAll(_ path: String) -> [UInt8] {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { Glibc.close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    private static func rewrite(_ path: String, _ bytes: [UInt8]) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { Glibc.close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.pwrite(fd, $0.baseAddress! + done, bytes.count - done, off_t(done)) }
            if n <= 0 { break }
            done += n
        }
    }
}
