/// One `PATTERN... { ... }` block after inheritance: its patterns and the settings in effect for it.
public struct LogBlock: Equatable, Sendable {
    /// Patterns as written, unquoted, `~` expanded; globbing happens when rotating.
    public var patterns: [String]
    /// The text between the block start and `{` without its trailing blanks (as 3.22; 3.21 keeps them): what
    /// shared scripts get as `$1`.
    public var patternText: String
    public var settings: LogSettings
    /// Where the block's first pattern line is.
    public var location: SourceLocation

    public init(patterns: [String], patternText: String, settings: LogSettings, location: SourceLocation) {
        self.patterns = patterns
        self.patternText = patternText
        self.settings = settings
        self.location = location
    }
}

/// Everything read from the configuration paths of one run.
public struct Configuration: Equatable, Sendable {
    /// Blocks in configuration order (bad blocks already dropped).
    public var blocks: [LogBlock]
    /// Every error and warning, in reading order.
    public var diagnostics: [Diagnostic]

    public init(blocks: [LogBlock] = [], diagnostics: [Diagnostic] = []) {
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// True when any diagnostic is an error (logrotate then exits 1, but still rotates what it could read).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
