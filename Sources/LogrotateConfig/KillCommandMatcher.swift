/// Finds in one script line the first command of a shape `KillScriptLint` reports, in time linear in the line.
///
/// Each search gives what Swift Regex's `firstMatch` gives for the shape's regex (leftmost start, alternatives and
/// quantifiers tried in the regex's order, `\s` and `\w` read per `Character` as Swift Regex reads them):
/// - kill: ``(?:^|[\s;&|(])(?:/bin/|/usr/bin/)?kill\s+(?:-s\s+|--signal\s+|-)(?:SIG)?(\w+)\s+"?``
///   ``(?:\$\(\s*cat\s+([^\s)]+)[^)]*\)|`\s*cat\s+([^\s`]+)[^`]*`)"?``
/// - systemctl: `(?:^|[\s;&|(])systemctl\s+kill\s+(?:--kill-whom?=\w+\s+)?(?:-s\s+|--signal[=\s])(?:SIG)?(\w+)\s+`
///   `(?:--kill-whom?=\w+\s+)?([\w@.\-]+)`
/// - pkill: `(?:^|[\s;&|(])(?:/usr/bin/)?pkill\s+(?:--signal\s+|-)(?:SIG)?(\w+)\s+(?:-\w+\s+)*(\S+)`
///
/// A backtracking engine rescans the rest of the line for every `kill … $(cat FILE` that has no `)` after it, which
/// is quadratic; here the end of every run of characters is remembered, so no part of the line is scanned twice.
struct KillCommandMatcher {
    /// A command found: its text, its signal as written (without `SIG`), and its pidfile, unit or process name.
    struct Match: Equatable {
        var command: Substring
        var signal: Substring
        var target: Substring
    }

    /// The character runs whose ends are remembered.
    private enum Run: Int, CaseIterable {
        case space, word, nonSpace, unitName, beforeParen, beforeBacktick, pathBeforeParen, pathBeforeBacktick

        func contains(_ character: Character) -> Bool {
            switch self {
            case .space: ScriptCharacter.isSpace(character)
            case .word: ScriptCharacter.isWord(character)
            case .nonSpace: !ScriptCharacter.isSpace(character)
            case .unitName: ScriptCharacter.isWord(character) || "@.-".contains(character)
            case .beforeParen: character != ")"
            case .beforeBacktick: character != "`"
            case .pathBeforeParen: character != ")" && !ScriptCharacter.isSpace(character)
            case .pathBeforeBacktick: character != "`" && !ScriptCharacter.isSpace(character)
            }
        }
    }

    private typealias Index = String.Index

    private let line: Substring
    /// For each kind of run, the last one scanned.
    private var knownRuns: [Range<Index>?] = Array(repeating: nil, count: Run.allCases.count)

    /// A matcher over `line`.
    init(_ line: Substring) {
        self.line = line
    }

    /// The first `kill -SIG $(cat PIDFILE)` or `` kill -SIG `cat PIDFILE` `` (target: the pidfile).
    mutating func firstKillWithPidFile() -> Match? {
        firstMatch { matcher, start in
            var index = start
            if let next = matcher.literal("/bin/", at: index) ?? matcher.literal("/usr/bin/", at: index) {
                index = next
            }
            guard let afterKill = matcher.literal("kill", at: index), let flag = matcher.spaces(after: afterKill)
            else { return nil }
            let signalStarts = [
                matcher.literal("-s", at: flag).flatMap { matcher.spaces(after: $0) },
                matcher.literal("--signal", at: flag).flatMap { matcher.spaces(after: $0) },
                matcher.literal("-", at: flag),
            ]
            for case let signalStart? in signalStarts {
                if let found = matcher.signalThenPidFile(at: signalStart) { return found }
            }
            return nil
        }
    }

