import Glibc

/// The body of a B+tree page (docs/file-formats.md, "B+tree pages"): a slotted page. After the engine's 12 bytes a
/// 12-byte tree header, then an array of 2-byte entry offsets in key order growing up, and the entries themselves
/// packed from the end of the page growing down. A leaf entry is `keyLength u16, valueLength u16, key, value`; a
/// branch entry is `keyLength u16, child u32, key`, and child i holds the keys k with key(i) <= k < key(i + 1); the
/// key of branch entry 0 is not used (it is stored empty).
///
/// Every accessor that reads a length or an offset from the page checks it against the page, so a damaged page
/// gives `.corrupt` and never a read outside it. Ordering is not checked on the way (that is `BTree.verify`): a
/// page whose keys are out of order gives wrong answers, never a trap.
struct TreePage {
    enum Kind: UInt8 {
        case leaf = 1
        case branch = 2
    }

    static let kindOffset = 12  // UInt8
    static let levelOffset = 13  // UInt8: 0 for a leaf, a branch's children are one level lower
    static let countOffset = 14  // UInt16: entries
    static let upperOffset = 16  // UInt16: where the packed entries start (pageSize when there are none)
    static let garbageOffset = 18  // UInt16: bytes of dead entries between upper and the page's end
    static let reservedOffset = 20  // UInt32, zero
    static let slotsOffset = 24
    static let slotSize = 2
    static let leafEntryHeader = 4
    static let branchEntryHeader = 6
    /// Deeper than any tree of 2^32 pages gets; a page claiming more is damaged.
    static let maxLevel = 40
    /// Offsets are 16-bit: the layout serves pages up to 32 KiB.
    static let maxPageSize = 32768

    let base: UnsafeMutableRawPointer
    let size: Int

    init(_ page: PageRef) {
        base = page.bytes
        size = page.pageSize
    }

    init(base: UnsafeMutableRawPointer, size: Int) {
        self.base = base
        self.size = size
    }

    // MARK: Header

    var kindByte: UInt8 { base.diskLoad(Self.kindOffset, as: UInt8.self) }
    var isLeaf: Bool { kindByte == Kind.leaf.rawValue }
    var level: Int { Int(base.diskLoad(Self.levelOffset, as: UInt8.self)) }
    var count: Int { Int(base.diskLoad(Self.countOffset, as: UInt16.self)) }
    var upper: Int { Int(base.diskLoad(Self.upperOffset, as: UInt16.self)) }
    var garbage: Int { Int(base.diskLoad(Self.garbageOffset, as: UInt16.self)) }
    var slotsEnd: Int { Self.slotsOffset + Self.slotSize * count }
    /// Contiguous free bytes between the slot array and the entries.
    var free: Int { upper - slotsEnd }
    /// Bytes used by slots and live entries.
    var used: Int { slotsEnd - Self.slotsOffset + (size - upper - garbage) }
    static func capacity(_ pageSize: Int) -> Int { pageSize - slotsOffset }

    private func setCount(_ n: Int) { base.diskStore(UInt16(truncatingIfNeeded: n), at: Self.countOffset) }
    private func setUpper(_ n: Int) { base.diskStore(UInt16(truncatingIfNeeded: n), at: Self.upperOffset) }
    private func setGarbage(_ n: Int) { base.diskStore(UInt16(truncatingIfNeeded: n), at: Self.garbageOffset) }

    /// The header's own consistency, and that the page is the kind and level its parent says. `level` nil: the root,
    /// whose level is whatever it says.
    func validate(level expected: Int?) throws(StorageError) {
        guard size > Self.slotsOffset, size <= Self.maxPageSize else { throw .corrupt }
        let kind = kindByte
        guard kind == Kind.leaf.rawValue || kind == Kind.branch.rawValue else { throw .corrupt }
        let level = self.level
        guard (kind == Kind.leaf.rawValue) == (level == 0), level <= Self.maxLevel else { throw .corrupt }
        if let expected, expected != level { throw .corrupt }
        guard slotsEnd <= upper, upper <= size, garbage <= size - upper else { throw .corrupt }
        // A branch page always has a child to go to.
        if kind == Kind.branch.rawValue && count == 0 { throw .corrupt }
    }

