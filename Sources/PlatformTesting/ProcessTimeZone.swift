import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` with the process's `TZ` set to `zone`, restoring it afterwards.
///
/// `TZ` is process-wide and every test target runs in one process, so callers from any target take turns: while one
/// body runs, no other caller's zone is in force. Child processes of other tests take their environment from
/// ``ProcessTimeZone/childEnvironment(from:)``, which leaves out any override in force at that moment.
package func withTimeZone<T>(_ zone: String, _ body: () async throws -> T) async rethrows -> T {
    await ProcessTimeZone.turns.acquire()
    ProcessTimeZone.set(zone)
    defer {
        ProcessTimeZone.restore()
        ProcessTimeZone.turns.release()
    }
    return try await body()
}

/// The process's own `TZ`, kept aside while ``withTimeZone(_:_:)`` overrides it.
package enum ProcessTimeZone {
    /// First come, first served turns at overriding `TZ`.
    fileprivate static let turns = Turns()

    /// The `TZ` value outside any override (`nil`: unset, the machine's `/etc/localtime`).
    package static var ambient: String? {
        override.withLock { override in
            if let override { return override.saved }
            return current()
        }
    }

    /// `environment` (for a child process, usually this process's own) with `TZ` as it is outside any override.
    package static func childEnvironment(from environment: [String: String]) -> [String: String] {
        var result = environment
        result["TZ"] = ambient
        return result
    }

    /// An override in force, with the value `TZ` had before it.
    private struct Override {
        var saved: String?
    }

    private static let override = Mutex<Override?>(nil)

    fileprivate static func set(_ zone: String) {
        override.withLock {
            $0 = Override(saved: current())
            setenv("TZ", zone, 1)
            tzset()
        }
    }

    fileprivate static func restore() {
        override.withLock {
            if let saved = $0?.saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
            $0 = nil
        }
    }

    private static func current() -> String? {
        getenv("TZ").map { String(cString: $0) }
    }
}

/// An async lock: ``acquire()`` suspends (never blocks a thread) until the holder calls ``release()``.
private final class Turns: Sendable {
    private struct Queue {
        var held = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let queue = Mutex(Queue())

    func acquire() async {
        await withCheckedContinuation { continuation in
            let granted = queue.withLock { queue in
                guard queue.held else {
                    queue.held = true
                    return true
                }
                queue.waiting.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    /// Hands the lock to the longest waiter, or frees it.
    func release() {
        let next = queue.withLock { queue -> CheckedContinuation<Void, Never>? in
            guard !queue.waiting.isEmpty else {
                queue.held = false
                return nil
            }
            return queue.waiting.removeFirst()
        }
        next?.resume()
    }
}
