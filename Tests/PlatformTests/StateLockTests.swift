import Foundation
import PlatformTesting
import SystemPackage
import Testing

@testable import Platform

@Suite struct StateLockTests {
    private func permissions(_ path: FilePath) throws -> UInt32? {
        try PosixFileSystem().status(of: path, followSymlinks: false)?.permissions
    }

    @Test func missingStateFile_getsA0600StubAndIsLocked() throws {
        let state = try makeScratchDirectory().appending("status")
        let lock = try StateLock(path: state)
        #expect(lock.outcome == .locked && lock.createdStub)
        #expect(lock.debugMessages == ["Creating stub state file: \(state)"])
        #expect(try permissions(state) == 0o600)
        #expect(try PosixFileSystem().readFile(state) == [])
    }

    @Test func secondLock_inTheSameProcess_isAlreadyLocked_untilReleased() throws {
        let state = try makeScratchDirectory().appending("status")
        let first = try StateLock(path: state)
        #expect(throws: StateLockError.alreadyLocked(state)) { _ = try StateLock(path: state) }
        first.release()
        let second = try lockOnceFree(state)
        #expect(second.outcome == .locked && !second.createdStub)
    }

    /// Takes the lock without blocking, retrying for up to 5 s while it is held.
    ///
    /// Other tests in this process spawn children: each holds a copy of every descriptor (and so of the lock) from
    /// its fork to its exec, so a released lock can stay taken for that instant.
    private func lockOnceFree(_ state: FilePath) throws -> StateLock {
        for _ in 0..<500 {
            do {
                return try StateLock(path: state)
            } catch .alreadyLocked {
                usleep(10_000)
            }
        }
        return try StateLock(path: state)
    }

    @Test func lock_survivesTheStateFileBeingReplaced() throws {
        let state = try makeScratchDirectory().appending("status")
        let held = try StateLock(path: state)
        // Every state write replaces the file (temporary + rename): a lock on the old inode alone would let the next
        // process lock the new one while this one still rotates.
        try PosixFileSystem().writeFileAtomically(state, contents: Array("new\n".utf8), permissions: 0o600)
        #expect(throws: StateLockError.alreadyLocked(state)) { try StateLock(path: state) }
        held.release()
        #expect(try StateLock(path: state).outcome == .locked)
    }

    @Test func alreadyLocked_hasLogrotatesText() {
        #expect(
            StateLockError.alreadyLocked("/var/lib/logrotate/status").description
                == "state file /var/lib/logrotate/status is already locked\n"
                + "logrotate does not support parallel execution on the same set of logfiles."
        )
    }

    @Test func lockHeldByAnotherProcess_conflicts_andWaitAcquiresAfterItEnds() throws {
        let directory = try makeScratchDirectory()
        let state = directory.appending("status")
        let (held, release, ended) = (
            directory.appending("held"), directory.appending("release"), directory.appending("ended")
        )
        _ = try StateLock(path: state)  // creates the stub, then releases at once (the holder waits for a spawn's copy)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [
            "-w", "10", state.string, "sh", "-c",
            "touch '\(held)'; while [ ! -e '\(release)' ]; do sleep 0.02; done; touch '\(ended)'",
        ]
        try holder.run()
        defer { holder.waitUntilExit() }
        let exists = { (path: FilePath) in FileManager.default.fileExists(atPath: path.string) }
        for _ in 0..<3000 where !exists(held) { usleep(10_000) }
        #expect(exists(held), "the holder never took the lock")

        #expect(throws: StateLockError.alreadyLocked(state)) { _ = try StateLock(path: state) }
        // Let the holder go while we block in the waiting lock: we must get it only after the holder is done.
        DispatchQueue.global().async { _ = FileManager.default.createFile(atPath: release.string, contents: nil) }
        let lock = try StateLock(path: state, wait: true)
        #expect(lock.outcome == .locked)
        #expect(exists(ended), "acquired while the other process still held the lock")
    }

    @Test func waitingUpTo_whileAnotherProcessHoldsIt_givesUp_namesTheHolder_andGetsItOnceReleased() throws {
        let state = try makeScratchDirectory().appending("status")
        try PosixFileSystem().writeFileAtomically(state, contents: [], permissions: 0o600)
        let holder = try FlockHolder(file: state.string)
        #expect(throws: StateLockError.alreadyLocked(state)) {
            _ = try StateLock(path: state, waitingUpTo: .milliseconds(200))
        }
        #expect(LockHolder.holders(of: state) == [LockHolder(pid: holder.pid, command: "flock")])
        holder.release()
        #expect(try StateLock(path: state, waitingUpTo: .seconds(30)).outcome == .locked)
        #expect(LockHolder.holders(of: state).isEmpty)
    }

    @Test func lockHolderPIDs_areTheFlockLinesOnTheFilesDeviceAndInode() {
        let locks = """
            1: POSIX  ADVISORY  WRITE 11 fe:00:42 1073741824 1073742335
            2: FLOCK  ADVISORY  WRITE 22 fe:00:42 0 EOF
            2: -> FLOCK  ADVISORY  WRITE 33 fe:00:42 0 EOF
            3: FLOCK  ADVISORY  WRITE 44 08:01:42 0 EOF
            4: FLOCK  ADVISORY  READ  55 fe:00:43 0 EOF
            """
        // st_dev of fe:00 (major 254, minor 0) is 0xfe00.
        #expect(LockHolder.pids(inLocks: locks, device: 0xfe00, inode: 42) == [22])
    }

    @Test func worldReadableStateFile_isNotLocked_andWarns() throws {
        let state = try makeScratchDirectory().appending("status")
        try PosixFileSystem().writeFileAtomically(state, contents: [], permissions: 0o644)
        let lock = try StateLock(path: state)
        #expect(lock.outcome == .worldReadable)
        #expect(
            lock.warning
                == "state file \(state) is world-readable and thus can be locked from other unprivileged users. "
                + "Skipping lock acquisition..."
        )
        lock.release()
        try PosixFileSystem().writeFileAtomically(state, contents: [], permissions: 0o600)
        #expect(try StateLock(path: state).outcome == .locked)
    }

    @Test func skip_opensOrCreatesButDoesNotLock() throws {
        let state = try makeScratchDirectory().appending("status")
        let skipped = try StateLock(path: state, skip: true)
        #expect(skipped.outcome == .skipped && skipped.createdStub)
        #expect(skipped.debugMessages == ["Creating stub state file: \(state)", "Skip locking state file \(state)"])
        #expect(try StateLock(path: state).outcome == .locked)
    }

    @Test func devNull_isNeitherOpenedNorLocked() throws {
        let lock = try StateLock(path: "/dev/null")
        #expect(lock.outcome == .notNeeded && !lock.createdStub && lock.warning == nil)
    }

    @Test func unopenableStateFile_fails() throws {
        let state = try makeScratchDirectory().appending("missing-dir/status")
        #expect {
            _ = try StateLock(path: state)
        } throws: { error in
            guard case .failed(let cause) = error as? StateLockError else { return false }
            return cause.message.hasPrefix("error creating stub state file \(state): ")
        }
    }
}
