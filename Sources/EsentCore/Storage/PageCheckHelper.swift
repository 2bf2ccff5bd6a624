#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CEsentChecksum
import Synchronization

/// A second thread that checks pages the reading thread has just read, while that thread reads the next chunk:
/// a large `DatabaseFile.readVerifiedPages` then costs about its reads alone instead of reads plus checks
/// (docs/file-formats.md, section 2). One per process, started on first use and then sleeping when idle; one
/// reader holds it at a time (`tryAcquire`), any other reads and checks alone as before.
///
/// The reader never waits for the helper to start: a chunk goes to whichever thread claims it first (the reader
/// claims from the back once its reads are done), so a helper that is slow to wake or busy costs nothing but the
/// wake-up. The reader only waits for chunks the helper has claimed, and does not return (the caller may free the
/// buffer) until the helper is done with every one of them.
///
/// Every chunk of a job is a slot holding `job << 8 | state`; claims are compare-exchanges on it, so a helper still
/// looking at an old job can never claim (and touch the buffer of) a newer one. The helper only reports whether a
/// chunk passed: the reader checks a failed chunk again itself, in page order, with the re-read of torn pages, so
/// errors, their order and the test hook are exactly those of checking alone.
final class PageCheckHelper: @unchecked Sendable {
    /// Off unless ESENT_PAGE_CHECK_THREAD=1 (tests switch it on): on the 2-core bench machine the hand-overs cost
    /// more than the overlap saved (streaming 0.58 of pread with it, 0.73 without; same build, quiet machine).
    static let enabled = Atomic<Bool>(getenv("ESENT_PAGE_CHECK_THREAD").map { String(cString: $0) } == "1")
    private static let started: PageCheckHelper? = PageCheckHelper.start()
    /// The process's helper when enabled; nil when off or no thread could be started (reads then check alone).
    static var shared: PageCheckHelper? { enabled.load(ordering: .relaxed) ? started : nil }

    /// Chunks one job can hold; a larger read is several jobs.
    static let maxChunks = 64

    enum SlotState {
        /// Not read yet.
        static let empty: UInt64 = 0
        /// Read, waiting to be claimed.
        static let ready: UInt64 = 1
        static let claimedByHelper: UInt64 = 2
        static let claimedByReader: UInt64 = 3
        static let passed: UInt64 = 4
        static let failed: UInt64 = 5
    }

    private let slots: UnsafeMutablePointer<Atomic<UInt64>>
    /// Odd while a job is open (its number), even between jobs.
    private let job = Atomic<UInt64>(0)
    /// Chunks of the open job that were read, in order.
    private let published = Atomic<Int>(0)
    /// The open job's buffer and pages; atomics because a helper may read them while a reader sets up a new job
    /// (it then fails every claim, see above).
    private let bufferAddress = Atomic<UInt>(0)
    private let pageSize = Atomic<Int>(0)
    private let firstPgno = Atomic<UInt32>(0)
    private let chunkPages = Atomic<Int>(0)
    private let pageCount = Atomic<Int>(0)
    private let chunkCount = Atomic<Int>(0)
    /// Chunks the helper thread has checked since the process started (tests see that it takes part).
    let helperChunks = Atomic<Int>(0)
    /// A reader holds the helper.
    private let held = Atomic<Bool>(false)
    /// The helper is asleep (or about to be) on `wake`.
    private let sleeping = Atomic<Bool>(false)
    /// Reads left to do alone after a job in which the helper checked nothing or the reader had to yield to it (it
    /// was not running: a machine with no idle core, where it would only add hand-overs). Doubles at each such
    /// job, back to 1 after a job the helper took part in. Only the holder touches these.
    private var skipReads = 0
    private var nextSkip = 1
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private init() {
        slots = .allocate(capacity: Self.maxChunks)
        for i in 0..<Self.maxChunks { (slots + i).initialize(to: Atomic<UInt64>(0)) }
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
    }

    // Never deinitialized: `shared` lives as long as the process, and so does its thread.