    /// Formats an empty page of `kind` (bytes 0..<12 are left alone).
    func format(_ kind: Kind, level: Int) {
        (base + Self.kindOffset).initializeMemory(as: UInt8.self, repeating: 0, count: Self.slotsOffset - Self.kindOffset)
        base.diskStore(kind.rawValue, at: Self.kindOffset)
        base.diskStore(UInt8(truncatingIfNeeded: level), at: Self.levelOffset)
        setUpper(size)
    }

    // MARK: Entries (checked)

    /// The offset of entry `i`'s bytes, with at least `header` bytes inside the page.
    @inline(__always)
    private func entryOffset(_ i: Int, header: Int) throws(StorageError) -> Int {
        guard i >= 0, i < count else { throw .corrupt }
        let offset = Int(base.diskLoad(Self.slotsOffset + Self.slotSize * i, as: UInt16.self))
        guard offset >= slotsEnd, offset + header <= size else { throw .corrupt }
        return offset
    }

    /// Leaf entry `i`'s key and value, pointing into the page.
    @inline(__always)
    func leafEntry(_ i: Int) throws(StorageError) -> (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        let offset = try entryOffset(i, header: Self.leafEntryHeader)
        let keyLength = Int(base.diskLoad(offset, as: UInt16.self))
        let valueLength = Int(base.diskLoad(offset + 2, as: UInt16.self))
        let keyStart = offset + Self.leafEntryHeader
        guard keyStart + keyLength + valueLength <= size else { throw .corrupt }
        return (
            UnsafeRawBufferPointer(start: base + keyStart, count: keyLength),
            UnsafeRawBufferPointer(start: base + keyStart + keyLength, count: valueLength)
        )
    }

    @inline(__always)
    func leafKey(_ i: Int) throws(StorageError) -> UnsafeRawBufferPointer { try leafEntry(i).key }

    /// Branch entry `i`'s key (empty for entry 0) and child page.
    @inline(__always)
    func branchEntry(_ i: Int) throws(StorageError) -> (key: UnsafeRawBufferPointer, child: UInt32) {
        let offset = try entryOffset(i, header: Self.branchEntryHeader)
        let keyLength = Int(base.diskLoad(offset, as: UInt16.self))
        let keyStart = offset + Self.branchEntryHeader
        guard keyStart + keyLength <= size else { throw .corrupt }
        let child = base.diskLoad(offset + 2, as: UInt32.self)
        return (UnsafeRawBufferPointer(start: base + keyStart, count: keyLength), child)
    }

    func key(_ i: Int) throws(StorageError) -> UnsafeRawBufferPointer {
        isLeaf ? try leafKey(i) : try branchEntry(i).key
    }

    /// The whole encoded entry `i` (header, key and value or child).
    func rawEntry(_ i: Int) throws(StorageError) -> UnsafeRawBufferPointer {
        if isLeaf {
            let (key, value) = try leafEntry(i)
            let start = UnsafeRawPointer(key.baseAddress ?? UnsafeRawPointer(base)) - Self.leafEntryHeader
            return UnsafeRawBufferPointer(start: start, count: Self.leafEntryHeader + key.count + value.count)
        }
        let (key, _) = try branchEntry(i)
        let start = UnsafeRawPointer(key.baseAddress ?? UnsafeRawPointer(base)) - Self.branchEntryHeader
        return UnsafeRawBufferPointer(start: start, count: Self.branchEntryHeader + key.count)
    }

    // MARK: Search

    /// Leaf: the first index whose key is >= `key`, and whether it is equal.
    @inline(__always)
    func lowerBound(_ key: UnsafeRawBufferPointer) throws(StorageError) -> (index: Int, found: Bool) {
        var low = 0
        var high = count
        var found = false
        while low < high {
            let mid = (low + high) >> 1
            let c = KeyOrder.compare(try leafKey(mid), key)
            if c < 0 {
                low = mid + 1
            } else {
                high = mid
                if c == 0 { found = true }
            }
        }
        return (low, found && low < count)
    }

