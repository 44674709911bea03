/// The shell-like word splitting logrotate uses on state file lines, and its unescaping of paths.
///
/// Equivalent logrotate code: popt `poptParseArgvString` (used by `readState`) and `logrotate.c unescape`.
enum PoptWords {
    /// Splits at unquoted whitespace; `"` and `'` quote, `\` escapes. `nil` when popt fails (no word, or a
    /// trailing backslash). Inside quotes a backslash is kept unless it escapes the quote character;
    /// an unterminated quote simply ends the line, and empty words vanish, as in popt.
    static func split(_ line: ArraySlice<UInt8>) -> [[UInt8]]? {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        var quote: UInt8?
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            index += 1
            if let open = quote {
                if byte == open {
                    quote = nil
                    continue
                }
                if byte == backslash {
                    guard index < line.endIndex else { return nil }
                    if line[index] != open { word.append(backslash) }
                    word.append(line[index])
                    index += 1
                } else {
                    word.append(byte)
                }
            } else if isSpace(byte) {
                if !word.isEmpty { words.append(word) }
                word = []
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == backslash {
                guard index < line.endIndex else { return nil }
                word.append(line[index])
                index += 1
            } else {
                word.append(byte)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.isEmpty ? nil : words
    }

    /// Replaces `\n` by a newline and `\\` by a backslash; other backslashes stay.
    static func unescape(_ word: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte == backslash, index + 1 < word.count {
                let next = word[index + 1]
                if next == UInt8(ascii: "n") || next == backslash {
                    result.append(next == backslash ? backslash : UInt8(ascii: "\n"))
                    index += 2
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    private static let backslash = UInt8(ascii: "\\")

    /// C `isspace` in the C locale.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
