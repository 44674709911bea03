import Daemon
import Logging
import ServiceLifecycle

/// Runs a `RotationService` on test triggers inside a real `ServiceGroup`, so graceful shutdown is the real one.
struct ServiceHarness<Driver: RotationDriver> {
    let driver: Driver
    let clock: ManualClock
    let triggers: AsyncStream<RotationTrigger>.Continuation
    let group: ServiceGroup
    let log: LineStore
    private let task: Task<Void, any Error>

    init(
        driver: Driver,
        clock: ManualClock = ManualClock(now: 0),
        maxConcurrentRotations: Int = 2,
        log: LineStore = LineStore()
    ) {
        let (stream, continuation) = AsyncStream.makeStream(of: RotationTrigger.self)
        let logger = log.logger
        let service = RotationService(
            driver: driver,
            notifier: SystemdNotifier(socketPath: nil),
            clock: clock,
            maxConcurrentRotations: maxConcurrentRotations,
            logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(services: [TriggeredService(service: service, triggers: stream)], logger: logger)
        )
        self.driver = driver
        self.log = log
        self.clock = clock
        self.triggers = continuation
        self.group = group
        self.task = Task { try await group.run() }
    }

    /// Triggers a graceful shutdown and waits for the service to return.
    func shutDown() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}

/// Adapts `run(triggers:)` to `Service`.
private struct TriggeredService<Driver: RotationDriver>: Service {
    let service: RotationService<Driver>
    let triggers: AsyncStream<RotationTrigger>

    func run() async throws {
        try await service.run(triggers: triggers)
    }
}

/// Log lines written by a `TextLogHandler` in the journal-stream style (`<6>message`, no time), recorded so tests can
/// wait for one.
final class LineStore: Sendable {
    private let continuation: AsyncStream<String>.Continuation
    private let recorder: EventRecorder<String>

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        self.continuation = continuation
        recorder = EventRecorder(stream)
    }

    func append(_ line: String) { continuation.yield(line) }

    /// A logger (debug level and up) whose lines are recorded here.
    var logger: Logger {
        var logger = Logger(label: "test") { _ in
            TextLogHandler(style: .journalStream, write: { line in self.append(line) })
        }
        logger.logLevel = .debug
        return logger
    }

    /// The lines recorded so far.
    var lines: [String] {
        get async { await recorder.events }
    }

    func wait(until condition: @escaping @Sendable ([String]) -> Bool) async -> Bool {
        await recorder.wait(until: condition)
    }
}
