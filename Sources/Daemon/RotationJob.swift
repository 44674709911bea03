import LogrotateConfig
import SystemPackage

/// One unit of rotation: the logs of a block that must rotate together (`sharedscripts`, `firstaction`,
/// `lastaction`), or a slice of the due logs of a block whose logs are independent (see `logsPerJob(forDueCount:)`),
/// so that a block with many due logs rotates on every core while each job pays its block's checks once.
///
/// Two jobs are the same job when they rotate the same log (or the same shared block).
package struct RotationJob: Hashable, Sendable, CustomStringConvertible {
    /// The block the logs belong to.
    package let block: LogBlock
    /// The logs considered: all of the block's for a shared job, one otherwise.
    package let logs: [FilePath]
    /// All the block's logs, for its `olddir` checks (which drop the whole block, as in `rotate`).
    let blockLogs: [FilePath]
    /// The log, or the block's patterns and place for a shared job.
    package let description: String
    /// The directory listings this job shares with the other jobs of its wave; `nil` for a job that lists alone.
    let wave: WaveListings?

    /// The jobs for the due logs of a block whose logs are `blockLogs`; when they are more than one job, the jobs
    /// share `wave`'s listings.
    static func jobs(
        block: LogBlock,
        blockLogs: [FilePath],
        due: [FilePath],
        wave: WaveListings? = nil
    ) -> [RotationJob] {
        guard !due.isEmpty else { return [] }
        let settings = block.settings
        if settings.sharedScripts || settings.scripts[.firstaction] != nil || settings.scripts[.lastaction] != nil {
            let place = "\(block.patternText) (\(block.location.file):\(block.location.line))"
            return [RotationJob(block: block, logs: blockLogs, blockLogs: blockLogs, description: place, wave: nil)]
        }
        let size = logsPerJob(forDueCount: due.count)
        let shared = due.count > size ? wave : nil
        shared?.add(jobs: (due.count + size - 1) / size)
        return stride(from: 0, to: due.count, by: size).map { start in
            let logs = Array(due[start..<min(start + size, due.count)])
            let description =
                logs.count == 1 ? logs[0].description : "\(logs[0]) and \(logs.count - 1) more of \(block.patternText)"
            return RotationJob(block: block, logs: logs, blockLogs: blockLogs, description: description, wave: shared)
        }
    }

    /// Due logs of an independent block rotated by one job: at least four of `BlockPass`'s batches.
    static let logsPerJob = 256
    /// The most due logs one job rotates.
    static let mostLogsPerJob = 1024

    /// Logs per job when `count` logs of an independent block are due: `logsPerJob`, or an eighth of a larger wave up
    /// to `mostLogsPerJob`. Each job pays a scan of `/proc` for writers of what it renamed, so a wave of 10,000 logs
    /// costs less CPU in 10 jobs than in 40, and eight jobs still keep every core busy; a log past its size limit is
    /// a job of its own.
    static func logsPerJob(forDueCount count: Int) -> Int {
        min(max(logsPerJob, count / 8), mostLogsPerJob)
    }

    package static func == (lhs: RotationJob, rhs: RotationJob) -> Bool {
        lhs.description == rhs.description
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(description)
    }
}
