// Normalised keys: the bytes an index orders its entries by (memcmp, shorter first). Non-text types follow ESE's
// fldnorm.cxx exactly, so key and bookmark lengths match Windows. Text:
//  - code page 1252: the bytes up to the first 0x00, `a`-`z` upper-cased (nothing else folded), then 0x00;
//  - code page 1200 (UTF-16LE): ESE uses Windows' LCMapString sort keys, which Linux does not have. Here the units
//    up to the first U+0000 are decoded (an unpaired surrogate becomes U+FFFD), each scalar is replaced by its
//    Unicode lowercase mapping, the result is written as UTF-8 and followed by 0x00. So keys are case-insensitive
//    for every script and order by code point. These bytes are stored in indexes, so this rule must not change.
//
// Each segment starts with a header byte: 0x7F value, 0x40 zero-length Text/Binary, 0x00 NULL (0xC0 with
// JET_bitIndexSortNullsHigh). A descending segment is the same bytes complemented. A key is cut at the index's
// cbKeyMost.

package enum KeyFormat {
    package static let headerValue: UInt8 = 0x7F
    package static let headerZeroLength: UInt8 = 0x40
    package static let headerNull: UInt8 = 0x00
    package static let headerNullHigh: UInt8 = 0xC0
    /// Longest key any index may have (JET_cbKeyMostMost), for 8 KiB pages and larger.
    package static let keyMostMost = 2000

    /// JET_cbKeyMost*KBytePage: the largest cbKeyMost an index may ask for with JET_bitIndexKeyMost.
    package static func keyMostLimit(pageSize: Int) -> Int {
        pageSize >= 8192 ? 2000 : pageSize >= 4096 ? 1000 : 500
    }

    /// One normalised segment (header included, complemented when descending) for `value` (nil: NULL) of `column`.
    /// `value` is the stored form; only the first `cbVarSegMac` bytes of a Text/Binary value are used.
    package static func segment(
        _ value: UnsafeRawBufferPointer?, column: ColumnSchema, index: IndexSchema, descending: Bool
    ) -> [UInt8] {
        var out: [UInt8]
        if let value {
            out = []
            out.reserveCapacity(value.count + 10)
            appendValue(value, column: column, index: index, into: &out)
        } else {
            out = [index.sortNullsHigh ? headerNullHigh : headerNull]
        }
        if descending {
            for i in out.indices { out[i] = ~out[i] }
        }
        return out
    }

    /// Appends the header and the normalised bytes of a non-NULL value.
    private static func appendValue(
        _ value: UnsafeRawBufferPointer, column: ColumnSchema, index: IndexSchema, into out: inout [UInt8]
    ) {
        let type = column.coltyp
        if value.isEmpty && !(type.fixedSize != nil) {
            out.append(headerZeroLength)
            return
        }
        out.append(headerValue)
        switch type {
        case .bit:
            out.append(value.first == 0 ? 0x00 : 0xFF)
        case .unsignedByte, .unsignedShort, .unsignedLong, .unsignedLongLong:
            // Stored little-endian; keys are big-endian.
            out.append(contentsOf: value.reversed())
        case .short, .long, .longLong, .currency:
            let be = Array(value.reversed())
            out.append(be[0] ^ 0x80)
            out.append(contentsOf: be.dropFirst())
        case .ieeeSingle, .ieeeDouble, .dateTime:
            let be = Array(value.reversed())
            if be[0] & 0x80 != 0 {
                out.append(contentsOf: be.map { ~$0 })
            } else {
                out.append(be[0] ^ 0x80)
                out.append(contentsOf: be.dropFirst())
            }
        case .guid:
            let order = index.grbit & IndexBits.dotNetGuid != 0
                ? [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15]
                : [10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3]
            for i in order where i < value.count { out.append(value[i]) }
        case .text, .longText:
            let source = UnsafeRawBufferPointer(rebasing: value.prefix(index.cbVarSegMac))
            if column.codePage == 1200 {
                appendUnicodeText(source, into: &out)
            } else {
                for byte in source {
                    if byte == 0 { break }
                    out.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
                }
            }
            out.append(0x00)
        case .binary, .longBinary:
            let source = UnsafeRawBufferPointer(rebasing: value.prefix(index.cbVarSegMac))
            if column.columnClass == .fixed {
                out.append(contentsOf: source)
            } else {
                appendChunks(source, into: &out)
            }
        }
    }

    /// Variable Binary: 8-byte chunks; a full chunk that is not the last is followed by 0x09, the last one is
    /// zero-padded to 8 bytes and followed by its length (1...8). So a prefix orders before its extensions.
    private static func appendChunks(_ value: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        var start = 0
        while start < value.count {
            let end = min(start + 8, value.count)
            out.append(contentsOf: value[start..<end])
            if end < value.count {
                out.append(0x09)
            } else {
                out.append(contentsOf: [UInt8](repeating: 0, count: 8 - (end - start)))
                out.append(UInt8(end - start))
            }
            start = end
        }
    }

    private static func appendUnicodeText(_ value: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        var units: [UInt16] = []
        units.reserveCapacity(value.count / 2)
        var i = 0
        while i + 1 < value.count {
            let unit = UInt16(value[i]) | UInt16(value[i + 1]) << 8
            if unit == 0 { break }
            units.append(unit)
            i += 2
        }
        for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                // U+0000 cannot come out of a mapping, so 0x00 stays the terminator.
                out.append(contentsOf: String(lower).utf8)
            }
        }
    }

    /// The key of a record in an index from its column values (`value(column)` gives the stored value or nil for
    /// NULL), or nil when the index's null rules leave the record out. JET_errNullKeyDisallowed for a NULL with
    /// JET_bitIndexDisallowNull; JET_errKeyTruncated for a key over cbKeyMost with JET_bitIndexDisallowTruncation.
    package static func indexKey(
        index: IndexSchema, table: TableSchema, value: (ColumnSchema) throws(JetError) -> [UInt8]?
    ) throws(JetError) -> [UInt8]? {
        var key: [UInt8] = []
        var nulls = 0
        var firstNull = false
        for (position, part) in index.segments.enumerated() {
            guard let column = table.column(id: part.columnid) else { throw .databaseCorrupted }
            let data = try value(column)
            if data == nil {
                nulls += 1
                if position == 0 { firstNull = true }
            }
            let bytes: [UInt8]
            if let data {
                bytes = data.withUnsafeBytes { segment($0, column: column, index: index, descending: part.descending) }
            } else {
                bytes = segment(nil, column: column, index: index, descending: part.descending)
            }
            key += bytes
        }
        if nulls > 0 {
            if index.grbit & IndexBits.disallowNull != 0 { throw .nullKeyDisallowed }
            if index.grbit & IndexBits.ignoreAnyNull != 0 { return nil }
            if index.grbit & IndexBits.ignoreFirstNull != 0 && firstNull { return nil }
            if index.grbit & IndexBits.ignoreNull != 0 && nulls == index.segments.count { return nil }
        }
        if key.count > index.cbKeyMost {
            if index.grbit & IndexBits.disallowTruncation != 0 { throw .keyTruncated }
            key.removeLast(key.count - index.cbKeyMost)
        }
        return key
    }

    /// The key of a record in an index from the record's bytes.
    package static func indexKey(record: UnsafeRawBufferPointer, index: IndexSchema, table: TableSchema)
        throws(JetError) -> [UInt8]?
    {
        try indexKey(index: index, table: table) { (column: ColumnSchema) throws(JetError) -> [UInt8]? in
            try RecordFormat.value(column, in: record, table: table)
        }
    }

    /// The tree key of a secondary index entry: the normalised key followed by the record's bookmark, so equal keys
    /// come out in bookmark (primary key) order. The entry's value is the bookmark, which gives its length back.
    package static func secondaryEntryKey(key: [UInt8], bookmark: [UInt8]) -> [UInt8] { key + bookmark }

    /// The bookmark of a record of a table without primary index: its record number, 4 bytes big-endian.
    package static func sequentialBookmark(_ number: UInt32) -> [UInt8] {
        [UInt8(number >> 24), UInt8(truncatingIfNeeded: number >> 16), UInt8(truncatingIfNeeded: number >> 8),
         UInt8(truncatingIfNeeded: number)]
    }
}

