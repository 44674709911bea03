import Foundation
import Platform
import SystemPackage
import Testing

@Suite struct LosslessTruncationTests {
    let fs = PosixFileSystem()

    /// "1\n" … "count\n".
    private func numberedLines(_ count: Int) -> [UInt8] {
        Array((1...count).map { "\($0)\n" }.joined().utf8)
    }

    @Test(.enabled(if: WritersFixture.collapseCapableRoot != nil, "needs an ext4 or xfs directory"))
    func collapse_underA50kLinesPerSecondWriter_losesAndDuplicatesNothing() throws {
        let dir = try WritersFixture.newDirectory(in: WritersFixture.collapseCapableRoot!)
        defer { try? FileManager.default.removeItem(atPath: dir.string) }
        let writer = try RunningLogWriter(log: dir.appending("app.log"), ["--append", "--rate", "50000"])
        var archives: [FilePath] = []
        for generation in 1...4 {
            #expect(writer.waitForSize(512 << 10))
            let archive = dir.appending("app.log.\(generation)")
            let outcome = try LosslessTruncation.copyAndTruncate(writer.log, to: archive)
            guard case .collapsed(let archived) = outcome else {
                Issue.record("expected a collapse, got \(outcome)")
                break
            }
            #expect(archived % 4096 == 0 && WritersFixture.size(archive) == archived)
            #expect(try fs.readFile(archive).last == UInt8(ascii: "\n"), "the archive ends at a line boundary")
            archives.append(archive)
        }
        let written = try writer.stop()
        let audit = try LineAudit(files: archives + [writer.log], expectedCount: written)
        #expect(audit == LineAudit(lines: written))
    }

    @Test(.enabled(if: WritersFixture.collapseCapableRoot != nil, "needs an ext4 or xfs directory"))
    func collapse_withoutWriter_splitsAtAnAlignedLineEnd() throws {
        let dir = try WritersFixture.newDirectory(in: WritersFixture.collapseCapableRoot!)
        defer { try? FileManager.default.removeItem(atPath: dir.string) }
        let content = numberedLines(5000)  // 23,894 bytes
        try fs.writeFileAtomically(dir.appending("app.log"), contents: content, permissions: 0o644)

        let outcome = try LosslessTruncation.copyAndTruncate(
            dir.appending("app.log"),
            to: dir.appending("app.log.1"),
            options: .init(permissions: 0o604)
        )

        guard case .collapsed(let archived) = outcome else {
            Issue.record("expected a collapse, got \(outcome)")
            return
        }
        let archive = try fs.readFile(dir.appending("app.log.1"))
        #expect(archived % 4096 == 0 && archived < content.count && archive.count == archived)
        #expect(archive == Array(content[..<Int(archived)]) && archive.last == UInt8(ascii: "\n"))
        #expect(try fs.readFile(dir.appending("app.log")) == Array(content[Int(archived)...]))
        #expect(try fs.status(of: dir.appending("app.log.1"), followSymlinks: false)?.permissions == 0o604)
    }

    @Test(.enabled(if: WritersFixture.collapseCapableRoot != nil, "needs an ext4 or xfs directory"))
    func collapse_withNonAppendWriter_fallsBackAndNamesTheWriter() throws {
        let dir = try WritersFixture.newDirectory(in: WritersFixture.collapseCapableRoot!)
        defer { try? FileManager.default.removeItem(atPath: dir.string) }
        let writer = try RunningLogWriter(log: dir.appending("app.log"), ["--no-append", "--rate", "20000"])
        #expect(writer.waitForSize(64 << 10))
        let outcome = try LosslessTruncation.copyAndTruncate(writer.log, to: dir.appending("app.log.1"))
        guard case .truncated(_, _, .nonAppendWriter(let found)) = outcome else {
            Issue.record("expected a fallback for the non-append writer, got \(outcome)")
            return
        }
        #expect(found.pid == writer.pid && found.command == "logwriter")
        _ = try writer.stop()
    }

    @Test(.enabled(if: WritersFixture.collapseCapableRoot != nil, "needs an ext4 or xfs directory"))
    func smallFile_fallsBackWithItsSize() throws {
        let dir = try WritersFixture.newDirectory(in: WritersFixture.collapseCapableRoot!)
        defer { try? FileManager.default.removeItem(atPath: dir.string) }
        let content = numberedLines(100)
        try fs.writeFileAtomically(dir.appending("app.log"), contents: content, permissions: 0o644)
        let outcome = try LosslessTruncation.copyAndTruncate(dir.appending("app.log"), to: dir.appending("app.log.1"))
        guard case .truncated(let copied, _, .smallerThanBlock(let size, _)) = outcome else {
            Issue.record("expected the small-file fallback, got \(outcome)")
            return
        }
        #expect(copied == content.count && size == content.count)
        #expect(try fs.readFile(dir.appending("app.log.1")) == content)
        #expect(try fs.readFile(dir.appending("app.log")) == [])
    }

