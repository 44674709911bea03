import Foundation
import Testing

/// A block dropped for a bad directive is named, as logrotate does, with `found error in PATTERNS, skipping`; the
/// run exits 1 and the other blocks still rotate.
@Suite struct DroppedBlockReportTests {
    private let fm = FileManager.default

    @Test func badDirective_namesTheSkippedBlock_andRotatesTheOthers() throws {
        let dir = fm.temporaryDirectory.appendingPathComponent("lr-dropped-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("queue.log")
        let fine = dir.appendingPathComponent("mailer.log")
        for log in [broken, fine] { try Data("entry\n".utf8).write(to: log) }
        let config = dir.appendingPathComponent("cfg")
        let text = """
            \(broken.path) {
                rotate 2
                maxsize 10Q
                firstaction
                    touch \(dir.path)/ran
                endscript
            }
            \(fine.path) {
                rotate 2
            }

            """
        try Data(text.utf8).write(to: config)
        let state = dir.appendingPathComponent("state").path

        let result = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-f", "-s", state, config.path])

        #expect(result.status == 1)
        #expect(result.standardError.contains("error: found error in \(broken.path), skipping"))
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("ran").path), "the dropped block's script never runs")
        #expect(!fm.fileExists(atPath: broken.path + ".1"))
        #expect(fm.fileExists(atPath: fine.path + ".1"))
    }
}
