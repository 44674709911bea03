import Rotation
import Synchronization
import SystemPackage

/// What the daemon counts for `--metrics`: rotations and failures per log since start, configuration loads, the next
/// deadline. Updated by jobs and the loop; read when the metrics file is written.
package final class DaemonMetrics: Sendable {
    /// One log's counters.
    package struct LogCounters: Equatable, Sendable {
        package var rotations = 0
        package var failures = 0
        /// When it was last rotated by this daemon (epoch seconds).
        package var lastRotation: Int64?
        /// Its archives' total size, measured after its last rotation.
        package var archiveBytes: UInt64?
        /// Processes still writing one of its rotated files at the last look.
        package var staleWriters = 0

        package init() {}
    }

    /// Everything counted so far.
    package struct Counters: Equatable, Sendable {
        package var logs: [FilePath: LogCounters] = [:]
        package var loadsApplied = 0
        package var loadsRejected = 0
        package var configuredLogs = 0
        package var nextDeadline: Int64?

        package init() {}
    }

    private let counters = Mutex(Counters())

    package init() {}

    /// A copy of the counters.
    package var snapshot: Counters { counters.withLock { $0 } }

    /// Counts one log's rotation outcome at `now`, with its archive total when known.
    package func record(_ outcome: LogOutcome, at now: Int64, archiveBytes: UInt64?) {
        counters.withLock { counters in
            var log = counters.logs[outcome.log] ?? LogCounters()
            switch outcome.result {
            case .succeeded:
                log.rotations += 1
                log.lastRotation = now
                log.archiveBytes = archiveBytes ?? log.archiveBytes
            case .failed:
                log.failures += 1
            }
            counters.logs[outcome.log] = log
        }
    }

    /// Notes how many processes still write a rotated file of `log`.
    package func noteStaleWriters(_ count: Int, of log: FilePath) {
        counters.withLock { $0.logs[log, default: LogCounters()].staleWriters = count }
    }

    /// Counts a configuration load (at start or on SIGHUP) and, when applied, how many logs it has.
    package func noteLoad(applied: Bool, logs: Int?) {
        counters.withLock { counters in
            if applied { counters.loadsApplied += 1 } else { counters.loadsRejected += 1 }
            if let logs { counters.configuredLogs = logs }
        }
    }

    /// Notes the next deadline the loop will wake at.
    package func noteNextDeadline(_ seconds: Int64?) {
        counters.withLock { $0.nextDeadline = seconds }
    }
}
