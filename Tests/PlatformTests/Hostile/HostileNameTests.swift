import Foundation
import Platform
import SystemPackage
import Testing

/// Names an unprivileged directory owner can plant where we expect a regular file: a symlink to a file outside, a
/// FIFO (with and without a writer), a directory. Every content operation refuses them without following or waiting.
@Suite struct HostileNameTests {
    let fs = PosixFileSystem()

    /// A scratch directory with `victim` (outside the "log directory") and `logs/`.
    private func tree() throws -> (victim: FilePath, logs: FilePath) {
        let root = try makeScratchDirectory()
        let victim = root.appending("victim")
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim.string))
        let logs = root.appending("logs")
        try FileManager.default.createDirectory(atPath: logs.string, withIntermediateDirectories: false)
        return (victim, logs)
    }

    private func contents(_ path: FilePath) throws -> String {
        try String(contentsOfFile: path.string, encoding: .utf8)
    }

    @Test func shred_whenNameIsSymlinkToVictim_refusesAndLeavesVictim() throws {
        let (victim, logs) = try tree()
        let planted = logs.appending("app.log.4")
        try FileManager.default.createSymbolicLink(atPath: planted.string, withDestinationPath: victim.string)
        let error = #expect(throws: PlatformError.self) { try fs.shred(planted, passes: 1, allowHardLinks: false) }
        #expect(error?.message.contains("symbolic link") == true)
        #expect(try contents(victim) == "precious\n")
    }

    @Test func shred_whenFileHasAnotherHardLink_refusesUnlessAllowed() throws {
        let (victim, logs) = try tree()
        let planted = logs.appending("app.log.4")
        try FileManager.default.linkItem(atPath: victim.string, toPath: planted.string)
        #expect(throws: PlatformError.self) { try fs.shred(planted, passes: 1, allowHardLinks: false) }
        #expect(try contents(victim) == "precious\n")
        try fs.shred(planted, passes: 2, allowHardLinks: true)
        #expect(try fs.readFile(victim) != Array("precious\n".utf8))
    }

    @Test func shred_overwritesInPlaceAndKeepsTheName() throws {
        let (_, logs) = try tree()
        let log = logs.appending("app.log.1")
        let original = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        try Data(original).write(to: URL(fileURLWithPath: log.string))
        try fs.shred(log, passes: 3, allowHardLinks: false)
        let after = try fs.readFile(log)
        #expect(after.count == original.count)
        #expect(after.filter { $0 == UInt8(ascii: "x") }.count < 10_000)
    }

    @Test(arguments: ["symlink", "fifo", "directory"])
    func contentOperations_whenNameIsNotRegular_refuseWithoutFollowingOrWaiting(kind: String) throws {
        let (victim, logs) = try tree()
        let planted = logs.appending("app.log.1")
        try plant(kind, at: planted, pointingTo: victim)
        let target = logs.appending("copy")
        #expect(throws: PlatformError.self) {
            try fs.copyFile(planted, to: target, permissions: 0o600, owner: nil, group: nil)
        }
        #expect(throws: PlatformError.self) { try fs.truncate(planted, to: 0) }
        #expect(throws: PlatformError.self) { try fs.readFile(planted) }
        #expect(throws: PlatformError.self) { try fs.remove(planted) }
        #expect(throws: PlatformError.self) { try fs.shred(planted, passes: 1, allowHardLinks: false) }
        #expect(throws: PlatformError.self) {
            try InProcessCompressor().compress(
                planted,
                to: logs.appending("c.gz"),
                format: .gzip(level: 6),
                permissions: 0o600,
                owner: nil,
                group: nil
            )
        }
        #expect(try contents(victim) == "precious\n")
        #expect(try fs.status(of: planted, followSymlinks: false) != nil)
        #expect(try fs.status(of: target, followSymlinks: false) == nil)
    }

    @Test func childInput_whenFileIsFifoWithWriter_isRefusedInsteadOfHanging() throws {
        let (_, logs) = try tree()
        let fifo = logs.appending("app.log.1")
        #expect(mkfifo(fifo.string, 0o600) == 0)
        // A writer holds the FIFO open (read-write, so its own open does not block): a blocking read would hang.
        let writer = open(fifo.string, O_RDWR | O_NONBLOCK)
        defer { close(writer) }
        let request = ProcessRequest(executable: "/bin/cat", standardInput: .file(fifo), standardOutput: .capture)
        let error = #expect(throws: PlatformError.self) { try PosixProcessRunner().run(request) }
        #expect(error?.message.contains("not a regular file") == true)
    }

    private func plant(_ kind: String, at path: FilePath, pointingTo victim: FilePath) throws {
        switch kind {
        case "symlink":
            try FileManager.default.createSymbolicLink(atPath: path.string, withDestinationPath: victim.string)
        case "fifo":
            #expect(mkfifo(path.string, 0o600) == 0)
        default:
            try FileManager.default.createDirectory(atPath: path.string, withIntermediateDirectories: false)
        }
    }
}
