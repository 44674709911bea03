import ArgumentParser
import Platform

/// The `logrotated` command: a log-rotation daemon that reads logrotate's configuration.
@main
struct Logrotated: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logrotated",
        abstract: "Rotate, compress and remove logs, driven by logrotate's configuration language.",
        discussion: """
            logrotated reads /etc/logrotate.conf and the snippets packages put in /etc/logrotate.d unchanged.

            Validate a configuration (file:line errors), or show every block's effective settings:
              logrotated check /etc/logrotate.conf
              logrotated check --print /etc/logrotate.conf
            One pass, like the logrotate command; or show what it would do, changing nothing:
              logrotated rotate -v /etc/logrotate.conf
              logrotated rotate --dry-run /etc/logrotate.conf
            The daemon, rotating each log when its rule fires (size within a second):
              logrotated run --config /etc/logrotate.conf
            Write a program's output to a log and rotate it, with no signal to the program:
              app 2>&1 | logrotated pipe /var/log/app/app.log
            Each log's size, last rotation, next rotation and the rule that fires:
              logrotated status --config /etc/logrotate.conf
            What rotation will do to the processes writing each log:
              logrotated doctor /etc/logrotate.conf

            See 'logrotated help <subcommand>' and man logrotated(8).
            """,
        version: Logrotated.version,
        subcommands: [
            RotateCommand.self, RunCommand.self, PipeCommand.self, StatusCommand.self, CheckCommand.self,
            DoctorCommand.self,
        ]
    )

    /// The version printed by `--version`.
    static let version = "logrotated 0.1.0 (logrotate 3.21 compatible)"

    /// Runs the command, mapping outcomes to logrotate's exit codes (2 for a bad option instead of 64).
    static func main() async {
        // The daemon ignores SIGHUP from its first instruction until it listens for it: a reload asked for while it
        // starts must not kill it. It allocates from one malloc arena, before its threads start (see `Heap`).
        let command = CommandLine.arguments.dropFirst().first
        if ["run", "pipe"].contains(command) { ignoreHangupsUntilHandled() }
        if command == "run" { Heap.manage() }
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
