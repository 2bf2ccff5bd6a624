import Foundation
import Testing

@testable import EsentCore

// Issue 10: normalised keys order as the typed values do (ascending and descending), records keep NULL, zero-length
// and values apart, and JetAddColumn's checks come in ESE's order.

private func bytes<T>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

private func table(_ type: ColumnType, cbMax: UInt32 = 0, fixed: Bool = false, cp: UInt16 = 0) -> TableSchema {
    let size = type.fixedSize.map(UInt32.init) ?? (cbMax == 0 ? 255 : cbMax)
    let column = ColumnSchema(
        columnid: fixed || type.fixedSize != nil ? 1 : 128, name: "c", coltyp: type, cbMax: size, grbit: 0,
        codePage: type.isText ? (cp == 0 ? 1252 : cp) : 0, columnClass: fixed || type.fixedSize != nil ? .fixed : .variable)
    return TableSchema(name: "t", objid: 2, recordTree: TreeID(dbid: 1, objid: 2), columns: [column], indexes: [])
}

private func key(_ value: [UInt8]?, _ t: TableSchema, descending: Bool = false, grbit: UInt32 = 0) -> [UInt8] {
    let index = IndexSchema(
        name: "i", tree: t.recordTree, segments: [IndexSegment(columnid: t.columns[0].columnid, descending: descending)],
        grbit: grbit)
    return (try? KeyFormat.indexKey(index: index, table: t) { _ in value }) ?? []
}

private func lexLess(_ a: [UInt8], _ b: [UInt8]) -> Bool { a.lexicographicallyPrecedes(b) }

/// Every pair of samples (sorted by the typed order) has keys in the same order ascending and the reverse order
/// descending; equal values have equal keys.
private func checkOrder<T>(_ type: ColumnType, _ samples: [T], _ less: (T, T) -> Bool, _ encode: (T) -> [UInt8]) {
    let t = table(type)
    for a in samples {
        for b in samples {
            let ka = key(encode(a), t), kb = key(encode(b), t)
            let da = key(encode(a), t, descending: true), db = key(encode(b), t, descending: true)
            if less(a, b) {
                #expect(lexLess(ka, kb), "\(type) \(a) < \(b)")
                #expect(lexLess(db, da), "\(type) desc \(a) < \(b)")
            } else if !less(b, a) {
                #expect(ka == kb, "\(type) \(a) == \(b)")
            }
        }
    }
}

@Suite struct KeyFormatTests {
    @Test("issue 10: signed integer keys order as the numbers, both directions")
    func signedOrder() {
        let shorts: [Int16] = [.min, -300, -1, 0, 1, 255, 256, .max]
        checkOrder(.short, shorts, <) { bytes($0) }
        let longs: [Int32] = [.min, -65536, -1, 0, 1, 65536, .max]
        checkOrder(.long, longs, <) { bytes($0) }
        let longLongs: [Int64] = [.min, -1 << 40, -1, 0, 1, 1 << 40, .max]
        checkOrder(.longLong, longLongs, <) { bytes($0) }
        checkOrder(.currency, longLongs, <) { bytes($0) }
    }

    @Test("issue 10: unsigned keys, Bit and UnsignedByte order as the numbers")
    func unsignedOrder() {
        checkOrder(.unsignedByte, [UInt8](arrayLiteral: 0, 1, 127, 128, 255), <) { [$0] }
        checkOrder(.unsignedShort, [UInt16](arrayLiteral: 0, 1, 255, 256, .max), <) { bytes($0) }
        checkOrder(.unsignedLong, [UInt32](arrayLiteral: 0, 1, 1 << 24, .max), <) { bytes($0) }
        checkOrder(.unsignedLongLong, [UInt64](arrayLiteral: 0, 1, 1 << 63, .max), <) { bytes($0) }
        // Bit: every non-zero byte is true.
        let t = table(.bit)
        #expect(key([0], t) == [0x7F, 0x00])
        #expect(key([1], t) == [0x7F, 0xFF])
        #expect(key([7], t) == key([1], t))
    }

