import CSystemd
import Logging
import Platform

/// A swift-log handler that sends each event to journald as structured fields with `sd_journal_sendv`.
///
/// Metadata becomes upper-cased fields, so `journalctl LOG_PATH=/var/log/app.log` finds one log's history.
package struct JournalLogHandler: LogHandler {
    /// `SYSLOG_IDENTIFIER=` of every entry.
    package let identifier: String
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info

    /// A handler whose entries carry `SYSLOG_IDENTIFIER=identifier`.
    package init(identifier: String = "logrotated") {
        self.identifier = identifier
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let fields = JournalFields.assignments(of: event, handlerMetadata: metadata, identifier: identifier)
        _ = withIOVectors(fields.map { Array($0.utf8) }) { vectors, count in sd_journal_sendv(vectors, count) }
    }
}
