import Logging
import LogrotateConfig
import Platform
import Rotation
import Scheduling
import Synchronization
import SystemPackage

extension LogrotateDriver {
    /// Rotates one job: decide and record under the lock, execute without it, give failed logs their entry back.
    func perform(_ job: RotationJob, at now: Int64) {
        let logs = claim(job.logs)
        defer { release(logs) }
        guard !logs.isEmpty else { return }
        let reporter = traceReporter(metadata: ["log.path": "\(job)"])
        var pass = BlockPass(run: rotation, block: job.block, options: options.runOptions(now: now), reporter: reporter)
        let rotatedAt = LocalTime(epochSeconds: now)
        var due: [DueLog] = []
        var previous: [String: LocalTime] = [:]
        let locked = updateState(reporter: reporter) { state in
            due = pass.decide(logs, blockLogs: job.blockLogs, state: &state)?.due ?? []
            for log in due.map(\.path.string) {
                previous[log] = state[log]
                state[log] = rotatedAt
            }
        }
        guard locked, !due.isEmpty else { return }
        let plan = pass.plan(due)
        if options.dryRun {
            pass.show(plan)
            for log in due { logger.info("Would rotate \(log.path)", metadata: ["log.path": "\(log.path)"]) }
            return
        }
        let report = pass.execute(plan)
        recheckStaleWriters(pass.reportStaleWriters(plan, due: due))
        let failed = log(report)
        guard !failed.isEmpty else { return }
        let restores = failed.map { EntryRestore(log: $0, rotatedAt: rotatedAt, previous: previous[$0]) }
        _ = updateState(reporter: reporter, restoring: restores) { _ in }
    }

    /// How long after a rotation the daemon looks again for processes still writing the rotated file: long enough
    /// for an application that reopens on its own (a watched-file handler checks every write or every second).
    static let staleWriterRecheckDelay: Duration = .seconds(10)

    /// Looks again, a little later, for processes that still write what was rotated, and logs those that stay.
    private func recheckStaleWriters(_ files: [RotatedFile]) {
        guard !files.isEmpty else { return }
        let (rotation, logger) = (rotation, logger)
        Task.detached {
            try? await Task.sleep(for: Self.staleWriterRecheckDelay)
            for stale in StaleWriters.find(files, processes: rotation.processes, fileSystem: rotation.fileSystem) {
                let metadata: Logger.Metadata = ["log.path": "\(stale.file.log)", "action": "stale-writer"]
                let text = StaleWriters.message(stale, fileSystem: rotation.fileSystem)
                let seconds = Self.staleWriterRecheckDelay.components.seconds
                logger.warning("still, \(seconds) s after the rotation: \(text)", metadata: metadata)
            }
        }
    }

    /// Logs each log's outcome with its path and action; returns the logs that failed.
    private func log(_ report: ExecutionReport) -> [String] {
        var failed: [String] = []
        for outcome in report.logs {
            let metadata: Logger.Metadata = ["log.path": "\(outcome.log)", "action": "rotate"]
            switch outcome.result {
            case .succeeded:
                logger.info("Rotated \(outcome.log)", metadata: metadata)
            case .failed(let failure):
                logger.error("Rotation of \(outcome.log) failed: \(failure.message)", metadata: metadata)
                failed.append(outcome.log.string)
            }
        }
        for failure in report.blockFailures { logger.error("\(failure.message)", metadata: ["action": "script"]) }
        return failed
    }

    /// Marks `logs` as being rotated; returns those no other job has in hand.
    private func claim(_ logs: [String]) -> [String] {
        inFlight.withLock { inFlight in logs.filter { inFlight.insert($0).inserted } }
    }

    private func release(_ logs: [String]) {
        inFlight.withLock { inFlight in inFlight.subtract(logs) }
    }
}
