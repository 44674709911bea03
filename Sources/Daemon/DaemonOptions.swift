import Rotation
import SystemPackage

/// What `logrotated run` was asked to do.
package struct DaemonOptions: Sendable {
    /// Configuration files or directories, in order.
    package var configPaths: [String]
    /// The state file, shared with `logrotated rotate` (same format, same lock).
    package var statePath: FilePath
    /// Plan and log at each due time, change nothing (no file, script or state).
    package var dryRun = false
    /// Seconds a script or compression command may run before it is stopped.
    package var scriptTimeout: Double? = 3600
    /// How long a state update waits for the state lock before it is skipped (with a warning) and retried later.
    package var stateLockTimeout: Duration = .seconds(60)
    /// The mail program.
    package var mailCommand = "/usr/bin/mail"
    /// Where to write Prometheus metrics for node_exporter's textfile collector (`nil`: none).
    package var metricsPath: FilePath?

    /// Options for a daemon reading `configPaths` and keeping its state in `statePath`.
    package init(configPaths: [String], statePath: FilePath) {
        self.configPaths = configPaths
        self.statePath = statePath
    }

    /// The options of one pass over a job at `now`, as `logrotated rotate` would get them.
    func runOptions(now: Int64) -> RunOptions {
        var options = RunOptions(configPaths: configPaths, statePath: statePath, now: now)
        options.dryRun = dryRun
        options.mailCommand = mailCommand
        options.commandTimeout = scriptTimeout
        return options
    }
}
