import Foundation
import Platform
import SystemPackage
import Testing

@Suite struct PosixFileSystemTests {
    let fs = PosixFileSystem()

    private func scratch() throws -> FilePath {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lr-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return FilePath(path)
    }

    @Test func rename_withoutReplace_refusesExistingTarget() throws {
        let dir = try scratch()
        try fs.writeFileAtomically(dir.appending("a"), contents: Array("a".utf8), permissions: 0o644)
        try fs.writeFileAtomically(dir.appending("b"), contents: Array("b".utf8), permissions: 0o644)
        #expect(throws: PlatformError.self) {
            try fs.rename(dir.appending("a"), to: dir.appending("b"), replace: false)
        }
        #expect(try fs.readFile(dir.appending("b")) == Array("b".utf8))
        try fs.rename(dir.appending("a"), to: dir.appending("c"), replace: false)
        #expect(try fs.status(of: dir.appending("a"), followSymlinks: false) == nil)
    }

    @Test func writeFileAtomically_removesTemporariesOfDeadWritersOnly() throws {
        let dir = try scratch()
        let dead = dir.appending("state.tmp-\(Int32.max)-abc")
        let live = dir.appending("state.tmp-\(getpid())-def")
        for path in [dead, live] { try fs.createFile(path, permissions: 0o600, owner: nil, group: nil) }
        try fs.writeFileAtomically(dir.appending("state"), contents: Array("x".utf8), permissions: 0o600)
        #expect(try fs.status(of: dead, followSymlinks: false) == nil, "left by a writer that was killed")
        #expect(try fs.status(of: live, followSymlinks: false) != nil, "a running writer's")
        #expect(try fs.readFile(dir.appending("state")) == Array("x".utf8))
    }

    @Test func createFile_setsModeAndRefusesExisting() throws {
        let dir = try scratch()
        try fs.createFile(dir.appending("log"), permissions: 0o640, owner: nil, group: nil)
        #expect(try fs.status(of: dir.appending("log"), followSymlinks: false)?.permissions == 0o640)
        #expect(throws: PlatformError.self) {
            try fs.createFile(dir.appending("log"), permissions: 0o640, owner: nil, group: nil)
        }
    }

    @Test func copyFile_keepsContentAndHoles() throws {
        let dir = try scratch()
        let source = dir.appending("sparse")
        let handle = try FileDescriptor.open(source, .writeOnly, options: [.create], permissions: .ownerReadWrite)
        _ = try handle.writeAll(toAbsoluteOffset: 8 << 20, Array("tail".utf8))
        try handle.close()
        let copied = try fs.copyFile(source, to: dir.appending("copy"), permissions: 0o600, owner: nil, group: nil)
        #expect(copied == (8 << 20) + 4)
        let bytes = try fs.readFile(dir.appending("copy"))
        #expect(bytes.count == (8 << 20) + 4 && bytes.suffix(4) == Array("tail".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.appending("copy").string)
        #expect((attributes[.size] as? Int) == (8 << 20) + 4)
    }

    @Test func status_doesNotFollowSymlinks() throws {
        let dir = try scratch()
        try FileManager.default.createSymbolicLink(
            atPath: dir.appending("link").string,
            withDestinationPath: "/etc/hostname"
        )
        #expect(try fs.status(of: dir.appending("link"), followSymlinks: false)?.kind == .symlink)
        #expect(throws: PlatformError.self) { try fs.readFile(dir.appending("link")) }
    }
}
