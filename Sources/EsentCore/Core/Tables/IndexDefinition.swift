// An index as JetCreateIndex* describes it, and ESE's checks on it (ESE's fcreate.cxx ErrFILEICheckIndexCreate /
// ErrIDXCheckUnicodeFlagsAndDefn and jetapi.cxx's conversions), in ESE's order.

/// The caller's description of one index (a JET_INDEXCREATE* element, already unpacked by the ABI).
package struct IndexDefinition: Sendable {
    package static let maxSegments = 16

    package var name: [UInt8]?
    /// The key description's code units: bytes for A callers, UTF-16 units for W callers (`cbKey` already
    /// converted to a unit count by the ABI).
    package var key: KeyDescription
    package var grbit: UInt
    package var density: UInt
    /// cbKeyMost of the struct, or nil for the old JET_INDEXCREATE without that field.
    package var cbKeyMost: UInt?
    package var cbVarSegMac: UInt
    package var lcid: UInt
    package var mapFlags: UInt
    package var conditionalColumns: Int

    package enum KeyDescription: Sendable {
        case narrow([UInt8])
        case wide([UInt16])
    }

    package init(
        name: [UInt8]?, key: KeyDescription, grbit: UInt, density: UInt = 0, cbKeyMost: UInt? = nil,
        cbVarSegMac: UInt = 0, lcid: UInt = 0, mapFlags: UInt = 0, conditionalColumns: Int = 0
    ) {
        self.name = name
        self.key = key
        self.grbit = grbit
        self.density = density
        self.cbKeyMost = cbKeyMost
        self.cbVarSegMac = cbVarSegMac
        self.lcid = lcid
        self.mapFlags = mapFlags
        self.conditionalColumns = conditionalColumns
    }

    /// The key description's column names and directions: `+name\0-name\0\0`. JET_errInvalidParameter for an
    /// empty description; JET_errIndexInvalidDef when it does not start with `+`/`-`, does not end with two NULs,
    /// has no column, more than 16, or anything after the double NUL.
    package static func parseKey(_ key: KeyDescription) throws(JetError) -> [(name: String, descending: Bool)] {
        switch key {
        case .narrow(let bytes):
            return try parse(bytes) { (units: [UInt8]) -> String? in String(validating: units, as: UTF8.self) }
        case .wide(let units):
            return try parse(units) { (units: [UInt16]) -> String? in String(validating: units, as: UTF16.self) }
        }
    }

    private static func parse<Unit: FixedWidthInteger>(_ units: [Unit], decode: ([Unit]) -> String?)
        throws(JetError) -> [(name: String, descending: Bool)]
    {
        guard !units.isEmpty else { throw .invalidParameter }
        let plus = Unit(UInt8(ascii: "+"))
        let minus = Unit(UInt8(ascii: "-"))
        guard units[0] == plus || units[0] == minus, units.count >= 2, units[units.count - 1] == 0,
            units[units.count - 2] == 0
        else { throw .indexInvalidDef }
        var result: [(name: String, descending: Bool)] = []
        var start = 0
        while start < units.count {
            guard let end = units[start...].firstIndex(of: 0) else { throw .indexInvalidDef }
            if end == start {
                // The double NUL: it must be the last unit.
                guard end == units.count - 1 else { throw .indexInvalidDef }
                break
            }
            var nameUnits = Array(units[start..<end])
            var descending = false
            if nameUnits[0] == plus || nameUnits[0] == minus {
                descending = nameUnits[0] == minus
                nameUnits.removeFirst()
            }
            guard let name = decode(nameUnits) else { throw .unicodeTranslationFail }
            result.append((name, descending))
            guard result.count <= maxSegments else { throw .indexInvalidDef }
            start = end + 1
        }
        guard !result.isEmpty else { throw .indexInvalidDef }
        return result
    }

    /// The index this definition gives on `table`, with every check that does not need the table's records
    /// (those are Catalog.createIndex's), in ESE's order after the cursor checks. The tree is assigned by the
    /// catalog.
    package func validate(table: TableSchema, pageSize: Int) throws(JetError) -> IndexSchema {
        let name = try ObjectName.validate(self.name)
        let bits = UInt32(truncatingIfNeeded: grbit)
        func has(_ bit: UInt32) -> Bool { bits & bit != 0 }
        guard grbit <= UInt(UInt32.max) else { throw .invalidGrbit }
        if has(IndexBits.primary)
            && (has(IndexBits.ignoreNull) || has(IndexBits.ignoreAnyNull) || has(IndexBits.ignoreFirstNull))
        {
            throw .invalidGrbit
        }
        if has(IndexBits.empty) && !has(IndexBits.ignoreAnyNull) { throw .invalidGrbit }
        if has(IndexBits.crossProduct) && has(IndexBits.nestedTable) { throw .invalidGrbit }
        if has(IndexBits.primary) && conditionalColumns > 0 { throw .indexInvalidDef }
        var keyMost = 255
        if has(IndexBits.keyMost) {
            let requested = cbKeyMost ?? 255
            guard requested >= 255, requested <= UInt(KeyFormat.keyMostLimit(pageSize: pageSize)) else {
                throw .indexInvalidDef
            }
            keyMost = Int(requested)
        }
        var varSegMac = keyMost
        if !has(IndexBits.tupleLimits) && cbVarSegMac != 0 {
            guard cbVarSegMac <= UInt(keyMost) else { throw .indexInvalidDef }
            varSegMac = Int(cbVarSegMac)
        }
        if has(IndexBits.tuples) {
            if has(IndexBits.primary) { throw .indexTuplesSecondaryIndexOnly }
            if has(IndexBits.unique) { throw .indexTuplesNonUniqueOnly }
        }
        let parsed = try Self.parseKey(key)
        var segments: [IndexSegment] = []
        for part in parsed {
            guard let column = table.column(named: part.name) else { throw .columnNotFound }
            segments.append(IndexSegment(columnid: column.columnid, descending: part.descending))
        }
        guard density == 0 || (20...100).contains(density) else { throw .densityInvalid }
        // Tuple, multi-value and conditional-column indexes need tagged columns, which this library does not
        // store yet.
        if has(IndexBits.tuples) || has(IndexBits.tupleLimits) || has(IndexBits.crossProduct)
            || has(IndexBits.nestedTable) || conditionalColumns > 0
        {
            throw .featureNotAvailable
        }
        let lcidValue = lcid == 0 ? 0x409 : UInt32(truncatingIfNeeded: lcid)
        return IndexSchema(
            name: name, tree: table.recordTree, segments: segments, grbit: bits & ~IndexBits.immutableStructure,
            cbKeyMost: keyMost, cbVarSegMac: varSegMac, lcid: lcidValue,
            mapFlags: mapFlags == 0 ? 0x30401 : UInt32(truncatingIfNeeded: mapFlags),
            density: density == 0 ? table.density : UInt32(density))
    }
}
