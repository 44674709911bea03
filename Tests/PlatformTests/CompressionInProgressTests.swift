import Dispatch
import Foundation
import SystemPackage
import Testing

@testable import Platform

/// `Compressor.start` / `finish`: several files in flight at once, finished on another thread.
@Suite struct CompressionInProgressTests {
    /// Members of 64 KiB: every file below has many more chunks than there are workers.
    let compressor = {
        var compressor = InProcessCompressor()
        compressor.gzipChunkSize = 64 << 10
        return compressor
    }()

    private func start(_ name: String, in dir: FilePath) throws -> any CompressionInProgress {
        try compressor.start(
            dir.appending(name),
            to: dir.appending(name + ".gz"),
            format: .gzip(level: 6),
            permissions: 0o600,
            owner: nil,
            group: nil
        )
    }

    private func gunzip(_ path: FilePath) throws -> Data {
        let result = try shell("gzip -dc '\(path.string)'")
        #expect(result.status == 0)
        return result.output
    }

    @Test func severalStartedFiles_finishedOnAnotherThread_inOrder_areComplete() throws {
        let dir = try makeScratchDirectory()
        let contents = (0..<4).map { generatedLogText(size: (1 << 20) + $0 * 12_345) }
        for (index, bytes) in contents.enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: dir.appending("log\(index)").string))
        }
        let finisher = DispatchQueue(label: "test.finisher")
        let errors = ErrorBox()
        // As the executor does: start each file here, finish it in order on one background queue.
        for index in contents.indices {
            let compression = try start("log\(index)", in: dir)
            finisher.async { errors.run { try compression.finish() } }
        }
        finisher.sync {}
        #expect(errors.all.isEmpty)
        for (index, bytes) in contents.enumerated() {
            #expect(try gunzip(dir.appending("log\(index).gz")) == Data(bytes))
        }
    }

    @Test func startedThenFinishedOnTheSameThread_isComplete() throws {
        let dir = try makeScratchDirectory()
        let bytes = generatedLogText(size: 3 << 20)
        try Data(bytes).write(to: URL(fileURLWithPath: dir.appending("log").string))
        try start("log", in: dir).finish()
        #expect(try gunzip(dir.appending("log.gz")) == Data(bytes))
    }
}

/// Errors thrown on a background queue, for the test to look at afterwards.
private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []

    func run(_ body: () throws -> Void) {
        do { try body() } catch {
            lock.lock()
            errors.append(error)
            lock.unlock()
        }
    }

    var all: [any Error] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}
