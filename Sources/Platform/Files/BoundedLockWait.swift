import SystemPackage

/// An exclusive `flock` with a bounded wait, shared by the state lock and the pipe lock: a blocking `flock` cannot be
/// given a timeout, so the lock is tried without blocking every `interval` (the calling thread sleeps meanwhile)
/// until it is taken or the deadline has passed.
enum BoundedLockWait {
    /// `flock(LOCK_EX | LOCK_NB)` on `fd`, tried again every `interval` while another open file description holds the
    /// lock, until `deadline`; the last attempt's result (`EWOULDBLOCK` when the lock is still held).
    static func lockExclusive(
        _ fd: Int32,
        until deadline: ContinuousClock.Instant,
        every interval: Duration
    ) -> Result<Void, Errno> {
        let pause = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        while true {
            let result = system_flockExclusive(fd, wait: false)
            guard case .failure(.wouldBlock) = result, ContinuousClock.now < deadline else { return result }
            system_sleep(milliseconds: pause)
        }
    }
}
