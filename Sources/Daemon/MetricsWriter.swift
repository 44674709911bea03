import Platform
import Synchronization
import SystemPackage

/// Writes `--metrics FILE` atomically (temporary file, fsync, rename; mode 0644 so node_exporter can read it) after
/// each rotation wave (at most every `settledInterval`), and at most every `minimumInterval` in the middle of a wave.
final class MetricsWriter: Sendable {
    let path: FilePath
    let metrics: DaemonMetrics
    private let fileSystem: any FileSystem
    private let startTime: Int64
    /// Monotonic microseconds of the last write, and whether a write waits for its interval.
    private let lastWrite = Mutex<(last: UInt64, deferred: Bool)>((0, false))

    /// Writes in the middle of a wave come at least this far apart (microseconds).
    static let minimumInterval: UInt64 = 5_000_000
    /// Writes after waves come at least this far apart: each reads every configured log's size (one `lstat` per log),
    /// so a stream of single size events does not pay that per event.
    static let settledInterval: UInt64 = 1_000_000

    init(path: FilePath, metrics: DaemonMetrics, fileSystem: any FileSystem, startTime: Int64) {
        self.path = path
        self.metrics = metrics
        self.fileSystem = fileSystem
        self.startTime = startTime
    }

    /// Writes the file when the wave is over (`settled`) or the last write is old enough; `logs` are the configured
    /// logs, whose sizes are read then. A settled write that comes too soon after the last one is made once the
    /// interval has passed (one such write waits at a time), so the file always ends with the last wave. Returns the
    /// error message when the file could not be written now.
    func write(logs: @escaping @Sendable () -> [FilePath], settled: Bool) -> String? {
        let delay = lastWrite.withLock { state -> UInt64? in
            let now = monotonicMicroseconds()
            let wait = settled ? Self.settledInterval : Self.minimumInterval
            guard now - state.last < wait else {
                state.last = now
                return nil
            }
            guard settled, !state.deferred else { return 0 }
            state.deferred = true
            return wait - (now - state.last)
        }
        switch delay {
        case nil: return render(logs())
        case 0?: return nil
        case let wait?:
            Task.detached { [self] in
                try? await Task.sleep(for: .microseconds(wait))
                lastWrite.withLock { $0 = (monotonicMicroseconds(), false) }
                _ = render(logs())
            }
            return nil
        }
    }

    private func render(_ logs: [FilePath]) -> String? {
        let counters = metrics.snapshot
        let samples = logs.map { log in
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
