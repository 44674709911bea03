import Logging
import Platform
import SystemPackage

/// Chooses where the daemon's logs go; the executable calls `bootstrap` once, libraries only take a `Logger`.
package enum DaemonLogging {
    /// The socket `sd_journal_sendv` writes to; journald is running when it exists.
    package static let journalSocket = FilePath("/run/systemd/journal/socket")

    /// Whether journald listens on `socket` (`sd_journal_sendv` succeeds silently even when nothing does).
    package static func journalAvailable(at socket: FilePath = journalSocket) -> Bool {
        guard let status = try? PosixFileSystem().status(of: socket, followSymlinks: true) else { return false }
        return status.kind == .other
    }

    /// A handler for a logger label, writing to `destination`.
    package static func handler(level: Logger.Level, destination: LogDestination) -> any LogHandler {
        switch destination {
        case .journal:
            var handler = JournalLogHandler()
            handler.logLevel = level
            return handler
        case .journalStream, .console:
            var handler = TextLogHandler(style: destination == .console ? .console : .journalStream)
            handler.logLevel = level
            return handler
        }
    }

    /// Bootstraps swift-log once for the whole process (`LoggingSystem.bootstrap`), for the destination
    /// `LogDestination.current` finds.
    package static func bootstrap(level: Logger.Level = .info, journalSocket: FilePath = journalSocket) {
        let destination = LogDestination.current(journalSocketAvailable: journalAvailable(at: journalSocket))
        LoggingSystem.bootstrap { _ in handler(level: level, destination: destination) }
    }
}