    /// The first `systemctl kill -s SIG UNIT` (target: the unit).
    mutating func firstSystemctlKill() -> Match? {
        firstMatch { matcher, start in
            guard let afterName = matcher.literal("systemctl", at: start),
                let kill = matcher.spaces(after: afterName),
                let afterKill = matcher.literal("kill", at: kill),
                let options = matcher.spaces(after: afterKill)
            else { return nil }
            for case let flag? in [matcher.killWho(at: options), options] {
                let signalStarts = [
                    matcher.literal("-s", at: flag).flatMap { matcher.spaces(after: $0) },
                    matcher.literal("--signal", at: flag).flatMap { matcher.equalsOrSpace(at: $0) },
                ]
                for case let signalStart? in signalStarts {
                    if let found = matcher.signalThenUnit(at: signalStart) { return found }
                }
            }
            return nil
        }
    }

    /// The first `pkill -SIG [-OPTION…] NAME` (target: the name).
    mutating func firstPkill() -> Match? {
        firstMatch { matcher, start in
            let index = matcher.literal("/usr/bin/", at: start) ?? start
            guard let afterName = matcher.literal("pkill", at: index), let flag = matcher.spaces(after: afterName)
            else { return nil }
            let signalStarts = [
                matcher.literal("--signal", at: flag).flatMap { matcher.spaces(after: $0) },
                matcher.literal("-", at: flag),
            ]
            for case let signalStart? in signalStarts {
                if let found = matcher.signalThenProcessName(at: signalStart) { return found }
            }
            return nil
        }
    }

    /// A found command's signal, its target and where it ends.
    private typealias Tail = (signal: Substring, target: Substring, end: Index)

    /// Tries `body` at the start of the line (`^`), then after every separator (`[\s;&|(]`), left to right.
    private mutating func firstMatch(_ body: (inout KillCommandMatcher, Index) -> Tail?) -> Match? {
        var start = line.startIndex
        if let tail = body(&self, start) { return match(from: start, tail) }
        while start < line.endIndex {
            let character = line[start]
            let next = line.index(after: start)
            if ScriptCharacter.isSpace(character) || ";&|(".contains(character), let tail = body(&self, next) {
                return match(from: start, tail)
            }
            start = next
        }
        return nil
    }

    private func match(from start: Index, _ tail: Tail) -> Match {
        Match(command: line[start..<tail.end], signal: tail.signal, target: tail.target)
    }

    /// `(?:SIG)?(\w+)\s+"?` then `$(cat PIDFILE…)` or `` `cat PIDFILE…` ``, then `"?`.
    private mutating func signalThenPidFile(at index: Index) -> Tail? {
        guard let (signal, afterSignal) = signal(at: index) else { return nil }
        let substitution = literal("\"", at: afterSignal) ?? afterSignal
        let forms: [(opening: String, path: Run, rest: Run, closing: String)] = [
            ("$(", .pathBeforeParen, .beforeParen, ")"),
            ("`", .pathBeforeBacktick, .beforeBacktick, "`"),
        ]
        for form in forms {
            guard let opened = literal(form.opening, at: substitution) else { continue }
            guard let cat = literal("cat", at: end(of: .space, from: opened)), let path = spaces(after: cat) else {
                return nil
            }
            let afterPath = end(of: form.path, from: path)
            guard afterPath > path, let closed = literal(form.closing, at: end(of: form.rest, from: afterPath)) else {
                return nil
            }
            return (signal, line[path..<afterPath], literal("\"", at: closed) ?? closed)
        }
        return nil
    }

    /// `(?:SIG)?(\w+)\s+` then an optional `--kill-who[m]=WHO`, then `[\w@.\-]+`.
    private mutating func signalThenUnit(at index: Index) -> Tail? {
        guard let (signal, afterSignal) = signal(at: index) else { return nil }
        for case let unit? in [killWho(at: afterSignal), afterSignal] {
            let afterUnit = end(of: .unitName, from: unit)
            if afterUnit > unit { return (signal, line[unit..<afterUnit], afterUnit) }
        }
        return nil
    }

