import Foundation
import Testing

/// `logrotated pipe` under a writer faster than its compressor: the next rotation waits for the compression before it
/// (it would shift the archive being compressed), and the log grows to twice its size limit at most while a rotation
/// runs: past that the pipe stops reading, which slows the writer to the compressor's pace. Nothing is lost.
@Suite struct PipeCompressionBoundTests {
    @Test func compressionSlowerThanTheWriter_newLogStopsAtTwiceItsLimit_everyLineOnce() throws {
        let limit = 100 * 1024
        let readLimit = 64 * 1024
        let fixture = try PipeFixture(block: "  size 100k\n  rotate 1000\n  compress\n", logsIn: "logs")
        let released = fixture.directory.appendingPathComponent("released").path
        // gzip that waits until the test lets it go.
        let compressor = fixture.directory.appendingPathComponent("held-gzip").path
        let script = "#!/bin/sh\n\(PipeFixture.waitingFor(released))\nexec gzip \"$@\"\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: compressor))
        #expect(chmod(compressor, 0o755) == 0)
        let config = try String(contentsOfFile: fixture.config, encoding: .utf8)
            .replacingOccurrences(of: "  compress\n", with: "  compress\n  compresscmd \(compressor)\n")
        try Data(config.utf8).write(to: URL(fileURLWithPath: fixture.config))
        // 5 MB of lines at full speed; reads of 64 KiB at most.
        try fixture.start(writer: "seq -f 'line %08.0f end' 1 280000", arguments: ["--line-limit", "\(readLimit)"])
        let logSize = { (try? FileManager.default.attributesOfItem(atPath: fixture.log))?[.size] as? Int ?? 0 }
        #expect(
            LogWriterProcess.eventually(timeout: 120) { FileManager.default.fileExists(atPath: fixture.log + ".1") }
        )
        #expect(LogWriterProcess.eventually(timeout: 120) { logSize() >= 2 * limit })
        #expect(logSize() < 2 * limit + readLimit, "the new log while the first compression is held")
        #expect(fixture.writer.isRunning, "held back by the pipe")
        #expect(FileManager.default.createFile(atPath: released, contents: nil))
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        let texts = try fixture.contents()
        #expect(PipeCommandTests.checkSequence(texts) == 280_000)
        #expect(texts.allSatisfy { $0.utf8.count < 2 * limit + readLimit }, "\(texts.map(\.utf8.count))")
    }
}
