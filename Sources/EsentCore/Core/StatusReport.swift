#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The events a JET_PFNSTATUS callback receives from backup to a folder and restore.
package enum StatusEvent: Sendable {
    case begin, progress, complete
}

/// Reports progress in percent to a caller's status callback: Begin (0), Progress only when the percentage rises
/// (so at least once per percent of the work, never twice for one), Complete (100). The callback is always called
/// with no lock held, so a callback that calls back into the API cannot deadlock.
package final class ProgressMeter {
    package typealias Callback = (_ event: StatusEvent, _ percent: UInt) -> Void

    private let callback: Callback?
    private var lastPercent: UInt = 0
    /// Units of work expected in all; grows if the work turns out larger, so the percentage never goes back.
    private var total: Int64
    private var done: Int64 = 0

    package init(_ callback: Callback?, total: Int64 = 1) {
        self.callback = callback
        self.total = max(1, total)
    }

    /// A caller listens: worth reading in smaller pieces to report progress.
    var isHeard: Bool { callback != nil }

    func begin() { callback?(.begin, 0) }

    func expect(total newTotal: Int64) { total = max(total, newTotal, done, 1) }

    /// `units` more done. Progress stays below 100 until `complete()`.
    func advance(_ units: Int64) {
        done += units
        if done > total { total = done }
        guard let callback else { return }
        let percent = UInt(min(99, done.multipliedReportingOverflow(by: 100).partialValue / total))
        if percent > lastPercent {
            lastPercent = percent
            callback(.progress, percent)
        }
    }

    func complete() { callback?(.complete, 100) }

    /// A step of work small enough that advancing by it moves the percentage by at most one: half a percent of the
    /// total, in whole `unit`s, at least one unit, at most `max` bytes.
    func piece(unit: Int, max maximum: Int) -> Int {
        guard isHeard else { return maximum }
        let half = total / 200 / Int64(unit) * Int64(unit)
        return Int(min(Int64(maximum), max(Int64(unit), half)))
    }
}

/// File copying shared by backup to a folder and restore: one aligned buffer for the whole copy, no allocation per
/// block, every file synced before success is reported.
struct CopyBuffer {
    /// Large enough that system-call overhead vanishes next to the copy, small enough to stay cache-friendly.
    static let bytes = 1 << 20

    let buffer: PageBuffer

    init() throws(JetError) { buffer = try storage(try PageBuffer(bytes: Self.bytes)) }

    func release() { buffer.deallocate() }
}