    /// `(?:SIG)?(\w+)\s+(?:-\w+\s+)*(\S+)`: options are skipped; when nothing follows the last one, it is the name.
    private mutating func signalThenProcessName(at index: Index) -> Tail? {
        guard let (signal, afterSignal) = signal(at: index) else { return nil }
        var name = afterSignal
        var lastOption: Index?
        while let dash = literal("-", at: name), case let afterWord = end(of: .word, from: dash), afterWord > dash,
            let next = spaces(after: afterWord)
        {
            lastOption = name
            name = next
        }
        if name == line.endIndex {
            guard let lastOption else { return nil }
            name = lastOption
        }
        let afterName = end(of: .nonSpace, from: name)
        return (signal, line[name..<afterName], afterName)
    }

    /// `(?:SIG)?(\w+)\s+`: the signal (without a leading `SIG` when more follows it) and the index after the blanks.
    private mutating func signal(at index: Index) -> (Substring, Index)? {
        let afterWord = end(of: .word, from: index)
        guard afterWord > index, let next = spaces(after: afterWord) else { return nil }
        let written = line[index..<afterWord]
        let withoutPrefix = written.dropFirst(3)
        return (written.hasPrefix("SIG") && !withoutPrefix.isEmpty ? withoutPrefix : written, next)
    }

    /// `--kill-whom?=\w+\s+`: the index after it.
    private mutating func killWho(at index: Index) -> Index? {
        guard let afterWho = literal("--kill-who", at: index) else { return nil }
        let equals = literal("m", at: afterWho) ?? afterWho
        guard let value = literal("=", at: equals) else { return nil }
        let afterValue = end(of: .word, from: value)
        guard afterValue > value else { return nil }
        return spaces(after: afterValue)
    }

    /// `\s+`: the index after the blanks at `index`, `nil` when there is none.
    private mutating func spaces(after index: Index) -> Index? {
        let afterSpaces = end(of: .space, from: index)
        return afterSpaces > index ? afterSpaces : nil
    }

    /// The index after `text` when the line has it at `index`.
    private func literal(_ text: String, at index: Index) -> Index? {
        var position = index
        for character in text {
            guard position < line.endIndex, line[position] == character else { return nil }
            position = line.index(after: position)
        }
        return position
    }

    /// `[=\s]`: the index after it.
    private func equalsOrSpace(at index: Index) -> Index? {
        guard index < line.endIndex, line[index] == "=" || ScriptCharacter.isSpace(line[index]) else { return nil }
        return line.index(after: index)
    }

    /// Where the run of `kind` starting at `index` ends; a run already scanned is not scanned again.
    private mutating func end(of kind: Run, from index: Index) -> Index {
        if let known = knownRuns[kind.rawValue], known.contains(index) || index == known.upperBound {
            return known.upperBound
        }
        var position = index
        while position < line.endIndex, kind.contains(line[position]) { position = line.index(after: position) }
        knownRuns[kind.rawValue] = index..<position
        return position
    }
}

/// `\s` and `\w` as Swift Regex reads them for one `Character`.
enum ScriptCharacter {
    private nonisolated(unsafe) static let space = #/\s/#
    private nonisolated(unsafe) static let word = #/\w/#
    private static let asciiSpaces = asciiTable(space)
    private static let asciiWords = asciiTable(word)

    /// Whether `\s` matches `character`.
    static func isSpace(_ character: Character) -> Bool {
        classify(character, asciiSpaces, space)
    }

    /// Whether `\w` matches `character`.
    static func isWord(_ character: Character) -> Bool {
        classify(character, asciiWords, word)
    }

    private static func classify(_ character: Character, _ table: [Bool], _ regex: Regex<Substring>) -> Bool {
        if character.unicodeScalars.count == 1, let ascii = character.asciiValue { return table[Int(ascii)] }
        return String(character).wholeMatch(of: regex) != nil
    }

    private static func asciiTable(_ regex: Regex<Substring>) -> [Bool] {
        (0..<128).map { String(UnicodeScalar(UInt8($0))).wholeMatch(of: regex) != nil }
    }
}
