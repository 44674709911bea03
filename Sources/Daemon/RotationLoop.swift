import Logging
import Platform
import ServiceLifecycle
import SystemPackage

/// The state of one `RotationService.run`: the configuration in force, the job queue and the deadline timer.
struct RotationLoop<Driver: RotationDriver> {
    private let service: RotationService<Driver>
    private let sizeWatcher: SizeWatcher?
    private let sink: AsyncStream<LoopEvent<Driver.Job>>.Continuation
    private var configuration: Driver.Configuration
    private var queue: JobQueue<Driver.Job>
    /// The `now` of the last check of every job: the next deadline is computed after it, so none is skipped.
    private var lastFullCheck: Timestamp
    private var timer: (deadline: Timestamp, task: Task<Void, Never>)?

    init(
        service: RotationService<Driver>,
        configuration: Driver.Configuration,
        sizeWatcher: SizeWatcher?,
        sink: AsyncStream<LoopEvent<Driver.Job>>.Continuation
    ) {
        self.service = service
        self.configuration = configuration
        self.sizeWatcher = sizeWatcher
        self.sink = sink
        self.queue = JobQueue(limit: service.maxConcurrentRotations)
        self.lastFullCheck = service.clock.now()
    }

    /// Handles events until a graceful shutdown, then waits for the rotations in progress.
    mutating func run(events: AsyncStream<LoopEvent<Driver.Job>>) async {
        await withDiscardingTaskGroup { rotations in
            armTimer()
            service.notifier.ready(status: status())
            for await event in events.cancelOnGracefulShutdown() {
                await handle(event)
                startRotations(in: &rotations)
                armTimer()
                service.notifier.status(status())
            }
            timer?.task.cancel()
            service.notifier.stopping()
            service.logger.info(
                "Shutting down after the rotations in progress",
                metadata: ["running": "\(queue.running.count)", "skipped": "\(queue.waitingCount)"]
            )
        }
    }

    private mutating func handle(_ event: LoopEvent<Driver.Job>) async {
        switch event {
        case .finished(let job):
            queue.finish(job)
        case .trigger(.deadline(let deadline)):
            if timer?.deadline == deadline { timer = nil }
            let now = service.clock.now()
            lastFullCheck = now
            queue.enqueue(await service.driver.dueJobs(at: now, in: configuration, touched: nil))
        case .trigger(.sizeReached(let event)):
            let now = service.clock.now()
            queue.enqueue(await service.driver.dueJobs(at: now, in: configuration, touched: [event.path]))
        case .trigger(.reload):
            await reload()
        case .trigger(.watchdog):
            service.notifier.watchdog()
        }
    }

    private mutating func reload() async {
        service.notifier.reloading()
        do {
            configuration = try await service.driver.loadConfiguration()
            sizeWatcher?.watch(service.driver.sizeWatches(in: configuration))
            timer?.task.cancel()
            timer = nil
            service.logger.info("Configuration reloaded")
        } catch let rejection as ConfigurationRejected {
            service.log(rejection)
            service.logger.error("Configuration rejected; the previous configuration stays in force")
        } catch {
            service.logger.error("Configuration not reloaded; the previous one stays in force: \(error)")
        }
        service.notifier.ready(status: status())
    }

    private mutating func startRotations(in rotations: inout DiscardingTaskGroup) {
        for job in queue.startable() {
            let (driver, configuration, sink, logger) = (service.driver, configuration, sink, service.logger)
            let now = service.clock.now()
            rotations.addTask {
                await withGracefulShutdownHandler {
                    await driver.rotate(job, at: now, in: configuration)
                } onGracefulShutdown: {
                    logger.info("Finishing a rotation before exiting", metadata: ["job": "\(job)"])
                }
                sink.yield(.finished(job))
            }
        }
    }

    /// Starts (or keeps) the one timer task, for the next deadline after the last full check.
    private mutating func armTimer() {
        guard let next = service.driver.nextDeadline(after: lastFullCheck, in: configuration) else {
            timer?.task.cancel()
            timer = nil
            return
        }
        let deadline = next > lastFullCheck ? next : Timestamp(seconds: lastFullCheck.seconds + 1)
        if timer?.deadline == deadline { return }
        timer?.task.cancel()
        let (clock, sink) = (service.clock, sink)
        timer = (
            deadline,
            Task {
                guard (try? await clock.sleep(until: deadline)) != nil else { return }
                sink.yield(.trigger(.deadline(deadline)))
            }
        )
    }

    private func status() -> String {
        let next =
            timer.map { "next check at \(LocalTime(epochSeconds: $0.deadline.seconds))" } ?? "no calendar deadline"
        let watched = sizeWatcher == nil ? "" : ", watching sizes"
        return "\(queue.running.count) rotating, \(queue.waitingCount) waiting; \(next)\(watched)"
    }
}
