import Platform
import PlatformTesting
import Rotation
import Scheduling
import Synchronization
import SystemPackage
import Testing

/// The daemon's saves: entries set in the state file, edited in place while the file holds what was last written.
@Suite struct StateStoreRecordingTests {
    private let path: FilePath = "/state"
    private let quiet = RunReporter(forwardingTo: { _, _ in })

    private func entry(_ path: String, day: Int) -> StateFile.Entry {
        .init(path: path, lastRotated: LocalTime(year: 2026, month: 11, day: day).normalized())
    }

    private func contents(_ fileSystem: InMemoryFileSystem) throws -> String {
        String(decoding: try fileSystem.readFile(path), as: UTF8.self)
    }

    @Test func record_keepsOtherProgramsEntries_andItsOwnAcrossSaves() throws {
        let fileSystem = InMemoryFileSystem()
        let store = StateStore(path: path, fileSystem: fileSystem, userID: 0)
        var written: ContentDigest?
        store.record([entry("/l/a", day: 1), entry("/l/b", day: 2)], reporter: quiet, written: &written)
        #expect(written == ContentDigest(try fileSystem.readFile(path)))
        store.record([entry("/l/a", day: 3)], reporter: quiet, written: &written)
        let header = "logrotate state -- version 2\n"
        #expect(try contents(fileSystem) == header + "\"/l/a\" 2026-11-3-0:0:0\n\"/l/b\" 2026-11-2-0:0:0\n")

        // Another program rewrites the file: its entries are read, and kept.
        let foreign = "logrotate state -- version 1\n\"/l/b\" 2026-10-9-1:2:3\n\"/l/c\" 2026-10-8\n"
        try fileSystem.writeFileAtomically(path, contents: Array(foreign.utf8), permissions: 0o600)
        store.record([entry("/l/d", day: 4)], reporter: quiet, written: &written)
        #expect(
            try contents(fileSystem)
                == header + "\"/l/b\" 2026-10-9-1:2:3\n\"/l/c\" 2026-10-8-0:0:0\n\"/l/d\" 2026-11-4-0:0:0\n"
        )
        #expect(written == ContentDigest(try fileSystem.readFile(path)))
    }

    @Test func record_editsTheBytesOnlyWhileTheFileHoldsWhatWasWritten() throws {
        let fileSystem = InMemoryFileSystem()
        let store = StateStore(path: path, fileSystem: fileSystem, userID: 0)
        // Two lines for one path: parsing keeps one; an edit of the bytes changes only the first.
        let doubled = Array("logrotate state -- version 2\n\"/l/a\" 2026-1-1-0:0:0\n\"/l/a\" 2026-1-2-0:0:0\n".utf8)
        try fileSystem.writeFileAtomically(path, contents: doubled, permissions: 0o600)
        var written: ContentDigest? = ContentDigest(doubled)
        store.record([entry("/l/a", day: 5)], reporter: quiet, written: &written)
        #expect(try contents(fileSystem).split(separator: "\n").count == 3)

        try fileSystem.writeFileAtomically(path, contents: doubled, permissions: 0o600)
        written = nil
        store.record([entry("/l/a", day: 5)], reporter: quiet, written: &written)
        #expect(try contents(fileSystem) == "logrotate state -- version 2\n\"/l/a\" 2026-11-5-0:0:0\n")
    }

    @Test func read_ofAFileInTheWrittenForm_setsItsDigest() throws {
        let fileSystem = InMemoryFileSystem()
        let store = StateStore(path: path, fileSystem: fileSystem, userID: 0)
        var written: ContentDigest?
        var lastRead: ParsedState?
        let canonical = Array("logrotate state -- version 2\n\"/l/a\" 2026-1-2-3:4:5\n".utf8)
        try fileSystem.writeFileAtomically(path, contents: canonical, permissions: 0o600)
        #expect(store.read(reporter: quiet, written: &written, lastRead: &lastRead)["/l/a"] != nil)
        #expect(written == ContentDigest(canonical))

        let padded = Array("logrotate state -- version 2\n\"/l/a\" 2026-01-02-3:4:5\n".utf8)
        try fileSystem.writeFileAtomically(path, contents: padded, permissions: 0o600)
        #expect(store.read(reporter: quiet, written: &written, lastRead: &lastRead)["/l/a"] != nil)
        #expect(written == nil)
    }

    @Test func read_ofUnchangedBytes_givesTheStateParsedBefore_andOfChangedBytesTheNewOne() throws {
        let fileSystem = InMemoryFileSystem()
        let store = StateStore(path: path, fileSystem: fileSystem, userID: 0)
        var (written, lastRead): (ContentDigest?, ParsedState?) = (nil, nil)
        let errors = Mutex(0)
        let counting = RunReporter(forwardingTo: { level, _ in if level == .error { errors.withLock { $0 += 1 } } })
        let first = Array("logrotate state -- version 2\n\"/l/a\" 2026-1-2-3:4:5\nbad line\n".utf8)
        try fileSystem.writeFileAtomically(path, contents: first, permissions: 0o600)
        let parsed = store.read(reporter: counting, written: &written, lastRead: &lastRead)
        #expect(store.read(reporter: counting, written: &written, lastRead: &lastRead) == parsed)
        #expect(errors.withLock { $0 } == 1, "the same bytes are not parsed (nor reported) again")

        let second = Array("logrotate state -- version 2\n\"/l/b\" 2026-1-2-3:4:5\n".utf8)
        try fileSystem.writeFileAtomically(path, contents: second, permissions: 0o600)
        let again = store.read(reporter: counting, written: &written, lastRead: &lastRead)
        #expect(again["/l/b"] != nil && again["/l/a"] == nil)
    }
}
