import LogrotateConfig
import Platform
import Rotation
import Scheduling
import SystemPackage

/// `logrotated status`: for every configured log (patterns expanded), its size, last rotation and when and why it
/// is next due; read from the configuration and the state file, whether or not the daemon runs.
public struct StatusReport: Sendable {
    /// One outlook per log, in configuration order.
    public var logs: [LogOutlook]
    /// The configuration's errors and warnings.
    public var diagnostics: [Diagnostic]

    /// Reads `configPaths` and the state at `statePath` (without locking it) and computes each log's outlook at `now`.
    public static func read(
        configPaths: [String],
        statePath: FilePath,
        now: Int64,
        rotation: RotationRun = RotationRun()
    ) -> StatusReport {
        let quiet = RunReporter(forwardingTo: { _, _ in })
        let loaded = rotation.loadConfiguration(configPaths, reporter: quiet)
        let state = StateStore(path: statePath, fileSystem: rotation.fileSystem).read(reporter: quiet)
        let blocks = DaemonConfiguration(blocks: loaded.blocks).logsByBlock(
            fileSystem: rotation.fileSystem,
            reporter: quiet
        )
        let logs = blocks.flatMap { block, logs in
            logs.map { log in
                LogOutlook(
                    path: log,
                    settings: block.settings,
                    size: size(of: log, fileSystem: rotation.fileSystem),
                    lastRotated: state[log],
                    now: now
                )
            }
        }
        return StatusReport(logs: logs, diagnostics: loaded.diagnostics)
    }

    /// The size of a regular file, `nil` when there is none at `path`.
    private static func size(of path: String, fileSystem: any FileSystem) -> UInt64? {
        guard let status = (try? fileSystem.status(of: FilePath(path), followSymlinks: false)) ?? nil,
            status.kind == .regular
        else { return nil }
        return status.size
    }
}
