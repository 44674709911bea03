import CSystemd
import Platform

/// Tells systemd about the service's state over `$NOTIFY_SOCKET` (the `sd_notify` protocol of a `Type=notify` unit).
///
/// Without a socket every method does nothing, so `logrotated run` behaves the same outside systemd.
package struct SystemdNotifier: Sendable {
    /// The `AF_UNIX` datagram socket messages go to (`@` starts an abstract name); `nil` makes this a no-op.
    package let socketPath: String?
    /// How often to send `WATCHDOG=1`: half of `WATCHDOG_USEC`, or `nil` when the watchdog is off.
    package let watchdogInterval: Duration?

    /// A notifier for an explicit socket and watchdog period (in microseconds, as `WATCHDOG_USEC` gives it).
    package init(socketPath: String?, watchdogMicroseconds: UInt64? = nil) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
        self.watchdogInterval = watchdogMicroseconds.map { .microseconds($0 / 2) }
    }

    /// The notifier systemd configured: `$NOTIFY_SOCKET`, and the watchdog as `sd_watchdog_enabled` reports it.
    package static func fromEnvironment() -> SystemdNotifier {
        var microseconds: UInt64 = 0
        let enabled = sd_watchdog_enabled(0, &microseconds) > 0
        return SystemdNotifier(
            socketPath: environmentValue("NOTIFY_SOCKET"),
            watchdogMicroseconds: enabled ? microseconds : nil
        )
    }

    /// `READY=1`: start-up or a reload finished; `status` becomes the unit's status line.
    package func ready(status: String) { send(["READY=1", "STATUS=\(status)"]) }

    /// `RELOADING=1` with `MONOTONIC_USEC=` (the time systemd matches against the reload request).
    package func reloading() { send(["RELOADING=1", "MONOTONIC_USEC=\(monotonicMicroseconds())"]) }

    /// `STOPPING=1`: a graceful shutdown began.
    package func stopping() { send(["STOPPING=1", "STATUS=Finishing rotations in progress"]) }

    /// `STATUS=`: what the daemon does or waits for next.
    package func status(_ text: String) { send(["STATUS=\(text)"]) }

    /// `WATCHDOG=1`: the main loop is alive.
    package func watchdog() { send(["WATCHDOG=1"]) }

    private func send(_ assignments: [String]) {
        guard let socketPath else { return }
        let message = assignments.map { $0.replacing("\n", with: " ") }.joined(separator: "\n")
        try? sendDatagram(Array(message.utf8), toUnixSocket: socketPath)
    }
}
