import Foundation
import Testing

/// A scratch directory for one CLI test, removed afterwards.
private func withScratch(_ body: (URL) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("checkcmd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try body(dir)
}

private func write(_ text: String, to url: URL) throws {
    try text.write(to: url, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
}

@Test func check_validConfig_exitsZeroSilently() throws {
    try withScratch { dir in
        let config = dir.appendingPathComponent("ok.conf")
        try write("/var/log/x.log {\n daily\n}\n", to: config)
        let result = try CommandRunner.run(CommandRunner.logrotated, ["check", config.path])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.isEmpty)
    }
}

@Test func check_errors_exitOneWithFileLineDiagnostics() throws {
    try withScratch { dir in
        let config = dir.appendingPathComponent("bad.conf")
        try write("/var/log/x.log {\n rotate five\n bogus\n}\n", to: config)
        let result = try CommandRunner.run(CommandRunner.logrotated, ["check", config.path])
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                \(config.path):2: error: bad rotation count 'five' (rotate expects an integer >= -1)

                """
        )
    }
}

@Test func check_warningsOnly_exitZero() throws {
    try withScratch { dir in
        let config = dir.appendingPathComponent("warn.conf")
        try write("/var/log/x.log {\n bogus\n}\n", to: config)
        let result = try CommandRunner.run(CommandRunner.logrotated, ["check", config.path])
        #expect(result.status == 0)
        #expect(result.standardError == "\(config.path):2: warning: unknown option 'bogus' -- ignoring line\n")
    }
}

@Test func check_print_writesEffectiveSettings() throws {
    try withScratch { dir in
        let config = dir.appendingPathComponent("print.conf")
        try write("compress\nrotate 3\n/var/log/x.log {\n weekly 1\n}\n", to: config)
        let result = try CommandRunner.run(CommandRunner.logrotated, ["check", "--print", config.path])
        #expect(result.status == 0)
        #expect(
            result.standardOutput == """
                # \(config.path):3
                /var/log/x.log {
                    weekly 1
                    rotate 3
                    compress
                }

                """
        )
    }
}

@Test func check_missingConfig_exitsOne() throws {
    let result = try CommandRunner.run(CommandRunner.logrotated, ["check", "/nonexistent/logrotated.conf"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("cannot stat /nonexistent/logrotated.conf"))
}

@Test func check_help_teaches() throws {
    let result = try CommandRunner.run(CommandRunner.logrotated, ["check", "--help"])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("FILE:LINE: error|warning: MESSAGE"))
    #expect(result.standardOutput.contains("--print"))
}
