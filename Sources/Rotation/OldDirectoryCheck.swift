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
/// Running as root without `su`, logrotated also refuses an `olddir` that someone else could redirect (logrotate
/// 3.21 and 3.22 follow it wherever it points): the olddir must not be a symlink, and every directory on its path
/// must be writable by root alone (owned by root, not writable by a group other than root, not writable by others
/// unless sticky). Otherwise the directory's owner could swap the olddir, or a directory above it, for a symlink to
/// `/etc` while we rename into it. With `su`, every operation runs with that user's rights instead.
///
/// Equivalent logrotate code: `config.c readConfigFile` (the `olddir` checks at `}`).
struct OldDirectoryCheck {
    let settings: LogSettings
    let fileSystem: any FileSystem
    /// Whether the olddir's path must be one only root can change (root without `su`).
    let requiresTrustedPath: Bool

    /// The first problem found among `logs`, in logrotate's wording; `nil` when every log may use its olddir.
    /// Logs of one directory share their olddir and its checks, so each directory is checked once.
    func problem(for logs: [FilePath]) -> String? {
        guard settings.oldDir != nil else { return nil }
        var checked: Set<FilePath> = []
        for log in logs where checked.insert(log.removingLastComponent()).inserted {
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
        if requiresTrustedPath, let untrusted = untrustedPath(directory) { return untrusted }
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

    /// Why someone other than root could redirect `directory`, or `nil` when only root can.
    private func untrustedPath(_ directory: FilePath) -> String? {
        let advice = "; set \"su\" to rotate as that user, or use a directory only root can change"
        if let entry = try? fileSystem.status(of: directory, followSymlinks: false), entry.kind == .symlink {
            return "olddir \(directory) is a symbolic link\(advice)"
        }
        var ancestor = directory.removingLastComponent()
        while true {
            if let status = status(ancestor), let writer = Self.nonRootWriter(status) {
                return "olddir \(directory) is inside \(ancestor), which \(writer) can change\(advice)"
            }
            guard !ancestor.removingLastComponent().isEmpty, ancestor != ancestor.removingLastComponent() else {
                return nil
            }
            ancestor = ancestor.removingLastComponent()
        }
    }

    /// Who besides root may add, remove or rename entries of a directory, or `nil` for root alone.
    static func nonRootWriter(_ status: FileStatus) -> String? {
        if status.owner != 0 { return "uid \(status.owner)" }
        if status.group != 0 && status.permissions & 0o020 != 0 { return "group \(status.group)" }
        if status.permissions & 0o002 != 0 && status.permissions & 0o1000 == 0 { return "everyone" }
        return nil
    }

    private func status(_ path: FilePath) -> FileStatus? {
        (try? fileSystem.status(of: path, followSymlinks: true)) ?? nil
    }
}
