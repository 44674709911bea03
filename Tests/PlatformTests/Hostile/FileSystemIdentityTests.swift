import Foundation
import Platform
import SystemPackage
import Testing

/// `FileSystemIdentity` with a real unprivileged user (`nobody`): the kernel checks the switched thread's operations
/// against that user's rights, and nothing else in the process changes.
@Suite(.enabled(if: geteuid() == 0, "switching file-system ids needs root"))
struct FileSystemIdentityTests {
    let fs = PosixFileSystem()
    let nobody = FileSystemIdentity.forUser(65_534, group: 65_534)

    /// A root-only (0700) directory holding one file.
    private func rootOnlyDirectory() throws -> FilePath {
        let root = try makeScratchDirectory()
        chmod(root.string, 0o755)
        let secret = root.appending("secret")
        try FileManager.default.createDirectory(atPath: secret.string, withIntermediateDirectories: false)
        chmod(secret.string, 0o700)
        try Data("root only\n".utf8).write(to: URL(fileURLWithPath: secret.appending("file").string))
        return secret
    }

    @Test func assume_refusesWhatTheUserCannotDo_andRestoresRoot() throws {
        let secret = try rootOnlyDirectory()
        let acting = ActingFileSystem(fs, as: nobody)
        let error = #expect(throws: PlatformError.self) {
            try acting.createFile(secret.appending("planted"), permissions: 0o644, owner: nil, group: nil)
        }
        #expect(error?.code == .permissionDenied)
        #expect(throws: PlatformError.self) { try acting.readFile(secret.appending("file")) }
        #expect(try fs.readFile(secret.appending("file")) == Array("root only\n".utf8))
        #expect(geteuid() == 0)
    }

    @Test func assume_createsFilesOwnedByTheUser() throws {
        let directory = try makeScratchDirectory()
        chmod(directory.string, 0o777)
        try ActingFileSystem(fs, as: nobody).createFile(
            directory.appending("new"),
            permissions: 0o640,
            owner: nil,
            group: nil
        )
        let status = try #require(try fs.status(of: directory.appending("new"), followSymlinks: false))
        #expect(status.owner == 65_534 && status.group == 65_534)
    }

    @Test func assume_changesOnlyTheCallingThread() async throws {
        let secret = try rootOnlyDirectory()
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let other = Task.detached { [nobody] in
            try nobody.assume { () throws(PlatformError) in
                started.signal()
                release.wait()
            }
        }
        started.wait()
        // While another thread acts as nobody, this one still reads root-only files.
        #expect(try fs.readFile(secret.appending("file")) == Array("root only\n".utf8))
        release.signal()
        try await other.value
    }

    @Test func forUser_givesTheUsersGroups() {
        #expect(nobody.groups.contains(65_534))
        #expect(FileSystemIdentity.forUser(4_000_000, group: 4_000_001).groups == [4_000_001])
    }
}
