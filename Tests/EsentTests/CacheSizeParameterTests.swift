import CEsent
import Testing

@testable import EsentCore

/// JET_paramCacheSizeMax is a process-wide parameter: set after JetCreateInstance (as an application sizing its
/// cache before JetInit does), it must still bound the cache of the instance JetInit starts.
@Suite(.serialized)
struct CacheSizeParameterTests {
    @Test func cacheSizeMaxSetAfterCreateInstanceReachesTheEngine() throws {
        let folder = ScratchFolder()
        let cacheMax = UInt(JET_paramCacheSizeMax)
        let previous = try Parameters.get(instance: 0, sesid: 0, paramid: CUnsignedLong(cacheMax)).1.integer
        defer { try? Parameters.set(instance: 0, sesid: 0, paramid: cacheMax, integer: previous, string: nil) }
        let instance = try Lifecycle.createInstance(name: "cachemax-" + folder.path, displayName: nil)
        defer { _ = try? Lifecycle.terminate(handle: instance, grbit: UInt(JET_bitTermAbrupt)) }
        for (param, value) in [(JET_paramSystemPath, folder.path), (JET_paramLogFilePath, folder.path)] {
            try Parameters.set(instance: instance, sesid: 0, paramid: UInt(param), integer: 0, string: value)
        }
        try Parameters.set(instance: instance, sesid: 0, paramid: cacheMax, integer: 1234, string: nil)
        _ = try Lifecycle.initialize(handle: instance)
        let owner = try #require(registry.withLock { $0.instances[instance] })
        let store = try #require(owner.state.withLock { $0.trees } as? PagedTreeStore)
        #expect(store.settings.cacheMaxPages == 1234)
    }
}
