import Synchronization

/// ESE's m_fStopBackup of every live instance, kept where JetStopBackup* finds and sets it with atomics alone.
///
/// The stop must never wait (issue 9). Looking the handle up in the registry took the registry lock, which every
/// call of every thread takes, so a stop could wait for a holder the scheduler had put off the CPU; and it
/// retained the instance object, whose reference count the reader being stopped keeps writing. Here each live
/// instance owns one word of a table that is never freed: the instance's handle, with bit 0 (always clear in a
/// handle, see `RegistryState.newHandle`) as the stop request. A handle is never reused, so a stop racing the
/// instance's JetTerm and a new instance taking the word changes nothing of the new instance.
package enum BackupStops {
    /// JET_paramMaxInstances' ceiling: a free word exists for every instance that can be alive at once.
    static let capacity = 10240
    private static let requestedBit: UInt = 1

    /// Allocated once and never freed, so a stop may read a word while the instance that owned it terminates.
    nonisolated(unsafe) private static let words: UnsafeMutablePointer<Atomic<UInt>> = {
        let words = UnsafeMutablePointer<Atomic<UInt>>.allocate(capacity: capacity)
        for i in 0..<capacity { (words + i).initialize(to: Atomic<UInt>(0)) }
        return words
    }()

    /// The registry's run mode (RunModeCode) and the one-instance mode's instance, copied by the lock holder at
    /// every change, for the stops' handle checks.
    private static let mode = Atomic<UInt8>(RunModeCode.notSet)
    private static let onlyInstance = Atomic<UInt>(0)

    private enum RunModeCode {
        static let notSet: UInt8 = 0
        static let oneInstance: UInt8 = 1
        static let multiInstance: UInt8 = 2
    }

    /// Where a handle's word is; any number (a forged or stale handle too) gives a word of the table.
    @inline(__always)
    private static func word(_ handle: UInt) -> UnsafeMutablePointer<Atomic<UInt>> {
        words + Int((handle >> 8) % UInt(capacity))
    }

    // MARK: The registry's side (under the registry lock)

    /// Takes the word of a new handle; false when a live instance holds it (the caller tries the next handle).
    static func claim(_ handle: UInt) -> Bool {
        word(handle).pointee.compareExchange(expected: 0, desired: handle, ordering: .acquiringAndReleasing).exchanged
    }

    /// Frees a removed instance's word; a later stop with its handle finds it gone.
    static func release(_ handle: UInt) {
        var current = word(handle).pointee.load(ordering: .acquiring)
        while current & ~requestedBit == handle {
            let (done, now) = word(handle).pointee.compareExchange(
                expected: current, desired: 0, ordering: .acquiringAndReleasing)
            if done { return }
            current = now
        }
    }

    /// Called with the registry lock held whenever the mode or the instance list changes.
    static func publish(mode newMode: RunMode, first: UInt?) {
        let code: UInt8 =
            switch newMode {
            case .notSet: RunModeCode.notSet
            case .oneInstance: RunModeCode.oneInstance
            case .multiInstance: RunModeCode.multiInstance
            }
        onlyInstance.store(newMode == .oneInstance ? first ?? 0 : 0, ordering: .releasing)
        mode.store(code, ordering: .releasing)
    }

    // MARK: The stops

    /// JetStopBackupInstance: the handle checks of ESE's ErrFindPinst (as `RegistryState.findInstance`), then the
    /// request. Only atomic loads and one compare-and-swap.
    package static func stop(instance handle: UInt) throws(JetError) {
        let explicit = handle != 0 && handle != nilHandle
        if explicit && !isLive(handle) { throw .invalidInstance }
        switch mode.load(ordering: .acquiring) {
        case RunModeCode.oneInstance:
            let only = onlyInstance.load(ordering: .acquiring)
            guard only != 0 else { throw .invalidParameter }
            request(only)
        case RunModeCode.multiInstance:
            guard explicit else { throw .invalidParameter }
            request(handle)
        default:
            throw .invalidParameter
        }
    }

    /// JetStopBackup: the one-instance mode's instance (as `RegistryState.legacyInstance`).
    package static func stopLegacy() throws(JetError) {
        switch mode.load(ordering: .acquiring) {
        case RunModeCode.multiInstance: throw .runningInMultiInstanceMode
        case RunModeCode.oneInstance:
            let only = onlyInstance.load(ordering: .acquiring)
            guard only != 0 else { throw .invalidParameter }
            request(only)
        default: throw .invalidParameter
        }
    }

    // MARK: The instance's side

    static func isLive(_ handle: UInt) -> Bool {
        word(handle).pointee.load(ordering: .acquiring) & ~requestedBit == handle
    }

    /// Sets the request. An instance gone since its handle was checked keeps its word no more: nothing to set.
    static func request(_ handle: UInt) {
        var current = word(handle).pointee.load(ordering: .acquiring)
        while current == handle {
            let (done, now) = word(handle).pointee.compareExchange(
                expected: current, desired: handle | requestedBit, ordering: .acquiringAndReleasing)
            if done { return }
            current = now
        }
    }

    /// Clears the request (a new backup, an ended one, an OS snapshot). Writes only when it is set, so a reader
    /// that begins and ends backups does not take the word's cache line from a stopping thread for nothing.
    static func clear(_ handle: UInt) {
        var current = word(handle).pointee.load(ordering: .acquiring)
        while current == handle | requestedBit {
            let (done, now) = word(handle).pointee.compareExchange(
                expected: current, desired: handle, ordering: .acquiringAndReleasing)
            if done { return }
            current = now
        }
    }

    /// True when a stop is pending, or when the instance has left the registry (its backup is over anyway: a
    /// terminated instance's calls fail first, and close and end do not look at the request).
    static func isRequested(_ handle: UInt) -> Bool {
        word(handle).pointee.load(ordering: .acquiring) != handle
    }
}
