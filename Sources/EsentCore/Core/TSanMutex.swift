#if ESENT_TSAN
import Glibc

/// ThreadSanitizer build only (tools/run-tsan.sh passes -DESENT_TSAN). Synchronization.Mutex parks contended
/// threads with raw futex calls that TSan cannot see, so every value it protects would look raced. This
/// drop-in (same init and withLock) uses pthread_mutex_t, which TSan intercepts; it shadows
/// Synchronization.Mutex inside this module.
package final class Mutex<Value: ~Copyable>: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    init(_ initialValue: consuming sending Value) {
        value = initialValue
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return try body(&value)
    }
}
#endif
