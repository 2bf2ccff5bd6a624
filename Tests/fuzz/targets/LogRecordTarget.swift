@testable import EsentCore

// Log records: a walk over raw bytes as replay does it (decode, step by the size, stop at incomplete or
// corrupt), and records built from the input that must decode to themselves.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzLogRecord(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    if input.byte() & 1 == 0 {
        let bytes = input.rest()
        withScratch(bytes, size: bytes.count) { p in
            var offset = 0
            while offset < bytes.count {
                guard case .record(_, let size) = LogRecord.decode(p + offset, available: bytes.count - offset),
                    size > 0
                else { break }
                offset += size
            }
        }
        return 0
    }
    let dbid = input.uint32()
    let number = UInt64(input.uint32()) << 32 | UInt64(input.uint32())
    let kind = input.byte() % 12
    let text = input.take(Int(input.byte()) * 3)
    let path = String(decoding: text, as: UTF8.self)
    var sign = Signature.none
    sign.random = input.uint32()
    let records: [LogRecord] = [
        .createDatabase(dbid: dbid, path: path, signDb: sign), .attachDatabase(dbid: dbid, path: path, signDb: sign),
        .detachDatabase(dbid: dbid, path: path), .commit(session: number), .backupBegin(incremental: dbid & 1 != 0),
        .backupPrepareLogs, .backupHeaderUpdate(dbid: dbid),
        .backupAbort, .backupStop, .truncateLogs(low: Int32(bitPattern: dbid), high: Int32(truncatingIfNeeded: number)),
        .initialize, .shutdown,
    ]
    let record = records[Int(kind)]
    guard let needed = try? record.encodedSize() else { return 0 }
    withScratch(UnsafeRawBufferPointer(start: nil, count: 0), size: needed) { p in
        guard let written = try? record.encode(into: p) else { return }
        precondition(written == needed, "encoded size")
        precondition(LogRecord.decode(p, available: needed) == .record(record, size: needed), "record round trip")
        // Any shorter view is incomplete, never a record and never a read past the end.
        precondition(LogRecord.decode(p, available: needed - 1) == .incomplete, "torn record")
    }
    return 0
}
