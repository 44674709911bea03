import Foundation
import Testing

/// `rotate -d` and `-v` show logrotate's note when a criterion replaces another in a block; without them it is
/// silent, and the note never changes the exit status.
@Suite struct CriterionNoteTests {
    @Test(arguments: [["-d"], ["-v"], []])
    func sizeThenHourly_isNotedOnlyInVerboseOutput(flags: [String]) throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("lr-note-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let log = dir.appendingPathComponent("cache.log")
        try Data("hit\n".utf8).write(to: log)
        let config = dir.appendingPathComponent("cfg")
        try Data("\(log.path) {\n  size 50M\n  hourly\n  rotate 1\n}\n".utf8).write(to: config)
        let state = dir.appendingPathComponent("state").path

        let result = try CommandRunner.run(CommandRunner.logrotated, ["rotate"] + flags + ["-s", state, config.path])

        #expect(result.status == 0)
        let note = "note: 'hourly' overrides previously specified 'size'"
        #expect(result.standardError.contains(note) == !flags.isEmpty)
    }
}
