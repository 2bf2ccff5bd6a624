import CEsent
import EsentCore

// JetSetSystemParameter / JetGetSystemParameter. Bodies are generic over the string unit.

private func setSystemParameter<Unit>(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ sesid: JET_SESID, _ paramid: CUnsignedLong,
    _ lParam: JET_API_PTR, _ szParam: UnsafePointer<Unit>?
) -> JET_ERR {
    jetCall { () throws(JetError) in
        try Parameters.set(
            instance: pinstance?.pointee ?? 0, sesid: sesid, paramid: paramid, integer: lParam,
            string: try Marshal.string(szParam))
    }
}

@c(JetSetSystemParameterA)
public func jetSetSystemParameterA(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ sesid: JET_SESID, _ paramid: CUnsignedLong,
    _ lParam: JET_API_PTR, _ szParam: UnsafePointer<CChar>?
) -> JET_ERR { setSystemParameter(pinstance, sesid, paramid, lParam, szParam) }

@c(JetSetSystemParameter)
public func jetSetSystemParameter(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ sesid: JET_SESID, _ paramid: CUnsignedLong,
    _ lParam: JET_API_PTR, _ szParam: UnsafePointer<CChar>?
) -> JET_ERR { setSystemParameter(pinstance, sesid, paramid, lParam, szParam) }

@c(JetSetSystemParameterW)
public func jetSetSystemParameterW(
    _ pinstance: UnsafeMutablePointer<JET_INSTANCE>?, _ sesid: JET_SESID, _ paramid: CUnsignedLong,
    _ lParam: JET_API_PTR, _ szParam: UnsafePointer<WCHAR>?
) -> JET_ERR { setSystemParameter(pinstance, sesid, paramid, lParam, szParam) }

/// A get hands back a number through `plParam` or text through the string buffer.
private func getSystemParameter<Unit>(
    _ instance: JET_INSTANCE, _ sesid: JET_SESID, _ paramid: CUnsignedLong, _ plParam: UnsafeMutablePointer<JET_API_PTR>?,
    _ szParam: UnsafeMutablePointer<Unit>?, _ cbMax: CUnsignedLong
) -> JET_ERR {
    jetCall { () throws(JetError) in
        switch try Parameters.read(instance: instance, sesid: sesid, paramid: paramid, input: plParam?.pointee) {
        case .string(let text):
            try Marshal.copyOut(text, szParam, cbMax)
        case .integer(let value):
            guard let plParam else { throw .invalidParameter }
            plParam.pointee = value
        }
    }
}

@c(JetGetSystemParameterA)
public func jetGetSystemParameterA(
    _ instance: JET_INSTANCE, _ sesid: JET_SESID, _ paramid: CUnsignedLong, _ plParam: UnsafeMutablePointer<JET_API_PTR>?,
    _ szParam: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong
) -> JET_ERR { getSystemParameter(instance, sesid, paramid, plParam, szParam, cbMax) }

@c(JetGetSystemParameter)
public func jetGetSystemParameter(
    _ instance: JET_INSTANCE, _ sesid: JET_SESID, _ paramid: CUnsignedLong, _ plParam: UnsafeMutablePointer<JET_API_PTR>?,
    _ szParam: UnsafeMutablePointer<CChar>?, _ cbMax: CUnsignedLong
) -> JET_ERR { getSystemParameter(instance, sesid, paramid, plParam, szParam, cbMax) }

@c(JetGetSystemParameterW)
public func jetGetSystemParameterW(
    _ instance: JET_INSTANCE, _ sesid: JET_SESID, _ paramid: CUnsignedLong, _ plParam: UnsafeMutablePointer<JET_API_PTR>?,
    _ szParam: UnsafeMutablePointer<WCHAR>?, _ cbMax: CUnsignedLong
) -> JET_ERR { getSystemParameter(instance, sesid, paramid, plParam, szParam, cbMax) }
