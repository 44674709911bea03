import SystemPackage

/// What one pass is asked to do: logrotate's command line as a value.
package struct RunOptions: Sendable {
    /// Configuration files or directories, in order.
    package var configPaths: [String]
    package var statePath: FilePath
    /// `-f`: rotate every existing log.
    package var force = false
    /// `-d`/`--dry-run`: print the plan, change nothing.
    package var dryRun = false
    /// `-m`: the mail program.
    package var mailCommand = "/usr/bin/mail"
    package var skipStateLock = false
    package var waitForStateLock = false
    /// Seconds a script or compression command may run before it is stopped (`nil`: forever, as logrotate).
    package var commandTimeout: Double?
    /// The run's single `now` (Unix seconds), as logrotate reads `time(NULL)` once.
    package var now: Int64

    package init(configPaths: [String], statePath: FilePath, now: Int64) {
        self.configPaths = configPaths
        self.statePath = statePath
        self.now = now
    }
}

/// How a pass ended, in logrotate's terms.
package enum RunStatus: Equatable, Sendable {
    /// Everything went well (warnings allowed): exit 0.
    case success
    /// A configuration, rotation or state error happened; the rest was still done: exit 1.
    case failure
    /// Another run holds the state file: exit 3.
    case stateLocked
}
