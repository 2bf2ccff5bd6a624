#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization
import SystemPackage

/// What an injected fault does to the call it hits.
package enum FaultEffect: Equatable, Sendable {
    /// The call fails with this errno and does nothing.
    case fail(Errno)
    /// A read or write moves at most this many bytes in the hit call (the layer must go on with the rest).
    case short(Int)
    /// A read or write returns 0 (end of file for a read; a write that makes no progress).
    case zero
    /// The call is interrupted before it starts (EINTR); the layer must retry it.
    case interrupt
}

/// One rule: the calls it targets, when it fires, and what it does.
package struct FaultRule: Sendable {
    /// Targeted call kinds; empty means every kind.
    package var calls: Set<SystemCall>
    /// Targets only calls on a path (or on a descriptor opened from a path) ending in this; nil means any file.
    package var pathSuffix: String?
    /// Matching calls that pass before the first that is hit.
    package var skip: Int
    /// How many matching calls are hit, from the first one (Int.max: every one after `skip`).
    package var times: Int
    package var effect: FaultEffect

    package init(
        _ calls: Set<SystemCall> = [], path pathSuffix: String? = nil, skip: Int = 0, times: Int = 1,
        effect: FaultEffect
    ) {
        self.calls = calls
        self.pathSuffix = pathSuffix
        self.skip = skip
        self.times = times
        self.effect = effect
    }
}

