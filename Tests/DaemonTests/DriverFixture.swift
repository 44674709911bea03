import Daemon
import Foundation
import Glibc
import Platform
import PlatformTesting
import Synchronization
import SystemPackage

/// A temp dir holding a configuration (`@DIR@` replaced by the dir), a state file and logs, with a `LogrotateDriver`
/// on them whose log lines are recorded. The configuration is loaded once, at the first time a helper is given, and
/// kept, as the daemon keeps it between reloads.
struct DriverFixture {
    let directory: TempDirectory
    let log = LineStore()
    let driver: LogrotateDriver
    private let loaded = LoadedConfiguration()

    /// `state` maps log names to `YYYY-MM-DD HH:MM` local times; `files` maps log names to their contents.
    init(
        config: String,
        state: [String: String] = [:],
        files: [String: String] = [:],
        dryRun: Bool = false,
        lockTimeout: Duration = .seconds(60)
    ) throws {
        directory = try TempDirectory()
        let root = directory.url.path
        try config.replacing("@DIR@", with: root).write(
            to: directory.url.appending(path: "conf"),
            atomically: true,
            encoding: .utf8
        )
        for (name, text) in files {
            try text.write(to: directory.url.appending(path: name), atomically: true, encoding: .utf8)
        }
        if !state.isEmpty {
            let lines = state.map { name, time in "\"\(root)/\(name)\" \(stateStamp(time))\n" }.joined()
            try ("logrotate state -- version 2\n" + lines).write(
                to: directory.url.appending(path: "status"),
                atomically: true,
                encoding: .utf8
            )
        }
        var options = DaemonOptions(configPaths: [root + "/conf"], statePath: directory.path("status"))
        options.dryRun = dryRun
        options.stateLockTimeout = lockTimeout
        driver = LogrotateDriver(options: options, logger: log.logger)
    }

    func path(_ name: String) -> String { directory.path(name).string }

    /// The names in the directory, sorted, without the configuration.
    var names: [String] {
        let own: Set = ["conf", "status.journal", "status.lock"]
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.url.path)) ?? [])
            .filter { !own.contains($0) }.sorted()
    }

    /// The state file's text, `nil` when there is none.
    var stateText: String? { try? String(contentsOf: directory.url.appending(path: "status"), encoding: .utf8) }

    /// The configuration, loaded at `now` the first time.
    func configuration(at now: Timestamp) async throws -> DaemonConfiguration {
        if let configuration = loaded.value.withLock({ $0 }) { return configuration }
        let configuration = try await driver.loadConfiguration(at: now)
        loaded.value.withLock { $0 = configuration }
        return configuration
    }

    /// The names of the jobs due at `time`.
    func due(at time: String) async throws -> [String] {
        let now = Timestamp(seconds: epoch(time))
        return await driver.dueJobs(at: now, in: try await configuration(at: now), touched: nil).map(\.description)
    }

    /// Rotates every job due at `time`.
    func rotateDue(at time: String) async throws {
        let now = Timestamp(seconds: epoch(time))
        let configuration = try await configuration(at: now)
        for job in await driver.dueJobs(at: now, in: configuration, touched: nil) {
            await driver.rotate(job, at: now, in: configuration)
        }
    }

    /// The next deadline after the daemon's check at `time` (which rotates what is due then), as a local
    /// `YYYY-MM-DD HH:MM`.
    func nextDeadline(after time: String) async throws -> String? {
        try await rotateDue(at: time)
        let now = Timestamp(seconds: epoch(time))
        return driver.nextDeadline(after: now, in: try await configuration(at: now)).map {
            LocalTime(epochSeconds: $0.time.seconds).description
        }
    }
}

/// The configuration a fixture loaded, kept across its helpers.
private final class LoadedConfiguration: Sendable {
    let value = Mutex<DaemonConfiguration?>(nil)
}

/// `YYYY-MM-DD HH:MM` in the current local zone as Unix seconds.
func epoch(_ text: String) -> Int64 {
    localTime(text).epochSeconds
}

/// `YYYY-MM-DD HH:MM` as the state file writes it (`2026-11-29-10:0:0`).
func stateStamp(_ text: String) -> String {
    let time = localTime(text)
    return "\(time.year)-\(time.month)-\(time.day)-\(time.hour):\(time.minute):0"
}

private func localTime(_ text: String) -> LocalTime {
    let numbers = text.split { $0 == "-" || $0 == " " || $0 == ":" }.map { Int($0)! }
    return LocalTime(year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4])
}

/// Runs `body` on a new fixture with `TZ=UTC`, removing the fixture's directory afterwards.
func withFixtureInUTC<T>(
    config: String,
    state: [String: String] = [:],
    files: [String: String] = [:],
    dryRun: Bool = false,
    lockTimeout: Duration = .seconds(60),
    _ body: (DriverFixture) async throws -> T
) async throws -> T {
    try await withTimeZone("UTC") {
        let fixture = try DriverFixture(
            config: config,
            state: state,
            files: files,
            dryRun: dryRun,
            lockTimeout: lockTimeout
        )
        defer { fixture.directory.remove() }
        return try await body(fixture)
    }
}
