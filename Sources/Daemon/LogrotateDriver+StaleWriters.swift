import Logging
import Platform
import Rotation
import Synchronization

extension LogrotateDriver {
    /// Queues the files a job renamed for the look for processes still writing them.
    func queueStaleWriterCheck(of files: [RotatedFile]) {
        guard !files.isEmpty else { return }
        staleChecks.withLock { $0.files += files }
    }

    /// Looks for processes still writing the queued files when no job runs any more, or when the last look is a second
    /// old: one scan of `/proc` for the jobs of a wave that end together, where each job scanned before (a hundred
    /// scans for a wave of 100,000 logs). Each one found is logged with its advice, counted for `--metrics`, and
    /// looked for again a little later.
    func checkStaleWritersIfDue(idle: Bool) {
        let files = staleChecks.withLock { checks -> [RotatedFile] in
            let now = monotonicMicroseconds()
            guard !checks.files.isEmpty, idle || now - checks.last >= 1_000_000 else { return [] }
            checks.last = now
            defer { checks.files = [] }
            return checks.files
        }
        guard !files.isEmpty else { return }
        let stale = StaleWriters.find(files, processes: rotation.processes, fileSystem: rotation.fileSystem)
        for found in stale {
            let metadata: Logger.Metadata = ["log.path": "\(found.file.log)"]
            logger.warning("\(StaleWriters.message(found, fileSystem: rotation.fileSystem))", metadata: metadata)
        }
        let stillWritten = StaleWriters.files(of: stale)
        if let metrics = metricsWriter?.metrics {
            let written = Dictionary(grouping: stillWritten, by: \.log)
            for log in Set(files.map(\.log)) { metrics.noteStaleWriters(written[log]?.count ?? 0, of: log) }
        }
        recheckStaleWriters(stillWritten)
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
}

/// Renamed files waiting for the look for processes still writing them.
struct StaleChecks: Sendable {
    /// The files renamed since the last look.
    var files: [RotatedFile] = []
    /// When the last look was made (monotonic microseconds).
    var last: UInt64 = 0
}
