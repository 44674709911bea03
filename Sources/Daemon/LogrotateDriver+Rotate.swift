import Logging
import LogrotateConfig
import Platform
import Rotation
import Scheduling
import Synchronization
import SystemPackage

extension LogrotateDriver {
    /// Rotates one job with `BlockPass.rotate` on the snapshot's entries of its logs, then gives the snapshot what
    /// was recorded (a log is recorded only once its rotation succeeded), schedules the logs' next checks, and saves
    /// the state when due.
    func perform(_ job: RotationJob, at now: Int64, snapshot: SharedSnapshot) {
        defer { job.wave?.jobFinished() }
        let logs = claim(job.logs)
        var claimed = true
        defer { if claimed { release(logs) } }
        guard !logs.isEmpty else { return }
        let reporter = traceReporter(metadata: ["log.path": "\(job)"])
        guard state.hold(reporter: reporter) else {
            // Another pass holds the state file: retried at the check one lock timeout later.
            snapshot.withLock { $0.settle(job.logs, recorded: $0.entries(of: []), now: now) }
            retry(logs)
            return
        }
        defer { state.letGo() }
        var entries = snapshot.withLock { $0.entries(of: logs) }
        var failed: Set<FilePath> = []
        for (group, listings) in listingGroups(of: logs, in: job) where !group.isEmpty {
            failed.formUnion(rotate(group, of: job, listings: listings, at: now, entries: &entries))
        }
        snapshot.withLock { $0.settle(job.logs, recorded: entries, failed: failed, now: now) }
        // The logs are released in the same step as the idle check: of two jobs ending together, the last sees
        // none in flight and saves (each saw the other's logs when they were released on return).
        claimed = false
        let idle = inFlight.withLock { inFlight in
            inFlight.subtract(logs)
            return inFlight.isEmpty
        }
        saveIfDue(snapshot, idle: idle)
        checkStaleWritersIfDue(idle: idle)
        writeMetrics(snapshot, settled: idle)
    }

    /// The job's logs with the directory listings to plan them with: its wave's for those no other job rotated since
    /// the wave began, none (the pass lists or probes on its own) for the others and for a job without a wave.
    private func listingGroups(of logs: [FilePath], in job: RotationJob) -> [(logs: [FilePath], SharedListings?)] {
        guard let wave = job.wave else { return [(logs, nil)] }
        let (shared, elsewhere) = wave.partition(logs)
        return [(shared, wave.listings), (elsewhere, nil)]
    }

    /// Rotates `logs` of `job`, recording in `entries`; returns the logs whose rotation failed. The other waves are
    /// told which logs were rotated, before the job lets them go.
    private func rotate(
        _ logs: [FilePath],
        of job: RotationJob,
        listings: SharedListings?,
        at now: Int64,
        entries: inout StateFile
    ) -> Set<FilePath> {
        let reporter = traceReporter(metadata: ["log.path": "\(job)"])
        var pass = BlockPass(run: rotation, block: job.block, options: options.runOptions(now: now), reporter: reporter)
        pass.journal = state.journal
        pass.sharedListings = listings
        pass.checksStaleWriters = false
        guard let rotated = pass.rotate(logs, blockLogs: job.blockLogs, state: &entries) else { return [] }
        let touched = rotated.outcomes.map(\.log)
        if !touched.isEmpty {
            for wave in waves.withLock({ $0.live(excluding: job.wave) }) { wave.noteRotatedElsewhere(touched) }
        }
        guard !options.dryRun else {
            // A planned rotation counts as done in memory: not planned again before the next period.
            for log in rotated.decided.due {
                entries[log.path.string] = LocalTime(epochSeconds: now)
                logger.info("Would rotate \(log.path)", metadata: ["log.path": "\(log.path)"])
            }
            return []
        }
        log(rotated.outcomes)
        count(rotated, settings: job.block.settings, at: now)
        queueStaleWriterCheck(of: rotated.renamed)
        return Set(rotated.outcomes.compactMap { if case .failed = $0.result { $0.log } else { nil } })
    }

    /// Microseconds between saves while jobs still run. Each save rewrites the whole state file (8.5 MB at 100,000
    /// logs); nothing depends on a save during a wave: a rotation's journal entry stays open until the state file
    /// records it, so a kill before the save is finished by the next start, not repeated.
    static let midWaveSaveInterval: UInt64 = 5_000_000

    /// Saves the snapshot's unsaved entries when no job is running any more, or every `midWaveSaveInterval` during a
    /// wave.
    private func saveIfDue(_ snapshot: SharedSnapshot, idle: Bool) {
        lastSave.withLock { last in
            let now = monotonicMicroseconds()
            guard idle || now - last >= Self.midWaveSaveInterval else { return }
            last = now
            write(snapshot, reporter: traceReporter(metadata: [:]))
            if idle { compactJournal() }
        }
    }

    /// Empties the journal of finished rotations (those unfinished stay, for their retry).
    private func compactJournal() {
        do {
            try state.journal?.compact()
        } catch {
            logger.warning("cannot rewrite the rotation journal: \(error.message)")
        }
    }

    /// Writes the snapshot's unsaved entries into the state file (under its lock, keeping everything else in it; a
    /// dry run's state lives in memory), one save at a time. Entries that could not be written stay unsaved.
    func save(_ snapshot: SharedSnapshot, reporter: RunReporter) {
        lastSave.withLock { last in
            last = monotonicMicroseconds()
            write(snapshot, reporter: reporter)
        }
    }

    private func write(_ snapshot: SharedSnapshot, reporter: RunReporter) {
        let entries = snapshot.withLock { $0.takeUnsaved() }
        guard !entries.isEmpty else { return }
        let saved = state.record(entries, reporter: reporter)
        if !saved {
            snapshot.withLock { $0.markUnsaved(entries) }
            lockRetry.withLock { $0.owesSave = true }
        } else {
            lockRetry.withLock { $0.owesSave = false }
        }
    }

    /// Remembers logs whose rotation waits for the state lock; the next check takes them.
    private func retry(_ logs: [FilePath]) {
        lockRetry.withLock { $0.logs.formUnion(logs) }
    }

    /// While a save is owed because the state file was locked, a check one lock timeout after `now` (which saves
    /// again); `nil` otherwise.
    func retryDeadline(after now: Timestamp) -> Deadline? {
        guard lockRetry.withLock({ $0.owesSave || !$0.logs.isEmpty }) else { return nil }
        let delay = max(1, options.stateLockTimeout.components.seconds)
        return Deadline(
            time: Timestamp(seconds: now.seconds + delay),
            label: "retry: state file \(options.statePath) was locked"
        )
    }

    /// Logs each log's outcome with its path and action.
    private func log(_ outcomes: [LogOutcome]) {
        for outcome in outcomes {
            let metadata: Logger.Metadata = ["log.path": "\(outcome.log)", "action": "rotate"]
            switch outcome.result {
            case .succeeded:
                logger.info("Rotated \(outcome.log)", metadata: metadata)
            case .failed(let failure):
                logger.error("Rotation of \(outcome.log) failed: \(failure.message)", metadata: metadata)
            }
        }
    }

    /// Marks `logs` as being rotated; returns those no other job has in hand.
    private func claim(_ logs: [FilePath]) -> [FilePath] {
        inFlight.withLock { inFlight in logs.filter { inFlight.insert($0).inserted } }
    }

    private func release(_ logs: [FilePath]) {
        inFlight.withLock { inFlight in inFlight.subtract(logs) }
    }
}
