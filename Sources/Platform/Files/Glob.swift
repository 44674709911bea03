import SystemPackage

/// Shell-style file name patterns, with logrotate's semantics (matching names: `Glob+Match.swift`).
package enum Glob {
    /// Expands `pattern` as `glob(GLOB_NOCHECK|GLOB_TILDE)`: the matching paths sorted as glob sorts them
    /// (`strcoll`), a leading `~` or `~user` expanded, and the pattern itself when nothing matches.
    ///
    /// Equivalent logrotate code: `config.c readConfigFile` (the glob of a log block's file names, with `globerr`).
    /// - Throws: `PlatformError` with the directory's errno when a directory on the way cannot be read (logrotate's
    ///   `glob failed for X`; `notFound` for a missing directory, which logrotate tolerates); not-a-directory is no
    ///   error.
    /// The paths keep their bytes: a matched name need not be UTF-8.
    package static func expand(_ pattern: String) throws(PlatformError) -> [FilePath] {
        try system_glob(pattern).orThrow("glob", FilePath(pattern))
    }
}
