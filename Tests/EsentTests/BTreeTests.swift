import Foundation
import Testing

@testable import EsentCore

/// The power-loss tests' SplitMix64 as the standard library's generator protocol (it has `next()` already).
extension SplitMix: RandomNumberGenerator {}
typealias SeededGenerator = SplitMix

/// Seeds of the randomized tests: BTREE_SEED=<n> repeats one run.
func treeSeeds(_ defaults: [UInt64]) -> [UInt64] {
    if let text = ProcessInfo.processInfo.environment["BTREE_SEED"], let seed = UInt64(text) { return [seed] }
    return defaults
}

/// The B+tree (Storage/Trees/BTree.swift, BTreeCursor.swift, PageLayout.swift) over a MemoryPageSpace.
struct BTreeTests {
    /// The tree's entries read forward with a cursor.
    static func scan(_ space: MemoryPageSpace, _ root: UInt32) throws -> [([UInt8], [UInt8])] {
        let cursor = BTreeCursor(space: space, root: root)
        var out: [([UInt8], [UInt8])] = []
        var more = try cursor.first()
        while more {
            if let entry = cursor.withEntry({ k, v in ([UInt8](k), [UInt8](v)) }) { out.append(entry) }
            more = try cursor.next()
        }
        return out
    }

    static func scanBackward(_ space: MemoryPageSpace, _ root: UInt32) throws -> [[UInt8]] {
        let cursor = BTreeCursor(space: space, root: root)
        var out: [[UInt8]] = []
        var more = try cursor.last()
        while more {
            if let key = cursor.withEntry({ k, _ in [UInt8](k) }) { out.append(key) }
            more = try cursor.previous()
        }
        return out
    }

    static func bigEndian(_ n: UInt32) -> [UInt8] { withUnsafeBytes(of: n.bigEndian) { [UInt8]($0) } }

    // MARK: Randomized, against the model

    /// Thousands of random inserts, replaces, deletes, seeks and steps, at every page size, each answer compared
    /// with a sorted array; the whole tree's structure is checked after every batch. Grows, shrinks to empty, grows.
    /// Longer runs: BTREE_OPERATIONS=<n> (and BTREE_SEED=<n> to pick the seed).
    @Test(arguments: [4096, 8192, 16384, 32768])
    func randomOperationsMatchTheModel(pageSize: Int) throws {
        let operations = ProcessInfo.processInfo.environment["BTREE_OPERATIONS"].flatMap { Int($0) } ?? 4000
        for seed in treeSeeds([1, 2]) {
            try Self.differential(pageSize: pageSize, seed: seed, operations: operations)
        }
    }

