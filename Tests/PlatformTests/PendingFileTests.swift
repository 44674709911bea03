import Foundation
import SystemPackage
import Testing

@testable import Platform

/// A pending file has no name until it is published whole, and leaves nothing when discarded.
@Suite struct PendingFileTests {
    private func names(in directory: FilePath) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.string).sorted()
    }

    private func write(_ text: String, to file: PendingFile) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(file.descriptor, $0.baseAddress, $0.count) }
    }

    @Test func data_isUnnamedUntilPublished_thenWholeUnderTheTarget() throws {
        let directory = try makeScratchDirectory()
        let target = directory.appending("a.log.1.gz")
        let file = try PendingFile.create(for: target, permissions: 0o640, owner: nil, group: nil)
        write("whole\n", to: file)
        #expect(try names(in: directory).isEmpty, "nothing under any name while being written")
        try file.publish()
        #expect(try names(in: directory) == ["a.log.1.gz"])
        #expect(try String(contentsOfFile: target.string, encoding: .utf8) == "whole\n")
        #expect(try PosixFileSystem().status(of: target, followSymlinks: false)?.permissions == 0o640)
    }

    @Test func discard_leavesNothing() throws {
        let directory = try makeScratchDirectory()
        let file = try PendingFile.create(for: directory.appending("a"), permissions: 0o600, owner: nil, group: nil)
        write("cut", to: file)
        file.discard()
        #expect(try names(in: directory).isEmpty)
    }

    @Test func publish_neverReplacesAFileThatAppearedMeanwhile() throws {
        let directory = try makeScratchDirectory()
        let target = directory.appending("a")
        let file = try PendingFile.create(for: target, permissions: 0o600, owner: nil, group: nil)
        write("ours", to: file)
        try PosixFileSystem().writeFileAtomically(target, contents: Array("theirs".utf8), permissions: 0o600)
        #expect(throws: PlatformError.self) { try file.publish() }
        #expect(try String(contentsOfFile: target.string, encoding: .utf8) == "theirs")
        #expect(try names(in: directory) == ["a"])
    }

    @Test func create_refusesAnExistingTarget() throws {
        let directory = try makeScratchDirectory()
        let target = directory.appending("a")
        try PosixFileSystem().writeFileAtomically(target, contents: [], permissions: 0o600)
        #expect(throws: PlatformError.self) {
            try PendingFile.create(for: target, permissions: 0o600, owner: nil, group: nil)
        }
    }
}
