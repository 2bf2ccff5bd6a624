import SystemPackage

/// Redo of committed page images during a replay (crash recovery at JetInit, hard recovery after a restore).
///
/// A commit writes `.commitGroupBegin(pages: n)`, n `.pageImage` records and `.commitGroupEnd` as one contiguous
/// run. `visit` gathers a group and writes its images into the database files only when the whole group is
/// there: a group cut by a crash (torn tail) or broken by any other record is dropped, so nothing uncommitted
/// reaches a database. Images are whole pages of the committed state, so redoing a group over a page that
/// already holds it, or a newer or older copy of it (a fuzzy backup copy), leaves the same bytes: replay is
/// idempotent and may be run again after a crash in the middle of it.
///
/// Where the pages go: `target` maps each database the log names (its create/attach record, or the checkpoint's
/// list) to a file path, nil to skip it (a database the caller is not restoring, or one that no longer exists).
package final class PageRedo {
    private let target: (LoggedDatabase) -> FilePath?
    private var attached: [UInt32: LoggedDatabase] = [:]
    private var expected: Int?
    private var pending: [(db: LoggedDatabase, pgno: UInt32, page: [UInt8])] = []
    private var files: [FilePath: DatabaseFile] = [:]
    private var missing: Set<FilePath> = []
    private var scratch: PageBuffer?
    /// Complete groups redone, and the page images they held.
    package private(set) var groupsApplied = 0
    package private(set) var pagesApplied = 0

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
            pending.append((db, pgno, page))
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
            guard image.page.count == file.pageSize, image.pgno >= 1, image.pgno <= DatabaseFile.maxPgnoLast else {
                throw .pageImageDamaged
            }
            if image.pgno > file.pgnoLast { try file.grow(toTotalPages: image.pgno + 2) }
            let buffer: PageBuffer
            if let scratch, scratch.count >= file.pageSize {
                buffer = scratch
            } else {
                scratch?.deallocate()
                scratch = nil
                buffer = try PageBuffer(bytes: DatabaseFile.validPageSizes[DatabaseFile.validPageSizes.count - 1])
                scratch = buffer
            }
            image.page.withUnsafeBytes { b in
                if let base = b.baseAddress { buffer.pointer.copyMemory(from: base, byteCount: b.count) }
            }
            try file.writePage(image.pgno, from: buffer.pointer)
            pagesApplied += 1
        }
        groupsApplied += 1
    }
}
