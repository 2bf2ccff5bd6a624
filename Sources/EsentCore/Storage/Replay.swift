#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Replay over a range of log generations that may span folders: a backup set's archived logs, then the logs that
/// follow them in an instance's log folder (ESE's hard recovery, logredo.cxx). A thin extension of the log stream's
/// own replay: the same file reader, the same record rules, strict about damage in archived logs, read-only (it
/// never repairs or renames a file, so running it twice gives the same answer).
struct LogRangeReplay {
    /// One file of the range, in generation order.
    struct File: Equatable {
        var path: String
        var generation: Int32
        /// The `<base>.log` of an instance that stopped without a clean term: a torn tail ends its data.
        var isCurrent: Bool
    }

    /// What the headers say, checked before anything is replayed.
    struct Chain {
        var signLog: Signature
        var headers: [LogFileHeader]
    }

    /// The header of the log file at `path`. A missing file is `.fileNotFound`, one that is not a sound log
    /// `.logFileCorrupt`. No record is read.
    static func header(_ path: String) throws(JetError) -> LogFileHeader {
        let fd: Int32
        do {
            fd = try SystemCalls.open(path, O_RDONLY)
        } catch {
            throw error.errno == ENOENT ? .fileNotFound : JetError(error)
        }
        defer { SystemCalls.close(fd) }
        let buffer = try PageBuffer(bytes: LogStream.segmentSize)
        defer { buffer.deallocate() }
        let got = try StorageIO.run { () throws(SystemCallError) in
            try SystemCalls.pread(fd, buffer.pointer, LogStream.segmentSize, 0)
        }
        guard got == LogStream.segmentSize, let header = LogFileHeader.decode(buffer.pointer) else {
            throw .logFileCorrupt
        }
        return header
    }

    /// Replays `files` in order: every record of every file (strict for archives), the database attachments they
    /// leave. `attached` starts as the state before the first file. `afterFile` is told each file done.
    static func replay(
        _ files: [File], signLog: Signature, attached: inout [LoggedDatabase], afterFile: (File) -> Void
    ) throws(JetError) {
        var previousCreated: LogTime?
        for file in files {
            let fd: Int32
            do {
                fd = try SystemCalls.open(file.path, O_RDONLY)
            } catch {
                throw error.errno == ENOENT ? .requiredLogFilesMissing : JetError(error)
            }
            defer { SystemCalls.close(fd) }
            let image = try LogFileImage.read(fd: fd, expectedGeneration: file.generation)
            guard image.header.signLog == signLog else { throw .badLogSignature }
            if let previousCreated, image.header.previousCreated != previousCreated { throw .invalidLogSequence }
            for record in try image.records(strict: !file.isCurrent).list {
                LogStream.apply(record, to: &attached)
            }
            previousCreated = image.header.created
            afterFile(file)
        }
    }
}
