import ArgumentParser
import Daemon
import LogrotateConfig
import Platform
import SystemPackage

/// `logrotated status`: every configured log's size, last rotation, next due time and the rule that fires.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show every configured log's size, last rotation, and when and why it is next due.",
        discussion: """
            Reads the configuration and the state file (without locking it), whether or not the daemon runs. NEXT \
            DUE is "now" when a rule already holds (the daemon rotates at once; `rotate` at its next run), a local \
            time for a time rule, or a size for a size rule. ARCHIVES is the total size of the log's rotated \
            versions, "of" its maxtotalsize when it has one. --json prints the same with stable keys: path, size, \
            archivesSize, archiveCount, maxTotalSize, lastRotated, nextDue, nextDueEpoch, nextDueSize, rule, \
            staleWriters, and stateFile (path, mode, lockedBy, problems): who holds the state file's lock now, and \
            whether the file is too open (readable or writable by group or others, or owned by another user).

            Example:
              logrotated status --config /etc/logrotate.conf --state /var/lib/logrotate/status
            """
    )

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Configuration file or directory (repeatable).", valueName: "path"))
    var config: [String] = ["/etc/logrotated.conf"]

    @Option(name: .shortAndLong, help: ArgumentHelp("State file.", valueName: "path"))
    var state = RotateCommand.defaultStatePath

    @Option(name: .customLong("now"), help: .hidden)
    var now: Int64?

    func run() throws {
        let report = StatusReport.read(
            configPaths: config,
            statePath: FilePath(state),
            now: now ?? WallClock.now().seconds
        )
        for diagnostic in report.diagnostics { printToStandardError(diagnostic.description) }
        print(json ? report.json : report.table, terminator: "")
        if report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.failure) }
    }
}
