import Foundation

/// A scratch tree for one hostile-tree test, removed by `deinit`:
///
///     ROOT/          root 0755
///       victim       root 0644, known content: what a hostile name points at
///       rootonly/    root 0700, keep (a copy of victim): a directory the owner of logs/ cannot enter
///       logs/        the hostile user's 0755 directory: app.log and its generations
///       run/         root 0755: configuration, state file, mail and compressor scripts, mail captured
final class HostileFixture {
    let user: HostileUser
    let root: String
    var logs: String { root + "/logs" }
    var log: String { logs + "/app.log" }
    var victim: String { root + "/victim" }
    var rootOnly: String { root + "/rootonly" }
    var run: String { root + "/run" }
    /// What `victim` and `rootonly/keep` hold: unique, so a copy of either is recognised anywhere.
    let secret = "precious \(UUID().uuidString)\n"

    /// The rotation clock (`--now`): 2026-01-15 12:00 UTC; the fixture's files are a day older.
    static let now = 1_768_478_400
    static let day = "20260115"
    static let hour = "2026011512"

    /// Makes the tree with `app.log` and, in `logs/`, the user's `generations` (names relative to `logs/`).
    init(generations: [String] = ["app.log.1", "app.log.2", "app.log.3"]) async throws {
        user = try HostileUser.shared.get()
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("lr-hostile-\(UUID().uuidString)").path
        for (path, mode) in [(root, 0o755), (rootOnly, 0o700), (logs, 0o755), (run, 0o755)] {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: false)
            chmod(path, mode_t(mode))
        }
        try Data(secret.utf8).write(to: URL(fileURLWithPath: victim))
        try Data(secret.utf8).write(to: URL(fileURLWithPath: rootOnly + "/keep"))
        try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 946_684_800)], ofItemAtPath: victim)
        chown(logs, user.uid, user.gid)
        // At most 1 MB per message: a mailed FIFO never ends.
        try writeScript("mail", "head -c 1000000 >> '\(run)/mailed'")
        try writeScript("compressor", "cat")
        let files = (["app.log"] + generations).map { "'\($0)'" }.joined(separator: " ")
        try await plant("for f in \(files); do echo \"$f\" > \"$f\"; done; touch -d '2026-01-14 12:00Z' \(files)")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Runs `script` with `/bin/sh` as the hostile user in `logs/`, with `$V` the victim and `$R` the root-only
    /// directory; throws when it fails.
    func plant(_ script: String) async throws {
        let result = try await user.shell(script, in: logs, environment: ["V": victim, "R": rootOnly])
        guard result.status == 0 else { throw WriterError("planting failed: \(script): \(result.standardError)") }
    }

    /// `logrotated rotate -f` with a block for `app.log` holding `directives`, at ``now`` in UTC, mailing with
    /// `run/mail`; killed after 60 s (a run takes well under a second, but the machine may be loaded). Files it writes
    /// are limited to 64 MiB: copying a FIFO that a writer keeps feeding would otherwise fill the disk until then.
    func rotate(_ directives: String) async throws -> CommandResult {
        let config = run + "/c.conf"
        try Data("\(log) {\n\(directives)\n}\n".utf8).write(to: URL(fileURLWithPath: config))
        let arguments = ["rotate", "-f", "--now", "\(Self.now)", "-s", run + "/state", "-m", run + "/mail", config]
        return try await CommandRunner.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "ulimit -f 65536; exec \"$0\" \"$@\"", CommandRunner.logrotated.path] + arguments,
            environment: ["TZ": "UTC"],
            timeout: .seconds(60)
        )
    }

    /// What `run/mail` received, all messages together.
    var mailed: String { (try? String(contentsOfFile: run + "/mailed", encoding: .utf8)) ?? "" }

    private func writeScript(_ name: String, _ body: String) throws {
        let path = run + "/" + name
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
    }
}
