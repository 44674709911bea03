import ArgumentParser
import LogrotateConfig
import Platform

/// `logrotated check`: reads configuration like `rotate` would, reports every problem, optionally prints the result.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check logrotate configuration files and report every problem with its file and line.",
        discussion: """
            Reads the configuration paths exactly as a rotation run would (includes, directories, taboo \
            extensions, global defaults carried from one path to the next), without touching any log. Each problem \
            is printed to standard error as FILE:LINE: error|warning: MESSAGE. The exit status is 0 when there is no \
            error (warnings such as "unknown option" do not count), 1 otherwise.

            With --print, the effective settings of every block after inheritance are written to standard output as a \
            configuration that logrotate and logrotated read back to the same settings.

            Example:
              logrotated check /etc/logrotate.conf
              logrotated check --print /etc/logrotate.d/nginx
            """
    )

    @Flag(name: .long, help: "Print every block's effective settings as configuration text.")
    var print = false

    @Argument(help: "Configuration files or directories, read in order.")
    var configs: [String]

    func run() throws {
        let result = ConfigLoader.forThisProcess.load(configs)
        for diagnostic in result.diagnostics { printToStandardError(diagnostic.description) }
        if print { Swift.print(ConfigPrinter.render(result), terminator: "") }
        if result.hasErrors { throw ExitCode(ExitStatus.failure) }
    }
}
