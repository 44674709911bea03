import Platform
import SystemPackage

/// Something that makes the daemon act; `RotationService.run(triggers:)` consumes a sequence of them.
package enum RotationTrigger: Hashable, Sendable {
    /// A calendar deadline passed: check every job.
    case deadline(Timestamp)
    /// A watched file reached its size limit: check its jobs.
    case sizeReached(SizeEvent)
    /// A name appeared in the directory of a glob pattern: it may be a new log.
    case newFile(FilePath)
    /// SIGHUP: read the configuration again.
    case reload
    /// Time to tell systemd's watchdog the loop is alive.
    case watchdog
}
