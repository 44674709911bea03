import Foundation

/// A shell script running in the background as the hostile user in a fixture's `logs/`: a FIFO writer or a planting
/// loop. `timeout` bounds it even if the test never stops it; `stop()` (or `deinit`) ends it early.
final class OwnerProcess {
    private let process = Process()
    /// Kept so that the tree is removed only after the script stopped writing into it.
    private let fixture: HostileFixture

    init(_ fixture: HostileFixture, seconds: Int, _ script: String) throws {
        self.fixture = fixture
        let user = fixture.user
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", "/usr/bin/timeout", "\(seconds)",
            "/bin/sh", "-c", script,
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: fixture.logs)
        process.environment = ["PATH": "/usr/bin:/bin", "V": fixture.victim, "R": fixture.rootOnly]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// SIGTERM (`timeout` passes it on to the script) and waits.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }
}
