import LogrotateConfig
import Platform
import SystemPackage

/// What the daemon asks of the rotator. The daemon owns when and how concurrently; the driver owns what.
///
/// The Rotation and Scheduling modules provide the real driver; tests use fakes.
package protocol RotationDriver: Sendable {
    /// A loaded, valid configuration (the daemon keeps the last good one).
    associatedtype Configuration: Sendable
    /// One unit of rotation (a log block, with its scripts): never run twice at once.
    associatedtype Job: Hashable & Sendable & CustomStringConvertible

    /// Reads the configuration anew and looks at its logs as they are at `now`.
    /// - Throws: `ConfigurationRejected` with the diagnostics when it has errors (the daemon keeps the previous one),
    ///   or any other error when it cannot be read at all.
    func loadConfiguration(at now: Timestamp) async throws -> Configuration

    /// The next calendar time after `now` at which a job may become due; `nil` when only sizes can make one due.
    func nextDeadline(after now: Timestamp, in configuration: Configuration) -> Deadline?

    /// The files whose sizes can make a job due (`size`, `maxsize`), with their limits.
    func sizeWatches(in configuration: Configuration) -> [SizeWatch]

    /// The directories whose new names may be new logs (those of glob patterns), watched for files appearing, each
    /// with the patterns a name must match (the last components of its glob patterns).
    func patternDirectories(in configuration: Configuration) -> [FilePath: Set<String>]

    /// Takes `path` as a log when a glob pattern of the configuration matches it and no block has it yet; true
    /// when it became one (its size watch and calendar check then exist).
    func discover(_ path: FilePath, at now: Timestamp, in configuration: Configuration) -> Bool

    /// The jobs due at `now`; `touched` limits the check to jobs of files that reached a size limit (`nil`: all).
    func dueJobs(at now: Timestamp, in configuration: Configuration, touched: Set<FilePath>?) async -> [Job]

    /// Runs one job to its end: it is not cancelled by a graceful shutdown, so no log is left half-rotated.
    func rotate(_ job: Job, at now: Timestamp, in configuration: Configuration) async
}

/// A calendar time at which jobs may become due, and what it is for (`/var/log/x.log daily`), shown in `STATUS=`.
package struct Deadline: Hashable, Sendable {
    /// The wall-clock instant.
    package var time: Timestamp
    /// The log and rule that fire then.
    package var label: String

    /// A deadline at `time` for `label`.
    package init(time: Timestamp, label: String) {
        self.time = time
        self.label = label
    }
}

/// A configuration with errors, refused as a whole; the daemon logs the diagnostics and keeps its old configuration.
package struct ConfigurationRejected: Error, Sendable {
    /// What is wrong, as `error: FILE:LINE message`.
    package var diagnostics: [Diagnostic]

    /// A rejection carrying `diagnostics`.
    package init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
