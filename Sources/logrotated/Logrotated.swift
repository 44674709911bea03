import ArgumentParser

/// The `logrotated` command: a log-rotation daemon that reads logrotate's configuration.
@main
struct Logrotated: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logrotated",
        abstract: "Rotate, compress and remove logs, driven by logrotate's configuration language.",
        subcommands: [Check.self]
    )
}
