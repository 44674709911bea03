import LogrotateConfig
import Platform
import Rotation
import Scheduling
import SystemPackage

/// `logrotated status`: for every configured log (patterns expanded), its size, last rotation and when and why it
/// is next due; read from the configuration and the state file, whether or not the daemon runs.
package struct StatusReport: Sendable {
    /// One outlook per log, in configuration order.
    package var logs: [LogOutlook]
    /// The configuration's errors and warnings.
    package var diagnostics: [Diagnostic]
    /// Who holds the state file's lock, and whether the file is too open.
    package var stateFile: StateFileCondition

    /// Reads `configPaths` and the state at `statePath` (without locking it) and computes each log's outlook at `now`;
    /// looks at who holds the state file's lock and whether the file is too open.
    package static func read(
        configPaths: [String],
        statePath: FilePath,
        now: Int64,
        rotation: RotationRun = RotationRun()
    ) -> StatusReport {
        let quiet = RunReporter(forwardingTo: { _, _ in })
        let loaded = rotation.loadConfiguration(configPaths, reporter: quiet)
        let state = StateStore(path: statePath, fileSystem: rotation.fileSystem).read(reporter: quiet)
        let blocks = zip(
            loaded.blocks,
            DaemonConfiguration.expand(loaded.blocks, fileSystem: rotation.fileSystem, reporter: quiet)
        ).map { (block: $0, logs: $1) }
        let listings = SharedListings()
        var logs = blocks.flatMap { block, logs in
            logs.map { log in
                var outlook = LogOutlook(
                    path: log.string,
                    settings: block.settings,
                    size: size(of: log, fileSystem: rotation.fileSystem),
                    lastRotated: state[log.string],
                    now: now
                )
                outlook.archives = ArchiveUsage(
                    log: log,
                    settings: block.settings,
                    fileSystem: rotation.fileSystem,
                    listings: listings
                )
                return outlook
            }
        }
        let archives = blocks.flatMap { block, logs in
            logs.map { ArchiveNaming(log: $0, settings: block.settings) }
                .map { $0.newestUncompressedArchive(settings: block.settings, fileSystem: rotation.fileSystem) }
        }
        addStaleWriters(of: archives, to: &logs, rotation: rotation)
        return StatusReport(
            logs: logs,
            diagnostics: loaded.diagnostics,
            stateFile: StateFileCondition.read(path: statePath, fileSystem: rotation.fileSystem)
        )
    }

    /// Finds, in one scan of `/proc`, the processes writing each log's newest archive (`archives[i]` is log i's).
    private static func addStaleWriters(of archives: [FilePath?], to logs: inout [LogOutlook], rotation: RotationRun) {
        let identities = archives.map { archive in
            archive.flatMap { (try? rotation.fileSystem.status(of: $0, followSymlinks: false)) ?? nil }?.identity
        }
        let known = identities.compactMap { $0 }
        guard !known.isEmpty else { return }
        let writers = rotation.processes.writers(of: known)
        for index in logs.indices {
            guard let identity = identities[index], let archive = archives[index] else { continue }
            logs[index].staleWriters = (writers[identity] ?? []).filter(\.opensForWriting).map {
                StaleWriterOfArchive(archive: archive.string, writer: $0)
            }
        }
    }

    /// The size of a regular file, `nil` when there is none at `path`.
    private static func size(of path: FilePath, fileSystem: any FileSystem) -> UInt64? {
        guard let status = (try? fileSystem.status(of: path, followSymlinks: false)) ?? nil,
            status.kind == .regular
        else { return nil }
        return status.size
    }
}