    @Test("issue 10: floating-point and DateTime keys order as the numbers, negatives included")
    func floatOrder() {
        let floats: [Float] = [-.infinity, -1e30, -1, -0.5, 0, 1e-30, 0.5, 1, 1e30, .infinity]
        checkOrder(.ieeeSingle, floats, <) { bytes($0) }
        let doubles: [Double] = [-.infinity, -1e300, -2, -1e-300, 0, 1e-300, 2, 1e300, .infinity]
        checkOrder(.ieeeDouble, doubles, <) { bytes($0) }
        checkOrder(.dateTime, doubles, <) { bytes($0) }
    }

    @Test("issue 10: a Long primary key is 5 bytes, as ESE's bookmarks")
    func longKeySize() {
        let t = table(.long)
        #expect(key(bytes(Int32(1)), t) == [0x7F, 0x80, 0, 0, 1])
    }

    @Test("issue 10: GUID keys use the string-form byte order")
    func guidKey() {
        let t = table(.guid)
        let value: [UInt8] = Array(0..<16)
        #expect(key(value, t) == [0x7F, 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3])
    }

    @Test("issue 10: code page 1252 text keys are ASCII case-insensitive and prefix-first")
    func text1252() {
        let t = table(.text)
        #expect(key(Array("abc".utf8), t) == key(Array("ABC".utf8), t))
        #expect(key(Array("abc".utf8), t) == [0x7F, 0x41, 0x42, 0x43, 0x00])
        let words = ["", "a", "ab", "abc", "abd", "b", "ba", "z"]
        checkOrder(.text, words, <) { Array($0.uppercased().utf8) }
        // Bytes after a NUL are not part of the key.
        #expect(key(Array("ab\0zz".utf8), t) == key(Array("ab".utf8), t))
    }

