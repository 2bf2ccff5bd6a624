import Synchronization

/// The state of every live instance that the stops write and the gates read: ESE's m_fStopBackup,
/// m_fStopJetService and the JetStopServiceInstance2 bits, and whether the instance runs. Kept where
/// JetStopBackup* and JetStopService* find and set it with atomics alone.
///
/// A stop must never wait (issue 9). Looking the handle up in the registry took the registry lock, which every
/// call of every thread takes, so a stop could wait for a holder the scheduler had put off the CPU; and it
/// retained the instance object, whose reference count the reader being stopped keeps writing. Here each live
/// instance owns one word of a table that is never freed: the handle's serial number in the high 48 bits, the
/// flags in the low 16. A serial number is never reused, so a stop racing the instance's JetTerm and a new instance
/// taking the word changes nothing of the new instance: every change is a compare-and-swap on a word that still
/// carries the stopped instance's number.
package enum InstanceStops {
    /// At least JET_paramMaxInstances' ceiling (10240), so a free word exists for every instance that can be alive
    /// at once; a power of two, so the gates find a word with a mask.
    static let capacity = 16384

    /// The low 16 bits of a word.
    enum Flag {
        static let backupStopRequested: UInt = 1 << 0
        /// Mirrors `phase == .running` (set and cleared under the instance lock).
        static let running: UInt = 1 << 1
        /// ESE's m_fStopJetService: never cleared.
        static let serviceStopped: UInt = 1 << 2
        /// ESE's internal "all" bit of a JetStopServiceInstance2(0) stop.
        static let stoppedAll: UInt = 1 << 3
        /// The JetStopServiceInstance2 bits in force (JET_bitStopService* 0x2, 0x4, 0x8) sit here, shifted.
        static let serviceBitsShift: UInt = 4
        static let serviceBits: UInt = 0xE << serviceBitsShift
        static let all: UInt = 0xFFFF
    }

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

    /// The handle's serial number (`RegistryState.newHandle`), or 0 when the handle cannot be an instance's: only
    /// the serial number is kept in a word, so the fixed bits are checked here, as an exact comparison would.
    @inline(__always)
    private static func serial(_ handle: UInt) -> UInt {
        let fixed = handle & (0xFFFF_0000_0000_0000 | 0xFF)
        return fixed == HandleTag.instance | 0x5A ? (handle >> 8) & 0xFFFF_FFFF_FFFF : 0
    }

    /// Where a handle's word is; any number (a forged or stale handle too) gives a word of the table.
    @inline(__always)
    private static func word(_ handle: UInt) -> UnsafeMutablePointer<Atomic<UInt>> {
        words + Int((handle >> 8) & UInt(capacity - 1))
    }

    /// The handle's flags while its instance holds the word; nil when it does not (never did, or left).
    @inline(__always)
    static func flags(_ handle: UInt) -> UInt? {
        Place(word: word(handle), owner: serial(handle)).flags
    }

    /// Where an instance's flags are and the serial number that says they are its own, kept by `Instance` so the
    /// gates read them with one load, without finding the word again (or passing the table's lazy start).
    struct Place: @unchecked Sendable {  // the word is never freed and only touched atomically
        let word: UnsafeMutablePointer<Atomic<UInt>>
        let owner: UInt

        @inline(__always)
        var flags: UInt? {
            let current = word.pointee.load(ordering: .acquiring)
            return owner != 0 && current >> 16 == owner ? current & Flag.all : nil
        }
    }

    static func place(of handle: UInt) -> Place { Place(word: word(handle), owner: serial(handle)) }

    /// Replaces the handle's flags with `change(flags)` while its instance holds the word (a compare-and-swap
    /// loop); nil when it does not, else the flags before. `change` returning nil leaves the word as it is.
    @discardableResult
    static func update<E: Error>(_ handle: UInt, _ change: (UInt) throws(E) -> UInt?) throws(E) -> UInt? {
        let owner = serial(handle)
        guard owner != 0 else { return nil }
        var current = word(handle).pointee.load(ordering: .acquiring)
        while current >> 16 == owner {
            guard let new = try change(current & Flag.all) else { return current & Flag.all }
            if new == current & Flag.all { return new }
            let (done, now) = word(handle).pointee.compareExchange(
                expected: current, desired: owner << 16 | new & Flag.all, ordering: .acquiringAndReleasing)
            if done { return current & Flag.all }
            current = now
        }
        return nil
    }

    // MARK: The registry's side (under the registry lock)

    /// Takes the word of a new handle; false when a live instance holds it (the caller tries the next handle).
    static func claim(_ handle: UInt) -> Bool {
        let owner = serial(handle)
        guard owner != 0 else { return false }
        return word(handle).pointee.compareExchange(
            expected: 0, desired: owner << 16, ordering: .acquiringAndReleasing
        ).exchanged
    }

    /// Frees a removed instance's word; a later stop with its handle finds it gone.
    static func release(_ handle: UInt) {
        let owner = serial(handle)
        var current = word(handle).pointee.load(ordering: .acquiring)
        while owner != 0 && current >> 16 == owner {
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

    // MARK: Finding the instance of a stop

    /// The handle checks of ESE's ErrFindPinst (as `RegistryState.findInstance`), from the atomics alone: the
    /// handle of the instance a JetStop*Instance call names.
    package static func find(_ handle: UInt) throws(JetError) -> UInt {
        let explicit = handle != 0 && handle != nilHandle
        if explicit && flags(handle) == nil { throw .invalidInstance }
        switch mode.load(ordering: .acquiring) {
        case RunModeCode.oneInstance:
            let only = onlyInstance.load(ordering: .acquiring)
            guard only != 0 else { throw .invalidParameter }
            return only
        case RunModeCode.multiInstance:
            guard explicit else { throw .invalidParameter }
            return handle
        default:
            throw .invalidParameter
        }
    }

    /// The one-instance mode's instance (as `RegistryState.legacyInstance`), for JetStopBackup and JetStopService.
    package static func findLegacy() throws(JetError) -> UInt {
        switch mode.load(ordering: .acquiring) {
        case RunModeCode.multiInstance: throw .runningInMultiInstanceMode
        case RunModeCode.oneInstance:
            let only = onlyInstance.load(ordering: .acquiring)
            guard only != 0 else { throw .invalidParameter }
            return only
        default: throw .invalidParameter
        }
    }

    // MARK: The backup stop

    /// Sets the request. An instance gone since its handle was checked keeps its word no more: nothing to set.
    static func request(_ handle: UInt) {
        update(handle) { $0 | Flag.backupStopRequested }
    }

    /// Clears the request (a new backup, an ended one, an OS snapshot). Writes only when it is set, so a reader
    /// that begins and ends backups does not take the word's cache line from a stopping thread for nothing.
    static func clear(_ handle: UInt) {
        update(handle) { $0 & ~Flag.backupStopRequested }
    }

    /// True when a stop is pending, or when the instance has left the registry (its backup is over anyway: a
    /// terminated instance's calls fail first, and close and end do not look at the request).
    static func isRequested(_ handle: UInt) -> Bool {
        guard let flags = flags(handle) else { return true }
        return flags & Flag.backupStopRequested != 0
    }
}
