#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage

/// A database the log says is attached: what replay and the checkpoint carry.
package struct LoggedDatabase: Equatable, Sendable {
    var dbid: UInt32
    var path: String
    var signDb: Signature
}

/// The checkpoint file `<system path><base>.chk`: where replay starts (a generation), the stream's `signLog`, and
/// the databases attached at that point. The list is needed because the records that attached a database may be
/// in a generation before the checkpoint, which replay does not read (ESE keeps it in the checkpoint too).
///
/// Layout: a 4096-byte fixed part, then the list (docs/file-formats.md). Written to `<file>.tmp`, synced, renamed
/// over the old one and the folder synced, so a crash leaves either the old or the new checkpoint.
package struct Checkpoint: Equatable, Sendable {
    /// "CHKP" when read with xxd.
    static let magic: UInt32 = 0x504B_4843
    static let formatVersion: UInt32 = 1
    static let fixedSize = 4096
    /// A list longer than this is damage, not data (keeps a corrupt length from asking for gigabytes).
    static let maxListBytes = 64 << 20

    enum Offset {
        static let checksum = 0  // UInt64 over bytes 8..<4096, seed Checksum.checkpointSeed
        static let magic = 8  // UInt32 "CHKP"
        static let formatVersion = 12  // UInt32
        static let generation = 16  // Int32
        static let signLog = 20  // Signature
        static let attachedCount = 48  // UInt32
        static let listBytes = 52  // UInt32: bytes of the list after the fixed part
        static let listChecksum = 56  // UInt64: Checksum.bytes of the list, seed Checksum.checkpointSeed
        static let written = 64  // LogTime of this write
        static let fileType = 667  // UInt8 4 = JET_filetypeCheckpoint
    }

    var generation: Int32
    var signLog: Signature
    var attached: [LoggedDatabase]

    init(generation: Int32, signLog: Signature, attached: [LoggedDatabase]) {
        self.generation = generation
        self.signLog = signLog
        self.attached = attached
    }

    /// The file's bytes.
    func encoded() throws(StorageFileError) -> [UInt8] {
        var list: [UInt8] = []
        for db in attached {
            let name = Array(db.path.utf8)
            guard name.count <= Int(UInt16.max) else { throw .invalidArgument }
            var entry = [UInt8](repeating: 0, count: 4 + Signature.size + 2)
            entry.withUnsafeMutableBytes { b in
                guard let p = b.baseAddress else { return }
                p.diskStore(db.dbid, at: 0)
                db.signDb.encode(into: p + 4)
                p.diskStore(UInt16(name.count), at: 4 + Signature.size)
            }
            list += entry
            list += name
        }
        guard list.count <= Self.maxListBytes, attached.count <= Int(UInt32.max) else { throw .invalidArgument }
        var bytes = [UInt8](repeating: 0, count: Self.fixedSize)
        let listSum = list.withUnsafeBytes { Checksum.bytes($0, seed: Checksum.checkpointSeed) }
        bytes.withUnsafeMutableBytes { b in
            guard let p = b.baseAddress else { return }
            p.diskStore(Self.magic, at: Offset.magic)
            p.diskStore(Self.formatVersion, at: Offset.formatVersion)
            p.diskStore(generation, at: Offset.generation)
            signLog.encode(into: p + Offset.signLog)
            p.diskStore(UInt32(attached.count), at: Offset.attachedCount)
            p.diskStore(UInt32(list.count), at: Offset.listBytes)
            p.diskStore(listSum, at: Offset.listChecksum)
            LogTime.now().encode(into: p + Offset.written)
            p.diskStore(FileType.checkpoint.rawValue, at: Offset.fileType)
            p.diskStore(Checksum.page(p, count: Self.fixedSize, seed: Checksum.checkpointSeed), at: Offset.checksum)
        }
        return bytes + list
    }

    /// Decodes a whole checkpoint file. Any inconsistency → `.checkpointCorrupt`.
    static func decode(_ p: UnsafeRawPointer, count: Int) throws(StorageFileError) -> Checkpoint {
        guard count >= fixedSize, p.diskLoad(Offset.magic, as: UInt32.self) == magic,
            p.diskLoad(Offset.fileType, as: UInt8.self) == FileType.checkpoint.rawValue,
            p.diskLoad(Offset.checksum, as: UInt64.self)
                == Checksum.page(p, count: fixedSize, seed: checkpointSeed)
        else { throw .checkpointDamaged }
        let listBytes = Int(p.diskLoad(Offset.listBytes, as: UInt32.self))
        guard listBytes == count - fixedSize,
            p.diskLoad(Offset.listChecksum, as: UInt64.self)
                == Checksum.bytes(UnsafeRawBufferPointer(start: p + fixedSize, count: listBytes), seed: checkpointSeed)
        else { throw .checkpointDamaged }
        let expected = Int(p.diskLoad(Offset.attachedCount, as: UInt32.self))
        var attached: [LoggedDatabase] = []
        var offset = fixedSize
        let entryHeader = 4 + Signature.size + 2
        while offset < count {
            guard count - offset >= entryHeader else { throw .checkpointDamaged }
            let e = p + offset
            let nameLength = Int(e.diskLoad(4 + Signature.size, as: UInt16.self))
            guard count - offset - entryHeader >= nameLength else { throw .checkpointDamaged }
            let name = String(
                decoding: UnsafeRawBufferPointer(start: e + entryHeader, count: nameLength), as: UTF8.self)
            attached.append(
                LoggedDatabase(dbid: e.diskLoad(0, as: UInt32.self), path: name, signDb: Signature(decoding: e + 4)))
            offset += entryHeader + nameLength
        }
        guard attached.count == expected else { throw .checkpointDamaged }
        return Checkpoint(
            generation: p.diskLoad(Offset.generation, as: Int32.self),
            signLog: Signature(decoding: p + Offset.signLog), attached: attached)
    }

    private static var checkpointSeed: UInt64 { Checksum.checkpointSeed }

    /// Reads `path`. Missing → `.checkpointMissing`; damaged → `.checkpointDamaged`.
    static func read(path: FilePath) throws(StorageFileError) -> Checkpoint {
        let fd: FileDescriptor
        do {
            fd = try SystemCalls.open(path, .readOnly)
        } catch {
            throw error.errno == .noSuchFileOrDirectory ? .checkpointMissing : .io(error)
        }
        defer { SystemCalls.close(fd) }
        let size = try StorageIO.run { () throws(SystemCallError) in try SystemCalls.fileSize(fd) }
        guard size >= Int64(fixedSize), size <= Int64(fixedSize + maxListBytes) else { throw .checkpointDamaged }
        let buffer = try PageBuffer(bytes: Int(size))
        defer { buffer.deallocate() }
        let got = try StorageIO.run { () throws(SystemCallError) in
            try SystemCalls.pread(fd, buffer.pointer, Int(size), 0)
        }
        guard got == Int(size) else { throw .checkpointDamaged }
        return try decode(buffer.pointer, count: got)
    }

    /// Replaces the file at `path` durably (temp file, fsync, rename, fsync of the folder).
    func write(path: FilePath) throws(StorageFileError) {
        let bytes = try encoded()
        let buffer = try PageBuffer(bytes: bytes.count)
        defer { buffer.deallocate() }
        bytes.withUnsafeBytes { b in
            if let base = b.baseAddress { buffer.pointer.copyMemory(from: base, byteCount: b.count) }
        }
        let temp = FilePath(path.string + ".tmp")
        try StorageIO.run { () throws(SystemCallError) in
            let fd = try SystemCalls.open(temp, .writeOnly, options: [.create, .truncate])
            do throws(SystemCallError) {
                try SystemCalls.pwrite(fd, buffer.pointer, bytes.count, 0)
                try SystemCalls.fsync(fd)
            } catch {
                SystemCalls.close(fd)
                try? SystemCalls.unlink(temp)
                throw error
            }
            SystemCalls.close(fd)
            try SystemCalls.rename(temp, path)
            try SystemCalls.syncDirectory(Paths.folder(of: path))
        }
    }
}
