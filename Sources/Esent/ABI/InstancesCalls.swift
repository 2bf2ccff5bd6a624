#if canImport(Glibc)
import Glibc
#endif
import CEsent
import EsentCore

// Instances: create, init, term, multi-instance mode, instance info.

private func createInstance<Unit>(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ szInstanceName: UnsafePointer<Unit>?,
    _ szDisplayName: UnsafePointer<Unit>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pinstance else { throw .invalidParameter }
        pinstance.pointee = JET_INSTANCE(nilHandle)
        // The grbit is ignored, as by ESE.
        pinstance.pointee = try Lifecycle.createInstance(
            name: try Marshal.string(szInstanceName), displayName: try Marshal.string(szDisplayName))
    }
}

@c(JetCreateInstanceA)
public func jetCreateInstanceA(_ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ szInstanceName: UnsafePointer<CChar>?)
    -> JET_ERR { createInstance(pinstance, szInstanceName, nil) }

@c(JetCreateInstance)
public func jetCreateInstance(_ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ szInstanceName: UnsafePointer<CChar>?)
    -> JET_ERR { createInstance(pinstance, szInstanceName, nil) }

@c(JetCreateInstanceW)
public func jetCreateInstanceW(_ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ szInstanceName: UnsafePointer<WCHAR>?)
    -> JET_ERR { createInstance(pinstance, szInstanceName, nil) }

@c(JetCreateInstance2A)
public func jetCreateInstance2A(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ szInstanceName: UnsafePointer<CChar>?,
    _ szDisplayName: UnsafePointer<CChar>?, _ grbit: JET_GRBIT
) -> JET_ERR { createInstance(pinstance, szInstanceName, szDisplayName) }

@c(JetCreateInstance2)
public func jetCreateInstance2(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ szInstanceName: UnsafePointer<CChar>?,
    _ szDisplayName: UnsafePointer<CChar>?, _ grbit: JET_GRBIT
) -> JET_ERR { createInstance(pinstance, szInstanceName, szDisplayName) }

@c(JetCreateInstance2W)
public func jetCreateInstance2W(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ szInstanceName: UnsafePointer<WCHAR>?,
    _ szDisplayName: UnsafePointer<WCHAR>?, _ grbit: JET_GRBIT
) -> JET_ERR { createInstance(pinstance, szInstanceName, szDisplayName) }

@c(JetInit)
public func jetInit(_ pinstance: UnsafeMutablePointer<JET_INSTANCE>?) -> JET_ERR {
    jetInit2(pinstance, 0)
}

@c(JetInit2)
public func jetInit2(_ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ grbit: JET_GRBIT) -> JET_ERR {
    do {
        let handle = try Lifecycle.initialize(handle: pinstance?.pointee)
        pinstance?.pointee = handle
        return success
    } catch {
        if error.destroyed { pinstance?.pointee = 0 }
        return JET_ERR(error.error.rawValue)
    }
}

@c(JetTerm)
public func jetTerm(_ instance: JET_INSTANCE) -> JET_ERR {
    // JetTerm is an abrupt term.
    jetTerm2(instance, JET_GRBIT(JET_bitTermAbrupt))
}

@c(JetTerm2)
public func jetTerm2(_ instance: JET_INSTANCE, _ grbit: JET_GRBIT) -> JET_ERR {
    jetCallWarning { () throws(JetError) -> JetError? in try Lifecycle.terminate(handle: instance, grbit: grbit) }
}

// MARK: JetEnableMultiInstance

@c(JetEnableMultiInstanceA)
public func jetEnableMultiInstanceA(
    _ psetsysparam: UnsafeMutablePointer<JET_SETSYSPARAM_A>?, _ csetsysparam: CUnsignedLong,
    _ pcsetsucceed: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    enableMultiInstance(psetsysparam, csetsysparam, pcsetsucceed) { (e) throws(JetError) in
        Lifecycle.SettingRequest(paramid: e.paramid, integer: e.lParam, string: try Marshal.string(e.sz))
    } store: { $0.err = $1 }
}

