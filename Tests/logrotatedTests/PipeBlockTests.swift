import Foundation
import Testing

/// `logrotated pipe` applies its log's block as `rotate` and the daemon do: the same block (found by expanding the
/// patterns), the same time rule (`at`, `spread`, `minutes`), the same `create` attributes for a file it creates.
@Suite struct PipeBlockTests {
    @Test func timeRuleWithAt_isNextCheckedAtItsMoment() throws {
        // A daily rule at an hour three hours ahead (UTC): its next moment is that hour, today or tomorrow, where a
        // rule without `at` would be checked at midnight.
        let ahead = Date().addingTimeInterval(3 * 3600)
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH"
        let hour = formatter.string(from: ahead)
        formatter.dateFormat = "yyyy-MM-dd HH:00"
        let moment = formatter.string(from: ahead)
        let fixture = try PipeFixture(block: "  daily\n  at \(hour):00\n  rotate 2\n")
        let input = try #require(try fixture.start(writer: nil, arguments: ["-v"], environment: ["TZ": "UTC"]))
        input.write(Data("one\n".utf8))
        let expected = "next check of \(fixture.log): at \(moment)"
        #expect(LogWriterProcess.eventually(timeout: 120) { fixture.standardError.contains(expected) })
        try input.close()
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        #expect(fixture.standardError.contains(expected), "\(fixture.standardError)")
    }

    @Test func patternSpelledDifferently_ownsTheLog_asRotateExpandsIt() throws {
        let fixture = try PipeFixture(block: "  size 1M\n")
        // `rotate` considers DIR/app.log for the pattern DIR//app.log (a string match found no block for it).
        let config = "\(fixture.directory.path)//app.log {\n  size 1M\n  rotate 2\n}\n"
        try Data(config.utf8).write(to: URL(fileURLWithPath: fixture.config))
        try fixture.start(writer: "printf 'one\\n'")
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        #expect(try String(contentsOfFile: fixture.log, encoding: .utf8) == "one\n")
    }

    @Test func logInTwoBlocks_belongsToTheFirst_asForRotate() throws {
        let fixture = try PipeFixture(block: "  size 1M\n")
        let directory = fixture.directory.path
        let config = "\(directory)/*.log {\n  size 1\n  rotate 2\n}\n\(directory)/app.log {\n  size 1M\n}\n"
        try Data(config.utf8).write(to: URL(fileURLWithPath: fixture.config))
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: fixture.log))
        // The first block (`size 1`) rotates the existing log at once; the second would not.
        try fixture.start(writer: "printf 'new\\n'", arguments: ["-v"])
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        #expect(fixture.files.count > 1, "rotated by the first block")
        #expect(try fixture.contents().joined() == "old\nnew\n")
    }

    @Test(.enabled(if: getuid() == 0, "gives a file to another user"))
    func missingLog_isCreatedWithTheModeOwnerAndGroupOfCreate() throws {
        let fixture = try PipeFixture(block: "  size 1M\n  create 0604 nobody nogroup\n")
        try fixture.start(writer: "printf 'one\\n'")
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        var status = stat()
        #expect(lstat(fixture.log, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o604)
        #expect(status.st_uid == getpwnam("nobody").pointee.pw_uid)
        #expect(status.st_gid == getgrnam("nogroup").pointee.gr_gid)
    }
}
