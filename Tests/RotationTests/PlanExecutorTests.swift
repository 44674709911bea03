import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import SystemPackage
import Testing

/// Where an executor test runs: the in-memory file system, or a real temporary directory.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case memory
    case disk

    var testDescription: String { rawValue }

    /// Sets up `tree` under a root, runs `body`, then removes what was made on disk.
    func withTree(_ tree: FileTree, _ body: (any FileSystem, FilePath) throws -> Void) throws {
        switch self {
        case .memory:
            try body(try memoryFileSystem(tree), "/x")
        case .disk:
            let fileSystem = PosixFileSystem()
            let root = makeTemporaryDirectory()
            defer { removeTree(root, in: fileSystem) }
            try tree.write(to: root, in: fileSystem)
            try body(fileSystem, root)
        }
    }
}

/// Plans `block` for the given log names under `root` and executes the plan.
private func rotate(
    _ names: [String] = ["a.log"],
    under root: FilePath,
    in fileSystem: any FileSystem,
    runner: RecordingProcessRunner = RecordingProcessRunner(),
    compressor: (any Compressor)? = nil,
    _ configure: (inout LogSettings) -> Void
) throws -> ExecutionReport {
    let logs = names.map { root.appending($0) }
    let block = makeBlock(logs.map(\.string), configure)
    let due = try logs.map { log in
        DueLog(path: log, status: try #require(try fileSystem.status(of: log, followSymlinks: false)))
    }
    let plan = Planner.plan(block: block, logs: due, fileSystem: fileSystem, now: testNow)
    let executor = PlanExecutor(
        fileSystem: fileSystem,
        processRunner: runner,
        compressor: compressor ?? RecordingCompressor(fileSystem: fileSystem)
    )
    return executor.execute(plan)
}

/// A runner whose scripts fail when their text is `exit 1`.
private func failingScripts() -> RecordingProcessRunner {
    RecordingProcessRunner { request in
        ProcessResult(status: request.arguments.contains("exit 1") ? .exited(1) : .exited(0))
    }
}

@Suite struct PlanExecutorTests {
    let gz = CompressionFormat.gzip(level: 6)

    @Test(arguments: Backend.allCases)
    func execute_numberedCompressCreate_leavesRotatedTree(backend: Backend) throws {
        let tree: FileTree = [
            "a.log": "new", "a.log.1.gz": .compressed(gz, "one"), "a.log.2.gz": .compressed(gz, "two"),
        ]
        try backend.withTree(tree) { fileSystem, root in
            let report = try rotate(under: root, in: fileSystem) {
                $0.rotate = 2
                $0.compress = true
                $0.create = Ownership(mode: 0o600)
            }
            #expect(report.succeeded)
            let expected: FileTree = [
                "a.log": "", "a.log.1.gz": .compressed(gz, "new"), "a.log.2.gz": .compressed(gz, "one"),
            ]
            #expect(try FileTree(reading: root, from: fileSystem) == expected)
            #expect(try fileSystem.status(of: root.appending("a.log"), followSymlinks: false)?.permissions == 0o600)
        }
    }

    @Test(arguments: Backend.allCases)
    func execute_copytruncate_copiesThenEmptiesTheLog(backend: Backend) throws {
        try backend.withTree(["a.log": "data", "a.log.1": "old"]) { fileSystem, root in
            let report = try rotate(under: root, in: fileSystem) {
                $0.rotate = 2
                $0.copyTruncate = true
            }
            #expect(report.succeeded)
            #expect(
                try FileTree(reading: root, from: fileSystem) == ["a.log": "", "a.log.1": "data", "a.log.2": "old"]
            )
        }
    }

    @Test(arguments: Backend.allCases)
    func execute_whenPrerotateExits1_failsTheLogAndTouchesNothing(backend: Backend) throws {
        let tree: FileTree = ["a.log": "new", "a.log.1": "one"]
        try backend.withTree(tree) { fileSystem, root in
            let report = try rotate(under: root, in: fileSystem, runner: failingScripts()) {
                $0.rotate = 2
                $0.scripts[.prerotate] = "exit 1"
            }
            let log = root.appending("a.log")
            let message = "error running non-shared prerotate script for \(log) of '\(log) '"
            let step = RotationStep.runScript(.prerotate, script: "exit 1", arguments: [log.string])
            #expect(report.result(for: log) == .failed(StepFailure(step: step, message: message)))
            #expect(try FileTree(reading: root, from: fileSystem) == tree)
        }
    }

    /// The `.backup` name the executor gives an existing target at `testNow`.
    private func backup(_ name: String) -> String {
        name + DateFormat("-%Y%m%d%H.backup").string(for: testNow.local, epochSeconds: testNow.epochSeconds)
    }

    @Test(arguments: Backend.allCases)
    func execute_whenRotationTargetExists_keepsItAsBackup(backend: Backend) throws {
        try backend.withTree(["a.log": "new", "a.log.1": "stale"]) { fileSystem, root in
            let report = try rotate(under: root, in: fileSystem) {
                $0.rotate = 1
                $0.compress = true
            }
            #expect(report.result(for: root.appending("a.log")) == .succeeded)
            let expected: FileTree = ["a.log.1.gz": .compressed(gz, "new"), .init(backup("a.log.1")): "stale"]
            #expect(try FileTree(reading: root, from: fileSystem) == expected)
        }
    }

    @Test(arguments: Backend.allCases)
    func execute_whenCopytruncateTargetExists_keepsItAsBackup(backend: Backend) throws {
        try backend.withTree(["a.log": "new", "a.log.1": "stale"]) { fileSystem, root in
            let report = try rotate(under: root, in: fileSystem) {
                $0.rotate = 2
                $0.compress = true
                $0.copyTruncate = true
            }
            #expect(report.result(for: root.appending("a.log")) == .succeeded)
            let expected: FileTree = [
                "a.log": "", "a.log.1.gz": .compressed(gz, "new"), .init(backup("a.log.1")): "stale",
            ]
            #expect(try FileTree(reading: root, from: fileSystem) == expected)
        }
    }

    /// logrotate overwrites `a.log.2` by its shift; here `preremove` refuses it, so it is kept aside, with an error
    /// that fails the run but not the log (whose rotation happened).
    @Test(arguments: Backend.allCases)
    func execute_whenPreremoveFails_keepsTheFileAndRotates(backend: Backend) throws {
        try backend.withTree(["a.log": "new", "a.log.1": "one", "a.log.2": "two"]) { fileSystem, root in
            let report = try rotate(under: root, in: fileSystem, runner: failingScripts()) {
                $0.rotate = 1
                $0.scripts[.preremove] = "exit 1"
            }
            #expect(report.result(for: root.appending("a.log")) == .succeeded)
            #expect(!report.succeeded)
            let expected: FileTree = ["a.log.1": "new", "a.log.2": "one", .init(backup("a.log.2")): "two"]
            #expect(try FileTree(reading: root, from: fileSystem) == expected)
        }
    }

    @Test(arguments: Backend.allCases)
    func execute_whenRotationTargetAndItsBackupExist_keepsBothUnderNumberedBackups(backend: Backend) throws {
        let tree: FileTree = ["a.log": "new", "a.log.1": "stale", .init(backup("a.log.1")): "older"]
        try backend.withTree(tree) { fileSystem, root in
            let report = try rotate(under: root, in: fileSystem) {
                $0.rotate = 1
                $0.compress = true
            }
            #expect(report.succeeded)
            let expected: FileTree = [
                "a.log.1.gz": .compressed(gz, "new"), .init(backup("a.log.1")): "older",
                .init(backup("a.log.1") + ".1"): "stale",
            ]
            #expect(try FileTree(reading: root, from: fileSystem) == expected)
        }
    }

    @Test(arguments: Backend.allCases)
    func execute_whenCompressorFails_keepsTheSourceAndOldGenerations(backend: Backend) throws {
        try backend.withTree(["a.log": "new", "a.log.1.gz": .compressed(gz, "old")]) { fileSystem, root in
            let compressor = RecordingCompressor(fileSystem: fileSystem, failing: [root.appending("a.log.1")])
            let report = try rotate(under: root, in: fileSystem, compressor: compressor) {
                $0.rotate = 1
                $0.compress = true
            }
            guard case .failed(let failure) = report.result(for: root.appending("a.log")) else {
                Issue.record("expected a failure")
                return
            }
            #expect(failure.message == "failed to compress log \(root.appending("a.log.1"))")
            let expected: FileTree = ["a.log.1": "new", "a.log.2.gz": .compressed(gz, "old")]
            #expect(try FileTree(reading: root, from: fileSystem) == expected)
        }
    }

    @Test(arguments: Backend.allCases)
    func execute_sharedScriptsWhenOneLogFails_stopsEveryLogAndPostrotate(backend: Backend) throws {
        // An old generation that is a directory cannot be shifted: `a.log` fails before it is rotated.
        let tree: FileTree = ["a.log": "a", "a.log.1.gz": ["x": "y"], "b.log": "b"]
        try backend.withTree(tree) { fileSystem, root in
            let runner = RecordingProcessRunner()
            let report = try rotate(["a.log", "b.log"], under: root, in: fileSystem, runner: runner) {
                $0.rotate = 1
                $0.compress = true
                $0.sharedScripts = true
                $0.scripts = [.postrotate: "post", .lastaction: "last"]
            }
            #expect(report.logs.allSatisfy { $0.result != .succeeded })
            #expect(runner.requests.map { $0.arguments[1] } == ["last"])
            #expect(try FileTree(reading: root, from: fileSystem) == tree)
        }
    }

    @Test func execute_whenFirstactionFails_abortsTheBlockWithoutLastaction() throws {
        let fileSystem = try memoryFileSystem(["a.log": "a"])
        let runner = failingScripts()
        let report = try rotate(under: "/x", in: fileSystem, runner: runner) {
            $0.rotate = 1
            $0.scripts = [.firstaction: "exit 1", .lastaction: "last"]
        }
        #expect(runner.requests.count == 1)
        guard case .failed(let failure) = report.result(for: "/x/a.log") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message == "error running first action script for /x/a.log ")
        #expect(try FileTree(reading: "/x", from: fileSystem) == ["a.log": "a"])
    }

    @Test func execute_whenLastactionFails_reportsABlockFailureOnly() throws {
        let fileSystem = try memoryFileSystem(["a.log": "a"])
        let report = try rotate(under: "/x", in: fileSystem, runner: failingScripts()) {
            $0.rotate = 1
            $0.scripts = [.lastaction: "exit 1"]
        }
        #expect(report.result(for: "/x/a.log") == .succeeded)
        #expect(report.blockFailures.map(\.message) == ["error running last action script for /x/a.log "])
    }

    @Test func execute_externalCompressor_runsItWithLogrotatesConventions() throws {
        let fileSystem = try memoryFileSystem(["a.log": "a"])
        let runner = RecordingProcessRunner()
        let report = try rotate(under: "/x", in: fileSystem, runner: runner) {
            $0.rotate = 1
            $0.compress = true
            $0.compressCommand = "/usr/bin/xz"
            $0.compressExtension = ".xz"
            $0.compressOptions = ["-9", "-T2"]
        }
        #expect(report.succeeded)
        let request = try #require(runner.requests.first)
        #expect(request.executable == "/usr/bin/xz")
        #expect(request.arguments == ["-9", "-T2"])
        #expect(request.environment == ["LOGROTATE_COMPRESSED_FILENAME": "/x/a.log.1"])
        #expect(request.standardInput == .file("/x/a.log.1"))
        // Written under a hidden name, renamed to the final one once complete and synced.
        #expect(request.standardOutput == .file("/x/.a.log.1.xz.logrotated-tmp"))
        #expect(try FileTree(reading: "/x", from: fileSystem) == ["a.log.1.xz": ""])
    }

    @Test func execute_maillastCompressed_uncompressesThenMailsBeforeRemoving() throws {
        let fileSystem = try memoryFileSystem(["a.log": "a", "a.log.1.gz": "z"])
        let runner = RecordingProcessRunner { request in
            ProcessResult(
                status: .exited(0),
                standardOutput: request.executable == "/bin/gunzip" ? Array("plain".utf8) : []
            )
        }
        let report = try rotate(under: "/x", in: fileSystem, runner: runner) {
            $0.rotate = 1
            $0.compress = true
            $0.mail = "ops@x"
        }
        #expect(report.succeeded)
        let mail = try #require(runner.requests.last)
        #expect(mail.executable == "/usr/bin/mail")
        #expect(mail.arguments == ["-s", "/x/a.log.2.gz", "ops@x"])
        #expect(mail.standardInput == .bytes(Array("plain".utf8)))
        #expect(try FileTree(reading: "/x", from: fileSystem) == ["a.log.1.gz": .compressed(gz, "a")])
    }

    @Test func execute_whenMailFails_keepsTheFileToDispose() throws {
        let fileSystem = try memoryFileSystem(["a.log": "a", "a.log.1": "old"])
        let runner = RecordingProcessRunner { _ in ProcessResult(status: .exited(1)) }
        let report = try rotate(under: "/x", in: fileSystem, runner: runner) {
            $0.rotate = 1
            $0.mail = "ops@x"
        }
        #expect(!report.succeeded)
        #expect(try FileTree(reading: "/x", from: fileSystem) == ["a.log.1": "a", "a.log.2": "old"])
    }
}
