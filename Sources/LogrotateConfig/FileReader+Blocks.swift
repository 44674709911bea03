extension FileReader {
    /// Reads a pattern list up to `{` (across lines, skipping comment lines) and opens the block.
    mutating func startBlock() -> Step {
        let line = cursor.line
        var text: [UInt8] = []
        while let byte = cursor.current, byte != UInt8(ascii: "{") {
            if byte == UInt8(ascii: "}") {
                return fileError("unexpected } (missing previous '{')", line: cursor.line)
            }
            text.append(byte)
            cursor.advance()
            if byte == .newline { skipCommentLines() }
        }
        guard !cursor.isAtEnd else { return fileError("missing '{' after log files definition", line: line) }
        cursor.advance()
        let patternText = String(decoding: text, as: UTF8.self)
        guard case .success(let words) = ShellWords.split(patternText) else {
            return fileError(
                "error parsing log file names '\(patternText)' (unbalanced quote or trailing backslash)",
                line: line
            )
        }
        let patterns = words.map { DirectiveArguments.expandingTilde($0, home: parser.homeDirectory) }
        criterionInScope = nil
        open = OpenBlock(
            patterns: removingDuplicates(patterns, line: line),
            patternText: String(patternText.reversed().drop(while: \.isWhitespace).reversed()),
            settings: state.defaults,
            line: line,
            insertionIndex: state.blocks.count
        )
        return .proceed
    }

    /// Skips whole lines whose first non-blank is `#`.
    private mutating func skipCommentLines() {
        while true {
            var probe = cursor
            probe.skipBlanks()
            guard probe.current == UInt8(ascii: "#") else { return }
            probe.skipLine()
            cursor = probe
        }
    }

    /// Drops patterns already owned by an earlier block: silently when that block has `ignoreduplicates`, else with
    /// `duplicate log entry for X` (an error that does not stop reading). Plain string equality, as in 3.21.
    private mutating func removingDuplicates(_ patterns: [String], line: Int) -> [String] {
        owners.catchUp(with: state.blocks)
        var kept: [String] = []
        var seen: Set<String> = []
        for pattern in patterns {
            let ownerIgnores = owners.ownerIgnoresDuplicates(pattern)
            if ownerIgnores == true { continue }
            if ownerIgnores != nil || seen.contains(pattern) {
                report(.error, line: line, "duplicate log entry for \(pattern)")
                continue
            }
            kept.append(pattern)
            seen.insert(pattern)
        }
        return kept
    }

    /// Handles `}`: closes the open block; text after it on the line is only a warning (as in 3.21: rc unaffected).
    mutating func closeBlock() -> Step {
        let line = cursor.line
        cursor.advance()
        guard let block = open else { return fileError("unexpected }", line: line) }
        open = nil
        criterionInScope = nil
        endBraceLine(line: line)
        finish(block)
        return .proceed
    }

    /// Checks and skips what follows a `}` on its line.
    private mutating func endBraceLine(line: Int) {
        if !cursor.restOfLineIsBlank() { report(.warning, line: line, "unexpected text after }") }
        cursor.skipLine()
    }

    /// Stores a finished block at its place (a block without patterns left is dropped).
    mutating func finish(_ block: OpenBlock) {
        guard !block.patterns.isEmpty else { return }
        let finished = LogBlock(
            patterns: block.patterns,
            patternText: block.patternText,
            settings: scheduled(block),
            location: SourceLocation(file: file, line: block.line)
        )
        owners.insert(finished, into: &state.blocks, at: min(block.insertionIndex, state.blocks.count))
    }

    /// The block's settings with its `spread` delay derived (keyed by the pattern text, so a block's logs keep
    /// rotating together), after warning about an `at` day its rule cannot use.
    private mutating func scheduled(_ block: OpenBlock) -> LogSettings {
        var settings = block.settings
        if let mismatch = settings.moment?.mismatch(with: settings.criterion) {
            report(.warning, line: block.line, mismatch)
        }
        let window = min(settings.spread, SpreadDelay.longestWindow(for: settings.criterion) ?? 0)
        settings.spreadDelay = SpreadDelay.seconds(window: window, key: block.patternText, host: parser.hostIdentity)
        return settings
    }

    /// After a block error: skips to the line whose first non-blank is `}` (scripts are skipped whole, so a `}` in a
    /// script does not end the block).
    mutating func skipFailedBlock(errorLine: Int) -> Step {
        if cursor.line == errorLine { cursor.skipLine() }
        while !cursor.isAtEnd {
            cursor.skipBlanks()
            if cursor.current == UInt8(ascii: "}") {
                let line = cursor.line
                cursor.advance()
                endBraceLine(line: line)
                return .proceed
            }
            if ScriptKind(rawValue: cursor.readWord()) != nil {
                guard readScript() != nil else { return .abandonFile }
            }
            cursor.skipLine()
        }
        return .abandonFile
    }

    /// Reads script text: from right after the keyword to the start of the line whose first word is `endscript`;
    /// the cursor is left after `endscript` (the rest of that line is read as usual). `nil` at end of file.
    mutating func readScript() -> String? {
        let start = cursor.index
        cursor.skipLine()
        while !cursor.isAtEnd {
            let lineStart = cursor.index
            var probe = cursor
            probe.skipBlanks()
            if probe.skipWord().elementsEqual("endscript".utf8) {
                let text = String(decoding: cursor.bytes[start..<lineStart], as: UTF8.self)
                cursor = probe
                return text
            }
            cursor.skipLine()
        }
        return nil
    }
}
