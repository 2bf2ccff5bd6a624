// The bytes of a record (the value stored under its bookmark in the table's record tree). Modelled on ESE's REC:
//
//   0       fidFixedLast   UInt8   highest fixed column id the record has room for (0: none)
//   1       fidVarLast     UInt8   highest variable column id it has an offset for (127: none)
//   2..<4   ibEndOfFixed   UInt16  little-endian: where the variable offsets start
//   4...    fixed data     each fixed column id 1...fidFixedLast at its schema offset (deleted columns keep theirs)
//   ...     NULL bitmap    ceil(fidFixedLast / 8) bytes, bit (id - 1) set = that fixed column is NULL
//   ...     var offsets    UInt16 per variable id 128...fidVarLast: end of its value relative to the variable data,
//                          bit 15 set = NULL
//   ...     variable data  the values back to back
//
// A column beyond fidFixedLast/fidVarLast was added after the record was written: it reads as its default.

/// Where one column's value is in a record.
package enum RecordField: Equatable, Sendable {
    case null
    /// The record predates the column: the column's default applies.
    case absent
    /// The value's bytes are record[range].
    case value(Range<Int>)
}

package enum RecordFormat {
    package static let headerSize = 4

    /// ESE's REC::CbRecordMost: the largest record whose leaf node (key count, key, prefix count) still fits the
    /// page's data area (page minus header, reserved tag and insertion tag: 48 bytes up to 8 KiB, 88 above). The
    /// key is the primary index's cbKeyMost, or the 4-byte record number of a table without one. Pages up to
    /// 8 KiB keep the old limit: data area - 2 - max(255, 2 + cbKeyMost), so 3789 bytes on 4 KiB pages and 7885
    /// on 8 KiB pages with the default 255-byte key, 3791 / 7887 without a primary index; larger pages reserve
    /// 2 + 2 + cbKeyMost.
    package static func cbRecordMost(pageSize: Int, keyMost: Int) -> Int {
        if pageSize <= 8192 { return pageSize - 48 - 2 - max(255, 2 + keyMost) }
        return pageSize - 88 - 2 - 2 - keyMost
    }

    /// cbRecordMost for records of `table`.
    package static func cbRecordMost(pageSize: Int, table: TableSchema) -> Int {
        cbRecordMost(pageSize: pageSize, keyMost: table.primaryIndex?.cbKeyMost ?? 4)
    }

    /// The size of the fixed part (header, fixed data, NULL bitmap) of a record written with `table`.
    package static func fixedPartSize(_ table: TableSchema) -> Int {
        let last = Int(table.lastFixed)
        return headerSize + table.fixedOffsets[last + 1] + (last + 7) / 8
    }

    /// The size of the record `encode` makes of `values`: the fixed part, 2 bytes per variable column, the
    /// variable data.
    package static func encodedSize(_ values: [UInt32: [UInt8]?], table: TableSchema) -> Int {
        let varLast = Int(table.lastVariable)
        var size = fixedPartSize(table) + 2 * (varLast - 127)
        for id in 128..<(varLast + 1) {
            if let value = values[UInt32(id)] ?? nil { size += value.count }
        }
        return size
    }

    /// Encodes a record from its column values (the copy buffer): a missing key or nil is NULL. Values must already
    /// be the stored form (ColumnValues.prepare). JET_errRecordTooBig over ESE's limit for the page size;
    /// JET_errColumnNotFound for a column the table does not have; JET_errInvalidBufferSize for a fixed value of
    /// the wrong width.
    package static func encode(_ values: [UInt32: [UInt8]?], table: TableSchema, pageSize: Int) throws(JetError)
        -> [UInt8]
    {
        for (columnid, value) in values {
            guard let column = table.column(id: columnid) else { throw .columnNotFound }
            if column.columnClass == .tagged, value != nil { throw .featureNotAvailable }
        }
        let fixedLast = Int(table.lastFixed)
        let varLast = Int(table.lastVariable)
        let varCount = varLast - 127
        let fixedEnd = fixedPartSize(table)
        let size = encodedSize(values, table: table)
        guard size <= cbRecordMost(pageSize: pageSize, table: table) else { throw .recordTooBig }
        var record = [UInt8](repeating: 0, count: size)
        record[0] = UInt8(fixedLast)
        record[1] = UInt8(varLast)
        record[2] = UInt8(truncatingIfNeeded: fixedEnd)
        record[3] = UInt8(truncatingIfNeeded: fixedEnd >> 8)
        let bitmap = headerSize + table.fixedOffsets[fixedLast + 1]
        for id in stride(from: 1, through: fixedLast, by: 1) {
            let width = table.fixedOffsets[id + 1] - table.fixedOffsets[id]
            if let value = values[UInt32(id)] ?? nil {
                guard value.count == width else { throw .invalidBufferSize }
                let start = headerSize + table.fixedOffsets[id]
                record.replaceSubrange(start..<(start + width), with: value)
            } else {
                record[bitmap + (id - 1) / 8] |= UInt8(1 << ((id - 1) % 8))
            }
        }
        var end = 0
        let data = fixedEnd + 2 * varCount
        for index in 0..<varCount {
            var entry: Int
            if let value = values[UInt32(128 + index)] ?? nil {
                record.replaceSubrange((data + end)..<(data + end + value.count), with: value)
                end += value.count
                entry = end
            } else {
                entry = end | 0x8000
            }
            record[fixedEnd + 2 * index] = UInt8(truncatingIfNeeded: entry)
            record[fixedEnd + 2 * index + 1] = UInt8(truncatingIfNeeded: entry >> 8)
        }
        return record
    }

    /// Finds one column in a record without decoding the others. JET_errDatabaseCorrupted when the record's
    /// structure does not fit the table (never a trap, whatever the bytes).
    package static func field(_ column: ColumnSchema, in record: UnsafeRawBufferPointer, table: TableSchema)
        throws(JetError) -> RecordField
    {
        try field(id: column.columnid, column.columnClass, in: record, table: table)
    }

    /// The same by the column's id and class (a retrieve passes them without copying the column's definition).
    package static func field(
        id columnid: UInt32, _ columnClass: ColumnClass, in record: UnsafeRawBufferPointer, table: TableSchema
    ) throws(JetError) -> RecordField {
        field(id: columnid, columnClass, in: record, header: try Header(record, table: table), table: table)
    }

    /// The same with the record's header already checked against `table` (the record's columns read one after
    /// another check it once).
    @inline(__always)
    static func field(
        id columnid: UInt32, _ columnClass: ColumnClass, in record: UnsafeRawBufferPointer, header: Header,
        table: TableSchema
    ) -> RecordField {
        let id = Int(columnid)
        switch columnClass {
        case .fixed:
            guard id <= header.fixedLast else { return .absent }
            let bitmap = headerSize + table.fixedOffsets[header.fixedLast + 1]
            if record[bitmap + (id - 1) / 8] & UInt8(1 << ((id - 1) % 8)) != 0 { return .null }
            let start = headerSize + table.fixedOffsets[id]
            return .value(start..<(headerSize + table.fixedOffsets[id + 1]))
        case .variable:
            guard id <= header.varLast else { return .absent }
            let index = id - 128
            let entry = header.offset(index, record)
            if entry & 0x8000 != 0 { return .null }
            let start = index == 0 ? 0 : header.offset(index - 1, record) & 0x7FFF
            let end = entry & 0x7FFF
            return .value((header.data + start)..<(header.data + end))
        case .tagged:
            return .absent
        }
    }

    /// The column's value as a record gives it: its bytes, its default when the record predates it, or nil (NULL).
    package static func value(_ column: ColumnSchema, in record: UnsafeRawBufferPointer, table: TableSchema)
        throws(JetError) -> [UInt8]?
    {
        switch try field(column, in: record, table: table) {
        case .null: return nil
        case .absent: return column.defaultValue
        case .value(let range): return Array(record[range])
        }
    }

    /// Every live column's value (the copy buffer of a replace).
    package static func decode(_ record: UnsafeRawBufferPointer, table: TableSchema) throws(JetError)
        -> [UInt32: [UInt8]?]
    {
        var values: [UInt32: [UInt8]?] = [:]
        for column in table.columns where column.columnClass != .tagged {
            values[column.columnid] = .some(try value(column, in: record, table: table))
        }
        return values
    }

    /// A record's header, checked against the table before any offset in it is used.
    struct Header {
        let fixedLast: Int
        let varLast: Int
        let fixedEnd: Int
        /// Start of the variable data.
        let data: Int

        init(_ record: UnsafeRawBufferPointer, table: TableSchema) throws(JetError) {
            guard record.count >= headerSize else { throw .databaseCorrupted }
            fixedLast = Int(record[0])
            varLast = Int(record[1])
            fixedEnd = Int(record[2]) | Int(record[3]) << 8
            guard fixedLast <= Int(table.lastFixed), varLast >= 127, varLast <= Int(table.lastVariable) else {
                throw .databaseCorrupted
            }
            let expected = headerSize + table.fixedOffsets[fixedLast + 1] + (fixedLast + 7) / 8
            data = fixedEnd + 2 * (varLast - 127)
            guard fixedEnd == expected, data <= record.count else { throw .databaseCorrupted }
            // Offsets must grow and stay inside the record, so every range handed out is valid.
            var previous = 0
            for index in 0..<(varLast - 127) {
                let end = offset(index, record) & 0x7FFF
                guard end >= previous, data + end <= record.count else { throw .databaseCorrupted }
                previous = end
            }
        }

        func offset(_ index: Int, _ record: UnsafeRawBufferPointer) -> Int {
            Int(record[fixedEnd + 2 * index]) | Int(record[fixedEnd + 2 * index + 1]) << 8
        }
    }
}
