import LogrotateConfig
import Platform

/// What reading a state file produced: the entries read before any problem, and the problems.
package struct StateFileParseResult: Equatable, Sendable {
    /// Entries read up to the first bad line (logrotate keeps them and goes on).
    package var state: StateFile
    /// At most one error: reading stops at the first bad line.
    package var diagnostics: [Diagnostic]

    package init(state: StateFile, diagnostics: [Diagnostic]) {
        self.state = state
        self.diagnostics = diagnostics
    }
}

/// Reads logrotate's state file, versions 1 and 2, with logrotate's diagnostics; never traps on any input.
///
/// Equivalent logrotate code: `logrotate.c readState`.
package enum StateFileParser {
    /// The header logrotate writes.
    package static let versionTwoHeader = "logrotate state -- version 2\n"
    static let acceptedHeaders = [Array("logrotate state -- version 1\n".utf8), Array(versionTwoHeader.utf8)]
    /// `fgets(buf, sizeof(buf) - 1, f)` with `buf[2 * PATH_MAX + 16]` reads at most 8206 bytes per line.
    static let maximumLineLength = 2 * 4096 + 16 - 2

    /// Parses the bytes of a state file; `file` is the path used in diagnostics.
    ///
    /// An empty file (logrotate's lock stub) is an empty state. Diagnostics carry logrotate's texts
    /// (`bad top line in state file X`, `bad line N in state file X`, `line N too long in state file X`,
    /// `bad year Y for file P in state file X`, …) and the 1-based line number.
    package static func parse(_ contents: [UInt8], file: String) -> StateFileParseResult {
        var state = StateFile()
        var lines = LineReader(contents)
        guard let header = lines.next() else { return StateFileParseResult(state: state, diagnostics: []) }
        guard acceptedHeaders.contains(Array(header)) else {
            return StateFileParseResult(
                state: state,
                diagnostics: [Diagnostic(.error, file: file, line: 1, "bad top line in state file \(file)")]
            )
        }
        var number = 1
        while let line = lines.next() {
            number += 1
            switch parseLine(line, number: number, file: file) {
            case .empty: continue
            case .entry(let entry): state[entry.path] = entry.lastRotated
            case .failure(let message):
                return StateFileParseResult(
                    state: state,
                    diagnostics: [Diagnostic(.error, file: file, line: number, message)]
                )
            }
        }
        return StateFileParseResult(state: state, diagnostics: [])
    }

    /// Parses the text of a state file (its UTF-8 bytes).
    package static func parse(_ text: String, file: String) -> StateFileParseResult {
        parse(Array(text.utf8), file: file)
    }

    enum LineOutcome {
        case empty
        case entry(StateFile.Entry)
        case failure(String)
    }

    /// One line as `fgets` returns it (with its `\n`, if any).
    static func parseLine(_ line: ArraySlice<UInt8>, number: Int, file: String) -> LineOutcome {
        // C stops at a NUL byte; a line without its final newline is "too long" for logrotate.
        let visible = line.prefix { $0 != 0 }
        guard visible.last == UInt8(ascii: "\n") else {
            return .failure("line \(number) too long in state file \(file)")
        }
        let content = visible.dropLast()
        if content.isEmpty { return .empty }
        guard let words = PoptWords.split(content), words.count == 2,
            let fields = DateFields.scan(words[1])
        else { return .failure("bad line \(number) in state file \(file)") }
        let rawPath = String(decoding: words[0], as: UTF8.self)
        if let problem = fields.rangeProblem {
            return .failure("bad \(problem) for file \(rawPath) in state file \(file)")
        }
        let path = String(decoding: PoptWords.unescape(words[0]), as: UTF8.self)
        return .entry(StateFile.Entry(path: path, lastRotated: fields.localTime.normalized()))
    }
}

/// Splits bytes into lines the way `fgets` with logrotate's buffer does.
private struct LineReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> ArraySlice<UInt8>? {
        guard position < bytes.count else { return nil }
        let limit = min(bytes.count, position + StateFileParser.maximumLineLength)
        var end = position
        while end < limit {
            end += 1
            if bytes[end - 1] == UInt8(ascii: "\n") { break }
        }
        defer { position = end }
        return bytes[position..<end]
    }
}
