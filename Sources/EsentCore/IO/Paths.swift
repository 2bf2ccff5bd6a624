import SystemPackage

/// Path arithmetic done on strings, the way ESE's GetFullPathName-based code sees paths: lexical, without
/// touching the file system (symlinks stay as the caller wrote them).
package enum Paths {
    /// `path` made absolute against `directory`, with `.`, `..` and repeated slashes folded lexically.
    /// A trailing slash is kept, because folder parameters are reported with one.
    static func absolute(_ path: String, from directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        let body = "/" + parts.joined(separator: "/")
        if joined.hasSuffix("/") && body != "/" { return body + "/" }
        return body
    }

    /// `path` as a folder: absolute, ending in exactly one `/`.
    static func folder(_ path: String, from directory: String) -> String {
        let a = absolute(path, from: directory)
        return a.hasSuffix("/") ? a : a + "/"
    }

    /// The folder part of a file path, ending in `/`.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "./" }
        return String(path[...slash])
    }

    /// The last component of a path.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The folder holding `path` (`.` for a bare name), for syncing the entry of a file just created or renamed.
    static func folder(of path: FilePath) -> FilePath {
        let folder = path.removingLastComponent()
        return folder.isEmpty ? "." : folder
    }
}
