import SystemPackage

/// What `logrotated pipe` is asked to do.
package struct PipeOptions: Sendable {
    /// The log written from standard input, rotated by the block that owns it (`LogDiscovery.owner`).
    package var log: FilePath
    /// Configuration files or directories, in order.
    package var configPaths: [String]
    /// The state file recording the log's rotations (see ``PipeStatePath``).
    package var statePath: FilePath
    /// Seconds a script or compression command may run before it is stopped.
    package var scriptTimeout: Double = 3600
    /// How long a rotation waits for the state file lock before it is tried again later.
    package var stateLockTimeout: Duration = .seconds(60)
    /// The longest line kept whole: a longer one is written in pieces of this size.
    package var lineLimit = 1 << 20
    /// Whether every decision and step is reported (`-v`).
    package var verbose = false

    /// Options for `log` with `configPaths` and the state file at `statePath`.
    package init(log: FilePath, configPaths: [String], statePath: FilePath) {
        self.log = log
        self.configPaths = configPaths
        self.statePath = statePath
    }
}

/// How a pipe ended, mapped to the exit status by the command.
package enum PipeOutcome: Equatable, Sendable {
    /// Standard input ended or SIGTERM/SIGINT came; everything read was written: exit 0.
    case finished
    /// The configuration has errors or no block matches the log: exit 1.
    case configurationRejected
    /// The log could not be opened, or data could not be written when stopping: exit 1.
    case failed
    /// Another `logrotated pipe` writes the log: exit 3.
    case alreadyPiped
}
