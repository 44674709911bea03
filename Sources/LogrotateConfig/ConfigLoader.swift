import Platform
import SystemPackage

/// Reads configuration paths (files or directories) through a `FileSystem`, following `include`, into a
/// `Configuration`.
///
/// - A directory is read entry by entry in byte order of the names (3.21 uses the locale's `strcoll`), skipping names
///   that match a taboo extension or pattern and entries that are not regular files.
/// - `include` paths are resolved against the including file's directory (3.21: against the working directory) and
///   `~/` is expanded; nesting deeper than 16 and include cycles are errors.
/// - When `checksPermissions` (logrotate does this when run by root), group- or world-writable files and files not
///   owned by root are ignored with an error, and other unusual modes get a warning.
/// - Log patterns are not globbed here: the rotator expands them.
///
/// Equivalent logrotate code: `config.c readAllConfigPaths`, `readConfigPath`, `checkFile`, `readConfigFile` (head).
package struct ConfigLoader: Sendable {
    /// How deep `include`s may nest.
    package static let maximumIncludeDepth = 16
    /// logrotate refuses config files larger than this (`0xffffff` bytes).
    package static let maximumFileSize: UInt64 = 0xff_ffff

    package var fileSystem: any FileSystem
    package var parser: ConfigParser
    /// Whether to apply logrotate's root-only permission policy to config files (pass `getuid() == 0`).
    package var checksPermissions: Bool

    /// A loader reading through `fileSystem`, resolving names through `accounts`, expanding `~/` to `homeDirectory`,
    /// deriving `spread` delays from `hostIdentity`.
    package init(
        fileSystem: any FileSystem,
        accounts: any AccountDirectory = SystemAccountDirectory(),
        homeDirectory: String? = nil,
        hostIdentity: String = "",
        checksPermissions: Bool = false
    ) {
        self.fileSystem = fileSystem
        self.parser = ConfigParser(accounts: accounts, homeDirectory: homeDirectory, hostIdentity: hostIdentity)
        self.checksPermissions = checksPermissions
    }

    /// The loader every command uses: the real disk and user database, this process's `$HOME`, this machine's
    /// identity, and logrotate's permission policy when running as root.
    package static var forThisProcess: ConfigLoader {
        ConfigLoader(
            fileSystem: PosixFileSystem(),
            homeDirectory: ProcessIdentity.homeDirectory(),
            hostIdentity: MachineIdentity.current(),
            checksPermissions: ProcessIdentity.realUserID() == 0
        )
    }

    /// Reads every path in order, from logrotate's defaults; globals carry from one path to the next.
    package func load(_ paths: [String]) -> Configuration {
        var state = ConfigState()
        load(paths, into: &state)
        return state.configuration
    }

    /// Reads every path in order into an existing state.
    package func load(_ paths: [String], into state: inout ConfigState) {
        for path in paths { read(path, requestedAt: nil, chain: [], into: &state) }
    }

    /// Reads a file or a directory named on the command line (`requestedAt == nil`) or by an `include`.
    private func read(_ path: String, requestedAt: SourceLocation?, chain: [String], into state: inout ConfigState) {
        let place = requestedAt ?? SourceLocation(file: path, line: 0)
        let status: FileStatus?
        do {
            status = try fileSystem.status(of: FilePath(path), followSymlinks: true)
        } catch {
            return state.report(.error, at: place, "cannot stat \(path): \(error.message)")
        }
        guard let status else {
            return state.report(.error, at: place, "cannot stat \(path): No such file or directory")
        }
        switch status.kind {
        case .directory: readDirectory(path, requestedAt: place, chain: chain, into: &state)
        case .regular: readFile(path, status: status, requestedAt: place, chain: chain, into: &state)
        case .symlink, .other: return
        }
    }

    /// Reads the regular, non-taboo entries of a directory in byte order of their names.
    private func readDirectory(
        _ path: String,
        requestedAt: SourceLocation,
        chain: [String],
        into state: inout ConfigState
    ) {
        let names: [String]
        do {
            names = try fileSystem.contentsOfDirectory(FilePath(path)).map(\.string)
        } catch {
            return state.report(.error, at: requestedAt, "cannot read directory \(path): \(error.message)")
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if state.taboo.fnmatchPatterns.contains(where: { FileNameMatch.matches($0, name) }) { continue }
            let entry = path.hasSuffix("/") ? path + name : path + "/" + name
            guard let status = try? fileSystem.status(of: FilePath(entry), followSymlinks: true),
                status.kind == .regular
            else { continue }
            readFile(entry, status: status, requestedAt: requestedAt, chain: chain, into: &state)
        }
    }

    /// Checks limits and permissions, then parses one file, following its includes.
    private func readFile(
        _ path: String,
        status: FileStatus,
        requestedAt: SourceLocation,
        chain: [String],
        into state: inout ConfigState
    ) {
        if chain.contains(path) {
            let cycle = (chain.drop { $0 != path } + [path]).joined(separator: " -> ")
            return state.report(.error, at: requestedAt, "include cycle: \(path) is already being read (\(cycle))")
        }
        guard chain.count <= Self.maximumIncludeDepth else {
            return state.report(.error, at: requestedAt, "include nesting too deep")
        }
        guard !checksPermissions || ConfigPermissions.allow(path, status: status, state: &state) else { return }
        guard status.size <= Self.maximumFileSize else {
            return state.report(
                .error,
                at: SourceLocation(file: path, line: 0),
                "file too large, probably not a config file"
            )
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(FilePath(path))
        } catch {
            return state.report(.error, at: requestedAt, "cannot read \(path): \(error.message)")
        }
        parser.parse(bytes, file: path, into: &state) { request, state in
            let target = IncludePath.resolve(request.path, from: path, home: parser.homeDirectory)
            read(target, requestedAt: request.location, chain: chain + [path], into: &state)
        }
    }
}

extension ConfigState {
    /// Records a diagnostic.
    mutating func report(_ severity: Diagnostic.Severity, at place: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(severity, file: place.file, line: place.line, message))
    }
}
