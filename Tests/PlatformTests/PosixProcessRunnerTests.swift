import Foundation
import Platform
import SystemPackage
import Testing

@Suite struct PosixProcessRunnerTests {
    let runner = PosixProcessRunner(terminationGracePeriod: 1)

    private func script(_ text: String, _ arguments: [String] = []) -> ProcessRequest {
        var request = ProcessRequest.script(text, arguments: arguments)
        request.standardOutput = .capture
        request.captureStandardError = true
        return request
    }

    @Test func script_receivesLogrotateArguments() throws {
        let result = try runner.run(script("printf '%s|%s|%s' \"$0\" \"$1\" \"$2\"", ["/var/log/a b.log", "x.1"]))
        #expect(result.status == .exited(0))
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "logrotate_script|/var/log/a b.log|x.1")
    }

    @Test(arguments: [0, 1, 3, 255])
    func exitCode_isReported(code: Int32) throws {
        let result = try runner.run(script("exit \(code)"))
        #expect(result.status == .exited(code))
        #expect(result.status.isSuccess == (code == 0))
    }

    @Test func signal_isReported() throws {
        #expect(try runner.run(script("kill -USR1 $$")).status == .signaled(SIGUSR1))
    }

    @Test func environment_addsAndReplacesVariables() throws {
        var request = script("printf '%s:%s:%s' \"$LR_TEST\" \"$HOME\" \"${PATH:+set}\"")
        request.environment = ["LR_TEST": "value with spaces", "HOME": "/nowhere"]
        let result = try runner.run(request)
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "value with spaces:/nowhere:set")
    }

    @Test func standardInput_fromBytesAndFile() throws {
        var request = script("cat")
        request.standardInput = .bytes(Array("fed through a socket\n".utf8))
        #expect(try runner.run(request).standardOutput == Array("fed through a socket\n".utf8))

        let dir = try makeScratchDirectory()
        try Data("from a file".utf8).write(to: URL(fileURLWithPath: dir.appending("in").string))
        request.standardInput = .file(dir.appending("in"))
        #expect(try runner.run(request).standardOutput == Array("from a file".utf8))

        request.standardInput = .null
        #expect(try runner.run(request).standardOutput == [])
    }

    @Test func standardOutput_toExistingFile_truncates() throws {
        let dir = try makeScratchDirectory()
        let out = dir.appending("out")
        try Data("old content that is longer".utf8).write(to: URL(fileURLWithPath: out.string))
        var request = script("echo new")
        request.standardOutput = .file(out)
        #expect(try runner.run(request).status == .exited(0))
        #expect(try String(contentsOfFile: out.string, encoding: .utf8) == "new\n")
    }

    @Test func standardOutput_toSymlink_isRefused() throws {
        let dir = try makeScratchDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir.appending("link").string, withDestinationPath: "/tmp/x")
        var request = script("echo new")
        request.standardOutput = .file(dir.appending("link"))
        #expect(throws: PlatformError.self) { try runner.run(request) }
    }

    @Test func standardError_isCapturedSeparately() throws {
        let result = try runner.run(script("echo out; echo err >&2; exit 2"))
        #expect(
            result
                == ProcessResult(
                    status: .exited(2),
                    standardOutput: Array("out\n".utf8),
                    standardError: Array("err\n".utf8)
                )
        )
    }

    @Test func largeOutputs_onBothStreams_doNotDeadlock() throws {
        var request = script("head -c 4194304 /dev/zero; head -c 3145728 /dev/zero >&2; cat")
        request.standardInput = .bytes([UInt8](repeating: 7, count: 5 << 20))
        let result = try runner.run(request)
        #expect(result.status == .exited(0))
        #expect(result.standardOutput.count == (4 << 20) + (5 << 20))
        #expect(result.standardError.count == 3 << 20)
    }

    @Test func childIgnoringStandardInput_doesNotKillUs() throws {
        var request = script("exit 0")
        request.standardInput = .bytes([UInt8](repeating: 1, count: 1 << 20))
        #expect(try runner.run(request).status == .exited(0))
    }

    @Test func timeout_terminatesTheScriptAndWhatItStarted() throws {
        var request = script("sleep 100; echo never")
        request.timeout = 0.3
        let start = Date()
        let result = try runner.run(request)
        #expect(result.status == .timedOut)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func timeout_killsAChildThatIgnoresSigterm() throws {
        var request = script("trap '' TERM; while :; do sleep 0.05; done")
        request.timeout = 0.2
        #expect(try runner.run(request).status == .timedOut)
    }

    @Test func exitedChild_withGrandchildHoldingThePipe_returns() throws {
        let start = Date()
        let result = try runner.run(script("sleep 3 & echo started"))
        #expect(result.status == .exited(0))
        #expect(Date().timeIntervalSince(start) < 2.5)
    }

    @Test func missingExecutable_throwsNotFound() throws {
        for name in ["/nonexistent/program", "no-such-program-lr"] {
            #expect {
                try runner.run(ProcessRequest(executable: name))
            } throws: { error in
                (error as? PlatformError)?.code == .notFound
            }
        }
    }

    @Test func bareName_isSearchedInPath_withArgv0() throws {
        let request = ProcessRequest(
            executable: "sh",
            argv0: "custom-name",
            arguments: ["-c", "echo \"$0\"", "zero"],
            standardOutput: .capture
        )
        #expect(try runner.run(request).standardOutput == Array("zero\n".utf8))
    }

    @Test(.enabled(if: geteuid() == 0)) func userAndGroup_areDroppedPermanently() throws {
        for executable in ["/bin/sh", "sh"] {
            var request = ProcessRequest(
                executable: executable,
                arguments: ["-c", "echo $(id -u) $(id -g) $(id -G); pwd"],
                standardOutput: .capture,
                userID: 65_534,
                groupID: 65_534
            )
            request.captureStandardError = true
            let result = try runner.run(request)
            #expect(result.status == .exited(0))
            #expect(String(decoding: result.standardOutput, as: UTF8.self) == "65534 65534 65534\n/\n")
        }
    }
}
