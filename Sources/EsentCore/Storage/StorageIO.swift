#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Glue between the system-call layer and the storage formats.
package enum StorageIO {
    /// Runs system calls, turning their failure into the JET error esent.dll gives for it.
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
