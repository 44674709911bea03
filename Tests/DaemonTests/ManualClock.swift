import Daemon
import Platform
import Synchronization

/// A `DeadlineClock` that moves only when a test advances it; sleepers are visible so tests wait for them.
final class ManualClock: DeadlineClock {
    private struct Sleeper {
        var deadline: Timestamp
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Timestamp
        var sleepers: [Int: Sleeper] = [:]
        var nextID = 0
    }

    private let state: Mutex<State>
    private let armedContinuation: AsyncStream<Timestamp>.Continuation
    /// Every deadline a sleeper started waiting for, in order.
    let armed: EventRecorder<Timestamp>

    init(now: Int64) {
        state = Mutex(State(now: Timestamp(seconds: now)))
        let (stream, continuation) = AsyncStream.makeStream(of: Timestamp.self)
        armed = EventRecorder(stream)
        armedContinuation = continuation
    }

    func now() -> Timestamp {
        state.withLock { $0.now }
    }

    func sleep(until deadline: Timestamp) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let passed = state.withLock { state in
                    guard state.now < deadline else { return true }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return false
                }
                if passed { continuation.resume() } else { armedContinuation.yield(deadline) }
            }
        } onCancel: {
            state.withLock { $0.sleepers.removeValue(forKey: id) }?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Sets the time and wakes the sleepers whose deadline passed.
    func advance(to seconds: Int64) {
        let woken = state.withLock { state in
            state.now = Timestamp(seconds: seconds)
            let due = state.sleepers.filter { $0.value.deadline <= state.now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }
}
