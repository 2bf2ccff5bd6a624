extension JetError {
    /// The one mapping of the storage engine's failures to ESE's codes.
    package init(_ failure: StorageError) {
        switch failure {
        case .keyDuplicate: self = .keyDuplicate
        case .keyNotFound: self = .recordNotFound
        case .treeNotFound: self = .objectNotFound
        case .entryTooBig: self = .recordTooBig
        case .pageChecksum: self = .readVerifyFailure
        case .pageWrongPlace: self = .readPgnoVerifyFailure
        case .corrupt: self = .databaseCorrupted
        case .diskFull: self = .diskFull
        case .io(let errno): self = JetError(errno: errno)
        case .logWriteFailed: self = .logWriteFail
        case .outOfMemory: self = .outOfMemory
        case .versionStoreFull: self = .versionStoreOutOfMemory
        case .readOnly: self = .databaseFileReadOnly
        }
    }
}
