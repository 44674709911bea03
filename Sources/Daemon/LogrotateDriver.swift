import Logging
import LogrotateConfig
import Platform
import Rotation
import Scheduling
import Synchronization
import SystemPackage

/// The real `RotationDriver`: it keeps a `Snapshot` of the logs (built by a survey at start, on reload and at the
/// hourly rescan of glob patterns), picks due logs from it by pure rules, and rotates them with `BlockPass.rotate`,
/// the block rotation of `logrotated rotate`, so the daemon rotates at an instant exactly what `rotate` would.
///
/// Jobs decide and record on the snapshot's state entries; the state file is locked only to save what changed (a
/// read-modify-write that keeps other programs' entries), once the jobs running together are done or at most about
/// every second, never while a log is compressed.
package final class LogrotateDriver: RotationDriver {
    let options: DaemonOptions
    let rotation: RotationRun
    let logger: Logger
    let state: any StateAccess
    /// Logs being rotated now: a job never rotates a log another job has in hand (even across a reload).
    let inFlight = Mutex<Set<FilePath>>([])
    /// When the state file was last written (monotonic microseconds), for coalescing saves; held while saving, so
    /// this daemon's own saves never overlap.
    let lastSave = Mutex<UInt64>(0)
    /// Whether a configuration with logs is in force: a reload to one without any block is then refused.
    let hasLoadedBlocks = Mutex(false)
    /// What waits because the state lock could not be had: a save, and the logs of jobs not run.
    let lockRetry = Mutex(LockRetry())
    /// The waves of jobs sharing directory listings whose jobs may still run: told about the logs other jobs rotate.
    let waves = Mutex(LiveWaves())
    /// Renamed files waiting for the look for processes still writing them, made once for the jobs ending together.
    let staleChecks = Mutex(StaleChecks())
    /// The `--metrics` file's writer, with the counters it writes (`nil` without `--metrics`).
    let metricsWriter: MetricsWriter?

    /// A driver for `options`, with the rotator's effects (`rotation`) and messages going to `logger`.
    package init(options: DaemonOptions, rotation: RotationRun = RotationRun(), logger: Logger) {
        self.options = options
        self.rotation = rotation
        self.logger = logger
        metricsWriter = options.metricsPath.map { path in
            let start = Int64(WallClock.now().seconds)
            return MetricsWriter(
                path: path,
                metrics: DaemonMetrics(),
                fileSystem: rotation.fileSystem,
                startTime: start
            )
        }
        let store = StateStore(path: options.statePath, fileSystem: rotation.fileSystem)
        if options.dryRun {
            let journal = try? rotation.fileSystem.readFile(options.statePath.appendingToName(".journal"))
            state = SimulatedState(store.read(reporter: RunReporter(forwardingTo: { _, _ in })), journal: journal ?? [])
        } else {
            let file = LockedStateFile(store: store, timeout: options.stateLockTimeout)
            if let problem = file.journalProblem {
                logger.error("cannot open the rotation journal: \(problem); rotating without it")
            }
            state = file
        }
    }

    package func loadConfiguration(at now: Timestamp) async throws -> DaemonConfiguration {
        do {
            let loaded = try await onOwnThread { Result { try self.survey(now: now.seconds) } }.get()
            let logs = loaded.snapshot.withLock { $0.logsOfBlock.reduce(0) { $0 + $1.count } }
            metricsWriter?.metrics.noteLoad(applied: true, logs: logs)
            writeMetrics(loaded.snapshot, settled: true)
            return loaded
        } catch {
            metricsWriter?.metrics.noteLoad(applied: false, logs: nil)
            throw error
        }
    }

    /// Reads the configuration, expands every block and reads the state: the blocking survey behind a snapshot.
    private func survey(now: Int64) throws -> DaemonConfiguration {
        let loaded = rotation.loadConfiguration(options.configPaths, reporter: RunReporter(forwardingTo: { _, _ in }))
        if loaded.hasErrors { throw ConfigurationRejected(diagnostics: loaded.diagnostics) }
        if loaded.blocks.isEmpty, hasLoadedBlocks.withLock({ $0 }) {
            let message = "no log block in the new configuration (empty, or nothing but options): not applied"
            let file = options.configPaths.joined(separator: " ")
            throw ConfigurationRejected(
                diagnostics: loaded.diagnostics + [Diagnostic(.error, file: file, line: 0, message)]
            )
        }
        hasLoadedBlocks.withLock { $0 = !loaded.blocks.isEmpty }
        for diagnostic in loaded.diagnostics where diagnostic.severity != .note {
            logger.warning("\(diagnostic.locatedMessage)")
        }
        let reporter = traceReporter(metadata: [:])
        let logs = DaemonConfiguration.expand(loaded.blocks, fileSystem: rotation.fileSystem, reporter: reporter)
        let snapshot = Snapshot(
            blocks: loaded.blocks,
            logsOfBlock: logs,
            state: state.read(reporter: reporter, keepingParse: true),
            now: now
        )
        logger.info(
            "Configuration loaded",
            metadata: [
                "config": "\(options.configPaths.joined(separator: " "))", "blocks": "\(loaded.blocks.count)",
                "logs": "\(snapshot.blockOfLog.count)",
            ]
        )
        return DaemonConfiguration(blocks: loaded.blocks, snapshot: snapshot)
    }

    package func nextDeadline(after now: Timestamp, in configuration: DaemonConfiguration) -> Deadline? {
        let next = configuration.snapshot.withLock { $0.nextDeadline() }
        let deadline = [next, retryDeadline(after: now)].compactMap { $0 }.min { $0.time.seconds < $1.time.seconds }
        metricsWriter?.metrics.noteNextDeadline(next?.time.seconds)
        return deadline
    }

    package func sizeWatches(in configuration: DaemonConfiguration) -> [SizeWatch] {
        configuration.snapshot.withLock { $0.sizeWatches }
    }

    package func patternDirectories(in configuration: DaemonConfiguration) -> [FilePath: Set<String>] {
        configuration.snapshot.withLock { $0.patternDirectories }
    }

    package func discover(_ path: FilePath, at now: Timestamp, in configuration: DaemonConfiguration) -> Bool {
        guard let status = try? rotation.fileSystem.status(of: path, followSymlinks: false), status.kind != .directory
        else { return false }
        return configuration.snapshot.withLock { $0.discover(path, now: now.seconds) }
    }

    /// The jobs for the logs whose calendar trigger has passed (`touched == nil`), after taking what other programs
    /// wrote to the state file and, hourly, expanding glob patterns again; or for the `touched` files.
    package func dueJobs(
        at now: Timestamp,
        in configuration: DaemonConfiguration,
        touched: Set<FilePath>?
    ) async -> [RotationJob] {
        if let touched {
            return configuration.snapshot.withLock { $0.jobs(for: touched) }
        }
        return await onOwnThread { self.calendarJobs(at: now.seconds, in: configuration) }
    }

    private func calendarJobs(at now: Int64, in configuration: DaemonConfiguration) -> [RotationJob] {
        let reporter = traceReporter(metadata: [:])
        let file = state.read(reporter: reporter, keepingParse: false)
        let rescan = configuration.snapshot.withLock { $0.needsRescan(at: now) }
        let logs =
            rescan
            ? DaemonConfiguration.expand(configuration.blocks, fileSystem: rotation.fileSystem, reporter: reporter)
            : nil
        let busy = inFlight.withLock { $0 }
        let retried = lockRetry.withLock { retry in
            defer { retry.logs = [] }
            return retry.logs
        }
        // Rotations an earlier run left unfinished are finished by a job for their log, due or not.
        let interrupted = (state.journal?.allUnfinished ?? []).map(\.intent.log).filter { !busy.contains($0) }
        let due = configuration.snapshot.withLock { snapshot in
            if let logs { snapshot.rescanned(logs, now: now) }
            snapshot.merge(file, except: busy, now: now)
            return snapshot.takeDue(at: now) + retried + interrupted
        }
        reporter.debug("calendar check at \(LocalTime(epochSeconds: now)): \(due.count) logs due")
        save(configuration.snapshot, reporter: reporter)
        let wave = WaveListings()
        waves.withLock { $0.add(wave) }
        return configuration.snapshot.withLock { $0.jobs(for: due, wave: wave) }
    }

    package func rotate(_ job: RotationJob, at now: Timestamp, in configuration: DaemonConfiguration) async {
        await onOwnThread { self.perform(job, at: now.seconds, snapshot: configuration.snapshot) }
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

/// What waits because the state lock could not be had.
struct LockRetry: Sendable {
    /// Unsaved entries are owed to the state file.
    var owesSave = false
    /// Logs whose jobs did not run.
    var logs: Set<FilePath> = []
}
