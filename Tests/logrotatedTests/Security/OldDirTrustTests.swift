import Foundation
import Testing

/// Where `olddir` may point when we run as root: only somewhere root alone can redirect, unless `su` makes the kernel
/// check every operation against the block's user.
@Suite(.enabled(if: geteuid() == 0, "the olddir rules apply to root"))
struct OldDirTrustTests {
    private let fm = FileManager.default
    private let nobody: (uid: UInt32, gid: UInt32) = (65_534, 65_534)

    /// `root/logs/app.log` and a root-only `root/secret/`; `logs` belongs to `nobody` when `logsOwnedByNobody`.
    private func tree(logsOwnedByNobody: Bool) throws -> URL {
        let root = fm.temporaryDirectory.appendingPathComponent("lr-olddir-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("secret"), withIntermediateDirectories: false)
        chmod(root.path, 0o755)
        chmod(root.appendingPathComponent("secret").path, 0o700)
        try Data("live\n".utf8).write(to: root.appendingPathComponent("logs/app.log"))
        if logsOwnedByNobody {
            chown(root.appendingPathComponent("logs").path, nobody.uid, nobody.gid)
            chown(root.appendingPathComponent("logs/app.log").path, nobody.uid, nobody.gid)
        }
        return root
    }

    private func rotate(_ root: URL, block: String) throws -> CommandResult {
        let config = root.appendingPathComponent("c.conf")
        try Data("\(root.path)/logs/app.log {\n\(block)\n}\n".utf8).write(to: config)
        return try CommandRunner.run(
            CommandRunner.logrotated,
            ["rotate", "-f", "-s", root.appendingPathComponent("state").path, config.path]
        )
    }

    private func names(_ url: URL) -> [String] {
        ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func olddir_insideADirectoryAnotherUserOwns_isRefusedWithoutSu() throws {
        let root = try tree(logsOwnedByNobody: true)
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: root.appendingPathComponent("logs/old"), withIntermediateDirectories: false)
        let result = try rotate(root, block: "rotate 2\nolddir \(root.path)/logs/old")
        #expect(result.status == 1)
        #expect(result.standardError.contains("olddir \(root.path)/logs/old is inside \(root.path)/logs"))
        #expect(names(root.appendingPathComponent("logs")) == ["app.log", "old"])
    }

    @Test func olddir_thatIsASymlink_isRefusedWithoutSu() throws {
        let root = try tree(logsOwnedByNobody: false)
        defer { try? fm.removeItem(at: root) }
        let link = root.appendingPathComponent("logs/old")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: root.appendingPathComponent("secret").path)
        let result = try rotate(root, block: "rotate 2\nolddir \(link.path)")
        #expect(result.status == 1)
        #expect(result.standardError.contains("olddir \(link.path) is a symbolic link"))
        #expect(names(root.appendingPathComponent("secret")).isEmpty)
    }

    @Test func olddir_symlinkedIntoARootOnlyDirectory_withSu_isDeniedByTheKernel() throws {
        let root = try tree(logsOwnedByNobody: true)
        defer { try? fm.removeItem(at: root) }
        let link = root.appendingPathComponent("logs/old")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: root.appendingPathComponent("secret").path)
        let result = try rotate(root, block: "su nobody nogroup\nrotate 2\nolddir \(link.path)\ncreate")
        #expect(result.status == 1)
        #expect(result.standardError.contains("Permission denied"))
        #expect(names(root.appendingPathComponent("secret")).isEmpty)
        #expect(try String(contentsOf: root.appendingPathComponent("logs/app.log"), encoding: .utf8) == "live\n")
    }

    @Test func su_rotatesAsTheUser_soNewFilesBelongToIt() throws {
        let root = try tree(logsOwnedByNobody: true)
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: root.appendingPathComponent("logs/old"), withIntermediateDirectories: false)
        chown(root.appendingPathComponent("logs/old").path, nobody.uid, nobody.gid)
        let result = try rotate(root, block: "su nobody nogroup\nrotate 2\nolddir \(root.path)/logs/old\ncompress")
        #expect(result.status == 0, "\(result.standardError)")
        let archive = root.appendingPathComponent("logs/old/app.log.1.gz").path
        let attributes = try fm.attributesOfItem(atPath: archive)
        #expect((attributes[.ownerAccountID] as? Int) == Int(nobody.uid))
    }
}
