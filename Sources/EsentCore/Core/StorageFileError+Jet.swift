extension JetError {
    /// The one mapping of the storage files' failures to ESE's codes. `hardRecovery`: the failure came from a
    /// replay of a restore's logs, where ESE reports log damage as JET_errLogCorruptDuringHardRecovery (-574)
    /// rather than JET_errLogFileCorrupt (-501).
    package init(_ failure: StorageFileError, hardRecovery: Bool = false) {
        switch failure {
        case .invalidArgument: self = .invalidParameter
        case .outOfMemory: self = .outOfMemory
        case .io(let call): self = JetError(call)
        case .shortRead: self = .diskIO
        case .fileExists: self = .fileAlreadyExists
        case .folderMissing: self = .invalidPath
        case .databaseExists: self = .databaseDuplicate
        case .notAFile: self = .fileAccessDenied
        case .databaseReadOnly: self = .databaseFileReadOnly
        case .databaseLocked: self = .databaseSharingViolation
        case .notADatabase: self = .fileInvalidType
        case .databaseDamaged: self = .databaseCorrupted
        case .pageChecksum: self = .readVerifyFailure
        case .pageWrongPlace: self = .readPgnoVerifyFailure
        case .trailerDamaged: self = .badPatchPage
        case .checkpointMissing: self = .checkpointFileNotFound
        case .checkpointDamaged: self = .checkpointCorrupt
        case .logDamaged: self = hardRecovery ? .logCorruptDuringHardRecovery : .logFileCorrupt
        case .pageImageDamaged: self = .logFileCorrupt
        case .logGenerationMismatch: self = .logGenerationMismatch
        case .logSignatureMismatch: self = .badLogSignature
        case .logSequenceBroken: self = .invalidLogSequence
        case .logMissing: self = .missingLogFile
        case .logSequenceEnd: self = .logSequenceEnd
        case .logWriteFailed: self = .logWriteFail
        case .logDiskFull: self = .logDiskFull
        case .checkpointSignatureMismatch: self = .badCheckpointSignature
        case .logCopyDamaged: self = .logReadVerifyFailure
        }
    }
}

/// Runs storage-file code for Core and maps its failure to the JET error callers get (`JetError(_:hardRecovery:)`).
@inline(__always)
func storage<T>(hardRecovery: Bool = false, _ body: @autoclosure () throws(StorageFileError) -> T) throws(JetError) -> T {
    do {
        return try body()
    } catch {
        throw JetError(error, hardRecovery: hardRecovery)
    }
}
