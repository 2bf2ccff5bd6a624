import SystemPackage

/// Paths the caller gives, as the core sees them.
package enum CallerPath {
    /// The current directory: relative names resolve against it at the moment of the call.
    static func currentDirectory() throws(JetError) -> String {
        try storage(try StorageIO.currentFolder().string)
    }

    /// `path` made absolute lexically (symlinks kept: that is what lists report), and with symlinks and `..`
    /// resolved (what identity and backup-set membership are decided on).
    static func resolve(_ path: String) throws(JetError) -> (absolute: String, resolved: String) {
        let absolute = Paths.absolute(path, from: try currentDirectory())
        return (absolute, try storage(try StorageIO.resolvedPath(filePath(absolute))?.string) ?? absolute)
    }

    /// A caller's path as Storage takes it. `FilePath` drops a trailing `/`, which says "a folder": it is kept as
    /// a final `.`, so that a database named `db.edb/` is not found (ENOTDIR), as before and as on Windows,
    /// rather than being `db.edb`.
    static func filePath(_ path: String) -> FilePath {
        FilePath(path.hasSuffix("/") ? path + "." : path)
    }
}
