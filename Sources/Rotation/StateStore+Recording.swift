import Platform
import Scheduling
import SystemPackage

extension StateStore {
    /// Sets `entries` in the state file, keeping every other entry in it, and writes it (atomically, as
    /// ``write(_:reporter:)``) when that changed it: the read-modify-write of a process that shares the file, whose
    /// caller holds its lock.
    ///
    /// `written` is the digest of what this store last wrote (or read in the form it writes), updated here. While the
    /// file still holds exactly that, it is in ``StateFileWriter``'s form, so the entries are edited into its bytes
    /// instead of parsing every line and rendering every entry again: the same bytes, without converting 10,000 dates
    /// for a daemon saving one rotation among 10,000 logs (or a second's worth of a wave among 100,000).
    ///
    /// Returns whether the file now holds the entries (`false`, reported, when it could not be written).
    @discardableResult
    package func record(_ entries: [StateFile.Entry], reporter: RunReporter, written: inout ContentDigest?) -> Bool {
        guard path != "/dev/null", !entries.isEmpty else { return true }
        let contents = readContents(reporter: reporter)
        if let contents, let known = written, ContentDigest(contents) == known,
            let edit = StateFileWriter.setting(entries, in: contents)
        {
            guard edit.changed else { return true }
            let saved = write(contents: edit.contents, reporter: reporter)
            written = saved ? ContentDigest(edit.contents) : nil
            return saved
        }
        var state = parse(contents ?? [], reporter: reporter)
        let before = state
        for entry in entries { state[entry.path] = entry.lastRotated }
        let rendered = StateFileWriter.serialize(state)
        guard state != before else {
            written = contents == rendered ? ContentDigest(rendered) : nil
            return true
        }
        let saved = write(contents: rendered, reporter: reporter)
        written = saved ? ContentDigest(rendered) : nil
        return saved
    }

    /// Reads the state as ``read(reporter:)`` does, and sets `written` (see ``record(_:reporter:written:)``) to the
    /// file's digest when it is in the form ``StateFileWriter`` gives, so the next save can edit it in place.
    ///
    /// `lastRead` is the state this store parsed last, by the digest of its bytes: a file that still holds exactly
    /// those bytes is not parsed again (a daemon reads the file at every calendar check, to take what other programs
    /// wrote; parsing 100,000 entries costs a `mktime` each).
    package func read(
        reporter: RunReporter,
        written: inout ContentDigest?,
        lastRead: inout ParsedState?
    ) -> StateFile {
        guard path != "/dev/null" else { return StateFile() }
        guard let contents = readContents(reporter: reporter) else { return StateFile() }
        let digest = ContentDigest(contents)
        if let lastRead, lastRead.digest == digest { return lastRead.state }
        let state = parse(contents, reporter: reporter)
        if digest != written { written = StateFileWriter.serialize(state) == contents ? digest : nil }
        lastRead = ParsedState(digest: digest, state: state)
        return state
    }
}

/// A state as parsed from a file, with the digest of the file's bytes.
package struct ParsedState: Sendable {
    let digest: ContentDigest
    let state: StateFile
}
