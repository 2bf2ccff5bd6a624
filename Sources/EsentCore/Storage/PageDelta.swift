/// The changed byte ranges of a page against its previous state: the body of a `.pageDelta` log record
/// (docs/file-formats.md). Ranges are back to back, each a UInt16 offset, a UInt16 length (1 or more) and that
/// many bytes, in ascending offset order without overlap.
enum PageDelta {
    static let rangeHeader = 4
    /// Unchanged runs shorter than this stay inside a range: a new range header costs about as much.
    static let mergeGap = 8
    /// The largest page a database may have; offsets and lengths stay below it.
    static let maxPageSize = 32768

    /// The ranges that turn `old` into `new` (both `pageSize` bytes), or nil when they would take more than `limit`
    /// bytes (the caller logs the full image then). `limit` below 32768 keeps every length a UInt16.
    static func encode(old: UnsafeRawPointer, new: UnsafeRawPointer, pageSize: Int, limit: Int) -> [UInt8]? {
        precondition(limit < maxPageSize)
        var out: [UInt8] = []
        var i = 0
        while i < pageSize {
            // Equal words first: most of a page does not change.
            while i + 8 <= pageSize,
                old.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    == new.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            {
                i += 8
            }
            while i < pageSize, old.load(fromByteOffset: i, as: UInt8.self) == new.load(fromByteOffset: i, as: UInt8.self)
            {
                i += 1
            }
            guard i < pageSize else { break }
            let start = i
            var end = i + 1
            var j = end
            while j < pageSize, j - end < mergeGap {
                if old.load(fromByteOffset: j, as: UInt8.self) != new.load(fromByteOffset: j, as: UInt8.self) {
                    end = j + 1
                }
                j += 1
            }
            let length = end - start
            guard out.count + rangeHeader + length <= limit else { return nil }
            out.append(UInt8(truncatingIfNeeded: start))
            out.append(UInt8(truncatingIfNeeded: start >> 8))
            out.append(UInt8(truncatingIfNeeded: length))
            out.append(UInt8(truncatingIfNeeded: length >> 8))
            out.append(contentsOf: UnsafeRawBufferPointer(start: new + start, count: length))
            i = end
        }
        return out
    }

    /// The ranges are well formed for a page of `pageSize` bytes: complete headers and bytes, lengths of 1 or more,
    /// ascending and inside the page, at least one range.
    static func isWellFormed(_ ranges: UnsafeRawBufferPointer, pageSize: Int = maxPageSize) -> Bool {
        var i = 0
        var next = 0
        while i < ranges.count {
            guard ranges.count - i >= rangeHeader else { return false }
            let offset = Int(ranges[i]) | Int(ranges[i + 1]) << 8
            let length = Int(ranges[i + 2]) | Int(ranges[i + 3]) << 8
            i += rangeHeader
            guard length > 0, offset >= next, offset + length <= pageSize, ranges.count - i >= length else {
                return false
            }
            i += length
            next = offset + length
        }
        return i > 0
    }

    /// Writes the ranges into the page at `p`; false (the page untouched) when they are not well formed for
    /// `pageSize`.
    static func apply(_ ranges: [UInt8], to p: UnsafeMutableRawPointer, pageSize: Int) -> Bool {
        ranges.withUnsafeBytes { r in
            guard let base = r.baseAddress, isWellFormed(r, pageSize: pageSize) else { return false }
            var i = 0
            while i < r.count {
                let offset = Int(r[i]) | Int(r[i + 1]) << 8
                let length = Int(r[i + 2]) | Int(r[i + 3]) << 8
                i += rangeHeader
                (p + offset).copyMemory(from: base + i, byteCount: length)
                i += length
            }
            return true
        }
    }
}
