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

    /// The mutable position, kept in memory the cursor owns: a step is a few loads and stores, with none of the
    /// run-time exclusivity bookkeeping and reference counting that class properties and arrays of pages cost.
    private struct Position {
        var state = State.beforeFirst
        /// The depth of the leaf in the levels while on an entry or in a gap.
        var leafDepth = 0
        /// The leaf's bytes (kept alive by its level) and index, for steps within it.
        var leaf: TreePage?
        var index = 0
    }

    private struct Level {
        var page: PageRef?
        var index: Int
    }

    package let space: Space
    package let root: UInt32
    private let levels: UnsafeMutablePointer<Level>
    private let position: UnsafeMutablePointer<Position>

    package init(space: Space, root: UInt32) {
        self.space = space
        self.root = root
        levels = .allocate(capacity: BTree.maxDepth)
        levels.initialize(repeating: Level(page: nil, index: 0), count: BTree.maxDepth)
        position = .allocate(capacity: 1)
        position.initialize(to: Position())
    }

    deinit {
        levels.deinitialize(count: BTree.maxDepth)
        levels.deallocate()
        position.deinitialize(count: 1)
        position.deallocate()
    }

    package var isPositioned: Bool { position.pointee.state == .on }

    private enum Edge { case first, last }

    /// Makes the page at `depth` the leaf the position steps in.
    @inline(__always)
    private func enterLeaf(_ depth: Int, _ page: PageRef, index: Int) {
        position.pointee.leafDepth = depth
        position.pointee.leaf = TreePage(page)
        position.pointee.index = index
        levels[depth].index = index
    }

    /// Goes down from the page at `depth` (already in `levels`, with its index chosen) to a leaf, taking the first
    /// or last child on the way; the leaf's index is set to its first or last entry.
    private func descend(from depth: Int, _ edge: Edge) throws(StorageError) {
        var depth = depth
        guard var page = levels[depth].page else { throw .corrupt }
        while true {
            let p = TreePage(page)
            if p.isLeaf {
                enterLeaf(depth, page, index: edge == .first ? 0 : p.count - 1)
                return
            }
            guard depth + 1 < BTree.maxDepth else { throw .corrupt }
            page = try BTree.page(space, try p.branchEntry(levels[depth].index).child, level: p.level - 1)
            depth += 1
            levels[depth].page = page
            levels[depth].index = edge == .first ? 0 : TreePage(page).count - 1
        }
    }

    /// Settles on the leaf entry at the position's index if there is one, else moves on (next leaf's first entry
    /// going forward, previous leaf's last going back) until one is found or the tree ends.
    private func settle(forward: Bool) throws(StorageError) -> Bool {
        while true {
            guard let leaf = position.pointee.leaf else { throw .corrupt }
            let index = position.pointee.index
            if index >= 0 && index < leaf.count {
                _ = try leaf.leafEntry(index)  // checked once here, so withEntry can hand it out as is
                position.pointee.state = .on
                return true
            }
            // Up to the nearest level that has a neighbour in that direction, then down its edge.
            var depth = position.pointee.leafDepth - 1
            while depth >= 0 {
                guard let page = levels[depth].page else { throw .corrupt }
                let next = levels[depth].index + (forward ? 1 : -1)
                if next >= 0 && next < TreePage(page).count {
                    levels[depth].index = next
                    break
                }
                depth -= 1
            }
            guard depth >= 0 else {
                position.pointee.state = forward ? .afterLast : .beforeFirst
                return false
            }
            try descend(from: depth, forward ? .first : .last)
        }
    }

    /// Down to the leaf that holds or would hold `key`; the position's index is the key's lower bound there.
    private func find(_ key: UnsafeRawBufferPointer) throws(StorageError) -> Bool {
        position.pointee.state = .beforeFirst
        var page = try BTree.page(space, root, level: nil)
        levels[0].page = page
        var depth = 0
        while true {
            let p = TreePage(page)
            if p.isLeaf {
                let (index, found) = try p.lowerBound(key)
                enterLeaf(depth, page, index: index)
                return found
            }
            let index = try p.childIndex(key)
            levels[depth].index = index
            guard depth + 1 < BTree.maxDepth else { throw .corrupt }
            page = try BTree.page(space, try p.branchEntry(index).child, level: p.level - 1)
            depth += 1
            levels[depth].page = page
        }
    }

    package func seek(_ key: UnsafeRawBufferPointer, _ mode: TreeSeek) throws(StorageError) -> Bool {
        let found = try find(key)
        switch mode {
        case .ge:
            return try settle(forward: true)
        case .le:
            if !found { position.pointee.index -= 1 }
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
        if try find(key) { return try settle(forward: true) }
        position.pointee.state = .gap
        return false
    }

    private func edge(_ edge: Edge) throws(StorageError) -> Bool {
        position.pointee.state = .beforeFirst
        let root = try BTree.page(space, root, level: nil)
        levels[0].page = root
        levels[0].index = edge == .first ? 0 : TreePage(root).count - 1
        try descend(from: 0, edge)
        return try settle(forward: edge == .first)
    }

    package func first() throws(StorageError) -> Bool { try edge(.first) }

    package func last() throws(StorageError) -> Bool { try edge(.last) }

    package func next() throws(StorageError) -> Bool {
        switch position.pointee.state {
        case .beforeFirst: return try first()
        case .afterLast: return false
        case .on:
            position.pointee.index += 1
            return try settle(forward: true)
        case .gap:
            return try settle(forward: true)
        }
    }

    package func previous() throws(StorageError) -> Bool {
        switch position.pointee.state {
        case .beforeFirst: return false
        case .afterLast: return try last()
        case .on, .gap:
            position.pointee.index -= 1
            return try settle(forward: false)
        }
    }

    /// `withEntry` for a body that returns nothing (no generic plumbing); false if not on an entry. The body must
    /// not move this cursor: the leaf is kept alive by the cursor's levels, not retained again for the body (two
    /// atomic operations saved on every read).
    @inline(__always)
    package func visitEntry(_ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) -> Void) -> Bool {
        guard position.pointee.state == .on, let leaf = position.pointee.leaf,
            let (key, value) = try? leaf.leafEntry(position.pointee.index)
        else { return false }
        body(key, value)
        return true
    }

    /// The current entry's key and value, pointing into the page (valid only inside body); nil if not on one.
    package func withEntry<R, E: Error>(
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R? {
        guard position.pointee.state == .on, let leaf = position.pointee.leaf,
            let (key, value) = try? leaf.leafEntry(position.pointee.index)
        else { return nil }
        // Held for the body, which might move this cursor (and so let go of the leaf) while it reads.
        return try withExtendedLifetime(levels[position.pointee.leafDepth].page) { () throws(E) -> R in
            try body(key, value)
        }
    }
}
