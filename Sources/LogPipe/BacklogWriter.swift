import Platform
import Rotation

/// Bytes read but not written yet, in order: kept while a rotation switches the file, or after a failed write
/// (a full disk), which is retried a second later.
struct BacklogWriter {
    private var backlog: [UInt8] = []
    /// When a failed write may be tried again (monotonic microseconds); 0 when nothing failed.
    private var retryAt: UInt64 = 0
    /// Whether the last write failed (the error is reported once per streak of failures).
    private var failing = false

    /// How many bytes wait.
    var pending: Int { backlog.count }

    /// Whether a failed write may be tried again now.
    var retryDue: Bool { monotonicMicroseconds() >= retryAt }

    /// Keeps `bytes` after those already waiting.
    mutating func keep(_ bytes: UnsafeRawBufferPointer) {
        backlog.append(contentsOf: bytes)
    }

    /// Writes `bytes` now; what the file refuses is kept for a retry.
    mutating func write(_ bytes: UnsafeRawBufferPointer, to sink: LogFileSink, reporter: RunReporter) {
        let written = attempt(bytes, sink, reporter)
        if written < bytes.count { keep(UnsafeRawBufferPointer(rebasing: bytes[written...])) }
    }

    /// Writes what waits; what the file refuses stays.
    mutating func flush(to sink: LogFileSink, reporter: RunReporter) {
        let waiting = backlog
        backlog = []
        waiting.withUnsafeBytes { write($0, to: sink, reporter: reporter) }
    }

    private mutating func attempt(_ bytes: UnsafeRawBufferPointer, _ sink: LogFileSink, _ reporter: RunReporter) -> Int
    {
        let (written, error) = sink.write(bytes)
        if let error {
            if !failing { reporter.error("cannot write \(sink.path): \(error); trying again every second") }
            failing = true
            retryAt = monotonicMicroseconds() + 1_000_000
        } else if failing {
            reporter.warning("writing \(sink.path) again")
            failing = false
        }
        return written
    }
}
