import ArgumentParser

/// The `logrotated` command: a log-rotation daemon that reads logrotate's configuration.
@main
struct Logrotated: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logrotated",
        abstract: "Rotate, compress and remove logs, driven by logrotate's configuration language.",
        discussion: """
            logrotated reads /etc/logrotate.conf and the snippets packages put in /etc/logrotate.d unchanged.

              logrotated check /etc/logrotate.conf          validate a configuration, show file:line errors
              logrotated check --print /etc/logrotate.conf  show the effective settings of every block
              logrotated rotate -v /etc/logrotate.conf      one pass, like the logrotate command
              logrotated rotate --dry-run /etc/logrotate.conf   show what would happen, change nothing
              logrotated run --config /etc/logrotate.conf   the daemon: rotate each log when its rule fires
              logrotated status --config /etc/logrotate.conf   every log's size, last and next rotation
              logrotated doctor /etc/logrotate.conf         what rotation will do to the processes writing each log
            """,
        version: Logrotated.version,
        subcommands: [RotateCommand.self, RunCommand.self, StatusCommand.self, CheckCommand.self, DoctorCommand.self]
    )

    /// The version printed by `--version`.
    static let version = "logrotated 0.1.0 (logrotate 3.21 compatible)"

    /// Runs the command, mapping outcomes to logrotate's exit codes (2 for a bad option instead of 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error, code: ExitStatus.code(for: error, in: self))
        }
    }

    private static func exit(withError error: any Error, code: Int32) -> Never {
        let message = fullMessage(for: error)
        if !message.isEmpty {
            if code == 0 { print(message) } else { printToStandardError(message) }
        }
        Self.exit(withError: ExitCode(code))
    }
}
