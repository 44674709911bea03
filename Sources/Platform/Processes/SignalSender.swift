import SystemPackage

/// Sends `signal` to process `pid` with kill(2).
/// - Throws: `PlatformError` `.notFound` (ESRCH) when there is no such process, `.permissionDenied` (EPERM) when it is
///   not ours; a `pid` below 2 is refused with `.other` without calling kill, as 0, -1 and negative pids name groups and
///   1 is init.
package func sendSignal(_ signal: Signal, to pid: Int32) throws(PlatformError) {
    guard pid > 1 else {
        throw PlatformError(.other, "refusing to send \(signal) to pid \(pid)")
    }
    if case .failure(let errno) = system_sendSignal(pid, signal.number) {
        let code: PlatformError.Code = errno == .noSuchProcess ? .notFound : PlatformError.Code(errno)
        throw PlatformError(code, "sending \(signal) to process \(pid) failed: \(errno.description)", errno: errno)
    }
}
