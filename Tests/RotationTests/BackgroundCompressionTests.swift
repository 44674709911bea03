import Dispatch
import Glibc
import LogrotateConfig
import Platform
import PlatformTesting
import Rotation
import Synchronization
import SystemPackage
import Testing

/// A compressor whose work happens in `finish`, with a journal of starts and finishes. The finish of `held` waits
/// (up to 10 s, then notes a timeout) until the compression of `release` starts; the finish of `slow` sleeps 100 ms;
/// the compression of `failing` fails.
private final class DeferredCompressor: Compressor {
    let inner: RecordingCompressor
    let held: FilePath?
    let release: FilePath?
    let slow: FilePath?
    let journal = Mutex<[String]>([])
    private let gate = DispatchSemaphore(value: 0)

    init(
        _ fileSystem: any FileSystem,
        held: FilePath? = nil,
        release: FilePath? = nil,
        slow: FilePath? = nil,
        failing: Set<FilePath> = []
    ) {
        inner = RecordingCompressor(fileSystem: fileSystem, failing: failing)
        self.held = held
        self.release = release
        self.slow = slow
    }

    func compress(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) {
        try start(source, to: target, format: format, permissions: permissions, owner: owner, group: group).finish()
    }

    func start(
        _ source: FilePath,
        to target: FilePath,
        format: CompressionFormat,
        permissions: UInt32,
        owner: UInt32?,
        group: UInt32?
    ) throws(PlatformError) -> any CompressionInProgress {
        journal.withLock { $0.append("start \(source.lastComponent!)") }
        if source == release { gate.signal() }
        return Finish { () throws(PlatformError) in
            if source == self.held, self.gate.wait(timeout: .now() + 10) == .timedOut {
                self.journal.withLock { $0.append("timeout") }
            }
            if source == self.slow { usleep(100_000) }
            defer { self.journal.withLock { $0.append("finish \(source.lastComponent!)") } }
            try self.inner.compress(
                source,
                to: target,
                format: format,
                permissions: permissions,
                owner: owner,
                group: group
            )
        }
    }

    struct Finish: CompressionInProgress {
        let body: @Sendable () throws(PlatformError) -> Void
        func finish() throws(PlatformError) { try body() }
    }
}

@Suite struct BackgroundCompressionTests {
    let gz = CompressionFormat.gzip(level: 6)

    private func execute(
        _ fileSystem: any FileSystem,
        _ compressor: DeferredCompressor,
        runner: RecordingProcessRunner = RecordingProcessRunner(),
        _ configure: (inout LogSettings) -> Void
    ) -> ExecutionReport {
        let logs: [FilePath] = ["/x/a.log", "/x/b.log"]
        let block = makeBlock(logs.map(\.string)) {
            $0.rotate = 1
            $0.compress = true
            configure(&$0)
        }
        let plan = plan(block, logs: logs, in: fileSystem)
        return PlanExecutor(fileSystem: fileSystem, processRunner: runner, compressor: compressor).execute(plan)
    }

    @Test func nextLogRotates_whileACompressionFinishes() throws {
        let fileSystem = try memoryFileSystem(["a.log": "aa", "b.log": "bb"])
        // a.log.1's compression finishes only once b.log has been rotated and its compression started.
        let compressor = DeferredCompressor(fileSystem, held: "/x/a.log.1", release: "/x/b.log.1")
        let report = execute(fileSystem, compressor) { _ in }

        #expect(report.succeeded)
        #expect(
            compressor.journal.withLock { $0 } == [
                "start a.log.1", "start b.log.1", "finish a.log.1", "finish b.log.1",
            ]
        )
        let expected: FileTree = ["a.log.1.gz": .compressed(gz, "aa"), "b.log.1.gz": .compressed(gz, "bb")]
        #expect(try FileTree(reading: "/x", from: fileSystem) == expected)
    }

    @Test func script_seesEveryEarlierCompressionComplete() throws {
        let fileSystem = try memoryFileSystem(["a.log": "aa", "b.log": "bb"])
        let compressor = DeferredCompressor(fileSystem, slow: "/x/a.log.1")
        let seen = Mutex<[String]>([])
        let runner = RecordingProcessRunner { request in
            if request.arguments.contains("/x/b.log") {
                let names = (try? fileSystem.contentsOfDirectory("/x")) ?? []
                seen.withLock { $0 = names.map(\.string).sorted() }
            }
            return ProcessResult(status: .exited(0))
        }
        let report = execute(fileSystem, compressor, runner: runner) { $0.scripts[.postrotate] = "true" }

        #expect(report.succeeded)
        // b.log's postrotate runs after a.log.1 is compressed and removed.
        #expect(seen.withLock { $0 } == ["a.log.1.gz", "b.log.1"])
    }

    @Test func failureInTheBackground_stopsOnlyItsLog() throws {
        let fileSystem = try memoryFileSystem(["a.log": "aa", "b.log": "bb"])
        let compressor = DeferredCompressor(fileSystem, failing: ["/x/a.log.1"])
        var errors: [String] = []
        let logs: [FilePath] = ["/x/a.log", "/x/b.log"]
        let block = makeBlock(logs.map(\.string)) {
            $0.rotate = 1
            $0.compress = true
        }
        let executor = PlanExecutor(
            fileSystem: fileSystem,
            processRunner: RecordingProcessRunner(),
            compressor: compressor
        )
        let report = executor.execute(plan(block, logs: logs, in: fileSystem)) { event in
            if case .error(let message) = event { errors.append(message) }
        }

        #expect(report.result(for: "/x/a.log") != .succeeded)
        #expect(report.result(for: "/x/b.log") == .succeeded)
        #expect(errors == ["failed to compress log /x/a.log.1"])
        let expected: FileTree = ["a.log.1": "aa", "b.log.1.gz": .compressed(gz, "bb")]
        #expect(try FileTree(reading: "/x", from: fileSystem) == expected)
    }

    @Test func sharedScripts_compressOneAfterTheOther() throws {
        let fileSystem = try memoryFileSystem(["a.log": "aa", "b.log": "bb"])
        let compressor = DeferredCompressor(fileSystem, slow: "/x/a.log.1")
        let report = execute(fileSystem, compressor) { $0.sharedScripts = true }

        #expect(report.succeeded)
        #expect(
            compressor.journal.withLock { $0 } == [
                "start a.log.1", "finish a.log.1", "start b.log.1", "finish b.log.1",
            ]
        )
    }
}
