// Table, column and index definitions as the ISAM core uses them (ESE's FCB/FDB/IDB, reduced to what this library
// supports). Immutable values: a DDL change builds a new TableSchema, so a reader holding one never sees it change.

/// ESE's column types (JET_coltyp*); 13 (SLV) is obsolete and rejected as ESE does.
package enum ColumnType: UInt32, Sendable, CaseIterable {
    case bit = 1, unsignedByte = 2, short = 3, long = 4, currency = 5, ieeeSingle = 6, ieeeDouble = 7, dateTime = 8
    case binary = 9, text = 10, longBinary = 11, longText = 12
    case unsignedLong = 14, longLong = 15, guid = 16, unsignedShort = 17, unsignedLongLong = 18

    /// The natural size of a fixed-size type (ESE's cat.cxx table); nil for Text/Binary and the long types.
    package var fixedSize: Int? {
        switch self {
        case .bit, .unsignedByte: 1
        case .short, .unsignedShort: 2
        case .long, .unsignedLong, .ieeeSingle: 4
        case .currency, .longLong, .unsignedLongLong, .ieeeDouble, .dateTime: 8
        case .guid: 16
        case .binary, .text, .longBinary, .longText: nil
        }
    }
    package var isText: Bool { self == .text || self == .longText }
    package var isLong: Bool { self == .longText || self == .longBinary }
    package var isTextOrBinary: Bool { self == .text || self == .binary }
}

/// Where a column's value lives in a record: ids 1...127 fixed, 128...255 variable, 256... tagged (ESE's classes).
package enum ColumnClass: Sendable, Equatable {
    case fixed, variable, tagged

    package static let fixedIDs: ClosedRange<UInt32> = 1...127
    package static let variableIDs: ClosedRange<UInt32> = 128...255
    package static let taggedIDs: ClosedRange<UInt32> = 256...65248

    /// The class a column id belongs to; nil for 0 and ids beyond ESE's range (JET_errBadColumnId).
    package init?(columnid: UInt32) {
        if Self.fixedIDs.contains(columnid) {
            self = .fixed
        } else if Self.variableIDs.contains(columnid) {
            self = .variable
        } else if Self.taggedIDs.contains(columnid) {
            self = .tagged
        } else {
            return nil
        }
    }
}

/// JET_bitColumn* values the schema stores or reports.
package enum ColumnBits {
    package static let fixed: UInt32 = 0x1
    package static let tagged: UInt32 = 0x2
    package static let notNull: UInt32 = 0x4
    package static let version: UInt32 = 0x8
    package static let autoincrement: UInt32 = 0x10
    package static let updatable: UInt32 = 0x20
    package static let ttKey: UInt32 = 0x40
    package static let ttDescending: UInt32 = 0x80
    package static let multiValued: UInt32 = 0x400
    package static let escrowUpdate: UInt32 = 0x800
    package static let unversioned: UInt32 = 0x1000
    package static let maybeNull: UInt32 = 0x2000
    package static let finalize: UInt32 = 0x4000
    package static let userDefinedDefault: UInt32 = 0x8000
    package static let deleteOnZero: UInt32 = 0x20000
    package static let compressed: UInt32 = 0x80000
    /// Bits JetGetColumnInfo reports back from the definition (the class bits and Updatable are computed).
    package static let stored: UInt32 = notNull | version | autoincrement | multiValued | escrowUpdate | finalize
        | deleteOnZero | compressed
}

/// One column of a table.
package struct ColumnSchema: Sendable, Equatable {
    package var columnid: UInt32
    package var name: String
    package var coltyp: ColumnType
    /// The natural size for fixed-size types, 1...255 for Text/Binary.
    package var cbMax: UInt32
    /// The JET_bitColumn* bits of ColumnBits.stored that apply.
    package var grbit: UInt32
    /// 1252 or 1200 for text, 0 otherwise.
    package var codePage: UInt16
    package var columnClass: ColumnClass
    /// The value a record that never set the column reads (nil: NULL).
    package var defaultValue: [UInt8]?

    package init(
        columnid: UInt32, name: String, coltyp: ColumnType, cbMax: UInt32, grbit: UInt32, codePage: UInt16,
        columnClass: ColumnClass, defaultValue: [UInt8]? = nil
    ) {
        self.columnid = columnid
        self.name = name
        self.coltyp = coltyp
        self.cbMax = cbMax
        self.grbit = grbit
        self.codePage = codePage
        self.columnClass = columnClass
        self.defaultValue = defaultValue
    }

    package var isNotNull: Bool { grbit & ColumnBits.notNull != 0 }
    /// Bytes the column takes in the fixed part of a record (0 for other classes).
    package var fixedWidth: Int { columnClass == .fixed ? Int(cbMax) : 0 }

    /// JET_COLUMNDEF.grbit as JetGetColumnInfo reports it (class bit, Updatable when asked through such a cursor).
    package func reportedGrbit(updatable: Bool) -> UInt32 {
        var bits = grbit & ColumnBits.stored
        switch columnClass {
        case .fixed: bits |= ColumnBits.fixed
        case .tagged: bits |= ColumnBits.tagged
        case .variable: break
        }
        if updatable { bits |= ColumnBits.updatable }
        return bits
    }
}

