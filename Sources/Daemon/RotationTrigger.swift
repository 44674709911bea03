import Platform

/// Something that makes the daemon act; `RotationService.run(triggers:)` consumes a sequence of them.
public enum RotationTrigger: Hashable, Sendable {
    /// A calendar deadline passed: check every job.
    case deadline(Timestamp)
    /// A watched file reached its size limit: check its jobs.
    case sizeReached(SizeEvent)
    /// SIGHUP: read the configuration again.
    case reload
    /// Time to tell systemd's watchdog the loop is alive.
    case watchdog
}
