import Platform
import Rotation
import Synchronization
import SystemPackage

/// The watcher thread's loop: idle in `poll` with no timeout; after events, one check per coalescing interval.
struct SizeWatchLoop: Sendable {
    let inotify: Inotify
    let wakePipe: WakePipe
    let coalescingMicroseconds: UInt64
    let continuation: AsyncStream<SizeEvent>.Continuation
    let newNames: AsyncStream<FilePath>.Continuation

    /// Runs until `control.stopped`, then closes the descriptors and finishes the stream.
    func run(control: WatcherControl) {
        var state = LoopState(table: WatchTable(inotify: inotify))
        var nextCheck: UInt64?
        while true {
            let (pending, requested, stopped) = control.requests.withLock { requests in
                defer { requests.pending = nil }
                return (requests.pending, requests.requested, requests.stopped)
            }
            if stopped { break }
            if let pending {
                let changed = state.table.replace(with: pending.files, patternDirectories: pending.directories)
                state.above.subtract(changed)
                state.above.formIntersection(state.table.limits.keys)
                state.piped.subtract(changed)
                state.piped.formIntersection(state.table.limits.keys)
                control.markApplied(upTo: requested)
                check(changed, state: &state)
            }
            nextCheck = wait(until: nextCheck, state: &state)
            recheckPiped(state: &state)
        }
        control.markApplied(upTo: .max, stopping: true)
        inotify.close()
        wakePipe.close()
        continuation.finish()
        newNames.finish()
    }

    /// About once a second while pipes write watched logs: watches again (and checks) each whose pipe is gone.
    private func recheckPiped(state: inout LoopState) {
        let now = monotonicMicroseconds()
        guard !state.piped.isEmpty, now >= state.nextPipedRecheck else { return }
        state.nextPipedRecheck = now + UInt64(Self.pipedRecheckMilliseconds) * 1000
        let released = state.piped.filter { !PipedLogCheck.isPipedElsewhere($0) }
        guard !released.isEmpty else { return }
        state.piped.subtract(released)
        check(released, state: &state)
    }

    /// Waits for inotify (idle) or for the end of the coalescing interval (busy); returns the next check time.
    private func wait(until nextCheck: UInt64?, state: inout LoopState) -> UInt64? {
        let now = monotonicMicroseconds()
        if let nextCheck, nextCheck > now {
            let milliseconds = Int32((nextCheck - now + 999) / 1000)
            let ready = waitForReadable([wakePipe.readEnd], timeoutMilliseconds: milliseconds)
            if ready[0] { wakePipe.drain() }
            return ready[0] ? nextCheck : readAndCheck(state: &state)
        }
        if nextCheck != nil, let next = readAndCheck(state: &state) { return next }
        let idle: Int32 = state.piped.isEmpty ? -1 : Self.pipedRecheckMilliseconds
        let ready = waitForReadable([inotify.descriptor, wakePipe.readEnd], timeoutMilliseconds: idle)
        if ready[1] { wakePipe.drain() }
        return ready[0] ? readAndCheck(state: &state) : nil
    }

    /// Reads queued events and checks the files they name; `nil` (idle) when there were none.
    private func readAndCheck(state: inout LoopState) -> UInt64? {
        let events = inotify.readEvents()
        guard !events.isEmpty else { return nil }
        var touched: Set<FilePath> = []
        var appeared: Set<FilePath> = []
        for event in events {
            if let name = state.table.newName(for: event) { appeared.insert(name) }
            state.table.collectPaths(for: event, into: &touched)
        }
        check(touched, state: &state)
        for name in appeared { newNames.yield(name) }
        return monotonicMicroseconds() + coalescingMicroseconds
    }

    /// How often logs that `logrotated pipe` writes are looked at again (to watch them once the pipe is gone).
    static let pipedRecheckMilliseconds: Int32 = 1000

    /// Stats each path, re-arms replaced files, and reports those that newly reached their limit. A log another
    /// process writes through `logrotated pipe` (which rotates it itself) is found when it is armed or reaches its
    /// limit: it loses its file watch and reports nothing until ``recheckPiped(state:)`` sees the pipe gone.
    private func check(_ paths: Set<FilePath>, state: inout LoopState) {
        let fileSystem = PosixFileSystem()
        for path in paths where !state.piped.contains(path) {
            guard let limit = state.table.limits[path] else { continue }
            guard let status = try? fileSystem.status(of: path, followSymlinks: true) else {
                state.above.remove(path)
                continue
            }
            let arming = !state.table.isWatching(path, inode: status.inode)
            if arming {
                state.table.arm(path, inode: status.inode)
                state.above.remove(path)
            }
            // After arming, not before: a write between the `stat` and the watch would go unseen.
            if (arming || status.size >= limit) && PipedLogCheck.isPipedElsewhere(path) {
                state.table.unwatch(path)
                state.above.remove(path)
                state.piped.insert(path)
                continue
            }
            if status.size < limit {
                state.above.remove(path)
            } else if state.above.insert(path).inserted {
                continuation.yield(SizeEvent(path: path, size: status.size, limit: limit))
            }
        }
    }
}

/// The watcher thread's own state.
private struct LoopState {
    var table: WatchTable
    /// Files already reported at or past their limit.
    var above: Set<FilePath> = []
    /// Watched logs that `logrotated pipe` writes (without a file watch), and when they are next looked at.
    var piped: Set<FilePath> = []
    var nextPipedRecheck: UInt64 = 0
}
