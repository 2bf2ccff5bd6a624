// A column as JetAddColumn or a JET_COLUMNCREATE describes it, and the checks ESE makes on it (ESE's fcreate.cxx
// ErrFILEIAddColumn and cat.cxx size rules), in ESE's order.

/// The caller's description of a new column (JET_COLUMNDEF / JET_COLUMNCREATE fields plus the default value).
package struct ColumnDefinition: Sendable, Equatable {
    package var coltyp: UInt
    package var cbMax: UInt
    package var grbit: UInt
    package var codePage: UInt
    package var defaultValue: [UInt8]?

    package init(coltyp: UInt, cbMax: UInt = 0, grbit: UInt = 0, codePage: UInt = 0, defaultValue: [UInt8]? = nil) {
        self.coltyp = coltyp
        self.cbMax = cbMax
        self.grbit = grbit
        self.codePage = codePage
        self.defaultValue = defaultValue
    }

    /// `name` is the caller's name bytes (nil for NULL), checked after cbMax as ESE does.
    /// The column a valid definition gives (its id is assigned by the catalog), and the warning the call returns
    /// (JET_wrnColumnMaxTruncated when cbMax was cut to 255), or ESE's error.
    ///
    /// `inTransaction`/`exclusive` describe the calling session and cursor (JET_bitColumnUnversioned's check).
    /// Tagged, long-value, multi-valued, escrow, version, autoincrement and user-defined-default columns pass ESE's
    /// own checks first and are then refused with JET_errFeatureNotAvailable: this library stores fixed and
    /// variable columns only.
    package func validate(name rawName: [UInt8]?, inTransaction: Bool, exclusive: Bool) throws(JetError) -> (
        column: ColumnSchema, warning: JetError?
    ) {
        let bits = grbit
        if bits & UInt(ColumnBits.unversioned) != 0 && inTransaction && !exclusive { throw .inTransaction }
        guard cbMax <= 0x7FFF_FFFF else { throw .invalidParameter }
        let name = try ObjectName.validate(rawName)
        guard coltyp <= UInt(UInt32.max), let type = ColumnType(rawValue: UInt32(coltyp)) else {
            throw .invalidColumnType
        }
        var cp: UInt16 = 0
        if type.isText {
            switch codePage {
            case 0, 1252: cp = 1252
            case 1200: cp = 1200
            default: throw .invalidCodePage
            }
        }
        func has(_ bit: UInt32) -> Bool { bits & UInt(bit) != 0 }
        if has(ColumnBits.compressed) && !type.isLong { throw .columnCannotBeCompressed }
        let tagged = has(ColumnBits.tagged) || type.isLong
        if tagged && has(ColumnBits.fixed) { throw .invalidGrbit }
        if has(ColumnBits.multiValued) && !tagged { throw .multiValuedColumnMustBeTagged }
        if has(ColumnBits.escrowUpdate) {
            guard type == .long || type == .longLong else { throw .invalidGrbit }
            if tagged { throw .cannotBeTagged }
            if has(ColumnBits.version) || has(ColumnBits.autoincrement) { throw .invalidGrbit }
            if defaultValue == nil { throw .invalidGrbit }
            if !exclusive { throw .exclusiveTableLockRequired }
            if has(ColumnBits.finalize) && has(ColumnBits.deleteOnZero) { throw .invalidGrbit }
        } else if has(ColumnBits.finalize) || has(ColumnBits.deleteOnZero) {
            throw .invalidGrbit
        }
        if has(ColumnBits.autoincrement) {
            guard [.long, .longLong, .unsignedLongLong, .currency].contains(type) else { throw .invalidGrbit }
            if tagged { throw .cannotBeTagged }
            if has(ColumnBits.version) { throw .invalidGrbit }
            if !exclusive { throw .exclusiveTableLockRequired }
        }
        if has(ColumnBits.version) {
            guard type == .long else { throw .invalidGrbit }
            if tagged { throw .cannotBeTagged }
        }
        if has(ColumnBits.userDefinedDefault) { throw .invalidParameter }

        var warning: JetError?
        var size: UInt32
        if let natural = type.fixedSize {
            size = UInt32(natural)
        } else if type.isLong {
            size = UInt32(cbMax)
        } else if cbMax == 0 {
            size = 255
        } else if cbMax > 255 {
            size = 255
            warning = .wrnColumnMaxTruncated
        } else {
            size = UInt32(cbMax)
        }
        if let value = defaultValue {
            if type.isLong {
                if value.count > 255 { throw .defaultValueTooBig }
            } else if let natural = type.fixedSize {
                if value.count != natural { throw .invalidBufferSize }
            } else if value.count > Int(size) {
                throw .defaultValueTooBig
            }
        }
        if tagged || has(ColumnBits.multiValued) || has(ColumnBits.escrowUpdate) || has(ColumnBits.version)
            || has(ColumnBits.autoincrement)
        {
            throw .featureNotAvailable
        }
        let columnClass: ColumnClass = type.fixedSize != nil || has(ColumnBits.fixed) ? .fixed : .variable
        var stored = defaultValue
        if columnClass == .fixed, type.isTextOrBinary, let value = stored, value.count < Int(size) {
            stored = ColumnValues.padFixed(value, type: type, codePage: cp, width: Int(size))
        }
        let column = ColumnSchema(
            columnid: 0, name: name, coltyp: type, cbMax: size, grbit: UInt32(truncatingIfNeeded: bits) & ColumnBits.stored,
            codePage: cp, columnClass: columnClass, defaultValue: stored)
        return (column, warning)
    }
}