    @Test(.enabled(if: WritersFixture.tmpfsRoot != nil, "needs a writable tmpfs directory"))
    func tmpfs_fallsBackBecauseCollapseIsNotSupported() throws {
        let dir = try WritersFixture.newDirectory(in: WritersFixture.tmpfsRoot!)
        defer { try? FileManager.default.removeItem(atPath: dir.string) }
        let content = numberedLines(20000)
        try fs.writeFileAtomically(dir.appending("app.log"), contents: content, permissions: 0o644)
        let outcome = try LosslessTruncation.copyAndTruncate(dir.appending("app.log"), to: dir.appending("app.log.1"))
        guard case .truncated(let copied, _, .collapseFailed(let errno)) = outcome else {
            Issue.record("expected the collapse to fail on tmpfs, got \(outcome)")
            return
        }
        #expect(errno == .notSupported && copied == content.count)
        #expect(try fs.readFile(dir.appending("app.log.1")) == content)
        #expect(try fs.readFile(dir.appending("app.log")) == [])
    }

    @Test(.enabled(if: WritersFixture.tmpfsRoot != nil, "needs a writable tmpfs directory"))
    func tmpfs_underAWriter_catchesUpAndReportsTheWindow() throws {
        let dir = try WritersFixture.newDirectory(in: WritersFixture.tmpfsRoot!)
        defer { try? FileManager.default.removeItem(atPath: dir.string) }
        let writer = try RunningLogWriter(log: dir.appending("app.log"), ["--append", "--rate", "50000"])
        #expect(writer.waitForSize(256 << 10))
        let outcome = try LosslessTruncation.copyAndTruncate(writer.log, to: dir.appending("app.log.1"))
        let written = try writer.stop()
        guard case .truncated(let copied, let window, .collapseFailed) = outcome else {
            Issue.record("expected the fallback, got \(outcome)")
            return
        }
        #expect(copied == WritersFixture.size(dir.appending("app.log.1")) && window >= .zero)
        let audit = try LineAudit(files: [dir.appending("app.log.1"), writer.log], expectedCount: written)
        #expect(audit.duplicated == 0 && audit.malformed == 0)
    }

    @Test func disabled_fallsBack_andExistingArchiveIsRefused() throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        let content = numberedLines(3000)
        try fs.writeFileAtomically(dir.appending("app.log"), contents: content, permissions: 0o644)
        try fs.writeFileAtomically(dir.appending("app.log.1"), contents: Array("old".utf8), permissions: 0o644)

        let error = try #require(throws: PlatformError.self) {
            try LosslessTruncation.copyAndTruncate(dir.appending("app.log"), to: dir.appending("app.log.1"))
        }
        #expect(error.code == .alreadyExists)
        #expect(try fs.readFile(dir.appending("app.log")) == content)
        #expect(try fs.readFile(dir.appending("app.log.1")) == Array("old".utf8))

        let outcome = try LosslessTruncation.copyAndTruncate(
            dir.appending("app.log"),
            to: dir.appending("app.log.2"),
            options: .init(allowCollapse: false)
        )
        guard case .truncated(UInt64(content.count), _, .disabled) = outcome else {
            Issue.record("expected the disabled fallback, got \(outcome)")
            return
        }
        #expect(try fs.readFile(dir.appending("app.log.2")) == content)
    }

    @Test func symlinkOrMissingLive_throwsAndCreatesNoArchive() throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        try FileManager.default.createSymbolicLink(
            atPath: dir.appending("link.log").string,
            withDestinationPath: "/etc/hostname"
        )
        #expect(throws: PlatformError.self) {
            try LosslessTruncation.copyAndTruncate(dir.appending("link.log"), to: dir.appending("link.log.1"))
        }
        #expect(throws: PlatformError.self) {
            try LosslessTruncation.copyAndTruncate(dir.appending("none.log"), to: dir.appending("none.log.1"))
        }
        #expect(try fs.contentsOfDirectory(dir) == ["link.log"])
    }
}
