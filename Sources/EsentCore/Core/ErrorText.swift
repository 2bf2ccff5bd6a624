/// Text for JET_paramErrorToString: "symbol, description". Descriptions are this project's
/// own words; every code the library returns has one written for it, other esent.h codes get their symbol
/// spelled out, and unknown numbers read "Unknown Error" as in ESE.
package enum ErrorText {
    package static func describe(_ code: Int32) -> String {
        if code == 0 { return "JET_errSuccess, The call succeeded" }
        guard let error = JetError(rawValue: code) else { return "Unknown Error, Unknown Error" }
        return error.symbol + ", " + description(error)
    }

    static func description(_ error: JetError) -> String {
        if let text = written[error] { return text }
        return spelledOut(error.symbol)
    }

    /// "JET_errLogDiskFull" → "Log disk full".
    static func spelledOut(_ symbol: String) -> String {
        let name = symbol.hasPrefix("JET_err") || symbol.hasPrefix("JET_wrn") ? symbol.dropFirst(7) : Substring(symbol)
        var words = ""
        for (i, ch) in name.enumerated() {
            if i > 0 && ch.isUppercase { words.append(" ") }
            words.append(i == 0 ? ch : Character(ch.lowercased()))
        }
        return words
    }

    private static let written: [JetError: String] = [
        .wrnNyi: "This function or option is not available in this version",
        .internalError: "The library met a condition it does not expect; nothing was changed",
        .logFileCorrupt: "A log file is damaged (its header or a record failed its checksum)",
        .backupInProgress: "A backup is running on this instance; end it first",
        .logWriteFail: "Writing the log failed; the instance cannot log any more",
        .invalidLogSequence: "The log files do not form an unbroken sequence",
        .loggingDisabled: "Logging is off for this instance (JET_paramRecovery), so it cannot be backed up",
        .logSequenceEnd: "The log generation numbers are exhausted",
        .noBackup: "No backup is running on this instance",
        .invalidBackupSequence: "This backup call is out of order for the backup's current phase",
        .backupNotAllowedYet: "The instance is not ready for a backup (not initialized, or terminating)",
        .invalidBackup: "An incremental backup is not possible while circular logging is on",
        .logDiskFull: "The log volume is full",
        .badLogSignature: "A log file belongs to a different log stream",
        .checkpointCorrupt: "The checkpoint file is damaged",
        .badCheckpointSignature: "The checkpoint file belongs to a different log stream",
        .missingLogFile: "A log file the log stream needs is missing",
        .softRecoveryOnBackupDatabase: "The file is a raw backup copy; restore it before attaching it",
        .databaseDirtyShutdown: "The database was not shut down cleanly; run recovery on its log first",
        .missingFullBackup: "An incremental backup needs a previous full backup of every database",
        .missingFileToBackup: "A file that belongs to the backup is missing (or the log chain has a gap)",
        .unicodeTranslationFail: "A string is not valid UTF-8 or UTF-16",
        .logReadVerifyFailure: "A log file failed its checksum while it was read for backup",
        .logFileNotCopied: "Logs cannot be truncated before every listed log was read to its end and closed",
        .backupAbortByServer: "The backup was stopped (JetStopBackup or JetTerm); only close and end remain",
        .invalidGrbit: "The grbit has a bit this call does not accept",
        .termInProgress: "The instance is terminating",
        .invalidParameter: "A parameter is not valid (a NULL pointer, a value out of range or an unknown handle)",
        .wrnDatabaseAttached: "The database was already attached",
        .databaseFileReadOnly: "The database file is read-only; attach it with JET_bitDbReadOnly",
        .outOfMemory: "Out of memory (or, during backup, a file is already open)",
        .outOfFileHandles: "No more file descriptors are available",
        .readVerifyFailure: "A database page failed its checksum",
        .diskIO: "A disk read or write failed",
        .invalidPath: "The path is not valid",
        .invalidSystemPath: "The system path does not exist",
        .invalidLogDirectory: "The log folder does not exist",
        .notInitialized: "The instance is not initialized",
        .alreadyInitialized: "The instance is already initialized, or the setting can no longer change",
        .initInProgress: "The instance is being initialized",
        .fileAccessDenied: "Access to the file was denied",
        .bufferTooSmall: "The buffer is too small for the result",
        .invalidBufferSize: "The buffer is too small for the requested information",
        .runningInOneInstanceMode: "The process runs in one-instance (legacy) mode",
        .runningInMultiInstanceMode: "The process runs in multi-instance mode; name an instance",
        .systemParamsAlreadySet: "Multi-instance mode is already on with these settings",
        .systemPathInUse: "Another initialized instance uses this system path",
        .logFilePathInUse: "Another initialized instance uses this log folder",
        .tempPathInUse: "Another initialized instance uses this temporary database path",
        .instanceNameInUse: "An instance with this name exists",
        .systemParameterConflict: "The settings differ from those multi-instance mode was started with",
        .invalidSesid: "The session handle is not valid",
        .inTransaction: "The session is inside a transaction",
        .invalidInstance: "The instance handle is not valid (never created or already terminated)",
        .dirtyShutdown: "The instance was terminated without a clean shutdown, as requested",
        .readPgnoVerifyFailure: "A database page holds the wrong page number",
        .notInTransaction: "The session is not inside a transaction",
        .transTooDeep: "Transactions are nested too deeply",
        .invalidDatabaseId: "The database id is not open in this session",
        .databaseDuplicate: "The database exists already",
        .databaseInUse: "The database is open; close it first",
        .databaseSharingViolation: "The database is attached by another instance or process",
        .databaseNotFound: "No such attached database",
        .databaseCorrupted: "The database header is damaged",
        .cannotDisableVersioning: "Versioning cannot be turned off",
        .pageSizeMismatch: "The database's page size differs from the instance's",
        .tooManyInstances: "The instance limit (JET_paramMaxInstances) is reached",
        .databaseInvalidPath: "The database path is empty or not valid",
        .forceDetachNotAllowed: "A forced detach is not allowed",
        .invalidSettings: "The settings do not agree (the log file size must be a multiple of 4 KiB)",
        .clientRequestToStopJetService: "The service was stopped (JetStopService); this call is refused",
        .tooManyAttachedDatabases: "An instance can attach at most six databases",
        .diskFull: "The disk is full",
        .fileNotFound: "The file or folder does not exist",
        .fileInvalidType: "The file is not of the expected kind",
    ]
}
