import Daemon
import PlatformTesting
import Testing

@Suite struct SystemdNotifierTests {
    @Test func ready_sendsReadyAndStatusDatagram() throws {
        let listener = try NotifySocketListener()
        SystemdNotifier(socketPath: listener.path).ready(status: "Next rotation at 00:00")
        #expect(listener.next() == "READY=1\nSTATUS=Next rotation at 00:00")
    }

    @Test func reloading_carriesMonotonicTimestamp() throws {
        let listener = try NotifySocketListener()
        SystemdNotifier(socketPath: listener.path).reloading()
        let lines = try #require(listener.next()).split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last?.split(separator: "=").last.flatMap { UInt64($0) })
        #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true && stamp > 0)
    }

    @Test func stoppingStatusAndWatchdog_arriveInOrder() throws {
        let listener = try NotifySocketListener()
        let notifier = SystemdNotifier(socketPath: listener.path)
        notifier.status("Rotating /var/log/a.log\nsecond line")
        notifier.watchdog()
        notifier.stopping()
        #expect(listener.next() == "STATUS=Rotating /var/log/a.log second line")
        #expect(listener.next() == "WATCHDOG=1")
        #expect(listener.next()?.hasPrefix("STOPPING=1") == true)
    }

    @Test func withoutSocket_isSilentNoOp() {
        let notifier = SystemdNotifier(socketPath: nil)
        notifier.ready(status: "ignored")
        #expect(notifier.socketPath == nil)
        #expect(SystemdNotifier(socketPath: "").socketPath == nil)
    }

    @Test func watchdogInterval_isHalfTheTimeout() {
        #expect(SystemdNotifier(socketPath: nil, watchdogMicroseconds: 20_000_000).watchdogInterval == .seconds(10))
        #expect(SystemdNotifier(socketPath: nil).watchdogInterval == nil)
    }
}