    @Test("issue 10: Unicode text keys are case-insensitive by Unicode lower-casing")
    func textUnicode() {
        let t = table(.text, cp: 1200)
        func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] } }
        #expect(key(utf16("ÄBC"), t) == key(utf16("äbc"), t))
        #expect(key(utf16("ΣΟΦΙΑ"), t) == key(utf16("σοφια"), t))
        #expect(lexLess(key(utf16("ab"), t), key(utf16("abc"), t)))
        #expect(lexLess(key(utf16("abc"), t), key(utf16("ABD"), t)))
        // An unpaired surrogate is not a trap.
        #expect(!key([0x00, 0xD8], t).isEmpty)
    }

    @Test("issue 10: variable Binary keys order bytewise with prefixes first (chunk format)")
    func binaryChunks() {
        let t = table(.binary)
        #expect(key([1, 2, 3], t) == [0x7F, 1, 2, 3, 0, 0, 0, 0, 0, 3])
        #expect(key(Array(1...8), t) == [0x7F] + Array(1...8) + [8])
        #expect(key(Array(1...9), t) == [0x7F] + Array(1...8) + [9, 9, 0, 0, 0, 0, 0, 0, 0, 1])
        var samples: [[UInt8]] = [[], [0], [0, 0], [1], [1, 0], Array(repeating: 0xFF, count: 8)]
        samples += [Array(repeating: 0xFF, count: 9), Array(1...16), Array(1...17), [2]]
        checkOrder(.binary, samples, { $0.lexicographicallyPrecedes($1) }) { $0 }
    }

    @Test("issue 10: NULL sorts first, or last with SortNullsHigh; zero-length between NULL and values")
    func nullsAndZeroLength() {
        let t = table(.binary)
        let null = key(nil, t), empty = key([], t), value = key([0], t)
        #expect(null == [0x00] && empty == [0x40])
        #expect(lexLess(null, empty) && lexLess(empty, value))
        let high = key(nil, t, grbit: IndexBits.sortNullsHigh)
        #expect(high == [0xC0] && lexLess(value, high))
        #expect(key(nil, t, descending: true) == [0xFF])
    }

    @Test("issue 10: index null rules and DisallowTruncation")
    func nullRulesAndTruncation() throws {
        let t = table(.long)
        let index = { (grbit: UInt32) in
            IndexSchema(name: "i", tree: t.recordTree, segments: [IndexSegment(columnid: 1, descending: false)], grbit: grbit)
        }
        #expect(try KeyFormat.indexKey(index: index(IndexBits.ignoreNull), table: t) { _ in nil } == nil)
        #expect(try KeyFormat.indexKey(index: index(IndexBits.ignoreAnyNull), table: t) { _ in nil } == nil)
        #expect(throws: JetError.nullKeyDisallowed) {
            try KeyFormat.indexKey(index: index(IndexBits.disallowNull), table: t) { _ in nil }
        }
        let text = table(.text)
        var short = IndexSchema(
            name: "i", tree: t.recordTree, segments: [IndexSegment(columnid: 128, descending: false)], grbit: 0,
            cbKeyMost: 255)
        let long = [UInt8](repeating: 0x61, count: 255)
        #expect(try KeyFormat.indexKey(index: short, table: text) { _ in long }?.count == 255)
        short.grbit = IndexBits.disallowTruncation
        #expect(throws: JetError.keyTruncated) { try KeyFormat.indexKey(index: short, table: text) { _ in long } }
    }

    @Test("issue 10: JetMakeKey checks and limits (ESE's order)")
    func makeKey() throws {
        let t = table(.text)
        let index = IndexSchema(name: "i", tree: t.recordTree, segments: [IndexSegment(columnid: 128, descending: false)], grbit: 0)
        var k: SearchKey?
        let ab = Array("ab".utf8)
        #expect(throws: JetError.keyNotMade) {
            try ab.withUnsafeBytes { try SearchKey.make(&k, data: $0, grbit: 0, index: index, table: t) }
        }
        try ab.withUnsafeBytes { try SearchKey.make(&k, data: $0, grbit: MakeKeyBits.newKey, index: index, table: t) }
        #expect(k?.bytes == [0x7F, 0x41, 0x42, 0x00])
        #expect(throws: JetError.keyIsMade) {
            try ab.withUnsafeBytes { try SearchKey.make(&k, data: $0, grbit: 0, index: index, table: t) }
        }
        #expect(throws: JetError.invalidGrbit) {
            try ab.withUnsafeBytes {
                try SearchKey.make(&k, data: $0, grbit: MakeKeyBits.newKey | 0x300, index: index, table: t)
            }
        }
        try ab.withUnsafeBytes {
            try SearchKey.make(
                &k, data: $0, grbit: MakeKeyBits.newKey | MakeKeyBits.partialColumnEndLimit, index: index, table: t)
        }
        // A prefix then 0xFF to cbKeyMost + 1: after every key starting with "ab".
        #expect(k?.bytes.prefix(3) == [0x7F, 0x41, 0x42] && k?.bytes.count == 256 && k?.isComplete == true)
        #expect(lexLess(key(Array("abzzz".utf8), t), k?.bytes ?? []))
        #expect(throws: JetError.noCurrentIndex) {
            try ab.withUnsafeBytes { try SearchKey.make(&k, data: $0, grbit: MakeKeyBits.newKey, index: nil, table: t) }
        }
        let long = table(.long)
        let longIndex = IndexSchema(name: "i", tree: t.recordTree, segments: [IndexSegment(columnid: 1, descending: false)], grbit: 0)
        #expect(throws: JetError.invalidBufferSize) {
            try ab.withUnsafeBytes { try SearchKey.make(&k, data: $0, grbit: MakeKeyBits.newKey, index: longIndex, table: long) }
        }
        #expect(throws: JetError.invalidGrbit) {
            try bytes(Int32(1)).withUnsafeBytes {
                try SearchKey.make(&k, data: $0, grbit: MakeKeyBits.newKey | MakeKeyBits.partialColumnStartLimit, index: longIndex, table: long)
            }
        }
    }
}

@Suite struct RecordFormatTests {
    private func schema() -> TableSchema {
        let columns = [
            ColumnSchema(columnid: 1, name: "id", coltyp: .long, cbMax: 4, grbit: 0, codePage: 0, columnClass: .fixed),
            ColumnSchema(columnid: 2, name: "flag", coltyp: .bit, cbMax: 1, grbit: 0, codePage: 0, columnClass: .fixed),
            ColumnSchema(columnid: 128, name: "name", coltyp: .text, cbMax: 255, grbit: 0, codePage: 1252, columnClass: .variable),
            ColumnSchema(columnid: 129, name: "blob", coltyp: .binary, cbMax: 255, grbit: 0, codePage: 0, columnClass: .variable),
        ]
        return TableSchema(name: "t", objid: 2, recordTree: TreeID(dbid: 1, objid: 2), columns: columns, indexes: [])
    }

