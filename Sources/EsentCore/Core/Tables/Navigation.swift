import CEsent

/// JetMove, JetSeek, JetSetIndexRange, bookmarks, JetRetrieveKey and JetIndexRecordCount over a cursor's current
/// index. Each call reads through the session's transaction (or, at level 0, the latest committed state); the
/// tree cursors a TableCursor caches are reused while that transaction lasts, so a steady stream of moves and
/// seeks allocates nothing.
package enum Navigation {
    static let moveFirst = Int(JET_MoveFirst)
    static let moveLast = Int(JET_MoveLast)

    private static func storage<R>(_ body: () throws(StorageError) -> R) throws(JetError) -> R {
        do { return try body() } catch { throw JetError(error) }
    }

    /// The current entry's key and value, or nil when the tree cursor is not on one.
    private static func entryIndexKey<R>(
        _ tc: any TreeCursor, _ cursor: TableCursor, _ body: (UnsafeRawBufferPointer) -> R
    ) -> R? {
        let clustered = cursor.onClustered
        var result: R?
        _ = tc.visitEntry { (key, value) in
            if clustered {
                result = body(key)
            } else {
                let length = max(key.count - value.count, 0)
                result = body(UnsafeRawBufferPointer(rebasing: key[0..<length]))
            }
        }
        return result
    }

    private static func take(_ tc: any TreeCursor, _ cursor: TableCursor) {
        let stamp = cursor.onClustered ? tc.entryStamp : nil
        _ = tc.visitEntry { (key, value) in cursor.take(key, value, stamp: stamp) }
    }

    /// Runs body on the value of the entry `tc` is on; nil when it is on none.
    @inline(__always)
    private static func withValue<R>(
        _ tc: any TreeCursor, _ body: (UnsafeRawBufferPointer) throws(JetError) -> R
    ) throws(JetError) -> R? {
        // Two plain optionals rather than an Optional<Result>: valgrind saw the optimized tag test of the nested
        // enum read bytes the closure had not written (specialized for R = Void).
        var value: R? = nil
        var failure: JetError? = nil
        let on = tc.visitEntry { (_, entry) in
            do throws(JetError) { value = try body(entry) } catch { failure = error }
        }
        if let failure { throw failure }
        guard on, let value else { return nil }
        return value
    }

    /// Positions `tc` one entry away from the cursor's logical place; true when it reached an entry.
    private static func step(_ tc: any TreeCursor, _ cursor: TableCursor, forward: Bool) throws(JetError) -> Bool {
        switch cursor.currency {
        case .beforeFirst:
            return forward ? try storage { () throws(StorageError) in try tc.first() } : false
        case .afterLast:
            return forward ? false : try storage { () throws(StorageError) in try tc.last() }
        case .deferredFirst:
            // Callers resolve it first; treat as before the first entry.
            return forward ? try storage { () throws(StorageError) in try tc.first() } : false
        case .on, .deleted:
            if cursor.synced && (tc.isPositioned || cursor.currency == .deleted) {
                return try storage { () throws(StorageError) in forward ? try tc.next() : try tc.previous() }
            }
            return try stepFrom(cursor.current, tc, cursor, forward: forward, skipPrefix: false)
        case .sought:
            return try stepFrom(cursor.current, tc, cursor, forward: forward, skipPrefix: true)
        }
    }

    /// One entry after / before `key` (with `skipPrefix`, entries beginning with it count as equal to it).
    private static func stepFrom(
        _ key: [UInt8], _ tc: any TreeCursor, _ cursor: TableCursor, forward: Bool, skipPrefix: Bool
    ) throws(JetError) -> Bool {
        let found = try withBytes(key) { (k) throws(JetError) -> Bool in
            try storage { () throws(StorageError) in try tc.seek(k, .ge) }
        }
        if forward {
            guard found else { return false }
            var moved = found
            while moved {
                let same = key.withUnsafeBytes { k in
                    tc.withEntry { (entry, _) in
                        skipPrefix ? KeyOrder.hasPrefix(entry, k) : KeyOrder.compare(entry, k) == 0
                    } ?? false
                }
                if !same { return true }
                moved = try storage { () throws(StorageError) in try tc.next() }
            }
            return false
        }
        return try storage { () throws(StorageError) in found ? try tc.previous() : try tc.last() }
    }

    /// Resolves the deferred-first state to the first entry (-1603 on an empty index, the state then stays).
    static func resolveDeferred(_ session: IsamSession, _ cursor: TableCursor) throws(JetError) {
        guard cursor.currency == .deferredFirst else { return }
        let (transaction, generation) = try cursor.reading(session)
        let tc = try cursor.treeCursor(transaction, generation)
        guard try storage({ () throws(StorageError) in try tc.first() }) else { throw .noCurrentRecord }
        take(tc, cursor)
    }

    /// Runs body with the current record's bytes: -1603 when not on a record, -1017 when it was deleted.
    static func withCurrentRecord<R>(
        _ session: IsamSession, _ cursor: TableCursor, _ body: (UnsafeRawBufferPointer) throws(JetError) -> R
    ) throws(JetError) -> R {
        // The common case: in a transaction, on a record of the clustered index where the last move left the cursor
        // (a tree cursor no longer on its entry takes the full path below, which finds the record again or not).
        if cursor.onClustered, cursor.currency == .on, cursor.synced, let tc = cursor.cachedIndexCursor(session),
            let result = try withValue(tc, body)
        {
            return result
        }
        let (transaction, generation) = try cursor.reading(session)
        if cursor.currency == .deferredFirst { try resolveDeferred(session, cursor) }
        switch cursor.currency {
        case .on, .deleted: break
        default: throw .noCurrentRecord
        }
        let tc = try cursor.treeCursor(transaction, generation)
        if cursor.onClustered {
            let positioned = cursor.synced && cursor.currency == .on && tc.isPositioned
            if !positioned {
                let found = try withBytes(cursor.current) { (k) throws(JetError) -> Bool in
                    try storage { () throws(StorageError) in try tc.seek(k, .eq) }
                }
                guard found else { throw .recordDeleted }
                cursor.currency = .on
                cursor.synced = true
            }
            guard let result = try withValue(tc, body) else { throw .recordDeleted }
            return result
        }
        if cursor.currency == .deleted {
            let found = try withBytes(cursor.current) { (k) throws(JetError) -> Bool in
                try storage { () throws(StorageError) in try tc.seek(k, .eq) }
            }
            guard found else { throw .recordDeleted }
            cursor.currency = .on
            cursor.synced = true
        }
        let records = try cursor.recordTreeCursor(transaction, generation)
        let found = try withBytes(cursor.bookmark) { (k) throws(JetError) -> Bool in
            try storage { () throws(StorageError) in try records.seek(k, .eq) }
        }
        guard found else { throw .recordDeleted }
        guard let result = try withValue(records, body) else { throw .recordDeleted }
        return result
    }

    // MARK: JetMove

    package static func move(sesid: UInt, tableid: UInt, rows: Int, grbit: UInt) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            try move(session, cursor, rows: rows, keyNE: grbit & UInt(JET_bitMoveKeyNE) != 0)
        }
    }

    /// `rows` as the caller's `long`: JET_MoveFirst is 0x80000000 on LP64 and -0x80000000 from 32-bit habits.
    static func move(_ session: IsamSession, _ cursor: TableCursor, rows: Int, keyNE: Bool) throws(JetError) {
        let first = rows == moveFirst || rows == -moveFirst
        guard first || (rows >= Int(Int32.min) && rows <= Int(Int32.max)) else { throw .invalidParameter }
        if cursor.update != nil { cursor.update = nil }
        let (transaction, generation) = try cursor.reading(session)
        let tc = try cursor.treeCursor(transaction, generation)
        do throws(JetError) {
            if first || rows == moveLast {
                cursor.range = nil
                cursor.movedAtLevel = session.level
                let found = try storage { () throws(StorageError) in first ? try tc.first() : try tc.last() }
                guard found else {
                    cursor.unposition(first ? .beforeFirst : .afterLast)
                    throw JetError.noCurrentRecord
                }
                take(tc, cursor)
                return
            }
            if rows == 0 {
                _ = try withCurrentRecord(session, cursor) { _ in () }
                return
            }
            if cursor.currency == .deferredFirst {
                guard try storage({ () throws(StorageError) in try tc.first() }) else {
                    cursor.unposition(rows > 0 ? .afterLast : .beforeFirst)
                    throw JetError.noCurrentRecord
                }
                take(tc, cursor)
            }
            cursor.movedAtLevel = session.level
            let forward = rows > 0
            for _ in 0..<rows.magnitude {
                // KeyNE compares with the key of the entry left; from outside the index there is none.
                let leaving = cursor.currency == .on || cursor.currency == .deleted
                var reached = try step(tc, cursor, forward: forward)
                if keyNE && leaving {
                    let left = Array(cursor.current[0..<min(cursor.currentKeyLength, cursor.current.count)])
                    while reached,
                        left.withUnsafeBytes({ l in entryIndexKey(tc, cursor) { KeyOrder.compare($0, l) == 0 } })
                            == true
                    {
                        reached = try storage { () throws(StorageError) in forward ? try tc.next() : try tc.previous() }
                    }
                }
                guard reached else {
                    cursor.unposition(forward ? .afterLast : .beforeFirst)
                    throw JetError.noCurrentRecord
                }
                if let range = cursor.range, range.upper == forward,
                    entryIndexKey(tc, cursor, { range.excludes($0) }) == true
                {
                    cursor.range = nil
                    cursor.unposition(forward ? .afterLast : .beforeFirst)
                    throw JetError.noCurrentRecord
                }
                take(tc, cursor)
            }
        } catch .noCurrentRecord {
            throw .noCurrentRecord
        } catch .recordDeleted {
            throw .recordDeleted
        } catch {
            cursor.unposition(.beforeFirst)
            throw error
        }
    }

    // MARK: JetMakeKey

    /// One segment of the cursor's search key (KeyFormat's SearchKey.make has ESE's checks).
    package static func makeKey(
        sesid: UInt, tableid: UInt, data: UnsafeRawBufferPointer, grbit: UInt
    ) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (_, cursor) throws(JetError) in
            try SearchKey.make(&cursor.searchKey, data: data, grbit: grbit, index: cursor.index, table: cursor.schema)
        }
    }

    // MARK: JetSeek

    package static func seek(sesid: UInt, tableid: UInt, grbit: UInt) throws(JetError) -> JetError? {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> JetError? in
            try seek(session, cursor, grbit: grbit)
        }
    }

    enum SeekMode { case eq, lt, le, ge, gt }

    /// ESE's order of the direction bits (a constant: a seek allocates nothing).
    private static let seekBits: [(UInt, SeekMode)] = [
        (UInt(JET_bitSeekLT), .lt), (UInt(JET_bitSeekLE), .le), (UInt(JET_bitSeekGE), .ge),
        (UInt(JET_bitSeekGT), .gt), (UInt(JET_bitSeekEQ), .eq),
    ]

    static func seek(_ session: IsamSession, _ cursor: TableCursor, grbit: UInt) throws(JetError) -> JetError? {
        var mode: SeekMode?
        for (bit, m) in seekBits where grbit & bit != 0 {
            // Two directions at once end in an assertion in ESE; here they are a bad parameter.
            guard mode == nil else { throw .invalidParameter }
            mode = m
        }
        guard let mode else { throw .invalidParameter }
        guard let searchKey = cursor.searchKey else { throw .keyNotMade }
        cursor.update = nil
        cursor.range = nil
        // The search key is consumed whatever the outcome.
        cursor.searchKey = nil
        cursor.movedAtLevel = session.level
        let key = searchKey.bytes
        let (transaction, generation) = try cursor.reading(session)
        let tc = try cursor.treeCursor(transaction, generation)
        do throws(JetError) {
            var result = try withBytes(key) { (k) throws(JetError) -> JetError? in
                try seek(tc, cursor, k, mode)
            }
            if mode == .eq && grbit & UInt(JET_bitCheckUniqueness) != 0 {
                result = try withBytes(key) { (k) throws(JetError) -> JetError? in
                    try isOnlyMatch(tc, cursor, k) ? .wrnUniqueKey : nil
                }
            }
            if mode == .eq && grbit & UInt(JET_bitSetIndexRange) != 0 {
                cursor.range = IndexRange(limit: key, upper: true, inclusive: true)
            }
            return result
        } catch .recordNotFound {
            cursor.current = key
            cursor.currentKeyLength = key.count
            cursor.unposition(.sought)
            throw .recordNotFound
        } catch {
            cursor.unposition(.beforeFirst)
            throw error
        }
    }

    /// JET_bitCheckUniqueness after a SeekEQ that found `key`: true when the next entry does not match it, so the
    /// entry found is the only one (ESE's JET_wrnUniqueKey). Leaves the tree cursor to be re-synced from `current`.
    private static func isOnlyMatch(
        _ tc: any TreeCursor, _ cursor: TableCursor, _ key: UnsafeRawBufferPointer
    ) throws(JetError) -> Bool {
        cursor.synced = false
        guard try storage({ () throws(StorageError) in try tc.next() }) else { return true }
        return entryIndexKey(tc, cursor, { KeyOrder.hasPrefix($0, key) }) != true
    }

    private static func seek(
        _ tc: any TreeCursor, _ cursor: TableCursor, _ key: UnsafeRawBufferPointer, _ mode: SeekMode
    ) throws(JetError) -> JetError? {
        let atOrAfter = try storage { () throws(StorageError) in try tc.seek(key, .ge) }
        let equal = atOrAfter && entryIndexKey(tc, cursor, { KeyOrder.hasPrefix($0, key) }) == true
        switch mode {
        case .eq:
            guard equal else { throw .recordNotFound }
            take(tc, cursor)
            return nil
        case .ge:
            guard atOrAfter else { throw .recordNotFound }
            take(tc, cursor)
            return equal ? nil : .wrnSeekNotEqual
        case .gt:
            var on = atOrAfter
            while on, entryIndexKey(tc, cursor, { KeyOrder.hasPrefix($0, key) }) == true {
                on = try storage { () throws(StorageError) in try tc.next() }
            }
            guard on else { throw .recordNotFound }
            take(tc, cursor)
            return nil
        case .le, .lt:
            if mode == .le && equal {
                take(tc, cursor)
                return nil
            }
            let before = try storage { () throws(StorageError) in atOrAfter ? try tc.previous() : try tc.last() }
            guard before else { throw .recordNotFound }
            take(tc, cursor)
            return mode == .le ? .wrnSeekNotEqual : nil
        }
    }

    // MARK: JetSetIndexRange

    package static func setIndexRange(sesid: UInt, tableid: UInt, grbit: UInt) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            if grbit & UInt(JET_bitRangeRemove) != 0 {
                guard cursor.range != nil else { throw .invalidOperation }
                cursor.range = nil
                return
            }
            guard cursor.index != nil else { throw .noCurrentIndex }
            guard let searchKey = cursor.searchKey else { throw .keyNotMade }
            cursor.searchKey = nil
            let range = IndexRange(
                limit: searchKey.bytes, upper: grbit & UInt(JET_bitRangeUpperLimit) != 0,
                inclusive: grbit & UInt(JET_bitRangeInclusive) != 0)
            // ESE records the range even when the cursor is on no entry.
            cursor.range = range
            if cursor.currency == .deferredFirst { try resolveDeferred(session, cursor) }
            guard cursor.currency == .on || cursor.currency == .deleted else { throw .noCurrentRecord }
            let length = min(cursor.currentKeyLength, cursor.current.count)
            let outside = cursor.current.withUnsafeBytes { range.excludes(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
            if outside {
                cursor.range = nil
                cursor.unposition(range.upper ? .afterLast : .beforeFirst)
                throw .noCurrentRecord
            }
            if grbit & UInt(JET_bitRangeInstantDuration) != 0 { cursor.range = nil }
        }
    }

    // MARK: bookmarks

    /// JetGetBookmark: copies the bookmark into `buffer` (as much as fits) and returns its full length; the caller
    /// turns a short buffer into JET_errBufferTooSmall after copying.
    package static func bookmark(
        sesid: UInt, tableid: UInt, into buffer: UnsafeMutableRawBufferPointer
    ) throws(JetError) -> Int {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> Int in
            if cursor.currency == .deferredFirst { try resolveDeferred(session, cursor) }
            guard cursor.currency == .on || cursor.currency == .deleted else { throw .noCurrentRecord }
            let n = min(buffer.count, cursor.bookmark.count)
            if n > 0 { cursor.bookmark.withUnsafeBytes { buffer.baseAddress?.copyMemory(from: $0.baseAddress!, byteCount: n) } }
            return cursor.bookmark.count
        }
    }

    /// JetGotoBookmark.
    package static func gotoBookmark(sesid: UInt, tableid: UInt, bookmark: UnsafeRawBufferPointer) throws(JetError) {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) in
            guard bookmark.count > 0 else { throw .invalidBookmark }
            cursor.update = nil
            cursor.range = nil
            cursor.searchKey = nil
            try positionOnRecord(session, cursor, bookmark: Array(bookmark))
        }
    }

    /// Puts the cursor on the current index's entry of the record `bookmark`: -1017 when there is no such
    /// record, -1603 (and before first) when the record has no entry in a secondary index.
    static func positionOnRecord(_ session: IsamSession, _ cursor: TableCursor, bookmark: [UInt8]) throws(JetError) {
        let (transaction, generation) = try cursor.reading(session)
        let records = try cursor.recordTreeCursor(transaction, generation)
        let found = try withBytes(bookmark) { (k) throws(JetError) -> Bool in
            try storage { () throws(StorageError) in try records.seek(k, .eq) }
        }
        guard found else { throw .recordDeleted }
        let tc = try cursor.treeCursor(transaction, generation)
        if cursor.onClustered {
            let on = try withBytes(bookmark) { (k) throws(JetError) -> Bool in
                try storage { () throws(StorageError) in try tc.seek(k, .eq) }
            }
            guard on else { throw .recordDeleted }
            take(tc, cursor)
            return
        }
        guard let index = cursor.index else { throw .noCurrentRecord }
        let schema = cursor.schema
        let indexKey = try records.withEntry { (_, record) throws(JetError) -> [UInt8]? in
            try KeyFormat.indexKey(record: record, index: index, table: schema)
        }
        guard let indexKey, let indexKey else {
            cursor.unposition(.beforeFirst)
            throw .noCurrentRecord
        }
        let entryKey = KeyFormat.secondaryEntryKey(key: indexKey, bookmark: bookmark)
        let on = try withBytes(entryKey) { (k) throws(JetError) -> Bool in
            try storage { () throws(StorageError) in try tc.seek(k, .eq) }
        }
        guard on else {
            cursor.unposition(.beforeFirst)
            throw .noCurrentRecord
        }
        take(tc, cursor)
    }

    // MARK: JetRetrieveKey

    /// The search key (`copy`) or the current entry's index key, into `buffer`; returns the full length.
    package static func retrieveKey(
        sesid: UInt, tableid: UInt, into buffer: UnsafeMutableRawBufferPointer, copy: Bool
    ) throws(JetError) -> Int {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> Int in
            let source: ArraySlice<UInt8>
            if copy {
                guard let key = cursor.searchKey else { throw .keyNotMade }
                source = key.bytes[...]
            } else {
                if cursor.currency == .deferredFirst { try resolveDeferred(session, cursor) }
                guard cursor.currency == .on || cursor.currency == .deleted else { throw .noCurrentRecord }
                source = cursor.current[0..<min(cursor.currentKeyLength, cursor.current.count)]
            }
            let n = min(buffer.count, source.count)
            if n > 0, let base = buffer.baseAddress {
                source.withUnsafeBytes { base.copyMemory(from: $0.baseAddress!, byteCount: n) }
            }
            return source.count
        }
    }

    // MARK: JetIndexRecordCount

    /// Entries from the current one forward (to the end, the range's limit or `limit`, 0: none). The cursor stays
    /// where it was and its index range is removed.
    package static func indexRecordCount(sesid: UInt, tableid: UInt, limit: UInt64) throws(JetError) -> UInt64 {
        try TableCursors.with(sesid, tableid) { (session, cursor) throws(JetError) -> UInt64 in
            let range = cursor.range
            cursor.range = nil
            let (transaction, generation) = try cursor.reading(session)
            if cursor.currency == .deferredFirst {
                let tc = try cursor.treeCursor(transaction, generation)
                guard try storage({ () throws(StorageError) in try tc.first() }) else { return 0 }
                take(tc, cursor)
            }
            guard cursor.currency == .on || cursor.currency == .deleted else { throw .noCurrentRecord }
            // A separate cursor: the cursor's own position must not change.
            let counter = try storage { () throws(StorageError) in try transaction.cursor(cursor.indexTree) }
            var on = try withBytes(cursor.current) { (k) throws(JetError) -> Bool in
                try storage { () throws(StorageError) in try counter.seek(k, .ge) }
            }
            var count: UInt64 = 0
            while on {
                if let range, range.upper, entryIndexKey(counter, cursor, { range.excludes($0) }) == true { break }
                count += 1
                if limit != 0 && count >= limit { break }
                on = try storage { () throws(StorageError) in try counter.next() }
            }
            return count
        }
    }
}