/// JetMakeKey grbits.
package enum MakeKeyBits {
    package static let newKey: UInt = 0x1
    package static let strLimit: UInt = 0x2
    package static let subStrLimit: UInt = 0x4
    package static let normalizedKey: UInt = 0x8
    package static let keyDataZeroLength: UInt = 0x10
    package static let fullColumnStartLimit: UInt = 0x100
    package static let fullColumnEndLimit: UInt = 0x200
    package static let partialColumnStartLimit: UInt = 0x400
    package static let partialColumnEndLimit: UInt = 0x800
    package static let limitMask: UInt = 0xF00
}

/// A search key being built with JetMakeKey, one segment per call (ESE's fldnorm.cxx ErrIsamMakeKey).
package struct SearchKey: Sendable, Equatable {
    package private(set) var bytes: [UInt8] = []
    /// Segments given so far.
    package private(set) var segments = 0
    /// A limit bit, JET_bitStrLimit/SubStrLimit or JET_bitNormalizedKey ended the key.
    package private(set) var isComplete = false

    package init() {}

    /// One JetMakeKey call on the cursor's search key `key` (nil: none started) for `index` (nil: the sequential
    /// clustered index of a table without primary index), with ESE's checks in ESE's order.
    package static func make(
        _ key: inout SearchKey?, data: UnsafeRawBufferPointer, grbit: UInt, index: IndexSchema?, table: TableSchema
    ) throws(JetError) {
        let limit = (index?.cbKeyMost ?? 255) + 1
        if grbit & MakeKeyBits.normalizedKey != 0 {
            if data.count > limit && data.count > 255 { throw .invalidParameter }
            var made = SearchKey()
            made.bytes = Array(data.prefix(limit))
            made.isComplete = true
            made.segments = index?.segments.count ?? 1
            key = made
            return
        }
        guard let index else { throw .noCurrentIndex }
        var current: SearchKey
        if grbit & MakeKeyBits.newKey != 0 {
            current = SearchKey()
        } else if let existing = key {
            if existing.isComplete { throw .keyIsMade }
            current = existing
        } else {
            throw .keyNotMade
        }
        guard current.segments < index.segments.count else { throw .keyIsMade }
        let segment = index.segments[current.segments]
        guard let column = table.column(id: segment.columnid) else { throw .databaseCorrupted }
        var value = Array(data)
        if column.columnClass == .fixed && !value.isEmpty {
            if let natural = column.coltyp.fixedSize {
                guard value.count == natural else { throw .invalidBufferSize }
            } else if value.count < Int(column.cbMax) && column.coltyp == .text {
                value = ColumnValues.padFixed(value, type: .text, codePage: column.codePage, width: Int(column.cbMax))
            } else if value.count != Int(column.cbMax) {
                throw .invalidBufferSize
            }
        }
        let limits = grbit & MakeKeyBits.limitMask
        if limits.nonzeroBitCount > 1 { throw .invalidGrbit }
        let partialAllowed = column.coltyp.isText || (column.coltyp == .binary && column.columnClass == .variable)
            || column.coltyp == .longBinary
        if limits & (MakeKeyBits.partialColumnStartLimit | MakeKeyBits.partialColumnEndLimit) != 0
            && !partialAllowed
        {
            throw .invalidGrbit
        }
        let zeroLength = grbit & MakeKeyBits.keyDataZeroLength != 0 && data.isEmpty
        if zeroLength && !(column.columnClass == .variable) { throw .invalidBufferSize }
        var bytes: [UInt8]
        if value.isEmpty && !zeroLength {
            bytes = KeyFormat.segment(nil, column: column, index: index, descending: segment.descending)
        } else {
            bytes = value.withUnsafeBytes {
                KeyFormat.segment($0, column: column, index: index, descending: segment.descending)
            }
        }
        // Which limit applies: StrLimit/SubStrLimit map onto the four explicit ones by column type.
        var partial = limits & (MakeKeyBits.partialColumnStartLimit | MakeKeyBits.partialColumnEndLimit) != 0
        var endFill = limits & (MakeKeyBits.fullColumnEndLimit | MakeKeyBits.partialColumnEndLimit) != 0
        var completes = limits != 0
        if grbit & MakeKeyBits.strLimit != 0 {
            completes = true
            endFill = true
            partial = partial || (column.coltyp == .binary && column.columnClass == .variable)
                || column.coltyp == .longBinary
        }
        if grbit & MakeKeyBits.subStrLimit != 0 {
            completes = true
            if column.coltyp.isText {
                partial = true
                endFill = true
            }
        }
        if partial && !value.isEmpty {
            bytes = removeTerminator(bytes, column: column)
        }
        current.bytes += bytes
        if current.bytes.count > index.cbKeyMost {
            current.bytes.removeLast(current.bytes.count - index.cbKeyMost)
        }
        current.segments += 1
        if completes {
            current.isComplete = true
            if endFill && current.bytes.count < limit {
                current.bytes += [UInt8](repeating: 0xFF, count: limit - current.bytes.count)
            }
        }
        key = current
    }

    /// The segment without what marks the value's end (the text terminator, the last binary chunk's padding and
    /// length), so it is a prefix of the key of every value that starts with it.
    private static func removeTerminator(_ segment: [UInt8], column: ColumnSchema) -> [UInt8] {
        guard segment.count > 1 else { return segment }
        if column.coltyp.isText { return Array(segment.dropLast()) }
        // Binary: the last chunk is 8 bytes + a length byte (1...8); keep only its `length` bytes.
        guard segment.count >= 10 else { return segment }
        let descending = segment[0] == ~KeyFormat.headerValue
        let lengthByte = descending ? ~segment[segment.count - 1] : segment[segment.count - 1]
        guard lengthByte >= 1 && lengthByte <= 8 else { return segment }
        return Array(segment.dropLast(9 - Int(lengthByte)))
    }
}
