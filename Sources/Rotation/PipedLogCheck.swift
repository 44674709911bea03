import Platform
import SystemPackage

/// Whether a log is left alone because `logrotated pipe` writes it: that process rotates the log itself (it holds
/// the log's `PipeLock`), so `rotate` and the daemon must not rename the file under it.
package enum PipedLogCheck {
    /// The debug line explaining why `log` is skipped; `nil` when no other process pipes into it (this process's
    /// own pipe rotates it through the same `BlockPass`).
    package static func skipReason(for log: FilePath) -> String? {
        guard case .otherProcess(let holders) = PipeLock.holding(log) else { return nil }
        let by = holders.isEmpty ? "" : " (\(holders.map(\.description).joined(separator: ", ")))"
        return "log \(log) is written and rotated by logrotated pipe\(by); skipping"
    }

    /// Whether another process pipes into `log` now (the daemon's size watch leaves such a log alone).
    package static func isPipedElsewhere(_ log: FilePath) -> Bool {
        if case .otherProcess = PipeLock.holding(log) { return true }
        return false
    }
}
