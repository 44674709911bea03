import Logging
import LogrotateConfig
import Rotation
import SystemPackage

extension LogrotateDriver {
    /// Counts a job's outcomes for `--metrics`: rotations and failures, the archives' total of each rotated log, and
    /// the processes still writing a rotated file.
    func count(_ rotation: BlockRotation, settings: LogSettings, at now: Int64) {
        guard let metrics = metricsWriter?.metrics else { return }
        for outcome in rotation.outcomes {
            let archives: UInt64? =
                outcome.result == .succeeded
                ? ArchiveUsage(log: outcome.log, settings: settings, fileSystem: self.rotation.fileSystem).bytes : nil
            metrics.record(outcome, at: now, archiveBytes: archives)
        }
        let stale = Dictionary(grouping: rotation.stillWritten, by: \.log)
        for outcome in rotation.outcomes { metrics.noteStaleWriters(stale[outcome.log]?.count ?? 0, of: outcome.log) }
    }

    /// Writes the metrics file when `--metrics` is set and a write is due (see `MetricsWriter`).
    func writeMetrics(_ snapshot: SharedSnapshot, settled: Bool) {
        guard let writer = metricsWriter else { return }
        let problem = writer.write(logs: snapshot.withLock { $0.logsOfBlock.flatMap { $0 } }, settled: settled)
        if let problem { logger.warning("\(problem)") }
    }
}
