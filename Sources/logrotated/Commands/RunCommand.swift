import ArgumentParser
import Daemon
import Logging
import SystemPackage

/// `logrotated run`: the daemon, in the foreground, as systemd runs it (`Type=notify`).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon in the foreground: rotate each log when its time or size rule fires.",
        discussion: """
            Time rules (hourly, daily, weekly, monthly, yearly) fire at the calendar boundary in local time; on start, \
            a boundary missed while the machine was off fires once. Size rules (size, maxsize, minsize with a time \
            rule) fire within about a second of the write that crossed them. A log is rotated exactly when \
            `logrotated rotate` would rotate it at that instant; both share the state file and its lock. When the lock \
            is still held after --state-lock-timeout, the daemon logs a warning naming the holder, skips that update \
            and its rotations, and checks again one timeout later.

            SIGHUP re-reads the configuration (one with errors is rejected and the old one kept); SIGTERM and SIGINT \
            finish the rotations in progress, then exit 0. Under systemd it reports READY=1, STATUS=, RELOADING=1, \
            STOPPING=1 and WATCHDOG=1, and logs to the journal (LOG_PATH= names the log).

            Example:
              logrotated run --config /etc/logrotate.conf --state /var/lib/logrotate/status
              logrotated run --dry-run        log what would be rotated when, change nothing
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Configuration file or directory (repeatable).", valueName: "path"))
    var config: [String] = ["/etc/logrotated.conf"]

    @Option(name: .shortAndLong, help: ArgumentHelp("State file, shared with `rotate`.", valueName: "path"))
    var state = RotateCommand.defaultStatePath

    @Flag(name: .customLong("dry-run"), help: "Log the plan at each due time; change nothing, not even the state.")
    var dryRun = false

    @Option(help: ArgumentHelp("Seconds a script or compression command may run.", valueName: "seconds"))
    var scriptTimeout: Double = 3600

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for the state file lock before skipping that update with a warning (retried later).",
            valueName: "seconds"
        )
    )
    var stateLockTimeout: Double = 60

    @Option(
        help: ArgumentHelp(
            "Write Prometheus metrics to this file (for node_exporter's textfile collector) after each rotation wave.",
            valueName: "path"
        )
    )
    var metrics: String?

    @Flag(name: .shortAndLong, help: "Also log every step and decision (debug level).")
    var verbose = false

    func validate() throws {
        guard stateLockTimeout > 0, stateLockTimeout.isFinite else {
            throw ValidationError("--state-lock-timeout must be a positive number of seconds")
        }
    }

    func run() async throws {
        DaemonLogging.bootstrap(level: verbose ? .debug : .info)
        let logger = Logger(label: "logrotated")
        var options = DaemonOptions(configPaths: config, statePath: FilePath(state))
        options.dryRun = dryRun
        options.scriptTimeout = scriptTimeout
        options.stateLockTimeout = .milliseconds(Int64(stateLockTimeout * 1000))
        options.metricsPath = metrics.map { FilePath($0) }
        do {
            try await DaemonRunner.run(options: options, logger: logger)
        } catch is ConfigurationRejected {
            logger.critical("Not started: the configuration has errors")
            throw ExitCode(ExitStatus.failure)
        } catch {
            logger.critical("Stopped: \(error)")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
