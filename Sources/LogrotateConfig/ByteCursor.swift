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
        let start = index
        index = firstIndex(from: index) { !($0.isBlank || $0 == .newline) }
        line += bytes[start..<index].count { $0 == .newline }
    }

    /// Skips blanks but stops at the end of the line.
    mutating func skipBlanks() {
        index = firstIndex(from: index) { !$0.isBlank }
    }

    /// Moves to the first byte after the next newline (or to the end).
    mutating func skipLine() {
        let newline = firstIndex(from: index) { $0 == .newline }
        guard newline < bytes.count else {
            index = newline
            return
        }
        index = newline + 1
        line += 1
    }

    /// Reads `[A-Za-z]+`.
    mutating func readWord() -> String {
        String(decoding: skipWord(), as: UTF8.self)
    }

    /// Moves past `[A-Za-z]+` and returns those bytes.
    mutating func skipWord() -> ArraySlice<UInt8> {
        let start = index
        index = firstIndex(from: index) { !$0.isLetter }
        return bytes[start..<index]
    }

    /// Reads the rest of the line (consuming its newline), with blanks trimmed at both ends.
    mutating func readRestOfLine() -> String {
        let start = index
        let end = firstIndex(from: index) { $0 == .newline }
        let first = bytes[start..<end].firstIndex { !$0.isBlank } ?? end
        let last = bytes[first..<end].lastIndex { !$0.isBlank }.map { $0 + 1 } ?? first
        index = end
        skipLine()
        return String(decoding: bytes[first..<last], as: UTF8.self)
    }

    /// The index of the first byte from `start` on that satisfies `predicate`, or the end.
    private func firstIndex(from start: Int, where predicate: (UInt8) -> Bool) -> Int {
        bytes[start...].firstIndex(where: predicate) ?? bytes.count
    }

    /// Whether the rest of the current line holds only blanks.
    func restOfLineIsBlank() -> Bool {
        let end = firstIndex(from: index) { $0 == .newline }
        return bytes[index..<end].allSatisfy(\.isBlank)
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
