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
    private var checks = DueChecks()
    /// The `now` of the last check of every job: the next deadline is computed after it, so none is skipped.
    private var lastFullCheck: Timestamp
    private var timer: (deadline: Deadline, task: Task<Void, Never>)?
    /// The files watched for size, as last given to the watcher.
    private var watches: [SizeWatch] = []
    /// The directories of glob patterns and their name patterns, as last given to the watcher.
    private var watchedDirectories: [FilePath: Set<String>] = [:]
    /// How many logs `watches` covers (for `STATUS=`, computed when the watches change, not per event).
    private var watchedLogCount = 0
    /// Whether a survey or a check of every log (and the rotations it started) happened since the heap's free pages
    /// were last given back: they are once nothing runs any more (not after each size rotation, which frees little).
    private var heapTrimDue = true

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

    /// Checks every job once (a deadline may have passed while the daemon was not running), then handles events
    /// until a graceful shutdown, then waits for the rotations in progress.
    mutating func run(events: AsyncStream<LoopEvent<Driver.Job>>) async {
        await withDiscardingTaskGroup { rotations in
            refreshWatches()
            await sizeWatcher?.settled()
            service.notifier.ready(status: "checking every log")
            await process(.trigger(.deadline(lastFullCheck)), rotations: &rotations)
            for await event in events.cancelOnGracefulShutdown() {
                await process(event, rotations: &rotations)
            }
            timer?.task.cancel()
            service.notifier.stopping()
            service.logger.info(
                "Shutting down after the rotations in progress",
                metadata: ["running": "\(queue.running.count)", "skipped": "\(queue.waitingCount)"]
            )
        }
    }

    /// Handles one event, starts the rotations that may start, re-arms the timer and tells systemd.
    private mutating func process(_ event: LoopEvent<Driver.Job>, rotations: inout DiscardingTaskGroup) async {
        if let scope = await handle(event) { startCheck(scope, in: &rotations) }
        startRotations(in: &rotations)
        armTimer()
        service.notifier.status(status())
        trimHeapWhenIdle()
    }

    /// Gives the heap's free pages back once a survey, a check of every log or a wave of rotations is over.
    private mutating func trimHeapWhenIdle() {
        guard heapTrimDue, !checks.running, queue.running.isEmpty, queue.waitingCount == 0 else { return }
        heapTrimDue = false
        Heap.releaseFreePages()
    }

    /// Handles one event; returns the scope of a check for due jobs to start now, if any.
    private mutating func handle(_ event: LoopEvent<Driver.Job>) async -> DueChecks.Scope? {
        switch event {
        case .finished(let job):
            queue.finish(job)
        case .checked(let jobs, let scope):
            queue.enqueue(jobs, urgent: scope != .all)
            if scope == .all {
                refreshWatches()
                heapTrimDue = true
            }
            return checks.finish()
        case .trigger(.deadline(let deadline)):
            if timer?.deadline.time == deadline { timer = nil }
            return checks.request(.all)
        case .trigger(.sizeReached(let event)):
            return checks.request(.files([event.path]))
        case .trigger(.newFile(let path)):
            guard service.driver.discover(path, at: service.clock.now(), in: configuration) else { return nil }
            service.logger.info("New log \(path)", metadata: ["log.path": "\(path)"])
            refreshWatches()
            armTimer()
            return checks.request(.files([path]))
        case .trigger(.reload):
            await reload()
        case .trigger(.watchdog):
            service.notifier.watchdog()
        }
        return nil
    }

    /// Looks for due jobs in a task of its own, so that waiting for the state lock never holds up the loop (the
    /// watchdog, reloads, rotations finishing); the jobs come back as a `.checked` event.
    private mutating func startCheck(_ scope: DueChecks.Scope, in rotations: inout DiscardingTaskGroup) {
        let now = service.clock.now()
        if scope == .all { lastFullCheck = now }
        let (driver, configuration, sink) = (service.driver, configuration, sink)
        rotations.addTask {
            sink.yield(.checked(await driver.dueJobs(at: now, in: configuration, touched: scope.touched), scope))
        }
    }

    private mutating func reload() async {
        service.notifier.reloading()
        do {
            configuration = try await service.driver.loadConfiguration(at: service.clock.now())
            heapTrimDue = true
            refreshWatches()
            await sizeWatcher?.settled()
            timer?.task.cancel()
            timer = nil
            armTimer()
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

    /// Gives the watcher the files to watch when they changed (a reload, a glob matching new files).
    private mutating func refreshWatches() {
        let current = service.driver.sizeWatches(in: configuration)
        let directories = service.driver.patternDirectories(in: configuration)
        guard current != watches || directories != watchedDirectories else { return }
        (watches, watchedDirectories) = (current, directories)
        watchedLogCount = Set(current.map(\.path)).count
        sizeWatcher?.watch(current, directories: directories)
    }

    /// Starts (or keeps) the one timer task, for the next deadline after the last full check; none is started while a
    /// full check is outstanding (it may wait for the state lock), whose deadline would otherwise fire again at once.
    private mutating func armTimer() {
        if checks.fullCheckOutstanding { return }
        guard var deadline = service.driver.nextDeadline(after: lastFullCheck, in: configuration) else {
            timer?.task.cancel()
            timer = nil
            return
        }
        if deadline.time <= lastFullCheck { deadline.time = Timestamp(seconds: lastFullCheck.seconds.addingClamped(1)) }
        if timer?.deadline == deadline { return }
        timer?.task.cancel()
        let (clock, sink, time) = (service.clock, sink, deadline.time)
        timer = (
            deadline,
            Task {
                guard (try? await clock.sleep(until: time)) != nil else { return }
                sink.yield(.trigger(.deadline(time)))
            }
        )
    }

    /// `STATUS=`: `next: /var/log/x.log daily at 2026-11-30 00:00; watching 12 logs for size; 1 rotating`.
    private func status() -> String {
        var parts = [
            timer.map { "next: \($0.deadline.label) at \(LocalTime(epochSeconds: $0.deadline.time.seconds))" }
                ?? "no calendar deadline"
        ]
        parts.append("watching \(watchedLogCount) logs for size")
        if checks.running { parts.append("checking") }
        if !queue.running.isEmpty { parts.append("\(queue.running.count) rotating") }
        if queue.waitingCount > 0 { parts.append("\(queue.waitingCount) waiting") }
        return parts.joined(separator: "; ")
    }
}
