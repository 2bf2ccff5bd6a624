#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CEsentChecksum
import Synchronization

/// A second thread that checks the pages a backup read has just read while the reading thread reads the next piece,
/// so a large `DatabaseFile.readVerifiedPages` costs about its reads instead of its reads plus its checks
/// (docs/file-formats.md, section 2). One per process, started on the first large read, asleep when idle. One
/// reader holds it at a time (`tryAcquire`); any other reader checks alone.
///
/// Whether it helps depends on the machine: on two cores of their own the check runs beside the copy; on two
/// hardware threads of one core, or a busy machine, the hand-over costs more than it saves. So the holder measures
/// both ways (`Chooser`) and reads beside the helper only while that is clearly the faster one.
///
/// The reader never waits for the helper to start or to keep up: a piece goes to whichever thread claims it first,
/// and after its last read the reader checks every piece still unclaimed. It waits only for the pieces the helper
/// has claimed (one at a time, microseconds each) and does not return, so the caller keeps its buffer, before the
/// helper is done with each one.
///
/// Each piece of a job is a slot holding `job << 8 | state`, and claims are compare-exchanges on it, so a helper still
/// looking at an old job can never claim (and read the buffer of) a newer one. The helper only reports whether a
/// piece passed; the reader checks a failed piece again itself, in page order and with the re-read of a torn page,
/// so the error, its page and the test hook are those of checking alone.
final class PageCheckHelper: @unchecked Sendable {
    /// The process's helper; nil when it is switched off, only one CPU is online, or no thread could be started
    /// (every read then checks alone). A process held to one CPU by its affinity mask still starts it; the chooser
    /// then measures that checking alone is faster and keeps to it.
    static let shared: PageCheckHelper? = PageCheckHelper.start()

    /// Pieces one job can hold; a larger read is several jobs.
    static let maxPieces = 64

    enum Slot {
        static let empty: UInt64 = 0
        static let ready: UInt64 = 1
        static let claimedByHelper: UInt64 = 2
        static let claimedByReader: UInt64 = 3
        static let passed: UInt64 = 4
        static let failed: UInt64 = 5
    }

    private let slots: UnsafeMutablePointer<Atomic<UInt64>>
    /// Odd while a job is open (its number), even between jobs.
    private let job = Atomic<UInt64>(0)
    /// Pieces of the open job that were read, in order.
    private let published = Atomic<Int>(0)
    /// The open job's buffer and layout. Atomics: the reader stores them for the next job while the helper may still
    /// be looking at the last one; the helper loads them only after claiming a piece (`work`), which orders them.
    private let bufferAddress = Atomic<UInt>(0)
    private let pageSize = Atomic<Int>(0)
    private let firstPgno = Atomic<UInt32>(0)
    private let piecePages = Atomic<Int>(0)
    private let pageCount = Atomic<Int>(0)
    /// Pieces the helper thread has checked since the process started (tests see that it takes part).
    let helperPieces = Atomic<Int>(0)
    private let held = Atomic<Bool>(false)
    /// The helper is asleep (or about to be) on `wake`.
    private let sleeping = Atomic<Bool>(false)
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Which way reads go; only the holder touches it.
    private var chooser = Chooser()
    /// Every read goes beside the helper (true) or alone (false) instead of the measured choice: tests, and
    /// `ESENT_PAGE_CHECK_THREAD=1` (always beside; `0` starts no helper at all).
    nonisolated(unsafe) static var forcedMode: Bool? = environmentSetting == "1" ? true : nil
    private static let environmentSetting: String? = getenv("ESENT_PAGE_CHECK_THREAD").map { String(cString: $0) }

    /// Microseconds the idle helper spins for the next job before it sleeps: a stream's next read comes within
    /// microseconds, and a wake-up from sleep costs tens of them.
    static let idleSpinMicroseconds: Int64 = 50
    /// Microseconds the helper waits for the next piece of an open job before it leaves the rest to the reader (a
    /// read that went to the disk): it never spins through a slow read.
    static let pieceWaitMicroseconds: Int64 = 50

    private init() {
        slots = .allocate(capacity: Self.maxPieces)
        for i in 0..<Self.maxPieces { (slots + i).initialize(to: Atomic<UInt64>(0)) }
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
    }

    // Never deinitialized: `shared` lives as long as the process, and so does its thread.

