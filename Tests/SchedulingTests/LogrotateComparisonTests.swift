import Foundation
import LogrotateConfig
import Platform
import PlatformTesting
import SystemPackage
import Testing

@testable import Scheduling

/// A log prepared for real `logrotate -d`: its block directives, state entry and file facts.
struct Scenario {
    enum Kind { case regular, missing, symlink, hardLinked }

    var directives: String
    /// Seconds before now of the state entry (negative: in the future); `nil`: no entry.
    var lastAgo: Int64?
    var size: UInt64 = 5
    var ageSeconds: Int64 = 30 * 86_400
    var kind = Kind.regular
}

extension ZonedTests {
    @Suite(.enabled(if: logrotatePath != nil, "logrotate is not installed"))
    struct LogrotateComparisonTests {
        static let day: Int64 = 86_400

        static var scenarios: [Scenario] {
            var list: [Scenario] = []
            for weekday in 0...7 {
                for days: Int64 in [1, 2, 6, 7, 8] {
                    list.append(Scenario(directives: "weekly \(weekday)", lastAgo: days * day))
                }
            }
            for ago: Int64 in [0, 3600, 2 * 3600, 2 * day] { list.append(Scenario(directives: "hourly", lastAgo: ago)) }
            for ago: Int64 in [3600, 5 * 3600, day, 2 * day] {
                list.append(Scenario(directives: "daily", lastAgo: ago))
            }
            for ago: Int64 in [day, 20 * day, 31 * day, 40 * day] {
                list.append(Scenario(directives: "monthly", lastAgo: ago))
            }
            for ago: Int64 in [30 * day, 200 * day, 400 * day] {
                list.append(Scenario(directives: "yearly", lastAgo: ago))
            }
            list += [
                Scenario(directives: "size 10", lastAgo: 0), Scenario(directives: "size 5", lastAgo: 0),
                Scenario(directives: "daily\nmaxsize 4", lastAgo: 0),
                Scenario(directives: "daily\nmaxsize 5", lastAgo: 0),
                Scenario(directives: "daily\nminsize 10", lastAgo: 2 * day),
                Scenario(directives: "daily\nminsize 10\nminage 2", lastAgo: 3600, ageSeconds: 3600),
                Scenario(directives: "daily\nminage 2", lastAgo: 2 * day, ageSeconds: 3600),
                Scenario(directives: "size 1\nminage 2", lastAgo: 2 * day, ageSeconds: 3600),
                Scenario(directives: "daily\nnotifempty", lastAgo: 2 * day, size: 0),
                Scenario(directives: "daily\nnotifempty", lastAgo: 0, size: 0),
                Scenario(directives: "daily", lastAgo: -2 * day),
                Scenario(directives: "weekly\nnotifempty", lastAgo: -3 * day, size: 0),
                Scenario(directives: "daily", lastAgo: nil), Scenario(directives: "hourly", lastAgo: nil),
                Scenario(directives: "daily\nmissingok", lastAgo: 2 * day, kind: .missing),
                Scenario(directives: "daily", lastAgo: 2 * day, kind: .missing),
                Scenario(directives: "daily", lastAgo: 2 * day, kind: .symlink),
                Scenario(directives: "daily", lastAgo: 2 * day, kind: .hardLinked),
                Scenario(directives: "daily\nallowhardlink", lastAgo: 2 * day, kind: .hardLinked),
            ]
            return list
        }

        @Test(arguments: [false, true])
        func decide_matchesLogrotateVerdicts(force: Bool) async throws {
            try await withTimeZone("UTC") {
                var mismatches = try compareOnce(force: force)
                if mismatches == nil { mismatches = try compareOnce(force: force) }  // the clock crossed a minute
                #expect(mismatches == [])
            }
        }

        /// Runs logrotate once; `nil` when its `Now:` differs from ours (retry), else the differing logs.
        private func compareOnce(force: Bool) throws -> [String]? {
            let directory = try makeScratchDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let now = Int64(Date().timeIntervalSince1970)
            let paths = try prepare(Self.scenarios, in: directory.path, now: now)
            let arguments = ["-d", "-s", directory.path + "/state", directory.path + "/cfg"] + (force ? ["-f"] : [])
            let (output, _) = try runProgram(logrotatePath!, arguments, environment: ["TZ": "UTC"])
            let sections = LogrotateTrace.sections(output)
            #expect(sections.count == Self.scenarios.count, "\(output)")
            var mismatches: [String] = []
            for (scenario, path) in zip(Self.scenarios, paths) {
                let decision = ours(scenario, path: path, now: now, force: force)
                let theirs = sections[path] ?? []
                #expect(!theirs.isEmpty || scenario.kind == .missing && scenario.directives.contains("missingok"))
                if let nowLine = theirs.first(where: { $0.hasPrefix("  Now: ") }),
                    nowLine != "  Now: \(LocalTime(epochSeconds: now))"
                {
                    return nil
                }
                let relevant = theirs.filter { !$0.hasPrefix("  Now: ") && !$0.hasPrefix("  Last rotated at ") }
                if relevant != reasonLines(decision) {
                    mismatches.append("\(scenario.directives) \(scenario.lastAgo.map(String.init) ?? "-"): \(relevant)")
                }
            }
            return mismatches
        }

