import Platform

/// Runs blocking work (waiting for the state lock, file I/O, compression, scripts) on a thread of its own and
/// returns its result, so the cooperative pool stays free for the loop, the watchdog and signals even when every
/// core is compressing.
func onOwnThread<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        do {
            try startDetachedThread { continuation.resume(returning: work()) }
        } catch {
            continuation.resume(returning: work())
        }
    }
}
