import CEsent

// JetSetSystemParameter / JetGetSystemParameter (semantics 3.6).

@c(JetSetSystemParameterA)
public func jetSetSystemParameterA(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ sesid: JET_SESID, _ paramid: CUnsignedLong,
    _ lParam: JET_API_PTR, _ szParam: UnsafePointer<CChar>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try Parameters.set(
            instance: pinstance?.pointee ?? 0, sesid: sesid, paramid: paramid, integer: lParam,
            string: try Marshal.string(szParam))
    }
}

@c(JetSetSystemParameter)
public func jetSetSystemParameter(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ sesid: JET_SESID, _ paramid: CUnsignedLong,
    _ lParam: JET_API_PTR, _ szParam: UnsafePointer<CChar>?
) -> JET_ERR {
    jetSetSystemParameterA(pinstance, sesid, paramid, lParam, szParam)
}

@c(JetSetSystemParameterW)
public func jetSetSystemParameterW(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ sesid: JET_SESID, _ paramid: CUnsignedLong,
    _ lParam: JET_API_PTR, _ szParam: UnsafePointer<WCHAR>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try Parameters.set(
            instance: pinstance?.pointee ?? 0, sesid: sesid, paramid: paramid, integer: lParam,
            string: try Marshal.string(szParam))
    }
}

/// The value to hand back for a get: a number through `plParam` or text for the string buffer.
private func parameterText(
    instance: JET_INSTANCE, sesid: JET_SESID, paramid: CUnsignedLong, plParam: UnsafeMutablePointer<JET_API_PTR>?
) throws(JetError) -> String? {
    let spec = try SystemParameters.spec(paramid)
    if case .errorToString = spec.kind {
        // *plParam is the input: the error number, read as a 32-bit JET_ERR (semantics 3.6).
        guard let plParam else { throw .invalidParameter }
        return ErrorText.describe(Int32(truncatingIfNeeded: Int(bitPattern: plParam.pointee)))
    }
    let (_, value) = try Parameters.get(instance: instance, sesid: sesid, paramid: paramid)
    if spec.kind.isString { return value.string }
    guard let plParam else { throw .invalidParameter }
    plParam.pointee = value.integer
    return nil
}

@c(JetGetSystemParameterA)
public func jetGetSystemParameterA(
    _ instance: JET_INSTANCE, _ sesid: JET_SESID, _ paramid: CUnsignedLong, _ plParam: UnsafeMutablePointer<JET_API_PTR>?,
    _ szParam: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        if let text = try parameterText(instance: instance, sesid: sesid, paramid: paramid, plParam: plParam) {
            try Marshal.copyOut(text, szParam, cbMax)
        }
    }
}

@c(JetGetSystemParameter)
public func jetGetSystemParameter(
    _ instance: JET_INSTANCE, _ sesid: JET_SESID, _ paramid: CUnsignedLong, _ plParam: UnsafeMutablePointer<JET_API_PTR>?,
    _ szParam: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong
) -> JET_ERR {
    jetGetSystemParameterA(instance, sesid, paramid, plParam, szParam, cbMax)
}

@c(JetGetSystemParameterW)
public func jetGetSystemParameterW(
    _ instance: JET_INSTANCE, _ sesid: JET_SESID, _ paramid: CUnsignedLong, _ plParam: UnsafeMutablePointer<JET_API_PTR>?,
    _ szParam: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        if let text = try parameterText(instance: instance, sesid: sesid, paramid: paramid, plParam: plParam) {
            try Marshal.copyOut(text, szParam, cbMax)
        }
    }
}