/// What JetSetColumn does to a value before it goes into the copy buffer, per column (ESE's fldmod.cxx rules for
/// fixed and variable columns).
package enum ColumnValues {
    /// A value ready for the record, or NULL (nil), and the warning the call returns.
    /// `zeroLength` is JET_bitSetZeroLength: with `bytes` empty it means a zero-length value instead of NULL
    /// (fixed columns have no zero-length value: it is NULL there).
    package static func prepare(_ bytes: UnsafeRawBufferPointer, zeroLength: Bool, for column: ColumnSchema)
        throws(JetError) -> (value: [UInt8]?, warning: JetError?)
    {
        if bytes.isEmpty && (!zeroLength || column.columnClass == .fixed) {
            if column.isNotNull { throw .nullInvalid }
            return (nil, nil)
        }
        switch column.columnClass {
        case .fixed:
            if let natural = column.coltyp.fixedSize {
                guard bytes.count == natural else { throw .invalidBufferSize }
                return (Array(bytes), nil)
            }
            guard bytes.count <= Int(column.cbMax) else { throw .invalidBufferSize }
            return (padFixed(Array(bytes), type: column.coltyp, codePage: column.codePage, width: Int(column.cbMax)), nil)
        case .variable:
            if bytes.count > Int(column.cbMax) {
                return (Array(bytes.prefix(Int(column.cbMax))), .wrnColumnMaxTruncated)
            }
            return (Array(bytes), nil)
        case .tagged:
            if column.cbMax != 0 && bytes.count > Int(column.cbMax) { throw .columnTooBig }
            return (Array(bytes), nil)
        }
    }

    /// Fixed Text is padded with spaces (U+0020 for UTF-16), fixed Binary with zeros, to the column's width.
    package static func padFixed(_ value: [UInt8], type: ColumnType, codePage: UInt16, width: Int) -> [UInt8] {
        guard value.count < width else { return value }
        var padded = value
        if type == .text {
            if codePage == 1200 {
                // Keep UTF-16 units aligned: an odd-length value gets a zero byte before the spaces.
                if padded.count % 2 == 1 { padded.append(0) }
                while padded.count + 2 <= width { padded += [0x20, 0x00] }
                while padded.count < width { padded.append(0) }
            } else {
                padded += [UInt8](repeating: 0x20, count: width - padded.count)
            }
        } else {
            padded += [UInt8](repeating: 0, count: width - padded.count)
        }
        return padded
    }
}
