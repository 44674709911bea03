import LogrotateConfig
import SystemPackage

/// One unit of rotation: the logs of a block that must rotate together (`sharedscripts`, `firstaction`,
/// `lastaction`), or one log of a block whose logs are independent, so that they rotate concurrently.
///
/// Two jobs are the same job when they rotate the same log (or the same shared block).
public struct RotationJob: Hashable, Sendable, CustomStringConvertible {
    /// The block the logs belong to.
    public let block: LogBlock
    /// The logs considered: all of the block's for a shared job, one otherwise.
    public let logs: [FilePath]
    /// All the block's logs, for its `olddir` checks (which drop the whole block, as in `rotate`).
    let blockLogs: [FilePath]
    /// The log, or the block's patterns and place for a shared job.
    public let description: String

    /// The jobs for the due logs of a block whose logs are `blockLogs`.
    static func jobs(block: LogBlock, blockLogs: [FilePath], due: [FilePath]) -> [RotationJob] {
        guard !due.isEmpty else { return [] }
        let settings = block.settings
        if settings.sharedScripts || settings.scripts[.firstaction] != nil || settings.scripts[.lastaction] != nil {
            let place = "\(block.patternText) (\(block.location.file):\(block.location.line))"
            return [RotationJob(block: block, logs: blockLogs, blockLogs: blockLogs, description: place)]
        }
        return due.map { RotationJob(block: block, logs: [$0], blockLogs: blockLogs, description: $0.string) }
    }

    public static func == (lhs: RotationJob, rhs: RotationJob) -> Bool {
        lhs.description == rhs.description
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
    }
}