    /// Branch: the entry whose child covers `key` (the last entry whose key is <= `key`; entry 0 covers the rest).
    @inline(__always)
    func childIndex(_ key: UnsafeRawBufferPointer) throws(StorageError) -> Int {
        var low = 1
        var high = count
        while low < high {
            let mid = (low + high) >> 1
            if KeyOrder.compare(try branchEntry(mid).key, key) <= 0 { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    // MARK: Changes (on a page validated before, in the transaction's writable copy)

    static func leafEntrySize(key: Int, value: Int) -> Int { leafEntryHeader + key + value }
    static func branchEntrySize(key: Int) -> Int { branchEntryHeader + key }

    /// Room for one more entry of `bytes` (plus its slot), compacting the page when dead entries are in the way.
    /// False: the page must split.
    func makeRoom(_ bytes: Int) throws(StorageError) -> Bool {
        let needed = bytes + Self.slotSize
        if needed <= free { return true }
        guard needed <= free + garbage else { return false }
        try compact()
        return needed <= free
    }

    /// Reserves `bytes` for a new entry at slot `i` (room checked by `makeRoom`) and returns where to write it.
    private func insertSlot(_ i: Int, bytes: Int) throws(StorageError) -> UnsafeMutableRawPointer {
        // Checked again here: a page whose entries overlap can claim room that a rebuild does not find.
        guard bytes + Self.slotSize <= free, i >= 0, i <= count else { throw .corrupt }
        let n = count
        let slot = Self.slotsOffset + Self.slotSize * i
        if i < n { memmove(base + slot + Self.slotSize, base + slot, Self.slotSize * (n - i)) }
        let offset = upper - bytes
        base.diskStore(UInt16(truncatingIfNeeded: offset), at: slot)
        setUpper(offset)
        setCount(n + 1)
        return base + offset
    }

    func insertLeaf(_ i: Int, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws(StorageError) {
        let p = try insertSlot(i, bytes: Self.leafEntrySize(key: key.count, value: value.count))
        p.diskStore(UInt16(truncatingIfNeeded: key.count), at: 0)
        p.diskStore(UInt16(truncatingIfNeeded: value.count), at: 2)
        if let k = key.baseAddress, key.count > 0 { (p + Self.leafEntryHeader).copyMemory(from: k, byteCount: key.count) }
        if let v = value.baseAddress, value.count > 0 {
            (p + Self.leafEntryHeader + key.count).copyMemory(from: v, byteCount: value.count)
        }
    }

    func insertBranch(_ i: Int, key: UnsafeRawBufferPointer, child: UInt32) throws(StorageError) {
        let p = try insertSlot(i, bytes: Self.branchEntrySize(key: key.count))
        p.diskStore(UInt16(truncatingIfNeeded: key.count), at: 0)
        p.diskStore(child, at: 2)
        if let k = key.baseAddress, key.count > 0 {
            (p + Self.branchEntryHeader).copyMemory(from: k, byteCount: key.count)
        }
    }

    /// Appends an already encoded entry (a split or a compaction rebuilding a page in order).
    func append(raw: UnsafeRawBufferPointer) throws(StorageError) {
        guard let source = raw.baseAddress else { throw .corrupt }
        try insertSlot(count, bytes: raw.count).copyMemory(from: source, byteCount: raw.count)
    }

    func remove(_ i: Int) throws(StorageError) {
        let dead = try rawEntry(i).count
        let n = count
        let slot = Self.slotsOffset + Self.slotSize * i
        if i + 1 < n { memmove(base + slot, base + slot + Self.slotSize, Self.slotSize * (n - i - 1)) }
        setCount(n - 1)
        if n == 1 {
            setUpper(size)
            setGarbage(0)
        } else {
            setGarbage(garbage + dead)
        }
    }

    /// Overwrites leaf entry `i`'s value in place (same length).
    func overwriteValue(_ i: Int, _ value: UnsafeRawBufferPointer) throws(StorageError) {
        let (_, old) = try leafEntry(i)
        guard old.count == value.count, let target = old.baseAddress, let source = value.baseAddress else { return }
        UnsafeMutableRawPointer(mutating: target).copyMemory(from: source, byteCount: value.count)
    }

    /// Rewrites the live entries packed at the end of the page, so the garbage becomes free space.
    func compact() throws(StorageError) {
        let copy = try PageRef(pgno: 0, pageSize: size)
        copy.bytes.copyMemory(from: base, byteCount: size)
        let old = TreePage(copy)
        let kind: Kind = isLeaf ? .leaf : .branch
        format(kind, level: level)
        for i in 0..<old.count { try append(raw: try old.rawEntry(i)) }
    }
}
