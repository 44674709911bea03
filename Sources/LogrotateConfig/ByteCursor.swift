/// A position in a configuration file's bytes that knows its line number: the lexer of `ConfigParser`.
///
/// logrotate scans its `mmap`ed file byte by byte; so do we, which keeps NUL bytes, invalid UTF-8 and `\r\n` harmless.
/// Equivalent logrotate code: `config.c readConfigFile`, `isolateWord`, `isolateValue`, `isolateLine`.
struct ByteCursor {
    let bytes: [UInt8]
    private(set) var index: Int = 0
    /// The 1-based line of `index`.
    private(set) var line: Int = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }
    var current: UInt8? { isAtEnd ? nil : bytes[index] }

    /// Moves one byte forward, counting newlines.
    mutating func advance() {
        guard !isAtEnd else { return }
        if bytes[index] == .newline { line += 1 }
        index += 1
    }

    /// Skips blanks, newlines included.
    mutating func skipWhitespace() {
        while let byte = current, byte.isBlank || byte == .newline { advance() }
    }

    /// Skips blanks but stops at the end of the line.
    mutating func skipBlanks() {
        while let byte = current, byte.isBlank { advance() }
    }

    /// Moves to the first byte after the next newline (or to the end).
    mutating func skipLine() {
        while let byte = current {
            advance()
            if byte == .newline { return }
        }
    }

    /// Reads `[A-Za-z]+`.
    mutating func readWord() -> String {
        let start = index
        while let byte = current, byte.isLetter { advance() }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Reads the rest of the line (consuming its newline), with blanks trimmed at both ends.
    mutating func readRestOfLine() -> String {
        let start = index
        while let byte = current, byte != .newline { advance() }
        var slice = bytes[start..<index]
        skipLine()
        while let first = slice.first, first.isBlank { slice = slice.dropFirst() }
        while let last = slice.last, last.isBlank { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }

    /// Whether the rest of the current line holds only blanks.
    func restOfLineIsBlank() -> Bool {
        var probe = index
        while probe < bytes.count, bytes[probe] != .newline {
            if !bytes[probe].isBlank { return false }
            probe += 1
        }
        return true
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")

    /// C `isspace` minus the newline: space, tab, `\v`, `\f`, `\r`.
    var isBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0B || self == 0x0C || self == 0x0D }

    /// An ASCII letter, what a logrotate keyword is made of.
    var isLetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }

    /// A byte that starts a log file pattern list: `/`, `"`, `'` or `~`.
    var startsPatterns: Bool {
        self == UInt8(ascii: "/") || self == UInt8(ascii: "\"") || self == UInt8(ascii: "'")
            || self == UInt8(ascii: "~")
    }
}
