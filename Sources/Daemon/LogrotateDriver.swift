import Logging
import LogrotateConfig
import Platform
import Rotation
import Scheduling
import Synchronization
import SystemPackage

/// The real `RotationDriver`: decides, plans and executes with the same `BlockPass` as `logrotated rotate`, so the
/// daemon rotates at an instant exactly what `rotate` would rotate at that instant.
///
/// Blocking work (the state lock, file I/O, compression, scripts) runs on threads of its own. The state file is
/// locked around each read-modify-write only: when a job starts, its due logs are recorded as rotated (so a
/// concurrent `rotate` does not rotate them again); a log whose rotation then fails gets its previous entry back.
public final class LogrotateDriver: RotationDriver {
    let options: DaemonOptions
    let rotation: RotationRun
    let logger: Logger
    let state: any StateAccess
    /// Logs being rotated now: a job never rotates a log another job has in hand (even across a reload).
    let inFlight = Mutex<Set<String>>([])
    /// Set when a state update gave up waiting for the lock; cleared when a full check starts.
    let lockRetry = Mutex(false)
    /// Entries of failed rotations still to be given back, because the update doing it could not get the lock.
    let pendingRestores = Mutex<[EntryRestore]>([])

    /// A driver for `options`, with the rotator's effects (`rotation`) and messages going to `logger`.
    public init(options: DaemonOptions, rotation: RotationRun = RotationRun(), logger: Logger) {
        self.options = options
        self.rotation = rotation
        self.logger = logger
        let store = StateStore(path: options.statePath, fileSystem: rotation.fileSystem)
        if options.dryRun {
            state = SimulatedState(store.read(reporter: RunReporter(forwardingTo: { _, _ in })))
        } else {
            state = LockedStateFile(store: store, timeout: options.stateLockTimeout)
        }
    }

    public func loadConfiguration() async throws -> DaemonConfiguration {
        let loaded = rotation.loadConfiguration(options.configPaths, reporter: RunReporter(forwardingTo: { _, _ in }))
        if loaded.hasErrors { throw ConfigurationRejected(diagnostics: loaded.diagnostics) }
        for diagnostic in loaded.diagnostics { logger.warning("\(diagnostic.locatedMessage)") }
        logger.info(
            "Configuration loaded",
            metadata: ["config": "\(options.configPaths.joined(separator: " "))", "blocks": "\(loaded.blocks.count)"]
        )
        return DaemonConfiguration(blocks: loaded.blocks)
    }

    public func nextDeadline(after now: Timestamp, in configuration: DaemonConfiguration) -> Deadline? {
        let reporter = quietReporter()
        let recorded = state.read(reporter: reporter)
        var next: Deadline?
        for (block, logs) in configuration.logsByBlock(fileSystem: rotation.fileSystem, reporter: reporter) {
            guard case .time(let frequency) = block.settings.criterion else { continue }
            for log in logs {
                let time = LogOutlook.nextCalendarCheck(frequency, lastRotated: recorded[log], now: now.seconds)
                if time < next?.time.seconds ?? .max {
                    next = Deadline(time: Timestamp(seconds: time), label: "\(log) \(LogOutlook.name(of: frequency))")
                }
            }
        }
        let rescan = Deadline(
            time: Timestamp(seconds: (now.seconds / 3600 + 1) * 3600),
            label: "rescan of glob patterns"
        )
        let candidates = [next, configuration.hasGlobPatterns ? rescan : nil, retryDeadline(after: now)]
        return candidates.compactMap { $0 }.min { $0.time.seconds < $1.time.seconds }
    }

    public func sizeWatches(in configuration: DaemonConfiguration) -> [SizeWatch] {
        configuration.logsByBlock(fileSystem: rotation.fileSystem, reporter: quietReporter()).flatMap { block, logs in
            LogOutlook.watchLimit(block.settings).map { limit in
                logs.map { SizeWatch(path: FilePath($0), limit: limit) }
            } ?? []
        }
    }

    public func dueJobs(
        at now: Timestamp,
        in configuration: DaemonConfiguration,
        touched: Set<FilePath>?
    ) async -> [RotationJob] {
        await onOwnThread { self.findDueJobs(at: now.seconds, in: configuration, touched: touched) }
    }

    /// Decides every log (of the touched files' blocks), recording logs seen first, under the state lock.
    private func findDueJobs(
        at now: Int64,
        in configuration: DaemonConfiguration,
        touched: Set<FilePath>?
    ) -> [RotationJob] {
        let reporter = traceReporter(metadata: [:])
        let blocks = configuration.logsByBlock(fileSystem: rotation.fileSystem, reporter: reporter).filter { _, logs in
            touched.map { touched in logs.contains { touched.contains(FilePath($0)) } } ?? true
        }
        var jobs: [RotationJob] = []
        if touched == nil { lockRetry.withLock { $0 = false } }
        _ = updateState(reporter: reporter) { state in
            for (block, logs) in blocks {
                var pass = BlockPass(
                    run: rotation,
                    block: block,
                    options: options.runOptions(now: now),
                    reporter: reporter
                )
                guard let decided = pass.decide(logs, state: &state) else { continue }
                jobs += RotationJob.jobs(block: block, blockLogs: logs, due: decided.due.map(\.path.string))
            }
        }
        return jobs
    }

    public func rotate(_ job: RotationJob, at now: Timestamp, in configuration: DaemonConfiguration) async {
        await onOwnThread { self.perform(job, at: now.seconds) }
    }

    /// A reporter that drops everything (for reading state and globbing while computing deadlines).
    func quietReporter() -> RunReporter {
        RunReporter(forwardingTo: { _, _ in })
    }

    /// A reporter forwarding the rotator's messages to the logger: the `-v` trace at debug (at info in a dry run,
    /// where the plan is the point), warnings and errors at their level.
    func traceReporter(metadata: Logger.Metadata) -> RunReporter {
        let (logger, traceLevel) = (logger, options.dryRun ? Logger.Level.info : .debug)
        return RunReporter(forwardingTo: { level, text in
            switch level {
            case .debug:
                if !text.isEmpty { logger.log(level: traceLevel, "\(text)", metadata: metadata) }
            case .warning: logger.warning("\(text)", metadata: metadata)
            case .error: logger.error("\(text)", metadata: metadata)
            }
        })
    }
}
