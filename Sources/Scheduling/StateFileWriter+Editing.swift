import Platform

extension StateFileWriter {
    /// A state file's content with some entries set, and whether that changed it.
    package struct Edit: Equatable, Sendable {
        /// The new content.
        package var contents: [UInt8]
        /// Whether `contents` differs from the content edited.
        package var changed: Bool
    }

    /// `contents` with `entries` set, edited line by line instead of parsed and rendered again: the cost follows the
    /// entries set, not the entries in the file.
    ///
    /// `contents` must be what ``serialize(_:)`` gave for some state; the result is then what ``serialize(_:)``
    /// gives for that state with `entries` set, in order (an entry replaces its path's line in place, or is
    /// appended, as ``StateFile`` keeps entries). `nil` when `contents` does not start with the version 2 header.
    package static func setting(_ entries: [StateFile.Entry], in contents: [UInt8]) -> Edit? {
        let header = Array(StateFileParser.versionTwoHeader.utf8)
        guard contents.starts(with: header) else { return nil }
        var edit = Edit(contents: contents, changed: false)
        for entry in entries {
            let path = quoted(entry.path)
            let line = path + rendered(entry.lastRotated)
            // The quoted path and the blank after it, at the start of a line: a quoted path holds no newline, and its
            // closing quote is its only unescaped one, so no other path's line starts with these bytes.
            let key = [UInt8(ascii: "\n")] + path + [UInt8(ascii: " ")]
            guard let found = edit.contents.firstRange(of: key, from: header.count - 1) else {
                edit.contents += line
                edit.changed = true
                continue
            }
            let start = found.lowerBound + 1
            let end =
                edit.contents[found.upperBound...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
                ?? edit.contents.count
            guard !edit.contents[start..<end].elementsEqual(line) else { continue }
            edit.contents.replaceSubrange(start..<end, with: line)
            edit.changed = true
        }
        return edit
    }
}
