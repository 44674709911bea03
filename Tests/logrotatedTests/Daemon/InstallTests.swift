import Foundation
import Testing

/// The systemd unit as systemd reads it, and `make install-files` / `make uninstall` on a built binary (with the
/// manual pages and the shell completions it generates).
@Suite struct InstallTests {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let systemdAnalyze = "/usr/bin/systemd-analyze"
    private static let make = "/usr/bin/make"

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: systemdAnalyze),
            "systemd-analyze is not installed: the unit is not verified"
        )
    )
    func unit_passesSystemdAnalyzeVerifyWithoutAnyMessage() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unit = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("systemd/logrotated.service"),
            encoding: .utf8
        )
        #expect(unit.contains("Type=notify\n") && unit.contains("ExecReload=/bin/kill -HUP $MAINPID\n"))
        #expect(unit.contains("WatchdogSec=") && unit.contains("Restart=on-failure\n"))
        let copy = directory.appendingPathComponent("logrotated.service")
        try unit.replacingOccurrences(of: "/usr/local/sbin/logrotated", with: CommandRunner.logrotated.path)
            .write(to: copy, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(
            URL(fileURLWithPath: Self.systemdAnalyze),
            ["verify", "--man=no", copy.path]
        )
        #expect(result.standardError == "")
        #expect(result.status == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: make), "make is not installed"))
    func makeInstallFiles_thenUninstall_putsAndRemovesEveryFile() throws {
        let destination = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: destination) }
        let variables = ["BIN=\(CommandRunner.logrotated.path)", "DESTDIR=\(destination.path)"]
        let install = try CommandRunner.run(
            URL(fileURLWithPath: Self.make),
            ["-s", "-C", Self.packageRoot.path, "install-files"] + variables
        )
        #expect(install.status == 0, "\(install.standardError)")
        let expected: [(String, Int)] = [
            ("usr/local/sbin/logrotated", 0o755),
            ("etc/logrotated.conf", 0o644),
            ("etc/logrotated.d", 0o755),
            ("usr/local/lib/systemd/system/logrotated.service", 0o644),
            ("usr/local/share/man/man8/logrotated.8", 0o644),
            ("usr/local/share/man/man5/logrotated.conf.5", 0o644),
            ("usr/local/share/bash-completion/completions/logrotated", 0o644),
            ("usr/local/share/zsh/vendor-completions/_logrotated", 0o644),
            ("usr/local/share/fish/vendor_completions.d/logrotated.fish", 0o644),
            ("var/lib/logrotated", 0o750),
        ]
        for (path, mode) in expected {
            let attributes = try? FileManager.default.attributesOfItem(atPath: destination.path + "/" + path)
            #expect((attributes?[.posixPermissions] as? Int) == mode, "\(path)")
        }
        let unit = try String(
            contentsOfFile: destination.path + "/usr/local/lib/systemd/system/logrotated.service",
            encoding: .utf8
        )
        #expect(unit.contains("\nExecStart=/usr/local/sbin/logrotated run --config /etc/logrotated.conf "))
        let bash = try String(
            contentsOfFile: destination.path + "/usr/local/share/bash-completion/completions/logrotated",
            encoding: .utf8
        )
        #expect(!bash.hasPrefix("#!") && bash.contains("complete ") && bash.contains("logrotated"))
        let uninstall = try CommandRunner.run(
            URL(fileURLWithPath: Self.make),
            ["-s", "-C", Self.packageRoot.path, "uninstall"] + variables
        )
        #expect(uninstall.status == 0, "\(uninstall.standardError)")
        for (path, _) in expected {
            #expect(!FileManager.default.fileExists(atPath: destination.path + "/" + path), "\(path) left")
        }
    }
}
