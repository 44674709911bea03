import Logging
import Platform

/// A swift-log handler writing one line per event, `<level>: message key=value`, for when journald is absent.
package struct TextLogHandler: LogHandler {
    private let write: @Sendable (String) -> Void
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info

    /// A handler that passes each finished line (with its newline) to `write`; by default, to standard error.
    package init(
        write: @escaping @Sendable (String) -> Void = { line in
            var stream = StandardStream.error
            stream.write(line)
        }
    ) {
        self.write = write
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let pairs = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        write("<\(event.level)>: \(event.message)\(pairs)\n")
    }
}
