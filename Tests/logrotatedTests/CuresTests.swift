import Foundation
import Testing

/// The three cures through the built binary, with real writer processes.
@Suite(.serialized) struct CuresTests {
    let directory: String

    init() throws {
        directory = try scratchDirectory()
    }

    private func write(_ config: String) throws -> String {
        let path = directory + "/cfg"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func rotate(_ config: String) throws -> CommandResult {
        try logrotated(["rotate", "-f", "-s", directory + "/state", try write(config)])
    }

    @Test func rotate_signalTheProcessDoesNotHandle_isRefusedAndTheProcessSurvives() throws {
        let log = directory + "/zope.log"
        let writer = try LogWriterProcess(log: log, ["--rate", "200"])
        let result = try rotate("\(log) {\n  rotate 1\n  signal USR2 pidfile \(writer.pidFile)\n}\n")
        #expect(result.status == 1)
        #expect(result.standardError.contains("refusing to send SIGUSR2 to pid \(writer.pid) (logwriter)"))
        #expect(result.standardError.contains("keeps writing \(log).1"))
        #expect(writer.isRunning)
        let size = (try? FileManager.default.attributesOfItem(atPath: log + ".1")[.size] as? Int) ?? 0
        #expect(
            LogWriterProcess.eventually {
                ((try? FileManager.default.attributesOfItem(atPath: log + ".1")[.size] as? Int) ?? 0) > size
            }
        )
    }

    @Test func rotate_signalTheProcessHandles_isSentAndTheNewLogGetsTheLines() throws {
        let log = directory + "/app.log"
        let writer = try LogWriterProcess(log: log, ["--rate", "200", "--handle", "USR2"])
        let result = try rotate("\(log) {\n  rotate 1\n  signal SIGUSR2 pidfile \(writer.pidFile)\n}\n")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardError.contains("still writes"), "\(result.standardError)")
        #expect(writer.isRunning)
        #expect(LogWriterProcess.eventually { ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").count > 10 })
    }

    /// A block is planned in batches and its signal is sent once per batch: one signal for a block of 100 logs.
    @Test func rotate_signalledBlockOfManyLogs_sendsTheSignalOnce() throws {
        let logs = directory + "/many"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        for index in 0..<99 {
            try "line \(index)\n".write(toFile: logs + "/l\(index).log", atomically: true, encoding: .utf8)
        }
        let writer = try LogWriterProcess(log: logs + "/app.log", ["--rate", "200", "--handle", "USR2"])
        let config = try write("\(logs)/*.log {\n  rotate 1\n  signal USR2 pidfile \(writer.pidFile)\n}\n")
        let result = try logrotated(["rotate", "-v", "-f", "-s", directory + "/state", config])
        #expect(result.status == 0, "\(result.standardError)")
        let sent = result.standardError.split(separator: "\n").filter { $0.contains("sent SIGUSR2 to pid") }
        #expect(sent.count == 1, "\(sent)")
        #expect(writer.isRunning)
    }

    @Test func rotate_renameWithoutReopen_reportsTheStaleWriter() throws {
        let log = directory + "/py.log"
        let writer = try LogWriterProcess(log: log, ["--rate", "200"])
        let result = try rotate("\(log) {\n  rotate 1\n  create\n}\n")
        #expect(result.status == 0)
        #expect(result.standardError.contains("warning: pid \(writer.pid) (logwriter) still writes \(log).1"))
    }

    @Test func status_afterRenameWithoutReopen_showsTheStaleWriter() throws {
        let log = directory + "/stale.log"
        let writer = try LogWriterProcess(log: log, ["--rate", "200"])
        let config = try write("\(log) {\n  rotate 1\n  create\n}\n")
        let state = directory + "/state"
        #expect(try logrotated(["rotate", "-f", "-s", state, config]).status == 0)

        let human = try logrotated(["status", "--config", config, "--state", state])
        #expect(human.standardOutput.contains("stale writer: pid \(writer.pid) (logwriter) still writes \(log).1"))
        let json = try logrotated(["status", "--json", "--config", config, "--state", state])
        #expect(json.standardOutput.contains("\"staleWriters\":[{\"pid\":\(writer.pid),\"command\":\"logwriter\""))
    }

    @Test func doctor_json_givesTheVerdictOfEachCase() throws {
        let writers = try [
            ("plain", []), ("append", []), ("noappend", ["--no-append"]), ("stale", []), ("zope", []),
            ("handled", ["--handle", "USR2"]), ("script", []),
        ].map { name, options in (name, try LogWriterProcess(log: "\(directory)/\(name).log", options)) }
        let pid = Dictionary(uniqueKeysWithValues: writers.map { ($0.0, $0.1.pidFile) })
        writers[0].1.stop()
        let config = """
            \(directory)/plain.log \(directory)/stale.log {
              create
            }
            \(directory)/append.log \(directory)/noappend.log {
              copytruncate
            }
            \(directory)/zope.log {
              signal USR2 pidfile \(pid["zope"]!)
            }
            \(directory)/handled.log {
              signal USR2 pidfile \(pid["handled"]!)
            }
            \(directory)/script.log {
              postrotate
                kill -USR2 $(cat \(pid["script"]!))
              endscript
            }

            """
        let result = try logrotated(["doctor", "--json", try write(config)])
        #expect(result.status == 1)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        let logs = try #require(json["logs"] as? [[String: Any]])
        var codes: [String: [String]] = [:]
        for entry in logs {
            let name = ((entry["log"] as? String ?? "") as NSString).lastPathComponent
            codes[name] = (entry["verdicts"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        }
        #expect(codes["plain.log"] == ["no-writers"])
        #expect(codes["stale.log"] == ["stale-after-rename"])
        #expect(codes["append.log"]?.first?.hasPrefix("copytruncate-") == true)
        #expect(codes["append.log"] != ["copytruncate-holes"])
        #expect(codes["noappend.log"] == ["copytruncate-holes"])
        #expect(codes["zope.log"] == ["signal-would-terminate"])
        #expect(codes["handled.log"] == ["signal-handled"])
        #expect(codes["script.log"] == ["kill-script-would-terminate"])
        #expect(writers.dropFirst().allSatisfy { $0.1.isRunning })
    }

    @Test func check_killScript_warnsWithFileAndLine() throws {
        let path = try write("/tmp/x.log {\n  postrotate\n    kill -HUP `cat /run/x.pid`\n  endscript\n}\n")
        let result = try logrotated(["check", path])
        #expect(result.status == 0)
        #expect(result.standardError.contains("\(path):3: warning: postrotate script sends SIGHUP unchecked"))
        #expect(result.standardError.contains("'signal HUP pidfile /run/x.pid'"))
    }
}
