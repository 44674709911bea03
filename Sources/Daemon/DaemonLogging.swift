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

    /// A handler for a logger label: the journal when it is available, standard error otherwise.
    package static func handler(level: Logger.Level, journal: Bool) -> any LogHandler {
        if journal {
            var handler = JournalLogHandler()
            handler.logLevel = level
            return handler
        }
        var handler = TextLogHandler()
        handler.logLevel = level
        return handler
    }

    /// Bootstraps swift-log once for the whole process (`LoggingSystem.bootstrap`).
    package static func bootstrap(level: Logger.Level = .info, journalSocket: FilePath = journalSocket) {
        let journal = journalAvailable(at: journalSocket)
        LoggingSystem.bootstrap { _ in handler(level: level, journal: journal) }
    }
}
