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
