/// One `PATTERN... { ... }` block after inheritance: its patterns and the settings in effect for it.
package struct LogBlock: Equatable, Sendable {
    /// Patterns as written, unquoted, `~` expanded; globbing happens when rotating.
    package var patterns: [String]
    /// The text between the block start and `{` without its trailing blanks (as 3.22; 3.21 keeps them): what
    /// shared scripts get as `$1`.
    package var patternText: String
    package var settings: LogSettings
    /// Where the block's first pattern line is.
    package var location: SourceLocation

    package init(patterns: [String], patternText: String, settings: LogSettings, location: SourceLocation) {
        self.patterns = patterns
        self.patternText = patternText
        self.settings = settings
        self.location = location
    }
}

/// Everything read from the configuration paths of one run.
package struct Configuration: Equatable, Sendable {
    /// Blocks in configuration order (bad blocks already dropped).
    package var blocks: [LogBlock]
    /// Every error and warning, in reading order.
    package var diagnostics: [Diagnostic]

    package init(blocks: [LogBlock] = [], diagnostics: [Diagnostic] = []) {
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// True when any diagnostic is an error (logrotate then exits 1, but still rotates what it could read).
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
