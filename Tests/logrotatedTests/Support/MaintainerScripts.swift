import Foundation

/// The maintainer scripts of a package, extracted to run one by one with stub systemd tools that record their calls.
struct MaintainerScripts {
    private let control: URL
    private let stubs: URL
    private let systemdDirectory: URL
    private let dpkgRoot: URL
    private var callLog: URL { stubs.appendingPathComponent("calls") }

    /// The daemon's state directory under the scratch `DPKG_ROOT`, created with a state file in it.
    var state: URL { dpkgRoot.appendingPathComponent("var/lib/logrotated") }

    /// Extracts the control files of `package` (`dpkg-deb -e`) and prepares the stubs and a scratch `DPKG_ROOT`.
    init(package: URL, built: BuiltPackage) throws {
        control = try built.scratch("control")
        stubs = try built.scratch("stubs")
        systemdDirectory = try built.scratch("run-systemd-system")
        dpkgRoot = try built.scratch("root")
        let extract = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/dpkg-deb"),
            ["-e", package.path, control.path]
        )
        guard extract.status == 0 else { throw CocoaError(.fileReadCorruptFile) }
        for stub in ["deb-systemd-helper", "deb-systemd-invoke", "systemctl"] {
            let path = stubs.appendingPathComponent(stub).path
            let text = "#!/bin/sh\necho \"\(stub) $*\" >>\"\(callLog.path)\"\n"
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        try FileManager.default.createSymbolicLink(
            at: stubs.appendingPathComponent("rm"),
            withDestinationURL: URL(fileURLWithPath: "/bin/rm")
        )
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: state.appendingPathComponent("status").path, contents: nil)
    }

    /// Runs `script` with `arguments` as dpkg would, with only the stubs on `PATH`. When `systemdRunning`, the script
    /// sees a systemd-managed machine (its `/run/systemd/system` test points at an existing directory); otherwise it
    /// runs with `DPKG_ROOT` set, as for an installation into another root. Returns the exit status.
    func run(_ script: String, _ arguments: [String], systemdRunning: Bool) throws -> Int32 {
        precondition(
            !(systemdRunning && script == "postrm" && arguments.first == "purge"),
            "a purge outside DPKG_ROOT would remove this machine's /var/lib/logrotated"
        )
        var text = try String(contentsOf: control.appendingPathComponent(script), encoding: .utf8)
        var environment = ["PATH": stubs.path]
        if systemdRunning {
            text = text.replacingOccurrences(of: "/run/systemd/system", with: systemdDirectory.path)
        } else {
            environment["DPKG_ROOT"] = dpkgRoot.path
        }
        let copy = stubs.appendingPathComponent("\(script)-\(UUID().uuidString)")
        try text.write(to: copy, atomically: true, encoding: .utf8)
        return try CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), [copy.path] + arguments, environment: environment)
            .status
    }

    /// The stubs' calls so far, one `tool arguments…` line each.
    func calls() throws -> [String] {
        guard FileManager.default.fileExists(atPath: callLog.path) else { return [] }
        return try String(contentsOf: callLog, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