    static func differential(pageSize: Int, seed: UInt64, operations: Int) throws {
        var rng = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(pageSize))
        let context = "page size \(pageSize), BTREE_SEED=\(seed)"
        let space = MemoryPageSpace(pageSize: pageSize)
        let root = try BTree.create(space)
        var model = MemoryTree()
        let maxEntry = BTree.maxEntrySize(pageSize: pageSize)
        // Shared prefixes make long common prefixes, equal-length neighbours and prefix-of-another keys.
        let prefixes: [[UInt8]] = (0..<6).map { i in
            [UInt8](repeating: UInt8(0x41 + i), count: Int.random(in: 0...300, using: &rng))
        }
        func newKey() -> [UInt8] {
            var key = prefixes.randomElement(using: &rng) ?? []
            let length = Int.random(in: 1...600, using: &rng)
            while key.count < length { key.append(UInt8.random(in: 0...3, using: &rng) * 60) }
            return Array(key.prefix(length))
        }
        // Tiny, medium and maximal entries mixed (a few a little over the limit): a big entry between small ones
        // is what a split by count or by halves gets wrong.
        func newValue(for key: [UInt8]) -> [UInt8] {
            let length: Int
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<4: length = Int.random(in: 0...40, using: &rng)
            case 4..<7: length = Int.random(in: 0...2000, using: &rng)
            default: length = max(0, maxEntry - key.count + Int.random(in: -64...2, using: &rng))
            }
            return (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
        func someKey() -> [UInt8] {
            if model.keys.isEmpty || Int.random(in: 0..<4, using: &rng) == 0 { return newKey() }
            return model.keys[Int.random(in: 0..<model.keys.count, using: &rng)]
        }
        func attempt(_ key: [UInt8], _ value: [UInt8]?, _ body: () throws -> Void) -> StorageError? {
            do {
                try body()
                return nil
            } catch {
                return error as? StorageError ?? .corrupt
            }
        }
        var step = 0
        for phase in 0..<3 {
            let growing = phase != 1
            for _ in 0..<(operations / 3) {
                step += 1
                let roll = Int.random(in: 0..<100, using: &rng)
                let key = someKey()
                let (_, exists) = key.withUnsafeBytes { model.lowerBound($0) }
                if roll < (growing ? 65 : 35) {
                    // Insert or replace, each checked against what the model says of the key.
                    let replacing = roll >= (growing ? 45 : 15)
                    let value = newValue(for: key)
                    let error = attempt(key, value) {
                        try key.withUnsafeBytes { k in
                            try value.withUnsafeBytes { v in
                                if replacing {
                                    try BTree.replace(space, root: root, key: k, value: v)
                                } else {
                                    try BTree.insert(space, root: root, key: k, value: v)
                                }
                            }
                        }
                    }
                    let expected: StorageError? =
                        key.count + value.count > maxEntry
                        ? .entryTooBig : exists == replacing ? nil : replacing ? .keyNotFound : .keyDuplicate
                    #expect(error == expected, "\(replacing ? "replace" : "insert") at step \(step), \(context)")
                    if error == nil { model.put(key, value) }
                } else if roll < (growing ? 80 : 85) {
                    let error = attempt(key, nil) {
                        try key.withUnsafeBytes { k in try BTree.delete(space, root: root, key: k) }
                    }
                    #expect(error == (exists ? nil : .keyNotFound), "delete at step \(step), \(context)")
                    if error == nil { model.put(key, nil) }
                } else {
                    try checkSeek(space, root, model, key: key, rng: &rng, context: "step \(step), \(context)")
                }
                if step % 250 == 0 {
                    try checkWhole(space, root, model, context: "step \(step), \(context)")
                }
            }
            if phase == 1 {
                // Empty it completely: every page but the root goes back.
                for key in model.keys {
                    try key.withUnsafeBytes { k in try BTree.delete(space, root: root, key: k) }
                }
                model = MemoryTree()
                try checkWhole(space, root, model, context: "emptied, \(context)")
                #expect(space.pageCount == 1, "emptied tree keeps only its root, \(context)")
            }
        }
        try checkWhole(space, root, model, context: "end, \(context)")
        try BTree.destroy(space, root: root)
        #expect(space.pageCount == 0, "destroy frees every page, \(context)")
    }

    static func checkWhole(_ space: MemoryPageSpace, _ root: UInt32, _ model: MemoryTree, context: String) throws {
        #expect(try BTree.verify(space, root: root) == model.keys.count, "verify, \(context)")
        let entries = try scan(space, root)
        #expect(entries.map(\.0) == model.keys, "forward scan keys, \(context)")
        #expect(entries.map(\.1) == model.values, "forward scan values, \(context)")
        #expect(try scanBackward(space, root) == model.keys.reversed(), "backward scan, \(context)")
        #expect(try BTree.count(space, root: root, limit: .max) == model.keys.count, "count, \(context)")
        #expect(try BTree.count(space, root: root, limit: 3) == min(3, model.keys.count), "count limit, \(context)")
        var pages = 0
        try BTree.forEachPage(space, root: root) { _ in pages += 1 }
        #expect(pages == space.pageCount, "every page is in the tree, \(context)")
    }

