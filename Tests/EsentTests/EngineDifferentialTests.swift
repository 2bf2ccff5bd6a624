import Glibc
import Testing

@testable import EsentCore

/// SplitMix64: a small seeded generator, so a failing run can be repeated.
struct EngineRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

/// The paged engine against the reference model (MemoryTreeStore): the same seeded mix of transactions,
/// interleaved step by step — inserts, replaces, deletes, savepoints, commits (lazy and durable), rollbacks,
/// reads in every open transaction — then a crash and recovery. Each open transaction owns a key range (the
/// core's locks keep concurrent transactions off each other's records), but they share pages, so commits often
/// find their pages changed and re-run their operations.
@Suite(.serialized)
struct EngineDifferentialTests {
    struct Slot {
        var paged: any TreeTransaction
        var model: any TreeTransaction
        var depth = 1
    }

    @Test(arguments: [1 as UInt64, 2, 3])
    func randomTransactionsMatchTheModel(seed: UInt64) throws {
        let fixture = try EngineFixture(settings: PagedStoreSettings(cacheMaxPages: 64, startFlushDirty: 40, stopFlushDirty: 10))
        let model = MemoryTreeStore()
        model.register(dbid: 1)
        var random = EngineRandom(state: seed)
        // One extra tree, made in both stores by the same first transaction.
        let pagedSetup = fixture.store.begin(readOnly: false)
        let modelSetup = model.begin(readOnly: false)
        let tree = try pagedSetup.createTree(dbid: 1)
        #expect(try modelSetup.createTree(dbid: 1) == tree)
        try fixture.commit(pagedSetup)
        try modelSetup.commit(lazy: false, log: nil)
        let trees = [engineCatalog, tree]
        var slots: [Int: Slot] = [:]
        var written: [Int: Set<String>] = [:]
        let steps = 3000
        for step in 0..<steps {
            let s = random.below(4)
            guard var slot = slots[s] else {
                slots[s] = Slot(paged: fixture.store.begin(readOnly: false), model: model.begin(readOnly: false))
                continue
            }
            let t = trees[random.below(2)]
            let key = "s\(s)-" + pad("", random.below(300), 3)
            let value = String(repeating: Character(UnicodeScalar(UInt8(97 + random.below(26)))), count: 20 + random.below(400))
            switch random.below(100) {
            case 0..<45:
                let a = outcome { try slot.paged.put(t, key, value) }
                let b = outcome { try slot.model.put(t, key, value) }
                #expect(a == b, "step \(step) insert")
            case 45..<60:
                let a = outcome { try slot.paged.set(t, key, value) }
                let b = outcome { try slot.model.set(t, key, value) }
                #expect(a == b, "step \(step) replace")
            case 60..<75:
                let a = outcome { try slot.paged.remove(t, key) }
                let b = outcome { try slot.model.remove(t, key) }
                #expect(a == b, "step \(step) delete")
            case 75..<80 where slot.depth < 7:
                try slot.paged.beginLevel()
                try slot.model.beginLevel()
                slot.depth += 1
            case 80..<84 where slot.depth > 1:
                slot.paged.rollbackLevel()
                slot.model.rollbackLevel()
                slot.depth -= 1
            case 84..<87 where slot.depth > 1:
                slot.paged.commitLevel()
                slot.model.commitLevel()
                slot.depth -= 1
            case 87..<95:
                try fixture.commit(slot.paged, lazy: random.below(2) == 0)
                try slot.model.commit(lazy: false, log: nil)
                slots[s] = nil
                continue
            case 95..<97:
                slot.paged.rollbackAll()
                slot.model.rollbackAll()
                slots[s] = nil
                continue
            default:
                #expect(try slot.paged.dump(t) == slot.model.dump(t), "step \(step) view")
            }
            written[s, default: []].insert(key)
            slots[s] = slot
        }
        for (_, slot) in slots {
            for t in trees { #expect(try slot.paged.dump(t) == slot.model.dump(t)) }
            try fixture.commit(slot.paged)
            try slot.model.commit(lazy: false, log: nil)
        }
        slots = [:]
        let expected = try trees.map { try model.begin(readOnly: true).dump($0) }
        #expect(try trees.map { try fixture.store.begin(readOnly: true).dump($0) } == expected)
        #expect(fixture.store.statistics.reexecutedCommits > 0)
        // Everything committed comes back from the log and the files alone.
        try fixture.crashAndRecover()
        #expect(try trees.map { try fixture.store.begin(readOnly: true).dump($0) } == expected)
        // And the allocator found the same pages in use: a full rewrite after recovery works.
        let t = fixture.store.begin(readOnly: false)
        try t.put(engineCatalog, "after-recovery", String(repeating: "z", count: 500))
        try fixture.commit(t)
    }
}

/// nil when `body` succeeds, else its error (a foreign error reads as `.corrupt`, which the model never gives).
func outcome(_ body: () throws -> Void) -> StorageError? {
    do {
        try body()
        return nil
    } catch {
        return error as? StorageError ?? .corrupt
    }
}
