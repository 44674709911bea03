/// A problem found while reading configuration, anchored at a file and line.
///
/// Rendered as `file:line: error: message`, the shape compilers use, so editors and `grep` can jump to it.
/// The message texts keep logrotate's wording where scripts may grep them (`unknown option`, `unknown unit`, …).
package struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is; any `.error` makes `check` and `rotate` exit 1.
    package enum Severity: String, Equatable, Sendable {
        case error
        case warning
        /// logrotate's debug-level `note:` (a later `daily` replacing an earlier `size`): shown by `check` and by
        /// `rotate -d`/`-v`, never changing an exit status.
        case note
    }

    package var severity: Severity
    /// The configuration file the problem is in (as it was named: given on the command line or by `include`).
    package var file: String
    /// The 1-based line number; 0 when the problem concerns the whole file.
    package var line: Int
    package var message: String
    /// A suggestion about something logrotate accepts silently (an unchecked `kill` in a script): printed by
    /// `check` and `doctor`, not by `rotate`, which stays as quiet as logrotate.
    package var isAdvice: Bool
    /// The patterns of the block this error drops (as written, logrotate's `newlog->pattern`): `rotate` follows
    /// the error with logrotate's `found error in PATTERNS, skipping`.
    package var droppedBlock: String?

    package init(_ severity: Severity, file: String, line: Int, _ message: String, isAdvice: Bool = false) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.isAdvice = isAdvice
    }

    package var description: String {
        "\(place): \(severity.rawValue): \(message)"
    }

    /// `file:line message` as logrotate prints it (`file: message` for the whole file), for output that shows the
    /// severity its own way (`error: ` prefixes, log levels).
    package var locatedMessage: String {
        line > 0 ? "\(file):\(line) \(message)" : "\(file): \(message)"
    }

    /// `file:line`, or `file` when the problem concerns the whole file.
    private var place: String {
        line > 0 ? "\(file):\(line)" : file
    }
}

/// Where a block or directive was written.
package struct SourceLocation: Equatable, Hashable, Sendable {
    package var file: String
    package var line: Int

    package init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}
