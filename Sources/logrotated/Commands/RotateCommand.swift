import ArgumentParser
import Platform
import Rotation
import SystemPackage

/// `logrotated rotate`: one pass over the configuration, a drop-in for the `logrotate` command.
struct RotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Rotate what is due now, once, exactly as logrotate would (a drop-in for the logrotate command).",
        discussion: """
            Reads every CONFIG (file or directory) with logrotate's configuration language, decides which logs are \
            due from the state file, rotates them and records the rotations. Options may come before or after the \
            configuration paths, as with logrotate.

            Replace `logrotate /etc/logrotate.conf` in a cron job or timer with:
              logrotated rotate -s /var/lib/logrotate/status /etc/logrotate.conf

            See what would happen, changing nothing at all (no file, directory, state, script or mail):
              logrotated rotate --dry-run /etc/logrotate.conf

            Exit status: 0 success, 1 a configuration, rotation or state error, 2 a bad option, 3 the state file is \
            locked by another run.
            """,
        version: Logrotated.version
    )

    @Flag(
        name: [.short, .customLong("debug"), .customLong("dry-run")],
        help: "Dry run: print what would be done, change nothing (implies -v)."
    )
    var debug = false

    @Flag(name: .shortAndLong, help: "Rotate every log that exists, whether due or not.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print what is considered and done.")
    var verbose = false

    @Option(name: .shortAndLong, help: ArgumentHelp("State file to read and update.", valueName: "statefile"))
    var state = RotateCommand.defaultStatePath

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Mail program (run as: CMD -s SUBJECT ADDRESS).", valueName: "command")
    )
    var mail = "/usr/bin/mail"

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Also write every message to FILE ('syslog' for syslog).", valueName: "logfile")
    )
    var log: String?

    @Flag(name: .customLong("skip-state-lock"), help: "Do not lock the state file.")
    var skipStateLock = false

    @Flag(name: .customLong("wait-for-state-lock"), help: "Wait for another run to release the state file lock.")
    var waitForStateLock = false

    @Option(
        help: ArgumentHelp(
            "Stop a script, compressor or mailer after this many seconds (SIGTERM, then SIGKILL); default: wait, as "
                + "logrotate does. The log whose script was stopped is not rotated.",
            valueName: "seconds"
        )
    )
    var scriptTimeout: Double?

    @Option(name: .customLong("now"), help: .hidden)
    var now: Int64?

    @Argument(help: ArgumentHelp("Configuration files or directories.", valueName: "config"))
    var configs: [String] = []

    /// logrotated's own state file; pass `-s /var/lib/logrotate/status` to share logrotate's.
    static let defaultStatePath = "/var/lib/logrotated/status"

    func validate() throws {
        if let scriptTimeout, !(scriptTimeout > 0 && scriptTimeout.isFinite) {
            throw ValidationError("--script-timeout must be a positive number of seconds")
        }
    }

    func run() async throws {
        // logrotate reports these two with exit status 1, not as usage errors.
        if skipStateLock && waitForStateLock {
            printToStandardError(
                "logrotated: options --skip-state-lock and --wait-for-state-lock are mutually exclusive"
            )
            throw ExitCode(ExitStatus.failure)
        }
        if configs.isEmpty {
            printToStandardError(Self.helpMessage())
            throw ExitCode(ExitStatus.failure)
        }
        let reporter = RunReporter(verbose: verbose || debug, logFile: try openLogFile())
        let status = RotationRun().run(runOptions, reporter: reporter)
        if status != .success { throw ExitCode(ExitStatus.code(for: status)) }
    }

    private var runOptions: RunOptions {
        var options = RunOptions(configPaths: configs, statePath: FilePath(state), now: now ?? WallClock.now().seconds)
        options.force = force
        options.dryRun = debug
        options.mailCommand = mail
        options.skipStateLock = skipStateLock
        options.waitForStateLock = waitForStateLock
        options.commandTimeout = scriptTimeout
        return options
    }

    /// `-l FILE` (truncated) or `-l syslog`; an unopenable file is reported and the run goes on, as in logrotate.
    private func openLogFile() throws -> (any TextOutputStream)? {
        guard let log else { return nil }
        if log == "syslog" { return SyslogStream() }
        do {
            return try LogFileStream(path: FilePath(log))
        } catch {
            printToStandardError("error: error opening log file \(log): \(error.message)")
            return nil
        }
    }
}
