import Platform
import Synchronization
import SystemPackage

/// Writes `--metrics FILE` atomically (temporary file, fsync, rename; mode 0644 so node_exporter can read it) after
/// each rotation wave and configuration load, and at most every `minimumInterval` in the middle of a wave.
final class MetricsWriter: Sendable {
    let path: FilePath
    let metrics: DaemonMetrics
    private let fileSystem: any FileSystem
    private let startTime: Int64
    /// Monotonic microseconds of the last write.
    private let lastWrite = Mutex<UInt64>(0)

    /// Writes in the middle of a wave come at least this far apart (microseconds).
    static let minimumInterval: UInt64 = 5_000_000

    init(path: FilePath, metrics: DaemonMetrics, fileSystem: any FileSystem, startTime: Int64) {
        self.path = path
        self.metrics = metrics
        self.fileSystem = fileSystem
        self.startTime = startTime
    }

    /// Writes the file when the wave is over (`settled`) or the last write is old enough; `logs` are the configured
    /// logs, whose sizes are read now. Returns the error message when the file could not be written.
    func write(logs: @autoclosure () -> [FilePath], settled: Bool) -> String? {
        let due = lastWrite.withLock { last in
            let now = monotonicMicroseconds()
            guard settled || now - last >= Self.minimumInterval else { return false }
            last = now
            return true
        }
        guard due else { return nil }
        let counters = metrics.snapshot
        let samples = logs().map { log in
            let size = ((try? fileSystem.status(of: log, followSymlinks: false)) ?? nil)?.size
            return MetricsText.LogSample(log: log, size: size, counters: counters.logs[log] ?? .init())
        }
        let text = MetricsText.render(counters, logs: samples, startTime: startTime)
        do {
            try fileSystem.writeFileAtomically(path, contents: Array(text.utf8), permissions: 0o644)
            return nil
        } catch {
            return "cannot write the metrics file \(path): \(error.message)"
        }
    }
}
