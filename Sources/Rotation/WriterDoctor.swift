import LogrotateConfig
import Platform
import SystemPackage

/// `logrotated doctor`: a read-only pre-flight check of each configured log against the processes writing it.
///
/// Nothing is renamed, signalled or written: it reads the configuration, `/proc` and pidfiles, and may run
/// `systemctl show` for a `signal … unit` target.
package struct WriterDoctor: Sendable {
    package var fileSystem: any FileSystem
    package var processes: any ProcessInspector
    package var resolver: SignalResolver

    package init(fileSystem: any FileSystem, processes: any ProcessInspector, processRunner: any ProcessRunner) {
        self.fileSystem = fileSystem
        self.processes = processes
        self.resolver = SignalResolver(processes: processes, processRunner: processRunner)
    }

    /// The checkup of every existing log of every block (globs expanded as `rotate` does).
    package func examine(_ configuration: Configuration) -> [WriterCheckup] {
        var discovery = LogDiscovery()
        let quiet = RunReporter(forwardingTo: { _, _ in })
        return configuration.blocks.flatMap { block in
            discovery.logs(of: block, fileSystem: fileSystem, reporter: quiet).compactMap { log in
                examine(log, settings: block.settings)
            }
        }
    }

    /// The checkup of one log; `nil` when it does not exist.
    package func examine(_ log: FilePath, settings: LogSettings) -> WriterCheckup? {
        guard let status = try? fileSystem.status(of: log, followSymlinks: false), status.kind == .regular else {
            return nil
        }
        let writers = processes.writers(of: status.identity)
        var verdicts: [WriterCheckup.Verdict]
        if settings.renamesLog {
            verdicts = renameVerdicts(log, settings: settings, writers: writers)
        } else if settings.copyTruncate {
            verdicts = copyTruncateVerdicts(log, writers: writers)
        } else {
            verdicts = [.init("copy-unchanged", problem: false, "copy leaves \(log) in place; its writers keep it")]
        }
        if writers.isEmpty && !verdicts.contains(where: \.isProblem) {
            verdicts.insert(.init("no-writers", problem: false, "no process has \(log) open for writing"), at: 0)
        }
        return WriterCheckup(log: log.string, method: settings.rotationMethod, writers: writers, verdicts: verdicts)
    }
}
