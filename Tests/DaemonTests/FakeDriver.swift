import Daemon
import LogrotateConfig
import Platform
import Synchronization
import SystemPackage

/// What the fake driver saw, in order.
enum DriverEvent: Hashable, Sendable {
    case loaded(Int)
    case checked(at: Int64, configuration: Int, touched: Set<FilePath>?)
    case started(String)
    case finished(String)
}

/// A scripted `RotationDriver`: configurations are version numbers, jobs are names, rotations wait on gates.
final class FakeDriver: RotationDriver {
    struct Script: Sendable {
        /// What successive loads return: a version, or nil for a rejected configuration.
        var loads: [Int?] = [1]
        var deadlines: [Int64] = []
        /// The jobs due on a full check, and for a size event on a path.
        var dueOnDeadline: [String] = []
        var dueOnSize: [FilePath: [String]] = [:]
        /// Jobs whose rotation waits until `open(_:)`.
        var gated: Set<String> = []
    }

    private struct State {
        var script: Script
        var loadCount = 0
        var running = 0
        var maxRunning = 0
        var gates: [String: CheckedContinuation<Void, Never>] = [:]
        var opened: Set<String> = []
    }

    private let state: Mutex<State>
    private let continuation: AsyncStream<DriverEvent>.Continuation
    let events: EventRecorder<DriverEvent>

    init(_ script: Script) {
        state = Mutex(State(script: script))
        let (stream, continuation) = AsyncStream.makeStream(of: DriverEvent.self)
        self.continuation = continuation
        events = EventRecorder(stream)
    }

    var maxConcurrentRotations: Int { state.withLock { $0.maxRunning } }

    func loadConfiguration(at now: Timestamp) async throws -> Int {
        let version = state.withLock { state in
            defer { state.loadCount += 1 }
            return state.script.loads[min(state.loadCount, state.script.loads.count - 1)]
        }
        guard let version else {
            throw ConfigurationRejected(diagnostics: [Diagnostic(.error, file: "/etc/bad.conf", line: 3, "bad line")])
        }
        continuation.yield(.loaded(version))
        return version
    }

    func nextDeadline(after now: Timestamp, in configuration: Int) -> Deadline? {
        state.withLock { $0.script.deadlines.first { $0 > now.seconds } }.map {
            Deadline(time: Timestamp(seconds: $0), label: "deadline \($0)")
        }
    }

    func sizeWatches(in configuration: Int) -> [SizeWatch] { [] }

    func patternDirectories(in configuration: Int) -> [FilePath: Set<String>] { [:] }

    func discover(_ path: FilePath, at now: Timestamp, in configuration: Int) -> Bool { false }

    func dueJobs(at now: Timestamp, in configuration: Int, touched: Set<FilePath>?) async -> [String] {
        continuation.yield(.checked(at: now.seconds, configuration: configuration, touched: touched))
        return state.withLock { state in
            guard let touched else { return state.script.dueOnDeadline }
            return touched.flatMap { state.script.dueOnSize[$0] ?? [] }
        }
    }

    func rotate(_ job: String, at now: Timestamp, in configuration: Int) async {
        state.withLock { state in
            state.running += 1
            state.maxRunning = max(state.maxRunning, state.running)
        }
        continuation.yield(.started(job))
        await withCheckedContinuation { gate in
            let open = state.withLock { state in
                guard state.script.gated.contains(job), !state.opened.contains(job) else { return true }
                state.gates[job] = gate
                return false
            }
            if open { gate.resume() }
        }
        state.withLock { $0.running -= 1 }
        continuation.yield(.finished(job))
    }

    /// Lets a gated rotation of `job` (now or later) finish.
    func open(_ job: String) {
        let gate = state.withLock { state in
            state.opened.insert(job)
            return state.gates.removeValue(forKey: job)
        }
        gate?.resume()
    }
}
