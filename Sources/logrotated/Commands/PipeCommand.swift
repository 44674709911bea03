import ArgumentParser
import LogPipe
import SystemPackage

/// `logrotated pipe`: write standard input to a log and rotate it by its block of the configuration.
struct PipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipe",
        abstract: "Write standard input to a log and rotate it by its block of the configuration (no signal needed).",
        discussion: """
            Reads standard input and appends it to LOG, rotating LOG with the block of the configuration that owns \
            it as `rotate` finds it (size, maxsize, minsize, daily…, minutes, at, spread, rotate, compress, dateext, \
            olddir, create, scripts), as `rotate` and the daemon would. Being the writer, it closes the file and opens \
            the new one right after the rename: no line is lost, duplicated or split across two files (a line longer \
            than --line-limit is written in pieces), and the application needs no signal. Size rules are checked as \
            lines are written, time rules when the daemon would check them. Compression and scripts run while \
            reading goes on; while a rotation runs the log grows to twice its size limit at most (then reading \
            stops). A new log that cannot be opened after a rotation is tried again every second, what is read \
            being kept in memory meanwhile.

            `rotate` and the daemon skip a log a pipe writes (it holds the lock .LOG.logrotated-pipe.lock beside it). \
            The state file is the pipe's own unless --state names another (its lock is taken only while rotating).

            End of input: writes everything, finishes the rotation in progress, exits 0. SIGTERM and SIGINT: the \
            same with what the pipe holds already. SIGHUP re-reads the configuration (one with errors is rejected \
            and the old one kept). Exit status: 0 done, 1 configuration or file error, 2 bad option, 3 another pipe \
            writes LOG.

            Example (systemd: ExecStart=/bin/sh -c 'exec app 2>&1 | logrotated pipe /var/log/app/app.log'):
              app 2>&1 | logrotated pipe --config /etc/logrotated.conf /var/log/app/app.log
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Configuration file or directory (repeatable).", valueName: "path"))
    var config: [String] = ["/etc/logrotated.conf"]

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "State file (default: /var/lib/logrotated/pipe-ESCAPED_LOG.state, one per log).",
            valueName: "path"
        )
    )
    var state: String?

    @Option(help: ArgumentHelp("Seconds a script or compression command may run.", valueName: "seconds"))
    var scriptTimeout: Double = 3600

    @Option(help: ArgumentHelp("Longest line kept whole, in bytes (default 1 MiB).", valueName: "bytes"))
    var lineLimit = 1 << 20

    @Flag(name: .shortAndLong, help: "Print every decision and rotation step on standard error.")
    var verbose = false

    @Argument(help: ArgumentHelp("The log to write.", valueName: "log"))
    var log: String

    func validate() throws {
        guard log.hasPrefix("/") else { throw ValidationError("LOG must be an absolute path") }
        guard scriptTimeout > 0, scriptTimeout.isFinite else {
            throw ValidationError("--script-timeout must be a positive number of seconds")
        }
        guard lineLimit >= 2 else { throw ValidationError("--line-limit must be at least 2 bytes") }
    }

    func run() async throws {
        let path = FilePath(log).lexicallyNormalized()
        var options = PipeOptions(
            log: path,
            configPaths: config,
            statePath: state.map { FilePath($0) } ?? PipeStatePath.defaultPath(for: path)
        )
        options.scriptTimeout = scriptTimeout
        options.lineLimit = lineLimit
        options.verbose = verbose
        let outcome = await PipeSession.run(options)
        if outcome != .finished { throw ExitCode(ExitStatus.code(for: outcome)) }
    }
}
