import Platform

extension StateFileWriter {
    /// A state file's content with some entries set, and whether that changed it.
    package struct Edit: Equatable, Sendable {
        /// The new content.
        package var contents: [UInt8]
        /// Whether `contents` differs from the content edited.
        package var changed: Bool
    }

    /// Up to this many entries are each found with a search of the bytes (`memmem`); more in one pass over the lines.
    static let searchedEntryLimit = 4

    /// `contents` with `entries` set, edited line by line instead of parsed and rendered again: no date is converted
    /// and no entry of the file is built, so the cost is a search of the bytes per entry for a few entries (what the
    /// daemon saves after one rotation), one pass over the lines for more.
    ///
    /// `contents` must be what ``serialize(_:)`` gave for some state; the result is then what ``serialize(_:)``
    /// gives for that state with `entries` set, in order (an entry replaces its path's line in place, or is
    /// appended, as ``StateFile`` keeps entries). `nil` when `contents` does not start with the version 2 header.
    package static func setting(_ entries: [StateFile.Entry], in contents: [UInt8]) -> Edit? {
        guard contents.starts(with: StateFileParser.versionTwoHeader.utf8) else { return nil }
        if entries.count <= searchedEntryLimit { return searching(entries, in: contents) }
        return scanning(entries, in: contents)
    }

    /// ``setting(_:in:)`` with a search of the bytes for each entry's line.
    private static func searching(_ entries: [StateFile.Entry], in contents: [UInt8]) -> Edit {
        let headerEnd = StateFileParser.versionTwoHeader.utf8.count
        var edit = Edit(contents: contents, changed: false)
        for entry in entries {
            let path = quoted(entry.path)
            let line = path + rendered(entry.lastRotated)
            // The quoted path and the blank after it, at the start of a line: a quoted path holds no newline, and its
            // closing quote is its only unescaped one, so no other path's line starts with these bytes.
            let key = [UInt8(ascii: "\n")] + path + [UInt8(ascii: " ")]
            guard let found = edit.contents.firstRange(of: key, from: headerEnd - 1) else {
                edit.contents += line
                edit.changed = true
                continue
            }
            let start = found.lowerBound + 1
            let end = lineEnd(in: edit.contents, from: found.upperBound)
            guard !edit.contents[start..<end].elementsEqual(line) else { continue }
            edit.contents.replaceSubrange(start..<end, with: line)
            edit.changed = true
        }
        return edit
    }

    /// ``setting(_:in:)`` in one pass over the lines, each line's quoted path looked up among the entries'.
    private static func scanning(_ entries: [StateFile.Entry], in contents: [UInt8]) -> Edit {
        var lines: [[UInt8]] = []
        var quotedPaths: [[UInt8]] = []
        var index: [QuotedPathKey: Int] = [:]
        for entry in entries {
            let path = quoted(entry.path)
            let line = path + rendered(entry.lastRotated)
            if let known = index[QuotedPathKey(path[...])] {
                lines[known] = line
            } else {
                index[QuotedPathKey(path[...])] = lines.count
                lines.append(line)
                quotedPaths.append(path)
            }
        }
        var edit = Edit(contents: [], changed: false)
        edit.contents.reserveCapacity(contents.count + lines.reduce(0) { $0 + $1.count })
        var placed = [Bool](repeating: false, count: lines.count)
        var copied = 0
        var start = StateFileParser.versionTwoHeader.utf8.count
        while start < contents.count {
            let end = lineEnd(in: contents, from: start)
            if let close = closingQuote(in: contents, lineStart: start, lineEnd: end),
                let found = index[QuotedPathKey(contents[start...close])]
            {
                edit.contents += contents[copied..<start]
                edit.contents += lines[found]
                if !contents[start..<end].elementsEqual(lines[found]) { edit.changed = true }
                placed[found] = true
                copied = end
            }
            start = end
        }
        edit.contents += contents[copied...]
        for (line, wasPlaced) in zip(lines, placed) where !wasPlaced {
            edit.contents += line
            edit.changed = true
        }
        return edit
    }

    /// The index after the newline that ends the line containing `position` (the end of `bytes` without one).
    private static func lineEnd(in bytes: [UInt8], from position: Int) -> Int {
        bytes.firstRange(of: newline, from: position)?.upperBound ?? bytes.count
    }

    private static let newline: [UInt8] = [UInt8(ascii: "\n")]

    /// The index of the quote closing the quoted path that starts the line, `nil` when the line starts otherwise.
    private static func closingQuote(in bytes: [UInt8], lineStart: Int, lineEnd: Int) -> Int? {
        guard bytes[lineStart] == UInt8(ascii: "\"") else { return nil }
        var position = lineStart + 1
        while position < lineEnd {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""): return position
            default: position += 1
            }
        }
        return nil
    }
}

/// A quoted path as a dictionary key, hashed a word at a time: an `ArraySlice<UInt8>` feeds its hasher one byte at a
/// time, which made looking up each line of a state file of 100,000 entries the largest part of a save.
private struct QuotedPathKey: Hashable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// The bytes' FNV-1a digest, a word at a time, fed to the hasher as one word: hashing every line's path with the
    /// hasher itself took most of a save's time.
    func hash(into hasher: inout Hasher) {
        var digest = FNV1a(seed: UInt64(bytes.count))
        bytes.withUnsafeBytes { digest.add(wordsOf: $0) }
        hasher.combine(digest.value)
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.bytes.elementsEqual(rhs.bytes)
    }
}
