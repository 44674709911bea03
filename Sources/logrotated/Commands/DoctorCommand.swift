import ArgumentParser
import LogrotateConfig
import Platform
import Rotation

/// `logrotated doctor`: which processes write each log, and what the configured rotation will do to them.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check, before rotating, what rotation will do to the processes that write each log.",
        discussion: """
            For every configured log that exists (globs expanded), lists the processes that have it open for \
            writing (pid, command, O_APPEND or not) and judges the configured method: a rename without a signal \
            or reopen leaves the process writing the rotated file; a signal (the signal directive, or a kill in a \
            postrotate script) that the process does not handle terminates it; copytruncate with a writer without \
            O_APPEND leaves holes; copytruncate with O_APPEND writers is lossless where the file system can \
            collapse (ext4, xfs). Each problem comes with a concrete fix. Nothing is changed: only /proc, pidfiles \
            and the configuration are read (and `systemctl show` for a unit). Without root, only your own \
            processes are visible.

            Exit status: 0 when no verdict is a problem, 1 when at least one is (or the configuration has errors).

            Example:
              logrotated doctor /etc/logrotate.conf
              logrotated doctor --json /etc/logrotate.d/app
            """
    )

    @Flag(
        help: "Print JSON with stable keys (logs[].log, method, writers[], verdicts[].code/problem/message/suggestion)."
    )
    var json = false

    @Argument(help: ArgumentHelp("Configuration files or directories.", valueName: "config"))
    var configs: [String] = ["/etc/logrotated.conf"]

    func run() throws {
        let configuration = ConfigLoader.forThisProcess.load(configs)
        for diagnostic in configuration.diagnostics { printToStandardError(diagnostic.description) }
        let doctor = WriterDoctor(
            fileSystem: PosixFileSystem(),
            processes: LiveProcessInspector(),
            processRunner: PosixProcessRunner()
        )
        let checkups = doctor.examine(configuration)
        print(json ? WriterCheckup.json(checkups) : WriterCheckup.text(checkups), terminator: "")
        if configuration.hasErrors || checkups.contains(where: \.hasProblem) { throw ExitCode(ExitStatus.failure) }
    }
}