/// The fault injector of the system-call layer: thread-safe, consulted by every call in `SystemCalls`.
///
/// Tests install rules (`FaultInjector.install`); the C harness sets `ESENT_FAULTS` before the library's first
/// system call (format in `FaultInjector.parse`). With no rule installed a call pays one relaxed atomic load.
package enum FaultInjector {
    private struct State {
        var rules: [FaultRule] = []
        var seen: [Int] = []
        /// Which path each open descriptor came from, so calls on descriptors can be targeted by file.
        var paths: [Int32: String] = [:]
        /// A hook run before every call (tests that block a call, or count calls); nil when unused.
        var observer: (@Sendable (SystemCall, String?) -> Int32?)?
        /// Calls a rule has hit since the rules were installed.
        var hits = 0
    }

    private static let active = Atomic<Bool>(false)
    private static let environmentChecked = Atomic<Bool>(false)
    private static let state = Mutex(State())

    /// Replaces the rules; an empty list turns the injector off (unless an observer is set).
    package static func install(_ rules: [FaultRule]) {
        state.withLock { s in
            s.rules = rules
            s.seen = Array(repeating: 0, count: rules.count)
            s.hits = 0
            active.store(!rules.isEmpty || s.observer != nil || PowerLoss.isRecording, ordering: .releasing)
        }
    }

    /// Calls the installed rules have hit so far (a test tells that its fault was reached).
    package static var hits: Int { state.withLock { $0.hits } }

    /// Installs `rules` while `body` runs.
    package static func with<T, E: Error>(_ rules: [FaultRule], _ body: () throws(E) -> T) throws(E) -> T {
        install(rules)
        defer { install([]) }
        return try body()
    }

    /// A closure consulted before each call, given the call and its path (if known); a non-nil result fails the
    /// call with that errno. Replaces the old process-wide `faultInjector` variable, now behind the lock.
    package static var observer: (@Sendable (SystemCall, String?) -> Int32?)? {
        get { state.withLock { $0.observer } }
        set {
            state.withLock { s in
                s.observer = newValue
                active.store(!s.rules.isEmpty || newValue != nil || PowerLoss.isRecording, ordering: .releasing)
            }
        }
    }

    /// Re-evaluates whether any hook is on (after the power-loss recorder starts or stops).
    static func refresh() {
        state.withLock { s in
            active.store(!s.rules.isEmpty || s.observer != nil || PowerLoss.isRecording, ordering: .releasing)
        }
    }

    @inline(__always)
    static var isActive: Bool {
        if !environmentChecked.load(ordering: .acquiring) { loadEnvironment() }
        return active.load(ordering: .relaxed)
    }

    /// The effect to apply to this call, if any. `path` is the call's path, or nil for a descriptor call.
    static func check(_ call: SystemCall, path: String?, fd: Int32? = nil) -> FaultEffect? {
        guard isActive else { return nil }
        let (observer, effect) = state.withLock { s -> ((@Sendable (SystemCall, String?) -> Int32?)?, FaultEffect?) in
            let target = path ?? fd.flatMap { s.paths[$0] }
            var hit: FaultEffect?
            for i in s.rules.indices {
                let rule = s.rules[i]
                guard rule.calls.isEmpty || rule.calls.contains(call) else { continue }
                if let suffix = rule.pathSuffix {
                    // A rule's suffix may end in `/` to name a folder; paths reach here as `FilePath` strings,
                    // which have no trailing `/`.
                    guard let target, target.hasSuffix(suffix) || (target + "/").hasSuffix(suffix) else { continue }
                }
                s.seen[i] += 1
                let n = s.seen[i] - rule.skip
                if hit == nil, n >= 1, rule.times == Int.max || n <= rule.times { hit = rule.effect }
            }
            if hit != nil { s.hits += 1 }
            return (s.observer, hit)
        }
        if let effect { return effect }
        if let observer, let code = observer(call, path ?? fd.flatMap(pathOf)) { return .fail(Errno(rawValue: code)) }
        return nil
    }

    /// Descriptors are tracked even while no rule is on (opens and closes are rare), so that a rule installed
    /// later can target a file opened before it.
    static func opened(_ fd: Int32, path: String) {
        state.withLock { s in s.paths[fd] = path }
    }

    static func closed(_ fd: Int32) {
        _ = state.withLock { s in s.paths.removeValue(forKey: fd) }
    }

    /// A descriptor follows its file to a new name (rename, link), so later calls on it target the new name.
    static func renamed(_ from: String, _ to: String) {
        state.withLock { s in
            for (fd, path) in s.paths where path == from { s.paths[fd] = to }
        }
    }

    /// Every open descriptor of the library and its path.
    static func openDescriptors() -> [Int32: String] { state.withLock { $0.paths } }

    static func pathOf(_ fd: Int32) -> String? { state.withLock { $0.paths[fd] } }

    // MARK: The C harness

    /// Reads `ESENT_FAULTS` once, at the library's first system call. Rules are separated by `;`, each
    /// `call[,call...]:effect[:skip[:times[:path-suffix]]]`, with call `any` or a `SystemCall` name and effect an
    /// errno name (`EIO`, `ENOSPC`, `EINTR`, `EACCES`, `ENOENT`, `EMFILE`), `short<N>` or `zero`.
    /// Example: `ESENT_FAULTS='pwrite:ENOSPC:3:1:edb.log'` fails the 4th pwrite on edb.log with ENOSPC.
    private static func loadEnvironment() {
        guard !environmentChecked.exchange(true, ordering: .acquiringAndReleasing) else { return }
        guard let raw = getenv("ESENT_FAULTS") else { return }
        let rules = parse(String(cString: raw))
        if !rules.isEmpty { install(rules) }
    }

    /// The rules an `ESENT_FAULTS` value describes; malformed rules are skipped.
    package static func parse(_ text: String) -> [FaultRule] {
        var rules: [FaultRule] = []
        for item in text.split(separator: ";") {
            let fields = item.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { continue }
            var calls: Set<SystemCall> = []
            var known = true
            for name in fields[0].split(separator: ",") where name != "any" {
                if let call = SystemCall(rawValue: String(name)) { calls.insert(call) } else { known = false }
            }
            guard known, let effect = effect(fields[1]) else { continue }
            let skip = fields.count > 2 ? Int(fields[2]) ?? 0 : 0
            let times = fields.count > 3 ? (fields[3] == "all" ? Int.max : Int(fields[3]) ?? 1) : 1
            let path = fields.count > 4 && !fields[4].isEmpty ? fields[4] : nil
            rules.append(FaultRule(calls, path: path, skip: max(0, skip), times: max(1, times), effect: effect))
        }
        return rules
    }

    private static func effect(_ text: String) -> FaultEffect? {
        let codes: [String: Int32] = [
            "EIO": EIO, "ENOSPC": ENOSPC, "EACCES": EACCES, "ENOENT": ENOENT, "EMFILE": EMFILE, "EDQUOT": EDQUOT,
            "EROFS": EROFS, "EPERM": EPERM,
        ]
        if text == "EINTR" { return .interrupt }
        if text == "zero" { return .zero }
        if let code = codes[text] { return .fail(Errno(rawValue: code)) }
        if text.hasPrefix("short"), let n = Int(text.dropFirst(5)), n >= 0 { return .short(n) }
        return nil
    }
}