    /// One seek in each mode, then a few random steps, each compared with the model.
    static func checkSeek(
        _ space: MemoryPageSpace, _ root: UInt32, _ model: MemoryTree, key: [UInt8], rng: inout SeededGenerator,
        context: String
    ) throws {
        let cursor = BTreeCursor(space: space, root: root)
        let (lower, found) = key.withUnsafeBytes { model.lowerBound($0) }
        let mode = [TreeSeek.ge, .le, .eq].randomElement(using: &rng) ?? .ge
        // The model's index, or -1 before the first, count after the last.
        var index: Int
        let positioned = try key.withUnsafeBytes { try cursor.seek($0, mode) }
        switch mode {
        case .ge: index = lower
        case .le: index = found ? lower : lower - 1
        case .eq: index = found ? lower : -1
        }
        let expected = index >= 0 && index < model.keys.count
        #expect(positioned == expected, "seek \(mode), \(context)")
        if !expected && mode == .ge { index = model.keys.count }
        if !expected && mode != .ge { index = -1 }
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            let current = cursor.withEntry { k, v in ([UInt8](k), [UInt8](v)) }
            if index >= 0 && index < model.keys.count {
                #expect(current?.0 == model.keys[index] && current?.1 == model.values[index], "entry, \(context)")
            } else {
                #expect(current == nil, "no entry off the ends, \(context)")
            }
            if Bool.random(using: &rng) {
                let moved = try cursor.next()
                index = min(index + 1, model.keys.count)
                #expect(moved == (index < model.keys.count), "next, \(context)")
            } else {
                let moved = try cursor.previous()
                index = max(index - 1, -1)
                #expect(moved == (index >= 0), "previous, \(context)")
            }
        }
    }

    // MARK: Shapes

    @Test func keysInsertedInOrderFillPagesAlmostCompletely() throws {
        for descending in [false, true] {
            let space = MemoryPageSpace(pageSize: 8192)
            let root = try BTree.create(space)
            let value = [UInt8](repeating: 7, count: 100)
            let n: UInt32 = 20000
            for i in 0..<n {
                let key = Self.bigEndian(descending ? n - i : i)
                try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
            }
            #expect(try BTree.verify(space, root: root) == Int(n))
            let entryBytes = 4 + 100 + TreePage.leafEntryHeader + TreePage.slotSize
            let leavesAtBest = (Int(n) * entryBytes + TreePage.capacity(8192) - 1) / TreePage.capacity(8192)
            var leaves = 0
            try BTree.forEachPage(space, root: root) { pgno throws(StorageError) in
                if TreePage(try space.read(pgno)).isLeaf { leaves += 1 }
            }
            // Splits at the end (or start) leave full pages behind: within 2% of the fewest possible.
            #expect(Double(leaves) <= Double(leavesAtBest) * 1.02 + 1, "descending \(descending): \(leaves) leaves, best \(leavesAtBest)")
        }
    }

    @Test func theRootNeverMovesAndShrinksBackToOneLeaf() throws {
        let space = MemoryPageSpace(pageSize: 4096)
        let root = try BTree.create(space)
        let value = [UInt8](repeating: 1, count: 300)
        // A long common prefix keeps separators long, so branch pages fill up too.
        let pad = [UInt8](repeating: 0x55, count: 200)
        for i in 0..<3000 as Range<UInt32> {
            let key = pad + Self.bigEndian(i &* 2_654_435_761)
            try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
        }
        #expect(TreePage(try space.read(root)).level >= 2)
        for i in 0..<3000 as Range<UInt32> {
            let key = pad + Self.bigEndian(i &* 2_654_435_761)
            try key.withUnsafeBytes { k in try BTree.delete(space, root: root, key: k) }
            if i == 2998 {
                // One entry left: the root took its single child's place, level by level, instead of keeping a
                // chain of one-entry pages.
                let page = TreePage(try space.read(root))
                #expect(page.isLeaf && page.count == 1 && space.pageCount == 1)
            }
        }
        let page = TreePage(try space.read(root))
        #expect(page.isLeaf && page.count == 0 && space.pageCount == 1)
        #expect(try BTree.verify(space, root: root) == 0)
        #expect(try !BTreeCursor(space: space, root: root).first())
        #expect(try !BTreeCursor(space: space, root: root).last())
    }

    /// Entries of the largest size (a leaf holds just one) put before, between and after tiny ones and each other,
    /// at every page size: each split leaves pages that fit, the big entry alone on a page when it must.
    @Test(arguments: [2048, 4096, 8192, 16384, 32768])
    func maximalEntriesAmongTinyOnes(pageSize: Int) throws {
        let space = MemoryPageSpace(pageSize: pageSize)
        let root = try BTree.create(space)
        var model = MemoryTree()
        let max = BTree.maxEntrySize(pageSize: pageSize)
        // A record at ESE's limit with its primary key at any cbKeyMost is one entry.
        for keyMost in [4, 255, 500, 1000, 2000] {
            #expect(max >= RecordFormat.cbRecordMost(pageSize: pageSize, keyMost: keyMost) + keyMost)
        }
        func put(_ key: [UInt8], _ value: [UInt8]) throws {
            try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
            model.put(key, value)
        }
        // A leaf full of tiny entries with even keys, then maximal entries at odd keys in its middle, at its ends
        // and next to each other.
        for i in stride(from: 0, to: 400, by: 2) { try put(Self.bigEndian(UInt32(i)), [UInt8](repeating: 1, count: 8)) }
        for i in [201, 1, 399, 401, 203, 205, 99, 97, 0x8000_0001] {
            let key = Self.bigEndian(UInt32(i))
            try put(key, [UInt8](repeating: UInt8(i & 0xFF), count: max - key.count))
            try Self.checkWhole(space, root, model, context: "after \(i), page size \(pageSize)")
        }
        // Replacing tiny entries by maximal ones and back.
        for i in [100, 102, 2, 398] {
            let key = Self.bigEndian(UInt32(i))
            let value = [UInt8](repeating: 7, count: max - key.count)
            try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try BTree.replace(space, root: root, key: k, value: v) } }
            model.put(key, value)
        }
        try Self.checkWhole(space, root, model, context: "replaced, page size \(pageSize)")
        let key = Self.bigEndian(7)
        let tooBig = [UInt8](repeating: 1, count: max - key.count + 1)
        #expect(throws: StorageError.entryTooBig) {
            try key.withUnsafeBytes { k in try tooBig.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
        }
        let longKey = [UInt8](repeating: 3, count: BTree.maxKeySize(pageSize: pageSize) + 1)
        #expect(throws: StorageError.entryTooBig) {
            try longKey.withUnsafeBytes { k in try [UInt8]().withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
        }
        try Self.checkWhole(space, root, model, context: "refused, page size \(pageSize)")
    }

    @Test func oversizedEntriesAndEmptyKeysAtTheLimits() throws {
        for pageSize in [4096, 32768] {
            let space = MemoryPageSpace(pageSize: pageSize)
            let root = try BTree.create(space)
            let max = BTree.maxEntrySize(pageSize: pageSize)
            let key = [UInt8](repeating: 9, count: 600)
            for (i, size) in [max - 600, max - 600, max - 600].enumerated() {
                let k = key + [UInt8(i)]
                let value = [UInt8](repeating: 1, count: size - 1)
                try k.withUnsafeBytes { k in try value.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
            }
            let tooBig = [UInt8](repeating: 1, count: max - 599)
            #expect(throws: StorageError.entryTooBig) {
                try key.withUnsafeBytes { k in try tooBig.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
            }
            let empty: [UInt8] = []
            try empty.withUnsafeBytes { k in try empty.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
            #expect(try BTree.verify(space, root: root) == 4)
            let cursor = BTreeCursor(space: space, root: root)
            #expect(try cursor.first() && cursor.withEntry { k, _ in k.count } == 0)
        }
    }

    @Test func relocateSitsInTheGapOfAMissingKey() throws {
        let space = MemoryPageSpace(pageSize: 4096)
        let root = try BTree.create(space)
        for i in stride(from: 0, to: 2000, by: 2) as StrideTo<UInt32> {
            let key = Self.bigEndian(i)
            let value = [UInt8](repeating: 0, count: 50)
            try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
        }
        let cursor = BTreeCursor(space: space, root: root)
        #expect(try Self.bigEndian(501).withUnsafeBytes { try !cursor.relocate($0) })
        #expect(!cursor.isPositioned && cursor.withEntry { _, _ in 0 } == nil)
        #expect(try cursor.next() && cursor.withEntry { k, _ in [UInt8](k) } == Self.bigEndian(502))
        #expect(try Self.bigEndian(501).withUnsafeBytes { try !cursor.relocate($0) })
        #expect(try cursor.previous() && cursor.withEntry { k, _ in [UInt8](k) } == Self.bigEndian(500))
        #expect(try Self.bigEndian(500).withUnsafeBytes { try cursor.relocate($0) } && cursor.isPositioned)
        // Past the last key: next ends, previous finds the last.
        #expect(try Self.bigEndian(5000).withUnsafeBytes { try !cursor.relocate($0) })
        #expect(try !cursor.next())
        #expect(try cursor.previous() && cursor.withEntry { k, _ in [UInt8](k) } == Self.bigEndian(1998))
    }

    // MARK: Damaged pages

    /// libFuzzer-style: random and mutated pages put in a sound tree's place; every operation must give a result
    /// or a StorageError, never trap or read outside a page.
    @Test func damagedPagesGiveCorruptNeverATrap() throws {
        for seed in treeSeeds([11, 12]) {
            var rng = SeededGenerator(seed: seed)
            let pageSize = 4096
            let space = MemoryPageSpace(pageSize: pageSize)
            let root = try BTree.create(space)
            for i in 0..<400 as Range<UInt32> {
                let key = Self.bigEndian(i &* 2_654_435_761) + [UInt8](repeating: UInt8(i & 0xFF), count: Int(i % 90))
                let value = [UInt8](repeating: UInt8(i & 0xFF), count: Int(i % 300))
                try key.withUnsafeBytes { k in try value.withUnsafeBytes { v in try BTree.insert(space, root: root, key: k, value: v) } }
            }
            var pristine: [UInt32: [UInt8]] = [:]
            try BTree.forEachPage(space, root: root) { pgno throws(StorageError) in
                let page = try space.read(pgno)
                pristine[pgno] = [UInt8](UnsafeRawBufferPointer(start: page.bytes, count: pageSize))
            }
            let pgnos = pristine.keys.sorted()
            var corruptSeen = 0
            for iteration in 0..<1500 {
                // Pages freed by an earlier iteration's changes come back as they were.
                try Self.restore(space, pristine)
                guard let victim = pgnos.randomElement(using: &rng), var bytes = pristine[victim] else { continue }
                switch Int.random(in: 0..<4, using: &rng) {
                case 0:
                    // Anything at all in the tree's part of the page.
                    for i in 12..<pageSize { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
                case 1:
                    // A plausible header over random slots.
                    for i in 12..<pageSize { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
                    bytes[12] = UInt8.random(in: 1...2, using: &rng)
                    bytes[13] = bytes[12] == 1 ? 0 : UInt8.random(in: 1...3, using: &rng)
                    bytes[15] = 0
                    bytes[14] = UInt8.random(in: 0...40, using: &rng)
                default:
                    // A few bytes changed in a sound page: header fields, slots, lengths, child numbers.
                    for _ in 0..<Int.random(in: 1...8, using: &rng) {
                        let at = Bool.random(using: &rng)
                            ? Int.random(in: 12..<64, using: &rng) : Int.random(in: 12..<pageSize, using: &rng)
                        bytes[at] = UInt8.random(in: 0...255, using: &rng)
                    }
                }
                try space.overwrite(victim, with: bytes)
                if try Self.exercise(space, root, rng: &rng) { corruptSeen += 1 }
                _ = iteration
            }
            #expect(corruptSeen > 0, "BTREE_SEED=\(seed)")
        }
    }

    /// Puts back every page of the pristine tree (allocating any the last iteration freed).
    static func restore(_ space: MemoryPageSpace, _ pristine: [UInt32: [UInt8]]) throws {
        for (pgno, bytes) in pristine {
            while space.pages.count <= Int(pgno) || space.pages[Int(pgno)] == nil { _ = try space.allocate() }
            try space.overwrite(pgno, with: bytes)
        }
    }

    /// Runs every kind of operation on a possibly damaged tree; true if one reported `.corrupt`.
    static func exercise(_ space: MemoryPageSpace, _ root: UInt32, rng: inout SeededGenerator) throws -> Bool {
        var corrupt = false
        func run(_ body: () throws(StorageError) -> Void) {
            do throws(StorageError) { try body() } catch { if error == .corrupt { corrupt = true } }
        }
        run { () throws(StorageError) in _ = try BTree.verify(space, root: root) }
        run { () throws(StorageError) in _ = try BTree.count(space, root: root, limit: .max) }
        run { () throws(StorageError) in try BTree.forEachPage(space, root: root) { _ in } }
        run { () throws(StorageError) in
            let cursor = BTreeCursor(space: space, root: root)
            var steps = 0
            var more = try cursor.first()
            while more && steps < 2000 {
                _ = cursor.withEntry { k, v in k.count + v.count }
                more = try cursor.next()
                steps += 1
            }
            more = try cursor.last()
            while more && steps < 4000 {
                more = try cursor.previous()
                steps += 1
            }
        }
        for _ in 0..<4 {
            let key = Self.bigEndian(UInt32.random(in: 0...UInt32.max, using: &rng))
            let value = [UInt8](repeating: 3, count: Int.random(in: 0...1500, using: &rng))
            key.withUnsafeBytes { k in
                value.withUnsafeBytes { v in
                    run { () throws(StorageError) in _ = try BTreeCursor(space: space, root: root).seek(k, .le) }
                    run { () throws(StorageError) in try BTree.insert(space, root: root, key: k, value: v) }
                    run { () throws(StorageError) in try BTree.replace(space, root: root, key: k, value: v) }
                    run { () throws(StorageError) in try BTree.delete(space, root: root, key: k) }
                }
            }
        }
        return corrupt
    }
}
