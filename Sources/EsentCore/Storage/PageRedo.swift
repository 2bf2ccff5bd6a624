import SystemPackage

/// Redo of committed page images during a replay (crash recovery at JetInit, hard recovery after a restore).
///
/// A commit writes `.commitGroupBegin(pages: n)`, n `.pageImage` or `.pageDelta` records and `.commitGroupEnd` as
/// one contiguous run. `visit` gathers a group and writes its pages into the database files only when the whole
/// group is there: a group cut by a crash (torn tail) or broken by any other record is dropped, so nothing
/// uncommitted reaches a database. Images are whole pages of the committed state, so redoing one over a page that
/// already holds it, or a newer or older copy of it (a fuzzy backup copy), leaves the same bytes.
///
/// A delta changes the page as the file holds it. The engine logs one only while the page is unwritten since its
/// last full image, and the checkpoint stays at or before that image, so a replay from the checkpoint meets either
/// - the image first (this run wrote it): the page must then hold the delta's `before` state (or its `after`
///   state); anything else means the log does not describe this file: `.pageImageDamaged` (-501 to the caller);
/// - or no image: the delta is in the checkpoint's generation but older than a write of the page that let the
///   checkpoint move (the checkpoint counts whole generations). The file then holds that write or the delta's
///   base: the delta is applied when the page holds `before`, and otherwise left out, since the page already has
///   its effect (a later change of the page starts with an image, which this replay meets).
/// Replay is idempotent and may be run again after a crash in the middle of it: the second run rewrites each page
/// from its image again and meets the same deltas.
///
/// Where the pages go: `target` maps each database the log names (its create/attach record, or the checkpoint's
/// list) to a file path, nil to skip it (a database the caller is not restoring, or one that no longer exists).
package final class PageRedo {
    private let target: (LoggedDatabase) -> FilePath?
    private var attached: [UInt32: LoggedDatabase] = [:]
    private var expected: Int?
    private enum Change {
        case image([UInt8])
        case delta(before: UInt64, after: UInt64, ranges: [UInt8])
    }
    private var pending: [(db: LoggedDatabase, pgno: UInt32, change: Change)] = []
    private var files: [FilePath: DatabaseFile] = [:]
    /// Pages this run wrote an image of: their deltas must follow on from it.
    private var imaged: Set<PageAt> = []
    private struct PageAt: Hashable {
        var path: FilePath
        var pgno: UInt32
    }
    private var missing: Set<FilePath> = []
    private var scratch: PageBuffer?
    /// Complete groups redone, and the page images they held.
    package private(set) var groupsApplied = 0
    package private(set) var pagesApplied = 0
    /// Of `pagesApplied`, the deltas; and deltas found already applied (the page held their result).
    package private(set) var deltasApplied = 0
    package private(set) var deltasAlreadyApplied = 0
    /// Deltas left out: no image of the page in this run, and the file holds a later write of it.
    package private(set) var deltasOlderThanFile = 0

    package init(attached: [LoggedDatabase], target: @escaping (LoggedDatabase) -> FilePath?) {
        for db in attached { self.attached[db.dbid] = db }
        self.target = target
    }

    deinit { scratch?.deallocate() }

    /// One replayed record, in log order.
    package func visit(_ record: LogRecord) throws(StorageFileError) {
        switch record {
        case .commitGroupBegin(let pages):
            expected = Int(pages)
            pending.removeAll(keepingCapacity: true)
        case .pageImage(let dbid, let signDb, let pgno, let page):
            guard let count = expected, pending.count < count else {
                expected = nil
                return
            }
            // The database as attached when the group was written; one the range never attached (its record is
            // before the range) is known by its signature only.
            let db = attached[dbid].flatMap { $0.signDb == signDb ? $0 : nil }
                ?? LoggedDatabase(dbid: dbid, path: "", signDb: signDb)
            pending.append((db, pgno, .image(page)))
        case .pageDelta(let dbid, let signDb, let pgno, let before, let after, let ranges):
            guard let count = expected, pending.count < count else {
                expected = nil
                return
            }
            let db = attached[dbid].flatMap { $0.signDb == signDb ? $0 : nil }
                ?? LoggedDatabase(dbid: dbid, path: "", signDb: signDb)
            pending.append((db, pgno, .delta(before: before, after: after, ranges: ranges)))
        case .commitGroupEnd:
            if let count = expected, count == pending.count { try apply() }
            expected = nil
            pending.removeAll(keepingCapacity: true)
        default:
            // Anything else inside a group means the group was never finished.
            expected = nil
            pending.removeAll(keepingCapacity: true)
            Replay.apply(record, to: &attachedList)
        }
    }

    private var attachedList: [LoggedDatabase] {
        get { Array(attached.values) }
        set {
            attached = [:]
            for db in newValue { attached[db.dbid] = db }
        }
    }

    /// Makes every page written durable and closes the files. Call after the last record.
    package func finish() throws(StorageFileError) {
        defer { files = [:] }
        for file in files.values { try file.sync() }
    }

    private func apply() throws(StorageFileError) {
        for image in pending {
            let db = image.db
            guard let path = target(db), !missing.contains(path) else { continue }
            let file: DatabaseFile
            if let open = files[path] {
                file = open
            } else {
                do {
                    file = try DatabaseFile.open(path: path, readOnly: false)
                } catch {
                    // A database deleted since: the log's later records for it have nothing to redo.
                    guard error.isNotFound else { throw error }
                    missing.insert(path)
                    continue
                }
                // Another database now at that path (the log's was deleted and a new one made): not ours to touch.
                guard file.header.signDb == db.signDb else {
                    missing.insert(path)
                    continue
                }
                files[path] = file
            }
            guard image.pgno >= 1, image.pgno <= DatabaseFile.maxPgnoLast else { throw .pageImageDamaged }
            if case .image(let page) = image.change, page.count != file.pageSize { throw .pageImageDamaged }
            let buffer: PageBuffer
            if let scratch, scratch.count >= file.pageSize {
                buffer = scratch
            } else {
                scratch?.deallocate()
                scratch = nil
                buffer = try PageBuffer(bytes: DatabaseFile.validPageSizes[DatabaseFile.validPageSizes.count - 1])
                scratch = buffer
            }
            let at = PageAt(path: path, pgno: image.pgno)
            switch image.change {
            case .image(let page):
                imaged.insert(at)
                if image.pgno > file.pgnoLast { try file.grow(toTotalPages: image.pgno + 2) }
                page.withUnsafeBytes { b in
                    if let base = b.baseAddress { buffer.pointer.copyMemory(from: base, byteCount: b.count) }
                }
            case .delta(let before, let after, let ranges):
                let strict = imaged.contains(at)
                var sound = image.pgno <= file.pgnoLast
                if sound {
                    do {
                        try file.readPage(image.pgno, into: buffer.pointer)
                    } catch {
                        switch error {
                        case .pageChecksum, .pageWrongPlace: sound = false
                        default: throw error
                        }
                    }
                }
                sound = sound && !Checksum.isAllZero(buffer.pointer, count: file.pageSize)
                let stored = buffer.pointer.diskLoad(DatabaseFile.PageOffset.checksum, as: UInt64.self)
                if sound && stored == after {
                    deltasAlreadyApplied += 1
                    continue
                }
                guard sound, stored == before else {
                    if strict { throw .pageImageDamaged }
                    // A later write of the page (or one torn by the crash, which a later image in this run
                    // rewrites) is in the file.
                    deltasOlderThanFile += 1
                    continue
                }
                guard PageDelta.apply(ranges, to: buffer.pointer, pageSize: file.pageSize),
                    buffer.pointer.diskLoad(DatabaseFile.PageOffset.checksum, as: UInt64.self) == after,
                    DatabaseFile.verifyPage(buffer.pointer, pgno: image.pgno, pageSize: file.pageSize) == nil
                else { throw .pageImageDamaged }
                deltasApplied += 1
            }
            try file.writePage(image.pgno, from: buffer.pointer)
            pagesApplied += 1
        }
        groupsApplied += 1
    }
}
