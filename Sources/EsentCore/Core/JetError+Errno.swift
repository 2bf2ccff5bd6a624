import SystemPackage

extension JetError {
    /// The JET error that esent.dll reports for the Windows counterpart of a failed system call.
    init(_ failure: SystemCallError) { self.init(errno: failure.errno) }

    /// The mapping itself, for failures that carry only the errno (the storage engine's `StorageError.io`).
    init(errno: Errno) {
        switch errno {
        case .noSuchFileOrDirectory, .notDirectory: self = .fileNotFound
        case .permissionDenied, .notPermitted, .readOnlyFileSystem: self = .fileAccessDenied
        case .noSpace, .diskQuotaExceeded: self = .diskFull
        case .fileNameTooLong: self = .invalidPath
        case .noMemory: self = .outOfMemory
        case .tooManyOpenFiles, .tooManyOpenFilesInSystem: self = .outOfFileHandles
        default: self = .diskIO
        }
    }
}
