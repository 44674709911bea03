import LogrotateConfig
import Platform
import Scheduling
import SystemPackage

/// The state file of a pass: read once at the start, written atomically once at the end.
///
/// Equivalent logrotate code: `logrotate.c readState`, `writeState`.
public struct StateStore: Sendable {
    public let path: FilePath
    private let fileSystem: any FileSystem

    public init(path: FilePath, fileSystem: any FileSystem) {
        self.path = path
        self.fileSystem = fileSystem
    }

    /// Reads the state; a missing file is an empty state (with logrotate's debug line), bad lines are reported as
    /// errors and the entries before them kept.
    public func read(reporter: RunReporter) -> StateFile {
        guard path != "/dev/null" else { return StateFile() }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path)
        } catch  where error.code == .notFound {
            reporter.debug("state file \(path) does not exist")
            return StateFile()
        } catch {
            reporter.error("error reading state file \(path): \(error.errno?.description ?? error.message)")
            return StateFile()
        }
        reporter.debug("Reading state from file: \(path)")
        let result = StateFileParser.parse(bytes, file: path.string)
        for diagnostic in result.diagnostics { reporter.error(diagnostic.message) }
        return result.state
    }

    /// Writes the state atomically (temp file, fsync, rename, fsync of the directory), never world-readable.
    public func write(_ state: StateFile, reporter: RunReporter) {
        guard path != "/dev/null" else { return }
        let existing = (try? fileSystem.status(of: path, followSymlinks: true)) ?? nil
        let permissions = (existing?.permissions ?? 0o640) & ~0o004
        do {
            try fileSystem.writeFileAtomically(
                path,
                contents: StateFileWriter.serialize(state),
                permissions: permissions
            )
        } catch {
            reporter.error("error writing state file \(path): \(error.message)")
        }
    }
}
