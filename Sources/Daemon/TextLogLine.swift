import Logging
import Platform

/// How a text log handler writes its lines.
package enum TextLogStyle: Equatable, Sendable {
    /// `<6>message key=value`: standard error is the journal, which files each line under the syslog priority of its
    /// `<N>` prefix (sd-daemon(3)); every line of a multi-line message carries the prefix.
    case journalStream
    /// `2026-12-02T13:40:01Z info  message key=value`: for people, on a terminal or in a file; the time is UTC.
    case console
}

/// One log event as text: the line a `TextLogHandler` writes, newline included.
package enum TextLogLine {
    /// The line for an event of `level` with `message` and `metadata`, at `time` (seconds since the epoch; only the
    /// console style shows it).
    package static func render(
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata,
        style: TextLogStyle,
        time: Int64
    ) -> String {
        let text = message + pairs(metadata, besides: message)
        switch style {
        case .journalStream:
            let prefix = "<\(JournalFields.priority(of: level))>"
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
                .joined(separator: "\n") + "\n"
        case .console:
            let name = "\(level)"
            let padding = String(repeating: " ", count: max(1, 6 - name.count))
            return UTCTimestamp.iso8601(time) + " " + name + padding + text + "\n"
        }
    }

    /// The ` key=value` pairs, sorted by key, without the paths `message` already names: `Rotated /var/log/a.log`
    /// does not repeat `log.path=/var/log/a.log` (the journal keeps it as a field, for `journalctl LOG_PATH=`).
    static func pairs(_ metadata: Logger.Metadata, besides message: String) -> String {
        metadata.sorted { $0.key < $1.key }.compactMap { key, value in
            let text = "\(value)"
            return text.hasPrefix("/") && names(message, text) ? nil : " \(key)=\(text)"
        }.joined()
    }

    /// Whether `message` contains `path` as a word of its own: not part of a longer name (`/var/log/a.log.1` does
    /// not name `/var/log/a.log`).
    static func names(_ message: String, _ path: String) -> Bool {
        let (text, word) = (Array(message.utf8), Array(path.utf8))
        guard text.allSatisfy({ $0 < 0x80 }), word.allSatisfy({ $0 < 0x80 }) else {
            return namesAsCharacters(message, path)
        }
        return asciiNames(text, word)
    }

    /// `names` for ASCII text, on bytes: a search of `String`'s characters took as long as writing the line, once
    /// per rotated log of a wave.
    private static func asciiNames(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard !word.isEmpty, word.count <= text.count else { return false }
        var start = 0
        while let found = text.firstRange(of: word, from: start) {
            let startsWord = found.lowerBound == 0 || opening(Character(UnicodeScalar(text[found.lowerBound - 1])))
            let endsWord = found.upperBound == text.count || closing(Character(UnicodeScalar(text[found.upperBound])))
            if startsWord && endsWord { return true }
            start = found.lowerBound + 1
        }
        return false
    }

    /// `names` on characters, for text that is not all ASCII.
    private static func namesAsCharacters(_ message: String, _ path: String) -> Bool {
        message.ranges(of: path).contains { range in
            let startsWord =
                range.lowerBound == message.startIndex
                || opening(message[message.index(before: range.lowerBound)])
            let endsWord = range.upperBound == message.endIndex || closing(message[range.upperBound])
            return startsWord && endsWord
        }
    }

    private static func opening(_ character: Character) -> Bool {
        character.isWhitespace || "'\"(".contains(character)
    }

    private static func closing(_ character: Character) -> Bool {
        character.isWhitespace || ":,;)'\"".contains(character)
    }
}