    @Test("issue 10: a record gives back each value, NULL and zero-length apart")
    func roundTrip() throws {
        let t = schema()
        let record = try RecordFormat.encode([1: bytes(Int32(7)), 2: nil, 128: [], 129: [1, 2, 3]], table: t, pageSize: 8192)
        let decoded = try record.withUnsafeBytes { try RecordFormat.decode($0, table: t) }
        #expect(decoded[1] == .some(bytes(Int32(7))))
        #expect(decoded[2] == .some(nil))
        #expect(decoded[128] == .some([]))
        #expect(decoded[129] == .some([1, 2, 3]))
    }

    @Test("issue 10: a column added after the record was written reads as its default")
    func addedColumnDefault() throws {
        let t = schema()
        let record = try RecordFormat.encode([1: bytes(Int32(7))], table: t, pageSize: 8192)
        let added = ColumnSchema(
            columnid: 3, name: "n", coltyp: .short, cbMax: 2, grbit: 0, codePage: 0, columnClass: .fixed,
            defaultValue: [9, 0])
        let t2 = t.with(columns: t.columns + [added])
        #expect(try record.withUnsafeBytes { try RecordFormat.value(added, in: $0, table: t2) } == [9, 0])
        #expect(try record.withUnsafeBytes { try RecordFormat.value(t.columns[0], in: $0, table: t2) } == bytes(Int32(7)))
    }

    @Test("issue 10: records over ESE's size limit for the page size give JET_errRecordTooBig")
    func recordTooBig() throws {
        // REC::CbRecordMost by page size and the primary index's cbKeyMost (4: the record number of a table
        // without primary index).
        #expect(RecordFormat.cbRecordMost(pageSize: 4096, keyMost: 255) == 3789)
        #expect(RecordFormat.cbRecordMost(pageSize: 8192, keyMost: 255) == 7885)
        #expect(RecordFormat.cbRecordMost(pageSize: 4096, keyMost: 4) == 3791)
        #expect(RecordFormat.cbRecordMost(pageSize: 4096, keyMost: 253) == 3791)
        #expect(RecordFormat.cbRecordMost(pageSize: 4096, keyMost: 1000) == 3044)
        #expect(RecordFormat.cbRecordMost(pageSize: 8192, keyMost: 2000) == 6140)
        #expect(RecordFormat.cbRecordMost(pageSize: 16384, keyMost: 255) == 16037)
        #expect(RecordFormat.cbRecordMost(pageSize: 32768, keyMost: 255) == 32421)
        #expect(RecordFormat.cbRecordMost(pageSize: 32768, keyMost: 4) == 32672)
        var columns: [ColumnSchema] = []
        for i in 0..<20 {
            columns.append(ColumnSchema(
                columnid: 128 + UInt32(i), name: "v\(i)", coltyp: .binary, cbMax: 255, grbit: 0, codePage: 0,
                columnClass: .variable))
        }
        let t = TableSchema(name: "t", objid: 2, recordTree: TreeID(dbid: 1, objid: 2), columns: columns, indexes: [])
        var values: [UInt32: [UInt8]?] = [:]
        for i in 0..<20 { values[128 + UInt32(i)] = [UInt8](repeating: 1, count: 255) }
        #expect(throws: JetError.recordTooBig) { try RecordFormat.encode(values, table: t, pageSize: 4096) }
        #expect(try RecordFormat.encode(values, table: t, pageSize: 8192).count < 7885)
    }

