import Foundation
import Testing

/// `scripts/build-deb` (what `make deb` runs): the package passes lintian, unpacks with the files and modes a Debian
/// system expects, carries the right control data, and its maintainer scripts enable, stop and purge as dpkg runs
/// them. See ``BuiltPackage`` for why the package holds the debug binary.
@Suite struct PackagingTests {
    private static let lintian = "/usr/bin/lintian"

    private func tool(_ name: String) -> URL {
        URL(
            fileURLWithPath: ["/usr/bin/\(name)", "/bin/\(name)"].first(where: FileManager.default.isExecutableFile)
                ?? "/usr/bin/\(name)"
        )
    }

    private func builtPackage() async throws -> URL {
        let built = await BuiltPackage.shared()
        return try #require(built.deb, "scripts/build-deb exited \(built.status):\n\(built.log)")
    }

    /// Runs a tool without holding a thread while it runs (lintian takes tens of seconds).
    private func run(
        _ executable: URL,
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:]
    ) async throws -> CommandResult {
        try await CommandRunner.run(
            executable,
            arguments,
            in: directory,
            environment: environment,
            timeout: .seconds(600)
        )
    }

    private func unpacked() async throws -> URL {
        let deb = try await builtPackage()
        let root = try await BuiltPackage.shared().scratch("unpacked")
        let result = try await run(tool("dpkg"), ["-x", deb.path, root.path])
        #expect(result.status == 0, "\(result.standardError)")
        return root
    }

    @Test func package_passesLintianWithoutErrorsOrWarnings() async throws {
        let deb = try await builtPackage()
        try #require(FileManager.default.isExecutableFile(atPath: Self.lintian), "lintian: run scripts/install-deps")
        // The debug binary's RUNPATH names the toolchain's runtime; the release binary `make deb` packages has none.
        let result = try await run(
            URL(fileURLWithPath: Self.lintian),
            ["--fail-on", "error,warning", "--suppress-tags", "custom-library-search-path", deb.path]
        )
        let tags = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("E:") || $0.hasPrefix("W:") }
        #expect(tags == [])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test func package_unpacksEveryFileWithItsMode() async throws {
        let root = try await unpacked()
        let expected: [(String, Int)] = [
            ("usr/sbin/logrotated", 0o755),
            ("etc/logrotated.conf", 0o644),
            ("etc/logrotated.d", 0o755),
            ("lib/systemd/system/logrotated.service", 0o644),
            ("usr/share/man/man8/logrotated.8.gz", 0o644),
            ("usr/share/man/man5/logrotated.conf.5.gz", 0o644),
            ("usr/share/bash-completion/completions/logrotated", 0o644),
            ("usr/share/zsh/vendor-completions/_logrotated", 0o644),
            ("usr/share/fish/vendor_completions.d/logrotated.fish", 0o644),
            ("usr/share/doc/logrotated/copyright", 0o644),
            ("usr/share/doc/logrotated/changelog.Debian.gz", 0o644),
        ]
        for (path, mode) in expected {
            let attributes = try? FileManager.default.attributesOfItem(atPath: root.path + "/" + path)
            #expect((attributes?[.posixPermissions] as? Int) == mode, "\(path)")
        }
        let unit = try String(contentsOfFile: root.path + "/lib/systemd/system/logrotated.service", encoding: .utf8)
        #expect(unit.contains("\nExecStart=/usr/sbin/logrotated run --config /etc/logrotated.conf "))
        #expect(!unit.contains("/usr/local"))
        let version = try await run(root.appendingPathComponent("usr/sbin/logrotated"), ["--version"])
        #expect(version.standardOutput.hasPrefix("logrotated "))
        for page in ["man8/logrotated.8.gz", "man5/logrotated.conf.5.gz"] {
            let text = try await run(tool("gzip"), ["-dc", root.path + "/usr/share/man/" + page])
            #expect(text.standardOutput.hasPrefix(".TH "), "\(page)")
        }
        let fish = try String(
            contentsOfFile: root.path + "/usr/share/fish/vendor_completions.d/logrotated.fish",
            encoding: .utf8
        )
        #expect(fish.contains("complete -c 'logrotated'"))
    }

    @Test func control_namesVersionArchitectureDependsConffileAndSums() async throws {
        let deb = try await builtPackage()
        let fields = try await run(tool("dpkg-deb"), ["-f", deb.path, "Package", "Version", "Architecture"])
        let binaryVersion = try await run(CommandRunner.logrotated, ["--version"]).standardOutput
            .split(separator: " ")[1]
        let architecture = try await run(tool("dpkg"), ["--print-architecture"]).standardOutput
        let lines = fields.standardOutput.split(separator: "\n")
        #expect(lines.first == "Package: logrotated")
        #expect(lines.contains { $0.hasPrefix("Version: \(binaryVersion)-") })
        #expect(lines.contains("Architecture: \(architecture.trimmingCharacters(in: .whitespacesAndNewlines))"))
        let depends = try await run(tool("dpkg-deb"), ["-f", deb.path, "Depends"]).standardOutput
        for library in ["libc6", "libsystemd0", "libzstd1", "libdeflate0"] {
            #expect(depends.contains(library), "Depends: \(depends)")
        }

        let control = try await BuiltPackage.shared().scratch("control")
        #expect(try await run(tool("dpkg-deb"), ["-e", deb.path, control.path]).status == 0)
        let conffiles = try String(contentsOf: control.appendingPathComponent("conffiles"), encoding: .utf8)
        #expect(conffiles == "/etc/logrotated.conf\n")
        let root = try await unpacked()
        let sums = try await run(
            tool("md5sum"),
            ["--check", "--quiet", control.appendingPathComponent("md5sums").path],
            in: root
        )
        #expect(sums.status == 0, "\(sums.standardOutput)\(sums.standardError)")
        let summed = try String(contentsOf: control.appendingPathComponent("md5sums"), encoding: .utf8)
        #expect(summed.contains("  usr/sbin/logrotated\n") && !summed.contains("etc/logrotated.conf"))
    }

    /// The scripts run as dpkg runs them, with `deb-systemd-helper`, `deb-systemd-invoke` and `systemctl` replaced by
    /// stubs that record their arguments; "systemd runs the machine" is a scratch directory standing for
    /// `/run/systemd/system`. Purging runs with `DPKG_ROOT` set, so only a scratch state directory is removed.
    @Test func maintainerScripts_enableAndStartOnInstall_stopOnRemove_purgeState() async throws {
        let scripts = try MaintainerScripts(package: try await builtPackage(), built: await BuiltPackage.shared())
        #expect(try scripts.run("postinst", ["configure"], systemdRunning: true) == 0)
        #expect(try scripts.run("postinst", ["configure", "0.0.9-1"], systemdRunning: true) == 0)
        #expect(try scripts.run("prerm", ["upgrade", "0.1.0-1"], systemdRunning: true) == 0)
        #expect(try scripts.run("prerm", ["remove"], systemdRunning: true) == 0)
        #expect(try scripts.run("postrm", ["remove"], systemdRunning: true) == 0)
        #expect(try scripts.run("postinst", ["configure"], systemdRunning: false) == 0)
        #expect(FileManager.default.fileExists(atPath: scripts.state.path), "removal keeps the state")
        #expect(try scripts.run("postrm", ["purge"], systemdRunning: false) == 0)
        #expect(!FileManager.default.fileExists(atPath: scripts.state.path), "purge removes the state")
        #expect(FileManager.default.fileExists(atPath: scripts.state.deletingLastPathComponent().path))

        let unit = "logrotated.service"
        let install = [
            "deb-systemd-helper unmask \(unit)", "deb-systemd-helper --quiet was-enabled \(unit)",
            "deb-systemd-helper enable \(unit)",
        ]
        let expected =
            install + ["systemctl --system daemon-reload", "deb-systemd-invoke start \(unit)"]
            + install + ["systemctl --system daemon-reload", "deb-systemd-invoke restart \(unit)"]
            + ["deb-systemd-invoke stop \(unit)"]
            + ["systemctl --system daemon-reload", "deb-systemd-helper mask \(unit)"]
            + install
            + ["deb-systemd-helper purge \(unit)", "deb-systemd-helper unmask \(unit)"]
        #expect(try scripts.calls() == expected)
    }
}
