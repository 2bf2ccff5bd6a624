#if canImport(Glibc)
import Glibc
#endif

/// The instance's write gate and its OS-snapshot membership (JetOSSnapshot*, ESE's io.cxx and backup.cxx).
///
/// While a snapshot holds the instance frozen, nothing may change a byte of its database, log or checkpoint
/// files. Every call that writes (commit, log roll, database growth, create, attach, detach, term) looks at
/// `isOpen` under the instance lock before its first write; when the gate is closed it gives the lock back,
/// waits in `waitWhileFrozen()` and runs again. So nobody ever waits here holding the instance or registry lock,
/// and a Freeze that closes the gate under the instance lock knows no write of that instance is half done.
///
/// The gate's own lock is a leaf: it is never held while another lock is taken.
package final class WriteGate: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Writes wait: from the end of Freeze to Thaw, Abort or the timeout.
    private var frozen = false
    /// The snapshot session the instance belongs to; 0 for none (session ids start at 1).
    private var session: UInt = 0
    /// ESE's backup flags as a snapshot sets them: from Freeze until End, Abort or the timeout. Streaming
    /// backup, JetBackup, attach and detach give JET_errBackupInProgress while they are set.
    private var backupHeld = false

    init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        // Timed waits count monotonic time: a clock change must not stretch or cut a freeze.
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(changed, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    private func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Writes may go ahead. Read under the instance lock by every writing call.
    package var isOpen: Bool { locked { !frozen } }

    /// A snapshot holds the instance's backup flags (frozen, or thawed and not yet ended).
    package var holdsBackup: Bool { locked { backupHeld } }

    /// The session id, or 0.
    var sessionID: UInt { locked { session } }

    func isMember(of id: UInt) -> Bool { locked { session == id } }

    /// Joins a session unless the instance already belongs to one.
    func join(_ id: UInt) -> Bool {
        locked {
            guard session == 0 else { return false }
            session = id
            return true
        }
    }

    /// Sets or clears the backup flags of session `id` (nothing when the instance left that session).
    func setBackupHeld(_ held: Bool, by id: UInt) {
        locked { if session == id { backupHeld = held } }
    }

    /// Closes the gate; the caller holds the instance lock.
    func close(by id: UInt) {
        locked { if session == id { frozen = true } }
    }

    /// Opens the gate and wakes every waiting writer.
    func open() {
        locked {
            frozen = false
            pthread_cond_broadcast(changed)
        }
    }

    /// Leaves session `id` (or any session when `id` is nil): gate open, flags cleared, waiters woken.
    func leave(_ id: UInt?) {
        locked {
            guard id == nil || session == id else { return }
            session = 0
            backupHeld = false
            frozen = false
            pthread_cond_broadcast(changed)
        }
    }

    /// Blocks while the gate is closed. The snapshot's timeout bounds the wait (its watchdog opens the gate).
    func waitWhileFrozen() {
        locked {
            while frozen { pthread_cond_wait(changed, mutex) }
        }
    }

    /// Blocks until the instance belongs to no session or `milliseconds` have passed; true when it left.
    func waitForNoSession(milliseconds: UInt) -> Bool {
        let deadline = Deadline(milliseconds: milliseconds)
        return locked {
            while session != 0 {
                var at = deadline.absolute
                if pthread_cond_timedwait(changed, mutex, &at) == ETIMEDOUT { break }
            }
            return session == 0
        }
    }
}

/// A point on the monotonic clock, for timed condition waits.
struct Deadline: Sendable {
    let nanoseconds: Int64

    init(milliseconds: UInt) {
        var now = Glibc.timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        // The timeout parameter may be up to 2^31 - 1 ms; clamp anything larger rather than overflow.
        let ms = Int64(clamping: min(milliseconds, UInt(Int32.max)))
        nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) + ms * 1_000_000
    }

    var absolute: Glibc.timespec {
        Glibc.timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    }

    var hasPassed: Bool {
        var now = Glibc.timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) >= nanoseconds
    }
}
