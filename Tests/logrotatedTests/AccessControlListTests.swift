import Foundation
import Testing

/// Whether `setfacl` works in the temporary directory.
enum ACLSupport {
    static let available: Bool = {
        let fm = FileManager.default
        let probe = fm.temporaryDirectory.appendingPathComponent("lr-acl-probe-\(UUID().uuidString)")
        guard fm.createFile(atPath: probe.path, contents: nil) else { return false }
        defer { try? fm.removeItem(at: probe) }
        let result = try? CommandRunner.run(URL(fileURLWithPath: "/usr/bin/setfacl"), ["-m", "u:daemon:r", probe.path])
        return result?.status == 0
    }()
}

/// A file made from a log keeps the log's ACL, as with logrotate built with ACL support: `create` without a mode,
/// `copy`, `copytruncate` and compression. `create` with a mode gives that mode alone.
@Suite(.enabled(if: ACLSupport.available, "setfacl is missing or the file system has no ACL support"))
struct AccessControlListTests {
    private static let fm = FileManager.default

    private func acl(_ path: String) throws -> [String] {
        let output = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/getfacl"), ["-cp", path]).standardOutput
        return output.split(separator: "\n").map(String.init).sorted()
    }

    /// Rotates `svc.log`, which has mode 0640 and an ACL entry for the user `daemon`, with `directives`; returns the
    /// directory.
    private func rotate(_ directives: String) throws -> URL {
        let dir = Self.fm.temporaryDirectory.appendingPathComponent("lr-acl-\(UUID().uuidString)")
        try Self.fm.createDirectory(at: dir, withIntermediateDirectories: true)
        let log = dir.appendingPathComponent("svc.log")
        try Data("line\n".utf8).write(to: log)
        try Self.fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: log.path)
        let setfacl = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/setfacl"), ["-m", "u:daemon:rw", log.path])
        #expect(setfacl.status == 0)
        let config = dir.appendingPathComponent("cfg")
        try Data("\(log.path) {\n  rotate 1\n\(directives)\n}\n".utf8).write(to: config)
        let state = dir.appendingPathComponent("state").path
        let result = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-f", "-s", state, config.path])
        #expect(result.status == 0, "\(result.standardError)")
        return dir
    }

    private let withDaemon = ["group::r--", "mask::rw-", "other::---", "user::rw-", "user:daemon:rw-"]

    @Test(arguments: ["  create", "  create root root", "  copytruncate", "  copy"])
    func fileMadeFromTheLog_getsItsACL(directives: String) throws {
        let dir = try rotate(directives)
        defer { try? Self.fm.removeItem(at: dir) }
        #expect(try acl(dir.appendingPathComponent("svc.log").path) == withDaemon)
        #expect(try acl(dir.appendingPathComponent("svc.log.1").path) == withDaemon)
    }

    @Test(arguments: ["  compress", "  compress\n  compresscmd /bin/gzip\n  compressoptions --rsyncable"])
    func compressedArchive_getsTheACLOfTheFileItCompresses(directives: String) throws {
        let dir = try rotate(directives)
        defer { try? Self.fm.removeItem(at: dir) }
        #expect(try acl(dir.appendingPathComponent("svc.log.1.gz").path) == withDaemon)
    }

    @Test func stateFileACL_isKeptButGrantsNothingUnderTheMode0600() throws {
        let dir = Self.fm.temporaryDirectory.appendingPathComponent("lr-acl-\(UUID().uuidString)")
        try Self.fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? Self.fm.removeItem(at: dir) }
        let state = dir.appendingPathComponent("state")
        try Data("logrotate state -- version 2\n".utf8).write(to: state)
        try Self.fm.setAttributes([.posixPermissions: 0o640], ofItemAtPath: state.path)
        _ = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/setfacl"), ["-m", "u:daemon:rwx", state.path])
        let config = dir.appendingPathComponent("cfg")
        try Data("\(dir.path)/a.log {\n  missingok\n}\n".utf8).write(to: config)
        let result = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-s", state.path, config.path])
        #expect(result.status == 0, "\(result.standardError)")
        let entries = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/getfacl"), ["-p", state.path]).standardOutput
        #expect(entries.contains("user:daemon:rwx\t#effective:---"), "\(entries)")
        #expect(entries.contains("mask::---"))
    }

    @Test func createWithAMode_givesThatModeAlone() throws {
        let dir = try rotate("  create 0604")
        defer { try? Self.fm.removeItem(at: dir) }
        #expect(try acl(dir.appendingPathComponent("svc.log").path) == ["group::---", "other::r--", "user::rw-"])
    }
}
