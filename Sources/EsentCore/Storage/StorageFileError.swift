import SystemPackage

/// What the storage files (database file, log files, checkpoint) and their glue report: what went wrong and, for
/// damage, where. Storage never speaks JET codes; Core maps these once (Core/StorageFileError+Jet.swift), deciding
/// what depends on the context it alone knows (damage met during hard recovery, a missing file that a caller was
/// looking for). The paged B+tree engine has its own `StorageError`.
package enum StorageFileError: Error, Equatable, Sendable {
    /// A value outside what the format can hold (a name too long for the checkpoint, a record too large, a page
    /// number past the file's limit, an empty buffer).
    case invalidArgument
    /// An allocation failed.
    case outOfMemory
    /// A system call failed; the call and its errno say which and why.
    case io(SystemCallError)
    /// A read came back short: the file ended before what it must hold (truncated under us).
    case shortRead
    /// Creating a file where one already is (without overwrite).
    case fileExists
    /// The folder a new file was to go in does not exist.
    case folderMissing

    // Database files.
    /// Creating a database where a file already is, without overwrite.
    case databaseExists
    /// The path names something that is not a regular file (a folder, FIFO or device).
    case notAFile
    /// The database file can be read but not written.
    case databaseReadOnly
    /// Another open of the file (this process or another) holds its lock.
    case databaseLocked
    /// Neither header copy looks like a database header (or a backup trailer, where one is expected).
    case notADatabase
    /// The file is a database but unusable: what was found.
    case databaseDamaged(DatabaseDamage)
    /// A data page failed its checksum.
    case pageChecksum(pgno: UInt32)
    /// A sound data page of another number sits at `pgno`.
    case pageWrongPlace(pgno: UInt32)
    /// A backup stream's trailer page is damaged.
    case trailerDamaged

    // Checkpoint.
    case checkpointMissing
    case checkpointDamaged

    // Log files.
    /// A log file's bytes are damaged or incomplete (header, size, segment, record or chain). Core decides the
    /// code: ESE reports damage met during hard recovery differently from damage met elsewhere.
    case logDamaged
    /// A committed page image in the log does not fit the database it names (wrong page size or number): the
    /// log is damaged whatever the context.
    case pageImageDamaged
    /// A log file is of another generation than its name or place says (or a short name where long ones are
    /// required).
    case logGenerationMismatch
    /// A log file of another log stream (signature).
    case logSignatureMismatch
    /// Logs that do not follow each other (creation times or the range asked for).
    case logSequenceBroken
    /// A generation the range needs is absent (nil: a checkpoint and no log at all).
    case logMissing(generation: Int32?)
    /// The log reached its last generation number.
    case logSequenceEnd
    /// A write or sync of the log failed (or failed earlier: the stream refuses records after a failure).
    case logWriteFailed
    /// The disk holding the log is full.
    case logDiskFull
    /// The checkpoint belongs to another log stream than the current log.
    case checkpointSignatureMismatch
    /// Log bytes read for a backup fail their check (checksum, generation, or data after a never-written segment).
    case logCopyDamaged
}

/// What made a database file unusable.
package enum DatabaseDamage: Equatable, Sendable {
    /// Both header copies fail their check (checksum, page size, state).
    case header
    /// The file's size is not a whole number of pages, or too small or large for its page size.
    case size
}

extension StorageFileError {
    /// A failure that says the path (or a folder on it) does not exist.
    var isNotFound: Bool {
        if case .io(let failure) = self {
            return failure.errno == .noSuchFileOrDirectory || failure.errno == .notDirectory
        }
        return false
    }
}
