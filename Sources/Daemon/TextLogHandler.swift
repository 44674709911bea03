import Logging
import Platform

/// A swift-log handler writing one line per event to standard error, in a `TextLogStyle`: `<6>message key=value`
/// when standard error is the journal, `2026-12-02T13:40:01Z info  message key=value` otherwise.
package struct TextLogHandler: LogHandler {
    private let style: TextLogStyle
    private let clock: @Sendable () -> Int64
    private let write: @Sendable (String) -> Void
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level = .info

    /// A handler that passes each finished line (with its newline) to `write`, by default standard error; `clock`
    /// gives the console style's time in seconds since the epoch.
    package init(
        style: TextLogStyle,
        clock: @escaping @Sendable () -> Int64 = { currentWallTime().seconds },
        write: @escaping @Sendable (String) -> Void = { line in
            var stream = StandardStream.error
            stream.write(line)
        }
    ) {
        self.style = style
        self.clock = clock
        self.write = write
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let time = style == .console ? clock() : 0
        write(
            TextLogLine.render(
                level: event.level,
                message: "\(event.message)",
                metadata: merged,
                style: style,
                time: time
            )
        )
    }
}