@c(JetEnableMultiInstance)
public func jetEnableMultiInstance(
    _ psetsysparam: UnsafeMutablePointer<JET_SETSYSPARAM_A>?, _ csetsysparam: CUnsignedLong,
    _ pcsetsucceed: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    jetEnableMultiInstanceA(psetsysparam, csetsysparam, pcsetsucceed)
}

@c(JetEnableMultiInstanceW)
public func jetEnableMultiInstanceW(
    _ psetsysparam: UnsafeMutablePointer<JET_SETSYSPARAM_W>?, _ csetsysparam: CUnsignedLong,
    _ pcsetsucceed: UnsafeMutablePointer<CUnsignedLong>?
) -> JET_ERR {
    enableMultiInstance(psetsysparam, csetsysparam, pcsetsucceed) { (e) throws(JetError) in
        Lifecycle.SettingRequest(paramid: e.paramid, integer: e.lParam, string: try Marshal.string(e.sz))
    } store: { $0.err = $1 }
}

private func enableMultiInstance<Entry>(
    _ entries: UnsafeMutablePointer<Entry>?, _ count: CUnsignedLong, _ pcsetsucceed: UnsafeMutablePointer<CUnsignedLong>?,
    decode: (Entry) throws(JetError) -> Lifecycle.SettingRequest, store: (inout Entry, JET_ERR) -> Void
) -> JET_ERR {
    guard count == 0 || entries != nil else { return JET_ERR(JetError.invalidParameter.rawValue) }
    // More entries than memory could hold cannot be a real array.
    guard count <= 1 << 20 else { return JET_ERR(JetError.invalidParameter.rawValue) }
    var requests: [Lifecycle.SettingRequest] = []
    for i in 0..<Int(count) {
        do {
            requests.append(try decode(entries![i]))
        } catch {
            store(&entries![i], JET_ERR(error.rawValue))
            return JET_ERR(error.rawValue)
        }
    }
    var results = [Int32?](repeating: nil, count: requests.count)
    let (succeeded, error) = Lifecycle.enableMultiInstance(requests, results: &results)
    for i in 0..<requests.count {
        if let result = results[i] { store(&entries![i], JET_ERR(result)) }
    }
    pcsetsucceed?.pointee = CUnsignedLong(succeeded)
    return error.map { JET_ERR($0.rawValue) } ?? success
}

// MARK: JetGetInstanceInfo / JetFreeBuffer


/// One malloc'd block laid out as: the info array, then pointer arrays, then the strings. Also builds the
/// OS-snapshot member lists (SnapshotCalls.swift).
func buildInstanceInfo<Info, Unit: FixedWidthInteger>(
    _ list: [Lifecycle.InstanceSummary], unit: Unit.Type, encode: (String) -> [Unit], emptyArrays: Bool,
    make: (JET_INSTANCE, UnsafeMutablePointer<Unit>?, UInt, UnsafeMutablePointer<UnsafeMutablePointer<Unit>?>?,
        UnsafeMutablePointer<UnsafeMutablePointer<Unit>?>?) -> Info
) -> UnsafeMutablePointer<Info>? {
    let strings = list.map { ($0.name.map(encode), $0.databases.map(encode)) }
    let pointerSize = MemoryLayout<UnsafeMutablePointer<Unit>?>.stride
    // Room for aligning each instance's pointer arrays and its first string.
    var size = MemoryLayout<Info>.stride * list.count + list.count * (pointerSize + MemoryLayout<Unit>.alignment)
    for (name, dbs) in strings {
        size += 2 * pointerSize * max(dbs.count, 1)
        size += ((name?.count ?? 0) + 1) * MemoryLayout<Unit>.size
        size += dbs.reduce(0) { $0 + ($1.count + 1) * MemoryLayout<Unit>.size }
    }
    guard let block = malloc(max(size, 1)) else { return nil }
    memset(block, 0, max(size, 1))
    let infos = block.bindMemory(to: Info.self, capacity: list.count)
    var cursor = block + MemoryLayout<Info>.stride * list.count
    func align(_ alignment: Int) {
        let misalignment = Int(bitPattern: cursor) % alignment
        if misalignment != 0 { cursor += alignment - misalignment }
    }
    func place(_ text: [Unit]) -> UnsafeMutablePointer<Unit> {
        let p = cursor.bindMemory(to: Unit.self, capacity: text.count + 1)
        for (i, u) in text.enumerated() { p[i] = u }
        p[text.count] = 0
        cursor += (text.count + 1) * MemoryLayout<Unit>.size
        return p
    }
    for (index, entry) in list.enumerated() {
        let (name, dbs) = strings[index]
        var files: UnsafeMutablePointer<UnsafeMutablePointer<Unit>?>? = nil
        var displays: UnsafeMutablePointer<UnsafeMutablePointer<Unit>?>? = nil
        if !dbs.isEmpty || emptyArrays {
            align(MemoryLayout<UnsafeMutablePointer<Unit>?>.alignment)
            let slots = max(dbs.count, 1)
            files = cursor.bindMemory(to: UnsafeMutablePointer<Unit>?.self, capacity: slots)
            cursor += pointerSize * slots
            displays = cursor.bindMemory(to: UnsafeMutablePointer<Unit>?.self, capacity: slots)
            cursor += pointerSize * slots
        }
        align(MemoryLayout<Unit>.alignment)
        let namePointer = name.map(place)
        for (i, db) in dbs.enumerated() { files![i] = place(db) }
        infos[index] = make(entry.handle, namePointer, UInt(dbs.count), files, displays)
    }
    HandedOutBlocks.insert(UInt(bitPattern: block))
    return infos
}

