// Creates an instance with a database under FOLDER/data, commits a transaction, and takes a full streaming backup
// into FOLDER/backup. Constants arrive typed (JET_paramSystemPath is a UInt, error codes are JET_ERR), so no casts.
import CEsent

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct EsentFailure: Error, CustomStringConvertible {
    let call: String
    let code: JET_ERR
    var description: String { "\(call) failed: \(code) (\(errorText(code)))" }
}

func errorText(_ code: JET_ERR) -> String {
    var value = JET_API_PTR(bitPattern: code)
    var text = [CChar](repeating: 0, count: 256)
    let err = JetGetSystemParameter(JET_instanceNil, JET_sesidNil, JET_paramErrorToString, &value, &text, 256)
    return err < JET_errSuccess ? "no description" : String(cString: text)
}

/// Runs one call; a negative code (an error) throws, a warning or success returns.
func check(_ call: String, _ code: JET_ERR) throws {
    if code < JET_errSuccess { throw EsentFailure(call: call, code: code) }
}

/// The names in a list of NUL-terminated strings that ends with an empty one (JetGetAttachInfo, JetGetLogInfo).
func names(in buffer: [CChar]) -> [String] {
    var result: [String] = []
    var start = 0
    while start < buffer.count, buffer[start] != 0 {
        let end = buffer[start...].firstIndex(of: 0) ?? buffer.count
        result.append(String(decoding: buffer[start..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        start = end + 1
    }
    return result
}

/// Streams one file of the backup set into `folder`; returns its size.
func copy(_ instance: JET_INSTANCE, _ name: String, into folder: String) throws -> Int {
    let base = name.split(separator: "/").last.map(String.init) ?? name
    guard let out = fopen(folder + "/" + base, "wb") else { throw EsentFailure(call: "fopen(\(base))", code: JET_errDiskIO) }
    defer { fclose(out) }
    var file: JET_HANDLE = 0
    var low: UInt = 0
    var high: UInt = 0
    try check("JetOpenFileInstance(\(base))", JetOpenFileInstance(instance, name, &file, &low, &high))
    // JetReadFile needs a buffer aligned to 4096 bytes.
    let size = 64 * 1024
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
    defer { buffer.deallocate() }
    var total = 0
    var readError = JET_errSuccess
    while true {
        var got: UInt = 0
        readError = JetReadFileInstance(instance, file, buffer, UInt(size), &got)
        if readError != JET_errSuccess || got == 0 { break }
        guard fwrite(buffer, 1, Int(got), out) == Int(got) else { readError = JET_errDiskIO; break }
        total += Int(got)
    }
    let closeError = JetCloseFileInstance(instance, file)
    try check("JetReadFileInstance(\(base))", readError)
    try check("JetCloseFileInstance(\(base))", closeError)
    print("  \(base): \(total) bytes")
    return total
}

func run(root: String) throws {
    let data = root + "/data/"
    let backup = root + "/backup"
    mkdir(root, 0o777)
    mkdir(backup, 0o777)
    let database = data + "app.edb"

    var instance = JET_instanceNil
    var session = JET_sesidNil
    var dbid = JET_dbidNil
    try check("JetCreateInstance", JetCreateInstance(&instance, "swift-client"))
    try check("CreatePathIfNotExist", JetSetSystemParameter(&instance, JET_sesidNil, JET_paramCreatePathIfNotExist, 1, nil))
    for param in [JET_paramSystemPath, JET_paramLogFilePath, JET_paramTempPath] {
        try check("JetSetSystemParameter(\(param))", JetSetSystemParameter(&instance, JET_sesidNil, param, 0, data))
    }
    try check("JetInit", JetInit(&instance))
    try check("JetBeginSession", JetBeginSession(instance, &session, "", ""))
    let created = JetCreateDatabase(session, database, nil, &dbid, JET_bitNil)
    if created == JET_errDatabaseDuplicate {  // a second run: the database is already there
        try check("JetAttachDatabase", JetAttachDatabase(session, database, JET_bitNil))
        try check("JetOpenDatabase", JetOpenDatabase(session, database, nil, &dbid, JET_bitNil))
    } else {
        try check("JetCreateDatabase", created)
    }
    try check("JetBeginTransaction", JetBeginTransaction(session))
    try check("JetCommitTransaction", JetCommitTransaction(session, JET_bitNil))
    try check("JetCloseDatabase", JetCloseDatabase(session, dbid, JET_bitNil))

    print("full backup of \(database) into \(backup)")
    var list = [CChar](repeating: 0, count: 8192)
    var actual: UInt = 0
    var total = 0
    try check("JetBeginExternalBackupInstance", JetBeginExternalBackupInstance(instance, JET_bitNil))
    try check("JetGetAttachInfoInstance", JetGetAttachInfoInstance(instance, &list, UInt(list.count), &actual))
    for name in names(in: list) { total += try copy(instance, name, into: backup) }
    list = [CChar](repeating: 0, count: 8192)
    try check("JetGetLogInfoInstance", JetGetLogInfoInstance(instance, &list, UInt(list.count), &actual))
    for name in names(in: list) { total += try copy(instance, name, into: backup) }
    try check("JetTruncateLogInstance", JetTruncateLogInstance(instance))
    try check("JetEndExternalBackupInstance", JetEndExternalBackupInstance(instance))
    try check("JetEndSession", JetEndSession(session, JET_bitNil))
    try check("JetTerm", JetTerm(instance))
    print("backup complete: \(total) bytes")
}

let arguments = CommandLine.arguments
do {
    try run(root: arguments.count > 1 ? arguments[1] : "esent-swift-client")
} catch {
    fputs("\(error)\n", stderr)
    exit(1)
}
