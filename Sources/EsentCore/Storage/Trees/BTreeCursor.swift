/// A position in a B+tree: the page and entry index at each level from the root down, so moving to a neighbouring
/// leaf goes up only as far as needed. The pages are the ones read when the cursor got there: after the tree is
/// changed the owner re-seeks (`relocate` keeps the place of a key that was deleted). Moving and seeking allocate
/// nothing once the cursor exists; `withEntry` hands out pointers into the leaf.
package final class BTreeCursor<Space: PageSpace> {
    private enum State {
        case beforeFirst
        case afterLast
        /// On the entry at the leaf's index.
        case on
        /// Between entries: the leaf's index is the place of the first entry after it (possibly the leaf's count).
        case gap
    }

    package let space: Space
    package let root: UInt32
    private var pages: [PageRef?]
    private var indexes: [Int]
    /// The depth of the leaf in `pages`/`indexes` while on an entry or in a gap.
    private var leafDepth = 0
    private var state = State.beforeFirst

    package init(space: Space, root: UInt32) {
        self.space = space
        self.root = root
        pages = Array(repeating: nil, count: BTree.maxDepth)
        indexes = Array(repeating: 0, count: BTree.maxDepth)
    }

    package var isPositioned: Bool { state == .on }

    private enum Edge { case first, last }

    /// Goes down from the page at `depth` (already in `pages`, with its index chosen) to a leaf, taking the first
    /// or last child on the way; the leaf's index is set to its first or last entry.
    private func descend(from depth: Int, _ edge: Edge) throws(StorageError) {
        var depth = depth
        while true {
            guard let page = pages[depth] else { throw .corrupt }
            let p = TreePage(page)
            if p.isLeaf {
                leafDepth = depth
                indexes[depth] = edge == .first ? 0 : p.count - 1
                return
            }
            guard depth + 1 < BTree.maxDepth else { throw .corrupt }
            let child = try BTree.page(space, try p.branchEntry(indexes[depth]).child, level: p.level - 1)
            depth += 1
            pages[depth] = child
            indexes[depth] = edge == .first ? 0 : TreePage(child).count - 1
        }
    }

    private func loadRoot() throws(StorageError) {
        pages[0] = try BTree.page(space, root, level: nil)
    }

    /// Settles on the leaf entry at `indexes[leafDepth]` if there is one, else moves on (next leaf's first entry
    /// going forward, previous leaf's last going back) until one is found or the tree ends.
    private func settle(forward: Bool) throws(StorageError) -> Bool {
        while true {
            guard let leaf = pages[leafDepth] else { throw .corrupt }
            let p = TreePage(leaf)
            let index = indexes[leafDepth]
            if index >= 0 && index < p.count {
                _ = try p.leafEntry(index)  // checked once here, so withEntry can hand it out as is
                state = .on
                return true
            }
            // Up to the nearest level that has a neighbour in that direction, then down its edge.
            var depth = leafDepth - 1
            while depth >= 0 {
                guard let page = pages[depth] else { throw .corrupt }
                let next = indexes[depth] + (forward ? 1 : -1)
                if next >= 0 && next < TreePage(page).count {
                    indexes[depth] = next
                    break
                }
                depth -= 1
            }
            guard depth >= 0 else {
                state = forward ? .afterLast : .beforeFirst
                return false
            }
            try descend(from: depth, forward ? .first : .last)
        }
    }

    /// Down to the leaf that holds or would hold `key`; the leaf's index is the key's lower bound.
    private func find(_ key: UnsafeRawBufferPointer) throws(StorageError) -> Bool {
        try loadRoot()
        var depth = 0
        while true {
            guard let page = pages[depth] else { throw .corrupt }
            let p = TreePage(page)
            if p.isLeaf {
                leafDepth = depth
                let (index, found) = try p.lowerBound(key)
                indexes[depth] = index
                return found
            }
            let index = try p.childIndex(key)
            indexes[depth] = index
            guard depth + 1 < BTree.maxDepth else { throw .corrupt }
            let child = try BTree.page(space, try p.branchEntry(index).child, level: p.level - 1)
            depth += 1
            pages[depth] = child
        }
    }

    package func seek(_ key: UnsafeRawBufferPointer, _ mode: TreeSeek) throws(StorageError) -> Bool {
        state = .beforeFirst
        let found = try find(key)
        switch mode {
        case .ge:
            return try settle(forward: true)
        case .le:
            if !found { indexes[leafDepth] -= 1 }
            return try settle(forward: false)
        case .eq:
            guard found else { return false }
            return try settle(forward: true)
        }
    }

    /// Goes to `key` if it is there, else to the gap where it would be (not positioned; `next` gives the first
    /// entry after it, `previous` the last before it). Returns whether the key is there. For owners that re-seek
    /// after the tree changed under the cursor.
    package func relocate(_ key: UnsafeRawBufferPointer) throws(StorageError) -> Bool {
        state = .beforeFirst
        if try find(key) { return try settle(forward: true) }
        state = .gap
        return false
    }

    package func first() throws(StorageError) -> Bool {
        state = .beforeFirst
        try loadRoot()
        indexes[0] = 0
        try descend(from: 0, .first)
        return try settle(forward: true)
    }

    package func last() throws(StorageError) -> Bool {
        state = .beforeFirst
        try loadRoot()
        guard let root = pages[0] else { throw .corrupt }
        indexes[0] = TreePage(root).count - 1
        try descend(from: 0, .last)
        return try settle(forward: false)
    }

    package func next() throws(StorageError) -> Bool {
        switch state {
        case .beforeFirst: return try first()
        case .afterLast: return false
        case .on:
            indexes[leafDepth] += 1
            return try settle(forward: true)
        case .gap:
            return try settle(forward: true)
        }
    }

    package func previous() throws(StorageError) -> Bool {
        switch state {
        case .beforeFirst: return false
        case .afterLast: return try last()
        case .on, .gap:
            indexes[leafDepth] -= 1
            return try settle(forward: false)
        }
    }

    /// The current entry's key and value, pointing into the page (valid only inside body); nil if not on one.
    package func withEntry<R, E: Error>(
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R? {
        guard state == .on, let leaf = pages[leafDepth],
            let (key, value) = try? TreePage(leaf).leafEntry(indexes[leafDepth])
        else { return nil }
        return try withExtendedLifetime(leaf) { () throws(E) -> R in try body(key, value) }
    }
}
