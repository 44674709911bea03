import Platform
import Synchronization
import SystemPackage

/// Reports, as an `AsyncStream`, when watched files reach their size limits: within about one coalescing interval of
/// the write that crossed it, without polling.
///
/// A dedicated thread (not Dispatch, not the cooperative pool) blocks in `poll` on an inotify descriptor. An idle
/// watcher never wakes. After a write it checks the written files at once, then sleeps one coalescing interval
/// before it reads inotify again, so a file written 10,000 times a second costs one wake-up per interval. Files that
/// do not exist yet, or that rotation replaces, are followed through their directory's create and rename events.
/// Events are edge-triggered: one when a file is first seen at or past its limit, again only after it was seen below
/// it, was replaced, or was given again to `watch(_:)` with another limit.
package final class SizeWatcher: Sendable {
    /// Files seen at or past their limits.
    package let events: AsyncStream<SizeEvent>
    /// Names that appeared (created or renamed in) in a watched pattern directory and are not watched files yet:
    /// files a glob pattern may now match.
    package let newNames: AsyncStream<FilePath>
    private let control = WatcherControl()
    private let wakePipe: WakePipe

    /// Starts the watcher thread with nothing to watch; `coalescing` is the minimum time between two checks of busy
    /// files.
    /// - Throws: the `Errno` of `inotify_init1`, `pipe` or `pthread_create` (e.g. `EMFILE`).
    package init(coalescing: Duration = .milliseconds(500)) throws(Errno) {
        let (events, continuation) = AsyncStream.makeStream(of: SizeEvent.self)
        let (newNames, namesContinuation) = AsyncStream.makeStream(of: FilePath.self)
        let inotify = try Inotify()
        let wakePipe: WakePipe
        do { wakePipe = try WakePipe() } catch {
            inotify.close()
            throw error
        }
        self.events = events
        self.newNames = newNames
        self.wakePipe = wakePipe
        let loop = SizeWatchLoop(
            inotify: inotify,
            wakePipe: wakePipe,
            coalescingMicroseconds: UInt64(coalescing.components.seconds) * 1_000_000
                + UInt64(coalescing.components.attoseconds / 1_000_000_000_000),
            continuation: continuation,
            newNames: namesContinuation
        )
        try startDetachedThread { [control] in loop.run(control: control) }
    }

    deinit {
        stop()
    }

    /// Replaces the watched files (after a reload, or to re-arm files whose event was handled) and the directories
    /// whose new names are reported on `newNames` (the directories of glob patterns), each with the patterns a name
    /// must match (`fnmatch` with `FNM_PERIOD`) to be reported.
    package func watch(_ watches: [SizeWatch], directories: [FilePath: Set<String>] = [:]) {
        control.requests.withLock {
            $0.pending = WatchRequest(files: watches, directories: directories)
            $0.requested += 1
        }
        wakePipe.wake()
    }

    /// Returns once the watcher thread has put in place every watch asked for so far (a file created after this is
    /// seen), or has stopped.
    package func settled() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = control.requests.withLock { requests in
                guard requests.applied < requests.requested && !requests.stopped else { return true }
                requests.waiting.append((requests.requested, continuation))
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Stops the thread, releases its descriptors and finishes `events`.
    package func stop() {
        control.requests.withLock { $0.stopped = true }
        wakePipe.wake()
    }
}

/// What callers ask of the watcher thread, shared with it (the thread does not retain the watcher).
final class WatcherControl: Sendable {
    struct Requests {
        var pending: WatchRequest?
        var stopped = false
        /// How many requests were made, and how many the thread has put in place.
        var requested = 0
        var applied = 0
        /// Callers of `settled()` and the request count each waits for.
        var waiting: [(Int, CheckedContinuation<Void, Never>)] = []
    }

    /// Marks the requests up to `count` as in place (or all, when stopping) and resumes who waited for them.
    func markApplied(upTo count: Int, stopping: Bool = false) {
        let ready = requests.withLock { requests in
            requests.applied = max(requests.applied, count)
            let done = requests.waiting.filter { stopping || $0.0 <= requests.applied }
            requests.waiting.removeAll { stopping || $0.0 <= requests.applied }
            return done.map(\.1)
        }
        for continuation in ready { continuation.resume() }
    }

    let requests = Mutex(Requests())
}

/// What the watcher thread is asked to watch.
struct WatchRequest: Sendable {
    var files: [SizeWatch]
    var directories: [FilePath: Set<String>]
}
