import Platform

/// Wall-clock time and waiting for a wall-clock deadline; tests substitute a manual clock.
package protocol DeadlineClock: Sendable {
    /// The current wall-clock time.
    func now() -> Timestamp

    /// Returns once `deadline` has passed.
    /// - Throws: `CancellationError` when the waiting task is cancelled.
    func sleep(until deadline: Timestamp) async throws
}

/// The system's `CLOCK_REALTIME`, waited on with one `Task.sleep` per deadline (so an idle daemon does not wake).
package struct SystemDeadlineClock: DeadlineClock {
    /// The system clock.
    package init() {}

    package func now() -> Timestamp {
        currentWallTime()
    }

    package func sleep(until deadline: Timestamp) async throws {
        while true {
            let now = currentWallTime()
            guard now < deadline else { return }
            let remaining =
                Duration.seconds(deadline.seconds.subtractingClamped(now.seconds))
                + .nanoseconds(deadline.nanoseconds - now.nanoseconds)
            // Sleeping again after an early return covers the wall clock being set back meanwhile.
            try await Task.sleep(for: remaining, tolerance: .milliseconds(50))
        }
    }
}