/// One key column of an index.
package struct IndexSegment: Sendable, Equatable {
    package var columnid: UInt32
    package var descending: Bool
    package init(columnid: UInt32, descending: Bool) {
        self.columnid = columnid
        self.descending = descending
    }
}

/// JET_bitIndex* values.
package enum IndexBits {
    package static let unique: UInt32 = 0x1
    package static let primary: UInt32 = 0x2
    package static let disallowNull: UInt32 = 0x4
    package static let ignoreNull: UInt32 = 0x8
    package static let ignoreAnyNull: UInt32 = 0x20
    package static let ignoreFirstNull: UInt32 = 0x40
    package static let lazyFlush: UInt32 = 0x80
    package static let empty: UInt32 = 0x100
    package static let unversioned: UInt32 = 0x200
    package static let sortNullsHigh: UInt32 = 0x400
    package static let unicode: UInt32 = 0x800
    package static let tuples: UInt32 = 0x1000
    package static let tupleLimits: UInt32 = 0x2000
    package static let crossProduct: UInt32 = 0x4000
    package static let keyMost: UInt32 = 0x8000
    package static let disallowTruncation: UInt32 = 0x10000
    package static let nestedTable: UInt32 = 0x20000
    package static let dotNetGuid: UInt32 = 0x40000
    package static let immutableStructure: UInt32 = 0x80000
}

/// One index of a table: the clustered (primary) one or a secondary one.
package struct IndexSchema: Sendable, Equatable {
    package var name: String
    /// The B+tree holding the entries: the table's record tree for the primary index, its own tree otherwise.
    package var tree: TreeID
    package var segments: [IndexSegment]
    package var grbit: UInt32
    /// Longest normalised key (255 unless created with JET_bitIndexKeyMost).
    package var cbKeyMost: Int
    /// Bytes of each source value normalised (ESE's cbVarSegMac; 255 by default).
    package var cbVarSegMac: Int
    package var lcid: UInt32
    package var mapFlags: UInt32
    package var density: UInt32

    package init(
        name: String, tree: TreeID, segments: [IndexSegment], grbit: UInt32, cbKeyMost: Int = 255,
        cbVarSegMac: Int = 255, lcid: UInt32 = 0x409, mapFlags: UInt32 = 0x30401, density: UInt32 = 80
    ) {
        self.name = name
        self.tree = tree
        self.segments = segments
        self.grbit = grbit
        self.cbKeyMost = cbKeyMost
        self.cbVarSegMac = cbVarSegMac
        self.lcid = lcid
        self.mapFlags = mapFlags
        self.density = density
    }

    package var isPrimary: Bool { grbit & IndexBits.primary != 0 }
    /// A primary index is unique whether or not JET_bitIndexUnique was given.
    package var isUnique: Bool { grbit & (IndexBits.unique | IndexBits.primary) != 0 }
    package var sortNullsHigh: Bool { grbit & IndexBits.sortNullsHigh != 0 }
}

