import Platform

/// The pending reopen of the log after a rotation: tried at once, then every second until the new file opens, the
/// failure reported once.
struct ReopenRetry {
    /// When the next try is due (monotonic microseconds); 0: at once.
    private var dueAt: UInt64 = 0
    /// Whether a failure was reported already.
    private(set) var reported = false

    /// Whether a try is due at `now` (monotonic microseconds).
    func isDue(at now: UInt64) -> Bool { now >= dueAt }

    /// Notes a failed try at `now`: reported, tried again a second later.
    mutating func failed(at now: UInt64) {
        reported = true
        dueAt = now &+ 1_000_000
    }
}
