import Foundation
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// `rotate` and the daemon skip a log whose `logrotated pipe` lock another process holds, and only then.
@Suite struct PipedLogCheckTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("piped-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var log: FilePath { FilePath(directory.appendingPathComponent("app.log").path) }

    @Test func lockFile_isHiddenBesideTheLog() {
        #expect(PipeLock.lockFile(for: "/var/log/app/app.log") == "/var/log/app/.app.log.logrotated-pipe.lock")
    }

    @Test func noLockFile_isNotSkipped() {
        #expect(PipedLogCheck.skipReason(for: log) == nil)
    }

    @Test func fifoPlantedAtTheLockName_isNobodysLock_andDoesNotHang() throws {
        // Opening a FIFO without O_NONBLOCK would wait for a writer for ever, stalling every rotation.
        #expect(mkfifo(PipeLock.lockFile(for: log).string, 0o644) == 0)
        #expect(PipeLock.holding(log) == .nobody)
        #expect(PipedLogCheck.skipReason(for: log) == nil)
    }

    @Test func lockFileNobodyHolds_isNotSkipped() throws {
        _ = try PipeLock(log: log)
        #expect(PipeLock.holding(log) == .nobody)
        #expect(PipedLogCheck.skipReason(for: log) == nil)
    }

    @Test func lockHeldByThisProcess_isNotSkipped() throws {
        let lock = try PipeLock(log: log)
        #expect(PipeLock.holding(log) == .thisProcess)
        #expect(PipedLogCheck.skipReason(for: log) == nil)
        withExtendedLifetime(lock) {}
    }

    @Test func lockHeldByAnotherProcess_isSkippedNamingIt() throws {
        let lockFile = PipeLock.lockFile(for: log).string
        #expect(FileManager.default.createFile(atPath: lockFile, contents: nil, attributes: [.posixPermissions: 0o600]))
        let holder = try FlockHolder(file: lockFile)
        defer { holder.release() }
        let reason = try #require(PipedLogCheck.skipReason(for: log))
        #expect(reason.contains("logrotated pipe (pid \(holder.pid)"))
        #expect(throws: PlatformError.self) { try PipeLock(log: log, patience: .milliseconds(50)) }
    }
}