    private static func start() -> PageCheckHelper? {
        let helper = PageCheckHelper()
        let context = Unmanaged.passRetained(helper).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<PageCheckHelper>.fromOpaque(raw).takeUnretainedValue().run()
            return nil
        }, context)
        if created != 0 {
            Unmanaged<PageCheckHelper>.fromOpaque(context).release()
            return nil
        }
        return helper
    }

    // MARK: Reader side

    /// Takes the helper for one read; false when another reader has it or recent reads found it not running.
    func tryAcquire() -> Bool {
        guard held.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        if skipReads > 0 {
            skipReads -= 1
            held.store(false, ordering: .releasing)
            return false
        }
        return true
    }

    func release() { held.store(false, ordering: .releasing) }

    /// Opens a job over `pages` pages at `buffer` (page `firstPgno` first) in chunks of `chunkPages`, and wakes the
    /// helper. Returns the job's number.
    func open(
        buffer: UnsafeMutableRawPointer, pageSize: Int, firstPgno: UInt32, pages: Int, chunkPages: Int
    ) -> UInt64 {
        let number = job.load(ordering: .relaxed) &+ 1
        let chunks = (pages + chunkPages - 1) / chunkPages
        for i in 0..<chunks { slots[i].store(number << 8 | SlotState.empty, ordering: .relaxed) }
        bufferAddress.store(UInt(bitPattern: buffer), ordering: .relaxed)
        self.pageSize.store(pageSize, ordering: .relaxed)
        self.firstPgno.store(firstPgno, ordering: .relaxed)
        self.chunkPages.store(chunkPages, ordering: .relaxed)
        pageCount.store(pages, ordering: .relaxed)
        chunkCount.store(chunks, ordering: .relaxed)
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

    /// Chunk `index` of job `number` is in the buffer.
    func publish(_ number: UInt64, chunk index: Int) {
        slots[index].store(number << 8 | SlotState.ready, ordering: .releasing)
        published.store(index + 1, ordering: .releasing)
    }

    /// Claims chunk `index` for the reader if the helper has not.
    func claimForReader(_ number: UInt64, chunk index: Int) -> Bool {
        slots[index].compareExchange(
            expected: number << 8 | SlotState.ready, desired: number << 8 | SlotState.claimedByReader,
            ordering: .acquiring
        ).exchanged
    }

    func finish(_ number: UInt64, chunk index: Int, passed: Bool) {
        slots[index].store(number << 8 | (passed ? SlotState.passed : SlotState.failed), ordering: .releasing)
    }

    /// Waits until the first `chunks` chunks are checked, closes the job (the helper then touches the buffer no
    /// more) and returns the first chunk that failed, if any. `readerChunks`: how many the reader checked itself.
    func close(_ number: UInt64, chunks: Int, readerChunks: Int) -> Int? {
        var yielded = false
        var firstFailed: Int?
        for index in 0..<chunks {
            var spins = 0
            while true {
                let state = slots[index].load(ordering: .acquiring) & 0xFF
                if state == SlotState.passed { break }
                if state == SlotState.failed {
                    if firstFailed == nil { firstFailed = index }
                    break
                }
                // One chunk's check takes microseconds; longer means the helper is not running: let it run.
                spins += 1
                if spins < 4096 {
                    esent_spin_pause()
                } else {
                    yielded = true
                    sched_yield()
                }
            }
        }
        job.store(number &+ 1, ordering: .releasing)
        if yielded || (readerChunks == chunks && chunks > 1) {
            skipReads = nextSkip
            nextSkip = min(nextSkip * 2, 256)
        } else {
            nextSkip = 1
        }
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

    /// How long the helper spins for the next job before it sleeps: a streaming reader comes back within
    /// microseconds, and a sleeping helper takes tens of them to wake.
    static let idleSpinNanoseconds: Int64 = 200_000

    /// Spins a little, then sleeps until a job opens.
    private func waitForJob(after lastSeen: UInt64) -> UInt64 {
        let until = Self.monotonicNanoseconds() + Self.idleSpinNanoseconds
        var spins = 0
        while true {
            let number = job.load(ordering: .acquiring)
            if number != lastSeen && number & 1 == 1 { return number }
            esent_spin_pause()
            spins += 1
            if spins & 63 == 0 && Self.monotonicNanoseconds() > until { break }
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

    private static func monotonicNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Claims and checks the chunks of job `number` in order as they are read, until the job is closed or done.
    /// A reader that is slow to publish the next chunk (not running) is left to check the rest itself.
    private func work(_ number: UInt64) {
        let address = bufferAddress.load(ordering: .relaxed)
        let pageSize = pageSize.load(ordering: .relaxed)
        let firstPgno = firstPgno.load(ordering: .relaxed)
        let chunkPages = chunkPages.load(ordering: .relaxed)
        let pages = pageCount.load(ordering: .relaxed)
        let chunks = min(chunkCount.load(ordering: .relaxed), Self.maxChunks)
        guard let buffer = UnsafeRawPointer(bitPattern: address), pageSize > 0, chunkPages > 0 else { return }
        var index = 0
        var spins = 0
        while index < chunks {
            if published.load(ordering: .acquiring) <= index {
                if job.load(ordering: .relaxed) != number { return }
                spins += 1
                if spins > 16_384 { return }
                esent_spin_pause()
                continue
            }
            spins = 0
            let claimed = slots[index].compareExchange(
                expected: number << 8 | SlotState.ready, desired: number << 8 | SlotState.claimedByHelper,
                ordering: .acquiring
            ).exchanged
            if claimed {
                // The claim succeeded, so the job is still open and these are its values.
                let first = index * chunkPages
                let n = min(chunkPages, pages - first)
                let passed = DatabaseFile.pagesPass(
                    buffer + first * pageSize, firstPgno: firstPgno &+ UInt32(truncatingIfNeeded: first), count: n,
                    pageSize: pageSize)
                finish(number, chunk: index, passed: passed)
                helperChunks.add(1, ordering: .relaxed)
            }
            index += 1
        }
    }
}