    @Test("issue 10: damaged record bytes give JET_errDatabaseCorrupted, never a trap")
    func damagedRecords() throws {
        let t = schema()
        let good = try RecordFormat.encode([1: bytes(Int32(7)), 128: Array("abc".utf8)], table: t, pageSize: 8192)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var bad = good
            let count = Int.random(in: 1...3, using: &generator)
            for _ in 0..<count { bad[Int.random(in: 0..<bad.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            if Bool.random(using: &generator) { bad.removeLast(Int.random(in: 0..<bad.count, using: &generator)) }
            for column in t.columns {
                do {
                    _ = try bad.withUnsafeBytes { try RecordFormat.value(column, in: $0, table: t) }
                } catch {
                    #expect((error as? JetError) == .databaseCorrupted)
                }
            }
        }
    }
}

@Suite struct ColumnDefinitionTests {
    private func check(_ d: ColumnDefinition, name: String = "c", exclusive: Bool = false) throws -> (ColumnSchema, JetError?) {
        let r = try d.validate(name: Array(name.utf8), inTransaction: false, exclusive: exclusive)
        return (r.column, r.warning)
    }

    @Test("issue 10: JetAddColumn checks types, code pages, grbits and sizes in ESE's order")
    func checks() throws {
        #expect(throws: JetError.invalidParameter) { try check(ColumnDefinition(coltyp: 99, cbMax: 0x8000_0000), name: "") }
        #expect(throws: JetError.invalidName) { try check(ColumnDefinition(coltyp: 99), name: "a.b") }
        #expect(throws: JetError.invalidColumnType) { try check(ColumnDefinition(coltyp: 13)) }
        #expect(throws: JetError.invalidColumnType) { try check(ColumnDefinition(coltyp: 0)) }
        #expect(throws: JetError.invalidCodePage) { try check(ColumnDefinition(coltyp: 10, codePage: 437)) }
        #expect(throws: JetError.columnCannotBeCompressed) { try check(ColumnDefinition(coltyp: 4, grbit: 0x80000)) }
        #expect(throws: JetError.invalidGrbit) { try check(ColumnDefinition(coltyp: 11, grbit: 0x1)) }
        #expect(throws: JetError.multiValuedColumnMustBeTagged) { try check(ColumnDefinition(coltyp: 4, grbit: 0x400)) }
        #expect(throws: JetError.invalidBufferSize) { try check(ColumnDefinition(coltyp: 4, defaultValue: [1, 2])) }
        #expect(throws: JetError.defaultValueTooBig) {
            try check(ColumnDefinition(coltyp: 10, cbMax: 2, defaultValue: [1, 2, 3]))
        }
        #expect(throws: JetError.featureNotAvailable) { try check(ColumnDefinition(coltyp: 12)) }
        let (text, warning) = try check(ColumnDefinition(coltyp: 10, cbMax: 1000))
        #expect(text.cbMax == 255 && warning == .wrnColumnMaxTruncated && text.codePage == 1252)
        #expect(text.columnClass == .variable)
        let (long, none) = try check(ColumnDefinition(coltyp: 4, cbMax: 77))
        #expect(long.cbMax == 4 && none == nil && long.columnClass == .fixed && long.codePage == 0)
        let (fixedText, _) = try check(ColumnDefinition(coltyp: 10, cbMax: 10, grbit: 0x1, codePage: 1200))
        #expect(fixedText.columnClass == .fixed && fixedText.codePage == 1200)
    }

    @Test("issue 10: ESE's name rules on column, table and index names")
    func names() throws {
        #expect(throws: JetError.invalidName) { try ObjectName.validate(nil as [UInt8]?) }
        #expect(throws: JetError.invalidName) { try ObjectName.validate(" a") }
        #expect(throws: JetError.invalidName) { try ObjectName.validate("   ".utf8.map { $0 }.dropFirst().map { $0 }) }
        #expect(throws: JetError.invalidName) { try ObjectName.validate("[x]") }
        #expect(throws: JetError.invalidName) { try ObjectName.validate(String(repeating: "a", count: 65)) }
        #expect(try ObjectName.validate(String(repeating: "a", count: 64)).utf8.count == 64)
        #expect(try ObjectName.validate("name  ") == "name")
        #expect(throws: JetError.unicodeTranslationFail) { try ObjectName.validate([0x61, 0xFF] as [UInt8]?) }
        #expect(ObjectName.same("TestColumn", "tEsTcOLuMn"))
    }
}
