import SystemPackage

/// What one pass is asked to do: logrotate's command line as a value.
public struct RunOptions: Sendable {
    /// Configuration files or directories, in order.
    public var configPaths: [String]
    public var statePath: FilePath
    /// `-f`: rotate every existing log.
    public var force = false
    /// `-d`/`--dry-run`: print the plan, change nothing.
    public var dryRun = false
    /// `-m`: the mail program.
    public var mailCommand = "/usr/bin/mail"
    public var skipStateLock = false
    public var waitForStateLock = false
    /// Seconds a script or compression command may run before it is stopped (`nil`: forever, as logrotate).
    public var commandTimeout: Double?
    /// The run's single `now` (Unix seconds), as logrotate reads `time(NULL)` once.
    public var now: Int64

    public init(configPaths: [String], statePath: FilePath, now: Int64) {
        self.configPaths = configPaths
        self.statePath = statePath
        self.now = now
    }
}

/// How a pass ended, in logrotate's terms.
public enum RunStatus: Equatable, Sendable {
    /// Everything went well (warnings allowed): exit 0.
    case success
    /// A configuration, rotation or state error happened; the rest was still done: exit 1.
    case failure
    /// Another run holds the state file: exit 3.
    case stateLocked
}
