/// B+tree operations over the pages of a `PageSpace` (layout: TreePage). Keys are unique byte strings ordered by
/// memcmp then length. The root page never moves: when it splits, its entries go to two new children and it becomes
/// their parent; a page left empty by a delete is freed and unlinked from its parent, and a root with a single
/// child takes that child's entries. Half-empty pages are not merged.
package enum BTree {
    /// Where one operation went down: the page at each level and the entry taken in it (in the leaf: the entry's
    /// place).
    typealias Path = UnsafeMutableBufferPointer<(pgno: UInt32, index: Int)>

    static let maxDepth = TreePage.maxLevel + 1

    /// The largest key + value of one leaf entry: one of them, with its slot and header, fills a page, so a record
    /// at ESE's limit (REC::CbRecordMost) with its key fits. A leaf may then hold a single entry.
    package static func maxEntrySize(pageSize: Int) -> Int {
        TreePage.capacity(pageSize) - TreePage.slotSize - TreePage.leafEntryHeader
    }

    /// The largest key: a branch entry (a separator up to this size, its child and slot) is at most half a page, so
    /// a branch page holds at least two and a branch split always finds a point where both halves fit.
    package static func maxKeySize(pageSize: Int) -> Int { TreePage.capacity(pageSize) / 2 - 8 }

    /// Whether a key + value pair is within both limits.
    @inline(__always)
    package static func fits(key: Int, value: Int, pageSize: Int) -> Bool {
        key <= maxKeySize(pageSize: pageSize) && key + value <= maxEntrySize(pageSize: pageSize)
    }

    package static func create(_ space: some PageSpace) throws(StorageError) -> UInt32 {
        let page = try space.allocate()
        TreePage(page).format(.leaf, level: 0)
        return page.pgno
    }

    // MARK: Descent

    /// Reads a page the tree refers to, checked as the level its parent expects (nil: the root).
    @inline(__always)
    static func page(_ space: some PageSpace, _ pgno: UInt32, level: Int?) throws(StorageError) -> PageRef {
        guard pgno != 0 else { throw .corrupt }
        let page = try space.read(pgno)
        guard page.pageSize == space.pageSize else { throw .corrupt }
        try TreePage(page).validate(level: level)
        return page
    }

    /// Goes down to the leaf that holds or would hold `key`, filling `path`; returns the leaf's depth.
    private static func descend(
        _ space: some PageSpace, root: UInt32, key: UnsafeRawBufferPointer, path: Path
    ) throws(StorageError) -> (depth: Int, leaf: PageRef, index: Int, found: Bool) {
        var pgno = root
        var level: Int? = nil
        var depth = 0
        while true {
            let page = try page(space, pgno, level: level)
            // `p` reads the page through a raw pointer: the buffer must not go back to PageMemory under it.
            defer { withExtendedLifetime(page) {} }
            let p = TreePage(page)
            if p.isLeaf {
                let (index, found) = try p.lowerBound(key)
                path[depth] = (pgno, index)
                return (depth, page, index, found)
            }
            let index = try p.childIndex(key)
            path[depth] = (pgno, index)
            depth += 1
            guard depth < maxDepth else { throw .corrupt }
            pgno = try p.branchEntry(index).child
            level = p.level - 1
        }
    }

    private static func withPath<R>(_ body: (Path) throws(StorageError) -> R) throws(StorageError) -> R {
        try withUnsafeTemporaryAllocation(of: (pgno: UInt32, index: Int).self, capacity: maxDepth) {
            (path) throws(StorageError) -> R in try body(path)
        }
    }

    // MARK: Changes

    package static func insert(
        _ space: some PageSpace, root: UInt32, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer
    ) throws(StorageError) {
        try store(space, root: root, key: key, value: value, replacing: false)
    }

    package static func replace(
        _ space: some PageSpace, root: UInt32, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer
    ) throws(StorageError) {
        try store(space, root: root, key: key, value: value, replacing: true)
    }

    /// Insert (the key must be new) or replace (the key must be there; a value of the same length is overwritten in
    /// place, another one goes through removal and insertion, which may split).
    private static func store(
        _ space: some PageSpace, root: UInt32, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer,
        replacing: Bool
    ) throws(StorageError) {
        guard fits(key: key.count, value: value.count, pageSize: space.pageSize) else { throw .entryTooBig }
        try withPath { (path) throws(StorageError) in
            var replacing = replacing
            // A second pass only after a big entry found no two-way split: its leaf was cut at its place first.
            for _ in 0..<2 {
                let (depth, leaf, index, found) = try descend(space, root: root, key: key, path: path)
                if found != replacing { throw replacing ? .keyNotFound : .keyDuplicate }
                if replacing {
                    let page = TreePage(try space.write(leaf.pgno))
                    if try page.leafEntry(index).value.count == value.count {
                        try page.overwriteValue(index, value)
                        return
                    }
                    try page.remove(index)
                    replacing = false
                }
                if try put(space, path: path, depth: depth, index: index, key: key, value: value) { return }
            }
            // After the cut the entry is last or first in its leaf, where it always goes alone to a page.
            throw .corrupt
        }
    }

    package static func delete(_ space: some PageSpace, root: UInt32, key: UnsafeRawBufferPointer)
        throws(StorageError)
    {
        try withPath { (path) throws(StorageError) in
            let (depth, leaf, index, found) = try descend(space, root: root, key: key, path: path)
            guard found else { throw .keyNotFound }
            let p = TreePage(try space.write(leaf.pgno))
            try p.remove(index)
            if p.count == 0 && depth > 0 { try unlink(space, path: path, depth: depth) }
        }
    }

    /// Puts a leaf entry at `index` of the leaf at `depth`, splitting pages up the path as needed. False when the
    /// entry is too big for any two-way split of its leaf (entries on both sides of it fill the rest): the leaf was
    /// then cut at `index` instead, with nothing added, and the caller goes down again, to put the entry at the end
    /// of one of the two halves, where it can go alone to a page.
    private static func put(
        _ space: some PageSpace, path: Path, depth: Int, index: Int, key: UnsafeRawBufferPointer,
        value: UnsafeRawBufferPointer
    ) throws(StorageError) -> Bool {
        let p = TreePage(try space.write(path[depth].pgno))
        if try p.makeRoom(TreePage.leafEntrySize(key: key.count, value: value.count)) {
            try p.insertLeaf(index, key: key, value: value)
            return true
        }
        let size = TreePage.leafEntrySize(key: key.count, value: value.count)
        return try withUnsafeTemporaryAllocation(byteCount: size, alignment: 8) { (raw) throws(StorageError) -> Bool in
            guard let base = raw.baseAddress else { throw .corrupt }
            base.diskStore(UInt16(truncatingIfNeeded: key.count), at: 0)
            base.diskStore(UInt16(truncatingIfNeeded: value.count), at: 2)
            if let k = key.baseAddress, key.count > 0 {
                (base + TreePage.leafEntryHeader).copyMemory(from: k, byteCount: key.count)
            }
            if let v = value.baseAddress, value.count > 0 {
                (base + TreePage.leafEntryHeader + key.count).copyMemory(from: v, byteCount: value.count)
            }
            if try split(space, path: path, depth: depth, entry: UnsafeRawBufferPointer(raw), at: index) { return true }
            guard index > 0, index < p.count else { throw .entryTooBig }
            guard try split(space, path: path, depth: depth, entry: nil, at: index) else { throw .corrupt }
            return false
        }
    }

    /// The key inside an encoded entry of a page of this kind.
    private static func key(ofRaw raw: UnsafeRawBufferPointer, leaf: Bool) -> UnsafeRawBufferPointer {
        guard let base = raw.baseAddress else { return raw }
        let length = Int(base.diskLoad(0, as: UInt16.self))
        let header = leaf ? TreePage.leafEntryHeader : TreePage.branchEntryHeader
        return UnsafeRawBufferPointer(start: base + header, count: min(length, raw.count - header))
    }

    /// The page at `depth` cannot take `entry` at `index`: its entries and the new one go to two pages (the root's
    /// to two new children), and the right page's first key, shortened for leaves to the shortest prefix still
    /// above the left page's last key, goes up to the parent. With no `entry`, the page is cut before its entry
    /// `index` (0 < index < count). False, with nothing changed, when no two-way split fits.
    private static func split(
        _ space: some PageSpace, path: Path, depth: Int, entry: UnsafeRawBufferPointer?, at index: Int
    ) throws(StorageError) -> Bool {
        let pgno = path[depth].pgno
        let target = TreePage(try space.write(pgno))
        let oldCount = target.count
        let items = oldCount + (entry == nil ? 0 : 1)
        guard index >= 0, index <= oldCount, entry != nil || (index > 0 && index < oldCount) else { throw .corrupt }
        let snapshot = try PageRef(pgno: 0, pageSize: space.pageSize)
        snapshot.bytes.copyMemory(from: target.base, byteCount: space.pageSize)
        let old = TreePage(snapshot)
        let isLeaf = old.isLeaf
        let level = old.level
        func item(_ j: Int) throws(StorageError) -> UnsafeRawBufferPointer {
            guard let entry else { return try old.rawEntry(j) }
            return j < index ? try old.rawEntry(j) : j == index ? entry : try old.rawEntry(j - 1)
        }
        let k: Int
        if entry == nil {
            k = index
        } else {
            guard let point = try splitPoint(
                count: items, newAt: index, capacity: TreePage.capacity(space.pageSize), item)
            else { return false }
            k = point
        }

        // The separator: taken before any page is rewritten (it points into `snapshot` or `entry`).
        let leftLast = key(ofRaw: try item(k - 1), leaf: isLeaf)
        let rightFirst = key(ofRaw: try item(k), leaf: isLeaf)
        let separator: UnsafeRawBufferPointer
        if isLeaf {
            var common = 0
            let limit = min(leftLast.count, rightFirst.count)
            while common < limit && leftLast[common] == rightFirst[common] { common += 1 }
            separator = UnsafeRawBufferPointer(rebasing: rightFirst[0..<min(common + 1, rightFirst.count)])
        } else {
            separator = rightFirst
        }

        func fill(_ page: TreePage, _ range: Range<Int>) throws(StorageError) {
            page.format(isLeaf ? .leaf : .branch, level: level)
            for j in range {
                let raw = try item(j)
                if !isLeaf && j == range.lowerBound {
                    // A branch page's first key is never used: stored empty.
                    guard let base = raw.baseAddress else { throw .corrupt }
                    try page.insertBranch(page.count, key: UnsafeRawBufferPointer(start: nil, count: 0),
                        child: base.diskLoad(2, as: UInt32.self))
                } else {
                    try page.append(raw: raw)
                }
            }
        }

        let right = try space.allocate()
        try fill(TreePage(right), k..<items)
        if depth == 0 {
            guard level < TreePage.maxLevel else { throw .entryTooBig }
            let left = try space.allocate()
            try fill(TreePage(left), 0..<k)
            target.format(.branch, level: level + 1)
            try target.insertBranch(0, key: UnsafeRawBufferPointer(start: nil, count: 0), child: left.pgno)
            try target.insertBranch(1, key: separator, child: right.pgno)
            return true
        }
        try fill(target, 0..<k)
        let parentIndex = path[depth - 1].index + 1
        let parent = TreePage(try space.write(path[depth - 1].pgno))
        if try parent.makeRoom(TreePage.branchEntrySize(key: separator.count)) {
            try parent.insertBranch(parentIndex, key: separator, child: right.pgno)
            return true
        }
        let size = TreePage.branchEntrySize(key: separator.count)
        try withUnsafeTemporaryAllocation(byteCount: size, alignment: 8) { (raw) throws(StorageError) in
            guard let base = raw.baseAddress else { throw .corrupt }
            base.diskStore(UInt16(truncatingIfNeeded: separator.count), at: 0)
            base.diskStore(right.pgno, at: 2)
            if let s = separator.baseAddress, separator.count > 0 {
                (base + TreePage.branchEntryHeader).copyMemory(from: s, byteCount: separator.count)
            }
            // Branch entries are at most half a page (maxKeySize): some two-way split always fits.
            guard try split(space, path: path, depth: depth - 1, entry: UnsafeRawBufferPointer(raw), at: parentIndex)
            else { throw .corrupt }
        }
        return true
    }

    /// How many of the `count` entries stay left. An entry added at the end goes alone to the right page (and one
    /// added at the start alone to the left), so keys inserted in order fill pages completely; otherwise the bytes
    /// are halved. Each side must fit a page; nil when no point does.
    private static func splitPoint(
        count: Int, newAt index: Int, capacity: Int, _ item: (Int) throws(StorageError) -> UnsafeRawBufferPointer
    ) throws(StorageError) -> Int? {
        guard count >= 2 else { throw .corrupt }
        var total = 0
        for j in 0..<count { total += try item(j).count + TreePage.slotSize }
        func fits(_ k: Int) throws(StorageError) -> Bool {
            var left = 0
            for j in 0..<k { left += try item(j).count + TreePage.slotSize }
            return left <= capacity && total - left <= capacity
        }
        if index == count - 1, try fits(count - 1) { return count - 1 }
        if index == 0, try fits(1) { return 1 }
        var best: Int? = nil
        var bestImbalance = Int.max
        var left = 0
        for k in 1..<count {
            left += try item(k - 1).count + TreePage.slotSize
            let right = total - left
            if left <= capacity && right <= capacity && abs(left - right) < bestImbalance {
                best = k
                bestImbalance = abs(left - right)
            }
        }
        return best
    }

    /// The page at `depth` became empty: freed and removed from its parent, up as far as pages empty out. An
    /// emptied root becomes an empty leaf; a root left with one child takes that child's entries.
    private static func unlink(_ space: some PageSpace, path: Path, depth: Int) throws(StorageError) {
        var depth = depth
        while depth > 0 {
            try space.free(path[depth].pgno)
            let parent = TreePage(try space.write(path[depth - 1].pgno))
            try parent.remove(path[depth - 1].index)
            if parent.count > 0 { break }
            depth -= 1
        }
        let root = TreePage(try space.write(path[0].pgno))
        if root.count == 0 {
            root.format(.leaf, level: 0)
            return
        }
        while !root.isLeaf && root.count == 1 {
            let childPgno = try root.branchEntry(0).child
            let child = try page(space, childPgno, level: root.level - 1)
            // The page's own 12 bytes (checksum, number) stay the root's.
            root.base.advanced(by: TreePage.kindOffset).copyMemory(
                from: child.bytes.advanced(by: TreePage.kindOffset), byteCount: space.pageSize - TreePage.kindOffset)
            try space.free(childPgno)
        }
    }

    // MARK: Whole trees

    /// Every page of the tree, each once, parents before children.
    package static func forEachPage(
        _ space: some PageSpace, root: UInt32, _ body: (UInt32) throws(StorageError) -> Void
    ) throws(StorageError) {
        func visit(_ pgno: UInt32, level: Int?, depth: Int) throws(StorageError) {
            guard depth < maxDepth else { throw .corrupt }
            // Held while its children are visited: `p` is only a raw pointer, and the cache may drop the page
            // meanwhile (its buffer would then hold a child read after it).
            let page = try page(space, pgno, level: level)
            defer { withExtendedLifetime(page) {} }
            let p = TreePage(page)
            try body(pgno)
            if p.isLeaf { return }
            for i in 0..<p.count { try visit(try p.branchEntry(i).child, level: p.level - 1, depth: depth + 1) }
        }
        try visit(root, level: nil, depth: 0)
    }

    /// Frees every page, the root too.
    package static func destroy(_ space: some PageSpace, root: UInt32) throws(StorageError) {
        var pages: [UInt32] = []
        try forEachPage(space, root: root) { (pgno) throws(StorageError) in pages.append(pgno) }
        for pgno in pages { try space.free(pgno) }
    }

    /// Entries in the tree, counting stops at `limit`.
    package static func count(_ space: some PageSpace, root: UInt32, limit: Int) throws(StorageError) -> Int {
        var total = 0
        func visit(_ pgno: UInt32, level: Int?, depth: Int) throws(StorageError) {
            guard depth < maxDepth else { throw .corrupt }
            let page = try page(space, pgno, level: level)  // held while its children are visited (forEachPage)
            defer { withExtendedLifetime(page) {} }
            let p = TreePage(page)
            if p.isLeaf {
                total += p.count
                return
            }
            for i in 0..<p.count where total < limit {
                try visit(try p.branchEntry(i).child, level: p.level - 1, depth: depth + 1)
            }
        }
        guard limit > 0 else { return 0 }
        try visit(root, level: nil, depth: 0)
        return min(total, limit)
    }

    /// Checks the whole tree's structure: every page sound (header, entries inside it and not overlapping, space
    /// accounted for), keys strictly increasing and within their parent's separators, leaves all at level 0, no
    /// page reached twice, no empty page but an empty root, no entry over the size limit. Returns the entry count.
    package static func verify(_ space: some PageSpace, root: UInt32) throws(StorageError) -> Int {
        var seen = Set<UInt32>()
        var entries = 0
        let maxEntry = maxEntrySize(pageSize: space.pageSize)
        let maxKey = maxKeySize(pageSize: space.pageSize)
        func visit(
            _ pgno: UInt32, level: Int?, depth: Int, lower: [UInt8]?, upper: [UInt8]?
        ) throws(StorageError) {
            guard depth < maxDepth, seen.insert(pgno).inserted else { throw .corrupt }
            let page = try page(space, pgno, level: level)  // held while its children are visited (forEachPage)
            defer { withExtendedLifetime(page) {} }
            let p = TreePage(page)
            if depth > 0 && p.count == 0 { throw .corrupt }
            var spans: [(Int, Int)] = []
            var previous: [UInt8]? = nil
            for i in 0..<p.count {
                let raw = try p.rawEntry(i)
                guard let start = raw.baseAddress else { throw .corrupt }
                spans.append((UnsafeRawPointer(p.base).distance(to: start), raw.count))
                if !p.isLeaf && i == 0 { continue }
                let key = try p.key(i)
                if key.count > maxKey || (p.isLeaf && raw.count - TreePage.leafEntryHeader > maxEntry) {
                    throw .corrupt
                }
                if let previous, KeyOrder.compare(previous, key) >= 0 { throw .corrupt }
                if let lower, KeyOrder.compare(lower, key) > 0 { throw .corrupt }
                if let upper, KeyOrder.compare(upper, key) <= 0 { throw .corrupt }
                previous = [UInt8](key)
            }
            spans.sort { $0.0 < $1.0 }
            var end = p.upper
            var live = 0
            for (start, length) in spans {
                guard start >= end else { throw .corrupt }
                end = start + length
                live += length
            }
            guard end <= p.size, live + p.garbage == p.size - p.upper else { throw .corrupt }
            if p.isLeaf {
                entries += p.count
                return
            }
            for i in 0..<p.count {
                let low = i == 0 ? lower : [UInt8](try p.branchEntry(i).key)
                let high = i + 1 < p.count ? [UInt8](try p.branchEntry(i + 1).key) : upper
                try visit(try p.branchEntry(i).child, level: p.level - 1, depth: depth + 1, lower: low, upper: high)
            }
        }
        try visit(root, level: nil, depth: 0, lower: nil, upper: nil)
        return entries
    }
}
