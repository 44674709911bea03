import Logging
import LogrotateConfig
import Platform
import ServiceLifecycle
import UnixSignals

/// `logrotated run`: rotates logs when calendar deadlines pass, when files reach their sizes, and re-reads the
/// configuration on SIGHUP, as a swift-service-lifecycle `Service` (started in a `ServiceGroup` that turns SIGTERM
/// and SIGINT into a graceful shutdown).
///
/// Rotations run concurrently, at most `maxConcurrentRotations` at once and never the same job twice at once. A
/// graceful shutdown starts no new rotation and waits for those in progress. systemd hears `READY=1`, `STATUS=`,
/// `RELOADING=1`, `STOPPING=1` and `WATCHDOG=1` through `notifier`.
package struct RotationService<Driver: RotationDriver>: Service {
    let driver: Driver
    let notifier: SystemdNotifier
    let clock: any DeadlineClock
    let maxConcurrentRotations: Int
    let logger: Logger

    /// A service rotating through `driver`; by default systemd's notifier, the system clock, one rotation per core.
    package init(
        driver: Driver,
        notifier: SystemdNotifier = .fromEnvironment(),
        clock: any DeadlineClock = SystemDeadlineClock(),
        maxConcurrentRotations: Int = onlineProcessorCount(),
        logger: Logger
    ) {
        self.driver = driver
        self.notifier = notifier
        self.clock = clock
        self.maxConcurrentRotations = maxConcurrentRotations
        self.logger = logger
    }

    /// Runs with the real triggers: SIGHUP, an inotify size watcher, and systemd's watchdog period.
    /// - Throws: `ConfigurationRejected` or the loader's error when the first configuration cannot be loaded, or the
    ///   `Errno` of setting up the size watcher.
    package func run() async throws {
        let watcher = try SizeWatcher()
        defer { watcher.stop() }
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let (triggers, continuation) = AsyncStream.makeStream(of: RotationTrigger.self)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { for await _ in hangups { continuation.yield(.reload) } }
            group.addTask { for await event in watcher.events { continuation.yield(.sizeReached(event)) } }
            group.addTask { for await path in watcher.newNames { continuation.yield(.newFile(path)) } }
            if let interval = notifier.watchdogInterval {
                group.addTask {
                    while (try? await Task.sleep(for: interval)) != nil { continuation.yield(.watchdog) }
                }
            }
            try await run(triggers: triggers, sizeWatcher: watcher)
            group.cancelAll()
        }
    }

    /// Runs on the given triggers (calendar deadlines come from `clock`); returns after a graceful shutdown, once the
    /// rotations in progress have finished.
    /// - Throws: `ConfigurationRejected` or the loader's error when the first configuration cannot be loaded.
    package func run<Triggers: AsyncSequence & Sendable>(
        triggers: Triggers,
        sizeWatcher: SizeWatcher? = nil
    ) async throws where Triggers.Element == RotationTrigger {
        let configuration = try await initialConfiguration()
        let (events, sink) = AsyncStream.makeStream(of: LoopEvent<Driver.Job>.self)
        await withDiscardingTaskGroup { feeders in
            feeders.addTask {
                do {
                    for try await trigger in triggers { sink.yield(.trigger(trigger)) }
                } catch {}
            }
            var loop = RotationLoop(service: self, configuration: configuration, sizeWatcher: sizeWatcher, sink: sink)
            await loop.run(events: events)
            feeders.cancelAll()
        }
    }

    private func initialConfiguration() async throws -> Driver.Configuration {
        do {
            return try await driver.loadConfiguration(at: clock.now())
        } catch let rejection as ConfigurationRejected {
            log(rejection)
            throw rejection
        }
    }

    /// Logs each diagnostic of a rejected configuration at its severity.
    func log(_ rejection: ConfigurationRejected) {
        for diagnostic in rejection.diagnostics {
            let level: Logger.Level =
                switch diagnostic.severity {
                case .error: .error
                case .warning: .warning
                case .note: .debug
                }
            logger.log(level: level, "\(diagnostic.locatedMessage)")
        }
    }
}

/// What the loop reacts to: an outside trigger, a check for due jobs or one of its rotations finishing.
enum LoopEvent<Job: Sendable>: Sendable {
    case trigger(RotationTrigger)
    case checked([Job], DueChecks.Scope)
    case finished(Job)
}