        private func ours(_ scenario: Scenario, path: String, now: Int64, force: Bool) -> Decision {
            var logSettings = LogSettings()
            for line in scenario.directives.split(separator: "\n") { apply(String(line), to: &logSettings) }
            let status: Result<FileStatus, Errno>
            switch scenario.kind {
            case .missing: status = .failure(.noSuchFileOrDirectory)
            case .symlink: status = .success(FileStatus(kind: .symlink))
            case .hardLinked: status = .success(regularFile(size: scenario.size, modified: now, links: 2))
            case .regular: status = .success(regularFile(size: scenario.size, modified: now - scenario.ageSeconds))
            }
            return Dueness.decide(
                path: path,
                pattern: path + " ",
                settings: logSettings,
                status: status,
                lastRotated: scenario.lastAgo.map { LocalTime(epochSeconds: now - $0) },
                now: now,
                force: force
            )
        }
    }
}

/// A tiny reader of the directives the scenarios use (the real parser lives in LogrotateConfig).
private func apply(_ line: String, to settings: inout LogSettings) {
    let words = line.split(separator: " ").map(String.init)
    let number = words.count > 1 ? UInt64(words[1]) ?? 0 : 0
    switch words[0] {
    case "hourly": settings.criterion = .time(.hourly)
    case "daily": settings.criterion = .time(.daily)
    case "weekly": settings.criterion = .time(.weekly(weekday: Int(number)))
    case "monthly": settings.criterion = .time(.monthly)
    case "yearly": settings.criterion = .time(.yearly)
    case "size": settings.criterion = .size(number)
    case "maxsize": settings.maxSize = number
    case "minsize": settings.minSize = number
    case "minage": settings.minAge = Int(number)
    case "notifempty": settings.ifEmpty = false
    case "missingok": settings.missingOK = true
    case "allowhardlink": settings.allowHardlink = true
    default: Issue.record("unknown directive \(line)")
    }
}

/// Writes the logs, the config and the state file; returns each scenario's log path.
private func prepare(_ scenarios: [Scenario], in directory: String, now: Int64) throws -> [String] {
    var config = ""
    var state = StateFile()
    var paths: [String] = []
    for (index, scenario) in scenarios.enumerated() {
        let path = "\(directory)/s\(index).log"
        paths.append(path)
        config += "\(path) {\n\(scenario.directives)\n}\n"
        if let ago = scenario.lastAgo { state[path] = LocalTime(epochSeconds: now - ago) }
        try createLog(scenario, at: path, now: now)
    }
    try config.write(toFile: directory + "/cfg", atomically: true, encoding: .utf8)
    try Data(StateFileWriter.serialize(state)).write(to: URL(fileURLWithPath: directory + "/state"))
    return paths
}

private func createLog(_ scenario: Scenario, at path: String, now: Int64) throws {
    let manager = FileManager.default
    switch scenario.kind {
    case .missing: return
    case .symlink: try manager.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
    case .regular, .hardLinked:
        try Data(repeating: 0x61, count: Int(scenario.size)).write(to: URL(fileURLWithPath: path))
        let modified = Date(timeIntervalSince1970: TimeInterval(now - scenario.ageSeconds))
        try manager.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        if scenario.kind == .hardLinked { try manager.linkItem(atPath: path, toPath: path + ".link") }
    }
}

/// Splits `logrotate -d` output into the decision lines of each `considering log X` section.
enum LogrotateTrace {
    static func sections(_ output: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var current: String?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("considering log ") {
                current = String(line.dropFirst("considering log ".count))
                result[current!] = []
            } else if line.hasPrefix("rotating ") || line.hasPrefix("Handling ") {
                current = nil
            } else if let path = current, line.hasPrefix("  ") || line.hasPrefix("error: ") {
                result[path, default: []].append(line)
            }
        }
        return result
    }
}