    private static func start() -> PageCheckHelper? {
        if environmentSetting == "0" { return nil }
        guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return nil }
        let helper = PageCheckHelper()
        return DetachedThread.start({ helper.run() }) ? helper : nil
    }

    /// Whether the `count` pages of the piece that starts `first` pages into `buffer` pass `verifyPage` (a
    /// never-written page does). Run by either thread; a piece that fails is looked at again by the reader.
    static func piecePasses(
        _ buffer: UnsafeRawPointer, pageSize: Int, firstPgno: UInt32, first: Int, count: Int
    ) -> Bool {
        DatabaseFile.firstFailure(
            buffer + first * pageSize, firstPgno: firstPgno &+ UInt32(truncatingIfNeeded: first), count: count,
            pageSize: pageSize) == nil
    }

    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    // MARK: Choosing

    /// Measures reads both ways and keeps to the faster: nanoseconds per byte, smoothed over recent reads of each
    /// way. Beside the helper counts as faster only when it saves at least `besideMargin` of the time: reads that
    /// wait for the disk cost the same either way, and then the second thread is left alone. Every `probeEvery`
    /// reads the slower way is measured again for `probeLength` reads, in case the machine changed (another process
    /// took the second core, or left it). The first read after a switch is not counted: it pays for waking the
    /// helper (or for its caches going cold), which a run of reads does not.
    struct Chooser {
        static let probeEvery = 128
        static let probeLength = 4
        static let besideMargin = 0.05
        private(set) var besideCost = 0.0
        private(set) var aloneCost = 0.0
        /// The way reads go now, and how many went that way since the last switch.
        private(set) var beside = true
        private var readsThisWay = 0

        mutating func record(beside way: Bool, nanoseconds: UInt64, bytes: Int) {
            guard way == beside, bytes > 0 else { return }
            let choosing = besideCost == 0 || aloneCost == 0
            if readsThisWay > 0 {
                let cost = Double(nanoseconds) / Double(bytes)
                if way {
                    besideCost = besideCost == 0 ? cost : besideCost * 0.75 + cost * 0.25
                } else {
                    aloneCost = aloneCost == 0 ? cost : aloneCost * 0.75 + cost * 0.25
                }
            }
            readsThisWay += 1
            if besideCost == 0 || aloneCost == 0 {
                // Measure each way once before choosing.
                if (way ? besideCost : aloneCost) != 0 { switchWay() }
                return
            }
            let faster = besideCost <= aloneCost * (1 - Self.besideMargin)
            if choosing {
                // Both ways just got their first figure: go the faster way at once.
                if way != faster { switchWay() }
            } else if way == faster {
                if readsThisWay >= Self.probeEvery { switchWay() }
            } else if readsThisWay >= Self.probeLength {
                switchWay()
            }
        }

        private mutating func switchWay() {
            beside.toggle()
            readsThisWay = 0
        }
    }

    // MARK: Reader side

    /// Takes the helper for one read; false when another reader holds it.
    func tryAcquire() -> Bool {
        held.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    func release() { held.store(false, ordering: .releasing) }

    /// The holder: whether this read goes beside the helper.
    func chooseBeside() -> Bool { Self.forcedMode ?? chooser.beside }

    /// The holder: how long a read of `bytes` took, one way or the other (a forced way is not measured).
    func record(beside: Bool, nanoseconds: UInt64, bytes: Int) {
        guard Self.forcedMode == nil else { return }
        chooser.record(beside: beside, nanoseconds: nanoseconds, bytes: bytes)
    }

    /// Opens a job over `pages` pages at `buffer` (page `firstPgno` first) in pieces of `piecePages`, and wakes the
    /// helper. Returns the job's number.
    func open(buffer: UnsafeMutableRawPointer, pageSize: Int, firstPgno: UInt32, pages: Int, piecePages: Int) -> UInt64 {
        let number = job.load(ordering: .relaxed) &+ 1
        let pieces = min((pages + piecePages - 1) / piecePages, Self.maxPieces)
        for i in 0..<pieces { slots[i].store(number << 8 | Slot.empty, ordering: .relaxed) }
        bufferAddress.store(UInt(bitPattern: buffer), ordering: .relaxed)
        self.pageSize.store(pageSize, ordering: .relaxed)
        self.firstPgno.store(firstPgno, ordering: .relaxed)
        self.piecePages.store(piecePages, ordering: .relaxed)
        pageCount.store(pages, ordering: .relaxed)
        published.store(0, ordering: .relaxed)
        // Sequentially consistent with the helper's `sleeping` store and `job` load: one of the two sees the other.
        job.store(number, ordering: .sequentiallyConsistent)
        if sleeping.load(ordering: .sequentiallyConsistent) {
            pthread_mutex_lock(mutex)
            pthread_cond_signal(wake)
            pthread_mutex_unlock(mutex)
        }
        return number
    }

    /// Piece `index` of job `number` is in the buffer.
    func publish(_ number: UInt64, piece index: Int) {
        slots[index].store(number << 8 | Slot.ready, ordering: .releasing)
        published.store(index + 1, ordering: .releasing)
    }

    /// Claims piece `index` for the reader if the helper has not.
    func claimForReader(_ number: UInt64, piece index: Int) -> Bool {
        slots[index].compareExchange(
            expected: number << 8 | Slot.ready, desired: number << 8 | Slot.claimedByReader, ordering: .acquiring
        ).exchanged
    }

    func finish(_ number: UInt64, piece index: Int, passed: Bool) {
        slots[index].store(number << 8 | (passed ? Slot.passed : Slot.failed), ordering: .releasing)
    }

    /// Waits until the first `pieces` pieces are checked, closes the job (the helper touches the buffer no more) and
    /// returns the first piece that failed, if any. Every piece not checked yet was claimed by the helper, which is
    /// checking it now.
    func close(_ number: UInt64, pieces: Int) -> Int? {
        var firstFailed: Int?
        for index in 0..<pieces {
            var spins = 0
            while true {
                let state = slots[index].load(ordering: .acquiring) & 0xFF
                if state == Slot.passed { break }
                if state == Slot.failed {
                    if firstFailed == nil { firstFailed = index }
                    break
                }
                // A piece takes microseconds; longer means the helper lost its core: let it run.
                spins += 1
                if spins < 4096 { esent_spin_pause() } else { sched_yield() }
            }
        }
        job.store(number &+ 1, ordering: .releasing)
        return firstFailed
    }

    // MARK: Helper thread

    private func run() {
        var lastSeen: UInt64 = 0
        while true {
            let number = waitForJob(after: lastSeen)
            lastSeen = number
            work(number)
        }
    }

    /// Spins for `idleSpinMicroseconds`, then sleeps until a job opens.
    private func waitForJob(after lastSeen: UInt64) -> UInt64 {
        let deadline = Self.monotonicNanoseconds() &+ UInt64(Self.idleSpinMicroseconds) * 1000
        var spins = 0
        while true {
            let number = job.load(ordering: .acquiring)
            if number != lastSeen && number & 1 == 1 { return number }
            esent_spin_pause()
            spins += 1
            if spins & 63 == 0 && Self.monotonicNanoseconds() > deadline { break }
        }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            sleeping.store(true, ordering: .sequentiallyConsistent)
            let number = job.load(ordering: .sequentiallyConsistent)
            if number != lastSeen && number & 1 == 1 {
                sleeping.store(false, ordering: .relaxed)
                return number
            }
            pthread_cond_wait(wake, mutex)
            sleeping.store(false, ordering: .relaxed)
        }
    }

    /// Claims and checks the pieces of job `number` in order as they are read, until the job is closed, done, or
    /// its next piece is slow to come.
    private func work(_ number: UInt64) {
        // The job's last piece is never followed by another: the reader closes the job, which ends the wait below.
        var index = 0
        var waitingSince: UInt64 = 0
        var spins = 0
        while index < Self.maxPieces {
            if published.load(ordering: .acquiring) <= index {
                if job.load(ordering: .relaxed) != number { return }
                esent_spin_pause()
                spins += 1
                if spins & 63 == 0 {
                    let now = Self.monotonicNanoseconds()
                    if waitingSince == 0 {
                        waitingSince = now
                    } else if now &- waitingSince > UInt64(Self.pieceWaitMicroseconds) * 1000 {
                        return
                    }
                }
                continue
            }
            waitingSince = 0
            spins = 0
            let claimed = slots[index].compareExchange(
                expected: number << 8 | Slot.ready, desired: number << 8 | Slot.claimedByHelper, ordering: .acquiring
            ).exchanged
            if claimed {
                // Read after the claim: it acquired the reader's publish, which came after the job's values were
                // stored, and the reader stores the next job's values only after this piece's `finish`.
                let address = bufferAddress.load(ordering: .relaxed)
                let pageSize = pageSize.load(ordering: .relaxed)
                let firstPgno = firstPgno.load(ordering: .relaxed)
                let piecePages = piecePages.load(ordering: .relaxed)
                let pages = pageCount.load(ordering: .relaxed)
                let first = index * piecePages
                var passed = false
                if let buffer = UnsafeRawPointer(bitPattern: address), pageSize > 0, first < pages {
                    passed = Self.piecePasses(
                        buffer, pageSize: pageSize, firstPgno: firstPgno, first: first, count: min(piecePages, pages - first))
                }
                finish(number, piece: index, passed: passed)
                helperPieces.add(1, ordering: .relaxed)
            }
            index += 1
        }
    }
}
