import Foundation

/// The unprivileged account that owns the hostile log directories, created when missing (the account stays).
struct HostileUser: Sendable {
    static let name = "lrhostile"

    let uid: uid_t
    let gid: gid_t

    /// The account, created once per test run. Concurrent test runs may race on `useradd` (one creates the account,
    /// another finds it existing or the account files locked), so its status is not trusted: the account is looked up
    /// after each of a few attempts.
    static let shared: Result<HostileUser, WriterError> = {
        let command = "useradd --system --no-create-home --shell /usr/sbin/nologin \(name)"
        for attempt in 0..<5 {
            if let user = lookUp() { return .success(user) }
            if attempt > 0 { usleep(200_000) }
            _ = try? CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
        }
        return lookUp().map { .success($0) } ?? .failure(WriterError("cannot create the account \(name)"))
    }()

    private static func lookUp() -> HostileUser? {
        guard let entry = getpwnam(name) else { return nil }
        return HostileUser(uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// `/bin/sh -c SCRIPT` as this user (no supplementary groups), in `directory`, with `environment` added.
    func shell(
        _ script: String,
        in directory: String,
        environment: [String: String] = [:]
    ) async throws
        -> CommandResult
    {
        try await CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "/bin/sh", "-c", script],
            in: URL(fileURLWithPath: directory),
            environment: environment,
            timeout: .seconds(30)
        )
    }
}
