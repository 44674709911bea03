import LogrotateConfig
import Platform
import Rotation
import Synchronization
import SystemPackage

/// The configuration the daemon runs with: the blocks of configuration paths read without errors, and the snapshot
/// of their logs that the daemon keeps up to date while this configuration is in force.
package struct DaemonConfiguration: Sendable {
    /// Blocks in configuration order.
    package var blocks: [LogBlock]
    /// The daemon's knowledge of the blocks' logs (shared by every copy of this configuration).
    let snapshot: SharedSnapshot

    /// The configuration made of `blocks`, whose logs are `snapshot`.
    init(blocks: [LogBlock], snapshot: Snapshot) {
        self.blocks = blocks
        self.snapshot = SharedSnapshot(snapshot)
    }

    /// Each block with its logs, its patterns expanded now, every block's before any is rotated, duplicates dropped
    /// as `rotate` drops them.
    static func expand(_ blocks: [LogBlock], fileSystem: any FileSystem, reporter: RunReporter) -> [[FilePath]] {
        var discovery = LogDiscovery()
        return blocks.map { block in discovery.logs(of: block, fileSystem: fileSystem, reporter: reporter) }
    }
}

/// A `Snapshot` changed from the loop and from the jobs' threads, one change at a time.
final class SharedSnapshot: Sendable {
    private let snapshot: Mutex<Snapshot>

    init(_ snapshot: Snapshot) {
        self.snapshot = Mutex(snapshot)
    }

    /// Runs `body` on the snapshot, alone.
    func withLock<Result>(_ body: (inout Snapshot) throws -> Result) rethrows -> Result {
        try snapshot.withLock { try body(&$0) }
    }
}
