import Logging
import LogrotateConfig
import Rotation
import SystemPackage

extension LogrotateDriver {
    /// Counts a job's outcomes for `--metrics`: rotations and failures, the archives' total of each rotated log; the
    /// processes still writing a rotated file are counted by the check that finds them.
    ///
    /// Archive totals are measured (a listing of the archive directory each) only for small jobs: a wave of thousands
    /// of logs in one directory would list it once per log; its logs keep their last measured total.
    func count(_ rotation: BlockRotation, settings: LogSettings, at now: Int64) {
        guard let metrics = metricsWriter?.metrics else { return }
        let measures = rotation.outcomes.count <= Self.archiveMeasuredLogs
        let listings = SharedListings()
        for outcome in rotation.outcomes {
            let archives: UInt64? =
                measures && outcome.result == .succeeded
                ? ArchiveUsage(
                    log: outcome.log,
                    settings: settings,
                    fileSystem: self.rotation.fileSystem,
                    listings: listings
                ).bytes : nil
            metrics.record(outcome, at: now, archiveBytes: archives)
        }
        // Set again by the check for writers of what was renamed, which may come a little later (see `StaleChecks`).
        for outcome in rotation.outcomes { metrics.noteStaleWriters(0, of: outcome.log) }
    }

    /// Jobs of at most this many logs measure their archives for `--metrics`.
    static let archiveMeasuredLogs = 8

    /// Writes the metrics file when `--metrics` is set and a write is due (see `MetricsWriter`).
    func writeMetrics(_ snapshot: SharedSnapshot, settled: Bool) {
        guard let writer = metricsWriter else { return }
        let problem = writer.write(logs: { snapshot.withLock { $0.logsOfBlock.flatMap { $0 } } }, settled: settled)
        if let problem { logger.warning("\(problem)") }
    }
}
