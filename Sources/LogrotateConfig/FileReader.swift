/// The state machine that reads one configuration file for `ConfigParser`.
///
/// Error classes of logrotate 3.21: a *block error* drops the block and resumes after its `}`; a *file error* (any
/// error outside a block, a bad `weekly`, a missing `{`, an unexpected `}`, an unterminated script) abandons the rest
/// of the file but keeps its earlier blocks; an unknown keyword is only a warning.
struct FileReader {
    /// A block being read: its patterns and settings so far.
    struct OpenBlock {
        var patterns: [String]
        var patternText: String
        var settings: LogSettings
        var line: Int
        /// Where the block goes in `state.blocks` (blocks are ordered by where their patterns are).
        var insertionIndex: Int
    }

    /// What the main loop does after a step.
    enum Step {
        case proceed
        case abandonFile
    }

    let parser: ConfigParser
    let file: String
    let include: ConfigParser.IncludeHandler
    var cursor: ByteCursor
    var state = ConfigState()
    var open: OpenBlock?
    /// The first owner of every pattern in `state.blocks`, for the duplicate check.
    var owners = PatternOwners()
    /// The rotation criterion last written in the current scope (the open block, or the text between blocks), for
    /// the note when a later one of another kind replaces it.
    var criterionInScope: RotationCriterion?

    init(parser: ConfigParser, file: String, bytes: [UInt8], include: @escaping ConfigParser.IncludeHandler) {
        self.parser = parser
        self.file = file
        self.include = include
        self.cursor = ByteCursor(bytes)
    }

    /// Reads the whole file.
    mutating func run() {
        while case .proceed = step() {}
        if let open {
            report(.warning, line: open.line, "missing '}' for the block started here (closed at end of file)")
            finish(open)
        }
    }

    /// Reads one token: a comment, a directive, a pattern list or a `}`; `.abandonFile` at the end too.
    private mutating func step() -> Step {
        cursor.skipWhitespace()
        guard let byte = cursor.current else { return .abandonFile }
        if byte == UInt8(ascii: "#") {
            cursor.skipLine()
            return .proceed
        }
        if byte.isLetter { return directive() }
        if byte.startsPatterns {
            guard open == nil else { return raise("unexpected log filename", line: cursor.line) }
            return startBlock()
        }
        if byte == UInt8(ascii: "}") { return closeBlock() }
        return raise("lines must begin with a keyword or a filename (possibly in double quotes)", line: cursor.line)
    }

    /// Reads a keyword and what follows it, then applies it to the open block or to the defaults.
    private mutating func directive() -> Step {
        let line = cursor.line
        let keyword = cursor.readWord()
        if let next = cursor.current, !(next.isBlank || next == .newline || next == UInt8(ascii: "=")) {
            let hex = "0x" + String(next, radix: 16)
            return raise("keyword '\(keyword)' not properly separated, found \(hex)", line: line)
        }
        guard let directive = Directive.byKeyword[keyword] else {
            cursor.skipLine()
            report(.warning, line: line, "unknown option '\(keyword)' -- ignoring line")
            return .proceed
        }
        if directive.scope == .globalOnly, open != nil {
            return raise("\(keyword) may not appear inside of log file definition", line: line)
        }
        switch directive.argument {
        case .none:
            return apply(directive, value: "", line: line)
        case .required, .optional, .ignored:
            let value = readValue()
            if directive.argument == .required, value.isEmpty {
                return raise("argument expected after \(keyword) (\(keyword) expects \(directive.expects))", line: line)
            }
            return apply(directive, value: directive.argument == .ignored ? "" : value, line: line)
        case .script(let kind):
            guard let text = readScript() else { return fileError("\(kind.rawValue) without endscript", line: line) }
            return apply(directive, value: text, line: line)
        case .include:
            let value = readValue()
            guard !value.isEmpty else { return raise("argument expected after include", line: line) }
            followInclude(value, line: line)
            return .proceed
        }
    }

    /// The value after a keyword: blanks, one optional `=`, blanks, then the rest of the line trimmed.
    private mutating func readValue() -> String {
        cursor.skipBlanks()
        if cursor.current == UInt8(ascii: "=") { cursor.advance() }
        return cursor.readRestOfLine()
    }

    /// Runs a directive's parser on the open block's settings (or the defaults) and stores the result.
    private mutating func apply(_ directive: Directive, value: String, line: Int) -> Step {
        var target = DirectiveTarget(
            settings: open?.settings ?? state.defaults,
            taboo: state.taboo,
            accounts: parser.accounts,
            homeDirectory: parser.homeDirectory
        )
        do {
            try directive.apply(value, &target)
        } catch {
            let failure = error as? DirectiveFailure ?? DirectiveFailure(message: "\(error)")
            let message = "\(failure.message) (\(directive.keyword) expects \(directive.expects))"
            return failure.abandonsFile ? fileError(message, line: line) : raise(message, line: line)
        }
        if open != nil { open?.settings = target.settings } else { state.defaults = target.settings }
        let criterion = target.settings.criterion
        if directive.keyword == criterion.keyword { noteCriterion(criterion, line: line) }
        state.taboo = target.taboo
        for warning in target.warnings { report(.warning, line: line, warning) }
        for (offset, message) in target.advice {
            state.diagnostics.append(Diagnostic(.warning, file: file, line: line + offset, message, isAdvice: true))
        }
        return .proceed
    }

    /// Hands an `include` to the loader; inside a block, the included file changes that block (as in 3.21).
    private mutating func followInclude(_ path: String, line: Int) {
        let request = IncludeRequest(path: path, location: SourceLocation(file: file, line: line))
        guard var block = open else { return include(request, &state) }
        let defaults = state.defaults
        state.defaults = block.settings
        include(request, &state)
        block.settings = state.defaults
        state.defaults = defaults
        open = block
    }

    /// Notes a criterion replacing one of another kind in the same scope (logrotate's `set_criterium`:
    /// `note: 'daily' overrides previously specified 'size'`), and remembers it.
    private mutating func noteCriterion(_ criterion: RotationCriterion, line: Int) {
        if let previous = criterionInScope, previous.keyword != criterion.keyword {
            report(.note, line: line, "'\(criterion.keyword)' overrides previously specified '\(previous.keyword)'")
        }
        criterionInScope = criterion
    }

    /// Records a diagnostic at a line of this file.
    mutating func report(_ severity: Diagnostic.Severity, line: Int, _ message: String) {
        state.diagnostics.append(Diagnostic(severity, file: file, line: line, message))
    }

    /// A block error inside a block (the block is dropped, reading resumes after its `}`), a file error outside.
    mutating func raise(_ message: String, line: Int) -> Step {
        guard let block = open else { return fileError(message, line: line) }
        report(.error, line: line, message)
        state.diagnostics[state.diagnostics.count - 1].droppedBlock = block.patternText
        open = nil
        return skipFailedBlock(errorLine: line)
    }

    /// Abandons the rest of the file; the open block (if any) is dropped.
    mutating func fileError(_ message: String, line: Int) -> Step {
        report(.error, line: line, message)
        open = nil
        return .abandonFile
    }
}
