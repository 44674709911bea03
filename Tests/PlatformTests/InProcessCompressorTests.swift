import Foundation
import SystemPackage
import Testing

@testable import Platform

@Suite struct InProcessCompressorTests {
    /// Small members so that "several chunks" stays cheap.
    let compressor = {
        var compressor = InProcessCompressor()
        compressor.gzipChunkSize = 64 << 10
        return compressor
    }()

    private func write(_ bytes: [UInt8], to path: FilePath) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path.string))
    }

    private func decompress(_ path: FilePath, _ format: CompressionFormat) throws -> Data {
        let tool = if case .gzip = format { "gzip" } else { "zstd -q" }
        let result = try shell("\(tool) -dc '\(path.string)'")
        #expect(result.status == 0)
        return result.output
    }

    private func roundTrip(_ bytes: [UInt8], _ format: CompressionFormat) throws {
        let dir = try makeScratchDirectory()
        try write(bytes, to: dir.appending("log"))
        try compressor.compress(
            dir.appending("log"),
            to: dir.appending("log.z"),
            format: format,
            permissions: 0o640,
            owner: nil,
            group: nil
        )
        #expect(try decompress(dir.appending("log.z"), format) == Data(bytes))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.appending("log").string)) == Data(bytes))
    }

    static let formats: [CompressionFormat] = [.gzip(level: 6), .zstd(level: 3)]

    @Test(arguments: formats, [0, 1, 64 << 10, 5 * (64 << 10) + 17])
    func roundTrip_matchesInput(format: CompressionFormat, size: Int) throws {
        try roundTrip(generatedLogText(size: size), format)
    }

    @Test(arguments: formats)
    func roundTrip_incompressibleData(format: CompressionFormat) throws {
        var generator = SplitMix(seed: 7)
        try roundTrip((0..<(700 << 10)).map { _ in UInt8.random(in: 0...255, using: &generator) }, format)
    }

    @Test(arguments: formats)
    func roundTrip_50MiB_withDefaultChunks(format: CompressionFormat) throws {
        let dir = try makeScratchDirectory()
        let bytes = generatedLogText(size: 50 << 20)
        try write(bytes, to: dir.appending("big"))
        try InProcessCompressor().compress(
            dir.appending("big"),
            to: dir.appending("big.z"),
            format: format,
            permissions: 0o600,
            owner: nil,
            group: nil
        )
        #expect(try decompress(dir.appending("big.z"), format) == Data(bytes))
        if case .gzip = format {
            #expect(try shell("gzip -t '\(dir.appending("big.z").string)'").status == 0)
        }
    }

    @Test func gzip_sizeIsWithinOnePercentOfGzip6() throws {
        let dir = try makeScratchDirectory()
        try write(generatedLogText(size: 8 << 20), to: dir.appending("log"))
        try InProcessCompressor().compress(
            dir.appending("log"),
            to: dir.appending("log.gz"),
            format: .gzip(level: 6),
            permissions: 0o600,
            owner: nil,
            group: nil
        )
        let ours = try FileManager.default.attributesOfItem(atPath: dir.appending("log.gz").string)[.size] as! Int
        let reference = try shell("gzip -6 -c '\(dir.appending("log").string)' | wc -c")
        let theirs = Int(
            String(decoding: reference.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )!
        #expect(Double(ours) <= Double(theirs) * 1.01, "ours \(ours), gzip -6 \(theirs)")
    }

    @Test(arguments: formats)
    func target_getsModeAndSourceTimes(format: CompressionFormat) throws {
        let dir = try makeScratchDirectory()
        let source = dir.appending("log")
        try write(Array("hello\n".utf8), to: source)
        try PosixFileSystem().setTimes(
            source,
            access: Timestamp(seconds: 1_600_000_000, nanoseconds: 123_456_789),
            modification: Timestamp(seconds: 1_500_000_000, nanoseconds: 987_654_321)
        )
        try compressor.compress(
            source,
            to: dir.appending("log.z"),
            format: format,
            permissions: 0o604,
            owner: nil,
            group: nil
        )
        let status = try #require(try PosixFileSystem().status(of: dir.appending("log.z"), followSymlinks: false))
        #expect(status.permissions == 0o604)
        #expect(status.accessTime == Timestamp(seconds: 1_600_000_000, nanoseconds: 123_456_789))
        #expect(status.modificationTime == Timestamp(seconds: 1_500_000_000, nanoseconds: 987_654_321))
    }

    @Test func existingTarget_isRefusedAndKept() throws {
        let dir = try makeScratchDirectory()
        try write(Array("new".utf8), to: dir.appending("log"))
        try write(Array("old".utf8), to: dir.appending("log.gz"))
        #expect {
            try compressor.compress(
                dir.appending("log"),
                to: dir.appending("log.gz"),
                format: .gzip(level: 6),
                permissions: 0o600,
                owner: nil,
                group: nil
            )
        } throws: { ($0 as? PlatformError)?.code == .alreadyExists }
        #expect(try PosixFileSystem().readFile(dir.appending("log.gz")) == Array("old".utf8))
    }

    @Test func unreadableSource_leavesNoTarget() throws {
        let dir = try makeScratchDirectory()
        #expect(throws: PlatformError.self) {
            try compressor.compress(
                dir.appending("missing"),
                to: dir.appending("missing.gz"),
                format: .gzip(level: 6),
                permissions: 0o600,
                owner: nil,
                group: nil
            )
        }
        // A directory is refused before any target is created.
        try FileManager.default.createDirectory(atPath: dir.appending("d").string, withIntermediateDirectories: false)
        #expect(throws: PlatformError.self) {
            try compressor.compress(
                dir.appending("d"),
                to: dir.appending("d.gz"),
                format: .gzip(level: 6),
                permissions: 0o600,
                owner: nil,
                group: nil
            )
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.string) == ["d"])
    }

    @Test func fifoAndSymlink_areRefusedWithoutHanging() throws {
        let dir = try makeScratchDirectory()
        #expect(mkfifo(dir.appending("fifo").string, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: dir.appending("link").string,
            withDestinationPath: "/etc/hostname"
        )
        for name in ["fifo", "link"] {
            #expect {
                try compressor.compress(
                    dir.appending(name),
                    to: dir.appending(name + ".gz"),
                    format: .gzip(level: 6),
                    permissions: 0o600,
                    owner: nil,
                    group: nil
                )
            } throws: { ($0 as? PlatformError)?.code == .notSupported }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.string).sorted() == ["fifo", "link"])
    }
}
