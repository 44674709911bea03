import Logging

/// How a swift-log event becomes journald fields (`MESSAGE=`, `PRIORITY=`, `SYSLOG_IDENTIFIER=`, metadata).
package enum JournalFields {
    /// The syslog priority (0–7) journald files a level under.
    package static func priority(of level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    /// A journald field name for a metadata key: upper-cased, other characters as `_`, never starting with `_` or a
    /// digit (`log.path` → `LOG_PATH`).
    package static func fieldName(_ key: String) -> String {
        var name = String(
            key.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
        )
        while let first = name.first, first == "_" || first.isNumber { name.removeFirst() }
        return name.isEmpty ? "METADATA" : String(name.prefix(64))
    }

    /// The `NAME=value` assignments of one event; event metadata wins over the handler's.
    package static func assignments(
        of event: LogEvent,
        handlerMetadata: Logger.Metadata,
        identifier: String
    ) -> [String] {
        var fields = [
            "MESSAGE=\(event.message)",
            "PRIORITY=\(priority(of: event.level))",
            "SYSLOG_IDENTIFIER=\(identifier)",
            "CODE_FILE=\(event.file)",
            "CODE_LINE=\(event.line)",
            "CODE_FUNC=\(event.function)",
        ]
        let metadata = handlerMetadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            fields.append("\(fieldName(key))=\(value)")
        }
        return fields
    }
}
