import Logging
import Platform

/// A swift-log handler writing one line per event, `<level>: message key=value`, for when journald is absent.
public struct TextLogHandler: LogHandler {
    private let write: @Sendable (String) -> Void
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info

    /// A handler that passes each finished line (with its newline) to `write`; by default, to standard error.
    public init(
        write: @escaping @Sendable (String) -> Void = { line in
            var stream = StandardStream.error
            stream.write(line)
        }
    ) {
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let pairs = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        write("<\(event.level)>: \(event.message)\(pairs)\n")
    }
}
