import Daemon
import Foundation
import Platform
import PlatformTesting
import SystemPackage
import Testing

/// The daemon's size watch leaves a log alone while another process pipes into it (`logrotated pipe` holds its lock
/// and rotates it itself), and watches it again once the pipe is gone.
@Suite struct PipedLogSizeWatchTests {
    /// Holds the pipe lock of `log` from another process, as a running `logrotated pipe` does.
    private func pipeHolder(of log: FilePath) throws -> FlockHolder {
        let lockFile = PipeLock.lockFile(for: log).string
        #expect(FileManager.default.createFile(atPath: lockFile, contents: nil, attributes: [.posixPermissions: 0o600]))
        return try FlockHolder(file: lockFile)
    }

    @Test func pipedLogPastItsLimit_isNotReported_whileAnotherLogIs() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        try directory.write("piped.log", bytes: 10)
        try directory.write("plain.log", bytes: 10)
        let (piped, plain) = (directory.path("piped.log"), directory.path("plain.log"))
        let holder = try pipeHolder(of: piped)
        defer { holder.release() }
        let watcher = try SizeWatcher(coalescing: .milliseconds(100))
        watcher.watch([SizeWatch(path: piped, limit: 100), SizeWatch(path: plain, limit: 100)])
        await watcher.settled()
        try directory.append("piped.log", bytes: 200)
        try directory.append("plain.log", bytes: 200)
        // Every event the watcher yields before it stops is delivered: the piped log, checked no later than the plain
        // one (written first), would be among them. (A watcher that never reports is stopped after a generous
        // deadline, which fails the test.)
        let deadline = Task {
            try? await Task.sleep(for: .seconds(900))
            watcher.stop()
        }
        defer { deadline.cancel() }
        var events: [SizeEvent] = []
        for await event in watcher.events {
            events.append(event)
            if event.path == plain { watcher.stop() }
        }
        #expect(events.map(\.path) == [plain])
    }

    @Test func pipedLog_isReportedOnceThePipeIsGone() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        try directory.write("piped.log", bytes: 10)
        try directory.write("plain.log", bytes: 10)
        let (piped, plain) = (directory.path("piped.log"), directory.path("plain.log"))
        let holder = try pipeHolder(of: piped)
        let watcher = try SizeWatcher(coalescing: .milliseconds(100))
        defer { watcher.stop() }
        let recorder = EventRecorder(watcher.events)
        watcher.watch([SizeWatch(path: piped, limit: 100), SizeWatch(path: plain, limit: 100)])
        await watcher.settled()
        try directory.append("piped.log", bytes: 200)
        try directory.append("plain.log", bytes: 200)
        #expect(await recorder.wait { $0.contains { $0.path == plain } })
        #expect(await !recorder.events.contains { $0.path == piped })
        holder.release()
        #expect(await recorder.wait { $0.contains { $0.path == piped && $0.size == 210 } })
    }
}
