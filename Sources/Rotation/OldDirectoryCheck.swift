import LogrotateConfig
import Platform
import SystemPackage

/// logrotate's checks of `olddir` for each log of a block: the directory must exist (unless `createolddir`) and,
/// unless the log is copied (`copy`, `copytruncate`, `renamecopy`), be on the log's device, since a rename cannot
/// cross devices.
///
/// logrotate runs these checks while reading the configuration and drops the block (and the rest of its file);
/// logrotated runs them before rotating and drops only the block. Either way the block's logs are not considered,
/// so they get no state entry.
///
/// Equivalent logrotate code: `config.c readConfigFile` (the `olddir` checks at `}`).
struct OldDirectoryCheck {
    let settings: LogSettings
    let fileSystem: any FileSystem

    /// The first problem found among `logs`, in logrotate's wording; `nil` when every log may use its olddir.
    func problem(for logs: [FilePath]) -> String? {
        guard settings.oldDir != nil else { return nil }
        for log in logs {
            if let problem = problem(for: log) { return problem }
        }
        return nil
    }

    private func problem(for log: FilePath) -> String? {
        let directory = ArchiveNaming(log: log, settings: settings).directory
        let logDirectory = log.removingLastComponent()
        guard let logDirectoryStatus = status(logDirectory) else {
            return settings.missingOK ? nil : "error verifying log file path \(logDirectory): No such file or directory"
        }
        guard let oldStatus = status(directory) else {
            return settings.createOldDir == nil
                ? "error verifying olddir path \(directory): No such file or directory" : nil
        }
        let copies = settings.copy || settings.copyTruncate || settings.renameCopy
        if oldStatus.device != logDirectoryStatus.device && !copies {
            return "olddir \(directory) and log file \(log) are on different devices"
        }
        return nil
    }

    private func status(_ path: FilePath) -> FileStatus? {
        (try? fileSystem.status(of: path, followSymlinks: true)) ?? nil
    }
}