/// A table's definition as one transaction sees it. Immutable; DDL produces a new one with a higher version.
package final class TableSchema: Sendable {
    package let name: String
    package let objid: UInt32
    /// The clustered index's tree: records keyed by their bookmark.
    package let recordTree: TreeID
    /// Live columns in column id order.
    package let columns: [ColumnSchema]
    /// Fixed columns that were deleted: their bytes stay in the fixed part of older records, so offsets keep them.
    package let deletedFixed: [ColumnSchema]
    /// Secondary and primary indexes, in creation order.
    package let indexes: [IndexSchema]
    /// JET_bitTableCreate* bits kept (FixedDDL).
    package let grbit: UInt32
    package let density: UInt32
    package let pages: UInt32
    /// Highest column id handed out per class (ids are never reused).
    package let lastFixed: UInt32
    package let lastVariable: UInt32
    package let lastTagged: UInt32
    /// Bumped by every DDL change of the table.
    package let version: UInt64
    /// Offsets of each fixed column id (deleted ones included) inside a record's fixed part.
    package let fixedOffsets: [Int]

    package init(
        name: String, objid: UInt32, recordTree: TreeID, columns: [ColumnSchema], deletedFixed: [ColumnSchema] = [],
        indexes: [IndexSchema], grbit: UInt32 = 0, density: UInt32 = 80, pages: UInt32 = 0,
        lastFixed: UInt32 = 0, lastVariable: UInt32 = 127, lastTagged: UInt32 = 255, version: UInt64 = 1
    ) {
        self.name = name
        self.objid = objid
        self.recordTree = recordTree
        self.columns = columns.sorted { $0.columnid < $1.columnid }
        self.deletedFixed = deletedFixed.sorted { $0.columnid < $1.columnid }
        self.indexes = indexes
        self.grbit = grbit
        self.density = density
        self.pages = pages
        self.lastFixed = max(lastFixed, columns.filter { $0.columnClass == .fixed }.map(\.columnid).max() ?? 0)
        self.lastVariable = max(
            lastVariable, columns.filter { $0.columnClass == .variable }.map(\.columnid).max() ?? 127)
        self.lastTagged = max(lastTagged, columns.filter { $0.columnClass == .tagged }.map(\.columnid).max() ?? 255)
        self.version = version
        var widths = [Int](repeating: 0, count: Int(self.lastFixed) + 1)
        for column in columns + deletedFixed where column.columnClass == .fixed {
            widths[Int(column.columnid)] = column.fixedWidth
        }
        var offsets = [Int](repeating: 0, count: widths.count + 1)
        for id in 1..<widths.count { offsets[id + 1] = offsets[id] + widths[id] }
        // offsets[id] is where column `id` starts; offsets[lastFixed + 1] is the fixed part's length.
        self.fixedOffsets = offsets
    }

    package var primaryIndex: IndexSchema? { indexes.first { $0.isPrimary } }
    package var secondaryIndexes: [IndexSchema] { indexes.filter { !$0.isPrimary } }
    package var isFixedDDL: Bool { grbit & 0x1 != 0 }

    /// The column of that name, compared as ESE does (ASCII case-insensitive).
    package func column(named name: String) -> ColumnSchema? {
        columns.first { ObjectName.same($0.name, name) }
    }
    package func column(id: UInt32) -> ColumnSchema? {
        guard let index = columnIndex(id: id) else { return nil }
        return columns[index]
    }
    /// Where the column `id` is in `columns` (in id order: a binary search that copies no column).
    package func columnIndex(id: UInt32) -> Int? {
        var low = 0
        var high = columns.count
        while low < high {
            let mid = (low + high) >> 1
            if columns[mid].columnid < id { low = mid + 1 } else { high = mid }
        }
        return low < columns.count && columns[low].columnid == id ? low : nil
    }
    package func index(named name: String) -> IndexSchema? {
        indexes.first { ObjectName.same($0.name, name) }
    }

    /// The index a JET_INDEXID names (`IndexID`): its table must be this one; index 0 is the sequential clustered
    /// index of a table without a primary index. nil for that one; JET_errInvalidIndexId when the id is stale.
    package func index(id: IndexID) throws(JetError) -> IndexSchema? {
        guard id.table == objid else { throw .invalidIndexId }
        if id.index == 0 {
            guard primaryIndex == nil else { throw .invalidIndexId }
            return nil
        }
        guard let found = indexes.first(where: { $0.tree.objid == id.index }) else { throw .invalidIndexId }
        return found
    }

    /// A copy with some parts replaced and the version bumped (DDL).
    package func with(
        name: String? = nil, columns: [ColumnSchema]? = nil, deletedFixed: [ColumnSchema]? = nil,
        indexes: [IndexSchema]? = nil, lastFixed: UInt32? = nil, lastVariable: UInt32? = nil, lastTagged: UInt32? = nil
    ) -> TableSchema {
        TableSchema(
            name: name ?? self.name, objid: objid, recordTree: recordTree, columns: columns ?? self.columns,
            deletedFixed: deletedFixed ?? self.deletedFixed, indexes: indexes ?? self.indexes, grbit: grbit,
            density: density, pages: pages, lastFixed: lastFixed ?? self.lastFixed,
            lastVariable: lastVariable ?? self.lastVariable, lastTagged: lastTagged ?? self.lastTagged,
            version: version &+ 1)
    }
}

/// ESE's object-name rules (tables, columns, indexes), applied to UTF-8 bytes.
package enum ObjectName {
    /// JET_cbNameMost.
    package static let maxBytes = 64

    /// Checks `bytes` (a name as the caller passed it, without its NUL; nil for a NULL pointer) and returns the name
    /// with trailing spaces dropped: JET_errInvalidName for a NULL or empty name, a leading space, a control byte,
    /// `!`, `.`, `[`, `]`, or more than 64 bytes; JET_errUnicodeTranslationFail for bytes that are not UTF-8.
    package static func validate(_ bytes: [UInt8]?) throws(JetError) -> String {
        guard let bytes, let firstByte = bytes.first, firstByte != 0x20 else { throw .invalidName }
        guard bytes.count <= maxBytes else { throw .invalidName }
        for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "!") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
        {
            throw .invalidName
        }
        var end = bytes.count
        while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { throw .invalidName }
        guard let name = String(validating: bytes[0..<end], as: UTF8.self) else { throw .unicodeTranslationFail }
        return name
    }

    /// The same check for a name already held as a String.
    package static func validate(_ name: String) throws(JetError) -> String {
        try validate(Array(name.utf8))
    }

    /// ESE compares names with ASCII case folding only.
    package static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { upper($0) == upper($1) }
    }

    /// The catalog key of a name: ASCII upper-cased UTF-8 (ESE's catalog keys are upper-cased names).
    package static func key(_ name: String) -> [UInt8] { name.utf8.map(upper) }

    private static func upper(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
    }
}
