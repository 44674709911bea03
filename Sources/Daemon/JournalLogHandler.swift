import CSystemd
import Logging
import Platform

/// A swift-log handler that sends each event to journald as structured fields with `sd_journal_sendv`.
///
/// Metadata becomes upper-cased fields, so `journalctl LOG_PATH=/var/log/app.log` finds one log's history.
public struct JournalLogHandler: LogHandler {
    /// `SYSLOG_IDENTIFIER=` of every entry.
    public let identifier: String
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info

    /// A handler whose entries carry `SYSLOG_IDENTIFIER=identifier`.
    public init(identifier: String = "logrotated") {
        self.identifier = identifier
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let fields = JournalFields.assignments(of: event, handlerMetadata: metadata, identifier: identifier)
        _ = withIOVectors(fields.map { Array($0.utf8) }) { vectors, count in sd_journal_sendv(vectors, count) }
    }
}
