import Logging
import Platform
import SystemPackage

/// The directory of the daemon's state file (by default `/var/lib/logrotated`).
enum StateDirectory {
    /// Creates the state file's directory with mode 0750 when it is missing (one level, as systemd's
    /// `StateDirectoryMode=0750` does), so that the state file is not reachable by others; logs what it did.
    static func createIfMissing(for statePath: FilePath, fileSystem: any FileSystem, logger: Logger) {
        let directory = statePath.removingLastComponent()
        guard statePath != "/dev/null", !directory.isEmpty,
            (try? fileSystem.status(of: directory, followSymlinks: true)) == .some(nil)
        else { return }
        do {
            try fileSystem.createDirectory(directory, permissions: 0o750, owner: nil, group: nil)
            logger.info("Created the state directory \(directory) (mode 0750)")
        } catch {
            logger.warning("Cannot create the state directory \(directory): \(error.message)")
        }
    }
}
