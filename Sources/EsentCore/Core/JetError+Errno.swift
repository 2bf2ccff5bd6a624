#if canImport(Glibc)
import Glibc
#endif

extension JetError {
    /// The JET error that esent.dll reports for the Windows counterpart of a failed system call.
    init(_ failure: SystemCallError) {
        switch failure.errno {
        case ENOENT, ENOTDIR: self = .fileNotFound
        case EACCES, EPERM, EROFS: self = .fileAccessDenied
        case ENOSPC, EDQUOT: self = .diskFull
        case ENAMETOOLONG: self = .invalidPath
        case ENOMEM: self = .outOfMemory
        case EMFILE, ENFILE: self = .outOfFileHandles
        default: self = .diskIO
        }
    }
}
