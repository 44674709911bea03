import Foundation
import Testing

/// `logrotated pipe` with real processes: a shell writer piped into it, many rotations, every line exactly once.
@Suite struct PipeCommandTests {
    /// `line 00000001 end`: a fixed width line, so a split line is easy to tell from a whole one.
    static func line(_ number: Int) -> String {
        "line " + String(repeating: "0", count: max(0, 8 - String(number).count)) + "\(number) end"
    }

    /// Checks that `texts` (one per file, oldest first) hold lines 1…N in order, each once and whole, every file
    /// ending at a line end; returns N. A trailing partial line is allowed when `partialTail`.
    static func checkSequence(_ texts: [String], partialTail: Bool = false) -> Int {
        var next = 1
        let lastWritten = texts.lastIndex { !$0.isEmpty }
        for (index, text) in texts.enumerated() where !text.isEmpty {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let tail = lines.removeLast()
            for found in lines {
                guard found == line(next) else {
                    Issue.record("file \(index): expected '\(line(next))', found '\(found)'")
                    return next - 1
                }
                next += 1
            }
            // A partial line may end the last file only, and only as the start of the line that follows.
            let isLast = index == lastWritten
            #expect(
                tail.isEmpty || (partialTail && isLast && line(next).hasPrefix(tail)),
                "file \(index) ends mid-line: '\(tail)' after \(next - 1) lines"
            )
        }
        return next - 1
    }

    @Test func writerAtFullSpeed_rotatesManyTimes_everyLineOnceAndWhole_exit0() throws {
        // External gzip (an option other than -N): the debug build's in-process gzip is too slow for many rotations.
        // Every archive is kept: the writer is faster than gzip, and the log reaches twice its limit before each
        // rotation, so 54 MB make at least 25 of them.
        let fixture = try PipeFixture(block: "  size 1M\n  rotate 1000\n  compress\n  compressoptions --fast\n")
        try fixture.start(writer: "seq -f 'line %08.0f end' 1 3000000")
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        #expect(fixture.writer.terminationStatus == 0)
        let texts = try fixture.contents()
        #expect(Self.checkSequence(texts) == 3_000_000)
        #expect(fixture.files.count > 2, "rotated: \(fixture.files.count - 1) archives")
        #expect(fixture.files.dropLast().allSatisfy { $0.hasSuffix(".gz") })
    }

    @Test func slowWriter_rotatesAtEachSizeLimit_withoutSplittingLines() throws {
        let fixture = try PipeFixture(block: "  size 1k\n  rotate 100\n")
        let input = try #require(try fixture.start(writer: nil))
        // Batches of 100 lines (1.8 kB, over the limit, in one write: read at once), each sent once the pipe has
        // rotated the one before.
        for batch in 0..<20 {
            let lines = (batch * 100 + 1...batch * 100 + 100).map { Self.line($0) + "\n" }.joined()
            input.write(Data(lines.utf8))
            #expect(LogWriterProcess.eventually(timeout: 120) { fixture.files.count > batch + 1 }, "batch \(batch)")
        }
        try input.close()
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        let texts = try fixture.contents()
        #expect(Self.checkSequence(texts) == 2000)
        #expect(fixture.files.count == 21, "one rotation per batch: \(fixture.files.count - 1) archives")
    }

    @Test func endOfInput_writesThePartialLastLine_andExits0() throws {
        let fixture = try PipeFixture(block: "  size 1M\n  rotate 2\n")
        try fixture.start(writer: "printf 'one\\ntwo\\nthree without end'")
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        #expect(try String(contentsOfFile: fixture.log, encoding: .utf8) == "one\ntwo\nthree without end")
    }

    @Test func sigterm_whileWriting_flushesWhatWasRead_andExits0() throws {
        let fixture = try PipeFixture(block: "  size 50k\n  rotate 500\n  compress\n")
        try fixture.start(writer: "seq -f 'line %08.0f end' 1 100000000")
        // Stopped once it has rotated (50 kB of lines written).
        #expect(LogWriterProcess.eventually { fixture.files.count > 1 })
        kill(fixture.pipe.processIdentifier, SIGTERM)
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        fixture.writer.waitUntilExit()
        let count = Self.checkSequence(try fixture.contents(), partialTail: true)
        #expect(count > 1000)
    }

    @Test func rotate_skipsALogThatAPipeWrites_andTakesItBackAfter() throws {
        let fixture = try PipeFixture(block: "  size 1M\n  rotate 2\n")
        let input = try #require(try fixture.start(writer: nil))
        input.write(Data("first\n".utf8))
        #expect(
            LogWriterProcess.eventually { (try? String(contentsOfFile: fixture.log, encoding: .utf8)) == "first\n" }
        )
        let otherState = fixture.directory.appendingPathComponent("other-state").path
        let skipped = try CommandRunner.run(
            CommandRunner.logrotated,
            ["rotate", "-fv", "-s", otherState, fixture.config]
        )
        #expect(skipped.status == 0, "\(skipped.standardError)")
        #expect(
            skipped.standardError.contains(
                "is written and rotated by logrotated pipe (pid \(fixture.pipe.processIdentifier)"
            )
        )
        #expect(!FileManager.default.fileExists(atPath: fixture.log + ".1"))
        try input.close()
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        let rotated = try CommandRunner.run(
            CommandRunner.logrotated,
            ["rotate", "-f", "-s", otherState, fixture.config]
        )
        #expect(rotated.status == 0, "\(rotated.standardError)")
        #expect(FileManager.default.fileExists(atPath: fixture.log + ".1"), "rotated once the pipe is gone")
    }

    @Test func secondPipe_onTheSameLog_exits3() throws {
        let fixture = try PipeFixture(block: "  size 1M\n")
        let input = try #require(try fixture.start(writer: nil))
        input.write(Data("x\n".utf8))
        #expect(LogWriterProcess.eventually { FileManager.default.fileExists(atPath: fixture.log) })
        let second = try CommandRunner.run(
            CommandRunner.logrotated,
            ["pipe", "-c", fixture.config, "-s", fixture.state + "2", fixture.log]
        )
        #expect(second.status == 3)
        #expect(second.standardError.contains("already written by pid \(fixture.pipe.processIdentifier)"))
        try input.close()
        #expect(fixture.waitForPipe() == 0)
    }

    @Test func sighup_reloadsTheConfiguration() throws {
        let fixture = try PipeFixture(block: "  size 1M\n  rotate 2\n")
        let input = try #require(try fixture.start(writer: nil))
        input.write(Data("before reload\n".utf8))
        #expect(
            LogWriterProcess.eventually {
                (try? String(contentsOfFile: fixture.log, encoding: .utf8)) == "before reload\n"
            }
        )
        let smaller = "\(fixture.directory.path)/app.log {\n  size 5\n  rotate 2\n}\n"
        try Data(smaller.utf8).write(to: URL(fileURLWithPath: fixture.config))
        kill(fixture.pipe.processIdentifier, SIGHUP)
        #expect(LogWriterProcess.eventually { FileManager.default.fileExists(atPath: fixture.log + ".1") })
        input.write(Data("after reload\n".utf8))
        try input.close()
        #expect(fixture.waitForPipe() == 0, "\(fixture.standardError)")
        // The new limit (5 bytes) applies: the first line was rotated out on reload; the second, also over the limit,
        // may be rotated too before the pipe ends. Either way both lines are there, once, in order.
        let files = [fixture.log + ".2", fixture.log + ".1", fixture.log]
        let text = files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.joined()
        #expect(text == "before reload\nafter reload\n")
        #expect(try String(contentsOfFile: fixture.log + ".1", encoding: .utf8) != "before reload\nafter reload\n")
    }
}
