import Logging
import Platform
import ServiceLifecycle
import UnixSignals

/// `logrotated run` in one call: the real driver in a `RotationService`, in a `ServiceGroup` that turns SIGTERM and
/// SIGINT into a graceful shutdown (the rotations in progress finish, then it returns).
package enum DaemonRunner {
    /// Creates the state directory (0750) when missing, then runs until SIGTERM or SIGINT; `maxConcurrentRotations`
    /// defaults to one per core.
    /// - Throws: `ConfigurationRejected` when the first configuration has errors (already logged), or the error of
    ///   setting up the size watcher.
    package static func run(options: DaemonOptions, maxConcurrentRotations: Int? = nil, logger: Logger) async throws {
        if !options.dryRun {
            StateDirectory.createIfMissing(for: options.statePath, fileSystem: PosixFileSystem(), logger: logger)
        }
        let service = RotationService(
            driver: LogrotateDriver(options: options, logger: logger),
            maxConcurrentRotations: maxConcurrentRotations ?? onlineProcessorCount(),
            logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
