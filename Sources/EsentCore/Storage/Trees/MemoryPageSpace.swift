/// A `PageSpace` over pages in memory, for tests and benchmarks of the B+tree alone: no transactions, no copies
/// (`write` hands out the page itself), freed page numbers reused. Page numbers start at 1, as in a database.
package final class MemoryPageSpace: PageSpace {
    package let pageSize: Int
    /// Indexed by page number; nil for a free or never allocated one.
    package private(set) var pages: [PageRef?] = [nil]
    private var freed: [UInt32] = []

    package init(pageSize: Int) {
        self.pageSize = pageSize
    }

    /// Pages in use.
    package var pageCount: Int { pages.count - 1 - freed.count }

    package func read(_ pgno: UInt32) throws(StorageError) -> PageRef {
        let index = Int(pgno)
        guard index < pages.count, let page = pages[index] else { throw .corrupt }
        return page
    }

    package func write(_ pgno: UInt32) throws(StorageError) -> PageRef { try read(pgno) }

    package func allocate() throws(StorageError) -> PageRef {
        if let pgno = freed.popLast() {
            let page = try PageRef(pgno: pgno, pageSize: pageSize)
            pages[Int(pgno)] = page
            return page
        }
        guard pages.count <= Int(UInt32.max) else { throw .diskFull }
        let page = try PageRef(pgno: UInt32(pages.count), pageSize: pageSize)
        pages.append(page)
        return page
    }

    package func free(_ pgno: UInt32) throws(StorageError) {
        let index = Int(pgno)
        guard index > 0, index < pages.count, pages[index] != nil else { throw .corrupt }
        pages[index] = nil
        freed.append(pgno)
    }

    /// Replaces a page's bytes (tests feeding damaged pages).
    package func overwrite(_ pgno: UInt32, with bytes: [UInt8]) throws(StorageError) {
        let page = try read(pgno)
        bytes.withUnsafeBytes { source in
            guard let base = source.baseAddress else { return }
            page.bytes.copyMemory(from: base, byteCount: min(bytes.count, pageSize))
        }
    }
}

/// The loops of `make bench-btree`, compiled here so the tree's generic code is specialized for MemoryPageSpace as it
/// is for the engine's own page space (a caller in another module would run the unspecialized code).
package enum BTreeWorkload {
    /// Inserts each key (a 4-byte big-endian number) with `value`.
    package static func insert(
        _ space: MemoryPageSpace, root: UInt32, keys: some Sequence<UInt32>, value: [UInt8]
    ) throws(StorageError) {
        var key: UInt32 = 0
        for n in keys {
            key = n.bigEndian
            try withUnsafeBytes(of: &key) { (k) throws(StorageError) in
                try value.withUnsafeBufferPointer { (v) throws(StorageError) in
                    try BTree.insert(space, root: root, key: k, value: UnsafeRawBufferPointer(v))
                }
            }
        }
    }

    /// Seeks each key with one cursor and reads its value's first byte; returns their sum.
    package static func lookUp(_ space: MemoryPageSpace, root: UInt32, keys: [UInt32]) throws(StorageError) -> Int {
        let cursor = BTreeCursor(space: space, root: root)
        var sum = 0
        var key: UInt32 = 0
        for n in keys {
            key = n.bigEndian
            let found = try withUnsafeBytes(of: &key) { (k) throws(StorageError) in try cursor.seek(k, .eq) }
            if found { sum &+= cursor.withEntry { _, v in v.first.map(Int.init) ?? 0 } ?? 0 }
        }
        return sum
    }

    /// Reads the tree in key order; returns the total length of the keys.
    package static func scan(_ space: MemoryPageSpace, root: UInt32) throws(StorageError) -> Int {
        let cursor = BTreeCursor(space: space, root: root)
        var total = 0
        var more = try cursor.first()
        while more {
            total += cursor.withEntry { k, _ in k.count } ?? 0
            more = try cursor.next()
        }
        return total
    }
}
