import Platform

/// Where an `include` value points.
enum IncludePath {
    /// `~/` expanded; a relative path is taken from the including file's directory; `.` and empty components removed
    /// (so that include cycles are recognised whatever the spelling).
    static func resolve(_ value: String, from includingFile: String, home: String?) -> String {
        var path = DirectiveArguments.expandingTilde(value, home: home)
        if !path.hasPrefix("/"), let slash = includingFile.lastIndex(of: "/") {
            path = includingFile[...slash] + path
        }
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/").filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }
}

/// logrotate's permission policy for configuration files read as root.
enum ConfigPermissions {
    /// Whether the file may be read; reports why not (errors) or why it is suspicious (a warning).
    ///
    /// Equivalent logrotate code: `config.c readConfigFile` (the `getuid() == 0` checks).
    static func allow(_ path: String, status: FileStatus, state: inout ConfigState) -> Bool {
        let place = SourceLocation(file: path, line: 0)
        let mode = status.permissions
        if mode & 0o7533 != 0o400 {
            state.report(.warning, at: place, "Potentially dangerous mode on \(path): 0\(String(mode, radix: 8))")
        }
        if mode & 0o022 != 0 {
            state.report(.error, at: place, "Ignoring \(path) because it is writable by group or others.")
            return false
        }
        if status.owner != 0 {
            state.report(
                .error,
                at: place,
                "Ignoring \(path) because the file owner is wrong (should be root or user with uid 0)."
            )
            return false
        }
        return true
    }
}