@c(JetGetInstanceInfoA)
public func jetGetInstanceInfoA(
    _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_A>?>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pcInstanceInfo, let paInstanceInfo else { throw .invalidParameter }
        let list = Lifecycle.instanceInfo()
        guard !list.isEmpty else {
            pcInstanceInfo.pointee = 0
            paInstanceInfo.pointee = nil
            return
        }
        guard
            let block = buildInstanceInfo(
                list, unit: CChar.self, encode: { $0.utf8.map { CChar(bitPattern: $0) } }, emptyArrays: true,
                make: { JET_INSTANCE_INFO_A(
                    hInstanceId: $0, szInstanceName: $1, cDatabases: $2, szDatabaseFileName: $3,
                    szDatabaseDisplayName: $4, szDatabaseSLVFileName_Obsolete: nil) })
        else { throw .outOfMemory }
        pcInstanceInfo.pointee = CUnsignedLong(list.count)
        paInstanceInfo.pointee = block
    }
}

@c(JetGetInstanceInfo)
public func jetGetInstanceInfo(
    _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_A>?>?
) -> JET_ERR {
    jetGetInstanceInfoA(pcInstanceInfo, paInstanceInfo)
}

@c(JetGetInstanceInfoW)
public func jetGetInstanceInfoW(
    _ pcInstanceInfo: UnsafeMutablePointer<CUnsignedLong>?,
    _ paInstanceInfo: UnsafeMutablePointer<UnsafeMutablePointer<JET_INSTANCE_INFO_W>?>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        guard let pcInstanceInfo, let paInstanceInfo else { throw .invalidParameter }
        let list = Lifecycle.instanceInfo()
        guard !list.isEmpty else {
            pcInstanceInfo.pointee = 0
            paInstanceInfo.pointee = nil
            return
        }
        guard
            let block = buildInstanceInfo(
                list, unit: WCHAR.self, encode: { Array($0.utf16) }, emptyArrays: false,
                make: { JET_INSTANCE_INFO_W(
                    hInstanceId: $0, szInstanceName: $1, cDatabases: $2, szDatabaseFileName: $3,
                    szDatabaseDisplayName: $4, szDatabaseSLVFileName_Obsolete: nil) })
        else { throw .outOfMemory }
        pcInstanceInfo.pointee = CUnsignedLong(list.count)
        paInstanceInfo.pointee = block
    }
}

@c(JetFreeBuffer)
public func jetFreeBuffer(_ pbBuf: UnsafeMutablePointer<CChar>?) -> JET_ERR {
    // Always success, as ESE; but a pointer this library did not hand out is left alone instead of crashing.
    guard let pbBuf else { return success }
    let key = UInt(bitPattern: pbBuf)
    if HandedOutBlocks.remove(key) { free(pbBuf) }
    return success
}
