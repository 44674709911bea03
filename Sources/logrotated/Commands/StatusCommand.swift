import ArgumentParser

/// `logrotated status`: placeholder until the table is written.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status")
}
