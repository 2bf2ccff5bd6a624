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
