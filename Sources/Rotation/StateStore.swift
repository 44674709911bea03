import LogrotateConfig
import Platform
import Scheduling
import SystemPackage

/// The state file of a pass: read once at the start, written atomically once at the end.
///
/// Equivalent logrotate code: `logrotate.c readState`, `writeState`.
package struct StateStore: Sendable {
    package let path: FilePath
    private let fileSystem: any FileSystem
    /// The effective user id: as root, a state file others can open is tightened at the next write.
    private let userID: UInt32

    /// The state file at `path`, for a process running as `userID` (by default, this one's effective user).
    package init(path: FilePath, fileSystem: any FileSystem, userID: UInt32 = ProcessIdentity.currentEffectiveUserID())
    {
        self.path = path
        self.fileSystem = fileSystem
        self.userID = userID
    }

    /// Reads the state; a missing file is an empty state (with logrotate's debug line), bad lines are reported as
    /// errors and the entries before them kept.
    package func read(reporter: RunReporter) -> StateFile {
        guard path != "/dev/null" else { return StateFile() }
        return parse(readContents(reporter: reporter) ?? [], reporter: reporter)
    }

    /// The file's bytes (with logrotate's debug line); `nil` when it is missing (also with logrotate's debug line)
    /// or cannot be read (reported as an error).
    func readContents(reporter: RunReporter) -> [UInt8]? {
        do {
            let bytes = try fileSystem.readFile(path)
            reporter.debug("Reading state from file: \(path)")
            return bytes
        } catch  where error.code == .notFound {
            reporter.debug("state file \(path) does not exist")
        } catch {
            reporter.error("error reading state file \(path): \(error.errno?.description ?? error.message)")
        }
        return nil
    }

    /// The state in `contents`, bad lines reported as errors and the entries before them kept.
    func parse(_ contents: [UInt8], reporter: RunReporter) -> StateFile {
        let result = StateFileParser.parse(contents, file: path.string)
        for diagnostic in result.diagnostics { reporter.error(diagnostic.message) }
        return result.state
    }

    /// Writes the state atomically (temp file, fsync, rename, fsync of the directory): a new file is 0600; an existing
    /// one keeps its mode minus world-readable (logrotate's rule), except as root, where one that group or others can
    /// open, or that another user owns, is rewritten 0600 and owned by root, with a warning saying so. `false`
    /// (reported) when it could not be written.
    @discardableResult
    package func write(_ state: StateFile, reporter: RunReporter) -> Bool {
        guard path != "/dev/null" else { return true }
        return write(contents: StateFileWriter.serialize(state), reporter: reporter)
    }

    /// Writes `contents` as ``write(_:reporter:)`` writes a state; false (reported) when it could not.
    @discardableResult
    func write(contents: [UInt8], reporter: RunReporter) -> Bool {
        let permissions = permissionsForWrite(reporter: reporter)
        do {
            try fileSystem.writeFileAtomically(path, contents: contents, permissions: permissions)
            return true
        } catch {
            reporter.error("error writing state file \(path): \(error.message)")
            return false
        }
    }

    /// The mode of the rewritten state file; warns when, as root, an existing one is tightened.
    private func permissionsForWrite(reporter: RunReporter) -> UInt32 {
        guard let existing = (try? fileSystem.status(of: path, followSymlinks: true)) ?? nil else { return 0o600 }
        guard userID == 0 else { return existing.permissions & ~0o004 }
        if let summary = StateFileExposure(existing, userID: userID).summary(of: path) {
            reporter.warning(
                "\(summary): whoever can open it can hold its lock and stop rotation; "
                    + "rewriting it with mode 0600, owned by root"
            )
        }
        return 0o600
    }
}
